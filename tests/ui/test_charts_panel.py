"""The Analyses tab: the report's charts in the app, matplotlib loaded only when shown."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from journeymap.analysis.charts import CHARTS


def test_app_starts_and_opens_a_project_without_matplotlib():
    # A fresh interpreter: other tests of this run have imported matplotlib already.
    code = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QStandardPaths
        QStandardPaths.setTestModeEnabled(True)
        from journeymap.ui.app import make_app
        app = make_app([])
        from journeymap.ui.main_window import MainWindow
        w = MainWindow()
        w.show()
        app.processEvents()
        assert "matplotlib" not in sys.modules, "imported by creating the window"
        w.new_from_template("b2b-procurement", "ja")
        w.analysis_ui.show_priorities()
        for _ in range(5):
            app.processEvents()
        assert "matplotlib" not in sys.modules, "imported by opening a project"
        w.analysis_ui.show_analyses()
        for _ in range(20):
            app.processEvents()
        assert "matplotlib" in sys.modules, "the Analyses tab draws with matplotlib"
        w.discard_document()
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout


@pytest.fixture
def charts(window, qtbot):
    window.new_from_template("b2b-procurement", "ja")
    ui = window.analysis_ui
    panel = ui.charts
    assert panel.canvas is None  # nothing made before the tab is shown
    ui.show_analyses()
    qtbot.waitUntil(lambda: panel.canvas is not None and panel.draw_count > 0)
    return panel


def test_picker_offers_every_chart_of_the_report(charts):
    keys = [charts.chart.itemData(i) for i in range(charts.chart.count())]
    assert set(keys) == set(CHARTS)
    assert charts.chart.accessibleName()


@pytest.mark.parametrize("key", list(CHARTS))
def test_each_chart_draws_for_a_japanese_template(charts, key):
    charts.set_chart(key)
    charts.redraw()
    assert charts.last_error is None
    fig = charts.figure
    texts = [t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text"))]
    assert any(any(ord(c) > 0x3000 for c in t) for t in texts if t), texts[:5]
    charts.canvas.draw()  # renders for real (fonts, layout)


def test_handoffs_also_as_text(window, charts):
    charts.set_chart("handoffs")
    charts.redraw()
    assert charts.text.isVisible()
    text = charts.text.toPlainText()
    # the project's language (Japanese here), answers in words, no centrality numbers
    for head in ("調整を最も担う役割", "待ちが生じる箇所", "引き継ぎのループ",
                 "引き継ぎの連鎖が途切れる箇所"):
        assert head in text
    assert "媒介中心性" not in text and "到達できない" not in text
    role = window.store.lane_roles(window.journey_id)[0]
    assert role.name in text
    charts.set_chart("profile")
    assert not charts.text.isVisible()


def test_comparison_has_a_second_journey_picker(window, charts):
    charts.set_chart("comparison")
    assert charts.other.isVisible()
    others = [charts.other.itemData(i) for i in range(charts.other.count())]
    assert others and window.journey_id not in others
    charts.redraw()
    title = charts.figure._suptitle.get_text()
    assert window.store.journey(others[0]).name in title


def test_redrawn_after_changes_only_while_visible(window, charts, qtbot):
    from journeymap.model import edits

    n = charts.draw_count
    tp = window.store.touchpoints(window.journey_id)[0]
    window.push_edit(edits.set_fields(window.store, "touchpoint", tp.id, emotion=2))
    qtbot.waitUntil(lambda: charts.draw_count == n + 1)
    window.analysis_ui.show_priorities()
    n = charts.draw_count
    window.push_edit(edits.set_fields(window.store, "touchpoint", tp.id, emotion=-2))
    qtbot.wait(300)
    assert charts.draw_count == n and charts._dirty
    window.analysis_ui.show_analyses()
    qtbot.waitUntil(lambda: charts.draw_count == n + 1)


def test_nps_chart_shows_metrics_beside_it_and_the_disagreement(window, charts):
    charts.set_chart("nps")
    charts.redraw()
    assert charts.text.isVisible()
    text = charts.text.toPlainText()
    assert "数字が食い違うところ" in text
    assert "良い指標が悪い体験を隠しています" in text and "納品達成率 91%" in text
