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
    NAMED_TABLES,
    ActionLink,
    Handoff,
    Influence,
    Lane,
    PainPoint,
    Phase,
    Row,
    Stage,
    Touchpoint,
    Vote,
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

    def journey_of(table: str, id: str | None) -> str | None:
        row = t[table].get(id) if id is not None else None
        return getattr(row, "journey", None) if row is not None else None

    journeys = t["journey"]
    for row in store.all_rows():
        key = derived_id(row)
        if key is not None and key != row.id:
            out.append(Problem(row.table, row.id, "id", "bad_key",
                               {"value": shown(row.id), "expected": shown(key)}))
        if isinstance(row, Phase | Stage | Lane | Influence | Touchpoint | Handoff) and (
                row.journey not in journeys):
            out.append(_dangling(row, "journey", "a journey"))
            continue
        match row:
            case Stage() if row.phase is not None and journey_of("phase", row.phase) != row.journey:
                out.append(_dangling(row, "phase", "a phase of its journey"))
            case Lane() if row.role not in t["role"]:
                out.append(_dangling(row, "role", "a role"))
            case Influence():
                if row.role not in t["role"]:
                    out.append(_dangling(row, "role", "a role"))
                if journey_of("stage", row.stage) != row.journey:
                    out.append(_dangling(row, "stage", "a stage of its journey"))
            case Touchpoint():
                if journey_of("stage", row.stage) != row.journey:
                    out.append(_dangling(row, "stage", "a stage of its journey"))
                if lane_id(row.journey, row.role) not in t["lane"]:
                    out.append(_dangling(row, "role", "a lane (role) of its journey"))
            case PainPoint():
                if row.touchpoint not in t["touchpoint"]:
                    out.append(_dangling(row, "touchpoint", "a touchpoint"))
                if row.dimension not in t["dimension"]:
                    out.append(_dangling(row, "dimension", "a dimension"))
            case Handoff():
                for fld in ("source", "target"):
                    if journey_of("touchpoint", getattr(row, fld)) != row.journey:
                        out.append(_dangling(row, fld, "a touchpoint of its journey"))
            case ActionLink():
                if row.action not in t["action"]:
                    out.append(_dangling(row, "action", "an action"))
                if row.pain not in t["pain_point"]:
                    out.append(_dangling(row, "pain", "a pain point"))
            case Vote() if row.target not in t["pain_point"] and row.target not in t["action"]:
                out.append(_dangling(row, "target", "a pain point or action"))
    return out


def problems(store: Store) -> list[str]:
    """Human-readable problems; an empty list means the project is consistent."""
    return [str(p) for p in find_problems(store)]
