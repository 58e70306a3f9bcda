"""The map's geometry now lives in :mod:`journeymap.render.layout`; re-exported for the
voting overlay."""

from __future__ import annotations

from journeymap.render.layout import CARD_H, CARD_W, MapLayout, compute_layout

__all__ = ["CARD_H", "CARD_W", "MapLayout", "compute_layout"]
