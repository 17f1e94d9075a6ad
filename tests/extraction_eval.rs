//! `warta eval` against the gold annotations in `eval/gold/`: fails when
//! extraction drops below the project's targets (province F1 ≥ 0.95, official
//! F1 ≥ 0.90, programme F1 ≥ 0.90, titles, sources and dates right).

use std::path::Path;
use std::process::Command;

use crate::util::{seeds_dir, text};

fn eval(gold: &str, corpus: &Path) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["eval", gold, "--corpus"])
        .arg(corpus)
        .arg("--json")
        .current_dir(root)
        .output()
        .expect("run warta eval");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn assert_targets(r: &serde_json::Value) {
    let f1 = |facet: &str| r[facet]["f1"].as_f64().unwrap();
    let differences = serde_json::to_string_pretty(&r["differences"]).unwrap();
    assert!(f1("provinces") >= 0.95, "province F1 {}\n{differences}", f1("provinces"));
    assert!(f1("officials") >= 0.90, "official F1 {}\n{differences}", f1("officials"));
    assert!(f1("programs") >= 0.90, "programme F1 {}\n{differences}", f1("programs"));
    for field in ["title", "source", "date"] {
        assert_eq!(r[field]["correct"], r[field]["total"], "{field}\n{differences}");
    }
}

#[test]
fn the_sample_corpus_meets_the_extraction_targets() {
    let r = eval("eval/gold/corpus.json", Path::new("corpus"));
    assert_eq!(r["articles"], 48);
    assert_targets(&r);
}

#[test]
fn the_seed_articles_meet_the_extraction_targets() {
    let Some(seeds) = seeds_dir() else { return };
    let r = eval("eval/gold/seeds.json", &seeds);
    assert_eq!(r["articles"], 5);
    assert_targets(&r);
}

#[test]
fn the_held_out_articles_meet_the_extraction_targets() {
    let r = eval("eval/heldout/gold.json", Path::new("eval/heldout/articles"));
    assert_eq!(r["articles"], 30);
    assert_targets(&r);
}

#[test]
fn a_missing_gold_file_or_article_is_an_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["eval", "no-such-gold.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-gold.json"));
}
