//! The documents of the phrases the query expansions search, kept between
//! searches of an index.
//!
//! An alias group or a thesaurus expression searches its names of several
//! words as phrases (`BPJS Ketenagakerjaan`, `pemerintah daerah`). Their
//! words are common, so a phrase query reads the positions of both words in
//! nearly every article, and did so in each pass of every search naming the
//! group. The names come from fixed tables (the built-in aliases and
//! thesaurus, a user's alias file), so the same few phrases recur: each one's
//! matching documents and occurrence counts are found once per segment (a
//! segment never changes; a rebuilt or updated index has new ones) and
//! replayed afterwards, scored with the search's own BM25 weights. A typed
//! quoted phrase is not kept: it is searched as typed.
//!
//! Where a search visits every article holding the phrase's words anyway
//! (the partial pass, `--match any`), the matches are found and kept the
//! first time; where the phrase is one alternative of a required word (the
//! counted pass), the first search runs a phrase query that looks only where
//! the other words lead it, and the matches are kept from the second search
//! on. Bounded: at most [`MAX_ENTRIES`] (document, count) pairs in all (8
//! bytes each); past that the cache starts over.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::query::{Bm25Weight, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use tantivy::query::PhraseQuery;

use super::gapped::{phrase_bm25, phrase_matches};

/// Most (document, count) pairs kept, over every phrase and segment (32 MB).
pub const MAX_ENTRIES: usize = 4_000_000;

/// Most phrases remembered as searched once (a phrase is kept from its
/// second search on where the query does not visit all its articles anyway).
const MAX_SEEN: usize = 100_000;

/// One phrase's matches in one segment: (document, occurrences), in
/// document order.
type Matches = Arc<Vec<(DocId, u32)>>;

/// The matches of expansion phrases, per segment (an index's state:
/// `WartaIndex::state`).
#[derive(Default)]
pub struct PhraseCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    map: HashMap<(SegmentId, Vec<(usize, Term)>), Matches>,
    /// Phrases searched once without keeping their matches: kept the next time.
    seen: HashSet<(SegmentId, Vec<(usize, Term)>)>,
    entries: usize,
}

impl PhraseCache {
    /// The matches of `terms` in `reader`'s segment, if kept, or if the
    /// phrase was searched there before (found now); `None` the first time.
    fn kept(
        &self,
        reader: &SegmentReader,
        terms: &[(usize, Term)],
    ) -> tantivy::Result<Option<Matches>> {
        let key = (reader.segment_id(), terms.to_vec());
        {
            let mut inner = self.lock();
            if let Some(found) = inner.map.get(&key) {
                return Ok(Some(found.clone()));
            }
            if inner.seen.len() < MAX_SEEN && inner.seen.insert(key) {
                return Ok(None);
            }
        }
        self.matches(reader, terms).map(Some)
    }

    /// The matches of `terms` in `reader`'s segment, found now if not kept.
    fn matches(&self, reader: &SegmentReader, terms: &[(usize, Term)]) -> tantivy::Result<Matches> {
        let key = (reader.segment_id(), terms.to_vec());
        if let Some(found) = self.lock().map.get(&key) {
            return Ok(found.clone());
        }
        let found: Matches = Arc::new(phrase_matches(reader, terms)?);
        let mut inner = self.lock();
        if inner.entries + found.len() > MAX_ENTRIES {
            inner.map.clear();
            inner.seen.clear();
            inner.entries = 0;
        }
        inner.entries += found.len();
        inner.map.insert(key, found.clone());
        Ok(found)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many (document, count) pairs are kept.
    pub fn entries(&self) -> usize {
        self.lock().entries
    }
}

/// A phrase (terms of one field with positions, relative to the first)
/// whose matches are kept in a [`PhraseCache`]; it matches and scores as a
/// tantivy phrase query.
#[derive(Clone)]
pub(crate) struct CachedPhrase {
    terms: Vec<(usize, Term)>,
    cache: Arc<PhraseCache>,
    /// Whether to find and keep the matches when they are not kept yet;
    /// otherwise, the first time, a tantivy phrase query searches only where
    /// the rest of the query leads it (a conjunction with a rarer word), and
    /// the matches are kept from the second time on.
    fill: bool,
}

impl std::fmt::Debug for CachedPhrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedPhrase").field("terms", &self.terms).finish()
    }
}

impl CachedPhrase {
    /// A phrase of two terms or more, in one field; with `fill`, its
    /// matches are found and kept when they are not kept yet.
    pub(crate) fn new(terms: Vec<(usize, Term)>, cache: Arc<PhraseCache>, fill: bool) -> Self {
        debug_assert!(terms.len() > 1);
        CachedPhrase { terms, cache, fill }
    }
}

impl Query for CachedPhrase {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = phrase_bm25(&self.terms, &scoring)?;
        let lazy = match self.fill {
            true => None,
            false => Some(PhraseQuery::new_with_offset(self.terms.clone()).weight(scoring)?),
        };
        Ok(Box::new(CachedWeight { phrase: self.clone(), bm25, lazy }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (_, term) in &self.terms {
            visitor(term, true);
        }
    }
}

struct CachedWeight {
    phrase: CachedPhrase,
    bm25: Option<Bm25Weight>,
    /// Without `fill`: the phrase query searched when the matches are not kept.
    lazy: Option<Box<dyn Weight>>,
}

impl CachedWeight {
    /// The kept matches in `reader`'s segment (found now with `fill`).
    fn replay(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Option<Replay>> {
        let matches = match self.phrase.fill {
            true => self.phrase.cache.matches(reader, &self.phrase.terms)?,
            false => match self.phrase.cache.kept(reader, &self.phrase.terms)? {
                Some(matches) => matches,
                None => return Ok(None),
            },
        };
        let field = self.phrase.terms[0].1.field();
        let fieldnorms = match self.bm25 {
            Some(_) => reader.fieldnorms_readers().get_field(field)?,
            None => None,
        };
        let fieldnorms =
            fieldnorms.unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        let bm25 = self.bm25.as_ref().map(|w| w.boost_by(boost));
        Ok(Some(Replay { matches, at: 0, bm25, fieldnorms }))
    }
}

impl Weight for CachedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        match (self.replay(reader, boost)?, &self.lazy) {
            (Some(replay), _) => Ok(Box::new(replay)),
            (None, Some(lazy)) => lazy.scorer(reader, boost),
            (None, None) => unreachable!("matches are found when not kept and there is no query"),
        }
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let Some(mut replay) = self.replay(reader, 1.0)? else {
            return match &self.lazy {
                Some(lazy) => lazy.explain(reader, doc),
                None => {
                    Err(TantivyError::InvalidArgument(format!("document {doc} does not match")))
                }
            };
        };
        if replay.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        Ok(Explanation::new("phrase (kept matches)", replay.score()))
    }
}

/// A phrase's kept matches, walked as a scorer.
struct Replay {
    matches: Matches,
    at: usize,
    bm25: Option<Bm25Weight>,
    fieldnorms: FieldNormReader,
}

impl DocSet for Replay {
    fn advance(&mut self) -> DocId {
        if self.at < self.matches.len() {
            self.at += 1;
        }
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.matches[self.at..];
        self.at += rest.partition_point(|(doc, _)| *doc < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.matches.get(self.at).map_or(TERMINATED, |(doc, _)| *doc)
    }

    fn size_hint(&self) -> u32 {
        u32::try_from(self.matches.len() - self.at).unwrap_or(u32::MAX)
    }
}

impl Scorer for Replay {
    fn score(&mut self) -> Score {
        match (&self.bm25, self.matches.get(self.at)) {
            (Some(w), Some((doc, count))) => w.score(self.fieldnorms.fieldnorm_id(*doc), *count),
            _ => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::scoring::tests::index_of;
    use tantivy::collector::{Count, TopDocs};

    #[test]
    fn kept_matches_score_as_the_phrase_query_and_are_found_once() {
        let (_dir, index) = index_of(&[
            ("A", "Pemerintah daerah menanggung iuran. Pemerintah daerah lain belum."),
            ("B", "Daerah dan pemerintah pusat berbagi biaya."),
            ("C", "Pemerintah daerah Bekasi mendaftarkan pekerja."),
            ("D", "Pekerja pasar mendaftar."),
        ]);
        let field = index.fields().body_exact;
        let terms: Vec<(usize, Term)> = ["pemerintah", "daerah"]
            .iter()
            .enumerate()
            .map(|(i, t)| (i, Term::from_field_text(field, t)))
            .collect();
        let cache = Arc::new(PhraseCache::default());
        let searcher = index.searcher();
        let top = TopDocs::with_limit(10).order_by_score();
        let theirs = searcher.search(&PhraseQuery::new_with_offset(terms.clone()), &top).unwrap();
        for fill in [false, true, false] {
            let kept = CachedPhrase::new(terms.clone(), cache.clone(), fill);
            let mut ours = searcher.search(&kept, &top).unwrap();
            assert_eq!(ours.len(), 2);
            ours.sort_by_key(|(_, a)| *a);
            let mut sorted = theirs.clone();
            sorted.sort_by_key(|(_, a)| *a);
            for ((s1, a1), (s2, a2)) in ours.iter().zip(&sorted) {
                assert_eq!(a1, a2);
                assert!((s1 - s2).abs() < 1e-4, "{s1} vs {s2}");
            }
            assert_eq!(searcher.search(&kept, &Count).unwrap(), 2);
        }
        // Kept once (when asked to fill), not once per search.
        assert_eq!(cache.entries(), 2);
    }

    #[test]
    fn a_search_answers_the_same_once_its_phrases_are_kept() {
        let (_dir, index) = index_of(&[
            (
                "Iuran pekerja miskin",
                "Pemerintah daerah menanggung iuran pekerja miskin di Bekasi.",
            ),
            ("Pekerja rentan", "Pemkot Bekasi menanggung iuran pekerja rentan."),
            ("Pekerja", "Pemerintah pusat mendaftarkan pekerja informal."),
            ("BPJS", "BPJS Ketenagakerjaan membayar santunan kepada pekerja."),
            ("Nelayan", "Nelayan di Ambon mendaftar."),
        ]);
        let answer = |q: &str| {
            let mut req = crate::search::SearchRequest::new(q);
            req.limit = 10;
            let r = crate::search::search(&index, &req).unwrap();
            let hits: Vec<(String, f32, bool)> =
                r.hits.iter().map(|h| (h.id.clone(), h.score, h.counted)).collect();
            (r.total, r.partial, hits)
        };
        for q in ["pemda tanggung iuran pekerja rentan", "Jamsostek santunan nelayan"] {
            let first = answer(q);
            assert!(first.1.is_some(), "{q}: partial hits follow");
            assert!(index.state::<PhraseCache>().entries() > 0, "{q}: the phrases are kept");
            // The second search keeps what the first searched only where led.
            assert_eq!(answer(q), first, "{q}");
            let kept = index.state::<PhraseCache>().entries();
            assert_eq!(answer(q), first, "{q}");
            assert_eq!(index.state::<PhraseCache>().entries(), kept, "{q}: found once");
        }
    }
}
