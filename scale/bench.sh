#!/usr/bin/env bash
# Measures warta beyond one process and writes BENCHMARKS.md's "Scale out" section.
#
#   scale/bench.sh compare [N]   `warta index` alone vs scale/build.py on 2 local workers (default 100000)
#   scale/bench.sh build [M]     scale/build.py over M articles on 2 local workers, index kept (default 1000000)
#   scale/bench.sh query [M]     search at M over that index: query classes, copies, `warta search` process
#   scale/bench.sh search [M]    build, then query
#   scale/bench.sh export [M]    Parquet of part and of all of that index: time, heap, mapped pages
#   scale/bench.sh report        writes the section from target/bench/scale-out-*.json
#
# Builds warta and its bench examples in release mode first; Dask comes from target/pyenv
# (.ci/test-env.sh installs it). Needs GNU time. `search 1000000` needs about 13 GB under target/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "scale-bench: /usr/bin/time (GNU time) is required" >&2; exit 2; }
PY=${SCALE_PYTHON:-target/pyenv/bin/python}
[[ -x $PY ]] || { echo "scale-bench: no $PY: run .ci/test-env.sh first" >&2; exit 2; }
if [[ ${1:-} != report && -z ${SCALE_WARTA:-} ]]; then
  echo "scale-bench: building warta (release)" >&2
  cargo build --release --quiet --bin warta --example bench_queries --example bench_copies
fi
mkdir -p target/bench
SCALE_PYTHON=$PY exec "$PY" scale/bench.py "$@"
