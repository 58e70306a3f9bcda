"""UI tests: offscreen platform, and Qt's test mode for QStandardPaths/QSettings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths  # noqa: E402

QStandardPaths.setTestModeEnabled(True)


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_settings(tmp_path):
    """QSettings in a folder of this test only: several test runs at once share Qt's
    test-mode settings file (and clear it), which would make settings read back flaky."""
    from pathlib import Path

    from PySide6.QtCore import QSettings

    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    before = str(Path(QSettings(fmt, scope, "x", "y").fileName()).parent.parent)
    QSettings.setPath(fmt, scope, str(tmp_path / "settings"))
    yield
    QSettings.setPath(fmt, scope, before)


# -- fixtures of the editor window tests ----------------------------------------------------
from PySide6.QtWidgets import QMessageBox  # noqa: E402


class MessageBoxes:
    """Records QMessageBox calls instead of blocking on a modal box."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.answer = QMessageBox.StandardButton.Cancel

    def texts(self, kind: str | None = None) -> list[str]:
        return [t for k, _, t in self.calls if kind is None or k == kind]


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def static(kind: str):
        def show(_parent, title, text, *args, **kwargs):
            boxes.calls.append((kind, title, text))
            return boxes.answer
        return staticmethod(show)

    for kind in ("critical", "warning", "question", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))

    def exec_(self):
        boxes.calls.append(("exec", self.windowTitle(), self.text()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return boxes


@pytest.fixture
def jm_app(qapp):
    """The QApplication set up as journeymap does it, with empty settings."""
    from PySide6.QtCore import QSettings

    from journeymap.ui.app import setup_app

    setup_app(qapp)
    QSettings().clear()
    yield qapp
    QSettings().clear()


@pytest.fixture
def window(qtbot, jm_app, message_boxes):
    """An editor window on the start screen; its document is discarded afterwards."""
    from journeymap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    yield w
    w.discard_document()
