#!/usr/bin/env python3
"""Build the word list for the stemmer evaluation (EVALUATION.md).

Sources, in this order (a word is credited to every source it occurs in; the
list itself is deduplicated and keeps the first-seen order below):

  corpus    every word type of the sample corpus (corpus/*.txt, and the text
            fields of corpus/*.json / *.jsonl), with token counts
  seeds     every word type of ../shared/seeds/*.txt, read at run time only if
            that folder exists (never committed: the seeds are real articles)
  probes    the words of families.tsv, confusables.tsv and probes.txt (this folder)
  hs-roots  a deterministic sample of plain roots of hunspell-id's id_ID.dic
  hs-forms  forms derived from the hunspell-id roots with the id_ID.aff affix
            rules (PFX/SFX with strip/add/condition, continuation classes,
            cross products, CIRCUMFIX A1, NEEDAFFIX A2), sampled
            deterministically, round-robin over affix patterns, so that the
            whole list stays at about --max-words words

A word is a run of letters ([^\\W\\d_]+), lowercased. Words of 2 letters or
fewer are dropped (no stemmer touches them). Output:

  OUT            one word per line
  OUT-sources.tsv  word, sources (comma-separated), corpus tokens, seed tokens,
                   affix pattern and generating hunspell root (hs-forms only)
  OUT-stats.json   counts per source, for the report

Usage: wordlist.py --repo DIR --aff id_ID.aff --dic id_ID.dic --out FILE
"""

import argparse
import collections
import glob
import hashlib
import json
import os
import re
import sys

WORD_RE = re.compile(r"[^\W\d_]+")
# Keys of scraped-JSON objects that hold article text (others are metadata).
TEXT_KEYS = ("title", "body", "maintext", "text", "description", "content", "summary")
LOWER_ALPHA = re.compile(r"^[a-z]+$")
CIRCUMFIX = "A1"
NEEDAFFIX = "A2"


def words_of(text):
    return [w.lower() for w in WORD_RE.findall(text) if len(w) > 2]


def json_texts(obj):
    if isinstance(obj, dict):
        for key in TEXT_KEYS:
            value = obj.get(key)
            if isinstance(value, str):
                yield value
    elif isinstance(obj, list):
        for item in obj:
            yield from json_texts(item)


def count_folder(folder):
    """Token counts of all word types of the .txt/.json/.jsonl files in folder."""
    counts = collections.Counter()
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8", errors="replace") as f:
            raw = f.read()
        if name.endswith(".txt"):
            counts.update(words_of(raw))
        elif name.endswith(".json"):
            for text in json_texts(json.loads(raw)):
                counts.update(words_of(text))
        elif name.endswith(".jsonl"):
            for line in raw.splitlines():
                if line.strip():
                    for text in json_texts(json.loads(line)):
                        counts.update(words_of(text))
    return counts


def probe_words(here):
    words = []
    for name in ("families.tsv", "confusables.tsv", "probes.txt"):
        path = os.path.join(here, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                for w in re.split(r"[\t ]+", line):
                    w = w.strip().lower()
                    if w and len(w) > 2 and WORD_RE.fullmatch(w):
                        words.append(w)
    return words


# --- hunspell -------------------------------------------------------------


class Affix:
    __slots__ = ("kind", "flag", "strip", "add", "cont", "cond")

    def __init__(self, kind, flag, strip, add, cont, cond):
        self.kind, self.flag, self.strip, self.add = kind, flag, strip, add
        self.cont = cont
        self.cond = cond

    @property
    def circumfix(self):
        return CIRCUMFIX in self.cont


def split_flags(s):
    """FLAG long: every flag is two characters."""
    return [s[i : i + 2] for i in range(0, len(s) - 1, 2)]


def parse_aff(path):
    """Return {flag: (kind, cross_product, [Affix])}."""
    rules = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            fields = line.split()
            if len(fields) < 3 or fields[0] not in ("PFX", "SFX"):
                continue
            kind, flag = fields[0], fields[1]
            if len(fields) >= 4 and fields[2] in ("Y", "N") and fields[3].isdigit():
                rules[flag] = (kind, fields[2] == "Y", [])
                continue
            strip = "" if fields[2] == "0" else fields[2]
            add_cont = fields[3] if len(fields) > 3 else ""
            add, _, cont = add_cont.partition("/")
            add = "" if add == "0" else add
            cond = fields[4] if len(fields) > 4 else "."
            if cond == ".":
                rx = None
            elif kind == "PFX":
                rx = re.compile("^" + cond)
            else:
                rx = re.compile(cond + "$")
            if flag not in rules:
                rules[flag] = (kind, True, [])
            rules[flag][2].append(Affix(kind, flag, strip, add, frozenset(split_flags(cont)), rx))
    return rules


def apply(affix, word):
    if affix.cond is not None and not affix.cond.search(word):
        return None
    if affix.kind == "PFX":
        if not word.startswith(affix.strip):
            return None
        return affix.add + word[len(affix.strip) :]
    if affix.strip and not word.endswith(affix.strip):
        return None
    base = word[: len(word) - len(affix.strip)] if affix.strip else word
    return base + affix.add


CLITICS = ("lah", "kah", "nya", "ku", "mu")


def coarse_pattern(prefix, suffixes):
    """Pattern key for sampling: prefix, derivational suffix, and whether clitics follow.

    `suffixes` is the added suffix material, e.g. "-kan-nya" or "-annyalah".
    """
    s = suffixes.replace("-", "")
    clitic = False
    stripped = True
    while stripped:
        stripped = False
        for c in CLITICS:
            if s.endswith(c) and len(s) > len(c) - 1:
                s = s[: len(s) - len(c)]
                clitic = stripped = True
                break
    key = (prefix + "-" if prefix else "") + "X" + ("-" + s if s else "")
    return key + ("+clitic" if clitic else "")


def derive(root, flags, rules):
    """Yield (form, pattern) for the forms hunspell would accept for root/flags.

    Suffixes may chain twice (root+sfx1+sfx2 via sfx1's continuation flags);
    a prefix comes from the root's flags (cross product with the suffix, both
    marked Y) or from a suffix's continuation flags (twofold affixation). An
    affix carrying the CIRCUMFIX flag is valid only together with another
    circumfix affix on the other side.
    """
    sfx_flags = [f for f in flags if f in rules and rules[f][0] == "SFX"]
    pfx_flags = [f for f in flags if f in rules and rules[f][0] == "PFX"]
    # (word, continuation flags, circumfix?, cross-product allowed, suffix pattern)
    stems = []
    for sf in sfx_flags:
        _, cross1, entries = rules[sf]
        for e1 in entries:
            w1 = apply(e1, root)
            if w1 is None:
                continue
            stems.append((w1, e1.cont, e1.circumfix, cross1, "-" + e1.add))
            for sf2 in sorted(e1.cont):
                if sf2 not in rules or rules[sf2][0] != "SFX":
                    continue
                for e2 in rules[sf2][2]:
                    w2 = apply(e2, w1)
                    if w2 is None:
                        continue
                    circ = e1.circumfix or e2.circumfix
                    stems.append((w2, e1.cont | e2.cont, circ, cross1, "-" + e1.add + "-" + e2.add))
    # suffix-only forms
    for w, _, circ, _, pat in stems:
        if not circ:
            yield w, coarse_pattern("", pat)
    # prefix-only forms
    for pf in pfx_flags:
        for pe in rules[pf][2]:
            if pe.circumfix:
                continue
            w = apply(pe, root)
            if w is not None:
                yield w, coarse_pattern(pe.add, "")
    # prefix + suffix forms
    for w, cont, circ, cross, pat in stems:
        candidates = set(f for f in cont if f in rules and rules[f][0] == "PFX")
        if cross:
            candidates.update(f for f in pfx_flags if rules[f][1])
        for pf in sorted(candidates):
            for pe in rules[pf][2]:
                if pe.circumfix != circ:
                    continue
                form = apply(pe, w)
                if form is not None:
                    yield form, coarse_pattern(pe.add, pat)


def hunspell_forms(aff, dic):
    rules = parse_aff(aff)
    roots = []
    forms = {}  # form -> pattern (first seen)
    with open(dic, encoding="latin-1") as f:
        lines = f.read().splitlines()
    for line in lines[1:]:  # first line is the entry count
        word, _, flagstr = line.strip().partition("/")
        if not LOWER_ALPHA.match(word):
            continue  # proper nouns, hyphenated doubles, abbreviations
        flags = split_flags(flagstr)
        if NEEDAFFIX not in flags:
            roots.append(word)
        for form, pattern in derive(word, flags, rules):
            if LOWER_ALPHA.match(form) and len(form) > 2 and form not in forms:
                forms[form] = (pattern, word)
    return sorted(set(roots)), forms, rules


def digest(word):
    return hashlib.sha1(word.encode("utf-8")).hexdigest()


def spread(forms_with_roots):
    """Order (form, root) pairs so that different roots come first: the first form of every
    root (roots in SHA-1 order), then the second form of every root, and so on."""
    by_root = collections.defaultdict(list)
    for form, root in forms_with_roots:
        by_root[root].append(form)
    ranked = []
    for root, fs in by_root.items():
        for rank, form in enumerate(sorted(fs, key=digest)):
            ranked.append((rank, digest(root), form))
    return [form for _, _, form in sorted(ranked)]


def sample_round_robin(forms, exclude, limit, per_root=3):
    """Deterministic sample of `limit` forms, round-robin over affix patterns.

    `forms` maps form -> (pattern, root). Within a pattern, forms of different roots come first,
    and no root gives more than `per_root` forms (raised only if the list would run short), so
    that a rare pattern does not pull in every clitic variant of its few roots.
    """
    groups = collections.defaultdict(list)
    for form, (pattern, root) in forms.items():
        if form not in exclude:
            groups[pattern].append((form, root))
    queues = [spread(fs) for _, fs in sorted(groups.items())]
    picked, taken = [], set()
    per_root_count = collections.Counter()
    cap = per_root
    while len(picked) < limit:
        before = len(picked)
        i = 0
        while len(picked) < limit and any(i < len(q) for q in queues):
            for q in queues:
                if i < len(q) and len(picked) < limit:
                    form = q[i]
                    root = forms[form][1]
                    if form not in taken and per_root_count[root] < cap:
                        picked.append(form)
                        taken.add(form)
                        per_root_count[root] += 1
            i += 1
        if len(picked) == before:
            if cap > max(len(q) for q in queues or [[]]):
                break
        cap += per_root
    return picked


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--aff", required=True)
    ap.add_argument("--dic", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seeds", default=None, help="default: REPO/../shared/seeds")
    ap.add_argument("--max-words", type=int, default=20000)
    ap.add_argument("--roots-sample", type=int, default=1500)
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    seeds_dir = args.seeds or os.path.join(args.repo, "..", "shared", "seeds")

    corpus = count_folder(os.path.join(args.repo, "corpus"))
    seeds = count_folder(seeds_dir) if os.path.isdir(seeds_dir) else collections.Counter()
    probes = probe_words(here)
    roots, forms, rules = hunspell_forms(args.aff, args.dic)

    order = []
    sources = collections.defaultdict(list)

    def add(words, source):
        for w in words:
            if source not in sources[w]:
                if not sources[w]:
                    order.append(w)
                sources[w].append(source)

    add(sorted(corpus), "corpus")
    add(sorted(seeds), "seeds")
    add(sorted(set(probes)), "probes")
    root_sample = sorted(roots, key=digest)[: args.roots_sample]
    add(sorted(root_sample), "hs-roots")
    # The form sample does not depend on the seeds (absent on most machines), so that
    # judgements.tsv covers the same generated words everywhere; seed words come on top.
    base = set(corpus) | set(probes) | set(root_sample)
    room = max(0, args.max_words - len(base))
    form_sample = sample_round_robin(forms, base, room)
    # Words already in the list that are also hunspell-derived forms get credited too.
    add(sorted(w for w in order if w in forms), "hs-forms")
    add(sorted(form_sample), "hs-forms")

    with open(args.out, "w", encoding="utf-8") as f:
        for w in order:
            f.write(w + "\n")
    with open(args.out + "-sources.tsv", "w", encoding="utf-8") as f:
        f.write("# word\tsources\tcorpus_tokens\tseed_tokens\taffix_pattern\thunspell_root\n")
        for w in order:
            f.write(f"{w}\t{','.join(sources[w])}\t{corpus[w]}\t{seeds[w]}\t{forms[w][0] if w in forms else ''}\t{forms[w][1] if w in forms else ''}\n")

    in_source = collections.Counter(s for w in order for s in sources[w])
    first = collections.Counter(sources[w][0] for w in order)
    stats = {
        "total": len(order),
        "seeds_present": os.path.isdir(seeds_dir),
        "corpus_tokens": sum(corpus.values()),
        "seed_tokens": sum(seeds.values()),
        "hunspell_roots_lowercase": len(roots),
        "hunspell_forms_generated": len(forms),
        "hunspell_patterns": len({p for p, _ in forms.values()}),
        "affix_flags": len(rules),
        "in_source": dict(in_source),
        "first_source": dict(first),
    }
    with open(args.out + "-stats.json", "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1, sort_keys=True)
    print(
        f"wordlist: {len(order)} words (corpus {in_source['corpus']}, seeds {in_source['seeds']}, "
        f"probes {in_source['probes']}, hs-roots {in_source['hs-roots']}, hs-forms {in_source['hs-forms']} "
        f"sampled from {len(forms)} generated)",
        file=sys.stderr,
    )
    if len(order) < 5000:
        sys.exit(f"wordlist: only {len(order)} words, the evaluation needs at least 5,000")


if __name__ == "__main__":
    main()
