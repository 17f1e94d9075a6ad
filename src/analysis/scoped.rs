//! Scoped terms: words indexed under a key, so that a query can ask for
//! words *of that key* only.
//!
//! `warta search --quoted-by Zainudin JHT` must match articles where
//! Zainudin said "JHT", not articles that mention JHT and quote Zainudin on
//! something else. Each quote is therefore indexed with its terms prefixed by
//! a key naming its speaker: `0|jht` (the index keys speakers by their slot
//! in the article, see `index::document::said_term`). The text handed to the
//! index is a list of records, each a key and a text:
//!
//! ```text
//! KEY \x1F TEXT \x1E KEY \x1F TEXT \x1E …
//! ```
//!
//! ([`encode`] writes it). The [`ScopedTokenizer`] runs a view's analyzer
//! over each record's text and prefixes every term with the record's key
//! ([`scoped_term`]); positions continue from record to record with a gap of
//! [`RECORD_GAP`], so that no phrase spans two records. The analysis runs on
//! the index writer's threads like any other field's, and the document
//! carries only the short text (a pre-tokenized field would carry every
//! token, and tens of thousands of documents wait in the writer's queue).
//!
//! The registered scoped analyzers are [`ScopedSteps`]: the same tokens as a
//! [`ScopedTokenizer`] over the view's [`SharedSteps`], with each term written
//! once, straight after its key in the token the index reads (the general form
//! copies every token of the inner analyzer into a token of its own, through
//! the inner analyzer's dynamic dispatch). Tested below against it.

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use super::shared::{SharedSteps, SharedStream};

/// Ends a record's key.
pub const KEY_END: char = '\u{1F}';
/// Ends a record.
pub const RECORD_END: char = '\u{1E}';
/// Positions left between two records, so that no phrase spans them.
pub const RECORD_GAP: usize = 16;

/// A scoped term: `zainudin|jht`.
pub fn scoped_term(key: &str, term: &str) -> String {
    format!("{key}|{term}")
}

/// Appends one record to `out`. The separators are control characters no
/// key has; any in `text` become spaces.
pub fn encode(out: &mut String, key: &str, text: &str) {
    out.push_str(key);
    out.push(KEY_END);
    // Both separators are ASCII: the text is copied whole between them.
    let mut rest = text;
    while let Some(i) = memchr::memchr2(KEY_END as u8, RECORD_END as u8, rest.as_bytes()) {
        out.push_str(&rest[..i]);
        out.push(' ');
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.push(RECORD_END);
}

/// The records of an encoded text: `(key, text, byte offset of text)`.
/// A record without a key end is skipped.
fn records(text: &str) -> impl Iterator<Item = (&str, &str, usize)> {
    let base = text.as_ptr() as usize;
    text.split(RECORD_END).filter_map(move |record| {
        let (key, body) = record.split_once(KEY_END)?;
        Some((key, body, body.as_ptr() as usize - base))
    })
}

/// Tokenizer of encoded records: the inner analyzer's terms, prefixed by
/// the record's key.
#[derive(Clone)]
pub struct ScopedTokenizer {
    inner: TextAnalyzer,
    /// The tokens of the last text; the first `len` are current. Tokens
    /// past `len` are kept so their text buffers are reused.
    tokens: Vec<Token>,
    len: usize,
}

impl ScopedTokenizer {
    /// Scopes the terms of `inner` (a view's analyzer).
    pub fn new(inner: TextAnalyzer) -> Self {
        ScopedTokenizer { inner, tokens: Vec::new(), len: 0 }
    }
}

impl Tokenizer for ScopedTokenizer {
    type TokenStream<'a> = ScopedTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ScopedTokenStream<'a> {
        let mut len = 0;
        let mut base = 0;
        for (key, body, offset) in records(text) {
            let mut last = base;
            let mut stream = self.inner.token_stream(body);
            while stream.advance() {
                let t = stream.token();
                last = base + t.position;
                if len == self.tokens.len() {
                    self.tokens.push(Token::default());
                }
                // The buffer of an earlier token is reused: no allocation per term.
                let out = &mut self.tokens[len];
                out.offset_from = offset + t.offset_from;
                out.offset_to = offset + t.offset_to;
                out.position = last;
                out.position_length = 1;
                out.text.clear();
                out.text.push_str(key);
                out.text.push('|');
                out.text.push_str(&t.text);
                len += 1;
            }
            base = last + RECORD_GAP;
        }
        self.len = len;
        ScopedTokenStream { tokens: &mut self.tokens[..len], next: 0 }
    }
}

/// The tokens of one encoded text.
pub struct ScopedTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl TokenStream for ScopedTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// [`ScopedTokenizer`] over [`SharedSteps`], fused (see the module documentation).
#[derive(Clone)]
pub struct ScopedSteps {
    steps: SharedSteps,
}

impl ScopedSteps {
    /// Scopes the terms of `steps` (a view's analysis as one tokenizer).
    pub fn new(steps: SharedSteps) -> Self {
        ScopedSteps { steps }
    }
}

impl Tokenizer for ScopedSteps {
    type TokenStream<'a> = ScopedStepsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ScopedStepsStream<'a> {
        ScopedStepsStream {
            text,
            next: 0,
            base: 0,
            last: None,
            shared: self.steps.token_stream(""),
        }
    }
}

/// The tokens of one encoded text, record by record.
pub struct ScopedStepsStream<'a> {
    text: &'a str,
    /// Byte offset of the next record in `text`; past its end when every record is read.
    next: usize,
    /// The position of the current record's first token (dropped or not).
    base: usize,
    /// The position of the current record's last token so far (`base` before its first);
    /// `None` before the first record.
    last: Option<usize>,
    /// The shared steps, over the current record's text.
    shared: SharedStream<'a>,
}

impl ScopedStepsStream<'_> {
    /// Moves to the next record with a key, as [`records`] finds them; false after the last.
    fn next_record(&mut self) -> bool {
        let text = self.text;
        while self.next <= text.len() {
            let start = self.next;
            let end = text[start..].find(RECORD_END).map_or(text.len(), |i| start + i);
            self.next = end + RECORD_END.len_utf8();
            let Some(key_len) = text[start..end].find(KEY_END) else { continue };
            if let Some(last) = self.last {
                self.base = last + RECORD_GAP;
            }
            self.last = Some(self.base);
            let body = start + key_len + KEY_END.len_utf8();
            let key = &text[start..start + key_len];
            self.shared.scope(text, body, end, [key, "|"], self.base.wrapping_sub(1));
            return true;
        }
        false
    }
}

impl TokenStream for ScopedStepsStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if self.last.is_some() && self.shared.advance() {
                self.last = Some(self.shared.token().position);
                return true;
            }
            if !self.next_record() {
                return false;
            }
        }
    }

    fn token(&self) -> &Token {
        self.shared.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.shared.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::analysis::{AnalysisConfig, View, collect};

    fn scoped(view: View, records: &[(&str, &str)]) -> Vec<(usize, String)> {
        let mut text = String::new();
        for (key, body) in records {
            encode(&mut text, key, body);
        }
        let mut analyzer = AnalysisConfig::default().scoped_analyzer(view);
        collect(&mut analyzer, &text).into_iter().map(|t| (t.position, t.term)).collect()
    }

    proptest::proptest! {
        #[test]
        fn encode_matches_the_char_by_char_copy(
            key in "[a-z0-9]{0,4}",
            text in "([a-z é]|[\\u{1E}\\u{1F}]|\\PC){0,60}"
        ) {
            let mut by_char = format!("x{RECORD_END}{key}{KEY_END}");
            by_char.extend(
                text.chars().map(|c| if c == KEY_END || c == RECORD_END { ' ' } else { c }),
            );
            by_char.push(RECORD_END);
            let mut out = format!("x{RECORD_END}");
            encode(&mut out, &key, &text);
            proptest::prop_assert_eq!(out, by_char);
        }
    }

    /// The registered (fused) scoped analyzer of each view, and the general form over the
    /// view's analyzer.
    fn pairs() -> [(TextAnalyzer, TextAnalyzer); 2] {
        let config = AnalysisConfig::default();
        View::ALL.map(|view| {
            (
                config.scoped_analyzer(view),
                TextAnalyzer::from(ScopedTokenizer::new(config.analyzer(view))),
            )
        })
    }

    /// Every view's fused form against the general one, twice (the second pass reuses the
    /// buffers and is answered from the memo).
    fn assert_same(text: &str) {
        for (mut fused, mut reference) in pairs() {
            for _ in 0..2 {
                assert_eq!(tokens(&mut fused, text), tokens(&mut reference, text), "{text:?}");
            }
        }
    }

    use crate::test_support::token_tuples as tokens;

    #[test]
    fn the_fused_form_equals_the_general_one() {
        let long = "a".repeat(crate::analysis::MAX_TOKEN_BYTES);
        let mut text = String::new();
        encode(
            &mut text,
            "0",
            "Para Pekerja-pekerja di MEDAN menerima Rp37,83 miliar, ÉTAT Élan-élan",
        );
        encode(&mut text, "zainudin", "yang dan");
        encode(&mut text, "", "");
        encode(&mut text, "1", &format!("kata {long} Lain é{long} serta"));
        text.push_str("no key\u{1E}\u{1F}x\u{1E}2\u{1F}BPJS-TK yang");
        assert_same(&text);
        assert_same("");
        assert_same("\u{1F}");
        assert_same("a\u{1F}dua kata");
        // A shorter text after a longer one, on one analyzer.
        for (mut fused, mut reference) in pairs() {
            for t in [text.as_str(), "b\u{1F}x\u{1E}", "", "c\u{1F}Yang Baru\u{1E}"] {
                assert_eq!(tokens(&mut fused, t), tokens(&mut reference, t), "{t:?}");
            }
        }
    }

    /// Records of generated keys and texts, with separators also inside keys and texts and
    /// records without a key end.
    fn encoded() -> impl Strategy<Value = String> {
        let text = prop_oneof![crate::test_support::indonesian_like_text(), "\\PC{0,60}"];
        let record = (
            "[0-9a-z_|]{0,4}",
            text,
            prop_oneof![Just("\u{1E}"), Just(""), Just("\u{1F}"), Just(" \u{1E}\u{1E}")],
        );
        prop::collection::vec(record, 0..6).prop_map(|records| {
            let mut out = String::new();
            for (key, text, end) in records {
                out.push_str(&key);
                out.push(KEY_END);
                out.push_str(&text);
                out.push_str(end);
            }
            out
        })
    }

    proptest! {
        #[test]
        fn the_fused_form_equals_the_general_one_on_generated_records(text in encoded()) {
            assert_same(&text);
        }

        #[test]
        fn the_fused_form_equals_the_general_one_on_any_text(text in "\\PC{0,200}") {
            assert_same(&text);
        }
    }

    #[test]
    fn terms_carry_their_record_key() {
        let tokens = scoped(View::Exact, &[("zainudin", "Klaim JHT naik"), ("anwar", "JKP")]);
        let terms: Vec<&str> = tokens.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(terms, ["zainudin|klaim", "zainudin|jht", "zainudin|naik", "anwar|jkp"]);
    }

    #[test]
    fn records_are_apart_by_the_gap() {
        let tokens = scoped(View::Exact, &[("a", "satu dua"), ("b", "tiga")]);
        let positions: Vec<usize> = tokens.iter().map(|(p, _)| *p).collect();
        assert_eq!(positions, [0, 1, 1 + RECORD_GAP]);
    }

    #[test]
    fn the_stemmed_view_stems_and_drops_stopwords_inside_records() {
        let tokens = scoped(View::Stemmed, &[("budi", "melindungi pekerja serta keluarga")]);
        let terms: Vec<&str> = tokens.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(terms, ["budi|lindung", "budi|kerja", "budi|keluarga"]);
    }

    #[test]
    fn offsets_point_at_the_record_text() {
        let mut text = String::new();
        encode(&mut text, "a", "satu");
        encode(&mut text, "bb", "dua tiga");
        let mut analyzer = TextAnalyzer::from(ScopedTokenizer::new(
            AnalysisConfig::default().analyzer(View::Exact),
        ));
        let words: Vec<&str> =
            collect(&mut analyzer, &text).iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["satu", "dua", "tiga"]);
    }

    #[test]
    fn a_shorter_text_after_a_longer_one_has_only_its_own_terms() {
        let mut analyzer = TextAnalyzer::from(ScopedTokenizer::new(
            AnalysisConfig::default().analyzer(View::Exact),
        ));
        let mut long = String::new();
        encode(&mut long, "panjang", "satu dua tiga empat");
        let mut short = String::new();
        encode(&mut short, "b", "x");
        assert_eq!(collect(&mut analyzer, &long).len(), 4);
        let terms: Vec<(usize, String)> =
            collect(&mut analyzer, &short).into_iter().map(|t| (t.position, t.term)).collect();
        assert_eq!(terms, [(0, "b|x".to_string())]);
    }

    #[test]
    fn separators_inside_a_text_become_spaces() {
        let mut text = String::new();
        encode(&mut text, "a", "x\u{1E}y\u{1F}z");
        assert_eq!(text, "a\u{1F}x y z\u{1E}");
    }

    #[test]
    fn text_without_records_has_no_tokens() {
        assert!(scoped(View::Exact, &[]).is_empty());
        let mut analyzer = TextAnalyzer::from(ScopedTokenizer::new(
            AnalysisConfig::default().analyzer(View::Exact),
        ));
        assert!(collect(&mut analyzer, "no key here").is_empty());
    }
}
