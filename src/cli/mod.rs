//! The `warta` command line, part of the binary (the library knows nothing
//! of clap, indicatif or ctrlc): raw flags ([`args`]) → validated requests
//! ([`config`]) → library calls (`warta::…`) → renderers ([`render`]). Exit statuses
//! follow grep: 0 found, 1 nothing found, 2 error; 130 for a `warta index`
//! stopped by Ctrl-C (what was done is committed).

mod analytics;
pub mod analytics_args;
pub mod args;
pub mod config;
pub mod facet_args;
pub mod formats;
pub mod output;
pub mod render;
pub mod tables;
pub mod text;

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use indicatif::{ProgressBar, ProgressStyle};

pub use args::Cli;
use args::FormatArg::{self, Json, Text};
use args::{AnalyzeArgs, Command, EvalArgs, ExtractArgs, GenArgs, IndexArgs, SearchArgs, ShowArgs};
use formats::{JSON_LINES, JSON_ONLY};
use warta::analysis::View;
use warta::error::{Error, UserError};
use warta::extract;
use warta::extract::official::registry::Registry;
use warta::index::{self, BuildOptions, BuildReport, Progress, WartaIndex};
use warta::search::{self, ArticleView};

/// Outcome of a successful command, as an exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Something was found / done (exit 0).
    Found,
    /// Nothing matched (exit 1).
    NotFound,
    /// The command ran but not everything could be done, e.g. files skipped (exit 2).
    Partial,
    /// Stopped by Ctrl-C after committing what was done (exit 130, as shells do).
    Interrupted,
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Found => 0,
            Status::NotFound => 1,
            Status::Partial => 2,
            Status::Interrupted => 130,
        }
    }
}

/// Errors of the command line layer.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From the library.
    #[error(transparent)]
    Warta(#[from] Error),
    /// Writing output failed (a closed pipe is handled by `main`).
    #[error(transparent)]
    Io(#[from] io::Error),
    /// An evaluation could not run.
    #[error(transparent)]
    Eval(#[from] warta::evaluate::EvalError),
    /// The standard output could not be written (a full disk); a closed
    /// pipe is not an error.
    #[error("cannot write to standard output: {0}")]
    Output(String),
    /// A file given to `extract` cannot be read.
    #[error("{}: {reason}", .path.display())]
    File {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        reason: String,
    },
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Status, CliError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(output::Recording::new(stdout.lock()));
    let result = dispatch(cli, &mut out).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    // Whatever error the renderer made of a failed write, the write decides.
    match output::outcome() {
        output::Outcome::Written => result,
        output::Outcome::Closed => Ok(Status::Found),
        output::Outcome::Failed(why) => Err(CliError::Output(why)),
    }
}

fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<Status, CliError> {
    // Commands that read or write an index run guarded: a panic inside
    // tantivy (a damaged segment) is an error naming the index, never a crash.
    let status = match cli.command {
        Command::Index(a) => guarded(&a.index.index, || cmd_index(&a, out))?,
        Command::Search(a) => guarded(&a.index.index, || cmd_search(&a, out))?,
        Command::Facets(a) => guarded(&a.at.index.index, || analytics::cmd_facets(&a, out))?,
        Command::Timeline(a) => guarded(&a.at.index.index, || analytics::cmd_timeline(&a, out))?,
        Command::Terms(a) => guarded(&a.at.index.index, || analytics::cmd_terms(&a, out))?,
        Command::Show(a) => guarded(&a.index.index, || cmd_show(&a, out))?,
        Command::Extract(a) => cmd_extract(&a, out)?,
        Command::Analyze(a) => cmd_analyze(&a, out)?,
        Command::Eval(a) => cmd_eval(&a, out)?,
        Command::Merge(a) => cmd_merge(&a, out)?,
        Command::Gen(a) => cmd_gen(&a)?,
        Command::Serve(a) => crate::server::run(a)?,
        Command::Completions(a) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(a.shell, &mut cmd, "warta", out);
            Status::Found
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
            Status::Found
        }
    };
    Ok(status)
}

/// Runs a command that reads or writes the index given by `--index`: a
/// panic inside tantivy (a damaged segment) or data tantivy finds corrupt
/// becomes an error naming the index and its repair, never a crash.
fn guarded(
    given: &Option<std::path::PathBuf>,
    command: impl FnOnce() -> Result<Status, CliError>,
) -> Result<Status, CliError> {
    let (dir, _) = config::index_dir(given);
    match index::guard::catching(&dir, command)? {
        Err(CliError::Warta(e)) => Err(CliError::Warta(index::guard::name_damage(&dir, e))),
        other => other,
    }
}

fn cmd_index(a: &IndexArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let (dir, _) = config::index_dir(&a.index.index);
    // A FIFO or device as the corpus would be walked as nothing (or block).
    warta::input::refuse_special(&a.corpus, true).map_err(|source| {
        Error::from(warta::error::UserError::InputFile {
            what: "corpus",
            path: a.corpus.clone(),
            source,
        })
    })?;
    if a.check {
        let report = index::check(&dir)?;
        if a.json {
            render::json(out, &report)?;
        } else {
            render::check_text(out, &report)?;
        }
        return Ok(if report.problems.is_empty() { Status::Found } else { Status::Partial });
    }
    let mut opts = BuildOptions::new(&a.corpus, &dir);
    opts.heap_bytes = a.heap.saturating_mul(1024 * 1024);
    opts.roots = a.roots.clone();
    opts.officials = a.officials.clone();
    opts.threads = a.threads.unwrap_or(0);
    opts.rebuild = a.rebuild;
    opts.commit_every = a.commit_every;
    let report = build_with_progress(&mut opts, !a.quiet && !a.json)?;
    if a.json {
        render::json(out, &report)?;
    } else if !a.quiet
        || !report.skipped.is_empty()
        || !report.warnings.is_empty()
        || !report.repairs.is_empty()
        || report.interrupted
    {
        render::build_summary(&mut io::stderr().lock(), &report, &dir)?;
    }
    Ok(if report.interrupted {
        Status::Interrupted
    } else if report.skipped.is_empty() {
        Status::Found
    } else {
        Status::Partial
    })
}

fn cmd_merge(a: &args::MergeArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let report = index::merge::merge(&a.shards, &a.index, a.corpus.as_deref())?;
    if a.json {
        render::json(out, &report)?;
    } else if !a.quiet {
        eprintln!(
            "merged {} into {}: {} from {}, {} ({:.1} s)",
            text::plural(report.shards as u64, "shard", "shards"),
            a.index.display(),
            text::plural(report.articles, "article", "articles"),
            text::plural(report.files as u64, "file", "files"),
            text::plural(report.copy_groups as u64, "group of copies", "groups of copies"),
            report.elapsed_ms as f64 / 1000.0
        );
    }
    Ok(Status::Found)
}

/// The flag a Ctrl-C sets: the build stops feeding, commits and returns. A
/// second Ctrl-C exits at once (the last commit stays readable).
fn interrupt_flag() -> Option<Arc<AtomicBool>> {
    static FLAG: OnceLock<Option<Arc<AtomicBool>>> = OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let seen = flag.clone();
        ctrlc::set_handler(move || {
            if seen.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        })
        .ok()
        .map(|()| flag)
    })
    .clone()
}

/// Builds an index, with a progress bar (files, MB/s, ETA) when stderr is a terminal.
fn build_with_progress(opts: &mut BuildOptions, show: bool) -> Result<BuildReport, CliError> {
    opts.stop = interrupt_flag();
    let bar = (show && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing [{elapsed_precise}] {bar:30} {msg} {bytes}/{total_bytes}, \
                 {bytes_per_sec}, ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let (mut files_done, mut files_todo) = (0usize, 0usize);
    let mut on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            match p {
                Progress::Found(_) => {}
                Progress::Todo { files, bytes } => {
                    files_todo = files;
                    bar.set_length(bytes);
                    bar.reset_eta();
                }
                Progress::File { bytes, .. } => {
                    files_done += 1;
                    bar.inc(bytes);
                    if files_done % 64 == 0 || files_done == files_todo {
                        let rate = files_done as f64 / bar.elapsed().as_secs_f64().max(1e-3);
                        bar.set_message(format!("{files_done}/{files_todo} files ({rate:.0}/s)"));
                    }
                }
                Progress::Committing => {}
            }
        }
    };
    let report = index::build(opts, &mut on_progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(report?)
}

/// Opens the index for a query command; the default index is built (or
/// rebuilt) from `corpus` first when it is missing or stale.
/// Opens the index `--index` names, or the default one, built first from
/// `corpus` when it is missing or out of date.
pub fn open_index(
    given: &Option<std::path::PathBuf>,
    corpus: &Path,
) -> Result<WartaIndex, CliError> {
    let (dir, explicit) = config::index_dir(given);
    if !explicit
        && corpus.is_dir()
        && let Some(why) = default_index_needs_build(&dir, corpus)?
    {
        eprintln!("warta: {why}; building it from {}…", corpus.display());
        match build_with_progress(&mut BuildOptions::new(corpus, &dir), true) {
            Ok(report) => render::build_summary(&mut io::stderr().lock(), &report, &dir)?,
            // Another `warta index` is at work: search what it committed last.
            Err(CliError::Warta(Error::User(UserError::IndexLocked { .. })))
                if WartaIndex::exists(&dir) =>
            {
                eprintln!(
                    "warta: another `warta index` is updating {}; searching its last commit",
                    dir.display()
                );
            }
            // Nothing can be written there (a read-only copy): search it as it is.
            Err(CliError::Warta(Error::Internal(
                e @ warta::error::InternalError::Storage { .. },
            ))) if WartaIndex::exists(&dir) => {
                eprintln!("warta: {e}; searching the index as it is");
            }
            Err(e) => return Err(e),
        }
    }
    let index = WartaIndex::open(&dir)?;
    if index.info().pending {
        eprintln!(
            "warta: note: the index in {} is not finished (its last build was stopped); \
             run `warta index` again to complete it",
            dir.display()
        );
    }
    Ok(index)
}

fn cmd_search(a: &SearchArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let (request, output) = config::search_request(a)?;
    let index = open_index(&a.index.index, &a.corpus)?;
    let left_out = search::undated::left_out(
        &index,
        &request.query,
        &request.filters,
        request.aliases.as_deref(),
        &request.quoted_by,
    )?;
    note_undated(left_out);
    let notes = query_notes(&[&request.query]);
    if !matches!(output.format, FormatArg::Text | FormatArg::Json) {
        // Exports do not search: their notes on filter values come apart.
        note_absent(&index, &request.filters)?;
    }
    if output.format == FormatArg::Parquet {
        return analytics::export_parquet(&index, &request, &output);
    }
    if output.format == FormatArg::Opensearch {
        return analytics::export_opensearch(&index, &request, &output);
    }
    if matches!(output.format, FormatArg::Csv | FormatArg::Jsonl) {
        return analytics::export(&index, &request, &output, out);
    }
    let response = search::search(&index, &request)?;
    for note in &response.filter_notes {
        eprintln!("warta: note: {}", text::printable(note));
    }
    if output.json {
        let json = render::SearchJson::new(&response, request.dedup, left_out, &notes);
        render::json(out, &json)?;
    } else {
        render::search_text(out, &response, request.offset, &output)?;
        if let Some(explain) = &response.explain {
            render::explain_text(out, explain)?;
        }
    }
    let found = response.total > 0 || !response.hits.is_empty();
    Ok(if found { Status::Found } else { Status::NotFound })
}

/// The output format of a command (see [`config::format`]).
pub(crate) fn fmt(
    command: &str,
    given: Option<FormatArg>,
    json: bool,
    csv: bool,
    can: &[FormatArg],
) -> Result<FormatArg, CliError> {
    config::format(command, given, json, csv, can)
        .map_err(|e| Error::from(UserError::Usage(e)).into())
}

/// Filter values warta knows but no article of this index names (`--org
/// "BPJS Kesehatan"` in an index without its officials): said on stderr, so
/// an empty result (status 1) is not a mystery. Unknown values are errors.
pub(crate) fn note_absent(index: &WartaIndex, filters: &search::Filters) -> Result<(), CliError> {
    for note in search::filters::absent_notes(index, filters)? {
        eprintln!("warta: note: {}", text::printable(&note));
    }
    Ok(())
}

/// The notes on the queries of a command, said on stderr.
pub(crate) fn query_notes(queries: &[&str]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for q in queries {
        for n in search::notes::query_notes(q) {
            if !notes.contains(&n) {
                eprintln!("warta: note: {n}");
                notes.push(n);
            }
        }
    }
    notes
}

/// Says on stderr how many undated articles the date filters left out.
fn note_undated(left_out: u64) {
    if left_out > 0 {
        eprintln!(
            "warta: note: --from/--to left out {} without a date; --include-undated keeps them",
            text::count(left_out, false)
        );
    }
}

/// Why the default index must be (re)built before searching, if it must:
/// it does not exist yet, its build was interrupted, it has an older
/// format, or the corpus it was built from has changed since. An index
/// built from another folder is never touched.
fn default_index_needs_build(dir: &Path, corpus: &Path) -> Result<Option<String>, CliError> {
    if !WartaIndex::exists(dir) {
        return Ok(Some(format!("no index in {} yet (first run)", dir.display())));
    }
    let Ok(Some(info)) = index::IndexInfo::read(dir) else { return Ok(None) };
    let same_corpus = std::fs::canonicalize(corpus).is_ok_and(|c| c == info.corpus);
    if !same_corpus {
        return Ok(None);
    }
    if !info.complete || info.pending {
        return Ok(Some(format!("the index in {} was never finished", dir.display())));
    }
    if info.format != index::schema::FORMAT_VERSION {
        return Ok(Some(format!("the index in {} has an older format", dir.display())));
    }
    if index::corpus_fingerprint(corpus, dir)? != info.fingerprint {
        return Ok(Some(format!("{} changed since the index was built", corpus.display())));
    }
    Ok(None)
}

fn cmd_show(a: &ShowArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let (dir, _) = config::index_dir(&a.index.index);
    let index = WartaIndex::open(&dir)?;
    let stored = search::show(&index, &a.id)?;
    let view = ArticleView::new(Some(stored.id), stored.path, stored.article);
    if fmt("show", a.format, a.json, false, JSON_ONLY)? == Json {
        render::json(out, &view)?
    } else {
        render::article_text(out, &view)?
    }
    Ok(Status::Found)
}

fn cmd_extract(a: &ExtractArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let json = fmt("extract", a.format, a.json, false, JSON_LINES)? != Text;
    let file_error = |reason: String| CliError::File { path: a.file.clone(), reason };
    let registry = officials(a.officials.as_deref())?;
    let outcome = extract::reader::read_file(&a.file).map_err(|e| file_error(e.to_string()))?;
    for note in outcome.problems.iter().chain(&outcome.warnings) {
        eprintln!("warta: {}: {note}", a.file.display());
    }
    let path = a.file.display().to_string();
    for (i, (ordinal, raw)) in outcome.articles.iter().enumerate() {
        let id = ordinal.map(|n| format!("{path}#{n}"));
        let view = ArticleView::new(id, path.clone(), extract::extract_with(raw, &registry));
        if json {
            output::json_line(out, &view)?;
        } else {
            if i > 0 {
                writeln!(out, "\n---\n")?;
            }
            render::article_text(out, &view)?;
        }
    }
    // As `warta index`: an entry left out (a bad JSON Lines line) makes the run partial.
    Ok(match (outcome.articles.is_empty(), outcome.problems.is_empty()) {
        (true, true) => Status::NotFound,
        (false, true) => Status::Found,
        (_, false) => Status::Partial,
    })
}

fn cmd_analyze(a: &AnalyzeArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let json = fmt("analyze", a.format, a.json, false, JSON_ONLY)? == Json;
    let roots = match &a.roots {
        Some(path) => index::analysis::read_roots(path)?,
        None => Vec::new(),
    };
    let config = index::analysis::config(roots, Registry::builtin());
    let views = render::Views {
        exact: config.analyze(View::Exact, &a.text),
        stemmed: config.analyze(View::Stemmed, &a.text),
        thesaurus: a.explain.then(|| render::Thesaurus {
            applied: !a.no_expand,
            expansions: warta::search::thesaurus::expansions(&a.text),
        }),
    };
    if json {
        render::json(out, &views)?;
    } else {
        render::tokens_text(out, &a.text, &views)?;
    }
    Ok(if views.exact.is_empty() { Status::NotFound } else { Status::Found })
}

/// The shipped registry of officials, with the rows of a user's file (`--officials FILE`).
fn officials(given: Option<&Path>) -> Result<Cow<'static, Registry>, CliError> {
    Ok(match given {
        Some(path) => Cow::Owned(index::analysis::read_officials(path)?),
        None => Cow::Borrowed(Registry::builtin()),
    })
}

fn cmd_eval(a: &EvalArgs, out: &mut dyn Write) -> Result<Status, CliError> {
    let json = fmt("eval", a.format, a.json, false, JSON_ONLY)? == Json;
    let gold = warta::evaluate::read_gold(&a.gold)?;
    let registry = officials(a.officials.as_deref())?;
    let report = warta::evaluate::evaluate(&gold, &a.corpus, &registry)?;
    if json {
        render::json(out, &report)?;
    } else {
        render::eval_text(out, &report)?;
    }
    Ok(Status::Found)
}

fn cmd_gen(a: &GenArgs) -> Result<Status, CliError> {
    let opts = warta::synth::GenOptions { seed: a.seed, copies: a.copies.clamp(0.0, 1.0) };
    let threads =
        a.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let started = std::time::Instant::now();
    let report = warta::synth::write_corpus(&a.out, a.articles, &opts, a.jsonl.as_deref(), threads)
        .map_err(|e| CliError::File { path: a.out.clone(), reason: e.to_string() })?;
    eprintln!(
        "warta: generated {} articles ({} copies, {:.1} MB) in {:.1} s",
        report.articles,
        report.copies,
        report.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(Status::Found)
}

impl CliError {
    /// Whether this is a write to a closed pipe (`warta search … | head`),
    /// which is not an error for a command-line tool.
    pub fn is_broken_pipe(&self) -> bool {
        let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(self);
        while let Some(e) = cur {
            let io = match e.downcast_ref::<CliError>() {
                Some(CliError::Io(io)) => Some(io),
                _ => e.downcast_ref::<io::Error>(),
            };
            if io.is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe) {
                return true;
            }
            cur = e.source();
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipes_are_recognised() {
        let e = CliError::Io(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(e.is_broken_pipe());
        assert!(!CliError::Io(io::Error::from(io::ErrorKind::NotFound)).is_broken_pipe());
    }

    #[test]
    fn exit_codes_follow_grep() {
        assert_eq!(Status::Found.code(), 0);
        assert_eq!(Status::NotFound.code(), 1);
        assert_eq!(Status::Partial.code(), 2);
        assert_eq!(Status::Interrupted.code(), 130);
    }
}
