//! Cheap necessary conditions for the figure regexes, tested before each
//! regex runs on the few bytes around a number. (The regexes' groups are
//! read from their matches, which the tests below check against captures.)
//!
//! Each test reads one character next to the number after skipping white
//! space: `trim_start` / `trim_end` strip the White_Space property, the
//! same set as the regexes' `\s`. The letters tested never fold to a
//! non-ASCII character under `(?i)` (only `k` and `s` do, to the Kelvin sign
//! and the long s), so both ASCII cases are enough; where a counted noun may
//! start with `k` or `s`, any non-ASCII first character passes.

use std::sync::LazyLock;

use super::COUNTED_NOUNS;

/// The offset of the first ASCII digit in `bytes`. Sixteen bytes are
/// tested at a time without an early exit (the least of their distances
/// above `0` is below ten: the compiler turns this into vector
/// instructions), then the chunk holding a digit byte by byte.
pub(super) fn first_digit(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 16;
    let is_digit = |b: u8| b.wrapping_sub(b'0') < 10;
    let mut chunks = bytes.chunks_exact(CHUNK);
    let mut at = 0;
    for chunk in &mut chunks {
        if chunk.iter().fold(u8::MAX, |min, &b| min.min(b.wrapping_sub(b'0'))) < 10 {
            return chunk.iter().position(|&b| is_digit(b)).map(|k| at + k);
        }
        at += CHUNK;
    }
    chunks.remainder().iter().position(|&b| is_digit(b)).map(|k| at + k)
}

/// The first character after the white space that starts `s`.
fn first_word_char(s: &str) -> Option<char> {
    s.trim_start().chars().next()
}

/// Whether `MONEY_PREFIX` (`(?i)(rp\.?|idr|usd|us\$)\s*$`) may match
/// `before`: the sign's last character ends it, but for white space.
pub(super) fn may_end_in_money_sign(before: &str) -> bool {
    before.trim_end().ends_with(['p', 'P', 'r', 'R', 'd', 'D', '$', '.'])
}

/// Whether `SCALE` (`^\s*(?i:triliun|…|jt|rb)|T|M` …) may match `ahead`.
pub(super) fn may_start_with_scale(ahead: &str) -> bool {
    first_word_char(ahead)
        .is_some_and(|c| matches!(c, 't' | 'T' | 'm' | 'M' | 'j' | 'J' | 'r' | 'R'))
}

/// Whether `PERCENT` (`^\s*(?:%|(?i:persennya|persen|prosen)\b)`) may match `ahead`.
pub(super) fn may_start_with_percent(ahead: &str) -> bool {
    first_word_char(ahead).is_some_and(|c| matches!(c, '%' | 'p' | 'P'))
}

/// Whether `RUPIAH` (`(?i)^\s*rupiah\b`) may match `ahead`.
pub(super) fn may_start_with_rupiah(ahead: &str) -> bool {
    first_word_char(ahead).is_some_and(|c| matches!(c, 'r' | 'R'))
}

/// Whether `TAHUN_YEAR` (`(?i)^\s+tahun\s+…`) may match `ahead`.
pub(super) fn may_start_with_tahun(ahead: &str) -> bool {
    ahead.starts_with(char::is_whitespace)
        && first_word_char(ahead).is_some_and(|c| matches!(c, 't' | 'T'))
}

/// The ASCII lower-case first letters of the counted nouns (every ASCII
/// character, should a noun start with anything else).
static NOUN_INITIALS: LazyLock<[bool; 128]> = LazyLock::new(|| {
    let mut initials = [false; 128];
    for noun in COUNTED_NOUNS {
        match noun.bytes().next() {
            Some(b) if b.is_ascii_lowercase() => initials[usize::from(b)] = true,
            _ => initials = [true; 128],
        }
    }
    initials
});

/// Whether a word starting with `c` may be a counted noun (or, for
/// `copula`, one of the copulas `di antaranya`, `merupakan`, `adalah`,
/// `ialah`, `yaitu`, `yakni`) under `(?i)`.
fn may_start_noun(c: char, copula: bool) -> bool {
    if !c.is_ascii() {
        return true;
    }
    let lower = c.to_ascii_lowercase();
    if copula {
        matches!(lower, 'd' | 'm' | 'a' | 'i' | 'y')
    } else {
        NOUN_INITIALS[lower as usize]
    }
}

/// Whether `NOUN_AFTER` (`(?i)^\s+(nouns)\b`) may match `ahead`.
pub(super) fn may_start_with_noun(ahead: &str) -> bool {
    ahead.starts_with(char::is_whitespace)
        && first_word_char(ahead).is_some_and(|c| may_start_noun(c, false))
}

/// Whether `COPULA_NOUN` (`(?i)^\s+copula\s+(nouns)\b`) may match `ahead`.
pub(super) fn may_start_with_copula(ahead: &str) -> bool {
    ahead.starts_with(char::is_whitespace)
        && first_word_char(ahead).is_some_and(|c| may_start_noun(c, true))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::read::{
        COPULA_NOUN, MONEY_PREFIX, NOUN_AFTER, PERCENT, RUPIAH, SCALE, TAHUN_YEAR,
    };
    use super::*;

    /// A gate and the regex it guards.
    type Guarded = (fn(&str) -> bool, &'static regex::Regex);

    /// Each gate with its regex: a text the gate refuses has no match.
    fn check(text: &str) {
        let pairs: [Guarded; 7] = [
            (may_end_in_money_sign, &MONEY_PREFIX),
            (may_start_with_scale, &SCALE),
            (may_start_with_percent, &PERCENT),
            (may_start_with_rupiah, &RUPIAH),
            (may_start_with_tahun, &TAHUN_YEAR),
            (may_start_with_noun, &NOUN_AFTER),
            (may_start_with_copula, &COPULA_NOUN),
        ];
        for (i, (gate, re)) in pairs.iter().enumerate() {
            assert!(
                gate(text) || !re.is_match(text),
                "gate {i} refuses {text:?}, its regex matches"
            );
        }
    }

    #[test]
    fn gates_pass_what_their_regexes_match() {
        for text in [
            "Rp",
            "Rp.",
            "rp ",
            "IDR  ",
            "usd",
            "US$\t",
            "dana Rp.\u{a0}",
            " juta",
            "\u{2003}Triliun",
            " T",
            "M",
            " rb",
            " %",
            "persen",
            " Prosen",
            " rupiah",
            " Rupiah,",
            " tahun 2024",
            "\ttahun  1999",
            " pekerja",
            " Tenaga  kerja",
            " orang",
            " peserta",
            " merupakan pekerja",
            " di antaranya adalah orang",
            " yakni peserta",
            " ialah pekerja",
            " \u{212a}asus",
            " \u{212a}ASUS",
            "",
        ] {
            check(text);
        }
        for noun in COUNTED_NOUNS {
            check(&format!(" {noun}"));
            check(&format!(" {}", noun.to_uppercase()));
            check(&format!(" adalah {noun}"));
        }
    }

    /// The group `read_figure` takes from each match's span: the match
    /// less its leading (`SCALE`, `NOUN_AFTER`) or trailing (`MONEY_PREFIX`)
    /// white space is capture group 1.
    fn check_groups(text: &str) {
        for (re, leading) in [(&*SCALE, true), (&*NOUN_AFTER, true), (&*MONEY_PREFIX, false)] {
            let by_captures = re.captures(text).and_then(|c| c.get(1)).map(|g| g.as_str());
            let by_span = re
                .find(text)
                .map(|m| if leading { m.as_str().trim_start() } else { m.as_str().trim_end() });
            assert_eq!(by_span, by_captures, "{re} on {text:?}");
        }
    }

    #[test]
    fn groups_are_read_from_the_match() {
        for text in [
            " juta",
            "\u{a0}Rb.",
            "T",
            " M",
            "Rp",
            "Rp. ",
            "dana rp\t",
            "US$  ",
            " tenaga   kerja",
            "",
        ] {
            check_groups(text);
        }
    }

    proptest! {
        #[test]
        fn first_digit_is_the_first_ascii_digit(text in r"(?:[a-z .,]{0,20}|[0-9]|é|٣|/|:){0,12}") {
            let want = text.bytes().position(|b| b.is_ascii_digit());
            prop_assert_eq!(first_digit(text.as_bytes()), want);
            for from in 0..text.len() {
                let rest = &text.as_bytes()[from..];
                prop_assert_eq!(first_digit(rest), rest.iter().position(u8::is_ascii_digit));
            }
        }

        #[test]
        fn groups_from_spans_are_the_captures(
            text in "[ \t\u{a0}]{0,2}(?:[rR][pP][.]?|idr|USD|us[$]|juta|Jt|rb|T|M|miliar|tenaga[ \t]{1,2}kerja|orang)?[ \t\u{a0}]{0,2}[a-z.]{0,3}",
        ) {
            check_groups(&text);
        }

        #[test]
        fn gates_never_refuse_a_match(
            text in "[ \t\u{a0}\u{2003}\n]{0,3}(?:[rRpPiIdDuUsS$.%tTmMjJ\u{212a}\u{17f}]|[a-zA-Z]|é){0,6}[ \t]{0,2}[0-9a-z ]{0,8}",
            noun in 0..COUNTED_NOUNS.len(),
            lead in "[ \t\u{a0}]{1,2}",
        ) {
            check(&text);
            check(&format!("{lead}{}", COUNTED_NOUNS[noun]));
            check(&format!("{lead}merupakan {}", COUNTED_NOUNS[noun]));
        }
    }
}
