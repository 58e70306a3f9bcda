"""Handoff analyses of one journey (docs/analyses.md), with networkx.

The handoff graph has the journey's touchpoints as nodes and its handoffs as directed
edges (parallel handoffs between the same two touchpoints are one edge for the graph
measures, but each counts for coordination burden).

* **Coordination burden** of a role: the number of cross-role handoffs (source and
  target touchpoints in different lanes) it takes part in, as sender or receiver.
* **Bottlenecks**: touchpoints with the highest betweenness centrality (normalised),
  only those with a value > 0. Graphs above ``EXACT_BETWEENNESS_LIMIT`` nodes use
  networkx's sampling estimate with ``k`` pivots and a fixed seed (deterministic).
* **Chains** of handoffs: paths through the handoff graph from a touchpoint that
  receives no handoff (a chain start) to one that passes none on (a chain end), each
  touchpoint at most once (so a loop does not run forever); at most ``MAX_CHAINS``.
* **Waiting points** (work waits on another role): touchpoints where handoffs from two
  or more touchpoints converge, or that two or more chains pass through; ordered by
  betweenness centrality (the method: how many shortest handoff paths run through the
  touchpoint), never shown as a number; each with the chains through it.
* **Breaks**: a chain end before the last stage any handoff reaches: work is handed to
  a touchpoint that passes nothing on while the journey goes on. Only touchpoints that
  take part in handoffs are considered: a touchpoint without handoffs is not a break.
* **Unreachable** (kept for scripts): touchpoints *that take part in handoffs* which no
  chain reaches from the journey start (the first stage with touchpoints) or from a
  chain start; without handoffs the list is empty.
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
MAX_CHAINS = 2_000


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


@dataclass(frozen=True)
class WaitingPoint:
    """A touchpoint where work waits: ``senders`` hand work to it (two or more:
    ``converges``); ``chain_count`` chains pass through it, some listed in ``chains``."""

    touchpoint: str
    title: str
    role: str
    stage: str
    senders: tuple[str, ...]
    chain_count: int
    chains: tuple[tuple[str, ...], ...]

    @property
    def converges(self) -> bool:
        return len(self.senders) >= 2


@dataclass(frozen=True)
class ChainBreak:
    """A chain of handoffs that ends at ``touchpoint`` (stage ``stage``) before
    ``last_stage``, the last stage any handoff reaches; ``chain`` is one such chain."""

    touchpoint: str
    stage: str
    last_stage: str
    chain: tuple[str, ...]


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
    waiting: list[WaitingPoint] = field(default_factory=list)
    breaks: list[ChainBreak] = field(default_factory=list)
    chains: int = 0
    chains_truncated: bool = False

    @property
    def busiest(self) -> RoleBurden | None:
        """The role that carries the most cross-role handoffs (first in lane order on a
        tie); None when no handoff crosses roles."""
        best = max(self.coordination, key=lambda b: b.handoffs, default=None)
        return best if best is not None and best.handoffs > 0 else None


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


def betweenness(g: nx.DiGraph) -> dict[str, float]:
    """Normalised betweenness centrality; a deterministic sampled estimate above
    ``EXACT_BETWEENNESS_LIMIT`` nodes."""
    if g.number_of_nodes() > EXACT_BETWEENNESS_LIMIT:
        return nx.betweenness_centrality(g, k=BETWEENNESS_SAMPLES, seed=0)
    return nx.betweenness_centrality(g)


def bottlenecks(store: Store, journey: str, top_n: int = 5,
                graph: nx.DiGraph | None = None, bc: dict[str, float] | None = None
                ) -> tuple[list[Bottleneck], bool]:
    """The ``top_n`` touchpoints by betweenness centrality with a value > 0 (ties by
    display order), and whether the values are a sampled estimate."""
    g = graph if graph is not None else handoff_graph(store, journey)
    if g.number_of_edges() == 0 or top_n <= 0:
        return [], False
    estimated = g.number_of_nodes() > EXACT_BETWEENNESS_LIMIT
    bc = bc if bc is not None else betweenness(g)
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
    """Touchpoints that take part in handoffs but that no chain reaches from the journey
    start or from a chain start (display order): in practice, loops nothing feeds."""
    g = graph if graph is not None else handoff_graph(store, journey)
    start = [n for n in journey_start(store, journey) if g.degree(n)]
    start += [n for n in g if g.in_degree(n) == 0 and g.out_degree(n) > 0]
    seen: set[str] = set(start)
    stack = list(start)
    while stack:  # plain DFS: cheaper than one descendants() call per start node
        for nxt in g.successors(stack.pop()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return [tp.id for tp in store.touchpoints(journey) if tp.id not in seen and g.degree(tp.id)]


def handoff_chains(g: nx.DiGraph, order: dict[str, int],
                   limit: int = MAX_CHAINS) -> tuple[list[tuple[str, ...]], bool]:
    """Chains of handoffs: paths from a chain start (no incoming handoff; in a loop that
    nothing feeds, its earliest touchpoint) to a chain end (nothing passed on, or the
    next step would repeat a touchpoint). At most ``limit``; True when cut."""
    g = nx.DiGraph((a, b) for a, b in g.edges if a != b)
    starts = [n for n in g if g.in_degree(n) == 0]
    fed = set(starts)
    for n in starts:
        fed |= nx.descendants(g, n)
    for comp in sorted(nx.strongly_connected_components(g.subgraph(set(g) - fed)),
                       key=lambda c: min(order.get(n, 0) for n in c)):
        if not comp & fed:
            first = min(comp, key=lambda n: order.get(n, 0))
            starts.append(first)
            fed |= {first} | nx.descendants(g, first)
    starts.sort(key=lambda n: order.get(n, 0))
    out: list[tuple[str, ...]] = []
    for s in starts:
        stack: list[tuple[str, ...]] = [(s,)]
        while stack:
            path = stack.pop()
            nxt = [n for n in g.successors(path[-1]) if n not in path]
            if not nxt:
                out.append(path)
                if len(out) >= limit:
                    return out, True
                continue
            nxt.sort(key=lambda n: -order.get(n, 0))
            stack += [(*path, n) for n in nxt]
    return out, False


def waiting_points(store: Store, journey: str, g: nx.DiGraph,
                   chains: list[tuple[str, ...]], top_n: int = 5,
                   bc: dict[str, float] | None = None) -> list[WaitingPoint]:
    """Touchpoints where handoffs converge (two or more senders) or that two or more
    chains pass through (not as their start or end), ordered by betweenness centrality,
    then by the chains through them, then display order."""
    order = {tp.id: i for i, tp in enumerate(store.touchpoints(journey))}
    through: dict[str, list[tuple[str, ...]]] = {}
    for c in chains:
        for n in c[1:-1]:
            through.setdefault(n, []).append(c)
    candidates = [n for n in g if len(set(g.predecessors(n)) - {n}) >= 2
                  or len(through.get(n, ())) >= 2]
    if not candidates:
        return []
    bc = bc if bc is not None else betweenness(g)
    candidates.sort(key=lambda n: (-round(bc.get(n, 0.0), 12), -len(through.get(n, ())),
                                   order.get(n, 0)))
    out = []
    for n in candidates[:top_n]:
        attrs = g.nodes[n]
        senders = tuple(sorted(set(g.predecessors(n)) - {n}, key=lambda m: order.get(m, 0)))
        mine = through.get(n) or [c for c in chains if n in c]
        out.append(WaitingPoint(n, attrs.get("title", ""), attrs.get("role", ""),
                                attrs.get("stage", ""), senders, len(through.get(n, ())),
                                tuple(mine[:3])))
    return out


def chain_breaks(store: Store, journey: str, g: nx.DiGraph,
                 chains: list[tuple[str, ...]]) -> list[ChainBreak]:
    """Chain ends before the last stage any handoff reaches (display order)."""
    stage_pos = {st.id: i for i, st in enumerate(store.stages(journey))}
    involved = [n for n in g if g.degree(n)]
    if not involved:
        return []
    last = max(involved, key=lambda n: stage_pos.get(g.nodes[n].get("stage", ""), -1))
    last_stage = g.nodes[last].get("stage", "")
    last_pos = stage_pos.get(last_stage, -1)
    ends: dict[str, tuple[str, ...]] = {}
    for c in chains:
        end = c[-1]
        if (len(c) > 1 and g.out_degree(end) == 0
                and stage_pos.get(g.nodes[end].get("stage", ""), -1) < last_pos):
            ends.setdefault(end, c)
    order = {tp.id: i for i, tp in enumerate(store.touchpoints(journey))}
    return [ChainBreak(n, g.nodes[n].get("stage", ""), last_stage, ends[n])
            for n in sorted(ends, key=lambda n: order.get(n, 0))]


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
    """Every handoff analysis of a journey, building the graph once. Kept in the
    store's cache until its next change (the report's chart and its words share one
    run); treat the result as read-only."""
    return store._memo(("handoff_analysis", journey, top_n, max_cycles),  # type: ignore[no-any-return]
                       lambda: _analyse(store, journey, top_n, max_cycles))


def _analyse(store: Store, journey: str, top_n: int, max_cycles: int) -> HandoffAnalysis:
    g = handoff_graph(store, journey)
    burden = coordination_burden(store, journey)
    bc = betweenness(g) if g.number_of_edges() else {}
    bn, estimated = bottlenecks(store, journey, top_n, graph=g, bc=bc)
    cyc, truncated = cycles(store, journey, max_cycles, graph=g)
    handoffs = store.handoffs(journey)
    order = {tp.id: i for i, tp in enumerate(store.touchpoints(journey))}
    chains, chains_cut = handoff_chains(g, order)
    return HandoffAnalysis(
        journey=journey, touchpoints=g.number_of_nodes(), handoffs=len(handoffs),
        cross_role_handoffs=sum(b.sent for b in burden),
        coordination=burden, bottlenecks=bn, betweenness_estimated=estimated,
        start=journey_start(store, journey), unreachable=unreachable(store, journey, g),
        cycles=cyc, cycles_truncated=truncated,
        waiting=waiting_points(store, journey, g, chains, top_n, bc),
        breaks=chain_breaks(store, journey, g, chains), chains=len(chains),
        chains_truncated=chains_cut)


def describe_handoffs(store: Store, res: HandoffAnalysis, lang: str | None = None
                      ) -> list[tuple[str, list[str]]]:
    """The analysis in words of ``lang`` ("en"/"ja"): sections (heading, sentences) that
    answer the facilitator's questions — who coordinates most, where work waits (with
    the chains), loops, where a chain breaks off. Names only; no ids, no centrality."""
    from journeymap.analysis.content_text import HANDOFF_TEXT, content_lang
    from journeymap.analysis.scoring import plural

    t = HANDOFF_TEXT[content_lang(lang)]
    tps, roles, stages = (store.tables[k] for k in ("touchpoint", "role", "stage"))

    def title(tid: str) -> str:
        return getattr(tps.get(tid), "title", "")

    def quoted(tid: str) -> str:
        return t["quote"].format(title(tid))

    def listing(items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return t["comma"].join(items[:-1]) + t["and"] + items[-1]

    def role(rid: str) -> str:
        return getattr(roles.get(rid), "name", "")

    def stage(sid: str) -> str:
        return getattr(stages.get(sid), "name", "")

    def chain(c: tuple[str, ...]) -> str:
        return " → ".join(title(n) for n in c)

    if res.handoffs == 0:
        return [("", [t["no_handoffs"]])]
    out: list[tuple[str, list[str]]] = []
    lines = [t["overview"].format(handoffs=plural(t, "handoff", res.handoffs),
                                  cross=res.cross_role_handoffs)]
    busiest = res.busiest
    if busiest is None:
        lines.append(t["no_cross"])
    else:
        lines.append(t["busiest"].format(role=busiest.name, n=busiest.handoffs,
                                         sent=busiest.sent, received=busiest.received))
        lines += [t["burden_row"].format(role=b.name, n=b.handoffs, sent=b.sent,
                                         received=b.received)
                  for b in sorted(res.coordination, key=lambda b: -b.handoffs)
                  if b is not busiest and b.handoffs]
    out.append((t["burden_head"], lines))
    lines = []
    for w in res.waiting:
        where = dict(title=quoted(w.touchpoint), role=role(w.role), stage=stage(w.stage),
                     chains=plural(t, "chain", w.chain_count))
        if w.converges:
            senders = listing([quoted(s) for s in w.senders])
            lines.append(t["converge"].format(senders=senders, **where))
        else:
            lines.append(t["passes"].format(**where))
        lines += [f"    {chain(c)}" for c in w.chains]
    out.append((t["waiting_head"], lines or [t["no_waiting"]]))
    lines = [t["loop"].format(chain=chain((*c, c[0]))) for c in res.cycles[:5]]
    if res.cycles_truncated or len(res.cycles) > 5:
        lines.append(t["loops_more"])
    out.append((t["loops_head"], lines or [t["no_loops"]]))
    last = stage(res.breaks[0].last_stage) if res.breaks else ""
    lines = [t["break"].format(title=quoted(b.touchpoint), role=role(
        getattr(tps.get(b.touchpoint), "role", "")), stage=stage(b.stage),
        last=stage(b.last_stage), chain=chain(b.chain)) for b in res.breaks]
    if not lines:
        ids = [tp.id for tp in store.touchpoints(res.journey)]
        g_stages = [getattr(tps.get(i), "stage", "") for i in ids]
        last = stage(g_stages[-1]) if g_stages else ""
    out.append((t["breaks_head"], lines or [t["no_breaks"].format(last=last)]))
    return out


__all__ = [
    "MAX_CHAINS", "describe_handoffs", "Bottleneck", "ChainBreak", "HandoffAnalysis", "RoleBurden", "WaitingPoint",
    "analyse_handoffs", "bottlenecks", "chain_breaks", "coordination_burden", "cycles",
    "handoff_chains", "handoff_graph", "journey_start", "unreachable", "waiting_points",
]
