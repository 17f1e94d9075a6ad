//! One segment's side of the facet count: what a [`FacetCollector`]
//! counts while tantivy feeds it the segment's matches, and how it turns
//! them into [`Counts`] at harvest.
//!
//! A column read from its flat copy ([`Flat`]) only marks the matched
//! articles and counts them at harvest, from whichever side is smaller; a
//! column still read from tantivy's facet column, and every [`Mode`] other
//! than the search's plain count, counts article by article.
//!
//! [`FacetCollector`]: super::FacetCollector
//! [`Mode`]: super::Mode

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tantivy::collector::SegmentCollector;
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score};

use super::matched::Matched;
use super::tables::{Flat, NO_VALUE, Table, values_of};
use super::{ColumnCounts, Counts};
use crate::index::copies::{Copies, SegmentDocs};

/// One segment of a [`FacetCollector`].
pub struct FacetSegment {
    pub(super) columns: Vec<SegmentColumn>,
    pub(super) total: u64,
    /// Not the search's plain count: [`Mode`] asks for more.
    pub(super) general: bool,
    pub(super) per_article: bool,
    pub(super) stories: Option<SegmentStories>,
    pub(super) tops: Vec<u32>,
    pub(super) leaves: Vec<(u32, u32)>,
    pub(super) slots: Vec<Slot>,
    /// With a column read from its flat copy: the matched articles, counted
    /// at harvest (from the unmatched ones when they are fewer).
    pub(super) matched: Option<Matched>,
}

pub(super) struct SegmentColumn {
    pub(super) reader: FacetReader,
    pub(super) table: Arc<Table>,
    /// `table.flat`, when this search reads it.
    pub(super) flat: Option<Arc<Flat>>,
    pub(super) top: Option<Vec<u32>>,
    pub(super) leaf: Option<Vec<u32>>,
    pub(super) pairs: Option<HashMap<(u32, u32), u64>>,
    /// With `flat` of few sets: the articles counted per set of values,
    /// turned into value counts at harvest (else empty).
    pub(super) per_set: Vec<u32>,
    pub(super) want_top: bool,
    pub(super) want_leaf: bool,
    /// Per second-level id, the last article (+1) that counted it.
    pub(super) seen: Vec<u32>,
}

/// One counted value of a column, for the general path.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq)]
pub(super) enum Slot {
    Top(u32),
    Leaf(u32),
    Pair(u32, u32),
}

/// The stories of each counted value (story ids are strings: the segments'
/// sets are joined by [`FacetCollector::merge_fruits`]).
#[derive(Default)]
pub struct StorySets {
    pub(super) total: HashSet<Box<str>>,
    pub(super) columns: Vec<HashMap<Slot, HashSet<Box<str>>>>,
}

pub(super) struct SegmentStories {
    pub(super) copies: Arc<Copies>,
    pub(super) docs: SegmentDocs,
    pub(super) sets: StorySets,
}

/// What a segment counted: articles, or with [`Mode::stories`] the stories
/// of each value.
pub struct SegmentCounts {
    pub(super) counts: Counts,
    pub(super) stories: Option<StorySets>,
}

fn insert(set: &mut HashSet<Box<str>>, story: &str) {
    if !set.contains(story) {
        set.insert(story.into());
    }
}

impl FacetSegment {
    /// Every other [`Mode`]: the values of each column are listed as
    /// [`Slot`]s, then counted for the article or added to its story's sets.
    fn collect_general(&mut self, doc: DocId) {
        let FacetSegment { columns, per_article, stories, tops, leaves, slots, .. } = self;
        let story = stories.as_mut().map(|s| {
            let id = s.docs.id(doc).unwrap_or_default();
            let story = s.copies.story(&id).to_string();
            insert(&mut s.sets.total, &story);
            story
        });
        let stamp = doc.wrapping_add(1);
        for (i, c) in columns.iter_mut().enumerate() {
            tops.clear();
            leaves.clear();
            slots.clear();
            values_of(&c.reader, &c.table, doc, |t| tops.push(t), |t, l| leaves.push((t, l)));
            if c.want_top {
                slots.extend(tops.iter().map(|t| Slot::Top(*t)));
            }
            for &(t, l) in leaves.iter() {
                if c.pairs.is_some() && t != NO_VALUE {
                    slots.push(Slot::Pair(t, l));
                }
                if !c.want_leaf {
                    continue;
                }
                if *per_article {
                    match c.seen.get_mut(l as usize) {
                        Some(s) if *s == stamp => continue,
                        Some(s) => *s = stamp,
                        None => {}
                    }
                }
                slots.push(Slot::Leaf(l));
            }
            match (stories.as_mut(), story.as_deref()) {
                (Some(s), Some(story)) => {
                    for slot in slots.iter() {
                        insert(s.sets.columns[i].entry(*slot).or_default(), story);
                    }
                }
                _ => {
                    for slot in slots.iter() {
                        match *slot {
                            Slot::Top(t) => bump(&mut c.top, t),
                            Slot::Leaf(l) => bump(&mut c.leaf, l),
                            Slot::Pair(t, l) => {
                                if let Some(p) = c.pairs.as_mut() {
                                    *p.entry((t, l)).or_default() += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Adds `n` to the count of each of `ids` (ids past the end are not counted, as by [`bump`]).
fn add_to(counts: &mut [u32], ids: &[u32], n: u32) {
    for id in ids {
        if let Some(c) = counts.get_mut(*id as usize) {
            *c += n;
        }
    }
}

/// Counts a matched article in a column read from its flat copy: its set,
/// where sets are few (their ids are added at harvest), else its ids.
fn count_flat(c: &mut SegmentColumn, doc: DocId) {
    let Some(flat) = &c.flat else { return };
    let Some(set) = flat.set(doc) else { return };
    if !c.per_set.is_empty() {
        if let Some(n) = c.per_set.get_mut(set) {
            *n += 1;
        }
        return;
    }
    if c.top.is_some() {
        flat.top_of(set).iter().for_each(|id| bump(&mut c.top, *id));
    }
    if c.leaf.is_some() {
        flat.leaf_of(set).iter().for_each(|id| bump(&mut c.leaf, *id));
    }
}

/// Takes an unmatched article's ids off a column's counts started from the
/// segment's totals ([`from_totals`]).
fn uncount_flat(c: &mut SegmentColumn, doc: DocId) {
    let Some(flat) = &c.flat else { return };
    let Some(set) = flat.set(doc) else { return };
    let take = |counts: &mut Option<Vec<u32>>, ids: &[u32]| {
        for id in ids {
            if let Some(n) = counts.as_mut().and_then(|c| c.get_mut(*id as usize)) {
                *n = n.saturating_sub(1);
            }
        }
    };
    take(&mut c.top, flat.top_of(set));
    take(&mut c.leaf, flat.leaf_of(set));
}

/// Sets each counted id to the segment's total for it (ids past the end are
/// not counted, as by [`bump`]).
fn from_totals(counts: &mut Option<Vec<u32>>, totals: &[u32]) {
    for (i, n) in counts.iter_mut().flatten().enumerate() {
        *n = totals.get(i).copied().unwrap_or(0);
    }
}

fn bump(counts: &mut Option<Vec<u32>>, id: u32) {
    if let Some(n) = counts.as_mut().and_then(|c| c.get_mut(id as usize)) {
        *n += 1;
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.total += 1;
        if self.general {
            self.collect_general(doc);
            return;
        }
        for c in self.columns.iter_mut().filter(|c| c.flat.is_none()) {
            values_of(
                &c.reader,
                &c.table,
                doc,
                |id| bump(&mut c.top, id),
                |_, id| bump(&mut c.leaf, id),
            );
        }
        if let Some(matched) = &mut self.matched {
            matched.insert(doc);
        }
    }

    fn harvest(mut self) -> SegmentCounts {
        if let Some(matched) = self.matched.take() {
            // Whichever side is smaller: a search that matches most of the
            // segment takes the unmatched articles from the segment's totals.
            if self.total.saturating_mul(2) > u64::from(matched.max_doc()) {
                for c in &mut self.columns {
                    let Some(flat) = &c.flat else { continue };
                    from_totals(&mut c.top, flat.top_all());
                    from_totals(&mut c.leaf, flat.leaf_all());
                }
                matched.for_each(false, |doc| {
                    self.columns.iter_mut().for_each(|c| uncount_flat(c, doc))
                });
            } else {
                matched
                    .for_each(true, |doc| self.columns.iter_mut().for_each(|c| count_flat(c, doc)));
            }
        }
        for c in &mut self.columns {
            let Some(flat) = &c.flat else { continue };
            // Each set's ids, once per article counted with that set.
            for (set, &n) in c.per_set.iter().enumerate().filter(|(_, n)| **n > 0) {
                if let Some(top) = c.top.as_mut() {
                    add_to(top, flat.top_of(set), n);
                }
                if let Some(leaf) = c.leaf.as_mut() {
                    add_to(leaf, flat.leaf_of(set), n);
                }
            }
        }
        let wide = |v: Option<Vec<u32>>| v.unwrap_or_default().into_iter().map(u64::from).collect();
        let counts = Counts {
            total: self.total,
            columns: self
                .columns
                .into_iter()
                .map(|c| ColumnCounts {
                    top: wide(c.top),
                    leaf: wide(c.leaf),
                    pairs: c.pairs.unwrap_or_default(),
                })
                .collect(),
        };
        SegmentCounts { counts, stories: self.stories.map(|s| s.sets) }
    }
}
