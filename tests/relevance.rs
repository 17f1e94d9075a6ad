//! The project's relevance numbers (`eval/relevance`), guarded: warta's default search over
//! `corpus/` must keep nDCG@10, P@5 and R@20 at the floors below on the queries with a relevant
//! page there. The judged pages of `../shared/realdev` and `../shared/seeds` join when that
//! folder exists beside the checkout, with their own floors. `eval/relevance/run.py` prints the
//! same numbers beside the BM25 baselines.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::util::TestEnv;

/// The floors: a little under what EVALUATION.md reports, so that a real loss fails and a
/// rounding difference does not.
const CORPUS_FLOORS: [f64; 3] = [0.88, 0.65, 0.95];
const ALL_FLOORS: [f64; 3] = [0.88, 0.69, 0.91];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Grades by query id, then by page.
type Grades = HashMap<String, HashMap<String, u8>>;

/// `(query id, query)` and the grades.
fn judgments() -> (Vec<(String, String)>, Grades) {
    let rows = |name: &str| -> Vec<Vec<String>> {
        std::fs::read_to_string(repo().join("eval/relevance").join(name))
            .expect("eval/relevance file")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    };
    let queries = rows("queries.tsv").into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let mut grades: Grades = HashMap::new();
    for r in rows("judgments.tsv") {
        grades.entry(r[0].clone()).or_default().insert(r[1].clone(), r[2].parse().expect("grade"));
    }
    (queries, grades)
}

/// Copies the articles of `from` (not READMEs, scorers or gold files) to `to`.
fn copy_articles(from: &Path, to: &Path) -> Vec<String> {
    std::fs::create_dir_all(to).expect("mkdir");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let article = [".txt", ".json", ".jsonl"].iter().any(|e| name.ends_with(e));
        if article && name != "gold.json" {
            std::fs::copy(&path, to.join(&name)).expect("copy");
            names.push(name);
        }
    }
    names
}

/// nDCG@10 (gain 2^g − 1), P@5 and R@20 (grade ≥ 1 relevant) of one ranking.
fn metrics(ranking: &[String], grades: &HashMap<String, u8>) -> [f64; 3] {
    let gain = |g: u8| f64::from((1u32 << g) - 1);
    let dcg: f64 = ranking
        .iter()
        .take(10)
        .enumerate()
        .map(|(r, d)| gain(grades.get(d).copied().unwrap_or(0)) / (r as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 =
        ideal.iter().take(10).enumerate().map(|(r, g)| gain(*g) / (r as f64 + 2.0).log2()).sum();
    let relevant = |d: &String| grades.get(d).is_some_and(|g| *g >= 1);
    let p5 = ranking.iter().take(5).filter(|d| relevant(d)).count() as f64 / 5.0;
    let total = grades.values().filter(|g| **g >= 1).count() as f64;
    let r20 = ranking.iter().take(20).filter(|d| relevant(d)).count() as f64 / total;
    [if idcg > 0.0 { dcg / idcg } else { 0.0 }, p5, r20]
}

/// Mean metrics of warta's default search over the judged pages that are in the index.
fn measure(env: &TestEnv, indexed: &[String]) -> ([f64; 3], usize, Vec<String>) {
    let (queries, grades) = judgments();
    let mut sums = [0.0; 3];
    let mut n = 0;
    let mut per_query = Vec::new();
    for (qid, q) in &queries {
        let g: HashMap<String, u8> = grades[qid]
            .iter()
            .filter(|(d, _)| indexed.contains(d))
            .map(|(d, g)| (d.clone(), *g))
            .collect();
        if !g.values().any(|g| *g >= 1) {
            continue;
        }
        let v = env.search_json(&[q.as_str(), "--limit", "20", "--snippets", "0"]);
        let ranking: Vec<String> = v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].as_str().expect("id").to_string())
            .collect();
        let m = metrics(&ranking, &g);
        per_query.push(format!("{qid} {q}: nDCG@10 {:.2}", m[0]));
        for i in 0..3 {
            sums[i] += m[i];
        }
        n += 1;
    }
    (sums.map(|s| s / n as f64), n, per_query)
}

fn check(what: &str, got: [f64; 3], floors: [f64; 3], per_query: &[String]) {
    let names = ["nDCG@10", "P@5", "R@20"];
    let low: Vec<String> = (0..3)
        .filter(|&i| got[i] < floors[i])
        .map(|i| format!("{} {:.3} < {:.2}", names[i], got[i], floors[i]))
        .collect();
    assert!(low.is_empty(), "{what}: {}\n{}", low.join(", "), per_query.join("\n"));
}

#[test]
fn the_default_search_keeps_the_relevance_of_eval_relevance() {
    let env = TestEnv::new();
    let pages = env.root().join("pages");
    let mut indexed: Vec<String> = copy_articles(&repo().join("corpus"), &pages.join("corpus"))
        .into_iter()
        .map(|n| format!("corpus/{n}"))
        .collect();
    // The JSON Lines file holds several articles: `FILE#N`.
    let batch: Vec<String> = indexed.iter().filter(|d| d.ends_with(".jsonl")).cloned().collect();
    for d in batch {
        let lines = std::fs::read_to_string(repo().join(&d)).expect("jsonl").lines().count();
        indexed.extend((1..=lines).map(|n| format!("{d}#{n}")));
    }
    let shared = repo().join("../shared");
    let with_shared = shared.join("realdev").is_dir() && shared.join("seeds").is_dir();
    let corpus_only = indexed.clone();
    if with_shared {
        for part in ["realdev", "seeds"] {
            let names = copy_articles(&shared.join(part), &pages.join(part));
            indexed.extend(names.into_iter().map(|n| format!("{part}/{n}")));
        }
    }
    let out = env.warta(&["index", "pages", "--index", "index"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    if with_shared {
        let (got, n, per_query) = measure(&env, &indexed);
        assert!(n >= 30, "{n} queries");
        check("corpus, realdev and seeds", got, ALL_FLOORS, &per_query);
    }
    // The corpus part alone: its articles ranked among themselves.
    let env = TestEnv::new();
    copy_articles(&repo().join("corpus"), &env.root().join("pages/corpus"));
    let out = env.warta(&["index", "pages", "--index", "index"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (got, n, per_query) = measure(&env, &corpus_only);
    assert!(n >= 25, "{n} queries with a relevant corpus page");
    check("corpus", got, CORPUS_FLOORS, &per_query);
}
