"""The Export dialog: choose options, export, the file exists, choices are remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from journeymap.model.templates import load_template
from journeymap.ui.dialogs.export import ExportDialog, install_export_actions, render_preview


def _clear_settings() -> None:
    s = QSettings()
    s.remove("export")


def test_export_pdf_and_remember_choices(qtbot, tmp_path):
    _clear_settings()
    store = load_template("benefits-procurement", "ja")
    dialog = ExportDialog(store, None, str(tmp_path), "gifts")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.layout_mode.setCurrentIndex(dialog.layout_mode.findData(True))
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    assert dialog.path.text() == str(tmp_path / "gifts-map.pdf")
    dialog.update_preview()
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    dialog.run_export()
    out = tmp_path / "gifts-map.pdf"
    assert out.is_file() and out.read_bytes().startswith(b"%PDF-")
    assert dialog.written == out and dialog.result() == ExportDialog.DialogCode.Accepted

    again = ExportDialog(store, None, str(tmp_path / "elsewhere"), "gifts")
    qtbot.addWidget(again)
    o = again.options()
    assert (o["fmt"], o["paper"], o["tile"], o["lang"]) == ("pdf", "a4", True, "en")
    assert again.path.text().startswith(str(tmp_path))      # last folder remembered
    _clear_settings()


def test_png_with_dpi_and_report_preview(qtbot, tmp_path):
    _clear_settings()
    store = load_template("self-service-portal", "en")
    j = store.journeys()[0].id
    dialog = ExportDialog(store, j, str(tmp_path), "portal")
    qtbot.addWidget(dialog)
    assert dialog.journey.currentData() == j
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    dialog.dpi.setValue(60)
    assert dialog.dpi.isEnabled() and not dialog.layout_mode.isEnabled()
    dialog.run_export()
    assert (tmp_path / "portal-map.png").is_file()
    image = render_preview(store, "report", width=300)
    assert image.width() == 300 and not image.isNull()
    _clear_settings()


def test_install_uses_the_window_hook(qtbot):
    from PySide6.QtWidgets import QMainWindow

    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.actions_added = []
            self.store = None

        def add_export_action(self, action) -> None:
            self.actions_added.append(action)

    w = Window()
    qtbot.addWidget(w)
    action = install_export_actions(w)
    assert action is not None and w.actions_added == [action]
    action.trigger()          # no project open: nothing happens
    plain = QMainWindow()
    qtbot.addWidget(plain)
    assert install_export_actions(plain) is None


def test_report_papers_chosen_separately_and_preview_is_the_printed_page_one(qtbot, tmp_path):
    import subprocess

    _clear_settings()
    store = load_template("b2b-procurement", "en")
    dialog = ExportDialog(store, None, str(tmp_path), "proc")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("report"))
    o = dialog.options()
    assert (o["paper"], o["map_paper"]) == ("a4", "a3")   # the defaults
    assert dialog.report_paper.isEnabled() and dialog.paper.isEnabled()
    dialog.update_preview()
    pix = dialog.preview.pixmap()
    assert pix.height() > pix.width()                      # a portrait page, whole
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.run_export()
    out = tmp_path / "proc-report.pdf"
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "3", str(out)], capture_output=True,
                          text=True, check=True).stdout
    assert "Page    1 size:  595 x 842 pts (A4)" in info
    assert "Page    2 size:  842 x 595 pts (A4)" in info   # the map, landscape A4
    _clear_settings()


GLYPHLESS = "\U0010fffd"   # a private-use character no font draws


def test_characters_no_font_draws_are_named_after_the_export(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from journeymap.model import edits as E

    _clear_settings()
    store = load_template("benefits-procurement", "en")
    role = store.roles()[0]
    store.apply(E.set_fields(store, "role", role.id, name=f"Buyer {GLYPHLESS}").changes)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: warned.append(text)))
    dialog = ExportDialog(store, None, str(tmp_path), "gifts")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.run_export()
    assert (tmp_path / "gifts-map.pdf").is_file()
    assert len(warned) == 1 and "U+10FFFD" in warned[0]


def test_a_project_every_font_draws_gets_no_warning(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _clear_settings()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: warned.append(text)))
    dialog = ExportDialog(load_template("b2b-procurement", "ja"), None, str(tmp_path), "p")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.run_export()
    assert warned == []
