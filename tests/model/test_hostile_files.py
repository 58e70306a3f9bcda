"""Files from strangers: a .jmap with the right application_id and user_version but
triggers, views, virtual tables, hidden tables, extra columns, side files or invalid rows.

Each file either opens with its validated data or is refused with one clear message; no
foreign object is ever run or kept, nothing hangs, and the user's file is not touched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymap.model import edits as E
from journeymap.model.document import (
    Document,
    DocumentError,
    load_store,
    validate_file,
    write_store_file,
)
from journeymap.model.sqlrows import APPLICATION_ID, SCHEMA_SQL, SCHEMA_VERSION
from journeymap.model.templates import load_template

TABLES = ("project", "dimension", "role", "journey", "phase", "stage", "lane", "influence",
          "touchpoint", "pain_point", "handoff", "action", "action_link", "vote", "meta")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def our_objects() -> set[tuple[str, str]]:
    conn = sqlite3.connect(":memory:")
    for statement in SCHEMA_SQL.read_text("utf-8").split(";\n"):
        if statement.strip():
            conn.execute(statement)
    out = set(conn.execute("SELECT type, name FROM sqlite_master"))
    conn.close()
    return out


def objects(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return set(conn.execute("SELECT type, name FROM sqlite_master"))
    finally:
        conn.close()


@pytest.fixture
def template():
    return load_template("b2b-procurement", "en")


def hostile(tmp_path: Path, sql: str, name: str = "received.jmap") -> Path:
    """A journeymap file (right application_id and version) with ``sql`` run on it."""
    (tmp_path / "mail").mkdir(exist_ok=True)
    path = tmp_path / "mail" / name
    write_store_file(load_template("b2b-procurement", "en"), path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # the attacker's own SQLite
    conn.executescript(sql)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    return path


def loosen(table: str) -> str:
    """SQL that rebuilds ``table`` without types, NOT NULL or primary key (as an attacker
    may), keeping its rows."""
    return (f"CREATE TABLE loose AS SELECT * FROM {table}; DROP TABLE {table}; "
            f"CREATE TABLE {table} AS SELECT * FROM loose WHERE 0; "
            f"INSERT INTO {table} SELECT * FROM loose; DROP TABLE loose;")


class Untouched:
    """The user's file is byte-identical afterwards, with no -wal/-shm/-journal beside."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.digest = digest(path)
        self.listing = sorted(p.name for p in path.parent.iterdir())

    def check(self) -> None:
        assert digest(self.path) == self.digest
        assert sorted(p.name for p in self.path.parent.iterdir()) == self.listing


def edit_and_save(doc: Document, target: Path) -> None:
    s = doc.store
    j = s.journeys()[0].id
    doc.apply(E.set_fields(s, "project", "project", title="typed by the user"))
    add = E.add_touchpoint(doc.store, j, s.lanes(j)[0].role, s.stages(j)[0].id, "secret card")
    doc.apply(add)
    doc.apply(E.delete(doc.store, "touchpoint", [add.subject]))
    pain = next(iter(doc.store.tables["pain_point"]))
    doc.apply(E.set_fields(doc.store, "pain_point", pain, severity=5))
    doc.save(target)


TRIGGERS = "CREATE TABLE loot (what TEXT);\n" + "\n".join(
    f"CREATE TRIGGER steal_{t}_{op} AFTER {op} ON {t} BEGIN "
    f"INSERT INTO loot VALUES ('{t} {op}'); "
    f"DELETE FROM pain_point; UPDATE project SET title = 'pwned'; END;"
    for t in TABLES for op in ("INSERT", "UPDATE", "DELETE"))


def test_triggers_on_every_table_never_run_and_are_not_saved(tmp_path):
    path = hostile(tmp_path, TRIGGERS)
    untouched = Untouched(path)
    doc = Document.open(path)
    expected_pains = len(doc.store.tables["pain_point"])
    assert expected_pains > 0
    # the working copy is the app's schema only, whatever the file held
    assert objects(doc.folder / "project.jmap") == our_objects()
    saved = tmp_path / "out" / "saved.jmap"
    saved.parent.mkdir()
    edit_and_save(doc, saved)
    expected_pains = len(doc.store.tables["pain_point"])
    doc.close()
    untouched.check()
    assert objects(saved) == our_objects()  # no trigger, no loot table
    store = load_store(saved)
    assert store.project.title == "typed by the user"  # not 'pwned'
    assert len(store.tables["pain_point"]) == expected_pains  # not wiped
    assert "secret card" not in {t.title for t in store.tables["touchpoint"].values()}
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM loot").fetchone() == (0,)  # never fired
    conn.close()


def test_validate_names_every_foreign_object(tmp_path):
    path = hostile(tmp_path, TRIGGERS + """
        CREATE VIEW peek AS SELECT title FROM touchpoint;
        CREATE INDEX ix_mine ON touchpoint (title);
        CREATE TABLE stash (b BLOB); INSERT INTO stash VALUES (randomblob(200000));
        ALTER TABLE touchpoint ADD COLUMN secret TEXT DEFAULT 'x';
        CREATE VIRTUAL TABLE notes USING fts5(body);
    """)
    untouched = Untouched(path)
    found = validate_file(path)
    text = "\n".join(found)
    for name in ("trigger 'steal_touchpoint_INSERT' on 'touchpoint'", "table 'loot'",
                 "view 'peek'", "index 'ix_mine' on 'touchpoint'", "table 'stash'",
                 "column 'secret' of table 'touchpoint'", "virtual table 'notes'"):
        assert name in text
    assert len([f for f in found if f.startswith("trigger")]) == 3 * len(TABLES)
    assert all("not kept" in f for f in found)
    # ...and the file still opens with its data; nothing foreign survives a save
    store = load_store(path)
    assert len(store.tables["touchpoint"]) == 47
    doc = Document.open(path)
    doc.save(tmp_path / "clean.jmap")
    doc.close()
    assert objects(tmp_path / "clean.jmap") == our_objects()
    assert validate_file(tmp_path / "clean.jmap") == []
    assert (tmp_path / "clean.jmap").stat().st_size < 400_000  # the blob is gone
    untouched.check()


RECURSIVE = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
             "SELECT x AS id FROM c")


@pytest.mark.parametrize(("sql", "words"), [
    ("DROP TABLE vote; CREATE VIEW vote AS SELECT id, participant, target, position "
     "FROM pain_point, (SELECT 'x' AS participant, 'p' AS target);", "'vote' is a view"),
    ("DROP TABLE touchpoint; CREATE VIEW touchpoint AS " + RECURSIVE + ";",
     "'touchpoint' is a view"),
    ("DROP TABLE action; CREATE VIRTUAL TABLE action USING fts5(id, title, effort, owner, "
     "status, due, position);", "'action' is a virtual table"),
    ("ALTER TABLE journey RENAME TO journey_old; CREATE TABLE journey (id TEXT, name TEXT, "
     "segment TEXT, description TEXT, position AS (1.0));", "journey.position is computed"),
])
def test_a_table_name_taken_by_something_else_refuses_the_file(tmp_path, sql, words):
    path = hostile(tmp_path, sql)
    untouched = Untouched(path)
    t = time.monotonic()
    for read in (Document.open, load_store, validate_file):
        with pytest.raises(DocumentError, match=words):
            read(path)
    assert time.monotonic() - t < 5
    untouched.check()


def test_a_recursive_view_beside_the_tables_is_never_queried(tmp_path):
    path = hostile(tmp_path, f"CREATE VIEW spin AS {RECURSIVE};"
                             f"CREATE VIEW spin2 AS SELECT count(*) FROM spin;")
    untouched = Untouched(path)
    t = time.monotonic()
    doc = Document.open(path)
    assert "view 'spin'" in "\n".join(validate_file(path))
    doc.close()
    assert time.monotonic() - t < 5
    untouched.check()


def test_a_wal_beside_the_file_counts_but_is_never_written(tmp_path):
    src = tmp_path / "src.jmap"
    write_store_file(load_template("b2b-procurement", "en"), src)
    writer = sqlite3.connect(src, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE project SET title = 'only in the wal'")
    received = tmp_path / "mail"
    received.mkdir()
    shutil.copy(src, received / "x.jmap")
    shutil.copy(f"{src}-wal", received / "x.jmap-wal")
    writer.close()
    path = received / "x.jmap"
    untouched = Untouched(path)
    wal = digest(received / "x.jmap-wal")
    assert load_store(path).project.title == "only in the wal"
    doc = Document.open(path)
    assert doc.store.project.title == "only in the wal"
    doc.close()
    untouched.check()  # no -shm appeared, the main file is as it was
    assert digest(received / "x.jmap-wal") == wal


def test_opening_leaves_no_side_file(tmp_path, template):
    path = tmp_path / "p.jmap"
    write_store_file(template, path)
    untouched = Untouched(path)
    load_store(path)
    Document.open(path).close()
    validate_file(path)
    untouched.check()


FIRST = "(SELECT min(rowid) FROM {t})"


@pytest.mark.parametrize(("sql", "words"), [
    (f"UPDATE pain_point SET severity = 99 WHERE rowid = {FIRST.format(t='pain_point')}",
     r"pain_point '.+': severity: must be from 1 to 5, got 99"),
    (f"UPDATE action SET effort = 0 WHERE rowid = {FIRST.format(t='action')}",
     r"action '.+': effort: must be from 1 to 5, got 0"),
    ("UPDATE influence SET weight = -1", r"influence '.+': weight: must be from 0 to 5"),
    ("UPDATE touchpoint SET emotion = 7", r"touchpoint '.+': emotion: must be from -2 to 2"),
    ("UPDATE project SET vote_weight = 1e308 * 10", r"project 'project': vote_weight: must be"),
    (loosen("pain_point") + "UPDATE pain_point SET severity = 'high'",
     r"pain_point '.+': severity: must be a whole number from 1 to 5, got 'high'"),
    (loosen("pain_point") + "UPDATE pain_point SET frequency = 2.5",
     r"frequency: must be a whole number"),
    (loosen("touchpoint") + "UPDATE touchpoint SET title = NULL",
     r"touchpoint '.+': title: must be text, got nothing \(NULL\)"),
    (loosen("role") + "UPDATE role SET name = x'00ff'", r"role '.+': name: must be text"),
    (loosen("touchpoint") + "UPDATE touchpoint SET position = 'left'",
     r"touchpoint '.+': position: must be a number"),
    ("UPDATE touchpoint SET scores = '[1, 2, 99]'", r"touchpoint '.+': scores\[2\]"),
    ("UPDATE touchpoint SET scores = '{not json'", r"touchpoint '.+': scores: is not valid"),
    ("UPDATE touchpoint SET metrics = '[{\"name\": \"x\", \"value\": \"high\"}]'",
     r"metrics\[0\].value: must be a number"),
    ("UPDATE role SET color = 'red'", r"role '.+': color: must be a colour"),
    (f"UPDATE pain_point SET touchpoint = 'nope' WHERE rowid = {FIRST.format(t='pain_point')}",
     r"pain_point '.+': touchpoint: 'nope' is not the id of a touchpoint"),
    ("UPDATE handoff SET target = 'ghost'", r"handoff '.+': target: 'ghost' is not the id"),
    ("DELETE FROM role WHERE id = (SELECT role FROM lane LIMIT 1)",
     r"lane '.+': role: .* is not the id of a role"),
    ("DELETE FROM project", r"exactly one project record"),
    (loosen("pain_point") + "INSERT INTO pain_point SELECT * FROM pain_point LIMIT 1",
     r"pain_point '.+': id: duplicate id"),
    ("INSERT INTO action (id, title, effort, owner, status, position) "
     "SELECT id, 'x', 1, '', 'idea', 9 FROM role LIMIT 1", r"id: duplicate id .* a role"),
    (loosen("lane") + "INSERT INTO lane SELECT 'other', journey, role, 9 FROM lane LIMIT 1",
     r"lane '.+': id: duplicate id"),
    ("UPDATE action SET due = '2024-13-45'", r"due: must be a date"),
    ("UPDATE touchpoint SET channel = 'telepathy'", r"channel: must be one of"),
])
def test_invalid_rows_refuse_the_file_naming_table_row_and_field(tmp_path, sql, words):
    path = hostile(tmp_path, sql)
    untouched = Untouched(path)
    with pytest.raises(DocumentError, match=words) as err:
        Document.open(path)
    message = str(err.value)
    assert "\n" not in message and len(message) < 600
    assert "was not changed" in message
    with pytest.raises(DocumentError, match=words):
        load_store(path)
    found = validate_file(path)
    assert found and any(__import__("re").search(words, f) for f in found)
    untouched.check()


def test_a_fifty_megabyte_title_is_refused_quickly(tmp_path):
    path = hostile(tmp_path, "UPDATE touchpoint SET title = hex(zeroblob(25000000)) "
                             "WHERE rowid = (SELECT min(rowid) FROM touchpoint)")
    untouched = Untouched(path)
    t = time.monotonic()
    with pytest.raises(DocumentError, match=r"title: is too long \(50,000,000 characters, "
                                            r"at most 10,000\)"):
        Document.open(path)
    assert time.monotonic() - t < 5
    untouched.check()
    # ...and without gigabytes: peak memory of a process that tries to open it
    # (VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.)
    code = ("import sys\n"
            "from journeymap.model.document import load_store, DocumentError\n"
            "try:\n    load_store(sys.argv[1])\nexcept DocumentError:\n    pass\n"
            "print(next(line.split()[1] for line in open('/proc/self/status')\n"
            "           if line.startswith('VmHWM')))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True, env={**os.environ})
    assert int(out.stdout) < 250_000  # kB: the 50 MB text is read once, never copied


def test_a_runaway_query_is_aborted_by_the_time_budget(tmp_path):
    # Opening never queries a view, so this is the backstop: any statement on an
    # untrusted connection stops at the deadline.
    from journeymap.model.sqlfile import connect_untrusted

    path = hostile(tmp_path, f"CREATE VIEW spin AS {RECURSIVE};")
    untouched = Untouched(path)
    t = time.monotonic()
    with connect_untrusted(path, time.monotonic() + 0.5) as conn, pytest.raises(
            sqlite3.OperationalError, match="interrupted"):
        conn.execute("SELECT count(*) FROM spin").fetchone()
    assert time.monotonic() - t < 5
    untouched.check()


def test_absurd_sizes_are_refused_before_reading(tmp_path, monkeypatch):
    from journeymap.model import sqlfile

    path = hostile(tmp_path, "")
    monkeypatch.setattr(sqlfile, "MAX_FILE_BYTES", 10_000)
    with pytest.raises(DocumentError, match="too large"):
        load_store(path)
    monkeypatch.setattr(sqlfile, "MAX_FILE_BYTES", 10**9)
    monkeypatch.setattr(sqlfile, "MAX_ROWS", 100)
    with pytest.raises(DocumentError, match="more than 100 rows"):
        load_store(path)


def test_ids_of_lanes_influence_and_links_are_derived_from_their_parts(tmp_path):
    # Ids written by another tool (or an older version) are normalised, not trusted.
    path = hostile(tmp_path, "UPDATE lane SET id = 'L' || rowid; "
                             "UPDATE influence SET id = 'I' || rowid;")
    store = load_store(path)
    lane = next(iter(store.tables["lane"].values()))
    assert lane.id == f"{lane.journey}/{lane.role}"


V1 = Path(__file__).parent.parent / "data" / "v1-sample.jmap"


def test_an_old_version_is_upgraded_in_memory_never_by_sql_in_the_file(tmp_path):
    # Upgrade-path collision: a version-1 file whose 'meta' (created by the 1 -> 2 step)
    # is already a view, plus triggers that would fire on the step's INSERT.
    (tmp_path / "mail").mkdir()
    path = tmp_path / "mail" / "old.jmap"
    shutil.copy(V1, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(
        "CREATE TABLE loot (x TEXT);"
        "CREATE VIEW meta AS SELECT 'created_by' AS key, 'evil' AS value;"
        "CREATE TRIGGER grab INSTEAD OF INSERT ON meta BEGIN "
        "INSERT INTO loot VALUES (new.value); DELETE FROM touchpoint; END;")
    conn.close()
    untouched = Untouched(path)
    assert "view 'meta'" in "\n".join(validate_file(path))
    doc = Document.open(path)
    touchpoints = len(doc.store.tables["touchpoint"])
    assert touchpoints > 0
    doc.save(tmp_path / "new.jmap")
    doc.close()
    untouched.check()
    assert objects(tmp_path / "new.jmap") == our_objects()
    conn = sqlite3.connect(tmp_path / "new.jmap")
    assert dict(conn.execute("SELECT key, value FROM meta")) == {
        "created_by": "journeymap", "upgraded_from": "1"}
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert len(load_store(tmp_path / "new.jmap").tables["touchpoint"]) == touchpoints


HALF_WRITE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill pages to the file before the commit
conn.execute("BEGIN")
conn.execute("UPDATE touchpoint SET description = hex(randomblob(3000))")
print("ready", flush=True)
time.sleep(60)
"""


def test_a_hot_journal_beside_the_file_is_rolled_back_on_a_private_copy(tmp_path):
    src = tmp_path / "src.jmap"
    write_store_file(load_template("b2b-procurement", "en"), src)
    expected = load_store(src)
    proc = subprocess.Popen([sys.executable, "-c", HALF_WRITE, str(src)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    proc.kill()
    proc.wait(10)
    assert Path(f"{src}-journal").stat().st_size > 0  # a hot journal: the crash is real
    (tmp_path / "mail").mkdir()
    path = tmp_path / "mail" / "x.jmap"
    shutil.copy(src, path)
    shutil.copy(f"{src}-journal", f"{path}-journal")
    untouched = Untouched(path)
    journal = digest(Path(f"{path}-journal"))
    assert load_store(path) == expected  # the half-written change is not seen
    doc = Document.open(path)
    assert doc.store == expected
    doc.close()
    untouched.check()
    assert digest(Path(f"{path}-journal")) == journal


def test_recovery_rebuilds_a_working_copy_that_holds_foreign_objects(tmp_path):
    # A working copy made by an older version was a full copy of the received file.
    import json

    from journeymap.model.document import recoverable_sessions

    path = hostile(tmp_path, "")
    doc = Document.open(path)
    doc.apply(E.set_fields(doc.store, "project", "project", title="unsaved"))
    doc._conn.executescript(
        "CREATE TABLE loot (x); CREATE TRIGGER t AFTER UPDATE ON project BEGIN "
        "INSERT INTO loot VALUES (new.title); END;")
    meta = json.loads((doc.folder / "session.json").read_text())
    meta["pid"] = 999_999_999
    (doc.folder / "session.json").write_text(json.dumps(meta))
    doc._conn.close()
    [session] = recoverable_sessions()
    recovered = Document.recover(session)
    assert recovered.store.project.title == "unsaved"
    assert objects(recovered.folder / "project.jmap") == our_objects()
    recovered.apply(E.set_fields(recovered.store, "project", "project", title="again"))
    recovered.save()
    assert objects(path) == our_objects()
    assert load_store(path).project.title == "again"
    recovered.close()


def test_the_commands_give_one_line_and_no_traceback(tmp_path):
    bad = hostile(tmp_path, "UPDATE touchpoint SET emotion = 9", "bad.jmap")
    foreign = hostile(tmp_path, TRIGGERS + f"CREATE VIEW spin AS {RECURSIVE};", "foreign.jmap")
    cli = [sys.executable, "-m", "journeymap.cli"]
    env = {**os.environ}
    for path in (bad, foreign):
        untouched = Untouched(path)
        for args in (["info", str(path)], ["validate", str(path)], ["rank", str(path)]):
            t = time.monotonic()
            run = subprocess.run([*cli, *args], capture_output=True, text=True, env=env,
                                 timeout=60)
            assert time.monotonic() - t < 30
            assert "Traceback" not in run.stderr
            if path == bad:
                assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1
                assert "emotion: must be from -2 to 2" in (
                    run.stdout if args[0] == "validate" else run.stderr)
            elif args[0] == "validate":
                assert run.returncode == 1
                assert "trigger 'steal_vote_DELETE' on 'vote'" in run.stdout
                assert "view 'spin'" in run.stdout
            else:
                assert run.returncode == 0, run.stderr  # foreign objects: the data is used
        untouched.check()


def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "pipe.jmap"
    os.mkfifo(pipe)
    t = time.monotonic()
    for read in (Document.open, load_store, validate_file):
        with pytest.raises(DocumentError, match="not a regular file"):
            read(pipe)
    assert time.monotonic() - t < 5


VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=False),
    st.text(max_size=30), st.binary(max_size=30),
    st.sampled_from(["", " ", "[]", "[1,2]", "{}", "null", "1e999", "#zzzzzz", "2024-02-30",
                     "\x00", "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")]))


@settings(max_examples=int(os.environ.get("JM_FUZZ", "60")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(TABLES[:-1]), column=st.integers(0, 11), value=VALUES)
def test_any_single_value_gives_valid_data_or_one_refusal(tmp_path_factory, table, column,
                                                          value):
    from journeymap.model.consistency import find_problems
    from journeymap.model.sqlrows import COLUMNS

    tmp = tmp_path_factory.mktemp("fuzz")
    name = COLUMNS[table][column % len(COLUMNS[table])]
    path = tmp / "f.jmap"
    write_store_file(load_template("b2b-procurement", "en"), path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        conn.execute(f'UPDATE {table} SET "{name}" = ? WHERE rowid = '
                     f"(SELECT min(rowid) FROM {table})", (value,))
    except sqlite3.IntegrityError:  # NOT NULL / primary key: build it loosely instead
        conn.executescript(loosen(table))
        conn.execute(f'UPDATE {table} SET "{name}" = ? WHERE rowid = '
                     f"(SELECT min(rowid) FROM {table})", (value,))
    conn.close()
    untouched = Untouched(path)
    try:
        store = load_store(path)
    except DocumentError as e:
        message = str(e)
        assert "\n" not in message and len(message) < 800
        assert not any(ord(c) < 32 for c in message)
    else:
        assert find_problems(store) == []  # what opens is consistent
    untouched.check()
