//! The parallel half of a build: worker threads read, hash, extract and turn
//! files into tantivy documents; the calling thread receives them one file at
//! a time (in whatever order they finish) and feeds the index writer.
//!
//! Memory stays flat: workers take the next file only when they are free and
//! hand results through a small bounded channel, so at most
//! `threads + CHANNEL_FILES` files are in memory at once, whatever the corpus
//! size. The gazetteers, automata and regexes behind extraction are
//! process-wide `LazyLock`s; text analysis happens on tantivy's threads.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use tantivy::TantivyDocument;

use crate::error::Result;
use crate::extract::official::registry::Registry;
use crate::extract::{self, reader};
use crate::index::build::Skipped;
use crate::index::document::to_document;
use crate::index::manifest::hash_bytes;
use crate::index::schema::Fields;

/// Files waiting in the channel between the workers and the writer.
const CHANNEL_FILES: usize = 32;

/// A file to (re)index.
#[derive(Clone, Debug)]
pub struct Job {
    /// Absolute path.
    pub path: PathBuf,
    /// Path relative to the corpus root: the `path` field and manifest key.
    pub rel: String,
    /// Size seen by the walk.
    pub size: u64,
    /// Modification time seen by the walk (ns since the epoch, 0 when unknown).
    pub mtime_ns: u64,
    /// The hash the manifest has for this path, when it has one.
    pub known_hash: Option<u64>,
}

/// What a worker made of a file.
pub enum Outcome {
    /// Same bytes as already indexed (only the modification time changed).
    Unchanged {
        /// Content hash.
        hash: u64,
    },
    /// New or changed content.
    Parsed {
        /// Content hash.
        hash: u64,
        /// One document per article.
        docs: Vec<TantivyDocument>,
        /// Entries left out, with reasons.
        problems: Vec<Skipped>,
        /// Caveats on what was indexed (text decoded from another encoding).
        warnings: Vec<Skipped>,
    },
    /// The file could not be read (permissions, vanished): not recorded,
    /// tried again next run.
    Unreadable(Skipped),
}

/// Processes `jobs` on `threads` workers and hands each outcome to
/// `consume` on the calling thread. Stops taking new files when `stop` is
/// set (Ctrl-C) or `consume` fails; outcomes already made are still handed
/// over unless `consume` failed.
pub fn run(
    jobs: &[Job],
    threads: usize,
    fields: &Fields,
    officials: &Registry,
    stop: &AtomicBool,
    mut consume: impl FnMut(&Job, Outcome) -> Result<()>,
) -> Result<()> {
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let (tx, rx) = crossbeam_channel::bounded::<(usize, Outcome)>(CHANNEL_FILES);
    let mut result = Ok(());
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            let tx = tx.clone();
            let (next, failed) = (&next, &failed);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) && !failed.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if tx.send((i, process(job, fields, officials))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Drains the channel to the end, so no worker stays blocked on a send.
        for (i, outcome) in rx {
            if result.is_ok() {
                result = consume(&jobs[i], outcome);
                if result.is_err() {
                    failed.store(true, Ordering::Relaxed);
                }
            }
        }
    });
    result
}

/// Reads, hashes and (unless unchanged) extracts one file.
fn process(job: &Job, fields: &Fields, officials: &Registry) -> Outcome {
    let skip = |path: String, reason: String| Skipped { path, reason };
    let bytes = match reader::read_bytes(&job.path) {
        Ok(bytes) => bytes,
        Err(reader::ReadError::Io(e)) => {
            return Outcome::Unreadable(skip(
                job.rel.clone(),
                reader::ReadError::Io(e).to_string(),
            ));
        }
        Err(e) => {
            // Too large: a property of the content, recorded like a parse error.
            let hash = job.size ^ job.mtime_ns;
            let problems = vec![skip(job.rel.clone(), e.to_string())];
            return Outcome::Parsed { hash, docs: Vec::new(), problems, warnings: Vec::new() };
        }
    };
    let hash = hash_bytes(&bytes);
    if job.known_hash == Some(hash) {
        return Outcome::Unchanged { hash };
    }
    let kind = reader::FileKind::from_path(&job.path).unwrap_or(reader::FileKind::Text);
    let outcome = match reader::parse_bytes(kind, &bytes) {
        Ok(outcome) => outcome,
        Err(e) => {
            let problems = vec![skip(job.rel.clone(), e.to_string())];
            return Outcome::Parsed { hash, docs: Vec::new(), problems, warnings: Vec::new() };
        }
    };
    drop(bytes);
    let rel = &job.rel;
    let mut problems: Vec<Skipped> =
        outcome.problems.into_iter().map(|p| skip(rel.clone(), p)).collect();
    let warnings = outcome.warnings.into_iter().map(|w| skip(rel.clone(), w)).collect();
    let mut docs = Vec::with_capacity(outcome.articles.len());
    for (ordinal, raw) in &outcome.articles {
        let id = match ordinal {
            Some(n) => format!("{rel}#{n}"),
            None => rel.clone(),
        };
        let article = extract::extract_with(raw, officials);
        if article.body.trim().is_empty() && article.title.is_none() {
            let reason = "no article text left after removing page chrome".to_string();
            problems.push(skip(id, reason));
            continue;
        }
        docs.push(to_document(fields, &id, rel, &article));
    }
    Outcome::Parsed { hash, docs, problems, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::build_schema;

    fn job(dir: &std::path::Path, name: &str, text: &str, known: Option<u64>) -> Job {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        Job { path, rel: name.into(), size: text.len() as u64, mtime_ns: 1, known_hash: known }
    }

    #[test]
    fn every_job_is_handed_over_once() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Judul\n\nBPJS Ketenagakerjaan membayar klaim JHT pekerja.\n";
        let mut jobs: Vec<Job> =
            (0..50).map(|i| job(dir.path(), &format!("{i}.txt"), text, None)).collect();
        jobs.push(job(dir.path(), "same.txt", text, Some(hash_bytes(text.as_bytes()))));
        jobs.push(job(dir.path(), "empty.txt", "  \n", None));
        let (_, fields) = build_schema();
        let stop = AtomicBool::new(false);
        let mut seen = Vec::new();
        let (mut docs, mut unchanged, mut skipped) = (0, 0, 0);
        run(&jobs, 3, &fields, Registry::builtin(), &stop, |job, outcome| {
            seen.push(job.rel.clone());
            match outcome {
                Outcome::Unchanged { .. } => unchanged += 1,
                Outcome::Parsed { docs: d, problems, .. } => {
                    docs += d.len();
                    skipped += problems.len();
                }
                Outcome::Unreadable(_) => panic!("all readable"),
            }
            Ok(())
        })
        .unwrap();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 52);
        assert_eq!((docs, unchanged, skipped), (50, 1, 1));
    }

    #[test]
    fn a_failing_consumer_stops_the_workers_without_deadlock() {
        let dir = tempfile::tempdir().unwrap();
        let jobs: Vec<Job> = (0..200)
            .map(|i| job(dir.path(), &format!("{i}.txt"), "Judul\n\nIsi.\n", None))
            .collect();
        let (_, fields) = build_schema();
        let stop = AtomicBool::new(false);
        let mut calls = 0;
        let r = run(&jobs, 2, &fields, Registry::builtin(), &stop, |_, _| {
            calls += 1;
            Err(crate::error::Error::io("test", std::io::Error::other("full")))
        });
        assert!(r.is_err());
        assert_eq!(calls, 1);
    }
}
