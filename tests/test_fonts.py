"""Japanese text must print as real glyphs and stay searchable in PDFs."""

from __future__ import annotations

import subprocess

from journeymap.fonts import CJK_FAMILY, cjk_font_path, original_font_path


def test_derived_font_maps_the_characters_people_type():
    from fontTools.ttLib import TTFont

    path = cjk_font_path()
    assert path != original_font_path()
    cmap = TTFont(path).getBestCmap()
    assert 0x529B in cmap and 0x2F12 not in cmap  # 力 kept, Kangxi radical ⼒ dropped
    assert 0x2212 in cmap and 0xAD not in cmap  # minus kept, soft hyphen dropped
    assert all(ord(c) in cmap for c in "協力関係の確立調達責任者ABCabc123")
    name = TTFont(path)["name"]
    assert name.getDebugName(1) == CJK_FAMILY and "IPA" not in name.getDebugName(4)
    assert (path.parent / "IPA_Font_License_Agreement_v1.0.txt").is_file()


def test_qt_pdf_text_is_searchable_japanese(qapp, tmp_path):
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    from journeymap.ui.fonts import qt_font

    out = tmp_path / "t.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.setFont(qt_font(14))
    painter.drawText(100, 300, "協力関係の確立 − 能力 Purchasing")
    painter.end()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "協力関係の確立 − 能力 Purchasing" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "JMGothic" in fonts and "Type 3" not in fonts
