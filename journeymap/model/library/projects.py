"""Library operations on whole projects: init, list, publish, fetch, delete, read.

Each operation is one transaction: it happens entirely or not at all.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from journeymap.model.library.errors import LibraryError
from journeymap.model.library.tables import (
    SCHEMA,
    check_library,
    connection,
    make_engine,
    row_tables,
    shown_url,
    tables,
    upgrade,
)
from journeymap.model.rows import Row
from journeymap.model.sqlrows import COLUMNS, row_from_db, row_to_db
from journeymap.model.store import PROJECT_ID, Store

ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"


@dataclass(frozen=True)
class ProjectEntry:
    """One line of the library's list."""

    id: str
    title: str
    client: str
    language: str
    updated_at: datetime
    updated_by: str
    created_by: str

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "client": self.client,
                "language": self.language, "updated_at": self.updated_at.isoformat(),
                "updated_by": self.updated_by, "created_by": self.created_by}


class Library:
    """A connection to one library database (``postgresql://…`` URL)."""

    def __init__(self, url: str, *, password: str | None = None, check: bool = True) -> None:
        self.url = url
        self.password = password
        self.engine = make_engine(url, password)
        if check:
            with connection(self.engine) as conn:
                check_library(conn, url)

    @property
    def shown_url(self) -> str:
        return shown_url(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- admin ----------------------------------------------------------------------------------
    @classmethod
    def init(cls, url: str, *, password: str | None = None) -> tuple[int, int]:
        """Create or upgrade the library and its roles; returns (version before, after)."""
        lib = cls(url, password=password, check=False)
        try:
            with connection(lib.engine) as conn:
                return upgrade(conn, url)
        finally:
            lib.close()

    # -- reading --------------------------------------------------------------------------------
    def user(self) -> str:
        from sqlalchemy import text

        with connection(self.engine) as conn:
            return str(conn.execute(text("SELECT current_user")).scalar())

    def can_write(self) -> bool:
        from sqlalchemy import text

        with connection(self.engine) as conn:
            return bool(conn.execute(text(
                "SELECT has_table_privilege(:t, 'INSERT')"), {"t": f"{SCHEMA}.touchpoint"}
            ).scalar())

    def projects(self) -> list[ProjectEntry]:
        """Every project, most recently changed first."""
        from sqlalchemy import text

        with connection(self.engine) as conn:
            rows = conn.execute(text(
                f"SELECT p.id, coalesce(i.title, ''), coalesce(i.client, ''), "
                f"coalesce(i.language, ''), p.updated_at, p.updated_by, p.created_by "
                f"FROM {SCHEMA}.projects p LEFT JOIN {SCHEMA}.project i "
                f"ON i.project_id = p.id AND i.id = :pid "
                f"ORDER BY p.updated_at DESC, p.id"), {"pid": PROJECT_ID}).all()
        return [ProjectEntry(*r) for r in rows]

    def exists(self, project: str) -> bool:
        from sqlalchemy import text

        with connection(self.engine) as conn:
            return conn.execute(text(f"SELECT 1 FROM {SCHEMA}.projects WHERE id = :p"),
                                {"p": project}).first() is not None

    def read(self, project: str) -> tuple[Store, dict[tuple[str, str], int], int]:
        """A project's rows as a store, each row's version, and the project's version."""
        with connection(self.engine) as conn:
            return read_project(conn, project, self.shown_url)

    def load_store(self, project: str) -> Store:
        return self.read(project)[0]

    # -- writing --------------------------------------------------------------------------------
    def publish(self, store: Store, project: str | None = None) -> str:
        """Copy a whole project into the library as a new project; returns its id."""
        project = project or new_project_id()
        with connection(self.engine) as conn:
            from sqlalchemy import text

            if conn.execute(text(f"SELECT 1 FROM {SCHEMA}.projects WHERE id = :p"),
                            {"p": project}).first() is not None:
                raise LibraryError(f"the library already has a project {project}")
            conn.execute(tables()["projects"].insert().values(id=project))
            write_rows(conn, project, store.all_rows())
        return project

    def fetch(self, project: str, path: Path | str) -> Store:
        """Write a library project to a .jmap file (atomically); returns its rows."""
        from journeymap.model.document import write_store_file

        store = self.load_store(project)
        write_store_file(store, path)
        return store

    def delete(self, project: str) -> None:
        from sqlalchemy import text

        with connection(self.engine) as conn:
            gone = conn.execute(text(f"DELETE FROM {SCHEMA}.projects WHERE id = :p"),
                                {"p": project}).rowcount
            if not gone:
                raise LibraryError(f"the library has no project {project}")
            conn.execute(text("SELECT pg_notify(:c, :m)"), {
                "c": "journeymap_library", "m": f'{{"p": "{project}", "deleted": true}}'})


def new_project_id() -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(10))


def db_values(project: str, row: Row) -> dict[str, Any]:
    values = dict(zip(COLUMNS[row.table], row_to_db(row), strict=True))
    values["project_id"] = project
    return values


def write_rows(conn: Any, project: str, rows: Any) -> None:
    by_table: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_table.setdefault(row.table, []).append(db_values(project, row))
    lib = row_tables()
    for table, values in by_table.items():
        conn.execute(lib[table].insert(), values)


def read_project(conn: Any, project: str, where: str
                 ) -> tuple[Store, dict[tuple[str, str], int], int]:
    from sqlalchemy import select

    projects = tables()["projects"]
    version = conn.execute(select(projects.c.version).where(projects.c.id == project)).scalar()
    if version is None:
        raise LibraryError(f"the library at {where} has no project {project}")
    rows: list[Row] = []
    versions: dict[tuple[str, str], int] = {}
    for name, table in row_tables().items():
        cols = [table.c[c] for c in COLUMNS[name]]
        for r in conn.execute(select(*cols, table.c.row_version).where(
                table.c.project_id == project)):
            row = checked_row(project, name, tuple(r[:-1]))
            rows.append(row)
            versions[(name, row.id)] = r[-1]
    return Store(rows), versions, int(version)


def checked_row(project: str, table: str, values: tuple[Any, ...]) -> Row:
    """A row read from the library, checked as rows read from a file are (anyone with
    write rights could have put anything there)."""
    from journeymap.model.validation import check_row

    try:
        row = row_from_db(table, values)
        check_row(row)
    except (ValueError, TypeError, KeyError) as e:  # ValidationError is a ValueError
        raise LibraryError(f"project {project} in the library has an invalid {table} row "
                           f"{values[0]!r}: {str(e)[:200]}") from None
    return row


def resolve(ref: str, password: str | None = None) -> tuple[Library, str]:
    """Open the library of ``URL#PROJECT_ID`` and check the project exists."""
    from journeymap.model.library import split_ref

    url, project = split_ref(ref)
    if not project:
        raise LibraryError(f"{shown_url(url)}: name a library project as URL#PROJECT_ID "
                           "(journeymap library list URL shows the ids)")
    lib = Library(url, password=password)
    return lib, project


def load_ref(ref: str) -> Store:
    """The project a ``URL#PROJECT_ID`` reference names (CLI: info, rank, export)."""
    lib, project = resolve(ref)
    try:
        return lib.load_store(project)
    finally:
        lib.close()
