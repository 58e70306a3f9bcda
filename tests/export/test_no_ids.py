"""No internal id anywhere a person reads: the report (read back with pdftotext), every
spreadsheet cell (CSV, XLSX) and the Markdown list; numbers rounded to two decimals."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journeymap.export import actionlist  # noqa: E402
from journeymap.model.store import Store  # noqa: E402
from journeymap.model.templates import load_template  # noqa: E402


def ids_of(store: Store) -> set[str]:
    """Ids a person could recognise as such (the templates' ids are like ``p_ent_docs``)."""
    return {i for table in store.tables.values() for i in table if "_" in i and len(i) > 4}


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z0-9_]+", text))


LONG_NUMBER = re.compile(r"\d\.\d{3,}")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_spreadsheets_and_markdown_carry_names_not_ids(tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    store = load_template("b2b-procurement", lang)
    ids = ids_of(store)
    assert len(ids) > 50
    cells = [c for row in csv.reader(io.StringIO(actionlist.csv_text(store))) for c in row]
    actionlist.write_xlsx(store, tmp_path / "l.xlsx")
    cells += [str(c.value) for ws in load_workbook(tmp_path / "l.xlsx") for row in ws.iter_rows()
              for c in row if c.value is not None]
    cells.append(actionlist.markdown_text(store).replace("\\_", "_"))
    for cell in cells:
        assert not ids & words(cell), (cell, ids & words(cell))
        assert not LONG_NUMBER.search(cell), cell
        assert not cell.startswith("'") or cell[1:2] in "=+-@\t\r"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_report_text_has_no_ids(qapp, tmp_path: Path, lang: str) -> None:
    from journeymap.export.report_pdf import write_report_pdf

    store = load_template("b2b-procurement", lang)
    out = write_report_pdf(store, tmp_path / "r.pdf", charts=False)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert not ids_of(store) & words(text)
    assert not LONG_NUMBER.search(text)
    done = "Done: actions finished" if lang == "en" else "完了した施策"
    assert done in text
