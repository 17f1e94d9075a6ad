//! How a build shares its threads between extraction and indexing.
//!
//! A build runs two pools that are both busy the whole time: workers that
//! read, extract and build documents ([`super::pipeline`]) and tantivy's
//! indexing threads, which analyse the documents and write segments. Giving
//! each pool one thread per core puts twice as many busy threads as cores on
//! the machine: the threads then take turns on each core, each evicting the
//! others' tables from its caches, and the same work costs more CPU. On two
//! cores, at 100,000 articles, two workers and two indexing threads took
//! 58-84 CPU seconds in five rounds, one of each 54-56 in the same rounds, in
//! the same wall time or less (BENCHMARKS.md). So the cores are shared out
//! instead: half index, half extract, the indexing half rounded up because
//! tantivy's share of a build is the larger one, and each pool has at least
//! one thread.

/// The threads of one build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Threads {
    /// Workers that read and extract files and build documents.
    pub workers: usize,
    /// tantivy's indexing threads (each writes its own segments).
    pub indexers: usize,
}

impl Threads {
    /// The split of `total` threads (0: one per core).
    pub fn for_build(total: usize) -> Threads {
        let total = match total {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        Threads::split(total)
    }

    /// `total` threads shared out: the indexing half rounded up, the rest
    /// extracting, at least one of each.
    pub fn split(total: usize) -> Threads {
        let indexers = total.div_ceil(2).max(1);
        let workers = total.saturating_sub(indexers).max(1);
        Threads { workers, indexers }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cores_run_one_worker_and_one_indexer() {
        assert_eq!(Threads::split(2), Threads { workers: 1, indexers: 1 });
    }

    #[test]
    fn one_thread_still_runs_both_pools() {
        assert_eq!(Threads::split(1), Threads { workers: 1, indexers: 1 });
        assert_eq!(Threads::split(0), Threads { workers: 1, indexers: 1 });
    }

    #[test]
    fn the_indexing_half_is_rounded_up() {
        assert_eq!(Threads::split(3), Threads { workers: 1, indexers: 2 });
        assert_eq!(Threads::split(8), Threads { workers: 4, indexers: 4 });
        assert_eq!(Threads::split(9), Threads { workers: 4, indexers: 5 });
    }

    #[test]
    fn never_more_busy_threads_than_asked_from_two_on() {
        for total in 2..64 {
            let t = Threads::split(total);
            assert_eq!(t.workers + t.indexers, total, "{total}");
            assert!(t.indexers >= t.workers, "{total}");
        }
    }

    #[test]
    fn zero_means_one_per_core() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(Threads::for_build(0), Threads::split(cores));
    }
}
