"""File ▸ Export ▸ Action list from the app: the file parses back; errors are one message."""

from __future__ import annotations

import csv
import io

from PySide6.QtWidgets import QFileDialog

from journeymap.analysis.scoring import rank


def test_export_csv_from_the_menu_parses_back(window, tmp_path, monkeypatch):
    window.new_from_template("b2b-procurement", "ja")
    ui = window.analysis_ui
    target = tmp_path / "actions.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(ui, "ask_scope", lambda: "journey")
    act = ui.export_actions["csv"]
    assert act in window.export_menu.actions() and act.isEnabled()
    act.trigger()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    ranking = rank(window.store, window.journey_id, lang="ja")
    expected = [*ranking.rows, *ranking.done]
    assert rows[0][0] == "順位"
    assert [r[2] for r in rows[1:]] == [it.title for it in expected]
    assert rows[-1][1] == "完了した施策"  # the template's done action, listed apart


def test_export_whole_project_xlsx_and_markdown(window, tmp_path):
    window.new_from_template("b2b-procurement", "en")
    ui = window.analysis_ui
    assert ui.export_action_list("md", str(tmp_path / "a.md"), scope="project")
    text = (tmp_path / "a.md").read_text("utf-8")
    assert all(it.title.replace("|", "\\|") in text for it in rank(window.store).actions)
    assert ui.export_action_list("xlsx", str(tmp_path / "a.xlsx"), scope="project")
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "a.xlsx")
    assert wb.worksheets[0].max_row == len(rank(window.store).actions) + 1


def test_export_error_is_one_message(window, tmp_path, message_boxes):
    window.new_from_template("b2b-procurement", "en")
    bad = tmp_path / "missing-folder" / "x.csv"
    assert not window.analysis_ui.export_action_list("csv", str(bad), scope="project")
    assert len(message_boxes.texts("critical")) == 1
    assert not bad.exists()
