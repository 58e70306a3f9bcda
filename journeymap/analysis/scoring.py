"""Explainable prioritisation (docs/scoring.md): impact of pain points, priority of actions.

For a pain point *p* on a touchpoint in role *r*'s lane at stage *s*::

    impact(p) = severity/5 × frequency/5 × influence(r, s)/5 × dimension_weight(d)
                × (1 + vote_weight × votes(p) / max_pain_votes)

For an action *a* addressing the pain points P(a)::

    priority(a) = Σ_{p ∈ P(a)} impact(p) ÷ (effort/5)
                  × (1 + vote_weight × votes(a) / max_action_votes)

Every ranked row carries its **breakdown**, a list of :class:`Factor`. For a pain point
all factors are multipliers (``op == "×"``) and their product is the impact. For an
action the ``"+"`` factors are the impacts of the pain points it addresses (summed)
and the ``"×"`` factors multiply that sum (``effort`` has the value ``5/effort``), so
``priority == Σ(+ factors) × Π(× factors)``.

Choices spelled out (docs/scoring.md; tested):

* ``max_pain_votes`` is the highest vote count of any pain point in the project;
  ``max_action_votes`` the highest of any action that is not ``dropped`` (dropped
  actions are left out everywhere). A vote term is 1 when its maximum is 0.
* Priorities equal to 12 decimals count as tied (float noise must not decide ties).
* Dropped actions are not listed and do not count as addressing their pain points.
* An action that addresses no pain point has priority 0 and is still listed.
* Ranks are continuous over the whole list: actions 1..A, then pain points A+1..A+P.

Pure functions of a :class:`~journeymap.model.store.Store`; no Qt. Scoring 10,000 pain
points takes well under 100 ms: vote counts are computed once per call and the
factor objects (there are few distinct ones) are shared between rows.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from journeymap.analysis.content_text import BREAKDOWN_TEXT
from journeymap.model.rows import Action, PainPoint, Status, Touchpoint
from journeymap.model.store import Store

FactorOp = Literal["×", "+"]


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor of a score: a stable ``name`` (``severity``, ``frequency``,
    ``influence``, ``dimension_weight``, ``votes``, ``impact``, ``effort``), the
    ``value`` that enters the formula, a human-readable ``source`` saying where it came
    from, and ``op``: ``"×"`` multiplies, ``"+"`` is summed (an action's pain impacts)."""

    name: str
    value: float
    source: str
    op: FactorOp = "×"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "value": round(self.value, 6), "source": self.source,
                "op": self.op}


class RankedItem(NamedTuple):
    """One row of the prioritised list (immutable; a named tuple because 10,000 of them
    are built per scoring run, and tuples are the cheapest immutable records).

    ``priority`` is the action's priority or the pain point's impact. ``severity`` is the
    pain point's severity, or for an action the highest severity it addresses (0 when it
    addresses none). ``pain_ids`` are the pain points an action addresses (for a pain:
    itself) and ``touchpoint_ids`` the cards to highlight. ``journey``/``role``/``stage``
    are set for pain points only; ``journeys`` lists the journeys an action's pains are in.
    """

    rank: int
    type: Literal["action", "pain"]
    id: str
    title: str
    priority: float
    severity: int
    breakdown: list[Factor]
    pain_ids: tuple[str, ...]
    touchpoint_ids: tuple[str, ...]
    journey: str | None = None
    role: str | None = None
    stage: str | None = None
    votes: int = 0
    # pain points
    frequency: int | None = None
    dimension: str | None = None
    # actions
    effort: int | None = None
    status: str | None = None
    owner: str | None = None
    journeys: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rank": self.rank, "type": self.type, "id": self.id, "title": self.title,
            "priority": round(self.priority, 6), "severity": self.severity,
            "votes": self.votes,
            "breakdown": [f.to_json() for f in self.breakdown],
        }
        if self.type == "action":
            out.update(effort=self.effort, status=self.status, owner=self.owner,
                       addresses=list(self.pain_ids), journeys=list(self.journeys))
        else:
            out.update(frequency=self.frequency, dimension=self.dimension,
                       journey=self.journey, role=self.role, stage=self.stage,
                       touchpoint=self.touchpoint_ids[0] if self.touchpoint_ids else None)
        return out


@dataclass
class Ranking:
    """The prioritised list: ``actions`` by priority, then ``pains`` no action addresses,
    by impact; each list numbers its own rows from 1. ``done`` holds the actions with
    status ``done`` (not ranked; their pain points count as addressed), by priority.
    ``notes`` explain empty lists and degenerate scores in plain words."""

    actions: list[RankedItem] = field(default_factory=list)
    pains: list[RankedItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    journey: str | None = None
    done: list[RankedItem] = field(default_factory=list)

    @property
    def rows(self) -> list[RankedItem]:
        """Actions then unaddressed pain points; ``rank`` runs 1..n over both."""
        return [*self.actions, *self.pains]

    def to_json(self) -> list[dict[str, Any]]:
        """The list, best first, as JSON-ready dicts (``journeymap rank --json``)."""
        return [item.to_json() for item in self.rows]


# -- texts of the breakdown sources (in the content catalogue) ---------------------------------
def _texts(lang: str | None) -> dict[str, str]:
    return BREAKDOWN_TEXT.get(lang or "en", BREAKDOWN_TEXT["en"])


def num(x: float, decimals: int = 2) -> str:
    """A number for people: rounded to ``decimals`` (2 unless told), no trailing zeros,
    never ``-0`` (``4.300000000000001`` → ``4.3``; ``1.66667`` → ``1.67``)."""
    text = f"{x:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


_num = num


def plural(t: dict[str, str], key: str, n: int) -> str:
    """``n`` things with the right number form: ``t[key + "_one"]`` for one, else
    ``t[key + "_many"]`` (Japanese uses counters, the same form for every ``n``)."""
    return t[f"{key}_one"] if n == 1 else t[f"{key}_many"].format(n=n)


# A scored pain point: (impact, factors, pain row, touchpoint row, its vote count).
_Scored = tuple[float, list[Factor], PainPoint, Touchpoint, int]


def _sort_key(item: RankedItem) -> tuple[float, int, str, str]:
    return (-round(item.priority, 12), -item.severity, item.title, item.id)


class _Scorer:
    """Everything computed once per scoring run; factor objects are memoised because
    there are only a few distinct ones (5 severities, a cell's influence, …)."""

    def __init__(self, store: Store, lang: str | None = None) -> None:
        self.store = store
        self.t = _texts(lang)
        self.vote_weight = float(store.vote_weight)
        counts: dict[str, int] = {}
        for v in store.tables["vote"].values():
            target = v.target  # type: ignore[attr-defined]
            counts[target] = counts.get(target, 0) + 1
        self.vote_counts = counts
        pains = store.tables["pain_point"]
        actions = store.tables["action"]
        self.max_pain_votes = max((n for t, n in counts.items() if t in pains), default=0)
        self.max_action_votes = max(
            (n for t, n in counts.items()
             if t in actions
             and actions[t].status not in (Status.DROPPED, Status.DONE)),  # type: ignore[attr-defined]
            default=0)
        self._memo: dict[tuple[Any, ...], Factor] = {}

    def _factor(self, key: tuple[Any, ...], make) -> Factor:  # type: ignore[no-untyped-def]
        f = self._memo.get(key)
        if f is None:
            f = self._memo[key] = make()
        return f

    def _vote_factor(self, kind: str, n: int) -> Factor:
        m = self.max_pain_votes if kind == "pain" else self.max_action_votes
        w = self.vote_weight

        def make() -> Factor:
            if m == 0:
                return Factor("votes", 1.0, self.t[f"no_votes_{kind}"])
            value = 1.0 + w * n / m
            return Factor("votes", value, self.t[f"{kind}_votes"].format(
                votes=plural(self.t, "vote", n), m=m, w=_num(w), f=_num(value)))

        return self._factor(("votes", kind, n), make)

    def _influence_factor(self, tp: Touchpoint) -> Factor:
        def make() -> Factor:
            store = self.store
            explicit = store.explicit_influence(tp.journey, tp.role, tp.stage)
            role = store.tables["role"].get(tp.role)
            stage = store.tables["stage"].get(tp.stage)
            role_name = role.name if role is not None else tp.role  # type: ignore[attr-defined]
            stage_name = stage.name if stage is not None else tp.stage  # type: ignore[attr-defined]
            if explicit is not None:
                v = explicit.weight
                src = self.t["influence"].format(v=v, role=role_name, stage=stage_name)
            else:
                v = store.influence_at(tp.journey, tp.role, tp.stage)
                src = self.t["influence_default"].format(v=v, role=role_name, stage=stage_name)
            return Factor("influence", v / 5, src)

        return self._factor(("influence", tp.journey, tp.role, tp.stage), make)

    def _dimension_factor(self, dim_id: str) -> Factor:
        def make() -> Factor:
            dim = self.store.tables["dimension"].get(dim_id)
            name = dim.name if dim is not None else dim_id  # type: ignore[attr-defined]
            weight = dim.weight if dim is not None else None  # type: ignore[attr-defined]
            if weight is None:
                return Factor("dimension_weight", 1.0, self.t["dim_default"].format(dim=name))
            return Factor("dimension_weight", float(weight),
                          self.t["dim"].format(dim=name, w=_num(float(weight))))

        return self._factor(("dim", dim_id), make)

    def score_pains(self, pains: Iterable[PainPoint], journey: str | None = None
                    ) -> dict[str, _Scored]:
        """Impact and factors of each pain point (of ``journey`` only, if given); pain
        points whose touchpoint is missing are skipped. The hot loop of scoring: plain
        dict caches, no per-row closures."""
        tps = self.store.tables["touchpoint"]
        t = self.t
        counts = self.vote_counts
        # Caches keyed by what a factor depends on; few distinct keys, so the loop
        # mostly does dict lookups and one multiplication.
        sf_cache: dict[int, tuple[Factor, Factor, float]] = {}
        tp_cache: dict[str, tuple[Touchpoint, Factor, float] | None] = {}
        cell_f: dict[tuple[str, str, str], Factor] = {}
        dim_cache: dict[str, tuple[Factor, float]] = {}
        vote_cache: dict[int, tuple[Factor, float]] = {}
        out: dict[str, _Scored] = {}
        for p in pains:
            tpid = p.touchpoint
            try:
                tpc = tp_cache[tpid]
            except KeyError:
                tp = tps.get(tpid)
                if tp is None or (journey is not None and tp.journey != journey):  # type: ignore[attr-defined]
                    tpc = None
                else:
                    cell = (tp.journey, tp.role, tp.stage)  # type: ignore[attr-defined]
                    infl = cell_f.get(cell)
                    if infl is None:
                        infl = cell_f[cell] = self._influence_factor(tp)  # type: ignore[arg-type]
                    tpc = (tp, infl, infl.value)  # type: ignore[assignment]
                tp_cache[tpid] = tpc
            if tpc is None:
                continue
            key = p.severity * 16 + p.frequency
            sf = sf_cache.get(key)
            if sf is None:
                sev = Factor("severity", p.severity / 5, t["severity"].format(v=p.severity))
                freq = Factor("frequency", p.frequency / 5, t["frequency"].format(v=p.frequency))
                sf = sf_cache[key] = (sev, freq, sev.value * freq.value)
            dc = dim_cache.get(p.dimension)
            if dc is None:
                dim = self._dimension_factor(p.dimension)
                dc = dim_cache[p.dimension] = (dim, dim.value)
            n = counts.get(p.id, 0)
            vc = vote_cache.get(n)
            if vc is None:
                vf = self._vote_factor("pain", n)
                vc = vote_cache[n] = (vf, vf.value)
            # Same multiplication order as the breakdown: severity, frequency, ...
            value = sf[2] * tpc[2] * dc[1] * vc[1]
            out[p.id] = (value, [sf[0], sf[1], tpc[1], dc[0], vc[0]], p, tpc[0], n)
        return out

    def pain_factors(self, pain: PainPoint) -> tuple[float, list[Factor]]:
        value, factors, *_ = self.score_pains([pain])[pain.id]
        return value, factors

    @staticmethod
    def pain_item(scored: _Scored, rank: int = 0) -> RankedItem:
        value, factors, pain, tp, n = scored
        # Positional: this runs once per listed pain point.
        return RankedItem(rank, "pain", pain.id, pain.title, value, pain.severity, factors,
                          (pain.id,), (tp.id,), tp.journey, tp.role, tp.stage, n,
                          pain.frequency, pain.dimension, None, None, None, ())

    def action_item(self, action: Action, pains: list[_Scored]) -> RankedItem:
        """``pains``: the scored pain points this action counts (already filtered)."""
        t = self.t
        impacts = [Factor("impact", s[0], t["impact"].format(title=s[2].title, v=_num(s[0])),
                          "+")
                   for s in pains]
        effort = self._factor(("effort", action.effort), lambda: Factor(
            "effort", 5 / action.effort,
            t["effort"].format(v=action.effort, f=_num(5 / action.effort))))
        n = self.vote_counts.get(action.id, 0)
        votes = self._vote_factor("action", n)
        total = math.fsum(s[0] for s in pains)
        priority = total * effort.value * votes.value if pains else 0.0
        tps = tuple(dict.fromkeys(s[3].id for s in pains))
        journeys = tuple(dict.fromkeys(s[3].journey for s in pains))
        return RankedItem(
            rank=0, type="action", id=action.id, title=action.title, priority=priority,
            severity=max((s[2].severity for s in pains), default=0),
            breakdown=[*impacts, effort, votes], pain_ids=tuple(s[2].id for s in pains),
            touchpoint_ids=tps, votes=n, effort=action.effort, status=action.status,
            owner=action.owner, journeys=journeys)


def impact(store: Store, pain_id: str) -> tuple[float, list[Factor]]:
    """Impact of one pain point and its breakdown (severity, frequency, influence,
    dimension weight, votes; all multipliers). Raises ``KeyError`` for an unknown id."""
    pain: PainPoint = store.tables["pain_point"][pain_id]  # type: ignore[assignment]
    return _Scorer(store).pain_factors(pain)


def rank(store: Store, journey: str | None = None, lang: str | None = None) -> Ranking:
    """The prioritised list of a project, or of one journey.

    ``journey=None``: every pain point of the project and every action that is not
    dropped. With a journey id: only that journey's pain points; only the actions that
    address at least one of them, and their priority counts **only this journey's**
    pain points (an action spanning segments is judged by what it does for the journey
    on screen). Vote maxima stay project-wide either way, so a pain point's impact is
    the same in both views. ``lang`` (``"en"`` default, or ``"ja"``) selects the
    language of breakdown sources and notes. Raises ``KeyError`` for an unknown journey.
    """
    # Scoring allocates tens of thousands of small, acyclic objects; a cyclic garbage
    # collection of the whole project in the middle of it costs more than the scoring.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _rank(store, journey, lang)
    finally:
        if enabled:
            gc.enable()


def _rank(store: Store, journey: str | None, lang: str | None) -> Ranking:
    if journey is not None and journey not in store.tables["journey"]:
        raise KeyError(journey)
    scorer = _Scorer(store, lang)
    t = scorer.t
    scored = scorer.score_pains(store.tables["pain_point"].values(),  # type: ignore[arg-type]
                                journey)

    # Links grouped once (not through per-action queries: one pass is cheaper).
    links: dict[str, list[tuple[float, str]]] = {}
    for link in store.tables["action_link"].values():
        links.setdefault(link.action, []).append((link.position, link.pain))  # type: ignore[attr-defined]
    live = [a for a in store.tables["action"].values()
            if a.status != Status.DROPPED]  # type: ignore[attr-defined]
    addressed: set[str] = set()
    actions: list[RankedItem] = []
    done: list[RankedItem] = []
    empty_actions = 0
    for a in live:
        pain_ids = [pid for _, pid in sorted(links.get(a.id, []))]
        counted = [scored[pid] for pid in pain_ids if pid in scored]
        if journey is not None and not counted:
            continue
        addressed.update(s[2].id for s in counted)
        item = scorer.action_item(a, counted)  # type: ignore[arg-type]
        if a.status == Status.DONE:  # type: ignore[attr-defined]
            done.append(item)
            continue
        if not pain_ids:
            empty_actions += 1
        actions.append(item)
    actions.sort(key=_sort_key)
    done.sort(key=_sort_key)
    ranked_actions = [item._replace(rank=i) for i, item in enumerate(actions, 1)]
    done = [item._replace(rank=i) for i, item in enumerate(done, 1)]
    # Pain points sorted as scored tuples (same order as _sort_key), then one RankedItem
    # each with its rank: addressed ones live in the actions' breakdowns.
    listed = [sc for pid, sc in scored.items() if pid not in addressed]
    listed.sort(key=lambda sc: (-round(sc[0], 12), -sc[2].severity, sc[2].title, sc[2].id))
    pain_item = scorer.pain_item
    pains = ranked_pains = [pain_item(sc, i) for i, sc in enumerate(listed, 1)]

    notes: list[str] = []
    if not scored:
        notes.append(t["note_no_pains_journey" if journey else "note_no_pains"])
    if not store.tables["action"]:
        notes.append(t["note_no_actions"])
    elif not live:
        notes.append(t["note_all_dropped"])
    elif journey is not None and not actions and not done:
        notes.append(t["note_no_actions_journey"])
    if empty_actions == 1:
        notes.append(t["note_empty_action"])
    elif empty_actions:
        notes.append(t["note_empty_actions"].format(actions=plural(t, "action", empty_actions)))
    if len(done) == 1:
        notes.append(t["note_one_done"])
    elif done:
        notes.append(t["note_done"].format(actions=plural(t, "action", len(done))))
    if scored:
        factors = [sc[1] for sc in scored.values()]
        if all(f[2].value == 0 for f in factors):
            notes.append(t["note_zero_influence"])
        elif all(f[3].value == 0 for f in factors):
            notes.append(t["note_zero_dims"])
        if not pains:
            notes.append(t["note_all_addressed"])
    if not store.tables["vote"]:
        notes.append(t["note_no_votes"])
    return Ranking(ranked_actions, ranked_pains, notes, journey, done)


def pain_impacts(store: Store, journey: str | None = None) -> dict[str, float]:
    """Impact of every pain point (of one journey, or all): id → impact. For charts."""
    scored = _Scorer(store).score_pains(store.tables["pain_point"].values(),  # type: ignore[arg-type]
                                        journey)
    return {pid: sc[0] for pid, sc in scored.items()}


def explain(item: RankedItem, lang: str | None = None, status_text: str | None = None) -> str:
    """One row as a sentence in ``lang`` with rounded numbers and names, no ids, e.g.
    "Chasing the supplier for certificates — severity 4 of 5, frequency 3 of 5, Purchasing
    head weighs 5 of 5 at Contract, Trust dimension ×1 → impact 0.36". For an action:
    the pain points it addresses with their impacts, effort and votes → priority.
    ``status_text``: the action's status in words, added when given."""
    t = _texts(lang)
    sep = "、" if lang == "ja" else ", "
    if item.type == "pain":
        parts = [f.source for f in item.breakdown]
        result = t["result_pain"].format(v=_num(item.priority))
    else:
        plus = [f for f in item.breakdown if f.op == "+"]
        if plus:
            impacts = " + ".join(_num(f.value) for f in plus)
            if len(plus) > 1:
                impacts += " = " + _num(math.fsum(f.value for f in plus))
            parts = [t["addresses"].format(pains=plural(t, "pain", len(plus)), impacts=impacts)]
        else:
            parts = [t["addresses_none"]]
        parts += [f.source for f in item.breakdown if f.op != "+"]
        if status_text:
            parts.append(t["status"].format(s=status_text))
        result = t["result_action"].format(v=_num(item.priority))
    return f"{item.title} — {sep.join(parts)} → {result}"


__all__ = ["Factor", "Ranking", "RankedItem", "explain", "impact", "num", "pain_impacts",
           "plural", "rank"]
