//! Building an index from a corpus folder.
//!
//! The build is all-or-nothing at the commit: the previous index stays
//! readable (and is what searches see) until the new one is committed, so a
//! crash or a killed run never leaves a half-written index behind. Files that
//! cannot be read are skipped and reported with the reason; they never stop
//! the run.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tantivy::{Index, IndexWriter, TantivyError};
use walkdir::WalkDir;

use crate::analysis::AnalysisConfig;
use crate::analysis::View;
use crate::error::{Error, Result, UserError};
use crate::extract::{self, reader};
use crate::index::analysis;
use crate::index::document::{QuoteAnalyzers, to_document};
use crate::index::schema::{FORMAT_VERSION, build_schema, fields_of};
use crate::index::store::{Fingerprint, INFO_FILE, IndexInfo, WartaIndex};

/// Default memory budget of the index writer.
pub const DEFAULT_HEAP_BYTES: usize = 128 * 1024 * 1024;

/// What to build and where.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The corpus folder (or a single article file).
    pub corpus: PathBuf,
    /// The index directory; created when missing.
    pub index_dir: PathBuf,
    /// Memory budget of the writer, in bytes.
    pub heap_bytes: usize,
    /// A file of extra root words for the stemmer (one per line). It is
    /// copied into the index; without it, roots stored by an earlier build
    /// are kept.
    pub roots: Option<PathBuf>,
}

impl BuildOptions {
    /// Options with the default heap.
    pub fn new(corpus: impl Into<PathBuf>, index_dir: impl Into<PathBuf>) -> Self {
        BuildOptions {
            corpus: corpus.into(),
            index_dir: index_dir.into(),
            heap_bytes: DEFAULT_HEAP_BYTES,
            roots: None,
        }
    }
}

/// A file, or an entry inside a file, that was not indexed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Path relative to the corpus root (with `:line N` for an entry of a JSON Lines file).
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What a build did.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct BuildReport {
    /// Article files found in the corpus.
    pub files: usize,
    /// Articles written to the index.
    pub articles: u64,
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
    /// One more file was processed.
    File(&'a Path),
    /// All documents are added; committing.
    Committing,
}

/// Builds (or rebuilds) the index for `opts.corpus` in `opts.index_dir`.
pub fn build(opts: &BuildOptions, progress: &mut dyn FnMut(Progress)) -> Result<BuildReport> {
    let started = Instant::now();
    let corpus = fs::canonicalize(&opts.corpus).map_err(|e| UserError::CorpusUnreadable {
        path: opts.corpus.clone(),
        reason: e.to_string(),
    })?;
    let mut report = BuildReport::default();
    let files = walk(&corpus, &opts.index_dir, &mut report.skipped)?;
    let fingerprint = fingerprint_of(&files);
    report.files = files.len();
    progress(Progress::Found(files.len()));

    let extra_roots = match &opts.roots {
        Some(path) => analysis::read_roots(path)?,
        None => analysis::stored_roots(&opts.index_dir)?,
    };
    let config = analysis::config(extra_roots);
    let index = open_for_writing(&opts.index_dir, &config, &corpus)?;
    let fields = fields_of(&index.schema())
        .ok_or_else(|| UserError::NotAnIndex { path: opts.index_dir.clone() })?;
    let mut writer: IndexWriter =
        index.writer(opts.heap_bytes.max(15_000_000)).map_err(|e| match e {
            TantivyError::LockFailure(..) => {
                Error::from(UserError::IndexLocked { path: opts.index_dir.clone() })
            }
            other => other.into(),
        })?;
    writer.delete_all_documents()?;
    let mut quotes = QuoteAnalyzers {
        exact: config.analyzer(View::Exact),
        stemmed: config.analyzer(View::Stemmed),
    };

    for file in &files {
        progress(Progress::File(file));
        let rel = relative_id(&corpus, file);
        let outcome = match reader::read_file(file) {
            Ok(outcome) => outcome,
            Err(e) => {
                report.skipped.push(Skipped { path: rel, reason: e.to_string() });
                continue;
            }
        };
        for problem in outcome.problems {
            report.skipped.push(Skipped { path: rel.clone(), reason: problem });
        }
        for warning in outcome.warnings {
            report.warnings.push(Skipped { path: rel.clone(), reason: warning });
        }
        for (ordinal, raw) in &outcome.articles {
            let id = match ordinal {
                Some(n) => format!("{rel}#{n}"),
                None => rel.clone(),
            };
            let article = extract::extract(raw);
            if article.body.trim().is_empty() && article.title.is_none() {
                let reason = "no article text left after removing page chrome".to_string();
                report.skipped.push(Skipped { path: id, reason });
                continue;
            }
            writer.add_document(to_document(&fields, &id, &rel, &article, &mut quotes))?;
            report.articles += 1;
        }
    }
    progress(Progress::Committing);
    writer.commit()?;
    writer.wait_merging_threads()?;
    crate::index::copies::update(&index, &opts.index_dir)?;
    analysis::store_roots(&opts.index_dir, &config.extra_roots)?;
    let built_at = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    IndexInfo {
        format: FORMAT_VERSION,
        corpus,
        articles: report.articles,
        built_at,
        complete: true,
        fingerprint,
    }
    .write(&opts.index_dir)?;
    report.elapsed = started.elapsed();
    Ok(report)
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
    Ok(fingerprint_of(&walk(&root, index_dir, &mut Vec::new())?))
}

fn fingerprint_of(files: &[PathBuf]) -> Fingerprint {
    let mut f = Fingerprint { files: files.len() as u64, ..Fingerprint::default() };
    for meta in files.iter().filter_map(|p| fs::metadata(p).ok()) {
        f.bytes += meta.len();
        let modified = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok());
        f.newest = f.newest.max(modified.map_or(0, |d| d.as_secs()));
    }
    f
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
                Index::create_in_dir(dir, schema)?
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
        Index::create_in_dir(dir, schema)?
    };
    config.register(index.tokenizers());
    Ok(index)
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
    KNOWN.contains(&name) || name.starts_with(INFO_FILE)
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
