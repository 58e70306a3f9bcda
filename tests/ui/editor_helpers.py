"""Helpers of the editor tests: act on the window as a user would."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableWidget


def click_card(qtbot, window, tid: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Click a card on the canvas (scrolling it into view first)."""
    view, scene = window.view, window.scene
    rect = scene.card_rect(tid)
    view.centerOn(rect.center())
    pos = view.mapFromScene(rect.center() + (rect.topLeft() - rect.center()) * 0.5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def type_in_cell(qtbot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Select a cell, type ``text`` (opens its editor) and press Enter."""
    table.setFocus()
    table.setCurrentCell(row, col)
    item = table.item(row, col)
    table.editItem(item)
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editors, "no cell editor opened"
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)  # the delegate commits through a queued call


def check_list_item(qtbot, lst, row: int) -> None:
    """Click the check box of a list item."""
    item = lst.item(row)
    lst.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
    rect = lst.visualItemRect(item)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.left() + 12, rect.center().y()))


def set_line(qtbot, line, text: str) -> None:
    """Replace a line edit's text by typing, then Enter."""
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
