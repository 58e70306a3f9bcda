"""A map the whole room can read: frozen headers, readable zoom, finding a card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
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
