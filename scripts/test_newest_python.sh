#!/usr/bin/env bash
# The test suite once more on the newest Python this machine has (3.12 or later), in its own venv (.venv-newest).
# pip picks other releases there (PyAV 19 dropped Python 3.11, and changed av.open's arguments): what installs and
# passes on 3.11 alone may not on the Pythons Rapport also supports (requires-python >= 3.11).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${NEWEST_VENV:-.venv-newest}"
found=""
for c in python3.14 python3.13 python3.12 "$HOME"/.pyenv/versions/3.1[234]*/bin/python3; do
  if v=$("$c" -c 'import sys; print("%d.%d" % sys.version_info[:2]) if sys.version_info >= (3, 12) else sys.exit(1)' 2>/dev/null); then
    if [ -z "$found" ] || [ "$(printf '%s\n%s\n' "$v" "$best" | sort -V | tail -1)" != "$best" ]; then
      found="$c"; best="$v"
    fi
  fi
done
if [ -z "$found" ]; then
  echo "test-newest: no Python 3.12 or later on this machine; skipped (the suite ran on $(python3 --version))"
  exit 0
fi
echo "test-newest: Python $best ($found) in $VENV"
[ -x "$VENV/bin/python" ] || "$found" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e ".[dev]"
"$VENV/bin/python" -m pytest -q -p no:cacheprovider
