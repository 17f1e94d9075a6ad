//! Integration tests: the real `warta` binary over temporary corpora.
//! If you add a flag or an exit status, test it here.

// Fixture articles written for these tests.
mod fixtures;
// TestEnv: a temp corpus + index and a runner for the binary.
mod util;
// A running `warta serve` and a small HTTP client.
mod http;

// `warta index`: walking, reading, skipping, summaries, exit codes.
mod index_cmd;
// Incremental re-indexing, --rebuild, kill -9, Ctrl-C, the writer lock.
mod incremental;
// `warta search`: query syntax, every filter, output formats, exit codes.
mod search_cmd;
// Paging in text: the footer's count and next --offset.
mod paging;
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
// Filter values: unknown ones, known ones no article names, another filter's values.
mod filter_values;
// `warta merge`: shards merged equal a single build; refusals.
mod merge_cmd;
// `warta serve`: the JSON API (every endpoint, errors, concurrency, the CLI's answers).
mod serve_api;
// `warta serve`'s connections: stalled and idle clients are disconnected, keep-alive works.
mod serve_conn;
// `warta serve`'s web UI in headless Chromium (Playwright), when installed.
mod serve_browser;
// The Python and R examples against a live `warta serve`.
mod serve_examples;
// `warta search --format parquet`: the rows of jsonl, read back by pyarrow and DuckDB.
mod parquet_cmd;
// `warta search --format opensearch`: template and bulk files, by shape and golden files.
mod opensearch_cmd;
// `scale/build.py`: shards built by Dask workers and merged equal a single build.
mod scale_cmd;
// Dates known only to the month or year in `timeline` and `facets`.
mod coarse_dates;
