"""Undo commands: thin QUndoCommand wrappers around model edits.

``QUndoStack.push`` runs ``redo()``, which applies the edit: never apply an edit and
also push it. :func:`push_edit` is the one way the UI changes a document.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from journeymap.model.document import Document, DocumentError
from journeymap.model.edits import Edit
from journeymap.ui.texts import edit_label


class EditCommand(QUndoCommand):
    """One :class:`Edit` on one :class:`Document`, as an undo step."""

    def __init__(self, doc: Document, edit: Edit, parent: QUndoCommand | None = None) -> None:
        super().__init__(edit_label(edit.label), parent)
        self.doc = doc
        self.edit = edit

    def redo(self) -> None:
        self.doc.apply_changes(list(self.edit.changes))

    def undo(self) -> None:
        self.doc.apply_changes(list(self.edit.inverse().changes))


def push_edit(stack: QUndoStack, doc: Document, edit: Edit) -> bool:
    """Push ``edit`` as one undo step (which applies it). Empty edits are dropped.

    Raises DocumentError before anything happens when the document is read-only, so
    a refused edit never lands on the stack. Returns whether something was pushed."""
    if doc.read_only:
        raise DocumentError("this project is open read-only; use Save As to edit a copy")
    if edit.empty:
        return False
    stack.push(EditCommand(doc, edit))
    return True


__all__ = ["EditCommand", "push_edit"]
