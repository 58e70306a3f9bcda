"""The thread boundary between the room server and the app.

The server runs in its own thread (:mod:`journeymap.room.server`) and calls
:meth:`RoomBridge._deliver` there for every participant action. The bridge lives in the
GUI thread; a signal emitted from another thread reaches slots of GUI-thread objects
through Qt's event queue (an automatic connection becomes a queued one), so whatever is
connected to :attr:`RoomBridge.event` runs on the GUI thread and may touch the model.
The other way, the app pushes plain-dict views with :meth:`push_view`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from journeymap.room.state import Limits, RoomEvent, RoomState


class RoomBridge(QObject):
    """Owns the room's :class:`RoomState` and, while open, its server.

    ``event(RoomEvent)`` is emitted on the GUI thread for each join, suggestion, vote
    and unvote; ``opened(url)`` and ``closed()`` follow :meth:`open` / :meth:`close`."""

    event = Signal(object)
    opened = Signal(str)
    closed = Signal()

    def __init__(self, parent: QObject | None = None, limits: Limits | None = None) -> None:
        super().__init__(parent)
        self.state = RoomState(self._deliver, limits=limits)
        self.server: Any = None   # journeymap.room.server.RoomServer while open

    def _deliver(self, event: RoomEvent) -> None:
        # Called on the server thread: emitting queues the event to the GUI thread.
        self.event.emit(event)

    @property
    def is_open(self) -> bool:
        return self.server is not None

    def open(self, host: str, port: int, url_host: str | None = None) -> str:
        """Start serving on ``host:port`` (0: any free port); returns the participants'
        URL (with ``url_host`` in it, e.g. the machine's LAN address). Raises OSError when
        the port cannot be bound and ImportError when the room extra is missing."""
        from journeymap.room.server import RoomServer

        self.close()
        server = RoomServer(self.state, host, port)
        server.start()
        self.server = server
        url = server.url(url_host)
        self.opened.emit(url)
        return url

    def close(self) -> None:
        """Stop the server; its token stops working at once."""
        server, self.server = self.server, None
        if server is not None:
            server.stop()
            self.closed.emit()

    def reset(self) -> None:
        """Forget participants, suggestions and the round (a new document); closes first."""
        self.close()
        self.state = RoomState(self._deliver, limits=self.state.limits)

    def push_view(self, view: dict[str, Any]) -> None:
        self.state.set_view(view)


__all__ = ["RoomBridge"]
