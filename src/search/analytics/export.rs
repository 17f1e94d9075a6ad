//! Exports: every hit of a search, streamed in rank order with constant
//! memory. The query runs once per chunk of [`CHUNK`] hits; each pass keeps
//! only the best [`CHUNK`] documents ranked after the last one written (a
//! cursor of score or date, then document address), so memory does not grow
//! with the number of hits. With `dedup`, only the first (best-ranked) copy
//! of each story is written; the set of stories seen does grow with them.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

use tantivy::{DocAddress, DocId, Score, SegmentReader, TantivyDocument};

use crate::analysis::View;
use crate::error::{Error, Result};
use crate::index::WartaIndex;
use crate::index::copies::{Copies, SegmentDocs};
use crate::search::analytics::{Visitor, visit};
use crate::search::{Analyzers, Hit, SearchRequest, Sort, select, to_hit};

/// Hits read per pass over the matches.
pub const CHUNK: usize = 512;

/// Where a document ranks.
#[derive(Clone, Copy, Debug)]
struct Key {
    /// Score or date (seconds; undated = -inf).
    primary: f64,
    score: f32,
    addr: DocAddress,
}

/// `Less` ranks first.
fn rank(a: &Key, b: &Key) -> Ordering {
    b.primary
        .total_cmp(&a.primary)
        .then_with(|| b.score.total_cmp(&a.score))
        .then_with(|| a.addr.cmp(&b.addr))
}

/// Max-heap entry: the worst-ranked key on top.
struct Worst(Key);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        rank(&self.0, &other.0).is_eq()
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        rank(&self.0, &other.0)
    }
}

/// One pass: the best `CHUNK` keys ranked after `cursor`.
struct Chunk {
    sort: Sort,
    cursor: Option<Key>,
    heap: BinaryHeap<Worst>,
    docs: Option<SegmentDocs>,
    segment: u32,
}

impl Visitor for Chunk {
    fn segment(&mut self, ord: u32, reader: &SegmentReader) -> Result<()> {
        self.segment = ord;
        self.docs = match self.sort {
            Sort::Date => Some(SegmentDocs::open(reader)?),
            Sort::Relevance => None,
        };
        Ok(())
    }

    fn doc(&mut self, doc: DocId, score: Score) -> Result<()> {
        let primary = match &self.docs {
            Some(docs) => docs.date(doc).map_or(f64::NEG_INFINITY, |d| d as f64),
            None => f64::from(score),
        };
        let key = Key { primary, score, addr: DocAddress::new(self.segment, doc) };
        if self.cursor.is_some_and(|c| rank(&c, &key) != Ordering::Less) {
            return Ok(());
        }
        if self.heap.len() < CHUNK {
            self.heap.push(Worst(key));
        } else if self.heap.peek().is_some_and(|w| rank(&key, &w.0) == Ordering::Less) {
            self.heap.pop();
            self.heap.push(Worst(key));
        }
        Ok(())
    }
}

/// Streams the hits of `req` (from `offset`, at most `limit`; pass
/// `usize::MAX` for every hit) to `sink`, in rank order. Returns how many
/// were written.
pub fn export(
    index: &WartaIndex,
    req: &SearchRequest,
    sink: &mut dyn FnMut(Hit) -> std::io::Result<()>,
) -> Result<u64> {
    let selection =
        select(index, &req.query, &req.filters, req.aliases.as_deref(), &req.quoted_by)?;
    let copies = Copies::load(index.dir())?;
    let searcher = index.searcher();
    let mut analyzers =
        Analyzers { exact: index.analyzer(View::Exact), stemmed: index.analyzer(View::Stemmed) };
    let mut seen: HashSet<String> = HashSet::new();
    let (mut skipped, mut written) = (0usize, 0u64);
    let mut cursor = None;
    loop {
        let mut chunk =
            Chunk { sort: req.sort, cursor, heap: BinaryHeap::new(), docs: None, segment: 0 };
        visit(&searcher, &*selection.query, true, &mut chunk)?;
        let keys: Vec<Key> = chunk.heap.into_sorted_vec().into_iter().map(|w| w.0).collect();
        let last_pass = keys.len() < CHUNK;
        cursor = keys.last().copied();
        for key in keys {
            let doc: TantivyDocument = searcher.doc(key.addr)?;
            let stored = index.stored(&doc)?;
            if req.dedup && !seen.insert(copies.story(&stored.id).to_string()) {
                continue;
            }
            if skipped < req.offset {
                skipped += 1;
                continue;
            }
            if written as usize >= req.limit {
                return Ok(written);
            }
            let hit = to_hit(
                stored,
                key.score,
                &mut analyzers,
                &selection.highlights,
                req.snippets,
                &selection.speakers,
                &copies,
            );
            sink(hit).map_err(|e| Error::io("writing the export", e))?;
            written += 1;
        }
        if last_pass {
            return Ok(written);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(primary: f64, doc: u32) -> Key {
        Key { primary, score: primary as f32, addr: DocAddress::new(0, doc) }
    }

    #[test]
    fn higher_first_then_document_order() {
        assert_eq!(rank(&key(2.0, 5), &key(1.0, 0)), Ordering::Less);
        assert_eq!(rank(&key(1.0, 0), &key(1.0, 1)), Ordering::Less);
        assert_eq!(rank(&key(f64::NEG_INFINITY, 0), &key(0.0, 9)), Ordering::Greater);
    }

    #[test]
    fn the_heap_keeps_the_best_and_pops_the_worst() {
        let mut c = Chunk {
            sort: Sort::Relevance,
            cursor: Some(key(5.0, 0)),
            heap: BinaryHeap::new(),
            docs: None,
            segment: 0,
        };
        c.doc(1, 9.0).unwrap(); // ranks before the cursor: already written
        c.doc(2, 3.0).unwrap();
        c.doc(3, 4.0).unwrap();
        let sorted: Vec<u32> = c.heap.into_sorted_vec().iter().map(|w| w.0.addr.doc_id).collect();
        assert_eq!(sorted, [3, 2]);
    }
}
