"""The action panel: improvement actions, their fields, and the pain points they address.

Left, a table of the project's actions (title, effort, owner, status, due) edited in
place; right, the pain points of the current journey with a check box each: checked
means the selected action addresses it. Every change is one edit
(``add_action``, ``set_fields``, ``link_action``, ``delete``) sent through
:attr:`ActionPanel.edit_requested`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.rows import PainPoint, Touchpoint
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError
from journeymap.ui.controllers.document import tables_of
from journeymap.ui.texts import error_text, invalid_number, status_names
from journeymap.ui.widgets import ErrorLabel

ID = Qt.ItemDataRole.UserRole
COLUMNS = ("title", "effort", "owner", "status", "due", "addresses")


class ActionPanel(QWidget):
    edit_requested = Signal(object)  # Edit
    action_selected = Signal(str)    # action id ("" when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionPanel")
        self.setAccessibleName(self.tr("Actions"))
        self.store: Store | None = None
        self.journey: str | None = None
        self.read_only = False

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("Actions"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Action"), self.tr("Effort"), self.tr("Owner"), self.tr("Status"),
            self.tr("Due"), self.tr("Pain points")])
        self.table.horizontalHeaderItem(1).setToolTip(self.tr("Effort 1–5"))
        self.table.horizontalHeaderItem(4).setToolTip(self.tr("Due date, YYYY-MM-DD"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # Interactive, sized once per refresh: ResizeToContents would measure every row
        # again on each cell update (seconds for a few hundred actions).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Filling the pain point list of a large project takes a moment: done right after
        # an opened file is drawn (see set_store), not before.
        self._links_timer = QTimer(self)
        self._links_timer.setSingleShot(True)
        self._links_timer.timeout.connect(self._fill_links)
        self._link_rows: dict[str, int] = {}
        self.table.cellChanged.connect(self._cell_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("Add action"))
        self.add_button.setAccessibleName(self.tr("Add action"))
        self.add_button.clicked.connect(self.add_action)
        self.delete_button = QPushButton(self.tr("Delete action"))
        self.delete_button.setAccessibleName(self.tr("Delete action"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.error = ErrorLabel()

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.error, 1)
        ll.addLayout(buttons)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.links_caption = QLabel(self.tr("Pain points this action addresses"))
        self.links_caption.setWordWrap(True)
        rl.addWidget(self.links_caption)
        self.links = QListWidget()
        self.links.setAccessibleName(self.tr("Pain points this action addresses"))
        # One line each: lets the view lay out thousands of rows without measuring them.
        self.links.setUniformItemSizes(True)
        self.links.itemChanged.connect(self._link_changed)
        rl.addWidget(self.links, 1)
        self.other_links = QLabel()
        self.other_links.setEnabled(False)
        rl.addWidget(self.other_links)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(split)
        self._update_buttons()

    # -- public -----------------------------------------------------------------------------
    def set_store(self, store: Store | None, journey: str | None, read_only: bool = False) -> None:
        self.store, self.journey, self.read_only = store, journey, read_only
        # The pain point list of a large project takes a moment: after the window has
        # drawn the opened file, not before.
        self.refresh(links=False)
        self._links_timer.start(0)

    def set_journey(self, journey: str | None) -> None:
        if journey != self.journey:
            self.journey = journey
            self._fill_links()

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:
            self.read_only = read_only
            self.refresh()

    def current_action(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 \
            else None
        return item.data(ID) if item is not None else None

    def select_action(self, action_id: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID) == action_id:
                self.table.setCurrentCell(r, 0)
                return

    def on_changes(self, changes: list) -> None:
        """Subscriber of the document's change signal. A card edit only relabels its
        pain points in the list; anything about actions or pains rebuilds it."""
        tables = tables_of(changes)
        if tables & {"action", "action_link", "pain_point", "journey"}:
            self.refresh()
        elif "touchpoint" in tables:
            self.update_link_labels({c.id for c in changes if c.table == "touchpoint"})

    def refresh(self, links: bool = True) -> None:
        """Re-read actions (and, with ``links``, the pain point list) from the store."""
        keep = self.current_action()
        t = self.table
        t.blockSignals(True)
        t.setUpdatesEnabled(False)
        store = self.store
        actions = store.actions() if store is not None else []
        t.setRowCount(len(actions))
        statuses = status_names()
        editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            editable |= Qt.ItemFlag.ItemIsEditable
        for r, a in enumerate(actions):
            n = len(store.addressed_pains(a.id)) if store is not None else 0
            for c, text in ((0, a.title), (1, str(a.effort)), (2, a.owner), (4, a.due or ""),
                            (5, str(n))):
                item = t.item(r, c) or QTableWidgetItem()
                item.setText(text)
                item.setData(ID, a.id)
                flags = (editable if c != 5 else
                         Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if item.flags() != flags:
                    item.setFlags(flags)
                if c in (1, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if t.item(r, c) is None:
                    t.setItem(r, c, item)
            combo = t.cellWidget(r, 3)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.setAccessibleName(self.tr("Status"))
                for value, name in statuses.items():
                    combo.addItem(name, value)
                combo.activated.connect(lambda _i, c=combo: self._status_changed(c))
                t.setCellWidget(r, 3, combo)
            combo.setProperty("action", a.id)
            combo.setEnabled(not self.read_only)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(a.status))
            combo.blockSignals(False)
        for c in range(1, t.columnCount()):
            t.resizeColumnToContents(c)
        t.setUpdatesEnabled(True)
        t.blockSignals(False)
        if keep is not None:
            self.select_action(keep)
        if links:
            self._fill_links()
        self._update_buttons()

    # -- editing ----------------------------------------------------------------------------
    def _emit(self, make: Any) -> bool:
        try:
            edit: Edit = make()
        except (ValidationError, EditError) as e:
            self.error.show_error(error_text(e))
            return False
        self.error.clear_error()
        if not edit.empty:
            self.edit_requested.emit(edit)
        return True

    def add_action(self, title: str | None = None, addresses: list[str] | None = None) -> None:
        """A new action (addressing ``addresses``), selected with its title being edited."""
        store = self.store
        if store is None or self.read_only:
            return
        text = title or self.tr("New action")
        if self._emit(lambda: edits.add_action(store, text, addresses or ())):
            r = self.table.rowCount() - 1
            self.table.setCurrentCell(r, 0)
            if title is None:
                self.table.setFocus()
                self.table.editItem(self.table.item(r, 0))

    def delete_selected(self) -> None:
        store, aid = self.store, self.current_action()
        if store is None or aid is None or self.read_only:
            return
        self._emit(lambda: edits.delete(store, "action", [aid]))

    def _cell_changed(self, row: int, col: int) -> None:
        store = self.store
        item = self.table.item(row, col)
        if store is None or item is None:
            return
        aid, field, text = item.data(ID), COLUMNS[col], item.text()
        value: Any = text
        if field == "effort":
            try:
                value = int(text.strip())
            except ValueError:
                self.error.show_error(invalid_number("effort", text, 1, 5))
                self.refresh()
                return
        elif field == "due":
            value = text.strip() or None
        elif field == "addresses":
            return
        if getattr(store.action(aid), field) == value:
            return
        if not self._emit(lambda: edits.set_fields(store, "action", aid, **{field: value})):
            self.refresh()

    def _status_changed(self, combo: QComboBox) -> None:
        store, aid = self.store, combo.property("action")
        if store is None or not aid or store.action(aid).status == combo.currentData():
            return
        self._emit(lambda: edits.set_fields(store, "action", aid, status=combo.currentData()))

    def _selection_changed(self) -> None:
        self._fill_links()
        self._update_buttons()
        self.action_selected.emit(self.current_action() or "")

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.store is not None and not self.read_only)
        self.delete_button.setEnabled(self.current_action() is not None and not self.read_only)

    # -- links ------------------------------------------------------------------------------
    def _fill_links(self) -> None:
        store, aid, journey = self.store, self.current_action(), self.journey
        lst = self.links
        lst.blockSignals(True)
        self.other_links.clear()
        if store is None or journey is None or store.get("journey", journey) is None:
            lst.clear()
            lst.blockSignals(False)
            return
        linked = set(store.addressed_pains(aid)) if aid else set()
        pains = [(tp, p) for tp in store.touchpoints(journey) for p in store.pain_points(tp.id)]
        same = [lst.item(i).data(ID) for i in range(lst.count())] == [p.id for _, p in pains]
        if not same:
            # Items are replaced only when the list itself changes, never while one of
            # them is reporting its own check box (see _link_changed).
            lst.clear()
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if aid and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
        lst.setUpdatesEnabled(False)
        # Setters only where something differs: each one notifies the view.
        for i, (tp, p) in enumerate(pains):
            item = lst.item(i) if same else QListWidgetItem()
            text = self._link_text(tp, p)
            if item.text() != text:
                item.setText(text)
            if not same:
                item.setData(ID, p.id)
            if item.flags() != flags:
                item.setFlags(flags)
            state = checked if p.id in linked else unchecked
            # A new item has no check state yet (and so no box): always set one there.
            if not same or item.checkState() != state:
                item.setCheckState(state)
            if not same:
                lst.addItem(item)
        lst.setUpdatesEnabled(True)
        self._link_rows = {p.id: i for i, (_tp, p) in enumerate(pains)}
        if aid is None:
            self.links_caption.setText(self.tr("Select an action to link it to pain points"))
        else:
            self.links_caption.setText(self.tr("Pain points “%1” addresses")
                                       .replace("%1", store.action(aid).title))
            here = {lst.item(i).data(ID) for i in range(lst.count())}
            elsewhere = len(linked - here)
            if elsewhere:
                self.other_links.setText(self.tr("+ %n in other journeys", None, elsewhere))
        lst.blockSignals(False)

    def _link_text(self, tp: Touchpoint, p: PainPoint) -> str:
        return (self.tr("%1 — %2 (severity %3)").replace("%1", p.title)
                .replace("%2", tp.title).replace("%3", str(p.severity)))

    def update_link_labels(self, touchpoint_ids: set[str]) -> None:
        """Cards changed (title, place): relabel just their pain points in the list."""
        store, lst = self.store, self.links
        if store is None:
            return
        lst.blockSignals(True)
        for tid in touchpoint_ids:
            tp = store.get("touchpoint", tid)
            if not isinstance(tp, Touchpoint):
                continue
            for p in store.pain_points(tid):
                row = self._link_rows.get(p.id)
                item = lst.item(row) if row is not None else None
                if item is not None and item.data(ID) == p.id:
                    item.setText(self._link_text(tp, p))
        lst.blockSignals(False)

    def _link_changed(self, item: QListWidgetItem) -> None:
        store, aid = self.store, self.current_action()
        if store is None or aid is None:
            return
        pid = item.data(ID)
        linked = item.checkState() == Qt.CheckState.Checked
        if not self._emit(lambda: edits.link_action(store, aid, pid, linked)):
            self._fill_links()


__all__ = ["ActionPanel"]
