//! `warta`: the binary. Parses the command line, runs it, and turns the
//! outcome into an exit status (0 found, 1 nothing found, 2 error). A closed
//! pipe (`warta search … | head`) ends quietly with status 0.

use std::process::ExitCode;

mod allocator;
mod cli;
mod server;

use clap::Parser;
use cli::Cli;

/// mimalloc instead of the system allocator: indexing hands documents from
/// extraction threads to tantivy's threads, and glibc's per-thread arenas
/// kept the freed memory (peak RSS at 100,000 articles: see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: allocator::Allocator = allocator::Allocator;

fn main() -> ExitCode {
    allocator::disable_huge_pages();
    let cli = Cli::parse();
    if matches!(cli.command, cli::args::Command::Index(_) | cli::args::Command::Merge(_)) {
        allocator::purge_at_once();
    }
    match cli::run(cli) {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            // Every error message already names its cause.
            eprintln!("warta: {err}");
            ExitCode::from(2)
        }
    }
}
