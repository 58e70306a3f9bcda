"""Dot voting in workshop mode: setup, the voting panel, canvas clicks, the round summary.

Each dot is one ``edits.add_vote`` pushed on the window's undo stack (Ctrl+Z takes it
back; "Undo my last dot" deletes the participant's latest vote as a new undo step).
Votes are the project's Vote rows, so the ranking (docs/scoring.md) follows at once.
What the file does not hold — participants, dots each, the open target kinds, whose
turn it is — lives in :class:`journeymap.model.voting.VotingRound`.

Clicking a pain badge on a card votes for that pain point; clicking elsewhere on a card
with one pain point votes for it (with several, a menu asks which). Every target is
also in the panel's list. A participant without dots left gets a visible refusal and
nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.model.document import DocumentError
from journeymap.model.edits import Edit, EditError
from journeymap.model.store import Store
from journeymap.model.validation import ValidationError
from journeymap.model.voting import (
    DEFAULT_DOTS,
    MAX_DOTS,
    MAX_PARTICIPANTS,
    NoDotsLeft,
    TargetNotOpen,
    VoteOn,
    VotingRound,
    clear_votes,
    numbered_participants,
    parse_participants,
)
from journeymap.ui import commands
from journeymap.ui.actions.common import mnemonic_safe
from journeymap.ui.fonts import qt_font
from journeymap.ui.texts import error_text

WORKSHOP_PT = 15.0   # dialogs and menus of dot voting, in points

TARGET = Qt.ItemDataRole.UserRole
DOT, EMPTY_DOT = "●", "○"
REFUSAL_CSS = ("background: #c01c28; color: #ffffff; border-radius: 6px; padding: 8px;"
               " font-weight: bold;")
INFO_CSS = "background: #26a269; color: #ffffff; border-radius: 6px; padding: 8px;"


# ==========================================================================================
# setup
# ==========================================================================================
class VotingSetupDialog(QDialog):
    """Participants (names, or N numbered), dots each, what to vote on, hide totals."""

    def __init__(self, parent: QWidget | None = None, previous: VotingRound | None = None,
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dot voting"))
        self.setObjectName("votingSetup")
        self.setFont(qt_font(WORKSHOP_PT))    # workshop type: read from the back too
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.by_name = QRadioButton(self.tr("Participants by name"))
        self.by_number = QRadioButton(self.tr("Numbered participants"))
        group = QButtonGroup(self)
        group.addButton(self.by_name)
        group.addButton(self.by_number)
        self.names = QPlainTextEdit()
        self.names.setPlaceholderText(self.tr("One name per line"))
        self.names.setAccessibleName(self.tr("Participant names"))
        self.names.setTabChangesFocus(True)
        self.count = QSpinBox()
        self.count.setRange(1, MAX_PARTICIPANTS)
        self.count.setValue(8)
        self.count.setAccessibleName(self.tr("Number of participants"))
        self.dots = QSpinBox()
        self.dots.setRange(1, MAX_DOTS)
        self.dots.setValue(DEFAULT_DOTS)
        self.dots.setAccessibleName(self.tr("Dots per participant"))
        self.vote_on = QComboBox()
        self.vote_on.addItem(self.tr("Pain points and actions"), VoteOn.BOTH.value)
        self.vote_on.addItem(self.tr("Pain points"), VoteOn.PAINS.value)
        self.vote_on.addItem(self.tr("Actions"), VoteOn.ACTIONS.value)
        self.vote_on.setAccessibleName(self.tr("Vote on"))
        self.hide_totals = QCheckBox(self.tr("Hide totals while voting"))
        self.hide_totals.setChecked(True)
        self.clear = QCheckBox(self.tr("Remove the votes already in the project first"))
        self.clear.setToolTip(self.tr("One undo step; Ctrl+Z brings them back"))
        form.addRow(self.by_name)
        form.addRow(self.names)
        form.addRow(self.by_number)
        form.addRow(self.tr("Participants:"), self.count)
        form.addRow(self.tr("Dots per participant:"), self.dots)
        form.addRow(self.tr("Vote on:"), self.vote_on)
        form.addRow(self.hide_totals)
        form.addRow(self.clear)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c01c28;")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start voting"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.by_name.toggled.connect(self._mode_changed)
        if previous is not None:
            self.names.setPlainText("\n".join(previous.participants))
            self.dots.setValue(previous.dots)
            self.vote_on.setCurrentIndex(self.vote_on.findData(previous.vote_on.value))
            self.hide_totals.setChecked(previous.hide_totals)
            self.by_name.setChecked(True)
        else:
            self.by_number.setChecked(True)
        self._mode_changed()
        self.resize(440, 480)

    def _mode_changed(self) -> None:
        named = self.by_name.isChecked()
        self.names.setEnabled(named)
        self.count.setEnabled(not named)

    def make_round(self) -> VotingRound:
        """The round as set up; ValueError with a message when the input is not usable."""
        if self.by_name.isChecked():
            try:
                people = parse_participants(self.names.toPlainText())
            except ValueError as e:
                if "twice" in str(e):
                    name = str(e).split("'")[1] if "'" in str(e) else ""
                    raise ValueError(self.tr("“%1” is listed twice").replace("%1", name)) \
                        from None
                raise ValueError(self.tr("Add at least one participant")) from None
        else:
            people = numbered_participants(self.count.value(), self.tr("Participant %1"))
        return VotingRound(people, dots=self.dots.value(),
                           vote_on=VoteOn(self.vote_on.currentData()),
                           hide_totals=self.hide_totals.isChecked())

    def accept(self) -> None:
        try:
            self.make_round()
        except ValueError as e:
            self.error.setText(str(e))
            self.error.show()
            return
        super().accept()


# ==========================================================================================
# the panel
# ==========================================================================================
class VotingPanel(QWidget):
    """Current participant (large), their dots, the targets, and the round's buttons."""

    target_clicked = Signal(str)
    language_changed = Signal()   # after retranslating: texts built from data follow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votingPanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(8)
        self.caption = QLabel()
        self.caption.setFont(qt_font(13, True))
        self.participant_label = QLabel()
        self.participant_label.setFont(qt_font(30, True))
        self.participant_label.setWordWrap(True)
        self.participant_label.setAccessibleName(self.tr("Participant"))
        self.dots_label = QLabel()
        self.dots_label.setFont(qt_font(30))
        self.dots_label.setWordWrap(True)
        self.dots_text = QLabel()
        self.dots_text.setFont(qt_font(15))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setFont(qt_font(14))
        self.message.hide()
        nav = QHBoxLayout()
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        for b in (self.prev_button, self.next_button):
            b.setFont(qt_font(14))
            nav.addWidget(b)
        self.take_back_button = QPushButton()
        self.take_back_button.setFont(qt_font(14))
        self.list = QListWidget()
        self.list.setFont(qt_font(14))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.list.itemClicked.connect(self._item_clicked)
        self.list.installEventFilter(self)
        self.progress = QLabel()
        self.progress.setFont(qt_font(12))
        self.progress.setWordWrap(True)
        bottom = QHBoxLayout()
        self.totals_button = QPushButton()
        self.end_button = QPushButton()
        self.new_button = QPushButton()
        for b in (self.totals_button, self.end_button, self.new_button):
            b.setFont(qt_font(13))
            bottom.addWidget(b)
        for w in (self.caption, self.participant_label, self.dots_label, self.dots_text,
                  self.message):
            lay.addWidget(w)
        lay.addLayout(nav)
        lay.addWidget(self.take_back_button)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.progress)
        lay.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Dot voting"))
        self.prev_button.setText(self.tr("◀ Previous"))
        self.prev_button.setToolTip(self.tr("Previous participant (Shift+P)"))
        self.next_button.setText(self.tr("Next participant ▶"))
        self.next_button.setToolTip(self.tr("Next participant (P)"))
        self.take_back_button.setText(self.tr("Undo my last dot"))
        self.take_back_button.setToolTip(self.tr("Take back this participant's last dot (U)"))
        self.end_button.setText(self.tr("End round"))
        self.new_button.setText(self.tr("New round…"))
        self.list.setAccessibleName(self.tr("Vote targets: click to place a dot"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.language_changed.emit()
        super().changeEvent(event)

    def _item_clicked(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET)
        if target:
            self.target_clicked.emit(target)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._item_clicked(item)
                return True
        return super().eventFilter(obj, event)

    def show_message(self, text: str, refusal: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(REFUSAL_CSS if refusal else INFO_CSS)
        self.message.setProperty("refusal", refusal)
        self.message.show()

    def clear_message(self) -> None:
        self.message.hide()
        self.message.setText("")

    def item_for(self, target: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(TARGET) == target:
                return item
        return None


class RoundSummaryDialog(QDialog):
    """End of a round: votes per target, most first, and the ranking they lead to."""

    def __init__(self, store: Store, rnd: VotingRound, journey: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Voting results"))
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Votes per target"))
        title.setFont(qt_font(16, True))
        lay.addWidget(title)
        self.totals = rnd.totals(store)
        self.table = QTableWidget(len(self.totals), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Votes"), self.tr("Type"),
                                              self.tr("Target")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        kinds = {"pain": self.tr("Pain point"), "action": self.tr("Action")}
        for r, t in enumerate(self.totals):
            who = ", ".join(f"{p} {n}" for p, n in t.by_participant)
            for c, text in enumerate((str(t.votes), kinds[t.kind], t.title)):
                item = QTableWidgetItem(text)
                if who:
                    item.setToolTip(who)
                self.table.setItem(r, c, item)
        lay.addWidget(self.table, 1)
        from journeymap.analysis.scoring import rank
        from journeymap.ui.controllers.language import current_language

        ranking = rank(store, journey, current_language())
        caption = QLabel(self.tr("Ranking now (top 5)"))
        caption.setFont(qt_font(13, True))
        lay.addWidget(caption)
        self.ranking = QListWidget()
        for item in ranking.rows[:5]:
            votes = self.tr("%n vote(s)", None, item.votes) if item.votes else ""
            text = f"{item.rank}. {item.title}" + (f"  ({votes})" if votes else "")
            self.ranking.addItem(text)
        self.ranking.setMaximumHeight(150)
        lay.addWidget(self.ranking)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.accepted.connect(self.accept)
        box.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        lay.addWidget(box)
        self.resize(620, 520)


# ==========================================================================================
# the controller
# ==========================================================================================
class VotingController(QObject):
    """Dot voting on a main window (duck-typed: ``doc``, ``store``, ``journey_id``,
    ``undo_stack``, ``scene``, ``view``, ``events`` (the change signal), ``journey_changed``)."""

    round_started = Signal()
    round_ended = Signal(list)   # list[TargetTotal]
    voted = Signal(str)          # target id
    refused = Signal(str)        # message

    def __init__(self, window: QMainWindow, workshop: QObject | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.workshop = workshop
        self.round: VotingRound | None = None
        self.panel = VotingPanel()
        self.dock = QDockWidget(self.tr("Dot voting"), window)
        self.dock.setObjectName("votingDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.dock.setTitleBarWidget(QWidget())
        self.dock.setMinimumWidth(360)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        p = self.panel
        p.target_clicked.connect(self.vote)
        p.prev_button.clicked.connect(self.previous_participant)
        p.next_button.clicked.connect(self.next_participant)
        p.take_back_button.clicked.connect(self.take_back)
        p.totals_button.clicked.connect(self.toggle_totals)
        p.end_button.clicked.connect(self.end_round)
        p.new_button.clicked.connect(self.setup_round)
        p.language_changed.connect(self.refresh)
        events = getattr(window, "events", None)
        for signal in (getattr(events, "changed", None), getattr(window, "journey_changed", None)):
            if signal is not None:
                signal.connect(lambda *_: self.refresh())
        self.setup_dialog_hook = None   # tests: called with the dialog instead of exec()
        self.summary_hook = None
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.setInterval(900)
        self._flash.timeout.connect(self._unflash)

    # -- window parts ---------------------------------------------------------------------------
    @property
    def store(self) -> Store | None:
        return getattr(self.window, "store", None)

    @property
    def journey_id(self) -> str | None:
        return getattr(self.window, "journey_id", None)

    # -- panel ----------------------------------------------------------------------------------
    def panel_visible(self) -> bool:
        return self.dock.isVisible()

    def show_panel(self) -> None:
        if self.round is None or self.round.ended:
            if not self.setup_round():
                return
        self.dock.show()
        self.refresh()

    def hide_panel(self) -> None:
        self.dock.hide()
        self._unflash()
        view = getattr(self.window, "view", None)
        if view is not None and hasattr(view, "set_card_dots"):
            view.set_card_dots({})

    def toggle_panel(self) -> None:
        if self.panel_visible():
            self.hide_panel()
        else:
            self.show_panel()

    def setup_round(self) -> bool:
        """Ask for participants and dots; True when a round was started."""
        dialog = VotingSetupDialog(self.window, self.round)
        if self.setup_dialog_hook is not None:
            accepted = bool(self.setup_dialog_hook(dialog))
        else:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted:
            return False
        try:
            rnd = dialog.make_round()
        except ValueError:
            return False
        if dialog.clear.isChecked() and self.store is not None:
            self._push(clear_votes(self.store), self.tr("Clear votes"))
        self.start_round(rnd)
        return True

    def start_round(self, rnd: VotingRound) -> None:
        self.round = rnd
        self.panel.clear_message()
        self.dock.show()
        self.refresh()
        self.round_started.emit()

    # -- voting ---------------------------------------------------------------------------------
    def _push(self, edit: Edit, text: str) -> bool:
        doc = getattr(self.window, "doc", None)
        stack = getattr(self.window, "undo_stack", None)
        if doc is None or stack is None or edit.empty:
            return False
        if doc.read_only:
            self._refuse(self.tr("This project is open read-only; votes cannot be placed."))
            return False
        try:
            commands.push_edit(stack, doc, edit, text)   # the one edit path
        except DocumentError as e:
            self._refuse(str(e))
            return False
        return True

    def _refuse(self, text: str) -> None:
        self.panel.show_message(text, refusal=True)
        self.refused.emit(text)

    def _title(self, target: str) -> str:
        store = self.store
        if store is None:
            return target
        row = store.get("pain_point", target) or store.get("action", target)
        return getattr(row, "title", target)

    def vote(self, target: str) -> bool:
        """Place one dot of the current participant on ``target``. Refusals (no dots
        left, target not open) show a message and change nothing."""
        rnd, store = self.round, self.store
        if rnd is None or store is None:
            return False
        who = rnd.participant
        try:
            edit = rnd.vote(store, target)
        except NoDotsLeft:
            self._refuse(self.tr("%1 has no dots left — all %2 are placed. Undo a dot or "
                                 "pass to the next participant.")
                         .replace("%1", who).replace("%2", str(rnd.dots)))
            return False
        except TargetNotOpen:
            self._refuse(self.tr("This round does not vote on that."))
            return False
        except (EditError, ValidationError) as e:
            self._refuse(error_text(e))
            return False
        if not self._push(edit, self.tr("Vote of %1").replace("%1", who)):
            return False
        left = rnd.remaining(store, who)
        self.panel.show_message(self.tr("%1: dot on “%2” (%3 left)").replace("%1", who)
                                .replace("%2", self._title(target)).replace("%3", str(left)),
                                refusal=False)
        self._flash_target(target)
        self.voted.emit(target)
        return True

    def take_back(self) -> bool:
        """Remove the current participant's latest dot (a new undo step)."""
        rnd, store = self.round, self.store
        if rnd is None or store is None:
            return False
        who = rnd.participant
        last = rnd.last_vote(store)
        if last is None:
            self._refuse(self.tr("%1 has no dot to take back.").replace("%1", who))
            return False
        title = self._title(last.target)
        if not self._push(rnd.take_back(store), self.tr("Take back a vote of %1")
                          .replace("%1", who)):
            return False
        self.panel.show_message(self.tr("%1: dot on “%2” taken back").replace("%1", who)
                                .replace("%2", title), refusal=False)
        return True

    def next_participant(self) -> None:
        if self.round is not None:
            self.round.next_participant()
            self.panel.clear_message()
            self.refresh()

    def previous_participant(self) -> None:
        if self.round is not None:
            self.round.previous_participant()
            self.panel.clear_message()
            self.refresh()

    def toggle_totals(self) -> None:
        if self.round is not None:
            self.round.hide_totals = not self.round.hide_totals
            self.refresh()

    def end_round(self) -> list:
        """End the round and show the summary; returns the totals."""
        rnd, store = self.round, self.store
        if rnd is None or store is None:
            return []
        rnd.end()
        totals = rnd.totals(store)
        dialog = RoundSummaryDialog(store, rnd, self.journey_id, self.window)
        self.refresh()
        self.round_ended.emit(totals)
        if self.summary_hook is not None:
            self.summary_hook(dialog)
        else:
            dialog.exec()
        return totals

    # -- canvas --------------------------------------------------------------------------------------
    def canvas_event(self, event: QEvent) -> bool:
        """Mouse events on the canvas viewport while voting: a click on a card votes;
        returns True when the event was used (so the canvas does not drag or open)."""
        if not self.panel_visible() or self.round is None or self.round.ended:
            return False
        kinds = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                 QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove)
        if event.type() not in kinds:
            return False
        tid, pain = self.hit(event.position().toPoint())  # type: ignore[attr-defined]
        if tid is None:
            return False
        if event.type() == QEvent.Type.MouseButtonPress and \
                event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            self._vote_on_card(tid, pain, event)
        return True

    def hit(self, viewport_pos) -> tuple[str | None, str | None]:  # noqa: ANN001
        """``(touchpoint id, pain point id)`` under a viewport point: the pain is set
        when the point is on one of the card's pain badges."""
        from journeymap.ui.canvas.items import BADGE_D, MAX_BADGES, CardItem
        from journeymap.ui.canvas.layout import CARD_H

        view = getattr(self.window, "view", None)
        scene = getattr(self.window, "scene", None)
        store = self.store
        if view is None or scene is None or store is None:
            return None, None
        pos = view.mapToScene(viewport_pos)
        card = next((i for i in scene.items(pos) if isinstance(i, CardItem)), None)
        if card is None:
            return None, None
        tid = card.touchpoint_id
        pains = store.pain_points(tid)
        shown = pains if len(pains) <= MAX_BADGES else pains[: MAX_BADGES - 1]
        local = card.mapFromScene(pos)
        cy = CARD_H - 8 - BADGE_D / 2
        for i, p in enumerate(shown):
            cx = 14.0 + i * (BADGE_D + 4) + BADGE_D / 2
            if (local.x() - cx) ** 2 + (local.y() - cy) ** 2 <= (BADGE_D / 2 + 3) ** 2:
                return tid, p.id
        return tid, None

    def badge_scene_pos(self, tid: str, index: int):  # -> QPointF
        """Centre of a card's ``index``-th pain badge in scene coordinates (tests)."""
        from PySide6.QtCore import QPointF

        from journeymap.ui.canvas.items import BADGE_D
        from journeymap.ui.canvas.layout import CARD_H

        scene = self.window.scene  # type: ignore[attr-defined]
        card = scene.card_item(tid)
        return card.mapToScene(QPointF(14.0 + index * (BADGE_D + 4) + BADGE_D / 2,
                                       CARD_H - 8 - BADGE_D / 2))

    def _vote_on_card(self, tid: str, pain: str | None, event: QEvent) -> None:
        rnd, store = self.round, self.store
        assert rnd is not None and store is not None
        if rnd.vote_on == VoteOn.ACTIONS:
            self._refuse(self.tr("This round votes on actions: pick one in the list."))
            return
        if pain is None:
            pains = store.pain_points(tid)
            if not pains:
                self._refuse(self.tr("This card has no pain point to vote on."))
                return
            if len(pains) == 1:
                pain = pains[0].id
            else:
                menu = QMenu(self.window)
                menu.setFont(qt_font(WORKSHOP_PT))   # workshop type, like the panel
                for p in pains:
                    act = menu.addAction(mnemonic_safe(f"● {p.severity}  {p.title}"))
                    act.setData(p.id)
                view = self.window.view  # type: ignore[attr-defined]
                chosen = menu.exec(view.viewport().mapToGlobal(
                    event.position().toPoint()))  # type: ignore[attr-defined]
                if chosen is None:
                    return
                pain = chosen.data()
        self.vote(pain)

    def _flash_target(self, target: str) -> None:
        store = self.store
        scene = getattr(self.window, "scene", None)
        if store is None or scene is None:
            return
        pain = store.get("pain_point", target)
        if pain is not None:
            scene.highlight([pain.touchpoint])  # type: ignore[attr-defined]
        else:
            scene.highlight([store.pain_point(p).touchpoint
                             for p in store.addressed_pains(target)
                             if store.get("pain_point", p) is not None])
        self._flash.start()

    def _unflash(self) -> None:
        scene = getattr(self.window, "scene", None)
        if scene is not None:
            scene.highlight([])

    # -- display -------------------------------------------------------------------------------------
    def card_dots(self) -> dict[str, int]:
        """Touchpoint id → dots the current participant has placed on its pain points
        (shown on the cards while voting; others' dots stay hidden with the totals)."""
        rnd, store = self.round, self.store
        if rnd is None or store is None or rnd.ended:
            return {}
        who = rnd.participant
        out: dict[str, int] = {}
        for v in store.votes():
            if v.participant != who:
                continue
            pain = store.get("pain_point", v.target)
            tid = getattr(pain, "touchpoint", None)
            if tid is not None:
                out[tid] = out.get(tid, 0) + 1
        return out

    def refresh(self) -> None:
        rnd, store, p = self.round, self.store, self.panel
        view = getattr(self.window, "view", None)
        if view is not None and hasattr(view, "set_card_dots"):
            view.set_card_dots(self.card_dots())
        if rnd is None or store is None:
            p.participant_label.setText(self.tr("No voting round"))
            p.dots_label.setText("")
            p.dots_text.setText("")
            p.list.clear()
            return
        self.dock.setWindowTitle(self.tr("Dot voting"))
        who = rnd.participant
        left = rnd.remaining(store)
        used = rnd.used(store)
        p.participant_label.setText(who)
        p.dots_label.setText(DOT * min(used, rnd.dots) + EMPTY_DOT * left)
        p.dots_text.setText(self.tr("%1 of %2 dots left").replace("%1", str(left))
                            .replace("%2", str(rnd.dots)))
        p.totals_button.setText(self.tr("Show totals") if rnd.hide_totals
                                else self.tr("Hide totals"))
        p.totals_button.setToolTip(self.tr("Show or hide the vote totals (H)"))
        p.progress.setText(self.tr("Dots placed: %1").replace("%1", " · ".join(
            f"{name} {n}/{rnd.dots}" for name, n in rnd.progress(store))))
        for w in (p.prev_button, p.next_button, p.take_back_button):
            w.setEnabled(not rnd.ended and len(rnd.participants) > 1
                         if w is not p.take_back_button else not rnd.ended)
        if rnd.ended:
            p.caption.setText(self.tr("Dot voting — round ended"))
        else:
            p.caption.setText(self.tr("Dot voting — %1 of %2")
                              .replace("%1", str(rnd.current + 1))
                              .replace("%2", str(len(rnd.participants))))
        self._fill_list()

    def _fill_list(self) -> None:
        rnd, store, lst = self.round, self.store, self.panel.list
        assert rnd is not None and store is not None
        current = lst.currentItem().data(TARGET) if lst.currentItem() else None
        scroll = lst.verticalScrollBar().value()
        lst.blockSignals(True)
        lst.clear()
        targets = rnd.targets(store, self.journey_id)
        mine: dict[str, int] = {}
        totals: dict[str, int] = {}
        for v in store.votes():
            totals[v.target] = totals.get(v.target, 0) + 1
            if v.participant == rnd.participant:
                mine[v.target] = mine.get(v.target, 0) + 1
        show_totals = not rnd.hide_totals
        if show_totals:
            # Most votes first, so the room sees the result build up.
            order = {t: i for i, (_, t) in enumerate(targets)}
            targets = sorted(targets, key=lambda kt: (-totals.get(kt[1], 0), kt[0] != "pain",
                                                      order[kt[1]]))
        headers = {"pain": self.tr("Pain points"), "action": self.tr("Actions")}
        last_kind = None
        for kind, tid in targets:
            if kind != last_kind and not show_totals:
                head = QListWidgetItem(headers[kind])
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                font = qt_font(13, True)
                head.setFont(font)
                lst.addItem(head)
                last_kind = kind
            row = store.get("pain_point", tid) if kind == "pain" else store.get("action", tid)
            title = getattr(row, "title", tid)
            n = totals.get(tid, 0)
            prefix = (f"{n} {DOT}  " if n else "") if show_totals else ""
            if kind == "pain":
                sev = getattr(row, "severity", 0)
                text = f"{prefix}[{sev}] {title}"
            else:
                label = self.tr("Action:")   # (outside the f-string: lupdate reads it)
                text = f"{prefix}{label} {title}" if show_totals else title
            if mine.get(tid):
                text += "   " + self.tr("(you: %1)").replace("%1", DOT * mine[tid])
            item = QListWidgetItem(text)
            item.setData(TARGET, tid)
            item.setToolTip(title)
            lst.addItem(item)
            if tid == current:
                lst.setCurrentItem(item)
        lst.blockSignals(False)
        lst.verticalScrollBar().setValue(scroll)


__all__ = ["RoundSummaryDialog", "VotingController", "VotingPanel", "VotingSetupDialog"]
