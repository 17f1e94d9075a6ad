//! `warta terms`: the words of the matching articles, in one of two modes.
//!
//! - **significance** (default): the words that characterise the matches
//!   against the whole corpus (significant terms). Each term of the stemmed
//!   view (so stopwords are already gone and word families count together) is
//!   scored with JLH, as Elasticsearch's `significant_terms` does:
//!   `(fg - bg) * (fg / bg)`, where `fg` is the share of sampled matching
//!   articles whose body has the term and `bg` the share of all articles.
//! - **frequency**: the most frequent words of the matches (Media Cloud's
//!   "top words"), stopwords out, ranked by occurrences, with the number of
//!   articles each appears in.
//!
//! The best-ranked [`TermsRequest::sample`] matches are read (bounded time
//! on big result sets); each term is shown as the surface word it most
//! often stands for in them ("pekerja", not the stem "kerja"). When no word
//! is significant (a query matching every article leaves nothing more
//! frequent in the matches than in the corpus), the report falls back to
//! frequency and says why in [`TermsReport::notes`].
//!
//! With [`TermsRequest::dedup`], the sample is stories, not copies: each
//! group of syndicated copies is read once (its best-ranked copy, as
//! `search --dedup` lists it), so a story republished by ten outlets does
//! not count its words ten times.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::{TantivyDocument, Term};

use crate::analysis::{View, collect, stopwords::is_stopword};
use crate::error::Result;
use crate::index::WartaIndex;
use crate::search::analytics::stories;
use crate::search::{Filters, SearchRequest, select};

/// How terms are chosen and ranked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TermsBy {
    /// Words more frequent in the matches than in the corpus (JLH score).
    #[default]
    Significance,
    /// The most frequent words of the matches.
    Frequency,
}

/// A `warta terms` request.
#[derive(Clone, Debug, PartialEq)]
pub struct TermsRequest {
    /// The query (empty = every article).
    pub query: String,
    /// The same filters as search.
    pub filters: Filters,
    /// Terms returned.
    pub top: usize,
    /// Matching articles read at most (the best-ranked).
    pub sample: usize,
    /// A user alias file, as for search.
    pub aliases: Option<PathBuf>,
    /// Significant or frequent words.
    pub by: TermsBy,
    /// Read one copy of each story: syndicated copies count once.
    pub dedup: bool,
}

/// The answer of `warta terms`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermsReport {
    /// The query as given.
    pub query: String,
    /// How the terms were ranked (frequency when significance fell back).
    pub by: TermsBy,
    /// Matching articles (stories with `dedup`).
    pub total: usize,
    /// Matching articles read (at most the requested sample); with `dedup`,
    /// one copy per story.
    pub sampled: usize,
    /// Whether stories were sampled and counted instead of articles.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub dedup: bool,
    /// Articles in the index (the background).
    pub corpus: u64,
    /// Terms, best first.
    pub terms: Vec<SignificantTerm>,
    /// Why the list is empty or was ranked another way than asked.
    pub notes: Vec<String>,
}

/// One term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignificantTerm {
    /// The word as written most often in the sample (lowercased).
    pub term: String,
    /// JLH score (significance only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub score: Option<f64>,
    /// Sampled matching articles containing it.
    pub count: u64,
    /// Occurrences in the sampled matching articles (all its surface forms).
    pub occurrences: u64,
}

/// One stem in the sample: articles with it, surface form -> occurrences.
#[derive(Default)]
struct StemCount {
    docs: u64,
    surfaces: HashMap<String, u64>,
}

impl StemCount {
    fn occurrences(&self) -> u64 {
        self.surfaces.values().sum()
    }

    /// The most written surface form (ties: the alphabetically first).
    fn surface(&self, stem: &str) -> String {
        self.surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or_else(|| stem.to_string(), |(s, _)| s.clone())
    }
}

/// Finds the significant or frequent terms of a selection.
pub fn terms(index: &WartaIndex, req: &TermsRequest) -> Result<TermsReport> {
    let selection =
        select(index, super::or_all(&req.query), &req.filters, req.aliases.as_deref(), &[])?;
    let searcher = index.searcher();
    let sample = req.sample.max(1);
    let (total, top) = if req.dedup {
        let mut page = SearchRequest::new(req.query.clone());
        page.limit = sample;
        let stories = stories::page(index, &selection, &*index.copies()?, &page)?;
        (stories.total, stories.page)
    } else {
        searcher
            .search(&*selection.query, &(Count, TopDocs::with_limit(sample).order_by_score()))?
    };
    let mut analyzer = index.analyzer(View::Stemmed);
    let mut seen: HashMap<String, StemCount> = HashMap::new();
    for (_, addr) in &top {
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let body = index.stored(&doc)?.article.body;
        let mut in_doc = HashSet::new();
        for t in collect(&mut analyzer, &body) {
            if !worth_counting(&t.term) {
                continue;
            }
            let surface = body.get(t.start..t.end).unwrap_or(&t.term).to_lowercase();
            if is_stopword(&surface) {
                continue;
            }
            let entry = seen.entry(t.term.clone()).or_default();
            *entry.surfaces.entry(surface).or_default() += 1;
            if in_doc.insert(t.term) {
                entry.docs += 1;
            }
        }
    }
    let corpus = searcher.num_docs();
    let sampled = top.len();
    let mut report = TermsReport {
        query: req.query.clone(),
        by: req.by,
        total,
        sampled,
        dedup: req.dedup,
        corpus,
        terms: Vec::new(),
        notes: Vec::new(),
    };
    if sampled == 0 {
        report.notes.push("no article matches, so there are no words to show".into());
        return Ok(report);
    }
    if req.by == TermsBy::Significance {
        let field = index.fields().body;
        let doc_freq = |stem: &str| searcher.doc_freq(&Term::from_field_text(field, stem));
        report.terms = significant(&seen, sampled as u64, corpus, doc_freq)?;
        if report.terms.is_empty() {
            report.notes.push(why_nothing_is_significant(total as u64, corpus));
            report.by = TermsBy::Frequency;
        }
    }
    if report.by == TermsBy::Frequency {
        report.terms = frequent(&seen);
        if report.terms.is_empty() {
            report.notes.push(format!(
                "the {sampled} matching articles read hold no word of three or more letters that is not a stopword"
            ));
        }
    }
    report.terms.truncate(req.top);
    Ok(report)
}

/// The note for an empty significance list.
fn why_nothing_is_significant(total: u64, corpus: u64) -> String {
    let why = if total >= corpus {
        format!("the query matches every article in the index ({corpus})")
    } else {
        format!(
            "no word is more frequent in the {total} matches than in the {corpus} articles of the index"
        )
    };
    format!(
        "no significant terms: {why}, so the matches cannot be told from the corpus; showing the most frequent words instead (--by frequency)"
    )
}

/// Terms with a JLH score, best first. Terms in a single sampled article
/// are left out once five or more are read.
fn significant(
    seen: &HashMap<String, StemCount>,
    sampled: u64,
    corpus: u64,
    doc_freq: impl Fn(&str) -> tantivy::Result<u64>,
) -> Result<Vec<SignificantTerm>> {
    let min_count = if sampled >= 5 { 2 } else { 1 };
    let mut terms = Vec::new();
    for (stem, c) in seen {
        if c.docs < min_count {
            continue;
        }
        let Some(score) = jlh(c.docs, sampled, doc_freq(stem)?, corpus) else { continue };
        terms.push(SignificantTerm {
            term: c.surface(stem),
            score: Some(score),
            count: c.docs,
            occurrences: c.occurrences(),
        });
    }
    terms.sort_by(|a, b| {
        b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)).then_with(|| a.term.cmp(&b.term))
    });
    Ok(terms)
}

/// Every term, most occurrences first (then most articles, then A–Z).
fn frequent(seen: &HashMap<String, StemCount>) -> Vec<SignificantTerm> {
    let mut terms: Vec<SignificantTerm> = seen
        .iter()
        .map(|(stem, c)| SignificantTerm {
            term: c.surface(stem),
            score: None,
            count: c.docs,
            occurrences: c.occurrences(),
        })
        .collect();
    terms.sort_by(|a, b| {
        b.occurrences
            .cmp(&a.occurrences)
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.term.cmp(&b.term))
    });
    terms
}

/// Letters, at least three of them: numbers and one- or two-letter
/// fragments say little about a topic.
fn worth_counting(term: &str) -> bool {
    term.chars().count() >= 3 && term.chars().any(char::is_alphabetic)
}

/// JLH significance of a term found in `fg` of `fg_total` foreground
/// documents and `bg` of `bg_total` background documents; `None` when it is
/// not more frequent in the foreground.
pub fn jlh(fg: u64, fg_total: u64, bg: u64, bg_total: u64) -> Option<f64> {
    if fg_total == 0 || bg_total == 0 || bg == 0 {
        return None;
    }
    let f = fg as f64 / fg_total as f64;
    let b = bg as f64 / bg_total as f64;
    (f > b).then(|| (f - b) * (f / b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jlh_rewards_terms_concentrated_in_the_foreground() {
        let rare = jlh(8, 10, 10, 1000).unwrap();
        let common = jlh(8, 10, 600, 1000).unwrap();
        assert!(rare > common, "{rare} {common}");
        assert_eq!(jlh(1, 10, 500, 1000), None);
        assert_eq!(jlh(1, 0, 1, 1), None);
    }

    /// A stem, its articles and its surface forms with their occurrences.
    type Row<'a> = (&'a str, u64, &'a [(&'a str, u64)]);

    fn counts(rows: &[Row<'_>]) -> HashMap<String, StemCount> {
        rows.iter()
            .map(|(stem, docs, surfaces)| {
                let surfaces = surfaces.iter().map(|(s, n)| (s.to_string(), *n)).collect();
                (stem.to_string(), StemCount { docs: *docs, surfaces })
            })
            .collect()
    }

    #[test]
    fn frequent_words_rank_by_occurrences_and_show_the_common_form() {
        let seen = counts(&[
            ("kerja", 3, &[("pekerja", 5), ("bekerja", 2), ("kerja", 1)]),
            ("iur", 2, &[("iuran", 9)]),
            ("klaim", 3, &[("klaim", 9)]),
        ]);
        let terms = frequent(&seen);
        let rows: Vec<(&str, u64, u64)> =
            terms.iter().map(|t| (t.term.as_str(), t.count, t.occurrences)).collect();
        assert_eq!(rows, [("klaim", 3, 9), ("iuran", 2, 9), ("pekerja", 3, 8)]);
        assert!(terms.iter().all(|t| t.score.is_none()));
    }

    #[test]
    fn nothing_is_significant_when_the_matches_are_the_corpus() {
        let seen = counts(&[("klaim", 4, &[("klaim", 6)]), ("iur", 2, &[("iuran", 2)])]);
        // Every article matches: each word's share is the same inside and out.
        let terms = significant(&seen, 4, 4, |s| Ok(if s == "klaim" { 4 } else { 2 })).unwrap();
        assert!(terms.is_empty());
        assert!(
            why_nothing_is_significant(4, 4).contains("matches every article in the index (4)")
        );
        assert!(why_nothing_is_significant(3, 4).contains("no word is more frequent"));
        // Half the corpus matches and holds every "iuran": significant.
        let terms = significant(&seen, 4, 8, |_| Ok(2)).unwrap();
        assert_eq!(terms[0].term, "klaim");
        assert!(terms[0].score.unwrap() > 0.0);
    }

    #[test]
    fn numbers_and_fragments_are_not_terms() {
        assert!(!worth_counting("2024"));
        assert!(!worth_counting("di"));
        assert!(worth_counting("buruh"));
    }
}
