"""What every benchmark step shares: running a command under `/usr/bin/time -v` (wall, CPU,
peak RSS), sizes on disk, a warm page cache, and tantivy-cli's full index with the baseline schema.
Standard library only."""

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def timed(cmd, stdin=None, env=None):
    """Runs cmd under /usr/bin/time -v; returns (wall_s, peak_rss_bytes, stdout)."""
    wall, rss, _, out = timed_cpu(cmd, stdin=stdin, env=env)
    return wall, rss, out


def timed_cpu(cmd, stdin=None, env=None, stdout=subprocess.PIPE):
    """Like timed, plus the CPU seconds (user + system) the command used: (wall, rss, cpu, out)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-v", "-o", tf.name] + [str(c) for c in cmd]
        started = time.perf_counter()
        proc = subprocess.run(full, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env)
        wall = time.perf_counter() - started
        report = Path(tf.name).read_text()
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace")
        log(f"command exited {proc.returncode}: {' '.join(map(str, cmd))}\n" + err[-2000:])
        # warta exits 2 both when some files were skipped (fine) and on errors (not fine).
        if proc.returncode != 2 or re.search(r"(?m)^warta: .*error", err):
            raise SystemExit(f"failed: {' '.join(map(str, cmd))}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    rss = int(m.group(1)) * 1024 if m else float("nan")
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", report))
    return wall, rss, cpu, proc.stdout


def du(path):
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def percentile(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    return s[min(len(s) - 1, round(p * (len(s) - 1)))]


def warm(path):
    """Reads a file or every file under a folder once, so that each engine's full index starts
    with its input in the page cache (100,000 small files read cold cost warta seconds that a
    single JSON Lines file does not cost the others)."""
    path = Path(path)
    for f in ([path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())):
        with open(f, "rb") as fh:
            while fh.read(1 << 20):
                pass


TANTIVY_SCHEMA = {
    "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
    "segments": [],
    "schema": [
        {"name": name, "type": "text",
         "options": {"indexing": {"record": "position", "fieldnorms": True, "tokenizer": "default"},
                     "stored": True, "fast": False}}
        for name in ("title", "body", "url")
    ],
    "opstamp": 0,
}


def tantivy_index(tantivy, idx, jsonl, threads, schema=None):
    """tantivy-cli's full index of jsonl: (wall, rss, cpu, stdout)."""
    shutil.rmtree(idx, ignore_errors=True)
    idx.mkdir(parents=True)
    (idx / "meta.json").write_text(json.dumps(schema or TANTIVY_SCHEMA, indent=2))
    with open(jsonl, "rb") as f:
        return timed_cpu([tantivy, "index", "-i", idx, "-t", str(threads)], stdin=f)

