"""Room tests: a project with a few cards, pain points and actions; private QSettings."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent.parent / "data"


def room_store():  # -> Store
    """small.json plus two pain points and a second action: four pains/actions to vote on."""
    from journeymap.model import edits
    from journeymap.model.jsonio import read_json_file

    store = read_json_file(DATA / "small.json")
    for make in (lambda: edits.add_pain_point(store, "t2", "No price list", severity=3),
                 lambda: edits.add_pain_point(store, "t1", "Portal login fails", severity=5),
                 lambda: edits.add_action(store, "Publish a price list", ["p2"])):
        store.apply(list(make().changes))
    return store


@pytest.fixture
def store():  # -> Store
    return room_store()


def call(base: str, path: str, body: Any = None, key: str | None = None,
         raw: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request to the room: (status, headers, body)."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    h = {"Content-Type": "application/json"} if data is not None else {}
    if key:
        h["X-Room-Key"] = key
    h.update(headers or {})
    req = urllib.request.Request(base + path, data=data, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture(autouse=True)
def _private_settings(tmp_path):
    """QSettings in a folder of this test only (as in tests/ui)."""
    try:
        from PySide6.QtCore import QSettings, QStandardPaths
    except ImportError:
        yield
        return
    QStandardPaths.setTestModeEnabled(True)
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    before = str(Path(QSettings(fmt, scope, "x", "y").fileName()).parent.parent)
    QSettings.setPath(fmt, scope, str(tmp_path / "settings"))
    yield
    QSettings.setPath(fmt, scope, before)
