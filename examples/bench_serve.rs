//! `warta serve` under load, against the in-process library in the same run:
//! HTTP p50/p95 of the `full` query class of `bench/queries.tsv` (top 10, 3
//! snippets each, province/official/program counts) next to `search()`,
//! throughput with 8 concurrent clients, and the server's RSS over many
//! requests. Driven by `bench/serve.sh`, which starts the server.
//!
//! ```text
//! cargo run --release --example bench_serve -- INDEX_DIR bench/queries.tsv ADDR SERVER_PID [REQUESTS]
//! ```
//!
//! Prints one JSON object per measurement.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use warta::index::WartaIndex;
use warta::search::{FacetKind, FacetSet, SearchRequest, search};

/// One `full` query: the library request and the same as an API path.
struct Query {
    request: SearchRequest,
    path: String,
}

fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn full(query: &str, province: &str, program: &str) -> Query {
    let mut r = SearchRequest::new(query);
    r.limit = 10;
    r.snippets = 3;
    r.facet_top = 10;
    r.facets = FacetSet::of([FacetKind::Province, FacetKind::Official, FacetKind::Program]);
    let mut path =
        format!("/api/search?q={}&limit=10&facets=province,official,program", enc(query));
    if !province.is_empty() {
        r.filters.values_mut(warta::search::FacetKind::Province).push(province.to_string());
        path.push_str(&format!("&province={}", enc(province)));
    }
    if !program.is_empty() {
        r.filters.values_mut(warta::search::FacetKind::Program).push(program.to_string());
        path.push_str(&format!("&program={}", enc(program)));
    }
    Query { request: r, path }
}

/// GET over a new connection; the response length (the body is read whole).
fn get(addr: &str, path: &str) -> std::io::Result<usize> {
    let mut s = TcpStream::connect(addr)?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
    let mut body = Vec::new();
    s.read_to_end(&mut body)?;
    if !body.starts_with(b"HTTP/1.1 200") {
        return Err(std::io::Error::other(format!(
            "{path}: {}",
            String::from_utf8_lossy(&body[..body.len().min(200)])
        )));
    }
    Ok(body.len())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((p * (sorted.len() - 1) as f64).round() as usize).min(sorted.len() - 1)]
}

/// The server's resident memory in kB: the whole (`VmRSS`), its heap and
/// stacks (`RssAnon`) and the pages of mapped files (`RssFile`: the index's
/// files, which grow as requests touch more of them and which the kernel may
/// drop at any time).
fn rss_kb(pid: &str) -> [u64; 3] {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    ["VmRSS:", "RssAnon:", "RssFile:"].map(|key| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let usage = "usage: bench_serve INDEX_DIR QUERIES.tsv ADDR SERVER_PID [REQUESTS]";
    let mut args = std::env::args().skip(1);
    let index = WartaIndex::open(&PathBuf::from(args.next().ok_or(usage)?))?;
    let tsv = std::fs::read_to_string(args.next().ok_or(usage)?)?;
    let addr = args.next().ok_or(usage)?;
    let pid = args.next().ok_or(usage)?;
    let requests: usize = args.next().map_or(Ok(10_000), |s| s.parse())?;
    let queries: Vec<Query> = tsv
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|line| match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["full", q, province, program, ..] => Some(full(q, province, program)),
            _ => None,
        })
        .collect();
    if queries.is_empty() {
        return Err("no `full` query in the query file".into());
    }
    // Warm both, then interleave them so they share the machine's state.
    for q in &queries {
        search(&index, &q.request)?;
        get(&addr, &q.path)?;
    }
    let (mut lib, mut http) = (Vec::new(), Vec::new());
    for _ in 0..30 {
        for q in &queries {
            let t = Instant::now();
            std::hint::black_box(search(&index, &q.request)?);
            lib.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            get(&addr, &q.path)?;
            http.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    lib.sort_by(f64::total_cmp);
    http.sort_by(f64::total_cmp);
    for (what, t) in [("in_process", &lib), ("http", &http)] {
        println!(
            "{{\"measure\":\"latency\",\"class\":\"full\",\"via\":\"{what}\",\"runs\":{},\"p50_ms\":{:.3},\"p95_ms\":{:.3}}}",
            t.len(),
            percentile(t, 0.5),
            percentile(t, 0.95)
        );
    }
    // 8 concurrent clients; the server's RSS sampled every 1,000 requests.
    let queries = Arc::new(queries);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let rss_start = rss_kb(&pid);
    let mut samples = vec![rss_start];
    let clients: Vec<_> = (0..8)
        .map(|_| {
            let (queries, next, addr) = (queries.clone(), next.clone(), addr.clone());
            std::thread::spawn(move || -> std::io::Result<()> {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= requests {
                        return Ok(());
                    }
                    get(&addr, &queries[i % queries.len()].path)?;
                }
            })
        })
        .collect();
    let mut seen = 0;
    while next.load(Ordering::SeqCst) < requests {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let done = next.load(Ordering::SeqCst) / 1000;
        if done > seen {
            seen = done;
            samples.push(rss_kb(&pid));
        }
    }
    for c in clients {
        c.join().map_err(|_| "a client panicked")??;
    }
    let secs = started.elapsed().as_secs_f64();
    samples.push(rss_kb(&pid));
    println!(
        "{{\"measure\":\"throughput\",\"clients\":8,\"requests\":{requests},\"seconds\":{secs:.2},\"per_second\":{:.1}}}",
        requests as f64 / secs
    );
    for (i, what) in ["rss_mb", "anon_mb", "file_mb"].into_iter().enumerate() {
        let mb: Vec<String> =
            samples.iter().map(|kb| format!("{:.1}", kb[i] as f64 / 1024.0)).collect();
        println!("{{\"measure\":\"{what}\",\"every\":1000,\"samples\":[{}]}}", mb.join(","));
    }
    Ok(())
}
