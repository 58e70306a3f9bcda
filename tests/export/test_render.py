"""Rendered exports read back with poppler: page size and count, fonts, text, pixels."""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journeymap.export.render import export_rendered  # noqa: E402
from journeymap.model.document import DocumentError  # noqa: E402
from journeymap.model.jsonio import loads_project  # noqa: E402
from journeymap.model.templates import list_templates, load_template  # noqa: E402

A3 = (1190.55, 841.89)
A4 = (841.89, 595.28)
FILLED = [t for t in list_templates() if t != "blank"]


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_info(path: Path) -> tuple[int, float, float]:
    out = run("pdfinfo", str(path))
    pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out).groups())
    return pages, w, h


def assert_fonts_embedded(path: Path) -> None:
    rows = run("pdffonts", str(path)).splitlines()[2:]
    assert rows, "no fonts at all"
    for row in rows:
        assert "Type 3" not in row, row
        # columns: name type encoding emb sub uni object ID -> emb is the 4th from the end
        assert row.split()[-5] == "yes", row


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    # NFKC: pdftotext keeps ligatures (ﬁ) as they are drawn
    return unicodedata.normalize("NFKC", run(*args, str(path), "-"))


def non_white_fraction(path: Path, page: int = 1) -> float:
    """Render a page with pdftoppm -r 30 and count non-white pixels of the PPM."""
    data = subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), str(path)],
                          capture_output=True, check=True).stdout
    parts = data.split(maxsplit=4)     # P6 w h maxval pixels
    assert parts[0] == b"P6"
    w, h = int(parts[1]), int(parts[2])
    pixels = parts[4][: w * h * 3]
    dark = sum(1 for i in range(0, len(pixels), 3) if min(pixels[i:i + 3]) < 230)
    return dark / (w * h)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_names_in(store, text: str, journey: str) -> None:
    flat = squeeze(text)
    role = store.lane_roles(journey)[0].name
    stage = store.stages(journey)[0].name
    tps = store.touchpoints(journey)
    # a short title (the map wraps card titles; a short one is on one line)
    tp = min(tps, key=lambda t: len(t.title))
    for name in (role, stage, tp.title):
        assert squeeze(name) in flat, name


# -- map PDF ------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("template", FILLED)
def test_map_pdf_fitted_a3(qapp, tmp_path, template, lang):
    store = load_template(template, lang)
    out = export_rendered(store, tmp_path / "map.pdf", "pdf", paper="a3")
    pages, w, h = pdf_info(out)
    assert (w, h) == pytest.approx(A3, abs=0.6)
    assert pages >= len(store.journeys())
    assert_fonts_embedded(out)
    j = store.journeys()[0].id
    assert_names_in(store, pdf_text(out, 1), j)
    assert non_white_fraction(out) > 0.05
    assert list(tmp_path.iterdir()) == [out]          # no temporary file left


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("template", FILLED)
def test_map_pdf_tiled_a4(qapp, tmp_path, template, lang):
    store = load_template(template, lang)
    j = store.journeys()[0].id
    out = export_rendered(store, tmp_path / "tiles.pdf", "pdf", journey=j, paper="a4",
                          tile=True, lang=lang)
    pages, w, h = pdf_info(out)
    assert (w, h) == pytest.approx(A4, abs=0.6)
    assert pages >= 3                                   # guide + at least two tiles
    assert_fonts_embedded(out)
    text = pdf_text(out)
    assert "A1" in text and "A2" in text
    assert_names_in(store, text, j)
    assert non_white_fraction(out, 2) > 0.05


def test_a4_fit_turns_into_tiles_when_text_would_be_too_small(qapp, tmp_path):
    store = load_template("b2b-procurement", "en")
    j = store.journeys()[0].id
    out = export_rendered(store, tmp_path / "a4.pdf", "pdf", journey=j, paper="a4")
    pages, *_ = pdf_info(out)
    assert pages > 1
    assert "row 1 of" in pdf_text(out, 2)


def test_map_pdf_in_the_other_language(qapp, tmp_path):
    store = load_template("self-service-portal", "en")
    out = export_rendered(store, tmp_path / "m.pdf", "pdf", lang="ja")
    text = pdf_text(out, 1)
    assert "凡例" in text or "チャネル" in text           # legend in Japanese
    assert "ジャーニー" in text
    assert squeeze(store.journeys()[0].name) in squeeze(text)


def test_empty_journey_says_so(qapp, tmp_path):
    for lang, message in (("en", "This journey has no touchpoints yet"),
                          ("ja", "このジャーニーにはまだタッチポイントがありません")):
        store = load_template("blank", lang)
        out = export_rendered(store, tmp_path / f"empty-{lang}.pdf", "pdf")
        pages, w, h = pdf_info(out)
        assert pages == 1 and (w, h) == pytest.approx(A3, abs=0.6)
        text = squeeze(pdf_text(out))
        assert squeeze(message) in text
        assert squeeze(store.project.title) in text
        assert_fonts_embedded(out)


def _big_project(roles: int, stages: int, description: str = "", title_len: int = 0):
    import json

    tps, pains = [], []
    k = 0
    for r in range(roles):
        for s in range(stages):
            if (r + s) % 3:
                continue
            k += 1
            title = f"接点 {k} touchpoint" + ("長" * title_len if k < 5 else "")
            text = description if k == 1 else ""      # one 100 kB text of each kind
            pains.append({"id": f"p{k}", "title": f"ペイン {k} " + text[:2000],
                          "severity": 1 + k % 5, "frequency": 3, "dimension": "ease",
                          "evidence": text})
            tps.append({"id": f"t{k}", "role": f"r{r}", "stage": f"s{s}", "title": title,
                        "description": text, "channel": "human", "emotion": k % 5 - 2,
                        "pain_points": [pains[-1]]})
    data = {
        "format": "journeymap", "version": 1,
        "project": {"title": "大規模 big", "client": "Client", "language": "ja"},
        "dimensions": [{"id": "ease", "name": "安心・手軽さ", "kind": "emotional"}],
        "roles": [{"id": f"r{r}", "name": f"役割{r}"} for r in range(roles)],
        "journeys": [{"id": "j", "name": "大きなジャーニー", "segment": "seg",
                      "description": description,
                      "stages": [{"id": f"s{s}", "name": f"ステージ{s}"} for s in range(stages)],
                      "lanes": [f"r{r}" for r in range(roles)], "touchpoints": tps}],
        "actions": [{"id": "a1", "title": "施策 " + description[:9000], "effort": 2,
                     "addresses": ["p2", "p3"]}],
    }
    return loads_project(json.dumps(data, ensure_ascii=False))


def test_huge_map_and_long_texts_still_export(qapp, tmp_path):
    long = ("とても長い説明です。" * 50 + "A long description. " * 50) * 40   # ~100 kB
    assert len(long.encode()) >= 100_000
    store = _big_project(30, 50, long, title_len=200)
    out = export_rendered(store, tmp_path / "big.pdf", "pdf", paper="a3")
    pages, w, h = pdf_info(out)
    assert pages > 4                                     # tiling kicked in
    assert_fonts_embedded(out)
    from journeymap.export.report_pdf import write_report_pdf

    report = write_report_pdf(store, tmp_path / "big-report.pdf", charts=False)
    rpages, *_ = pdf_info(report)
    assert rpages > 20                                   # 100 kB texts paginated in full
    text = pdf_text(report)
    # the journey description and the evidence, each in full (2,000 sentences)
    assert squeeze(text).count("とても長い説明です。") >= 2 * 2000
    assert_fonts_embedded(report)


# -- report ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("template", FILLED)
def test_report_tables(qapp, tmp_path, template, lang):
    """Cover and ranked tables on every template (charts: see the next tests, slower)."""
    from journeymap.export.report_pdf import write_report_pdf

    store = load_template(template, lang)
    out = write_report_pdf(store, tmp_path / "r.pdf", charts=False)
    pages, w, h = pdf_info(out)
    assert (w, h) == pytest.approx((595.28, 841.89), abs=0.6)
    assert pages >= 2
    assert_fonts_embedded(out)
    text = pdf_text(out)
    flat = squeeze(text)
    assert squeeze(store.project.title) in flat
    assert squeeze(store.actions()[0].title)[:20] in flat
    assert (f"1 / {pages} ページ" if lang == "ja" else f"page 1 of {pages}") in text
    assert non_white_fraction(out, 2) > 0.02


@pytest.mark.parametrize(("template", "lang"), [("b2b-procurement", "ja"),
                                                ("benefits-procurement", "en")])
def test_report_with_charts(qapp, tmp_path, template, lang):
    store = load_template(template, lang)
    out = export_rendered(store, tmp_path / "r.pdf", "report")
    pages, *_ = pdf_info(out)
    assert pages >= 4
    assert_fonts_embedded(out)
    text = pdf_text(out)
    assert ("体験プロファイル" if lang == "ja" else "Experience profile") in text
    # a page of charts: the densest page is well inked
    assert max(non_white_fraction(out, n) for n in range(2, pages + 1)) > 0.02


def test_report_of_one_journey_in_the_other_language(qapp, tmp_path):
    store = load_template("self-service-portal", "ja")
    j = store.journeys()[0].id
    out = export_rendered(store, tmp_path / "r.pdf", "report", journey=j, lang="en")
    text = pdf_text(out)
    assert "Prioritised actions" in text and "page 1 of" in text
    assert "Channel mix by stage" in text                # chart labels follow the export


# -- images ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("template", FILLED)
def test_png_and_svg(qapp, tmp_path, template, lang):
    from PySide6.QtGui import QImage

    store = load_template(template, lang)
    j = store.journeys()[0].id
    png = export_rendered(store, tmp_path / "m.png", "png", journey=j, dpi=48)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300
    png2 = export_rendered(store, tmp_path / "m2.png", "png", journey=j, dpi=96)
    assert QImage(str(png2)).width() == pytest.approx(2 * image.width(), abs=2)
    svg = export_rendered(store, tmp_path / "m.svg", "svg", journey=j)
    text = svg.read_text("utf-8")
    assert text.rstrip().endswith("</svg>")
    assert store.lane_roles(j)[0].name in text


# -- failures ------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["pdf", "report", "png", "svg"])
def test_unwritable_output_is_one_clear_error_and_no_file(qapp, tmp_path, fmt):
    store = load_template("benefits-procurement", "en")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        # root writes anywhere: /proc refuses new files even to root
        target = (folder if not os.access(folder, os.W_OK) else Path("/proc")) / f"o.{fmt}"
        with pytest.raises(DocumentError, match="cannot write"):
            export_rendered(store, target, fmt)
        assert not target.exists()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_missing_folder_and_folder_as_target(qapp, tmp_path):
    store = load_template("benefits-procurement", "en")
    with pytest.raises(DocumentError, match="folder does not exist"):
        export_rendered(store, tmp_path / "nope" / "m.pdf", "pdf")
    with pytest.raises(DocumentError, match="folder"):
        export_rendered(store, tmp_path, "pdf")


def test_failure_while_drawing_leaves_the_old_file(qapp, tmp_path, monkeypatch):
    from journeymap.export import map_pdf

    store = load_template("benefits-procurement", "en")
    out = tmp_path / "m.pdf"
    out.write_bytes(b"old")

    def boom(self, painter, index):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(map_pdf.MapDocument, "draw_page", boom)
    with pytest.raises(DocumentError, match="disk is full"):
        export_rendered(store, out, "pdf")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.pdf"]


def test_cli_export_pdf_headless(tmp_path):
    """The command line renders with no display and no Qt application of its own."""
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "QT_QPA_PLATFORM")}
    src = tmp_path / "p.json"
    from journeymap.model.jsonio import dumps_project

    src.write_text(dumps_project(load_template("benefits-procurement", "ja")), "utf-8")
    out = tmp_path / "map.pdf"
    r = subprocess.run([sys.executable, "-m", "journeymap.cli", "export", str(src),
                        "--format", "pdf", "-o", str(out), "--paper", "a4"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    pages, w, h = pdf_info(out)
    assert (w, h) == pytest.approx(A4, abs=0.6)
