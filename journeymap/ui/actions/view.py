"""View menu: zoom, filter bar, history, panels, full screen, interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from journeymap.ui.actions.common import make_action

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)



def build(w: MainWindow) -> None:
    from PySide6.QtGui import QActionGroup

    from journeymap.ui.controllers import language

    K = QKeySequence.StandardKey
    w.act_zoom_in = make_action(w, _tr("Zoom &In"), lambda: w.view.zoom_in(), K.ZoomIn)
    w.act_zoom_out = make_action(w, _tr("Zoom &Out"), lambda: w.view.zoom_out(), K.ZoomOut)
    w.act_zoom_fit = make_action(w, _tr("Zoom to &Fit"), lambda: w.view.zoom_to_fit(),
                                 "Ctrl+9")
    w.act_zoom_fit_width = make_action(w, _tr("Fit &Width"), lambda: w.view.zoom_to_fit_width(),
                                       "Ctrl+8", _tr("Show the map's full width, for presenting"))
    w.act_legend = make_action(w, _tr("&Legend"), None, "Ctrl+Shift+L",
                               _tr("Show what the colours, badges and icons on the map mean"))
    w.act_legend.setCheckable(True)
    w.act_legend.toggled.connect(w.view.set_legend_visible)
    w.act_zoom_100 = make_action(w, _tr("Zoom &100 %"), lambda: w.view.zoom_reset(), "Ctrl+0")
    w.act_filter = make_action(w, _tr("Filter &Bar"), None, "Ctrl+Shift+F",
                               _tr("Filter cards by role, dimension and severity"))
    w.act_filter.setCheckable(True)
    w.act_filter.toggled.connect(w.toggle_filter)
    w.act_full_screen = make_action(w, _tr("F&ull Screen"), w.toggle_full_screen,
                                    K.FullScreen)
    w.act_full_screen.setCheckable(True)

    m = w.menuBar().addMenu(_tr("&View"))
    for act in (w.act_zoom_in, w.act_zoom_out, w.act_zoom_fit, w.act_zoom_fit_width,
                w.act_zoom_100):
        m.addAction(act)
    m.addSeparator()
    m.addAction(w.act_legend)
    m.addAction(w.act_filter)
    w.act_history = w.history_dock.toggleViewAction()
    w.act_history.setText(_tr("&History"))
    m.addAction(w.act_history)
    panels = m.addMenu(_tr("&Panels"))
    for dock in (w.tree_dock, w.inspector_dock, w.bottom_dock):
        panels.addAction(dock.toggleViewAction())
    m.addSeparator()
    m.addAction(w.act_full_screen)
    lang_menu = m.addMenu(_tr("&Language"))
    group = QActionGroup(w)
    current = language.chosen_language()
    w.language_actions = {}
    for code, text in (("", _tr("System")), ("en", "English"), ("ja", "日本語")):
        act = lang_menu.addAction(text)
        act.setCheckable(True)
        act.setChecked(code == current)
        if code:
            act.setProperty(language.KEEP_TEXT, True)   # each language in its own name
        group.addAction(act)
        # Applied after this click returns; the window retranslates in place.
        act.triggered.connect(lambda _=False, c=code: language.request_language(c))
        w.language_actions[code] = act
