//! `StopWords` filter: drops Indonesian function words from the stemmed view.
//!
//! The list (`stopwords.txt`, 131 words) is Snowball's Indonesian stop list
//! minus two content words, plus function words frequent in news; every
//! decision is explained in `stopwords-README.md`. It is small on purpose:
//! the bigger lists (Tala 758, Sastrawi 809) remove words researchers search
//! for, such as `kerja`, `bekerja`, `tahun` and `baru`.
//!
//! The filter runs before the stemmer, so a conjunction such as `serta` is
//! gone before `peserta` is stemmed onto the same root, and light verbs such
//! as `menjadi` do not flood the root of `kejadian`. Only a word that *is* a
//! stopword is removed; a derived form (`pendapatan` from `dapat`) is kept.
//! The check is case-insensitive and leaves the token's text untouched, as
//! later filters still need the source capitalisation. The exact view keeps
//! every word.

use std::collections::HashSet;
use std::sync::LazyLock;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::fxhash::FxBuildHasher;

/// The embedded list: `word<TAB>source<TAB>gloss`, `#` comments.
const STOPWORDS_TXT: &str = include_str!("stopwords.txt");

/// Longest stopword we can hold in the stack buffer used for lowercasing.
const MAX_STOPWORD_BYTES: usize = 32;

/// The set, hashed with the stemmer's fast hasher (looked up for every token).
type WordSet = HashSet<&'static str, FxBuildHasher>;

static STOPWORDS: LazyLock<WordSet> = LazyLock::new(|| parse(STOPWORDS_TXT));

fn parse(text: &'static str) -> WordSet {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
        .map(str::trim)
        .filter(|word| !word.is_empty())
        .collect()
}

/// The stopwords, lowercase.
pub fn stopwords() -> &'static HashSet<&'static str, impl std::hash::BuildHasher> {
    &STOPWORDS
}

/// Whether `word` is a stopword, ignoring case.
pub fn is_stopword(word: &str) -> bool {
    if word.len() > MAX_STOPWORD_BYTES {
        return false;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        return STOPWORDS.contains(word);
    }
    if word.is_ascii() {
        let mut buffer = [0u8; MAX_STOPWORD_BYTES];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| STOPWORDS.contains(w));
    }
    // Rare: a non-ASCII letter that may lowercase to ASCII (the Kelvin sign).
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    STOPWORDS.contains(lower.as_str())
}

/// `TokenFilter` that removes the tokens whose lowercase form is a stopword.
#[derive(Clone, Copy, Debug, Default)]
pub struct StopWords;

impl TokenFilter for StopWords {
    type Tokenizer<T: Tokenizer> = StopWordsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StopWordsFilter<T> {
        StopWordsFilter { inner: tokenizer }
    }
}

/// The [`StopWords`] filter wrapped around a tokenizer.
#[derive(Clone)]
pub struct StopWordsFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StopWordsFilter<T> {
    type TokenStream<'a> = StopWordsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StopWordsStream { tail: self.inner.token_stream(text) }
    }
}

/// The token stream of a [`StopWordsFilter`].
pub struct StopWordsStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for StopWordsStream<T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if !is_stopword(&self.tail.token().text) {
                return true;
            }
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
    use proptest::prelude::*;
    use tantivy::tokenizer::{TextAnalyzer, Token};

    use super::*;
    use crate::analysis::reduplication::Reduplication;
    use crate::analysis::tokenizer::WartaTokenizer;
    use crate::test_support::assert_token;

    fn tokens(text: &str) -> Vec<Token> {
        let mut analyzer = TextAnalyzer::builder(WartaTokenizer::default())
            .filter(Reduplication::default())
            .filter(StopWords)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        stream.process(&mut |token: &Token| tokens.push(token.clone()));
        tokens
    }

    fn texts(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn embedded_list_parses_to_131_lowercase_unique_words() {
        let words = stopwords();
        assert_eq!(words.len(), 131);
        let lines = STOPWORDS_TXT.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
        assert_eq!(lines.clone().count(), 131, "duplicate line");
        for line in lines {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert_eq!(fields[0], fields[0].to_lowercase());
            assert!(fields[0].len() <= MAX_STOPWORD_BYTES);
            assert!(["snowball", "warta"].contains(&fields[1]), "{line}");
        }
    }

    #[test]
    fn list_keeps_the_function_words_the_design_names() {
        for word in ["serta", "yang", "dan", "bahwa", "yakni", "yaitu", "tersebut", "juga", "akan"]
        {
            assert!(is_stopword(word), "{word}");
        }
        for word in ["telah", "sudah", "para", "pun", "pula", "menjadi", "merupakan"] {
            assert!(is_stopword(word), "{word}");
        }
    }

    #[test]
    fn list_has_no_content_word_a_researcher_searches() {
        for word in [
            "kerja", "bekerja", "pekerja", "tahun", "baru", "besar", "sama", "satu", "hari",
            "bulan", "ibu", "bapak", "tengah", "peserta", "jaminan", "tua", "lalu", "kata",
        ] {
            assert!(!is_stopword(word), "{word}");
        }
    }

    #[test]
    fn stopwords_are_removed_with_gaps_in_positions() {
        let t = tokens("Peserta serta pekerja yang terdaftar");
        assert_eq!(t.len(), 3);
        assert_token(&t[0], 0, "Peserta", 0, 7);
        assert_token(&t[1], 2, "pekerja", 14, 21);
        assert_token(&t[2], 4, "terdaftar", 27, 36);
    }

    #[test]
    fn check_ignores_case_and_keeps_the_text() {
        assert_eq!(texts("YANG Dan BPJS Bahwa"), ["BPJS"]);
        assert!(is_stopword("SeRtA"));
        assert!(!is_stopword("Sérta"));
    }

    #[test]
    fn only_the_bare_word_is_a_stopword() {
        assert_eq!(texts("dapat pendapatan bagi pembagian"), ["pendapatan", "pembagian"]);
    }

    #[test]
    fn reduplicated_stopwords_go_after_reduction() {
        assert_eq!(texts("masing-masing pekerja"), ["pekerja"]);
        assert_eq!(texts("apa-apa"), Vec::<String>::new());
    }

    #[test]
    fn long_and_odd_tokens_are_not_stopwords() {
        assert!(!is_stopword(&"yang".repeat(20)));
        assert!(!is_stopword(""));
        assert!(!is_stopword("🙂"));
        assert!(is_stopword("\u{212A}e")); // KELVIN SIGN + e lowercases to "ke"
    }

    #[test]
    fn every_listed_word_is_recognised_in_any_case() {
        for word in stopwords() {
            assert!(is_stopword(word), "{word}");
            assert!(is_stopword(&word.to_uppercase()), "{word}");
        }
    }

    #[test]
    fn numbers_survive() {
        assert_eq!(texts("Rp37,83 dan 8.000"), ["Rp", "37,83", "8.000"]);
    }

    proptest! {
        #[test]
        fn kept_tokens_reproduce_the_source_and_positions_increase(text in "\\PC*") {
            let mut last: Option<usize> = None;
            for token in tokens(&text) {
                prop_assert!(last.is_none_or(|p| token.position > p));
                last = Some(token.position);
                let source = text.get(token.offset_from..token.offset_to);
                prop_assert!(source.is_some_and(|s| s.starts_with(token.text.as_str())));
                prop_assert!(!is_stopword(&token.text));
            }
        }

        #[test]
        fn case_never_changes_the_verdict(word in "[a-zA-Z]{1,12}") {
            prop_assert_eq!(is_stopword(&word), is_stopword(&word.to_lowercase()));
        }
    }
}
