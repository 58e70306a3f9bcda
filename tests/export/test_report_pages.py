"""The report as handed to a client: page 1 an executive summary, each journey's map on a
landscape page of its own, charts, the ranked lists, a method appendix; the dialog's
preview is page 1 as printed; app and CLI write the same report."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journeymap.analysis.scoring import rank  # noqa: E402
from journeymap.model.templates import load_template  # noqa: E402


def text_of(pdf: Path, first: int, last: int | None = None) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(first), "-l",
                           str(last or first), str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_cover_summary_map_pages_and_appendix(qapp, tmp_path: Path, lang: str) -> None:
    from journeymap.export.report_pdf import write_report_pdf

    store = load_template("b2b-procurement", lang)
    out = write_report_pdf(store, tmp_path / "r.pdf", charts=False)
    sizes = page_sizes(out)
    # A4 portrait, then one A3 landscape map page per journey
    assert sizes[0] == pytest.approx((595.28, 841.89), abs=1)
    landscape = [i for i, (w, h) in enumerate(sizes) if w > h]
    assert len(landscape) == len(store.journeys())
    assert all(sizes[i] == pytest.approx((1190.55, 841.89), abs=1) for i in landscape)
    cover = squeeze(text_of(out, 1))
    summary = "Executivesummary" if lang == "en" else "エグゼクティブサマリー"
    assert summary in cover
    for item in rank(store, lang=lang).actions[:5]:
        assert squeeze(item.title) in cover
    assert ("NPS" in cover) and squeeze(store.roles()[0].name) in cover
    # the map page shows the map: its stages and roles
    j = store.journeys()[0]
    map_text = squeeze(text_of(out, landscape[0] + 1))
    assert squeeze(store.stages(j.id)[0].name) in map_text
    assert squeeze(store.lane_roles(j.id)[0].name) in map_text
    # the method appendix closes the report (it may run over two pages)
    tail = squeeze(text_of(out, len(sizes) - 1) + text_of(out, len(sizes)))
    assert ("Appendix:method" if lang == "en" else "付録:算出方法") in tail
    persona = "Persona" if lang == "en" else "ペルソナ"
    heading = tail.index("Appendix:method" if lang == "en" else "付録:算出方法")
    assert persona not in tail[heading:]          # nothing after the appendix


def test_preview_is_page_one_as_printed(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from journeymap.export.report_pdf import preview_report_page, write_report_pdf

    store = load_template("b2b-procurement", "ja")
    image = preview_report_page(store, 595)
    out = write_report_pdf(store, tmp_path / "r.pdf")
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "p")], check=True)
    printed = QImage(str(next(tmp_path.glob("p*.png")))).scaledToWidth(595)

    def ink(img: QImage) -> list[float]:
        """Share of dark pixels in 8 horizontal bands (where the text is)."""
        bands = []
        h = img.height()
        for b in range(8):
            dark = total = 0
            for y in range(b * h // 8, (b + 1) * h // 8, 3):
                for x in range(0, img.width(), 3):
                    total += 1
                    dark += img.pixelColor(x, y).lightness() < 160
            bands.append(dark / total)
        return bands

    a, b = ink(image), ink(printed)
    assert sum(a) > 0.1 and min(a[:7]) > 0.01  # not an almost blank page: text all down
    # the same layout: ink spread over the bands alike (rasterisers differ in weight)
    na, nb = [x / sum(a) for x in a], [y / sum(b) for y in b]
    assert all(abs(x - y) < 0.05 for x, y in zip(na, nb, strict=True)), (na, nb)


def test_app_and_cli_write_the_same_report(qapp, tmp_path: Path) -> None:
    from journeymap.export.render import export_rendered

    src = Path(__file__).parent.parent.parent / "resources/templates/b2b-procurement.en.json"
    from journeymap.model.jsonio import read_json_file

    store = read_json_file(src)
    app = export_rendered(store, tmp_path / "app.pdf", "report", paper="a4", map_paper="a4")
    r = subprocess.run([sys.executable, "-m", "journeymap.cli", "export", str(src), "--format",
                        "report", "--paper", "a4", "--map-paper", "a4", "-o",
                        str(tmp_path / "cli.pdf")], capture_output=True, text=True,
                       env={**os.environ}, timeout=300)
    assert r.returncode == 0, r.stderr
    cli = tmp_path / "cli.pdf"
    assert page_sizes(app) == page_sizes(cli)
    assert (842, 595) in [(round(w), round(h)) for w, h in page_sizes(cli)]  # A4 landscape map
    assert text_of(app, 1, 999) == text_of(cli, 1, 999)


def test_report_calls_out_metrics_and_speaks_handoffs_in_japanese(qapp, tmp_path: Path) -> None:
    from journeymap.export.report_pdf import write_report_pdf

    store = load_template("b2b-procurement", "ja")
    out = write_report_pdf(store, tmp_path / "r.pdf")
    text = squeeze(text_of(out, 1, 999))
    assert "数字が食い違うところ" in text and "良い指標が悪い体験を隠しています" in text
    assert "待ちが生じる箇所" in text and "調整を最も担う役割" in text
    assert "媒介中心性" not in text and "到達できない" not in text


def test_cover_counts_use_singular_forms(qapp, tmp_path: Path) -> None:
    from journeymap.export.report_pdf import write_report_pdf
    from journeymap.model.jsonio import parse_project

    store = parse_project({
        "format": "journeymap", "version": 1, "project": {"title": "One", "language": "en"},
        "dimensions": [{"id": "product", "name": "Product"}],
        "roles": [{"id": "r", "name": "Buyer"}],
        "journeys": [{"id": "j", "name": "J", "stages": [{"id": "s", "name": "S"}],
                      "lanes": ["r"], "touchpoints": [
                          {"id": "t", "role": "r", "stage": "s", "title": "T", "pain_points": [
                              {"id": "p", "title": "P", "severity": 3, "frequency": 3,
                               "dimension": "product"}]}]}],
        "actions": [{"id": "a", "title": "A", "effort": 2, "addresses": ["p"]}]})
    out = write_report_pdf(store, tmp_path / "r.pdf", charts=False)
    cover = " ".join(text_of(out, 1).split())
    assert "1 stage · 1 role · 1 touchpoint · 1 pain point · 0 handoffs" in cover
    assert "addresses 1 pain point, the worst “P” (severity 3 of 5)" in cover


def test_progress_runs_to_the_end_without_going_back(qapp, tmp_path: Path) -> None:
    from journeymap.export.report_pdf import write_report_pdf

    steps: list[tuple[int, int]] = []
    write_report_pdf(load_template("self-service-portal", "en"), tmp_path / "r.pdf",
                     progress=lambda d, t: steps.append((d, t)))
    assert len(steps) > 10
    fractions = [d / t for d, t in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1
