//! Integration tests: the real `warta` binary over temporary corpora.
//! If you add a flag or an exit status, test it here.

// Fixture articles written for these tests.
mod fixtures;
// TestEnv: a temp corpus + index and a runner for the binary.
mod util;

// `warta index`: walking, reading, skipping, summaries, exit codes.
mod index_cmd;
// Incremental re-indexing, --rebuild, kill -9, Ctrl-C, the writer lock.
mod incremental;
// `warta search`: query syntax, every filter, output formats, exit codes.
mod search_cmd;
// `warta show`, `warta extract`, `warta analyze`.
mod other_cmds;
// Word families, confusable pairs and aliases through the real index.
mod retrieval;
// `warta eval` against the gold annotations (extraction targets).
mod extraction_eval;
// `warta gen` (hidden): the synthetic benchmark corpus indexes and searches.
mod gen_cmd;
// The shared seed articles, when ../shared/seeds exists.
mod seeds;
// Dirty files, hostile queries, damaged indexes.
mod robustness;
// `warta facets`, `timeline`, `terms`, exports and syndicated copies.
mod analytics;
// User input at its edges: file limits and types, the date range, warnings, terms.
mod reliability_input;
// The index's safety: foreign files, rebuilds beside, exact ids, damage, file systems.
mod reliability_index;
// Ranking quality on eval/relevance (nDCG@10, P@5, R@20 floors).
mod relevance;
// The contract with scripts and people: pipes, counts, settings, formats.
mod cli_contract;
// `warta merge`: shards merged equal a single build; refusals.
mod merge_cmd;
// `scale/build.py`: shards built by Dask workers and merged equal a single build.
mod scale_cmd;
