//! Exports: every hit of a search, streamed in rank order with constant
//! memory. The query runs once per chunk of [`CHUNK`] hits; each pass keeps
//! only the keys (score or date, document address) of the best [`CHUNK`]
//! documents ranked after the last one written, and the hits are then read
//! and written one by one, so memory does not grow with the number of hits. With `dedup`, only the first (best-ranked) copy
//! of each story is written; the set of stories seen does grow with them.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

use tantivy::{DocAddress, DocId, Score, SegmentReader, TantivyDocument};

use crate::error::{Error, Result};
use crate::extract::Article;
use crate::index::WartaIndex;
use crate::index::copies::SegmentDocs;
use crate::search::analytics::{Visitor, visit};
use crate::search::{Analyzers, Hit, SearchRequest, Sort, select, to_hit};

/// Hits ranked per pass over the matches: 8192 keys of 24 bytes, a fixed
/// 200 kB whatever the number of hits.
pub const CHUNK: usize = 8192;

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
    size: usize,
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
        if self.heap.len() < self.size {
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
    export_in_chunks(index, req, CHUNK, false, &mut |hit, _| sink(hit))
}

/// [`export`], each hit with its stored article (the clean body, the
/// regional offices named, the credits): what an export needs beyond the hit.
pub fn export_with_article(
    index: &WartaIndex,
    req: &SearchRequest,
    sink: &mut dyn FnMut(Hit, Article) -> std::io::Result<()>,
) -> Result<u64> {
    export_in_chunks(index, req, CHUNK, true, &mut |hit, article| {
        sink(hit, article.unwrap_or_default())
    })
}

/// [`export`] with `size` hits per pass; the stored article is passed on
/// with `with_article`.
fn export_in_chunks(
    index: &WartaIndex,
    req: &SearchRequest,
    size: usize,
    with_article: bool,
    sink: &mut dyn FnMut(Hit, Option<Article>) -> std::io::Result<()>,
) -> Result<u64> {
    let size = size.max(1);
    let selection =
        select(index, &req.query, &req.filters, req.aliases.as_deref(), &req.quoted_by)?;
    let copies = index.copies()?;
    let searcher = index.searcher();
    let mut analyzers = Analyzers::new(index.analysis());
    let mut seen: HashSet<String> = HashSet::new();
    let (mut skipped, mut written) = (0usize, 0u64);
    let mut cursor = None;
    loop {
        let mut chunk =
            Chunk { size, sort: req.sort, cursor, heap: BinaryHeap::new(), docs: None, segment: 0 };
        visit(&searcher, &*selection.query, Some(&selection.floors), &mut chunk)?;
        let keys: Vec<Key> = chunk.heap.into_sorted_vec().into_iter().map(|w| w.0).collect();
        let last_pass = keys.len() < size;
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
            let article = with_article.then(|| stored.article.clone());
            let hit = to_hit(
                stored,
                key.score,
                &mut analyzers,
                &selection.highlights,
                req.snippets,
                &selection.speakers,
                &copies,
            );
            sink(hit, article).map_err(|e| Error::io("writing the export", e))?;
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
            size: 2,
            sort: Sort::Relevance,
            cursor: Some(key(5.0, 0)),
            heap: BinaryHeap::new(),
            docs: None,
            segment: 0,
        };
        c.doc(1, 9.0).unwrap(); // ranks before the cursor: already written
        c.doc(2, 3.0).unwrap();
        c.doc(3, 4.0).unwrap();
        c.doc(4, 1.0).unwrap(); // a full heap keeps the best two
        let sorted: Vec<u32> = c.heap.into_sorted_vec().iter().map(|w| w.0.addr.doc_id).collect();
        assert_eq!(sorted, [3, 2]);
    }

    /// A small index: 23 articles, "iuran" 1 to 5 times (many ties), some undated.
    fn index() -> (tempfile::TempDir, WartaIndex) {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir_all(&corpus).unwrap();
        let mut lines = String::new();
        for i in 0..23 {
            let words = "iuran ".repeat(i % 5 + 1);
            let date = if i % 4 == 0 { String::new() } else { format!("2021-0{}-01", i % 9 + 1) };
            let text = format!("Kota Contoh - Catatan {i} tentang {words}peserta.");
            let line =
                serde_json::json!({"title": format!("Nomor {i}"), "text": text, "date": date});
            lines.push_str(&format!("{line}\n"));
        }
        std::fs::write(corpus.join("a.jsonl"), lines).unwrap();
        let index_dir = dir.path().join("index");
        crate::index::build(&crate::index::BuildOptions::new(&corpus, &index_dir), &mut |_| {})
            .unwrap();
        let index = WartaIndex::open(&index_dir).unwrap();
        (dir, index)
    }

    fn ids(index: &WartaIndex, req: &SearchRequest, size: usize) -> Vec<String> {
        let mut out = Vec::new();
        export_in_chunks(index, req, size, false, &mut |h, _| {
            out.push(h.id);
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn small_chunks_give_the_same_hits_in_the_same_order_as_one_pass() {
        let (_dir, index) = index();
        for sort in [Sort::Relevance, Sort::Date] {
            let mut req = SearchRequest::new("iuran");
            req.sort = sort;
            req.limit = usize::MAX;
            let whole = ids(&index, &req, 1000);
            assert_eq!(whole.len(), 23);
            for size in [1, 3, 7] {
                assert_eq!(ids(&index, &req, size), whole, "{sort:?} by {size}");
            }
            // Relevance order agrees with search's own ranking.
            if sort == Sort::Relevance {
                let mut scores = Vec::new();
                export(&index, &req, &mut |h| {
                    scores.push(h.score);
                    Ok(())
                })
                .unwrap();
                let mut page = SearchRequest::new("iuran");
                page.limit = 5;
                let hits = crate::search::search(&index, &page).unwrap().hits;
                let top: Vec<f32> = hits.iter().map(|h| h.score).collect();
                assert_eq!(top, scores[..5]);
                assert!(scores.windows(2).all(|w| w[0] >= w[1]));
            }
            req.offset = 4;
            req.limit = 6;
            assert_eq!(ids(&index, &req, 3), whole[4..10]);
        }
    }
}
