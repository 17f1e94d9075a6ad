"""Query latency in alternating runs: warta's in-process `search()` (`examples/bench_queries`) and
tantivy-cli's `bench` on the same query set, one after the other, several times, so that the ratio
of their p50s compares runs made seconds apart rather than minutes (the machines' speed drifts by
tens of percent within minutes). Each run reports per class a p50 and a p95; the report gives the
median of the runs' figures, and the `full` target each run's ratio. Standard library only.
"""

import json
import statistics
import subprocess
from pathlib import Path

from measure import ROOT, log, percentile

QUERIES = Path(__file__).resolve().parent / "queries.tsv"

# Alternating runs; the query set's rounds (`--rounds`) are spread over them.
RUNS = 4


def run(args, warta_idx, tantivy_idx, queries, work):
    """RUNS alternating runs of warta's and (when tantivy_idx) tantivy-cli's query benches:
    {"runs": [{"warta": {class: {p50_ms, p95_ms, runs}}, "tantivy": {...}}], "rounds": r}."""
    rounds = max(1, args.rounds // RUNS)
    res = dict(runs=[], rounds=rounds)
    for i in range(RUNS):
        log(f"queries, run {i + 1} of {RUNS}: {rounds} rounds each")
        one = {"warta": warta_run(warta_idx, rounds)}
        if tantivy_idx:
            one["tantivy"] = tantivy_run(Path(args.tantivy), tantivy_idx, queries, rounds, work)
        res["runs"].append(one)
    return res


def warta_run(idx, rounds):
    out = subprocess.run([ROOT / "target/release/examples/bench_queries", idx, QUERIES, str(rounds)],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    return {d["class"]: d for d in map(json.loads, out.splitlines())}


def tantivy_run(tantivy, idx, queries, rounds, work):
    qfile = work / "tantivy-queries.txt"
    qfile.write_text("".join(q["tantivy"] + "\n" for q in queries))
    out = subprocess.run([tantivy, "bench", "-i", idx, "-q", qfile, "-n", str(rounds)],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    # SEARCH and FETCH sections: "query<TAB>num hits<TAB>time in microsecs" (the time last).
    by_query = {}
    section = None
    for line in out.splitlines():
        if line.startswith("SEARCH"):
            section = "search"
            continue
        if line.startswith("FETCH"):
            section = "fetch"
            continue
        cols = line.split("\t")
        if section and len(cols) >= 2 and cols[-1].strip().isdigit() and cols[0] != "query":
            by_query.setdefault((section, cols[0]), []).append(int(cols[-1]) / 1e3)
    res = {}
    for cls in dict.fromkeys(q["cls"] for q in queries):
        times = []
        for q in queries:
            if q["cls"] == cls:
                s = by_query.get(("search", q["tantivy"]), [])
                f = by_query.get(("fetch", q["tantivy"]), [])
                # search + fetching the top-10 stored docs, as a result list needs
                times += [a + b for a, b in zip(s, f)] if f else s
        res[cls] = dict(p50_ms=percentile(times, 0.5), p95_ms=percentile(times, 0.95),
                        runs=len(times))
    return res


def summary(res, engine):
    """Per class, the median over the runs of their p50 and p95, and the runs' query count."""
    classes = dict.fromkeys(c for one in res["runs"] for c in one.get(engine, {}))
    out = {}
    for cls in classes:
        got = [one[engine][cls] for one in res["runs"] if cls in one.get(engine, {})]
        out[cls] = dict(p50_ms=statistics.median(g["p50_ms"] for g in got),
                        p95_ms=statistics.median(g["p95_ms"] for g in got),
                        runs=sum(g["runs"] for g in got))
    return out


def full_ratios(res, cls="full"):
    """Each run's warta / tantivy-cli p50 ratio of a class."""
    return [one["warta"][cls]["p50_ms"] / one["tantivy"][cls]["p50_ms"]
            for one in res["runs"]
            if cls in one.get("warta", {}) and cls in one.get("tantivy", {})
            and one["tantivy"][cls]["p50_ms"]]
