"""journeymap survey: labels that differ from card titles, paired with --map; counts;
--dry-run changes nothing; bad pairs are one clear error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from journeymap.model.document import load_store

TEMPLATE = Path(__file__).parent.parent.parent / "resources/templates/b2b-procurement.en.json"


def jm(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "journeymap.cli", *map(str, args)],
                          capture_output=True, text=True, env={**os.environ}, timeout=120)


def setup(tmp_path: Path) -> tuple[Path, Path]:
    f = tmp_path / "p.jmap"
    assert jm("import", TEMPLATE, "-o", f).returncode == 0
    csv = tmp_path / "s.csv"
    csv.write_text("Q,score\nDelivery to plant store,3\nDelivery to plant store,9\n"
                   "Tender bid and scoring,10\nTender bid and scoring,eleven\n"
                   "Something else,5\n,7\n", "utf-8")
    return f, csv


def scores(f: Path, tp: str) -> tuple[int, ...]:
    return load_store(f).touchpoint(tp).scores


def test_dry_run_counts_and_suggests(tmp_path: Path) -> None:
    f, csv = setup(tmp_path)
    before = f.read_bytes()
    r = jm("survey", f, csv, "--journey", "enterprise", "--label-column", "Q",
           "--score-column", "score", "--dry-run")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "matched: 1 row to 1 touchpoint"          # the exact title
    assert lines[1] == "unmatched: 3 rows (2 labels)"
    assert "'Delivery to plant store': 2 rows; maybe --map \"Delivery to plant store=" \
           "Delivery to the plant store\"" in r.stdout
    assert "skipped: 2 rows (non-numeric 1, blank touchpoint 1)" in r.stdout
    assert "dry run: nothing changed" in r.stdout
    assert f.read_bytes() == before


def test_map_pairs_labels_and_imports_in_one_change(tmp_path: Path) -> None:
    f, csv = setup(tmp_path)
    old = scores(f, "t_ent_delivery")
    r = jm("survey", f, csv, "--journey", "enterprise", "--label-column", "1",
           "--score-column", "2", "--map", "Delivery to plant store=Delivery to the plant store")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("matched: 3 rows to 2 touchpoints (1 through --map)\n")
    assert "unmatched: 1 row (1 label)" in r.stdout
    assert scores(f, "t_ent_delivery") == (*old, 3, 9)


def test_bad_map_is_one_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    f, csv = setup(tmp_path)
    before = f.read_bytes()
    for bad, says in (("nolabel", "write it as LABEL=TOUCHPOINT"),
                      ("X=No such card", "no touchpoint 'No such card' in this journey")):
        r = jm("survey", f, csv, "--journey", "enterprise", "--label-column", "Q",
               "--score-column", "score", "--map", bad)
        assert r.returncode == 1 and says in r.stderr and len(r.stderr.splitlines()) == 1
    r = jm("survey", f, csv, "--journey", "nope", "--label-column", "Q", "--score-column", "x")
    assert r.returncode == 1 and "no journey 'nope'" in r.stderr
    r = jm("survey", f, csv, "--journey", "enterprise", "--label-column", "Q",
           "--score-column", "missing")
    assert r.returncode == 1 and "there is no column 'missing'" in r.stderr
    assert f.read_bytes() == before


def test_map_pairs_are_remembered_so_the_next_import_needs_none(tmp_path: Path) -> None:
    f, csv = setup(tmp_path)
    old = scores(f, "t_ent_delivery")
    pair = "Delivery to plant store=Delivery to the plant store"
    r = jm("survey", f, csv, "--journey", "enterprise", "--label-column", "Q",
           "--score-column", "score", "--map", pair, "--dry-run")
    assert r.returncode == 0, r.stderr
    assert not load_store(f).tables["survey_label"]          # a dry run remembers nothing
    r = jm("survey", f, csv, "--journey", "enterprise", "--label-column", "Q",
           "--score-column", "score", "--map", pair)
    assert r.returncode == 0, r.stderr
    assert "1 pairing remembered for the next import" in r.stdout
    assert [(p.label, p.touchpoint) for p in load_store(f).tables["survey_label"].values()] \
        == [("Delivery to plant store", "t_ent_delivery")]
    # the second import pairs the label by itself
    r = jm("survey", f, csv, "--journey", "enterprise", "--label-column", "Q",
           "--score-column", "score")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("matched: 3 rows to 2 touchpoints (1 remembered)\n")
    assert "unmatched: 1 row (1 label)" in r.stdout
    assert "remembered for the next import" not in r.stdout
    assert scores(f, "t_ent_delivery") == (*old, 3, 9, 3, 9)
    # exported to JSON and imported again, the pairing is still there
    js, back = tmp_path / "p.json", tmp_path / "back.jmap"
    assert jm("export", f, "--format", "json", "-o", js).returncode == 0
    assert '"survey_labels"' in js.read_text("utf-8")
    assert jm("import", js, "-o", back).returncode == 0
    assert load_store(back).tables["survey_label"] == load_store(f).tables["survey_label"]
