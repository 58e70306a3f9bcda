"""Survey label → touchpoint pairings remembered in the project (schema version 4)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from journeymap.model import edits as E
from journeymap.model.document import Document, DocumentError, check_file, load_store
from journeymap.model.jsonio import JsonFormatError, dumps_project, loads_project, parse_project
from journeymap.model.rows import SurveyLabel, survey_label_id
from journeymap.model.sqlrows import SCHEMA_VERSION


def _pairs(store, journey="soe"):
    return {r.label: r.touchpoint for r in store.tables["survey_label"].values()
            if r.journey == journey}


@pytest.fixture
def paired(small_store):
    store = small_store.copy()
    store.apply(E.remember_survey_labels(
        store, "soe", {"Quote request": "t1", "営業/訪問": "t2"}).changes)
    return store


def test_pairings_survive_the_file(paired, tmp_path):
    doc = Document.new(paired)
    doc.save(tmp_path / "p.jmap")
    doc.close()
    assert check_file(tmp_path / "p.jmap").version == SCHEMA_VERSION == 4
    again = load_store(tmp_path / "p.jmap")
    assert again == paired
    assert _pairs(again) == {"Quote request": "t1", "営業/訪問": "t2"}


def test_pairings_survive_json_export_and_import(paired):
    text = dumps_project(paired)
    data = json.loads(text)
    assert data["journeys"][0]["survey_labels"] == [
        {"label": "Quote request", "touchpoint": "t1"}, {"label": "営業/訪問", "touchpoint": "t2"}]
    again = loads_project(text)
    assert again == paired
    assert dumps_project(again) == text


def test_json_without_pairings_writes_no_field_and_still_imports(small_store, small_json):
    data = json.loads(dumps_project(small_store))
    assert "survey_labels" not in data["journeys"][0]
    assert not parse_project(data).tables["survey_label"]
    v1 = json.loads(small_json.read_text("utf-8"))
    v1["journeys"][0]["survey_labels"] = [{"label": "x", "touchpoint": "t1"}]
    with pytest.raises(JsonFormatError, match=r"survey_labels.*unknown field"):
        parse_project(v1)  # a version-1 file never had the field


@pytest.mark.parametrize("pairs, words", [
    ([{"label": "x", "touchpoint": "gone"}], "survey_labels[0].touchpoint"),
    ([{"label": "x", "touchpoint": "t1"}, {"label": " x ", "touchpoint": "t2"}],
     "survey_labels[1].label"),
    ([{"label": "", "touchpoint": "t1"}], "survey_labels[0]"),
    ([{"label": "x", "touchpoint": "t1", "extra": 1}], "survey_labels[0].extra"),
])
def test_bad_pairings_in_json_are_refused_with_their_path(paired, pairs, words):
    data = json.loads(dumps_project(paired))
    data["journeys"][0]["survey_labels"] = pairs
    with pytest.raises(JsonFormatError) as err:
        parse_project(data)
    assert words in str(err.value)


def test_a_file_pairing_to_a_missing_touchpoint_is_refused(paired, tmp_path):
    path = tmp_path / "p.jmap"
    doc = Document.new(paired)
    doc.save(path)
    doc.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE survey_label SET touchpoint = 'nowhere' WHERE label = 'Quote request'")
    conn.close()
    with pytest.raises(DocumentError, match="survey_label.*touchpoint.*a touchpoint of its "
                                             "journey"):
        Document.open(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE survey_label SET touchpoint = 't1', label = ''")
    conn.close()
    with pytest.raises(DocumentError, match="survey_label.*label"):
        Document.open(path)


def test_deleting_a_touchpoint_forgets_its_pairing_and_undo_brings_it_back(paired):
    before = paired.copy()
    edit = E.delete(paired, "touchpoint", ["t1"])
    paired.apply(edit.changes)
    assert _pairs(paired) == {"営業/訪問": "t2"}
    paired.apply(edit.inverse().changes)
    assert paired == before


def test_deleting_a_journey_forgets_its_pairings_and_undo_brings_them_back(paired):
    before = paired.copy()
    edit = E.delete(paired, "journey", ["soe"])
    paired.apply(edit.changes)
    assert not paired.tables["survey_label"]
    paired.apply(edit.inverse().changes)
    assert paired == before


def test_remembering_checks_its_touchpoints_and_changes_only_what_differs(paired):
    assert E.remember_survey_labels(paired, "soe", {"Quote request": "t1"}).empty
    with pytest.raises(E.EditError, match="no touchpoint 'nope'"):
        E.remember_survey_labels(paired, "soe", {"x": "nope"})
    edit = E.remember_survey_labels(paired, "soe", {"Quote request": "t2"},
                                    forget=["営業/訪問"])
    paired.apply(edit.changes)
    assert _pairs(paired) == {"Quote request": "t2"}
    assert paired.get("survey_label", survey_label_id("soe", "Quote request")) == SurveyLabel(
        survey_label_id("soe", "Quote request"), "soe", "Quote request", "t2")
