"""Double-clicks: on a card → ``open_requested(touchpoint)``; on empty cell space →
``add_requested(role, stage)``; on a handoff, or outside the cells, the scene's default."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journeymap.render.handoffs import HandoffArrow
from journeymap.ui.canvas.interactions import Interaction


class DoubleClick(Interaction):
    def mouse_double_click(self, event) -> bool:  # type: ignore[no-untyped-def]
        scene = self.scene
        layout = scene.layout()
        if event.button() != Qt.MouseButton.LeftButton or layout is None:
            return False
        pos = event.scenePos()
        card = scene.card_at(pos)
        if card is not None:
            scene.drag.forget()
            scene.open_requested.emit(card.touchpoint_id)
            return True
        if any(isinstance(item, HandoffArrow) for item in scene.items(pos)):
            return False
        hit = layout.cell_at(pos.x(), pos.y())
        if hit is None:
            return False
        scene.add_requested.emit(*hit)
        return True


__all__ = ["DoubleClick"]
