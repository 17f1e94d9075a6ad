//! Text analysis: how article text and query words become index terms.
//!
//! Every text is indexed in two *views*, each with its own analyzer
//! registered in the index under a fixed name:
//!
//! ```text
//! exact   (warta_exact)  WartaTokenizer -> RemoveLong -> AsciiFolding -> Reduplication -> LowerCaser
//! stemmed (warta_stem)   WartaTokenizer -> RemoveLong -> AsciiFolding -> Reduplication -> StopWords
//!                                       -> IndonesianStemmer -> LowerCaser
//! ```
//!
//! The stemmed view's last three steps run as one filter with one memo
//! lookup per token ([`stemmed::StemmedWords`], equal to them token for token),
//! and the shared first four, with either view's last step, as one tokenizer
//! ([`shared::SharedSteps`], equal to them token for token).
//!
//! The exact view keeps the words as written (lowercased and accent-folded):
//! it serves phrases, names and exact wording. The stemmed view drops
//! stopwords *before* stemming (so the conjunction `serta` is gone before
//! `peserta` is stemmed onto it) and reduces words to their roots with our
//! Enhanced Confix Stripping stemmer, so that `melindungi` finds
//! `perlindungan`. Queries search both views, the exact one boosted.
//!
//! What people said is indexed in both views too, each term prefixed by a
//! key ([`scoped`]; the index uses the speaker's slot in the article: `0|jht`).
//!
//! Snippets find hits in the same two views, so a query word highlights every
//! form it matched ([`both_views`]: both views of a body from one pass of the
//! shared steps, equal to the two analyzers). Names the stemmer must leave alone (provinces, cities, agencies)
//! are passed in through [`AnalysisConfig`] by the `index` module, which
//! knows the gazetteers; this module does not.

pub mod both_views;
mod letter_run;
pub mod reduplication;
pub mod scoped;
pub mod shared;
mod spare_memos;
pub mod stem;
pub mod stemmed;
pub mod stopwords;
pub mod tokenizer;
pub mod word_table;

use std::collections::HashSet;
use std::sync::Arc;

use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

use shared::SharedSteps;
use stem::{Dictionary, IndonesianStemmer};

/// Longest token kept, in bytes.
pub const MAX_TOKEN_BYTES: usize = 40;

/// The two views of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// Lowercased, accent-folded, unstemmed, stopwords kept.
    Exact,
    /// Stopwords removed, then stemmed.
    Stemmed,
}

impl View {
    /// Both views, exact first.
    pub const ALL: [View; 2] = [View::Exact, View::Stemmed];

    /// The name the view's analyzer is registered under.
    pub fn analyzer_name(self) -> &'static str {
        match self {
            View::Exact => "warta_exact",
            View::Stemmed => "warta_stem",
        }
    }

    /// The name of the view's [`scoped`] analyzer (terms prefixed by a key:
    /// what each person said).
    pub fn scoped_analyzer_name(self) -> &'static str {
        match self {
            View::Exact => "warta_scoped_exact",
            View::Stemmed => "warta_scoped_stem",
        }
    }
}

/// What the analyzers need from outside: words the stemmer must not touch
/// and the user's extra roots. Built once per index; cloning is cheap.
#[derive(Clone, Debug)]
pub struct AnalysisConfig {
    /// Lowercase words never stemmed (place names, agencies, acronyms).
    pub protected: Arc<HashSet<String>>,
    /// Extra root words (the user's `--roots` file), lowercase.
    pub extra_roots: Vec<String>,
    stemmer: IndonesianStemmer,
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        AnalysisConfig::new(Arc::default(), Vec::new())
    }
}

impl AnalysisConfig {
    /// A configuration protecting `protected` and adding `extra_roots` to
    /// the built-in root dictionary.
    pub fn new(protected: Arc<HashSet<String>>, extra_roots: Vec<String>) -> Self {
        let dict = if extra_roots.is_empty() {
            Dictionary::shared_default()
        } else {
            Arc::new(Dictionary::with_extra_roots(&extra_roots))
        };
        let stemmer = IndonesianStemmer::new(dict, protected.clone());
        AnalysisConfig { protected, extra_roots, stemmer }
    }

    /// Builds the analyzer of a view.
    pub fn analyzer(&self, view: View) -> TextAnalyzer {
        TextAnalyzer::from(self.steps(view))
    }

    /// A view's analysis as one tokenizer: what [`analyzer`](Self::analyzer) runs.
    pub fn steps(&self, view: View) -> SharedSteps {
        match view {
            View::Exact => SharedSteps::new(true),
            View::Stemmed => {
                let (dict, keep) = self.stemmer.parts();
                SharedSteps::stemmed(stemmed::Memo::new(dict, keep))
            }
        }
    }

    /// The scoped form of a view's analyzer ([`scoped`]: terms prefixed by a key).
    pub fn scoped_analyzer(&self, view: View) -> TextAnalyzer {
        TextAnalyzer::from(scoped::ScopedSteps::new(self.steps(view)))
    }

    /// Registers both analyzers, and their scoped forms, in an index's
    /// tokenizer manager.
    pub fn register(&self, manager: &TokenizerManager) {
        for view in View::ALL {
            manager.register(view.analyzer_name(), self.analyzer(view));
            manager.register(view.scoped_analyzer_name(), self.scoped_analyzer(view));
        }
    }

    /// Runs a view's analyzer over `text` and collects every token.
    pub fn analyze(&self, view: View, text: &str) -> Vec<AnalyzedToken> {
        let mut analyzer = self.analyzer(view);
        collect(&mut analyzer, text)
    }
}

/// The steps both views share: tokenizer → RemoveLong → AsciiFolding → Reduplication.
type BaseTokenizer = SharedSteps;

/// The steps both views share, as one tokenizer ([`shared`]; [`both_views`] starts from it,
/// the views' analyzers are it with their last step).
fn base_tokenizer() -> BaseTokenizer {
    SharedSteps::new(false)
}

/// One token as the index sees it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AnalyzedToken {
    /// The indexed term.
    pub term: String,
    /// Byte offset of the token's start in the analysed text.
    pub start: usize,
    /// Byte offset just past the token's end.
    pub end: usize,
    /// Position (0-based) used by phrase queries.
    pub position: usize,
}

/// `text` lowercased into `buffer` (emptied first), as tantivy's
/// `LowerCaser` does it: ASCII in place, anything else character by character.
pub(crate) fn lowercase_into(buffer: &mut String, text: &str) {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// Runs an analyzer over `text` and collects every token.
pub fn collect(analyzer: &mut TextAnalyzer, text: &str) -> Vec<AnalyzedToken> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        let t = stream.token();
        tokens.push(AnalyzedToken {
            term: t.text.clone(),
            start: t.offset_from,
            end: t.offset_to,
            position: t.position,
        });
    }
    tokens
}

/// The terms of `text` in one view, in order: what a query word turns into.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    collect(analyzer, text).into_iter().map(|t| t.term).collect()
}

/// The terms of `text` with their positions relative to the first one
/// (stopwords removed by the stemmed view leave gaps that phrase matching
/// must respect).
pub fn positioned_terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let tokens = collect(analyzer, text);
    let first = tokens.first().map_or(0, |t| t.position);
    tokens.into_iter().map(|t| (t.position - first, t.term)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> Vec<String> {
        AnalysisConfig::default().analyze(View::Exact, text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn exact_view_lowercases_and_folds_accents() {
        assert_eq!(exact("BPJAMSOSTEK Sébastien Ünal"), ["bpjamsostek", "sebastien", "unal"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Kata “Zainudin”, lalu Rp37,83 miliar.";
        for view in View::ALL {
            for t in AnalysisConfig::default().analyze(view, text) {
                assert!(text.get(t.start..t.end).is_some(), "{view:?} {t:?}");
            }
        }
    }

    #[test]
    fn positions_increase() {
        let tokens = AnalysisConfig::default().analyze(View::Exact, "jaminan hari tua");
        let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    fn stemmed(text: &str) -> Vec<String> {
        AnalysisConfig::default().analyze(View::Stemmed, text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn numbers_keep_their_indonesian_punctuation() {
        assert_eq!(
            exact("Rp37,83 miliar, 8.000 pekerja, 45,34%"),
            ["rp", "37,83", "miliar", "8.000", "pekerja", "45,34"]
        );
    }

    #[test]
    fn reduplicated_plurals_become_the_base_and_lexicalised_doubles_stay_whole() {
        assert_eq!(
            exact("pekerja-pekerja kupu-kupu BPJS-TK"),
            ["pekerja", "kupu-kupu", "bpjs", "tk"]
        );
    }

    #[test]
    fn stopwords_leave_the_stemmed_view_only() {
        assert_eq!(exact("pekerja serta keluarga"), ["pekerja", "serta", "keluarga"]);
        assert_eq!(stemmed("pekerja serta keluarga").len(), 2);
    }

    #[test]
    fn very_long_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_BYTES + 1);
        assert_eq!(exact(&format!("pekerja {long} migran")), ["pekerja", "migran"]);
    }

    #[test]
    fn never_panics_on_odd_unicode() {
        for s in ["", "🙂🙂", "e\u{301}", "\u{0}\u{ffff}", "٣٤٥", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]
        {
            for view in View::ALL {
                let _ = AnalysisConfig::default().analyze(view, s);
            }
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn tokens_lie_inside_the_text_on_char_boundaries(text in "\\PC{0,200}") {
                let config = AnalysisConfig::default();
                for view in View::ALL {
                    let mut last = None;
                    for t in config.analyze(view, &text) {
                        prop_assert!(t.start < t.end && t.end <= text.len());
                        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                        prop_assert!(last.is_none_or(|p| t.position > p));
                        last = Some(t.position);
                    }
                }
            }

            #[test]
            fn indonesian_looking_words_never_panic_and_stem_idempotently(
                word in "(me|mem|men|meng|meny|pe|pem|pen|peng|ber|ter|di|ke|se|per)?[a-z]{2,12}(kan|an|i|nya|lah|kah)?"
            ) {
                let config = AnalysisConfig::default();
                let once = config.analyze(View::Stemmed, &word);
                // A stem may itself be a stopword ("penghanya" -> "hanya"), which
                // the second pass then removes; the stem itself must not change.
                if let [t] = once.as_slice()
                    && !stopwords::is_stopword(&t.term)
                {
                    let twice = config.analyze(View::Stemmed, &t.term);
                    prop_assert_eq!(twice.len(), 1);
                    prop_assert_eq!(&twice[0].term, &t.term);
                }
            }
        }
    }
}
