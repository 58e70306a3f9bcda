"""The main window's QActions and menus, declared one menu per module.

:func:`install` builds them in menu order (File, Edit, View, Journey, Help), then the
tool bar. Each module's ``build(window)`` creates that menu's actions as
``window.act_*`` attributes and adds the menu to the menu bar; features that bring
their own actions (workshop, settings, analysis, exports) add them afterwards through the
window's plug-in points. Texts use the ``MainWindow`` translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QToolBar, QToolButton

from journeymap.ui.actions import edit, file, help, journey, view

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def install(window: MainWindow) -> None:
    """Every menu of the window, then the tool bar; fills ``window.doc_actions`` (enabled
    while a project is open) and ``window.write_actions`` (only when it is writable)."""
    for module in (file, edit, view, journey, help):
        module.build(window)
    w = window
    w.doc_actions = [
        w.act_save, w.act_save_as, w.act_properties, w.act_close, w.act_export_json,
        w.act_export_mermaid, w.act_cut, w.act_copy, w.act_paste, w.act_delete,
        w.act_select_all, w.act_find, w.act_zoom_in, w.act_zoom_out, w.act_zoom_fit,
        w.act_zoom_100, w.act_filter, w.act_add_card, w.act_add_stage, w.act_add_role,
        w.act_add_phase, w.act_add_journey, w.act_matrix, w.act_next_journey,
        w.act_prev_journey]
    w.write_actions = [w.act_cut, w.act_paste, w.act_delete, w.act_add_card,
                       w.act_add_stage, w.act_add_role, w.act_add_phase, w.act_add_journey]
    _build_toolbar(window)


def _build_toolbar(w: MainWindow) -> None:
    tb = QToolBar(_tr("Main toolbar"))
    tb.setObjectName("mainToolbar")
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for act in (w.act_open, w.act_save, None, w.act_undo, w.act_redo, None,
                w.act_add_card, w.act_matrix, w.act_filter, None,
                w.act_zoom_out, w.act_zoom_in, w.act_zoom_fit):
        if act is None:
            tb.addSeparator()
        else:
            tb.addAction(act)
    # Undo and redo as icons: their labels grow with the step's name ("Undo Move
    # card…") and would make the tool bar jump; the label is in the tooltip.
    for act in (w.act_undo, w.act_redo):
        button = tb.widgetForAction(act)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    w.addToolBar(tb)
    w.toolbar = tb


__all__ = ["install"]
