"""Indexing CPU in alternating rounds: the CPU target, the floor of warta's parts and the build's
steps, all measured round by round on the same articles, so that each ratio compares runs made
minutes apart rather than in different parts of an hour (the machines' speed drifts by ±15%).

A round runs, one after another: the build's steps one after another on one thread
(`examples/index_parts`), `warta index` (all of it), tantivy-cli's plain index (the target's
baseline), warta's two analyzers alone (`examples/dump_views`, which also writes the analysed
views), tantivy-cli on those views and warta's extraction alone (`warta extract --json`). All but
the two full indexes are the "floor" and run only when it is asked for. The targets are judged
over the sums of the rounds. Standard library only.
"""

import itertools
import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

from measure import ROOT, du, log, tantivy_index, timed_cpu, warm

# warta's four analysed text fields, as tantivy-cli sees them in the floor: the tokens
# examples/dump_views writes, split again on spaces; index options as in src/index/schema.rs
# (the stemmed body without positions, the others with them; title and body stored).
VIEWS_SCHEMA = {
    "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
    "segments": [],
    "schema": [
        {"name": name, "type": "text",
         "options": {"indexing": {"record": record, "fieldnorms": True, "tokenizer": "whitespace"},
                     "stored": name in ("title", "body"), "fast": False}}
        for name, record in (("title", "position"), ("title_exact", "position"),
                             ("body", "freq"), ("body_exact", "position"))
    ],
    "opstamp": 0,
}

# Articles per `warta extract` call in the floor (a .jsonl file is read up to 64 MiB).
EXTRACT_CHUNK = 10_000

# The rows of the parts table: (key in examples/index_parts's output, step, what it is).
PARTS = [
    ("read", "reading", "reading and decoding the files"),
    ("extract", "extraction", "`extract::extract`: page, places, officials, programmes, quotes, "
     "figures"),
    ("minhash", "near-duplicate signature", "MinHash of the clean body"),
    ("meta", "stored metadata", "the article's metadata as JSON (quotes, figures, roles)"),
    ("document", "document, the rest", "facets, the quotes' scoped records, fields"),
    ("add", "handing documents over", "`add_document` on the feeding thread"),
    ("tantivy", "tantivy while adding", "the writer's thread: analysis, postings, fast fields, "
     "document store (zstd), segment flushes"),
    ("commit", "final commit", "the last segment written, the commit"),
    ("merges", "merges", "segment merges after the commit"),
    ("copies", "groups of copies", "the syndicated copies grouped over the committed index"),
]


def run(args, corpus, jsonl, work, floor):
    """`args.cpu_rounds` rounds; returns {rounds: [...], views_tokens, views_size}."""
    warta, tantivy = ROOT / "target/release/warta", Path(args.tantivy)
    warm(corpus)
    warm(jsonl)
    chunks = split_for_extraction(jsonl, work / "extract-chunks") if floor else []
    idx_w, idx_t = work / "rounds-warta-index", work / "rounds-tantivy-index"
    views, idx_v = work / "views.jsonl", work / "tantivy-views-index"
    res = dict(rounds=[], views_tokens={}, views_size=0)
    for i in range(args.cpu_rounds):
        log(f"CPU round {i + 1} of {args.cpu_rounds}: warta index, tantivy-cli"
            + (", the floor and the steps" if floor else ""))
        rd, steal = {}, steal_seconds()
        # The steps first, so that each of the two ratios that matter most compares neighbours:
        # the steps with the build, the build with tantivy-cli.
        if floor:
            _, rss, cpu, out = timed_cpu([ROOT / "target/release/examples/index_parts", corpus])
            rd["parts"] = dict(json.loads(out), cpu=cpu, rss=rss)
        shutil.rmtree(idx_w, ignore_errors=True)
        rd["warta"] = usage(timed_cpu([warta, "index", corpus, "--index", idx_w, "-q"]))
        shutil.rmtree(idx_w, ignore_errors=True)
        rd["tantivy"] = usage(tantivy_index(tantivy, idx_t, jsonl, args.threads))
        shutil.rmtree(idx_t, ignore_errors=True)
        if floor:
            with open(jsonl, "rb") as f, open(views, "wb") as out:
                rd["analyzers"] = timed_cpu([ROOT / "target/release/examples/dump_views"],
                                            stdin=f, stdout=out)[2]
            if not res["views_tokens"]:
                res["views_tokens"] = count_tokens(views)
            rd["views"] = usage(tantivy_index(tantivy, idx_v, views, args.threads, VIEWS_SCHEMA))
            res["views_size"] = du(idx_v)
            shutil.rmtree(idx_v, ignore_errors=True)
            rd["extract"] = sum(
                timed_cpu([warta, "extract", "--json", p], stdout=subprocess.DEVNULL)[2]
                for p in chunks)
        rd["steal"] = steal_seconds() - steal
        res["rounds"].append(rd)
        log(f"CPU round {i + 1}: warta {rd['warta']['cpu']:.1f} CPU s, tantivy-cli "
            f"{rd['tantivy']['cpu']:.1f}")
    views.unlink(missing_ok=True)
    shutil.rmtree(work / "extract-chunks", ignore_errors=True)
    return res


def steal_seconds():
    """CPU time the hypervisor gave to others while this machine's CPUs wanted it (all CPUs,
    /proc/stat), in seconds."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    return int(fields[8]) / os.sysconf("SC_CLK_TCK") if len(fields) > 8 else 0.0


def usage(timed):
    """A `timed_cpu` result as {wall, rss, cpu}."""
    wall, rss, cpu, _ = timed
    return dict(wall=wall, rss=rss, cpu=cpu)


def split_for_extraction(jsonl, folder):
    """The JSON Lines cut into files of EXTRACT_CHUNK articles (just written: in the page cache)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = []
    with open(jsonl, "rb") as f:
        while chunk := list(itertools.islice(f, EXTRACT_CHUNK)):
            paths.append(folder / f"{len(paths):03}.jsonl")
            paths[-1].write_bytes(b"".join(chunk))
    return paths


def count_tokens(views):
    tokens = {}
    with open(views, encoding="utf-8") as f:
        for line in f:
            for name, text in json.loads(line).items():
                tokens[name] = tokens.get(name, 0) + (text.count(" ") + 1 if text else 0)
    return tokens


# --- report ------------------------------------------------------------------------------------

def medians(res, engine):
    """The median wall, CPU and peak RSS of an engine's full index over the rounds."""
    rounds = [rd[engine] for rd in res["rounds"]]
    return {f"index_{k}": statistics.median(u[k] for u in rounds) for k in ("wall", "cpu", "rss")}


def has_floor(res):
    return bool(res["rounds"]) and all("parts" in rd for rd in res["rounds"])


def floor_cpu(rd):
    """What warta must spend at least: tantivy-cli indexing its analysed views, plus extraction."""
    return rd["views"]["cpu"] + rd["extract"]


def cpu_ratio(res):
    """warta / tantivy-cli over the sums of the rounds, and each round's ratio."""
    w = sum(rd["warta"]["cpu"] for rd in res["rounds"])
    t = sum(rd["tantivy"]["cpu"] for rd in res["rounds"])
    return w / t, [rd["warta"]["cpu"] / rd["tantivy"]["cpu"] for rd in res["rounds"]], w, t


def target_row(res, target):
    """The CPU target's row of the targets table: (name, measured, ok)."""
    whole, each, w, t = cpu_ratio(res)
    walls = [rd["warta"]["wall"] / rd["tantivy"]["wall"] for rd in res["rounds"]]
    return (f"full index CPU-seconds <= {target}x tantivy-cli (user + system, {len(each)} "
            "alternating rounds; wall beside)",
            f"{whole:.2f}x ({w:.1f} / {t:.1f} CPU s; rounds {min(each):.2f}-{max(each):.2f}x; "
            f"wall {min(walls):.2f}-{max(walls):.2f}x)",
            whole <= target)


def parts_row(res):
    """The parts table's row of the targets table: (name, measured, ok) or None."""
    if not has_floor(res):
        return None
    steps = sum(rd["parts"]["parts"] for rd in res["rounds"])
    whole = sum(rd["warta"]["cpu"] for rd in res["rounds"])
    each = ", ".join(f"{rd['parts']['parts'] / rd['warta']['cpu'] - 1:+.0%}" for rd in res["rounds"])
    return (f"the build's steps (one thread) add up to the whole build within 10% "
            f"({len(res['rounds'])} alternating rounds)",
            f"{steps / whole - 1:+.0%} ({steps:.1f} / {whole:.1f} CPU s; rounds {each})",
            abs(steps / whole - 1) <= 0.10)


def rounds_section(r, res):
    """The rounds one by one: the CPU target, the floor and the steps against the whole."""
    floor = has_floor(res)
    n = len(res["rounds"])
    L = ["## Indexing CPU in alternating rounds\n"]
    L.append(f"The CPU target is judged here. {n} rounds on the same articles; each runs, one after "
             "another, " + ("the build's steps on one thread (next section), " if floor else "")
             + f"`warta index` (default threads) and tantivy-cli (`index -t {r['threads']}`)"
             + (", then the floor of warta's parts (next section)" if floor else "")
             + ". CPU s is user + system (`/usr/bin/time -v`). The machine's speed drifts by tens "
             "of percent within minutes (steal is the CPU time the hypervisor gave elsewhere "
             "during the round), so the runs compared most are neighbours in each round, and the "
             "targets are judged over the rounds' sums.\n")
    head = "| round | steal s | `warta index` CPU s / wall s / RSS MB | tantivy-cli CPU s / wall s / RSS MB | warta / tantivy-cli |"
    rule = "|---:|---:|---:|---:|---:|"
    if floor:
        head += " floor CPU s | floor / tantivy-cli | warta / floor | steps CPU s | steps / whole |"
        rule += "---:|---:|---:|---:|---:|"
    L += [head, rule]

    def cells(rd):
        w, t = rd["warta"], rd["tantivy"]
        row = (f" {rd['steal']:.1f} | {w['cpu']:.1f} / {w['wall']:.1f} / {w['rss'] / 1e6:.0f} | {t['cpu']:.1f} / "
               f"{t['wall']:.1f} / {t['rss'] / 1e6:.0f} | {w['cpu'] / t['cpu']:.2f}x |")
        if floor:
            fl, steps = floor_cpu(rd), rd["parts"]["parts"]
            row += (f" {fl:.1f} | {fl / t['cpu']:.2f}x | {w['cpu'] / fl:.2f}x | {steps:.1f} | "
                    f"{steps / w['cpu'] - 1:+.0%} |")
        return row

    for i, rd in enumerate(res["rounds"]):
        L.append(f"| {i + 1} |" + cells(rd))
    total = dict(warta=dict(cpu=0.0, wall=0.0, rss=0.0), tantivy=dict(cpu=0.0, wall=0.0, rss=0.0),
                 views=dict(cpu=0.0), extract=0.0, parts=dict(parts=0.0), steal=0.0)
    for rd in res["rounds"]:
        total["steal"] += rd["steal"]
        for e in ("warta", "tantivy"):
            for k in ("cpu", "wall"):
                total[e][k] += rd[e][k]
            total[e]["rss"] = max(total[e]["rss"], rd[e]["rss"])
        if floor:
            total["views"]["cpu"] += rd["views"]["cpu"]
            total["extract"] += rd["extract"]
            total["parts"]["parts"] += rd["parts"]["parts"]
    L.append("| **all** |" + cells(total))
    L.append("")
    L.append("The last row sums CPU and wall seconds over the rounds and shows the highest peak RSS. "
             + ("The floor is tantivy-cli indexing warta's analysed views plus warta's extraction "
                "alone: work a build cannot skip while it keeps both views and extracts every "
                "article." if floor else "") + "\n")
    if floor:
        L.append(floor_section(r, res))
    return "\n".join(L)


def floor_section(r, res):
    """The parts of warta's build measured alone, and the build's steps one after another:
    each figure the median over the rounds."""
    rounds = res["rounds"]
    med = lambda f: statistics.median(f(rd) for rd in rounds)  # noqa: E731
    toks = sum(res["views_tokens"].values())
    L = ["## What warta's parts cost alone\n"]
    L.append(f"The work a warta build does, measured piece by piece in the rounds above; each "
             f"figure is the median of the {len(rounds)} rounds.\n")
    L.append("| step | threads | wall s | CPU s | what it does |")
    L.append("|---|---:|---:|---:|---|")
    L.append(f"| `warta index` (all of it) | {r['threads']} | {med(lambda d: d['warta']['wall']):.1f} "
             f"| {med(lambda d: d['warta']['cpu']):.1f} | read, parse, extract, analyse, index, "
             "near-duplicate signatures |")
    L.append(f"| tantivy-cli, raw text (the target's baseline) | {r['threads']} | "
             f"{med(lambda d: d['tantivy']['wall']):.1f} | {med(lambda d: d['tantivy']['cpu']):.1f} "
             "| `default` tokenizer on `title`, `body`, `url` |")
    L.append(f"| tantivy-cli on warta's analysed views | {r['threads']} | "
             f"{med(lambda d: d['views']['wall']):.1f} | {med(lambda d: d['views']['cpu']):.1f} | "
             f"{toks / 1e6:.1f} M tokens already analysed by warta (`examples/dump_views`) into "
             f"`title`, `title_exact`, `body`, `body_exact`, `whitespace` tokenizer; "
             f"{res['views_size'] / 1e6:.0f} MB index |")
    L.append(f"| warta's two analyzers alone | 1 | – | {med(lambda d: d['analyzers']):.1f} | "
             "`examples/dump_views`: title and body through the exact and stemmed views |")
    L.append(f"| warta's extraction alone | 1 | – | {med(lambda d: d['extract']):.1f} | "
             f"`warta extract --json` over the JSON Lines in {EXTRACT_CHUNK:,}-article files, one "
             "call at a time |")
    L.append("")
    L.append(parts_table(r, res))
    return "\n".join(L)


def parts_table(r, res):
    """The build's steps one after another on one thread (examples/index_parts), median of each
    step over the rounds, against the whole build of the same rounds."""
    rounds = res["rounds"]
    ps = [rd["parts"] for rd in rounds]
    med = lambda key: statistics.median(p.get(key, 0.0) for p in ps)  # noqa: E731
    total = med("parts")
    p0 = ps[0]
    L = [f"The build's steps one after another on one thread (`examples/index_parts`: the build's "
         f"own functions and writer settings, one worker and one indexing thread), "
         f"{p0['articles']:,} articles, {p0['segments']} segments at the end; the median of each "
         "step over the rounds:\n"]
    L.append("| step | CPU s | share | what it is |")
    L.append("|---|---:|---:|---|")
    for key, name, what in PARTS:
        L.append(f"| {name} | {med(key):.1f} | {med(key) / total:.0%} | {what} |")
    analyzers, quotes = med("analyzers"), med("quote_analyzers")
    own = statistics.median(p["tantivy"] - p["analyzers"] - p["quote_analyzers"] for p in ps)
    L.append(f"| of tantivy's: warta's analyzers | {analyzers:.1f} | {analyzers / total:.0%} | "
             f"title and body through both views, {p0['analyzer_tokens'] / 1e6:.1f} M tokens "
             "(run once more, apart) |")
    L.append(f"| of tantivy's: the quotes' analyzers | {quotes:.1f} | {quotes / total:.0%} | "
             "`said`, `said_exact` (scoped, both views) |")
    L.append(f"| of tantivy's: tantivy's own | {own:.1f} | {own / total:.0%} | postings, fast "
             "fields, document store |")
    whole = statistics.median(rd["warta"]["cpu"] for rd in rounds)
    each = ", ".join(f"{rd['parts']['parts'] / rd['warta']['cpu'] - 1:+.0%}" for rd in rounds)
    L.append(f"| **sum of the steps** | {total:.1f} | | against `warta index` on {r['threads']} "
             f"threads: {whole:.1f} CPU s ({total / whole - 1:+.0%}; round by round {each}) |")
    L.append("")
    return "\n".join(L)


def rss_row(res, target, n):
    """The peak RSS target's row at the main size: each round's ratio, the worst counts."""
    each = [rd["warta"]["rss"] / rd["tantivy"]["rss"] for rd in res["rounds"]]
    mb = ", ".join(f"{rd['warta']['rss'] / 1e6:.0f} / {rd['tantivy']['rss'] / 1e6:.0f}"
                   for rd in res["rounds"])
    return (f"peak RSS <= {target}x tantivy-cli at {n:,} articles ({len(each)} alternating rounds, "
            "the worst counts; 1.2x at 100k articles, 1.5x at 20k)",
            f"{min(each):.2f}-{max(each):.2f}x ({mb} MB)", max(each) <= target)
