"""Rows to and from SQL columns, without importing SQLModel (kept off the open path).

Column names equal the row fields (checked by a test against :mod:`schema`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from journeymap.model.rows import ROW_TYPE_BY_TABLE, ROW_TYPES, Metric, Persona, Row, Touchpoint

APPLICATION_ID = 0x4A4D4150  # "JMAP"
SCHEMA_VERSION = 4

COLUMNS: dict[str, list[str]] = {t.table: [f.name for f in fields(t)] for t in ROW_TYPES}
# The current schema's CREATE statements, generated from the SQLModel tables of
# journeymap.model.schema (a test keeps them identical).
SCHEMA_SQL = Path(__file__).with_name("schema.sql")


def _statements() -> list[str]:
    return [s.strip() for s in SCHEMA_SQL.read_text("utf-8").split(";\n") if s.strip()]


def create_schema(conn: sqlite3.Connection, *, indexes: bool = True) -> None:
    """Create every table of the current schema in an empty database and mark the file
    (``indexes=False``: tables only, for a bulk load followed by :func:`create_indexes`)."""
    # One statement at a time: executescript() would commit the caller's transaction.
    for statement in _statements():
        if indexes or not statement.startswith("CREATE INDEX"):
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def create_indexes(conn: sqlite3.Connection) -> None:
    for statement in _statements():
        if statement.startswith("CREATE INDEX"):
            conn.execute(statement)


_GETTERS = {t: attrgetter(*cols) for t, cols in COLUMNS.items()}
# Persona lists are JSON text columns (a list of strings).
PERSONA_LISTS = ("goals", "criteria", "worries")
_PERSONA_AT = [COLUMNS["persona"].index(c) for c in PERSONA_LISTS]
_TP_SCORES = COLUMNS["touchpoint"].index("scores")
_TP_METRICS = COLUMNS["touchpoint"].index("metrics")


def row_to_db(row: Row) -> tuple[Any, ...]:
    """Column values of a row in :data:`COLUMNS` order (scores, metrics as JSON text)."""
    values = _GETTERS[row.table](row)
    if isinstance(row, Touchpoint):
        out = list(values)
        out[_TP_SCORES] = json.dumps(list(row.scores))
        out[_TP_METRICS] = json.dumps(
            [{"name": m.name, "value": m.value, "unit": m.unit} for m in row.metrics],
            ensure_ascii=False)
        return tuple(out)
    if isinstance(row, Persona):
        out = list(values)
        for i in _PERSONA_AT:
            out[i] = json.dumps(list(out[i]), ensure_ascii=False)
        return tuple(out)
    return values


def row_from_db(table: str, values: tuple[Any, ...]) -> Row:
    """A row from column values in :data:`COLUMNS` order. Raises ValueError, TypeError or
    KeyError on malformed content (the caller reports the file as damaged)."""
    kw = dict(zip(COLUMNS[table], values, strict=True))
    if table == "touchpoint":
        kw["scores"] = tuple(int(s) for s in json.loads(kw["scores"] or "[]"))
        kw["metrics"] = tuple(Metric(str(m["name"]), m["value"], str(m.get("unit", "")))
                              for m in json.loads(kw["metrics"] or "[]"))
    elif table == "persona":
        for c in PERSONA_LISTS:
            kw[c] = tuple(str(x) for x in json.loads(kw[c] or "[]"))
    return ROW_TYPE_BY_TABLE[table](**kw)


def insert_sql(table: str) -> str:
    cols = COLUMNS[table]
    return (f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})")


def delete_sql(table: str) -> str:
    return f"DELETE FROM {table} WHERE id = ?"


def write_rows(conn: sqlite3.Connection, rows: Iterable[Row], *, replace: bool = True) -> None:
    """Insert rows (``replace=False``: into empty tables, where ids are known unique)."""
    by_table: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_table.setdefault(row.table, []).append(row_to_db(row))
    for table, params in by_table.items():
        sql = insert_sql(table)
        conn.executemany(sql if replace else sql.replace("INSERT OR REPLACE", "INSERT", 1),
                         params)


def read_rows(conn: sqlite3.Connection) -> list[Row]:
    rows: list[Row] = []
    for t in ROW_TYPES:
        cols = ", ".join(COLUMNS[t.table])
        for values in conn.execute(f"SELECT {cols} FROM {t.table}"):
            rows.append(row_from_db(t.table, values))
    return rows
