"""Edit operations: pure functions ``store, … -> Edit``. No Qt, no SQL.

An :class:`Edit` is the exact list of row changes an operation makes, computed and
validated against the current store; ``Document.apply(edit)`` commits it in one
transaction and ``edit.inverse()`` undoes it exactly, cascades included. Refused edits
raise :class:`EditError` (a reference that does not exist, a rule of the domain) or
:class:`~journeymap.model.validation.ValidationError` (a value out of range), and
change nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from journeymap.model.rows import (
    Action,
    ActionLink,
    Dimension,
    Handoff,
    Influence,
    Journey,
    Lane,
    Metric,
    PainPoint,
    Persona,
    Phase,
    Role,
    Row,
    Stage,
    SurveyLabel,
    Touchpoint,
    Vote,
    influence_id,
    lane_id,
    link_id,
    survey_label_id,
)
from journeymap.model.store import Change, Store, invert
from journeymap.model.validation import ValidationError, check_row

ROLE_COLORS = ("#3465a4", "#c4a000", "#4e9a06", "#ce5c00", "#75507b", "#cc0000",
               "#06989a", "#8f5902", "#5c3566", "#204a87")


class EditError(ValueError):
    """An edit that cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class Edit:
    """A named, invertible set of row changes. ``subject`` is the id of the main new row."""

    label: str
    changes: tuple[Change, ...]
    subject: str | None = None

    def inverse(self) -> Edit:
        return Edit(self.label, tuple(invert(self.changes)), self.subject)

    @property
    def empty(self) -> bool:
        return not self.changes


class _Draft:
    """Accumulates changes over a store, each step seeing the earlier ones."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.overlay: dict[tuple[str, str], Row | None] = {}
        self.order: list[tuple[str, str]] = []
        self.first: dict[tuple[str, str], Row | None] = {}

    def get(self, table: str, id: str) -> Row | None:
        key = (table, id)
        if key in self.overlay:
            return self.overlay[key]
        return self.store.get(table, id)

    def rows(self, table: str) -> list[Row]:
        """Current rows of a table (store plus draft)."""
        out = {k: v for k, v in self.store.tables[table].items()}
        for (t, id), row in self.overlay.items():
            if t == table:
                if row is None:
                    out.pop(id, None)
                else:
                    out[id] = row
        return list(out.values())

    def _set(self, table: str, id: str, row: Row | None) -> None:
        key = (table, id)
        if key not in self.first:
            self.first[key] = self.store.get(table, id)
            self.order.append(key)
        self.overlay[key] = row

    def put(self, row: Row) -> None:
        check_row(row)
        self._set(row.table, row.id, row)

    def insert(self, row: Row) -> None:
        if self.get(row.table, row.id) is not None:
            raise EditError(f"id {row.id!r} is already in use")
        self.put(row)

    def delete(self, table: str, id: str) -> None:
        if self.get(table, id) is not None:
            self._set(table, id, None)

    def finish(self, label: str, subject: str | None = None) -> Edit:
        changes = []
        for key in self.order:
            before, after = self.first[key], self.overlay[key]
            if before != after:
                changes.append(Change(key[0], key[1], before, after))
        return Edit(label, tuple(changes), subject)


def combine(label: str, edits: Iterable[Edit]) -> Edit:
    """One undo step of several edits computed one after another (each against the store
    as the previous ones left it) or on disjoint rows."""
    changes: list[Change] = []
    for e in edits:
        changes.extend(e.changes)
    return Edit(label, tuple(changes))


# -- helpers ------------------------------------------------------------------------------
def _next_position(rows: Iterable[Row]) -> float:
    return max((getattr(r, "position", 0.0) for r in rows), default=-1.0) + 1.0


def _require(store: Store | _Draft, table: str, id: str, what: str) -> Any:
    row = store.get(table, id)
    if row is None:
        raise EditError(f"there is no {what} {id!r}")
    return row


def _new_id(store: Store, prefix: str, draft: _Draft | None = None) -> str:
    taken = {id for (_, id) in draft.overlay} if draft else None
    return store.new_id(prefix, taken)


def _check_touchpoint_refs(d: _Draft, tp: Touchpoint) -> None:
    _require(d, "journey", tp.journey, "journey")
    stage = d.get("stage", tp.stage)
    if not isinstance(stage, Stage) or stage.journey != tp.journey:
        raise ValidationError("stage", f"{tp.stage!r} is not a stage of this journey")
    if d.get("lane", lane_id(tp.journey, tp.role)) is None and not any(
            isinstance(x, Lane) and x.journey == tp.journey and x.role == tp.role
            for x in d.rows("lane")):
        raise ValidationError("role", f"{tp.role!r} has no lane in this journey")


def _lane_id(d: _Draft, journey: str, role: str) -> str | None:
    for lane in d.rows("lane"):
        if isinstance(lane, Lane) and lane.journey == journey and lane.role == role:
            return lane.id
    return None


# -- generic ------------------------------------------------------------------------------
_EDITABLE = {
    "project": {"title", "client", "language", "vote_weight"},
    "dimension": {"name", "kind", "weight"},
    "role": {"name", "color", "default_influence", "description"},
    "journey": {"name", "segment", "description"},
    "phase": {"name"},
    "stage": {"name", "phase"},
    "touchpoint": {"title", "description", "channel", "channel_detail", "emotion", "scores",
                   "metrics", "role", "stage"},
    "pain_point": {"title", "severity", "frequency", "dimension", "evidence"},
    "handoff": {"label"},
    "action": {"title", "effort", "owner", "status", "due"},
    "vote": {"participant"},
}


def set_fields(store: Store, table: str, id: str, label: str | None = None,
               **values: Any) -> Edit:
    """Change fields of one row. Unknown or non-editable fields are refused."""
    row = _require(store, table, id, table.replace("_", " "))
    allowed = _EDITABLE.get(table, set())
    for name in values:
        if name not in allowed:
            raise EditError(f"{table}.{name} cannot be edited")
    if "scores" in values:
        values["scores"] = tuple(values["scores"])
    if "metrics" in values:
        values["metrics"] = tuple(m if isinstance(m, Metric) else Metric(**m)
                                  for m in values["metrics"])
    d = _Draft(store)
    new = row.with_(**values)
    d.put(new)
    if isinstance(new, Touchpoint):
        _check_touchpoint_refs(d, new)
    elif isinstance(new, PainPoint) and store.get("dimension", new.dimension) is None:
        raise ValidationError("dimension", f"{new.dimension!r} is not a dimension of the project")
    elif isinstance(new, Stage) and new.phase is not None:
        phase = store.get("phase", new.phase)
        if not isinstance(phase, Phase) or phase.journey != new.journey:
            raise ValidationError("phase", f"{new.phase!r} is not a phase of this journey")
    what = ", ".join(values)
    return d.finish(label or f"Edit {what}", id)


def reorder(store: Store, table: str, ids: Sequence[str], label: str | None = None) -> Edit:
    """Give rows ``ids`` the positions 0…n−1 in that order."""
    d = _Draft(store)
    for pos, id in enumerate(ids):
        row = _require(store, table, id, table)
        d.put(row.with_(position=float(pos)))
    return d.finish(label or "Reorder")


# -- journeys, phases, stages, roles, lanes -----------------------------------------------
def add_journey(store: Store, name: str, segment: str = "", copy_from: str | None = None,
                ) -> Edit:
    """A new journey; empty, or with the phases, stages, lanes and influence of another."""
    d = _Draft(store)
    jid = _new_id(store, "j", d)
    d.insert(Journey(jid, name=name, segment=segment,
                     position=_next_position(store.journeys())))
    if copy_from is not None:
        _require(store, "journey", copy_from, "journey")
        phase_map: dict[str, str] = {}
        for ph in store.phases(copy_from):
            phase_map[ph.id] = _new_id(store, "ph", d)
            d.insert(ph.with_(id=phase_map[ph.id], journey=jid))
        stage_map: dict[str, str] = {}
        for st in store.stages(copy_from):
            stage_map[st.id] = _new_id(store, "s", d)
            d.insert(st.with_(id=stage_map[st.id], journey=jid,
                              phase=phase_map.get(st.phase) if st.phase else None))
        for lane in store.lanes(copy_from):
            d.insert(lane.with_(id=lane_id(jid, lane.role), journey=jid))
        for inf in store.influences(copy_from):
            s = stage_map[inf.stage]
            d.insert(inf.with_(id=influence_id(jid, inf.role, s), journey=jid, stage=s))
    return d.finish("Add journey", jid)


def add_phase(store: Store, journey: str, name: str) -> Edit:
    _require(store, "journey", journey, "journey")
    d = _Draft(store)
    pid = _new_id(store, "ph", d)
    d.insert(Phase(pid, journey=journey, name=name,
                   position=_next_position(store.phases(journey))))
    return d.finish("Add phase", pid)


def add_stage(store: Store, journey: str, name: str, phase: str | None = None,
              index: int | None = None) -> Edit:
    """A new stage at ``index`` (default: last)."""
    _require(store, "journey", journey, "journey")
    if phase is not None:
        ph = _require(store, "phase", phase, "phase")
        if ph.journey != journey:
            raise ValidationError("phase", f"{phase!r} is not a phase of this journey")
    d = _Draft(store)
    sid = _new_id(store, "s", d)
    stages = store.stages(journey)
    d.insert(Stage(sid, journey=journey, name=name, phase=phase,
                   position=_next_position(stages)))
    if index is not None and index < len(stages):
        order = [s.id for s in stages]
        order.insert(max(0, index), sid)
        for pos, id in enumerate(order):
            d.put(_require(d, "stage", id, "stage").with_(position=float(pos)))
    return d.finish("Add stage", sid)


def add_role(store: Store, name: str, journey: str | None = None, color: str | None = None,
             default_influence: int = 3) -> Edit:
    """A new role, with a lane in ``journey`` when given."""
    d = _Draft(store)
    rid = _new_id(store, "r", d)
    roles = store.roles()
    d.insert(Role(rid, name=name, color=color or ROLE_COLORS[len(roles) % len(ROLE_COLORS)],
                  default_influence=default_influence, position=_next_position(roles)))
    if journey is not None:
        _require(store, "journey", journey, "journey")
        d.insert(Lane(lane_id(journey, rid), journey=journey, role=rid,
                      position=_next_position(store.lanes(journey))))
    return d.finish("Add role", rid)


def add_lane(store: Store, journey: str, role: str) -> Edit:
    """Show an existing role as a lane of ``journey``."""
    _require(store, "journey", journey, "journey")
    _require(store, "role", role, "role")
    d = _Draft(store)
    if _lane_id(d, journey, role) is not None:
        raise EditError("this role already has a lane in the journey")
    d.insert(Lane(lane_id(journey, role), journey=journey, role=role,
                  position=_next_position(store.lanes(journey))))
    return d.finish("Add lane", role)


def set_influence(store: Store, journey: str, role: str, stage: str,
                  weight: int | None) -> Edit:
    """Set a role's weight (0–5) at a stage; ``None`` goes back to the role's default."""
    _require(store, "journey", journey, "journey")
    _require(store, "role", role, "role")
    st = _require(store, "stage", stage, "stage")
    if st.journey != journey:
        raise EditError(f"{stage!r} is not a stage of this journey")
    d = _Draft(store)
    existing = store.explicit_influence(journey, role, stage)
    iid = existing.id if existing else influence_id(journey, role, stage)
    if weight is None:
        d.delete("influence", iid)
    else:
        d.put(Influence(iid, journey=journey, role=role, stage=stage, weight=weight))
    return d.finish("Set influence", iid)


# -- touchpoints, pain points, handoffs ------------------------------------------------------
def add_touchpoint(store: Store, journey: str, role: str, stage: str, title: str,
                   index: int | None = None, pain_points: Sequence[dict[str, Any]] = (),
                   **values: Any) -> Edit:
    """A new card in the lane × stage cell, at ``index`` within the cell (default last).

    ``values`` are touchpoint fields (channel, emotion, …); ``pain_points`` dicts of
    pain point fields (title, severity, frequency, dimension, evidence)."""
    d = _Draft(store)
    tid = _new_id(store, "t", d)
    tp = Touchpoint(tid, journey=journey, role=role, stage=stage, title=title,
                    position=_cell_position(store, journey, role, stage, index, None), **values)
    _check_touchpoint_refs(d, tp)
    d.insert(tp)
    for i, p in enumerate(pain_points):
        _insert_pain(store, d, tid, float(i), **p)
    return d.finish("Add touchpoint", tid)


def _insert_pain(store: Store, d: _Draft, touchpoint: str, position: float,
                 **values: Any) -> str:
    pid = _new_id(store, "p", d)
    values.setdefault("dimension", store.dimensions()[0].id if store.dimensions() else "")
    pain = PainPoint(pid, touchpoint=touchpoint, position=position, **values)
    if store.get("dimension", pain.dimension) is None:
        raise ValidationError("dimension", f"{pain.dimension!r} is not a dimension of the project")
    d.insert(pain)
    return pid


def add_pain_point(store: Store, touchpoint: str, title: str, **values: Any) -> Edit:
    _require(store, "touchpoint", touchpoint, "touchpoint")
    d = _Draft(store)
    pid = _insert_pain(store, d, touchpoint, _next_position(store.pain_points(touchpoint)),
                       title=title, **values)
    return d.finish("Add pain point", pid)


def _cell_position(store: Store, journey: str, role: str, stage: str, index: int | None,
                   moving: set[str] | None) -> float:
    """A position that puts a card at ``index`` among the other cards of a cell."""
    journey_tps = store.touchpoints(journey)
    if index is None:
        return _next_position(journey_tps)
    cell = [t for t in store.touchpoints_in_cell(journey, role, stage)
            if not moving or t.id not in moving]
    if not cell or index >= len(cell):
        return _next_position(journey_tps)
    after = cell[index].position
    before_candidates = [t.position for t in journey_tps if t.position < after
                         and (not moving or t.id not in moving)]
    before = max(before_candidates, default=after - 2.0)
    return (before + after) / 2.0


def move_touchpoints(store: Store, ids: Sequence[str], role: str, stage: str,
                     index: int | None = None) -> Edit:
    """Move cards (of one journey) to a cell, in the given order, at ``index`` there."""
    if not ids:
        return Edit("Move", ())
    tps = [_require(store, "touchpoint", id, "touchpoint") for id in ids]
    journey = tps[0].journey
    if any(t.journey != journey for t in tps):
        raise EditError("cards of different journeys cannot be moved together")
    d = _Draft(store)
    base = _cell_position(store, journey, role, stage, index, set(ids))
    nxt = [t.position for t in store.touchpoints(journey) if t.position > base
           and t.id not in ids]
    step = (min(nxt, default=base + len(ids)) - base) / (len(ids) + 1)
    for i, tp in enumerate(tps):
        new = tp.with_(role=role, stage=stage, position=base + i * step)
        _check_touchpoint_refs(d, new)
        d.put(new)
    label = "Move touchpoint" if len(ids) == 1 else f"Move {len(ids)} touchpoints"
    return d.finish(label)


def add_handoff(store: Store, source: str, target: str, label: str = "") -> Edit:
    a = _require(store, "touchpoint", source, "touchpoint")
    b = _require(store, "touchpoint", target, "touchpoint")
    if a.journey != b.journey:
        raise EditError("a handoff links two touchpoints of the same journey")
    if source == target:
        raise EditError("a handoff links two different touchpoints")
    if any(h.source == source and h.target == target for h in store.handoffs(a.journey)):
        raise EditError("these touchpoints are already linked")
    d = _Draft(store)
    hid = store.new_id("h", {r.id for r in store.tables["handoff"].values()})
    d.insert(Handoff(hid, journey=a.journey, source=source, target=target, label=label,
                     position=_next_position(store.handoffs(a.journey))))
    return d.finish("Add handoff", hid)


# -- actions and votes -----------------------------------------------------------------------
def add_action(store: Store, title: str, addresses: Sequence[str] = (), **values: Any) -> Edit:
    d = _Draft(store)
    aid = _new_id(store, "a", d)
    d.insert(Action(aid, title=title, position=_next_position(store.actions()), **values))
    for i, pain in enumerate(addresses):
        _require(store, "pain_point", pain, "pain point")
        d.insert(ActionLink(link_id(aid, pain), action=aid, pain=pain, position=float(i)))
    return d.finish("Add action", aid)


def link_action(store: Store, action: str, pain: str, linked: bool = True) -> Edit:
    """Make ``action`` address ``pain`` (or stop addressing it)."""
    _require(store, "action", action, "action")
    _require(store, "pain_point", pain, "pain point")
    d = _Draft(store)
    lid = link_id(action, pain)
    if linked:
        if store.get("action_link", lid) is None:
            d.insert(ActionLink(lid, action=action, pain=pain,
                                position=_next_position(store.links_of_action(action))))
    else:
        d.delete("action_link", lid)
    return d.finish("Link action" if linked else "Unlink action", lid)


def add_vote(store: Store, participant: str, target: str) -> Edit:
    if store.get("pain_point", target) is None and store.get("action", target) is None:
        raise EditError(f"{target!r} is not a pain point or an action")
    d = _Draft(store)
    vid = store.new_id("v", set(store.tables["vote"]))
    d.insert(Vote(vid, participant=participant, target=target,
                  position=_next_position(store.votes())))
    return d.finish("Vote", vid)


# -- survey pairings ---------------------------------------------------------------------------
def remember_survey_labels(store: Store, journey: str, pairs: dict[str, str],
                           forget: Iterable[str] = ()) -> Edit:
    """Remember survey label → touchpoint pairings of ``journey`` for the next import
    (labels as normalised by the survey import), and forget the labels in ``forget``.
    Unchanged pairings make no change; every touchpoint must be one of the journey."""
    _require(store, "journey", journey, "journey")
    d = _Draft(store)
    for label in forget:
        d.delete("survey_label", survey_label_id(journey, label))
    for label, tp in pairs.items():
        row = _require(store, "touchpoint", tp, "touchpoint")
        if row.journey != journey:
            raise EditError(f"touchpoint {tp!r} is not in journey {journey!r}")
        new = SurveyLabel(survey_label_id(journey, label), journey, label, tp)
        if store.get("survey_label", new.id) != new:
            d.put(new)
    return d.finish("Remember survey pairings", journey)


# -- personas ---------------------------------------------------------------------------------
_PERSONA_FIELDS = {"profile", "goals", "criteria", "worries", "quote", "headcount", "photo"}


def set_persona(store: Store, role: str, label: str | None = None, **values: Any) -> Edit:
    """Set fields of a role's persona (creating it on the first edit).

    ``goals``, ``criteria``, ``worries``: sequences of one-line texts (blank items are
    dropped); ``headcount``: a whole number or None; ``photo``: PNG/JPEG bytes or None
    (refused with a :class:`ValidationError` when not a usable picture or over the limits)."""
    _require(store, "role", role, "role")
    for name in values:
        if name not in _PERSONA_FIELDS:
            raise EditError(f"persona.{name} cannot be edited")
    for name in ("goals", "criteria", "worries"):
        if name in values:
            items = values[name]
            if isinstance(items, str) or not isinstance(items, Sequence):
                raise ValidationError.of(name, "not_list", value=items)
            values[name] = tuple(x.strip() if isinstance(x, str) else x for x in items
                                 if not (isinstance(x, str) and not x.strip()))
    if "photo" in values and isinstance(values["photo"], bytearray | memoryview):
        values["photo"] = bytes(values["photo"])
    current = store.get("persona", role)
    persona = current if isinstance(current, Persona) else Persona(role)
    d = _Draft(store)
    d.put(persona.with_(**values))
    if label is None:
        label = ("Set persona photo" if values.get("photo") is not None
                 else "Remove persona photo" if "photo" in values else "Edit persona")
    return d.finish(label, role)


def clear_persona(store: Store, role: str) -> Edit:
    """Remove a role's persona entirely (undo brings it back)."""
    _require(store, "role", role, "role")
    d = _Draft(store)
    d.delete("persona", role)
    return d.finish("Remove persona", role)


# -- to-be journeys ---------------------------------------------------------------------------
def _unlink_variant(d: _Draft, journey: Journey) -> None:
    d.put(journey.with_(variant_of=None))
    for st in d.rows("stage"):
        if isinstance(st, Stage) and st.journey == journey.id and st.variant_of is not None:
            d.put(st.with_(variant_of=None))


class _Ids:
    """Fresh ids for a bulk copy: ``prefix<n>``, never used in the store or the copy."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}

    def __call__(self, prefix: str) -> str:
        n = self.next.get(prefix, 1)
        handoffs = self.store.tables["handoff"]  # not in the shared id namespace
        while (self.store.id_in_use(f"{prefix}{n}") or f"{prefix}{n}" in self.taken
               or f"{prefix}{n}" in handoffs):
            n += 1
        self.next[prefix] = n + 1
        new = f"{prefix}{n}"
        self.taken.add(new)
        return new


def make_to_be(store: Store, as_is: str, name: str | None = None) -> Edit:
    """A to-be journey of ``as_is``: a linked copy with the same lanes (roles), its
    phases, stages (each linked to the as-is stage it stands for), influence,
    touchpoints, pain points and handoffs, all with new ids. The copy is then edited
    freely; comparisons match its stages to the as-is through ``Stage.variant_of``."""
    src = _require(store, "journey", as_is, "journey")
    d = _Draft(store)
    new_id = _Ids(store)
    jid = new_id("j")
    d.insert(Journey(jid, name=name or f"{src.name} (to-be)", segment=src.segment,
                     description=src.description, position=_next_position(store.journeys()),
                     variant_of=as_is))
    phase_map = {}
    for ph in store.phases(as_is):
        phase_map[ph.id] = new_id("ph")
        d.insert(ph.with_(id=phase_map[ph.id], journey=jid))
    stage_map = {}
    for st in store.stages(as_is):
        stage_map[st.id] = new_id("s")
        d.insert(st.with_(id=stage_map[st.id], journey=jid, variant_of=st.id,
                          phase=phase_map.get(st.phase) if st.phase else None))
    for lane in store.lanes(as_is):
        d.insert(lane.with_(id=lane_id(jid, lane.role), journey=jid))
    for inf in store.influences(as_is):
        s = stage_map[inf.stage]
        d.insert(inf.with_(id=influence_id(jid, inf.role, s), journey=jid, stage=s))
    tp_map = {}
    for tp in store.touchpoints(as_is):
        tp_map[tp.id] = new_id("t")
        d.insert(tp.with_(id=tp_map[tp.id], journey=jid, stage=stage_map[tp.stage]))
        for pain in store.pain_points(tp.id):
            d.insert(pain.with_(id=new_id("p"), touchpoint=tp_map[tp.id]))
    for h in store.handoffs(as_is):
        d.insert(h.with_(id=new_id("h"), journey=jid, source=tp_map[h.source],
                         target=tp_map[h.target]))
    return d.finish("Make to-be journey", jid)


def unlink_to_be(store: Store, journey: str) -> Edit:
    """Make a to-be journey a plain journey (its rows stay)."""
    j = _require(store, "journey", journey, "journey")
    if j.variant_of is None:
        raise EditError("this journey is not the to-be of another journey")
    d = _Draft(store)
    _unlink_variant(d, j)
    return d.finish("Unlink to-be journey", journey)


# -- delete with cascades ---------------------------------------------------------------------
def _cascade(d: _Draft, table: str, id: str) -> None:
    row = d.get(table, id)
    if row is None:
        return
    match row:
        case Journey():
            for t in ("survey_label", "touchpoint", "handoff", "influence", "lane", "stage",
                      "phase"):
                for child in d.rows(t):
                    if getattr(child, "journey", None) == id:
                        _cascade(d, t, child.id)
            # Its to-be journeys stay, as plain journeys (the UI says so).
            for other in d.rows("journey"):
                if isinstance(other, Journey) and other.variant_of == id:
                    _unlink_variant(d, other)
        case Phase():
            for st in d.rows("stage"):
                if isinstance(st, Stage) and st.phase == id:
                    d.put(st.with_(phase=None))
        case Stage():
            for st in d.rows("stage"):
                if isinstance(st, Stage) and st.variant_of == id:
                    d.put(st.with_(variant_of=None))
            for t in ("touchpoint", "influence"):
                for child in d.rows(t):
                    if getattr(child, "stage", None) == id:
                        _cascade(d, t, child.id)
        case Role():
            d.delete("persona", id)
            for t in ("touchpoint", "influence", "lane"):
                for child in d.rows(t):
                    if getattr(child, "role", None) == id:
                        _cascade(d, t, child.id)
        case Lane():
            for t in ("touchpoint", "influence"):
                for child in d.rows(t):
                    if (getattr(child, "role", None) == row.role
                            and getattr(child, "journey", None) == row.journey):
                        _cascade(d, t, child.id)
        case Touchpoint():
            for p in d.rows("pain_point"):
                if isinstance(p, PainPoint) and p.touchpoint == id:
                    _cascade(d, "pain_point", p.id)
            for h in d.rows("handoff"):
                if isinstance(h, Handoff) and id in (h.source, h.target):
                    d.delete("handoff", h.id)
            for sl in d.rows("survey_label"):
                if isinstance(sl, SurveyLabel) and sl.touchpoint == id:
                    d.delete("survey_label", sl.id)
        case PainPoint() | Action():
            for link in d.rows("action_link"):
                if isinstance(link, ActionLink) and id in (link.pain, link.action):
                    d.delete("action_link", link.id)
            for v in d.rows("vote"):
                if isinstance(v, Vote) and v.target == id:
                    d.delete("vote", v.id)
        case Dimension():
            used = [p for p in d.rows("pain_point") if getattr(p, "dimension", None) == id]
            if used:
                raise EditError(f"{len(used)} pain points use this dimension; "
                                "move them to another dimension first")
    d.delete(table, id)


def delete(store: Store, table: str, ids: Sequence[str], label: str | None = None) -> Edit:
    """Delete rows and everything that hangs off them (undo restores all of it)."""
    d = _Draft(store)
    for id in ids:
        _require(store, table, id, table.replace("_", " "))
        _cascade(d, table, id)
    what = table.replace("_", " ")
    return d.finish(label or (f"Delete {what}" if len(ids) == 1 else f"Delete {len(ids)} {what}s"))


def rehome_and_delete(store: Store, table: str, id: str, move_to: str) -> Edit:
    """Delete a stage or role after moving its touchpoints to another stage or role
    (influence entries of the deleted one go with it)."""
    d = _Draft(store)
    if table == "stage":
        old, new = _require(store, "stage", id, "stage"), _require(store, "stage", move_to, "stage")
        if old.journey != new.journey or id == move_to:
            raise EditError("move the touchpoints to another stage of the same journey")
        for tp in store.touchpoints(old.journey):
            if tp.stage == id:
                d.put(tp.with_(stage=move_to))
    elif table == "role":
        _require(store, "role", id, "role")
        _require(store, "role", move_to, "role")
        if id == move_to:
            raise EditError("move the touchpoints to another role")
        for tp in list(d.rows("touchpoint")):
            if isinstance(tp, Touchpoint) and tp.role == id:
                if _lane_id(d, tp.journey, move_to) is None:
                    d.insert(Lane(lane_id(tp.journey, move_to), journey=tp.journey, role=move_to,
                                  position=_next_position(store.lanes(tp.journey))))
                d.put(tp.with_(role=move_to))
    elif table == "dimension":
        _require(store, "dimension", move_to, "dimension")
        for p in store.tables["pain_point"].values():
            if isinstance(p, PainPoint) and p.dimension == id:
                d.put(p.with_(dimension=move_to))
    else:
        raise EditError(f"{table} rows cannot be re-homed")
    _cascade(d, table, id)
    return d.finish(f"Delete {table}")


# -- copy and paste ---------------------------------------------------------------------------
def copy_payload(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Cards as JSON-like dicts (the interchange format's touchpoint objects)."""
    out = []
    for id in ids:
        t = _require(store, "touchpoint", id, "touchpoint")
        out.append({
            "title": t.title, "description": t.description, "channel": t.channel,
            "channel_detail": t.channel_detail, "emotion": t.emotion, "scores": list(t.scores),
            "metrics": [{"name": m.name, "value": m.value, "unit": m.unit} for m in t.metrics],
            "pain_points": [{"title": p.title, "severity": p.severity, "frequency": p.frequency,
                             "dimension": p.dimension, "evidence": p.evidence}
                            for p in store.pain_points(id)],
        })
    return out


_TP_FIELDS = {f.name for f in fields(Touchpoint)} - {"id", "journey", "role", "stage",
                                                      "position"}
_PAIN_FIELDS = {"title", "severity", "frequency", "dimension", "evidence"}


def paste_touchpoints(store: Store, journey: str, role: str, stage: str,
                      payload: Sequence[dict[str, Any]]) -> Edit:
    """New cards (with new ids) from :func:`copy_payload` data, into one cell."""
    d = _Draft(store)
    base = _next_position(store.touchpoints(journey))
    created = []
    dims = {x.id for x in store.dimensions()}
    for i, item in enumerate(payload):
        if not isinstance(item, dict):
            raise EditError("clipboard data is not a list of touchpoints")
        values = {k: v for k, v in item.items() if k in _TP_FIELDS}
        values["scores"] = tuple(values.get("scores", ()))
        values["metrics"] = tuple(Metric(**m) for m in values.get("metrics", ()))
        tid = _new_id(store, "t", d)
        tp = Touchpoint(tid, journey=journey, role=role, stage=stage, position=base + i,
                        **values)
        _check_touchpoint_refs(d, tp)
        d.insert(tp)
        created.append(tid)
        for j, p in enumerate(item.get("pain_points", [])):
            pv = {k: v for k, v in p.items() if k in _PAIN_FIELDS}
            if pv.get("dimension") not in dims and dims:
                pv["dimension"] = store.dimensions()[0].id
            _insert_pain(store, d, tid, float(j), **pv)
    n = len(created)
    return d.finish("Paste touchpoint" if n == 1 else f"Paste {n} touchpoints",
                    created[0] if created else None)
