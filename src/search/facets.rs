//! Facet counts for the matching articles, in the search's single pass.
//!
//! Two small collectors do all the counting, on the facet column's term
//! ordinals: [`TopCollector`] counts each article once per first path
//! segment (a province, an organisation, a programme …), [`LeafCollector`]
//! counts second-level values (cities, people) and names only the ordinals
//! that were hit, in one sorted pass over the dictionary. tantivy's
//! `FacetCollector` needs every parent added one by one (quadratic in the
//! number of organisations) and decodes each counted value with a fresh
//! decompressor, which made facet counts the slowest part of a search.
//!
//! The first segment of every ordinal is read once per segment and field,
//! and kept (segments never change), so repeated searches pay nothing for it.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use tantivy::collector::{Collector, FruitHandle, MultiCollector, MultiFruit, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::names;
use crate::search::response::{FacetCount, Facets};

/// The first path segment of every ordinal of one segment's facet column.
struct Tops {
    /// Ordinal → index into `names`.
    of: Vec<u32>,
    /// First segments, in dictionary order.
    names: Vec<String>,
}

/// [`Tops`] by segment and field: segments are immutable.
type TopsCache = HashMap<(SegmentId, &'static str), Arc<Tops>>;
static TOPS: LazyLock<Mutex<TopsCache>> = LazyLock::new(Mutex::default);

/// The path segments of an encoded facet (`\0`-separated).
fn segments(encoded: &[u8]) -> impl Iterator<Item = &[u8]> {
    encoded.split(|b| *b == 0)
}

fn tops_of(reader: &SegmentReader, field: &'static str) -> tantivy::Result<Arc<Tops>> {
    let key = (reader.segment_id(), field);
    if let Some(t) = TOPS.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(t);
    }
    let facets = reader.facet_reader(field)?;
    let mut tops = Tops { of: Vec::with_capacity(facets.num_facets()), names: Vec::new() };
    let mut stream = facets.facet_dict().stream()?;
    let mut last: Vec<u8> = Vec::new();
    while stream.advance() {
        let top = segments(stream.key()).next().unwrap_or_default();
        if tops.names.is_empty() || top != last.as_slice() {
            last = top.to_vec();
            tops.names.push(String::from_utf8_lossy(top).into_owned());
        }
        tops.of.push(u32::try_from(tops.names.len() - 1).unwrap_or(u32::MAX));
    }
    let tops = Arc::new(tops);
    if let Ok(mut cache) = TOPS.lock() {
        cache.insert(key, tops.clone());
    }
    Ok(tops)
}

/// Per value, the number of matching articles.
type Counts = HashMap<String, u64>;

fn merge(parts: Vec<Counts>) -> Counts {
    let mut all = Counts::new();
    for part in parts {
        for (k, n) in part {
            *all.entry(k).or_insert(0) += n;
        }
    }
    all
}

/// Counts of the first-level values of a facet field (`/A/b` → `A`), each
/// article once per value.
pub struct TopCollector {
    field: &'static str,
}

/// One segment of a [`TopCollector`].
pub struct TopSegment {
    reader: FacetReader,
    tops: Arc<Tops>,
    counts: Vec<u32>,
}

impl Collector for TopCollector {
    type Fruit = Counts;
    type Child = TopSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<TopSegment> {
        let tops = tops_of(reader, self.field)?;
        let counts = vec![0; tops.names.len()];
        Ok(TopSegment { reader: reader.facet_reader(self.field)?, tops, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<Counts>) -> tantivy::Result<Counts> {
        Ok(merge(parts))
    }
}

impl SegmentCollector for TopSegment {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        // Ordinals come sorted, so the children of one value are adjacent.
        let mut previous = u32::MAX;
        for ord in self.reader.facet_ords(doc) {
            let top = self.tops.of.get(ord as usize).copied().unwrap_or(u32::MAX);
            if top != previous
                && let Some(c) = self.counts.get_mut(top as usize)
            {
                *c += 1;
            }
            previous = top;
        }
    }

    fn harvest(self) -> Counts {
        let names = &self.tops.names;
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| (names[i].clone(), u64::from(*n)))
            .collect()
    }
}

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
    type Fruit = Counts;
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

    fn merge_fruits(&self, parts: Vec<Counts>) -> tantivy::Result<Counts> {
        Ok(merge(parts))
    }
}

impl SegmentCollector for LeafSegment {
    type Fruit = Counts;

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

    fn harvest(self) -> Counts {
        let hit: Vec<(u64, u32)> =
            (0u64..).zip(self.counts.iter().copied()).filter(|(_, n)| *n > 0).collect();
        let ords: Vec<u64> = hit.iter().map(|(o, _)| *o).collect();
        let mut out = Counts::new();
        let mut i = 0;
        // One sorted pass over the dictionary names every hit ordinal.
        let _ = self.reader.facet_dict().sorted_ords_to_term_cb(&ords, |bytes| {
            if let (Some(leaf), Some((_, n))) = (segments(bytes).nth(1), hit.get(i)) {
                *out.entry(String::from_utf8_lossy(leaf).into_owned()).or_insert(0) +=
                    u64::from(*n);
            }
            i += 1;
        });
        out
    }
}

/// The facet collectors of one search, added to the search's
/// `MultiCollector` so that hits and counts come from a single pass.
pub struct FacetPlan {
    province: FruitHandle<Counts>,
    city: FruitHandle<Counts>,
    org: FruitHandle<Counts>,
    official: FruitHandle<Counts>,
    program: FruitHandle<Counts>,
    source: FruitHandle<Counts>,
    speaker: FruitHandle<Counts>,
}

impl FacetPlan {
    /// Adds the facet collectors to `multi`.
    pub fn add_to(multi: &mut MultiCollector) -> FacetPlan {
        let top = |field| TopCollector { field };
        FacetPlan {
            province: multi.add_collector(top(names::REGION)),
            city: multi.add_collector(LeafCollector { field: names::REGION }),
            org: multi.add_collector(top(names::OFFICIAL)),
            official: multi.add_collector(LeafCollector { field: names::OFFICIAL }),
            program: multi.add_collector(top(names::PROGRAM)),
            source: multi.add_collector(top(names::SOURCE)),
            speaker: multi.add_collector(top(names::SPEAKER)),
        }
    }

    /// Reads the counts out of the search's fruits, at most `top` per facet.
    pub fn extract(self, fruits: &mut MultiFruit, top: usize) -> Facets {
        let ranked = |counts: Counts| -> Vec<FacetCount> {
            let out = counts.into_iter().map(|(value, count)| FacetCount { value, count });
            merge_and_rank(out.collect(), top)
        };
        Facets {
            province: ranked(self.province.extract(fruits)),
            city: ranked(self.city.extract(fruits)),
            org: ranked(self.org.extract(fruits)),
            official: ranked(self.official.extract(fruits)),
            program: ranked(self.program.extract(fruits)),
            source: ranked(self.source.extract(fruits)),
            speaker: ranked(self.speaker.extract(fruits)),
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
