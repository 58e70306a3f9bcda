"""The inspector dock: shows the editor of the selected object's kind.

:data:`EDITORS` maps each kind (touchpoint, role, stage, action, journey, project) to
its editor class, one module each in this package; to add a field, open that kind's
editor. Editors send edits through :attr:`Inspector.edit_requested` (the window pushes
them on the undo stack) and re-read their object after every change (undo included).
"""

from __future__ import annotations

from collections import ChainMap

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from journeymap.model.store import Store
from journeymap.ui.inspector.action import ActionEditor
from journeymap.ui.inspector.base import Editor
from journeymap.ui.inspector.journey import JourneyEditor
from journeymap.ui.inspector.project import ProjectEditor
from journeymap.ui.inspector.role import RoleEditor
from journeymap.ui.inspector.stage import StageEditor
from journeymap.ui.inspector.touchpoint import TouchpointEditor

EDITORS: dict[str, type[Editor]] = {
    "touchpoint": TouchpointEditor,
    "role": RoleEditor,
    "stage": StageEditor,
    "action": ActionEditor,
    "journey": JourneyEditor,
    "project": ProjectEditor,
}


class Inspector(QWidget):
    """Shows and edits one selected object of a :class:`Store`."""

    edit_requested = Signal(object)  # Edit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName(self.tr("Inspector"))
        self.store: Store | None = None
        self.kind: str | None = None
        self.current: str | None = None
        self.stack = QStackedWidget()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.stack)
        self.empty = QLabel(self.tr("Select a card, role, stage or action to edit it here."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack.addWidget(self.empty)
        self.editors: dict[str, Editor] = {}
        for kind, cls in EDITORS.items():
            editor = cls()
            editor.edit_requested.connect(self.edit_requested)
            self.stack.addWidget(editor)
            self.editors[kind] = editor
        # every editor's error lines by "table.field" (tests, tools)
        self.errors = ChainMap(*(e.errors for e in self.editors.values()))
        self.clear()

    def editor(self, kind: str) -> Editor:
        """The editor of ``kind`` (e.g. ``editor("touchpoint").title``)."""
        return self.editors[kind]

    # -- public ---------------------------------------------------------------------------------
    def set_store(self, store: Store | None, read_only: bool = False) -> None:
        self.store = store
        for editor in self.editors.values():
            editor.store = store
        self.setEnabled(store is not None and not read_only)
        self.clear()

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(self.store is not None and not read_only)

    def clear(self) -> None:
        self._show(None, None)
        for editor in self.editors.values():
            editor.clear_errors()
        self.empty.setText(self.tr("Select a card, role, stage or action to edit it here."))
        self.stack.setCurrentWidget(self.empty)

    def show_touchpoints(self, ids: list[str]) -> None:
        """The canvas selection: one card is edited; several are counted."""
        if len(ids) == 1:
            self.show_object("touchpoint", ids[0])
        elif ids:
            self.clear()
            self.empty.setText(self.tr("%n cards selected", None, len(ids)))
        elif self.kind == "touchpoint":
            self.clear()

    def show_object(self, kind: str, id: str) -> None:
        if self.store is None or self.store.get(kind, id) is None:
            self.clear()
            return
        self._show(kind, id)
        self.stack.setCurrentWidget(self.editors[kind])
        self.refresh()

    def _show(self, kind: str | None, id: str | None) -> None:
        if (kind, id) != (self.kind, self.current):
            for editor in self.editors.values():
                editor.clear_errors()
        self.kind, self.current = kind, id
        for k, editor in self.editors.items():
            editor.current = id if k == kind else None

    def focus_title(self) -> None:
        editor = self.editors.get(self.kind or "")
        widget = editor.focus_widget() if editor is not None else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            widget.selectAll()  # type: ignore[attr-defined]

    def on_changes(self, changes: list) -> None:
        """Subscriber of the document's change signal (undo included): re-read."""
        self.refresh()

    def refresh(self) -> None:
        """Re-read the shown object from the store (after any change, undo included)."""
        if self.store is None or self.kind is None or self.current is None:
            return
        row = self.store.get(self.kind, self.current)
        if row is None:
            self.clear()
            return
        self.editors[self.kind].fill(row)


__all__ = ["EDITORS", "Inspector"]
