"""The journey map editor window.

One window holds at most one :class:`~journeymap.model.document.Document` and its
:class:`QUndoStack`. Every change goes the same way: a widget builds an ``Edit`` and
asks :meth:`MainWindow.push_edit`; the undo stack runs the command, which applies the
edit to the document; the document calls :meth:`MainWindow._on_changes`, which updates
the canvas and the panels. Undo and redo take the same path back.

Other panels plug in through:

* :meth:`MainWindow.add_bottom_tab` (ranked list, charts) and
  :meth:`MainWindow.add_export_action` (File ▸ Export);
* the signals :attr:`document_changed` (Document or None), :attr:`model_changed`
  (list of ``Change``) and :attr:`journey_changed` (journey id), with
  :attr:`MainWindow.store` / :attr:`MainWindow.journey_id` to read;
* :meth:`MainWindow.push_edit` to change the model (undoable).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.document import Document, DocumentError, atomic_path
from journeymap.model.edits import Edit, EditError
from journeymap.model.store import Change, Store
from journeymap.model.templates import DEMO_TEMPLATE, list_templates, load_template, template_title
from journeymap.model.validation import ValidationError
from journeymap.ui import commands
from journeymap.ui.action_panel import ActionPanel
from journeymap.ui.analysis_ui import install_analysis_ui
from journeymap.ui.canvas.scene import JourneyScene
from journeymap.ui.canvas.view import JourneyView
from journeymap.ui.export_dialog import install_export_actions
from journeymap.ui.filter_bar import FilterBar
from journeymap.ui.influence_matrix import InfluenceMatrix
from journeymap.ui.inspector import Inspector
from journeymap.ui.progress import run_with_progress
from journeymap.ui.project_tree import ProjectTree
from journeymap.ui.quick_add import QuickAddBar
from journeymap.ui.settings_dialog import install_settings
from journeymap.ui.start_screen import StartScreen, system_language
from journeymap.ui.texts import error_text
from journeymap.ui.workshop import install_workshop

MIME_TOUCHPOINTS = "application/x-journeymap-touchpoints"
RECENT_KEY = "recentFiles"
RECENT_MAX = 10
FILE_FILTER = "journeymap projects (*.jmap)"
_STRUCTURE = {"journey", "phase", "stage", "lane", "role"}


def recent_files() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def remember_recent(path: str | Path) -> None:
    p = str(Path(path).resolve())
    files = [f for f in recent_files() if f != p]
    QSettings().setValue(RECENT_KEY, [p, *files][:RECENT_MAX])


def forget_recent(path: str | Path) -> None:
    QSettings().setValue(RECENT_KEY, [f for f in recent_files() if f != str(path)])


class MainWindow(QMainWindow):
    document_changed = Signal(object)  # Document | None
    model_changed = Signal(list)       # list[Change], after the window updated itself
    journey_changed = Signal(str)      # the journey shown ("" when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.doc: Document | None = None
        self.journey_id: str | None = None
        self.scene: JourneyScene | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self._base_dirty = False          # recovered documents start modified
        self._dock_state: QByteArray | None = None
        self.file_dialog_options = QFileDialog.Option(0)
        self.matrix: InfluenceMatrix | None = None
        self._build_central()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        install_workshop(self)   # View ▸ Workshop Mode, Dot Voting (journeymap.ui.workshop)
        install_settings(self)   # Edit ▸ Settings… (journeymap.ui.settings_dialog)
        install_analysis_ui(self)  # Priorities, Analyses, survey import, action-list exports
        install_export_actions(self)  # File ▸ Export ▸ map/report PDF, PNG, SVG
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._restore_settings()
        self._show_start()
        self._update_state()

    # ======================================================================================
    # building
    # ======================================================================================
    def _build_central(self) -> None:
        self.start_screen = StartScreen()
        self.start_screen.new_requested.connect(self.new_from_template)
        self.start_screen.open_requested.connect(self.open_dialog)
        self.start_screen.open_path_requested.connect(self.open_path)
        self.start_screen.demo_requested.connect(self.open_demo)

        editor = QWidget()
        lay = QVBoxLayout(editor)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.banner = QFrame()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet("#readOnlyBanner { background: #f8e45c; }"
                                  "#readOnlyBanner QLabel { color: #241f31; }")
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(10, 6, 10, 6)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        bl.addWidget(self.banner_label, 1)
        self.banner_button = QPushButton(self.tr("Save As… to edit a copy"))
        self.banner_button.setAccessibleName(self.tr("Save As… to edit a copy"))
        self.banner_button.clicked.connect(self.save_as)
        bl.addWidget(self.banner_button)
        self.banner.hide()
        lay.addWidget(self.banner)

        self.filter_bar = FilterBar()
        self.filter_bar.hide()
        self.filter_bar.match_activated.connect(self._go_to_card)
        self.filter_bar.closed.connect(lambda: self.act_filter.setChecked(False))
        lay.addWidget(self.filter_bar)

        self.quick_add = QuickAddBar()
        self.quick_add.edit_requested.connect(self.push_edit)
        self.quick_add.added.connect(self._card_added)
        self.quick_add.escaped.connect(lambda: self.view.setFocus())
        lay.addWidget(self.quick_add)

        self.view = JourneyView()
        self.view.setAccessibleName(self.tr("Journey map"))
        self.view.viewport().installEventFilter(self)
        self.view.viewport().setAcceptDrops(True)
        lay.addWidget(self.view, 1)
        self.zoom_label = QLabel()
        self.view.scale_changed.connect(
            lambda s: self.zoom_label.setText(self.tr("Zoom %1 %").replace("%1", str(round(s * 100)))))

        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_screen)
        self.pages.addWidget(editor)
        self.editor_page = editor
        self.setCentralWidget(self.pages)

    def _dock(self, widget: QWidget, title: str, name: str,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.tree = ProjectTree()
        self.tree.edit_requested.connect(self.push_edit)
        self.tree.journey_activated.connect(self.set_journey)
        self.tree.object_selected.connect(self._tree_selected)
        self.tree.error.connect(self.show_error)
        self.tree_dock = self._dock(self.tree, self.tr("Project"), "projectDock",
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        # Never squeezed to a sliver by a restored layout: names must stay readable.
        self.tree.setMinimumWidth(170)

        self.inspector = Inspector()
        self.inspector.edit_requested.connect(self.push_edit)
        self.inspector_dock = self._dock(self.inspector, self.tr("Inspector"), "inspectorDock",
                                         Qt.DockWidgetArea.RightDockWidgetArea)

        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.setDocumentMode(True)
        self.action_panel = ActionPanel()
        self.action_panel.edit_requested.connect(self.push_edit)
        self.action_panel.action_selected.connect(self._action_selected)
        self.bottom_tabs.addTab(self.action_panel, self.tr("Actions"))
        self.bottom_dock = self._dock(self.bottom_tabs, self.tr("Actions and analysis"),
                                      "bottomDock", Qt.DockWidgetArea.BottomDockWidgetArea)

        self.history = QUndoView(self.undo_stack)
        self.history.setEmptyLabel(self.tr("<opened>"))
        self.history.setAccessibleName(self.tr("History"))
        self.history_dock = self._dock(self.history, self.tr("History"), "historyDock",
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.history_dock.hide()
        self.inspector_dock.raise_()
        self.resizeDocks([self.tree_dock, self.inspector_dock], [240, 360],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.bottom_dock], [230], Qt.Orientation.Vertical)

    def _act(self, text: str, slot: Callable[[], Any] | None = None,
             shortcut: QKeySequence | QKeySequence.StandardKey | str | list | None = None,
             tip: str | None = None, icon: QStyle.StandardPixmap | None = None) -> QAction:
        act = QAction(text, self)
        if slot is not None:
            act.triggered.connect(lambda _=False: slot())
        if isinstance(shortcut, list):
            act.setShortcuts([QKeySequence(s) for s in shortcut])
        elif isinstance(shortcut, QKeySequence.StandardKey):
            act.setShortcuts(shortcut)
        elif shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        return act

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        self.act_open = self._act(self.tr("&Open…"), self.open_dialog, K.Open,
                                  self.tr("Open a project file"), SP.SP_DialogOpenButton)
        self.act_save = self._act(self.tr("&Save"), self.save, K.Save,
                                  self.tr("Save the project"), SP.SP_DialogSaveButton)
        self.act_save_as = self._act(self.tr("Save &As…"), self.save_as, K.SaveAs)
        self.act_properties = self._act(self.tr("Project &Properties…"),
                                        self.show_project_properties)
        self.act_close = self._act(self.tr("&Close"), self.close_document, K.Close)
        self.act_quit = self._act(self.tr("&Quit"), self.close, K.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_export_json = self._act(self.tr("JSON…"), self.export_json)
        self.act_export_mermaid = self._act(self.tr("Mermaid (this journey)…"),
                                            self.export_mermaid)

        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(K.Undo)
        self.act_undo.setIcon(self.style().standardIcon(SP.SP_ArrowBack))
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(K.Redo)
        self.act_redo.setIcon(self.style().standardIcon(SP.SP_ArrowForward))
        # Clipboard and selection keys act on the map only when it has the focus, so
        # the same keys keep working in text fields and tables.
        self.act_cut = self._act(self.tr("Cu&t"), self.cut, K.Cut)
        self.act_copy = self._act(self.tr("&Copy"), self.copy, K.Copy)
        self.act_paste = self._act(self.tr("&Paste"), self.paste, K.Paste)
        self.act_delete = self._act(self.tr("&Delete"), self.delete_selection,
                                    [QKeySequence(QKeySequence.StandardKey.Delete),
                                     QKeySequence(Qt.Key.Key_Backspace)])
        self.act_select_all = self._act(self.tr("Select &All"), self.select_all, K.SelectAll)
        for act in (self.act_cut, self.act_copy, self.act_paste, self.act_delete,
                    self.act_select_all):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(act)
        self.act_find = self._act(self.tr("&Find…"), self.find, K.Find)

        self.act_zoom_in = self._act(self.tr("Zoom &In"), lambda: self.view.zoom_in(), K.ZoomIn)
        self.act_zoom_out = self._act(self.tr("Zoom &Out"), lambda: self.view.zoom_out(),
                                      K.ZoomOut)
        self.act_zoom_fit = self._act(self.tr("Zoom to &Fit"), lambda: self.view.zoom_to_fit(),
                                      "Ctrl+9")
        self.act_zoom_100 = self._act(self.tr("Zoom &100 %"), lambda: self.view.zoom_reset(),
                                      "Ctrl+0")
        self.act_filter = self._act(self.tr("Filter &Bar"), None, "Ctrl+Shift+F",
                                    self.tr("Filter cards by role, dimension and severity"))
        self.act_filter.setCheckable(True)
        self.act_filter.toggled.connect(self._toggle_filter)
        self.act_full_screen = self._act(self.tr("F&ull Screen"), self._toggle_full_screen,
                                         K.FullScreen)
        self.act_full_screen.setCheckable(True)

        self.act_add_card = self._act(self.tr("Add &Touchpoint"), self.add_touchpoint,
                                      ["Ctrl+Shift+N", "Insert"],
                                      self.tr("Type new cards into the selected cell"))
        self.act_add_stage = self._act(self.tr("Add &Stage…"), lambda: self.tree.add_stage())
        self.act_add_role = self._act(self.tr("Add &Role…"), lambda: self.tree.add_role())
        self.act_add_phase = self._act(self.tr("Add &Phase…"), lambda: self.tree.add_phase())
        self.act_add_journey = self._act(self.tr("Add &Journey…"),
                                         lambda: self.tree.add_journey())
        self.act_matrix = self._act(self.tr("&Influence Matrix…"), self.show_influence_matrix,
                                    "Ctrl+Shift+I",
                                    self.tr("How much each role weighs at each stage"))
        self.act_next_journey = self._act(self.tr("Next Journey"), lambda: self.step_journey(1),
                                          "Ctrl+PgDown")
        self.act_prev_journey = self._act(self.tr("Previous Journey"),
                                          lambda: self.step_journey(-1), "Ctrl+PgUp")
        self.act_about = self._act(self.tr("&About journeymap"), self.about)

        self.doc_actions = [
            self.act_save, self.act_save_as, self.act_properties, self.act_close,
            self.act_export_json,
            self.act_export_mermaid, self.act_cut, self.act_copy, self.act_paste,
            self.act_delete, self.act_select_all, self.act_find, self.act_zoom_in,
            self.act_zoom_out, self.act_zoom_fit, self.act_zoom_100, self.act_filter,
            self.act_add_card, self.act_add_stage, self.act_add_role, self.act_add_phase,
            self.act_add_journey, self.act_matrix, self.act_next_journey,
            self.act_prev_journey]
        self.write_actions = [self.act_cut, self.act_paste, self.act_delete, self.act_add_card,
                              self.act_add_stage, self.act_add_role, self.act_add_phase,
                              self.act_add_journey]

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        self.new_menu = m.addMenu(self.tr("&New from Template"))
        names = {"en": self.tr("English"), "ja": self.tr("Japanese")}
        for name in list_templates():
            for lang in ("en", "ja"):
                act = self.new_menu.addAction(
                    self.tr("%1 (%2)").replace("%1", template_title(name, lang))
                    .replace("%2", names[lang]))
                act.triggered.connect(lambda _=False, n=name, la=lang:
                                      self.new_from_template(n, la))
            self.new_menu.addSeparator()
        self.new_menu.addAction(self.tr("Open Demo Project")).triggered.connect(self.open_demo)
        m.addAction(self.act_open)
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addSeparator()
        m.addAction(self.act_save)
        m.addAction(self.act_save_as)
        m.addAction(self.act_properties)
        self.export_menu = m.addMenu(self.tr("&Export"))
        self.export_menu.addAction(self.act_export_json)
        self.export_menu.addAction(self.act_export_mermaid)
        m.addSeparator()
        m.addAction(self.act_close)
        m.addAction(self.act_quit)

        m = mb.addMenu(self.tr("&Edit"))
        m.addAction(self.act_undo)
        m.addAction(self.act_redo)
        m.addSeparator()
        for act in (self.act_cut, self.act_copy, self.act_paste, self.act_delete):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_select_all)
        m.addAction(self.act_find)

        m = mb.addMenu(self.tr("&View"))
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit, self.act_zoom_100):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_filter)
        self.act_history = self.history_dock.toggleViewAction()
        self.act_history.setText(self.tr("&History"))
        m.addAction(self.act_history)
        panels = m.addMenu(self.tr("&Panels"))
        for dock in (self.tree_dock, self.inspector_dock, self.bottom_dock):
            panels.addAction(dock.toggleViewAction())
        m.addSeparator()
        m.addAction(self.act_full_screen)
        lang_menu = m.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = QSettings().value("language", "", str)
        for code, text in (("", self.tr("System")), ("en", "English"), ("ja", "日本語")):
            act = lang_menu.addAction(text)
            act.setCheckable(True)
            act.setChecked(code == current)
            group.addAction(act)
            act.triggered.connect(lambda _=False, c=code: self._set_language(c))

        m = mb.addMenu(self.tr("&Journey"))
        m.addAction(self.act_add_card)
        m.addSeparator()
        for act in (self.act_add_stage, self.act_add_role, self.act_add_phase,
                    self.act_add_journey):
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.act_matrix)
        m.addSeparator()
        self.switch_menu = m.addMenu(self.tr("S&witch Journey"))
        self.switch_menu.aboutToShow.connect(self._fill_switch_menu)
        m.addAction(self.act_next_journey)
        m.addAction(self.act_prev_journey)

        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_open, self.act_save, None, self.act_undo, self.act_redo, None,
                    self.act_add_card, self.act_matrix, self.act_filter, None,
                    self.act_zoom_out, self.act_zoom_in, self.act_zoom_fit):
            if act is None:
                tb.addSeparator()
            else:
                tb.addAction(act)
        self.addToolBar(tb)
        self.toolbar = tb

    # ======================================================================================
    # plug-in points
    # ======================================================================================
    def add_bottom_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to the bottom panel (ranked list, charts, …); returns its index."""
        return self.bottom_tabs.addTab(widget, title)

    def add_export_action(self, action: QAction) -> None:
        """Add an entry to File ▸ Export (enabled only while a project is open)."""
        self.export_menu.addAction(action)
        self.doc_actions.append(action)
        action.setEnabled(self.doc is not None)

    @property
    def store(self) -> Store | None:
        return self.doc.store if self.doc is not None else None

    # ======================================================================================
    # document lifecycle
    # ======================================================================================
    def set_document(self, doc: Document) -> None:
        """Show ``doc`` (the window takes it over). The previous document must have been
        closed with :meth:`close_document` (or was never there)."""
        self._release_document()
        self.doc = doc
        self._base_dirty = doc.dirty
        doc.add_listener(self._on_changes)
        journeys = doc.store.journeys()
        self.journey_id = journeys[0].id if journeys else None
        self.scene = JourneyScene(doc.store, self.journey_id, self)
        self.scene.edit_requested.connect(self.push_edit)
        self.scene.add_requested.connect(self._add_requested)
        self.scene.open_requested.connect(self._open_requested)
        self.scene.selection_ids_changed.connect(self._canvas_selection)
        self.view.setScene(self.scene)
        ro = doc.read_only
        self.tree.set_store(doc.store, self.journey_id, ro)
        self.inspector.set_store(doc.store, ro)
        self.action_panel.set_store(doc.store, self.journey_id, ro)
        self.quick_add.set_journey(doc.store, self.journey_id, ro)
        self.filter_bar.set_scene(self.scene, doc.store, self.journey_id)
        if self.matrix is not None:
            self.matrix.set_journey(doc.store, self.journey_id, ro)
        if doc.path is not None:
            remember_recent(doc.path)
        self._show_editor()
        self._update_state()
        self.document_changed.emit(doc)
        self.journey_changed.emit(self.journey_id or "")
        QTimer.singleShot(0, self._initial_zoom)

    def _initial_zoom(self) -> None:
        if self.scene is None:
            return
        self.view.zoom_to_fit()
        if self.view.scale_factor < 0.7:
            # A big map stays readable: 70 %, from its top left corner.
            self.view.scale_factor = 0.7
            rect = self.scene.map_rect()
            self.view.ensureVisible(rect.left(), rect.top(), 1, 1, 0, 0)

    def _release_document(self) -> None:
        if self.doc is None:
            return
        self.doc.remove_listener(self._on_changes)
        self.doc.close()
        self.doc = None
        self.undo_stack.clear()
        self._base_dirty = False
        old = self.scene
        self.scene = None
        self.view.setScene(None)
        if old is not None:
            old.deleteLater()
        self.tree.set_store(None, None)
        self.inspector.set_store(None)
        self.action_panel.set_store(None, None)
        self.quick_add.set_journey(None, None)
        self.filter_bar.set_scene(None, None, None)
        if self.matrix is not None:
            self.matrix.set_journey(None, None)
            self.matrix.hide()
        self.document_changed.emit(None)

    def is_modified(self) -> bool:
        return self.doc is not None and (self._base_dirty or not self.undo_stack.isClean())

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Save / Discard / Cancel for unsaved changes (tests replace this)."""
        name = self._display_name()
        return QMessageBox.warning(
            self, self.tr("Unsaved changes"),
            self.tr("“%1” has changes that are not saved. Save them before closing?")
            .replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or none)."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_document(self) -> bool:
        """Close the project (asking about unsaved changes); show the start screen."""
        if self.doc is None:
            return True
        if not self.maybe_save():
            return False
        self._release_document()
        self._show_start()
        self._update_state()
        return True

    def discard_document(self) -> None:
        """Close without asking, dropping unsaved changes (tests, Discard in dialogs)."""
        self._release_document()
        self._show_start()
        self._update_state()

    def _open_document(self, label: str, make: Callable[[], Document]) -> bool:
        if not self.maybe_save():
            return False
        try:
            doc = run_with_progress(self, label, make)
        except DocumentError as e:
            self.show_error(str(e))
            return False
        self.set_document(doc)
        return True

    def new_from_template(self, name: str, lang: str) -> bool:
        return self._open_document(self.tr("Creating the project…"),
                                   lambda: Document.new(load_template(name, lang)))

    def open_demo(self) -> bool:
        return self.new_from_template(DEMO_TEMPLATE, system_language())

    def open_path(self, path: str | Path) -> bool:
        """Open a .jmap file; a damaged or foreign file gives one message and changes
        nothing (the current project stays open)."""
        ok = self._open_document(self.tr("Opening %1…").replace("%1", Path(path).name),
                                 lambda: Document.open(path))
        if not ok and not Path(path).exists():
            forget_recent(path)
        return ok

    def recover_session(self, session: Any) -> bool:
        return self._open_document(self.tr("Recovering…"), lambda: Document.recover(session))

    def _start_dir(self) -> str:
        if self.doc is not None and self.doc.path is not None:
            return str(self.doc.path.parent)
        files = recent_files()
        return str(Path(files[0]).parent) if files else str(Path.home())

    def open_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), self._start_dir(),
                                              self.tr("journeymap projects (*.jmap)"), "",
                                              self.file_dialog_options)
        return self.open_path(path) if path else False

    def save(self) -> bool:
        doc = self.doc
        if doc is None:
            return False
        if doc.path is None or doc.read_only:
            return self.save_as()
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        doc = self.doc
        if doc is None:
            return False
        suggested = (str(doc.path) if doc.path is not None and not doc.read_only else
                     str(Path(self._start_dir()) / (self._safe_name() + ".jmap")))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project as"), suggested,
                                              self.tr("journeymap projects (*.jmap)"), "",
                                              self.file_dialog_options)
        if not path:
            return False
        return self._save_to(Path(path))

    def _safe_name(self) -> str:
        title = self.store.project.title if self.store is not None else ""
        keep = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()
        return keep or self.tr("Untitled")

    def _save_to(self, path: Path) -> bool:
        doc = self.doc
        assert doc is not None
        try:
            run_with_progress(self, self.tr("Saving %1…").replace("%1", path.name),
                              lambda: doc.save(path))
        except DocumentError as e:
            self.show_error(str(e))
            return False
        self._base_dirty = False
        self.undo_stack.setClean()
        if doc.path is not None:
            remember_recent(doc.path)
        self._update_state()
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(doc.path)), 5000)
        return True

    # -- exports ---------------------------------------------------------------------------------
    def _export_text(self, title: str, suffix: str, filter_: str, text: Callable[[], str]) -> bool:
        if self.doc is None:
            return False
        suggested = str(Path(self._start_dir()) / (self._safe_name() + suffix))
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, filter_, "",
                                              self.file_dialog_options)
        if not path:
            return False
        try:
            with atomic_path(path) as tmp:
                tmp.write_text(text(), "utf-8")
        except DocumentError as e:
            self.show_error(str(e))
            return False
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", path), 5000)
        return True

    def export_json(self) -> bool:
        from journeymap.model.jsonio import dumps_project

        store = self.store
        return store is not None and self._export_text(
            self.tr("Export JSON"), ".json", self.tr("JSON (*.json)"),
            lambda: dumps_project(store))

    def export_mermaid(self) -> bool:
        from journeymap.export.mermaid import project_mermaid

        store = self.store
        return store is not None and self._export_text(
            self.tr("Export Mermaid"), ".mmd", self.tr("Mermaid (*.mmd *.md *.txt)"),
            lambda: project_mermaid(store, self.journey_id))

    # ======================================================================================
    # editing
    # ======================================================================================
    def push_edit(self, edit: Edit) -> bool:
        """Apply ``edit`` as one undo step. Returns whether it was applied."""
        if self.doc is None:
            return False
        try:
            return commands.push_edit(self.undo_stack, self.doc, edit)
        except DocumentError as e:
            self.show_error(str(e))
            return False

    def _try_edit(self, make: Callable[[], Edit]) -> Edit | None:
        try:
            edit = make()
        except (ValidationError, EditError) as e:
            self.show_error(error_text(e))
            return None
        return edit if self.push_edit(edit) else None

    def _on_changes(self, changes: list[Change]) -> None:
        store = self.store
        if store is None:
            return
        tables = {c.table for c in changes}
        if self.journey_id is not None and store.get("journey", self.journey_id) is None:
            journeys = store.journeys()
            self.set_journey(journeys[0].id if journeys else None)
        elif self.scene is not None:
            self.scene.refresh(changes)
        structure = bool(tables & _STRUCTURE)
        if structure:
            self.tree.refresh()
            self.quick_add.refresh()
            self.filter_bar.refresh()
        if tables & {"dimension"}:
            self.filter_bar.refresh()
        self.inspector.refresh()
        if tables & {"action", "action_link", "pain_point", "journey"}:
            self.action_panel.refresh()
        elif "touchpoint" in tables:
            self.action_panel.update_link_labels(
                {c.id for c in changes if c.table == "touchpoint"})
        if self.matrix is not None and self.matrix.isVisible() and (
                structure or "influence" in tables):
            self.matrix.refresh()
        self._update_title()
        self.model_changed.emit(changes)

    def set_journey(self, journey_id: str | None) -> None:
        store = self.store
        if store is None:
            return
        if journey_id is not None and store.get("journey", journey_id) is None:
            return
        self.journey_id = journey_id
        if self.scene is not None:
            self.scene.set_journey(journey_id)
        self.tree.journey = journey_id
        self.tree.refresh()
        self.quick_add.set_journey(store, journey_id, self.doc.read_only if self.doc else True)
        self.filter_bar.set_scene(self.scene, store, journey_id)
        self.action_panel.set_journey(journey_id)
        if self.matrix is not None:
            self.matrix.set_journey(store, journey_id, self.doc.read_only if self.doc else True)
        if self.inspector.kind in ("touchpoint", "stage"):
            self.inspector.clear()
        self._update_title()
        self.journey_changed.emit(journey_id or "")
        QTimer.singleShot(0, self._initial_zoom)

    def step_journey(self, delta: int) -> None:
        store = self.store
        if store is None or not store.journeys():
            return
        ids = [j.id for j in store.journeys()]
        i = ids.index(self.journey_id) if self.journey_id in ids else 0
        self.set_journey(ids[(i + delta) % len(ids)])

    # -- canvas and panels ------------------------------------------------------------------
    def _canvas_selection(self, ids: list[str]) -> None:
        self.inspector.show_touchpoints(list(ids))
        store = self.store
        if ids and store is not None and store.get("touchpoint", ids[0]) is not None:
            tp = store.touchpoint(ids[0])
            self.quick_add.set_cell(tp.role, tp.stage)

    def _add_requested(self, role: str, stage: str) -> None:
        self.quick_add.set_cell(role, stage, focus=True)

    def _open_requested(self, tid: str) -> None:
        self.inspector.show_object("touchpoint", tid)
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        self.inspector.focus_title()

    def _tree_selected(self, kind: str, id: str) -> None:
        store = self.store
        if store is None:
            return
        if kind in ("role", "stage", "journey"):
            self.inspector.show_object(kind, id)
        if kind == "stage" and self.scene is not None:
            rect = self.scene.stage_rect(id)
            if not rect.isEmpty():
                self.view.ensureVisible(rect.left(), rect.top(), min(rect.width(), 400), 200)
            cell = self.quick_add.cell()
            if cell is not None:
                self.quick_add.set_cell(cell[0], id)
        elif kind == "role":
            cell = self.quick_add.cell()
            if cell is not None:
                self.quick_add.set_cell(id, cell[1])

    def show_project_properties(self) -> None:
        """Title, client and content language of the project, in the inspector."""
        if self.store is None:
            return
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        self.inspector.show_object("project", "project")
        self.inspector.focus_title()

    def _action_selected(self, aid: str) -> None:
        store = self.store
        if store is None or self.scene is None:
            return
        if not aid:
            self.scene.highlight([])
            return
        self.inspector.show_object("action", aid)
        pains = store.addressed_pains(aid)
        self.scene.highlight({store.pain_point(p).touchpoint for p in pains
                              if store.get("pain_point", p) is not None})

    def _card_added(self, tid: str) -> None:
        if self.scene is not None and tid in self.scene.touchpoint_ids():
            rect = self.scene.card_rect(tid)
            self.view.ensureVisible(rect, 40, 40)

    def _go_to_card(self, tid: str) -> None:
        if self.scene is None:
            return
        self.scene.select_touchpoints([tid])
        rect = self.scene.card_rect(tid)
        if not rect.isEmpty():
            self.view.centerOn(rect.center())

    def add_touchpoint(self) -> None:
        """Journey ▸ Add Touchpoint: focus the quick-add line on the current cell."""
        if self.scene is not None:
            ids = self.scene.selected_touchpoint_ids()
            if ids and self.store is not None:
                tp = self.store.touchpoint(ids[0])
                self.quick_add.set_cell(tp.role, tp.stage)
        self.quick_add.focus()

    def show_influence_matrix(self) -> InfluenceMatrix | None:
        if self.doc is None:
            return None
        if self.matrix is None:
            self.matrix = InfluenceMatrix(self)
            self.matrix.edit_requested.connect(self.push_edit)
        self.matrix.set_journey(self.doc.store, self.journey_id, self.doc.read_only)
        self.matrix.show()
        self.matrix.raise_()
        self.matrix.activateWindow()
        self.matrix.grid.setFocus()
        return self.matrix

    # -- clipboard ---------------------------------------------------------------------------
    def _selection(self) -> list[str]:
        return self.scene.selected_touchpoint_ids() if self.scene is not None else []

    def copy(self) -> bool:
        store, ids = self.store, self._selection()
        if store is None or not ids:
            return False
        payload = edits.copy_payload(store, ids)
        mime = QMimeData()
        mime.setData(MIME_TOUCHPOINTS, QByteArray(json.dumps(payload, ensure_ascii=False)
                                                  .encode("utf-8")))
        mime.setText("\n".join(store.touchpoint(i).title for i in ids))
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(self.tr("Copied %n card(s)", None, len(ids)), 3000)
        return True

    def cut(self) -> bool:
        return self.copy() and self.delete_selection()

    def paste(self) -> bool:
        store, journey = self.store, self.journey_id
        if store is None or journey is None:
            return False
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        if mime.hasFormat(MIME_TOUCHPOINTS):
            try:
                payload = json.loads(bytes(mime.data(MIME_TOUCHPOINTS).data()).decode("utf-8"))
                if not isinstance(payload, list):
                    raise ValueError
            except (ValueError, UnicodeDecodeError):
                self.show_error(self.tr("The clipboard does not hold journeymap cards."))
                return False
        elif mime.hasText() and mime.text().strip():
            # Lines of text (e.g. a column copied from a spreadsheet): one card per line.
            payload = [{"title": line.strip()} for line in mime.text().splitlines()
                       if line.strip()][:500]
        else:
            return False
        ids = self._selection()
        if ids:
            tp = store.touchpoint(ids[0])
            cell: tuple[str, str] | None = (tp.role, tp.stage)
        else:
            cell = self.quick_add.cell()
        if cell is None:
            return False
        edit = self._try_edit(lambda: edits.paste_touchpoints(store, journey, cell[0], cell[1],
                                                              payload))
        if edit is None:
            return False
        new = [c.id for c in edit.changes if c.table == "touchpoint" and c.before is None]
        if self.scene is not None:
            self.scene.select_touchpoints(new)
        return True

    def delete_selection(self) -> bool:
        store, ids = self.store, self._selection()
        if store is None or not ids:
            return False
        return self._try_edit(lambda: edits.delete(store, "touchpoint", ids)) is not None

    def select_all(self) -> None:
        if self.scene is not None:
            self.scene.select_touchpoints(self.scene.touchpoint_ids())

    def find(self) -> None:
        self.act_filter.setChecked(True)
        self.filter_bar.focus_search()

    def _toggle_filter(self, on: bool) -> None:
        if on:
            self.filter_bar.show()
            self.filter_bar.refresh()
        elif self.filter_bar.isVisible():
            self.filter_bar.close_bar()

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.act_full_screen.setChecked(self.isFullScreen())

    # ======================================================================================
    # state, title, messages
    # ======================================================================================
    def _display_name(self) -> str:
        doc = self.doc
        if doc is None:
            return ""
        if doc.path is not None:
            return doc.path.name
        return doc.store.project.title or self.tr("Untitled")

    def _update_title(self) -> None:
        doc = self.doc
        if doc is None:
            self.setWindowTitle("journeymap")
            self.setWindowModified(False)
            return
        title = self._display_name() + "[*]"
        if doc.read_only:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title + " — journeymap")
        self.setWindowModified(self.is_modified())

    def _clean_changed(self, clean: bool) -> None:
        if clean and not self._base_dirty and self.doc is not None and self.doc.path:
            # Back at the saved state: nothing to recover if the app dies now.
            self.doc.mark_clean()
        self._update_title()

    def _update_actions(self) -> None:
        has_doc = self.doc is not None
        ro = bool(self.doc and self.doc.read_only)
        for act in self.doc_actions:
            act.setEnabled(has_doc)
        for act in self.write_actions:
            act.setEnabled(has_doc and not ro)

    def _update_state(self) -> None:
        doc = self.doc
        ro = bool(doc and doc.read_only)
        self.banner.setVisible(ro)
        if ro and doc is not None:
            self.banner_label.setText(self.tr(
                "<b>Read-only:</b> “%1” is open in another journeymap window. You can look, "
                "but changes are not possible here.").replace("%1", self._display_name()))
        if doc is not None:
            self.tree.read_only = ro
            self.inspector.set_read_only(ro)
            self.action_panel.set_read_only(ro)
            self.quick_add.read_only = ro
            self.quick_add.refresh()
            if self.matrix is not None:
                self.matrix.read_only = ro
        self._update_actions()
        self._update_title()
        self.start_screen.set_recent(recent_files())

    def show_error(self, text: str) -> None:
        """One message box for one problem."""
        QMessageBox.critical(self, self.tr("journeymap"), text)

    def about(self) -> None:
        from journeymap import __version__

        QMessageBox.about(self, self.tr("About journeymap"), self.tr(
            "<p><b>journeymap %1</b></p><p>Multi-role B2B customer journey maps with an "
            "explained, prioritised action list.</p>").replace("%1", __version__))

    def _set_language(self, code: str) -> None:
        # Applied at once (journeymap.ui.i18n): this window is rebuilt in the new
        # language with the same document and undo history, after this click returns.
        from journeymap.ui import i18n

        i18n.request_language(code)

    # -- pages and docks -----------------------------------------------------------------------
    def _docks(self) -> list[QDockWidget]:
        return [self.tree_dock, self.inspector_dock, self.bottom_dock, self.history_dock]

    def _show_start(self) -> None:
        if self.pages.currentWidget() is self.editor_page:
            self._dock_state = self.saveState()
        self.pages.setCurrentWidget(self.start_screen)
        for dock in self._docks():
            dock.hide()
        self.toolbar.hide()
        self.start_screen.set_recent(recent_files())
        self.start_screen.demo_button.setFocus()

    def _show_editor(self) -> None:
        if self.pages.currentWidget() is self.editor_page:
            return
        self.pages.setCurrentWidget(self.editor_page)
        self.toolbar.show()
        if self._dock_state is None or not self.restoreState(self._dock_state):
            for dock in (self.tree_dock, self.inspector_dock, self.bottom_dock):
                dock.show()
        self.view.setFocus()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for i, f in enumerate(files):
            act = self.recent_menu.addAction(f"&{i + 1} {Path(f).name}")
            act.setToolTip(f)
            act.setStatusTip(f)
            act.setEnabled(Path(f).exists())
            act.triggered.connect(lambda _=False, p=f: self.open_path(p))
        if not files:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear List")).triggered.connect(
                lambda: (QSettings().setValue(RECENT_KEY, []),
                         self.start_screen.set_recent([])))

    def _fill_switch_menu(self) -> None:
        self.switch_menu.clear()
        store = self.store
        if store is None:
            return
        for j in store.journeys():
            act = self.switch_menu.addAction(j.name)
            act.setCheckable(True)
            act.setChecked(j.id == self.journey_id)
            act.triggered.connect(lambda _=False, jid=j.id: self.set_journey(jid))

    # -- settings ---------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = QSettings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._dock_state = state

    def save_settings(self) -> None:
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        state = self.saveState() if self.pages.currentWidget() is self.editor_page \
            else self._dock_state
        if state is not None:
            s.setValue("window/state", state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        in_editor = self.pages.currentWidget() is self.editor_page
        if in_editor:
            self._dock_state = self.saveState()
        if not self.close_document():
            event.ignore()
            return
        self.save_settings()
        if self.matrix is not None:
            self.matrix.close()
        event.accept()

    # -- drag and drop of files ------------------------------------------------------------------
    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".jmap"):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_file(event)
        if path:
            event.acceptProposedAction()
            # After the drop returns: opening may show dialogs.
            QTimer.singleShot(0, lambda: self.open_path(path))
        else:
            super().dropEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        # The canvas viewport sees drags first; take .jmap files, leave the rest to it.
        if obj is self.view.viewport() and event.type() in (
                QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            if self._dropped_file(event):  # type: ignore[arg-type]
                if event.type() == QEvent.Type.Drop:
                    self.dropEvent(event)  # type: ignore[arg-type]
                else:
                    event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        return super().eventFilter(obj, event)


def open_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


__all__ = ["MIME_TOUCHPOINTS", "MainWindow", "forget_recent", "open_windows", "recent_files",
           "remember_recent"]
