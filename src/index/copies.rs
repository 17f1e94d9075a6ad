//! Syndicated copies in the index: after each commit, the MinHash signatures
//! stored in the `minhash` fast field of every live document are grouped
//! (see [`crate::dedup`]) and the groups are written to `copies.json` in the
//! index folder (temp file + rename). Because the groups are recomputed from
//! the whole index, they stay right when documents are added or replaced
//! incrementally. Beside it, `copies.bin` holds the same groups as a lookup
//! table ([`super::copies_table`]) that a search reads in one go and uses
//! in place ([`Copies::load`]); without a table that matches the JSON, the
//! JSON is read.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::{DocId, Index, IndexReader, ReloadPolicy, SegmentReader};

use crate::dedup::{self, Group, Item, Signature};
use crate::error::{Error, InternalError, Result};
use crate::extract::DatePrecision;
use crate::index::copies_table::{self, TABLE_FILE, Table};
use crate::index::document::indexed_precision;
use crate::index::names;

/// The sidecar file with the groups of copies.
pub const COPIES_FILE: &str = "copies.json";

/// What `copies.json` holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CopiesFile {
    /// The similarity threshold the groups were made with.
    pub threshold: f64,
    /// Words per shingle.
    pub shingle: usize,
    /// Stories with two or more copies.
    pub groups: Vec<Group>,
}

/// Recomputes the groups of copies of the committed index in `dir`.
pub fn update(index: &Index, dir: &Path) -> Result<()> {
    let reader: IndexReader =
        index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
    let searcher = reader.searcher();
    let mut owned: Vec<(String, Option<i64>, Signature)> = Vec::new();
    for segment in searcher.segment_readers() {
        let docs = SegmentDocs::open(segment)?;
        let (Some(minhash), Some(ids)) =
            (segment.fast_fields().bytes(names::MINHASH)?, docs.id.as_ref())
        else {
            continue;
        };
        // Both dictionaries are read front to back once: looking each
        // document's values up by ordinal decompresses a block per call.
        let all_ids = dictionary_terms(ids).map_err(|e| io_error(dir, e))?;
        let signatures = dictionary_terms(&minhash).map_err(|e| io_error(dir, e))?;
        for doc in segment.doc_ids_alive() {
            let Some(sig) = minhash.term_ords(doc).next().and_then(|o| term(&signatures, o)) else {
                continue;
            };
            let Some(sig) = Signature::from_bytes(sig) else { continue };
            let Some(id) = ids.term_ords(doc).next().and_then(|o| term(&all_ids, o)) else {
                continue;
            };
            owned.push((String::from_utf8_lossy(id).into_owned(), docs.date(doc), sig));
        }
    }
    let items: Vec<Item> =
        owned.iter().map(|(id, date, signature)| Item { id, date: *date, signature }).collect();
    let file = CopiesFile {
        threshold: dedup::THRESHOLD,
        shingle: dedup::SHINGLE,
        groups: dedup::group(&items, dedup::THRESHOLD),
    };
    let tmp = dir.join(format!("{COPIES_FILE}.tmp"));
    let json = serde_json::to_string(&file).unwrap_or_default();
    fs::write(&tmp, json).map_err(|e| io_error(&tmp, e))?;
    let path = dir.join(COPIES_FILE);
    fs::rename(&tmp, &path).map_err(|e| io_error(dir, e))?;
    // The table names the JSON it was made from: written after it, and a
    // table left from before matches no longer.
    let table = copies_table::stamp(&path)
        .and_then(|stamp| copies_table::encode(&file.groups, stamp, id_hash));
    let table_path = dir.join(TABLE_FILE);
    match table {
        Some(bytes) => {
            let tmp = dir.join(format!("{TABLE_FILE}.tmp"));
            fs::write(&tmp, bytes).map_err(|e| io_error(&tmp, e))?;
            fs::rename(&tmp, &table_path).map_err(|e| io_error(dir, e))
        }
        None => match fs::remove_file(&table_path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error(dir, e)),
            _ => Ok(()),
        },
    }
}

/// Every value of a column's dictionary, in ordinal order.
fn dictionary_terms(column: &tantivy::columnar::BytesColumn) -> std::io::Result<Vec<Vec<u8>>> {
    let dict = column.dictionary();
    let mut out = Vec::with_capacity(dict.num_terms());
    let mut stream = dict.stream()?;
    while stream.advance() {
        out.push(stream.key().to_vec());
    }
    Ok(out)
}

fn term(terms: &[Vec<u8>], ord: u64) -> Option<&[u8]> {
    terms.get(usize::try_from(ord).ok()?).map(Vec::as_slice)
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::write(&path.join(COPIES_FILE), "writing", e)
}

/// The lookup hash of an article id (std's SipHash with fixed keys).
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// Per-segment access to the fast fields analytics read for every matching
/// document: the id and the date.
pub struct SegmentDocs {
    id: Option<tantivy::columnar::StrColumn>,
    date: tantivy::columnar::Column<tantivy::DateTime>,
}

impl SegmentDocs {
    /// Opens the columns of one segment.
    pub fn open(segment: &SegmentReader) -> Result<SegmentDocs> {
        Ok(SegmentDocs {
            id: segment.fast_fields().str(names::ID)?,
            date: segment.fast_fields().date(names::DATE)?,
        })
    }

    /// The document's id.
    pub fn id(&self, doc: DocId) -> Option<String> {
        let column = self.id.as_ref()?;
        let ord = column.term_ords(doc).next()?;
        let mut out = String::new();
        column.ord_to_str(ord, &mut out).ok()?.then_some(out)
    }

    /// The document's date, seconds since the epoch (within the first day of
    /// its period, see [`crate::index::document::indexed_date`]).
    pub fn date(&self, doc: DocId) -> Option<i64> {
        self.date.first(doc).map(|d| d.into_timestamp_secs())
    }

    /// The document's date with how much of it the page gave.
    pub fn dated(&self, doc: DocId) -> Option<(i64, DatePrecision)> {
        self.date(doc).map(|secs| (secs, indexed_precision(secs)))
    }
}

/// The groups of copies of an index, by article id.
///
/// Every `warta search` process loads this before it shows a hit, so the
/// lookup table is cheap to build: the hash of each member id with its group,
/// sorted, instead of a map owning a copy of every id. A lookup checks the
/// id against the members of each group with its hash, so two ids with the
/// same hash are still told apart.
#[derive(Clone, Debug, Default)]
pub struct Copies {
    groups: Vec<Group>,
    /// (hash of a member id, its group), sorted.
    by_hash: Vec<(u64, u32)>,
    /// The same groups read from `copies.bin` (then `groups` is empty until
    /// `groups()` asks for them).
    table: Option<Table>,
    all: std::sync::OnceLock<Vec<Group>>,
}

impl Copies {
    /// Reads the groups of an index folder: `copies.bin` when it matches
    /// `copies.json`, else `copies.json`; no file means no copies.
    pub fn load(dir: &Path) -> Result<Copies> {
        let path = dir.join(COPIES_FILE);
        if let Some(stamp) = copies_table::stamp(&path)
            && let Ok(bytes) = fs::read(dir.join(TABLE_FILE))
            && let Some(table) = Table::new(bytes, stamp)
        {
            return Ok(Copies { table: Some(table), ..Copies::default() });
        }
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Copies::default()),
            Err(e) => return Err(Error::io(format!("reading {}", path.display()), e)),
        };
        let file: CopiesFile = serde_json::from_str(&text).map_err(|e| InternalError::Corrupt {
            path: dir.to_path_buf(),
            message: format!("{COPIES_FILE}: {e}"),
        })?;
        Ok(Copies::from_groups(file.groups))
    }

    /// Copies from groups (as `copies.json` holds them).
    pub fn from_groups(groups: Vec<Group>) -> Copies {
        let mut by_hash = Vec::with_capacity(groups.iter().map(|g| g.members.len()).sum());
        for (i, g) in groups.iter().enumerate() {
            // More than u32::MAX groups would need more articles than an index holds.
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            by_hash.extend(g.members.iter().map(|m| (id_hash(m), i)));
        }
        by_hash.sort_unstable();
        Copies { groups, by_hash, ..Copies::default() }
    }

    /// The group holding `id`. Should an id be in two groups (the grouping
    /// makes them disjoint), the later one answers.
    fn group_of(&self, id: &str) -> Option<&Group> {
        let h = id_hash(id);
        let start = self.by_hash.partition_point(|&(x, _)| x < h);
        let len = self.by_hash[start..].partition_point(|&(x, _)| x == h);
        self.by_hash[start..start + len]
            .iter()
            .rev()
            .map(|&(_, g)| &self.groups[g as usize])
            .find(|g| g.members.iter().any(|m| m == id))
    }

    /// The representative and size of the group holding `id`.
    fn story_of(&self, id: &str) -> Option<(&str, usize)> {
        match &self.table {
            Some(t) => {
                let g = t.group_of(id, id_hash(id))?;
                Some((t.representative(g)?, t.size(g)))
            }
            None => self.group_of(id).map(|g| (g.representative.as_str(), g.members.len())),
        }
    }

    /// The representative this article is a copy of (`None` for the
    /// representative itself and for articles without copies).
    pub fn duplicate_of(&self, id: &str) -> Option<&str> {
        let (rep, _) = self.story_of(id)?;
        (rep != id).then_some(rep)
    }

    /// How many other articles carry the same story.
    pub fn copies(&self, id: &str) -> usize {
        self.story_of(id).map_or(0, |(_, n)| n.saturating_sub(1))
    }

    /// The story an article belongs to: its representative's id (its own
    /// id when it has no copies).
    pub fn story<'a>(&'a self, id: &'a str) -> &'a str {
        self.story_of(id).map_or(id, |(rep, _)| rep)
    }

    /// All groups.
    pub fn groups(&self) -> &[Group] {
        match &self.table {
            Some(t) => self.all.get_or_init(|| t.groups()),
            None => &self.groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn copies() -> Copies {
        Copies::from_groups(vec![Group {
            representative: "a".into(),
            members: vec!["a".into(), "b".into(), "c".into()],
        }])
    }

    #[test]
    fn copies_point_to_their_representative() {
        let c = copies();
        assert_eq!(c.duplicate_of("b"), Some("a"));
        assert_eq!(c.duplicate_of("a"), None);
        assert_eq!(c.duplicate_of("z"), None);
        assert_eq!(c.copies("a"), 2);
        assert_eq!(c.copies("z"), 0);
        assert_eq!(c.story("c"), "a");
        assert_eq!(c.story("z"), "z");
    }

    #[test]
    fn lookups_agree_with_a_map_of_every_member() {
        let groups: Vec<Group> = (0..200)
            .map(|g| {
                let members: Vec<String> =
                    (0..=g % 4 + 1).map(|m| format!("{g}/{m}.txt")).collect();
                Group { representative: members[g % members.len()].clone(), members }
            })
            .collect();
        let map: HashMap<&str, &Group> =
            groups.iter().flat_map(|g| g.members.iter().map(move |m| (m.as_str(), g))).collect();
        let c = Copies::from_groups(groups.clone());
        for (id, g) in &map {
            assert_eq!(c.story(id), g.representative, "{id}");
            assert_eq!(c.copies(id), g.members.len() - 1, "{id}");
            assert_eq!(c.duplicate_of(id).is_none(), *id == g.representative, "{id}");
        }
        for absent in ["", "0/9.txt", "x", "200/0.txt"] {
            assert_eq!((c.story(absent), c.copies(absent)), (absent, 0));
        }
    }

    #[test]
    fn ids_sharing_a_hash_are_told_apart() {
        let mut c = copies();
        c.groups.push(Group { representative: "p".into(), members: vec!["p".into(), "q".into()] });
        // An entry of the second group under b's hash, as if "q" hashed
        // like "b": the lookup must pass over it to b's own group.
        c.by_hash.push((id_hash("b"), 1));
        c.by_hash.sort_unstable();
        assert_eq!(c.story("b"), "a");
        assert_eq!(c.copies("b"), 2);
    }

    #[test]
    fn the_table_answers_like_the_json_and_a_stale_one_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let groups = vec![
            Group { representative: "a".into(), members: vec!["a".into(), "b".into()] },
            Group { representative: "d".into(), members: vec!["c".into(), "d".into(), "e".into()] },
        ];
        let json = |groups: &[Group]| {
            let file = CopiesFile { threshold: 0.5, shingle: 5, groups: groups.to_vec() };
            serde_json::to_string(&file).unwrap()
        };
        let path = dir.path().join(COPIES_FILE);
        fs::write(&path, json(&groups)).unwrap();
        let stamp = copies_table::stamp(&path).unwrap();
        fs::write(
            dir.path().join(TABLE_FILE),
            copies_table::encode(&groups, stamp, id_hash).unwrap(),
        )
        .unwrap();
        let c = Copies::load(dir.path()).unwrap();
        assert!(c.table.is_some());
        assert_eq!((c.story("e"), c.copies("e"), c.duplicate_of("c")), ("d", 2, Some("d")));
        assert_eq!((c.story("z"), c.copies("z"), c.duplicate_of("a")), ("z", 0, None));
        assert_eq!(c.groups(), groups.as_slice());

        // copies.json rewritten without its table (an older warta): the JSON answers.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, json(&groups[..1])).unwrap();
        let c = Copies::load(dir.path()).unwrap();
        assert!(c.table.is_none());
        assert_eq!((c.story("e"), c.copies("a")), ("e", 1));
    }

    #[test]
    fn a_missing_file_means_no_copies() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Copies::load(dir.path()).unwrap().groups().is_empty());
        fs::write(dir.path().join(COPIES_FILE), "{").unwrap();
        assert!(Copies::load(dir.path()).is_err());
    }
}
