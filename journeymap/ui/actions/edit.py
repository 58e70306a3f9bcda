"""Edit menu: undo, redo, clipboard, delete, select all, find (Settings… is added by the settings dialog)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from journeymap.ui.actions.common import make_action, mnemonic_safe

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)



def build(w: MainWindow) -> None:
    from PySide6.QtCore import Qt

    SP = QStyle.StandardPixmap
    K = QKeySequence.StandardKey
    # Our own actions rather than QUndoStack.createUndoAction: that one fixes its "Undo"
    # prefix at creation, and the prefix must follow a language switch.
    w.act_undo = make_action(w, _tr("&Undo"), w.undo_stack.undo, K.Undo, None,
                             SP.SP_ArrowBack)
    w.act_redo = make_action(w, _tr("&Redo"), w.undo_stack.redo, K.Redo, None,
                             SP.SP_ArrowForward)
    stack = w.undo_stack
    for signal in (stack.undoTextChanged, stack.redoTextChanged, stack.canUndoChanged,
                   stack.canRedoChanged):
        signal.connect(lambda *_: sync_undo_actions(w))
    sync_undo_actions(w)
    # Clipboard and selection keys act on the map only when it has the focus, so
    # the same keys keep working in text fields and tables.
    w.act_cut = make_action(w, _tr("Cu&t"), w.cut, K.Cut)
    w.act_copy = make_action(w, _tr("&Copy"), w.copy, K.Copy)
    w.act_paste = make_action(w, _tr("&Paste"), w.paste, K.Paste)
    w.act_delete = make_action(w, _tr("&Delete"), w.delete_selection,
                               [QKeySequence(QKeySequence.StandardKey.Delete),
                                QKeySequence(Qt.Key.Key_Backspace)])
    w.act_select_all = make_action(w, _tr("Select &All"), w.select_all, K.SelectAll)
    for act in (w.act_cut, w.act_copy, w.act_paste, w.act_delete, w.act_select_all):
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        w.view.addAction(act)
    w.act_find = make_action(w, _tr("&Find…"), w.find, K.Find)

    m = w.menuBar().addMenu(_tr("&Edit"))
    m.addAction(w.act_undo)
    m.addAction(w.act_redo)
    m.addSeparator()
    for act in (w.act_cut, w.act_copy, w.act_paste, w.act_delete):
        m.addAction(act)
    m.addSeparator()
    m.addAction(w.act_select_all)
    m.addAction(w.act_find)


def sync_undo_actions(w: MainWindow) -> None:
    """"Undo <step>" / "Redo <step>" in the current language, enabled when possible
    (what QUndoStack's own actions show)."""
    stack = w.undo_stack
    for act, prefix, text, possible in (
            (w.act_undo, _tr("&Undo"), stack.undoText(), stack.canUndo()),
            (w.act_redo, _tr("&Redo"), stack.redoText(), stack.canRedo())):
        act.setText(f"{prefix} {mnemonic_safe(text)}" if text else prefix)
        plain = prefix.replace("&", "")
        keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip((f"{plain} {text}" if text else plain) + (f" ({keys})" if keys else ""))
        act.setEnabled(possible)
