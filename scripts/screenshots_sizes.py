"""Screenshots of the map at laptop and projector sizes, English and Japanese, in the
editor and in workshop mode: docs/screenshots/map-LANG-WxH.png, map-corner-LANG-WxH.png
(scrolled to the far corner: the pinned headers) and workshop-LANG-WxH.png.

    python scripts/screenshots_sizes.py [OUT_DIR]     (default docs/screenshots)

Also called by ``scripts/screenshots.py``. Offscreen, throw-away settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SIZES = ((1366, 768), (1920, 1080))


def size_shots(app, out: Path, settle: Callable[[], None]) -> list[Path]:  # noqa: ANN001
    from PySide6.QtCore import QSettings, Qt

    from journeymap.ui.controllers import language as i18n
    from journeymap.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def shot(widget, name: str) -> None:  # noqa: ANN001
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    try:
        for lang in ("en", "ja"):
            i18n.set_language(lang)
            for width, height in SIZES:
                tag = f"{lang}-{width}x{height}"
                QSettings().clear()          # the first-run layout for this size
                w = MainWindow()
                w.resize(width, height)
                w.show()
                w.new_from_template("b2b-procurement", lang)
                settle()
                w.view.zoom_to_fit()
                shot(w, f"map-{tag}")
                w.view.zoom_reset()
                for bar in (w.view.horizontalScrollBar(), w.view.verticalScrollBar()):
                    bar.setValue(bar.maximum())
                w.act_legend.setChecked(True)
                shot(w, f"map-corner-{tag}")
                w.act_legend.setChecked(False)
                mode = w.workshop
                mode.enter()
                settle()
                w.setWindowState(Qt.WindowState.WindowNoState)
                w.setGeometry(0, 0, width, height)
                settle()
                mode.go_to_stage(1)
                shot(w, f"workshop-{tag}")
                mode.leave()
                settle()
                w.discard_document()
                w.close()
                w.deleteLater()
                settle()
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

    def _settle() -> None:
        for _ in range(10):
            application.processEvents()

    for p in size_shots(application, target, _settle):
        print(p)
