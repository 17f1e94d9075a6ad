//! Dates a page implies without printing them whole, for pages that give no
//! full date at all: a year-less weekday date (`Selasa (14/6)`) whose year
//! the calendar settles, and the year of a reported period (`sepanjang
//! Januari hingga Maret 2024`). Nothing is invented: the day comes from the
//! page, the year from the page's own years and the weekday it prints.

use std::sync::LazyLock;

use regex::Regex;

use super::{PLAN_WORDS, WEEKDAYS, month_alternation, month_number, num, ymd};
use crate::extract::article::PartialDate;

/// `Selasa (14/6)`, `Selasa, 14/6`: a weekday and a day/month without a
/// year; group 1 = weekday, 2 = day, 3 = month, 4 = what follows, never a
/// `/` or a digit (so `Selasa (14/6/2022)` does not match).
static YEARLESS_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({WEEKDAYS})\s*,?\s*\(?\s*(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*(\)|[^/\d]|$)"
    ))
    .unwrap()
});

/// `Selasa, 14 Juni` with no year after the month; group 1 = weekday,
/// 2 = day, 3 = month, 4 = what follows (checked not to be a year).
static YEARLESS_LONG: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(
        r"(?i)\b({WEEKDAYS})\s*,?\s*(\d{{1,2}})\s+({months})\b\.?(\s*,?\s*\d{{1,4}})?"
    ))
    .unwrap()
});

/// A four-digit year of this era in running text.
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\b").unwrap());

/// A regulation citation just before a year (`Nomor 2 Tahun 2021`,
/// `UU 24/2011`): the year of a law, not of the story.
static CITED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:nomor|no\.?)\s*\d+\s*(?:tahun\s*)?|\d+\s*/\s*)$").unwrap()
});

/// The end of a reported period: a month range (`Januari hingga Maret 2024`,
/// `Januari–Oktober 2023`, `Januari 2024 sampai dengan Maret 2024`) or a data
/// cut-off (`per Maret 2024`); group 1 = end month, 2 = year.
static PERIOD_END: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    Regex::new(&format!(
        r"(?i)(?:\b(?:{months})(?:\s+(?:19|20)\d{{2}})?\s*(?:hingga|sampai(?:\s+dengan)?|s\.?\s?d\.?|s/d|[-–])\s*|\bper\s+)({months})\s+((?:19|20)\d{{2}})\b"
    ))
    .unwrap()
});

/// Words that make a period a plan (the words of any plan) or a target, not
/// a report.
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{PLAN_WORDS}|target\w*|ditargetkan|berlaku)\b")).unwrap()
});

/// 0 = Monday … 6 = Sunday, for a weekday name of [`WEEKDAYS`].
fn weekday_index(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let i = match lower.as_str() {
        "senin" | "senen" | "monday" | "mon" => 0,
        "selasa" | "tuesday" | "tue" => 1,
        "rabu" | "wednesday" | "wed" => 2,
        "kamis" | "thursday" | "thu" => 3,
        "sabtu" | "saturday" | "sat" => 5,
        "minggu" | "ahad" | "sunday" | "sun" => 6,
        "friday" | "fri" => 4,
        s if s.starts_with("jum") => 4,
        _ => return None,
    };
    Some(i)
}

/// The weekday of a date, 0 = Monday (Sakamoto's method).
fn weekday_of(year: i32, month: u32, day: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_first =
        (y + y / 4 - y / 100 + y / 400 + T[month as usize - 1] + day as i32).rem_euclid(7);
    ((sunday_first + 6) % 7) as u32
}

/// The latest year the text names outside a regulation citation.
fn latest_story_year(text: &str) -> Option<i32> {
    YEAR.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let before = &text[..m.start()];
            let from = before.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
            (!CITED_YEAR.is_match(&before[from..])).then(|| m.as_str().parse().ok()).flatten()
        })
        .max()
}

/// Year-less weekday dates of a text: (weekday, day, month).
fn yearless_dates(text: &str) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::new();
    if text.contains('/') {
        for c in YEARLESS_NUMERIC.captures_iter(text) {
            // `Selasa (14/6/2022)` is a full date, read elsewhere: group 4
            // (what follows the month) is never a `/` or a digit.
            if let (Some(w), Some(d), Some(m)) =
                (c.get(1).and_then(|w| weekday_index(w.as_str())), num(c.get(2)), num(c.get(3)))
            {
                out.push((w, d, m));
            }
        }
    }
    for c in YEARLESS_LONG.captures_iter(text) {
        if c.get(4).is_some_and(|t| t.as_str().trim_start_matches([' ', ',']).len() == 4) {
            continue; // `Selasa, 14 Juni 2022` has its year
        }
        if let (Some(w), Some(d), Some(m)) = (
            c.get(1).and_then(|w| weekday_index(w.as_str())),
            num(c.get(2)),
            c.get(3).and_then(|m| month_number(m.as_str())),
        ) {
            out.push((w, d, m));
        }
    }
    out
}

/// The first year-less weekday date of `text` (`Selasa (14/6)`) completed
/// with the one year that puts that day on that weekday among the latest
/// year the page names (`around`: the text's latest year outside regulation
/// citations, else the copyright year) and the years just before and after
/// it. Three consecutive years put a day on three different weekdays, so at
/// most one fits; when none does, or the page names no year, nothing.
pub fn weekday_completed(text: &str, copyright: Option<PartialDate>) -> Option<PartialDate> {
    let dates = yearless_dates(text);
    if dates.is_empty() {
        return None;
    }
    let around = latest_story_year(text).or(copyright.map(|c| c.year))?;
    dates.into_iter().find_map(|(weekday, day, month)| {
        let mut fits = (around - 1..=around + 1)
            .filter(|&y| ymd(y, month, day).is_some() && weekday_of(y, month, day) == weekday);
        let year = fits.next()?;
        ymd(year, month, day)
    })
}

/// The year of the latest reported period that ends before December
/// (`sepanjang Januari hingga Maret 2024` → 2024): the report follows the
/// period's end, in the same year unless the period runs to December. A
/// period in a sentence about plans or targets is not counted. Year only.
pub fn period_year(text: &str) -> Option<PartialDate> {
    PERIOD_END
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let month = month_number(c.get(1)?.as_str())?;
            let year: i32 = num(c.get(2))?;
            let sentence_start = text[..whole.start()].rfind(['.', '\n']).map_or(0, |i| i + 1);
            let sentence_end =
                text[whole.end()..].find(['.', '\n']).map_or(text.len(), |i| whole.end() + i);
            let planned = PLANNED.is_match(&text[sentence_start..sentence_end]);
            (month < 12 && !planned).then_some(year)
        })
        .max()
        .map(PartialDate::year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_compile() {
        LazyLock::force(&YEARLESS_NUMERIC);
        LazyLock::force(&YEARLESS_LONG);
        LazyLock::force(&YEAR);
        LazyLock::force(&CITED_YEAR);
        LazyLock::force(&PERIOD_END);
        LazyLock::force(&PLANNED);
    }

    #[test]
    fn weekdays_of_known_days() {
        assert_eq!(weekday_of(2024, 3, 4), 0); // a Monday
        assert_eq!(weekday_of(2000, 2, 29), 1); // a Tuesday
        assert_eq!(weekday_of(2026, 12, 6), 6); // a Sunday
        for name in ["Jumat", "Jum'at", "Juma'at", "jumaat", "Friday"] {
            assert_eq!(weekday_index(name), Some(4), "{name}");
        }
    }

    #[test]
    fn a_yearless_weekday_date_takes_the_year_whose_calendar_fits() {
        let d = |y, m, dd| PartialDate::ymd(y, m, dd);
        // 11 March was a Monday in 2024 only among 2023–2025.
        let text =
            "Pendaftaran dibuka pada 2024 untuk pekerja. Rapat digelar Senin (11/3) di aula.";
        assert_eq!(weekday_completed(text, None), d(2024, 3, 11));
        // The year after the one named (a look back at last year's figures).
        let text = "Klaim sepanjang 2023 naik. Data diserahkan Selasa (9/1) di kantor cabang.";
        assert_eq!(weekday_completed(text, None), d(2024, 1, 9));
        // The long form without a year.
        let text = "Program berjalan sejak 2022. Acara digelar Kamis, 6 Juli di Sorong.";
        assert_eq!(weekday_completed(text, None), d(2023, 7, 6));
        // A regulation's year is not the story's; the copyright year stands in.
        let text = "Sesuai Inpres Nomor 2 Tahun 2021, rapat digelar Senin (11/3).";
        assert_eq!(weekday_completed(text, None), None);
        assert_eq!(weekday_completed(text, Some(PartialDate::year(2024))), d(2024, 3, 11));
        // A weekday that fits none of the years gives nothing.
        let text = "Target tahun 2024 tercapai. Rapat digelar Rabu (11/3).";
        assert_eq!(weekday_completed(text, None), None);
        // Full dates are not year-less.
        let text = "Pada 2024 rapat digelar Jumat (8/3/2023).";
        assert_eq!(weekday_completed(text, None), None);
        assert_eq!(weekday_completed("Rapat digelar Senin (11/3).", None), None);
    }

    #[test]
    fn a_reported_period_gives_the_year() {
        let y = |y| Some(PartialDate::year(y));
        assert_eq!(
            period_year("klaim dibayar sepanjang Januari hingga Maret 2024 di Sorong"),
            y(2024)
        );
        assert_eq!(period_year("peserta baru periode Januari-Oktober 2023 naik"), y(2023));
        assert_eq!(period_year("jumlah peserta per Mei 2022 mencapai 900 orang"), y(2022));
        assert_eq!(
            period_year(
                "Januari 2021 sampai dengan Juni 2021 tercatat 40 klaim; per April 2022 naik"
            ),
            y(2022)
        );
        // A period to December may be reported the next year: no year.
        assert_eq!(period_year("sepanjang Januari hingga Desember 2023 tercatat"), None);
        // Plans and targets are no report.
        assert_eq!(period_year("program ini akan berjalan Januari hingga Maret 2025."), None);
        assert_eq!(period_year("ditargetkan per Juni 2025 semua terdaftar"), None);
        // A month and a year alone are no period.
        assert_eq!(period_year("pada Maret 2024 kantor dibuka"), None);
    }
}
