use std::io::Read;
use std::process::Stdio;

use crate::util::{TestEnv, ids, text};

#[test]
fn hits_exit_zero_and_no_hits_exit_one() {
    let env = TestEnv::indexed();
    let hit = env.warta(&["search", "--index", "index", "JHT"]);
    assert_eq!(hit.status.code(), Some(0), "{}", text(&hit.stderr));
    let none = env.warta(&["search", "--index", "index", "kupukupu"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(text(&none.stdout).contains("no articles match"));
}

#[test]
fn text_output_shows_rank_score_title_metadata_and_snippets() {
    let env = TestEnv::indexed();
    let out = env.warta(&["search", "--index", "index", "JHT", "--color", "never"]);
    let s = text(&out.stdout);
    assert!(s.contains("1 article matches \"JHT\""), "{s}");
    assert!(s.contains("  1. Klaim JHT di Jawa Timur naik"), "{s}");
    assert!(s.contains("[score "), "{s}");
    assert!(s.contains("ANTARA · 2024-11-07 · antara_jatim.txt"), "{s}");
    assert!(s.contains("Jawa Timur"), "{s}");
    assert!(s.contains("» "), "{s}");
    assert!(!s.contains('\x1b'), "no colour when asked for none");
}

#[test]
fn colour_only_on_request_or_terminal_and_never_with_no_color() {
    let env = TestEnv::indexed();
    let always = env.warta(&["search", "--index", "index", "JHT", "--color", "always"]);
    assert!(text(&always.stdout).contains("\x1b[1;31mJHT\x1b[0m"));
    // Piped output (as here) gets no colour by default.
    let auto = env.warta(&["search", "--index", "index", "JHT"]);
    assert!(!text(&auto.stdout).contains('\x1b'));
    let no_color =
        env.command(&["search", "--index", "index", "JHT"]).env("NO_COLOR", "1").output().unwrap();
    assert!(!text(&no_color.stdout).contains('\x1b'));
}

#[test]
fn json_follows_the_contract() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["JHT"]);
    assert_eq!(v["query"], "JHT");
    assert_eq!(v["total"], 1);
    let hit = &v["hits"][0];
    assert_eq!(hit["id"], "antara_jatim.txt");
    assert_eq!(hit["path"], "antara_jatim.txt");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert_eq!(
        hit["title"],
        "Klaim JHT di Jawa Timur naik, BPJS Ketenagakerjaan percepat layanan daring"
    );
    assert_eq!(hit["source"], "ANTARA");
    assert_eq!(hit["date"], "2024-11-07");
    assert_eq!(hit["provinces"][0]["code"], "35");
    assert_eq!(hit["provinces"][0]["name"], "Jawa Timur");
    assert!(hit["cities"].as_array().unwrap().iter().any(|c| c == "Surabaya"), "{hit}");
    let official = &hit["officials"][0];
    assert_eq!(official["name"], "Sri Handayani Wibowo");
    assert_eq!(official["organization"], "BPJS Ketenagakerjaan");
    assert!(official["role"].as_str().unwrap().contains("Direktur Pelayanan"));
    let programs: Vec<&str> =
        hit["programs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert_eq!(programs, ["JKK", "JHT"]);
    assert!(v["facets"]["province"].is_array());
}

#[test]
fn highlights_are_character_ranges_of_the_query_terms() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["jaminan OR JKP"]);
    let mut checked = 0;
    for hit in v["hits"].as_array().unwrap() {
        for snip in hit["snippets"].as_array().unwrap() {
            let chars: Vec<char> = snip["text"].as_str().unwrap().chars().collect();
            for h in snip["highlights"].as_array().unwrap() {
                let (a, b) = (h[0].as_u64().unwrap() as usize, h[1].as_u64().unwrap() as usize);
                let word: String = chars[a..b].iter().collect::<String>().to_lowercase();
                // JKP also finds its alias, highlighted as one phrase.
                assert!(
                    word == "jaminan" || word == "jkp" || word == "jaminan kehilangan pekerjaan",
                    "{word}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 3, "{checked}");
}

#[test]
fn query_syntax_words_and_phrases_or_exclusion_fields_and_match_all() {
    let env = TestEnv::indexed();
    // "pekerjanya" (IDN fixture) stems to the same root as "pekerja".
    assert_eq!(env.search_json(&["jaminan pekerja"])["total"], 3);
    assert_eq!(env.search_json(&["\"jaminan kehilangan pekerjaan\""])["total"], 1);
    assert_eq!(env.search_json(&["JHT OR JKP"])["total"], 2);
    assert_eq!(env.search_json(&["jaminan -JKP"])["total"], 2);
    assert_eq!(env.search_json(&["(JHT OR JKP) daring"])["total"], 1);
    assert_eq!(env.search_json(&["title:santunan"])["total"], 1);
    assert_eq!(env.search_json(&["body:santunan"])["total"], 1);
    assert_eq!(env.search_json(&["title:Denpasar"])["total"], 1);
    assert_eq!(env.search_json(&["program:JKP"])["total"], 1);
    assert_eq!(env.search_json(&["province:Bali"])["total"], 1);
    assert_eq!(env.search_json(&["*"])["total"], 5);
    assert_eq!(env.search_json(&["-JHT"])["total"], 4);
}

#[test]
fn syntax_errors_name_the_position_and_exit_two() {
    let env = TestEnv::indexed();
    for (q, pos) in [
        ("\"hari tua", 0),
        ("(JHT OR", 5),
        ("(JHT", 0),
        ("JHT )", 4),
        ("JHT OR", 4),
        ("titel:JHT", 0),
    ] {
        let out = env.warta(&["search", "--index", "index", q]);
        assert_eq!(out.status.code(), Some(2), "{q}");
        let err = text(&out.stderr);
        assert!(err.contains(&format!("at character {pos}")), "{q}: {err}");
    }
    let empty = env.warta(&["search", "--index", "index", ""]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(text(&empty.stderr).contains("empty query"));
}

#[test]
fn province_filters_accept_names_abbreviations_and_codes() {
    let env = TestEnv::indexed();
    let by_name = ids(&env.search_json(&["*", "--province", "Jawa Timur"]));
    assert_eq!(by_name, ["antara_jatim.txt"]);
    assert_eq!(ids(&env.search_json(&["*", "--province", "jatim"])), by_name);
    assert_eq!(ids(&env.search_json(&["*", "--province", "35"])), by_name);
    // Repeated values are ORed.
    let two = env.search_json(&["*", "--province", "Jatim", "--province", "Sumut"]);
    assert_eq!(ids(&two), ["antara_jatim.txt", "sumut.json"]);
}

#[test]
fn filters_on_different_facets_are_anded() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["*", "--province", "Sumut", "--program", "JKP"]);
    assert_eq!(v["total"], 0);
    let v = env.search_json(&["*", "--province", "Sumut", "--program", "SERTAKAN"]);
    assert_eq!(ids(&v), ["sumut.json"]);
}

#[test]
fn city_official_org_program_and_source_filters() {
    let env = TestEnv::indexed();
    assert_eq!(ids(&env.search_json(&["*", "--city", "surabaya"])), ["antara_jatim.txt"]);
    assert_eq!(ids(&env.search_json(&["*", "--city", "Kota Banjarmasin"])), ["batch.jsonl#3"]);
    assert_eq!(
        ids(&env.search_json(&["*", "--official", "Bambang"])),
        ["nasional/idn_jakarta.txt"]
    );
    assert_eq!(ids(&env.search_json(&["*", "--official", "togar simanjuntak"])), ["sumut.json"]);
    assert_eq!(ids(&env.search_json(&["*", "--org", "BPJAMSOSTEK"])).len(), 2);
    assert_eq!(
        ids(&env.search_json(&["*", "--program", "jaminan hari tua"])),
        ["antara_jatim.txt"]
    );
    assert_eq!(ids(&env.search_json(&["*", "--program", "jkm"])), ["batch.jsonl#3"]);
    assert_eq!(ids(&env.search_json(&["*", "--source", "antara"])), ["antara_jatim.txt"]);
    assert_eq!(ids(&env.search_json(&["*", "--source", "kompas"])), ["sumut.json"]);
}

#[test]
fn unknown_filter_values_are_errors_with_suggestions() {
    let env = TestEnv::indexed();
    for (flag, value, hint) in [
        ("--province", "Jawa Timurr", "Jawa Timur"),
        ("--program", "JHTT", "JHT"),
        ("--official", "Bambangg", "Bambang Wiratmo"),
        ("--source", "antaraa", "ANTARA"),
    ] {
        let out = env.warta(&["search", "--index", "index", "*", flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = text(&out.stderr);
        assert!(err.contains(&format!("`{value}`")) && err.contains(hint), "{err}");
    }
}

#[test]
fn date_filters_cover_whole_periods_and_reject_bad_dates() {
    let env = TestEnv::indexed();
    assert_eq!(
        ids(&env.search_json(&["*", "--from", "2024"])),
        ["antara_jatim.txt", "batch.jsonl#3"]
    );
    assert_eq!(ids(&env.search_json(&["*", "--to", "2020-06"])), ["batch.jsonl#1"]);
    assert_eq!(
        ids(&env.search_json(&["*", "--from", "2023-07-24", "--to", "2023-07-24"])),
        ["nasional/idn_jakarta.txt"]
    );
    assert_eq!(env.search_json(&["*", "--from", "2021-03-03", "--to", "2023-07-23"])["total"], 0);
    let bad = env.warta(&["search", "--index", "index", "*", "--from", "2024-02-30"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("--from"));
}

#[test]
fn limit_offset_and_date_sort() {
    let env = TestEnv::indexed();
    let all = env.search_json(&["*", "--sort", "date", "--limit", "10"]);
    let dates: Vec<&str> =
        all["hits"].as_array().unwrap().iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2025-01-20", "2024-11-07", "2023-07-24", "2021-03-02", "2020-06-15"]);
    let page = env.search_json(&["*", "--sort", "date", "--limit", "2", "--offset", "1"]);
    assert_eq!(page["total"], 5);
    let got: Vec<&str> =
        page["hits"].as_array().unwrap().iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert_eq!(got, ["2024-11-07", "2023-07-24"]);
    let past_end = env.search_json(&["*", "--offset", "50"]);
    assert_eq!(past_end["hits"].as_array().unwrap().len(), 0);
}

#[test]
fn snippet_count_and_facet_listing() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["jaminan", "--snippets", "0"]);
    assert!(
        v["hits"].as_array().unwrap().iter().all(|h| h["snippets"].as_array().unwrap().is_empty())
    );
    let out = env.warta(&["search", "--index", "index", "*", "--facets", "--color", "never"]);
    let s = text(&out.stdout);
    assert!(s.contains("facets") && s.contains("program ") && s.contains("JKP (1)"), "{s}");
}

#[test]
fn facets_takes_a_list_and_counts_only_those() {
    let env = TestEnv::indexed();
    let all = env.search_json(&["*"]);
    let some = env.search_json(&["*", "--facets", "province,official,program"]);
    for facet in ["province", "city", "official", "org", "program", "source", "speaker"] {
        // Every key stays (the JSON contract); the ones not asked for are empty.
        let want = if ["province", "official", "program"].contains(&facet) {
            all["facets"][facet].clone()
        } else {
            serde_json::json!([])
        };
        assert_eq!(some["facets"][facet], want, "{facet}");
    }
    assert!(!some["facets"]["province"].as_array().unwrap().is_empty());
    assert_eq!(some["hits"], all["hits"]);
    let out =
        env.warta(&["search", "--index", "index", "*", "--facets=program", "--color", "never"]);
    let s = text(&out.stdout);
    assert!(s.contains("program ") && s.contains("JKP (1)") && !s.contains("province "), "{s}");
}

#[test]
fn unknown_facet_names_are_a_user_error() {
    let env = TestEnv::indexed();
    let out = env.warta(&["search", "--index", "index", "JHT", "--facets", "province,kota"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("`kota`"), "{err}");
    assert!(err.contains("province, city, official, org, program, source, speaker"), "{err}");
}

#[test]
fn csv_is_short_for_format_csv_and_other_format_flags_say_what_to_write() {
    let env = TestEnv::indexed();
    let short = env.warta(&["search", "--index", "index", "JHT", "--csv"]);
    let long = env.warta(&["search", "--index", "index", "JHT", "--format", "csv"]);
    assert_eq!(short.status.code(), Some(0), "{}", text(&short.stderr));
    assert_eq!(short.stdout, long.stdout);
    for (args, says) in [
        (&["search", "JHT", "--jsonl"][..], "writes JSON Lines with --format jsonl"),
        (
            &["terms", "JHT", "--csv"][..],
            "`warta terms` cannot write --format csv; it writes text, json",
        ),
        (&["search", ""][..], "empty query; give at least one word, or `*` for every article"),
    ] {
        let out = env.warta(&[args, &["--index", "index"]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn facet_counts_agree_with_filtered_totals() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["*"]);
    for (facet, flag) in [
        ("province", "--province"),
        ("program", "--program"),
        ("source", "--source"),
        ("official", "--official"),
    ] {
        for entry in v["facets"][facet].as_array().unwrap() {
            let value = entry["value"].as_str().unwrap();
            let filtered = env.search_json(&["*", flag, value]);
            assert_eq!(filtered["total"], entry["count"], "{facet} {value}");
        }
    }
}

#[test]
fn a_missing_index_names_the_command_that_builds_it() {
    let env = TestEnv::new();
    let out = env.warta(&["search", "--index", "nowhere", "JHT"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("warta index CORPUS --index nowhere"));
}

#[test]
fn the_first_search_builds_the_default_index_from_corpus_and_says_so() {
    let env = TestEnv::with_fixtures();
    let out = env.warta(&["search", "JHT"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("building it from corpus"));
    let again = env.warta(&["search", "JHT"]);
    assert!(!text(&again.stderr).contains("building"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let env = TestEnv::with_fixtures();
    for i in 0..300 {
        env.write(
            &format!("corpus/many/{i:03}.txt"),
            format!(
                "Judul berita {i} tentang JHT\n\nJakarta - Isi berita tentang JHT nomor {i}.\n"
            ),
        );
    }
    assert!(env.warta(&["index", "corpus", "--index", "index", "-q"]).status.code().is_some());
    let mut child = env
        .command(&["search", "--index", "index", "JHT", "--limit", "300"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn the_first_search_can_build_from_another_corpus_folder() {
    let env = TestEnv::new();
    env.write("artikel/satu.txt", crate::fixtures::ANTARA_JATIM);
    let out = env.warta(&["search", "JHT", "--corpus", "artikel"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("building it from artikel"));
    // With --index given explicitly nothing is built behind the user's back.
    let explicit = env.warta(&["search", "JHT", "--index", "elsewhere", "--corpus", "artikel"]);
    assert_eq!(explicit.status.code(), Some(2));
}

#[test]
fn the_default_index_is_rebuilt_when_its_corpus_changes() {
    let env = TestEnv::with_fixtures();
    assert_eq!(env.warta(&["search", "JHT"]).status.code(), Some(0));
    env.write("corpus/baru.txt", "Berita baru tentang JKP\n\nJakarta - Klaim JKP naik.\n");
    let out = env.warta(&["search", "JKP", "--json"]);
    assert!(
        text(&out.stderr).contains("changed since the index was built"),
        "{}",
        text(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 2);
}

/// Marks the index in `dir` as written by an older warta (its format number
/// in `warta.json` one below this warta's).
fn age_the_index(dir: &std::path::Path) -> u64 {
    let path = dir.join("warta.json");
    let mut info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let current = info["format"].as_u64().expect("a format number");
    info["format"] = (current - 1).into();
    std::fs::write(&path, serde_json::to_vec(&info).unwrap()).unwrap();
    current
}

#[test]
fn the_default_index_of_an_older_format_is_rebuilt_by_the_next_search() {
    let env = TestEnv::with_fixtures();
    assert_eq!(env.warta(&["search", "JHT"]).status.code(), Some(0));
    let current = age_the_index(&env.root().join("index"));
    let out = env.warta(&["search", "JHT", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["total"].as_u64().unwrap() >= 1, "{v}");
    let info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.root().join("index/warta.json")).unwrap())
            .unwrap();
    assert_eq!(info["format"].as_u64(), Some(current));
}

#[test]
fn a_named_index_of_an_older_format_asks_for_a_rebuild_and_is_left_alone() {
    let env = TestEnv::indexed();
    age_the_index(&env.root().join("index"));
    let before = std::fs::read(env.root().join("index/warta.json")).unwrap();
    let out = env.warta(&["search", "JHT", "--index", "index"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("another version of warta"), "{err}");
    assert!(err.contains("warta index CORPUS --index index"), "{err}");
    assert_eq!(std::fs::read(env.root().join("index/warta.json")).unwrap(), before);
}

#[test]
fn huge_limits_and_offsets_are_harmless() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["*", "--limit", "1000000000", "--offset", "2"]);
    assert_eq!(v["total"], 5);
    assert_eq!(v["hits"].as_array().unwrap().len(), 3);
}

#[test]
fn reversed_date_ranges_and_lone_dashes() {
    let env = TestEnv::indexed();
    let out = env.warta(&["search", "--index", "index", "*", "--from", "2025", "--to", "2019"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("swap them"));
    assert_eq!(env.search_json(&["JHT - Surabaya"])["total"], 1);
}

#[test]
fn explain_shows_the_parse_the_views_and_the_alias_expansion() {
    let env = TestEnv::indexed();
    let out = env.warta(&[
        "search",
        "--index",
        "index",
        "melindungi JHT",
        "--explain",
        "--province",
        "Jatim",
    ]);
    let s = text(&out.stdout);
    assert!(s.contains("query parsed as: AND(melindungi, JHT)"), "{s}");
    assert!(s.contains("exact [melindungi], stemmed [lindung]"), "{s}");
    assert!(s.contains("JHT | jaminan hari tua"), "{s}");
    assert!(s.contains("filter province: Jatim"), "{s}");
    let v = env.search_json(&["JHT", "--explain"]);
    assert!(v["explain"]["parsed"].is_string());
    assert!(env.search_json(&["JHT"]).get("explain").is_none(), "only with --explain");
}

#[test]
fn user_alias_files_extend_the_built_in_aliases() {
    let env = TestEnv::indexed();
    env.write(
        "alias.tsv",
        "# ours\nname\taliases\tnote\nTanjung Perak\tpelabuhan Surabaya|TPS\tport\n",
    );
    assert_eq!(env.search_json(&["TPS"])["total"], 0);
    assert_eq!(env.search_json(&["TPS", "--aliases", "alias.tsv"])["total"], 1);
    env.write("kosong.tsv", "# nothing\n");
    let out = env.warta(&["search", "--index", "index", "TPS", "--aliases", "kosong.tsv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("kosong.tsv"));
}

#[test]
fn quoted_by_searches_only_what_that_person_said() {
    let env = TestEnv::new();
    env.write(
        "corpus/a.txt",
        "Dua pejabat bicara soal JHT\n\nSurabaya (ANTARA) - Direktur Pelayanan BPJS Ketenagakerjaan Sri Handayani Wibowo menyebut antrean makin pendek. \"Klaim JHT kini bisa daring,\" kata Sri.\n\nSementara itu Menteri Ketenagakerjaan Bambang Wiratmo berbicara soal pelatihan. \"Pelatihan kerja kami perluas,\" ujar Bambang.\n",
    );
    env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(env.search_json(&["JHT", "--quoted-by", "Sri"])["total"], 1);
    // Bambang is in the same article, but never said "JHT".
    assert_eq!(env.search_json(&["JHT", "--quoted-by", "Bambang Wiratmo"])["total"], 0);
    let v = env.search_json(&["pelatihan", "--quoted-by", "Bambang"]);
    assert_eq!(v["total"], 1);
    let snippet = v["hits"][0]["snippets"][0]["text"].as_str().unwrap();
    assert!(
        snippet.contains("Pelatihan kerja kami perluas"),
        "the snippet is the quote: {snippet}"
    );
    let quotes = v["hits"][0]["quotes"].as_array().unwrap();
    assert!(
        quotes.iter().any(|q| q["speaker"] == "Sri Handayani Wibowo" && q["direct"] == true),
        "{quotes:?}"
    );
    assert_eq!(env.search_json(&["*", "--quoted-by", "Sri"])["facets"]["speaker"][0]["count"], 1);
    let out = env.warta(&["search", "--index", "index", "*", "--quoted-by", "Nobody"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown speaker `Nobody`"));
}

#[test]
fn quoted_by_holds_whoever_is_quoted_first() {
    // Quotes are scoped by the speaker's place in each article: Sri is quoted
    // first in one article and second in the other, and so is Bambang.
    let env = TestEnv::new();
    env.write(
        "corpus/a.txt",
        "Soal JHT\n\nSurabaya - Direktur Pelayanan BPJS Ketenagakerjaan Sri Handayani Wibowo bicara. \"Klaim JHT kini bisa daring,\" kata Sri.\n\nMenteri Ketenagakerjaan Bambang Wiratmo menambahkan. \"Pelatihan kerja kami perluas,\" ujar Bambang.\n",
    );
    env.write(
        "corpus/b.txt",
        "Soal pelatihan\n\nMedan - Menteri Ketenagakerjaan Bambang Wiratmo bicara. \"Saldo JHT aman,\" ujar Bambang.\n\nDirektur Pelayanan BPJS Ketenagakerjaan Sri Handayani Wibowo menambahkan. \"Pelatihan kerja kami buka,\" kata Sri.\n",
    );
    env.warta(&["index", "corpus", "--index", "index", "-q"]);
    let ids = |args: &[&str]| -> Vec<String> {
        let v = env.search_json(args);
        let mut ids: Vec<String> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&["JHT", "--quoted-by", "Sri"]), ["a.txt"]);
    assert_eq!(ids(&["JHT", "--quoted-by", "Bambang"]), ["b.txt"]);
    assert_eq!(ids(&["pelatihan", "--quoted-by", "Sri"]), ["b.txt"]);
    assert_eq!(ids(&["pelatihan", "--quoted-by", "Bambang"]), ["a.txt"]);
    assert_eq!(ids(&["\"kerja kami perluas\"", "--quoted-by", "Bambang"]), ["a.txt"]);
    assert!(ids(&["\"kerja kami perluas\"", "--quoted-by", "Sri"]).is_empty());
    assert_eq!(ids(&["JHT", "--quoted-by", "Sri", "--quoted-by", "Bambang"]), ["a.txt", "b.txt"]);
    assert_eq!(ids(&["*", "--quoted-by", "Sri"]), ["a.txt", "b.txt"]);
}

#[test]
fn figures_are_listed_per_hit() {
    let env = TestEnv::new();
    env.write("corpus/a.txt", "Klaim naik\n\nJakarta - BPJS Ketenagakerjaan membayar klaim Rp37,83 miliar kepada 43,43 juta pekerja, naik 45,34%.\n");
    env.warta(&["index", "corpus", "--index", "index", "-q"]);
    let out = env.warta(&["search", "--index", "index", "klaim", "--figures", "--color", "never"]);
    let s = text(&out.stdout);
    assert!(s.contains("# Rp37,83 miliar = 37 830 000 000 IDR"), "{s}");
    assert!(s.contains("# 43,43 juta pekerja = 43 430 000 pekerja"), "{s}");
    assert!(s.contains("# 45,34% = 45.34 percent"), "{s}");
    let v = env.search_json(&["klaim"]);
    assert_eq!(v["hits"][0]["figures"][0]["value"].as_f64(), Some(37_830_000_000.0));
}

#[test]
fn a_negated_alias_keeps_the_other_words_highlighted_and_aliases_work_in_titles() {
    let env = TestEnv::indexed();
    let v = env.search_json(&["jaminan -JKP"]);
    assert!(v["total"].as_u64().unwrap() >= 1);
    for hit in v["hits"].as_array().unwrap() {
        assert!(!hit["snippets"][0]["highlights"].as_array().unwrap().is_empty(), "{hit}");
    }
    // The IDN fixture's title says "program JKP"; its body spells the name out.
    assert_eq!(env.search_json(&["title:\"jaminan kehilangan pekerjaan\""])["total"], 0);
    assert_eq!(env.search_json(&["title:JKP"])["total"], 1);
    assert_eq!(env.search_json(&["body:JKP"])["total"], 1, "the body's full name counts");
}

#[test]
fn a_city_named_in_the_query_also_finds_the_articles_located_there_below_those_naming_it() {
    let env = TestEnv::new();
    // Fictional stories; the places are real. The second spells the city in two words.
    env.write(
        "corpus/kota.txt",
        "Pekerja rentan di Bukittinggi dilindungi\n\nBUKITTINGGI - Pemkot Bukittinggi \
         menanggung iuran 2.000 pekerja rentan tahun ini, kata Kepala Dinas Sosial Rini Astuti.\n",
    );
    env.write(
        "corpus/ejaan.txt",
        "Iuran pekerja rentan ditanggung APBD\n\nPemkot Bukit Tinggi menanggung iuran pekerja \
         rentan di tiga kecamatan, kata Sekretaris Daerah Bayu Pranata.\n",
    );
    env.write(
        "corpus/padang.txt",
        "Pekerja rentan Padang didaftarkan\n\nPADANG - Pemkot Padang menanggung iuran pekerja \
         rentan di pesisir.\n",
    );
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v = env.search_json(&["pekerja rentan Bukittinggi"]);
    let order: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["counted"].as_bool() != Some(false))
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["kota.txt", "ejaan.txt"], "{v}");
    // The articles found are those the city filter selects.
    let filtered = env.search_json(&["pekerja", "--city", "Bukittinggi"]);
    assert_eq!(ids(&filtered), ["ejaan.txt", "kota.txt"]);
    // In lower case the name is only a word; --explain says what the name added.
    assert_eq!(ids(&env.search_json(&["pekerja rentan bukittinggi"])), ["kota.txt"]);
    let v = env.search_json(&["pekerja Bukittinggi", "--explain"]);
    assert!(v["explain"].to_string().contains("located in Bukittinggi"), "{v}");
}
