"""Starting the app: QApplication, fonts, palette, translations, crash safety, first window.

:func:`run_app` is what ``journeymap [FILE]`` calls. Start order: application (name and
organisation for QSettings, high-DPI, Fusion style, palette that follows the system's
light/dark scheme, fonts that render Japanese), the exception hook, the recovery prompt
for working copies left by a crash, then FILE, the demo (``JOURNEYMAP_DEMO=1``) or the
start screen.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory, QWidget

from journeymap import __version__
from journeymap.assets import app_icon_png
from journeymap.ui import pyside_none_fix
from journeymap.ui.controllers import language
from journeymap.ui.fonts import qt_font, qt_font_families

ORGANIZATION = "journeymap"
APPLICATION = "journeymap"
_in_hook = False


# -- palette ------------------------------------------------------------------------------------
def dark_palette() -> QPalette:
    p = QPalette()
    c = QColor
    roles = QPalette.ColorRole
    for role, color in (
            (roles.Window, c("#2b2b2e")), (roles.WindowText, c("#eeeeec")),
            (roles.Base, c("#1f1f22")), (roles.AlternateBase, c("#2f2f33")),
            (roles.ToolTipBase, c("#3a3a3e")), (roles.ToolTipText, c("#eeeeec")),
            (roles.Text, c("#eeeeec")), (roles.Button, c("#353538")),
            (roles.ButtonText, c("#eeeeec")), (roles.BrightText, c("#ff7b72")),
            (roles.Highlight, c("#3584e4")), (roles.HighlightedText, c("#ffffff")),
            (roles.Link, c("#78aeed")), (roles.PlaceholderText, c("#9a9996")),
            (roles.Mid, c("#4a4a4e")), (roles.Dark, c("#18181a")),
            (roles.Light, c("#505055")), (roles.Shadow, c("#000000"))):
        p.setColor(role, color)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, c("#77767b"))
    return p


def apply_palette(app: QApplication) -> None:
    """Fusion's palette in the system's colour scheme (light or dark)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())


# -- crash safety ---------------------------------------------------------------------------------
def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    """Show an unexpected error in a dialog instead of dying.

    The document is safe: every edit was committed to the working copy before anything
    else ran, so the user can keep working and save."""
    global _in_hook
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    sys.stderr.write(details)
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if _in_hook or QApplication.instance() is None:
        return
    _in_hook = True
    try:
        parent = QApplication.activeWindow()
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("app", "Unexpected error"))
        box.setText(QCoreApplication.translate(
            "app", "Something went wrong: %1").replace("%1", f"{exc_type.__name__}: {exc}"))
        box.setInformativeText(QCoreApplication.translate(
            "app", "Your project is safe: every change made so far is kept in its working "
                   "copy. Save it now to be sure; if journeymap closes, the changes are "
                   "offered for recovery at the next start."))
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
    finally:
        _in_hook = False


def install_excepthook() -> None:
    sys.excepthook = excepthook


# -- application ---------------------------------------------------------------------------------
def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once (also used by tests and scripts)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_app(app)
    return app


def setup_app(app: QApplication) -> None:
    """Name, style, palette, fonts and translations of an existing QApplication."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QGuiApplication.setApplicationDisplayName("journeymap")
    QGuiApplication.setDesktopFileName("journeymap")
    app.setWindowIcon(QIcon(str(app_icon_png(256))))
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    apply_palette(app)
    hints = QGuiApplication.styleHints()
    if not app.property("journeymap_palette_hooked"):
        hints.colorSchemeChanged.connect(lambda _s: apply_palette(app))
        app.setProperty("journeymap_palette_hooked", True)
    qt_font_families()
    app.setFont(qt_font(10))
    if not app.property("journeymap_translated"):
        language.install_translators()   # the chosen language, else the system's
        app.setProperty("journeymap_translated", True)
        if pyside_none_fix.applied():
            logging.getLogger("journeymap").warning(
                "PySide6 drops references to None on this Python; the reference-count "
                "work-around in journeymap/ui/pyside_none_fix.py is active. Install "
                "PySide6-Essentials < 6.12 on Python 3.11 to avoid it.")


def recover_at_start(parent: QWidget | None = None) -> list:
    """Ask about working copies left by a crash; return the sessions to recover."""
    from journeymap.model.document import discard_session, prune_sessions, recoverable_sessions
    from journeymap.ui.dialogs.recovery import DISCARD, RECOVER, RecoveryDialog

    prune_sessions()
    found = recoverable_sessions()
    if not found:
        return []
    dialog = RecoveryDialog(found, parent)
    dialog.exec()
    chosen = []
    for session, choice in dialog.choices():
        if choice == DISCARD:
            discard_session(session)
        elif choice == RECOVER:
            chosen.append(session)
    return chosen


def start_windows(path: str | None = None) -> list:
    """The windows of a fresh start: recovered projects, FILE, the demo or the start screen.

    Returns the MainWindows (shown)."""
    from journeymap.ui.main_window import MainWindow

    windows: list[MainWindow] = []
    for session in recover_at_start():
        w = MainWindow()
        if w.recover_session(session):
            windows.append(w)
        else:
            w.deleteLater()
    if path is not None:
        w = MainWindow()
        w.open_path(path)  # on failure: one message, then the start screen
        windows.append(w)
    elif not windows and os.environ.get("JOURNEYMAP_DEMO") == "1":
        w = MainWindow()
        w.open_demo()
        windows.append(w)
    if not windows:
        windows.append(MainWindow())
    for w in windows:
        w.show()
    return windows


def run_app(path: str | None = None) -> int:
    """Run the desktop app; returns the exit code."""
    app = make_app()
    install_excepthook()
    windows = start_windows(path)
    app.setProperty("journeymap_windows", len(windows))
    _keep = windows  # the windows live as long as the event loop
    if os.environ.get("JOURNEYMAP_QUIT_AFTER_START") == "1":  # install smoke tests (README)
        print("\n".join(w.windowTitle() for w in windows), flush=True)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    del _keep
    return int(code)


__all__ = ["apply_palette", "dark_palette", "excepthook", "install_excepthook", "make_app",
           "recover_at_start", "run_app", "setup_app", "start_windows"]
