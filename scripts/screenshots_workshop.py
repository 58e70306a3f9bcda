"""Screenshots of workshop mode, dot voting and the Japanese interface.

    python scripts/screenshots_workshop.py [OUT_DIR]     (default docs/screenshots)

Also called by ``scripts/screenshots.py``. Workshop mode is shown at 1920×1080 (a
projector); the Japanese main window at 1600×1000. Offscreen, throw-away settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

PROJECTOR = (1920, 1080)
WINDOW = (1600, 1000)


def _settle(app, rounds: int = 10) -> None:  # noqa: ANN001
    for _ in range(rounds):
        app.processEvents()


def workshop_shots(app, out: Path, settle: Callable | None = None) -> list[Path]:  # noqa: ANN001
    """Render the shots into ``out``; returns the files written."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from journeymap.model.voting import VotingRound, clear_votes
    from journeymap.ui.controllers import language as i18n
    from journeymap.ui.dialogs.settings import SettingsDialog
    from journeymap.ui.main_window import MainWindow
    from journeymap.ui.workshop.overlays import AgendaStep
    from journeymap.ui.workshop.voting import (
        RoundSummaryDialog,
        VotingController,
        VotingSetupDialog,
    )

    settle = settle or (lambda: _settle(app))
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(widget, name: str) -> None:  # noqa: ANN001
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    def workshop(lang: str, people: list[str]) -> None:
        w = MainWindow()
        w.resize(*WINDOW)
        w.show()
        w.new_from_template("b2b-procurement", lang)
        settle()
        mode = w.workshop
        clock = [0.0]
        mode.countdown.clock = lambda: clock[0]
        names = {"en": ("Pain points", "Dot voting"), "ja": ("ペインポイント", "ドット投票")}[lang]
        mode.countdown.set_steps([AgendaStep(names[0], 600), AgendaStep(names[1], 600)])
        mode.enter()
        settle()
        # A projector, whatever the offscreen screen is.
        w.setWindowState(Qt.WindowState.WindowNoState)
        w.setGeometry(0, 0, *PROJECTOR)
        settle()
        mode.go_to_stage(1)
        mode.countdown.start()
        clock[0] = 9 * 60 + 20             # 40 s left: the warning colour
        mode.timer_overlay.refresh()
        shot(w, f"workshop-{lang}")
        mode.toggle_help()
        shot(w, f"workshop-keys-{lang}")
        mode.toggle_help()
        # dot voting, some dots placed
        voting = VotingController(w, mode)
        mode.voting = voting
        w.push_edit(clear_votes(w.store))
        voting.start_round(VotingRound(people, dots=5))
        store = w.store
        journey = w.journey_id
        pains = [p.id for p in store.journey_pain_points(journey)]
        for i, target in enumerate([pains[5], pains[5], pains[4], "a_order_ack", pains[2]]):
            voting.vote(target)
            if i == 1:
                voting.next_participant()
                voting.previous_participant()
        voting.next_participant()
        voting.vote(pains[5])
        voting.vote(pains[4])
        voting.previous_participant()
        for _ in range(3):
            voting.vote(pains[6])     # the sixth dot is refused, visibly
        mode.go_to_stage(1)
        shot(w, f"workshop-voting-{lang}")
        voting.toggle_totals()
        shot(w, f"workshop-voting-totals-{lang}")
        setup = VotingSetupDialog(w)
        setup.by_name.setChecked(True)
        setup.names.setPlainText("\n".join(people))
        shot(setup, f"voting-setup-{lang}")
        setup.close()
        summary = RoundSummaryDialog(store, voting.round, journey, w)
        summary.show()
        shot(summary, f"voting-results-{lang}")
        summary.close()
        mode.leave()
        settle()
        w.discard_document()
        w.close()
        w.deleteLater()

    try:
        i18n.set_language("en")
        workshop("en", ["Aiko", "Ben", "Chen"])
        i18n.set_language("ja")
        w = MainWindow()
        w.resize(*WINDOW)
        w.show()
        w.new_from_template("b2b-procurement", "ja")
        settle()
        shot(w, "main-window-ui-ja")
        menu = w.menuBar().actions()[2].menu()     # 表示 (View)
        menu.popup(w.mapToGlobal(w.menuBar().actionGeometry(w.menuBar().actions()[2])
                                 .bottomLeft()))
        settle()
        shot(menu, "view-menu-ja")
        menu.hide()
        settings = SettingsDialog(w.store, "ja", parent=w)
        settings.vote_weight.setText("12")
        settings.accept()          # refused: the reason shows beside the field
        settings.show()
        shot(settings, "settings-ja")
        settings.done(QDialog.DialogCode.Rejected)
        w.discard_document()
        w.close()
        w.deleteLater()
        workshop("ja", ["佐藤", "鈴木", "高橋"])
    finally:
        i18n.set_language("")
    return written


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["JOURNEYMAP_DATA_DIR"] = tempfile.mkdtemp(prefix="jm-shots-")
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from journeymap.ui.app import make_app

    application = make_app()
    QSettings().clear()
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    for p in workshop_shots(application, target):
        print(p)
