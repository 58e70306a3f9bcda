"""The inspector: edits the selected touchpoint, role, stage or action.

Every change becomes one ``edits.set_fields`` (or add/delete) edit sent through
:attr:`Inspector.edit_requested`; the window pushes it on the undo stack. A value the
model refuses is shown in red next to its field and nothing changes. :meth:`refresh`
re-reads the model after every change (undo included).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.rows import (
    Action,
    Journey,
    Metric,
    ProjectInfo,
    Role,
    Stage,
    Touchpoint,
)
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError
from journeymap.ui.texts import (
    channel_names,
    emotion_names,
    error_text,
    invalid_number,
    status_names,
)
from journeymap.ui.widgets import CommitTextEdit, ErrorLabel, color_icon, face_icon

Refused = (ValidationError, EditError)


def _field(editor: QWidget) -> tuple[QWidget, ErrorLabel]:
    """An editor with its error line underneath."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(editor)
    err = ErrorLabel()
    lay.addWidget(err)
    return box, err


def _set_text(widget: QLineEdit | CommitTextEdit, text: str) -> None:
    if isinstance(widget, QLineEdit):
        if widget.text() != text:
            widget.setText(text)
            widget.setCursorPosition(0)
    elif widget.toPlainText() != text:
        widget.setPlainText(text)


def _select_data(combo: QComboBox, value: object) -> None:
    i = combo.findData(value)
    combo.blockSignals(True)
    combo.setCurrentIndex(i)
    combo.blockSignals(False)


def _put(table: QTableWidget, row: int, col: int, text: str) -> QTableWidgetItem:
    """Set a cell's text, reusing its item (a slot of the item's own signal may be
    running: replacing the item there would delete it under Qt's feet)."""
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem(text)
        table.setItem(row, col, item)
    elif item.text() != text:
        item.setText(text)
    return item


def parse_scores(text: str) -> tuple[int, ...] | None:
    """``"9, 6,10"`` → (9, 6, 10); None when a part is not a whole number."""
    parts = [p.strip() for p in text.replace("、", ",").replace(";", ",").split(",")]
    if parts == [""]:
        return ()
    try:
        return tuple(int(p) for p in parts if p != "")
    except ValueError:
        return None


class _Page(QScrollArea):
    """A scrolling form page."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        self.form = QFormLayout(inner)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.form.addRow(self.heading)
        self.setWidget(inner)


class Inspector(QWidget):
    """Shows and edits one selected object of a :class:`Store`."""

    edit_requested = Signal(object)  # Edit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName(self.tr("Inspector"))
        self.store: Store | None = None
        self.kind: str | None = None  # touchpoint, role, stage, action
        self.current: str | None = None
        self.errors: dict[str, ErrorLabel] = {}
        self.stack = QStackedWidget()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.stack)
        self.empty = QLabel(self.tr("Select a card, role, stage or action to edit it here."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack.addWidget(self.empty)
        self._build_touchpoint_page()
        self._build_role_page()
        self._build_stage_page()
        self._build_action_page()
        self._build_journey_page()
        self._build_project_page()
        self.clear()

    # -- building ---------------------------------------------------------------------------
    def _line(self, page: _Page, key: str, label: str, table: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(label)
        box, err = _field(edit)
        self.errors[f"{table}.{field}"] = err
        page.form.addRow(label, box)
        edit.editingFinished.connect(lambda: self._commit_text(table, field, edit.text()))
        setattr(self, key, edit)
        return edit

    def _text(self, page: _Page, key: str, label: str, table: str, field: str) -> CommitTextEdit:
        edit = CommitTextEdit()
        edit.setAccessibleName(label)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        box, err = _field(edit)
        self.errors[f"{table}.{field}"] = err
        page.form.addRow(label, box)
        edit.editing_finished.connect(
            lambda: self._commit_text(table, field, edit.toPlainText()))
        setattr(self, key, edit)
        return edit

    def _combo(self, page: _Page, key: str, label: str, table: str, field: str,
               items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(label)
        for text, data in items:
            combo.addItem(text, data)
        box, err = _field(combo)
        self.errors[f"{table}.{field}"] = err
        page.form.addRow(label, box)
        combo.activated.connect(lambda _i: self._submit(table, field, combo.currentData()))
        setattr(self, key, combo)
        return combo

    def _build_touchpoint_page(self) -> None:
        page = self.tp_page = _Page()
        self.tp_title = self._line(page, "tp_title", self.tr("Title"), "touchpoint", "title")
        self._text(page, "tp_description", self.tr("Description"), "touchpoint", "description")
        self._combo(page, "tp_channel", self.tr("Channel"), "touchpoint", "channel",
                    [(name, value) for value, name in channel_names().items()])
        self._line(page, "tp_channel_detail", self.tr("Channel detail"), "touchpoint",
                   "channel_detail").setPlaceholderText(self.tr("e.g. portal, phone, visit"))
        emo = self._combo(page, "tp_emotion", self.tr("Emotion"), "touchpoint", "emotion",
                          [(name, value) for value, name in emotion_names().items()])
        for i in range(emo.count()):
            emo.setItemIcon(i, face_icon(emo.itemData(i)))
        scores = QLineEdit()
        scores.setAccessibleName(self.tr("Survey scores"))
        scores.setPlaceholderText(self.tr("e.g. 9, 6, 10"))
        scores.setToolTip(self.tr("Survey scores 0–10 collected at this touchpoint, "
                                  "separated by commas"))
        box, self.errors["touchpoint.scores"] = _field(scores)
        page.form.addRow(self.tr("Survey scores"), box)
        scores.editingFinished.connect(self._commit_scores)
        self.tp_scores = scores

        # metrics: name / value / unit
        self.metrics = QTableWidget(0, 3)
        self.metrics.setAccessibleName(self.tr("Metrics"))
        self.metrics.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Value"),
                                                self.tr("Unit")])
        self._table_style(self.metrics, stretch=0)
        self.metrics.setMinimumHeight(self.metrics.fontMetrics().lineSpacing() * 5)
        self.metrics.setMaximumHeight(self.metrics.fontMetrics().lineSpacing() * 8)
        self.metrics.cellChanged.connect(self._commit_metrics)
        page.form.addRow(self._table_box(self.tr("Metrics"), self.metrics, "touchpoint.metrics",
                                         self._add_metric, self._delete_metrics,
                                         self.tr("Add metric"), self.tr("Delete metric")))

        # pain points
        self.pains = QTableWidget(0, 5)
        self.pains.setAccessibleName(self.tr("Pain points"))
        self.pains.setHorizontalHeaderLabels([
            self.tr("Pain point"), self.tr("Sev."), self.tr("Freq."),
            self.tr("Dimension"), self.tr("Evidence")])
        self.pains.horizontalHeaderItem(1).setToolTip(self.tr("Severity 1–5"))
        self.pains.horizontalHeaderItem(2).setToolTip(self.tr("Frequency 1–5"))
        self._table_style(self.pains, stretch=0)
        self.pains.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.pains.setWordWrap(True)
        self.pains.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pains.setMinimumHeight(self.pains.fontMetrics().lineSpacing() * 10)
        self.pains.cellChanged.connect(self._commit_pain_cell)
        page.form.addRow(self._table_box(self.tr("Pain points"), self.pains, "pain_point",
                                         self._add_pain, self._delete_pains,
                                         self.tr("Add pain point"),
                                         self.tr("Delete pain point")))
        self.stack.addWidget(page)

    def _table_style(self, table: QTableWidget, stretch: int) -> None:
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(table.fontMetrics().lineSpacing() * 7)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def _table_box(self, title: str, table: QTableWidget, error_key: str,
                   add: Callable[[], None], delete: Callable[[], None], add_text: str,
                   delete_text: str) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(2)
        top = QHBoxLayout()
        label = QLabel(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        top.addWidget(label)
        top.addStretch(1)
        for text, slot, sign in ((add_text, add, "+"), (delete_text, delete, "−")):
            b = QToolButton()
            b.setText(sign)
            b.setToolTip(text)
            b.setAccessibleName(text)
            b.clicked.connect(slot)
            top.addWidget(b)
        lay.addLayout(top)
        lay.addWidget(table)
        err = ErrorLabel()
        self.errors[error_key] = err
        lay.addWidget(err)
        return box

    def _build_role_page(self) -> None:
        page = self.role_page = _Page()
        self._line(page, "role_name", self.tr("Name"), "role", "name")
        self.role_color = QPushButton()
        self.role_color.setAccessibleName(self.tr("Colour"))
        self.role_color.clicked.connect(self._choose_color)
        box, self.errors["role.color"] = _field(self.role_color)
        page.form.addRow(self.tr("Colour"), box)
        self._combo(page, "role_influence", self.tr("Default influence"), "role",
                    "default_influence", [(str(i), i) for i in range(6)])
        self.role_influence.setToolTip(self.tr(
            "Weight 0–5 of this role where the journey's influence matrix sets none"))
        self._text(page, "role_description", self.tr("Description"), "role", "description")
        self.stack.addWidget(page)

    def _build_stage_page(self) -> None:
        page = self.stage_page = _Page()
        self._line(page, "stage_name", self.tr("Name"), "stage", "name")
        self._combo(page, "stage_phase", self.tr("Phase"), "stage", "phase", [])
        self.stack.addWidget(page)

    def _build_action_page(self) -> None:
        page = self.action_page = _Page()
        self._line(page, "action_title", self.tr("Title"), "action", "title")
        self._combo(page, "action_effort", self.tr("Effort"), "action", "effort",
                    [(str(i), i) for i in range(1, 6)])
        self._line(page, "action_owner", self.tr("Owner"), "action", "owner")
        self._combo(page, "action_status", self.tr("Status"), "action", "status",
                    [(name, value) for value, name in status_names().items()])
        due = self._line(page, "action_due", self.tr("Due"), "action", "due")
        due.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.stack.addWidget(page)

    def _build_journey_page(self) -> None:
        page = self.journey_page = _Page()
        self._line(page, "journey_name", self.tr("Name"), "journey", "name")
        self._line(page, "journey_segment", self.tr("Segment"), "journey", "segment")
        self._text(page, "journey_description", self.tr("Description"), "journey",
                   "description")
        self.stack.addWidget(page)

    def _build_project_page(self) -> None:
        page = self.project_page = _Page()
        self._line(page, "project_title", self.tr("Title"), "project", "title")
        self._line(page, "project_client", self.tr("Client"), "project", "client")
        # The language of the project's content: exports, PDF labels and charts use it.
        self._combo(page, "project_language", self.tr("Content language"), "project",
                    "language", [("English", "en"), ("日本語", "ja")])
        self.stack.addWidget(page)

    # -- public ---------------------------------------------------------------------------------
    def set_store(self, store: Store | None, read_only: bool = False) -> None:
        self.store = store
        self.setEnabled(store is not None and not read_only)
        self.clear()

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(self.store is not None and not read_only)

    def clear(self) -> None:
        self.kind = self.current = None
        self._clear_errors()
        self.empty.setText(self.tr("Select a card, role, stage or action to edit it here."))
        self.stack.setCurrentWidget(self.empty)

    def show_touchpoints(self, ids: list[str]) -> None:
        """The canvas selection: one card is edited; several are counted."""
        if len(ids) == 1:
            self.show_object("touchpoint", ids[0])
        elif ids:
            self.clear()
            self.empty.setText(self.tr("%n cards selected", None, len(ids)))
        elif self.kind == "touchpoint":
            self.clear()

    def show_object(self, kind: str, id: str) -> None:
        if self.store is None or self.store.get(kind, id) is None:
            self.clear()
            return
        if (kind, id) != (self.kind, self.current):
            self._clear_errors()
        self.kind, self.current = kind, id
        self.stack.setCurrentWidget({"touchpoint": self.tp_page, "role": self.role_page,
                                     "stage": self.stage_page, "action": self.action_page,
                                     "journey": self.journey_page,
                                     "project": self.project_page}[kind])
        self.refresh()

    def focus_title(self) -> None:
        editor = {"touchpoint": self.tp_title, "action": self.action_title,
                  "role": self.role_name, "stage": self.stage_name,
                  "journey": self.journey_name,
                  "project": self.project_title}.get(self.kind or "")
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            editor.selectAll()

    def refresh(self) -> None:
        """Re-read the shown object from the store (after any change, undo included)."""
        if self.store is None or self.kind is None or self.current is None:
            return
        row = self.store.get(self.kind, self.current)
        if row is None:
            self.clear()
            return
        if isinstance(row, Touchpoint):
            self._fill_touchpoint(row)
        elif isinstance(row, Role):
            self.role_page.heading.setText(self.tr("Role"))
            _set_text(self.role_name, row.name)
            self.role_color.setText(row.color)
            self.role_color.setIcon(color_icon(row.color))
            _select_data(self.role_influence, row.default_influence)
            _set_text(self.role_description, row.description)
        elif isinstance(row, Stage):
            self.stage_page.heading.setText(self.tr("Stage"))
            _set_text(self.stage_name, row.name)
            self.stage_phase.blockSignals(True)
            self.stage_phase.clear()
            self.stage_phase.addItem(self.tr("(no phase)"), None)
            for ph in self.store.phases(row.journey):
                self.stage_phase.addItem(ph.name, ph.id)
            self.stage_phase.blockSignals(False)
            _select_data(self.stage_phase, row.phase)
        elif isinstance(row, Journey):
            self.journey_page.heading.setText(self.tr("Journey"))
            _set_text(self.journey_name, row.name)
            _set_text(self.journey_segment, row.segment)
            _set_text(self.journey_description, row.description)
        elif isinstance(row, ProjectInfo):
            self.project_page.heading.setText(self.tr("Project"))
            _set_text(self.project_title, row.title)
            _set_text(self.project_client, row.client)
            _select_data(self.project_language, row.language)
        elif isinstance(row, Action):
            self.action_page.heading.setText(self.tr("Action"))
            _set_text(self.action_title, row.title)
            _select_data(self.action_effort, row.effort)
            _set_text(self.action_owner, row.owner)
            _select_data(self.action_status, row.status)
            _set_text(self.action_due, row.due or "")

    def _fill_touchpoint(self, tp: Touchpoint) -> None:
        store = self.store
        assert store is not None
        role = store.get("role", tp.role)
        stage = store.get("stage", tp.stage)
        self.tp_page.heading.setText(self.tr("Touchpoint — %1 · %2").replace(
            "%1", getattr(role, "name", "")).replace("%2", getattr(stage, "name", "")))
        _set_text(self.tp_title, tp.title)
        _set_text(self.tp_description, tp.description)
        _select_data(self.tp_channel, tp.channel)
        _set_text(self.tp_channel_detail, tp.channel_detail)
        _select_data(self.tp_emotion, tp.emotion)
        _set_text(self.tp_scores, ", ".join(str(s) for s in tp.scores))
        self._fill_metrics(tp)
        self._fill_pains(tp)

    def _fill_metrics(self, tp: Touchpoint) -> None:
        t = self.metrics
        t.blockSignals(True)
        t.setRowCount(len(tp.metrics))
        for r, m in enumerate(tp.metrics):
            value = f"{m.value:g}"
            for c, text in enumerate((m.name, value, m.unit)):
                _put(t, r, c, text)
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
                item = _put(t, r, c, text)
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

    # -- committing -----------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for err in self.errors.values():
            err.clear_error()

    def _error(self, key: str, text: str) -> None:
        err = self.errors.get(key)
        if err is not None:
            err.show_error(text)

    def _emit(self, key: str, make: Callable[[], Edit]) -> bool:
        """Build an edit; refused → red message under ``key``; else send it."""
        try:
            edit = make()
        except Refused as e:
            self._error(key, error_text(e))
            return False
        self._error(key, "")
        if not edit.empty:
            self.edit_requested.emit(edit)
        return True

    def _submit(self, table: str, field: str, value: Any, id: str | None = None) -> bool:
        store = self.store
        id = id or self.current
        if store is None or id is None:
            return False
        row = store.get(table, id)
        if row is None or getattr(row, field) == value:
            self._error(f"{table}.{field}", "")
            return True
        return self._emit(f"{table}.{field}",
                          lambda: edits.set_fields(store, table, id, **{field: value}))

    def _commit_text(self, table: str, field: str, text: str) -> None:
        if self.kind != table:
            return
        value: str | None = text
        if field == "due":
            value = text.strip() or None
        self._submit(table, field, value)

    def _commit_scores(self) -> None:
        text = self.tp_scores.text()
        scores = parse_scores(text)
        if scores is None:
            self._error("touchpoint.scores", self.tr(
                "Survey scores must be whole numbers from 0 to 10, separated by commas"))
            return
        self._submit("touchpoint", "scores", scores)

    def _choose_color(self) -> None:
        if self.store is None or self.kind != "role" or self.current is None:
            return
        role = self.store.role(self.current)
        color = QColorDialog.getColor(QColor(role.color), self, self.tr("Role colour"))
        if color.isValid():
            self._submit("role", "color", color.name())

    # metrics
    def _commit_metrics(self, row: int = -1, col: int = -1) -> None:
        if self.store is None or self.kind != "touchpoint" or self.current is None:
            return
        metrics = []
        t = self.metrics
        for r in range(t.rowCount()):
            cells = [t.item(r, c).text() if t.item(r, c) else "" for c in range(3)]
            try:
                value = float(cells[1].replace(",", "").strip() or "0")
            except ValueError:
                self._error("touchpoint.metrics", invalid_number(f"metrics[{r}].value",
                                                                 cells[1]))
                self._fill_metrics(self.store.touchpoint(self.current))
                return
            metrics.append(Metric(cells[0].strip(), value, cells[2].strip()))
        if not self._submit("touchpoint", "metrics", tuple(metrics)):
            self._fill_metrics(self.store.touchpoint(self.current))

    def _add_metric(self) -> None:
        if self.store is None or self.kind != "touchpoint" or self.current is None:
            return
        tp = self.store.touchpoint(self.current)
        new = (*tp.metrics, Metric(self.tr("Metric"), 0.0, ""))
        if self._submit("touchpoint", "metrics", new):
            self.metrics.setCurrentCell(len(new) - 1, 0)
            self.metrics.editItem(self.metrics.item(len(new) - 1, 0))

    def _delete_metrics(self) -> None:
        if self.store is None or self.kind != "touchpoint" or self.current is None:
            return
        rows = {i.row() for i in self.metrics.selectedIndexes()}
        if not rows and self.metrics.currentRow() >= 0:
            rows = {self.metrics.currentRow()}
        tp = self.store.touchpoint(self.current)
        kept = tuple(m for i, m in enumerate(tp.metrics) if i not in rows)
        self._submit("touchpoint", "metrics", kept)

    # pain points
    _PAIN_FIELDS = {0: "title", 1: "severity", 2: "frequency", 4: "evidence"}

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
                self._error("pain_point", invalid_number(field, text, 1, 5))
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
        return self._emit("pain_point",
                          lambda: edits.set_fields(store, "pain_point", pid, **{field: value}))

    def _commit_pain_dimension(self, combo: QComboBox) -> None:
        pid = combo.property("pain")
        if pid:
            self._submit_pain(pid, "dimension", combo.currentData())

    def _add_pain(self) -> None:
        store = self.store
        if store is None or self.kind != "touchpoint" or self.current is None:
            return
        tid = self.current
        if self._emit("pain_point", lambda: edits.add_pain_point(
                store, tid, self.tr("New pain point"))):
            row = self.pains.rowCount() - 1
            if row >= 0:
                self.pains.setCurrentCell(row, 0)
                self.pains.setFocus()
                self.pains.editItem(self.pains.item(row, 0))

    def _delete_pains(self) -> None:
        store = self.store
        if store is None:
            return
        rows = {i.row() for i in self.pains.selectedIndexes()} or (
            {self.pains.currentRow()} if self.pains.currentRow() >= 0 else set())
        ids = [self.pains.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in sorted(rows)
               if self.pains.item(r, 0) is not None]
        if ids:
            self._emit("pain_point", lambda: edits.delete(store, "pain_point", ids))

    def pain_ids(self) -> list[str]:
        """Ids of the pain points in the table, top to bottom (tests, tools)."""
        return [self.pains.item(r, 0).data(Qt.ItemDataRole.UserRole)
                for r in range(self.pains.rowCount())]


__all__ = ["Inspector", "parse_scores"]
