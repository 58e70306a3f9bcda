"""Plain, immutable rows: the in-memory form of every table of a project.

The document keeps one :class:`~journeymap.model.store.Store` of these rows; edits
replace whole rows (they are frozen), so an undo is simply putting the old row back.
Field names equal the SQL column names of :mod:`journeymap.model.schema`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any, ClassVar


class Channel(StrEnum):
    DIGITAL = "digital"
    HUMAN = "human"
    PHYSICAL = "physical"


class Status(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"


class DimensionKind(StrEnum):
    RATIONAL = "rational"
    EMOTIONAL = "emotional"


DEFAULT_DIMENSION_IDS = ("product", "price", "fulfilment", "ease", "valued", "trust")
DEFAULT_INFLUENCE = 3
DEFAULT_VOTE_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Row:
    """Base of all rows. ``table`` names the SQL table; ``id`` is the primary key."""

    table: ClassVar[str] = ""
    id: str

    def with_(self, **changes: Any) -> Row:
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class ProjectInfo(Row):
    table: ClassVar[str] = "project"
    title: str = ""
    client: str = ""
    language: str = "en"
    vote_weight: float = DEFAULT_VOTE_WEIGHT


@dataclass(frozen=True, slots=True)
class Dimension(Row):
    table: ClassVar[str] = "dimension"
    name: str = ""
    kind: str = DimensionKind.RATIONAL.value
    # None: not set in the project settings, i.e. the default weight 1.0.
    weight: float | None = None
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class Role(Row):
    table: ClassVar[str] = "role"
    name: str = ""
    color: str = "#3465a4"
    default_influence: int = DEFAULT_INFLUENCE
    description: str = ""
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class Persona(Row):
    """The person behind a role (``id`` is the role's id; at most one per role).

    ``goals``, ``criteria`` (what they judge a supplier by) and ``worries`` are lists of
    short texts; ``headcount`` the people counted in this role at the customer (None: not
    known); ``photo`` the bytes of a PNG or JPEG (validated, limited in bytes and pixels)."""

    table: ClassVar[str] = "persona"
    profile: str = ""
    goals: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    worries: tuple[str, ...] = ()
    quote: str = ""
    headcount: int | None = None
    photo: bytes | None = None


@dataclass(frozen=True, slots=True)
class Journey(Row):
    table: ClassVar[str] = "journey"
    name: str = ""
    segment: str = ""
    description: str = ""
    position: float = 0.0
    # The as-is journey this one is the to-be of (None: a plain journey). Last field, so
    # rows of files older than version 3 (which lack it) decode positionally.
    variant_of: str | None = None


@dataclass(frozen=True, slots=True)
class Phase(Row):
    table: ClassVar[str] = "phase"
    journey: str = ""
    name: str = ""
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class Stage(Row):
    table: ClassVar[str] = "stage"
    journey: str = ""
    name: str = ""
    phase: str | None = None
    position: float = 0.0
    # In a to-be journey: the stage of the as-is journey this stage stands for (None:
    # a stage the to-be adds). Comparisons match stages through it.
    variant_of: str | None = None


@dataclass(frozen=True, slots=True)
class Lane(Row):
    """A role shown as a swimlane in one journey."""

    table: ClassVar[str] = "lane"
    journey: str = ""
    role: str = ""
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class Influence(Row):
    table: ClassVar[str] = "influence"
    journey: str = ""
    role: str = ""
    stage: str = ""
    weight: int = DEFAULT_INFLUENCE


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    value: float
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Touchpoint(Row):
    table: ClassVar[str] = "touchpoint"
    journey: str = ""
    role: str = ""
    stage: str = ""
    title: str = ""
    description: str = ""
    channel: str = Channel.DIGITAL.value
    channel_detail: str = ""
    emotion: int | None = None
    scores: tuple[int, ...] = ()
    metrics: tuple[Metric, ...] = ()
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class PainPoint(Row):
    table: ClassVar[str] = "pain_point"
    touchpoint: str = ""
    title: str = ""
    severity: int = 3
    frequency: int = 3
    dimension: str = ""
    evidence: str = ""
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class Handoff(Row):
    table: ClassVar[str] = "handoff"
    journey: str = ""
    source: str = ""
    target: str = ""
    label: str = ""
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class Action(Row):
    table: ClassVar[str] = "action"
    title: str = ""
    effort: int = 3
    owner: str = ""
    status: str = Status.IDEA.value
    due: str | None = None
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class ActionLink(Row):
    """Action ``action`` addresses pain point ``pain``."""

    table: ClassVar[str] = "action_link"
    action: str = ""
    pain: str = ""
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class Vote(Row):
    table: ClassVar[str] = "vote"
    participant: str = ""
    target: str = ""
    position: float = 0.0


@dataclass(frozen=True, slots=True)
class SurveyLabel(Row):
    """A survey label paired with a touchpoint of ``journey`` (schema version 4), kept so
    the next survey import of the journey pairs it again. ``label`` is normalised (NFKC,
    stripped: :func:`journeymap.analysis.survey.normalise`); the id is
    ``survey_label_id(journey, label)``, so a label is paired at most once per journey."""

    table: ClassVar[str] = "survey_label"
    journey: str = ""
    label: str = ""
    touchpoint: str = ""


def compound_id(*parts: str) -> str:
    """The id of a row keyed by other rows' ids (lane, influence, action link).

    Parts are joined with "/" after escaping "\\" and "/" inside each part, so the
    encoding is injective: ids that contain "/" can never make two keys collide, and
    ids without "/" or "\\" keep the readable ``journey/role`` form of older files."""
    return "/".join(p.replace("\\", "\\\\").replace("/", "\\/") for p in parts)


def lane_id(journey: str, role: str) -> str:
    return compound_id(journey, role)


def influence_id(journey: str, role: str, stage: str) -> str:
    return compound_id(journey, role, stage)


def link_id(action: str, pain: str) -> str:
    return compound_id(action, pain)


def survey_label_id(journey: str, label: str) -> str:
    return compound_id(journey, label)


def derived_id(row: Row) -> str | None:
    """The id a lane, influence or action link must have; None for other rows."""
    if isinstance(row, Lane):
        return lane_id(row.journey, row.role)
    if isinstance(row, Influence):
        return influence_id(row.journey, row.role, row.stage)
    if isinstance(row, ActionLink):
        return link_id(row.action, row.pain)
    if isinstance(row, SurveyLabel):
        return survey_label_id(row.journey, row.label)
    return None


# Order matters: parents before children (inserts in this order, deletes reversed).
ROW_TYPES: tuple[type[Row], ...] = (
    ProjectInfo,
    Dimension,
    Role,
    Persona,
    Journey,
    Phase,
    Stage,
    Lane,
    Influence,
    Touchpoint,
    PainPoint,
    Handoff,
    Action,
    ActionLink,
    Vote,
    SurveyLabel,
)
# Tables whose ids are derived from their parts (derived_id).
DERIVED_TABLES = ("lane", "influence", "action_link", "survey_label")
ROW_TYPE_BY_TABLE: dict[str, type[Row]] = {t.table: t for t in ROW_TYPES}
# Tables whose ids are user-visible and share one namespace (JSON ids).
NAMED_TABLES = ("dimension", "role", "journey", "phase", "stage", "touchpoint",
                "pain_point", "action")

__all__ = [
    "Action", "ActionLink", "Channel", "DERIVED_TABLES", "DEFAULT_DIMENSION_IDS", "DEFAULT_INFLUENCE",
    "DEFAULT_VOTE_WEIGHT", "Dimension", "DimensionKind", "Handoff", "Influence", "Journey",
    "Lane", "Metric", "NAMED_TABLES", "PainPoint", "Persona", "Phase", "ProjectInfo", "ROW_TYPES",
    "ROW_TYPE_BY_TABLE", "Role", "Row", "Stage", "Status", "SurveyLabel", "Touchpoint", "Vote",
    "compound_id", "derived_id", "influence_id", "lane_id", "link_id", "survey_label_id",
]
