#!/usr/bin/env python3
"""Derive warta's root-word list (roots.txt) from Debian's hunspell-id id_ID.dic.

Usage (see README.md in this folder for the full procedure):

    apt-get update && apt-get download hunspell-id
    dpkg-deb -x hunspell-id_*.deb hunspell-id
    python3 derive_roots.py hunspell-id/usr/share/hunspell/id_ID.dic roots.txt

Rules, applied to every entry of the .dic (the first line is the entry count):
  * the word is the part before the first '/' (the hunspell affix flags are dropped);
    surrounding whitespace is stripped;
  * a few entries have their flags glued on without the '/' (e.g. "bersutM0",
    "cungap-cungapT0"): a trailing upper-case letter + digit after a lower-case
    letter is such a flag and is dropped;
  * entries whose first letter is upper case are proper nouns (Allah, April, Jakarta,
    ...) and are left out; they are counted and the count is printed;
  * the word is lowercased; only words made of ASCII letters and hyphens are kept (this drops
    the bound affixes the .dic lists, such as "ber-", "-kan", "pasca-");
  * words of one or two letters and the words of drop_roots.txt (next to this script; each
    with the reason) are left out: they make ECS stop on a wrong root;
  * the result is deduplicated and sorted (code-point order), after a '#' header.

Standard library only. The output is deterministic for a given .dic.
"""

import os
import re
import sys

GLUED_FLAG = re.compile(r"(?<=[a-z])[A-Z][0-9]$")
ROOT = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

HEADER = """\
# warta root-word list for the Indonesian ECS stemmer: one lowercase root per line.
# Derived by derive_roots.py from id_ID.dic of Debian package hunspell-id 1:7.5.0-1
# (source package libreoffice-dictionaries; dictionaries/id/id_ID.*: Copyright (C) 2017
# Ali Ahmadi <idnux09@gmail.com>, License: LGPL-3 per debian/copyright). See LICENSE-roots.txt.
# Retrieved 2026-11-22. Left out: proper nouns (capitalised in the .dic), bound affixes,
# words of 1-2 letters and the entries of drop_roots.txt.
"""


MIN_ROOT_LEN = 3


def read_word_list(path):
    """Words of a '#'-commented list (one per line)."""
    with open(path, encoding="utf-8") as f:
        words = (line.split("#", 1)[0].strip() for line in f)
        return {w for w in words if w}


def derive(lines, drop=frozenset()):
    """Return (sorted roots, proper nouns left out, affix entries dropped, short/curated drops)."""
    roots = set()
    proper = 0
    dropped = 0
    curated = 0
    for i, line in enumerate(lines):
        if i == 0 and line.strip().isdigit():
            continue  # entry count
        word = line.split("/", 1)[0].strip()
        if not word:
            continue
        word = GLUED_FLAG.sub("", word)
        if word[0].isupper():
            proper += 1
            continue
        word = word.lower()
        if not ROOT.match(word):
            dropped += 1
        elif len(word) < MIN_ROOT_LEN or word in drop:
            curated += 1
        else:
            roots.add(word)
    return sorted(roots), proper, dropped, curated


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: derive_roots.py ID_ID.DIC OUT_ROOTS_TXT\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        lines = f.read().splitlines()
    drop = read_word_list(os.path.join(os.path.dirname(os.path.abspath(__file__)), "drop_roots.txt"))
    roots, proper, dropped, curated = derive(lines, drop)
    with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for root in roots:
            f.write(root + "\n")
    sys.stderr.write(
        f"{len(lines) - 1} entries -> {len(roots)} roots; "
        f"{proper} proper nouns left out; {dropped} affix entries dropped; "
        f"{curated} short or curated entries dropped\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
