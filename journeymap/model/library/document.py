"""A library project open for editing: the interface of :class:`journeymap.model.document.Document`.

* Every edit is one server transaction. Each row carries a version; an edit names the
  version this client read (``UPDATE … WHERE row_version = v``), so an edit of a row
  someone changed since is refused with :class:`LibraryConflict` naming who and when,
  and nothing is overwritten silently. Undo is an edit like any other: undoing a change
  to a row someone changed since is refused the same way.
* Other clients' edits arrive by LISTEN/NOTIFY on a listener thread, which only records
  them and calls ``on_remote`` (from that thread); the owner then calls
  :meth:`LibraryDocument.refresh` on its own thread (the UI through a queued signal),
  which re-reads the changed rows and tells the listeners.
* Offline: while the server cannot be reached, edits are **refused** with a message
  (never queued: a queued edit could only be replayed against rows that others may
  have changed meanwhile); the listener thread reconnects every second and, once back,
  re-reads the whole project. ``on_status`` reports online/offline from that thread.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journeymap.model.edits import Edit
from journeymap.model.library.errors import LibraryConflict, LibraryError, LibraryOffline
from journeymap.model.library.projects import Library, checked_row, db_values, read_project
from journeymap.model.library.tables import (
    NOTIFY_CHANNEL,
    connect_raw,
    connection,
    row_tables,
)
from journeymap.model.sqlrows import COLUMNS
from journeymap.model.store import Change, Store

Listener = Callable[[list[Change]], None]
NOTIFY_LIMIT = 7000  # bytes; PostgreSQL's limit is 8000 — beyond it, "reload all"
RECONNECT_SECONDS = 1.0


def _when(ts: Any) -> str:
    try:
        return ts.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except (AttributeError, ValueError):
        return str(ts)


class LibraryDocument:
    """An open library project. ``store`` to read, :meth:`apply` to edit (one server
    transaction each), :meth:`refresh` to take in others' edits, :meth:`close` at the end."""

    def __init__(self, library: Library, project: str, *,
                 on_remote: Callable[[], None] | None = None,
                 on_status: Callable[[bool], None] | None = None,
                 listen: bool = True) -> None:
        self.library = library
        self.project = project
        self.client = secrets.token_hex(8)
        self.store, self._versions, self._project_version = library.read(project)
        self.read_only = not library.can_write()
        self.user = library.user()
        self.path: Path | None = None
        self.folder: Path | None = None
        self.on_remote = on_remote
        self.on_status = on_status
        self.online = True
        self.deleted = False
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._pending: set[tuple[str, str]] = set()
        self._reload_all = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._listening = threading.Event()
        if listen:
            self._thread = threading.Thread(target=self._listen, daemon=True,
                                            name=f"library-listener-{project}")
            self._thread.start()
            self._listening.wait(5)

    @classmethod
    def open(cls, url: str, project: str, *, password: str | None = None,
             **kw: Any) -> LibraryDocument:
        library = Library(url, password=password)
        try:
            return cls(library, project, **kw)
        except BaseException:
            library.close()
            raise

    # -- the Document interface --------------------------------------------------------------
    @property
    def ref(self) -> str:
        """``URL#PROJECT_ID`` (the password never included)."""
        return f"{self.library.shown_url}#{self.project}"

    @property
    def title(self) -> str:
        return self.store.project.title or self.project

    @property
    def dirty(self) -> bool:
        return False  # every edit is already on the server

    def mark_clean(self) -> None:
        pass

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def apply(self, edit: Edit) -> None:
        self.apply_changes(list(edit.changes))

    def save(self, path: Path | str | None = None) -> None:
        """Write the project to a .jmap file (the library copy stays as it is)."""
        if path is None:
            return  # nothing to save: every edit is on the server already
        from journeymap.model.document import write_store_file

        target = Path(path)
        if target.suffix.lower() != ".jmap":
            target = target.with_name(target.name + ".jmap")
        write_store_file(self.store, target)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(3)
        self.library.close()

    def working_store_from_disk(self) -> Store:
        """The project as the server has it now (tests compare it with :attr:`store`)."""
        return self.library.load_store(self.project)

    # -- editing ----------------------------------------------------------------------------------
    def apply_changes(self, changes: list[Change]) -> None:
        """Commit ``changes`` in one server transaction, then update the store and listeners.

        Raises :class:`LibraryConflict` (and re-reads the rows concerned, telling the
        listeners) when someone changed or removed a row since this client read it, and
        :class:`LibraryOffline` when the server cannot be reached; nothing is written."""
        if self.read_only:
            raise LibraryError("this library project is read-only for you (viewer rights)")
        if self.deleted:
            raise LibraryError("this project was deleted from the library")
        if not changes:
            return
        try:
            with connection(self.library.engine) as conn:
                versions = self._write(conn, changes)
        except LibraryConflict:
            self.refresh_rows({(c.table, c.id) for c in changes}
                              | {(c.table, c.before.id) for c in changes if c.before})
            raise
        except LibraryOffline:
            self._set_online(False)
            raise
        self._set_online(True)
        self._versions.update(versions)
        for key, v in versions.items():
            if v is None:
                self._versions.pop(key, None)
        self.store.apply(changes)
        self._notify_listeners(changes)

    def _write(self, conn: Any, changes: list[Change]) -> dict[tuple[str, str], Any]:
        from sqlalchemy import text
        from sqlalchemy.dialects.postgresql import insert

        lib = row_tables()
        p = self.project
        # Lock the project (edits of one project are serialised) and check it still exists.
        found = conn.execute(text(
            "UPDATE journeymap.projects SET version = version + 1, updated_at = now(), "
            "updated_by = current_user WHERE id = :p RETURNING version"), {"p": p}).scalar()
        if found is None:
            self.deleted = True
            raise LibraryConflict("this project was deleted from the library by someone "
                                  "else; the change was not made")
        versions: dict[tuple[str, str], Any] = dict()
        known = dict(self._versions)
        for ch in changes:
            t = lib[ch.table]
            removals = []
            if ch.after is None:
                removals.append(ch.id)
            elif ch.before is not None and ch.before.id != ch.after.id:
                removals.append(ch.before.id)
            for rid in removals:
                v = known.get((ch.table, rid))
                gone = conn.execute(t.delete().where(
                    t.c.project_id == p, t.c.id == rid, t.c.row_version == v)).rowcount
                if not gone:
                    self._conflict(conn, ch.table, rid, "removed")
                versions[(ch.table, rid)] = None
                known.pop((ch.table, rid), None)
            if ch.after is None:
                continue
            values = db_values(p, ch.after)
            key = (ch.table, ch.after.id)
            if ch.before is None or ch.before.id != ch.after.id:
                stmt = insert(t).values(**values).on_conflict_do_nothing().returning(
                    t.c.row_version)
                v = conn.execute(stmt).scalar()
                if v is None:
                    self._conflict(conn, ch.table, ch.after.id, "added")
            else:
                values.pop("project_id")
                values.pop("id")
                stmt = t.update().where(
                    t.c.project_id == p, t.c.id == ch.after.id,
                    t.c.row_version == known.get(key)).values(
                    **values, row_version=t.c.row_version + 1,
                    changed_by=text("current_user"), changed_at=text("now()")
                ).returning(t.c.row_version)
                v = conn.execute(stmt).scalar()
                if v is None:
                    self._conflict(conn, ch.table, ch.after.id, "changed")
            versions[key] = v
            known[key] = v
        keys = sorted({f"{c.table}\x1f{c.id}" for c in changes}
                      | {f"{c.table}\x1f{c.before.id}" for c in changes if c.before})
        payload = json.dumps({"p": p, "c": self.client, "rows": keys}, ensure_ascii=False)
        if len(payload.encode()) > NOTIFY_LIMIT:
            payload = json.dumps({"p": p, "c": self.client, "all": True})
        conn.execute(text("SELECT pg_notify(:c, :m)"), {"c": NOTIFY_CHANNEL, "m": payload})
        return versions

    def _conflict(self, conn: Any, table: str, rid: str, doing: str) -> None:
        """Raise the refusal for ``table``/``rid`` (the transaction is rolled back)."""
        t = row_tables()[table]
        now = conn.execute(t.select().with_only_columns(t.c.changed_by, t.c.changed_at)
                           .where(t.c.project_id == self.project, t.c.id == rid)).first()
        what = f"{table.replace('_', ' ')} {rid}"
        if now is None:
            from sqlalchemy import text

            last = conn.execute(text(
                "SELECT updated_by, updated_at FROM journeymap.projects WHERE id = :p"),
                {"p": self.project}).first()
            who = f" (the last change to the project: {last[0]}, {_when(last[1])})" \
                if last else ""
            raise LibraryConflict(f"{what} was removed by someone else{who}; your change "
                                  "was not made and your view was refreshed")
        if doing == "added":
            raise LibraryConflict(f"{what} was already added by {now[0]} at "
                                  f"{_when(now[1])}; your change was not made")
        raise LibraryConflict(f"{what} was changed by {now[0]} at {_when(now[1])} since you "
                              "read it; your change was not made and your view was refreshed")

    # -- others' edits ----------------------------------------------------------------------------
    def has_pending(self) -> bool:
        with self._lock:
            return bool(self._pending) or self._reload_all

    def refresh(self) -> list[Change]:
        """Take in the edits other clients made since the last refresh (reported by the
        listener thread); returns the changes applied to :attr:`store`. Call it on the
        thread that owns the document. Raises :class:`LibraryOffline` when unreachable."""
        with self._lock:
            pending, self._pending = self._pending, set()
            reload_all, self._reload_all = self._reload_all, False
        if reload_all:
            return self.reload()
        return self.refresh_rows(pending)

    def refresh_rows(self, keys: set[tuple[str, str]]) -> list[Change]:
        """Re-read the rows ``keys`` ((table, id) pairs) from the server."""
        if not keys:
            return []
        from sqlalchemy import select

        lib = row_tables()
        by_table: dict[str, list[str]] = {}
        for table, rid in keys:
            if table in lib:
                by_table.setdefault(table, []).append(rid)
        fresh: dict[tuple[str, str], tuple[Any, int]] = {}
        with connection(self.library.engine) as conn:
            for table, ids in by_table.items():
                t = lib[table]
                cols = [t.c[c] for c in COLUMNS[table]]
                for r in conn.execute(select(*cols, t.c.row_version).where(
                        t.c.project_id == self.project, t.c.id.in_(ids))):
                    fresh[(table, r[0])] = (checked_row(self.project, table,
                                                        tuple(r[:-1])), r[-1])
        changes = []
        for table, ids in by_table.items():
            for rid in ids:
                before = self.store.get(table, rid)
                got = fresh.get((table, rid))
                after = got[0] if got else None
                if got:
                    self._versions[(table, rid)] = got[1]
                else:
                    self._versions.pop((table, rid), None)
                if before != after:
                    changes.append(Change(table, rid, before, after))
        self._apply_remote(changes)
        return changes

    def reload(self) -> list[Change]:
        """Re-read the whole project (after a reconnection or a large remote edit)."""
        with connection(self.library.engine) as conn:
            store, versions, pv = read_project(conn, self.project, self.library.shown_url)
        changes = []
        for table, rows in store.tables.items():
            old = self.store.tables.get(table, {})
            for rid, row in rows.items():
                if old.get(rid) != row:
                    changes.append(Change(table, rid, old.get(rid), row))
            for rid, row in old.items():
                if rid not in rows:
                    changes.append(Change(table, rid, row, None))
        self._versions, self._project_version = versions, pv
        self._apply_remote(changes)
        return changes

    def _apply_remote(self, changes: list[Change]) -> None:
        if changes:
            self.store.apply(changes)
            self._notify_listeners(changes)

    def _notify_listeners(self, changes: list[Change]) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            if self.on_status is not None:
                self.on_status(online)

    # -- the listener thread ----------------------------------------------------------------------
    def _listen(self) -> None:
        first = True
        while not self._stop.is_set():
            try:
                conn = connect_raw(self.library.url, autocommit=True,
                                   password=self.library.password)
            except LibraryError:
                self._set_online(False)
                self._listening.set()
                self._stop.wait(RECONNECT_SECONDS)
                continue
            try:
                conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                if not first:
                    # Notifications were missed while away: re-read everything.
                    with self._lock:
                        self._reload_all = True
                    self._signal()
                first = False
                self._set_online(True)
                self._listening.set()
                while not self._stop.is_set():
                    # The timeout only bounds how long a close() waits for this thread.
                    for n in conn.notifies(timeout=0.25):
                        if self._take(n.payload):
                            self._signal()
                        if self._stop.is_set():
                            break
            except Exception:  # the connection broke (server restart, network)
                self._set_online(False)
                self._stop.wait(RECONNECT_SECONDS)
            finally:
                with contextlib.suppress(Exception):
                    conn.close()

    def _take(self, payload: str) -> bool:
        try:
            msg = json.loads(payload)
        except ValueError:
            return False
        if not isinstance(msg, dict) or msg.get("p") != self.project:
            return False
        if msg.get("deleted"):
            self.deleted = True
            return True
        if msg.get("c") == self.client:
            return False
        with self._lock:
            if msg.get("all"):
                self._reload_all = True
            for key in msg.get("rows", []):
                table, _, rid = str(key).partition("\x1f")
                self._pending.add((table, rid))
        return True

    def _signal(self) -> None:
        if self.on_remote is not None:
            with contextlib.suppress(Exception):
                self.on_remote()

    def wait_remote(self, timeout: float) -> bool:
        """Block until others' edits are pending (tests and benchmarks without a GUI)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.has_pending():
                return True
            time.sleep(0.005)
        return self.has_pending()
