//! A phrase that may have one inserted word anywhere in it, as one query:
//! `"Instruksi Presiden Nomor 2"` also finds "Instruksi Presiden (Inpres)
//! Nomor 2". The documents holding every term are found once and each one's
//! positions read once, rather than running a phrase query per wording (as
//! typed, and with a gap after each word), which would intersect the same
//! postings again for every wording.
//!
//! The score equals the sum of the scores of one phrase query per wording
//! (as typed; with a gap after the first word; after the second …): each
//! wording scores BM25 with its own count of occurrences and the phrase's
//! weight (the sum of its terms' idf).

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// The terms of a phrase (with their positions relative to the first), in
/// one field with positions, matched as written or with one word inserted
/// between two of them.
#[derive(Clone, Debug)]
pub(crate) struct GappedPhrase {
    terms: Vec<(usize, Term)>,
}

impl GappedPhrase {
    /// A phrase of two terms or more, in one field.
    pub(crate) fn new(terms: Vec<(usize, Term)>) -> Self {
        debug_assert!(terms.len() > 1);
        GappedPhrase { terms }
    }
}

/// The BM25 weight of a phrase of `terms` (the sum of their idf), or none
/// when scoring is off.
pub(super) fn phrase_bm25(
    terms: &[(usize, Term)],
    scoring: &EnableScoring<'_>,
) -> tantivy::Result<Option<Bm25Weight>> {
    let terms: Vec<Term> = terms.iter().map(|(_, t)| t.clone()).collect();
    Ok(match scoring {
        EnableScoring::Enabled { statistics_provider, .. } => {
            Some(Bm25Weight::for_terms(*statistics_provider, &terms)?)
        }
        EnableScoring::Disabled { .. } => None,
    })
}

/// Every document of the segment holding the phrase `terms` (exactly as
/// written: no inserted word), with its number of occurrences, in document
/// order.
pub(super) fn phrase_matches(
    reader: &SegmentReader,
    terms: &[(usize, Term)],
) -> tantivy::Result<Vec<(DocId, u32)>> {
    let mut out = Vec::new();
    if let Some(mut scorer) = open(reader, terms, false, None, 1.0)? {
        while scorer.doc != TERMINATED {
            out.push((scorer.doc, scorer.counts[0]));
            scorer.advance();
        }
    }
    Ok(out)
}

impl Query for GappedPhrase {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let bm25 = phrase_bm25(&self.terms, &scoring)?;
        Ok(Box::new(GappedWeight { terms: self.terms.clone(), bm25 }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (_, term) in &self.terms {
            visitor(term, true);
        }
    }
}

struct GappedWeight {
    terms: Vec<(usize, Term)>,
    bm25: Option<Bm25Weight>,
}

/// A scorer of the phrase `terms` in one segment, on its first match;
/// `None` when a term is not in the segment. With `gaps`, one inserted word
/// is allowed.
fn open(
    reader: &SegmentReader,
    terms: &[(usize, Term)],
    gaps: bool,
    bm25: Option<&Bm25Weight>,
    boost: Score,
) -> tantivy::Result<Option<GappedScorer>> {
    let field = terms[0].1.field();
    let inverted = reader.inverted_index(field)?;
    let mut postings = Vec::with_capacity(terms.len());
    for (pos, term) in terms {
        let Some(p) = inverted.read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
        else {
            return Ok(None);
        };
        postings.push((*pos as u32, p));
    }
    let fieldnorms = match bm25 {
        Some(_) => reader.fieldnorms_readers().get_field(field)?,
        None => None,
    };
    let fieldnorms = fieldnorms.unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
    // The rarest term leads the intersection.
    let lead = (0..postings.len()).min_by_key(|&i| postings[i].1.size_hint()).unwrap_or(0);
    let n = postings.len();
    let mut scorer = GappedScorer {
        postings,
        lead,
        bm25: bm25.map(|w| w.boost_by(boost)),
        gaps,
        // Not for `phrase_matches` (no gaps): kept counts are scored later.
        exists_only: bm25.is_none() && gaps,
        fieldnorms,
        doc: 0,
        score: 0.0,
        positions: vec![Vec::new(); n],
        counts: vec![0; n],
        rel: terms.iter().map(|(p, _)| *p as u32).collect(),
        tight: vec![true; n + 1],
        cursors: vec![0; 2 * n],
    };
    scorer.find(0);
    Ok(Some(scorer))
}

impl GappedWeight {
    fn gapped_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<GappedScorer>> {
        open(reader, &self.terms, true, self.bm25.as_ref(), boost)
    }
}

impl Weight for GappedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.gapped_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if let Some(mut scorer) = self.gapped_scorer(reader, 1.0)?
            && scorer.seek(doc) == doc
        {
            return Ok(Explanation::new("phrase, one inserted word allowed", scorer.score()));
        }
        Err(TantivyError::InvalidArgument(format!("document {doc} does not match")))
    }
}

struct GappedScorer {
    /// (position in the phrase, postings) of each term, in phrase order.
    postings: Vec<(u32, SegmentPostings)>,
    /// The postings that lead the intersection (the rarest term).
    lead: usize,
    bm25: Option<Bm25Weight>,
    /// Whether one inserted word is allowed.
    gaps: bool,
    /// Whether one occurrence is enough (not scored, not counted).
    exists_only: bool,
    fieldnorms: FieldNormReader,
    doc: DocId,
    score: Score,
    /// Positions of each term in the current document.
    positions: Vec<Vec<u32>>,
    /// Occurrences of each wording in the current document: `counts[0]` as
    /// written, `counts[g]` with a word inserted before term `g`.
    counts: Vec<u32>,
    /// Position of each term in the phrase.
    rel: Vec<u32>,
    /// Whether terms `0..i` are in place (`tight[0]` always).
    tight: Vec<bool>,
    /// Per term, a cursor in its positions as written (`2i`) and one word
    /// later (`2i + 1`).
    cursors: Vec<usize>,
}

impl GappedScorer {
    /// Moves to the first document at or after `target` holding the phrase.
    fn find(&mut self, mut target: DocId) -> DocId {
        'next: loop {
            let lead = &mut self.postings[self.lead].1;
            let doc = if lead.doc() < target { lead.seek(target) } else { lead.doc() };
            if doc == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            for i in 0..self.postings.len() {
                if i == self.lead {
                    continue;
                }
                let p = &mut self.postings[i].1;
                let at = if p.doc() < doc { p.seek(doc) } else { p.doc() };
                if at != doc {
                    target = at;
                    continue 'next;
                }
            }
            if self.matches(doc) {
                self.doc = doc;
                return doc;
            }
            target = doc + 1;
        }
    }

    /// Counts the wordings in `doc` (every postings list is on it) and
    /// scores them; whether any occurs.
    fn matches(&mut self, doc: DocId) -> bool {
        for (i, (_, p)) in self.postings.iter_mut().enumerate() {
            p.positions(&mut self.positions[i]);
        }
        self.counts.iter_mut().for_each(|c| *c = 0);
        let n = self.postings.len();
        // Starts only grow, so each term's positions are walked once: a
        // cursor for the term in place as written, one for it a word later.
        self.cursors.iter_mut().for_each(|c| *c = 0);
        let positions = &self.positions;
        let cursors = &mut self.cursors;
        let mut has = |i: usize, at: u32| {
            let list = &positions[i / 2];
            let c = &mut cursors[i];
            while *c < list.len() && list[*c] < at {
                *c += 1;
            }
            *c < list.len() && list[*c] == at
        };
        let rel = &self.rel;
        // `tight[i]`: terms 0..i in place as written; a gap before term g
        // then needs terms g.. one position later.
        let tight = &mut self.tight;
        for &first in &positions[0] {
            let Some(start) = first.checked_sub(rel[0]) else { continue };
            for i in 0..n {
                tight[i + 1] = tight[i] && has(2 * i, start + rel[i]);
            }
            if tight[n] {
                self.counts[0] += 1;
            }
            let mut shifted = self.gaps; // terms g..n one later
            for g in (1..n).rev() {
                shifted = shifted && has(2 * g + 1, start + rel[g] + 1);
                if !shifted {
                    break;
                }
                if tight[g] {
                    self.counts[g] += 1;
                }
            }
            if self.exists_only && self.counts.iter().any(|&c| c > 0) {
                break; // not scored: one occurrence is enough
            }
        }
        if self.counts.iter().all(|&c| c == 0) {
            return false;
        }
        self.score = match &self.bm25 {
            Some(w) => {
                let norm = self.fieldnorms.fieldnorm_id(doc);
                self.counts.iter().filter(|&&c| c > 0).map(|&c| w.score(norm, c)).sum()
            }
            None => 1.0,
        };
        true
    }
}

impl DocSet for GappedScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.find(self.doc + 1)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.find(target)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.postings[self.lead].1.size_hint()
    }
}

impl Scorer for GappedScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::scoring::tests::index_of;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, PhraseQuery};

    /// The phrase queries a gapped phrase stands for: as written and with a
    /// gap before each term from the second.
    fn wordings(terms: &[(usize, Term)]) -> BooleanQuery {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for gap in 0..terms.len() {
            let shifted: Vec<(usize, Term)> = terms
                .iter()
                .enumerate()
                .map(|(i, (p, t))| (if gap > 0 && i >= gap { p + 1 } else { *p }, t.clone()))
                .collect();
            clauses.push((Occur::Should, Box::new(PhraseQuery::new_with_offset(shifted))));
        }
        BooleanQuery::new(clauses)
    }

    #[test]
    fn matches_and_scores_as_the_wordings_it_replaces() {
        let (_dir, index) = index_of(&[
            ("A", "Ia pekerja yang bukan penerima upah."),
            ("B", "Ia pekerja bukan calon penerima upah. Pekerja bukan penerima upah lagi."),
            ("C", "Ia pekerja yang bukan calon penerima upah."),
            ("D", "Ia bukan pekerja penerima upah."),
            ("E", "Ia pekerja bukan penerima upah, pekerja bukan penerima upah."),
            ("F", "Pekerja dan penerima upah bukan."),
            ("G", "Upah penerima bukan pekerja."),
        ]);
        let field = index.fields().body_exact;
        let terms: Vec<(usize, Term)> = ["pekerja", "bukan", "penerima", "upah"]
            .iter()
            .enumerate()
            .map(|(i, t)| (i, Term::from_field_text(field, t)))
            .collect();
        let searcher = index.searcher();
        let top = TopDocs::with_limit(10).order_by_score();
        let ours = searcher.search(&GappedPhrase::new(terms.clone()), &top).unwrap();
        let theirs = searcher.search(&wordings(&terms), &top).unwrap();
        let ids = |hits: &[(f32, tantivy::DocAddress)]| {
            let mut ids: Vec<String> = hits
                .iter()
                .map(|(_, a)| {
                    let doc: tantivy::TantivyDocument = searcher.doc(*a).unwrap();
                    index.stored(&doc).unwrap().article.title.unwrap_or_default()
                })
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(&ours), ["A", "B", "E"], "one inserted word, not two, not another order");
        assert_eq!(ids(&ours), ids(&theirs));
        for (score, addr) in &ours {
            let other = theirs.iter().find(|(_, a)| a == addr).unwrap().0;
            assert!((score - other).abs() < 1e-4, "{addr:?}: {score} vs {other}");
        }
        // Counting without scores, and a phrase with a term no article holds.
        let count = tantivy::collector::Count;
        assert_eq!(searcher.search(&GappedPhrase::new(terms.clone()), &count).unwrap(), 3);
        let mut missing = terms.clone();
        missing.push((4, Term::from_field_text(field, "nelayan")));
        assert_eq!(searcher.search(&GappedPhrase::new(missing), &count).unwrap(), 0);
    }
}
