//! The facts about a whole article that the acronym guards of
//! [`super::find_programs`] need, read from the phrase automaton's hits.

use aho_corasick::Match;

use super::{Matchers, word_bounded};

/// Facts about the whole article that the acronym guards need.
pub(super) struct ArticleFacts {
    pub(super) penerima_upah: bool,
    pub(super) migrant: bool,
    pub(super) jaminan_pensiun: bool,
}

impl ArticleFacts {
    /// `acronyms` are the acronym automaton's hits in `text`, found once
    /// for both this and [`super::find_programs`]; `held` the facts of the phrase
    /// automaton's hits in `text` (see [`facts_of_phrase_hits`]).
    pub(super) fn of(text: &str, acronyms: &[Match], held: u8) -> Self {
        let [penerima_upah, pekerja_migran, buruh_migran, jaminan_pensiun] =
            facts_of_phrase_hits(text, held);
        let tki = acronyms
            .iter()
            .any(|m| &text[m.range()] == "TKI" && word_bounded(text, m.start(), m.end()));
        ArticleFacts {
            penerima_upah,
            migrant: tki || pekerja_migran || buruh_migran,
            jaminan_pensiun,
        }
    }
}

/// The phrases behind [`ArticleFacts`], lower-case ASCII.
const FACT_PHRASES: [&str; 4] =
    ["penerima upah", "pekerja migran", "buruh migran", "jaminan pensiun"];

/// The [`FACT_PHRASES`] that `pattern` holds in any ASCII case, as bits.
pub(super) fn facts_held(pattern: &str) -> u8 {
    let lower = pattern.to_ascii_lowercase();
    FACT_PHRASES
        .iter()
        .enumerate()
        .filter(|(_, f)| lower.contains(*f))
        .fold(0, |m, (i, _)| m | 1 << i)
}

/// Each fact phrase of which `pattern` (in any ASCII case) ends with a
/// proper prefix, with that prefix's length.
pub(super) fn fact_overlaps(pattern: &str) -> Vec<(usize, usize)> {
    let lower = pattern.to_ascii_lowercase();
    let mut out = Vec::new();
    for (i, f) in FACT_PHRASES.iter().enumerate() {
        for k in 1..f.len().min(lower.len()) {
            if lower.ends_with(&f[..k]) {
                out.push((i, k));
            }
        }
    }
    out
}

/// The facts that a hit of phrase `pattern` ending at `end` shows in
/// `text`: those the phrase holds, and those that start inside its end
/// (`kerjaminan pensiun`), checked in the text.
pub(super) fn hit_facts(m: &Matchers, text: &str, pattern: usize, end: usize) -> u8 {
    let mut held = m.phrase_facts[pattern];
    for &(i, k) in &m.phrase_overlaps[pattern] {
        let f = FACT_PHRASES[i].as_bytes();
        if text.as_bytes()[end - k..].get(..f.len()).is_some_and(|t| t.eq_ignore_ascii_case(f)) {
            held |= 1 << i;
        }
    }
    held
}

/// For each of [`FACT_PHRASES`], whether `text.to_lowercase()` contains it,
/// read from `held`: the union of [`hit_facts`] over every hit of the
/// phrase automaton in `text`, word-bounded or not, so the text is not
/// searched again. Every fact phrase is itself a phrase pattern, so each
/// occurrence of a fact phrase meets a hit of the leftmost-longest search:
/// the hit that covers its first byte either starts there (and, being the
/// longest, holds it) or starts before it and then holds it or ends inside
/// it, with a proper prefix of it, which [`hit_facts`] checks. Outside
/// ASCII only `İ` and the Kelvin sign lowercase to something holding
/// ASCII; a text with either is lowercased and searched.
fn facts_of_phrase_hits(text: &str, held: u8) -> [bool; 4] {
    if text.contains('\u{130}') || text.contains('\u{212A}') {
        let lower = text.to_lowercase();
        return FACT_PHRASES.map(|p| lower.contains(p));
    }
    std::array::from_fn(|i| held & 1 << i != 0)
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

    use super::super::{MATCHERS, PROGRAMS, is_case_sensitive};
    use super::*;

    /// [`FACT_PHRASES`] in any ASCII case, searched in one pass: the
    /// separate search the facts were read from before.
    static FACT_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasickBuilder::new().ascii_case_insensitive(true).build(FACT_PHRASES).unwrap()
    });

    /// For each of [`FACT_PHRASES`], whether `text.to_lowercase()` contains it,
    /// without lowercasing the text: outside ASCII, only `İ` and the Kelvin sign
    /// lowercase to something holding ASCII, so without them an ASCII
    /// case-insensitive search finds the same.
    fn fact_phrases(text: &str) -> [bool; 4] {
        if text.contains('\u{130}') || text.contains('\u{212A}') {
            let lower = text.to_lowercase();
            return FACT_PHRASES.map(|p| lower.contains(p));
        }
        // No phrase overlaps another (see the tests), so the non-overlapping
        // search, which can skip ahead with a prefilter, meets every occurrence.
        let mut found = [false; 4];
        for m in FACT_MATCHER.find_iter(text) {
            found[m.pattern().as_usize()] = true;
        }
        found
    }

    /// The facts as `find_programs` reads them: from the phrase hits.
    fn facts_by_phrase_hits(text: &str) -> [bool; 4] {
        let m = &*MATCHERS;
        let held = m
            .phrases
            .find_iter(text)
            .fold(0, |h, hit| h | hit_facts(m, text, hit.pattern().as_usize(), hit.end()));
        facts_of_phrase_hits(text, held)
    }

    #[test]
    fn every_fact_phrase_is_a_phrase() {
        let phrases: Vec<String> = PROGRAMS
            .iter()
            .flat_map(|p| std::iter::once(p.name).chain(p.aliases.iter().copied()))
            .filter(|a| !is_case_sensitive(a))
            .map(str::to_ascii_lowercase)
            .collect();
        for f in FACT_PHRASES {
            assert!(phrases.iter().any(|p| p == f), "{f}");
        }
        assert_eq!(fact_overlaps("Jaminan Kecelakaan Kerja"), [(3, 2)]);
    }

    #[test]
    fn facts_from_phrase_hits_are_the_separate_search() {
        let texts = [
            "Para PEKERJA Migran Indonesia dan bukan penerima upah",
            "xpenerima upahnya, jaminan pensiunan; buruh migranx",
            "bantuan subsidi upah penerima upah",
            "jaminan kecelakaan kerjaminan pensiun; jaminan kecelakaan kerjaminan",
            "Jaminan Pensiun",
            "pe\u{212A}erja migran İ",
            "",
        ];
        for t in texts {
            assert_eq!(facts_by_phrase_hits(t), fact_phrases(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn facts_from_phrase_hits_agree_with_the_separate_search(
            text in "(?:[Pp]enerima|UPAH|upah|bukan|pekerja|Migran|migran|buruh|Indonesia|jaminan|pensiun|Pensiunnya|subsidi|bantuan|kecelakaan|kerja|x| |, |é|\u{212A}|İ){0,12}",
        ) {
            proptest::prop_assert_eq!(facts_by_phrase_hits(&text), fact_phrases(&text));
        }
    }

    #[test]
    fn fact_phrases_never_overlap() {
        for a in FACT_PHRASES {
            for b in FACT_PHRASES {
                let glued = (1..a.len()).any(|k| b.starts_with(&a[k..]));
                assert!(!glued && (a == b || !a.contains(b)), "{a} / {b}");
            }
        }
    }

    #[test]
    fn fact_phrases_are_contains_on_the_lowercased_text() {
        let texts = [
            "Para PEKERJA Migran",
            "pekerja  migran",
            "PeNeRiMa UpAh",
            "pe\u{212A}erja migran",
            "İstanbul pekerja migran",
            "jaminan pensİun",
            "",
            "é jaminan pensiun é Buruh migran",
        ];
        for t in texts {
            let lower = t.to_lowercase();
            assert_eq!(fact_phrases(t), FACT_PHRASES.map(|p| lower.contains(p)), "{t}");
        }
    }
}
