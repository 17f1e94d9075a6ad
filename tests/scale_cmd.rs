//! `scale/build.py`: a generated corpus built by two Dask workers on
//! 127.0.0.1, each running the real `warta index` on its part, merged with
//! `warta merge`, answers like one `warta index` of the whole corpus; and a
//! part that fails twice is named while the other shards are kept.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use crate::merge_cmd::assert_same_answers;
use crate::util::{TestEnv, binary, test_python, text};

/// The test Python with Dask, or None (skipped outside CI).
fn dask_python() -> Option<PathBuf> {
    let python = test_python()?;
    let probe = Command::new(&python).args(["-c", "import dask.distributed"]).output();
    if probe.as_ref().is_ok_and(|o| o.status.success()) {
        return Some(python);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} has no dask.distributed: run .ci/test-env.sh",
        python.display()
    );
    eprintln!("skipped: no dask.distributed in {} (run .ci/test-env.sh)", python.display());
    None
}

/// Runs `scale/build.py` in the environment's root on a 2-worker local cluster.
fn build(env: &TestEnv, python: &Path, args: &[&str]) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scale/build.py");
    let bin = binary();
    Command::new(python)
        .arg(script)
        .args(args)
        .args(["--workers", "2", "--warta"])
        .arg(&bin)
        .current_dir(env.root())
        .output()
        .expect("run scale/build.py")
}

fn ok(env: &TestEnv, args: &[&str]) -> Output {
    let out = env.warta(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
    out
}

fn report(env: &TestEnv, work: &str) -> Value {
    let file = fs::read_to_string(env.root().join(work).join("build.json")).expect("build.json");
    serde_json::from_str(&file).expect("build.json is JSON")
}

#[test]
fn two_dask_workers_build_what_one_warta_index_builds() {
    let Some(python) = dask_python() else { return };
    let env = TestEnv::new();
    ok(&env, &["gen", "--out", "gen", "--articles", "5000", "--seed", "1"]);
    ok(&env, &["index", "gen", "--index", "single", "--quiet"]);

    let out = build(&env, &python, &["gen", "--out", "work"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let r = report(&env, "work");
    assert_eq!(r["parts"], 2, "{r}");
    assert_eq!(r["failed"], Value::Array(vec![]), "{r}");
    assert_eq!(r["merge"]["articles"], 5000, "{r}");
    let shards = r["shards"].as_array().expect("shards");
    assert_eq!(shards.len(), 2);
    let files: u64 = shards.iter().map(|s| s["files"].as_u64().expect("files")).sum();
    assert_eq!(files, 5000);

    // Each shard's export holds its articles (JSON Lines: one line each;
    // Parquet, when this binary writes it, is checked by its own tests).
    let mut exported = 0;
    for s in shards {
        let path = PathBuf::from(s["export"].as_str().expect("export"));
        assert!(path.is_file(), "{}", path.display());
        if r["export_format"] == "jsonl" {
            let body = fs::read_to_string(&path).expect("export");
            exported += body.lines().count();
            let first: Value =
                serde_json::from_str(body.lines().next().expect("a row")).expect("row");
            assert!(first["id"].is_string(), "{first}");
        }
    }
    if r["export_format"] == "jsonl" {
        assert_eq!(exported, 5000);
    }

    assert_same_answers(&env, "single", "work/index", 1e-5);

    // The merged index stands for the corpus: indexing it again changes nothing.
    let out = ok(&env, &["index", "gen", "--index", "work/index", "--json"]);
    let run: Value = serde_json::from_slice(&out.stdout).expect("index JSON");
    assert_eq!((run["added"].clone(), run["updated"].clone()), (0.into(), 0.into()), "{run}");
    assert_eq!(run["unchanged"], 5000, "{run}");
}

#[test]
fn a_part_that_fails_twice_is_named_and_the_other_shards_are_kept() {
    let Some(python) = dask_python() else { return };
    let env = TestEnv::new();
    ok(&env, &["gen", "--out", "gen", "--articles", "200", "--seed", "2"]);
    // The second part's shard cannot be written: its folder is a file.
    env.write("work/shards/part-001", "not a folder");

    let out = build(&env, &python, &["gen", "--out", "work"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("shard part-001 failed after 2 attempts"), "{err}");
    assert!(err.contains("part-001"), "{err}");
    assert!(!err.contains("shard part-000 failed"), "{err}");
    let r = report(&env, "work");
    assert_eq!(r["failed"].as_array().map(Vec::len), Some(1), "{r}");
    assert_eq!(r["failed"][0]["name"], "part-001", "{r}");
    assert_eq!(r["failed"][0]["attempts"], 2, "{r}");
    assert!(!env.root().join("work/index").exists(), "nothing merged");
    // The other shard is kept and searchable.
    let kept = r["shards"][0]["files"].as_u64().expect("files");
    let v: Value = serde_json::from_slice(
        &ok(&env, &["search", "*", "--index", "work/shards/part-000", "--json"]).stdout,
    )
    .expect("JSON");
    assert_eq!(v["total"].as_u64(), Some(kept), "{v}");

    // Once the obstacle is gone, the same command finishes the build.
    fs::remove_file(env.root().join("work/shards/part-001")).expect("rm");
    let out = build(&env, &python, &["gen", "--out", "work"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(
        &ok(&env, &["search", "*", "--index", "work/index", "--json"]).stdout,
    )
    .expect("JSON");
    assert_eq!(v["total"], 200, "{v}");
}
