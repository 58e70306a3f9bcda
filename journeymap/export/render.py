"""Rendered exports (docs/architecture.md, render/ and export/): map PDF, report PDF, PNG and SVG of the map.

:func:`export_rendered` is what ``journeymap export --format pdf|report|png|svg`` and the
app's Export dialog call. It needs Qt: a head-less QApplication is created when the
process has none (offscreen platform when there is no display). The writers live in
:mod:`~journeymap.export.map_pdf`, :mod:`~journeymap.export.report_pdf` and
:mod:`~journeymap.export.images`.
"""

from __future__ import annotations

from pathlib import Path

from journeymap.export.paint import Progress
from journeymap.model.document import DocumentError
from journeymap.model.store import Store
from journeymap.render.qt_bootstrap import ensure_app

RENDERED_FORMATS = ("pdf", "report", "png", "svg")


def export_rendered(store: Store, out: Path | str, fmt: str, *, journey: str | None = None,
                    paper: str | None = None, lang: str | None = None, tile: bool = False,
                    dpi: int = 150, progress: Progress | None = None,
                    map_paper: str | None = None) -> Path:
    """Write ``fmt`` of ``store`` to ``out``; return the path written.

    * ``pdf``: the journey map, ``paper`` ``a3`` (default) or ``a4`` landscape, fitted
      to a page or tiled (``tile=True``, or automatically when text would be < 6 pt);
    * ``report``: the PDF report (``paper`` ``a4`` by default, portrait), each journey's
      map on a landscape page of ``map_paper`` (``a3`` by default);
    * ``png`` at ``dpi``; ``svg`` (vector).

    ``journey`` None exports every journey; ``lang`` ``ja``/``en`` sets the language of
    the page texts (None: the project's). ``progress(done, total)`` is called as pages
    are drawn. The file is written atomically; any failure raises DocumentError."""
    ensure_app()
    if fmt == "pdf":
        from journeymap.export.map_pdf import write_map_pdf

        return write_map_pdf(store, out, journey=journey, paper=paper or "a3", lang=lang,
                             tile=tile, progress=progress)
    if fmt == "report":
        from journeymap.export.report_pdf import write_report_pdf

        return write_report_pdf(store, out, journey=journey, paper=paper or "a4", lang=lang,
                                progress=progress, map_paper=map_paper or "a3")
    if fmt == "png":
        from journeymap.export.images import write_png

        return write_png(store, out, journey=journey, dpi=dpi, progress=progress)
    if fmt == "svg":
        from journeymap.export.images import write_svg

        return write_svg(store, out, journey=journey, progress=progress)
    raise DocumentError(f"unknown rendered format {fmt!r}; choose one of "
                        f"{', '.join(RENDERED_FORMATS)}")


__all__ = ["RENDERED_FORMATS", "export_rendered"]
