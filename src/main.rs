//! `warta`: the binary. Parses the command line, runs it, and turns the
//! outcome into an exit status (0 found, 1 nothing found, 2 error). A closed
//! pipe (`warta search … | head`) ends quietly with status 0.

use std::process::ExitCode;

mod cli;
mod server;

use clap::Parser;
use cli::Cli;

/// mimalloc instead of the system allocator: indexing hands documents from
/// extraction threads to tantivy's threads, and glibc's per-thread arenas
/// kept the freed memory (peak RSS at 100,000 articles: see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// No transparent huge pages for this process. mimalloc asks the kernel for
/// huge pages on its arenas, so every first touch of a 2 MiB region faults in
/// (and zeroes) the whole of it: at 10,000 articles `warta index` peaked at
/// about 310 MB with them and about 225 MB without, and page zeroing was 6% of
/// its CPU profile (BENCHMARKS.md has the 100,000-article figures). Called
/// before any real work, so no huge page has been touched yet.
fn disable_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and only sets a flag on
    // this process's memory map; a failure (old kernel) changes nothing.
    unsafe {
        let (on, unused): (libc::c_ulong, libc::c_ulong) = (1, 0);
        libc::prctl(libc::PR_SET_THP_DISABLE, on, unused, unused, unused);
    }
}

/// mimalloc's `purge_delay` option (its number in mimalloc 3's `mi_option_e`).
const MI_OPTION_PURGE_DELAY: libc::c_int = 15;

unsafe extern "C" {
    /// Sets a mimalloc option (`mimalloc.h`; linked in by `libmimalloc-sys`).
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
    /// Reads a mimalloc option.
    fn mi_option_get(option: libc::c_int) -> libc::c_long;
}

/// Memory freed while indexing goes back to the system at once. mimalloc
/// keeps freed pages for a second by default (mimalloc 3), and in a build, where
/// extraction threads free what tantivy's threads allocate, that delay kept
/// about 25 MB more resident at the peak (20,000 articles; no measurable
/// CPU cost: BENCHMARKS.md). The user's `MIMALLOC_PURGE_DELAY` still wins.
/// Only for the building commands: a server's short requests would return
/// and fault in the same pages again.
fn purge_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: both take an option number and a plain integer; mimalloc
    // reads its options on each purge, so setting one at any time is sound.
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        debug_assert_eq!(mi_option_get(MI_OPTION_PURGE_DELAY), 0);
    }
}

fn main() -> ExitCode {
    disable_huge_pages();
    let cli = Cli::parse();
    if matches!(cli.command, cli::args::Command::Index(_) | cli::args::Command::Merge(_)) {
        purge_at_once();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The option number is mimalloc's own, declared here by hand: its default
    /// (1,000 ms in mimalloc 3) shows that the number still names the purge delay in the
    /// mimalloc that is linked in.
    #[test]
    fn the_option_number_names_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads an option; see `purge_at_once`.
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
    }
}
