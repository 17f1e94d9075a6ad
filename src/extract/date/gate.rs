//! Where the body's numeric date shapes can match, found without their
//! regexes: the windows around a `(` that may open a date, and whether a
//! `/` has a number on each side (most `/` are units such as
//! `Rp 2 juta/bulan` or addresses).
//!
//! A date only counts when its day and month parse as ASCII digits, so the
//! gates look for ASCII digits; whitespace is skipped as the regexes' `\s`
//! does (Unicode White_Space, as [`char::is_whitespace`]).

/// The first non-whitespace char of `s`.
fn first_non_space(s: &str) -> Option<char> {
    s.chars().find(|c| !c.is_whitespace())
}

/// The last non-whitespace char of `s`.
fn last_non_space(s: &str) -> Option<char> {
    s.chars().rev().find(|c| !c.is_whitespace())
}

/// Whether `text` may hold a parenthesised day/month (`(7/11/2024)`,
/// `( 9-10 / 12 )`): a `(` opening a window of [`paren_windows`].
#[cfg(test)]
fn may_hold_paren_date(text: &str) -> bool {
    paren_windows(text).next().is_some()
}

/// Whether `c` may stand before a parenthesised date's `(`: a weekday's
/// letter (or a char that case-folds to one), a space, a comma or a dash.
fn before_paren(c: char) -> bool {
    c.is_alphabetic() || c.is_whitespace() || matches!(c, ',' | '-' | '–' | '/')
}

/// For each `(` whose next non-space char is an ASCII digit (a kept date's
/// day) and whose span up to the next `)` holds a `/`, where a match
/// using it can start (the start of the run of [`before_paren`] chars ending
/// at it), the `(` and its `)`: `(from, open, close)`. A match holds no `(`
/// or `)` but its own, so it lies within `from..=close`.
pub(super) fn paren_windows(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    memchr::memchr_iter(b'(', text.as_bytes()).filter_map(|open| {
        let rest = &text[open + 1..];
        let close = open + 1 + memchr::memchr(b')', rest.as_bytes())?;
        let opens_date = first_non_space(rest).is_some_and(|c| c.is_ascii_digit())
            && memchr::memchr(b'/', &text.as_bytes()[open + 1..close]).is_some();
        if !opens_date {
            return None;
        }
        let run: usize =
            text[..open].chars().rev().take_while(|&c| before_paren(c)).map(char::len_utf8).sum();
        Some((open - run, open, close))
    })
}

/// Whether `text` may hold a numeric `D/M` (`17/12/2024`, `7 / 11 / 24`):
/// a `/` with an ASCII digit as the nearest non-space char on each side.
pub(super) fn may_hold_numeric_date(text: &str) -> bool {
    memchr::memchr_iter(b'/', text.as_bytes()).any(|i| {
        last_non_space(&text[..i]).is_some_and(|c| c.is_ascii_digit())
            && first_non_space(&text[i + 1..]).is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date::WEEKDAY_PAREN;
    use crate::extract::date::body::NUMERIC_ANCHORED;

    const PIECES: &[&str] = &[
        "Kamis",
        "senin",
        "-Jumat",
        "\u{212a}amis",
        "kata Budi",
        ".",
        ",",
        " ",
        "  ",
        "\n",
        "\u{a0}",
        "\u{2003}",
        "(",
        ")",
        "( ",
        " )",
        "/",
        " / ",
        "-",
        "–",
        "7",
        "12",
        "03",
        "2024",
        "24",
        "\u{663}",
        "\u{ff11}",
        "Rp",
        "juta",
        "dan",
        ".",
        "(7/11)",
        "(9-10/12/2024)",
        "17/12/2024",
    ];

    /// Deterministic texts made of [`PIECES`].
    fn texts(n: usize) -> impl Iterator<Item = String> {
        crate::test_support::texts_of(PIECES, 0xda7e_u64, 14, n)
    }

    /// Whether a capture's day and month groups parse (the dates both
    /// readers keep).
    fn parses(c: &regex::Captures<'_>) -> bool {
        [1, 2].iter().all(|&g| c.get(g).is_some_and(|m| m.as_str().parse::<u32>().is_ok()))
    }

    #[test]
    fn every_kept_match_passes_its_gate() {
        let (mut paren, mut numeric) = (0, 0);
        for text in texts(60_000) {
            if WEEKDAY_PAREN.captures_iter(&text).any(|c| parses(&c)) {
                paren += 1;
                assert!(may_hold_paren_date(&text), "{text:?}");
            }
            if NUMERIC_ANCHORED.captures_iter(&text).any(|c| parses(&c)) {
                numeric += 1;
                assert!(may_hold_numeric_date(&text), "{text:?}");
            }
        }
        assert!(paren >= 100 && numeric >= 100, "samples reach the shapes: {paren} {numeric}");
    }

    #[test]
    fn paren_dates_in_windows_are_the_whole_texts_dates() {
        let extra = [
            "Kamis ((7/11/2024)",
            "Kamis (7 (8/9/2024)",
            "\u{212a}amis (7/11/2024)",
            "Kamis-Jumat (9-10/12/2024) dan Sabtu, (11/12/24)",
            "Rabu (2/9/2020). Kamis (3/9/2020)",
        ];
        let mut found = 0;
        for text in texts(60_000).chain(extra.map(String::from)) {
            let want: Vec<_> = crate::extract::date::paren_dates_all(&text)
                .into_iter()
                .map(|f| (f.start, f.end, f.date))
                .collect();
            let got: Vec<_> = crate::extract::date::paren_dates(&text)
                .map(|f| (f.start, f.end, f.date))
                .collect();
            found += want.len();
            assert_eq!(got, want, "{text:?}");
        }
        assert!(found >= 100, "{found}");
    }

    #[test]
    fn gates_on_written_sentences() {
        assert!(may_hold_paren_date("Warga hadir pada Kamis (7/11/2024) di Medan."));
        assert!(may_hold_paren_date("Selasa-Rabu ( 9-10 / 12 ) lalu"));
        assert!(!may_hold_paren_date("Pak Budi (45) dan PT Maju (Persero) tiba."));
        assert!(!may_hold_paren_date("(7/11"), "no closing parenthesis");
        assert!(!may_hold_paren_date("Iuran Rp 2 juta/bulan (naik)."));
        assert!(may_hold_numeric_date("PADANG (17/12/2024) - Hadir."));
        assert!(may_hold_numeric_date("Senin, 7 / 11 / 24 pagi"));
        assert!(!may_hold_numeric_date("Iuran Rp 2 juta/bulan dan/atau denda."));
        assert!(!may_hold_numeric_date("https://example.com/berita"));
    }
}
