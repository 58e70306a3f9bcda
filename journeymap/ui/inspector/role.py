"""The role editor: name, colour, default influence and description of a role (a lane),
and its persona: profile, goals, decision criteria, worries, quote, headcount, photo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.rows import Persona, Role
from journeymap.model.validation import MAX_PHOTO_BYTES, ValidationError
from journeymap.ui.inspector.base import Editor, field_box, select_data, set_text
from journeymap.ui.texts import error_text
from journeymap.ui.widgets import CommitTextEdit, color_icon

PHOTO_SIZE = 96
LIST_FIELDS = ("goals", "criteria", "worries")


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
        self._build_persona()

    # -- the persona ----------------------------------------------------------------------------
    def _build_persona(self) -> None:
        title = QLabel(self.tr("Persona"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setToolTip(self.tr("The person behind this role at the customer"))
        self.form.addRow(title)
        self.photo = QLabel()
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid palette(mid);")
        self.photo.setAccessibleName(self.tr("Photo"))
        self.choose_photo_button = QPushButton(self.tr("Choose photo…"))
        self.choose_photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.clicked.connect(self.remove_photo)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_photo_button)
        buttons.addWidget(self.remove_photo_button)
        buttons.addStretch(1)
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.photo)
        lay.addLayout(buttons)
        lay.addStretch(1)
        box, self.errors["persona.photo"] = field_box(row)
        self.form.addRow(self.tr("Photo"), box)
        self.profile = self._persona_text(self.tr("Profile"), "profile")
        hint = self.tr("One per line")
        self.goals = self._persona_text(self.tr("Goals"), "goals", hint)
        self.criteria = self._persona_text(self.tr("Decision criteria"), "criteria", self.tr(
            "What they judge a supplier by; one per line"))
        self.worries = self._persona_text(self.tr("Worries"), "worries", hint)
        self.quote = QLineEdit()
        self.quote.setAccessibleName(self.tr("Quote"))
        box, self.errors["persona.quote"] = field_box(self.quote)
        self.form.addRow(self.tr("Quote"), box)
        self.quote.editingFinished.connect(lambda: self.commit_persona("quote",
                                                                       self.quote.text()))
        self.headcount = QLineEdit()
        self.headcount.setAccessibleName(self.tr("Headcount"))
        self.headcount.setToolTip(self.tr("People counted in this role at the customer "
                                          "(empty: not known)"))
        box, self.errors["persona.headcount"] = field_box(self.headcount)
        self.form.addRow(self.tr("Headcount"), box)
        self.headcount.editingFinished.connect(
            lambda: self.commit_persona("headcount", self.headcount.text()))

    def _persona_text(self, label: str, field: str, tip: str = "") -> CommitTextEdit:
        edit = CommitTextEdit()
        edit.setAccessibleName(label)
        edit.setTabChangesFocus(True)
        if tip:
            edit.setPlaceholderText(tip)
            edit.setToolTip(tip)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        box, self.errors[f"persona.{field}"] = field_box(edit)
        self.form.addRow(label, box)
        edit.editing_finished.connect(lambda: self.commit_persona(field, edit.toPlainText()))
        return edit

    def persona(self) -> Persona | None:
        if self.store is None or self.current is None:
            return None
        p = self.store.get("persona", self.current)
        return p if isinstance(p, Persona) else None

    def commit_persona(self, field: str, text: str) -> bool:
        """Send one persona field typed by the user (lists: one item per line)."""
        store, role = self.store, self.current
        if store is None or role is None:
            return False
        value: object = text
        if field in LIST_FIELDS:
            value = tuple(line.strip() for line in text.splitlines() if line.strip())
        elif field == "headcount":
            stripped = text.strip().replace(",", "")
            if not stripped:
                value = None
            elif stripped.isdigit():
                value = int(stripped)
            else:
                self.error("persona.headcount", error_text(ValidationError.of(
                    "headcount", "not_int", lo=0, hi=1_000_000, value=text)))
                return False
        current = self.persona() or Persona(role)
        if getattr(current, field) == value:
            self.error(f"persona.{field}", "")
            return True
        return self.emit_edit(f"persona.{field}",
                              lambda: edits.set_persona(store, role, **{field: value}))

    def set_photo_from_file(self, path: Path | str) -> bool:
        """Use a PNG or JPEG file as the persona's photo; refused files say why."""
        store, role = self.store, self.current
        if store is None or role is None:
            return False
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_PHOTO_BYTES:  # checked before reading the file
                raise ValidationError.of("photo", "image_too_large", size=size,
                                         limit=MAX_PHOTO_BYTES, unit="bytes")
            data = path.read_bytes()
        except ValidationError as e:
            self.error("persona.photo", error_text(e))
            return False
        except OSError as e:
            self.error("persona.photo", self.tr("%1 cannot be read: %2").replace(
                "%1", path.name).replace("%2", e.strerror or str(e)))
            return False
        return self.emit_edit("persona.photo",
                              lambda: edits.set_persona(store, role, photo=data))

    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Persona photo"), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if path:
            self.set_photo_from_file(path)

    def remove_photo(self) -> None:
        store, role, persona = self.store, self.current, self.persona()
        if store is None or role is None or persona is None or persona.photo is None:
            return
        self.emit_edit("persona.photo", lambda: edits.set_persona(store, role, photo=None))

    def _fill_persona(self, p: Persona | None) -> None:
        p = p or Persona(self.current or "")
        set_text(self.profile, p.profile)
        for field in LIST_FIELDS:
            set_text(getattr(self, field), "\n".join(getattr(p, field)))
        set_text(self.quote, p.quote)
        set_text(self.headcount, "" if p.headcount is None else str(p.headcount))
        self.remove_photo_button.setEnabled(p.photo is not None)
        if p.photo is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
            return
        pm = QPixmap()
        pm.loadFromData(p.photo)
        self.photo.setText("")
        self.photo.setPixmap(pm.scaled(PHOTO_SIZE, PHOTO_SIZE,
                                       Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))

    # -- the role ----------------------------------------------------------------------------
    def focus_widget(self) -> QWidget | None:
        return self.name

    def fill(self, row: Role) -> None:
        self.heading.setText(self.tr("Role"))
        set_text(self.name, row.name)
        self.color.setText(row.color)
        self.color.setIcon(color_icon(row.color))
        select_data(self.influence, row.default_influence)
        set_text(self.description, row.description)
        self._fill_persona(self.persona())

    def choose_color(self) -> None:
        if self.store is None or self.current is None:
            return
        role = self.store.role(self.current)
        color = QColorDialog.getColor(QColor(role.color), self, self.tr("Role colour"))
        if color.isValid():
            self.submit("role", "color", color.name())


__all__ = ["RoleEditor"]
