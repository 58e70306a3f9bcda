"""Gestures on the journey map, one object per gesture.

:class:`~journeymap.ui.canvas.scene.JourneyScene` hands its mouse and key events to these
objects in turn; the first that takes an event handles it. A gesture never changes the
store: it builds an :class:`~journeymap.model.edits.Edit` and asks the scene to request it
(:meth:`JourneyScene.request_edit`).

- :mod:`.drag_cards` — press, click-select and drag cards to a cell or slot;
- :mod:`.draw_handoff` — drag from a card's round handle to another card;
- :mod:`.double_click` — double-click opens a card or adds one to an empty cell;
- :mod:`.keyboard` — arrows, Ctrl+Shift+arrows, Delete, Enter, Escape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent

    from journeymap.ui.canvas.scene import JourneyScene


class Interaction:
    """A gesture: each handler returns True when it took the event."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def active(self) -> bool:
        """Is the gesture under way (Escape would cancel it)?"""
        return False

    def cancel(self) -> None:
        """Abandon the gesture, leaving the map as it was."""


__all__ = ["Interaction"]
