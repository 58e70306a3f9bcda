"""App benchmarks: start to a usable window, opening the 2,000-touchpoint file in the
app, one edit committed and drawn, memory, and the start-up time relative to a bare
PySide6 window (paired: the two processes alternate in one run). Offscreen; medians.

Run: ``.venv/bin/python benchmarks/bench_app.py`` (budgets: docs/performance.md);
``--profile start|open`` prints the cProfile hot spots of one of the two; ``--ratio``
measures the paired ratio only."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

CHILD = r"""
import os, sys, time, resource
from journeymap.ui.app import make_app
from journeymap.ui.main_window import MainWindow
from PySide6.QtWidgets import QApplication
app = make_app()
w = MainWindow()
w.resize(1600, 1000)
path = sys.argv[1]
mode = sys.argv[2]
if mode == "open":
    # Opening a file from the start screen: the window is up, the user picks a file.
    w.show()
    QApplication.processEvents()
    t = time.perf_counter()
    w.open_path(path)
    QApplication.processEvents()
    print(f"open {(time.perf_counter() - t) * 1000:.1f}", flush=True)
elif path != "-":
    w.open_path(path)
else:
    w.open_demo()
w.show()
QApplication.processEvents()
print("usable", flush=True)
if mode == "edit":
    from journeymap.model import edits
    store = w.store
    j = store.journeys()[0].id
    ids = [t.id for t in store.touchpoints(j)][:40]
    times = []
    for i, tid in enumerate(ids):
        t = time.perf_counter()
        w.push_edit(edits.set_fields(store, "touchpoint", tid, title=f"edit {i}"))
        QApplication.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"edit {times[len(times) // 2]:.2f}", flush=True)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"rss {rss:.0f}", flush=True)
w.discard_document() if hasattr(w, "discard_document") else None
"""


BARE = r"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1600, 1000)
w.show()
QApplication.processEvents()
print("usable", flush=True)
"""


def child_env() -> dict[str, str]:
    """Offscreen, and byte code cached as in an installed app: with
    PYTHONDONTWRITEBYTECODE set (as in some shells and CI) every start would compile
    journeymap's sources again (~0.3 s) while PySide6's are cached in site-packages."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "jm-bench-pycache"))
    return env


def run(path: str, mode: str = "start", code: str = CHILD) -> tuple[float, dict[str, float]]:
    env = child_env()
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, path, mode], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    usable = 0.0
    figures: dict[str, float] = {}
    for line in proc.stdout:
        if line.startswith("usable"):
            usable = (time.perf_counter() - t) * 1000
        else:
            key, value = line.split()
            figures[key] = float(value)
    proc.wait(60)
    return usable, figures


def paired_ratio(n: int = 9) -> tuple[float, float, float]:
    """Median of (journeymap start to usable window, demo project) / (bare PySide6 window)
    over ``n`` pairs run alternately, and the two medians (ms)."""
    bare, app, ratios = [], [], []
    for _ in range(n):
        b, _f = run("-", "start", BARE)
        a, _f = run("-", "start")
        bare.append(b)
        app.append(a)
        ratios.append(a / b)
    med = statistics.median
    return med(ratios), med(app), med(bare)


def profile(what: str, big: Path) -> None:
    """cProfile of one child: ``start`` (to a usable window, demo) or ``open`` (the
    2,000-touchpoint file from the start screen); prints the top 35 by cumulative time."""
    env = child_env()
    prof = big.parent / f"{what}.prof"
    path, mode = ("-", "start") if what == "start" else (str(big), "open")
    code = ("import cProfile, sys\n"
            f"sys.argv = ['x', {path!r}, {mode!r}]\n"
            f"cProfile.run(compile({CHILD!r}, 'child', 'exec'), {str(prof)!r})\n")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, stdout=subprocess.DEVNULL)
    import pstats

    pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(35)


def main() -> None:
    from benchmarks.synthetic import make_project
    from journeymap.model.document import write_store_file

    tmp = Path(tempfile.mkdtemp())
    os.environ["JOURNEYMAP_DATA_DIR"] = str(tmp / "data")
    os.environ.setdefault("JOURNEYMAP_CACHE_DIR", str(tmp / "cache"))
    big = tmp / "big.jmap"
    write_store_file(make_project(), big)
    run("-")  # warm caches (derived font, byte code)
    if len(sys.argv) > 2 and sys.argv[1] == "--profile":
        profile(sys.argv[2], big)
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--ratio":
        ratio, app_ms, bare_ms = paired_ratio()
        print(f"start relative to a bare PySide6 window (paired)  {ratio:6.2f} ×   ≤ 2 × "
              f"(journeymap {app_ms:.0f} ms, bare {bare_ms:.0f} ms, medians of 9 pairs)")
        return
    demo = [run("-") for _ in range(5)]
    large = [run(str(big), "edit") for _ in range(3)]
    opened = [run(str(big), "open")[1]["open"] for _ in range(5)]
    ratio, app_ms, bare_ms = paired_ratio()
    med = statistics.median
    print("what                                                median   budget")
    print(f"start to usable window, demo project            {med(u for u, _ in demo):7.0f} ms  ≤ 1500 ms")
    print(f"start to usable window, 2,000-touchpoint file   {med(u for u, _ in large):7.0f} ms  "
          "(open ≤ 1000 ms of it)")
    print(f"open the 2,000-touchpoint file from the start screen {med(opened):5.0f} ms  ≤ 1000 ms")
    print(f"start relative to a bare PySide6 window (paired)  {ratio:6.2f} ×   ≤ 2 × "
          f"(journeymap {app_ms:.0f} ms, bare {bare_ms:.0f} ms, medians of 9 pairs)")
    print(f"one edit committed and drawn (2,000 tp)         {med(f['edit'] for _, f in large):7.2f} ms  ≤ 50 ms")
    print(f"peak memory, 2,000-touchpoint file open         {med(f['rss'] for _, f in large):7.0f} MB  ≤ 400 MB")


if __name__ == "__main__":
    main()
