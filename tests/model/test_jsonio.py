from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymap.model.jsonio import (
    JsonFormatError,
    dump_project,
    dumps_project,
    loads_project,
    parse_project,
)
from journeymap.model.templates import list_templates, load_template


def _data(small_json):
    return json.loads(small_json.read_text("utf-8"))


def test_small_project_round_trips_exactly(small_json):
    store = loads_project(small_json.read_text("utf-8"))
    text = dumps_project(store)
    assert dumps_project(loads_project(text)) == text
    # import -> export keeps every value of the original (version 1) file; export
    # writes version 2
    assert json.loads(text) == {**_data(small_json), "version": 2}


@pytest.mark.parametrize("name", ["blank", "b2b-procurement", "benefits-procurement",
                                  "self-service-portal"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_templates_round_trip(name, lang):
    assert name in list_templates()
    store = load_template(name, lang)
    assert store.project.language == lang
    text = dumps_project(store)
    assert dumps_project(loads_project(text)) == text


@pytest.mark.parametrize(("mutate", "path", "words"), [
    (lambda d: d["journeys"][0]["touchpoints"][0].update(colour="red"),
     "$.journeys[0].touchpoints[0].colour", "unknown field"),
    (lambda d: d["journeys"][0]["touchpoints"][0]["pain_points"][0].update(severity=7),
     "$.journeys[0].touchpoints[0].pain_points[0].severity", "from 1 to 5"),
    (lambda d: d["journeys"][0]["touchpoints"][0].update(stage="nowhere"),
     "$.journeys[0].touchpoints[0].stage", "not the id"),
    (lambda d: d["journeys"][0]["touchpoints"][1].update(id="t1"),
     "$.journeys[0].touchpoints[1].id", "duplicate id"),
    (lambda d: d["journeys"][0].update(id="product"), "$.journeys[0].id", "duplicate id"),
    (lambda d: d["journeys"][0]["influence"][0].update(weight=6),
     "$.journeys[0].influence[0].weight", "from 0 to 5"),
    (lambda d: d["journeys"][0]["touchpoints"][0].update(emotion=-3),
     "$.journeys[0].touchpoints[0].emotion", "from -2 to 2"),
    (lambda d: d["journeys"][0]["touchpoints"][0]["scores"].append(11),
     "$.journeys[0].touchpoints[0].scores[3]", "from 0 to 10"),
    (lambda d: d["journeys"][0]["touchpoints"][0].update(channel="fax"),
     "$.journeys[0].touchpoints[0].channel", "digital, human, physical"),
    (lambda d: d["actions"][0].update(status="maybe"), "$.actions[0].status", "one of"),
    (lambda d: d["actions"][0].update(addresses=["p404"]), "$.actions[0].addresses[0]",
     "not the id of a pain point"),
    (lambda d: d["votes"].append({"participant": "B", "target": "soe"}), "$.votes[1].target",
     "pain point or action"),
    (lambda d: d["journeys"][0]["handoffs"][0].update(to="t9"), "$.journeys[0].handoffs[0].to",
     "not the id"),
    (lambda d: d["project"]["settings"]["dimension_weights"].update(speed=2.0),
     "$.project.settings.dimension_weights.speed", "not the id of a dimension"),
    (lambda d: d.update(version=3), "$.version", "newer journeymap"),
    (lambda d: d.update(format="other"), "$.format", "not a journeymap file"),
    (lambda d: d["roles"][0].update(default_influence=True), "$.roles[0].default_influence",
     "whole number"),
    (lambda d: d["actions"][0].update(due="31/12/2027"), "$.actions[0].due", "YYYY-MM-DD"),
])
def test_bad_json_is_rejected_with_its_path(small_json, mutate, path, words):
    data = _data(small_json)
    mutate(data)
    with pytest.raises(JsonFormatError) as err:
        parse_project(data)
    if path:
        assert err.value.path == path
    assert words in str(err.value)


def test_syntax_error_gives_line_and_column():
    with pytest.raises(JsonFormatError, match="line 3, column 5"):
        loads_project('{\n  "format": "journeymap",\n    ,}')


def test_top_level_must_be_an_object():
    with pytest.raises(JsonFormatError, match="must be an object"):
        loads_project("[1, 2]")


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=60)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, desc=TEXT, evidence=TEXT, weight=st.integers(0, 5),
       sev=st.integers(1, 5), emotion=st.one_of(st.none(), st.integers(-2, 2)),
       scores=st.lists(st.integers(0, 10), max_size=8))
def test_any_text_and_valid_values_survive_round_trip(small_json, title, desc, evidence, weight,
                                                      sev, emotion, scores):
    data = _data(small_json)
    tp = data["journeys"][0]["touchpoints"][0]
    title = title if title.strip() else "x"  # a title of only spaces is refused as empty
    tp.update(title=title, description=desc, emotion=emotion, scores=scores)
    tp["pain_points"][0].update(evidence=evidence, severity=sev)
    data["journeys"][0]["influence"][0]["weight"] = weight
    store = parse_project(copy.deepcopy(data))
    out = dump_project(store)
    assert out["journeys"][0]["touchpoints"][0]["title"] == title
    assert out["journeys"][0]["touchpoints"][0]["description"] == desc
    assert dump_project(loads_project(dumps_project(store))) == out


def test_huge_description_survives(small_json):
    data = _data(small_json)
    big = "長い説明🚀 مرحبا " * 8000  # about 100 kB of mixed scripts
    data["journeys"][0]["touchpoints"][0]["description"] = big
    store = parse_project(data)
    assert loads_project(dumps_project(store)).touchpoint("t1").description == big


def test_optional_fields_may_be_omitted():
    store = parse_project({
        "format": "journeymap", "version": 1, "project": {"title": "Minimal"},
        "dimensions": [{"id": "ease", "name": "Ease", "kind": "emotional"}],
        "roles": [{"id": "buyer", "name": "Buyer"}],
        "journeys": [{"id": "j", "name": "J", "stages": [{"id": "s", "name": "S"}],
                      "lanes": ["buyer"],
                      "touchpoints": [{"id": "t", "role": "buyer", "stage": "s", "title": "T",
                                       "pain_points": [{"id": "p", "title": "P", "severity": 2,
                                                        "frequency": 2, "dimension": "ease"}]}]}],
    })
    assert store.influence_at("j", "buyer", "s") == 3  # default_influence omitted = 3
    assert store.touchpoint("t").emotion is None
    assert store.vote_weight == 0.5
    assert store.dimension_weight("ease") == 1.0
