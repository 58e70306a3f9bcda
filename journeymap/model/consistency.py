"""Whole-project checks: every row in range (:func:`~journeymap.model.validation.check_row`),
ids unique, and every reference pointing at something of the right journey.

This is the one validation path for rows from anywhere: the JSON import runs it after
parsing, and opening a .jmap file runs it on the rows read from the file
(:mod:`journeymap.model.sqlfile`); ``journeymap validate`` prints what it finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from journeymap.model.rows import (
    DERIVED_TABLES,
    NAMED_TABLES,
    Row,
    derived_id,
    lane_id,
)
from journeymap.model.store import PROJECT_ID, Store
from journeymap.model.validation import ValidationError, check_row, render, shown


@dataclass(frozen=True)
class Problem:
    """One refused row: ``table``, row ``id``, ``field`` and a structured reason."""

    table: str
    id: str
    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return render(self.code, self.params)

    def __str__(self) -> str:
        return f"{self.table} {shown(self.id)}: {self.field}: {self.message}"


def _dangling(row: Row, fld: str, what: str) -> Problem:
    return Problem(row.table, row.id, fld, "dangling",
                   {"value": shown(getattr(row, fld)), "what": what})


def row_problems(rows: Iterable[Row]) -> tuple[list[Row], list[Problem]]:
    """Check each row alone; returns the valid rows and the problems of the others."""
    good: list[Row] = []
    out: list[Problem] = []
    for row in rows:
        try:
            check_row(row)
        except ValidationError as e:
            out.append(Problem(row.table, row.id if isinstance(row.id, str) else repr(row.id),
                               e.field, e.code, e.params))
            continue
        good.append(row)
    return good, out


def find_problems(store: Store, limit: int = 1000) -> list[Problem]:
    """Every problem of ``store`` (at most ``limit``); an empty list means it is consistent."""
    _, out = row_problems(store.all_rows())
    out.extend(reference_problems(store))
    return out[:limit]


def reference_problems(store: Store) -> list[Problem]:
    """Problems between rows (ids, references, derived keys); rows are assumed checked."""
    out: list[Problem] = []
    t = store.tables
    named: dict[str, str] = {}
    for table in NAMED_TABLES:
        for id in t[table]:
            if id in named:
                out.append(Problem(table, id, "id", "duplicate",
                                   {"value": shown(id), "other": f"a {named[id]}"}))
            named[id] = table
    if set(t["project"]) != {PROJECT_ID}:
        out.append(Problem("project", ",".join(t["project"])[:60], "id", "invalid",
                           {"message": "there must be exactly one project record, id "
                            f"'project' ({len(t['project'])} found)"}))

    # Table by table (not row by row with isinstance): opening a large file runs this.
    journeys = t["journey"]
    roles = t["role"]
    stage_journey = {k: r.journey for k, r in t["stage"].items()}  # type: ignore[attr-defined]
    phase_journey = {k: r.journey for k, r in t["phase"].items()}  # type: ignore[attr-defined]
    tp_journey = {k: r.journey for k, r in t["touchpoint"].items()}  # type: ignore[attr-defined]
    for table in DERIVED_TABLES:
        for row in t[table].values():
            key = derived_id(row)
            if key != row.id:
                out.append(Problem(table, row.id, "id", "bad_key",
                                   {"value": shown(row.id), "expected": shown(key)}))
    for table in ("phase", "stage", "lane", "influence", "touchpoint", "handoff"):
        for row in t[table].values():
            if row.journey not in journeys:  # type: ignore[attr-defined]
                out.append(_dangling(row, "journey", "a journey"))
    for st in t["stage"].values():
        if st.phase is not None and phase_journey.get(st.phase) != st.journey:  # type: ignore[attr-defined]
            out.append(_dangling(st, "phase", "a phase of its journey"))
    for j in journeys.values():
        if j.variant_of is not None and (j.variant_of == j.id  # type: ignore[attr-defined]
                                         or j.variant_of not in journeys):  # type: ignore[attr-defined]
            out.append(_dangling(j, "variant_of", "another journey (its as-is)"))
    for st in t["stage"].values():
        if st.variant_of is None:  # type: ignore[attr-defined]
            continue
        as_is = getattr(journeys.get(st.journey), "variant_of", None)  # type: ignore[attr-defined]
        if as_is is None or stage_journey.get(st.variant_of) != as_is:  # type: ignore[attr-defined]
            out.append(_dangling(st, "variant_of", "a stage of the journey's as-is"))
    for lane in t["lane"].values():
        if lane.role not in roles:  # type: ignore[attr-defined]
            out.append(_dangling(lane, "role", "a role"))
    for inf in t["influence"].values():
        if inf.role not in roles:  # type: ignore[attr-defined]
            out.append(_dangling(inf, "role", "a role"))
        if stage_journey.get(inf.stage) != inf.journey:  # type: ignore[attr-defined]
            out.append(_dangling(inf, "stage", "a stage of its journey"))
    lanes = t["lane"]
    for tp in t["touchpoint"].values():
        if stage_journey.get(tp.stage) != tp.journey:  # type: ignore[attr-defined]
            out.append(_dangling(tp, "stage", "a stage of its journey"))
        if lane_id(tp.journey, tp.role) not in lanes:  # type: ignore[attr-defined]
            out.append(_dangling(tp, "role", "a lane (role) of its journey"))
    touchpoints, dimensions = t["touchpoint"], t["dimension"]
    for pain in t["pain_point"].values():
        if pain.touchpoint not in touchpoints:  # type: ignore[attr-defined]
            out.append(_dangling(pain, "touchpoint", "a touchpoint"))
        if pain.dimension not in dimensions:  # type: ignore[attr-defined]
            out.append(_dangling(pain, "dimension", "a dimension"))
    for h in t["handoff"].values():
        for fld in ("source", "target"):
            if tp_journey.get(getattr(h, fld)) != h.journey:  # type: ignore[attr-defined]
                out.append(_dangling(h, fld, "a touchpoint of its journey"))
    actions, pains = t["action"], t["pain_point"]
    for link in t["action_link"].values():
        if link.action not in actions:  # type: ignore[attr-defined]
            out.append(_dangling(link, "action", "an action"))
        if link.pain not in pains:  # type: ignore[attr-defined]
            out.append(_dangling(link, "pain", "a pain point"))
    for vote in t["vote"].values():
        if vote.target not in pains and vote.target not in actions:  # type: ignore[attr-defined]
            out.append(_dangling(vote, "target", "a pain point or action"))
    for sl in t["survey_label"].values():
        if sl.journey not in journeys:  # type: ignore[attr-defined]
            out.append(_dangling(sl, "journey", "a journey"))
        elif tp_journey.get(sl.touchpoint) != sl.journey:  # type: ignore[attr-defined]
            out.append(_dangling(sl, "touchpoint", "a touchpoint of its journey"))
    for persona in t["persona"].values():
        if persona.id not in roles:
            out.append(Problem("persona", persona.id, "id", "dangling",
                               {"value": shown(persona.id), "what": "a role"}))
    return out


def problems(store: Store) -> list[str]:
    """Human-readable problems; an empty list means the project is consistent."""
    return [str(p) for p in find_problems(store)]
