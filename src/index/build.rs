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
//!
//! An index that can be searched is never reset in place: a rebuild
//! (`--rebuild`, another format, corpus or roots, a damaged index) is
//! written into a sibling folder and swapped in when complete
//! ([`super::layout`]), and a folder holding anything warta did not create
//! is refused before anything is written.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyError, Term};

use crate::error::{Error, Result, UserError};
use crate::index::manifest;
use crate::index::pipeline::{self, Job};
use crate::index::prepare::{Plan, Prepared, Ready, prepare};
use crate::index::queue::{DEFAULT_PERMITS, Permits, QueuedDoc};
use crate::index::schema::{FORMAT_VERSION, Fields, fields_of};
use crate::index::session::{CommitPayload, Session, writer_error};
use crate::index::threads::Threads;
use crate::index::walk::{self, Walked};
use crate::index::{analysis, layout};

pub use crate::index::prepare::index_settings;
pub use crate::index::walk::corpus_fingerprint;

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
/// policy allows 10 per tier). A build of 100k articles writes 4 segments on
/// two cores (one indexing thread) and 8 with two indexing threads, so it
/// merges nothing: merging 8 such segments into one took 5 s of a 47 s
/// build, raised peak RSS from about 285 to 460 MB (a merge maps every
/// segment it reads) and made no search faster (two cores search the
/// segments in parallel; BENCHMARKS.md). Larger corpora still merge, level
/// by level.
const SEGMENTS_PER_MERGE: usize = 10;

/// Segments below this many documents count as this size when levels are
/// formed (tantivy's default is 10,000). A re-run that indexes a few changed
/// files writes small segments (one per indexing thread); with the default
/// they joined the level of the full build's segments, and the tenth one
/// merged the whole index: 8.8 s instead of 2 s after 1% of 100k changed.
const MIN_LEVEL_DOCS: u32 = 1_000;

/// How segments are merged while indexing (see [`SEGMENTS_PER_MERGE`] and
/// [`MIN_LEVEL_DOCS`]).
pub fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_min_num_segments(SEGMENTS_PER_MERGE);
    policy.set_min_layer_size(MIN_LEVEL_DOCS);
    policy
}

/// The writer's threads and memory: `heap` split over `threads` indexing
/// threads, one merge at a time.
pub fn writer_options(threads: usize, heap: usize) -> tantivy::indexer::IndexWriterOptions {
    tantivy::indexer::IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(heap / threads)
        .num_merge_threads(MERGE_THREADS)
        .build()
}

/// Segments a build's new documents are spread over when the writer's
/// budget is fitted to them ([`fitted_heap`]), plus one smaller last segment
/// per thread: well under [`SEGMENTS_PER_MERGE`], so that an estimate off by
/// half again still gathers no merge. Each segment costs every search a
/// little (at 20,000 articles, 4 segments instead of 2 made the `full` query
/// class 2-3% slower, 8 segments 9-10%), so the spread is only as wide as the
/// memory saved needs.
const FITTED_SEGMENTS: u64 = 4;

/// The part of a segment's budget that does not grow in step with its text:
/// tantivy's 1 MB margin and, mostly, the term table, which tantivy starts
/// at 512K slots (4 MB) and doubles whenever it is half full, so a segment
/// of a few thousand articles already holds 8 or 16 MB of it. Fitted, with
/// [`BUDGET_PER_TEXT_BYTE_TENTHS`], to the segment sizes of generated
/// plain-text articles at 24, 32 and 64 MB a thread (about 2,300, 4,400 and
/// 12,500 articles of 3.6 KB).
const SEGMENT_FIXED_BYTES: u64 = 15 * 1024 * 1024;

/// Budget a segment needs per byte of plain article text, in tenths: the
/// postings of both analysed views of title and body, the quotes' fields
/// and positions. Plain text is the most a byte of input can cost; an HTML
/// page or a JSON file spends bytes on markup that is not indexed, so its
/// estimate is too large, which only means fewer segments.
const BUDGET_PER_TEXT_BYTE_TENTHS: u64 = 11;

/// The writer's budget (for all threads) for a run that reads `new_bytes`
/// of files: `heap` (the user's bound, already at least 15 MB a thread)
/// unless the new documents need less.
///
/// Peak memory of a build is mostly tantivy's in-memory segments, one per
/// indexing thread, each growing until the thread's budget is used or a
/// commit flushes it. When a thread's share of the new documents fits in its
/// budget, as for 20,000 articles at the default, the whole corpus is held in
/// memory until the final commit and serialised there at once. Spreading the
/// new documents over [`FITTED_SEGMENTS`] segments instead flushes them as
/// they fill, so memory holds a fraction of the corpus at a time. The budget
/// is only ever lowered: a corpus whose segments fill a thread's share of
/// `heap` (at the default 128 MiB, about 410 MiB of plain text per indexing
/// thread) is built with that share, and the segment count the rule gives stays under
/// [`SEGMENTS_PER_MERGE`] at every size, so it starts no merge. A re-run that
/// reads a few changed files gets a small budget and writes one segment a
/// thread.
pub fn fitted_heap(new_bytes: u64, threads: usize, heap: usize) -> usize {
    let threads = threads.max(1);
    let cap = heap / threads;
    let need = SEGMENT_FIXED_BYTES.saturating_add(
        new_bytes.saturating_mul(BUDGET_PER_TEXT_BYTE_TENTHS) / 10 / FITTED_SEGMENTS,
    );
    let per_thread = usize::try_from(need)
        .unwrap_or(usize::MAX)
        .clamp(MIN_HEAP_PER_THREAD, cap.max(MIN_HEAP_PER_THREAD));
    per_thread * threads
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
    /// A user's registry of officials (`registry.tsv`'s columns), added to
    /// the shipped one and copied into the index; without it, a registry
    /// stored by an earlier build is kept. Another registry than the
    /// index's re-extracts every article.
    pub officials: Option<PathBuf>,
    /// Threads in all, shared between extraction workers and tantivy's
    /// indexing threads ([`Threads::split`]); 0: one per core.
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
            officials: None,
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
    /// What was found wrong with the index and repaired (a damaged segment,
    /// a manifest that did not match the documents).
    pub repairs: Vec<String>,
    /// Files indexed with a caveat (text decoded from Windows-1252 …).
    pub warnings: Vec<Skipped>,
    /// Regular files of the corpus that are not article files, counted by
    /// extension (`.html`, `(none)` …): never read.
    pub other_files: std::collections::BTreeMap<String, usize>,
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

/// Builds the index for `opts.corpus` in `opts.index_dir`, or brings it up
/// to date with the corpus.
pub fn build(opts: &BuildOptions, progress: &mut dyn FnMut(Progress)) -> Result<BuildReport> {
    let started = Instant::now();
    let corpus = fs::canonicalize(&opts.corpus).map_err(|e| UserError::CorpusUnreadable {
        path: opts.corpus.clone(),
        reason: e.to_string(),
    })?;
    let dir = &opts.index_dir;
    layout::ensure_dir(dir)?;
    layout::refuse_foreign(dir)?;
    let mut report = BuildReport::default();
    let walked = walk::walk_stat(&corpus, dir, &mut report.skipped)?;
    report.files = walked.found.len();
    progress(Progress::Found(walked.found.len()));

    let extra_roots = match &opts.roots {
        Some(path) => analysis::read_roots(path)?,
        None => analysis::stored_roots(dir)?,
    };
    let officials = match &opts.officials {
        Some(path) => Arc::new(analysis::read_officials(path)?),
        None => analysis::stored_officials(dir)?,
    };
    let config = analysis::config(extra_roots, &officials);
    // What extraction and analysis depend on besides the files: the extra
    // roots and the user's registry of officials. A change re-extracts all.
    let roots_key = manifest::hash_bytes(
        format!("{}\n\0{}", config.extra_roots.join("\n"), officials.user_text()).as_bytes(),
    );
    let threads = Threads::for_build(opts.threads);
    let heap = opts.heap_bytes.max(MIN_HEAP_PER_THREAD * threads.indexers);
    let plan = Plan { opts, corpus, config, officials, roots_key, threads, heap };

    // Held while the index is judged, and through a rebuild beside it.
    let lock = layout::writer_lock(dir)?;
    // A rebuild is swapped in where the folder really is (`--index` may be a link).
    let real =
        fs::canonicalize(dir).map_err(|e| Error::io(format!("opening {}", dir.display()), e))?;
    let spare = layout::rebuild_dir(&real);
    let mut report = match prepare(dir, &plan, false, &mut report)? {
        Prepared::Ready(ready) => {
            // A rebuild stopped earlier is abandoned: this index is usable.
            // Removed under the lock, so no other run is using it.
            if spare.is_dir() && layout::foreign_entries(&spare)?.is_empty() {
                layout::remove_own(&spare)?;
            }
            drop(lock);
            run(dir, &plan, ready, walked, report, progress)?
        }
        Prepared::Rebuild(why) => {
            report.rebuilt = true;
            // The swap is a rename: the rebuild must live on the index's file system.
            layout::refuse_mount_point(&real)?;
            layout::refuse_foreign(&spare)?;
            layout::ensure_dir(&spare)?;
            let Prepared::Ready(ready) = prepare(&spare, &plan, true, &mut report)? else {
                unreachable!("a rebuild folder is reset in place");
            };
            report.repairs.push(format!(
                "rebuilt beside the old index, left as it was until the swap: {why}"
            ));
            let report = run(&spare, &plan, ready, walked, report, progress)?;
            if report.interrupted {
                let mut report = report;
                report.repairs.push(format!(
                    "the rebuild is kept in {} and the old index in {} is unchanged; run `warta index` again to finish it",
                    spare.display(),
                    dir.display()
                ));
                report
            } else {
                // Still under the lock: no other run judges either folder meanwhile.
                let left = layout::swap_in(&real, &spare)?;
                drop(lock);
                let mut report = report;
                if !left.is_empty() {
                    report.repairs.push(format!(
                        "{} was added to the old index during the rebuild; it is kept in {}",
                        left.join(", "),
                        spare.display()
                    ));
                }
                report
            }
        }
    };
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The files of the last commit's documents, as the `path` field indexes them.
fn indexed_paths(index: &Index, fields: &Fields) -> Result<HashSet<String>> {
    let reader: tantivy::IndexReader =
        index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
    let mut paths = HashSet::new();
    for segment in reader.searcher().segment_readers() {
        let inverted = segment.inverted_index(fields.path)?;
        let mut stream = inverted.terms().stream().map_err(|e| Error::io("reading paths", e))?;
        while stream.advance() {
            paths.insert(String::from_utf8_lossy(stream.key()).into_owned());
        }
    }
    Ok(paths)
}

/// A run over a prepared folder: plan, feed the writer, commit.
fn run(
    dir: &Path,
    plan: &Plan,
    ready: Ready,
    walked: Walked,
    mut report: BuildReport,
    progress: &mut dyn FnMut(Progress),
) -> Result<BuildReport> {
    let Ready { index, manifest, generation, delete_all, empty, reconcile } = ready;
    let fields = fields_of(&index.schema())
        .ok_or_else(|| UserError::NotAnIndex { path: dir.to_path_buf() })?;
    if delete_all || (manifest.files.is_empty() && empty && !reconcile) {
        report.rebuilt = true;
    }
    let Walked { found, kept, other } = walked;
    report.other_files = other;
    let walked_kept = Walked { kept, ..Walked::default() };
    let fingerprint = walk::fingerprint_of_found(&found);

    // Plan: unchanged files are not read; removed ones are deleted now.
    let mut jobs = Vec::new();
    // Paths seen, as hashes: 8 bytes a file, even for a million files.
    let mut present = HashSet::with_capacity(found.len());
    for f in found {
        present.insert(manifest::hash_bytes(f.rel.as_bytes()));
        match manifest.files.get(&f.rel) {
            Some(e) if e.size == f.size && e.mtime_ns == f.mtime_ns && f.mtime_ns != 0 => {
                report.unchanged += 1;
            }
            known => jobs.push(Job {
                known_hash: known.map(|e| e.hash),
                path: f.path,
                rel: f.rel,
                size: f.size,
                mtime_ns: f.mtime_ns,
            }),
        }
    }
    let orphans = if reconcile { indexed_paths(&index, &fields)? } else { HashSet::new() };
    // The writer is opened once the work is known: its budget fits the new files.
    let todo_bytes = jobs.iter().map(|j| j.size).sum();
    let heap = fitted_heap(todo_bytes, plan.threads.indexers, plan.heap);
    let writer: IndexWriter<QueuedDoc> = index
        .writer_with_options(writer_options(plan.threads.indexers, heap))
        .map_err(|e| match e {
            TantivyError::LockFailure(lock, _) => layout::lock_error(dir, lock),
            other => writer_error(dir, other),
        })?;
    writer.set_merge_policy(Box::new(merge_policy()));
    if delete_all {
        writer.delete_all_documents()?;
    }
    let mut session = Session {
        writer,
        permits: Permits::new(DEFAULT_PERMITS),
        fields,
        manifest,
        generation,
        dir: dir.to_path_buf(),
        payload: CommitPayload {
            format: FORMAT_VERSION,
            corpus: plan.corpus.clone(),
            roots: plan.roots_key,
            manifest: generation,
            finished: false,
        },
        fingerprint,
        fresh: empty,
        files_since_commit: 0,
        last_commit: Instant::now(),
        last_commit_cost: Duration::ZERO,
        commit_every: plan.opts.commit_every,
        commit_interval: plan.opts.commit_interval,
    };
    // Files gone from the corpus; what lies in a place that could not be
    // read now is kept (it is not gone).
    let gone: Vec<String> = session
        .manifest
        .files
        .keys()
        .chain(orphans.iter())
        .filter(|p| {
            !present.contains(&manifest::hash_bytes(p.as_bytes())) && !walked_kept.is_kept(p)
        })
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    drop(present);
    for rel in gone {
        session.writer.delete_term(Term::from_field_text(fields.path, &rel));
        if session.manifest.files.remove(&rel).is_some() {
            report.removed += 1;
        }
    }

    progress(Progress::Todo { files: jobs.len(), bytes: todo_bytes });
    let never = AtomicBool::new(false);
    let stop = plan.opts.stop.as_deref().unwrap_or(&never);
    let mut done = 0;
    pipeline::run(&jobs, plan.threads.workers, &fields, &plan.officials, stop, |job, outcome| {
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
    session.writer.wait_merging_threads().map_err(|e| writer_error(dir, e))?;
    // Syndicated copies are grouped over everything committed.
    crate::index::copies::update(&index, dir)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MB: u64 = 1024 * 1024;

    /// Segments the fitted budget makes of `bytes` of plain text, by the
    /// same model the constants come from (a segment's fixed part plus its
    /// text's postings), last partial segments included.
    fn modelled_segments(bytes: u64, threads: usize, heap: usize) -> u64 {
        let per_thread = (fitted_heap(bytes, threads, heap) / threads) as u64;
        let text_per_segment = per_thread.saturating_sub(SEGMENT_FIXED_BYTES).max(1) * 10
            / BUDGET_PER_TEXT_BYTE_TENTHS;
        let share = bytes / threads as u64;
        share.div_ceil(text_per_segment) * threads as u64
    }

    #[test]
    fn a_large_corpus_keeps_the_default_budget() {
        // 100,000 generated articles are 358 MB of text.
        assert_eq!(fitted_heap(358 * MB, 2, DEFAULT_HEAP_BYTES), DEFAULT_HEAP_BYTES);
        assert_eq!(fitted_heap(2 * 358 * MB, 2, DEFAULT_HEAP_BYTES), DEFAULT_HEAP_BYTES);
        // Many threads: the user's heap over them is already below the fitted budget.
        assert_eq!(fitted_heap(72 * MB, 8, DEFAULT_HEAP_BYTES), DEFAULT_HEAP_BYTES);
    }

    #[test]
    fn a_small_corpus_gets_a_budget_that_flushes_segments_as_they_fill() {
        // 20,000 generated articles are 72 MB of text: about 35 MB a thread
        // instead of 64, so a thread's share is not held whole in memory.
        let per_thread = fitted_heap(72 * MB, 2, DEFAULT_HEAP_BYTES) / 2;
        assert!((34 * MB as usize..36 * MB as usize).contains(&per_thread), "{per_thread}");
        // A re-run over a few changed files: a segment's fixed part.
        let per_thread = fitted_heap(200_000, 2, DEFAULT_HEAP_BYTES) / 2;
        assert!((15 * MB as usize..16 * MB as usize).contains(&per_thread), "{per_thread}");
        assert_eq!(fitted_heap(0, 1, DEFAULT_HEAP_BYTES), SEGMENT_FIXED_BYTES as usize);
    }

    #[test]
    fn a_lowered_budget_gathers_no_merge_at_any_corpus_size() {
        for threads in 1..=4 {
            for articles in [1_000u64, 5_000, 20_000, 50_000, 80_000, 100_000, 200_000] {
                let bytes = articles * 3_600;
                let heap = DEFAULT_HEAP_BYTES.max(MIN_HEAP_PER_THREAD * threads);
                if fitted_heap(bytes, threads, heap) / threads == heap / threads {
                    continue; // built with the default budget
                }
                let segments = modelled_segments(bytes, threads, heap);
                assert!(
                    segments < SEGMENTS_PER_MERGE as u64,
                    "{articles} articles, {threads} threads: {segments} segments"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn the_users_heap_stays_the_upper_bound(
            bytes in 0u64..(1 << 40),
            threads in 1usize..16,
            heap_mb in 15usize..4096,
        ) {
            let heap = (heap_mb << 20).max(MIN_HEAP_PER_THREAD * threads);
            let fitted = fitted_heap(bytes, threads, heap);
            prop_assert!(fitted <= heap);
            prop_assert!(fitted >= MIN_HEAP_PER_THREAD * threads);
            prop_assert!(fitted_heap(bytes / 2, threads, heap) <= fitted);
        }
    }
}
