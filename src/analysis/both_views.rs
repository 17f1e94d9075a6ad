//! `BothViews`: the exact and the stemmed view of a text from one pass of the shared steps.
//!
//! Why: snippets find a query's hits the way the index did, in both views, over each hit's
//! body. Running the two analyzers did the shared steps (tokenizer → RemoveLong → AsciiFolding
//! → Reduplication) twice, through a chain of boxed filters each looking at every token. The
//! views differ only in their last step, and that step depends on the token's text alone:
//! the exact view lowercases it (`LowerCaser`), the stemmed view drops stopwords, stems and
//! lowercases it ([`StemmedWords`](super::stemmed::StemmedWords), one memo lookup). So one
//! pass of the shared steps, then both last steps on each token, gives both views: the same
//! terms, offsets and positions as the two analyzers (tested below against them on arbitrary
//! and Indonesian-looking text). The index itself still uses the analyzers.

use tantivy::tokenizer::{TokenStream, Tokenizer};

use super::stemmed::Memo;
use super::{AnalysisConfig, BaseTokenizer, base_tokenizer};

/// One token of a text in both views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BothToken<'a> {
    /// Byte offset of the token's start in the text.
    pub start: usize,
    /// Byte offset just past the token's end.
    pub end: usize,
    /// Position (0-based), the same in both views.
    pub position: usize,
    /// The exact view's term; `None` where the caller does not look for it (an ASCII token of
    /// none of the lengths asked for: lowercasing ASCII keeps the length).
    pub exact: Option<&'a str>,
    /// The stemmed view's term; `None` where the stemmed view drops the token (a stopword).
    pub stemmed: Option<&'a str>,
}

/// Both views' analysis of a text in one pass. Keeps the stemmed view's memo between texts
/// (like a kept stemmed analyzer).
pub struct BothViews {
    base: BaseTokenizer,
    memo: Memo,
    /// Reused for the exact view's lowercased term.
    lower: String,
}

impl BothViews {
    /// Both views of `config` (its protected words and extra roots).
    pub fn new(config: &AnalysisConfig) -> BothViews {
        let (dict, keep) = config.stemmer.parts();
        BothViews { base: base_tokenizer(), memo: Memo::new(dict, keep), lower: String::new() }
    }

    /// Calls `f` with every token of `text`, in order. With `stemmed` false the stemmed view
    /// is not computed (every token's `stemmed` is `None`). With `exact_lengths`, only exact
    /// terms of these byte lengths are wanted: an ASCII token of another length (its exact
    /// term would have the same length) is given without its exact term, and not lowercased.
    pub fn for_each(
        &mut self,
        text: &str,
        stemmed: bool,
        exact_lengths: Option<&[usize]>,
        mut f: impl FnMut(BothToken<'_>),
    ) {
        let mut stream = self.base.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            let wanted = exact_lengths
                .is_none_or(|lengths| lengths.contains(&t.text.len()) || !t.text.is_ascii());
            if wanted {
                super::lowercase_into(&mut self.lower, &t.text);
            }
            let stem = if stemmed { self.memo.term(&t.text) } else { None };
            f(BothToken {
                start: t.offset_from,
                end: t.offset_to,
                position: t.position,
                exact: wanted.then_some(self.lower.as_str()),
                stemmed: stem,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::analysis::{AnalyzedToken, View, collect};

    /// Both views as `(exact tokens, stemmed tokens)` in the analyzers' form.
    fn fused(views: &mut BothViews, text: &str) -> (Vec<AnalyzedToken>, Vec<AnalyzedToken>) {
        let (mut exact, mut stemmed) = (Vec::new(), Vec::new());
        views.for_each(text, true, None, |t| {
            let token = |term: &str| AnalyzedToken {
                term: term.to_string(),
                start: t.start,
                end: t.end,
                position: t.position,
            };
            exact.push(token(t.exact.unwrap_or_default()));
            if let Some(s) = t.stemmed {
                stemmed.push(token(s));
            }
        });
        (exact, stemmed)
    }

    fn config() -> AnalysisConfig {
        let protected: HashSet<String> =
            ["medan", "surabaya", "kemnaker", "bpjs"].iter().map(|s| s.to_string()).collect();
        AnalysisConfig::new(Arc::new(protected), vec!["kerja".into(), "nelayan".into()])
    }

    /// The fused pass against the two analyzers of the same configuration, twice (the
    /// second pass is answered from the memo).
    fn assert_same(config: &AnalysisConfig, views: &mut BothViews, text: &str) {
        let mut exact = config.analyzer(View::Exact);
        let mut stemmed = config.analyzer(View::Stemmed);
        for _ in 0..2 {
            let (e, s) = fused(views, text);
            assert_eq!(e, collect(&mut exact, text), "exact view of {text:?}");
            assert_eq!(s, collect(&mut stemmed, text), "stemmed view of {text:?}");
        }
    }

    #[test]
    fn equals_the_two_analyzers_on_news_text() {
        let config = config();
        let mut views = BothViews::new(&config);
        let text = "Para Pekerja di MEDAN menerima perlindungan dari BPJS Ketenagakerjaan yang \
                    diberikan Kemnaker, dan pekerja-pekerja itu DAN Yang lain; kupu-kupu \
                    sehari-hari BPJS-TK e-KTP Covid19 Rp37,83 miliar 1.234.567,89 ÉTAT Müller \
                    İstanbul \"Kami siap,\" ujar Sari. Jum'at ke-2 Ng’ombe ½ ٣٤٥ 🙂.";
        assert_same(&config, &mut views, text);
        let default = AnalysisConfig::default();
        assert_same(&default, &mut BothViews::new(&default), text);
    }

    #[test]
    fn without_the_stemmed_view_every_token_still_comes() {
        let mut views = BothViews::new(&AnalysisConfig::default());
        let mut got = Vec::new();
        views.for_each("Pekerja yang MENDAFTAR", false, None, |t| {
            got.push((t.exact.unwrap_or_default().to_string(), t.stemmed.is_some(), t.position))
        });
        assert_eq!(
            got,
            [
                ("pekerja".into(), false, 0),
                ("yang".into(), false, 1),
                ("mendaftar".into(), false, 2)
            ]
        );
    }

    /// Every token's exact term, asking only for terms of `lengths`.
    fn exact_terms(
        views: &mut BothViews,
        text: &str,
        lengths: Option<&[usize]>,
    ) -> Vec<Option<String>> {
        let mut got = Vec::new();
        views.for_each(text, true, lengths, |t| got.push(t.exact.map(str::to_string)));
        got
    }

    /// With `exact_lengths`, every term of one of those lengths still comes, the same as
    /// without; the other tokens come too (same positions), some without their term.
    fn assert_lengths_keep_every_wanted_term(text: &str, lengths: &[usize]) {
        let mut views = BothViews::new(&config());
        let all = exact_terms(&mut views, text, None);
        let some = exact_terms(&mut views, text, Some(lengths));
        assert_eq!(all.len(), some.len(), "{text:?}");
        for (a, s) in all.iter().zip(&some) {
            let a = a.as_deref().unwrap_or_default();
            if lengths.contains(&a.len()) {
                assert_eq!(s.as_deref(), Some(a), "{text:?} {lengths:?}");
            }
            if let Some(s) = s {
                assert_eq!(s, a, "{text:?}");
            }
        }
    }

    #[test]
    fn asking_for_some_lengths_leaves_out_only_other_ascii_terms() {
        let text = "Para Pekerja di MEDAN menerima İstanbul ÉTAT Müller pekerja-pekerja";
        assert_lengths_keep_every_wanted_term(text, &[7]);
        let mut views = BothViews::new(&config());
        // Folded and lowercased before its length counts.
        let got = exact_terms(&mut views, "Para Pekerja di MÜLLERS MÜLLER", Some(&[7]));
        assert_eq!(got, [None, Some("pekerja".into()), None, Some("mullers".into()), None]);
    }

    proptest! {
        #[test]
        fn asking_for_some_lengths_keeps_every_term_of_those_lengths(
            text in "\\PC{0,200}",
            lengths in prop::collection::vec(1usize..12, 0..4),
        ) {
            assert_lengths_keep_every_wanted_term(&text, &lengths);
        }

        #[test]
        fn equals_the_two_analyzers_on_any_text(text in "\\PC{0,300}") {
            let config = config();
            assert_same(&config, &mut BothViews::new(&config), &text);
        }

        #[test]
        fn equals_the_two_analyzers_on_indonesian_looking_text(
            text in crate::test_support::indonesian_like_text(),
        ) {
            let config = config();
            assert_same(&config, &mut BothViews::new(&config), &text);
        }
    }
}
