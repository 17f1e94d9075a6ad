use crate::util::{TestEnv, text};

#[test]
fn show_prints_an_article_with_its_metadata() {
    let env = TestEnv::indexed();
    let out = env.warta(&["show", "--index", "index", "antara_jatim.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.starts_with("Klaim JHT di Jawa Timur naik"), "{s}");
    assert!(s.contains("Pewarta: Agus Setiawan"), "{s}");
    assert!(s.contains("Jawa Timur (35)"), "{s}");
    assert!(!s.contains("Baca juga"), "{s}");
}

#[test]
fn show_json_carries_the_body_and_the_hit_fields() {
    let env = TestEnv::indexed();
    let out = env.warta(&["show", "--index", "index", "batch.jsonl#3", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "batch.jsonl#3");
    assert_eq!(v["date"], "2025-01-20");
    assert!(v["body"].as_str().unwrap().contains("santunan Jaminan Kematian"));
    assert_eq!(v["programs"][0], "JKM");
}

#[test]
fn show_of_an_unknown_id_is_an_error() {
    let env = TestEnv::indexed();
    let out = env.warta(&["show", "--index", "index", "nope.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no article with id `nope.txt`"));
}

#[test]
fn extract_needs_no_index_and_prints_one_json_object_per_article() {
    let env = TestEnv::with_fixtures();
    let out = env.warta(&["extract", "corpus/batch.jsonl", "--json"]);
    // The broken line makes the run partial, as for `warta index`.
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"], "Bali Post");
    assert!(text(&out.stderr).contains("line 2"), "the broken line is reported");
    let txt = env.warta(&["extract", "corpus/antara_jatim.txt", "--json"]);
    assert_eq!(txt.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&txt.stdout).unwrap();
    assert_eq!(v["dateline"], "Surabaya");
    assert_eq!(v["byline"][1]["role"], "Editor");
    assert!(!v["body"].as_str().unwrap().contains("Copyright"));
}

#[test]
fn extract_text_output() {
    let env = TestEnv::with_fixtures();
    let out = env.warta(&["extract", "corpus/nasional/idn_jakarta.txt"]);
    let s = text(&out.stdout);
    assert!(s.starts_with("Menaker minta perusahaan"), "{s}");
    assert!(s.contains("IDN Times") && s.contains("2023-07-24"), "{s}");
    assert!(!s.contains("Topik") && !s.contains("Berita Terkini"), "{s}");
}

#[test]
fn extract_of_a_missing_or_binary_file_names_it() {
    let env = TestEnv::new();
    let out = env.warta(&["extract", "hilang.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("hilang.txt"));
    env.write("x.txt", b"\x00\x01\x02");
    let bin = env.warta(&["extract", "x.txt"]);
    assert_eq!(bin.status.code(), Some(2));
    assert!(text(&bin.stderr).contains("x.txt: binary"), "{}", text(&bin.stderr));
}

#[test]
fn analyze_shows_the_indexed_tokens() {
    let env = TestEnv::new();
    let out = env.warta(&["analyze", "BPJS Ketenagakerjaan, Sébastien"]);
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.contains("bpjs") && s.contains("sebastien"), "{s}");
    let json = env.warta(&["analyze", "Jaminan Hari Tua", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["exact"][2]["term"], "tua");
    assert_eq!(v["exact"][2]["position"], 2);
    assert!(v["stemmed"].is_array());
    let nothing = env.warta(&["analyze", "..."]);
    assert_eq!(nothing.status.code(), Some(1));
}

#[test]
fn analyze_explain_shows_the_thesaurus_expansions_and_when_they_are_off() {
    let env = TestEnv::new();
    let on = text(&env.warta(&["analyze", "tukang ojek online", "--explain"]).stdout);
    assert!(
        on.contains("\"ojek online\" also finds, at weight 0.5") && on.contains("ojol"),
        "{on}"
    );
    let off = env.warta(&["analyze", "tukang ojek online", "--explain", "--no-expand"]);
    let off = text(&off.stdout);
    assert!(off.contains("would also find (off: --no-expand)"), "{off}");
    let json = env.warta(&["analyze", "pekerja rentan", "--explain", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["thesaurus"]["applied"], true);
    assert_eq!(v["thesaurus"]["expansions"][0]["found"], "pekerja rentan");
    assert_eq!(v["thesaurus"]["expansions"][0]["weight"], 0.5);
    let plain = env.warta(&["analyze", "pekerja rentan", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(v.get("thesaurus").is_none(), "only with --explain");
    // --no-expand means nothing without --explain.
    assert_eq!(env.warta(&["analyze", "x", "--no-expand"]).status.code(), Some(2));
}

#[test]
fn usage_errors_exit_two() {
    let env = TestEnv::new();
    assert_eq!(env.warta(&["search"]).status.code(), Some(2));
    assert_eq!(env.warta(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(env.warta(&["search", "x", "--sort", "size"]).status.code(), Some(2));
}

#[test]
fn a_user_registry_of_officials_normalises_spellings_and_stays_with_the_index() {
    let env = TestEnv::with_fixtures();
    env.write(
        "corpus/sleman.txt",
        "Pekerja Sleman Didaftarkan\n\nSleman (ANTARA) - Bupati Sleman Sri Handajani Putri \
         meminta pekerja rentan didaftarkan. \"Kami tanggung iurannya,\" kata Sri.\n",
    );
    env.write(
        "mine.tsv",
        "# my registry\nname\taliases\torganization\trole\n\
         Sri Handayani Putri\tSri Handajani Putri\tPemkab Sleman\tBupati\n",
    );
    // extract: the registry's spelling, the article's kept in as_printed.
    let out = env.warta(&["extract", "corpus/sleman.txt", "--json", "--officials", "mine.tsv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["officials"][0]["name"], "Sri Handayani Putri");
    assert_eq!(v["officials"][0]["as_printed"], "Sri Handajani Putri");
    assert_eq!(v["quotes"][0]["speaker"], "Sri Handayani Putri");
    // index: the file is kept, so a later run and searches use it too.
    let out = env.warta(&["index", "corpus", "--index", "index", "--officials", "mine.tsv"]);
    assert_ne!(out.status.code(), None);
    assert!(env.root().join("index/officials.tsv").is_file());
    std::fs::remove_file(env.root().join("mine.tsv")).unwrap();
    env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    for spelling in ["Sri Handayani Putri", "Sri Handajani Putri"] {
        let v = env.search_json(&["*", "--official", spelling]);
        assert_eq!(v["total"], 1, "{spelling}");
    }
    // A broken registry names the file and the line.
    env.write("bad.tsv", "Nama Saja\n");
    let out = env.warta(&["extract", "corpus/sleman.txt", "--officials", "bad.tsv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bad.tsv: line 1: a row needs"), "{}", text(&out.stderr));
}

#[test]
fn each_commands_help_lists_only_the_formats_it_writes() {
    let env = TestEnv::new();
    let help = |command: &str| {
        let out = env.warta(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    for (command, writes, not) in [
        ("terms", &["text", "json"][..], &["csv", "jsonl", "parquet", "opensearch"][..]),
        ("show", &["text", "json"], &["csv", "jsonl", "parquet", "opensearch"]),
        ("analyze", &["text", "json"], &["csv", "jsonl", "parquet", "opensearch"]),
        ("eval", &["text", "json"], &["csv", "jsonl", "parquet", "opensearch"]),
        ("extract", &["text", "json", "jsonl"], &["csv", "parquet", "opensearch"]),
        ("facets", &["text", "json", "csv"], &["jsonl", "parquet", "opensearch"]),
        ("timeline", &["text", "json", "csv"], &["jsonl", "parquet", "opensearch"]),
        ("search", &["text", "json", "jsonl", "csv", "parquet", "opensearch"], &[]),
    ] {
        let h = help(command);
        for f in writes {
            assert!(h.contains(&format!("- {f}:")), "{command} --help lacks {f}: {h}");
        }
        for f in not {
            assert!(!h.contains(&format!("- {f}:")), "{command} --help offers {f}: {h}");
            assert!(!h.contains(&format!("--{f}")), "{command} --help mentions --{f}: {h}");
        }
    }
    assert!(!help("terms").contains("--csv"));

    // A format the command does not write is refused by name.
    let out = env.warta(&["terms", "JHT", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("`warta terms` cannot write --format csv; it writes text, json"), "{err}");
}
