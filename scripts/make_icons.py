"""Render the app icon's PNG sizes from ``resources/icons/journeymap.svg``.

    python scripts/make_icons.py

Writes ``resources/icons/journeymap-<size>.png`` for every size in
:data:`journeymap.assets.ICON_SIZES` (Linux desktop entries, window icons, the frozen
app). Run it again after editing the SVG and commit the PNGs.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from journeymap.assets import ICON_SIZES, app_icon_png, app_icon_svg

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(app_icon_svg()))
    if not renderer.isValid():
        raise SystemExit(f"{app_icon_svg()}: not a valid SVG")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = app_icon_png(size)
        if not image.save(str(out)):
            raise SystemExit(f"could not write {out}")
        print(out)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
