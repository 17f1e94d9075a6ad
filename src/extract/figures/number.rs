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
    match word.to_lowercase().as_str() {
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
    int: String,
    frac: &'a str,
    /// Read with an English decimal dot (`6.6`).
    pub(super) english: bool,
    /// Written with thousands dots (`2.000`).
    grouped: bool,
}

impl Number<'_> {
    /// The value times 10^`exponent`, computed from the decimal digits.
    pub(super) fn value(&self, exponent: i32) -> Option<f64> {
        let shift = exponent - i32::try_from(self.frac.len()).ok()?;
        let v: f64 = format!("{}{}e{}", self.int, self.frac, shift).parse().ok()?;
        v.is_finite().then_some(v)
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
    let groups: Vec<&str> = int_part.split('.').collect();
    let first = groups[0];
    if first.is_empty() {
        return None;
    }
    if groups.len() == 1 {
        return Some(Number { int: first.to_string(), frac, english: false, grouped: false });
    }
    if groups.len() == 2 && frac.is_empty() && (1..=2).contains(&groups[1].len()) {
        return Some(Number {
            int: first.to_string(),
            frac: groups[1],
            english: true,
            grouped: false,
        });
    }
    if first.len() <= 3 && groups[1..].iter().all(|g| g.len() == 3) {
        return Some(Number { int: groups.concat(), frac, english: false, grouped: true });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, none};
    use super::*;

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
