"""A window showing a team library project: other clients' edits, the connection state
and the banner (docs/library.md).

The library document's listener thread never touches Qt objects' state: it emits the
signals of a :class:`LibraryBridge`, which Qt delivers on the GUI thread (queued), where
the document takes in the others' edits and the window's one change signal follows.
While the server is unreachable, edits are refused (a banner says so) and journeymap
reconnects by itself; it then re-reads the whole project.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal

from journeymap.model.library import LibraryError

if TYPE_CHECKING:
    from journeymap.model.library.document import LibraryDocument

URL_KEY = "library/url"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Library", text)


def library_url() -> str:
    """The team library URL from the settings ("" when none is set)."""
    return str(QSettings().value(URL_KEY, "") or "")


def set_library_url(url: str) -> None:
    """Remember the library URL. Never a password: it comes from ~/.pgpass or a prompt."""
    from journeymap.model.library.tables import shown_url

    QSettings().setValue(URL_KEY, shown_url(url).replace(":***@", "@"))


def is_library_document(doc: object) -> bool:
    return getattr(doc, "library", None) is not None and hasattr(doc, "refresh")


class LibraryBridge(QObject):
    """Hands the listener thread's news to the GUI thread."""

    remote = Signal()        # other clients changed the project
    status = Signal(bool)    # online / offline

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.remote.connect(self._refresh, Qt.ConnectionType.QueuedConnection)
        self.status.connect(self._status, Qt.ConnectionType.QueuedConnection)

    def _doc(self) -> LibraryDocument | None:
        doc = getattr(self.window, "doc", None)
        return doc if is_library_document(doc) else None

    def _refresh(self) -> None:
        doc = self._doc()
        if doc is None:
            return
        try:
            doc.refresh()  # the document's listeners emit the window's change signal
        except LibraryError:
            pass  # offline: the status signal shows it; a reconnection re-reads all
        self.window._update_state()

    def _status(self, _online: bool) -> None:
        if self._doc() is not None:
            self.window._update_state()


def bridge(window: Any) -> LibraryBridge:
    b = getattr(window, "_library_bridge", None)
    if b is None:
        b = window._library_bridge = LibraryBridge(window)
    return b


def open_library_project(window: Any, url: str, project: str,
                         password: str | None = None) -> bool:
    """Open library project ``project`` in ``window`` (asking about unsaved changes
    first). A failure gives one message and leaves the current project open."""
    from journeymap.model.library.document import LibraryDocument

    b = bridge(window)
    return window._open_document(
        _tr("Opening the library project…"),
        lambda: LibraryDocument.open(url, project, password=password,
                                     on_remote=b.remote.emit, on_status=b.status.emit))


def show_library_banner(window: Any) -> None:
    """The banner of a library project: viewer rights, connection lost, deleted."""
    doc = window.doc
    text = None
    if doc.deleted:
        text = _tr("<b>Deleted:</b> this project was removed from the team library. Use "
                   "Save As to keep a copy as a file.")
    elif not doc.online:
        text = _tr("<b>Connection lost:</b> the team library cannot be reached. Changes "
                   "are refused until it is back; journeymap reconnects by itself.")
    elif doc.read_only:
        text = _tr("<b>Read-only:</b> you have viewer rights in the team library. You can "
                   "look, but not change this project.")
    window.banner.setVisible(text is not None)
    window.banner_button.setVisible(False)
    if text is not None:
        window.banner_label.setText(text)


__all__ = ["LibraryBridge", "is_library_document", "library_url", "open_library_project",
           "set_library_url", "show_library_banner"]
