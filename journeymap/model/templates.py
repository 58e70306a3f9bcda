"""Project templates shipped with the package (JSON interchange files, one per language)."""

from __future__ import annotations

from pathlib import Path

from journeymap.assets import asset
from journeymap.model.jsonio import loads_project
from journeymap.model.store import Store

TEMPLATES = ("blank", "b2b-procurement", "benefits-procurement", "self-service-portal")
LANGUAGES = ("en", "ja")
DEMO_TEMPLATE = "b2b-procurement"


def _file(name: str, lang: str) -> Path:
    return asset("templates", f"{name}.{lang}.json")


def list_templates() -> list[str]:
    """Names of the templates that exist in every language."""
    return [n for n in TEMPLATES if all(_file(n, lang).is_file() for lang in LANGUAGES)]


def load_template(name: str, lang: str = "en") -> Store:
    """A new project from template ``name`` in ``lang`` (``en`` or ``ja``).

    Raises ValueError for an unknown name or language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if name not in list_templates():
        raise ValueError(f"unknown template {name!r}; choose one of {', '.join(list_templates())}")
    return loads_project(_file(name, lang).read_text("utf-8"))


def template_title(name: str, lang: str) -> str:
    """The project title a template carries (for menus)."""
    import json

    return json.loads(_file(name, lang).read_text("utf-8"))["project"]["title"]
