//! Output of the analytics commands: text tables and bar charts for people,
//! CSV (through [`warta::export::csv_writer`]) and JSON Lines for programs.

use std::io::{self, Write};

use crate::cli::text;
use warta::search::analytics::facet_counts::{FacetReport, FacetShare};
use warta::search::analytics::period::Period;
use warta::search::analytics::terms::{TermsBy, TermsReport};
use warta::search::analytics::timeline::Timeline;

/// `warta facets` as an indented table (cities under their province), with
/// how many values `--top` left out.
pub fn facets_text(out: &mut dyn Write, r: &FacetReport, filters: &str) -> io::Result<()> {
    let counted = text::count(r.total, r.dedup);
    let with = with(filters);
    let head = if r.query.is_empty() {
        format!("{counted}{with}, by {}", r.by.name())
    } else {
        let verb = if r.total == 1 { "matches" } else { "match" };
        format!("{counted} {verb} {}{with}, by {}", text::quoted(&r.query), r.by.name())
    };
    writeln!(out, "{head}")?;
    let width = r
        .values
        .iter()
        .flat_map(|v| std::iter::once(v.value.chars().count()).chain(child_widths(v)))
        .max()
        .unwrap_or(5)
        .max(5);
    let widest_level = r.values.iter().map(|v| v.children.len() as u64 + v.more_children);
    let top = (r.values.len() as u64 + r.more).max(widest_level.max().unwrap_or(0));
    for v in &r.values {
        row(out, &v.value, v, width, "")?;
        for c in &v.children {
            row(out, &c.value, c, width, "  ")?;
        }
        if v.more_children > 0 {
            writeln!(out, "    … and {} more cities: --top {top}", v.more_children)?;
        }
    }
    if let Some(n) = r.undated {
        writeln!(out, "{:<w$}  {n:>6}", "undated", w = width + 2)?;
    }
    if let Some(n) = r.coarser {
        writeln!(out, "{:<w$}  {n:>6}", "year only", w = width + 2)?;
    }
    if r.more > 0 {
        writeln!(out, "  … and {} more: --top {top}", r.more)?;
    }
    Ok(())
}

fn child_widths(v: &FacetShare) -> impl Iterator<Item = usize> + '_ {
    v.children.iter().map(|c| c.value.chars().count() + 2)
}

fn row(out: &mut dyn Write, value: &str, v: &FacetShare, w: usize, indent: &str) -> io::Result<()> {
    let label = format!("{indent}{}", text::printable(value));
    writeln!(out, "  {label:<w$}  {:>6}  {:>5.1}%", v.count, v.share * 100.0)
}

/// `warta facets --csv`: `value,count,share` (`province,city,count,share`
/// for provinces; the province's own row has an empty city).
pub fn facets_csv(out: &mut dyn Write, r: &FacetReport, bom: bool) -> io::Result<()> {
    let mut w = warta::export::csv_writer(out, bom)?;
    let nested = r.by.nested().is_some();
    if let Some(child) = r.by.nested() {
        w.write_record([r.by.name(), child.name(), "count", "share"])?;
    } else {
        w.write_record([r.by.name(), "count", "share"])?;
    }
    for v in &r.values {
        let share = |s: f64| format!("{s:.6}");
        if nested {
            w.write_record([&v.value, "", &v.count.to_string(), &share(v.share)])?;
            for c in &v.children {
                w.write_record([&v.value, &c.value, &c.count.to_string(), &share(c.share)])?;
            }
        } else {
            w.write_record([&v.value, &v.count.to_string(), &share(v.share)])?;
        }
    }
    if let Some(n) = r.undated {
        let total = r.total.max(1) as f64;
        w.write_record(["undated", &n.to_string(), &format!("{:.6}", n as f64 / total)])?;
    }
    if let Some(n) = r.coarser {
        let total = r.total.max(1) as f64;
        w.write_record(["coarser", &n.to_string(), &format!("{:.6}", n as f64 / total)])?;
    }
    w.flush()
}

/// Width of the terminal bar chart, in characters.
const BAR: usize = 40;

/// `warta timeline` as one bar chart per query (bars scaled to the
/// series' largest count; the share of all articles beside each bar).
pub fn timeline_text(out: &mut dyn Write, t: &Timeline, filters: &str) -> io::Result<()> {
    for (i, s) in t.series.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let query =
            if s.query.is_empty() { "every article".into() } else { text::quoted(&s.query) };
        let counted = text::count(s.total, t.dedup);
        let with = with(filters);
        writeln!(out, "{query}{with}: {counted} by {} ({} undated)", t.by.name(), s.undated)?;
        let max = s.points.iter().map(|p| p.count).max().unwrap_or(0).max(1);
        let width = s.points.iter().map(|p| p.period.len()).max().unwrap_or(4);
        for p in &s.points {
            let n = (p.count as usize * BAR).div_ceil(max as usize);
            writeln!(
                out,
                "  {:<width$}  {:>5}  {:>5.1}%  {}",
                p.period,
                p.count,
                p.share * 100.0,
                "█".repeat(n)
            )?;
        }
        if s.coarser > 0 {
            let only = if t.by == Period::Month { "the year" } else { "the month or year" };
            let (counted, verb) = (text::count(s.coarser, t.dedup), verb(s.coarser));
            writeln!(out, "  {counted} dated only to {only} {verb} in no {}", t.by.name())?;
        }
    }
    Ok(())
}

fn verb(n: u64) -> &'static str {
    if n == 1 { "is" } else { "are" }
}

/// `warta timeline --csv`: one row per query and period.
pub fn timeline_csv(out: &mut dyn Write, t: &Timeline, bom: bool) -> io::Result<()> {
    let mut w = warta::export::csv_writer(out, bom)?;
    w.write_record(["query", "period", "start", "count", "all", "share"])?;
    for s in &t.series {
        for p in &s.points {
            w.write_record([
                s.query.as_str(),
                &p.period,
                &p.start,
                &p.count.to_string(),
                &p.all.to_string(),
                &format!("{:.6}", p.share),
            ])?;
        }
        w.write_record([s.query.as_str(), "undated", "", &s.undated.to_string(), "", ""])?;
        if t.by != Period::Year {
            w.write_record([s.query.as_str(), "coarser", "", &s.coarser.to_string(), "", ""])?;
        }
    }
    w.flush()
}

/// ` with --province Bali` for a header, or nothing without filters.
fn with(filters: &str) -> String {
    if filters.is_empty() { String::new() } else { format!(" with {filters}") }
}

/// `warta terms` as a table.
pub fn terms_text(out: &mut dyn Write, r: &TermsReport, filters: &str) -> io::Result<()> {
    let query = if r.query.is_empty() { "every article".into() } else { text::quoted(&r.query) };
    let query = format!("{query}{}", with(filters));
    let (mode, against) = match r.by {
        TermsBy::Significance => ("significant terms", format!(", against {} articles", r.corpus)),
        TermsBy::Frequency => ("most frequent words", String::new()),
    };
    let unit = if r.dedup { " stories" } else { "" };
    writeln!(
        out,
        "{mode} of {query}: {}{unit} matching, {} read (best-ranked){against}",
        r.total, r.sampled
    )?;
    for note in &r.notes {
        writeln!(out, "note: {note}")?;
    }
    let width = r.terms.iter().map(|t| t.term.chars().count()).max().unwrap_or(4).max(4);
    match r.by {
        TermsBy::Significance => {
            writeln!(out, "  {:<width$}  {:>8}  {:>8}", "term", "score", "articles")?;
        }
        TermsBy::Frequency => {
            writeln!(out, "  {:<width$}  {:>8}  {:>11}", "word", "articles", "occurrences")?;
        }
    }
    for t in &r.terms {
        match t.score {
            Some(score) => writeln!(out, "  {:<width$}  {score:>8.3}  {:>8}", t.term, t.count)?,
            None => writeln!(out, "  {:<width$}  {:>8}  {:>11}", t.term, t.count, t.occurrences)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use warta::search::analytics::facet_counts::FacetBy;
    use warta::search::analytics::timeline::{Point, Series};

    fn timeline(by: Period, coarser: u64) -> Timeline {
        let point = Point {
            period: "2024-03".into(),
            start: "2024-03-01".into(),
            count: 2,
            all: 2,
            share: 1.0,
        };
        let series = Series {
            query: "JHT".into(),
            total: 3 + coarser,
            undated: 1,
            coarser,
            points: vec![point],
        };
        Timeline { by, dedup: false, undated_all: 1, coarser_all: coarser, series: vec![series] }
    }

    fn render(f: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn timelines_say_what_lies_in_no_period() {
        let s = render(|o| timeline_text(o, &timeline(Period::Month, 2), ""));
        assert!(s.ends_with("\n  2 articles dated only to the year are in no month\n"), "{s}");
        let s = render(|o| timeline_text(o, &timeline(Period::Week, 1), "--program JHT"));
        assert!(s.contains(" with --program JHT: "), "{s}");
        assert!(
            s.ends_with("\n  1 article dated only to the month or year is in no week\n"),
            "{s}"
        );
        let s = render(|o| timeline_text(o, &timeline(Period::Month, 0), ""));
        assert!(!s.contains("dated only"), "{s}");
        let csv = render(|o| timeline_csv(o, &timeline(Period::Month, 2), false));
        assert!(csv.ends_with("JHT,undated,,1,,\nJHT,coarser,,2,,\n"), "{csv}");
        let csv = render(|o| timeline_csv(o, &timeline(Period::Year, 0), false));
        assert!(csv.ends_with("JHT,undated,,1,,\n"), "{csv}");
    }

    #[test]
    fn month_facets_list_year_only_dates_after_undated() {
        let r = FacetReport {
            query: String::new(),
            by: FacetBy::Month,
            total: 4,
            dedup: false,
            values: vec![FacetShare {
                value: "2024-03".into(),
                count: 2,
                share: 0.5,
                children: vec![],
                more_children: 0,
            }],
            undated: Some(1),
            coarser: Some(1),
            more: 0,
        };
        let s = render(|o| facets_text(o, &r, ""));
        assert!(s.ends_with("\nundated         1\nyear only       1\n"), "{s}");
        let s = render(|o| facets_text(o, &r, "--province Bali --from 2023"));
        assert!(s.contains(" with --province Bali --from 2023, by month\n"), "{s}");
        let csv = render(|o| facets_csv(o, &r, false));
        assert!(csv.ends_with("\nundated,1,0.250000\ncoarser,1,0.250000\n"), "{csv}");
    }
}
