"""Keyboard quick-add of touchpoints: pick a cell, type a title, Enter, type the next.

The bar sits above the canvas: a role picker, a stage picker and a line edit. Enter
adds a card to the current cell (one ``edits.add_touchpoint`` edit) and clears the line
for the next one; Tab / Shift+Tab move to the next / previous stage, Ctrl+Up / Ctrl+Down
to the previous / next role. The inline syntax (see :mod:`journeymap.model.quick_syntax`)
adds channel, emotion and pain points on the way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from journeymap.model import edits
from journeymap.model.edits import EditError
from journeymap.model.quick_syntax import QuickSyntaxError, parse_quick, touchpoint_values
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError
from journeymap.ui.controllers.document import STRUCTURE_TABLES, tables_of
from journeymap.ui.texts import error_text
from journeymap.ui.widgets import ErrorLabel, color_icon


class QuickAddBar(QWidget):
    edit_requested = Signal(object)   # Edit
    cell_changed = Signal(str, str)   # role id, stage id
    added = Signal(str)               # id of the new touchpoint
    escaped = Signal()                # Esc: the window gives the focus back to the map

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAdd")
        self.store: Store | None = None
        self.journey: str | None = None
        self.read_only = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 3, 6, 3)
        label = QLabel(self.tr("Quick add:"))
        lay.addWidget(label)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role of the new card"))
        self.role.setToolTip(self.tr("Lane of the new card (Ctrl+Up / Ctrl+Down)"))
        self.stage = QComboBox()
        self.stage.setAccessibleName(self.tr("Stage of the new card"))
        self.stage.setToolTip(self.tr("Stage of the new card (Tab / Shift+Tab)"))
        for combo in (self.role, self.stage):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(260)
            combo.currentIndexChanged.connect(self._cell_changed)
        self.line = QLineEdit()
        self.line.setAccessibleName(self.tr("New card title"))
        self.line.setPlaceholderText(self.tr(
            "Type a card title and press Enter — e.g. Request a quote #human !-1 ?Slow answer:4"))
        self.line.setToolTip(self.tr(
            "<p><b>Quick add</b>: type a title, press Enter, type the next one.</p>"
            "<p>Tab / Shift+Tab: next / previous stage. Ctrl+Up / Ctrl+Down: previous / "
            "next role. Esc: back to the map.</p>"
            "<p>Inline syntax:<br>"
            "<code>#digital</code>, <code>#human</code>, <code>#physical</code> channel "
            "(<code>#digital:portal</code> adds a detail)<br>"
            "<code>!-2</code> … <code>!+2</code> emotion<br>"
            "<code>?Slow quote:4</code> pain point with severity 4 "
            "(<code>?Slow quote:4/2@ease</code>: frequency 2, dimension Ease)<br>"
            "<code>\\#</code> types a literal #.</p>"
            "<p>Example: <code>Request a quote #human !-1 ?Slow quote:4</code></p>"))
        self.line.returnPressed.connect(self.submit)
        self.line.installEventFilter(self)
        self.line.textEdited.connect(lambda _t: self.error.clear_error())
        lay.addWidget(self.role)
        lay.addWidget(self.stage)
        lay.addWidget(self.line, 1)
        self.error = ErrorLabel()
        self.error.setMaximumWidth(420)
        lay.addWidget(self.error)
        self._updating = False

    # -- public -----------------------------------------------------------------------------
    def set_journey(self, store: Store | None, journey: str | None,
                    read_only: bool = False) -> None:
        self.store, self.journey, self.read_only = store, journey, read_only
        self.refresh()

    def on_changes(self, changes: list) -> None:
        """Subscriber of the document's change signal: new roles and stages to pick."""
        if tables_of(changes) & STRUCTURE_TABLES:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the journey's lanes and stages (keeps the chosen cell when it exists)."""
        keep = self.cell()
        self._updating = True
        self.role.clear()
        self.stage.clear()
        store, journey = self.store, self.journey
        if store is not None and journey is not None and store.get("journey", journey):
            for r in store.lane_roles(journey):
                self.role.addItem(color_icon(r.color), r.name, r.id)
            for s in store.stages(journey):
                self.stage.addItem(s.name, s.id)
        if keep is not None:
            self._select(*keep)
        self._updating = False
        ok = self.role.count() > 0 and self.stage.count() > 0 and not self.read_only
        self.line.setEnabled(ok)
        self.role.setEnabled(ok)
        self.stage.setEnabled(ok)

    def cell(self) -> tuple[str, str] | None:
        role, stage = self.role.currentData(), self.stage.currentData()
        return (role, stage) if role and stage else None

    def set_cell(self, role: str, stage: str, focus: bool = False) -> None:
        self._select(role, stage)
        if focus:
            self.focus()

    def focus(self) -> None:
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()

    # -- internals ----------------------------------------------------------------------------
    def _select(self, role: str, stage: str) -> None:
        for combo, value in ((self.role, role), (self.stage, stage)):
            i = combo.findData(value)
            if i >= 0:
                combo.setCurrentIndex(i)

    def _cell_changed(self, _index: int) -> None:
        cell = self.cell()
        if cell is not None and not self._updating:
            self.cell_changed.emit(*cell)

    def step_stage(self, delta: int) -> None:
        n = self.stage.count()
        if n:
            self.stage.setCurrentIndex((self.stage.currentIndex() + delta) % n)

    def step_role(self, delta: int) -> None:
        n = self.role.count()
        if n:
            self.role.setCurrentIndex((self.role.currentIndex() + delta) % n)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
                self.step_stage(1)
                return True
            if key == Qt.Key.Key_Backtab:
                self.step_stage(-1)
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) \
                    and mods & Qt.KeyboardModifier.ControlModifier:
                self.step_role(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.line.clear()
                self.error.clear_error()
                self.escaped.emit()
                return True
        return super().eventFilter(obj, event)

    def submit(self) -> bool:
        """Add the typed card to the current cell. Returns whether a card was added."""
        store, journey, cell = self.store, self.journey, self.cell()
        text = self.line.text()
        if store is None or journey is None or cell is None or self.read_only:
            return False
        if not text.strip():
            return False
        try:
            parsed = parse_quick(text)
            values = touchpoint_values(parsed, [(d.id, d.name) for d in store.dimensions()])
            edit = edits.add_touchpoint(store, journey, cell[0], cell[1], **values)
        except QuickSyntaxError as e:
            self.error.show_error(self._syntax_message(e))
            return False
        except (ValidationError, EditError) as e:
            self.error.show_error(error_text(e))
            return False
        self.error.clear_error()
        self.edit_requested.emit(edit)
        self.line.clear()
        if edit.subject:
            self.added.emit(edit.subject)
        return True

    def _syntax_message(self, e: QuickSyntaxError) -> str:
        messages = {
            "empty_title": self.tr("Type a title for the card"),
            "channel": self.tr("Unknown channel %1: use #digital, #human or #physical"),
            "emotion": self.tr("Emotion %1 must be from !-2 to !+2"),
            "severity": self.tr("Severity in %1 must be from 1 to 5"),
            "frequency": self.tr("Frequency in %1 must be from 1 to 5"),
            "pain_title": self.tr("The pain point %1 needs a title"),
            "dimension": self.tr("%1: no single dimension has this name"),
        }
        return messages.get(e.code, str(e)).replace("%1", e.token.strip())


__all__ = ["QuickAddBar"]
