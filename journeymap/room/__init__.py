"""The room: participants join a workshop from their own phones. No Qt.

:mod:`~journeymap.room.state` holds what the room knows and enforces (thread-safe);
:mod:`~journeymap.room.view` turns the model into what participants see and room events
back into edits; :mod:`~journeymap.room.journal` keeps unsaved room state next to the
working copy; :mod:`~journeymap.room.server` (needs the ``room`` extra: aiohttp) serves
the page. The Qt side is :mod:`journeymap.ui.room_bridge` and :mod:`journeymap.ui.room_panel`.
"""

from __future__ import annotations

INSTALL_HINT = "pip install 'journeymap[room]'"


def missing_dependencies() -> list[str]:
    """The room extra's packages that are not installed (empty when the room can open)."""
    import importlib.util

    return [m for m in ("aiohttp", "segno") if importlib.util.find_spec(m) is None]


__all__ = ["INSTALL_HINT", "missing_dependencies"]
