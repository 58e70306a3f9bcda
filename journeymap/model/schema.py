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

from sqlmodel import Field, SQLModel

from journeymap.model.sqlrows import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "create_schema", "ddl"]


class ProjectTable(SQLModel, table=True):
    __tablename__ = "project"
    id: str = Field(primary_key=True)
    title: str = ""
    client: str = ""
    language: str = "en"
    vote_weight: float = 0.5


class DimensionTable(SQLModel, table=True):
    __tablename__ = "dimension"
    id: str = Field(primary_key=True)
    name: str
    kind: str
    weight: float | None = None
    position: float = 0.0


class RoleTable(SQLModel, table=True):
    __tablename__ = "role"
    id: str = Field(primary_key=True)
    name: str
    color: str
    default_influence: int = 3
    description: str = ""
    position: float = 0.0


class JourneyTable(SQLModel, table=True):
    __tablename__ = "journey"
    id: str = Field(primary_key=True)
    name: str
    segment: str = ""
    description: str = ""
    position: float = 0.0


class PhaseTable(SQLModel, table=True):
    __tablename__ = "phase"
    id: str = Field(primary_key=True)
    journey: str = Field(index=True)
    name: str
    position: float = 0.0


class StageTable(SQLModel, table=True):
    __tablename__ = "stage"
    id: str = Field(primary_key=True)
    journey: str = Field(index=True)
    name: str
    phase: str | None = None
    position: float = 0.0


class LaneTable(SQLModel, table=True):
    __tablename__ = "lane"
    id: str = Field(primary_key=True)
    journey: str = Field(index=True)
    role: str
    position: float = 0.0


class InfluenceTable(SQLModel, table=True):
    __tablename__ = "influence"
    id: str = Field(primary_key=True)
    journey: str = Field(index=True)
    role: str
    stage: str
    weight: int


class TouchpointTable(SQLModel, table=True):
    __tablename__ = "touchpoint"
    id: str = Field(primary_key=True)
    journey: str = Field(index=True)
    role: str
    stage: str
    title: str
    description: str = ""
    channel: str = "digital"
    channel_detail: str = ""
    emotion: int | None = None
    scores: str = "[]"  # JSON list of integers 0–10
    metrics: str = "[]"  # JSON list of {name, value, unit}
    position: float = 0.0


class PainPointTable(SQLModel, table=True):
    __tablename__ = "pain_point"
    id: str = Field(primary_key=True)
    touchpoint: str = Field(index=True)
    title: str
    severity: int
    frequency: int
    dimension: str
    evidence: str = ""
    position: float = 0.0


class HandoffTable(SQLModel, table=True):
    __tablename__ = "handoff"
    id: str = Field(primary_key=True)
    journey: str = Field(index=True)
    source: str
    target: str
    label: str = ""
    position: float = 0.0


class ActionTable(SQLModel, table=True):
    __tablename__ = "action"
    id: str = Field(primary_key=True)
    title: str
    effort: int = 3
    owner: str = ""
    status: str = "idea"
    due: str | None = None
    position: float = 0.0


class ActionLinkTable(SQLModel, table=True):
    __tablename__ = "action_link"
    id: str = Field(primary_key=True)
    action: str = Field(index=True)
    pain: str = Field(index=True)
    position: float = 0.0


class VoteTable(SQLModel, table=True):
    __tablename__ = "vote"
    id: str = Field(primary_key=True)
    participant: str
    target: str = Field(index=True)
    position: float = 0.0


class MetaTable(SQLModel, table=True):
    """Key/value facts about the file (added in schema version 2)."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str = ""


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
