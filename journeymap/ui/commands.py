"""Undo commands: thin QUndoCommand wrappers around model edits.

``QUndoStack.push`` runs ``redo()``, which applies the edit: never apply an edit and
also push it. :func:`push_edit` is the one way the UI changes a document.
"""

from __future__ import annotations

from collections.abc import Callable

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

    # Set by the UI to show a failure of an undo/redo run from the stack (Ctrl+Z).
    on_failure: Callable[[DocumentError], None] | None = None

    def redo(self) -> None:
        self._run(self.edit)

    def undo(self) -> None:
        self._run(self.edit.inverse())

    def _run(self, edit: Edit) -> None:
        # An exception cannot cross QUndoStack (C++); a failed commit (disk full, I/O
        # error) leaves the document as it was, so the command leaves the stack (Qt drops
        # obsolete commands) and the error is kept for push_edit or shown by on_failure.
        self.failed: DocumentError | None = None
        try:
            self.doc.apply_changes(list(edit.changes))
        except DocumentError as e:
            self.failed = e
            self.setObsolete(True)
            if EditCommand.on_failure is not None:
                EditCommand.on_failure(e)


def push_edit(stack: QUndoStack, doc: Document, edit: Edit, text: str | None = None) -> bool:
    """Push ``edit`` as one undo step (which applies it), labelled ``text`` in the
    history when given (else from the edit's own label). Empty edits are dropped.

    Raises DocumentError before anything happens when the document is read-only, and
    after the push when the edit could not be committed (disk full, I/O error): in
    both cases nothing changed and nothing is on the stack. Returns whether something
    was pushed."""
    if doc.read_only:
        raise DocumentError("this project is open read-only; use Save As to edit a copy")
    if edit.empty:
        return False
    command = EditCommand(doc, edit)
    if text is not None:
        command.setText(text)
        command.custom_text = True
    handler, EditCommand.on_failure = EditCommand.on_failure, None  # we raise it instead
    try:
        stack.push(command)
    finally:
        EditCommand.on_failure = handler
    if command.failed is not None:
        raise command.failed  # not on the stack: nothing changed
    return True


__all__ = ["EditCommand", "push_edit"]
