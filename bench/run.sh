#!/usr/bin/env bash
# Benchmarks warta against tantivy-cli and SQLite FTS5 on a generated corpus and writes BENCHMARKS.md.
#
#   bench/run.sh [N]        N articles (default 100000)
#   bench/run.sh --quick    5,000 articles, fewer rounds: for trying the script
#   bench/run.sh --scale N  warta's full index of N articles alone (time, peak RSS, size), recorded in
#                           target/bench/scale-N.json and shown in the next BENCHMARKS.md
#
# Steps: release build of warta (+ examples/bench_queries, dump_views, index_parts), corpus generation into
# target/bench/corpus-N (+ corpus-N.jsonl; reused when present), tantivy-cli installed into
# target/bench-tools if missing, then bench/bench.py measures the three engines and writes
# BENCHMARKS.md. The indexing CPU target is judged over alternating rounds (bench/index_cpu.py):
# each round runs warta's full index, tantivy-cli's, and with "floor" warta's parts alone
# (tantivy-cli indexing the tokens of warta's two views from examples/dump_views, the analyzers
# alone, the extraction alone) and the build's steps one after another on one thread
# (examples/index_parts), which add up to the whole.
# Environment: BENCH_THREADS (tantivy-cli indexing threads, default 2), BENCH_ROUNDS, BENCH_SPAWNS,
# BENCH_CPU_ROUNDS (default 3), BENCH_OUT (report path), BENCH_ENGINES (default
# warta,tantivy,fts5,floor).
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"

N=100000 ROUNDS=${BENCH_ROUNDS:-20} SPAWNS=${BENCH_SPAWNS:-30} CMD="bench/run.sh" SCALE=""
case "${1:-}" in
  --quick) N=5000 ROUNDS=${BENCH_ROUNDS:-10} CMD="bench/run.sh --quick" ;;
  --scale) N=${2:?--scale needs a number of articles} SCALE=--scale-only CMD="bench/run.sh --scale $2" ;;
  "") ;;
  *) N=$1 CMD="bench/run.sh $1" ;;
esac
THREADS=${BENCH_THREADS:-2}
OUT=${BENCH_OUT:-BENCHMARKS.md}
ENGINES=${BENCH_ENGINES:-warta,tantivy,fts5,floor}
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time (GNU time) is required" >&2; exit 2; }

echo "bench: building warta (release)" >&2
cargo build --release --quiet --bin warta --example bench_queries --example dump_views \
  --example index_parts

BENCH=target/bench
mkdir -p "$BENCH"
# Disk per article: ~4.7 KB of .txt files (+3.6 KB of JSON Lines, twice with the edited copy);
# indexes: warta ~5.3 KB (more while segments merge: a 1M run filled a disk at 4.9 GB), tantivy-cli
# ~3.1 KB, FTS5 ~6.2 KB. --scale needs the .txt files and warta's index only.
if [[ -n $SCALE ]]; then PER_KB=12 CORPUS_KB=5; else PER_KB=27 CORPUS_KB=9; fi
[[ -f $BENCH/corpus-$N.done ]] && PER_KB=$(( PER_KB - CORPUS_KB ))
NEED_KB=$(( N * PER_KB ))
FREE_KB=$(df -Pk "$BENCH" | awk 'NR==2 {print $4}')
if (( FREE_KB < NEED_KB )); then
  echo "bench: about $((NEED_KB / 1024 / 1024)) GB of free disk needed under $BENCH, $((FREE_KB / 1024 / 1024)) GB free" >&2
  exit 2
fi
CORPUS=$BENCH/corpus-$N
JSONL=$BENCH/corpus-$N.jsonl
mkdir -p "$BENCH"
if [[ ! -f $CORPUS.done ]]; then
  echo "bench: generating $N articles into $CORPUS" >&2
  rm -rf "$CORPUS" "$JSONL"
  # Its summary line ("generated N articles (C copies, M MB) in S s") is kept for the report.
  GEN=(target/release/warta gen --out "$CORPUS" --articles "$N" --seed 1)
  [[ -n $SCALE ]] || GEN+=(--jsonl "$JSONL")  # --scale indexes with warta alone: no JSON Lines
  "${GEN[@]}" 2> "$CORPUS.log"
  cat "$CORPUS.log" >&2
  mv "$CORPUS.log" "$CORPUS.done"
fi
if [[ -n $SCALE ]]; then
  exec python3 bench/bench.py --scale-only --articles "$N" --corpus "$CORPUS" --jsonl "$JSONL" \
    --work "$BENCH/work-$N" --gen-log "$CORPUS.done" --load "$LOAD"
fi
# The RSS target's second size: a smaller corpus, indexed by warta and tantivy-cli in alternating rounds.
SMALL_N=20000 SMALL=()
if (( N > SMALL_N )) && [[ $ENGINES == *tantivy* ]]; then
  SMALL_CORPUS=$BENCH/corpus-$SMALL_N
  if [[ ! -f $SMALL_CORPUS.done ]]; then
    echo "bench: generating $SMALL_N articles into $SMALL_CORPUS" >&2
    rm -rf "$SMALL_CORPUS" "$SMALL_CORPUS.jsonl"
    target/release/warta gen --out "$SMALL_CORPUS" --articles "$SMALL_N" --seed 1 \
      --jsonl "$SMALL_CORPUS.jsonl" 2> "$SMALL_CORPUS.log"
    mv "$SMALL_CORPUS.log" "$SMALL_CORPUS.done"
  fi
  SMALL=(--small-corpus "$SMALL_CORPUS" --small-jsonl "$SMALL_CORPUS.jsonl" --small-articles "$SMALL_N")
fi
TANTIVY=target/bench-tools/bin/tantivy
if [[ $ENGINES == *tantivy* && ! -x $TANTIVY ]]; then
  echo "bench: installing tantivy-cli into target/bench-tools (takes minutes)" >&2
  # tantivy-cli 0.24's lock file pins traitobject 0.1.0, which no longer compiles: resolve afresh.
  cargo install tantivy-cli --root target/bench-tools --quiet
fi
[[ -x $TANTIVY ]] || TANTIVY=""

python3 bench/bench.py --articles "$N" --corpus "$CORPUS" --jsonl "$JSONL" --work "$BENCH/work-$N" \
  --tantivy "$TANTIVY" --threads "$THREADS" --rounds "$ROUNDS" --spawns "$SPAWNS" \
  --cpu-rounds "${BENCH_CPU_ROUNDS:-3}" \
  --gen-log "$CORPUS.done" --command "$CMD" --out "$OUT" --engines "$ENGINES" --load "$LOAD" "${SMALL[@]}"
