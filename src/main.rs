//! `warta`: the binary. Parses the command line, runs it, and turns the
//! outcome into an exit status (0 found, 1 nothing found, 2 error). A closed
//! pipe (`warta search … | head`) ends quietly with status 0.

use std::process::ExitCode;

use clap::Parser;
use warta::cli::{self, Cli};

/// mimalloc instead of the system allocator: indexing hands documents from
/// extraction threads to tantivy's threads, and glibc's per-thread arenas
/// kept the freed memory (peak RSS at 100,000 articles: see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run(Cli::parse()) {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            // Every error message already names its cause.
            eprintln!("warta: {err}");
            ExitCode::from(2)
        }
    }
}
