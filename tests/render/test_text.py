"""The one line breaker, for map items (scene pixels) and export pages (points)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from journeymap.render.fonts import metrics, scene_font, scene_metrics  # noqa: E402
from journeymap.render.qt_bootstrap import ensure_app  # noqa: E402
from journeymap.render.text import line_spans, wrap, wrap_text  # noqa: E402


@pytest.fixture(autouse=True)
def app():
    yield ensure_app()


def test_card_titles_wrap_within_the_width_and_elide_the_last_line():
    text = "Request a quote for the stainless flange and wait for the answer " * 3
    font = scene_font(15)
    lines = wrap_text(text, font, 156, 3)
    assert len(lines) == 3
    assert all(scene_metrics(15).horizontalAdvance(line) <= 156 + 0.5 for line in lines)
    assert lines[-1].endswith("…")
    assert wrap_text("  short   title ", font, 156, 3) == ["short title"]
    assert wrap_text("", font, 156, 3) == []


def test_japanese_breaks_anywhere_and_keeps_every_character():
    text = "サプライヤーの事前審査に必要な書類を集めて提出する"
    lines = wrap_text(text, scene_font(15), 90, 10)
    assert len(lines) > 1 and "".join(lines) == text


def test_export_wrap_keeps_newlines_and_measures_in_points():
    lines = wrap("first line\n\nthird " + "word " * 40, 9, 120)
    assert lines[:2] == ["first line", ""]
    assert len(lines) > 3
    assert all(metrics(9).horizontalAdvance(line) <= 120 + 0.5 for line in lines)
    capped = wrap("word " * 200, 9, 120, max_lines=2)
    assert len(capped) == 2 and capped[-1].endswith("…")


def test_spans_count_characters_not_utf16_units():
    text = "😀 emoji before a long run of words that has to wrap somewhere"
    spans = line_spans(text, scene_font(15), 120)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b for a, b in spans)
