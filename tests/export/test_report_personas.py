"""Persona pages and the to-be comparison page of the PDF report, in both languages:
read back with pdftotext, rendered with pdftoppm."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from journeymap.export.report_pdf import write_report_pdf
from journeymap.model import edits as E
from journeymap.model.templates import load_template
from tests.export.test_render import non_white_fraction, pdf_info, pdf_text, squeeze


def _project(lang):
    store = load_template("b2b-procurement", lang)
    buf = io.BytesIO()
    Image.new("RGB", (60, 80), (40, 80, 160)).save(buf, "JPEG")
    store.apply(E.set_persona(store, "engineer", photo=buf.getvalue()).changes)
    edit = E.make_to_be(store, store.journeys()[0].id, "To-be")
    store.apply(edit.changes)
    tp = next(t for t in store.touchpoints(edit.subject) if store.pain_points(t.id))
    store.apply(E.set_fields(store, "touchpoint", tp.id, emotion=2).changes)
    store.apply(E.add_stage(store, edit.subject, "Portal first").changes)
    return store, edit.subject, tp


def _page_with(path, words):
    pages = pdf_info(path)[0]
    return next(p for p in range(1, pages + 1) if words in squeeze(pdf_text(path, p)))


@pytest.mark.parametrize("lang, heading, people", [
    ("en", "Personas", "12peopleatthecustomer"), ("ja", "ペルソナ", "顧客側の人数:12人")])
def test_persona_and_to_be_pages(tmp_path, lang, heading, people):
    store, to_be, tp = _project(lang)
    path = write_report_pdf(store, tmp_path / "r.pdf", charts=False)
    page = _page_with(path, heading)
    text = squeeze(pdf_text(path, page))
    engineer = store.get("persona", "engineer")
    assert squeeze(store.role("engineer").name) in text
    assert people in text
    assert squeeze(engineer.goals[0]) in text and squeeze(engineer.criteria[0]) in text
    assert non_white_fraction(path, page) > 0.03  # photo circles and text drawn
    title = "To-becomparedwithas-is" if lang == "en" else "あるべき姿と現状の比較"
    cmp_page = _page_with(path, title)
    cmp_text = squeeze(pdf_text(path, cmp_page))
    assert squeeze(store.stage(tp.stage).name) in cmp_text
    assert "PortalFirst".lower() in cmp_text.lower()
    assert "1of60" in cmp_text or "60件のステージ×役割のうち1件" in cmp_text


def test_a_report_of_a_journey_without_personas_or_to_be_has_neither(tmp_path):
    store = load_template("self-service-portal", "en")
    path = write_report_pdf(store, tmp_path / "r.pdf", charts=False)
    text = squeeze(pdf_text(path))
    assert "Personas" not in text and "To-becompared" not in text


def test_the_pdf_map_of_a_to_be_marks_the_cards_that_differ(tmp_path):
    from journeymap.export.map_pdf import MapDocument, write_map_pdf
    from journeymap.render.changes import ChangeMarker

    store, to_be, tp = _project("en")
    doc = MapDocument(store, to_be)
    try:
        markers = [i for i in doc.scene(to_be).items() if isinstance(i, ChangeMarker)]
        assert {m.parentItem().touchpoint_id for m in markers} == {
            t.id for t in store.touchpoints_in_cell(to_be, tp.role, tp.stage)}
        as_is = store.journeys()[0].id
        assert not [i for i in doc.scene(as_is).items() if isinstance(i, ChangeMarker)]
    finally:
        doc.close()
    path = write_map_pdf(store, tmp_path / "m.pdf", journey=to_be)
    assert "Δ" in pdf_text(path)
