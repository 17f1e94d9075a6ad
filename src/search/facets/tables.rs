//! Per segment and facet column, the map from term ordinals to value ids
//! (one id space per open index: [`FacetTables`], kept by the index), and
//! the value names behind the ids.
//!
//! Why: ordinals differ from segment to segment, and naming a value means a
//! read of the (compressed) facet dictionary. Each segment's dictionary is
//! read once, its ordinals mapped to ids ([`Table`]), and the table kept:
//! segments never change. From the second search that counts a column on,
//! a flat copy ([`Flat`]: each article's set of value ids, numbered, and
//! the ids of each distinct set) replaces the walk through tantivy's
//! multi-valued column (4 bytes per article and column, built in a few ms;
//! a one-off `warta search` never builds it).
//! At most [`MAX_TABLES`] tables are kept, the least recently used going
//! first.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::{DocId, SegmentReader};

use crate::fxhash::FxBuildHasher;

/// Value ids of one facet column and level, stable while the index is open.
#[derive(Default)]
pub(super) struct Names {
    ids: HashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

impl Names {
    fn id(&mut self, name: &[u8]) -> u32 {
        let name: Arc<str> = String::from_utf8_lossy(name).into();
        if let Some(&id) = self.ids.get(&name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }
}

/// No value at this level (a path with one segment has no leaf).
pub(super) const NO_VALUE: u32 = u32::MAX;

/// One segment's facet column: ordinal → value id, per level.
#[derive(Default)]
pub(super) struct Table {
    top: Vec<u32>,
    leaf: Vec<u32>,
    /// Searches that counted this column so far.
    uses: AtomicU32,
    /// Every article's value ids, built by the second search that counts the
    /// column (a one-off command never pays for it).
    flat: OnceLock<Arc<Flat>>,
}

/// The value ids of every article of a segment, as the number of its set of
/// values, and the ids of each distinct set. Where articles share few sets (a
/// province with its cities, a programme or two: [`Flat::few_sets`]),
/// counting a matching article is one array read and one increment
/// ([`Flat::set`]), and each set's ids are added once per segment, times the
/// articles counted with it ([`Flat::top_of`], [`Flat::leaf_of`]); elsewhere
/// each matching article's ids are counted through its set. Either way the
/// sums are those of counting every article's ids one by one.
pub(super) struct Flat {
    /// Per article, the number of its set.
    sets: Vec<u32>,
    /// Per set, its first-level value ids.
    top: Ranges,
    /// Per set, its second-level value ids (a value once per path).
    leaf: Ranges,
    /// Per first-level id, the segment's articles (deleted ones included)
    /// that hold it: the counts of a search that matches every article.
    top_all: Vec<u32>,
    /// The same per second-level id.
    leaf_all: Vec<u32>,
}

/// Per set, a range of `ids`.
#[derive(Default)]
struct Ranges {
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Ranges {
    fn close(&mut self) {
        self.starts.push(u32::try_from(self.ids.len()).unwrap_or(u32::MAX));
    }

    fn of(&self, set: usize) -> &[u32] {
        let at = |i: usize| self.starts.get(i).map_or(0, |s| *s as usize);
        self.ids.get(at(set)..at(set + 1)).unwrap_or_default()
    }

    /// Per id, the articles holding it, given each set's number of articles.
    fn totals(&self, set_sizes: &[u32]) -> Vec<u32> {
        let mut all = vec![0u32; self.ids.iter().max().map_or(0, |m| *m as usize + 1)];
        for (set, &n) in set_sizes.iter().enumerate() {
            for &id in self.of(set) {
                all[id as usize] += n;
            }
        }
        all
    }
}

impl Flat {
    /// The number of an article's set of values (below [`Flat::len`]).
    #[inline]
    pub(super) fn set(&self, doc: DocId) -> Option<usize> {
        self.sets.get(doc as usize).map(|s| *s as usize)
    }

    /// How many distinct sets the segment's articles have.
    pub(super) fn len(&self) -> usize {
        self.top.starts.len().saturating_sub(1)
    }

    /// Whether counting per set, then adding each counted set's ids once,
    /// costs less than adding every matching article's ids: when the sets
    /// are few (at most one per 4 articles; a column naming several people
    /// per article has nearly one set per article).
    pub(super) fn few_sets(&self) -> bool {
        self.len().saturating_mul(4) <= self.sets.len()
    }

    /// The first-level value ids of a set.
    pub(super) fn top_of(&self, set: usize) -> &[u32] {
        self.top.of(set)
    }

    /// The second-level value ids of a set.
    pub(super) fn leaf_of(&self, set: usize) -> &[u32] {
        self.leaf.of(set)
    }

    /// Per first-level id, the segment's articles that hold it.
    pub(super) fn top_all(&self) -> &[u32] {
        &self.top_all
    }

    /// Per second-level id, the segment's articles that hold it.
    pub(super) fn leaf_all(&self) -> &[u32] {
        &self.leaf_all
    }

    fn build(reader: &FacetReader, table: &Table, max_doc: DocId) -> Flat {
        let mut flat = Flat {
            sets: Vec::with_capacity(max_doc as usize),
            top: Ranges::default(),
            leaf: Ranges::default(),
            top_all: Vec::new(),
            leaf_all: Vec::new(),
        };
        flat.top.close();
        flat.leaf.close();
        let mut known: HashMap<(Vec<u32>, Vec<u32>), u32, FxBuildHasher> = HashMap::default();
        let mut key: (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        for doc in 0..max_doc {
            key.0.clear();
            key.1.clear();
            values_of(reader, table, doc, |id| key.0.push(id), |_, id| key.1.push(id));
            let set = match known.get(&key) {
                Some(&set) => set,
                None => {
                    let set = u32::try_from(known.len()).unwrap_or(u32::MAX);
                    flat.top.ids.extend_from_slice(&key.0);
                    flat.leaf.ids.extend_from_slice(&key.1);
                    flat.top.close();
                    flat.leaf.close();
                    known.insert(std::mem::take(&mut key), set);
                    set
                }
            };
            flat.sets.push(set);
        }
        let mut set_sizes = vec![0u32; flat.len()];
        for &set in &flat.sets {
            if let Some(n) = set_sizes.get_mut(set as usize) {
                *n += 1;
            }
        }
        flat.top_all = flat.top.totals(&set_sizes);
        flat.leaf_all = flat.leaf.totals(&set_sizes);
        flat
    }
}

/// The value ids of one article: each first-level value once, the second
/// level of each path (with the first-level id of its path).
pub(super) fn values_of(
    reader: &FacetReader,
    table: &Table,
    doc: DocId,
    mut top: impl FnMut(u32),
    mut leaf: impl FnMut(u32, u32),
) {
    let (mut last_ord, mut last_top) = (u64::MAX, NO_VALUE);
    for ord in reader.facet_ords(doc) {
        // Ordinals come sorted: a value's paths are adjacent.
        let i = usize::try_from(ord).unwrap_or(usize::MAX);
        let t = table.top.get(i).copied().unwrap_or(NO_VALUE);
        if t != last_top && t != NO_VALUE {
            top(t);
        }
        last_top = t;
        if ord != last_ord
            && let Some(&l) = table.leaf.get(i)
            && l != NO_VALUE
        {
            leaf(t, l);
        }
        last_ord = ord;
    }
}

/// Tables by segment and column (with the tick of their last use), and the
/// value ids by column and level.
#[derive(Default)]
struct Cache {
    tables: HashMap<(SegmentId, &'static str), (Arc<Table>, u64)>,
    names: HashMap<(&'static str, bool), Names>,
    tick: u64,
}

/// Tables kept at most (5 columns of 100 segments): the least recently used
/// go first, so a long-running process that opens rebuilt or other indexes
/// does not keep the tables of segments it no longer reads.
const MAX_TABLES: usize = 500;

impl Cache {
    fn get(&mut self, key: &(SegmentId, &'static str)) -> Option<Arc<Table>> {
        self.tick += 1;
        let tick = self.tick;
        self.tables.get_mut(key).map(|(t, used)| {
            *used = tick;
            t.clone()
        })
    }

    fn insert(&mut self, key: (SegmentId, &'static str), table: Arc<Table>) {
        if self.tables.len() >= MAX_TABLES
            && let Some(oldest) = self.tables.iter().min_by_key(|(_, (_, used))| *used)
        {
            let oldest = *oldest.0;
            self.tables.remove(&oldest);
        }
        self.tick += 1;
        self.tables.insert(key, (table, self.tick));
    }
}

/// The tables and value ids of one open index (kept by it:
/// `WartaIndex::state`), so two indexes in one process share nothing.
#[derive(Default)]
pub struct FacetTables(Mutex<Cache>);

/// The path segments of an encoded facet (`\0`-separated).
fn segments(encoded: &[u8]) -> impl Iterator<Item = &[u8]> {
    encoded.split(|b| *b == 0)
}

/// The table of one segment's column (built on first use), and the number
/// of top and leaf ids known at that moment (every id of the table is lower).
pub(super) fn table_of(
    tables: &FacetTables,
    reader: &SegmentReader,
    field: &'static str,
) -> tantivy::Result<(Arc<Table>, usize, usize)> {
    let mut guard = tables.0.lock().unwrap_or_else(PoisonError::into_inner);
    let cache = &mut *guard;
    let key = (reader.segment_id(), field);
    let table = match cache.get(&key) {
        Some(t) => t,
        None => {
            let facets = reader.facet_reader(field)?;
            let mut table = Table {
                top: Vec::with_capacity(facets.num_facets()),
                leaf: Vec::with_capacity(facets.num_facets()),
                ..Table::default()
            };
            let mut stream = facets.facet_dict().stream()?;
            let mut last: Option<(Vec<u8>, u32)> = None;
            while stream.advance() {
                let mut parts = segments(stream.key());
                let top = parts.next().unwrap_or_default();
                // Children of one value are adjacent: one lookup per value.
                let id = match &last {
                    Some((bytes, id)) if bytes.as_slice() == top => *id,
                    _ => {
                        let id = cache.names.entry((field, false)).or_default().id(top);
                        last = Some((top.to_vec(), id));
                        id
                    }
                };
                table.top.push(id);
                let leaf = parts.next().map_or(NO_VALUE, |leaf| {
                    cache.names.entry((field, true)).or_default().id(leaf)
                });
                table.leaf.push(leaf);
            }
            let table = Arc::new(table);
            cache.insert(key, table.clone());
            table
        }
    };
    let known = |leaf: bool| cache.names.get(&(field, leaf)).map_or(0, |n| n.names.len());
    Ok((table, known(false), known(true)))
}

impl Table {
    /// The flat copy of the column, from the second search that counts it on
    /// (built then).
    pub(super) fn flat_if_used(&self, reader: &FacetReader, max_doc: DocId) -> Option<Arc<Flat>> {
        let used = self.uses.fetch_add(1, Ordering::Relaxed) > 0;
        used.then(|| self.flat.get_or_init(|| Arc::new(Flat::build(reader, self, max_doc))).clone())
    }
}

/// The value names of every column and level, locked while a search reads them.
pub(super) struct NamesGuard<'a>(MutexGuard<'a, Cache>);

impl NamesGuard<'_> {
    /// The names of a column's first (`leaf` false) or second level, by value id.
    pub(super) fn of(&self, field: &'static str, leaf: bool) -> &[Arc<str>] {
        self.0.names.get(&(field, leaf)).map_or(&[], |n| n.names.as_slice())
    }
}

/// The value names, for turning counted ids back into strings.
pub(super) fn names(tables: &FacetTables) -> NamesGuard<'_> {
    NamesGuard(tables.0.lock().unwrap_or_else(PoisonError::into_inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_tables_go_first() {
        let mut cache = Cache::default();
        let keys: Vec<(SegmentId, &'static str)> =
            (0..=MAX_TABLES).map(|_| (SegmentId::generate_random(), "region")).collect();
        for key in &keys[..MAX_TABLES] {
            cache.insert(*key, Arc::default());
        }
        assert!(cache.get(&keys[0]).is_some());
        cache.insert(keys[MAX_TABLES], Arc::default());
        assert_eq!(cache.tables.len(), MAX_TABLES);
        // The first key was used again: the second is the oldest.
        assert!(cache.get(&keys[0]).is_some() && cache.get(&keys[1]).is_none());
    }

    #[test]
    fn names_get_one_id_each() {
        let mut n = Names::default();
        assert_eq!((n.id(b"Jawa Timur"), n.id(b"Aceh"), n.id(b"Jawa Timur")), (0, 1, 0));
        assert_eq!(n.id(b"\xff"), 2);
        assert_eq!(n.names[2].as_ref(), "\u{fffd}");
    }
}
