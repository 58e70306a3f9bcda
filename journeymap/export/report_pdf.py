"""The PDF report: cover, prioritised actions and unaddressed pain points with their
breakdowns, and the charts of the analyses (docs/scoring.md, docs/analyses.md).

Text is drawn with QPainter in the bundled font (embedded, searchable, Japanese
included). Tables wrap long titles and split a row across pages when it is taller than
what is left of a page (a 100 kB evidence text runs over as many pages as it needs);
the header row is repeated on every page. Charts come from
:mod:`journeymap.analysis.charts` (the same functions as the app): each figure is saved
as SVG and drawn with QSvgRenderer, so it stays vector in the PDF.

Pages are laid out first (a list of drawing steps per page) and drawn afterwards, so the
footer can say "page n of N".
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QLoggingCategory, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from journeymap.analysis.content_text import BREAKDOWN_TEXT
from journeymap.analysis.scoring import RankedItem, Ranking, explain, num, plural, rank
from journeymap.export.paint import (
    TEXTS,
    Progress,
    check_paper,
    export_lang,
    page_size_pt,
    today,
    write_pdf_atomically,
)
from journeymap.model.store import PROJECT_ID, Change, Store
from journeymap.render.fonts import metrics
from journeymap.render.qt_bootstrap import ensure_app
from journeymap.render.text import draw_lines, elide, line_step, wrap

MARGIN = 42.0
FOOTER = 20.0
INK = QColor("#1d1f21")
MUTED = QColor("#5f6368")
RULE = QColor("#c8ccd0")
HEAD_BG = QColor("#e8ebef")
ZEBRA = QColor("#f6f7f8")
ACCENT = QColor("#1c71d8")
BODY = 9.0        # pt: titles in tables
SMALL = 7.5       # pt: breakdowns, evidence
PAD = 4.0
CHARTS = ("profile", "influence", "emotion", "channels", "nps", "handoffs")

Op = Callable[[QPainter], None]


@dataclass
class _Line:
    text: str
    size: float
    bold: bool = False
    color: QColor = field(default_factory=lambda: INK)

    @property
    def height(self) -> float:
        return line_step(self.size)


class _Flow:
    """Pages as lists of drawing steps, filled top to bottom."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.left = MARGIN
        self.right = width - MARGIN
        self.top = MARGIN
        self.bottom = height - MARGIN - FOOTER
        self.pages: list[list[Op]] = []
        self.y = self.top
        self.new_page()

    @property
    def room(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (or the page is empty)."""
        if height > self.room and self.y > self.top + 0.5:
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def text(self, lines: list[str], size: float, bold: bool = False,
             color: QColor = INK, indent: float = 0.0, after: float = 0.0) -> None:
        """Paragraph lines, continued on the next page when they do not fit."""
        step = line_step(size)
        for line in lines:
            self.ensure(step)
            x, y = self.left + indent, self.y

            def op(p: QPainter, line=line, x=x, y=y) -> None:
                p.setPen(color)
                draw_lines(p, [line], x, y, size, bold)
            self.add(op)
            self.y += step
        self.y += after

    def paragraph(self, text: str, size: float, bold: bool = False, color: QColor = INK,
                  indent: float = 0.0, after: float = 0.0) -> None:
        self.text(wrap(text, size, self.right - self.left - indent, bold), size, bold,
                  color, indent, after)

    def heading(self, text: str, size: float = 15.0, before: float = 6.0) -> None:
        lines = wrap(text, size, self.right - self.left, True)
        self.ensure(line_step(size) * len(lines) + 60)   # keep with what follows
        if self.y > self.top + 0.5:
            self.y += before
        self.text(lines, size, True)
        y = self.y + 1
        left, right = self.left, self.right

        def rule(p: QPainter) -> None:
            p.setPen(QPen(ACCENT, 1.0))
            p.drawLine(QPointF(left, y), QPointF(right, y))
        self.add(rule)
        self.y += 8


@dataclass(frozen=True)
class _Column:
    key: str
    width: float          # pt; 0 = takes what is left
    align_right: bool = False


class _Table:
    """A table whose rows may be split across pages; header repeated on every page."""

    def __init__(self, flow: _Flow, columns: list[_Column], headers: list[str]) -> None:
        self.flow = flow
        total = flow.right - flow.left
        fixed = sum(c.width for c in columns)
        self.columns = columns
        self.widths = [c.width or (total - fixed) for c in columns]
        self.headers = headers
        self.rows = 0

    def cell_width(self, i: int) -> float:
        return self.widths[i] - 2 * PAD

    def _header(self) -> None:
        flow = self.flow
        h = max(len(wrap(t, 7.5, self.cell_width(i), True)) for i, t in
                enumerate(self.headers)) * line_step(7.5) + 2 * PAD
        y = flow.y
        xs = self._xs()
        headers, widths = self.headers, self.widths

        def op(p: QPainter) -> None:
            p.fillRect(QRectF(xs[0], y, sum(widths), h), HEAD_BG)
            p.setPen(INK)
            for i, t in enumerate(headers):
                lines = wrap(t, 7.5, widths[i] - 2 * PAD, True)
                for k, line in enumerate(lines):
                    x = xs[i] + PAD
                    if self.columns[i].align_right:
                        x = xs[i] + widths[i] - PAD - metrics(7.5, True).horizontalAdvance(line)
                    draw_lines(p, [line], x, y + PAD + k * line_step(7.5), 7.5, True)
        flow.add(op)
        flow.y += h

    def _xs(self) -> list[float]:
        xs, x = [], self.flow.left
        for w in self.widths:
            xs.append(x)
            x += w
        return xs

    def start(self) -> None:
        self.flow.ensure(60)
        self._header()

    def row(self, cells: list[list[_Line]]) -> None:
        """Add a row; cells are lists of already wrapped lines."""
        flow = self.flow
        zebra = self.rows % 2 == 1
        self.rows += 1
        first_part = True
        cells = [list(c) for c in cells]
        while True:
            need = max(sum(ln.height for ln in c) for c in cells) + 2 * PAD
            smallest = max((c[0].height for c in cells if c), default=0) + 2 * PAD
            if flow.room < min(need, smallest + line_step(SMALL) * 2) and \
                    flow.y > flow.top + 40:
                flow.new_page()
                self._header()
            room = flow.room - 2 * PAD
            parts: list[list[_Line]] = []
            rests: list[list[_Line]] = []
            for c in cells:
                used, k = 0.0, 0
                while k < len(c) and used + c[k].height <= room + 0.01:
                    used += c[k].height
                    k += 1
                if k == 0 and c:
                    k = 1   # a line taller than a page: draw it anyway
                parts.append(c[:k])
                rests.append(c[k:])
            h = max(sum(ln.height for ln in c) for c in parts) + 2 * PAD
            self._draw_row(parts, flow.y, h, zebra, continued=not first_part)
            flow.y += h
            if not any(rests):
                break
            first_part = False
            flow.new_page()
            self._header()
            cells = [r if r else [] for r in rests]
            cells = [c if c or i != 0 else [] for i, c in enumerate(cells)]

    def _draw_row(self, parts: list[list[_Line]], y: float, h: float, zebra: bool,
                  continued: bool) -> None:
        xs, widths, columns = self._xs(), self.widths, self.columns

        def op(p: QPainter) -> None:
            if zebra:
                p.fillRect(QRectF(xs[0], y, sum(widths), h), ZEBRA)
            p.setPen(QPen(RULE, 0.5))
            p.drawLine(QPointF(xs[0], y + h), QPointF(xs[0] + sum(widths), y + h))
            for i, lines in enumerate(parts):
                ly = y + PAD
                for ln in lines:
                    p.setPen(ln.color)
                    x = xs[i] + PAD
                    if columns[i].align_right:
                        x = xs[i] + widths[i] - PAD - \
                            metrics(ln.size, ln.bold).horizontalAdvance(ln.text)
                    draw_lines(p, [ln.text], x, ly, ln.size, ln.bold)
                    ly += ln.height
            if continued:
                p.setPen(QPen(ACCENT, 1.2))
                p.drawLine(QPointF(xs[0], y), QPointF(xs[0], y + h))
        self.flow.add(op)


def _num(x: float) -> str:
    """A score in the report: at most two decimals (as on screen)."""
    return num(x)


class ReportBuilder:
    """Lays out the report of ``store`` (one journey or all) in ``lang``."""

    def __init__(self, store: Store, journey: str | None = None, paper: str | None = "a4",
                 lang: str | None = None) -> None:
        ensure_app()
        self.store = store
        self.journey = journey
        self.paper = check_paper(paper, "a4")
        self.lang = export_lang(store, lang)
        self.t = TEXTS[self.lang]
        size = page_size_pt(self.paper, landscape=False)
        self.flow = _Flow(size.width(), size.height())
        if journey is not None and store.get("journey", journey) is None:
            from journeymap.model.document import DocumentError

            raise DocumentError(f"no journey {journey!r} in this project")
        self.journeys = [journey] if journey else [j.id for j in store.journeys()]

    # -- sections ------------------------------------------------------------------------------
    def build(self, progress: Progress | None = None, charts: bool = True) -> list[list[Op]]:
        ranking = rank(self.store, self.journey, self.lang)
        self.cover()
        self.flow.new_page()
        self.actions(ranking)
        self.pains(ranking)
        self.done(ranking)
        if charts:
            self.charts(progress)
        return self.flow.pages

    def cover(self) -> None:
        f, t, info = self.flow, self.t, self.store.project
        f.y = f.top + 60
        f.paragraph(t["report"], 11, True, ACCENT, after=6)
        f.paragraph(info.title or "journeymap", 24, True, after=6)
        if info.client:
            f.paragraph(f"{t['client']}: {info.client}", 12, color=MUTED, after=2)
        f.paragraph(f"{t['date']}: {today(self.lang)}", 10, color=MUTED, after=2)
        scope = self.store.journey(self.journey).name if self.journey else t["all_journeys"]
        f.paragraph(f"{t['journey']}: {scope}", 10, color=MUTED, after=24)
        f.heading(t["contents"], 13)
        s = self.store
        for jid in self.journeys:
            j = s.journey(jid)
            f.ensure(60)
            f.paragraph(j.name, 12, True, after=1)
            if j.segment:
                f.paragraph(f"{t['segment']}: {j.segment}", 9, color=MUTED, after=1)
            counts = (f"{len(s.stages(jid))} {t['stages']} · {len(s.lanes(jid))} {t['roles']} · "
                      f"{len(s.touchpoints(jid))} {t['touchpoints']} · "
                      f"{len(s.journey_pain_points(jid))} {t['pain_points']} · "
                      f"{len(s.handoffs(jid))} {t['handoffs']}")
            f.paragraph(counts, 9, color=MUTED, after=2)
            if j.description:
                f.paragraph(j.description, SMALL + 1, after=2)
            f.y += 8

    def _notes(self, ranking: Ranking) -> None:
        if ranking.notes:
            for note in ranking.notes:
                self.flow.paragraph(f"• {note}", 8, color=MUTED)
            self.flow.y += 6

    def _breakdown(self, item: RankedItem, width: float) -> list[_Line]:
        """The row's explanation in words (names, rounded numbers; no title: the row
        shows it above)."""
        text = explain(item, self.lang)
        text = text[len(item.title) + 3:] if text.startswith(item.title + " — ") else text
        return [_Line(s, SMALL, color=MUTED) for s in wrap(text, SMALL, width)]

    def actions(self, ranking: Ranking) -> None:
        f, t = self.flow, self.t
        f.heading(t["actions_title"])
        self._notes(ranking)
        cols = [_Column("rank", 30), _Column("item", 0), _Column("priority", 58, True),
                _Column("severity", 44, True), _Column("effort", 38, True),
                _Column("status", 60)]
        table = _Table(f, cols, [t["col_rank"], t["col_item"], t["col_priority"],
                                 t["col_severity"], t["col_effort"], t["col_status"]])
        if not ranking.actions:
            f.paragraph(t["none"], BODY, color=MUTED, after=10)
            return
        table.start()
        w = table.cell_width(1)
        for item in ranking.actions:
            main = [_Line(s, BODY, True) for s in wrap(item.title, BODY, w, True)]
            meta = [t["addresses"].format(pains=plural(BREAKDOWN_TEXT[self.lang], "pain",
                                                       len(item.pain_ids)))]
            if item.owner:
                meta.append(f"{t['owner']}: {item.owner}")
            action = self.store.get("action", item.id)
            due = getattr(action, "due", None)
            if due:
                meta.append(f"{t['due']}: {due}")
            main += [_Line(s, SMALL, color=MUTED) for s in wrap(" · ".join(meta), SMALL, w)]
            main += self._breakdown(item, w)
            status = t.get(f"status_{item.status}", item.status or "")
            table.row([
                [_Line(str(item.rank), BODY, True)], main,
                [_Line(_num(item.priority), BODY)], [_Line(str(item.severity or "–"), BODY)],
                [_Line(str(item.effort or "–"), BODY)],
                [_Line(s, SMALL) for s in wrap(status, SMALL, table.cell_width(5))],
            ])
        f.y += 10

    def done(self, ranking: Ranking) -> None:
        """The actions already done, with the pain points they addressed (not ranked)."""
        if not ranking.done:
            return
        f, t, s = self.flow, self.t, self.store
        f.heading(t["done_title"])
        cols = [_Column("rank", 30), _Column("item", 0), _Column("priority", 58, True)]
        table = _Table(f, cols, [t["col_rank"], t["col_addressed"], t["col_priority"]])
        table.start()
        w = table.cell_width(1)
        for item in ranking.done:
            main = [_Line(x, BODY, True) for x in wrap(item.title, BODY, w, True)]
            titles = [getattr(s.get("pain_point", pid), "title", "") for pid in item.pain_ids]
            for title in titles:
                main += [_Line(x, SMALL) for x in wrap(f"• {title}", SMALL, w)]
            if not titles:
                main.append(_Line(t["none"], SMALL, color=MUTED))
            table.row([[_Line(str(item.rank), BODY, True)], main,
                       [_Line(_num(item.priority), BODY)]])
        f.y += 10

    def pains(self, ranking: Ranking) -> None:
        f, t, s = self.flow, self.t, self.store
        f.heading(t["pains_title"])
        cols = [_Column("rank", 30), _Column("item", 0), _Column("impact", 58, True),
                _Column("severity", 44, True), _Column("frequency", 38, True)]
        table = _Table(f, cols, [t["col_rank"], t["col_item"], t["col_impact"],
                                 t["col_severity"], t["col_frequency"]])
        if not ranking.pains:
            f.paragraph(t["none"], BODY, color=MUTED, after=10)
            return
        table.start()
        w = table.cell_width(1)
        dims = {d.id: d.name for d in s.dimensions()}
        for item in ranking.pains:
            main = [_Line(x, BODY, True) for x in wrap(item.title, BODY, w, True)]
            tp = s.get("touchpoint", item.touchpoint_ids[0]) if item.touchpoint_ids else None
            where = t["where"].format(
                journey=getattr(s.get("journey", item.journey or ""), "name", ""),
                role=getattr(s.get("role", item.role or ""), "name", ""),
                stage=getattr(s.get("stage", item.stage or ""), "name", ""),
                touchpoint=getattr(tp, "title", ""))
            if item.dimension:
                where += f" · {dims.get(item.dimension, item.dimension)}"
            main += [_Line(x, SMALL, color=MUTED) for x in wrap(where, SMALL, w)]
            pain = s.get("pain_point", item.id)
            evidence = getattr(pain, "evidence", "")
            if evidence:
                main += [_Line(x, SMALL) for x in wrap(f"{t['evidence']}: {evidence}", SMALL, w)]
            main += self._breakdown(item, w)
            table.row([
                [_Line(str(item.rank), BODY, True)], main,
                [_Line(_num(item.priority), BODY)], [_Line(str(item.severity), BODY)],
                [_Line(str(item.frequency or "–"), BODY)],
            ])
        f.y += 10

    def charts(self, progress: Progress | None = None) -> None:
        from journeymap.analysis import charts

        f, t = self.flow, self.t
        store = _in_language(self.store, self.lang)
        width = f.right - f.left
        height = round(width * 0.55)
        jobs: list[tuple[str, str | None, str | None]] = [
            (name, jid, None) for jid in self.journeys for name in CHARTS]
        if len(self.journeys) >= 2:
            jobs.append(("comparison", self.journeys[0], self.journeys[1]))
        # matplotlib writes an empty path for an empty chart area; QtSvg complains.
        QLoggingCategory.setFilterRules("qt.svg.warning=false")
        f.new_page()
        f.heading(t["charts_title"])
        current: str | None = ""
        for k, (name, jid, other) in enumerate(jobs):
            if name != "comparison" and jid != current:
                current = jid
                f.ensure(line_step(12) + height + 10)
                f.paragraph(self.store.journey(jid or "").name, 12, True, after=4)
            svg = _chart_svg(charts, name, store, jid, other, width / 72, height / 72)
            f.ensure(height + 8)
            rect = QRectF(f.left, f.y, width, height)

            def op(p: QPainter, svg=svg, rect=rect) -> None:
                from PySide6.QtSvg import QSvgRenderer

                renderer = QSvgRenderer(QByteArray(svg))
                renderer.render(p, rect)
            f.add(op)
            f.y += height + 12
            if progress is not None:
                progress(k + 1, len(jobs) + 1)   # the last step: writing the pages


def _chart_svg(charts, name: str, store: Store, journey: str | None,  # type: ignore[no-untyped-def]
               other: str | None, w_in: float, h_in: float) -> bytes:
    from matplotlib import rc_context

    fig = charts.new_figure(w_in, h_in)
    if name == "comparison":
        charts.comparison_chart(fig, store, journey, other)
    else:
        charts.draw(name, fig, store, journey)
    buf = io.BytesIO()
    # Text stays text (searchable; QtSvg draws it in the bundled font the SVG names).
    # A crowded chart may not fit its layout: matplotlib warns and still draws it.
    with rc_context({"svg.fonttype": "none"}), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fig.savefig(buf, format="svg")
    return buf.getvalue()


def _in_language(store: Store, lang: str) -> Store:
    """``store`` whose project language is ``lang`` (chart labels follow it)."""
    info = store.project
    if info.language == lang:
        return store
    copy = store.copy()
    copy.apply([Change("project", PROJECT_ID, store.get("project", PROJECT_ID),
                       info.with_(language=lang))])
    return copy


def write_report_pdf(store: Store, path: Path | str, *, journey: str | None = None,
                     paper: str | None = "a4", lang: str | None = None,
                     progress: Progress | None = None, charts: bool = True) -> Path:
    """Write the PDF report (portrait ``paper``, a4 by default) of ``journey`` (None:
    the whole project) in ``lang`` (None: the project's); ``charts=False`` leaves the
    analyses out. Atomic; DocumentError when it cannot be written."""
    builder = ReportBuilder(store, journey, paper, lang)
    pages = builder.build(progress, charts)
    title = store.project.title or "journeymap"
    footer_left = f"{title} — {builder.t['report']}"
    flow = builder.flow
    n = len(pages)
    with write_pdf_atomically(path, builder.paper, False, title) as (writer, painter):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for i, ops in enumerate(pages):
            if i:
                writer.newPage()
            for op in ops:
                op(painter)
            _footer(painter, flow, footer_left, builder.t["page"].format(n=i + 1, total=n))
    if progress is not None:
        progress(1, 1)
    return Path(path)


def _footer(painter: QPainter, flow: _Flow, left: str, right: str) -> None:
    y = flow.height - MARGIN - 10
    painter.setPen(QPen(RULE, 0.5))
    painter.drawLine(QPointF(flow.left, y - 3), QPointF(flow.right, y - 3))
    painter.setPen(MUTED)
    fm = metrics(7.5)
    draw_lines(painter, [right], flow.right - fm.horizontalAdvance(right), y, 7.5)
    draw_lines(painter, [elide(left, 7.5, flow.right - flow.left - fm.horizontalAdvance(right)
                               - 20)], flow.left, y, 7.5)


__all__ = ["ReportBuilder", "write_report_pdf"]
