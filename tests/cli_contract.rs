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
