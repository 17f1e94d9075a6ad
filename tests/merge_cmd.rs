//! `warta merge`: indexes built separately from parts of a corpus, merged,
//! answer like one index built over the whole corpus; and what it refuses.

use std::fs;
use std::process::Output;

use serde_json::Value;

use crate::util::{TestEnv, text};

const SHARDS: usize = 3;

fn ok(env: &TestEnv, args: &[&str]) -> Output {
    let out = env.warta(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
    out
}

/// A command's JSON output (exit status 0 or 1).
fn json(env: &TestEnv, args: &[&str]) -> Value {
    let out = env.warta(args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// `articles` generated articles dealt round-robin into `corpus/p0..p2`,
/// and each part copied to `s{k}/p{k}` so that a shard built from `s{k}`
/// gives its articles the ids a build over `corpus` gives them. Each part
/// is indexed into `i{k}`; `corpus` is indexed whole into `single`.
fn split(articles: usize) -> TestEnv {
    let env = TestEnv::new();
    let n = articles.to_string();
    ok(&env, &["gen", "--out", "gen", "--articles", &n, "--threads", "1"]);
    let mut files: Vec<_> = fs::read_dir(env.root().join("gen/0000"))
        .expect("generated")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), articles);
    for (i, file) in files.iter().enumerate() {
        let name = file.file_name().expect("name").to_string_lossy().into_owned();
        let bytes = fs::read(file).expect("read");
        env.write(&format!("corpus/p{}/{name}", i % SHARDS), &bytes);
        env.write(&format!("s{0}/p{0}/{name}", i % SHARDS), &bytes);
    }
    for k in 0..SHARDS {
        ok(&env, &["index", &format!("s{k}"), "--index", &format!("i{k}"), "--quiet"]);
    }
    ok(&env, &["index", "corpus", "--index", "single", "--quiet"]);
    env
}

/// Copies an index folder (tantivy's files are flat).
fn copy_index(env: &TestEnv, from: &str, to: &str) {
    fs::create_dir_all(env.root().join(to)).expect("mkdir");
    for entry in fs::read_dir(env.root().join(from)).expect("index") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            let name = path.file_name().expect("name");
            fs::copy(&path, env.root().join(to).join(name)).expect("copy");
        }
    }
}

/// Edits one field of an index's `warta.json`.
fn set_info(env: &TestEnv, index: &str, field: &str, value: Value) {
    let path = env.root().join(index).join("warta.json");
    let mut info: Value =
        serde_json::from_str(&fs::read_to_string(&path).expect("info")).expect("info JSON");
    info[field] = value;
    fs::write(&path, info.to_string()).expect("write info");
}

/// A search response with its hits in id order and their scores set
/// aside, to be compared within rounding: tantivy estimates the field
/// lengths of a segment merged from one with deleted documents from the
/// stored norms, which moves BM25 scores by a few in ten thousand.
fn normalised_search(v: &Value) -> (Value, Vec<(String, f64)>) {
    let mut v = v.clone();
    let mut hits = v["hits"].as_array().cloned().expect("hits");
    hits.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    let scores = hits
        .iter_mut()
        .map(|h| {
            let s = h["score"].as_f64().expect("score");
            h.as_object_mut().expect("hit").remove("score");
            (h["id"].as_str().expect("id").to_string(), s)
        })
        .collect();
    v["hits"] = Value::Array(hits);
    (v, scores)
}

/// The groups of copies of an index as sorted member lists.
pub fn copy_groups(env: &TestEnv, index: &str) -> Vec<Vec<String>> {
    let file = fs::read_to_string(env.root().join(index).join("copies.json")).expect("copies");
    let v: Value = serde_json::from_str(&file).expect("copies JSON");
    let mut groups: Vec<Vec<String>> = v["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            let mut m: Vec<String> = g["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| m.as_str().expect("id").to_string())
                .collect();
            m.sort();
            m
        })
        .collect();
    groups.sort();
    groups
}

/// Searches, facet counts, timelines, story counts and copies of two
/// indexes are the same; scores agree within `tolerance` (relative). Every
/// hit is listed (up to 10,000), so ties at a page's end cannot differ.
pub fn assert_same_answers(env: &TestEnv, single: &str, merged: &str, tolerance: f64) {
    for query in ["*", "jht", "perlindungan pekerja", "klaim OR santunan", "\"jaminan hari tua\""] {
        let search = |index: &str| {
            json(env, &["search", query, "--index", index, "--json", "--limit", "10000"])
        };
        let (a, a_scores) = normalised_search(&search(single));
        let (b, b_scores) = normalised_search(&search(merged));
        assert_eq!(a, b, "search {query}");
        assert_eq!(a_scores.len(), b_scores.len());
        for ((id, x), (other, y)) in a_scores.iter().zip(&b_scores) {
            assert_eq!(id, other, "search {query}");
            assert!(
                (x - y).abs() <= tolerance * x.abs(),
                "search {query}: {id} scores {x} and {y}"
            );
        }
    }
    for by in ["province", "city", "official", "program", "source", "year"] {
        for query in ["*", "jht"] {
            let facets =
                |index: &str| json(env, &["facets", query, "--by", by, "--index", index, "--json"]);
            assert_eq!(facets(single), facets(merged), "facets {query} --by {by}");
        }
    }
    for by in ["month", "year"] {
        let timeline = |index: &str| {
            let args = ["timeline", "-q", "jht", "-q", "*", "--by", by, "--index", index, "--json"];
            json(env, &args)
        };
        assert_eq!(timeline(single), timeline(merged), "timeline --by {by}");
    }
    let stories = |index: &str| {
        let args = ["search", "*", "--dedup", "--index", index, "--json", "--limit", "10000"];
        json(env, &args)["total"].clone()
    };
    assert_eq!(stories(single), stories(merged));
    assert_eq!(copy_groups(env, single), copy_groups(env, merged));
}

#[test]
fn a_three_way_merge_searches_like_a_single_build() {
    let env = split(300);
    let out =
        ok(&env, &["merge", "i0", "i1", "i2", "--index", "merged", "--corpus", "corpus", "--json"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("report JSON");
    assert_eq!(report["shards"], 3);
    assert_eq!(report["articles"], 300);
    assert_eq!(report["files"], 300);
    assert_same_answers(&env, "single", "merged", 1e-5);

    // Copies are grouped across shards: gen's copies repeat earlier
    // articles, which the round-robin split put in other parts.
    let groups = copy_groups(&env, "merged");
    assert!(!groups.is_empty());
    let part = |id: &str| id.split('/').next().unwrap_or("").to_string();
    assert!(
        groups.iter().any(|g| g.iter().any(|m| part(m) != part(&g[0]))),
        "no group spans two shards: {groups:?}"
    );

    // The merged index knows the corpus it stands for: indexing that corpus
    // again reads the files but re-indexes none of them.
    let out = ok(&env, &["index", "corpus", "--index", "merged", "--json"]);
    let run: Value = serde_json::from_slice(&out.stdout).expect("index JSON");
    assert_eq!((run["added"].clone(), run["updated"].clone()), (0.into(), 0.into()), "{run}");
    assert_eq!((run["removed"].clone(), run["unchanged"].clone()), (0.into(), 300.into()), "{run}");
    assert_eq!(run["rebuilt"], false, "{run}");
    let total =
        |index: &str| json(&env, &["search", "jht", "--index", index, "--json"])["total"].clone();
    assert_eq!(total("single"), total("merged"));

    // A file changes after its shard was built, and the shard is brought up
    // to date: the old version's document is deleted in that shard and
    // stays deleted in the merge. tantivy estimates the merged field lengths
    // from the norms of the live documents, so scores move a little.
    let changed = "p1/a0000001.txt";
    for copy in [format!("corpus/{changed}"), format!("s1/{changed}")] {
        let mut bytes = fs::read(env.root().join(&copy)).expect("read");
        bytes.extend_from_slice("\n\nPeserta diimbau memperbarui data kepesertaan.\n".as_bytes());
        env.write(&copy, &bytes);
    }
    let out = ok(&env, &["index", "s1", "--index", "i1", "--json"]);
    let run: Value = serde_json::from_slice(&out.stdout).expect("index JSON");
    assert_eq!(run["updated"], 1, "{run}");
    ok(&env, &["index", "corpus", "--index", "single2", "--quiet"]);
    ok(&env, &["merge", "i0", "i1", "i2", "--index", "merged2", "--quiet"]);
    assert_same_answers(&env, "single2", "merged2", 1e-2);
    let show = |index: &str| {
        let out = ok(&env, &["show", changed, "--index", index]);
        text(&out.stdout)
    };
    assert!(show("merged2").contains("memperbarui data kepesertaan"));
}

#[test]
fn merges_that_would_lose_or_mix_data_are_refused() {
    let env = split(30);
    let refused = |args: &[&str], needles: &[&str]| {
        let out = env.warta(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        for needle in needles {
            assert!(err.contains(needle), "{args:?}: no `{needle}` in: {err}");
        }
    };

    // An output folder that holds anything is left alone.
    env.write("taken/thesis.docx", "mine");
    refused(&["merge", "i0", "i1", "--index", "taken"], &["taken", "not empty"]);
    assert_eq!(fs::read_to_string(env.root().join("taken/thesis.docx")).expect("kept"), "mine");

    // A file in two shards: the message names both.
    ok(&env, &["index", "s0", "--index", "again0", "--quiet"]);
    refused(&["merge", "i0", "i1", "again0", "--index", "out1"], &["i0", "again0", "p0/"]);

    // Other extra roots than the first shard's.
    env.write("roots.txt", "kerjasama\n");
    ok(&env, &["index", "s1", "--index", "rooted1", "--roots", "roots.txt", "--quiet"]);
    refused(&["merge", "i0", "rooted1", "--index", "out2"], &["i0", "rooted1", "roots"]);

    // Something that is not an index, and the same index twice.
    env.write("notes/a.txt", "x");
    refused(&["merge", "i0", "notes", "--index", "out3"], &["notes"]);
    refused(&["merge", "i0", "./i0", "--index", "out4"], &["same index"]);

    // Another format version, and a shard whose last build did not finish.
    copy_index(&env, "i1", "old1");
    set_info(&env, "old1", "format", 1.into());
    refused(&["merge", "i0", "old1", "--index", "out5"], &["old1", "format 1"]);
    copy_index(&env, "i1", "pending1");
    set_info(&env, "pending1", "pending", true.into());
    refused(&["merge", "i0", "pending1", "--index", "out6"], &["pending1", "did not finish"]);

    for out in ["out1", "out2", "out3", "out4", "out5", "out6"] {
        let dir = env.root().join(out);
        let written = fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(written, 0, "{out} was written to");
    }

    // A merge of one shard is that shard.
    ok(&env, &["merge", "i0", "--index", "one", "--quiet"]);
    let total =
        |index: &str| json(&env, &["search", "*", "--index", index, "--json"])["total"].clone();
    assert_eq!(total("one"), total("i0"));
}

/// Holds the writer lock of the index folder `dir` (as a running
/// `warta index` or `warta merge` does) until the file is dropped.
#[cfg(target_os = "linux")]
fn hold_writer_lock(dir: &std::path::Path) -> fs::File {
    use std::os::fd::AsRawFd;
    fs::create_dir_all(dir).expect("mkdir");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".tantivy-writer.lock"))
        .expect("lock file");
    // SAFETY: flock on a descriptor this function owns.
    let taken = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    assert_eq!(taken, 0, "lock taken");
    file
}

#[cfg(target_os = "linux")]
#[test]
fn a_merge_into_a_folder_another_run_is_writing_is_refused_and_the_lock_is_shared_with_index() {
    let env = split(30);
    let busy = env.root().join("busy");
    let lock = hold_writer_lock(&busy);
    for args in [
        &["merge", "i0", "i1", "i2", "--index", "busy"][..],
        &["index", "corpus", "--index", "busy"][..],
    ] {
        let out = env.warta(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("locked") && err.contains(".tantivy-writer.lock"), "{args:?}: {err}");
    }
    let written: Vec<_> =
        fs::read_dir(&busy).expect("busy").map(|e| e.expect("e").file_name()).collect();
    assert_eq!(written, [".tantivy-writer.lock"], "nothing but the lock file");
    // Once the other run is gone, the lock file it left is no content.
    drop(lock);
    ok(&env, &["merge", "i0", "i1", "i2", "--index", "busy", "--corpus", "corpus", "--quiet"]);
    let total =
        |index: &str| json(&env, &["search", "*", "--index", index, "--json"])["total"].clone();
    assert_eq!(total("busy"), total("single"));
    // And a finished merge holds no lock: an index run updates it.
    ok(&env, &["index", "corpus", "--index", "busy", "--quiet"]);
}
