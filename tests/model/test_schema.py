from __future__ import annotations

import sqlite3

from journeymap.model import schema
from journeymap.model.sqlrows import COLUMNS, SCHEMA_SQL


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
