from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymap.model import edits as E
from journeymap.model.consistency import problems
from journeymap.model.jsonio import dumps_project
from journeymap.model.templates import load_template
from journeymap.model.validation import ValidationError


@pytest.fixture
def store():
    return load_template("b2b-procurement", "ja")


def _do(store, edit):
    store.apply(edit.changes)
    return edit


def test_add_touchpoint_and_undo(store):
    j = store.journeys()[0].id
    role, stage = store.lanes(j)[0].role, store.stages(j)[0].id
    before = store.snapshot()
    e = _do(store, E.add_touchpoint(store, j, role, stage, "新しい接点", channel="human",
                                    emotion=-1, pain_points=[{"title": "遅い", "severity": 4}]))
    tp = store.touchpoint(e.subject)
    assert (tp.role, tp.stage, tp.channel, tp.emotion) == (role, stage, "human", -1)
    assert [p.title for p in store.pain_points(tp.id)] == ["遅い"]
    assert store.touchpoints_in_cell(j, role, stage)[-1].id == tp.id
    store.apply(e.inverse().changes)
    assert store.snapshot() == before


def test_out_of_range_value_is_refused_and_changes_nothing(store):
    pain = next(iter(store.tables["pain_point"]))
    with pytest.raises(ValidationError) as err:
        E.set_fields(store, "pain_point", pain, severity=6)
    assert err.value.field == "severity"
    with pytest.raises(ValidationError):
        E.set_fields(store, "touchpoint", next(iter(store.tables["touchpoint"])), title="  ")


def test_delete_stage_takes_cards_and_undo_restores_all(store):
    j = store.journeys()[0].id
    stage = next(s for s in store.stages(j) if any(t.stage == s.id for t in store.touchpoints(j)))
    before = store.snapshot()
    e = _do(store, E.delete(store, "stage", [stage.id]))
    assert not any(t.stage == stage.id for t in store.tables["touchpoint"].values())
    assert not any(i.stage == stage.id for i in store.tables["influence"].values())
    assert problems(store) == []
    store.apply(e.inverse().changes)
    assert store.snapshot() == before


def test_delete_role_can_rehome_cards(store):
    j = store.journeys()[0].id
    a, b = store.lanes(j)[0].role, store.lanes(j)[1].role
    moved = [t.id for t in store.tables["touchpoint"].values() if t.role == a]
    assert moved
    before = store.snapshot()
    e = _do(store, E.rehome_and_delete(store, "role", a, b))
    assert a not in store.tables["role"]
    assert all(store.touchpoint(t).role == b for t in moved)
    assert problems(store) == []
    store.apply(e.inverse().changes)
    assert store.snapshot() == before


def test_move_reorders_within_a_cell(store):
    j = store.journeys()[0].id
    role, stage = store.lanes(j)[0].role, store.stages(j)[0].id
    ids = [_do(store, E.add_touchpoint(store, j, role, stage, f"c{i}")).subject for i in range(3)]
    cell = lambda: [t.id for t in store.touchpoints_in_cell(j, role, stage) if t.id in ids]  # noqa: E731
    _do(store, E.move_touchpoints(store, [ids[2]], role, stage, 0))
    assert cell()[0] == ids[2]


def test_copy_paste_makes_new_cards_with_pain_points(store):
    j = store.journeys()[0].id
    src = next(t for t in store.touchpoints(j) if store.pain_points(t.id))
    role, stage = store.lanes(j)[-1].role, store.stages(j)[-1].id
    e = _do(store, E.paste_touchpoints(store, j, role, stage, E.copy_payload(store, [src.id])))
    new = store.touchpoint(e.subject)
    assert new.id != src.id and new.title == src.title and (new.role, new.stage) == (role, stage)
    assert [p.title for p in store.pain_points(new.id)] == [p.title for p in store.pain_points(src.id)]


def test_vote_goes_with_its_pain_point(store):
    pain = next(iter(store.tables["pain_point"]))
    _do(store, E.add_vote(store, "A", pain))
    n = store.vote_count(pain)
    e = _do(store, E.delete(store, "pain_point", [pain]))
    assert store.vote_count(pain) == 0
    store.apply(e.inverse().changes)
    assert store.vote_count(pain) == n


# -- property: random edit sequences, then undo of all of them, restore the document ----------
def _random_edit(store, data):
    j = data.draw(st.sampled_from([x.id for x in store.journeys()]))
    lanes = [lane.role for lane in store.lanes(j)]
    stages = [s.id for s in store.stages(j)]
    tps = [t.id for t in store.touchpoints(j)]
    pains = [p.id for p in store.journey_pain_points(j)]
    kind = data.draw(st.sampled_from(["add_tp", "move", "delete_tp", "set", "stage", "role",
                                      "influence", "handoff", "action", "vote", "del_stage",
                                      "del_role", "pain", "paste", "reorder"]))
    text = data.draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                           max_size=12).filter(lambda s: s.strip()))
    if kind == "add_tp" and lanes and stages:
        return E.add_touchpoint(store, j, data.draw(st.sampled_from(lanes)),
                                data.draw(st.sampled_from(stages)), text,
                                emotion=data.draw(st.integers(-2, 2)))
    if kind == "move" and tps and lanes and stages:
        ids = data.draw(st.lists(st.sampled_from(tps), min_size=1, max_size=3, unique=True))
        return E.move_touchpoints(store, ids, data.draw(st.sampled_from(lanes)),
                                  data.draw(st.sampled_from(stages)), data.draw(st.integers(0, 3)))
    if kind == "delete_tp" and tps:
        return E.delete(store, "touchpoint", [data.draw(st.sampled_from(tps))])
    if kind == "set" and tps:
        return E.set_fields(store, "touchpoint", data.draw(st.sampled_from(tps)), title=text,
                            channel=data.draw(st.sampled_from(["digital", "human", "physical"])))
    if kind == "stage":
        return E.add_stage(store, j, text, index=data.draw(st.integers(0, 5)))
    if kind == "role":
        return E.add_role(store, text, journey=j)
    if kind == "influence" and lanes and stages:
        return E.set_influence(store, j, data.draw(st.sampled_from(lanes)),
                               data.draw(st.sampled_from(stages)),
                               data.draw(st.one_of(st.none(), st.integers(0, 5))))
    if kind == "handoff" and len(tps) >= 2:
        a, b = data.draw(st.lists(st.sampled_from(tps), min_size=2, max_size=2, unique=True))
        try:
            return E.add_handoff(store, a, b)
        except E.EditError:
            return None
    if kind == "action":
        return E.add_action(store, text, addresses=data.draw(
            st.lists(st.sampled_from(pains), max_size=2, unique=True)) if pains else [])
    if kind == "vote" and pains:
        return E.add_vote(store, text, data.draw(st.sampled_from(pains)))
    if kind == "del_stage" and len(stages) > 1:
        return E.delete(store, "stage", [data.draw(st.sampled_from(stages))])
    if kind == "del_role" and len(lanes) > 1:
        return E.delete(store, "role", [data.draw(st.sampled_from(lanes))])
    if kind == "pain" and tps:
        return E.add_pain_point(store, data.draw(st.sampled_from(tps)), text,
                                severity=data.draw(st.integers(1, 5)))
    if kind == "paste" and tps and lanes and stages:
        return E.paste_touchpoints(store, j, lanes[0], stages[0],
                                   E.copy_payload(store, [data.draw(st.sampled_from(tps))]))
    if kind == "reorder" and stages:
        return E.reorder(store, "stage", data.draw(st.permutations(stages)))
    return None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits_then_undo_all_restore_the_document(data):
    store = load_template("b2b-procurement", "en")
    original = store.snapshot()
    text = dumps_project(store)
    done = []
    for _ in range(data.draw(st.integers(1, 25))):
        edit = _random_edit(store, data)
        if edit is None:
            continue
        store.apply(edit.changes)
        done.append(edit)
    assert problems(store) == []
    for edit in reversed(done):
        store.apply(edit.inverse().changes)
    assert store.snapshot() == original
    assert dumps_project(store) == text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_projects_survive_jmap_and_json_round_trips(data, tmp_path_factory):
    from journeymap.model.document import load_store, write_store_file
    from journeymap.model.jsonio import loads_project

    store = load_template(data.draw(st.sampled_from(["b2b-procurement", "self-service-portal"])),
                          data.draw(st.sampled_from(["en", "ja"])))
    for _ in range(data.draw(st.integers(0, 15))):
        edit = _random_edit(store, data)
        if edit is not None:
            store.apply(edit.changes)
    tp = next(iter(store.tables["touchpoint"]))
    store.apply(E.set_fields(store, "touchpoint", tp,
                             description="長文🚀 مرحبا \u200f" * 7000).changes)  # ~100 kB
    path = tmp_path_factory.mktemp("rt") / "p.jmap"
    write_store_file(store, path)
    assert load_store(path) == store
    text = dumps_project(store)
    assert dumps_project(loads_project(text)) == text
