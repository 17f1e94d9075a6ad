#!/usr/bin/env bash
# Runs every fuzz target for a bounded time: `fuzz/run.sh [SECONDS_PER_TARGET]` (default 120).
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). The machine's stable
# toolchain is enough: RUSTC_BOOTSTRAP=1 lets it take the sanitizer flags
# cargo-fuzz passes. Seeds: the bundled corpus (for the reader) and a few
# queries. New inputs are kept in fuzz/corpus/ (git-ignored); a crash is saved
# in fuzz/artifacts/<target>/ and the run stops with its path. Turn every
# crash into a committed regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-120}"
export RUSTC_BOOTSTRAP=1

mkdir -p corpus/read_extract corpus/query_parse corpus/analyze
cp -n ../corpus/*.txt ../corpus/*.json ../corpus/*.jsonl corpus/read_extract/ 2>/dev/null || true
cp -n ../corpus/*.txt corpus/analyze/ 2>/dev/null || true
i=0
for q in 'perlindungan pekerja' '"jaminan hari tua" -JKP' '(JHT OR JKP) AND title:klaim' \
         'body:"kata Asep' 'province:Jatim ((' '* -' 'BPJAMSOSTEK OR "BP Jamsostek"'; do
    printf '%s' "$q" > "corpus/query_parse/seed$i"; i=$((i + 1))
done

for target in read_extract query_parse analyze; do
    echo "== fuzz $target for ${secs}s"
    cargo fuzz run --release "$target" -- -max_total_time="$secs" -max_len=65536 -timeout=10 \
        -print_final_stats=1
done
