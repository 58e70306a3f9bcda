"""The persona card of a lane: the role's photo (or its initials in the role colour),
the headcount at the customer and the quote, drawn in the lane header above the emotion
band; the full persona (profile, goals, decision criteria, worries) is its tooltip.

The card is a child item of the lane header (:func:`attach_persona`), so it moves with
it; :func:`place_persona` puts it back above the emotion band when the header's height
changes. Like every map item it is a view of plain values, never the data.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem

from journeymap.model.rows import Persona
from journeymap.render.fonts import scene_font, scene_metrics
from journeymap.render.layout import EMOTION_H
from journeymap.render.text import draw_block, wrap_text
from journeymap.render.theme import Theme

CARD_H = 46.0
PHOTO = 38.0
INSET = 16.0  # from the header's left edge (past its colour strip)


def _tr(text: str) -> str:
    return QCoreApplication.translate("JourneyCanvas", text)


# Printed maps use the export language, the screen the interface's translation.
_PRINT = {"en": {"%n people": "%n people", "%n people at the customer":
                 "%n people at the customer", "Goals": "Goals",
                 "Decision criteria": "Decision criteria", "Worries": "Worries"},
          "ja": {"%n people": "%n 人", "%n people at the customer": "顧客側の人数：%n 人",
                 "Goals": "目標", "Decision criteria": "判断基準", "Worries": "不安・懸念"}}


def _word(text: str, lang: str | None) -> str:
    return _PRINT.get(lang or "", {}).get(text) or _tr(text)


def photo_pixmap(data: bytes | None, size: int) -> QPixmap | None:
    """The photo scaled to cover a ``size`` square (None when there is none)."""
    if not data:
        return None
    img = QImage()
    if not img.loadFromData(data):
        return None
    img = img.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                     Qt.TransformationMode.SmoothTransformation)
    x, y = (img.width() - size) // 2, (img.height() - size) // 2
    return QPixmap.fromImage(img.copy(x, y, size, size))


def persona_tooltip(role_name: str, p: Persona, lang: str | None = None) -> str:
    """The whole persona as rich text (escaped: persona text is user content)."""
    parts = [f"<b>{html.escape(role_name)}</b>"]
    if p.headcount is not None:
        parts.append(html.escape(_word("%n people at the customer", lang).replace(
            "%n", str(p.headcount))))
    if p.profile:
        parts.append(html.escape(p.profile))
    for title, items in ((_word("Goals", lang), p.goals),
                         (_word("Decision criteria", lang), p.criteria),
                         (_word("Worries", lang), p.worries)):
        if items:
            parts.append(f"<i>{html.escape(title)}</i><br>• "
                         + "<br>• ".join(html.escape(x) for x in items))
    if p.quote:
        parts.append(f"“{html.escape(p.quote)}”")
    return "<br><br>".join(parts)


class PersonaCard(QGraphicsItem):
    """Photo or initials, headcount and quote; the full persona as tooltip."""

    def __init__(self, theme: Theme, persona: Persona, role_name: str, color: QColor,
                 width: float, parent: QGraphicsItem | None = None,
                 lang: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.theme, self.persona, self.role_name, self.color = theme, persona, role_name, color
        self.width = width
        self.pixmap = photo_pixmap(persona.photo, int(PHOTO * 2))  # sharp when zoomed
        self.setToolTip(persona_tooltip(role_name, persona, lang))
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(0, 0, self.width, CARD_H)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        try:
            self._paint(painter)
        except Exception:  # noqa: BLE001 - never raise into Qt's paint loop
            import logging

            logging.getLogger(__name__).exception("persona card paint failed")

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(self.theme.grid, 1))
        painter.setBrush(self.theme.background)
        painter.drawRoundedRect(r, 6, 6)
        photo = QRectF(r.left() + 4, r.top() + (r.height() - PHOTO) / 2, PHOTO, PHOTO)
        clip = QPainterPath()
        clip.addEllipse(photo)
        if self.pixmap is not None:
            painter.save()
            painter.setClipPath(clip)
            painter.drawPixmap(photo, self.pixmap, QRectF(self.pixmap.rect()))
            painter.restore()
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.color)
            painter.drawEllipse(photo)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(scene_font(14, True))
            initials = "".join(w[:1] for w in self.role_name.split()[:2]).upper() or "?"
            painter.drawText(photo, Qt.AlignmentFlag.AlignCenter, initials[:2])
        text = QRectF(photo.right() + 6, r.top() + 3, r.right() - photo.right() - 9,
                      r.height() - 6)
        fm = scene_metrics(11)
        y = text.top()
        painter.setPen(self.theme.muted)
        if self.persona.headcount is not None:
            painter.setFont(scene_font(11, True))
            count = _word("%n people", self.lang).replace("%n",
                                                          f"{self.persona.headcount:,}")
            painter.drawText(QRectF(text.left(), y, text.width(), fm.lineSpacing()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             count)
            y += fm.lineSpacing()
        quote = self.persona.quote or self.persona.profile
        if quote:
            font = scene_font(11)
            font.setItalic(bool(self.persona.quote))
            painter.setFont(font)
            painter.setPen(self.theme.header_fg)
            lines = max(1, int((text.bottom() - y) // fm.lineSpacing()))
            ja = self.lang == "ja" or self.lang is None and _tr("%n people").endswith("人")
            shown = (f"「{quote}」" if ja else f"“{quote}”") if self.persona.quote else quote
            block = wrap_text(shown, font, text.width(), lines)
            draw_block(painter, block, QRectF(text.left(), y, text.width(),
                                              fm.lineSpacing() * len(block)), fm)


def place_persona(header: QGraphicsItem) -> None:
    """Put the header's persona card above its emotion band (after a height change)."""
    card = getattr(header, "persona_card", None)
    if card is not None:
        h = header.boundingRect().height()
        card.setPos(INSET, max(4.0, h - EMOTION_H - CARD_H - 6))


def attach_persona(header: QGraphicsItem, persona: object, theme: Theme,
                   lang: str | None = None) -> None:
    """Give a lane header (with ``name`` and ``color``) the card of ``persona``, if any;
    ``lang``: the printed map's language (None: the interface's)."""
    if not isinstance(persona, Persona):
        return
    width = header.boundingRect().width() - INSET - 8
    header.persona_card = PersonaCard(theme, persona, header.name, header.color,  # type: ignore[attr-defined]
                                      max(60.0, width), header, lang)
    place_persona(header)


__all__ = ["PersonaCard", "attach_persona", "persona_tooltip", "photo_pixmap",
           "place_persona"]
