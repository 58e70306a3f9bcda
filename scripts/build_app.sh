#!/usr/bin/env bash
# Build the frozen journeymap app (PyInstaller, one folder) and smoke-test it.
#   scripts/build_app.sh          -> dist/journeymap/journeymap and
#                                    dist/journeymap-<version>-<os>-<arch>.tar.gz
# Takes a few minutes; not part of ./test.sh or .ci/run. PyInstaller builds for the
# system it runs on: run this on each target (see the README, "The frozen app").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
VENV="${JOURNEYMAP_VENV:-.venv}"
PY="$VENV/bin/python"
"$PY" -m pip install -q "pyinstaller>=6.10"

version="$("$PY" -c 'import journeymap; print(journeymap.__version__)')"
rm -rf build/pyinstaller dist/journeymap
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/journeymap.spec
echo "build_app: built dist/journeymap in $(( $(date +%s) - start )) s," \
     "$(du -sh dist/journeymap | cut -f1)"

# Smoke test: version, every template, PDF exports, the app started offscreen and quit.
"$PY" scripts/smoke_install.py dist/journeymap/journeymap --version "$version"

archive="dist/journeymap-$version-$(uname -s | tr A-Z a-z)-$(uname -m).tar.gz"
tar -C dist -czf "$archive" journeymap
echo "build_app: $archive ($(du -h "$archive" | cut -f1))"
