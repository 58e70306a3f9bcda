"""The drawn chrome of a journey map: phase bands, stage and lane headers, the corner
box, cells and emotion curves. Cards are in :mod:`journeymap.render.cards`, handoffs in
:mod:`journeymap.render.handoffs`.

Items are views of rows, never the data: each is given plain values (strings, ints,
colours) by :class:`~journeymap.render.scene.MapScene` and paints them. They are
QGraphicsItems (a QtWidgets class) but no widgets: the render layer makes no QWidget.

Painting must never raise into Qt's C++ paint loop (an exception there can take the
process down), so every ``paint`` is wrapped by :func:`safe_paint`, which logs instead.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from journeymap.analysis.content_text import map_text
from journeymap.render.fonts import scene_font, scene_metrics
from journeymap.render.layout import CELL_TOP, EMOTION_H
from journeymap.render.text import draw_block, wrap_text
from journeymap.render.theme import (
    DETAIL_LOD,
    Z_CELL,
    Z_CURVE,
    Z_HEADER,
    Theme,
    emotion_color,
    influence_tint,
)

log = logging.getLogger(__name__)
_reported: set[tuple[str, str]] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("JourneyCanvas", text)


def safe_paint(paint: Callable) -> Callable:
    """Wrap an item's ``paint``: an exception is logged (once per item class and error
    type) and the item is left partly drawn, instead of propagating into Qt."""

    @functools.wraps(paint)
    def wrapper(self, painter, option, widget=None):  # type: ignore[no-untyped-def]
        try:
            paint(self, painter, option, widget)
        except Exception as exc:  # noqa: BLE001 - nothing may escape into Qt's paint loop
            key = (type(self).__name__, type(exc).__name__)
            if key not in _reported:
                _reported.add(key)
                log.exception("painting a %s failed", key[0])

    return wrapper


def emotion_label(lang: str | None) -> str:
    """The emotion band's label: in ``lang`` when given (printing), else the UI's."""
    return map_text(lang, "emotion") or _tr("Emotion")


# -- headers and cells -------------------------------------------------------------------------
class BoxItem(QGraphicsItem):

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self._rect = QRectF()

    def set_rect(self, rect: QRectF) -> None:
        if rect.size() != self._rect.size():
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())

    def boundingRect(self) -> QRectF:
        return self._rect


class PhaseBand(BoxItem):
    def __init__(self, theme: Theme, phase_id: str, name: str, shade: int) -> None:
        super().__init__(theme)
        self.phase_id, self.name, self.shade = phase_id, name, shade
        self.setZValue(Z_HEADER)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect
        painter.fillRect(r.adjusted(1, 1, -1, -1), self.theme.phase_bg[self.shade % 2])
        painter.setPen(self.theme.header_fg)
        font = scene_font(14, True)
        painter.setFont(font)
        fm = scene_metrics(14, True)
        text = fm.elidedText(self.name, Qt.TextElideMode.ElideRight, r.width() - 16)
        draw_block(painter, [text], r.adjusted(8, 0, -8, 0), fm, align_center=True)


class StageHeader(BoxItem):
    def __init__(self, theme: Theme, stage_id: str, name: str) -> None:
        super().__init__(theme)
        self.stage_id, self.name = stage_id, name
        self._lines: list[str] | None = None
        self.setZValue(Z_HEADER)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect
        painter.fillRect(r.adjusted(1, 1, -1, -1), self.theme.header_bg)
        if self._lines is None:
            self._lines = wrap_text(self.name, scene_font(14, True), r.width() - 16, 2)
        painter.setPen(self.theme.header_fg)
        painter.setFont(scene_font(14, True))
        draw_block(painter, self._lines, r.adjusted(8, 2, -8, -2), scene_metrics(14, True), True)


class LaneHeader(BoxItem):
    def __init__(self, theme: Theme, role_id: str, name: str, color: QColor,
                 emotion_text: str = "") -> None:
        super().__init__(theme)
        self.role_id, self.name, self.color = role_id, name, color
        self.emotion_text = emotion_text or _tr("Emotion")
        self.setZValue(Z_HEADER)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect
        inner = r.adjusted(1, 1, -1, -1)
        painter.fillRect(inner, self.theme.lane_header_bg)
        painter.fillRect(QRectF(inner.left(), inner.top(), 8, inner.height()), self.color)
        painter.setPen(self.theme.header_fg)
        font = scene_font(15, True)
        painter.setFont(font)
        text_rect = QRectF(inner.left() + 16, inner.top() + 8, inner.width() - 24,
                           inner.height() - EMOTION_H - 12)
        fm = scene_metrics(15, True)
        max_lines = max(1, int(text_rect.height() // fm.lineSpacing()))
        lines = wrap_text(self.name, font, text_rect.width(), min(max_lines, 4))
        draw_block(painter, lines, QRectF(text_rect.left(), text_rect.top(), text_rect.width(),
                                           fm.lineSpacing() * len(lines)), fm)
        # Emotion scale beside the band the curve is drawn in.
        band = QRectF(inner.left() + 16, inner.bottom() - EMOTION_H, inner.width() - 24,
                      EMOTION_H)
        painter.setPen(self.theme.muted)
        painter.setFont(scene_font(11))
        fm11 = scene_metrics(11)
        painter.drawText(QPointF(band.left(), band.center().y() + fm11.ascent() / 2 - 1),
                         self.emotion_text)
        for value, label in ((2, "+2"), (-2, "−2")):
            y = emotion_y(band, value)
            painter.drawText(QPointF(band.right() - fm11.horizontalAdvance(label),
                                     y + fm11.ascent() / 2 - 1), label)


class CornerItem(BoxItem):
    """Top-left box: the journey's name."""

    def __init__(self, theme: Theme, title: str, subtitle: str) -> None:
        super().__init__(theme)
        self.title, self.subtitle = title, subtitle
        self.setZValue(Z_HEADER)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect.adjusted(8, 4, -8, -4)
        painter.setPen(self.theme.header_fg)
        font = scene_font(14, True)
        lines = wrap_text(self.title, font, r.width(), 2)
        sub = [scene_metrics(11).elidedText(self.subtitle, Qt.TextElideMode.ElideRight,
                                       r.width())] if self.subtitle else []
        fm, fs = scene_metrics(14, True), scene_metrics(11)
        total = fm.lineSpacing() * len(lines) + fs.lineSpacing() * len(sub)
        top = r.top() + max(0.0, (r.height() - total) / 2)
        painter.setFont(font)
        draw_block(painter, lines, QRectF(r.left(), top, r.width(),
                                           fm.lineSpacing() * len(lines)), fm)
        if sub:
            painter.setPen(self.theme.muted)
            painter.setFont(scene_font(11))
            draw_block(painter, sub, QRectF(r.left(), top + fm.lineSpacing() * len(lines),
                                             r.width(), fs.lineSpacing()), fs)


class CellItem(BoxItem):
    """A lane × stage cell, tinted by the role's influence there (0 none … 5 strongest)."""

    def __init__(self, theme: Theme, role_id: str, stage_id: str, color: QColor,
                 weight: int) -> None:
        super().__init__(theme)
        self.role_id, self.stage_id = role_id, stage_id
        self.color = QColor(color)
        self.weight = weight
        self.setZValue(Z_CELL)

    def set_weight(self, weight: int) -> None:
        if weight != self.weight:
            self.weight = weight
            self.update()

    def tint(self) -> QColor:
        return influence_tint(self.color, self.weight)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect
        if self.weight > 0:
            painter.fillRect(r, self.tint())
        pen = QPen(self.theme.grid, 1)
        painter.setPen(pen)
        painter.drawLine(QPointF(r.right(), r.top()), QPointF(r.right(), r.bottom()))
        painter.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        if not self.theme.print_mode and \
                option.levelOfDetailFromTransform(painter.worldTransform()) < DETAIL_LOD:
            return  # far out: tint and grid only
        band_top = r.bottom() - EMOTION_H
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(r.left() + 4, band_top), QPointF(r.right() - 4, band_top))
        # Influence marker, top right: five pips and the number.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = scene_metrics(12, True)
        label = str(self.weight)
        x_num = r.right() - 10 - fm.horizontalAdvance(label)
        y_mid = r.top() + CELL_TOP / 2
        painter.setPen(Qt.PenStyle.NoPen)
        dark_ink = QColor(self.color).darker(160) if not self.theme.dark else \
            QColor(self.color).lighter(150)
        for k in range(5):
            cx = x_num - 8 - (4 - k) * 9
            if k < self.weight:
                painter.setBrush(dark_ink)
            else:
                faint = QColor(self.theme.muted)
                faint.setAlpha(50)
                painter.setBrush(faint)
            painter.drawEllipse(QPointF(cx, y_mid), 3.0, 3.0)
        painter.setPen(dark_ink)
        painter.setFont(scene_font(12, True))
        painter.drawText(QPointF(x_num, y_mid + fm.ascent() / 2 - 1.5), label)


def emotion_y(band: QRectF, value: float) -> float:
    """y of an emotion value (−2…+2) in a band: +2 near the top, −2 near the bottom."""
    top, bottom = band.top() + 8, band.bottom() - 8
    return bottom - (value + 2) / 4 * (bottom - top)


class EmotionCurve(QGraphicsItem):
    """A role's mean emotion per stage, as a thin polyline in the role colour."""

    def __init__(self, theme: Theme, role_id: str, color: QColor) -> None:
        super().__init__()
        self.theme, self.role_id, self.color = theme, role_id, QColor(color)
        self.band = QRectF()
        self.points: list[tuple[float, float]] = []   # (x, mean emotion)
        self.setZValue(Z_CURVE)

    def set_curve(self, band: QRectF, points: list[tuple[float, float]]) -> None:
        if band != self.band:
            self.prepareGeometryChange()
            self.band = QRectF(band)
        self.points = points
        self.update()

    def boundingRect(self) -> QRectF:
        return self.band.adjusted(-6, -6, 6, 6)

    @safe_paint
    def paint(self, painter: QPainter, option, widget=None) -> None:
        band = self.band
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        zero = QPen(self.theme.grid, 1, Qt.PenStyle.DashLine)
        painter.setPen(zero)
        y0 = emotion_y(band, 0)
        painter.drawLine(QPointF(band.left() + 4, y0), QPointF(band.right() - 4, y0))
        if not self.points:
            return
        line_color = QColor(self.color)
        if self.theme.dark:
            line_color = line_color.lighter(140)
        pts = [QPointF(x, emotion_y(band, v)) for x, v in self.points]
        painter.setPen(QPen(line_color, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        if len(pts) > 1:
            painter.drawPolyline(QPolygonF(pts))
        for (_, v), p in zip(self.points, pts, strict=True):
            painter.setPen(QPen(line_color, 1.5))
            painter.setBrush(emotion_color(v))
            painter.drawEllipse(p, 4.0, 4.0)




__all__ = ["BoxItem", "CellItem", "CornerItem", "EmotionCurve", "LaneHeader", "PhaseBand",
           "StageHeader", "emotion_label", "emotion_y", "safe_paint"]
