"""The influence matrix: keys set weights, defaults are grey, every change undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journeymap.ui.dialogs.influence_matrix import heat_color


@pytest.fixture
def matrix(window, qtbot):
    window.new_from_template("b2b-procurement", "en")
    m = window.show_influence_matrix()
    qtbot.addWidget(m)
    return window, m


def _cell_ids(m, r, c):
    item = m.grid.item(r, c)
    return item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1)


def test_grid_shows_roles_by_stages_with_defaults_grey(matrix):
    window, m = matrix
    store, j = window.store, window.journey_id
    assert m.grid.rowCount() == len(store.lane_roles(j))
    assert m.grid.columnCount() == len(store.stages(j))
    for r in range(m.grid.rowCount()):
        for c in range(m.grid.columnCount()):
            role, stage = _cell_ids(m, r, c)
            item = m.grid.item(r, c)
            assert item.text() == str(store.influence_at(j, role, stage))
            explicit = store.explicit_influence(j, role, stage) is not None
            assert item.font().italic() is (not explicit)
    assert m.grid.horizontalHeaderItem(0).text().replace("\n", " ") == store.stages(j)[0].name


def test_typing_plus_minus_delete_and_undo(matrix, qtbot):
    window, m = matrix
    store, j = window.store, window.journey_id
    before = store.snapshot()
    r, c = 1, 2
    role, stage = _cell_ids(m, r, c)
    default = store.role(role).default_influence
    m.grid.setCurrentCell(r, c)
    m.grid.setFocus()
    qtbot.keyClick(m.grid, Qt.Key.Key_Delete)  # back to the role's default
    assert store.explicit_influence(j, role, stage) is None
    qtbot.keyClick(m.grid, "5")
    assert store.influence_at(j, role, stage) == 5
    assert m.grid.item(r, c).text() == "5" and not m.grid.item(r, c).font().italic()
    assert m.grid.item(r, c).background().color() == heat_color(5)
    qtbot.keyClick(m.grid, Qt.Key.Key_Minus)
    assert store.influence_at(j, role, stage) == 4
    qtbot.keyClick(m.grid, Qt.Key.Key_Plus)
    qtbot.keyClick(m.grid, Qt.Key.Key_Plus)
    assert store.influence_at(j, role, stage) == 5
    assert "already at 5" in m.error.text()
    qtbot.keyClick(m.grid, Qt.Key.Key_Delete)
    assert store.explicit_influence(j, role, stage) is None
    assert m.grid.item(r, c).text() == str(default) and m.grid.item(r, c).font().italic()
    qtbot.keyClick(m.grid, "7")
    assert "Influence must be from 0 to 5" in m.error.text()
    assert store.explicit_influence(j, role, stage) is None
    assert window.undo_stack.undoText() == "Set influence"
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert store.snapshot() == before
    assert m.grid.item(r, c).text() == str(store.influence_at(j, role, stage))


def test_follows_the_current_journey(matrix):
    window, m = matrix
    window.act_next_journey.trigger()
    assert m.journey == window.journey_id
    assert m.caption.text().endswith(window.store.journey(window.journey_id).name)


def test_defaults_are_grey_and_enter_moves_to_the_next_cell(matrix, qtbot):
    window, m = matrix
    store, j = window.store, window.journey_id
    m.show()
    m.grid.setFocus()
    m.grid.setCurrentCell(0, 1)
    qtbot.keyClick(m.grid, Qt.Key.Key_Delete)       # back to the role's default
    seen_default = False
    for r in range(m.grid.rowCount()):
        for c in range(m.grid.columnCount()):
            role, stage = _cell_ids(m, r, c)
            bg = m.grid.item(r, c).background().color()
            if store.explicit_influence(j, role, stage) is None:
                seen_default = True
                assert bg.hsvSaturation() < 20, bg.name()      # grey, whatever the weight
            else:
                assert bg.hsvSaturation() >= 20 or store.influence_at(j, role, stage) == 0
    assert seen_default
    m.show()
    m.grid.setFocus()
    m.grid.setCurrentCell(0, m.grid.columnCount() - 1)
    qtbot.keyClick(m.grid, Qt.Key.Key_Return)
    assert (m.grid.currentRow(), m.grid.currentColumn()) == (1, 0)   # wraps to the next row
    qtbot.keyClick(m.grid, Qt.Key.Key_Enter)
    assert (m.grid.currentRow(), m.grid.currentColumn()) == (1, 1)
    assert m.isVisible()                                             # the dialog stays open
