"""Run every benchmark script and print their medians (budgets: docs/performance.md).

    .venv/bin/python benchmarks/run.py [model|analysis|canvas|app|export ...]

Benchmarks are separate from the test suite on purpose: timings depend on the machine
and its load, so they are measured and reported (docs/performance.md), not asserted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ALL = ("model", "analysis", "canvas", "app", "export", "library")


def main(argv: list[str]) -> int:
    names = argv or list(ALL)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = 0
    for name in names:
        print(f"\n== {name} ==", flush=True)
        r = subprocess.run([sys.executable, str(HERE / f"bench_{name}.py")], env=env)
        failed += r.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
