"""File ▸ Export ▸ Map, report, image…: the rendered exports with a preview.

Choices (format, journey, paper, fit/tile, language, PNG resolution, folder) are kept
in QSettings. The preview is page 1 drawn by the same code as the file. A long export
shows a QProgressDialog; afterwards the user can open the file or its folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymap.model.document import DocumentError
from journeymap.model.store import Store

SETTINGS_GROUP = "export"
SUFFIX = {"pdf": ".pdf", "report": ".pdf", "png": ".png", "svg": ".svg"}
PREVIEW_W = 420


class ExportDialog(QDialog):
    """Choose and run a rendered export of ``store``. ``journey`` preselects a journey;
    ``folder`` is where the file goes unless the user chose another folder before."""

    def __init__(self, store: Store, journey: str | None = None, folder: str | None = None,
                 basename: str = "journeymap", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.basename = basename
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export map or report"))

        self.format = QComboBox()
        for key, text in (("pdf", self.tr("Journey map (PDF)")),
                          ("report", self.tr("Report (PDF)")),
                          ("png", self.tr("Map image (PNG)")),
                          ("svg", self.tr("Map drawing (SVG)"))):
            self.format.addItem(text, key)
        self.journey = QComboBox()
        self.journey.addItem(self.tr("All journeys"), None)
        for j in store.journeys():
            self.journey.addItem(j.name + (f" ({j.segment})" if j.segment else ""), j.id)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A3 (landscape for the map)"), "a3")
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.setAccessibleName(self.tr("Paper of the map pages"))
        self.report_paper = QComboBox()
        self.report_paper.addItem(self.tr("A4 portrait"), "a4")
        self.report_paper.addItem(self.tr("A3 portrait"), "a3")
        self.report_paper.setAccessibleName(self.tr("Paper of the report pages"))
        self.layout_mode = QComboBox()
        self.layout_mode.addItem(self.tr("Fit to one page (tiles if text would be tiny)"),
                                 False)
        self.layout_mode.addItem(self.tr("Tile over several pages"), True)
        self.lang = QComboBox()
        self.lang.addItem(self.tr("Project language"), None)
        self.lang.addItem("English", "en")
        self.lang.addItem("日本語", "ja")
        self.dpi = QSpinBox()
        self.dpi.setRange(48, 600)
        self.dpi.setSuffix(" dpi")
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Journey:"), self.journey)
        form.addRow(self.tr("Map paper:"), self.paper)
        form.addRow(self.tr("Report paper:"), self.report_paper)
        form.addRow(self.tr("Layout:"), self.layout_mode)
        form.addRow(self.tr("Language:"), self.lang)
        form.addRow(self.tr("Resolution:"), self.dpi)
        form.addRow(self.tr("File:"), row)

        self.preview = QLabel()
        self.preview.setMinimumSize(QSize(PREVIEW_W, int(PREVIEW_W * 0.72)))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #8a8f96;")
        self.preview.setAccessibleName(self.tr("Preview of the first page"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run_export)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(self.preview)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.buttons)

        self._folder = folder or str(Path.home())
        self._restore(journey)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.update_preview)
        for combo in (self.format, self.journey, self.paper, self.report_paper,
                      self.layout_mode, self.lang):
            combo.currentIndexChanged.connect(self._changed)
        self.dpi.valueChanged.connect(self._changed)
        self._changed()

    # -- options ---------------------------------------------------------------------------------
    def options(self) -> dict:
        """The current choices, as keyword arguments of export_rendered (plus fmt)."""
        fmt = self.format.currentData()
        if fmt == "report":
            # The report's pages and its map pages have papers of their own.
            return {"fmt": fmt, "journey": self.journey.currentData(),
                    "paper": self.report_paper.currentData(),
                    "map_paper": self.paper.currentData(), "lang": self.lang.currentData(),
                    "tile": False, "dpi": self.dpi.value()}
        return {"fmt": fmt, "journey": self.journey.currentData(),
                "paper": self.paper.currentData(), "lang": self.lang.currentData(),
                "tile": bool(self.layout_mode.currentData()), "dpi": self.dpi.value()}

    def _restore(self, journey: str | None) -> None:
        s = QSettings()
        s.beginGroup(SETTINGS_GROUP)
        _select(self.format, s.value("format", "pdf"))
        _select(self.paper, s.value("paper", "a3"))
        _select(self.report_paper, s.value("report_paper", "a4"))
        _select(self.layout_mode, s.value("tile", "false") in (True, "true"))
        _select(self.lang, s.value("lang", "") or None)
        self.dpi.setValue(int(s.value("dpi", 150)))
        self._folder = str(s.value("folder", self._folder))
        s.endGroup()
        _select(self.journey, journey)

    def save_settings(self) -> None:
        o = self.options()
        s = QSettings()
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("format", o["fmt"])
        s.setValue("paper", o.get("map_paper", o["paper"]))
        if o["fmt"] == "report":
            s.setValue("report_paper", o["paper"])
        s.setValue("tile", "true" if o["tile"] else "false")
        s.setValue("lang", o["lang"] or "")
        s.setValue("dpi", o["dpi"])
        if self.path.text():
            s.setValue("folder", str(Path(self.path.text()).parent))
        s.endGroup()

    def _changed(self) -> None:
        fmt = self.format.currentData()
        self.paper.setEnabled(fmt in ("pdf", "report"))
        self.report_paper.setEnabled(fmt == "report")
        self.layout_mode.setEnabled(fmt == "pdf")
        self.lang.setEnabled(fmt in ("pdf", "report"))
        self.dpi.setEnabled(fmt == "png")
        name = self.basename + ("-report" if fmt == "report" else "-map") + SUFFIX[fmt]
        current = self.path.text()
        folder = str(Path(current).parent) if current else self._folder
        self.path.setText(str(Path(folder) / name))
        self._preview_timer.start()

    def _browse(self) -> None:
        fmt = self.format.currentData()
        filters = {"pdf": self.tr("PDF (*.pdf)"), "report": self.tr("PDF (*.pdf)"),
                   "png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(),
                                              filters[fmt])
        if path:
            if not path.lower().endswith(SUFFIX[fmt]):
                path += SUFFIX[fmt]
            self.path.setText(path)

    # -- preview ---------------------------------------------------------------------------------
    def update_preview(self) -> None:
        try:
            image = render_preview(self.store, **self.options(), width=PREVIEW_W)
        except DocumentError as e:
            self.preview.setText(str(e))
            return
        pixmap = QPixmap.fromImage(image)
        room = self.preview.minimumSize()
        if pixmap.height() > room.height():   # a portrait page: whole page, as printed
            pixmap = pixmap.scaledToHeight(room.height(),
                                           Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pixmap)

    # -- export ------------------------------------------------------------------------------------
    def run_export(self) -> None:
        from journeymap.export.render import export_rendered

        if not self.path.text().strip():
            self._browse()
            if not self.path.text().strip():
                return
        o = self.options()
        out = Path(self.path.text()).expanduser()
        if out.exists():
            answer = QMessageBox.question(
                self, self.tr("Replace file?"),
                self.tr("{0} already exists. Replace it?").format(out.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        progress = QProgressDialog(self.tr("Exporting…"), "", 0, 0, self)
        progress.setCancelButton(None)   # a half-written export is never useful
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        fmt = o.pop("fmt")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.written = export_rendered(self.store, out, fmt, progress=step, **o)
        except DocumentError as e:
            QApplication.restoreOverrideCursor()
            progress.close()
            QMessageBox.warning(self, self.tr("Export failed"), str(e))
            return
        QApplication.restoreOverrideCursor()
        progress.close()
        self.save_settings()
        self.warn_undrawable()
        self.accept()
        self.offer_open(self.written)

    def warn_undrawable(self) -> None:
        """Characters no installed font has (emoji without an emoji font) print as boxes:
        say which, never leave them silent."""
        from journeymap.render.fonts import store_texts, undrawable

        missing = undrawable(store_texts(self.store))
        if missing:
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:8])
            QMessageBox.warning(self, self.tr("Characters without a font"), self.tr(
                "No installed font can draw %1, so they show as boxes in the exported "
                "file. Install a font that has them (for emoji, an emoji font) or change "
                "the text.").replace("%1", shown))

    def offer_open(self, path: Path) -> None:
        """After an export: Open the file, Show it in its folder, or Close."""
        if QApplication.platformName() == "offscreen":
            return   # tests and head-less runs: nobody to ask
        box = QMessageBox(self.parentWidget())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Export finished"))
        box.setText(self.tr("Wrote {0}").format(str(path)))
        open_btn = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        folder_btn = box.addButton(self.tr("Show in Folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_btn:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is folder_btn:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _select(combo: QComboBox, data: object) -> None:
    for i in range(combo.count()):
        if combo.itemData(i) == data:
            combo.setCurrentIndex(i)
            return


def render_preview(store: Store, fmt: str = "pdf", journey: str | None = None,
                   paper: str | None = "a3", lang: str | None = None, tile: bool = False,
                   dpi: int = 150, width: int = PREVIEW_W,
                   map_paper: str | None = "a3") -> QImage:
    """Page 1 of an export as an image ``width`` pixels wide, drawn by the same code
    as the file (report: its cover with the executive summary, exactly as printed;
    PNG/SVG: the map)."""
    from journeymap.export.paint import DPI

    if fmt == "pdf":
        from journeymap.export.map_pdf import MapDocument, preview_page

        doc = MapDocument(store, journey, paper, lang, tile)
        try:
            return preview_page(doc, 0, width)
        finally:
            doc.close()
    if fmt == "report":
        from journeymap.export.report_pdf import preview_report_page

        image = preview_report_page(store, width, journey=journey, paper=paper or "a4",
                                    lang=lang, map_paper=map_paper)
        dpm = round(DPI / 0.0254)
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        return image
    from journeymap.export.images import render_map_image

    image = render_map_image(store, journey, 40)
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation) \
        if image.width() > width else image


def install_export_actions(main_window) -> QAction | None:  # type: ignore[no-untyped-def]
    """Add File ▸ Export ▸ "Map, Report or Image…" to ``main_window`` through its
    ``add_export_action``; returns the action (None when the window has no such hook)."""
    add = getattr(main_window, "add_export_action", None)
    if add is None:
        return None
    text = QCoreApplication.translate("ExportDialog", "Map, Report or Image (PDF, PNG, SVG)…")
    action = QAction(text, main_window)
    action.setShortcut("Ctrl+Shift+E")

    def open_dialog() -> None:
        store = getattr(main_window, "store", None)
        if store is None:
            return
        doc = getattr(main_window, "doc", None)
        path = getattr(doc, "path", None)
        folder = str(path.parent) if path is not None else None
        base = path.stem if path is not None else (store.project.title or "journeymap")
        dialog = ExportDialog(store, getattr(main_window, "journey_id", None), folder,
                              _safe_name(base), main_window)
        dialog.exec()
        dialog.deleteLater()

    action.triggered.connect(open_dialog)
    add(action)
    return action


def _safe_name(text: str) -> str:
    bad = '<>:"/\\|?*\n\r\t'
    name = "".join("_" if c in bad else c for c in text).strip(" .")
    return name[:80] or "journeymap"


__all__ = ["ExportDialog", "install_export_actions", "render_preview"]
