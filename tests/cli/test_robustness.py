"""The command line stays in one piece on any input: one line on stderr, exit code 1, no
traceback, no hang; outputs follow symbolic links; read-only commands leave nothing
beside the user's file; text from a file cannot drive the terminal."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from journeymap import cli
from journeymap.model.document import write_store_file
from journeymap.model.templates import load_template

DATA = Path(__file__).parent.parent / "data"
ZOO = DATA / "zoo"
QUICK = 30  # seconds: a command that waits on a pipe or starts a window runs into this
FORMATS = cli.EXPORT_FORMATS
READ_COMMANDS = ["info", "info --json", "validate", "rank", "rank --json",
                 *[f"export {fmt}" for fmt in FORMATS]]


def jm(*args: str | Path, env: dict[str, str] | None = None,
       timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "journeymap.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})


def argv(command: str, file: Path, out_dir: Path) -> list[str | Path]:
    """The arguments of one read-only command (export: into ``out_dir``)."""
    words = command.split()
    if words[0] == "export":
        return ["export", file, "--format", words[1], "-o", out_dir / f"out.{words[1]}"]
    return [words[0], file, *words[1:]]


def one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("journeymap: error: ")
    return lines[0]


# -- damaged inputs, every command --------------------------------------------------------------
def damaged_inputs(folder: Path) -> dict[str, Path]:
    """Files a stranger could send, and things that are not files at all."""
    files = {}
    for p in sorted(ZOO.iterdir()):  # empty, random bytes, PNG, other app's SQLite, ...
        files[p.stem] = folder / p.name
        shutil.copyfile(p, files[p.stem])
    files["random-json"] = folder / "random.json"
    shutil.copyfile(ZOO / "random.jmap", files["random-json"])
    files["folder"] = folder / "folder.jmap"
    files["folder"].mkdir()
    files["pipe"] = folder / "pipe.jmap"
    os.mkfifo(files["pipe"])
    return files


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return damaged_inputs(tmp_path_factory.mktemp("damaged"))


@pytest.mark.parametrize("command", [*READ_COMMANDS, "import"])
def test_damaged_inputs_give_one_line_for_every_command(damaged, command, tmp_path):
    for name, path in damaged.items():
        if command == "import":
            args: list[str | Path] = ["import", path, "-o", tmp_path / "out.jmap"]
        else:
            args = argv(command, path, tmp_path)
        before = path.read_bytes() if path.is_file() else None
        try:
            r = jm(*args, timeout=QUICK)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{command} {name}: still running after {QUICK} s")
        line = one_line_error(r)
        assert str(path) in line, line
        assert list(tmp_path.iterdir()) == [], f"{command} {name} wrote output"
        if before is not None:
            assert path.read_bytes() == before


def test_non_regular_inputs_are_named(damaged, tmp_path):
    assert "is a named pipe" in one_line_error(jm("validate", damaged["pipe"], timeout=QUICK))
    assert "is a folder" in one_line_error(jm("rank", damaged["folder"], timeout=QUICK))
    assert "is a device" in one_line_error(jm("info", "/dev/zero", timeout=QUICK))
    r = jm("import", damaged["pipe"], "-o", tmp_path / "x.jmap", timeout=QUICK)
    assert "is a named pipe" in one_line_error(r)
    # the window is not started on them either
    assert "is a named pipe" in one_line_error(jm(damaged["pipe"], timeout=QUICK))
    assert "is a device" in one_line_error(jm("/dev/zero", timeout=QUICK))


def test_huge_inputs_are_refused_with_the_limit(tmp_path):
    big = tmp_path / "big.jmap"
    with open(big, "wb") as f:  # sparse: no disk space used
        f.truncate(cli.MAX_PROJECT_BYTES + 1)
    line = one_line_error(jm("info", big, timeout=QUICK))
    assert "too large" in line and "the limit is 1 GB" in line
    big_json = tmp_path / "big.json"
    with open(big_json, "wb") as f:
        f.truncate(cli.MAX_JSON_BYTES + 1)
    line = one_line_error(jm("import", big_json, "-o", tmp_path / "x.jmap", timeout=QUICK))
    assert "too large" in line and "the limit is 256 MB" in line
    assert not (tmp_path / "x.jmap").exists()


# -- words that are neither commands nor files ---------------------------------------------------
def test_unknown_word_says_so_quickly(tmp_path):
    line = one_line_error(jm("infoo", timeout=QUICK))
    assert "'infoo' is neither a command nor a file" in line
    assert "did you mean 'info'" in line and "journeymap --help" in line
    line = one_line_error(jm("frobnicate", tmp_path / "a.jmap", timeout=QUICK))
    assert "'frobnicate' is neither a command nor a file" in line
    line = one_line_error(jm(tmp_path / "missing.jmap", timeout=QUICK))
    assert "missing.jmap does not exist" in line


def test_usage_errors_are_one_line(tmp_path):
    r = jm("export", tmp_path / "a.jmap", "--format", "docx", "-o", tmp_path / "x",
           timeout=QUICK)
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1
    assert "invalid choice: 'docx'" in r.stderr and "journeymap export --help" in r.stderr


def test_a_file_or_nothing_still_opens_the_app(tmp_path, monkeypatch):
    from journeymap.ui import app

    opened: list[str | None] = []
    monkeypatch.setattr(app, "run_app", lambda path=None: opened.append(path) or 0)
    f = tmp_path / "a.jmap"
    write_store_file(load_template("blank", "en"), f)
    assert cli.main([str(f)]) == 0
    assert cli.main([]) == 0
    assert opened == [str(f), None]
    assert cli.main(["infoo"]) == 1
    assert cli.main([str(tmp_path)]) == 1  # a folder
    assert opened == [str(f), None]


# -- unexpected failures -------------------------------------------------------------------------
CRASH = (
    "import sys\n"
    "from journeymap import cli\n"
    "def boom(args):\n"
    "    raise KeyError('\\x1b[31m' + 'k' * 5000)\n"
    "cli.COMMANDS['templates'] = boom\n"
    "sys.exit(cli.main(['templates']))\n"
)


def test_unexpected_exception_is_one_line_unless_debugging():
    r = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True,
                       timeout=QUICK, env={**os.environ, "JOURNEYMAP_DEBUG": ""})
    assert r.returncode == 1 and "Traceback" not in r.stderr
    (line,) = r.stderr.splitlines()
    assert line.startswith("journeymap: internal error: KeyError: ")
    assert "please report" in line and "JOURNEYMAP_DEBUG=1" in line
    assert "\x1b" not in line and "\\x1b" in line and len(line) < 600
    r = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True,
                       timeout=QUICK, env={**os.environ, "JOURNEYMAP_DEBUG": "1"})
    assert r.returncode == 1 and "Traceback" in r.stderr and "KeyError" in r.stderr


# -- printed text is cleaned ---------------------------------------------------------------------
def test_error_messages_are_cleaned_and_bounded(tmp_path):
    name = tmp_path / "evil\x1b[2J\u202ename.jmap"
    line = one_line_error(jm("info", name, timeout=QUICK))
    assert "\x1b" not in line and "\u202e" not in line
    assert "evil\\x1b[2J\\u202ename.jmap does not exist" in line
    line = one_line_error(jm("w" * 20_000, timeout=QUICK))
    assert len(line) < 600 and "20,0" in line  # cut, saying how long it was


def test_text_from_a_file_cannot_drive_the_terminal(tmp_path):
    title = "Plan\x1b]0;owned\x07\x1b[2J \u202eevil\u202c\nsecond line"
    rows = [replace(r, title=title) if r.table == "project" else r
            for r in load_template("b2b-procurement", "en").all_rows()]
    from journeymap.model.store import Store

    f = tmp_path / "t.jmap"
    write_store_file(Store(rows), f)
    r = jm("info", f, timeout=QUICK)
    assert "\x1b" not in r.stdout + r.stderr and "\u202e" not in r.stdout + r.stderr
    if r.returncode == 0:  # (a stricter loader may refuse the title: then one clean line)
        assert r.stdout.splitlines()[0].startswith("Plan\\x1b]0;owned\\x07\\x1b[2J \\u202eevil")
        data = json.loads(jm("info", f, "--json", timeout=QUICK).stdout)
        assert data["title"] == title  # JSON output: valid JSON, the exact text
    else:
        one_line_error(r)


# -- outputs onto symbolic links -----------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "mermaid", "csv", "xlsx", "md", "svg"])
def test_export_onto_a_symlink_writes_its_target(tmp_path, fmt):
    f = tmp_path / "a.jmap"
    write_store_file(load_template("b2b-procurement", "en"), f)
    real_dir = tmp_path / "shared"
    real_dir.mkdir()
    target = real_dir / f"list.{fmt}"
    target.write_text("old")
    link = tmp_path / f"link.{fmt}"
    link.symlink_to(target)
    r = jm("export", f, "--format", fmt, "-o", link)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes() != b"old" and target.stat().st_size > 100
    assert sorted(p.name for p in real_dir.iterdir()) == [target.name]  # no temp left


def test_new_and_import_onto_symlinks(tmp_path, small_json):
    target = tmp_path / "real.jmap"
    link = tmp_path / "link.jmap"
    link.symlink_to(target)  # dangling: the file it names is created
    assert jm("new", link, "--template", "blank").returncode == 0
    assert link.is_symlink() and target.is_file()
    assert jm("import", small_json, "-o", link, "--force").returncode == 0
    assert link.is_symlink() and "テスト案件" in jm("info", target).stdout


# -- read-only commands leave nothing beside the file --------------------------------------------
def project_file(folder: Path, wal: bool) -> Path:
    f = folder / "client.jmap"
    write_store_file(load_template("b2b-procurement", "en"), f)
    if wal:  # a file last written in WAL mode (as another SQLite tool may leave it)
        conn = sqlite3.connect(f)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.close()
    return f


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
@pytest.mark.parametrize("command", READ_COMMANDS)
def test_read_only_commands_leave_no_side_files(tmp_path, command, wal):
    folder = tmp_path / "project"
    folder.mkdir()
    f = project_file(folder, wal=wal)
    before = sorted(os.listdir(folder))
    out = tmp_path / "out"
    out.mkdir()
    r = jm(*argv(command, f, out))
    assert r.returncode == 0, r.stderr
    assert sorted(os.listdir(folder)) == before


def test_outputs_onto_pipes_are_refused_and_left_alone(tmp_path):
    f = tmp_path / "a.jmap"
    write_store_file(load_template("blank", "en"), f)
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    link = tmp_path / "link.md"
    link.symlink_to(pipe)
    for args in (["export", f, "--format", "md", "-o", pipe],
                 ["export", f, "--format", "json", "-o", link],
                 ["new", pipe, "--template", "blank", "--force"],
                 ["import", DATA / "small.json", "-o", pipe, "--force"]):
        line = one_line_error(jm(*args, timeout=QUICK))
        assert "is not a regular file" in line
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode) and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jmap", "link.md", "out.fifo"]
