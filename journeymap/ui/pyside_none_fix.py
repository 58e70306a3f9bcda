"""Fallback for a PySide6 6.12 refcount bug on Python 3.11 (checked on import).

The abi3 wheels of PySide6/shiboken6 6.12 return ``None`` from every C++ ``void``
method without taking a reference (harmless on Python ≥ 3.12, where None is immortal).
On 3.11 each such call (``painter.setPen``, ``label.setText``, …) drops one reference
to None; after a few thousand calls its count reaches zero and the interpreter aborts
with "Fatal Python error: none_dealloc". Painting one journey map makes thousands.

pyproject.toml keeps Python 3.11 below PySide6 6.12, so a normal install never needs
this. It stays as a guarded fallback for installs that bypass the pin: we detect the
leak (100 calls of a void method, compare ``sys.getrefcount(None)``) and only then give
None, True and False a practically endless reference count — what Python 3.12 does by
design. The app reports it once at start (:func:`applied`).

No upstream bug report for this was found when the fallback was written; if you find or
file one, link it here.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

_applied = False


def leaks_none() -> bool:
    """Does a void PySide6 call drop a reference to None here?"""
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QRectF

    r = QRectF()
    r.setWidth(1.0)
    before = sys.getrefcount(None)
    for _ in range(100):
        r.setWidth(1.0)
    return sys.getrefcount(None) - before <= -50


def apply(detect: Callable[[], bool] = leaks_none) -> bool:
    """Make None effectively immortal if ``detect()`` finds the leak; True when applied
    (now or earlier)."""
    global _applied
    if not _applied and detect():
        # ob_refcnt is the first field of every PyObject (non-debug CPython builds).
        # True and False suffer from the same borrowed-reference returns in some
        # bool paths of these wheels (seen as "bool_dealloc" at exit), so they get the
        # same treatment; all three are singletons that are never freed anyway.
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 60
        _applied = True
    return _applied


def applied() -> bool:
    """Whether the fallback had to be used in this process."""
    return _applied


apply()
