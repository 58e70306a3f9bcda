"""JourneyView: the scrollable, zoomable view of a :class:`JourneyScene`.

Ctrl+wheel zooms around the cursor, plain wheel scrolls, middle-drag or Space+drag pans,
a left drag on empty space draws a rubber band that selects cards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Property, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from journeymap.render.fonts import scene_font, scene_metrics
from journeymap.render.layout import LANE_HEADER_W, MARGIN, STAGE_H
from journeymap.render.scene import MapScene
from journeymap.render.text import draw_block, wrap_text
from journeymap.ui.canvas.inline_edit import InlineEditor
from journeymap.ui.canvas.legend import LegendOverlay

MIN_SCALE = 0.05
MAX_SCALE = 4.0
STEP = 1.2
READABLE_SCALE = 0.6     # reveal() never leaves the zoom below this

# Frozen panes: the smallest on-screen size of the pinned header row and role column.
PIN_STAGE_MIN = 44.0
PIN_PHASE_MIN = 24.0
PIN_LANE_MIN = 132.0


@dataclass(frozen=True)
class PinnedHeader:
    """A header drawn pinned to the viewport edge (frozen panes), in viewport pixels."""

    kind: str           # "phase", "stage" or "lane"
    id: str
    name: str
    rect: QRectF
    color: QColor | None = None


class JourneyView(QGraphicsView):
    """Shows a journey scene. ``scale_factor`` is the zoom (1.0 = 100 %)."""

    scale_changed = Signal(float)

    def __init__(self, scene: QGraphicsScene | None = None, parent=None) -> None:
        super().__init__(parent)
        if scene is not None:
            self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Items repaint only where they changed; the scene has thousands of cards.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._space = False
        self._pan_from: QPoint | None = None
        # Pinned header text size in screen pixels (workshop mode raises it).
        self.pin_font_px = 14
        self.legend = LegendOverlay(self.viewport())
        self.inline_editor: InlineEditor | None = None
        self.card_dots: dict[str, int] = {}     # dot voting: dots shown on cards

    def set_legend_visible(self, on: bool) -> None:
        """Show or hide the legend box in the canvas's bottom-right corner."""
        self.legend.setVisible(on)
        if on:
            self.legend.place()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        if self.legend.isVisible():
            self.legend.place()

    # -- frozen panes ---------------------------------------------------------------------------
    def pinned_headers(self) -> list[PinnedHeader]:
        """The headers pinned to the top (phases, stages) and left (roles) edges right
        now: drawn when the map's own headers are scrolled off, or too small to read."""
        scene = self.scene()
        layout = scene.layout() if isinstance(scene, MapScene) else None
        if layout is None or not layout.stages or not layout.lanes:
            return []
        s = self._get_scale()
        vp = self.viewport().rect()
        origin = self.mapFromScene(QPointF(0.0, 0.0))
        ox, oy = float(origin.x()), float(origin.y())
        readable = 14 * s >= 11
        stage_top = oy + (MARGIN + layout.phase_h) * s
        lane_left = ox + MARGIN * s
        # A narrow or low view (a docked panel beside it) has no room for frozen panes.
        pin_top = (stage_top < 0 or not readable) and vp.height() >= 4 * PIN_STAGE_MIN
        pin_left = (lane_left < 0 or not readable) and vp.width() >= 4 * PIN_LANE_MIN
        phase_h = max(layout.phase_h * s, PIN_PHASE_MIN) if layout.phase_h else 0.0
        # Pinned panes cover the map's own headers wherever those are on screen.
        band_h = max(phase_h + max(STAGE_H * s, PIN_STAGE_MIN), stage_top + STAGE_H * s) \
            if pin_top else 0.0
        # The role column widens to its minimum only once the map's own is scrolled off,
        # so it never covers the first stage's cards.
        col_w = (min(max(LANE_HEADER_W * s, PIN_LANE_MIN), max(PIN_LANE_MIN, vp.width() * 0.2))
                 if lane_left < 0 else lane_left + LANE_HEADER_W * s) if pin_left else 0.0
        out: list[PinnedHeader] = []
        if pin_top:
            names = scene.stage_names()
            for k, sid in enumerate(layout.stages):
                x0 = max(ox + layout.stage_x[k] * s, col_w)
                x1 = ox + (layout.stage_x[k] + layout.stage_w[k]) * s
                if x1 > x0 and x0 < vp.width():
                    out.append(PinnedHeader("stage", sid, names.get(sid, ""),
                                            QRectF(x0, phase_h, x1 - x0, band_h - phase_h)))
            for name, r in scene.phase_names():
                x0 = max(ox + r.x * s, col_w)
                x1 = ox + r.right * s
                if x1 > x0 and x0 < vp.width():
                    out.append(PinnedHeader("phase", "", name, QRectF(x0, 0, x1 - x0, phase_h)))
        if pin_left:
            lanes = scene.lane_names()
            for k, rid in enumerate(layout.lanes):
                y0 = max(oy + layout.lane_y[k] * s, band_h)
                y1 = oy + (layout.lane_y[k] + layout.lane_h[k]) * s
                if y1 > y0 and y0 < vp.height():
                    name, color = lanes.get(rid, ("", QColor("#888888")))
                    out.append(PinnedHeader("lane", rid, name, QRectF(0, y0, col_w, y1 - y0),
                                            QColor(color)))
        return out

    def set_card_dots(self, dots: dict[str, int]) -> None:
        """Dot voting: show ``dots[touchpoint]`` voting dots on the cards."""
        if dots != self.card_dots:
            self.card_dots = dict(dots)
            self.viewport().update()

    def _paint_card_dots(self, painter: QPainter) -> None:
        scene = self.scene()
        if not self.card_dots or not isinstance(scene, MapScene):
            return
        r = 7.0
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor("#1c71d8"))
        for tid, n in self.card_dots.items():
            card = scene.card_rect(tid)
            if card.isEmpty() or n <= 0:
                continue
            top_right = self.mapFromScene(card.topRight())
            for k in range(min(n, 5)):
                painter.drawEllipse(QPointF(top_right.x() - 10 - k * (2 * r + 3),
                                            top_right.y() - 2), r, r)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if self.card_dots:
            painter.save()
            painter.resetTransform()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._paint_card_dots(painter)
            painter.restore()
        pins = self.pinned_headers()
        if not pins:
            return
        scene = self.scene()
        theme = scene.theme  # type: ignore[union-attr]
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        px = self.pin_font_px
        font, fm = scene_font(px, True), scene_metrics(px, True)
        top = max((p.rect.bottom() for p in pins if p.kind != "lane"), default=0.0)
        left = max((p.rect.right() for p in pins if p.kind == "lane"), default=0.0)
        grid = QPen(theme.grid, 1)
        if top:
            painter.fillRect(QRectF(0, 0, self.viewport().width(), top), theme.header_bg)
        if left:
            painter.fillRect(QRectF(0, top, left, self.viewport().height() - top),
                             theme.lane_header_bg)
        painter.setFont(font)
        for p in pins:
            r = p.rect
            if p.kind == "phase":
                painter.fillRect(r.adjusted(1, 1, -1, -1), theme.phase_bg[0])
            if p.kind == "lane" and p.color is not None:
                painter.fillRect(QRectF(r.left(), r.top(), 6, r.height()), p.color)
            painter.setPen(grid)
            painter.drawRect(r)
            painter.setPen(theme.header_fg)
            inner = r.adjusted(12 if p.kind == "lane" else 6, 3, -6, -3)
            max_lines = max(1, min(3, int(inner.height() // fm.lineSpacing())))
            lines = wrap_text(p.name, font, max(10.0, inner.width()), max_lines)
            draw_block(painter, lines, inner, fm, align_center=p.kind != "lane")
        if top and left:
            painter.fillRect(QRectF(0, 0, left, top), theme.header_bg)
        # A shadow line under the frozen panes, as in a spreadsheet.
        painter.setPen(QPen(theme.muted, 2))
        if top:
            painter.drawLine(QPointF(0, top), QPointF(self.viewport().width(), top))
        if left:
            painter.drawLine(QPointF(left, 0), QPointF(left, self.viewport().height()))
        painter.restore()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # The pinned headers stay put: repaint rather than blit the scrolled pixels.
        self.viewport().update()

    # -- typing on the map ------------------------------------------------------------------------
    def edit_inline(self, scene_rect: QRectF, text: str, px: float,
                    on_commit: Callable[[str], None], placeholder: str = "") -> InlineEditor:
        """A line editor over ``scene_rect`` (text ``px`` scene pixels high, never below
        a readable size on screen); see :class:`InlineEditor`."""
        if self.inline_editor is not None:
            self.inline_editor.commit()
        r = self.mapFromScene(scene_rect).boundingRect()
        editor = InlineEditor(self.viewport(), QRectF(r), text,
                              max(14.0, px * self._get_scale()), on_commit, placeholder)
        self.inline_editor = editor
        editor.destroyed.connect(lambda *_: setattr(self, "inline_editor", None))
        return editor

    def pinned_header_at(self, pos: QPoint) -> PinnedHeader | None:
        """The pinned stage or role header under a viewport point."""
        for p in self.pinned_headers():
            if p.kind in ("stage", "lane") and p.rect.contains(QPointF(pos)):
                return p
        return None

    # -- finding things ---------------------------------------------------------------------------
    def reveal(self, touchpoint_id: str) -> bool:
        """Scroll so the card is in view (below the pinned headers), zooming in to a
        readable level when the view is further out than that; never zooms out."""
        scene = self.scene()
        rect = scene.card_rect(touchpoint_id) if isinstance(scene, MapScene) else QRectF()
        if rect.isEmpty():
            return False
        if self._get_scale() < READABLE_SCALE:
            self._zoom_centered(READABLE_SCALE)
        self.centerOn(rect.center())
        return True

    # -- zoom ---------------------------------------------------------------------------------
    def _get_scale(self) -> float:
        return self.transform().m11()

    def _set_scale(self, value: float) -> None:
        value = max(MIN_SCALE, min(MAX_SCALE, float(value)))
        current = self._get_scale()
        if abs(value - current) < 1e-9:
            return
        self.scale(value / current, value / current)
        self.scale_changed.emit(value)

    scale_factor = Property(float, _get_scale, _set_scale, notify=scale_changed)

    def setTransform(self, matrix, combine: bool = False) -> None:  # noqa: N802 - Qt name
        """As QGraphicsView's, and tells :attr:`scale_changed` (the zoom label) too."""
        before = self._get_scale()
        super().setTransform(matrix, combine)
        if abs(self._get_scale() - before) > 1e-9:
            self.scale_changed.emit(self._get_scale())

    def zoom_in(self) -> None:
        self._zoom_centered(self._get_scale() * STEP)

    def zoom_out(self) -> None:
        self._zoom_centered(self._get_scale() / STEP)

    def zoom_reset(self) -> None:
        self._zoom_centered(1.0)

    def _zoom_centered(self, value: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self._set_scale(value)
        self.setTransformationAnchor(anchor)

    def zoom_to_fit(self) -> None:
        """The whole map in the window, with room for the pinned headers so they cover
        no card."""
        self._fit_map(width_only=False)

    def zoom_to_fit_width(self) -> None:
        """The map's full width in the window (for presenting); scroll to go down."""
        self._fit_map(width_only=True)

    def _pin_overflow(self, s: float) -> tuple[float, float]:
        """How much wider / taller than the map's own headers the pinned ones are at
        zoom ``s`` (0 when they are no bigger)."""
        scene = self.scene()
        layout = scene.layout() if isinstance(scene, MapScene) else None
        if layout is None:
            return 0.0, 0.0
        margin = 40.0    # the scene rect's room around the map
        col = 0.0        # the role column covers only the map's own (see pinned_headers)
        phase = max(layout.phase_h * s, PIN_PHASE_MIN) if layout.phase_h else 0.0
        band = phase + max(STAGE_H * s, PIN_STAGE_MIN) - \
            (margin + MARGIN + layout.phase_h + STAGE_H) * s
        return max(0.0, col), max(0.0, band)

    def _fit_map(self, width_only: bool) -> None:
        scene = self.scene()
        if scene is None:
            return
        rect = scene.map_rect() if hasattr(scene, "map_rect") else scene.itemsBoundingRect()
        vp = self.viewport().rect()
        if rect.isEmpty() or vp.width() < 2 or vp.height() < 2:
            return
        s = MAX_SCALE
        for _ in range(4):   # the pinned headers' overflow depends on the zoom
            ox, oy = self._pin_overflow(s)
            sx = (vp.width() - 2 * ox) / rect.width()
            sy = (vp.height() - 2 * oy) / rect.height()
            s = max(MIN_SCALE, min(MAX_SCALE, (sx if width_only else min(sx, sy)) * 0.98))
        self._set_scale(s)
        if width_only:
            self.centerOn(QPointF(rect.center().x(), rect.top() + vp.height() / s / 2))
        else:
            self.centerOn(rect.center())

    def zoom_to(self, rect: QRectF, focus: QRectF | None = None) -> None:
        """Show ``rect`` (e.g. a card or a stage), centred, at most at 150 % and never
        below a readable zoom; a rect too big for that shows ``focus`` (e.g. its first
        card) at the readable zoom instead."""
        self._fit(rect.adjusted(-60, -60, 60, 60), 1.5, READABLE_SCALE, focus)

    def _fit(self, rect: QRectF, limit: float, floor: float = 0.0,
             focus: QRectF | None = None) -> None:
        if rect.isEmpty():
            return
        vp = self.viewport().rect()
        if vp.width() < 2 or vp.height() < 2:
            return
        s = min(vp.width() / rect.width(), vp.height() / rect.height()) * 0.98
        self._set_scale(max(min(s, limit), floor))
        if s < floor and focus is not None and not focus.isEmpty():
            self.centerOn(focus.center())
        else:
            self.centerOn(rect.center())

    # -- wheel and panning -----------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                anchor = self.transformationAnchor()
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
                self._set_scale(self._get_scale() * STEP ** (delta / 120))
                self.setTransformationAnchor(anchor)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() \
                and not event.modifiers():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space:
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _pinned_scene_header(self, event) -> tuple[str, str] | None:  # noqa: ANN001
        if event.button() != Qt.MouseButton.LeftButton:
            return None
        pin = self.pinned_header_at(event.position().toPoint())
        if pin is None:
            return None
        return ("stage" if pin.kind == "stage" else "role", pin.id)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt name
        header = self._pinned_scene_header(event)
        scene = self.scene()
        if header is not None and hasattr(scene, "rename_requested"):
            scene.rename_requested.emit(*header)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mousePressEvent(self, event) -> None:
        header = self._pinned_scene_header(event)
        scene = self.scene()
        if header is not None and hasattr(scene, "header_activated") and not self._space:
            scene.clearSelection()
            scene.header_activated.emit(*header)
            event.accept()
            return
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            d = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - d.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - d.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton,
                                                             Qt.MouseButton.LeftButton):
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space = False
        super().focusOutEvent(event)
