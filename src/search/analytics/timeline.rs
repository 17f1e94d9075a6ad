//! `warta timeline`: matching articles per period, and their share of all
//! articles of that period (normalised attention: a rise in coverage of a
//! topic is told apart from a rise in coverage overall). Several queries
//! run side by side over the same periods. The denominator is every article
//! of the index in the period, whatever the filters (with `dedup`: every
//! story). Undated articles are counted apart, never dropped, and so are
//! articles dated coarser than the period (only to the year, by month; only
//! to the month or year, by week or day): they lie in no single period.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use tantivy::query::AllQuery;
use tantivy::{DocId, Score, SegmentReader};

use crate::error::{Result, UserError};
use crate::index::WartaIndex;
use crate::index::copies::{Copies, SegmentDocs};
use crate::search::analytics::period::Period;
use crate::search::analytics::{Tally, Visitor, share, visit};
use crate::search::{Filters, select};

/// At most this many periods between the first and the last dated match.
pub const MAX_PERIODS: i64 = 20_000;

/// A `warta timeline` request.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRequest {
    /// The queries, one series each (an empty query selects every article).
    pub queries: Vec<String>,
    /// The same filters as search, applied to every query.
    pub filters: Filters,
    /// Period length.
    pub by: Period,
    /// Count stories instead of copies.
    pub dedup: bool,
    /// A user alias file, as for search.
    pub aliases: Option<PathBuf>,
}

/// The answer of `warta timeline`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// Period length.
    pub by: Period,
    /// Whether stories were counted.
    pub dedup: bool,
    /// Articles (or stories) of the whole index without a date.
    pub undated_all: u64,
    /// Articles (or stories) of the whole index dated coarser than the
    /// period, so in no period (always 0 by year).
    #[serde(default)]
    pub coarser_all: u64,
    /// One series per query.
    pub series: Vec<Series>,
}

/// The counts of one query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The query as given.
    pub query: String,
    /// Matching articles (or stories), dated or not. The points' counts,
    /// `undated` and `coarser` add up to it, except with `dedup`: a story
    /// counts in each period its copies fall in.
    pub total: u64,
    /// Matching articles without a date.
    pub undated: u64,
    /// Matching articles dated coarser than the period (only to the year,
    /// by month; only to the month or year, by week or day), in no period.
    #[serde(default)]
    pub coarser: u64,
    /// Every period from the first to the last match placed in a period (any
    /// query), gaps included.
    pub points: Vec<Point>,
}

/// One period of a series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// `2024-11-07`, `2024-W45`, `2024-11` or `2024`.
    pub period: String,
    /// The period's first day.
    pub start: String,
    /// Matching articles (or stories).
    pub count: u64,
    /// All articles (or stories) of the period.
    pub all: u64,
    /// `count / all` (0 when the period has no articles).
    pub share: f64,
}

/// Counts per period number.
struct PerPeriod<'a> {
    by: Period,
    dedup: bool,
    copies: &'a Copies,
    docs: Option<SegmentDocs>,
    total: Tally,
    undated: Tally,
    coarser: Tally,
    periods: BTreeMap<i64, Tally>,
}

impl<'a> PerPeriod<'a> {
    fn new(by: Period, dedup: bool, copies: &'a Copies) -> Self {
        PerPeriod {
            by,
            dedup,
            copies,
            docs: None,
            total: Tally::new(dedup),
            undated: Tally::new(dedup),
            coarser: Tally::new(dedup),
            periods: BTreeMap::new(),
        }
    }
}

impl Visitor for PerPeriod<'_> {
    fn segment(&mut self, _ord: u32, reader: &SegmentReader) -> Result<()> {
        self.docs = Some(SegmentDocs::open(reader)?);
        Ok(())
    }

    fn doc(&mut self, doc: DocId, _score: Score) -> Result<()> {
        let Some(docs) = &self.docs else { return Ok(()) };
        let id = if self.dedup { docs.id(doc).unwrap_or_default() } else { String::new() };
        let story = self.copies.story(&id);
        self.total.add(story);
        match docs.dated(doc) {
            Some((secs, precision)) => match self.by.place(secs, precision) {
                Some(n) => {
                    let dedup = self.dedup;
                    self.periods.entry(n).or_insert_with(|| Tally::new(dedup)).add(story);
                }
                None => self.coarser.add(story),
            },
            None => self.undated.add(story),
        }
        Ok(())
    }
}

/// Counts each query per period.
pub fn timeline(index: &WartaIndex, req: &TimelineRequest) -> Result<Timeline> {
    let copies = if req.dedup { index.copies()? } else { std::sync::Arc::default() };
    let searcher = index.searcher();
    let mut all = PerPeriod::new(req.by, req.dedup, &copies);
    visit(&searcher, &AllQuery, None, &mut all)?;
    let queries = if req.queries.is_empty() { vec![String::new()] } else { req.queries.clone() };
    let mut counted = Vec::with_capacity(queries.len());
    for q in &queries {
        let selection = select(index, super::or_all(q), &req.filters, req.aliases.as_deref(), &[])?;
        let mut per = PerPeriod::new(req.by, req.dedup, &copies);
        visit(&searcher, &*selection.query, None, &mut per)?;
        counted.push(per);
    }
    let spans = counted.iter().map(|c| c.periods.keys().copied());
    let range = span(spans.flatten(), req.by)?;
    let all_counts = counts_of(&all.periods);
    let series = queries
        .into_iter()
        .zip(counted)
        .map(|(query, c)| Series {
            query,
            total: c.total.get(),
            undated: c.undated.get(),
            coarser: c.coarser.get(),
            points: points(req.by, range.clone(), &counts_of(&c.periods), &all_counts),
        })
        .collect();
    Ok(Timeline {
        by: req.by,
        dedup: req.dedup,
        undated_all: all.undated.get(),
        coarser_all: all.coarser.get(),
        series,
    })
}

fn counts_of(periods: &BTreeMap<i64, Tally>) -> BTreeMap<i64, u64> {
    periods.iter().map(|(n, t)| (*n, t.get())).collect()
}

/// The periods from the first to the last of `periods` (empty for none);
/// too many is an error.
fn span(periods: impl Iterator<Item = i64>, by: Period) -> Result<std::ops::Range<i64>> {
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    for n in periods {
        first = first.min(n);
        last = last.max(n);
    }
    if first > last {
        return Ok(0..0);
    }
    if last - first >= MAX_PERIODS {
        let periods = last - first + 1;
        return Err(UserError::TooManyPeriods { periods, by: by.name(), max: MAX_PERIODS }.into());
    }
    Ok(first..last + 1)
}

/// One point per period of `range`, gaps included.
fn points(
    by: Period,
    range: std::ops::Range<i64>,
    counts: &BTreeMap<i64, u64>,
    all: &BTreeMap<i64, u64>,
) -> Vec<Point> {
    range
        .map(|n| {
            let count = counts.get(&n).copied().unwrap_or(0);
            let of_all = all.get(&n).copied().unwrap_or(0);
            Point {
                period: by.label(n),
                start: by.start(n),
                count,
                all: of_all,
                share: share(count, of_all),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_filled_and_shares_are_of_all_articles_of_the_period() {
        let by = Period::Year;
        let counts = BTreeMap::from([(2020, 1), (2022, 2)]);
        let all = BTreeMap::from([(2020, 4), (2021, 3), (2022, 2)]);
        let range = span(counts.keys().copied(), by).unwrap();
        let p = points(by, range, &counts, &all);
        let rows: Vec<(&str, u64, u64, f64)> =
            p.iter().map(|p| (p.period.as_str(), p.count, p.all, p.share)).collect();
        assert_eq!(rows, [("2020", 1, 4, 0.25), ("2021", 0, 3, 0.0), ("2022", 2, 2, 1.0)]);
        assert_eq!(p[0].start, "2020-01-01");
    }

    #[test]
    fn an_answer_without_coarser_counts_reads_as_none() {
        let json = r#"{"by": "month", "dedup": false, "undated_all": 1,
            "series": [{"query": "JHT", "total": 1, "undated": 1, "points": []}]}"#;
        let t: Timeline = serde_json::from_str(json).unwrap();
        assert_eq!((t.coarser_all, t.series[0].coarser), (0, 0));
    }

    #[test]
    fn no_dated_match_means_no_points_and_huge_spans_are_refused() {
        assert_eq!(span(std::iter::empty(), Period::Day).unwrap(), 0..0);
        let err = span([0, MAX_PERIODS].into_iter(), Period::Day).unwrap_err();
        assert!(err.to_string().contains("--by"), "{err}");
    }
}
