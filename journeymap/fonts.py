"""The fonts journeymap can always use, whatever the machine has installed.

IPAexGothic ships inside the ``matplotlib-fontja`` package (IPA Font License), so
Japanese never renders as boxes: matplotlib adds it to its font manager here, and
:mod:`journeymap.render.fonts` registers it with Qt. This module never imports Qt.

PDF text must be searchable. IPAexGothic maps some glyphs from two code points (力 and
the Kangxi radical ⼒, − and the soft hyphen, ’ and ʼ …), and PDF writers build the
ToUnicode table from the lowest one, so `pdftotext` would read 協力 as 協⼒. We therefore
use a derived copy, made once per machine in the cache folder, whose character map
drops those rarely typed duplicates. As the IPA Font License asks of a derived font,
it carries another name (``JM Gothic``) and the licence; it is never redistributed by
us, only embedded (as a subset) in the documents a user makes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

CJK_FAMILY = "JM Gothic"
_FORMAT = 1  # bump when the derivation below changes


def original_font_path() -> Path:
    """Path of the IPAexGothic TrueType file in the matplotlib-fontja package."""
    import importlib.util

    # Found without importing the package: its __init__ imports matplotlib, which the
    # app must not load at start (start-up budget, docs/performance.md); only the charts need it.
    spec = importlib.util.find_spec("matplotlib_fontja")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "fonts" / "ipaexg.ttf"
        if path.is_file():
            return path
    from matplotlib_fontja import get_font_ttf_path

    return Path(get_font_ttf_path())


def _is_duplicate_alias(cp: int) -> bool:
    # Radicals, modifier letters and the soft hyphen share glyphs with the characters
    # people actually type (力, ’, −); keep those, drop these.
    return cp == 0xAD or 0x2B0 <= cp <= 0x2FF or 0x2E80 <= cp <= 0x2FDF


def _derive(src: Path, dest: Path) -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(src)
    best = font.getBestCmap()
    users: dict[str, list[int]] = {}
    for cp, glyph in best.items():
        users.setdefault(glyph, []).append(cp)
    drop = {cp for cps in users.values() if len(cps) > 1 for cp in cps
            if _is_duplicate_alias(cp) and not all(_is_duplicate_alias(c) for c in cps)}
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp in drop:
                table.cmap.pop(cp, None)
    names = {1: CJK_FAMILY, 3: "JMGothic-derived-from-IPAexGothic-00401", 4: CJK_FAMILY,
             6: "JMGothic", 16: CJK_FAMILY, 17: "Regular", 21: CJK_FAMILY, 22: "Regular"}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    fd, tmp = tempfile.mkstemp(dir=dest.parent, suffix=".ttf")
    os.close(fd)
    try:
        font.save(tmp)
        os.replace(tmp, dest)
    finally:
        Path(tmp).unlink(missing_ok=True)


@cache
def cjk_font_path() -> Path:
    """The font to use for Japanese everywhere (Qt, PDF, matplotlib): the derived copy
    of IPAexGothic, made on first use; the original if the cache cannot be written."""
    src = original_font_path()
    from platformdirs import user_cache_dir

    # Keyed by the source file's identity, not its 5 MB of content: this runs at every start.
    info = src.stat()
    key = hashlib.sha256(f"{src}|{info.st_size}|{info.st_mtime_ns}".encode()).hexdigest()[:12]
    folder = Path(os.environ.get("JOURNEYMAP_CACHE_DIR")
                  or user_cache_dir("journeymap", appauthor=False)) / "fonts"
    dest = folder / f"JMGothic-{key}-{_FORMAT}.ttf"
    if dest.is_file():
        return dest
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _derive(src, dest)
        licence = src.parent / "IPA_Font_License_Agreement_v1.0.txt"
        if licence.is_file():
            (folder / licence.name).write_bytes(licence.read_bytes())
    except OSError:
        return src
    return dest


@cache
def setup_matplotlib() -> str:
    """Make matplotlib draw Japanese with the bundled font; return the family name."""
    from matplotlib import font_manager, rcParams

    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    # Explicit families, not the generic "sans-serif": matplotlib falls back glyph by
    # glyph only across the entries of font.family (a generic family resolves to one font).
    rcParams["font.family"] = ["DejaVu Sans", name]
    rcParams["font.sans-serif"] = ["DejaVu Sans", name]
    rcParams["svg.fonttype"] = "none"
    rcParams["pdf.fonttype"] = 42  # TrueType (embedded, searchable), never Type 3
    rcParams["axes.unicode_minus"] = False
    return name
