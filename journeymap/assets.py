"""Where the runtime assets are: templates, translations, icons, licences.

The assets live in the repository's top-level ``resources/`` folder. An installed
journeymap (a wheel, ``pipx``, the frozen app) carries them as package data at
``journeymap/resources/`` (``pyproject.toml`` maps the package ``journeymap.resources``
to the folder ``resources``). A source checkout and an editable install have no such
folder inside the package, so the loader falls back to ``resources/`` beside it.

Paths are real files on disk (Qt's translator and icon loaders need file names):
journeymap is never imported from a zip archive. This module never imports Qt.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

PACKAGE = "journeymap"


class MissingAssetError(FileNotFoundError):
    """An asset the installation should carry is not there (a broken install)."""


@cache
def resources_dir() -> Path:
    """The folder that holds ``templates/``, ``translations/``, ``icons/``, ``licenses/``.

    Installed: ``<site-packages>/journeymap/resources``; a checkout or an editable
    install: ``<repository>/resources``. Raises MissingAssetError when neither exists."""
    package = Path(str(resources.files(PACKAGE)))
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "templates").is_dir():
            return candidate
    raise MissingAssetError(
        f"journeymap's resources are missing (looked in {package / 'resources'} and "
        f"{package.parent / 'resources'}); reinstall journeymap")


def asset(*parts: str) -> Path:
    """The path of one asset, e.g. ``asset("templates", "blank.en.json")``.

    The file need not exist; callers that require it check ``is_file()``."""
    return resources_dir().joinpath(*parts)


def templates_dir() -> Path:
    return asset("templates")


def translations_dir() -> Path:
    return asset("translations")


def icons_dir() -> Path:
    return asset("icons")


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon_svg() -> Path:
    """The scalable app icon."""
    return asset("icons", "journeymap.svg")


def app_icon_png(size: int) -> Path:
    """The app icon drawn at ``size`` × ``size`` pixels (one of :data:`ICON_SIZES`)."""
    return asset("icons", f"journeymap-{size}.png")
