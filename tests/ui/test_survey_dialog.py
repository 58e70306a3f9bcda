"""Journey ▸ Import Survey Scores…: preview, summary, one undo step, bad files refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journeymap.ui.dialogs.survey import SurveyDialog, guess_columns


@pytest.fixture
def ja_window(window):
    window.new_from_template("b2b-procurement", "ja")
    return window


def _scores(store) -> dict[str, tuple[int, ...]]:
    return {t.id: tuple(t.scores) for t in store.tables["touchpoint"].values()}


def _pairs(store, journey="enterprise") -> dict[str, str]:
    return {r.label: r.touchpoint for r in store.tables["survey_label"].values()
            if r.journey == journey}


def _cp932_csv(tmp_path, store, journey):
    tps = store.touchpoints(journey)
    a, b = tps[0], tps[1]
    rows = ["回答者,タッチポイント,推奨度スコア,コメント",
            f"A,{a.title},9,とても良い",
            f"B,{a.title},７,普通",         # full-width digit, NFKC → 7
            f"C,{b.title},3,遅い",
            f"D,{b.id},10,",               # by id
            "E,存在しない接点,5,",           # unmatched
            f"F,{a.title},,未回答",          # blank score
            f"G,{b.title},11,範囲外"]        # out of range
    path = tmp_path / "survey.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp932"))
    return path, a, b


def test_import_a_cp932_csv_with_preview_then_one_undo(ja_window, qtbot, tmp_path):
    w = ja_window
    store = w.store
    path, a, b = _cp932_csv(tmp_path, store, w.journey_id)
    before = _scores(store)
    dialog = SurveyDialog(store, w.journey_id, w.push_edit, w)
    qtbot.addWidget(dialog)
    assert dialog.load(path)
    assert dialog.table.encoding == "cp932"
    # Combos from the header, guessed sensibly.
    assert [dialog.tp_column.itemText(i) for i in range(dialog.tp_column.count())] == \
        ["回答者", "タッチポイント", "推奨度スコア", "コメント"]
    assert dialog.tp_column.currentText() == "タッチポイント"
    assert dialog.score_column.currentText() == "推奨度スコア"
    # Preview of the first rows.
    assert dialog.preview.rowCount() == 7 and dialog.preview.columnCount() == 4
    assert dialog.preview.item(0, 1).text() == a.title
    # Summary: matched touchpoints with counts, skipped reasons, unmatched names.
    summary = dialog.summary.text()
    assert "4 of 7 rows" in summary and "2 touchpoints" in summary
    assert f"{a.title} (2)" in summary and f"{b.title} (2)" in summary
    assert "存在しない接点" in summary
    assert "blank score 1" in summary and "outside 0–10 1" in summary
    assert dialog.import_button.isEnabled()
    dialog.replace.setChecked(False)
    dialog.import_button.click()
    assert dialog.imported
    assert store.touchpoint(a.id).scores == (*before[a.id], 9, 7)
    assert store.touchpoint(b.id).scores == (*before[b.id], 3, 10)
    # ONE undo removes every imported score.
    w.undo_stack.undo()
    assert _scores(store) == before


def test_replace_mode(ja_window, qtbot, tmp_path):
    w = ja_window
    store = w.store
    path, a, _b = _cp932_csv(tmp_path, store, w.journey_id)
    dialog = SurveyDialog(store, w.journey_id, w.push_edit, w, path=path)
    qtbot.addWidget(dialog)
    dialog.replace.setChecked(True)
    dialog.do_import()
    assert store.touchpoint(a.id).scores == (9, 7)


def test_non_csv_file_gives_one_message_and_changes_nothing(ja_window, qtbot, tmp_path,
                                                            message_boxes):
    w = ja_window
    store = w.store
    before = store.snapshot()
    stack = w.undo_stack.count()
    bad = tmp_path / "picture.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    dialog = SurveyDialog(store, w.journey_id, w.push_edit, w)
    qtbot.addWidget(dialog)
    assert not dialog.load(bad)
    assert len(message_boxes.calls) == 1
    assert "not a CSV" in message_boxes.texts("critical")[0]
    assert not dialog.import_button.isEnabled() and dialog.table is None
    assert store.snapshot() == before and w.undo_stack.count() == stack


@pytest.mark.parametrize("content", [b"", b"name,comment\r\nx,hello\r\ny,world\r\n"])
def test_empty_or_scoreless_file_gives_one_message(ja_window, qtbot, tmp_path, message_boxes,
                                                   content):
    w = ja_window
    path = tmp_path / "s.csv"
    path.write_bytes(content)
    dialog = SurveyDialog(w.store, w.journey_id, w.push_edit, w)
    qtbot.addWidget(dialog)
    assert not dialog.load(path)
    assert len(message_boxes.calls) == 1
    assert not dialog.import_button.isEnabled()


def test_menu_entry_opens_the_dialog(ja_window, monkeypatch):
    w = ja_window
    act = w.analysis_ui.act_survey
    assert act.isEnabled()
    assert any(act in top.menu().actions() for top in w.menuBar().actions() if top.menu())
    seen = []
    monkeypatch.setattr(SurveyDialog, "exec", lambda self: seen.append(self) or 0)
    act.trigger()
    assert seen and seen[0].journey.currentData() == w.journey_id


def test_guess_columns_without_header_words():
    from journeymap.analysis.survey import read_survey

    table = read_survey(b"a,b\r\nfoo,3\r\nbar,9\r\n")
    assert guess_columns(table) == (0, 1)


def test_labels_that_differ_are_paired_by_a_person_then_one_undo(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QComboBox

    window.new_from_template("b2b-procurement", "en")
    w = window
    store = w.store
    path = tmp_path / "s.csv"
    path.write_text("question,score\nDelivery to plant store,3\nDelivery to plant store,9\n"
                    "Tender bid and scoring,10\nCompletely different,5\n", "utf-8")
    before = _scores(store)
    dialog = SurveyDialog(store, "enterprise", w.push_edit, w)
    qtbot.addWidget(dialog)
    assert dialog.load(path)
    assert "1 of 4 rows" in dialog.summary.text()
    # the pairing step lists the two labels, suggestions first, nothing paired yet
    assert dialog.pairs_box.isVisibleTo(dialog) and dialog.pairs.rowCount() == 2
    assert dialog.pairs.item(0, 0).text() == "Delivery to plant store"
    combo = dialog.pairs.cellWidget(0, 1)
    assert isinstance(combo, QComboBox) and combo.currentData() is None
    assert combo.itemData(1) == "t_ent_delivery" and "(suggested)" in combo.itemText(1)
    # the person confirms the suggestion for the first label only
    combo.setCurrentIndex(1)
    assert dialog.mapping == {"Delivery to plant store": "t_ent_delivery"}
    assert "3 of 4 rows" in dialog.summary.text() and "Paired by you: 1" in dialog.summary.text()
    assert dialog.pairs.rowCount() == 2   # the paired label stays, to be changed if wrong
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.imported
    after = _scores(w.store)
    assert after["t_ent_delivery"] == (*before["t_ent_delivery"], 3, 9)
    w.undo_stack.undo()                     # pairing and import: one undo step
    assert _scores(w.store) == before


def test_pairing_to_a_touchpoint_of_another_journey_is_dropped_with_a_notice(window, qtbot,
                                                                             tmp_path):
    window.new_from_template("b2b-procurement", "en")
    path = tmp_path / "s.csv"
    path.write_text("question,score\nDelivery to plant store,3\n", "utf-8")
    dialog = SurveyDialog(window.store, "enterprise", window.push_edit, window)
    qtbot.addWidget(dialog)
    assert dialog.load(path)
    dialog.pairs.cellWidget(0, 1).setCurrentIndex(1)
    dialog.journey.setCurrentIndex(dialog.journey.findData("smb"))
    text = dialog.summary.text()
    assert "Pairings dropped because their touchpoint is gone" in text
    assert "Delivery to plant store" in text


def test_pairings_are_remembered_in_the_file_and_undone_with_the_import(
        window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from journeymap.model import edits

    window.new_from_template("b2b-procurement", "en")
    path = tmp_path / "s.csv"
    path.write_text("question,score\nDelivery to plant store,3\n", "utf-8")
    before = _scores(window.store)
    first = SurveyDialog(window.store, "enterprise", window.push_edit, window)
    qtbot.addWidget(first)
    assert first.load(path)
    first.pairs.cellWidget(0, 1).setCurrentIndex(1)
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    assert first.imported
    assert _pairs(window.store) == {"Delivery to plant store": "t_ent_delivery"}
    window.undo_stack.undo()          # scores and pairing: one undo step
    assert _scores(window.store) == before and _pairs(window.store) == {}
    window.undo_stack.redo()
    assert _pairs(window.store) == {"Delivery to plant store": "t_ent_delivery"}
    # saved, closed and opened again: the next import pairs the label by itself
    project = tmp_path / "client.jmap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(project), "")))
    window.act_save.trigger()
    assert project.exists()
    window.act_close.trigger()
    assert window.open_path(project)
    again = SurveyDialog(window.store, "enterprise", window.push_edit, window)
    qtbot.addWidget(again)
    assert again.load(path)
    assert again.mapping == {"Delivery to plant store": "t_ent_delivery"}
    assert again.pairs.cellWidget(0, 1).currentData() == "t_ent_delivery"
    assert "1 of 1 rows" in again.summary.text()
    # the person un-pairs it: the import forgets the pairing
    again.pairs.cellWidget(0, 1).setCurrentIndex(0)
    assert "0 of 1 rows" in again.summary.text()
    # the card is deleted: its pairing goes with it, and comes back with undo
    window.push_edit(edits.delete(window.store, "touchpoint", ["t_ent_delivery"]))
    assert _pairs(window.store) == {}
    third = SurveyDialog(window.store, "enterprise", window.push_edit, window)
    qtbot.addWidget(third)
    assert third.load(path)
    assert third.mapping == {} and not third.import_button.isEnabled()
    window.undo_stack.undo()
    assert _pairs(window.store) == {"Delivery to plant store": "t_ent_delivery"}


def test_un_pairing_a_remembered_label_forgets_it_with_the_import(window, qtbot, tmp_path):
    window.new_from_template("b2b-procurement", "en")
    path = tmp_path / "s.csv"
    path.write_text("question,score\nDelivery to plant store,3\nTender bid and scoring,8\n",
                    "utf-8")
    first = SurveyDialog(window.store, "enterprise", window.push_edit, window)
    qtbot.addWidget(first)
    assert first.load(path)
    first.pairs.cellWidget(0, 1).setCurrentIndex(1)
    first.do_import()
    second = SurveyDialog(window.store, "enterprise", window.push_edit, window)
    qtbot.addWidget(second)
    assert second.load(path)
    second.pairs.cellWidget(0, 1).setCurrentIndex(0)   # "(leave unmatched)"
    second.do_import()
    assert second.imported
    assert _pairs(window.store) == {}
    window.undo_stack.undo()
    assert _pairs(window.store) == {"Delivery to plant store": "t_ent_delivery"}
