"""The influence matrix: how much each role's voice weighs at each stage (0–5).

A grid of the current journey's roles × stages. Cells the journey sets are shown in
full colour; the others show the role's default, greyed. Typing 0–5 sets a cell, ``+``
and ``−`` step it, Delete goes back to the default; each is one ``edits.set_influence``
edit sent through :attr:`InfluenceMatrix.edit_requested`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.edits import EditError
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError
from journeymap.ui.controllers.document import STRUCTURE_TABLES, tables_of
from journeymap.ui.texts import error_text
from journeymap.ui.widgets import ErrorLabel

# 0 … 5: pale to deep orange, readable with dark text in light and dark palettes.
HEAT = ("#f6f5f4", "#fde9c9", "#fcd38d", "#f9b45a", "#f28c38", "#e0601b")
DEFAULT_BG = "#e8e8e7"   # a cell that shows the role's default, not a weight of its own
ROLE_ID = Qt.ItemDataRole.UserRole
STAGE_ID = Qt.ItemDataRole.UserRole + 1


def heat_color(weight: int) -> QColor:
    return QColor(HEAT[max(0, min(5, weight))])


def _two_lines(name: str, width: int = 12) -> str:
    """Break a long stage name once, near its middle, so columns stay narrow."""
    if len(name) <= width or " " not in name.strip():
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut].rstrip() + "\n" + name[cut + 1:].lstrip()


class _HeatDelegate(QStyledItemDelegate):
    """Keeps a cell's heat colour when it is selected; a frame marks the selection."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        opt = QStyleOptionViewItem(option)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, opt, index)
        if selected:
            painter.save()
            pen = QPen(option.palette.highlight().color(), 3)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(2, 2, -2, -2))
            painter.restore()


class _Grid(QTableWidget):
    """Table whose keys set weights instead of opening editors."""

    key_weight = Signal(int, int, object)  # row, column, weight: int, "+", "-", or None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        text = event.text()
        r, c = self.currentRow(), self.currentColumn()
        if r >= 0 and c >= 0:
            if text.isdigit():
                self.key_weight.emit(r, c, int(text))
                return
            if text in ("+", "="):
                self.key_weight.emit(r, c, "+")
                return
            if text in ("-", "−", "_"):
                self.key_weight.emit(r, c, "-")
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.key_weight.emit(r, c, None)
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Next cell, as in a spreadsheet (Shift+Enter: the previous one); the
                # dialog stays open.
                n = self.rowCount() * self.columnCount()
                step = -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
                k = (r * self.columnCount() + c + step) % max(1, n)
                self.setCurrentCell(k // self.columnCount(), k % self.columnCount())
                event.accept()
                return
        super().keyPressEvent(event)


class InfluenceMatrix(QDialog):
    """Non-modal editor of one journey's role × stage influence weights."""

    edit_requested = Signal(object)  # Edit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("influenceMatrix")
        self.setWindowTitle(self.tr("Influence matrix"))
        self.store: Store | None = None
        self.journey: str | None = None
        self.read_only = False
        lay = QVBoxLayout(self)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        lay.addWidget(self.caption)
        hint = QLabel(self.tr(
            "How much each role's voice weighs at each stage, 0–5. Type a number, or press "
            "+ / − to change it and Delete to go back to the role's default (shown grey)."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.grid = _Grid()
        self.grid.setAccessibleName(self.tr("Influence of roles by stage"))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setItemDelegate(_HeatDelegate(self.grid))
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setMinimumSectionSize(64)
        self.grid.horizontalHeader().setStretchLastSection(False)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setMinimumSectionSize(40)
        self.grid.key_weight.connect(self._key_weight)
        lay.addWidget(self.grid, 1)
        row = QHBoxLayout()
        for text, tip, value in (("−", self.tr("Lower the weight (−)"), "-"),
                                 ("+", self.tr("Raise the weight (+)"), "+"),
                                 (self.tr("Default"), self.tr("Back to the role's default "
                                                              "(Delete)"), None)):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(lambda _=False, v=value: self._key_weight(
                self.grid.currentRow(), self.grid.currentColumn(), v))
            row.addWidget(b)
        self.error = ErrorLabel()
        row.addWidget(self.error, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row.addWidget(buttons)
        lay.addLayout(row)
        self.resize(1000, 520)

    def set_journey(self, store: Store | None, journey: str | None,
                    read_only: bool = False) -> None:
        self.store, self.journey, self.read_only = store, journey, read_only
        self.refresh()

    def on_changes(self, changes: list) -> None:
        """Subscriber of the document's change signal (only while shown)."""
        if self.isVisible() and tables_of(changes) & (STRUCTURE_TABLES | {"influence"}):
            self.refresh()

    def refresh(self) -> None:
        """Re-read the matrix from the store (keeps the current cell)."""
        store, journey = self.store, self.journey
        g = self.grid
        cur = (g.currentRow(), g.currentColumn())
        if store is None or journey is None or store.get("journey", journey) is None:
            g.setRowCount(0)
            g.setColumnCount(0)
            self.caption.setText("")
            return
        self.caption.setText(self.tr("Journey: %1").replace("%1", store.journey(journey).name))
        roles, stages = store.lane_roles(journey), store.stages(journey)
        g.setRowCount(len(roles))
        g.setColumnCount(len(stages))
        g.setHorizontalHeaderLabels([_two_lines(s.name) for s in stages])
        g.setVerticalHeaderLabels([r.name for r in roles])
        for c, s in enumerate(stages):
            g.horizontalHeaderItem(c).setToolTip(s.name)
        for r, role in enumerate(roles):
            for c, stage in enumerate(stages):
                explicit = store.explicit_influence(journey, role.id, stage.id)
                weight = store.influence_at(journey, role.id, stage.id)
                item = g.item(r, c) or QTableWidgetItem()
                item.setText(str(weight))
                item.setData(ROLE_ID, role.id)
                item.setData(STAGE_ID, stage.id)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                font = QFont(g.font())
                if explicit is None:
                    item.setBackground(QBrush(QColor(DEFAULT_BG)))     # grey: not set here
                    item.setForeground(QBrush(QColor("#77767b")))
                    font.setItalic(True)
                    item.setToolTip(self.tr("%1 at %2: %3 (the role's default)")
                                    .replace("%1", role.name).replace("%2", stage.name)
                                    .replace("%3", str(weight)))
                else:
                    item.setBackground(QBrush(heat_color(weight)))
                    item.setForeground(QBrush(QColor("#241f31")))
                    font.setBold(True)
                    item.setToolTip(self.tr("%1 at %2: %3").replace("%1", role.name)
                                    .replace("%2", stage.name).replace("%3", str(weight)))
                font.setPointSizeF(font.pointSizeF() * 1.3)
                item.setFont(font)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, item.toolTip())
                if g.item(r, c) is None:
                    g.setItem(r, c, item)
        self._fit_columns()
        if 0 <= cur[0] < len(roles) and 0 <= cur[1] < len(stages):
            g.setCurrentCell(*cur)
        elif roles and stages and g.currentRow() < 0:
            g.setCurrentCell(0, 0)

    def _fit_columns(self) -> None:
        """Stage names in full; columns share the spare width when there is some."""
        g = self.grid
        header = g.horizontalHeader()
        need = sum(max(g.sizeHintForColumn(i), header.sectionSizeHint(i))
                   for i in range(g.columnCount()))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch
                                    if need <= g.viewport().width()
                                    else QHeaderView.ResizeMode.ResizeToContents)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_columns()

    def _key_weight(self, row: int, col: int, value: object) -> None:
        store, journey = self.store, self.journey
        item = self.grid.item(row, col) if row >= 0 and col >= 0 else None
        if store is None or journey is None or item is None or self.read_only:
            return
        role, stage = item.data(ROLE_ID), item.data(STAGE_ID)
        current = store.influence_at(journey, role, stage)
        weight: int | None
        if value == "+":
            weight = current + 1
        elif value == "-":
            weight = current - 1
        else:
            weight = value  # type: ignore[assignment]
        if value in ("+", "-") and weight is not None and not 0 <= weight <= 5:
            self.error.show_error(self.tr("Influence is already at %1 (0–5)")
                                  .replace("%1", str(current)))
            return
        try:
            edit = edits.set_influence(store, journey, role, stage, weight)
        except (ValidationError, EditError) as e:
            self.error.show_error(error_text(e))
            return
        self.error.clear_error()
        if not edit.empty:
            self.edit_requested.emit(edit)


__all__ = ["HEAT", "InfluenceMatrix", "heat_color"]
