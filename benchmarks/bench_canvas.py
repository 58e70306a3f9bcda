"""Measure the canvas on a generated 2,000-touchpoint journey; print medians.

    python benchmarks/bench_canvas.py [--cards N] [--repeat K]

build: JourneyScene construction; refresh: one card edit applied to the store then
scene.refresh(changes) (title change, move to another cell); paint: one full repaint
of a 1400×900 view at 100 % and zoomed to fit; drag: mouse moves on the view while
dragging a card, each followed by a synchronous repaint → frames per second.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from test_canvas import big_store

    from journeymap.model import edits
    from journeymap.ui.canvas.scene import JourneyScene
    from journeymap.ui.canvas.view import JourneyView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = big_store(n_cards=args.cards)

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:7.1f} ms  (n={len(values)})"

    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        scene = JourneyScene(store, "j")
        times.append(time.perf_counter() - t0)
    print("build scene      ", ms(times))

    t_title, t_move = [], []
    for k in range(20):
        tid = f"t{k * 37}"
        e = edits.set_fields(store, "touchpoint", tid, title=f"Renamed {k}")
        t0 = time.perf_counter()
        store.apply(e.changes)
        scene.refresh(list(e.changes))
        t_title.append(time.perf_counter() - t0)
        tp = store.touchpoint(tid)
        stage = "s0" if tp.stage != "s0" else "s1"
        m = edits.move_touchpoints(store, [tid], tp.role, stage)
        t0 = time.perf_counter()
        store.apply(m.changes)
        scene.refresh(list(m.changes))
        t_move.append(time.perf_counter() - t0)
    print("refresh (title)  ", ms(t_title), " incl. store.apply")
    print("refresh (move)   ", ms(t_move), " incl. store.apply")

    view = JourneyView(scene)
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    for label, fit in (("100 %", False), ("fit", True)):
        if fit:
            view.zoom_to_fit()
        else:
            view.zoom_reset()
            view.centerOn(scene.card_rect("t5").center())
        app.processEvents()
        paints = []
        for _ in range(5):
            t0 = time.perf_counter()
            view.viewport().repaint()
            paints.append(time.perf_counter() - t0)
        print(f"full repaint {label:5s}", ms(paints))

        tid = next(t for t in scene.touchpoint_ids()
                   if view.viewport().rect().contains(view.mapFromScene(
                       scene.card_rect(t).center())))
        start = view.mapFromScene(scene.card_rect(tid).center() + QPointF(-40, 0))
        home = scene.card_rect(tid)
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier(0), start)
        frames = []
        for k in range(1, 61):
            t0 = time.perf_counter()
            QTest.mouseMove(view.viewport(), start + type(start)(k * 6, k * 3))
            app.processEvents()   # the view repaints what changed
            frames.append(time.perf_counter() - t0)
        assert scene._press is not None and scene._press.dragging, "drag did not start"
        assert scene.card_item(tid).pos() != home.topLeft()
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier(0), start + type(start)(240, 120))
        med = statistics.median(frames)
        print(f"drag frame {label:5s}  ", ms(frames), f" → {1 / med:5.0f} frames/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
