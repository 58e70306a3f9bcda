"""The recovery prompt at start: unsaved work of a session that ended abruptly.

For each recoverable session the user picks Recover, Discard or Later (kept for the
next start).
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.model.document import Session

RECOVER, DISCARD, LATER = "recover", "discard", "later"


class RecoveryDialog(QDialog):
    def __init__(self, sessions: list[Session], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.sessions = sessions
        self.groups: list[QButtonGroup] = []
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "journeymap closed without saving these projects. Their last changes are kept; "
            "choose what to do with each."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        for row, s in enumerate(sessions):
            name = s.title or self.tr("Untitled project")
            where = s.path or self.tr("never saved")
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.started))
            label = QLabel(f"<b>{_esc(name)}</b><br>{_esc(where)}<br>"
                           + self.tr("last change %1").replace("%1", when))
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            for col, (choice, text) in enumerate(((RECOVER, self.tr("Recover")),
                                                  (DISCARD, self.tr("Discard")),
                                                  (LATER, self.tr("Later"))), 1):
                b = QRadioButton(text)
                b.setAccessibleName(f"{text}: {name}")
                b.setProperty("choice", choice)
                group.addButton(b)
                grid.addWidget(b, row, col)
                if choice == RECOVER:
                    b.setChecked(True)
            self.groups.append(group)
        grid.setColumnStretch(0, 1)
        lay.addWidget(frame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(640, 120 + 80 * len(sessions))

    def set_choice(self, index: int, choice: str) -> None:
        for b in self.groups[index].buttons():
            if b.property("choice") == choice:
                b.setChecked(True)

    def choices(self) -> list[tuple[Session, str]]:
        """Each session with recover / discard / later (later when the dialog was closed)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return [(s, LATER) for s in self.sessions]
        out = []
        for s, group in zip(self.sessions, self.groups, strict=True):
            b = group.checkedButton()
            out.append((s, b.property("choice") if b is not None else LATER))
        return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["DISCARD", "LATER", "RECOVER", "RecoveryDialog"]
