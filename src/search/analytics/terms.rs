//! `warta terms`: the words that characterise the matching articles against
//! the whole corpus (significant terms). Each term of the stemmed view (so
//! stopwords are already gone and word families count together) is scored
//! with JLH, as Elasticsearch's `significant_terms` does:
//! `(fg - bg) * (fg / bg)`, where `fg` is the share of sampled matching
//! articles whose body has the term and `bg` the share of all articles.
//! The best-ranked [`TermsRequest::sample`] matches are read (bounded time
//! on big result sets); each term is shown as the surface word it most
//! often stands for in them ("pekerja", not the stem "kerja").

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::{TantivyDocument, Term};

use crate::analysis::{View, collect, stopwords::is_stopword};
use crate::error::Result;
use crate::index::WartaIndex;
use crate::search::{Filters, select};

/// A `warta terms` request.
#[derive(Clone, Debug, PartialEq)]
pub struct TermsRequest {
    /// The query (empty = every article, which leaves nothing significant).
    pub query: String,
    /// The same filters as search.
    pub filters: Filters,
    /// Terms returned.
    pub top: usize,
    /// Matching articles read at most (the best-ranked).
    pub sample: usize,
    /// A user alias file, as for search.
    pub aliases: Option<PathBuf>,
}

/// The answer of `warta terms`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermsReport {
    /// The query as given.
    pub query: String,
    /// Matching articles.
    pub total: usize,
    /// Matching articles read (at most the requested sample).
    pub sampled: usize,
    /// Articles in the index (the background).
    pub corpus: u64,
    /// Significant terms, best first.
    pub terms: Vec<SignificantTerm>,
}

/// One significant term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignificantTerm {
    /// The word as written most often in the sample (lowercased).
    pub term: String,
    /// JLH score.
    pub score: f64,
    /// Sampled matching articles containing it.
    pub count: u64,
}

/// Finds the significant terms of a selection.
pub fn terms(index: &WartaIndex, req: &TermsRequest) -> Result<TermsReport> {
    let selection =
        select(index, super::or_all(&req.query), &req.filters, req.aliases.as_deref(), &[])?;
    let searcher = index.searcher();
    let sample = req.sample.max(1);
    let (total, top) = searcher
        .search(&*selection.query, &(Count, TopDocs::with_limit(sample).order_by_score()))?;
    let mut analyzer = index.analyzer(View::Stemmed);
    // stem -> (articles with it, surface form -> occurrences)
    let mut seen: HashMap<String, (u64, HashMap<String, u64>)> = HashMap::new();
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
            *entry.1.entry(surface).or_default() += 1;
            if in_doc.insert(t.term) {
                entry.0 += 1;
            }
        }
    }
    let corpus = searcher.num_docs();
    let sampled = top.len();
    let min_count = if sampled >= 5 { 2 } else { 1 };
    let field = index.fields().body;
    let mut terms = Vec::new();
    for (stem, (count, surfaces)) in seen {
        if count < min_count {
            continue;
        }
        let df = searcher.doc_freq(&Term::from_field_text(field, &stem))?;
        let Some(score) = jlh(count, sampled as u64, df, corpus) else { continue };
        let term = surfaces
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map_or(stem, |(s, _)| s);
        terms.push(SignificantTerm { term, score, count });
    }
    terms.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.term.cmp(&b.term)));
    terms.truncate(req.top);
    Ok(TermsReport { query: req.query.clone(), total, sampled, corpus, terms })
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

    #[test]
    fn numbers_and_fragments_are_not_terms() {
        assert!(!worth_counting("2024"));
        assert!(!worth_counting("di"));
        assert!(worth_counting("buruh"));
    }
}
