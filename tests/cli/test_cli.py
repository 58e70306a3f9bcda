"""The command line as a consultant's script uses it: real processes, real files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent.parent / "data"
ZOO = DATA / "zoo"


def jm(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "journeymap.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, env={**os.environ},
                          timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_templates_lists_every_template():
    r = jm("templates")
    assert r.returncode == 0
    names = [line.split("\t")[0] for line in r.stdout.splitlines()]
    assert names == ["blank", "b2b-procurement", "benefits-procurement", "self-service-portal"]


def test_new_info_validate_export_import_round_trip(tmp_path):
    f = tmp_path / "client.jmap"
    assert jm("new", f, "--template", "b2b-procurement", "--lang", "ja").returncode == 0
    info = json.loads(jm("info", f, "--json").stdout)
    assert info["language"] == "ja" and info["counts"]["journeys"] == 2
    assert all(j["touchpoints"] > 0 for j in info["journeys"])
    text = jm("info", f).stdout
    assert "調達責任者" in text and "journey" in text
    assert jm("validate", f).stdout.strip().endswith("ok")
    out = tmp_path / "out.json"
    assert jm("export", f, "--format", "json", "-o", out).returncode == 0
    g = tmp_path / "again.jmap"
    assert jm("import", out, "-o", g).returncode == 0
    out2 = tmp_path / "out2.json"
    assert jm("export", g, "--format", "json", "-o", out2).returncode == 0
    assert out.read_bytes() == out2.read_bytes()


def test_new_refuses_to_overwrite_without_force(tmp_path):
    f = tmp_path / "a.jmap"
    jm("new", f, "--template", "blank")
    before = digest(f)
    r = jm("new", f, "--template", "self-service-portal")
    assert r.returncode == 1 and "already exists" in r.stderr and digest(f) == before
    assert jm("new", f, "--template", "self-service-portal", "--force").returncode == 0
    assert digest(f) != before


def test_import_force_replaces(tmp_path, small_json):
    f = tmp_path / "a.jmap"
    jm("new", f, "--template", "blank")
    r = jm("import", small_json, "-o", f)
    assert r.returncode == 1 and "--force" in r.stderr
    assert jm("import", small_json, "-o", f, "--force").returncode == 0
    assert "テスト案件" in jm("info", f).stdout


def test_unknown_template_and_journey(tmp_path):
    r = jm("new", tmp_path / "a.jmap", "--template", "nope")
    assert r.returncode == 1 and "unknown template 'nope'" in r.stderr
    assert not (tmp_path / "a.jmap").exists()
    jm("new", tmp_path / "b.jmap", "--template", "blank")
    r = jm("export", tmp_path / "b.jmap", "--format", "mermaid", "-o", tmp_path / "m",
           "--journey", "zzz")
    assert r.returncode == 1 and "no journey 'zzz'" in r.stderr


def test_mermaid_export(tmp_path):
    f = tmp_path / "a.jmap"
    jm("import", DATA / "small.json", "-o", f)
    out = tmp_path / "m.mmd"
    assert jm("export", f, "--format", "mermaid", "-o", out).returncode == 0
    text = out.read_text("utf-8")
    assert text.startswith("journey\n    title 大企業向け\n")
    assert "    section サプライヤー調査\n" in text
    # emotion -1 -> score 2; actor = role name
    assert "      見積依頼 (ポータル): 2: プラント技術者\n" in text


def _one_clean_error(r: subprocess.CompletedProcess[str]) -> None:
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("journeymap: error: ")
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in ZOO.iterdir()))
@pytest.mark.parametrize("command", ["info", "validate", "export"])
def test_bad_files_one_line_no_traceback_unchanged(tmp_path, name, command):
    f = tmp_path / name
    f.write_bytes((ZOO / name).read_bytes())
    before = digest(f)
    args = [command, f] + (["--format", "json", "-o", tmp_path / "o.json"]
                           if command == "export" else [])
    _one_clean_error(jm(*args))
    assert digest(f) == before
    assert not (tmp_path / "o.json").exists()


def test_json_syntax_error_names_line_and_column(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "journeymap",\n  "version": 1,,\n}', "utf-8")
    r = jm("import", bad, "-o", tmp_path / "x.jmap")
    _one_clean_error(r)
    assert "line 3, column 16" in r.stderr
    assert not (tmp_path / "x.jmap").exists()


def test_invalid_json_content_names_the_path(tmp_path, small_json):
    data = json.loads(small_json.read_text("utf-8"))
    data["journeys"][0]["touchpoints"][0]["pain_points"][0]["severity"] = 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    target = tmp_path / "keep.jmap"
    jm("new", target, "--template", "blank")
    before = digest(target)
    r = jm("import", bad, "-o", target, "--force")
    _one_clean_error(r)
    assert "$.journeys[0].touchpoints[0].pain_points[0].severity" in r.stderr
    assert digest(target) == before


def test_unwritable_output(tmp_path):
    f = tmp_path / "a.jmap"
    jm("new", f, "--template", "blank")
    r = jm("export", f, "--format", "json", "-o", tmp_path / "missing" / "x.json")
    _one_clean_error(r)
    assert "cannot write" in r.stderr
    r = jm("import", DATA / "small.json", "-o", "/proc/version.jmap")
    _one_clean_error(r)


def test_vanished_input(tmp_path):
    r = jm("info", tmp_path / "gone.jmap")
    _one_clean_error(r)
    assert "does not exist" in r.stderr


def test_headless_commands_never_import_qt(tmp_path):
    f = tmp_path / "a.jmap"
    code = (
        "import sys\n"
        "from journeymap.cli import main\n"
        f"for argv in (['templates'], ['new', {str(f)!r}, '--template', 'b2b-procurement'],\n"
        f"             ['info', {str(f)!r}], ['validate', {str(f)!r}],\n"
        f"             ['export', {str(f)!r}, '--format', 'json', '-o', {str(f) + '.json'!r}],\n"
        f"             ['export', {str(f)!r}, '--format', 'mermaid', '-o', {str(f) + '.mmd'!r}],\n"
        f"             ['import', {str(f) + '.json'!r}, '-o', {str(f) + '2.jmap'!r}]):\n"
        "    assert main(argv) == 0, argv\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not qt, qt\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_output_piped_into_a_closed_reader_is_not_an_error(tmp_path):
    f = tmp_path / "a.jmap"
    jm("new", f, "--template", "b2b-procurement", "--lang", "ja")
    cmd = f"{sys.executable} -m journeymap.cli rank {f} | head -n 2"
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and len(r.stdout.splitlines()) == 2
    # text output explains in the project's language
    assert "インパクト" in jm("rank", f).stdout


def test_export_names_characters_no_font_draws(tmp_path):
    """Emoji without an emoji font (here: a private-use character no font has) would
    print as boxes: the export still writes, and says which characters on stderr."""
    from journeymap.model import edits as E
    from journeymap.model.document import write_store_file
    from journeymap.model.templates import load_template

    store = load_template("blank", "en")
    role = store.roles()[0] if store.roles() else None
    assert role is not None
    store.apply(E.set_fields(store, "role", role.id, name="Buyer \U0010fffd").changes)
    f = tmp_path / "p.jmap"
    write_store_file(store, f)
    r = jm("export", f, "--format", "svg", "-o", tmp_path / "m.svg")
    assert r.returncode == 0, r.stderr
    assert "warning" in r.stderr and "U+10FFFD" in r.stderr
    clean = jm("export", f.parent / "p.jmap", "--format", "csv", "-o", tmp_path / "a.csv")
    assert "warning" not in clean.stderr   # text exports draw nothing
