use crate::util::{TestEnv, text};

#[test]
fn indexing_reports_articles_and_exits_zero() {
    let env = TestEnv::with_fixtures();
    env.write("corpus/batch.jsonl", crate::fixtures::jsonl_without_the_broken_line());
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("indexed 5 articles from 4 files"), "{err}");
    assert!(env.root().join("index/meta.json").is_file());
    assert!(env.root().join("index/warta.json").is_file());
}

#[test]
fn files_that_are_not_articles_are_counted_by_extension_never_read() {
    let env = TestEnv::with_fixtures();
    env.write("corpus/batch.jsonl", crate::fixtures::jsonl_without_the_broken_line());
    env.write("corpus/simpan/halaman.html", "<html><title>Klaim JHT</title></html>");
    env.write("corpus/simpan/lain.HTML", "<p>Iuran</p>");
    env.write("corpus/catatan.md", "# Catatan");
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "left out 3 files that are not article files (.html 2, .md 1): \
             warta reads .txt, .json and .jsonl"
        ),
        "{err}"
    );
    let out = env.warta(&["index", "corpus", "--index", "index", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["other_files"], serde_json::json!({".html": 2, ".md": 1}));
    assert_eq!(env.search_json(&["*"])["total"], 5, "the HTML pages are not read");
}

#[test]
fn bad_files_are_skipped_with_path_and_reason_and_exit_two() {
    let env = TestEnv::with_fixtures();
    env.write("corpus/kosong.txt", "   \n\n");
    env.write("corpus/biner.txt", b"PK\x03\x04\x00\x00binary\x00");
    env.write("corpus/latin1.txt", b"Judul\n\nKabar dari Sol\xe9 tentang pekerja.");
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("kosong.txt: empty file"), "{err}");
    assert!(err.contains("biner.txt: binary"), "{err}");
    assert!(err.contains("batch.jsonl: line 2"), "{err}");
    // Latin-1 text is decoded, indexed and reported.
    assert!(
        err.contains("latin1.txt: not UTF-8 (invalid byte at offset 21): decoded as Windows-1252"),
        "{err}"
    );
    // The good articles are all searchable, the decoded one with its accent.
    let v = env.search_json(&["*"]);
    assert_eq!(v["total"], 6);
    assert_eq!(env.search_json(&["Solé"])["total"], 1);
}

#[test]
fn reindexing_replaces_the_previous_content() {
    let env = TestEnv::indexed();
    std::fs::remove_file(env.root().join("corpus/sumut.json")).unwrap();
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr)); // still the broken JSONL line
    assert_eq!(env.search_json(&["*"])["total"], 4);
    assert!(text(&out.stderr).contains("batch.jsonl"), "quiet still reports skips");
}

#[test]
fn a_missing_corpus_is_an_error_naming_the_path() {
    let env = TestEnv::new();
    let out = env.warta(&["index", "nowhere", "--index", "index"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("cannot read corpus nowhere"), "{err}");
}

#[test]
fn a_directory_with_other_files_is_never_used_as_an_index() {
    let env = TestEnv::with_fixtures();
    env.write("precious/thesis.docx", "draft");
    let out = env.warta(&["index", "corpus", "--index", "precious"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is not a warta index"));
    assert!(env.root().join("precious/thesis.docx").is_file());
}

#[test]
fn the_index_folder_inside_the_corpus_is_not_read_as_articles() {
    let env = TestEnv::with_fixtures();
    let first = env.warta(&["index", "corpus", "--index", "corpus/idx"]);
    assert_eq!(first.status.code(), Some(2), "{}", text(&first.stderr));
    let again = env.warta(&["index", "corpus", "--index", "corpus/idx"]);
    let err = text(&again.stderr);
    assert!(err.contains("indexed 5 articles"), "{err}");
}

#[test]
fn a_single_file_can_be_indexed() {
    let env = TestEnv::with_fixtures();
    let out = env.warta(&["index", "corpus/antara_jatim.txt", "--index", "index"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v = env.search_json(&["*"]);
    assert_eq!(v["hits"][0]["id"], "antara_jatim.txt");
}

#[test]
fn heap_and_quiet_flags() {
    let env = TestEnv::with_fixtures();
    env.write("corpus/batch.jsonl", crate::fixtures::jsonl_without_the_broken_line());
    let out = env.warta(&["index", "corpus", "--index", "index", "--heap", "20", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "--quiet prints nothing when all went well");
    assert_eq!(env.search_json(&["*"])["total"], 5);
}

#[test]
fn symlinked_files_are_followed_and_chrome_only_pages_are_skipped() {
    let env = TestEnv::new();
    let real = env.write("elsewhere/artikel.txt", crate::fixtures::ANTARA_JATIM);
    std::fs::create_dir_all(env.root().join("corpus")).unwrap();
    std::os::unix::fs::symlink(&real, env.root().join("corpus/tautan.txt")).unwrap();
    env.write("corpus/toast.txt", "Sukses\n\n");
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("indexed 1 article from 2 files"), "{err}");
    assert!(err.contains("toast.txt: no article text"), "{err}");
}

#[test]
fn an_interrupted_first_build_is_finished_by_the_next_run() {
    let env = TestEnv::indexed();
    // What a build killed before its first commit leaves behind: tantivy's
    // files and a `warta.json` that says the build is still running.
    env.write(
        "index/warta.json",
        r#"{"format": 2, "corpus": "/x", "articles": 0, "built_at": 0, "complete": false}"#,
    );
    let search = env.warta(&["search", "--index", "index", "JHT"]);
    assert_eq!(search.status.code(), Some(2));
    assert!(text(&search.stderr).contains("never finished"), "{}", text(&search.stderr));
    let again = env.warta(&["index", "corpus", "--index", "index"]);
    assert!(text(&again.stderr).contains("indexed 5 articles"), "{}", text(&again.stderr));
    assert_eq!(env.search_json(&["JHT"])["total"], 1);
}

#[test]
fn user_roots_are_used_for_indexing_and_searching_and_kept_in_the_index() {
    // "viral" is not in the built-in root list, so "diviralkan" stays whole.
    let env = TestEnv::new();
    env.write("corpus/a.txt", "Judul satu\n\nVideo kecelakaan kerja itu diviralkan warganet.\n");
    env.write("corpus/b.txt", "Judul dua\n\nKasus itu viral di media sosial.\n");
    env.write("roots.txt", "# our additions\nviral\n");
    let before = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(before.status.code(), Some(0));
    assert_eq!(env.search_json(&["viral"])["total"], 1);
    let out = env.warta(&["index", "corpus", "--index", "index", "--roots", "roots.txt", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(env.root().join("index/roots.txt").is_file());
    assert_eq!(env.search_json(&["viral"])["total"], 2, "diviralkan now stems to viral");
    // A later run without --roots keeps them.
    env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(env.search_json(&["viral"])["total"], 2);
    let analyze = env.warta(&["analyze", "diviralkan", "--roots", "roots.txt", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&analyze.stdout).unwrap();
    assert_eq!(v["stemmed"][0]["term"], "viral");
}

#[test]
fn a_folder_cleared_by_hand_is_reused() {
    let env = TestEnv::indexed();
    // `rm index/*` keeps tantivy's hidden lock and file-list files.
    for entry in std::fs::read_dir(env.root().join("index")).unwrap().flatten() {
        if !entry.file_name().to_string_lossy().starts_with('.') {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    assert!(text(&out.stderr).contains("indexed 5 articles"), "{}", text(&out.stderr));
}
