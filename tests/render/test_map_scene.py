"""The display-only map scene: what exports and the editor draw."""

from __future__ import annotations

import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from journeymap.model import edits  # noqa: E402
from journeymap.model.templates import load_template  # noqa: E402
from journeymap.render import items as render_items  # noqa: E402
from journeymap.render.cards import CardItem  # noqa: E402
from journeymap.render.qt_bootstrap import ensure_app  # noqa: E402
from journeymap.render.scene import MapScene, render_scene_image  # noqa: E402
from journeymap.render.theme import emotion_color, severity_color  # noqa: E402


@pytest.fixture
def app():
    app = ensure_app()
    scenes: list[MapScene] = []
    yield scenes
    import shiboken6

    for s in scenes:
        if shiboken6.isValid(s):
            shiboken6.delete(s)
    del app


def _scene(holder: list, store, journey=None, **kw) -> MapScene:
    scene = MapScene(store, journey or store.journeys()[0].id, **kw)
    holder.append(scene)
    return scene


def _image(scene: MapScene) -> QImage:
    return render_scene_image(scene, 0.5)


def test_print_scene_draws_like_the_editor_in_print_mode(app):
    # "what is printed is what the workshop saw": the export's display scene and the
    # editor's scene produce the same picture
    from journeymap.ui.canvas.scene import JourneyScene

    store = load_template("b2b-procurement", "ja")
    a = _scene(app, store, print_mode=True)
    b = JourneyScene(store, store.journeys()[0].id, print_mode=True)
    app.append(b)
    assert a.map_rect() == b.map_rect()
    assert _image(a) == _image(b)


def test_refresh_redraws_an_edited_card(app):
    store = load_template("b2b-procurement", "en")
    scene = _scene(app, store, print_mode=True)
    tid = scene.touchpoint_ids()[0]
    e = edits.set_fields(store, "touchpoint", tid, title="Renamed in the store")
    store.apply(e.changes)
    scene.refresh(list(e.changes))
    assert scene.card_item(tid).data.title == "Renamed in the store"
    e = edits.delete(store, "touchpoint", [tid])
    store.apply(e.changes)
    scene.refresh(list(e.changes))
    assert scene.card_item(tid) is None and tid not in scene.touchpoint_ids()


def test_a_failing_paint_is_logged_once_and_never_reaches_qt(app, caplog, monkeypatch):
    store = load_template("b2b-procurement", "en")
    scene = _scene(app, store, print_mode=True)
    monkeypatch.setattr(render_items, "_reported", set())
    card = scene.card_item(scene.touchpoint_ids()[0])
    card.data = None   # paint() now fails on its first attribute access
    with caplog.at_level(logging.ERROR, logger="journeymap.render.items"):
        first, second = _image(scene), _image(scene)
    failures = [r for r in caplog.records if "CardItem" in r.getMessage()]
    assert len(failures) == 1 and failures[0].exc_info is not None
    assert not first.isNull() and first == second   # the rest of the map was drawn


def test_out_of_range_values_draw_with_the_nearest_colour(app):
    # a bad value from a damaged file must not become a KeyError inside paint()
    assert severity_color(9) == severity_color(5) and severity_color(-1) == severity_color(1)
    assert emotion_color(7.0) == emotion_color(2) and emotion_color(-3.4) == emotion_color(-2)
    store = load_template("b2b-procurement", "en")
    scene = _scene(app, store, print_mode=True)
    card = scene.card_item(scene.touchpoint_ids()[0])
    assert isinstance(card, CardItem)
    card.data = card.data.__class__(card.data.title, "unknown-channel", 9, (0, 12),
                                    "not a colour")
    image = QImage(400, 200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 400, 200), scene.card_rect(card.touchpoint_id))
    painter.end()
    assert any(image.pixelColor(x, y) != QColor("#ffffff")
               for x in range(0, 400, 7) for y in range(0, 200, 7))


def test_printed_map_speaks_the_export_language(app):
    store = load_template("b2b-procurement", "en")
    ja = _scene(app, store, print_mode=True, lang="ja")
    en = _scene(app, store, print_mode=True, lang="en")
    lane_ja = next(i for i in ja.items() if isinstance(i, render_items.LaneHeader))
    lane_en = next(i for i in en.items() if isinstance(i, render_items.LaneHeader))
    assert (lane_ja.emotion_text, lane_en.emotion_text) == ("感情", "Emotion")
