"""Hostile .jmap files and the harness that runs them through every entry point.

Every generated file carries the right ``application_id`` and ``user_version``, so it
gets past identification and reaches the code that reads rows. Two families:

* **hostile schema** (``schema_cases``): triggers on every table the app writes, views
  shadowing tables, recursive views, virtual tables, hidden tables with blobs, extra
  columns and indexes, upgrade-path collisions, WAL and hot-journal files beside the file.
  Foreign objects mark their own execution: triggers insert into ``jm_marker``; views and
  virtual tables put the word ``JMHOSTILE`` into what they return. The project data of
  such a file is that of its *clean twin*; a reader may refuse the file (one message) or
  read the twin's data, nothing else.
* **invalid rows** (``row_cases``): every column of every table made out of range, of
  the wrong type, NULL, dangling, huge; every table with a duplicate id. Such files must
  be refused with one message, as the JSON import refuses the same values.

:func:`run_case` sends one file through ``journeymap info``, ``validate``, ``rank``,
every export format (subprocesses with a timeout) and the window's open → edit → save
(:mod:`hostile_window`, a subprocess on the offscreen platform) and returns what went
wrong, as counts (see :class:`Figures`).

Used by ``tests/reliability/test_reliability_hostile.py`` (one file of each kind) and
``scripts/reliability/hostile.py`` (all of them).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]
MARK = "JMHOSTILE"
EXPORTS = ("json", "mermaid", "csv", "xlsx", "md", "pdf", "report", "png", "svg")
# Memory cap for every child (a runaway view must not take the machine down).
CHILD_MEMORY = 3 * 1024**3


# -- the clean project ---------------------------------------------------------------------
def clean_json() -> dict:
    """A small project with a row in every table (weights, phases, handoffs, links, votes)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.synthetic import make_project_json

    data = make_project_json(roles=3, stages=4, touchpoints=12, pains_per_tp=1, actions=3,
                             votes=4, seed=3)
    data["project"]["settings"]["dimension_weights"] = {"price": 2.0}
    data["actions"][0]["due"] = "2026-12-01"
    data["journeys"][0]["touchpoints"][0]["metrics"] = [{"name": "NPS", "value": 12.5,
                                                         "unit": "pt"}]
    # Version-2 tables too, so every table of the file has a row to spoil.
    data["version"] = 2
    data["roles"][0]["persona"] = {"profile": "Buys for three plants", "goals": ["On time"],
                                   "criteria": ["Price"], "worries": ["Audits"],
                                   "quote": "Just tell me when", "headcount": 3}
    tp = data["journeys"][0]["touchpoints"][0]["id"]
    data["journeys"][0]["survey_labels"] = [{"label": "quote request", "touchpoint": tp}]
    return data


def write_clean(path: Path, data: dict | None = None) -> Path:
    from journeymap.model.document import write_store_file
    from journeymap.model.jsonio import parse_project

    write_store_file(parse_project(data or clean_json()), path)
    return path


def app_objects() -> dict[str, set[str]]:
    """Names of the app's own schema objects and the columns of each table."""
    conn = sqlite3.connect(":memory:")
    from journeymap.model.sqlrows import create_schema

    create_schema(conn)
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    cols = {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")}
            for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    return {"names": names, **{f"cols:{t}": c for t, c in cols.items()}}


def foreign_objects(path: Path) -> list[str]:
    """Objects and columns in ``path`` that the app's schema does not have (read without
    running any of them: sqlite_master and table_info only)."""
    app = app_objects()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        out = []
        for kind, name in conn.execute("SELECT type, name FROM sqlite_master"):
            if name not in app["names"] and not name.startswith("sqlite_autoindex_"):
                out.append(f"{kind} {name}")
        for table in (n for n in app["names"] if f"cols:{n}" in app):
            try:
                have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            except sqlite3.Error:
                continue
            out += [f"column {table}.{c}" for c in sorted(have - app[f"cols:{table}"])]
        return out
    finally:
        conn.close()


def marker_rows(path: Path) -> int:
    """Rows the file's own triggers wrote (0 when there is no marker table)."""
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            return conn.execute("SELECT count(*) FROM jm_marker").fetchone()[0]
        except sqlite3.Error:
            return 0
    finally:
        conn.close()


def contains_mark(path: Path) -> bool:
    """Whether the word the foreign objects plant appears anywhere in the file's bytes
    (the data, not the schema text: the schema is checked by :func:`foreign_objects`)."""
    if not path.exists():
        return False
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        tables = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        for t in tables:
            try:
                for row in conn.execute(f'SELECT * FROM "{t}"'):
                    if any(isinstance(v, str) and MARK in v for v in row):
                        return True
            except sqlite3.Error:
                continue
        return False
    finally:
        conn.close()


# -- cases -----------------------------------------------------------------------------------
@dataclass
class Case:
    name: str
    kind: str                      # "schema" or "row"
    make: Callable[[Path], None]   # writes the hostile file (and side files) at the path
    twin: Callable[[Path], None] | None = None  # writes its clean twin (schema cases)
    foreign: tuple[str, ...] = ()  # names validate must report
    v1: bool = False


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for s in statements:
            conn.execute(s)
    finally:
        conn.close()


APP_TABLES = ("action", "action_link", "dimension", "handoff", "influence", "journey", "lane",
              "meta", "pain_point", "phase", "project", "role", "stage", "touchpoint", "vote")
MARKER_TABLE = "CREATE TABLE IF NOT EXISTS jm_marker(what TEXT)"


def _from_clean(*statements: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        write_clean(path)
        _sql(path, *statements)
    return make


def _trigger_case(table: str) -> Case:
    stmts = [MARKER_TABLE]
    for ev in ("INSERT", "UPDATE", "DELETE"):
        stmts.append(f"CREATE TRIGGER jm_{table}_{ev.lower()} AFTER {ev} ON {table} "
                     f"BEGIN INSERT INTO jm_marker VALUES ('{table} {ev}'); END")
    return Case(f"trigger-{table}", "schema", _from_clean(*stmts), write_clean,
                ("jm_marker", f"jm_{table}_insert", f"jm_{table}_update", f"jm_{table}_delete"))


def _text_column(table: str) -> str:
    return {"touchpoint": "title", "pain_point": "title", "vote": "participant",
            "project": "title", "role": "name", "journey": "name", "stage": "name"}[table]


def _shadow_view(table: str) -> Callable[[Path], None]:
    """Rename ``table`` away and put a view of the same name in its place that returns the
    same rows with the mark in one text column."""
    def make(path: Path) -> None:
        write_clean(path)
        conn = sqlite3.connect(path)
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        conn.close()
        text = _text_column(table)
        select = ", ".join(f"'{MARK} ' || {c} AS {c}" if c == text else c for c in cols)
        _sql(path, f"ALTER TABLE {table} RENAME TO jm_hidden_{table}",
             f"CREATE VIEW {table} AS SELECT {select} FROM jm_hidden_{table}")
    return make


def _recursive_view_shadowing_vote(path: Path) -> None:
    write_clean(path)
    _sql(path, "DROP TABLE vote",
         "CREATE VIEW vote AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
         f"SELECT 'v' || x AS id, '{MARK}' AS participant, 'a0' AS target, "
         "CAST(x AS REAL) AS position FROM c")


def _twin_without_votes(path: Path) -> None:
    data = clean_json()
    data["votes"] = []
    write_clean(path, data)


def _fts_shadow(path: Path) -> None:
    write_clean(path)
    conn = sqlite3.connect(path)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(touchpoint)")]
    conn.close()
    select = ", ".join(f"'{MARK} ' || {c}" if c == "title" else c for c in cols)
    _sql(path, "ALTER TABLE touchpoint RENAME TO jm_hidden_touchpoint",
         f"CREATE VIRTUAL TABLE touchpoint USING fts5({', '.join(cols)})",
         f"INSERT INTO touchpoint SELECT {select} FROM jm_hidden_touchpoint")


def _v1_clean(path: Path) -> None:
    shutil.copyfile(ROOT / "tests" / "data" / "v1-sample.jmap", path)


def _v1_with(*statements: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        _v1_clean(path)
        _sql(path, *statements)
    return make


def _child_then_die(path: Path, code: str) -> None:
    """Run ``code`` (with ``conn`` open on ``path``) in a child that dies without closing:
    a WAL or a hot journal stays beside the file."""
    prog = ("import os, sqlite3, sys\n"
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            f"{code}\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", prog, str(path)], check=True, timeout=60)


def _wal_data(path: Path) -> None:
    write_clean(path)
    _child_then_die(path, "conn.execute('PRAGMA journal_mode=WAL')\n"
                          "conn.execute('PRAGMA wal_autocheckpoint=0')\n"
                          "conn.execute(\"UPDATE project SET title = 'Title from the WAL'\")")
    assert Path(f"{path}-wal").exists()


def _wal_twin(path: Path) -> None:
    data = clean_json()
    data["project"]["title"] = "Title from the WAL"
    write_clean(path, data)


def _wal_trigger(path: Path) -> None:
    write_clean(path)
    _child_then_die(path, "conn.execute('PRAGMA journal_mode=WAL')\n"
                          "conn.execute('PRAGMA wal_autocheckpoint=0')\n"
                          f"conn.execute('{MARKER_TABLE}')\n"
                          "conn.execute(\"CREATE TRIGGER jm_wal AFTER INSERT ON touchpoint "
                          "BEGIN INSERT INTO jm_marker VALUES ('wal'); END\")")
    assert Path(f"{path}-wal").exists()


def _hot_journal(path: Path) -> None:
    write_clean(path)
    # A tiny page cache makes SQLite spill changed pages into the file before COMMIT:
    # the file holds half a transaction and the journal the pages to roll it back.
    _child_then_die(path, "conn.execute('PRAGMA journal_mode=DELETE')\n"
                          "conn.execute('PRAGMA cache_size=1')\n"
                          "conn.execute('BEGIN')\n"
                          f"conn.execute(\"UPDATE touchpoint SET title = '{MARK} ' || title, "
                          "description = hex(randomblob(3000))\")\n"
                          f"conn.execute(\"UPDATE pain_point SET title = '{MARK} ' || title\")")
    assert Path(f"{path}-journal").exists()


def schema_cases() -> list[Case]:
    cases = [_trigger_case(t) for t in APP_TABLES]
    m = MARKER_TABLE
    cases += [
        Case("trigger-exfiltrate", "schema", _from_clean(
            m, "CREATE TABLE jm_stash AS SELECT * FROM touchpoint WHERE 0",
            "CREATE TRIGGER jm_copy AFTER INSERT ON touchpoint BEGIN "
            "INSERT INTO jm_stash SELECT * FROM touchpoint WHERE id = NEW.id; "
            "INSERT INTO jm_marker VALUES ('copied'); END"), write_clean,
            ("jm_stash", "jm_copy")),
        Case("trigger-wipe", "schema", _from_clean(
            m, "CREATE TRIGGER jm_wipe AFTER INSERT ON touchpoint BEGIN "
            f"DELETE FROM pain_point; UPDATE project SET title = '{MARK} wiped'; "
            "INSERT INTO jm_marker VALUES ('wiped'); END"), write_clean, ("jm_wipe",)),
        Case("trigger-rewrite", "schema", _from_clean(
            m, "CREATE TRIGGER jm_rewrite AFTER INSERT ON project "
            f"WHEN NEW.title NOT LIKE '{MARK}%' BEGIN "
            f"UPDATE project SET title = '{MARK} ' || NEW.title WHERE id = NEW.id; "
            "INSERT INTO jm_marker VALUES ('rewritten'); END"), write_clean, ("jm_rewrite",)),
        Case("trigger-grow", "schema", _from_clean(
            m, "CREATE TABLE jm_ballast(b BLOB)",
            "CREATE TRIGGER jm_grow AFTER INSERT ON touchpoint BEGIN "
            "INSERT INTO jm_ballast VALUES (zeroblob(20000000)); "
            "INSERT INTO jm_marker VALUES ('grown'); END"), write_clean, ("jm_grow",)),
        Case("trigger-abort", "schema", _from_clean(
            "CREATE TRIGGER jm_abort BEFORE INSERT ON touchpoint BEGIN "
            f"SELECT RAISE(ABORT, '{MARK} refused by the file'); END"), write_clean,
            ("jm_abort",)),
        Case("view-recursive-shadow", "schema", _recursive_view_shadowing_vote,
             _twin_without_votes, ("vote",)),
        Case("view-recursive-extra", "schema", _from_clean(
            "CREATE VIEW jm_boom AS WITH RECURSIVE c(x) AS "
            "(SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"), write_clean,
            ("jm_boom",)),
        Case("fts5-extra", "schema", _from_clean(
            "CREATE VIRTUAL TABLE jm_notes USING fts5(body)",
            f"INSERT INTO jm_notes VALUES ('{MARK} notes')"), write_clean, ("jm_notes",)),
        Case("fts5-shadow-touchpoint", "schema", _fts_shadow, write_clean, ("touchpoint",)),
        Case("hidden-blob", "schema", _from_clean(
            "CREATE TABLE jm_secret(name TEXT, data BLOB)",
            f"INSERT INTO jm_secret VALUES ('{MARK}', randomblob(300000))"), write_clean,
            ("jm_secret",)),
        Case("extra-columns", "schema", _from_clean(
            f"ALTER TABLE touchpoint ADD COLUMN jm_extra TEXT DEFAULT '{MARK}'",
            f"ALTER TABLE project ADD COLUMN jm_note TEXT DEFAULT '{MARK}'"), write_clean,
            ("jm_extra", "jm_note")),
        Case("extra-index", "schema", _from_clean(
            "CREATE INDEX jm_idx ON touchpoint(title, description)"), write_clean, ("jm_idx",)),
        Case("v1-meta-table", "schema", _v1_with(
            f"CREATE TABLE meta(key TEXT, value TEXT, jm_more TEXT DEFAULT '{MARK}')",
            f"INSERT INTO meta VALUES ('{MARK}', '{MARK}', '{MARK}')"), _v1_clean, ("meta",),
            v1=True),
        Case("v1-meta-view", "schema", _v1_with(
            f"CREATE VIEW meta AS SELECT '{MARK}' AS key, '{MARK}' AS value"), _v1_clean,
            ("meta",), v1=True),
        Case("v1-trigger", "schema", _v1_with(
            m, "CREATE TRIGGER jm_v1 AFTER INSERT ON touchpoint BEGIN "
            "INSERT INTO jm_marker VALUES ('v1'); END"), _v1_clean, ("jm_v1",), v1=True),
        Case("wal-data", "schema", _wal_data, _wal_twin, ()),
        Case("wal-trigger", "schema", _wal_trigger, write_clean, ("jm_wal",)),
        Case("hot-journal", "schema", _hot_journal, write_clean, ()),
    ]
    for t in ("touchpoint", "pain_point", "project", "role", "vote"):
        cases.append(Case(f"view-shadow-{t}", "schema", _shadow_view(t), write_clean, (t,)))
    return cases


# Invalid rows: the value that is out of range for each column (None: nothing is).
OUT_OF_RANGE: dict[str, dict[str, object]] = {
    "project": {"id": "", "language": "xx", "vote_weight": 99.0},
    "dimension": {"id": "", "kind": "bogus", "weight": -1.0, "position": 9e999},
    "role": {"id": "", "color": "red; x", "default_influence": 99, "position": 9e999},
    "journey": {"id": "", "position": 9e999},
    "phase": {"id": "", "position": 9e999},
    "stage": {"id": "", "position": 9e999},
    "lane": {"id": "", "position": 9e999},
    "influence": {"id": "", "weight": -3},
    "touchpoint": {"id": "", "channel": "bogus", "emotion": 7, "scores": "[99, -1]",
                   "metrics": '[{"name": "", "value": 1}]', "position": 9e999},
    "pain_point": {"id": "", "severity": 99, "frequency": 0, "position": 9e999},
    "handoff": {"id": "", "position": 9e999},
    "action": {"id": "", "effort": 0, "status": "bogus", "due": "31/12/2026",
               "position": 9e999},
    "action_link": {"id": "", "position": 9e999},
    "vote": {"id": "", "position": 9e999},
}
REFERENCES: dict[str, tuple[str, ...]] = {
    "phase": ("journey",), "stage": ("journey", "phase"), "lane": ("journey", "role"),
    "influence": ("journey", "role", "stage"), "touchpoint": ("journey", "role", "stage"),
    "pain_point": ("touchpoint", "dimension"), "handoff": ("journey", "source", "target"),
    "action_link": ("action", "pain"), "vote": ("target",),
}
NULLABLE = {("stage", "phase"), ("touchpoint", "emotion"), ("dimension", "weight"),
            ("action", "due"), ("journey", "variant_of"), ("stage", "variant_of"),
            ("persona", "headcount"), ("persona", "photo")}
NUMERIC = {"vote_weight", "weight", "position", "default_influence", "emotion", "severity",
           "frequency", "effort"}
HUGE = 1_500_000  # characters: above the 1,000,000 the JSON import accepts in any field


def _loosen(conn: sqlite3.Connection, table: str) -> list[str]:
    """Recreate ``table`` without types or constraints (any value, duplicate ids), keeping
    its rows; returns its columns."""
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    quoted = ", ".join(f'"{c}"' for c in cols)
    conn.execute(f"ALTER TABLE {table} RENAME TO jm_old")
    conn.execute(f"CREATE TABLE {table} ({quoted})")
    conn.execute(f"INSERT INTO {table} SELECT {quoted} FROM jm_old")
    conn.execute("DROP TABLE jm_old")
    return cols


def _row_make(table: str, column: str | None, value: object, duplicate: bool = False
              ) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        write_clean(path)
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("BEGIN")
            _loosen(conn, table)
            rowid = conn.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0]
            if duplicate:
                conn.execute(f"INSERT INTO {table} SELECT * FROM {table} WHERE rowid = ?",
                             (rowid,))
            else:
                conn.execute(f'UPDATE {table} SET "{column}" = ? WHERE rowid = ?',
                             (value, rowid))
            conn.execute("COMMIT")
        finally:
            conn.close()
    return make


def row_cases() -> list[Case]:
    from journeymap.model.sqlrows import COLUMNS

    cases: list[Case] = []
    for table, cols in COLUMNS.items():
        if table == "meta":
            continue
        cases.append(Case(f"row-{table}-duplicate-id", "row", _row_make(table, None, None, True)))
        for col in cols:
            variants: dict[str, object] = {}
            if (table, col) not in NULLABLE:
                variants["null"] = None
            variants["wrong-type"] = "abc" if col in NUMERIC else b"\x00\xff"
            if col in OUT_OF_RANGE.get(table, {}):
                variants["out-of-range"] = OUT_OF_RANGE[table][col]
            if col in REFERENCES.get(table, ()):
                variants["dangling"] = "jm-missing"
            if col not in NUMERIC and col not in ("scores", "metrics"):
                variants["huge"] = "x" * HUGE
            for what, value in variants.items():
                cases.append(Case(f"row-{table}-{col}-{what}", "row",
                                  _row_make(table, col, value)))
    return cases


def all_cases() -> list[Case]:
    return schema_cases() + row_cases()


def sample_cases() -> list[Case]:
    """One file of each kind (the CI subset)."""
    wanted = ("trigger-touchpoint", "trigger-project", "trigger-exfiltrate", "trigger-wipe",
              "trigger-rewrite", "trigger-grow", "view-shadow-touchpoint",
              "view-recursive-shadow", "fts5-extra", "hidden-blob", "extra-columns",
              "v1-meta-table", "wal-trigger", "hot-journal",
              "row-pain_point-severity-out-of-range", "row-touchpoint-emotion-wrong-type",
              "row-touchpoint-role-dangling", "row-action-effort-null",
              "row-stage-duplicate-id", "row-project-title-huge")
    by_name = {c.name: c for c in all_cases()}
    return [by_name[n] for n in wanted]


# -- running ---------------------------------------------------------------------------------
@dataclass
class Figures:
    files: int = 0
    runs: int = 0
    executed: int = 0          # a foreign object ran (marker rows, the mark in output)
    foreign_saved: int = 0     # foreign objects or the mark in a file the app saved
    foreign_kept: int = 0      # foreign objects in the working copy
    hangs: int = 0
    crashes: int = 0           # traceback on stderr, exit code not 0/1, signal
    wrong: int = 0             # accepted with other data than the twin, refused badly, …
    unnamed: int = 0           # foreign objects `validate` did not name
    side_files: int = 0        # -wal/-shm/-journal files a read-only command left
    modified: int = 0          # a read-only command changed the user's file
    details: list[str] = field(default_factory=list)
    seconds: float = 0.0

    COUNTED = ("executed", "foreign_saved", "foreign_kept", "hangs", "crashes", "wrong",
               "unnamed", "side_files", "modified")

    def add(self, other: Figures) -> None:
        for name in ("files", "runs", *self.COUNTED):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.details += other.details

    def note(self, what: str, detail: str) -> None:
        setattr(self, what, getattr(self, what) + 1)
        self.details.append(f"{what}: {detail}")

    def failures(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.COUNTED if getattr(self, k)}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


def child_env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JOURNEYMAP_DATA_DIR": str(data_dir),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.setdefault("JOURNEYMAP_CACHE_DIR", str(data_dir / "cache"))
    return env


@dataclass
class Run:
    rc: int | None  # None: timed out
    out: str
    err: str


def run_cli(args: list[str], env: dict[str, str], timeout: float) -> Run:
    proc = subprocess.Popen([sys.executable, "-m", "journeymap.cli", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            preexec_fn=_limit_memory, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
        return Run(None, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))
    return Run(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _side_files(path: Path) -> set[str]:
    return {s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()}


def _one_line(err: str) -> bool:
    lines = [x for x in err.splitlines() if x.strip()]
    return len(lines) == 1 and len(lines[0]) <= 2000


def cli_runs(path: Path, outdir: Path, exports: Iterable[str]) -> list[tuple[str, list[str]]]:
    runs = [("info", ["info", str(path)]), ("validate", ["validate", str(path)]),
            ("rank", ["rank", str(path)])]
    for fmt in exports:
        ext = {"report": "pdf", "mermaid": "mmd"}.get(fmt, fmt)
        runs.append((f"export-{fmt}", ["export", str(path), "--format", fmt,
                                       "-o", str(outdir / f"out-{fmt}.{ext}")]))
    return runs


def twin_outputs(case: Case, work: Path, env: dict[str, str], timeout: float,
                 exports: Iterable[str]) -> dict[str, str]:
    """What the CLI prints for the clean twin (info, rank, json export)."""
    twin = work / "twin.jmap"
    assert case.twin is not None
    case.twin(twin)
    out: dict[str, str] = {}
    for name, args in cli_runs(twin, work, [f for f in exports if f == "json"]):
        if name == "validate":
            continue
        r = run_cli(args, env, timeout)
        if r.rc == 0:
            out[name] = (work / "out-json.json").read_text("utf-8") if name == "export-json" \
                else r.out.replace(str(twin), "FILE")
    return out


def check_cli(case: Case, path: Path, work: Path, env: dict[str, str], timeout: float,
              exports: Iterable[str], twin: dict[str, str], stop_after_hang: bool = False
              ) -> Figures:
    fig = Figures()
    before = _sha(path)
    sides_before = _side_files(path)
    for name, args in cli_runs(path, work, exports):
        fig.runs += 1
        where = f"{case.name} {name}"
        target = Path(args[-1]) if name.startswith("export-") else None
        if target is not None:
            target.unlink(missing_ok=True)
        r = run_cli(args, env, timeout)
        if r.rc is None:
            fig.note("hangs", f"{where}: no answer in {timeout:.0f} s")
            if stop_after_hang:
                break
            continue
        if "Traceback" in r.err or r.rc not in (0, 1):
            last = (r.err.strip().splitlines() or ["(no output)"])[-1][:200]
            fig.note("crashes", f"{where}: exit {r.rc}: {last}")
            continue
        text = r.out + r.err
        if target is not None and target.exists() and target.suffix in (".json", ".mmd", ".csv",
                                                                         ".md", ".svg"):
            text += target.read_text("utf-8", "replace")
        if MARK in text:
            fig.note("executed", f"{where}: the file's own objects produced output")
        if _sha(path) != before:
            fig.note("modified", f"{where}: the user's file changed")
            before = _sha(path)
        new_sides = _side_files(path) - sides_before
        if new_sides:
            fig.note("side_files", f"{where}: left {', '.join(sorted(new_sides))}")
        if r.rc == 1:
            if not _one_line(r.err):
                fig.note("wrong", f"{where}: refused without one line on stderr")
            if name == "validate" and case.kind == "schema" and case.foreign:
                missing = [f for f in case.foreign if f not in text]
                if missing:
                    fig.note("unnamed", f"{where}: does not name {', '.join(missing)}")
            continue
        # accepted
        if case.kind == "row":
            fig.note("wrong", f"{where}: accepted a file with an invalid row")
        elif name == "validate" and case.foreign:
            fig.note("unnamed", f"{where}: says ok about {', '.join(case.foreign)}")
        elif name in ("info", "rank"):
            if twin.get(name) != r.out.replace(str(path), "FILE"):
                fig.note("wrong", f"{where}: output differs from the clean twin's")
        elif name == "export-json":
            if target is None or not target.exists() or twin.get(name) != target.read_text("utf-8"):
                fig.note("wrong", f"{where}: JSON differs from the clean twin's")
        elif target is not None and (not target.exists() or target.stat().st_size == 0):
            fig.note("wrong", f"{where}: exit 0 without an output file")
    return fig


def check_window(cases: list[tuple[Case, Path]], work: Path, env: dict[str, str],
                 timeout: float) -> Figures:
    """Open → edit → save every file in one child (restarted after a crash or a hang;
    each file has ``timeout`` seconds, plus a start-up allowance for the first)."""
    fig = Figures()
    pending = list(cases)
    script = Path(__file__).with_name("hostile_window.py")
    while pending:
        spec = [{"name": c.name, "kind": c.kind, "path": str(p),
                 "twin": str(work / c.name / "twin.jmap") if c.twin else None,
                 "out": str(work / c.name / "saved.jmap")} for c, p in pending]
        spec_file = work / "window-spec.json"
        spec_file.write_text(json.dumps(spec), "utf-8")
        proc = subprocess.Popen([sys.executable, str(script), str(spec_file)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                text=True, preexec_fn=_limit_memory, start_new_session=True)
        lines: queue.Queue[str | None] = queue.Queue()
        errors: list[str | None] = []

        def pump(stream: IO[str], sink: Callable[[str | None], None], end: bool) -> None:
            for line in stream:
                sink(line)
            if end:
                sink(None)

        threading.Thread(target=pump, args=(proc.stdout, lines.put, True), daemon=True).start()
        threading.Thread(target=pump, args=(proc.stderr, errors.append, False),
                         daemon=True).start()
        started: set[str] = set()
        current: str | None = None
        hung = False
        deadline = time.monotonic() + timeout + 30  # Qt start-up
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                hung = True
                break
            if line is None:
                break
            if not line.startswith("{"):
                continue
            d = json.loads(line)
            if d["event"] == "start":
                current = d["name"]
                started.add(current)
                deadline = time.monotonic() + timeout
            else:
                current = None
                fig.runs += 1
                for what, detail in d["problems"]:
                    fig.note(what, f"{d['name']} window: {detail}")
        if hung:
            os.killpg(proc.pid, 9)
        proc.wait()
        time.sleep(0.1)  # let the stderr pump finish
        if current is not None:
            fig.runs += 1
            if hung:
                fig.note("hangs", f"{current} window: no answer in {timeout:.0f} s")
            else:
                last = ("".join(e for e in errors if e).strip().splitlines() or ["(no output)"])[-1][:200]
                fig.note("crashes", f"{current} window: exit {proc.returncode}: {last}")
        elif not started:
            raise RuntimeError(f"window child failed: {''.join(e for e in errors if e)[-2000:]}")
        pending = [(c, p) for c, p in pending if c.name not in started]
    return fig


def run_cases(cases: list[Case], work: Path, *, timeout: float, exports: Iterable[str] = EXPORTS,
              window: bool = True, jobs: int = 2, stop_after_hang: bool = False, progress: Callable[[str], None] | None = None) -> Figures:
    """Generate every case under ``work`` and run it through the CLI and the window."""
    total = Figures()
    env = child_env(work / "data")
    exports = tuple(exports)

    def one(case: Case) -> tuple[Case, Path, Figures]:
        t0 = time.monotonic()
        folder = work / case.name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "hostile.jmap"
        case.make(path)
        twin = twin_outputs(case, folder, env, timeout, exports) if case.twin else {}
        # A pristine copy for the window run (the CLI run may meet a rolled-back journal).
        for suffix in ("", "-wal", "-shm", "-journal"):
            if Path(f"{path}{suffix}").exists():
                shutil.copyfile(f"{path}{suffix}", folder / f"window.jmap{suffix}")
        fig = check_cli(case, path, folder, env, timeout, exports, twin, stop_after_hang)
        fig.files = 1
        fig.seconds = time.monotonic() - t0
        return case, folder / "window.jmap", fig

    made: list[tuple[Case, Path]] = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for case, copy, fig in pool.map(one, cases):
            total.add(fig)
            made.append((case, copy))
            if progress:
                progress(f"{case.name} ({fig.seconds:.1f} s): {fig.failures() or 'ok'}")
    if window:
        total.add(check_window(made, work, env, timeout))
    return total
