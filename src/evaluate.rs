//! Measuring extraction against hand-written gold annotations:
//! precision, recall and F1 per facet (provinces by code, officials by name,
//! programmes by code) and accuracy of the page metadata (title, source,
//! date). `warta eval GOLD.json` runs it; `EVALUATION.md` keeps the table,
//! and a test fails when the sample corpus drops below the targets.
//!
//! Gold format: a JSON array of `{"id", "title", "source", "date",
//! "provinces": ["35"], "officials": ["Full Name"], "programs": ["JHT"]}`,
//! where `id` is the article's path relative to the corpus folder (`#N` for
//! the N-th article of a JSON Lines file), exactly as `warta` ids articles.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::extract::official::registry::Registry;
use crate::extract::publisher::publisher_identity;
use crate::extract::{self, Article, reader};

/// One gold-annotated article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldArticle {
    /// Path relative to the corpus folder, `#N` for entries of multi-article files.
    pub id: String,
    /// The headline, or null.
    #[serde(default)]
    pub title: Option<String>,
    /// The publisher, or null.
    #[serde(default)]
    pub source: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null.
    #[serde(default)]
    pub date: Option<String>,
    /// Two-digit province codes.
    #[serde(default)]
    pub provinces: Vec<String>,
    /// Officials' full names.
    #[serde(default)]
    pub officials: Vec<String>,
    /// Programme codes.
    #[serde(default)]
    pub programs: Vec<String>,
}

/// Counts and scores for one facet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    /// Extracted and in the gold.
    pub true_positives: usize,
    /// Extracted but not in the gold.
    pub false_positives: usize,
    /// In the gold but not extracted.
    pub false_negatives: usize,
    /// tp / (tp + fp); 1 when nothing was extracted.
    pub precision: f64,
    /// tp / (tp + fn); 1 when the gold is empty.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Score {
    fn add(&mut self, gold: &BTreeSet<String>, got: &BTreeSet<String>) {
        self.true_positives += gold.intersection(got).count();
        self.false_positives += got.difference(gold).count();
        self.false_negatives += gold.difference(got).count();
    }

    fn finish(mut self) -> Self {
        let (tp, fp, fnn) =
            (self.true_positives as f64, self.false_positives as f64, self.false_negatives as f64);
        self.precision = if tp + fp == 0.0 { 1.0 } else { tp / (tp + fp) };
        self.recall = if tp + fnn == 0.0 { 1.0 } else { tp / (tp + fnn) };
        let (p, r) = (self.precision, self.recall);
        self.f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        self
    }
}

/// How many articles got a metadata field right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Articles where the field equals the gold.
    pub correct: usize,
    /// Articles evaluated.
    pub total: usize,
}

/// One difference between extraction and gold, for reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The article.
    pub id: String,
    /// `provinces`, `officials`, `programs`, `title`, `source` or `date`.
    pub field: &'static str,
    /// What the gold has that extraction missed (or the gold value).
    pub missing: Vec<String>,
    /// What extraction found that the gold does not have (or the extracted value).
    pub extra: Vec<String>,
}

/// The whole evaluation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Articles evaluated.
    pub articles: usize,
    /// Provinces, by code.
    pub provinces: Score,
    /// Officials, by name (case- and space-insensitive).
    pub officials: Score,
    /// Programmes, by code.
    pub programs: Score,
    /// Headline exactly right.
    pub title: Accuracy,
    /// Publisher exactly right.
    pub source: Accuracy,
    /// Date right to the precision given.
    pub date: Accuracy,
    /// Every difference, article by article.
    pub differences: Vec<Difference>,
}

/// Errors of an evaluation run: the gold file or an article it names.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file cannot be read or parsed.
    #[error("gold file {path}: {reason}")]
    Gold {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// An article the gold names cannot be read.
    #[error("article `{id}` of the gold file: {reason}")]
    Article {
        /// The gold id.
        id: String,
        /// Why.
        reason: String,
    },
}

/// Reads a gold file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let gold_error = |reason: String| EvalError::Gold { path: path.display().to_string(), reason };
    let text = crate::input::read_text(path, crate::input::GOLD_LIMIT)
        .map_err(|e| gold_error(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| gold_error(e.to_string()))
}

/// Extracts every gold article from `corpus`, filing officials under
/// `officials`' spellings, and compares.
pub fn evaluate(
    gold: &[GoldArticle],
    corpus: &Path,
    officials: &Registry,
) -> Result<Report, EvalError> {
    let mut extracted = Vec::with_capacity(gold.len());
    for g in gold {
        extracted.push(extract_one(corpus, &g.id, officials)?);
    }
    Ok(compare(gold, &extracted, officials))
}

/// Reads and extracts the article with this id.
fn extract_one(corpus: &Path, id: &str, officials: &Registry) -> Result<Article, EvalError> {
    let article_error = |reason: String| EvalError::Article { id: id.to_string(), reason };
    let (file, ordinal) = match id.rsplit_once('#') {
        Some((f, n)) => (f, Some(n.parse::<usize>().map_err(|e| article_error(e.to_string()))?)),
        None => (id, None),
    };
    let outcome =
        reader::read_file(&corpus.join(file)).map_err(|e| article_error(e.to_string()))?;
    let raw = outcome
        .articles
        .iter()
        .find(|(n, _)| *n == ordinal)
        .map(|(_, raw)| raw)
        .ok_or_else(|| article_error("no such article in the file".into()))?;
    Ok(extract::extract_with(raw, officials))
}

/// Compares extraction results (in gold order) with the gold.
pub fn compare(gold: &[GoldArticle], extracted: &[Article], officials: &Registry) -> Report {
    let mut r = Report { articles: gold.len(), ..Report::default() };
    for (g, a) in gold.iter().zip(extracted) {
        let mut facet =
            |field: &'static str, score: &mut Score, gold: &[String], got: Vec<String>| {
                let gold: BTreeSet<String> = gold.iter().map(|s| norm(s)).collect();
                let got: BTreeSet<String> = got.iter().map(|s| norm(s)).collect();
                score.add(&gold, &got);
                if gold != got {
                    r.differences.push(Difference {
                        id: g.id.clone(),
                        field,
                        missing: gold.difference(&got).cloned().collect(),
                        extra: got.difference(&gold).cloned().collect(),
                    });
                }
            };
        facet(
            "provinces",
            &mut r.provinces,
            &g.provinces,
            a.provinces.iter().map(|p| p.code.clone()).collect(),
        );
        // The gold keeps names as printed; a known official's press spelling
        // counts as the registry's.
        let gold_officials: Vec<String> = g
            .officials
            .iter()
            .map(|n| officials.lookup(n).map_or_else(|| n.clone(), |k| k.name.clone()))
            .collect();
        facet(
            "officials",
            &mut r.officials,
            &gold_officials,
            a.officials.iter().map(|o| o.name.clone()).collect(),
        );
        facet("programs", &mut r.programs, &g.programs, a.programs.clone());
        let date = a.date.map(|d| d.to_string());
        for (field, acc, want, got) in [
            ("title", &mut r.title, &g.title, &a.title),
            ("source", &mut r.source, &g.source, &a.source),
            ("date", &mut r.date, &g.date, &date),
        ] {
            acc.total += 1;
            // Publishers compare by identity: "Tribunnews" is "tribunnews.com".
            let key = |s: &str| if field == "source" { publisher_identity(s) } else { norm(s) };
            let same = want.as_deref().map(key) == got.as_deref().map(key);
            if same {
                acc.correct += 1;
            } else {
                r.differences.push(Difference {
                    id: g.id.clone(),
                    field,
                    missing: want.iter().cloned().collect(),
                    extra: got.iter().cloned().collect(),
                });
            }
        }
    }
    r.provinces = r.provinces.finish();
    r.officials = r.officials.finish();
    r.programs = r.programs.finish();
    r
}

/// Case- and space-insensitive form for comparison.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Official, PartialDate, ProvinceRef};

    fn gold() -> GoldArticle {
        GoldArticle {
            id: "a.txt".into(),
            title: Some("Judul".into()),
            source: Some("ANTARA".into()),
            date: Some("2024".into()),
            provinces: vec!["35".into(), "12".into()],
            officials: vec!["Sri Handayani".into()],
            programs: vec!["JHT".into(), "JKK".into()],
        }
    }

    fn article() -> Article {
        Article {
            title: Some("Judul".into()),
            source: Some("antara".into()),
            date: Some(PartialDate::year(2024)),
            provinces: vec![ProvinceRef { code: "35".into(), name: "Jawa Timur".into() }],
            officials: vec![
                Official {
                    name: "sri  handayani".into(),
                    role: None,
                    organization: None,
                    as_printed: None,
                },
                Official { name: "Budi".into(), role: None, organization: None, as_printed: None },
            ],
            programs: vec!["JHT".into(), "JKK".into()],
            ..Article::default()
        }
    }

    #[test]
    fn scores_count_hits_misses_and_extras() {
        let r = compare(&[gold()], &[article()], Registry::builtin());
        assert_eq!((r.provinces.true_positives, r.provinces.false_negatives), (1, 1));
        assert_eq!(r.provinces.precision, 1.0);
        assert_eq!(r.provinces.recall, 0.5);
        assert_eq!(r.officials.false_positives, 1);
        assert!((r.officials.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.programs.f1, 1.0);
        assert_eq!(r.source.correct, 1, "case-insensitive");
        assert_eq!(r.date.correct, 1);
        let fields: Vec<&str> = r.differences.iter().map(|d| d.field).collect();
        assert_eq!(fields, ["provinces", "officials"]);
    }

    #[test]
    fn empty_gold_and_empty_extraction_score_perfectly() {
        let g = GoldArticle { id: "x".into(), ..GoldArticle::default() };
        let r = compare(&[g], &[Article::default()], Registry::builtin());
        assert_eq!((r.provinces.precision, r.provinces.recall, r.provinces.f1), (1.0, 1.0, 1.0));
        assert_eq!(r.title.correct, 1);
    }

    #[test]
    fn gold_files_parse_with_defaults() {
        let g: Vec<GoldArticle> =
            serde_json::from_str(r#"[{"id": "b.jsonl#2", "provinces": ["11"]}]"#).unwrap();
        assert_eq!(g[0].provinces, ["11"]);
        assert!(g[0].title.is_none());
    }
}
