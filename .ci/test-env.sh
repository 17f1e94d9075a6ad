#!/usr/bin/env bash
# Installs what the tests beyond Rust need, and nothing else:
#   - the Debian packages listed in .ci/apt-packages.txt that are missing
#     (installed when run as root; otherwise listed, and the tests that need
#     them say so);
#   - the Python packages of tests/python/requirements*.txt, into a virtual
#     environment at target/pyenv (tests find it there, or at $WARTA_TEST_PYTHON).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -f .ci/apt-packages.txt ]]; then
  missing=()
  while read -r pkg _; do
    [[ -z $pkg || $pkg == \#* ]] && continue
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done < .ci/apt-packages.txt
  if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]]; then
      echo "test-env: installing Debian packages: ${missing[*]}" >&2
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "test-env: missing Debian packages (install them as root): ${missing[*]}" >&2
    fi
  fi
fi

shopt -s nullglob
reqs=(tests/python/requirements*.txt)
if ((${#reqs[@]})); then
  [[ -x target/pyenv/bin/python ]] || python3 -m venv target/pyenv
  args=()
  for r in "${reqs[@]}"; do args+=(-r "$r"); done
  echo "test-env: Python packages from ${reqs[*]} into target/pyenv" >&2
  target/pyenv/bin/python -m pip install -q --disable-pip-version-check "${args[@]}"
fi
