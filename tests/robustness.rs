//! Dirty input through the real binary: dirty files are decoded, skipped or cut
//! with a reason naming them, and the run completes; hostile queries get an
//! error with a position or a sensible reading, never a panic (a panic exits
//! with 101, which every test here rules out).

use crate::util::{TestEnv, text};

/// The exit code, asserting the process neither panicked nor was killed.
fn code(out: &std::process::Output) -> i32 {
    let c = out.status.code().expect("exited normally");
    assert_ne!(c, 101, "panicked: {}", text(&out.stderr));
    c
}

#[test]
fn dirty_files_are_decoded_skipped_or_cut_and_the_run_completes() {
    let env = TestEnv::with_fixtures();
    // Windows-1252 (curly quotes, é) and UTF-16 with its byte-order mark.
    env.write(
        "corpus/cp1252.txt",
        b"Iuran Pekerja Rentan di Sleman\n\nSleman - Kata Bupati: \x93iuran ditanggung\x94 caf\xe9.\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Santunan JKM untuk Nelayan Sorong\n\nSorong - Nelayan menerima santunan JKM.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    env.write("corpus/utf16.txt", utf16);
    // UTF-8 with one stray Latin-1 byte: the quote and its curly marks stay UTF-8.
    env.write(
        "corpus/stray.txt",
        [
            "Klaim JHT di Sleman\n\nSleman - \u{201C}Klaim naik sepuluh persen,\u{201D} kata Rini Astuti di kafe "
                .as_bytes(),
            b"caf\xe9.\n",
        ]
        .concat(),
    );
    // Binary without NUL bytes, empty, whitespace only.
    let noise: Vec<u8> = (1u8..=255).cycle().take(5000).filter(|b| *b != b'\n').collect();
    env.write("corpus/noise.txt", noise);
    env.write("corpus/empty.txt", "");
    env.write("corpus/blank.json", " \n\t\n");
    // A JSON Lines file with good lines around bad ones and one very long line.
    let long_body = "pekerja sawit ".repeat(200_000); // 2.8 MB: cut to 2 MiB
    env.write(
        "corpus/mixed.jsonl",
        format!(
            "{{\"title\": \"Satu\", \"text\": \"Klaim JHT di Medan naik.\"}}\n{{oops\n[1,2]\n\
             {{\"title\": \"Panjang\", \"text\": \"{long_body}\"}}\n\
             {{\"title\": \"Dua\", \"text\": \"Peserta BPU di Kupang bertambah.\"}}\n"
        ),
    );
    // A symlink loop and a link to nowhere.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", env.root().join("corpus/loop")).unwrap();
        std::os::unix::fs::symlink("gone.txt", env.root().join("corpus/dangling.txt")).unwrap();
    }
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(code(&out), 2, "{err}");
    for expected in [
        "cp1252.txt: not UTF-8",
        "utf16.txt: decoded as UTF-16LE",
        "stray.txt: not all UTF-8 (1 invalid byte",
        "noise.txt: binary file",
        "empty.txt: empty file",
        "blank.json: empty file",
        "mixed.jsonl: line 2: invalid JSON",
        "mixed.jsonl: line 3: not a JSON object",
        "mixed.jsonl: line 4: article text of",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    #[cfg(unix)]
    assert!(err.contains("loop") && err.contains("dangling.txt"), "{err}");
    // Everything readable is searchable, decoded text included.
    let found = |q: &str, id: &str| {
        let v = env.search_json(&[q, "--limit", "100"]);
        v["hits"].as_array().unwrap().iter().any(|h| h["id"] == id)
    };
    assert!(found("café", "cp1252.txt"));
    assert!(found("santunan", "utf16.txt"));
    assert!(found("café", "stray.txt"));
    assert!(found("\"naik sepuluh persen\"", "stray.txt"));
    // The quote survives the stray byte.
    let v = env.search_json(&["naik", "--quoted-by", "Rini Astuti"]);
    assert!(v["hits"].as_array().unwrap().iter().any(|h| h["id"] == "stray.txt"), "{v}");
    assert!(found("Kupang", "mixed.jsonl#5"));
    assert!(found("title:Panjang", "mixed.jsonl#4"));
}

#[test]
fn a_file_over_the_read_limit_is_indexed_up_to_it_with_a_note() {
    let env = TestEnv::new();
    // 65 MiB of JSON Lines: the lines within the first 64 MiB are read.
    // (The bulk is a field warta ignores, so the test costs reading, not extraction.)
    let pad = "x".repeat(1 << 20);
    let line = format!("{{\"title\": \"Berita\", \"text\": \"Klaim JHT.\", \"pad\": \"{pad}\"}}\n");
    let lines = (65 << 20) / line.len() + 1;
    env.write("corpus/dump.jsonl", line.repeat(lines));
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    let err = text(&out.stderr);
    // Indexed (up to the limit), so listed with the warnings, not as skipped.
    assert_eq!(code(&out), 0, "{err}");
    assert!(err.contains("indexed with warnings"), "{err}");
    assert!(err.contains("dump.jsonl: larger than the 64 MiB read per file"), "{err}");
    let total = env.search_json(&["*"])["total"].as_u64().unwrap();
    assert!(total > 0 && total < lines as u64, "{total} of {lines}");
}

#[test]
fn hostile_queries_get_a_positioned_error_or_a_sensible_reading() {
    let env = TestEnv::indexed();
    let errors = [
        ("\"jaminan hari", "unclosed quote"),
        ("(JHT OR", "`OR` needs a term on both sides"),
        ("JHT AND", "`AND` needs a term"),
        ("OR JHT", "expected a word"),
        ("foo:bar", "unknown field"),
        ("", "empty query"),
        ("   ", "empty query"),
        ("title:", "must be followed by"),
        ("()", "empty parentheses"),
        ("JHT NOT", "must be followed by"),
    ];
    for (q, message) in errors {
        let out = env.warta(&["search", q, "--index", "index"]);
        let err = text(&out.stderr);
        assert_eq!(code(&out), 2, "{q:?}: {err}");
        assert!(err.contains("query syntax error at character"), "{q:?}: {err}");
        assert!(err.contains(message), "{q:?}: {err}");
    }
    let deep = format!("{}JHT{}", "(".repeat(4000), ")".repeat(4000));
    let long = "pekerja ".repeat(1300);
    for (q, message) in [(deep.as_str(), "nested too deeply"), (long.as_str(), "too long")] {
        let out = env.warta(&["search", q, "--index", "index"]);
        assert_eq!(code(&out), 2);
        assert!(text(&out.stderr).contains(message), "{}", text(&out.stderr));
    }
    // Read sensibly: control characters and emoji are not words; NOT excludes.
    for q in ["JHT\u{1}\u{7f}", "🙂 JHT", "JHT 🙂🙂", "NOT Kesehatan", "-----JHT", "JHT\u{200b}"]
    {
        let out = env.warta(&["search", q, "--index", "index", "--json"]);
        assert!(matches!(code(&out), 0 | 1), "{q:?}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert!(v["total"].is_u64());
    }
    // Unknown facet values name the value.
    let out = env.warta(&["search", "*", "--index", "index", "--province", "Atlantis"]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("unknown province `Atlantis`"));
}

#[test]
fn a_missing_or_corrupt_index_gives_the_fix() {
    let env = TestEnv::indexed();
    let out = env.warta(&["search", "JHT", "--index", "nowhere"]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("warta index"), "{}", text(&out.stderr));
    // Damage tantivy's meta file.
    env.write("index/meta.json", "{ not json");
    let out = env.warta(&["search", "JHT", "--index", "index"]);
    assert_eq!(code(&out), 2);
    let err = text(&out.stderr);
    assert!(err.contains("index") && err.contains("warta index"), "{err}");
    // Rebuilding repairs it.
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert!(matches!(code(&out), 0 | 2), "{}", text(&out.stderr));
    assert!(env.search_json(&["JHT"])["total"].as_u64().unwrap() > 0);
}
