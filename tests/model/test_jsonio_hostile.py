"""JSON import on hostile input: ids kept as given without collisions, clean errors for
huge numbers and lone surrogates, short messages without raw control characters."""

from __future__ import annotations

import json

import pytest

from journeymap.model.document import Document, load_store, write_store_file
from journeymap.model.jsonio import JsonFormatError, dumps_project, loads_project


def project(journeys, roles, actions=()):
    return {
        "format": "journeymap", "version": 1, "project": {"title": "t"},
        "dimensions": [{"id": "d", "name": "D", "kind": "rational"}],
        "roles": [{"id": r, "name": r} for r in roles],
        "journeys": journeys, "actions": list(actions),
    }


def journey(id, roles, stage, tp, pain):
    return {"id": id, "name": id, "stages": [{"id": stage, "name": stage}],
            "lanes": roles,
            "influence": [{"role": r, "stage": stage, "weight": i} for i, r in enumerate(roles)],
            "touchpoints": [{"id": tp, "role": roles[0], "stage": stage, "title": tp,
                             "pain_points": [{"id": pain, "title": pain, "severity": 3,
                                              "frequency": 3, "dimension": "d"}]}]}


def test_ids_with_slashes_never_collide(tmp_path):
    # Joined with "/", lane "a/b"+"c" and lane "a"+"b/c" were one id, and so were the
    # influences and the action links: the import silently lost rows.
    data = project(
        [journey("a/b", ["c"], "s1", "t1", "p/x"), journey("a", ["b/c"], "s/2", "t2", "p")],
        ["c", "b/c"],
        [{"id": "act", "title": "A", "addresses": ["p/x", "p"]},
         {"id": "act/p", "title": "B", "addresses": []},
         {"id": "act/p/x", "title": "C", "addresses": ["p"]}])
    store = loads_project(json.dumps(data))
    assert len(store.tables["lane"]) == 2
    assert len(store.tables["influence"]) == 2
    assert len(store.tables["action_link"]) == 3
    assert [lane.role for lane in store.lanes("a/b")] == ["c"]
    assert [lane.role for lane in store.lanes("a")] == ["b/c"]
    assert store.addressed_pains("act") == ["p/x", "p"]
    assert store.addressed_pains("act/p/x") == ["p"]
    # kept as given through a .jmap file and back
    path = tmp_path / "ids.jmap"
    write_store_file(store, path)
    assert load_store(path) == store
    doc = Document.open(path)
    assert doc.store == store
    doc.close()
    assert dumps_project(load_store(path)) == dumps_project(store)


def test_a_five_thousand_digit_integer_is_a_clean_error():
    data = json.dumps(project([], ["r"]))
    big = "9" * 5000
    with pytest.raises(JsonFormatError, match="not valid JSON") as e:
        loads_project(data.replace('"t"}', f'"t", "settings": {{"vote_weight": {big}}}}}'))
    assert len(str(e.value)) < 300
    big = "9" * 4000  # under Python's 4,300-digit limit: parsed, then refused by range
    for field in ('"vote_weight": ' + big, '"vote_weight": -' + big):
        with pytest.raises(JsonFormatError, match="vote_weight") as e:
            loads_project(data.replace('"t"}', f'"t", "settings": {{{field}}}}}'))
        assert len(str(e.value)) < 300


def test_a_lone_surrogate_is_a_clean_error():
    data = json.dumps(project([], ["r"])).replace('"name": "r"', '"name": "\\ud800x"')
    with pytest.raises(JsonFormatError, match=r"\$.roles\[0\].name: .*lone surrogate"):
        loads_project(data)


def test_messages_are_short_and_never_hold_raw_control_characters():
    evil = "\x1b[31mred\x07" + "A" * 1_000_000
    for data in (
        dict(project([], ["r"]), format=evil),
        dict(project([], ["r"]), **{evil: 1}),
        project([journey("j", ["nobody" + evil], "s", "t", "p")], ["r"]),
        project([], [evil]),
    ):
        with pytest.raises(JsonFormatError) as e:
            loads_project(json.dumps(data))
        message = str(e.value)
        assert len(message) < 700
        assert not any(ord(c) < 32 or c == "\x7f" for c in message), message


def test_errors_carry_a_code_and_params():
    data = project([], ["r"])
    data["roles"][0]["default_influence"] = 9
    with pytest.raises(JsonFormatError) as e:
        loads_project(json.dumps(data))
    assert e.value.code == "out_of_range"
    assert e.value.params == {"lo": 0, "hi": 5, "value": "9"}
    assert e.value.path == "$.roles[0].default_influence"


def test_a_named_pipe_or_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    import os
    import time

    from journeymap.model import jsonio

    pipe = tmp_path / "p.json"
    os.mkfifo(pipe)
    t = time.monotonic()
    with pytest.raises(JsonFormatError, match="not a regular file"):
        jsonio.read_json_file(pipe)
    assert time.monotonic() - t < 5
    big = tmp_path / "big.json"
    big.write_text(json.dumps(project([], ["r"])), "utf-8")
    monkeypatch.setattr(jsonio, "MAX_JSON_BYTES", 100)
    with pytest.raises(JsonFormatError, match="too large"):
        jsonio.read_json_file(big)
