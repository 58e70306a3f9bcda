"""Handoffs on the map: the curve between two cards, its arrow head and its label.
See :mod:`journeymap.render.items` for how items paint."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from journeymap.render.fonts import scene_font, scene_metrics
from journeymap.render.items import safe_paint
from journeymap.render.theme import CARD_INK, DETAIL_LOD, Z_ARROW, Z_LABEL, Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("JourneyCanvas", text)


def handoff_path(src: QRectF, dst: QRectF) -> QPainterPath:
    """Curve from card ``src`` to card ``dst``: right edge → left edge going forward,
    an S back when going backward, bottom → top for cards in the same column. Straight
    when both ends are level (same lane, same row), curved across lanes."""
    if dst.left() >= src.right() - 1:
        a = QPointF(src.right(), src.center().y())
        b = QPointF(dst.left(), dst.center().y())
        k = max(30.0, (b.x() - a.x()) / 2)
        c1, c2 = QPointF(a.x() + k, a.y()), QPointF(b.x() - k, b.y())
    elif src.left() >= dst.right() - 1:
        a = QPointF(src.left(), src.center().y())
        b = QPointF(dst.right(), dst.center().y())
        k = max(40.0, (a.x() - b.x()) / 3)
        c1, c2 = QPointF(a.x() - k, a.y()), QPointF(b.x() + k, b.y())
    else:
        down = dst.center().y() >= src.center().y()
        a = QPointF(src.center().x(), src.bottom() if down else src.top())
        b = QPointF(dst.center().x(), dst.top() if down else dst.bottom())
        k = max(20.0, abs(b.y() - a.y()) / 2) * (1 if down else -1)
        c1, c2 = QPointF(a.x(), a.y() + k), QPointF(b.x(), b.y() - k)
    path = QPainterPath(a)
    path.cubicTo(c1, c2, b)
    return path


class HandoffArrow(QGraphicsItem):
    """A handoff between two cards: curve and arrow head. Selectable. Its label is a
    separate :class:`HandoffLabel` above the cards (the scene adds it beside the arrow)
    so no card hides it."""

    def __init__(self, handoff_id: str, source: str, target: str, label: str,
                 theme: Theme) -> None:
        super().__init__()
        self.handoff_id, self.source, self.target, self.label = handoff_id, source, target, label
        self.theme = theme
        self.path = QPainterPath()
        self._head = QPolygonF()
        self._bounds = QRectF()
        self._shape = QPainterPath()
        self.label_item = HandoffLabel(self)
        self.setZValue(Z_ARROW)
        if not theme.print_mode:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
            self.setToolTip(_tr("Handoff") + (f": {label}" if label else ""))

    def set_label(self, label: str, is_free: Callable[[QRectF], bool] | None = None) -> None:
        if label != self.label:
            self.label = label
            if not self.theme.print_mode:
                self.setToolTip(_tr("Handoff") + (f": {label}" if label else ""))
            self.label_item.place(self.path, is_free)

    def set_ends(self, src: QRectF, dst: QRectF,
                 is_free: Callable[[QRectF], bool] | None = None) -> None:
        """Route between two card rects; ``is_free(rect)`` says whether the label may go
        there (no card under it)."""
        self.prepareGeometryChange()
        self.path = handoff_path(src, dst)
        end = self.path.pointAtPercent(1.0)
        tangent = QLineF(self.path.pointAtPercent(0.97), end)
        angle = math.radians(-tangent.angle())
        size = 11.0
        left = end - QPointF(math.cos(angle - 0.42) * size, math.sin(angle - 0.42) * size)
        right = end - QPointF(math.cos(angle + 0.42) * size, math.sin(angle + 0.42) * size)
        self._head = QPolygonF([end, left, right])
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        self._shape = stroker.createStroke(self.path)
        self._shape.addPolygon(self._head)
        self._bounds = self._shape.boundingRect().adjusted(-3, -3, 3, 3)
        self.label_item.place(self.path, is_free)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def itemChange(self, change, value):  # type: ignore[no-untyped-def]
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.label_item.update()
        return super().itemChange(change, value)

    def color(self) -> QColor:
        return self.theme.accent if self.isSelected() else self.theme.arrow

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = self.color()
        width = 3.0 if self.isSelected() else 1.8
        painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(self._head)


class HandoffLabel(QGraphicsItem):
    """The label of a handoff, on its curve where it covers no card if possible."""

    def __init__(self, arrow: HandoffArrow) -> None:
        super().__init__()
        self.arrow = arrow
        self._rect = QRectF()
        self.setZValue(Z_LABEL)

    def place(self, path: QPainterPath, is_free: Callable[[QRectF], bool] | None) -> None:
        self.prepareGeometryChange()
        text = self.arrow.label
        if not text:
            self._rect = QRectF()
            return
        fm = scene_metrics(12)
        w = min(fm.horizontalAdvance(text), 220) + 10
        h = fm.height() + 4
        rect = QRectF()
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            p = path.pointAtPercent(t)
            rect = QRectF(p.x() - w / 2, p.y() - h / 2, w, h)
            if is_free is None or is_free(rect):
                break
        else:
            p = path.pointAtPercent(0.5)
            rect = QRectF(p.x() - w / 2, p.y() - h / 2, w, h)
        self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        theme = self.arrow.theme
        if self._rect.isEmpty() or not theme.print_mode and \
                option.levelOfDetailFromTransform(painter.worldTransform()) < DETAIL_LOD:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        bg = QColor(theme.background)
        bg.setAlpha(235)
        painter.setBrush(bg)
        painter.setPen(QPen(self.arrow.color(), 1.0))
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setPen(theme.header_fg if not theme.print_mode else CARD_INK)
        painter.setFont(scene_font(12))
        fm = scene_metrics(12)
        text = fm.elidedText(self.arrow.label, Qt.TextElideMode.ElideRight,
                             self._rect.width() - 10)
        painter.drawText(QPointF(self._rect.left() + 5, self._rect.top() + 2 + fm.ascent()),
                         text)


__all__ = ["HandoffArrow", "HandoffLabel", "handoff_path"]
