//! `IndonesianStemmer`: the tantivy `TokenFilter` that stems tokens of the stemmed view.
//!
//! Why a filter of its own (not tantivy's `Stemmer`): it must see the source capitalisation,
//! so it runs *before* `LowerCaser`, and it must leave alone what stemming would damage:
//!
//! * tokens ALL-CAPS in the source with at least two letters (acronyms: BPJS, DISNAKER, JHT);
//! * tokens containing a digit (`Covid19`, `2024`, `37,83`);
//! * tokens shorter than 4 characters;
//! * tokens whose lowercase form is in the injected `protected` set (gazetteer names the
//!   `index` module passes in: provinces, regencies, cities, agencies, officials) or in
//!   `no_stem.txt` (curated words that ECS would turn into a different common word,
//!   e.g. `bekasi` → bekas).
//!
//! Protected tokens are emitted unchanged (`LowerCaser` lowercases them later). Any other token
//! is lowercased and, if it is plain `a`–`z`, replaced by its stem (memoised per tokenizer
//! clone); tokens in other scripts or with accents left by folding pass through unchanged.
//! Nothing here slices text at byte offsets, so no input can make it panic.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::cache::Stemmer;
use super::dictionary::Dictionary;
use crate::fxhash::FxBuildHasher;

/// Curated never-stem list: one lowercase word per line, `#` starts a comment.
const NO_STEM: &str = include_str!("no_stem.txt");

static NO_STEM_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    NO_STEM
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|word| !word.is_empty())
        .collect()
});

/// Tokens with fewer characters than this are never stemmed.
const MIN_STEM_CHARS: usize = 4;

/// Lowercase words never stemmed.
pub(crate) type WordSet = HashSet<Box<str>, FxBuildHasher>;

/// Token filter that stems Indonesian words (see the module doc for what it leaves alone).
#[derive(Clone, Debug)]
pub struct IndonesianStemmer {
    stemmer: Stemmer,
    keep: Arc<WordSet>,
}

impl IndonesianStemmer {
    /// A filter over `dict` that also leaves alone every word of `protected` (matched on the
    /// lowercase form; entries are lowercased here) and of the built-in `no_stem.txt`.
    pub fn new(dict: Arc<Dictionary>, protected: Arc<HashSet<String>>) -> IndonesianStemmer {
        let keep = protected
            .iter()
            .map(|word| word.to_lowercase().into_boxed_str())
            .chain(Self::no_stem_words().map(Box::from))
            .collect();
        IndonesianStemmer { stemmer: Stemmer::new(dict), keep: Arc::new(keep) }
    }

    /// The dictionary and the words never stemmed (protected and `no_stem.txt`).
    pub(crate) fn parts(&self) -> (Arc<Dictionary>, Arc<WordSet>) {
        (self.stemmer.shared_dictionary(), Arc::clone(&self.keep))
    }

    /// The curated never-stem words of `no_stem.txt`.
    pub fn no_stem_words() -> impl Iterator<Item = &'static str> {
        NO_STEM_WORDS.iter().copied()
    }
}

impl Default for IndonesianStemmer {
    /// The built-in roots, no gazetteer (only `no_stem.txt`).
    fn default() -> IndonesianStemmer {
        IndonesianStemmer::new(Dictionary::shared_default(), Arc::default())
    }
}

impl TokenFilter for IndonesianStemmer {
    type Tokenizer<T: Tokenizer> = IndonesianStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> IndonesianStemmerFilter<T> {
        IndonesianStemmerFilter {
            inner: tokenizer,
            stemmer: self.stemmer,
            keep: self.keep,
            lower: String::new(),
        }
    }
}

/// The tokenizer produced by [`IndonesianStemmer`]; each clone has its own memo cache.
#[derive(Clone, Debug)]
pub struct IndonesianStemmerFilter<T> {
    inner: T,
    stemmer: Stemmer,
    keep: Arc<WordSet>,
    lower: String,
}

impl<T: Tokenizer> Tokenizer for IndonesianStemmerFilter<T> {
    type TokenStream<'a> = IndonesianStemmerTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        IndonesianStemmerTokenStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            keep: &self.keep,
            lower: &mut self.lower,
        }
    }
}

/// Token stream of [`IndonesianStemmerFilter`].
pub struct IndonesianStemmerTokenStream<'a, T> {
    tail: T,
    stemmer: &'a mut Stemmer,
    keep: &'a WordSet,
    lower: &'a mut String,
}

impl<T: TokenStream> TokenStream for IndonesianStemmerTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if has_protected_shape(&token.text) {
            return true;
        }
        crate::analysis::lowercase_into(self.lower, &token.text);
        if !self.lower.bytes().all(|b| b.is_ascii_lowercase()) {
            return true;
        }
        let keep = self.keep;
        let stemmed = self.stemmer.stem_cached_unless(self.lower, |w| keep.contains(w));
        token.text.clear();
        token.text.push_str(stemmed);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Short, containing a digit, or ALL-CAPS with at least two letters.
pub(crate) fn has_protected_shape(text: &str) -> bool {
    let mut chars = 0;
    let mut letters = 0;
    let mut upper = 0;
    for c in text.chars() {
        chars += 1;
        if c.is_numeric() {
            return true;
        }
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    chars < MIN_STEM_CHARS || (letters >= 2 && upper == letters)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

    fn analyzer(protected: &[&str]) -> TextAnalyzer {
        let protected: HashSet<String> = protected.iter().map(|s| s.to_string()).collect();
        let filter = IndonesianStemmer::new(Dictionary::shared_default(), Arc::new(protected));
        TextAnalyzer::builder(SimpleTokenizer::default()).filter(filter).filter(LowerCaser).build()
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn stems_ordinary_words_and_keeps_offsets() {
        let mut analyzer = analyzer(&[]);
        assert_eq!(
            tokens(&mut analyzer, "Pekerja menerima perlindungan"),
            ["kerja", "terima", "lindung"]
        );
        let mut stream = analyzer.token_stream("para Pekerja");
        stream.advance();
        stream.advance();
        assert_eq!(stream.token().offset_from, 5);
        assert_eq!(stream.token().offset_to, 12);
        assert_eq!(stream.token().position, 1);
    }

    #[test]
    fn protection_rules() {
        let mut analyzer = analyzer(&["Kemnaker", "medan"]);
        // ALL-CAPS acronyms (2+ letters), digits, short tokens: unchanged (then lowercased).
        assert_eq!(tokens(&mut analyzer, "BPJS DISNAKER PEKERJA"), ["bpjs", "disnaker", "pekerja"]);
        assert_eq!(tokens(&mut analyzer, "Covid19 pekerja2 ber1"), ["covid19", "pekerja2", "ber1"]);
        assert_eq!(tokens(&mut analyzer, "dia ini adu"), ["dia", "ini", "adu"]);
        // Gazetteer names and no_stem words.
        assert_eq!(tokens(&mut analyzer, "kemnaker Medan Bekasi"), ["kemnaker", "medan", "bekasi"]);
        // A capitalised (not all-caps) ordinary word is stemmed.
        assert_eq!(tokens(&mut analyzer, "Penerima"), ["terima"]);
    }

    #[test]
    fn shape_rules() {
        assert!(has_protected_shape("BPJS"));
        assert!(has_protected_shape("JKK"));
        assert!(has_protected_shape("abc"));
        assert!(has_protected_shape("37,83"));
        assert!(has_protected_shape("Rp37"));
        assert!(has_protected_shape("ÉTAT"));
        assert!(!has_protected_shape("Pekerja"));
        assert!(!has_protected_shape("pekerja"));
        assert!(!has_protected_shape("PeKERJA"));
    }

    #[test]
    fn any_unicode_passes_through_without_panicking() {
        let mut analyzer = analyzer(&[]);
        let text = "sébastien aéro Müller İstanbul ǅemal ΣΊΣΥΦΟΣ 北京市 🙂🙂🙂🙂 a\u{301}bcd ﬁnal";
        let out = tokens(&mut analyzer, text);
        assert!(out.contains(&"sébastien".to_string()));
        assert!(out.contains(&"北京市".to_string()));
    }

    #[test]
    fn no_stem_list_parses() {
        let words: Vec<_> = IndonesianStemmer::no_stem_words().collect();
        assert!(words.contains(&"bekasi"));
        for word in words {
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word:?}");
        }
    }

    #[test]
    fn seed_articles_if_present() {
        // Real articles live outside the repo; read them only if the folder exists.
        let Some(dir) = crate::test_support::seeds_dir() else { return };
        let mut analyzer = analyzer(&[]);
        let mut stemmed = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let out = tokens(&mut analyzer, &text);
            let mut plain =
                TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).build();
            let words = tokens(&mut plain, &text);
            assert_eq!(out.len(), words.len(), "the filter never drops or adds tokens");
            stemmed += out.iter().zip(&words).filter(|(a, b)| a != b).count();
        }
        assert!(stemmed > 0);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_keeps_token_count(text in "\\PC{0,80}") {
            let mut analyzer = analyzer(&["kemnaker"]);
            let mut plain = TextAnalyzer::builder(SimpleTokenizer::default()).build();
            proptest::prop_assert_eq!(tokens(&mut analyzer, &text).len(), tokens(&mut plain, &text).len());
        }
    }

    #[test]
    fn clones_work_independently() {
        let filter = IndonesianStemmer::default();
        let mut a = TextAnalyzer::builder(SimpleTokenizer::default()).filter(filter).build();
        let mut b = a.clone();
        assert_eq!(tokens(&mut a, "pekerja"), ["kerja"]);
        assert_eq!(tokens(&mut b, "pemerintah"), ["perintah"]);
    }
}
