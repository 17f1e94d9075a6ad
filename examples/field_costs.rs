//! What each field of the schema, and the document store's settings, cost tantivy while
//! indexing: the corpus is extracted once into documents, then indexed once per variant (one
//! indexing thread, the build's settings, merge policy and a thread's share of the default
//! budget), each variant leaving one field's values out of every document or changing one
//! setting. One JSON object per variant: CPU seconds of the indexing (adding, committing and
//! merging), index bytes, segments and, with `--terms`, terms per indexed field.
//!
//! ```text
//! $ cargo run --release --example field_costs -- CORPUS_FOLDER [--heap MB] [--terms] VARIANT...
//! ```
//!
//! Variants: `all` (nothing changed); a field name (`meta`, `minhash`, `id` …) or a group
//! (`text`: both views of title and body; `said`: both quote fields, their analyzers
//! included; `facets`: every facet field) whose values are left out; `lz4`, `zstd=LEVEL`,
//! `blocksize=BYTES`: the document store's compressor or block size.
//!
//! CPU seconds are noisy on a shared machine. For instruction counts, run one variant per
//! process under `valgrind --tool=callgrind`: extraction costs every run the same, so the
//! difference of two runs' totals is the difference of their indexing.

use std::path::{Path, PathBuf};

use tantivy::schema::Field;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings, IndexWriter, TantivyDocument};
use warta::extract::{self, reader};
use warta::index::schema::Fields;
use warta::index::{build, document, schema};

/// CPU seconds of the whole process (every thread).
fn process_cpu() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; the clock exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// The documents of every article of the corpus, as the build makes them.
fn documents(
    root: &Path,
    fields: &Fields,
) -> Result<Vec<TantivyDocument>, Box<dyn std::error::Error>> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && reader::FileKind::from_path(e.path()).is_some())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        let kind = reader::FileKind::from_path(&path).unwrap_or(reader::FileKind::Text);
        let Ok(outcome) = reader::parse_bytes(kind, &reader::read_bytes(&path)?) else {
            continue;
        };
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
        for (_, raw) in &outcome.articles {
            let article = extract::extract(raw);
            if article.body.trim().is_empty() && article.title.is_none() {
                continue;
            }
            docs.push(document::to_document(fields, &rel, &rel, &article));
        }
    }
    Ok(docs)
}

/// The fields a variant leaves out and the settings it indexes with.
fn variant(
    name: &str,
    schema: &tantivy::schema::Schema,
    f: &Fields,
) -> Result<(Vec<Field>, IndexSettings), String> {
    let mut settings = build::index_settings();
    let dropped = match name {
        "all" => Vec::new(),
        "text" => vec![f.title, f.body, f.title_exact, f.body_exact],
        "said" => vec![f.said, f.said_exact],
        "facets" => f.facets.to_vec(),
        "lz4" => {
            settings.docstore_compression = Compressor::Lz4;
            Vec::new()
        }
        _ => {
            if let Some(level) = name.strip_prefix("zstd=") {
                let level = level.parse().map_err(|_| format!("bad zstd level in {name}"))?;
                settings.docstore_compression =
                    Compressor::Zstd(ZstdCompressor { compression_level: Some(level) });
                Vec::new()
            } else if let Some(bytes) = name.strip_prefix("blocksize=") {
                settings.docstore_blocksize =
                    bytes.parse().map_err(|_| format!("bad block size in {name}"))?;
                Vec::new()
            } else {
                vec![schema.get_field(name).map_err(|_| format!("unknown variant {name}"))?]
            }
        }
    };
    Ok((dropped, settings))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(
        args.next().ok_or("usage: field_costs CORPUS [--heap MB] [--terms] VARIANT...")?,
    );
    let (mut heap, mut terms, mut variants) = (build::DEFAULT_HEAP_BYTES / 2, false, Vec::new());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--heap" => heap = args.next().ok_or("--heap MB")?.parse::<usize>()? << 20,
            "--terms" => terms = true,
            _ => variants.push(arg),
        }
    }
    let config = warta::index::analysis::config(
        Vec::new(),
        warta::extract::official::registry::Registry::builtin(),
    );
    let (schema, fields) = schema::build_schema();
    let docs = documents(&root, &fields)?;
    let dir = std::env::temp_dir().join(format!("warta-field-costs-{}", std::process::id()));
    for name in &variants {
        let (dropped, settings) = variant(name, &schema, &fields)?;
        let docs: Vec<TantivyDocument> = docs
            .iter()
            .map(|d| {
                let mut out = TantivyDocument::default();
                for (field, value) in d.field_values().filter(|(f, _)| !dropped.contains(f)) {
                    out.add_field_value(field, value);
                }
                out
            })
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let index =
            Index::builder().schema(schema.clone()).settings(settings).create_in_dir(&dir)?;
        config.register(index.tokenizers());
        let start = process_cpu();
        let mut writer: IndexWriter<TantivyDocument> =
            index.writer_with_options(build::writer_options(1, heap))?;
        writer.set_merge_policy(Box::new(build::merge_policy()));
        for doc in docs {
            writer.add_document(doc)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let cpu = process_cpu() - start;
        let bytes: u64 =
            std::fs::read_dir(&dir)?.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum();
        let searcher = index.reader()?.searcher();
        let mut counts = serde_json::Map::new();
        if terms {
            for (field, entry) in schema.fields().filter(|(_, e)| e.is_indexed()) {
                let mut n = 0;
                for segment in searcher.segment_readers() {
                    n += segment.inverted_index(field)?.terms().num_terms();
                }
                counts.insert(entry.name().to_string(), n.into());
            }
        }
        let out = serde_json::json!({
            "variant": name,
            "articles": searcher.num_docs(),
            "cpu": cpu,
            "bytes": bytes,
            "segments": searcher.segment_readers().len(),
            "terms": counts,
        });
        println!("{out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
