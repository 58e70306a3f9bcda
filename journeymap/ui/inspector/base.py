"""What every inspector editor shares: a scrolling form with a heading, fields with a
red error line under them, and the way an edit is built and sent.

An editor shows one object of one kind (:attr:`Editor.kind`). Each change becomes one
``edits.set_fields`` (or add/delete) edit sent through :attr:`Editor.edit_requested`; the
window pushes it on the undo stack. A value the model refuses is shown in red next to
its field and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError
from journeymap.ui.texts import error_text
from journeymap.ui.widgets import CommitTextEdit, ErrorLabel

Refused = (ValidationError, EditError)


def field_box(editor: QWidget) -> tuple[QWidget, ErrorLabel]:
    """An editor with its error line underneath."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(editor)
    err = ErrorLabel()
    lay.addWidget(err)
    return box, err


def set_text(widget: QLineEdit | CommitTextEdit, text: str) -> None:
    """Show ``text`` without disturbing a field that already shows it."""
    if isinstance(widget, QLineEdit):
        if widget.text() != text:
            widget.setText(text)
            widget.setCursorPosition(0)
    elif widget.toPlainText() != text:
        widget.setPlainText(text)


def select_data(combo: QComboBox, value: object) -> None:
    i = combo.findData(value)
    combo.blockSignals(True)
    combo.setCurrentIndex(i)
    combo.blockSignals(False)


def put(table: QTableWidget, row: int, col: int, text: str) -> QTableWidgetItem:
    """Set a cell's text, reusing its item (a slot of the item's own signal may be
    running: replacing the item there would delete it under Qt's feet)."""
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem(text)
        table.setItem(row, col, item)
    elif item.text() != text:
        item.setText(text)
    return item


class Editor(QScrollArea):
    """A scrolling form that edits one object of :attr:`kind`."""

    kind = ""
    edit_requested = Signal(object)  # Edit

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None
        self.current: str | None = None
        self.errors: dict[str, ErrorLabel] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        self.form = QFormLayout(inner)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.form.addRow(self.heading)
        self.setWidget(inner)

    # -- to implement -----------------------------------------------------------------------
    def fill(self, row: Any) -> None:
        """Show ``row`` (the object being edited, just read from the store)."""
        raise NotImplementedError

    def focus_widget(self) -> QWidget | None:
        """The field that Enter on the object (or Project Properties) focuses."""
        return None

    # -- building ---------------------------------------------------------------------------
    def line(self, label: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(label)
        box, self.errors[f"{self.kind}.{field}"] = field_box(edit)
        self.form.addRow(label, box)
        edit.editingFinished.connect(lambda: self.commit_text(field, edit.text()))
        return edit

    def text(self, label: str, field: str) -> CommitTextEdit:
        edit = CommitTextEdit()
        edit.setAccessibleName(label)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        box, self.errors[f"{self.kind}.{field}"] = field_box(edit)
        self.form.addRow(label, box)
        edit.editing_finished.connect(lambda: self.commit_text(field, edit.toPlainText()))
        return edit

    def combo(self, label: str, field: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(label)
        for text, data in items:
            combo.addItem(text, data)
        box, self.errors[f"{self.kind}.{field}"] = field_box(combo)
        self.form.addRow(label, box)
        combo.activated.connect(lambda _i: self.submit(self.kind, field, combo.currentData()))
        return combo

    def table_style(self, table: QTableWidget, stretch: int) -> None:
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(table.fontMetrics().lineSpacing() * 7)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def table_box(self, title: str, table: QTableWidget, error_key: str,
                  add: Callable[[], None], delete: Callable[[], None], add_text: str,
                  delete_text: str) -> QWidget:
        """A bold title with + and − buttons, the table, and its error line."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(2)
        top = QHBoxLayout()
        label = QLabel(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        top.addWidget(label)
        top.addStretch(1)
        for text, slot, sign in ((add_text, add, "+"), (delete_text, delete, "−")):
            b = QToolButton()
            b.setText(sign)
            b.setToolTip(text)
            b.setAccessibleName(text)
            b.clicked.connect(slot)
            top.addWidget(b)
        lay.addLayout(top)
        lay.addWidget(table)
        err = ErrorLabel()
        self.errors[error_key] = err
        lay.addWidget(err)
        return box

    # -- committing -------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for err in self.errors.values():
            err.clear_error()

    def error(self, key: str, text: str) -> None:
        err = self.errors.get(key)
        if err is not None:
            err.show_error(text)

    def emit_edit(self, key: str, make: Callable[[], Edit]) -> bool:
        """Build an edit; refused → red message under ``key``; else send it."""
        try:
            edit = make()
        except Refused as e:
            self.error(key, error_text(e))
            return False
        self.error(key, "")
        if not edit.empty:
            self.edit_requested.emit(edit)
        return True

    def submit(self, table: str, field: str, value: Any, id: str | None = None) -> bool:
        """Set ``table.field`` of ``id`` (default: the shown object) to ``value``."""
        store = self.store
        id = id or self.current
        if store is None or id is None:
            return False
        row = store.get(table, id)
        if row is None or getattr(row, field) == value:
            self.error(f"{table}.{field}", "")
            return True
        return self.emit_edit(f"{table}.{field}",
                              lambda: edits.set_fields(store, table, id, **{field: value}))

    def commit_text(self, field: str, text: str) -> None:
        if self.current is None:
            return   # not shown any more (the selection moved on)
        value: str | None = text
        if field == "due":
            value = text.strip() or None
        self.submit(self.kind, field, value)


__all__ = ["Editor", "field_box", "put", "select_data", "set_text"]
