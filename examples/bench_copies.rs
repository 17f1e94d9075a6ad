//! What reading an index's groups of syndicated copies costs a search
//! process (every `warta search` reads them once), used by `scale/bench.sh`.
//!
//! ```text
//! cargo run --release --example bench_copies -- INDEX_DIR [ROUNDS]
//! ```
//!
//! Prints one JSON object: sizes of `copies.json` and `copies.bin`, the
//! groups and their articles, and p50/p95 in ms of reading the groups both
//! ways: `json_*` (read, parse, build the lookup table) and `table_*`
//! (`Copies::load`, which reads `copies.bin` in one go and uses it in place
//! when it matches the JSON).

use std::path::{Path, PathBuf};
use std::time::Instant;

use warta::index::copies::{COPIES_FILE, Copies, CopiesFile};
use warta::index::copies_table::TABLE_FILE;

fn timed(rounds: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..rounds.max(1))
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((p * (times.len() - 1) as f64).round() as usize).min(times.len() - 1)];
    (at(0.5), at(0.95))
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: bench_copies INDEX_DIR [ROUNDS]")?);
    let rounds: usize = args.next().map_or(Ok(20), |s| s.parse())?;
    let copies = Copies::load(&dir)?;
    let groups = copies.groups().len();
    let members: usize = copies.groups().iter().map(|g| g.members.len()).sum();
    let json = dir.join(COPIES_FILE);
    let (json_p50, json_p95) = timed(rounds, || {
        let text = std::fs::read_to_string(&json).unwrap_or_default();
        let file: CopiesFile = serde_json::from_str(&text).unwrap_or_default();
        std::hint::black_box(Copies::from_groups(file.groups));
    });
    let (table_p50, table_p95) = timed(rounds, || {
        std::hint::black_box(Copies::load(&dir).ok());
    });
    println!(
        "{{\"json_bytes\": {}, \"table_bytes\": {}, \"groups\": {groups}, \"members\": {members}, \
         \"json_p50_ms\": {json_p50:.3}, \"json_p95_ms\": {json_p95:.3}, \
         \"table_p50_ms\": {table_p50:.3}, \"table_p95_ms\": {table_p95:.3}, \"rounds\": {rounds}}}",
        size(&json),
        size(&dir.join(TABLE_FILE)),
    );
    Ok(())
}
