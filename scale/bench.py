#!/usr/bin/env python3
"""Measures warta beyond one process and writes the "Scale out" section of
BENCHMARKS.md (run through scale/bench.sh, which builds the release binary).

    scale/bench.sh compare N   `warta index` alone vs scale/build.py on 2 local
                               workers over N generated articles (wall, CPU, RSS)
    scale/bench.sh build M     scale/build.py over M articles on 2 local workers,
                               its index kept
    scale/bench.sh query M     search at M over that index: in-process query
                               classes, the copies file, `warta search` process
                               time and peak RSS
    scale/bench.sh search M    build, then query
    scale/bench.sh export M    Parquet of a tenth of the articles and of all of
                               them from that index: time, heap and mapped pages
    scale/bench.sh report      writes the section from what was recorded

Results go to target/bench/scale-out-*.json. The machine may be shared:
each record holds the load average at its start and end, and CPU seconds
(user + system of every process, /usr/bin/time) are the main figure.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "target" / "bench"
PYTHON = os.environ.get("SCALE_PYTHON", sys.executable)
WARTA = Path(os.environ.get("SCALE_WARTA", ROOT / "target/release/warta"))
EXAMPLES = ROOT / "target/release/examples"
BEGIN = "<!-- scale-out: written by scale/bench.sh report -->"
END = "<!-- /scale-out -->"


def log(msg):
    print(f"scale-bench: {msg}", file=sys.stderr, flush=True)


def load():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def rev():
    """The revision the measured binary was built from (`warta --version`
    ends with it), which may differ from the checkout's."""
    out = subprocess.run([WARTA, "--version"], capture_output=True, text=True)
    m = re.search(r"\(([0-9a-f]{7})[0-9a-f]*", out.stdout)
    return m.group(1) if m else "unknown"


def timed(cmd, stdout=subprocess.DEVNULL):
    """(wall s, CPU s of the command and all it waited for, peak RSS bytes of
    its largest process) under /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-v", "-o", tf.name] + [str(c) for c in cmd]
        started = time.perf_counter()
        proc = subprocess.run(full, stdout=stdout, stderr=subprocess.PIPE)
        wall = time.perf_counter() - started
        report = Path(tf.name).read_text()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n"
                         + proc.stderr.decode(errors="replace")[-3000:])
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) * 1024
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", report))
    return wall, cpu, rss


def du(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def corpus(n):
    """target/bench/corpus-N, generated once (shared with bench/run.sh)."""
    path = BENCH / f"corpus-{n}"
    done = BENCH / f"corpus-{n}.done"
    if not done.exists():
        log(f"generating {n:,} articles into {path}")
        shutil.rmtree(path, ignore_errors=True)
        out = subprocess.run([WARTA, "gen", "--out", path, "--articles", str(n), "--seed", "1"],
                             capture_output=True, text=True, check=True)
        done.write_text(out.stderr)
    return path


def distributed(src, work, export="none"):
    """scale/build.py on a local cluster of 2 workers; its build.json plus
    the whole run's wall, CPU and peak RSS."""
    shutil.rmtree(work, ignore_errors=True)
    cmd = [PYTHON, ROOT / "scale/build.py", src, "--out", work, "--workers", "2",
           "--export", export, "--warta", WARTA]
    wall, cpu, rss = timed(cmd)
    report = json.loads((Path(work) / "build.json").read_text())
    return dict(wall=wall, cpu=cpu, rss=rss, build=report, index_bytes=du(Path(work) / "index"),
                shard_bytes=sum(s["shard_bytes"] for s in report["shards"]))


def total(index):
    out = subprocess.run([WARTA, "search", "*", "--index", index, "--json", "--limit", "1"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["total"]


def compare(n):
    src = corpus(n)
    work = BENCH / f"scale-out-{n}"
    work.mkdir(parents=True, exist_ok=True)
    rec = dict(articles=n, load_start=load(), rev=rev(), date=time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
               cores=os.cpu_count())
    single = work / "single"
    shutil.rmtree(single, ignore_errors=True)
    log(f"`warta index` alone over {n:,} articles")
    wall, cpu, rss = timed([WARTA, "index", src, "--index", single, "--quiet"])
    rec["single"] = dict(wall=wall, cpu=cpu, rss=rss, index_bytes=du(single))
    log(f"  {wall:.0f} s wall, {cpu:.0f} s CPU; scale/build.py on 2 workers")
    rec["dist"] = distributed(src, work / "dist")
    rec["load_end"] = load()
    rec["same_total"] = total(single) == total(work / "dist" / "index")
    shutil.rmtree(single, ignore_errors=True)
    shutil.rmtree(work / "dist", ignore_errors=True)
    (BENCH / f"scale-out-compare-{n}.json").write_text(json.dumps(rec, indent=1))
    log(f"  {rec['dist']['wall']:.0f} s wall, {rec['dist']['cpu']:.0f} s CPU")


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


def build(m):
    """scale/build.py over M articles on 2 local workers, its index kept for `query`."""
    src = corpus(m)
    rec = dict(articles=m, load_start=load(), rev=rev(), date=time.strftime("%Y-%m-%d %H:%M", time.gmtime()))
    log(f"scale/build.py over {m:,} articles (2 workers), kept for the searches")
    rec["dist"] = distributed(src, BENCH / f"scale-out-{m}")
    rec["load_end"] = load()
    (BENCH / f"scale-out-build-{m}.json").write_text(json.dumps(rec, indent=1))


def query(m, rounds=10, spawns=30):
    """Search at M articles over the index `build M` kept."""
    index = BENCH / f"scale-out-{m}" / "index"
    built = BENCH / f"scale-out-build-{m}.json"
    if not built.exists() or not (index / "warta.json").exists():
        raise SystemExit(f"no index of {m:,} articles: run `scale/bench.sh build {m}` first")
    rec = dict(articles=m, load_start=load(), rev=rev(), date=time.strftime("%Y-%m-%d %H:%M", time.gmtime()))
    rec["dist"] = json.loads(built.read_text())["dist"]
    # Up to date with this binary (nothing to re-index): its copies files are this warta's.
    timed([WARTA, "index", corpus(m), "--index", index, "--quiet"])
    rec["index_bytes"] = du(index)
    log("in-process query classes (examples/bench_queries)")
    out = subprocess.run([EXAMPLES / "bench_queries", index, ROOT / "bench/queries.tsv", str(rounds)],
                         capture_output=True, text=True, check=True)
    rec["classes"] = {c["class"]: c for c in map(json.loads, out.stdout.splitlines())}
    out = subprocess.run([EXAMPLES / "bench_copies", index, "20"], capture_output=True, text=True, check=True)
    rec["copies"] = json.loads(out.stdout)
    queries = []
    for line in (ROOT / "bench/queries.tsv").read_text().splitlines()[1:]:
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) > 3 and not cols[2] and not cols[3]:
            queries.append(cols[1])
    log(f"`warta search` process wall, {spawns} spawns")
    walls, rsss = [], []
    for i in range(spawns):
        wall, _, rss = timed([WARTA, "search", queries[i % len(queries)], "--index", index, "--json"])
        walls.append(wall * 1000)
        rsss.append(rss)
    rec["cli"] = dict(p50_ms=percentile(walls, 0.5), p95_ms=percentile(walls, 0.95),
                      peak_rss=max(rsss), spawns=spawns)
    rec["load_end"] = load()
    (BENCH / f"scale-out-search-{m}.json").write_text(json.dumps(rec, indent=1))


def sampled(cmd):
    """(wall s, peak heap bytes, peak mapped-file bytes) of one process:
    RssAnon and RssFile from /proc/PID/status every 50 ms. Mapped index pages
    are the kernel's to drop; the heap is what an export holds."""
    started = time.perf_counter()
    proc = subprocess.Popen([str(c) for c in cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    anon = file = 0
    while proc.poll() is None:
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
            anon = max(anon, int(re.search(r"RssAnon:\s+(\d+)", status).group(1)) * 1024)
            file = max(file, int(re.search(r"RssFile:\s+(\d+)", status).group(1)) * 1024)
        except (OSError, AttributeError):
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n"
                         + proc.stderr.read().decode(errors="replace")[-3000:])
    return wall, anon, file


def export(m):
    """`warta search Q --format parquet --all` over the index `build M` kept:
    a query matching part of the articles, then every article."""
    index = BENCH / f"scale-out-{m}" / "index"
    if not (index / "warta.json").exists():
        raise SystemExit(f"no index of {m:,} articles: run `scale/bench.sh build {m}` first")
    rec = dict(articles=m, load_start=load(), rev=rev(), date=time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
               runs=[])
    out = BENCH / "scale-out-export.parquet"
    for q in ["klaim", "*"]:
        log(f"Parquet export of `{q}` at {m:,} articles")
        wall, anon, file = sampled([WARTA, "search", q, "--index", index, "--format", "parquet", "--all",
                                    "--output", out])
        rec["runs"].append(dict(query=q, rows=total_of(index, q), wall=wall, heap=anon, mapped=file,
                                bytes=out.stat().st_size))
        out.unlink()
    rec["load_end"] = load()
    (BENCH / f"scale-out-export-{m}.json").write_text(json.dumps(rec, indent=1))


def total_of(index, q):
    out = subprocess.run([WARTA, "search", q, "--index", index, "--json", "--limit", "1"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["total"]


def mb(b):
    return f"{b / 1e6:,.0f}"


def report(out_path):
    comps = sorted(BENCH.glob("scale-out-compare-*.json"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    searches = sorted(BENCH.glob("scale-out-search-*.json"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    L = [BEGIN, "## Scale out: shards on Dask workers, merged (`scale/bench.sh`)", ""]
    L.append("CPU seconds (user + system of every process, Dask's included) are the main figure: "
             "the machine is a shared 2-core box, and each run gives its load average at the start and the end. "
             "The revision is the measured `warta` binary's.")
    L.append("")
    for f in comps:
        r = json.loads(f.read_text())
        s, d = r["single"], r["dist"]
        merge = d["build"]["merge"]
        shards = d["build"]["shards"]
        L.append(f"### Build of {r['articles']:,} generated articles on {r['cores']} cores "
                 f"({r['rev']}, {r['date']}, load {r['load_start']} → {r['load_end']})")
        L.append("")
        L.append("| build | wall s | CPU s | peak RSS MB | index MB |")
        L.append("|---|---:|---:|---:|---:|")
        L.append(f"| `warta index` alone (default threads) | {s['wall']:.0f} | {s['cpu']:.0f} | {mb(s['rss'])} | "
                 f"{mb(s['index_bytes'])} |")
        L.append(f"| `scale/build.py`, 2 workers × 1 thread, merged | {d['wall']:.0f} | {d['cpu']:.0f} | "
                 f"{mb(d['rss'])} | {mb(d['index_bytes'])} |")
        for sh in shards:
            L.append(f"| … shard {sh['name']} ({sh['files']:,} files) | {sh['index_s']:.0f} | "
                     f"{sh['cpu_s']:.0f} | {mb(sh['peak_rss_kb'] * 1024)} | {mb(sh['shard_bytes'])} |")
        L.append(f"| … `warta merge` | {merge['wall_s']:.0f} | {merge['cpu_s']:.1f} | "
                 f"{mb(merge['peak_rss_kb'] * 1024)} | |")
        shard_cpu = sum(sh["cpu_s"] for sh in shards)
        engine_cpu = d["cpu"] - shard_cpu - merge["cpu_s"]
        L.append(f"| … Dask (scheduler, 2 workers and their nannies) and the driver | | {engine_cpu:.0f} | | |")
        ratio = d["cpu"] / s["cpu"]
        share = merge["wall_s"] / d["wall"]
        L.append("")
        L.append(f"Overhead of the distributed build: **{ratio:.2f}×** the CPU seconds of `warta index` alone "
                 f"(target ≤ 1.25×: {'pass' if ratio <= 1.25 else 'fail'}), {d['wall'] / s['wall']:.2f}× its wall; "
                 f"the merge is **{share:.0%}** of the distributed build's wall (target ≤ 10%: "
                 f"{'pass' if share <= 0.10 else 'fail'}). Same total hits as the single build: "
                 f"{'yes' if r['same_total'] else 'NO'}. By part: the two shard builds "
                 f"{shard_cpu / s['cpu']:.2f}× the CPU of the single build, the merge "
                 f"{merge['cpu_s'] / s['cpu']:.2f}×, Dask and the driver {engine_cpu / s['cpu']:.2f}× "
                 f"({engine_cpu / d['wall']:.3f} CPU-seconds per second of wall: its processes' heartbeats "
                 f"and monitors cost in proportion to the build's wall time; `scale/build.py` turns the "
                 f"workers' profiler off and polls the monitors less often, which took a local cluster's idle "
                 f"upkeep from 0.093 to 0.014 CPU-seconds per second).")
        L.append("")
    for f in searches:
        r = json.loads(f.read_text())
        c = r["classes"]
        L.append(f"### Search at {r['articles']:,} articles ({r['rev']}, {r['date']}, "
                 f"load {r['load_start']} → {r['load_end']})")
        L.append("")
        d = r.get("dist")
        if d:
            merge = d["build"]["merge"]
            b = BENCH / f"scale-out-build-{r['articles']}.json"
            when = ""
            if b.exists():
                b = json.loads(b.read_text())
                when = f" ({b['date']}, load {b['load_start']} → {b['load_end']})"
            L.append(f"Built by `scale/build.py` on 2 local workers{when}: {d['wall']:.0f} s wall, {d['cpu']:.0f} s CPU, "
                     f"peak RSS {mb(d['rss'])} MB; of that `warta merge` {merge['wall_s']:.0f} s wall "
                     f"({merge['wall_s'] / d['wall']:.0%}); index {mb(r['index_bytes'])} MB.")
            L.append("")
        L.append("| query class (in-process, `examples/bench_queries`) | p50 ms | p95 ms |")
        L.append("|---|---:|---:|")
        for name in ["term", "and", "phrase", "filter", "facets", "snippets", "full", "full7"]:
            if name in c:
                L.append(f"| {name} | {c[name]['p50_ms']:.1f} | {c[name]['p95_ms']:.1f} |")
        cp, cli = r["copies"], r["cli"]
        L.append("")
        L.append(f"`warta search` process wall ({cli['spawns']} spawns, unfiltered queries): p50 "
                 f"{cli['p50_ms']:.0f} ms, p95 {cli['p95_ms']:.0f} ms, peak RSS {mb(cli['peak_rss'])} MB. "
                 f"Every search process reads the groups of syndicated copies ({cp['groups']:,} groups, "
                 f"{cp['members']:,} articles): from `copies.json` ({cp['json_bytes'] / 1e6:.1f} MB: read, "
                 f"parse, build the lookup table) p50 {cp['json_p50_ms']:.2f} ms, p95 {cp['json_p95_ms']:.2f} ms; "
                 f"from the table `copies.bin` ({cp['table_bytes'] / 1e6:.1f} MB, one read, used in place) "
                 f"p50 {cp['table_p50_ms']:.2f} ms, p95 {cp['table_p95_ms']:.2f} ms "
                 f"(`examples/bench_copies`).")
        L.append("")
    for f in sorted(BENCH.glob("scale-out-export-*.json")):
        r = json.loads(f.read_text())
        L.append(f"### Parquet export at {r['articles']:,} articles ({r['rev']}, {r['date']}, "
                 f"load {r['load_start']} → {r['load_end']})")
        L.append("")
        L.append("`warta search Q --format parquet --all --output FILE` over the index above (no body). The heap "
                 "(`RssAnon`) is what the export holds; the mapped pages (`RssFile`) are the index's files the "
                 "kernel keeps in the page cache and may drop.")
        L.append("")
        L.append("| query | rows | wall s | file MB | peak heap MB | peak mapped MB |")
        L.append("|---|---:|---:|---:|---:|---:|")
        for x in r["runs"]:
            L.append(f"| `{x['query']}` | {x['rows']:,} | {x['wall']:.0f} | {mb(x['bytes'])} | {mb(x['heap'])} | "
                     f"{mb(x['mapped'])} |")
        L.append("")
    for f in sorted(BENCH.glob("scale-out-copies-*.json")):
        r = json.loads(f.read_text())
        L.append(f"### What reading `copies.json` costs a search process ({r['articles']:,} articles, "
                 f"{r['date']}, load {r['load']})")
        L.append("")
        L.append(f"`warta search` of the release build before `copies.bin`, {r['pairs']} runs each, alternating, "
                 f"on the merged index of the build above ({r['json_bytes'] / 1e3:,.0f} KB of `copies.json`, "
                 f"{r['groups']:,} groups) and on the same index without the file: process CPU (user + "
                 f"system) mean {r['with_mean_ms']:.1f} ms against {r['without_mean_ms']:.1f} ms, median "
                 f"{r['with_median_ms']:.1f} against {r['without_median_ms']:.1f} ms: reading the groups "
                 f"costs about {r['with_mean_ms'] - r['without_mean_ms']:.1f} ms per search here and grows "
                 f"with the number of groups (ten times as many at 1M articles), past the 2 ms a search "
                 f"process may spend on it. Hence `copies.bin` (ARCHITECTURE.md): one read, no parse, "
                 f"no table to build. {r['note']}")
        L.append("")
    L.append(projection(comps, searches))
    L.append("Reproduce: `scale/bench.sh compare 100000`, `scale/bench.sh search 1000000` (about "
             "13 GB under target/bench), `scale/bench.sh export 1000000`, then `scale/bench.sh report`.")
    L.append(END)
    section = "\n".join(L) + "\n"
    text = Path(out_path).read_text() if Path(out_path).exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        marker = "## Reproduce"
        text = text.replace(marker, section + "\n" + marker, 1) if marker in text else text + "\n" + section
    Path(out_path).write_text(text)
    log(f"wrote the scale-out section of {out_path}")


def projection(comps, searches):
    """10M and 100M articles, from the measured per-article figures of the
    largest build (the search run's, else the comparison's)."""
    if not comps and not searches:
        return "No projection yet: it needs a `compare` or a `search` run.\n"
    s = json.loads(searches[-1].read_text()) if searches else None
    c = json.loads(comps[-1].read_text()) if comps else None
    d = (s or {}).get("dist") or c["dist"]
    built = d["build"]
    n = sum(sh["files"] for sh in built["shards"])
    if s is None:
        s = {"articles": n, "index_bytes": d["index_bytes"], "classes": {}}
    source = f"measured at {s['articles']:,} articles above"
    if "full" not in s["classes"]:
        # The in-process `full` class of bench/run.sh's own run (Query latency, same file).
        bench = (ROOT / "BENCHMARKS.md").read_text()
        row = re.search(r"(?m)^\| full \|[^\n]*?\| ([\d.]+) / ([\d.]+) \|", bench)
        runs = re.search(r"(?m)^- (\d[\d,]*) articles,", bench)
        if row and runs:
            s["classes"]["full"] = {"p50_ms": float(row.group(1)), "p95_ms": float(row.group(2))}
            s["full_articles"] = int(runs.group(1).replace(",", ""))
            source = f"from the Query latency section ({s['full_articles']:,} articles, an idle machine)"
    per_article_cpu = sum(sh["cpu_s"] for sh in built["shards"]) / n
    index_per_article = s["index_bytes"] / s["articles"]
    merge = built["merge"]
    merge_cpu = merge["cpu_s"] / merge["articles"]
    merge_wall = merge["wall_s"] / merge["articles"]
    merge_rss = merge["peak_rss_kb"] * 1024 / merge["articles"]
    # A shard's peak memory: the writer's fixed heap plus a part that grows
    # with its articles; two shard sizes give both, one gives an upper bound.
    points = sorted({(sh["files"], sh["peak_rss_kb"] * 1024)
                     for r in ([c["dist"]] if c else []) + [d] for sh in r["build"]["shards"]})
    small, large = points[0], points[-1]
    if large[0] > 2 * small[0]:
        slope = (large[1] - small[1]) / (large[0] - small[0])
        fixed = large[1] - slope * large[0]
        shard_words = (f"a shard build's peak RSS of {mb(fixed)} MB plus {slope / 1e3:.2f} KB per article "
                       f"(fitted through the shards of {small[0]:,} and {large[0]:,} articles: "
                       f"{mb(small[1])} and {mb(large[1])} MB)")
    else:
        slope, fixed = large[1] / large[0], 0.0
        shard_words = f"a shard build's peak RSS of {slope / 1e3:.2f} KB per article (an upper bound)"
    shard_1m = fixed + slope * 1_000_000
    full = s["classes"].get("full", {})
    p50, p95 = full.get("p50_ms", float("nan")), full.get("p95_ms", float("nan"))
    L = ["### Projection to 10M and 100M articles", ""]
    L.append(
        f"Linear extrapolations from the build of {n:,} articles and the searches above, not measurements: "
        f"{per_article_cpu * 1000:.2f} ms of CPU per article to build a shard, {index_per_article / 1e3:.1f} KB "
        f"of index per article, a merge of {merge_cpu * 1e6:.0f} µs CPU, {merge_wall * 1e6:.0f} µs wall and "
        f"{merge_rss / 1e3:.1f} KB of peak memory per article (it reads and writes every byte of the index "
        f"once and holds every article's MinHash signature to regroup the copies; the rest of its peak was not "
        f"profiled), {shard_words}, "
        f"so {mb(shard_1m)} MB for a shard of 1M, and the `full` query class at p50 {p50:.1f} ms / p95 "
        f"{p95:.1f} ms, {source}, taken as growing with the number of articles (broad queries match a fixed "
        f"share of them; the machine's load inflates these).")
    L.append("")
    L.append("| articles | shards of 1M | shard builds, CPU h | index GB | merge, CPU h / wall h | "
             "merge peak RSS GB | `full` p50 / p95, one machine |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for total_articles in (10_000_000, 100_000_000):
        k = total_articles / s.get("full_articles", s["articles"])
        L.append(f"| {total_articles:,} | {total_articles // 1_000_000:,} | "
                 f"{per_article_cpu * total_articles / 3600:,.1f} | "
                 f"{index_per_article * total_articles / 1e9:,.0f} | "
                 f"{merge_cpu * total_articles / 3600:,.1f} / {merge_wall * total_articles / 3600:,.1f} | "
                 f"{merge_rss * total_articles / 1e9:,.0f} | "
                 + (f"{p50 * k / 1000:,.1f} s / {p95 * k / 1000:,.1f} s |" if full else "not measured |"))
    L.append("")
    L.append(
        "Building scales out: shards are independent, so the shard builds' wall time divides by the number "
        "of workers (one core each), and a worker needs the memory of one shard. Two steps do not: the "
        "merge is one process that reads and writes the whole index and regroups the copies over every "
        "signature, and its memory grows with the number of articles (the table's merge column: more than "
        "one machine's memory well before 100M); and search is one index on one machine. Counting facets "
        "keeps one counter per distinct value (provinces, cities, officials, programmes, outlets, years: "
        "thousands, not millions) and maps each segment's ordinals once, so its memory does not grow with "
        "the number of articles; what grows is the work per query (every matching article's facet columns "
        "are read) and the index the page cache must hold to answer without reading the disk. By the table: "
        "at 10M the index (tens of GB) still fits the memory of a large server, and the merge's memory "
        "does too; a broad query with counts stays under a second; at 100M the index is hundreds of GB, more "
        "than one machine's memory, the merge as built cannot run on one machine, and a broad query takes "
        "seconds. One machine stops between the two: past about 10M, keep the shards unmerged and "
        "search them side by side (warta does not do this yet), or serve the exports from an engine built "
        "for many machines.")
    L.append("")
    return "\n".join(L)


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    cmd = sys.argv[1]
    if cmd == "compare":
        compare(int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
    elif cmd in ("build", "query", "search"):
        m = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
        if cmd in ("build", "search"):
            build(m)
        if cmd in ("query", "search"):
            query(m)
    elif cmd == "export":
        export(int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
    elif cmd == "report":
        report(sys.argv[2] if len(sys.argv) > 2 else ROOT / "BENCHMARKS.md")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
