"""The PySide6 None-refcount fallback: off on a working PySide6, on only when the leak
is detected, and then reported once at start."""

from __future__ import annotations

import logging
import sys

from journeymap.ui import pyside_none_fix


def test_this_install_does_not_need_the_fallback() -> None:
    # pyproject keeps Python 3.11 below PySide6 6.12: the leak is not there
    assert not pyside_none_fix.leaks_none()
    assert not pyside_none_fix.applied()


def test_the_fallback_applies_only_when_the_leak_is_detected(monkeypatch) -> None:
    monkeypatch.setattr(pyside_none_fix, "_applied", False)
    assert not pyside_none_fix.apply(detect=lambda: False)
    assert not pyside_none_fix.applied()
    before = sys.getrefcount(None)
    assert pyside_none_fix.apply(detect=lambda: True)
    assert pyside_none_fix.applied()
    # None now has a practically endless reference count (never freed, like 3.12's)
    assert sys.getrefcount(None) - before >= 1 << 59
    assert pyside_none_fix.apply(detect=lambda: True)    # once only


def test_the_app_says_so_at_start(monkeypatch, qtbot, qapp, caplog) -> None:
    from journeymap.ui.app import setup_app
    from journeymap.ui.main_window import MainWindow

    monkeypatch.setattr(pyside_none_fix, "_applied", True)
    qapp.setProperty("journeymap_translated", False)
    with caplog.at_level(logging.WARNING, logger="journeymap"):
        setup_app(qapp)
    assert any("pyside_none_fix" in r.getMessage() for r in caplog.records)
    w = MainWindow()
    qtbot.addWidget(w)
    assert "work-around" in w.statusBar().currentMessage()
