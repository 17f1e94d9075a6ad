//! What each part of `warta index` costs: the build's steps run one after another on one
//! thread, each timed in CPU seconds, printed as one JSON object.
//!
//! ```text
//! $ cargo run --release --example index_parts -- CORPUS_FOLDER
//! {"articles":20000,"read":0.9,"extract":6.1,"minhash":0.3,"meta":0.4,"document":0.2, ...}
//! ```
//!
//! The benchmark's floor step runs it beside `warta index` so that its table adds up to the
//! whole. The steps are the build's own (`extract::reader`, `extract::extract`,
//! `index::document::to_document`, the index writer with the build's settings, merge policy and
//! memory budget of a default build on two cores, which runs one worker and one indexing thread);
//! only the steps run one after another instead of side by side, so every CPU second belongs to
//! exactly one step:
//!
//! * `read`: reading and decoding the files (`.txt`, `.json`, `.jsonl`);
//! * `extract`: `extract::extract` (page parsing, places, officials, programmes, quotes, figures);
//! * `minhash`, `meta`: the near-duplicate signature and the stored metadata JSON, timed apart
//!   (run once more beside `to_document`); `document`: the rest of `to_document` (facets, the
//!   quotes' scoped records);
//! * `tantivy`: the CPU of the writer's threads while documents are added (analysis, postings,
//!   fast fields, the document store), and `commit` / `merges`: the final commit and the merges
//!   that follow it; `copies`: grouping the syndicated copies over the committed index (the
//!   build's last step, `index::copies::update`);
//! * inside `tantivy`, measured apart by running them once more on this thread:
//!   `analyzers` (title and body through both views) and `quote_analyzers` (the `said` fields'
//!   scoped analyzers). The rest of `tantivy` is tantivy's own work.
//!
//! It runs on the binary's allocator with the binary's settings for a build (`src/allocator.rs`:
//! mimalloc, no transparent huge pages, freed pages returned at once), so its steps cost what
//! they cost inside `warta index`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use tantivy::schema::Value;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Index, IndexWriter, TantivyDocument};
use warta::analysis::View;
use warta::extract::{self, reader};
use warta::index::{build, document, schema};

#[path = "../src/allocator.rs"]
mod allocator;

#[global_allocator]
static ALLOCATOR: allocator::Allocator = allocator::Allocator;

/// CPU seconds of the calling thread.
fn thread_cpu() -> f64 {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// CPU seconds of the whole process (every thread).
fn process_cpu() -> f64 {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_clock(clock: libc::clockid_t) -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; both clocks exist on Linux.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// Adds the calling thread's CPU time spent in `f` to `total`.
fn timed<T>(total: &mut f64, f: impl FnOnce() -> T) -> T {
    let start = thread_cpu();
    let out = f();
    *total += thread_cpu() - start;
    out
}

fn files(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && reader::FileKind::from_path(e.path()).is_some())
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

fn drain(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += 1;
    }
    n
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    allocator::disable_huge_pages();
    allocator::purge_at_once();
    let root = std::env::args().nth(1).ok_or("usage: index_parts CORPUS_FOLDER")?;
    let root = PathBuf::from(root);
    let dir = tempfile_dir()?;
    let wall = Instant::now();

    let config = warta::index::analysis::config(
        Vec::new(),
        warta::extract::official::registry::Registry::builtin(),
    );
    let (schema, fields) = schema::build_schema();
    let index =
        Index::builder().schema(schema).settings(build::index_settings()).create_in_dir(&dir)?;
    config.register(index.tokenizers());
    // The budget a default build on two cores gives its one indexing thread for these files
    // (`index::threads`): the same segment sizes, so the same merges.
    let paths = files(&root);
    let bytes = paths.iter().filter_map(|p| p.metadata().ok()).map(|m| m.len()).sum();
    let heap = build::fitted_heap(bytes, 1, build::DEFAULT_HEAP_BYTES);
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_options(build::writer_options(1, heap))?;
    writer.set_merge_policy(Box::new(build::merge_policy()));

    let (mut exact, mut stemmed) = (config.analyzer(View::Exact), config.analyzer(View::Stemmed));
    let mut scoped = [View::Exact, View::Stemmed].map(|v| config.scoped_analyzer(v));

    let (mut read, mut extract, mut minhash, mut meta, mut to_doc) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut add, mut analyzers, mut quote_analyzers) = (0.0, 0.0, 0.0);
    let (mut articles, mut tokens) = (0usize, 0usize);
    let process_start = process_cpu();
    let main_start = thread_cpu();
    for path in paths {
        let Some(outcome) = timed(&mut read, || {
            let kind = reader::FileKind::from_path(&path).unwrap_or(reader::FileKind::Text);
            reader::read_bytes(&path).ok().and_then(|b| reader::parse_bytes(kind, &b).ok())
        }) else {
            continue;
        };
        let rel = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().into_owned();
        for (_, raw) in &outcome.articles {
            let article = timed(&mut extract, || extract::extract(raw));
            if article.body.trim().is_empty() && article.title.is_none() {
                continue;
            }
            articles += 1;
            timed(&mut minhash, || warta::dedup::signature(&article.body).map(|s| s.to_bytes()));
            timed(&mut meta, || {
                let mut json = Vec::new();
                document::write_meta(&mut json, &article);
                json
            });
            let doc = timed(&mut to_doc, || document::to_document(&fields, &rel, &rel, &article));
            timed(&mut analyzers, || {
                for text in article.title.iter().chain([&article.body]) {
                    tokens += drain(&mut exact, text) + drain(&mut stemmed, text);
                }
            });
            if let Some(said) = doc.get_first(fields.said).and_then(|v| v.as_str()) {
                let said = said.to_string();
                timed(&mut quote_analyzers, || {
                    for analyzer in &mut scoped {
                        drain(analyzer, &said);
                    }
                });
            }
            timed(&mut add, || writer.add_document(doc))?;
        }
    }
    let main_feed = thread_cpu() - main_start;
    let feed_process = process_cpu() - process_start;
    let commit_start = process_cpu();
    writer.commit()?;
    let commit_process = process_cpu() - commit_start;
    let merge_start = process_cpu();
    writer.wait_merging_threads()?;
    let merges = process_cpu() - merge_start;
    let copies_start = process_cpu();
    warta::index::copies::update(&index, &dir)?;
    let copies = process_cpu() - copies_start;
    let segments = index.searchable_segment_ids()?.len();
    let _ = std::fs::remove_dir_all(&dir);

    // The writer's threads during the feed: the process's CPU less this thread's.
    let tantivy = feed_process - main_feed;
    let document = (to_doc - minhash - meta).max(0.0);
    let parts = read
        + extract
        + minhash
        + meta
        + document
        + add
        + tantivy
        + commit_process
        + merges
        + copies;
    let out = serde_json::json!({
        "articles": articles,
        "read": read,
        "extract": extract,
        "minhash": minhash,
        "meta": meta,
        "document": document,
        "add": add,
        "tantivy": tantivy,
        "analyzers": analyzers,
        "analyzer_tokens": tokens,
        "quote_analyzers": quote_analyzers,
        "commit": commit_process,
        "merges": merges,
        "copies": copies,
        "segments": segments,
        "parts": parts,
        "wall": wall.elapsed().as_secs_f64(),
    });
    println!("{out}");
    Ok(())
}

/// A fresh folder for the throwaway index.
fn tempfile_dir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("warta-index-parts-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
