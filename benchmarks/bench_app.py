"""App benchmarks: start to a usable window, opening the 2,000-touchpoint file in the
app, one edit committed and drawn, memory. Offscreen; prints medians.

Run: ``.venv/bin/python benchmarks/bench_app.py`` (budgets: DESIGN.md §11)."""

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
if path != "-":
    w.open_path(path)
else:
    w.open_demo()
w.show()
QApplication.processEvents()
print("usable", flush=True)
t_open = time.perf_counter()
mode = sys.argv[2]
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


def run(path: str, mode: str = "start") -> tuple[float, dict[str, float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, path, mode], stdout=subprocess.PIPE,
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


def main() -> None:
    from benchmarks.synthetic import make_project
    from journeymap.model.document import write_store_file

    tmp = Path(tempfile.mkdtemp())
    os.environ["JOURNEYMAP_DATA_DIR"] = str(tmp / "data")
    os.environ.setdefault("JOURNEYMAP_CACHE_DIR", str(tmp / "cache"))
    big = tmp / "big.jmap"
    write_store_file(make_project(), big)
    run("-")  # warm caches (derived font, byte code)
    demo = [run("-") for _ in range(5)]
    large = [run(str(big), "edit") for _ in range(3)]
    med = statistics.median
    print("what                                                median   budget")
    print(f"start to usable window, demo project            {med(u for u, _ in demo):7.0f} ms  ≤ 1500 ms")
    print(f"start to usable window, 2,000-touchpoint file   {med(u for u, _ in large):7.0f} ms  "
          "(open ≤ 1000 ms of it)")
    print(f"one edit committed and drawn (2,000 tp)         {med(f['edit'] for _, f in large):7.2f} ms  ≤ 50 ms")
    print(f"peak memory, 2,000-touchpoint file open         {med(f['rss'] for _, f in large):7.0f} MB  ≤ 400 MB")


if __name__ == "__main__":
    main()
