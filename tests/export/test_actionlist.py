"""Action list exports: read back what was written (CSV with BOM, XLSX, Markdown)."""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path
from typing import Any

import pytest

from journeymap.export import actionlist
from journeymap.model import document
from journeymap.model.document import DocumentError
from journeymap.model.jsonio import parse_project
from journeymap.model.store import Store


def project(lang: str = "ja") -> Store:
    data: dict[str, Any] = {
        "format": "journeymap", "version": 1,
        "project": {"title": "調達|テスト", "language": lang},
        "dimensions": [{"id": "product", "name": "製品力"}],
        "roles": [{"id": "buyer", "name": "調達責任者"}],
        "journeys": [{
            "id": "j", "name": "大手企業", "stages": [{"id": "s", "name": "発注"}],
            "lanes": ["buyer"],
            "touchpoints": [{"id": "t", "role": "buyer", "stage": "s", "title": "見積",
                             "pain_points": [
                                 {"id": "p1", "title": "=SUM(A1:A9)", "severity": 5,
                                  "frequency": 5, "dimension": "product"},
                                 {"id": "p2", "title": "見積が遅い|二重\n改行", "severity": 3,
                                  "frequency": 2, "dimension": "product"},
                                 {"id": "p3", "title": "@cmd", "severity": 1, "frequency": 1,
                                  "dimension": "product"},
                                 {"id": "p4", "title": "\tタブ", "severity": 1,
                                  "frequency": 2, "dimension": "product"}]}]}],
        "actions": [{"id": "a1", "title": "+回答を24時間以内に", "effort": 2,
                     "addresses": ["p1"]},
                    {"id": "a2", "title": "-値引き", "effort": 1, "addresses": ["p2"]}],
    }
    return parse_project(data)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_roundtrip(tmp_path: Path) -> None:
    out = tmp_path / "list.csv"
    actionlist.write_csv(project(), out)
    rows = read_csv(out)
    assert rows[0] == actionlist.HEADERS["ja"]
    assert b"\r\n" in out.read_bytes()
    body = rows[1:]
    assert [r[0] for r in body] == ["1", "2", "3", "4"]
    assert [r[2] for r in body] == ["a1", "a2", "p4", "p3"]
    assert [r[1] for r in body] == ["施策", "施策", "ペインポイント", "ペインポイント"]
    by_id = {r[2]: r for r in body}
    assert by_id["a1"][3] == "'+回答を24時間以内に"
    assert by_id["a2"][3] == "'-値引き"
    assert by_id["p3"][3] == "'@cmd"
    assert by_id["p4"][3] == "'\tタブ"
    # priority of a1: impact 1×1×0.6×1×1 = 0.6, ÷ 2/5 → 1.5
    assert by_id["a1"][4] == "1.5"
    assert by_id["a1"][5] == "5"
    assert "p1 =SUM(A1:A9)" in by_id["a1"][6]  # inside a cell, not at its start
    assert by_id["p4"][6] == "大手企業 – 調達責任者 – 発注"
    assert "深刻度" in by_id["p4"][7] and "× severity 0.2" in by_id["p4"][7]
    assert "= インパクトの合計 0.6" in by_id["a1"][7]
    for r in body:
        for cell in r:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_english_headers_and_journey_filter(tmp_path: Path) -> None:
    out = tmp_path / "en.csv"
    actionlist.write_csv(project("en"), out, journey="j")
    rows = read_csv(out)
    assert rows[0][:3] == ["Rank", "Type", "ID"]
    assert rows[1][1] == "Action"


def test_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "list.xlsx"
    actionlist.write_xlsx(project(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["施策", "未対応のペインポイント"]
    ws = wb["施策"]
    assert [c.value for c in ws[1]] == actionlist.HEADERS["ja"]
    assert ws.freeze_panes == "A2"
    assert all(c.font.bold for c in ws[1])
    assert ws["D2"].value == "'+回答を24時間以内に" and ws["D2"].data_type == "s"
    assert ws["D2"].alignment.wrap_text
    assert ws["E2"].value == 1.5
    assert ws.column_dimensions["D"].width == 40
    pains = wb["未対応のペインポイント"]
    titles = [r[3] for r in pains.iter_rows(min_row=2, values_only=True)]
    assert titles == ["'\tタブ", "'@cmd"]
    for sheet in wb:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f"


def test_markdown(tmp_path: Path) -> None:
    out = tmp_path / "list.md"
    actionlist.write_markdown(project(), out)
    text = out.read_text("utf-8")
    assert text.startswith("# 施策リスト — 調達\\|テスト")
    assert "## 施策" in text and "## 未対応のペインポイント" in text
    assert "見積が遅い\\|二重<br>改行" in text
    table_lines = [ln for ln in text.splitlines() if ln.startswith("|")]
    widths = {len([c for c in ln.replace("\\|", "").split("|")]) for ln in table_lines}
    assert widths == {10}  # 8 columns: every row has the same number of cells


def test_empty_project_markdown(tmp_path: Path) -> None:
    store = parse_project({"format": "journeymap", "version": 1, "project": {"title": "x"}})
    out = tmp_path / "e.md"
    actionlist.write_markdown(store, out)
    assert "(none)" in out.read_text("utf-8")
    actionlist.write_csv(store, tmp_path / "e.csv")
    assert len(read_csv(tmp_path / "e.csv")) == 1
    actionlist.write_xlsx(store, tmp_path / "e.xlsx")


@pytest.mark.parametrize("writer", [actionlist.write_csv, actionlist.write_xlsx,
                                    actionlist.write_markdown])
def test_unwritable_directory_leaves_nothing(writer: Any, tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(DocumentError, match="cannot write"):
        writer(project(), not_a_dir / "out.csv")
    with pytest.raises(DocumentError, match="cannot write"):
        writer(project(), tmp_path / "missing" / "out.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_failure_mid_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "list.csv"
    out.write_text("old")

    def boom(*a: Any, **k: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(document.os, "fsync", boom)
    with pytest.raises(DocumentError, match="the disk is full"):
        actionlist.write_csv(project(), out)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.csv"]
