"""The map's geometry now lives in :mod:`journeymap.render.layout`; re-exported for the
voting overlay."""

from __future__ import annotations

from journeymap.render.layout import CARD_H

__all__ = ["CARD_H"]
