//! Stemming throughput on a realistic token stream: the words of the sample corpus (`corpus/*.txt`,
//! lowercased, in text order), repeated to about half a million words.
//!
//! * `stem_cached` — `Stemmer::stem_cached` with a warm memo cache: what indexing pays per token
//!   after the first few documents (target: ≥ 3 M words/s single-threaded).
//! * `stem_cached_cold` — a fresh `Stemmer` per pass: includes filling the cache once.
//! * `stem_uncached` — the plain `stem()` function on every token.
//!
//! Run with `cargo bench --bench stem`; criterion reports elements/s (= words/s).
//! The corpus is looked up in `$WARTA_BENCH_CORPUS`, then `<crate>/corpus`; without one, a small
//! built-in word list is used.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use warta::analysis::stem::{Dictionary, Stemmer, stem};

const TARGET_WORDS: usize = 500_000;

fn corpus_dir() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates =
        [std::env::var_os("WARTA_BENCH_CORPUS").map(PathBuf::from), Some(manifest.join("corpus"))];
    candidates.into_iter().flatten().find(|dir| dir.is_dir())
}

/// Lowercased words of every `.txt` file in the corpus, in order, repeated.
fn token_stream() -> Vec<String> {
    let mut text = String::new();
    if let Some(dir) = corpus_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
        files.sort();
        for file in files {
            text.push_str(&std::fs::read_to_string(file).unwrap_or_default());
            text.push('\n');
        }
    }
    if text.trim().is_empty() {
        text = "para pekerja menerima perlindungan dari pemerintah melalui jaminan sosial \
                ketenagakerjaan yang dikelola bpjs dan kepesertaan terus meningkat"
            .to_string();
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().cycle().take(TARGET_WORDS.max(words.len())).cloned().collect()
}

fn bench_stemming(c: &mut Criterion) {
    let words = token_stream();
    let dict = Dictionary::default_roots();
    let mut group = c.benchmark_group("stem");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.sample_size(20);

    let mut warm = Stemmer::default();
    for word in &words {
        warm.stem_cached(word);
    }
    group.bench_function("stem_cached", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for word in &words {
                bytes += warm.stem_cached(word).len();
            }
            black_box(bytes)
        })
    });

    group.bench_function("stem_cached_cold", |b| {
        b.iter(|| {
            let mut stemmer = Stemmer::default();
            let mut bytes = 0;
            for word in &words {
                bytes += stemmer.stem_cached(word).len();
            }
            black_box(bytes)
        })
    });

    group.bench_function("stem_uncached", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for word in &words {
                bytes += stem(black_box(word), dict).len();
            }
            black_box(bytes)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_stemming);
criterion_main!(benches);
