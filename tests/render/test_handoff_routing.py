"""Handoffs routed through the gutters; labels that cover no card and no other label."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QLineF, QPointF, QRectF  # noqa: E402

from journeymap.model import edits  # noqa: E402
from journeymap.model.templates import load_template  # noqa: E402
from journeymap.render.qt_bootstrap import ensure_app  # noqa: E402
from journeymap.render.scene import MapScene  # noqa: E402

TEMPLATES = ["b2b-procurement", "benefits-procurement", "self-service-portal"]


@pytest.fixture
def scenes():
    ensure_app()
    made: list[MapScene] = []
    yield made
    import shiboken6

    for s in made:
        if shiboken6.isValid(s):
            shiboken6.delete(s)


def _segment_hits(a: QPointF, b: QPointF, r: QRectF) -> bool:
    """Does segment a–b pass through the inside of rect r?"""
    if r.contains(a) or r.contains(b):
        return True
    edges = [QLineF(r.topLeft(), r.topRight()), QLineF(r.topRight(), r.bottomRight()),
             QLineF(r.bottomRight(), r.bottomLeft()), QLineF(r.bottomLeft(), r.topLeft())]
    seg = QLineF(a, b)
    return any(seg.intersects(e)[0] == QLineF.IntersectionType.BoundedIntersection
               for e in edges)


def check_map(scene: MapScene) -> None:
    cards = {tid: scene.card_rect(tid) for tid in scene.touchpoint_ids()}
    labels = scene.label_rects()
    arrows = scene.arrows()
    assert arrows
    shown = [a for a in arrows.values() if a.label and not a.label_item.left_out]
    assert len(shown) == len([a for a in arrows.values() if a.label])   # none left out
    items = list(labels.items())
    for k, (hid, r) in enumerate(items):
        for other, q in items[k + 1:]:
            assert not r.intersects(q), (hid, other)
        for tid, c in cards.items():
            assert not r.intersects(c), (hid, tid)
    for hid, arrow in arrows.items():
        pts = arrow.points
        assert len(pts) >= 2, hid
        # the route starts at the source's edge and ends at the target's
        assert cards[arrow.source].adjusted(-1, -1, 1, 1).contains(pts[0])
        assert cards[arrow.target].adjusted(-1, -1, 1, 1).contains(pts[-1])
        for a, b in zip(pts, pts[1:], strict=False):
            assert abs(a.x() - b.x()) < 0.01 or abs(a.y() - b.y()) < 0.01   # orthogonal
            for tid, c in cards.items():
                text_area = c.adjusted(3, 3, -3, -3)
                assert not _segment_hits(a, b, text_area), (hid, tid)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.parametrize("print_mode", [False, True])
def test_every_template_routes_handoffs_clear_of_cards_and_labels(scenes, name, lang,
                                                                   print_mode):
    store = load_template(name, lang)
    for journey in store.journeys():
        scene = MapScene(store, journey.id, print_mode=print_mode)
        scenes.append(scene)
        if scene.arrows():
            check_map(scene)


def test_routes_and_labels_follow_an_edit(scenes):
    store = load_template("b2b-procurement", "en")
    j = store.journeys()[0].id
    scene = MapScene(store, j)
    scenes.append(scene)
    tps = store.touchpoints(j)
    src, dst = tps[0], tps[-1]
    e = edits.add_handoff(store, src.id, dst.id, "A long new handoff label")
    store.apply(e.changes)
    scene.refresh(list(e.changes))
    check_map(scene)
    # Renaming a label re-places it, still clear of everything.
    hid = next(h.id for h in store.handoffs(j) if h.label == "A long new handoff label")
    e = edits.set_fields(store, "handoff", hid, label="Short")
    store.apply(e.changes)
    scene.refresh(list(e.changes))
    check_map(scene)
