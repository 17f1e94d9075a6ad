#!/usr/bin/env bash
# Instructions per round of each query class of bench/queries.tsv, plus five long queries whose
# every-word set does not fill a page, counted by valgrind's callgrind (immune to other load on the
# machine). For BENCHMARKS.md's "Ranking with partial matches".
#
#   bench/ranking_cost.sh BENCH_QUERIES INDEX_DIR
#
# BENCH_QUERIES is a release build of examples/bench_queries (of any revision: build an old one in
# its own git worktree and index the same corpus with that revision's warta, e.g.
# `warta gen --out DIR --articles 20000 --seed 1`). Per round = (instructions with 2 rounds - with 0
# rounds) / 2: every query has run once before (bench_queries' warm-up). "cold" = the warm-up run of
# the long queries alone (instructions with 0 rounds - opening the index with no query).
# Written by the warta project (CC0).
set -euo pipefail
BIN=$1
IDX=$2
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
HEADER=$(grep -v '^#' "$HERE/queries.tsv" | head -1)
for class in $(grep -v '^#' "$HERE/queries.tsv" | tail -n +2 | cut -f1 | uniq); do
  { echo "$HEADER"; grep -v '^#' "$HERE/queries.tsv" | tail -n +2 | awk -F'\t' -v c="$class" '$1 == c'; } >"$TMP/$class.tsv"
done
{
  echo "$HEADER"
  for q in "pemda tanggung iuran pekerja rentan" "pekerja rentan Sumatera Barat" \
    "Jamsostek pekerja informal Papua" "kecelakaan kerja proyek konstruksi" "santunan kematian ahli waris"; do
    printf 'long\t%s\t\t\t\t\n' "$q"
  done
} >"$TMP/long.tsv"
echo "$HEADER" >"$TMP/empty.tsv"
ins() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$IDX" "$1" "$2" 2>&1 >/dev/null |
    sed -n 's/.*Collected : //p'
}
for f in "$TMP"/*.tsv; do
  class=$(basename "$f" .tsv)
  [ "$class" = empty ] && continue
  zero=$(ins "$f" 0)
  two=$(ins "$f" 2)
  python3 -c "print('$class', round(($two - $zero) / 2 / 1e6, 1))"
done
empty=$(ins "$TMP/empty.tsv" 0)
cold=$(ins "$TMP/long.tsv" 0)
python3 -c "print('long cold', round(($cold - $empty) / 1e6, 1))"
