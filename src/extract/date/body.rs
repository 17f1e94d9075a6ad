//! The date of running text: the first full date of the body, weekday-anchored
//! dates first, cut-off and citation dates skipped (the policy is in
//! [`super`]).

use std::sync::LazyLock;

use regex::Regex;

#[cfg(test)]
use super::long_dates;
use super::{Found, LONG, PLAN_WORDS, WEEKDAY_TAIL, WEEKDAYS, long_found, num, paren_dates, ymd};
use crate::extract::article::PartialDate;

/// `Weekday, D/M/YYYY` without parentheses, or `(D/M/YYYY)` without a
/// weekday (`PADANG (17/12/2024) -`); a two-digit year is in this century.
/// Group 1 = day, 2 = month, 3 = year.
pub(super) static NUMERIC_ANCHORED: LazyLock<Regex> = LazyLock::new(|| {
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

/// Words before a bare date that mark a regulation citation, not a report date.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:nomor|no\.?|tahun\s+\d{4}|peraturan|undang-undang|uu|pp|perpres|permen\w*|inpres|perda|pergub|perwali|perbup|keputusan|keppres|kepmen\w*|surat edaran)\b",
    )
    .unwrap()
});

fn numeric_anchored_dates(text: &str) -> impl Iterator<Item = Found> + '_ {
    // Every date found holds an ASCII digit on each side of a `/` (see
    // [`super::gate::may_hold_numeric_date`]): without one there is nothing to find.
    let haystack = if super::gate::may_hold_numeric_date(text) { text } else { "" };
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
    first_date(text).map(|first| reported_day(text, first))
}

/// The first date of the body by the policy of [`body_date`], before the
/// reporting-day rule.
fn first_date(text: &str) -> Option<Found> {
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
    best_anchored.or(best_bare)
}

/// `Weekday[,] D Month YYYY` with the weekday required: the long dates that
/// can be a reporting day.
static LONG_ANCHORED: LazyLock<Regex> = LazyLock::new(|| {
    let months = super::month_alternation();
    Regex::new(&format!(
        r"(?i)\b(?:{WEEKDAYS})\s*,?\s*(\d{{1,2}})(?:\s+|\s*[-–]\s*)({months})\.?(?:\s+|\s*[-–]\s*|,\s*)(\d{{4}})\b"
    ))
    .unwrap()
});

/// A reporting frame: a speech verb (`kata`, `ujarnya`, `menjelaskan`) or
/// the interview itself (`saat ditemui`, `dikonfirmasi`).
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:kata|ujar|ungkap|jelas|tutur|terang|sebut|tegas|imbuh|tambah|papar|ucap)(?:nya)?|mengatakan|menjelaskan|menyampaikan|mengungkapkan|menuturkan|menegaskan|menyebutkan|menerangkan|memaparkan|diwawancarai|ditemui|dikonfirmasi|dihubungi)\b",
    )
    .unwrap()
});

/// Words that make a frame a plan, not a report (`akan menyampaikan`).
static PLANNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{PLAN_WORDS})\b")).unwrap());

/// How far before a date its reporting frame is looked for.
const FRAME_WINDOW: usize = 120;

/// Whether the sentence just before `start` reports someone speaking
/// (`…," kata Apik di kantornya, Kamis 29 April 2021`).
fn in_speech_frame(text: &str, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(FRAME_WINDOW));
    let window = text.get(from..start).unwrap_or("");
    // The frame is in the date's own sentence: cut at the last sentence end
    // (a period, `!` or `?` followed by a space, or a line break).
    let bytes = window.as_bytes();
    let cut = (0..bytes.len())
        .rev()
        .find(|&i| {
            bytes[i] == b'\n'
                || (matches!(bytes[i], b'.' | b'!' | b'?')
                    && bytes.get(i + 1).is_some_and(|b| *b == b' '))
        })
        .map_or(0, |i| i + 1);
    let sentence = &window[cut..];
    SPEECH.is_match(sentence) && !PLANNED.is_match(sentence)
}

/// The reporting-day rule: the article is published no earlier than the
/// latest day it reports someone speaking. A weekday date in a speech frame
/// later than the first date (`Santunan diserahkan Rabu (28/4/2021). …
/// kata Apik, Kamis (29/4/2021).`) replaces it; the first date is usually
/// the event's, the interview's is the closer one to publication.
fn reported_day(text: &str, first: Found) -> PartialDate {
    // A date in a speech frame starts at most FRAME_WINDOW bytes after the
    // start of its speech word (see `in_speech_frame`), which may come before
    // the first date: only the text just after each speech word is searched,
    // not the whole rest of the body.
    let scan_from = floor_boundary(text, first.end.saturating_sub(FRAME_WINDOW));
    let mut best = first.date;
    for verb in SPEECH.find_iter(&text[scan_from..]) {
        let from = (scan_from + verb.end()).max(first.end);
        let to = floor_boundary(text, scan_from + verb.start() + FRAME_WINDOW + MAX_DATE_LEN);
        if let Some(date) = framed_dates(text, from, to, first.date) {
            best = best.max(date);
        }
    }
    best
}

/// Longest weekday date (`Kamis-Jumat (30-31/12/2024)`, `Rabu, 28 September 2024`).
const MAX_DATE_LEN: usize = 64;

/// The latest weekday date in `text[from..to]` later than `after` that is
/// no cut-off and sits in a speech frame.
fn framed_dates(text: &str, from: usize, to: usize, after: PartialDate) -> Option<PartialDate> {
    let window = text.get(from..to.max(from))?;
    // Every date the three shapes keep has a day parsed from ASCII digits;
    // most windows after a speech verb hold none.
    if !window.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let long = LONG_ANCHORED.captures_iter(window).filter_map(|c| {
        let whole = c.get(0)?;
        let month = super::month_number(c.get(2)?.as_str())?;
        let date = ymd(num(c.get(3))?, month, num(c.get(1))?)?;
        Some(Found { date, start: whole.start(), end: whole.end(), anchored: true })
    });
    paren_dates(window)
        .chain(numeric_anchored_dates(window))
        .chain(long)
        .map(|f| Found { start: f.start + from, end: f.end + from, ..f })
        .filter(|f| {
            f.date > after && !after_cut_off(text, f.start) && in_speech_frame(text, f.start)
        })
        .map(|f| f.date)
        .max()
}

/// [`reported_day`] over every later date of the text, for the tests.
#[cfg(test)]
fn reported_day_all(text: &str, first: Found) -> PartialDate {
    framed_dates(text, first.end, text.len(), first.date).map_or(first.date, |d| d.max(first.date))
}

/// [`body_date`] as first written: every date of the text compared. Kept for
/// the tests, which check that the early stops change nothing.
#[cfg(test)]
fn body_date_all(text: &str) -> Option<PartialDate> {
    first_date_all(text).map(|first| reported_day_all(text, first))
}

#[cfg(test)]
fn first_date_all(text: &str) -> Option<Found> {
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
    best_anchored.or(best_bare)
}

#[cfg(test)]
mod tests {
    use super::super::MONTHS;
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn regexes_compile() {
        LazyLock::force(&NUMERIC_ANCHORED);
        LazyLock::force(&CUT_OFF);
        LazyLock::force(&CITATION);
        LazyLock::force(&LONG_ANCHORED);
        LazyLock::force(&SPEECH);
        LazyLock::force(&PLANNED);
    }

    #[test]
    fn a_later_day_someone_is_reported_speaking_is_the_reporting_day() {
        for (text, want) in [
            (
                "Bantuan diserahkan kepada nelayan di Pelabuhan Ratu, Senin 4 Maret 2024. \
                 \"Kami terus mendampingi,\" kata Rina di kantornya, Rabu 6 Maret 2024.",
                ymd(2024, 3, 6),
            ),
            (
                "Pelatihan digelar Selasa (9/7/2024) di aula. Hal itu dikatakan Kepala Dinas \
                 saat dikonfirmasi, Kamis (11/7/2024).",
                ymd(2024, 7, 11),
            ),
            (
                "Rapat digelar Jumat, 2/8/2024. \"Iuran turun,\" ujarnya, Senin, 5/8/2024.",
                ymd(2024, 8, 5),
            ),
            // A later date that is no speech frame is an event still to come.
            (
                "Sosialisasi digelar Senin (4/3/2024). Pendaftaran dibuka Sabtu (9/3/2024).",
                ymd(2024, 3, 4),
            ),
            // A planned statement is not a report.
            (
                "Sosialisasi digelar Senin (4/3/2024). Menteri akan menyampaikan hasilnya \
                 Sabtu (9/3/2024).",
                ymd(2024, 3, 4),
            ),
            // An earlier speech date never replaces a later lead date.
            (
                "Santunan diserahkan Kamis (7/3/2024). Sebelumnya ia mengatakan, Senin (4/3/2024), \
                 klaim sudah lengkap.",
                ymd(2024, 3, 7),
            ),
            // A speech frame in another sentence does not reach the date.
            (
                "Santunan diserahkan Kamis (7/3/2024), kata Budi. Penyerahan berikutnya Sabtu \
                 (9/3/2024).",
                ymd(2024, 3, 7),
            ),
        ] {
            assert_eq!(body_date(text), want, "{text}");
            assert_eq!(body_date_all(text), want, "{text}");
        }
    }

    #[test]
    fn a_framed_date_needs_an_ascii_digit() {
        // The shapes' `\d` also matches other scripts' digits, but no such
        // date parses: a window without an ASCII digit holds no date.
        for window in [
            "kata Budi, Kamis (\u{662}\u{669}/\u{664}/\u{662}\u{660}\u{662}\u{661}).",
            "ujarnya, Kamis, \u{662}\u{669} April \u{662}\u{660}\u{662}\u{661}",
            "jelasnya, Jumat \u{ff12}\u{ff19}/\u{ff14}/\u{ff12}\u{ff14}",
        ] {
            let parsed = |c: regex::Captures<'_>| num::<u32>(c.get(1)).is_some();
            let long = LONG_ANCHORED.captures_iter(window);
            let numeric = NUMERIC_ANCHORED.captures_iter(window);
            let paren = super::super::WEEKDAY_PAREN.captures_iter(window);
            let all: Vec<_> = long.chain(numeric).chain(paren).collect();
            assert!(!all.is_empty(), "the shapes match {window:?}");
            assert!(!all.into_iter().any(parsed), "{window:?}");
            assert_eq!(framed_dates(window, 0, window.len(), ymd(2000, 1, 1).unwrap()), None);
        }
        let text =
            "Santunan diserahkan Rabu (28/4/2021). Klaim lengkap, kata Budi, Kamis (29/4/2021).";
        assert_eq!(body_date(text), ymd(2021, 4, 29));
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
            "kata Rina di kantornya, Sabtu (9/11/2024)",
            "ujarnya saat ditemui, Rabu, 8 Januari 2025",
            "kata Budi tentang banyak hal lain yang panjang sekali dan tidak ada hubungannya \
             dengan tanggal mana pun di kalimat yang sama ini, Jumat (8/11/2024)",
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
}
