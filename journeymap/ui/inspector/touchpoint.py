"""The touchpoint editor: title, description, channel, emotion, survey scores, metrics
and pain points of one card."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableWidget, QWidget

from journeymap.model import edits
from journeymap.model.rows import Metric, Touchpoint
from journeymap.ui.inspector.base import Editor, field_box, put, select_data, set_text
from journeymap.ui.texts import channel_names, emotion_names, invalid_number
from journeymap.ui.widgets import face_icon


def parse_scores(text: str) -> tuple[int, ...] | None:
    """``"9, 6,10"`` → (9, 6, 10); None when a part is not a whole number."""
    parts = [p.strip() for p in text.replace("、", ",").replace(";", ",").split(",")]
    if parts == [""]:
        return ()
    try:
        return tuple(int(p) for p in parts if p != "")
    except ValueError:
        return None


class TouchpointEditor(Editor):
    kind = "touchpoint"
    _PAIN_FIELDS = {0: "title", 1: "severity", 2: "frequency", 4: "evidence"}

    def __init__(self) -> None:
        super().__init__()
        self.title = self.line(self.tr("Title"), "title")
        self.description = self.text(self.tr("Description"), "description")
        self.channel = self.combo(self.tr("Channel"), "channel",
                                  [(name, value) for value, name in channel_names().items()])
        self.channel_detail = self.line(self.tr("Channel detail"), "channel_detail")
        self.channel_detail.setPlaceholderText(self.tr("e.g. portal, phone, visit"))
        self.emotion = self.combo(self.tr("Emotion"), "emotion",
                                  [(name, value) for value, name in emotion_names().items()])
        for i in range(self.emotion.count()):
            self.emotion.setItemIcon(i, face_icon(self.emotion.itemData(i)))
        scores = QLineEdit()
        scores.setAccessibleName(self.tr("Survey scores"))
        scores.setPlaceholderText(self.tr("e.g. 9, 6, 10"))
        scores.setToolTip(self.tr("Survey scores 0–10 collected at this touchpoint, "
                                  "separated by commas"))
        box, self.errors["touchpoint.scores"] = field_box(scores)
        self.form.addRow(self.tr("Survey scores"), box)
        scores.editingFinished.connect(self._commit_scores)
        self.scores = scores

        # metrics: name / value / unit
        self.metrics = QTableWidget(0, 3)
        self.metrics.setAccessibleName(self.tr("Metrics"))
        self.metrics.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Value"),
                                                self.tr("Unit")])
        self.table_style(self.metrics, stretch=0)
        self.metrics.setMinimumHeight(self.metrics.fontMetrics().lineSpacing() * 5)
        self.metrics.setMaximumHeight(self.metrics.fontMetrics().lineSpacing() * 8)
        self.metrics.cellChanged.connect(self._commit_metrics)
        self.form.addRow(self.table_box(self.tr("Metrics"), self.metrics, "touchpoint.metrics",
                                        self.add_metric, self.delete_metrics,
                                        self.tr("Add metric"), self.tr("Delete metric")))

        # pain points
        self.pains = QTableWidget(0, 5)
        self.pains.setAccessibleName(self.tr("Pain points"))
        self.pains.setHorizontalHeaderLabels([
            self.tr("Pain point"), self.tr("Sev."), self.tr("Freq."),
            self.tr("Dimension"), self.tr("Evidence")])
        self.pains.horizontalHeaderItem(1).setToolTip(self.tr("Severity 1–5"))
        self.pains.horizontalHeaderItem(2).setToolTip(self.tr("Frequency 1–5"))
        self.table_style(self.pains, stretch=0)
        self.pains.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.pains.setWordWrap(True)
        self.pains.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pains.setMinimumHeight(self.pains.fontMetrics().lineSpacing() * 10)
        self.pains.cellChanged.connect(self._commit_pain_cell)
        self.form.addRow(self.table_box(self.tr("Pain points"), self.pains, "pain_point",
                                        self.add_pain, self.delete_pains,
                                        self.tr("Add pain point"),
                                        self.tr("Delete pain point")))

    def focus_widget(self) -> QWidget | None:
        return self.title

    # -- showing ------------------------------------------------------------------------------
    def fill(self, tp: Touchpoint) -> None:
        store = self.store
        assert store is not None
        role = store.get("role", tp.role)
        stage = store.get("stage", tp.stage)
        self.heading.setText(self.tr("Touchpoint — %1 · %2").replace(
            "%1", getattr(role, "name", "")).replace("%2", getattr(stage, "name", "")))
        set_text(self.title, tp.title)
        set_text(self.description, tp.description)
        select_data(self.channel, tp.channel)
        set_text(self.channel_detail, tp.channel_detail)
        select_data(self.emotion, tp.emotion)
        set_text(self.scores, ", ".join(str(s) for s in tp.scores))
        self._fill_metrics(tp)
        self._fill_pains(tp)

    def _fill_metrics(self, tp: Touchpoint) -> None:
        t = self.metrics
        t.blockSignals(True)
        t.setRowCount(len(tp.metrics))
        for r, m in enumerate(tp.metrics):
            value = f"{m.value:g}"
            for c, text in enumerate((m.name, value, m.unit)):
                put(t, r, c, text)
        t.blockSignals(False)

    def _fill_pains(self, tp: Touchpoint) -> None:
        store = self.store
        assert store is not None
        t = self.pains
        t.blockSignals(True)
        pains = store.pain_points(tp.id)
        t.setRowCount(len(pains))
        dims = store.dimensions()
        for r, p in enumerate(pains):
            for c, text in ((0, p.title), (1, str(p.severity)), (2, str(p.frequency)),
                            (4, p.evidence)):
                item = put(t, r, c, text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                if c in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            combo = t.cellWidget(r, 3)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                combo.setAccessibleName(self.tr("Dimension"))
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(7)
                combo.activated.connect(lambda _i, c=combo: self._commit_pain_dimension(c))
                t.setCellWidget(r, 3, combo)
            combo.blockSignals(True)
            combo.clear()
            for d in dims:
                combo.addItem(d.name, d.id)
            combo.setProperty("pain", p.id)
            combo.setCurrentIndex(combo.findData(p.dimension))
            combo.setToolTip(combo.currentText())
            combo.blockSignals(False)
        t.blockSignals(False)

    def pain_ids(self) -> list[str]:
        """Ids of the pain points in the table, top to bottom (tests, tools)."""
        return [self.pains.item(r, 0).data(Qt.ItemDataRole.UserRole)
                for r in range(self.pains.rowCount())]

    # -- scores and metrics -------------------------------------------------------------------
    def _commit_scores(self) -> None:
        if self.current is None:
            return
        scores = parse_scores(self.scores.text())
        if scores is None:
            self.error("touchpoint.scores", self.tr(
                "Survey scores must be whole numbers from 0 to 10, separated by commas"))
            return
        self.submit("touchpoint", "scores", scores)

    def _commit_metrics(self, row: int = -1, col: int = -1) -> None:
        if self.store is None or self.current is None:
            return
        metrics = []
        t = self.metrics
        for r in range(t.rowCount()):
            cells = [t.item(r, c).text() if t.item(r, c) else "" for c in range(3)]
            try:
                value = float(cells[1].replace(",", "").strip() or "0")
            except ValueError:
                self.error("touchpoint.metrics", invalid_number(f"metrics[{r}].value",
                                                                cells[1]))
                self._fill_metrics(self.store.touchpoint(self.current))
                return
            metrics.append(Metric(cells[0].strip(), value, cells[2].strip()))
        if not self.submit("touchpoint", "metrics", tuple(metrics)):
            self._fill_metrics(self.store.touchpoint(self.current))

    def add_metric(self) -> None:
        if self.store is None or self.current is None:
            return
        tp = self.store.touchpoint(self.current)
        new = (*tp.metrics, Metric(self.tr("Metric"), 0.0, ""))
        if self.submit("touchpoint", "metrics", new):
            self.metrics.setCurrentCell(len(new) - 1, 0)
            self.metrics.editItem(self.metrics.item(len(new) - 1, 0))

    def delete_metrics(self) -> None:
        if self.store is None or self.current is None:
            return
        rows = {i.row() for i in self.metrics.selectedIndexes()}
        if not rows and self.metrics.currentRow() >= 0:
            rows = {self.metrics.currentRow()}
        tp = self.store.touchpoint(self.current)
        kept = tuple(m for i, m in enumerate(tp.metrics) if i not in rows)
        self.submit("touchpoint", "metrics", kept)

    # -- pain points --------------------------------------------------------------------------
    def _commit_pain_cell(self, row: int, col: int) -> None:
        store = self.store
        item = self.pains.item(row, col)
        field = self._PAIN_FIELDS.get(col)
        if store is None or item is None or field is None or self.current is None:
            return
        pid = item.data(Qt.ItemDataRole.UserRole)
        text = item.text()
        value: Any = text
        if field in ("severity", "frequency"):
            try:
                value = int(text.strip())
            except ValueError:
                self.error("pain_point", invalid_number(field, text, 1, 5))
                self._fill_pains(store.touchpoint(self.current))
                return
        if not self._submit_pain(pid, field, value):
            self._fill_pains(store.touchpoint(self.current))

    def _submit_pain(self, pid: str, field: str, value: Any) -> bool:
        store = self.store
        if store is None or store.get("pain_point", pid) is None:
            return False
        if getattr(store.pain_point(pid), field) == value:
            return True
        return self.emit_edit("pain_point",
                              lambda: edits.set_fields(store, "pain_point", pid, **{field: value}))

    def _commit_pain_dimension(self, combo: QComboBox) -> None:
        pid = combo.property("pain")
        if pid:
            self._submit_pain(pid, "dimension", combo.currentData())

    def add_pain(self) -> None:
        store = self.store
        if store is None or self.current is None:
            return
        tid = self.current
        if self.emit_edit("pain_point", lambda: edits.add_pain_point(
                store, tid, self.tr("New pain point"))):
            row = self.pains.rowCount() - 1
            if row >= 0:
                self.pains.setCurrentCell(row, 0)
                self.pains.setFocus()
                self.pains.editItem(self.pains.item(row, 0))

    def delete_pains(self) -> None:
        store = self.store
        if store is None:
            return
        rows = {i.row() for i in self.pains.selectedIndexes()} or (
            {self.pains.currentRow()} if self.pains.currentRow() >= 0 else set())
        ids = [self.pains.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in sorted(rows)
               if self.pains.item(r, 0) is not None]
        if ids:
            self.emit_edit("pain_point", lambda: edits.delete(store, "pain_point", ids))


__all__ = ["TouchpointEditor", "parse_scores"]
