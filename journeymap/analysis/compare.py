"""Comparing two journeys, usually an as-is and its to-be (docs/analyses.md).

Stages are matched by id: a to-be stage stands for the as-is stage named by its
``variant_of`` (set when the to-be was made), else for an as-is stage with its own id
(none in one project, but kept for journeys compared across files), else for an
unmatched as-is stage of the same name. To-be stages left over are *added*, as-is stages
left over *removed*. Roles are the lanes of either journey, in as-is order then new ones.

For each matched stage and role: the mean emotion of the cards that have one (None when
none has), the summed pain impact, the number of cards per channel, and the handoffs
leaving the cell's cards. Pure functions of a Store; no Qt.

Impact here is the ranking's severity/5 × frequency/5 × influence/5 × dimension weight
*without the vote term*: votes are cast on the as-is pain points and a to-be copies
none, so counting them would show every voted pain as "improved" in a fresh to-be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from journeymap.model.rows import Channel, Stage
from journeymap.model.store import Store

CHANNELS = tuple(c.value for c in Channel)


class CompareError(ValueError):
    """Unknown journey id, or a journey compared with itself."""


@dataclass(frozen=True)
class Side:
    """One journey's figures in one stage × role cell."""

    cards: int = 0
    emotion: float | None = None
    impact: float = 0.0
    channels: tuple[int, ...] = (0, 0, 0)  # in CHANNELS order
    handoffs: int = 0


@dataclass(frozen=True)
class CellChange:
    stage: str  # the to-be stage
    as_is_stage: str
    role: str
    as_is: Side
    to_be: Side

    @property
    def changed(self) -> bool:
        return self.as_is != self.to_be

    @property
    def impact_change(self) -> float:
        return self.to_be.impact - self.as_is.impact

    @property
    def emotion_change(self) -> float | None:
        a, b = self.as_is.emotion, self.to_be.emotion
        return None if a is None or b is None else b - a


@dataclass
class Comparison:
    as_is: str
    to_be: str
    cells: list[CellChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # to-be stages without an as-is stage
    removed: list[str] = field(default_factory=list)  # as-is stages without a to-be stage
    stage_pairs: list[tuple[str, str]] = field(default_factory=list)  # (as-is, to-be)
    roles: list[str] = field(default_factory=list)
    changed_touchpoints: set[str] = field(default_factory=set)  # to-be cards in changed cells

    @property
    def impact_before(self) -> float:
        return sum(c.as_is.impact for c in self.cells)

    @property
    def impact_after(self) -> float:
        return sum(c.to_be.impact for c in self.cells)

    def as_json(self) -> dict[str, Any]:
        """The ``compare --json`` object (numbers rounded to 6 decimals)."""
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 6)

        return {
            "as_is": self.as_is, "to_be": self.to_be,
            "stages": [{
                "stage": c.stage, "as_is_stage": c.as_is_stage, "role": c.role,
                "emotion": [r(c.as_is.emotion), r(c.to_be.emotion)],
                "impact": [r(c.as_is.impact), r(c.to_be.impact)],
                "channels": {ch: [c.as_is.channels[i], c.to_be.channels[i]]
                             for i, ch in enumerate(CHANNELS)},
                "handoffs": [c.as_is.handoffs, c.to_be.handoffs],
                "cards": [c.as_is.cards, c.to_be.cards],
            } for c in self.cells],
            "added": list(self.added), "removed": list(self.removed),
        }


def match_stages(as_is: list[Stage], to_be: list[Stage]
                 ) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(pairs (as-is, to-be) in to-be order, added to-be ids, removed as-is ids)."""
    free = {s.id: s for s in as_is}
    pairs: dict[str, str] = {}
    for s in to_be:
        for cand in (s.variant_of, s.id):
            if cand is not None and cand in free:
                pairs[s.id] = cand
                del free[cand]
                break
    by_name: dict[str, list[str]] = {}
    for s in as_is:
        if s.id in free:
            by_name.setdefault(s.name.strip(), []).append(s.id)
    for s in to_be:
        if s.id not in pairs and by_name.get(s.name.strip()):
            cand = by_name[s.name.strip()].pop(0)
            pairs[s.id] = cand
            del free[cand]
    ordered = [(pairs[s.id], s.id) for s in to_be if s.id in pairs]
    added = [s.id for s in to_be if s.id not in pairs]
    removed = [s.id for s in as_is if s.id in free]
    return ordered, added, removed


def unvoted_impacts(store: Store, journey: str) -> dict[str, float]:
    """Impact of each pain point of ``journey`` without the vote term (see the module
    text): severity/5 × frequency/5 × influence(role, stage)/5 × dimension weight."""
    out: dict[str, float] = {}
    cells: dict[tuple[str, str], float] = {}
    dims: dict[str, float] = {}
    for tp in store.touchpoints(journey):
        key = (tp.role, tp.stage)
        infl = cells.get(key)
        if infl is None:
            infl = cells[key] = store.influence_at(journey, tp.role, tp.stage) / 5
        for p in store.pain_points(tp.id):
            w = dims.get(p.dimension)
            if w is None:
                w = dims[p.dimension] = store.dimension_weight(p.dimension)
            out[p.id] = p.severity / 5 * p.frequency / 5 * infl * w
    return out


def _sides(store: Store, journey: str, impacts: dict[str, float]
           ) -> dict[tuple[str, str], Side]:
    acc: dict[tuple[str, str], list[Any]] = {}
    cell_of: dict[str, tuple[str, str]] = {}
    for tp in store.touchpoints(journey):
        key = (tp.stage, tp.role)
        cell_of[tp.id] = key
        a = acc.setdefault(key, [0, 0, 0, 0.0, [0, 0, 0], 0])
        a[0] += 1
        if tp.emotion is not None:
            a[1] += tp.emotion
            a[2] += 1
        a[3] += sum(impacts.get(p.id, 0.0) for p in store.pain_points(tp.id))
        if tp.channel in CHANNELS:
            a[4][CHANNELS.index(tp.channel)] += 1
    for h in store.handoffs(journey):
        key = cell_of.get(h.source)
        if key is not None:
            acc[key][5] += 1
    return {k: Side(a[0], a[1] / a[2] if a[2] else None, a[3], tuple(a[4]), a[5])
            for k, a in acc.items()}


def compare(store: Store, as_is: str, to_be: str) -> Comparison:
    """Per matched stage and role, the as-is and to-be figures (see the module text).
    Raises :class:`CompareError` for unknown ids or a journey compared with itself."""
    for jid in (as_is, to_be):
        if jid not in store.tables["journey"]:
            raise CompareError(f"there is no journey {jid!r}")
    if as_is == to_be:
        raise CompareError("choose two different journeys to compare")
    pairs, added, removed = match_stages(store.stages(as_is), store.stages(to_be))
    roles = [lane.role for lane in store.lanes(as_is)]
    roles += [lane.role for lane in store.lanes(to_be) if lane.role not in roles]
    impacts = unvoted_impacts(store, as_is) | unvoted_impacts(store, to_be)
    before, after = _sides(store, as_is, impacts), _sides(store, to_be, impacts)
    out = Comparison(as_is, to_be, added=added, removed=removed, stage_pairs=pairs,
                     roles=roles)
    empty = Side()
    changed_cells: set[tuple[str, str]] = set()
    for a_stage, b_stage in pairs:
        for role in roles:
            cell = CellChange(b_stage, a_stage, role, before.get((a_stage, role), empty),
                              after.get((b_stage, role), empty))
            out.cells.append(cell)
            if cell.changed:
                changed_cells.add((b_stage, role))
    added_set = set(added)
    out.changed_touchpoints = {tp.id for tp in store.touchpoints(to_be)
                               if (tp.stage, tp.role) in changed_cells or tp.stage in added_set}
    return out


__all__ = ["CHANNELS", "CellChange", "CompareError", "Comparison", "Side", "compare",
           "match_stages", "unvoted_impacts"]
