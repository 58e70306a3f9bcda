"""The inspector: every change is one undoable edit; invalid values are refused."""

from __future__ import annotations

import pytest
from editor_helpers import set_line, type_in_cell
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from journeymap.model import edits
from journeymap.model.document import Document
from journeymap.model.templates import load_template
from journeymap.ui.commands import push_edit
from journeymap.ui.inspector import Inspector, parse_scores


@pytest.fixture
def setup(qtbot, jm_app):
    doc = Document.new(load_template("blank", "en"))
    stack = QUndoStack()
    insp = Inspector()
    qtbot.addWidget(insp)
    insp.resize(460, 900)
    insp.set_store(doc.store)
    insp.edit_requested.connect(lambda e: push_edit(stack, doc, e))
    doc.add_listener(lambda _changes: insp.refresh())
    e = edits.add_touchpoint(doc.store, "journey", "buyer", "stage1", "Call the supplier",
                             pain_points=[{"title": "Nobody answers", "severity": 4}])
    push_edit(stack, doc, e)
    insp.show()
    insp.activateWindow()
    insp.show_object("touchpoint", e.subject)
    yield doc, stack, insp, e.subject
    doc.close()


def test_title_edit_and_undo_updates_the_editor(setup, qtbot):
    doc, stack, insp, tid = setup
    set_line(qtbot, insp.editor("touchpoint").title, "Phone the supplier")
    assert doc.store.touchpoint(tid).title == "Phone the supplier"
    assert stack.undoText() == "Edit Title"
    stack.undo()
    assert insp.editor("touchpoint").title.text() == "Call the supplier"
    stack.redo()
    assert insp.editor("touchpoint").title.text() == "Phone the supplier"


def test_empty_title_refused_with_reason(setup, qtbot):
    doc, stack, insp, tid = setup
    n = stack.count()
    set_line(qtbot, insp.editor("touchpoint").title, "")
    insp.editor("touchpoint").title.clear()
    qtbot.keyClick(insp.editor("touchpoint").title, Qt.Key.Key_Return)
    assert doc.store.touchpoint(tid).title == "Call the supplier"
    assert stack.count() == n
    assert "Title must not be empty" in insp.errors["touchpoint.title"].text()


def test_invalid_severity_refused_model_unchanged(setup, qtbot):
    doc, stack, insp, tid = setup
    snapshot = doc.store.snapshot()
    type_in_cell(qtbot, insp.editor("touchpoint").pains, 0, 1, "7")
    assert doc.store.snapshot() == snapshot
    err = insp.errors["pain_point"]
    assert err.isVisible()
    assert err.text() == "Severity must be from 1 to 5 (not 7)"
    type_in_cell(qtbot, insp.editor("touchpoint").pains, 0, 1, "high")
    assert "whole number from 1 to 5" in err.text()
    assert doc.store.snapshot() == snapshot
    type_in_cell(qtbot, insp.editor("touchpoint").pains, 0, 1, "2")
    assert doc.store.pain_points(tid)[0].severity == 2
    assert not err.isVisible()


def test_channel_emotion_scores_and_metrics(setup, qtbot):
    doc, stack, insp, tid = setup
    insp.editor("touchpoint").channel.setCurrentIndex(insp.editor("touchpoint").channel.findData("human"))
    insp.editor("touchpoint").channel.activated.emit(insp.editor("touchpoint").channel.currentIndex())
    insp.editor("touchpoint").emotion.setCurrentIndex(insp.editor("touchpoint").emotion.findData(-2))
    insp.editor("touchpoint").emotion.activated.emit(insp.editor("touchpoint").emotion.currentIndex())
    set_line(qtbot, insp.editor("touchpoint").scores, "9, 6,10")
    tp = doc.store.touchpoint(tid)
    assert (tp.channel, tp.emotion, tp.scores) == ("human", -2, (9, 6, 10))
    set_line(qtbot, insp.editor("touchpoint").scores, "9, 11")
    assert "Survey scores (2) must be from 0 to 10" in insp.errors["touchpoint.scores"].text()
    set_line(qtbot, insp.editor("touchpoint").scores, "9, many")
    assert insp.errors["touchpoint.scores"].isVisible()
    assert doc.store.touchpoint(tid).scores == (9, 6, 10)
    # metrics table: add a row, name it, give it a value
    insp.editor("touchpoint").add_metric()
    type_in_cell(qtbot, insp.editor("touchpoint").metrics, 0, 0, "fulfilment rate")
    type_in_cell(qtbot, insp.editor("touchpoint").metrics, 0, 1, "93.5")
    type_in_cell(qtbot, insp.editor("touchpoint").metrics, 0, 2, "%")
    [m] = doc.store.touchpoint(tid).metrics
    assert (m.name, m.value, m.unit) == ("fulfilment rate", 93.5, "%")
    type_in_cell(qtbot, insp.editor("touchpoint").metrics, 0, 1, "lots")
    assert insp.errors["touchpoint.metrics"].isVisible()
    assert doc.store.touchpoint(tid).metrics[0].value == 93.5
    for _ in range(7):  # channel, emotion, scores, add metric, name, value, unit
        stack.undo()
    tp = doc.store.touchpoint(tid)
    assert (tp.channel, tp.emotion, tp.scores, tp.metrics) == ("digital", None, (), ())
    assert insp.editor("touchpoint").emotion.currentData() is None


def test_add_edit_delete_pain_points(setup, qtbot):
    doc, stack, insp, tid = setup
    insp.editor("touchpoint").add_pain()
    pains = doc.store.pain_points(tid)
    assert len(pains) == 2 and insp.editor("touchpoint").pains.rowCount() == 2
    type_in_cell(qtbot, insp.editor("touchpoint").pains, 1, 0, "Invoice on paper")
    type_in_cell(qtbot, insp.editor("touchpoint").pains, 1, 4, "3 of 5 interviews")
    combo = insp.editor("touchpoint").pains.cellWidget(1, 3)
    combo.setCurrentIndex(combo.findData("price"))
    combo.activated.emit(combo.currentIndex())
    p = doc.store.pain_points(tid)[1]
    assert (p.title, p.evidence, p.dimension) == ("Invoice on paper", "3 of 5 interviews",
                                                  "price")
    insp.editor("touchpoint").pains.selectRow(0)
    insp.editor("touchpoint").delete_pains()
    assert [x.title for x in doc.store.pain_points(tid)] == ["Invoice on paper"]
    stack.undo()
    assert len(doc.store.pain_points(tid)) == 2


def test_role_stage_and_action_pages(setup, qtbot):
    doc, stack, insp, tid = setup
    insp.show_object("role", "buyer")
    set_line(qtbot, insp.editor("role").name, "Purchasing head")
    insp.editor("role").influence.setCurrentIndex(insp.editor("role").influence.findData(5))
    insp.editor("role").influence.activated.emit(insp.editor("role").influence.currentIndex())
    role = doc.store.role("buyer")
    assert (role.name, role.default_influence) == ("Purchasing head", 5)
    insp.show_object("stage", "stage2")
    set_line(qtbot, insp.editor("stage").name, "Tender")
    insp.editor("stage").phase.setCurrentIndex(insp.editor("stage").phase.findData(None))
    insp.editor("stage").phase.activated.emit(insp.editor("stage").phase.currentIndex())
    assert (doc.store.stage("stage2").name, doc.store.stage("stage2").phase) == ("Tender", None)
    e = edits.add_action(doc.store, "Answer within a day")
    push_edit(stack, doc, e)
    insp.show_object("action", e.subject)
    set_line(qtbot, insp.editor("action").due, "2027-13-01")
    assert "YYYY-MM-DD" in insp.errors["action.due"].text()
    set_line(qtbot, insp.editor("action").due, "2027-03-31")
    set_line(qtbot, insp.editor("action").owner, "Sales ops")
    a = doc.store.action(e.subject)
    assert (a.due, a.owner) == ("2027-03-31", "Sales ops")
    # the shown object disappears (undo of its creation): the inspector empties
    while stack.canUndo():
        stack.undo()
    assert insp.kind is None


def test_multi_selection_and_parse_scores(setup):
    doc, stack, insp, tid = setup
    insp.show_touchpoints([tid, tid + "x"])
    assert "2 cards selected" in insp.empty.text()
    assert parse_scores(" 9, 6 ,10 ") == (9, 6, 10)
    assert parse_scores("") == ()
    assert parse_scores("9、8") == (9, 8)
    assert parse_scores("nine") is None


def test_journey_segment_and_project_properties_are_editable(setup, qtbot):
    doc, stack, insp, _tid = setup
    insp.show_object("journey", "journey")
    set_line(qtbot, insp.editor("journey").segment, "Large SOE")
    assert doc.store.journey("journey").segment == "Large SOE"
    insp.show_object("project", "project")
    set_line(qtbot, insp.editor("project").client, "Sample KK")
    assert doc.store.project.client == "Sample KK"
    insp.editor("project").language.setCurrentIndex(insp.editor("project").language.findData("ja"))
    insp.editor("project").language.activated.emit(insp.editor("project").language.currentIndex())
    assert doc.store.project.language == "ja"
    set_line(qtbot, insp.editor("project").title, "   ")  # a title may be blank, never refused silently
    stack.undo()
    stack.undo()
    stack.undo()
    assert doc.store.project.client == "" and doc.store.project.language == "en"
    assert insp.editor("project").client.text() == ""
