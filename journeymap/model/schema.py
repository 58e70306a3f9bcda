"""The .jmap file: SQLModel tables, file identity and ordered schema upgrades.

These SQLModel classes are the one definition of the schema (docs/file-format.md):
``schema.sql`` is compiled from them, and ``tests/model/test_schema.py`` checks that the
rows of :mod:`journeymap.model.rows` have the same fields, types and defaults. A .jmap
file is an SQLite database with ``PRAGMA application_id = 0x4A4D4150`` ("JMAP") and
``PRAGMA user_version`` = schema version; a touchpoint's survey scores and metrics are
JSON text columns. Older versions are upgraded in memory, on checked rows
(:data:`journeymap.model.sqlfile.UPGRADES`), never by running SQL in a received file.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import CheckConstraint, DefaultClause
from sqlmodel import Field, SQLModel

from journeymap.model.rows import (
    DEFAULT_INFLUENCE,
    DEFAULT_VOTE_WEIGHT,
    Channel,
    DimensionKind,
    Status,
)
from journeymap.model.sqlrows import APPLICATION_ID, SCHEMA_VERSION
from journeymap.model.validation import LANGUAGES, MAX_HEADCOUNT

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "create_schema", "ddl"]


def _range(column: str, lo: float, hi: float, nullable: bool = False) -> CheckConstraint:
    test = f"{column} BETWEEN {lo} AND {hi}"
    return CheckConstraint(f"{column} IS NULL OR {test}" if nullable else test,
                           name=f"{column}_range")


def _choice(column: str, choices: tuple[str, ...]) -> CheckConstraint:
    words = ", ".join(f"'{c}'" for c in choices)
    return CheckConstraint(f"{column} IN ({words})", name=f"{column}_choice")


# Defaults equal those of journeymap.model.rows; the CHECK constraints equal the ranges
# of journeymap.model.validation (tests/model/test_schema.py compares both). They guard
# the working copy; files are checked by validation when read, whatever they declare.
class ProjectTable(SQLModel, table=True):
    __tablename__ = "project"
    __table_args__ = (_choice("language", LANGUAGES), _range("vote_weight", 0, 10))
    id: str = Field(primary_key=True)
    title: str = ""
    client: str = ""
    language: str = "en"
    vote_weight: float = DEFAULT_VOTE_WEIGHT


class DimensionTable(SQLModel, table=True):
    __tablename__ = "dimension"
    __table_args__ = (_choice("kind", tuple(k.value for k in DimensionKind)),
                      _range("weight", 0, 10, nullable=True))
    id: str = Field(primary_key=True)
    name: str = ""
    kind: str = DimensionKind.RATIONAL.value
    weight: float | None = None
    position: float = 0.0


class RoleTable(SQLModel, table=True):
    __tablename__ = "role"
    __table_args__ = (_range("default_influence", 0, 5), CheckConstraint(
        "color GLOB '#" + "[0-9A-Fa-f]" * 6 + "'", name="color_format"))
    id: str = Field(primary_key=True)
    name: str = ""
    color: str = "#3465a4"
    default_influence: int = DEFAULT_INFLUENCE
    description: str = ""
    position: float = 0.0


class PersonaTable(SQLModel, table=True):
    """The persona of a role (added in schema version 3); ``id`` is the role's id."""

    __tablename__ = "persona"
    __table_args__ = (_range("headcount", 0, MAX_HEADCOUNT, nullable=True),)
    id: str = Field(primary_key=True)
    profile: str = ""
    goals: str = "[]"  # JSON list of texts
    criteria: str = "[]"  # JSON list of texts
    worries: str = "[]"  # JSON list of texts
    quote: str = ""
    headcount: int | None = None
    photo: bytes | None = None  # PNG or JPEG bytes, checked by validation


class JourneyTable(SQLModel, table=True):
    __tablename__ = "journey"
    id: str = Field(primary_key=True)
    name: str = ""
    segment: str = ""
    description: str = ""
    position: float = 0.0
    variant_of: str | None = None  # version 3: the as-is journey of a to-be


class PhaseTable(SQLModel, table=True):
    __tablename__ = "phase"
    id: str = Field(primary_key=True)
    journey: str = Field(default="", index=True)
    name: str = ""
    position: float = 0.0


class StageTable(SQLModel, table=True):
    __tablename__ = "stage"
    id: str = Field(primary_key=True)
    journey: str = Field(default="", index=True)
    name: str = ""
    phase: str | None = None
    position: float = 0.0
    variant_of: str | None = None  # version 3: the as-is stage of a to-be stage


class LaneTable(SQLModel, table=True):
    __tablename__ = "lane"
    id: str = Field(primary_key=True)
    journey: str = Field(default="", index=True)
    role: str = ""
    position: float = 0.0


class InfluenceTable(SQLModel, table=True):
    __tablename__ = "influence"
    __table_args__ = (_range("weight", 0, 5),)
    id: str = Field(primary_key=True)
    journey: str = Field(default="", index=True)
    role: str = ""
    stage: str = ""
    weight: int = DEFAULT_INFLUENCE


class TouchpointTable(SQLModel, table=True):
    __tablename__ = "touchpoint"
    __table_args__ = (_choice("channel", tuple(c.value for c in Channel)),
                      _range("emotion", -2, 2, nullable=True))
    id: str = Field(primary_key=True)
    journey: str = Field(default="", index=True)
    role: str = ""
    stage: str = ""
    title: str = ""
    description: str = ""
    channel: str = Channel.DIGITAL.value
    channel_detail: str = ""
    emotion: int | None = None
    scores: str = "[]"  # JSON list of integers 0–10
    metrics: str = "[]"  # JSON list of {name, value, unit}
    position: float = 0.0


class PainPointTable(SQLModel, table=True):
    __tablename__ = "pain_point"
    __table_args__ = (_range("severity", 1, 5), _range("frequency", 1, 5))
    id: str = Field(primary_key=True)
    touchpoint: str = Field(default="", index=True)
    title: str = ""
    severity: int = 3
    frequency: int = 3
    dimension: str = ""
    evidence: str = ""
    position: float = 0.0


class HandoffTable(SQLModel, table=True):
    __tablename__ = "handoff"
    id: str = Field(primary_key=True)
    journey: str = Field(default="", index=True)
    source: str = ""
    target: str = ""
    label: str = ""
    position: float = 0.0


class ActionTable(SQLModel, table=True):
    __tablename__ = "action"
    __table_args__ = (_range("effort", 1, 5), _choice("status", tuple(s.value for s in Status)),
                      CheckConstraint("due IS NULL OR date(julianday(due)) IS due",
                                      name="due_date"))
    id: str = Field(primary_key=True)
    title: str = ""
    effort: int = 3
    owner: str = ""
    status: str = Status.IDEA.value
    due: str | None = None
    position: float = 0.0


class ActionLinkTable(SQLModel, table=True):
    __tablename__ = "action_link"
    id: str = Field(primary_key=True)
    action: str = Field(default="", index=True)
    pain: str = Field(default="", index=True)
    position: float = 0.0


class VoteTable(SQLModel, table=True):
    __tablename__ = "vote"
    id: str = Field(primary_key=True)
    participant: str = ""
    target: str = Field(default="", index=True)
    position: float = 0.0


class SurveyLabelTable(SQLModel, table=True):
    """A survey label paired with a touchpoint (added in schema version 4); the id is
    derived from journey and label (``rows.survey_label_id``)."""

    __tablename__ = "survey_label"
    id: str = Field(primary_key=True)
    journey: str = Field(default="", index=True)
    label: str = ""
    touchpoint: str = Field(default="", index=True)


class MetaTable(SQLModel, table=True):
    """Key/value facts about the file (added in schema version 2)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str = ""


def _server_defaults() -> None:
    """Write each column's Python default into the DDL too (``DEFAULT ...``), so the
    file states the same defaults as the rows."""
    from sqlalchemy import literal_column

    for table in SQLModel.metadata.tables.values():
        for column in table.columns:
            default = column.default.arg if column.default is not None else None
            if column.server_default is None and isinstance(default, str | int | float):
                text = f"'{default}'" if isinstance(default, str) else repr(default)
                column.server_default = DefaultClause(literal_column(text))


_server_defaults()


def ddl() -> str:
    """CREATE statements of the current schema, compiled from the tables above.

    The app runs the copy in ``schema.sql`` (importing SQLModel costs most of a second
    at start-up); ``tests/model/test_schema.py`` keeps the two identical, and
    ``python -m journeymap.model.schema`` rewrites the copy."""
    from sqlalchemy.schema import CreateIndex, CreateTable

    from journeymap.model import _sqlite_dialect

    dialect = _sqlite_dialect()
    statements = []
    for table in SQLModel.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
    return ";\n\n".join(statements) + ";\n"


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table of the current schema in an empty database and mark the file."""
    from journeymap.model.sqlrows import create_schema as create

    create(conn)


if __name__ == "__main__":
    from journeymap.model.sqlrows import SCHEMA_SQL

    SCHEMA_SQL.write_text(ddl(), "utf-8")
    print(f"wrote {SCHEMA_SQL}")
