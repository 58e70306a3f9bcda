#!/usr/bin/env bash
# Set up (first time) and run every check: lint, layer contracts, the test suite.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check journeymap tests benchmarks scripts packaging setup.py
.venv/bin/lint-imports
.venv/bin/python -m pytest -q "$@"
