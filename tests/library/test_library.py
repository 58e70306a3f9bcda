"""The team library against a real PostgreSQL server: schema, roles, publish and fetch,
concurrent editing, faults. No mocks."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from journeymap.model.document import load_store, write_store_file
from journeymap.model.edits import add_pain_point, delete, set_fields
from journeymap.model.jsonio import dumps_project
from journeymap.model.library import LibraryConflict, LibraryError
from journeymap.model.library.document import LibraryDocument
from journeymap.model.library.projects import Library
from journeymap.model.library.tables import LIBRARY_VERSION, connection, upgrade
from journeymap.model.templates import LANGUAGES, list_templates, load_template


def _count(url: str, sql: str) -> int:
    lib = Library(url, check=False)
    try:
        with connection(lib.engine) as conn:
            return int(conn.execute(text(sql)).scalar() or 0)
    finally:
        lib.close()


def _first_touchpoint(store) -> str:
    return next(iter(store.tables["touchpoint"]))


def test_init_twice_is_idempotent_and_creates_the_roles(pg_cluster, library_url):
    before, after = Library.init(library_url)
    assert (before, after) == (LIBRARY_VERSION, LIBRARY_VERSION)
    roles = pg_cluster.psql("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles "
                            "WHERE rolname LIKE 'journeymap_%'")
    assert roles == "journeymap_editor,journeymap_viewer"
    with Library(library_url) as lib:
        assert lib.projects() == []


def test_upgrade_from_library_version_1_keeps_the_projects(pg_cluster):
    url = pg_cluster.url(db=pg_cluster.fresh_db("lib_upgrade"))
    lib = Library(url, check=False)
    with connection(lib.engine) as conn:
        assert upgrade(conn, url, target=1) == (0, 1)
    with connection(lib.engine) as conn:  # a version-1 library with one project in it
        cols = {r[0] for r in conn.execute(text(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "'journeymap' AND table_name = 'touchpoint'"))}
        assert "changed_by" not in cols and "row_version" in cols
        conn.execute(text("INSERT INTO journeymap.projects (id) VALUES ('old')"))
        conn.execute(text("INSERT INTO journeymap.project (project_id, id, title) "
                          "VALUES ('old', 'project', 'Old project')"))
        conn.execute(text("INSERT INTO journeymap.journey (project_id, id, name) "
                          "VALUES ('old', 'j1', 'Journey')"))
    lib.close()
    with pytest.raises(LibraryError, match="older schema.*library init"):
        Library(url)
    assert Library.init(url) == (1, LIBRARY_VERSION)
    with Library(url) as lib:
        [entry] = lib.projects()
        assert (entry.id, entry.title, entry.updated_by) == ("old", "Old project", "postgres")
        store = lib.load_store("old")
        assert store.journey("j1").name == "Journey"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_publish_fetch_round_trip_of_every_template(library_url, tmp_path: Path, lang):
    with Library(library_url) as lib:
        for name in list_templates():
            store = load_template(name, lang)
            source = tmp_path / f"{name}.{lang}.jmap"
            write_store_file(store, source)
            project = lib.publish(load_store(source))
            fetched = tmp_path / f"{name}.{lang}.fetched.jmap"
            lib.fetch(project, fetched)
            assert dumps_project(load_store(fetched)) == dumps_project(load_store(source))
            assert load_store(fetched) == load_store(source)
        listed = {e.title for e in lib.projects()}
        assert listed == {load_template(n, lang).project.title for n in list_templates()}


def test_remembered_survey_pairings_go_through_the_library(library_url, tmp_path: Path):
    from journeymap.model.edits import remember_survey_labels

    store = load_template("b2b-procurement", "en")
    store.apply(remember_survey_labels(store, "enterprise",
                                       {"Delivery to plant store": "t_ent_delivery"}).changes)
    with Library(library_url) as lib:
        project = lib.publish(store)
        fetched = tmp_path / "fetched.jmap"
        lib.fetch(project, fetched)
    again = load_store(fetched)
    assert again == store
    assert [(r.label, r.touchpoint) for r in again.tables["survey_label"].values()] == [
        ("Delivery to plant store", "t_ent_delivery")]


def test_delete_removes_every_row(library_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "en"))
        assert _count(library_url, "SELECT count(*) FROM journeymap.touchpoint") > 0
        lib.delete(project)
        assert lib.projects() == []
        with pytest.raises(LibraryError, match="no project"):
            lib.delete(project)
    assert _count(library_url, "SELECT count(*) FROM journeymap.touchpoint") == 0


def test_edit_conflict_names_who_and_nothing_is_overwritten(library_url, user_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "en"))
    alice = LibraryDocument.open(user_url("alice"), project)
    bob = LibraryDocument.open(user_url("bob"), project)
    try:
        tp = _first_touchpoint(alice.store)
        alices_edit = set_fields(alice.store, "touchpoint", tp, title="Alice's title")
        alice.apply(alices_edit)
        with pytest.raises(LibraryConflict, match=r"changed by alice at \d{4}-\d\d-\d\d"):
            bob.apply(set_fields(bob.store, "touchpoint", tp, title="Bob's title"))
        # Bob's view was refreshed with Alice's edit; his next edit goes through.
        assert bob.store.touchpoint(tp).title == "Alice's title"
        bob.apply(set_fields(bob.store, "touchpoint", tp, title="Bob's title"))
        assert bob.working_store_from_disk().touchpoint(tp).title == "Bob's title"
        # Undoing Alice's edit would overwrite Bob's: refused, naming Bob.
        with pytest.raises(LibraryConflict, match="changed by bob"):
            alice.apply(alices_edit.inverse())
        assert alice.store.touchpoint(tp).title == "Bob's title"
        assert alice.working_store_from_disk().touchpoint(tp).title == "Bob's title"
    finally:
        alice.close()
        bob.close()


def test_undo_of_own_edit_works(library_url, user_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "en"))
    alice = LibraryDocument.open(user_url("alice"), project, listen=False)
    try:
        tp = _first_touchpoint(alice.store)
        edit = add_pain_point(alice.store, tp, "Slow quotes", severity=5)
        alice.apply(edit)
        alice.apply(edit.inverse())
        alice.apply(edit)
        d = delete(alice.store, "touchpoint", [tp])
        alice.apply(d)
        alice.apply(d.inverse())
        assert alice.working_store_from_disk() == alice.store
    finally:
        alice.close()


def test_other_client_sees_an_edit_within_a_second(library_url, user_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "ja"))
    seen = threading.Event()
    alice = LibraryDocument.open(user_url("alice"), project)
    bob = LibraryDocument.open(user_url("bob"), project, on_remote=seen.set)
    try:
        got = []
        bob.add_listener(got.append)
        tp = _first_touchpoint(alice.store)
        start = time.monotonic()
        alice.apply(set_fields(alice.store, "touchpoint", tp, title="新しいタイトル"))
        assert seen.wait(1.0)
        changes = bob.refresh()
        assert time.monotonic() - start < 1.0
        assert bob.store.touchpoint(tp).title == "新しいタイトル"
        assert [c.id for c in changes] == [tp] and got == [changes]
    finally:
        alice.close()
        bob.close()


def test_viewer_cannot_write(library_url, user_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("blank", "en"))
    victor = LibraryDocument.open(user_url("victor"), project, listen=False)
    try:
        assert victor.read_only
        with pytest.raises(LibraryError, match="read-only"):
            victor.apply(set_fields(victor.store, "project", "project", title="Mine"))
    finally:
        victor.close()
    with Library(user_url("victor")) as lib, pytest.raises(LibraryError, match="refused"):
        lib.publish(load_template("blank", "en"))
    with Library(library_url) as lib:
        assert [e.title for e in lib.projects()] == [load_template("blank", "en").project.title]
    with Library(user_url("victor")) as lib, pytest.raises(LibraryError, match="permission"):
        with connection(lib.engine) as conn:
            conn.execute(text("UPDATE journeymap.project SET title = 'x'"))
    assert _count(library_url, "SELECT count(*) FROM journeymap.project WHERE title = 'x'") == 0


def test_bad_urls_and_databases_one_clear_message_each(pg_cluster, user_url):
    port = pg_cluster.port
    cases = [
        ("https://example.com/db", "not a PostgreSQL URL"),
        (f"postgresql://alice@127.0.0.1:{port}/library?foo=bar", "not a valid PostgreSQL URL"),
        (f"postgresql://nobody:wrong@127.0.0.1:{port}/postgres", "refused the login"),
        (f"postgresql://alice:wrong@127.0.0.1:{port}/postgres", "refused the login"),
        (f"postgresql://alice@127.0.0.1:{_closed_port()}/x", "cannot reach the library"),
        (f"postgresql://alice@127.0.0.1:{port}/no_such_db", "database does not exist"),
    ]
    for url, message in cases:
        with pytest.raises(LibraryError, match=message) as err:
            Library(url)
        assert "\n" not in str(err.value)
        assert "wrong" not in str(err.value)  # the password is never shown
    other = pg_cluster.fresh_db("other_app")
    pg_cluster.psql("CREATE TABLE invoices (id int)", db=other)
    with pytest.raises(LibraryError, match="not a journeymap library"):
        Library(pg_cluster.url(db=other))
    with pytest.raises(LibraryError, match="another application's tables.*nothing was written"):
        Library.init(pg_cluster.url(db=other))
    assert pg_cluster.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'journeymap'",
                           db=other) == "0"


def test_newer_library_schema_is_refused_and_left_alone(pg_cluster, library_url):
    db = library_url.rsplit("/", 1)[1]
    pg_cluster.psql("UPDATE journeymap.library_meta SET value = '99' "
                    "WHERE key = 'library_version'", db=db)
    with pytest.raises(LibraryError, match="newer journeymap"):
        Library(library_url)
    with pytest.raises(LibraryError, match="newer journeymap.*nothing was written"):
        Library.init(library_url)
    assert pg_cluster.psql("SELECT value FROM journeymap.library_meta WHERE key = "
                           "'library_version'", db=db) == "99"


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_invalid_row_in_the_library_is_refused_by_name(pg_cluster, library_url, tmp_path):
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "en"))
    db = library_url.rsplit("/", 1)[1]
    pg_cluster.psql("UPDATE journeymap.pain_point SET severity = 9 WHERE id = "
                    "(SELECT min(id) FROM journeymap.pain_point)", db=db)
    with Library(library_url) as lib, pytest.raises(LibraryError,
                                                   match="invalid pain_point row.*severity"):
        lib.fetch(project, tmp_path / "x.jmap")
    assert not (tmp_path / "x.jmap").exists()


def test_a_project_deleted_meanwhile_refuses_edits(library_url, user_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("blank", "en"))
    seen = threading.Event()
    alice = LibraryDocument.open(user_url("alice"), project, on_remote=seen.set)
    try:
        with Library(library_url) as lib:
            lib.delete(project)
        assert seen.wait(1.0) and alice.deleted
        with pytest.raises(LibraryError, match="deleted from the library"):
            alice.apply(set_fields(alice.store, "project", "project", title="late"))
    finally:
        alice.close()


def test_init_adds_what_the_file_schema_gained(pg_cluster, library_url):
    """A library made before a file schema change (here: a column it lacks) is refused
    until `init` adds the column from the file's SQLModel tables; the data stays."""
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "en"))
    db = library_url.rsplit("/", 1)[1]
    pg_cluster.psql("ALTER TABLE journeymap.touchpoint DROP COLUMN channel_detail; "
                    "UPDATE journeymap.library_meta SET value = '1' "
                    "WHERE key = 'file_schema_version'", db=db)
    with pytest.raises(LibraryError, match="older schema"):
        Library(library_url)
    Library.init(library_url)
    with Library(library_url) as lib:
        store = lib.load_store(project)
    assert len(store.tables["touchpoint"]) == len(
        load_template("b2b-procurement", "en").tables["touchpoint"])
    assert {t.channel_detail for t in store.tables["touchpoint"].values()} == {""}
