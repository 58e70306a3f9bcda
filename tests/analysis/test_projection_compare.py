"""Projected impact and the as-is / to-be comparison, on a small project computed by hand.

Impact = severity/5 × frequency/5 × influence/5 × dimension weight × vote term; here no
votes (vote term 1) and every dimension weight 1:

    cell (s1, A): p1 5×5, influence 5 -> 1.0;  p2 5×1 -> 0.2        (A's default 5)
    cell (s2, A): p4 1×5 -> 0.2, but a1-done addresses it: resolved today
    cell (s2, B): p3 5×5, influence 2 (matrix) -> 0.4
    actions: a1 planned -> p1, a2 doing -> p3, a3 idea -> p2, a4 done -> p4
"""

from __future__ import annotations

import pytest

from journeymap.analysis.compare import CompareError, compare
from journeymap.analysis.projection import ProjectionError, project_impact
from journeymap.model import edits as E
from journeymap.model.jsonio import parse_project


def _pain(id, sev, freq):
    return {"id": id, "title": id, "severity": sev, "frequency": freq, "dimension": "d"}


@pytest.fixture
def store():
    return hand_project()


def hand_project():  # -> Store
    """The project of the module docstring (also used by the command-line tests)."""
    return parse_project({
        "format": "journeymap", "version": 2,
        "project": {"title": "t", "language": "en"},
        "dimensions": [{"id": "d", "name": "Delivery"}],
        "roles": [{"id": "A", "name": "Purchasing", "default_influence": 5},
                  {"id": "B", "name": "Engineer", "default_influence": 5}],
        "journeys": [{
            "id": "j", "name": "As-is",
            "stages": [{"id": "s1", "name": "Research"}, {"id": "s2", "name": "Order"}],
            "lanes": ["A", "B"],
            "influence": [{"role": "B", "stage": "s2", "weight": 2}],
            "touchpoints": [
                {"id": "tA1", "role": "A", "stage": "s1", "title": "Portal", "emotion": -2,
                 "pain_points": [_pain("p1", 5, 5), _pain("p2", 5, 1)]},
                {"id": "tA2", "role": "A", "stage": "s2", "title": "Call", "channel": "human",
                 "emotion": 0, "pain_points": [_pain("p4", 1, 5)]},
                {"id": "tB2", "role": "B", "stage": "s2", "title": "Mail", "emotion": -1,
                 "pain_points": [_pain("p3", 5, 5)]}],
            "handoffs": [{"from": "tA2", "to": "tB2"}]}],
        "actions": [
            {"id": "a1", "title": "Fix portal", "status": "planned", "addresses": ["p1"]},
            {"id": "a2", "title": "Answer mails", "status": "doing", "addresses": ["p3"]},
            {"id": "a3", "title": "Idea", "status": "idea", "addresses": ["p2"]},
            {"id": "a4", "title": "Done", "status": "done", "addresses": ["p4"]}],
    })


def _cells(proj):
    return {(c.stage, c.role): (round(c.before, 6), round(c.after, 6)) for c in proj.cells}


def test_projection_by_default_uses_planned_and_doing_actions(store):
    proj = project_impact(store)
    assert proj.actions == ["a1", "a2"]
    assert _cells(proj) == {("s1", "A"): (1.2, 0.2), ("s1", "B"): (0.0, 0.0),
                            ("s2", "A"): (0.0, 0.0), ("s2", "B"): (0.4, 0.0)}
    assert round(proj.before, 6) == 1.6
    assert round(proj.after, 6) == 0.2
    data = proj.as_json()
    assert data["before"] == 1.6 and data["after"] == 0.2
    assert data["cells"][0] == {"journey": "j", "stage": "s1", "role": "A", "before": 1.2,
                                "after": 0.2, "pains": 2, "resolved": 1}


def test_projection_of_chosen_actions(store):
    proj = project_impact(store, "j", ["a3"])
    assert _cells(proj)[("s1", "A")] == (1.2, 1.0)
    assert round(proj.after, 6) == 1.4
    assert round(project_impact(store, actions=[]).after, 6) == 1.6


def test_projection_refuses_unknown_ids(store):
    with pytest.raises(ProjectionError, match="no action 'zz'"):
        project_impact(store, actions=["zz"])
    with pytest.raises(ProjectionError, match="no journey"):
        project_impact(store, "nope")


def test_projection_leaves_to_be_journeys_out_unless_asked(store):
    tobe = E.make_to_be(store, "j")
    store.apply(tobe.changes)
    assert project_impact(store).journeys == ["j"]
    assert round(project_impact(store).before, 6) == 1.6
    # Asked for the to-be itself: its copied pain points are its own (actions address
    # the as-is ones), so p4's copy counts today and nothing is resolved.
    proj = project_impact(store, tobe.subject)
    assert (round(proj.before, 6), round(proj.after, 6)) == (1.8, 1.8)


def _to_be(store):
    edit = E.make_to_be(store, "j")
    store.apply(edit.changes)
    return edit.subject


def _tp(store, journey, role, stage_of):
    stage = next(s.id for s in store.stages(journey) if s.variant_of == stage_of)
    return store.touchpoints_in_cell(journey, role, stage)[0]


def test_a_fresh_to_be_compares_equal(store):
    tobe = _to_be(store)
    cmp = compare(store, "j", tobe)
    assert [c.as_is_stage for c in cmp.cells] == ["s1", "s1", "s2", "s2"]
    assert not any(c.changed for c in cmp.cells)
    assert cmp.added == [] and cmp.removed == []
    assert cmp.changed_touchpoints == set()


def test_comparison_after_editing_the_to_be(store):
    tobe = _to_be(store)
    t1 = _tp(store, tobe, "A", "s1")
    store.apply(E.set_fields(store, "touchpoint", t1.id, emotion=1).changes)
    store.apply(E.delete(store, "pain_point", [store.pain_points(t1.id)[0].id]).changes)  # p1
    t3 = _tp(store, tobe, "B", "s2")
    store.apply(E.set_fields(store, "touchpoint", t3.id, channel="human").changes)
    store.apply(E.add_stage(store, tobe, "Self-service").changes)
    cmp = compare(store, "j", tobe)
    cells = {(c.as_is_stage, c.role): c for c in cmp.cells}
    a1 = cells[("s1", "A")]
    assert (a1.as_is.emotion, a1.to_be.emotion) == (-2.0, 1.0)
    assert (round(a1.as_is.impact, 6), round(a1.to_be.impact, 6)) == (1.2, 0.2)
    b2 = cells[("s2", "B")]
    assert (b2.as_is.channels, b2.to_be.channels) == ((1, 0, 0), (0, 1, 0))
    assert (b2.as_is.impact, b2.to_be.impact) == (pytest.approx(0.4), pytest.approx(0.4))
    a2 = cells[("s2", "A")]
    assert (a2.as_is.handoffs, a2.to_be.handoffs) == (1, 1)
    assert not a2.changed
    assert [store.stage(s).name for s in cmp.added] == ["Self-service"]
    assert cmp.changed_touchpoints == {t1.id, t3.id}
    data = cmp.as_json()
    first = data["stages"][0]
    assert first["emotion"] == [-2.0, 1.0] and first["impact"] == [1.2, 0.2]
    assert first["channels"]["digital"] == [1, 1]


def test_a_stage_deleted_from_the_to_be_is_listed_as_removed(store):
    tobe = _to_be(store)
    s2_copy = next(s.id for s in store.stages(tobe) if s.variant_of == "s2")
    store.apply(E.delete(store, "stage", [s2_copy]).changes)
    cmp = compare(store, "j", tobe)
    assert cmp.removed == ["s2"]
    assert {c.as_is_stage for c in cmp.cells} == {"s1"}


def test_unlinked_journeys_match_stages_by_name(store):
    other = E.add_journey(store, "Other", copy_from="j")  # a plain copy: no links
    store.apply(other.changes)
    cmp = compare(store, "j", other.subject)
    assert [a for a, _ in cmp.stage_pairs] == ["s1", "s2"]
    with pytest.raises(CompareError, match="two different"):
        compare(store, "j", "j")
    with pytest.raises(CompareError, match="no journey"):
        compare(store, "j", "x")


def test_votes_on_the_as_is_do_not_show_as_change_in_a_fresh_to_be(store):
    store.apply(E.add_vote(store, "Ann", "p1").changes)
    tobe = _to_be(store)
    cmp = compare(store, "j", tobe)
    assert not any(c.changed for c in cmp.cells)
    assert round(cmp.impact_before, 6) == 1.6 + 0.2  # p4 counts: no vote term, no actions
