//! What the tables every indexing process loads cost in heap: a counting
//! allocator (over the system allocator) reports the bytes live after each
//! step forces one more group of tables, then after extracting articles on
//! this thread (the regexes' and automata's search caches grow with use).
//!
//! `cargo run --release --example table_memory -- [FILE.txt ...]`
//! (with no files, only the tables are loaded);
//! `... -- --build CORPUS INDEX`: the peak of live heap during a whole
//! `warta index` build (the library's, on this allocator), to compare with
//! the process's peak RSS.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use warta::analysis::{AnalysisConfig, View};
use warta::extract::official::registry::Registry;
use warta::extract::{self, official, program, quote, reader, region};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn main() {
    let mut last = LIVE.load(Ordering::Relaxed);
    let mut step = |name: &str| {
        let now = LIVE.load(Ordering::Relaxed);
        println!(
            "{name:<58} {:>8.2} MB live  (+{:>6.2})  peak {:>7.2} MB",
            mb(now),
            mb(now.saturating_sub(last)),
            mb(PEAK.load(Ordering::Relaxed))
        );
        last = now;
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--build") && args.len() == 3 {
        let opts = warta::index::build::BuildOptions::new(&args[1], &args[2]);
        warta::index::build::build(&opts, &mut |_| {}).expect("build");
        step("after a build (peak: the build's peak of live heap)");
        return;
    }
    step("start");
    let _ =
        region::find_places(Some("Gubernur Jawa Barat"), "Kota Bandung, Jawa Barat.", None, None);
    step("places: gazetteer, offices, their automata");
    let _ = official::find_officials(
        None,
        "Kepala Kantor Cabang BPJS Ketenagakerjaan Bandung Budi Santoso mengatakan hal itu.",
    );
    step("officials: titles, organisations, registry, names");
    let _ = program::find_programs(None, "Jaminan Hari Tua dan Jaminan Kecelakaan Kerja.");
    step("programmes: taxonomy, matchers");
    let _ = quote::find_quotes(None, "\"Kami siap,\" kata Budi Santoso, Senin.", &[]);
    step("quotes: lexicons, frames");
    let raw = extract::article::RawArticle::Plain(
        "Judul Berita\n\nBandung (ANTARA) - Budi Santoso mengatakan 10 persen.\n".into(),
    );
    let _ = extract::extract(&raw);
    step("the rest of extraction: page, boilerplate, dates, figures...");
    let config = warta::index::analysis::config(Vec::new(), Registry::builtin());
    step("analysis configuration: protected words");
    let mut analyzers: Vec<_> = View::ALL.iter().map(|v| config.analyzer(*v)).collect();
    for a in &mut analyzers {
        let _ = warta::analysis::terms(a, "Pekerja menerima perlindungan jaminan sosial");
    }
    step("analyzers: stem dictionary, stopwords");
    let _ = AnalysisConfig::default();
    let files = args;
    let mut articles = 0;
    for f in &files {
        if let Ok(outcome) = reader::read_file(Path::new(f)) {
            for (_, raw) in &outcome.articles {
                let _ = extract::extract(raw);
                articles += 1;
            }
        }
    }
    if !files.is_empty() {
        step(&format!("after extracting {articles} articles (search caches)"));
    }
}
