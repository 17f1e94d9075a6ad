//! `WartaTokenizer`: cuts Indonesian news text into words and numbers.
//!
//! It splits like tantivy's `SimpleTokenizer` (runs of alphanumeric
//! characters), with three exceptions that matter for Indonesian news:
//!
//! * **Numbers keep their Indonesian punctuation.** A run of ASCII digits
//!   continues over a single `.` or `,` when a digit follows it, so `37,83`,
//!   `8.000`, `1.234.567,89`, `415.4`, `2024` and `45,34` (from `45,34%`) are
//!   one token each, written as in the source. A `.` or `,` that is not between
//!   two digits is not part of the number (`2024.` → `2024`, `.5` → `5`), and
//!   neither is a sign or a `%`. Digit lists written without spaces (`1,2,3`)
//!   become one token: a rare cost of the rule.
//! * **Letters and digits are split where they meet**, in both directions:
//!   `Rp37,83` → `Rp` `37,83`, `Rp6,6` → `Rp` `6,6`, `PP44` → `PP` `44`,
//!   `B20` → `B` `20`, `x86` → `x` `86`, `Covid19` → `Covid` `19`,
//!   `4G` → `4` `G`, `Liputan6` → `Liputan` `6`. We chose one rule for every
//!   mixed token rather than a list of exceptions because the same thing is
//!   written `PP44`, `PP 44` and `PP-44`, or `Covid19`, `Covid-19` and
//!   `COVID 19`: with the split all of them give the same tokens at
//!   consecutive positions, so a query in any spelling (analysed by the same
//!   tokenizer, hence a phrase of two tokens) finds them all. The stemmer never
//!   sees digits, and an amount's number is searchable on its own. "Digit"
//!   means an ASCII digit; other numeric characters (`²`, `٣`) count as
//!   letters.
//! * **Hyphenated reduplication stays one token, hyphen included**:
//!   `pekerja-pekerja`, `Teman-temannya`, `kupu-kupu`, `sehari-hari`,
//!   `bersama-sama`, `berlari-lari`, `sebaik-baiknya`, `bahu-membahu`,
//!   `tolong-menolong` ([`repeated_len`] decides what counts as one). The
//!   [`Reduplication`](super::reduplication::Reduplication) filter later
//!   reduces it to its base, or keeps it whole when it is lexicalised
//!   (`kupu-kupu`, `undang-undang`, and `sehari-hari`, "daily", which must
//!   not turn into `hari`, "day"). Every other hyphenated word splits at the hyphen:
//!   `BPJS-TK` → `BPJS` `TK`, `e-KTP` → `e` `KTP`, `Covid-19` → `Covid` `19`,
//!   `gotong-royong` → `gotong` `royong`. The hyphen may be `-`, U+2010 or
//!   U+2011.
//!
//! Offsets are byte offsets into the original text, always on char
//! boundaries, and the token text is exactly `&text[offset_from..offset_to]`.
//! Positions are consecutive from 0. The tokenizer works on bytes with a
//! lookup table for ASCII and decodes a char only for non-ASCII bytes; it
//! allocates nothing per character (the token's `String` is reused). Every
//! byte is looked at a bounded number of times: a hyphenated word's second
//! part is scanned at most twice.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::letter_run::{CLASS, DIGIT, LETTER, OTHER, ascii_letters_end};
use super::reduplication::repeated_len;

/// Splits text into words, numbers and hyphenated reduplications.
#[derive(Clone, Default)]
pub struct WartaTokenizer {
    token: Token,
}

/// The token stream of a [`WartaTokenizer`].
pub struct WartaTokenStream<'a> {
    scanner: Scanner<'a>,
    token: &'a mut Token,
}

impl Tokenizer for WartaTokenizer {
    type TokenStream<'a> = WartaTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WartaTokenStream<'a> {
        self.token.reset();
        WartaTokenStream { scanner: Scanner::new(text), token: &mut self.token }
    }
}

/// A token found by a [`Scanner`]: its byte range in the text, and what the steps after
/// the tokenizer need to know about it without looking at it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    /// Byte offset of the token's start.
    pub start: usize,
    /// Byte offset just past the token's end.
    pub end: usize,
    /// Every byte of the token is ASCII.
    pub ascii: bool,
    /// The token may hold an ASCII uppercase letter (when false it holds none).
    pub upper: bool,
    /// The token is a hyphenated reduplication joined into one (it holds a hyphen; no other
    /// token does).
    pub joined: bool,
}

/// The tokenizer's cutting, without a `Token`: the spans of the tokens of a text, in order.
pub(super) struct Scanner<'a> {
    text: &'a str,
    /// Byte offset where the search for the next token starts; always a char boundary.
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str) -> Scanner<'a> {
        Scanner { text, pos: 0 }
    }

    /// The spans of the tokens of `text[pos..]` (`pos` a char boundary): those `new(text)` would
    /// find there if `text` began at `pos` (the scan never looks back), offsets in `text`.
    pub(super) fn starting_at(text: &'a str, pos: usize) -> Scanner<'a> {
        Scanner { text, pos }
    }

    /// The char starting at `pos` (a char boundary), if any.
    #[inline]
    fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..)?.chars().next()
    }

    /// The next token, or `None` at the end of the text.
    #[inline(always)]
    pub(super) fn next_span(&mut self) -> Option<Span> {
        let bytes = self.text.as_bytes();
        let mut pos = self.pos;
        loop {
            let Some(&b) = bytes.get(pos) else {
                self.pos = pos;
                return None;
            };
            let span = match CLASS[usize::from(b)] {
                OTHER => {
                    pos += 1;
                    continue;
                }
                LETTER => self.word(pos, true),
                DIGIT => {
                    let end = self.number_end(pos);
                    Span { start: pos, end, ascii: true, upper: false, joined: false }
                }
                _ => match self.char_at(pos) {
                    Some(c) if c.is_alphanumeric() => self.word(pos, false),
                    Some(c) => {
                        pos += c.len_utf8();
                        continue;
                    }
                    None => {
                        self.pos = bytes.len();
                        return None;
                    }
                },
            };
            self.pos = span.end;
            return Some(span);
        }
    }

    /// End of the run of letters starting at `pos`; clears `ascii` if the run holds a
    /// non-ASCII char, sets `upper` if it holds an ASCII uppercase letter.
    #[inline(always)]
    fn letters_end(&self, mut pos: usize, ascii: &mut bool, upper: &mut bool) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            pos = ascii_letters_end(bytes, pos, upper);
            match bytes.get(pos) {
                Some(&b) if b >= 0x80 => match self.char_at(pos) {
                    Some(c) if c.is_alphanumeric() => {
                        *ascii = false;
                        pos += c.len_utf8();
                    }
                    _ => return pos,
                },
                _ => return pos,
            }
        }
    }

    /// End of the number starting at `pos`: digits, each `.` or `,` between
    /// two digits joining the runs.
    #[inline]
    fn number_end(&self, mut pos: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
            let separator = matches!(bytes.get(pos), Some(b'.' | b','));
            if separator && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            } else {
                return pos;
            }
        }
    }

    /// The word starting at `start` (whose first char is `ascii` or not): its letters, plus a
    /// hyphen and a second run of letters when the two form a reduplication.
    #[inline(always)]
    fn word(&self, start: usize, mut ascii: bool) -> Span {
        let mut upper = false;
        let end = self.letters_end(start, &mut ascii, &mut upper);
        let alone = Span { start, end, ascii, upper, joined: false };
        let (hyphen_len, hyphen_ascii) = match self.text.as_bytes().get(end) {
            Some(b'-') => (1, true),
            Some(0xE2) if self.char_at(end).is_some_and(is_hyphen) => (3, false),
            _ => return alone,
        };
        let second_start = end + hyphen_len;
        let mut second_ascii = hyphen_ascii;
        let second_end = match self.char_at(second_start) {
            Some(c) if c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphanumeric()) => {
                self.letters_end(second_start, &mut second_ascii, &mut upper)
            }
            _ => return alone,
        };
        let (Some(first), Some(second)) =
            (self.text.get(start..end), self.text.get(second_start..second_end))
        else {
            return alone;
        };
        if repeated_len(first, second).is_some() {
            let ascii = ascii && second_ascii;
            Span { start, end: second_end, ascii, upper, joined: true }
        } else {
            alone
        }
    }
}

/// Whether `c` joins the two parts of a reduplication.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

impl TokenStream for WartaTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        let Some(span) = self.scanner.next_span() else {
            return false;
        };
        self.token.offset_from = span.start;
        self.token.offset_to = span.end;
        self.token.text.push_str(self.scanner.text.get(span.start..span.end).unwrap_or_default());
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

    use super::WartaTokenizer;
    use crate::test_support::assert_token;

    fn tokens(text: &str) -> Vec<Token> {
        let mut analyzer = TextAnalyzer::from(WartaTokenizer::default());
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        stream.process(&mut |token: &Token| tokens.push(token.clone()));
        tokens
    }

    fn texts(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_split_like_simple_tokenizer() {
        let t = tokens("Hello, happy tax payer!");
        assert_eq!(t.len(), 4);
        assert_token(&t[0], 0, "Hello", 0, 5);
        assert_token(&t[1], 1, "happy", 7, 12);
        assert_token(&t[2], 2, "tax", 13, 16);
        assert_token(&t[3], 3, "payer", 17, 22);
    }

    #[test]
    fn empty_and_separator_only_text_give_no_token() {
        assert!(tokens("").is_empty());
        assert!(tokens(" .,-–—“”%  🙂 ").is_empty());
    }

    #[test]
    fn decimal_comma_is_one_token() {
        let t = tokens("naik 37,83 persen");
        assert_token(&t[1], 1, "37,83", 5, 10);
        assert_eq!(texts("6,6 dan 1,95"), ["6,6", "dan", "1,95"]);
    }

    #[test]
    fn thousands_dots_are_one_token() {
        assert_eq!(texts("8.000 pekerja"), ["8.000", "pekerja"]);
        assert_eq!(texts("889.957 orang"), ["889.957", "orang"]);
        assert_eq!(texts("415.4"), ["415.4"]);
    }

    #[test]
    fn full_indonesian_number_is_one_token() {
        let t = tokens("Rp1.234.567,89.");
        assert_eq!(t.len(), 2);
        assert_token(&t[0], 0, "Rp", 0, 2);
        assert_token(&t[1], 1, "1.234.567,89", 2, 14);
    }

    #[test]
    fn percent_sign_is_not_part_of_the_number() {
        let t = tokens("45,34%, lalu 11,72%");
        assert_token(&t[0], 0, "45,34", 0, 5);
        assert_token(&t[2], 2, "11,72", 13, 18);
    }

    #[test]
    fn years_and_plain_integers() {
        assert_eq!(texts("tahun 2024 dan 7"), ["tahun", "2024", "dan", "7"]);
    }

    #[test]
    fn leading_and_trailing_separators_are_not_part_of_the_number() {
        let t = tokens("pada 2024. Lalu ,5 dan 3,");
        assert_token(&t[1], 1, "2024", 5, 9);
        assert_token(&t[3], 3, "5", 17, 18);
        assert_token(&t[5], 5, "3", 23, 24);
        assert_eq!(texts("1..2 1,,2 1.,2"), ["1", "2", "1", "2", "1", "2"]);
    }

    #[test]
    fn signs_are_not_part_of_the_number() {
        assert_eq!(texts("-5 +3 (12)"), ["5", "3", "12"]);
    }

    #[test]
    fn digit_list_without_spaces_is_one_token() {
        assert_eq!(texts("1,2,3"), ["1,2,3"]);
    }

    #[test]
    fn rupiah_prefix_splits_from_the_amount() {
        let t = tokens("Rp37,83 miliar");
        assert_token(&t[0], 0, "Rp", 0, 2);
        assert_token(&t[1], 1, "37,83", 2, 7);
        assert_token(&t[2], 2, "miliar", 8, 14);
        assert_eq!(texts("Rp6,6 Rp36.800 RP500"), ["Rp", "6,6", "Rp", "36.800", "RP", "500"]);
    }

    #[test]
    fn mixed_alphanumerics_split_at_every_letter_digit_boundary() {
        assert_eq!(texts("PP44"), ["PP", "44"]);
        assert_eq!(texts("B20 x86"), ["B", "20", "x", "86"]);
        assert_eq!(texts("4G 38H"), ["4", "G", "38", "H"]);
        assert_eq!(texts("Covid19"), ["Covid", "19"]);
        assert_eq!(texts("Liputan6.com"), ["Liputan", "6", "com"]);
        assert_eq!(texts("a1b2"), ["a", "1", "b", "2"]);
    }

    #[test]
    fn spelling_variants_of_a_mixed_token_agree() {
        let glued = texts("Covid19");
        assert_eq!(texts("Covid-19"), glued);
        assert_eq!(texts("Covid 19"), glued);
        assert_eq!(texts("PP-44"), texts("PP44"));
    }

    #[test]
    fn non_ascii_digits_count_as_letters() {
        assert_eq!(texts("x² ٣٤٥"), ["x²", "٣٤٥"]);
    }

    #[test]
    fn simple_reduplication_is_one_token() {
        let t = tokens("para pekerja-pekerja itu");
        assert_eq!(t.len(), 3);
        assert_token(&t[1], 1, "pekerja-pekerja", 5, 20);
        assert_token(&t[2], 2, "itu", 21, 24);
        assert_eq!(texts("kupu-kupu Tanda-Tanda"), ["kupu-kupu", "Tanda-Tanda"]);
    }

    #[test]
    fn reduplication_with_suffix_is_one_token() {
        assert_eq!(texts("Teman-temannya"), ["Teman-temannya"]);
        assert_eq!(texts("anak-anaknya"), ["anak-anaknya"]);
    }

    #[test]
    fn reduplication_of_the_root_of_a_prefixed_word_is_one_token() {
        assert_eq!(texts("sehari-hari"), ["sehari-hari"]);
        assert_eq!(texts("bersama-sama"), ["bersama-sama"]);
        assert_eq!(texts("berlari-lari"), ["berlari-lari"]);
        assert_eq!(texts("sebaik-baiknya"), ["sebaik-baiknya"]);
    }

    #[test]
    fn reciprocal_reduplication_is_one_token() {
        assert_eq!(texts("bahu-membahu"), ["bahu-membahu"]);
        assert_eq!(texts("tolong-menolong"), ["tolong-menolong"]);
        assert_eq!(texts("surat-menyurat"), ["surat-menyurat"]);
    }

    #[test]
    fn other_hyphenated_words_split() {
        let t = tokens("BPJS-TK dan e-KTP");
        assert_eq!(t.len(), 5);
        assert_token(&t[0], 0, "BPJS", 0, 4);
        assert_token(&t[1], 1, "TK", 5, 7);
        assert_token(&t[2], 2, "dan", 8, 11);
        assert_token(&t[3], 3, "e", 12, 13);
        assert_token(&t[4], 4, "KTP", 14, 17);
        assert_eq!(texts("gotong-royong"), ["gotong", "royong"]);
        assert_eq!(texts("pro-program"), ["pro", "program"]);
        assert_eq!(texts("2023-2024"), ["2023", "2024"]);
    }

    #[test]
    fn unicode_hyphens_join_reduplications_too() {
        let t = tokens("anak\u{2010}anak");
        assert_eq!(t.len(), 1);
        assert_token(&t[0], 0, "anak\u{2010}anak", 0, 11);
        assert_eq!(texts("BPJS\u{2011}TK"), ["BPJS", "TK"]);
    }

    #[test]
    fn hyphen_runs_and_dangling_hyphens_split() {
        assert_eq!(texts("anak--anak anak- -anak"), ["anak", "anak", "anak", "anak"]);
        assert_eq!(texts("kupu-kupu-kupu"), ["kupu-kupu", "kupu"]);
    }

    #[test]
    fn offsets_on_multibyte_text() {
        let text = "Sébastien “kutip” 🙂 naik";
        let t = tokens(text);
        assert_eq!(t.len(), 3);
        assert_token(&t[0], 0, "Sébastien", 0, 10);
        assert_token(&t[1], 1, "kutip", 14, 19);
        assert_token(&t[2], 2, "naik", 28, 32);
        for token in &t {
            assert_eq!(&text[token.offset_from..token.offset_to], token.text);
        }
    }

    #[test]
    fn reduplication_with_accents_compares_case_insensitively() {
        assert_eq!(texts("Élan-élan"), ["Élan-élan"]);
    }

    #[test]
    fn very_long_hyphenated_words_are_not_compared() {
        let long = "a".repeat(100);
        assert_eq!(texts(&format!("{long}-{long}")).len(), 2);
    }

    #[test]
    fn reads_the_seed_articles_when_present() {
        let Some(dir) = crate::test_support::seeds_dir().and_then(|d| std::fs::read_dir(d).ok())
        else {
            return;
        };
        for entry in dir.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
            let t = tokens(&text);
            assert!(!t.is_empty());
            check_invariants(&text, &t);
        }
    }

    fn check_invariants(text: &str, tokens: &[Token]) {
        let mut last_end = 0;
        for (i, token) in tokens.iter().enumerate() {
            assert_eq!(token.position, i);
            assert!(token.offset_from < token.offset_to, "{token:?}");
            assert!(token.offset_from >= last_end, "{token:?}");
            assert_eq!(text.get(token.offset_from..token.offset_to), Some(token.text.as_str()));
            last_end = token.offset_to;
        }
    }

    #[test]
    fn token_stream_can_be_reused() {
        let mut tokenizer = WartaTokenizer::default();
        for _ in 0..2 {
            let mut stream = tokenizer.token_stream("dua kata");
            assert!(stream.advance());
            assert_token(stream.token(), 0, "dua", 0, 3);
            assert!(stream.advance());
            assert!(!stream.advance());
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_offsets_reproduce_the_text(text in "\\PC*") {
            check_invariants(&text, &tokens(&text));
        }

        #[test]
        fn indonesian_like_text_keeps_invariants(
            text in "([a-zA-Zé]{1,6}|[0-9]{1,4}|[-.,% “”🙂]){0,40}"
        ) {
            check_invariants(&text, &tokens(&text));
        }

        #[test]
        fn any_bytes_made_utf8_keep_invariants(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = String::from_utf8_lossy(&bytes);
            check_invariants(&text, &tokens(&text));
        }
    }
}
