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

from journeymap.analysis.content_text import BREAKDOWN_TEXT, METHOD_TEXT
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
from journeymap.export.report_personas import personas_and_to_be
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
WRITE_STEPS = 10  # progress steps of drawing the pages, after one per chart
CHARTS = ("profile", "influence", "emotion", "channels", "nps", "handoffs")

Op = Callable[[QPainter], None]

#: Extra sections per journey, drawn after its charts and analyses (or after its map page
#: when the report has no charts): ``section(builder, journey_id)`` adds to
#: ``builder.flow`` (``heading``, ``paragraph``, ``_Table``). The hook for pages such as
#: personas or per-role views; append to it from the module that draws them.
JOURNEY_SECTIONS: list[Callable[[ReportBuilder, str], None]] = []


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

    def fresh_page(self) -> None:
        """Continue on a new page unless the current one is still empty."""
        if self.pages[-1] or self.y > self.top + 0.5:
            self.new_page()

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
                 lang: str | None = None, map_paper: str | None = "a3",
                 maps: bool = True) -> None:
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
        self.map_paper = check_paper(map_paper, "a3")
        self.maps = maps
        #: page index → journey whose map fills that page (landscape, map_paper)
        self.map_pages: dict[int, str] = {}
        self.chart_steps = 0   # progress steps the charts took (0: no charts)

    # -- sections ------------------------------------------------------------------------------
    def build(self, progress: Progress | None = None, charts: bool = True) -> list[list[Op]]:
        """Cover with the executive summary; per journey its map on a page of its own
        (landscape ``map_paper``) and, with ``charts``, its charts and handoffs in words;
        then the full ranked lists, the done actions and the method appendix."""
        ranking = rank(self.store, self.journey, self.lang)
        self.cover()
        self.summary(ranking)
        self.descriptions()
        if charts:
            self.charts(progress, with_maps=self.maps)
        elif self.maps:
            for jid in self.journeys:
                self.map_page(jid)
                for section in JOURNEY_SECTIONS:
                    section(self, jid)
        self.flow.fresh_page()
        self.actions(ranking)
        self.pains(ranking)
        self.done(ranking)
        personas_and_to_be(self, _Table, _Column, _Line)  # personas, to-be (report_personas.py)
        self.method()
        return self.flow.pages

    # -- executive summary ----------------------------------------------------------------
    def summary(self, ranking: Ranking) -> None:
        """The five actions to start with (why, in one line each), the worst stage per
        role, and NPS where survey scores exist."""
        f, t = self.flow, self.t
        f.heading(t["summary"], 13)
        f.paragraph(t["start_with"], 10, True, after=2)
        if not ranking.actions:
            f.paragraph(t["none"], 9, color=MUTED, after=6)
        for item in ranking.actions[:5]:
            f.paragraph(f"{item.rank}. " + t["start_why"].format(
                title=item.title, why=self._why(item)), 9, indent=6, after=1)
        f.y += 6
        f.paragraph(t["worst_stages"], 10, True, after=2)
        lines = self._worst_stages()
        for line in lines or [t["none"]]:
            f.paragraph(f"• {line}", 9, indent=6, after=1)
        f.y += 6
        f.paragraph(t["nps_title"], 10, True, after=2)
        lines = self._nps_lines()
        for line in lines or [t["no_nps"]]:
            f.paragraph(f"• {line}", 9, indent=6, after=1)

    def _why(self, item: RankedItem) -> str:
        t, bt = self.t, BREAKDOWN_TEXT[self.lang]
        pains = [self.store.get("pain_point", pid) for pid in item.pain_ids]
        pains = [p for p in pains if p is not None]
        if not pains:
            return t["why_none"]
        worst = max(pains, key=lambda p: (p.severity, p.frequency))  # type: ignore[attr-defined]
        quote = "「{}」" if self.lang == "ja" else "“{}”"
        return t["why"].format(pains=plural(bt, "pain", len(pains)),
                               worst=quote.format(worst.title),  # type: ignore[attr-defined]
                               sev=worst.severity, effort=item.effort,  # type: ignore[attr-defined]
                               p=_num(item.priority))

    def _worst_stages(self) -> list[str]:
        """Per role (lane order over the journeys in scope): the stage whose pain points
        weigh most (summed impact), or without pain points the lowest mean emotion."""
        from journeymap.analysis.scoring import pain_impacts

        s, t, bt = self.store, self.t, BREAKDOWN_TEXT[self.lang]
        impacts: dict[str, float] = {}
        for jid in self.journeys:
            impacts.update(pain_impacts(s, jid))
        cells: dict[str, dict[tuple[str, str], list[float]]] = {}
        emotions: dict[str, dict[tuple[str, str], list[int]]] = {}
        roles: list[str] = []
        for jid in self.journeys:
            roles += [r.id for r in s.lane_roles(jid) if r.id not in roles]
            for tp in s.touchpoints(jid):
                key = (jid, tp.stage)
                if tp.emotion is not None:
                    emotions.setdefault(tp.role, {}).setdefault(key, []).append(tp.emotion)
                for pain in s.pain_points(tp.id):
                    if pain.id in impacts:
                        cells.setdefault(tp.role, {}).setdefault(key, []).append(
                            impacts[pain.id])
        several = len(self.journeys) > 1
        order = {st.id: i for jid in self.journeys for i, st in enumerate(s.stages(jid))}
        out = []
        for rid in roles:
            role = getattr(s.get("role", rid), "name", "")
            by_cell = cells.get(rid, {})
            if by_cell:
                (jid, sid), vals = max(by_cell.items(), key=lambda kv: (
                    sum(kv[1]), -order.get(kv[0][1], 0)))
                line = t["worst_stage"].format(
                    role=role, stage=getattr(s.get("stage", sid), "name", ""),
                    pains=plural(bt, "pain", len(vals)), impact=_num(sum(vals)))
            elif emotions.get(rid):
                (jid, sid), vals = min(emotions[rid].items(), key=lambda kv: (
                    sum(kv[1]) / len(kv[1]), order.get(kv[0][1], 0)))
                line = t["worst_stage_emotion"].format(
                    role=role, stage=getattr(s.get("stage", sid), "name", ""),
                    emotion=_num(sum(vals) / len(vals), 1))
            else:
                continue
            if several:
                line += t["worst_journey"].format(journey=s.journey(jid).name)
            out.append(line)
        return out

    def _nps_lines(self) -> list[str]:
        from journeymap.analysis.summaries import journey_summary, signed

        t = self.t
        out = []
        for jid in self.journeys:
            js = journey_summary(self.store, jid)
            if js.nps.nps is None:
                continue
            n = js.nps.n
            scores = t["score_one"] if n == 1 else t["score_many"].format(n=n)
            out.append(t["nps_line"].format(journey=js.name, nps=signed(js.nps.nps),
                                            n=scores, touchpoints=js.scored_touchpoints))
        return out

    def descriptions(self) -> None:
        """The journeys' descriptions in full, after the summary (page 1 stays a summary)."""
        f, s = self.flow, self.store
        described = [s.journey(j) for j in self.journeys if s.journey(j).description]
        if not described:
            return
        f.y += 6
        f.heading(f"{self.t['contents']} — {self.t['description']}", 13)
        for j in described:
            f.paragraph(j.name, 10, True, after=1)
            f.paragraph(j.description, SMALL + 1, after=6)

    # -- map pages ------------------------------------------------------------------------
    def map_page(self, jid: str) -> None:
        """A page of its own for the journey's map, fitted, on ``map_paper`` landscape
        (drawn by :func:`write_report_pdf` with the map PDF's code)."""
        self.flow.fresh_page()
        self.map_pages[len(self.flow.pages) - 1] = jid
        self.flow.new_page()

    # -- appendix -------------------------------------------------------------------------
    def method(self) -> None:
        f, t = self.flow, self.t
        f.heading(t["method"])
        for para in METHOD_TEXT[self.lang]:
            f.paragraph(para, 8.5, after=4)

    def cover(self) -> None:
        f, t, info = self.flow, self.t, self.store.project
        f.y = f.top + 10
        f.paragraph(t["report"], 11, True, ACCENT, after=6)
        f.paragraph(info.title or "journeymap", 24, True, after=6)
        if info.client:
            f.paragraph(f"{t['client']}: {info.client}", 12, color=MUTED, after=2)
        f.paragraph(f"{t['date']}: {today(self.lang)}", 10, color=MUTED, after=2)
        scope = self.store.journey(self.journey).name if self.journey else t["all_journeys"]
        f.paragraph(f"{t['journey']}: {scope}", 10, color=MUTED, after=12)
        f.heading(t["contents"], 13)
        s = self.store
        for jid in self.journeys:
            j = s.journey(jid)
            f.ensure(60)
            f.paragraph(j.name, 12, True, after=1)
            if j.segment:
                f.paragraph(f"{t['segment']}: {j.segment}", 9, color=MUTED, after=1)
            counts = " · ".join(self._count(n, key) for n, key in (
                (len(s.stages(jid)), "stages"), (len(s.lanes(jid)), "roles"),
                (len(s.touchpoints(jid)), "touchpoints"),
                (len(s.journey_pain_points(jid)), "pain_points"),
                (len(s.handoffs(jid)), "handoffs")))
            f.paragraph(counts, 9, color=MUTED, after=2)
            f.y += 4

    def _count(self, n: int, key: str) -> str:
        """``n`` things in words with the right number form ("1 stage", "10 stages")."""
        if self.lang == "ja" or n != 1:
            return f"{n} {self.t[key]}"
        return f"1 {self.t[key + '_one']}"

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

    def _journey_words(self, jid: str) -> None:
        """What follows a journey's charts: metrics beside NPS, handoffs in words, then
        the sections registered in :data:`JOURNEY_SECTIONS`."""
        self._metric_words(jid)
        self._handoff_words(jid)
        for section in JOURNEY_SECTIONS:
            section(self, jid)

    def _metric_words(self, jid: str) -> None:
        """Scenario NPS beside the operational metrics; good metrics hiding a poor
        experience called out."""
        from journeymap.analysis.content_text import METRIC_TEXT
        from journeymap.analysis.summaries import describe_metrics, metrics_beside_nps

        checks = metrics_beside_nps(self.store, jid)
        if not checks:
            return
        f, t = self.flow, METRIC_TEXT[self.lang]
        callouts, rows = describe_metrics(self.store, checks, self.lang)
        f.ensure(80)
        f.paragraph(t["title"], 11, True, after=3)
        for c in callouts or [t["none"]]:
            f.paragraph(("▲ " if callouts else "") + c, 8.5, bool(callouts),
                        QColor("#a40000") if callouts else INK, indent=6, after=2)
        f.paragraph(t["intro"], SMALL, color=MUTED, after=2)
        for r in rows:
            f.paragraph(f"• {r}", SMALL + 0.5, indent=6, after=1)
        f.y += 4

    def _handoff_words(self, jid: str) -> None:
        from journeymap.analysis.graph import analyse_handoffs, describe_handoffs

        f = self.flow
        f.ensure(80)
        f.paragraph(self.t["handoffs_title"], 11, True, after=3)
        for head, lines in describe_handoffs(self.store, analyse_handoffs(self.store, jid),
                                             self.lang):
            if head:
                f.paragraph(head, 9, True, after=1)
            for line in lines:
                chain = line.startswith("    ")
                f.paragraph(line.strip() if chain else f"• {line}", SMALL if chain else 8.5,
                            color=MUTED if chain else INK, indent=18 if chain else 6,
                            after=1)
            f.y += 3

    def charts(self, progress: Progress | None = None, with_maps: bool = False) -> None:
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
        current: str | None = ""
        for k, (name, jid, other) in enumerate(jobs):
            if name != "comparison" and jid != current:
                if current:
                    self._journey_words(current)
                current = jid
                if with_maps:
                    self.map_page(jid or "")
                else:
                    f.fresh_page()
                f.heading(f"{t['charts_title']} — {self.store.journey(jid or '').name}")
            elif name == "comparison":
                if current:
                    self._journey_words(current)
                    current = None
                f.fresh_page()
                f.heading(t["charts_title"])
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
                # The last WRITE_STEPS steps: drawing the pages (write_report_pdf).
                progress(k + 1, len(jobs) + WRITE_STEPS)
        self.chart_steps = len(jobs)
        if current:
            self._journey_words(current)


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
                     progress: Progress | None = None, charts: bool = True,
                     map_paper: str | None = "a3", maps: bool = True) -> Path:
    """Write the PDF report (portrait ``paper``, a4 by default) of ``journey`` (None:
    the whole project) in ``lang`` (None: the project's); each journey's map on a page of
    its own in landscape ``map_paper`` (a3 by default; ``maps=False`` leaves them out);
    ``charts=False`` leaves the analyses out. Atomic; DocumentError when it cannot be
    written."""
    builder = ReportBuilder(store, journey, paper, lang, map_paper, maps)
    pages = builder.build(progress, charts)
    title = store.project.title or "journeymap"
    footer_left = f"{title} — {builder.t['report']}"
    n = len(pages)
    docs = _MapPages(builder)
    try:
        with write_pdf_atomically(path, builder.paper, False, title) as (writer, painter):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for i in range(n):
                if i:
                    writer.setPageLayout(docs.layout(i))
                    writer.newPage()
                draw_report_page(builder, docs, painter, i, footer_left)
                if progress is not None and builder.chart_steps:
                    progress(builder.chart_steps + (i + 1) * WRITE_STEPS // n,
                             builder.chart_steps + WRITE_STEPS)
    finally:
        docs.close()
    if progress is not None:
        progress(1, 1)
    return Path(path)


class _MapPages:
    """The map documents of a report's map pages (one per journey, made when needed)."""

    def __init__(self, builder: ReportBuilder) -> None:
        self.builder = builder
        self.docs: dict[str, object] = {}

    def doc(self, jid: str):  # type: ignore[no-untyped-def]  # -> MapDocument
        from journeymap.export.map_pdf import MapDocument

        d = self.docs.get(jid)
        if d is None:
            b = self.builder
            d = self.docs[jid] = MapDocument(b.store, jid, b.map_paper, b.lang)
        return d

    def layout(self, index: int):  # type: ignore[no-untyped-def]  # -> QPageLayout
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize

        from journeymap.export.paint import PAPERS

        b = self.builder
        landscape = index in b.map_pages
        return QPageLayout(QPageSize(PAPERS[b.map_paper if landscape else b.paper]),
                           QPageLayout.Orientation.Landscape if landscape
                           else QPageLayout.Orientation.Portrait,
                           QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)

    def close(self) -> None:
        for d in self.docs.values():
            d.close()  # type: ignore[attr-defined]
        self.docs.clear()


def draw_report_page(builder: ReportBuilder, docs: _MapPages, painter: QPainter, index: int,
                     footer_left: str) -> None:
    """Draw page ``index`` of a built report (painter units: points of that page)."""
    n = len(builder.flow.pages)
    right = builder.t["page"].format(n=index + 1, total=n)
    jid = builder.map_pages.get(index)
    if jid is None:
        for op in builder.flow.pages[index]:
            op(painter)
        _footer(painter, builder.flow.width, builder.flow.height, footer_left, right)
        return
    doc = docs.doc(jid)
    size = doc.size
    painter.save()
    painter.fillRect(QRectF(QPointF(0, 0), size), QColor("#ffffff"))
    doc._title_block(painter, jid)
    if not builder.store.touchpoints(jid):
        doc._draw_empty(painter, jid, doc.map_area())
    else:
        legend_h = doc.legend_height()
        doc._legend(painter, QRectF(MARGIN, size.height() - MARGIN - legend_h,
                                    size.width() - 2 * MARGIN, legend_h))
        doc._draw_fitted(painter, jid, doc.map_area())
    painter.restore()
    # Below the map's legend (the map PDF's footer line), not over it.
    _footer(painter, size.width(), size.height(), footer_left, right, y=size.height() - MARGIN + 12)


def preview_report_page(store: Store, width_px: int, *, journey: str | None = None,
                        paper: str | None = "a4", lang: str | None = None,
                        map_paper: str | None = "a3", index: int = 0):  # type: ignore[no-untyped-def]
    """Page ``index`` (page 1 by default) of the report as printed, as a QImage
    ``width_px`` wide: the same layout and drawing as :func:`write_report_pdf` (charts
    are laid out only when the page asked for needs them)."""
    from PySide6.QtGui import QImage

    builder = ReportBuilder(store, journey, paper, lang, map_paper)
    builder.build(None, charts=index > 0)
    index = max(0, min(index, len(builder.flow.pages) - 1))
    docs = _MapPages(builder)
    try:
        if index in builder.map_pages:
            size = docs.doc(builder.map_pages[index]).size
            w, h = size.width(), size.height()
        else:
            w, h = builder.flow.width, builder.flow.height
        s = width_px / w
        image = QImage(max(1, int(w * s)), max(1, int(h * s)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(s, s)
        title = store.project.title or "journeymap"
        draw_report_page(builder, docs, painter, index, f"{title} — {builder.t['report']}")
        painter.end()
    finally:
        docs.close()
    return image


def _footer(painter: QPainter, width: float, height: float, left: str, right: str,
            y: float | None = None) -> None:
    flow = _Flow.__new__(_Flow)
    flow.left, flow.right = MARGIN, width - MARGIN
    y = height - MARGIN - 10 if y is None else y
    painter.setPen(QPen(RULE, 0.5))
    painter.drawLine(QPointF(flow.left, y - 3), QPointF(flow.right, y - 3))
    painter.setPen(MUTED)
    fm = metrics(7.5)
    draw_lines(painter, [right], flow.right - fm.horizontalAdvance(right), y, 7.5)
    draw_lines(painter, [elide(left, 7.5, flow.right - flow.left - fm.horizontalAdvance(right)
                               - 20)], flow.left, y, 7.5)


__all__ = ["JOURNEY_SECTIONS", "ReportBuilder", "draw_report_page", "preview_report_page",
           "write_report_pdf"]
