"""Qt side of the bundled fonts: register IPAexGothic and build fonts that use it."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from journeymap.fonts import CJK_FAMILY, cjk_font_path


@cache
def qt_font_families() -> tuple[str, ...]:
    """Register the bundled font with Qt (needs a QGuiApplication); return the families
    to use in order: the platform UI font first, IPAexGothic as fallback for CJK."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    cjk = families[0] if families else CJK_FAMILY
    base = QGuiApplication.font().family() if QGuiApplication.instance() else "Sans Serif"
    # IPAexGothic also carries Latin glyphs; put it first only where no UI font exists.
    QFont.insertSubstitution(base, cjk)
    return (base, cjk)


def qt_font(point_size: float = 10.0, bold: bool = False) -> QFont:
    """A QFont that renders English and Japanese: the UI family with IPAexGothic fallback."""
    families = qt_font_families()
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
