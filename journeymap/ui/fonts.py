"""The fonts of the interface: the same recipe as the map (see :mod:`journeymap.render.fonts`)."""

from __future__ import annotations

from journeymap.render.fonts import qt_font, qt_font_families

__all__ = ["qt_font", "qt_font_families"]
