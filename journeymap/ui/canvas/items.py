"""The map's items now live in :mod:`journeymap.render`; these names stay importable here
for the voting overlay and its tests."""

from __future__ import annotations

from journeymap.render.cards import BADGE_D, MAX_BADGES, CardItem
from journeymap.render.theme import SEVERITY_COLORS

__all__ = ["BADGE_D", "MAX_BADGES", "SEVERITY_COLORS", "CardItem"]
