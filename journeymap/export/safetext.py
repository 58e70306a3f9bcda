"""Text from a project made safe for the program that reads an export.

Titles come from anyone (a workshop, a pasted slide, a received file), so they can hold
characters a consumer refuses: XML 1.0 (inside every XLSX) forbids most C0 control
characters, lone surrogates and U+FFFE/U+FFFF; no UTF-8 file can hold a lone surrogate;
a NUL ends a C string. PowerPoint's soft line break is U+000B (vertical tab), so a title
pasted from a slide carries one: it becomes a line break rather than an error.
"""

from __future__ import annotations

import re

# A lone surrogate cannot be encoded; U+FFFD marks where the character was.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Vertical tab (PowerPoint's soft line break) and form feed read as line breaks.
_SOFT_BREAKS = re.compile("[\x0b\x0c]")
# What XML 1.0 forbids besides the above: C0 controls other than TAB, LF, CR; U+FFFE/F.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f]")
_NONCHARACTERS = re.compile("[\ufffe\uffff]")
# Excel refuses (asks to "repair") a cell longer than this.
XLSX_CELL_LIMIT = 32_767


def encodable(text: str) -> str:
    """``text`` that any UTF-8 writer accepts: lone surrogates become U+FFFD, NUL goes."""
    return _SURROGATES.sub("\ufffd", text).replace("\x00", "")


def xml_text(text: str) -> str:
    """``text`` with only characters XML 1.0 allows: soft line breaks become ``\\n``, other
    forbidden control characters are dropped, lone surrogates and U+FFFE/U+FFFF become
    U+FFFD."""
    text = _SOFT_BREAKS.sub("\n", encodable(text))
    return _NONCHARACTERS.sub("\ufffd", _XML_FORBIDDEN.sub("", text))


def cut_for_xlsx(text: str) -> str:
    """``text`` cut to the length Excel accepts in one cell, ending in "…" if cut."""
    if len(text) > XLSX_CELL_LIMIT:
        text = text[:XLSX_CELL_LIMIT - 1] + "…"
    return text


__all__ = ["XLSX_CELL_LIMIT", "cut_for_xlsx", "encodable", "xml_text"]
