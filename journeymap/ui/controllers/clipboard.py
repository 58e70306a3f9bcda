"""Copy, cut, paste, delete and select all on the map's selected cards.

Cards travel as JSON under :data:`MIME_TOUCHPOINTS` (with their titles as plain text for
other programs); plain text pasted from elsewhere becomes one card per line. Mixed into
:class:`~journeymap.ui.main_window.MainWindow`; every change is one undoable edit.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QGuiApplication

from journeymap.model import edits

MIME_TOUCHPOINTS = "application/x-journeymap-touchpoints"


class ClipboardMixin:
    """The Edit menu's clipboard commands for :class:`MainWindow`."""

    def _selection(self) -> list[str]:
        return self.scene.selected_touchpoint_ids() if self.scene is not None else []

    def copy(self) -> bool:
        store, ids = self.store, self._selection()
        if store is None or not ids:
            return False
        payload = edits.copy_payload(store, ids)
        mime = QMimeData()
        mime.setData(MIME_TOUCHPOINTS, QByteArray(json.dumps(payload, ensure_ascii=False)
                                                  .encode("utf-8")))
        mime.setText("\n".join(store.touchpoint(i).title for i in ids))
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(self.tr("Copied %n card(s)", None, len(ids)), 3000)
        return True

    def cut(self) -> bool:
        return self.copy() and self.delete_selection()

    def paste(self) -> bool:
        store, journey = self.store, self.journey_id
        if store is None or journey is None:
            return False
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        if mime.hasFormat(MIME_TOUCHPOINTS):
            try:
                payload = json.loads(bytes(mime.data(MIME_TOUCHPOINTS).data()).decode("utf-8"))
                if not isinstance(payload, list):
                    raise ValueError
            except (ValueError, UnicodeDecodeError):
                self.show_error(self.tr("The clipboard does not hold journeymap cards."))
                return False
        elif mime.hasText() and mime.text().strip():
            # Lines of text (e.g. a column copied from a spreadsheet): one card per line.
            payload = [{"title": line.strip()} for line in mime.text().splitlines()
                       if line.strip()][:500]
        else:
            return False
        ids = self._selection()
        if ids:
            tp = store.touchpoint(ids[0])
            cell: tuple[str, str] | None = (tp.role, tp.stage)
        else:
            cell = self.quick_add.cell()
        if cell is None:
            return False
        edit = self._try_edit(lambda: edits.paste_touchpoints(store, journey, cell[0], cell[1],
                                                              payload))
        if edit is None:
            return False
        new = [c.id for c in edit.changes if c.table == "touchpoint" and c.before is None]
        if self.scene is not None:
            self.scene.select_touchpoints(new)
        return True

    def delete_selection(self) -> bool:
        store, ids = self.store, self._selection()
        if store is None or not ids:
            return False
        return self._try_edit(lambda: edits.delete(store, "touchpoint", ids)) is not None

    def select_all(self) -> None:
        if self.scene is not None:
            self.scene.select_touchpoints(self.scene.touchpoint_ids())


__all__ = ["MIME_TOUCHPOINTS", "ClipboardMixin"]
