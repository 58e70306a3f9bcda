"""What the menu modules share: :func:`make_action`, :func:`mnemonic_safe`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


Shortcut = QKeySequence | QKeySequence.StandardKey | str | list | None


def mnemonic_safe(text: str) -> str:
    """``text`` from the user's data for a menu entry, button or form label, where Qt
    reads "&" as a keyboard mnemonic: "Ease & peace of mind" must not lose its "&"."""
    return text.replace("&", "&&")


def make_action(window: MainWindow, text: str, slot: Callable[[], Any] | None = None,
                shortcut: Shortcut = None, tip: str | None = None,
                icon: QStyle.StandardPixmap | None = None) -> QAction:
    """A QAction of ``window``: text, slot, shortcut(s), tool/status tip, standard icon."""
    act = QAction(text, window)
    if slot is not None:
        act.triggered.connect(lambda _=False: slot())
    if isinstance(shortcut, list):
        act.setShortcuts([QKeySequence(s) for s in shortcut])
    elif isinstance(shortcut, QKeySequence.StandardKey):
        act.setShortcuts(shortcut)
    elif shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    if icon is not None:
        act.setIcon(window.style().standardIcon(icon))
    return act


__all__ = ["make_action"]
