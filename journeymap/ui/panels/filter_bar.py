"""Filter and search bar over the canvas.

Role, dimension and minimum severity dim the cards outside the filter
(``scene.set_filter``); the search field highlights matching cards
(``scene.set_search``), shows how many match, and Enter / Shift+Enter step through
them (:attr:`FilterBar.match_activated`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from journeymap.model.store import Store
from journeymap.ui.controllers.document import STRUCTURE_TABLES, tables_of


class FilterBar(QWidget):
    match_activated = Signal(str)  # touchpoint id
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.scene: Any = None
        self.store: Store | None = None
        self.journey: str | None = None
        self.matches: list[str] = []
        self.index = -1
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 3, 6, 3)
        lay.addWidget(QLabel(self.tr("Filter:")))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Show role"))
        self.dimension = QComboBox()
        self.dimension.setAccessibleName(self.tr("Show dimension"))
        self.severity = QComboBox()
        self.severity.setAccessibleName(self.tr("Minimum severity"))
        self.severity.addItem(self.tr("Any severity"), 0)
        for n in range(1, 6):
            self.severity.addItem(self.tr("Severity ≥ %1").replace("%1", str(n)), n)
        for combo in (self.role, self.dimension, self.severity):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filter)
            lay.addWidget(combo)
        lay.addSpacing(12)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search cards"))
        self.search.setPlaceholderText(self.tr("Search cards and pain points"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Enter: next match · Shift+Enter: previous match · "
                                       "Esc: close"))
        self.search.textChanged.connect(self._apply_search)
        self.search.installEventFilter(self)
        lay.addWidget(self.search, 1)
        self.count = QLabel()
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("000 / 000") + 8)
        lay.addWidget(self.count)
        for text, tip, step in (("▲", self.tr("Previous match (Shift+Enter)"), -1),
                                ("▼", self.tr("Next match (Enter)"), 1)):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(lambda _=False, s=step: self.step(s))
            lay.addWidget(b)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close the filter bar and clear the filter"))
        close.setAccessibleName(self.tr("Close filter bar"))
        close.clicked.connect(self.close_bar)
        lay.addWidget(close)
        self._updating = False

    def set_scene(self, scene: Any, store: Store | None, journey: str | None) -> None:
        if store is not self.store:
            # Another project: its search and filter start empty, not the last one's.
            self._updating = True
            self.search.clear()
            self.role.setCurrentIndex(0)
            self.dimension.setCurrentIndex(0)
            self.severity.setCurrentIndex(0)
            self._updating = False
        self.scene, self.store, self.journey = scene, store, journey
        self.refresh()

    def on_changes(self, changes: list) -> None:
        """Subscriber of the document's change signal: roles and dimensions to filter by."""
        if tables_of(changes) & (STRUCTURE_TABLES | {"dimension"}):
            self.refresh()

    def refresh(self) -> None:
        """Re-read roles and dimensions; re-apply filter and search to the scene."""
        self._updating = True
        keep_role, keep_dim = self.role.currentData(), self.dimension.currentData()
        self.role.clear()
        self.role.addItem(self.tr("All roles"), None)
        self.dimension.clear()
        self.dimension.addItem(self.tr("All dimensions"), None)
        store, journey = self.store, self.journey
        if store is not None:
            if journey is not None and store.get("journey", journey) is not None:
                for r in store.lane_roles(journey):
                    self.role.addItem(r.name, r.id)
            for d in store.dimensions():
                self.dimension.addItem(d.name, d.id)
        self.role.setCurrentIndex(max(0, self.role.findData(keep_role)))
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(keep_dim)))
        self._updating = False
        self._apply_filter()
        self._apply_search()

    def _apply_filter(self, *_args: object) -> None:
        if self._updating or self.scene is None:
            return
        role, dim = self.role.currentData(), self.dimension.currentData()
        self.scene.set_filter(roles={role} if role else None,
                              dimensions={dim} if dim else None,
                              min_severity=self.severity.currentData() or 0)

    def _apply_search(self, *_args: object) -> None:
        if self.scene is None:
            return
        text = self.search.text()
        self.matches = list(self.scene.set_search(text))
        self.index = -1
        self._show_count()

    def _show_count(self) -> None:
        if not self.search.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No match"))
        elif self.index < 0:
            self.count.setText(self.tr("%n match(es)", None, len(self.matches)))
        else:
            self.count.setText(f"{self.index + 1} / {len(self.matches)}")

    def step(self, delta: int) -> None:
        """Go to the next (1) or previous (−1) match."""
        if not self.matches:
            return
        if self.index < 0:
            self.index = 0 if delta > 0 else len(self.matches) - 1
        else:
            self.index = (self.index + delta) % len(self.matches)
        self._show_count()
        self.match_activated.emit(self.matches[self.index])

    def focus_search(self) -> None:
        self.show()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and clear filter and search, so no card stays dimmed unseen."""
        self._updating = True
        self.role.setCurrentIndex(0)
        self.dimension.setCurrentIndex(0)
        self.severity.setCurrentIndex(0)
        self._updating = False
        self.search.clear()
        self._apply_filter()
        self.hide()
        self.closed.emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)


__all__ = ["FilterBar"]
