"""JourneyView: the scrollable, zoomable view of a :class:`JourneyScene`.

Ctrl+wheel zooms around the cursor, plain wheel scrolls, middle-drag or Space+drag pans,
a left drag on empty space draws a rubber band that selects cards.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

MIN_SCALE = 0.05
MAX_SCALE = 4.0
STEP = 1.2


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
        """The whole map in the window."""
        scene = self.scene()
        if scene is None:
            return
        rect = scene.map_rect() if hasattr(scene, "map_rect") else scene.itemsBoundingRect()
        self._fit(rect, MAX_SCALE)

    def zoom_to(self, rect: QRectF) -> None:
        """Show ``rect`` (e.g. a card or a stage), centred, at most at 150 %."""
        self._fit(rect.adjusted(-60, -60, 60, 60), 1.5)

    def _fit(self, rect: QRectF, limit: float) -> None:
        if rect.isEmpty():
            return
        vp = self.viewport().rect()
        if vp.width() < 2 or vp.height() < 2:
            return
        s = min(vp.width() / rect.width(), vp.height() / rect.height()) * 0.98
        self._set_scale(min(s, limit))
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

    def mousePressEvent(self, event) -> None:
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
