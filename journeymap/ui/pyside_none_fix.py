"""Work around a PySide6 6.12 refcount bug on Python 3.11 (applied on import).

The abi3 wheels of PySide6/shiboken6 6.12 return ``None`` from every C++ ``void``
method without taking a reference (fine on Python ≥ 3.12, where None is immortal).
On 3.11 each such call (``painter.setPen``, ``label.setText``, …) drops one reference
to None; after a few thousand calls its count reaches zero and the interpreter aborts
with "Fatal Python error: none_dealloc". Painting one journey map makes thousands.

We detect the bug (100 calls of a void method, compare ``sys.getrefcount(None)``)
and, if present, give None (and True and False) a practically endless reference count — what Python 3.12
does by design. Nothing happens on 3.12+ or on a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

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


def apply() -> bool:
    """Make None effectively immortal if PySide6 leaks it; True when applied."""
    global _applied
    if not _applied and leaks_none():
        # ob_refcnt is the first field of every PyObject (non-debug CPython builds).
        # True and False suffer from the same borrowed-reference returns in some
        # bool paths of these wheels (seen as "bool_dealloc" at exit), so they get the
        # same treatment; all three are singletons that are never freed anyway.
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 60
        _applied = True
    return _applied


apply()
