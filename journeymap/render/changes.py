"""Change markers: a small "Δ" badge on the cards of a to-be journey that differ from its
as-is (the cards of a stage × role cell whose figures changed, or of an added stage;
:attr:`journeymap.analysis.compare.Comparison.changed_touchpoints`).

Markers are child items of the cards, so they move with them; :func:`mark_changed_cards`
first removes the markers it placed before. Used by the PDF map and the editor canvas.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from journeymap.render.fonts import scene_font
from journeymap.render.layout import CARD_W

MARK = 18.0
MARK_COLOR = QColor("#e66100")


class ChangeMarker(QGraphicsItem):
    """An orange disc with "Δ" at a card's top-right corner."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setPos(CARD_W - MARK * 0.75, -MARK * 0.25)
        self.setZValue(5)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(0, 0, MARK, MARK)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(MARK_COLOR)
        painter.drawEllipse(self.boundingRect().adjusted(1, 1, -1, -1))
        painter.setPen(QColor("#ffffff"))
        painter.setFont(scene_font(11, True))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, "Δ")


def mark_changed_cards(scene: object, ids: Iterable[str]) -> int:
    """Put a marker on each card of ``ids`` shown in ``scene`` (a MapScene); returns how
    many were placed. Markers placed earlier by this function are removed first."""
    for old in list(getattr(scene, "_change_markers", [])):
        if old.scene() is not None:
            old.scene().removeItem(old)
    placed: list[ChangeMarker] = []
    for tid in ids:
        card = scene.card_item(tid)  # type: ignore[attr-defined]
        if card is not None:
            placed.append(ChangeMarker(card))
    scene._change_markers = placed  # type: ignore[attr-defined]
    return len(placed)


def mark_to_be(scene: object, store: object, journey: str) -> int:
    """Mark the cards of ``journey`` that differ from its as-is, when it is a to-be
    whose as-is still exists (else remove any markers); returns the count."""
    from journeymap.analysis.compare import compare

    j = store.get("journey", journey)  # type: ignore[attr-defined]
    as_is = getattr(j, "variant_of", None)
    if as_is is None or store.get("journey", as_is) is None:  # type: ignore[attr-defined]
        return mark_changed_cards(scene, ())
    return mark_changed_cards(scene, compare(store, as_is, journey).changed_touchpoints)  # type: ignore[arg-type]


__all__ = ["ChangeMarker", "mark_changed_cards", "mark_to_be"]
