//! Publisher and site names masked out of a text before places are matched
//! (`KALTENGTERKINI.CO.ID` never yields Kalimantan Tengah), and the
//! territories of regional offices, keeping every byte offset.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::{is_word_char, offices};
use crate::extract::ci_gate::CiGate;

/// Publisher names that contain a place abbreviation.
const PUBLISHERS: &[&str] = &[
    "Kalteng Pos",
    "Sumut Pos",
    "Jatim Times",
    "JatimTimes",
    "Radar Jabar",
    "Kaltim Post",
    "Bali Post",
    "Riau Pos",
    "Lampung Post",
    "Jabar Ekspres",
];

/// Site names such as "KALTENGTERKINI.CO.ID" or "Liputan6.com".
static SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:co\.id|or\.id|go\.id|ac\.id|web\.id|my\.id|com|id|net|org|co|news|tv|info)\b")
        .unwrap()
});

pub(super) const MASK: char = '\u{1}';

/// Whether `text` has a dot followed by an ASCII letter, which every match
/// of [`SITE`] has before its top-level domain. A byte search jumps from
/// dot to dot instead of looking at every byte pair.
fn may_hold_site(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'.', bytes).any(|i| bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
}

/// Pieces of [`PUBLISHERS`], lower-case ASCII: every name holds one.
const PUBLISHER_PIECES: [&str; 3] = [" pos", "times", "jabar"];

/// Every match of [`PUBLISHER`] holds one of [`PUBLISHER_PIECES`].
static PUBLISHER_GATE: LazyLock<CiGate> = LazyLock::new(|| CiGate::new(&PUBLISHER_PIECES));

/// Known publisher names, as one case-insensitive regex.
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    let alt: Vec<String> = PUBLISHERS.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", alt.join("|"))).unwrap()
});

/// Non-overlapping occurrences of `needle` in `text`, left to right, ASCII
/// letters in any case, as byte ranges: what a one-pattern, ASCII
/// case-insensitive Aho-Corasick search finds, without building an
/// automaton per article. An empty needle finds nothing.
fn find_ascii_ci<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let (hay, pat) = (text.as_bytes(), needle.as_bytes());
    // Candidates are found by the needle's rarest byte (either case), at
    // its offset `k`: the first byte of `ANTARA` is in every fifth word.
    let k = (0..pat.len()).max_by_key(|&i| byte_rank(pat[i])).unwrap_or(0);
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rare = pat.get(k)?.to_ascii_lowercase();
        let last_start = hay.len().checked_sub(pat.len())?;
        while pos <= last_start {
            // A tight loop over one byte compare finds the candidates; only
            // they are compared in full.
            let Some(found) =
                memchr::memchr2(rare, rare.to_ascii_uppercase(), &hay[pos + k..=last_start + k])
            else {
                pos = hay.len() + 1;
                return None;
            };
            let i = pos + found;
            if hay[i..i + pat.len()].eq_ignore_ascii_case(pat) {
                pos = i + pat.len();
                return Some((i, pos));
            }
            pos = i + 1;
        }
        None
    })
}

/// How rare a byte is in news text, in either ASCII case (higher is
/// rarer): white space, then ASCII letters by their frequency in
/// Indonesian, the stop and the comma among them; other bytes rarer still.
fn byte_rank(b: u8) -> usize {
    const COMMON_FIRST: &[u8] = b" \naneikrutms.,lgpdbhoyjcwfvzxq";
    let b = b.to_ascii_lowercase();
    COMMON_FIRST.iter().position(|&x| x == b).unwrap_or(COMMON_FIRST.len())
}

/// Masks publisher and site names in the texts of one article.
pub(super) struct Masker<'s> {
    /// The article's own publisher name (3 to 100 characters), any ASCII case.
    source: Option<&'s str>,
}

impl<'s> Masker<'s> {
    pub(super) fn new(source: Option<&'s str>) -> Self {
        let source = source.map(str::trim).filter(|s| (3..=100).contains(&s.chars().count()));
        Masker { source }
    }

    /// The text with publisher names and site names replaced by `MASK`
    /// characters of the same byte length, so offsets stay valid.
    /// Borrows `text` when nothing is masked (most texts), saving a copy.
    pub(super) fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.mask_with(text, &[])
    }

    /// [`Masker::mask`], also masking the territories of regional offices.
    pub(super) fn mask_with<'t>(
        &self,
        text: &'t str,
        offices: &[offices::OfficeHit],
    ) -> Cow<'t, str> {
        // A site name needs a dot followed by a letter (`.com`, `.co.id`):
        // most texts have none, and the site regex is slow on non-ASCII text.
        let sites = may_hold_site(text).then(|| SITE.find_iter(text)).into_iter().flatten();
        let spans: Vec<(usize, usize)> = sites
            .chain(
                PUBLISHER_GATE
                    .may_match(text)
                    .then(|| PUBLISHER.find_iter(text))
                    .into_iter()
                    .flatten(),
            )
            .map(|m| (m.start(), m.end()))
            .chain(self.source.iter().flat_map(|s| find_ascii_ci(text, s)))
            .chain(offices.iter().filter(|o| o.masked).map(|o| (o.start, o.end)))
            .filter(|&(s, e)| {
                text[..s].chars().next_back().is_none_or(|c| !is_word_char(c))
                    && text[e..].chars().next().is_none_or(|c| !is_word_char(c))
            })
            .collect();
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        Cow::Owned(masked(text, &spans))
    }
}

/// `text` with every byte inside one of `spans` replaced by [`MASK`] (one
/// byte), so that each masked character becomes as many `MASK`s as it has
/// bytes. Every span starts and ends on a character boundary (the filter in
/// [`Masker::mask_with`] slices the text there), so whole characters are
/// masked and the result is valid UTF-8. Were a span ever to split a
/// character, the broken bytes would read as U+FFFD rather than stop the
/// build.
fn masked(text: &str, spans: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(s, e) in spans {
        bytes[s..e].fill(MASK as u8);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_publisher_holds_a_piece() {
        for p in PUBLISHERS {
            let lower = p.to_ascii_lowercase();
            assert!(PUBLISHER_PIECES.iter().any(|piece| lower.contains(piece)), "{p}");
            assert!(PUBLISHER_GATE.may_match(&format!("x {} y", p.to_uppercase())));
        }
        assert!(
            PUBLISHER_GATE.may_match("Ri\u{212A}")
                && !PUBLISHER_GATE.may_match("Pos Kalteng, RiauPos")
        );
    }

    proptest::proptest! {
        #[test]
        fn the_publisher_gate_never_hides_a_name(
            text in r"(Kalteng|SUMUT|Riau|Jatim|Radar|\u{212A}altim|Bali|Jabar|é| |x){0,4}( |)(Pos|PO\u{17F}|Post|Times|Jabar|Ekspres|é|x){0,2}",
        ) {
            proptest::prop_assert!(!PUBLISHER.is_match(&text) || PUBLISHER_GATE.may_match(&text));
        }
    }

    #[test]
    fn the_site_prefilter_never_hides_a_site_name() {
        for text in ["kabar dari detik.com hari ini", "Kompas.ID", "x.co.id", "a.b"] {
            assert_eq!(may_hold_site(text), SITE.is_match(text) || text == "a.b", "{text}");
        }
        assert!(!may_hold_site("Rp1.500 untuk 3. pekerja; akhir."));
        assert!(!may_hold_site("a. .. .1 .é"));
        assert!(may_hold_site(".a") && may_hold_site("..Z") && may_hold_site("é.x"));
    }

    #[test]
    fn a_span_splitting_a_character_degrades_instead_of_panicking() {
        // "é" is two bytes; masking only its first leaves a stray continuation byte.
        let out = masked("aé b", &[(1, 2)]);
        assert_eq!(out, format!("a{MASK}\u{FFFD} b"));
    }

    #[test]
    fn masking_borrows_when_nothing_is_masked() {
        let m = Masker::new(Some("Liputan6.com"));
        assert!(matches!(m.mask("Gubernur Jawa Timur"), Cow::Borrowed(_)));
        assert_eq!(m.mask("LIPUTAN6.COM, Surabaya").find(','), Some(12));
        assert!(m.mask("LIPUTAN6.COM, Surabaya").starts_with(MASK));
    }

    #[test]
    fn ascii_case_insensitive_search_matches_aho_corasick() {
        let cases = [
            ("Liputan6.com LIPUTAN6.COM liputan6.comliputan6.com", "Liputan6.com"),
            ("aaaa", "aa"),
            ("Kompas — kompas.id KOMPAS", "Kompas"),
            ("café CAFÉ Café", "café"),
            ("ab", "abc"),
            ("", "abc"),
            ("xLiputan6.co LIPUTAN6.COM", "Liputan6.com"),
            ("aab AB", "ab"),
            ("ba", "a"),
        ];
        for (text, needle) in cases {
            let ac = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([needle])
                .unwrap();
            let want: Vec<(usize, usize)> =
                ac.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(find_ascii_ci(text, needle).collect::<Vec<_>>(), want, "{text}");
        }
        assert_eq!(find_ascii_ci("abc", "").count(), 0);
    }

    /// [`find_ascii_ci`] as first written: candidates by the needle's first byte.
    fn find_by_first_byte(text: &str, needle: &str) -> Vec<(usize, usize)> {
        let (hay, pat) = (text.as_bytes(), needle.as_bytes());
        let (mut out, mut pos) = (Vec::new(), 0);
        let Some(last_start) = hay.len().checked_sub(pat.len()) else { return out };
        while !pat.is_empty() && pos <= last_start {
            if hay[pos..pos + pat.len()].eq_ignore_ascii_case(pat) {
                out.push((pos, pos + pat.len()));
                pos += pat.len();
            } else {
                pos += 1;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_rare_byte_search_finds_what_the_first_byte_search_finds(
            text in r"(?:[aAnNtTrR]{1,4}|ANTARA|antara|Liputan6\.com|LIPUTAN6|\.|6|é| ){0,12}",
            needle in r"ANTARA|Liputan6\.com|aa|aNa|tvOne|a|é|6\.c|an an",
        ) {
            proptest::prop_assert_eq!(find_ascii_ci(&text, &needle).collect::<Vec<_>>(), find_by_first_byte(&text, &needle));
        }
    }

    /// The character-by-character masking [`masked`] replaced: a character
    /// is masked when it starts inside a span.
    fn masked_by_char(text: &str, spans: &[(usize, usize)]) -> String {
        let mut spans = spans.to_vec();
        spans.sort_unstable();
        let (mut out, mut next, mut covered_to) = (String::new(), spans.iter().peekable(), 0);
        for (i, c) in text.char_indices() {
            while let Some(&&(s, e)) = next.peek() {
                if s > i {
                    break;
                }
                covered_to = covered_to.max(e);
                next.next();
            }
            if i < covered_to {
                out.extend(std::iter::repeat_n(MASK, c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn masking_bytes_equals_masking_characters() {
        let text = "Kantor Cabang Sleman — kabar dari Jogjapos.com, Rp 5 juta; café ÉÉ";
        let b = |s: &str| text.find(s).unwrap();
        let cases: Vec<Vec<(usize, usize)>> = vec![
            vec![],
            vec![(0, 6)],
            vec![(b("—"), b("—") + "—".len())],
            vec![(b("Jogjapos"), b(","))],
            vec![(b("Cabang"), b("kabar")), (b("Sleman"), b("dari"))],
            vec![(b("café"), text.len()), (0, text.len())],
        ];
        for spans in cases {
            assert_eq!(masked(text, &spans), masked_by_char(text, &spans), "{spans:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn masking_bytes_equals_masking_characters_on_any_text(
            text in "[a-zA-Z é—\\.]{0,40}",
            cuts in proptest::collection::vec((0usize..50, 0usize..50), 0..5),
        ) {
            let bounds: Vec<usize> =
                (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let spans: Vec<(usize, usize)> = cuts
                .iter()
                .map(|&(a, b)| {
                    let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                    (a.min(b), a.max(b))
                })
                .collect();
            proptest::prop_assert_eq!(masked(&text, &spans), masked_by_char(&text, &spans));
        }
    }
}
