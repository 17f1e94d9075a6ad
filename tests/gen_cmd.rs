use crate::util::{TestEnv, text};

/// `warta gen` writes a sharded, deterministic corpus that `warta index` reads whole.
#[test]
fn generated_articles_index_and_search() {
    let env = TestEnv::new();
    let gen_args = ["gen", "--out", "gen", "--articles", "50", "--jsonl", "gen.jsonl"];
    let out = env.warta(&gen_args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("generated 50 articles"), "{}", text(&out.stderr));
    assert!(env.root().join("gen/0000/a0000049.txt").is_file());
    let jsonl = std::fs::read_to_string(env.root().join("gen.jsonl")).expect("jsonl");
    assert_eq!(jsonl.lines().count(), 50);

    // Deterministic: the same options give the same bytes.
    let out = env.warta(&["gen", "--out", "again", "--articles", "50", "--threads", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for id in ["0000/a0000000.txt", "0000/a0000049.txt"] {
        let a = std::fs::read(env.root().join("gen").join(id)).expect("read");
        assert_eq!(a, std::fs::read(env.root().join("again").join(id)).expect("read"));
    }

    let out = env.warta(&["index", "gen", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("indexed 50 articles from 50 files"), "{err}");
    let v = env.search_json(&["*"]);
    assert_eq!(v["total"], 50);
    // Every article names BPJS Ketenagakerjaan, and facets are filled from the generated facts.
    let v = env.search_json(&["ketenagakerjaan"]);
    assert_eq!(v["total"], 50, "{v}");
    for facet in ["province", "official", "program", "source"] {
        let counts = v["facets"][facet].as_array().map_or(0, Vec::len);
        assert!(counts > 0, "no {facet} facet counts: {v}");
    }
}

#[test]
fn gen_is_hidden_from_help() {
    let out = TestEnv::new().warta(&["--help"]);
    let help = text(&out.stdout);
    assert!(help.contains("  index") && !help.contains("  gen "), "{help}");
}
