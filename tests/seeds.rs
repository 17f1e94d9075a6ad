//! The five real articles in ../shared/seeds (not part of this repository).
//! Each test returns early, passing, when the folder is absent.

use crate::util::{TestEnv, ids, seeds_dir, text};

fn seeded() -> Option<TestEnv> {
    let seeds = seeds_dir()?;
    let env = TestEnv::new();
    let out = env.warta(&["index", seeds.to_str()?, "--index", "index"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    Some(env)
}

fn prefixes(v: &serde_json::Value) -> Vec<String> {
    ids(v).iter().map(|id| id[..3].to_string()).collect()
}

#[test]
fn bpjs_finds_all_five_with_highlighted_snippets() {
    let Some(env) = seeded() else { return };
    let v = env.search_json(&["BPJS"]);
    assert_eq!(v["total"], 5);
    for hit in v["hits"].as_array().unwrap() {
        let snip = &hit["snippets"][0];
        let chars: Vec<char> = snip["text"].as_str().unwrap().chars().collect();
        let h = &snip["highlights"][0];
        let word: String = chars[h[0].as_u64().unwrap() as usize..h[1].as_u64().unwrap() as usize]
            .iter()
            .collect();
        assert_eq!(word, "BPJS", "{}", hit["id"]);
    }
}

#[test]
fn sumatera_utara_finds_exactly_the_seeds_that_name_it() {
    let Some(env) = seeded() else { return };
    assert_eq!(
        prefixes(&env.search_json(&["BPJS", "--province", "Sumatera Utara"])),
        ["000", "002"]
    );
    assert_eq!(prefixes(&env.search_json(&["BPJS", "--province", "Sumut"])), ["000", "002"]);
}

#[test]
fn zainudin_and_sertakan() {
    let Some(env) = seeded() else { return };
    assert_eq!(prefixes(&env.search_json(&["BPJS", "--official", "Zainudin"])), ["004"]);
    assert_eq!(prefixes(&env.search_json(&["BPJS", "--program", "SERTAKAN"])), ["002", "003"]);
}

#[test]
fn liputan6_extract_has_the_headline_and_a_clean_body() {
    let Some(seeds) = seeds_dir() else { return };
    let env = TestEnv::new();
    let file = seeds.join("002_c12b802493df6703.txt");
    let out = env.warta(&["extract", file.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let title = v["title"].as_str().unwrap();
    assert!(title.starts_with("BPJS Ketenagakerjaan dan Pemprov Sumut"), "{title}");
    let body = v["body"].as_str().unwrap();
    assert!(
        !body.contains("Baca juga") && !body.contains("dari 3 halaman") && !body.contains("Sukses")
    );
    assert_eq!(v["source"], "Liputan6.com");
    assert_eq!(v["dateline"], "Medan");
}
