"""Action list exports: read back what was written (CSV with BOM, XLSX, Markdown)."""

from __future__ import annotations

import csv
import errno
import io
from dataclasses import replace
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
    # each part numbers its own rows; the Type column tells them apart
    assert [r[0] for r in body] == ["1", "2", "1", "2"]
    assert [r[1] for r in body] == ["施策", "施策", "ペインポイント", "ペインポイント"]
    # titles that a spreadsheet would read as a formula are still neutralised
    assert [r[2] for r in body] == ["'+回答を24時間以内に", "'-値引き", "'\tタブ", "'@cmd"]
    a1, p4 = body[0], body[2]
    # priority of a1: impact 1×1×0.6×1×1 = 0.6, ÷ 2/5 → 1.5
    assert a1[3] == "1.5" and a1[4] == "5" and a1[5] == "アイデア"
    assert a1[6] == "'=SUM(A1:A9)"  # the addressed pain's title: a real formula trigger
    assert p4[6] == "大手企業 – 調達責任者 – 発注"
    # the breakdown starts with a word and reads as sentences, numbers rounded
    assert a1[7] == ("1件のペインポイントに対応（0.6）\n  =SUM(A1:A9): インパクト 0.6\n"
                     "工数 2（5段階）→ ×2.5\n施策への投票はまだありません → ×1\n→ 優先度 1.5")
    assert p4[7].startswith("深刻度 1（5段階）\n頻度 2（5段階）\n")
    assert p4[7].endswith("→ インパクト 0.05")
    for r in body:
        assert not r[7].startswith("'")
        for cell in r:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_english_headers_and_journey_filter(tmp_path: Path) -> None:
    out = tmp_path / "en.csv"
    actionlist.write_csv(project("en"), out, journey="j")
    rows = read_csv(out)
    assert rows[0][:3] == ["Rank", "Type", "Title"]
    assert rows[1][1] == "Action"


def test_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "list.xlsx"
    actionlist.write_xlsx(project(), out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["施策", "未対応のペインポイント", "完了"]
    ws = wb["施策"]
    assert [c.value for c in ws[1]] == actionlist.HEADERS["ja"]
    assert ws.freeze_panes == "A2"
    assert all(c.font.bold for c in ws[1])
    assert ws["C2"].value == "'+回答を24時間以内に" and ws["C2"].data_type == "s"
    assert ws["C2"].alignment.wrap_text
    assert ws["D2"].value == 1.5
    assert ws.column_dimensions["C"].width == 40
    pains = wb["未対応のペインポイント"]
    titles = [r[2] for r in pains.iter_rows(min_row=2, values_only=True)]
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


# -- text a consumer would refuse -------------------------------------------------------------

HOSTILE = {
    "p1": "soft\x0bbreak from PowerPoint",   # vertical tab: PowerPoint's soft line break
    "p2": "nul\x00inside",
    "p3": "lone \ud800 surrogate",
    "p4": "\x00=HYPERLINK(\"http://x\")",     # the formula shows once the NUL is gone
}


def hostile_project() -> Store:
    """The test project with titles no validated import would accept (rows built
    directly, as a damaged or foreign file could hold them)."""
    rows = []
    for row in project("en").all_rows():
        if row.table == "pain_point" and row.id in HOSTILE:
            row = replace(row, title=HOSTILE[row.id])
        if row.table == "action" and row.id == "a1":
            row = replace(row, title="esc\x1b[31m form\x0cfeed \ufffe end")
        rows.append(row)
    return Store(rows)


def test_xlsx_replaces_what_xml_forbids(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "list.xlsx"
    actionlist.write_xlsx(hostile_project(), out)
    wb = load_workbook(out)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    titles = [row[2] for ws in wb for row in ws.iter_rows(min_row=2, values_only=True)]
    assert "esc[31m form\nfeed \ufffd end" in titles
    assert "lone \ufffd surrogate" in titles
    assert "'=HYPERLINK(\"http://x\")" in titles
    everything = "\n".join(texts)  # p1 and p2 appear where actions address them
    assert "soft\nbreak from PowerPoint" in everything and "nulinside" in everything
    for text in texts:
        assert not any(ord(ch) < 0x20 and ch not in "\t\n\r" for ch in text)
        assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)
    assert all(c.data_type != "f" for c in cells)


def test_xlsx_cells_within_excels_limit(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = [replace(r, title="=" + "x" * 40_000) if r.table == "pain_point" else r
            for r in project("en").all_rows()]
    out = tmp_path / "long.xlsx"
    actionlist.write_xlsx(Store(rows), out)
    values = [c.value for ws in load_workbook(out) for row in ws.iter_rows() for c in row
              if isinstance(c.value, str)]
    assert max(len(v) for v in values) == 32_767
    long = [v for v in values if len(v) == 32_767]
    assert all(v.endswith("…") for v in long)
    assert any(v.startswith("'=") for v in long)


def test_csv_and_markdown_write_any_text(tmp_path: Path) -> None:
    actionlist.write_csv(hostile_project(), tmp_path / "l.csv")
    body = read_csv(tmp_path / "l.csv")[1:]
    cells = [c for r in body for c in r]
    assert "lone \ufffd surrogate" in cells
    assert "nulinside" in "\n".join(cells) and "\x00" not in "".join(cells)
    assert "'=HYPERLINK(\"http://x\")" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    actionlist.write_markdown(hostile_project(), tmp_path / "l.md")
    text = (tmp_path / "l.md").read_text("utf-8")
    assert "\x00" not in text and "\x1b" not in text and "\x0b" not in text


def markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def test_markdown_escapes_html_and_markdown_syntax(tmp_path: Path) -> None:
    titles = {"p1": "<script>alert(1)</script>", "p2": "[click](javascript:alert(1))",
              "p3": "a | b\nc", "p4": "**bold** _it_ `code` ~~s~~ &lt;b&gt; <img src=x>"}
    rows = [replace(r, title=titles[r.id]) if r.table == "pain_point" else r
            for r in project("en").all_rows()]
    rows = [replace(r, title="Plan | #1 <b>") if r.table == "project" else r for r in rows]
    out = tmp_path / "l.md"
    actionlist.write_markdown(Store(rows), out)
    html = markdown_html(out.read_text("utf-8"))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert "<s>" not in html and "<del>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[click](javascript:alert(1))" in html
    assert "&amp;lt;b&amp;gt;" in html  # typed entity text stays that text
    assert "<h1>Action list — Plan | #1 &lt;b&gt;</h1>" in html
    # every table row has its 8 cells: pipes and newlines did not split or end a row
    for table in html.split("<table>")[1:]:
        body = table.split("</table>")[0]
        rows_html = body.split("<tr>")[1:]
        assert rows_html and all(r.count("<td") + r.count("<th") == 8 for r in rows_html)
    assert "a | b<br>c" in html or "a | b<br />c" in html
