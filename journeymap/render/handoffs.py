"""Handoffs on the map: the route between two cards, its arrow head and its label.
See :mod:`journeymap.render.items` for how items paint.

Routing (:func:`route_points`) keeps arrows off the cards by running them only through
the map's gutters, which are free of cards across the whole map because every card of a
stage column shares its x and every card row of a lane shares its y:

* vertical channels: the gap just right of the source card's column and just left of
  the target card's column (the gap between card columns, or the stage's padding);
* horizontal channels: the gutter between two lanes (the bottom of the upper lane's
  emotion band and the top padding of the lower lane).

So a handoff leaves its card's right edge, turns into the vertical channel, runs along
a lane gutter, turns down or up the target's channel and enters the target's left
edge, with rounded corners. Cards level with each other and nothing between them get a
straight line. Labels (:class:`HandoffLabel`) are placed on the route where they cover
no card and no other label (:class:`LabelIndex`); with no free spot, or when the
scene's time budget for placing labels is spent (thousands of handoffs), a label is
left out and shown in the arrow's tooltip instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from journeymap.render.fonts import scene_font, scene_metrics
from journeymap.render.items import safe_paint
from journeymap.render.theme import CARD_INK, DETAIL_LOD, Z_ARROW, Z_LABEL, Theme


def _tr(text: str) -> str:
    return QCoreApplication.translate("JourneyCanvas", text)


CHANNEL_GAP = 5.0        # a vertical channel's distance from the card edge
GUTTER_ABOVE_LANE = 6.0  # a lane gutter's line: this far above the lower lane's top
LABEL_FONT_PX = 12
LABEL_MAX_W = 220.0


def route_points(src: QRectF, dst: QRectF, gutter_y: float | None,
                 is_clear: Callable[[QRectF], bool] | None = None) -> list[QPointF]:
    """The orthogonal route (a polyline) from card ``src`` to card ``dst``.
    ``gutter_y``: the y of the lane gutter to run along (None: no gutter known, e.g. a
    card dragged off the map; the caller then draws a curve). ``is_clear(rect)``: is
    this rect free of cards (for a straight line between level cards)."""
    a = QPointF(src.right(), src.center().y())
    b = QPointF(dst.left(), dst.center().y())
    if abs(a.y() - b.y()) < 0.5 and b.x() >= a.x():
        band = QRectF(a.x() + 1, a.y() - 1, b.x() - a.x() - 2, 2)
        if band.width() <= 0 or is_clear is None or is_clear(band):
            return [a, b]
    xs = a.x() + CHANNEL_GAP
    xd = b.x() - CHANNEL_GAP
    y = gutter_y if gutter_y is not None else (a.y() + b.y()) / 2
    pts = [a, QPointF(xs, a.y()), QPointF(xs, y), QPointF(xd, y), QPointF(xd, b.y()), b]
    out: list[QPointF] = []
    for p in pts:   # drop repeated points
        if not out or abs(p.x() - out[-1].x()) > 0.01 or abs(p.y() - out[-1].y()) > 0.01:
            out.append(p)
    return out


def rounded_path(points: Sequence[QPointF], radius: float = 8.0) -> QPainterPath:
    """A polyline with its corners rounded."""
    path = QPainterPath(points[0])
    for k in range(1, len(points) - 1):
        p0, p1, p2 = points[k - 1], points[k], points[k + 1]
        d1 = math.hypot(p1.x() - p0.x(), p1.y() - p0.y())
        d2 = math.hypot(p2.x() - p1.x(), p2.y() - p1.y())
        r = min(radius, d1 / 2, d2 / 2)
        if r < 0.5:
            path.lineTo(p1)
            continue
        q0 = p1 + (p0 - p1) * (r / d1)
        q2 = p1 + (p2 - p1) * (r / d2)
        path.lineTo(q0)
        path.quadTo(p1, q2)
    path.lineTo(points[-1])
    return path


class LabelIndex:
    """Placed label rects in a coarse grid, for fast "does this overlap a label?"."""

    CELL = 160.0

    def __init__(self) -> None:
        self._grid: dict[tuple[int, int], set[str]] = {}
        self._rects: dict[str, QRectF] = {}

    def _cells(self, r: QRectF):  # type: ignore[no-untyped-def]
        c = self.CELL
        for i in range(int(r.left() // c), int(r.right() // c) + 1):
            for j in range(int(r.top() // c), int(r.bottom() // c) + 1):
                yield (i, j)

    def remove(self, key: str) -> None:
        r = self._rects.pop(key, None)
        if r is None:
            return
        for cell in self._cells(r):
            bucket = self._grid.get(cell)
            if bucket is not None:
                bucket.discard(key)

    def add(self, key: str, r: QRectF) -> None:
        self.remove(key)
        self._rects[key] = QRectF(r)
        for cell in self._cells(r):
            self._grid.setdefault(cell, set()).add(key)

    def hits(self, r: QRectF, skip: str = "") -> bool:
        for cell in self._cells(r):
            for key in self._grid.get(cell, ()):
                if key != skip and self._rects[key].intersects(r):
                    return True
        return False

    def clear(self) -> None:
        self._grid.clear()
        self._rects.clear()


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
                 is_free: Callable[[QRectF], bool] | None = None,
                 gutter_y: float | None = None,
                 is_clear: Callable[[QRectF], bool] | None = None) -> None:
        """Route between two card rects through the gutters (``gutter_y``: the lane
        gutter to use; None: a plain curve); ``is_free(rect)`` says whether the label
        may go there (no card or other label under it), ``is_clear`` whether a rect is
        free of cards."""
        self.prepareGeometryChange()
        if gutter_y is None:
            self.points: list[QPointF] = []
            self.path = handoff_path(src, dst)
        else:
            self.points = route_points(src, dst, gutter_y, is_clear)
            self.path = rounded_path(self.points)
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
        self.left_out = False
        self.setZValue(Z_LABEL)

    def size(self) -> tuple[float, float]:
        fm = scene_metrics(LABEL_FONT_PX)
        return (min(fm.horizontalAdvance(self.arrow.label), LABEL_MAX_W) + 10,
                fm.height() + 4)

    def candidates(self, path: QPainterPath) -> Iterator[QRectF]:
        """Where the label may go, best first: along the route's longest horizontal run
        (on it, then just above and below), then further along the gutter, then on the
        curve."""
        w, h = self.size()
        pts = self.arrow.points
        if len(pts) >= 2:
            runs = [(pts[k], pts[k + 1]) for k in range(len(pts) - 1)
                    if abs(pts[k].y() - pts[k + 1].y()) < 0.01]
            runs.sort(key=lambda r: -abs(r[1].x() - r[0].x()))
            for p, q in runs[:2]:
                y = p.y()
                for t in (0.5, 0.35, 0.65, 0.2, 0.8, 0.05, 0.95):
                    x = p.x() + (q.x() - p.x()) * t
                    for dy in (0.0, -h / 2 - 3, h / 2 + 3):
                        yield QRectF(x - w / 2, y + dy - h / 2, w, h)
            if runs:
                p, q = runs[0]
                mid = (p.x() + q.x()) / 2
                for k in (1, -1, 2, -2, 3, -3):
                    for dy in (0.0, -h / 2 - 3, h / 2 + 3):
                        yield QRectF(mid + k * (w + 8) - w / 2, p.y() + dy - h / 2, w, h)
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            c = path.pointAtPercent(t)
            yield QRectF(c.x() - w / 2, c.y() - h / 2, w, h)

    def place(self, path: QPainterPath, is_free: Callable[[QRectF], bool] | None) -> None:
        """Put the label at the first free candidate; none free: left out (the arrow's
        tooltip has it)."""
        self.prepareGeometryChange()
        self.left_out = False
        if not self.arrow.label:
            self._rect = QRectF()
            return
        rect = QRectF()
        if getattr(is_free, "leave_out", False):
            pass                        # the placer's time budget is spent
        elif is_free is None:
            rect = next(iter(self.candidates(path)))
        else:
            for r in self.candidates(path):
                if is_free(r):
                    rect = r
                    break
        if rect.isNull():
            self.left_out = True
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
        fm = scene_metrics(LABEL_FONT_PX)
        text = fm.elidedText(self.arrow.label, Qt.TextElideMode.ElideRight,
                             self._rect.width() - 10)
        painter.drawText(QPointF(self._rect.left() + 5, self._rect.top() + 2 + fm.ascent()),
                         text)


__all__ = ["CHANNEL_GAP", "GUTTER_ABOVE_LANE", "HandoffArrow", "HandoffLabel", "LabelIndex",
           "handoff_path", "rounded_path", "route_points"]
