"""Projected impact: what a set of actions fixes, and what it leaves (docs/analyses.md).

For the chosen actions (by default those ``planned`` or ``doing``), the impact of the
pain points of each stage × role cell today and after those actions, with the pain
points they address counted as resolved. Impact is the one of the ranking (§ "impact"
in docs/scoring.md). "Today" already leaves out pain points addressed by a ``done``
action, as the ranking does. Pure functions of a Store; no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from journeymap.analysis.scoring import pain_impacts
from journeymap.model.rows import Status
from journeymap.model.store import Store

DEFAULT_STATUSES = (Status.PLANNED.value, Status.DOING.value)


class ProjectionError(ValueError):
    """Unknown journey or action id; the message names it."""


@dataclass(frozen=True)
class Cell:
    journey: str
    stage: str
    role: str
    before: float
    after: float
    pains: int  # pain points counted today
    resolved: int  # of which the chosen actions resolve

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass
class Projection:
    """Per stage × role of each journey taken into account, in map order."""

    actions: list[str]
    journeys: list[str]
    cells: list[Cell] = field(default_factory=list)

    @property
    def before(self) -> float:
        return sum(c.before for c in self.cells)

    @property
    def after(self) -> float:
        return sum(c.after for c in self.cells)

    def as_json(self) -> dict[str, Any]:
        """The ``project-impact --json`` object (numbers rounded to 6 decimals)."""
        return {"actions": list(self.actions), "journeys": list(self.journeys),
                "before": round(self.before, 6), "after": round(self.after, 6),
                "cells": [{"journey": c.journey, "stage": c.stage, "role": c.role,
                           "before": round(c.before, 6), "after": round(c.after, 6),
                           "pains": c.pains, "resolved": c.resolved} for c in self.cells]}


def default_actions(store: Store) -> list[str]:
    """The actions a projection uses when none are chosen: planned and doing."""
    return [a.id for a in store.actions() if a.status in DEFAULT_STATUSES]


def project_impact(store: Store, journey: str | None = None,
                   actions: Iterable[str] | None = None) -> Projection:
    """Impact per cell today and after ``actions`` (default :func:`default_actions`).

    ``journey=None`` covers every journey that is not the to-be of another (a to-be is
    a copy of its as-is: counting both would count each pain twice). Raises
    :class:`ProjectionError` for an unknown journey or action id."""
    if journey is not None and journey not in store.tables["journey"]:
        raise ProjectionError(f"there is no journey {journey!r}")
    chosen = default_actions(store) if actions is None else list(dict.fromkeys(actions))
    for a in chosen:
        if a not in store.tables["action"]:
            raise ProjectionError(f"there is no action {a!r}")
    journeys = [journey] if journey is not None else [
        j.id for j in store.journeys() if j.variant_of is None]
    done = {link.pain for a in store.actions() if a.status == Status.DONE.value  # type: ignore[attr-defined]
            for link in store.links_of_action(a.id)}
    resolved = {link.pain for a in chosen for link in store.links_of_action(a)}
    impacts = pain_impacts(store, journey)
    proj = Projection(chosen, journeys)
    tps = store.tables["touchpoint"]
    for jid in journeys:
        sums: dict[tuple[str, str], list[float]] = {}
        for p in store.journey_pain_points(jid):
            if p.id in done:
                continue
            tp = tps[p.touchpoint]
            acc = sums.setdefault((tp.stage, tp.role), [0.0, 0.0, 0, 0])  # type: ignore[attr-defined]
            value = impacts.get(p.id, 0.0)
            acc[0] += value
            acc[2] += 1
            if p.id in resolved:
                acc[3] += 1
            else:
                acc[1] += value
        for st in store.stages(jid):
            for lane in store.lanes(jid):
                b, a, n, r = sums.get((st.id, lane.role), (0.0, 0.0, 0, 0))
                proj.cells.append(Cell(jid, st.id, lane.role, b, a, int(n), int(r)))
    return proj


__all__ = ["Cell", "DEFAULT_STATUSES", "Projection", "ProjectionError", "default_actions",
           "project_impact"]
