"""Journey ▸ Import Survey Scores…: survey answers (0–10) from a CSV onto touchpoints.

The user picks a file; :func:`journeymap.analysis.survey.read_survey` decodes it
(UTF-8 with or without BOM, or cp932 as Excel writes it in Japan). Two combos, filled
from the header, say which column names the touchpoint and which holds the score; a
preview shows the first rows and a summary what would happen (touchpoints matched with
their number of scores, rows skipped with reasons and counts, names that match no
touchpoint). Import makes ONE edit (:func:`~journeymap.analysis.survey.survey_edit`)
and hands it to ``push_edit``, so one undo removes every imported score and the
pairings it remembered in the project (pre-filled at the next import). A file that
cannot be used gives one message and nothing is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.analysis.survey import (
    SurveyError,
    SurveyImport,
    SurveyTable,
    match_scores,
    normalise,
    read_survey,
    remembered_pairs,
    suggest_touchpoints,
    survey_edit,
)
from journeymap.model.edits import Edit
from journeymap.model.store import Store
from journeymap.ui.widgets import ErrorLabel

PREVIEW_ROWS = 10
TOUCHPOINT_HINTS = ("touchpoint", "タッチポイント", "接点", "title", "name", "名前", "id")
SCORE_HINTS = ("score", "nps", "スコア", "点数", "評価", "推奨")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SurveyDialog", text)


def reason_text(reason: str) -> str:
    """A skip reason of ``analysis.survey`` in the UI language."""
    return {
        "blank": _tr("blank score"),
        "blank touchpoint": _tr("blank touchpoint"),
        "non-numeric": _tr("not a number"),
        "not a whole number": _tr("not a whole number"),
        "out of range": _tr("outside 0–10"),
        "unmatched touchpoint": _tr("no such touchpoint"),
        "ambiguous touchpoint": _tr("several touchpoints have this title"),
    }.get(reason, reason)


def error_message(e: SurveyError) -> str:
    return _tr("The survey cannot be imported: %1").replace("%1", str(e))


def _usable(values: list[str]) -> int:
    n = 0
    for v in values:
        try:
            x = float(normalise(v))
        except ValueError:
            continue
        if x == int(x) and 0 <= x <= 10:
            n += 1
    return n


def guess_columns(table: SurveyTable) -> tuple[int, int]:
    """(touchpoint column, score column): by header words, else the first mostly text
    column and the column with the most usable scores."""
    cols = [c.casefold() for c in table.columns]
    sample = table.rows[:200]
    usable = [_usable([r[i] for r in sample]) for i in range(len(cols))]
    score = next((i for i, c in enumerate(cols) if any(h in c for h in SCORE_HINTS)), -1)
    if score < 0:
        score = max(range(len(cols)), key=lambda i: usable[i]) if cols else 0
    tp = next((i for i, c in enumerate(cols)
               if i != score and any(h in c for h in TOUCHPOINT_HINTS)), -1)
    if tp < 0:
        tp = next((i for i in range(len(cols)) if i != score and usable[i] < len(sample) / 2),
                  0 if score != 0 else min(1, len(cols) - 1))
    return tp, score


class SurveyDialog(QDialog):
    """Import survey scores into a journey. ``push_edit`` applies the one edit."""

    def __init__(self, store: Store, journey: str | None, push_edit: Callable[[Edit], bool],
                 parent: QWidget | None = None, path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyDialog")
        self.setWindowTitle(self.tr("Import Survey Scores"))
        self.store = store
        self.push_edit = push_edit
        self.table: SurveyTable | None = None
        self.result_: SurveyImport | None = None
        self.path: Path | None = None
        self.imported = False
        #: survey label (normalised) → touchpoint id, as confirmed in the pairing table;
        #: starts with the pairings remembered in the project for the chosen journey
        self.mapping: dict[str, str] = {}
        self._pair_labels: list[str] = []

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setAccessibleName(self.tr("Survey file"))
        self.browse = QPushButton(self.tr("&Choose File…"))
        self.browse.setAccessibleName(self.tr("Choose the survey CSV file"))
        self.browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)

        self.journey = QComboBox()
        self.journey.setAccessibleName(self.tr("Journey"))
        for j in store.journeys():
            self.journey.addItem(j.name, j.id)
        i = self.journey.findData(journey)
        self.journey.setCurrentIndex(max(i, 0))
        self._journey_changed()
        self.journey.currentIndexChanged.connect(lambda _i: self._journey_changed())
        self.tp_column = QComboBox()
        self.tp_column.setAccessibleName(self.tr("Column naming the touchpoint"))
        self.score_column = QComboBox()
        self.score_column.setAccessibleName(self.tr("Column holding the score 0–10"))
        for combo in (self.journey, self.tp_column, self.score_column):
            combo.currentIndexChanged.connect(lambda _i: self.update_summary())

        self.append = QRadioButton(self.tr("&Add to the scores already there"))
        self.append.setAccessibleName(self.tr("Append to existing scores"))
        self.replace = QRadioButton(self.tr("&Replace the scores of matched touchpoints"))
        self.replace.setAccessibleName(self.tr("Replace existing scores"))
        self.append.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.append)
        self.mode_group.addButton(self.replace)
        modes = QVBoxLayout()
        modes.addWidget(self.append)
        modes.addWidget(self.replace)

        form = QFormLayout()
        form.addRow(self.tr("&File:"), file_row)
        form.addRow(self.tr("&Journey:"), self.journey)
        form.addRow(self.tr("&Touchpoint column:"), self.tp_column)
        form.addRow(self.tr("&Score column:"), self.score_column)
        form.addRow(self.tr("Existing scores:"), modes)

        self.preview = QTableWidget(0, 0)
        self.preview.setAccessibleName(self.tr("Preview of the first rows"))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setMinimumHeight(140)
        self.summary = QLabel()
        self.summary.setObjectName("surveySummary")
        self.summary.setAccessibleName(self.tr("What the import will do"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel()

        # Labels that differ from the card titles: pair each with a touchpoint.
        self.pairs_label = QLabel(self.tr(
            "Survey labels that name no touchpoint: pair each with a touchpoint "
            "(suggestions first), or leave it unmatched."))
        self.pairs_label.setWordWrap(True)
        self.pairs = QTableWidget(0, 2)
        self.pairs.setObjectName("surveyPairs")
        self.pairs.setAccessibleName(self.tr("Pair survey labels with touchpoints"))
        self.pairs.setHorizontalHeaderLabels([self.tr("Survey label"), self.tr("Touchpoint")])
        self.pairs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.pairs.verticalHeader().hide()
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.setMinimumHeight(110)
        self.suggest_button = QPushButton(self.tr("Use the &suggestions"))
        self.suggest_button.setAccessibleName(
            self.tr("Pair every unpaired label with its most similar touchpoint"))
        self.suggest_button.clicked.connect(self.use_suggestions)
        self.pairs_box = QWidget()
        pairs_lay = QVBoxLayout(self.pairs_box)
        pairs_lay.setContentsMargins(0, 0, 0, 0)
        pairs_lay.addWidget(self.pairs_label)
        pairs_lay.addWidget(self.pairs)
        pairs_lay.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pairs_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import the scores"))
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Preview (first rows):")))
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.pairs_box, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(720, 560)
        self._set_table(None)
        if path is not None:
            self.load(path)

    def _journey_changed(self) -> None:
        """Pre-fill the pairings the project remembers for the chosen journey (pairings
        made here for another journey stay, and are dropped with a notice)."""
        journey = self.journey.currentData()
        if journey is not None:
            self.mapping.update(remembered_pairs(self.store, journey))

    # -- steps -------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose survey file"), start,
            self.tr("CSV files (*.csv *.txt *.tsv);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str | Path) -> bool:
        """Read a CSV; on failure one message box and the dialog stays empty."""
        try:
            table = read_survey(path)
            if not any(_usable([r[i] for r in table.rows]) for i in range(len(table.columns))):
                raise SurveyError("no column holds a usable score (whole numbers 0–10)")
        except SurveyError as e:
            self._set_table(None)
            self.file.clear()
            QMessageBox.critical(self, self.tr("Import Survey Scores"), error_message(e))
            return False
        self.path = Path(path)
        self.file.setText(str(path))
        self._set_table(table)
        return True

    def _set_table(self, table: SurveyTable | None) -> None:
        self.table = table
        for combo in (self.tp_column, self.score_column):
            combo.blockSignals(True)
            combo.clear()
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        if table is not None:
            for i, name in enumerate(table.columns):
                label = name or self.tr("(column %1)").replace("%1", str(i + 1))
                self.tp_column.addItem(label, i)
                self.score_column.addItem(label, i)
            tp, score = guess_columns(table)
            self.tp_column.setCurrentIndex(tp)
            self.score_column.setCurrentIndex(score)
            rows = table.rows[:PREVIEW_ROWS]
            self.preview.setColumnCount(len(table.columns))
            self.preview.setRowCount(len(rows))
            self.preview.setHorizontalHeaderLabels(table.columns)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    self.preview.setItem(r, c, QTableWidgetItem(value))
        for combo in (self.tp_column, self.score_column):
            combo.blockSignals(False)
            combo.setEnabled(table is not None)
        self.update_summary()

    def update_summary(self) -> None:
        """Match the rows with the chosen columns and say what Import would do."""
        self.result_ = None
        self.error.clear_error()
        table, journey = self.table, self.journey.currentData()
        if table is None:
            self.summary.setText(self.tr("Choose a CSV file with one row per answer: a "
                                         "touchpoint (id or title) and a score 0–10."))
            self.import_button.setEnabled(False)
            return
        try:
            res = match_scores(self.store, journey, table, self.tp_column.currentData(),
                               self.score_column.currentData(), self.mapping)
        except SurveyError as e:
            self.summary.setText("")
            self.error.show_error(error_message(e))
            self.import_button.setEnabled(False)
            self._fill_pairs([])
            return
        self.result_ = res
        self._fill_pairs(list(dict.fromkeys([*res.mapped, *res.unmatched])))
        self.summary.setText(self.summary_html(res))
        self.import_button.setEnabled(bool(res.scores))

    # -- pairing labels with touchpoints -----------------------------------------------------------
    def _fill_pairs(self, labels: list[str]) -> None:
        """One row per label to pair (unmatched, or paired in this dialog): a combo box
        of the journey's touchpoints, the most similar first."""
        if labels == self._pair_labels:
            return
        self._pair_labels = labels
        self.pairs.setRowCount(0)
        self.pairs_box.setVisible(bool(labels))
        journey = self.journey.currentData()
        if not labels or journey is None:
            return
        tps = self.store.touchpoints(journey)
        self.pairs.setRowCount(len(labels))
        for r, label in enumerate(labels):
            item = QTableWidgetItem(label)
            item.setToolTip(label)
            self.pairs.setItem(r, 0, item)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Touchpoint for “%1”").replace("%1", label))
            combo.addItem(self.tr("(leave unmatched)"), None)
            suggested = [tp_id for tp_id, _ in suggest_touchpoints(self.store, journey, label)]
            for tp_id in suggested:
                combo.addItem(self.tr("%1 (suggested)").replace(
                    "%1", self.store.touchpoint(tp_id).title), tp_id)
            if suggested:
                combo.insertSeparator(combo.count())
            for tp in tps:
                if tp.id not in suggested:
                    combo.addItem(tp.title, tp.id)
            current = self.mapping.get(label)
            i = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(i, 0))
            combo.currentIndexChanged.connect(
                lambda _i, label=label, combo=combo: self.pair(label, combo.currentData()))
            self.pairs.setCellWidget(r, 1, combo)

    def pair(self, label: str, touchpoint: str | None) -> None:
        """Pair ``label`` with ``touchpoint`` (None: leave it unmatched) and recount."""
        if touchpoint is None:
            self.mapping.pop(label, None)
        else:
            self.mapping[label] = touchpoint
        self.update_summary()

    def use_suggestions(self) -> None:
        """Pair every unpaired label with its first suggestion (the person reviews the
        table before Import)."""
        for r in range(self.pairs.rowCount()):
            combo = self.pairs.cellWidget(r, 1)
            if isinstance(combo, QComboBox) and combo.currentData() is None \
                    and combo.count() > 1 and combo.itemData(1) is not None:
                combo.setCurrentIndex(1)

    def summary_html(self, res: SurveyImport) -> str:
        tps = self.store.tables["touchpoint"]
        parts = [self.tr("<b>%1 of %2 rows</b> give scores to <b>%3 touchpoints</b>.")
                 .replace("%1", str(res.matched_rows)).replace("%2", str(res.rows))
                 .replace("%3", str(len(res.scores)))]
        matched = [f"{escape(getattr(tps.get(t), 'title', t))} ({len(s)})"
                   for t, s in res.scores.items()]
        if matched:
            shown = ", ".join(matched[:12]) + (" …" if len(matched) > 12 else "")
            parts.append(self.tr("Matched (number of scores): %1").replace("%1", shown))
        if res.skipped:
            reasons = ", ".join(f"{escape(reason_text(r))} {n}"
                                for r, n in sorted(res.skipped.items(), key=lambda x: -x[1]))
            parts.append(self.tr("Skipped %1 rows: %2").replace(
                "%1", str(res.skipped_count)).replace("%2", reasons))
        if res.unmatched:
            names = ", ".join(f"“{escape(n)}” ({c})" for n, c in list(res.unmatched.items())[:12])
            if len(res.unmatched) > 12:
                names += " …"
            parts.append(self.tr("No touchpoint of this journey is called: %1")
                         .replace("%1", names))
        if res.mapped:
            parts.append(self.tr("Paired by you: %1 label(s)").replace("%1", str(len(res.mapped))))
        if res.dropped_mappings:
            names = ", ".join(f"“{escape(n)}”" for n in res.dropped_mappings)
            parts.append(self.tr("Pairings dropped because their touchpoint is gone: %1")
                         .replace("%1", names))
        if not res.scores:
            parts.append(self.tr("Nothing to import: no row names a touchpoint of this "
                                 "journey."))
        return "<br>".join(parts)

    def mode(self) -> str:
        return "replace" if self.replace.isChecked() else "append"

    def do_import(self) -> None:
        """Import as one undoable edit, then close."""
        res = self.result_
        if res is None or not res.scores:
            return
        # The pairings used are remembered in the project with the scores (one undo
        # step); remembered ones the person set to "leave unmatched" are forgotten.
        forget = [label for label in remembered_pairs(self.store, res.journey)
                  if label not in self.mapping]
        edit = survey_edit(self.store, res, self.mode(), forget=forget)
        if edit.empty:
            QMessageBox.information(self, self.tr("Import Survey Scores"),
                                    self.tr("These scores are already there: nothing changed."))
            return
        if self.push_edit(edit):
            self.imported = True
            self.accept()


__all__ = ["SurveyDialog", "guess_columns", "reason_text"]
