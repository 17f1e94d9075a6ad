//! `warta merge`: indexes built separately (shards) merged into one new
//! index without extracting anything again.
//!
//! Every shard must be a finished warta index of this format, built with the
//! same extra roots and the same registry of officials (the files kept in
//! the index folder, and the key of both in each shard's commit record), so
//! that documents and queries are analysed alike. tantivy merges the shards'
//! segments into one segment of the new index; the manifests are joined
//! (articles keep their ids, and a file held by two shards is an error);
//! syndicated copies are grouped again over the merged index from the stored
//! MinHash signatures ([`super::copies`]), so a copy in one shard of a story
//! in another is found. The new index records the deepest folder holding
//! every shard's corpus as its corpus, with a commit record like a build's:
//! a later `warta index` of that folder updates it like any index (files it
//! finds under other relative paths are indexed again, entries it does not
//! find are removed). The output folder must be new or empty: nothing is
//! ever overwritten or deleted. The merge holds the output's writer lock,
//! the one `warta index` takes, from before it looks at the folder to the
//! end: a second merge or an index run into the same folder is refused.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, INDEX_WRITER_LOCK, Lock, MmapDirectory, WatchCallback,
    WatchHandle, WritePtr,
};
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::error::{Error, Result, UserError};
use crate::index::analysis::{self, OFFICIALS_FILE};
use crate::index::layout;
use crate::index::manifest::Manifest;
use crate::index::schema::FORMAT_VERSION;
use crate::index::session::CommitPayload;
use crate::index::store::{Fingerprint, IndexInfo, WartaIndex};

/// Generation of the merged index's manifest file.
const MERGED_GENERATION: u64 = 1;

/// Heap of the writer that only records the commit of the merged index.
const RECORD_HEAP: usize = 15_000_000;

/// What a merge did.
#[derive(Clone, Debug, Serialize)]
pub struct MergeReport {
    /// Shards merged.
    pub shards: usize,
    /// Articles in the merged index.
    pub articles: u64,
    /// Corpus files the merged index knows.
    pub files: usize,
    /// Groups of syndicated copies over the merged index.
    pub copy_groups: usize,
    /// The corpus folder recorded for the merged index.
    pub corpus: PathBuf,
    /// Wall time in milliseconds.
    pub elapsed_ms: u64,
}

/// One shard, checked and read.
struct Shard {
    dir: PathBuf,
    index: WartaIndex,
    record: CommitPayload,
    manifest: Manifest,
    roots: Vec<String>,
    officials: Option<String>,
}

/// Merges the indexes in `shards` into a new index in `out`. `corpus`, when
/// given, is recorded as the merged index's corpus instead of the deepest
/// folder holding the shards' corpora: the folder the article ids are
/// relative to as a whole, so that `warta index CORPUS` updates the merged
/// index incrementally.
pub fn merge(shards: &[PathBuf], out: &Path, corpus: Option<&Path>) -> Result<MergeReport> {
    let started = Instant::now();
    if shards.is_empty() {
        return Err(refused("give at least one shard (an index folder) to merge"));
    }
    check_output(out)?;
    let shards = shards.iter().map(|d| open_shard(d)).collect::<Result<Vec<_>>>()?;

    check_alike(&shards)?;
    let manifest = join_manifests(shards.iter().map(|s| (s.dir.as_path(), &s.manifest)))?;
    let corpus = match corpus {
        Some(given) => fs::canonicalize(given).map_err(|e| UserError::CorpusUnreadable {
            path: given.to_path_buf(),
            reason: e.to_string(),
        })?,
        None => common_folder(shards.iter().map(|s| s.record.corpus.as_path())),
    };

    fs::create_dir_all(out).map_err(|e| Error::io(format!("creating {}", out.display()), e))?;
    // Held to the end; looked at again under the lock, which another merge
    // may have taken and let go of since the first look.
    let _lock = layout::writer_lock(out)?;
    check_empty(out)?;
    // Written first: a merge that stops half way leaves a folder every
    // command reports as an index that was never finished.
    let mut info = IndexInfo {
        format: FORMAT_VERSION,
        corpus: corpus.clone(),
        articles: manifest.articles(),
        built_at: 0,
        complete: false,
        pending: true,
        fingerprint: Fingerprint::default(),
    };
    info.write(out)?;

    let index = merge_segments(&shards, out)?;
    manifest.write(out, MERGED_GENERATION)?;
    let first = &shards[0];
    record_commit(
        &index,
        &CommitPayload {
            format: FORMAT_VERSION,
            corpus: corpus.clone(),
            roots: first.record.roots,
            manifest: MERGED_GENERATION,
            finished: true,
        },
    )?;
    analysis::store_roots(out, &first.roots)?;
    if let Some(text) = &first.officials {
        let path = out.join(OFFICIALS_FILE);
        fs::write(&path, text).map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
    }
    crate::index::copies::update(&index, out)?;
    let copy_groups = crate::index::copies::Copies::load(out)?.groups().len();

    info.built_at = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    info.complete = true;
    info.pending = false;
    info.fingerprint = shards.iter().fold(Fingerprint::default(), |f, s| {
        let g = s.index.info().fingerprint;
        Fingerprint {
            files: f.files + g.files,
            bytes: f.bytes + g.bytes,
            newest: f.newest.max(g.newest),
        }
    });
    info.write(out)?;
    Ok(MergeReport {
        shards: shards.len(),
        articles: info.articles,
        files: manifest.files.len(),
        copy_groups,
        corpus,
        elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

fn refused(message: impl Into<String>) -> Error {
    UserError::Merge { message: message.into() }.into()
}

/// tantivy's lock files, left behind by a run that held them: not content.
const LOCK_FILES: [&str; 2] = [".tantivy-writer.lock", ".tantivy-meta.lock"];

/// The output must be a new or empty folder (but for lock files), and no
/// `warta index` or `warta merge` may be writing it.
fn check_output(out: &Path) -> Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if layout::writer_running(out) {
        return Err(UserError::IndexLocked { path: out.to_path_buf() }.into());
    }
    check_empty(out)
}

/// The output holds nothing but lock files (the caller may hold its lock).
fn check_empty(out: &Path) -> Result<()> {
    let empty = out.is_dir()
        && fs::read_dir(out)
            .map_err(|e| Error::io(format!("listing {}", out.display()), e))?
            .filter_map(|e| e.ok())
            .all(|e| LOCK_FILES.iter().any(|l| e.file_name() == *l));
    if empty {
        Ok(())
    } else {
        Err(refused(format!(
            "{} already exists and is not empty; the merged index goes into a new or empty folder \
             (nothing is overwritten)",
            out.display()
        )))
    }
}

/// Opens a shard and reads its commit record, manifest and stored files.
fn open_shard(dir: &Path) -> Result<Shard> {
    let index = WartaIndex::open(dir)?;
    let shard_error = |what: &str| refused(format!("shard {}: {what}", dir.display()));
    if index.info().pending {
        return Err(shard_error(
            "its last `warta index` did not finish; run it again before merging",
        ));
    }
    let record = crate::index::session::committed_payload(index.index())
        .ok_or_else(|| shard_error("no record of a finished `warta index` build in it"))?;
    if !record.finished {
        return Err(shard_error(
            "its last `warta index` did not finish; run it again before merging",
        ));
    }
    let manifest = Manifest::read(dir, record.manifest)?;
    let roots = analysis::stored_roots(dir)?;
    let officials_path = dir.join(OFFICIALS_FILE);
    let officials = match fs::read_to_string(&officials_path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(format!("reading {}", officials_path.display()), e)),
    };
    Ok(Shard { dir: dir.to_path_buf(), index, record, manifest, roots, officials })
}

/// Every shard must analyse and extract like the first.
fn check_alike(shards: &[Shard]) -> Result<()> {
    let first = &shards[0];
    for s in &shards[1..] {
        let pair = format!("shards {} and {}", first.dir.display(), s.dir.display());
        if same_folder(&first.dir, &s.dir) {
            return Err(refused(format!("{pair} are the same index")));
        }
        if s.roots != first.roots {
            return Err(refused(format!(
                "{pair} were built with different extra roots ({}); rebuild one with the other's \
                 `--roots` file",
                analysis::ROOTS_FILE
            )));
        }
        if s.officials != first.officials {
            return Err(refused(format!(
                "{pair} were built with different registries of officials ({OFFICIALS_FILE}); \
                 rebuild one with the other's `--officials` file"
            )));
        }
        if s.record.roots != first.record.roots {
            return Err(refused(format!(
                "{pair} were built with different extra roots or registries of officials; \
                 rebuild them with the same `--roots` and `--officials` files"
            )));
        }
        if s.index.index().schema() != first.index.index().schema()
            || s.index.index().settings() != first.index.index().settings()
        {
            return Err(refused(format!("{pair} have different index layouts; rebuild them")));
        }
    }
    Ok(())
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The shards' manifests (with their folders) as one; a file (hence an
/// article id) in two shards is refused, naming both.
fn join_manifests<'a>(
    shards: impl IntoIterator<Item = (&'a Path, &'a Manifest)>,
) -> Result<Manifest> {
    let mut joined = Manifest::default();
    let mut owner: HashMap<&str, &Path> = HashMap::new();
    for (dir, manifest) in shards {
        for (path, entry) in &manifest.files {
            if let Some(first) = owner.insert(path, dir) {
                return Err(refused(format!(
                    "the file `{path}` (its articles' ids) is in both shard {} and shard {}; every \
                     file must be indexed by one shard only (remove it from one and re-run its \
                     `warta index`)",
                    first.display(),
                    dir.display()
                )));
            }
            joined.files.insert(path.clone(), entry.clone());
        }
    }
    Ok(joined)
}

/// tantivy's merge of every shard's segments into one segment in `out`,
/// whose writer lock the caller holds.
fn merge_segments(shards: &[Shard], out: &Path) -> Result<Index> {
    let indices: Vec<Index> = shards.iter().map(|s| s.index.index().clone()).collect();
    let dir = MmapDirectory::open(out)
        .map_err(|e| Error::io(format!("opening {}", out.display()), std::io::Error::other(e)))?;
    let dir = LockHeld(dir);
    let has_documents = shards.iter().any(|s| s.index.searcher().num_docs() > 0);
    let index = if has_documents {
        tantivy::indexer::merge_indices(&indices, dir)?
    } else {
        // Nothing to merge: an empty index with the shards' layout.
        Index::create(dir, indices[0].schema(), indices[0].settings().clone())?
    };
    Ok(index)
}

/// tantivy's directory of an output whose writer lock this merge already
/// holds: the writer that records the commit gets that lock without taking
/// it a second time (it would find it busy).
#[derive(Clone, Debug)]
struct LockHeld(MmapDirectory);

impl Directory for LockHeld {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> std::result::Result<(), DeleteError> {
        self.0.delete(path)
    }

    fn exists(&self, path: &Path) -> std::result::Result<bool, OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(&self, path: &Path) -> std::result::Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> std::result::Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> std::result::Result<DirectoryLock, LockError> {
        if lock.filepath == INDEX_WRITER_LOCK.filepath {
            return Ok(DirectoryLock::from(Box::new(())));
        }
        self.0.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(watch_callback)
    }
}

/// Commits the merged index once more, with the record `warta index` reads.
fn record_commit(index: &Index, record: &CommitPayload) -> Result<()> {
    let mut writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, RECORD_HEAP)?;
    let payload = serde_json::to_string(record).unwrap_or_default();
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// The deepest folder holding all `paths` (the root when they share none).
fn common_folder<'a>(paths: impl IntoIterator<Item = &'a Path>) -> PathBuf {
    let mut common: Option<Vec<Component<'a>>> = None;
    for p in paths {
        let parts: Vec<Component> = p.components().collect();
        common = Some(match common {
            None => parts,
            Some(c) => c.iter().zip(&parts).take_while(|(a, b)| a == b).map(|(a, _)| *a).collect(),
        });
    }
    common.unwrap_or_default().iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_folder_is_the_deepest_shared_one() {
        let p = |s: &str| PathBuf::from(s);
        let paths = [p("/data/news/2023"), p("/data/news/2024/jatim"), p("/data/news/2024")];
        assert_eq!(common_folder(paths.iter().map(PathBuf::as_path)), p("/data/news"));
        let same = [p("/data/news"), p("/data/news")];
        assert_eq!(common_folder(same.iter().map(PathBuf::as_path)), p("/data/news"));
        let apart = [p("/a/x"), p("/b/y")];
        assert_eq!(common_folder(apart.iter().map(PathBuf::as_path)), p("/"));
    }

    fn manifest(paths: &[&str]) -> Manifest {
        let entry = |articles| crate::index::manifest::FileEntry {
            hash: 1,
            size: 2,
            mtime_ns: 3,
            articles,
            problems: vec![],
            warnings: vec![],
        };
        Manifest { files: paths.iter().map(|p| (p.to_string(), entry(2))).collect() }
    }

    #[test]
    fn manifests_join_and_a_file_in_two_shards_names_both() {
        let (a, b) = (manifest(&["p0/x.txt", "p0/y.jsonl"]), manifest(&["p1/x.txt"]));
        let joined =
            join_manifests([(Path::new("s0"), &a), (Path::new("s1"), &b)]).expect("disjoint");
        assert_eq!(joined.files.len(), 3);
        assert_eq!(joined.articles(), 6);
        let c = manifest(&["p2/z.txt", "p0/y.jsonl"]);
        let shards = [(Path::new("s0"), &a), (Path::new("s1"), &b), (Path::new("s2"), &c)];
        let err = join_manifests(shards).unwrap_err().to_string();
        assert!(err.contains("`p0/y.jsonl`") && err.contains("s0 and shard s2"), "{err}");
    }

    proptest::proptest! {
        #[test]
        fn the_common_folder_holds_every_path_and_is_the_deepest(
            paths in proptest::collection::vec(
                proptest::collection::vec("[ab]{1,2}", 0..5), 1..5)
        ) {
            let paths: Vec<PathBuf> =
                paths.iter().map(|p| Path::new("/").join(p.join("/"))).collect();
            let common = common_folder(paths.iter().map(PathBuf::as_path));
            for p in &paths {
                proptest::prop_assert!(p.starts_with(&common), "{p:?} {common:?}");
            }
            let depth = common.components().count();
            if let Some(next) = paths[0].components().nth(depth) {
                let deeper = common.join(next);
                proptest::prop_assert!(!paths.iter().all(|p| p.starts_with(&deeper)));
            }
        }
    }

    #[test]
    fn a_non_empty_output_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        assert!(check_output(&out).is_ok());
        fs::create_dir(&out).unwrap();
        assert!(check_output(&out).is_ok());
        fs::write(out.join("thesis.docx"), "x").unwrap();
        let err = check_output(&out).unwrap_err().to_string();
        assert!(err.contains("not empty") && err.contains("out"), "{err}");
        assert!(out.join("thesis.docx").exists());
    }

    #[test]
    fn an_output_another_run_is_writing_is_refused_as_locked() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        let held = layout::writer_lock(&out).expect("lock");
        let err = check_output(&out).unwrap_err().to_string();
        assert!(err.contains("locked") && err.contains(".tantivy-writer.lock"), "{err}");
        drop(held);
        // The lock file a finished run leaves behind is not content.
        assert!(out.join(".tantivy-writer.lock").exists());
        assert!(check_output(&out).is_ok());
    }
}
