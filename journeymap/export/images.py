"""The journey map as PNG or SVG, drawn by the map renderer in print mode
(:class:`~journeymap.render.scene.MapScene`, the same drawing as the canvas).

Scene units are pixels at 100 % zoom, i.e. 1/96 inch; an image at ``dpi`` has
``dpi / 96`` pixels per scene unit. Without a journey, every journey's map is stacked
top to bottom in one image. PNGs are capped at :data:`MAX_PIXELS` (the resolution is
lowered, and a warning logged, for a map that would not fit in memory).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from journeymap.export.map_pdf import _delete_scenes
from journeymap.export.paint import Progress
from journeymap.model.document import DocumentError, atomic_path
from journeymap.model.store import Store
from journeymap.render.qt_bootstrap import ensure_app
from journeymap.render.scene import MapScene

SCENE_DPI = 96.0
STACK_GAP = 24.0           # scene units between stacked journeys
MAX_PIXELS = 60_000_000    # 240 MB of ARGB32
log = logging.getLogger(__name__)


def _scenes(store: Store, journey: str | None) -> list[MapScene]:
    ensure_app()
    if journey is not None and store.get("journey", journey) is None:
        raise DocumentError(f"no journey {journey!r} in this project")
    ids = [journey] if journey is not None else [j.id for j in store.journeys()]
    if not ids:
        raise DocumentError("this project has no journeys to draw")
    return [MapScene(store, j, print_mode=True) for j in ids]


def _stack(scenes: list) -> tuple[float, float, list[tuple[object, QRectF, float]]]:
    """Total size (scene units) and (scene, source rect, y offset) of each map."""
    parts = []
    y, width = 0.0, 1.0
    for scene in scenes:
        rect = scene.map_rect()
        if rect.isEmpty():
            rect = QRectF(0, 0, 400, 300)
        parts.append((scene, rect, y))
        width = max(width, rect.width())
        y += rect.height() + STACK_GAP
    return width, max(1.0, y - STACK_GAP), parts


def render_map_image(store: Store, journey: str | None = None, dpi: int = 150) -> QImage:
    """The map(s) as a QImage at ``dpi`` (white background, same drawing as the canvas)."""
    if dpi <= 0:
        raise DocumentError(f"the resolution must be positive, not {dpi} dpi")
    scenes = _scenes(store, journey)
    try:
        return _render(scenes, dpi)
    finally:
        _delete_scenes(scenes)


def _render(scenes: list, dpi: int) -> QImage:
    width, height, parts = _stack(scenes)
    s = dpi / SCENE_DPI
    if width * height * s * s > MAX_PIXELS:
        s = (MAX_PIXELS / (width * height)) ** 0.5
        log.warning("map too large for %d dpi; drawn at %.0f dpi", dpi, s * SCENE_DPI)
    image = QImage(max(1, round(width * s)), max(1, round(height * s)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise DocumentError("not enough memory for an image of this size; lower the dpi")
    dpm = round(s * SCENE_DPI / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for scene, rect, y in parts:
        target = QRectF(0, y * s, rect.width() * s, rect.height() * s)
        scene.render(painter, target, rect, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    return image


def write_png(store: Store, path: Path | str, *, journey: str | None = None, dpi: int = 150,
              progress: Progress | None = None) -> Path:
    """PNG of the map(s) at ``dpi``; atomic, DocumentError when it cannot be written."""
    image = render_map_image(store, journey, dpi)
    with atomic_path(path, suffix=".png") as tmp:
        if not image.save(str(tmp), "PNG"):
            raise OSError(28, "the PNG could not be written (disk full?)", str(path))
    if progress is not None:
        progress(1, 1)
    return Path(path)


def write_svg(store: Store, path: Path | str, *, journey: str | None = None, dpi: int = 96,
              progress: Progress | None = None) -> Path:
    """SVG of the map(s) (vector; text stays text). ``dpi`` sets the nominal size."""
    scenes = _scenes(store, journey)
    try:
        return _write_svg(store, scenes, path, dpi, progress)
    finally:
        _delete_scenes(scenes)


def _write_svg(store: Store, scenes: list, path: Path | str, dpi: int,
               progress: Progress | None) -> Path:
    from PySide6.QtSvg import QSvgGenerator

    width, height, parts = _stack(scenes)
    title = store.project.title or "journeymap"
    with atomic_path(path, suffix=".svg") as tmp:
        gen = QSvgGenerator()
        gen.setFileName(str(tmp))
        gen.setTitle(title)
        gen.setDescription("journeymap journey map")
        gen.setResolution(int(dpi) if dpi > 0 else 96)
        gen.setSize(QSize(max(1, round(width)), max(1, round(height))))
        gen.setViewBox(QRectF(0, 0, width, height))
        painter = QPainter()
        if not painter.begin(gen):
            raise OSError(13, "the SVG cannot be opened for writing", str(path))
        try:
            painter.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
            for scene, rect, y in parts:
                scene.render(painter, QRectF(0, y, rect.width(), rect.height()), rect,
                             Qt.AspectRatioMode.IgnoreAspectRatio)
        finally:
            painter.end()
        del gen
        with open(tmp, "rb") as f:
            f.seek(0, 2)
            if f.tell() == 0:
                raise OSError(28, "the SVG could not be written (disk full?)", str(path))
            f.seek(-16, 2)
            if b"</svg>" not in f.read():
                raise OSError(28, "the SVG could not be written (disk full?)", str(path))
    if progress is not None:
        progress(1, 1)
    return Path(path)


__all__ = ["render_map_image", "write_png", "write_svg"]
