"""warta's HTTP API from Python: hits, facet counts and a timeline as pandas
DataFrames.

Start a server first (`warta serve`, or `cargo run --release -- serve`),
then:

    python examples/python/warta_api.py --url http://127.0.0.1:8080 "klaim JHT" --province "Jawa Timur"

Needs `requests` and `pandas` (pip install requests pandas). Every call is a
plain GET: repeat a filter to OR its values (province=["Jawa Timur", "Bali"]).
Errors come back as {"error": {"kind", "message", "parameter"}}.
"""

import argparse
import io

import pandas as pd
import requests


class WartaError(Exception):
    """A request the server refused (the message names the parameter)."""


def get(url, path, **params):
    """GET /api/PATH with PARAMS (lists repeat the parameter); the decoded JSON."""
    params = {k: v for k, v in params.items() if v not in (None, [], "")}
    r = requests.get(f"{url}/api/{path}", params=params, timeout=60)
    if not r.ok:
        e = r.json().get("error", {})
        raise WartaError(f"{e.get('parameter') or path}: {e.get('message')}")
    return r.json()


def hits(url, q="", limit=100, **filters):
    """One page of hits: one row per article, with its first snippet."""
    data = get(url, "search", q=q, limit=limit, facets="none", **filters)
    rows = [
        {
            "id": h["id"],
            "score": h["score"],
            "title": h.get("title"),
            "source": h.get("source"),
            "date": h.get("date"),
            "provinces": "; ".join(p["name"] for p in h.get("provinces", [])),
            "programs": "; ".join(h.get("programs", [])),
            "snippet": h["snippets"][0]["text"] if h.get("snippets") else None,
        }
        for h in data["hits"]
    ]
    return pd.DataFrame(rows), data["total"]


def all_hits(url, q="", **filters):
    """Every match (no cap), streamed as CSV by /api/export."""
    params = {k: v for k, v in dict(q=q, format="csv", **filters).items() if v not in (None, [], "")}
    with requests.get(f"{url}/api/export", params=params, timeout=600, stream=True) as r:
        r.raise_for_status()
        return pd.read_csv(io.BytesIO(r.content))


def facets(url, by, q="", **filters):
    """Counts and shares per value of one facet."""
    data = get(url, "facets", by=by, q=q, **filters)
    return pd.DataFrame([{k: v[k] for k in ("value", "count", "share")} for v in data[by]])


def timeline(url, queries, by="month", **filters):
    """Matching articles per period, one column pair (count, share) per query."""
    data = get(url, "timeline", q=list(queries), by=by, **filters)
    rows = [
        {"query": s["query"], "period": p["period"], "count": p["count"], "all": p["all"], "share": p["share"]}
        for s in data["series"]
        for p in s["points"]
    ]
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("query", nargs="?", default="")
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--province", action="append", default=[])
    args = ap.parse_args()
    frame, total = hits(args.url, args.query, limit=10, province=args.province)
    print(f"hits: {total} in all, {len(frame)} on this page")
    print(frame[["id", "source", "date", "title"]].to_string(index=False))
    every = all_hits(args.url, args.query, province=args.province)
    print(f"export: {len(every)} rows")
    print("provinces:")
    print(facets(args.url, "province", args.query).to_string(index=False))
    print("timeline:")
    t = timeline(args.url, [args.query or "*", "PHK"], by="year", province=args.province)
    print(t.pivot(index="period", columns="query", values="count").fillna(0).astype(int).to_string())


if __name__ == "__main__":
    main()
