"""Typing on the map itself: a line editor laid over a card slot or a header, in the
view's viewport, sized and scaled like the thing it edits (a new card's title, a stage
or role name). Enter commits, Esc cancels; leaving the field commits a changed text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QWidget


class InlineEditor(QLineEdit):
    """One inline edit; deletes itself when done. ``on_commit(text)`` gets the new,
    stripped, non-empty text when it differs from the start text."""

    def __init__(self, parent: QWidget, rect: QRectF, text: str, px: float,
                 on_commit: Callable[[str], None], placeholder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("inlineEditor")
        self._start = text
        self._on_commit = on_commit
        self._done = False
        font = QFont(self.font())
        font.setPixelSize(max(12, int(px)))
        self.setFont(font)
        self.setText(text)
        self.setPlaceholderText(placeholder)
        h = max(int(rect.height()), self.sizeHint().height())
        self.setGeometry(int(rect.left()), int(rect.top()), max(80, int(rect.width())), h)
        self.selectAll()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.returnPressed.connect(self.commit)

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        text = " ".join(self.text().split())
        if text and text != self._start:
            self._on_commit(text)
        self._close()

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self._close()

    def _close(self) -> None:
        parent = self.parentWidget()
        self.hide()
        self.deleteLater()
        view = parent.parentWidget() if parent is not None else None
        if view is not None:
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()


__all__ = ["InlineEditor"]
