"""The fonts journeymap can always use, whatever the machine has installed.

IPAexGothic ships inside the ``matplotlib-fontja`` package (IPA Font License), so
Japanese never renders as boxes: matplotlib adds it to its font manager here, and
:mod:`journeymap.ui.fonts` registers it with Qt. This module never imports Qt.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CJK_FAMILY = "IPAexGothic"


def cjk_font_path() -> Path:
    """Path of the bundled IPAexGothic TrueType file."""
    from matplotlib_fontja import get_font_ttf_path

    return Path(get_font_ttf_path())


@cache
def setup_matplotlib() -> str:
    """Make matplotlib draw Japanese with the bundled font; return the family name."""
    from matplotlib import font_manager, rcParams

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    # Explicit families, not the generic "sans-serif": matplotlib falls back glyph by
    # glyph only across the entries of font.family (a generic family resolves to one font).
    rcParams["font.family"] = ["DejaVu Sans", name]
    rcParams["font.sans-serif"] = ["DejaVu Sans", name]
    rcParams["svg.fonttype"] = "none"
    rcParams["pdf.fonttype"] = 42  # TrueType (embedded, searchable), never Type 3
    rcParams["axes.unicode_minus"] = False
    return name
