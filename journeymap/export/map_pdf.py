"""The journey map as a print-grade vector PDF (A3 or A4 landscape).

Every journey gets its own page(s). A page carries a title block (project, client,
journey, segment, date), the map and a legend, all in the export language. The map is
drawn by the map renderer the canvas also uses: a
:class:`~journeymap.render.scene.MapScene` in ``print_mode`` rendered with ``scene.render(painter, target, source)``, so what is
printed is what the workshop saw.

Fit or tile: the map is fitted to one page unless that makes card titles smaller than
:data:`MIN_TEXT_PT` (or ``tile=True``); then the journey is printed as an assembly guide
(the whole map small, with the tile grid) followed by tiles at :data:`TILE_SCALE`, each
with overlap margins, crop marks, a dashed trim line and a label such as
"B1 — row 2 of 2, column 1 of 3".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from journeymap.export.paint import (
    TEXTS,
    Progress,
    check_paper,
    export_lang,
    page_size_pt,
    today,
    write_pdf_atomically,
)
from journeymap.model.store import Store
from journeymap.render import legend
from journeymap.render.cards import TITLE_PX
from journeymap.render.changes import mark_to_be
from journeymap.render.fonts import DPI, metrics
from journeymap.render.qt_bootstrap import ensure_app
from journeymap.render.scene import MapScene
from journeymap.render.text import draw_lines, elide, line_step, wrap

MARGIN = 24.0            # pt around the page (crop marks and tile labels live here)
TITLE_H = 40.0           # title block
GAP = 8.0
MIN_TEXT_PT = 6.0        # card titles smaller than this on paper: tile instead
TILE_SCALE = 0.5         # pt per scene unit on tiles: card titles at 7.5 pt
OVERLAP_MM = 10.0
OVERLAP = OVERLAP_MM / 25.4 * 72
TILE_HEADER_H = 14.0
INK = QColor("#1d1f21")
MUTED = QColor("#5f6368")
RULE = QColor("#9aa0a6")


@dataclass(frozen=True)
class MapPage:
    """One page of a map PDF. ``kind``: ``fit`` (whole map), ``overview`` (assembly
    guide of a tiled journey), ``tile``, ``empty`` (journey without touchpoints),
    ``none`` (project without journeys)."""

    journey: str | None
    kind: str
    scale: float = 1.0
    source: QRectF | None = None      # scene rect shown (tiles)
    row: int = 0
    col: int = 0
    rows: int = 1
    cols: int = 1
    overlap_x: float = OVERLAP    # pt shared with the neighbour tile, across / down
    overlap_y: float = OVERLAP

    @property
    def label(self) -> str:
        return tile_label(self.row, self.col)


def tile_label(row: int, col: int) -> str:
    """``A1`` for the top-left tile: letter = row (A, B, …, Z, AA…), number = column."""
    letters = ""
    n = row
    while True:
        letters = chr(ord("A") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            break
    return f"{letters}{col + 1}"


class MapDocument:
    """Plans and draws the pages of a map PDF (also used for the dialog's preview)."""

    def __init__(self, store: Store, journey: str | None = None, paper: str | None = "a3",
                 lang: str | None = None, tile: bool = False) -> None:
        ensure_app()
        self.store = store
        self.paper = check_paper(paper, "a3")
        self.lang = export_lang(store, lang)
        self.t = TEXTS[self.lang]
        self.tile = tile
        self.size = page_size_pt(self.paper, landscape=True)
        if journey is not None and store.get("journey", journey) is None:
            from journeymap.model.document import DocumentError

            raise DocumentError(f"no journey {journey!r} in this project")
        self.journeys = [journey] if journey is not None else [j.id for j in store.journeys()]
        self._scenes: dict[str, MapScene] = {}
        self.date = today(self.lang)
        self.pages = self._plan()

    def close(self) -> None:
        """Destroy the scenes now: a QGraphicsScene left to Python's cycle collector may
        be collected after the QApplication is gone (and crash the interpreter)."""
        _delete_scenes(self._scenes.values())
        self._scenes.clear()

    # -- planning ------------------------------------------------------------------------------
    def scene(self, journey: str) -> MapScene:
        scene = self._scenes.get(journey)
        if scene is None:
            scene = self._scenes[journey] = MapScene(self.store, journey, print_mode=True,
                                                     lang=self.lang)
            mark_to_be(scene, self.store, journey)  # "Δ" on cards that differ from the as-is
        return scene

    def legend_height(self) -> float:
        return self._legend(None, QRectF(0, 0, self.size.width() - 2 * MARGIN, 1000))

    def map_area(self) -> QRectF:
        """Where a fitted map goes: between the title block and the legend."""
        top = MARGIN + TITLE_H + GAP
        bottom = self.size.height() - MARGIN - self.legend_height() - GAP
        return QRectF(MARGIN, top, self.size.width() - 2 * MARGIN, bottom - top)

    def tile_frame(self) -> QRectF:
        top = MARGIN + TILE_HEADER_H
        return QRectF(MARGIN, top, self.size.width() - 2 * MARGIN,
                      self.size.height() - MARGIN - top)

    def _plan(self) -> list[MapPage]:
        if not self.journeys:
            return [MapPage(None, "none")]
        pages: list[MapPage] = []
        area = self.map_area()
        frame = self.tile_frame()
        for j in self.journeys:
            if not self.store.touchpoints(j):
                pages.append(MapPage(j, "empty"))
                continue
            rect = self.scene(j).map_rect()
            fit = min(area.width() / rect.width(), area.height() / rect.height())
            small = fit * TITLE_PX < MIN_TEXT_PT
            if not (self.tile or small):
                pages.append(MapPage(j, "fit", fit))
                continue
            scale = TILE_SCALE
            if not small:
                # Tiling asked for a map that would fit: print it larger, never smaller.
                frame_fit = min(frame.width() / rect.width(), frame.height() / rect.height())
                scale = min(1.0, max(TILE_SCALE, frame_fit * 1.5))
            cols = _count(rect.width() * scale, frame.width())
            rows = _count(rect.height() * scale, frame.height())
            pages.append(MapPage(j, "overview", fit, rows=rows, cols=cols))
            w, h = frame.width() / scale, frame.height() / scale
            # Spread the tiles over the whole map (every tile full, overlaps ≥ OVERLAP)
            # rather than leaving the last column and row nearly empty.
            step_x = (rect.width() - w) / (cols - 1) if cols > 1 else w
            step_y = (rect.height() - h) / (rows - 1) if rows > 1 else h
            ox, oy = (w - step_x) * scale, (h - step_y) * scale
            for r in range(rows):
                for c in range(cols):
                    src = QRectF(rect.left() + c * step_x, rect.top() + r * step_y, w, h)
                    pages.append(MapPage(j, "tile", scale, src, r, c, rows, cols, ox, oy))
        return pages

    # -- drawing ----------------------------------------------------------------------------------
    def draw_page(self, painter: QPainter, index: int) -> None:
        """Draw page ``index`` (0-based) with the painter's units in points."""
        page = self.pages[index]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(QPointF(0, 0), self.size), QColor("#ffffff"))
        if page.kind == "tile":
            self._draw_tile(painter, page)
        else:
            self._title_block(painter, page.journey)
            legend_h = self.legend_height()
            area = self.map_area()
            if page.kind != "none":
                self._legend(painter, QRectF(MARGIN, self.size.height() - MARGIN - legend_h,
                                             self.size.width() - 2 * MARGIN, legend_h))
            if page.kind == "overview":
                area.setBottom(area.bottom() - line_step(8) - 2)   # room for the note
            if page.kind in ("fit", "overview"):
                target = self._draw_fitted(painter, page.journey, area)
                if page.kind == "overview":
                    self._draw_grid(painter, page, target)
            elif page.kind == "empty":
                self._draw_empty(painter, page.journey, area)
            else:
                self._message(painter, area, self.t["no_journeys"], "")
        self._footer(painter, index)
        painter.restore()

    def _footer(self, painter: QPainter, index: int) -> None:
        text = self.t["page"].format(n=index + 1, total=len(self.pages))
        fm = metrics(7)
        painter.setPen(MUTED)
        draw_lines(painter, [text], self.size.width() - MARGIN - 18 - fm.horizontalAdvance(text),
                   self.size.height() - MARGIN + 8, 7)

    def _title_block(self, painter: QPainter, journey: str | None) -> None:
        info = self.store.project
        t = self.t
        w = self.size.width() - 2 * MARGIN
        x, y = MARGIN, MARGIN
        right_w = 150.0
        mid_x = x + w * 0.45
        painter.setPen(INK)
        title = elide(info.title or "journeymap", 16, mid_x - x - 12, bold=True)
        draw_lines(painter, [title], x, y, 16, bold=True, leading=1.2)
        painter.setPen(MUTED)
        if info.client:
            draw_lines(painter, [elide(f"{t['client']}: {info.client}", 9, mid_x - x - 12)],
                       x, y + 22, 9)
        if journey is not None:
            j = self.store.journey(journey)
            jw = w - (mid_x - x) - right_w - 12
            painter.setPen(INK)
            draw_lines(painter, [elide(f"{t['journey']}: {j.name}", 12, jw, bold=True)],
                       mid_x, y + 2, 12, bold=True)
            if j.segment:
                painter.setPen(MUTED)
                draw_lines(painter, [elide(f"{t['segment']}: {j.segment}", 9, jw)],
                           mid_x, y + 22, 9)
        painter.setPen(MUTED)
        date = f"{t['date']}: {self.date}"
        draw_lines(painter, [date], x + w - metrics(9).horizontalAdvance(date), y + 4, 9)
        painter.setPen(QPen(RULE, 0.6))
        painter.drawLine(QPointF(x, y + TITLE_H - 4), QPointF(x + w, y + TITLE_H - 4))

    def _draw_fitted(self, painter: QPainter, journey: str | None, area: QRectF) -> QRectF:
        scene = self.scene(journey or "")
        rect = scene.map_rect()
        s = min(area.width() / rect.width(), area.height() / rect.height())
        target = QRectF(area.left() + (area.width() - rect.width() * s) / 2, area.top(),
                        rect.width() * s, rect.height() * s)
        scene.render(painter, target, rect, Qt.AspectRatioMode.IgnoreAspectRatio)
        return target

    def _draw_grid(self, painter: QPainter, page: MapPage, target: QRectF) -> None:
        """The tile grid over the small map of an overview page, each tile labelled."""
        tiles = [p for p in self.pages if p.kind == "tile" and p.journey == page.journey]
        rect = self.scene(page.journey or "").map_rect()
        s = target.width() / rect.width()
        painter.save()
        painter.setClipRect(target.adjusted(-1, -1, 1, 1))
        for tp in tiles:
            assert tp.source is not None
            r = QRectF(target.left() + (tp.source.left() - rect.left()) * s,
                       target.top() + (tp.source.top() - rect.top()) * s,
                       tp.source.width() * s, tp.source.height() * s)
            painter.setPen(QPen(QColor("#1c71d8"), 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r)
            label = tp.label
            fm = metrics(14, True)
            box = QRectF(r.left() + 4, r.top() + 4, fm.horizontalAdvance(label) + 10, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("#1c71d8"))
            draw_lines(painter, [label], box.left() + 5, box.top() + 2, 14, bold=True,
                       leading=1.0)
        painter.restore()
        n = len(tiles)
        note = self.t["tile_overview"].format(rows=page.rows, cols=page.cols, n=n,
                                              overlap=f"{OVERLAP_MM:g}")
        painter.setPen(INK)
        draw_lines(painter, [elide(note, 8, target.width())], target.left(),
                   target.bottom() + 2, 8)

    def _draw_tile(self, painter: QPainter, page: MapPage) -> None:
        assert page.source is not None
        frame = self.tile_frame()
        info = self.store.project
        j = self.store.journey(page.journey or "")
        t = self.t
        label = t["tile_label"].format(label=page.label, row=page.row + 1, rows=page.rows,
                                       col=page.col + 1, cols=page.cols)
        painter.setPen(INK)
        fm = metrics(9, True)
        inset = 18.0   # keep clear of the crop marks at the corners
        right = label
        draw_lines(painter, [right], frame.right() - inset - fm.horizontalAdvance(right),
                   MARGIN - 4, 9, bold=True)
        left = elide(f"{info.title} — {j.name}" + (f" ({j.segment})" if j.segment else ""),
                     9, frame.width() - 2 * inset - fm.horizontalAdvance(right) - 20)
        painter.setPen(MUTED)
        draw_lines(painter, [left], frame.left() + inset, MARGIN - 4, 9)

        scene = self.scene(page.journey or "")
        painter.save()
        painter.setClipRect(frame)
        scene.render(painter, frame, page.source, Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.restore()

        # Trim lines: a tile to the left/above overlaps this one's first OVERLAP points.
        dash = QPen(QColor("#1c71d8"), 0.6, Qt.PenStyle.DashLine)
        trim = QRectF(frame)
        painter.setPen(dash)
        if page.col > 0:
            trim.setLeft(frame.left() + page.overlap_x)
            painter.drawLine(QPointF(trim.left(), frame.top()),
                             QPointF(trim.left(), frame.bottom()))
        if page.row > 0:
            trim.setTop(frame.top() + page.overlap_y)
            painter.drawLine(QPointF(frame.left(), trim.top()),
                             QPointF(frame.right(), trim.top()))
        # Overlap zones this tile gives its right / lower neighbour.
        thin = QPen(RULE, 0.5, Qt.PenStyle.DotLine)
        painter.setPen(thin)
        if page.col + 1 < page.cols:
            x = frame.right() - page.overlap_x
            painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))
        if page.row + 1 < page.rows:
            y = frame.bottom() - page.overlap_y
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
        self._crop_marks(painter, trim)
        # Neighbour labels in the margin.
        painter.setPen(MUTED)
        if page.col + 1 < page.cols:
            text = t["next_right"].format(label=tile_label(page.row, page.col + 1))
            painter.save()
            painter.translate(frame.right() + 5, frame.center().y()
                              - metrics(7).horizontalAdvance(text) / 2)
            painter.rotate(90)
            draw_lines(painter, [text], 0, -metrics(7).height() - 2, 7)
            painter.restore()
        if page.row + 1 < page.rows:
            text = t["next_below"].format(label=tile_label(page.row + 1, page.col))
            draw_lines(painter, [text], frame.left() + 40, frame.bottom() + 3, 7)

    def _crop_marks(self, painter: QPainter, r: QRectF) -> None:
        painter.setPen(QPen(INK, 0.5))
        gap, length = 3.0, 10.0
        for x, y, dx, dy in ((r.left(), r.top(), -1, -1), (r.right(), r.top(), 1, -1),
                             (r.left(), r.bottom(), -1, 1), (r.right(), r.bottom(), 1, 1)):
            painter.drawLine(QPointF(x + dx * gap, y), QPointF(x + dx * (gap + length), y))
            painter.drawLine(QPointF(x, y + dy * gap), QPointF(x, y + dy * (gap + length)))

    def _draw_empty(self, painter: QPainter, journey: str | None, area: QRectF) -> None:
        if journey is not None and self.store.stages(journey) and self.store.lanes(journey):
            self._draw_fitted(painter, journey, area)
        self._message(painter, area, self.t["empty_journey"], self.t["empty_journey_hint"])

    def _message(self, painter: QPainter, area: QRectF, text: str, hint: str) -> None:
        w = min(area.width() * 0.7, 560.0)
        lines = wrap(text, 20, w - 40, bold=True)
        hint_lines = wrap(hint, 10, w - 40) if hint else []
        h = line_step(20) * len(lines) + line_step(10) * len(hint_lines) + 40
        box = QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)
        painter.setPen(QPen(RULE, 1.0))
        painter.setBrush(QColor(255, 255, 255, 240))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(INK)
        y = box.top() + 20
        for line in lines:
            y = draw_lines(painter, [line], box.center().x()
                           - metrics(20, True).horizontalAdvance(line) / 2, y, 20, bold=True)
        painter.setPen(MUTED)
        for line in hint_lines:
            y = draw_lines(painter, [line], box.center().x()
                           - metrics(10).horizontalAdvance(line) / 2, y, 10)

    # -- legend ----------------------------------------------------------------------------------
    def _legend(self, painter: QPainter | None, rect: QRectF) -> float:
        """Draw the legend into ``rect`` (or only measure it with ``painter=None``);
        return its height. Groups flow left to right and wrap to a new row."""
        t = self.t
        size = 7.5
        fm = metrics(size)
        head = metrics(size, True)
        sw = 11.0   # swatch size
        row_h = max(sw, fm.height())

        def swatch(draw, *args):  # type: ignore[no-untyped-def]
            return lambda p, x, y: draw(p, x, y, sw, *args)

        Item = tuple  # (painter fn, swatch width, text)
        groups: list[tuple[str, list[Item]]] = [
            (t["channels"], [(swatch(legend.channel_swatch, c), sw, t[c])
                             for c in ("digital", "human", "physical")]
             + [(swatch(legend.handoff_swatch), sw * legend.WIDE, t["handoff"])]),
            (t["severity"], [(swatch(legend.severity_swatch, s), sw, "") for s in range(1, 6)]),
            (t["influence"], [(swatch(legend.influence_swatch, w), sw * legend.WIDE, str(w))
                              for w in range(6)]),
            (t["emotion"], [(swatch(legend.emotion_swatch, v), sw, f"{v:+d}" if v else "0")
                            for v in range(-2, 3)]),
        ]
        dims = self.store.dimensions()
        dim_text = ""
        if dims:
            parts = []
            for kind in ("rational", "emotional"):
                names = [d.name for d in dims if d.kind == kind]
                if names:
                    parts.append(f"{t[kind]}: " + " · ".join(names))
            dim_text = "   ".join(parts)

        def group_width(title: str, items: list[Item]) -> float:
            w = sum(iw + (4 + fm.horizontalAdvance(txt) if txt else 0) + 8
                    for _, iw, txt in items)
            return max(head.horizontalAdvance(title), w - 8)

        x, y = rect.left(), rect.top()
        title_h = line_step(size)
        group_h = title_h + row_h
        if painter is not None:
            painter.setPen(QPen(RULE, 0.6))
            painter.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.right(), rect.top()))
        y += 4
        gap = 18.0
        for title, items in groups:
            gw = group_width(title, items)
            if x > rect.left() and x + gw > rect.right():
                x = rect.left()
                y += group_h + 4
            if painter is not None:
                painter.setPen(INK)
                draw_lines(painter, [title], x, y, size, bold=True)
                ix = x
                for paint, iw, txt in items:
                    paint(painter, ix, y + title_h)
                    ix += iw
                    if txt:
                        painter.setPen(INK)
                        draw_lines(painter, [txt], ix + 3, y + title_h + (sw - fm.height()) / 2,
                                   size)
                        ix += 4 + fm.horizontalAdvance(txt)
                    ix += 8
            x += gw + gap
        if dim_text:
            avail = rect.right() - x
            label = t["dimensions"]
            if avail < 180:
                x = rect.left()
                y += group_h + 4
                avail = rect.width()
            lines = wrap(dim_text, size, avail)
            if painter is not None:
                painter.setPen(INK)
                draw_lines(painter, [label], x, y, size, bold=True)
                draw_lines(painter, lines, x, y + title_h, size)
            y += max(group_h, title_h + line_step(size) * len(lines))
        else:
            y += group_h
        return y - rect.top() + 2


def _delete_scenes(scenes) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    for scene in list(scenes):
        if shiboken6.isValid(scene):
            shiboken6.delete(scene)


def _count(length: float, frame: float) -> int:
    """Tiles of ``frame`` points, overlapping by OVERLAP, needed to cover ``length``."""
    if length <= frame:
        return 1
    return 1 + math.ceil((length - frame) / (frame - OVERLAP) - 1e-9)


def write_map_pdf(store: Store, path: Path | str, *, journey: str | None = None,
                  paper: str | None = "a3", lang: str | None = None, tile: bool = False,
                  progress: Progress | None = None) -> Path:
    """Write the journey map PDF of ``journey`` (None: every journey) to ``path``.

    ``paper`` ``a3``/``a4`` (landscape), ``lang`` ``ja``/``en`` (None: the project's),
    ``tile`` forces tiling. Atomic; raises DocumentError when it cannot be written."""
    doc = MapDocument(store, journey, paper, lang, tile)
    info = store.project
    try:
        with write_pdf_atomically(path, doc.paper, True, info.title or "journeymap") as (w, p):
            n = len(doc.pages)
            for i in range(n):
                if i:
                    w.newPage()
                doc.draw_page(p, i)
                if progress is not None:
                    progress(i + 1, n)
    finally:
        doc.close()
    return Path(path)


def preview_page(doc: MapDocument, index: int, width_px: int) -> QImage:
    """Page ``index`` of a map document as an image ``width_px`` wide (same drawing)."""
    s = width_px / doc.size.width()
    image = QImage(max(1, int(doc.size.width() * s)), max(1, int(doc.size.height() * s)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    dpm = round(DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.scale(s, s)
    doc.draw_page(painter, index)
    painter.end()
    return image


__all__ = ["MIN_TEXT_PT", "MapDocument", "MapPage", "TILE_SCALE", "preview_page",
           "tile_label", "write_map_pdf"]
