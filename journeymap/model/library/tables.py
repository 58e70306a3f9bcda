"""The library's tables, its schema version and ordered upgrade steps, and connecting.

Every table of the .jmap file (the SQLModel tables of :mod:`journeymap.model.schema`,
iterated generically, so a table or column added there flows through) exists in the
PostgreSQL schema ``journeymap`` with three more columns: ``project_id`` (part of the
primary key), ``row_version`` (bumped by every change; an edit names the version it
read, optimistic concurrency) and ``changed_by``/``changed_at`` (who changed the row and
when, for the conflict message). ``projects`` lists the projects; ``library_meta``
identifies the database and holds its schema version.

Upgrades are ordered steps (:data:`STEPS`), like the file format's; after them a
generic step adds any file table or column the library lacks. Only ``library init``
(an administrator) upgrades; a client refuses an older or newer library with a message.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from journeymap.model.library.errors import LibraryError, LibraryOffline
from journeymap.model.sqlrows import COLUMNS
from journeymap.model.sqlrows import SCHEMA_VERSION as FILE_SCHEMA_VERSION

SCHEMA = "journeymap"
APPLICATION = "journeymap"
LIBRARY_VERSION = 2
EDITOR_ROLE = "journeymap_editor"
VIEWER_ROLE = "journeymap_viewer"
NOTIFY_CHANNEL = "journeymap_library"
EXTRA_COLUMNS = ("project_id", "row_version", "changed_by", "changed_at")
CONNECT_TIMEOUT = 5  # seconds


# -- connecting ----------------------------------------------------------------------------------
def shown_url(url: str) -> str:
    """The URL without a password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def connection_error(url: str, e: BaseException) -> LibraryError:
    """One clear message for a failed connection (wrong URL, server down, login refused)."""
    import psycopg

    text = str(e).strip()
    first = next((line for line in text.splitlines() if line.strip()), text)
    first = re.sub(r"^connection failed: ", "", first)
    first = re.sub(r'^connection to server at "[^"]*" \([^)]*\), port \d+ failed: ', "", first)
    first = re.sub(r'^connection to server on socket "[^"]*" failed: ', "", first)
    where = shown_url(url)
    low = text.lower()
    if isinstance(e, psycopg.ProgrammingError) or "invalid" in low and "uri" in low \
            or "missing \"=\"" in low or "invalid connection option" in low:
        return LibraryError(f"{where} is not a valid PostgreSQL URL ({first}); expected "
                            "postgresql://USER@HOST[:PORT]/DATABASE")
    if "password authentication failed" in low or "no password supplied" in low \
            or "authentication failed" in low or "pg_hba.conf" in low:
        return LibraryError(f"the library server refused the login ({first}); check the "
                            "user name and the password in ~/.pgpass")
    if "does not exist" in low and "database" in low:
        return LibraryError(f"the library database does not exist ({first}); an "
                            "administrator creates it (docs/library.md)")
    return LibraryOffline(f"cannot reach the library at {where}: {first}")


def libpq_url(url: str) -> str:
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return url


def connect_raw(url: str, *, autocommit: bool = False, password: str | None = None) -> Any:
    """A psycopg connection (libpq parses the URL; the password comes from the URL, the
    PostgreSQL password file or ``password``)."""
    import psycopg

    kw: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT,
                          "application_name": "journeymap", "autocommit": autocommit}
    if password is not None:
        kw["password"] = password
    try:
        return psycopg.connect(libpq_url(url), **kw)
    except psycopg.Error as e:
        raise connection_error(url, e) from None


def make_engine(url: str, password: str | None = None) -> Any:
    """An SQLAlchemy engine over psycopg 3 for ``url`` (checked connections, so a
    restarted server is reconnected to on the next use). Connects once to report a bad
    URL, a refused login or an unreachable server as :class:`LibraryError`."""
    from journeymap.model.library import missing_support

    missing = missing_support()
    if missing:
        raise LibraryError(missing)
    from sqlalchemy import create_engine

    if not url.startswith(("postgresql://", "postgres://")):
        raise LibraryError(f"{shown_url(url)} is not a PostgreSQL URL; expected "
                           "postgresql://USER@HOST[:PORT]/DATABASE")
    engine = create_engine("postgresql+psycopg://", pool_pre_ping=True, pool_size=2,
                           creator=lambda: connect_raw(url, password=password))
    engine.library_url = url  # type: ignore[attr-defined]
    with connection(engine):
        pass
    return engine


@contextlib.contextmanager
def connection(engine: Any) -> Iterator[Any]:
    """A connection in one transaction (committed at the end, rolled back on error);
    a broken connection or unreachable server becomes :class:`LibraryOffline`."""
    from sqlalchemy import exc

    try:
        with engine.begin() as conn:
            yield conn
    except exc.DBAPIError as e:
        if e.connection_invalidated or isinstance(e, exc.OperationalError):
            orig = e.orig if e.orig is not None else e
            if isinstance(orig, LibraryError):
                raise orig from None
            raise LibraryOffline("the connection to the library was lost; nothing was "
                                 f"changed ({str(orig).strip().splitlines()[0][:200]})"
                                 ) from None
        first = str(e.orig).strip().splitlines()[0][:300]
        if "permission denied" in first:
            raise LibraryError(f"the library refused the operation ({first}): reading needs "
                               f"the {VIEWER_ROLE} role, changing needs {EDITOR_ROLE}; "
                               "an administrator grants them") from None
        raise LibraryError(f"the library refused the operation: {first}") from None
    except LibraryError:
        raise
    except exc.SQLAlchemyError as e:
        raise LibraryError(f"the library operation failed: {str(e)[:300]}") from None


# -- tables ---------------------------------------------------------------------------------------
@cache
def tables() -> dict[str, Any]:
    """The library's SQLAlchemy tables: ``library_meta``, ``projects`` and one per row
    table of the file schema (same columns, plus :data:`EXTRA_COLUMNS`)."""
    from sqlalchemy import (
        BigInteger,
        Column,
        DateTime,
        DefaultClause,
        ForeignKey,
        MetaData,
        PrimaryKeyConstraint,
        Table,
        Text,
        func,
    )
    from sqlmodel import SQLModel

    import journeymap.model.schema  # noqa: F401  (defines the file tables)

    meta = MetaData(schema=SCHEMA)
    out: dict[str, Any] = {}
    out["library_meta"] = Table("library_meta", meta, Column("key", Text, primary_key=True),
                                Column("value", Text, nullable=False))
    out["projects"] = Table(
        "projects", meta,
        Column("id", Text, primary_key=True),
        Column("version", BigInteger, nullable=False, server_default="1"),
        Column("created_by", Text, nullable=False, server_default=func.current_user()),
        Column("created_at", DateTime(timezone=True), nullable=False,
               server_default=func.now()),
        Column("updated_by", Text, nullable=False, server_default=func.current_user()),
        Column("updated_at", DateTime(timezone=True), nullable=False,
               server_default=func.now()))
    for source in SQLModel.metadata.sorted_tables:
        if source.name not in COLUMNS:  # file-level facts (meta), not project rows
            continue
        columns = []
        for c in source.columns:
            default = c.server_default
            columns.append(Column(
                c.name, c.type, nullable=c.nullable,
                server_default=DefaultClause(default.arg) if default is not None else None))
        keys = [c.name for c in source.primary_key.columns]
        out[source.name] = Table(
            source.name, meta,
            Column("project_id", Text, ForeignKey(f"{SCHEMA}.projects.id",
                                                  ondelete="CASCADE"), nullable=False),
            *columns,
            Column("row_version", BigInteger, nullable=False, server_default="1"),
            Column("changed_by", Text, nullable=False, server_default=func.current_user()),
            Column("changed_at", DateTime(timezone=True), nullable=False,
                   server_default=func.now()),
            PrimaryKeyConstraint("project_id", *keys, name=f"{source.name}_pkey"))
    return out


def row_tables() -> dict[str, Any]:
    """The tables holding project rows, by file table name."""
    return {k: t for k, t in tables().items() if k in COLUMNS}


# -- identity and version ------------------------------------------------------------------------
def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_meta(conn: Any) -> dict[str, str] | None:
    """The library's identity facts, or None when the database holds no library."""
    from sqlalchemy import text

    found = conn.execute(text(
        "SELECT to_regclass(:t) IS NOT NULL"), {"t": f"{SCHEMA}.library_meta"}).scalar()
    if not found:
        return None
    rows = conn.execute(text(f"SELECT key, value FROM {SCHEMA}.library_meta")).all()
    return {k: v for k, v in rows}


def check_library(conn: Any, url: str) -> dict[str, str]:
    """Refuse a database that is no journeymap library, or one of another schema version.

    Returns the identity facts."""
    meta = read_meta(conn)
    where = shown_url(url)
    if meta is None or meta.get("application") != APPLICATION:
        raise LibraryError(f"{where} is not a journeymap library (another application's "
                           "database, or an empty one); an administrator creates a library "
                           "with: journeymap library init URL")
    version = int(meta.get("library_version", "0"))
    file_version = int(meta.get("file_schema_version", "0"))
    if version > LIBRARY_VERSION or file_version > FILE_SCHEMA_VERSION:
        raise LibraryError(f"the library at {where} was made by a newer journeymap (library "
                           f"schema {version}.{file_version}, this app knows "
                           f"{LIBRARY_VERSION}.{FILE_SCHEMA_VERSION}); update journeymap")
    if version < LIBRARY_VERSION or file_version < FILE_SCHEMA_VERSION:
        raise LibraryError(f"the library at {where} has an older schema ({version}."
                           f"{file_version}); an administrator upgrades it with: "
                           "journeymap library init URL")
    return meta


# -- upgrade steps --------------------------------------------------------------------------------
def _step_1(conn: Any) -> None:
    """Version 1: the schema, the identity table, projects and the row tables (then
    without who-changed-it columns)."""
    from sqlalchemy import text
    from sqlalchemy.schema import CreateTable

    conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
    for name, table in tables().items():
        create = CreateTable(table)
        sql = str(create.compile(dialect=conn.dialect))
        if name != "library_meta":
            # Version 1 had no attribution columns (added by step 2).
            sql = "\n".join(line for line in sql.splitlines()
                            if not re.match(r"\s*(changed_by|changed_at|updated_by)\b", line))
        conn.execute(text(sql))


def _step_2(conn: Any) -> None:
    """Version 2: who changed each row and the project, and when (conflict messages)."""
    from sqlalchemy import text

    for name in row_tables():
        conn.execute(text(
            f"ALTER TABLE {SCHEMA}.{_quoted(name)} "
            "ADD COLUMN IF NOT EXISTS changed_by text NOT NULL DEFAULT CURRENT_USER, "
            "ADD COLUMN IF NOT EXISTS changed_at timestamptz NOT NULL DEFAULT now()"))
    conn.execute(text(f"ALTER TABLE {SCHEMA}.projects ADD COLUMN IF NOT EXISTS updated_by "
                      "text NOT NULL DEFAULT CURRENT_USER"))


STEPS: dict[int, Callable[[Any], None]] = {1: _step_1, 2: _step_2}


def _sync_file_schema(conn: Any) -> list[str]:
    """Add the file schema's tables and columns the library lacks (a later file schema
    version); returns what was added."""
    from sqlalchemy import inspect, text
    from sqlalchemy.schema import CreateTable

    inspector = inspect(conn)
    present = set(inspector.get_table_names(schema=SCHEMA))
    added = []
    for name, table in row_tables().items():
        if name not in present:
            conn.execute(CreateTable(table))
            added.append(name)
            continue
        have = {c["name"] for c in inspector.get_columns(name, schema=SCHEMA)}
        for column in table.columns:
            if column.name in have:
                continue
            kind = column.type.compile(dialect=conn.dialect)
            default = ""
            if column.server_default is not None:
                arg = column.server_default.arg
                default = " DEFAULT " + (arg.text if hasattr(arg, "text") else str(arg))
            null = "" if column.nullable or not default else " NOT NULL"
            conn.execute(text(f"ALTER TABLE {SCHEMA}.{_quoted(name)} ADD COLUMN "
                              f"{_quoted(column.name)} {kind}{default}{null}"))
            added.append(f"{name}.{column.name}")
    return added


def _ensure_roles(conn: Any) -> None:
    """The editor and viewer group roles (NOLOGIN) and their rights on the library."""
    from sqlalchemy import text

    for role in (EDITOR_ROLE, VIEWER_ROLE):
        conn.execute(text(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"'{role}') THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {role}"))
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {role}"))
    conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SCHEMA} "
                      f"TO {EDITOR_ROLE}"))
    conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON {SCHEMA}.library_meta "
                      f"FROM {EDITOR_ROLE}"))


def _foreign_tables(conn: Any) -> list[str]:
    from sqlalchemy import text

    return list(conn.execute(text(
        "SELECT table_schema || '.' || table_name FROM information_schema.tables "
        "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
        "ORDER BY 1 LIMIT 5")).scalars())


def upgrade(conn: Any, url: str, *, target: int = LIBRARY_VERSION) -> tuple[int, int]:
    """Create or upgrade the library in the database of ``conn`` (one transaction, the
    caller's) up to ``target``; returns (version before, version after), 0 = none."""
    from sqlalchemy import text

    # One initialiser at a time (two admins running init at once).
    conn.execute(text("SELECT pg_advisory_xact_lock(4242016)"))
    meta = read_meta(conn)
    if meta is None:
        foreign = _foreign_tables(conn)
        if foreign:
            raise LibraryError(
                f"{shown_url(url)} holds another application's tables ({', '.join(foreign)}"
                "); nothing was written. Create a database for the library "
                "(createdb journeymap) and run init on it")
        before = 0
    elif meta.get("application") != APPLICATION:
        raise LibraryError(f"{shown_url(url)} is not a journeymap library; nothing was written")
    else:
        before = int(meta.get("library_version", "0"))
    file_version = int((meta or {}).get("file_schema_version", "0"))
    if before > LIBRARY_VERSION or file_version > FILE_SCHEMA_VERSION:
        raise LibraryError(f"the library at {shown_url(url)} was made by a newer journeymap "
                           f"(library schema {before}.{file_version}); nothing was written; "
                           "update journeymap")
    for version in range(before + 1, target + 1):
        STEPS[version](conn)
    lm = tables()["library_meta"]
    facts = {"application": APPLICATION, "library_version": str(max(before, target))}
    if target == LIBRARY_VERSION:
        _sync_file_schema(conn)
        facts["file_schema_version"] = str(FILE_SCHEMA_VERSION)
    else:
        facts["file_schema_version"] = str(file_version or 1)
    from sqlalchemy.dialects.postgresql import insert

    for key, value in facts.items():
        stmt = insert(lm).values(key=key, value=value)
        conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))
    _ensure_roles(conn)
    return before, max(before, target)
