"""Render the journey-map canvas of templates (or given JSON files) to PNG files.

    python scripts/render_canvas.py [FILE.json ...] [--out DIR] [--dark] [--scale S]

Without files: the b2b-procurement template in Japanese and English. Every journey of
each file is rendered in print mode (white) and, with --dark, also on a dark palette.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEMPLATES = Path(__file__).resolve().parents[1] / "resources" / "templates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    parser.add_argument("--dark", action="store_true", help="also render on a dark palette")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)

    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from journeymap.model.jsonio import read_json_file
    from journeymap.ui.canvas.scene import JourneyScene, render_scene_image

    app = QApplication.instance() or QApplication(sys.argv[:1])
    files = args.files or [TEMPLATES / "b2b-procurement.ja.json",
                           TEMPLATES / "b2b-procurement.en.json"]
    for path in files:
        store = read_json_file(path)
        for journey in store.journeys():
            variants = [("print", True)] + ([("dark", False)] if args.dark else [])
            for name, print_mode in variants:
                if name == "dark":
                    pal = QPalette()
                    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"),
                                        (QPalette.ColorRole.Base, "#1e1e1e"),
                                        (QPalette.ColorRole.AlternateBase, "#262626"),
                                        (QPalette.ColorRole.WindowText, "#e6e6e6"),
                                        (QPalette.ColorRole.Text, "#e6e6e6"),
                                        (QPalette.ColorRole.Button, "#353535"),
                                        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
                                        (QPalette.ColorRole.Highlight, "#3584e4")):
                        pal.setColor(role, QColor(color))
                    app.setPalette(pal)
                scene = JourneyScene(store, journey.id, print_mode=print_mode)
                image = render_scene_image(scene, args.scale)
                out = args.out / f"canvas-{path.stem}-{journey.id}-{name}.png"
                image.save(str(out))
                print(out, image.width(), "x", image.height())
                scene.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main())
