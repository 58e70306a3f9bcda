"""Touchpoint cards and the small pictures they (and the PDF legend) share: channel
icons and emotion faces. See :mod:`journeymap.render.items` for how items paint."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from journeymap.render.fonts import scene_font, scene_metrics
from journeymap.render.items import safe_paint
from journeymap.render.layout import CARD_H, CARD_W
from journeymap.render.text import wrap_text
from journeymap.render.theme import (
    CARD_BG,
    CARD_BORDER,
    CARD_INK,
    CARD_MUTED,
    HANDLE_R,
    MATCH_COLOR,
    MIN_TITLE_PX,
    Z_CARD,
    Theme,
    emotion_color,
    severity_color,
)


@cache
def card_path() -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, CARD_W, CARD_H), 7, 7)
    return path


@cache
def stripe_path() -> QPainterPath:
    stripe = QPainterPath()
    stripe.addRect(QRectF(0, 0, 6, CARD_H))
    return card_path().intersected(stripe)


@cache
def channel_icon(channel: str) -> QPainterPath:
    """A 16×16 outline icon: digital = screen, human = person, physical = box."""
    p = QPainterPath()
    if channel == "human":
        p.addEllipse(QPointF(8, 4.5), 3.2, 3.2)
        p.moveTo(1.5, 16)
        p.cubicTo(1.5, 10, 4, 8.8, 8, 8.8)
        p.cubicTo(12, 8.8, 14.5, 10, 14.5, 16)
    elif channel == "physical":
        p.moveTo(8, 1)
        p.lineTo(15, 4.5)
        p.lineTo(15, 12)
        p.lineTo(8, 15.5)
        p.lineTo(1, 12)
        p.lineTo(1, 4.5)
        p.closeSubpath()
        p.moveTo(1, 4.5)
        p.lineTo(8, 8)
        p.lineTo(15, 4.5)
        p.moveTo(8, 8)
        p.lineTo(8, 15.5)
    else:
        p.addRoundedRect(QRectF(0.5, 1.5, 15, 10), 1.5, 1.5)
        p.moveTo(8, 11.5)
        p.lineTo(8, 14.5)
        p.moveTo(4.5, 15)
        p.lineTo(11.5, 15)
    return p


def draw_emotion_face(painter: QPainter, center: QPointF, radius: float, value: int) -> None:
    color = emotion_color(value)
    painter.setPen(QPen(color.darker(140), 1.2))
    painter.setBrush(color)
    painter.drawEllipse(center, radius, radius)
    ink = QColor("#1d1f21")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    er = radius * 0.14
    for dx in (-0.36, 0.36):
        painter.drawEllipse(QPointF(center.x() + dx * radius, center.y() - 0.25 * radius),
                            er, er)
    mouth = QPainterPath()
    y = center.y() + 0.35 * radius
    w = 0.5 * radius
    mouth.moveTo(center.x() - w, y)
    mouth.quadTo(QPointF(center.x(), y + 0.28 * radius * value), QPointF(center.x() + w, y))
    painter.setPen(QPen(ink, max(1.0, radius * 0.14), Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mouth)


@dataclass(frozen=True, slots=True)
class CardData:
    """What a card shows, taken from a Touchpoint and its pain points."""

    title: str
    channel: str
    emotion: int | None
    severities: tuple[int, ...]
    role_color: str
    tooltip: str = ""


TITLE_PX = 15
TITLE_WIDTH = CARD_W - 14 - 10   # left pad (with the stripe), right pad
BADGE_D = 19.0
MAX_BADGES = 5   # room left of the channel icon and emotion face


class CardItem(QGraphicsItem):
    """A touchpoint card. Selectable (screen only); the scene handles dragging."""

    def __init__(self, touchpoint_id: str, data: CardData, theme: Theme) -> None:
        super().__init__()
        self.touchpoint_id = touchpoint_id
        self.theme = theme
        self.data = data
        self._lines: dict[tuple[int, int], list[str]] = {}
        self._role_color = QColor(data.role_color)
        self.dimmed = False
        self.matched = False
        self.highlighted = False
        self.hovered = False
        # Semantic zoom: what the last paint drew (title size in screen pixels, lines).
        self.drawn_title: tuple[float, list[str]] = (0.0, [])
        self.setZValue(Z_CARD)
        if not theme.print_mode:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
            self.setAcceptHoverEvents(True)
            self.setToolTip(data.tooltip)
            # On screen a card repaints as a cached pixmap (fast drags and scrolling);
            # print scenes paint vectors and text.
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # -- data ---------------------------------------------------------------------------
    def set_data(self, data: CardData) -> None:
        if data == self.data:
            return
        if data.title != self.data.title:
            self._lines = {}
        self.data = data
        self._role_color = QColor(data.role_color)
        if not self.theme.print_mode:
            self.setToolTip(data.tooltip)
        self.update()

    def set_state(self, *, dimmed: bool | None = None, matched: bool | None = None,
                  highlighted: bool | None = None) -> None:
        changed = False
        for name, value in (("dimmed", dimmed), ("matched", matched),
                            ("highlighted", highlighted)):
            if value is not None and getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        if changed:
            self.setOpacity(0.28 if self.dimmed else 1.0)
            self.update()

    def title_lines(self, px: int = TITLE_PX, max_lines: int = 3) -> list[str]:
        key = (px, max_lines)
        lines = self._lines.get(key)
        if lines is None:
            if len(self._lines) > 8:
                self._lines.clear()
            lines = self._lines[key] = wrap_text(self.data.title, scene_font(px), TITLE_WIDTH,
                                                 max_lines)
        return lines

    @property
    def min_title_px(self) -> float:
        """The smallest on-screen title size: the scene's (workshop mode raises it)."""
        return float(getattr(self.scene(), "min_title_px", MIN_TITLE_PX))

    def title_style(self, lod: float) -> tuple[int, int, str]:
        """(font px in scene units, max lines, mode) for a zoom: "full" card, "title"
        (title + badges, bigger type) or "chip" (title only, filling the card)."""
        if self.theme.print_mode or lod <= 0:
            return TITLE_PX, 3, "full"
        px = math.ceil(self.min_title_px / lod)
        if px <= TITLE_PX:
            return TITLE_PX, 3, "full"
        spacing = scene_metrics(px).lineSpacing() + 2
        lines = int((CARD_H - 8 - BADGE_D - 8) // spacing)
        if lines >= 1:
            return px, min(lines, 3), "title"
        lines = int((CARD_H - 10) // spacing)
        if lines >= 1:
            return px, min(lines, 2), "chip"
        # Too far out for the minimum: the biggest type one line of the card holds.
        return max(6, int((CARD_H - 12) / 1.35)), 1, "chip"

    # -- geometry -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-6, -6, CARD_W + 12 + HANDLE_R, CARD_H + 12)

    def shape(self) -> QPainterPath:
        path = QPainterPath(card_path())
        if not self.theme.print_mode:
            path.addEllipse(self.handle_center(), HANDLE_R + 2, HANDLE_R + 2)
        return path

    @staticmethod
    def handle_center() -> QPointF:
        return QPointF(CARD_W, CARD_H / 2)

    def on_handle(self, local: QPointF) -> bool:
        """Is a local point on the link handle (for drawing handoffs)?"""
        if self.theme.print_mode:
            return False
        d = local - self.handle_center()
        return d.x() * d.x() + d.y() * d.y() <= (HANDLE_R + 3) ** 2

    # -- events --------------------------------------------------------------------------
    def hoverEnterEvent(self, event) -> None:
        self.hovered = True
        self.update()

    def hoverMoveEvent(self, event) -> None:
        self.setCursor(Qt.CursorShape.CrossCursor if self.on_handle(event.pos())
                       else Qt.CursorShape.ArrowCursor)

    def hoverLeaveEvent(self, event) -> None:
        self.hovered = False
        self.unsetCursor()
        self.update()

    # -- paint ---------------------------------------------------------------------------
    @safe_paint
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        theme = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        card = card_path()
        selected = self.isSelected()
        if self.matched or self.highlighted:
            halo = QColor(MATCH_COLOR)
            halo.setAlpha(110)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(QRectF(-5, -5, CARD_W + 10, CARD_H + 10), 10, 10)
        painter.setBrush(CARD_BG)
        if selected:
            painter.setPen(QPen(theme.accent, 3.0))
        elif self.matched or self.highlighted:
            painter.setPen(QPen(MATCH_COLOR.darker(115), 2.0))
        elif self.hovered:
            painter.setPen(QPen(CARD_BORDER.darker(140), 1.5))
        else:
            painter.setPen(QPen(CARD_BORDER, 1.0))
        painter.drawPath(card)
        painter.fillPath(stripe_path(), self._role_color)

        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        px, max_lines, mode = self.title_style(lod)
        # Title: never smaller than the minimum on screen; further out the card keeps
        # fewer, bigger lines ("title"), then only its title ("chip").
        painter.setPen(CARD_INK)
        painter.setFont(scene_font(px))
        fm = scene_metrics(px)
        lines = self.title_lines(px, max_lines)
        y = (8 if mode != "chip" else
             max(4.0, (CARD_H - (fm.lineSpacing() + 2) * len(lines)) / 2)) + fm.ascent()
        for line in lines:
            painter.drawText(QPointF(14, y), line)
            y += fm.lineSpacing() + 2
        self.drawn_title = (px * lod if not theme.print_mode else float(px), lines)
        if mode == "chip":
            if self.data.severities:   # a hint of pain in the corner
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(severity_color(max(self.data.severities)))
                painter.drawEllipse(QPointF(CARD_W - 12, 12), 8, 8)
            return

        # Bottom right: channel icon, emotion face (left out when the type is big).
        bottom = CARD_H - 8
        if mode == "full":
            self._paint_icons(painter, bottom)
        self._paint_badges(painter)

        # Link handle, where handoffs are drawn from.
        if not theme.print_mode and (self.hovered or selected):
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(theme.accent)
            painter.drawEllipse(self.handle_center(), HANDLE_R, HANDLE_R)

    def _paint_icons(self, painter: QPainter, bottom: float) -> None:
        painter.save()
        painter.translate(CARD_W - 56, bottom - 17)
        painter.setPen(QPen(CARD_MUTED, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(channel_icon(self.data.channel))
        painter.restore()
        if self.data.emotion is not None:
            draw_emotion_face(painter, QPointF(CARD_W - 20, bottom - BADGE_D / 2), 9.5,
                              self.data.emotion)

    def _paint_badges(self, painter: QPainter) -> None:
        # Pain badges along the bottom: one per pain point, coloured by severity.
        sev = self.data.severities
        if sev:
            shown = sev if len(sev) <= MAX_BADGES else sev[: MAX_BADGES - 1]
            x = 14.0
            cy = CARD_H - 8 - BADGE_D / 2
            font = scene_font(12, True)
            bfm = scene_metrics(12, True)
            painter.setFont(font)
            for s in shown:
                s = max(1, min(5, s))
                c = severity_color(s)
                painter.setPen(QPen(c.darker(135), 1.0))
                painter.setBrush(c)
                painter.drawEllipse(QPointF(x + BADGE_D / 2, cy), BADGE_D / 2, BADGE_D / 2)
                painter.setPen(QColor("#ffffff") if s >= 4 else CARD_INK)
                label = str(s)
                painter.drawText(QPointF(x + (BADGE_D - bfm.horizontalAdvance(label)) / 2,
                                         cy + (bfm.ascent() - bfm.descent()) / 2), label)
                x += BADGE_D + 4
            if len(shown) < len(sev):
                painter.setPen(CARD_MUTED)
                painter.drawText(QPointF(x + 1, cy + (bfm.ascent() - bfm.descent()) / 2),
                                 f"+{len(sev) - len(shown)}")


__all__ = ["BADGE_D", "MAX_BADGES", "TITLE_PX", "TITLE_WIDTH", "CardData", "CardItem",
           "card_path", "channel_icon", "draw_emotion_face", "stripe_path"]
