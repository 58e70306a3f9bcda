"""The content-language catalogue: every word exists in both languages."""

from __future__ import annotations

import string

import pytest

from journeymap.analysis import content_text as ct


@pytest.mark.parametrize("table", [ct.EXPORT_TEXT, ct.CHART_TEXT, ct.BREAKDOWN_TEXT,
                                   ct.MAP_TEXT, ct.HANDOFF_TEXT, ct.METRIC_TEXT])
def test_both_languages_have_the_same_words_and_placeholders(table):
    assert set(table) == set(ct.LANGUAGES)
    assert set(table["en"]) == set(table["ja"])
    fields = string.Formatter()
    for key, en in table["en"].items():
        ja = table["ja"][key]
        assert ja.strip(), key
        names = [{f for _, f, _, _ in fields.parse(t) if f} for t in (en, ja)]
        assert names[0] == names[1], key


def test_method_appendix_in_both_languages():
    assert len(ct.METHOD_TEXT["en"]) == len(ct.METHOD_TEXT["ja"]) >= 5


def test_language_choice():
    assert ct.content_lang("ja") == "ja"
    assert ct.content_lang("en") == ct.content_lang(None) == ct.content_lang("fr") == "en"
    assert ct.map_text("ja", "emotion") == "感情"
    assert ct.map_text(None, "emotion") == ""   # on screen: the interface's translation
