//! User input at its edges, through the real binary: files named by flags
//! have a size limit and a type (a FIFO or device is refused before it is
//! opened), dates stay within 1800-01-01..2200-12-31, what was cut or
//! ignored in a file is said, and `warta terms` is never silently empty.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::{TestEnv, text};

/// The exit code, asserting the process neither panicked nor was killed.
fn code(out: &Output) -> i32 {
    let c = out.status.code().expect("exited normally");
    assert_ne!(c, 101, "panicked: {}", text(&out.stderr));
    c
}

/// Runs a command that must end within 20 s (a FIFO would block it forever).
fn run_bounded(mut cmd: Command) -> Output {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().ok();
            let out = child.wait_with_output().unwrap();
            panic!("{cmd:?} still running after 20 s: {}", text(&out.stderr));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// `warta ARGS` in the environment's root, bounded in time.
fn warta(env: &TestEnv, args: &[&str]) -> Output {
    run_bounded(env.command(args))
}

/// An error (exit 2) whose message holds every one of `parts`.
fn assert_error(out: &Output, parts: &[&str]) {
    let err = text(&out.stderr);
    assert_eq!(code(out), 2, "{err}");
    for part in parts {
        assert!(err.contains(part), "missing {part:?} in {err}");
    }
}

/// A sparse file of `len` bytes (no disk used, nothing to read for the test).
fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

#[test]
fn files_named_by_flags_over_their_limit_are_refused_naming_file_and_limit() {
    let env = TestEnv::indexed();
    sparse(&env.root().join("huge.tsv"), (16 << 20) + 1);
    sparse(&env.root().join("huge.json"), (64 << 20) + 1);
    for (args, what) in [
        (vec!["analyze", "kata", "--roots", "huge.tsv"], "--roots file huge.tsv"),
        (
            vec!["index", "corpus", "--index", "index", "--roots", "huge.tsv"],
            "--roots file huge.tsv",
        ),
        (
            vec!["extract", "corpus/antara_jatim.txt", "--officials", "huge.tsv"],
            "--officials file huge.tsv",
        ),
        (
            vec!["search", "JHT", "--index", "index", "--aliases", "huge.tsv"],
            "--aliases file huge.tsv",
        ),
        (
            vec!["terms", "JHT", "--index", "index", "--aliases", "huge.tsv"],
            "--aliases file huge.tsv",
        ),
    ] {
        assert_error(&warta(&env, &args), &[what, "larger than the 16 MiB limit"]);
    }
    assert_error(
        &warta(&env, &["eval", "huge.json"]),
        &["huge.json", "larger than the 64 MiB limit"],
    );
    // The index was not touched by the refused run.
    assert!(env.search_json(&["*"])["total"].as_u64().unwrap() > 0);
}

#[cfg(unix)]
#[test]
fn fifos_sockets_and_devices_on_the_command_line_are_refused_by_type() {
    let env = TestEnv::indexed();
    let fifo = env.root().join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let _socket = std::os::unix::net::UnixListener::bind(env.root().join("sock.tsv")).unwrap();
    let fifo_kind = "it is a FIFO (named pipe), not a regular file";
    let device = "it is a character device, not a regular file";
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (vec!["extract", "pipe.txt"], vec!["pipe.txt", fifo_kind]),
        (vec!["extract", "/dev/zero"], vec!["/dev/zero", device]),
        (vec!["analyze", "kata", "--roots", "/dev/zero"], vec!["--roots file /dev/zero", device]),
        (vec!["analyze", "kata", "--roots", "pipe.txt"], vec!["--roots file pipe.txt", fifo_kind]),
        (
            vec!["extract", "corpus/antara_jatim.txt", "--officials", "/dev/zero"],
            vec!["--officials file /dev/zero", device],
        ),
        (
            vec!["search", "JHT", "--index", "index", "--aliases", "sock.tsv"],
            vec!["--aliases file sock.tsv", "it is a socket, not a regular file"],
        ),
        (vec!["eval", "/dev/zero"], vec!["gold file /dev/zero", device]),
        (vec!["eval", "pipe.txt"], vec!["gold file pipe.txt", fifo_kind]),
        (
            vec!["index", "pipe.txt", "--index", "other"],
            vec!["corpus pipe.txt", "a FIFO (named pipe), not a regular file or a folder"],
        ),
        (
            vec!["index", "/dev/zero", "--index", "other"],
            vec!["corpus /dev/zero", "a character device"],
        ),
    ];
    for (args, parts) in cases {
        assert_error(&warta(&env, &args), &parts);
    }
    assert!(!env.root().join("other").exists(), "a refused corpus created an index folder");
}

#[cfg(unix)]
#[test]
fn a_fifo_inside_the_corpus_is_skipped_with_its_reason_and_never_opened() {
    let env = TestEnv::with_fixtures();
    assert!(
        Command::new("mkfifo").arg(env.root().join("corpus/stuck.txt")).status().unwrap().success()
    );
    let out = warta(&env, &["index", "corpus", "--index", "index"]);
    assert_error(&out, &["stuck.txt: it is a FIFO (named pipe), not a regular file"]);
    // Everything else was indexed.
    assert!(env.search_json(&["JHT"])["total"].as_u64().unwrap() > 0);
}

#[test]
fn dates_outside_1800_to_2200_are_refused_with_the_flag_and_the_range() {
    let env = TestEnv::indexed();
    let range = "outside the dates warta handles (1800-01-01 to 2200-12-31)";
    for (args, flag) in [
        (vec!["search", "*", "--index", "index", "--from", "9999-12-31"], "--from: `9999-12-31`"),
        (vec!["search", "*", "--index", "index", "--to", "9999"], "--to: `9999`"),
        (vec!["search", "*", "--index", "index", "--from", "1799-12-31"], "--from: `1799-12-31`"),
        (
            vec!["timeline", "--by", "day", "--from", "0000", "--to", "9999", "--index", "index"],
            "--from: `0000`",
        ),
        (vec!["facets", "--by", "province", "--to", "2201", "--index", "index"], "--to: `2201`"),
        (vec!["terms", "JHT", "--from", "0001", "--index", "index"], "--from: `0001`"),
    ] {
        assert_error(&warta(&env, &args), &[flag, range]);
    }
    // The ends of the range work: every dated article lies inside them.
    let all = env.search_json(&["*", "--limit", "100"])["total"].as_u64().unwrap();
    let dated = env.search_json(&["*", "--from", "1800-01-01", "--to", "2200-12-31"]);
    assert!(dated["total"].as_u64().unwrap() > 0 && dated["total"].as_u64().unwrap() <= all);
    let timeline = warta(
        &env,
        &[
            "timeline", "--by", "year", "--from", "1800", "--to", "2200", "--index", "index",
            "--json",
        ],
    );
    assert_eq!(code(&timeline), 0, "{}", text(&timeline.stderr));
}

#[test]
fn an_impossible_day_is_reported_as_a_bad_day_not_a_bad_format() {
    let env = TestEnv::indexed();
    let out = warta(&env, &["search", "JHT", "--index", "index", "--from", "2024-02-30"]);
    assert_error(&out, &["--from: `2024-02-30` is not a day: 2024-02 has 29 days"]);
    assert!(!text(&out.stderr).contains("is not a date of the form"));
    let out = warta(&env, &["search", "JHT", "--index", "index", "--to", "2024-13"]);
    assert_error(&out, &["--to: `2024-13` has no month 13"]);
    let out = warta(&env, &["search", "JHT", "--index", "index", "--to", "24-1"]);
    assert_error(&out, &["is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"]);
}

#[test]
fn an_article_date_outside_the_range_leaves_the_article_undated_with_a_warning() {
    let env = TestEnv::new();
    env.write(
        "corpus/far.jsonl",
        concat!(
            r#"{"title": "Klaim JHT di Medan", "text": "Peserta di Medan mencairkan JHT.", "date": "9999-12-31"}"#,
            "\n",
            r#"{"title": "Iuran JKK di Kupang", "text": "Peserta di Kupang membayar iuran JKK.", "date": "2024-06-04"}"#,
            "\n"
        ),
    );
    let out = warta(&env, &["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(code(&out), 0, "{err}");
    assert!(err.contains("indexed with warnings"), "{err}");
    assert!(
        err.contains("far.jsonl: line 1: field `date` `9999-12-31` is not a date warta reads"),
        "{err}"
    );
    let v = env.search_json(&["*", "--sort", "date"]);
    assert_eq!(v["total"], 2, "{v}");
    let medan = v["hits"].as_array().unwrap().iter().find(|h| h["id"] == "far.jsonl#1").unwrap();
    assert!(medan["date"].is_null(), "{medan}");
    // A --from in range finds only the dated one; nothing wraps around.
    assert_eq!(env.search_json(&["*", "--from", "2024"])["total"], 1);
    assert_eq!(env.search_json(&["*", "--to", "2200"])["total"], 1);
}

#[test]
fn a_cut_article_is_listed_as_indexed_with_warnings_not_as_skipped() {
    let env = TestEnv::new();
    let long = "Pekerja sawit di Riau menerima manfaat JHT. ".repeat(60_000); // 2.6 MB
    env.write("corpus/panjang.txt", format!("Manfaat JHT Pekerja Sawit\n\n{long}\n"));
    env.write(
        "corpus/pendek.txt",
        "Klaim JKM di Kupang\n\nAhli waris di Kupang menerima santunan JKM.\n",
    );
    let out = warta(&env, &["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(code(&out), 0, "{err}");
    assert!(!err.contains("skipped"), "{err}");
    let warnings = err.split("indexed with warnings").nth(1).unwrap_or_else(|| panic!("{err}"));
    assert!(warnings.contains("panjang.txt: article text of"), "{err}");
    assert!(warnings.contains("cut to the first 2 MiB (the rest is not indexed)"), "{err}");
    assert_eq!(env.search_json(&["sawit"])["total"], 1);
}

#[test]
fn a_field_that_is_not_text_is_named_in_a_warning_with_its_file() {
    let env = TestEnv::new();
    env.write(
        "corpus/angka.json",
        r#"{"title": 12345, "source": ["Kompas"], "text": "Peserta di Kupang membayar iuran JKK."}"#,
    );
    env.write(
        "corpus/baris.jsonl",
        "{\"title\": \"Iuran\", \"date\": 20240604, \"text\": \"Iuran JKK naik.\"}\n",
    );
    let out = warta(&env, &["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(code(&out), 0, "{err}");
    for expected in [
        "angka.json: field `title` is a number, not text: ignored",
        "angka.json: field `source` is a list, not text: ignored",
        "baris.jsonl: line 1: field `date` is a number, not text: ignored",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in {err}");
    }
    let out = warta(&env, &["extract", "corpus/angka.json"]);
    assert!(
        text(&out.stderr).contains("angka.json: field `title` is a number"),
        "{}",
        text(&out.stderr)
    );
}

/// Four articles that all mention BPJS, with words of known counts.
fn terms_env() -> TestEnv {
    let env = TestEnv::new();
    env.write("corpus/a.txt", "Klaim JHT Pekerja di Medan\n\nPekerja di Medan mengajukan klaim JHT ke BPJS Ketenagakerjaan. Para pekerja antre sejak pagi.\n");
    env.write("corpus/b.txt", "Iuran Pekerja di Kupang\n\nBPJS Ketenagakerjaan Kupang mencatat iuran pekerja naik. Pekerja bukan penerima upah ikut mendaftar.\n");
    env.write("corpus/c.txt", "Santunan JKM di Sorong\n\nBPJS Ketenagakerjaan menyerahkan santunan JKM kepada ahli waris pekerja di Sorong.\n");
    env.write("corpus/d.txt", "Nelayan Sleman Terdaftar\n\nBPJS Ketenagakerjaan mendaftarkan nelayan Sleman. Nelayan membayar iuran bulanan.\n");
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    env
}

fn terms_json(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["terms", "--index", "index", "--json"];
    all.extend_from_slice(args);
    let out = warta(env, &all);
    assert_eq!(code(&out), 0, "{all:?}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn terms_by_frequency_lists_the_common_words_as_written_with_their_counts() {
    let env = terms_env();
    let v = terms_json(&env, &["iuran", "--by", "frequency"]);
    assert_eq!((v["by"].as_str(), v["total"].as_u64()), (Some("frequency"), Some(2)), "{v}");
    let terms = v["terms"].as_array().unwrap();
    let row =
        |w: &str| terms.iter().find(|t| t["term"] == w).unwrap_or_else(|| panic!("{w} in {v}"));
    // "pekerja" (stem "kerja") twice in the body of b.txt: shown as written, 1 article,
    // 2 occurrences; "iuran" once in each of b.txt and d.txt.
    let counts = |w: &str| (row(w)["count"].as_u64(), row(w)["occurrences"].as_u64());
    assert_eq!(counts("pekerja"), (Some(1), Some(2)), "{v}");
    assert_eq!(counts("iuran"), (Some(2), Some(2)), "{v}");
    assert_eq!(counts("nelayan"), (Some(1), Some(2)), "{v}");
    // Most occurrences first; no stopwords, no stems, no scores.
    let occ: Vec<u64> = terms.iter().map(|t| t["occurrences"].as_u64().unwrap()).collect();
    assert!(occ.windows(2).all(|w| w[0] >= w[1]), "{occ:?}");
    for t in terms {
        let w = t["term"].as_str().unwrap();
        assert!(!["di", "dan", "para", "ke", "kerja"].contains(&w), "{w} in {v}");
        assert!(t.get("score").is_none(), "{t}");
    }
    // Text: a header, the columns, the words.
    let out = warta(&env, &["terms", "iuran", "--by", "frequency", "--index", "index"]);
    let s = text(&out.stdout);
    assert!(s.starts_with("most frequent words of \"iuran\": 2 matching, 2 read"), "{s}");
    assert!(s.contains("articles  occurrences") && s.contains("pekerja"), "{s}");
}

#[test]
fn significance_on_a_query_matching_everything_falls_back_to_frequency_with_a_note() {
    let env = terms_env();
    let v = terms_json(&env, &["BPJS"]);
    assert_eq!(v["total"], 4, "{v}");
    assert_eq!(v["by"], "frequency", "{v}");
    let notes = v["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("matches every article in the index (4)")),
        "{v}"
    );
    let words: Vec<&str> =
        v["terms"].as_array().unwrap().iter().map(|t| t["term"].as_str().unwrap()).collect();
    assert!(words.contains(&"pekerja") && words.contains(&"ketenagakerjaan"), "{words:?}");
    let out = warta(&env, &["terms", "BPJS", "--index", "index"]);
    let s = text(&out.stdout);
    assert_eq!(code(&out), 0);
    assert!(s.contains("note: no significant terms: the query matches every article"), "{s}");
    // A query that sets its matches apart still ranks by significance.
    let v = terms_json(&env, &["nelayan"]);
    assert_eq!(v["by"], "significance", "{v}");
    assert!(v["notes"].as_array().unwrap().is_empty(), "{v}");
    assert!(v["terms"][0]["score"].as_f64().unwrap() > 0.0, "{v}");
}

#[test]
fn terms_on_the_seed_articles_are_never_silently_empty() {
    let Some(seeds) = crate::util::seeds_dir() else { return };
    let env = TestEnv::new();
    let seeds = seeds.to_str().unwrap();
    let out = warta(&env, &["index", seeds, "--index", "index", "--quiet"]);
    assert!(matches!(code(&out), 0 | 2), "{}", text(&out.stderr));
    let v = terms_json(&env, &["BPJS"]);
    assert!(!v["terms"].as_array().unwrap().is_empty(), "{v}");
    assert!(!v["notes"].as_array().unwrap().is_empty(), "{v}");
}
