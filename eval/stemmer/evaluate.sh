#!/usr/bin/env bash
# Stemmer evaluation for warta: compare our Indonesian stemmer with PySastrawi
# on a word list of ~20,000 words and write EVALUATION.md at the repository root.
# Kept in the repo but outside `cargo test`: it needs PyPI and Debian downloads. About 5 s once set
# up; the first run adds ~10 s of downloads plus the release build of the example.
#
# Usage:   eval/stemmer/evaluate.sh            (from anywhere; paths are relative to this script)
#
# Steps:
#   1. virtualenv target/eval-venv with PySastrawi==1.2.1 from PyPI (1.2.1, not 1.0.1: 1.0.1 looks
#      words up in a Python list and runs at ~23 words/s);
#   2. Debian's hunspell-id package (LGPL-3) fetched with `apt-get download hunspell-id` into
#      target/eval-hunspell/ (runs `apt-get update` once if the download fails), id_ID.dic/.aff
#      extracted with dpkg-deb; skipped when already there;
#   3. wordlist.py: target/eval-words.txt (+ -sources.tsv, -stats.json) from the corpus, the seed
#      articles in ../shared/seeds if present (never committed), families/confusables/probes, and forms
#      generated from the hunspell-id affix rules;
#   4. compare.py: our stems (`$WARTA_STEM_CMD`, default `cargo run --quiet --release --example
#      stem_words`, run in the repo root: one word per line on stdin, `word<TAB>stem` out) against
#      PySastrawi, verdicts from judgements.tsv, families.tsv, confusables.tsv -> ../../EVALUATION.md
#      and target/eval-disagreements.tsv (every disagreement, for reviewing into judgements.tsv).
#
# Files in eval/stemmer/ (all committed):
#   evaluate.sh      this entry point          wordlist.py   builds the word list
#   compare.py       runs both stemmers, writes EVALUATION.md
#   judgements.tsv   hand-reviewed verdicts on the disagreements (word, ours, pysastrawi, verdict,
#                    why); re-review after changing the stemmer: rows whose stems changed go stale
#   families.tsv     word families a searcher expects to match (conflation report)
#   confusables.tsv  pairs that must not get one stem         probes.txt   extra probe words
#
# Environment:
#   WARTA_STEM_CMD   stemmer command (shell string), e.g. to try a development crate:
#                    WARTA_STEM_CMD='cd /path/to/crate && cargo run -q --release --example stem_words'
#   PYTHON           python used to create the virtualenv (default python3)
#   EVAL_MAX_WORDS   size of the word list without the seed words (default 20000)
#
# Needs: python3 with venv, apt-get + dpkg-deb (Debian/Ubuntu), cargo, network to PyPI and Debian.
# Everything it writes lives under target/ (gitignored) except EVALUATION.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="$repo/target"
venv="$target/eval-venv"
hs="$target/eval-hunspell"
words="$target/eval-words.txt"
timings="$target/eval-timings.json"
out="$here/../../EVALUATION.md"
export EVAL_START="$(date +%s.%N)"
mkdir -p "$target" "$hs"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { # milliseconds -> seconds with 3 decimals
    printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 ))
}
start_ms=$(now_ms)
stage_start=$start_ms
declare -a stage_json=()
stage_done() { # name
    local now
    now=$(now_ms)
    stage_json+=("\"$1\": $(secs $(( now - stage_start )))")
    stage_start=$now
}

# 1. PySastrawi in a virtualenv
if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("PySastrawi") != "1.2.1")' 2>/dev/null; then
    echo "evaluate: creating $venv with PySastrawi 1.2.1" >&2
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'PySastrawi==1.2.1'
fi
stage_done "virtualenv + PySastrawi"

# 2. hunspell-id
aff="$hs/usr/share/hunspell/id_ID.aff"
dic="$hs/usr/share/hunspell/id_ID.dic"
if [[ ! -f "$aff" || ! -f "$dic" ]]; then
    deb=$(ls "$hs"/hunspell-id_*.deb 2>/dev/null | head -n1 || true)
    if [[ -z "$deb" ]]; then
        echo "evaluate: apt-get download hunspell-id" >&2
        if ! (cd "$hs" && apt-get download hunspell-id); then
            echo "evaluate: download failed; running apt-get update once" >&2
            apt-get update
            (cd "$hs" && apt-get download hunspell-id)
        fi
        deb=$(ls "$hs"/hunspell-id_*.deb | head -n1)
    fi
    dpkg-deb -x "$deb" "$hs"
fi
deb=$(ls "$hs"/hunspell-id_*.deb 2>/dev/null | head -n1 || true)
hs_version=$( [[ -n "$deb" ]] && dpkg-deb -f "$deb" Version || echo "?")
stage_done "hunspell-id download/extract"

# 3. word list
"$venv/bin/python" "$here/wordlist.py" --repo "$repo" --aff "$aff" --dic "$dic" --out "$words" \
    --max-words "${EVAL_MAX_WORDS:-20000}"
stage_done "word list"

# 4. compare and report
(IFS=,; echo "{${stage_json[*]}}") > "$timings"
"$venv/bin/python" "$here/compare.py" --repo "$repo" --words "$words" --out "$out" \
    --hunspell-version "$hs_version" --timings "$timings"
echo "evaluate: wrote $(cd "$(dirname "$out")" && pwd)/EVALUATION.md in $(secs $(( $(now_ms) - start_ms ))) s" >&2
