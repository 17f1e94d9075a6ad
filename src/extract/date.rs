//! Dates as Indonesian news pages print them.
//!
//! Pages give dates in a handful of shapes: a weekday with a parenthesised
//! day/month/year (`Kamis (7/11/2024)`, `Kamis-Jumat (9-10/12/2024)`), a long
//! form with a month name (`Senin, 24 Februari 2025 10:21 WIB`,
//! `Jumat 02 Aug 2024 - 10:21 WIB`), numeric or ISO header dates
//! (`07/11/2024, 10:21 WIB`, `2024-11-07`) and the copyright footer
//! (`Copyright © ANTARA 2024`, a year only). This module turns each into a
//! [`PartialDate`] and never invents a missing day, month or year: a
//! year-less `Kamis (29/7)` gives nothing, and `Nomor 2 Tahun 2021` or
//! `tahun 2022` are not dates at all.
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
//! 4. the copyright year ([`copyright_year`]), as a year-only date.
//!
//! Dates are taken as printed: `2023-08-14T23:30:00Z` is 14 August, no time
//! zone arithmetic is done. The weekday is not cross-checked against the date.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::article::{FIRST_YEAR, LAST_YEAR, PartialDate};

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
static WEEKDAY_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{WEEKDAYS})(?:\s*[-–/]\s*(?:{WEEKDAYS}))?\s*,?\s*\(\s*(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s*/\s*(\d{{1,2}})(?:\s*/\s*(\d{{4}}|\d{{2}}))?\s*\)"
    ))
    .unwrap()
});

/// `August 14, 2017` (month first, English pages and widgets), used only in
/// header lines; group 1 = month, 2 = day, 3 = year.
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(r"(?i)\b({months})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b")).unwrap()
});

/// `Weekday, D/M/YYYY` without parentheses, or `(D/M/YYYY)` without a
/// weekday (`PADANG (17/12/2024) -`); a two-digit year is in this century.
/// Group 1 = day, 2 = month, 3 = year.
static NUMERIC_ANCHORED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\b(?:{WEEKDAYS})\s*,?\s*|\(\s*)(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*(\d{{4}}|\d{{2}})\b"
    ))
    .unwrap()
});

/// Words just before a date that make it the end of a period (a data
/// cut-off, a deadline), never the day of the report.
static CUT_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sampai\s+dengan|sampai|hingga|s\.?\s?d\.?|s/d|per|batas\s+waktu|paling\s+lambat|tenggat)(?:\s+(?:dengan|akhir|tanggal|tgl\.?|hari))*\s*,?\s*$").unwrap()
});

/// Numeric `D/M/YYYY` (also `-` or `.`), used only in header lines and fields.
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})\b").unwrap());

/// ISO `YYYY-MM-DD`, anywhere in a header line.
static ISO_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());

/// A whole field in ISO form, optionally with a time and zone.
static ISO_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$").unwrap()
});

/// A four-digit year in a copyright line.
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\b").unwrap());

/// Words before a bare date that mark a regulation citation, not a report date.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:nomor|no\.?|tahun\s+\d{4}|peraturan|undang-undang|uu|pp|perpres|permen\w*|inpres|perda|pergub|perwali|perbup|keputusan|keppres|kepmen\w*|surat edaran)\b",
    )
    .unwrap()
});

/// Words a date header line may carry besides the date itself.
const HEADER_WORDS: &str = "wib wita wit gmt utc pukul jam pada tanggal \
    diterbitkan dipublikasikan diperbarui diperbaharui terbit update updated published posted on at \
    diposting dirilis \
    senin senen selasa rabu kamis jumat jum'at jum’at juma'at juma’at jumaat sabtu minggu ahad \
    monday tuesday wednesday thursday friday saturday sunday";

/// Longest line considered as a date header.
const MAX_HEADER_LEN: usize = 120;

/// Other words a header line may hold (a site name, "Oleh Admin").
const MAX_HEADER_EXTRA_WORDS: usize = 3;

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
    // Every WEEKDAY_PAREN match holds the literal `\(` (an ASCII byte that no
    // case folding maps to), so without one in the text there is nothing to find.
    let haystack = if text.contains('(') { text } else { "" };
    WEEKDAY_PAREN.captures_iter(haystack).filter_map(|c| {
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
    })
}

fn numeric_anchored_dates(text: &str) -> impl Iterator<Item = Found> + '_ {
    // Every match holds a `/`: without one there is nothing to find.
    let haystack = if text.contains('/') { text } else { "" };
    NUMERIC_ANCHORED.captures_iter(haystack).filter_map(|c| {
        let whole = c.get(0)?;
        let year_text = c.get(3)?.as_str();
        let year: i32 = year_text.parse().ok()?;
        let year = if year_text.len() == 2 { 2000 + year } else { year };
        Some(Found {
            date: ymd(year, num(c.get(2))?, num(c.get(1))?)?,
            start: whole.start(),
            end: whole.end(),
            anchored: true,
        })
    })
}

/// Whether the words just before `start` make the date a cut-off
/// (`sampai dengan tanggal 15 Juni 2021`, `per 31 Desember`, `hingga Kamis`).
fn after_cut_off(text: &str, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(40));
    let window = text.get(from..start).unwrap_or("");
    // A weekday between the cut-off word and the date ("hingga Kamis (7/11)").
    let window = window.trim_end();
    let window = WEEKDAY_TAIL.find(window).map_or(window, |m| &window[..m.start()]);
    CUT_OFF.is_match(window)
}

/// A weekday (and a comma) at the end of a text.
static WEEKDAY_TAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{WEEKDAYS})\s*,?\s*$")).unwrap());

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether the text just before `start` cites a regulation.
fn after_citation(text: &str, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(60));
    text.get(from..start).is_some_and(|window| CITATION.is_match(window))
}

/// The first full date (day, month, year) in body text; see the module policy.
///
/// Weekday-anchored dates (and parenthesised `(D/M/YYYY)`) win over bare
/// ones; bare dates right after a regulation citation are skipped; dates
/// right after a cut-off word (`sampai dengan`, `per`, `hingga`) are never
/// taken; year-less dates are never completed.
pub fn body_date(text: &str) -> Option<PartialDate> {
    // Matches come in text order, so the first parenthesised (or numeric
    // anchored) date that is no cut-off is the earliest one of its shape, and
    // it beats every later date (ties go to it too).
    let usable = |f: &Found| !after_cut_off(text, f.start);
    let paren = paren_dates(text).find(usable);
    let numeric = numeric_anchored_dates(text).find(usable);
    let first = match (paren, numeric) {
        (Some(p), Some(n)) => Some(if n.start < p.start { n } else { p }),
        (p, n) => p.or(n),
    };
    // A long date can only win if it starts before `first`. Such a match also
    // ends before it (see `long_dates_end_before_a_paren_date`), and the text
    // is cut right after the anchored date, where no long date can end: so
    // the cut text holds the same long matches up to `first`.
    let limit = first.as_ref().map_or(text.len(), |p| p.end);
    let mut best_anchored = first;
    let mut best_bare: Option<Found> = None;
    for c in LONG.captures_iter(&text[..limit]) {
        if let (Some(p), Some(whole)) = (&best_anchored, c.get(0))
            && whole.start() >= p.start
        {
            break;
        }
        let Some(found) = long_found(&c).filter(usable) else { continue };
        if found.anchored {
            if best_anchored.as_ref().is_none_or(|b| found.start < b.start) {
                best_anchored = Some(found);
            }
            // Later long dates start later, and bare ones lose to this one.
            break;
        }
        // Bare dates only count without an anchored date; the first one not
        // after a citation is the earliest.
        if best_anchored.is_none() && best_bare.is_none() && !after_citation(text, found.start) {
            best_bare = Some(found);
        }
    }
    best_anchored.or(best_bare).map(|f| f.date)
}

/// [`body_date`] as first written: every date of the text compared. Kept for
/// the tests, which check that the early stops change nothing.
#[cfg(test)]
fn body_date_all(text: &str) -> Option<PartialDate> {
    let mut best_anchored: Option<Found> = None;
    let mut best_bare: Option<Found> = None;
    for found in paren_dates(text).chain(numeric_anchored_dates(text)).chain(long_dates(text)) {
        if after_cut_off(text, found.start) {
            continue;
        }
        if found.anchored {
            if best_anchored.as_ref().is_none_or(|b| found.start < b.start) {
                best_anchored = Some(found);
            }
        } else if !after_citation(text, found.start)
            && best_bare.as_ref().is_none_or(|b| found.start < b.start)
        {
            best_bare = Some(found);
        }
    }
    best_anchored.or(best_bare).map(|f| f.date)
}

/// The date of a line that is nothing but a date (a page header).
///
/// Accepts `Senin, 24 Februari 2025 10:21 WIB`, `Jumat, 10 Desember 2021 | 18:24 WIB`,
/// `Jumat 02 Aug 2024 - 10:21 WIB`, `Kompas.com - 07/11/2024, 10:21 WIB`,
/// `2024-11-07 09:30`; rejects lines with more than a few other words.
pub fn header_date(line: &str) -> Option<PartialDate> {
    let line = line.trim();
    if line.len() > MAX_HEADER_LEN {
        return None;
    }
    let mut found: Vec<Found> = long_dates(line).chain(paren_dates(line)).collect();
    for c in MONTH_FIRST.captures_iter(line) {
        let (Some(whole), Some(month)) =
            (c.get(0), c.get(1).and_then(|m| month_number(m.as_str())))
        else {
            continue;
        };
        if let Some(date) = num(c.get(3)).zip(num(c.get(2))).and_then(|(y, d)| ymd(y, month, d)) {
            found.push(Found { date, start: whole.start(), end: whole.end(), anchored: false });
        }
    }
    for c in NUMERIC.captures_iter(line).chain(ISO_IN_TEXT.captures_iter(line)) {
        let Some(whole) = c.get(0) else { continue };
        let date = if c.len() == 6 {
            // D/M/Y with the same separator twice.
            if c.get(2).map(|m| m.as_str()) != c.get(4).map(|m| m.as_str()) {
                continue;
            }
            num(c.get(5)).zip(num(c.get(3))).zip(num(c.get(1)))
        } else {
            num(c.get(1)).zip(num(c.get(2))).zip(num(c.get(3)))
        };
        if let Some(date) = date.and_then(|((y, m), d)| ymd(y, m, d)) {
            found.push(Found { date, start: whole.start(), end: whole.end(), anchored: false });
        }
    }
    let first = found.into_iter().min_by_key(|f| f.start)?;
    let rest = [&line[..first.start], &line[first.end..]];
    let extra = rest
        .iter()
        .flat_map(|part| {
            part.split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’')))
        })
        .map(|w| w.trim_matches('.'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| !HEADER_WORDS.split_whitespace().any(|h| h.eq_ignore_ascii_case(w)))
        .count();
    (extra <= MAX_HEADER_EXTRA_WORDS).then_some(first.date)
}

/// A publication stamp glued to the end of a headline line (`… Pekerja
/// Jumat, 26/09/2025 | 13:54`, `… Pekerja Rabu, 17 Mei 2023 | 12:12 WIB`):
/// where the stamp starts and its date. The stamp needs a weekday or a
/// time, so a headline that ends with a plain date keeps it.
pub fn trailing_stamp(line: &str) -> Option<(usize, PartialDate)> {
    // Every stamp ends with a digit or a time-zone word; most lines end otherwise.
    if !line.trim_end().ends_with(|c: char| c.is_ascii_digit() || c == 'B' || c == 'A' || c == 'T')
    {
        return None;
    }
    let c = TRAILING_STAMP.captures(line)?;
    let whole = c.get(0)?;
    if c.name("wd").is_none() && c.name("time").is_none() {
        return None;
    }
    let year: i32 = c["y"].parse().ok()?;
    let month = match (c.name("m"), c.name("m2")) {
        (Some(m), _) => m.as_str().parse().ok()?,
        (None, Some(name)) => month_number(name.as_str())?,
        (None, None) => return None,
    };
    let date = ymd(year, month, c["d"].parse().ok()?)?;
    // A weekday the match left out (the line opens with it) belongs to the stamp.
    let head = line[..whole.start()].trim_end();
    let start = WEEKDAY_TAIL.find(head).map_or(whole.start(), |m| m.start());
    (!line[..start].trim().is_empty()).then_some((start, date))
}

/// See [`trailing_stamp`].
static TRAILING_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(
        r"(?i)\s+(?:(?P<wd>{WEEKDAYS})\s*,?\s*)?(?P<d>\d{{1,2}})(?:\s*/\s*(?P<m>\d{{1,2}})\s*/\s*|\s+(?P<m2>{months})\s+)(?P<y>\d{{4}})(?:\s*[|,-]?\s*(?:pukul\s+)?(?P<time>\d{{1,2}}[:.]\d{{2}})(?:\s*(?:WIB|WITA|WIT))?)?\s*$"
    ))
    .unwrap()
});

/// The year of a copyright footer (`Copyright © ANTARA 2024`, `© 2024 Kompas.com`).
///
/// Only lines that start with `Copyright`, `©` or `(c)` count; with a range
/// (`© 2010-2024`) the last year is taken. Gives a year-only date.
pub fn copyright_year(line: &str) -> Option<PartialDate> {
    let line = line.trim_start();
    let head = line.get(..9).unwrap_or(line);
    let is_copyright = line.starts_with('©')
        || head.eq_ignore_ascii_case("copyright")
        || line.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("(c)"));
    if !is_copyright || line.len() > 200 {
        return None;
    }
    let year = YEAR.captures_iter(line).last()?.get(1)?.as_str().parse().ok()?;
    Some(PartialDate::year(year))
}

/// A date field as a scraper wrote it: ISO (`2023-08-14 09:30:00`,
/// `2023-08-14T09:30:00+07:00`, `2021-03-02`, `2024-11`, `2024`), numeric
/// `14/08/2023`, or any Indonesian/English long form (`Senin, 24 Februari 2025`,
/// `Mon, 14 Aug 2023 09:30:00 +0700`).
pub fn parse_date_field(field: &str) -> Option<PartialDate> {
    let field = field.trim();
    if let Some(c) = ISO_FIELD.captures(field) {
        let year: i32 = num(c.get(1))?;
        // A scraper's ISO field is explicit: any year warta can store.
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return None;
        }
        return match (num::<u32>(c.get(2)), num::<u32>(c.get(3))) {
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
            (Some(m), None) => PartialDate::ym(year, m),
            _ => Some(PartialDate::year(year)),
        };
    }
    if let Some(c) = NUMERIC.captures(field).filter(|c| c.get(0).is_some_and(|m| m.start() == 0)) {
        return ymd(num(c.get(5))?, num(c.get(3))?, num(c.get(1))?);
    }
    let mut found: Vec<Found> = long_dates(field).chain(paren_dates(field)).collect();
    found.sort_by_key(|f| f.start);
    found.first().map(|f| f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn regexes_compile() {
        LazyLock::force(&LONG);
        LazyLock::force(&WEEKDAY_PAREN);
        LazyLock::force(&NUMERIC);
        LazyLock::force(&ISO_IN_TEXT);
        LazyLock::force(&ISO_FIELD);
        LazyLock::force(&YEAR);
        LazyLock::force(&CITATION);
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

    #[test]
    fn weekday_parenthesised_dates() {
        assert_eq!(body_date("di Palu, Kamis (7/11/2024), kata dia."), Some(d("2024-11-07")));
        assert_eq!(body_date("pada Selasa (20/5/25) lalu"), Some(d("2025-05-20")));
        assert_eq!(body_date("digelar Kamis-Jumat (9-10/12/2024)."), Some(d("2024-12-09")));
        assert_eq!(body_date("pada Jum'at (1/3/2024)"), Some(d("2024-03-01")));
    }

    #[test]
    fn yearless_and_impossible_dates_give_nothing() {
        assert_eq!(body_date("di Kendari, Kamis (29/7)."), None);
        assert_eq!(body_date("Kamis-Jumat (9-10/12)"), None);
        assert_eq!(body_date("pada Senin (31/2/2024)"), None);
        assert_eq!(body_date("tanggal 31 Februari 2023"), None);
        assert_eq!(body_date("Kamis (7/11/202)"), None);
    }

    #[test]
    fn long_forms() {
        assert_eq!(body_date("sejak 7 November 2024 kemarin"), Some(d("2024-11-07")));
        assert_eq!(body_date("Senin, 24 Februari 2025 10:21 WIB"), Some(d("2025-02-24")));
        assert_eq!(body_date("Jumat 02 Aug 2024 - 10:21 WIB"), Some(d("2024-08-02")));
        assert_eq!(body_date("pada 17 Agt 2023"), Some(d("2023-08-17")));
        assert_eq!(body_date("pada 5 Des. 2022"), Some(d("2022-12-05")));
    }

    #[test]
    fn regulation_numbers_and_bare_years_are_not_dates() {
        assert_eq!(body_date("Inpres Nomor 2 Tahun 2021 tentang jaminan"), None);
        assert_eq!(body_date("dibiayai sejak tahun 2022 oleh daerah"), None);
        assert_eq!(body_date("hingga Desember 2024 tercatat"), None);
        assert_eq!(body_date("Peraturan Nomor 5 Tahun 2021 tanggal 1 Maret 2021 berlaku"), None);
    }

    #[test]
    fn weekday_dates_win_over_earlier_bare_dates() {
        let text =
            "Program berjalan sejak 1 Januari 2014. Acara digelar di Ambon, Rabu (6/3/2024).";
        assert_eq!(body_date(text), Some(d("2024-03-06")));
        let text = "Berlaku 1 Januari 2014. Rapat pada Rabu, 6 Maret 2024 di Ambon.";
        assert_eq!(body_date(text), Some(d("2024-03-06")));
        assert_eq!(body_date("Berlaku sejak 1 Januari 2014."), Some(d("2014-01-01")));
    }

    #[test]
    fn header_lines() {
        for (line, want) in [
            ("Senin, 24 Februari 2025 10:21 WIB", "2025-02-24"),
            ("Jumat, 10 Desember 2021 | 18:24 WIB", "2021-12-10"),
            ("Rabu, 20 November 2019 - 15:50 WIB", "2019-11-20"),
            ("Jumat 02 Aug 2024 - 10:21 WIB", "2024-08-02"),
            ("Kompas.com - 07/11/2024, 10:21 WIB", "2024-11-07"),
            ("Diterbitkan 2024-11-07 09:30", "2024-11-07"),
            ("7 November 2024", "2024-11-07"),
        ] {
            assert_eq!(header_date(line), Some(d(want)), "{line}");
        }
    }

    #[test]
    fn sentences_with_dates_are_not_headers() {
        assert_eq!(
            header_date("Acara dibuka pada 7 November 2024 oleh kepala dinas setempat."),
            None
        );
        assert_eq!(header_date("Nomor: 560/7095/2021"), None);
        assert_eq!(header_date("Kamis (29/7)"), None);
        assert_eq!(header_date("31/02/2024"), None);
    }

    #[test]
    fn copyright_years() {
        assert_eq!(copyright_year("Copyright © ANTARA 2024"), Some(PartialDate::year(2024)));
        assert_eq!(copyright_year("© 2010-2023 Contoh.com"), Some(PartialDate::year(2023)));
        assert_eq!(copyright_year("COPYRIGHT (C) 2022"), Some(PartialDate::year(2022)));
        assert_eq!(copyright_year("Pada 2024 copyright dibahas"), None);
        assert_eq!(copyright_year("Copyright © ANTARA"), None);
    }

    #[test]
    fn field_forms() {
        for (field, want) in [
            ("2023-08-14 09:30:00", "2023-08-14"),
            ("2023-08-14T09:30:00+07:00", "2023-08-14"),
            ("2023-08-14T23:30:00Z", "2023-08-14"),
            ("2021-03-02", "2021-03-02"),
            ("2024-11", "2024-11"),
            ("2024", "2024"),
            ("14/08/2023", "2023-08-14"),
            ("Senin, 24 Februari 2025 10:21 WIB", "2025-02-24"),
            ("Mon, 14 Aug 2023 09:30:00 +0700", "2023-08-14"),
            ("Kamis (7/11/2024)", "2024-11-07"),
        ] {
            assert_eq!(parse_date_field(field), Some(d(want)), "{field}");
        }
        for bad in ["", "kemarin", "2023-02-30", "2024-13-01", "31/02/2024", "0999"] {
            assert_eq!(parse_date_field(bad), None, "{bad}");
        }
    }

    #[test]
    fn long_dates_end_before_a_paren_date() {
        // A paren date starts at a weekday; inside a long date the only words
        // are its own weekday (where the long date starts) and the month. So
        // a long date starting before a paren date cannot reach it as long as
        // no month name begins with a weekday.
        let weekday = Regex::new(&format!("(?i)^(?:{WEEKDAYS})")).unwrap();
        for (month, _) in MONTHS {
            assert!(!weekday.is_match(month), "{month}");
        }
    }

    #[test]
    fn early_stops_agree_with_comparing_every_date() {
        let pieces = [
            "Kamis (7/11/2024)",
            "Rabu, 6 Maret 2024",
            "1 Januari 2014",
            "Nomor 5 Tahun 2021 tanggal 1 Maret 2021",
            "Senin (31/2/2024)",
            "Kamis (29/7)",
            "Selasa (20/5/25)",
            "Jumat 02 Aug 2024",
            "31 Februari 2023",
            "Kamis (٧/١١/٢٠٢٤)",
            "Rabu, ٦ Maret ٢٠٢٤",
            "é7 Mei 2024",
            "Sabtu 3 Juni 2023(",
            "Minggu(1/1/2023)",
            "KAMIS (7/11/2024)2024",
            "ſenin (7/11/2024)",
            "( ",
            "Senin-Selasa (1-2/3/2022)",
            "pada 5 Des. 2022",
            "Jum’at, 9 Juli 2021",
            "2024",
            "x",
        ];
        let n = pieces.len();
        for a in 0..n {
            for b in 0..n {
                for c in [0, 3, 7, 10, 16] {
                    for sep in [" ", "", ". ", "\n\n"] {
                        let text = [pieces[a], pieces[b], pieces[c]].join(sep);
                        assert_eq!(body_date(&text), body_date_all(&text), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn never_panics_on_odd_unicode() {
        for s in ["é(7/11/2024)", "Kamis (٧/١١/٢٠٢٤)", "ñ 7 Mei 2024 𝕏", "©", "Copyright ©", "(c"]
        {
            let _ = body_date(s);
            let _ = header_date(s);
            let _ = copyright_year(s);
            let _ = parse_date_field(s);
        }
        let long = format!("{} Nomor 7 Mei 2024", "é".repeat(100));
        assert_eq!(body_date(&long), None);
    }

    #[test]
    fn stamps_glued_to_a_headline() {
        let line = "Pemkab Tambah Peserta Jumat, 26/09/2025 | 13:54";
        let (at, d) = trailing_stamp(line).unwrap();
        assert_eq!((&line[..at], d), ("Pemkab Tambah Peserta", ymd(2025, 9, 26).unwrap()));
        let line = "Santunan Diserahkan Rabu, 17 Mei 2023 | 12:12 WIB";
        let (at, d) = trailing_stamp(line).unwrap();
        assert_eq!((&line[..at], d), ("Santunan Diserahkan", ymd(2023, 5, 17).unwrap()));
        // A headline ending with a plain date keeps it.
        assert_eq!(trailing_stamp("Pendaftaran Dibuka Hingga 31/12/2025"), None);
        assert_eq!(trailing_stamp("Jumat, 26/09/2025 | 13:54"), None);
    }

    #[test]
    fn misspelt_weekdays_and_unbracketed_dates() {
        for (text, want) in [
            ("Acara digelar Juma'at (19/08/2022) di aula.", ymd(2022, 8, 19)),
            ("Acara digelar Jum'at, 7/7/2017 di aula.", ymd(2017, 7, 7)),
            ("Acara digelar Senen, 3/4/2023 di aula.", ymd(2023, 4, 3)),
            ("Acara digelar pada (27/08/22) di aula.", ymd(2022, 8, 27)),
            ("Acara digelar 12 - Nov - 2024 di aula.", ymd(2024, 11, 12)),
        ] {
            assert_eq!(body_date(text), want, "{text}");
            assert_eq!(body_date_all(text), want, "{text}");
        }
    }

    #[test]
    fn cut_off_dates_are_never_the_report_day() {
        let text = "Data sampai dengan tanggal 15 Juni 2021 mencatat 300 peserta. \
                    Penyerahan digelar Kamis (17/6/2021).";
        assert_eq!(body_date(text), ymd(2021, 6, 17));
        let text =
            "Jumlah peserta per 31 Desember 2023 naik. Klaim dibayar hingga Senin (8/1/2024).";
        assert_eq!(body_date(text), None);
        assert_eq!(body_date_all(text), None);
    }

    #[test]
    fn month_first_header_lines() {
        assert_eq!(header_date("Monday, August 14, 2017 21:54"), ymd(2017, 8, 14));
        assert_eq!(header_date("Diposting: Mar 3, 2024"), ymd(2024, 3, 3));
    }
}
