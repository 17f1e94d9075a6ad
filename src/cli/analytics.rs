//! The analytics commands (`facets`, `timeline`, `terms`) and search
//! exports: flags → request → library call → [`super::tables`].

use std::io::Write;

use crate::cli::args::FormatArg::{Csv, Json};
use crate::cli::args::{FacetsArgs, FormatArg, TermsArgs, TimelineArgs};
use crate::cli::config::{self, Output};
use crate::cli::formats::{JSON_ONLY, TABLES};
use crate::cli::{CliError, Status, fmt, open_index, render, tables};
use warta::export;
use warta::export::parquet::{ParquetExport, ParquetOptions};
use warta::index::WartaIndex;
use warta::search::analytics::export::{export as export_hits, export_with_article};
use warta::search::analytics::facet_counts::{FacetRequest, facets};
use warta::search::analytics::terms::{TermsRequest, terms};
use warta::search::analytics::timeline::{TimelineRequest, timeline};
use warta::search::{Hit, SearchRequest};

/// Values per level when `--top` is not given (years and months: all).
const DEFAULT_TOP: usize = 20;

fn found(n: u64) -> Status {
    if n == 0 { Status::NotFound } else { Status::Found }
}

/// `warta search --format csv|jsonl`: hits streamed as they are read.
pub(super) fn export(
    index: &WartaIndex,
    req: &SearchRequest,
    o: &Output,
    out: &mut dyn Write,
) -> Result<Status, CliError> {
    let written = if o.format == FormatArg::Csv {
        let mut w = export::csv_writer(out, o.bom)?;
        w.write_record(export::columns(o.table)).map_err(std::io::Error::from)?;
        let n = export_hits(index, req, &mut |hit| {
            export::write_csv(&mut w, o.table, &hit, o.raw_csv)
        })?;
        w.flush()?;
        n
    } else {
        export_hits(index, req, &mut |hit| export::write_jsonl(&mut *out, o.table, &hit))?
    };
    Ok(found(written))
}

/// `warta search --format parquet --output FILE`: hits streamed into a
/// Parquet file; the row count is said on stderr.
pub(super) fn export_parquet(
    index: &WartaIndex,
    req: &SearchRequest,
    o: &Output,
) -> Result<Status, CliError> {
    let path = o.output.as_deref().expect("--format parquet is checked to have --output");
    let options = ParquetOptions { with_body: o.with_body };
    let mut file = ParquetExport::create(path, options)?;
    let mut push =
        |hit: Hit, body: Option<&str>| file.push(&hit, body).map_err(std::io::Error::other);
    if o.with_body {
        export_with_article(index, req, &mut |hit, article| push(hit, Some(&article.body)))?;
    } else {
        export_hits(index, req, &mut |hit| push(hit, None))?;
    }
    let written = file.finish()?;
    eprintln!("warta: wrote {written} rows to {}", path.display());
    Ok(found(written))
}

/// `warta search --format opensearch --output DIR`: an index template and
/// bulk files; the document count is said on stderr.
pub(super) fn export_opensearch(
    index: &WartaIndex,
    req: &SearchRequest,
    o: &Output,
) -> Result<Status, CliError> {
    use warta::export::opensearch::{OpenSearchExport, Views, synonyms, template};
    let dir = o.output.as_deref().expect("--format opensearch is checked to have --output");
    let mut exact = index.analyzer(warta::analysis::View::Exact);
    let aliases = warta::search::Aliases::shared(req.aliases.as_deref(), &mut exact)?;
    let template = template(&synonyms(aliases.groups(), &mut exact));
    let views = Views { exact, stemmed: index.analyzer(warta::analysis::View::Stemmed) };
    let mut export = OpenSearchExport::create(dir, &template, views)?;
    export_with_article(index, req, &mut |hit, article| {
        export.push(&hit, &article).map_err(std::io::Error::other)
    })?;
    let written = export.finish()?;
    eprintln!("warta: wrote {written} documents and template.json to {}", dir.display());
    Ok(found(written))
}

/// The undated articles the date filters left out, said on stderr.
fn left_out(
    index: &WartaIndex,
    query: &str,
    filters: &warta::search::Filters,
    aliases: Option<&std::path::Path>,
) -> Result<u64, CliError> {
    let n = warta::search::undated::left_out(index, query, filters, aliases, &[])?;
    super::note_undated(n);
    super::note_absent(index, filters)?;
    Ok(n)
}

/// `warta facets`
pub(super) fn cmd_facets(a: &FacetsArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let by = a.by;
    let default_top = if by.is_date() { usize::MAX } else { DEFAULT_TOP };
    let req = FacetRequest {
        query: a.query.clone().unwrap_or_default(),
        filters: config::filters(&a.filters)?,
        by,
        top: a.top.unwrap_or(default_top),
        dedup: a.dedup.dedup,
        aliases: a.aliases.clone(),
    };
    let format = fmt("facets", a.format, a.json, a.csv, TABLES)?;
    let index = open_index(&a.at.index.index, &a.at.corpus)?;
    let left_out = left_out(&index, &req.query, &req.filters, req.aliases.as_deref())?;
    let notes = super::query_notes(&[&req.query]);
    let report = facets(&index, &req)?;
    if format == Json {
        let undated_left_out = left_out;
        render::json(
            out,
            &render::WithUndated { inner: &report, undated_left_out, notes: &notes },
        )?;
    } else if format == Csv {
        tables::facets_csv(out, &report, a.bom)?;
    } else {
        tables::facets_text(out, &report, &config::describe(&a.filters, &[]))?;
    }
    Ok(found(report.total))
}

/// `warta timeline`
pub(super) fn cmd_timeline(a: &TimelineArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let mut queries: Vec<String> = a.query.iter().cloned().collect();
    queries.extend(a.queries.iter().cloned());
    let req = TimelineRequest {
        queries,
        filters: config::filters(&a.filters)?,
        by: a.by,
        dedup: a.dedup.dedup,
        aliases: a.aliases.clone(),
    };
    let format = fmt("timeline", a.format, a.json, a.csv, TABLES)?;
    let index = open_index(&a.at.index.index, &a.at.corpus)?;
    let mut left_out_all = 0;
    for q in &req.queries {
        left_out_all += left_out(&index, q, &req.filters, req.aliases.as_deref())?;
    }
    if req.queries.is_empty() {
        left_out_all = left_out(&index, "", &req.filters, req.aliases.as_deref())?;
    }
    let queries: Vec<&str> = req.queries.iter().map(String::as_str).collect();
    let notes = super::query_notes(&queries);
    let t = timeline(&index, &req)?;
    if format == Json {
        let undated_left_out = left_out_all;
        render::json(out, &render::WithUndated { inner: &t, undated_left_out, notes: &notes })?;
    } else if format == Csv {
        tables::timeline_csv(out, &t, a.bom)?;
    } else {
        tables::timeline_text(out, &t, &config::describe(&a.filters, &[]))?;
    }
    Ok(found(t.series.iter().map(|s| s.total).sum()))
}

/// `warta terms`
pub(super) fn cmd_terms(a: &TermsArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let req = TermsRequest {
        query: a.query.clone().unwrap_or_default(),
        filters: config::filters(&a.filters)?,
        top: a.top,
        sample: a.sample,
        aliases: a.aliases.clone(),
        by: a.by,
        dedup: a.dedup.dedup,
    };
    let format = fmt("terms", a.format, a.json, a.csv, JSON_ONLY)?;
    let index = open_index(&a.at.index.index, &a.at.corpus)?;
    left_out(&index, &req.query, &req.filters, req.aliases.as_deref())?;
    super::query_notes(&[&req.query]);
    let report = terms(&index, &req)?;
    if format == Json {
        render::json(out, &report)?;
    } else {
        tables::terms_text(out, &report, &config::describe(&a.filters, &[]))?;
    }
    Ok(found(report.total as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Cli, Command};
    use clap::Parser;

    #[test]
    fn every_by_value_maps_to_its_facet() {
        for by in
            ["province", "city", "official", "org", "program", "source", "speaker", "year", "month"]
        {
            let cli = Cli::parse_from(["warta", "facets", "--by", by]);
            let Command::Facets(a) = cli.command else { panic!("not facets") };
            assert_eq!(a.by.name(), by);
            assert_eq!(a.query, None, "the query is optional");
        }
    }

    #[test]
    fn timeline_queries_come_from_the_argument_and_every_q() {
        let cli = Cli::parse_from(["warta", "timeline", "JHT", "-q", "JKP", "--query", "-PHK"]);
        let Command::Timeline(a) = cli.command else { panic!("not timeline") };
        assert_eq!(a.query.as_deref(), Some("JHT"));
        assert_eq!(a.queries, ["JKP", "-PHK"]);
        assert_eq!(a.by, warta::search::analytics::period::Period::Month);
    }

    #[test]
    fn nothing_found_is_status_one() {
        assert_eq!(found(0), Status::NotFound);
        assert_eq!(found(3), Status::Found);
    }
}
