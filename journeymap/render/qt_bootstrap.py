"""The Qt application the renderers need, made head-less when there is no display."""

from __future__ import annotations

import os
import sys

from journeymap.render.fonts import qt_font_families


def ensure_app():  # -> QCoreApplication
    """The running Qt application, or a new head-less QApplication.

    QGraphicsScene needs a QApplication (not only a QGuiApplication). With no display
    and no platform chosen, the offscreen platform is used, so scripts and CI render
    without a window system. The bundled Japanese font is registered before anything
    measures text."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux") \
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["journeymap-export"])
    qt_font_families()
    return app


__all__ = ["ensure_app"]
