"""Measure the canvas on a generated 2,000-touchpoint journey; print medians.

    python benchmarks/bench_canvas.py [--cards N] [--repeat K]

build: JourneyScene construction; refresh: one card edit applied to the store then
scene.refresh(changes) (title change, move to another cell); paint: one full repaint
of a 1400×900 view at 100 % and zoomed to fit; drag: mouse moves on the view while
dragging a card, each followed by a synchronous repaint → frames per second.
handoffs: a journey with 1,000 labelled handoffs between random cards — building the
scene (routing and label placement inside the time budget), re-routing every arrow
and re-placing every label with no budget, labels left out; bad input: a 30 roles ×
50 stages journey and a card with a 100 kB title.
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
    handoffs(store, args.repeat, ms)
    bad_input(ms)
    return 0


def handoffs(store, repeat: int, ms) -> None:  # noqa: ANN001
    """1,000 labelled handoffs between random cards of the 2,000-card journey."""
    import random

    from journeymap.model.rows import Handoff
    from journeymap.model.store import Store
    from journeymap.ui.canvas.scene import JourneyScene

    rnd = random.Random(11)
    rows = [r for t in store.tables.values() for r in t.values()
            if not isinstance(r, Handoff)]
    n = sum(1 for r in rows if type(r).__name__ == "Touchpoint")
    for i in range(1000):
        a, b = rnd.sample(range(n), 2)
        rows.append(Handoff(f"hb{i}", journey="j", source=f"t{a}", target=f"t{b}",
                            label=f"Handoff label {i}", position=i))
    big = Store(rows)
    builds = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        scene = JourneyScene(big, "j")
        builds.append(time.perf_counter() - t0)
    left = sum(a.label_item.left_out for a in scene.arrows().values())
    print("build, 1,000 handoffs", ms(builds), f" ({left} labels left out by the budget)")
    routes = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        scene.reroute_arrows(scene.touchpoint_ids())
        routes.append(time.perf_counter() - t0)
    left = sum(a.label_item.left_out for a in scene.arrows().values())
    print("route + place all ", ms(routes), f" (no budget; {left} labels left out: no room)")


def bad_input(ms) -> None:  # noqa: ANN001
    from journeymap.model.rows import Journey, Lane, Role, Stage, Touchpoint
    from journeymap.model.store import Store
    from journeymap.ui.canvas.scene import JourneyScene

    rows = [Journey("j", name="Wide")]
    for r in range(30):
        rows += [Role(f"r{r}", name=f"Role {r}", position=r),
                 Lane(f"j/r{r}", journey="j", role=f"r{r}", position=r)]
    rows += [Stage(f"s{s}", journey="j", name=f"Stage {s}", position=s) for s in range(50)]
    rows += [Touchpoint(f"t{k}", journey="j", role=f"r{k % 30}", stage=f"s{k % 50}",
                        title="A touchpoint " * (k % 7 + 1), position=k) for k in range(1500)]
    rows.append(Touchpoint("huge", journey="j", role="r0", stage="s0",
                           title="長いタイトル、" * 15000, position=9999))
    store = Store(rows)
    t0 = time.perf_counter()
    scene = JourneyScene(store, "j")
    built = time.perf_counter() - t0
    from journeymap.ui.canvas.view import JourneyView

    view = JourneyView(scene)
    view.resize(1400, 900)
    view.show()
    view.zoom_to_fit()
    t0 = time.perf_counter()
    view.viewport().repaint()
    painted = time.perf_counter() - t0
    print("30×50 + 100 kB title", ms([built]), " build;", ms([painted]), " repaint at fit")


if __name__ == "__main__":
    sys.exit(main())
