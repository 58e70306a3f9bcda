"""Workshop mode's parts that are not the mode itself: the agenda and its count-down
(:class:`Countdown`, plain Python with an injectable clock), the agenda dialog, and the
overlays shown over the projected map (timer, key help, stage banner). Each overlay
retranslates itself on ``QEvent.LanguageChange``.
"""


from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.ui.fonts import qt_font

DEFAULT_STEP_MINUTES = 10
WARNING_SECONDS = 60
AGENDA_KEY = "workshop/agenda"
READABLE_SCALE = 1.3      # cards are comfortably readable on a projector from here
MAX_STAGE_SCALE = 2.2
OVERLAY_MARGIN = 16


# ==========================================================================================
# timer logic (no Qt)
# ==========================================================================================
@dataclass(frozen=True)
class AgendaStep:
    name: str
    seconds: int


class Countdown:
    """A count-down over agenda steps. ``clock`` returns seconds (monotonic).

    ``remaining`` goes below zero once time is up (the overlay shows the overtime)."""

    def __init__(self, steps: list[AgendaStep], clock: Callable[[], float] = time.monotonic,
                 ) -> None:
        self.clock = clock
        self.steps = list(steps) or [AgendaStep("", DEFAULT_STEP_MINUTES * 60)]
        self.index = 0
        self._elapsed = 0.0           # accumulated while paused
        self._started: float | None = None

    # state
    @property
    def step(self) -> AgendaStep:
        return self.steps[self.index]

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        extra = self.clock() - self._started if self._started is not None else 0.0
        return self._elapsed + extra

    def remaining(self) -> float:
        return self.step.seconds - self.elapsed()

    @property
    def warning(self) -> bool:
        """In the last minute (and not yet over)."""
        return 0 < self.remaining() <= WARNING_SECONDS

    @property
    def over(self) -> bool:
        return self.remaining() <= 0

    # control
    def start(self) -> None:
        if self._started is None:
            self._started = self.clock()

    def pause(self) -> None:
        if self._started is not None:
            self._elapsed += self.clock() - self._started
            self._started = None

    def toggle(self) -> bool:
        """Start or pause; returns whether it runs now."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def reset(self) -> None:
        """Back to the full time of the step, paused."""
        self._started = None
        self._elapsed = 0.0

    def go_to(self, index: int) -> None:
        """Another agenda step (clamped), reset and paused."""
        self.index = max(0, min(index, len(self.steps) - 1))
        self.reset()

    def next_step(self) -> None:
        self.go_to(self.index + 1)

    def previous_step(self) -> None:
        self.go_to(self.index - 1)

    def set_steps(self, steps: list[AgendaStep]) -> None:
        self.steps = list(steps) or [AgendaStep("", DEFAULT_STEP_MINUTES * 60)]
        self.go_to(min(self.index, len(self.steps) - 1))


def format_seconds(seconds: float) -> str:
    """``mm:ss`` of the time left, rounded up (so 0:00 means really over);
    ``+mm:ss`` for overtime."""
    if seconds > 0:
        s = int(seconds) + (0 if seconds == int(seconds) else 1)
        return f"{s // 60:02d}:{s % 60:02d}"
    s = int(-seconds)
    return f"+{s // 60:02d}:{s % 60:02d}" if s else "00:00"


# -- agenda in the settings ---------------------------------------------------------------
def default_agenda() -> list[AgendaStep]:
    translate = QCoreApplication.translate
    names = [translate("Workshop", "Introduction"), translate("Workshop", "Touchpoints"),
             translate("Workshop", "Pain points"), translate("Workshop", "Dot voting"),
             translate("Workshop", "Actions")]
    return [AgendaStep(n, DEFAULT_STEP_MINUTES * 60) for n in names]


def load_agenda() -> list[AgendaStep]:
    """The agenda remembered in QSettings, else :func:`default_agenda`."""
    raw = QSettings().value(AGENDA_KEY, "", str)
    try:
        data = json.loads(raw) if raw else None
        steps = [AgendaStep(str(n), max(1, min(int(s), 24 * 3600))) for n, s in data or []]
    except (ValueError, TypeError):
        steps = []
    return steps or default_agenda()


def save_agenda(steps: list[AgendaStep]) -> None:
    QSettings().setValue(AGENDA_KEY, json.dumps([[s.name, s.seconds] for s in steps],
                                                ensure_ascii=False))


# ==========================================================================================
# overlays
# ==========================================================================================
_OVERLAY_CSS = """
QFrame#%(name)s { background: rgba(30, 30, 34, 215); border-radius: 12px;
                  border: 2px solid %(border)s; }
QFrame#%(name)s QLabel { color: %(fg)s; background: transparent; }
QFrame#%(name)s QPushButton { color: #ffffff; background: rgba(255, 255, 255, 40);
    border: 1px solid rgba(255, 255, 255, 90); border-radius: 6px; padding: 4px 10px; }
QFrame#%(name)s QPushButton:hover { background: rgba(255, 255, 255, 70); }
"""
NORMAL_BORDER = "rgba(255, 255, 255, 60)"
WARNING_COLOR = "#f6d32d"
OVER_COLOR = "#ff6b5e"


def overlay_css(name: str, border: str = NORMAL_BORDER, fg: str = "#ffffff") -> str:
    return _OVERLAY_CSS % {"name": name, "border": border, "fg": fg}


class TimerOverlay(QFrame):
    """The agenda step, the time left (large) and buttons for the mouse. Yellow in the
    last minute; at zero it blinks a few times, turns red and shows the overtime."""

    finished = Signal()      # the step's time ran out (once per run)
    changed = Signal()

    def __init__(self, countdown: Countdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopTimer")
        self.countdown = countdown
        self._state = ""
        self._signalled = False
        self._blinks = 0
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 6, 16, 8)
        lay.setSpacing(14)
        self.step_label = QLabel()
        self.step_label.setFont(qt_font(14, True))
        self.time_label = QLabel()
        self.time_label.setFont(qt_font(40, True))
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label.setAccessibleName(self.tr("Time left"))
        self.state_label = QLabel()
        self.state_label.setFont(qt_font(12))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.prev_button = QPushButton("◀")
        self.start_button = QPushButton()
        self.reset_button = QPushButton()
        self.next_button = QPushButton("▶")
        self.agenda_button = QPushButton()
        for b in (self.prev_button, self.start_button, self.reset_button, self.next_button,
                  self.agenda_button):
            b.setFont(qt_font(11))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the canvas
            buttons.addWidget(b)
        self.prev_button.clicked.connect(lambda: self._do(countdown.previous_step))
        self.next_button.clicked.connect(lambda: self._do(countdown.next_step))
        self.start_button.clicked.connect(lambda: self._do(countdown.toggle))
        self.reset_button.clicked.connect(lambda: self._do(countdown.reset))
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(self.step_label)
        side.addWidget(self.state_label)
        side.addLayout(buttons)
        lay.addWidget(self.time_label)
        lay.addLayout(side)
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.refresh)
        self.blinker = QTimer(self)
        self.blinker.setInterval(350)
        self.blinker.timeout.connect(self._blink)
        self.retranslate()

    def retranslate(self) -> None:
        self.prev_button.setToolTip(self.tr("Previous agenda step ([)"))
        self.next_button.setToolTip(self.tr("Next agenda step (])"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the full time of this step (R)"))
        self.agenda_button.setText(self.tr("Agenda…"))
        self.agenda_button.setToolTip(self.tr("Agenda steps and their durations"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _do(self, fn: Callable[[], object]) -> None:
        fn()
        self.refresh()

    def refresh(self) -> None:
        """Show the current time; keeps ticking while the count-down runs."""
        cd = self.countdown
        remaining = cd.remaining()
        n = len(cd.steps)
        name = cd.step.name or self.tr("Agenda step")
        self.step_label.setText(self.tr("%1 (%2 of %3)").replace("%1", name)
                                .replace("%2", str(cd.index + 1)).replace("%3", str(n)))
        self.time_label.setText(format_seconds(remaining))
        if cd.over and (cd.running or cd.elapsed() > 0):
            state = "over"
            text = self.tr("Time's up")
        elif cd.running:
            state = "warning" if cd.warning else "running"
            text = self.tr("Running — T pauses")
        else:
            state = "warning" if cd.warning else "paused"
            text = self.tr("Paused — T starts") if cd.elapsed() > 0 else \
                self.tr("Ready — T starts")
        self.state_label.setText(text)
        self.start_button.setText(self.tr("Pause") if cd.running else self.tr("Start"))
        self.start_button.setToolTip(self.tr("Start or pause the timer (T)"))
        if state == "over":
            if not self._signalled:
                self._signalled = True
                self._blinks = 6
                self.blinker.start()
                self.finished.emit()
        else:
            self._signalled = False
        if state != self._state:
            self._state = state
            self._apply_style()
        if cd.running and not self.ticker.isActive():
            self.ticker.start()
        elif not cd.running and self.ticker.isActive():
            self.ticker.stop()
        self.adjustSize()
        self.changed.emit()

    @property
    def state(self) -> str:
        """``ready``/``paused``, ``running``, ``warning`` or ``over`` (for tests)."""
        return self._state

    def _apply_style(self, bright: bool = True) -> None:
        if self._state == "over":
            border, fg = (OVER_COLOR, OVER_COLOR) if bright else (NORMAL_BORDER, "#ffffff")
        elif self._state == "warning":
            border, fg = WARNING_COLOR, WARNING_COLOR
        else:
            border, fg = NORMAL_BORDER, "#ffffff"
        self.setStyleSheet(overlay_css(self.objectName(), border, fg))

    def _blink(self) -> None:
        self._blinks -= 1
        self._apply_style(bright=self._blinks % 2 == 0)
        if self._blinks <= 0:
            self.blinker.stop()
            self._apply_style()


class HelpOverlay(QFrame):
    """The keys of workshop mode, in a large table (F1 or ? shows and hides it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopHelp")
        self.setStyleSheet(overlay_css(self.objectName()))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(28, 20, 28, 22)
        self.grid.setHorizontalSpacing(28)
        self.grid.setVerticalSpacing(6)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.tr("PgDn / PgUp"), self.tr("Next / previous stage")),
            (self.tr("Home"), self.tr("Zoom to the current stage")),
            (self.tr("End"), self.tr("Show the whole map")),
            (self.tr("N or Insert"), self.tr("Quick add a card to this stage")),
            (self.tr("T"), self.tr("Start / pause the timer")),
            (self.tr("R"), self.tr("Reset the timer")),
            (self.tr("] / ["), self.tr("Next / previous agenda step")),
            (self.tr("V"), self.tr("Dot voting panel")),
            (self.tr("P / Shift+P"), self.tr("Next / previous participant")),
            (self.tr("U"), self.tr("Take back my last dot")),
            (self.tr("Ctrl+Z"), self.tr("Undo")),
            (self.tr("H"), self.tr("Hide / show vote totals")),
            (self.tr("O"), self.tr("Open the room: participants join from their phones")),
            (self.tr("F1 or ?"), self.tr("Show / hide these keys")),
            (self.tr("Esc or F11"), self.tr("Leave workshop mode")),
        ]

    def retranslate(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        title = QLabel(self.tr("Workshop keys"))
        title.setFont(qt_font(20, True))
        self.grid.addWidget(title, 0, 0, 1, 2)
        for i, (key, what) in enumerate(self.rows(), 1):
            k = QLabel(key)
            k.setFont(qt_font(15, True))
            w = QLabel(what)
            w.setFont(qt_font(15))
            self.grid.addWidget(k, i, 0)
            self.grid.addWidget(w, i, 1)
        self.adjustSize()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class StageBanner(QFrame):
    """Top left: which stage is shown, and a hint that F1 lists the keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopBanner")
        self.setStyleSheet(overlay_css(self.objectName()))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 8, 16, 10)
        lay.setSpacing(2)
        self.stage_label = QLabel()
        self.stage_label.setFont(qt_font(22, True))
        self.hint_label = QLabel()
        self.hint_label.setFont(qt_font(12))
        lay.addWidget(self.stage_label)
        lay.addWidget(self.hint_label)
        self._stage: tuple[int, int, str] | None = None
        self.retranslate()

    def set_stage(self, index: int, count: int, name: str) -> None:
        self._stage = (index, count, name)
        self.retranslate()

    def retranslate(self) -> None:
        if self._stage is None or self._stage[1] == 0:
            self.stage_label.setText(self.tr("Whole map"))
        else:
            i, n, name = self._stage
            self.stage_label.setText(self.tr("Stage %1 of %2: %3").replace("%1", str(i + 1))
                                     .replace("%2", str(n)).replace("%3", name))
        self.hint_label.setText(self.tr("F1: keys · Esc: leave workshop mode"))
        self.adjustSize()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AgendaDialog(QDialog):
    """Edit the agenda: steps with a name and minutes."""

    def __init__(self, steps: list[AgendaStep], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Workshop agenda"))
        lay = QVBoxLayout(self)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Minutes")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for s in steps:
            self._add_row(s.name, max(1, round(s.seconds / 60)))
        lay.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add step"))
        add.clicked.connect(lambda: self._add_row(self.tr("New step"), DEFAULT_STEP_MINUTES))
        remove = QPushButton(self.tr("Remove step"))
        remove.clicked.connect(self._remove_row)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        lay.addLayout(row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.resize(460, 360)

    def _add_row(self, name: str, minutes: int) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        spin = QSpinBox()
        spin.setRange(1, 600)
        spin.setValue(minutes)
        spin.setSuffix(self.tr(" min"))
        self.table.setCellWidget(r, 1, spin)

    def _remove_row(self) -> None:
        r = self.table.currentRow()
        if r >= 0 and self.table.rowCount() > 1:
            self.table.removeRow(r)

    def steps(self) -> list[AgendaStep]:
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            spin = self.table.cellWidget(r, 1)
            name = item.text().strip() if item is not None else ""
            minutes = spin.value() if isinstance(spin, QSpinBox) else DEFAULT_STEP_MINUTES
            out.append(AgendaStep(name, minutes * 60))
        return out




__all__ = ["AGENDA_KEY", "AgendaDialog", "AgendaStep", "Countdown", "HelpOverlay",
           "StageBanner", "TimerOverlay", "default_agenda", "format_seconds", "load_agenda",
           "save_agenda"]
