"""Help menu: about journeymap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from journeymap.ui.actions.common import make_action

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)



def build(w: MainWindow) -> None:
    w.act_about = make_action(w, _tr("&About journeymap"), lambda: about(w))
    w.menuBar().addMenu(_tr("&Help")).addAction(w.act_about)


def about(w: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from journeymap import __version__

    QMessageBox.about(w, _tr("About journeymap"), _tr(
        "<p><b>journeymap %1</b></p><p>Multi-role B2B customer journey maps with an "
        "explained, prioritised action list.</p>").replace("%1", __version__))
