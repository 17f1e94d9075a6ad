//! The walk of a corpus folder: article files with their size and
//! modification time, and the places that could not be read.
//!
//! A folder or file that exists but cannot be read now (permissions, a
//! flaky mount) is not "gone": the walk names it in `kept`, and the build
//! keeps what the index holds from it. Only files really missing (not found)
//! count as removed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use crate::error::{Result, UserError};
use crate::extract::reader;
use crate::index::build::Skipped;
use crate::index::id::relative_id;
use crate::index::store::Fingerprint;

/// A file found by the walk.
pub struct Found {
    /// Where it is.
    pub path: PathBuf,
    /// Its id (path relative to the corpus root).
    pub rel: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u64,
}

/// What the walk found.
#[derive(Default)]
pub struct Walked {
    /// Article files, sorted.
    pub found: Vec<Found>,
    /// Relative paths (folders or files) that exist but could not be read:
    /// what the index holds under them is kept.
    pub kept: Vec<String>,
    /// Regular files that are not article files, counted by extension
    /// (lowercase, with its dot; `(none)` for a name without one).
    pub other: BTreeMap<String, usize>,
}

impl Walked {
    /// Whether `rel` lies in (or is) a place that could not be read.
    pub fn is_kept(&self, rel: &str) -> bool {
        self.kept.iter().any(|k| {
            k.is_empty()
                || rel == k
                || rel.strip_prefix(k.as_str()).is_some_and(|r| r.starts_with('/'))
        })
    }
}

/// The walk, with each file's size and modification time. Problems are
/// pushed to `skipped`.
pub fn walk_stat(root: &Path, index_dir: &Path, skipped: &mut Vec<Skipped>) -> Result<Walked> {
    let mut walked = Walked::default();
    let files = walk(root, index_dir, skipped, &mut walked)?;
    walked.found.reserve(files.len());
    for path in files {
        let rel = relative_id(root, &path);
        match fs::metadata(&path) {
            Ok(meta) => {
                let mtime_ns = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
                walked.found.push(Found { path, rel, size: meta.len(), mtime_ns });
            }
            Err(e) => {
                if e.kind() != std::io::ErrorKind::NotFound {
                    walked.kept.push(rel.clone());
                }
                skipped.push(Skipped { path: rel, reason: format!("cannot read file: {e}") });
            }
        }
    }
    Ok(walked)
}

/// The fingerprint of what a walk found.
pub fn fingerprint_of_found(found: &[Found]) -> Fingerprint {
    let mut f = Fingerprint { files: found.len() as u64, ..Fingerprint::default() };
    for file in found {
        f.bytes += file.size;
        f.newest = f.newest.max(file.mtime_ns / 1_000_000_000);
    }
    f
}

/// The article files under `root`, sorted, skipping hidden entries and the
/// index directory itself when it lies inside the corpus.
fn walk(
    root: &Path,
    index_dir: &Path,
    skipped: &mut Vec<Skipped>,
    walked: &mut Walked,
) -> Result<Vec<PathBuf>> {
    if root.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let index_dir = fs::canonicalize(index_dir).ok();
    let mut files = Vec::new();
    // Links are followed (shared drives are full of them); walkdir reports loops.
    let walker = WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    let walker = walker.filter_entry(|e| {
        let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
        let is_index = index_dir.as_deref().is_some_and(|d| e.path() == d);
        !hidden && !is_index
    });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && reader::is_article_file(e.path()) => {
                files.push(e.into_path());
            }
            // A FIFO, socket or device with an article's name: never opened.
            Ok(e) if reader::is_article_file(e.path()) && !e.file_type().is_dir() => {
                let kind = crate::input::special_kind(&e.file_type()).unwrap_or("not a file");
                let path = relative_id(root, e.path());
                skipped.push(Skipped { path, reason: format!("it is {kind}, not a regular file") });
            }
            Ok(e) if e.file_type().is_file() => {
                *walked.other.entry(extension_of(e.path())).or_default() += 1;
            }
            Ok(_) => {}
            Err(e) if e.depth() == 0 => {
                return Err(UserError::CorpusUnreadable {
                    path: root.to_path_buf(),
                    reason: e.to_string(),
                }
                .into());
            }
            Err(e) => {
                let path = e.path().map(|p| relative_id(root, p)).unwrap_or_default();
                let exists_but_unreadable = e.loop_ancestor().is_none()
                    && e.io_error().is_some_and(|io| io.kind() != std::io::ErrorKind::NotFound);
                if exists_but_unreadable {
                    walked.kept.push(path.clone());
                    let reason = format!(
                        "cannot read folder: {}; what the index holds from it is kept",
                        e.io_error().map_or_else(|| e.to_string(), |io| io.to_string())
                    );
                    skipped.push(Skipped { path, reason });
                } else {
                    skipped.push(Skipped { path, reason: e.to_string() });
                }
            }
        }
    }
    Ok(files)
}

/// A file's extension as the summary names it: lowercase with its dot, or
/// `(none)`.
fn extension_of(path: &Path) -> String {
    match path.extension() {
        Some(ext) => format!(".{}", ext.to_string_lossy().to_lowercase()),
        None => "(none)".to_string(),
    }
}

/// The fingerprint of the article files under `root` (as `warta index` would read them).
pub fn corpus_fingerprint(root: &Path, index_dir: &Path) -> Result<Fingerprint> {
    let root = fs::canonicalize(root).map_err(|e| UserError::CorpusUnreadable {
        path: root.to_path_buf(),
        reason: e.to_string(),
    })?;
    Ok(fingerprint_of_found(&walk_stat(&root, index_dir, &mut Vec::new())?.found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_places_cover_their_own_files_only() {
        let w = Walked { kept: vec!["a/b".into()], ..Walked::default() };
        assert!(w.is_kept("a/b/c.txt"));
        assert!(w.is_kept("a/b"));
        assert!(!w.is_kept("a/bc.txt"));
        assert!(!w.is_kept("a/c.txt"));
    }

    #[test]
    fn the_walk_finds_article_files_sorted() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("c/sub")).unwrap();
        for f in [
            "b.txt",
            "a.json",
            "c/sub/d.jsonl",
            "notes.md",
            ".hidden.txt",
            "p.HTML",
            "q.html",
            "README",
        ] {
            fs::write(dir.path().join(f), "x").unwrap();
        }
        let walked = walk_stat(dir.path(), &dir.path().join("index"), &mut Vec::new()).unwrap();
        let rels: Vec<&str> = walked.found.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a.json", "b.txt", "c/sub/d.jsonl"]);
        assert!(walked.kept.is_empty());
        // The other files are counted by extension; hidden ones are not seen at all.
        let other: Vec<(&str, usize)> =
            walked.other.iter().map(|(e, n)| (e.as_str(), *n)).collect();
        assert_eq!(other, [("(none)", 1), (".html", 2), (".md", 1)]);
    }
}
