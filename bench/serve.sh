#!/usr/bin/env bash
# `warta serve` under load (examples/bench_serve.rs): HTTP p50/p95 of the
# `full` query class next to the in-process search() in the same run,
# throughput with 8 concurrent clients, server RSS over REQUESTS requests.
#   bench/serve.sh [ARTICLES=5000] [REQUESTS=10000]
# Uses a synthetic corpus (`warta gen`) in target/bench-serve/. Run it on an
# otherwise idle machine: other load distorts every number.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-5000}
requests=${2:-10000}
work=target/bench-serve/$articles
cargo build --release --locked --quiet --bin warta --example bench_serve
bin=target/release/warta
if [[ ! -f $work/index/meta.json ]]; then
  rm -rf "$work"
  mkdir -p "$work"
  "$bin" gen --articles "$articles" --out "$work/corpus" >&2
  "$bin" index "$work/corpus" --index "$work/index" --quiet
fi
log=$work/serve.log
"$bin" serve --index "$work/index" --bind 127.0.0.1:0 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  addr=$(sed -n 's|.*serving on http://\([^/]*\)/.*|\1|p' "$log")
  [[ -n $addr ]] && break
  sleep 0.1
done
[[ -n ${addr:-} ]] || { cat "$log" >&2; exit 1; }
echo "{\"articles\":$articles,\"cores\":$(nproc)}"
target/release/examples/bench_serve "$work/index" bench/queries.tsv "$addr" "$pid" "$requests"
