"""Interface language: Qt translators, the user's choice, switching at run time.

The language is ``en`` or ``ja``. The choice lives in QSettings under ``language``
(``""`` = follow the system, the default). :func:`install_translators` loads Qt's own
``qtbase_ja.qm`` (from PySide6's translations folder, when present) and journeymap's
``resources/translations/journeymap_ja.qm``.

Switching at run time (:func:`set_language`): the translators are replaced, which sends
every widget a ``LanguageChange`` event — widgets that retranslate themselves in
``changeEvent`` (workshop overlays, voting panel, …) do so. A main window that has a
``retranslate_ui()`` method is asked to retranslate; any other main window is rebuilt:
a new window of the same class takes over the same :class:`Document` (never closed,
never saved, so unsaved changes stay), its undo history (every step, the undone ones
too, and the clean state), the journey shown, the dock layout, the geometry and the
zoom; then the old window goes away.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from journeymap.assets import translations_dir
from journeymap.model import edits as model_edits
from journeymap.model.edits import Edit
from journeymap.ui.commands import EditCommand

LANGUAGES = ("en", "ja")
SETTINGS_KEY = "language"
TRANSLATIONS_DIR = translations_dir()

_installed: list[QTranslator] = []
_language: str | None = None
_live_windows: list[QMainWindow] = []   # rebuilt windows, kept alive until closed


# -- which language ------------------------------------------------------------------------
def system_language() -> str:
    """``ja`` when the system locale is Japanese, else ``en``."""
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def chosen_language() -> str:
    """The user's choice: ``""`` (system), ``en`` or ``ja``."""
    value = QSettings().value(SETTINGS_KEY, "", str)
    return value if value in LANGUAGES else ""


def resolve(choice: str) -> str:
    return choice if choice in LANGUAGES else system_language()


def current_language() -> str:
    """The language the interface is in now."""
    return _language if _language is not None else resolve(chosen_language())


def qm_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"journeymap_{lang}.qm"


# -- translators ----------------------------------------------------------------------------
def _remove_all() -> None:
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    # Translators installed at start by journeymap.ui.app (before this module took over).
    try:
        from journeymap.ui import app as app_module
    except ImportError:  # pragma: no cover
        return
    others = getattr(app_module, "_translators", None)
    if isinstance(others, list):
        for t in others:
            QCoreApplication.removeTranslator(t)
        others.clear()


def install_translators(lang: str | None = None) -> list[QTranslator]:
    """Install the translators of ``lang`` (default: the chosen or system language),
    replacing any installed before. English needs none. Returns those installed."""
    global _language
    app = QCoreApplication.instance()
    lang = resolve(lang if lang is not None else chosen_language())
    _remove_all()
    _language = lang
    if app is None or lang == "en":
        return []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{lang}", qt_dir):
        QCoreApplication.installTranslator(base)
        _installed.append(base)
    ours = QTranslator(app)
    if ours.load(f"journeymap_{lang}", str(TRANSLATIONS_DIR)):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    return list(_installed)


# -- undo history transfer ------------------------------------------------------------------------
@dataclass
class _Step:
    edit: Edit
    text: str
    custom_text: bool


@dataclass
class _History:
    steps: list[_Step]
    index: int
    clean: int


def _edit_of(cmd: QUndoCommand) -> Edit | None:
    edit = getattr(cmd, "edit", None)
    if isinstance(edit, Edit):
        return edit
    n = cmd.childCount()
    if n == 0:
        return None
    parts = [_edit_of(cmd.child(i)) for i in range(n)]
    if any(p is None for p in parts):
        return None
    return model_edits.combine(cmd.text(), [p for p in parts if p is not None])


def capture_history(stack: QUndoStack) -> _History | None:
    """The stack's steps as edits (None when a step is not an edit command)."""
    from journeymap.ui.texts import edit_label

    steps = []
    for i in range(stack.count()):
        cmd = stack.command(i)
        edit = _edit_of(cmd)
        if edit is None:
            return None
        steps.append(_Step(edit, cmd.text(), cmd.text() != edit_label(edit.label)))
    return _History(steps, stack.index(), stack.cleanIndex())


class _AdoptedCommand(EditCommand):
    """A step taken over from another window's stack: its changes are already in the
    document (done steps) or already undone (steps after the index), so the first
    redo (on push) and, for undone steps, the first undo (on setIndex) do nothing."""

    def __init__(self, doc, edit: Edit, text: str | None, undone: bool) -> None:  # noqa: ANN001
        super().__init__(doc, edit)
        if text is not None:
            self.setText(text)
        self._skip_redo = True
        self._skip_undo = undone

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        super().redo()

    def undo(self) -> None:
        if self._skip_undo:
            self._skip_undo = False
            return
        super().undo()


def adopt_history(stack: QUndoStack, doc, history: _History) -> None:  # noqa: ANN001
    """Fill an empty ``stack`` with ``history`` without touching ``doc``."""
    if history.clean == 0:
        stack.setClean()
    for i, step in enumerate(history.steps):
        stack.push(_AdoptedCommand(doc, step.edit, step.text if step.custom_text else None,
                                   undone=i >= history.index))
        if history.clean == i + 1:
            stack.setClean()
    stack.setIndex(history.index)
    for i in range(stack.count()):
        cmd = stack.command(i)
        if isinstance(cmd, _AdoptedCommand):
            # Done steps were never "redone" here; from now on both directions are real.
            cmd._skip_redo = False


# -- switching -------------------------------------------------------------------------------------
def main_windows() -> list[QMainWindow]:
    from journeymap.ui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and not w.property("journeymap_replaced")]


@dataclass
class _WindowState:
    window: QMainWindow
    history: _History | None


def set_language(choice: str, windows: list[QMainWindow] | None = None) -> list[QMainWindow]:
    """Remember ``choice`` (``""``, ``en``, ``ja``), install its translators and bring
    the open main windows into the new language. Returns the main windows afterwards
    (rebuilt ones replace the old in the list)."""
    choice = choice if choice in LANGUAGES else ""
    QSettings().setValue(SETTINGS_KEY, choice)
    wins = main_windows() if windows is None else list(windows)
    states = [_WindowState(w, capture_history(w.undo_stack)  # type: ignore[attr-defined]
                           if getattr(w, "undo_stack", None) is not None else None)
              for w in wins]
    install_translators(choice)
    out = []
    for st in states:
        w = st.window
        if hasattr(w, "retranslate_ui"):
            w.retranslate_ui()  # type: ignore[attr-defined]
            out.append(w)
        elif getattr(w, "doc", None) is not None and st.history is None:
            # A step we cannot carry over: keep the window (nothing is lost); the rest
            # of it changes language at the next start.
            status = w.statusBar()
            status.showMessage(QCoreApplication.translate(
                "i18n", "Some menus change language the next time journeymap starts."), 8000)
            out.append(w)
        else:
            out.append(rebuild_window(w, st.history))
    return out


def request_language(choice: str) -> None:
    """:func:`set_language` once the current event (a menu click) is over."""
    QTimer.singleShot(0, lambda: set_language(choice))


def rebuild_window(old: QMainWindow, history: _History | None = None) -> QMainWindow:
    """A new window of ``old``'s class in the current language, holding ``old``'s
    document, undo history, journey, layout and zoom; ``old`` is closed."""
    workshop = getattr(old, "workshop", None)
    was_active = bool(workshop is not None and getattr(workshop, "active", False))
    voting = getattr(workshop, "voting", None)
    voting_shown = bool(voting is not None and voting.panel_visible())
    if was_active:
        workshop.leave()
    doc = getattr(old, "doc", None)
    stack: QUndoStack | None = getattr(old, "undo_stack", None)
    if history is None and stack is not None:
        history = capture_history(stack)
    geometry = old.saveGeometry()
    window_state = old.windowState()
    editor = getattr(old, "editor_page", None)
    pages = getattr(old, "pages", None)
    in_editor = pages is not None and pages.currentWidget() is editor
    dock_state = old.saveState() if in_editor else getattr(old, "_dock_state", None)
    journey = getattr(old, "journey_id", None)
    view = getattr(old, "view", None)
    transform = view.transform() if view is not None else None
    scroll = ((view.horizontalScrollBar().value(), view.verticalScrollBar().value())
              if view is not None else None)
    base_dirty = getattr(old, "_base_dirty", False)

    new = type(old)()
    new.restoreGeometry(geometry)
    if doc is not None:
        # Detach the document from the old window without closing it.
        doc.remove_listener(old._on_changes)  # type: ignore[attr-defined]
        old.doc = None  # type: ignore[attr-defined]
        if view is not None:
            view.setScene(None)
        if stack is not None:
            stack.clear()
        was_dirty = doc.dirty
        new.set_document(doc)  # type: ignore[attr-defined]
        new._base_dirty = base_dirty  # type: ignore[attr-defined]
        if history is not None:
            adopt_history(new.undo_stack, doc, history)  # type: ignore[attr-defined]
        # Replaying passes through the clean index, where the window marks the document
        # clean; the working copy must stay marked as it was (crash recovery reads it).
        if doc.dirty != was_dirty:
            doc._set_dirty(was_dirty)
        if journey is not None and journey != new.journey_id:  # type: ignore[attr-defined]
            new.set_journey(journey)  # type: ignore[attr-defined]
        new._update_title()  # type: ignore[attr-defined]
    if dock_state is not None:
        if doc is not None:
            new.restoreState(dock_state)
        else:
            new._dock_state = dock_state  # type: ignore[attr-defined]
    old.setProperty("journeymap_replaced", True)
    _live_windows.append(new)
    new.destroyed.connect(lambda *_: _forget(new))
    new.setWindowState(window_state)
    if old.isVisible():
        new.show()
    new_view = getattr(new, "view", None)
    if doc is not None and new_view is not None and transform is not None:
        def restore_zoom() -> None:  # after the window's own initial zoom
            new_view.setTransform(transform)
            if scroll is not None:
                new_view.horizontalScrollBar().setValue(scroll[0])
                new_view.verticalScrollBar().setValue(scroll[1])

        restore_zoom()
        QTimer.singleShot(0, restore_zoom)
    _carry_workshop(workshop, getattr(new, "workshop", None), was_active, voting_shown)
    old.close()
    old.deleteLater()
    if old in _live_windows:
        _live_windows.remove(old)
    return new


def _carry_workshop(old, new, active: bool, voting_shown: bool) -> None:  # noqa: ANN001
    """The timer (running or not), the stage and the voting round go along; workshop
    mode is entered again when it was on."""
    if old is None or new is None:
        return
    new.countdown = old.countdown
    new.stage_index = old.stage_index
    rnd = getattr(getattr(old, "voting", None), "round", None)
    if active and getattr(new.window, "doc", None) is not None:
        new.enter()
        new.go_to_stage(old.stage_index)
    if rnd is not None:
        from journeymap.ui.voting import VotingController

        new.voting = VotingController(new.window, new)
        new.voting.round = rnd
        if active and voting_shown:
            new.voting.show_panel()


def _forget(window: QMainWindow) -> None:
    try:
        _live_windows.remove(window)
    except ValueError:
        pass


__all__ = ["LANGUAGES", "TRANSLATIONS_DIR", "adopt_history", "capture_history",
           "chosen_language", "current_language", "install_translators", "qm_path",
           "rebuild_window", "request_language", "resolve", "set_language",
           "system_language"]
