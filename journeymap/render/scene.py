"""MapScene: a display-only drawing of one journey of a :class:`Store`.

The scene makes one item per header, cell, card, emotion curve and handoff (see
:mod:`journeymap.render.items`), placed by :func:`~journeymap.render.layout.compute_layout`.
It never changes the store. After the store changed, :meth:`MapScene.refresh` with the
changes updates only the items they touch (a full relayout only when stages, lanes or
roles change).

``print_mode`` scenes (PDF, PNG, SVG) use the fixed light :func:`print_theme`, draw every
detail at every scale and speak the export's language. The editor's scene
(:class:`journeymap.ui.canvas.scene.JourneyScene`) extends this one with selection,
filtering and gestures, through the small hooks marked "for subclasses" below.

A QGraphicsScene is a QtWidgets class, but this scene makes no widget: the render layer
needs a QApplication (:func:`~journeymap.render.qt_bootstrap.ensure_app`), never a window.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from journeymap.model.rows import PainPoint, Touchpoint
from journeymap.model.store import Change, Store
from journeymap.render.cards import CardData, CardItem
from journeymap.render.handoffs import GUTTER_ABOVE_LANE, HandoffArrow, LabelIndex
from journeymap.render.items import (
    CellItem,
    CornerItem,
    EmotionCurve,
    LaneHeader,
    PhaseBand,
    StageHeader,
    emotion_label,
)
from journeymap.render.layout import (
    CARD_H,
    CARD_W,
    LANE_HEADER_W,
    MARGIN,
    STAGE_H,
    MapLayout,
    Rect,
    compute_layout,
)
from journeymap.render.theme import FALLBACK_ROLE_COLOR, MIN_TITLE_PX, Theme, make_theme

# Time a full build may spend placing handoff labels; past it, labels are left out (each
# arrow's tooltip has its label) so a map with thousands of handoffs still opens fast.
# The first LABELS_ALWAYS_PLACED labels are placed whatever the clock says, so an
# ordinary map looks the same on a busy machine.
LABEL_BUDGET_S = 0.4
LABELS_ALWAYS_PLACED = 300

# Tables whose changes move columns, lanes or headers: rebuild everything.
_STRUCTURE = {"journey", "phase", "stage", "lane", "role"}


def _leave_out(rect: QRectF) -> bool:
    """The label placer's answer once its time budget is spent: no room anywhere."""
    return False


_leave_out.leave_out = True  # type: ignore[attr-defined]


def qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


class MapScene(QGraphicsScene):
    """The journey map of ``journey_id`` in ``store``, for display or print."""

    #: Card titles never paint smaller than this on screen (semantic zoom).
    min_title_px: float = MIN_TITLE_PX

    def __init__(self, store: Store, journey_id: str | None, parent=None, *,
                 print_mode: bool = False, lang: str | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.journey_id = journey_id
        self.print_mode = print_mode
        if print_mode:
            # A printed map is drawn whole, once: the BSP index only costs, and long
            # handoff arrows sit in thousands of its leaves (300 MB at 10,000 cards).
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        # Printed maps speak the export's language (default: the project's), not the UI's.
        self.lang = lang or (store.project.language if print_mode else None)
        self.theme: Theme = make_theme(self.palette(), print_mode)
        self._layout: MapLayout | None = None
        self._cards: dict[str, CardItem] = {}
        self._card_cell: dict[str, tuple[str, str]] = {}
        self._cells: dict[tuple[str, str], CellItem] = {}
        self._stage_headers: dict[str, StageHeader] = {}
        self._lane_headers: dict[str, LaneHeader] = {}
        self._phase_bands: list[PhaseBand] = []
        self._corner: CornerItem | None = None
        self._curves: dict[str, EmotionCurve] = {}
        self._arrows: dict[str, HandoffArrow] = {}
        self._arrows_of: dict[str, set[str]] = {}
        self._labels = LabelIndex()
        self._card_grid: LabelIndex | None = None    # card rects, for routing and labels
        self._label_deadline: float | None = None
        self._init_state()
        self._rebuild()

    # -- public API -------------------------------------------------------------------------
    def set_journey(self, journey_id: str | None) -> None:
        """Show another journey (None: nothing)."""
        self.journey_id = journey_id
        self._rebuild()

    def refresh(self, changes: list[Change] | None = None) -> None:
        """Bring the items up to date after the store changed. With ``changes``, only
        what they touch is redrawn; without, or when stages/lanes/roles/phases changed,
        everything is rebuilt."""
        j = self.journey_id
        if changes is None or j is None or self._layout is None:
            self._rebuild()
            return
        tids: set[str] = set()
        hids: set[str] = set()
        influence: set[tuple[str, str]] = set()
        lanes = set(self._layout.lanes)
        for ch in changes:
            rows = [r for r in (ch.before, ch.after) if r is not None]
            if ch.table in _STRUCTURE:
                if ch.table == "role":
                    if ch.id in lanes:
                        self._rebuild()
                        return
                elif ch.table == "journey":
                    if ch.id == j:
                        self._rebuild()
                        return
                elif any(getattr(r, "journey", None) == j for r in rows):
                    self._rebuild()
                    return
            elif ch.table == "touchpoint":
                if any(getattr(r, "journey", None) == j for r in rows) or ch.id in self._cards:
                    tids.add(ch.id)
            elif ch.table == "pain_point":
                for r in rows:
                    tid = getattr(r, "touchpoint", None)
                    if tid is not None and (tid in self._cards or self._in_journey(tid)):
                        tids.add(tid)
            elif ch.table == "handoff":
                if any(getattr(r, "journey", None) == j for r in rows) or ch.id in self._arrows:
                    hids.add(ch.id)
            elif ch.table == "influence":
                for r in rows:
                    if getattr(r, "journey", None) == j:
                        influence.add((r.role, r.stage))
        for key in influence:
            cell = self._cells.get(key)
            if cell is not None:
                cell.set_weight(self.store.influence_at(j, *key))
        if tids or hids:
            self._update_cards(tids, hids)

    def card_rect(self, touchpoint_id: str) -> QRectF:
        card = self._cards.get(touchpoint_id)
        if card is None:
            return QRectF()
        if self._is_held(touchpoint_id):
            # mid-drag: the card's home, not where the mouse has it
            return self._home_rect(touchpoint_id, *self._card_cell[touchpoint_id])
        return QRectF(card.pos(), QSizeF(CARD_W, CARD_H))

    def cell_rect(self, role_id: str, stage_id: str) -> QRectF:
        if self._layout is None or not self._layout.has_cell(role_id, stage_id):
            return QRectF()
        return qrect(self._layout.cell_rect(role_id, stage_id))

    def stage_rect(self, stage_id: str) -> QRectF:
        if self._layout is None or stage_id not in self._layout.stages:
            return QRectF()
        return qrect(self._layout.stage_rect(stage_id))

    def map_rect(self) -> QRectF:
        if self._layout is None:
            return QRectF()
        rect = qrect(self._layout.map_rect())
        for arrow in self._arrows.values():
            rect = rect.united(arrow.sceneBoundingRect())
            if arrow.label:
                rect = rect.united(arrow.label_item.sceneBoundingRect())
        return rect

    def touchpoint_ids(self) -> list[str]:
        """Every card on the map, in reading order."""
        return self.reading_order(self._cards)

    def cards(self) -> Mapping[str, CardItem]:
        """Every card item by touchpoint id (read only)."""
        return self._cards

    def card_item(self, touchpoint_id: str) -> CardItem | None:
        return self._cards.get(touchpoint_id)

    def arrow_item(self, handoff_id: str) -> HandoffArrow | None:
        return self._arrows.get(handoff_id)

    def layout(self) -> MapLayout | None:
        return self._layout

    def set_min_title_px(self, px: float) -> None:
        """Smallest on-screen card title size (workshop mode: 18 px, for the back row)."""
        if px != self.min_title_px:
            self.min_title_px = px
            for card in self._cards.values():
                card.update()

    def stage_names(self) -> dict[str, str]:
        """Stage id → name, for the stages on the map (headers pinned by the view)."""
        return {sid: head.name for sid, head in self._stage_headers.items()}

    def lane_names(self) -> dict[str, tuple[str, QColor]]:
        """Role id → (name, colour), for the lanes on the map."""
        return {rid: (head.name, head.color) for rid, head in self._lane_headers.items()}

    def phase_names(self) -> list[tuple[str, Rect]]:
        """(name, scene rect) of every phase band."""
        if self._layout is None:
            return []
        return [(band.name, span.rect)
                for band, span in zip(self._phase_bands, self._layout.phases, strict=False)]

    def reading_order(self, ids: Iterable[str]) -> list[str]:
        """``ids`` of cards on the map in reading order: stage by stage, lanes top to
        bottom, cards in cell order."""
        layout, j = self._layout, self.journey_id
        if layout is None or j is None:
            return []
        wanted = set(ids)
        out = []
        for sid in layout.stages:
            for rid in layout.lanes:
                for tp in self.store.touchpoints_in_cell(j, rid, sid):
                    if tp.id in wanted:
                        out.append(tp.id)
        return out

    def card_cell(self, touchpoint_id: str) -> tuple[str, str] | None:
        """(role, stage) of a card on the map."""
        return self._card_cell.get(touchpoint_id)

    def reroute_arrows(self, touchpoint_ids: Iterable[str]) -> None:
        """Re-draw the handoffs of these cards from where the cards are now."""
        done: set[str] = set()
        for tid in touchpoint_ids:
            for hid in self._arrows_of.get(tid, ()):
                arrow = self._arrows.get(hid)
                if hid not in done and arrow is not None:
                    done.add(hid)
                    self._route(arrow, self._live_rect(arrow.source),
                                self._live_rect(arrow.target))

    def label_rects(self) -> dict[str, QRectF]:
        """Scene rect of every handoff label shown (left-out labels are not here)."""
        return {hid: a.label_item.sceneBoundingRect().adjusted(1, 1, -1, -1)
                for hid, a in self._arrows.items()
                if a.label and not a.label_item.left_out}

    def arrows(self) -> Mapping[str, HandoffArrow]:
        """Every handoff arrow by handoff id (read only)."""
        return self._arrows

    # -- for subclasses ---------------------------------------------------------------------
    def _init_state(self) -> None:
        """Set up a subclass's own state; called once, before the first build."""

    def _is_held(self, touchpoint_id: str) -> bool:
        """Is this card away from its home (being dragged)? Display scenes: never."""
        return False

    def _card_tooltip(self, tp: Touchpoint, pains: list[PainPoint]) -> str:
        """The card's tooltip; display scenes have none."""
        return ""

    def _after_build(self) -> None:
        """Called when every item was made anew."""

    def _after_cards_update(self, tids: set[str]) -> None:
        """Called when the cards ``tids`` were added, changed, moved or removed."""

    # -- building -----------------------------------------------------------------------------
    def _in_journey(self, tid: str) -> bool:
        tp = self.store.get("touchpoint", tid)
        return isinstance(tp, Touchpoint) and tp.journey == self.journey_id

    def _compute_layout(self) -> MapLayout:
        j = self.journey_id
        assert j is not None
        stages = self.store.stages(j)
        lanes = [lane.role for lane in self.store.lanes(j)]
        counts = {}
        for r in lanes:
            for s in stages:
                n = len(self.store.touchpoints_in_cell(j, r, s.id))
                if n:
                    counts[(r, s.id)] = n
        phases = [s.phase for s in stages] if self.store.phases(j) else None
        return compute_layout([s.id for s in stages], lanes, counts, phases)

    def _rebuild(self) -> None:
        self.clear()
        self._cards.clear()
        self._card_cell.clear()
        self._cells.clear()
        self._stage_headers.clear()
        self._lane_headers.clear()
        self._phase_bands.clear()
        self._curves.clear()
        self._arrows.clear()
        self._arrows_of.clear()
        self._labels.clear()
        self._card_grid = None
        self._corner = None
        self._layout = None
        self.theme = make_theme(self.palette(), self.print_mode)
        self.setBackgroundBrush(self.theme.background)
        j = self.journey_id
        if j is None or self.store.get("journey", j) is None:
            self.setSceneRect(QRectF(0, 0, 400, 300))
            return
        self._build_items(j)

    def _build_items(self, j: str) -> None:
        store, theme = self.store, self.theme
        layout = self._layout = self._compute_layout()
        journey = store.journey(j)
        self._corner = CornerItem(theme, journey.name, journey.segment)
        self._corner.set_rect(QRectF(MARGIN, MARGIN, LANE_HEADER_W,
                                     layout.phase_h + STAGE_H))
        self.addItem(self._corner)
        names = {p.id: p.name for p in store.phases(j)}
        for k, span in enumerate(layout.phases):
            band = PhaseBand(theme, span.phase, names.get(span.phase, ""), k)
            band.set_rect(qrect(span.rect))
            self.addItem(band)
            self._phase_bands.append(band)
        for st in store.stages(j):
            head = self._stage_headers[st.id] = StageHeader(theme, st.id, st.name)
            head.set_rect(qrect(layout.stage_header_rect(st.id)))
            self.addItem(head)
        for role in store.lane_roles(j):
            color = QColor(role.color or FALLBACK_ROLE_COLOR)
            head = self._lane_headers[role.id] = LaneHeader(theme, role.id, role.name, color,
                                                            emotion_label(self.lang))
            head.set_rect(qrect(layout.lane_header_rect(role.id)))
            self.addItem(head)
            for sid in layout.stages:
                cell = CellItem(theme, role.id, sid, color, store.influence_at(j, role.id, sid))
                cell.set_rect(qrect(layout.cell_rect(role.id, sid)))
                self._cells[(role.id, sid)] = cell
                self.addItem(cell)
                for idx, tp in enumerate(store.touchpoints_in_cell(j, role.id, sid)):
                    card = CardItem(tp.id, self._card_data(tp), theme)
                    r = layout.card_rect(role.id, sid, idx)
                    card.setPos(r.x, r.y)
                    self._cards[tp.id] = card
                    self._card_cell[tp.id] = (role.id, sid)
                    self.addItem(card)
            curve = self._curves[role.id] = EmotionCurve(theme, role.id, color)
            self.addItem(curve)
            self._update_curve(role.id)
        self._label_deadline = None
        start = time.perf_counter()
        try:
            for k, h in enumerate(store.handoffs(j)):
                if k == LABELS_ALWAYS_PLACED:
                    self._label_deadline = start + LABEL_BUDGET_S
                self._add_arrow(h.id, h.source, h.target, h.label)
        finally:
            self._label_deadline = None
        self._after_build()
        self.setSceneRect(self._scene_rect())

    def _scene_rect(self) -> QRectF:
        # Some room around the map so it can be scrolled a little past its edges.
        return self.map_rect().adjusted(-40, -40, 40, 40)

    def _card_data(self, tp: Touchpoint) -> CardData:
        pains = self.store.pain_points(tp.id)
        role = self.store.get("role", tp.role)
        color = getattr(role, "color", None) or FALLBACK_ROLE_COLOR
        tooltip = "" if self.print_mode else self._card_tooltip(tp, pains)
        return CardData(tp.title, tp.channel, tp.emotion, tuple(p.severity for p in pains),
                        color, tooltip)

    def _add_arrow(self, hid: str, source: str, target: str, label: str) -> None:
        if source not in self._cards or target not in self._cards:
            return
        arrow = HandoffArrow(hid, source, target, label, self.theme)
        self._arrows[hid] = arrow
        self._arrows_of.setdefault(source, set()).add(hid)
        self._arrows_of.setdefault(target, set()).add(hid)
        self.addItem(arrow)
        self.addItem(arrow.label_item)
        self._route(arrow, self.card_rect(source), self.card_rect(target))

    def _gutter_y(self, arrow: HandoffArrow, src: QRectF, dst: QRectF) -> float | None:
        """y of the lane gutter a handoff runs along: below the source's lane when the
        target is level or lower, above it when the target is higher; spread a little
        per handoff so parallel runs stay apart. None when a card is off the lanes."""
        layout = self._layout
        if layout is None or not layout.lanes:
            return None
        lanes = []
        for tid, rect in ((arrow.source, src), (arrow.target, dst)):
            cell = layout.cell_at(rect.center().x(), rect.center().y()) \
                if self._is_held(tid) else self._card_cell.get(tid)
            if cell is None:
                return None
            lanes.append(layout.lane_index(cell[0]))
        i_s, i_d = lanes
        g = i_s + 1 if i_d >= i_s else i_s
        n = len(layout.lanes)
        boundary = layout.lane_y[g] if g < n else layout.lane_y[-1] + layout.lane_h[-1]
        spread = (zlib.crc32(arrow.handoff_id.encode()) % 5 - 2) * 3.0
        return boundary - GUTTER_ABOVE_LANE + spread

    def _route(self, arrow: HandoffArrow, src: QRectF, dst: QRectF) -> None:
        hid = arrow.handoff_id
        self._labels.remove(hid)
        if self._label_deadline is not None and time.perf_counter() > self._label_deadline:
            is_free = _leave_out
        else:
            def is_free(r: QRectF) -> bool:
                return self._label_free(r, hid)
        arrow.set_ends(src, dst, is_free, self._gutter_y(arrow, src, dst), self._no_card)
        self._index_label(arrow)

    def _index_label(self, arrow: HandoffArrow) -> None:
        label = arrow.label_item
        if arrow.label and not label.left_out:
            self._labels.add(arrow.handoff_id, label.sceneBoundingRect())
        else:
            self._labels.remove(arrow.handoff_id)

    def _no_card(self, rect: QRectF) -> bool:
        """No card (at its home in the grid, with its handle and halo) under ``rect``.
        A grid of our own rather than QGraphicsScene.items(): querying the scene while
        thousands of arrows are being added makes it re-index after every one."""
        grid = self._card_grid
        if grid is None:
            grid = self._card_grid = LabelIndex()
            for tid in self._cards:
                # every card at its home (a card being dragged too: it goes back there
                # or its move rebuilds this grid)
                grid.add(tid, self.card_rect(tid).adjusted(-6, -6, 6 + 7, 6))
        return not grid.hits(rect)

    def _label_free(self, rect: QRectF, hid: str = "") -> bool:
        """No card and no other handoff's label under ``rect`` (where a handoff label
        may go); always False once the build's time budget for labels is spent."""
        if self._label_deadline is not None and time.perf_counter() > self._label_deadline:
            return False
        return not self._labels.hits(rect, hid) and self._no_card(rect)

    def _remove_arrow(self, hid: str) -> None:
        arrow = self._arrows.pop(hid, None)
        if arrow is None:
            return
        for tid in (arrow.source, arrow.target):
            s = self._arrows_of.get(tid)
            if s is not None:
                s.discard(hid)
        self._labels.remove(hid)
        self.removeItem(arrow.label_item)
        self.removeItem(arrow)

    def _live_rect(self, tid: str) -> QRectF:
        card = self._cards.get(tid)
        return QRectF(card.pos(), QSizeF(CARD_W, CARD_H)) if card is not None else QRectF()

    def _home_rect(self, tid: str, role: str, stage: str) -> QRectF:
        assert self._layout is not None
        cell = self.store.touchpoints_in_cell(self.journey_id or "", role, stage)
        idx = next((k for k, t in enumerate(cell) if t.id == tid), 0)
        return qrect(self._layout.card_rect(role, stage, idx))

    def _update_curve(self, role: str) -> None:
        layout, j = self._layout, self.journey_id
        curve = self._curves.get(role)
        if layout is None or j is None or curve is None:
            return
        points = []
        for k, sid in enumerate(layout.stages):
            values = [t.emotion for t in self.store.touchpoints_in_cell(j, role, sid)
                      if t.emotion is not None]
            if values:
                points.append((layout.stage_x[k] + layout.stage_w[k] / 2,
                               sum(values) / len(values)))
        curve.set_curve(qrect(layout.emotion_band(role)), points)

    # -- incremental update ----------------------------------------------------------------------
    def _update_cards(self, tids: set[str], hids: set[str]) -> None:
        j = self.journey_id
        old = self._layout
        assert j is not None and old is not None
        dirty: set[tuple[str, str]] = set()
        for tid in tids:
            before = self._card_cell.get(tid)
            if before is not None:
                dirty.add(before)
            tp = self.store.get("touchpoint", tid)
            alive = isinstance(tp, Touchpoint) and tp.journey == j and \
                old.has_cell(tp.role, tp.stage)
            card = self._cards.get(tid)
            if not alive:
                if card is not None:
                    for hid in list(self._arrows_of.get(tid, ())):
                        self._remove_arrow(hid)
                    self._arrows_of.pop(tid, None)
                    self.removeItem(card)
                    del self._cards[tid]
                    del self._card_cell[tid]
                continue
            assert isinstance(tp, Touchpoint)
            data = self._card_data(tp)
            if card is None:
                card = self._cards[tid] = CardItem(tid, data, self.theme)
                self.addItem(card)
            else:
                card.set_data(data)
            self._card_cell[tid] = (tp.role, tp.stage)
            dirty.add((tp.role, tp.stage))

        layout = self._layout = self._compute_layout()
        self._card_grid = None
        moved: set[str] = set()
        if layout.geometry_key() != old.geometry_key():
            self._place_chrome()
            cells = [(r, s) for r in layout.lanes for s in layout.stages]
            curves = set(layout.lanes)
        else:
            cells = list(dirty)
            curves = {r for r, _ in dirty}
        for role, sid in cells:
            for idx, tp in enumerate(self.store.touchpoints_in_cell(j, role, sid)):
                card = self._cards.get(tp.id)
                if card is None:
                    continue
                r = layout.card_rect(role, sid, idx)
                if card.pos().x() != r.x or card.pos().y() != r.y:
                    card.setPos(r.x, r.y)
                    moved.add(tp.id)
        for role in curves:
            self._update_curve(role)

        for hid in hids:
            h = self.store.get("handoff", hid)
            arrow = self._arrows.get(hid)
            if h is None or getattr(h, "journey", None) != j:
                self._remove_arrow(hid)
            elif arrow is not None and (arrow.source, arrow.target) == (h.source, h.target):
                self._labels.remove(hid)
                arrow.set_label(h.label, lambda r, hid=hid: self._label_free(r, hid))
                self._index_label(arrow)
            else:
                self._remove_arrow(hid)
                self._add_arrow(hid, h.source, h.target, h.label)
        self.reroute_arrows(moved)
        self._after_cards_update(tids)
        self.setSceneRect(self._scene_rect())

    def _place_chrome(self) -> None:
        """Move headers, bands, cells and curves to the current layout."""
        layout = self._layout
        assert layout is not None
        for band, span in zip(self._phase_bands, layout.phases, strict=False):
            band.set_rect(qrect(span.rect))
        for sid, head in self._stage_headers.items():
            head.set_rect(qrect(layout.stage_header_rect(sid)))
            head._lines = None
        for rid, lhead in self._lane_headers.items():
            lhead.set_rect(qrect(layout.lane_header_rect(rid)))
        for (rid, sid), cell in self._cells.items():
            cell.set_rect(qrect(layout.cell_rect(rid, sid)))
        if self._corner is not None:
            self._corner.set_rect(QRectF(MARGIN, MARGIN, LANE_HEADER_W,
                                         layout.phase_h + STAGE_H))

    # -- palette ---------------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.Type.PaletteChange and not self.print_mode \
                and self._layout is not None:
            self._rebuild()
        return super().event(event)


def render_scene_image(scene: MapScene, scale: float = 1.0) -> QImage:
    """The whole map as a QImage (white background in print mode)."""
    rect = scene.map_rect()
    w, h = max(1, int(rect.width() * scale + 0.5)), max(1, int(rect.height() * scale + 0.5))
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    scene.render(painter, QRectF(0, 0, w, h), rect)
    painter.end()
    return image


__all__ = ["MapScene", "qrect", "render_scene_image"]
