"""The persona card in a lane header: shown, escaped, redrawn after an edit."""

from __future__ import annotations

import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402

from journeymap.model import edits  # noqa: E402
from journeymap.model.templates import load_template  # noqa: E402
from journeymap.render.persona import PersonaCard  # noqa: E402
from journeymap.render.scene import render_scene_image  # noqa: E402
from tests.render.test_map_scene import _scene, app  # noqa: E402,F401


def _cards(scene, role="engineer"):
    return [i for i in scene.items()
            if isinstance(i, PersonaCard) and i.parentItem().role_id == role]


def test_persona_card_appears_follows_edits_and_escapes_text(app):  # noqa: F811
    store = load_template("b2b-procurement", "en")
    store.apply(edits.clear_persona(store, "engineer").changes)  # start without one
    scene = _scene(app, store, print_mode=True)
    assert _cards(scene) == []
    plain = render_scene_image(scene, 0.5)
    buf = io.BytesIO()
    Image.new("RGB", (30, 30), (200, 0, 0)).save(buf, "PNG")
    e = edits.set_persona(store, "engineer", quote="<b>stop</b> & go", headcount=7,
                          goals=["Uptime"], photo=buf.getvalue())
    store.apply(e.changes)
    scene.refresh(list(e.changes))
    [card] = _cards(scene)
    assert card.pixmap is not None
    assert "&lt;b&gt;stop&lt;/b&gt; &amp; go" in card.toolTip()
    assert "Uptime" in card.toolTip() and "7 people" in card.toolTip()
    # inside its lane header, above the emotion band
    head = card.parentItem()
    assert head.boundingRect().contains(card.mapRectToParent(card.boundingRect()))
    assert render_scene_image(scene, 0.5) != plain
    e = edits.clear_persona(store, "engineer")
    store.apply(e.changes)
    scene.refresh(list(e.changes))
    assert _cards(scene) == []
