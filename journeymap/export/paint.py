"""Shared ground of the rendered exports (map PDF, report PDF, PNG, SVG).

* :func:`ensure_app` gives the Qt application the renderers need, made head-less
  (``QT_QPA_PLATFORM=offscreen``) when the process has none and no display.
* Every page is drawn in **points** on a 72-dpi device (QPdfWriter at resolution 72,
  or a QImage whose dots-per-metre say 72 dpi, scaled for a preview): one point is one
  device unit, so fonts given in points measure the same wherever they are drawn.
  :func:`pt_font` and :func:`metrics` follow that rule; :func:`wrap` breaks text into
  lines (between words, or anywhere for Japanese).
* :data:`TEXTS` holds the words of the exported pages in English and Japanese: the
  export language may differ from the UI language, so these are data, not Qt
  translations (as the chart and breakdown labels of :mod:`journeymap.analysis`).
* :func:`write_pdf_atomically` opens a QPdfWriter on a temporary file beside the target
  (:func:`journeymap.model.document.atomic_path`) and turns every failure into one
  :class:`~journeymap.model.document.DocumentError`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import os
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextLayout,
    QTextOption,
)

from journeymap.model.document import DocumentError, atomic_path
from journeymap.model.store import Store

#: called as progress(done, total) while pages are drawn
Progress = Callable[[int, int], None]

DPI = 72  # one device unit = one point
PAPERS = {"a3": QPageSize.PageSizeId.A3, "a4": QPageSize.PageSizeId.A4}

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "client": "Client", "journey": "Journey", "segment": "Segment", "date": "Date",
        "page": "page {n} of {total}",
        "empty_journey": "This journey has no touchpoints yet",
        "empty_journey_hint": "Add touchpoints to the lanes and stages in journeymap, "
                              "then export again.",
        "no_journeys": "This project has no journeys yet",
        "legend": "Legend",
        "channels": "Channel", "digital": "Digital", "human": "Human", "physical": "Physical",
        "severity": "Pain point severity (1–5)",
        "influence": "Influence of the role at the stage (0–5, cell tint)",
        "emotion": "Emotion (−2…+2)",
        "dimensions": "Dimensions", "rational": "rational", "emotional": "emotional",
        "handoff": "Handoff",
        "tile_label": "{label} — row {row} of {rows}, column {col} of {cols}",
        "tile_overview": "Assembly guide: {rows} × {cols} pages ({n} sheets), "
                         "overlap at least {overlap} mm — trim along the dashed line, glue over the "
                         "neighbour's margin",
        "next_right": "overlaps {label} →", "next_below": "overlaps {label} ↓",
        "report": "Journey report", "contents": "Journeys",
        "touchpoints": "touchpoints", "pain_points": "pain points", "stages": "stages",
        "roles": "roles", "handoffs": "handoffs",
        "actions_title": "Prioritised actions", "pains_title": "Pain points no action addresses",
        "charts_title": "Analyses", "notes": "Notes",
        "col_rank": "#", "col_item": "Title and breakdown", "col_priority": "Priority",
        "col_impact": "Impact", "col_severity": "Severity", "col_effort": "Effort",
        "col_status": "Status", "col_frequency": "Freq.",
        "addresses": "addresses {n} pain point(s)", "owner": "owner", "due": "due",
        "evidence": "Evidence", "where": "{journey} · {role} · {stage} · {touchpoint}",
        "none": "(none)", "continued": "(continued)",
        "all_journeys": "all journeys",
        "status_idea": "idea", "status_planned": "planned", "status_doing": "doing",
        "status_done": "done", "status_dropped": "dropped",
        "description": "Description",
        "factor_severity": "severity", "factor_frequency": "frequency",
        "factor_influence": "influence", "factor_dimension_weight": "dimension weight",
        "factor_votes": "votes", "factor_impact": "impact", "factor_effort": "effort",
    },
    "ja": {
        "client": "クライアント", "journey": "ジャーニー", "segment": "セグメント", "date": "日付",
        "page": "{n} / {total} ページ",
        "empty_journey": "このジャーニーにはまだタッチポイントがありません",
        "empty_journey_hint": "journeymap で役割とステージにタッチポイントを追加してから、"
                              "もう一度エクスポートしてください。",
        "no_journeys": "このプロジェクトにはまだジャーニーがありません",
        "legend": "凡例",
        "channels": "チャネル", "digital": "デジタル", "human": "人", "physical": "物理",
        "severity": "ペインポイントの深刻度（1〜5）",
        "influence": "ステージにおける役割の影響度（0〜5、セルの色の濃さ）",
        "emotion": "感情（−2〜+2）",
        "dimensions": "体験要素", "rational": "合理的価値", "emotional": "感情的価値",
        "handoff": "引き継ぎ",
        "tile_label": "{label} — {row}行目／全{rows}行、{col}列目／全{cols}列",
        "tile_overview": "貼り合わせ図：{rows}行 × {cols}列（{n}枚）、重なり {overlap} mm 以上 — "
                         "破線で切り、隣のページの余白に重ねて貼ってください",
        "next_right": "{label} と重なる →", "next_below": "{label} と重なる ↓",
        "report": "ジャーニーレポート", "contents": "ジャーニー",
        "touchpoints": "タッチポイント", "pain_points": "ペインポイント", "stages": "ステージ",
        "roles": "役割", "handoffs": "引き継ぎ",
        "actions_title": "優先順位付きの施策", "pains_title": "施策が対応していないペインポイント",
        "charts_title": "分析", "notes": "注記",
        "col_rank": "順位", "col_item": "タイトルと内訳", "col_priority": "優先度",
        "col_impact": "インパクト", "col_severity": "深刻度", "col_effort": "工数",
        "col_status": "状態", "col_frequency": "頻度",
        "addresses": "{n}件のペインポイントに対応", "owner": "担当", "due": "期限",
        "evidence": "根拠", "where": "{journey}・{role}・{stage}・{touchpoint}",
        "none": "（なし）", "continued": "（続き）",
        "all_journeys": "すべてのジャーニー",
        "status_idea": "アイデア", "status_planned": "計画済み", "status_doing": "実施中",
        "status_done": "完了", "status_dropped": "中止",
        "description": "説明",
        "factor_severity": "深刻度", "factor_frequency": "頻度",
        "factor_influence": "影響度", "factor_dimension_weight": "体験要素の重み",
        "factor_votes": "投票", "factor_impact": "インパクト", "factor_effort": "工数",
    },
}


def export_lang(store: Store, lang: str | None) -> str:
    """The language of an export: ``lang`` if given, else the project's (en/ja)."""
    if lang in TEXTS:
        return lang  # type: ignore[return-value]
    return "ja" if store.project.language == "ja" else "en"


def today(lang: str) -> str:
    d = _dt.date.today()
    return f"{d.year}年{d.month}月{d.day}日" if lang == "ja" else d.isoformat()


# -- Qt application ------------------------------------------------------------------------
def ensure_app():  # -> QCoreApplication
    """The running Qt application, or a new head-less QApplication.

    QGraphicsScene needs a QApplication (not only a QGuiApplication). With no display
    and no platform chosen, the offscreen platform is used, so scripts and CI render
    without a window system."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux") \
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["journeymap-export"])
    from journeymap.ui.fonts import qt_font_families

    qt_font_families()  # register the bundled IPAexGothic before anything measures text
    return app


# -- fonts and text ---------------------------------------------------------------------------
@cache
def metrics_device() -> QImage:
    """A 72-dpi paint device: fonts in points measure here as on every page we draw."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    dpm = round(DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


@cache
def pt_font(size: float, bold: bool = False) -> QFont:
    """The export font (UI family with IPAexGothic fallback) at ``size`` points."""
    from journeymap.ui.fonts import qt_font

    font = qt_font(size, bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@cache
def metrics(size: float, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(pt_font(size, bold), metrics_device())


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
            out += _layout_lines(para, pt_font(size, bold), width)
        if max_lines is not None and len(out) > max_lines:
            break
    while out and out[-1] == "" and len(out) > 1:
        out.pop()
    if max_lines is not None and len(out) > max_lines:
        out = out[:max_lines]
        out[-1] = fm.elidedText(out[-1] + "…", _elide_right(), width)
    return out


def _elide_right():  # -> Qt.TextElideMode
    from PySide6.QtCore import Qt

    return Qt.TextElideMode.ElideRight


def _layout_lines(text: str, font: QFont, width: float) -> list[str]:
    layout = QTextLayout(text, font, metrics_device())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    utf16 = text.encode("utf-16-le")
    simple = len(utf16) == 2 * len(text)

    def idx(u: int) -> int:  # QTextLayout counts UTF-16 units
        return u if simple else len(utf16[: 2 * u].decode("utf-16-le", "ignore"))

    lines = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        a = line.textStart()
        lines.append(text[idx(a):idx(a + line.textLength())].rstrip())
    layout.endLayout()
    return lines or [text]


def elide(text: str, size: float, width: float, bold: bool = False) -> str:
    text = " ".join(text.split())
    return metrics(size, bold).elidedText(text, _elide_right(), width)


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


# -- pages ----------------------------------------------------------------------------------------
def page_size_pt(paper: str, landscape: bool) -> QSizeF:
    size = QPageSize(PAPERS[paper]).size(QPageSize.Unit.Point)
    if landscape:
        size = QSizeF(size.height(), size.width())
    return size


@contextlib.contextmanager
def write_pdf_atomically(path: Path | str, paper: str, landscape: bool,
                         title: str) -> Iterator[tuple[QPdfWriter, QPainter]]:
    """A painter on a PDF at ``path`` (72 dpi: units are points, no page margins).

    The PDF is written to a temporary file beside ``path`` and renamed over it only when
    complete; any failure (folder missing or read-only, disk full) raises one
    DocumentError and leaves no file behind."""
    target = Path(path)
    with atomic_path(target, suffix=".pdf") as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setTitle(title)
        writer.setCreator("journeymap")
        layout = QPageLayout(QPageSize(PAPERS[paper]),
                             QPageLayout.Orientation.Landscape if landscape
                             else QPageLayout.Orientation.Portrait,
                             QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        writer.setPageLayout(layout)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EACCES, "the PDF cannot be opened for writing", str(target))
        try:
            yield writer, painter
        finally:
            if painter.isActive():
                painter.end()
        del writer
        _check_pdf(tmp, target)


def _check_pdf(tmp: Path, target: Path) -> None:
    """QPdfWriter reports no write errors: make sure the whole file reached the disk."""
    try:
        size = tmp.stat().st_size
        with open(tmp, "rb") as f:
            head = f.read(5)
            f.seek(max(0, size - 64))
            tail = f.read()
    except OSError:
        raise
    if head != b"%PDF-" or b"%%EOF" not in tail:
        # The usual cause is a full disk (Qt drops the failed writes silently).
        raise OSError(errno.ENOSPC, "the PDF was not written completely (disk full?)",
                      str(target))


def check_paper(paper: str | None, default: str) -> str:
    paper = (paper or default).lower()
    if paper not in PAPERS:
        raise DocumentError(f"unknown paper size {paper!r}; choose a3 or a4")
    return paper


def content_rect(size: QSizeF, margin: float) -> QRectF:
    return QRectF(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin)


__all__ = [
    "DPI", "PAPERS", "Progress", "TEXTS", "check_paper", "content_rect", "draw_lines",
    "elide", "ensure_app", "export_lang", "line_step", "metrics", "metrics_device",
    "page_size_pt", "pt_font", "today", "wrap", "write_pdf_atomically",
]
