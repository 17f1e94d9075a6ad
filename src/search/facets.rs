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

mod tables;

use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

pub use tables::FacetTables;
use tables::{Flat, Table, table_of, values_of};

use crate::search::facet_spec::Level;
use crate::search::filters::FacetKind;
use crate::search::response::{FacetCount, Facets};

/// Which facets a search counts (by default all seven).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FacetSet(u8);

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

fn bit(kind: FacetKind) -> u8 {
    let i = FacetKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    1 << i
}

/// Where a facet kind is counted: its column and level (its row of the facet table).
fn source_of(kind: FacetKind) -> (&'static str, Level) {
    (kind.spec().field, kind.spec().level)
}

/// Counts per value id, for each requested column (in [`FacetCollector`]'s order).
#[derive(Debug, Default)]
pub struct Counts {
    columns: Vec<ColumnCounts>,
}

#[derive(Debug, Default, Clone)]
struct ColumnCounts {
    top: Vec<u64>,
    leaf: Vec<u64>,
}

fn add(into: &mut Vec<u64>, from: &[u64]) {
    if into.len() < from.len() {
        into.resize(from.len(), 0);
    }
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}

/// What to count in one column.
#[derive(Clone, Copy, Debug)]
struct Column {
    field: &'static str,
    top: bool,
    leaf: bool,
}

/// Counts the facets of a [`FacetSet`] over the matching articles; added
/// to the search's `MultiCollector` so that hits and counts come from a
/// single pass.
#[derive(Clone)]
pub struct FacetCollector {
    columns: Vec<Column>,
    set: FacetSet,
    tables: Arc<FacetTables>,
}

impl FacetCollector {
    /// A collector for the facets of `set`, with the facet tables of the
    /// index it searches (`index.state::<FacetTables>()`).
    pub fn new(set: FacetSet, tables: Arc<FacetTables>) -> FacetCollector {
        let mut columns: Vec<Column> = Vec::new();
        for kind in set.kinds() {
            let (field, level) = source_of(kind);
            let i = match columns.iter().position(|c| c.field == field) {
                Some(i) => i,
                None => {
                    columns.push(Column { field, top: false, leaf: false });
                    columns.len() - 1
                }
            };
            match level {
                Level::Top => columns[i].top = true,
                Level::Leaf => columns[i].leaf = true,
            }
        }
        FacetCollector { columns, set, tables }
    }

    /// The counted facets, at most `top` values each, by descending count
    /// then value; facets not in the set are empty.
    pub fn facets(&self, counts: &Counts, top: usize) -> Facets {
        let names = tables::names(&self.tables);
        let mut facets = Facets::default();
        for kind in self.set.kinds() {
            let (field, level) = source_of(kind);
            let column = self.columns.iter().position(|c| c.field == field);
            let Some(c) = column.and_then(|i| counts.columns.get(i)) else { continue };
            let values = if level == Level::Top { &c.top } else { &c.leaf };
            *facet_of(&mut facets, kind) = rank(values, names.of(field, level == Level::Leaf), top);
            let counted = values.iter().filter(|n| **n > 0).count();
            if let Some(i) = FacetKind::ALL.iter().position(|k| *k == kind) {
                facets.more[i] = counted.saturating_sub(top) as u64;
            }
        }
        facets
    }
}

/// The list of `kind` in `facets`.
fn facet_of(facets: &mut Facets, kind: FacetKind) -> &mut Vec<FacetCount> {
    match kind {
        FacetKind::Province => &mut facets.province,
        FacetKind::City => &mut facets.city,
        FacetKind::Official => &mut facets.official,
        FacetKind::Org => &mut facets.org,
        FacetKind::Program => &mut facets.program,
        FacetKind::Source => &mut facets.source,
        FacetKind::Speaker => &mut facets.speaker,
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

/// One segment of a [`FacetCollector`].
pub struct FacetSegment {
    columns: Vec<SegmentColumn>,
}

struct SegmentColumn {
    reader: FacetReader,
    table: Arc<Table>,
    /// `table.flat`, when this search reads it.
    flat: Option<Arc<Flat>>,
    top: Option<Vec<u32>>,
    leaf: Option<Vec<u32>>,
}

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let mut columns = Vec::with_capacity(self.columns.len());
        for c in &self.columns {
            let (table, tops, leaves) = table_of(&self.tables, reader, c.field)?;
            let facets = reader.facet_reader(c.field)?;
            let flat = table.flat_if_used(&facets, reader.max_doc());
            columns.push(SegmentColumn {
                reader: facets,
                table,
                flat,
                top: c.top.then(|| vec![0; tops]),
                leaf: c.leaf.then(|| vec![0; leaves]),
            });
        }
        Ok(FacetSegment { columns })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut all = Counts { columns: vec![ColumnCounts::default(); self.columns.len()] };
        for part in parts {
            for (into, from) in all.columns.iter_mut().zip(&part.columns) {
                add(&mut into.top, &from.top);
                add(&mut into.leaf, &from.leaf);
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let add = |counts: &mut Option<Vec<u32>>, id: u32| {
            if let Some(n) = counts.as_mut().and_then(|c| c.get_mut(id as usize)) {
                *n += 1;
            }
        };
        for c in &mut self.columns {
            match &c.flat {
                Some(flat) => {
                    if c.top.is_some() {
                        flat.top(doc).iter().for_each(|id| add(&mut c.top, *id));
                    }
                    if c.leaf.is_some() {
                        flat.leaf(doc).iter().for_each(|id| add(&mut c.leaf, *id));
                    }
                }
                None => values_of(
                    &c.reader,
                    &c.table,
                    doc,
                    |id| add(&mut c.top, id),
                    |id| add(&mut c.leaf, id),
                ),
            }
        }
    }

    fn harvest(self) -> Counts {
        let wide = |v: Option<Vec<u32>>| v.unwrap_or_default().into_iter().map(u64::from).collect();
        Counts {
            columns: self
                .columns
                .into_iter()
                .map(|c| ColumnCounts { top: wide(c.top), leaf: wide(c.leaf) })
                .collect(),
        }
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
        assert_eq!(FacetSet::ALL.kinds().count(), 7);
        assert!(FacetSet::NONE.is_empty() && FacetSet::of([]).is_empty());
    }

    #[test]
    fn facets_sharing_a_column_read_it_once() {
        let c = FacetCollector::new(FacetSet::ALL, Arc::default());
        assert_eq!(c.columns.len(), 5);
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
        assert!(!first.province.is_empty() && !first.city.is_empty(), "{first:?}");
        assert!(!first.program.is_empty(), "{first:?}");
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
            facets.province.into_iter().map(|f| f.value).collect()
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
