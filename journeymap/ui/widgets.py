"""Small widgets shared by the panels: error labels, face icons, colour swatches."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QWidget

ERROR_COLOR = "#c01c28"


class ErrorLabel(QLabel):
    """A red, word-wrapped line under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.show_error("")


class CommitTextEdit(QPlainTextEdit):
    """A multi-line text field that reports when editing ends (focus out, Ctrl+Enter)."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.editing_finished.emit()
            return
        super().keyPressEvent(event)


_FACE_COLORS = {-2: "#c01c28", -1: "#e66100", 0: "#9a9996", 1: "#62a0ea", 2: "#26a269"}


def face_icon(emotion: int | None, size: int = 32) -> QIcon:
    """A drawn face for an emotion −2…+2 (no emoji font needed); an empty ring for None."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = QRectF(1.5, 1.5, size - 3, size - 3)
    if emotion is None:
        p.setPen(QPen(QColor("#9a9996"), max(1.0, size / 16), Qt.PenStyle.DashLine))
        p.drawEllipse(r)
        p.end()
        return QIcon(pm)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(_FACE_COLORS[emotion]))
    p.drawEllipse(r)
    p.setBrush(QColor("white"))
    eye = size * 0.09
    p.drawEllipse(QPointF(size * 0.35, size * 0.38), eye, eye)
    p.drawEllipse(QPointF(size * 0.65, size * 0.38), eye, eye)
    pen = QPen(QColor("white"), max(1.5, size / 12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    mouth = QPainterPath()
    y = size * 0.68
    bend = emotion * size * 0.07
    mouth.moveTo(size * 0.3, y - bend / 2)
    mouth.quadTo(size * 0.5, y + bend * 1.5, size * 0.7, y - bend / 2)
    p.drawPath(mouth)
    p.end()
    return QIcon(pm)


def color_icon(color: str, size: int = 16) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(QColor(color))
    return QIcon(pm)


__all__ = ["CommitTextEdit", "ERROR_COLOR", "ErrorLabel", "color_icon", "face_icon"]
