#!/usr/bin/env python3
"""SQLite FTS5 side of the benchmark (Python's sqlite3, standard library only).

  fts5.py build DB ARTICLES.jsonl          index the JSON Lines in one transaction
  fts5.py query DB QUERIES.tsv ROUNDS      in-process latency per query class (JSON lines)
  fts5.py search DB QUERY                  one search, printed (for process wall time)
  fts5.py update DB CHANGED.jsonl          delete + insert the changed articles (key "row")

Rows are keyed by their line number in the JSON Lines file (rowid = line + 1).
"""

import json
import sqlite3
import sys
import time


def build(db, jsonl):
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body, url)")
    with open(jsonl) as f:
        rows = ((i + 1, d["title"], d["body"], d["url"]) for i, d in
                enumerate(map(json.loads, f)))
        con.executemany("INSERT INTO articles(rowid, title, body, url) VALUES (?, ?, ?, ?)", rows)
    con.commit()
    con.execute("INSERT INTO articles(articles) VALUES ('optimize')")
    con.commit()
    con.close()


PLAIN = "SELECT rowid, title, url FROM articles WHERE articles MATCH ? ORDER BY rank LIMIT 10"
SNIPPETS = ("SELECT rowid, title, url, snippet(articles, 1, '[', ']', '…', 24) FROM articles "
            "WHERE articles MATCH ? ORDER BY rank LIMIT 10")


def sql_for(cls):
    return SNIPPETS if cls in ("snippets", "full", "full7") else PLAIN


def query(db, tsv, rounds):
    con = sqlite3.connect(db)
    lines = [l for l in open(tsv).read().splitlines() if l and not l.startswith("#")][1:]
    qs = [(c[0], c[5]) for c in (l.split("\t") for l in lines)]
    for cls, q in qs:  # warm up
        con.execute(sql_for(cls), (q,)).fetchall()
    times = {}
    for _ in range(rounds):
        for cls, q in qs:
            started = time.perf_counter()
            con.execute(sql_for(cls), (q,)).fetchall()
            times.setdefault(cls, []).append((time.perf_counter() - started) * 1e3)
    for cls, t in times.items():
        t.sort()
        pick = lambda p: t[min(len(t) - 1, round(p * (len(t) - 1)))]
        print(json.dumps(dict(**{"class": cls}, runs=len(t), p50_ms=pick(.5), p95_ms=pick(.95),
                              mean_ms=sum(t) / len(t))))


def search(db, q):
    con = sqlite3.connect(db)
    for row in con.execute(SNIPPETS, (q,)):
        print(row[1], row[2], row[3], sep="\t")


def update(db, jsonl):
    con = sqlite3.connect(db)
    with open(jsonl) as f:
        rows = [(d["row"], d["title"], d["body"], d["url"]) for d in map(json.loads, f)]
    con.executemany("DELETE FROM articles WHERE rowid = ?", [(r[0],) for r in rows])
    con.executemany("INSERT INTO articles(rowid, title, body, url) VALUES (?, ?, ?, ?)", rows)
    con.commit()
    con.close()


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "build":
        build(*args)
    elif cmd == "query":
        query(args[0], args[1], int(args[2]))
    elif cmd == "search":
        search(*args)
    elif cmd == "update":
        update(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
