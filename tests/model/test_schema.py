"""The SQLModel tables of journeymap.model.schema are the one schema definition:
schema.sql is compiled from them, and the rows (journeymap.model.rows) and the checks
(journeymap.model.validation) must agree with them in names, types, NOT NULL, defaults,
keys and CHECK constraints."""

from __future__ import annotations

import sqlite3
import types
import typing
from dataclasses import fields

import pytest

from journeymap.model import schema
from journeymap.model.rows import ROW_TYPES, Row
from journeymap.model.sqlrows import COLUMNS, SCHEMA_SQL, row_to_db
from journeymap.model.validation import ValidationError, check_row


def test_shipped_schema_sql_is_what_the_sqlmodel_tables_compile_to():
    # If this fails after changing a table: python -m journeymap.model.schema
    assert SCHEMA_SQL.read_text("utf-8") == schema.ddl()


def test_row_fields_are_the_table_columns():
    from sqlmodel import SQLModel

    for table, columns in COLUMNS.items():
        assert list(SQLModel.metadata.tables[table].columns.keys()) == columns


def test_create_schema_marks_the_file():
    conn = sqlite3.connect(":memory:")
    schema.create_schema(conn)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == set(COLUMNS) | {"meta"}


@pytest.fixture(scope="module")
def db():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    schema.create_schema(conn)
    yield conn
    conn.close()


SQL_TYPE = {str: "VARCHAR", int: "INTEGER", float: "FLOAT", tuple: "VARCHAR",  # tuples: JSON
            bytes: "BLOB"}


def _python_type(annotation: str, row_type: type[Row]) -> tuple[type, bool]:
    hint = typing.get_type_hints(row_type)[annotation]
    args = typing.get_args(hint)
    nullable = isinstance(hint, types.UnionType) and type(None) in args
    base = next(a for a in args if a is not type(None)) if nullable else hint
    return typing.get_origin(base) or base, nullable


def _sql_literal(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, float):
        return repr(value)
    return repr(value)


@pytest.mark.parametrize("row_type", ROW_TYPES, ids=lambda t: t.table)
def test_types_not_null_defaults_and_keys_agree_with_the_rows(db, row_type):
    info = {r[1]: r for r in db.execute(f"PRAGMA table_info({row_type.table})")}
    default_row = dict(zip(COLUMNS[row_type.table], row_to_db(row_type("x")), strict=True))
    for f in fields(row_type):
        _, name, sql_type, notnull, default, pk = info[f.name]
        py_type, nullable = _python_type(f.name, row_type)
        assert sql_type == SQL_TYPE[py_type], f.name
        assert bool(notnull) == (not nullable), f.name
        assert pk == (1 if f.name == "id" else 0), f.name
        if f.name != "id":  # every other column states the row's default
            assert default == _sql_literal(default_row[f.name]), f.name


def _valid(row_type: type[Row]) -> Row:
    values = {f.name: "x" for f in fields(row_type)
              if f.name != "id" and isinstance(f.default, str) and f.default == ""}
    return row_type("x", **values)


CANDIDATES = {
    int: list(range(-3, 13)),
    float: [-1.0, -0.1, 0.0, 0.5, 5.0, 10.0, 10.5, 99.0],
    str: ["x", "bogus", "rational", "emotional", "digital", "human", "physical", "idea",
          "planned", "doing", "done", "dropped", "en", "ja", "#3465a4", "#12345g",
          "2024-02-29", "2023-02-29", "2024-1-01"],
}


@pytest.mark.parametrize("row_type", ROW_TYPES, ids=lambda t: t.table)
def test_check_constraints_accept_exactly_what_validation_accepts(db, row_type):
    """For every field, each candidate value is accepted by the table's CHECK constraints
    exactly when check_row accepts it (columns that validation limits have a CHECK)."""
    base = _valid(row_type)
    check_row(base)
    cols = ", ".join(COLUMNS[row_type.table])
    marks = ", ".join("?" for _ in COLUMNS[row_type.table])
    for f in fields(row_type):
        py_type, nullable = _python_type(f.name, row_type)
        if f.name == "id" or py_type in (tuple, bytes):
            continue
        for value in CANDIDATES[py_type] + ([None] if nullable else []):
            row = base.with_(**{f.name: value})
            try:
                check_row(row)
                valid = True
            except ValidationError:
                valid = False
            try:
                db.execute(f"INSERT INTO {row_type.table} ({cols}) VALUES ({marks})",
                           row_to_db(row))
                stored = True
            except sqlite3.IntegrityError:
                stored = False
            db.execute(f"DELETE FROM {row_type.table}")
            assert stored == valid, (f.name, value)
