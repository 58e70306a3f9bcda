"""`journeymap library …` and library references (URL#ID) on the command line, as a
consultant's script uses them: real processes against the real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def jm(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ}
    env.pop("PYTHONWARNINGS", None)
    return subprocess.run([sys.executable, "-m", "journeymap.cli", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def ok(*args: str | Path) -> str:
    r = jm(*args)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_init_publish_list_fetch_and_use_a_library_project(pg_cluster, tmp_path: Path):
    url = pg_cluster.url(db=pg_cluster.fresh_db("cli_lib"))
    assert "library created (schema version 2)" in ok("library", "init", url)
    assert "library checked" in ok("library", "init", url)  # twice: idempotent
    f = tmp_path / "client.jmap"
    ok("new", f, "--template", "b2b-procurement", "--lang", "ja")
    project = ok("library", "publish", url, f).strip()
    assert project.isalnum()
    [entry] = json.loads(ok("library", "list", url, "--json"))
    assert entry["id"] == project and entry["language"] == "ja"
    assert entry["updated_by"] == "postgres"
    assert project in ok("library", "list", url)
    ref = f"{url}#{project}"
    # info, validate, rank, export accept the reference as they accept the file
    assert json.loads(ok("info", ref, "--json")) == json.loads(ok("info", f, "--json"))
    assert ok("rank", ref, "--json") == ok("rank", f, "--json")
    assert ok("validate", ref).strip() == f"{ref}: ok"
    ok("export", ref, "--format", "json", "-o", tmp_path / "lib.json")
    ok("export", f, "--format", "json", "-o", tmp_path / "file.json")
    assert (tmp_path / "lib.json").read_text() == (tmp_path / "file.json").read_text()
    fetched = tmp_path / "fetched.jmap"
    ok("library", "fetch", ref, "-o", fetched)
    ok("export", fetched, "--format", "json", "-o", tmp_path / "fetched.json")
    assert (tmp_path / "fetched.json").read_text() == (tmp_path / "file.json").read_text()
    r = jm("library", "fetch", ref, "-o", fetched)
    assert r.returncode == 1 and "already exists" in r.stderr
    assert ok("library", "delete", ref).strip() == f"deleted {project}"
    assert json.loads(ok("library", "list", url, "--json")) == []


@pytest.mark.parametrize("args, message", [
    (("library", "list", "https://example.org/x"), "not a PostgreSQL URL"),
    (("library", "fetch", "postgresql://alice@127.0.0.1:{port}/cli_bad", "-o", "x.jmap"),
     "URL#PROJECT_ID"),
    (("info", "postgresql://postgres@127.0.0.1:{port}/cli_bad#nope"), "no project nope"),
    (("library", "list", "postgresql://carol@127.0.0.1:{port}/cli_bad"),
     "reading needs the journeymap_viewer role"),
    (("library", "list", "postgresql://alice:wrong@127.0.0.1:{port}/cli_bad"),
     "refused the login"),
    (("library", "list", "postgresql://alice@127.0.0.1:{port}/postgres"),
     "not a journeymap library"),
    (("library", "init", "postgresql://carol@127.0.0.1:{port}/cli_bad"), "refused"),
])
def test_bad_references_give_one_line(pg_cluster, tmp_path, args, message):
    if not pg_cluster.psql("SELECT 1 FROM pg_database WHERE datname = 'cli_bad'"):
        pg_cluster.fresh_db("cli_bad")
        from journeymap.model.library.projects import Library

        Library.init(pg_cluster.url(db="cli_bad"))
    r = jm(*(a.format(port=pg_cluster.port) for a in args))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert "wrong" not in r.stderr
    assert not (tmp_path / "x.jmap").exists()
