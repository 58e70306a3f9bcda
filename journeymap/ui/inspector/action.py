"""The action editor: title, effort, owner, status and due date of an action."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journeymap.model.rows import Action
from journeymap.ui.inspector.base import Editor, select_data, set_text
from journeymap.ui.texts import status_names


class ActionEditor(Editor):
    kind = "action"

    def __init__(self) -> None:
        super().__init__()
        self.title = self.line(self.tr("Title"), "title")
        self.effort = self.combo(self.tr("Effort"), "effort", [(str(i), i) for i in range(1, 6)])
        self.owner = self.line(self.tr("Owner"), "owner")
        self.status = self.combo(self.tr("Status"), "status",
                                 [(name, value) for value, name in status_names().items()])
        self.due = self.line(self.tr("Due"), "due")
        self.due.setPlaceholderText(self.tr("YYYY-MM-DD"))

    def focus_widget(self) -> QWidget | None:
        return self.title

    def fill(self, row: Action) -> None:
        self.heading.setText(self.tr("Action"))
        set_text(self.title, row.title)
        select_data(self.effort, row.effort)
        set_text(self.owner, row.owner)
        select_data(self.status, row.status)
        set_text(self.due, row.due or "")


__all__ = ["ActionEditor"]
