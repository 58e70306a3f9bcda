"""The room's unsaved state in a side file next to the working copy. No Qt.

Pending suggestions and the dots of an open round are not model rows until the
facilitator accepts them or ends the round, yet nothing a participant did may be lost
when the app is killed. They are written, atomically on every change, to
``room.json`` in the document's working-copy folder (``Document.folder``): recovery
takes over that folder, so the file comes back with the project. It is a side file
rather than a table so that the project's schema (and every ``.jmap`` a user saves)
stays free of transient workshop state.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

FILE_NAME = "room.json"


def journal_path(folder: Path | str) -> Path:
    return Path(folder) / FILE_NAME


def has_content(data: dict[str, Any] | None) -> bool:
    """Whether a dump holds something worth offering back (pending items or a round)."""
    return bool(data) and bool(data.get("pending") or data.get("round"))  # type: ignore[union-attr]


def write_journal(folder: Path | str, data: dict[str, Any]) -> None:
    """Write ``data`` atomically (temp file, fsync, rename): a crash leaves the old or
    the new file, never half of one. OSError is raised to the caller."""
    target = journal_path(folder)
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def read_journal(folder: Path | str) -> dict[str, Any] | None:
    """The saved room state, or None when there is none or it cannot be read."""
    try:
        data = json.loads(journal_path(folder).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remove_journal(folder: Path | str) -> None:
    with contextlib.suppress(OSError):
        journal_path(folder).unlink()


__all__ = ["FILE_NAME", "has_content", "journal_path", "read_journal", "remove_journal",
           "write_journal"]
