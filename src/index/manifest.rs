//! The list of files an index holds, for incremental re-indexing.
//!
//! Per corpus file the manifest records its content hash (xxh3 of the bytes),
//! its size and modification time (so an unchanged file is recognised without
//! being read), how many articles it gave and what was wrong with it (so a
//! re-run reports the same skips without reading it again).
//!
//! Crash consistency: the manifest is never rewritten in place. Each commit
//! writes a new `files-N.jsonl` (synced) *before* tantivy's commit, and the
//! commit's payload names `N`. A run killed between the two leaves the payload
//! naming the previous manifest, which still exists; so the manifest read back
//! always describes exactly the committed documents. Stale generations are
//! removed after the next commit.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, InternalError, Result};
use crate::index::build::Skipped;

/// Prefix of manifest files in the index directory.
pub const MANIFEST_PREFIX: &str = "files-";

/// What the index knows about one corpus file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// xxh3-64 of the file's bytes.
    #[serde(rename = "h")]
    pub hash: u64,
    /// Size in bytes when it was indexed.
    #[serde(rename = "s")]
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    #[serde(rename = "m")]
    pub mtime_ns: u64,
    /// Articles written for it.
    #[serde(rename = "a")]
    pub articles: u64,
    /// Why parts of it were skipped (reported again on every run).
    #[serde(rename = "x", default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Skipped>,
    /// What was indexed with a caveat (decoded text), reported again too.
    #[serde(rename = "w", default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Skipped>,
}

#[derive(Serialize, Deserialize)]
struct Line {
    p: String,
    #[serde(flatten)]
    e: FileEntry,
}

/// The files of an index, by path relative to the corpus root.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Entries by relative path.
    pub files: HashMap<String, FileEntry>,
}

impl Manifest {
    /// Articles over all files.
    pub fn articles(&self) -> u64 {
        self.files.values().map(|e| e.articles).sum()
    }

    /// Reads generation `generation` from `dir`.
    pub fn read(dir: &Path, generation: u64) -> Result<Manifest> {
        let path = file_of(dir, generation);
        let corrupt = |message: String| -> Error {
            InternalError::Corrupt { path: dir.to_path_buf(), message }.into()
        };
        let file =
            fs::File::open(&path).map_err(|e| corrupt(format!("{}: {e}", path.display())))?;
        let mut files = HashMap::new();
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
            if line.is_empty() {
                continue;
            }
            let l: Line = serde_json::from_str(&line)
                .map_err(|e| corrupt(format!("{} line {}: {e}", path.display(), n + 1)))?;
            files.insert(l.p, l.e);
        }
        Ok(Manifest { files })
    }

    /// Writes generation `generation` into `dir` and syncs it to disk.
    pub fn write(&self, dir: &Path, generation: u64) -> Result<()> {
        let path = file_of(dir, generation);
        let io = |e| Error::write(&path, "writing", e);
        let file = fs::File::create(&path).map_err(io)?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        let mut paths: Vec<&String> = self.files.keys().collect();
        paths.sort_unstable();
        for p in paths {
            let line = Line { p: p.clone(), e: self.files[p].clone() };
            serde_json::to_writer(&mut out, &line).map_err(std::io::Error::other).map_err(io)?;
            out.write_all(b"\n").map_err(io)?;
        }
        let file = out.into_inner().map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)
    }
}

/// The manifest file of a generation.
pub fn file_of(dir: &Path, generation: u64) -> PathBuf {
    dir.join(format!("{MANIFEST_PREFIX}{generation}.jsonl"))
}

/// Whether `name` is a manifest file.
pub fn is_manifest_file(name: &str) -> bool {
    name.strip_prefix(MANIFEST_PREFIX)
        .and_then(|rest| rest.strip_suffix(".jsonl"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes every manifest generation in `dir` except `keep`.
pub fn remove_others(dir: &Path, keep: u64) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let keep = file_of(dir, keep);
    for entry in entries.flatten() {
        let name = entry.file_name();
        if is_manifest_file(&name.to_string_lossy()) && entry.path() != keep {
            // A leftover is harmless; failing to remove it is not an error.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The content hash of a file's bytes.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Manifest::default();
        m.files.insert(
            "a/ü.txt".into(),
            FileEntry {
                hash: 7,
                size: 3,
                mtime_ns: 9,
                articles: 1,
                problems: vec![],
                warnings: vec![],
            },
        );
        let skip = Skipped { path: "b.jsonl:line 2".into(), reason: "bad JSON".into() };
        m.files.insert(
            "b.jsonl".into(),
            FileEntry {
                hash: u64::MAX,
                size: 5,
                mtime_ns: 0,
                articles: 2,
                problems: vec![skip],
                warnings: vec![],
            },
        );
        m.write(dir.path(), 3).unwrap();
        assert_eq!(Manifest::read(dir.path(), 3).unwrap(), m);
        assert_eq!(m.articles(), 3);
        assert!(Manifest::read(dir.path(), 4).is_err());
    }

    #[test]
    fn only_manifest_generations_are_recognised_and_removed() {
        assert!(is_manifest_file("files-12.jsonl"));
        assert!(!is_manifest_file("files-.jsonl"));
        assert!(!is_manifest_file("files-x.jsonl"));
        let dir = tempfile::tempdir().unwrap();
        for g in [1, 2] {
            Manifest::default().write(dir.path(), g).unwrap();
        }
        fs::write(dir.path().join("other.txt"), "x").unwrap();
        remove_others(dir.path(), 2);
        assert!(!file_of(dir.path(), 1).exists());
        assert!(file_of(dir.path(), 2).exists());
        assert!(dir.path().join("other.txt").exists());
    }

    #[test]
    fn hashes_depend_on_content() {
        assert_eq!(hash_bytes(b"abc"), hash_bytes(b"abc"));
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"abd"));
    }
}
