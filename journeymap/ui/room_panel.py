"""The facilitator's side of the room: open / close it, the QR code, who joined, pending
suggestions, voting rounds.

:class:`RoomController` is the logic (GUI thread only): it builds the participants'
view from the model and pushes it to the server, applies room events (queued to the GUI
thread by :class:`~journeymap.ui.room_bridge.RoomBridge`), turns accepted suggestions and
ended rounds into undoable edits through the window's ``push_edit``, and writes the
room's unsaved state next to the working copy (:mod:`journeymap.room.journal`) on every
change. :class:`RoomPanel` is its dock. :func:`install_room` gives a main window both.

Settings (QSettings): ``room/interface`` (address to listen on; empty: every
interface), ``room/port`` (0: any free port) and ``room/loopback_only``.
"""

from __future__ import annotations

import contextlib
import socket
import time
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymap.analysis.scoring import rank
from journeymap.model.edits import EditError
from journeymap.model.validation import ValidationError
from journeymap.room import INSTALL_HINT, missing_dependencies
from journeymap.room.journal import has_content, read_journal, remove_journal, write_journal
from journeymap.room.state import MAX_DOTS, RoomEvent, Suggestion
from journeymap.room.view import build_view, round_edit, suggestion_edit
from journeymap.ui.room_bridge import RoomBridge

KEY_INTERFACE = "room/interface"
KEY_PORT = "room/port"
KEY_LOOPBACK = "room/loopback_only"
DEFAULT_PORT = 8765


def _tr(text: str) -> str:
    return QCoreApplication.translate("Room", text)


def lan_address() -> str:
    """This machine's address on the local network (the one a phone in the room can
    reach), found without sending anything: a UDP socket's route choice; 127.0.0.1
    when there is no network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return str(s.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def qr_svg(url: str) -> bytes:
    """The QR code of ``url`` as SVG (segno; black on white, a quiet zone of 2)."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="svg", scale=6, border=2, dark="#000000",
                                    light="#ffffff", xmldecl=False)
    return buf.getvalue()


class RoomController(QObject):
    """The room of one main window (duck-typed: ``doc``, ``store``, ``journey_id``,
    ``push_edit``, optional ``workshop.stage_id``)."""

    changed = Signal()          # anything the panel shows
    message = Signal(str)       # a short note for the facilitator (refusals, results)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = RoomBridge(self)
        self.bridge.event.connect(self._on_event)
        self.url = ""
        self.prompt = ""
        self.ranking_top: list[str] = []
        self.recovered: dict[str, Any] | None = None
        self.last_event_at = 0.0     # monotonic time an event reached the GUI thread
        self._flush_scheduled = False

    @property
    def state(self):  # -> RoomState
        return self.bridge.state

    # -- open and close ------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.bridge.is_open

    def open_room(self) -> bool:
        """Start the server as the settings say; False (with a message) when it cannot."""
        if getattr(self.window, "doc", None) is None:
            return False
        missing = missing_dependencies()
        if missing:
            self.message.emit(_tr("The room needs %1. Install it with: %2")
                              .replace("%1", ", ".join(missing)).replace("%2", INSTALL_HINT))
            return False
        s = QSettings()
        loopback = s.value(KEY_LOOPBACK, False, type=bool)
        interface = str(s.value(KEY_INTERFACE, "", type=str) or "").strip()
        port = int(s.value(KEY_PORT, DEFAULT_PORT, type=int))
        host = "127.0.0.1" if loopback else (interface or "0.0.0.0")
        url_host = "127.0.0.1" if loopback else (interface or lan_address())
        self.push_view()
        error: OSError | None = None
        # The usual port may be taken (another app, another room): any free one will do.
        for p in dict.fromkeys((port, 0)):
            try:
                self.url = self.bridge.open(host, p, url_host)
                error = None
                break
            except OSError as e:
                error = e
        if error is not None:
            self.message.emit(_tr("The room cannot open on %1: %2")
                              .replace("%1", f"{host}:{port}").replace("%2", str(error)))
            return False
        self.changed.emit()
        return True

    def close_room(self) -> None:
        """Stop the server (the token dies). Pending suggestions and an open round stay
        (and stay in the side file) until decided."""
        if self.bridge.is_open:
            self.bridge.close()
            self.url = ""
            self.changed.emit()

    def toggle_room(self) -> None:
        if self.is_open:
            self.close_room()
        else:
            self.open_room()

    # -- the document --------------------------------------------------------------------------
    def document_changed(self, doc: object) -> None:
        """A new document (or none): close the room, forget its state; a working copy
        taken over after a crash may bring a side file, offered back by :meth:`restore`."""
        self.close_room()
        self.bridge.reset()
        self.recovered = None
        self.ranking_top = []
        folder = getattr(doc, "folder", None)
        if folder is not None:
            data = read_journal(folder)
            if has_content(data):
                self.recovered = data
        self.changed.emit()

    def restore(self) -> bool:
        """Take back the recovered pending suggestions and open round."""
        data, self.recovered = self.recovered, None
        if data is None:
            return False
        try:
            self.state.restore(data)
        except ValueError as e:
            self.message.emit(str(e))
            return False
        self._journal()
        self.changed.emit()
        return True

    def discard_recovered(self) -> None:
        self.recovered = None
        doc = getattr(self.window, "doc", None)
        if doc is not None:
            remove_journal(doc.folder)
        self.changed.emit()

    def _journal(self) -> None:
        doc = getattr(self.window, "doc", None)
        if doc is None:
            return
        data = self.state.dump()
        try:
            write_journal(doc.folder, data)
        except OSError as e:
            self.message.emit(_tr("The room's state cannot be kept: %1").replace("%1", str(e)))
            return
        if has_content(data) and not doc.dirty:
            # Pending room items are unsaved work: keep the working copy recoverable.
            with contextlib.suppress(AttributeError):
                doc._set_dirty(True)  # noqa: SLF001

    # -- what participants see -------------------------------------------------------------------
    def stage_id(self) -> str | None:
        workshop = getattr(self.window, "workshop", None)
        return getattr(workshop, "stage_id", None) if workshop is not None else None

    def push_view(self) -> None:
        store = getattr(self.window, "store", None)
        if store is None:
            return
        self.bridge.push_view(build_view(store, getattr(self.window, "journey_id", None),
                                         self.stage_id(), self.prompt))

    def set_prompt(self, text: str) -> None:
        self.prompt = " ".join(text.split())[:500]
        self.push_view()
        self.changed.emit()

    # -- events from participants (GUI thread) ----------------------------------------------------
    def _on_event(self, event: RoomEvent) -> None:
        # Events come in bursts (fifty phones voting): write the side file and refresh
        # the panel once for all the events already queued, not once per event.
        self.last_event_at = time.monotonic()
        if not self._flush_scheduled:
            self._flush_scheduled = True
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        self._journal()
        self.changed.emit()

    # -- suggestions ---------------------------------------------------------------------------
    def pending(self) -> list[Suggestion]:
        return self.state.pending()

    def accept(self, sid: str) -> bool:
        """Make a pending suggestion an undoable edit; False (and it stays pending) when
        the edit is refused."""
        s = next((x for x in self.pending() if x.id == sid), None)
        store = getattr(self.window, "store", None)
        if s is None or store is None:
            return False
        try:
            edit = suggestion_edit(store, s)
        except (EditError, ValidationError) as e:
            self.message.emit(str(e))
            return False
        if not self.window.push_edit(edit):  # type: ignore[attr-defined]
            return False
        self.state.take_suggestion(sid)
        self._journal()
        self.push_view()
        self.changed.emit()
        return True

    def dismiss(self, sid: str) -> None:
        self.state.take_suggestion(sid)
        self._journal()
        self.changed.emit()

    # -- voting rounds ---------------------------------------------------------------------------
    def start_round(self, dots: int, show_totals: bool = False) -> None:
        self.push_view()
        self.state.start_round(dots, show_totals)
        self.ranking_top = []
        self._journal()
        self.changed.emit()

    def set_show_totals(self, show: bool) -> None:
        self.state.set_show_totals(show)
        self._journal()
        self.changed.emit()

    def end_round(self) -> int:
        """Close the round; its dots become Vote rows in one undo step and the new top of
        the ranking is shown. Returns the number of votes recorded."""
        store = getattr(self.window, "store", None)
        dots = self.state.end_round()
        recorded = 0
        if store is not None and dots:
            edit, skipped = round_edit(store, dots)
            if self.window.push_edit(edit):  # type: ignore[attr-defined]
                recorded = len(edit.changes)
            if skipped:
                self.message.emit(_tr("%1 dots were on items deleted during the round and "
                                      "were not recorded.").replace("%1", str(skipped)))
        if store is not None:
            r = rank(store, getattr(self.window, "journey_id", None), store.project.language)
            self.ranking_top = [row.title for row in r.rows[:3]]
        self._journal()
        self.changed.emit()
        return recorded


class RoomPanel(QDockWidget):
    """The room's dock: open / close, QR code and URL, participants, suggestions, round."""

    def __init__(self, controller: RoomController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomDock")
        self.controller = controller
        body = QWidget()
        lay = QVBoxLayout(body)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(controller.toggle_room)
        self.loopback = QCheckBox()
        self.loopback.setChecked(QSettings().value(KEY_LOOPBACK, False, type=bool))
        self.loopback.toggled.connect(lambda on: QSettings().setValue(KEY_LOOPBACK, on))
        from PySide6.QtSvgWidgets import QSvgWidget

        self.qr = QSvgWidget()
        self.qr.setFixedSize(240, 240)
        self.url = QLabel()
        self.url.setTextFormat(Qt.TextFormat.PlainText)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setWordWrap(True)
        # recovery
        self.recovered = QWidget()
        rl = QHBoxLayout(self.recovered)
        rl.setContentsMargins(0, 0, 0, 0)
        self.recovered_label = QLabel()
        self.recovered_label.setWordWrap(True)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(controller.restore)
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(controller.discard_recovered)
        rl.addWidget(self.recovered_label, 1)
        rl.addWidget(self.restore_button)
        rl.addWidget(self.discard_button)
        # prompt
        self.prompt_label = QLabel()
        self.prompt = QLineEdit()
        self.prompt.setMaxLength(500)
        self.prompt.returnPressed.connect(lambda: controller.set_prompt(self.prompt.text()))
        # participants and suggestions: list items show text as plain text
        self.people_label = QLabel()
        self.people = QListWidget()
        self.people.setMaximumHeight(110)
        self.suggest_label = QLabel()
        self.suggestions = QListWidget()
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self._accept)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self._dismiss)
        sl = QHBoxLayout()
        sl.addWidget(self.accept_button)
        sl.addWidget(self.dismiss_button)
        # round
        self.round_label = QLabel()
        self.dots = QSpinBox()
        self.dots.setRange(1, MAX_DOTS)
        self.dots.setValue(5)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(
            lambda: controller.start_round(self.dots.value(), self.totals.isChecked()))
        self.totals = QCheckBox()
        self.totals.toggled.connect(lambda on: controller.state.round_open
                                    and controller.set_show_totals(on))
        self.end_button = QPushButton()
        self.end_button.clicked.connect(controller.end_round)
        self.progress = QLabel()
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.progress.setWordWrap(True)
        self.top = QLabel()
        self.top.setTextFormat(Qt.TextFormat.PlainText)
        self.top.setWordWrap(True)
        rr = QHBoxLayout()
        rr.addWidget(self.dots)
        rr.addWidget(self.start_button)
        rr.addWidget(self.end_button)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        for w in (self.status, self.open_button, self.loopback, self.qr, self.url,
                  self.recovered, self.prompt_label, self.prompt, self.people_label,
                  self.people, self.suggest_label, self.suggestions):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter if w is self.qr else
                          Qt.AlignmentFlag(0))
        lay.addLayout(sl)
        lay.addWidget(self.round_label)
        lay.addLayout(rr)
        lay.addWidget(self.totals)
        lay.addWidget(self.progress)
        lay.addWidget(self.top)
        lay.addWidget(self.note)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        controller.changed.connect(self.refresh)
        controller.message.connect(self.note.setText)
        self.retranslate()
        self.refresh()
        # The panel retranslates itself (changeEvent); the main window's generic pass
        # over build-time texts leaves its widgets alone.
        from journeymap.ui.controllers.language import KEEP_TEXT

        for w in (self, *self.findChildren(QWidget)):
            w.setProperty(KEEP_TEXT, True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(_tr("Room"))
        self.loopback.setText(_tr("This computer only (loopback)"))
        self.restore_button.setText(_tr("Restore"))
        self.discard_button.setText(_tr("Discard"))
        self.prompt_label.setText(_tr("Ask the room (Enter shows it on the phones):"))
        self.accept_button.setText(_tr("Accept"))
        self.dismiss_button.setText(_tr("Dismiss"))
        self.round_label.setText(_tr("Voting round, dots per participant:"))
        self.start_button.setText(_tr("Start round"))
        self.end_button.setText(_tr("End round"))
        self.totals.setText(_tr("Show totals on the phones"))

    def refresh(self) -> None:
        c = self.controller
        st = c.state
        self.open_button.setText(_tr("Close the room") if c.is_open else _tr("Open the room"))
        self.loopback.setEnabled(not c.is_open)
        if c.is_open:
            self.status.setText(_tr("The room is open: scan the code or type the address."))
            if self.url.text() != c.url:
                self.qr.load(QByteArray(qr_svg(c.url)))
                # whole pixels per module: a scaled code gets seams that phones misread
                self.qr.setFixedSize(self.qr.renderer().defaultSize())
                self.url.setText(c.url)
        else:
            self.status.setText(_tr("The room is closed."))
            self.url.setText("")
        self.qr.setVisible(c.is_open)
        self.recovered.setVisible(c.recovered is not None)
        if c.recovered is not None:
            n = len(c.recovered.get("pending") or [])
            rd = c.recovered.get("round") or {}
            dots = sum(len(v) for v in (rd.get("placed") or {}).values())
            self.recovered_label.setText(
                _tr("From the last session: %1 pending suggestions, %2 dots of an open "
                    "round.").replace("%1", str(n)).replace("%2", str(dots)))
        people = st.participants()
        self.people_label.setText(_tr("Joined: %1").replace("%1", str(len(people))))
        if [self.people.item(i).text() for i in range(self.people.count())] != people:
            self.people.clear()
            self.people.addItems(people)
        pending = st.pending()
        self.suggest_label.setText(_tr("Suggestions: %1").replace("%1", str(len(pending))))
        current = self.suggestions.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.suggestions.clear()
        store = getattr(c.window, "store", None)
        for s in pending:
            card = store.get("touchpoint", s.card) if store is not None else None
            where = getattr(card, "title", s.card)
            if s.kind == "pain":
                text = f"{s.participant} → {where}: {s.title} ({s.severity})"
            else:
                text = f"{s.participant} → {where}: {_tr('Comment')}: {s.title}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.suggestions.addItem(item)
            if s.id == keep:
                self.suggestions.setCurrentItem(item)
        if self.suggestions.currentItem() is None and self.suggestions.count():
            self.suggestions.setCurrentRow(0)
        has = self.suggestions.count() > 0
        self.accept_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)
        open_round = st.round_open
        self.start_button.setEnabled(not open_round)
        self.end_button.setEnabled(open_round)
        self.dots.setEnabled(not open_round)
        if open_round:
            placed = st.round_dots()
            voters = len({p for p, _ in placed})
            self.progress.setText(_tr("%1 dots placed by %2 of %3 participants.")
                                  .replace("%1", str(len(placed))).replace("%2", str(voters))
                                  .replace("%3", str(len(people))))
        else:
            self.progress.setText("")
        self.top.setText(_tr("Top of the ranking now: %1").replace("%1", " · ".join(
            c.ranking_top)) if c.ranking_top else "")

    def _selected(self) -> str | None:
        item = self.suggestions.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _accept(self) -> None:
        sid = self._selected()
        if sid is not None:
            self.controller.accept(sid)

    def _dismiss(self) -> None:
        sid = self._selected()
        if sid is not None:
            self.controller.dismiss(sid)


def install_room(window: QMainWindow) -> RoomController:
    """Give ``window`` its room: a controller (``window.room``), its dock (hidden until
    used, ``window.room_panel``) and View ▸ Room… (``window.act_room``, Ctrl+Shift+M),
    which shows the dock and opens the room. The room follows the window: closed when the
    document changes or closes, when workshop mode is left, and when the app quits; the
    view pushed to phones follows edits, the journey and the workshop's stage."""
    controller = RoomController(window)
    panel = RoomPanel(controller, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.hide()
    act = QAction(_tr("&Room…"), window)
    act.setObjectName("actRoom")
    act.setShortcut(QKeySequence("Ctrl+Shift+M"))
    act.setStatusTip(_tr("Participants join from their phones: suggestions and dot voting"))

    def show_room() -> None:
        panel.show()
        panel.raise_()
        if not controller.is_open:
            controller.open_room()

    act.triggered.connect(lambda _=False: show_room())
    menu = None
    anchor = getattr(window, "act_dot_voting", None) or getattr(window, "act_full_screen", None)
    for a in window.menuBar().actions():
        m = a.menu()
        if m is not None and anchor in m.actions():
            menu = m
            break
    if menu is not None:
        actions = menu.actions()
        i = actions.index(anchor)
        menu.insertAction(actions[i + 1] if i + 1 < len(actions) else None, act)
    window.addAction(act)
    group = getattr(window, "doc_actions", None)
    if isinstance(group, list):
        group.append(act)
        act.setEnabled(getattr(window, "doc", None) is not None)
    for name in ("model_changed", "journey_changed"):
        sig = getattr(window, name, None)
        if sig is not None:
            sig.connect(lambda *_: controller.push_view())
    document_changed = getattr(window, "document_changed", None)
    if document_changed is not None:
        document_changed.connect(controller.document_changed)
    workshop = getattr(window, "workshop", None)
    if workshop is not None:
        workshop.stage_changed.connect(lambda _sid: controller.push_view())
        workshop.left.connect(controller.close_room)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.close_room)
    window.room = controller  # type: ignore[attr-defined]
    window.room_panel = panel  # type: ignore[attr-defined]
    window.act_room = act  # type: ignore[attr-defined]
    return controller


__all__ = ["DEFAULT_PORT", "KEY_INTERFACE", "KEY_LOOPBACK", "KEY_PORT", "RoomController",
           "RoomPanel", "install_room", "lan_address", "qr_svg"]
