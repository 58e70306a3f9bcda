"""File ▸ Team Library…: the projects of the team library (docs/library.md).

A searchable list (title, client, language, last change, by whom) with Open, New,
Publish the current project, Save as .jmap and Delete (after a confirmation). The
library URL is remembered in the settings; the password comes from the standard
PostgreSQL password file (~/.pgpass) or is asked for and kept in memory only. Without
the library extra, the dialog says what is missing and offers nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.model.document import DocumentError
from journeymap.model.library import LibraryError, missing_support
from journeymap.ui.controllers.library import (
    library_url,
    open_library_project,
    set_library_url,
)

COLUMNS = ("title", "client", "language", "updated_at", "updated_by")


class LibraryDialog(QDialog):
    """The team library's projects, for one main window."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("libraryDialog")
        self.setWindowTitle(self.tr("Team Library"))
        self.window_ = window
        self.library: Any = None
        self.entries: list[Any] = []
        lay = QVBoxLayout(self)
        self.missing = missing_support()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.note)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Library URL:")))
        self.url = QLineEdit(library_url())
        self.url.setPlaceholderText("postgresql://user@server/journeymap")
        self.url.setAccessibleName(self.tr("Library URL"))
        self.url.returnPressed.connect(self.connect_library)
        row.addWidget(self.url, 1)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.clicked.connect(self.connect_library)
        row.addWidget(self.connect_button)
        lay.addLayout(row)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title or client"))
        self.search.setAccessibleName(self.tr("Search projects"))
        self.search.textChanged.connect(self._filter)
        lay.addWidget(self.search)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Client"),
                                              self.tr("Language"), self.tr("Last change"),
                                              self.tr("By")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        lay.addWidget(self.table, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("libraryStatus")
        lay.addWidget(self.status)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(self.tr("&New…"))
        self.new_button.clicked.connect(self.create_project)
        self.publish_button = QPushButton(self.tr("&Publish Current Project"))
        self.publish_button.clicked.connect(self.publish_current)
        self.fetch_button = QPushButton(self.tr("Save as .jmap…"))
        self.fetch_button.clicked.connect(self.save_selected)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for b in (self.open_button, self.new_button, self.publish_button, self.fetch_button,
                  self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.resize(760, 460)
        if self.missing:
            self.note.setText(self.tr("The team library is not available in this "
                                      "installation: %1.").replace("%1", self.missing))
            for w in (self.url, self.connect_button, self.search, self.table):
                w.setEnabled(False)
        else:
            self.note.setText(self.tr(
                "Projects kept on the team's PostgreSQL server. The password comes from "
                "your PostgreSQL password file (~/.pgpass) or is asked for; journeymap "
                "never stores it."))
        self._update_buttons()

    # -- what tests replace ----------------------------------------------------------------
    def ask_password(self, user_message: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Team Library"), user_message,
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Team Library"), question)
        return answer == QMessageBox.StandardButton.Yes

    def ask_title(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("New library project"),
                                        self.tr("Title:"))
        return text.strip() if ok and text.strip() else None

    def ask_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save library project as"),
                                              suggested,
                                              self.tr("journeymap projects (*.jmap)"))
        return path or None

    # -- connecting and listing -------------------------------------------------------------
    def _message(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c01c28;" if error else "")
        self.status.setText(text)

    def connect_library(self, prompt: bool = True) -> bool:
        """Connect to the URL typed (asking for a password when the server wants one the
        password file does not have, unless ``prompt`` is False) and list its projects."""
        from journeymap.model.library.projects import Library

        url = self.url.text().strip()
        if self.library is not None:
            self.library.close()
            self.library = None
        password = getattr(self.window_, "library_password", None)
        for _attempt in range(2):
            try:
                self.library = Library(url, password=password)
                break
            except LibraryError as e:
                if prompt and ("no password supplied" in str(e) or (
                        "password authentication failed" in str(e) and _attempt == 0)):
                    password = self.ask_password(self.tr("Password for %1:").replace(
                        "%1", url.split("://", 1)[-1].split("/", 1)[0]))
                    if password is not None:
                        continue
                self._message(str(e), error=True)
                self._fill([])
                return False
        if self.library is None:
            return False
        self.window_.library_password = password  # memory only, for this session
        set_library_url(url)
        return self.reload()

    def reload(self) -> bool:
        if self.library is None:
            return False
        try:
            entries = self.library.projects()
        except LibraryError as e:
            self._message(str(e), error=True)
            return False
        self._fill(entries)
        self._message(self.tr("%1 projects in the library").replace("%1", str(len(entries))))
        return True

    def _fill(self, entries: list[Any]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            values = (e.title, e.client, e.language,
                      e.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"), e.updated_by)
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(r, c, item)
        self._filter()

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        for r, e in enumerate(self.entries):
            text = f"{e.title} {e.client}".casefold()
            self.table.setRowHidden(r, not all(w in text for w in words))
        self._update_buttons()

    def visible_titles(self) -> list[str]:
        return [e.title for r, e in enumerate(self.entries) if not self.table.isRowHidden(r)]

    def select(self, title: str) -> None:
        for r, e in enumerate(self.entries):
            if e.title == title:
                self.table.selectRow(r)
                return
        raise KeyError(title)

    def selected(self) -> Any | None:
        rows = {i.row() for i in self.table.selectedItems()}
        rows = {r for r in rows if not self.table.isRowHidden(r)}
        return self.entries[min(rows)] if rows else None

    def _update_buttons(self) -> None:
        connected = self.library is not None
        chosen = self.selected() is not None
        self.open_button.setEnabled(connected and chosen)
        self.fetch_button.setEnabled(connected and chosen)
        self.delete_button.setEnabled(connected and chosen)
        self.new_button.setEnabled(connected)
        self.publish_button.setEnabled(connected and getattr(self.window_, "doc", None)
                                       is not None)

    # -- actions -------------------------------------------------------------------------------
    def open_selected(self) -> bool:
        entry = self.selected()
        if entry is None or self.library is None:
            return False
        ok = open_library_project(self.window_, self.library.url, entry.id,
                                  self.library.password)
        if ok:
            self.accept()
        return ok

    def create_project(self) -> bool:
        from journeymap.model.edits import set_fields
        from journeymap.model.templates import load_template
        from journeymap.ui.controllers import language

        if self.library is None:
            return False
        title = self.ask_title()
        if title is None:
            return False
        store = load_template("blank", language.current_language())
        store.apply(set_fields(store, "project", "project", title=title).changes)
        try:
            project = self.library.publish(store)
        except LibraryError as e:
            self._message(str(e), error=True)
            return False
        ok = open_library_project(self.window_, self.library.url, project,
                                  self.library.password)
        if ok:
            self.accept()
        return ok

    def publish_current(self) -> str | None:
        doc = getattr(self.window_, "doc", None)
        if doc is None or self.library is None:
            return None
        try:
            project = self.library.publish(doc.store)
        except LibraryError as e:
            self._message(str(e), error=True)
            return None
        self.reload()
        self._message(self.tr("Published “%1” to the library.").replace(
            "%1", doc.store.project.title))
        return project

    def save_selected(self) -> bool:
        entry = self.selected()
        if entry is None or self.library is None:
            return False
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in entry.title).strip()
        path = self.ask_save_path(str(Path.home() / f"{safe or entry.id}.jmap"))
        if not path:
            return False
        if not path.lower().endswith(".jmap"):
            path += ".jmap"
        try:
            self.library.fetch(entry.id, path)
        except DocumentError as e:  # the library's, or the file's (disk full…)
            self._message(str(e), error=True)
            return False
        self._message(self.tr("Saved %1").replace("%1", path))
        return True

    def delete_selected(self) -> bool:
        entry = self.selected()
        if entry is None or self.library is None:
            return False
        if not self.ask_confirm(self.tr(
                "Delete “%1” from the team library for everyone? This cannot be undone.")
                .replace("%1", entry.title)):
            return False
        try:
            self.library.delete(entry.id)
        except LibraryError as e:
            self._message(str(e), error=True)
            return False
        self.reload()
        self._message(self.tr("Deleted “%1”.").replace("%1", entry.title))
        return True

    def done(self, result: int) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None
        super().done(result)


def show_library_dialog(window: Any) -> LibraryDialog:
    """File ▸ Team Library…: show the dialog (connecting at once when a URL is set)."""
    dialog = LibraryDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if not dialog.missing and dialog.url.text():
        dialog.connect_library(prompt=False)  # the password is asked for on Connect
    dialog.open()
    return dialog


__all__ = ["LibraryDialog", "show_library_dialog"]
