"""Journey menu: add touchpoint/stage/role/phase/journey, influence matrix, switch journey."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from journeymap.ui.actions.common import make_action

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)



def build(w: MainWindow) -> None:
    w.act_add_card = make_action(w, _tr("Add &Touchpoint"), w.add_touchpoint,
                                 ["Ctrl+Shift+N", "Insert"],
                                 _tr("Type new cards into the selected cell"))
    w.act_add_stage = make_action(w, _tr("Add &Stage…"), lambda: w.tree.add_stage())
    w.act_add_role = make_action(w, _tr("Add &Role…"), lambda: w.tree.add_role())
    w.act_add_phase = make_action(w, _tr("Add &Phase…"), lambda: w.tree.add_phase())
    w.act_add_journey = make_action(w, _tr("Add &Journey…"), lambda: w.tree.add_journey())
    w.act_matrix = make_action(w, _tr("&Influence Matrix…"), w.show_influence_matrix,
                               "Ctrl+Shift+I", _tr("How much each role weighs at each stage"))
    w.act_next_journey = make_action(w, _tr("Next Journey"), lambda: w.step_journey(1),
                                     "Ctrl+PgDown")
    w.act_prev_journey = make_action(w, _tr("Previous Journey"), lambda: w.step_journey(-1),
                                     "Ctrl+PgUp")

    m = w.menuBar().addMenu(_tr("&Journey"))
    m.addAction(w.act_add_card)
    m.addSeparator()
    for act in (w.act_add_stage, w.act_add_role, w.act_add_phase, w.act_add_journey):
        m.addAction(act)
    m.addSeparator()
    m.addAction(w.act_matrix)
    m.addSeparator()
    w.switch_menu = m.addMenu(_tr("S&witch Journey"))
    w.switch_menu.aboutToShow.connect(w.fill_switch_menu)
    m.addAction(w.act_next_journey)
    m.addAction(w.act_prev_journey)
