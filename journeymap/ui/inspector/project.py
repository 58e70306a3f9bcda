"""The project editor (File ▸ Project Properties): title, client, content language."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journeymap.model.rows import ProjectInfo
from journeymap.ui.controllers.language import KEEP_TEXT
from journeymap.ui.inspector.base import Editor, select_data, set_text


class ProjectEditor(Editor):
    kind = "project"

    def __init__(self) -> None:
        super().__init__()
        self.title = self.line(self.tr("Title"), "title")
        self.client = self.line(self.tr("Client"), "client")
        # The language of the project's content: exports, PDF labels and charts use it.
        self.language = self.combo(self.tr("Content language"), "language",
                                   [("English", "en"), ("日本語", "ja")])
        self.language.setProperty(KEEP_TEXT, True)   # each language in its own name

    def focus_widget(self) -> QWidget | None:
        return self.title

    def fill(self, row: ProjectInfo) -> None:
        self.heading.setText(self.tr("Project"))
        set_text(self.title, row.title)
        set_text(self.client, row.client)
        select_data(self.language, row.language)


__all__ = ["ProjectEditor"]
