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
        self.custom_text = False   # True: a label of its own, not edit_label(edit.label)

    def retranslate(self) -> None:
        """Relabel in the current interface language (a language switch)."""
        if not self.custom_text:
            self.setText(edit_label(self.edit.label))

    def redo(self) -> None:
        self.doc.apply_changes(list(self.edit.changes))

    def undo(self) -> None:
        self.doc.apply_changes(list(self.edit.inverse().changes))


def push_edit(stack: QUndoStack, doc: Document, edit: Edit, text: str | None = None) -> bool:
    """Push ``edit`` as one undo step (which applies it), labelled ``text`` in the
    history when given (else from the edit's own label). Empty edits are dropped.

    Raises DocumentError before anything happens when the document is read-only, so
    a refused edit never lands on the stack. Returns whether something was pushed."""
    if doc.read_only:
        raise DocumentError("this project is open read-only; use Save As to edit a copy")
    if edit.empty:
        return False
    cmd = EditCommand(doc, edit)
    if text is not None:
        cmd.setText(text)
        cmd.custom_text = True
    stack.push(cmd)
    return True


__all__ = ["EditCommand", "push_edit"]
