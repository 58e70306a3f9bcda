"""`journeymap compare` and `journeymap project-impact` on a small file with a to-be
journey (the figures are computed by hand in tests/analysis/test_projection_compare.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeymap.model import edits as E
from journeymap.model.document import write_store_file
from tests.analysis.test_projection_compare import hand_project
from tests.cli.test_cli import jm


@pytest.fixture
def project(tmp_path) -> tuple[Path, str]:
    store = hand_project()
    edit = E.make_to_be(store, "j")
    store.apply(edit.changes)
    t1 = next(t for t in store.touchpoints(edit.subject) if t.role == "A"
              and store.stage(t.stage).variant_of == "s1")
    store.apply(E.set_fields(store, "touchpoint", t1.id, emotion=1).changes)
    store.apply(E.delete(store, "pain_point", [store.pain_points(t1.id)[0].id]).changes)
    path = tmp_path / "p.jmap"
    write_store_file(store, path)
    return path, edit.subject


def test_compare_json_and_text(project):
    path, tobe = project
    out = jm("compare", path, "j", tobe, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    first = data["stages"][0]
    assert (first["as_is_stage"], first["role"]) == ("s1", "A")
    assert first["emotion"] == [-2.0, 1.0] and first["impact"] == [1.2, 0.2]
    assert data["added"] == [] and data["removed"] == []
    text = jm("compare", path, "j", tobe)
    assert text.returncode == 0
    assert "Research / Purchasing: emotion -2 -> 1, impact 1.2 -> 0.2" in text.stdout


def test_project_impact_json_and_text(project):
    path, _ = project
    data = json.loads(jm("project-impact", path, "--json").stdout)
    assert data["actions"] == ["a1", "a2"]
    assert (data["before"], data["after"]) == (1.6, 0.2)
    assert {(c["stage"], c["role"]): (c["before"], c["after"]) for c in data["cells"]}[
        ("s2", "B")] == (0.4, 0.0)
    data = json.loads(jm("project-impact", path, "--journey", "j", "--actions", "a3",
                         "--json").stdout)
    assert (data["actions"], data["after"]) == (["a3"], 1.4)
    text = jm("project-impact", path).stdout
    assert "pain impact today 1.6, after these actions 0.2" in text
    assert "Research / Purchasing: 1.2 -> 0.2 (1 of 2 pain points resolved)" in text


@pytest.mark.parametrize("args, words", [
    (("compare", "{p}", "j", "nope"), "no journey 'nope'"),
    (("compare", "{p}", "j", "j"), "two different journeys"),
    (("project-impact", "{p}", "--actions", "a1,zz"), "no action 'zz'"),
    (("project-impact", "{p}", "--journey", "x"), "no journey 'x'"),
])
def test_bad_arguments_give_one_line(project, args, words):
    path, _ = project
    out = jm(*[str(path) if a == "{p}" else a for a in args])
    assert out.returncode == 1
    assert words in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
