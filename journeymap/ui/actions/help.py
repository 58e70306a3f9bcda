"""Help menu: keyboard shortcuts (F1), quick-add syntax, the user guide, about."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from journeymap.ui.actions.common import make_action

if TYPE_CHECKING:
    from pathlib import Path

    from journeymap.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build(w: MainWindow) -> None:
    w.act_shortcuts = make_action(w, _tr("&Keyboard Shortcuts"), lambda: show_shortcuts(w),
                                  "F1")
    w.act_quick_syntax = make_action(w, _tr("&Quick-Add Syntax"), lambda: show_quick_syntax(w))
    w.act_user_guide = make_action(w, _tr("&User Guide"), lambda: show_user_guide(w))
    w.act_about = make_action(w, _tr("&About journeymap"), lambda: about(w))
    m = w.menuBar().addMenu(_tr("&Help"))
    for act in (w.act_shortcuts, w.act_quick_syntax, w.act_user_guide):
        m.addAction(act)
    m.addSeparator()
    m.addAction(w.act_about)


# -- keyboard shortcuts ---------------------------------------------------------------------
def canvas_keys() -> list[tuple[str, str]]:
    """Keys on the map that no menu lists."""
    return [
        (_tr("Arrow keys"), _tr("Move between cards")),
        (_tr("Enter"), _tr("Open the selected card in the inspector")),
        (_tr("Delete"), _tr("Delete the selection")),
        (_tr("Ctrl+wheel"), _tr("Zoom around the mouse pointer")),
        (_tr("Space+drag or middle drag"), _tr("Pan the map")),
        (_tr("Double-click an empty cell"), _tr("Add a card there")),
        (_tr("Drag from a card's round handle"), _tr("Draw a handoff to another card")),
    ]


def menu_shortcuts(w: MainWindow) -> list[tuple[str, str]]:
    """(keys, what) of every menu entry that has a shortcut, in menu order."""
    out: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(actions) -> None:  # type: ignore[no-untyped-def]
        for a in actions:
            if a.menu() is not None:
                walk(a.menu().actions())
            elif not a.isSeparator() and a.shortcuts() and id(a) not in seen:
                seen.add(id(a))
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                                 for s in a.shortcuts())
                out.append((keys, a.text().replace("&&", "\0").replace("&", "")
                            .replace("\0", "&").rstrip(".…")))

    walk(w.menuBar().actions())
    return out


def show_shortcuts(w: MainWindow) -> None:
    """F1: in workshop mode its big key table; elsewhere a dialog of every shortcut."""
    workshop = getattr(w, "workshop", None)
    if workshop is not None and workshop.active:
        workshop.toggle_help()
        return
    dlg = getattr(w, "shortcuts_dialog", None)
    if dlg is None:
        dlg = w.shortcuts_dialog = QDialog(w)
        dlg.setObjectName("shortcutsDialog")
        dlg.setWindowTitle(_tr("Keyboard Shortcuts"))
        lay = QVBoxLayout(dlg)
        table = dlg.table = QTableWidget(0, 2)
        table.setHorizontalHeaderLabels([_tr("Keys"), _tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(table)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(dlg.reject)
        lay.addWidget(box)
        dlg.resize(560, 620)
    rows = menu_shortcuts(w) + canvas_keys()
    dlg.table.setRowCount(len(rows))
    for r, (keys, what) in enumerate(rows):
        dlg.table.setItem(r, 0, QTableWidgetItem(keys))
        dlg.table.setItem(r, 1, QTableWidgetItem(what))
    dlg.show()
    dlg.raise_()


# -- quick-add syntax ------------------------------------------------------------------------
def quick_syntax_html() -> str:
    rows = [
        ("Reads the catalogue", _tr("A card with this title")),
        ("Calls the rep #human", _tr("Channel: #digital, #human or #physical (#d, #h, #p)")),
        ("Checks the invoice !-1", _tr("Emotion from !-2 to !+2")),
        ("Waits for a quote ?No answer:4",
         _tr("A pain point with severity 1–5 (default 3)")),
        ("Orders ?Late delivery:5/2@fulfilment",
         _tr("Pain point with severity 5, frequency 2, dimension by id or name start")),
        ("見積依頼 #人 !-1 ?回答が遅い:4", _tr("The same markers in Japanese")),
        (r"\#1 priority", _tr("A backslash keeps # ! ? as text")),
    ]
    body = "".join(f"<tr><td><code>{html.escape(e)}</code></td><td>{html.escape(t)}</td></tr>"
                   for e, t in rows)
    intro = html.escape(_tr(
        "Type a card in the quick-add line above the map and press Enter. Markers at the "
        "start of a word set the card's fields:"))
    keys = html.escape(_tr(
        "Tab / Shift+Tab picks the stage, Ctrl+Up / Ctrl+Down the lane."))
    return (f"<p>{intro}</p><table cellpadding='6' border='1' cellspacing='0'>"
            f"<tr><th>{html.escape(_tr('Example'))}</th><th>{html.escape(_tr('Meaning'))}</th>"
            f"</tr>{body}</table><p>{keys}</p>")


def show_quick_syntax(w: MainWindow) -> None:
    dlg = QDialog(w)
    dlg.setObjectName("quickSyntaxDialog")
    dlg.setWindowTitle(_tr("Quick-Add Syntax"))
    lay = QVBoxLayout(dlg)
    text = QTextBrowser()
    text.setHtml(quick_syntax_html())
    lay.addWidget(text)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.rejected.connect(dlg.reject)
    lay.addWidget(box)
    dlg.resize(640, 440)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dlg.show()
    w.quick_syntax_dialog = dlg


# -- user guide ---------------------------------------------------------------------------------
def user_guide_path(lang: str) -> Path:
    """The packaged user guide in ``lang`` (Japanese or English)."""
    from journeymap.assets import asset

    return asset("docs", "user-guide.ja.md" if lang == "ja" else "user-guide.md")


def show_user_guide(w: MainWindow) -> None:
    """The user guide (with its screenshots) in a window; "Open externally" hands the
    packaged file to the system's viewer."""
    from journeymap.ui.controllers import language

    lang = language.current_language()
    path = user_guide_path(lang)
    dlg = QDialog(w)
    dlg.setObjectName("userGuideDialog")
    dlg.setWindowTitle(_tr("User Guide"))
    lay = QVBoxLayout(dlg)
    browser = QTextBrowser()
    browser.setOpenExternalLinks(True)
    browser.setSearchPaths([str(path.parent)])
    browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
    lay.addWidget(browser)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    external = box.addButton(_tr("Open Externally"), QDialogButtonBox.ButtonRole.ActionRole)
    external.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    box.rejected.connect(dlg.reject)
    lay.addWidget(box)
    dlg.resize(900, 760)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dlg.show()
    w.user_guide_dialog = dlg
    dlg.browser = browser


def about(w: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from journeymap import __version__

    QMessageBox.about(w, _tr("About journeymap"), _tr(
        "<p><b>journeymap %1</b></p><p>Multi-role B2B customer journey maps with an "
        "explained, prioritised action list.</p>").replace("%1", __version__))
