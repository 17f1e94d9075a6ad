//! Opening an index folder for a run and judging what it holds: a new
//! folder, an index never finished (reset in place), or an index that may
//! be searched, which is never reset: its problems (another format, corpus
//! or roots, `--rebuild`, a damaged segment, an unreadable manifest) ask for
//! a rebuild beside it. A manifest whose article count differs from the
//! index is repaired by the run.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::{Index, ReloadPolicy};

use crate::analysis::AnalysisConfig;
use crate::error::{Result, UserError};
use crate::extract::official::registry::Registry;
use crate::index::build::{BuildOptions, BuildReport};
use crate::index::manifest::{self, Manifest};
use crate::index::schema::{FORMAT_VERSION, build_schema, fields_of};
use crate::index::session::{committed_payload, writer_error};
use crate::index::store::{Fingerprint, IndexInfo, WartaIndex};
use crate::index::threads::Threads;
use crate::index::{analysis, check, layout};

/// What a run needs besides the folder it writes: the same for the index
/// folder and for a rebuild folder.
pub struct Plan<'a> {
    /// The user's options.
    pub opts: &'a BuildOptions,
    /// The corpus folder, canonical.
    pub corpus: PathBuf,
    /// The analysis documents and queries use.
    pub config: AnalysisConfig,
    /// The registry of officials extraction files names under.
    pub officials: Arc<Registry>,
    /// Hash of what extraction and analysis depend on besides the files.
    pub roots_key: u64,
    /// Extraction and indexing threads.
    pub threads: Threads,
    /// The writer's memory budget.
    pub heap: usize,
}

/// An index folder ready for a run, or the reason it must be rebuilt beside.
pub enum Prepared {
    /// Ready for a run.
    Ready(Ready),
    /// Rebuild beside, for this reason.
    Rebuild(String),
}

/// An opened index and what its last commit says.
pub struct Ready {
    /// The opened index.
    pub index: Index,
    /// Its files, as the last commit knows them.
    pub manifest: Manifest,
    /// Generation of that manifest.
    pub generation: u64,
    /// Start over in place (an index nobody can search yet).
    pub delete_all: bool,
    /// The index held no document.
    pub empty: bool,
    /// The manifest did not match the documents: remove the articles of
    /// files the corpus does not have, whatever the manifest says.
    pub reconcile: bool,
}

/// Opens the index in `dir` and judges it. An index that may be searched
/// (`dir` is the index folder and a build finished there once) is never
/// reset: a problem with it asks for a rebuild beside it. A `scratch`
/// folder (a rebuild) or an index never finished is reset in place.
pub fn prepare(
    dir: &Path,
    plan: &Plan,
    scratch: bool,
    report: &mut BuildReport,
) -> Result<Prepared> {
    let exists = WartaIndex::exists(dir);
    let info = IndexInfo::read(dir);
    if exists && matches!(info, Ok(None)) {
        // tantivy's files without warta's marker: someone else's index.
        return Err(UserError::NotAnIndex { path: dir.to_path_buf() }.into());
    }
    let searchable = !scratch && exists && !matches!(&info, Ok(Some(i)) if !i.complete);
    let opened = exists.then(|| Index::open_in_dir(dir).ok()).flatten();
    let problem = match (&info, &opened) {
        _ if !exists => None,
        (Err(e), _) => Some(format!("its warta.json is unreadable ({e})")),
        (_, None) => {
            Some("tantivy cannot open it (meta.json damaged or of another version)".into())
        }
        (Ok(Some(i)), _) if i.format != FORMAT_VERSION => {
            Some(format!("it has format {}, this warta writes {FORMAT_VERSION}", i.format))
        }
        (_, Some(i)) if fields_of(&i.schema()).is_none() => {
            Some("its fields are not the ones this warta writes".into())
        }
        _ => None,
    };
    if let Some(why) = &problem
        && searchable
    {
        return Ok(Prepared::Rebuild(why.clone()));
    }
    let index = match opened.filter(|_| problem.is_none()) {
        Some(index) => index,
        None => {
            if exists {
                layout::remove_index_files(dir)?;
            }
            // Written first, so a build killed before its first commit leaves a
            // folder the next run recognises as its own and finishes.
            in_progress(&plan.corpus).write(dir)?;
            create(dir)?
        }
    };
    plan.config.register(index.tokenizers());

    let previous = committed_payload(&index);
    let mut why: Option<String> = None;
    if previous.is_some() {
        // The cheap part of `--check`, before any segment is opened (a
        // rebuild folder too: a damaged one is not resumed).
        let (damaged, _, _) = check::damaged_files(&index, dir, false)?;
        if let Some(first) = damaged.first() {
            let more = if damaged.len() > 1 {
                format!(" and {} more", damaged.len() - 1)
            } else {
                String::new()
            };
            why = Some(format!("index damaged ({first}{more})"));
        }
    }
    let live = if why.is_none() { live_docs(&index) } else { Ok(0) };
    let live = live.unwrap_or_else(|e| {
        why.get_or_insert(format!("index damaged ({e})"));
        0
    });
    if why.is_none() {
        why = match &previous {
            _ if plan.opts.rebuild && !scratch => Some("--rebuild".into()),
            None if live == 0 => None,
            None => Some("its last commit names no manifest".into()),
            Some(p) if p.format != FORMAT_VERSION => {
                Some(format!("its documents have format {}", p.format))
            }
            Some(p) if p.corpus != plan.corpus => {
                Some(format!("it was built from {}", p.corpus.display()))
            }
            Some(p) if p.roots != plan.roots_key => {
                Some("other extra roots or another registry of officials".into())
            }
            Some(_) => None,
        };
    }
    let mut manifest = None;
    if why.is_none()
        && let Some(p) = &previous
    {
        match Manifest::read(dir, p.manifest) {
            Ok(m) => manifest = Some(m),
            Err(e) => why = Some(format!("its manifest is unreadable ({e})")),
        }
    }
    let mut reset = false;
    if let Some(why) = why {
        if searchable {
            return Ok(Prepared::Rebuild(why));
        }
        manifest = None;
        reset = true;
    }
    let generation = previous.as_ref().map_or(0, |p| p.manifest);
    let mut reconcile = false;
    if let Some(m) = &manifest
        && m.articles() != live
    {
        report.repairs.push(format!(
            "the manifest {} listed {} articles but the index holds {live}: every file was read again, its articles replaced, and articles of files not in the corpus removed",
            manifest::file_of(dir, generation).display(),
            m.articles()
        ));
        manifest = Some(Manifest::default());
        reconcile = true;
    }
    analysis::store_roots(dir, &plan.config.extra_roots)?;
    analysis::store_officials(dir, plan.officials.user_text())?;
    // Unknown documents (the count of a damaged index is not read) are reset too.
    let delete_all = manifest.is_none() && (live > 0 || reset);
    Ok(Prepared::Ready(Ready {
        index,
        manifest: manifest.unwrap_or_default(),
        generation,
        delete_all,
        empty: live == 0 || delete_all,
        reconcile,
    }))
}

/// Documents alive in the last commit.
pub fn live_docs(index: &Index) -> Result<u64> {
    let reader: tantivy::IndexReader =
        index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
    Ok(reader.searcher().num_docs())
}

/// `warta.json` of a build that has not committed yet.
fn in_progress(corpus: &Path) -> IndexInfo {
    IndexInfo {
        format: FORMAT_VERSION,
        corpus: corpus.to_path_buf(),
        articles: 0,
        built_at: 0,
        complete: false,
        pending: true,
        fingerprint: Fingerprint::default(),
    }
}

/// zstd level of the document store (see [`index_settings`]).
const DOCSTORE_ZSTD_LEVEL: i32 = 1;

/// The settings of a new index. Stored fields (bodies, and the metadata
/// with its quotes and figures, which repeat body sentences) are compressed
/// with zstd rather than tantivy's default lz4: a smaller index for a
/// slightly slower fetch of the ten hits shown. Level 1, not zstd's default
/// 3: the document store's compression thread took 5.5% of a build's CPU at
/// level 3 (BENCHMARKS.md).
pub fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(DOCSTORE_ZSTD_LEVEL),
        }),
        ..tantivy::IndexSettings::default()
    }
}

/// A new index in `dir` (see [`index_settings`]).
fn create(dir: &Path) -> Result<Index> {
    let (schema, _) = build_schema();
    Index::builder()
        .schema(schema)
        .settings(index_settings())
        .create_in_dir(dir)
        .map_err(|e| writer_error(dir, e))
}
