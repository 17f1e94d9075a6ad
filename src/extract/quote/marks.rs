//! Where the quotation marks are, and where the sentences end.
//!
//! Indonesian pages mix ASCII `"…"`, curly `“…”` and a closing `”` used as
//! an opener (`”Bupati, …,” ujar Emil.`), so a mark's role comes from its
//! neighbours, not its shape: an opener follows a space and precedes a
//! letter, a closer follows a letter. A quote that reaches the end of its
//! paragraph continues only when the next paragraph opens with a mark (the
//! newspaper convention for long quotes); otherwise it is dropped as a stray
//! mark. Sentences never end inside a quote.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::fxhash::FxBuildHasher;

/// The characters treated as double quotation marks.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// A quotation: the opening mark's offset, the offset just past the closing
/// mark, and the byte ranges of its content (more than one when it runs over
/// several paragraphs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub open: usize,
    pub close_end: usize,
    pub parts: Vec<(usize, usize)>,
}

impl Span {
    /// The quoted words, paragraphs joined by a space.
    pub fn content(&self, text: &str) -> String {
        let parts: Vec<&str> =
            self.parts.iter().filter_map(|&(a, b)| text.get(a..b)).map(str::trim).collect();
        parts.join(" ")
    }

    /// The last character of [`Span::content`] with trailing space
    /// trimmed, without building it: the parts are trimmed and joined by
    /// spaces, so it is the last character of the last non-empty part.
    pub fn last_char(&self, text: &str) -> Option<char> {
        let parts = self.parts.iter().rev().filter_map(|&(a, b)| text.get(a..b));
        parts.map(str::trim).find(|p| !p.is_empty()).and_then(|p| p.chars().last())
    }
}

/// The offset of the first line break or quotation mark in `text` at or
/// after `from`, found by `memchr` on bytes: each starts with `\n`, `"` or
/// the lead byte 0xE2 (the curly marks), and ASCII bytes never occur inside
/// other characters.
fn next_mark(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(k) = memchr::memchr3(b'\n', b'"', 0xE2, &bytes[i..]) {
        let pos = i + k;
        if bytes[pos] != 0xE2 || text[pos..].starts_with(is_mark) {
            return Some(pos);
        }
        i = pos + 1;
    }
    None
}

fn opens(prev: Option<char>, next: Option<char>) -> bool {
    next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|p| p.is_whitespace() || "([{:—–-/".contains(p) || is_mark(p))
}

fn closes(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace())
        && (next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-".contains(n) || is_mark(n))
            || prev.is_some_and(|p| ",.!?".contains(p)))
}

/// A quotation being read: offset of the opener, start of the current
/// part, finished parts.
type Open = (usize, usize, Vec<(usize, usize)>);

/// All balanced quotations of `text`, in order, never overlapping.
pub(super) fn quote_spans(text: &str) -> Vec<Span> {
    let at = |pos: usize| text.get(pos..).and_then(|r| r.chars().next());
    let mut spans = Vec::new();
    let mut open: Option<Open> = None;
    // Only marks and line breaks change anything; the rest is skipped.
    let mut from = 0;
    while let Some(pos) = next_mark(text, from) {
        let c = at(pos).unwrap_or('\n');
        let prev = text[..pos].chars().next_back();
        let next = at(pos + c.len_utf8());
        from = pos + c.len_utf8();
        match open.take() {
            None => {
                if is_mark(c) && opens(prev, next) {
                    open = Some((pos, pos + c.len_utf8(), Vec::new()));
                }
            }
            Some((start, part, mut parts)) => {
                if c == '\n' {
                    let rest = &text[pos..];
                    let j = pos + rest.len() - rest.trim_start().len();
                    let mark = at(j).filter(|&m| is_mark(m));
                    let continues = mark
                        .is_some_and(|m| at(j + m.len_utf8()).is_some_and(|n| !n.is_whitespace()));
                    if let (true, Some(m)) = (continues, mark) {
                        parts.push((part, pos));
                        open = Some((start, j + m.len_utf8(), parts));
                        from = j + m.len_utf8();
                        continue;
                    }
                    // A stray mark: forget it and go on after the paragraph.
                } else if is_mark(c) && closes(prev, next) {
                    parts.push((part, pos));
                    spans.push(Span { open: start, close_end: pos + c.len_utf8(), parts });
                } else {
                    open = Some((start, part, parts));
                }
            }
        }
    }
    spans
}

/// A sentence: its byte range and the indices of the quotations inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub quotes: Vec<usize>,
}

/// Words after which a period does not end a sentence ("Pj.", "Dr.", "No.").
const ABBREVIATIONS: &[&str] = &[
    "pj", "plt", "plh", "pps", "dr", "drs", "dra", "ir", "hj", "prof", "no", "jl", "jln", "kab",
    "kec", "kel", "tbk", "sdr", "bpk", "st", "kh", "mr", "mrs", "ms", "vol", "tel", "telp", "yth",
    "dkk", "sos", "si", "kom", "pd", "ak", "ph", "kol", "brigjen", "mayjen", "letjen", "irjen",
    "komjen", "kombes", "akbp",
];

/// The length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 7;

/// [`ABBREVIATIONS`] as a set of their bytes, asked with an ASCII word
/// lower-cased on the stack (one look-up rather than a comparison with
/// each).
static ABBREVIATION_SET: LazyLock<HashSet<&'static [u8], FxBuildHasher>> =
    LazyLock::new(|| ABBREVIATIONS.iter().map(|a| a.as_bytes()).collect());

/// Whether the period at `dot` follows an abbreviation: one letter, or a
/// word of [`ABBREVIATIONS`] in any case. An ASCII word lower-cases byte by
/// byte, so it is compared without building the lower-case string.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let alphabetic = before.char_indices().rev().take_while(|&(_, c)| c.is_alphabetic());
    let word = &before[alphabetic.last().map_or(before.len(), |(i, _)| i)..];
    if word.is_ascii() {
        if word.len() <= 1 || word.len() > LONGEST_ABBREVIATION {
            return word.len() == 1;
        }
        let mut buf = [0u8; LONGEST_ABBREVIATION];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return ABBREVIATION_SET.contains(&*lower);
    }
    let word = word.to_lowercase();
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str())
}

/// Whether the text from `pos` on starts a new sentence: spaces, then a
/// capital, a digit, a bracket or a quotation mark.
fn starts_sentence(text: &str, pos: usize) -> bool {
    let rest = text.get(pos..).unwrap_or("");
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    rest.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || c == '(' || is_mark(c) || c == '\n'
    }) || rest.trim_start_matches([' ', '\t']).starts_with('\n')
}

/// The next line break and the next `.`, `!` or `?` at or after a
/// position, found by `memchr` and kept until the position passes them
/// (positions only grow). Bytes, not characters: these ASCII bytes occur
/// only as themselves.
struct Ends<'t> {
    bytes: &'t [u8],
    line: usize,
    stop: usize,
}

impl<'t> Ends<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let line = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
        let stop = memchr::memchr3(b'.', b'!', b'?', bytes).unwrap_or(bytes.len());
        Ends { bytes, line, stop }
    }

    /// The offset of the first of these bytes at or after `p`, or the
    /// text's length; `p` never decreases between calls.
    fn next(&mut self, p: usize) -> usize {
        let rest = &self.bytes[p..];
        if self.line < p {
            self.line = memchr::memchr(b'\n', rest).map_or(self.bytes.len(), |k| p + k);
        }
        if self.stop < p {
            self.stop = memchr::memchr3(b'.', b'!', b'?', rest).map_or(self.bytes.len(), |k| p + k);
        }
        self.line.min(self.stop)
    }
}

/// Splits `text` into sentences. Line breaks end sentences, except inside a
/// quotation; so do `.`, `!` and `?` before a capitalised word, except after
/// an abbreviation; so does a quotation ending in `.`/`!`/`?` before one.
pub(super) fn sentences(text: &str, spans: &[Span]) -> Vec<Sentence> {
    let mut ends = Ends::new(text);
    split(text, spans, |p, limit| ends.next(p).min(limit))
}

/// [`sentences`], given where the next line break, `.`, `!` or `?` in
/// `p..limit` is (`limit` if none).
fn split(
    text: &str,
    spans: &[Span],
    mut next_end: impl FnMut(usize, usize) -> usize,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quotes = Vec::new();
    let mut next_span = 0;
    let mut p = 0;
    let push = |out: &mut Vec<Sentence>, a: usize, b: usize, q: &mut Vec<usize>| {
        let s = text.get(a..b).unwrap_or("");
        let t = s.trim_start();
        // (A text is blank exactly when trimming its start empties it.)
        if !t.is_empty() {
            let (lead, trail) = (s.len() - t.len(), t.len() - t.trim_end().len());
            out.push(Sentence { start: a + lead, end: b - trail, quotes: std::mem::take(q) });
        }
        q.clear();
    };
    while p < text.len() {
        if let Some(span) = spans.get(next_span).filter(|s| s.open == p) {
            quotes.push(next_span);
            next_span += 1;
            p = span.close_end;
            let last = span.last_char(text);
            if last.is_some_and(|c| ".!?".contains(c)) && starts_sentence(text, p) {
                push(&mut out, start, p, &mut quotes);
                start = p;
            }
            continue;
        }
        // Skip to the next character that may end a sentence, or to the
        // next quotation's opening mark.
        let limit = spans.get(next_span).map(|s| s.open).filter(|&o| o > p).unwrap_or(text.len());
        let skip = next_end(p, limit) - p;
        if skip > 0 {
            p += skip;
            continue;
        }
        let Some(c) = text.get(p..).and_then(|r| r.chars().next()) else { break };
        let after = p + c.len_utf8();
        if c == '\n' {
            push(&mut out, start, p, &mut quotes);
            start = after;
        } else if ".!?".contains(c) && starts_sentence(text, after) && !is_abbreviation(text, p) {
            push(&mut out, start, after, &mut quotes);
            start = after;
        }
        p = after;
    }
    push(&mut out, start, text.len(), &mut quotes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<String> {
        quote_spans(text).iter().map(|s| s.content(text)).collect()
    }

    #[test]
    fn ascii_curly_and_reversed_marks_all_quote() {
        assert_eq!(contents(r#"A "satu dua," kata B."#), ["satu dua,"]);
        assert_eq!(contents("A “satu dua,” kata B."), ["satu dua,"]);
        assert_eq!(contents("”Satu dua,” ujar B."), ["Satu dua,"]);
        assert_eq!(contents("„Satu“ dan ”dua”"), ["Satu", "dua"]);
    }

    #[test]
    fn a_quote_continues_into_a_paragraph_that_opens_with_a_mark() {
        let text = "“Satu dua.\n\n“Tiga empat,” kata B.";
        assert_eq!(contents(text), ["Satu dua. Tiga empat,"]);
        let s = sentences(text, &quote_spans(text));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].quotes, [0]);
    }

    #[test]
    fn an_unclosed_mark_is_dropped_at_the_end_of_its_paragraph() {
        let text = "Layar 5\" dan \"kata tanpa tutup\n\nBaris baru \"ini,\" kata A.";
        assert_eq!(contents(text), ["ini,"]);
        assert!(contents("\"").is_empty());
        assert!(contents("“ ” \" ”").is_empty());
    }

    #[test]
    fn sentences_end_at_periods_but_not_after_abbreviations_or_inside_quotes() {
        let text = "Pj. Gubernur Dr. A. Budi hadir. \"Satu. Dua,\" katanya. Rp5 juta.\nBaris";
        let spans = quote_spans(text);
        let got: Vec<&str> =
            sentences(text, &spans).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            got,
            ["Pj. Gubernur Dr. A. Budi hadir.", "\"Satu. Dua,\" katanya.", "Rp5 juta.", "Baris"]
        );
    }

    #[test]
    fn a_quote_ending_a_sentence_splits_before_the_next_capital() {
        let text = "“Ayo.” Ia lalu pergi. “Siap!” kata dia.";
        let spans = quote_spans(text);
        let got: Vec<&str> =
            sentences(text, &spans).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["“Ayo.”", "Ia lalu pergi.", "“Siap!” kata dia."]);
    }

    #[test]
    fn odd_unicode_never_panics() {
        for text in ["\u{0301}\"é\"", "“", "”\n\n”", "a.\u{a0}B", "ß\"\n\"ü", "😀. 😀\"😀\"."]
        {
            let spans = quote_spans(text);
            let _ = sentences(text, &spans);
        }
    }

    #[test]
    fn byte_searches_agree_with_char_searches() {
        for text in ["", "a\"b“c”d„e\nf", "—–…é😀\"", "\u{e2}x", "x⁄y“"] {
            let want: Vec<usize> =
                text.match_indices(|c| c == '\n' || is_mark(c)).map(|m| m.0).collect();
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(pos) = next_mark(text, from) {
                got.push(pos);
                from = pos + 1;
            }
            assert_eq!(got, want, "{text}");
        }
    }

    /// [`split`] with a plain byte loop over `p..limit` instead of [`Ends`]:
    /// the reference it must agree with.
    fn sentences_by_byte_loop(text: &str, spans: &[Span]) -> Vec<Sentence> {
        split(text, spans, |p, limit| {
            let found = text.as_bytes()[p..limit]
                .iter()
                .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'));
            found.map_or(limit, |k| p + k)
        })
    }

    #[test]
    fn memchr_ends_split_as_the_byte_loop() {
        for text in
            ["", ".", "\n", "A. B! C? D\nE", "“Ayo.” Ia pergi.\n\n\"Satu. Dua,\" kata B. é.\nF"]
        {
            let spans = quote_spans(text);
            assert_eq!(sentences(text, &spans), sentences_by_byte_loop(text, &spans), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn memchr_ends_split_as_the_byte_loop_on_any_text(
            text in r#"(?:[A-Za-z]{1,6}|[ .!?\n"“”„]|Pj\.|é|…){0,40}"#,
        ) {
            let spans = quote_spans(&text);
            proptest::prop_assert_eq!(sentences(&text, &spans), sentences_by_byte_loop(&text, &spans));
        }
    }

    #[test]
    fn last_char_is_the_last_of_the_content() {
        let text = "“Satu dua. \n\n“ \n\n” x";
        for parts in [vec![(3, 12)], vec![(3, 12), (15, 17)], vec![(15, 17)], vec![], vec![(0, 99)]]
        {
            let span = Span { open: 0, close_end: 0, parts };
            assert_eq!(span.last_char(text), span.content(text).trim_end().chars().last());
        }
    }

    #[test]
    fn abbreviations_in_any_case_and_odd_letters() {
        let cases = [
            ("Pj.", true),
            ("PJ.", true),
            ("kata Dr.", true),
            ("A.", true),
            ("\u{212A}ol.", true),
            ("İ.", false),
            ("ΣΣ.", false),
            ("hadir.", false),
            (".", false),
            ("12.", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_abbreviation(text, text.len() - 1), want, "{text}");
        }
        assert_eq!(ABBREVIATIONS.iter().map(|a| a.len()).max(), Some(LONGEST_ABBREVIATION));
        for a in ABBREVIATIONS {
            let upper = format!("x {}.", a.to_uppercase());
            assert!(is_abbreviation(&upper, upper.len() - 1), "{a}");
        }
    }

    /// [`is_abbreviation`] as first written: the word compared with each
    /// abbreviation in turn.
    fn is_abbreviation_by_scan(text: &str, dot: usize) -> bool {
        let before = text.get(..dot).unwrap_or("");
        let alphabetic = before.char_indices().rev().take_while(|&(_, c)| c.is_alphabetic());
        let word = &before[alphabetic.last().map_or(before.len(), |(i, _)| i)..];
        if word.is_ascii() {
            return word.len() == 1 || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
        }
        let word = word.to_lowercase();
        word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str())
    }

    proptest::proptest! {
        #[test]
        fn abbreviations_by_set_are_those_by_scan(
            text in r"(?:[a-zA-Z ]|pj|Dr|PROF|brigjen|Kombes|akbpx|\u{212A}|é){0,6}\.",
        ) {
            let dot = text.len() - 1;
            proptest::prop_assert_eq!(is_abbreviation(&text, dot), is_abbreviation_by_scan(&text, dot));
        }
    }
}
