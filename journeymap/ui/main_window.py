"""The journey map editor window: its pages, docks and layout, and how they are wired.

One window holds at most one :class:`~journeymap.model.document.Document` and its
:class:`QUndoStack`. Every change goes the same way: a widget builds an ``Edit`` and
asks :meth:`MainWindow.push_edit` (:mod:`journeymap.ui.controllers.document`); the undo
stack runs the command, which applies the edit to the document; the document notifies
:attr:`MainWindow.events`, whose one ``changed`` signal (list of ``Change``) every panel
and the canvas scene subscribe to. Undo and redo take the same path back.

Where the rest lives: menus and actions in :mod:`journeymap.ui.actions`; open/save/
recent files in :mod:`journeymap.ui.controllers.document`; the clipboard in
:mod:`journeymap.ui.controllers.clipboard`; the interface language in
:mod:`journeymap.ui.controllers.language` (the window retranslates itself in place on
``QEvent.LanguageChange``).

Add-ons plug in through :meth:`MainWindow.add_bottom_tab`,
:meth:`MainWindow.add_menu_actions`, :meth:`MainWindow.add_export_action`, the signals :attr:`document_changed` (Document or
None), :attr:`journey_changed` (journey id) and ``events.changed``, with
:attr:`MainWindow.store` / :attr:`MainWindow.journey_id` to read.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
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
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from journeymap.model import edits
from journeymap.model.document import Document
from journeymap.model.store import Change, Store
from journeymap.render.cards import TITLE_PX
from journeymap.ui import actions, pyside_none_fix
from journeymap.ui.actions.common import mnemonic_safe
from journeymap.ui.actions.edit import sync_undo_actions
from journeymap.ui.canvas.scene import JourneyScene
from journeymap.ui.canvas.view import JourneyView
from journeymap.ui.commands import EditCommand
from journeymap.ui.controllers import language
from journeymap.ui.controllers.clipboard import MIME_TOUCHPOINTS, ClipboardMixin
from journeymap.ui.controllers.document import (
    DocumentEvents,
    DocumentMixin,
    forget_recent,
    recent_files,
    remember_recent,
)
from journeymap.ui.controllers.library import is_library_document, show_library_banner
from journeymap.ui.dialogs.export import install_export_actions
from journeymap.ui.dialogs.influence_matrix import InfluenceMatrix
from journeymap.ui.dialogs.settings import install_settings
from journeymap.ui.inspector import Inspector
from journeymap.ui.panels.action_panel import ActionPanel
from journeymap.ui.panels.analysis import install_analysis_ui
from journeymap.ui.panels.filter_bar import FilterBar
from journeymap.ui.panels.project_tree import ProjectTree
from journeymap.ui.panels.quick_add import QuickAddBar
from journeymap.ui.panels.start_screen import StartScreen
from journeymap.ui.panels.to_be import install_to_be_ui
from journeymap.ui.room_panel import install_room
from journeymap.ui.workshop.mode import install_workshop


class MainWindow(DocumentMixin, ClipboardMixin, QMainWindow):
    document_changed = Signal(object)  # Document | None
    journey_changed = Signal(str)      # the journey shown ("" when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.doc: Document | None = None
        self.journey_id: str | None = None
        self.scene: JourneyScene | None = None
        self.undo_stack = QUndoStack(self)
        # An undo or redo run from the stack (Ctrl+Z, the history view) whose commit failed
        # (disk full, I/O error) has left the stack; say so once the stack is done.
        EditCommand.on_failure = _report_failed_step
        self.events = DocumentEvents(self)
        # First subscriber: a deleted journey is replaced before the others look.
        self.events.changed.connect(self._on_changes)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self._base_dirty = False          # recovered documents start modified
        self._dock_state: QByteArray | None = None
        self.file_dialog_options = QFileDialog.Option(0)
        self.matrix: InfluenceMatrix | None = None
        self._build_central()
        self._build_docks()
        actions.install(self)    # File, Edit, View, Journey, Help menus and the tool bar
        install_workshop(self)   # View ▸ Workshop Mode, Dot Voting (journeymap.ui.workshop.mode)
        install_room(self)       # View ▸ Room…: participants' phones (journeymap.ui.room_panel)
        install_settings(self)   # Edit ▸ Settings… (journeymap.ui.dialogs.settings)
        install_analysis_ui(self)  # Priorities, Analyses, survey import, action-list exports
        install_to_be_ui(self)   # Comparison, Projected impact, Make To-be Journey
        install_export_actions(self)  # File ▸ Export ▸ map/report PDF, PNG, SVG
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._restore_settings()
        self._show_start()
        self._update_state()
        if pyside_none_fix.applied():
            self.statusBar().showMessage(self.tr(
                "PySide6 reference-count work-around active (see the log)"), 15000)

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
        self.events.changed.connect(self.filter_bar.on_changes)
        lay.addWidget(self.filter_bar)

        self.quick_add = QuickAddBar()
        self.quick_add.edit_requested.connect(self.push_edit)
        self.quick_add.added.connect(self._card_added)
        self.quick_add.escaped.connect(lambda: self.view.setFocus())
        self.events.changed.connect(self.quick_add.on_changes)
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
        self.events.changed.connect(self.tree.on_changes)
        self.tree_dock = self._dock(self.tree, self.tr("Project"), "projectDock",
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        # Never squeezed to a sliver by a restored layout: names must stay readable.
        self.tree.setMinimumWidth(170)

        self.inspector = Inspector()
        self.inspector.edit_requested.connect(self.push_edit)
        self.events.changed.connect(self.inspector.on_changes)
        self.inspector_dock = self._dock(self.inspector, self.tr("Inspector"), "inspectorDock",
                                         Qt.DockWidgetArea.RightDockWidgetArea)

        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.setDocumentMode(True)
        self.action_panel = ActionPanel()
        self.action_panel.edit_requested.connect(self.push_edit)
        self.action_panel.action_selected.connect(self._action_selected)
        self.events.changed.connect(self.action_panel.on_changes)
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
        self.bottom_dock.visibilityChanged.connect(self._bottom_shown)

    # ======================================================================================
    # plug-in points
    # ======================================================================================
    def add_bottom_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to the bottom panel (ranked list, charts, …); returns its index."""
        return self.bottom_tabs.addTab(widget, title)

    def add_menu_actions(self, actions: list[QAction], near: QAction, *, at_end: bool = False,
                         needs_doc: bool = True, writes: bool = False) -> None:
        """Put ``actions`` in the menu that holds ``near``: right after it, or at the end
        of that menu after a separator (``at_end``). ``needs_doc``: enabled only while a
        project is open; ``writes``: only while it is writable."""
        menu = next((a.menu() for a in self.menuBar().actions()
                     if a.menu() is not None and near in a.menu().actions()), None)
        if menu is None:
            self.menuBar().addActions(actions)
        elif at_end:
            menu.addSeparator()
            menu.addActions(actions)
        else:
            entries = menu.actions()
            i = entries.index(near) + 1
            menu.insertActions(entries[i] if i < len(entries) else None, actions)  # type: ignore[arg-type]
        if needs_doc:
            self.doc_actions.extend(actions)
        if writes:
            self.write_actions.extend(actions)
        self._update_actions()

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
    # ======================================================================================
    # editing
    # ======================================================================================
    def _on_changes(self, changes: list[Change]) -> None:
        """The window's own part of a change: a deleted journey gives way to another;
        the title shows the modified state. Panels and the canvas subscribe themselves."""
        store = self.store
        if store is None:
            return
        if self.journey_id is not None and store.get("journey", self.journey_id) is None:
            journeys = store.journeys()
            self.set_journey(journeys[0].id if journeys else None)
        self._update_title()

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
        """Double-click on an empty cell: type the new card's title on the map, where
        the card will be (the quick-add line follows the cell too)."""
        store, j, scene = self.store, self.journey_id, self.scene
        self.quick_add.set_cell(role, stage, focus=False)
        if store is None or j is None or scene is None or self.doc is None \
                or self.doc.read_only or scene.layout() is None:
            self.quick_add.set_cell(role, stage, focus=True)
            return
        count = len(store.touchpoints_in_cell(j, role, stage))
        r = scene.layout().card_rect(role, stage, count)
        rect = QRectF(r.x, r.y, r.w, 40)
        self.view.ensureVisible(rect, 40, 40)

        def commit(title: str) -> None:
            self.push_edit(edits.add_touchpoint(store, j, role, stage, title))

        self.view.edit_inline(rect, "", TITLE_PX, commit, self.tr("Title of the new card"))

    def _header_activated(self, kind: str, id: str) -> None:
        """A click on a stage or role header: show it in the inspector."""
        if self.store is None or self.store.get(kind, id) is None:
            return
        self.inspector.show_object(kind, id)
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    def _rename_requested(self, kind: str, id: str) -> None:
        """A double-click on a stage or role header: rename it in place."""
        store, scene = self.store, self.scene
        row = store.get(kind, id) if store is not None else None
        if row is None or scene is None or scene.layout() is None or self.doc is None \
                or self.doc.read_only:
            return
        layout = scene.layout()
        if kind == "stage":
            r = layout.stage_header_rect(id)
        else:
            r = layout.lane_header_rect(id)
            r = type(r)(r.x, r.y, r.w, 44)
        rect = QRectF(r.x, r.y, r.w, r.h)
        self.view.ensureVisible(rect, 20, 20)

        def commit(name: str) -> None:
            self.push_edit(edits.set_fields(store, kind, id, name=name))

        self.view.edit_inline(rect, row.name, 15, commit)

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
        self.view.reveal(tid)

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
            self.events.changed.connect(self.matrix.on_changes)
        self.matrix.set_journey(self.doc.store, self.journey_id, self.doc.read_only)
        self.matrix.show()
        self.matrix.raise_()
        self.matrix.activateWindow()
        self.matrix.grid.setFocus()
        return self.matrix

    # -- clipboard ---------------------------------------------------------------------------

    def find(self) -> None:
        self.act_filter.setChecked(True)
        self.filter_bar.focus_search()

    def toggle_filter(self, on: bool) -> None:
        if on:
            self.filter_bar.show()
            self.filter_bar.refresh()
            self.filter_bar.focus_search()   # Ctrl+Shift+F: type the search at once
        elif self.filter_bar.isVisible():
            self.filter_bar.close_bar()

    def toggle_full_screen(self) -> None:
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
        self.banner_button.setVisible(True)
        if is_library_document(doc):
            show_library_banner(self)  # viewer rights, connection lost, deleted
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

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Texts in the current interface language; nothing else changes (document,
        history, geometry, docks, tab, selection)."""
        language.retranslate_tree(self)
        # A dock's toggle action follows its title; this one has a menu text of its own.
        self.act_history.setText(self.tr("&History"))
        for i in range(self.undo_stack.count()):
            cmd = self.undo_stack.command(i)
            if isinstance(cmd, EditCommand):
                cmd.retranslate()
        sync_undo_actions(self)
        self.history.setEmptyLabel(self.tr("<opened>"))
        self.history.setStack(self.undo_stack)   # re-reads the relabelled steps
        current = language.chosen_language()
        for code, act in self.language_actions.items():
            act.setChecked(code == current)
        for panel in (self.tree, self.inspector, self.action_panel, self.quick_add,
                      self.filter_bar):
            panel.refresh()
        if self.scene is not None:
            self.scene.refresh()     # headers and legends drawn with translated words
            self.view.scale_changed.emit(self.view.scale_factor)   # "Zoom %1 %"
        self._update_state()

    # -- pages and docks -----------------------------------------------------------------------
    def _docks(self) -> list[QDockWidget]:
        return [self.tree_dock, self.inspector_dock, self.bottom_dock, self.history_dock]

    def _show_start(self) -> None:
        if self.pages.currentWidget() is self.editor_page:
            self._dock_state = self.saveState()
        self.pages.setCurrentWidget(self.start_screen)
        self.start_screen.setSizePolicy(QSizePolicy.Policy.Preferred,
                                        QSizePolicy.Policy.Preferred)
        for dock in self._docks():
            dock.hide()
        self.toolbar.hide()
        self.start_screen.set_recent(recent_files())
        self.start_screen.demo_button.setFocus()

    def _show_editor(self) -> None:
        if self.pages.currentWidget() is self.editor_page:
            return
        self.pages.setCurrentWidget(self.editor_page)
        # The hidden start screen must not hold the editor to its own minimum height
        # (on a laptop that would squeeze the bottom panel).
        self.start_screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.toolbar.show()
        if self._dock_state is None or not self.restoreState(self._dock_state):
            self.default_layout()
        self.view.setFocus()

    def bottom_panel_height(self, rows: int = 8) -> int:
        """Height of the bottom panel that shows ``rows`` table rows without cutting."""
        table = getattr(self.action_panel, "table", None)
        row_h = table.verticalHeader().defaultSectionSize() if table is not None else 30
        head = table.horizontalHeader().sizeHint().height() if table is not None else 28
        tabs = self.bottom_tabs.tabBar().sizeHint().height()
        return int(rows * row_h + head + tabs + 90)   # + dock title, button row, margins

    def default_layout(self) -> None:
        """The first layout (none remembered yet): the canvas takes most of the window,
        on a 1366×768 laptop and on a 1920×1080 screen alike. The project tree and the
        inspector share one narrow tabbed column on the right (one click on a tab
        switches), and the bottom panel starts closed: View ▸ Panels opens it, eight
        table rows high. Whatever the user arranges is remembered (``window/state``)."""
        # Opened later (View ▸ Panels), the bottom panel is made eight rows high once.
        self._bottom_auto = True
        self.tree_dock.show()
        self.inspector_dock.show()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tree_dock)
        self.tabifyDockWidget(self.inspector_dock, self.tree_dock)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        self.bottom_dock.hide()
        column = 270 if self.width() < 1600 else 300
        self.resizeDocks([self.inspector_dock], [column], Qt.Orientation.Horizontal)

    def _bottom_shown(self, visible: bool) -> None:
        if visible:
            # after the dock has its first geometry
            QTimer.singleShot(0, self._size_bottom_panel)

    def _size_bottom_panel(self) -> None:
        dock = self.bottom_dock
        if not getattr(self, "_bottom_auto", False):
            return
        self._bottom_auto = False
        if dock.isVisible() and not dock.isFloating() \
                and dock.height() < self.bottom_panel_height():
            want = min(self.bottom_panel_height(), int(self.height() * 0.6))
            self.resizeDocks([dock], [want], Qt.Orientation.Vertical)

    def fill_switch_menu(self) -> None:
        self.switch_menu.clear()
        store = self.store
        if store is None:
            return
        for j in store.journeys():
            act = self.switch_menu.addAction(mnemonic_safe(j.name))
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


def open_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


__all__ = ["MIME_TOUCHPOINTS", "MainWindow", "forget_recent", "open_windows", "recent_files",
           "remember_recent"]


def _report_failed_step(error: Exception) -> None:
    """Show a failed undo/redo step in the active window, after QUndoStack has returned
    (a modal dialog inside ``undo()`` would re-enter the stack)."""
    from journeymap.ui.texts import error_text

    def show() -> None:
        win = QApplication.activeWindow()
        QMessageBox.critical(win, QApplication.translate("MainWindow", "journeymap"),
                             error_text(error))
    QTimer.singleShot(0, show)
