//! The articles of one segment a search matched, one bit each. Facet counts
//! are taken at harvest from whichever side is smaller: the matched articles,
//! or, when a search matches most of a segment, the articles it did not match,
//! taken from the segment's totals.

use tantivy::DocId;

/// A set of articles of one segment (below its `max_doc`).
pub(super) struct Matched {
    words: Vec<u64>,
    max_doc: DocId,
}

impl Matched {
    /// An empty set for a segment of `max_doc` articles.
    pub(super) fn new(max_doc: DocId) -> Matched {
        Matched { words: vec![0; (max_doc as usize).div_ceil(64)], max_doc }
    }

    /// The segment's number of articles (deleted ones included).
    pub(super) fn max_doc(&self) -> DocId {
        self.max_doc
    }

    /// Adds `doc` (ignored at or past `max_doc`).
    #[inline]
    pub(super) fn insert(&mut self, doc: DocId) {
        if let Some(w) = self.words.get_mut((doc / 64) as usize) {
            *w |= 1 << (doc % 64);
        }
    }

    /// Calls `f` with every article of the segment, in order, that is in the
    /// set (`inside` true) or not in it (`inside` false).
    pub(super) fn for_each(&self, inside: bool, mut f: impl FnMut(DocId)) {
        for (i, &word) in self.words.iter().enumerate() {
            let base = i as DocId * 64;
            let mut bits = if inside { word } else { !word };
            // The last word's bits past max_doc are not articles.
            let left = self.max_doc - base;
            if left < 64 {
                bits &= (1u64 << left) - 1;
            }
            while bits != 0 {
                f(base + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn listed(m: &Matched, inside: bool) -> Vec<DocId> {
        let mut out = Vec::new();
        m.for_each(inside, |d| out.push(d));
        out
    }

    #[test]
    fn word_edges_and_an_empty_segment() {
        let mut m = Matched::new(130);
        for d in [0, 63, 64, 127, 128, 129, 130, 500] {
            m.insert(d);
        }
        assert_eq!(listed(&m, true), [0, 63, 64, 127, 128, 129]);
        assert_eq!(listed(&m, false).len(), 130 - 6);
        assert!(!listed(&m, false).contains(&130));
        let empty = Matched::new(0);
        assert!(listed(&empty, true).is_empty() && listed(&empty, false).is_empty());
    }

    /// Articles in `files` JSON Lines files: each names a place, a programme
    /// and an official; all but every fifth say "pekerja".
    fn write_corpus(dir: &std::path::Path, files: usize, tag: &str) {
        let places = ["Surabaya", "Medan", "Makassar", "Kupang"];
        let people = ["Budi Hartono", "Sinta Lestari", "Agus Salim Putra"];
        for f in 0..files {
            let mut lines = String::new();
            for i in 0..25 {
                let n = f * 25 + i;
                let (place, person) = (places[n % 4], people[(n / 4) % 3]);
                let program = ["JHT", "JKK", "JKP"][n % 3];
                let who = if n % 5 == 0 { "nelayan" } else { "pekerja" };
                let text = format!(
                    "{place} - Kepala Dinas Tenaga Kerja Kota {place}, {person}, mengatakan klaim \
                     {program} {who} di {place} naik {tag}. \"Kami siap,\" kata {person}."
                );
                let title = format!("Klaim {program} {n} {tag}");
                lines.push_str(&format!("{}\n", serde_json::json!({"title": title, "text": text})));
            }
            std::fs::write(dir.join(format!("{f}.jsonl")), lines).unwrap();
        }
    }

    #[test]
    fn counts_from_either_side_equal_the_columns_with_deleted_articles() {
        use crate::index::{BuildOptions, WartaIndex, build};
        use crate::search::filters::FacetKind;
        use crate::search::{SearchRequest, search};
        let dir = tempfile::tempdir().unwrap();
        let (corpus, index_dir) = (dir.path().join("corpus"), dir.path().join("index"));
        std::fs::create_dir_all(&corpus).unwrap();
        write_corpus(&corpus, 6, "lama");
        let mut opts = BuildOptions::new(&corpus, &index_dir);
        opts.threads = 1;
        build(&opts, &mut |_| {}).unwrap();
        // Two files change: their old articles are deleted from the first
        // segment, their new ones written to another.
        let changed = tempfile::tempdir().unwrap();
        write_corpus(changed.path(), 2, "baru");
        for f in 0..2 {
            let name = format!("{f}.jsonl");
            std::fs::copy(changed.path().join(&name), corpus.join(&name)).unwrap();
        }
        build(&opts, &mut |_| {}).unwrap();
        let index = WartaIndex::open(&index_dir).unwrap();
        assert!(index.searcher().segment_readers().iter().any(|r| r.num_deleted_docs() > 0));
        // Most articles match `pekerja` (counted from the unmatched side),
        // few match `nelayan` or `Medan` (counted from the matched side).
        for query in ["pekerja", "nelayan", "Medan", "*"] {
            let mut req = SearchRequest::new(query);
            req.snippets = 0;
            req.facet_top = 100;
            // The first search reads the columns; later ones the flat copies.
            let first = search(&index, &req).unwrap();
            assert!(first.total > 0, "{query}");
            for kind in [FacetKind::Province, FacetKind::Official, FacetKind::Program] {
                assert!(!first.facets.of(kind).is_empty(), "{query} {kind:?}");
            }
            let programs: u64 = first.facets.of(FacetKind::Program).iter().map(|f| f.count).sum();
            assert_eq!(programs, first.total as u64, "{query}");
            for _ in 0..2 {
                assert_eq!(search(&index, &req).unwrap().facets, first.facets, "{query}");
            }
        }
    }

    proptest! {
        #[test]
        fn inside_and_outside_split_the_segment(
            max_doc in 0u32..300,
            docs in prop::collection::btree_set(0u32..320, 0..200),
        ) {
            let mut m = Matched::new(max_doc);
            for &d in &docs {
                m.insert(d);
            }
            let inside: BTreeSet<DocId> = docs.iter().copied().filter(|d| *d < max_doc).collect();
            prop_assert_eq!(listed(&m, true), inside.iter().copied().collect::<Vec<_>>());
            let outside: Vec<DocId> = (0..max_doc).filter(|d| !inside.contains(d)).collect();
            prop_assert_eq!(listed(&m, false), outside);
        }
    }
}
