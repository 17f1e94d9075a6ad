//! Output of the analytics commands and of search exports: text tables and
//! bar charts for people, CSV (via the `csv` crate: RFC 4180 quoting, UTF-8,
//! an optional byte order mark for Excel) and JSON Lines for programs.

use std::io::{self, Write};

use crate::cli::text;
use crate::search::Hit;
use crate::search::analytics::facet_counts::{FacetReport, FacetShare};
use crate::search::analytics::terms::{TermsBy, TermsReport};
use crate::search::analytics::timeline::Timeline;

/// The UTF-8 byte order mark Excel looks for.
const BOM: &str = "\u{feff}";

/// The columns of a hit export.
pub const HIT_COLUMNS: [&str; 16] = [
    "id",
    "path",
    "title",
    "source",
    "date",
    "provinces",
    "cities",
    "officials",
    "programs",
    "url",
    "score",
    "duplicate_of",
    "copies",
    "snippet",
    "date_precision",
    "date_basis",
];

/// Starts a CSV output (with the BOM when asked).
pub fn csv_writer(out: &mut dyn Write, bom: bool) -> io::Result<csv::Writer<&mut dyn Write>> {
    if bom {
        out.write_all(BOM.as_bytes())?;
    }
    Ok(csv::Writer::from_writer(out))
}

/// One CSV row of a hit, in [`HIT_COLUMNS`] order. Lists are joined with `; `.
/// The date's precision and basis come last, so older column positions hold.
pub fn hit_row(h: &Hit) -> [String; 16] {
    let join = |v: Vec<&str>| v.join("; ");
    [
        h.id.clone(),
        h.path.clone(),
        h.title.clone().unwrap_or_default(),
        h.source.clone().unwrap_or_default(),
        // One type for the column: the period's first day; `date_precision` says how much is known.
        h.date.map(|d| d.first_day_iso()).unwrap_or_default(),
        join(h.provinces.iter().map(|p| p.name.as_str()).collect()),
        join(h.cities.iter().map(String::as_str).collect()),
        h.officials.iter().map(official_cell).collect::<Vec<_>>().join("; "),
        join(h.programs.iter().map(String::as_str).collect()),
        h.url.clone().unwrap_or_default(),
        format!("{:.4}", h.score),
        h.duplicate_of.clone().unwrap_or_default(),
        h.copies.to_string(),
        h.snippets.first().map(|s| s.text.replace(['\n', '\r'], " ")).unwrap_or_default(),
        h.date_precision.map(|p| p.as_str().to_string()).unwrap_or_default(),
        h.date_basis.map(|b| b.as_str().to_string()).unwrap_or_default(),
    ]
}

/// `name (role, organisation)`, or as much of it as is known.
fn official_cell(o: &crate::extract::Official) -> String {
    let detail: Vec<&str> =
        [o.role.as_deref(), o.organization.as_deref()].into_iter().flatten().collect();
    if detail.is_empty() { o.name.clone() } else { format!("{} ({})", o.name, detail.join(", ")) }
}

/// `warta facets` as an indented table (cities under their province), with
/// how many values `--top` left out.
pub fn facets_text(out: &mut dyn Write, r: &FacetReport) -> io::Result<()> {
    let counted = text::count(r.total, r.dedup);
    let head = if r.query.is_empty() {
        format!("{counted}, by {}", r.by.name())
    } else {
        let verb = if r.total == 1 { "matches" } else { "match" };
        format!("{counted} {verb} {}, by {}", text::quoted(&r.query), r.by.name())
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
    let mut w = csv_writer(out, bom)?;
    let nested = r.values.iter().any(|v| !v.children.is_empty())
        || r.by == crate::search::analytics::facet_counts::FacetBy::Province;
    if nested {
        w.write_record(["province", "city", "count", "share"])?;
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
    w.flush()
}

/// Width of the terminal bar chart, in characters.
const BAR: usize = 40;

/// `warta timeline` as one bar chart per query (bars scaled to the
/// series' largest count; the share of all articles beside each bar).
pub fn timeline_text(out: &mut dyn Write, t: &Timeline) -> io::Result<()> {
    for (i, s) in t.series.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let query =
            if s.query.is_empty() { "every article".into() } else { text::quoted(&s.query) };
        let counted = text::count(s.total, t.dedup);
        writeln!(out, "{query}: {counted} by {} ({} undated)", t.by.name(), s.undated)?;
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
    }
    Ok(())
}

/// `warta timeline --csv`: one row per query and period.
pub fn timeline_csv(out: &mut dyn Write, t: &Timeline, bom: bool) -> io::Result<()> {
    let mut w = csv_writer(out, bom)?;
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
    }
    w.flush()
}

/// `warta terms` as a table.
pub fn terms_text(out: &mut dyn Write, r: &TermsReport) -> io::Result<()> {
    let query = if r.query.is_empty() { "every article".into() } else { text::quoted(&r.query) };
    let (mode, against) = match r.by {
        TermsBy::Significance => ("significant terms", format!(", against {} articles", r.corpus)),
        TermsBy::Frequency => ("most frequent words", String::new()),
    };
    writeln!(
        out,
        "{mode} of {query}: {} matching, {} read (best-ranked){against}",
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

    #[test]
    fn csv_quotes_commas_quotes_and_newlines_and_starts_with_a_bom() {
        let mut buf = Vec::new();
        {
            let mut w = csv_writer(&mut buf, true).unwrap();
            w.write_record(["a,b", "say \"hi\"", "line\nbreak", "Ünal"]).unwrap();
            w.flush().unwrap();
        }
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s, "\u{feff}\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",Ünal\n");
    }
}
