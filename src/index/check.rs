//! Checking an index: tantivy's checksums, the manifest against the
//! documents (every id once, every file's articles present) and the groups
//! of copies against the ids.
//!
//! `warta index --check` runs all of it. A plain `warta index` runs the
//! cheap part before it trusts an index: the checksums of every segment file
//! but the document stores (which hold the bodies, most of the bytes, and
//! fail with an error rather than a wrong answer), and the number of
//! articles the manifest lists against the number the index holds.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::directory::Directory;
use tantivy::{Index, ReloadPolicy};

use crate::error::{Error, InternalError, Result, UserError};
use crate::index::copies::{Copies, SegmentDocs};
use crate::index::manifest::Manifest;
use crate::index::session::committed_payload;
use crate::index::store::{INFO_FILE, IndexInfo, WartaIndex};

/// What `warta index --check` found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CheckReport {
    /// The index folder.
    pub index: PathBuf,
    /// Articles in the index (`None` when damaged segments were not read).
    pub articles: Option<u64>,
    /// Segment files whose checksum was verified.
    pub files_checked: usize,
    /// Their size.
    pub bytes_checked: u64,
    /// Everything found wrong; empty when the index is sound.
    pub problems: Vec<String>,
}

/// The segment files of the last commit that are missing or whose checksum
/// does not match, with the number of files and bytes verified. The
/// document stores are verified only when `stores` is set.
pub fn damaged_files(index: &Index, dir: &Path, stores: bool) -> Result<(Vec<String>, usize, u64)> {
    let metas = index.load_metas()?;
    let mut damaged = Vec::new();
    let (mut files, mut bytes) = (0, 0);
    let mut paths: Vec<PathBuf> = metas.list_segment_files().into_iter().collect();
    paths.sort();
    let with_deletes: Vec<String> = metas
        .segments
        .iter()
        .filter(|s| s.has_deletes())
        .map(|s| format!("{}.{}.del", s.id().uuid_string(), s.delete_opstamp().unwrap_or(0)))
        .collect();
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        let optional =
            name.ends_with(".temp") || (name.ends_with(".del") && !with_deletes.contains(&name));
        if !stores && name.ends_with(".store") {
            continue;
        }
        if !index.directory().exists(&path).unwrap_or(false) {
            if !optional {
                damaged.push(format!("{name} is missing"));
            }
            continue;
        }
        files += 1;
        bytes += std::fs::metadata(dir.join(&path)).map_or(0, |m| m.len());
        match index.directory().validate_checksum(&path) {
            Ok(true) => {}
            Ok(false) => damaged.push(format!("{name}: checksum mismatch")),
            Err(e) => damaged.push(format!("{name}: {e}")),
        }
    }
    Ok((damaged, files, bytes))
}

/// Everything `warta index --check` verifies, on the index in `dir`.
pub fn check(dir: &Path) -> Result<CheckReport> {
    let mut report = CheckReport { index: dir.to_path_buf(), ..CheckReport::default() };
    if !WartaIndex::exists(dir) {
        return Err(UserError::IndexMissing { path: dir.to_path_buf() }.into());
    }
    match IndexInfo::read(dir) {
        Ok(Some(_)) => {}
        Ok(None) => report.problems.push(format!("{INFO_FILE} is missing")),
        Err(e) => report.problems.push(e.to_string()),
    }
    // Opened as searches open it, so a read-only index can be checked too.
    let opened = crate::index::readonly::Searchable::open(dir).and_then(Index::open);
    let index = match opened {
        Ok(index) => index,
        Err(e) => {
            report.problems.push(format!("tantivy cannot open the index: {e}"));
            return Ok(report);
        }
    };
    let (damaged, files, bytes) = damaged_files(&index, dir, true)?;
    report.files_checked = files;
    report.bytes_checked = bytes;
    let damaged_any = !damaged.is_empty();
    report.problems.extend(damaged);
    let manifest = match committed_payload(&index) {
        None => {
            report.problems.push("the last commit names no manifest".into());
            None
        }
        Some(p) => match Manifest::read(dir, p.manifest) {
            Ok(m) => Some(m),
            Err(e) => {
                report.problems.push(format!("manifest: {e}"));
                None
            }
        },
    };
    if damaged_any {
        // Reading damaged segments can fail in any way; the checksums said enough.
        return Ok(report);
    }
    let ids = match read_ids(&index) {
        Ok(ids) => ids,
        Err(e) => {
            report.problems.push(format!("reading the ids: {e}"));
            return Ok(report);
        }
    };
    report.articles = Some(ids.values().map(|n| u64::from(*n)).sum());
    let mut duplicates: Vec<(&String, &u32)> = ids.iter().filter(|(_, n)| **n > 1).collect();
    duplicates.sort();
    if !duplicates.is_empty() {
        let (id, n) = duplicates[0];
        report.problems.push(format!(
            "{} ids are indexed more than once (`{id}`: {n} times)",
            duplicates.len()
        ));
    }
    if let Some(manifest) = &manifest {
        report.problems.extend(compare(manifest, &ids));
    }
    match Copies::load(dir) {
        Ok(copies) => {
            let unknown: Vec<&str> = copies
                .groups()
                .iter()
                .flat_map(|g| g.members.iter())
                .filter(|m| !ids.contains_key(m.as_str()))
                .map(String::as_str)
                .collect();
            if let Some(first) = unknown.first() {
                report.problems.push(format!(
                    "copies.json names {} ids that are not in the index (`{first}` …)",
                    unknown.len()
                ));
            }
        }
        Err(e) => report.problems.push(e.to_string()),
    }
    Ok(report)
}

/// Every live id with the number of documents carrying it.
fn read_ids(index: &Index) -> Result<HashMap<String, u32>> {
    let reader: tantivy::IndexReader =
        index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
    let searcher = reader.searcher();
    let mut ids: HashMap<String, u32> = HashMap::new();
    for segment in searcher.segment_readers() {
        let docs = SegmentDocs::open(segment)?;
        for doc in segment.doc_ids_alive() {
            let id = docs.id(doc).ok_or_else(|| {
                Error::from(InternalError::Corrupt {
                    path: PathBuf::new(),
                    message: format!("document {doc} has no id"),
                })
            })?;
            *ids.entry(id).or_default() += 1;
        }
    }
    Ok(ids)
}

/// The file an id belongs to: the id itself, or what precedes `#N` (an
/// entry of a JSON Lines file).
fn file_of<'a>(manifest: &Manifest, id: &'a str) -> Option<&'a str> {
    if manifest.files.contains_key(id) {
        return Some(id);
    }
    let (file, n) = id.rsplit_once('#')?;
    (n.bytes().all(|b| b.is_ascii_digit()) && manifest.files.contains_key(file)).then_some(file)
}

/// The manifest against the ids: each file's articles all there, no
/// article of a file the manifest does not list.
fn compare(manifest: &Manifest, ids: &HashMap<String, u32>) -> Vec<String> {
    let mut per_file: HashMap<&str, u64> = HashMap::new();
    let mut unlisted = Vec::new();
    for (id, n) in ids {
        match file_of(manifest, id) {
            Some(file) => *per_file.entry(file).or_default() += u64::from(*n),
            None => unlisted.push(id.as_str()),
        }
    }
    let mut problems = Vec::new();
    unlisted.sort_unstable();
    if let Some(first) = unlisted.first() {
        problems.push(format!(
            "{} articles are in the index but their files are not in the manifest (`{first}` …)",
            unlisted.len()
        ));
    }
    let mut short: Vec<(&String, u64, u64)> = manifest
        .files
        .iter()
        .map(|(f, e)| (f, e.articles, per_file.get(f.as_str()).copied().unwrap_or(0)))
        .filter(|(_, want, have)| want != have)
        .collect();
    short.sort();
    if let Some((file, want, have)) = short.first() {
        problems.push(format!(
            "{} files of the manifest do not have their articles in the index (`{file}`: {want} listed, {have} indexed)",
            short.len()
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::manifest::FileEntry;

    fn entry(articles: u64) -> FileEntry {
        FileEntry { hash: 1, size: 1, mtime_ns: 1, articles, problems: vec![], warnings: vec![] }
    }

    #[test]
    fn ids_are_matched_to_their_files() {
        let mut m = Manifest::default();
        m.files.insert("a.txt".into(), entry(1));
        m.files.insert("b#1.jsonl".into(), entry(2));
        assert_eq!(file_of(&m, "a.txt"), Some("a.txt"));
        assert_eq!(file_of(&m, "b#1.jsonl#2"), Some("b#1.jsonl"));
        assert_eq!(file_of(&m, "c.txt"), None);
    }

    #[test]
    fn a_manifest_that_does_not_match_the_ids_is_reported() {
        let mut m = Manifest::default();
        m.files.insert("a.txt".into(), entry(1));
        m.files.insert("b.jsonl".into(), entry(2));
        let ids: HashMap<String, u32> =
            [("a.txt", 1), ("b.jsonl#1", 1), ("z.txt", 1)].map(|(i, n)| (i.to_string(), n)).into();
        let problems = compare(&m, &ids);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("`z.txt`"));
        assert!(problems[1].contains("`b.jsonl`: 2 listed, 1 indexed"));
    }
}
