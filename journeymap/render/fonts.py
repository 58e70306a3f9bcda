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

from collections.abc import Iterable
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QImage, QRawFont

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


# -- characters no font can draw --------------------------------------------------------------------
@cache
def _raw_fonts() -> tuple[QRawFont, ...]:
    """Our families first, then every family installed (Qt falls back to those too)."""
    names = list(qt_font_families())
    names += [f for f in QFontDatabase.families() if f not in names]
    fonts = []
    for name in names:
        raw = QRawFont.fromFont(QFont(name))
        if raw.isValid():
            fonts.append(raw)
    return tuple(fonts)


@cache
def drawable(ch: str) -> bool:
    """Whether some font here has a glyph for ``ch`` (else it draws as a box)."""
    if ch.isspace() or ord(ch) < 0x7F or 0xFE00 <= ord(ch) <= 0xFE0F or ord(ch) == 0x200D:
        return True   # ASCII, spaces, and joiners/variation selectors drawn as nothing
    return any(raw.supportsCharacter(ord(ch)) for raw in _raw_fonts())


def undrawable(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` no font here can draw, in first-seen order: a map or
    report holding them would show boxes, so the export says so (emoji in a role name
    on a machine without an emoji font, say)."""
    seen: dict[str, None] = {}
    for text in texts:
        for ch in text or "":
            if ch not in seen and not drawable(ch):
                seen[ch] = None
    return list(seen)


def store_texts(store) -> Iterable[str]:  # Store; no type import to keep this module light
    """Every text a map or report of ``store`` may draw."""
    info = store.project
    yield info.title
    yield info.client
    for r in store.roles():
        yield r.name
    for j in store.journeys():
        yield j.name
        yield j.segment
        for p in store.phases(j.id):
            yield p.name
        for s in store.stages(j.id):
            yield s.name
        for tp in store.touchpoints(j.id):
            yield tp.title
            for pain in store.pain_points(tp.id):
                yield pain.title
    for a in store.actions():
        yield a.title


__all__ = ["DPI", "drawable", "metrics", "store_texts", "undrawable", "metrics_device", "pt_font", "qt_font", "qt_font_families",
           "scene_font", "scene_metrics"]
