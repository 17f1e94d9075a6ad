//! Number tokens: where they stand in a text ([`number_spans`]) and what
//! they are worth ([`parse_number`], [`scale_exponent`]). The formats read
//! are those of the parent module's doc, under *Numbers*.

#[cfg(test)]
use std::sync::LazyLock;

#[cfg(test)]
use regex::Regex;

use super::gate;

/// Longest number token read, in bytes.
const MAX_NUMBER: usize = 40;

/// A number token; its format is checked by [`parse_number`]. Found by
/// [`number_spans`]; the regex states what that finds.
#[cfg(test)]
pub(super) static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9][0-9.,]*[0-9]|[0-9]").unwrap());

/// The `start..end` spans of the [`NUMBER`] matches of `text`, without a
/// regex call per sentence. The regex matches, from the first ASCII digit,
/// the longest run of digits, dots and commas that ends in a digit (its
/// first branch when the run holds a second digit, else the lone digit);
/// the next search starts at that end. Only ASCII bytes take part, and they
/// never occur inside a multi-byte character.
pub(super) fn number_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + gate::first_digit(bytes.get(at..)?)?;
        let mut end = start + 1;
        for (i, b) in bytes.iter().enumerate().skip(start + 1) {
            match b {
                b'0'..=b'9' => end = i + 1,
                b'.' | b',' => {}
                _ => break,
            }
        }
        at = end;
        Some((start, end))
    })
}

/// Power of ten of a scale word.
pub(super) fn scale_exponent(word: &str) -> Option<i32> {
    if word.is_ascii() {
        // The longest scale word has seven letters.
        if word.len() > 7 {
            return None;
        }
        let mut buf = [0; 7];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).ok().and_then(exponent_of);
    }
    exponent_of(&word.to_lowercase())
}

/// Power of ten of a lower-case scale word.
fn exponent_of(word: &str) -> Option<i32> {
    match word {
        "ribu" | "rb" => Some(3),
        "juta" | "jt" => Some(6),
        "miliar" | "milyar" | "m" => Some(9),
        "triliun" | "trilyun" | "t" => Some(12),
        _ => None,
    }
}

/// A number token split into its decimal digits.
#[derive(Debug, PartialEq)]
pub(super) struct Number<'a> {
    /// The integer digits, with their thousands dots when `grouped`.
    int: &'a str,
    frac: &'a str,
    /// Read with an English decimal dot (`6.6`).
    pub(super) english: bool,
    /// Written with thousands dots (`2.000`).
    grouped: bool,
}

/// The powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl Number<'_> {
    /// The value times 10^`exponent`, computed from the decimal digits.
    ///
    /// When the digits make an integer below 2^53 and the power of ten is
    /// one an `f64` holds exactly (up to 10^22), one multiplication or
    /// division of two exact values rounds once, to the nearest `f64`: the
    /// value that parsing the decimal text gives (Clinger's fast path).
    /// Other numbers are parsed from their text.
    pub(super) fn value(&self, exponent: i32) -> Option<f64> {
        let shift = exponent - i32::try_from(self.frac.len()).ok()?;
        if let Some(v) = self.fast_value(shift) {
            return Some(v);
        }
        let int = self.int.replace('.', "");
        let v: f64 = format!("{int}{}e{shift}", self.frac).parse().ok()?;
        v.is_finite().then_some(v)
    }

    /// The fast path of [`Self::value`], when it applies.
    fn fast_value(&self, shift: i32) -> Option<f64> {
        let power = *EXACT_POWERS.get(usize::try_from(shift.unsigned_abs()).ok()?)?;
        let mut digits: u64 = 0;
        for b in self.int.bytes().filter(|&b| b != b'.').chain(self.frac.bytes()) {
            digits = digits.checked_mul(10)?.checked_add(u64::from(b.wrapping_sub(b'0')))?;
            if digits > 1 << 53 {
                return None;
            }
        }
        // (Below 2^53 the conversion is exact.)
        #[allow(clippy::cast_precision_loss)]
        let m = digits as f64;
        Some(if shift >= 0 { m * power } else { m / power })
    }

    /// A bare four-digit number in 1900..=2100.
    pub(super) fn is_year(&self) -> bool {
        !self.grouped
            && self.frac.is_empty()
            && self.int.len() == 4
            && self.int.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
    }
}

/// Parses an Indonesian (`1.234,5`) or, when unambiguous, English (`6.6`)
/// number; `None` for anything else (`415.4`, `1,2,3`, `0812`).
pub(super) fn parse_number(token: &str) -> Option<Number<'_>> {
    if token.len() > MAX_NUMBER
        || !token.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if token.len() > 1 && token.starts_with('0') && token.as_bytes()[1].is_ascii_digit() {
        return None; // phone numbers, `07 Juni`
    }
    let (int_part, frac) = match token.split_once(',') {
        Some((i, f)) if f.bytes().all(|b| b.is_ascii_digit()) => (i, f),
        Some(_) => return None,
        None => (token, ""),
    };
    // The groups between dots: the first, then the others.
    let (first, rest) = int_part.split_once('.').unwrap_or((int_part, ""));
    if first.is_empty() {
        return None;
    }
    if rest.is_empty() && first.len() == int_part.len() {
        return Some(Number { int: first, frac, english: false, grouped: false });
    }
    if frac.is_empty() && !rest.contains('.') && (1..=2).contains(&rest.len()) {
        return Some(Number { int: first, frac: rest, english: true, grouped: false });
    }
    if first.len() <= 3 && rest.split('.').all(|g| g.len() == 3) {
        return Some(Number { int: int_part, frac, english: false, grouped: true });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, none};
    use super::*;

    /// The parse and value [`parse_number`] and [`Number::value`] replaced:
    /// (integer digits, fraction digits, english, grouped) and the value
    /// parsed from the digits' text.
    fn reference(token: &str) -> Option<(String, &str, bool, bool)> {
        if token.len() > MAX_NUMBER
            || !token.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        {
            return None;
        }
        if token.len() > 1 && token.starts_with('0') && token.as_bytes()[1].is_ascii_digit() {
            return None;
        }
        let (int_part, frac) = match token.split_once(',') {
            Some((i, f)) if f.bytes().all(|b| b.is_ascii_digit()) => (i, f),
            Some(_) => return None,
            None => (token, ""),
        };
        let groups: Vec<&str> = int_part.split('.').collect();
        let first = groups[0];
        if first.is_empty() {
            return None;
        }
        if groups.len() == 1 {
            return Some((first.to_string(), frac, false, false));
        }
        if groups.len() == 2 && frac.is_empty() && (1..=2).contains(&groups[1].len()) {
            return Some((first.to_string(), groups[1], true, false));
        }
        if first.len() <= 3 && groups[1..].iter().all(|g| g.len() == 3) {
            return Some((groups.concat(), frac, false, true));
        }
        None
    }

    fn reference_value(int: &str, frac: &str, exponent: i32) -> Option<f64> {
        let shift = exponent - i32::try_from(frac.len()).ok()?;
        let v: f64 = format!("{int}{frac}e{shift}").parse().ok()?;
        v.is_finite().then_some(v)
    }

    fn same_as_reference(token: &str) {
        let got = parse_number(token);
        let want = reference(token);
        assert_eq!(
            got.as_ref().map(|n| (n.int.replace('.', ""), n.frac, n.english, n.grouped)),
            want.clone(),
            "{token:?}"
        );
        if let (Some(n), Some((int, frac, ..))) = (got, want) {
            for exponent in [0, 3, 6, 9, 12] {
                let (a, b) = (n.value(exponent), reference_value(&int, frac, exponent));
                assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{token:?} e{exponent}");
            }
        }
    }

    #[test]
    fn scale_exponents_read_as_before() {
        let by_lowercase = |word: &str| match word.to_lowercase().as_str() {
            "ribu" | "rb" => Some(3),
            "juta" | "jt" => Some(6),
            "miliar" | "milyar" | "m" => Some(9),
            "triliun" | "trilyun" | "t" => Some(12),
            _ => None,
        };
        for word in [
            "",
            "ribu",
            "RIBU",
            "Rb",
            "jt",
            "JUTA",
            "Miliar",
            "milyar",
            "M",
            "m",
            "T",
            "t",
            "triliun",
            "TRILYUN",
            "triliunan",
            "x",
            "İ",
            "juta\u{212a}",
        ] {
            assert_eq!(scale_exponent(word), by_lowercase(word), "{word:?}");
        }
    }

    #[test]
    fn parse_and_value_match_the_text_parse() {
        for token in [
            "0",
            "7",
            "07",
            "0,1",
            "37,83",
            "6.6",
            "6.60",
            "6.600",
            "1.234.567,89",
            "12.34.567",
            "1,2,3",
            ".5",
            "5.",
            "5,",
            ",5",
            "1..2",
            "9007199254740993",
            "9007199254740992",
            "123456789012345678901234",
            "1.000.000.000.000.000,000001",
            "0,000000000000000000001",
        ] {
            same_as_reference(token);
        }
    }

    proptest::proptest! {
        #[test]
        fn parse_and_value_match_on_generated_tokens(token in "[0-9]{1,4}([.,][0-9]{1,4}){0,6}") {
            same_as_reference(&token);
        }

        #[test]
        fn value_matches_on_long_digit_runs(token in "[1-9][0-9]{0,24}(,[0-9]{1,20})?") {
            same_as_reference(&token);
        }
    }

    #[test]
    fn number_spans_are_the_number_matches() {
        for text in [
            "",
            "x",
            "7",
            "Rp 1.234.567,89 dan 2,5 juta.",
            "1.2.,3,,4.. .5 ,6, 12..",
            "a1b22,c333.d",
            "٣ persen dan ١٢٣ orang, 4٥6",
            "é1,é2.é",
            "2024-11-07 10:21 WIB (7/11/2024)",
            "99,",
            ",,,9",
        ] {
            let want: Vec<(usize, usize)> =
                NUMBER.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(number_spans(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn malformed_numbers_are_skipped() {
        none("kode 1,2,3 pekerja dan 12.34.567 orang");
    }

    #[test]
    fn values_are_exact_decimals() {
        check("Rp37,83 miliar", "Rp37,83 miliar", 37_830_000_000.0, "IDR");
        check("Rp0,1 juta", "Rp0,1 juta", 100_000.0, "IDR");
    }
}
