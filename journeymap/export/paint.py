"""Shared ground of the rendered exports (map PDF, report PDF, PNG, SVG): pages and files.

Drawing lives in :mod:`journeymap.render` (fonts in points, text wrapping, the map
items and scene, :func:`~journeymap.render.qt_bootstrap.ensure_app`); this module holds
what is about files and paper:

* Every page is drawn in **points** on a 72-dpi device (QPdfWriter at resolution 72,
  or a QImage whose dots-per-metre say 72 dpi, scaled for a preview): one point is one
  device unit (:data:`~journeymap.render.fonts.DPI`), so fonts given in points
  (:func:`~journeymap.render.fonts.pt_font`) measure the same wherever they are drawn.
* :data:`TEXTS`, the words of the exported pages in English and Japanese, is the
  export part of the content catalogue :mod:`journeymap.analysis.content_text`.
* :func:`write_pdf_atomically` opens a QPdfWriter on a temporary file beside the target
  (:func:`journeymap.model.document.atomic_path`) and turns every failure into one
  :class:`~journeymap.model.document.DocumentError`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from journeymap.analysis.content_text import EXPORT_TEXT, content_lang
from journeymap.model.document import DocumentError, atomic_path
from journeymap.model.store import Store
from journeymap.render.fonts import DPI
from journeymap.render.qt_bootstrap import ensure_app

#: called as progress(done, total) while pages are drawn
Progress = Callable[[int, int], None]

PAPERS = {"a3": QPageSize.PageSizeId.A3, "a4": QPageSize.PageSizeId.A4}

TEXTS = EXPORT_TEXT


def export_lang(store: Store, lang: str | None) -> str:
    """The language of an export: ``lang`` if given, else the project's (en/ja)."""
    if lang in TEXTS:
        return lang  # type: ignore[return-value]
    return content_lang(store.project.language)


def today(lang: str) -> str:
    d = _dt.date.today()
    return f"{d.year}年{d.month}月{d.day}日" if lang == "ja" else d.isoformat()


# -- pages ----------------------------------------------------------------------------------------
def page_size_pt(paper: str, landscape: bool) -> QSizeF:
    size = QPageSize(PAPERS[paper]).size(QPageSize.Unit.Point)
    if landscape:
        size = QSizeF(size.height(), size.width())
    return size


@contextlib.contextmanager
def write_pdf_atomically(path: Path | str, paper: str, landscape: bool,
                         title: str) -> Iterator[tuple[QPdfWriter, QPainter]]:
    """A painter on a PDF at ``path`` (72 dpi: units are points, no page margins).

    The PDF is written to a temporary file beside ``path`` and renamed over it only when
    complete; any failure (folder missing or read-only, disk full) raises one
    DocumentError and leaves no file behind."""
    target = Path(path)
    with atomic_path(target, suffix=".pdf") as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setTitle(title)
        writer.setCreator("journeymap")
        layout = QPageLayout(QPageSize(PAPERS[paper]),
                             QPageLayout.Orientation.Landscape if landscape
                             else QPageLayout.Orientation.Portrait,
                             QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        writer.setPageLayout(layout)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EACCES, "the PDF cannot be opened for writing", str(target))
        try:
            yield writer, painter
        finally:
            if painter.isActive():
                painter.end()
        del writer
        _check_pdf(tmp, target)


def _check_pdf(tmp: Path, target: Path) -> None:
    """QPdfWriter reports no write errors: make sure the whole file reached the disk."""
    try:
        size = tmp.stat().st_size
        with open(tmp, "rb") as f:
            head = f.read(5)
            f.seek(max(0, size - 64))
            tail = f.read()
    except OSError:
        raise
    if head != b"%PDF-" or b"%%EOF" not in tail:
        # The usual cause is a full disk (Qt drops the failed writes silently).
        raise OSError(errno.ENOSPC, "the PDF was not written completely (disk full?)",
                      str(target))


def check_paper(paper: str | None, default: str) -> str:
    paper = (paper or default).lower()
    if paper not in PAPERS:
        raise DocumentError(f"unknown paper size {paper!r}; choose a3 or a4")
    return paper


__all__ = [
    # DPI and ensure_app are the render layer's, named here too for the export dialog
    # and the benchmarks, which reach them through the export package.
    "DPI", "PAPERS", "Progress", "TEXTS", "check_paper", "ensure_app",
    "export_lang", "page_size_pt", "today", "write_pdf_atomically",
]
