"""The in-memory project: every row by table and id, with ordered, cached queries.

A :class:`Store` is what analysis, exports and the UI read. It changes only through
:meth:`Store.apply` with a list of :class:`Change` (the document does that, after the
same changes were committed to SQLite), so derived indexes are rebuilt lazily.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from journeymap.model.rows import (
    DEFAULT_VOTE_WEIGHT,
    NAMED_TABLES,
    ROW_TYPES,
    Action,
    ActionLink,
    Dimension,
    Handoff,
    Influence,
    Journey,
    Lane,
    PainPoint,
    Phase,
    ProjectInfo,
    Role,
    Row,
    Stage,
    Touchpoint,
    Vote,
)

R = TypeVar("R", bound=Row)
PROJECT_ID = "project"


@dataclass(frozen=True, slots=True)
class Change:
    """One row replaced: insert (before None), delete (after None) or update."""

    table: str
    id: str
    before: Row | None
    after: Row | None

    def inverse(self) -> Change:
        return Change(self.table, self.id, self.after, self.before)


def invert(changes: Iterable[Change]) -> list[Change]:
    """The changes that undo ``changes`` (applied in reverse order)."""
    return [c.inverse() for c in reversed(list(changes))]


def _by_position(rows: Iterable[R]) -> list[R]:
    return sorted(rows, key=lambda r: (r.position, r.id))  # type: ignore[attr-defined]


class Store:
    """All rows of one project. Read methods return rows in display order."""

    def __init__(self, rows: Iterable[Row] = ()) -> None:
        self.tables: dict[str, dict[str, Row]] = {t.table: {} for t in ROW_TYPES}
        for row in rows:
            self.tables[row.table][row.id] = row
        self.revision = 0
        self._cache: dict[object, object] = {}

    # -- change -------------------------------------------------------------------------
    def apply(self, changes: Iterable[Change]) -> None:
        for ch in changes:
            table = self.tables[ch.table]
            if ch.after is None:
                table.pop(ch.id, None)
            else:
                table[ch.id] = ch.after
        self.revision += 1
        self._cache.clear()

    def copy(self) -> Store:
        return Store(self.all_rows())

    def all_rows(self) -> Iterator[Row]:
        for t in ROW_TYPES:
            yield from self.tables[t.table].values()

    def get(self, table: str, id: str) -> Row | None:
        return self.tables[table].get(id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Store) and self.tables == other.tables

    def snapshot(self) -> dict[str, dict[str, Row]]:
        return {k: dict(v) for k, v in self.tables.items()}

    def id_in_use(self, id: str) -> bool:
        return any(id in self.tables[t] for t in NAMED_TABLES)

    def new_id(self, prefix: str, taken: set[str] | None = None) -> str:
        """A fresh id ``prefix<n>`` that no named row (nor ``taken``) uses."""
        n = len(self.tables.get(_TABLE_OF_PREFIX.get(prefix, ""), {})) + 1
        while self.id_in_use(f"{prefix}{n}") or taken and f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    # -- cached indexes ---------------------------------------------------------------------
    def _memo(self, key: object, build):  # type: ignore[no-untyped-def]
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value

    def _group(self, table: str, attr: str) -> dict[str, list[Row]]:
        def build() -> dict[str, list[Row]]:
            groups: dict[str, list[Row]] = defaultdict(list)
            for row in self.tables[table].values():
                groups[getattr(row, attr)].append(row)
            return {k: _by_position(v) for k, v in groups.items()}

        return self._memo(("group", table, attr), build)

    # -- project level ---------------------------------------------------------------------
    @property
    def project(self) -> ProjectInfo:
        info = self.tables["project"].get(PROJECT_ID)
        return info if isinstance(info, ProjectInfo) else ProjectInfo(PROJECT_ID)

    @property
    def vote_weight(self) -> float:
        return self.project.vote_weight if self.tables["project"] else DEFAULT_VOTE_WEIGHT

    def dimensions(self) -> list[Dimension]:
        return self._memo("dims", lambda: _by_position(self.tables["dimension"].values()))

    def dimension_weight(self, dimension_id: str) -> float:
        dim = self.tables["dimension"].get(dimension_id)
        weight = dim.weight if isinstance(dim, Dimension) else None
        return 1.0 if weight is None else weight

    def roles(self) -> list[Role]:
        return self._memo("roles", lambda: _by_position(self.tables["role"].values()))

    def journeys(self) -> list[Journey]:
        return self._memo("journeys", lambda: _by_position(self.tables["journey"].values()))

    def actions(self) -> list[Action]:
        return self._memo("actions", lambda: _by_position(self.tables["action"].values()))

    def votes(self) -> list[Vote]:
        return self._memo("votes", lambda: _by_position(self.tables["vote"].values()))

    def role(self, id: str) -> Role:
        return self.tables["role"][id]  # type: ignore[return-value]

    def journey(self, id: str) -> Journey:
        return self.tables["journey"][id]  # type: ignore[return-value]

    def stage(self, id: str) -> Stage:
        return self.tables["stage"][id]  # type: ignore[return-value]

    def touchpoint(self, id: str) -> Touchpoint:
        return self.tables["touchpoint"][id]  # type: ignore[return-value]

    def pain_point(self, id: str) -> PainPoint:
        return self.tables["pain_point"][id]  # type: ignore[return-value]

    def action(self, id: str) -> Action:
        return self.tables["action"][id]  # type: ignore[return-value]

    # -- per journey ------------------------------------------------------------------------
    def phases(self, journey: str) -> list[Phase]:
        return self._group("phase", "journey").get(journey, [])  # type: ignore[return-value]

    def stages(self, journey: str) -> list[Stage]:
        return self._group("stage", "journey").get(journey, [])  # type: ignore[return-value]

    def lanes(self, journey: str) -> list[Lane]:
        return self._group("lane", "journey").get(journey, [])  # type: ignore[return-value]

    def lane_roles(self, journey: str) -> list[Role]:
        return [self.role(lane.role) for lane in self.lanes(journey)]

    def touchpoints(self, journey: str) -> list[Touchpoint]:
        return self._group("touchpoint", "journey").get(journey, [])  # type: ignore[return-value]

    def handoffs(self, journey: str) -> list[Handoff]:
        return self._group("handoff", "journey").get(journey, [])  # type: ignore[return-value]

    def influences(self, journey: str) -> list[Influence]:
        return self._memo(("influences", journey), lambda: sorted(
            (r for r in self.tables["influence"].values() if r.journey == journey),  # type: ignore[attr-defined]
            key=lambda r: (r.role, r.stage)))  # type: ignore[attr-defined]

    def touchpoints_in_cell(self, journey: str, role: str, stage: str) -> list[Touchpoint]:
        def build() -> dict[tuple[str, str], list[Touchpoint]]:
            cells: dict[tuple[str, str], list[Touchpoint]] = defaultdict(list)
            for tp in self.touchpoints(journey):
                cells[(tp.role, tp.stage)].append(tp)
            return cells

        return self._memo(("cells", journey), build).get((role, stage), [])

    def pain_points(self, touchpoint: str) -> list[PainPoint]:
        return self._group("pain_point", "touchpoint").get(touchpoint, [])  # type: ignore[return-value]

    def journey_pain_points(self, journey: str) -> list[PainPoint]:
        return [p for tp in self.touchpoints(journey) for p in self.pain_points(tp.id)]

    def explicit_influence(self, journey: str, role: str, stage: str) -> Influence | None:
        index = self._memo(("influence_idx",), lambda: {
            (r.journey, r.role, r.stage): r for r in self.tables["influence"].values()})  # type: ignore[attr-defined]
        return index.get((journey, role, stage))

    def influence_at(self, journey: str, role: str, stage: str) -> int:
        """Role's weight (0–5) at a stage: the journey's matrix, else the role's default."""
        inf = self.explicit_influence(journey, role, stage)
        if inf is not None:
            return inf.weight
        r = self.tables["role"].get(role)
        return r.default_influence if isinstance(r, Role) else 3

    # -- actions and votes --------------------------------------------------------------------
    def links_of_action(self, action: str) -> list[ActionLink]:
        return self._group("action_link", "action").get(action, [])  # type: ignore[return-value]

    def links_of_pain(self, pain: str) -> list[ActionLink]:
        return self._group("action_link", "pain").get(pain, [])  # type: ignore[return-value]

    def addressed_pains(self, action: str) -> list[str]:
        return [link.pain for link in self.links_of_action(action)]

    def votes_for(self, target: str) -> list[Vote]:
        return self._group("vote", "target").get(target, [])  # type: ignore[return-value]

    def vote_count(self, target: str) -> int:
        return len(self.votes_for(target))

    def journey_of_pain(self, pain: str) -> str:
        return self.touchpoint(self.pain_point(pain).touchpoint).journey


_TABLE_OF_PREFIX = {
    "d": "dimension", "r": "role", "j": "journey", "ph": "phase", "s": "stage",
    "t": "touchpoint", "p": "pain_point", "a": "action",
}
