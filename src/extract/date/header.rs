//! Dates of whole lines and fields: a header line that is nothing but a date,
//! a stamp glued to a headline, the copyright footer's year and a scraper's
//! date field.

use std::sync::LazyLock;

use regex::Regex;

use super::{
    Found, WEEKDAY_TAIL, WEEKDAYS, long_dates, month_alternation, month_number, num, paren_dates,
    ymd,
};
use crate::extract::article::{FIRST_YEAR, LAST_YEAR, PartialDate};

/// `August 14, 2017` (month first, English pages and widgets), used only in
/// header lines; group 1 = month, 2 = day, 3 = year.
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(r"(?i)\b({months})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b")).unwrap()
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

/// Words a date header line may carry besides the date itself.
const HEADER_WORDS: &str = "wib wita wit gmt utc pukul jam pada tanggal \
    diterbitkan dipublikasikan diperbarui diperbaharui terbit update updated published posted on at \
    diposting dirilis \
    senin senen selasa rabu kamis jumat jum'at jum’at juma'at juma’at jumaat sabtu minggu ahad \
    monday tuesday wednesday thursday friday saturday sunday";

/// [`HEADER_WORDS`] split once, not for every word of every header line.
static HEADER_WORD_LIST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| HEADER_WORDS.split_whitespace().collect());

/// Longest line considered as a date header.
const MAX_HEADER_LEN: usize = 120;

/// Other words a header line may hold (a site name, "Oleh Admin").
const MAX_HEADER_EXTRA_WORDS: usize = 3;

/// The date of a line that is nothing but a date (a page header).
///
/// Accepts `Senin, 24 Februari 2025 10:21 WIB`, `Jumat, 10 Desember 2021 | 18:24 WIB`,
/// `Jumat 02 Aug 2024 - 10:21 WIB`, `Kompas.com - 07/11/2024, 10:21 WIB`,
/// `2024-11-07 09:30`; rejects lines with more than a few other words.
pub fn header_date(line: &str) -> Option<PartialDate> {
    let line = line.trim();
    // Every date found below is read from ASCII digits (`\d` also matches
    // other scripts' digits, which `parse` refuses): most lines have none.
    if line.len() > MAX_HEADER_LEN || !line.bytes().any(|b| b.is_ascii_digit()) {
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
        .filter(|w| !HEADER_WORD_LIST.iter().any(|h| h.eq_ignore_ascii_case(w)))
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
    if let Some(f) = found.first() {
        return Some(f.date);
    }
    // English month first (`April 12, 2023`), then a month and year alone (`April 2023`).
    if let Some(c) = MONTH_FIRST.captures(field) {
        let month = c.get(1).and_then(|m| month_number(m.as_str()))?;
        return ymd(num(c.get(3))?, month, num(c.get(2))?);
    }
    let c = MONTH_YEAR.captures(field)?;
    let (month, year) = (month_number(c.get(1)?.as_str())?, num::<i32>(c.get(2))?);
    (FIRST_YEAR..=LAST_YEAR).contains(&year).then_some(())?;
    PartialDate::ym(year, month)
}

/// A field that is a month and a year alone (`April 2023`, `Agt. 2024`): group
/// 1 = month, 2 = year.
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(r"(?i)^({months})\.?\s+(\d{{4}})$")).unwrap()
});

#[cfg(test)]
mod tests {
    use super::super::body_date;
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn regexes_compile() {
        LazyLock::force(&MONTH_FIRST);
        LazyLock::force(&MONTH_YEAR);
        LazyLock::force(&NUMERIC);
        LazyLock::force(&ISO_IN_TEXT);
        LazyLock::force(&ISO_FIELD);
        LazyLock::force(&YEAR);
        LazyLock::force(&TRAILING_STAMP);
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
            ("April 12, 2023", "2023-04-12"),
            ("Monday, August 14, 2017 21:54", "2017-08-14"),
            ("April 2023", "2023-04"),
            ("Agustus 2024", "2024-08"),
        ] {
            assert_eq!(parse_date_field(field), Some(d(want)), "{field}");
        }
        for bad in [
            "",
            "kemarin",
            "2023-02-30",
            "2024-13-01",
            "31/02/2024",
            "0999",
            "April 31, 2023",
            "Mei 1700",
            "Mei 2024 lalu",
        ] {
            assert_eq!(parse_date_field(bad), None, "{bad}");
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
    fn month_first_header_lines() {
        assert_eq!(header_date("Monday, August 14, 2017 21:54"), ymd(2017, 8, 14));
        assert_eq!(header_date("Diposting: Mar 3, 2024"), ymd(2024, 3, 3));
    }
}
