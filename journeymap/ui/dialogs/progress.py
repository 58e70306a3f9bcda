"""Run a slow model call (open/save a big file) with a progress dialog after 0.5 s.

The call runs in a worker thread and touches no Qt object; the GUI thread keeps
painting and shows a busy QProgressDialog if the call is still running after
``delay`` seconds. Exceptions are re-raised in the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
DELAY = 0.5


def run_with_progress(parent: QWidget | None, label: str, fn: Callable[[], T],
                      delay: float = DELAY) -> T:
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="journeymap-io") as pool:
        future = pool.submit(fn)
        try:
            return future.result(timeout=delay)
        except FutureTimeout:
            pass
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setCancelButton(None)  # a half-written save is never useful
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.show()
        try:
            while not future.done():
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                try:
                    future.result(timeout=0.03)
                except FutureTimeout:
                    continue
                except Exception:  # noqa: BLE001 - re-raised below by future.result()
                    break
        finally:
            dialog.close()
            dialog.deleteLater()
            if parent is not None:
                # Some platforms leave no active window after a modal dialog closes.
                parent.window().activateWindow()
                QApplication.processEvents()
        return future.result()


__all__ = ["run_with_progress"]
