//! Word-length limits checked after a match instead of compiled into a regex.
//!
//! A bounded repetition of a Unicode class (`[\p{L}\p{N}.-]{1,40}`) puts one
//! copy of the class's UTF-8 automaton into the regex per allowed
//! character, forwards and reversed: the documentation-credit pattern
//! (three words of up to 40 characters) took 6.2 MB of heap and the
//! agency dateline (three words of up to 24) 4.1 MB, half the heap of all
//! extraction tables. Written with `+` instead, each is a few hundred kB,
//! and [`captures`] checks the limit on the match.
//!
//! The two forms find the same matches when the limited group's words are
//! *maximal*: each is bounded on both sides by a character its class does
//! not hold (a space, a parenthesis, the end), so a word can be matched
//! only whole and a match at a given start is unique. Then, at each start,
//! the bounded pattern matches exactly when the unbounded one does and every
//! word is within the limit, with the same groups; [`captures`] therefore
//! takes the leftmost start whose match passes, as the bounded regex would.
//! The tests compare both forms on generated lines.

use regex::{Captures, Regex};

/// The limit on the words of one capture group: words are split on spaces.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordCap {
    /// The group's name.
    pub group: &'static str,
    /// Most characters (not bytes) a word may have.
    pub max_chars: usize,
}

impl WordCap {
    fn holds(self, c: &Captures<'_>) -> bool {
        c.name(self.group)
            .is_none_or(|g| g.as_str().split(' ').all(|w| w.chars().count() <= self.max_chars))
    }
}

/// The leftmost match of `re` in `text` whose `cap` group passes, as the
/// regex with the limit written in would find it (see the module's note on
/// which patterns qualify).
pub(crate) fn captures<'h>(re: &Regex, text: &'h str, cap: WordCap) -> Option<Captures<'h>> {
    let mut from = 0;
    loop {
        let c = re.captures_at(text, from)?;
        if cap.holds(&c) {
            return Some(c);
        }
        // The next start: one character past this match's (`captures_at`
        // still sees the text before `from`, for `\b` and `^`).
        let start = c.get(0)?.start();
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        if from > text.len() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The two patterns limited this way, with the limit written in and
    /// with `+` (see `publisher::CREDIT` and `dateline::AGENCY`).
    const DOK_BOUNDED: &str = r"(?i)\b(?:dok\.?|dokumentasi)\s{1,3}(?P<o>[\p{L}\p{N}.-]{1,40}(?: [\p{L}\p{N}.-]{1,40}){0,2}?)\s{0,3}\)?\s{0,3}\|?\s*$";
    const DOK_PLUS: &str = r"(?i)\b(?:dok\.?|dokumentasi)\s{1,3}(?P<o>[\p{L}\p{N}.-]+(?: [\p{L}\p{N}.-]+){0,2}?)\s{0,3}\)?\s{0,3}\|?\s*$";
    const DOK: WordCap = WordCap { group: "o", max_chars: 40 };
    const AGENCY_BOUNDED: &str = r"^(?P<city>\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}+)*(?: +\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}+)*){0,2})\s*,?\s*\((?P<site>[\p{L}\p{N}.]{2,24}(?: [\p{L}\p{N}.]{2,24}){0,2})\)(?:\s*[-–—−]{1,3}\s*|\s*:\s+)";
    const AGENCY_PLUS: &str = r"^(?P<city>\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}+)*(?: +\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}+)*){0,2})\s*,?\s*\((?P<site>[\p{L}\p{N}.]{2,}(?: [\p{L}\p{N}.]{2,}){0,2})\)(?:\s*[-–—−]{1,3}\s*|\s*:\s+)";
    const AGENCY: WordCap = WordCap { group: "site", max_chars: 24 };

    /// Every group's span, so a difference in any group shows.
    fn spans(c: Option<Captures<'_>>) -> Option<Vec<Option<(usize, usize)>>> {
        c.map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
    }

    fn same(bounded: &Regex, plus: &Regex, cap: WordCap, line: &str) {
        assert_eq!(spans(bounded.captures(line)), spans(captures(plus, line, cap)), "{line:?}");
    }

    /// Pieces of credit lines and datelines, with words at and past the
    /// limits (ASCII and not) and the separators around them.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("dok".to_string()),
            Just("Dok.".to_string()),
            Just("DOKUMENTASI".to_string()),
            Just("dok.".to_string()),
            Just("Foto:".to_string()),
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just("\t".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("|".to_string()),
            Just(" - ".to_string()),
            Just(" – ".to_string()),
            Just(": ".to_string()),
            Just(", ".to_string()),
            Just("Kota".to_string()),
            Just("Medan".to_string()),
            Just("Lombok Timur".to_string()),
            Just("ANTARA".to_string()),
            Just("Lampost.co".to_string()),
            Just("é".to_string()),
            (1usize..=45, prop::bool::ANY)
                .prop_map(|(n, wide)| { if wide { "é".repeat(n) } else { "a".repeat(n) } }),
        ]
    }

    fn line() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 1..12).prop_map(|p| p.concat())
    }

    /// Each pattern compiled once for all cases (the bounded ones are slow
    /// to build in a debug build).
    static REGEXES: std::sync::LazyLock<[Regex; 4]> = std::sync::LazyLock::new(|| {
        [DOK_BOUNDED, DOK_PLUS, AGENCY_BOUNDED, AGENCY_PLUS].map(|p| Regex::new(p).unwrap())
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn the_dok_credit_matches_as_with_the_limit_written_in(l in line()) {
            same(&REGEXES[0], &REGEXES[1], DOK, &l);
        }

        #[test]
        fn the_agency_dateline_matches_as_with_the_limit_written_in(l in line()) {
            same(&REGEXES[2], &REGEXES[3], AGENCY, &l);
        }
    }

    #[test]
    fn lines_at_the_limits() {
        let [b, p, ..] = &*REGEXES;
        for n in [39, 40, 41] {
            let w = "x".repeat(n);
            for l in [
                format!("Foto: dok {w}"),
                format!("Foto: dok. {w} Warta )"),
                format!("dok {w} | dok Warta"),
                format!("dokumentasi   {w} {w} {w}   )   |"),
                format!("dok dok {w}"),
                format!("Dok. Dok {w} dok Warta"),
            ] {
                same(b, p, DOK, &l);
            }
        }
        let [.., b, p] = &*REGEXES;
        for n in [23, 24, 25] {
            let w = "É".repeat(n);
            for l in [format!("Medan ({w}) - Isi"), format!("Kota Baru, (Warta {w}): isi")] {
                same(b, p, AGENCY, &l);
            }
        }
    }

    #[test]
    fn the_plain_forms_are_smaller() {
        // The regex crate refuses a pattern whose compiled automaton passes
        // its size limit: at 1 MiB the forms with the limit written in are
        // refused and the plain ones are not.
        let fits = |p: &str| regex::RegexBuilder::new(p).size_limit(1 << 20).build().is_ok();
        assert!(fits(DOK_PLUS) && fits(AGENCY_PLUS));
        assert!(!fits(DOK_BOUNDED) && !fits(AGENCY_BOUNDED));
    }
}
