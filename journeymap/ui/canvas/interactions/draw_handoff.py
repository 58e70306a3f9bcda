"""Drawing a handoff by mouse: press on the round handle at a card's right edge, drag a
dashed line to another card, release there → one ``add_handoff`` edit. Released on no
card, or on the same card, nothing happens; Escape cancels."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from journeymap.model import edits
from journeymap.render.cards import CardItem
from journeymap.render.theme import Z_DRAG
from journeymap.ui.canvas.interactions import Interaction


class DrawHandoff(Interaction):
    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        super().__init__(scene)
        self.source: str | None = None
        self.line: QGraphicsLineItem | None = None

    def active(self) -> bool:
        return self.line is not None

    def mouse_press(self, event) -> bool:  # type: ignore[no-untyped-def]
        scene = self.scene
        if event.button() != Qt.MouseButton.LeftButton or scene.layout() is None:
            return False
        card = scene.card_at(event.scenePos())
        if card is None or not card.on_handle(card.mapFromScene(event.scenePos())):
            return False
        self._start(card, event.scenePos())
        return True

    def mouse_move(self, event) -> bool:  # type: ignore[no-untyped-def]
        if self.line is None:
            return False
        self.line.setLine(QLineF(self.line.line().p1(), event.scenePos()))
        return True

    def mouse_release(self, event) -> bool:  # type: ignore[no-untyped-def]
        if self.line is None:
            return False
        self._finish(event.scenePos())
        return True

    def cancel(self) -> None:
        if self.line is not None:
            self.scene.removeItem(self.line)
        self.line = None
        self.source = None

    def _start(self, card: CardItem, pos: QPointF) -> None:
        start = card.mapToScene(card.handle_center())
        line = QGraphicsLineItem(QLineF(start, pos))
        line.setPen(QPen(self.scene.theme.accent, 2.0, Qt.PenStyle.DashLine))
        line.setZValue(Z_DRAG + 1)
        self.scene.addItem(line)
        self.line, self.source = line, card.touchpoint_id

    def _finish(self, pos: QPointF) -> None:
        source = self.source
        self.cancel()
        scene = self.scene
        target = scene.card_at(pos)
        if source is None or target is None or target.touchpoint_id == source:
            return
        scene.request_edit(lambda: edits.add_handoff(scene.store, source, target.touchpoint_id))


__all__ = ["DrawHandoff"]
