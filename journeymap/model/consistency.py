"""Whole-project integrity checks (``journeymap validate``): every row in range and
every reference pointing at something of the right journey."""

from __future__ import annotations

from journeymap.model.rows import (
    ActionLink,
    Handoff,
    Influence,
    Lane,
    PainPoint,
    Stage,
    Touchpoint,
    Vote,
)
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError, check_row


def problems(store: Store) -> list[str]:
    """Human-readable problems; an empty list means the project is consistent."""
    out: list[str] = []
    t = store.tables
    for row in store.all_rows():
        try:
            check_row(row)
        except ValidationError as e:
            out.append(f"{row.table} {row.id!r}: {e}")
    named: dict[str, str] = {}
    for table in ("dimension", "role", "journey", "phase", "stage", "touchpoint", "pain_point",
                  "action"):
        for id in t[table]:
            if id in named:
                out.append(f"id {id!r} is used by a {named[id]} and a {table}")
            named[id] = table
    if len(t["project"]) != 1:
        out.append(f"the project record is missing or repeated ({len(t['project'])} found)")

    def journey_of(table: str, id: str | None) -> str | None:
        row = t[table].get(id) if id is not None else None
        return getattr(row, "journey", None) if row is not None else None

    for row in store.all_rows():
        where = f"{row.table} {row.id!r}"
        match row:
            case Stage() if row.phase is not None and journey_of("phase", row.phase) != row.journey:
                out.append(f"{where}: phase {row.phase!r} is not in its journey")
            case Lane() if row.role not in t["role"] or row.journey not in t["journey"]:
                out.append(f"{where}: refers to a missing role or journey")
            case Influence():
                if row.role not in t["role"] or journey_of("stage", row.stage) != row.journey:
                    out.append(f"{where}: refers to a missing role or a stage of another journey")
            case Touchpoint():
                if journey_of("stage", row.stage) != row.journey:
                    out.append(f"{where}: stage {row.stage!r} is not in its journey")
                if f"{row.journey}/{row.role}" not in t["lane"]:
                    out.append(f"{where}: role {row.role!r} has no lane in its journey")
            case PainPoint():
                if row.touchpoint not in t["touchpoint"]:
                    out.append(f"{where}: touchpoint {row.touchpoint!r} is missing")
                if row.dimension not in t["dimension"]:
                    out.append(f"{where}: dimension {row.dimension!r} is missing")
            case Handoff():
                if (journey_of("touchpoint", row.source) != row.journey
                        or journey_of("touchpoint", row.target) != row.journey):
                    out.append(f"{where}: links touchpoints that are missing or elsewhere")
            case ActionLink():
                if row.action not in t["action"] or row.pain not in t["pain_point"]:
                    out.append(f"{where}: refers to a missing action or pain point")
            case Vote() if row.target not in t["pain_point"] and row.target not in t["action"]:
                out.append(f"{where}: target {row.target!r} is not a pain point or action")
    return out
