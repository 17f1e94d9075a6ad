//! `warta facets`: for the articles a query selects, the count of each value
//! of one facet and its share of the total, provinces with their cities
//! nested. The facets are counted by the search's own collector
//! ([`FacetCollector`], in its per-article mode: each value once per
//! document), years and months from the `date` fast field, so the count of
//! a value equals the total of the search filtered by that value:
//! `facets --by province` says 12 for Jawa Timur exactly when
//! `search --province "Jawa Timur"` finds 12 (except that a month counts no
//! year-only date, which a date filter places on 1 January). With `dedup`,
//! groups of syndicated copies count once.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use tantivy::query::{BooleanQuery, Occur};
use tantivy::{DocId, Score, SegmentReader};

use crate::error::Result;
use crate::index::WartaIndex;
use crate::index::copies::{Copies, SegmentDocs};
use crate::search::analytics::period::Period;
use crate::search::analytics::{Tally, Visitor, share, visit};
use crate::search::facet_spec::{FACET_COUNT, Resolve};
use crate::search::facets::{FacetCollector, FacetSet, FacetTables, Mode};
use crate::search::filters::FacetKind;
use crate::search::response::Facets;
use crate::search::{Filters, Selection, select};

/// What to count by: a facet of the table
/// ([`crate::search::facet_spec::FACETS`]), or publication years or months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetBy {
    /// A facet (provinces with their cities, officials, programmes …).
    Facet(FacetKind),
    /// Publication years.
    Year,
    /// Publication months.
    Month,
}

/// Short names for the facets, as library users (and tests) spell them:
/// `FacetBy::Province` is `FacetBy::Facet(FacetKind::Province)`. A facet
/// needs none of these: it is counted through [`FacetBy::Facet`].
#[allow(non_upper_case_globals)]
impl FacetBy {
    /// Provinces, each with its cities.
    pub const Province: FacetBy = FacetBy::Facet(FacetKind::Province);
    /// Regencies, cities and towns.
    pub const City: FacetBy = FacetBy::Facet(FacetKind::City);
    /// Officials (person names, whatever their organisation).
    pub const Official: FacetBy = FacetBy::Facet(FacetKind::Official);
    /// Organisations of the officials.
    pub const Org: FacetBy = FacetBy::Facet(FacetKind::Org);
    /// Programme codes.
    pub const Program: FacetBy = FacetBy::Facet(FacetKind::Program);
    /// Publishers.
    pub const Source: FacetBy = FacetBy::Facet(FacetKind::Source);
    /// People quoted.
    pub const Speaker: FacetBy = FacetBy::Facet(FacetKind::Speaker);
}

impl FacetBy {
    /// Every choice of `--by`, facets (in the facet table's order) then periods.
    pub const ALL: [FacetBy; FACET_COUNT + 2] = {
        let mut all = [FacetBy::Year; FACET_COUNT + 2];
        let mut i = 0;
        while i < FACET_COUNT {
            all[i] = FacetBy::Facet(FacetKind::ALL[i]);
            i += 1;
        }
        all[FACET_COUNT + 1] = FacetBy::Month;
        all
    };

    /// The facet counted (`None` for years and months).
    pub fn kind(self) -> Option<FacetKind> {
        match self {
            FacetBy::Facet(kind) => Some(kind),
            FacetBy::Year | FacetBy::Month => None,
        }
    }

    /// The name, as in `--by` and the JSON key.
    pub fn name(self) -> &'static str {
        match self {
            FacetBy::Facet(kind) => kind.name(),
            FacetBy::Year => "year",
            FacetBy::Month => "month",
        }
    }

    /// What is counted, for help texts.
    pub fn about(self) -> &'static str {
        match self {
            FacetBy::Facet(kind) => kind.spec().about,
            FacetBy::Year => "Publication years (undated articles counted apart)",
            FacetBy::Month => "Publication months (undated and year-only articles counted apart)",
        }
    }

    /// Whether the values are periods (sorted by time, undated counted apart).
    pub fn is_date(self) -> bool {
        matches!(self, FacetBy::Year | FacetBy::Month)
    }

    /// The facet whose values are counted within each value of this one
    /// (provinces' cities), from the facet table.
    pub fn nested(self) -> Option<FacetKind> {
        self.kind().and_then(|k| k.spec().nested)
    }
}

impl std::str::FromStr for FacetBy {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<FacetBy, String> {
        FacetBy::ALL.into_iter().find(|b| b.name() == s).ok_or_else(|| {
            let names: Vec<&str> = FacetBy::ALL.iter().map(|b| b.name()).collect();
            format!("unknown facet `{s}` (valid: {})", names.join(", "))
        })
    }
}

impl Serialize for FacetBy {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for FacetBy {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<FacetBy, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// A `warta facets` request.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetRequest {
    /// The query (empty = every article).
    pub query: String,
    /// The same filters as search.
    pub filters: Filters,
    /// The facet to count.
    pub by: FacetBy,
    /// Values kept per level (the most frequent; for years and months,
    /// the most frequent, shown in time order).
    pub top: usize,
    /// Count stories instead of copies.
    pub dedup: bool,
    /// A user alias file, as for search.
    pub aliases: Option<PathBuf>,
}

/// One value with its count and its share of the total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetShare {
    /// The value, usable as the filter of the same name.
    pub value: String,
    /// Matching articles (or stories) with it.
    pub count: u64,
    /// `count / total`.
    pub share: f64,
    /// Cities of a province.
    #[serde(rename = "cities", skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<FacetShare>,
    /// Cities of a province left out by `top` (`more_cities`, absent when 0).
    #[serde(rename = "more_cities", skip_serializing_if = "is_zero", default)]
    pub more_children: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The answer of `warta facets`. JSON: `{"query", "total", "<facet>":
/// [{"value", "count", "share"}]}`, plus `"undated"` for years and months,
/// `"coarser"` for months and `"dedup": true` when counting stories.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetReport {
    /// The query as given.
    pub query: String,
    /// The facet counted.
    pub by: FacetBy,
    /// Matching articles (or stories).
    pub total: u64,
    /// Whether stories were counted.
    pub dedup: bool,
    /// Values by descending count (years and months in time order).
    pub values: Vec<FacetShare>,
    /// Matching articles without a date (year and month only).
    pub undated: Option<u64>,
    /// Matching articles dated only to the year, so in no month (month
    /// only): without `dedup` and `top`, the months' counts, `undated` and
    /// this add up to `total`.
    pub coarser: Option<u64>,
    /// Values left out by `top` (the list is complete when 0).
    pub more: u64,
}

impl Serialize for FacetReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("query", &self.query)?;
        map.serialize_entry("total", &self.total)?;
        if self.dedup {
            map.serialize_entry("dedup", &true)?;
        }
        map.serialize_entry(self.by.name(), &self.values)?;
        map.serialize_entry("more", &self.more)?;
        if let Some(n) = self.undated {
            map.serialize_entry("undated", &n)?;
        }
        if let Some(n) = self.coarser {
            map.serialize_entry("coarser", &n)?;
        }
        map.end()
    }
}

/// Counts one facet over the articles a request selects.
pub fn facets(index: &WartaIndex, req: &FacetRequest) -> Result<FacetReport> {
    let selection =
        select(index, super::or_all(&req.query), &req.filters, req.aliases.as_deref(), &[])?;
    let copies = if req.dedup { index.copies()? } else { Arc::default() };
    let (total, tallies, undated, coarser) = match req.by.kind() {
        Some(kind) => {
            let mode = Mode {
                per_article: true,
                nested: req.by.nested().is_some(),
                stories: req.dedup.then(|| copies.clone()),
            };
            let tables = index.state::<FacetTables>();
            let collector = FacetCollector::with_mode(FacetSet::of([kind]), tables, mode);
            let counts = collector.count(&index.searcher(), &*selection.query)?;
            let mut tallies = Tallies::new();
            for (value, n) in collector.values(&counts, kind) {
                tallies.insert(vec![value], n);
            }
            for (parent, value, n) in collector.nested(&counts, kind) {
                tallies.insert(vec![parent, value], n);
            }
            (counts.total(), tallies, None, None)
        }
        None => {
            let period = if req.by == FacetBy::Year { Period::Year } else { Period::Month };
            let mut dates = Dates {
                period,
                copies: &copies,
                dedup: req.dedup,
                docs: None,
                total: Tally::new(req.dedup),
                undated: Tally::new(req.dedup),
                coarser: Tally::new(req.dedup),
                tallies: HashMap::new(),
            };
            visit(&index.searcher(), &*selection.query, None, &mut dates)?;
            let tallies = dates.tallies.into_iter().map(|(k, t)| (vec![k], t.get())).collect();
            let coarser = (period != Period::Year).then(|| dates.coarser.get());
            (dates.total.get(), tallies, Some(dates.undated.get()), coarser)
        }
    };
    let (mut values, more) = rank(req.by, tallies, total, req.top);
    // Where a filter value also finds longer names with the same words
    // (`--official "Budi Santoso"` finds "Budi Santoso Wijaya"), count as the
    // filter does.
    if let Some(kind) = req.by.kind()
        && matches!(kind.spec().resolve, Resolve::Name { whole_first: false, .. })
    {
        for v in &mut values {
            let only = Filters::only(kind, [v.value.clone()]);
            let mut tally = Tally::new(req.dedup);
            let mut by_filter = Recount { copies: &copies, docs: None, tally: &mut tally };
            let mut clauses = vec![(Occur::Must, selection.query.box_clone())];
            for clause in only.clauses(index)? {
                clauses.push((Occur::Must, clause));
            }
            visit(&index.searcher(), &BooleanQuery::new(clauses), None, &mut by_filter)?;
            v.count = tally.get();
            v.share = share(v.count, total);
        }
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    Ok(FacetReport {
        query: req.query.clone(),
        by: req.by,
        total,
        dedup: req.dedup,
        values,
        undated,
        coarser,
        more,
    })
}

/// Story counts of the facets of `set` for `search --dedup --facets` (the
/// others stay empty).
pub fn all_facets(
    index: &WartaIndex,
    selection: &Selection,
    copies: &Arc<Copies>,
    top: usize,
    set: FacetSet,
) -> Result<Facets> {
    let mode = Mode { per_article: true, nested: false, stories: Some(copies.clone()) };
    let collector = FacetCollector::with_mode(set, index.state::<FacetTables>(), mode);
    let counts = collector.count(&index.searcher(), &*selection.query)?;
    Ok(collector.facets(&counts, top))
}

/// Counts by value (`[value]`, or `[province, city]` for nested cities).
type Tallies = HashMap<Vec<String>, u64>;

/// Counts the matches of a filtered query (articles or stories).
struct Recount<'a> {
    copies: &'a Copies,
    docs: Option<SegmentDocs>,
    tally: &'a mut Tally,
}

impl Visitor for Recount<'_> {
    fn segment(&mut self, _ord: u32, reader: &SegmentReader) -> Result<()> {
        self.docs = Some(SegmentDocs::open(reader)?);
        Ok(())
    }

    fn doc(&mut self, doc: DocId, _score: Score) -> Result<()> {
        let id = match (&self.docs, self.tally.dedup) {
            (Some(docs), true) => docs.id(doc).unwrap_or_default(),
            _ => String::new(),
        };
        self.tally.add(self.copies.story(&id));
        Ok(())
    }
}

/// Counts articles (or stories) by year or month, those without a date and
/// (by month) those dated only to the year.
struct Dates<'a> {
    period: Period,
    copies: &'a Copies,
    dedup: bool,
    docs: Option<SegmentDocs>,
    total: Tally,
    undated: Tally,
    coarser: Tally,
    tallies: HashMap<String, Tally>,
}

impl Visitor for Dates<'_> {
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
            None => self.undated.add(story),
            Some((secs, precision)) => match self.period.place(secs, precision) {
                Some(n) => {
                    let dedup = self.dedup;
                    let tally = self.tallies.entry(self.period.label(n));
                    tally.or_insert_with(|| Tally::new(dedup)).add(story);
                }
                None => self.coarser.add(story),
            },
        }
        Ok(())
    }
}

/// Top-level values ranked (with their nested values), shares of `total`,
/// and how many top-level values `top` left out.
fn rank(by: FacetBy, tallies: Tallies, total: u64, top: usize) -> (Vec<FacetShare>, u64) {
    let mut children: HashMap<String, Vec<FacetShare>> = HashMap::new();
    let mut values = Vec::new();
    for (key, count) in tallies {
        let s = |v: &str| FacetShare {
            value: v.to_string(),
            count,
            share: share(count, total),
            children: Vec::new(),
            more_children: 0,
        };
        match key.as_slice() {
            [v] => values.push(s(v)),
            [parent, v] => children.entry(parent.clone()).or_default().push(s(v)),
            _ => {}
        }
    }
    let by_count =
        |a: &FacetShare, b: &FacetShare| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value));
    values.sort_by(by_count);
    let more = values.len().saturating_sub(top) as u64;
    values.truncate(top);
    if by.is_date() {
        values.sort_by(|a, b| a.value.cmp(&b.value));
    }
    for v in &mut values {
        if let Some(mut kids) = children.remove(&v.value) {
            kids.sort_by(by_count);
            v.more_children = kids.len().saturating_sub(top) as u64;
            kids.truncate(top);
            v.children = kids;
        }
    }
    (values, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(n: u64) -> u64 {
        n
    }

    fn key(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn provinces_nest_their_cities_and_shares_are_of_the_total() {
        let mut t = Tallies::new();
        t.insert(key(&["Bali"]), tally(1));
        t.insert(key(&["Jawa Timur"]), tally(3));
        t.insert(key(&["Jawa Timur", "Surabaya"]), tally(2));
        let (ranked, more) = rank(FacetBy::Province, t, 4, 10);
        assert_eq!(more, 0);
        assert_eq!(ranked[0].value, "Jawa Timur");
        assert_eq!(ranked[0].share, 0.75);
        assert_eq!(ranked[0].children[0].value, "Surabaya");
        assert_eq!(ranked[0].children[0].share, 0.5);
        assert!(ranked[1].children.is_empty());
    }

    #[test]
    fn periods_stay_in_time_order() {
        let mut t = Tallies::new();
        t.insert(key(&["2024"]), tally(1));
        t.insert(key(&["2021"]), tally(5));
        t.insert(key(&["2023"]), tally(2));
        let (ranked, more) = rank(FacetBy::Year, t, 6, 2);
        let years: Vec<&str> = ranked.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(years, ["2021", "2023"]);
        assert_eq!(more, 1, "2024 was left out");
    }

    #[test]
    fn values_and_cities_left_out_by_top_are_counted() {
        let mut t = Tallies::new();
        for (p, n) in [("Bali", 1), ("Jawa Timur", 5), ("Aceh", 2)] {
            t.insert(key(&[p]), tally(n));
        }
        for (c, n) in [("Surabaya", 3), ("Gresik", 1), ("Malang", 2)] {
            t.insert(key(&["Jawa Timur", c]), tally(n));
        }
        let (ranked, more) = rank(FacetBy::Province, t, 8, 2);
        assert_eq!(more, 1);
        assert_eq!(ranked[0].more_children, 1);
        assert_eq!(ranked[0].children.len(), 2);
    }

    #[test]
    fn json_names_the_facet() {
        let r = FacetReport {
            query: "JHT".into(),
            by: FacetBy::Year,
            total: 2,
            dedup: false,
            values: vec![],
            undated: Some(1),
            coarser: None,
            more: 0,
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["year"], serde_json::json!([]));
        assert_eq!(v["undated"], 1);
        assert!(v.get("dedup").is_none());
        assert!(v.get("coarser").is_none(), "no date is coarser than a year");
        let months = FacetReport { by: FacetBy::Month, coarser: Some(3), ..r };
        let v = serde_json::to_value(&months).unwrap();
        assert_eq!((v["undated"].as_u64(), v["coarser"].as_u64()), (Some(1), Some(3)));
    }
}
