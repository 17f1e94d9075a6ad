//! Writing results for people (text, optionally coloured) and programs
//! (JSON). Every function writes to the writer it is given and returns I/O
//! errors, so a closed pipe stops output cleanly.

use std::io::{self, Write};

use crate::cli::text;
use warta::extract::figures::Figure;
use warta::extract::{Official, ProvinceRef};
use warta::index::BuildReport;
pub use warta::search::json::{SearchJson, Thesaurus, Views, WithUndated};
use warta::search::{ArticleView, FacetValues, Facets, Hit, SearchResponse, Snippet};

const BOLD: &str = "\x1b[1m";
const HIT: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Writes `value` as pretty JSON plus a newline.
pub fn json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes a search response as text: a header that says what it counts
/// (articles, or stories with `--dedup`) and what narrowed it, the page of
/// hits, and how many more there are.
pub fn search_text(
    out: &mut dyn Write,
    r: &SearchResponse,
    offset: usize,
    o: &crate::cli::config::Output,
) -> io::Result<()> {
    let style = Style { color: o.color, marker: o.marker.clone(), highlight: o.highlight };
    writeln!(out, "{}", search_header(r, offset, o))?;
    let partial = r.partial.unwrap_or(0);
    for (i, hit) in r.hits.iter().enumerate() {
        writeln!(out)?;
        if !hit.counted && (i == 0 || r.hits[i - 1].counted) && r.total > 0 {
            writeln!(out, "— {partial} more with only some of the words (not counted):")?;
            writeln!(out)?;
        }
        hit_text(out, hit, offset + i + 1, &style)?;
        if o.figures {
            figures_text(out, &hit.meta.figures, &style)?;
        }
    }
    let counted_shown = r.hits.iter().filter(|h| h.counted).count();
    let rest = r.total.saturating_sub(offset + counted_shown);
    let listed = offset + r.hits.len();
    // Past the counted articles the page knows how many have some of the words.
    let partial_rest = r.partial.map_or(0, |p| (r.total + p).saturating_sub(listed));
    if !r.hits.is_empty() && rest > 0 {
        writeln!(out, "\n… and {rest} more: --offset {listed}")?;
    } else if !r.hits.is_empty() && partial_rest > 0 {
        writeln!(
            out,
            "\n… and {partial_rest} more with only some of the words: --offset {listed}"
        )?;
    }
    if o.facets {
        writeln!(out)?;
        facets_text(out, &r.facets, &style)?;
    }
    Ok(())
}

/// `14 articles match "JHT" with --province Bali, showing 1–10`.
fn search_header(r: &SearchResponse, offset: usize, o: &crate::cli::config::Output) -> String {
    let query = text::quoted(&r.query);
    let with = if o.filters.is_empty() { String::new() } else { format!(" with {}", o.filters) };
    let noun = if o.dedup { "stories" } else { "articles" };
    let shown = r.hits.len();
    let partial = r.partial.unwrap_or(0);
    if r.total == 0 && shown == 0 {
        return format!("no {noun} match {query}{with}");
    }
    if r.total == 0 {
        return format!(
            "no article has every word of {query}{with} (--match {}); {partial} have some, showing {}–{}",
            r.matching.name(),
            offset + 1,
            offset + shown
        );
    }
    let verb = if r.total == 1 { "matches" } else { "match" };
    let counted = text::count(r.total as u64, o.dedup);
    let then = if partial > 0 {
        format!(" (then {partial} with only some of the words)")
    } else {
        String::new()
    };
    let page = if shown > 0 {
        format!(", showing {}–{}", offset + 1, offset + shown)
    } else if offset >= r.total {
        format!(" (none on this page: --offset {offset})")
    } else {
        String::new()
    };
    format!("{counted} {verb} {query}{with}{then}{page}")
}

/// How text output shows emphasis: ANSI colour on a terminal, else
/// highlights between visible marks (`[pekerja]`), or nothing.
#[derive(Clone, Debug, Default)]
struct Style {
    color: bool,
    /// Marks around highlights in plain text (none when colouring).
    marker: Option<(String, String)>,
    /// Whether query words are highlighted at all.
    highlight: bool,
}

impl Style {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color { format!("{code}{text}{RESET}") } else { text.to_string() }
    }
}

fn hit_text(out: &mut dyn Write, hit: &Hit, rank: usize, s: &Style) -> io::Result<()> {
    let title = text::printable(hit.meta.title.as_deref().unwrap_or("(untitled)"));
    writeln!(
        out,
        "{rank:>3}. {}  {}",
        s.wrap(BOLD, &title),
        s.wrap(DIM, &format!("[score {:.2}]", hit.score))
    )?;
    let mut line = vec![
        hit.meta.source.clone().unwrap_or_else(|| "source unknown".into()),
        hit.meta.date.map_or_else(|| "undated".into(), |d| d.to_string()),
        text::printable(&hit.id),
    ];
    match (&hit.duplicate_of, hit.copies) {
        (Some(of), _) => line.push(format!("copy of {}", text::printable(of))),
        (None, 0) => {}
        (None, 1) => line.push("1 other copy".into()),
        (None, n) => line.push(format!("{n} other copies")),
    }
    writeln!(out, "     {}", s.wrap(DIM, &text::printable(&line.join(" · "))))?;
    let meta = metadata_line(
        &hit.meta.provinces,
        &hit.meta.cities,
        &hit.meta.officials,
        &hit.meta.programs,
        &hit.meta.speakers(),
        &hit.meta.facet_values,
    );
    if !meta.is_empty() {
        writeln!(out, "     {}", s.wrap(DIM, &meta))?;
    }
    for snip in &hit.snippets {
        writeln!(out, "     » {}", highlight(snip, s))?;
    }
    Ok(())
}

/// The figures of a hit: value, unit, and the sentence they come from.
fn figures_text(out: &mut dyn Write, figures: &[Figure], s: &Style) -> io::Result<()> {
    if figures.is_empty() {
        return writeln!(out, "     {}", s.wrap(DIM, "(no figures)"));
    }
    for f in figures {
        writeln!(out, "     # {} = {} {}", s.wrap(BOLD, &f.text), format_value(f.value), f.unit)?;
        writeln!(out, "       {}", s.wrap(DIM, &f.sentence))?;
    }
    Ok(())
}

/// 37830000000 → "37 830 000 000"; 45.34 → "45.34".
fn format_value(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e18 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    if v < 0.0 { format!("-{grouped}") } else { grouped }
}

/// "Jawa Timur (Surabaya) · Name (role, org) · JHT, JKK", then each facet
/// shown from its row as "name: a, b".
fn metadata_line(
    provinces: &[ProvinceRef],
    cities: &[String],
    officials: &[Official],
    programs: &[String],
    speakers: &[&str],
    facet_values: &FacetValues,
) -> String {
    let mut parts = Vec::new();
    if !provinces.is_empty() {
        let mut p = provinces.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ");
        if !cities.is_empty() {
            p.push_str(&format!(" ({})", cities.join(", ")));
        }
        parts.push(p);
    }
    if !officials.is_empty() {
        parts.push(officials.iter().map(official_text).collect::<Vec<_>>().join("; "));
    }
    if !programs.is_empty() {
        parts.push(programs.join(", "));
    }
    if !speakers.is_empty() {
        parts.push(format!("quoted: {}", speakers.join(", ")));
    }
    for (name, values) in facet_values.iter() {
        if !values.is_empty() {
            parts.push(format!("{name}: {}", values.join(", ")));
        }
    }
    parts.join(" · ")
}

fn official_text(o: &Official) -> String {
    let detail: Vec<&str> =
        [o.role.as_deref(), o.organization.as_deref()].into_iter().flatten().collect();
    if detail.is_empty() { o.name.clone() } else { format!("{} ({})", o.name, detail.join(", ")) }
}

/// The snippet with its highlights coloured, or between the marks in
/// plain text; control characters escaped.
fn highlight(snip: &Snippet, s: &Style) -> String {
    let chars: Vec<char> = snip.text.chars().collect();
    let (open, close) = match (&s.marker, s.color) {
        _ if !s.highlight => ("", ""),
        (_, true) => (HIT, RESET),
        (Some((open, close)), false) => (open.as_str(), close.as_str()),
        (None, false) => ("", ""),
    };
    let clean =
        |part: &[char]| text::printable(&part.iter().collect::<String>().replace('\n', " "));
    let mut out = String::with_capacity(snip.text.len() + 16 * snip.highlights.len());
    let mut at = 0;
    for &[a, b] in &snip.highlights {
        if a < at || b > chars.len() || a >= b {
            continue;
        }
        out.push_str(&clean(&chars[at..a]));
        out.push_str(open);
        out.push_str(&clean(&chars[a..b]));
        out.push_str(close);
        at = b;
    }
    out.push_str(&clean(&chars[at.min(chars.len())..]));
    out
}

fn facets_text(out: &mut dyn Write, f: &Facets, s: &Style) -> io::Result<()> {
    let rows = f.named();
    writeln!(out, "{}", s.wrap(BOLD, "facets"))?;
    for ((name, counts), more) in rows.zip(f.more) {
        if counts.is_empty() {
            continue;
        }
        let values: Vec<String> =
            counts.iter().map(|c| format!("{} ({})", text::printable(&c.value), c.count)).collect();
        let rest = if more > 0 {
            format!(" … and {more} more: warta facets --by {name}")
        } else {
            String::new()
        };
        writeln!(out, "  {name:<9} {}{rest}", values.join(", "))?;
    }
    Ok(())
}

/// Writes one article (for `show` and `extract`) as text.
pub fn article_text(out: &mut dyn Write, a: &ArticleView) -> io::Result<()> {
    writeln!(out, "{}", text::printable(a.meta.title.as_deref().unwrap_or("(untitled)")))?;
    let field = |out: &mut dyn Write, k: &str, v: String| -> io::Result<()> {
        if v.is_empty() { Ok(()) } else { writeln!(out, "  {k:<10} {}", text::printable(&v)) }
    };
    field(out, "id", a.id.clone().unwrap_or_default())?;
    field(out, "path", a.path.clone())?;
    field(out, "source", a.meta.source.clone().unwrap_or_default())?;
    let date = a.meta.date.map(|d| match (a.meta.date_basis, a.meta.date_precision) {
        (Some(basis), Some(precision)) => {
            format!("{d} ({}, {} precision)", basis.as_str(), precision.as_str())
        }
        _ => d.to_string(),
    });
    field(out, "date", date.unwrap_or_default())?;
    field(out, "dateline", a.meta.dateline.clone().unwrap_or_default())?;
    field(out, "url", a.meta.url.clone().unwrap_or_default())?;
    let credits: Vec<String> = a.byline.iter().map(|c| format!("{}: {}", c.role, c.name)).collect();
    field(out, "byline", credits.join("; "))?;
    let provinces: Vec<String> =
        a.meta.provinces.iter().map(|p| format!("{} ({})", p.name, p.code)).collect();
    field(out, "provinces", provinces.join(", "))?;
    field(out, "cities", a.meta.cities.join(", "))?;
    field(out, "offices", a.offices.join(", "))?;
    for o in &a.meta.officials {
        field(out, "official", official_text(o))?;
    }
    field(out, "programs", a.meta.programs.join(", "))?;
    for f in &a.meta.figures {
        field(out, "figure", format!("{} = {} {}", f.text, format_value(f.value), f.unit))?;
    }
    for (name, values) in a.meta.facet_values.iter() {
        field(out, name, values.join(", "))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", a.body)
}

/// Writes the thesaurus expansions (`warta analyze --explain`).
fn thesaurus_text(out: &mut dyn Write, t: &Thesaurus) -> io::Result<()> {
    writeln!(out, "thesaurus:")?;
    if t.expansions.is_empty() {
        return writeln!(out, "  no expression of the thesaurus");
    }
    for e in &t.expansions {
        let how = if t.applied {
            format!("also finds, at weight {} of the words typed", e.weight)
        } else {
            "would also find (off: --no-expand)".to_string()
        };
        writeln!(out, "  {:?} {how}: {}", e.found, e.related.join(" | "))?;
    }
    Ok(())
}

/// Writes the tokens of both views as tables.
pub fn tokens_text(out: &mut dyn Write, text: &str, views: &Views) -> io::Result<()> {
    for (name, tokens) in [("exact", &views.exact), ("stemmed", &views.stemmed)] {
        writeln!(out, "{name} view:")?;
        writeln!(out, "  pos  {:<24} {:<24} bytes", "term", "text")?;
        for t in tokens {
            let original = text.get(t.start..t.end).unwrap_or("");
            writeln!(
                out,
                "{:>5}  {:<24} {:<24} {}..{}",
                t.position, t.term, original, t.start, t.end
            )?;
        }
    }
    if let Some(t) = &views.thesaurus {
        thesaurus_text(out, t)?;
    }
    Ok(())
}

/// Writes `--explain` output.
pub fn explain_text(out: &mut dyn Write, e: &warta::search::Explanation) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "query parsed as: {}", e.parsed)?;
    for t in &e.terms {
        writeln!(out, "  {t}")?;
    }
    for f in &e.filters {
        writeln!(out, "  filter {f}")?;
    }
    Ok(())
}

/// Writes an evaluation report as tables.
pub fn eval_text(out: &mut dyn Write, r: &warta::evaluate::Report) -> io::Result<()> {
    writeln!(out, "{} articles", r.articles)?;
    writeln!(
        out,
        "{:<10} {:>9} {:>9} {:>9} {:>5} {:>5} {:>5}",
        "facet", "precision", "recall", "F1", "tp", "fp", "fn"
    )?;
    for (name, s) in
        [("provinces", &r.provinces), ("officials", &r.officials), ("programs", &r.programs)]
    {
        writeln!(
            out,
            "{name:<10} {:>9.3} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}",
            s.precision, s.recall, s.f1, s.true_positives, s.false_positives, s.false_negatives
        )?;
    }
    for (name, a) in [("title", &r.title), ("source", &r.source), ("date", &r.date)] {
        writeln!(out, "{name:<10} {}/{} correct", a.correct, a.total)?;
    }
    if !r.differences.is_empty() {
        writeln!(out, "\ndifferences (missing = in the gold only, extra = extracted only):")?;
        for d in &r.differences {
            writeln!(out, "  {} {}: missing {:?}, extra {:?}", d.id, d.field, d.missing, d.extra)?;
        }
    }
    Ok(())
}

/// Writes the end-of-build summary (to stderr).
pub fn build_summary(
    out: &mut dyn Write,
    r: &BuildReport,
    index: &std::path::Path,
) -> io::Result<()> {
    writeln!(
        out,
        "indexed {} from {} into {} in {:.1}s",
        text::plural(r.articles, "article", "articles"),
        text::plural(r.files as u64, "file", "files"),
        index.display(),
        r.elapsed.as_secs_f64()
    )?;
    let how = if r.rebuilt { " (full build)" } else { "" };
    writeln!(
        out,
        "files: {} added, {} updated, {} removed, {} unchanged{how}",
        r.added, r.updated, r.removed, r.unchanged
    )?;
    if !r.other_files.is_empty() {
        let n: usize = r.other_files.values().sum();
        let kinds: Vec<String> = r.other_files.iter().map(|(e, k)| format!("{e} {k}")).collect();
        writeln!(
            out,
            "left out {n} {} ({}): warta reads .txt, .json and .jsonl",
            if n == 1 {
                "file that is not an article file"
            } else {
                "files that are not article files"
            },
            kinds.join(", ")
        )?;
    }
    for repair in &r.repairs {
        writeln!(out, "repaired: {repair}")?;
    }
    if r.interrupted {
        writeln!(
            out,
            "interrupted: what was done is committed and searchable; {} files still to index: \
             run `warta index` again to finish",
            r.pending
        )?;
    }
    if !r.warnings.is_empty() {
        writeln!(out, "indexed with warnings {}:", r.warnings.len())?;
        for s in &r.warnings {
            writeln!(out, "  {}: {}", text::printable(&s.path), s.reason)?;
        }
    }
    if !r.skipped.is_empty() {
        writeln!(out, "skipped {}:", r.skipped.len())?;
        for s in &r.skipped {
            writeln!(out, "  {}: {}", text::printable(&s.path), s.reason)?;
        }
    }
    Ok(())
}

/// The outcome of `warta index --check`.
pub fn check_text(out: &mut dyn Write, r: &warta::index::CheckReport) -> io::Result<()> {
    let articles = r.articles.map_or_else(String::new, |n| format!("{n} articles, "));
    writeln!(
        out,
        "checked {}: {articles}{} segment files ({:.1} MB) verified",
        r.index.display(),
        r.files_checked,
        r.bytes_checked as f64 / 1e6
    )?;
    if r.problems.is_empty() {
        writeln!(out, "no problems found")?;
    } else {
        let n = r.problems.len();
        writeln!(out, "{n} {}:", if n == 1 { "problem" } else { "problems" })?;
        for p in &r.problems {
            writeln!(out, "  {p}")?;
        }
        writeln!(
            out,
            "repair: `warta index CORPUS --index {}` (a damaged segment or manifest is rebuilt beside the old index)",
            r.index.display()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_are_coloured_by_character_offsets() {
        let snip = Snippet { text: "Ünal bayar JHT.".into(), highlights: vec![[11, 14]] };
        let color = Style { color: true, marker: None, highlight: true };
        assert_eq!(highlight(&snip, &color), format!("Ünal bayar {HIT}JHT{RESET}."));
        assert_eq!(highlight(&snip, &Style::default()), "Ünal bayar JHT.");
        let marked =
            Style { color: false, marker: Some(("[".into(), "]".into())), highlight: true };
        assert_eq!(highlight(&snip, &marked), "Ünal bayar [JHT].");
    }

    #[test]
    fn figure_values_are_grouped_by_thousands() {
        assert_eq!(format_value(37_830_000_000.0), "37 830 000 000");
        assert_eq!(format_value(45.34), "45.34");
        assert_eq!(format_value(800.0), "800");
    }

    #[test]
    fn out_of_range_highlights_are_ignored() {
        let snip = Snippet { text: "abc".into(), highlights: vec![[2, 9], [1, 0]] };
        let color = Style { color: true, marker: None, highlight: true };
        assert_eq!(highlight(&snip, &color), "abc");
    }

    #[test]
    fn metadata_line_lists_places_people_and_programmes() {
        let line = metadata_line(
            &[ProvinceRef { code: "35".into(), name: "Jawa Timur".into() }],
            &["Surabaya".into()],
            &[Official {
                name: "Sari".into(),
                role: Some("Bupati".into()),
                organization: None,
                as_printed: None,
            }],
            &["JHT".into()],
            &["Sari", "Joko"],
            &FacetValues::default(),
        );
        assert_eq!(line, "Jawa Timur (Surabaya) · Sari (Bupati) · JHT · quoted: Sari, Joko");
    }

    /// A facet shown from its row comes last, as `name: values`; one
    /// without values says nothing.
    #[test]
    fn metadata_line_ends_with_the_facets_shown_from_their_rows() {
        let values: FacetValues =
            [("weekday", vec!["Senin".to_string(), "Selasa".into()]), ("mood", Vec::new())]
                .into_iter()
                .collect();
        let line = metadata_line(&[], &[], &[], &["JHT".into()], &[], &values);
        assert_eq!(line, "JHT · weekday: Senin, Selasa");
    }
}
