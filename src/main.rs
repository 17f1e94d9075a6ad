//! `warta`: the binary. Parses the command line, runs it, and turns the
//! outcome into an exit status (0 found, 1 nothing found, 2 error). A closed
//! pipe (`warta search … | head`) ends quietly with status 0.

use std::process::ExitCode;

use clap::Parser;
use warta::cli::{self, Cli};

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
