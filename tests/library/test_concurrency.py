"""Clients editing one library project at once, against the real server: every accepted
edit is stored exactly once, conflicts are reported and counted, nothing is overwritten
silently, and a server restart mid-run leaves no half-applied edit."""

from __future__ import annotations

import os

from benchmarks.library_workload import check_against_server, run_clients
from journeymap.model.library.projects import Library
from journeymap.model.templates import load_template

SECONDS = float(os.environ.get("JOURNEYMAP_LIBRARY_RUN_SECONDS", "20"))


def test_two_clients_edit_one_project(library_url, user_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "en"))
    result = run_clients([user_url("alice"), user_url("bob")], project, SECONDS)
    assert check_against_server(result, library_url, project) == []
    assert result.edits > 100
    assert result.conflicts > 0  # the clients did collide, and were told so
    assert result.offline == 0


def test_server_restart_mid_run(pg_cluster, library_url, user_url):
    with Library(library_url) as lib:
        project = lib.publish(load_template("b2b-procurement", "ja"))
    result = run_clients([user_url("alice"), user_url("bob")], project, 8.0,
                         during=pg_cluster.restart, during_at=2.0)
    assert check_against_server(result, library_url, project) == []
    assert result.offline > 0  # the restart was noticed
    # Both clients reconnected: each made accepted edits after the restart.
    for log in result.logs:
        assert log.titles or log.pains
        assert len(log.round_trips) > log.offline
