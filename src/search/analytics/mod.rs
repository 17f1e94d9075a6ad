//! Research analytics over the articles a query selects: counts per facet
//! value ([`facet_counts`]), attention over time ([`timeline`]),
//! characteristic words ([`terms`]), streamed exports ([`export`]) and
//! story-level (deduplicated) paging ([`stories`]).
//!
//! Every function here starts from the same [`Selection`](super::Selection)
//! as `search`, so a count here is the total of the matching search. They
//! return serde data and never print.

pub mod export;
pub mod facet_counts;
pub mod period;
pub mod stories;
pub mod terms;
pub mod timeline;

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED};

use crate::error::Result;
use crate::search::scoring::{ArticleStats, Floors};

/// Receives every live document a query matches, segment by segment.
pub trait Visitor {
    /// A new segment starts; open its columns.
    fn segment(&mut self, ord: u32, reader: &SegmentReader) -> Result<()>;
    /// One matching document of the current segment.
    fn doc(&mut self, doc: DocId, score: Score) -> Result<()>;
}

/// Runs `query` and hands every live match to `visitor`, in index order.
/// Scores are computed only with `scoring` (the query's alias floors; 0 otherwise). Memory is
/// whatever the visitor keeps.
pub fn visit(
    searcher: &Searcher,
    query: &dyn Query,
    scoring: Option<&Floors>,
    visitor: &mut dyn Visitor,
) -> Result<()> {
    let empty = Floors::new();
    let stats = ArticleStats::with_floors(searcher, scoring.unwrap_or(&empty));
    let enable = if scoring.is_some() {
        stats.enable()
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    let weight = query.weight(enable)?;
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        visitor.segment(ord as u32, reader)?;
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                let score = if scoring.is_some() { scorer.score() } else { 0.0 };
                visitor.doc(doc, score)?;
            }
            doc = scorer.advance();
        }
    }
    Ok(())
}

/// Counts matching articles, or distinct stories when deduplicating.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    dedup: bool,
    count: u64,
    stories: std::collections::HashSet<String>,
}

impl Tally {
    /// An empty tally.
    pub fn new(dedup: bool) -> Tally {
        Tally { dedup, ..Tally::default() }
    }

    /// Adds one article of `story`.
    pub fn add(&mut self, story: &str) {
        if self.dedup {
            if !self.stories.contains(story) {
                self.stories.insert(story.to_string());
            }
        } else {
            self.count += 1;
        }
    }

    /// Articles (or stories) counted.
    pub fn get(&self) -> u64 {
        if self.dedup { self.stories.len() as u64 } else { self.count }
    }
}

/// The query of an analytics command: an empty one selects every article.
pub fn or_all(query: &str) -> &str {
    if query.trim().is_empty() { "*" } else { query }
}

/// `count / total`, 0 when the total is 0.
pub fn share(count: u64, total: u64) -> f64 {
    if total == 0 { 0.0 } else { count as f64 / total as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_count_articles_or_stories() {
        let mut plain = Tally::new(false);
        let mut stories = Tally::new(true);
        for s in ["a", "a", "b"] {
            plain.add(s);
            stories.add(s);
        }
        assert_eq!(plain.get(), 3);
        assert_eq!(stories.get(), 2);
    }

    #[test]
    fn an_empty_query_selects_everything() {
        assert_eq!(or_all(""), "*");
        assert_eq!(or_all("  "), "*");
        assert_eq!(or_all("JHT"), "JHT");
    }

    #[test]
    fn shares_of_nothing_are_zero() {
        assert_eq!(share(1, 4), 0.25);
        assert_eq!(share(0, 0), 0.0);
    }
}
