"""Interface language: complete Japanese translation, switching at run time."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from journeymap.model import edits
from journeymap.ui.controllers import language as i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "journeymap_ja.ts"



def _script():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["update_translations"] = module   # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english(jm_app):
    """Start and end in English, whatever the test switched to."""
    i18n.install_translators("en")
    jm_app.processEvents()
    yield jm_app
    QSettings().setValue("language", "")
    i18n.install_translators("en")
    jm_app.processEvents()


# -- the translation files ---------------------------------------------------------------------
def test_committed_ts_has_a_japanese_translation_for_every_message() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "ja_JP"
    missing = []
    total = 0
    for ctx in root.findall("context"):
        for m in ctx.findall("message"):
            total += 1
            t = m.find("translation")
            texts = [f.text for f in t.findall("numerusform")] if m.get("numerus") == "yes" \
                else [t.text]
            if t.get("type") in ("unfinished", "obsolete", "vanished") or \
                    not all(x and x.strip() for x in texts):
                missing.append((ctx.findtext("name"), m.findtext("source")))
    assert total > 300
    assert missing == [], f"{len(missing)} untranslated: run scripts/update_translations.py"


def test_every_string_in_the_code_is_in_the_committed_ts(tmp_path) -> None:
    """lupdate over the code now (into a temporary .ts) finds nothing the committed
    .ts lacks: a new self.tr string without a Japanese translation fails here."""
    u = _script()
    shutil.copy(u.DICTIONARY, tmp_path / "ja.json")
    report = u.update(ts=tmp_path / "fresh.ts", qm=None, dictionary=tmp_path / "ja.json",
                      learn=False)
    _, fresh = u.read_ts(tmp_path / "fresh.ts")
    _, committed = u.read_ts(TS)
    have = {m.key for m in committed if m.finished}
    new = sorted({m.key for m in fresh} - have)
    assert new == [], "strings missing from journeymap_ja.ts (run " \
        f"scripts/update_translations.py): {new[:20]}"
    assert report.missing == []


def test_the_qm_is_built_from_the_ts() -> None:
    qm = i18n.qm_path("ja")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1


def test_translate_wrappers_are_collected() -> None:
    u = _script()
    found = u.wrapper_messages(u.sources())
    assert ("SurveyDialog", "blank score", False) in found


def test_no_translated_string_hides_in_an_f_string() -> None:
    """lupdate does not look inside f-strings: such a string stays English."""
    u = _script()
    assert u.hidden_calls(u.sources()) == []


# -- switching -------------------------------------------------------------------------------------
def test_translators_follow_the_choice(english) -> None:
    tr = QCoreApplication.translate
    assert tr("MainWindow", "&File") == "&File"
    installed = i18n.install_translators("ja")
    assert len(installed) == 2                      # qtbase_ja and journeymap_ja
    assert tr("MainWindow", "&File") == "ファイル(&F)"
    assert tr("QPlatformTheme", "Cancel") == "キャンセル"
    assert i18n.current_language() == "ja"
    i18n.install_translators("en")
    assert tr("MainWindow", "&File") == "&File"
    assert i18n.resolve("ja") == "ja" and i18n.resolve("") in ("en", "ja")


def _menu_texts(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _all_actions(window) -> dict[str, str]:
    out = {}

    def walk(menu) -> None:
        for a in menu.actions():
            if a.menu() is not None:
                walk(a.menu())
            elif not a.isSeparator():
                out[a.objectName() or a.text()] = a.text()

    for a in window.menuBar().actions():
        if a.menu() is not None:
            walk(a.menu())
    return out


def _switch(qapp, choice: str) -> None:
    i18n.set_language(choice)
    qapp.processEvents()          # LanguageChange reaches every widget


def test_switch_to_japanese_in_place_keeps_document_and_history(
        qtbot, window, qapp, english) -> None:
    w = window
    assert w.new_from_template("b2b-procurement", "en")
    assert _menu_texts(w)[:3] == ["&File", "&Edit", "&View"]
    doc = w.doc
    store = doc.store
    journey = store.journeys()[1].id
    w.set_journey(journey)
    tps = store.touchpoints(journey)
    w.push_edit(edits.set_fields(store, "touchpoint", tps[0].id, title="First"))
    w.push_edit(edits.set_fields(store, "touchpoint", tps[1].id, title="Second"))
    w.push_edit(edits.add_vote(store, "Aiko", "a_order_ack"))
    w.undo_stack.undo()                                     # one undone step to redo later
    snapshot = store.snapshot()
    assert w.is_modified()

    _switch(qapp, "ja")
    assert i18n.current_language() == "ja"
    # the same window, now in Japanese
    assert _menu_texts(w)[:4] == ["ファイル(&F)", "編集(&E)", "表示(&V)", "ジャーニー(&J)"]
    actions = _all_actions(w)
    assert w.act_undo.text().startswith("元に戻す")
    assert w.act_save.text() == "保存(&S)" and w.act_save_as.text().startswith("名前を付けて保存")
    assert actions["actWorkshop"] == "ワークショップモード(&W)"
    assert actions["actSettings"] == "設定(&S)…"
    assert w.tree_dock.windowTitle() == "プロジェクト"
    assert w.bottom_tabs.tabText(0) == "施策"
    assert [a.text() for a in w.language_actions.values() if a.isChecked()] == ["日本語"]
    # nothing lost: same document, rows, journey and history
    assert w.doc is doc and doc.store.snapshot() == snapshot
    assert w.journey_id == journey
    assert w.is_modified() and doc.dirty and w.isWindowModified()
    stack = w.undo_stack
    assert (stack.count(), stack.index()) == (3, 2)
    assert stack.text(0).endswith("を編集")          # labels in the new language
    assert store.vote_count("a_order_ack") == 0
    stack.redo()                                        # the undone vote comes back
    assert store.vote_count("a_order_ack") == 1
    stack.undo()
    stack.undo()
    stack.undo()
    assert store.touchpoint(tps[0].id).title == tps[0].title
    assert not w.is_modified()
    assert store == doc.working_store_from_disk()
    # the workshop mode and the voting panel speak Japanese too
    w.workshop.enter()
    qtbot.waitUntil(w.isFullScreen, timeout=2000)
    assert w.workshop.banner.hint_label.text().startswith("F1：キー一覧")
    assert w.workshop.timer_overlay.start_button.text() == "開始"
    w.workshop.leave()
    qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=2000)
    # and back to English
    _switch(qapp, "en")
    assert _menu_texts(w)[:2] == ["&File", "&Edit"]
    assert w.tree_dock.windowTitle() == "Project"
    assert w.doc is doc and w.undo_stack.count() == 3
    assert stack.text(0).startswith("Edit")


def test_switch_keeps_geometry_docks_tab_and_selection(qtbot, window, qapp, english) -> None:
    w = window
    assert w.new_from_template("b2b-procurement", "en")
    qtbot.waitUntil(lambda: w.scene is not None and bool(w.scene.touchpoint_ids()))
    w.resizeDocks([w.tree_dock], [300], Qt.Orientation.Horizontal)
    w.bottom_dock.toggleViewAction().trigger()   # View ▸ Panels (closed at first)
    qtbot.waitUntil(lambda: w.bottom_dock.height() >= w.bottom_panel_height())  # 8 rows
    w.resizeDocks([w.bottom_dock], [260], Qt.Orientation.Vertical)
    w.bottom_tabs.setCurrentIndex(1)
    tid = w.scene.touchpoint_ids()[2]
    w.scene.select_touchpoints([tid])
    qapp.processEvents()
    before = (w.geometry(), w.tree_dock.width(), w.inspector_dock.width(),
              w.bottom_dock.height(), w.saveState())
    tab = w.bottom_tabs.currentWidget()
    zoom = w.view.transform()
    assert w.inspector.kind == "touchpoint" and w.inspector.current == tid

    _switch(qapp, "ja")
    assert _menu_texts(w)[0] == "ファイル(&F)"
    after = (w.geometry(), w.tree_dock.width(), w.inspector_dock.width(),
             w.bottom_dock.height(), w.saveState())
    assert after == before
    assert w.bottom_tabs.currentWidget() is tab and w.bottom_tabs.currentIndex() == 1
    assert w.scene.selected_touchpoint_ids() == [tid]
    assert (w.inspector.kind, w.inspector.current) == ("touchpoint", tid)
    assert w.view.transform() == zoom
    # the inspector's own labels changed language while it kept the card
    assert w.inspector.editor("touchpoint").title.text() == w.store.touchpoint(tid).title
    assert any(lbl.text() == "タイトル" for lbl in w.inspector.findChildren(QLabel))
    # texts built from data follow too: the ranked list's captions and column names
    ranking = w.analysis_ui.ranking
    assert ranking.actions_table.caption.text() == "<b>優先度順の施策</b>"
    assert ranking.actions_table.model.headerData(0, Qt.Orientation.Horizontal) == "順位"
    assert ranking.summary.text().startswith("施策")


def test_language_menu_switches_at_once(qtbot, window, english) -> None:
    w = window
    assert w.new_from_template("blank", "en")
    doc = w.doc
    view_menu = w.menuBar().actions()[2].menu()
    lang_menu = next(a.menu() for a in view_menu.actions() if a.menu() is not None
                     and "日本語" in [x.text() for x in a.menu().actions()])
    next(a for a in lang_menu.actions() if a.text() == "日本語").trigger()
    qtbot.waitUntil(lambda: _menu_texts(w)[0] == "ファイル(&F)", timeout=3000)
    assert w.doc is doc
    assert [a.text() for a in lang_menu.actions() if a.isChecked()] == ["日本語"]


def test_widgets_retranslate_on_language_change(qtbot, qapp, english) -> None:
    from journeymap.model.voting import VotingRound  # noqa: F401
    from journeymap.ui.workshop.overlays import Countdown, HelpOverlay, TimerOverlay

    timer = TimerOverlay(Countdown([]))
    helpo = HelpOverlay()
    qtbot.addWidget(timer)
    qtbot.addWidget(helpo)
    assert timer.reset_button.text() == "Reset"
    i18n.install_translators("ja")
    qapp.processEvents()                      # LanguageChange is posted to the widgets
    assert timer.reset_button.text() == "リセット"
    assert any(lbl.text() == "ワークショップのキー操作" for lbl in helpo.findChildren(
        type(timer.step_label)))
    i18n.install_translators("en")
    qapp.processEvents()
    assert timer.reset_button.text() == "Reset"


# -- settings dialog --------------------------------------------------------------------------------
def test_settings_dialog_refuses_out_of_range_and_pushes_one_edit(qtbot, window,
                                                                  english) -> None:
    from journeymap.ui.dialogs.settings import SettingsDialog, apply_settings

    w = window
    assert w.new_from_template("b2b-procurement", "en")
    store = w.store
    d = SettingsDialog(store, "", parent=w)
    qtbot.addWidget(d)
    assert d.language.currentData() == "" and d.language.count() == 3
    assert d.vote_weight.text() == "0.5"
    d.vote_weight.setText("12")
    field, err = d.dimension_fields["fulfilment"]
    field.setText("abc")
    revision = store.revision
    d.accept()
    assert d.result() == 0 and store.revision == revision
    assert d.vote_error.isVisibleTo(d) and "Vote weight" in d.vote_error.text()
    assert "0.0" in d.vote_error.text() and "10.0" in d.vote_error.text()
    assert err.isVisibleTo(d) and "number" in err.text()
    d.vote_weight.setText("2")
    field.setText("1,5")                          # a comma works as the decimal mark
    d.dimension_fields["trust"][0].setText("")    # empty: the default
    d.accept()
    assert d.result() == 1
    count = w.undo_stack.count()
    apply_settings(w, d)
    assert w.undo_stack.count() == count + 1
    assert store.vote_weight == 2.0 and store.dimension_weight("fulfilment") == 1.5
    w.undo_stack.undo()
    assert store.vote_weight == 0.5 and store.dimension_weight("fulfilment") == 1.0
    assert d.buttons.button(QDialogButtonBox.StandardButton.Cancel) is not None


def test_switch_keeps_the_saved_point_of_the_history(qtbot, window, qapp, english,
                                                     tmp_path) -> None:
    w = window
    assert w.new_from_template("blank", "en")
    store = w.store
    j = w.journey_id
    w.push_edit(edits.add_stage(store, j, "One"))
    assert w._save_to(tmp_path / "p.jmap")
    w.push_edit(edits.add_stage(store, j, "Two"))
    assert w.is_modified()
    _switch(qapp, "ja")
    stack = w.undo_stack
    assert (stack.count(), stack.index(), stack.cleanIndex()) == (2, 2, 1)
    assert w.is_modified() and w.doc.dirty
    stack.undo()                                  # back at the saved state
    assert not w.is_modified() and [s.name for s in store.stages(j)][-1] == "One"
    stack.redo()
    assert w.is_modified()
    assert w.save() and not w.is_modified()


def test_switch_during_a_workshop_keeps_timer_round_and_mode(qtbot, window, qapp,
                                                             english) -> None:
    from journeymap.model.voting import VotingRound
    from journeymap.ui.workshop.voting import VotingController

    w = window
    assert w.new_from_template("b2b-procurement", "en")
    mode = w.workshop
    mode.enter()
    qtbot.waitUntil(w.isFullScreen, timeout=2000)
    mode.go_to_stage(3)
    mode.countdown.start()
    mode.voting = VotingController(w, mode)
    mode.voting.start_round(VotingRound(["Aiko", "Ben"], dots=3))
    mode.voting.vote("p_ent_wear")
    _switch(qapp, "ja")
    assert w.workshop is mode
    assert mode.active and mode.stage_index == 3 and mode.countdown.running
    assert mode.voting.panel_visible() and mode.voting.round.participants == ["Aiko", "Ben"]
    assert mode.voting.panel.dots_text.text() == "ドット残り 2/3"
    assert mode.timer_overlay.start_button.text() == "一時停止"
    mode.leave()
    assert w.menuBar().isVisible()


def test_one_place_decides_the_language(english) -> None:
    QSettings().setValue("language", "ja")
    assert i18n.chosen_language() == "ja"
    i18n.install_translators()
    assert i18n.current_language() == "ja"
    QSettings().setValue("language", "")
    assert i18n.resolve("") == i18n.system_language()
    i18n.install_translators("en")
    assert i18n.current_language() == "en"


def test_a_text_shared_by_several_messages_takes_its_own_context(qtbot, window, qapp,
                                                                  english) -> None:
    # "施策" translates both "Action" and "Actions"; the bottom tab is the window's
    # "Actions" and must come back as such
    w = window
    _switch(qapp, "ja")
    assert w.bottom_tabs.tabText(0) == "施策"
    _switch(qapp, "en")
    assert w.bottom_tabs.tabText(0) == "Actions"
    assert i18n.translated("施策", w.bottom_tabs) == "Actions"


def _texts(w) -> dict[str, str]:
    """Every text of the window a language switch touches, by a stable key."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QTabWidget

    out = {}
    for i, a in enumerate(w.findChildren(QAction)):
        out[f"action {i} {a.objectName()}"] = (a.text(), a.toolTip(), a.statusTip())
    for i, x in enumerate(w.findChildren(QLabel)):
        out[f"label {i}"] = x.text()
    for i, x in enumerate(w.findChildren(QAbstractButton)):
        out[f"button {i}"] = (x.text(), x.toolTip())
    for i, x in enumerate(w.findChildren(QTabWidget)):
        out[f"tabs {i}"] = [x.tabText(k) for k in range(x.count())]
    return out


@pytest.mark.parametrize("lang, other", [("en", "ja"), ("ja", "en")])
def test_switching_there_and_back_gives_the_same_texts(qtbot, window, qapp, english,
                                                       lang, other) -> None:
    w = window
    _switch(qapp, lang)
    assert w.new_from_template("b2b-procurement", "en")
    qapp.processEvents()
    before = _texts(w)
    _switch(qapp, other)
    changed = _texts(w)
    _switch(qapp, lang)
    after = _texts(w)
    differ = {k: (before[k], after.get(k)) for k in before if before[k] != after.get(k)}
    assert differ == {}
    assert sum(before[k] != changed.get(k) for k in before) > 100   # it did switch
