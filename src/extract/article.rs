//! The data types that flow out of extraction: what the reader found on disk
//! ([`RawArticle`]) and what the extractor recovered from it ([`Article`]).
//!
//! These types are plain serde data. They know nothing of tantivy: the
//! `index` module turns an [`Article`] into a document, and `search` hands the
//! same metadata back to callers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One article as the reader found it, before any extraction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawArticle {
    /// A scraped page saved as text: headline, chrome, dateline, body and
    /// footer all mixed together, as in `../shared/seeds/`.
    Plain(String),
    /// An article whose fields a scraper already separated (`.json`/`.jsonl`).
    Structured(StructuredArticle),
}

/// The fields of a JSON article, already mapped from the scraper's names
/// (`text`/`maintext`/`body`, `date`/`date_publish`, `source`/`source_domain`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StructuredArticle {
    /// The headline.
    pub title: Option<String>,
    /// The article text; may still hold boilerplate lines.
    pub body: String,
    /// The publication date as the scraper wrote it (ISO or Indonesian form).
    pub date: Option<String>,
    /// The publisher's name or domain.
    pub source: Option<String>,
    /// The page address.
    pub url: Option<String>,
}

/// A date known to the precision the page gives: a year, a month or a day.
///
/// Indonesian pages often give only a year (ANTARA's copyright line); we never
/// invent the missing parts. Serialised as `"YYYY"`, `"YYYY-MM"` or
/// `"YYYY-MM-DD"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: i32,
    /// 1–12, when known.
    pub month: Option<u32>,
    /// 1–31, when known (only ever set together with `month`).
    pub day: Option<u32>,
}

impl PartialDate {
    /// The first day of the period as an ISO date (`2024` → `2024-01-01`),
    /// for tables whose date column must have one type; beside it,
    /// [`PartialDate::precision`] says how much of it the page gave.
    pub fn first_day_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// How much of the date the page gives: `day`, `month` or `year`.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// A year-only date.
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    /// A full calendar date; `None` when the day does not exist.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(PartialDate { year, month: Some(month), day: Some(day) })
    }

    /// A year and month.
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate { year, month: Some(month), day: None })
    }
}

/// How much of a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// Year, month and day.
    Day,
    /// Year and month.
    Month,
    /// The year only.
    Year,
}

impl DatePrecision {
    /// The name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// Number of days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// First year of the dates warta handles (from 1800-01-01): older and later
/// dates are refused in filters and dropped from articles, since the index
/// stores instants as nanoseconds and far dates would wrap around.
pub const FIRST_YEAR: i32 = 1800;

/// Last year of the dates warta handles (to 2200-12-31).
pub const LAST_YEAR: i32 = 2200;

/// Error for a string that is not a date warta can use.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BadDate {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("`{0}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    Format(String),
    /// The month is not 01–12.
    #[error("`{value}` has no month {month} (months run from 01 to 12)")]
    Month {
        /// The date as given.
        value: String,
        /// The month given.
        month: u32,
    },
    /// The day does not exist in that month.
    #[error("`{value}` is not a day: {year:04}-{month:02} has {days} days")]
    Day {
        /// The date as given.
        value: String,
        /// Its year.
        year: i32,
        /// Its month.
        month: u32,
        /// Days in that month.
        days: u32,
    },
    /// Outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
    #[error("`{0}` is outside the dates warta handles ({FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31)")]
    OutOfRange(String),
}

impl PartialDate {
    /// Whether the date lies within [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub fn in_range(&self) -> bool {
        (FIRST_YEAR..=LAST_YEAR).contains(&self.year)
    }
}

impl FromStr for PartialDate {
    type Err = BadDate;

    fn from_str(s: &str) -> Result<Self, BadDate> {
        let value = s.trim().to_string();
        let bad = || BadDate::Format(value.clone());
        let parts: Vec<&str> = value.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, BadDate> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        let (year, month, day) = match parts.as_slice() {
            [y] => (num(y, 4)? as i32, None, None),
            [y, m] => (num(y, 4)? as i32, Some(num(m, 2)?), None),
            [y, m, d] => (num(y, 4)? as i32, Some(num(m, 2)?), Some(num(d, 2)?)),
            _ => return Err(bad()),
        };
        if let Some(month) = month.filter(|m| !(1..=12).contains(m)) {
            return Err(BadDate::Month { value, month });
        }
        let date = match (month, day) {
            (Some(month), Some(d)) => PartialDate::ymd(year, month, d).ok_or_else(|| {
                BadDate::Day { days: days_in_month(year, month), value: value.clone(), year, month }
            })?,
            (Some(month), None) => PartialDate { year, month: Some(month), day: None },
            _ => PartialDate::year(year),
        };
        if !date.in_range() {
            return Err(BadDate::OutOfRange(value));
        }
        Ok(date)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A province, by its two-digit Kemendagri/BPS code and canonical name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ProvinceRef {
    /// Two-digit code, "11" (Aceh) … "96" (Papua Barat Daya).
    pub code: String,
    /// Canonical name, e.g. "Jawa Timur", "Daerah Khusus Ibukota Jakarta".
    pub name: String,
}

/// A regency or city (kabupaten/kota) or a well-known town, with its province.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CityRef {
    /// The name as researchers write it: "Surabaya", "Pangkalan Bun", "Medan".
    pub name: String,
    /// Two-digit code of the province it lies in.
    pub province_code: String,
}

/// A person holding an office, as named in the article.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Official {
    /// Full name without honorifics, as the registry of known officials
    /// spells it, else as written: "Pramudya Iriawan Buntoro".
    pub name: String,
    /// The office: "Direktur Kepesertaan", "Pj. Gubernur", "Kepala Kantor Wilayah Jawa Timur".
    pub role: Option<String>,
    /// Canonical organisation: "BPJS Ketenagakerjaan", "Kemnaker", "Pemprov Sumatera Utara".
    pub organization: Option<String>,
    /// The name as the article prints it, when the registry of known
    /// officials gave `name` another spelling or completed a short form
    /// ("Asep Rahmat Suwanda" → "Asep Rahmat Suwandha").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_printed: Option<String>,
}

/// A credit line of the page (reporter, editor, photographer …). Never an official.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// The label as printed, normalised: "Pewarta", "Reporter", "Editor", "Penulis", "Foto".
    pub role: String,
    /// The name(s) credited.
    pub name: String,
}

/// Everything warta recovers from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The headline, without page chrome.
    pub title: Option<String>,
    /// The publisher ("ANTARA", "IDN Times", "Liputan6.com", …).
    pub source: Option<String>,
    /// The page address, when the input gives one.
    pub url: Option<String>,
    /// The dateline city as printed, in title case ("Medan", "Banjarmasin").
    pub dateline: Option<String>,
    /// The publication date, to the precision the page gives; when the page
    /// gives none, the first full date of the body (see `date_source`).
    pub date: Option<PartialDate>,
    /// Where `date` came from: `header` or `field` (the publication date),
    /// `body` (a date in the text, usually the event's), `copyright` (a year).
    #[serde(default)]
    pub date_source: Option<crate::extract::page::DateSource>,
    /// Reporter/editor lines.
    pub byline: Vec<Credit>,
    /// Provinces named in the article (or implied by a city or the dateline), in code order.
    pub provinces: Vec<ProvinceRef>,
    /// Regencies, cities and towns named in the article.
    pub cities: Vec<CityRef>,
    /// BPJS Ketenagakerjaan regional offices named (`BPJS Ketenagakerjaan
    /// Kanwil Sulawesi Maluku`): kept in the `org` facet; their territories
    /// are not places of the story.
    #[serde(default)]
    pub offices: Vec<String>,
    /// Officials named with a title.
    pub officials: Vec<Official>,
    /// Programme codes (JKK, JKM, JHT, …) explicitly mentioned, in taxonomy order.
    pub programs: Vec<String>,
    /// Money, counts and percentages, normalised, with their sentences.
    #[serde(default)]
    pub figures: Vec<crate::extract::figures::Figure>,
    /// What people said, directly (in quotation marks) or reported, with the speaker.
    #[serde(default)]
    pub quotes: Vec<crate::extract::quote::Quote>,
    /// The clean body text: paragraphs separated by a blank line, boilerplate removed.
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_date_is_written_as_its_first_day_with_its_precision() {
        for (s, iso, precision) in [
            ("2024", "2024-01-01", "year"),
            ("2024-11", "2024-11-01", "month"),
            ("2024-11-07", "2024-11-07", "day"),
        ] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!((d.first_day_iso().as_str(), d.precision().as_str()), (iso, precision));
        }
    }

    #[test]
    fn partial_dates_round_trip_through_strings() {
        for s in ["2024", "2024-11", "2024-11-07", "2024-02-29"] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for s in ["2023-02-29", "2024-13", "2024-00-10", "24", "2024-1-5", "2024-11-31", "x"] {
            assert!(s.parse::<PartialDate>().is_err(), "{s}");
        }
    }

    #[test]
    fn bad_dates_say_what_is_wrong() {
        let err = |s: &str| s.parse::<PartialDate>().unwrap_err().to_string();
        assert_eq!(err("2024-02-30"), "`2024-02-30` is not a day: 2024-02 has 29 days");
        assert_eq!(err("2023-02-29"), "`2023-02-29` is not a day: 2023-02 has 28 days");
        assert_eq!(err("2024-13"), "`2024-13` has no month 13 (months run from 01 to 12)");
        assert!(err("24-1").contains("is not a date of the form"));
        for s in ["9999-12-31", "0000", "1799-12-31", "2201"] {
            assert!(
                err(s).contains("outside the dates warta handles (1800-01-01 to 2200-12-31)"),
                "{s}"
            );
        }
        for s in ["1800-01-01", "2200-12-31", "1800", "2200-12"] {
            assert!(s.parse::<PartialDate>().is_ok(), "{s}");
        }
    }

    proptest::proptest! {
        /// Whatever is typed, a date that parses lies in the handled range
        /// and prints back as typed; nothing panics.
        #[test]
        fn parsed_dates_are_in_range_and_round_trip(y in 0u32..10_000, m in 0u32..14, d in 0u32..33, shape in 0u8..3) {
            let s = match shape {
                0 => format!("{y:04}"),
                1 => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}-{m:02}-{d:02}"),
            };
            if let Ok(date) = s.parse::<PartialDate>() {
                proptest::prop_assert!(date.in_range());
                proptest::prop_assert_eq!(date.to_string(), s);
            }
        }

        #[test]
        fn any_text_parses_or_errs_without_panicking(s in "\\PC{0,12}") {
            let _ = s.parse::<PartialDate>();
        }
    }

    #[test]
    fn dates_order_by_year_then_month_then_day() {
        let a = PartialDate::year(2024);
        let b = PartialDate::ym(2024, 1).unwrap();
        let c = PartialDate::ymd(2024, 1, 2).unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn dates_serialise_as_strings() {
        let d = PartialDate::ymd(2019, 3, 4).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2019-03-04\"");
        let back: PartialDate = serde_json::from_str("\"2019-03\"").unwrap();
        assert_eq!(back, PartialDate::ym(2019, 3).unwrap());
    }
}
