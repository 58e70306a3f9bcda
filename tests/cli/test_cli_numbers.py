"""rank in words, exports to standard output, Mermaid of several journeys (real processes)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from journeymap.model.jsonio import read_json_file

TEMPLATE = Path(__file__).parent.parent.parent / "resources" / "templates"


def jm(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "journeymap.cli", *map(str, args)],
                          capture_output=True, text=True, env={**os.environ}, timeout=120)


def test_rank_text_in_words_and_json_rounded(tmp_path: Path) -> None:
    src = TEMPLATE / "b2b-procurement.en.json"
    ids = {i for t in read_json_file(src).tables.values() for i in t if "_" in i}
    r = jm("rank", src)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "Actions:" in lines and "Pain points no action addresses" not in r.stdout
    # every list numbers its own rows
    pains_at = lines.index("Unaddressed pain points:")
    assert lines[pains_at + 1].lstrip().startswith("1. ")
    assert "→ priority" in r.stdout and "→ impact" in r.stdout
    assert not [i for i in ids if i in r.stdout]
    assert "Done:" in r.stdout  # the template has a done action
    js = json.loads(jm("rank", src, "--json").stdout)
    for row in js:
        assert row["priority"] == round(row["priority"], 6)
        assert len(repr(row["priority"])) <= 10


def test_dash_output_writes_text_formats_to_stdout(tmp_path: Path) -> None:
    src = TEMPLATE / "b2b-procurement.ja.json"
    r = jm("export", src, "--format", "csv", "-o", "-")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0][0] == "順位" and len(rows) > 5
    assert not (Path.cwd() / "-").exists()
    r = jm("export", src, "--format", "md", "-o", "-")
    assert r.stdout.startswith("# 施策リスト")
    r = jm("export", src, "--format", "json", "-o", "-")
    assert json.loads(r.stdout)["format"] == "journeymap"
    r = jm("export", src, "--format", "pdf", "-o", "-")
    assert r.returncode != 0 and "binary" in r.stderr and r.stdout == ""


def test_mermaid_of_several_journeys_one_block_each(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "export"))
    from mermaid_journey_grammar import parse

    from journeymap.export.mermaid import markdown_blocks

    src = TEMPLATE / "b2b-procurement.en.json"
    store = read_json_file(src)
    journeys = store.journeys()
    assert len(journeys) >= 2
    out = tmp_path / "all.md"
    r = jm("export", src, "--format", "mermaid", "-o", out)
    assert r.returncode == 0, r.stderr
    assert "one Mermaid diagram per journey" in r.stdout
    blocks = markdown_blocks(out.read_text("utf-8"))
    assert [parse(b).title for b in blocks] == [j.name for j in journeys]
    one = jm("export", src, "--format", "mermaid", "--journey", journeys[1].id, "-o", "-")
    assert parse(one.stdout).title == journeys[1].name
