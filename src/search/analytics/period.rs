//! Calendar periods for the year/month facets and the timeline: a date
//! (seconds since the epoch, as the `date` fast field holds it) to the
//! period it falls in, periods as consecutive numbers (so gaps can be
//! filled), and their labels. Weeks are ISO weeks (Monday to Sunday,
//! labelled `2024-W45`). A date known only to the month or year lies in no
//! shorter period: [`Period::place`] puts it in its month or year, and in no
//! week or day (a year-only date in no month either).

use serde::{Deserialize, Serialize};

use crate::extract::DatePrecision;
use crate::index::document::days_from_civil;

/// The length of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Calendar days.
    Day,
    /// ISO weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl Period {
    /// The period number of an instant: consecutive periods have
    /// consecutive numbers.
    pub fn number(self, secs: i64) -> i64 {
        let days = secs.div_euclid(86_400);
        match self {
            Period::Day => days,
            // 1970-01-01 was a Thursday: Monday 1969-12-29 starts week 0.
            Period::Week => (days + 3).div_euclid(7),
            Period::Month => {
                let (y, m, _) = civil_from_days(days);
                i64::from(y) * 12 + i64::from(m) - 1
            }
            Period::Year => i64::from(civil_from_days(days).0),
        }
    }

    /// The period number of a date of `precision` starting at `secs`, `None`
    /// when the date is coarser than the period (a month-only date in weeks
    /// or days, a year-only date in anything but years).
    pub fn place(self, secs: i64, precision: DatePrecision) -> Option<i64> {
        self.holds(precision).then(|| self.number(secs))
    }

    /// Whether a date of `precision` lies in one period of this length.
    pub fn holds(self, precision: DatePrecision) -> bool {
        match precision {
            DatePrecision::Day => true,
            DatePrecision::Month => matches!(self, Period::Month | Period::Year),
            DatePrecision::Year => self == Period::Year,
        }
    }

    /// The first day of period `n`, as `YYYY-MM-DD`.
    pub fn start(self, n: i64) -> String {
        let (y, m, d) = match self {
            Period::Day => civil_from_days(n),
            Period::Week => civil_from_days(n * 7 - 3),
            Period::Month => (n.div_euclid(12) as i32, n.rem_euclid(12) as u32 + 1, 1),
            Period::Year => (n as i32, 1, 1),
        };
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The label of period `n`: `2024-11-07`, `2024-W45`, `2024-11`, `2024`.
    pub fn label(self, n: i64) -> String {
        match self {
            Period::Day => self.start(n),
            Period::Week => {
                // The ISO year and week are those of the week's Thursday.
                let thursday = n * 7;
                let (y, _, _) = civil_from_days(thursday);
                let jan1 = days_from_civil(y, 1, 1);
                format!("{y:04}-W{:02}", (thursday - jan1) / 7 + 1)
            }
            Period::Month => format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1),
            Period::Year => format!("{n:04}"),
        }
    }

    /// The lowercase name.
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }
}

/// The civil date of a day number (days since 1970-01-01), Howard Hinnant's algorithm.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(y: i32, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d) * 86_400
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 11_017, 20_034, 60_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(20_034), (2024, 11, 7));
    }

    #[test]
    fn labels_and_starts() {
        let t = secs(2024, 11, 7) + 3600;
        assert_eq!(Period::Day.label(Period::Day.number(t)), "2024-11-07");
        assert_eq!(Period::Month.label(Period::Month.number(t)), "2024-11");
        assert_eq!(Period::Month.start(Period::Month.number(t)), "2024-11-01");
        assert_eq!(Period::Year.label(Period::Year.number(t)), "2024");
        let w = Period::Week.number(t);
        assert_eq!(Period::Week.label(w), "2024-W45");
        assert_eq!(Period::Week.start(w), "2024-11-04");
    }

    #[test]
    fn iso_weeks_cross_years() {
        // 2024-12-30 (Monday) is in 2025-W01; 2021-01-03 (Sunday) in 2020-W53.
        assert_eq!(Period::Week.label(Period::Week.number(secs(2024, 12, 30))), "2025-W01");
        assert_eq!(Period::Week.label(Period::Week.number(secs(2021, 1, 3))), "2020-W53");
    }

    #[test]
    fn coarse_dates_lie_only_in_periods_at_least_as_long() {
        use DatePrecision::{Day, Month, Year};
        // A year-only 2021 and a month-only March 2024, at their first instant.
        let (year, march) = (secs(2021, 1, 1), secs(2024, 3, 1));
        assert_eq!(
            Period::Year.place(year, Year).map(|n| Period::Year.label(n)),
            Some("2021".into())
        );
        for by in [Period::Month, Period::Week, Period::Day] {
            assert_eq!(by.place(year, Year), None, "{by:?}");
        }
        assert_eq!(
            Period::Month.place(march, Month).map(|n| Period::Month.label(n)),
            Some("2024-03".into())
        );
        assert_eq!(Period::Year.place(march, Month), Some(2024));
        assert_eq!(Period::Week.place(march, Month), None);
        assert_eq!(Period::Day.place(march, Month), None);
        // A day lies in every period; 2021-01-01 is in 2020-W53.
        assert_eq!(
            Period::Week.place(year, Day).map(|n| Period::Week.label(n)),
            Some("2020-W53".into())
        );
        assert_eq!(
            Period::Day.place(year, Day).map(|n| Period::Day.label(n)),
            Some("2021-01-01".into())
        );
    }

    #[test]
    fn consecutive_months_have_consecutive_numbers() {
        let dec = Period::Month.number(secs(2023, 12, 31));
        assert_eq!(Period::Month.number(secs(2024, 1, 1)), dec + 1);
    }
}
