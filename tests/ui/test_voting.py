"""Dot voting in workshop mode: a full round on the b2b-procurement template."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from journeymap.analysis.scoring import rank
from journeymap.model import edits
from journeymap.model.voting import VoteOn, VotingRound
from journeymap.ui.workshop.voting import VotingController, VotingSetupDialog


@pytest.fixture
def voting(qtbot, window):
    """Workshop mode on the template, with a round of Aiko, Ben and Chen (5 dots)."""
    assert window.new_from_template("b2b-procurement", "en")
    window.workshop.enter()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.isActiveWindow(), timeout=2000)
    dialogs = []

    def fill(dialog: VotingSetupDialog) -> bool:
        dialogs.append(dialog)
        dialog.by_name.setChecked(True)
        dialog.names.setPlainText("Aiko\nBen\nChen")
        assert dialog.dots.value() == 5 and dialog.hide_totals.isChecked()
        dialog.clear.setChecked(True)            # the template ships example votes
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.workshop.voting = VotingController(window, window.workshop)
    window.workshop.voting.setup_dialog_hook = fill
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_V)     # V opens the setup, then the panel
    assert dialogs and window.workshop.voting.panel_visible()
    yield window.workshop.voting
    window.workshop.leave()


def click_badge(qtbot, window, voting, tid: str, index: int = 0) -> None:
    rect = window.scene.card_rect(tid)
    window.view.centerOn(rect.center())
    pos = window.view.mapFromScene(voting.badge_scene_pos(tid, index))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, pos)


def click_target(qtbot, voting, target: str) -> None:
    lst = voting.panel.list
    item = voting.panel.item_for(target)
    assert item is not None, target
    lst.scrollToItem(item)
    rect = lst.visualItemRect(item)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(rect.left() + 20, rect.center().y()))


def test_setup_dialog_validates(qtbot, jm_app) -> None:
    d = VotingSetupDialog()
    qtbot.addWidget(d)
    d.by_name.setChecked(True)
    d.names.setPlainText("Aiko\nAiko")
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted and d.error.isVisibleTo(d)
    assert "twice" in d.error.text()
    d.by_number.setChecked(True)
    d.count.setValue(4)
    d.dots.setValue(3)
    d.vote_on.setCurrentIndex(d.vote_on.findData("pains"))
    d.hide_totals.setChecked(False)
    rnd = d.make_round()
    assert rnd.participants == ["Participant 1", "Participant 2", "Participant 3",
                                "Participant 4"]
    assert rnd.dots == 3 and rnd.vote_on is VoteOn.PAINS and not rnd.hide_totals


def test_full_round_with_three_participants(qtbot, voting) -> None:
    w = voting.window
    store = w.store
    panel = voting.panel
    journey = w.journey_id
    assert store.votes() == []                      # cleared by the setup (one undo step)
    rnd = voting.round
    assert rnd.participants == ["Aiko", "Ben", "Chen"] and rnd.hide_totals
    assert panel.participant_label.text() == "Aiko"
    assert panel.dots_label.text() == "○○○○○"
    before = rank(store, journey)
    before_order = [x.id for x in before.rows]

    # Aiko: five dots on one pain point by clicking its badge on the canvas
    target_tp = store.pain_point("p_ent_tender_upload").touchpoint
    index = [p.id for p in store.pain_points(target_tp)].index("p_ent_tender_upload")
    for _ in range(5):
        click_badge(qtbot, w, voting, target_tp, index)
    assert store.vote_count("p_ent_tender_upload") == 5
    assert panel.dots_label.text() == "●●●●●" and "0 of 5" in panel.dots_text.text()
    assert w.undo_stack.count() == 1 + 5           # clear + five votes, one step each

    # a sixth dot is refused visibly, nothing changes
    revision = store.revision
    click_badge(qtbot, w, voting, target_tp, index)
    assert store.revision == revision and store.vote_count("p_ent_tender_upload") == 5
    assert panel.message.isVisible() and panel.message.property("refusal")
    assert "Aiko has no dots left" in panel.message.text()
    click_target(qtbot, voting, "a_savings_report")            # also from the list
    assert store.revision == revision

    # undo one dot with Ctrl+Z, then "undo my last dot"
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.vote_count("p_ent_tender_upload") == 4 and "1 of 5" in panel.dots_text.text()
    panel.take_back_button.click()
    assert store.vote_count("p_ent_tender_upload") == 3
    assert "2 of 5" in panel.dots_text.text()
    click_target(qtbot, voting, "a_savings_report")
    click_target(qtbot, voting, "a_savings_report")
    assert rnd.remaining(store, "Aiko") == 0

    # Ben: next participant by key, dots in the list (pain point and action)
    qtbot.keyClick(w.view, Qt.Key.Key_P)
    assert panel.participant_label.text() == "Ben" and panel.dots_label.text() == "○○○○○"
    click_target(qtbot, voting, "p_ent_tender_upload")
    click_target(qtbot, voting, "a_savings_report")
    assert store.vote_count("a_savings_report") == 3
    # totals are hidden: the list shows no counts, only Ben's own dots
    item = panel.item_for("p_ent_tender_upload")
    assert "(you: ●)" in item.text() and not item.text().lstrip().startswith("4")

    # Chen: next participant with the button; one dot on a card with a single pain
    panel.next_button.click()
    assert panel.participant_label.text() == "Chen"
    single = next(tp for tp in store.touchpoints(journey) if len(store.pain_points(tp.id)) == 1
                  and store.pain_points(tp.id)[0].id != "p_ent_tender_upload")
    rect = w.scene.card_rect(single.id)
    w.view.centerOn(rect.center())
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier,
                     w.view.mapFromScene(rect.topLeft() + (rect.center() - rect.topLeft()) * 0.5))
    single_pain = store.pain_points(single.id)[0].id
    assert store.vote_count(single_pain) == 1
    assert [v.participant for v in store.votes_for(single_pain)] == ["Chen"]

    # show totals (H), hide them again with the button
    qtbot.keyClick(w.view, Qt.Key.Key_H)
    assert not rnd.hide_totals
    first = panel.list.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == "p_ent_tender_upload"
    assert first.text().lstrip().startswith("4")
    panel.totals_button.click()
    assert rnd.hide_totals

    # the ranking follows the votes at once
    after = rank(store, journey)
    assert [x.id for x in after.rows] != before_order
    tender = next(x for x in after.rows if x.id == "p_ent_tender_upload")
    tender_before = next(x for x in before.rows if x.id == "p_ent_tender_upload")
    assert tender.votes == 4 and tender.priority > tender_before.priority
    assert [x.rank for x in after.rows if x.id == "p_ent_tender_upload"][0] < \
        [x.rank for x in before.rows if x.id == "p_ent_tender_upload"][0]
    savings = next(x for x in after.actions if x.id == "a_savings_report")
    assert savings.votes == 3

    # end the round: a summary of votes per target
    shown = []
    voting.summary_hook = shown.append
    panel.end_button.click()
    assert rnd.ended and shown
    summary = shown[0]
    rows = [(summary.table.item(r, 0).text(), summary.table.item(r, 2).text())
            for r in range(summary.table.rowCount())]
    assert rows[0] == ("4", store.pain_point("p_ent_tender_upload").title)
    assert ("3", store.action("a_savings_report").title) in rows
    assert summary.ranking.count() == 5
    summary.deleteLater()
    revision = store.revision
    click_target(qtbot, voting, "p_ent_wear")        # an ended round takes no more dots
    assert store.revision == revision


def test_actions_only_round_refuses_canvas_clicks(qtbot, voting) -> None:
    w = voting.window
    voting.start_round(VotingRound(["Dana"], dots=2, vote_on=VoteOn.ACTIONS))
    tp = next(tp for tp in w.store.touchpoints(w.journey_id) if w.store.pain_points(tp.id))
    revision = w.store.revision
    click_badge(qtbot, w, voting, tp.id, 0)
    assert w.store.revision == revision and voting.panel.message.property("refusal")
    assert all(voting.panel.list.item(i).data(Qt.ItemDataRole.UserRole) in
               (None, *[a.id for a in w.store.actions()])
               for i in range(voting.panel.list.count()))


def test_deleting_a_voted_pain_point_and_undo(qtbot, voting) -> None:
    w = voting.window
    store = w.store
    voting.vote("p_ent_wear")
    voting.next_participant()
    voting.vote("p_ent_wear")
    assert store.vote_count("p_ent_wear") == 2
    assert w.push_edit(edits.delete(store, "pain_point", ["p_ent_wear"]))
    assert store.vote_count("p_ent_wear") == 0 and store.get("pain_point", "p_ent_wear") is None
    assert voting.panel.item_for("p_ent_wear") is None            # the list follows
    assert voting.round.remaining(store, "Aiko") == 5
    w.undo_stack.undo()
    assert store.vote_count("p_ent_wear") == 2
    assert sorted(v.participant for v in store.votes_for("p_ent_wear")) == ["Aiko", "Ben"]
    assert voting.panel.item_for("p_ent_wear") is not None
    assert store == w.doc.working_store_from_disk()


def test_esc_leaves_workshop_mode_and_hides_the_panel(qtbot, voting) -> None:
    w = voting.window
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)
    assert not w.workshop.active and not voting.panel_visible()
    assert w.menuBar().isVisible()


def test_badge_positions_match_the_painted_badges(qtbot, voting) -> None:
    """The click targets of voting are where the canvas paints the pain badges."""
    from PySide6.QtCore import QPointF

    from journeymap.ui.canvas.items import SEVERITY_COLORS

    w = voting.window
    store = w.store
    tp = next(t for t in store.touchpoints(w.journey_id) if len(store.pain_points(t.id)) >= 2)
    rect = w.scene.card_rect(tp.id)
    w.view.centerOn(rect.center())
    qtbot.wait(10)
    image = w.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    for i, pain in enumerate(store.pain_points(tp.id)[:2]):
        centre = voting.badge_scene_pos(tp.id, i)
        # below the digit, inside the circle
        pos = w.view.mapFromScene(centre + QPointF(0, 6))
        colour = image.pixelColor(int(pos.x() * ratio), int(pos.y() * ratio))
        expected = SEVERITY_COLORS[pain.severity]
        assert abs(colour.red() - expected.red()) < 40 and \
            abs(colour.green() - expected.green()) < 40 and \
            abs(colour.blue() - expected.blue()) < 40, (i, colour.name(), expected.name())
        assert voting.hit(w.view.mapFromScene(centre)) == (tp.id, pain.id)


def test_setup_dialog_uses_workshop_type(qtbot, jm_app) -> None:
    from journeymap.ui.fonts import qt_font

    d = VotingSetupDialog()
    qtbot.addWidget(d)
    assert d.by_name.font().pointSizeF() >= 15
    assert d.by_name.font().pointSizeF() > qt_font(10).pointSizeF()


def test_cards_show_the_current_participants_dots(qtbot, voting) -> None:
    from PySide6.QtGui import QColor

    w = voting.window
    store = w.store
    tid = store.get("pain_point", "p_ent_wear").touchpoint
    voting.vote("p_ent_wear")
    voting.vote("p_ent_wear")
    qtbot.waitUntil(lambda: w.view.card_dots.get(tid) == 2)
    rect = w.scene.card_rect(tid)
    w.view.centerOn(rect.center())
    qtbot.wait(10)
    image = w.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    corner = w.view.mapFromScene(rect.topRight())
    colour = image.pixelColor(int((corner.x() - 10) * ratio), int((corner.y() - 2) * ratio))
    assert colour.name() == QColor("#1c71d8").name()
    voting.next_participant()                  # the next person's own dots (none yet)
    qtbot.waitUntil(lambda: tid not in w.view.card_dots)
    voting.hide_panel()
    assert w.view.card_dots == {}
