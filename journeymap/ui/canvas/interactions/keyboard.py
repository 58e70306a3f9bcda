"""The map's keys: arrows move the selection to the nearest card in that direction,
Ctrl+Shift+arrow moves the selected cards one cell, Delete/Backspace deletes the
selected cards (else the selected handoffs), Enter opens the current card, Escape
cancels a drag or a handoff being drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journeymap.model import edits
from journeymap.render.handoffs import HandoffArrow
from journeymap.ui.canvas.interactions import Interaction

ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
          Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


class Keyboard(Interaction):
    def key_press(self, event) -> bool:  # type: ignore[no-untyped-def]
        scene = self.scene
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape and scene.gesture_active():
            scene.cancel_gestures()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._delete_selection()
        elif key in ARROWS and mods & Qt.KeyboardModifier.ControlModifier \
                and mods & Qt.KeyboardModifier.ShiftModifier:
            self._move_selection_one_cell(*ARROWS[key])
        elif key in ARROWS and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self._navigate(*ARROWS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and scene.current is not None:
            card = scene.card_item(scene.current)
            if card is None or not card.isSelected():
                return False
            scene.open_requested.emit(scene.current)
        else:
            return False
        return True

    def _delete_selection(self) -> None:
        scene = self.scene
        ids = scene.selected_touchpoint_ids()
        if ids:
            scene.request_edit(lambda: edits.delete(scene.store, "touchpoint", ids))
            return
        hids = [i.handoff_id for i in scene.selectedItems() if isinstance(i, HandoffArrow)]
        if hids:
            scene.request_edit(lambda: edits.delete(scene.store, "handoff", hids))

    def _navigate(self, dx: int, dy: int) -> None:
        """Select the nearest card in a direction: left/right across stages, up/down
        through the cards of a cell and then the lanes."""
        scene = self.scene
        order = scene.touchpoint_ids()
        if not order:
            return
        cur = scene.card_item(scene.current) if scene.current is not None else None
        if cur is None:
            scene.select_touchpoints(order[:1])
            self._ensure_visible(order[0])
            return
        c = cur.pos()
        best, best_score = None, float("inf")
        for tid, card in scene.cards().items():
            p = card.pos()
            ddx, ddy = p.x() - c.x(), p.y() - c.y()
            along, across = (ddx * dx, abs(ddy)) if dx else (ddy * dy, abs(ddx))
            if along <= 1:
                continue
            score = along + 3 * across
            if score < best_score:
                best, best_score = tid, score
        if best is not None:
            scene.select_touchpoints([best])
            self._ensure_visible(best)

    def _ensure_visible(self, tid: str) -> None:
        card = self.scene.card_item(tid)
        if card is not None:
            for view in self.scene.views():
                view.ensureVisible(card, 40, 40)

    def _move_selection_one_cell(self, dx: int, dy: int) -> None:
        scene = self.scene
        layout = scene.layout()
        ids = scene.selected_touchpoint_ids()
        if layout is None or not ids:
            return
        cur = scene.current if scene.current in ids else ids[0]
        cell = scene.card_cell(cur)
        if cell is None:
            return
        role, stage = cell
        si, li = layout.stage_index(stage) + dx, layout.lane_index(role) + dy
        if not (0 <= si < len(layout.stages) and 0 <= li < len(layout.lanes)):
            return
        scene.request_edit(lambda: edits.move_touchpoints(scene.store, ids, layout.lanes[li],
                                                          layout.stages[si]))


__all__ = ["ARROWS", "Keyboard"]
