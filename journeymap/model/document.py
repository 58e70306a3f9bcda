"""Opening, editing and saving .jmap files safely.

* Files from anyone are untrusted: :func:`check_file` identifies them (SQLite header,
  ``application_id``, ``user_version``, integrity) before anything reads a row, and
  opens them read-only, so a refused file is never modified.
* The open document is a **working copy** in the app's data folder; every edit is one
  committed transaction there; :meth:`Document.save` copies it to the user's path with
  the SQLite backup API into a temporary file beside the target, fsync, rename.
* A session folder per open document records the process id and the user's path: a
  dead process's folder with unsaved changes is offered for recovery, and a live one's
  path is "open in another instance".
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import sqlite3
import stat
import struct
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from journeymap.model.edits import Edit
from journeymap.model.sqlrows import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    create_schema,
    delete_sql,
    insert_sql,
    read_rows,
    row_to_db,
    write_rows,
)
from journeymap.model.store import Change, Store

SQLITE_MAGIC = b"SQLite format 3\x00"
# Read once, at import (single-threaded): os.umask can only be read by setting it.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
Listener = Callable[[list[Change]], None]


class DocumentError(Exception):
    """A file cannot be opened or written; the message is for the user, one line."""


# -- identifying files ------------------------------------------------------------------------
@dataclass(frozen=True)
class FileInfo:
    path: Path
    version: int


def _display(path: Path | str) -> str:
    return str(path)


def check_file(path: Path | str) -> FileInfo:
    """Make sure ``path`` is a readable journeymap file this version understands.

    Raises :class:`DocumentError` with a clear message otherwise. Reads only."""
    path = Path(path)
    name = _display(path)
    try:
        with open(path, "rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        raise DocumentError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise DocumentError(f"{name} is a folder, not a journeymap project") from None
    except PermissionError:
        raise DocumentError(f"{name} cannot be read: permission denied") from None
    except OSError as e:
        raise DocumentError(f"{name} cannot be read: {e.strerror or e}") from None
    if size == 0:
        raise DocumentError(f"{name} is empty: not a journeymap project")
    if not header.startswith(SQLITE_MAGIC):
        raise DocumentError(f"{name} is not a journeymap project (not an SQLite database)")
    if len(header) < 100:
        raise DocumentError(f"{name} is damaged: the file is truncated")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", header[28:32])[0]
    change_counter, valid_for = header[24:28], header[92:96]
    if page_size and pages and change_counter == valid_for and size < pages * page_size:
        raise DocumentError(f"{name} is damaged: the file is truncated "
                            f"({size:,} of {pages * page_size:,} bytes)")
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as e:
        raise DocumentError(f"{name} is damaged: {e}") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DocumentError(f"{name} is an SQLite database of another application, "
                                "not a journeymap project")
        if version > SCHEMA_VERSION:
            raise DocumentError(
                f"{name} was written by a newer version of journeymap (file version "
                f"{version}; this version reads up to {SCHEMA_VERSION}). Update journeymap "
                "to open it; the file was not changed")
        if version < 1:
            raise DocumentError(f"{name} is damaged: unknown file version {version}")
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if result != "ok":
            raise DocumentError(f"{name} is damaged: {result}")
    except sqlite3.DatabaseError as e:
        raise DocumentError(f"{name} is damaged: {e}") from None
    finally:
        conn.close()
    return FileInfo(path, version)


def _connect_ro(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _read_store(conn: sqlite3.Connection, name: str) -> Store:
    try:
        return Store(read_rows(conn))
    except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as e:
        raise DocumentError(f"{name} is damaged: its content is not valid ({e})") from None


def load_store(path: Path | str) -> Store:
    """Read a project without opening it for editing (CLI: info, validate, export)."""
    info = check_file(path)
    if info.version < SCHEMA_VERSION:
        # Upgrade a private copy; the user's file is never touched by a read.
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "upgrade.jmap"
            _backup(_connect_ro(info.path), copy)
            conn = sqlite3.connect(copy, isolation_level=None)
            try:
                from journeymap.model.schema import upgrade

                upgrade(conn, info.version)
                return _read_store(conn, _display(path))
            finally:
                conn.close()
    conn = _connect_ro(info.path)
    try:
        return _read_store(conn, _display(path))
    finally:
        conn.close()


# -- writing files atomically -------------------------------------------------------------------
def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(path: Path, e: OSError) -> DocumentError:
    if isinstance(e, PermissionError):
        return DocumentError(f"cannot write {path}: permission denied")
    if isinstance(e, FileNotFoundError):
        return DocumentError(f"cannot write {path}: the folder does not exist")
    if getattr(e, "errno", None) == 28:
        return DocumentError(f"cannot write {path}: the disk is full")
    return DocumentError(f"cannot write {path}: {e.strerror or e}")


@contextlib.contextmanager
def atomic_path(target: Path | str, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success fsync it and rename it over
    ``target``; on any error remove it, leaving ``target`` as it was.

    A symbolic link is followed, as Save does: the file it points to is replaced (the
    temporary file goes beside that file) and the link stays a link."""
    shown = Path(target)
    target = Path(os.path.realpath(shown))
    if target.is_dir():
        raise DocumentError(f"cannot write {shown}: it is a folder")
    if target.exists() and not target.is_file():
        # Renaming over a device or pipe would replace it (as root, even /dev/null).
        raise DocumentError(f"cannot write {shown}: it is not a regular file "
                            "(a device, pipe or socket)")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix,
                                        dir=target.parent)
        os.close(fd)
    except OSError as e:
        raise _write_error(shown, e) from None
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600); give it the mode a new file would get
        # (or the mode of the file it replaces), so a saved project stays shareable.
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            mode = 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise _write_error(shown, e) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _backup(src: sqlite3.Connection, dest: Path) -> None:
    """Copy database ``src`` into file ``dest`` as one self-contained file."""
    out = sqlite3.connect(dest, isolation_level=None)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        out.close()


def _init_file(conn: sqlite3.Connection, store: Store) -> None:
    conn.execute("BEGIN")
    create_schema(conn)
    write_rows(conn, store.all_rows())
    conn.execute("INSERT INTO meta (key, value) VALUES ('created_by', 'journeymap')")
    conn.execute("COMMIT")


def write_store_file(store: Store, path: Path | str) -> None:
    """Write a complete project to ``path`` atomically (replacing any file there)."""
    with atomic_path(path) as tmp:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            _init_file(conn, store)
        finally:
            conn.close()


# -- sessions (working copies) ------------------------------------------------------------------
def data_dir() -> Path:
    """Where working copies live (``JOURNEYMAP_DATA_DIR`` overrides, for tests)."""
    override = os.environ.get("JOURNEYMAP_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("journeymap", appauthor=False))


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Session:
    """A working copy folder: ``project.jmap`` and ``session.json``."""

    folder: Path
    pid: int
    host: str
    path: str | None
    dirty: bool
    started: float
    title: str = ""

    @property
    def working_copy(self) -> Path:
        return self.folder / "project.jmap"

    @property
    def alive(self) -> bool:
        return self.host == socket.gethostname() and _pid_alive(self.pid)


def _read_session(folder: Path) -> Session | None:
    try:
        meta = json.loads((folder / "session.json").read_text("utf-8"))
        return Session(folder, int(meta["pid"]), str(meta["host"]), meta.get("path"),
                       bool(meta.get("dirty")), float(meta.get("started", 0)),
                       str(meta.get("title", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def sessions() -> list[Session]:
    root = data_dir() / "sessions"
    if not root.is_dir():
        return []
    found = [_read_session(f) for f in sorted(root.iterdir()) if f.is_dir()]
    return [s for s in found if s is not None]


def recoverable_sessions() -> list[Session]:
    """Working copies with unsaved changes whose process is gone (newest first)."""
    out = [s for s in sessions() if not s.alive and s.dirty and s.working_copy.exists()]
    return sorted(out, key=lambda s: -s.started)


def prune_sessions() -> int:
    """Delete the working copies of dead processes that hold nothing unsaved (a process
    killed right after saving, say); returns how many were removed."""
    removed = 0
    for s in sessions():
        if not s.alive and not s.dirty:
            shutil.rmtree(s.folder, ignore_errors=True)
            removed += 1
    return removed


def open_elsewhere(path: Path | str) -> Session | None:
    """The live session of another process that has ``path`` open, if any."""
    key = str(Path(path).resolve())
    for s in sessions():
        if s.path == key and s.alive and s.pid != os.getpid():
            return s
    return None


def discard_session(session: Session) -> None:
    shutil.rmtree(session.folder, ignore_errors=True)


# -- the document -------------------------------------------------------------------------------
class Document:
    """An open project: ``store`` to read, :meth:`apply` to edit, :meth:`save` to keep."""

    def __init__(self, folder: Path, store: Store, path: Path | None, *,
                 read_only: bool = False, dirty: bool = False) -> None:
        self.folder = folder
        self.store = store
        self.path = path
        self.read_only = read_only
        self._dirty = dirty
        self._listeners: list[Listener] = []
        self._conn = sqlite3.connect(folder / "project.jmap", isolation_level=None,
                                     check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._write_session()

    # construction
    @staticmethod
    def _new_folder() -> Path:
        folder = data_dir() / "sessions" / f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
        try:
            folder.mkdir(parents=True)
        except OSError as e:
            raise DocumentError(f"cannot create the working copy in {folder.parent}: "
                                f"{e.strerror or e}") from None
        return folder

    @classmethod
    def new(cls, store: Store) -> Document:
        """An untitled document holding ``store`` (e.g. from a template)."""
        folder = cls._new_folder()
        conn = sqlite3.connect(folder / "project.jmap", isolation_level=None)
        try:
            _init_file(conn, store)
        finally:
            conn.close()
        return cls(folder, store.copy(), None, dirty=False)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Document:
        """Open a .jmap file for editing (a working copy of it).

        Raises DocumentError for damaged, foreign or newer files; the file is only read.
        If another live process has it open, the document is read-only."""
        path = Path(path).resolve()
        info = check_file(path)
        if open_elsewhere(path) is not None:
            read_only = True
        folder = cls._new_folder()
        try:
            src = _connect_ro(path)
            try:
                _backup(src, folder / "project.jmap")
            finally:
                src.close()
            conn = sqlite3.connect(folder / "project.jmap", isolation_level=None)
            try:
                if info.version < SCHEMA_VERSION:
                    from journeymap.model.schema import upgrade

                    upgrade(conn, info.version)
                store = _read_store(conn, str(path))
            finally:
                conn.close()
        except (sqlite3.Error, OSError, DocumentError) as e:
            shutil.rmtree(folder, ignore_errors=True)
            if isinstance(e, DocumentError):
                raise
            raise DocumentError(f"{path} cannot be opened: {e}") from None
        return cls(folder, store, path, read_only=read_only)

    @classmethod
    def recover(cls, session: Session) -> Document:
        """Take over the working copy of a crashed session (unsaved changes kept)."""
        conn = sqlite3.connect(session.working_copy, isolation_level=None)
        try:
            store = _read_store(conn, str(session.working_copy))
        finally:
            conn.close()
        path = Path(session.path) if session.path else None
        return cls(session.folder, store, path, dirty=True)

    # state
    @property
    def dirty(self) -> bool:
        """True when there are changes not saved to the user's file."""
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self._write_session()

    def mark_clean(self) -> None:
        self._set_dirty(False)

    def _write_session(self) -> None:
        meta = {"pid": os.getpid(), "host": socket.gethostname(),
                "path": str(self.path) if self.path else None, "dirty": self._dirty,
                "started": time.time(), "title": self.store.project.title}
        tmp = self.folder / "session.json.tmp"
        with contextlib.suppress(OSError):
            tmp.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            os.replace(tmp, self.folder / "session.json")

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    # editing
    def apply(self, edit: Edit) -> None:
        self.apply_changes(list(edit.changes))

    def apply_changes(self, changes: list[Change]) -> None:
        """Commit ``changes`` in one transaction, then update the store and listeners."""
        if self.read_only:
            raise DocumentError("this project is open read-only")
        if not changes:
            return
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for ch in changes:
                if ch.after is None:
                    conn.execute(delete_sql(ch.table), (ch.id,))
                else:
                    if ch.before is not None and ch.before.id != ch.after.id:
                        conn.execute(delete_sql(ch.table), (ch.before.id,))
                    conn.execute(insert_sql(ch.table), row_to_db(ch.after))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self.store.apply(changes)
        self._set_dirty(True)
        for listener in list(self._listeners):
            listener(changes)

    # saving
    def save(self, path: Path | str | None = None) -> None:
        """Write the project to ``path`` (default: its own path) atomically."""
        target = Path(path).resolve() if path is not None else self.path
        if target is None:
            raise DocumentError("choose where to save this project")
        if target.suffix.lower() != ".jmap":
            target = target.with_name(target.name + ".jmap")
        other = open_elsewhere(target)
        if other is not None and target != self.path:
            raise DocumentError(f"{target} is open in another journeymap window; close it there first")
        self._conn.execute("PRAGMA wal_checkpoint(FULL)")
        with atomic_path(target) as tmp:
            _backup(self._conn, tmp)
        self.path = target
        self.read_only = False
        self._dirty = False
        self._write_session()

    def close(self) -> None:
        """Close the working copy and delete it (call after saving or discarding)."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def working_store_from_disk(self) -> Store:
        """Re-read the working copy (tests compare it with :attr:`store`)."""
        return Store(read_rows(self._conn))


__all__ = [
    "Document", "DocumentError", "FileInfo", "Session", "atomic_path", "check_file",
    "data_dir", "discard_session", "load_store", "open_elsewhere", "prune_sessions",
    "recoverable_sessions",
    "sessions", "write_store_file",
]
