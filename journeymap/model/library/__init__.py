"""The team library: projects kept in one PostgreSQL database (docs/library.md).

Qt-free. The tables are those of the .jmap file (:mod:`journeymap.model.schema`, read
generically), each with a project id, a row version for optimistic concurrency and who
changed the row when. Needs the optional extra ``journeymap[library]`` (psycopg 3);
:func:`missing_support` says what is missing without importing it.
"""

from __future__ import annotations

import importlib.util

from journeymap.model.library.errors import (
    LibraryConflict,
    LibraryError,
    LibraryOffline,
)

__all__ = ["LibraryConflict", "LibraryError", "LibraryOffline", "is_library_ref",
           "missing_support", "split_ref"]

SCHEMES = ("postgresql://", "postgres://")


def missing_support() -> str | None:
    """Why the library cannot be used in this installation, or None when it can."""
    if importlib.util.find_spec("psycopg") is None:
        return ("the team library needs the PostgreSQL driver: install journeymap with "
                "the library extra (pip install 'journeymap[library]')")
    return None


def is_library_ref(text: str) -> bool:
    """True for a PostgreSQL URL (``postgresql://…``), with or without ``#PROJECT_ID``."""
    return text.startswith(SCHEMES)


def split_ref(ref: str) -> tuple[str, str | None]:
    """``URL#ID`` → (URL, ID); a URL without ``#`` gives (URL, None)."""
    url, sep, project = ref.partition("#")
    return url, (project or None) if sep else None
