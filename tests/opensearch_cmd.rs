//! `warta search --format opensearch`: no OpenSearch or Elasticsearch
//! server can run here, so the export is tested by its files' shape: every
//! line is JSON, actions and documents alternate, every document fits the
//! template's strict mapping field by field, and the template and the
//! documents of the fixture corpus equal the golden files in
//! `tests/golden/opensearch/` (rewrite them with `WARTA_BLESS=1` after a
//! deliberate change, and review the diff).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::util::{TestEnv, text};

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/opensearch").join(name)
}

/// Compares `value` with a golden file (or rewrites it under `WARTA_BLESS`).
fn assert_golden(name: &str, value: &Value) {
    let path = golden(name);
    let text = serde_json::to_string_pretty(value).expect("JSON") + "\n";
    if std::env::var_os("WARTA_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &text).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (WARTA_BLESS=1 writes it)", path.display()));
    let want: Value = serde_json::from_str(&want).expect("golden JSON");
    assert_eq!(value, &want, "{} differs (WARTA_BLESS=1 rewrites it; review the diff)", name);
}

fn export(env: &TestEnv, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["search", "*", "--index", "index", "--format", "opensearch", "--all"];
    args.extend_from_slice(extra);
    env.warta(&args)
}

/// Whether `value` fits the mapping `field` (arrays of the type are fine,
/// as in OpenSearch; null is an absent value).
fn check(path: &str, field: &Value, value: &Value) {
    if value.is_null() {
        return;
    }
    if let Value::Array(items) = value {
        for item in items {
            assert!(!item.is_array(), "{path}: nested arrays are not indexable");
            check(path, field, item);
        }
        return;
    }
    match field["type"].as_str().unwrap_or("object") {
        "keyword" | "text" => assert!(value.is_string(), "{path}: {value} is not a string"),
        "boolean" => assert!(value.is_boolean(), "{path}: {value}"),
        "integer" => {
            assert!(value.as_u64().is_some_and(|n| n <= i32::MAX as u64), "{path}: {value}")
        }
        "double" => assert!(value.is_number(), "{path}: {value}"),
        "date" => {
            let s = value.as_str().unwrap_or_else(|| panic!("{path}: {value}"));
            let ok = s.len() == 10
                && s.bytes()
                    .enumerate()
                    .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
            assert!(ok, "{path}: {s} is not yyyy-MM-dd");
        }
        "object" | "nested" => {
            let props = field["properties"].as_object().expect("properties");
            fits(path, props, value.as_object().unwrap_or_else(|| panic!("{path}: {value}")));
        }
        other => panic!("{path}: unexpected mapping type {other}"),
    }
}

/// Every key of `doc` is mapped (the template is `dynamic: strict`) and fits.
fn fits(path: &str, props: &Map<String, Value>, doc: &Map<String, Value>) {
    for (key, value) in doc {
        let field = props.get(key).unwrap_or_else(|| panic!("{path}.{key} is not mapped"));
        check(&format!("{path}.{key}"), field, value);
    }
}

/// The bulk files' documents, checked pairwise against their actions.
fn documents(dir: &Path) -> Vec<Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("export dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ndjson"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut docs = Vec::new();
    for file in files {
        let body = std::fs::read_to_string(&file).expect("bulk file");
        assert!(body.ends_with('\n'), "a bulk body ends with a newline");
        let lines: Vec<Value> = body
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", file.display()))
            })
            .collect();
        assert_eq!(lines.len() % 2, 0);
        for pair in lines.chunks(2) {
            let id = &pair[0]["index"]["_id"];
            assert_eq!(pair[0].as_object().map(Map::len), Some(1), "{}", pair[0]);
            assert_eq!(id, &pair[1]["id"], "the action names its document");
            docs.push(pair[1].clone());
        }
    }
    docs
}

#[test]
fn the_export_fits_its_template_and_equals_the_golden_files() {
    let env = TestEnv::indexed();
    let out = export(&env, &["--output", "os"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dir = env.root().join("os");

    let template: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("template.json")).expect("template"),
    )
    .expect("template JSON");
    let props = template["template"]["mappings"]["properties"].as_object().expect("properties");
    assert_eq!(template["template"]["mappings"]["dynamic"], "strict");
    // Every facet warta filters on is a keyword field.
    for facet in
        ["province", "province_code", "city", "official", "org", "program", "source", "speaker"]
    {
        assert_eq!(props[facet]["type"], "keyword", "{facet}");
    }
    let analysis = &template["template"]["settings"]["analysis"];
    let rules: Vec<&str> = analysis["filter"]["warta_aliases"]["synonyms"]
        .as_array()
        .expect("synonyms")
        .iter()
        .map(|r| r.as_str().expect("rule"))
        .collect();
    assert!(rules.iter().any(|r| r.starts_with("bpjs ketenagakerjaan, bpjamsostek")), "{rules:?}");
    assert!(rules.iter().any(|r| r.contains("jawa timur") && r.contains("jatim")), "{rules:?}");
    assert!(rules.iter().all(|r| r.contains(", ") && *r == r.to_lowercase()), "{rules:?}");
    // The golden template without what changes with the alias table and the version.
    let mut shape = template.clone();
    shape["template"]["settings"]["analysis"]["filter"]["warta_aliases"]["synonyms"] =
        Value::from(Vec::<Value>::new());
    shape["_meta"] = Value::Null;
    assert_golden("template.json", &shape);

    let mut docs = documents(&dir);
    for doc in &docs {
        fits("doc", props, doc.as_object().expect("document"));
    }
    // The same articles as the JSON Lines export.
    let out = env.warta(&["search", "*", "--index", "index", "--format", "jsonl", "--all"]);
    let hits: Vec<Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("line")).collect();
    let mut want: Vec<&Value> = hits.iter().map(|h| &h["id"]).collect();
    let mut got: Vec<&Value> = docs.iter().map(|d| &d["id"]).collect();
    want.sort_by_key(|v| v.to_string());
    got.sort_by_key(|v| v.to_string());
    assert_eq!(got, want);
    // Some articles carry officials and stems: the golden documents are not empty shells.
    assert!(docs.iter().any(|d| d["official"].as_array().is_some_and(|a| !a.is_empty())));
    assert!(docs.iter().all(|d| d["body_stems"].as_str().is_some_and(|s| !s.is_empty())));
    docs.sort_by_key(|d| d["id"].as_str().unwrap_or_default().to_string());
    assert_golden("documents.json", &Value::from(docs));
}

#[test]
fn user_aliases_become_synonyms_and_bad_targets_are_refused() {
    let env = TestEnv::indexed();
    env.write("aliases.tsv", "Kartu Pekerja Contoh\tKPC|Kartu Kerja Contoh\n");
    let out = export(&env, &["--output", "os", "--aliases", "aliases.tsv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let template = std::fs::read_to_string(env.root().join("os/template.json")).expect("template");
    assert!(template.contains("kartu pekerja contoh, kpc, kartu kerja contoh"), "{template}");

    for (args, says) in [
        (&[][..], "--output DIR"),
        (&["--output", "os"], "already exists"),
        (&["--output", "x", "--table", "quotes"], "--table"),
        (&["--output", "x", "--with-body"], "--with-body"),
    ] {
        let out = export(&env, args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert!(!env.root().join("x").exists() && !env.root().join("x.partial").exists());
}
