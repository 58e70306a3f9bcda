"""JourneyScene: the editable journey map. Draws like the display scene
(:class:`journeymap.render.scene.MapScene`) and adds selection, filtering, search and
the gestures that turn into edits.

The scene never changes the store. A gesture becomes an :class:`~journeymap.model.edits.Edit`
emitted on :attr:`JourneyScene.edit_requested`; whoever owns the document applies it
and then calls :meth:`JourneyScene.refresh` with the changes, which updates only the
items those changes touch.

Each gesture is an interaction object in :mod:`journeymap.ui.canvas.interactions`; the
scene hands it the events (a ``print_mode`` scene is inert):

- drag cards (:mod:`~.interactions.drag_cards`), draw a handoff from a card's round
  handle (:mod:`~.interactions.draw_handoff`), double-click to open or add
  (:mod:`~.interactions.double_click`), keys (:mod:`~.interactions.keyboard`).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, Qt, Signal

from journeymap.model.edits import Edit, EditError
from journeymap.model.rows import PainPoint, Touchpoint
from journeymap.model.store import Change, Store
from journeymap.model.validation import ValidationError
from journeymap.render.cards import CardItem
from journeymap.render.items import LaneHeader, StageHeader
from journeymap.render.scene import MapScene, render_scene_image
from journeymap.ui.canvas.interactions import Interaction
from journeymap.ui.canvas.interactions.double_click import DoubleClick
from journeymap.ui.canvas.interactions.drag_cards import DragCards, Press
from journeymap.ui.canvas.interactions.draw_handoff import DrawHandoff
from journeymap.ui.canvas.interactions.keyboard import Keyboard
from journeymap.ui.texts import channel_names  # translated channel names


def fold(text: str) -> str:
    """Search normal form: NFKC (full-width = half-width), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


class JourneyScene(MapScene):
    """The journey map of ``journey_id`` in ``store``. See the module doc for gestures."""

    edit_requested = Signal(object)
    add_requested = Signal(str, str)
    open_requested = Signal(str)
    selection_ids_changed = Signal(list)
    header_activated = Signal(str, str)     # "stage" or "role", id: a click on its header
    rename_requested = Signal(str, str)     # "stage" or "role", id: a double-click on it

    def __init__(self, store: Store, journey_id: str | None, parent=None, *,
                 print_mode: bool = False, lang: str | None = None) -> None:
        super().__init__(store, journey_id, parent, print_mode=print_mode, lang=lang)
        self.selectionChanged.connect(self._on_selection_changed)

    def _init_state(self) -> None:
        self._filter: tuple[set[str] | None, set[str] | None, int] = (None, None, 0)
        self._search = ""
        self._search_ids: set[str] = set()
        self._highlight_ids: set[str] = set()
        self.current: str | None = None      # card the keyboard moves from
        self._quiet = False
        self.drag = DragCards(self)
        self.handoff = DrawHandoff(self)
        self.double_click = DoubleClick(self)
        self.keyboard = Keyboard(self)
        # handoff before drag: the handle is on the card
        self._gestures: tuple[Interaction, ...] = (self.handoff, self.drag)

    # -- public API -------------------------------------------------------------------------
    def set_journey(self, journey_id: str | None) -> None:
        """Show another journey (None: nothing). Search and highlights are cleared."""
        self.cancel_gestures()
        self._search, self._search_ids, self._highlight_ids = "", set(), set()
        super().set_journey(journey_id)

    def refresh(self, changes: list[Change] | None = None) -> None:
        """Bring the items up to date after the store changed. With ``changes``, only
        what they touch is redrawn; without, or when stages/lanes/roles/phases changed,
        everything is rebuilt."""
        self.cancel_gestures()
        super().refresh(changes)
        if changes and any(ch.table == "dimension" for ch in changes):
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
        return self.reading_order(self._search_ids)

    def highlight(self, touchpoint_ids: Iterable[str]) -> None:
        """Emphasise these cards (e.g. those of a ranked pain point); empty clears."""
        self._highlight_ids = set(touchpoint_ids)
        self._apply_marks(self._cards)

    def selected_touchpoint_ids(self) -> list[str]:
        """Selected cards, in reading order."""
        return self.reading_order(c.touchpoint_id for c in self.selectedItems()
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
        self.current = ids[0] if ids else None
        self._on_selection_changed()

    # -- for the interactions ------------------------------------------------------------------
    def card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def request_edit(self, make: Callable[[], Edit]) -> None:
        """Build an edit and request it; a refused edit (already linked, …) is dropped."""
        try:
            edit = make()
        except (EditError, ValidationError):
            return
        if not edit.empty:
            self.edit_requested.emit(edit)

    def gesture_active(self) -> bool:
        return any(g.active() for g in self._gestures)

    def cancel_gestures(self) -> None:
        for g in self._gestures:
            g.cancel()

    @property
    def _press(self) -> Press | None:
        """The card press under way (kept under its old name for the canvas benchmark)."""
        return self.drag.press

    # -- display hooks ---------------------------------------------------------------------------
    def _is_held(self, touchpoint_id: str) -> bool:
        return self.drag.holds(touchpoint_id)

    def _rebuild(self) -> None:
        selected = set(self.selected_touchpoint_ids()) if self._cards else set()
        self._quiet = True
        try:
            super()._rebuild()
            self.drag.add_indicator()
            for tid in selected & set(self._cards):
                self._cards[tid].setSelected(True)
        finally:
            self._quiet = False
        if selected:
            self._on_selection_changed()

    def _after_build(self) -> None:
        self._apply_marks(self._cards)

    def _after_cards_update(self, tids: set[str]) -> None:
        if self._search:
            for tid in tids:
                if tid in self._cards and self._matches_search(tid):
                    self._search_ids.add(tid)
                else:
                    self._search_ids.discard(tid)
        else:
            self._search_ids.difference_update(tids)
        self._apply_marks([t for t in tids if t in self._cards])

    def _card_tooltip(self, tp: Touchpoint, pains: list[PainPoint]) -> str:
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
        return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"

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

    def _apply_marks(self, cards: Iterable[str]) -> None:
        for tid in list(cards):
            card = self._cards.get(tid)
            if card is not None:
                card.set_state(dimmed=not self._matches_filter(tid),
                               matched=tid in self._search_ids,
                               highlighted=tid in self._highlight_ids)

    # -- selection -------------------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        if self._quiet:
            return
        ids = self.selected_touchpoint_ids()
        if ids and self.current not in ids:
            self.current = ids[0]
        self.selection_ids_changed.emit(ids)

    # -- events: handed to the interactions ---------------------------------------------------------
    def header_at(self, pos: QPointF) -> tuple[str, str] | None:
        """("stage", id) or ("role", id) of the header under a scene point."""
        for item in self.items(pos):
            if isinstance(item, StageHeader):
                return ("stage", item.stage_id)
            if isinstance(item, LaneHeader):
                return ("role", item.role_id)
        return None

    def mousePressEvent(self, event) -> None:
        if self.print_mode:
            return
        if any(g.mouse_press(event) for g in self._gestures):
            event.accept()
            return
        header = self.header_at(event.scenePos()) \
            if event.button() == Qt.MouseButton.LeftButton else None
        if header is not None:
            self.clearSelection()
            self.header_activated.emit(*header)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if any(g.mouse_move(event) for g in self._gestures):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if any(g.mouse_release(event) for g in self._gestures):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.print_mode or self._layout is None:
            return
        header = self.header_at(event.scenePos()) \
            if event.button() == Qt.MouseButton.LeftButton else None
        if header is not None:
            self.rename_requested.emit(*header)
            event.accept()
            return
        if self.double_click.mouse_double_click(event):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:
        if self.print_mode:
            return
        if self.keyboard.key_press(event):
            event.accept()
            return
        super().keyPressEvent(event)


__all__ = ["JourneyScene", "fold", "render_scene_image"]
