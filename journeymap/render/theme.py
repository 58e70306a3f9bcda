"""Colours, stacking order and level-of-detail of the map.

Cards paint with fixed, readable colours (near-white card, dark ink) whatever the
palette; the chrome (headers, cell lines, arrows) follows a :class:`Theme` made from the
palette on screen, or fixed light colours for printing (:func:`print_theme`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# z order: cells < headers < curves < arrows < cards < arrow labels < dragged cards
Z_CELL, Z_HEADER, Z_CURVE, Z_ARROW, Z_CARD, Z_LABEL, Z_DROP, Z_DRAG = 0, 1, 2, 3, 4, 4.5, 5, 10

CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#9aa0a6")
CARD_INK = QColor("#1d1f21")
CARD_MUTED = QColor("#5f6368")
MATCH_COLOR = QColor("#f57900")
FALLBACK_ROLE_COLOR = "#888888"
EMOTION_COLORS = {-2: QColor("#c01c28"), -1: QColor("#f0803c"), 0: QColor("#9a9996"),
                  1: QColor("#8ec63f"), 2: QColor("#2e9e44")}
SEVERITY_COLORS = {1: QColor("#f8e45c"), 2: QColor("#f6c445"), 3: QColor("#f39130"),
                   4: QColor("#e0503a"), 5: QColor("#a51d2d")}
HANDLE_R = 7.0           # link handle radius, on the card's right edge
DETAIL_LOD = 0.4         # below this zoom, chrome details (pips, labels) are left out
MIN_TITLE_PX = 12.0      # card titles never paint smaller than this on screen (semantic zoom)


def emotion_color(value: float) -> QColor:
    """Colour of an emotion value, clamped to −2…+2 (never a KeyError)."""
    return EMOTION_COLORS[max(-2, min(2, round(value)))]


def severity_color(value: int) -> QColor:
    """Colour of a severity, clamped to 1…5 (never a KeyError)."""
    return SEVERITY_COLORS[max(1, min(5, int(value)))]


def influence_tint(color: QColor, weight: int) -> QColor:
    """A cell's tint for a role's influence (0 none … 5 strongest): subtle but legible
    steps; 0 = no tint at all."""
    c = QColor(color)
    c.setAlpha(0 if weight <= 0 else 14 + 16 * min(weight, 5))
    return c


@dataclass(frozen=True)
class Theme:
    print_mode: bool
    background: QColor
    header_bg: QColor
    header_fg: QColor
    phase_bg: tuple[QColor, QColor]
    lane_header_bg: QColor
    grid: QColor
    muted: QColor
    arrow: QColor
    accent: QColor
    dark: bool


def print_theme() -> Theme:
    """Fixed light chrome for PDF, PNG and SVG."""
    return Theme(True, QColor("#ffffff"), QColor("#eceef0"), QColor("#1d1f21"),
                 (QColor("#d5dbe3"), QColor("#e3e7ec")), QColor("#f4f5f6"),
                 QColor("#c8ccd0"), QColor("#5f6368"), QColor("#3d4450"),
                 QColor("#1c71d8"), False)


def make_theme(palette: QPalette | None, print_mode: bool = False) -> Theme:
    """Chrome colours: from the palette on screen (light or dark), fixed for print."""
    if print_mode or palette is None:
        return print_theme()
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    dark = window.lightness() < 128
    alt = palette.color(QPalette.ColorRole.AlternateBase)
    grid = QColor(text)
    grid.setAlpha(60)
    muted = QColor(text)
    muted.setAlpha(170)
    return Theme(False, base, palette.color(QPalette.ColorRole.Button),
                 palette.color(QPalette.ColorRole.ButtonText),
                 (window.darker(112) if not dark else window.lighter(130),
                  alt if alt != base else window), window, grid, muted,
                 QColor("#d8dde3") if dark else QColor("#3d4450"),
                 palette.color(QPalette.ColorRole.Highlight), dark)


__all__ = [
    "CARD_BG", "CARD_BORDER", "CARD_INK", "CARD_MUTED", "DETAIL_LOD", "EMOTION_COLORS",
    "FALLBACK_ROLE_COLOR", "HANDLE_R", "MATCH_COLOR", "MIN_TITLE_PX", "SEVERITY_COLORS", "Theme", "Z_ARROW",
    "Z_CARD", "Z_CELL", "Z_CURVE", "Z_DRAG", "Z_DROP", "Z_HEADER", "Z_LABEL", "emotion_color",
    "influence_tint", "make_theme", "print_theme", "severity_color",
]
