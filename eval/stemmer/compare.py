#!/usr/bin/env python3
"""Compare warta's stemmer with PySastrawi on the evaluation word list; write EVALUATION.md.

Run by evaluate.sh with the virtualenv's python (PySastrawi must be importable).

  our stems    $WARTA_STEM_CMD (default: `cargo run --quiet --release --example stem_words`,
               run in the repository root) reads one word per line on stdin and prints
               `word<TAB>stem` per line
  the oracle   PySastrawi: StemmerFactory().create_stemmer().stem(word)
  judgements   judgements.tsv (this folder, hand-reviewed): word, ours, pysastrawi, verdict,
               why. verdict is one of we-are-right | it-is-right | both-defensible. A row whose
               ours/pysastrawi columns no longer match the current outputs is stale and its word
               counts as unreviewed.

Headline metric (target: >= 97 %): agreement once PySastrawi's known errors are set
aside = (agree + we-are-right) / words. Unreviewed disagreements count against us.

Also writes target/eval-disagreements.tsv (all disagreements, for review).
"""

import argparse
import collections
import datetime
import importlib.metadata
import json
import os
import platform
import re
import subprocess
import sys
import time

VERDICTS = ("we-are-right", "it-is-right", "both-defensible")
DEFAULT_CMD = "cargo run --quiet --release --example stem_words"
SOURCE_ORDER = ("corpus", "seeds", "probes", "hs-roots", "hs-forms")
SOURCE_DESC = {
    "corpus": "word types of the sample corpus (corpus/*.txt, *.json, *.jsonl text fields)",
    "seeds": "word types of ../shared/seeds (read at run time, not committed)",
    "probes": "words of eval/stemmer/families.tsv, confusables.tsv, probes.txt",
    "hs-roots": "deterministic sample of hunspell-id roots (id_ID.dic)",
    "hs-forms": "forms generated from hunspell-id roots with the id_ID.aff affix rules",
}


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def run_ours(words, repo):
    cmd = os.environ.get("WARTA_STEM_CMD", DEFAULT_CMD)
    t0 = time.monotonic()
    proc = subprocess.run(
        cmd,
        shell=True,
        cwd=repo,
        input="".join(w + "\n" for w in words),
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    elapsed = time.monotonic() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        hint = ""
        if cmd == DEFAULT_CMD and not os.path.exists(os.path.join(repo, "examples", "stem_words.rs")):
            hint = " (examples/stem_words.rs does not exist yet; set WARTA_STEM_CMD)"
        sys.exit(f"compare: stemmer command failed ({proc.returncode}): {cmd}{hint}")
    stems = {}
    for line in proc.stdout.splitlines():
        word, sep, stem = line.partition("\t")
        if sep:
            stems[word] = stem
    missing = [w for w in words if w not in stems]
    if missing:
        sys.exit(f"compare: stemmer gave no stem for {len(missing)} words, e.g. {missing[:5]}")
    return stems, elapsed, cmd


def run_pysastrawi(words):
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    t0 = time.monotonic()
    stemmer = StemmerFactory().create_stemmer()
    stems = {w: stemmer.stem(w) for w in words}
    return stems, time.monotonic() - t0


def pct(n, d):
    return f"{100.0 * n / d:.2f} %" if d else "–"


def md_escape(s):
    return s.replace("|", "\\|") if s else "∅"


def cmd_output(args, cwd=None):
    try:
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def crate_version(repo):
    try:
        with open(os.path.join(repo, "Cargo.toml"), encoding="utf-8") as f:
            in_pkg = False
            for line in f:
                s = line.strip()
                if s.startswith("["):
                    in_pkg = s == "[package]"
                elif in_pkg and s.startswith("version"):
                    return s.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "?"


def retrieval_pairs(repo):
    """The confusable pairs tests/retrieval.rs checks through the real index (CONFUSABLE)."""
    path = os.path.join(repo, "tests", "retrieval.rs")
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return []
    block = re.search(r"const CONFUSABLE[^=]*=\s*&\[(.*?)\];", text, re.S)
    return re.findall(r'\("([^"]+)",\s*"([^"]+)"\)', block.group(1)) if block else []


def write_pipeline_note(w, repo, conflated):
    """Why a pair conflated here need not meet in search (kept in the generator on purpose)."""
    w("### Bare `stem()` versus the search pipeline")
    w("")
    w("The pairs above are measured at the bare `stem()` level: the `stem_words` example stems one "
      "lowercase word with no token filter around it. The search pipeline (`warta_stem` analyzer) "
      "adds protections before the stemmer runs: **Bekasi** is a gazetteer name (also listed in "
      "`src/analysis/stem/no_stem.txt`), so the `IndonesianStemmer` filter emits it unstemmed and "
      "it never meets *bekas*; **serta** is a stopword of the stemmed view "
      "(`src/analysis/stopwords.txt`), removed before stemming, and *peserta* is a root of its own "
      "(`src/analysis/stem/extra_roots.txt`), so the conjunction, the *peserta* family and "
      "*menyertakan* (to include) never meet. The same holds for other names (`sinaga` → saga here, protected by "
      "`no_stem.txt` in the pipeline) and for ALL-CAPS tokens.")
    w("")
    if conflated:
        w("Conflated at the `stem()` level in this run: "
          + ", ".join(f"{a} / {b}" for a, b in conflated) + ".")
        w("")
    pairs = retrieval_pairs(repo)
    if pairs:
        w(f"`tests/retrieval.rs` (`confusable_words_never_find_each_other`) indexes one article per "
          f"word and searches each side of its {len(pairs)} pairs through the real index and search "
          f"path ({', '.join(f'{a} / {b}' for a, b in pairs)}); it asserts that **0** of them "
          f"match, and `cargo test` runs it.")
        w("")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--words", required=True, help="word list written by wordlist.py")
    ap.add_argument("--out", required=True, help="EVALUATION.md")
    ap.add_argument("--hunspell-version", default="?")
    ap.add_argument("--timings", default=None, help="JSON of earlier stage timings (seconds)")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    repo = args.repo
    started = float(os.environ.get("EVAL_START", time.time()))

    rows = read_tsv(args.words + "-sources.tsv")
    words = [r[0] for r in rows]
    sources = {r[0]: r[1].split(",") for r in rows}
    corpus_tokens = {r[0]: int(r[2]) for r in rows}
    seed_tokens = {r[0]: int(r[3]) for r in rows}
    pattern = {r[0]: (r[4] if len(r) > 4 else "") for r in rows}
    hs_root = {r[0]: (r[5] if len(r) > 5 else "") for r in rows}
    with open(args.words + "-stats.json", encoding="utf-8") as f:
        stats = json.load(f)
    timings = {}
    if args.timings and os.path.exists(args.timings):
        with open(args.timings, encoding="utf-8") as f:
            timings = json.load(f)

    ours, t_ours, cmd = run_ours(words, repo)
    py, t_py = run_pysastrawi(words)

    judgements = {}
    for r in read_tsv(os.path.join(here, "judgements.tsv")):
        if len(r) < 4 or r[3] not in VERDICTS:
            sys.exit(f"compare: bad judgements.tsv row: {r}")
        judgements[r[0]] = (r[1], r[2], r[3], r[4] if len(r) > 4 else "")

    # Classify every word.
    cls = {}
    stale = []
    for w in words:
        if ours[w] == py[w]:
            cls[w] = "agree"
            continue
        j = judgements.get(w)
        if j and j[0] == ours[w] and j[1] == py[w]:
            cls[w] = j[2]
        else:
            if j:
                stale.append(w)
            cls[w] = "unreviewed"

    def summary(ws, weight=None):
        c = collections.Counter()
        for w in ws:
            c[cls[w]] += weight[w] if weight else 1
        total = sum(c.values())
        return c, total

    all_c, total = summary(words)
    set_aside = all_c["agree"] + all_c["we-are-right"]
    headline = set_aside / total if total else 0.0
    target_met = headline >= 0.97
    tok_c, tok_total = summary([w for w in words if corpus_tokens[w]], corpus_tokens)
    seed_tok_c, seed_tok_total = summary([w for w in words if seed_tokens[w]], seed_tokens)

    # Families and confusables.
    families = [(r[0], r[1].split()) for r in read_tsv(os.path.join(here, "families.tsv"))]
    fam_rows = []
    ours_conf = py_conf = 0
    for name, forms in families:
        forms = [f for f in forms if f in ours]
        o = len({ours[f] for f in forms}) == 1
        p = len({py[f] for f in forms}) == 1
        ours_conf += o
        py_conf += p
        fam_rows.append((name, forms, o, p))
    pairs = [(r[0], r[1]) for r in read_tsv(os.path.join(here, "confusables.tsv"))]
    pair_rows = [(a, b, ours[a] == ours[b], py[a] == py[b]) for a, b in pairs if a in ours and b in ours]

    # Disagreement dump for review.
    dis_path = os.path.join(os.path.dirname(args.words), "eval-disagreements.tsv")
    with open(dis_path, "w", encoding="utf-8") as f:
        f.write("# word\tours\tpysastrawi\tclass\tsources\tcorpus_tokens\tseed_tokens\tpattern\thunspell_root\n")
        for w in words:
            if cls[w] != "agree":
                f.write(
                    f"{w}\t{ours[w]}\t{py[w]}\t{cls[w]}\t{','.join(sources[w])}\t"
                    f"{corpus_tokens[w]}\t{seed_tokens[w]}\t{pattern[w]}\t{hs_root[w]}\n"
                )

    # ---- report -------------------------------------------------------------
    now = datetime.datetime.now(datetime.timezone.utc)
    total_elapsed = time.time() - started
    try:
        py_version = importlib.metadata.version("PySastrawi")
    except importlib.metadata.PackageNotFoundError:
        py_version = "?"
    out = []
    w = out.append
    w("# Stemmer evaluation: warta vs PySastrawi")
    w("")
    w("<!-- Generated by eval/stemmer/evaluate.sh; do not edit by hand. Edit eval/stemmer/judgements.tsv")
    w("     (hand-reviewed verdicts), families.tsv or confusables.tsv and re-run the script. -->")
    w("")
    w(f"- **Date**: {now:%Y-%m-%d %H:%M} UTC")
    w(f"- **Ours**: warta {crate_version(repo)}, `{cmd}` ({cmd_output(['rustc', '--version']) or 'rustc ?'})")
    w(f"- **Oracle**: PySastrawi {py_version} (PyPI; `StemmerFactory().create_stemmer()`, the cached stemmer), "
      f"Python {platform.python_version()}")
    w(f"- **Word source**: Debian `hunspell-id` {args.hunspell_version} (id_ID.dic/.aff, LGPL-3), the sample corpus"
      + (", the seed articles" if stats.get("seeds_present") else " (seed articles absent on this machine)"))
    w("")
    w("## Result")
    w("")
    w(f"| measure | value |")
    w(f"|---|---|")
    w(f"| words compared (distinct types) | {total:,} |")
    w(f"| raw agreement (types) | {all_c['agree']:,} / {total:,} = **{pct(all_c['agree'], total)}** |")
    w(f"| raw agreement, corpus tokens ({tok_total:,}) | {pct(tok_c['agree'], tok_total)} |")
    if seed_tok_total:
        w(f"| raw agreement, seed tokens ({seed_tok_total:,}) | {pct(seed_tok_c['agree'], seed_tok_total)} |")
    w(f"| **agreement once PySastrawi's known errors are set aside** = (agree + we-are-right) / words "
      f"| {set_aside:,} / {total:,} = **{pct(set_aside, total)}** |")
    w(f"| same, corpus tokens | {pct(tok_c['agree'] + tok_c['we-are-right'], tok_total)} |")
    w(f"| target: ≥ 97 % | **{'met' if target_met else 'NOT met'}** |")
    w(f"| disagreements: we are right / it is right / both defensible / unreviewed "
      f"| {all_c['we-are-right']:,} / {all_c['it-is-right']:,} / {all_c['both-defensible']:,} / "
      f"{all_c['unreviewed']:,} |")
    w(f"| word families conflated (families.tsv) | ours **{ours_conf}/{len(fam_rows)}**, "
      f"PySastrawi {py_conf}/{len(fam_rows)} |")
    w(f"| confusable pairs conflated (confusables.tsv; want 0) | ours **{sum(r[2] for r in pair_rows)}/"
      f"{len(pair_rows)}**, PySastrawi {sum(r[3] for r in pair_rows)}/{len(pair_rows)} |")
    w("")
    w("Unreviewed disagreements count against us. A judgement whose recorded stems no longer match the")
    w("current outputs is stale and counts as unreviewed" + (f" ({len(stale)} stale now)." if stale else "."))
    w("")
    w("## Word list")
    w("")
    w(f"Built by `eval/stemmer/wordlist.py` into `target/eval-words.txt` (not committed): "
      f"{stats['total']:,} distinct lowercase alphabetic words of 3+ letters. A word counts in every source it "
      f"occurs in; \"first\" credits it to the first source only.")
    w("")
    w("| source | what | words | first | agree | agree + we-are-right |")
    w("|---|---|---|---|---|---|")
    for s in SOURCE_ORDER:
        ws = [x for x in words if s in sources[x]]
        c, n = summary(ws)
        w(f"| {s} | {SOURCE_DESC[s]} | {stats['in_source'].get(s, 0):,} | {stats['first_source'].get(s, 0):,} "
          f"| {pct(c['agree'], n)} | {pct(c['agree'] + c['we-are-right'], n)} |")
    w("")
    w(f"hunspell-id: {stats['hunspell_roots_lowercase']:,} lowercase alphabetic roots, {stats['affix_flags']} affix "
      f"flags; {stats['hunspell_forms_generated']:,} distinct derived forms generated in "
      f"{stats['hunspell_patterns']} affix patterns (prefix × derivational suffix × clitic), sampled round-robin "
      f"over the patterns (SHA-1 order within a pattern). Corpus: {stats['corpus_tokens']:,} tokens.")
    w("")

    w("## Word families")
    w("")
    w(f"A family is conflated when all its forms get one stem. Ours {ours_conf}/{len(fam_rows)}, "
      f"PySastrawi {py_conf}/{len(fam_rows)}. Families not conflated by at least one side:")
    w("")
    w("| family | ours | PySastrawi | forms → ours / PySastrawi (only forms off the majority stem) |")
    w("|---|---|---|---|")
    for name, forms, o, p in fam_rows:
        if o and p:
            continue
        mo = collections.Counter(ours[f] for f in forms).most_common(1)[0][0]
        mp = collections.Counter(py[f] for f in forms).most_common(1)[0][0]
        odd = [f"{f} → {ours[f]} / {py[f]}" for f in forms if ours[f] != mo or py[f] != mp]
        w(f"| {name} | {'yes' if o else '**no**'} ({mo}) | {'yes' if p else '**no**'} ({mp}) | {'; '.join(odd)} |")
    w("")
    w("## Confusable pairs")
    w("")
    w("| pair | ours | PySastrawi |")
    w("|---|---|---|")
    for a, b, o, p in pair_rows:
        w(f"| {a} / {b} | {ours[a]} / {ours[b]}{' **conflated**' if o else ''} "
          f"| {py[a]} / {py[b]}{' **conflated**' if p else ''} |")
    w("")
    write_pipeline_note(w, args.repo, [(a, b) for a, b, o, _ in pair_rows if o])

    def table(kind, title, blurb):
        ws = [x for x in words if cls[x] == kind]
        w(f"## {title} ({len(ws):,})")
        w("")
        w(blurb)
        w("")
        if not ws:
            w("(none)")
            w("")
            return
        if kind != "unreviewed":
            reasons = collections.Counter(judgements[x][3] for x in ws)
            common = [(r, n) for r, n in reasons.most_common() if n >= 3]
            if common:
                w("Most frequent reasons:")
                w("")
                for r, n in common:
                    w(f"- {n} × {r}")
                w("")
        w("| word | sources | ours | PySastrawi | why |")
        w("|---|---|---|---|---|")
        for x in ws:
            why = judgements[x][3] if x in judgements and kind != "unreviewed" else ""
            src = ",".join(sources[x]) + (f" (← {hs_root[x]})" if hs_root[x] else "")
            w(f"| {x} | {src} | {md_escape(ours[x])} | {md_escape(py[x])} | {md_escape(why)} |")
        w("")

    w("## Disagreements")
    w("")
    w("Verdicts come from `eval/stemmer/judgements.tsv`, reviewed by hand. Sources: corpus, seeds, probes, "
      "hs-roots, hs-forms (see above); \"← root\" is the hunspell root a generated form was derived from.")
    w("")
    table("we-are-right", "1. We are right: PySastrawi's known errors",
          "PySastrawi over-stems through dictionary homographs, mangles what it cannot read, or misses a rule; "
          "these are set aside in the headline metric.")
    table("it-is-right", "2. It is right: bugs in our stemmer", "To fix in `src/analysis/stem/`.")
    table("both-defensible", "3. Both defensible",
          "Different roots, both a reasonable reading (often the root dictionaries differ); not set aside.")
    table("unreviewed", "4. Unreviewed", "Not yet in judgements.tsv (or stale); counted as disagreements.")

    w("## Timing")
    w("")
    w("| stage | seconds |")
    w("|---|---|")
    for k, v in timings.items():
        w(f"| {k} | {v:.1f} |")
    w(f"| our stemmer (command incl. cargo build check, {total:,} words) | {t_ours:.1f} |")
    w(f"| PySastrawi ({total:,} words, incl. dictionary load) | {t_py:.1f} |")
    w(f"| total up to writing this report | {total_elapsed:.1f} |")
    w("")
    w("Re-run: `eval/stemmer/evaluate.sh` (see its header).")

    # The extraction evaluation (written from `warta eval` results) follows a
    # marker line and survives regeneration of the stemmer part.
    marker = "<!-- extraction: kept when the stemmer part is regenerated -->"
    kept = ""
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            previous = f.read()
        if marker in previous:
            kept = "\n" + previous[previous.index(marker):]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n" + kept)
    print(
        f"compare: {total} words, raw {pct(all_c['agree'], total)}, set aside {pct(set_aside, total)} "
        f"({'met' if target_met else 'NOT met'}); tokens {pct(tok_c['agree'], tok_total)}; families ours "
        f"{ours_conf}/{len(fam_rows)} py {py_conf}/{len(fam_rows)}; unreviewed {all_c['unreviewed']}; "
        f"ours {t_ours:.1f}s py {t_py:.1f}s -> {args.out}, {dis_path}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
