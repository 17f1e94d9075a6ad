//! `warta timeline`: matching articles per period, and their share of all
//! articles of that period (normalised attention: a rise in coverage of a
//! topic is told apart from a rise in coverage overall). Several queries
//! run side by side over the same periods. The denominator is every article
//! of the index in the period, whatever the filters (with `dedup`: every
//! story). Undated articles are counted apart, never dropped.

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
    /// One series per query.
    pub series: Vec<Series>,
}

/// The counts of one query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The query as given.
    pub query: String,
    /// Matching articles (or stories), dated or not.
    pub total: u64,
    /// Matching articles without a date.
    pub undated: u64,
    /// Every period from the first to the last dated match of any query, gaps included.
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
        match docs.date(doc) {
            Some(secs) => {
                let dedup = self.dedup;
                let n = self.by.number(secs);
                self.periods.entry(n).or_insert_with(|| Tally::new(dedup)).add(story);
            }
            None => self.undated.add(story),
        }
        Ok(())
    }
}

/// Counts each query per period.
pub fn timeline(index: &WartaIndex, req: &TimelineRequest) -> Result<Timeline> {
    let copies = if req.dedup { Copies::load(index.dir())? } else { Copies::default() };
    let searcher = index.searcher();
    let mut all = PerPeriod::new(req.by, req.dedup, &copies);
    visit(&searcher, &AllQuery, false, &mut all)?;
    let queries = if req.queries.is_empty() { vec![String::new()] } else { req.queries.clone() };
    let mut counted = Vec::with_capacity(queries.len());
    for q in &queries {
        let selection = select(index, super::or_all(q), &req.filters, req.aliases.as_deref(), &[])?;
        let mut per = PerPeriod::new(req.by, req.dedup, &copies);
        visit(&searcher, &*selection.query, false, &mut per)?;
        counted.push(per);
    }
    let first = counted.iter().filter_map(|c| c.periods.keys().next()).min().copied();
    let last = counted.iter().filter_map(|c| c.periods.keys().next_back()).max().copied();
    let range = match (first, last) {
        (Some(a), Some(b)) if b - a >= MAX_PERIODS => {
            return Err(UserError::TooManyPeriods {
                periods: b - a + 1,
                by: req.by.name(),
                max: MAX_PERIODS,
            }
            .into());
        }
        (Some(a), Some(b)) => a..b + 1,
        _ => 0..0,
    };
    let series = queries
        .into_iter()
        .zip(counted)
        .map(|(query, c)| {
            let points = range
                .clone()
                .map(|n| {
                    let count = c.periods.get(&n).map_or(0, Tally::get);
                    let of_all = all.periods.get(&n).map_or(0, Tally::get);
                    Point {
                        period: req.by.label(n),
                        start: req.by.start(n),
                        count,
                        all: of_all,
                        share: share(count, of_all),
                    }
                })
                .collect();
            Series { query, total: c.total.get(), undated: c.undated.get(), points }
        })
        .collect();
    Ok(Timeline { by: req.by, dedup: req.dedup, undated_all: all.undated.get(), series })
}
