//! `StemmedWords`: the last three steps of the stemmed view (stopwords, stemming, lowercasing)
//! as one token filter with one memo lookup per token.
//!
//! Why: the three filters each looked at every token: the stopword check lowercased and hashed
//! it, the stemmer scanned its shape, lowercased it again and hashed it into its memo, and
//! `LowerCaser` scanned and lowercased it a third time. What the three make of a token depends
//! on its text alone, so this filter remembers the *final* result per source text (`Pekerja` →
//! `kerja`, `BPJS` → `bpjs`, `yang` → dropped): a word seen before costs one hash lookup.
//! Words are keyed as written, so `Pekerja` and `pekerja` are two entries; the memo is cleared
//! when it reaches [`CACHE_CAPACITY`] entries, which bounds memory on any input.
//!
//! The result equals [`StopWords`](super::stopwords::StopWords) →
//! [`IndonesianStemmer`] → `LowerCaser`, token for token (tested below on arbitrary text).

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::lowercase_into;
use super::spare_memos::{self, Tables};
use super::stem::{Dictionary, IndonesianStemmer, WordSet, has_protected_shape, stem};
use super::stopwords::is_stopword;
use super::word_table::WordTable;

/// Entries kept before the memo is cleared.
pub const CACHE_CAPACITY: usize = 200_000;

/// Bytes of memo terms kept before the memo is cleared (no word comes near it; it keeps a
/// term's offset below [`DROP`] and [`SAME`]).
const TERMS_CAPACITY: usize = 1 << 30;

/// Memo value: the token is a stopword.
const DROP: u64 = u64::MAX;
/// Memo value: the token comes out as it went in.
const SAME: u64 = u64::MAX - 1;

/// The stemmed view's stopwords, stemmer and lowercasing in one filter.
#[derive(Clone, Debug)]
pub struct StemmedWords {
    dict: Arc<Dictionary>,
    keep: Arc<WordSet>,
}

impl StemmedWords {
    /// The filter with the dictionary and protected words of `stemmer`.
    pub fn new(stemmer: &IndonesianStemmer) -> StemmedWords {
        let (dict, keep) = stemmer.parts();
        StemmedWords { dict, keep }
    }
}

impl TokenFilter for StemmedWords {
    type Tokenizer<T: Tokenizer> = StemmedWordsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemmedWordsFilter<T> {
        StemmedWordsFilter { inner: tokenizer, memo: Memo::new(self.dict, self.keep) }
    }
}

/// What the three filters make of each word seen, keyed by the word as written.
///
/// A memo has tables of its own; the shared steps' stream instead borrows its thread's tables
/// for the memo while it runs ([`Memo::borrow_tables`], [`Memo::give_back`], [`spare_memos`]),
/// so that every stemmed analyzer of a thread stems a word once.
#[derive(Debug)]
pub(super) struct Memo {
    dict: Arc<Dictionary>,
    keep: Arc<WordSet>,
    /// word → where its term lies in `terms` (offset << 32 | length), or [`DROP`] / [`SAME`].
    index: WordTable,
    /// The terms that differ from their words, one after another: the term of a word read
    /// from the memo is one load after the word's slot, from memory terms seen together share.
    terms: String,
    /// The term of a word new to the memo, while it is computed.
    scratch: String,
}

impl Clone for Memo {
    /// Same dictionary and protected words; the memo a new one would have.
    fn clone(&self) -> Memo {
        Memo::new(Arc::clone(&self.dict), Arc::clone(&self.keep))
    }
}

impl Drop for Memo {
    /// The tables stay on this thread for the next memo of the same dictionary.
    fn drop(&mut self) {
        self.give_back();
    }
}

impl Memo {
    pub(super) fn new(dict: Arc<Dictionary>, keep: Arc<WordSet>) -> Memo {
        Memo {
            dict,
            keep,
            index: WordTable::default(),
            terms: String::new(),
            scratch: String::new(),
        }
    }

    /// Takes this thread's tables of the memo's dictionary and protected words, if the memo's
    /// own are empty and the thread has some; [`give_back`](Self::give_back) returns them.
    pub(super) fn borrow_tables(&mut self) {
        if self.index.is_empty()
            && let Some(Tables { index, terms }) = spare_memos::take(&self.dict, &self.keep)
        {
            self.index = index;
            self.terms = terms;
        }
    }

    /// Leaves the memo's tables on this thread (the memo keeps empty ones).
    pub(super) fn give_back(&mut self) {
        let tables = Tables {
            index: std::mem::take(&mut self.index),
            terms: std::mem::take(&mut self.terms),
        };
        spare_memos::give(&self.dict, &self.keep, tables);
    }

    /// The stemmed view's term for a token whose text (after the steps before this filter)
    /// is `text`: `None` for a stopword.
    pub(super) fn term<'a>(&'a mut self, text: &'a str) -> Option<&'a str> {
        match self.slot(text) {
            DROP => None,
            SAME => Some(text),
            at => Some(self.stored(at)),
        }
    }

    /// The term stored at `at` (neither [`DROP`] nor [`SAME`]).
    #[inline(always)]
    fn stored(&self, at: u64) -> &str {
        let start = (at >> 32) as usize;
        &self.terms[start..start + (at as u32) as usize]
    }

    /// The memo value of `text`, computed on first sight.
    fn slot(&mut self, text: &str) -> u64 {
        if let Some(slot) = self.index.get(text) {
            return slot;
        }
        if self.index.len() >= CACHE_CAPACITY || self.terms.len() >= TERMS_CAPACITY {
            self.index.clear();
            self.terms.clear();
        }
        // The term is written to a buffer the memo keeps (no allocation per new word).
        let mut out = std::mem::take(&mut self.scratch);
        let slot = if !self.compute(text, &mut out) {
            DROP
        } else if out == text {
            SAME
        } else {
            // terms.len() < TERMS_CAPACITY < 2^31 and out.len() < 2^32 (a token's term):
            // both fit, and the offset half is never all ones as in DROP and SAME.
            let at = (self.terms.len() as u64) << 32 | out.len() as u64;
            self.terms.push_str(&out);
            at
        };
        self.scratch = out;
        self.index.insert(text, slot);
        slot
    }

    /// `StopWords`, then `IndonesianStemmer`, then `LowerCaser` on one token's text, the term
    /// written to `out`; false when it is a stopword.
    ///
    /// The stemmer lowercases a word as `LowerCaser` does ([`lowercase_into`]), so every word
    /// it passes unchanged (a protected shape, a word that is not plain a-z once lowercased)
    /// or lowercases (a protected word) comes out of the three as its lowercase; only a stem
    /// is lowercased again.
    fn compute(&self, text: &str, out: &mut String) -> bool {
        if is_stopword(text) {
            return false;
        }
        lowercase_into(out, text);
        if has_protected_shape(text)
            || !out.bytes().all(|b| b.is_ascii_lowercase())
            || self.keep.contains(out.as_str())
        {
            return true;
        }
        // Only a word new to the memo gets here, so one copy of its root costs little.
        let root = stem(out, &self.dict).into_owned();
        lowercase_into(out, &root);
        true
    }
}

/// The tokenizer produced by [`StemmedWords`]; each clone has its own memo.
#[derive(Clone, Debug)]
pub struct StemmedWordsFilter<T> {
    inner: T,
    memo: Memo,
}

impl<T: Tokenizer> Tokenizer for StemmedWordsFilter<T> {
    type TokenStream<'a> = StemmedWordsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemmedWordsStream { tail: self.inner.token_stream(text), memo: &mut self.memo }
    }
}

/// Token stream of [`StemmedWordsFilter`].
pub struct StemmedWordsStream<'a, T> {
    tail: T,
    memo: &'a mut Memo,
}

impl<T: TokenStream> TokenStream for StemmedWordsStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            match self.memo.slot(&token.text) {
                DROP => continue,
                SAME => {}
                at => {
                    token.text.clear();
                    token.text.push_str(self.memo.stored(at));
                }
            }
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer};

    use super::*;
    use crate::analysis::View;
    use crate::analysis::reduplication::Reduplication;
    use crate::analysis::stopwords::StopWords;
    use crate::analysis::tokenizer::WartaTokenizer;

    fn analyzers(protected: &[&str]) -> (TextAnalyzer, TextAnalyzer) {
        let protected: HashSet<String> = protected.iter().map(|s| s.to_string()).collect();
        let stemmer = IndonesianStemmer::new(Dictionary::shared_default(), Arc::new(protected));
        let base = || {
            TextAnalyzer::builder(WartaTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(AsciiFoldingFilter)
                .filter(Reduplication::default())
        };
        let three = base().filter(StopWords).filter(stemmer.clone()).filter(LowerCaser).build();
        let one = base().filter(StemmedWords::new(&stemmer)).build();
        (three, one)
    }

    use crate::test_support::token_tuples as tokens;

    #[test]
    fn equals_the_three_filters_on_news_text() {
        let (mut three, mut one) = analyzers(&["Medan", "kemnaker"]);
        let text = "Para Pekerja di MEDAN menerima perlindungan dari BPJS Ketenagakerjaan yang \
                    diberikan Kemnaker, dan pekerja-pekerja itu DAN Yang lain; Covid19 ÉTAT \
                    Müller İstanbul pekerja pekerja Pekerja 2024 Rp37,5 juta.";
        // Twice: the second pass is answered from the memo.
        for _ in 0..2 {
            assert_eq!(tokens(&mut one, text), tokens(&mut three, text));
        }
        let words: Vec<String> =
            tokens(&mut one, "Pekerja yang dilindungi BPJS").into_iter().map(|t| t.0).collect();
        assert_eq!(words, ["kerja", "lindung", "bpjs"]);
    }

    #[test]
    fn memo_is_bounded() {
        let mut memo = Memo::new(Dictionary::shared_default(), Arc::default());
        for i in 0..CACHE_CAPACITY + 10 {
            memo.slot(&format!("w{i}"));
        }
        assert_eq!(memo.index.len(), 10);
        // After clearing, answers are still right.
        assert_eq!(memo.term("Pekerja"), Some("kerja"));
        assert_eq!(memo.slot("yang"), DROP);
        assert_eq!(memo.slot("kerja"), SAME);
    }

    #[test]
    fn the_stemmed_analyzers_of_a_thread_share_one_memo() {
        let config = crate::analysis::AnalysisConfig::default();
        let (mut title, mut body) =
            (config.analyzer(View::Stemmed), config.analyzer(View::Stemmed));
        let words = |analyzer: &mut TextAnalyzer, text: &str| -> Vec<String> {
            tokens(analyzer, text).into_iter().map(|t| t.0).collect()
        };
        assert_eq!(words(&mut title, "Pekerja dilindungi"), ["kerja", "lindung"]);
        // The body's analyzer finds the title's words already in the thread's tables.
        let (dict, keep) = config.stemmer.parts();
        let tables = spare_memos::take(&dict, &keep).expect("given back after the stream");
        assert!(tables.index.get("Pekerja").is_some() && tables.index.get("dilindungi").is_some());
        spare_memos::give(&dict, &keep, tables);
        assert_eq!(words(&mut body, "pekerja Pekerja"), ["kerja", "kerja"]);
        assert_eq!(words(&mut title, "Pekerja yang"), ["kerja"]);
    }

    proptest! {
        #[test]
        fn equals_the_three_filters_on_any_text(
            words in prop::collection::vec(
                prop_oneof![
                    "[A-Za-z]{1,12}",
                    "(Pe|pe|ME|me|Di|di|ber|BER)(kerja|lindung|terima|bayar|Kerja)(an|kan|i|nya)?",
                    "(yang|Yang|YANG|dan|DAN|di|Di|ini|itu)",
                    "\\PC{1,8}",
                ],
                0..30,
            )
        ) {
            let (mut three, mut one) = analyzers(&["medan"]);
            let text = words.join(" ");
            prop_assert_eq!(tokens(&mut one, &text), tokens(&mut three, &text));
            prop_assert_eq!(tokens(&mut one, &text), tokens(&mut three, &text));
        }
    }
}
