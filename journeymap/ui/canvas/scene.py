"""JourneyScene: draws one journey of a :class:`Store` and turns gestures into edits.

The scene never changes the store. A gesture becomes an :class:`~journeymap.model.edits.Edit`
emitted on :attr:`JourneyScene.edit_requested`; whoever owns the document applies it
and then calls :meth:`JourneyScene.refresh` with the changes, which updates only the
items those changes touch (a full relayout only when stages, lanes or roles change).

Gestures (screen scenes; a ``print_mode`` scene is inert):

- drag cards (one or all selected) to a cell, or to another place in their cell →
  one ``move_touchpoints`` edit on release; a drop outside every cell snaps back;
- drag from the round handle on a card's right edge to another card → ``add_handoff``;
- double-click a card → ``open_requested``; double-click empty cell space →
  ``add_requested(role, stage)``;
- Delete / Backspace → delete the selected cards (else the selected handoffs);
- arrow keys move the selection between cards, Ctrl+Shift+arrow moves the selected
  cards one cell, Enter opens the current card, Escape cancels a drag.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsScene

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.rows import Touchpoint
from journeymap.model.store import Change, Store
from journeymap.model.validation import ValidationError
from journeymap.ui.canvas.items import (
    Z_CARD,
    Z_DRAG,
    CardData,
    CardItem,
    CellItem,
    CornerItem,
    DropIndicator,
    EmotionCurve,
    HandoffArrow,
    LaneHeader,
    PhaseBand,
    StageHeader,
    Theme,
    emotion_label,
    make_theme,
)
from journeymap.ui.canvas.layout import (
    CARD_H,
    CARD_W,
    LANE_HEADER_W,
    MARGIN,
    STAGE_H,
    MapLayout,
    Rect,
    compute_layout,
)
from journeymap.ui.texts import channel_names  # translated channel names

# Tables whose changes move columns, lanes or headers: rebuild everything.
_STRUCTURE = {"journey", "phase", "stage", "lane", "role"}
_CHANNEL_NAMES = {"digital": "Digital", "human": "Human", "physical": "Physical"}


def _q(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def fold(text: str) -> str:
    """Search normal form: NFKC (full-width = half-width), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass
class _Press:
    card: CardItem
    pos: QPointF
    was_selected: bool
    dragging: bool = False
    cards: list[tuple[CardItem, QPointF]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


@dataclass
class _Link:
    source: str
    line: QGraphicsLineItem


class JourneyScene(QGraphicsScene):
    """The journey map of ``journey_id`` in ``store``. See the module doc for gestures."""

    edit_requested = Signal(object)
    add_requested = Signal(str, str)
    open_requested = Signal(str)
    selection_ids_changed = Signal(list)

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
        self._drop: DropIndicator | None = None
        self._filter: tuple[set[str] | None, set[str] | None, int] = (None, None, 0)
        self._search = ""
        self._search_ids: set[str] = set()
        self._highlight_ids: set[str] = set()
        self._press: _Press | None = None
        self._link: _Link | None = None
        self._current: str | None = None      # card the keyboard moves from
        self._quiet = False
        self.selectionChanged.connect(self._on_selection_changed)
        self._rebuild()

    # -- public API -------------------------------------------------------------------------
    def set_journey(self, journey_id: str | None) -> None:
        """Show another journey (None: nothing). Search and highlights are cleared."""
        self._cancel_gesture()
        self.journey_id = journey_id
        self._search, self._search_ids, self._highlight_ids = "", set(), set()
        self._rebuild()

    def refresh(self, changes: list[Change] | None = None) -> None:
        """Bring the items up to date after the store changed. With ``changes``, only
        what they touch is redrawn; without, or when stages/lanes/roles/phases changed,
        everything is rebuilt."""
        self._cancel_gesture()
        j = self.journey_id
        if changes is None or j is None or self._layout is None:
            self._rebuild()
            return
        tids: set[str] = set()
        hids: set[str] = set()
        influence: set[tuple[str, str]] = set()
        refilter = False
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
                if any(r.journey == j for r in rows) or ch.id in self._cards:
                    tids.add(ch.id)
            elif ch.table == "pain_point":
                for r in rows:
                    if r.touchpoint in self._cards or self._in_journey(r.touchpoint):
                        tids.add(r.touchpoint)
            elif ch.table == "handoff":
                if any(r.journey == j for r in rows) or ch.id in self._arrows:
                    hids.add(ch.id)
            elif ch.table == "influence":
                for r in rows:
                    if r.journey == j:
                        influence.add((r.role, r.stage))
            elif ch.table == "dimension":
                refilter = True
        for key in influence:
            cell = self._cells.get(key)
            if cell is not None:
                cell.set_weight(self.store.influence_at(j, *key))
        if tids or hids:
            self._update_cards(tids, hids)
        if refilter:
            self._apply_marks(self._cards)

    def set_filter(self, roles: set[str] | None = None, dimensions: set[str] | None = None,
                   min_severity: int = 0) -> None:
        """Dim (never hide) cards outside the filter: role not in ``roles``; no pain point
        with a dimension in ``dimensions`` and severity ≥ ``min_severity``. None / 0 =
        no condition."""
        self._filter = (set(roles) if roles is not None else None,
                        set(dimensions) if dimensions is not None else None,
                        int(min_severity))
        self._apply_marks(self._cards)

    def set_search(self, text: str) -> list[str]:
        """Highlight the cards whose title, description or pain point titles contain
        ``text`` (case-insensitive, NFKC); return their ids in reading order (stage by
        stage, lanes top to bottom, cards in cell order). Empty text clears."""
        self._search = fold(text.strip())
        self._search_ids = {tid for tid in self._cards if self._matches_search(tid)} \
            if self._search else set()
        self._apply_marks(self._cards)
        return self._reading_order(self._search_ids)

    def highlight(self, touchpoint_ids: Iterable[str]) -> None:
        """Emphasise these cards (e.g. those of a ranked pain point); empty clears."""
        self._highlight_ids = set(touchpoint_ids)
        self._apply_marks(self._cards)

    def selected_touchpoint_ids(self) -> list[str]:
        """Selected cards, in reading order."""
        return self._reading_order(c.touchpoint_id for c in self.selectedItems()
                                   if isinstance(c, CardItem))

    def select_touchpoints(self, ids: Iterable[str]) -> None:
        ids = [i for i in ids if i in self._cards]
        self._quiet = True
        try:
            self.clearSelection()
            for i in ids:
                self._cards[i].setSelected(True)
        finally:
            self._quiet = False
        self._current = ids[0] if ids else None
        self._on_selection_changed()

    def card_rect(self, touchpoint_id: str) -> QRectF:
        card = self._cards.get(touchpoint_id)
        if card is None:
            return QRectF()
        tid_cell = self._card_cell[touchpoint_id]
        if self._press and self._press.dragging and card in dict(self._press.cards):
            # mid-drag: the card's home, not where the mouse has it
            return self._home_rect(touchpoint_id, *tid_cell)
        return QRectF(card.pos(), QSizeF(CARD_W, CARD_H))

    def cell_rect(self, role_id: str, stage_id: str) -> QRectF:
        if self._layout is None or not self._layout.has_cell(role_id, stage_id):
            return QRectF()
        return _q(self._layout.cell_rect(role_id, stage_id))

    def stage_rect(self, stage_id: str) -> QRectF:
        if self._layout is None or stage_id not in self._layout.stages:
            return QRectF()
        return _q(self._layout.stage_rect(stage_id))

    def map_rect(self) -> QRectF:
        if self._layout is None:
            return QRectF()
        rect = _q(self._layout.map_rect())
        for arrow in self._arrows.values():
            rect = rect.united(arrow.sceneBoundingRect())
            if arrow.label:
                rect = rect.united(arrow.label_item.sceneBoundingRect())
        return rect

    def touchpoint_ids(self) -> list[str]:
        """Every card on the map, in reading order."""
        return self._reading_order(self._cards)

    def card_item(self, touchpoint_id: str) -> CardItem | None:
        return self._cards.get(touchpoint_id)

    def arrow_item(self, handoff_id: str) -> HandoffArrow | None:
        return self._arrows.get(handoff_id)

    def layout(self) -> MapLayout | None:
        return self._layout

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
        selected = set(self.selected_touchpoint_ids()) if self._cards else set()
        self._quiet = True
        try:
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
            self._corner = None
            self._layout = None
            self.theme = make_theme(self.palette(), self.print_mode)
            self.setBackgroundBrush(self.theme.background)
            self._drop = DropIndicator(self.theme)
            self.addItem(self._drop)
            j = self.journey_id
            if j is None or self.store.get("journey", j) is None:
                self.setSceneRect(QRectF(0, 0, 400, 300))
                return
            self._build_items(j)
            for tid in selected & set(self._cards):
                self._cards[tid].setSelected(True)
        finally:
            self._quiet = False
        if selected:
            self._on_selection_changed()

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
            band.set_rect(_q(span.rect))
            self.addItem(band)
            self._phase_bands.append(band)
        for st in store.stages(j):
            head = self._stage_headers[st.id] = StageHeader(theme, st.id, st.name)
            head.set_rect(_q(layout.stage_header_rect(st.id)))
            self.addItem(head)
        for role in store.lane_roles(j):
            color = QColor(role.color)
            head = self._lane_headers[role.id] = LaneHeader(theme, role.id, role.name, color,
                                                            emotion_label(self.lang))
            head.set_rect(_q(layout.lane_header_rect(role.id)))
            self.addItem(head)
            for sid in layout.stages:
                cell = CellItem(theme, role.id, sid, color, store.influence_at(j, role.id, sid))
                cell.set_rect(_q(layout.cell_rect(role.id, sid)))
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
        for h in store.handoffs(j):
            self._add_arrow(h.id, h.source, h.target, h.label)
        self._apply_marks(self._cards)
        self.setSceneRect(self._scene_rect())

    def _scene_rect(self) -> QRectF:
        # Some room around the map so it can be scrolled a little past its edges.
        return self.map_rect().adjusted(-40, -40, 40, 40)

    def _card_data(self, tp: Touchpoint) -> CardData:
        pains = self.store.pain_points(tp.id)
        role = self.store.get("role", tp.role)
        color = getattr(role, "color", "#888888")
        tooltip = ""
        if not self.print_mode:
            parts = [f"<b>{html.escape(tp.title)}</b>"]
            channel = channel_names().get(tp.channel, tp.channel)
            if tp.channel_detail:
                channel += f" · {tp.channel_detail}"
            parts.append(f"<i>{html.escape(channel)}</i>")
            if tp.description:
                desc = tp.description if len(tp.description) < 400 else \
                    tp.description[:400] + "…"
                parts.append(html.escape(desc))
            for p in pains:
                parts.append(f"● {p.severity} — {html.escape(p.title)}")
            hint = self.tr("Drag the round handle on the right edge to another card to draw "
                           "a handoff.")  # outside the f-string, where lupdate finds it
            parts.append(f"<small>{html.escape(hint)}</small>")
            tooltip = "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"
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
        arrow.set_ends(self.card_rect(source), self.card_rect(target), self._label_free)

    def _label_free(self, rect: QRectF) -> bool:
        """No card under ``rect`` (where a handoff label may go)."""
        return not any(isinstance(i, CardItem) for i in self.items(
            rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect))

    def _remove_arrow(self, hid: str) -> None:
        arrow = self._arrows.pop(hid, None)
        if arrow is None:
            return
        for tid in (arrow.source, arrow.target):
            s = self._arrows_of.get(tid)
            if s is not None:
                s.discard(hid)
        self.removeItem(arrow.label_item)
        self.removeItem(arrow)

    def _update_arrows_of(self, tids: Iterable[str]) -> None:
        done: set[str] = set()
        for tid in tids:
            for hid in self._arrows_of.get(tid, ()):
                if hid not in done:
                    done.add(hid)
                    a = self._arrows[hid]
                    a.set_ends(self._live_rect(a.source), self._live_rect(a.target),
                                self._label_free)

    def _live_rect(self, tid: str) -> QRectF:
        return QRectF(self._cards[tid].pos(), QSizeF(CARD_W, CARD_H))

    def _home_rect(self, tid: str, role: str, stage: str) -> QRectF:
        assert self._layout is not None
        cell = self.store.touchpoints_in_cell(self.journey_id or "", role, stage)
        idx = next((k for k, t in enumerate(cell) if t.id == tid), 0)
        return _q(self._layout.card_rect(role, stage, idx))

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
        curve.set_curve(_q(layout.emotion_band(role)), points)

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
                self._search_ids.discard(tid)
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
                arrow.set_label(h.label, self._label_free)
            else:
                self._remove_arrow(hid)
                self._add_arrow(hid, h.source, h.target, h.label)
        self._update_arrows_of(moved)
        if self._search:
            for tid in tids:
                if tid in self._cards and self._matches_search(tid):
                    self._search_ids.add(tid)
                else:
                    self._search_ids.discard(tid)
        self._apply_marks({t: self._cards[t] for t in tids if t in self._cards})
        self.setSceneRect(self._scene_rect())

    def _place_chrome(self) -> None:
        """Move headers, bands, cells and curves to the current layout."""
        layout = self._layout
        assert layout is not None
        for band, span in zip(self._phase_bands, layout.phases, strict=False):
            band.set_rect(_q(span.rect))
        for sid, head in self._stage_headers.items():
            head.set_rect(_q(layout.stage_header_rect(sid)))
            head._lines = None
        for rid, lhead in self._lane_headers.items():
            lhead.set_rect(_q(layout.lane_header_rect(rid)))
        for (rid, sid), cell in self._cells.items():
            cell.set_rect(_q(layout.cell_rect(rid, sid)))
        if self._corner is not None:
            self._corner.set_rect(QRectF(MARGIN, MARGIN, LANE_HEADER_W,
                                         layout.phase_h + STAGE_H))

    # -- filter, search, highlight -------------------------------------------------------------
    def _matches_filter(self, tid: str) -> bool:
        roles, dims, min_sev = self._filter
        cell = self._card_cell.get(tid)
        if roles is not None and (cell is None or cell[0] not in roles):
            return False
        if dims is None and min_sev <= 0:
            return True
        return any((dims is None or p.dimension in dims) and p.severity >= min_sev
                   for p in self.store.pain_points(tid))

    def _matches_search(self, tid: str) -> bool:
        tp = self.store.get("touchpoint", tid)
        if not isinstance(tp, Touchpoint):
            return False
        q = self._search
        return (q in fold(tp.title) or q in fold(tp.description)
                or any(q in fold(p.title) for p in self.store.pain_points(tid)))

    def _apply_marks(self, cards: dict[str, CardItem] | Iterable[str]) -> None:
        for tid in list(cards):
            card = self._cards[tid]
            card.set_state(dimmed=not self._matches_filter(tid),
                           matched=tid in self._search_ids,
                           highlighted=tid in self._highlight_ids)

    def _reading_order(self, ids: Iterable[str]) -> list[str]:
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

    # -- selection -------------------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        if self._quiet:
            return
        ids = self.selected_touchpoint_ids()
        if ids and self._current not in ids:
            self._current = ids[0]
        self.selection_ids_changed.emit(ids)

    def _card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    # -- mouse ------------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if self.print_mode:
            return
        if event.button() == Qt.MouseButton.LeftButton and self._layout is not None:
            card = self._card_at(event.scenePos())
            if card is not None:
                mods = event.modifiers()
                if card.on_handle(card.mapFromScene(event.scenePos())):
                    self._start_link(card, event.scenePos())
                elif mods & Qt.KeyboardModifier.ControlModifier:
                    card.setSelected(not card.isSelected())
                else:
                    was = card.isSelected()
                    if not was:
                        if not mods & Qt.KeyboardModifier.ShiftModifier:
                            self.clearSelection()
                        card.setSelected(True)
                    self._current = card.touchpoint_id
                    self._press = _Press(card, event.scenePos(), was)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._link is not None:
            line = self._link.line.line()
            self._link.line.setLine(QLineF(line.p1(), event.scenePos()))
            event.accept()
            return
        press = self._press
        if press is not None:
            delta = event.scenePos() - press.pos
            if not press.dragging:
                if delta.manhattanLength() < QApplication.startDragDistance():
                    event.accept()
                    return
                self._start_drag(press)
            for card, home in press.cards:
                card.setPos(home + delta)
            self._update_arrows_of(press.ids)
            self._show_drop(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._link is not None:
            self._finish_link(event.scenePos())
            event.accept()
            return
        press = self._press
        if press is not None:
            self._press = None
            if press.dragging:
                self._finish_drag(press, event.scenePos())
            elif press.was_selected and not event.modifiers():
                # click on a card of a multi-selection: select just that card
                self.select_touchpoints([press.card.touchpoint_id])
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.print_mode or self._layout is None:
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        card = self._card_at(event.scenePos())
        if card is not None:
            self._press = None
            self.open_requested.emit(card.touchpoint_id)
            event.accept()
            return
        for item in self.items(event.scenePos()):
            if isinstance(item, HandoffArrow):
                super().mouseDoubleClickEvent(event)
                return
        hit = self._layout.cell_at(event.scenePos().x(), event.scenePos().y())
        if hit is not None:
            self.add_requested.emit(*hit)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # drag ------------------------------------------------------------------------------------
    def _start_drag(self, press: _Press) -> None:
        press.dragging = True
        press.ids = self.selected_touchpoint_ids() or [press.card.touchpoint_id]
        press.cards = [(self._cards[t], QPointF(self._cards[t].pos())) for t in press.ids]
        for card, _ in press.cards:
            card.setZValue(Z_DRAG)
        if self._drop is not None:
            self._drop.setVisible(True)

    def _show_drop(self, pos: QPointF) -> None:
        if self._drop is None or self._layout is None:
            return
        hit = self._layout.cell_at(pos.x(), pos.y())
        if hit is None:
            self._drop.setVisible(False)
        else:
            self._drop.set_rect(_q(self._layout.cell_rect(*hit)))
            self._drop.setVisible(True)

    def _snap_back(self, press: _Press) -> None:
        for card, home in press.cards:
            card.setPos(home)
            card.setZValue(Z_CARD)
        self._update_arrows_of(press.ids)
        if self._drop is not None:
            self._drop.setVisible(False)

    def _finish_drag(self, press: _Press, pos: QPointF) -> None:
        self._snap_back(press)
        layout, j = self._layout, self.journey_id
        if layout is None or j is None:
            return
        hit = layout.cell_at(pos.x(), pos.y())
        if hit is None:
            return
        role, stage = hit
        moving = set(press.ids)
        cell = [t.id for t in self.store.touchpoints_in_cell(j, role, stage)]
        others = [t for t in cell if t not in moving]
        index = layout.slot_at(role, stage, pos.x(), pos.y(), len(others))
        if moving <= set(cell) and others[:index] + press.ids + others[index:] == cell:
            return  # dropped where they already are
        self._emit(lambda: edits.move_touchpoints(
            self.store, press.ids, role, stage, None if index >= len(others) else index))

    def _cancel_gesture(self) -> None:
        if self._press is not None and self._press.dragging:
            self._snap_back(self._press)
        self._press = None
        if self._link is not None:
            self.removeItem(self._link.line)
            self._link = None

    # link -------------------------------------------------------------------------------------
    def _start_link(self, card: CardItem, pos: QPointF) -> None:
        start = card.mapToScene(card.handle_center())
        line = QGraphicsLineItem(QLineF(start, pos))
        pen = QPen(self.theme.accent, 2.0, Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.setZValue(Z_DRAG + 1)
        self.addItem(line)
        self._link = _Link(card.touchpoint_id, line)

    def _finish_link(self, pos: QPointF) -> None:
        link = self._link
        assert link is not None
        self._link = None
        self.removeItem(link.line)
        target = self._card_at(pos)
        if target is None or target.touchpoint_id == link.source:
            return
        self._emit(lambda: edits.add_handoff(self.store, link.source, target.touchpoint_id))

    def _emit(self, make) -> None:  # type: ignore[no-untyped-def]
        """Build an edit and request it; a refused edit (already linked, …) is dropped."""
        try:
            edit: Edit = make()
        except (EditError, ValidationError):
            return
        if not edit.empty:
            self.edit_requested.emit(edit)

    # -- keyboard -----------------------------------------------------------------------------------
    _ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
               Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}

    def keyPressEvent(self, event) -> None:
        if self.print_mode:
            return
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape and (self._press or self._link):
            self._cancel_gesture()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._delete_selection()
        elif key in self._ARROWS and mods & Qt.KeyboardModifier.ControlModifier \
                and mods & Qt.KeyboardModifier.ShiftModifier:
            self._move_selection_one_cell(*self._ARROWS[key])
        elif key in self._ARROWS and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self._navigate(*self._ARROWS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current in self._cards \
                and self._cards[self._current].isSelected():
            self.open_requested.emit(self._current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _delete_selection(self) -> None:
        ids = self.selected_touchpoint_ids()
        if ids:
            self._emit(lambda: edits.delete(self.store, "touchpoint", ids))
            return
        hids = [i.handoff_id for i in self.selectedItems() if isinstance(i, HandoffArrow)]
        if hids:
            self._emit(lambda: edits.delete(self.store, "handoff", hids))

    def _navigate(self, dx: int, dy: int) -> None:
        """Select the nearest card in a direction: left/right across stages, up/down
        through the cards of a cell and then the lanes."""
        if not self._cards:
            return
        cur = self._current if self._current in self._cards else None
        if cur is None:
            order = self.touchpoint_ids()
            self.select_touchpoints(order[:1])
            self._ensure_visible(order[0])
            return
        c = self._cards[cur].pos()
        best, best_score = None, float("inf")
        for tid, card in self._cards.items():
            p = card.pos()
            ddx, ddy = p.x() - c.x(), p.y() - c.y()
            along, across = (ddx * dx, abs(ddy)) if dx else (ddy * dy, abs(ddx))
            if along <= 1:
                continue
            score = along + 3 * across
            if score < best_score:
                best, best_score = tid, score
        if best is not None:
            self.select_touchpoints([best])
            self._ensure_visible(best)

    def _ensure_visible(self, tid: str) -> None:
        card = self._cards.get(tid)
        if card is not None:
            for view in self.views():
                view.ensureVisible(card, 40, 40)

    def _move_selection_one_cell(self, dx: int, dy: int) -> None:
        layout = self._layout
        ids = self.selected_touchpoint_ids()
        if layout is None or not ids:
            return
        cur = self._current if self._current in ids else ids[0]
        role, stage = self._card_cell[cur]
        si, li = layout.stage_index(stage) + dx, layout.lane_index(role) + dy
        if not (0 <= si < len(layout.stages) and 0 <= li < len(layout.lanes)):
            return
        self._emit(lambda: edits.move_touchpoints(self.store, ids, layout.lanes[li],
                                                  layout.stages[si]))

    # -- palette ---------------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.Type.PaletteChange and not self.print_mode \
                and self._layout is not None:
            self._rebuild()
        return super().event(event)


def render_scene_image(scene: JourneyScene, scale: float = 1.0):  # -> QImage
    """The whole map as a QImage (white background in print mode), for PNG export."""
    from PySide6.QtGui import QImage, QPainter

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


__all__ = ["JourneyScene", "fold", "render_scene_image"]
