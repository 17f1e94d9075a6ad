//! Building an index from a corpus folder, incrementally and in parallel.
//!
//! A run walks the corpus, compares it with the manifest of the last commit
//! ([`super::manifest`]) and only reads files that are new or whose size or
//! modification time changed; of those, files whose bytes hash the same are
//! not re-indexed. Removed files are deleted from the index. Reading,
//! extraction and document building run on worker threads
//! ([`super::pipeline`]); tantivy indexes on its own threads.
//!
//! The index is committed every minute (with the manifest tied to the
//! commit through its payload), so a killed run loses at most the last batch
//! and the next run finishes the job; the previous commit stays readable, and
//! is what searches see, meanwhile. Ctrl-C (the `stop` flag) stops feeding,
//! commits what is done and returns with `interrupted` set. Files that cannot
//! be read are skipped and reported with the reason; they never stop the run.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter, TantivyError, Term};
use walkdir::WalkDir;

use crate::analysis::AnalysisConfig;
use crate::error::{Error, Result, UserError};
use crate::extract::official::registry;
use crate::extract::reader;
use crate::index::analysis;
use crate::index::manifest::{self, FileEntry, Manifest};
use crate::index::pipeline::{self, Job, Outcome};
use crate::index::queue::{DEFAULT_PERMITS, Permits, QueuedDoc};
use crate::index::schema::{FORMAT_VERSION, Fields, build_schema, fields_of};
use crate::index::store::{Fingerprint, INFO_FILE, IndexInfo, WartaIndex};

/// Default memory budget of the index writer (shared by its threads).
pub const DEFAULT_HEAP_BYTES: usize = 128 * 1024 * 1024;

/// Least heap tantivy accepts per indexing thread.
const MIN_HEAP_PER_THREAD: usize = 15_000_000;

/// Segment merges running at once while indexing. Each merge maps the
/// segments it reads and builds their merged dictionaries in memory; four
/// at once (tantivy's default) are one source of run-to-run swings in peak
/// RSS (see BENCHMARKS.md).
const MERGE_THREADS: usize = 1;

/// Segments of about the same size that wait for a merge: they are merged
/// when this many have gathered (tantivy's default is 8; Lucene's tiered
/// policy allows 10 per tier). At the default heap a segment holds about
/// 12,000 articles, so 100k articles stay in 8 segments: merging those into
/// one took 5 s of a 47 s build, raised peak RSS from about 285 to 460 MB
/// (a merge maps every segment it reads) and made no search faster (two
/// cores search eight segments in parallel; BENCHMARKS.md). Larger corpora
/// still merge, level by level.
const SEGMENTS_PER_MERGE: usize = 10;

/// Segments below this many documents count as this size when levels are
/// formed (tantivy's default is 10,000). A re-run that indexes a few changed
/// files writes small segments (one per indexing thread); with the default
/// they joined the level of the full build's segments, and the tenth one
/// merged the whole index: 8.8 s instead of 2 s after 1% of 100k changed.
const MIN_LEVEL_DOCS: u32 = 1_000;

/// How segments are merged while indexing (see [`SEGMENTS_PER_MERGE`] and
/// [`MIN_LEVEL_DOCS`]).
fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_min_num_segments(SEGMENTS_PER_MERGE);
    policy.set_min_layer_size(MIN_LEVEL_DOCS);
    policy
}

/// The writer's threads and memory: `heap` split over `threads` indexing
/// threads, one merge at a time.
fn writer_options(threads: usize, heap: usize) -> tantivy::indexer::IndexWriterOptions {
    tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(heap / threads)
        .num_merge_threads(MERGE_THREADS)
        .build()
}

/// Default time between two commits of a running build.
pub const DEFAULT_COMMIT_INTERVAL: Duration = Duration::from_secs(60);

/// What to build and where.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The corpus folder (or a single article file).
    pub corpus: PathBuf,
    /// The index directory; created when missing.
    pub index_dir: PathBuf,
    /// Memory budget of the writer, in bytes (at least 15 MB per thread).
    pub heap_bytes: usize,
    /// A file of extra root words for the stemmer (one per line). It is
    /// copied into the index; without it, roots stored by an earlier build
    /// are kept. Other roots than the index's force a rebuild.
    pub roots: Option<PathBuf>,
    /// Worker threads (extraction) and indexing threads (tantivy); 0: one per core.
    pub threads: usize,
    /// Start over instead of indexing only what changed.
    pub rebuild: bool,
    /// Commit after this many files as well as every `commit_interval`.
    pub commit_every: Option<usize>,
    /// Time between two commits.
    pub commit_interval: Duration,
    /// Set (by a Ctrl-C handler) to stop feeding, commit and return.
    pub stop: Option<Arc<AtomicBool>>,
}

impl BuildOptions {
    /// Options with the default heap.
    pub fn new(corpus: impl Into<PathBuf>, index_dir: impl Into<PathBuf>) -> Self {
        BuildOptions {
            corpus: corpus.into(),
            index_dir: index_dir.into(),
            heap_bytes: DEFAULT_HEAP_BYTES,
            roots: None,
            threads: 0,
            rebuild: false,
            commit_every: None,
            commit_interval: DEFAULT_COMMIT_INTERVAL,
            stop: None,
        }
    }
}

/// A file, or an entry inside a file, that was not indexed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Path relative to the corpus root (with `:line N` for an entry of a JSON Lines file).
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What a build did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BuildReport {
    /// Article files found in the corpus.
    pub files: usize,
    /// Articles in the index after the run.
    pub articles: u64,
    /// Files indexed for the first time in this run.
    pub added: usize,
    /// Files whose content changed, re-indexed.
    pub updated: usize,
    /// Files gone from the corpus, deleted from the index.
    pub removed: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Bytes read (files that were new or looked changed).
    pub bytes_read: u64,
    /// The run started over (`--rebuild`, first build, other roots, corpus or format).
    pub rebuilt: bool,
    /// Stopped by Ctrl-C before the end: what is done is committed.
    pub interrupted: bool,
    /// Files still to index when interrupted.
    pub pending: usize,
    /// Files and entries left out, with reasons.
    pub skipped: Vec<Skipped>,
    /// Files indexed with a caveat (text decoded from Windows-1252 …).
    pub warnings: Vec<Skipped>,
    /// Wall time of the build.
    #[serde(skip)]
    pub elapsed: Duration,
}

/// Progress events, for a progress bar.
#[derive(Clone, Copy, Debug)]
pub enum Progress<'a> {
    /// The walk found this many article files.
    Found(usize),
    /// This many of them (this many bytes) must be read.
    Todo {
        /// Files.
        files: usize,
        /// Their total size.
        bytes: u64,
    },
    /// One more file was processed.
    File {
        /// The file.
        path: &'a Path,
        /// Its size.
        bytes: u64,
    },
    /// Committing.
    Committing,
}

/// What the commit payload records, tying the manifest to the commit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct CommitPayload {
    format: u32,
    corpus: PathBuf,
    /// Hash of the extra roots the documents were analysed with.
    roots: u64,
    /// Generation of the manifest file describing this commit.
    manifest: u64,
    /// The run that made this commit saw the whole corpus.
    finished: bool,
}

/// A file found by the walk.
struct Found {
    path: PathBuf,
    rel: String,
    size: u64,
    mtime_ns: u64,
}

/// Builds the index for `opts.corpus` in `opts.index_dir`, or brings it up
/// to date with the corpus.
pub fn build(opts: &BuildOptions, progress: &mut dyn FnMut(Progress)) -> Result<BuildReport> {
    let started = Instant::now();
    let corpus = fs::canonicalize(&opts.corpus).map_err(|e| UserError::CorpusUnreadable {
        path: opts.corpus.clone(),
        reason: e.to_string(),
    })?;
    let mut report = BuildReport::default();
    let found = walk_stat(&corpus, &opts.index_dir, &mut report.skipped)?;
    let fingerprint = fingerprint_of_found(&found);
    report.files = found.len();
    progress(Progress::Found(found.len()));

    let extra_roots = match &opts.roots {
        Some(path) => analysis::read_roots(path)?,
        None => analysis::stored_roots(&opts.index_dir)?,
    };
    let config = analysis::config(extra_roots);
    let index = open_for_writing(&opts.index_dir, &config, &corpus)?;
    let fields = fields_of(&index.schema())
        .ok_or_else(|| UserError::NotAnIndex { path: opts.index_dir.clone() })?;
    let threads = match opts.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let heap = opts.heap_bytes.max(MIN_HEAP_PER_THREAD * threads);
    let writer: IndexWriter<QueuedDoc> =
        index.writer_with_options(writer_options(threads, heap)).map_err(|e| match e {
            TantivyError::LockFailure(..) => {
                Error::from(UserError::IndexLocked { path: opts.index_dir.clone() })
            }
            other => other.into(),
        })?;
    writer.set_merge_policy(Box::new(merge_policy()));

    // What extraction and analysis depend on besides the files: the extra
    // roots and the user's registry of officials. A change re-extracts all.
    let roots_key = manifest::hash_bytes(
        format!("{}\n\0{}", config.extra_roots.join("\n"), registry::user_text()).as_bytes(),
    );
    let previous = committed_payload(&index);
    let kept = previous.as_ref().filter(|p| {
        !opts.rebuild && p.format == FORMAT_VERSION && p.corpus == corpus && p.roots == roots_key
    });
    let old = kept.and_then(|p| Manifest::read(&opts.index_dir, p.manifest).ok());
    let generation = previous.as_ref().map_or(0, |p| p.manifest);
    let manifest = match old {
        Some(m) => m,
        None => {
            report.rebuilt = true;
            writer.delete_all_documents()?;
            Manifest::default()
        }
    };
    analysis::store_roots(&opts.index_dir, &config.extra_roots)?;

    // Plan: unchanged files are not read; removed ones are deleted now.
    let mut jobs = Vec::new();
    // Paths seen, as hashes: 8 bytes a file, even for a million files.
    let mut present = HashSet::with_capacity(found.len());
    for f in found {
        match manifest.files.get(&f.rel) {
            Some(e) if e.size == f.size && e.mtime_ns == f.mtime_ns && f.mtime_ns != 0 => {
                report.unchanged += 1;
                present.insert(manifest::hash_bytes(f.rel.as_bytes()));
            }
            known => {
                let known_hash = known.map(|e| e.hash);
                present.insert(manifest::hash_bytes(f.rel.as_bytes()));
                jobs.push(Job {
                    path: f.path,
                    rel: f.rel,
                    size: f.size,
                    mtime_ns: f.mtime_ns,
                    known_hash,
                });
            }
        }
    }
    let mut session = Session {
        writer,
        permits: Permits::new(DEFAULT_PERMITS),
        fields,
        manifest,
        generation,
        dir: opts.index_dir.clone(),
        payload: CommitPayload {
            format: FORMAT_VERSION,
            corpus: corpus.clone(),
            roots: roots_key,
            manifest: generation,
            finished: false,
        },
        fingerprint,
        files_since_commit: 0,
        last_commit: Instant::now(),
        last_commit_cost: Duration::ZERO,
        commit_every: opts.commit_every,
        commit_interval: opts.commit_interval,
    };
    let gone: Vec<String> = session
        .manifest
        .files
        .keys()
        .filter(|p| !present.contains(&manifest::hash_bytes(p.as_bytes())))
        .cloned()
        .collect();
    drop(present);
    for rel in gone {
        session.writer.delete_term(Term::from_field_text(fields.path, &rel));
        session.manifest.files.remove(&rel);
        report.removed += 1;
    }

    let todo_bytes = jobs.iter().map(|j| j.size).sum();
    progress(Progress::Todo { files: jobs.len(), bytes: todo_bytes });
    let never = AtomicBool::new(false);
    let stop = opts.stop.as_deref().unwrap_or(&never);
    let mut done = 0;
    pipeline::run(&jobs, threads, &fields, stop, |job, outcome| {
        progress(Progress::File { path: &job.path, bytes: job.size });
        done += 1;
        report.bytes_read += job.size;
        session.apply(job, outcome, &mut report)?;
        if session.commit_due() {
            progress(Progress::Committing);
            session.commit(false)?;
        }
        Ok(())
    })?;
    report.interrupted = done < jobs.len();
    report.pending = jobs.len() - done;
    progress(Progress::Committing);
    session.commit(!report.interrupted)?;
    report.articles = session.manifest.articles();
    let mut problems: Vec<Skipped> =
        session.manifest.files.values().flat_map(|e| e.problems.iter().cloned()).collect();
    report.skipped.append(&mut problems);
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.reason.cmp(&b.reason)));
    report.warnings =
        session.manifest.files.values().flat_map(|e| e.warnings.iter().cloned()).collect();
    report.warnings.sort_by(|a, b| a.path.cmp(&b.path));
    session.writer.wait_merging_threads()?;
    // Syndicated copies are grouped over everything committed.
    crate::index::copies::update(&index, &opts.index_dir)?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The writer and the manifest of a running build.
struct Session {
    writer: IndexWriter<QueuedDoc>,
    /// Bounds the documents waiting in the writer's queue.
    permits: Permits,
    fields: Fields,
    manifest: Manifest,
    generation: u64,
    dir: PathBuf,
    payload: CommitPayload,
    fingerprint: Fingerprint,
    files_since_commit: usize,
    last_commit: Instant,
    last_commit_cost: Duration,
    commit_every: Option<usize>,
    commit_interval: Duration,
}

impl Session {
    /// Feeds one file's outcome to the writer and records it in the manifest.
    fn apply(&mut self, job: &Job, outcome: Outcome, report: &mut BuildReport) -> Result<()> {
        self.files_since_commit += 1;
        let (hash, docs, problems, warnings) = match outcome {
            Outcome::Unreadable(skip) => {
                report.skipped.push(skip);
                return Ok(());
            }
            Outcome::Unchanged { hash } => {
                report.unchanged += 1;
                if let Some(e) = self.manifest.files.get_mut(&job.rel) {
                    (e.hash, e.size, e.mtime_ns) = (hash, job.size, job.mtime_ns);
                }
                return Ok(());
            }
            Outcome::Parsed { hash, docs, problems, warnings } => (hash, docs, problems, warnings),
        };
        if self.manifest.files.contains_key(&job.rel) {
            // Every document of the file shares its path (JSON Lines: several).
            self.writer.delete_term(Term::from_field_text(self.fields.path, &job.rel));
            report.updated += 1;
        } else {
            report.added += 1;
        }
        let articles = docs.len() as u64;
        for doc in docs {
            self.writer.add_document(self.permits.queue(doc))?;
        }
        let entry = FileEntry {
            hash,
            size: job.size,
            mtime_ns: job.mtime_ns,
            articles,
            problems,
            warnings,
        };
        self.manifest.files.insert(job.rel.clone(), entry);
        Ok(())
    }

    /// Whether enough time (or files) went by since the last commit. The
    /// interval grows with the cost of writing the manifest, so that huge
    /// corpora do not spend their time rewriting it.
    fn commit_due(&self) -> bool {
        if self.commit_every.is_some_and(|n| self.files_since_commit >= n) {
            return true;
        }
        self.last_commit.elapsed() >= self.commit_interval.max(self.last_commit_cost * 10)
    }

    /// Writes the next manifest generation, then commits with a payload
    /// naming it, then updates `warta.json`.
    fn commit(&mut self, finished: bool) -> Result<()> {
        let started = Instant::now();
        let generation = self.generation + 1;
        self.manifest.write(&self.dir, generation)?;
        self.payload.manifest = generation;
        self.payload.finished = finished;
        // Serialising plain data cannot fail.
        let payload = serde_json::to_string(&self.payload).unwrap_or_default();
        let mut prepared = self.writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.generation = generation;
        manifest::remove_others(&self.dir, generation);
        let built_at = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        IndexInfo {
            format: FORMAT_VERSION,
            corpus: self.payload.corpus.clone(),
            articles: self.manifest.articles(),
            built_at,
            complete: true,
            pending: !finished,
            fingerprint: if finished { self.fingerprint } else { Fingerprint::default() },
        }
        .write(&self.dir)?;
        self.files_since_commit = 0;
        self.last_commit = Instant::now();
        self.last_commit_cost = started.elapsed();
        Ok(())
    }
}

/// The payload of the last commit, when it is one of ours.
fn committed_payload(index: &Index) -> Option<CommitPayload> {
    let metas = index.load_metas().ok()?;
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

/// The walk, with each file's size and modification time.
fn walk_stat(root: &Path, index_dir: &Path, skipped: &mut Vec<Skipped>) -> Result<Vec<Found>> {
    let files = walk(root, index_dir, skipped)?;
    let mut found = Vec::with_capacity(files.len());
    for path in files {
        let rel = relative_id(root, &path);
        match fs::metadata(&path) {
            Ok(meta) => {
                let mtime_ns = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
                found.push(Found { path, rel, size: meta.len(), mtime_ns });
            }
            Err(e) => skipped.push(Skipped { path: rel, reason: format!("cannot read file: {e}") }),
        }
    }
    Ok(found)
}

fn fingerprint_of_found(found: &[Found]) -> Fingerprint {
    let mut f = Fingerprint { files: found.len() as u64, ..Fingerprint::default() };
    for file in found {
        f.bytes += file.size;
        f.newest = f.newest.max(file.mtime_ns / 1_000_000_000);
    }
    f
}

/// The article files under `root`, sorted, skipping hidden entries and the
/// index directory itself when it lies inside the corpus.
fn walk(root: &Path, index_dir: &Path, skipped: &mut Vec<Skipped>) -> Result<Vec<PathBuf>> {
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
                skipped.push(Skipped { path, reason: e.to_string() });
            }
        }
    }
    Ok(files)
}

/// The fingerprint of the article files under `root` (as `warta index` would read them).
pub fn corpus_fingerprint(root: &Path, index_dir: &Path) -> Result<Fingerprint> {
    let root = fs::canonicalize(root).map_err(|e| UserError::CorpusUnreadable {
        path: root.to_path_buf(),
        reason: e.to_string(),
    })?;
    Ok(fingerprint_of_found(&walk_stat(&root, index_dir, &mut Vec::new())?))
}

/// `path` relative to `root`, with `/` separators.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = if rel.as_os_str().is_empty() {
        path.file_name().map(Path::new).unwrap_or(path)
    } else {
        rel
    };
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Opens the index in `dir` for writing, creating it (or replacing an index
/// of an older format) when needed. Refuses directories that hold anything
/// else, so a mistyped `--index` never deletes a user's files.
fn open_for_writing(dir: &Path, config: &AnalysisConfig, corpus: &Path) -> Result<Index> {
    fs::create_dir_all(dir).map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
    let (schema, _) = build_schema();
    // Unreadable `warta.json` beside tantivy's files: ours, but damaged.
    let ours = IndexInfo::read(dir).map(|i| i.map(Some)).unwrap_or(Some(None));
    let in_progress = IndexInfo {
        format: FORMAT_VERSION,
        corpus: corpus.to_path_buf(),
        articles: 0,
        built_at: 0,
        complete: false,
        pending: true,
        fingerprint: Fingerprint::default(),
    };
    let index = if WartaIndex::exists(dir) {
        let Some(info) = ours else {
            return Err(UserError::NotAnIndex { path: dir.to_path_buf() }.into());
        };
        let existing = Index::open_in_dir(dir).ok();
        let same = existing.as_ref().is_some_and(|i| fields_of(&i.schema()).is_some());
        match (info, existing) {
            (Some(info), Some(existing)) if info.format == FORMAT_VERSION && same => existing,
            _ => {
                wipe_index_files(dir)?;
                in_progress.write(dir)?;
                create(dir, schema)?
            }
        }
    } else {
        let foreign = list_dir(dir)?.into_iter().any(|name| !is_index_bookkeeping(&name));
        if foreign {
            return Err(UserError::NotAnIndex { path: dir.to_path_buf() }.into());
        }
        // Written first, so a build killed before its first commit leaves a
        // folder the next run recognises as its own and finishes.
        in_progress.write(dir)?;
        create(dir, schema)?
    };
    config.register(index.tokenizers());
    Ok(index)
}

/// A new index in `dir`. Stored fields (bodies, and the metadata with its
/// quotes and figures, which repeat body sentences) are compressed with zstd
/// rather than tantivy's default lz4: a smaller index for a slightly slower
/// fetch of the ten hits shown.
fn create(dir: &Path, schema: tantivy::schema::Schema) -> Result<Index> {
    let settings = tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(
            tantivy::store::ZstdCompressor::default(),
        ),
        ..tantivy::IndexSettings::default()
    };
    Ok(Index::builder().schema(schema).settings(settings).create_in_dir(dir)?)
}

/// Files an index folder may hold without being an index yet: ours, and
/// tantivy's locks and file list, which stay behind when someone clears the
/// folder with `rm index/*`.
fn is_index_bookkeeping(name: &str) -> bool {
    const KNOWN: &[&str] = [
        ".gitkeep",
        ".managed.json",
        ".tantivy-meta.lock",
        ".tantivy-writer.lock",
        analysis::ROOTS_FILE,
        analysis::OFFICIALS_FILE,
    ]
    .as_slice();
    KNOWN.contains(&name) || name.starts_with(INFO_FILE) || manifest::is_manifest_file(name)
}

fn list_dir(dir: &Path) -> Result<Vec<String>> {
    let entries =
        fs::read_dir(dir).map_err(|e| Error::io(format!("listing {}", dir.display()), e))?;
    Ok(entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect())
}

/// Removes the files of a warta index of another format (never `.gitkeep`).
fn wipe_index_files(dir: &Path) -> Result<()> {
    for name in list_dir(dir)? {
        if name == ".gitkeep" {
            continue;
        }
        let path = dir.join(&name);
        let removed =
            if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
        removed.map_err(|e| Error::io(format!("removing {}", path.display()), e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_with_forward_slashes() {
        let root = Path::new("/data/corpus");
        assert_eq!(relative_id(root, Path::new("/data/corpus/a/b.txt")), "a/b.txt");
        assert_eq!(relative_id(root, Path::new("/data/corpus/c.jsonl")), "c.jsonl");
    }

    #[test]
    fn tantivy_leftovers_do_not_make_a_folder_foreign() {
        for name in [".gitkeep", ".managed.json", ".tantivy-writer.lock", "warta.json", "roots.txt"]
        {
            assert!(is_index_bookkeeping(name), "{name}");
        }
        assert!(!is_index_bookkeeping("thesis.docx"));
    }

    #[test]
    fn a_single_file_corpus_uses_the_file_name() {
        let f = Path::new("/data/one.txt");
        assert_eq!(relative_id(f, f), "one.txt");
    }
}
