"""Render the editor's main screens to docs/screenshots/*.png (offscreen, 1600×1000).

    python scripts/screenshots.py [OUT_DIR]

Uses a throw-away data folder and Qt's test-mode settings, so the user's working
copies and recent files are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["JOURNEYMAP_DATA_DIR"] = tempfile.mkdtemp(prefix="jm-shots-")

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

QStandardPaths.setTestModeEnabled(True)

from PySide6.QtWidgets import QApplication  # noqa: E402

from journeymap.ui.app import make_app  # noqa: E402
from journeymap.ui.main_window import MainWindow  # noqa: E402

SIZE = (1600, 1000)


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    QSettings().clear()
    written: list[Path] = []

    def shot(widget, name: str) -> None:
        settle(app)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    w = MainWindow()
    w.resize(*SIZE)
    w.show()
    shot(w, "start-screen")

    for lang in ("en", "ja"):
        w.new_from_template("b2b-procurement", lang)
        settle(app)
        shot(w, f"main-window-{lang}")
        # a touchpoint with pain points, selected: the inspector shows it
        store = w.store
        tid = max(store.touchpoints(w.journey_id), key=lambda t: len(store.pain_points(t.id))).id
        w.scene.select_touchpoints([tid])
        w._go_to_card(tid)
        shot(w, f"inspector-{lang}")
        shot(w.inspector_dock, f"inspector-panel-{lang}")
        matrix = w.show_influence_matrix()
        matrix.resize(1100, 520)
        shot(matrix, f"influence-matrix-{lang}")
        matrix.close()
        w.discard_document()
    w.close()
    from screenshots_workshop import workshop_shots  # workshop mode, voting, Japanese UI

    written += workshop_shots(app, out, lambda: settle(app))
    from screenshots_sizes import size_shots  # 1366×768 and 1920×1080, en and ja

    written += size_shots(app, out, lambda: settle(app))
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    for p in main(target):
        print(p)
