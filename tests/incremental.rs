use std::process::Child;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::util::{TestEnv, text};

/// Writes `n` small articles (variations of the fixtures) under `corpus/`.
fn many_articles(env: &TestEnv, n: usize) {
    for i in 0..n {
        let base =
            if i % 2 == 0 { crate::fixtures::ANTARA_JATIM } else { crate::fixtures::IDN_JAKARTA };
        let body =
            format!("{base}\nCatatan redaksi nomor {i} tentang pekerja bukan penerima upah.\n");
        env.write(&format!("corpus/d{}/artikel_{i}.txt", i % 7), body);
    }
}

/// The `--json` summary of a `warta index` run.
fn index_json(env: &TestEnv, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["index", "corpus", "--index", "index", "--json"];
    args.extend_from_slice(extra);
    let out = env.warta(&args);
    assert!(matches!(out.status.code(), Some(0 | 2)), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON summary")
}

fn counts(v: &serde_json::Value) -> [u64; 4] {
    ["added", "updated", "removed", "unchanged"].map(|k| v[k].as_u64().expect(k))
}

/// Every indexed article with its stored metadata, by id (scores left out:
/// deleted documents weigh in them until segments merge).
fn content(env: &TestEnv, index: &str) -> Vec<serde_json::Value> {
    let out = env.warta(&["search", "--index", index, "--json", "--limit", "100000", "*"]);
    assert!(out.status.code() != Some(2), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut hits: Vec<serde_json::Value> = v["hits"].as_array().expect("hits").clone();
    for h in &mut hits {
        h.as_object_mut().expect("hit").remove("score");
    }
    hits.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    hits
}

fn clean_build(env: &TestEnv) -> Vec<serde_json::Value> {
    let out = env.warta(&["index", "corpus", "--index", "clean", "-q"]);
    assert!(matches!(out.status.code(), Some(0 | 2)), "{}", text(&out.stderr));
    content(env, "clean")
}

/// Waits (bounded) until the running build has committed at least once.
fn wait_for_first_commit(env: &TestEnv, child: &mut Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if child.try_wait().expect("child").is_some() {
            return false;
        }
        let info = std::fs::read_to_string(env.root().join("index/warta.json")).unwrap_or_default();
        if info.contains("\"pending\": true") && info.contains("\"complete\": true") {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

fn slow_build(env: &TestEnv) -> Child {
    env.command(&["index", "corpus", "--index", "index", "--commit-every", "3", "--threads", "1"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn warta index")
}

#[test]
fn a_rerun_indexes_only_what_changed() {
    let env = TestEnv::with_fixtures();
    let first = index_json(&env, &[]);
    assert_eq!(counts(&first), [4, 0, 0, 0]);
    assert_eq!(first["rebuilt"], true);
    let again = index_json(&env, &[]);
    assert_eq!(counts(&again), [0, 0, 0, 4]);
    assert_eq!(again["articles"], 5);
    assert_eq!(again["bytes_read"], 0, "unchanged files are not read");
    // The broken JSON Lines entry is still reported without reading the file again.
    assert!(again["skipped"].to_string().contains("batch.jsonl"), "{again}");

    env.write(
        "corpus/baru.txt",
        "Judul baru\n\nPeserta BPJS Ketenagakerjaan di Ambon bertambah.\n",
    );
    let edited = crate::fixtures::ANTARA_JATIM.replace("Sidoarjo", "Gresik");
    env.write("corpus/antara_jatim.txt", edited);
    std::fs::remove_file(env.root().join("corpus/sumut.json")).unwrap();
    // Touched but identical: read and hashed, not re-indexed.
    env.write("corpus/nasional/idn_jakarta.txt", crate::fixtures::IDN_JAKARTA);
    let third = index_json(&env, &[]);
    assert_eq!(counts(&third), [1, 1, 1, 2], "{third}");
    assert_eq!(third["rebuilt"], false);

    assert_eq!(env.search_json(&["Gresik"])["total"], 1);
    assert_eq!(env.search_json(&["Sidoarjo"])["total"], 0, "the old version is gone");
    assert_eq!(env.search_json(&["Ambon"])["total"], 1);
    let all = env.search_json(&["*"]);
    assert!(!all.to_string().contains("sumut.json"), "removed file is gone");
    assert_eq!(content(&env, "index"), clean_build(&env));
}

#[test]
fn rebuild_starts_over() {
    let env = TestEnv::with_fixtures();
    index_json(&env, &[]);
    let v = index_json(&env, &["--rebuild"]);
    assert_eq!(counts(&v), [4, 0, 0, 0]);
    assert_eq!(v["rebuilt"], true);
    assert_eq!(env.search_json(&["*"])["total"], 5);
}

#[test]
fn the_summary_counts_files() {
    let env = TestEnv::with_fixtures();
    env.warta(&["index", "corpus", "--index", "index", "-q"]);
    env.write(
        "corpus/baru.txt",
        "Judul baru\n\nPeserta BPJS Ketenagakerjaan di Ambon bertambah.\n",
    );
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert!(err.contains("files: 1 added, 0 updated, 0 removed, 4 unchanged"), "{err}");
}

#[test]
fn a_build_killed_at_any_moment_is_completed_by_the_next_run() {
    let env = TestEnv::new();
    many_articles(&env, 120);
    let clean = clean_build(&env);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    for round in 0..2 {
        let mut child = slow_build(&env);
        if wait_for_first_commit(&env, &mut child) {
            let delay = u64::from((nanos >> (round * 8)) % 150);
            std::thread::sleep(Duration::from_millis(delay));
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("wait");
        // Whatever was committed last is readable (or the index says how to finish it).
        let out = env.warta(&["search", "--index", "index", "--json", "JHT"]);
        let err = text(&out.stderr);
        assert!(out.status.code() != Some(2) || err.contains("warta index"), "{err}");
    }
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(content(&env, "index"), clean);
    let again = index_json(&env, &[]);
    assert_eq!(counts(&again)[3], 120, "nothing left to do: {again}");
}

#[test]
fn ctrl_c_commits_what_is_done_and_exits_130() {
    let env = TestEnv::new();
    many_articles(&env, 300);
    let mut child = slow_build(&env);
    if !wait_for_first_commit(&env, &mut child) {
        eprintln!("finished before it could be interrupted: nothing to test on this machine");
        return;
    }
    let pid = child.id().to_string();
    let status = std::process::Command::new("kill").args(["-INT", &pid]).status().expect("kill");
    assert!(status.success());
    let out = child.wait_with_output().expect("wait");
    let err = text(&out.stderr);
    if out.status.code() == Some(0) {
        eprintln!("the signal came after the last file");
        return;
    }
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("run `warta index` again to finish"), "{err}");
    let partial = env.search_json(&["*"]);
    let total = partial["total"].as_u64().unwrap();
    assert!(total > 0 && total < 300, "{total}");
    let search = env.warta(&["search", "--index", "index", "JHT"]);
    assert!(text(&search.stderr).contains("not finished"), "{}", text(&search.stderr));
    let done = index_json(&env, &[]);
    assert_eq!(done["articles"], 300);
    assert_eq!(content(&env, "index"), clean_build(&env));
}

#[test]
fn a_second_index_run_is_refused_naming_the_lock_and_searches_keep_working() {
    let env = TestEnv::new();
    many_articles(&env, 300);
    let mut first = slow_build(&env);
    if !wait_for_first_commit(&env, &mut first) {
        eprintln!("finished before a second run could start: nothing to test on this machine");
        return;
    }
    let second = env.warta(&["index", "corpus", "--index", "index"]);
    let search = env.warta(&["search", "--index", "index", "--json", "*"]);
    // The default index would be brought up to date first; it is locked, so
    // the search uses the last commit.
    let auto = env.warta(&["search", "--json", "JHT"]);
    let still_running = first.try_wait().expect("first").is_none();
    first.kill().ok();
    first.wait().ok();
    if !still_running {
        eprintln!("finished before the second run: nothing to test on this machine");
        return;
    }
    assert_eq!(second.status.code(), Some(2));
    let err = text(&second.stderr);
    assert!(err.contains(".tantivy-writer.lock"), "{err}");
    assert!(search.status.success(), "{}", text(&search.stderr));
    let auto_err = text(&auto.stderr);
    assert!(auto.status.success(), "{auto_err}");
    assert!(auto_err.contains("searching its last commit"), "{auto_err}");
}
