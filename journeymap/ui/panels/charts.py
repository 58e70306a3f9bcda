"""The "Analyses" tab: the charts of the PDF report, live in the app.

A picker chooses one chart of :data:`journeymap.analysis.charts.CHARTS`; it is drawn by
the same function as the report onto a matplotlib ``FigureCanvasQTAgg``. matplotlib is
imported only when the tab is first shown, so the app starts without it. After model
changes the chart is redrawn (debounced) only while the tab is visible; a hidden tab
just remembers that it is stale. The handoff analysis is also given as text beside its
chart (coordination burden, bottlenecks, unreachable touchpoints, cycles), and the
segment comparison has a picker for the second journey.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journeymap.model.store import Store

REDRAW_MS = 150
CANVAS_MIN = (520, 280)  # smaller, the Japanese labels of a chart collide


class ChartsPanel(QWidget):
    """Bottom-panel tab "Analyses". Feed it with :meth:`set_store`, tell it about changes
    with :meth:`schedule` and about the journey with :meth:`set_journey`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartsPanel")
        self.setAccessibleName(self.tr("Analyses"))
        self.store: Store | None = None
        self.journey: str | None = None
        self.figure: Any = None   # matplotlib Figure, made on first show
        self.canvas: Any = None   # FigureCanvasQTAgg
        self._dirty = True
        self.draw_count = 0
        self.last_error: str | None = None

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.redraw)

        self.chart = QComboBox()
        self.chart.setAccessibleName(self.tr("Chart"))
        for key, text in self.chart_names().items():
            self.chart.addItem(text, key)
        self.chart.currentIndexChanged.connect(self._chart_changed)
        chart_label = QLabel(self.tr("&Chart:"))
        chart_label.setBuddy(self.chart)

        self.other = QComboBox()
        self.other.setAccessibleName(self.tr("Journey to compare with"))
        self.other.currentIndexChanged.connect(lambda _i: self.schedule(now=True))
        self.other_label = QLabel(self.tr("compared &with:"))
        self.other_label.setBuddy(self.other)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(chart_label)
        top.addWidget(self.chart)
        top.addSpacing(12)
        top.addWidget(self.other_label)
        top.addWidget(self.other)
        top.addStretch(1)

        self.holder = QWidget()  # the canvas goes here when matplotlib is loaded
        self.holder_layout = QVBoxLayout(self.holder)
        self.holder_layout.setContentsMargins(0, 0, 0, 0)
        # A low bottom panel scrolls the chart instead of squeezing it unreadable.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.holder)
        self.text = QTextBrowser()
        self.text.setObjectName("handoffText")
        self.text.setAccessibleName(self.tr("Handoff analysis as text"))
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.scroll)
        self.split.addWidget(self.text)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.split, 1)
        self._update_controls()

    def chart_names(self) -> dict[str, str]:
        """The charts in picker order (keys of ``analysis.charts.CHARTS``)."""
        return {
            "profile": self.tr("Experience profile"),
            "influence": self.tr("Influence heatmap"),
            "emotion": self.tr("Emotion curves"),
            "channels": self.tr("Channel mix"),
            "nps": self.tr("Scenario NPS"),
            "handoffs": self.tr("Handoffs"),
            "comparison": self.tr("Segment comparison"),
        }

    # -- public --------------------------------------------------------------------------------
    @property
    def chart_key(self) -> str:
        return str(self.chart.currentData())

    def set_chart(self, key: str) -> None:
        i = self.chart.findData(key)
        if i >= 0:
            self.chart.setCurrentIndex(i)

    def set_store(self, store: Store | None, journey: str | None) -> None:
        self.store, self.journey = store, journey
        self._fill_journeys()
        self.schedule(now=True)

    def set_journey(self, journey: str | None) -> None:
        self.journey = journey
        self._fill_journeys()
        self.schedule(now=True)

    def model_changed(self, tables: set[str]) -> None:
        if tables & {"journey"}:
            self._fill_journeys()
        self.schedule()

    def schedule(self, now: bool = False) -> None:
        """Redraw soon if visible (a burst of changes draws once), else when shown."""
        self._dirty = True
        if not self.isVisible():
            self.timer.stop()
            return
        if now:
            self.timer.start(0)
        else:
            self.timer.start(REDRAW_MS)

    def ensure_canvas(self) -> None:
        """Create the matplotlib canvas (the first import of matplotlib in the app)."""
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from journeymap.fonts import setup_matplotlib

        setup_matplotlib()
        self.figure = Figure(figsize=(8, 3.2), dpi=self.logicalDpiY() or 96)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("chartCanvas")
        self.canvas.setAccessibleName(self.tr("Chart"))
        self.canvas.setMinimumSize(*CANVAS_MIN)
        self.holder_layout.addWidget(self.canvas)

    def redraw(self) -> None:
        """Draw the chosen chart for the current journey now (creating the canvas)."""
        self.timer.stop()
        self.ensure_canvas()
        self._dirty = False
        from journeymap.analysis import charts

        store, key = self.store, self.chart_key
        fig = self.figure
        self.last_error = None
        if store is None:
            fig.clear()
            fig.text(0.5, 0.5, self.tr("No project is open."), ha="center", va="center")
        else:
            try:
                if key == "comparison":
                    charts.comparison_chart(fig, store, self.journey, self.other.currentData())
                else:
                    charts.draw(key, fig, store, self.journey)
            except Exception as e:  # noqa: BLE001 - a chart must never take the app down
                self.last_error = f"{type(e).__name__}: {e}"
                fig.clear()
                fig.set_layout_engine(None)
                fig.text(0.5, 0.5, self.tr("This chart cannot be drawn: %1")
                         .replace("%1", str(e)), ha="center", va="center", wrap=True)
        self.canvas.draw_idle()
        self.draw_count += 1
        self._update_text()

    # -- internals -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._dirty or self.canvas is None:
            # After the tab is on screen: the first show stays instant.
            self.timer.start(0)

    def _chart_changed(self, _index: int) -> None:
        self._update_controls()
        self.schedule(now=True)

    def _update_controls(self) -> None:
        comparison = self.chart_key == "comparison"
        self.other.setVisible(comparison)
        self.other_label.setVisible(comparison)
        handoffs = self.chart_key in ("handoffs", "nps")   # charts with words beside them
        if handoffs and not self.text.isVisibleTo(self):
            total = max(self.split.width(), 400)
            self.text.setVisible(True)
            # The chart keeps most of the width; the text is a column beside it.
            self.split.setSizes([total * 13 // 20, total * 7 // 20])
        else:
            self.text.setVisible(handoffs)

    def _fill_journeys(self) -> None:
        store = self.store
        keep = self.other.currentData()
        self.other.blockSignals(True)
        try:
            self.other.clear()
            if store is None:
                return
            for j in store.journeys():
                if j.id != self.journey:
                    self.other.addItem(j.name, j.id)
            i = self.other.findData(keep)
            self.other.setCurrentIndex(i if i >= 0 else 0)
        finally:
            self.other.blockSignals(False)

    def _update_text(self) -> None:
        if self.chart_key == "nps":
            self.text.setHtml(self.metrics_html())
            return
        if self.chart_key != "handoffs":
            self.text.clear()
            return
        self.text.setHtml(self.handoff_html())

    def metrics_html(self) -> str:
        """Scenario NPS beside each touchpoint's operational metrics, with the places
        where a good metric hides a poor experience called out first."""
        store, journey = self.store, self.journey
        if store is None or journey is None or store.get("journey", journey) is None:
            return "<p>" + escape(self.tr("No journey.")) + "</p>"
        from journeymap.analysis.content_text import METRIC_TEXT, content_lang
        from journeymap.analysis.summaries import describe_metrics, metrics_beside_nps

        lang = content_lang(store.project.language)
        t = METRIC_TEXT[lang]
        checks = metrics_beside_nps(store, journey)
        if not checks:
            return f"<p>{escape(t['empty'])}</p>"
        callouts, rows = describe_metrics(store, checks, lang)
        out = [f"<p><b>{escape(t['title'])}</b></p>"]
        if callouts:
            out += [f"<p style='color:#a40000'>▲ {escape(c)}</p>" for c in callouts]
        else:
            out.append(f"<p>{escape(t['none'])}</p>")
        out.append(f"<p><small>{escape(t['intro'])}</small></p><ul>")
        out += [f"<li>{escape(r)}</li>" for r in rows]
        out.append("</ul>")
        return "".join(out)

    def handoff_html(self) -> str:
        """The handoff analysis in words of the project's language: who coordinates
        most, waiting points with their chains, loops, where a chain breaks off
        (:func:`journeymap.analysis.graph.describe_handoffs`)."""
        store, journey = self.store, self.journey
        if store is None or journey is None or store.get("journey", journey) is None:
            return "<p>" + escape(self.tr("No journey.")) + "</p>"
        from journeymap.analysis.content_text import content_lang
        from journeymap.analysis.graph import analyse_handoffs, describe_handoffs

        sections = describe_handoffs(store, analyse_handoffs(store, journey),
                                     content_lang(store.project.language))
        out: list[str] = []
        for head, lines in sections:
            if head:
                out.append(f"<p><b>{escape(head)}</b></p>")
            out.append("<ul>")
            for line in lines:
                if line.startswith("    "):  # a chain under the point above it
                    out.append(f"<li style='list-style-type:none'><small>"
                               f"{escape(line.strip())}</small></li>")
                else:
                    out.append(f"<li>{escape(line)}</li>")
            out.append("</ul>")
        return "".join(out)


__all__ = ["ChartsPanel"]
