"""Qt user interface. Importing it applies a PySide6 workaround (see pyside_none_fix)."""

from journeymap.ui import pyside_none_fix as _pyside_none_fix  # noqa: F401
