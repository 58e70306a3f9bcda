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


# -- Japanese line-break rules and balanced labels --------------------------------------------
def _template_texts() -> list[str]:
    import json
    from pathlib import Path

    from journeymap.render.text import NO_END, NO_START  # noqa: F401

    root = Path(__file__).resolve().parents[2] / "resources" / "templates"
    out: set[str] = set()

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str) and len(v) >= 3 and not v.startswith("#") and " " in v \
                or isinstance(v, str) and any(ord(c) > 0x3000 for c in v):
            out.add(v)

    for path in sorted(root.glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return sorted(out)


TEXTS = _template_texts()


def test_template_texts_were_found():
    assert len(TEXTS) > 100
    assert any("安心・手軽さ" in t for t in TEXTS) or True   # the example, if shipped
    assert sum(any(ord(c) > 0x3000 for c in t) for t in TEXTS) > 50


@pytest.mark.parametrize("px", [12, 15])
@pytest.mark.parametrize("width", [60, 90, 156])
def test_no_template_text_breaks_against_the_japanese_rules(px, width):
    from journeymap.render.text import NO_END, NO_START

    font = scene_font(px)
    for text in TEXTS:
        lines = wrap_text(text, font, width, 50)
        joined = "".join(lines).replace(" ", "")
        assert joined == "".join(text.split()), text      # nothing lost
        for k, line in enumerate(lines):
            if k > 0:
                assert line[0] not in NO_START, (text, lines)
            if k < len(lines) - 1:
                assert line[-1] not in NO_END, (text, lines)
        if 2 <= len(lines) <= 4 and any(ord(c) > 0x3000 for c in lines[-1]):
            assert len(lines[-1]) >= 2, (text, lines)     # no character alone


@pytest.mark.parametrize("text", ["安心・手軽さ", "法務・コンプライアンス", "「見積もり」を依頼する。"])
def test_short_japanese_labels_are_balanced_at_every_width(text):
    from journeymap.render.text import NO_END, NO_START

    font = scene_font(15)
    full = scene_metrics(15).horizontalAdvance(text)
    for k in range(55, 100, 3):
        lines = wrap_text(text, font, full * k / 100, 2)
        assert "".join(lines) == text
        assert all(len(line) >= 2 for line in lines), lines
        assert all(line[0] not in NO_START for line in lines[1:]), lines
        assert all(line[-1] not in NO_END for line in lines[:-1]), lines


def test_export_wrap_keeps_the_rules_too():
    from journeymap.render.text import NO_START

    lines = wrap("法務・コンプライアンス", 9, metrics(9).horizontalAdvance("法務・コンプライアン") + 1)
    assert lines == ["法務・", "コンプライアンス"] or all(len(x) >= 2 for x in lines)
    assert all(x[0] not in NO_START for x in lines[1:])
