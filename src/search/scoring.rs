//! The BM25 statistics every search scores with: a word's rarity is its
//! rarity in whole articles, not in one field.
//!
//! tantivy weighs a term by its document frequency in the field it matched.
//! Titles are short, so a word every article uses (`pekerja`, `BPJS`) is
//! rare among titles, and a title match of it outweighed the one rare word
//! the researcher was after (`migran`). Here a title term counts as often
//! as the same term in the body does when that is more: the title still
//! counts more (`compile::TITLE_BOOST`), but only for words that matter.
//!
//! The names of an alias group are one word for rarity too: the query
//! compiler gives every term of a group's names a floor, the document
//! frequency of the group's most common name ([`Floors`]), so that an
//! article saying `BPJS TK` (a rare spelling of a name every article uses)
//! does not outrank the articles about what was asked.

use std::collections::HashMap;

use tantivy::query::{Bm25StatisticsProvider, EnableScoring};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::index::names;

/// Lowest document frequency of a term text in the title and body fields
/// (both views): set for the terms of alias names.
pub type Floors = HashMap<String, u64>;

/// Statistics of `searcher`, with title terms given their article-wide
/// document frequency and alias terms their group's.
pub struct ArticleStats<'a> {
    searcher: &'a Searcher,
    /// (title field, body field of the same view).
    pairs: Vec<(Field, Field)>,
    floors: Option<&'a Floors>,
}

impl<'a> ArticleStats<'a> {
    /// The statistics of `searcher`'s index, with `floors` for the terms of
    /// the query's alias names.
    pub fn with_floors(searcher: &'a Searcher, floors: &'a Floors) -> Self {
        ArticleStats { floors: Some(floors), ..Self::new(searcher) }
    }

    /// The statistics of `searcher`'s index.
    pub fn new(searcher: &'a Searcher) -> Self {
        let schema = searcher.schema();
        let pairs = [(names::TITLE, names::BODY), (names::TITLE_EXACT, names::BODY_EXACT)]
            .into_iter()
            .filter_map(|(t, b)| Some((schema.get_field(t).ok()?, schema.get_field(b).ok()?)))
            .collect();
        ArticleStats { searcher, pairs, floors: None }
    }

    /// Scoring with these statistics.
    pub fn enable(&'a self) -> EnableScoring<'a> {
        EnableScoring::enabled_from_statistics_provider(self, self.searcher)
    }
}

impl Bm25StatisticsProvider for ArticleStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let own = self.searcher.doc_freq(term)?;
        let field = term.field();
        let value = term.value();
        let Some(text) = value.as_str() else { return Ok(own) };
        let text_field = self.pairs.iter().any(|(t, b)| *t == field || *b == field);
        let floor = match self.floors {
            Some(floors) if text_field => floors.get(text).copied().unwrap_or(0),
            _ => 0,
        };
        let body = self.pairs.iter().find(|(title, _)| *title == field).map(|(_, b)| *b);
        let in_body = match body {
            Some(body) => self.searcher.doc_freq(&Term::from_field_text(body, text))?,
            None => 0,
        };
        // Never above the number of articles (BM25's idf would turn negative).
        Ok(own.max(in_body).max(floor).min(self.searcher.num_docs()))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An index of `(title, body)` articles, one JSON line each.
    pub(crate) fn index_of(
        articles: &[(&str, &str)],
    ) -> (tempfile::TempDir, crate::index::WartaIndex) {
        let lines: String = articles
            .iter()
            .map(|(title, text)| format!("{}\n", serde_json::json!({"title": title, "text": text})))
            .collect();
        crate::test_support::index_of_jsonl(&lines)
    }

    #[test]
    fn a_title_term_is_as_common_as_in_the_bodies() {
        // "pekerja" heads one title of three but fills every body; "migran" is in one body.
        let (_dir, index) = index_of(&[
            ("Pekerja informal dilindungi", "Para pekerja pasar mendaftar."),
            ("Gerai baru dibuka", "Pekerja migran diminta cek status pekerja."),
            ("Santunan diserahkan", "Ahli waris pekerja menerima santunan."),
        ]);
        let searcher = index.searcher();
        let stats = ArticleStats::new(&searcher);
        let f = index.fields();
        let title = Term::from_field_text(f.title_exact, "pekerja");
        assert_eq!(searcher.doc_freq(&title).unwrap(), 1);
        assert_eq!(stats.doc_freq(&title).unwrap(), 3);
        let body = Term::from_field_text(f.body_exact, "migran");
        assert_eq!(stats.doc_freq(&body).unwrap(), 1);
        assert_eq!(stats.total_num_docs().unwrap(), 3);
        // A floor raises a term, in every text field, never above the number of articles.
        let floors: Floors = [("migran".to_string(), 2), ("pekerja".to_string(), 9)].into();
        let stats = ArticleStats::with_floors(&searcher, &floors);
        assert_eq!(stats.doc_freq(&body).unwrap(), 2);
        assert_eq!(stats.doc_freq(&Term::from_field_text(f.title, "migran")).unwrap(), 2);
        assert_eq!(stats.doc_freq(&title).unwrap(), 3);
    }
}
