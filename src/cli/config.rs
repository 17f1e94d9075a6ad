//! From raw flags to validated requests: dates parsed, defaults resolved,
//! colour decided. Nothing here touches the index.

use std::io::IsTerminal;

use clap::ValueEnum;
use std::path::PathBuf;

use crate::cli::args::{ColorArg, FilterArgs, FormatArg, SearchArgs};
use warta::error::{Result, UserError};
use warta::search::facet_spec::FACETS;
use warta::search::{FacetSet, Filters, SearchRequest};

/// The index directory used when `--index` is not given.
pub const DEFAULT_INDEX: &str = "index";

/// How search results are written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// JSON instead of text.
    pub json: bool,
    /// ANSI colour for highlights.
    pub color: bool,
    /// Marks around highlights in plain text (none when colouring or with
    /// `--no-highlight`).
    pub marker: Option<(String, String)>,
    /// Highlights shown at all (`--no-highlight` turns them off, colour or marks).
    pub highlight: bool,
    /// Facet counts in the text output.
    pub facets: bool,
    /// Figures in the text output.
    pub figures: bool,
    /// Text, or an export format.
    pub format: FormatArg,
    /// Export every hit (streamed), not a page.
    pub all: bool,
    /// A byte order mark before CSV.
    pub bom: bool,
    /// The rows of an export.
    pub table: warta::export::Table,
    /// CSV cells as extracted (no formula neutralising).
    pub raw_csv: bool,
    /// Stories are counted, not articles.
    pub dedup: bool,
    /// The active filters as typed (`--province "Jawa Timur" --from 2023`).
    pub filters: String,
    /// The file of a Parquet export.
    pub output: Option<std::path::PathBuf>,
    /// A body column in a Parquet export.
    pub with_body: bool,
}

/// The index directory, and whether it was chosen by the user.
pub fn index_dir(given: &Option<PathBuf>) -> (PathBuf, bool) {
    match given {
        Some(p) => (p.clone(), true),
        None => (PathBuf::from(DEFAULT_INDEX), false),
    }
}

/// Validates the filter flags shared by search and the analytics commands.
pub fn filters(a: &FilterArgs) -> Result<Filters> {
    let date = |flag: &'static str, v: &Option<String>| -> Result<_> {
        v.as_deref().map(|s| Filters::parse_date(flag, s)).transpose()
    };
    let filters = Filters {
        facets: a.facets.values.clone(),
        from: date("from", &a.from)?,
        to: date("to", &a.to)?,
        matching: a.matching,
        no_expand: a.no_expand,
        include_undated: a.include_undated,
    };
    filters.check_dates()?;
    Ok(filters)
}

/// The output format of a command: `--format`, or its short forms
/// `--json` and `--csv` (clap refuses two of them at once); an error names
/// the formats the command can write.
pub fn format(
    command: &str,
    given: Option<FormatArg>,
    json: bool,
    csv: bool,
    can: &[FormatArg],
) -> std::result::Result<FormatArg, String> {
    let chosen = match (given, json, csv) {
        (Some(f), _, _) => f,
        (None, true, _) => FormatArg::Json,
        (None, false, true) => FormatArg::Csv,
        (None, false, false) => FormatArg::Text,
    };
    if can.contains(&chosen) {
        return Ok(chosen);
    }
    let name = chosen.to_possible_value().map(|v| v.get_name().to_string());
    Err(refused_format(command, &name.unwrap_or_default(), can))
}

/// The error for a `--format` that `warta COMMAND` does not write.
pub fn refused_format(command: &str, given: &str, can: &[FormatArg]) -> String {
    let names: Vec<String> = can
        .iter()
        .filter_map(|f| f.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    format!("`warta {command}` cannot write --format {given}; it writes {}", names.join(", "))
}

/// The active filters as they would be typed (`--province "Jawa Timur"
/// --from 2023`), empty when there are none: headers name what narrowed a
/// count.
pub fn describe(a: &FilterArgs, quoted_by: &[String]) -> String {
    // The facet table's rows, in order; speakers' --quoted-by is search's own.
    let lists = FACETS.iter().map(|spec| {
        let values: &[String] = if spec.shared { a.facets.of(spec.kind) } else { quoted_by };
        (spec.filter, values)
    });
    let mut parts = Vec::new();
    for (flag, values) in lists {
        for v in values {
            parts.push(format!("--{flag} {}", shell_word(v)));
        }
    }
    for (flag, v) in [("from", &a.from), ("to", &a.to)] {
        if let Some(v) = v {
            parts.push(format!("--{flag} {}", shell_word(v)));
        }
    }
    if a.include_undated && (a.from.is_some() || a.to.is_some()) {
        parts.push("--include-undated".into());
    }
    parts.join(" ")
}

/// A value as a shell word: quoted when it holds anything but letters,
/// digits and `-._`.
fn shell_word(v: &str) -> String {
    let plain = !v.is_empty() && v.chars().all(|c| c.is_alphanumeric() || "-._".contains(c));
    let v = crate::cli::text::printable(v);
    if plain { v } else { format!("\"{}\"", v.replace('"', "\\\"")) }
}

/// Validates the search flags.
pub fn search_request(a: &SearchArgs) -> Result<(SearchRequest, Output)> {
    use FormatArg::*;
    let filters = filters(&a.filters)?;
    let formats = [Text, Json, Jsonl, Csv, Parquet, Opensearch];
    if a.jsonl {
        return Err(UserError::Usage(
            "`warta search` writes JSON Lines with --format jsonl (--json writes one document)"
                .into(),
        )
        .into());
    }
    let format = format("search", a.format, a.json, a.csv, &formats).map_err(UserError::Usage)?;
    let export = matches!(format, Csv | Jsonl | Parquet | Opensearch);
    if a.all && !export {
        return Err(UserError::Usage(
            "--all streams every hit as an export: add --format csv, jsonl, parquet or opensearch"
                .into(),
        )
        .into());
    }
    parquet_flags(a, format)?;
    if a.table != warta::export::Table::Hits && !export {
        return Err(UserError::Usage(
            "--table writes an export: add --format csv or --format jsonl".into(),
        )
        .into());
    }
    let json = format == Json;
    let mut request = SearchRequest {
        query: a.query.clone(),
        filters,
        limit: a.limit,
        offset: a.offset,
        sort: a.sort,
        snippets: usize::from(a.snippets),
        facet_top: if json || a.facets.is_some() { 10 } else { 0 },
        facets: match a.facets.as_deref() {
            None | Some([]) => FacetSet::ALL,
            Some(kinds) => FacetSet::of(kinds.iter().copied()),
        },
        aliases: a.aliases.clone(),
        explain: a.explain,
        quoted_by: a.quoted_by.clone(),
        dedup: a.dedup.dedup,
    };
    if export {
        request.snippets = 1;
        request.facet_top = 0;
    }
    if a.all {
        request.limit = usize::MAX;
        request.offset = 0;
    }
    let color = use_color(a.color);
    let output = Output {
        json,
        color,
        marker: (!color && !a.no_highlight).then(|| marker(&a.highlight_marker)),
        highlight: !a.no_highlight,
        facets: a.facets.is_some(),
        figures: a.figures,
        format,
        all: a.all,
        bom: a.bom,
        table: a.table,
        raw_csv: a.raw_csv,
        dedup: a.dedup.dedup,
        filters: describe(&a.filters, &a.quoted_by),
        output: a.output.clone(),
        with_body: a.with_body,
    };
    if matches!(format, Parquet | Opensearch) {
        request.snippets = 0;
    }
    Ok((request, output))
}

/// `--output` goes with `--format parquet` (a file: a binary file never
/// goes to stdout) and `--format opensearch` (a directory), `--with-body`
/// with parquet only; both write the hits table only.
fn parquet_flags(a: &SearchArgs, format: FormatArg) -> Result<()> {
    let usage = |m: &str| Err(UserError::Usage(m.into()).into());
    if format == FormatArg::Opensearch {
        if a.output.is_none() {
            return usage(
                "--format opensearch writes a directory (an index template and bulk files): \
                 give it with --output DIR",
            );
        }
        if a.with_body {
            return usage(
                "--with-body is for --format parquet; an OpenSearch export always holds the body",
            );
        }
        if a.table != warta::export::Table::Hits {
            return usage(
                "--format opensearch writes one document per hit with its quotes, figures and \
                 officials; --table is for csv and jsonl",
            );
        }
        return Ok(());
    }
    if format != FormatArg::Parquet {
        if a.output.is_some() {
            return usage(
                "--output names the file of a Parquet export or the directory of an OpenSearch \
                 one: add --format parquet or --format opensearch (csv and jsonl go to stdout; \
                 redirect them with >)",
            );
        }
        if a.with_body {
            return usage(
                "--with-body adds a body column to a Parquet export: add --format parquet",
            );
        }
        return Ok(());
    }
    if a.output.is_none() {
        return usage(
            "--format parquet writes a binary file, not to stdout: give it with --output FILE",
        );
    }
    if a.table != warta::export::Table::Hits {
        return usage(
            "--format parquet writes one row per hit with the quotes, figures and officials \
             as nested lists; --table is for csv and jsonl",
        );
    }
    Ok(())
}

/// `[,]` → (`[`, `]`); a value without a comma marks both sides (`*`).
pub fn marker(v: &str) -> (String, String) {
    match v.split_once(',') {
        Some((open, close)) => (open.to_string(), close.to_string()),
        None => (v.to_string(), v.to_string()),
    }
}

/// Whether to colour: `always`, `never`, or on a terminal without `NO_COLOR`.
pub fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Cli, Command};
    use clap::Parser;

    fn args(extra: &[&str]) -> SearchArgs {
        let mut argv = vec!["warta", "search", "JHT"];
        argv.extend_from_slice(extra);
        match Cli::parse_from(argv).command {
            Command::Search(s) => *s,
            _ => unreachable!(),
        }
    }

    #[test]
    fn dates_are_validated() {
        let (req, _) = search_request(&args(&["--from", "2023", "--to", "2024-06"])).unwrap();
        assert_eq!(req.filters.from.unwrap().to_string(), "2023");
        assert_eq!(req.filters.to.unwrap().to_string(), "2024-06");
        let err = search_request(&args(&["--from", "2024-13"])).unwrap_err();
        assert!(err.to_string().contains("--from"), "{err}");
    }

    #[test]
    fn csv_is_short_for_format_csv_and_jsonl_names_its_format() {
        let (_, out) = search_request(&args(&["--csv"])).unwrap();
        assert_eq!(out.format, FormatArg::Csv);
        let err = search_request(&args(&["--jsonl"])).unwrap_err().to_string();
        assert!(err.contains("--format jsonl"), "{err}");
        assert!(Cli::try_parse_from(["warta", "search", "JHT", "--csv", "--json"]).is_err());
        let Command::Terms(terms) = Cli::parse_from(["warta", "terms", "JHT", "--csv"]).command
        else {
            unreachable!()
        };
        assert!(terms.csv, "parsed, to be refused by naming what terms writes");
    }

    #[test]
    fn date_ranges_must_not_be_reversed() {
        assert!(search_request(&args(&["--from", "2025", "--to", "2019"])).is_err());
        assert!(search_request(&args(&["--from", "2024-06", "--to", "2024"])).is_ok());
        assert!(search_request(&args(&["--from", "2024-06-30", "--to", "2024-06"])).is_ok());
    }

    #[test]
    fn json_always_counts_facets() {
        let (req, out) = search_request(&args(&["--json"])).unwrap();
        assert!(out.json);
        assert_eq!(req.facet_top, 10);
        let (req, _) = search_request(&args(&[])).unwrap();
        assert_eq!(req.facet_top, 0);
    }

    #[test]
    fn facets_takes_an_optional_list_of_facet_names() {
        let (req, out) = search_request(&args(&["--facets"])).unwrap();
        assert!(out.facets);
        assert_eq!((req.facet_top, req.facets), (10, FacetSet::ALL));
        let (req, _) = search_request(&args(&["--facets", "province,official,program"])).unwrap();
        let kinds: Vec<&str> = req.facets.kinds().map(|k| k.name()).collect();
        assert_eq!(kinds, ["province", "official", "program"]);
        let (req, out) = search_request(&args(&["--json", "--facets=speaker"])).unwrap();
        assert!(out.json && out.facets);
        assert_eq!(req.facets.kinds().map(|k| k.name()).collect::<Vec<_>>(), ["speaker"]);
        let (req, _) = search_request(&args(&["--json"])).unwrap();
        assert_eq!(req.facets, FacetSet::ALL);
    }

    #[test]
    fn unknown_facet_names_are_refused_with_the_valid_ones() {
        use clap::Parser;
        let err = Cli::try_parse_from(["warta", "search", "JHT", "--facets", "province,provinsi"])
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("provinsi") && text.contains("valid facets: province, city"),
            "{text}"
        );
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn exports_take_one_snippet_and_all_lifts_the_page() {
        let (req, out) =
            search_request(&args(&["--format", "csv", "--all", "--limit", "3"])).unwrap();
        assert_eq!(out.format, FormatArg::Csv);
        assert_eq!((req.limit, req.offset, req.snippets, req.facet_top), (usize::MAX, 0, 1, 0));
        let (req, _) = search_request(&args(&["--format", "jsonl", "--limit", "3"])).unwrap();
        assert_eq!(req.limit, 3);
    }

    #[test]
    fn shared_filters_are_validated_once() {
        let f = FilterArgs { from: Some("2024-02".into()), ..FilterArgs::default() };
        assert_eq!(filters(&f).unwrap().from.unwrap().to_string(), "2024-02");
        let bad = FilterArgs { to: Some("kemarin".into()), ..FilterArgs::default() };
        assert!(filters(&bad).is_err());
    }

    #[test]
    fn active_filters_are_described_as_typed() {
        let mut f = FilterArgs { from: Some("2023".into()), ..FilterArgs::default() };
        f.facets.values[warta::search::FacetKind::Province.index()] = vec!["Jawa Timur".into()];
        f.facets.values[warta::search::FacetKind::Program.index()] = vec!["JHT".into()];
        assert_eq!(describe(&f, &[]), "--province \"Jawa Timur\" --program JHT --from 2023");
        assert_eq!(describe(&FilterArgs::default(), &["Budi".into()]), "--quoted-by Budi");
        assert_eq!(describe(&FilterArgs::default(), &[]), "");
    }

    #[test]
    fn highlight_marks_apply_to_plain_text_only() {
        let (_, out) = search_request(&args(&["--color", "never"])).unwrap();
        assert_eq!(out.marker, Some(("[".into(), "]".into())));
        let (_, out) =
            search_request(&args(&["--color", "never", "--highlight-marker", "**"])).unwrap();
        assert_eq!(out.marker, Some(("**".into(), "**".into())));
        let (_, out) =
            search_request(&args(&["--color", "never", "--highlight-marker", "<<,>>"])).unwrap();
        assert_eq!(out.marker, Some(("<<".into(), ">>".into())));
        let (_, out) = search_request(&args(&["--color", "always"])).unwrap();
        assert!(out.color && out.marker.is_none());
        let (_, out) = search_request(&args(&["--color", "never", "--no-highlight"])).unwrap();
        assert!(!out.color && out.marker.is_none() && !out.highlight);
        let (_, out) = search_request(&args(&["--color", "always", "--no-highlight"])).unwrap();
        assert!(out.color && !out.highlight, "titles stay bold, words are not highlighted");
    }

    #[test]
    fn explicit_colour_choices_win() {
        assert!(use_color(ColorArg::Always));
        assert!(!use_color(ColorArg::Never));
    }
}
