//! `SharedSteps`: the steps both views share (tokenizer → RemoveLong → AsciiFolding →
//! Reduplication) as one tokenizer, optionally followed by the last step of a view: the exact
//! view's `LowerCaser` or the stemmed view's [`StemmedWords`](super::stemmed::StemmedWords).
//!
//! Why: as a chain of four token streams every token went through every step, and each step
//! looked at the token's text again: `RemoveLongFilter` its length, `AsciiFoldingFilter` every
//! byte for non-ASCII, `Reduplication` every byte for a hyphen, `LowerCaser` every byte again.
//! The tokenizer already knows most of that when it cuts the token ([`Span`]): whether it holds
//! a non-ASCII byte and whether it joined a hyphenated reduplication (no other token holds a
//! hyphen). For an ASCII token that joined nothing, which is nearly every token of news text,
//! folding and reduplication provably change nothing, so the token's text is copied once
//! (and lowercased for the exact view, if the tokenizer saw an uppercase letter in it) and
//! nothing else looks at it. Any other token goes
//! through the very steps of the chain (tantivy's `AsciiFoldingFilter` itself, then
//! [`base_len`], then `LowerCaser`'s lowercasing). The stemmed view's memo is asked with the
//! token's text where it lies in the analysed text, so a stopword is never copied and a
//! stemmed word is copied once, as its stem. Tokens, offsets and positions equal the chain's
//! (tested below against it on arbitrary and Indonesian-looking text).

use tantivy::tokenizer::{
    AsciiFoldingFilter, RawTokenizer, Token, TokenFilter, TokenStream, Tokenizer,
};

use super::MAX_TOKEN_BYTES;
use super::reduplication::{Reduplication, base_len};
use super::stemmed::Memo;
use super::tokenizer::{Scanner, Span};

/// tantivy's `AsciiFoldingFilter` over a tokenizer that gives its whole text as one token.
type Folder = <AsciiFoldingFilter as TokenFilter>::Tokenizer<RawTokenizer>;

/// What follows the shared steps.
#[derive(Clone, Debug)]
enum Last {
    /// Nothing: tokens come out as the shared steps leave them.
    Nothing,
    /// `LowerCaser` (the exact view).
    Lowercase,
    /// `StemmedWords` (the stemmed view), with its memo.
    Stem(Memo),
}

/// The shared steps of both views (see the module documentation).
#[derive(Clone)]
pub struct SharedSteps {
    last: Last,
    reduplication: Reduplication,
    token: Token,
    folder: Folder,
    /// Scratch space for [`base_len`].
    buffer: String,
    /// A token's text through folding and reduplication, before the last step (away from the
    /// token, which gets the last step's answer).
    word: String,
}

impl SharedSteps {
    /// The shared steps, followed by `LowerCaser` when `lowercase`.
    pub fn new(lowercase: bool) -> SharedSteps {
        SharedSteps::with_last(if lowercase { Last::Lowercase } else { Last::Nothing })
    }

    /// The shared steps followed by `StemmedWords` with `memo`: the stemmed view.
    pub(super) fn stemmed(memo: Memo) -> SharedSteps {
        SharedSteps::with_last(Last::Stem(memo))
    }

    fn with_last(last: Last) -> SharedSteps {
        SharedSteps {
            last,
            reduplication: Reduplication::default(),
            token: Token::default(),
            folder: AsciiFoldingFilter.transform(RawTokenizer::default()),
            buffer: String::new(),
            word: String::new(),
        }
    }
}

impl Tokenizer for SharedSteps {
    type TokenStream<'a> = SharedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SharedStream<'a> {
        self.token.reset();
        if let Last::Stem(memo) = &mut self.last {
            memo.borrow_tables();
        }
        SharedStream { text, scanner: Scanner::new(text), steps: self, keep: 0 }
    }
}

impl Drop for SharedStream<'_> {
    /// The memo's tables go back to the thread for the next stream of any stemmed analyzer.
    fn drop(&mut self) {
        if let Last::Stem(memo) = &mut self.steps.last {
            memo.give_back();
        }
    }
}

/// The token stream of [`SharedSteps`].
pub struct SharedStream<'a> {
    text: &'a str,
    scanner: Scanner<'a>,
    steps: &'a mut SharedSteps,
    /// Bytes at the start of the token's text kept before each term: a scoped term's key
    /// and its `|` ([`scope`](Self::scope)), or none.
    keep: usize,
}

impl<'a> SharedStream<'a> {
    /// Goes on with the tokens of `text[start..end]` (`start` and `end` char boundaries),
    /// each term written after `prefix`, positions counting on from `position` (the next
    /// token's is one more); offsets stay those in `text`.
    pub(super) fn scope(
        &mut self,
        text: &'a str,
        start: usize,
        end: usize,
        prefix: [&str; 2],
        position: usize,
    ) {
        self.text = text;
        self.scanner = Scanner::starting_at(text.get(..end).unwrap_or_default(), start);
        let token = &mut self.steps.token;
        token.text.clear();
        token.text.push_str(prefix[0]);
        token.text.push_str(prefix[1]);
        token.position = position;
        self.keep = token.text.len();
    }

    /// Folding, reduplication and the last step of a token that is not ASCII or holds a
    /// hyphen, exactly as the chain's filters do them, the term appended to the token's
    /// text; false when the last step drops it.
    #[cold]
    fn slow_path(&mut self, raw: &str, span: Span) -> bool {
        let steps = &mut *self.steps;
        let word = &mut steps.word;
        word.clear();
        if span.ascii {
            word.push_str(raw);
        } else {
            let mut folded = steps.folder.token_stream(raw);
            folded.advance();
            word.push_str(&folded.token().text);
        }
        if let Some(len) = base_len(word, steps.reduplication.predicate(), &mut steps.buffer) {
            word.truncate(len);
        }
        let text = &mut steps.token.text;
        match &mut steps.last {
            Last::Nothing => text.push_str(word),
            Last::Lowercase => {
                if word.is_ascii() {
                    let from = text.len();
                    text.push_str(word);
                    text[from..].make_ascii_lowercase();
                } else {
                    // As `LowerCaser`: char by char, without std's final-sigma rule.
                    text.extend(word.chars().flat_map(char::to_lowercase));
                }
            }
            Last::Stem(memo) => {
                let Some(term) = memo.term(word) else { return false };
                text.push_str(term);
            }
        }
        true
    }
}

impl TokenStream for SharedStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let token = &mut self.steps.token;
            // `truncate` checks for a char boundary; most streams keep nothing.
            if self.keep == 0 {
                token.text.clear();
            } else {
                token.text.truncate(self.keep);
            }
            token.position = token.position.wrapping_add(1);
            let Some(span) = self.scanner.next_span() else {
                return false;
            };
            // RemoveLongFilter: the token's position stays used.
            if span.end - span.start >= MAX_TOKEN_BYTES {
                continue;
            }
            token.offset_from = span.start;
            token.offset_to = span.end;
            let raw = self.text.get(span.start..span.end).unwrap_or_default();
            if !span.ascii || span.joined {
                if self.slow_path(raw, span) {
                    return true;
                }
                continue;
            }
            // Nothing to fold, no hyphen to reduplicate on.
            match &mut self.steps.last {
                Last::Nothing => token.text.push_str(raw),
                Last::Lowercase => {
                    token.text.push_str(raw);
                    if span.upper {
                        token.text[self.keep..].make_ascii_lowercase();
                    }
                }
                Last::Stem(memo) => match memo.term(raw) {
                    Some(term) => token.text.push_str(term),
                    None => continue,
                },
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.steps.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.steps.token
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, TextAnalyzer};

    use std::collections::HashSet;
    use std::sync::Arc;

    use super::*;
    use crate::analysis::stem::{Dictionary, IndonesianStemmer};
    use crate::analysis::stemmed::StemmedWords;
    use crate::analysis::tokenizer::WartaTokenizer;

    /// The stemmer of the tests: a few protected names, the built-in roots.
    fn stemmer() -> IndonesianStemmer {
        let protected: HashSet<String> =
            ["medan", "surabaya", "kemnaker", "bpjs"].iter().map(|s| s.to_string()).collect();
        IndonesianStemmer::new(Dictionary::shared_default(), Arc::new(protected))
    }

    /// The four steps as the chain of filters they replace, and the fused form, with each
    /// last step: none, `LowerCaser`, `StemmedWords`.
    fn pairs() -> [(TextAnalyzer, TextAnalyzer); 3] {
        let chain = || {
            TextAnalyzer::builder(WartaTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
                .filter(AsciiFoldingFilter)
                .filter(Reduplication::default())
        };
        let stemmer = stemmer();
        let (dict, keep) = stemmer.parts();
        [
            (TextAnalyzer::from(SharedSteps::new(false)), chain().build()),
            (TextAnalyzer::from(SharedSteps::new(true)), chain().filter(LowerCaser).build()),
            (
                TextAnalyzer::from(SharedSteps::stemmed(Memo::new(dict, keep))),
                chain().filter(StemmedWords::new(&stemmer)).build(),
            ),
        ]
    }

    use crate::test_support::token_tuples as tokens;

    /// Every fused form against its chain, twice each (the second pass reuses the buffers and
    /// is answered from the memo).
    fn assert_same(text: &str) {
        for (i, (mut fused, mut reference)) in pairs().into_iter().enumerate() {
            for _ in 0..2 {
                assert_eq!(
                    tokens(&mut fused, text),
                    tokens(&mut reference, text),
                    "{text:?} form {i}"
                );
            }
        }
    }

    #[test]
    fn equals_the_chain_on_news_text() {
        assert_same(
            "Para Pekerja di MEDAN menerima perlindungan dari BPJS Ketenagakerjaan, dan \
             pekerja-pekerja itu; Kupu-Kupu sehari-hari BPJS-TK e-KTP Covid19 Rp37,83 miliar \
             1.234.567,89 ÉTAT Müller İstanbul Élan-élan anak\u{2010}anak Teman-temannya \
             bahu-membahu Jum'at ke-2 Ng’ombe ½ ٣٤٥ 🙂 ΣΑΣ ﬁrma Straße. Yang DAN yang \
             Pekerja-pekerja diberikan Kemnaker di MEDAN; Ñañana-ñañana Dilindungi-lindungi.",
        );
    }

    #[test]
    fn long_tokens_are_dropped_and_keep_their_position() {
        let long = "a".repeat(MAX_TOKEN_BYTES);
        let text = format!("kata {long} Lain {}é {long}-{long}", &long[2..]);
        assert_same(&text);
        let mut fused = TextAnalyzer::from(SharedSteps::new(true));
        let got = tokens(&mut fused, &format!("kata {long} lain"));
        assert_eq!(got, [("kata".into(), 0, 0, 4), ("lain".into(), 2, 46, 50)]);
    }

    #[test]
    fn the_stemmed_form_drops_stopwords_and_stems() {
        let stemmer = stemmer();
        let (dict, keep) = stemmer.parts();
        let mut stemmed = TextAnalyzer::from(SharedSteps::stemmed(Memo::new(dict, keep)));
        let got = tokens(&mut stemmed, "Pekerja yang dilindungi BPJS");
        let terms: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(terms, ["kerja", "lindung", "bpjs"]);
        assert_eq!(got[1].1, 2);
    }

    #[test]
    fn lowercases_only_when_asked() {
        let mut exact = TextAnalyzer::from(SharedSteps::new(true));
        let mut plain = TextAnalyzer::from(SharedSteps::new(false));
        assert_eq!(tokens(&mut exact, "Pekerja-Pekerja ÉTAT")[1].0, "etat");
        assert_eq!(tokens(&mut plain, "Pekerja-Pekerja ÉTAT")[0].0, "Pekerja");
    }

    proptest! {
        #[test]
        fn equals_the_chain_on_any_text(text in "\\PC{0,300}") {
            assert_same(&text);
        }

        #[test]
        fn equals_the_chain_on_indonesian_looking_text(
            text in crate::test_support::indonesian_like_text(),
        ) {
            assert_same(&text);
        }
    }
}
