//! Writing a generated corpus to disk: `.txt` pages sharded into folders
//! of [`super::FILES_PER_FOLDER`], and optionally the same articles as JSON
//! Lines (for engines that index JSON, such as tantivy-cli). Folders are
//! generated in parallel; the JSON Lines file keeps article order.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::thread;

use super::{FILES_PER_FOLDER, GenOptions, article};

/// What [`write_corpus`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenReport {
    /// Articles written.
    pub articles: u64,
    /// Bytes of `.txt` pages written.
    pub bytes: u64,
    /// Articles that are syndicated copies.
    pub copies: u64,
}

/// Writes articles `0..count` under `out` (and to `jsonl` when given), using
/// `threads` worker threads (at least one).
pub fn write_corpus(
    out: &Path,
    count: u64,
    opts: &GenOptions,
    jsonl: Option<&Path>,
    threads: usize,
) -> io::Result<GenReport> {
    fs::create_dir_all(out)?;
    let mut lines = match jsonl {
        Some(path) => Some(BufWriter::with_capacity(1 << 20, fs::File::create(path)?)),
        None => None,
    };
    let folders = count.div_ceil(FILES_PER_FOLDER);
    let threads = threads.max(1) as u64;
    let mut report = GenReport::default();
    let mut first = 0;
    while first < folders {
        let last = (first + threads).min(folders);
        let results: Vec<io::Result<(GenReport, Vec<u8>)>> = thread::scope(|scope| {
            let handles: Vec<_> = (first..last)
                .map(|folder| {
                    let want_lines = lines.is_some();
                    scope.spawn(move || write_folder(out, folder, count, opts, want_lines))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| Err(io::Error::other("generator thread panicked")))
                })
                .collect()
        });
        for result in results {
            let (part, json) = result?;
            report.articles += part.articles;
            report.bytes += part.bytes;
            report.copies += part.copies;
            if let Some(w) = lines.as_mut() {
                w.write_all(&json)?;
            }
        }
        first = last;
    }
    if let Some(mut w) = lines {
        w.flush()?;
    }
    Ok(report)
}

/// Writes one folder's articles; returns its counts and JSON lines.
fn write_folder(
    out: &Path,
    folder: u64,
    count: u64,
    opts: &GenOptions,
    want_lines: bool,
) -> io::Result<(GenReport, Vec<u8>)> {
    let dir: PathBuf = out.join(format!("{folder:04}"));
    fs::create_dir_all(&dir)?;
    let mut report = GenReport::default();
    let mut json = Vec::new();
    let start = folder * FILES_PER_FOLDER;
    for n in start..(start + FILES_PER_FOLDER).min(count) {
        let a = article(opts, n);
        let page = a.page();
        fs::write(out.join(&a.id), &page)?;
        report.articles += 1;
        report.bytes += page.len() as u64;
        report.copies += u64::from(a.story != n);
        if want_lines {
            serde_json::to_writer(&mut json, &a).map_err(io::Error::other)?;
            json.push(b'\n');
        }
    }
    Ok((report, json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_options_same_bytes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let opts = GenOptions::default();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let ra = write_corpus(&a, 1005, &opts, Some(&dir.path().join("a.jsonl")), 2);
        let rb = write_corpus(&b, 1005, &opts, Some(&dir.path().join("b.jsonl")), 1);
        let (ra, rb) = (ra.unwrap_or_default(), rb.unwrap_or_default());
        assert_eq!(ra, rb);
        assert_eq!(ra.articles, 1005);
        for id in ["0000/a0000000.txt", "0001/a0001004.txt"] {
            let x = fs::read(a.join(id)).unwrap_or_default();
            assert!(!x.is_empty());
            assert_eq!(x, fs::read(b.join(id)).unwrap_or_default());
        }
        let ja = fs::read_to_string(dir.path().join("a.jsonl")).unwrap_or_default();
        assert_eq!(ja, fs::read_to_string(dir.path().join("b.jsonl")).unwrap_or_default());
        assert_eq!(ja.lines().count(), 1005);
        let first: serde_json::Value =
            serde_json::from_str(ja.lines().next().unwrap_or("{}")).unwrap_or_default();
        assert_eq!(first["id"], "0000/a0000000.txt");
        assert!(first["body"].as_str().is_some_and(|b| b.len() > 1000));
    }
}
