#!/usr/bin/env python3
"""Measures warta, tantivy-cli and SQLite FTS5 on the same generated articles and writes BENCHMARKS.md.

Called by bench/run.sh (which builds warta, generates the corpus and installs tantivy-cli); see the
README "Benchmarks" section. Standard library only. Every engine gets, in the same run:
full index (wall, MB/s, docs/s, peak RSS, index size), query latency for the fixed query set of
bench/queries.tsv (in-process), process wall of a command-line search, and re-index after 1% of the
files change. The indexing CPU target, the floor of warta's parts and the build's steps are
measured in alternating rounds (`index_cpu.py`); shared measuring helpers are in `measure.py`.
"""

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import index_cpu
import query_latency
from measure import HERE, ROOT, du, log, percentile, tantivy_index, timed, timed_cpu, warm

QUERIES = HERE / "queries.tsv"

# The project's speed targets (100k articles, 2 cores). Indexing is judged by CPU per article
# (user + system seconds of the whole build) against tantivy-cli's plain indexing of the same
# articles; wall time is reported beside it. Peak RSS: 1.2x at 100k articles, 1.5x at 20k (where
# tantivy-cli's own footprint is small and warta's fixed tables weigh more).
TARGETS = {
    "index_cpu_ratio": 3.0,
    "rss_ratio": 1.2,
    "rss_ratio_20k": 1.5,
    "full_vs_tantivy_p50": 2.0,
    "size_ratio": 1.5,
    "full_p50_ms": 5.0,
    "full_p95_ms": 25.0,
    "cli_p50_ms": 30.0,
    "reindex_share": 0.10,
}


def read_queries():
    rows = []
    lines = [l for l in QUERIES.read_text().splitlines() if l and not l.startswith("#")]
    for line in lines[1:]:
        c = line.split("\t")
        rows.append(dict(cls=c[0], warta=c[1], province=c[2], program=c[3], tantivy=c[4], fts5=c[5]))
    return rows


def process_walls(cmd_for, queries, runs):
    """Process wall (ms) of `runs` spawns cycling over queries."""
    walls = []
    for i in range(runs):
        cmd = cmd_for(queries[i % len(queries)])
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append((time.perf_counter() - started) * 1e3)
    return walls


# --- the 1% edit -------------------------------------------------------------------------------

EDIT_LINE = ("Pembaruan: data kepesertaan dan klaim diperbarui oleh redaksi setelah konfirmasi "
             "kantor cabang.")


def changed_ids(n):
    """Article numbers changed for the re-index run: 1% of the corpus, spread evenly."""
    return [i for i in range(n) if i % 100 == 37] or [0]


def article_path(corpus, i):
    return Path(corpus) / f"{i // 1000:04}" / f"a{i:07}.txt"


def edit_corpus(corpus, jsonl, edited_jsonl, backup, ids):
    """Appends a paragraph to each chosen .txt (originals saved to backup), writes the edited JSONL
    and, next to it, the changed rows alone (`changed.jsonl`, for FTS5's update)."""
    backup.mkdir(parents=True, exist_ok=True)
    wanted = set(ids)
    for i in ids:
        p = article_path(corpus, i)
        shutil.copy2(p, backup / p.name)
        text = p.read_text()
        p.write_text(text.rstrip("\n") + "\n\n" + EDIT_LINE + "\n")
    changed = Path(edited_jsonl).with_name("changed.jsonl")
    with open(jsonl) as src, open(edited_jsonl, "w") as dst, open(changed, "w") as ch:
        for i, line in enumerate(src):
            if i in wanted:
                doc = json.loads(line)
                doc["body"] = doc["body"].rstrip("\n") + "\n\n" + EDIT_LINE + "\n"
                line = json.dumps(doc, ensure_ascii=False) + "\n"
                ch.write(json.dumps(dict(row=i + 1, **doc), ensure_ascii=False) + "\n")
            dst.write(line)


def restore_corpus(corpus, backup):
    if not backup.is_dir():
        return
    for f in backup.iterdir():
        i = int(f.stem[1:])
        shutil.copy2(f, article_path(corpus, i))
    shutil.rmtree(backup)


# --- engines -----------------------------------------------------------------------------------

def bench_warta(args, corpus, work, queries):
    """warta's full index and command-line searches (its query latency: `query_latency.py`)."""
    warta = ROOT / "target/release/warta"
    idx = work / "warta-index"
    shutil.rmtree(idx, ignore_errors=True)
    warm(corpus)
    log("warta: full index")
    wall, rss, cpu, _ = timed_cpu([warta, "index", corpus, "--index", idx, "-q"])
    res = dict(index_wall=wall, index_rss=rss, index_cpu=cpu, index_size=du(idx))
    log(f"warta: indexed in {wall:.1f} s, RSS {rss / 1e6:.0f} MB; command-line searches")
    texts = [q for q in queries if not q["province"] and not q["program"]]
    res["cli"] = process_walls(
        lambda q: [warta, "search", q["warta"], "--index", idx, "--color", "never"], texts,
        args.spawns)
    res["cli_facets"] = process_walls(
        lambda q: [warta, "search", q["warta"], "--index", idx, "--json"], texts, args.spawns)
    return res


def reindex_warta(corpus, work, res):
    """`warta index` again after the 1% edit."""
    log("warta: re-index after 1% change")
    wall, rss, _ = timed([ROOT / "target/release/warta", "index", corpus, "--index",
                          work / "warta-index", "-q"])
    res.update(reindex_wall=wall, reindex_rss=rss, reindex_kind="`warta index` again on the same "
               "folder (what the current code does: " + ("incremental" if wall < res["index_wall"] / 2
                                                         else "full rebuild") + ")")


def bench_tantivy(args, jsonl, work, queries):
    """tantivy-cli's full index and command-line searches."""
    tantivy = Path(args.tantivy)
    idx = work / "tantivy-index"
    warm(jsonl)
    log(f"tantivy-cli: full index ({args.threads} threads)")
    wall, rss, cpu, _ = tantivy_index(tantivy, idx, jsonl, args.threads)
    res = dict(index_wall=wall, index_rss=rss, index_cpu=cpu, index_size=du(idx))
    log(f"tantivy-cli: indexed in {wall:.1f} s; command-line searches")
    texts = [q for q in queries if not q["province"] and not q["program"]]
    res["cli"] = process_walls(lambda q: [tantivy, "search", "-i", idx, "-q", q["tantivy"]], texts,
                               args.spawns)
    return res


def rebuild_tantivy(args, edited_jsonl, work, res):
    """tantivy-cli has no incremental mode: a full rebuild of the edited articles."""
    log("tantivy-cli: rebuild after 1% change")
    wall, rss, _, _ = tantivy_index(Path(args.tantivy), work / "tantivy-index", edited_jsonl,
                                    args.threads)
    res.update(reindex_wall=wall, reindex_rss=rss,
               reindex_kind="full rebuild from the edited JSON Lines (tantivy-cli has no "
                            "incremental mode)")


SMALL_ROUNDS = 3


def bench_small(args, work):
    """Peak RSS of warta's and tantivy-cli's full index of the smaller corpus (the RSS target's
    second size), alternating, SMALL_ROUNDS rounds: {warta: [(rss, cpu)], tantivy: [...]}."""
    warta, tantivy = ROOT / "target/release/warta", Path(args.tantivy)
    corpus, jsonl = Path(args.small_corpus), Path(args.small_jsonl)
    idx_w, idx_t = work / "small-warta-index", work / "small-tantivy-index"
    warm(jsonl)
    res = dict(articles=args.small_articles, warta=[], tantivy=[])
    for i in range(SMALL_ROUNDS):
        log(f"{args.small_articles:,} articles, round {i + 1}: warta and tantivy-cli full index")
        shutil.rmtree(idx_w, ignore_errors=True)
        _, rss, cpu, _ = timed_cpu([warta, "index", corpus, "--index", idx_w, "-q"])
        res["warta"].append((rss, cpu))
        _, rss, cpu, _ = tantivy_index(tantivy, idx_t, jsonl, args.threads)
        res["tantivy"].append((rss, cpu))
    shutil.rmtree(idx_w, ignore_errors=True)
    shutil.rmtree(idx_t, ignore_errors=True)
    return res


def bench_fts5(args, jsonl, edited_jsonl, work, queries, ids):
    db = work / "fts5.db"
    for suffix in ("", "-wal", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    warm(jsonl)
    log("FTS5: full index")
    wall, rss, _ = timed([sys.executable, HERE / "fts5.py", "build", db, jsonl])
    res = dict(index_wall=wall, index_rss=rss, index_size=du(db))
    log(f"FTS5: indexed in {wall:.1f} s; queries")
    out = subprocess.run([sys.executable, HERE / "fts5.py", "query", db, QUERIES, str(args.rounds)],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    res["queries"] = {d["class"]: d for d in map(json.loads, out.splitlines())}
    texts = [q for q in queries if not q["province"] and not q["program"]]
    res["cli"] = process_walls(
        lambda q: [sys.executable, HERE / "fts5.py", "search", db, q["fts5"]], texts, args.spawns)
    log("FTS5: delete+insert of the changed rows")
    wall, rss, _ = timed([sys.executable, HERE / "fts5.py", "update", db,
                          Path(edited_jsonl).with_name("changed.jsonl")])
    res.update(reindex_wall=wall, reindex_rss=rss,
               reindex_kind="DELETE + INSERT of the changed rows in one transaction")
    return res


# --- report ------------------------------------------------------------------------------------

def machine_facts(load_at_start):
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return dict(nproc=os.cpu_count(), cpu=cpu, ram_gb=round(int(mem) / 1024 / 1024, 1),
                load=load_at_start, kernel=platform.release())


def cmd_version(cmd):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=30).stdout.strip().splitlines()[0]
    except Exception as e:  # noqa: BLE001 - a version string is best effort
        return f"? ({e})"


def fmt_ms(x):
    return "n/a" if x is None or x != x else f"{x:.2f}"


def ratio(a, b):
    return "" if not b else f"{a / b:.2f}x"


def verdict(ok):
    return "**pass**" if ok else "**FAIL**"


def write_report(path, r):
    n, mb = r["articles"], r["corpus_bytes"] / 1e6
    w, t, f = r["warta"], r.get("tantivy"), r.get("fts5")
    engines = [("warta", w), ("tantivy-cli", t), ("SQLite FTS5", f)]
    engines = [(name, e) for name, e in engines if e]
    L = []
    L.append("# Benchmarks\n")
    L.append(f"Generated by `{r['command']}` on {r['date']} (UTC). All numbers come from this one "
             "run, on the same generated articles. Ratios are warta / tantivy-cli.\n")
    m = r["machine"]
    L.append("## Machine and versions\n")
    L.append(f"- CPU: {m['cpu']}, {m['nproc']} cores; RAM {m['ram_gb']} GB; kernel {m['kernel']}")
    L.append(f"- Load average at start: {m['load']} (the machine is shared; other jobs may run)")
    for k, v in r["versions"].items():
        L.append(f"- {k}: {v}")
    L.append("")
    L.append("## Corpus\n")
    L.append(f"- {n:,} articles, {mb:,.1f} MB of `.txt` ({mb * 1e6 / max(n, 1) / 1e3:.2f} KB per "
             f"article), {r['copies']:,} syndicated copies; generated by `warta gen --articles {n} "
             f"--seed 1` in {r['gen_wall']:.1f} s (reused when present)")
    L.append("- warta reads the `.txt` pages (1000 per folder); tantivy-cli and FTS5 read the same "
             "articles as JSON Lines (`title`, `body` = the page after its headline, `url`)")
    L.append(f"- tantivy-cli: default tokenizer, stored `title`/`body`/`url`, `index -t "
             f"{r['threads']}`; FTS5: `fts5(title, body, url)` with the default unicode61 "
             "tokenizer, one transaction\n")
    L.append("## Full index\n")
    # With CPU rounds, warta's and tantivy-cli's wall, CPU and peak RSS are the rounds' medians.
    cr = r.get("cpu_rounds") if t else None
    cr = cr if cr and cr["rounds"] else None
    shown = engines
    if cr:
        medians = {"warta": index_cpu.medians(cr, "warta"),
                   "tantivy-cli": index_cpu.medians(cr, "tantivy")}
        shown = [(name, dict(e, **medians.get(name, {}))) for name, e in engines]
        L.append(f"warta and tantivy-cli: wall, CPU and peak RSS are the medians of the "
                 f"{len(cr['rounds'])} alternating rounds of the next section; index size is "
                 "from the build the queries below ran on.\n")
    L.append("| engine | wall s | CPU s | MB/s | docs/s | peak RSS MB | index MB | index / corpus |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    tw, tt = shown[0][1], dict(shown).get("tantivy-cli")
    for name, e in shown:
        cpu = f"{e['index_cpu']:.1f}" if "index_cpu" in e else "–"
        L.append(f"| {name} | {e['index_wall']:.1f} | {cpu} | {mb / e['index_wall']:.1f} | "
                 f"{n / e['index_wall']:,.0f} | {e['index_rss'] / 1e6:.0f} | "
                 f"{e['index_size'] / 1e6:.0f} | {e['index_size'] / r['corpus_bytes']:.2f} |")
    if t:
        cpu = ratio(tw["index_cpu"], tt["index_cpu"]) if "index_cpu" in tw and "index_cpu" in tt else ""
        L.append(f"| **warta / tantivy-cli** | {ratio(tw['index_wall'], tt['index_wall'])} | {cpu} | | | "
                 f"{ratio(tw['index_rss'], tt['index_rss'])} | "
                 f"{ratio(w['index_size'], t['index_size'])} | |")
    L.append("")
    if cr:
        L.append(index_cpu.rounds_section(r, cr))
    qr = r.get("query_runs")
    if qr:
        L.append(f"## Query latency, in-process (ms; the fixed query set `bench/queries.tsv`, "
                 f"{len(qr['runs'])} alternating runs of {qr['rounds']} rounds)\n")
        L.append("warta and tantivy-cli run their query benches one after the other, "
                 f"{len(qr['runs'])} times (`bench/query_latency.py`), so their ratio compares "
                 "runs seconds apart; each figure is the median of the runs' p50 or p95. "
                 f"FTS5: {r['rounds']} rounds after them.\n")
    else:
        L.append(f"## Query latency, in-process (ms; {r['rounds']} rounds of the fixed query set "
                 "`bench/queries.tsv`)\n")
    L.append("warta: the library `search()` call (parse, rank top 10, facets and snippets as the "
             "class asks; `examples/bench_queries.rs`). tantivy-cli: its `bench` command (search "
             "top 10 + count, plus fetching the 10 stored documents). FTS5: `MATCH … ORDER BY rank "
             "LIMIT 10` from Python's sqlite3 (`snippet()` for the snippet classes). tantivy-cli "
             "and FTS5 have no facets: filter classes use a required place/programme term, and "
             "facet counting is not done (their rows for `facets`/`full`/`full7` time only the "
             "search).\n")
    L.append("| class | what | " + " | ".join(f"{name} p50 / p95" for name, _ in engines) + " |")
    L.append("|---|---|" + "---:|" * len(engines))
    what = {"term": "one word", "and": "2-3 words, all required", "phrase": "quoted phrase",
            "filter": "word + province/programme filter", "facets": "+ facet counts (warta: all 7 facets, top 10 each)",
            "snippets": "+ 3 snippets for each of the top 10",
            "full": "3 snippets x top 10 + counts of province, official, programme (top 10 each; the target case)",
            "full7": "3 snippets x top 10 + counts of all 7 facets (top 10 each)"}
    for cls in ["term", "and", "phrase", "filter", "facets", "snippets", "full", "full7"]:
        cells = []
        for _, e in engines:
            q = e["queries"].get(cls, {})
            cells.append(f"{fmt_ms(q.get('p50_ms'))} / {fmt_ms(q.get('p95_ms'))}")
        L.append(f"| {cls} | {what[cls]} | " + " | ".join(cells) + " |")
    L.append("")
    L.append(f"## Command-line search, process wall (ms; {r['spawns']} spawns cycling over the "
             "unfiltered queries)\n")
    L.append("| engine | command | p50 | p95 |")
    L.append("|---|---|---:|---:|")
    L.append(f"| warta | `warta search Q --index DIR` (text, 3 snippets) | "
             f"{fmt_ms(percentile(w['cli'], .5))} | {fmt_ms(percentile(w['cli'], .95))} |")
    L.append(f"| warta | `warta search Q --index DIR --json` (+ facet counts) | "
             f"{fmt_ms(percentile(w['cli_facets'], .5))} | {fmt_ms(percentile(w['cli_facets'], .95))} |")
    if t:
        L.append(f"| tantivy-cli | `tantivy search -i DIR -q Q` (prints every hit) | "
                 f"{fmt_ms(percentile(t['cli'], .5))} | {fmt_ms(percentile(t['cli'], .95))} |")
    if f:
        L.append(f"| SQLite FTS5 | `python3 bench/fts5.py search DB Q` (incl. Python start-up) | "
                 f"{fmt_ms(percentile(f['cli'], .5))} | {fmt_ms(percentile(f['cli'], .95))} |")
    L.append("")
    L.append(f"## Re-index after {r['changed']:,} files (1%) change\n")
    L.append("Each changed article gets one paragraph appended (`.txt` and the JSON line alike).\n")
    L.append("| engine | what it does | wall s | share of full build | peak RSS MB |")
    L.append("|---|---|---:|---:|---:|")
    for name, e in engines:
        L.append(f"| {name} | {e['reindex_kind']} | {e['reindex_wall']:.1f} | "
                 f"{e['reindex_wall'] / e['index_wall']:.0%} | {e['reindex_rss'] / 1e6:.0f} |")
    L.append("")
    L.append("## Targets (stated for 100k articles on 2 cores)\n")
    if n != 100_000:
        L.append(f"This run has {n:,} articles, so the verdicts below are indicative only.\n")
    L.append("| target | measured | verdict |")
    L.append("|---|---|---|")
    fq = w["queries"].get("full", {})
    cli50 = percentile(w["cli"], .5)
    rows = []
    if t:
        # At 20k articles and fewer the smaller corpus's RSS target applies.
        rss_key = "rss_ratio_20k" if n <= 20_000 else "rss_ratio"
        tfull = t.get("queries", {}).get("full", {}).get("p50_ms")
        if cr:
            rows.append(index_cpu.target_row(cr, TARGETS["index_cpu_ratio"]))
            parts = index_cpu.parts_row(cr)
            if parts:
                rows.append(parts)
            rows.append(index_cpu.rss_row(cr, TARGETS[rss_key], n))
        else:
            rows += [
                (f"full index CPU-seconds <= {TARGETS['index_cpu_ratio']}x tantivy-cli "
                 "(user + system, one run each; wall beside)",
                 f"{ratio(w.get('index_cpu', float('nan')), t.get('index_cpu', float('nan')))} "
                 f"({w.get('index_cpu', float('nan')):.1f} / {t.get('index_cpu', float('nan')):.1f}"
                 f" CPU s; wall {ratio(w['index_wall'], t['index_wall'])})",
                 w.get("index_cpu", 1e9) <= TARGETS["index_cpu_ratio"] * t.get("index_cpu", 0)),
                (f"peak RSS <= {TARGETS[rss_key]}x tantivy-cli at {n:,} articles "
                 "(1.2x at 100k articles, 1.5x at 20k)",
                 ratio(w["index_rss"], t["index_rss"]),
                 w["index_rss"] <= TARGETS[rss_key] * t["index_rss"]),
            ]
        sm = r.get("small")
        if sm and sm["warta"] and len(sm["warta"]) == len(sm["tantivy"]):
            # Each round's ratio; the verdict takes the worst.
            rounds = [wr[0] / tr[0] for wr, tr in zip(sm["warta"], sm["tantivy"])]
            mb = ", ".join(f"{wr[0] / 1e6:.0f} / {tr[0] / 1e6:.0f}"
                           for wr, tr in zip(sm["warta"], sm["tantivy"]))
            rows.append(
                (f"peak RSS <= {TARGETS['rss_ratio_20k']}x tantivy-cli at "
                 f"{sm['articles']:,} articles ({len(rounds)} alternating rounds, the worst counts)",
                 f"{min(rounds):.2f}-{max(rounds):.2f}x ({mb} MB)",
                 max(rounds) <= TARGETS["rss_ratio_20k"]))
        rows += [
            ("index size <= 1.5x tantivy-cli", ratio(w["index_size"], t["index_size"]),
             w["index_size"] <= TARGETS["size_ratio"] * t["index_size"]),
        ]
    rows += [
        ("in-process search, top-10 snippets + province, official and programme counts "
         "(class `full`), p50 <= 5 ms",
         f"{fmt_ms(fq.get('p50_ms'))} ms", fq.get("p50_ms", 1e9) <= TARGETS["full_p50_ms"]),
        ("same, p95 <= 25 ms", f"{fmt_ms(fq.get('p95_ms'))} ms",
         fq.get("p95_ms", 1e9) <= TARGETS["full_p95_ms"]),
    ]
    if t and tfull:
        each = query_latency.full_ratios(r["query_runs"]) if r.get("query_runs") else []
        runs = (f"; runs {', '.join(f'{x:.2f}x' for x in each)}") if each else ""
        rows.append(
            (f"same (class `full`), p50 <= {TARGETS['full_vs_tantivy_p50']}x tantivy-cli's top-10 "
             "search p50 in the same run (medians of the alternating runs)",
             f"{ratio(fq.get('p50_ms', float('nan')), tfull)} ({fmt_ms(fq.get('p50_ms'))} / "
             f"{fmt_ms(tfull)} ms{runs})",
             fq.get("p50_ms", 1e9) <= TARGETS["full_vs_tantivy_p50"] * tfull))
    rows += [
        ("`warta search` process wall p50 <= 30 ms", f"{fmt_ms(cli50)} ms",
         cli50 <= TARGETS["cli_p50_ms"]),
        ("re-index after 1% change <= 10% of full build",
         f"{w['reindex_wall'] / w['index_wall']:.0%}",
         w["reindex_wall"] <= TARGETS["reindex_share"] * w["index_wall"]),
    ]
    for name, measured, ok in rows:
        L.append(f"| {name} | {measured} | {verdict(ok)} |")
    L.append(million_row())
    L.append("")
    L.append(scale_section())
    L.append(scale_out_section(path))
    L.append("## Reproduce\n")
    L.append("```sh\n" + r["command"] + "\n```\n")
    L.append("`bench/run.sh` builds warta in release mode, generates the corpus into "
             "`target/bench/corpus-N` (reused when present), installs tantivy-cli into "
             "`target/bench-tools` if missing, then runs `bench/bench.py`, which first runs the "
             "indexing CPU rounds (`bench/index_cpu.py`; `BENCH_CPU_ROUNDS`, default 3), then "
             "measures the three engines one after another (warta's and tantivy-cli's query "
             "benches in alternating runs, `bench/query_latency.py`) and writes this file. Each engine's "
             "input is read once before its full index (warm page cache for all three). Peak RSS is from `/usr/bin/time -v`; "
             "index size is the sum of the index files. For the peak-RSS target's smaller size, "
             "a corpus of 20,000 articles (`target/bench/corpus-20000`, same generator and seed) is "
             "indexed by warta and tantivy-cli in three alternating rounds after the main run. "
             "`bench/run.sh --quick` does the same on 5,000 articles (without the smaller corpus).\n")
    Path(path).write_text("\n".join(L))


def scale_out_section(path):
    """The sections other scripts (`scale/bench.sh report`, `bench/serve.sh`) or people (the
    query cost and indexing CPU measurements) wrote into the report, kept as they are."""
    text = Path(path).read_text() if Path(path).exists() else ""
    kept = ""
    for name, by in (("query-cost", "hand (query cost in instructions)"),
                     ("index-cpu", "hand (indexing CPU per article)"),
                     ("scale-out", "scale/bench.sh report"), ("serve", "bench/serve.sh")):
        begin, end = f"<!-- {name}: written by {by} -->", f"<!-- /{name} -->"
        if begin in text and end in text:
            kept += begin + text.split(begin, 1)[1].split(end, 1)[0] + end + "\n"
    return kept


def scale_only(args):
    """warta's full index alone (for the 1M-article check); BENCHMARKS.md picks the result up."""
    corpus, work = Path(args.corpus), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    idx = work / "warta-index"
    shutil.rmtree(idx, ignore_errors=True)
    log(f"warta: full index of {args.articles:,} articles")
    wall, rss, _ = timed([ROOT / "target/release/warta", "index", corpus, "--index", idx, "-q"])
    gen_log = Path(args.gen_log).read_text() if args.gen_log else ""
    m = re.search(r"([\d.]+) MB", gen_log)
    mb = float(m.group(1)) if m else float("nan")
    res = dict(articles=args.articles, corpus_mb=mb, index_wall=wall, index_rss=rss,
               index_size=du(idx), load=args.load, date=time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
               rev=cmd_version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]))
    out = ROOT / "target/bench" / f"scale-{args.articles}.json"
    out.write_text(json.dumps(res, indent=1))
    shutil.rmtree(idx, ignore_errors=True)
    log(f"indexed in {wall:.0f} s, peak RSS {rss / 1e6:.0f} MB; wrote {out}")


def million_row():
    """The 1M target's row, from a finished `--scale 1000000` run when there is one."""
    f = ROOT / "target/bench" / "scale-1000000.json"
    s = json.loads(f.read_text()) if f.exists() else None
    name = "1,000,000 articles index without running out of memory"
    if not s or s.get("partial"):
        return (f"| {name} | no single-process run recorded on this machine (`bench/run.sh --scale "
                "1000000`); \"Scale out\" below has a sharded build of 1,000,000 articles | |")
    return (f"| {name} | {s['index_wall']:.0f} s, peak RSS {s['index_rss'] / 1e6:,.0f} MB "
            f"(Scale; {s['rev']}) | {verdict(True)} |")


def scale_section():
    rows = []
    runs = [f for f in (ROOT / "target/bench").glob("scale-*.json") if f.stem[6:].isdigit()]
    for f in sorted(runs, key=lambda p: int(p.stem[6:])):
        s = json.loads(f.read_text())
        if s.get("partial"):
            # A run stopped before it finished: what it had reached, from /proc samples.
            rows.append(f"| {s['articles']:,} (stopped) | {s['corpus_mb']:,.0f} | "
                        f"{s['index_wall']:.0f} (not done) | | | {s['index_rss'] / 1e6:,.0f} so far | "
                        f"{s['index_size'] / 1e6:,.0f} so far | {s['note']} |")
            continue
        rows.append(f"| {s['articles']:,} | {s['corpus_mb']:,.0f} | {s['index_wall']:.0f} | "
                    f"{s['corpus_mb'] / s['index_wall']:.2f} | {s['articles'] / s['index_wall']:,.0f} | "
                    f"{s['index_rss'] / 1e6:,.0f} | {s['index_size'] / 1e6:,.0f} | {s['rev']}, "
                    f"{s['date']}, load {' '.join(s['load']) if isinstance(s['load'], list) else s['load']} |")
    if not rows:
        return ("## Scale\n\nNo single-process run of a large corpus is recorded on this machine: "
                "`bench/run.sh --scale 1000000` indexes a million generated articles with warta alone and "
                "records time and peak RSS here. \"Scale out\" below builds 1,000,000 articles in shards "
                "and merges them.\n")
    return ("## Scale (warta full index alone; `bench/run.sh --scale N`, separate runs)\n\n"
            "| articles | corpus MB | wall s | MB/s | docs/s | peak RSS MB | index MB | run |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---|\n" + "\n".join(rows) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--tantivy", default="")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--spawns", type=int, default=30)
    ap.add_argument("--cpu-rounds", type=int, default=3,
                    help="alternating rounds of the full index (and the floor) for the CPU target")
    ap.add_argument("--gen-log", default="")
    ap.add_argument("--command", default="bench/run.sh")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    ap.add_argument("--engines", default="warta,tantivy,fts5,floor")
    ap.add_argument("--load", default="")
    ap.add_argument("--small-corpus", default="",
                    help="a smaller corpus (.txt) for the RSS target's second size")
    ap.add_argument("--small-jsonl", default="")
    ap.add_argument("--small-articles", type=int, default=0)
    ap.add_argument("--scale-only", action="store_true",
                    help="only warta's full index; results to target/bench/scale-N.json")
    ap.add_argument("--report-only", action="store_true",
                    help="re-render --out from WORK/results.json (e.g. after a --scale run)")
    args = ap.parse_args()
    if args.scale_only:
        return scale_only(args)
    if args.report_only:
        r = json.loads((Path(args.work) / "results.json").read_text())
        write_report(args.out, r)
        return log(f"wrote {args.out} from {args.work}/results.json")

    corpus, jsonl, work = Path(args.corpus), Path(args.jsonl), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    queries = read_queries()
    ids = changed_ids(args.articles)
    backup = work / "edit-backup"
    edited_jsonl = work / "edited.jsonl"
    restore_corpus(corpus, backup)  # a previous run killed half-way
    engines = args.engines.split(",")
    edited = []

    def edit():
        if not edited:
            edit_corpus(corpus, jsonl, edited_jsonl, backup, ids)
            edited.append(True)

    gen_log = Path(args.gen_log).read_text() if args.gen_log else ""
    m = re.search(r"\((\d+) copies.*in ([\d.]+) s", gen_log)
    gen_copies, gen_wall = (int(m.group(1)), float(m.group(2))) if m else (0, float("nan"))
    r = dict(articles=args.articles, corpus_bytes=sum(article_path(corpus, i).stat().st_size
                                                       for i in range(args.articles)),
             copies=gen_copies, gen_wall=gen_wall, rounds=args.rounds, spawns=args.spawns,
             threads=args.threads, changed=len(ids), command=args.command,
             date=time.strftime("%Y-%m-%d %H:%M", time.gmtime()))
    r["machine"] = machine_facts(args.load or Path("/proc/loadavg").read_text().split()[:3])
    rev = cmd_version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    r["versions"] = {
        "warta": f"{cmd_version([ROOT / 'target/release/warta', '--version'])} (git {rev}), "
                 "release build, default threads (one per core, shared: half extraction "
                 "workers, half tantivy indexing threads)",
        "rustc": cmd_version(["rustc", "--version"]),
        "tantivy-cli": cmd_version([args.tantivy, "--version"]) if args.tantivy else "not run",
        "SQLite": f"{sqlite3.sqlite_version} via Python {platform.python_version()}",
    }
    try:
        if "tantivy" in engines and args.tantivy and args.cpu_rounds:
            r["cpu_rounds"] = index_cpu.run(args, corpus, jsonl, work, "floor" in engines)
        tantivy = "tantivy" in engines and args.tantivy
        r["warta"] = bench_warta(args, corpus, work, queries)
        if tantivy:
            r["tantivy"] = bench_tantivy(args, jsonl, work, queries)
        r["query_runs"] = query_latency.run(args, work / "warta-index",
                                            work / "tantivy-index" if tantivy else None, queries,
                                            work)
        r["warta"]["queries"] = query_latency.summary(r["query_runs"], "warta")
        edit()
        reindex_warta(corpus, work, r["warta"])
        if tantivy:
            r["tantivy"]["queries"] = query_latency.summary(r["query_runs"], "tantivy")
            rebuild_tantivy(args, edited_jsonl, work, r["tantivy"])
        if "fts5" in engines:
            r["fts5"] = bench_fts5(args, jsonl, edited_jsonl, work, queries, ids)
        if "tantivy" in engines and args.tantivy and args.small_corpus:
            r["small"] = bench_small(args, work)
    finally:
        restore_corpus(corpus, backup)
    (work / "results.json").write_text(json.dumps(r, indent=1, default=str))
    write_report(args.out, r)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
