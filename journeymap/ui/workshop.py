"""Workshop mode: the map on a projector, driven from the keyboard.

View ▸ Workshop Mode (Ctrl+Shift+W) turns the main window into a presentation of the
journey for a room of 5–15 people: full screen, menus, toolbars, docks and status bar
hidden, the canvas zoomed to one stage at a time so cards can be read from the back,
larger type in the chrome that stays (the quick-add bar), a count-down timer for the
agenda step, a key help overlay and dot voting (:mod:`journeymap.ui.voting`). Leaving
(Esc) puts back exactly what was there: window state and geometry, menus, toolbars,
docks, zoom and scroll position, fonts.

Keys (shown by F1 or ?): PgDn / PgUp next / previous stage, Home the current stage,
End the whole map, N (or Insert) quick add, T start / pause the timer, R reset it,
] / [ next / previous agenda step, V dot voting, Esc or F11 leave. Space is not used for the
timer: on the canvas it pans (Space + drag). Letter keys never reach a shortcut while
a text field has the focus (Qt gives the field the key), so typing is safe.

The timer logic is :class:`Countdown`, plain Python with an injectable clock.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
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


# ==========================================================================================
# the mode
# ==========================================================================================
@dataclass
class _Saved:
    geometry: QByteArray
    state: QByteArray
    window_state: Qt.WindowState
    menu_bar: bool
    status_bar: bool
    docks: dict[str, bool]
    toolbars: dict[str, bool]
    transform: QTransform
    scroll: tuple[int, int]
    fonts: dict[str, object]
    added_actions: list
    margins: object = None
    rect: object = None


class WorkshopMode(QObject):
    """Workshop mode of a :class:`~journeymap.ui.main_window.MainWindow` (duck-typed:
    ``view``, ``scene``, ``store``, ``journey_id``, ``quick_add``, ``journey_changed``).

    :meth:`enter` / :meth:`leave` (or :meth:`set_active`); :attr:`countdown` is the timer,
    :attr:`voting` the dot-voting controller (made on first use)."""

    entered = Signal()
    left = Signal()
    stage_changed = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.stage_index = 0
        self.countdown = Countdown(load_agenda())
        self._saved: _Saved | None = None
        self._shortcuts: list[QShortcut] = []
        self.timer_overlay: TimerOverlay | None = None
        self.help_overlay: HelpOverlay | None = None
        self.banner: StageBanner | None = None
        self.voting = None  # journeymap.ui.voting.VotingController, made on first use
        journey_changed = getattr(window, "journey_changed", None)
        if journey_changed is not None:
            journey_changed.connect(self._journey_changed)

    # -- parts of the window ---------------------------------------------------------------------
    @property
    def view(self):  # -> JourneyView
        return self.window.view  # type: ignore[attr-defined]

    @property
    def scene(self):  # -> JourneyScene | None
        return getattr(self.window, "scene", None)

    @property
    def store(self):  # -> Store | None
        return getattr(self.window, "store", None)

    @property
    def journey_id(self) -> str | None:
        return getattr(self.window, "journey_id", None)

    def stage_ids(self) -> list[str]:
        store, j = self.store, self.journey_id
        return [s.id for s in store.stages(j)] if store is not None and j else []

    @property
    def stage_id(self) -> str | None:
        ids = self.stage_ids()
        return ids[min(self.stage_index, len(ids) - 1)] if ids else None

    # -- enter and leave -------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def toggle(self) -> None:
        self.set_active(not self.active)

    def enter(self) -> None:
        """Full screen, chrome hidden, large type, overlays, keys. Needs an open project
        (else nothing happens)."""
        w = self.window
        if self.active or self.scene is None:
            self._sync_action()
            return
        docks = [d for d in w.findChildren(QDockWidget) if d.parent() is w]
        toolbars = [t for t in w.findChildren(QToolBar) if t.parent() is w]
        quick = getattr(w, "quick_add", None)
        fonts: dict[str, object] = {}
        for name in ("quick_add", "filter_bar"):
            widget = getattr(w, name, None)
            if isinstance(widget, QWidget):
                fonts[name] = (widget.font(), widget.testAttribute(
                    Qt.WidgetAttribute.WA_SetFont))
        self._saved = _Saved(
            geometry=w.saveGeometry(), state=w.saveState(), window_state=w.windowState(),
            menu_bar=not w.menuBar().isHidden(), status_bar=not w.statusBar().isHidden(),
            docks={d.objectName(): not d.isHidden() for d in docks},
            toolbars={t.objectName(): not t.isHidden() for t in toolbars},
            transform=self.view.transform(),
            scroll=(self.view.horizontalScrollBar().value(),
                    self.view.verticalScrollBar().value()),
            fonts=fonts, added_actions=[], margins=self.view.viewportMargins(),
            rect=w.geometry())
        # Hidden menus take their shortcuts with them (Qt only fires shortcuts of visible
        # widgets): give the window the menu actions so Ctrl+Z, Ctrl+S… keep working.
        # Only window-wide ones: actions bound to a widget (the canvas's Delete, Copy…)
        # keep their own scope; Full Screen (F11) is replaced by "leave" below.
        have = set(w.actions())
        have.add(getattr(w, "act_full_screen", None))
        for act in self._menu_actions():
            if act not in have and not act.shortcut().isEmpty() and \
                    act.shortcutContext() == Qt.ShortcutContext.WindowShortcut:
                w.addAction(act)
                self._saved.added_actions.append(act)
                have.add(act)
        for d in docks:
            d.hide()
        for t in toolbars:
            t.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        big = qt_font(16)
        for name in fonts:
            getattr(w, name).setFont(big)
        self.active = True
        self._make_overlays()
        self._make_shortcuts()
        w.showFullScreen()
        w.activateWindow()   # some platforms drop the activation on a state change
        if quick is not None and hasattr(quick, "cell"):
            cell = quick.cell()
            ids = self.stage_ids()
            if cell is not None and cell[1] in ids:
                self.stage_index = ids.index(cell[1])
        self.stage_index = min(self.stage_index, max(0, len(self.stage_ids()) - 1))
        self.view.viewport().installEventFilter(self)
        self.view.installEventFilter(self)
        # Zoom once the full-screen geometry has arrived.
        QTimer.singleShot(0, self.zoom_to_stage)
        self.zoom_to_stage()
        self.view.setFocus()
        self._sync_action()
        self.entered.emit()

    def leave(self) -> None:
        """Back to the window exactly as it was before :meth:`enter`."""
        saved = self._saved
        if not self.active or saved is None:
            self._sync_action()
            return
        w = self.window
        self.active = False
        if self.voting is not None:
            self.voting.hide_panel()
        self.view.viewport().removeEventFilter(self)
        self.view.removeEventFilter(self)
        for sc in self._shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self._shortcuts = []
        for overlay in (self.timer_overlay, self.help_overlay, self.banner):
            if overlay is not None:
                overlay.hide()
        for act in saved.added_actions:
            w.removeAction(act)
        for name, (font, explicit) in saved.fonts.items():  # type: ignore[misc]
            widget = getattr(w, name)
            widget.setFont(font)
            widget.setAttribute(Qt.WidgetAttribute.WA_SetFont, explicit)
        if saved.window_state & Qt.WindowState.WindowFullScreen:
            w.setWindowState(saved.window_state)
        elif saved.window_state & Qt.WindowState.WindowMaximized:
            w.showMaximized()
        else:
            w.showNormal()
        w.restoreGeometry(saved.geometry)
        if not saved.window_state & (Qt.WindowState.WindowFullScreen
                                     | Qt.WindowState.WindowMaximized):
            # restoreGeometry fits the window to the screen; put it back as it was.
            w.setGeometry(saved.rect)
        w.activateWindow()
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        w.restoreState(saved.state)
        for d in w.findChildren(QDockWidget):
            if d.parent() is w and d.objectName() in saved.docks:
                d.setVisible(saved.docks[d.objectName()])
        for t in w.findChildren(QToolBar):
            if t.parent() is w and t.objectName() in saved.toolbars:
                t.setVisible(saved.toolbars[t.objectName()])
        if saved.margins is not None:
            self.view.setViewportMargins(saved.margins)
        self.view.setTransform(saved.transform)
        self.view.horizontalScrollBar().setValue(saved.scroll[0])
        self.view.verticalScrollBar().setValue(saved.scroll[1])
        self._saved = None
        self._sync_action()
        self.left.emit()

    def _menu_actions(self) -> list:
        out = []

        def walk(actions) -> None:  # type: ignore[no-untyped-def]
            for a in actions:
                menu = a.menu()
                if menu is not None:
                    walk(menu.actions())
                elif not a.isSeparator():
                    out.append(a)

        walk(self.window.menuBar().actions())
        return out

    def _sync_action(self) -> None:
        act = getattr(self.window, "act_workshop", None)
        if act is not None and act.isChecked() != self.active:
            act.blockSignals(True)
            act.setChecked(self.active)
            act.blockSignals(False)

    # -- overlays and keys ----------------------------------------------------------------------
    def _make_overlays(self) -> None:
        if self.timer_overlay is None:
            self.timer_overlay = TimerOverlay(self.countdown, self.view)
            self.timer_overlay.agenda_button.clicked.connect(self.edit_agenda)
            self.timer_overlay.changed.connect(self._place_overlays)
            self.help_overlay = HelpOverlay(self.view)
            self.banner = StageBanner(self.view)
        assert self.timer_overlay and self.help_overlay and self.banner
        self.timer_overlay.show()
        self.timer_overlay.refresh()
        self.banner.show()
        self.help_overlay.hide()
        self._place_overlays()

    def _place_overlays(self) -> None:
        """Banner and timer in a band above the map (the view's top viewport margin, so
        they never cover a card); the key help centred over the map."""
        if self.timer_overlay is None or self.help_overlay is None or self.banner is None:
            return
        m = OVERLAY_MARGIN // 2
        t, b, h = self.timer_overlay, self.banner, self.help_overlay
        t.adjustSize()
        b.adjustSize()
        h.adjustSize()
        band = max(t.height(), b.height()) + 2 * m
        if self.active and self.view.viewportMargins().top() != band:
            self.view.setViewportMargins(0, band, 0, 0)
        width = self.view.width()
        b.move(m, m + (band - 2 * m - b.height()) // 2)
        t.move(max(b.width() + 2 * m, width - t.width() - m), m)
        vp = self.view.viewport().geometry()   # in view coordinates
        h.move(vp.center().x() - h.width() // 2,
               max(vp.top() + m, vp.center().y() - h.height() // 2))
        for o in (b, t, h):
            o.raise_()

    def _make_shortcuts(self) -> None:
        keys: list[tuple[list[str], Callable[[], object]]] = [
            (["Esc"], self._escape),
            (["F11"], self.leave),
            (["PgDown"], self.next_stage),
            (["PgUp"], self.previous_stage),
            (["Home"], self.zoom_to_stage),
            (["End"], self.zoom_to_map),
            (["N"], self.focus_quick_add),
            (["T"], self.toggle_timer),
            (["R"], self.reset_timer),
            (["]"], self.next_agenda_step),
            (["["], self.previous_agenda_step),
            (["V"], self.toggle_voting),
            (["P"], lambda: self._voting_call("next_participant")),
            (["Shift+P"], lambda: self._voting_call("previous_participant")),
            (["U"], lambda: self._voting_call("take_back")),
            (["H"], lambda: self._voting_call("toggle_totals")),
            (["F1", "?", "Shift+?"], self.toggle_help),
        ]
        for seqs, slot in keys:
            for seq in seqs:
                sc = QShortcut(QKeySequence(seq), self.window)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.activated.connect(slot)
                self._shortcuts.append(sc)

    def _escape(self) -> None:
        focus = QApplication.focusWidget()
        quick = getattr(self.window, "quick_add", None)
        if self.help_overlay is not None and self.help_overlay.isVisible():
            self.help_overlay.hide()
        elif isinstance(quick, QWidget) and focus is not None and quick.isAncestorOf(focus):
            self.view.setFocus()
        else:
            self.leave()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.view and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._place_overlays)
        elif obj is self.view.viewport() and self.voting is not None and self.active:
            if self.voting.canvas_event(event):
                return True
        return super().eventFilter(obj, event)

    # -- stages and zoom --------------------------------------------------------------------------
    def column_rect(self, stage_id: str) -> QRectF:
        """The stage's header and all its cells."""
        scene = self.scene
        store = self.store
        if scene is None or store is None or self.journey_id is None:
            return QRectF()
        rect = scene.stage_rect(stage_id)
        for lane in store.lanes(self.journey_id):
            cell = scene.cell_rect(lane.role, stage_id)
            if not cell.isEmpty():
                rect = rect.united(cell)
        return rect

    def zoom_to_stage(self) -> None:
        """Fit the current stage's column, at least at a readable zoom: a tall column
        shows its top (headers and first lanes) rather than shrinking."""
        if not self.active:
            return  # a deferred call after leaving: the saved zoom stays
        sid = self.stage_id
        if sid is None:
            self.zoom_to_map()
            return
        rect = self.column_rect(sid)
        if rect.isEmpty():
            return
        view = self.view
        vp = view.viewport().rect()
        if vp.width() < 2 or vp.height() < 2:
            return
        pad_x, pad_y = 80.0, 40.0
        scale = min(vp.width() / (rect.width() + 2 * pad_x),
                    vp.height() / (rect.height() + 2 * pad_y))
        scale = max(READABLE_SCALE, min(MAX_STAGE_SCALE, scale))
        view.scale_factor = scale
        visible_h = vp.height() / scale
        if rect.height() + 2 * pad_y <= visible_h:
            center = rect.center()
        else:
            center = QPointF(rect.center().x(), rect.top() - pad_y + visible_h / 2)
        view.centerOn(center)
        store = self.store
        if self.banner is not None and store is not None:
            ids = self.stage_ids()
            self.banner.set_stage(self.stage_index, len(ids), store.stage(sid).name)
            self._place_overlays()
        quick = getattr(self.window, "quick_add", None)
        if quick is not None and hasattr(quick, "cell"):
            cell = quick.cell()
            if cell is not None and cell[1] != sid:
                quick.set_cell(cell[0], sid)
        self.stage_changed.emit(sid)

    def zoom_to_map(self) -> None:
        if not self.active:
            return
        self.view.zoom_to_fit()
        if self.banner is not None:
            self.banner.set_stage(0, 0, "")
            self._place_overlays()

    def go_to_stage(self, index: int) -> None:
        ids = self.stage_ids()
        if not ids:
            return
        self.stage_index = max(0, min(index, len(ids) - 1))
        self.zoom_to_stage()

    def next_stage(self) -> None:
        self.go_to_stage(self.stage_index + 1)

    def previous_stage(self) -> None:
        self.go_to_stage(self.stage_index - 1)

    def _journey_changed(self, _journey: str) -> None:
        if self.active:
            self.stage_index = 0
            QTimer.singleShot(0, self.zoom_to_stage)

    def focus_quick_add(self) -> None:
        quick = getattr(self.window, "quick_add", None)
        if quick is None:
            return
        sid = self.stage_id
        if hasattr(quick, "cell") and sid is not None:
            cell = quick.cell()
            if cell is not None:
                quick.set_cell(cell[0], sid)
        if hasattr(quick, "focus"):
            quick.focus()
        else:
            quick.setFocus()

    # -- timer -------------------------------------------------------------------------------------
    def toggle_timer(self) -> None:
        self.countdown.toggle()
        self._refresh_timer()

    def reset_timer(self) -> None:
        self.countdown.reset()
        self._refresh_timer()

    def next_agenda_step(self) -> None:
        self.countdown.next_step()
        self._refresh_timer()

    def previous_agenda_step(self) -> None:
        self.countdown.previous_step()
        self._refresh_timer()

    def _refresh_timer(self) -> None:
        if self.timer_overlay is not None:
            self.timer_overlay.refresh()

    def edit_agenda(self) -> None:
        dialog = AgendaDialog(self.countdown.steps, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            steps = dialog.steps()
            save_agenda(steps)
            self.countdown.set_steps(steps)
            self._refresh_timer()
        self.view.setFocus()

    # -- help and voting -----------------------------------------------------------------------------
    def toggle_help(self) -> None:
        if self.help_overlay is None:
            return
        self.help_overlay.setVisible(not self.help_overlay.isVisible())
        self._place_overlays()

    def toggle_voting(self) -> None:
        from journeymap.ui.voting import VotingController

        if self.voting is None:
            self.voting = VotingController(self.window, self)
        self.voting.toggle_panel()

    def _voting_call(self, name: str) -> None:
        if self.voting is not None and self.voting.panel_visible():
            getattr(self.voting, name)()




# ==========================================================================================
# the window's menu entries
# ==========================================================================================
def install_workshop(window: QMainWindow) -> WorkshopMode:
    """Give a main window its workshop mode: View ▸ Workshop Mode (Ctrl+Shift+W) and
    View ▸ Dot Voting…, after Full Screen. F11 stays Full Screen (the platform's
    standard key): one key for two actions would make both dead."""
    from PySide6.QtGui import QAction

    translate = QCoreApplication.translate
    mode = WorkshopMode(window)
    act = QAction(translate("Workshop", "&Workshop Mode"), window)
    act.setObjectName("actWorkshop")
    act.setCheckable(True)
    act.setShortcut(QKeySequence("Ctrl+Shift+W"))
    act.setStatusTip(translate("Workshop", "Full screen, large type, timer and dot voting for a "
                                    "workshop on a projector"))
    act.toggled.connect(mode.set_active)
    vote = QAction(translate("Workshop", "&Dot Voting…"), window)
    vote.setObjectName("actDotVoting")
    vote.setStatusTip(translate("Workshop", "Participants place dots on pain points and actions"))

    def start_voting() -> None:
        mode.enter()
        if mode.active and (mode.voting is None or not mode.voting.panel_visible()):
            mode.toggle_voting()

    vote.triggered.connect(lambda _=False: start_voting())
    anchor = getattr(window, "act_full_screen", None)
    menu = None
    for a in window.menuBar().actions():
        m = a.menu()
        if m is not None and anchor in m.actions():
            menu = m
            break
    if menu is not None:
        actions = menu.actions()
        i = actions.index(anchor)
        before = actions[i + 1] if i + 1 < len(actions) else None
        menu.insertAction(before, act)
        menu.insertAction(before, vote)
    else:
        window.menuBar().addAction(act)
    for name in ("doc_actions",):
        group = getattr(window, name, None)
        if isinstance(group, list):
            group += [act, vote]
            has_doc = getattr(window, "doc", None) is not None
            act.setEnabled(has_doc)
            vote.setEnabled(has_doc)
    window.act_workshop = act  # type: ignore[attr-defined]
    window.act_dot_voting = vote  # type: ignore[attr-defined]
    window.workshop = mode  # type: ignore[attr-defined]
    document_changed = getattr(window, "document_changed", None)
    if document_changed is not None:
        document_changed.connect(lambda doc: mode.leave() if doc is None else None)
    return mode

__all__ = ["AgendaDialog", "AgendaStep", "Countdown", "HelpOverlay", "StageBanner",
           "TimerOverlay", "WorkshopMode", "default_agenda", "format_seconds",
           "install_workshop", "load_agenda", "save_agenda"]
