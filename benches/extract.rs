//! Extraction throughput on generated articles: `extract::extract` (page
//! parsing, boilerplate, dateline, date, places, officials, programmes,
//! figures, quotes) over whole `.txt` pages, as indexing runs it per file.
//!
//! Input comes from the synthetic corpus generator (`warta::synth`, seed 1,
//! 200 articles from every outlet shape, syndicated copies included), so the
//! bench needs no files. Run with `cargo bench --bench extract`; criterion
//! reports bytes/s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use warta::extract::{RawArticle, extract};
use warta::synth::{GenOptions, article};

const ARTICLES: u64 = 200;

fn bench_extract(c: &mut Criterion) {
    let opts = GenOptions::default();
    let raws: Vec<RawArticle> =
        (0..ARTICLES).map(|n| RawArticle::Plain(article(&opts, n).page())).collect();
    let bytes: usize = raws
        .iter()
        .map(|r| match r {
            RawArticle::Plain(text) => text.len(),
            RawArticle::Structured(s) => s.body.len(),
        })
        .sum();
    // Tables and regexes are built on first use; keep that out of the measurement.
    black_box(extract(&raws[0]));
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("extract_page", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for raw in &raws {
                let a = extract(black_box(raw));
                found += a.officials.len() + a.programs.len() + a.provinces.len();
            }
            black_box(found)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
