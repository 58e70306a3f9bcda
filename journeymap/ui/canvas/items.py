"""Graphics items of the journey-map canvas: views of rows, never the data.

Each item is given plain values (strings, ints, colours) by the scene and paints them;
the scene makes, moves and removes items when the model changes. Cards paint with
fixed, readable colours (near-white card, dark ink) whatever the palette; the chrome
(headers, cell lines, arrows) follows a :class:`Theme` made from the palette, or fixed
light colours for printing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from journeymap.ui.canvas.layout import CARD_H, CARD_W, CELL_TOP, EMOTION_H
from journeymap.ui.fonts import qt_font

# z order: cells < headers < curves < arrows < cards < arrow labels < dragged cards
Z_CELL, Z_HEADER, Z_CURVE, Z_ARROW, Z_CARD, Z_LABEL, Z_DROP, Z_DRAG = 0, 1, 2, 3, 4, 4.5, 5, 10

CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#9aa0a6")
CARD_INK = QColor("#1d1f21")
CARD_MUTED = QColor("#5f6368")
MATCH_COLOR = QColor("#f57900")
EMOTION_COLORS = {-2: QColor("#c01c28"), -1: QColor("#f0803c"), 0: QColor("#9a9996"),
                  1: QColor("#8ec63f"), 2: QColor("#2e9e44")}
SEVERITY_COLORS = {1: QColor("#f8e45c"), 2: QColor("#f6c445"), 3: QColor("#f39130"),
                   4: QColor("#e0503a"), 5: QColor("#a51d2d")}
HANDLE_R = 7.0           # link handle radius, on the card's right edge
DETAIL_LOD = 0.4         # below this zoom, cards paint as plain blocks (screen only)


def _tr(text: str) -> str:
    return QCoreApplication.translate("JourneyCanvas", text)


@cache
def scene_font(pixel_size: int, bold: bool = False) -> QFont:
    """Canvas font in scene pixels (so a PDF or PNG render scales it with the map),
    with IPAexGothic as fallback so Japanese never shows as boxes. Hinting is off so
    text measures the same on screen and in print."""
    font = qt_font(10.0, bold)
    font.setPixelSize(pixel_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@cache
def _metrics(pixel_size: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(scene_font(pixel_size, bold))


def wrap_text(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``; the last one ends
    with an ellipsis when the text goes on. Breaks between words, or anywhere (CJK)."""
    text = " ".join(text.split())
    if not text:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    # QTextLayout counts UTF-16 units; map them back to str indices (emoji etc.).
    utf16 = text.encode("utf-16-le")
    simple = len(utf16) == 2 * len(text)

    def idx(u: int) -> int:
        return u if simple else len(utf16[: 2 * u].decode("utf-16-le", "ignore"))

    spans = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((idx(line.textStart()), idx(line.textStart() + line.textLength())))
        if len(spans) > max_lines:
            break
    layout.endLayout()
    lines = [text[a:b].strip() for a, b in spans[:max_lines]]
    if len(spans) > max_lines:
        rest = text[spans[max_lines - 1][0]:]
        lines[-1] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


# -- theme ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Theme:
    print_mode: bool
    background: QColor
    header_bg: QColor
    header_fg: QColor
    phase_bg: tuple[QColor, QColor]
    lane_header_bg: QColor
    grid: QColor
    muted: QColor
    arrow: QColor
    accent: QColor
    dark: bool


def make_theme(palette: QPalette, print_mode: bool = False) -> Theme:
    """Chrome colours: from the palette on screen (light or dark), fixed for print."""
    if print_mode:
        return Theme(True, QColor("#ffffff"), QColor("#eceef0"), QColor("#1d1f21"),
                     (QColor("#d5dbe3"), QColor("#e3e7ec")), QColor("#f4f5f6"),
                     QColor("#c8ccd0"), QColor("#5f6368"), QColor("#3d4450"),
                     QColor("#1c71d8"), False)
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    dark = window.lightness() < 128
    button = palette.color(QPalette.ColorRole.Button)
    alt = palette.color(QPalette.ColorRole.AlternateBase)
    grid = QColor(text)
    grid.setAlpha(60)
    muted = QColor(text)
    muted.setAlpha(170)
    return Theme(False, base, button, palette.color(QPalette.ColorRole.ButtonText),
                 (window.darker(112) if not dark else window.lighter(130),
                  alt if alt != base else window), window, grid, muted,
                 QColor("#d8dde3") if dark else QColor("#3d4450"),
                 palette.color(QPalette.ColorRole.Highlight), dark)


def _draw_lines(painter: QPainter, lines: Sequence[str], rect: QRectF, fm: QFontMetricsF,
                align_center: bool = False) -> None:
    """Draw lines from the top of ``rect``, vertically centred as a block."""
    lh = fm.lineSpacing()
    y = rect.top() + max(0.0, (rect.height() - lh * len(lines)) / 2) + fm.ascent()
    for line in lines:
        x = rect.left()
        if align_center:
            x += max(0.0, (rect.width() - fm.horizontalAdvance(line)) / 2)
        painter.drawText(QPointF(x, y), line)
        y += lh


# -- headers and cells -------------------------------------------------------------------------
class _BoxItem(QGraphicsItem):
    """An item whose geometry is a rect in local coordinates at its pos."""

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


class PhaseBand(_BoxItem):
    def __init__(self, theme: Theme, phase_id: str, name: str, shade: int) -> None:
        super().__init__(theme)
        self.phase_id, self.name, self.shade = phase_id, name, shade
        self.setZValue(Z_HEADER)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect
        painter.fillRect(r.adjusted(1, 1, -1, -1), self.theme.phase_bg[self.shade % 2])
        painter.setPen(self.theme.header_fg)
        font = scene_font(14, True)
        painter.setFont(font)
        fm = _metrics(14, True)
        text = fm.elidedText(self.name, Qt.TextElideMode.ElideRight, r.width() - 16)
        _draw_lines(painter, [text], r.adjusted(8, 0, -8, 0), fm, align_center=True)


class StageHeader(_BoxItem):
    def __init__(self, theme: Theme, stage_id: str, name: str) -> None:
        super().__init__(theme)
        self.stage_id, self.name = stage_id, name
        self._lines: list[str] | None = None
        self.setZValue(Z_HEADER)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect
        painter.fillRect(r.adjusted(1, 1, -1, -1), self.theme.header_bg)
        if self._lines is None:
            self._lines = wrap_text(self.name, scene_font(14, True), r.width() - 16, 2)
        painter.setPen(self.theme.header_fg)
        painter.setFont(scene_font(14, True))
        _draw_lines(painter, self._lines, r.adjusted(8, 2, -8, -2), _metrics(14, True), True)


def emotion_label(lang: str | None) -> str:
    """The emotion band's label: in ``lang`` when given (printing), else the UI's."""
    return {"ja": "感情", "en": "Emotion"}.get(lang or "", "") or _tr("Emotion")


class LaneHeader(_BoxItem):
    def __init__(self, theme: Theme, role_id: str, name: str, color: QColor,
                 emotion_text: str = "") -> None:
        super().__init__(theme)
        self.role_id, self.name, self.color = role_id, name, color
        self.emotion_text = emotion_text or _tr("Emotion")
        self.setZValue(Z_HEADER)

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
        fm = _metrics(15, True)
        max_lines = max(1, int(text_rect.height() // fm.lineSpacing()))
        lines = wrap_text(self.name, font, text_rect.width(), min(max_lines, 4))
        _draw_lines(painter, lines, QRectF(text_rect.left(), text_rect.top(), text_rect.width(),
                                           fm.lineSpacing() * len(lines)), fm)
        # Emotion scale beside the band the curve is drawn in.
        band = QRectF(inner.left() + 16, inner.bottom() - EMOTION_H, inner.width() - 24,
                      EMOTION_H)
        painter.setPen(self.theme.muted)
        painter.setFont(scene_font(11))
        fm11 = _metrics(11)
        painter.drawText(QPointF(band.left(), band.center().y() + fm11.ascent() / 2 - 1),
                         self.emotion_text)
        for value, label in ((2, "+2"), (-2, "−2")):
            y = emotion_y(band, value)
            painter.drawText(QPointF(band.right() - fm11.horizontalAdvance(label),
                                     y + fm11.ascent() / 2 - 1), label)


class CornerItem(_BoxItem):
    """Top-left box: the journey's name."""

    def __init__(self, theme: Theme, title: str, subtitle: str) -> None:
        super().__init__(theme)
        self.title, self.subtitle = title, subtitle
        self.setZValue(Z_HEADER)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self._rect.adjusted(8, 4, -8, -4)
        painter.setPen(self.theme.header_fg if self.theme.print_mode else
                       self.theme.header_fg)
        font = scene_font(14, True)
        lines = wrap_text(self.title, font, r.width(), 2)
        sub = [_metrics(11).elidedText(self.subtitle, Qt.TextElideMode.ElideRight,
                                       r.width())] if self.subtitle else []
        fm, fs = _metrics(14, True), _metrics(11)
        total = fm.lineSpacing() * len(lines) + fs.lineSpacing() * len(sub)
        top = r.top() + max(0.0, (r.height() - total) / 2)
        painter.setFont(font)
        _draw_lines(painter, lines, QRectF(r.left(), top, r.width(),
                                           fm.lineSpacing() * len(lines)), fm)
        if sub:
            painter.setPen(self.theme.muted)
            painter.setFont(scene_font(11))
            _draw_lines(painter, sub, QRectF(r.left(), top + fm.lineSpacing() * len(lines),
                                             r.width(), fs.lineSpacing()), fs)


class CellItem(_BoxItem):
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
        c = QColor(self.color)
        # Subtle but legible steps; 0 = no tint at all.
        c.setAlpha(0 if self.weight <= 0 else 14 + 16 * min(self.weight, 5))
        return c

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
        fm = _metrics(12, True)
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
            painter.setBrush(EMOTION_COLORS[max(-2, min(2, round(v)))])
            painter.drawEllipse(p, 4.0, 4.0)


# -- cards ------------------------------------------------------------------------------------
@cache
def _card_path() -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, CARD_W, CARD_H), 7, 7)
    return path


@cache
def _stripe_path() -> QPainterPath:
    stripe = QPainterPath()
    stripe.addRect(QRectF(0, 0, 6, CARD_H))
    return _card_path().intersected(stripe)


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
    color = EMOTION_COLORS[max(-2, min(2, value))]
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
        self._lines: list[str] | None = None
        self._role_color = QColor(data.role_color)
        self.dimmed = False
        self.matched = False
        self.highlighted = False
        self.hovered = False
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
            self._lines = None
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

    def title_lines(self) -> list[str]:
        if self._lines is None:
            self._lines = wrap_text(self.data.title, scene_font(TITLE_PX), TITLE_WIDTH, 3)
        return self._lines

    # -- geometry -------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-6, -6, CARD_W + 12 + HANDLE_R, CARD_H + 12)

    def shape(self) -> QPainterPath:
        path = QPainterPath(_card_path())
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
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        theme = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        card = _card_path()
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
        painter.fillPath(_stripe_path(), self._role_color)

        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < DETAIL_LOD and not theme.print_mode:
            # Far out: a block with a hint of pain, no text (nobody can read it anyway).
            if self.data.severities:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(SEVERITY_COLORS[max(self.data.severities)])
                painter.drawEllipse(QPointF(24, CARD_H - 18), 10, 10)
            return

        # Title, up to three lines.
        painter.setPen(CARD_INK)
        painter.setFont(scene_font(TITLE_PX))
        fm = _metrics(TITLE_PX)
        y = 8 + fm.ascent()
        for line in self.title_lines():
            painter.drawText(QPointF(14, y), line)
            y += fm.lineSpacing() + 2

        # Bottom right: channel icon, emotion face.
        bottom = CARD_H - 8
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

        # Pain badges along the bottom: one per pain point, coloured by severity.
        sev = self.data.severities
        if sev:
            shown = sev if len(sev) <= MAX_BADGES else sev[: MAX_BADGES - 1]
            x = 14.0
            cy = CARD_H - 8 - BADGE_D / 2
            font = scene_font(12, True)
            bfm = _metrics(12, True)
            painter.setFont(font)
            for s in shown:
                s = max(1, min(5, s))
                c = SEVERITY_COLORS[s]
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

        # Link handle, where handoffs are drawn from.
        if not theme.print_mode and (self.hovered or selected):
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(theme.accent)
            painter.drawEllipse(self.handle_center(), HANDLE_R, HANDLE_R)


# -- handoffs --------------------------------------------------------------------------------
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
        fm = _metrics(12)
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
        fm = _metrics(12)
        text = fm.elidedText(self.arrow.label, Qt.TextElideMode.ElideRight,
                             self._rect.width() - 10)
        painter.drawText(QPointF(self._rect.left() + 5, self._rect.top() + 2 + fm.ascent()),
                         text)


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

    def paint(self, painter: QPainter, option, widget=None) -> None:
        fill = QColor(self.theme.accent)
        fill.setAlpha(40)
        painter.setBrush(QBrush(fill))
        painter.setPen(QPen(self.theme.accent, 3.0, Qt.PenStyle.DashLine))
        painter.drawRect(self._rect.adjusted(1.5, 1.5, -1.5, -1.5))
