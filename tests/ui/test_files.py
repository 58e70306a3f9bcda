"""Files from the window: save, reopen, recover after a crash, read-only, damaged files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog

from journeymap.model import edits
from journeymap.model.document import Document, data_dir, load_store, write_store_file
from journeymap.model.templates import load_template
from journeymap.ui.main_window import recent_files

ZOO = Path(__file__).resolve().parents[1] / "data" / "zoo"


def _save_dialog(monkeypatch, path: Path) -> list:
    asked = []

    def fake(*args, **kwargs):
        asked.append(args)
        return str(path), "journeymap projects (*.jmap)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_save_as_then_save_then_reopen(window, monkeypatch, tmp_path, qtbot):
    window.new_from_template("b2b-procurement", "ja")
    store = window.store
    window.quick_add.set_cell(*window.quick_add.cell())
    window.quick_add.line.setText("新しいカード #human ?遅い:5")
    assert window.quick_add.submit()
    path = tmp_path / "client.jmap"
    asked = _save_dialog(monkeypatch, path)
    window.act_save.trigger()  # untitled: asks where
    assert len(asked) == 1
    assert path.exists() and window.doc.path == path.resolve()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("client.jmap")
    assert load_store(path) == store
    # a change, then Save writes without asking
    tid = store.touchpoints(window.journey_id)[0].id
    window.push_edit(edits.set_fields(store, "touchpoint", tid, title="変更"))
    assert window.isWindowModified()
    window.act_save.trigger()
    assert len(asked) == 1 and not window.isWindowModified()
    saved = store.snapshot()
    # recent files remember it
    assert recent_files()[0] == str(path.resolve())
    # reopen: the same project
    window.act_close.trigger()
    assert window.doc is None
    assert window.start_screen.recent.count() == 1
    assert window.open_path(path)
    assert window.store.snapshot() == saved
    assert window.undo_stack.count() == 0 and not window.isWindowModified()


def test_open_dialog(window, monkeypatch, tmp_path):
    path = tmp_path / "a.jmap"
    write_store_file(load_template("blank", "en"), path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.act_open.trigger()
    assert window.doc is not None and window.doc.path == path.resolve()


def _crash(doc: Document) -> None:
    """What a killed process leaves: the working copy, its session naming a dead pid."""
    doc._conn.close()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    meta = json.loads((doc.folder / "session.json").read_text("utf-8"))
    meta["pid"] = dead.pid
    (doc.folder / "session.json").write_text(json.dumps(meta), "utf-8")


def test_recover_after_a_crash(jm_app, qtbot, monkeypatch, message_boxes):
    from journeymap.ui import app as app_module
    from journeymap.ui.dialogs.recovery import RecoveryDialog

    doc = Document.new(load_template("blank", "en"))
    e = edits.add_touchpoint(doc.store, "journey", "buyer", "stage1", "Survived the crash")
    doc.apply(e)
    expected = doc.store.snapshot()
    _crash(doc)
    seen = []

    def accept(self):
        seen.append([s.title for s in self.sessions])
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoveryDialog, "exec", accept)
    windows = app_module.start_windows(None)
    for w in windows:
        qtbot.addWidget(w)
    assert seen == [["New project"]]
    [w] = windows
    assert w.store.snapshot() == expected
    assert w.store.touchpoint(e.subject).title == "Survived the crash"
    assert w.isWindowModified()  # recovered work is unsaved work
    w.discard_document()


def test_recovery_later_and_discard(jm_app, qtbot, monkeypatch):
    from journeymap.model.document import recoverable_sessions
    from journeymap.ui import app as app_module
    from journeymap.ui.dialogs.recovery import DISCARD, LATER, RecoveryDialog

    docs = []
    for title in ("first", "second"):
        d = Document.new(load_template("blank", "en"))
        d.apply(edits.set_fields(d.store, "project", "project", title=title))
        _crash(d)
        docs.append(d)
        time.sleep(0.01)

    def choose(self):
        titles = [s.title for s in self.sessions]
        self.set_choice(titles.index("first"), LATER)
        self.set_choice(titles.index("second"), DISCARD)
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoveryDialog, "exec", choose)
    windows = app_module.start_windows(None)
    for w in windows:
        qtbot.addWidget(w)
    [w] = windows
    assert w.doc is None  # start screen
    assert [s.title for s in recoverable_sessions()] == ["first"]


def test_open_in_another_instance_is_read_only(window, tmp_path, message_boxes, monkeypatch):
    path = tmp_path / "shared.jmap"
    write_store_file(load_template("blank", "en"), path)
    folder = data_dir() / "sessions" / "other-instance"
    folder.mkdir(parents=True)
    (folder / "session.json").write_text(json.dumps({
        "pid": os.getppid(), "host": socket.gethostname(), "path": str(path.resolve()),
        "dirty": False, "started": time.time()}), "utf-8")
    assert window.open_path(path)
    assert window.doc.read_only
    assert window.banner.isVisible()
    assert "another journeymap window" in window.banner_label.text()
    assert "read-only" in window.windowTitle()
    assert not window.quick_add.line.isEnabled()
    assert not window.inspector.isEnabled()
    assert not window.act_paste.isEnabled()
    # an edit asked anyway is refused with one message, nothing changes
    before = window.store.snapshot()
    assert not window.push_edit(edits.add_touchpoint(window.store, "journey", "buyer",
                                                     "stage1", "x"))
    assert window.store.snapshot() == before and len(message_boxes.calls) == 1
    # Save As… to edit a copy
    copy = tmp_path / "copy.jmap"
    _save_dialog(monkeypatch, copy)
    window.banner_button.click()
    assert copy.exists() and not window.doc.read_only
    assert not window.banner.isVisible() and window.quick_add.line.isEnabled()


@pytest.mark.parametrize("name", ["truncated.jmap", "other-app.jmap", "newer.jmap",
                                  "random.jmap", "empty.jmap", "picture.jmap"])
def test_damaged_file_one_message_nothing_changes(window, message_boxes, name, tmp_path):
    window.new_from_template("blank", "en")
    doc = window.doc
    window.push_edit(edits.add_touchpoint(doc.store, "journey", "buyer", "stage1", "Keep me"))
    snapshot = doc.store.snapshot()
    src = ZOO / name
    path = tmp_path / name
    path.write_bytes(src.read_bytes())
    message_boxes.answer = message_boxes.answer.Discard
    assert not window.open_path(path)
    assert path.read_bytes() == src.read_bytes()
    errors = message_boxes.texts("critical")
    assert len(errors) == 1 and name in errors[0]
    assert window.doc is doc and doc.store.snapshot() == snapshot


def test_export_json_and_mermaid(window, monkeypatch, tmp_path):
    from journeymap.model.jsonio import read_json_file

    window.new_from_template("b2b-procurement", "en")
    out = tmp_path / "p.json"
    _save_dialog(monkeypatch, out)
    window.act_export_json.trigger()
    assert read_json_file(out) == window.store
    mmd = tmp_path / "p.mmd"
    _save_dialog(monkeypatch, mmd)
    window.act_export_mermaid.trigger()
    assert mmd.read_text("utf-8").startswith("journey")


def test_window_geometry_and_recent_files_are_remembered(window, qtbot, tmp_path):
    from journeymap.ui.main_window import MainWindow

    path = tmp_path / "r.jmap"
    write_store_file(load_template("blank", "en"), path)
    assert window.open_path(path)
    assert window.pages.currentWidget() is window.editor_page
    window.resize(1100, 900)
    window.close()
    assert not QSettings().value("window/geometry").isEmpty()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    assert w2.size().width() > 640  # restored (the offscreen screen clamps it to 800 px)
    assert w2._dock_state is not None  # dock layout comes back with the next project
    w2.fill_recent_menu()
    assert any("r.jmap" in a.text() for a in w2.recent_menu.actions())
