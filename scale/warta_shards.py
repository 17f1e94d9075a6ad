"""The engine-agnostic parts of a distributed warta build.

A corpus folder is partitioned into parts (whole files, contiguous in path
order, balanced by bytes); each part is indexed into a shard by the `warta`
binary (`warta index`), which also writes the shard's export; the shards
are merged by `warta merge`. Nothing here knows Dask, Ray or Spark: an
engine only has to run `build_shard(task)` for every task somewhere that
sees the same paths, retry a failed task, and hand the results back.

Article ids are paths relative to the corpus folder. A part is indexed
through a folder of symbolic links that mirrors those relative paths
(`warta index` follows links), so each shard gives its articles the ids a
single build of the whole corpus gives them, and the merged index equals
that single build.
"""

import json
import os
import resource
import shutil
import subprocess
import time
from dataclasses import asdict, dataclass, field

# What `warta index` reads (its reader's article extensions).
ARTICLE_EXTENSIONS = (".txt", ".json", ".jsonl")


class ShardFailed(Exception):
    """A shard's `warta index` (or export) failed: the message names the part."""


@dataclass
class Task:
    """One part of the corpus and where its shard and export go."""

    name: str
    corpus: str
    files: list
    links: str
    shard: str
    export: str
    log: str
    warta: str
    threads: int = 1
    heap_mb: int = 128
    export_format: str = "jsonl"
    extra_args: list = field(default_factory=list)


def list_articles(corpus):
    """The article files under `corpus` as (relative path, size), sorted like
    warta's walk (hidden entries skipped, links followed)."""
    found = []
    for root, dirs, files in os.walk(corpus, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_EXTENSIONS):
                continue
            path = os.path.join(root, name)
            try:
                size = os.stat(path).st_size
            except OSError:
                size = 0  # warta reports it; the part still lists it
            found.append((os.path.relpath(path, corpus), size))
    found.sort()
    return found


def partition(files, parts):
    """`files` ((relative path, size), in order) cut into at most `parts`
    contiguous runs of about equal bytes; none empty."""
    if parts < 1:
        raise ValueError("parts must be at least 1")
    total = sum(size for _, size in files) or 1
    runs, current, acc = [], [], 0
    for i, (rel, size) in enumerate(files):
        current.append(rel)
        acc += size
        left_files = len(files) - i - 1
        left_runs = parts - len(runs) - 1
        boundary = acc >= total * (len(runs) + 1) / parts
        if left_runs > 0 and current and (boundary or left_files == left_runs):
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def plan(corpus, out, warta, parts, export_format, threads=1, heap_mb=128, extra_args=()):
    """The tasks of a build of `corpus` into the work folder `out`."""
    corpus = os.path.abspath(corpus)
    out = os.path.abspath(out)
    files = list_articles(corpus)
    if not files:
        raise SystemExit(f"build: no article files (.txt, .json, .jsonl) under {corpus}")
    runs = partition(files, parts)
    ext = "parquet" if export_format == "parquet" else "jsonl"
    tasks = []
    for k, run in enumerate(runs):
        name = f"part-{k:03d}"
        tasks.append(
            Task(
                name=name,
                corpus=corpus,
                files=run,
                links=os.path.join(out, "parts", name),
                shard=os.path.join(out, "shards", name),
                export=os.path.join(out, "exports", f"{name}.{ext}"),
                log=os.path.join(out, "logs", f"{name}.log"),
                warta=warta,
                threads=threads,
                heap_mb=heap_mb,
                export_format=export_format,
                extra_args=list(extra_args),
            )
        )
    return tasks


def export_format_of(warta):
    """`parquet` when this warta binary writes Parquet, else `jsonl`."""
    out = subprocess.run([warta, "search", "--help"], capture_output=True, text=True, check=False)
    return "parquet" if "parquet" in out.stdout else "jsonl"


def _link_farm(task):
    """The part's folder of links mirroring the files' relative paths,
    made afresh (it holds nothing but links this build made)."""
    if os.path.isdir(task.links):
        shutil.rmtree(task.links)
    for rel in task.files:
        link = os.path.join(task.links, rel)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(os.path.join(task.corpus, rel), link)


def _run(cmd, log, stdout=None):
    """Runs `cmd`, appending its stderr to `log`; returns (exit code, wall s,
    CPU s, peak RSS KB) of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with open(log, "a", encoding="utf-8") as err:
        err.write("$ " + " ".join(cmd) + "\n")
        err.flush()
        code = subprocess.run(cmd, stdout=stdout or subprocess.DEVNULL, stderr=err, check=False).returncode
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return code, wall, cpu, after.ru_maxrss


def _last_lines(path, n=3):
    """The last `n` lines the last attempt's commands wrote to the log."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return ""
    starts = [i for i, line in enumerate(lines) if line.startswith("# attempt")]
    lines = lines[starts[-1] + 1 :] if starts else lines
    said = [line.strip() for line in lines if line.strip() and not line.startswith("$ ")]
    return " | ".join(said[-n:])


def build_shard(task):
    """Indexes one part into its shard with `warta index` and writes its
    export; returns what it measured. Raises ShardFailed naming the part.

    Safe to run again (an engine's retry, or the whole build re-run): the
    shard is brought up to date incrementally by `warta index`."""
    if isinstance(task, dict):
        task = Task(**task)
    for path in (task.shard, task.export, task.log):
        os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(task.log, "a", encoding="utf-8") as log:
        log.write(f"\n# attempt on {os.uname().nodename} pid {os.getpid()}\n")
    try:
        _link_farm(task)
    except OSError as e:
        raise ShardFailed(f"{task.name}: cannot lay out its files: {e}") from e
    cmd = [task.warta, "index", task.links, "--index", task.shard, "--quiet"]
    cmd += ["--threads", str(task.threads), "--heap", str(task.heap_mb)] + task.extra_args
    code, wall, cpu, rss = _run(cmd, task.log)
    if code != 0:
        raise ShardFailed(f"{task.name}: `warta index` exited {code}: {_last_lines(task.log)}")
    exported = 0.0
    if task.export_format != "none":
        query = [task.warta, "search", "*", "--index", task.shard, "--all"]
        if task.export_format == "parquet":
            ecode, exported, ecpu, erss = _run(
                query + ["--format", "parquet", "--output", task.export], task.log
            )
        else:
            with open(task.export, "wb") as sink:
                ecode, exported, ecpu, erss = _run(query + ["--format", "jsonl"], task.log, sink)
        # Exit 1 is "no hits": an empty part exports nothing.
        if ecode not in (0, 1):
            raise ShardFailed(f"{task.name}: export exited {ecode}: {_last_lines(task.log)}")
        cpu += ecpu
        rss = max(rss, erss)
    return {
        "name": task.name,
        "files": len(task.files),
        "shard": task.shard,
        "export": task.export if task.export_format != "none" else None,
        "index_s": round(wall, 3),
        "export_s": round(exported, 3),
        "cpu_s": round(cpu, 3),
        "peak_rss_kb": rss,
        "shard_bytes": folder_bytes(task.shard),
        "host": os.uname().nodename,
    }


def attempts(task):
    """How many times the task was started (its log counts them)."""
    try:
        with open(task.log, encoding="utf-8") as f:
            return sum(1 for line in f if line.startswith("# attempt"))
    except OSError:
        return 0


def merge(warta, shards, index, corpus):
    """`warta merge` of the shards into `index`; returns its JSON summary
    with the wall and CPU seconds it took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    cmd = [warta, "merge", *shards, "--index", index, "--corpus", corpus, "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise SystemExit(f"build: `warta merge` failed (exit {out.returncode}): {out.stderr.strip()}")
    report = json.loads(out.stdout)
    report["wall_s"] = round(wall, 3)
    report["cpu_s"] = round(
        (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 3
    )
    report["peak_rss_kb"] = after.ru_maxrss
    return report


def folder_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def task_dict(task):
    return asdict(task)
