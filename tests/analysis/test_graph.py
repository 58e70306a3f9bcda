"""Handoff analyses (DESIGN.md §5)."""

from __future__ import annotations

from journeymap.analysis import graph
from journeymap.model.rows import Handoff, Journey, Lane, ProjectInfo, Role, Stage, Touchpoint
from journeymap.model.store import PROJECT_ID, Store


def test_coordination_burden(ja_store: Store) -> None:
    burden = {b.role: (b.handoffs, b.sent, b.received)
              for b in graph.coordination_burden(ja_store, "soe")}
    assert burden == {"purchasing": (5, 2, 3), "engineer": (3, 2, 1), "finance": (2, 1, 1)}
    names = [b.name for b in graph.coordination_burden(ja_store, "soe")]
    assert names == ["調達責任者", "工場エンジニア", "経理"]


def test_full_analysis(ja_store: Store) -> None:
    res = graph.analyse_handoffs(ja_store, "soe")
    assert res.touchpoints == 7 and res.handoffs == 6 and res.cross_role_handoffs == 5
    assert res.start == ["s1", "s2"]
    assert res.unreachable == ["s7"]
    assert res.cycles == [("s3", "s4", "s5", "s6")] and not res.cycles_truncated
    assert res.bottlenecks[0].touchpoint == "s3"
    assert res.bottlenecks[0].title == "見積依頼"
    assert all(b.betweenness > 0 for b in res.bottlenecks)
    values = [b.betweenness for b in res.bottlenecks]
    assert values == sorted(values, reverse=True)
    assert not res.betweenness_estimated


def _store(n_tp: int, edges: list[tuple[int, int]], stages: int = 2) -> Store:
    rows: list = [ProjectInfo(PROJECT_ID), Journey("j", name="J"), Role("a", name="A"),
                  Role("b", name="B"), Lane("j/a", journey="j", role="a"),
                  Lane("j/b", journey="j", role="b", position=1)]
    rows += [Stage(f"s{i}", journey="j", name=f"S{i}", position=i) for i in range(stages)]
    rows += [Touchpoint(f"t{i}", journey="j", role="ab"[i % 2], stage=f"s{min(i, stages - 1)}",
                        title=f"T{i}", position=i) for i in range(n_tp)]
    rows += [Handoff(f"h{k}", journey="j", source=f"t{a}", target=f"t{b}", position=k)
             for k, (a, b) in enumerate(edges)]
    return Store(rows)


def test_no_handoffs_everything_after_the_start_is_unreachable() -> None:
    s = _store(3, [], stages=3)
    res = graph.analyse_handoffs(s, "j")
    assert res.start == ["t0"] and res.unreachable == ["t1", "t2"]
    assert res.bottlenecks == [] and res.cycles == []
    assert [b.handoffs for b in res.coordination] == [0, 0]


def test_start_is_first_stage_with_touchpoints() -> None:
    rows = list(_store(2, [(0, 1)], stages=2).all_rows())
    rows.append(Stage("s_empty", journey="j", name="empty", position=-1))
    s = Store(rows)
    assert graph.journey_start(s, "j") == ["t0"]
    assert graph.unreachable(s, "j") == []


def test_empty_journey() -> None:
    s = Store([ProjectInfo(PROJECT_ID), Journey("j", name="J")])
    res = graph.analyse_handoffs(s, "j")
    assert res.touchpoints == 0 and res.start == [] and res.unreachable == []
    assert res.coordination == [] and res.cycles == []


def test_self_loop_and_cycle_cap() -> None:
    s = _store(2, [(1, 1), (0, 1)])
    cyc, more = graph.cycles(s, "j")
    assert cyc == [("t1",)] and not more
    complete = [(a, b) for a in range(6) for b in range(6) if a != b]
    s = _store(6, complete)
    cyc, more = graph.cycles(s, "j", max_cycles=10)
    assert len(cyc) == 10 and more
    assert all(c[0] == min(c, key=lambda t: int(t[1:])) for c in cyc)


def test_bottleneck_top_n_and_chain() -> None:
    s = _store(5, [(0, 1), (1, 2), (2, 3), (3, 4)], stages=5)
    bn, estimated = graph.bottlenecks(s, "j", top_n=2)
    assert [b.touchpoint for b in bn] == ["t2", "t1"] and not estimated
    assert graph.unreachable(s, "j") == []


def test_large_graph_uses_deterministic_estimate() -> None:
    n = graph.EXACT_BETWEENNESS_LIMIT + 50
    s = _store(n, [(i, i + 1) for i in range(n - 1)])
    a, est = graph.bottlenecks(s, "j", top_n=3)
    b, _ = graph.bottlenecks(s, "j", top_n=3)
    assert est and a == b and len(a) == 3


def test_duplicate_handoffs_count_for_burden_only_once_in_graph() -> None:
    s = _store(2, [(0, 1), (0, 1)])
    assert graph.handoff_graph(s, "j").number_of_edges() == 1
    assert [b.handoffs for b in graph.coordination_burden(s, "j")] == [2, 2]
