//! A running build: the index writer, the manifest it keeps in step with
//! the commits, and how a commit is made.
//!
//! The manifest of indexed files is written to a new file and synced before
//! each commit, and the commit's payload names it, so the manifest read back
//! always describes exactly the committed documents.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexWriter, TantivyError, Term};

use crate::error::{Error, InternalError, Result};
use crate::index::build::BuildReport;
use crate::index::layout;
use crate::index::manifest::{self, FileEntry, Manifest};
use crate::index::pipeline::{Job, Outcome};
use crate::index::queue::{Permits, QueuedDoc};
use crate::index::schema::{FORMAT_VERSION, Fields};
use crate::index::store::{Fingerprint, IndexInfo};

/// What the commit payload records, tying the manifest to the commit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitPayload {
    /// [`FORMAT_VERSION`] of the documents.
    pub format: u32,
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Hash of the extra roots the documents were analysed with.
    pub roots: u64,
    /// Generation of the manifest file describing this commit.
    pub manifest: u64,
    /// The run that made this commit saw the whole corpus.
    pub finished: bool,
}

/// The payload of the last commit, when it is one of ours.
pub fn committed_payload(index: &Index) -> Option<CommitPayload> {
    let metas = index.load_metas().ok()?;
    serde_json::from_str(metas.payload.as_deref()?).ok()
}

/// The writer and the manifest of a running build.
pub struct Session {
    /// tantivy's writer.
    pub writer: IndexWriter<QueuedDoc>,
    /// Bounds the documents waiting in the writer's queue.
    pub permits: Permits,
    /// Field handles.
    pub fields: Fields,
    /// The files of the index as it will be at the next commit.
    pub manifest: Manifest,
    /// Generation of the manifest of the last commit.
    pub generation: u64,
    /// The index folder.
    pub dir: PathBuf,
    /// What the next commit records.
    pub payload: CommitPayload,
    /// The corpus as the walk saw it.
    pub fingerprint: Fingerprint,
    /// The index held no document when the run started: nothing to delete
    /// before adding.
    pub fresh: bool,
    /// Files applied since the last commit.
    pub files_since_commit: usize,
    /// When the last commit ended.
    pub last_commit: Instant,
    /// How long the last commit took.
    pub last_commit_cost: Duration,
    /// Commit after this many files (tests).
    pub commit_every: Option<usize>,
    /// Time between commits.
    pub commit_interval: Duration,
}

impl Session {
    /// Feeds one file's outcome to the writer and records it in the manifest.
    pub fn apply(&mut self, job: &Job, outcome: Outcome, report: &mut BuildReport) -> Result<()> {
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
            report.updated += 1;
        } else {
            report.added += 1;
        }
        // Delete before add: whatever the manifest says, the index never holds
        // a file's articles twice. Every document of a file shares its path
        // (JSON Lines: several), and every id starts with it.
        if !self.fresh {
            self.writer.delete_term(Term::from_field_text(self.fields.path, &job.rel));
        }
        let articles = docs.len() as u64;
        for doc in docs {
            self.writer
                .add_document(self.permits.queue(doc))
                .map_err(|e| writer_error(&self.dir, e))?;
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
    pub fn commit_due(&self) -> bool {
        if self.commit_every.is_some_and(|n| self.files_since_commit >= n) {
            return true;
        }
        self.last_commit.elapsed() >= self.commit_interval.max(self.last_commit_cost * 10)
    }

    /// Writes the next manifest generation, then commits with a payload
    /// naming it, then updates `warta.json`.
    pub fn commit(&mut self, finished: bool) -> Result<()> {
        let started = Instant::now();
        let generation = self.generation + 1;
        self.manifest.write(&self.dir, generation)?;
        self.payload.manifest = generation;
        self.payload.finished = finished;
        // Serialising plain data cannot fail.
        let payload = serde_json::to_string(&self.payload).unwrap_or_default();
        let mut prepared = self.writer.prepare_commit().map_err(|e| writer_error(&self.dir, e))?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(|e| writer_error(&self.dir, e))?;
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

/// A writer failure as the user should read it. tantivy reports a write
/// that failed on one of its threads (a full disk, a file system turned
/// read-only) as a killed or panicked writer; the file system is asked
/// what is wrong with it before that message is passed on.
pub fn writer_error(dir: &std::path::Path, e: TantivyError) -> Error {
    if let TantivyError::IoError(io) = &e {
        let copy = match io.raw_os_error() {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => std::io::Error::new(io.kind(), io.to_string()),
        };
        if crate::error::storage_problem(&copy).is_some() {
            return Error::write(dir, "writing the index in", copy);
        }
    }
    if let Some(problem) = layout::storage_condition(dir) {
        return InternalError::Storage {
            problem,
            path: dir.to_path_buf(),
            context: "the index writer could not write its segments".into(),
        }
        .into();
    }
    // A thread that panicked: say where (the message was kept, not printed).
    if let (TantivyError::ErrorInThread(what), Some(panic)) =
        (&e, crate::index::guard::take_panic())
    {
        return TantivyError::ErrorInThread(format!("{what} (a thread panicked: {panic})")).into();
    }
    e.into()
}
