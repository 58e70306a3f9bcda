"""An edit whose commit fails (disk full) is not left on the undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from journeymap.model import edits as E
from journeymap.model.document import Document, DocumentError, write_store_file
from journeymap.model.templates import load_template
from journeymap.ui.commands import EditCommand, push_edit


@pytest.fixture
def doc(tmp_path):
    QApplication.instance() or QApplication([])
    path = tmp_path / "p.jmap"
    write_store_file(load_template("b2b-procurement", "en"), path)
    d = Document.open(path)
    yield d
    d.close()


def fill_working_copy(doc: Document) -> None:
    """SQLite's page limit: the working copy cannot grow, as on a full disk."""
    pages = doc._conn.execute("PRAGMA page_count").fetchone()[0]
    doc._conn.execute(f"PRAGMA max_page_count = {pages}")


def big_card(doc: Document, i: int):  # -> Edit
    s = doc.store
    j = s.journeys()[0].id
    return E.add_touchpoint(s, j, s.lanes(j)[0].role, s.stages(j)[0].id, "x" * 4000 + str(i))


def test_a_failed_push_is_not_on_the_stack(doc):
    stack = QUndoStack()
    push_edit(stack, doc, E.set_fields(doc.store, "project", "project", title="kept"))
    assert stack.count() == 1
    fill_working_copy(doc)
    with pytest.raises(DocumentError, match="disk is full"):
        for i in range(50):
            push_edit(stack, doc, big_card(doc, i))
    count = stack.count()
    assert stack.index() == count  # every command on the stack is one that committed
    assert doc.working_store_from_disk() == doc.store
    stack.undo()  # the last good edit still undoes
    assert stack.index() == count - 1
    assert doc.working_store_from_disk() == doc.store


def test_a_failed_undo_leaves_the_stack_and_is_reported(doc):
    stack = QUndoStack()
    push_edit(stack, doc, E.set_fields(doc.store, "project", "project", title="a"))
    push_edit(stack, doc, E.set_fields(doc.store, "project", "project", title="b"))
    reported: list[DocumentError] = []
    EditCommand.on_failure = reported.append
    try:
        doc._conn.execute("PRAGMA query_only = ON")  # every write now fails
        stack.undo()
    finally:
        EditCommand.on_failure = None
    assert len(reported) == 1 and "Nothing was changed" in str(reported[0])
    assert doc.store.project.title == "b"  # unchanged, and no longer claimed undoable
    assert stack.count() == 1 and stack.index() == 1
    doc._conn.execute("PRAGMA query_only = OFF")
    stack.undo()
    assert stack.index() == 0 and doc.store.project.title not in ("a", "b")
    assert doc.working_store_from_disk() == doc.store


def test_a_failed_undo_in_the_window_shows_one_message_and_leaves_the_stack(
        window, qtbot, message_boxes):
    window.new_from_template("b2b-procurement", "en")
    doc = window.doc
    window.push_edit(E.set_fields(doc.store, "project", "project", title="typed"))
    assert window.undo_stack.count() == 1
    doc._conn.execute("PRAGMA query_only = ON")  # every write now fails, as on a broken disk
    window.undo_stack.undo()                    # Ctrl+Z
    qtbot.waitUntil(lambda: bool(message_boxes.texts("critical")), timeout=2000)
    assert len(message_boxes.texts("critical")) == 1
    assert window.undo_stack.count() == 0       # the failed step is gone
    assert doc.store.project.title == "typed"  # nothing half-done
