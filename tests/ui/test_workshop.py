"""Workshop mode: enter and leave restore the window; stages; timer; keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QToolBar

from journeymap.ui.workshop.mode import WorkshopMode
from journeymap.ui.workshop.overlays import (
    AgendaStep,
    Countdown,
    format_seconds,
    load_agenda,
    save_agenda,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def editor(window):
    assert window.new_from_template("b2b-procurement", "en")
    return window


def _chrome(w) -> dict:
    return {
        "menu": w.menuBar().isVisible(),
        "status": w.statusBar().isVisible(),
        "docks": {d.objectName(): d.isVisible() for d in w.findChildren(QDockWidget)
                  if d.parent() is w and d.objectName() != "votingDock"},
        "toolbars": {t.objectName(): t.isVisible() for t in w.findChildren(QToolBar)
                     if t.parent() is w},
        "full": w.isFullScreen(),
    }


# -- countdown (no window) -------------------------------------------------------------------
def test_countdown_start_pause_reset_with_a_fake_clock() -> None:
    clock = FakeClock()
    cd = Countdown([AgendaStep("Intro", 600), AgendaStep("Vote", 120)], clock)
    assert cd.remaining() == 600 and not cd.running
    cd.start()
    clock.now += 100
    assert cd.remaining() == 500 and cd.running
    cd.pause()
    clock.now += 1000                       # paused: time does not run
    assert cd.remaining() == 500 and not cd.running
    assert cd.toggle() is True
    clock.now += 450
    assert cd.warning and not cd.over and cd.remaining() == 50
    clock.now += 60
    assert cd.over and not cd.warning and cd.remaining() == -10
    assert format_seconds(cd.remaining()) == "+00:10"
    cd.reset()
    assert cd.remaining() == 600 and not cd.running
    cd.next_step()
    assert cd.step.name == "Vote" and cd.remaining() == 120
    cd.next_step()                          # clamps at the last step
    assert cd.index == 1
    cd.previous_step()
    assert cd.index == 0


def test_format_seconds() -> None:
    assert format_seconds(600) == "10:00"
    assert format_seconds(59.2) == "01:00"  # rounded up: 00:00 only when really over
    assert format_seconds(0.4) == "00:01"
    assert format_seconds(0) == "00:00"
    assert format_seconds(-75) == "+01:15"


def test_agenda_is_remembered(jm_app) -> None:
    assert [s.seconds for s in load_agenda()] == [600] * 5   # default: 10 minutes each
    save_agenda([AgendaStep("Kick-off", 300), AgendaStep("投票", 900)])
    assert load_agenda() == [AgendaStep("Kick-off", 300), AgendaStep("投票", 900)]


# -- the mode on the main window ----------------------------------------------------------------
def test_menu_action_enters_and_esc_leaves_restoring_everything(qtbot, editor) -> None:
    w = editor
    qtbot.wait(20)
    mode: WorkshopMode = w.workshop
    w.inspector_dock.show()
    w.history_dock.hide()
    qtbot.wait(10)
    before = _chrome(w)
    geometry = w.geometry()
    scale = w.view.scale_factor
    font = w.quick_add.font().pointSizeF()
    assert w.act_workshop.isEnabled() and w.act_workshop.shortcut().toString() == "Ctrl+Shift+W"

    w.act_workshop.trigger()
    qtbot.waitUntil(lambda: w.isFullScreen() and w.isActiveWindow(), timeout=2000)
    assert mode.active and w.act_workshop.isChecked()
    assert not w.menuBar().isVisible() and not w.statusBar().isVisible()
    assert not any(d.isVisible() for d in w.findChildren(QDockWidget))
    assert not any(t.isVisible() for t in w.findChildren(QToolBar))
    assert mode.timer_overlay.isVisible() and mode.banner.isVisible()
    assert not mode.help_overlay.isVisible()
    assert w.quick_add.font().pointSizeF() > font          # large type in the chrome
    assert w.view.scale_factor >= 1.3                        # readable from the back

    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not mode.active and not w.act_workshop.isChecked()
    qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=2000)
    qtbot.wait(20)
    assert _chrome(w) == before
    assert w.geometry() == geometry
    assert w.view.scale_factor == pytest.approx(scale)
    assert w.quick_add.font().pointSizeF() == font
    assert w.view.viewportMargins().top() == 0


def test_keyboard_next_previous_stage(qtbot, editor) -> None:
    w = editor
    mode = w.workshop
    mode.enter()
    qtbot.waitUntil(lambda: w.isFullScreen() and w.isActiveWindow(), timeout=2000)
    stages = [s.id for s in w.store.stages(w.journey_id)]
    mode.go_to_stage(0)
    w.view.setFocus()
    seen = []
    mode.stage_changed.connect(seen.append)
    qtbot.keyClick(w.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(w.view, Qt.Key.Key_PageDown)
    assert mode.stage_id == stages[2] and seen == stages[1:3]
    # the stage is on screen, and the quick-add bar adds to it
    centre = w.view.mapToScene(w.view.viewport().rect().center())
    column = mode.column_rect(stages[2])
    assert column.left() - 300 <= centre.x() <= column.right() + 300
    assert w.quick_add.cell()[1] == stages[2]
    assert "3" in mode.banner.stage_label.text()
    qtbot.keyClick(w.view, Qt.Key.Key_PageUp)
    assert mode.stage_id == stages[1]
    for _ in range(3):
        qtbot.keyClick(w.view, Qt.Key.Key_PageUp)
    assert mode.stage_id == stages[0]                # clamps at the first
    qtbot.keyClick(w.view, Qt.Key.Key_End)          # whole map
    assert "Whole map" in mode.banner.stage_label.text()
    qtbot.keyClick(w.view, Qt.Key.Key_Home)
    assert stages and mode.stage_id == stages[0]
    # quick add: N puts the focus in the quick-add line, Esc gives it back to the map
    qtbot.keyClick(w.view, Qt.Key.Key_N)
    assert w.quick_add.line.hasFocus()
    qtbot.keyClicks(w.quick_add.line, "Nice")        # letters type, no shortcut fires
    assert w.quick_add.line.text() == "Nice" and mode.active
    qtbot.keyClick(w.quick_add.line, Qt.Key.Key_Escape)
    assert mode.active
    mode.leave()


def test_timer_keys_and_overlay(qtbot, editor) -> None:
    w = editor
    mode = w.workshop
    clock = FakeClock()
    mode.countdown.clock = clock
    mode.countdown.set_steps([AgendaStep("Touchpoints", 90), AgendaStep("Voting", 600)])
    mode.enter()
    qtbot.waitUntil(lambda: w.isFullScreen() and w.isActiveWindow(), timeout=2000)
    overlay = mode.timer_overlay
    assert overlay.time_label.text() == "01:30" and "Touchpoints" in overlay.step_label.text()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_T)             # start
    assert mode.countdown.running and overlay.ticker.isActive()
    clock.now += 40
    overlay.refresh()
    assert overlay.time_label.text() == "00:50" and overlay.state == "warning"
    qtbot.keyClick(w.view, Qt.Key.Key_T)             # pause
    assert not mode.countdown.running
    clock.now += 500
    overlay.refresh()
    assert overlay.time_label.text() == "00:50"
    ended = []
    overlay.finished.connect(lambda: ended.append(True))
    qtbot.keyClick(w.view, Qt.Key.Key_T)
    clock.now += 55
    qtbot.waitUntil(lambda: overlay.state == "over", timeout=2000)   # the ticker runs
    assert ended == [True] and overlay.time_label.text() == "+00:05"
    assert overlay.blinker.isActive()                # the end signal
    qtbot.keyClick(w.view, Qt.Key.Key_R)             # reset
    assert overlay.time_label.text() == "01:30" and not mode.countdown.running
    qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # next agenda step
    assert "Voting" in overlay.step_label.text() and overlay.time_label.text() == "10:00"
    qtbot.keyClick(w.view, Qt.Key.Key_BracketLeft)
    assert mode.countdown.index == 0
    # the mouse buttons do the same
    overlay.start_button.click()
    assert mode.countdown.running
    overlay.start_button.click()
    assert not mode.countdown.running
    mode.leave()


def test_help_overlay_toggles_with_f1(qtbot, editor) -> None:
    w = editor
    mode = w.workshop
    mode.enter()
    qtbot.waitUntil(lambda: w.isFullScreen() and w.isActiveWindow(), timeout=2000)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F1)
    assert mode.help_overlay.isVisible()
    texts = [lbl.text() for lbl in mode.help_overlay.findChildren(type(mode.banner.stage_label))]
    assert "PgDn / PgUp" in texts and "Esc or F11" in texts
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)        # Esc first closes the help
    assert not mode.help_overlay.isVisible() and mode.active
    qtbot.keyClick(w.view, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert mode.help_overlay.isVisible()
    qtbot.keyClick(w.view, Qt.Key.Key_F1)
    assert not mode.help_overlay.isVisible()
    mode.leave()


def test_menu_shortcuts_keep_working_in_workshop_mode(qtbot, editor) -> None:
    """Hidden menus would take Ctrl+Z with them; workshop mode keeps the keys alive."""
    from journeymap.model import edits

    w = editor
    mode = w.workshop
    mode.enter()
    qtbot.waitUntil(lambda: w.isFullScreen() and w.isActiveWindow(), timeout=2000)
    tp = w.store.touchpoints(w.journey_id)[0]
    w.push_edit(edits.set_fields(w.store, "touchpoint", tp.id, title="Renamed"))
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.store.touchpoint(tp.id).title == tp.title
    # Delete on the voting list must not delete cards: widget-bound keys stay bound
    assert w.act_delete not in w.actions()
    qtbot.keyClick(w.view, Qt.Key.Key_F11)            # F11 leaves, like Esc
    assert not mode.active
    assert w.act_undo not in w.actions()              # nothing left behind


def test_workshop_needs_a_project(qtbot, window) -> None:
    assert not window.act_workshop.isEnabled()
    window.workshop.enter()
    assert not window.workshop.active and window.menuBar().isVisible()


def test_stage_in_focus_is_readable_from_the_back_and_zoom_label_follows(qtbot, editor) -> None:
    w = editor
    w.resize(1920, 1080)
    w.view.zoom_to_fit()
    mode = w.workshop
    mode.enter()
    qtbot.waitUntil(lambda: w.isFullScreen() and w.isActiveWindow(), timeout=2000)
    mode.go_to_stage(1)
    qtbot.wait(20)
    w.view.viewport().grab()
    sid = mode.stage_id
    visible = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
    in_focus = [c for tid, c in w.scene.cards().items()
                if w.scene.card_cell(tid)[1] == sid and visible.intersects(c.sceneBoundingRect())]
    assert in_focus
    for card in in_focus:
        px, lines = card.drawn_title
        assert px >= 18 and lines
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=2000)
    # The status bar's zoom label shows the restored zoom, not the workshop's.
    assert w.zoom_label.text().endswith(f"{round(w.view.scale_factor * 100)} %")
    assert w.scene.min_title_px == 12
