"""Every evidence suite at full size, one after another; prints each suite's figures.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/reliability/run_all.py \
        [hostile crash fuzz state ui scale]

One command per suite (what this runs):
  hostile  scripts/reliability/hostile.py
  crash    scripts/reliability/crash.py --cycles 510
  fuzz     JOURNEYMAP_RELIABILITY=full pytest tests/reliability/test_reliability_fuzz.py
  state    JOURNEYMAP_RELIABILITY=full pytest tests/reliability/test_reliability_state_machine.py
  ui       JOURNEYMAP_RELIABILITY=full pytest tests/reliability/test_reliability_ui_endurance.py
  scale    scripts/reliability/scale.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
PY = sys.executable
SUITES: dict[str, list[str]] = {
    "hostile": [PY, str(HERE / "hostile.py")],
    "crash": [PY, str(HERE / "crash.py"), "--cycles", "510"],
    "fuzz": [PY, "-m", "pytest", "-q", "-p", "no:randomly", "tests/reliability/test_reliability_fuzz.py"],
    "state": [PY, "-m", "pytest", "-q", "tests/reliability/test_reliability_state_machine.py"],
    "ui": [PY, "-m", "pytest", "-q", "tests/reliability/test_reliability_ui_endurance.py"],
    "scale": [PY, str(HERE / "scale.py")],
}


def main(argv: list[str]) -> int:
    names = argv or list(SUITES)
    report = Path(tempfile.mkdtemp(prefix="jm-reliability-")) / "report.txt"
    env = {**os.environ, "JOURNEYMAP_RELIABILITY": "full", "QT_QPA_PLATFORM": "offscreen",
           "JOURNEYMAP_RELIABILITY_REPORT": str(report),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    failed = []
    for name in names:
        print(f"\n== {name}: {' '.join(SUITES[name][1:])} ==", flush=True)
        t0 = time.monotonic()
        r = subprocess.run(SUITES[name], cwd=ROOT, env=env)
        print(f"== {name}: exit {r.returncode}, {time.monotonic() - t0:.0f} s", flush=True)
        if r.returncode != 0:
            failed.append(name)
    print(f"\nsuites with failures: {', '.join(failed) or 'none'}")
    if report.exists():
        print(report.read_text("utf-8"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
