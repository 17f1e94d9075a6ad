//! The command line's contract with scripts and people: closed pipes,
//! full disks, honest counts, environment settings, output flags, exports
//! and query notes, each through the real binary.

use std::io::{BufRead, BufReader, Read};
use std::process::{Output, Stdio};
use std::sync::OnceLock;

use crate::util::{TestEnv, text};

/// A generated corpus of 300 articles, indexed once for every test here:
/// large enough that exports fill a pipe many times over.
fn big() -> &'static TestEnv {
    static BIG: OnceLock<TestEnv> = OnceLock::new();
    BIG.get_or_init(|| {
        let env = TestEnv::new();
        let out = env.warta(&["gen", "--out", "gen", "--articles", "300"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let out = env.warta(&["index", "gen", "--index", "index", "--quiet"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        env
    })
}

/// The first article id of the generated corpus (for `show`).
const FIRST: &str = "0000/a0000000.txt";

/// Runs `warta args` with its standard output already closed by the reader.
fn closed_stdout(env: &TestEnv, args: &[&str]) -> Output {
    let mut child =
        env.command(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run warta");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait")
}

/// Runs `warta args`, reads what `head` would (`lines` lines, or `bytes`
/// bytes), then closes the pipe as `head` does.
fn head(env: &TestEnv, args: &[&str], lines: usize, bytes: usize) -> Output {
    let mut child =
        env.command(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run warta");
    let stdout = child.stdout.take().expect("stdout");
    if bytes > 0 {
        let mut buf = vec![0; bytes];
        let _ = stdout.take(bytes as u64).read_exact(&mut buf);
    } else {
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        for _ in 0..lines {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
        }
    }
    child.wait_with_output().expect("wait")
}

fn assert_quiet_success(args: &[&str], out: &Output) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?} exited {:?}: {err}", out.status.code());
    assert!(!err.contains("Broken pipe") && !err.contains("os error"), "{args:?}: {err}");
}

/// Every command, in every format, ends quietly with status 0 when the
/// reader has gone before the first byte.
#[test]
fn a_closed_stdout_is_success_for_every_command_and_format() {
    let env = big();
    let commands: &[&[&str]] = &[
        &["search", "BPJS", "--index", "index"],
        &["search", "BPJS", "--index", "index", "--json"],
        &["search", "BPJS", "--index", "index", "--format", "csv"],
        &["search", "BPJS", "--index", "index", "--format", "jsonl", "--all"],
        &["search", "BPJS", "--index", "index", "--format", "csv", "--all"],
        &["facets", "--by", "province", "--index", "index"],
        &["facets", "--by", "province", "--index", "index", "--json"],
        &["facets", "--by", "province", "--index", "index", "--csv"],
        &["timeline", "BPJS", "--by", "day", "--index", "index"],
        &["timeline", "BPJS", "--by", "day", "--index", "index", "--json"],
        &["timeline", "BPJS", "--by", "day", "--index", "index", "--csv"],
        &["terms", "BPJS", "--index", "index"],
        &["terms", "BPJS", "--index", "index", "--json"],
        &["show", FIRST, "--index", "index"],
        &["show", FIRST, "--index", "index", "--json"],
        &["extract", "gen/0000/a0000000.txt"],
        &["extract", "gen/0000/a0000000.txt", "--json"],
        &["analyze", "Para pekerja-pekerja di Bekasi"],
        &["analyze", "Para pekerja-pekerja di Bekasi", "--json"],
    ];
    for args in commands {
        assert_quiet_success(args, &closed_stdout(env, args));
    }
}

/// The pipelines researchers type, 50 runs in a row each.
#[test]
fn head_ends_every_pipeline_with_status_zero_fifty_times() {
    let env = big();
    let cases: &[(&[&str], usize, usize)] = &[
        (&["search", "BPJS", "--index", "index", "--json"], 1, 0),
        (&["search", "BPJS", "--index", "index", "--format", "jsonl", "--all"], 1, 0),
        (&["facets", "--by", "province", "--index", "index", "--json"], 0, 10),
        (&["timeline", "--by", "day", "--index", "index", "--csv"], 1, 0),
    ];
    for (args, lines, bytes) in cases {
        for run in 0..50 {
            let out = head(env, args, *lines, *bytes);
            assert_quiet_success(args, &out);
            assert!(out.status.success(), "run {run} of {args:?}");
        }
    }
}

/// A full disk is an error that names the output, status 2.
#[test]
fn a_full_disk_is_an_error_naming_the_output() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let env = big();
    for args in [
        &["search", "BPJS", "--index", "index"][..],
        &["search", "BPJS", "--index", "index", "--format", "jsonl", "--all"],
        &["facets", "--by", "province", "--index", "index", "--csv"],
    ] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = env.command(args).stdout(full).output().expect("run");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("standard output") && err.contains("No space left"), "{err}");
    }
}

/// A small corpus written for these tests (people are fictional): three
/// dated articles, one undated, and a file name holding an escape sequence.
pub(crate) fn small() -> TestEnv {
    let env = TestEnv::new();
    let article = |title: &str, date: Option<&str>, body: &str| {
        let date = date.map(|d| format!(r#""date_publish": "{d} 08:00:00", "#)).unwrap_or_default();
        format!(
            r#"{{"title": "{title}", "source_domain": "contoh.id", {date}"maintext": "{body}"}}"#
        )
    };
    env.write(
        "corpus/jht_surabaya.json",
        article(
            "Klaim JHT di Surabaya naik",
            Some("2024-03-05"),
            "Surabaya - Peserta BPJS Ketenagakerjaan di Surabaya, Jawa Timur, mengajukan klaim Jaminan Hari Tua (JHT) lebih banyak.\\n\\nPetugas membuka layanan daring untuk pekerja.",
        ),
    );
    env.write(
        "corpus/jht_medan.json",
        article(
            "Pekerja Medan cairkan JHT",
            Some("2022-07-02"),
            "Medan - Pekerja di Medan, Sumatera Utara, mencairkan saldo JHT setelah berhenti bekerja.\\n\\nKantor cabang menambah loket.",
        ),
    );
    env.write(
        "corpus/jht_tanpa_tanggal.json",
        article(
            "Klaim JHT lewat aplikasi",
            None,
            "Sidoarjo - Peserta di Sidoarjo, Jawa Timur, kini dapat mengajukan klaim JHT lewat aplikasi.\\n\\nVerifikasi berkas berlangsung daring.",
        ),
    );
    env.write(
        "corpus/berita\u{1b}[31mmerah.json",
        article(
            "Santunan JKK untuk nelayan",
            Some("2024-04-10"),
            "Denpasar - BPJS Ketenagakerjaan membayar santunan Jaminan Kecelakaan Kerja (JKK) kepada nelayan di Denpasar, Bali.",
        ),
    );
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    env
}

pub(crate) fn run(env: &TestEnv, args: &[&str]) -> (Option<i32>, String, String) {
    let out = env.warta(args);
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn date_filters_say_how_many_undated_articles_they_left_out() {
    let env = small();
    let (code, out, err) = run(&env, &["search", "JHT", "--index", "index", "--from", "2023"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("1 article matches \"JHT\" with --from 2023"), "{out}");
    assert!(
        err.contains("left out 1 article without a date; --include-undated keeps them"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(
        &run(&env, &["search", "JHT", "--index", "index", "--from", "2023", "--json"]).1,
    )
    .expect("json");
    assert_eq!((v["total"].as_u64(), v["undated_left_out"].as_u64()), (Some(1), Some(1)));
    assert_eq!(v["counting"], "articles");

    let (_, out, err) =
        run(&env, &["search", "JHT", "--index", "index", "--from", "2023", "--include-undated"]);
    assert!(
        out.starts_with("2 articles match \"JHT\" with --from 2023 --include-undated"),
        "{out}"
    );
    assert!(!err.contains("left out"), "{err}");

    // The analytics commands report it too, in text (stderr) and JSON.
    let (_, out, err) =
        run(&env, &["facets", "--by", "province", "--index", "index", "--to", "2023", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["undated_left_out"], 1, "{out}");
    assert!(err.contains("left out 1 article"), "{err}");
    let (_, out, _) =
        run(&env, &["timeline", "JHT", "--index", "index", "--from", "2020", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["undated_left_out"], 1, "{out}");
    // Without a date filter nothing is left out.
    let (_, _, err) = run(&env, &["search", "JHT", "--index", "index"]);
    assert!(!err.contains("left out"), "{err}");
}

#[test]
fn truncated_lists_say_how_many_more_there_are() {
    let env = small();
    let (code, out, _) = run(&env, &["facets", "--by", "city", "--index", "index", "--top", "1"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("… and 3 more: --top 4"), "{out}");
    let (_, out, _) = run(&env, &["facets", "--by", "city", "--index", "index", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["more"], 0, "{out}");
    let (_, out, _) =
        run(&env, &["facets", "--by", "province", "--index", "index", "--top", "1", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["more"], 2, "{out}");
    assert_eq!(v["province"][0]["value"], "Jawa Timur");
    assert_eq!(v["province"][0]["more_cities"], 1, "{out}");
    let (_, out, _) = run(&env, &["search", "JHT", "--index", "index", "--limit", "1"]);
    assert!(out.contains("… and 2 more: --offset 1"), "{out}");
    let (_, out, _) = run(&env, &["search", "JHT", "--index", "index"]);
    assert!(!out.contains("more:"), "{out}");
}

#[test]
fn headers_say_what_they_count_and_what_narrowed_it() {
    let env = small();
    let (_, out, _) = run(&env, &["search", "JKK", "--index", "index", "--limit", "0"]);
    assert_eq!(out.trim_end(), "1 article matches \"JKK\"", "not \"1 hits\"");
    let (code, out, _) =
        run(&env, &["search", "JHT", "--index", "index", "--province", "Bali", "--program", "JHT"]);
    assert_eq!(code, Some(1));
    assert_eq!(out.trim_end(), "no articles match \"JHT\" with --province Bali --program JHT");
    let (_, out, _) =
        run(&env, &["search", "\"jaminan hari tua\"", "--index", "index", "--limit", "0"]);
    assert_eq!(out.trim_end(), "1 article matches '\"jaminan hari tua\"'", "no escaped quotes");
    let (_, out, _) = run(&env, &["facets", "--by", "province", "--index", "index"]);
    assert!(out.starts_with("4 articles, by province\n"), "{out}");
    let (_, out, _) = run(&env, &["search", "JHT", "--index", "index", "--dedup", "--limit", "0"]);
    assert!(out.starts_with("3 stories match \"JHT\""), "{out}");
    let v = env.search_json(&["JHT", "--dedup"]);
    assert_eq!(v["counting"], "stories");
}

#[test]
fn index_and_corpus_come_from_the_environment_and_flags_win() {
    let env = small();
    let mut cmd = env.command(&["search", "JKK", "--limit", "0"]);
    let out = cmd.env("WARTA_INDEX", "index").output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("1 article matches"));
    // --index wins over the environment.
    let mut cmd = env.command(&["search", "JKK", "--index", "index", "--limit", "0"]);
    let out = cmd.env("WARTA_INDEX", "nowhere").output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut cmd = env.command(&["facets", "--by", "year"]);
    let out = cmd.env("WARTA_INDEX", "nowhere").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nowhere"), "{}", text(&out.stderr));
    // WARTA_CORPUS is what `warta index` reads when no folder is given.
    let mut cmd = env.command(&["index", "--index", "index2", "--quiet"]);
    let out = cmd.env("WARTA_CORPUS", "corpus").output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let (code, _, _) = run(&env, &["search", "JKK", "--index", "index2"]);
    assert_eq!(code, Some(0));
}

#[test]
fn piped_highlights_are_marked_and_can_be_turned_off() {
    let env = small();
    let search = |extra: &[&str]| {
        let mut args = vec!["search", "JKK", "--index", "index"];
        args.extend_from_slice(extra);
        run(&env, &args).1
    };
    assert!(search(&[]).contains("[JKK]"), "{}", search(&[]));
    assert!(search(&["--highlight-marker", "**"]).contains("**JKK**"));
    assert!(search(&["--highlight-marker", "<b>,</b>"]).contains("<b>JKK</b>"));
    let plain = search(&["--color", "never", "--no-highlight"]);
    assert!(!plain.contains("[JKK]") && !plain.contains('\u{1b}'), "{plain}");
    assert!(search(&["--color", "always"]).contains("\u{1b}[1;31mJKK\u{1b}[0m"));
    let coloured = search(&["--color", "always", "--no-highlight"]);
    assert!(!coloured.contains("\u{1b}[1;31m") && coloured.contains("\u{1b}[1m"), "{coloured:?}");
}

#[test]
fn file_names_with_control_characters_are_escaped_for_people_and_exact_in_json() {
    let env = small();
    let (_, out, _) = run(&env, &["search", "JKK", "--index", "index", "--color", "never"]);
    assert!(out.contains("berita\\u{1b}[31mmerah.json"), "{out}");
    assert!(!out.contains('\u{1b}'), "a raw escape reached the terminal: {out:?}");
    let id = "berita\u{1b}[31mmerah.json";
    let (code, out, _) = run(&env, &["show", id, "--index", "index"]);
    assert_eq!(code, Some(0));
    assert!(!out.contains('\u{1b}'), "{out:?}");
    let v = env.search_json(&["JKK"]);
    assert_eq!(v["hits"][0]["id"], id, "JSON keeps the name exact");
}

#[test]
fn every_data_command_takes_format_and_keeps_the_short_flags() {
    let env = small();
    let json = |args: &[&str]| -> serde_json::Value {
        let (code, out, err) = run(&env, args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    };
    let a = json(&["search", "JHT", "--index", "index", "--format", "json"]);
    let b = json(&["search", "JHT", "--index", "index", "--json"]);
    assert_eq!(a, b, "--json is short for --format json");
    for cmd in [
        &["facets", "--by", "year", "--index", "index", "--format", "json"][..],
        &["timeline", "JHT", "--index", "index", "--format", "json"],
        &["terms", "JHT", "--index", "index", "--format", "json"],
        &["show", "jht_medan.json", "--index", "index", "--format", "json"],
        &["analyze", "pekerja", "--format", "json"],
    ] {
        json(cmd);
    }
    let (_, by_format, _) =
        run(&env, &["facets", "--by", "year", "--index", "index", "--format", "csv"]);
    let (_, by_flag, _) = run(&env, &["facets", "--by", "year", "--index", "index", "--csv"]);
    assert_eq!(by_format, by_flag);
    assert!(by_format.starts_with("year,count,share\n"), "{by_format}");
    let (_, out, _) = run(&env, &["timeline", "JHT", "--index", "index", "--format", "csv"]);
    assert!(out.starts_with("query,period,start,count,all,share\n"), "{out}");
    let (_, out, _) = run(&env, &["extract", "corpus/jht_medan.json", "--format", "jsonl"]);
    assert_eq!(out.lines().count(), 1);

    // A format a command cannot write, two formats at once, --all without an export: errors.
    let (code, _, err) =
        run(&env, &["facets", "--by", "year", "--index", "index", "--format", "jsonl"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`warta facets` cannot write --format jsonl; it writes text, json, csv"),
        "{err}"
    );
    let (code, _, _) =
        run(&env, &["search", "JHT", "--index", "index", "--json", "--format", "csv"]);
    assert_eq!(code, Some(2));
    let (code, _, err) = run(&env, &["search", "JHT", "--index", "index", "--all"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("add --format csv, jsonl, parquet or opensearch"), "{err}");
    // `-n` is not --limit (ripgrep's -n numbers lines).
    let (code, _, _) = run(&env, &["search", "JHT", "--index", "index", "-n", "3"]);
    assert_eq!(code, Some(2));
}

/// Reads every export with Python's csv module and checks its types and
/// row counts against the JSON Lines export of the same search.
#[test]
fn every_export_loads_with_pythons_csv_module() {
    let env = small();
    env.write(
        "corpus/formula.json",
        r#"{"title": "=HYPERLINK(\"http://contoh.id\") JHT naik", "source_domain": "contoh.id", "date_publish": "2024-05-01 08:00:00", "maintext": "Surabaya - Kepala Kantor Cabang Surabaya BPJS Ketenagakerjaan Dewi Lestari mengatakan klaim JHT naik 12 persen menjadi Rp5 miliar.\n\n\"Kami siap melayani peserta,\" kata Dewi."}"#,
    );
    // A page that gives only its year.
    env.write(
        "corpus/tahun.json",
        r#"{"title": "Rekap klaim JHT setahun", "date": "2023", "maintext": "Medan - Klaim JHT sepanjang tahun dibayarkan kepada peserta."}"#,
    );
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let export = |extra: &[&str]| {
        let mut args = vec!["search", "JHT", "--index", "index", "--all"];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&env, &args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        out
    };
    let hits: Vec<serde_json::Value> = export(&["--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let count = |field: &str| hits.iter().map(|h| h[field].as_array().map_or(0, Vec::len)).sum();
    let (quotes, figures, officials): (usize, usize, usize) =
        (count("quotes"), count("figures"), count("officials"));
    assert!(quotes > 0 && figures > 0 && officials > 0, "the corpus exercises every table");

    let dir = env.root();
    for (table, rows) in
        [("hits", hits.len()), ("quotes", quotes), ("figures", figures), ("officials", officials)]
    {
        let csv = export(&["--format", "csv", "--table", table]);
        std::fs::write(dir.join(format!("{table}.csv")), &csv).expect("write");
        let check = format!(
            r#"
import csv, sys
rows = list(csv.DictReader(open("{table}.csv", newline="", encoding="utf-8")))
assert len(rows) == {rows}, ("{table}", len(rows), {rows})
assert all(r["id"] for r in rows)
for r in rows:
    if "{table}" == "hits":
        float(r["score"]); int(r["copies"])
        assert not r["title"].startswith("="), r["title"]
        # One type per column: every date is a full ISO date, its precision beside it.
        if r["date"]:
            import datetime; datetime.date.fromisoformat(r["date"])
            assert r["date_precision"] in ("day", "month", "year"), r["date_precision"]
    if "{table}" == "quotes":
        assert r["direct"] in ("true", "false"), r["direct"]
    if "{table}" == "figures":
        float(r["value"])
print(len(rows))
"#
        );
        let py = std::process::Command::new("python3")
            .arg("-c")
            .arg(&check)
            .current_dir(dir)
            .output()
            .expect("python3 is on the machine");
        assert!(py.status.success(), "{table}: {}{}", text(&py.stdout), text(&py.stderr));
    }
    // The hit row names each official with role and organisation.
    let csv = export(&["--format", "csv"]);
    let year_only = |l: &str| l.contains(",2023-01-01,") && l.contains(",year,");
    assert!(csv.lines().any(year_only), "a year-only date is its first day, precision year: {csv}");
    assert!(
        csv.contains("Dewi Lestari (Kepala Kantor Cabang Surabaya, BPJS Ketenagakerjaan)"),
        "{csv}"
    );
    // The formula-looking title is neutralised, and kept with --raw-csv.
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    let raw = export(&["--format", "csv", "--raw-csv"]);
    assert!(raw.contains("\"=HYPERLINK") && !raw.contains("'=HYPERLINK"), "{raw}");
    // --table needs an export format.
    let (code, _, err) = run(&env, &["search", "JHT", "--index", "index", "--table", "quotes"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--table"), "{err}");
}

#[test]
fn version_completions_and_man_page() {
    let env = TestEnv::new();
    let (code, out, _) = run(&env, &["--version"]);
    assert_eq!(code, Some(0));
    // `warta 0.1.0 (1a2b3c4d5e6f)`, or the reason the revision is unknown.
    let rest = out.trim().strip_prefix("warta ").expect("name first");
    assert!(rest.contains(" (") && rest.ends_with(')'), "{out}");
    for (shell, marker) in
        [("bash", "_warta()"), ("zsh", "#compdef warta"), ("fish", "complete -c warta")]
    {
        let (code, out, err) = run(&env, &["completions", shell]);
        assert_eq!(code, Some(0), "{err}");
        assert!(out.contains(marker) && out.contains("include-undated"), "{shell}: {out:.200}");
    }
    let (code, out, _) = run(&env, &["man"]);
    assert_eq!(code, Some(0));
    assert!(out.contains(".TH warta 1") && out.contains("search"), "{out:.300}");
    let (code, _, _) = run(&env, &["completions", "tcsh"]);
    assert_eq!(code, Some(2));
}

#[test]
fn query_syntax_never_surprises() {
    let env = small();
    // Lower-case operators: a note on stderr and in JSON.
    // No article has all three words: none is counted, and the articles with
    // some of them are listed after (status 0: hits are shown).
    let (code, _, err) = run(&env, &["search", "JHT or JKK", "--index", "index"]);
    assert_eq!(code, Some(0));
    assert!(err.contains("`or` between words is searched as a word; did you mean OR?"), "{err}");
    let v = env.search_json(&["JHT or JKK"]);
    assert_eq!(v["total"], 0);
    let note = "`or` between words is searched as a word; did you mean OR?";
    assert!(v["notes"].as_array().is_some_and(|n| n.iter().any(|x| x == note)), "{v}");
    assert_eq!(env.search_json(&["JHT OR JKK"])["notes"], serde_json::json!([]));
    assert_eq!(env.search_json(&["JHT OR JKK"])["total"], 4);

    // Prefix search on the exact view: `menc*` finds "mencairkan".
    let v = env.search_json(&["menc*"]);
    assert_eq!(crate::util::ids(&v), ["jht_medan.json"]);
    let snippet = v["hits"][0]["snippets"][0]["highlights"].as_array().map_or(0, Vec::len);
    assert!(snippet > 0, "the expanded word is highlighted: {v}");
    assert_eq!(env.search_json(&["title:klaim*"])["total"], 2);
    // Too short, too broad, inner wildcards, facet fields: clear errors.
    let (code, _, err) = run(&env, &["search", "kl*", "--index", "index"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("at least 3 letters"), "{err}");
    let letter = |i: u8| char::from(b'a' + i % 26);
    let many: Vec<String> =
        (0..400u16).map(|i| format!("zzq{}{}", letter((i / 26) as u8), letter(i as u8))).collect();
    env.write(
        "corpus/daftar.json",
        format!(r#"{{"title": "Daftar kode", "maintext": "Kode: {}."}}"#, many.join(" ")),
    );
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let (code, _, err) = run(&env, &["search", "zzq*", "--index", "index"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("matches more than 300 different words; give more letters"), "{err}");
    assert_eq!(env.search_json(&["zzqa*"])["total"], 1, "zzqaa … zzqaz: 26 words");
    for bad in ["peker?a", "pe*a"] {
        let (code, _, err) = run(&env, &["search", bad, "--index", "index"]);
        assert_eq!(code, Some(2), "{bad}");
        assert!(err.contains("not wildcards"), "{err}");
    }
    let (code, _, err) = run(&env, &["search", "province:jaw*", "--index", "index"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("title and body only"), "{err}");
    // A question mark ending a question is punctuation.
    assert_eq!(env.search_json(&["JKK?"])["total"], 1);
}

#[test]
fn snippets_do_not_start_with_a_stray_quotation_mark() {
    let env = TestEnv::new();
    env.write(
        "corpus/loket.json",
        r#"{"title": "Loket BPJS Ketenagakerjaan buka malam", "date_publish": "2024-02-01 08:00:00", "maintext": "Padang - Kantor cabang memperpanjang jam layanan.\n\n\"Loket klaim dibuka sampai malam selama Februari. Peserta tidak perlu antre sejak subuh,\" kata Rini Handayani."}"#,
    );
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v = env.search_json(&["malam"]);
    let snippets = v["hits"][0]["snippets"].as_array().expect("snippets").clone();
    let first = snippets.iter().find(|s| s["text"].as_str().unwrap_or("").contains("sampai malam"));
    let text_of = first.map(|s| s["text"].as_str().unwrap_or("").to_string()).unwrap_or_default();
    assert_eq!(text_of, "Loket klaim dibuka sampai malam selama Februari.", "{v}");
}

#[test]
fn search_facet_lists_say_how_many_values_they_left_out() {
    let env = big();
    let v = env.search_json(&["BPJS", "--limit", "0"]);
    let (_, out, _) = run(
        env,
        &["facets", "BPJS", "--by", "province", "--index", "index", "--top", "100", "--json"],
    );
    let all: serde_json::Value = serde_json::from_str(&out).expect("json");
    let provinces = all["province"].as_array().expect("provinces").len() as u64;
    assert!(provinces > 10, "the generated corpus names many provinces");
    assert_eq!(v["facets_more"]["province"].as_u64(), Some(provinces - 10), "{}", v["facets_more"]);
    let (_, text_out, _) =
        run(env, &["search", "BPJS", "--index", "index", "--facets", "--limit", "0"]);
    let line = format!("… and {} more: warta facets --by province", provinces - 10);
    assert!(text_out.contains(&line), "{text_out}");
}
