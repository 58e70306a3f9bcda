"""Pressing, click-selecting and dragging cards.

A press on a card selects it (Ctrl toggles, Shift adds); moving past the drag distance
drags the card — or every selected card — with the mouse, outlining the cell under it.
Releasing in a cell requests one ``move_touchpoints`` edit (to the slot under the
pointer); outside every cell, or where the cards already are, they snap back. A click
on a card of a multi-selection selects just that card.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem

from journeymap.model import edits
from journeymap.render.cards import CardItem
from journeymap.render.items import safe_paint
from journeymap.render.scene import qrect
from journeymap.render.theme import Z_CARD, Z_DRAG, Z_DROP, Theme
from journeymap.ui.canvas.interactions import Interaction


class DropIndicator(QGraphicsItem):
    """The cell a drag would drop into, outlined."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self._rect = QRectF()
        self.setZValue(Z_DROP)
        self.setVisible(False)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        fill = QColor(self.theme.accent)
        fill.setAlpha(40)
        painter.setBrush(QBrush(fill))
        painter.setPen(QPen(self.theme.accent, 3.0, Qt.PenStyle.DashLine))
        painter.drawRect(self._rect.adjusted(1.5, 1.5, -1.5, -1.5))


@dataclass
class Press:
    card: CardItem
    pos: QPointF
    was_selected: bool
    dragging: bool = False
    cards: list[tuple[CardItem, QPointF]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


class DragCards(Interaction):
    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        super().__init__(scene)
        self.press: Press | None = None
        self.drop: DropIndicator | None = None

    def add_indicator(self) -> None:
        """Make the drop outline for a freshly built scene (the old one went with it)."""
        self.drop = DropIndicator(self.scene.theme)
        self.scene.addItem(self.drop)

    def holds(self, touchpoint_id: str) -> bool:
        press = self.press
        return press is not None and press.dragging and touchpoint_id in press.ids

    def active(self) -> bool:
        return self.press is not None

    def forget(self) -> None:
        """Drop the pending press without moving anything (a double-click follows)."""
        self.press = None

    # -- events -------------------------------------------------------------------------------
    def mouse_press(self, event) -> bool:  # type: ignore[no-untyped-def]
        scene = self.scene
        if event.button() != Qt.MouseButton.LeftButton or scene.layout() is None:
            return False
        card = scene.card_at(event.scenePos())
        if card is None:
            return False
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            card.setSelected(not card.isSelected())
        else:
            was = card.isSelected()
            if not was:
                if not mods & Qt.KeyboardModifier.ShiftModifier:
                    scene.clearSelection()
                card.setSelected(True)
            scene.current = card.touchpoint_id
            self.press = Press(card, event.scenePos(), was)
        return True

    def mouse_move(self, event) -> bool:  # type: ignore[no-untyped-def]
        press = self.press
        if press is None:
            return False
        delta = event.scenePos() - press.pos
        if not press.dragging:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return True
            self._start(press)
        for card, home in press.cards:
            card.setPos(home + delta)
        self.scene.reroute_arrows(press.ids)
        self._show_drop(event.scenePos())
        return True

    def mouse_release(self, event) -> bool:  # type: ignore[no-untyped-def]
        press = self.press
        if press is None:
            return False
        self.press = None
        if press.dragging:
            self._finish(press, event.scenePos())
        elif press.was_selected and not event.modifiers():
            # click on a card of a multi-selection: select just that card
            self.scene.select_touchpoints([press.card.touchpoint_id])
        return True

    def cancel(self) -> None:
        if self.press is not None and self.press.dragging:
            self._snap_back(self.press)
        self.press = None

    # -- steps --------------------------------------------------------------------------------
    def _start(self, press: Press) -> None:
        scene = self.scene
        press.dragging = True
        press.ids = scene.selected_touchpoint_ids() or [press.card.touchpoint_id]
        press.cards = []
        for t in press.ids:
            card = scene.card_item(t)
            if card is not None:
                press.cards.append((card, QPointF(card.pos())))
                card.setZValue(Z_DRAG)
        if self.drop is not None:
            self.drop.setVisible(True)

    def _show_drop(self, pos: QPointF) -> None:
        layout = self.scene.layout()
        if self.drop is None or layout is None:
            return
        hit = layout.cell_at(pos.x(), pos.y())
        if hit is None:
            self.drop.setVisible(False)
        else:
            self.drop.set_rect(qrect(layout.cell_rect(*hit)))
            self.drop.setVisible(True)

    def _snap_back(self, press: Press) -> None:
        for card, home in press.cards:
            card.setPos(home)
            card.setZValue(Z_CARD)
        self.scene.reroute_arrows(press.ids)
        if self.drop is not None:
            self.drop.setVisible(False)

    def _finish(self, press: Press, pos: QPointF) -> None:
        self._snap_back(press)
        scene = self.scene
        layout, j = scene.layout(), scene.journey_id
        if layout is None or j is None:
            return
        hit = layout.cell_at(pos.x(), pos.y())
        if hit is None:
            return
        role, stage = hit
        moving = set(press.ids)
        cell = [t.id for t in scene.store.touchpoints_in_cell(j, role, stage)]
        others = [t for t in cell if t not in moving]
        index = layout.slot_at(role, stage, pos.x(), pos.y(), len(others))
        if moving <= set(cell) and others[:index] + press.ids + others[index:] == cell:
            return  # dropped where they already are
        scene.request_edit(lambda: edits.move_touchpoints(
            scene.store, press.ids, role, stage, None if index >= len(others) else index))


__all__ = ["DragCards", "DropIndicator", "Press"]
