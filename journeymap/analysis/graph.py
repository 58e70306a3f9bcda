"""Handoff analyses of one journey (docs/analyses.md), with networkx.

The handoff graph has the journey's touchpoints as nodes and its handoffs as directed
edges (parallel handoffs between the same two touchpoints are one edge for the graph
measures, but each counts for coordination burden).

* **Coordination burden** of a role: the number of cross-role handoffs (source and
  target touchpoints in different lanes) it takes part in, as sender or receiver.
* **Bottlenecks**: touchpoints with the highest betweenness centrality (normalised),
  only those with a value > 0. Graphs above ``EXACT_BETWEENNESS_LIMIT`` nodes use
  networkx's sampling estimate with ``k`` pivots and a fixed seed (deterministic).
* **Unreachable touchpoints**: the journey *start* is the set of touchpoints in the
  first stage (display order) that has any touchpoint; a touchpoint is unreachable
  when no chain of handoffs leads to it from a start touchpoint. Without handoffs every
  touchpoint outside the start stage is therefore unreachable.
* **Cycles**: ``networkx.simple_cycles``, at most ``max_cycles`` of them (a flag says
  when the list was cut). A handoff from a touchpoint to itself is a cycle of length 1.

networkx is imported here, never in the model. No Qt.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import networkx as nx

from journeymap.model.store import Store

EXACT_BETWEENNESS_LIMIT = 300
BETWEENNESS_SAMPLES = 100


@dataclass(frozen=True)
class RoleBurden:
    """Cross-role handoffs a role takes part in: ``sent`` + ``received`` = ``handoffs``."""

    role: str
    name: str
    handoffs: int
    sent: int
    received: int


@dataclass(frozen=True)
class Bottleneck:
    touchpoint: str
    title: str
    role: str
    stage: str
    betweenness: float


@dataclass
class HandoffAnalysis:
    """All handoff analyses of one journey. Lists are in display order, except
    ``bottlenecks`` (highest betweenness first) and ``coordination`` (lane order)."""

    journey: str
    touchpoints: int
    handoffs: int
    cross_role_handoffs: int
    coordination: list[RoleBurden] = field(default_factory=list)
    bottlenecks: list[Bottleneck] = field(default_factory=list)
    betweenness_estimated: bool = False
    start: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    cycles: list[tuple[str, ...]] = field(default_factory=list)
    cycles_truncated: bool = False


def handoff_graph(store: Store, journey: str) -> nx.DiGraph:
    """Touchpoints (node attributes role, stage, title) and handoffs of a journey."""
    g = nx.DiGraph()
    for tp in store.touchpoints(journey):
        g.add_node(tp.id, role=tp.role, stage=tp.stage, title=tp.title)
    for h in store.handoffs(journey):
        if h.source in g and h.target in g:
            g.add_edge(h.source, h.target)
    return g


def coordination_burden(store: Store, journey: str) -> list[RoleBurden]:
    """Per role of the journey (lane order; roles without a lane that still appear
    follow), the cross-role handoffs it takes part in."""
    tps = store.tables["touchpoint"]
    sent: dict[str, int] = {}
    received: dict[str, int] = {}
    for h in store.handoffs(journey):
        a, b = tps.get(h.source), tps.get(h.target)
        if a is None or b is None or a.role == b.role:  # type: ignore[attr-defined]
            continue
        sent[a.role] = sent.get(a.role, 0) + 1  # type: ignore[attr-defined]
        received[b.role] = received.get(b.role, 0) + 1  # type: ignore[attr-defined]
    order = [lane.role for lane in store.lanes(journey)]
    order += [r for r in dict.fromkeys([*sent, *received]) if r not in order]
    out = []
    for rid in order:
        role = store.tables["role"].get(rid)
        s, r = sent.get(rid, 0), received.get(rid, 0)
        out.append(RoleBurden(rid, role.name if role is not None else rid,  # type: ignore[attr-defined]
                              s + r, s, r))
    return out


def bottlenecks(store: Store, journey: str, top_n: int = 5,
                graph: nx.DiGraph | None = None) -> tuple[list[Bottleneck], bool]:
    """The ``top_n`` touchpoints by betweenness centrality with a value > 0 (ties by
    display order), and whether the values are a sampled estimate."""
    g = graph if graph is not None else handoff_graph(store, journey)
    if g.number_of_edges() == 0 or top_n <= 0:
        return [], False
    estimated = g.number_of_nodes() > EXACT_BETWEENNESS_LIMIT
    if estimated:
        bc = nx.betweenness_centrality(g, k=BETWEENNESS_SAMPLES, seed=0)
    else:
        bc = nx.betweenness_centrality(g)
    order = {tp.id: i for i, tp in enumerate(store.touchpoints(journey))}
    best = sorted((n for n, v in bc.items() if v > 0), key=lambda n: (-bc[n], order.get(n, 0)))
    out = []
    for n in best[:top_n]:
        attrs = g.nodes[n]
        out.append(Bottleneck(n, attrs.get("title", ""), attrs.get("role", ""),
                              attrs.get("stage", ""), float(bc[n])))
    return out, estimated


def journey_start(store: Store, journey: str) -> list[str]:
    """Touchpoints of the first stage (display order) that has any touchpoint."""
    by_stage: dict[str, list[str]] = {}
    for tp in store.touchpoints(journey):
        by_stage.setdefault(tp.stage, []).append(tp.id)
    for st in store.stages(journey):
        if st.id in by_stage:
            return by_stage[st.id]
    return []


def unreachable(store: Store, journey: str, graph: nx.DiGraph | None = None) -> list[str]:
    """Touchpoints no chain of handoffs reaches from the journey start (display order)."""
    g = graph if graph is not None else handoff_graph(store, journey)
    start = journey_start(store, journey)
    seen: set[str] = set(start)
    stack = list(start)
    while stack:  # plain DFS: cheaper than one descendants() call per start node
        for nxt in g.successors(stack.pop()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return [tp.id for tp in store.touchpoints(journey) if tp.id not in seen]


def cycles(store: Store, journey: str, max_cycles: int = 20,
           graph: nx.DiGraph | None = None) -> tuple[list[tuple[str, ...]], bool]:
    """Up to ``max_cycles`` simple cycles (each as touchpoint ids, starting at its
    earliest touchpoint in display order) and whether more exist."""
    g = graph if graph is not None else handoff_graph(store, journey)
    if g.number_of_edges() == 0 or (nx.is_directed_acyclic_graph(g)):
        return [], False
    found = list(itertools.islice(nx.simple_cycles(g), max_cycles + 1))
    truncated = len(found) > max_cycles
    order = {tp.id: i for i, tp in enumerate(store.touchpoints(journey))}
    out = []
    for c in found[:max_cycles]:
        i = min(range(len(c)), key=lambda k: order.get(c[k], 0))
        out.append(tuple(c[i:] + c[:i]))
    out.sort(key=lambda c: (len(c), [order.get(n, 0) for n in c]))
    return out, truncated


def analyse_handoffs(store: Store, journey: str, top_n: int = 5,
                     max_cycles: int = 20) -> HandoffAnalysis:
    """Every handoff analysis of a journey, building the graph once."""
    g = handoff_graph(store, journey)
    burden = coordination_burden(store, journey)
    bn, estimated = bottlenecks(store, journey, top_n, graph=g)
    cyc, truncated = cycles(store, journey, max_cycles, graph=g)
    handoffs = store.handoffs(journey)
    return HandoffAnalysis(
        journey=journey, touchpoints=g.number_of_nodes(), handoffs=len(handoffs),
        cross_role_handoffs=sum(b.sent for b in burden),
        coordination=burden, bottlenecks=bn, betweenness_estimated=estimated,
        start=journey_start(store, journey), unreachable=unreachable(store, journey, g),
        cycles=cyc, cycles_truncated=truncated)


__all__ = [
    "Bottleneck", "HandoffAnalysis", "RoleBurden", "analyse_handoffs", "bottlenecks",
    "coordination_burden", "cycles", "handoff_graph", "journey_start", "unreachable",
]
