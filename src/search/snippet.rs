//! Snippets: the sentences of a body that best show why it matched, with the
//! query's terms highlighted.
//!
//! Researchers quote, so fragments follow sentence boundaries rather than a
//! fixed window: each sentence is scored by how many distinct query terms
//! (or phrases) it holds, then by how many hits; the best few are returned,
//! best first. A sentence longer than the fragment budget is cut around its
//! first hit, with `…` marking the cut. Highlight ranges are *character*
//! offsets into the fragment text, as the JSON contract promises.

use serde::{Deserialize, Serialize};

use std::sync::{Arc, Mutex, PoisonError};

use crate::analysis::AnalysisConfig;
use crate::analysis::both_views::BothViews;
use crate::search::compile::Pattern;

mod sentences;

use sentences::sentences;

/// Longest fragment, in characters (before the `…` marks).
pub const MAX_FRAGMENT_CHARS: usize = 280;

/// How much of a body is searched for snippet hits, in bytes. Articles are
/// far shorter; this bounds the work for a multi-megabyte dump.
pub const MAX_SCAN_BYTES: usize = 1 << 20;

/// One fragment with its highlighted ranges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The fragment text.
    pub text: String,
    /// `[start, end)` character offsets of each highlight in `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// A hit: byte range in the body and which pattern matched.
#[derive(Clone, Copy, Debug)]
struct Match {
    start: usize,
    end: usize,
    pattern: usize,
}

/// Both views' analysis, to find hits the way the index did (one pass
/// over a body gives both views: [`BothViews`]).
pub struct Analyzers {
    views: BothViews,
}

impl Analyzers {
    /// The analysis of `config`'s views, with an empty stem memo.
    pub fn new(config: &AnalysisConfig) -> Analyzers {
        Analyzers { views: BothViews::new(config) }
    }
}

/// Analyzers kept between searches of one index (held by the index:
/// `WartaIndex::state`), with the configuration they were built from. A
/// fresh analyzer starts with an empty stem cache and stems every word of
/// every snippet body again; kept ones stem each word type once per index
/// and process.
#[derive(Default)]
pub struct AnalyzerPool(Mutex<Vec<(AnalysisConfig, Analyzers)>>);

/// Analyzers kept at most (one per search running at the same time).
const POOL_SIZE: usize = 4;

/// Whether two configurations build the same analyzers.
fn same_config(a: &AnalysisConfig, b: &AnalysisConfig) -> bool {
    Arc::ptr_eq(&a.protected, &b.protected) && a.extra_roots == b.extra_roots
}

impl AnalyzerPool {
    /// Analyzers of `config`: kept ones when a search left some, else new.
    pub fn take(&self, config: &AnalysisConfig) -> Analyzers {
        let mut pool = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        match pool.iter().rposition(|(c, _)| same_config(c, config)) {
            Some(i) => pool.swap_remove(i).1,
            None => Analyzers::new(config),
        }
    }

    /// Keeps these analyzers of `config` for the next search.
    pub fn put_back(&self, analyzers: Analyzers, config: &AnalysisConfig) {
        let mut pool = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if pool.len() >= POOL_SIZE {
            pool.remove(0);
        }
        pool.push((config.clone(), analyzers));
    }
}

/// Up to `max` snippets of `body` for the query's `patterns`.
///
/// When no sentence holds a hit (the article matched on its title or a
/// filter), the opening sentence is returned without highlights.
pub fn snippets(
    body: &str,
    analyzers: &mut Analyzers,
    patterns: &[Pattern],
    max: usize,
) -> Vec<Snippet> {
    snippets_with(body, patterns, max, |terms, body, stemmed| {
        terms.tokens(&mut analyzers.views, body, stemmed)
    })
}

/// [`snippets`] with the body's tokens in both views from `tokens` (given
/// the query's terms, the scanned body, and whether the stemmed view is
/// needed).
fn snippets_with(
    body: &str,
    patterns: &[Pattern],
    max: usize,
    tokens: impl FnOnce(&Terms<'_>, &str, bool) -> (Vec<Token>, Vec<Token>),
) -> Vec<Snippet> {
    if max == 0 || body.trim().is_empty() {
        return Vec::new();
    }
    // Huge bodies are searched for hits only in their first part.
    let body = &body[..floor_char_boundary(body, MAX_SCAN_BYTES)];
    let terms = Terms::of(patterns);
    let has_stemmed = patterns.iter().any(|p| !p.stemmed.is_empty());
    let (exact, stemmed) = tokens(&terms, body, has_stemmed);
    let matches = find_matches(&exact, &stemmed, patterns, &terms);
    best_sentences(body, &matches, max)
}

/// The `max` best sentences of `body` for these `matches` (sorted, not
/// overlapping), or its opening sentence when none holds one.
fn best_sentences(body: &str, matches: &[Match], max: usize) -> Vec<Snippet> {
    let sentences = sentences(body);
    // Matches are sorted and do not overlap: each sentence takes a slice.
    let inside = |s: usize, e: usize| -> &[Match] {
        let from = matches.partition_point(|m| m.start < s);
        let to = from + matches[from..].partition_point(|m| m.end <= e);
        &matches[from..to]
    };
    let mut scored: Vec<(usize, usize, (usize, usize))> = Vec::new();
    for (i, &(s, e)) in sentences.iter().enumerate() {
        let hits = inside(s, e);
        if hits.is_empty() {
            continue;
        }
        let mut distinct: Vec<usize> = hits.iter().map(|m| m.pattern).collect();
        distinct.sort_unstable();
        distinct.dedup();
        scored.push((distinct.len() * 100 + hits.len(), i, (s, e)));
    }
    if scored.is_empty() {
        return sentences.first().map(|&(s, e)| fragment(body, s, e, &[])).into_iter().collect();
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(max).map(|(_, _, (s, e))| fragment(body, s, e, inside(s, e))).collect()
}

/// The largest char boundary at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// The distinct terms of a query's patterns, numbered: body tokens are
/// matched by number, and no token text is copied.
struct Terms<'a> {
    terms: Vec<&'a str>,
}

/// The number of every term that is not in the query.
const NOT_QUERIED: u32 = u32::MAX;

/// A body token: its term's number in [`Terms`] and where it is.
#[derive(Clone, Copy, Debug)]
struct Token {
    term: u32,
    start: usize,
    end: usize,
    position: usize,
}

impl<'a> Terms<'a> {
    fn of(patterns: &'a [Pattern]) -> Terms<'a> {
        let mut terms: Vec<&str> = Vec::new();
        for p in patterns {
            for (_, t) in p.exact.iter().chain(&p.stemmed) {
                if !terms.contains(&t.as_str()) {
                    terms.push(t);
                }
            }
        }
        Terms { terms }
    }

    fn number(&self, term: &str) -> u32 {
        let i = self.terms.iter().position(|t| *t == term);
        i.and_then(|i| u32::try_from(i).ok()).unwrap_or(NOT_QUERIED)
    }

    /// The tokens of `text` whose term is one of the query's, in the exact
    /// and (with `stemmed`) the stemmed view. Tokens of other terms are left
    /// out: no pattern starts on them, and a phrase whose next position holds
    /// one fails the same whether it is listed (as not queried) or missing.
    fn tokens(&self, views: &mut BothViews, text: &str, stemmed: bool) -> (Vec<Token>, Vec<Token>) {
        let (mut exact, mut stems) = (Vec::new(), Vec::new());
        // Only the exact terms of a query term's length can be one.
        let lengths: Vec<usize> = self.terms.iter().map(|t| t.len()).collect();
        views.for_each(text, stemmed, Some(&lengths), |t| {
            let token = |term| Token { term, start: t.start, end: t.end, position: t.position };
            let e = t.exact.map_or(NOT_QUERIED, |e| self.number(e));
            if e != NOT_QUERIED {
                exact.push(token(e));
            }
            if let Some(s) = t.stemmed {
                let s = self.number(s);
                if s != NOT_QUERIED {
                    stems.push(token(s));
                }
            }
        });
        (exact, stems)
    }

    /// A pattern's terms as numbers.
    fn pattern(&self, terms: &[(usize, String)]) -> Vec<(usize, u32)> {
        terms.iter().map(|(offset, t)| (*offset, self.number(t))).collect()
    }
}

/// Every place where a pattern occurs, in the exact or the stemmed view.
fn find_matches(
    exact: &[Token],
    stemmed: &[Token],
    patterns: &[Pattern],
    terms: &Terms,
) -> Vec<Match> {
    let mut out = Vec::new();
    for (p, pattern) in patterns.iter().enumerate() {
        matches_in(exact, &terms.pattern(&pattern.exact), p, &mut out);
        matches_in(stemmed, &terms.pattern(&pattern.stemmed), p, &mut out);
    }
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Drop matches nested in an earlier, longer one (a word inside a phrase,
    // or the same word found in both views).
    let mut kept: Vec<Match> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    kept
}

/// Runs of `tokens` whose terms and relative positions equal `pattern`.
fn matches_in(tokens: &[Token], pattern: &[(usize, u32)], p: usize, out: &mut Vec<Match>) {
    let Some(&(_, first)) = pattern.first() else { return };
    for (i, t) in tokens.iter().enumerate() {
        if t.term != first {
            continue;
        }
        let mut last = t;
        let mut ok = true;
        for &(offset, term) in &pattern[1..] {
            let want = t.position + offset;
            match tokens[i..].iter().take_while(|x| x.position <= want).find(|x| x.position == want)
            {
                Some(x) if x.term == term => last = x,
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push(Match { start: t.start, end: last.end, pattern: p });
        }
    }
}

/// Bytes to skip at the start of a fragment that opens a quotation it does
/// not close (the quote goes on in the next sentence): the quotation mark
/// and the spaces after it. A reader would see a stray mark otherwise.
fn unmatched_opening_quote(fragment: &str) -> usize {
    let mut chars = fragment.char_indices();
    let Some((_, first)) = chars.next() else { return 0 };
    if !matches!(first, '"' | '“' | '„' | '«') {
        return 0;
    }
    let rest = &fragment[first.len_utf8()..];
    if rest.contains(['"', '”', '»', '“']) {
        return 0;
    }
    fragment.len() - rest.trim_start().len()
}

/// The fragment for the sentence `body[s..e]` with its matches highlighted,
/// cut around the first match when the sentence is too long.
fn fragment(body: &str, s: usize, e: usize, matches: &[Match]) -> Snippet {
    let sentence = &body[s..e];
    let char_len = sentence.chars().count();
    let (mut from, mut to) = (s, e);
    if char_len > MAX_FRAGMENT_CHARS {
        let anchor = matches.first().map_or(s, |m| m.start);
        // Start up to a third of the budget before the first hit, on a word start.
        let lead = MAX_FRAGMENT_CHARS / 3;
        from = body[s..anchor].char_indices().rev().nth(lead).map_or(s, |(i, _)| s + i);
        if from > s {
            from = body[from..anchor].find(' ').map_or(from, |i| from + i + 1);
        }
        to = body[from..e].char_indices().nth(MAX_FRAGMENT_CHARS).map_or(e, |(i, _)| from + i);
        if to < e {
            to = body[from..to].rfind(' ').map_or(to, |i| from + i);
        }
    }
    let prefix = if from > s { "…" } else { "" };
    from += unmatched_opening_quote(&body[from..to]);
    let suffix = if to < e { "…" } else { "" };
    let text = format!("{prefix}{}{suffix}", &body[from..to]);
    let base = prefix.chars().count();
    let highlights = matches
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .map(|m| {
            let a = base + body[from..m.start].chars().count();
            let b = a + body[m.start..m.end].chars().count();
            [a, b]
        })
        .collect();
    Snippet { text, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_opened_but_not_closed_in_the_fragment_loses_its_mark() {
        assert_eq!(unmatched_opening_quote("\"Kami siap melayani."), 1);
        assert_eq!(unmatched_opening_quote("“ Kami siap."), "“ ".len());
        assert_eq!(unmatched_opening_quote("\"Kami siap,\" kata Sari."), 0);
        assert_eq!(unmatched_opening_quote("“Kami siap,” kata Sari."), 0);
        assert_eq!(unmatched_opening_quote("Kami siap."), 0);
        assert_eq!(unmatched_opening_quote(""), 0);
        let body = "\"Loket dibuka sampai malam. Peserta tidak perlu antre,\" kata Sari.";
        let snip = fragment(body, 0, 27, &[]);
        assert_eq!(snip.text, "Loket dibuka sampai malam.");
    }
    use crate::analysis::{self, View};
    use tantivy::tokenizer::TextAnalyzer;

    fn pats(words: &[&str]) -> Vec<Pattern> {
        let c = AnalysisConfig::default();
        let (mut exact, mut stemmed) = (c.analyzer(View::Exact), c.analyzer(View::Stemmed));
        words
            .iter()
            .map(|w| Pattern {
                exact: analysis::positioned_terms(&mut exact, w),
                stemmed: analysis::positioned_terms(&mut stemmed, w),
            })
            .collect()
    }

    fn snippets(body: &str, patterns: &[Pattern], max: usize) -> Vec<Snippet> {
        super::snippets(body, &mut Analyzers::new(&AnalysisConfig::default()), patterns, max)
    }

    fn highlighted(s: &Snippet) -> Vec<String> {
        let chars: Vec<char> = s.text.chars().collect();
        s.highlights.iter().map(|[a, b]| chars[*a..*b].iter().collect()).collect()
    }

    const BODY: &str = "Pekerja di Surabaya mendaftar. Klaim JHT naik tajam tahun ini. \
        BPJS Ketenagakerjaan membayar klaim JHT dan JKK kepada 12.000 peserta.\n\n\
        Paragraf lain tanpa kata kunci.";

    /// Every token of `text` in one view, by its term's number in `terms`:
    /// how snippets found their tokens before both views came from one pass
    /// (the reference the fused pass must equal).
    fn view_tokens(terms: &Terms, analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        analysis::collect(analyzer, text)
            .into_iter()
            .map(|t| Token {
                term: terms.number(&t.term),
                start: t.start,
                end: t.end,
                position: t.position,
            })
            .collect()
    }

    /// Snippets as they were made with the two views' analyzers, each over
    /// the whole body, every token kept.
    fn reference_snippets(
        config: &AnalysisConfig,
        body: &str,
        patterns: &[Pattern],
        max: usize,
    ) -> Vec<Snippet> {
        snippets_with(body, patterns, max, |terms, body, has_stemmed| {
            let exact = view_tokens(terms, &mut config.analyzer(View::Exact), body);
            let stemmed = if has_stemmed {
                view_tokens(terms, &mut config.analyzer(View::Stemmed), body)
            } else {
                Vec::new()
            };
            (exact, stemmed)
        })
    }

    #[test]
    fn analyzers_are_kept_per_configuration() {
        let a = AnalysisConfig::default();
        let b = AnalysisConfig::new(a.protected.clone(), vec!["kerja".into()]);
        assert!(same_config(&a, &a.clone()) && !same_config(&a, &b));
        let pool = AnalyzerPool::default();
        let patterns = pats(&["kerja"]);
        let body = "Para pekerja bekerja. Kerja keras.";
        let mut kept = pool.take(&b);
        let before = super::snippets(body, &mut kept, &patterns, 3);
        pool.put_back(kept, &b);
        let mut again = pool.take(&b);
        assert_eq!(super::snippets(body, &mut again, &patterns, 3), before);
        assert_eq!(before, reference_snippets(&b, body, &patterns, 3));
    }

    #[test]
    fn tokens_are_those_of_query_terms_with_their_numbers() {
        let patterns = pats(&["klaim JHT", "jht", "para"]);
        let terms = Terms::of(&patterns);
        let config = AnalysisConfig::default();
        let mut views = BothViews::new(&config);
        let body = "Para pekerja: Klaim JHT dan klaim lain.";
        let (exact, stemmed) = terms.tokens(&mut views, body, true);
        let full = view_tokens(&terms, &mut config.analyzer(View::Exact), body);
        let queried: Vec<_> = full.iter().filter(|t| t.term != NOT_QUERIED).collect();
        assert_eq!(exact.len(), queried.len());
        for (t, q) in exact.iter().zip(queried) {
            assert_eq!((t.term, t.start, t.end, t.position), (q.term, q.start, q.end, q.position));
        }
        let words: Vec<&str> = exact.iter().map(|t| &body[t.start..t.end]).collect();
        assert_eq!(words, ["Para", "Klaim", "JHT", "klaim"]);
        // `para` is a stopword: gone from the stemmed view.
        assert!(stemmed.iter().all(|t| &body[t.start..t.end] != "Para"));
        assert_eq!(terms.pattern(&patterns[0].exact), [(0, 0), (1, 1)]);
        let (_, none) = terms.tokens(&mut views, body, false);
        assert!(none.is_empty());
    }

    #[test]
    fn the_sentence_with_most_distinct_terms_comes_first() {
        let s = snippets(BODY, &pats(&["JHT", "JKK"]), 3);
        assert_eq!(s.len(), 2);
        assert!(s[0].text.starts_with("BPJS Ketenagakerjaan membayar"), "{:?}", s[0]);
        assert_eq!(highlighted(&s[0]), ["JHT", "JKK"]);
        assert_eq!(highlighted(&s[1]), ["JHT"]);
    }

    #[test]
    fn phrases_highlight_as_one_range() {
        let s = snippets(BODY, &pats(&["bpjs ketenagakerjaan"]), 1);
        assert_eq!(highlighted(&s[0]), ["BPJS Ketenagakerjaan"]);
    }

    #[test]
    fn without_hits_the_opening_sentence_is_shown() {
        let s = snippets(BODY, &pats(&["tidakada"]), 3);
        assert_eq!(
            s,
            [Snippet { text: "Pekerja di Surabaya mendaftar.".into(), highlights: vec![] }]
        );
    }

    #[test]
    fn highlights_are_character_offsets() {
        let body = "Kata “Ünal” menyebut JHT.";
        let s = snippets(body, &pats(&["jht"]), 1);
        assert_eq!(highlighted(&s[0]), ["JHT"]);
        assert_eq!(s[0].highlights, [[21, 24]]);
    }

    #[test]
    fn long_sentences_are_cut_around_the_hit() {
        let body = format!("{} JHT {}", "kata ".repeat(200), "lagi ".repeat(200));
        let s = snippets(&body, &pats(&["jht"]), 1);
        assert!(s[0].text.starts_with('…') && s[0].text.ends_with('…'));
        assert!(s[0].text.chars().count() <= MAX_FRAGMENT_CHARS + 2);
        assert_eq!(highlighted(&s[0]), ["JHT"]);
    }

    #[test]
    fn huge_bodies_are_scanned_only_in_their_first_part() {
        // 3.2 MB, 200k sentences (a sentence-by-match scan once took 22 s here).
        let body = "Klaim JHT naik. ".repeat(200_000);
        let s = snippets(&body, &pats(&["jht"]), 3);
        assert_eq!(s.len(), 3);
        assert_eq!(floor_char_boundary("aé", 2), 1);
    }

    #[test]
    fn odd_unicode_never_panics() {
        for body in ["🙂. 🙂! É", "a\u{301}. B", "…", "\n\n\n"] {
            let _ = snippets(body, &pats(&["a", "🙂"]), 3);
        }
    }

    proptest::proptest! {
        /// Any body and any query words: at most `max` snippets, each no
        /// longer than the budget (plus the two `…` marks), highlights
        /// ordered, non-empty and inside the fragment (character offsets).
        #[test]
        fn highlights_lie_inside_their_fragment(
            body in "[a-zA-Z0-9 .,!?\"“”'éÜ\\n-]{0,600}",
            words in proptest::collection::vec("[a-zA-Zé]{1,8}", 1..4),
            max in 0usize..4,
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let got = snippets(&body, &pats(&words), max);
            proptest::prop_assert!(got.len() <= max);
            for s in &got {
                let chars = s.text.chars().count();
                proptest::prop_assert!(chars <= MAX_FRAGMENT_CHARS + 2, "{} chars", chars);
                let mut last = 0;
                for [a, b] in &s.highlights {
                    proptest::prop_assert!(a < b && *b <= chars, "{:?} in {:?}", [a, b], s.text);
                    proptest::prop_assert!(*a >= last);
                    last = *b;
                }
            }
        }
    }

    proptest::proptest! {
        /// Snippets from the one-pass analysis of both views equal those of
        /// the two analyzers, for single words, phrases, stopwords and a
        /// configuration with protected words and extra roots.
        #[test]
        fn snippets_equal_those_of_the_two_analyzers(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    "(Pe|pe|me|Di|di|ber|ter|peng)(kerja|lindung|bayar|Kerja|nelayan)(an|kan|nya)?",
                    "(yang|Yang|dan|di|serta|Serta|JHT|jht|Klaim|klaim|Medan|MEDAN)",
                    "(pekerja|Pekerja|kupu|hari|BPJS)[-‐](pekerja|kupu|hari|TK)",
                    "(Rp)?[0-9]{1,3}([.,][0-9]{1,3})?",
                    "[a-zA-ZéÜİ]{1,10}",
                    "[.!?,;]?[\"“”']?",
                ],
                0..60,
            ),
            seps in proptest::collection::vec("[ \n]|[.!?] ", 60),
            query in proptest::collection::vec(
                "(pekerja|kerja|klaim jht|jht|yang|medan|bekerja|para pekerja|kupu-kupu|dan klaim|[a-z]{1,4})",
                1..4,
            ),
            max in 0usize..4,
        ) {
            let mut body = String::new();
            for (w, s) in words.iter().zip(&seps) {
                body.push_str(w);
                body.push_str(s);
            }
            let protected = std::collections::HashSet::from(["medan".to_string()]);
            let config = AnalysisConfig::new(Arc::new(protected), vec!["nelayan".into()]);
            let (mut exact, mut stemmed) =
                (config.analyzer(View::Exact), config.analyzer(View::Stemmed));
            let patterns: Vec<Pattern> = query
                .iter()
                .map(|w| Pattern {
                    exact: analysis::positioned_terms(&mut exact, w),
                    stemmed: analysis::positioned_terms(&mut stemmed, w),
                })
                .collect();
            let mut analyzers = Analyzers::new(&config);
            for _ in 0..2 {
                proptest::prop_assert_eq!(
                    super::snippets(&body, &mut analyzers, &patterns, max),
                    reference_snippets(&config, &body, &patterns, max)
                );
            }
        }
    }
}
