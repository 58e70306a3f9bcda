"""Charts: every chart renders for a Japanese project, with real glyphs, via Agg."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from journeymap.analysis import charts
from journeymap.model.rows import Journey, ProjectInfo
from journeymap.model.store import PROJECT_ID, Store


def _colours(path: Path) -> int:
    from matplotlib.image import imread

    img = imread(str(path))
    flat = img.reshape(-1, img.shape[-1])
    return len({tuple(px) for px in flat[:: max(1, len(flat) // 20000)]})


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_every_chart_renders_japanese(name: str, ja_store: Store, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.png"
    with warnings.catch_warnings():
        # matplotlib warns "Glyph … missing from font(s)" when Japanese would be boxes.
        warnings.simplefilter("error")
        charts.render_png(name, ja_store, "soe", out, dpi=60)
    assert out.stat().st_size > 1000
    assert _colours(out) > 2
    assert [p.name for p in tmp_path.iterdir()] == [f"{name}.png"]  # no temp file left


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_empty_data_says_no_data(name: str, tmp_path: Path) -> None:
    store = Store([ProjectInfo(PROJECT_ID, language="en"), Journey("j", name="Empty")])
    fig = charts.new_figure()
    charts.draw(name, fig, store, "j")
    texts = [t.get_text() for t in fig.texts]
    assert any(t.startswith("No ") or "needs two" in t for t in texts), texts
    charts.render_png(name, store, None, tmp_path / "x.png", dpi=40)
    assert (tmp_path / "x.png").stat().st_size > 0


def test_labels_follow_project_language(ja_store: Store) -> None:
    fig = charts.new_figure()
    charts.profile_chart(fig, ja_store, "soe")
    title = fig.axes[0].get_title()
    assert title.startswith("体験プロファイル") and "大手国有企業" in title
    assert set(charts.LABELS["en"]) == set(charts.LABELS["ja"])
    assert charts.chart_title("nps", "ja") == charts.CHARTS["nps"][1]


def test_comparison_picks_other_journey(ja_store: Store) -> None:
    fig = charts.new_figure()
    charts.comparison_chart(fig, ja_store, "pvt")
    assert "中小民間企業 / 大手国有企業" in fig._suptitle.get_text()  # type: ignore[union-attr]


def test_templates_render(tmp_path: Path) -> None:
    from journeymap.model import templates

    store = templates.load_template("b2b-procurement", "ja")
    j = store.journeys()[0].id
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in charts.CHARTS:
            charts.render_png(name, store, j, tmp_path / f"{name}.png", dpi=50)
            assert _colours(tmp_path / f"{name}.png") > 2


def test_unknown_chart(ja_store: Store, tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        charts.render_png("pie", ja_store, "soe", tmp_path / "x.png")


def test_import_does_not_load_matplotlib() -> None:
    code = ("import sys, journeymap.analysis.charts, journeymap.analysis.scoring, "
            "journeymap.analysis.summaries, journeymap.analysis.survey; "
            "print('matplotlib' in sys.modules, 'PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_characters_no_font_has_are_replaced_visibly_with_a_note() -> None:
    from dataclasses import replace

    from journeymap.analysis import charts
    from journeymap.model.store import Store
    from journeymap.model.templates import load_template

    store = load_template("b2b-procurement", "ja")
    store = Store([replace(r, name=r.name + " 🚚") if r.table == "role" and r.id == "purchasing"
                   else r for r in store.all_rows()])
    j = store.journeys()[0].id
    for name in ("influence", "emotion", "handoffs"):
        fig = charts.new_figure(8, 5)
        charts.draw(name, fig, store, j)
        fig.canvas.draw()
        texts = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
        texts += [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
        assert not any("🚚" in t for t in texts), name
        assert any("調達責任者 \ufffd" in t for t in texts), name
        assert any("グラフのフォントで描けない文字" in t for t in texts), name
    # nothing to replace: no note
    fig = charts.new_figure(8, 5)
    charts.draw("influence", fig, load_template("b2b-procurement", "ja"), j)
    assert not any("\ufffd" in t.get_text() for t in fig.texts)
