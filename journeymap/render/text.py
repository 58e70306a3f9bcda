"""Text on the map and on export pages: line breaking, eliding, drawing lines.

One line breaker, :func:`line_spans` (Qt's QTextLayout: between words, or anywhere in
Japanese), serves both unit systems:

* :func:`wrap_text` — map items, a QFont in scene pixels; whitespace collapsed, at most
  ``max_lines`` lines, the last one elided.
* :func:`wrap` — export pages, a size in points measured on the 72-dpi device; newlines
  kept, optionally capped at ``max_lines``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter, QTextLayout, QTextOption

from journeymap.render.fonts import metrics, metrics_device, pt_font


def line_spans(text: str, font: QFont, width: float, device: QPaintDevice | None = None,
               limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) str indices of the lines ``text`` breaks into at ``width``; stops
    after ``limit`` lines when given. ``device``: where the font is measured (None: the
    font's own metrics)."""
    layout = QTextLayout(text, font) if device is None else QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    # QTextLayout counts UTF-16 units; map them back to str indices (emoji etc.).
    utf16 = text.encode("utf-16-le")
    simple = len(utf16) == 2 * len(text)

    def idx(u: int) -> int:
        return u if simple else len(utf16[: 2 * u].decode("utf-16-le", "ignore"))

    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        a = line.textStart()
        spans.append((idx(a), idx(a + line.textLength())))
        if limit is not None and len(spans) >= limit:
            break
    layout.endLayout()
    return spans


# -- map items (scene pixels) ----------------------------------------------------------------------
def wrap_text(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``; the last one ends
    with an ellipsis when the text goes on. Breaks between words, or anywhere (CJK)."""
    text = " ".join(text.split())
    if not text:
        return []
    spans = line_spans(text, font, width, limit=max_lines + 1)
    lines = [text[a:b].strip() for a, b in spans[:max_lines]]
    if len(spans) > max_lines:
        rest = text[spans[max_lines - 1][0]:]
        lines[-1] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


def draw_block(painter: QPainter, lines: Sequence[str], rect: QRectF, fm: QFontMetricsF,
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


# -- export pages (points) ---------------------------------------------------------------------------
def wrap(text: str, size: float, width: float, bold: bool = False,
         max_lines: int | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` points at ``size`` pt. Newlines are kept;
    breaks fall between words, or anywhere in Japanese. With ``max_lines``, the last
    line ends with an ellipsis when text is left over."""
    fm = metrics(size, bold)
    out: list[str] = []
    for para in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        para = para.replace("\t", "    ").rstrip()
        if not para:
            out.append("")
        elif fm.horizontalAdvance(para) <= width:
            out.append(para)
        else:
            spans = line_spans(para, pt_font(size, bold), width, metrics_device())
            out += [para[a:b].rstrip() for a, b in spans] or [para]
        if max_lines is not None and len(out) > max_lines:
            break
    while out and out[-1] == "" and len(out) > 1:
        out.pop()
    if max_lines is not None and len(out) > max_lines:
        out = out[:max_lines]
        out[-1] = fm.elidedText(out[-1] + "…", Qt.TextElideMode.ElideRight, width)
    return out


def elide(text: str, size: float, width: float, bold: bool = False) -> str:
    text = " ".join(text.split())
    return metrics(size, bold).elidedText(text, Qt.TextElideMode.ElideRight, width)


def draw_lines(painter: QPainter, lines: list[str], x: float, y: float, size: float,
               bold: bool = False, leading: float = 1.25) -> float:
    """Draw ``lines`` with their top at ``y``; return the y below the last line."""
    fm = metrics(size, bold)
    painter.setFont(pt_font(size, bold))
    step = size * leading
    base = y + fm.ascent()
    for line in lines:
        if line:
            painter.drawText(QPointF(x, base), line)
        base += step
    return y + step * len(lines)


def line_step(size: float, leading: float = 1.25) -> float:
    return size * leading


__all__ = ["draw_block", "draw_lines", "elide", "line_spans", "line_step", "wrap",
           "wrap_text"]
