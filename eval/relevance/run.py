#!/usr/bin/env python3
"""Relevance of warta's search against two BM25 baselines, on the graded set in this folder.

    python3 eval/relevance/run.py [--shared ../shared] [--warta target/release/warta]
                                  [--variant NAME=ARGS ...] [--markdown]

Indexes corpus/, ../shared/realdev and ../shared/seeds (the parts that exist) into one temporary
index, runs every query of queries.tsv through `warta search --json` and through the baselines,
and prints nDCG@10, P@5 (grade >= 1 is relevant) and R@20 per system, then the queries where
warta does worst. Baselines:

- tantivy BM25, default tokenizer: examples/bm25_default.rs (words ORed over title and body);
- BM25 over PySastrawi stems (`pip install PySastrawi`; skipped with a note when missing).

`--variant "any=--match any"` adds warta run with extra search flags. Dev-time tool: not run by
`cargo test` (tests/relevance.rs guards the corpus part).
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TOP = 20


def read_tsv(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def find_shared(arg):
    for cand in [arg] if arg else [os.path.join(REPO, "..", "shared"), os.path.join(REPO, "..", "..", "shared")]:
        if cand and os.path.isdir(os.path.join(cand, "realdev")):
            return os.path.abspath(cand)
    return None


def build_corpus(tmp, shared):
    """A folder of symlinks: corpus/ (articles only), realdev/*.txt, seeds/*; returns the folder."""
    root = os.path.join(tmp, "pages")
    parts = {"corpus": os.path.join(REPO, "corpus")}
    if shared:
        parts["realdev"] = os.path.join(shared, "realdev")
        parts["seeds"] = os.path.join(shared, "seeds")
    for name, src in parts.items():
        os.makedirs(os.path.join(root, name))
        for f in sorted(os.listdir(src)):
            if f.endswith((".txt", ".json", ".jsonl")) and f != "gold.json":
                os.symlink(os.path.join(src, f), os.path.join(root, name, f))
    return root


def articles(root):
    """(id, title, body) for every article, ids as warta names them (`corpus/FILE.jsonl#N`)."""
    out = []
    for part in sorted(os.listdir(root)):
        for f in sorted(os.listdir(os.path.join(root, part))):
            path = os.path.join(root, part, f)
            rel = f"{part}/{f}"
            text = open(path, encoding="utf-8", errors="replace").read()
            if f.endswith(".txt"):
                lines = [l for l in text.splitlines() if l.strip()]
                out.append((rel, lines[0] if lines else "", "\n".join(lines[1:])))
            elif f.endswith(".json"):
                d = json.loads(text)
                out.append((rel, d.get("title", ""), body_of(d)))
            else:
                for n, line in enumerate(text.splitlines(), 1):
                    if line.strip():
                        d = json.loads(line)
                        out.append((f"{rel}#{n}", d.get("title", ""), body_of(d)))
    return out


def body_of(d):
    for k in ("text", "maintext", "body", "content"):
        if d.get(k):
            return d[k]
    return ""


# ---------------------------------------------------------------- systems


def run_warta(binary, root, index, queries, extra):
    """Every hit of every query, best first: the ranking and the set warta counts."""
    if not os.path.exists(index):
        subprocess.run([binary, "index", root, "--index", index], check=False, capture_output=True)
    ranked, counted = {}, {}
    for qid, q in queries:
        p = subprocess.run([binary, "search", q, "--index", index, "--json", "--limit", "100000",
                            "--snippets", "0"] + extra, capture_output=True, text=True)
        if p.returncode == 2:
            sys.exit(f"warta search {q!r} failed: {p.stderr.strip()}")
        hits = json.loads(p.stdout)["hits"] if p.stdout.strip() else []
        ranked[qid] = [h["id"] for h in hits]
        counted[qid] = [h["id"] for h in hits if h.get("counted", True)]
    COUNTED[id(ranked)] = counted
    return ranked


# The counted hits of each warta run, by the id of its ranking.
COUNTED = {}


def set_quality(ranked, judged, queries):
    """Mean precision, recall and F1 of the matched set against the pages graded 1 or 2:
    how well the counts (total, facets, timeline) of a mode measure what was asked."""
    ps, rs, fs = [], [], []
    for qid, _ in queries:
        got = set(ranked.get(qid, []))
        rel = {d for d, g in judged[qid].items() if g >= 1}
        p = len(got & rel) / len(got) if got else 0.0
        r = len(got & rel) / len(rel)
        ps.append(p)
        rs.append(r)
        fs.append(2 * p * r / (p + r) if p + r else 0.0)
    n = len(queries)
    return sum(ps) / n, sum(rs) / n, sum(fs) / n


def run_tantivy_default(arts, queries, tmp):
    path = os.path.join(tmp, "articles.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, t, b in arts:
            f.write(json.dumps({"id": i, "title": t, "body": b}, ensure_ascii=False) + "\n")
    exe = os.path.join(REPO, "target", "release", "examples", "bm25_default")
    if not os.path.exists(exe):
        exe = os.path.join(REPO, "target", "debug", "examples", "bm25_default")
    if not os.path.exists(exe):
        subprocess.run(["cargo", "build", "--example", "bm25_default"], cwd=REPO, check=True)
    stdin = "".join(f"{qid}\t{q}\n" for qid, q in queries)
    p = subprocess.run([exe, path, str(TOP)], input=stdin, capture_output=True, text=True, check=True)
    ranked = defaultdict(list)
    for line in p.stdout.splitlines():
        qid, doc, _ = line.split("\t")
        ranked[qid].append(doc)
    return ranked


WORD = re.compile(r"[0-9a-z]+")


def bm25_rank(docs, queries, analyse, k1=1.2, b=0.75):
    """Plain BM25 (Robertson/Lucene idf), words ORed, one field (title + body)."""
    tfs = {i: Counter(analyse(t + "\n" + body)) for i, t, body in docs}
    n = len(tfs)
    avg = sum(sum(c.values()) for c in tfs.values()) / n
    df = Counter(w for c in tfs.values() for w in c)
    ranked = {}
    for qid, q in queries:
        terms = set(analyse(q))
        scores = {}
        for i, c in tfs.items():
            dl = sum(c.values())
            s = 0.0
            for w in terms:
                tf = c.get(w, 0)
                if tf:
                    idf = math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
                    s += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avg))
            if s > 0:
                scores[i] = s
        ranked[qid] = sorted(scores, key=lambda i: (-scores[i], i))[:TOP]
    return ranked


def run_sastrawi(arts, queries):
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ImportError:
        return None
    stemmer = StemmerFactory().create_stemmer()
    cache = {}

    def analyse(text):
        out = []
        for w in WORD.findall(text.lower()):
            if w not in cache:
                cache[w] = stemmer.stem(w) or w
            out.append(cache[w])
        return out

    return bm25_rank(arts, queries, analyse)


# ---------------------------------------------------------------- metrics


def metrics(ranking, grades):
    """nDCG@10 (gain 2^g - 1), P@5 and R@20 with grade >= 1 relevant."""
    gain = lambda g: 2 ** g - 1
    dcg = sum(gain(grades.get(d, 0)) / math.log2(r + 2) for r, d in enumerate(ranking[:10]))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum(gain(g) / math.log2(r + 2) for r, g in enumerate(ideal))
    relevant = {d for d, g in grades.items() if g >= 1}
    p5 = sum(1 for d in ranking[:5] if d in relevant) / 5
    r20 = len(relevant & set(ranking[:TOP])) / len(relevant)
    return (dcg / idcg if idcg else 0.0), p5, r20


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: ../shared or ../../shared)")
    ap.add_argument("--warta", default=os.path.join(REPO, "target", "release", "warta"))
    ap.add_argument("--variant", action="append", default=[], help="NAME=EXTRA SEARCH FLAGS")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--worst", type=int, default=8)
    ap.add_argument("--per-query", action="store_true", help="nDCG@10 / R@20 of every query")
    args = ap.parse_args()

    shared = find_shared(args.shared)
    queries = [(r[0], r[1]) for r in read_tsv("queries.tsv")]
    with tempfile.TemporaryDirectory() as tmp:
        root = build_corpus(tmp, shared)
        arts = articles(root)
        ids = {a[0] for a in arts}
        judged = defaultdict(dict)
        for qid, doc, g in read_tsv("judgments.tsv"):
            if doc in ids:
                judged[qid][doc] = int(g)
        queries = [(q, t) for q, t in queries if any(g > 0 for g in judged[q].values())]

        index = os.path.join(tmp, "index")
        systems = {"warta": run_warta(args.warta, root, index, queries, [])}
        for v in args.variant:
            name, _, flags = v.partition("=")
            systems[f"warta {name}"] = run_warta(args.warta, root, index, queries, flags.split())
        systems["tantivy BM25 (default tokenizer, OR)"] = run_tantivy_default(arts, queries, tmp)
        sastrawi = run_sastrawi(arts, queries)
        if sastrawi is None:
            print("note: PySastrawi not installed (pip install PySastrawi); its baseline is skipped", file=sys.stderr)
        else:
            systems["BM25 over PySastrawi stems (OR)"] = sastrawi

    per = {name: {qid: metrics(r.get(qid, []), judged[qid]) for qid, _ in queries} for name, r in systems.items()}
    parts = "corpus/" + (", realdev/, seeds/" if shared else " only (../shared not found)")
    print(f"{len(queries)} queries over {len(ids)} pages ({parts})\n")
    table(per, args.markdown)
    base = per["tantivy BM25 (default tokenizer, OR)"]
    w = per["warta"]
    below = [q for q, _ in queries if w[q][0] < base[q][0] - 0.15]
    print(f"\nqueries more than 0.15 nDCG@10 below tantivy BM25: {len(below)} {' '.join(below)}\n")
    worst(queries, per, args.worst, args.markdown)
    print("\nthe set each warta mode counts, against the relevant pages (precision / recall / F1, mean per query):")
    for name, r in systems.items():
        if name.startswith("warta"):
            c = COUNTED[id(r)]
            p, rec, f = set_quality(c, judged, queries)
            size = sum(len(c[q]) for q, _ in queries) / len(queries)
            print(f"  {name:20} {p:.3f} / {rec:.3f} / {f:.3f}   mean size {size:.1f}")
    if args.per_query:
        for q, t in queries:
            print(f"  {q} {t[:40]:40} " + "  ".join(f"{per[x][q][0]:.2f}/{per[x][q][2]:.2f}" for x in per))


def table(per, md):
    rows = []
    for name, m in per.items():
        vals = list(m.values())
        rows.append((name, *(sum(v[i] for v in vals) / len(vals) for i in range(3))))
    if md:
        print("| system | nDCG@10 | P@5 | R@20 |\n|---|---|---|---|")
        for r in rows:
            print(f"| {r[0]} | {r[1]:.3f} | {r[2]:.3f} | {r[3]:.3f} |")
    else:
        print(f"{'system':45} nDCG@10   P@5   R@20")
        for r in rows:
            print(f"{r[0]:45} {r[1]:7.3f} {r[2]:5.3f} {r[3]:6.3f}")


def worst(queries, per, n, md):
    text = dict(queries)
    names = list(per)
    order = sorted(text, key=lambda q: per["warta"][q][0])[:n]
    if md:
        print("| query | " + " | ".join(f"{x} nDCG@10" for x in names) + " |")
        print("|---" * (len(names) + 1) + "|")
        for q in order:
            print(f"| `{text[q]}` | " + " | ".join(f"{per[x][q][0]:.2f}" for x in names) + " |")
    else:
        print("worst queries for warta (nDCG@10 per system):")
        for q in order:
            print(f"  {q} {text[q]:45} " + "  ".join(f"{per[x][q][0]:.2f}" for x in names))


if __name__ == "__main__":
    main()
