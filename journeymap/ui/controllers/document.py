"""The document side of a main window: open, save, save as, recover, recent files, and
the one change signal.

:class:`DocumentEvents` is the thin QObject around the open :class:`Document`: the
document calls :meth:`DocumentEvents.notify` after every applied edit (undo and redo
included) and :attr:`DocumentEvents.changed` carries the changed rows (``list[Change]``)
to every subscriber — each panel, the canvas scene, the workshop and analysis add-ons.
Every edit goes through :meth:`DocumentMixin.push_edit` → :func:`journeymap.ui.commands.push_edit`,
which pushes the one undo command.

:class:`DocumentMixin` holds the open/save/close logic of
:class:`~journeymap.ui.main_window.MainWindow` (which inherits it), dropping ``.jmap``
files on the window included.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymap.model.document import Document, DocumentError, atomic_path
from journeymap.model.edits import Edit, EditError
from journeymap.model.store import Change
from journeymap.model.templates import DEMO_TEMPLATE, load_template
from journeymap.model.validation import ValidationError
from journeymap.ui import commands
from journeymap.ui.actions.common import mnemonic_safe
from journeymap.ui.canvas.scene import JourneyScene
from journeymap.ui.controllers import language
from journeymap.ui.controllers.library import is_library_document
from journeymap.ui.dialogs.progress import run_with_progress
from journeymap.ui.texts import error_text

if TYPE_CHECKING:
    pass

# Tables whose change alters the map's frame (columns, rows, the journey itself).
STRUCTURE_TABLES = frozenset({"journey", "phase", "stage", "lane", "role"})
RECENT_KEY = "recentFiles"
RECENT_MAX = 10


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



def tables_of(changes: list[Change]) -> set[str]:
    """The tables a list of changes touches."""
    return {c.table for c in changes}


class DocumentEvents(QObject):
    """The one change signal of a window's document."""

    changed = Signal(list)  # list[Change]: the rows an applied edit (or undo/redo) changed

    def notify(self, changes: list[Change]) -> None:
        """Document listener: pass the changes on to every subscriber."""
        self.changed.emit(changes)


class DocumentMixin:
    """Open, save, close and recover for :class:`MainWindow` (mixed into it)."""

    def set_document(self, doc: Document) -> None:
        """Show ``doc`` (the window takes it over). The previous document must have been
        closed with :meth:`close_document` (or was never there)."""
        self._release_document()
        self.doc = doc
        self._base_dirty = doc.dirty
        doc.add_listener(self.events.notify)
        journeys = doc.store.journeys()
        self.journey_id = journeys[0].id if journeys else None
        self.scene = JourneyScene(doc.store, self.journey_id, self)
        self.scene.edit_requested.connect(self.push_edit)
        # The canvas follows the same change signal as every panel (connected after the
        # window's own slot, which may switch the journey first).
        self.events.changed.connect(self.scene.refresh)
        self.scene.add_requested.connect(self._add_requested)
        self.scene.open_requested.connect(self._open_requested)
        self.scene.header_activated.connect(self._header_activated)
        self.scene.rename_requested.connect(self._rename_requested)
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
        self.doc.remove_listener(self.events.notify)
        self.doc.close()
        self.doc = None
        self.undo_stack.clear()
        self._base_dirty = False
        old = self.scene
        self.scene = None
        self.view.setScene(None)
        if old is not None:
            self.events.changed.disconnect(old.refresh)
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
        if is_library_document(self.doc):
            return False  # every edit of a library project is on the server already
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
        return self.new_from_template(DEMO_TEMPLATE, language.current_language())

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
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(doc.path or path)),
                                     5000)
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

    # -- the one edit path ------------------------------------------------------------
    def push_edit(self, edit: Edit, text: str | None = None) -> bool:
        """Apply ``edit`` as one undo step (labelled ``text`` when given): every widget's
        edit request ends here. Returns whether it was applied."""
        if self.doc is None:
            return False
        try:
            return commands.push_edit(self.undo_stack, self.doc, edit, text)
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

    # -- recent files ----------------------------------------------------------------
    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for i, f in enumerate(files):
            act = self.recent_menu.addAction(f"&{i + 1} {mnemonic_safe(Path(f).name)}")
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



__all__ = ["RECENT_KEY", "STRUCTURE_TABLES", "tables_of", "DocumentEvents", "DocumentMixin", "forget_recent", "recent_files",
           "remember_recent"]
