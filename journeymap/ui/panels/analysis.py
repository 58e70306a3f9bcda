"""Installs the analysis features into a :class:`~journeymap.ui.main_window.MainWindow`.

:func:`install_analysis_ui` adds the bottom-panel tabs "Priorities"
(:class:`~journeymap.ui.panels.ranking.RankingPanel`) and "Analyses"
(:class:`~journeymap.ui.panels.charts.ChartsPanel`), File ▸ Export ▸ Action list
(CSV / Excel / Markdown), Journey ▸ Import Survey Scores…, and connects them to the
window's signals (document, journey, model changes, canvas selection). Everything goes
through the window's public plug-in points; nothing here imports matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymap.model.document import DocumentError
from journeymap.model.store import Change, Store
from journeymap.ui.panels.charts import ChartsPanel
from journeymap.ui.panels.ranking import RankingPanel

# format → (writer name in export.actionlist, suffix)
EXPORTS = {"csv": ("write_csv", ".csv"), "xlsx": ("write_xlsx", ".xlsx"),
           "md": ("write_markdown", ".md")}


class AnalysisUI(QObject):
    """The analysis panels and actions of one window (kept as ``window.analysis_ui``)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.ranking = RankingPanel()
        self.charts = ChartsPanel()
        self.ranking_tab = window.add_bottom_tab(self.ranking, self.tr("Priorities"))
        self.charts_tab = window.add_bottom_tab(self.charts, self.tr("Analyses"))
        self.ranking.highlight_requested.connect(self._highlight)
        self.ranking.weights_button.clicked.connect(lambda _=False: self.edit_weights())
        self.ranking.weights_button.setVisible(True)

        self.export_actions: dict[str, QAction] = {}
        for fmt, text in (("csv", self.tr("Action List (CSV)…")),
                          ("xlsx", self.tr("Action List (Excel)…")),
                          ("md", self.tr("Action List (Markdown)…"))):
            act = QAction(text, window)
            act.setStatusTip(self.tr("The prioritised list with its breakdowns"))
            act.triggered.connect(lambda _=False, f=fmt: self.export_action_list(f))
            window.add_export_action(act)
            self.export_actions[fmt] = act

        self.act_survey = QAction(self.tr("Import Survey &Scores…"), window)
        self.act_survey.setStatusTip(self.tr("Scores 0–10 per touchpoint from a CSV file"))
        self.act_survey.triggered.connect(lambda _=False: self.import_survey())
        window.add_menu_actions([self.act_survey], window.act_matrix, writes=True)

        window.document_changed.connect(self._document_changed)
        window.journey_changed.connect(self._journey_changed)
        window.events.changed.connect(self._model_changed)
        if window.doc is not None:
            self._document_changed(window.doc)

    # -- wiring ------------------------------------------------------------------------------
    def _document_changed(self, doc: Any) -> None:
        store = doc.store if doc is not None else None
        w = self.window
        self.ranking.set_store(store, w.journey_id)
        self.charts.set_store(store, w.journey_id)
        self.ranking.weights_button.setEnabled(doc is not None)
        if w.scene is not None:
            w.scene.selection_ids_changed.connect(self.ranking.select_for_touchpoints)

    def _journey_changed(self, journey: str) -> None:
        self.ranking.set_journey(journey or None)
        self.charts.set_journey(journey or None)

    def _model_changed(self, changes: list[Change]) -> None:
        self.ranking.schedule()
        self.charts.model_changed({c.table for c in changes})

    def _highlight(self, ids: list[str], show: bool) -> None:
        w = self.window
        scene = w.scene
        if scene is None:
            return
        scene.highlight(ids)
        if not show:
            return
        rect = QRectF()
        for tid in ids:
            r = scene.card_rect(tid)
            if not r.isEmpty():
                rect = r if rect.isEmpty() else rect.united(r)
        if rect.isEmpty():
            return
        view = w.view
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        if visible.contains(rect):
            return
        s = view.transform().m11()
        vp = view.viewport().rect()
        if rect.width() * s + 80 <= vp.width() and rect.height() * s + 80 <= vp.height():
            view.ensureVisible(rect, 40, 40)
        else:
            view.zoom_to(rect, scene.card_rect(ids[0]))

    # -- commands ------------------------------------------------------------------------------
    def _store(self) -> Store | None:
        return self.window.store

    def ask_scope(self) -> str | None:
        """"journey" or "project" (None: cancelled). One journey: the whole project."""
        store, journey = self._store(), self.window.journey_id
        if store is None:
            return None
        if journey is None or len(store.journeys()) < 2:
            return "project"
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Export Action List"))
        box.setText(self.tr("Export the list of which journey?"))
        this = box.addButton(self.tr("This journey (%1)").replace(
            "%1", store.journey(journey).name), QMessageBox.ButtonRole.AcceptRole)
        whole = box.addButton(self.tr("Whole project"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(whole if self.ranking.project_scope else this)
        box.exec()
        clicked = box.clickedButton()
        if clicked is this:
            return "journey"
        if clicked is whole:
            return "project"
        return None

    def export_action_list(self, fmt: str, path: str | None = None,
                           scope: str | None = None) -> bool:
        """File ▸ Export ▸ Action list: ask the scope and the file, write it atomically;
        an error is one message box. Returns whether a file was written."""
        from journeymap.export import actionlist

        w = self.window
        store = self._store()
        if store is None:
            return False
        scope = scope or self.ask_scope()
        if scope is None:
            return False
        writer_name, suffix = EXPORTS[fmt]
        if path is None:
            filters = {"csv": self.tr("CSV (*.csv)"), "xlsx": self.tr("Excel (*.xlsx)"),
                       "md": self.tr("Markdown (*.md)")}
            suggested = str(Path(w._start_dir()) / (w._safe_name() + "-actions" + suffix))
            path, _ = QFileDialog.getSaveFileName(w, self.tr("Export Action List"), suggested,
                                                  filters[fmt], "", w.file_dialog_options)
            if not path:
                return False
            if not Path(path).suffix:
                path += suffix
        journey = w.journey_id if scope == "journey" else None
        writer: Callable[..., Any] = getattr(actionlist, writer_name)
        try:
            writer(store, path, journey=journey)
        except (DocumentError, OSError, ImportError) as e:
            w.show_error(self.tr("The action list could not be exported: %1")
                         .replace("%1", str(e)))
            return False
        w.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(path)), 5000)
        return True

    def import_survey(self, path: str | None = None) -> bool:
        """Journey ▸ Import Survey Scores…: the dialog; True when scores were imported."""
        from journeymap.ui.dialogs.survey import SurveyDialog

        w = self.window
        store = self._store()
        if store is None or w.doc is None or w.doc.read_only:
            return False
        dialog = SurveyDialog(store, w.journey_id, w.push_edit, w, path=path)
        dialog.exec()
        return dialog.imported

    def edit_weights(self) -> bool:
        """"Weights…": the project settings dialog (vote weight, dimension weights), whose
        one undoable edit comes back through the change signal and re-ranks the list."""
        from journeymap.ui.dialogs.settings import show_settings

        return show_settings(self.window)

    def show_priorities(self) -> None:
        self.window.bottom_dock.show()
        self.window.bottom_tabs.setCurrentIndex(self.ranking_tab)

    def show_analyses(self) -> None:
        self.window.bottom_dock.show()
        self.window.bottom_tabs.setCurrentIndex(self.charts_tab)


def install_analysis_ui(window: Any) -> AnalysisUI:
    """Add the Priorities and Analyses tabs, the action-list exports and the survey
    import to ``window``; returns the installed :class:`AnalysisUI`."""
    ui = AnalysisUI(window)
    window.analysis_ui = ui
    return ui


__all__ = ["AnalysisUI", "install_analysis_ui"]
