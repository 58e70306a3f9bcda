"""Disk full, quotas and I/O errors while saving and editing: one clear DocumentError,
the document unsaved and intact, no temporary or journal file left behind.

Two ways to fill a disk: a real 3 MB tmpfs (needs root and ``mount``; used wherever that
works, e.g. the CI container) and, everywhere, SQLite's own ``max_page_count`` limit on
the working copy, which fails writes with the same SQLITE_FULL error."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from journeymap.model import document
from journeymap.model import edits as E
from journeymap.model.document import Document, DocumentError, load_store, write_store_file
from journeymap.model.templates import load_template


@pytest.fixture
def small_disk(tmp_path):
    """A real 3 MB file system (tmpfs), or skip where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs needs root; the max_page_count tests cover the logic")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` up to ``leave`` free bytes with one file."""
    filler = disk / "filler"
    with open(filler, "wb") as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 65536)
            f.flush()
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "p.jmap"
    write_store_file(load_template("b2b-procurement", "en"), path)
    d = Document.open(path)
    yield d
    d.close()


def test_save_onto_a_full_disk(doc, small_disk):
    doc.apply(E.set_fields(doc.store, "project", "project", title="unsaved work"))
    target = small_disk / "client.jmap"
    fill(small_disk, 20_000)
    with pytest.raises(DocumentError, match=r"^cannot write .*client\.jmap: the disk is full$"):
        doc.save(target)
    assert doc.dirty and doc.path != target  # still unsaved, still its old file
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no temp, no journal
    assert not (doc.folder / "saving.json").exists()
    (small_disk / "filler").unlink()
    doc.save(target)  # space freed: the same document saves
    assert load_store(target).project.title == "unsaved work"


def test_edits_onto_a_full_disk(tmp_path, small_disk, monkeypatch):
    monkeypatch.setenv("JOURNEYMAP_DATA_DIR", str(small_disk / "data"))
    path = tmp_path / "p.jmap"
    write_store_file(load_template("b2b-procurement", "en"), path)
    doc = Document.open(path)
    tp = next(iter(doc.store.tables["touchpoint"]))
    fill(small_disk, 8_000)
    failure = None
    for i in range(200):
        before = doc.store.snapshot()
        try:
            doc.apply(E.set_fields(doc.store, "touchpoint", tp, description=f"{i}" * 5000))
        except DocumentError as e:
            failure = e
            break
    assert failure is not None
    assert "the disk is full" in str(failure) and "Nothing was changed" in str(failure)
    assert "rollback" not in str(failure)
    assert doc.store.snapshot() == before  # the store did not take the failed edit
    (small_disk / "filler").unlink()
    assert doc.working_store_from_disk() == doc.store  # the working copy agrees
    doc.apply(E.set_fields(doc.store, "project", "project", title="after"))
    doc.save()
    assert load_store(path).project.title == "after"
    doc.close()


def limit_working_copy(doc: Document) -> None:
    """Let the working copy grow by almost nothing (SQLite answers SQLITE_FULL)."""
    pages = doc._conn.execute("PRAGMA page_count").fetchone()[0]
    doc._conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_failed_commit_changes_nothing(doc):
    limit_working_copy(doc)
    before = doc.store.snapshot()
    j = doc.store.journeys()[0].id
    s = doc.store
    with pytest.raises(DocumentError, match="the disk is full. Nothing was changed"):
        for i in range(50):
            doc.apply(E.add_touchpoint(doc.store, j, s.lanes(j)[0].role, s.stages(j)[0].id,
                                       "x" * 4000 + str(i)))
    assert len(doc.store.tables["touchpoint"]) >= len(before["touchpoint"])
    assert doc.working_store_from_disk() == doc.store
    assert not doc._conn.in_transaction


def test_a_save_that_fails_half_way_leaves_no_litter(doc, tmp_path, monkeypatch):
    def failing_backup(src, dest):
        conn = sqlite3.connect(dest)
        conn.execute("CREATE TABLE half (x)")  # a partial file and its journal exist
        Path(f"{dest}-journal").write_bytes(b"journal")
        conn.close()
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(document, "_backup", failing_backup)
    doc.apply(E.set_fields(doc.store, "project", "project", title="unsaved"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DocumentError, match="the disk is full$"):
        doc.save(out / "x.jmap")
    assert list(out.iterdir()) == []
    assert doc.dirty


def test_a_crashed_saves_temporary_file_is_removed_at_the_next_start(doc, tmp_path):
    # What a save killed between copy and rename leaves: its record and the temp file.
    target = tmp_path / "client.jmap"
    tmp = tmp_path / ".client.jmap.abc123.tmp"
    tmp.write_bytes(b"half")
    Path(f"{tmp}-journal").write_bytes(b"j")
    (doc.folder / "saving.json").write_text(f'{{"tmp": "{tmp}"}}', "utf-8")
    meta = (doc.folder / "session.json").read_text("utf-8")
    (doc.folder / "session.json").write_text(meta.replace(f'"pid": {os.getpid()}',
                                                           '"pid": 999999999'), "utf-8")
    document.prune_sessions()
    assert not tmp.exists() and not Path(f"{tmp}-journal").exists()
    assert not target.exists()


KILLED_WHILE_OPENING = """
import sys, time
from journeymap.model import document
def slow_build(path, store, upgraded_from=None):
    path.write_bytes(b"half a working copy")
    print("building", flush=True)
    time.sleep(60)
document._build_file = slow_build
document.Document.open(sys.argv[1])
"""


def test_a_working_copy_half_built_by_a_killed_process_is_removed_at_the_next_start(tmp_path):
    import subprocess
    import sys

    from journeymap.model.document import prune_sessions, sessions

    path = tmp_path / "p.jmap"
    write_store_file(load_template("blank", "en"), path)
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WHILE_OPENING, str(path)],
                            stdout=subprocess.PIPE, text=True, env={**os.environ})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "building"
    proc.kill()
    proc.wait(10)
    root = document.data_dir() / "sessions"
    assert len(list(root.iterdir())) == 1  # the litter exists...
    assert prune_sessions() == 1  # ...and the next start removes it
    assert list(root.iterdir()) == [] and sessions() == []
