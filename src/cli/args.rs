//! The command line as clap sees it: raw flags, documented once here. The
//! doc comment of each flag is its `--help` text. Validation and defaults
//! that need thought happen in [`super::config`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::cli::analytics_args::{FacetsArgs, TermsArgs, TimelineArgs};
use crate::cli::facet_args::FacetFilterArgs;
pub use crate::cli::formats::FormatArg;
use crate::cli::formats::{JSON_LINES, JSON_ONLY, formats};
use warta::export::Table;
use warta::search::FacetKind;
use warta::search::Sort;
use warta::search::choice::Choice;
use warta::search::compile::Match;

/// `warta --version`: the package version and the git revision it was built
/// from (see `build.rs`).
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("WARTA_REVISION"), ")");

/// Search engine for Indonesian news coverage: ranked, highlighted snippets
/// with province, official and programme facets.
#[derive(Debug, Parser)]
#[command(name = "warta", version = VERSION, about, long_about = None)]
#[command(after_help = "Exit status: 0 hits found (or success), 1 no hits, 2 error.\n\
Examples:\n  warta search \"perlindungan pekerja\" --province \"Jawa Timur\"\n  \
warta index corpus/ --index index/\n  warta search JHT --program JKP --from 2023 --json\n  \
warta facets JHT --by province\n  warta timeline -q JHT -q JKP --by month\n  \
warta search JHT --format csv --all > hits.csv")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build (or rebuild) the index from a folder of articles (.txt, .json, .jsonl).
    Index(IndexArgs),
    /// Search the index: ranked hits with highlighted snippets and facet filters.
    Search(Box<SearchArgs>),
    /// Show one indexed article with its extracted metadata.
    Show(ShowArgs),
    /// Count matching articles per province, city, official, programme, source, year or month.
    Facets(Box<FacetsArgs>),
    /// Matching articles per day, week, month or year, and their share of all articles.
    Timeline(Box<TimelineArgs>),
    /// The words that characterise the matching articles against the whole corpus.
    Terms(Box<TermsArgs>),
    /// Show what the indexer extracts from one file (no index needed).
    Extract(ExtractArgs),
    /// Show the tokens the index stores for a text.
    Analyze(AnalyzeArgs),
    /// Measure extraction against gold annotations (precision, recall, F1 per facet).
    Eval(EvalArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff; `warta man > warta.1`).
    Man,
    /// Merge indexes built separately (shards) into one new index, without re-extracting.
    Merge(MergeArgs),
    /// Serve the web UI and the read-only JSON API (http://127.0.0.1:8080/ by default).
    Serve(ServeArgs),
    /// Generate a synthetic corpus for benchmarks (hidden: a developer tool).
    #[command(hide = true)]
    Gen(GenArgs),
}

/// `warta completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `warta gen`: a deterministic synthetic corpus (see `warta::synth`).
#[derive(Debug, Args)]
pub struct GenArgs {
    /// Folder to write the articles to (sharded into subfolders of 1000).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Number of articles.
    #[arg(long, value_name = "N")]
    pub articles: u64,
    /// Seed of every random choice.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Share of articles that are syndicated copies of an earlier one (0-1).
    #[arg(long, default_value_t = 0.05)]
    pub copies: f64,
    /// Also write the articles as JSON Lines ({"id","title","body","url"}).
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    /// Worker threads [default: all cores].
    #[arg(long)]
    pub threads: Option<usize>,
}

/// `warta eval`
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations: a JSON array of {id, title, source, date, provinces, officials, programs}.
    #[arg(value_name = "GOLD.json")]
    pub gold: PathBuf,
    /// The folder the gold ids are relative to.
    #[arg(long, value_name = "DIR", default_value = "corpus")]
    pub corpus: PathBuf,
    /// Print JSON (scores and every difference).
    #[arg(long)]
    pub json: bool,
    /// Output format (--json is short for json).
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["json"],
        value_parser = formats(JSON_ONLY)
    )]
    pub format: Option<FormatArg>,
    /// Your own registry of known officials (TSV: name, aliases, organization, role), added to the
    /// built-in one.
    #[arg(long, value_name = "FILE")]
    pub officials: Option<PathBuf>,
}

/// Where the index lives.
#[derive(Debug, Args)]
pub struct IndexDir {
    /// Index directory [default: index]
    #[arg(long, value_name = "DIR", env = "WARTA_INDEX")]
    pub index: Option<PathBuf>,
}

/// `warta serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub at: IndexAt,
    /// Address to listen on. The API has no authentication: any other address than
    /// 127.0.0.1 (or ::1) lets other machines read the index. Port 0 picks a free port; a port
    /// alone or `localhost:PORT` means 127.0.0.1.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080", value_parser = bind_address)]
    pub bind: std::net::SocketAddr,
    /// Allow browser pages from this one origin (`https://example.org`) to call the API (CORS);
    /// none by default.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// Seconds a request may take before it is answered with an error; a connection that sends
    /// no complete request head (also idle between requests), or reads nothing, that long is closed.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
    /// Requests searched at the same time (1 to 1024); more wait (up to --timeout).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub max_in_flight: usize,
}

/// `warta merge`
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Index folders built by `warta index` with the same --roots and --officials files.
    #[arg(value_name = "SHARD", required = true)]
    pub shards: Vec<PathBuf>,
    /// Folder for the merged index: new or empty (nothing is overwritten).
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// The folder the shards' article ids are relative to as a whole, recorded so that a later
    /// `warta index DIR` updates the merged index [default: the deepest folder holding every
    /// shard's corpus].
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// No summary, only errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `warta index`
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folder of articles (or a single file).
    #[arg(value_name = "CORPUS", default_value = "corpus", env = "WARTA_CORPUS")]
    pub corpus: PathBuf,
    #[command(flatten)]
    pub index: IndexDir,
    /// Memory budget of the index writer, in MB, shared by its threads (at least 15 per thread);
    /// an upper bound: a run with fewer new files uses less.
    #[arg(long, value_name = "MB", default_value_t = 128)]
    pub heap: usize,
    /// Threads in all: half read and extract, half (rounded up) index, at least one of each
    /// [default: one per core].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Start over: re-index every file, not only new and changed ones. The new index is written
    /// beside the old one, which stays searchable until it is replaced.
    #[arg(long)]
    pub rebuild: bool,
    /// Verify the index instead of building it: checksums of every segment file, the list of
    /// indexed files against the documents (each id once, no file's articles missing) and the
    /// groups of copies. Exit 0 when sound, 2 when something is wrong.
    #[arg(long, conflicts_with = "rebuild")]
    pub check: bool,
    /// Print the summary as JSON on stdout (counts of added, updated, removed, unchanged files).
    #[arg(long)]
    pub json: bool,
    /// Commit after this many files (tests; the default commits every minute).
    #[arg(long, value_name = "FILES", hide = true)]
    pub commit_every: Option<usize>,
    /// Extra root words for the stemmer, one per line (kept in the index for later runs).
    #[arg(long, value_name = "FILE")]
    pub roots: Option<PathBuf>,
    /// Your own registry of known officials (TSV: name, aliases, organization, role), added to the
    /// built-in one; kept in the index for later runs.
    #[arg(long, value_name = "FILE")]
    pub officials: Option<PathBuf>,
    /// No progress bar and no summary, only errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The query syntax, shown by `warta search --help` (the README has the same table).
pub const QUERY_SYNTAX: &str = "\
Query syntax:
  perlindungan pekerja      both words (words are ANDed)
  \"jaminan hari tua\"        the exact phrase
  JHT OR JKP                either (OR, AND, NOT in capitals; lower-case or/and/not
                            between words are words, and warta says so in a note)
  -Kesehatan, NOT Kesehatan without that word or phrase
  (JHT OR JKP) klaim        grouping
  title:klaim, body:\"…\"     only in the headline / the body
  province:Jatim, program:JKP, official:…, city:…, org:…, source:…   as the filter flags
  klaim*                    words starting with klaim (exact view; at least 3 letters,
                            at most 300 words, else an error saying so)
  *                         every article (use with filters)
  ? and * inside a word     an error (no single-character wildcard)";

/// `warta search`
#[derive(Debug, Args)]
#[command(after_help = QUERY_SYNTAX)]
pub struct SearchArgs {
    /// Words (ANDed), "phrases", OR, -exclusion, (grouping), field:term
    /// (fields: title, body, source, province, city, official, org, program);
    /// `*` matches every article.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: String,
    #[command(flatten)]
    pub index: IndexDir,
    /// Corpus to build the index from when the default index does not exist yet.
    #[arg(long, value_name = "DIR", default_value = "corpus", env = "WARTA_CORPUS")]
    pub corpus: PathBuf,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Search only what this person said (direct and reported speech); snippets show the quotes. Repeatable.
    #[arg(long, value_name = "NAME")]
    pub quoted_by: Vec<String>,
    /// Number of hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order of hits.
    #[arg(long, default_value = "relevance", value_parser = choice::<Sort>())]
    pub sort: Sort,
    /// Snippets per hit (0–3).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub snippets: u8,
    /// Also print facet counts (always included in --json); with a list, count only those
    /// facets: province, city, official, org, program, source, speaker (comma-separated).
    #[arg(
        long,
        value_name = "FACET,…",
        num_args = 0..=1,
        value_delimiter = ',',
        value_parser = facet_name
    )]
    pub facets: Option<Vec<FacetKind>>,
    /// List each hit's figures (money, counts, percentages) with their sentences.
    #[arg(long)]
    pub figures: bool,
    /// Print JSON (the contract in the README) instead of text; short for --format json.
    #[arg(long, conflicts_with_all = ["format", "csv"])]
    pub json: bool,
    /// Write CSV, one row per hit; short for --format csv.
    #[arg(long, conflicts_with = "format")]
    pub csv: bool,
    /// Not a flag: JSON Lines is `--format jsonl` (refused with that hint).
    #[arg(long, hide = true)]
    pub jsonl: bool,
    /// Also show how the query was parsed, analysed and expanded.
    #[arg(long)]
    pub explain: bool,
    /// Extra aliases (TSV: name<TAB>alias|alias…), added to the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// When to colour highlights.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Marks around highlights in plain text (not coloured): OPEN,CLOSE, or one mark for both sides.
    #[arg(long, value_name = "OPEN,CLOSE", default_value = "[,]")]
    pub highlight_marker: String,
    /// No highlights in text output (neither colour nor marks).
    #[arg(long)]
    pub no_highlight: bool,
    /// Output format: text, json (one document), or an export (csv, jsonl, parquet, opensearch)
    /// of one row per hit (--json and --csv are short for json and csv).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// Every hit, not a page (streamed; with --format csv|jsonl|parquet|opensearch).
    #[arg(long)]
    pub all: bool,
    /// The file a Parquet export is written to, or the new directory of an OpenSearch export
    /// (required with --format parquet|opensearch).
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Add each article's clean body text to a Parquet export (a `body` column).
    #[arg(long)]
    pub with_body: bool,
    /// Start CSV with a UTF-8 byte order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// What an export's rows are: hits, or one row per quote, figure or official of each hit
    /// (keyed by the article id).
    #[arg(long, value_name = "TABLE", default_value = "hits", value_parser = table_name())]
    pub table: Table,
    /// Keep CSV cells exactly as extracted (by default a cell starting with = + - @ gets a
    /// leading ' so spreadsheets do not run it as a formula).
    #[arg(long)]
    pub raw_csv: bool,
    #[command(flatten)]
    pub dedup: DedupArg,
}

/// `--table` of a search export: the library's [`Table`], its names listed
/// in the help and completions.
fn table_name() -> impl clap::builder::TypedValueParser<Value = Table> {
    use clap::builder::TypedValueParser;
    let values = Table::ALL.map(|t| clap::builder::PossibleValue::new(t.name()).help(t.about()));
    clap::builder::PossibleValuesParser::new(values).try_map(|name| name.parse::<Table>())
}

/// A choice of the library's (`--sort`, `--match`, `--by` …): its names and
/// help listed from the type ([`Choice`]), parsed by it; no copy here.
pub(super) fn choice<T: Choice + std::fmt::Debug>()
-> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    let values =
        T::ALL.iter().map(|v| clap::builder::PossibleValue::new(v.choice_name()).help(v.about()));
    clap::builder::PossibleValuesParser::new(values).try_map(|name| T::parse_choice(&name))
}

/// One facet name of `search --facets`.
/// `--bind`: `ADDR:PORT`, `localhost:PORT` or a port alone (both 127.0.0.1).
fn bind_address(text: &str) -> Result<std::net::SocketAddr, String> {
    let loopback = |port: &str| port.parse::<u16>().ok().map(|p| ([127, 0, 0, 1], p).into());
    let local = text.strip_prefix("localhost:").unwrap_or(text);
    text.parse().ok().or_else(|| loopback(local)).ok_or_else(|| {
        "give ADDR:PORT (127.0.0.1:8080, [::1]:8080), localhost:PORT or a port".to_string()
    })
}

fn facet_name(name: &str) -> Result<FacetKind, String> {
    FacetKind::from_name(name.trim()).ok_or_else(|| {
        let valid: Vec<&str> = FacetKind::ALL.iter().map(|k| k.name()).collect();
        format!(
            "unknown facet `{name}` (valid facets: {}; a query goes before a bare --facets)",
            valid.join(", ")
        )
    })
}

/// The filters shared by `search`, `facets`, `timeline` and `terms`.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// `--province`, `--city`, … (one flag per row of the facet table).
    #[command(flatten)]
    pub facets: FacetFilterArgs,
    /// Earliest publication date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Latest publication date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Which articles are counted (total, facets, timeline, exports): those with all the words,
    /// most of them (2 of 3, 3 of 4 …) or any. Search lists articles with fewer words after them,
    /// marked. "Phrases", +word and AND are always required.
    #[arg(long = "match", default_value = "all", value_parser = choice::<Match>())]
    pub matching: Match,
    /// Search only the words typed and their aliases, not the thesaurus's related expressions
    /// (ojol for ojek online, terkena PHK for korban PHK …).
    #[arg(long)]
    pub no_expand: bool,
    /// With --from/--to, keep the articles that have no date too (left out and counted otherwise).
    #[arg(long)]
    pub include_undated: bool,
}

/// `--dedup`
#[derive(Debug, Args, Default, Clone, Copy)]
pub struct DedupArg {
    /// Count and list stories, not copies: syndicated copies of one story count once.
    #[arg(long)]
    pub dedup: bool,
}

/// Where the index lives, and the corpus to build it from when the default
/// index does not exist yet (as for `search`).
#[derive(Debug, Args)]
pub struct IndexAt {
    #[command(flatten)]
    pub index: IndexDir,
    /// Corpus to build the index from when the default index does not exist yet.
    #[arg(long, value_name = "DIR", default_value = "corpus", env = "WARTA_CORPUS")]
    pub corpus: PathBuf,
}

/// `warta show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, as printed by `warta search` (its path in the corpus).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub index: IndexDir,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Output format (--json is short for json).
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["json"],
        value_parser = formats(JSON_ONLY)
    )]
    pub format: Option<FormatArg>,
}

/// `warta extract`
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// An article file (.txt, .json or .jsonl).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print JSON, one object per article (JSON Lines).
    #[arg(long)]
    pub json: bool,
    /// Output format (--json is short for json).
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["json"],
        value_parser = formats(JSON_LINES)
    )]
    pub format: Option<FormatArg>,
    /// Your own registry of known officials (TSV: name, aliases, organization, role), added to the
    /// built-in one.
    #[arg(long, value_name = "FILE")]
    pub officials: Option<PathBuf>,
}

/// `warta analyze`
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The text to analyse.
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Print JSON: `{"exact": [tokens], "stemmed": [tokens]}`.
    #[arg(long)]
    pub json: bool,
    /// Output format (--json is short for json).
    #[arg(
        long,
        value_name = "FORMAT",
        conflicts_with_all = ["json"],
        value_parser = formats(JSON_ONLY)
    )]
    pub format: Option<FormatArg>,
    /// Extra root words for the stemmer, as `warta index --roots`.
    #[arg(long, value_name = "FILE")]
    pub roots: Option<PathBuf>,
    /// Also show the related expressions (thesaurus) a search for the text
    /// finds, and their weight.
    #[arg(long)]
    pub explain: bool,
    /// With --explain: as `warta search --no-expand` (the thesaurus off).
    #[arg(long, requires = "explain")]
    pub no_expand: bool,
}

/// `--color`
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bind_takes_an_address_localhost_or_a_port() {
        let ok = |t: &str| bind_address(t).unwrap().to_string();
        assert_eq!(ok("127.0.0.1:8080"), "127.0.0.1:8080");
        assert_eq!(ok("[::1]:9000"), "[::1]:9000");
        assert_eq!(ok("0.0.0.0:80"), "0.0.0.0:80");
        assert_eq!(ok("localhost:8081"), "127.0.0.1:8081");
        assert_eq!(ok("8081"), "127.0.0.1:8081");
        for bad in ["localhost", "example.org:80", "127.0.0.1", "70000", ""] {
            assert!(bind_address(bad).unwrap_err().contains("localhost:PORT"), "{bad}");
        }
    }

    #[test]
    fn filters_repeat() {
        let cli = Cli::parse_from([
            "warta",
            "search",
            "JHT",
            "--province",
            "Jatim",
            "--province",
            "Bali",
            "--program",
            "JKP",
        ]);
        let Command::Search(s) = cli.command else { panic!("not search") };
        assert_eq!(s.filters.facets.of(FacetKind::Province), &["Jatim", "Bali"]);
        assert_eq!(s.filters.facets.of(FacetKind::Program), &["JKP"]);
        assert_eq!(s.limit, 10);
    }

    #[test]
    fn snippets_are_bounded() {
        assert!(Cli::try_parse_from(["warta", "search", "x", "--snippets", "4"]).is_err());
    }
}
