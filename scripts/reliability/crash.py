"""Crash safety, the full run: SIGKILL at random moments of `journeymap import`,
Document.save (Save As) and bursts of edits; prints the figures (docs/reliability.md).

    PYTHONPATH=. .venv/bin/python scripts/reliability/crash.py [--cycles 510] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "reliability")]

import crash  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cycles", type=int, default=510)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--details", action="store_true")
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="jm-crash-") as tmp:
        fig = crash.run(args.cycles, Path(tmp), seed=args.seed,
                        progress=lambda s: print(s, flush=True))
    print(f"\ncrash safety: {fig.cycles} SIGKILL cycles ({fig.killed_mid_way} mid-way), "
          f"{time.monotonic() - t0:.0f} s")
    for k in ("unreadable", "lost_edits", "recovered", "not_recovered", "litter"):
        print(f"  {k:14} {getattr(fig, k)}")
    if args.details:
        print("\n".join(fig.details))
    if args.json:
        args.json.write_text(json.dumps({k: getattr(fig, k) for k in (
            "cycles", "killed_mid_way", "unreadable", "lost_edits", "recovered",
            "not_recovered", "litter")} | {"details": fig.details}, indent=1), "utf-8")
    return 1 if fig.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
