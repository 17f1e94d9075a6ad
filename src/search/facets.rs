//! Facet counts for the matching articles, in the search's single pass.
//!
//! Top levels (provinces, organisations, programmes, sources, speakers) are
//! counted with tantivy's `FacetCollector` at the root. The second levels
//! (cities under provinces, people under organisations) are counted by
//! [`LeafCollector`], which counts each stored value by its term ordinal and
//! names only the ordinals that were hit: tantivy's collector would need
//! every parent added one by one, which is quadratic in the number of
//! organisations (thousands in a large corpus).

use std::collections::HashMap;

use tantivy::collector::{
    Collector, FacetCollector, FacetCounts, FruitHandle, MultiCollector, MultiFruit,
    SegmentCollector,
};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::names;
use crate::search::response::{FacetCount, Facets};

/// Counts of the second-level values of a facet field (`/A/b` → `b`),
/// summed over their parents.
pub struct LeafCollector {
    field: &'static str,
}

/// One segment of a [`LeafCollector`].
pub struct LeafSegment {
    reader: FacetReader,
    counts: Vec<u32>,
}

impl Collector for LeafCollector {
    type Fruit = HashMap<String, u64>;
    type Child = LeafSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<LeafSegment> {
        let reader = reader.facet_reader(self.field)?;
        let counts = vec![0; reader.num_facets()];
        Ok(LeafSegment { reader, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<HashMap<String, u64>>) -> tantivy::Result<Self::Fruit> {
        let mut all = HashMap::new();
        for part in parts {
            for (k, n) in part {
                *all.entry(k).or_insert(0) += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for LeafSegment {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let mut previous = u64::MAX;
        for ord in self.reader.facet_ords(doc) {
            if ord != previous
                && let Some(c) = self.counts.get_mut(ord as usize)
            {
                *c += 1;
            }
            previous = ord;
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = HashMap::new();
        let mut facet = Facet::root();
        for (ord, &n) in self.counts.iter().enumerate() {
            if n == 0 || self.reader.facet_from_ord(ord as u64, &mut facet).is_err() {
                continue;
            }
            if let [_, leaf, ..] = facet.to_path().as_slice() {
                *out.entry((*leaf).to_string()).or_insert(0) += u64::from(n);
            }
        }
        out
    }
}

/// The facet collectors of one search, added to the search's
/// `MultiCollector` so that hits and counts come from a single pass.
pub struct FacetPlan {
    province: FruitHandle<FacetCounts>,
    city: FruitHandle<HashMap<String, u64>>,
    org: FruitHandle<FacetCounts>,
    official: FruitHandle<HashMap<String, u64>>,
    program: FruitHandle<FacetCounts>,
    source: FruitHandle<FacetCounts>,
    speaker: FruitHandle<FacetCounts>,
}

impl FacetPlan {
    /// Adds the facet collectors to `multi`.
    pub fn add_to(multi: &mut MultiCollector) -> FacetPlan {
        let root = |field: &str| {
            let mut c = FacetCollector::for_field(field);
            c.add_facet(Facet::root());
            c
        };
        FacetPlan {
            province: multi.add_collector(root(names::REGION)),
            city: multi.add_collector(LeafCollector { field: names::REGION }),
            org: multi.add_collector(root(names::OFFICIAL)),
            official: multi.add_collector(LeafCollector { field: names::OFFICIAL }),
            program: multi.add_collector(root(names::PROGRAM)),
            source: multi.add_collector(root(names::SOURCE)),
            speaker: multi.add_collector(root(names::SPEAKER)),
        }
    }

    /// Reads the counts out of the search's fruits, at most `top` per facet.
    pub fn extract(self, fruits: &mut MultiFruit, top: usize) -> Facets {
        let level = |counts: FacetCounts| -> Vec<FacetCount> {
            let out = counts
                .get(Facet::root())
                .filter_map(|(facet, n)| {
                    let value = facet.to_path().first()?.to_string();
                    Some(FacetCount { value, count: n })
                })
                .collect();
            merge_and_rank(out, top)
        };
        let leaves = |counts: HashMap<String, u64>| -> Vec<FacetCount> {
            let out = counts.into_iter().map(|(value, count)| FacetCount { value, count });
            merge_and_rank(out.collect(), top)
        };
        Facets {
            province: level(self.province.extract(fruits)),
            city: leaves(self.city.extract(fruits)),
            org: level(self.org.extract(fruits)),
            official: leaves(self.official.extract(fruits)),
            program: level(self.program.extract(fruits)),
            source: level(self.source.extract(fruits)),
            speaker: level(self.speaker.extract(fruits)),
        }
    }
}

/// Adds up equal values (a person under two organisations), sorts by
/// descending count then value, keeps `top`.
fn merge_and_rank(mut counts: Vec<FacetCount>, top: usize) -> Vec<FacetCount> {
    counts.sort_by(|a, b| a.value.cmp(&b.value));
    let mut merged: Vec<FacetCount> = Vec::with_capacity(counts.len());
    for c in counts {
        match merged.last_mut() {
            Some(last) if last.value == c.value => last.count += c.count,
            _ => merged.push(c),
        }
    }
    merged.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    merged.truncate(top);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(v: &str, n: u64) -> FacetCount {
        FacetCount { value: v.into(), count: n }
    }

    #[test]
    fn equal_values_add_up_and_rank_by_count() {
        let ranked = merge_and_rank(vec![fc("B", 1), fc("A", 2), fc("B", 2), fc("C", 1)], 2);
        assert_eq!(ranked, [fc("B", 3), fc("A", 2)]);
    }
}
