//! Syndicated copies in the index: after each commit, the MinHash signatures
//! stored in the `minhash` fast field of every live document are grouped
//! (see [`crate::dedup`]) and the groups are written to `copies.json` in the
//! index folder (temp file + rename). Because the groups are recomputed from
//! the whole index, they stay right when documents are added or replaced
//! incrementally. Searches read the file once ([`Copies::load`]).

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::{DocId, Index, IndexReader, ReloadPolicy, SegmentReader};

use crate::dedup::{self, Group, Item, Signature};
use crate::error::{Error, InternalError, Result};
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
    fs::rename(&tmp, dir.join(COPIES_FILE)).map_err(|e| io_error(dir, e))
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
    Error::io(format!("writing {}", path.join(COPIES_FILE).display()), e)
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

    /// The document's date, seconds since the epoch.
    pub fn date(&self, doc: DocId) -> Option<i64> {
        self.date.first(doc).map(|d| d.into_timestamp_secs())
    }
}

/// The groups of copies of an index, by article id.
#[derive(Clone, Debug, Default)]
pub struct Copies {
    groups: Vec<Group>,
    by_id: HashMap<String, usize>,
}

impl Copies {
    /// Reads `copies.json` from an index folder; no file means no copies.
    pub fn load(dir: &Path) -> Result<Copies> {
        let path = dir.join(COPIES_FILE);
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
        let mut by_id = HashMap::new();
        for (i, g) in groups.iter().enumerate() {
            for m in &g.members {
                by_id.insert(m.clone(), i);
            }
        }
        Copies { groups, by_id }
    }

    /// The representative this article is a copy of (`None` for the
    /// representative itself and for articles without copies).
    pub fn duplicate_of(&self, id: &str) -> Option<&str> {
        let g = &self.groups[*self.by_id.get(id)?];
        (g.representative != id).then_some(g.representative.as_str())
    }

    /// How many other articles carry the same story.
    pub fn copies(&self, id: &str) -> usize {
        self.by_id.get(id).map_or(0, |&g| self.groups[g].members.len().saturating_sub(1))
    }

    /// The story an article belongs to: its representative's id (its own
    /// id when it has no copies).
    pub fn story<'a>(&'a self, id: &'a str) -> &'a str {
        self.by_id.get(id).map_or(id, |&g| self.groups[g].representative.as_str())
    }

    /// All groups.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }
}

#[cfg(test)]
mod tests {
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
    fn a_missing_file_means_no_copies() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Copies::load(dir.path()).unwrap().groups().is_empty());
        fs::write(dir.path().join(COPIES_FILE), "{").unwrap();
        assert!(Copies::load(dir.path()).is_err());
    }
}
