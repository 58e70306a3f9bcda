"""To-be journeys on screen: the comparison of an as-is with its to-be, the projected
impact of chosen actions, and Journey ▸ Make To-be Journey.

:func:`install_to_be_ui` adds two bottom-panel tabs ("Comparison", "Projected impact")
and the menu action through the window's plug-in points; both panels follow the one
change signal (``window.events.changed``) and recompute only while visible. The figures
come from :mod:`journeymap.analysis.compare` and :mod:`journeymap.analysis.projection`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.analysis.compare import CHANNELS, Comparison, compare
from journeymap.analysis.projection import DEFAULT_STATUSES, Projection, project_impact
from journeymap.model.store import Store
from journeymap.render.changes import mark_to_be
from journeymap.ui.texts import channel_names, status_names

CHANGED_COLOR = QColor("#fff3bf")
BEFORE_COLOR = QColor("#c01c28")
AFTER_COLOR = QColor("#2ec27e")


def _num(x: float | None) -> str:
    if x is None:
        return "–"
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _pair(a: float | None, b: float | None) -> str:
    return f"{_num(a)} → {_num(b)}"


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.setMinimumHeight(40)  # the bottom dock may be short: the table scrolls
    return t


class _Panel(QWidget):
    """Follows a store and a journey; recomputes when shown after a change."""

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None
        self.journey: str | None = None
        self._dirty = True

    def set_store(self, store: Store | None, journey: str | None) -> None:
        self.store, self.journey = store, journey
        self.schedule()

    def set_journey(self, journey: str | None) -> None:
        self.journey = journey
        self.schedule()

    def schedule(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError


# -- comparison -------------------------------------------------------------------------------
class ComparisonPanel(_Panel):
    """As-is and to-be side by side, per stage and role; changed rows are tinted."""

    def __init__(self) -> None:
        super().__init__()
        self.comparison: Comparison | None = None
        self.as_is = QComboBox()
        self.as_is.setAccessibleName(self.tr("As-is journey"))
        self.to_be = QComboBox()
        self.to_be.setAccessibleName(self.tr("To-be journey"))
        for combo in (self.as_is, self.to_be):
            combo.activated.connect(lambda _i: self.refresh(keep_choice=True))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As-is")))
        top.addWidget(self.as_is, 1)
        top.addWidget(QLabel(self.tr("To-be")))
        top.addWidget(self.to_be, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = _table([self.tr("Stage"), self.tr("Role"), self.tr("Emotion"),
                             self.tr("Pain impact"), self.tr("Channels"),
                             self.tr("Handoffs")])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)

    def _default_pair(self, store: Store) -> tuple[str | None, str | None]:
        j = store.get("journey", self.journey or "")
        if j is None:
            return None, None
        if j.variant_of is not None:  # type: ignore[attr-defined]
            return j.variant_of, j.id  # type: ignore[attr-defined]
        to_be = [x.id for x in store.journeys() if x.variant_of == j.id]
        return j.id, (to_be[0] if to_be else None)

    def refresh(self, keep_choice: bool = False) -> None:
        self._dirty = False
        store = self.store
        self.table.setRowCount(0)
        self.comparison = None
        if store is None:
            self.summary.setText("")
            return
        chosen = (self.as_is.currentData(), self.to_be.currentData()) if keep_choice else (
            self._default_pair(store))
        for combo, value in zip((self.as_is, self.to_be), chosen, strict=True):
            combo.blockSignals(True)
            combo.clear()
            for j in store.journeys():
                combo.addItem(j.name, j.id)
            combo.setCurrentIndex(max(0, combo.findData(value)) if value else -1)
            combo.blockSignals(False)
        a, b = self.as_is.currentData(), self.to_be.currentData()
        if a is None or b is None or a == b:
            self.summary.setText(self.tr(
                "Choose an as-is journey and its to-be (Journey ▸ Make To-be Journey "
                "makes one)."))
            return
        self.comparison = cmp = compare(store, a, b)
        names = {s.id: s.name for j in (a, b) for s in store.stages(j)}
        roles = {r.id: r.name for r in store.roles()}
        channels = channel_names()
        changed = [c for c in cmp.cells if c.changed]
        text = self.tr("Pain impact (without votes) %1 → %2; %3 of %4 stage × role cells differ.").replace(
            "%1", _num(cmp.impact_before)).replace("%2", _num(cmp.impact_after)).replace(
            "%3", str(len(changed))).replace("%4", str(len(cmp.cells)))
        if cmp.added:
            text += " " + self.tr("Added stages: %1.").replace(
                "%1", ", ".join(names.get(s, s) for s in cmp.added))
        if cmp.removed:
            text += " " + self.tr("Removed stages: %1.").replace(
                "%1", ", ".join(names.get(s, s) for s in cmp.removed))
        self.summary.setText(text)
        self.table.setRowCount(len(cmp.cells))
        for r, c in enumerate(cmp.cells):
            mix = ", ".join(f"{channels[ch]} {c.as_is.channels[i]}→{c.to_be.channels[i]}"
                            for i, ch in enumerate(CHANNELS)
                            if c.as_is.channels[i] or c.to_be.channels[i])
            values = [names.get(c.stage, c.stage), roles.get(c.role, c.role),
                      _pair(c.as_is.emotion, c.to_be.emotion),
                      _pair(c.as_is.impact, c.to_be.impact), mix,
                      f"{c.as_is.handoffs} → {c.to_be.handoffs}"]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c.changed:
                    item.setBackground(QBrush(CHANGED_COLOR))
                    item.setForeground(QBrush(QColor("#000000")))
                self.table.setItem(r, col, item)


# -- projection -------------------------------------------------------------------------------
class ImpactChart(QWidget):
    """Bars per stage: pain impact today (red) and after the actions (green)."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[tuple[str, float, float]] = []
        self.setMinimumHeight(50)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(360, 160)

    def set_bars(self, bars: list[tuple[str, float, float]]) -> None:
        self.bars = bars
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        fm = p.fontMetrics()
        label_h = fm.height() + 4
        top = max((max(b, a) for _, b, a in self.bars), default=0.0)
        if not self.bars or top <= 0:
            p.setPen(self.palette().text().color())
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("No pain points"))
            return
        # Legend, top right: what the two colours mean.
        x = rect.right()
        for label, color in ((self.tr("After"), AFTER_COLOR), (self.tr("Today"), BEFORE_COLOR)):
            w = fm.horizontalAdvance(label)
            x -= w
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x, rect.top(), w, fm.height()), Qt.AlignmentFlag.AlignLeft, label)
            x -= 14
            p.fillRect(QRectF(x, rect.top() + 3, 10, fm.height() - 6), color)
            x -= 12
        rect.setTop(rect.top() + fm.height() + 2)
        n = len(self.bars)
        slot = rect.width() / n
        bar_w = max(2.0, min(28.0, slot * 0.35))
        plot_h = rect.height() - label_h
        for i, (name, before, after) in enumerate(self.bars):
            x = rect.left() + i * slot + slot / 2
            for value, color, dx in ((before, BEFORE_COLOR, -bar_w), (after, AFTER_COLOR, 0)):
                h = plot_h * value / top
                p.fillRect(QRectF(x + dx, rect.top() + plot_h - h, bar_w, h), color)
            p.setPen(QPen(self.palette().text().color()))
            text = fm.elidedText(name, Qt.TextElideMode.ElideRight, int(slot) - 2)
            p.drawText(QRectF(x - slot / 2, rect.bottom() - label_h, slot, label_h),
                       Qt.AlignmentFlag.AlignCenter, text)


class ProjectionPanel(_Panel):
    """Pick actions (default planned and doing); see what they fix, and what they leave."""

    def __init__(self) -> None:
        super().__init__()
        self.projection: Projection | None = None
        self._checked: set[str] | None = None  # None: the default choice
        self.actions = QListWidget()
        self.actions.setAccessibleName(self.tr("Actions taken into account"))
        self.actions.itemChanged.connect(self._action_toggled)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = ImpactChart()
        self.table = _table([self.tr("Stage"), self.tr("Role"), self.tr("Today"),
                             self.tr("After"), self.tr("Resolved")])
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.chart)
        rl.addWidget(self.table, 1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("Actions")))
        ll.addWidget(self.actions, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(split)

    def chosen(self) -> list[str]:
        return [self.actions.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.actions.count())
                if self.actions.item(i).checkState() == Qt.CheckState.Checked]

    def set_action_checked(self, action: str, checked: bool) -> None:
        for i in range(self.actions.count()):
            item = self.actions.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == action:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _action_toggled(self, _item: QListWidgetItem) -> None:
        self._checked = set(self.chosen())
        self._compute()

    def refresh(self) -> None:
        self._dirty = False
        store = self.store
        self.actions.blockSignals(True)
        self.actions.clear()
        if store is not None:
            statuses = status_names()
            for a in store.actions():
                item = QListWidgetItem(f"{a.title} ({statuses.get(a.status, a.status)})")
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = (a.status in DEFAULT_STATUSES if self._checked is None
                      else a.id in self._checked)
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.actions.addItem(item)
        self.actions.blockSignals(False)
        self._compute()

    def _compute(self) -> None:
        store = self.store
        self.table.setRowCount(0)
        self.projection = None
        if store is None or self.journey is None or store.get("journey", self.journey) is None:
            self.summary.setText("")
            self.chart.set_bars([])
            return
        self.projection = proj = project_impact(store, self.journey, self.chosen())
        stages = {s.id: s.name for s in store.stages(self.journey)}
        roles = {r.id: r.name for r in store.roles()}
        if proj.before > 0:
            share = round(100 * (proj.before - proj.after) / proj.before)
            self.summary.setText(self.tr(
                "Pain impact today %1; after the chosen actions %2 (%3% fixed, the rest "
                "left).").replace("%1", _num(proj.before)).replace("%2", _num(proj.after))
                .replace("%3", str(share)))
        else:
            self.summary.setText(self.tr("This journey has no pain points to fix."))
        per_stage: dict[str, list[float]] = {}
        rows = [c for c in proj.cells if c.before > 0]
        for c in proj.cells:
            acc = per_stage.setdefault(c.stage, [0.0, 0.0])
            acc[0] += c.before
            acc[1] += c.after
        self.chart.set_bars([(stages.get(s, s), b, a) for s, (b, a) in per_stage.items()])
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            values = [stages.get(c.stage, c.stage), roles.get(c.role, c.role), _num(c.before),
                      _num(c.after), f"{c.resolved} / {c.pains}"]
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(value))


# -- installing -------------------------------------------------------------------------------
class ToBeUI(QObject):
    """The comparison and projection tabs and the menu action of one window
    (kept as ``window.to_be_ui``)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.comparison = ComparisonPanel()
        self.projection = ProjectionPanel()
        self.comparison_tab = window.add_bottom_tab(self.comparison, self.tr("Comparison"))
        self.projection_tab = window.add_bottom_tab(self.projection,
                                                    self.tr("Projected impact"))
        self.act_make_to_be = QAction(self.tr("Make &To-be Journey"), window)
        self.act_make_to_be.setStatusTip(self.tr(
            "A linked copy of this journey to draw the future state in and compare"))
        self.act_make_to_be.triggered.connect(lambda _=False: window.tree.make_to_be())
        window.add_menu_actions([self.act_make_to_be], window.act_add_journey, writes=True)
        # "Δ" on the canvas cards of a to-be journey that differ from its as-is; after
        # an edit, once the canvas has been updated (not in the edit's own time).
        self.marker_timer = QTimer(self)
        self.marker_timer.setSingleShot(True)
        self.marker_timer.setInterval(120)
        self.marker_timer.timeout.connect(self.mark_canvas)
        window.document_changed.connect(self._document_changed)
        window.journey_changed.connect(self._journey_changed)
        window.events.changed.connect(self._model_changed)
        if window.doc is not None:
            self._document_changed(window.doc)

    def mark_canvas(self) -> int:
        """Mark the changed cards of the shown journey if it is a to-be; the count."""
        w = self.window
        if w.scene is None or w.store is None or not w.journey_id:
            return 0
        return mark_to_be(w.scene, w.store, w.journey_id)

    def _document_changed(self, doc: Any) -> None:
        store = doc.store if doc is not None else None
        self.projection._checked = None
        for panel in (self.comparison, self.projection):
            panel.set_store(store, self.window.journey_id)

    def _journey_changed(self, journey: str) -> None:
        for panel in (self.comparison, self.projection):
            panel.set_journey(journey or None)
        self.marker_timer.start()

    def _model_changed(self, _changes: list) -> None:
        for panel in (self.comparison, self.projection):
            panel.schedule()
        self.marker_timer.start()


def install_to_be_ui(window: Any) -> ToBeUI:
    window.to_be_ui = ToBeUI(window)
    return window.to_be_ui


__all__ = ["ComparisonPanel", "ImpactChart", "ProjectionPanel", "ToBeUI", "install_to_be_ui"]
