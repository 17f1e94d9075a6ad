//! The flags of the analytics commands (`warta facets`, `timeline`, `terms`),
//! documented once here like the rest of the command line ([`super::args`]).

use std::path::PathBuf;

use clap::Args;

use crate::cli::args::{DedupArg, FilterArgs, IndexAt, choice};
use crate::cli::formats::{FormatArg, JSON_ONLY, TABLES, formats};
use warta::search::analytics::facet_counts::FacetBy;
use warta::search::analytics::period::Period;
use warta::search::analytics::terms::TermsBy;

/// `warta facets`
#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// The query, as for search (none: every article).
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// The facet to count.
    #[arg(long, value_parser = choice::<FacetBy>())]
    pub by: FacetBy,
    #[command(flatten)]
    pub at: IndexAt,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Extra aliases (TSV: name<TAB>alias|alias…), added to the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    #[command(flatten)]
    pub dedup: DedupArg,
    /// Values to show per level [default: 20; every year or month]
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV.
    #[arg(long)]
    pub csv: bool,
    /// Output format (--json and --csv are short for json and csv).
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["json", "csv"],
        value_parser = formats(TABLES)
    )]
    pub format: Option<FormatArg>,
    /// Start CSV with a UTF-8 byte order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
}

/// `warta timeline`
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The query, as for search (none: every article).
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    /// More queries, side by side. Repeatable.
    #[arg(short = 'q', long = "query", value_name = "QUERY", allow_hyphen_values = true)]
    pub queries: Vec<String>,
    /// Period length.
    #[arg(long, default_value = "month", value_parser = choice::<Period>())]
    pub by: Period,
    #[command(flatten)]
    pub at: IndexAt,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Extra aliases (TSV: name<TAB>alias|alias…), added to the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    #[command(flatten)]
    pub dedup: DedupArg,
    /// Print JSON.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (one row per query and period).
    #[arg(long)]
    pub csv: bool,
    /// Output format (--json and --csv are short for json and csv).
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["json", "csv"],
        value_parser = formats(TABLES)
    )]
    pub format: Option<FormatArg>,
    /// Start CSV with a UTF-8 byte order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
}

/// `warta terms`
#[derive(Debug, Args)]
pub struct TermsArgs {
    /// The query, as for search (none: every article).
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Option<String>,
    #[command(flatten)]
    pub at: IndexAt,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Extra aliases (TSV: name<TAB>alias|alias…), added to the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// How words are chosen: `significance` (more frequent in the matches than in the whole
    /// index) or `frequency` (the most frequent words of the matches, stopwords out).
    #[arg(long, default_value = "significance", value_parser = choice::<TermsBy>())]
    pub by: TermsBy,
    /// Terms to show.
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub top: usize,
    /// Matching articles read at most (the best-ranked ones).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub sample: usize,
    #[command(flatten)]
    pub dedup: DedupArg,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Not a flag of terms, which writes no CSV: refused by naming what it writes.
    #[arg(long, hide = true, conflicts_with_all = ["json", "format"])]
    pub csv: bool,
    /// Output format (--json is short for json).
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["json"],
        value_parser = formats(JSON_ONLY)
    )]
    pub format: Option<FormatArg>,
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use crate::cli::args::{Cli, Command};

    #[test]
    fn terms_takes_dedup_and_the_sample() {
        let cli = Cli::parse_from(["warta", "terms", "JHT", "--dedup", "--sample", "50"]);
        let Command::Terms(t) = cli.command else { panic!("not terms") };
        assert!(t.dedup.dedup);
        assert_eq!(t.sample, 50);
    }

    #[test]
    fn a_short_form_and_format_conflict() {
        assert!(Cli::try_parse_from(["warta", "facets", "--csv", "--format", "json"]).is_err());
        assert!(Cli::try_parse_from(["warta", "timeline", "-q", "JHT", "--csv"]).is_ok());
    }

    #[test]
    fn terms_writes_no_csv() {
        assert!(Cli::try_parse_from(["warta", "terms", "--format", "csv"]).is_err());
    }
}
