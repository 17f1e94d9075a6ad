//! Facet counts for the matching articles, in the search's single pass.
//!
//! One collector counts every requested facet, reading each facet column
//! once per matching article (province and city share the region column,
//! organisation and official the official column). It counts on the
//! column's term ordinals: a first-level value (a province, an
//! organisation, a programme …) once per article, a second-level value (a
//! city, a person) once per path, so a person under two organisations
//! counts twice, as the paths do.
//!
//! Ordinals differ from segment to segment, so each segment's ordinals are
//! mapped once to the open index's value ids ([`tables`], kept by the index). Counting then ends
//! in plain vectors indexed by value id: no strings, hashing or dictionary
//! reads per search, and only the values that make a facet's top list are
//! turned back into strings. tantivy's
//! `FacetCollector` needs every parent added one by one (quadratic in the
//! number of organisations) and decodes each counted value with a fresh
//! decompressor, which made facet counts the slowest part of a search.

mod matched;
mod segment;
mod tables;

use std::sync::Arc;

use std::collections::{HashMap, HashSet};

use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{Searcher, SegmentOrdinal, SegmentReader};

use matched::Matched;
pub use segment::{FacetSegment, SegmentCounts};
use segment::{SegmentColumn, SegmentStories, Slot, StorySets};
pub use tables::FacetTables;
use tables::table_of;

use crate::index::copies::{Copies, SegmentDocs};

use crate::search::facet_spec::Level;
use crate::search::filters::FacetKind;
use crate::search::response::{FacetCount, Facets};

/// Which facets a search counts (by default all seven).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FacetSet(u32);

impl FacetSet {
    /// Every facet.
    pub const ALL: FacetSet = FacetSet((1 << FacetKind::ALL.len()) - 1);
    /// No facet.
    pub const NONE: FacetSet = FacetSet(0);

    /// The set of these facets.
    pub fn of(kinds: impl IntoIterator<Item = FacetKind>) -> FacetSet {
        kinds.into_iter().fold(FacetSet::NONE, |set, k| FacetSet(set.0 | bit(k)))
    }

    /// Whether `kind` is counted.
    pub fn contains(self, kind: FacetKind) -> bool {
        self.0 & bit(kind) != 0
    }

    /// Whether no facet is counted.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The facets of the set, in the order of the JSON `facets` object.
    pub fn kinds(self) -> impl Iterator<Item = FacetKind> {
        FacetKind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}

impl Default for FacetSet {
    fn default() -> Self {
        FacetSet::ALL
    }
}

fn bit(kind: FacetKind) -> u32 {
    let i = FacetKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    1 << i
}

/// Where a facet kind is counted: its column and level (its row of the facet table).
fn source_of(kind: FacetKind) -> (&'static str, Level) {
    (kind.spec().field, kind.spec().level)
}

/// How a [`FacetCollector`] counts. The default is the search's: articles,
/// a second-level value once per path.
#[derive(Clone, Debug, Default)]
pub struct Mode {
    /// A second-level value once per article, not once per path (a person
    /// under two organisations counts once): the count of a value is then the
    /// total of the search filtered by it.
    pub per_article: bool,
    /// First-level values also count the second-level values under them
    /// (provinces with their cities).
    pub nested: bool,
    /// Count stories, not articles: each group of copies once.
    pub stories: Option<Arc<Copies>>,
}

/// Counts per value id, for each requested column (in [`FacetCollector`]'s order).
#[derive(Debug, Default)]
pub struct Counts {
    total: u64,
    columns: Vec<ColumnCounts>,
}

impl Counts {
    /// The articles (or stories) counted.
    pub fn total(&self) -> u64 {
        self.total
    }
}

#[derive(Debug, Default, Clone)]
struct ColumnCounts {
    top: Vec<u64>,
    leaf: Vec<u64>,
    /// (first-level id, second-level id) → count, with [`Mode::nested`].
    pairs: HashMap<(u32, u32), u64>,
}

fn add(into: &mut Vec<u64>, from: &[u64]) {
    if into.len() < from.len() {
        into.resize(from.len(), 0);
    }
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}

fn set_at(into: &mut Vec<u64>, id: u32, n: u64) {
    let i = id as usize;
    if into.len() <= i {
        into.resize(i + 1, 0);
    }
    into[i] = n;
}

/// What to count in one column.
#[derive(Clone, Copy, Debug)]
struct Column {
    field: &'static str,
    top: bool,
    leaf: bool,
    pairs: bool,
}

/// Counts the facets of a [`FacetSet`] over the matching articles: added
/// to the search's one collector (a tuple with the count and the top hits)
/// so that hits and counts come from a single pass, and run alone by `warta facets` and `search --dedup`
/// (with their [`Mode`]).
#[derive(Clone)]
pub struct FacetCollector {
    columns: Vec<Column>,
    set: FacetSet,
    tables: Arc<FacetTables>,
    mode: Mode,
}

impl FacetCollector {
    /// A collector for the facets of `set`, with the facet tables of the
    /// index it searches (`index.state::<FacetTables>()`).
    pub fn new(set: FacetSet, tables: Arc<FacetTables>) -> FacetCollector {
        FacetCollector::with_mode(set, tables, Mode::default())
    }

    /// A collector counting as `mode` says.
    pub fn with_mode(set: FacetSet, tables: Arc<FacetTables>, mode: Mode) -> FacetCollector {
        let mut columns: Vec<Column> = Vec::new();
        for kind in set.kinds() {
            let (field, level) = source_of(kind);
            let i = match columns.iter().position(|c| c.field == field) {
                Some(i) => i,
                None => {
                    columns.push(Column { field, top: false, leaf: false, pairs: false });
                    columns.len() - 1
                }
            };
            match level {
                Level::Top => {
                    columns[i].top = true;
                    columns[i].pairs |= mode.nested;
                }
                Level::Leaf => columns[i].leaf = true,
            }
        }
        FacetCollector { columns, set, tables, mode }
    }

    /// Counts the articles `query` matches (segments in parallel, no scores).
    pub fn count(&self, searcher: &Searcher, query: &dyn Query) -> crate::error::Result<Counts> {
        let unscored = EnableScoring::disabled_from_searcher(searcher);
        Ok(searcher.search_with_executor(query, self, &super::EXECUTOR, unscored)?)
    }

    /// The counted facets, at most `top` values each, by descending count
    /// then value; facets not in the set are empty.
    pub fn facets(&self, counts: &Counts, top: usize) -> Facets {
        let names = tables::names(&self.tables);
        let mut facets = Facets::default();
        for kind in self.set.kinds() {
            let (field, level) = source_of(kind);
            let Some(values) = self.counted(counts, kind) else { continue };
            *facets.of_mut(kind) = rank(values, names.of(field, level == Level::Leaf), top);
            let counted = values.iter().filter(|n| **n > 0).count();
            facets.more[kind.index()] = counted.saturating_sub(top) as u64;
        }
        facets
    }

    /// The counts of `kind` by value id, if it was counted.
    fn counted<'a>(&self, counts: &'a Counts, kind: FacetKind) -> Option<&'a Vec<u64>> {
        let (field, level) = source_of(kind);
        let column = self.columns.iter().position(|c| c.field == field);
        let c = column.and_then(|i| counts.columns.get(i))?;
        Some(if level == Level::Top { &c.top } else { &c.leaf })
    }

    /// Every value of `kind` with a count, and its count (in no order).
    pub fn values(&self, counts: &Counts, kind: FacetKind) -> Vec<(String, u64)> {
        let (field, level) = source_of(kind);
        let names = tables::names(&self.tables);
        let names = names.of(field, level == Level::Leaf);
        let Some(values) = self.counted(counts, kind) else { return Vec::new() };
        let counted = values.iter().zip(names).filter(|(n, _)| **n > 0);
        counted.map(|(n, name)| (name.to_string(), *n)).collect()
    }

    /// With [`Mode::nested`], every (first-level value, second-level value)
    /// pair of `kind`'s column with a count (in no order).
    pub fn nested(&self, counts: &Counts, kind: FacetKind) -> Vec<(String, String, u64)> {
        let (field, _) = source_of(kind);
        let names = tables::names(&self.tables);
        let (tops, leaves) = (names.of(field, false), names.of(field, true));
        let column = self.columns.iter().position(|c| c.field == field);
        let Some(c) = column.and_then(|i| counts.columns.get(i)) else { return Vec::new() };
        let name = |names: &[Arc<str>], id: u32| names.get(id as usize).map(|n| n.to_string());
        c.pairs
            .iter()
            .filter_map(|(&(t, l), n)| Some((name(tops, t)?, name(leaves, l)?, *n)))
            .collect()
    }
}

/// The `top` values with the highest non-zero counts, by descending count
/// then value.
fn rank(counts: &[u64], names: &[Arc<str>], top: usize) -> Vec<FacetCount> {
    let mut hit: Vec<(u64, &str)> = counts
        .iter()
        .zip(names)
        .filter(|(n, _)| **n > 0)
        .map(|(n, name)| (*n, name.as_ref()))
        .collect();
    let by = |a: &(u64, &str), b: &(u64, &str)| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1));
    if top < hit.len() {
        if top == 0 {
            return Vec::new();
        }
        hit.select_nth_unstable_by(top - 1, by);
        hit.truncate(top);
    }
    hit.sort_unstable_by(by);
    hit.into_iter().map(|(count, value)| FacetCount { value: value.to_string(), count }).collect()
}

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let general = self.mode.per_article
            || self.mode.stories.is_some()
            || self.columns.iter().any(|c| c.pairs);
        let mut columns = Vec::with_capacity(self.columns.len());
        for c in &self.columns {
            let (table, tops, leaves) = table_of(&self.tables, reader, c.field)?;
            let facets = reader.facet_reader(c.field)?;
            // The flat copy has no pairs; the general path reads the column.
            let flat = if general { None } else { table.flat_if_used(&facets, reader.max_doc()) };
            let by_set = flat.as_ref().filter(|f| f.few_sets());
            let per_set = by_set.map_or_else(Vec::new, |f| vec![0; f.len()]);
            let counted =
                |on: bool, n: usize| (on && self.mode.stories.is_none()).then(|| vec![0; n]);
            columns.push(SegmentColumn {
                reader: facets,
                table,
                flat,
                top: counted(c.top, tops),
                leaf: counted(c.leaf, leaves),
                pairs: c.pairs.then(HashMap::new),
                per_set,
                want_top: c.top,
                want_leaf: c.leaf,
                seen: if general && c.leaf { vec![0; leaves] } else { Vec::new() },
            });
        }
        let stories = match &self.mode.stories {
            Some(copies) => Some(SegmentStories {
                copies: copies.clone(),
                docs: SegmentDocs::open(reader)
                    .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?,
                sets: StorySets {
                    total: HashSet::new(),
                    columns: vec![HashMap::new(); columns.len()],
                },
            }),
            None => None,
        };
        let matched =
            columns.iter().any(|c| c.flat.is_some()).then(|| Matched::new(reader.max_doc()));
        Ok(FacetSegment {
            columns,
            total: 0,
            general,
            per_article: self.mode.per_article,
            stories,
            tops: Vec::new(),
            leaves: Vec::new(),
            slots: Vec::new(),
            matched,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<SegmentCounts>) -> tantivy::Result<Counts> {
        let mut all =
            Counts { total: 0, columns: vec![ColumnCounts::default(); self.columns.len()] };
        let mut stories: Option<StorySets> = None;
        for part in parts {
            all.total += part.counts.total;
            for (into, from) in all.columns.iter_mut().zip(&part.counts.columns) {
                add(&mut into.top, &from.top);
                add(&mut into.leaf, &from.leaf);
                for (pair, n) in &from.pairs {
                    *into.pairs.entry(*pair).or_default() += n;
                }
            }
            if let Some(sets) = part.stories {
                match &mut stories {
                    None => stories = Some(sets),
                    Some(into) => {
                        into.total.extend(sets.total);
                        for (into, from) in into.columns.iter_mut().zip(sets.columns) {
                            for (slot, set) in from {
                                into.entry(slot).or_default().extend(set);
                            }
                        }
                    }
                }
            }
        }
        if let Some(sets) = stories {
            all.total = sets.total.len() as u64;
            for (into, from) in all.columns.iter_mut().zip(sets.columns) {
                for (slot, set) in from {
                    let n = set.len() as u64;
                    match slot {
                        Slot::Top(id) => set_at(&mut into.top, id, n),
                        Slot::Leaf(id) => set_at(&mut into.leaf, id, n),
                        Slot::Pair(t, l) => {
                            into.pairs.insert((t, l), n);
                        }
                    }
                }
            }
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(v: &str, n: u64) -> FacetCount {
        FacetCount { value: v.into(), count: n }
    }

    #[test]
    fn values_rank_by_count_then_name_and_zeros_are_left_out() {
        let names: Vec<Arc<str>> = ["C", "A", "B", "D"].into_iter().map(Arc::from).collect();
        let counts = [1, 2, 3, 0];
        assert_eq!(rank(&counts, &names, 2), [fc("B", 3), fc("A", 2)]);
        assert_eq!(rank(&counts, &names, 10), [fc("B", 3), fc("A", 2), fc("C", 1)]);
        assert_eq!(rank(&[1, 1, 1], &names, 2), [fc("A", 1), fc("B", 1)]);
        assert!(rank(&counts, &names, 0).is_empty());
    }

    #[test]
    fn a_facet_set_holds_the_kinds_it_was_made_of() {
        let set = FacetSet::of([FacetKind::Province, FacetKind::Official, FacetKind::Program]);
        let kinds: Vec<FacetKind> = set.kinds().collect();
        assert_eq!(kinds, [FacetKind::Province, FacetKind::Official, FacetKind::Program]);
        assert!(!set.contains(FacetKind::City));
        assert_eq!(FacetSet::default(), FacetSet::ALL);
        assert_eq!(FacetSet::ALL.kinds().count(), crate::search::facet_spec::FACET_COUNT);
        assert!(FacetSet::NONE.is_empty() && FacetSet::of([]).is_empty());
    }

    #[test]
    fn facets_sharing_a_column_read_it_once() {
        let c = FacetCollector::new(FacetSet::ALL, Arc::default());
        assert_eq!(c.columns.len(), crate::search::facet_spec::field_rows().count());
        let c = FacetCollector::new(
            FacetSet::of([FacetKind::City, FacetKind::Province]),
            Arc::default(),
        );
        assert_eq!(c.columns.len(), 1);
        assert!(c.columns[0].top && c.columns[0].leaf);
    }

    /// A small index of articles naming places, officials and programmes.
    fn index() -> (tempfile::TempDir, crate::index::WartaIndex) {
        let places = ["Surabaya", "Malang", "Medan", "Bandung", "Makassar"];
        let mut lines = String::new();
        for i in 0..30 {
            let (a, b) = (places[i % 5], places[(i / 5) % 5]);
            let program = ["JHT", "JKK", "JKP"][i % 3];
            let text = format!(
                "{a} - Kepala Dinas Tenaga Kerja Kota {a}, Budi Hartono, mengatakan klaim \
                 {program} pekerja di {a} dan {b} naik. \"Kami siap,\" kata Budi."
            );
            let line =
                serde_json::json!({"title": format!("Klaim {program} di {a}"), "text": text});
            lines.push_str(&format!("{line}\n"));
        }
        crate::test_support::index_of_jsonl(&lines)
    }

    #[test]
    fn repeated_searches_and_facet_subsets_count_the_same() {
        use crate::search::{SearchRequest, search};
        let (_dir, index) = index();
        let mut req = SearchRequest::new("*");
        req.snippets = 0;
        // The first search reads the columns, later ones the flat copy.
        let first = search(&index, &req).unwrap().facets;
        for kind in [FacetKind::Province, FacetKind::City, FacetKind::Program] {
            assert!(!first.of(kind).is_empty(), "{first:?}");
        }
        for _ in 0..3 {
            assert_eq!(search(&index, &req).unwrap().facets, first);
        }
        for kinds in [&[FacetKind::City][..], &[FacetKind::Province, FacetKind::Program]] {
            req.facets = FacetSet::of(kinds.iter().copied());
            let some = search(&index, &req).unwrap().facets;
            // FacetKind::ALL and Facets::named are in the same order.
            let pairs = FacetKind::ALL.iter().zip(some.named()).zip(first.named());
            for ((kind, (name, got)), (_, all)) in pairs {
                let want = if kinds.contains(kind) { all.clone() } else { Vec::new() };
                assert_eq!(got, &want, "{name}");
            }
        }
        req.facets = FacetSet::NONE;
        assert_eq!(search(&index, &req).unwrap().facets, Facets::default());
    }

    #[test]
    fn counting_per_set_of_values_counts_what_the_columns_hold() {
        use crate::search::{SearchRequest, search};
        // 60 articles over 3 places and 3 programmes: few distinct sets per
        // column, so from the second search on they are counted per set.
        let places = ["Surabaya", "Medan", "Makassar"];
        let mut lines = String::new();
        for i in 0..60 {
            let (a, program) = (places[i % 3], ["JHT", "JKK", "JKP"][(i / 3) % 3]);
            let text = format!(
                "{a} - Kepala Dinas Tenaga Kerja Kota {a}, Budi Hartono, mengatakan klaim \
                 {program} pekerja di {a} naik. \"Kami siap,\" kata Budi."
            );
            let line = serde_json::json!({"title": format!("Klaim {program} {i}"), "text": text});
            lines.push_str(&format!("{line}\n"));
        }
        let (_dir, index) = crate::test_support::index_of_jsonl(&lines);
        for query in ["*", "Medan", "JKK"] {
            let mut req = SearchRequest::new(query);
            req.snippets = 0;
            req.facet_top = 100;
            let first = search(&index, &req).unwrap().facets;
            assert!(!first.of(FacetKind::Program).is_empty(), "{query}: {first:?}");
            for _ in 0..2 {
                assert_eq!(search(&index, &req).unwrap().facets, first, "{query}");
            }
        }
        let mut req = SearchRequest::new("*");
        req.snippets = 0;
        for _ in 0..2 {
            let facets = search(&index, &req).unwrap().facets;
            let programs: Vec<(String, u64)> =
                facets.of(FacetKind::Program).iter().map(|f| (f.value.clone(), f.count)).collect();
            assert_eq!(programs.iter().map(|p| p.1).sum::<u64>(), 60, "{programs:?}");
            // Each programme's count is the total of the search filtered by it.
            for (value, count) in &programs {
                let mut only = SearchRequest::new("*");
                only.snippets = 0;
                only.facet_top = 0;
                only.filters.values_mut(FacetKind::Program).push(value.clone());
                assert_eq!(search(&index, &only).unwrap().total as u64, *count, "{value}");
            }
            let provinces = facets.of(FacetKind::Province);
            assert_eq!(provinces.iter().map(|f| f.count).sum::<u64>(), 60, "{provinces:?}");
        }
        // The flat copy was built, with a set per distinct value list.
        let tables = index.state::<FacetTables>();
        let searcher = index.searcher();
        let reader = &searcher.segment_readers()[0];
        let (table, _, _) = tables::table_of(&tables, reader, "program").unwrap();
        let facets = reader.facet_reader("program").unwrap();
        let flat = table.flat_if_used(&facets, reader.max_doc()).unwrap();
        assert!(flat.few_sets() && flat.len() <= 4, "{} sets", flat.len());
    }

    #[test]
    fn two_indexes_in_one_process_keep_their_own_facet_tables() {
        use crate::search::{SearchRequest, search};
        let (_a_dir, a) = index();
        let line = serde_json::json!({
            "title": "Klaim JKP di Kupang",
            "text": "Kupang - Klaim JKP pekerja di Kupang naik tahun ini."
        });
        let (_b_dir, b) = crate::test_support::index_of_jsonl(&format!("{line}\n"));
        let mut req = SearchRequest::new("*");
        req.snippets = 0;
        let provinces = |index: &crate::index::WartaIndex| -> Vec<String> {
            let facets = search(index, &req).unwrap().facets;
            facets.of(FacetKind::Province).iter().map(|f| f.value.clone()).collect()
        };
        let alone = provinces(&b);
        assert_eq!(alone, ["Nusa Tenggara Timur"]);
        // Searching the other index in between (twice: the flat copies too)
        // changes nothing in this one's answers.
        let first = provinces(&a);
        for _ in 0..2 {
            assert_eq!(provinces(&a), first);
            assert_eq!(provinces(&b), alone);
        }
        assert!(!first.contains(&"Nusa Tenggara Timur".to_string()), "{first:?}");
        assert!(!Arc::ptr_eq(&a.state::<FacetTables>(), &b.state::<FacetTables>()));
    }
}
