"""The editor window end to end: template → cards → inspector → matrix → actions → undo."""

from __future__ import annotations

import json
import sys

from editor_helpers import check_list_item, click_card, set_line, type_in_cell
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from journeymap.model import edits
from journeymap.ui.main_window import MIME_TOUCHPOINTS


def _cell(store, journey):
    role = store.lane_roles(journey)[0].id
    stage = store.stages(journey)[1].id
    return role, stage


def test_start_screen_then_demo_in_one_click(window, qtbot):
    assert window.doc is None
    assert window.pages.currentWidget() is window.start_screen
    assert not window.act_save.isEnabled()
    qtbot.mouseClick(window.start_screen.demo_button, Qt.MouseButton.LeftButton)
    assert window.doc is not None
    assert window.pages.currentWidget() is window.editor_page
    assert window.store.project.title  # b2b-procurement
    assert len(window.store.journeys()) == 2
    assert window.scene.touchpoint_ids()
    assert "[*]" in window.windowTitle() and not window.isWindowModified()


def test_new_from_template_button_in_japanese(window, qtbot):
    qtbot.mouseClick(window.start_screen.template_buttons[("b2b-procurement", "ja")],
                     Qt.MouseButton.LeftButton)
    assert window.store.project.language == "ja"
    names = [r.name for r in window.store.roles()]
    assert any(ord(ch) > 0x3000 for n in names for ch in n)


def test_end_to_end_edits_then_undo_and_redo_everything(window, qtbot, message_boxes):
    window.new_from_template("b2b-procurement", "en")
    doc, store = window.doc, window.doc.store
    journey = window.journey_id
    before = store.snapshot()
    role, stage = _cell(store, journey)
    in_cell = {t.id for t in store.touchpoints_in_cell(journey, role, stage)}

    # 1. quick add two cards by typing + Enter
    window.quick_add.set_cell(role, stage)
    line = window.quick_add.line
    line.setFocus()
    qtbot.keyClicks(line, "Asks for a delivery date #human !-1 ?No answer for days:4")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == ""
    qtbot.keyClicks(line, "Checks the portal")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    new = [t for t in store.touchpoints_in_cell(journey, role, stage) if t.id not in in_cell]
    assert [t.title for t in new] == ["Asks for a delivery date", "Checks the portal"]
    assert (new[0].channel, new[0].emotion) == ("human", -1)
    [pain] = store.pain_points(new[0].id)
    assert (pain.title, pain.severity) == ("No answer for days", 4)

    # 2. select the first card on the canvas and edit it in the inspector
    click_card(qtbot, window, new[0].id)
    assert window.scene.selected_touchpoint_ids() == [new[0].id]
    insp = window.inspector
    assert insp.kind == "touchpoint" and insp.current == new[0].id
    set_line(qtbot, insp.editor("touchpoint").title, "Asks when the parts arrive")
    assert store.touchpoint(new[0].id).title == "Asks when the parts arrive"

    # 3. an invalid severity is refused with a message; nothing changes
    snapshot = store.snapshot()
    count = window.undo_stack.count()
    type_in_cell(qtbot, insp.editor("touchpoint").pains, 0, 1, "9")
    assert store.snapshot() == snapshot
    assert window.undo_stack.count() == count
    err = insp.errors["pain_point"]
    assert "Severity" in err.text() and "1" in err.text(), err.text()
    assert err.isVisible()
    assert insp.editor("touchpoint").pains.item(0, 1).text() == "4"

    # 4. influence matrix: type a weight
    matrix = window.show_influence_matrix()
    qtbot.addWidget(matrix)
    r = [x.id for x in store.lane_roles(journey)].index(role)
    c = [x.id for x in store.stages(journey)].index(stage)
    old_weight = store.influence_at(journey, role, stage)
    target = 0 if old_weight else 1
    matrix.grid.setCurrentCell(r, c)
    qtbot.keyClick(matrix.grid, str(target))
    assert store.influence_at(journey, role, stage) == target
    matrix.close()

    # 5. an action, linked to the new pain point
    panel = window.action_panel
    window.bottom_dock.toggleViewAction().trigger()   # View ▸ Panels (closed at first)
    n_actions = len(store.actions())
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert len(store.actions()) == n_actions + 1
    aid = store.actions()[-1].id
    assert panel.current_action() == aid
    type_in_cell(qtbot, panel.table, panel.table.currentRow(), 0, "Show delivery dates online")
    assert store.action(aid).title == "Show delivery dates online"
    row = [panel.links.item(i).data(Qt.ItemDataRole.UserRole)
           for i in range(panel.links.count())].index(pain.id)
    check_list_item(qtbot, panel.links, row)
    assert store.addressed_pains(aid) == [pain.id]
    assert window.isWindowModified()
    after = store.snapshot()

    # 6. undo everything, redo everything
    assert "Link action" in window.act_undo.text()
    while window.undo_stack.canUndo():
        window.act_undo.trigger()
    assert store.snapshot() == before
    assert doc.working_store_from_disk() == store
    assert not window.isWindowModified()
    while window.undo_stack.canRedo():
        window.act_redo.trigger()
    assert store.snapshot() == after
    assert doc.working_store_from_disk() == store
    assert message_boxes.calls == []


def test_copy_paste_cut_delete_select_all(window, qtbot):
    window.new_from_template("b2b-procurement", "en")
    store, journey = window.store, window.journey_id
    tid = window.scene.touchpoint_ids()[0]
    click_card(qtbot, window, tid)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME_TOUCHPOINTS)
    assert json.loads(bytes(mime.data(MIME_TOUCHPOINTS).data()))[0]["title"] == \
        store.touchpoint(tid).title
    n = len(store.touchpoints(journey))
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(store.touchpoints(journey)) == n + 1
    [pasted] = window.scene.selected_touchpoint_ids()
    src = store.touchpoint(tid)
    assert (store.touchpoint(pasted).title, store.touchpoint(pasted).stage) == (src.title,
                                                                                src.stage)
    assert len(store.pain_points(pasted)) == len(store.pain_points(tid))
    # Delete key on the map deletes the selection; the same key in a text field does not
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert store.get("touchpoint", pasted) is None
    window.act_select_all.trigger()
    assert len(window.scene.selected_touchpoint_ids()) == n
    # plain text lines paste as one card each
    window.scene.select_touchpoints([])
    window.quick_add.set_cell(*_cell(store, journey))
    QGuiApplication.clipboard().setText("First idea\nSecond idea\n")
    window.act_paste.trigger()
    assert len(store.touchpoints(journey)) == n + 2


def test_delete_stage_asks_and_moves_cards(window, qtbot, monkeypatch):
    window.new_from_template("b2b-procurement", "en")
    store, journey = window.store, window.journey_id
    stages = store.stages(journey)
    doomed = next(s for s in stages if any(t.stage == s.id for t in store.touchpoints(journey)))
    target = next(s for s in stages if s.id != doomed.id)
    cards = [t.id for t in store.touchpoints(journey) if t.stage == doomed.id]
    asked = []
    monkeypatch.setattr(window.tree, "choose_rehome",
                        lambda kind, id, n, targets: asked.append((kind, n)) or (True, target.id))
    window.tree.select_object("stage", doomed.id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert asked == [("stage", len(cards))]
    assert store.get("stage", doomed.id) is None
    assert all(store.touchpoint(t).stage == target.id for t in cards)
    window.act_undo.trigger()
    assert store.get("stage", doomed.id) is not None
    assert all(store.touchpoint(t).stage == doomed.id for t in cards)


def test_tree_context_menu_has_the_operations(window):
    window.new_from_template("blank", "en")
    tree = window.tree
    tree.select_object("role", "buyer")
    texts = [a.text() for a in tree.context_menu_for(tree.currentItem()).actions()]
    for expected in ("Add role…", "Rename…", "Change colour…", "Move up", "Move down",
                     "Delete…"):
        assert expected in texts


def test_add_stage_role_journey_from_menus(window, monkeypatch):
    window.new_from_template("blank", "en")
    store = window.store
    names = iter(["Evaluation", "Finance", "Small firms"])
    monkeypatch.setattr("journeymap.ui.panels.project_tree.QInputDialog.getText",
                        lambda *a, **k: (next(names), True))
    window.act_add_stage.trigger()
    window.act_add_role.trigger()
    window.act_add_journey.trigger()
    assert store.stages("journey")[-1].name == "Evaluation"
    assert store.lane_roles("journey")[-1].name == "Finance"
    assert [j.name for j in store.journeys()][-1] == "Small firms"
    assert window.journey_id == store.journeys()[-1].id  # switched to the new journey
    assert [s.name for s in store.stages(window.journey_id)][-1] == "Evaluation"


def test_close_with_unsaved_changes_asks(window, monkeypatch):
    window.new_from_template("blank", "en")
    doc = window.doc
    window.push_edit(edits.add_touchpoint(doc.store, "journey", "buyer", "stage1", "Call"))
    assert window.isWindowModified()
    answers = []
    monkeypatch.setattr(window, "ask_save_changes",
                        lambda: answers.append(1) or QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.doc is doc and answers == [1]
    monkeypatch.setattr(window, "ask_save_changes",
                        lambda: QMessageBox.StandardButton.Discard)
    window.act_close.trigger()
    assert window.doc is None
    assert not doc.folder.exists()  # the working copy is gone
    assert window.pages.currentWidget() is window.start_screen


def test_exception_hook_shows_dialog_and_document_is_intact(window, message_boxes):
    from journeymap.ui.app import excepthook

    window.new_from_template("blank", "en")
    window.push_edit(edits.add_touchpoint(window.store, "journey", "buyer", "stage1", "Call"))
    snapshot = window.store.snapshot()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        excepthook(*sys.exc_info())
    [(kind, title, text)] = message_boxes.calls
    assert kind == "exec" and "boom" in text
    assert window.store.snapshot() == snapshot
    assert window.doc.working_store_from_disk() == window.store
    window.act_undo.trigger()  # still usable
    assert window.store.snapshot() != snapshot


def test_filter_bar_search_counts_and_steps(window, qtbot):
    window.new_from_template("b2b-procurement", "en")
    store = window.store
    window.act_find.trigger()
    bar = window.filter_bar
    assert bar.isVisible() and bar.search.hasFocus()
    word = store.touchpoints(window.journey_id)[0].title.split()[0]
    qtbot.keyClicks(bar.search, word)
    assert bar.matches
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert window.scene.selected_touchpoint_ids() == [bar.matches[0]]
    assert bar.count.text() == f"1 / {len(bar.matches)}"
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    qtbot.keyClick(bar.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.selected_touchpoint_ids() == [bar.matches[0]]
    bar.severity.setCurrentIndex(5)  # severity ≥ 5
    qtbot.keyClick(bar.search, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not window.act_filter.isChecked()


def test_switch_journey_updates_panels(window):
    window.new_from_template("b2b-procurement", "en")
    second = window.store.journeys()[1].id
    window.act_next_journey.trigger()
    assert window.journey_id == second
    assert window.scene.journey_id == second
    assert window.quick_add.journey == second


def test_plug_in_points(window):
    extra = QWidget()
    index = window.add_bottom_tab(extra, "Ranked list")
    assert window.bottom_tabs.widget(index) is extra
    act = QAction("CSV…", window)
    window.add_export_action(act)
    assert act in window.export_menu.actions() and not act.isEnabled()
    window.new_from_template("blank", "en")
    assert act.isEnabled()


def test_drop_a_jmap_file_opens_it(window, qtbot, tmp_path):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    from journeymap.model.document import write_store_file
    from journeymap.model.templates import load_template

    path = tmp_path / "dropped.jmap"
    write_store_file(load_template("blank", "ja"), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.doc is not None)
    assert window.doc.path == path.resolve()


def test_card_title_edit_relabels_its_pain_points_in_the_action_panel(window):
    from journeymap.model import edits

    assert window.new_from_template("b2b-procurement", "en")
    store = window.store
    panel = window.action_panel
    QApplication.processEvents()  # the list is filled right after the file is drawn
    tp = next(t for t in store.touchpoints(window.journey_id) if store.pain_points(t.id))
    pain = store.pain_points(tp.id)[0]
    window.push_edit(edits.set_fields(store, "touchpoint", tp.id, title="Renamed card"))
    texts = {panel.links.item(i).data(Qt.ItemDataRole.UserRole): panel.links.item(i).text()
             for i in range(panel.links.count())}
    assert "Renamed card" in texts[pain.id]
    assert sum("Renamed card" in t for t in texts.values()) == len(store.pain_points(tp.id))
