//! `warta search --format parquet`: the file holds the same rows as
//! `--format jsonl` for the same query, read back by Rust's parquet reader
//! and, when the test Python is installed, by pyarrow and DuckDB; and the
//! flags that do not go with it are refused with a clear message.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Value, json};

use crate::util::{TestEnv, test_python, text};

/// A generated corpus (places, officials, quotes, figures, syndicated
/// copies), indexed.
fn env() -> TestEnv {
    let env = TestEnv::new();
    let out = env.warta(&["gen", "--out", "corpus", "--articles", "300", "--seed", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    env
}

fn jsonl(env: &TestEnv, query: &str) -> Vec<Value> {
    let out = env.warta(&["search", query, "--index", "index", "--format", "jsonl", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

fn parquet(env: &TestEnv, query: &str, file: &str, extra: &[&str]) -> std::process::Output {
    let mut args =
        vec!["search", query, "--index", "index", "--format", "parquet", "--all", "--output", file];
    args.extend_from_slice(extra);
    env.warta(&args)
}

/// The row count and the ids in file order, read with the parquet crate.
fn rust_ids(path: &Path) -> Vec<String> {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).expect("open"))
        .expect("a Parquet file")
        .build()
        .expect("reader");
    let mut ids = Vec::new();
    for batch in reader {
        let batch = batch.expect("batch");
        let col = batch.column_by_name("id").expect("id column").as_string::<i32>();
        ids.extend(col.iter().map(|v| v.expect("id not null").to_string()));
    }
    ids
}

/// A JSON Lines hit as the Python reader prints a Parquet row: the date as
/// its first day, `as_printed` null when absent, no snippets.
fn expected_row(hit: &Value) -> Value {
    let mut row = hit.clone();
    let obj = row.as_object_mut().expect("object");
    obj.remove("snippets");
    let date = obj["date"].as_str().map(|d| {
        let mut parts: Vec<&str> = d.split('-').collect();
        parts.resize(3, "01");
        parts.join("-")
    });
    obj.insert("date".into(), json!(date));
    for o in obj["officials"].as_array_mut().expect("officials") {
        let o = o.as_object_mut().expect("official");
        if !o.contains_key("as_printed") {
            o.insert("as_printed".into(), Value::Null);
        }
    }
    row
}

const READ_BACK: &str = r#"
import json, sys
import duckdb, pyarrow.parquet as pq

path = sys.argv[1]
table = pq.read_table(path)
rows = table.to_pylist()
for r in rows:
    if r["date"] is not None:
        r["date"] = r["date"].isoformat()
con = duckdb.connect()
count = con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
quotes = con.execute("SELECT coalesce(sum(len(quotes)), 0) FROM read_parquet(?)", [path]).fetchone()[0]
jatim = con.execute(
    "SELECT count(DISTINCT id) FROM (SELECT id, unnest(provinces) AS p FROM read_parquet(?)) WHERE p.code = '35'",
    [path],
).fetchone()[0]
speakers = con.execute(
    "SELECT count(DISTINCT q.speaker) FROM (SELECT unnest(quotes) AS q FROM read_parquet(?))", [path]
).fetchone()[0]
types = {f.name: str(f.type) for f in table.schema}
print(json.dumps({"rows": rows, "count": count, "quotes": quotes, "jatim": jatim,
                  "speakers": speakers, "types": types}))
"#;

#[test]
fn parquet_holds_the_rows_of_jsonl_and_loads_in_pyarrow_and_duckdb() {
    let env = env();
    let hits = jsonl(&env, "*");
    assert_eq!(hits.len(), 300);
    let out = parquet(&env, "*", "all.parquet", &["--with-body"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).is_empty(), "nothing on stdout");
    assert!(text(&out.stderr).contains("wrote 300 rows to all.parquet"), "{}", text(&out.stderr));
    let path = env.root().join("all.parquet");
    let jsonl_ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().expect("id")).collect();
    assert_eq!(rust_ids(&path), jsonl_ids, "same rows in the same order");

    // A narrower query gives the narrower set.
    let some = jsonl(&env, "JHT");
    assert!(!some.is_empty() && some.len() < 300, "{}", some.len());
    let out = parquet(&env, "JHT", "jht.parquet", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(rust_ids(&env.root().join("jht.parquet")).len(), some.len());

    let Some(python) = test_python() else { return };
    let script = env.write("read_back.py", READ_BACK);
    let out = std::process::Command::new(python).arg(&script).arg(&path).output().expect("python");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let back: Value = serde_json::from_slice(&out.stdout).expect("JSON from Python");
    assert_eq!(back["count"], 300);
    let types = &back["types"];
    assert_eq!(types["date"], "date32[day]");
    assert_eq!(
        types["provinces"],
        "list<item: struct<code: string not null, name: string not null> not null>"
    );
    assert_eq!(types["copies"], "uint32");

    let rows = back["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), hits.len());
    let (mut quotes, mut officials, mut figures, mut copies) = (0, 0, 0, 0);
    for (row, hit) in rows.iter().zip(&hits) {
        let mut row = row.clone();
        let body = row.as_object_mut().expect("row").remove("body").expect("body column");
        assert!(body.as_str().is_some_and(|b| b.len() > 100), "{body}");
        // Scores are float32: compare them as such, the rest exactly.
        let score = row.as_object_mut().expect("row").remove("score").expect("score");
        let mut want = expected_row(hit);
        let want_score = want.as_object_mut().expect("hit").remove("score").expect("score");
        let (a, b) = (score.as_f64().expect("score"), want_score.as_f64().expect("score"));
        assert!((a - b).abs() <= 1e-6 * b.abs().max(1.0), "{a} vs {b}");
        assert_eq!(row, want);
        quotes += hit["quotes"].as_array().map_or(0, Vec::len);
        officials += hit["officials"].as_array().map_or(0, Vec::len);
        figures += hit["figures"].as_array().map_or(0, Vec::len);
        copies += usize::from(hit["duplicate_of"].is_string());
    }
    // The comparison covered real nested values, not empty lists.
    assert!(
        quotes > 0 && officials > 0 && figures > 0 && copies > 0,
        "{quotes} {officials} {figures} {copies}"
    );
    assert_eq!(back["quotes"], quotes);
    let jatim = hits
        .iter()
        .filter(|h| h["provinces"].as_array().expect("provinces").iter().any(|p| p["code"] == "35"))
        .count();
    assert_eq!(back["jatim"], jatim);
    assert!(back["speakers"].as_u64().is_some_and(|n| n > 0));

    // The body column is the article's clean text, as `warta show` gives it.
    let id = hits[0]["id"].as_str().expect("id");
    let out = env.warta(&["show", id, "--index", "index", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown: Value = serde_json::from_slice(&out.stdout).expect("show JSON");
    assert_eq!(back["rows"][0]["body"], shown["body"]);
}

#[test]
fn no_hits_give_exit_1_and_an_empty_file_with_the_columns() {
    let env = env();
    let out = parquet(&env, "zzzkatayangtidakada", "none.parquet", &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(rust_ids(&env.root().join("none.parquet")).is_empty());
}

#[test]
fn parquet_needs_a_file_and_the_hits_table() {
    let env = TestEnv::indexed();
    let search = |extra: &[&str]| {
        let mut args = vec!["search", "JHT", "--index", "index"];
        args.extend_from_slice(extra);
        env.warta(&args)
    };
    for (args, says) in [
        (&["--format", "parquet", "--all"][..], "--output FILE"),
        (&["--format", "parquet", "--output", "q.parquet", "--table", "quotes"], "--table"),
        (&["--format", "jsonl", "--output", "x.jsonl"], "--format parquet"),
        (&["--format", "csv", "--with-body"], "--format parquet"),
        (&["--format", "parquet", "--output", "no/such/dir/x.parquet"], "x.parquet"),
        (&["--format", "parquet", "--output", "index"], "index"),
    ] {
        let out = search(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // Nothing was left behind, and the index still answers.
    assert!(!env.root().join("q.parquet").exists());
    assert!(!env.root().join("x.jsonl").exists());
    let out = search(&["--format", "parquet", "--output", "ok.parquet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}
