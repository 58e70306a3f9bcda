"""Personas in the role inspector, to-be journeys, the comparison and the projected
impact, used as a person would: type, click, undo."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.model.test_personas import bomb_png
from tests.ui.editor_helpers import check_list_item, set_line


def _png(path, size=(40, 40)):
    Image.new("RGB", size, (30, 120, 200)).save(path, "PNG")
    return path


def _show_role(window, role):
    window.tree.select_object("role", role)
    window.inspector.show_object("role", role)
    return window.inspector.editor("role")


def _type_text(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    edit.editing_finished.emit()  # what leaving the field does


def test_persona_typed_in_the_inspector_is_saved_and_undone(window, qtbot, tmp_path):
    window.new_from_template("b2b-procurement", "en")
    store = window.store
    role = store.lane_roles(window.journey_id)[1].id
    store_before = store.snapshot()
    ed = _show_role(window, role)
    _type_text(qtbot, ed.profile, "Heads maintenance at the plant")
    _type_text(qtbot, ed.goals, "No line stops")
    qtbot.keyClick(ed.goals, Qt.Key.Key_Return)
    qtbot.keyClicks(ed.goals, "Spare parts on time")
    ed.goals.editing_finished.emit()
    set_line(qtbot, ed.quote, "If the line stops, I get the call.")
    set_line(qtbot, ed.headcount, "12")
    p = store.get("persona", role)
    assert p.profile == "Heads maintenance at the plant"
    assert p.goals == ("No line stops", "Spare parts on time")
    assert (p.quote, p.headcount) == ("If the line stops, I get the call.", 12)

    # a photo from a file; a fake PNG and a decompression bomb are refused with a message
    assert ed.set_photo_from_file(_png(tmp_path / "face.png"))
    assert store.get("persona", role).photo.startswith(b"\x89PNG")
    assert not ed.photo.pixmap().isNull()
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not a picture" * 20)
    photo = store.get("persona", role).photo
    assert not ed.set_photo_from_file(fake)
    assert "PNG or JPEG" in ed.errors["persona.photo"].text()
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(bomb_png())
    assert not ed.set_photo_from_file(bomb)
    assert "too large" in ed.errors["persona.photo"].text()
    assert "pixels" in ed.errors["persona.photo"].text()
    assert store.get("persona", role).photo == photo  # nothing changed

    # bad headcount: a message, nothing changes
    set_line(qtbot, ed.headcount, "a dozen")
    assert ed.errors["persona.headcount"].text()
    assert store.get("persona", role).headcount == 12

    # undo everything, one step at a time
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert store.snapshot() == store_before
    assert ed.quote.text() == (store.get("persona", role).quote
                               if store.get("persona", role) else "")


def test_make_to_be_edit_compare_and_undo(window, qtbot, message_boxes):
    window.new_from_template("b2b-procurement", "en")
    store = window.store
    as_is = window.journey_id
    n_journeys = len(store.journeys())
    window.to_be_ui.act_make_to_be.trigger()
    to_be = window.journey_id
    assert to_be != as_is
    assert store.journey(to_be).variant_of == as_is
    assert [lane.role for lane in store.lanes(to_be)] == [lane.role for lane in store.lanes(as_is)]

    # edit the to-be: a happier first card with no pain points
    tp = next(t for t in store.touchpoints(to_be) if store.pain_points(t.id))
    window.inspector.show_touchpoints([tp.id])
    from journeymap.model import edits as E
    window.push_edit(E.set_fields(store, "touchpoint", tp.id, emotion=2))
    window.push_edit(E.delete(store, "pain_point", [p.id for p in store.pain_points(tp.id)]))

    panel = window.to_be_ui.comparison
    window.bottom_dock.toggleViewAction().trigger()   # View ▸ Panels (closed at first)
    window.bottom_tabs.setCurrentIndex(window.to_be_ui.comparison_tab)
    qtbot.waitUntil(lambda: panel.comparison is not None, timeout=2000)
    assert (panel.as_is.currentData(), panel.to_be.currentData()) == (as_is, to_be)
    changed = [c for c in panel.comparison.cells if c.changed]
    assert len(changed) == 1
    assert changed[0].to_be.emotion is not None
    assert changed[0].to_be.impact < changed[0].as_is.impact
    assert "1 of" in panel.summary.text()
    row = panel.comparison.cells.index(changed[0])
    assert "→" in panel.table.item(row, 3).text()
    # the canvas marks the cards that differ
    from journeymap.render.changes import ChangeMarker
    qtbot.waitUntil(lambda: any(isinstance(i, ChangeMarker) for i in window.scene.items()),
                    timeout=2000)
    marked = {i.parentItem().touchpoint_id for i in window.scene.items()
              if isinstance(i, ChangeMarker)}
    assert tp.id in marked

    # deleting the as-is: a notice; the to-be stays as a plain journey
    message_boxes.answer = QMessageBox.StandardButton.Yes
    window.tree.delete("journey", as_is)
    assert any("plain journey" in t for t in message_boxes.texts("question"))
    assert store.get("journey", as_is) is None
    assert store.journey(to_be).variant_of is None

    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert len(store.journeys()) == n_journeys


def test_projected_impact_follows_the_chosen_actions(window, qtbot):
    window.new_from_template("b2b-procurement", "en")
    store = window.store
    panel = window.to_be_ui.projection
    window.bottom_dock.toggleViewAction().trigger()   # View ▸ Panels (closed at first)
    window.bottom_tabs.setCurrentIndex(window.to_be_ui.projection_tab)
    qtbot.waitUntil(lambda: panel.projection is not None, timeout=2000)
    default = [a.id for a in store.actions() if a.status in ("planned", "doing")]
    assert panel.chosen() == default
    proj = panel.projection
    assert proj.after <= proj.before
    assert panel.table.rowCount() == len([c for c in proj.cells if c.before > 0])
    # tick every action: more is fixed
    for i in range(panel.actions.count()):
        if panel.actions.item(i).checkState() != Qt.CheckState.Checked:
            check_list_item(qtbot, panel.actions, i)
    assert set(panel.chosen()) == {a.id for a in store.actions()}
    assert panel.projection.after <= proj.after
    assert "fixed" in panel.summary.text()
    grab = panel.grab()
    assert not grab.isNull()


def test_tree_context_menu_makes_a_to_be(window):
    window.new_from_template("blank", "en")
    tree = window.tree
    tree.select_object("journey", window.journey_id)
    menu = tree.context_menu_for(tree.currentItem())
    act = next(a for a in menu.actions() if a.text() == "Make to-be journey")
    act.trigger()
    assert window.store.journey(window.journey_id).variant_of == "journey"




def test_persona_and_to_be_survive_save_and_reopen(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window.new_from_template("b2b-procurement", "ja")
    store = window.store
    ed = _show_role(window, "finance")
    assert ed.set_photo_from_file(_png(tmp_path / "f.png"))
    window.to_be_ui.act_make_to_be.trigger()
    to_be = window.journey_id
    name = store.journey(to_be).name
    assert name.endswith("(to-be)") or name.endswith("（あるべき姿）")
    path = tmp_path / "p.jmap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    assert window.save_as()
    snapshot = {t: dict(store.tables[t]) for t in ("persona", "journey", "stage")}
    window.discard_document()
    assert window.open_path(path)
    reopened = window.store
    for table, rows in snapshot.items():
        assert reopened.tables[table] == rows
    assert reopened.journey(to_be).variant_of is not None
