"""File menu: new from template, open, recent files, save, properties, export, close, quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from journeymap.ui.actions.common import make_action

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _show_library(w: MainWindow) -> None:
    from journeymap.ui.dialogs.library import show_library_dialog

    w.library_dialog = show_library_dialog(w)


def build(w: MainWindow) -> None:
    from PySide6.QtGui import QAction

    from journeymap.model.templates import list_templates, template_title

    SP = QStyle.StandardPixmap
    K = QKeySequence.StandardKey
    w.act_open = make_action(w, _tr("&Open…"), w.open_dialog, K.Open,
                             _tr("Open a project file"), SP.SP_DialogOpenButton)
    w.act_save = make_action(w, _tr("&Save"), w.save, K.Save,
                             _tr("Save the project"), SP.SP_DialogSaveButton)
    w.act_save_as = make_action(w, _tr("Save &As…"), w.save_as, K.SaveAs)
    w.act_properties = make_action(w, _tr("Project &Properties…"), w.show_project_properties)
    w.act_close = make_action(w, _tr("&Close"), w.close_document, K.Close)
    w.act_quit = make_action(w, _tr("&Quit"), w.close, K.Quit)
    w.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
    w.act_export_json = make_action(w, _tr("JSON…"), w.export_json)
    w.act_export_mermaid = make_action(w, _tr("Mermaid (this journey)…"), w.export_mermaid)
    w.act_library = make_action(w, _tr("Team &Library…"), lambda: _show_library(w),
                                tip=_tr("Projects kept on the team's PostgreSQL server"))

    m = w.menuBar().addMenu(_tr("&File"))
    w.new_menu = m.addMenu(_tr("&New from Template"))
    names = {"en": _tr("English"), "ja": _tr("Japanese")}
    for name in list_templates():
        for lang in ("en", "ja"):
            act = w.new_menu.addAction(
                _tr("%1 (%2)").replace("%1", template_title(name, lang))
                .replace("%2", names[lang]))
            act.triggered.connect(lambda _=False, n=name, la=lang: w.new_from_template(n, la))
        w.new_menu.addSeparator()
    w.new_menu.addAction(_tr("Open Demo Project")).triggered.connect(w.open_demo)
    m.addAction(w.act_open)
    m.addAction(w.act_library)
    w.recent_menu = m.addMenu(_tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    m.addSeparator()
    m.addAction(w.act_save)
    m.addAction(w.act_save_as)
    m.addAction(w.act_properties)
    w.export_menu = m.addMenu(_tr("&Export"))
    w.export_menu.addAction(w.act_export_json)
    w.export_menu.addAction(w.act_export_mermaid)
    m.addSeparator()
    m.addAction(w.act_close)
    m.addAction(w.act_quit)
