"""Benchmark of the rendered exports (budget: PDF map of 200 touchpoints ≤ 3 s).

``python benchmarks/bench_export.py [--repeat N]``: the map PDF of a 200-touchpoint
journey (budgeted) and the report PDF of the 2,000-touchpoint synthetic project (not
budgeted; printed). Prints the median of N runs of each; exits non-zero when the map
budget is exceeded. Runs head-less (offscreen Qt).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.synthetic import make_project  # noqa: E402
from journeymap.export.render import export_rendered  # noqa: E402

MAP_BUDGET_S = 3.0


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--report-repeat", type=int, default=1)
    args = p.parse_args(argv)
    from journeymap.export.paint import ensure_app

    t = time.perf_counter()
    ensure_app()
    print(f"Qt application and fonts:            {time.perf_counter() - t:7.3f} s (once)")
    small = make_project(roles=8, stages=12, touchpoints=200, pains_per_tp=2)
    big = make_project(roles=10, stages=20, touchpoints=2000, pains_per_tp=2)
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        j = small.journeys()[0].id
        m = median_time(lambda: export_rendered(small, out / "map.pdf", "pdf", journey=j,
                                                paper="a3"), args.repeat)
        verdict = "ok" if m <= MAP_BUDGET_S else "OVER BUDGET"
        ok &= m <= MAP_BUDGET_S
        print(f"map PDF, 200 touchpoints (A3):       {m:7.3f} s median of {args.repeat} "
              f"(budget {MAP_BUDGET_S:g} s: {verdict})")
        m = median_time(lambda: export_rendered(small, out / "tiles.pdf", "pdf", journey=j,
                                                paper="a4", tile=True), args.repeat)
        print(f"map PDF, 200 touchpoints (A4 tiled): {m:7.3f} s median of {args.repeat}")
        m = median_time(lambda: export_rendered(small, out / "map.png", "png", journey=j,
                                                dpi=150), args.repeat)
        print(f"map PNG, 200 touchpoints (150 dpi):  {m:7.3f} s median of {args.repeat}")
        m = median_time(lambda: export_rendered(big, out / "report.pdf", "report"),
                        args.report_repeat)
        size = (out / "report.pdf").stat().st_size / 1e6
        print(f"report PDF, 2,000 touchpoints:       {m:7.3f} s median of {args.report_repeat} "
              f"({size:.1f} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
