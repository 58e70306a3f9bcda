"""The project tree (left dock): journeys, the current journey's roles and stages.

Context menus add, rename, recolour, reorder and delete journeys, roles, phases and
stages; the same operations back the Journey menu. Each is one edit sent through
:attr:`ProjectTree.edit_requested`. Deleting a stage or role that holds cards asks
whether to delete the cards too or move them (``edits.rehome_and_delete``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError
from journeymap.ui.actions.common import mnemonic_safe
from journeymap.ui.controllers.document import STRUCTURE_TABLES, tables_of
from journeymap.ui.texts import error_text
from journeymap.ui.widgets import color_icon

KIND = Qt.ItemDataRole.UserRole
ID = Qt.ItemDataRole.UserRole + 1


class DeleteChoiceDialog(QDialog):
    """Delete a stage/role with its cards, or move the cards elsewhere first."""

    def __init__(self, title: str, message: str, delete_text: str, move_text: str,
                 targets: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        label = QLabel(message)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.move = QRadioButton(move_text)
        self.delete = QRadioButton(delete_text)
        group = QButtonGroup(self)
        group.addButton(self.move)
        group.addButton(self.delete)
        self.target = QComboBox()
        self.target.setAccessibleName(move_text)
        for id, name in targets:
            self.target.addItem(name, id)
        lay.addWidget(self.move)
        lay.addWidget(self.target)
        lay.addWidget(self.delete)
        if targets:
            self.move.setChecked(True)
        else:
            self.move.setEnabled(False)
            self.target.setEnabled(False)
            self.delete.setChecked(True)
        self.move.toggled.connect(self.target.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def choice(self) -> str | None:
        """The id to move the cards to, or None to delete them."""
        return self.target.currentData() if self.move.isChecked() else None


class ProjectTree(QTreeWidget):
    edit_requested = Signal(object)         # Edit
    journey_activated = Signal(str)         # journey id
    object_selected = Signal(str, str)      # kind, id
    error = Signal(str)                     # a refused edit, for the status bar / a box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectTree")
        self.setAccessibleName(self.tr("Project"))
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemClicked.connect(self._clicked)
        self.currentItemChanged.connect(lambda cur, _prev: self._clicked(cur))
        self.store: Store | None = None
        self.journey: str | None = None
        self.read_only = False
        self._filling = False

    # -- content ----------------------------------------------------------------------------
    def set_store(self, store: Store | None, journey: str | None, read_only: bool = False) -> None:
        self.store, self.journey, self.read_only = store, journey, read_only
        self.refresh()

    def _item(self, parent: QTreeWidgetItem | QTreeWidget, text: str, kind: str, id: str = ""
              ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, KIND, kind)
        item.setData(0, ID, id)
        item.setToolTip(0, text)
        return item

    def on_changes(self, changes: list) -> None:
        """Subscriber of the document's change signal."""
        if tables_of(changes) & STRUCTURE_TABLES:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild from the store, keeping the selected object and open branches."""
        current = self.current_object()
        self._filling = True
        self.clear()
        store = self.store
        if store is None:
            self._filling = False
            return
        bold = QFont(self.font())
        bold.setBold(True)
        journeys = self._item(self, self.tr("Journeys"), "journeys")
        for j in store.journeys():
            text = j.name + (f" — {j.segment}" if j.segment and j.segment != j.name else "")
            item = self._item(journeys, text, "journey", j.id)
            if j.id == self.journey:
                item.setFont(0, bold)
        journey = self.journey if self.journey and store.get("journey", self.journey) else None
        roles = self._item(self, self.tr("Roles"), "roles")
        lane_ids = [r.id for r in store.lane_roles(journey)] if journey else []
        for r in store.lane_roles(journey) if journey else []:
            item = self._item(roles, r.name, "role", r.id)
            item.setIcon(0, color_icon(r.color))
        for r in store.roles():
            if r.id not in lane_ids:
                item = self._item(roles, self.tr("%1 (not in this journey)").replace("%1", r.name),
                                  "role", r.id)
                item.setIcon(0, color_icon(r.color))
                item.setForeground(0, QBrush(QColor("#9a9996")))
        stages = self._item(self, self.tr("Stages"), "stages")
        if journey:
            for ph in store.phases(journey):
                ph_item = self._item(stages, ph.name, "phase", ph.id)
                for s in store.stages(journey):
                    if s.phase == ph.id:
                        self._item(ph_item, s.name, "stage", s.id)
            for s in store.stages(journey):
                if s.phase is None:
                    self._item(stages, s.name, "stage", s.id)
        self.expandAll()
        self._filling = False
        if current is not None:
            self.select_object(*current)

    def current_object(self) -> tuple[str, str] | None:
        item = self.currentItem()
        if item is None:
            return None
        return item.data(0, KIND), item.data(0, ID)

    def select_object(self, kind: str, id: str) -> None:
        self._filling = True
        for item in self._walk():
            if item.data(0, KIND) == kind and item.data(0, ID) == id:
                self.setCurrentItem(item)
                break
        self._filling = False

    def _walk(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def _clicked(self, item: QTreeWidgetItem | None, _col: int = 0) -> None:
        if item is None or self._filling:
            return
        kind, id = item.data(0, KIND), item.data(0, ID)
        if kind == "journey":
            if id != self.journey:
                self.journey_activated.emit(id)
            self.object_selected.emit(kind, id)
        elif id:
            self.object_selected.emit(kind, id)

    # -- edits --------------------------------------------------------------------------------
    def _emit(self, make: Callable[[], Edit]) -> Edit | None:
        if self.read_only:
            return None
        try:
            edit = make()
        except (ValidationError, EditError) as e:
            self.error.emit(error_text(e))
            return None
        if not edit.empty:
            self.edit_requested.emit(edit)
        return edit

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        name = name.strip()
        return name if ok and name else None

    def add_journey(self, copy_current: bool = True) -> None:
        store = self.store
        if store is None:
            return
        name = self._ask_name(self.tr("New journey"), self.tr(
            "Name of the new journey (it starts with the stages and roles of the current one):"))
        if name:
            src = self.journey if copy_current else None
            edit = self._emit(lambda: edits.add_journey(store, name, copy_from=src))
            if edit is not None and edit.subject:
                self.journey_activated.emit(edit.subject)

    def add_role(self) -> None:
        store = self.store
        if store is None:
            return
        name = self._ask_name(self.tr("New role"), self.tr("Name of the new role:"))
        if name:
            self._emit(lambda: edits.add_role(store, name, journey=self.journey))

    def add_stage(self, phase: str | None = None) -> None:
        store, journey = self.store, self.journey
        if store is None or journey is None:
            return
        name = self._ask_name(self.tr("New stage"), self.tr("Name of the new stage:"))
        if not name:
            return
        if phase is None:
            cur = self.current_object()
            if cur and cur[0] == "phase":
                phase = cur[1]
            elif cur and cur[0] == "stage":
                phase = store.stage(cur[1]).phase
        self._emit(lambda: edits.add_stage(store, journey, name, phase=phase))

    def add_phase(self) -> None:
        store, journey = self.store, self.journey
        if store is None or journey is None:
            return
        name = self._ask_name(self.tr("New phase"), self.tr(
            "Name of the new phase (a group of stages):"))
        if name:
            self._emit(lambda: edits.add_phase(store, journey, name))

    def rename(self, kind: str, id: str) -> None:
        store = self.store
        if store is None or store.get(kind, id) is None:
            return
        row = store.get(kind, id)
        old = getattr(row, "name", "")
        name = self._ask_name(self.tr("Rename"), self.tr("New name:"), old)
        if name and name != old:
            self._emit(lambda: edits.set_fields(store, kind, id, name=name))

    def recolour(self, role: str) -> None:
        store = self.store
        if store is None or store.get("role", role) is None:
            return
        color = QColorDialog.getColor(QColor(store.role(role).color), self,
                                      self.tr("Role colour"))
        if color.isValid():
            self._emit(lambda: edits.set_fields(store, "role", role, color=color.name()))

    def _siblings(self, kind: str, id: str) -> tuple[str, list[str]]:
        """(table, ordered ids) of the rows ``kind``/``id`` is reordered among."""
        store, journey = self.store, self.journey
        assert store is not None
        if kind == "journey":
            return "journey", [j.id for j in store.journeys()]
        if kind == "role" and journey:
            lanes = store.lanes(journey)
            if any(lane.role == id for lane in lanes):
                return "lane", [lane.id for lane in lanes]
            return "role", [r.id for r in store.roles()]
        if kind == "phase" and journey:
            return "phase", [p.id for p in store.phases(journey)]
        if kind == "stage" and journey:
            return "stage", [s.id for s in store.stages(journey)]
        return "", []

    def move(self, kind: str, id: str, delta: int) -> None:
        store, journey = self.store, self.journey
        if store is None:
            return
        table, order = self._siblings(kind, id)
        key = id
        if table == "lane" and journey:
            key = next(lane.id for lane in store.lanes(journey) if lane.role == id)
        if key not in order:
            return
        i = order.index(key)
        j = i + delta
        if not 0 <= j < len(order):
            return
        order[i], order[j] = order[j], order[i]
        self._emit(lambda: edits.reorder(store, table, order))

    def choose_rehome(self, kind: str, id: str, count: int,
                      targets: list[tuple[str, str]]) -> tuple[bool, str | None]:
        """Ask what to do with the cards of a stage/role being deleted.

        Returns (go ahead, id to move the cards to or None to delete them)."""
        store = self.store
        assert store is not None
        name = getattr(store.get(kind, id), "name", id)
        if kind == "stage":
            title = self.tr("Delete stage")
            message = self.tr("The stage “%1” holds %n card(s).", None, count).replace("%1", name)
            move_text = self.tr("Move the cards to this stage:")
        else:
            title = self.tr("Delete role")
            message = self.tr("The role “%1” holds %n card(s) in this project.", None,
                              count).replace("%1", name)
            move_text = self.tr("Move the cards to this role:")
        dlg = DeleteChoiceDialog(title, message, self.tr("Delete the cards too"), move_text,
                                 targets, self)
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        return ok, dlg.choice()

    def delete(self, kind: str, id: str) -> None:
        store = self.store
        if store is None or store.get(kind, id) is None:
            return
        if kind == "journey":
            if len(store.journeys()) <= 1:
                self.error.emit(self.tr("A project keeps at least one journey."))
                return
            self._emit(lambda: edits.delete(store, "journey", [id]))
            return
        if kind == "phase":
            self._emit(lambda: edits.delete(store, "phase", [id]))
            return
        if kind == "stage":
            cards = [t for t in store.touchpoints(store.stage(id).journey) if t.stage == id]
            targets = [(s.id, s.name) for s in store.stages(store.stage(id).journey)
                       if s.id != id]
        elif kind == "role":
            cards = [t for t in store.tables["touchpoint"].values() if t.role == id]
            targets = [(r.id, r.name) for r in store.roles() if r.id != id]
        else:
            return
        if not cards:
            self._emit(lambda: edits.delete(store, kind, [id]))
            return
        ok, move_to = self.choose_rehome(kind, id, len(cards), targets)
        if not ok:
            return
        if move_to is None:
            self._emit(lambda: edits.delete(store, kind, [id]))
        else:
            self._emit(lambda: edits.rehome_and_delete(store, kind, id, move_to))

    def remove_lane(self, role: str) -> None:
        store, journey = self.store, self.journey
        if store is None or journey is None:
            return
        lane = next((x for x in store.lanes(journey) if x.role == role), None)
        if lane is None:
            return
        n = sum(1 for t in store.touchpoints(journey) if t.role == role)
        if n and QMessageBox.question(
                self, self.tr("Remove role from journey"),
                self.tr("Remove the lane “%1” from this journey with its %n card(s)?", None, n)
                .replace("%1", store.role(role).name)) != QMessageBox.StandardButton.Yes:
            return
        self._emit(lambda: edits.delete(store, "lane", [lane.id]))

    def show_lane(self, role: str) -> None:
        store, journey = self.store, self.journey
        if store is not None and journey is not None:
            self._emit(lambda: edits.add_lane(store, journey, role))

    # -- menus and keys ----------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | str | None = None) -> QAction:
        act = menu.addAction(text)
        act.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setEnabled(not self.read_only)
        return act

    def context_menu_for(self, item: QTreeWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        kind = item.data(0, KIND) if item is not None else None
        id = item.data(0, ID) if item is not None else ""
        store = self.store
        if kind in ("journeys", "journey"):
            self._action(menu, self.tr("Add journey…"), self.add_journey)
        if kind in ("roles", "role"):
            self._action(menu, self.tr("Add role…"), self.add_role)
        if kind in ("stages", "stage", "phase"):
            self._action(menu, self.tr("Add stage…"),
                         lambda: self.add_stage(id if kind == "phase" else None))
            self._action(menu, self.tr("Add phase…"), self.add_phase)
        if kind in ("journey", "role", "stage", "phase") and id:
            menu.addSeparator()
            if kind == "journey" and id != self.journey:
                act = menu.addAction(self.tr("Switch to this journey"))
                act.triggered.connect(lambda: self.journey_activated.emit(id))
            self._action(menu, self.tr("Rename…"), lambda: self.rename(kind, id), "F2")
            if kind == "role":
                self._action(menu, self.tr("Change colour…"), lambda: self.recolour(id))
            up, down = ((self.tr("Move left"), self.tr("Move right")) if kind == "stage"
                        else (self.tr("Move up"), self.tr("Move down")))
            self._action(menu, up, lambda: self.move(kind, id, -1), "Alt+Up")
            self._action(menu, down, lambda: self.move(kind, id, 1), "Alt+Down")
            if kind == "stage" and store is not None and self.journey:
                phases = store.phases(self.journey)
                if phases:
                    sub = menu.addMenu(self.tr("Phase"))
                    sub.setEnabled(not self.read_only)
                    for ph in [None, *phases]:
                        act = sub.addAction(mnemonic_safe(ph.name) if ph else self.tr("(no phase)"))
                        act.setCheckable(True)
                        act.setChecked(store.stage(id).phase == (ph.id if ph else None))
                        act.triggered.connect(lambda _=False, p=ph: self._emit(
                            lambda: edits.set_fields(store, "stage", id,
                                                     phase=p.id if p else None)))
            menu.addSeparator()
            if kind == "role" and store is not None and self.journey:
                if any(lane.role == id for lane in store.lanes(self.journey)):
                    self._action(menu, self.tr("Remove from this journey…"),
                                 lambda: self.remove_lane(id))
                else:
                    self._action(menu, self.tr("Show in this journey"),
                                 lambda: self.show_lane(id))
            self._action(menu, self.tr("Delete…"), lambda: self.delete(kind, id),
                         QKeySequence.StandardKey.Delete)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        menu = self.context_menu_for(item)
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        cur = self.current_object()
        if cur and cur[1] and not self.read_only:
            kind, id = cur
            if event.key() == Qt.Key.Key_F2:
                self.rename(kind, id)
                return
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete(kind, id)
                return
            if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (
                    Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move(kind, id, -1 if event.key() == Qt.Key.Key_Up else 1)
                return
        super().keyPressEvent(event)


__all__ = ["DeleteChoiceDialog", "ProjectTree"]
