#!/usr/bin/env python3
"""A warta index built by several workers of a Dask cluster, then merged.

    python scale/build.py CORPUS --out WORK [--workers 2] [--scheduler tcp://HOST:8786]

The corpus folder's article files are cut into parts (whole files, by
bytes); every part is indexed into a shard by a worker running the `warta`
binary (`warta index`), which also writes the shard's export (Parquet when
the binary has `--format parquet`, else JSON Lines); the driver merges the
shards with `warta merge` into one index equal to a single build of CORPUS.

Without --scheduler a local cluster of --workers processes on 127.0.0.1 is
started (a laptop, or one big machine). With --scheduler the tasks go to
that cluster (`dask scheduler` / `dask worker`, or dask-jobqueue on SLURM
or PBS): CORPUS, WORK and the warta binary must then be at the same paths
on every worker (shared storage such as NFS or Lustre).

A failed task is retried once by Dask; a part that fails twice is named
with the end of its log, the other shards are kept, nothing is merged, and
the exit status is 2. Running the same command again resumes: finished
shards are brought up to date by `warta index` (nothing to do) and only
the failed part is built again.

Writes WORK/parts (links), WORK/shards, WORK/exports, WORK/logs, the merged
index (--index, default WORK/index) and WORK/build.json (what was measured).
"""

import argparse
import json
import logging
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warta_shards  # noqa: E402


def find_warta(given):
    if given:
        return os.path.abspath(given)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for candidate in ("target/release/warta", "target/debug/warta"):
        path = os.path.join(repo, candidate)
        if os.access(path, os.X_OK):
            return path
    found = shutil.which("warta")
    if found:
        return found
    raise SystemExit("build: no warta binary: give --warta PATH (or cargo build --release)")


def run_dask(tasks, scheduler, workers):
    """Runs build_shard for every task on Dask, each retried once; returns
    (results, failures) with failures as (task, message)."""
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # A local cluster's own upkeep, sampled idle on 2 workers: 0.093
        # CPU-seconds per second with Dask's defaults, 0.014 without the
        # workers' statistical profiler (every 10 ms) and with the event-loop
        # watchdog, the system monitor and the memory monitor polled less
        # often. A shard build is one long task, so none of them helps it.
        dask.config.set({
            "distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "1s",
            "distributed.admin.system-monitor.interval": "5s",
            "distributed.worker.memory.monitor-interval": "1s",
        })
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # Failures are reported below, by part, with their logs.
            silence_logs=logging.CRITICAL,
        )
        client = Client(cluster)
    try:
        futures = {}
        for task in tasks:
            # pure=False: a retry of the same task is a new run, never a cached result.
            f = client.submit(
                warta_shards.build_shard,
                warta_shards.task_dict(task),
                key=f"warta-shard-{task.name}-{time.time_ns()}",
                retries=1,
                pure=False,
            )
            futures[f] = task
        results, failures = [], []
        for f in as_completed(futures):
            task = futures[f]
            try:
                results.append(f.result())
            except Exception as e:  # the task's own error, after its retry
                failures.append((task, str(e).removeprefix(f"{task.name}: ")))
        return results, failures
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="folder of article files (.txt, .json, .jsonl)")
    ap.add_argument("--out", required=True, help="work folder: parts, shards, exports, logs")
    ap.add_argument("--index", help="merged index (new or empty folder; default OUT/index)")
    ap.add_argument("--workers", type=int, default=2, help="local cluster workers (default 2)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786)")
    ap.add_argument("--parts", type=int, help="number of shards (default: --workers)")
    ap.add_argument("--threads", type=int, default=1, help="threads of each `warta index` (default 1)")
    ap.add_argument("--heap", type=int, default=128, help="MB of each `warta index` writer (default 128)")
    ap.add_argument("--warta", help="the warta binary (default target/release/warta, then PATH)")
    ap.add_argument(
        "--export",
        choices=["auto", "parquet", "jsonl", "none"],
        default="auto",
        help="each shard's export: auto = Parquet when the binary writes it, else JSON Lines",
    )
    ap.add_argument("--no-merge", action="store_true", help="build the shards only")
    args = ap.parse_args(argv)

    started = time.monotonic()
    warta = find_warta(args.warta)
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(corpus):
        raise SystemExit(f"build: the corpus {corpus} is not a folder")
    out = os.path.abspath(args.out)
    index = os.path.abspath(args.index or os.path.join(out, "index"))
    export = warta_shards.export_format_of(warta) if args.export == "auto" else args.export
    tasks = warta_shards.plan(
        corpus, out, warta, args.parts or args.workers, export, args.threads, args.heap
    )
    print(f"build: {len(tasks)} parts of {corpus}, exports as {export}", file=sys.stderr)

    results, failures = run_dask(tasks, args.scheduler, args.workers)
    built = time.monotonic()
    report = {
        "corpus": corpus,
        "parts": len(tasks),
        "workers": args.workers if not args.scheduler else None,
        "scheduler": args.scheduler or "local",
        "export_format": export,
        "shards": sorted(results, key=lambda r: r["name"]),
        "failed": [
            {"name": t.name, "attempts": warta_shards.attempts(t), "error": msg, "log": t.log}
            for t, msg in sorted(failures, key=lambda f: f[0].name)
        ],
        "shards_wall_s": round(built - started, 3),
    }
    status = 0
    if failures:
        for f in report["failed"]:
            print(
                f"build: shard {f['name']} failed after {f['attempts']} attempts: {f['error']} "
                f"(log {f['log']})",
                file=sys.stderr,
            )
        print(
            f"build: {len(results)} other shards are kept in {os.path.join(out, 'shards')}; "
            "nothing was merged; run the same command again to retry the failed parts",
            file=sys.stderr,
        )
        status = 2
    elif not args.no_merge:
        shards = [r["shard"] for r in report["shards"]]
        report["merge"] = warta_shards.merge(warta, shards, index, corpus)
        report["index"] = index
        print(
            f"build: merged {len(shards)} shards into {index}: "
            f"{report['merge']['articles']} articles in {report['merge']['wall_s']} s",
            file=sys.stderr,
        )
    report["wall_s"] = round(time.monotonic() - started, 3)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "build.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    return status


if __name__ == "__main__":
    sys.exit(main())
