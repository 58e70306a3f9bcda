"""Opening, editing and saving .jmap files safely (docs/file-format.md).

* Files from anyone are untrusted: :mod:`journeymap.model.sqlfile` identifies them,
  reads only the known tables and columns through a hardened read-only connection and
  checks every row as the JSON import does; nothing in the file is executed or kept.
* The open document is a **working copy** in the app's data folder, built from the
  app's own schema and the checked rows; every edit is one committed transaction there;
  :meth:`Document.save` copies it to the user's path with the SQLite backup API into a
  temporary file beside the target, fsync, rename.
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
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from journeymap.model.edits import Edit

try:
    import fcntl  # advisory locks tell a killed writer's temporary file from a live one
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
from journeymap.model.sqlfile import (
    DocumentError,
    check_header,
    connect_untrusted,
    harden,
    identify,
    read_contents,
    read_file,
    refusal,
)
from journeymap.model.sqlrows import (
    SCHEMA_VERSION,
    create_indexes,
    create_schema,
    delete_sql,
    insert_sql,
    read_rows,
    row_to_db,
    write_rows,
)
from journeymap.model.store import Change, Store

# Read once, at import (single-threaded): os.umask can only be read by setting it.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
Listener = Callable[[list[Change]], None]


# -- identifying and reading files ---------------------------------------------------------------
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
    check_header(path)
    try:
        with connect_untrusted(path, time.monotonic() + 20) as conn:
            return FileInfo(path, identify(conn, _display(path)))
    except sqlite3.Error as e:
        raise DocumentError(f"{_display(path)} is damaged: {str(e)[:200]}") from None


def load_store(path: Path | str) -> Store:
    """Read a project without opening it for editing (CLI: info, validate, export).

    Foreign objects in the file are ignored; any invalid row refuses the file."""
    contents = read_file(path)
    if contents.problems:
        raise refusal(_display(path), contents)
    return contents.store()


def validate_file(path: Path | str) -> list[str]:
    """Everything wrong with a .jmap file, one line each: invalid rows, then each foreign
    object (which opening ignores and saving drops). Empty: the file is as journeymap
    writes it. Raises :class:`DocumentError` when the file is refused as a whole."""
    contents = read_file(path)
    out = [str(p) for p in contents.problems]
    out += [f"{f}: not part of a journeymap project; never run, and not kept when the "
            "project is saved" for f in contents.foreign]
    return out


# -- writing files atomically -------------------------------------------------------------------
def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(path: Path, e: OSError | sqlite3.Error) -> DocumentError:
    if isinstance(e, sqlite3.Error):
        return DocumentError(f"cannot write {path}: {_sqlite_reason(e, path.parent)}")
    if isinstance(e, PermissionError):
        return DocumentError(f"cannot write {path}: permission denied")
    if isinstance(e, FileNotFoundError):
        return DocumentError(f"cannot write {path}: the folder does not exist")
    if getattr(e, "errno", None) in (28, 122):  # ENOSPC, EDQUOT
        return DocumentError(f"cannot write {path}: the disk is full")
    return DocumentError(f"cannot write {path}: {e.strerror or e}")


def _disk_nearly_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 1024 * 1024


def _sqlite_reason(e: sqlite3.Error, folder: Path | None = None) -> str:
    """SQLite's error as the user's reason (disk full, quota, I/O), without jargon.

    A full disk does not always say so: growing the -shm of a WAL database reports
    SQLITE_IOERR_SHMSIZE, so an I/O error on a nearly full disk is called full."""
    code = getattr(e, "sqlite_errorcode", None)
    text = str(e).lower()
    if code == 13 or "full" in text:  # SQLITE_FULL (quotas also end up here)
        return "the disk is full"
    if code is not None and code & 0xFF == 10 or "i/o" in text:  # SQLITE_IOERR_*
        if _disk_nearly_full(folder):
            return "the disk is full"
        return "a disk error occurred (input/output error)"
    if code == 8 or "readonly" in text or "read-only" in text:
        return "the file or folder is read-only"
    return str(e)[:200]


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
    _remove_stale_temporaries(target, suffix)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix,
                                        dir=target.parent)
    except OSError as e:
        raise _write_error(shown, e) from None
    # While this writer lives it holds a lock on its temporary file; a later writer that
    # can take the lock knows this one was killed and removes what it left.
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
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
    except (OSError, sqlite3.Error) as e:
        _remove_with_side_files(tmp)
        raise _write_error(shown, e) from None
    except BaseException:
        _remove_with_side_files(tmp)
        raise
    finally:
        os.close(fd)


STALE_TEMPORARY_AGE = 3600.0  # seconds; no write of a project takes nearly this long


def _remove_stale_temporaries(target: Path, suffix: str) -> None:
    """Remove what an earlier writer of ``target``, killed between copy and rename, left
    beside it (``.<name>.<random><suffix>`` and its journal), once it is old enough that
    no live writer can still be filling it."""
    now = time.time()
    with contextlib.suppress(OSError):
        for p in target.parent.glob(f".{glob_escape(target.name)}.*{suffix}"):
            with contextlib.suppress(OSError):
                if not p.is_file():
                    continue
                if fcntl is None:   # no advisory locks (Windows): only clearly old ones
                    if now - p.stat().st_mtime > STALE_TEMPORARY_AGE:
                        _remove_with_side_files(p)
                    continue
                fd = os.open(p, os.O_RDONLY)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    _remove_with_side_files(p)   # its writer died: nobody holds the lock
                except BlockingIOError:
                    pass                         # its writer is alive and still filling it
                finally:
                    os.close(fd)


def _remove_with_side_files(path: Path) -> None:
    for p in (path, *(Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            p.unlink()


def _backup(src: sqlite3.Connection, dest: Path) -> None:
    """Copy database ``src`` into file ``dest`` as one self-contained file."""
    out = sqlite3.connect(dest, isolation_level=None)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        out.close()


def _init_file(conn: sqlite3.Connection, store: Store, upgraded_from: int | None = None
               ) -> None:
    """Fill an empty database: the app's own schema, then the rows (nothing else)."""
    conn.execute("BEGIN")
    create_schema(conn, indexes=False)  # bulk load first, then index: faster
    write_rows(conn, store.all_rows(), replace=False)
    create_indexes(conn)
    conn.execute("INSERT INTO meta (key, value) VALUES ('created_by', 'journeymap')")
    if upgraded_from is not None:
        conn.execute("INSERT INTO meta (key, value) VALUES ('upgraded_from', ?)",
                     (str(upgraded_from),))
    conn.execute("COMMIT")


def _build_file(path: Path, store: Store, upgraded_from: int | None = None) -> None:
    """Write a new, complete file at ``path`` (a fresh temporary or working-copy path:
    a crash leaves a file nobody uses, so no journal and no sync; callers that rename
    it into place fsync it first)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        _init_file(conn, store, upgraded_from)
    finally:
        conn.close()


def write_store_file(store: Store, path: Path | str) -> None:
    """Write a complete project to ``path`` atomically (replacing any file there)."""
    with atomic_path(path) as tmp:
        _build_file(tmp, store)


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


def _remove_stale_save(folder: Path) -> None:
    """Remove the temporary file a crashed save left beside its target, if it is ours
    (named ``.<target>.<random>.tmp`` by :func:`atomic_path`), and its journal."""
    record = folder / "saving.json"
    try:
        tmp = Path(json.loads(record.read_text("utf-8"))["tmp"])
    except (OSError, ValueError, KeyError, TypeError):
        return
    if tmp.name.startswith(".") and tmp.name.endswith(".tmp"):
        _remove_with_side_files(tmp)
    record.unlink(missing_ok=True)


def prune_sessions() -> int:
    """Delete the working copies of dead processes that hold nothing unsaved (a process
    killed right after saving, say) and the temporary files of their interrupted saves;
    returns how many working copies were removed."""
    removed = 0
    for s in sessions():
        if not s.alive:
            _remove_stale_save(s.folder)
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
            # Owned from the start: if this process dies while the working copy is being
            # built, the next start sees a dead, clean session and removes the folder.
            (folder / "session.json").write_text(json.dumps(
                {"pid": os.getpid(), "host": socket.gethostname(), "path": None,
                 "dirty": False, "started": time.time()}), "utf-8")
        except OSError as e:
            shutil.rmtree(folder, ignore_errors=True)
            raise DocumentError(f"cannot create the working copy in {folder.parent}: "
                                f"{e.strerror or e}") from None
        return folder

    @classmethod
    def new(cls, store: Store) -> Document:
        """An untitled document holding ``store`` (e.g. from a template)."""
        folder = cls._new_folder()
        try:
            _build_file(folder / "project.jmap", store)
        except (sqlite3.Error, OSError) as e:
            shutil.rmtree(folder, ignore_errors=True)
            raise DocumentError(f"cannot create the working copy in {folder.parent}: "
                                f"{_reason(e)}") from None
        return cls(folder, store.copy(), None, dirty=False)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Document:
        """Open a .jmap file for editing (a working copy of it).

        Raises DocumentError for damaged, foreign or newer files and for files with an
        invalid row; the file is only read. Foreign objects in the file (triggers, views,
        other tables, extra columns) are neither run nor copied. If another live process
        has it open, the document is read-only."""
        path = Path(path).resolve()
        contents = read_file(path)
        if contents.problems:
            raise refusal(str(path), contents)
        store = contents.store()
        if open_elsewhere(path) is not None:
            read_only = True
        folder = cls._new_folder()
        try:
            upgraded = contents.version if contents.version < SCHEMA_VERSION else None
            _build_file(folder / "project.jmap", store, upgraded)
            return cls(folder, store, path, read_only=read_only)
        except (sqlite3.Error, OSError) as e:
            shutil.rmtree(folder, ignore_errors=True)
            raise DocumentError(f"{path} cannot be opened: the working copy in "
                                f"{folder.parent} cannot be written ({_reason(e)})") from None

    @classmethod
    def recover(cls, session: Session) -> Document:
        """Take over the working copy of a crashed session (unsaved changes kept).

        The working copy's rows (its -wal included) are read and checked like any file,
        then the working copy is rebuilt from them with the app's schema, so nothing but
        journeymap's own tables survives even in a copy made by an older version."""
        wc = session.working_copy
        name = str(wc)
        try:
            conn = sqlite3.connect(wc, isolation_level=None)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                harden(conn, time.monotonic() + 20)
                contents = read_contents(conn, name)
            finally:
                conn.close()
            if contents.problems:
                raise refusal(name, contents)
            store = contents.store()
            fresh = session.folder / "project.jmap.rebuild"
            fresh.unlink(missing_ok=True)
            _build_file(fresh, store)
            with open(fresh, "rb+") as f:
                os.fsync(f.fileno())
            for side in ("-wal", "-shm"):  # checkpointed above: nothing left in them
                Path(f"{wc}{side}").unlink(missing_ok=True)
            os.replace(fresh, wc)
        except (sqlite3.Error, OSError) as e:
            raise DocumentError(f"the unsaved work in {session.folder} cannot be recovered: "
                                f"{_reason(e)}") from None
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
        try:
            conn.execute("BEGIN IMMEDIATE")
            for ch in changes:
                if ch.after is None:
                    conn.execute(delete_sql(ch.table), (ch.id,))
                else:
                    if ch.before is not None and ch.before.id != ch.after.id:
                        conn.execute(delete_sql(ch.table), (ch.before.id,))
                    conn.execute(insert_sql(ch.table), row_to_db(ch.after))
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            # Disk full, quota, I/O error: nothing changed (SQLite may already have rolled
            # back, so only roll back an open transaction; no "cannot rollback").
            self._rollback()
            raise DocumentError(f"the change could not be recorded: {_reason(e, self.folder)}. "
                                "Nothing was changed; free some space and try again") from None
        except BaseException:
            self._rollback()
            raise
        self.store.apply(changes)
        self._set_dirty(True)
        for listener in list(self._listeners):
            listener(changes)

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

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
        try:
            self._conn.execute("PRAGMA wal_checkpoint(FULL)")
        except sqlite3.Error as e:
            raise DocumentError(f"cannot write {target}: {_reason(e, self.folder)}") from None
        record = self.folder / "saving.json"
        try:
            with atomic_path(target) as tmp:
                # Remembered until the rename: a crash here leaves the temporary file
                # beside the target, and the next start removes it (prune_sessions).
                with contextlib.suppress(OSError):
                    record.write_text(json.dumps({"tmp": str(tmp)}), "utf-8")
                _backup(self._conn, tmp)
        finally:
            with contextlib.suppress(OSError):
                record.unlink(missing_ok=True)
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


def _reason(e: BaseException, folder: Path | None = None) -> str:
    if isinstance(e, sqlite3.Error):
        return _sqlite_reason(e, folder)
    if isinstance(e, OSError):
        if e.errno in (28, 122):
            return "the disk is full"
        return str(e.strerror or e)
    return str(e)


__all__ = [
    "Document", "DocumentError", "FileInfo", "Session", "atomic_path", "check_file",
    "data_dir", "discard_session", "load_store", "open_elsewhere", "prune_sessions",
    "recoverable_sessions", "validate_file",
    "sessions", "write_store_file",
]
