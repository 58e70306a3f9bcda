"""The stage editor: name and phase of a stage (a column)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from journeymap.model.rows import Stage
from journeymap.ui.inspector.base import Editor, select_data, set_text


class StageEditor(Editor):
    kind = "stage"

    def __init__(self) -> None:
        super().__init__()
        self.name = self.line(self.tr("Name"), "name")
        self.phase = self.combo(self.tr("Phase"), "phase", [])

    def focus_widget(self) -> QWidget | None:
        return self.name

    def fill(self, row: Stage) -> None:
        assert self.store is not None
        self.heading.setText(self.tr("Stage"))
        set_text(self.name, row.name)
        self.phase.blockSignals(True)
        self.phase.clear()
        self.phase.addItem(self.tr("(no phase)"), None)
        for ph in self.store.phases(row.journey):
            self.phase.addItem(ph.name, ph.id)
        self.phase.blockSignals(False)
        select_data(self.phase, row.phase)


__all__ = ["StageEditor"]
