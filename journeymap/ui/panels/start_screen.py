"""The start screen: a new project from a template, Open…, recent files, the demo.

Shown in the main window when no project is open. It only emits requests; the window
opens documents.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.model.templates import DEMO_TEMPLATE, list_templates, template_title

PATH = Qt.ItemDataRole.UserRole


class StartScreen(QWidget):
    new_requested = Signal(str, str)   # template name, language
    open_requested = Signal()          # show the Open dialog
    open_path_requested = Signal(str)  # a recent file
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        # A centred column of readable width, however wide the window.
        page = QHBoxLayout(self)
        page.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(1180)
        page.addWidget(body, 100)
        page.addStretch(1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(48, 36, 48, 36)
        title = QLabel(self.tr("journeymap"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        subtitle = QLabel(self.tr("Multi-role B2B customer journey maps, with an explained "
                                  "list of what to improve first."))
        subtitle.setWordWrap(True)
        outer.addWidget(subtitle)
        outer.addSpacing(16)

        top = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Open demo project"))
        self.demo_button.setAccessibleName(self.tr("Open demo project"))
        self.demo_button.setToolTip(self.tr("A complete B2B industrial procurement example, "
                                            "in your language"))
        self.demo_button.setDefault(True)
        self.demo_button.setMinimumHeight(40)
        big = QFont(self.demo_button.font())
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.demo_button.setFont(big)
        self.demo_button.clicked.connect(self.demo_requested)
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.setAccessibleName(self.tr("Open a project file"))
        self.open_button.setMinimumHeight(40)
        self.open_button.clicked.connect(self.open_requested)
        top.addWidget(self.demo_button)
        top.addWidget(self.open_button)
        top.addStretch(1)
        outer.addLayout(top)
        outer.addSpacing(20)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        # templates
        tbox = QVBoxLayout()
        tbox.addWidget(self._heading(self.tr("New project from a template")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        self.template_buttons: dict[tuple[str, str], QPushButton] = {}
        languages = (("en", self.tr("English")), ("ja", self.tr("Japanese")))
        for col, (_lang, lang_name) in enumerate(languages):
            head = QLabel(lang_name)       # a readable column heading, not greyed out
            hfont = QFont(head.font())
            hfont.setBold(True)
            head.setFont(hfont)
            grid.addWidget(head, 0, col)
        for row, name in enumerate(list_templates(), 1):
            for col, (lang, lang_name) in enumerate(languages):
                text = template_title(name, lang)
                b = QPushButton(text)
                b.setToolTip(self.tr("New project “%1” (%2)").replace("%1", text)
                             .replace("%2", lang_name))
                b.setAccessibleName(b.toolTip())
                b.setMinimumHeight(34)
                b.clicked.connect(lambda _=False, n=name, la=lang: self.new_requested.emit(n, la))
                grid.addWidget(b, row, col)
                self.template_buttons[(name, lang)] = b
        tbox.addLayout(grid)
        tbox.addStretch(1)
        columns.addLayout(tbox, 3)
        # recent files
        rbox = QVBoxLayout()
        rbox.addWidget(self._heading(self.tr("Recent files")))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent files"))
        self.recent.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent.setSpacing(4)
        self.recent.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        # A click selects, Open (or a double-click / Enter) opens.
        self.recent.itemActivated.connect(
            lambda item: self.open_path_requested.emit(item.data(PATH)))
        rbox.addWidget(self.recent, 1)
        self.open_recent_button = QPushButton(self.tr("Open"))
        self.open_recent_button.setAccessibleName(self.tr("Open the selected recent file"))
        self.open_recent_button.setEnabled(False)
        self.open_recent_button.clicked.connect(self._open_selected)
        self.recent.itemSelectionChanged.connect(
            lambda: self.open_recent_button.setEnabled(self._selected_path() is not None))
        rbox.addWidget(self.open_recent_button, 0, Qt.AlignmentFlag.AlignRight)
        self.no_recent = QLabel(self.tr("Projects you open or save appear here."))
        self.no_recent.setEnabled(False)
        rbox.addWidget(self.no_recent)
        columns.addLayout(rbox, 2)
        outer.addLayout(columns, 1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        label.setFont(font)
        return label

    def _selected_path(self) -> str | None:
        items = self.recent.selectedItems()
        if not items or not items[0].flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return items[0].data(PATH)

    def _open_selected(self) -> None:
        path = self._selected_path()
        if path is not None:
            self.open_path_requested.emit(path)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            path = Path(p)
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(PATH, p)
            item.setToolTip(p)
            if not path.exists():
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("%1 (not found)").replace("%1", p))
            self.recent.addItem(item)
        self.no_recent.setVisible(not paths)


__all__ = ["DEMO_TEMPLATE", "StartScreen"]
