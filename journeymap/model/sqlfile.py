"""Reading a .jmap file that may come from anyone (docs/file-format.md, "Opening").

A .jmap is an SQLite database, and a database can carry code: triggers run on writes,
views and virtual tables run when read, and any of them can shadow a table name. So a
file is never used as it is: :func:`read_file`

* opens it read-only and ``immutable`` (no ``-wal``/``-shm`` appear beside the user's
  file); when a ``-wal`` or hot ``-journal`` lies beside it, a private copy of the three
  files in a temporary folder is opened instead, so their committed content counts but
  the user's files are never touched;
* sets ``trusted_schema=OFF``, ``query_only``, no ATTACH, SQLite's defensive flag where
  Python offers it (``Connection.setconfig``, Python 3.12+; on 3.11 the read-only,
  query-only connection is what keeps the file from writing anything), and a progress
  handler that aborts any statement after :data:`TIME_BUDGET` seconds;
* refuses files over :data:`MAX_FILE_BYTES` and projects over :data:`MAX_ROWS` rows;
* checks in ``sqlite_master`` that each known name is a real, ordinary table with its
  known, stored columns (a view, virtual table or generated column in its place refuses
  the file: its data would be computed by the file, not stored in it);
* reads only the known columns with explicit SELECTs from ``main.<table> NOT INDEXED``,
  each text cut in SQL to its limit + 1 (a 50 MB title costs one read, not gigabytes);
* turns each row into a :mod:`~journeymap.model.rows` row and checks it with the same
  checks as the JSON import (:mod:`journeymap.model.consistency`), naming table, row and
  field for each refusal.

Everything else in the file (tables, views, triggers, indexes that are not ours, virtual
tables, extra columns) is listed in :attr:`Contents.foreign`, never executed and never
copied: the working copy is built from the app's own schema and the validated rows.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import stat
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeymap.model.consistency import Problem, reference_problems, row_problems
from journeymap.model.rows import (
    DERIVED_TABLES,
    ROW_TYPE_BY_TABLE,
    ROW_TYPES,
    Metric,
    Row,
    derived_id,
)
from journeymap.model.sqlrows import APPLICATION_ID, COLUMNS, SCHEMA_SQL, SCHEMA_VERSION
from journeymap.model.store import Store
from journeymap.model.validation import MAX_PHOTO_BYTES, MAX_TEXT, shown

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_FILE_BYTES = 512 * 1024 * 1024  # the 2,000-touchpoint project is about 3 MB
MAX_ROWS = 1_000_000
TIME_BUDGET = 20.0  # seconds for all statements of one read (normal files take < 0.1 s)
MAX_PROBLEMS = 200

# Tables and columns of each file version: version 1 had no meta table; version 3 added
# the persona table and journey.variant_of, stage.variant_of (last columns, so older rows
# decode positionally with the new fields at their defaults); version 4 added the
# survey_label table.
_V3_COLUMNS = {t: cols for t, cols in COLUMNS.items() if t != "survey_label"}
_V2_COLUMNS = {t: [c for c in cols if c != "variant_of"]
               for t, cols in _V3_COLUMNS.items() if t != "persona"}
TABLES_OF_VERSION: dict[int, dict[str, list[str]]] = {
    1: dict(_V2_COLUMNS),
    2: {**_V2_COLUMNS, "meta": ["key", "value"]},
    3: {**_V3_COLUMNS, "meta": ["key", "value"]},
    4: {**COLUMNS, "meta": ["key", "value"]},
}
_NUMERIC = {"position", "weight", "vote_weight", "default_influence", "emotion", "severity",
            "frequency", "effort", "headcount"}
_FLOATS = {("dimension", "weight"), ("project", "vote_weight")} | {
    (t.table, "position") for t in ROW_TYPES}


def _our_indexes() -> dict[str, str]:
    text = SCHEMA_SQL.read_text("utf-8")
    return dict(re.findall(r"CREATE INDEX (\w+) ON (\w+)", text))


OUR_INDEXES = _our_indexes()


class DocumentError(Exception):
    """A file cannot be opened or written; the message is for the user, one line."""


@dataclass
class Contents:
    """What a file holds: its version, the rows that passed the checks, the problems of
    those that did not, and the foreign objects (never executed, never kept)."""

    version: int
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    _store: Store | None = None

    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.rows)
        return self._store


# -- connecting --------------------------------------------------------------------------------
def _display(path: Path | str) -> str:
    return str(path)


def check_header(path: Path) -> None:
    """Refuse what is not a plausible journeymap file before SQLite sees it."""
    name = _display(path)
    try:
        # stat first: opening a named pipe or a device would block or read forever.
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise DocumentError(f"{name} is not a regular file: not a journeymap project")
        with open(path, "rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        raise DocumentError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise DocumentError(f"{name} is a folder, not a journeymap project") from None
    except PermissionError:
        raise DocumentError(f"{name} cannot be read: permission denied") from None
    except OSError as e:
        raise DocumentError(f"{name} cannot be read: {e.strerror or e}") from None
    if size == 0:
        raise DocumentError(f"{name} is empty: not a journeymap project")
    if not header.startswith(SQLITE_MAGIC):
        raise DocumentError(f"{name} is not a journeymap project (not an SQLite database)")
    if len(header) < 100:
        raise DocumentError(f"{name} is damaged: the file is truncated")
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"{name} is too large to be a journeymap project ({size:,} bytes; "
                            f"at most {MAX_FILE_BYTES:,})")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", header[28:32])[0]
    change_counter, valid_for = header[24:28], header[92:96]
    if page_size and pages and change_counter == valid_for and size < pages * page_size:
        raise DocumentError(f"{name} is damaged: the file is truncated "
                            f"({size:,} of {pages * page_size:,} bytes)")


def harden(conn: sqlite3.Connection, deadline: float | None) -> None:
    """Settings for a connection to a file the app did not write (see module docstring)."""
    if deadline is not None:
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.setlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 1)
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]
        setconfig(sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA, False)  # type: ignore[attr-defined]
        setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_TRIGGER, False)  # type: ignore[attr-defined]
        setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_VIEW, False)  # type: ignore[attr-defined]


@contextlib.contextmanager
def connect_untrusted(path: Path, deadline: float | None = None
                      ) -> Iterator[sqlite3.Connection]:
    """A hardened, read-only connection to ``path`` that leaves no file beside it."""
    side = [Path(f"{path}{s}") for s in ("-wal", "-journal")]
    tmp: str | None = None
    try:
        if any(p.is_file() and p.stat().st_size > 0 for p in side):
            # Committed data may sit in the -wal, or the -journal must roll a half-written
            # change back: let SQLite do that on a private copy, never on the user's files.
            tmp = tempfile.mkdtemp(prefix="journeymap-open-")
            copy = Path(tmp) / "file.jmap"
            shutil.copyfile(path, copy)
            for p in side:
                if p.is_file():
                    shutil.copyfile(p, Path(f"{copy}{p.name[len(path.name):]}"))
            conn = sqlite3.connect(copy, isolation_level=None)
        else:
            uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except OSError as e:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        raise DocumentError(f"{path} cannot be read: {e.strerror or e}") from None
    try:
        harden(conn, deadline)
        conn.execute("PRAGMA query_only=ON")
        yield conn
    finally:
        conn.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def _sql_error(name: str, e: sqlite3.Error) -> DocumentError:
    text = str(e)
    if "interrupted" in text:
        return DocumentError(f"{name} took too long to read (over {TIME_BUDGET:.0f} s): refused")
    return DocumentError(f"{name} is damaged: {text[:200]}")


def identify(conn: sqlite3.Connection, name: str) -> int:
    """The file's version; DocumentError for foreign, newer or damaged files."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise DocumentError(f"{name} is an SQLite database of another application, "
                            "not a journeymap project")
    if version > SCHEMA_VERSION:
        raise DocumentError(
            f"{name} was written by a newer version of journeymap (file version "
            f"{version}; this version reads up to {SCHEMA_VERSION}). Update journeymap "
            "to open it; the file was not changed")
    if version < 1:
        raise DocumentError(f"{name} is damaged: unknown file version {version}")
    result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if result != "ok":
        raise DocumentError(f"{name} is damaged: {shown(result, 200)}")
    return version


# -- the schema: ours and foreign ------------------------------------------------------------
def survey_schema(conn: sqlite3.Connection, name: str, version: int) -> list[str]:
    """Check the known tables; return a description of every foreign object."""
    known = TABLES_OF_VERSION[version]
    foreign: list[str] = []
    objects = conn.execute(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master ORDER BY rowid").fetchall()
    by_name = {row[1]: row for row in objects}
    for table in known:
        obj = by_name.get(table)
        if obj is None:
            raise DocumentError(f"{name} is damaged: the table {table!r} is missing")
        kind, _, _, sql = obj
        if kind != "table" or re.match(r"\s*CREATE\s+VIRTUAL\b", sql or "", re.I):
            what = "a view" if kind == "view" else "a virtual table" if kind == "table" else kind
            raise DocumentError(f"{name} is refused: {table!r} is {what}, not a table, so "
                                "its rows would be computed by the file instead of stored")
        columns = {r[1]: r[6] for r in conn.execute(f'PRAGMA main.table_xinfo("{table}")')}
        for column in known[table]:
            if column not in columns:
                raise DocumentError(f"{name} is damaged: the table {table!r} has no column "
                                    f"{column!r}")
            if columns[column] != 0:
                raise DocumentError(f"{name} is refused: {table}.{column} is computed, "
                                    "not stored")
        for column in columns:
            if column not in known[table]:
                foreign.append(f"column {shown(column)} of table {table!r}")
    for kind, obj_name, tbl_name, sql in objects:
        if kind == "table" and obj_name in known:
            continue
        if kind == "table" and obj_name in ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4"):
            continue
        if kind == "index" and (
                obj_name.startswith("sqlite_autoindex_") and tbl_name in known and sql is None
                or OUR_INDEXES.get(obj_name) == tbl_name):
            continue
        if kind == "table" and re.match(r"\s*CREATE\s+VIRTUAL\b", sql or "", re.I):
            kind = "virtual table"
        on = f" on {shown(tbl_name)}" if kind in ("trigger", "index") else ""
        foreign.append(f"{kind} {shown(obj_name)}{on}")
    return foreign


# -- rows ----------------------------------------------------------------------------------------
# No value read from a file may be longer than this many bytes (the longest text
# allowed is MAX_TEXT characters of up to 4 UTF-8 bytes): SQLite refuses a longer value
# before handing it over, and the cutting SELECT below then finds which one it was.
MAX_VALUE_BYTES = 4 * MAX_TEXT + 64


def _plain_select(table: str, columns: list[str]) -> str:
    return f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM main."{table}" NOT INDEXED'


def _select(table: str, columns: list[str]) -> str:
    # Text is cut in SQL (a 50 MB title is never handed to Python whole); blobs become
    # empty blobs (the type check refuses them); numbers and NULL pass as they are.
    cut = [f'CASE typeof("{c}") WHEN \'text\' THEN substr("{c}", 1, '
           f'{100 if c in _NUMERIC else MAX_TEXT + 1}) WHEN \'blob\' THEN '
           f'{_PHOTO_CUT if c == "photo" else "x" + chr(39) * 2} '
           f'ELSE "{c}" END' for c in columns]
    return f'SELECT {", ".join(cut)} FROM main."{table}" NOT INDEXED'


# A photo is the one blob: cut to its limit + 1 byte (validation names the real problem).
_PHOTO_CUT = f'substr("photo", 1, {MAX_PHOTO_BYTES + 1})'


def _json_list(value: object) -> Any:
    if not isinstance(value, str):
        return value
    return json.loads(value or "[]")


# Per table: positions of float columns (an integer there is widened) and, for
# touchpoints, of the two JSON columns.
_FLOAT_AT = {t: [i for i, c in enumerate(cols) if (t, c) in _FLOATS] for t, cols in COLUMNS.items()}
_PERSONA_LISTS_AT = [COLUMNS["persona"].index(c) for c in ("goals", "criteria", "worries")]
_SCORES_AT = COLUMNS["touchpoint"].index("scores")
_METRICS_AT = COLUMNS["touchpoint"].index("metrics")


def _decode(table: str, values: tuple[Any, ...]) -> Row:
    """A row from column values; raises ValueError for unusable JSON columns. Types are
    not checked here (check_row does), only widened: an integer position is a float."""
    vals = list(values)
    for i in _FLOAT_AT[table]:
        v = vals[i]
        if type(v) is int and abs(v) <= 10**15:
            vals[i] = float(v)
    if table == "touchpoint":
        scores = _json_list(vals[_SCORES_AT])
        vals[_SCORES_AT] = tuple(scores) if isinstance(scores, list) else scores
        metrics = _json_list(vals[_METRICS_AT])
        if isinstance(metrics, list):
            out = []
            for m in metrics:
                if not isinstance(m, dict) or set(m) - {"name", "value", "unit"}:
                    raise ValueError("metrics: each metric must be {name, value, unit}")
                out.append(Metric(m.get("name"), m.get("value"), m.get("unit", "")))  # type: ignore[arg-type]
            metrics = tuple(out)
        vals[_METRICS_AT] = metrics
    elif table == "persona":
        for i in _PERSONA_LISTS_AT:
            items = _json_list(vals[i])
            vals[i] = tuple(items) if isinstance(items, list) else items
    return ROW_TYPE_BY_TABLE[table](*vals)


def read_rows(conn: sqlite3.Connection, name: str, version: int = SCHEMA_VERSION
              ) -> tuple[list[Row], list[Problem]]:
    """Every row of the known tables of ``version``, checked; rows with problems are
    left out."""
    known = TABLES_OF_VERSION[version]
    types = [t for t in ROW_TYPES if t.table in known]
    total = 0
    for t in types:
        total += conn.execute(f'SELECT count(*) FROM main."{t.table}" NOT INDEXED').fetchone()[0]
        if total > MAX_ROWS:
            raise DocumentError(f"{name} is refused: more than {MAX_ROWS:,} rows")
    rows: list[Row] = []
    problems: list[Problem] = []
    for t in types:
        table = t.table
        try:
            conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
            fetched = conn.execute(_plain_select(table, known[table])).fetchall()
        except sqlite3.DataError:  # "string or blob too big": cut each value in SQL
            conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1_000_000_000)
            fetched = conn.execute(_select(table, known[table])).fetchall()
        for n, values in enumerate(fetched, 1):
            rid = values[0] if isinstance(values[0], str) else f"(row {n})"
            try:
                row = _decode(table, values)
            except (ValueError, TypeError, RecursionError) as e:
                fld = ("metrics" if "metrics" in str(e) else "scores" if table == "touchpoint"
                       else "goals, criteria or worries")
                problems.append(Problem(table, rid, fld, "invalid",
                                        {"message": f"is not valid ({str(e)[:80]})"}))
                continue
            rows.append(row)
    good, bad = row_problems(rows)
    for p in bad:
        if p.code == "too_long" and p.params.get("length") == MAX_TEXT + 1:
            p.params["length"] = _true_length(conn, p)
    problems.extend(bad)
    return good, problems


def _true_length(conn: sqlite3.Connection, p: Problem) -> int:
    with contextlib.suppress(sqlite3.Error, TypeError):
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1_000_000_000)
        row = conn.execute(f'SELECT max(length("{p.field}")) FROM main."{p.table}" '
                           "NOT INDEXED WHERE id = ?", (p.id,)).fetchone()
        if row and isinstance(row[0], int):
            return row[0]
    return MAX_TEXT + 1


def key_rows(rows: list[Row]) -> tuple[list[Row], list[Problem]]:
    """Give lanes, influences and action links the ids derived from their parts, and
    refuse ids used twice in a table (a file need not have a primary key)."""
    out: list[Row] = []
    problems: list[Problem] = []
    seen_ids: dict[str, set[str]] = {t.table: set() for t in ROW_TYPES}
    for row in rows:
        if row.table in DERIVED_TABLES:
            key = derived_id(row)
            if key is not None and key != row.id:
                row = row.with_(id=key)
        ids = seen_ids[row.table]
        if row.id in ids:
            problems.append(Problem(row.table, row.id, "id", "duplicate",
                                    {"value": shown(row.id), "other": "earlier in the table"}))
            continue
        ids.add(row.id)
        out.append(row)
    return out, problems


# Upgrades run in memory on validated rows, never as SQL in the file: UPGRADES[v] turns the
# rows of a version-v file into those of version v + 1.
UPGRADES: dict[int, Callable[[list[Row]], list[Row]]] = {
    1: lambda rows: rows,  # version 2 added the meta table; rows are unchanged
    # Version 3 added personas and the to-be links; old rows already carry their
    # defaults (no persona, variant_of None), so the step has nothing to change.
    2: lambda rows: rows,
    # Version 4 added the survey_label table (remembered survey pairings): none yet.
    3: lambda rows: rows,
}


def read_contents(conn: sqlite3.Connection, name: str) -> Contents:
    """Identify, survey and read an open connection (the caller hardened it)."""
    try:
        version = identify(conn, name)
        foreign = survey_schema(conn, name, version)
        rows, problems = read_rows(conn, name, version)
    except sqlite3.Error as e:
        raise _sql_error(name, e) from None
    rows, dup = key_rows(rows)
    problems.extend(dup)
    for v in range(version, SCHEMA_VERSION):
        rows = UPGRADES[v](rows)
    contents = Contents(version, rows, problems, foreign)
    if not problems:
        problems.extend(reference_problems(contents.store()))
    del problems[MAX_PROBLEMS:]
    return contents


def read_file(path: Path | str) -> Contents:
    """Read and check ``path`` without trusting it (see the module docstring).

    Raises :class:`DocumentError` when the file as a whole is refused; row problems are
    returned in :attr:`Contents.problems` (the caller refuses or reports them)."""
    path = Path(path)
    name = _display(path)
    check_header(path)
    deadline = time.monotonic() + TIME_BUDGET
    try:
        with connect_untrusted(path, deadline) as conn:
            return read_contents(conn, name)
    except sqlite3.Error as e:
        raise _sql_error(name, e) from None


def refusal(name: str, contents: Contents) -> DocumentError:
    """The one message for a file whose rows did not pass the checks."""
    first = contents.problems[0]
    more = len(contents.problems) - 1
    tail = (f" (and {more}{'+' if len(contents.problems) >= MAX_PROBLEMS else ''} more "
            "problems; `journeymap validate` lists them)") if more else ""
    return DocumentError(f"{name} is damaged: {first}{tail}. The file was not changed")
