"""Errors of the team library, each with a message for the user."""

from __future__ import annotations

from journeymap.model.sqlfile import DocumentError


class LibraryError(DocumentError):
    """A library operation was refused or failed; nothing was written."""


class LibraryOffline(LibraryError):
    """The server cannot be reached (or the connection broke); the edit was not made."""


class LibraryConflict(LibraryError):
    """Someone else changed or removed a row since this client read it."""
