"""One change path: every edit goes through commands.push_edit (one undo step), and the
document's one change signal brings every panel and the canvas up to date."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from journeymap.model import edits
from journeymap.model.validation import ValidationError
from journeymap.ui import commands
from journeymap.ui.controllers import language
from journeymap.ui.texts import error_text


@pytest.fixture
def pushes(monkeypatch):
    """Every call of the one edit function, recorded (and passed on)."""
    calls = []
    real = commands.push_edit

    def spy(stack, doc, edit, text=None):
        calls.append((edit.label, text))
        return real(stack, doc, edit, text)

    monkeypatch.setattr(commands, "push_edit", spy)
    return calls


def _tree_texts(tree) -> list[str]:
    out = []

    def walk(item) -> None:
        out.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out


def _ranked_titles(panel) -> list[str]:
    model = panel.pains_table.model
    return [model.item(r).title for r in range(model.rowCount())]


def test_one_edit_updates_tree_inspector_ranking_and_canvas(qtbot, window, pushes) -> None:
    w = window
    assert w.new_from_template("b2b-procurement", "en")
    store = w.store
    seen = []
    w.events.changed.connect(lambda changes: seen.append([c.table for c in changes]))
    ranking = w.analysis_ui.ranking
    w.bottom_dock.toggleViewAction().trigger()   # View ▸ Panels (closed at first)
    w.bottom_tabs.setCurrentWidget(ranking)
    qtbot.waitUntil(lambda: bool(_ranked_titles(ranking)), timeout=3000)

    # a role, shown in the inspector and the tree
    role = store.roles()[0]
    w.inspector.show_object("role", role.id)
    assert w.push_edit(edits.set_fields(store, "role", role.id, name="Chief Buyer"))
    assert seen == [["role"]]                           # one signal, the changed rows
    assert "Chief Buyer" in _tree_texts(w.tree)
    assert w.inspector.editor("role").name.text() == "Chief Buyer"
    assert "Chief Buyer" in [getattr(i, "name", None) for i in w.scene.items()]  # lane header

    # a pain point (one of the ranked unaddressed ones): its card's inspector table and
    # the ranked list
    pain = store.pain_point(ranking.pains_table.model.item(0).id)
    tp = store.touchpoint(pain.touchpoint)
    w.scene.select_touchpoints([tp.id])
    assert w.push_edit(edits.set_fields(store, "pain_point", pain.id, title="Lost invoice"))
    editor = w.inspector.editor("touchpoint")
    assert editor.pains.item(editor.pain_ids().index(pain.id), 0).text() == "Lost invoice"
    qtbot.waitUntil(lambda: "Lost invoice" in _ranked_titles(ranking), timeout=3000)

    # undo takes the same way back
    w.undo_stack.undo()
    assert seen[-1] == ["pain_point"]
    assert editor.pains.item(editor.pain_ids().index(pain.id), 0).text() == pain.title
    qtbot.waitUntil(lambda: pain.title in _ranked_titles(ranking), timeout=3000)
    w.undo_stack.undo()
    assert role.name in _tree_texts(w.tree) and "Chief Buyer" not in _tree_texts(w.tree)
    assert [label for label, _ in pushes] == ["Edit name", "Edit title"]


def test_votes_are_undoable_through_the_one_edit_path(qtbot, window, pushes) -> None:
    from journeymap.model.voting import VotingRound
    from journeymap.ui.workshop.voting import VotingController

    w = window
    assert w.new_from_template("b2b-procurement", "en")
    store = w.store
    before = store.vote_count("p_ent_wear")
    voting = VotingController(w)
    voting.start_round(VotingRound(["Aiko"], dots=3))
    count = w.undo_stack.count()
    assert voting.vote("p_ent_wear")
    assert pushes[-1] == (pushes[-1][0], "Vote of Aiko")
    assert w.undo_stack.count() == count + 1 and w.undo_stack.text(count) == "Vote of Aiko"
    assert store.vote_count("p_ent_wear") == before + 1
    w.undo_stack.undo()
    assert store.vote_count("p_ent_wear") == before


def test_settings_are_undoable_through_the_one_edit_path(qtbot, window, pushes) -> None:
    from journeymap.ui.dialogs.settings import SettingsDialog, apply_settings

    w = window
    assert w.new_from_template("b2b-procurement", "en")
    store = w.store
    d = SettingsDialog(store, language.chosen_language(), parent=w)
    qtbot.addWidget(d)
    d.vote_weight.setText("3")
    d.accept()
    assert apply_settings(w, d)
    assert pushes == [("Project settings", "Project settings")]
    assert store.vote_weight == 3.0 and w.undo_stack.undoText() == "Project settings"
    w.undo_stack.undo()
    assert store.vote_weight == 0.5


def test_validation_errors_are_translated_by_code(qapp) -> None:
    """A structured error (code and params) is shown from its code; one without a code
    falls back to its English message."""
    err = ValidationError("severity", "English text the UI does not read")
    err.code, err.params = "out_of_range", {"lo": 1, "hi": 5, "value": "9"}
    plain = ValidationError("severity", "something the model said")
    try:
        language.install_translators("en")
        assert error_text(err) == "Severity must be from 1 to 5 (not 9)"
        assert error_text(plain) == "Severity something the model said"
        language.install_translators("ja")
        assert error_text(err) == "深刻度：1〜5 で指定してください（9 は不可）"
        assert error_text(plain) == "深刻度：something the model said"
        err.code, err.params = "too_long", {"length": 12000, "limit": 10000}
        assert error_text(err) == "深刻度：長すぎます（12,000 文字、最大 10,000 文字）"
        err.code = "unknown_code"              # a code the UI does not know: the message
        assert error_text(err).endswith("English text the UI does not read")
    finally:
        language.install_translators("en")
        QApplication.processEvents()
