"""JSON interchange format, version 2 (docs/json-format.md): parse with paths in errors, dump.

Version 2 adds, optionally, ``roles[].persona``, ``journeys[].variant_of``,
``stages[].variant_of`` and ``journeys[].survey_labels`` (remembered survey pairings,
written only when there are some); version 1 files still import (without those fields); export
writes version 2.

``parse_project(obj)`` turns decoded JSON into a :class:`Store`; ``dump_project(store)``
gives the canonical JSON object back. Every field is written on export, so
import → export → import is the identity on the exported text.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journeymap.model.consistency import reference_problems
from journeymap.model.rows import (
    DEFAULT_INFLUENCE,
    DEFAULT_VOTE_WEIGHT,
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
    ProjectInfo,
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
from journeymap.model.store import PROJECT_ID, Store
from journeymap.model.validation import (
    MAX_ID,
    MAX_PHOTO_BYTES,
    ValidationError,
    check_number,
    check_row,
    check_text,
    shown,
)

FORMAT = "journeymap"
VERSION = 2
MAX_JSON_BYTES = 512 * 1024 * 1024  # as for .jmap files


class JsonFormatError(ValueError):
    """The JSON does not follow the format; ``path`` locates the problem."""

    def __init__(self, path: str, message: str, *, code: str = "invalid",
                 params: dict[str, Any] | None = None) -> None:
        # Bounded: a path built from hostile keys or a message quoting a value stays short.
        path = path if len(path) <= 200 else path[:200] + "…"
        message = message if len(message) <= 400 else message[:400] + "…"
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message
        self.code = code
        self.params = dict(params or {})

    @classmethod
    def from_validation(cls, path: str, e: ValidationError) -> JsonFormatError:
        return cls(f"{path}.{e.field}", e.message, code=e.code, params=e.params)


_MISSING = object()


class _Obj:
    """Reads one JSON object, remembering which keys were used, to reject unknown ones."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise JsonFormatError(path, f"must be an object, got {_kind(value)}")
        self.value = value
        self.path = path
        self.used: set[str] = set()

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = _MISSING,
            nullable: bool = False) -> Any:
        self.used.add(key)
        if key not in self.value:
            if default is _MISSING:
                raise JsonFormatError(self.path, f"missing required field {key!r}")
            return default
        v = self.value[key]
        if v is None and nullable:
            return None
        ok = isinstance(v, kind) and not (isinstance(v, bool) and bool not in _tuple(kind))
        if not ok:
            raise JsonFormatError(f"{self.path}.{key}",
                                  f"must be {_kind_name(kind)}, got {_kind(v)}")
        return v

    def list(self, key: str) -> list[tuple[Any, str]]:
        items = self.get(key, list, [])
        return [(item, f"{self.path}.{key}[{i}]") for i, item in enumerate(items)]

    def done(self) -> None:
        for key in self.value:
            if key not in self.used:
                raise JsonFormatError(f"{self.path}.{_key(key)}", "unknown field")


def _key(key: str) -> str:
    """A JSON key as a path component: plain keys as they are, others quoted and cut."""
    return key if key.isidentifier() and len(key) <= 60 else f"[{shown(key)}]"


def _tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", float: "a number", list: "a list",
             dict: "an object", bool: "true or false"}
    return " or ".join(names.get(k, k.__name__) for k in _tuple(kind))


def _kind(v: Any) -> str:
    if v is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "an object"}.get(type(v), type(v).__name__)


NUM = (int, float)


def _float(o: _Obj, key: str, default: float) -> float:
    value = o.get(key, NUM, default)
    try:
        check_number(key, value)
    except ValidationError as e:
        raise JsonFormatError.from_validation(o.path, e) from None
    return float(value)


PHOTO_TYPES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}


def photo_data_url(data: bytes) -> str:
    """``data:image/png;base64,…`` (or jpeg) of a persona photo."""
    mime = next((m for m, magic in PHOTO_TYPES.items() if data.startswith(magic)), "image/png")
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def _photo_from_url(value: str, path: str) -> bytes:
    head, sep, payload = value.partition(",")
    mime = head[5:-7] if head.startswith("data:") and head.endswith(";base64") else ""
    if not sep or mime not in PHOTO_TYPES:
        raise JsonFormatError(path, "must be a data URL data:image/png;base64,… or "
                              "data:image/jpeg;base64,…", code="not_image",
                              params={"message": "not a PNG or JPEG data URL"})
    if len(payload) > (MAX_PHOTO_BYTES + 2) // 3 * 4 + 4:  # checked before decoding
        size = len(payload) * 3 // 4
        raise JsonFormatError(path, f"is too large (about {size:,} bytes, at most "
                              f"{MAX_PHOTO_BYTES:,})", code="image_too_large",
                              params={"size": size, "limit": MAX_PHOTO_BYTES, "unit": "bytes"})
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise JsonFormatError(path, "is not valid base64", code="not_image",
                              params={"message": "not valid base64"}) from None
    if not data.startswith(PHOTO_TYPES[mime]):
        raise JsonFormatError(path, f"says {mime} but the data is not that kind of picture",
                              code="not_image", params={"message": "wrong picture type"})
    return data


def _parse_persona(r: _Reader, role: str, value: Any, path: str) -> None:
    po = _Obj(value, path)
    lists = {}
    for key in ("goals", "criteria", "worries"):
        items = []
        for item, ipath in po.list(key):
            if not isinstance(item, str):
                raise JsonFormatError(ipath, f"must be text, got {_kind(item)}")
            items.append(item)
        lists[key] = tuple(items)
    photo = po.get("photo", str, None, nullable=True)
    persona = Persona(role, profile=po.get("profile", str, ""), quote=po.get("quote", str, ""),
                      headcount=po.get("headcount", int, None, nullable=True),
                      photo=None if photo is None else _photo_from_url(photo, f"{path}.photo"),
                      **lists)
    po.done()
    r.add(persona, path)


class _Reader:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.ids: dict[str, str] = {}  # id -> path where defined

    def add(self, row: Row, path: str) -> None:
        try:
            check_row(row)
        except ValidationError as e:
            raise JsonFormatError.from_validation(path, e) from None
        self.rows.append(row)

    def new_id(self, o: _Obj) -> str:
        id = o.get("id", str)
        if not id.strip():
            raise JsonFormatError(f"{o.path}.id", "must not be empty")
        if len(id) > 200:
            raise JsonFormatError(f"{o.path}.id", "is too long (at most 200 characters)")
        try:
            check_text("id", id, required=True, limit=MAX_ID)
        except ValidationError as e:
            raise JsonFormatError.from_validation(o.path, e) from None
        if id in self.ids:
            raise JsonFormatError(f"{o.path}.id", f"duplicate id {shown(id)} (also at "
                                  f"{self.ids[id]})", code="duplicate",
                                  params={"value": shown(id), "other": self.ids[id]})
        self.ids[id] = o.path
        return id


def _ref(o: _Obj, key: str, valid: dict[str, Any] | set[str], what: str,
         nullable: bool = False) -> Any:
    value = o.get(key, str, None if nullable else _MISSING, nullable=nullable)
    if value is None:
        return None
    if value not in valid:
        raise JsonFormatError(f"{o.path}.{key}", f"{shown(value)} is not the id of {what}",
                              code="dangling", params={"value": shown(value), "what": what})
    return value


def parse_project(data: Any) -> Store:
    """Validate decoded JSON and build the project. Raises :class:`JsonFormatError`."""
    top = _Obj(data, "$")
    fmt = top.get("format", str)
    if fmt != FORMAT:
        raise JsonFormatError("$.format", f"must be {FORMAT!r}, got {shown(fmt)}: not a "
                              "journeymap file")
    version = top.get("version", int)
    if abs(version) > 10**6:
        raise JsonFormatError("$.version", f"unknown format version {shown(version)}")
    if version > VERSION:
        raise JsonFormatError("$.version", f"this file is format version {version}, written by a "
                              f"newer journeymap; this version reads version {VERSION}")
    if version < 1:
        raise JsonFormatError("$.version", f"unknown format version {version}")
    r = _Reader()

    dims: dict[str, Dimension] = {}
    for pos, (item, path) in enumerate(top.list("dimensions")):
        o = _Obj(item, path)
        d = Dimension(r.new_id(o), name=o.get("name", str), kind=o.get("kind", str, "rational"),
                      position=float(pos))
        o.done()
        r.add(d, path)
        dims[d.id] = d

    p = _Obj(top.get("project", dict), "$.project")
    info = ProjectInfo(PROJECT_ID, title=p.get("title", str, ""), client=p.get("client", str, ""),
                       language=p.get("language", str, "en"))
    s = _Obj(p.get("settings", dict, {}), "$.project.settings")
    info = info.with_(vote_weight=_float(s, "vote_weight", DEFAULT_VOTE_WEIGHT))
    weights = _Obj(s.get("dimension_weights", dict, {}), "$.project.settings.dimension_weights")
    for key, value in weights.value.items():
        wpath = f"{weights.path}.{_key(key)}"
        if key not in dims:
            raise JsonFormatError(wpath, f"{shown(key)} is not the id of a dimension")
        try:
            check_number("weight", value, 0, 10)
        except ValidationError as e:
            raise JsonFormatError(wpath, e.message, code=e.code, params=e.params) from None
        dims[key] = dims[key].with_(weight=float(value))  # type: ignore[assignment]
        weights.used.add(key)
    r.rows = [dims.get(x.id, x) if isinstance(x, Dimension) else x for x in r.rows]
    s.done()
    p.done()
    r.add(info, "$.project")

    roles: dict[str, Role] = {}
    for pos, (item, path) in enumerate(top.list("roles")):
        o = _Obj(item, path)
        role = Role(r.new_id(o), name=o.get("name", str), color=o.get("color", str, "#3465a4"),
                    default_influence=o.get("default_influence", int, DEFAULT_INFLUENCE),
                    description=o.get("description", str, ""), position=float(pos))
        persona = o.get("persona", dict, None, nullable=True) if version >= 2 else None
        o.done()
        r.add(role, path)
        roles[role.id] = role
        if persona is not None:
            _parse_persona(r, role.id, persona, f"{path}.persona")

    pains: set[str] = set()
    links: list[tuple[Row, str]] = []  # rows with variant_of, checked once all are read
    for jpos, (item, jpath) in enumerate(top.list("journeys")):
        _parse_journey(r, _Obj(item, jpath), float(jpos), roles, dims, pains, version, links)
    _check_variants(r, links)

    actions: set[str] = set()
    for pos, (item, path) in enumerate(top.list("actions")):
        o = _Obj(item, path)
        a = Action(r.new_id(o), title=o.get("title", str), effort=o.get("effort", int, 3),
                   owner=o.get("owner", str, ""), status=o.get("status", str, "idea"),
                   due=o.get("due", str, None, nullable=True), position=float(pos))
        seen: set[str] = set()
        for lpos, (pain, lpath) in enumerate(o.list("addresses")):
            if not isinstance(pain, str) or pain not in pains:
                raise JsonFormatError(lpath, f"{shown(pain)} is not the id of a pain point")
            if pain in seen:
                raise JsonFormatError(lpath, f"pain point {shown(pain)} listed twice")
            seen.add(pain)
            r.add(ActionLink(link_id(a.id, pain), action=a.id, pain=pain, position=float(lpos)), lpath)
        o.done()
        r.add(a, path)
        actions.add(a.id)

    targets = pains | actions
    for pos, (item, path) in enumerate(top.list("votes")):
        o = _Obj(item, path)
        participant = o.get("participant", str)
        target = _ref(o, "target", targets, "a pain point or action")
        o.done()
        r.add(Vote(f"v{pos + 1}", participant=participant, target=target, position=float(pos)),
              path)
    top.done()
    store = Store(r.rows)
    # The same whole-project check a .jmap file gets on opening (one validation path);
    # the checks above already refused everything with a JSON path, so this is a backstop.
    found = reference_problems(store)
    if found:
        raise JsonFormatError("$", str(found[0]), code=found[0].code, params=found[0].params)
    return store


def _check_variants(r: _Reader, links: list[tuple[Row, str]]) -> None:
    journeys = {x.id: x for x in r.rows if isinstance(x, Journey)}
    stage_journey = {x.id: x.journey for x in r.rows if isinstance(x, Stage)}
    for row, path in links:
        if isinstance(row, Journey):
            if row.variant_of not in journeys or row.variant_of == row.id:
                raise JsonFormatError(f"{path}.variant_of", f"{shown(row.variant_of)} is not "
                                      "the id of another journey", code="dangling",
                                      params={"value": shown(row.variant_of),
                                              "what": "another journey"})
        elif isinstance(row, Stage):
            as_is = journeys[row.journey].variant_of
            if as_is is None or stage_journey.get(row.variant_of) != as_is:
                raise JsonFormatError(f"{path}.variant_of", f"{shown(row.variant_of)} is not "
                                      "the id of a stage of this journey's as-is journey",
                                      code="dangling", params={
                                          "value": shown(row.variant_of),
                                          "what": "a stage of the as-is journey"})


def _parse_journey(r: _Reader, o: _Obj, position: float, roles: dict[str, Role],
                   dims: dict[str, Dimension], pains: set[str], version: int = VERSION,
                   links: list[tuple[Row, str]] | None = None) -> None:
    links = [] if links is None else links
    j = Journey(r.new_id(o), name=o.get("name", str), segment=o.get("segment", str, ""),
                description=o.get("description", str, ""), position=position,
                variant_of=o.get("variant_of", str, None, nullable=True) if version >= 2
                else None)
    r.add(j, o.path)
    if j.variant_of is not None:
        links.append((j, o.path))
    phases: set[str] = set()
    for pos, (item, path) in enumerate(o.list("phases")):
        po = _Obj(item, path)
        ph = Phase(r.new_id(po), journey=j.id, name=po.get("name", str), position=float(pos))
        po.done()
        r.add(ph, path)
        phases.add(ph.id)
    stages: set[str] = set()
    for pos, (item, path) in enumerate(o.list("stages")):
        so = _Obj(item, path)
        st = Stage(r.new_id(so), journey=j.id, name=so.get("name", str),
                   phase=_ref(so, "phase", phases, "a phase of this journey", nullable=True),
                   position=float(pos),
                   variant_of=so.get("variant_of", str, None, nullable=True) if version >= 2
                   else None)
        so.done()
        r.add(st, path)
        if st.variant_of is not None:
            links.append((st, path))
        stages.add(st.id)
    lanes: set[str] = set()
    for pos, (role, path) in enumerate(o.list("lanes")):
        if not isinstance(role, str) or role not in roles:
            raise JsonFormatError(path, f"{shown(role)} is not the id of a role")
        if role in lanes:
            raise JsonFormatError(path, f"role {shown(role)} has two lanes")
        lanes.add(role)
        r.add(Lane(lane_id(j.id, role), journey=j.id, role=role, position=float(pos)), path)
    seen_inf: set[tuple[str, str]] = set()
    for item, path in o.list("influence"):
        io = _Obj(item, path)
        role = _ref(io, "role", roles, "a role")
        stage = _ref(io, "stage", stages, "a stage of this journey")
        if (role, stage) in seen_inf:
            raise JsonFormatError(path, f"influence of {shown(role)} at {shown(stage)} given "
                                  "twice")
        seen_inf.add((role, stage))
        inf = Influence(influence_id(j.id, role, stage), journey=j.id, role=role, stage=stage,
                        weight=io.get("weight", int))
        io.done()
        r.add(inf, path)
    tps: set[str] = set()
    for pos, (item, path) in enumerate(o.list("touchpoints")):
        to = _Obj(item, path)
        tp_id = r.new_id(to)
        role = _ref(to, "role", lanes, "a lane (role) of this journey")
        stage = _ref(to, "stage", stages, "a stage of this journey")
        scores = []
        for s, spath in to.list("scores"):
            if isinstance(s, bool) or not isinstance(s, int):
                raise JsonFormatError(spath, f"must be a whole number from 0 to 10, got {_kind(s)}")
            scores.append(s)
        metrics = []
        for m, mpath in to.list("metrics"):
            mo = _Obj(m, mpath)
            metrics.append(Metric(mo.get("name", str), mo.get("value", NUM), mo.get("unit", str, "")))
            mo.done()
        tp = Touchpoint(tp_id, journey=j.id, role=role, stage=stage, title=to.get("title", str),
                        description=to.get("description", str, ""),
                        channel=to.get("channel", str, "digital"),
                        channel_detail=to.get("channel_detail", str, ""),
                        emotion=to.get("emotion", int, None, nullable=True),
                        scores=tuple(scores), metrics=tuple(metrics), position=float(pos))
        r.add(tp, path)
        tps.add(tp.id)
        for ppos, (pitem, ppath) in enumerate(to.list("pain_points")):
            pj = _Obj(pitem, ppath)
            pain = PainPoint(r.new_id(pj), touchpoint=tp.id, title=pj.get("title", str),
                             severity=pj.get("severity", int), frequency=pj.get("frequency", int),
                             dimension=_ref(pj, "dimension", dims, "a dimension"),
                             evidence=pj.get("evidence", str, ""), position=float(ppos))
            pj.done()
            r.add(pain, ppath)
            pains.add(pain.id)
        to.done()
    for pos, (item, path) in enumerate(o.list("handoffs")):
        ho = _Obj(item, path)
        h = Handoff(f"h{len(r.rows)}", journey=j.id,
                    source=_ref(ho, "from", tps, "a touchpoint of this journey"),
                    target=_ref(ho, "to", tps, "a touchpoint of this journey"),
                    label=ho.get("label", str, ""), position=float(pos))
        ho.done()
        r.add(h, path)
    labels: set[str] = set()
    for item, path in o.list("survey_labels") if version >= 2 else []:
        so = _Obj(item, path)
        label = unicodedata.normalize("NFKC", so.get("label", str)).strip()
        if label in labels:
            raise JsonFormatError(f"{path}.label", f"survey label {shown(label)} is paired "
                                  "twice", code="duplicate",
                                  params={"value": shown(label), "other": "this journey"})
        labels.add(label)
        sl = SurveyLabel(survey_label_id(j.id, label), journey=j.id, label=label,
                         touchpoint=_ref(so, "touchpoint", tps, "a touchpoint of this journey"))
        so.done()
        r.add(sl, path)
    o.done()


def dump_project(store: Store) -> dict[str, Any]:
    """The canonical JSON object of a project (all fields written, lists in display order)."""
    info = store.project
    weights = {d.id: d.weight for d in store.dimensions() if d.weight is not None}
    out: dict[str, Any] = {
        "format": FORMAT, "version": VERSION,
        "project": {"title": info.title, "client": info.client, "language": info.language,
                    "settings": {"vote_weight": info.vote_weight, "dimension_weights": weights}},
        "dimensions": [{"id": d.id, "name": d.name, "kind": d.kind} for d in store.dimensions()],
        "roles": [_dump_role(store, r) for r in store.roles()],
        "journeys": [_dump_journey(store, j) for j in store.journeys()],
        "actions": [{"id": a.id, "title": a.title, "effort": a.effort, "owner": a.owner,
                     "status": a.status, "due": a.due, "addresses": store.addressed_pains(a.id)}
                    for a in store.actions()],
        "votes": [{"participant": v.participant, "target": v.target} for v in store.votes()],
    }
    return out


def _dump_role(store: Store, r: Role) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id, "name": r.name, "color": r.color,
                           "default_influence": r.default_influence,
                           "description": r.description}
    p = store.get("persona", r.id)
    if isinstance(p, Persona):
        out["persona"] = {
            "profile": p.profile, "goals": list(p.goals), "criteria": list(p.criteria),
            "worries": list(p.worries), "quote": p.quote, "headcount": p.headcount,
            "photo": None if p.photo is None else photo_data_url(p.photo)}
    return out


def _dump_journey(store: Store, j: Journey) -> dict[str, Any]:
    labels = sorted(({"label": r.label, "touchpoint": r.touchpoint}  # type: ignore[attr-defined]
                     for r in store.tables["survey_label"].values()
                     if r.journey == j.id),  # type: ignore[attr-defined]
                    key=lambda x: x["label"])
    stage_order = {s.id: i for i, s in enumerate(store.stages(j.id))}
    lane_order = {lane.role: i for i, lane in enumerate(store.lanes(j.id))}
    influences = sorted(store.influences(j.id), key=lambda i: (
        lane_order.get(i.role, len(lane_order)), i.role, stage_order.get(i.stage, 0)))
    return {
        "id": j.id, "name": j.name, "segment": j.segment, "description": j.description,
        **({"variant_of": j.variant_of} if j.variant_of is not None else {}),
        "phases": [{"id": p.id, "name": p.name} for p in store.phases(j.id)],
        "stages": [{"id": s.id, "name": s.name, "phase": s.phase,
                    **({"variant_of": s.variant_of} if s.variant_of is not None else {})}
                   for s in store.stages(j.id)],
        "lanes": [lane.role for lane in store.lanes(j.id)],
        "influence": [{"role": i.role, "stage": i.stage, "weight": i.weight} for i in influences],
        "touchpoints": [{
            "id": t.id, "role": t.role, "stage": t.stage, "title": t.title,
            "description": t.description, "channel": t.channel,
            "channel_detail": t.channel_detail, "emotion": t.emotion,
            "pain_points": [{"id": p.id, "title": p.title, "severity": p.severity,
                             "frequency": p.frequency, "dimension": p.dimension,
                             "evidence": p.evidence} for p in store.pain_points(t.id)],
            "scores": list(t.scores),
            "metrics": [{"name": m.name, "value": m.value, "unit": m.unit} for m in t.metrics],
        } for t in store.touchpoints(j.id)],
        "handoffs": [{"from": h.source, "to": h.target, "label": h.label}
                     for h in store.handoffs(j.id)],
        **({"survey_labels": labels} if labels else {}),
    }


def dumps_project(store: Store) -> str:
    """Stable, diff-friendly text: two-space indent, real UTF-8, trailing newline."""
    return json.dumps(dump_project(store), ensure_ascii=False, indent=2) + "\n"


def loads_project(text: str) -> Store:
    """Parse JSON text; syntax errors become :class:`JsonFormatError` with line and column."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise JsonFormatError("", f"not valid JSON: {e.msg} at line {e.lineno}, "
                              f"column {e.colno}") from None
    except RecursionError:
        raise JsonFormatError("", "not valid JSON: nested too deeply") from None
    except ValueError as e:  # e.g. an integer of more than 4,300 digits
        reason = "a number has too many digits" if "digits" in str(e) else str(e)[:120]
        raise JsonFormatError("", f"not valid JSON: {reason}") from None
    return parse_project(data)


def read_json_file(path: Path, reader: Callable[[str], Store] = loads_project) -> Store:
    """Read and parse a JSON project file (UTF-8, with or without BOM).

    A named pipe or device is refused before it is opened (reading it could block or
    never end), and so is a file over :data:`MAX_JSON_BYTES`."""
    st = os.stat(path)  # FileNotFoundError as it is
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(str(path))
    if not stat.S_ISREG(st.st_mode):
        raise JsonFormatError("", "not a regular file")
    if st.st_size > MAX_JSON_BYTES:
        raise JsonFormatError("", f"too large for a journeymap project ({st.st_size:,} bytes; "
                              f"at most {MAX_JSON_BYTES:,})")
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise JsonFormatError("", f"not UTF-8 text (byte {e.start})") from None
    return reader(text)
