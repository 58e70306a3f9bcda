"""The fonts journeymap can always use, whatever the machine has installed.

IPAexGothic ships inside the ``matplotlib-fontja`` package (IPA Font License), so
Japanese never renders as boxes: matplotlib adds it to its font manager here, and
:mod:`journeymap.ui.fonts` registers it with Qt. This module never imports Qt.

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

    key = hashlib.sha256(src.read_bytes()).hexdigest()[:12]
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


# -- a copy of the font whose text survives PDF extraction ------------------------------------
TEXT_FAMILY = "Journeymap Gothic"
_RADICALS = (0x2E80, 0x2FDF)   # CJK Radicals Supplement and Kangxi Radicals


@cache
def extractable_font_data() -> bytes:
    """IPAexGothic, in memory, with the cmap entries of CJK radicals that share their
    glyph with a unified ideograph removed, and renamed to :data:`TEXT_FAMILY`.

    Why: IPAexGothic draws 工 (U+5DE5) and the Kangxi radical ⼯ (U+2F2F) with one glyph.
    Qt's PDF writer maps every embedded glyph back to the lowest code point that uses
    it, so ``pdftotext`` (and search, copy and paste) read ⼯業 instead of 工業. Without
    the radical code points the glyph maps back to the ideograph. The IPA Font License
    asks a modified font not to carry the original name, hence the new family name.
    Glyphs, metrics and every other table are the original bytes."""
    import struct

    data = cjk_font_path().read_bytes()
    num = struct.unpack_from(">H", data, 4)[0]
    tables: dict[bytes, tuple[int, int, int]] = {}
    for i in range(num):
        tag, checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
        tables[tag] = (checksum, offset, length)
    new = {b"cmap": _patched_cmap(data, tables[b"cmap"][1]),
           b"name": _renamed(data, tables[b"name"][1])}
    tags = sorted(tables)
    out = bytearray()
    search = 1 << (num.bit_length() - 1)
    out += struct.pack(">4sHHHH", data[:4], num, search * 16, search.bit_length() - 1,
                       num * 16 - search * 16)
    offset = 12 + 16 * num
    body = bytearray()
    records = []
    for tag in tags:
        checksum, off, length = tables[tag]
        blob = new.get(tag, data[off:off + length])
        if tag in new:
            padded = blob + b"\0" * (-len(blob) % 4)
            checksum = sum(struct.unpack(f">{len(padded) // 4}L", padded)) & 0xFFFFFFFF
        records.append(struct.pack(">4sLLL", tag, checksum, offset + len(body), len(blob)))
        body += blob + b"\0" * (-len(blob) % 4)
    return bytes(out + b"".join(records) + body)


def _patched_cmap(data: bytes, base: int) -> bytes:
    import struct

    count = struct.unpack_from(">H", data, base + 2)[0]
    subtables = {}
    for i in range(count):
        pid, eid, off = struct.unpack_from(">HHL", data, base + 4 + 8 * i)
        subtables[(pid, eid)] = base + off
    start = subtables[(3, 10)]
    fmt, _, length, _, groups = struct.unpack_from(">HHLLL", data, start)
    if fmt != 12:
        raise ValueError("unexpected cmap layout")
    mapping: dict[int, int] = {}
    for g in range(groups):
        a, b, glyph = struct.unpack_from(">LLL", data, start + 16 + 12 * g)
        for k in range(b - a + 1):
            mapping[a + k] = glyph + k
    elsewhere = {g for cp, g in mapping.items() if not _RADICALS[0] <= cp <= _RADICALS[1]}
    kept = sorted((cp, g) for cp, g in mapping.items()
                  if not (_RADICALS[0] <= cp <= _RADICALS[1] and g in elsewhere))
    runs: list[list[int]] = []
    for cp, g in kept:
        if runs and cp == runs[-1][1] + 1 and g == runs[-1][2] + (cp - runs[-1][0]):
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, g])
    sub12 = struct.pack(">HHLLL", 12, 0, 16 + 12 * len(runs), 0, len(runs)) + b"".join(
        struct.pack(">LLL", *r) for r in runs)
    # Only the UCS-4 table (and the variation sequences, as they were): every engine
    # that reads format 12 prefers it, and the BMP tables would bring the radicals back.
    parts = [((3, 10), sub12)]
    if (0, 5) in subtables:
        off = subtables[(0, 5)]
        parts.append(((0, 5), data[off:off + struct.unpack_from(">L", data, off + 2)[0]]))
    parts.sort()
    header = struct.pack(">HH", 0, len(parts))
    offset = 4 + 8 * len(parts)
    recs, blobs = b"", b""
    for (pid, eid), blob in parts:
        recs += struct.pack(">HHL", pid, eid, offset + len(blobs))
        blobs += blob
    return header + recs + blobs


def _renamed(data: bytes, base: int) -> bytes:
    import struct

    _, count, storage = struct.unpack_from(">HHH", data, base)
    names = {1: TEXT_FAMILY, 3: "JourneymapGothic-IPAexDerived", 4: TEXT_FAMILY,
             6: "JourneymapGothic", 16: TEXT_FAMILY}
    records = []
    for i in range(count):
        pid, eid, lang, nid, length, off = struct.unpack_from(">6H", data, base + 6 + 12 * i)
        raw = data[base + storage + off: base + storage + off + length]
        if nid in names:
            if (pid, eid, lang) not in ((3, 1, 0x409), (1, 0, 0)):
                continue   # localised family names of the original: dropped
            raw = names[nid].encode("utf-16-be" if pid == 3 else "latin-1")
        elif nid == 17 and pid != 3:
            continue
        records.append((pid, eid, lang, nid, raw))
    records.sort(key=lambda r: r[:4])
    strings = b""
    head = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    recs = b""
    for pid, eid, lang, nid, raw in records:
        recs += struct.pack(">6H", pid, eid, lang, nid, len(raw), len(strings))
        strings += raw
    return head + recs + strings
