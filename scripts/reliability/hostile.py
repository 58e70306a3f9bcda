"""Hostile files, the full run: every generated file through info, validate, rank, every
export and the window's open → edit → save. Prints the figures (docs/reliability.md).

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/reliability/hostile.py \
        [--sample] [--timeout 30] [--only NAME ...] [--details]
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

import hostile  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sample", action="store_true", help="one file of each kind (CI subset)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per command")
    p.add_argument("--only", nargs="*", help="case names")
    p.add_argument("--details", action="store_true", help="print every finding")
    p.add_argument("--json", type=Path, help="write the figures as JSON here")
    args = p.parse_args(argv)
    cases = hostile.sample_cases() if args.sample else hostile.all_cases()
    if args.only:
        cases = [c for c in cases if c.name in args.only]
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="jm-hostile-") as tmp:
        fig = hostile.run_cases(cases, Path(tmp), timeout=args.timeout,
                                progress=lambda s: print(s, flush=True))
    print(f"\nhostile files: {fig.files} files ({sum(c.kind == 'schema' for c in cases)} hostile "
          f"schema, {sum(c.kind == 'row' for c in cases)} invalid rows), {fig.runs} runs, "
          f"{time.monotonic() - t0:.0f} s")
    for name in ("executed", "foreign_saved", "foreign_kept", "hangs", "crashes", "wrong",
                 "unnamed", "side_files", "modified"):
        print(f"  {name:14} {getattr(fig, name)}")
    if args.details:
        print("\n".join(fig.details))
    if args.json:
        args.json.write_text(json.dumps({**{k: getattr(fig, k) for k in (
            "files", "runs", *fig.COUNTED)}, "details": fig.details}, indent=1), "utf-8")
    return 1 if fig.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
