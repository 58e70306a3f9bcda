"""Keyboard quick-add of cards: type, Enter, next; Tab moves the stage."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _open(window):
    window.new_from_template("blank", "en")
    return window.store, window.quick_add


def test_type_enter_type_enter(window, qtbot):
    store, bar = _open(window)
    bar.set_cell("buyer", "stage1")
    window.act_add_card.trigger()
    assert bar.line.hasFocus()
    for title in ("Reads the catalogue", "Calls sales", "Gets a quote"):
        qtbot.keyClicks(bar.line, title)
        qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    cell = store.touchpoints_in_cell("journey", "buyer", "stage1")
    assert [t.title for t in cell] == ["Reads the catalogue", "Calls sales", "Gets a quote"]
    assert bar.line.text() == ""
    assert window.undo_stack.count() == 3


def test_tab_moves_to_the_next_stage(window, qtbot):
    store, bar = _open(window)
    bar.set_cell("buyer", "stage1", focus=True)
    qtbot.keyClick(bar.line, Qt.Key.Key_Tab)
    assert bar.cell() == ("buyer", "stage2")
    assert bar.line.hasFocus()
    qtbot.keyClicks(bar.line, "Compares offers")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    qtbot.keyClick(bar.line, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert bar.cell() == ("buyer", "stage1")
    assert [t.title for t in store.touchpoints_in_cell("journey", "buyer", "stage2")] == \
        ["Compares offers"]


def test_inline_syntax(window, qtbot):
    store, bar = _open(window)
    bar.set_cell("buyer", "stage3", focus=True)
    qtbot.keyClicks(bar.line, "Title #human !-1 ?Slow quote:4")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    [tp] = store.touchpoints_in_cell("journey", "buyer", "stage3")
    assert (tp.title, tp.channel, tp.emotion) == ("Title", "human", -1)
    [p] = store.pain_points(tp.id)
    assert (p.title, p.severity) == ("Slow quote", 4)
    assert "#human" in bar.line.toolTip() and "?Slow quote:4" in bar.line.toolTip()


def test_syntax_error_shows_message_and_adds_nothing(window, qtbot):
    store, bar = _open(window)
    bar.set_cell("buyer", "stage1", focus=True)
    qtbot.keyClicks(bar.line, "Quote ?Slow:9")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert store.touchpoints("journey") == []
    assert bar.error.isVisible() and "Severity" in bar.error.text()
    assert bar.line.text() == "Quote ?Slow:9"  # kept, to fix
    qtbot.keyClicks(bar.line, "\b3")
    assert not bar.error.isVisible()


def test_double_click_on_empty_cell_targets_quick_add(window, qtbot):
    store, bar = _open(window)
    window.scene.add_requested.emit("buyer", "stage2")
    # The quick-add line follows the cell; the title is typed on the map itself.
    assert bar.cell() == ("buyer", "stage2")
    editor = window.view.inline_editor
    assert editor is not None and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.view.hasFocus()
