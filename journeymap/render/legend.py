"""The small pictures of the map's legend, drawn the way the map draws them (channel
icons, severity badges, influence tints, emotion faces, a handoff arrow). Sizes are in
the painter's units (points on export pages). Each ``*_swatch`` draws at (x, y), the
top left of a ``size``-high swatch; the widths are ``size`` or ``WIDE × size``."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from journeymap.render.cards import channel_icon, draw_emotion_face
from journeymap.render.fonts import metrics
from journeymap.render.text import draw_lines
from journeymap.render.theme import (
    CARD_BORDER,
    CARD_INK,
    CARD_MUTED,
    influence_tint,
    print_theme,
    severity_color,
)

WIDE = 1.6                          # tint and arrow swatches are wider than tall
SAMPLE_ROLE_COLOR = QColor("#3465a4")   # neutral role colour for the influence tint sample


def channel_swatch(p: QPainter, x: float, y: float, size: float, channel: str) -> None:
    p.save()
    p.translate(x, y)
    p.scale(size / 16, size / 16)
    p.setPen(QPen(CARD_MUTED, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(channel_icon(channel))
    p.restore()


def severity_swatch(p: QPainter, x: float, y: float, size: float, severity: int) -> None:
    c = severity_color(severity)
    p.setPen(QPen(c.darker(135), 0.6))
    p.setBrush(c)
    p.drawEllipse(QRectF(x, y, size, size))
    p.setPen(QColor("#ffffff") if severity >= 4 else CARD_INK)
    f = metrics(6.5, True)
    label = str(severity)
    draw_lines(p, [label], x + (size - f.horizontalAdvance(label)) / 2,
               y + (size - f.height()) / 2, 6.5, bold=True, leading=1.0)


def influence_swatch(p: QPainter, x: float, y: float, size: float, weight: int) -> None:
    p.setPen(QPen(CARD_BORDER, 0.5))
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(x, y, size * WIDE, size))
    if weight > 0:
        p.fillRect(QRectF(x, y, size * WIDE, size), influence_tint(SAMPLE_ROLE_COLOR, weight))


def emotion_swatch(p: QPainter, x: float, y: float, size: float, value: int) -> None:
    draw_emotion_face(p, QPointF(x + size / 2, y + size / 2), size / 2 - 0.5, value)


def handoff_swatch(p: QPainter, x: float, y: float, size: float) -> None:
    col = print_theme().arrow
    p.setPen(QPen(col, 1.0))
    p.drawLine(QPointF(x, y + size / 2), QPointF(x + size * WIDE - 3, y + size / 2))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(col)
    tip = QPointF(x + size * WIDE, y + size / 2)
    p.drawPolygon(QPolygonF([tip, tip + QPointF(-4, -2.5), tip + QPointF(-4, 2.5)]))


__all__ = ["SAMPLE_ROLE_COLOR", "WIDE", "channel_swatch", "emotion_swatch", "handoff_swatch",
           "influence_swatch", "severity_swatch"]
