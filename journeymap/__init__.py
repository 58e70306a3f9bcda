"""journeymap: multi-role B2B customer journey maps with explainable priorities."""

from __future__ import annotations

__version__ = "0.1.0"


class JourneymapWarning(UserWarning):
    """Warnings raised by journeymap itself (turned into errors in the tests)."""
