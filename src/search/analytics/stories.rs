//! `search --dedup`: one hit per story. Every match is visited; each story
//! keeps its best-ranked copy (highest score, or newest with `--sort
//! date`), and the page is cut from those. Memory grows with the number of
//! matching stories, not with the page.

use std::collections::HashMap;

use tantivy::{DocAddress, DocId, Score, SegmentReader};

use crate::error::Result;
use crate::index::WartaIndex;
use crate::index::copies::{Copies, SegmentDocs};
use crate::search::analytics::{Visitor, visit};
use crate::search::{SearchRequest, Selection, Sort};

/// The stories of one search.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryPage {
    /// Matching stories (groups of copies count once).
    pub total: usize,
    /// The requested page: the best copy of each story, with its score.
    pub page: Vec<(f32, DocAddress)>,
}

#[derive(Clone, Copy, Debug)]
struct Best {
    score: f32,
    date: Option<i64>,
    addr: DocAddress,
}

struct Collect<'a> {
    copies: &'a Copies,
    sort: Sort,
    docs: Option<SegmentDocs>,
    segment: u32,
    best: HashMap<String, Best>,
}

impl Visitor for Collect<'_> {
    fn segment(&mut self, ord: u32, reader: &SegmentReader) -> Result<()> {
        self.docs = Some(SegmentDocs::open(reader)?);
        self.segment = ord;
        Ok(())
    }

    fn doc(&mut self, doc: DocId, score: Score) -> Result<()> {
        let Some(docs) = &self.docs else { return Ok(()) };
        let id = docs.id(doc).unwrap_or_default();
        let new = Best { score, date: docs.date(doc), addr: DocAddress::new(self.segment, doc) };
        let story = self.copies.story(&id).to_string();
        let sort = self.sort;
        self.best
            .entry(story)
            .and_modify(|old| {
                if rank(sort, &new, old).is_lt() {
                    *old = new;
                }
            })
            .or_insert(new);
        Ok(())
    }
}

/// Hit order: `Less` ranks first.
fn rank(sort: Sort, a: &Best, b: &Best) -> std::cmp::Ordering {
    let by_score = b.score.total_cmp(&a.score);
    let primary = match sort {
        Sort::Relevance => by_score,
        // Newest first, undated last.
        Sort::Date => b.date.map_or(i64::MIN, |d| d).cmp(&a.date.map_or(i64::MIN, |d| d)),
    };
    primary.then(by_score).then_with(|| a.addr.cmp(&b.addr))
}

/// The page of stories for a search.
pub fn page(
    index: &WartaIndex,
    selection: &Selection,
    copies: &Copies,
    req: &SearchRequest,
) -> Result<StoryPage> {
    let searcher = index.searcher();
    let mut c = Collect { copies, sort: req.sort, docs: None, segment: 0, best: HashMap::new() };
    visit(&searcher, &*selection.query, Some(&selection.floors), &mut c)?;
    let mut all: Vec<Best> = c.best.into_values().collect();
    all.sort_by(|a, b| rank(req.sort, a, b));
    let total = all.len();
    let page =
        all.into_iter().skip(req.offset).take(req.limit).map(|b| (b.score, b.addr)).collect();
    Ok(StoryPage { total, page })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(score: f32, date: Option<i64>, doc: u32) -> Best {
        Best { score, date, addr: DocAddress::new(0, doc) }
    }

    #[test]
    fn ranking_by_score_or_date_with_undated_last() {
        let (a, b, c) = (best(2.0, None, 0), best(1.0, Some(5), 1), best(1.0, Some(9), 2));
        assert!(rank(Sort::Relevance, &a, &b).is_lt());
        assert!(rank(Sort::Date, &c, &b).is_lt());
        assert!(rank(Sort::Date, &b, &a).is_lt());
    }
}
