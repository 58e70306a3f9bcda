"""A map the whole room can read: frozen headers, readable zoom, finding a card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from journeymap.model.jsonio import read_json_file
from journeymap.ui.canvas.scene import JourneyScene
from journeymap.ui.canvas.view import READABLE_SCALE, JourneyView

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"
NAMES = sorted(p.name for p in TEMPLATES.glob("*.json") if not p.name.startswith("blank"))


def open_view(qtbot, name: str, size=(1400, 900)):
    store = read_json_file(TEMPLATES / name)
    journey = store.journeys()[0].id
    scene = JourneyScene(store, journey)
    view = JourneyView(scene)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return store, journey, scene, view


@pytest.mark.parametrize("name", NAMES)
def test_headers_stay_pinned_after_scrolling_to_the_far_corner(qtbot, name):
    store, journey, scene, view = open_view(qtbot, name, (900, 600))
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.wait(10)
    pins = view.pinned_headers()
    stages = {p.name: p for p in pins if p.kind == "stage"}
    lanes = {p.name: p for p in pins if p.kind == "lane"}
    last_stage = store.stages(journey)[-1].name
    last_role = store.lane_roles(journey)[-1].name
    first_stage = store.stages(journey)[0].name
    assert last_stage in stages and last_role in lanes
    assert first_stage not in stages          # scrolled off to the left
    vp = view.viewport().rect()
    for p in (stages[last_stage], lanes[last_role]):
        assert p.rect.left() >= 0 and p.rect.top() >= 0
        assert p.rect.right() <= vp.width() + 1 and p.rect.bottom() <= vp.height() + 1
    # The pinned header row is drawn on screen: header colour at the top edge, role
    # colour stripe at the left edge of the last lane.
    image = view.viewport().grab().toImage()
    r = stages[last_stage].rect
    assert QColor(image.pixel(int(r.left()) + 3, int(r.top()) + 3)) == scene.theme.header_bg
    lane = lanes[last_role]
    role_color = QColor(store.lane_roles(journey)[-1].color)
    assert QColor(image.pixel(2, int(lane.rect.center().y()))).name() == role_color.name()


def test_headers_are_not_pinned_when_the_map_shows_its_own(qtbot):
    _, _, _, view = open_view(qtbot, "b2b-procurement.en.json")
    view.horizontalScrollBar().setValue(0)
    view.verticalScrollBar().setValue(0)
    assert view.pinned_headers() == []


def test_reveal_scrolls_to_a_card_and_zooms_in_to_readable(qtbot):
    store, journey, scene, view = open_view(qtbot, "b2b-procurement.en.json", (800, 500))
    view.scale_factor = 0.2
    tid = scene.touchpoint_ids()[-1]
    assert view.reveal(tid)
    assert view.scale_factor >= READABLE_SCALE
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.card_rect(tid).center())
    view.scale_factor = 1.3
    view.centerOn(QPointF(0, 0))
    assert view.reveal(tid)
    assert view.scale_factor == pytest.approx(1.3)    # never zooms out
    assert not view.reveal("no-such-card")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", [(1400, 900), (900, 520)])
def test_at_fit_zoom_every_card_title_is_drawn_at_a_readable_size(qtbot, name, size):
    _, _, scene, view = open_view(qtbot, name, size)
    view.zoom_to_fit()
    view.viewport().grab()            # paint every card at this zoom
    cards = scene.cards()
    assert cards
    for tid, card in cards.items():
        px, lines = card.drawn_title
        assert px >= card.min_title_px, (tid, px, view.scale_factor)
        assert lines and lines[0].strip(), tid       # never an empty box


def test_window_fixes_ampersand_toolbar_search(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QToolButton

    from journeymap.model import edits

    assert window.new_from_template("benefits-procurement", "en")
    # Undo/redo are icons in the tool bar; their label is in the tooltip.
    button = window.toolbar.widgetForAction(window.act_undo)
    assert isinstance(button, QToolButton)
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    store = window.store
    j = window.journey_id
    window.push_edit(edits.set_fields(store, "journey", j, name="Ease & peace of mind"))
    assert window.act_undo.toolTip().startswith("Undo ")
    width = button.sizeHint().width()
    window.push_edit(edits.set_fields(store, "journey", j, name="A much longer journey name"))
    assert button.sizeHint().width() == width                # the tool bar does not jump
    # Names from the data keep their ampersand in menus.
    window.undo_stack.undo()
    window.fill_switch_menu()
    texts = [a.text() for a in window.switch_menu.actions()]
    assert "Ease && peace of mind" in texts
    # Ctrl+Shift+F shows the filter bar with the cursor in the search field.
    window.activateWindow()
    window.act_filter.trigger()
    qtbot.waitUntil(lambda: window.filter_bar.isVisible())
    assert QApplication.focusWidget() is window.filter_bar.search or \
        window.filter_bar.search.hasFocus() or window.focusWidget() is window.filter_bar.search
    qtbot.keyClicks(window.filter_bar.search, "quote")
    # A new project does not inherit the search.
    window.discard_document()
    assert window.new_from_template("b2b-procurement", "en")
    assert window.filter_bar.search.text() == ""


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_default_layout_gives_the_canvas_most_of_the_window(qtbot, jm_app, message_boxes, size):
    from PySide6.QtCore import QSettings

    from journeymap.ui.main_window import MainWindow

    QSettings().clear()
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.new_from_template("b2b-procurement", "en")
    qtbot.wait(50)
    vp = w.view.viewport()
    # Measured: 68 % at 1366×768, 75 % at 1920×1080 (side panels in one tabbed column,
    # no bottom panel at first).
    share = 0.65 if size[1] < 900 else 0.70
    assert vp.width() * vp.height() >= share * size[0] * size[1]
    assert not w.bottom_dock.isVisible()
    assert w.dockWidgetArea(w.tree_dock) == w.dockWidgetArea(w.inspector_dock)
    assert w.tree_dock in w.tabifiedDockWidgets(w.inspector_dock)
    # At fit zoom the map uses most of the canvas's width (the height allows it).
    w.view.zoom_to_fit()
    qtbot.wait(20)
    on_screen = w.view.mapFromScene(w.scene.map_rect()).boundingRect()
    assert on_screen.width() >= 0.85 * vp.width()
    # The bottom panel, opened, shows at least eight table rows.
    w.bottom_dock.show()
    table = w.action_panel.table
    qtbot.waitUntil(lambda: table.viewport().height()
                    >= 8 * table.verticalHeader().defaultSectionSize(), timeout=2000)
    # The layout is remembered for the next window.
    w.save_settings()
    w.discard_document()
    w.close()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    w2.resize(*size)
    w2.show()
    assert w2.new_from_template("b2b-procurement", "en")
    qtbot.wait(50)
    assert w2.bottom_dock.isVisible()
    w2.discard_document()


def test_help_shortcuts_quick_syntax_guide_and_legend(qtbot, window):
    from PySide6.QtCore import Qt

    from journeymap.ui.actions.help import user_guide_path

    assert window.new_from_template("b2b-procurement", "en")
    # F1 everywhere: a table of every shortcut, menus and canvas keys.
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "shortcuts_dialog", None) is not None
                    and window.shortcuts_dialog.isVisible())
    table = window.shortcuts_dialog.table
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Zoom to Fit"] == "Ctrl+9" and rows["Keyboard Shortcuts"] == "F1"
    assert "Draw a handoff to another card" in rows
    window.shortcuts_dialog.close()
    # Quick-add syntax with examples.
    window.act_quick_syntax.trigger()
    from PySide6.QtWidgets import QTextBrowser

    browser = window.quick_syntax_dialog.findChild(QTextBrowser)
    assert "#human" in browser.toPlainText() and "?No answer:4" in browser.toPlainText()
    window.quick_syntax_dialog.close()
    # The user guide, from the packaged copy, with its screenshots.
    window.act_user_guide.trigger()
    guide = window.user_guide_dialog.browser
    assert "Workshop mode" in guide.toPlainText()
    assert user_guide_path("en").is_file() and user_guide_path("ja").is_file()
    for lang in ("en", "ja"):
        for line in user_guide_path(lang).read_text(encoding="utf-8").splitlines():
            if line.startswith("!["):
                image = line.split("](", 1)[1].rstrip(")")
                assert (user_guide_path(lang).parent / image).is_file(), image
    window.user_guide_dialog.close()
    # The legend toggles on the canvas.
    window.act_legend.trigger()
    assert window.view.legend.isVisible()
    assert window.view.viewport().rect().contains(window.view.legend.geometry())
    window.act_legend.trigger()
    assert not window.view.legend.isVisible()


def test_packaged_user_guides_match_the_docs():
    from journeymap.ui.actions.help import user_guide_path

    docs = Path(__file__).resolve().parents[2] / "docs"
    assert user_guide_path("en").read_text(encoding="utf-8") == \
        (docs / "user-guide.md").read_text(encoding="utf-8"), "copy docs/user-guide.md"
    assert user_guide_path("ja").read_text(encoding="utf-8") == \
        (docs / "user-guide.ja.md").read_text(encoding="utf-8"), "copy docs/user-guide.ja.md"


def test_start_screen_single_click_selects_and_open_opens(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from journeymap.ui.panels.start_screen import StartScreen

    a, b = tmp_path / "a.jmap", tmp_path / "b.jmap"
    a.write_bytes(b"x")
    b.write_bytes(b"x")
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    screen.set_recent([str(a), str(b)])
    opened: list[str] = []
    screen.open_path_requested.connect(opened.append)
    assert not screen.open_recent_button.isEnabled()
    rect = screen.recent.visualItemRect(screen.recent.item(1))
    QTest.mouseClick(screen.recent.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier(0), rect.center())
    assert opened == [] and screen.open_recent_button.isEnabled()     # selected, not opened
    screen.open_recent_button.click()
    assert opened == [str(b)]
    # Entries are spaced apart; the language headings are not greyed out.
    r0 = screen.recent.visualItemRect(screen.recent.item(0))
    assert rect.top() - r0.bottom() >= 4


def test_edit_where_they_look_headers_and_new_card(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    assert window.new_from_template("b2b-procurement", "en")
    store, j, scene, view = window.store, window.journey_id, window.scene, window.view
    view.zoom_reset()
    stage = store.stages(j)[1]
    rect = scene.layout().stage_header_rect(stage.id)
    view.ensureVisible(QRectF(rect.x, rect.y, rect.w, rect.h), 10, 10)
    qtbot.wait(10)
    pos = view.mapFromScene(QPointF(rect.x + rect.w / 2, rect.y + rect.h / 2))
    # A click on a stage header selects it (the inspector shows it).
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), pos)
    assert window.inspector.kind == "stage" and window.inspector.current == stage.id
    # A double-click renames it in place; one undo step.
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), pos)
    editor = view.inline_editor
    assert editor is not None and editor.text() == stage.name
    editor.selectAll()
    qtbot.keyClicks(editor, "Shortlist")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert store.stage(stage.id).name == "Shortlist"
    window.undo_stack.undo()
    assert store.stage(stage.id).name == stage.name
    # A double-click on an empty cell: type the new card's title on the map.
    role = store.lane_roles(j)[2].id
    empty = next(s.id for s in store.stages(j)
                 if not store.touchpoints_in_cell(j, role, s.id))
    cell = scene.cell_rect(role, empty)
    view.ensureVisible(cell, 10, 10)
    qtbot.wait(10)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0),
                      view.mapFromScene(cell.center()))
    editor = view.inline_editor
    assert editor is not None and editor.hasFocus()
    card_slot = scene.layout().card_rect(role, empty, 0)
    assert editor.geometry().intersects(view.mapFromScene(
        QRectF(card_slot.x, card_slot.y, card_slot.w, card_slot.h)).boundingRect())
    qtbot.keyClicks(editor, "Asks for a sample")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    cards = store.touchpoints_in_cell(j, role, empty)
    assert [c.title for c in cards] == ["Asks for a sample"]
    assert scene.card_item(cards[0].id) is not None
    window.undo_stack.undo()
    assert not store.touchpoints_in_cell(j, role, empty)
