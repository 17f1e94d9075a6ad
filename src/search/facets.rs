//! Facet counts for the matching articles, with tantivy's `FacetCollector`.
//!
//! Hierarchical facets need one collector per level: the region field is
//! counted at `/` (provinces) and under each province (cities); the official
//! field at `/` (organisations) and under each organisation (people).

use tantivy::collector::{FacetCollector, FacetCounts, FruitHandle, MultiCollector, MultiFruit};
use tantivy::schema::Facet;

use crate::error::Result;
use crate::index::{WartaIndex, names};
use crate::search::response::{FacetCount, Facets};

/// The facet collectors of one search, added to the search's
/// `MultiCollector` so that hits and counts come from a single pass.
pub struct FacetPlan {
    provinces: Vec<Facet>,
    orgs: Vec<Facet>,
    province: FruitHandle<FacetCounts>,
    city: FruitHandle<FacetCounts>,
    org: FruitHandle<FacetCounts>,
    official: FruitHandle<FacetCounts>,
    program: FruitHandle<FacetCounts>,
    source: FruitHandle<FacetCounts>,
    speaker: FruitHandle<FacetCounts>,
}

impl FacetPlan {
    /// Adds one collector per facet level to `multi`.
    pub fn add_to(index: &WartaIndex, multi: &mut MultiCollector) -> Result<FacetPlan> {
        let f = index.fields();
        let depth1 = |all: &[Facet]| -> Vec<Facet> {
            all.iter().filter(|x| x.to_path().len() == 1).cloned().collect()
        };
        let provinces = depth1(&index.facet_values(f.region)?);
        let orgs = depth1(&index.facet_values(f.official)?);
        let collector = |field: &str, parents: &[Facet]| {
            let mut c = FacetCollector::for_field(field);
            for p in parents {
                c.add_facet(p.clone());
            }
            c
        };
        let root = [Facet::root()];
        Ok(FacetPlan {
            province: multi.add_collector(collector(names::REGION, &root)),
            city: multi.add_collector(collector(names::REGION, &provinces)),
            org: multi.add_collector(collector(names::OFFICIAL, &root)),
            official: multi.add_collector(collector(names::OFFICIAL, &orgs)),
            program: multi.add_collector(collector(names::PROGRAM, &root)),
            source: multi.add_collector(collector(names::SOURCE, &root)),
            speaker: multi.add_collector(collector(names::SPEAKER, &root)),
            provinces,
            orgs,
        })
    }

    /// Reads the counts out of the search's fruits, at most `top` per facet.
    pub fn extract(self, fruits: &mut MultiFruit, top: usize) -> Facets {
        let level = |counts: FacetCounts, parents: &[Facet], depth: usize| -> Vec<FacetCount> {
            let mut out: Vec<FacetCount> = Vec::new();
            for parent in parents {
                for (facet, n) in counts.get(parent.clone()) {
                    if let Some(v) = facet.to_path().get(depth) {
                        out.push(FacetCount { value: v.to_string(), count: n });
                    }
                }
            }
            merge_and_rank(out, top)
        };
        let root = [Facet::root()];
        Facets {
            province: level(self.province.extract(fruits), &root, 0),
            city: level(self.city.extract(fruits), &self.provinces, 1),
            org: level(self.org.extract(fruits), &root, 0),
            official: level(self.official.extract(fruits), &self.orgs, 1),
            program: level(self.program.extract(fruits), &root, 0),
            source: level(self.source.extract(fruits), &root, 0),
            speaker: level(self.speaker.extract(fruits), &root, 0),
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
