"""The quick-add line parser (pure Python)."""

from __future__ import annotations

import pytest

from journeymap.model import edits
from journeymap.model.quick_syntax import (
    QuickPain,
    QuickSyntaxError,
    parse_quick,
    resolve_dimension,
    touchpoint_values,
)
from journeymap.model.templates import load_template

DIMS = [("product", "Product"), ("price", "Price"), ("fulfilment", "Fulfilment"),
        ("ease", "Ease & peace of mind"), ("valued", "Being valued"), ("trust", "Trust")]


def test_example_from_the_tooltip():
    q = parse_quick("Title #human !-1 ?Slow quote:4")
    assert q.title == "Title"
    assert q.channel == "human"
    assert q.emotion == -1
    assert q.pain_points == (QuickPain("Slow quote", 4, 3, None),)


def test_plain_title_and_spaces():
    q = parse_quick("  Request   a quote ")
    assert q.title == "Request a quote"
    assert (q.channel, q.emotion, q.pain_points) == (None, None, ())


def test_markers_only_at_word_start_and_escapes():
    assert parse_quick("Learn C# now!").title == "Learn C# now!"
    assert parse_quick(r"\#1 priority").title == "#1 priority"
    assert parse_quick("Is it ? really").title == "Is it ? really"


def test_title_around_markers_and_channel_detail():
    q = parse_quick("Order #digital:portal in the !+2 portal")
    assert q.title == "Order in the portal"
    assert (q.channel, q.channel_detail, q.emotion) == ("digital", "portal", 2)


def test_japanese_aliases_and_text():
    q = parse_quick("見積依頼 #人 !-2 ?回答が遅い:5/4@ease")
    assert q.title == "見積依頼"
    assert q.channel == "human"
    assert q.pain_points == (QuickPain("回答が遅い", 5, 4, "ease"),)


def test_several_pain_points():
    q = parse_quick("Invoice ?Paper only:2 ?Wrong VAT:4/1")
    assert [p.title for p in q.pain_points] == ["Paper only", "Wrong VAT"]
    assert [(p.severity, p.frequency) for p in q.pain_points] == [(2, 3), (4, 1)]


@pytest.mark.parametrize(("text", "code"), [
    ("", "empty_title"),
    ("#human !1", "empty_title"),
    ("X #fax", "channel"),
    ("X !3", "emotion"),
    ("X !bad", "emotion"),
    ("X ?Slow:9", "severity"),
    ("X ?Slow:0", "severity"),
    ("X ?Slow:4/6", "frequency"),
    ("X ?:4", "pain_title"),
    ("X ?Slow@", "dimension"),
])
def test_errors_have_codes(text, code):
    with pytest.raises(QuickSyntaxError) as info:
        parse_quick(text)
    assert info.value.code == code


def test_resolve_dimension():
    assert resolve_dimension("ease", DIMS) == "ease"
    assert resolve_dimension("trust", DIMS) == "trust"
    assert resolve_dimension("Being", DIMS) == "valued"
    assert resolve_dimension("fulf", DIMS) == "fulfilment"
    with pytest.raises(QuickSyntaxError):
        resolve_dimension("p", DIMS)  # product or price
    with pytest.raises(QuickSyntaxError):
        resolve_dimension("speed", DIMS)


def test_values_make_a_valid_edit():
    store = load_template("blank", "en")
    q = parse_quick("Ask for a quote #human !-1 ?Slow quote:4@ease")
    values = touchpoint_values(q, [(d.id, d.name) for d in store.dimensions()])
    e = edits.add_touchpoint(store, "journey", "buyer", "stage1", **values)
    store.apply(e.changes)
    tp = store.touchpoint(e.subject)
    assert (tp.title, tp.channel, tp.emotion) == ("Ask for a quote", "human", -1)
    [pain] = store.pain_points(tp.id)
    assert (pain.title, pain.severity, pain.dimension) == ("Slow quote", 4, "ease")
