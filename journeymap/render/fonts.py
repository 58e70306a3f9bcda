"""Qt side of the bundled fonts: register the Japanese font and build the fonts we draw with.

The Qt-free half (finding IPAexGothic, deriving the searchable "JM Gothic" copy, setting up
matplotlib) is :mod:`journeymap.fonts`, below the analysis layer because the charts use it.

Two unit systems, one font recipe (UI family first, the CJK font as fallback, hinting off
so text measures the same on screen and in print):

* :func:`scene_font` in scene pixels — the map items; a PDF or PNG render scales it with
  the map.
* :func:`pt_font` in points, measured on :func:`metrics_device` (72 dpi, one device unit =
  one point) — the pages of the PDF exports.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QImage

from journeymap.fonts import CJK_FAMILY, cjk_font_path

DPI = 72  # export pages: one device unit = one point


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


# -- map items: scene pixels ----------------------------------------------------------------------
@cache
def scene_font(pixel_size: int, bold: bool = False) -> QFont:
    """Canvas font in scene pixels (so a PDF or PNG render scales it with the map),
    with IPAexGothic as fallback so Japanese never shows as boxes. Hinting is off so
    text measures the same on screen and in print."""
    font = qt_font(10.0, bold)
    font.setPixelSize(pixel_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@cache
def scene_metrics(pixel_size: int, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(scene_font(pixel_size, bold))


# -- export pages: points ---------------------------------------------------------------------------
@cache
def metrics_device() -> QImage:
    """A 72-dpi paint device: fonts in points measure here as on every page we draw."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    dpm = round(DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


@cache
def pt_font(size: float, bold: bool = False) -> QFont:
    """The export font (UI family with IPAexGothic fallback) at ``size`` points."""
    font = qt_font(size, bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@cache
def metrics(size: float, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(pt_font(size, bold), metrics_device())


__all__ = ["DPI", "metrics", "metrics_device", "pt_font", "qt_font", "qt_font_families",
           "scene_font", "scene_metrics"]
