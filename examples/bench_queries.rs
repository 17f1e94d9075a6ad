//! In-process query latency of warta's library `search` API for the fixed
//! query set of `bench/queries.tsv` (used by `bench/run.sh`).
//!
//! ```text
//! cargo run --release --example bench_queries -- INDEX_DIR bench/queries.tsv [ROUNDS]
//! ```
//!
//! Every query is run once to warm caches, then `ROUNDS` times (default 30);
//! prints one JSON object per class: `{"class", "queries", "runs", "p50_ms",
//! "p95_ms", "mean_ms", "hits"}`. Classes decide what a request asks for:
//! `facets` and `full7` count all 7 facets (top 10 of each), `full` the
//! three a researcher filters by (province, official, program: the target
//! case); `snippets`, `full` and `full7` build 3 snippets for each of the
//! top 10 hits; the others only rank.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use warta::index::WartaIndex;
use warta::search::{FacetKind, FacetSet, SearchRequest, search};

/// The facets of the target: the three a researcher filters by.
const TARGET_FACETS: [FacetKind; 3] =
    [FacetKind::Province, FacetKind::Official, FacetKind::Program];

fn request(class: &str, query: &str, province: &str, program: &str) -> SearchRequest {
    let mut r = SearchRequest::new(query);
    r.limit = 10;
    let target = FacetSet::of(TARGET_FACETS);
    let (snippets, facets, set) = match class {
        "facets" => (0, 10, FacetSet::ALL),
        "snippets" => (3, 0, FacetSet::ALL),
        "full" => (3, 10, target),
        "full7" => (3, 10, FacetSet::ALL),
        _ => (0, 0, FacetSet::ALL),
    };
    r.snippets = snippets;
    r.facet_top = facets;
    r.facets = set;
    if !province.is_empty() {
        r.filters.values_mut(warta::search::FacetKind::Province).push(province.to_string());
    }
    if !program.is_empty() {
        r.filters.values_mut(warta::search::FacetKind::Program).push(program.to_string());
    }
    r
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: bench_queries INDEX_DIR QUERIES.tsv [ROUNDS]";
    let index_dir = PathBuf::from(args.next().ok_or(usage)?);
    let queries = std::fs::read_to_string(args.next().ok_or(usage)?)?;
    let rounds: usize = args.next().map_or(Ok(30), |s| s.parse())?;
    let index = WartaIndex::open(&index_dir)?;

    let mut set = Vec::new();
    for line in queries.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [class, query, province, program, ..] = cols.as_slice() {
            set.push((class.to_string(), request(class, query, province, program)));
        }
    }
    let mut times: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut hits: BTreeMap<String, u64> = BTreeMap::new();
    for (class, req) in &set {
        let response = search(&index, req)?;
        *hits.entry(class.clone()).or_default() += response.total as u64;
    }
    for _ in 0..rounds {
        for (class, req) in &set {
            let started = Instant::now();
            let response = search(&index, req)?;
            std::hint::black_box(&response);
            times.entry(class.clone()).or_default().push(started.elapsed().as_secs_f64() * 1e3);
        }
    }
    for (class, mut t) in times {
        t.sort_by(f64::total_cmp);
        let queries = set.iter().filter(|(c, _)| *c == class).count();
        println!(
            "{{\"class\":\"{class}\",\"queries\":{queries},\"runs\":{},\"p50_ms\":{:.3},\"p95_ms\":{:.3},\"mean_ms\":{:.3},\"hits\":{}}}",
            t.len(),
            percentile(&t, 0.5),
            percentile(&t, 0.95),
            t.iter().sum::<f64>() / t.len().max(1) as f64,
            hits.get(&class).copied().unwrap_or(0),
        );
    }
    Ok(())
}
