"""The facilitator's panel in a real main window: open / close, events on the GUI thread,
accept / dismiss, a round in one undo step, text shown as text, recovery after a kill."""

from __future__ import annotations

import contextlib
import json
import threading
import urllib.request

import pytest
from PySide6.QtCore import QSettings, Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from journeymap.model.document import Document
from journeymap.room.journal import journal_path, read_journal
from journeymap.ui.main_window import MainWindow
from journeymap.ui.room_panel import KEY_LOOPBACK, KEY_PORT
from tests.room.conftest import call


@pytest.fixture
def window(qtbot, store):
    QSettings().setValue(KEY_LOOPBACK, True)
    QSettings().setValue(KEY_PORT, 0)
    w = MainWindow()
    w.ask_save_changes = lambda: QMessageBox.StandardButton.Discard   # no modal box
    qtbot.addWidget(w)
    w.set_document(Document.new(store))
    yield w
    with contextlib.suppress(RuntimeError):     # pytest-qt may have deleted it already
        forget(w)


def forget(w) -> None:
    """Nothing to save: closing the window at teardown must not ask (a modal box)."""
    w.room.close_room()
    w.undo_stack.clear()
    if w.doc is not None:
        w.doc.mark_clean()
    w._base_dirty = False  # noqa: SLF001


def base(w) -> str:
    return w.room.url


def join(w, name: str) -> str:
    status, _, body = call(base(w), "api/join", {"name": name})
    assert status == 200, body
    return json.loads(body)["key"]


def test_open_shows_a_qr_code_and_a_loopback_url_close_kills_it(window, qtbot) -> None:
    room = window.room
    window.act_room.trigger()
    assert room.is_open and not window.room_panel.isHidden()
    assert room.url.startswith("http://127.0.0.1:")
    assert window.room_panel.qr.renderer().isValid()
    assert window.room_panel.url.text() == room.url
    url = room.url
    assert call(url, "")[0] == 200
    window.room_panel.open_button.click()                 # "Close the room"
    assert not room.is_open and window.room_panel.url.text() == ""
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=3)


def test_events_arrive_on_the_gui_thread_and_the_panel_lists_them(window, qtbot) -> None:
    room = window.room
    room.open_room()
    threads: list[bool] = []
    room.bridge.event.connect(
        lambda _e: threads.append(QThread.currentThread() is QApplication.instance().thread()))
    probe = '<img src=x onerror="alert(1)"><b>Bold</b>'
    key = join(window, probe)
    call(base(window), "api/suggest", {"card": "t1", "kind": "pain", "title": probe,
                                       "severity": 4}, key)
    qtbot.waitUntil(lambda: window.room_panel.suggestions.count() == 1, timeout=5000)
    assert threads and all(threads)
    panel = window.room_panel
    assert panel.people.item(0).text() == probe                # plain text, as typed
    assert probe in panel.suggestions.item(0).text()
    for label in (panel.progress, panel.top, panel.note, panel.url):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_accept_is_an_undoable_edit_naming_the_participant(window, qtbot) -> None:
    room = window.room
    room.open_room()
    key = join(window, "Aiko")
    call(base(window), "api/suggest", {"card": "t1", "kind": "pain", "title": "Quote takes "
                                       "a week", "severity": 5}, key)
    call(base(window), "api/suggest", {"card": "t2", "kind": "comment", "title": "Ask IT"},
         key)
    # the state has them at once; the panel once the queued events reach the GUI thread
    qtbot.waitUntil(lambda: window.room_panel.suggestions.count() == 2, timeout=5000)
    before = len(window.store.tables["pain_point"])
    window.room_panel.suggestions.setCurrentRow(0)
    window.room_panel.accept_button.click()
    assert window.room_panel.note.text() == ""
    pains = [p for p in window.store.tables["pain_point"].values() if p.title ==
             "Quote takes a week"]
    assert len(pains) == 1 and pains[0].severity == 5 and "Aiko" in pains[0].evidence
    assert [s.kind for s in room.pending()] == ["comment"]
    window.room_panel.dismiss_button.click()
    assert room.pending() == [] and window.room_panel.suggestions.count() == 0
    # the card's new pain point is on the phones at once
    state = json.loads(call(base(window), "api/state", key=key)[2])
    assert "Quote takes a week" in [p["title"] for c in state["cards"] for p in c["pains"]]
    window.undo_stack.undo()
    assert len(window.store.tables["pain_point"]) == before


def test_a_round_is_two_actions_and_one_undo_step(window, qtbot) -> None:
    room = window.room
    room.open_room()
    keys = {n: join(window, n) for n in ("A", "B", "C")}
    panel = window.room_panel
    panel.dots.setValue(2)
    panel.start_button.click()                                   # action 1
    plan = {"A": ["p3", "p3"], "B": ["p3", "a2"], "C": ["p2"]}

    def vote(name: str) -> None:
        for t in plan[name]:
            assert call(base(window), "api/vote", {"target": t}, keys[name])[0] == 200

    ts = [threading.Thread(target=vote, args=(n,)) for n in plan]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    qtbot.waitUntil(lambda: "5 dots" in panel.progress.text(), timeout=5000)
    votes_before = len(window.store.votes())
    steps = window.undo_stack.count()
    panel.end_button.click()                                     # action 2
    assert window.undo_stack.count() == steps + 1
    new = window.store.votes()[votes_before:]
    assert sorted((v.participant, v.target) for v in new) == sorted(
        (n, t) for n, ts in plan.items() for t in ts)
    assert "Portal login fails" in panel.top.text()              # p3, three dots and severity 5
    assert not room.state.round_open
    window.undo_stack.undo()
    assert len(window.store.votes()) == votes_before


def test_pending_items_survive_a_kill_and_are_offered_back(window, qtbot, store) -> None:
    room = window.room
    room.open_room()
    key = join(window, "Ken")
    room.start_round(3)
    call(base(window), "api/vote", {"target": "p1"}, key)
    call(base(window), "api/suggest", {"card": "t2", "kind": "pain", "title": "No stock info",
                                       "severity": 3}, key)
    folder = window.doc.folder
    # written on the GUI thread as each event arrives
    qtbot.waitUntil(lambda: len((read_journal(folder) or {}).get("pending", [])) == 1,
                    timeout=5000)
    saved = read_journal(folder)
    assert saved["round"]["placed"] == {"Ken": ["p1"]}
    assert saved["pending"][0]["title"] == "No stock info"
    assert window.doc.dirty                      # the working copy stays recoverable
    # "kill": a new window takes over the working copy's folder
    room.close_room()
    other = MainWindow()
    qtbot.addWidget(other)
    doc = Document(folder, store.copy(), None, dirty=True)
    other.set_document(doc)
    assert other.room.recovered is not None and not other.room_panel.recovered.isHidden()
    assert "1 pending" in other.room_panel.recovered_label.text()
    other.room_panel.restore_button.click()
    assert [s.title for s in other.room.pending()] == ["No stock info"]
    assert other.room.state.round_dots() == [("Ken", "p1")]
    assert journal_path(folder).exists()
    forget(other)


def test_missing_extra_says_how_to_install(window, monkeypatch) -> None:
    monkeypatch.setattr("journeymap.ui.room_panel.missing_dependencies", lambda: ["aiohttp"])
    assert not window.room.open_room()
    assert "pip install 'journeymap[room]'" in window.room_panel.note.text()
    assert not window.room.is_open


def test_closing_the_document_closes_the_room(window) -> None:
    window.room.open_room()
    assert window.room.is_open
    forget(window)
    window.room.open_room()
    assert window.close_document()
    assert not window.room.is_open


def test_leaving_workshop_mode_closes_the_room(window, qtbot) -> None:
    window.show()
    window.workshop.enter()
    window.act_room.trigger()
    assert window.room.is_open and not window.room_panel.isHidden()
    window.workshop.leave()
    assert not window.room.is_open


def test_phones_follow_the_stage_on_the_projector(window, qtbot) -> None:
    from journeymap.model import edits

    store = window.store
    window.push_edit(edits.add_stage(store, "soe", "Evaluation"))
    stage = store.stages("soe")[-1].id
    window.push_edit(edits.add_touchpoint(store, "soe", store.lanes("soe")[0].role, stage,
                                          "Trial order"))
    window.show()
    window.workshop.enter()
    window.room.open_room()
    key = join(window, "Aiko")
    state = json.loads(call(base(window), "api/state", key=key)[2])
    assert state["stage"]["index"] == 1 and state["stage"]["count"] == 2
    window.workshop.next_stage()
    state = json.loads(call(base(window), "api/state", key=key)[2])
    assert state["stage"]["name"] == "Evaluation"
    assert [c["title"] for c in state["cards"]] == ["Trial order"]
    window.workshop.leave()
