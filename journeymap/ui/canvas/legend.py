"""The map's legend on the canvas (View ▸ Legend): the PDF's legend as a box in the
canvas's bottom-right corner, drawn with the same swatches
(:mod:`journeymap.render.legend`)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from journeymap.render import legend

SW = 16.0        # swatch size, pixels
ROW = 24.0
PAD = 10.0


class LegendOverlay(QWidget):
    """A legend box over the canvas viewport; mouse clicks go through it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("canvasLegend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAccessibleName(self.tr("Legend"))
        self.hide()

    def rows(self) -> list[tuple[str, list[tuple[object, float, str]]]]:
        def sw(draw, *args):  # type: ignore[no-untyped-def]
            return lambda p, x, y: draw(p, x, y, SW, *args)

        return [
            (self.tr("Channel"), [
                (sw(legend.channel_swatch, "digital"), SW, self.tr("Digital")),
                (sw(legend.channel_swatch, "human"), SW, self.tr("Human")),
                (sw(legend.channel_swatch, "physical"), SW, self.tr("Physical")),
                (sw(legend.handoff_swatch), SW * legend.WIDE, self.tr("Handoff"))]),
            (self.tr("Pain severity"), [(sw(legend.severity_swatch, s), SW, "")
                                        for s in range(1, 6)]),
            (self.tr("Influence"), [(sw(legend.influence_swatch, w), SW * legend.WIDE, str(w))
                                    for w in range(6)]),
            (self.tr("Emotion"), [(sw(legend.emotion_swatch, v), SW, f"{v:+d}" if v else "0")
                                  for v in range(-2, 3)]),
        ]

    def _widths(self) -> tuple[float, float]:
        fm = QFontMetricsF(self.font())
        bold = self.font()
        bold.setBold(True)
        head = max(QFontMetricsF(bold).horizontalAdvance(t) for t, _ in self.rows()) + 12
        body = max(sum(w + (4 + fm.horizontalAdvance(t) if t else 0) + 8 for _, w, t in items)
                   for _, items in self.rows())
        return head, body

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        head, body = self._widths()
        return QSize(int(2 * PAD + head + body), int(2 * PAD + ROW * len(self.rows())))

    def place(self) -> None:
        """Bottom right of the parent, above the scroll bars."""
        parent = self.parentWidget()
        if parent is None:
            return
        self.resize(self.sizeHint())
        self.move(parent.width() - self.width() - 12, parent.height() - self.height() - 12)
        self.raise_()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor("#9aa0a6"), 1))
        p.setBrush(QColor(255, 255, 255, 240))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        head, _ = self._widths()
        fm = QFontMetricsF(self.font())
        bold = self.font()
        bold.setBold(True)
        y = PAD
        for title, items in self.rows():
            p.setFont(bold)
            p.setPen(QColor("#1d1f21"))
            base = y + (ROW + fm.ascent() - fm.descent()) / 2
            p.drawText(QPointF(PAD, base), title)
            x = PAD + head
            for paint, w, text in items:
                paint(p, x, y + (ROW - SW) / 2)   # type: ignore[operator]
                x += w
                if text:
                    p.setFont(self.font())
                    p.setPen(QColor("#1d1f21"))
                    p.drawText(QPointF(x + 4, base), text)
                    x += 4 + fm.horizontalAdvance(text)
                x += 8
            y += ROW
        p.end()


__all__ = ["LegendOverlay"]
