//! Facet counts for the matching articles, with tantivy's `FacetCollector`.
//!
//! Hierarchical facets need one collector per level: the region field is
//! counted at `/` (provinces) and under each province (cities); the official
//! field at `/` (organisations) and under each organisation (people).

use tantivy::collector::{FacetCollector, FacetCounts, MultiCollector};
use tantivy::query::Query;
use tantivy::schema::Facet;

use crate::error::Result;
use crate::index::{WartaIndex, names};
use crate::search::response::{FacetCount, Facets};

/// Counts per value, at most `top` values per facet.
pub fn count(index: &WartaIndex, query: &dyn Query, top: usize) -> Result<Facets> {
    let f = index.fields();
    let provinces: Vec<Facet> =
        index.facet_values(f.region)?.into_iter().filter(|x| x.to_path().len() == 1).collect();
    let orgs: Vec<Facet> =
        index.facet_values(f.official)?.into_iter().filter(|x| x.to_path().len() == 1).collect();

    let top_level = |field: &str| {
        let mut c = FacetCollector::for_field(field);
        c.add_facet(Facet::root());
        c
    };
    let children = |field: &str, parents: &[Facet]| {
        let mut c = FacetCollector::for_field(field);
        for p in parents {
            c.add_facet(p.clone());
        }
        c
    };
    let mut multi = MultiCollector::new();
    let province_h = multi.add_collector(top_level(names::REGION));
    let city_h = multi.add_collector(children(names::REGION, &provinces));
    let org_h = multi.add_collector(top_level(names::OFFICIAL));
    let person_h = multi.add_collector(children(names::OFFICIAL, &orgs));
    let program_h = multi.add_collector(top_level(names::PROGRAM));
    let source_h = multi.add_collector(top_level(names::SOURCE));
    let mut fruits = index.searcher().search(query, &multi)?;

    let level = |counts: &FacetCounts, parents: &[Facet], depth_index: usize| -> Vec<FacetCount> {
        let mut out: Vec<FacetCount> = Vec::new();
        for parent in parents {
            for (facet, n) in counts.get(parent.clone()) {
                if let Some(v) = facet.to_path().get(depth_index) {
                    out.push(FacetCount { value: v.to_string(), count: n });
                }
            }
        }
        merge_and_rank(out, top)
    };
    let root = [Facet::root()];
    Ok(Facets {
        province: level(&province_h.extract(&mut fruits), &root, 0),
        city: level(&city_h.extract(&mut fruits), &provinces, 1),
        org: level(&org_h.extract(&mut fruits), &root, 0),
        official: level(&person_h.extract(&mut fruits), &orgs, 1),
        program: level(&program_h.extract(&mut fruits), &root, 0),
        source: level(&source_h.extract(&mut fruits), &root, 0),
    })
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
