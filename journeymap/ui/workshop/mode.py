"""Workshop mode: the map on a projector, driven from the keyboard.

View ▸ Workshop Mode (Ctrl+Shift+W) turns the main window into a presentation of the
journey for a room of 5–15 people: full screen, menus, toolbars, docks and status bar
hidden, the canvas zoomed to one stage at a time so cards can be read from the back,
larger type in the chrome that stays (the quick-add bar), a count-down timer for the
agenda step, a key help overlay and dot voting (:mod:`journeymap.ui.workshop.voting`). Leaving
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

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QMainWindow,
    QToolBar,
    QWidget,
)

from journeymap.render.theme import MIN_TITLE_PX
from journeymap.ui.fonts import qt_font
from journeymap.ui.workshop.overlays import (
    MAX_STAGE_SCALE,
    OVERLAY_MARGIN,
    READABLE_SCALE,
    AgendaDialog,
    Countdown,
    HelpOverlay,
    StageBanner,
    TimerOverlay,
    load_agenda,
    save_agenda,
)

#: Card titles in workshop mode, in screen pixels: readable from the back of the room.
WORKSHOP_TITLE_PX = 18.0


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
        self.voting = None  # journeymap.ui.workshop.voting.VotingController, made on first use
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
        # Readable from the back of the room: bigger card titles and pinned headers.
        if self.scene is not None:
            self.scene.set_min_title_px(WORKSHOP_TITLE_PX)
        self.view.pin_font_px = 20
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
        if self.scene is not None:
            self.scene.set_min_title_px(MIN_TITLE_PX)
        self.view.pin_font_px = 14
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

    def _open_room(self) -> None:
        act = getattr(self.window, "act_room", None)   # journeymap.ui.room_panel
        if act is not None:
            act.trigger()

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
            (["O"], self._open_room),
            # F1 is Help ▸ Keyboard Shortcuts, which shows this table in workshop mode.
            (["?", "Shift+?"], self.toggle_help),
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
        from journeymap.ui.workshop.voting import VotingController

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
    window.add_menu_actions([act, vote], window.act_full_screen)  # type: ignore[attr-defined]
    window.act_workshop = act  # type: ignore[attr-defined]
    window.act_dot_voting = vote  # type: ignore[attr-defined]
    window.workshop = mode  # type: ignore[attr-defined]
    document_changed = getattr(window, "document_changed", None)
    if document_changed is not None:
        document_changed.connect(lambda doc: mode.leave() if doc is None else None)
    return mode


__all__ = ["WorkshopMode", "install_workshop"]
