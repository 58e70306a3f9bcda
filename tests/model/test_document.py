from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from journeymap.model import edits as E
from journeymap.model.document import (
    Document,
    DocumentError,
    check_file,
    load_store,
    open_elsewhere,
    recoverable_sessions,
    write_store_file,
)
from journeymap.model.jsonio import dumps_project
from journeymap.model.sqlrows import APPLICATION_ID, SCHEMA_VERSION
from journeymap.model.templates import load_template

DATA = Path(__file__).parent.parent / "data"
ZOO = DATA / "zoo"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "client.jmap"
    write_store_file(load_template("b2b-procurement", "ja"), path)
    return path


def test_file_identifies_itself(saved):
    conn = sqlite3.connect(saved)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID == 0x4A4D4150
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert not Path(f"{saved}-wal").exists() and not Path(f"{saved}-journal").exists()


def test_edit_is_committed_to_the_working_copy(saved):
    doc = Document.open(saved)
    j = doc.store.journeys()[0].id
    doc.apply(E.add_touchpoint(doc.store, j, doc.store.lanes(j)[0].role,
                               doc.store.stages(j)[0].id, "ウェブ見積"))
    # the working copy on disk already holds the edit (nothing waits for Save)
    assert doc.working_store_from_disk() == doc.store
    assert doc.dirty
    # ...but the user's file does not until Save
    assert "ウェブ見積" not in dumps_project(load_store(saved))
    doc.save()
    assert not doc.dirty
    assert dumps_project(load_store(saved)) == dumps_project(doc.store)
    doc.close()
    assert not doc.folder.exists()


def test_save_as_writes_a_new_file_and_keeps_the_old(saved, tmp_path):
    before = digest(saved)
    doc = Document.open(saved)
    doc.apply(E.set_fields(doc.store, "project", "project", title="別名"))
    doc.save(tmp_path / "copy")  # extension added
    assert doc.path == (tmp_path / "copy.jmap").resolve()
    assert load_store(tmp_path / "copy.jmap").project.title == "別名"
    assert digest(saved) == before
    doc.close()


def test_listeners_hear_each_change(saved):
    doc = Document.open(saved)
    heard = []
    doc.add_listener(heard.append)
    e = E.set_fields(doc.store, "project", "project", client="ACME")
    doc.apply(e)
    doc.apply(e.inverse())
    assert len(heard) == 2 and heard[0][0].after.client == "ACME"
    doc.close()


def test_crashed_session_is_offered_for_recovery(saved):
    doc = Document.open(saved)
    doc.apply(E.set_fields(doc.store, "project", "project", title="未保存の変更"))
    # simulate a crash: the process "dies" (session pid rewritten to a dead one)
    meta = json.loads((doc.folder / "session.json").read_text())
    meta["pid"] = 999_999_999
    (doc.folder / "session.json").write_text(json.dumps(meta))
    doc._conn.close()
    found = recoverable_sessions()
    assert [s.folder for s in found] == [doc.folder]
    recovered = Document.recover(found[0])
    assert recovered.store.project.title == "未保存の変更"
    assert recovered.path == saved.resolve() and recovered.dirty
    recovered.save()
    assert load_store(saved).project.title == "未保存の変更"
    recovered.close()
    assert recoverable_sessions() == []


def test_clean_session_is_not_offered_and_is_pruned(saved):
    from journeymap.model.document import prune_sessions, sessions

    doc = Document.open(saved)
    meta = json.loads((doc.folder / "session.json").read_text())
    meta["pid"] = 999_999_999
    (doc.folder / "session.json").write_text(json.dumps(meta))
    assert recoverable_sessions() == []
    live = Document.open(saved)  # this process's own session is never pruned
    assert prune_sessions() == 1
    assert not doc.folder.exists() and [s.folder for s in sessions()] == [live.folder]
    live.close()


def test_file_open_in_another_process_opens_read_only(saved):
    doc = Document.open(saved)
    meta = json.loads((doc.folder / "session.json").read_text())
    meta["pid"] = os.getppid()  # a live process that is not us
    (doc.folder / "session.json").write_text(json.dumps(meta))
    assert open_elsewhere(saved) is not None
    second = Document.open(saved)
    assert second.read_only
    with pytest.raises(DocumentError, match="read-only"):
        second.apply(E.set_fields(second.store, "project", "project", title="x"))
    second.close()
    doc.close()


@pytest.mark.parametrize(("name", "words"), [
    ("empty.jmap", "is empty"),
    ("random.jmap", "not a journeymap project"),
    ("picture.jmap", "not a journeymap project"),
    ("other-app.jmap", "another application"),
    ("truncated.jmap", "damaged"),
    ("newer.jmap", "newer version of journeymap"),
])
def test_bad_files_are_refused_and_left_unchanged(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes((ZOO / name).read_bytes())
    before = digest(path)
    with pytest.raises(DocumentError, match=words):
        Document.open(path)
    with pytest.raises(DocumentError, match=words):
        load_store(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_missing_file_and_folder():
    with pytest.raises(DocumentError, match="does not exist"):
        check_file("/nonexistent/x.jmap")
    with pytest.raises(DocumentError, match="folder"):
        check_file(DATA)


def test_version_1_file_is_upgraded_without_touching_it(tmp_path):
    old = tmp_path / "old.jmap"
    old.write_bytes((DATA / "v1-sample.jmap").read_bytes())
    before = digest(old)
    assert check_file(old).version == 1
    store = load_store(old)
    assert store.project.title == "テスト案件 🚀"
    doc = Document.open(old)
    assert doc.store == store
    assert digest(old) == before  # opening never writes the user's file
    doc.save()
    assert check_file(old).version == SCHEMA_VERSION
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT value FROM meta WHERE key='upgraded_from'").fetchone() == ("1",)
    conn.close()
    doc.close()


def test_unwritable_target_gives_a_message_and_no_file(saved, tmp_path):
    doc = Document.open(saved)
    with pytest.raises(DocumentError, match="cannot write"):
        doc.save(tmp_path / "no-such-folder" / "x.jmap")
    (tmp_path / "d.jmap").mkdir()
    with pytest.raises(DocumentError, match="folder"):
        doc.save(tmp_path / "d.jmap")
    doc.close()


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from journeymap.model import document
    from journeymap.model.templates import load_template
    real = document._backup
    def slow_backup(src, dest):
        real(src, dest)
        print("copied", flush=True)
        time.sleep(30)  # killed here: the temporary file exists, the rename has not happened
    doc = document.Document.open(sys.argv[1])
    from journeymap.model import edits
    doc.apply(edits.set_fields(doc.store, "project", "project", title="half-written"))
    document._backup = slow_backup
    print("saving", flush=True)
    doc.save()
""")


def test_killing_the_writer_mid_save_leaves_the_old_file(saved, tmp_path):
    before = digest(saved)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(saved)], stdout=subprocess.PIPE,
                            text=True, env={**os.environ})
    assert proc.stdout is not None
    lines = [proc.stdout.readline().strip() for _ in range(2)]
    assert lines == ["saving", "copied"]
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert digest(saved) == before
    assert load_store(saved).project.title != "half-written"
    # the leftover temp file sits beside it, hidden; the working copy is recoverable
    time.sleep(0.05)
    rec = recoverable_sessions()
    assert rec and rec[0].path == str(saved.resolve())
    assert Document.recover(rec[0]).store.project.title == "half-written"


def test_saved_files_get_normal_permissions(saved, tmp_path):
    import stat as st

    umask = os.umask(0o022)
    os.umask(umask)
    expected = 0o666 & ~umask
    assert st.S_IMODE(saved.stat().st_mode) == expected  # not mkstemp's private 0600
    saved.chmod(0o640)
    doc = Document.open(saved)
    doc.apply(E.set_fields(doc.store, "project", "project", title="mode"))
    doc.save()
    assert st.S_IMODE(saved.stat().st_mode) == 0o640  # a replaced file keeps its mode
    doc.close()
