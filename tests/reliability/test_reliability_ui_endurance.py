"""UI endurance: random user actions on a template project in the main window, offscreen.

Actions: add a card, drag a card to another cell (mouse press, move, release on the
view), edit a card (selected, so the inspector follows it), delete, undo, redo, filter
and search, zoom, vote. Every edit goes through the window's own entry points
(``push_edit``, the undo stack, the scene, the view, the filter bar).

Must hold: no exception escapes anywhere (sys.excepthook and Qt's critical messages are
collected), and at the end model and canvas agree: every touchpoint of the journey has
exactly one card, lying in its lane × stage cell, and no card is left for a deleted one.

Actions: 300 here, 10,000 with JOURNEYMAP_RELIABILITY=full."""

from __future__ import annotations

import random
import sys
import traceback

import pytest
from evidence import count

from journeymap.model import edits
from journeymap.model.edits import EditError
from journeymap.model.validation import ValidationError

ACTIONS = ("add", "drag", "edit", "delete", "undo", "redo", "filter", "zoom", "vote")


@pytest.fixture
def window(qtbot, qapp, monkeypatch):  # noqa: ANN001, ANN201
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QMessageBox

    from journeymap.ui.app import setup_app
    from journeymap.ui.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)
    setup_app(qapp)
    QSettings().clear()
    boxes: list[str] = []
    for kind in ("critical", "warning", "question", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda _p, _t, text, *a, **k: boxes.append(text) or QMessageBox.StandardButton.Cancel))
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.new_from_template("b2b-procurement", "en")
    w.message_boxes = boxes  # type: ignore[attr-defined]
    yield w
    w.discard_document()
    QSettings().clear()


class Collector:
    """Exceptions that reach the event loop and Qt's critical/fatal messages."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def hook(self, kind, value, tb) -> None:  # noqa: ANN001
        self.found.append("".join(traceback.format_exception(kind, value, tb))[-800:])

    def qt(self, mode, _context, message) -> None:  # noqa: ANN001
        from PySide6.QtCore import QtMsgType

        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.found.append(f"Qt: {message}")


def drag(qtbot, w, tid: str, role: str, stage: str) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    scene, view = w.scene, w.view
    card, cell = scene.card_rect(tid), scene.cell_rect(role, stage)
    if card.isEmpty() or cell.isEmpty():
        return
    view.ensureVisible(card)
    start = view.mapFromScene(card.center())
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    view.ensureVisible(cell)
    end = view.mapFromScene(cell.center())
    for k in range(1, 5):
        p = start + (end - start) * (k / 4)
        QTest.mouseMove(vp, QPoint(int(p.x()), int(p.y())), 5)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def act(qtbot, w, rng: random.Random, action: str, stats: dict[str, int]) -> None:  # noqa: ANN001
    store, j = w.doc.store, w.journey_id
    tps = [t.id for t in store.touchpoints(j)]
    lanes = [x.role for x in store.lanes(j)]
    stages = [s.id for s in store.stages(j)]

    def push(make) -> None:  # noqa: ANN001
        try:
            edit = make()
        except (EditError, ValidationError):
            stats["refused"] += 1
            return
        if w.push_edit(edit):
            stats["edits"] += 1

    if action == "add":
        push(lambda: edits.add_touchpoint(store, j, rng.choice(lanes), rng.choice(stages),
                                          f"Card {rng.randrange(10**6)}",
                                          index=rng.choice([None, 0, 1]),
                                          pain_points=[{"title": "slow", "severity": 4}]
                                          if rng.random() < 0.3 else ()))
    elif action == "drag" and tps:
        before = w.undo_stack.count()
        drag(qtbot, w, rng.choice(tps), rng.choice(lanes), rng.choice(stages))
        stats["drags"] += w.undo_stack.count() != before
    elif action == "edit" and tps:
        tid = rng.choice(tps)
        item = w.scene.card_item(tid)
        if item is not None:
            w.scene.clearSelection()
            item.setSelected(True)
        field, value = rng.choice([("title", f"Renamed {rng.randrange(999)}"),
                                   ("emotion", rng.choice([None, -2, 0, 2, 5])),
                                   ("channel", rng.choice(["human", "digital", "physical"])),
                                   ("description", "x" * rng.randrange(0, 300)),
                                   ("scores", [rng.randrange(0, 11) for _ in range(3)])])
        push(lambda: edits.set_fields(store, "touchpoint", tid, **{field: value}))
    elif action == "delete" and tps and rng.random() < 0.5:
        push(lambda: edits.delete(store, "touchpoint", [rng.choice(tps)]))
    elif action == "undo":
        w.undo_stack.undo()
    elif action == "redo":
        w.undo_stack.redo()
    elif action == "filter":
        bar = w.filter_bar
        choice = rng.randrange(3)
        if choice == 0:
            bar.search.setText(rng.choice(["", "Card", "quote", "1", "zz", "見積"]))
        elif choice == 1 and bar.role.count():
            bar.role.setCurrentIndex(rng.randrange(bar.role.count()))
        elif bar.severity.count():
            bar.severity.setCurrentIndex(rng.randrange(bar.severity.count()))
    elif action == "zoom":
        getattr(w.view, rng.choice(["zoom_in", "zoom_out", "zoom_reset", "zoom_to_fit"]))()
    elif action == "vote":
        pains = sorted(store.tables["pain_point"]) + sorted(store.tables["action"])
        if pains:
            push(lambda: edits.add_vote(store, f"P{rng.randrange(5)}", rng.choice(pains)))


def model_and_canvas_disagree(w) -> list[str]:  # noqa: ANN001
    from journeymap.ui.canvas.items import CardItem

    store, scene, j = w.doc.store, w.scene, w.journey_id
    out = []
    tps = store.touchpoints(j)
    cards = [i for i in scene.items() if isinstance(i, CardItem)]
    if len(cards) != len(tps):
        out.append(f"{len(cards)} cards on the canvas for {len(tps)} touchpoints")
    for tp in tps:
        rect, cell = scene.card_rect(tp.id), scene.cell_rect(tp.role, tp.stage)
        if rect.isEmpty():
            out.append(f"{tp.id} has no card")
        elif not cell.contains(rect.center()):
            out.append(f"{tp.id}'s card is not in its cell ({tp.role}, {tp.stage})")
    return out


def test_random_user_actions_raise_nothing_and_canvas_matches_model(qtbot, window) -> None:  # noqa: ANN001
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    n = count(300, 10_000)
    rng = random.Random(9)
    collector = Collector()
    old_hook = sys.excepthook
    sys.excepthook = collector.hook
    old_handler = qInstallMessageHandler(collector.qt)
    stats = {"edits": 0, "refused": 0, "drags": 0}
    try:
        for i in range(n):
            act(qtbot, window, rng, rng.choice(ACTIONS), stats)
            QApplication.processEvents()
            if i % 50 == 49:
                qtbot.wait(30)  # debounced refreshes (ranking, charts) get to run
        window.filter_bar.search.setText("")
        qtbot.wait(100)
    finally:
        sys.excepthook = old_hook
        qInstallMessageHandler(old_handler)
    assert collector.found == []
    assert window.message_boxes == []
    assert stats["edits"] >= n // 4  # the run did edit the project
    assert stats["drags"] >= n // 40  # and mouse drags did move cards
    assert model_and_canvas_disagree(window) == []
    assert window.doc.working_store_from_disk() == window.doc.store
