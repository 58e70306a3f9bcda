"""The Qt-free model: rows, store, edits, the .jmap file and the JSON format."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()
