//! Text analysis: how article text and query words become index terms.
//!
//! One analyzer, registered in every index under [`ANALYZER`], is used for
//! the title and body at index time, for query words at search time and for
//! locating hits when snippets are cut. Using the very same pipeline in all
//! three places is what makes a query word find, and highlight, the text it
//! came from.
//!
//! The pipeline today:
//!
//! ```text
//! SimpleTokenizer         split on anything that is not a letter or digit
//!   -> RemoveLongFilter   drop tokens over 40 bytes (URLs, base64 junk)
//!   -> LowerCaser         "BPJS" -> "bpjs"
//!   -> AsciiFoldingFilter "Sébastien" -> "sebastien"
//! ```
//!
//! Indonesian stemming, stopwords and aliases (issue 3) slot in as further
//! filters of this builder.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// Name under which the analyzer is registered in the index's tokenizer manager.
pub const ANALYZER: &str = "warta_id";

/// Longest token kept, in bytes.
pub const MAX_TOKEN_BYTES: usize = 40;

/// Builds the analyzer used for article text and queries.
///
/// ```
/// let mut analyzer = warta::analysis::text_analyzer();
/// let mut stream = analyzer.token_stream("BPJS Ketenagakerjaan, Sébastien!");
/// let mut terms = Vec::new();
/// while stream.advance() {
///     terms.push(stream.token().text.clone());
/// }
/// assert_eq!(terms, ["bpjs", "ketenagakerjaan", "sebastien"]);
/// ```
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
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

/// Runs the analyzer over `text` and collects every token.
pub fn analyze(text: &str) -> Vec<AnalyzedToken> {
    let mut analyzer = text_analyzer();
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

/// The terms of `text`, in order: what a query word turns into.
pub fn terms(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|t| t.term).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_and_folds_accents() {
        assert_eq!(terms("BPJAMSOSTEK Sébastien Ünal"), ["bpjamsostek", "sebastien", "unal"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Kata “Zainudin”, lalu Rp37,83 miliar.";
        for t in analyze(text) {
            let slice = &text[t.start..t.end];
            assert_eq!(terms(slice), std::slice::from_ref(&t.term), "{slice}");
        }
    }

    #[test]
    fn positions_are_consecutive() {
        let tokens = analyze("jaminan hari tua");
        let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn very_long_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_BYTES + 1);
        assert_eq!(terms(&format!("pekerja {long} migran")), ["pekerja", "migran"]);
    }

    #[test]
    fn never_panics_on_odd_unicode() {
        for s in ["", "🙂🙂", "e\u{301}", "\u{0}\u{ffff}", "٣٤٥", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]
        {
            let _ = analyze(s);
        }
    }
}
