"""Shared test setup: offscreen Qt, and a private data folder for working copies."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The derived font is cached per machine; tests keep theirs out of the user's cache.
os.environ.setdefault("JOURNEYMAP_CACHE_DIR", tempfile.mkdtemp(prefix="jm-cache-"))

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> Path:
    """Working copies and sessions go to a fresh folder, never the user's."""
    folder = tmp_path_factory.mktemp("jm-data")
    monkeypatch.setenv("JOURNEYMAP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def small_json() -> Path:
    return DATA / "small.json"


@pytest.fixture
def small_store():  # -> Store
    from journeymap.model.jsonio import read_json_file

    return read_json_file(DATA / "small.json")

# PySide6 6.12 on Python 3.11 drops a reference to None on every void call; the
# app applies the workaround on `import journeymap.ui`, tests apply it up front too.
import journeymap.ui.pyside_none_fix  # noqa: E402,F401
