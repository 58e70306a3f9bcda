"""Text on the map and on export pages: line breaking, eliding, drawing lines.

One line breaker, :func:`line_spans` (Qt's QTextLayout: between words, or anywhere in
Japanese, then Japanese line-break rules — kinsoku: no line starts with a closing
bracket, punctuation, small kana or ー, no line ends with an opening bracket), serves
both unit systems. Short labels are balanced (:func:`balanced_spans`): a label of a few
lines never leaves one character alone on its last line ("安心・手軽さ" → "安心・" /
"手軽さ", not "安心・手軽" / "さ").

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

#: Characters a line must not start with (closing brackets, punctuation, small kana, ー).
NO_START = frozenset(
    "、。，．,.:;!?！？：；)]}）］｝〕〉》」』】〙〗〟’”｠»"
    "ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
    "‐゠–〜～・…‥")
#: Characters a line must not end with (opening brackets).
NO_END = frozenset("([{（［｛〔〈《「『【〘〖〝‘“｟«")
_BALANCE_MAX_LINES = 4      # labels of up to this many lines are balanced


def _spans_ok(text: str, spans: list[tuple[int, int]]) -> bool:
    """Do the breaks between ``spans`` keep the line-break rules?"""
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        if start < len(text) and text[start] in NO_START:
            return False
        if end > 0 and text[end - 1].strip() and text[end - 1] in NO_END:
            return False
    return True


def _fix_break(text: str, start: int, end: int) -> int:
    """Move a break at ``end`` (line from ``start``) back so the next line does not
    start with a NO_START character and this one does not end with a NO_END one."""
    n = len(text)
    e = end
    for _ in range(4):
        if e >= n or e - start <= 1:
            break
        bad_start = text[e] in NO_START
        bad_end = text[e - 1] in NO_END
        if not (bad_start or bad_end):
            return e
        e -= 1
    if e < n and e - start >= 1 and (text[e] in NO_START or text[e - 1] in NO_END):
        # Nothing better before it: hang the closing characters on this line instead
        # (a small overflow, as Japanese typesetting does).
        e = end
        while e < n and text[e] in NO_START and e - end < 3:
            e += 1
        return e
    return e


def line_spans(text: str, font: QFont, width: float, device: QPaintDevice | None = None,
               limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) str indices of the lines ``text`` breaks into at ``width``, keeping
    the Japanese line-break rules; stops after ``limit`` lines when given. ``device``:
    where the font is measured (None: the font's own metrics)."""
    spans = _qt_spans(text, font, width, device, limit)
    if len(spans) < 2 or _spans_ok(text, spans):
        return spans
    # Re-break line by line from the first break that needs moving.
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n and (limit is None or len(out) < limit):
        chunk = text[start:start + 4000]
        first = _qt_spans(chunk, font, width, device, 2)
        if not first:
            break
        end = start + first[0][1]
        if end <= start:
            end = start + 1
        if end < n:
            end = _fix_break(text, start, end)
        out.append((start, end))
        start = end
    return out


def _qt_spans(text: str, font: QFont, width: float, device: QPaintDevice | None = None,
              limit: int | None = None) -> list[tuple[int, int]]:
    """Qt's own line breaks (no kinsoku)."""
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


def balanced_spans(text: str, font: QFont, width: float, device: QPaintDevice | None = None,
                   limit: int | None = None) -> list[tuple[int, int]]:
    """As :func:`line_spans`, and a short label (up to four lines, all shown) that
    leaves one or two characters alone on its last line is broken at the narrowest
    width giving the same number of lines, so its lines come out even."""
    spans = line_spans(text, font, width, device, limit)
    n = len(spans)
    if n < 2 or n > _BALANCE_MAX_LINES or (limit is not None and n >= limit) \
            or spans[-1][1] < len(text.rstrip()):
        return spans
    last = text[spans[-1][0]:spans[-1][1]].strip()
    if len(last) > 2:
        return spans
    lo, hi, best = width / 2, width, spans
    for _ in range(7):
        mid = (lo + hi) / 2
        trial = line_spans(text, font, mid, device, n + 1)
        if len(trial) == n:
            best, hi = trial, mid
        else:
            lo = mid
    # Still one character alone (the lines are as even as greedy breaking gets): pull
    # one more character down from the line above, where the rules allow.
    best = list(best)
    (a, b), (_, c) = best[-2], best[-1]
    if len(text[b:c].strip()) <= 1:
        for k in (b - 1, b - 2, b - 3):
            if k - a >= 1 and text[k] not in NO_START and text[k - 1] not in NO_END \
                    and text[k] != " ":
                best[-2], best[-1] = (a, k), (k, c)
                break
    return best


# -- map items (scene pixels) ----------------------------------------------------------------------
def wrap_text(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``; the last one ends
    with an ellipsis when the text goes on. Breaks between words, or anywhere (CJK),
    keeping the Japanese line-break rules; short labels are balanced."""
    text = " ".join(text.split())
    if not text:
        return []
    spans = balanced_spans(text, font, width, limit=max_lines + 1)
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
            spans = balanced_spans(para, pt_font(size, bold), width, metrics_device())
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


__all__ = ["NO_END", "NO_START", "balanced_spans", "draw_block", "draw_lines", "elide", "line_spans", "line_step", "wrap",
           "wrap_text"]
