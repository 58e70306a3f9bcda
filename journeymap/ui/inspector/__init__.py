"""The inspector: one editor per kind of object and a kind → editor map
(:data:`journeymap.ui.inspector.inspector.EDITORS`)."""

from journeymap.ui.inspector.inspector import EDITORS, Inspector
from journeymap.ui.inspector.touchpoint import parse_scores

__all__ = ["EDITORS", "Inspector", "parse_scores"]
