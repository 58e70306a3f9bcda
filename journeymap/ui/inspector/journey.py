"""The journey editor: name, segment and description of a journey."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journeymap.model.rows import Journey
from journeymap.ui.inspector.base import Editor, set_text


class JourneyEditor(Editor):
    kind = "journey"

    def __init__(self) -> None:
        super().__init__()
        self.name = self.line(self.tr("Name"), "name")
        self.segment = self.line(self.tr("Segment"), "segment")
        self.description = self.text(self.tr("Description"), "description")

    def focus_widget(self) -> QWidget | None:
        return self.name

    def fill(self, row: Journey) -> None:
        self.heading.setText(self.tr("Journey"))
        set_text(self.name, row.name)
        set_text(self.segment, row.segment)
        set_text(self.description, row.description)


__all__ = ["JourneyEditor"]
