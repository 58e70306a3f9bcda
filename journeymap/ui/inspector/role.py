"""The role editor: name, colour, default influence and description of a role (a lane)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QPushButton, QWidget

from journeymap.model.rows import Role
from journeymap.ui.inspector.base import Editor, field_box, select_data, set_text
from journeymap.ui.widgets import color_icon


class RoleEditor(Editor):
    kind = "role"

    def __init__(self) -> None:
        super().__init__()
        self.name = self.line(self.tr("Name"), "name")
        self.color = QPushButton()
        self.color.setAccessibleName(self.tr("Colour"))
        self.color.clicked.connect(self.choose_color)
        box, self.errors["role.color"] = field_box(self.color)
        self.form.addRow(self.tr("Colour"), box)
        self.influence = self.combo(self.tr("Default influence"), "default_influence",
                                    [(str(i), i) for i in range(6)])
        self.influence.setToolTip(self.tr(
            "Weight 0–5 of this role where the journey's influence matrix sets none"))
        self.description = self.text(self.tr("Description"), "description")

    def focus_widget(self) -> QWidget | None:
        return self.name

    def fill(self, row: Role) -> None:
        self.heading.setText(self.tr("Role"))
        set_text(self.name, row.name)
        self.color.setText(row.color)
        self.color.setIcon(color_icon(row.color))
        select_data(self.influence, row.default_influence)
        set_text(self.description, row.description)

    def choose_color(self) -> None:
        if self.store is None or self.current is None:
            return
        role = self.store.role(self.current)
        color = QColorDialog.getColor(QColor(role.color), self, self.tr("Role colour"))
        if color.isValid():
            self.submit("role", "color", color.name())


__all__ = ["RoleEditor"]
