//! Dates as Indonesian news pages print them.
//!
//! Pages give dates in a handful of shapes: a weekday with a parenthesised
//! day/month/year (`Kamis (7/11/2024)`, `Kamis-Jumat (9-10/12/2024)`), a long
//! form with a month name (`Senin, 24 Februari 2025 10:21 WIB`,
//! `Jumat 02 Aug 2024 - 10:21 WIB`), numeric or ISO header dates
//! (`07/11/2024, 10:21 WIB`, `2024-11-07`) and the copyright footer
//! (`Copyright © ANTARA 2024`, a year only). This module turns each into a
//! [`PartialDate`] and never invents a missing day, month or year: a
//! year-less `Kamis (29/7)` gets a year only when the page's own years and
//! the printed weekday settle it, and `Nomor 2 Tahun 2021` or `tahun 2022`
//! are not dates at all.
//!
//! # Page date policy
//!
//! [`crate::extract::page`] picks one date per page, in this order:
//!
//! 1. a *field* date (JSON `date`/`date_publish`…), parsed by [`parse_date_field`];
//! 2. a *header* line near the top that is nothing but a date ([`header_date`]);
//! 3. the first full date (day, month and year) in the body ([`body_date`]).
//!    A date tied to a weekday (`Kamis (7/11/2024)`, `Kamis, 7 November 2024`)
//!    is preferred to a bare `1 Januari 2014`, because reporters anchor the
//!    reporting day to a weekday while bare dates are often history. A bare
//!    date right after a regulation citation (`Nomor …`, `Peraturan …`) is
//!    skipped. Body dates are often *event* dates; the page records
//!    [`crate::extract::page::DateSource::Body`] so a later stage can say so;
//!    When someone is reported speaking on a later weekday date (`kata Apik,
//!    Kamis (29/4/2021)`) that day wins: the page is published no earlier
//!    than the latest day it reports a statement;
//! 4. a year-less weekday date (`Selasa (14/6)`) completed with the one year,
//!    among the latest year the page names (outside regulation citations)
//!    and the years just before and after it, whose calendar puts that day
//!    on that weekday ([`weekday_completed`]);
//! 5. the copyright year ([`copyright_year`]), as a year-only date;
//! 6. the year of a reported period that ends before December (`sepanjang
//!    Januari hingga Maret 2024`, `per Mei 2022`), as a year-only date
//!    ([`period_year`]); periods of plans and targets are not counted.
//!
//! Dates are taken as printed: `2023-08-14T23:30:00Z` is 14 August, no time
//! zone arithmetic is done. The weekday of a full date is not cross-checked
//! against the date; only a year-less date's weekday is used, to find its year.
//!
//! The shapes shared by every kind of line live here; [`body`] picks the date
//! of running text, [`header`] reads header lines, stamps glued to a headline,
//! copyright footers and scrapers' fields.

mod body;
mod gate;
mod header;
mod implied;

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::article::PartialDate;

pub use body::body_date;
pub use header::{copyright_year, header_date, parse_date_field, trailing_stamp};
pub use implied::{period_year, weekday_completed};

/// Month names and abbreviations, Indonesian and English, lower case.
const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("pebruari", 2),
    ("february", 2),
    ("feb", 2),
    ("peb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nopember", 11),
    ("nov", 11),
    ("nop", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Words that make a sentence a plan, not a report (`akan menyampaikan`,
/// `dijadwalkan`, `rencananya`, `mendatang`): what it dates has not happened
/// yet. A regex alternation, for the rules that need it.
const PLAN_WORDS: &str = r"akan|dijadwalkan|direncanakan|rencana\w*|mendatang";

/// Weekday names as a regex alternation (Indonesian, then English).
/// Common misspellings are included: `Juma'at`, `Jum'at`, `Jumaat`, `Senen`.
const WEEKDAYS: &str = "senin|senen|selasa|rabu|kamis|jum(?:a['’]?|['’])?at|sabtu|minggu|ahad|\
                        monday|tuesday|wednesday|thursday|friday|saturday|sunday|\
                        mon|tue|wed|thu|fri|sat|sun";

/// The month names, longest first, so that `Maret` wins over `Mar`.
fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

/// `[Weekday[,]] D Month YYYY`; group 1 = weekday, 2 = day, 3 = month, 4 = year.
static LONG: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(
        r"(?i)(?:\b({WEEKDAYS})\s*,?\s*)?\b(\d{{1,2}})(?:\s+|\s*[-–]\s*)({months})\.?(?:\s+|\s*[-–]\s*|,\s*)(\d{{4}})\b"
    ))
    .unwrap()
});

/// `Weekday[-Weekday] (D[-D]/M[/Y])`; group 1 = day, 2 = month, 3 = year.
pub(super) static WEEKDAY_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{WEEKDAYS})(?:\s*[-–/]\s*(?:{WEEKDAYS}))?\s*,?\s*\(\s*(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s*/\s*(\d{{1,2}})(?:\s*/\s*(\d{{4}}|\d{{2}}))?\s*\)"
    ))
    .unwrap()
});

/// The month number for a month name or abbreviation (`"Agt"` → 8).
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == lower).map(|&(_, m)| m)
}

fn plausible_year(year: i32) -> bool {
    (1900..=2100).contains(&year)
}

/// Full date from captured numbers, rejecting impossible days.
fn ymd(year: i32, month: u32, day: u32) -> Option<PartialDate> {
    plausible_year(year).then(|| PartialDate::ymd(year, month, day)).flatten()
}

fn num<T: std::str::FromStr>(m: Option<regex::Match<'_>>) -> Option<T> {
    m?.as_str().parse().ok()
}

/// A date found in running text, with where it starts.
struct Found {
    date: PartialDate,
    start: usize,
    end: usize,
    /// Tied to a weekday, i.e. most likely the reporting day.
    anchored: bool,
}

fn long_dates(text: &str) -> impl Iterator<Item = Found> + '_ {
    LONG.captures_iter(text).filter_map(|c| long_found(&c))
}

/// The date of one [`LONG`] match, if it is a real date.
fn long_found(c: &regex::Captures<'_>) -> Option<Found> {
    let whole = c.get(0)?;
    let day = num(c.get(2))?;
    let month = month_number(c.get(3)?.as_str())?;
    let year = num(c.get(4))?;
    Some(Found {
        date: ymd(year, month, day)?,
        start: c.get(2)?.start(),
        end: whole.end(),
        anchored: c.get(1).is_some(),
    })
}

fn paren_dates(text: &str) -> impl Iterator<Item = Found> + '_ {
    // Each match holds one `(`, and only a weekday, spaces, commas and
    // dashes before it: the regex reads just the text around each `(` that
    // may open a date (see [`gate::paren_windows`]), not the whole body.
    gate::paren_windows(text).filter_map(|(from, open, close)| {
        let c = WEEKDAY_PAREN.captures_at(&text[..=close], from)?;
        // A match opening at a later `(` is that one's.
        (c.get(0)?.start() <= open).then_some(())?;
        paren_found(&c)
    })
}

/// The date of one [`WEEKDAY_PAREN`] match with a year, if it is a real date.
fn paren_found(c: &regex::Captures<'_>) -> Option<Found> {
    let whole = c.get(0)?;
    let day = num(c.get(1))?;
    let month = num(c.get(2))?;
    let year_text = c.get(3)?.as_str();
    let year: i32 = year_text.parse().ok()?;
    let year = if year_text.len() == 2 { 2000 + year } else { year };
    Some(Found {
        date: ymd(year, month, day)?,
        start: whole.start(),
        end: whole.end(),
        anchored: true,
    })
}

/// [`paren_dates`] by one pass of the regex over the whole text, for the tests.
#[cfg(test)]
fn paren_dates_all(text: &str) -> Vec<Found> {
    WEEKDAY_PAREN.captures_iter(text).filter_map(|c| paren_found(&c)).collect()
}

/// A weekday (and a comma) at the end of a text.
static WEEKDAY_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{WEEKDAYS})\s*,?\s*$")).unwrap());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_compile() {
        LazyLock::force(&LONG);
        LazyLock::force(&WEEKDAY_PAREN);
        LazyLock::force(&WEEKDAY_TAIL);
    }

    #[test]
    fn month_names_and_abbreviations() {
        for (name, m) in [
            ("Januari", 1),
            ("Feb", 2),
            ("Maret", 3),
            ("Mei", 5),
            ("Agu", 8),
            ("Agt", 8),
            ("Ags", 8),
            ("Aug", 8),
            ("Sep", 9),
            ("Okt", 10),
            ("Nov", 11),
            ("Des", 12),
            ("des.", 12),
        ] {
            assert_eq!(month_number(name), Some(m), "{name}");
        }
        assert_eq!(month_number("Desa"), None);
    }
}
