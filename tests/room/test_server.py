"""The room's HTTP surface on 127.0.0.1: the token on every route, a closed room,
body and rate limits, refusals with messages, no file access, text stays text."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from journeymap.room.server import MAX_BODY, RoomServer, preferred_language
from journeymap.room.state import Limits, RoomState
from journeymap.room.view import build_view
from tests.room.conftest import call

ROUTES = [("GET", ""), ("GET", "app.js"), ("GET", "app.css"), ("GET", "font/ipaexg.ttf"),
          ("POST", "api/join"), ("GET", "api/state"), ("POST", "api/suggest"),
          ("POST", "api/vote"), ("POST", "api/unvote"), ("GET", "api/events")]


@pytest.fixture
def server(store):
    st = RoomState(limits=Limits(join=(1000, 100.0)))
    st.set_view(build_view(store, "soe", None, "Which pain hurts most?"))
    srv = RoomServer(st, "127.0.0.1", 0)
    srv.start()
    yield srv
    srv.stop()


def base(srv: RoomServer, token: str | None = None) -> str:
    return f"http://127.0.0.1:{srv.port}/{srv.token if token is None else token}/"


def join(srv: RoomServer, name: str) -> str:
    status, _, body = call(base(srv), "api/join", {"name": name})
    assert status == 200, body
    return json.loads(body)["key"]


def test_every_route_needs_the_token(server) -> None:
    key = join(server, "Aiko")
    good = server.token
    for token in ("", "x" * len(good), good[:-1], good + "x", good.upper(), "..", "%2e%2e"):
        for method, path in ROUTES:
            status, headers, body = call(base(server, token), path,
                                         {} if method == "POST" else None, key)
            assert status == 404 and body == b"", (token, path)
    # and with it, the same routes answer (the page, files, API)
    for _method, path in ROUTES[:4]:
        assert call(base(server), path)[0] == 200, path
    status, headers, _ = call(base(server), "api/state", key=key)
    assert status == 200
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_an_expired_token_and_a_closed_room_answer_nothing(store) -> None:
    st = RoomState()
    st.set_view(build_view(store, "soe", None))
    first = RoomServer(st, "127.0.0.1", 0)
    first.start()
    old = base(first)
    assert call(old, "")[0] == 200
    first.stop()
    with pytest.raises(urllib.error.URLError):           # the port is closed
        urllib.request.urlopen(old, timeout=5)
    second = RoomServer(st, "127.0.0.1", 0)             # the room opened again
    second.start()
    try:
        assert second.token != old.split("/")[3]
        status, _, body = call(f"http://127.0.0.1:{second.port}/{old.split('/')[3]}/", "")
        assert (status, body) == (404, b"")
        assert call(base(second), "")[0] == 200
    finally:
        second.stop()


def test_no_files_but_the_page(server) -> None:
    for path in ("../", "..%2f..%2fetc%2fpasswd", "page/", "page/app.js", "server.py",
                 "app.js/../../server.py", "font/", "font/../state.py", "api/", "api",
                 ".git/config", "index.html", "%2e%2e/%2e%2e/pyproject.toml"):
        status, _, body = call(base(server), path)
        assert status == 404, path
        assert b"import" not in body and b"journeymap" not in body, path


def test_bodies_are_small_json_objects(server) -> None:
    key = join(server, "Ken")
    server.state.start_round(3)
    status, _, body = call(base(server), "api/vote", raw=b'{"target": "' + b"x" * MAX_BODY
                           + b'"}', key=key)
    assert status == 413 and json.loads(body)["error"] == "too_large"
    for raw in (b"not json", b"[1, 2]", b'"p1"', b"\xff\xfe"):
        status, _, body = call(base(server), "api/vote", raw=raw, key=key)
        assert status == 400 and json.loads(body)["error"] == "bad_request"
    status, _, _ = call(base(server), "api/vote", raw=b'{"target":"p1"}', key=key,
                        headers={"Content-Type": "text/plain"})
    assert status == 415
    assert server.state.round_dots() == []


def test_refusals_come_with_a_message(server) -> None:
    key = join(server, "Mei")
    b = base(server)
    status, _, body = call(b, "api/vote", {"target": "p1"})          # no key
    assert status == 401 and json.loads(body)["error"] == "not_joined"
    status, _, body = call(b, "api/vote", {"target": "p1"}, "not-a-key")
    assert status == 401
    server.state.start_round(2)
    assert json.loads(call(b, "api/vote", {"target": "p1"}, key)[2]) == {"left": 1}
    assert json.loads(call(b, "api/vote", {"target": "p3"}, key)[2]) == {"left": 0}
    status, _, body = call(b, "api/vote", {"target": "p2"}, key)
    assert status == 409 and "dots" in json.loads(body)["message"]
    status, _, body = call(b, "api/vote", {"target": "nope"}, key)
    assert status == 404 and json.loads(body)["error"] == "unknown_target"
    status, _, body = call(b, "api/suggest", {"card": "t1", "kind": "pain", "title": "x",
                                              "severity": 7}, key)
    assert status == 400 and json.loads(body)["error"] == "bad_severity"
    status, _, body = call(b, "api/join", {"name": "Mei"})          # Mei is taken
    assert status == 409 and json.loads(body)["error"] == "name_taken"
    assert server.state.round_dots() == [("Mei", "p1"), ("Mei", "p3")]


def test_rate_limit_answers_429(store) -> None:
    st = RoomState(limits=Limits(act=(5, 0.01)))
    st.set_view(build_view(store, "soe", None))
    srv = RoomServer(st, "127.0.0.1", 0)
    srv.start()
    try:
        key = join(srv, "Fast")
        st.start_round(50)
        statuses = [call(base(srv), "api/vote", {"target": "p1"}, key)[0] for _ in range(8)]
        assert statuses[:5] == [200] * 5 and set(statuses[5:]) == {429}
        assert len(st.round_dots()) == 5
    finally:
        srv.stop()


def test_xss_probe_stays_text_in_json_and_the_page_carries_no_data(server) -> None:
    probe = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    status, headers, body = call(base(server), "api/join", {"name": probe})
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    key = json.loads(body)["key"]
    call(base(server), "api/suggest", {"card": "t1", "kind": "pain", "title": probe,
                                       "severity": 2}, key)
    state = json.loads(call(base(server), "api/state", key=key)[2])
    assert state["me"] == probe and state["pending"][0]["title"] == probe
    page = call(base(server), "")[2].decode()
    assert "onerror" not in page and "alert" not in page       # data never enters the HTML
    js = call(base(server), "app.js")[2].decode()
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js


def test_events_stream_sends_the_participants_state(server) -> None:
    key = join(server, "Yui")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall(f"GET /{server.token}/api/events?k={key} HTTP/1.1\r\nHost: x\r\n\r\n"
                  .encode())
        got = b""
        while b"Which pain" not in got:
            got += s.recv(65536)
        assert b"text/event-stream" in got and b"Which pain hurts most?" in got
        server.state.start_round(4)
        more = b""
        while b'"dots": 4' not in more:
            more += s.recv(65536)


def test_language_follows_accept_language(server) -> None:
    assert preferred_language("ja,en-US;q=0.8") == "ja"
    assert preferred_language("en-GB,ja;q=0.5") == "en"
    assert preferred_language("fr-FR, ja;q=0.3") == "ja"
    assert preferred_language(None) == "en"
    page = call(base(server), "", headers={"Accept-Language": "ja-JP,ja;q=0.9"})[2]
    assert b'<html lang="ja">' in page


def test_the_room_package_imports_no_qt() -> None:
    code = ("import sys, journeymap.room.server, journeymap.room.view, journeymap.room.journal;"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
