"""Prioritisation (docs/scoring.md): hand-computed priorities, every factor checked."""

from __future__ import annotations

import json
import math
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymap.analysis.scoring import (
    Factor,
    RankedItem,
    Ranking,
    explain,
    impact,
    num,
    rank,
)
from journeymap.model.jsonio import parse_project
from journeymap.model.rows import ProjectInfo
from journeymap.model.store import PROJECT_ID, Store


def mini(**over: Any) -> dict[str, Any]:
    """Two stages, two roles, three pains, three actions (one dropped, one empty)."""
    data: dict[str, Any] = {
        "format": "journeymap", "version": 1,
        "project": {"title": "mini", "language": "en",
                    "settings": {"vote_weight": 0.5, "dimension_weights": {"fulfilment": 2.0}}},
        "dimensions": [{"id": "product", "name": "Product", "kind": "rational"},
                       {"id": "fulfilment", "name": "Fulfilment", "kind": "rational"},
                       {"id": "ease", "name": "Ease", "kind": "emotional"}],
        "roles": [{"id": "buyer", "name": "Purchasing head"},
                  {"id": "eng", "name": "Plant engineer", "default_influence": 2}],
        "journeys": [{
            "id": "j1", "name": "J1",
            "stages": [{"id": "s1", "name": "Research"}, {"id": "s2", "name": "Use"}],
            "lanes": ["buyer", "eng"],
            "influence": [{"role": "buyer", "stage": "s1", "weight": 5}],
            "touchpoints": [
                {"id": "t1", "role": "buyer", "stage": "s1", "title": "T1", "pain_points": [
                    {"id": "p1", "title": "P1", "severity": 4, "frequency": 3,
                     "dimension": "product"}]},
                {"id": "t2", "role": "eng", "stage": "s2", "title": "T2", "pain_points": [
                    {"id": "p2", "title": "P2", "severity": 5, "frequency": 5,
                     "dimension": "fulfilment"}]},
                {"id": "t3", "role": "buyer", "stage": "s2", "title": "T3", "pain_points": [
                    {"id": "p3", "title": "P3", "severity": 2, "frequency": 1,
                     "dimension": "ease"}]},
            ]}],
        "actions": [
            {"id": "a1", "title": "A1", "effort": 2, "addresses": ["p1", "p2"]},
            {"id": "a2", "title": "A2", "effort": 5, "status": "dropped", "addresses": ["p3"]},
            {"id": "a3", "title": "A3", "effort": 1},
        ],
        "votes": [{"participant": "x", "target": "p1"}, {"participant": "y", "target": "p1"},
                  {"participant": "x", "target": "p2"}, {"participant": "x", "target": "a1"}],
    }
    data.update(over)
    return data


def factors(breakdown: list[Factor]) -> dict[str, float]:
    return {f.name: f.value for f in breakdown if f.op == "×"}


def check_product(item: RankedItem) -> None:
    plus = [f.value for f in item.breakdown if f.op == "+"]
    times = math.prod(f.value for f in item.breakdown if f.op == "×")
    expected = (math.fsum(plus) if item.type == "action" else 1.0) * times
    if item.type == "action" and not plus:
        expected = 0.0
    assert item.priority == pytest.approx(expected)


def test_impact_every_factor() -> None:
    store = parse_project(mini())
    value, bd = impact(store, "p1")
    assert [f.name for f in bd] == ["severity", "frequency", "influence", "dimension_weight",
                                    "votes"]
    assert factors(bd) == pytest.approx({"severity": 0.8, "frequency": 0.6, "influence": 1.0,
                                         "dimension_weight": 1.0, "votes": 1.5})
    assert value == pytest.approx(0.72)
    src = {f.name: f.source for f in bd}
    assert "Purchasing head" in src["influence"] and "Research" in src["influence"]
    assert src["influence"] == "Purchasing head weighs 5 of 5 at Research"
    assert src["dimension_weight"] == "Product dimension ×1 (default weight)"
    assert src["votes"] == "2 votes (the most on a pain point is 2, vote weight 0.5) → ×1.5"

    value, bd = impact(store, "p2")
    # engineer has no entry at s2: its default influence 2; fulfilment weight 2.0;
    # 1 vote of max 2 → 1 + 0.5 × 1/2
    assert factors(bd) == pytest.approx({"severity": 1.0, "frequency": 1.0, "influence": 0.4,
                                         "dimension_weight": 2.0, "votes": 1.25})
    assert value == pytest.approx(1.0)
    src = {f.name: f.source for f in bd}
    assert src["influence"] == ("Plant engineer weighs 2 of 5 at Use (the role's default; "
                                "none set for this stage)")
    assert src["dimension_weight"] == "Fulfilment dimension ×2"
    assert src["votes"] == "1 vote (the most on a pain point is 2, vote weight 0.5) → ×1.25"

    value, bd = impact(store, "p3")
    # buyer at s2: role default 3 (none given) → 0.6; no votes on p3 → 1
    assert factors(bd) == pytest.approx({"severity": 0.4, "frequency": 0.2, "influence": 0.6,
                                         "dimension_weight": 1.0, "votes": 1.0})
    assert value == pytest.approx(0.048)


def test_rank_hand_computed() -> None:
    store = parse_project(mini())
    r = rank(store)
    assert [(i.rank, i.type, i.id) for i in r.rows] == [
        (1, "action", "a1"), (2, "action", "a3"), (1, "pain", "p3")]
    a1 = r.actions[0]
    # (0.72 + 1.0) × 5/2 × (1 + 0.5 × 1/1)
    assert a1.priority == pytest.approx(6.45)
    assert [(f.name, f.op) for f in a1.breakdown] == [
        ("impact", "+"), ("impact", "+"), ("effort", "×"), ("votes", "×")]
    assert [f.value for f in a1.breakdown] == pytest.approx([0.72, 1.0, 2.5, 1.5])
    assert a1.severity == 5 and a1.pain_ids == ("p1", "p2")
    assert a1.touchpoint_ids == ("t1", "t2") and a1.journeys == ("j1",)
    assert a1.journey is None and a1.role is None and a1.stage is None
    a3 = r.actions[1]
    assert a3.priority == 0 and a3.pain_ids == () and a3.severity == 0
    p3 = r.pains[0]
    assert p3.priority == pytest.approx(0.048)
    assert (p3.journey, p3.role, p3.stage) == ("j1", "buyer", "s2")
    assert p3.pain_ids == ("p3",) and p3.touchpoint_ids == ("t3",)
    for item in r.rows:
        check_product(item)
    assert "1 action addresses no pain point: priority 0" in r.notes


def test_dropped_action_left_out_and_not_addressing() -> None:
    store = parse_project(mini())
    r = rank(store)
    assert "a2" not in [i.id for i in r.rows]
    assert [i.id for i in r.pains] == ["p3"]  # a2 is dropped, so p3 is unaddressed


def test_dropped_action_votes_do_not_set_the_maximum() -> None:
    data = mini()
    data["votes"] += [{"participant": p, "target": "a2"} for p in "abc"]
    r = rank(parse_project(data))
    assert factors(r.actions[0].breakdown)["votes"] == pytest.approx(1.5)  # max is still 1


def test_no_votes_factor_one_and_note() -> None:
    r = rank(parse_project(mini(votes=[])))
    assert "no votes yet: vote factors are 1" in r.notes
    for item in r.rows:
        assert factors(item.breakdown)["votes"] == 1.0
    assert r.actions[0].priority == pytest.approx((0.48 + 0.8) * 2.5)


def test_vote_weight_zero() -> None:
    data = mini()
    data["project"]["settings"]["vote_weight"] = 0
    r = rank(parse_project(data))
    assert all(factors(i.breakdown)["votes"] == 1.0 for i in r.rows)


def test_zero_influence_note() -> None:
    data = mini()
    for role in data["roles"]:
        role["default_influence"] = 0
    data["journeys"][0]["influence"] = [{"role": "buyer", "stage": "s1", "weight": 0}]
    r = rank(parse_project(data))
    assert "all influence weights are zero, so every impact is 0" in r.notes
    assert all(i.priority == 0 for i in r.rows)


def test_empty_project_notes() -> None:
    r = rank(Store([ProjectInfo(PROJECT_ID)]))
    assert r.rows == [] and r.to_json() == []
    assert "no pain points in this project" in r.notes
    assert "no actions yet" in r.notes
    assert "no votes yet: vote factors are 1" in r.notes


def test_journey_without_pains_note() -> None:
    data = mini()
    data["journeys"].append({"id": "j2", "name": "J2"})
    r = rank(parse_project(data), "j2")
    assert r.rows == []
    assert "no pain points in this journey" in r.notes
    assert "no action addresses a pain point of this journey" in r.notes


def test_unknown_journey() -> None:
    with pytest.raises(KeyError):
        rank(parse_project(mini()), "nope")


def two_journeys() -> dict[str, Any]:
    data = mini(votes=[])
    j2 = json.loads(json.dumps(data["journeys"][0]))
    j2["id"], j2["name"] = "j2", "J2"
    j2["stages"] = [{"id": "s1b", "name": "Research"}, {"id": "s2b", "name": "Use"}]
    j2["influence"] = []
    j2["touchpoints"] = [{"id": "u1", "role": "eng", "stage": "s1b", "title": "U1",
                          "pain_points": [{"id": "q1", "title": "Q1", "severity": 5,
                                           "frequency": 5, "dimension": "ease"}]}]
    data["journeys"].append(j2)
    data["actions"][0]["addresses"] = ["p1", "q1"]
    return data


def test_journey_filter_counts_only_that_journeys_pains() -> None:
    store = parse_project(two_journeys())
    whole = rank(store)
    a1 = next(i for i in whole.actions if i.id == "a1")
    # p1: 0.8×0.6×1×1 = 0.48; q1: 1×1×0.4×1 = 0.4
    assert a1.priority == pytest.approx((0.48 + 0.4) * 2.5)
    assert a1.journeys == ("j1", "j2")
    r2 = rank(store, "j2")
    assert [i.id for i in r2.actions] == ["a1"]  # a3 addresses nothing in j2: not listed
    assert r2.actions[0].priority == pytest.approx(0.4 * 2.5)
    assert r2.actions[0].pain_ids == ("q1",)
    assert r2.pains == []
    r1 = rank(store, "j1")
    assert [i.id for i in r1.rows] == ["a1", "p2", "p3"]
    assert r1.actions[0].priority == pytest.approx(0.48 * 2.5)
    # impacts are the same in the journey view and the whole view
    assert r1.pains[0].priority == pytest.approx(impact(store, "p2")[0])


def test_ties_break_by_severity_then_title_then_id() -> None:
    dims = [{"id": "product", "name": "Product"}]
    # Equal impacts 0.24: sev 4 × freq 1 (0.8×0.2×…) vs sev 2 × freq 2 (0.4×0.4×…)
    # → 0.16 both; influence 3/5 for all.
    pains = [
        ("x1", "Same", 2, 2), ("x2", "Same", 4, 1), ("x3", "Alpha", 2, 2), ("x0", "Same", 2, 2),
    ]
    data = {
        "format": "journeymap", "version": 1, "project": {"title": "t"},
        "dimensions": dims, "roles": [{"id": "r", "name": "R"}],
        "journeys": [{"id": "j", "name": "J", "stages": [{"id": "s", "name": "S"}],
                      "lanes": ["r"],
                      "touchpoints": [{"id": "t", "role": "r", "stage": "s", "title": "T",
                                       "pain_points": [
                                           {"id": i, "title": t, "severity": s, "frequency": f,
                                            "dimension": "product"} for i, t, s, f in pains]}]}],
        "actions": [
            {"id": "b2", "title": "Same", "effort": 5, "addresses": ["x1"]},
            {"id": "b1", "title": "Same", "effort": 5, "addresses": ["x3"]},
            {"id": "b3", "title": "Aaa", "effort": 5, "addresses": ["x0"]},
            {"id": "b4", "title": "Zzz", "effort": 5, "addresses": ["x2"]},
        ],
    }
    store = parse_project(data)
    r = rank(store)
    assert len({round(i.priority, 12) for i in r.actions}) == 1
    # b4 addresses severity 4; then by title Aaa < Same; then id b1 < b2
    assert [i.id for i in r.actions] == ["b4", "b3", "b1", "b2"]
    data["actions"] = []
    r = rank(parse_project(data))
    assert [i.id for i in r.pains] == ["x2", "x3", "x0", "x1"]
    assert [i.rank for i in r.pains] == [1, 2, 3, 4]


def test_each_list_numbers_its_rows_and_json() -> None:
    r = rank(parse_project(mini()))
    assert [i.rank for i in r.actions] == list(range(1, len(r.actions) + 1))
    assert [i.rank for i in r.pains] == list(range(1, len(r.pains) + 1))
    js = r.to_json()
    json.dumps(js)
    for row in js:
        assert {"rank", "type", "id", "title", "priority", "breakdown"} <= set(row)
        for f in row["breakdown"]:
            assert {"name", "value", "source"} <= set(f)


def test_japanese_sources(ja_store: Store) -> None:
    r = rank(ja_store, lang="ja")
    text = json.dumps(r.to_json(), ensure_ascii=False)
    assert "深刻度" in text and "影響度" in text
    assert isinstance(r, Ranking)


def test_ja_fixture_sanity(ja_store: Store) -> None:
    r = rank(ja_store, "soe")
    ids = [i.id for i in r.rows]
    assert "a3" not in ids  # dropped
    assert "sp4" in [i.id for i in r.pains]  # only addressed by the dropped action
    for item in r.rows:
        check_product(item)


def test_ten_thousand_pains_is_fast() -> None:
    """Generous bound (the benchmark measures the real median against 100 ms)."""
    import time

    store = synthetic(10_000)
    rank(store)
    start = time.perf_counter()
    r = rank(store)
    assert time.perf_counter() - start < 1.0
    assert len(r.rows) > 0


def synthetic(n_pains: int, seed: int = 1) -> Store:
    rnd = random.Random(seed)
    stages = [{"id": f"s{i}", "name": f"S{i}"} for i in range(8)]
    roles = [{"id": f"r{i}", "name": f"R{i}", "default_influence": rnd.randint(0, 5)}
             for i in range(5)]
    tps = []
    k = 0
    for t in range(n_pains // 2):
        pains = []
        for _ in range(2):
            k += 1
            pains.append({"id": f"p{k}", "title": f"P{k % 97}", "severity": rnd.randint(1, 5),
                          "frequency": rnd.randint(1, 5),
                          "dimension": rnd.choice(["product", "ease"])})
        tps.append({"id": f"t{t}", "role": f"r{rnd.randrange(5)}",
                    "stage": f"s{rnd.randrange(8)}", "title": f"T{t}", "pain_points": pains})
    actions = [{"id": f"a{i}", "title": f"A{i % 50}", "effort": rnd.randint(1, 5),
                "status": rnd.choice(["idea", "dropped", "doing"]),
                "addresses": sorted({f"p{rnd.randint(1, k)}" for _ in range(3)})}
               for i in range(n_pains // 10)]
    votes = [{"participant": "v", "target": f"p{rnd.randint(1, k)}"} for _ in range(n_pains // 5)]
    votes += [{"participant": "v", "target": f"a{rnd.randrange(len(actions))}"}
              for _ in range(len(actions))]
    return parse_project({
        "format": "journeymap", "version": 1, "project": {"title": "syn"},
        "dimensions": [{"id": "product", "name": "P"}, {"id": "ease", "name": "E",
                                                         "kind": "emotional"}],
        "roles": roles,
        "journeys": [{"id": "j", "name": "J", "stages": stages, "lanes": [r["id"] for r in roles],
                      "influence": [{"role": "r0", "stage": "s0", "weight": 5}],
                      "touchpoints": tps}],
        "actions": actions, "votes": votes})


# -- properties -----------------------------------------------------------------------------

@st.composite
def projects(draw: st.DrawFn) -> dict[str, Any]:
    n_tp = draw(st.integers(1, 4))
    roles = ["r0", "r1"]
    tps = []
    pain_ids = []
    for t in range(n_tp):
        pains = []
        for _ in range(draw(st.integers(0, 3))):
            pid = f"p{len(pain_ids)}"
            pain_ids.append(pid)
            pains.append({"id": pid, "title": draw(st.sampled_from(["A", "B", "C"])),
                          "severity": draw(st.integers(1, 5)),
                          "frequency": draw(st.integers(1, 5)),
                          "dimension": draw(st.sampled_from(["d1", "d2"]))})
        tps.append({"id": f"t{t}", "role": draw(st.sampled_from(roles)),
                    "stage": draw(st.sampled_from(["s0", "s1"])), "title": f"T{t}",
                    "pain_points": pains})
    actions = []
    for a in range(draw(st.integers(0, 4))):
        addr = draw(st.lists(st.sampled_from(pain_ids), unique=True, max_size=3)) \
            if pain_ids else []
        actions.append({"id": f"a{a}", "title": draw(st.sampled_from(["X", "Y"])),
                        "effort": draw(st.integers(1, 5)),
                        "status": draw(st.sampled_from(["idea", "dropped", "done", "doing"])),
                        "addresses": addr})
    targets = pain_ids + [a["id"] for a in actions]
    votes = [{"participant": "v", "target": t}
             for t in draw(st.lists(st.sampled_from(targets), max_size=6))] if targets else []
    influence = [{"role": r, "stage": s, "weight": draw(st.integers(0, 5))}
                 for r in roles for s in ["s0", "s1"] if draw(st.booleans())]
    return {
        "format": "journeymap", "version": 1,
        "project": {"title": "p", "settings": {
            "vote_weight": draw(st.sampled_from([0, 0.5, 1.0])),
            "dimension_weights": {"d1": draw(st.sampled_from([0, 1.0, 2.5]))}}},
        "dimensions": [{"id": "d1", "name": "D1"}, {"id": "d2", "name": "D2",
                                                   "kind": "emotional"}],
        "roles": [{"id": r, "name": r.upper(), "default_influence": draw(st.integers(0, 5))}
                  for r in roles],
        "journeys": [{"id": "j", "name": "J", "stages": [{"id": "s0", "name": "S0"},
                                                          {"id": "s1", "name": "S1"}],
                      "lanes": roles, "influence": influence, "touchpoints": tps}],
        "actions": actions, "votes": votes,
    }


def _key(i: RankedItem) -> tuple[float, int, str, str]:
    return (-round(i.priority, 12), -i.severity, i.title, i.id)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(), st.randoms(use_true_random=False))
def test_ranking_total_order_and_row_order_invariant(data: dict[str, Any],
                                                     rnd: random.Random) -> None:
    store = parse_project(data)
    r = rank(store)
    for part in (r.actions, r.pains):
        keys = [_key(i) for i in part]
        assert all(a < b for a, b in zip(keys, keys[1:], strict=False))  # strict: total order
    for part in (r.actions, r.pains, r.done):
        assert [i.rank for i in part] == list(range(1, len(part) + 1))
    for item in [*r.rows, *r.done]:
        check_product(item)
        assert item.priority >= 0
    live = {a["id"] for a in data["actions"] if a["status"] != "dropped"}
    done = {a["id"] for a in data["actions"] if a["status"] == "done"}
    addressed = {p for a in data["actions"] if a["id"] in live for p in a["addresses"]}
    assert {i.id for i in r.actions} == live - done
    assert {i.id for i in r.done} == done
    assert {i.id for i in r.pains} == set(store.tables["pain_point"]) - addressed

    rows = list(store.all_rows())
    rnd.shuffle(rows)
    shuffled = rank(Store(rows))
    assert shuffled.to_json() == r.to_json()
    assert shuffled.notes == r.notes


# -- explanations in words, status (issue: numbers that explain themselves) ------------------

def test_sentences_hand_checked_en() -> None:
    r = rank(parse_project(mini()), lang="en")
    a1, p3 = r.actions[0], r.pains[0]
    # (0.72 + 1.0) × 5/2 × 1.5 = 6.45; p3 = 0.4 × 0.2 × 0.6 × 1 × 1 = 0.048
    assert explain(a1, "en", "idea") == (
        "A1 — addresses 2 pain points (0.72 + 1 = 1.72), effort 2 of 5 → ×2.5, "
        "1 vote (the most on an action is 1, vote weight 0.5) → ×1.5, status: idea"
        " → priority 6.45")
    assert explain(p3, "en") == (
        "P3 — severity 2 of 5, frequency 1 of 5, Purchasing head weighs 3 of 5 at Use "
        "(the role's default; none set for this stage), Ease dimension ×1 (default weight), "
        "0 votes (the most on a pain point is 2, vote weight 0.5) → ×1 → impact 0.05")


def test_sentences_hand_checked_ja(ja_store: Store) -> None:
    r = rank(ja_store, lang="ja")
    item = next(i for i in r.pains if i.title == "仕様書が見つからない")
    # 4/5 × 3/5 × 5/5 (purchasing at research) × 1 × votes
    text = explain(item, "ja")
    assert text.startswith("仕様書が見つからない — 深刻度 4（5段階）、頻度 3（5段階）、"
                           "サプライヤー調査での調達責任者の影響度 5（5段階）、体験要素「製品力」×1")
    assert text.endswith(f"→ インパクト {num(item.priority)}")
    assert "票" in text and "votes" not in text


def test_numbers_rounded_for_people_and_json() -> None:
    assert num(4.300000000000001) == "4.3" and num(5 / 3) == "1.67" and num(-0.0001) == "0"
    data = mini()
    data["actions"][0]["effort"] = 3  # 5/3 = 1.666…: never printed in full
    r = rank(parse_project(data))
    text = explain(r.actions[0], "en")
    assert "×1.67" in text and "1.666" not in text
    for row in r.to_json():
        assert row["priority"] == round(row["priority"], 6)
        for f in row["breakdown"]:
            assert f["value"] == round(f["value"], 6)
            assert "1.6666666" not in f["source"]


def test_no_id_in_any_explanation(ja_store: Store) -> None:
    for store, lang in ((parse_project(mini()), "en"), (ja_store, "ja")):
        ids = {i for table in store.tables.values() for i in table if len(i) > 1}
        r = rank(store, lang=lang)
        for item in [*r.rows, *r.done]:
            words = set(explain(item, lang, "x").replace("(", " ").replace(")", " ").split())
            assert not ids & words, (item.title, ids & words)
            for f in item.breakdown:
                assert not ids & set(f.source.split())


def test_done_leaves_the_ranking_and_lists_what_it_addressed() -> None:
    data = mini()
    data["actions"][0]["status"] = "done"
    r = rank(parse_project(data))
    assert [i.id for i in r.actions] == ["a3"]
    assert [i.id for i in r.done] == ["a1"] and r.done[0].rank == 1
    assert r.done[0].pain_ids == ("p1", "p2")
    # p1, p2 count as addressed: not in the unaddressed list
    assert [i.id for i in r.pains] == ["p3"]
    assert "1 action done: listed apart with what it addressed" in r.notes
    # the done action's vote no longer sets the maximum for actions
    assert r.actions[0].breakdown[-1].source == "no action has votes yet → ×1"


def test_dropped_stays_out_and_doing_ranks_with_status() -> None:
    data = mini()
    data["actions"][0]["status"] = "doing"
    r = rank(parse_project(data))
    assert [(i.id, i.status) for i in r.actions] == [("a1", "doing"), ("a3", "idea")]
    assert "a2" not in {i.id for i in [*r.rows, *r.done]}
    assert "p3" in {i.id for i in r.pains}  # only the dropped action addresses it
    assert "status: doing" in explain(r.actions[0], "en", "doing")


def test_plural_forms() -> None:
    data = mini()
    data["actions"].append({"id": "a4", "title": "A4", "effort": 1})
    r = rank(parse_project(data))
    assert "2 actions address no pain point: priority 0" in r.notes
    r = rank(parse_project(mini()))
    assert "1 action addresses no pain point: priority 0" in r.notes
    one = explain(r.actions[1], "en")
    assert "addresses no pain point" in one
