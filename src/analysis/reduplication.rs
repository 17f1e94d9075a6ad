//! Hyphenated reduplication: recognising it, and reducing it to its base.
//!
//! Indonesian writes plurals and many derived forms by repeating a word with
//! a hyphen: `pekerja-pekerja` (workers), `teman-temannya` (his friends),
//! `bersama-sama` (together), `bahu-membahu` (shoulder to shoulder). A
//! researcher who searches `pekerja` wants `pekerja-pekerja` too, so the
//! [`Reduplication`] filter replaces such a token with its first part. Some
//! doubles are words of their own, though: `kupu-kupu` (butterfly),
//! `undang-undang` (a law; `undang` alone means "invite"), `rata-rata`
//! (average). Those are *lexicalised* and stay whole; the filter asks a
//! predicate given at construction (the lead passes the root dictionary's
//! hyphenated entries), with a small built-in list as the default.
//!
//! [`repeated_len`] decides what a reduplication is; the tokenizer uses it to
//! keep `X-Y` together, and this filter uses it again to find the base.
//! The forms recognised, compared case-insensitively:
//!
//! | form | examples | base emitted |
//! | --- | --- | --- |
//! | `X-X` | `pekerja-pekerja`, `kupu-kupu` | `pekerja` |
//! | `X-X` + suffixes `-an/-kan/-i`, `-nya/-ku/-mu`, `-lah/-kah/-pun/-tah` | `teman-temannya`, `anak-anakan` | `teman` |
//! | prefix + `R` - `R` (+ suffixes), `R` ≥ 3 letters | `bersama-sama`, `sehari-hari`, `berlari-lari`, `sebaik-baiknya` | `bersama`, `sehari` |
//! | `X` - `me(N)`/`ber`/`ter`/`di` + `X` (+ suffixes), nasal assimilation included | `bahu-membahu`, `tolong-menolong`, `surat-menyurat`, `hormat-menghormati` | `bahu`, `tolong` |
//!
//! Anything else with a hyphen is not a reduplication (`BPJS-TK`, `e-KTP`,
//! `gotong-royong`, `pro-program`). Both parts are capped at
//! [`MAX_PART_BYTES`], so the work per hyphen is bounded.
//!
//! The base is always the first part: the stemmer then takes `bersama` to
//! `sama` and `sebaik` to `baik`. A lexicalised double keeps its whole text;
//! one with a suffix (`kupu-kupunya`) is cut back to the double (`kupu-kupu`).
//! The token keeps the offsets of the whole hyphenated word.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Longest part of a hyphenated word that is compared, in bytes.
pub const MAX_PART_BYTES: usize = 64;

/// Lexicalised doubles known without a dictionary (lowercase). The lead's
/// root dictionary adds the rest; this list is the default and what the
/// tests use.
pub const BUILTIN_LEXICALISED: &[&str] = &[
    "alun-alun",
    "biri-biri",
    "cita-cita",
    "hati-hati",
    "kira-kira",
    "kupu-kupu",
    "kura-kura",
    "laba-laba",
    "mata-mata",
    "oleh-oleh",
    "paru-paru",
    "pura-pura",
    "rata-rata",
    "sehari-hari",
    "semata-mata",
    "tiba-tiba",
    "ubur-ubur",
    "undang-undang",
];

/// Whether a lowercase word is in [`BUILTIN_LEXICALISED`].
pub fn is_builtin_lexicalised(word: &str) -> bool {
    BUILTIN_LEXICALISED.contains(&word)
}

/// Prefixes that may stand before the repeated root in the first part
/// (`ber`sama-sama, `se`hari-hari), longest first.
const FIRST_PART_PREFIXES: &[&str] = &[
    "memper", "diper", "meng", "meny", "peng", "peny", "ber", "ter", "per", "mem", "men", "pem",
    "pen", "be", "te", "di", "ke", "se", "me", "pe",
];

/// Prefixes that may stand before the first part in the second one
/// (bahu-`mem`bahu, lihat-`me`lihat).
const SECOND_PART_PREFIXES: &[&str] = &["meng", "mem", "men", "ber", "ter", "me", "di"];

/// Nasal prefixes that replace the first letter of the root
/// (tolong-`men`olong, pukul-`mem`ukul, kenal-`meng`enal, surat-`meny`urat).
const NASAL_REPLACEMENTS: &[(&str, char)] =
    &[("meng", 'k'), ("meny", 's'), ("mem", 'p'), ("men", 't')];

/// Particles, possessives and derivational suffixes, in the order they are
/// stripped from the end of a word.
const PARTICLES: &[&str] = &["lah", "kah", "pun", "tah"];
const POSSESSIVES: &[&str] = &["nya", "ku", "mu"];
const DERIVATIONAL: &[&str] = &["kan", "an", "i"];

/// If `first-second` is a reduplication, returns how many bytes of `second`
/// belong to the double itself (the rest being suffixes): `second` for
/// `pekerja-pekerja`, 5 for `teman-temannya`. `None` if it is not one.
pub fn repeated_len(first: &str, second: &str) -> Option<usize> {
    if first.is_empty() || second.is_empty() {
        return None;
    }
    if first.len() > MAX_PART_BYTES || second.len() > MAX_PART_BYTES {
        return None;
    }
    let double_len = |rest: &str| second.len() - rest.len();

    // X-X, X-Xsuffix.
    if let Some(rest) = strip_prefix_ci(second, first) {
        let letters = first.chars().count();
        if (rest.is_empty() && letters >= 2) || (letters >= 3 && is_suffix_chain(rest)) {
            return Some(double_len(rest));
        }
    }
    // prefix+R - R(suffix).
    for prefix in FIRST_PART_PREFIXES {
        let Some(root) = strip_prefix_ascii_ci(first, prefix) else { continue };
        if root.chars().count() < 3 {
            continue;
        }
        if let Some(rest) = strip_prefix_ci(second, root)
            && is_suffix_chain(rest)
        {
            return Some(double_len(rest));
        }
    }
    // X - prefix+X(suffix), with or without nasal assimilation.
    if first.chars().count() >= 3 {
        for prefix in SECOND_PART_PREFIXES {
            let Some(after) = strip_prefix_ascii_ci(second, prefix) else { continue };
            if let Some(rest) = strip_prefix_ci(after, first)
                && is_suffix_chain(rest)
            {
                return Some(double_len(rest));
            }
        }
        let mut first_chars = first.chars();
        let initial = first_chars.next()?.to_ascii_lowercase();
        let tail = first_chars.as_str();
        for &(prefix, replaced) in NASAL_REPLACEMENTS {
            if initial != replaced {
                continue;
            }
            let Some(after) = strip_prefix_ascii_ci(second, prefix) else { continue };
            if let Some(rest) = strip_prefix_ci(after, tail)
                && is_suffix_chain(rest)
            {
                return Some(double_len(rest));
            }
        }
    }
    None
}

/// Whether `s` is empty or a chain of suffixes (`nya`, `annya`, `kanlah`).
fn is_suffix_chain(s: &str) -> bool {
    let mut rest = s;
    for group in [PARTICLES, POSSESSIVES, DERIVATIONAL] {
        if let Some(shorter) = group.iter().find_map(|suffix| strip_suffix_ascii_ci(rest, suffix)) {
            rest = shorter;
        }
    }
    rest.is_empty()
}

/// `hay` without `needle` at its start, comparing chars case-insensitively.
fn strip_prefix_ci<'a>(hay: &'a str, needle: &str) -> Option<&'a str> {
    let mut hay_chars = hay.chars();
    for n in needle.chars() {
        let h = hay_chars.next()?;
        if !chars_eq_ci(h, n) {
            return None;
        }
    }
    Some(hay_chars.as_str())
}

/// `hay` without the ASCII `prefix` at its start, ignoring ASCII case.
fn strip_prefix_ascii_ci<'a>(hay: &'a str, prefix: &str) -> Option<&'a str> {
    let head = hay.as_bytes().get(..prefix.len())?;
    // The matched bytes are ASCII, so the cut is on a char boundary.
    if head.eq_ignore_ascii_case(prefix.as_bytes()) { hay.get(prefix.len()..) } else { None }
}

/// `hay` without the ASCII `suffix` at its end, ignoring ASCII case.
fn strip_suffix_ascii_ci<'a>(hay: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = hay.len().checked_sub(suffix.len())?;
    let tail = hay.as_bytes().get(cut..)?;
    if tail.eq_ignore_ascii_case(suffix.as_bytes()) { hay.get(..cut) } else { None }
}

fn chars_eq_ci(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(&b);
    }
    a.to_lowercase().eq(b.to_lowercase())
}

/// The chars that may join the parts of a reduplication token.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Predicate telling whether a lowercase hyphenated word is lexicalised.
type Lexicalised = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// `TokenFilter` that reduces a hyphenated reduplication to its base, unless
/// it is lexicalised.
#[derive(Clone)]
pub struct Reduplication {
    is_lexicalised: Lexicalised,
}

impl Reduplication {
    /// A filter that keeps whole the doubles for which `is_lexicalised`
    /// returns true. It is called with the lowercase form (`kupu-kupu`).
    pub fn new(is_lexicalised: impl Fn(&str) -> bool + Send + Sync + 'static) -> Self {
        Reduplication { is_lexicalised: Arc::new(is_lexicalised) }
    }

    /// The predicate telling lexicalised doubles.
    pub(super) fn predicate(&self) -> &(dyn Fn(&str) -> bool + Send + Sync) {
        &*self.is_lexicalised
    }
}

impl Default for Reduplication {
    /// A filter that knows only [`BUILTIN_LEXICALISED`].
    fn default() -> Self {
        Reduplication::new(is_builtin_lexicalised)
    }
}

impl TokenFilter for Reduplication {
    type Tokenizer<T: Tokenizer> = ReduplicationFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ReduplicationFilter<T> {
        ReduplicationFilter { is_lexicalised: self.is_lexicalised, inner: tokenizer }
    }
}

/// The [`Reduplication`] filter wrapped around a tokenizer.
#[derive(Clone)]
pub struct ReduplicationFilter<T> {
    is_lexicalised: Lexicalised,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ReduplicationFilter<T> {
    type TokenStream<'a> = ReduplicationStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ReduplicationStream {
            is_lexicalised: &*self.is_lexicalised,
            buffer: String::new(),
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of a [`ReduplicationFilter`].
pub struct ReduplicationStream<'a, T> {
    is_lexicalised: &'a (dyn Fn(&str) -> bool + Send + Sync),
    /// Reused for lowercase forms.
    buffer: String,
    tail: T,
}

/// The length a token's `text` must be cut to, if it is a reduplication that
/// is not lexicalised: the first part, or the bare double when only that is
/// lexicalised. `buffer` is scratch space for lowercase forms.
pub(super) fn base_len(
    text: &str,
    is_lexicalised: &(dyn Fn(&str) -> bool + Send + Sync),
    buffer: &mut String,
) -> Option<usize> {
    // Every hyphen we accept is `-` or starts with the byte 0xE2 (U+2010, U+2011).
    if !may_hold_hyphen(text.as_bytes()) {
        return None;
    }
    let (hyphen, c) = text.char_indices().find(|&(_, c)| is_hyphen(c))?;
    let first = text.get(..hyphen)?;
    let second_start = hyphen + c.len_utf8();
    let double_len = repeated_len(first, text.get(second_start..)?)?;
    let mut lexicalised = |word: &str| {
        super::lowercase_into(buffer, word);
        is_lexicalised(buffer)
    };
    if lexicalised(text) {
        return None;
    }
    let double_end = second_start + double_len;
    if double_end < text.len() && lexicalised(text.get(..double_end)?) {
        return Some(double_end);
    }
    Some(hyphen)
}

/// Whether `bytes` hold a `-` or a 0xE2 byte (the first byte of U+2010 and U+2011): the
/// same answer as a scan of every byte, eight bytes at a time (every token is asked).
fn may_hold_hyphen(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const DASHES: u64 = u64::from_ne_bytes([b'-'; 8]);
    const E2S: u64 = u64::from_ne_bytes([0xE2; 8]);
    // Non-zero exactly when some byte of `v` is zero.
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_ne_bytes(word);
        if zero_byte(v ^ DASHES) || zero_byte(v ^ E2S) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b == b'-' || b == 0xE2)
}

impl<T: TokenStream> TokenStream for ReduplicationStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &self.tail.token().text;
        if let Some(len) = base_len(text, self.is_lexicalised, &mut self.buffer) {
            self.tail.token_mut().text.truncate(len);
        }
        true
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
    use tantivy::tokenizer::{TextAnalyzer, Token};

    use super::*;
    use crate::analysis::tokenizer::WartaTokenizer;
    use crate::test_support::assert_token;

    proptest! {
        #[test]
        fn the_word_at_a_time_hyphen_check_equals_a_scan_of_every_byte(
            bytes in prop::collection::vec(prop_oneof![Just(b'-'), Just(0xE2u8), Just(0x2Cu8), Just(0x2Eu8), Just(0x61u8), Just(0xE1u8), Just(0x80u8), Just(0u8), any::<u8>()], 0..40),
        ) {
            let scan = bytes.iter().any(|&b| b == b'-' || b == 0xE2);
            prop_assert_eq!(may_hold_hyphen(&bytes), scan);
        }
    }

    fn tokens_with(filter: Reduplication, text: &str) -> Vec<Token> {
        let mut analyzer = TextAnalyzer::builder(WartaTokenizer::default()).filter(filter).build();
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        stream.process(&mut |token: &Token| tokens.push(token.clone()));
        tokens
    }

    fn texts(text: &str) -> Vec<String> {
        tokens_with(Reduplication::default(), text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn plural_becomes_its_base_with_the_whole_offsets() {
        let t = tokens_with(Reduplication::default(), "para pekerja-pekerja itu");
        assert_eq!(t.len(), 3);
        assert_token(&t[0], 0, "para", 0, 4);
        assert_token(&t[1], 1, "pekerja", 5, 20);
        assert_token(&t[2], 2, "itu", 21, 24);
    }

    #[test]
    fn suffixed_double_becomes_the_first_part() {
        assert_eq!(texts("Teman-temannya"), ["Teman"]);
        assert_eq!(texts("anak-anaknya"), ["anak"]);
        assert_eq!(texts("orang-orangan"), ["orang"]);
    }

    #[test]
    fn prefixed_first_part_is_kept_as_the_base() {
        assert_eq!(texts("bersama-sama"), ["bersama"]);
        assert_eq!(texts("berlari-lari"), ["berlari"]);
        assert_eq!(texts("sebaik-baiknya"), ["sebaik"]);
    }

    #[test]
    fn reciprocal_forms_become_the_first_part() {
        assert_eq!(texts("bahu-membahu"), ["bahu"]);
        assert_eq!(texts("tolong-menolong"), ["tolong"]);
        assert_eq!(texts("pukul-memukul kenal-mengenal"), ["pukul", "kenal"]);
        assert_eq!(texts("hormat-menghormati"), ["hormat"]);
    }

    #[test]
    fn case_is_kept_for_later_filters() {
        assert_eq!(texts("PEKERJA-PEKERJA Tanda-Tanda"), ["PEKERJA", "Tanda"]);
    }

    #[test]
    fn lexicalised_doubles_stay_whole() {
        assert_eq!(texts("kupu-kupu"), ["kupu-kupu"]);
        assert_eq!(texts("Undang-Undang"), ["Undang-Undang"]);
        assert_eq!(texts("sehari-hari rata-rata"), ["sehari-hari", "rata-rata"]);
    }

    #[test]
    fn suffixed_lexicalised_double_is_cut_back_to_the_double() {
        let t = tokens_with(Reduplication::default(), "kupu-kupunya");
        assert_token(&t[0], 0, "kupu-kupu", 0, 12);
        assert_eq!(texts("undang-undangnya"), ["undang-undang"]);
    }

    #[test]
    fn lexicalised_predicate_comes_from_the_caller() {
        let set: HashSet<String> = ["gajah-gajah".to_string()].into();
        let filter = Reduplication::new(move |w| set.contains(w));
        let t = tokens_with(filter, "Gajah-Gajah kupu-kupu");
        assert_eq!(t[0].text, "Gajah-Gajah");
        assert_eq!(t[1].text, "kupu");
    }

    #[test]
    fn builtin_list_is_lowercase_sorted_and_made_of_doubles() {
        let mut sorted = BUILTIN_LEXICALISED.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, BUILTIN_LEXICALISED);
        for word in BUILTIN_LEXICALISED {
            assert_eq!(*word, word.to_lowercase());
            let (first, second) = word.split_once('-').unwrap();
            assert!(repeated_len(first, second).is_some(), "{word}");
        }
    }

    #[test]
    fn other_tokens_pass_unchanged() {
        assert_eq!(
            texts("BPJS-TK gotong-royong 8.000"),
            ["BPJS", "TK", "gotong", "royong", "8.000"]
        );
    }

    #[test]
    fn hyphenated_token_from_another_tokenizer_that_is_no_double_passes_unchanged() {
        use tantivy::tokenizer::WhitespaceTokenizer;
        let mut analyzer = TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(Reduplication::default())
            .build();
        let mut stream = analyzer.token_stream("BPJS-TK anak-anak -anak- 🙂-🙂");
        let mut out = Vec::new();
        stream.process(&mut |t: &Token| out.push(t.text.clone()));
        assert_eq!(out, ["BPJS-TK", "anak", "-anak-", "🙂-🙂"]);
    }

    #[test]
    fn repeated_len_forms() {
        assert_eq!(repeated_len("pekerja", "pekerja"), Some(7));
        assert_eq!(repeated_len("teman", "temannya"), Some(5));
        assert_eq!(repeated_len("sehari", "hari"), Some(4));
        assert_eq!(repeated_len("sebaik", "baiknya"), Some(4));
        assert_eq!(repeated_len("bahu", "membahu"), Some(7));
        assert_eq!(repeated_len("surat", "menyurat"), Some(8));
        assert_eq!(repeated_len("ibu", "ibu"), Some(3));
        assert_eq!(repeated_len("Anak", "ANAKNYA"), Some(4));
    }

    #[test]
    fn repeated_len_rejects_non_doubles() {
        for (first, second) in [
            ("BPJS", "TK"),
            ("e", "KTP"),
            ("e", "Education"),
            ("a", "a"),
            ("gotong", "royong"),
            ("pro", "program"),
            ("Jawa", "Bali"),
            ("Senin", "Selasa"),
            ("Asia", "Pasifik"),
            ("", "anak"),
            ("anak", ""),
        ] {
            assert_eq!(repeated_len(first, second), None, "{first}-{second}");
        }
    }

    #[test]
    fn suffix_chains() {
        for s in ["", "nya", "an", "annya", "kanlah", "inya", "mu", "pun"] {
            assert!(is_suffix_chain(s), "{s}");
        }
        for s in ["gram", "nyanya", "x", "é"] {
            assert!(!is_suffix_chain(s), "{s}");
        }
    }

    proptest! {
        #[test]
        fn offsets_stay_inside_the_text_and_text_is_a_prefix_of_the_source(text in "\\PC*") {
            let tokens = tokens_with(Reduplication::default(), &text);
            for (i, token) in tokens.iter().enumerate() {
                prop_assert_eq!(token.position, i);
                let source = text.get(token.offset_from..token.offset_to);
                prop_assert!(source.is_some());
                prop_assert!(source.unwrap().starts_with(token.text.as_str()));
                prop_assert!(!token.text.is_empty());
            }
        }

        #[test]
        fn repeated_len_never_panics_and_stays_in_bounds(first in "\\PC{0,12}", second in "\\PC{0,12}") {
            if let Some(len) = repeated_len(&first, &second) {
                prop_assert!(second.is_char_boundary(len) && len <= second.len());
            }
        }

        #[test]
        fn doubles_of_any_word_are_recognised(word in "[a-zA-Z]{2,20}") {
            prop_assert_eq!(repeated_len(&word, &word.to_uppercase()), Some(word.len()));
        }
    }
}
