//! Analyzer throughput on generated articles: the exact view (tokenizer +
//! lower-casing) and the stemmed view (+ stopwords, reduplication and the
//! stemmer), as indexing runs them over each article's body.
//!
//! Input comes from the synthetic corpus generator (`warta::synth`, seed 1,
//! 200 articles, about 0.7 MB), so the bench needs no files. Run with
//! `cargo bench --bench analyze`; criterion reports bytes/s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tantivy::tokenizer::TokenStream;
use warta::analysis::View;
use warta::index::analysis::config;
use warta::synth::{GenOptions, article};

const ARTICLES: u64 = 200;

fn bench_analyze(c: &mut Criterion) {
    let opts = GenOptions::default();
    let texts: Vec<String> = (0..ARTICLES).map(|n| article(&opts, n).page()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let config = config(Vec::new(), warta::extract::official::registry::Registry::builtin());
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    for view in View::ALL {
        let mut analyzer = config.analyzer(view);
        group.bench_function(view.analyzer_name(), |b| {
            b.iter(|| {
                let mut tokens = 0usize;
                for text in &texts {
                    let mut stream = analyzer.token_stream(black_box(text));
                    while stream.advance() {
                        tokens += stream.token().text.len();
                    }
                }
                black_box(tokens)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_analyze);
criterion_main!(benches);
