"""The Priorities tab: the ranked lists, their breakdowns, and the canvas in both ways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journeymap.analysis.scoring import rank
from journeymap.model import edits
from journeymap.ui.panels.ranking import fmt, formula_text


@pytest.fixture
def panel(window, qtbot):
    window.new_from_template("b2b-procurement", "ja")
    ui = window.analysis_ui
    ui.show_priorities()
    p = ui.ranking
    qtbot.waitUntil(lambda: p.isVisible() and p.ranking is not None and not p._dirty)
    return p


def _ids(table) -> list[str]:
    return [it.id for it in table.model.items]


def test_tab_is_installed_with_accessible_controls(window, panel):
    titles = [window.bottom_tabs.tabText(i) for i in range(window.bottom_tabs.count())]
    assert "Priorities" in titles and "Analyses" in titles
    assert panel.scope.accessibleName() and panel.actions_table.view.accessibleName()
    assert panel.breakdown.accessibleName()


def test_table_shows_the_same_order_as_rank(window, panel):
    store = window.store
    expected = rank(store, window.journey_id, lang="ja")
    assert _ids(panel.actions_table) == [it.id for it in expected.actions]
    assert _ids(panel.pains_table) == [it.id for it in expected.pains]
    model = panel.actions_table.model
    assert [model.data(model.index(r, model.RANK)) for r in range(model.rowCount())] == \
        [it.rank for it in expected.actions]
    # Whole project: the same as rank(store) without a journey.
    panel.set_project_scope(True)
    whole = rank(store, None, lang="ja")
    assert _ids(panel.actions_table) == [it.id for it in whole.actions]
    assert _ids(panel.pains_table) == [it.id for it in whole.pains]


def test_sorting_by_a_column_and_back(panel):
    view, model = panel.pains_table.view, panel.pains_table.model
    before = _ids(panel.pains_table)
    view.sortByColumn(model.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [it.title.casefold() for it in model.items]
    assert titles == sorted(titles)
    view.sortByColumn(model.RANK, Qt.SortOrder.AscendingOrder)
    assert _ids(panel.pains_table) == before


def test_selecting_a_row_shows_every_factor_of_the_breakdown(panel, qtbot):
    for table in (panel.actions_table, panel.pains_table):
        table.view.selectRow(0)
        item = table.model.item(0)
        assert panel.breakdown_item is item
        text = panel.breakdown.toPlainText()
        for f in item.breakdown:
            assert f.source in text
            assert fmt(f.value) in text
            assert panel.factor_name(f) in text
        assert formula_text(item) in text
        assert item.title in text


def test_formula_text_multiplies_out_to_the_priority(panel):
    pain = panel.pains_table.model.item(0)
    formula = formula_text(pain)
    assert formula.count("×") == len(pain.breakdown) - 1
    assert formula.endswith("= " + fmt(pain.priority))
    action = panel.actions_table.model.item(0)
    assert formula_text(action).startswith("(")


def test_editing_severity_through_push_edit_reorders_the_list(window, panel, qtbot):
    store = window.store
    last = panel.pains_table.model.items[-1]
    assert last.rank > panel.pains_table.model.items[0].rank
    edit = edits.set_fields(store, "pain_point", last.id, severity=5, frequency=5)
    assert window.push_edit(edit)
    qtbot.waitUntil(lambda: not panel._dirty and not panel.timer.isActive())
    expected = rank(store, window.journey_id, lang="ja")
    assert _ids(panel.pains_table) == [it.id for it in expected.pains]
    assert _ids(panel.pains_table).index(last.id) < len(expected.pains) - 1
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not panel._dirty and not panel.timer.isActive())
    assert _ids(panel.pains_table)[-1] == last.id


def test_a_burst_of_changes_is_scored_once(window, panel, qtbot, monkeypatch):
    calls = []
    original = panel.refresh_now
    monkeypatch.setattr(panel, "refresh_now", lambda: (calls.append(1), original()))
    panel.timer.timeout.disconnect()
    panel.timer.timeout.connect(panel.refresh_now)
    store = window.store
    for p in list(panel.pains_table.model.items)[:5]:
        window.push_edit(edits.set_fields(store, "pain_point", p.id, frequency=1))
    qtbot.waitUntil(lambda: not panel.timer.isActive())
    assert len(calls) == 1


def test_selecting_a_row_highlights_its_cards(window, panel):
    scene = window.scene
    panel.actions_table.view.selectRow(0)
    item = panel.actions_table.model.item(0)
    assert item.touchpoint_ids
    on_map = [t for t in item.touchpoint_ids if scene.card_item(t) is not None]
    assert on_map and all(scene.card_item(t).highlighted for t in on_map)
    others = [t for t in scene.touchpoint_ids() if t not in item.touchpoint_ids]
    assert not any(scene.card_item(t).highlighted for t in others)
    # The highlighted cards are in view.
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert any(visible.intersects(scene.card_rect(t)) for t in on_map)
    panel.actions_table.view.clearSelection()
    assert not any(scene.card_item(t).highlighted for t in on_map)


def test_selecting_a_card_selects_its_rows(window, panel):
    pain = panel.pains_table.model.items[3]
    tid = pain.touchpoint_ids[0]
    window.scene.select_touchpoints([tid])
    selected = {it.id for t in (panel.actions_table, panel.pains_table)
                for it in t.selected_items()}
    concerned = {it.id for it in panel.ranking.rows if tid in it.touchpoint_ids}
    assert pain.id in selected and selected == concerned
    assert panel.breakdown_item is not None
    window.scene.select_touchpoints([])
    assert not panel.pains_table.selected_items()


def test_empty_project_shows_the_notes_not_a_blank_panel(window, qtbot):
    window.new_from_template("blank", "en")
    ui = window.analysis_ui
    ui.show_priorities()
    p = ui.ranking
    qtbot.waitUntil(lambda: p.ranking is not None and not p._dirty)
    for table in (p.actions_table, p.pains_table):
        assert table.stack.currentWidget() is table.empty
        text = table.empty.text()
        for note in p.ranking.notes:
            assert note in text
    assert p.ranking.notes  # e.g. "no pain points in this journey"


def test_hidden_tab_does_not_score(window, qtbot):
    window.new_from_template("b2b-procurement", "en")
    p = window.analysis_ui.ranking
    assert not p.isVisible()
    window.push_edit(edits.set_fields(window.store, "project", "project", vote_weight=1.0))
    assert p._dirty and not p.timer.isActive()
    window.analysis_ui.show_priorities()
    qtbot.waitUntil(lambda: not p._dirty)
    assert [it.id for it in p.ranking.rows] == [it.id for it in rank(
        window.store, window.journey_id).rows]


def test_marking_an_action_done_moves_it_to_the_done_list_and_undo_brings_it_back(
        window, panel, qtbot):
    store = window.store
    top = panel.actions_table.model.item(0)
    addressed = set(top.pain_ids)
    done_before = _ids(panel.done_table)
    assert window.push_edit(edits.set_fields(store, "action", top.id, status="done"))
    qtbot.waitUntil(lambda: not panel._dirty)
    assert top.id not in _ids(panel.actions_table)
    assert top.id in _ids(panel.done_table)
    assert not addressed & set(_ids(panel.pains_table))  # its pains count as addressed
    model = panel.done_table.model
    assert [model.data(model.index(r, model.RANK)) for r in range(model.rowCount())] == \
        list(range(1, model.rowCount() + 1))
    panel.done_table.view.selectRow(_ids(panel.done_table).index(top.id))
    text = panel.breakdown.toPlainText()
    assert top.title in text and "完了" in text
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not panel._dirty)
    assert _ids(panel.actions_table)[0] == top.id
    assert _ids(panel.done_table) == done_before


def test_status_column_and_sentence_with_rounded_numbers(window, panel, qtbot):
    store = window.store
    item = panel.actions_table.model.item(0)
    window.push_edit(edits.set_fields(store, "action", item.id, status="doing", effort=3))
    qtbot.waitUntil(lambda: not panel._dirty)
    model = panel.actions_table.model
    row = _ids(panel.actions_table).index(item.id)
    assert model.data(model.index(row, model.STATUS)) == "doing"  # interface language: en
    panel.actions_table.view.selectRow(row)
    text = panel.breakdown.toPlainText()
    assert "状態: 実施中" in text and "×1.67" in text and "1.6666" not in text
    ids = {i for t in store.tables.values() for i in t if "_" in i}
    assert not [i for i in ids if i in text]
    assert panel.summary.text().endswith("1 done") or "done" in panel.summary.text()
