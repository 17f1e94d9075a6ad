//! `warta facets`: for the articles a query selects, the count of each value
//! of one facet and its share of the total, provinces with their cities
//! nested. Each document's values are read from the facet's fast field
//! (and `date` for years and months) and counted once per document, so the
//! count of a value equals the total of the search filtered by that value:
//! `facets --by province` says 12 for Jawa Timur exactly when
//! `search --province "Jawa Timur"` finds 12. With `dedup`, groups of
//! syndicated copies count once.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use tantivy::query::{BooleanQuery, Occur};
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentReader};

use crate::error::Result;
use crate::index::WartaIndex;
use crate::index::copies::{Copies, SegmentDocs};
use crate::search::analytics::period::Period;
use crate::search::analytics::{Tally, Visitor, share, visit};
use crate::search::facets::FacetSet;
use crate::search::filters::FacetKind;
use crate::search::response::{FacetCount, Facets};
use crate::search::{Filters, Selection, select};

/// What to count by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetBy {
    /// Provinces, each with its cities.
    Province,
    /// Regencies, cities and towns.
    City,
    /// Officials (person names, whatever their organisation).
    Official,
    /// Organisations of the officials.
    Org,
    /// Programme codes.
    Program,
    /// Publishers.
    Source,
    /// People quoted.
    Speaker,
    /// Publication years.
    Year,
    /// Publication months.
    Month,
}

impl FacetBy {
    /// Every choice of `--by`, facets (in the facet table's order) then periods.
    pub const ALL: [FacetBy; 9] = [
        FacetBy::Province,
        FacetBy::City,
        FacetBy::Official,
        FacetBy::Org,
        FacetBy::Program,
        FacetBy::Source,
        FacetBy::Speaker,
        FacetBy::Year,
        FacetBy::Month,
    ];

    /// The facet counted (`None` for years and months).
    pub fn kind(self) -> Option<FacetKind> {
        Some(match self {
            FacetBy::Province => FacetKind::Province,
            FacetBy::City => FacetKind::City,
            FacetBy::Official => FacetKind::Official,
            FacetBy::Org => FacetKind::Org,
            FacetBy::Program => FacetKind::Program,
            FacetBy::Source => FacetKind::Source,
            FacetBy::Speaker => FacetKind::Speaker,
            FacetBy::Year | FacetBy::Month => return None,
        })
    }

    /// The name, as in `--by` and the JSON key.
    pub fn name(self) -> &'static str {
        match (self, self.kind()) {
            (_, Some(kind)) => kind.name(),
            (FacetBy::Year, None) => "year",
            _ => "month",
        }
    }

    /// What is counted, for help texts.
    pub fn about(self) -> &'static str {
        match (self, self.kind()) {
            (_, Some(kind)) => kind.spec().about,
            (FacetBy::Year, None) => "Publication years (undated articles counted apart)",
            _ => "Publication months (undated articles counted apart)",
        }
    }

    /// The facet field the values come from (`None` for the date facets).
    fn field(self) -> Option<&'static str> {
        self.kind().map(|k| k.spec().field)
    }

    /// Whether the values are periods (sorted by time, undated counted apart).
    pub fn is_date(self) -> bool {
        matches!(self, FacetBy::Year | FacetBy::Month)
    }

    /// The keys a document's facet path contributes: `[value]`, and
    /// `[province, city]` for the nested cities.
    fn keys(self, path: &[String], out: &mut BTreeSet<Vec<String>>) {
        match (self, path) {
            (FacetBy::Province, [p]) => {
                out.insert(vec![p.clone()]);
            }
            (FacetBy::Province, [p, c, ..]) => {
                out.insert(vec![p.clone()]);
                out.insert(vec![p.clone(), c.clone()]);
            }
            (FacetBy::City | FacetBy::Official, [_, second, ..]) => {
                out.insert(vec![second.clone()]);
            }
            (FacetBy::Org | FacetBy::Program | FacetBy::Source | FacetBy::Speaker, [first, ..]) => {
                out.insert(vec![first.clone()]);
            }
            _ => {}
        }
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
/// [{"value", "count", "share"}]}`, plus `"undated"` for years and months
/// and `"dedup": true` when counting stories.
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
        map.end()
    }
}

/// Counts one facet over the articles a request selects.
pub fn facets(index: &WartaIndex, req: &FacetRequest) -> Result<FacetReport> {
    let selection =
        select(index, super::or_all(&req.query), &req.filters, req.aliases.as_deref(), &[])?;
    let copies = if req.dedup { index.copies()? } else { std::sync::Arc::default() };
    let mut counts = count(index, &selection, &copies, req.dedup, &[req.by])?;
    let total = counts.total.get();
    let tallies = counts.tallies.pop().unwrap_or_default();
    let (mut values, more) = rank(req.by, tallies, total, req.top);
    if req.by == FacetBy::Official {
        // `--official NAME` also finds longer names with the same words
        // ("Budi Santoso" finds "Budi Santoso Wijaya"): count as the filter does.
        for v in &mut values {
            let only = Filters { official: vec![v.value.clone()], ..Filters::default() };
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
    let undated = req.by.is_date().then(|| counts.undated.get());
    Ok(FacetReport {
        query: req.query.clone(),
        by: req.by,
        total,
        dedup: req.dedup,
        values,
        undated,
        more,
    })
}

/// Story counts of the facets of `set` for `search --dedup --facets` (the
/// others stay empty).
pub fn all_facets(
    index: &WartaIndex,
    selection: &Selection,
    copies: &Copies,
    top: usize,
    set: FacetSet,
) -> Result<Facets> {
    use FacetBy::*;
    let all = [Province, City, Official, Org, Program, Source, Speaker];
    let wanted: Vec<bool> = FacetKind::ALL.iter().map(|k| set.contains(*k)).collect();
    let kinds: Vec<FacetBy> =
        all.iter().zip(&wanted).filter(|(_, w)| **w).map(|(k, _)| *k).collect();
    let counts = count(index, selection, copies, true, &kinds)?;
    let mut cut = Vec::new();
    let mut counted = counts.tallies.into_iter().map(|t| {
        let mut list: Vec<FacetCount> = t
            .into_iter()
            .filter(|(k, _)| k.len() == 1)
            .map(|(k, t)| FacetCount { value: k[0].clone(), count: t.get() })
            .collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        cut.push(list.len().saturating_sub(top) as u64);
        list.truncate(top);
        list
    });
    // FacetKind::ALL and the fields below are in the same order.
    let mut wanted = wanted.into_iter();
    let mut next =
        || if wanted.next().unwrap_or(false) { counted.next().unwrap_or_default() } else { vec![] };
    let mut facets = Facets {
        province: next(),
        city: next(),
        official: next(),
        org: next(),
        program: next(),
        source: next(),
        speaker: next(),
        more: [0; 7],
    };
    drop(counted);
    let mut cut = cut.into_iter();
    for (i, k) in FacetKind::ALL.iter().enumerate() {
        if set.contains(*k) {
            facets.more[i] = cut.next().unwrap_or(0);
        }
    }
    Ok(facets)
}

type Tallies = HashMap<Vec<String>, Tally>;

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

/// The counts of one pass.
struct Counts {
    total: Tally,
    undated: Tally,
    tallies: Vec<Tallies>,
}

struct Counter<'a> {
    kinds: &'a [FacetBy],
    copies: &'a Copies,
    dedup: bool,
    docs: Option<SegmentDocs>,
    readers: Vec<Option<tantivy::fastfield::FacetReader>>,
    paths: Vec<HashMap<u64, Vec<String>>>,
    counts: Counts,
}

impl Visitor for Counter<'_> {
    fn segment(&mut self, _ord: u32, reader: &SegmentReader) -> Result<()> {
        self.docs = Some(SegmentDocs::open(reader)?);
        self.readers.clear();
        for kind in self.kinds {
            self.readers.push(kind.field().map(|f| reader.facet_reader(f)).transpose()?);
        }
        self.paths = vec![HashMap::new(); self.kinds.len()];
        Ok(())
    }

    fn doc(&mut self, doc: DocId, _score: Score) -> Result<()> {
        let Some(docs) = &self.docs else { return Ok(()) };
        let id = if self.dedup { docs.id(doc).unwrap_or_default() } else { String::new() };
        let story = self.copies.story(&id);
        self.counts.total.add(story);
        let mut keys = BTreeSet::new();
        for (i, kind) in self.kinds.iter().enumerate() {
            keys.clear();
            if kind.is_date() {
                let Some(secs) = docs.date(doc) else {
                    self.counts.undated.add(story);
                    continue;
                };
                let period = if *kind == FacetBy::Year { Period::Year } else { Period::Month };
                keys.insert(vec![period.label(period.number(secs))]);
            } else if let Some(reader) = &self.readers[i] {
                for ord in reader.facet_ords(doc) {
                    let path = self.paths[i].entry(ord).or_insert_with(|| {
                        let mut facet = Facet::root();
                        match reader.facet_from_ord(ord, &mut facet) {
                            Ok(()) => facet.to_path().iter().map(|s| s.to_string()).collect(),
                            Err(_) => Vec::new(),
                        }
                    });
                    kind.keys(path, &mut keys);
                }
            }
            for key in &keys {
                let dedup = self.dedup;
                self.counts.tallies[i]
                    .entry(key.clone())
                    .or_insert_with(|| Tally::new(dedup))
                    .add(story);
            }
        }
        Ok(())
    }
}

/// Counts every kind in one pass over the selection.
fn count(
    index: &WartaIndex,
    selection: &Selection,
    copies: &Copies,
    dedup: bool,
    kinds: &[FacetBy],
) -> Result<Counts> {
    let mut counter = Counter {
        kinds,
        copies,
        dedup,
        docs: None,
        readers: Vec::new(),
        paths: Vec::new(),
        counts: Counts {
            total: Tally::new(dedup),
            undated: Tally::new(dedup),
            tallies: vec![HashMap::new(); kinds.len()],
        },
    };
    visit(&index.searcher(), &*selection.query, None, &mut counter)?;
    Ok(counter.counts)
}

/// Top-level values ranked (with their nested values), shares of `total`,
/// and how many top-level values `top` left out.
fn rank(by: FacetBy, tallies: Tallies, total: u64, top: usize) -> (Vec<FacetShare>, u64) {
    let mut children: HashMap<String, Vec<FacetShare>> = HashMap::new();
    let mut values = Vec::new();
    for (key, tally) in tallies {
        let count = tally.get();
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

    fn tally(n: u64) -> Tally {
        let mut t = Tally::new(false);
        for _ in 0..n {
            t.add("");
        }
        t
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
    fn keys_per_facet() {
        let mut out = BTreeSet::new();
        FacetBy::City.keys(&key(&["Jawa Timur", "Surabaya"]), &mut out);
        FacetBy::City.keys(&key(&["Bali"]), &mut out);
        assert_eq!(out.into_iter().collect::<Vec<_>>(), [key(&["Surabaya"])]);
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
            more: 0,
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["year"], serde_json::json!([]));
        assert_eq!(v["undated"], 1);
        assert!(v.get("dedup").is_none());
    }
}
