"""File ▸ Team Library and a window on a library project, as a user works with them
(pytest-qt, offscreen), against the real server."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings

from journeymap.model import edits as E
from journeymap.model.document import load_store
from journeymap.model.jsonio import dumps_project
from journeymap.model.library.document import LibraryDocument
from journeymap.model.library.projects import Library
from journeymap.model.templates import load_template
from journeymap.ui.controllers.library import URL_KEY


def _publish(url: str, *names: tuple[str, str]) -> list[str]:
    with Library(url) as lib:
        return [lib.publish(load_template(n, lang)) for n, lang in names]


def _dialog(window, qtbot):
    window.act_library.trigger()
    dialog = window.library_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


def test_library_dialog_lists_searches_opens_saves_and_deletes(
        window, qtbot, library_url, user_url, tmp_path):
    _publish(library_url, ("b2b-procurement", "en"), ("self-service-portal", "ja"))
    QSettings().setValue(URL_KEY, user_url("alice"))
    dialog = _dialog(window, qtbot)
    en = load_template("b2b-procurement", "en").project
    ja = load_template("self-service-portal", "ja").project
    assert sorted(dialog.visible_titles()) == sorted([en.title, ja.title])
    row = [dialog.table.item(r, 1).text() for r in range(2)]
    assert en.client in row
    assert dialog.table.item(0, 4).text() == "postgres"   # by whom
    qtbot.keyClicks(dialog.search, "industrial")
    assert dialog.visible_titles() == [en.title]
    dialog.search.setText(ja.title[:4])  # Japanese comes through the input method
    assert dialog.visible_titles() == [ja.title]
    dialog.search.clear()

    # Save as .jmap: lossless (the JSON export of both is identical)
    dialog.select(ja.title)
    target = tmp_path / "copy.jmap"
    dialog.ask_save_path = lambda suggested: str(target)
    assert dialog.save_selected()
    assert dumps_project(load_store(target)) == dumps_project(
        load_template("self-service-portal", "ja"))

    # Delete asks first; "no" keeps the project
    dialog.select(en.title)
    dialog.ask_confirm = lambda question: False
    assert not dialog.delete_selected()
    dialog.ask_confirm = lambda question: en.title in question
    assert dialog.delete_selected()
    assert dialog.visible_titles() == [ja.title]

    # Open: the window shows the library project, editable, nothing "unsaved"
    dialog.select(ja.title)
    qtbot.mouseClick(dialog.open_button, qtbot_button())
    qtbot.waitUntil(lambda: window.doc is not None, timeout=5000)
    assert window.doc.store.project.title == ja.title
    assert not window.doc.read_only and not window.banner.isVisible()
    tp = next(iter(window.doc.store.tables["touchpoint"]))
    assert window.push_edit(E.set_fields(window.doc.store, "touchpoint", tp, title="編集"))
    assert not window.is_modified()
    with Library(library_url) as lib:
        [entry] = lib.projects()
        assert lib.load_store(entry.id).touchpoint(tp).title == "編集"
        assert entry.updated_by == "alice"
    window.undo_stack.undo()
    with Library(library_url) as lib:
        assert lib.load_store(entry.id).touchpoint(tp).title != "編集"


def test_publish_current_and_create(window, qtbot, library_url, user_url):
    window.new_from_template("benefits-procurement", "en")
    QSettings().setValue(URL_KEY, user_url("bob"))
    dialog = _dialog(window, qtbot)
    assert dialog.visible_titles() == []
    assert dialog.publish_current()
    title = load_template("benefits-procurement", "en").project.title
    assert dialog.visible_titles() == [title]
    dialog.ask_title = lambda: "New client"
    assert dialog.create_project()
    assert window.doc.store.project.title == "New client"
    with Library(library_url) as lib:
        assert sorted(e.title for e in lib.projects()) == sorted([title, "New client"])


def test_window_refreshes_within_a_second_and_conflicts_name_who(
        window, qtbot, library_url, user_url, message_boxes):
    [project] = _publish(library_url, ("b2b-procurement", "ja"))
    from journeymap.ui.controllers.library import open_library_project

    assert open_library_project(window, user_url("alice"), project)
    bob = LibraryDocument.open(user_url("bob"), project, listen=False)
    try:
        tp = sorted(bob.store.tables["touchpoint"])[0]
        start = time.monotonic()
        with qtbot.waitSignal(window.events.changed, timeout=1000):
            bob.apply(E.set_fields(bob.store, "touchpoint", tp, title="ボブの変更"))
        assert time.monotonic() - start < 1.0
        assert window.doc.store.touchpoint(tp).title == "ボブの変更"
        # An edit of a row Bob changed since the window read it: refused, naming Bob.
        bob.apply(E.set_fields(bob.store, "touchpoint", tp, title="ボブ 2"))
        pushed = window.push_edit(E.set_fields(window.doc.store, "touchpoint", tp,
                                               title="アリス"))
        assert not pushed
        [text] = message_boxes.texts("critical")
        assert "changed by bob" in text
        assert window.doc.store.touchpoint(tp).title == "ボブ 2"
        assert window.undo_stack.count() == 0
        assert bob.working_store_from_disk().touchpoint(tp).title == "ボブ 2"
    finally:
        bob.close()


def test_viewer_sees_a_read_only_banner(window, qtbot, library_url, user_url,
                                        message_boxes):
    [project] = _publish(library_url, ("blank", "en"))
    from journeymap.ui.controllers.library import open_library_project

    assert open_library_project(window, user_url("victor"), project)
    assert window.doc.read_only
    assert window.banner.isVisible() and "viewer rights" in window.banner_label.text()
    assert window.write_actions and not any(a.isEnabled() for a in window.write_actions)
    assert not window.push_edit(E.set_fields(window.doc.store, "project", "project",
                                             title="mine"))
    with Library(library_url) as lib:
        assert lib.load_store(project).project.title == "New project"


def test_connection_lost_banner_and_reconnection(
        window, qtbot, pg_cluster, library_url, user_url, message_boxes):
    [project] = _publish(library_url, ("blank", "en"))
    from journeymap.ui.controllers.library import open_library_project

    assert open_library_project(window, user_url("alice"), project)
    pg_cluster.stop()
    try:
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
        assert "Connection lost" in window.banner_label.text()
        assert not window.push_edit(E.set_fields(window.doc.store, "project", "project",
                                                 title="offline"))
        assert "lost" in message_boxes.texts("critical")[-1] or \
            "cannot reach" in message_boxes.texts("critical")[-1]
    finally:
        pg_cluster.start()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10000)
    assert window.push_edit(E.set_fields(window.doc.store, "project", "project",
                                         title="back online"))
    with Library(library_url) as lib:
        assert lib.load_store(project).project.title == "back online"


def test_without_the_library_extra_the_dialog_says_what_is_missing(
        window, qtbot, monkeypatch):
    import journeymap.ui.dialogs.library as dialog_module

    monkeypatch.setattr(dialog_module, "missing_support",
                        lambda: "install journeymap[library]")
    dialog = _dialog(window, qtbot)
    assert "install journeymap[library]" in dialog.note.text()
    assert not dialog.connect_button.isEnabled() and not dialog.open_button.isEnabled()
    assert not dialog.new_button.isEnabled() and dialog.visible_titles() == []


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_library_url_in_settings_without_the_password(window, qtbot, user_url):
    from journeymap.ui.dialogs.settings import SettingsDialog, apply_settings

    dialog = SettingsDialog(None, "", parent=window)
    qtbot.addWidget(dialog)
    url = user_url("alice").replace("alice@", "alice:secret@")
    qtbot.keyClicks(dialog.library_url, url)
    dialog.accept()
    apply_settings(window, dialog)
    assert QSettings().value(URL_KEY) == user_url("alice")  # the password is not kept
    library = _dialog(window, qtbot)
    assert library.url.text() == user_url("alice")
    assert library.library is not None  # connected (password from the password file)


def test_a_password_missing_from_pgpass_is_asked_for_and_never_stored(
        window, qtbot, pg_cluster, library_url):
    pg_cluster.psql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dave') "
                    "THEN CREATE ROLE dave LOGIN PASSWORD 'dave-pw'; END IF; END $$")
    pg_cluster.psql("GRANT journeymap_editor TO dave")
    db = library_url.rsplit("/", 1)[1]
    QSettings().setValue(URL_KEY, pg_cluster.url("dave", db))
    window.act_library.trigger()  # connects at once: dave is not in the password file
    dialog = window.library_dialog
    assert dialog.library is None and "login" in dialog.status.text()
    asked = []
    dialog.ask_password = lambda message: asked.append(message) or "dave-pw"
    assert dialog.connect_library()
    assert asked and "dave@" in asked[0]
    assert window.library_password == "dave-pw"  # kept in memory for this session only
    settings = QSettings()
    settings.sync()
    stored = Path(settings.fileName()).read_text(errors="replace")
    assert "dave-pw" not in stored and "dave@" in stored
