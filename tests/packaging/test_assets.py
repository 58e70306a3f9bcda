"""journeymap.assets: every asset found from a checkout, and a clear error when missing."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from journeymap import assets
from journeymap.model.templates import LANGUAGES, TEMPLATES

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_the_top_level_resources_folder():
    assert assets.resources_dir() == ROOT / "resources"
    for name in TEMPLATES:
        for lang in LANGUAGES:
            assert assets.asset("templates", f"{name}.{lang}.json").is_file()
    assert (assets.translations_dir() / "journeymap_ja.qm").is_file()
    assert assets.asset("licenses", "IPA_Font_License_Agreement_v1.0.txt").is_file()


@pytest.mark.parametrize("size", assets.ICON_SIZES)
def test_each_icon_png_has_the_size_its_name_says(size):
    data = assets.app_icon_png(size).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (size, size)


def test_the_scalable_icon_is_an_svg():
    text = assets.app_icon_svg().read_text("utf-8")
    assert "<svg" in text and 'viewBox="0 0 256 256"' in text


def test_a_broken_install_says_what_is_missing(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "journeymap"
    package.mkdir(parents=True)
    monkeypatch.setattr(assets.resources, "files", lambda name: package)
    assets.resources_dir.cache_clear()
    try:
        with pytest.raises(assets.MissingAssetError, match="resources are missing.*reinstall"):
            assets.resources_dir()
        # An installed package's own copy wins over anything beside it.
        (package / "resources" / "templates").mkdir(parents=True)
        (package.parent / "resources" / "templates").mkdir(parents=True)
        assets.resources_dir.cache_clear()
        assert assets.resources_dir() == package / "resources"
    finally:
        assets.resources_dir.cache_clear()
