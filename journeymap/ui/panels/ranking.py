"""The "Priorities" tab: the explained, prioritised list (docs/scoring.md) as the user edits.

Two tables — actions by priority, and the pain points no action addresses by impact —
fed by :func:`journeymap.analysis.scoring.rank` for the current journey or the whole
project. Selecting a row shows its breakdown beside the tables (every factor, its
value, where it came from, and the formula with the numbers) and highlights its cards
on the canvas; selecting cards on the canvas selects the rows that concern them.

Recomputing is debounced: a burst of model changes (typing, a bulk edit, undo of a
macro) is scored once, right after the burst (0 ms for small projects, 50 ms once a
run has taken long enough to be felt). While the tab is hidden nothing is scored; it
is brought up to date when it is shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journeymap.analysis.content_text import BREAKDOWN_TEXT, EXPORT_TEXT, content_lang
from journeymap.analysis.scoring import (
    Factor,
    RankedItem,
    Ranking,
    explain,
    num,
    plural,
    rank,
)
from journeymap.model.store import Store

ItemRole = Qt.ItemDataRole.UserRole
SLOW_MS = 30.0     # a scoring run this long makes the next refresh wait for the burst
BURST_MS = 50


def fmt(x: float) -> str:
    """A factor or score for people: at most 2 decimals, no trailing zeros."""
    return num(x)


def formula_text(item: RankedItem) -> str:
    """The score as a formula with its numbers, e.g. ``0.8 × 0.6 × 1 × 1 × 1.25 = 0.6``;
    for an action ``(0.36 + 0.256) × 5 × 1 = 3.08``."""
    plus = [f for f in item.breakdown if f.op == "+"]
    times = [fmt(f.value) for f in item.breakdown if f.op != "+"]
    parts = []
    if item.type == "action":
        if plus:
            sums = " + ".join(fmt(f.value) for f in plus)
            parts.append(f"({sums})" if len(plus) > 1 else sums)
        else:
            parts.append("0")
    parts += times
    return f"{' × '.join(parts)} = {fmt(item.priority)}"


class RankingModel(QAbstractTableModel):
    """Rows of one list (actions or unaddressed pain points); sortable by any column."""

    RANK, TYPE, TITLE, PRIORITY, SEVERITY, VOTES, STATUS = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[RankedItem] = []
        self._sort: tuple[int, Qt.SortOrder] = (self.RANK, Qt.SortOrder.AscendingOrder)
        self.retranslate()

    def retranslate(self) -> None:
        """Column and type names in the current interface language."""
        self._headers = [self.tr("Rank"), self.tr("Type"), self.tr("Title"),
                         self.tr("Priority"), self.tr("Severity"), self.tr("Votes"),
                         self.tr("Status")]
        self.type_names = {"action": self.tr("Action"), "pain": self.tr("Pain point")}
        self.status_names = {"idea": self.tr("idea"), "planned": self.tr("planned"),
                             "doing": self.tr("doing"), "done": self.tr("done"),
                             "dropped": self.tr("dropped")}
        if self.items:
            self.dataChanged.emit(self.index(0, self.TYPE),
                                  self.index(len(self.items) - 1, self.TYPE))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    # -- content -----------------------------------------------------------------------------
    def set_items(self, items: list[RankedItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._apply_sort()
        self.endResetModel()

    def item(self, row: int) -> RankedItem:
        return self.items[row]

    def rows_of(self, ids: Iterable[str]) -> list[int]:
        wanted = set(ids)
        return [r for r, it in enumerate(self.items) if it.id in wanted]

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == self.PRIORITY:
                return self.tr("Priority of an action; impact of a pain point")
            if section == self.SEVERITY:
                return self.tr("Severity 1–5 (for an action: the highest it addresses)")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.RANK:
                return item.rank
            if col == self.TYPE:
                return self.type_names[item.type]
            if col == self.TITLE:
                return item.title
            if col == self.PRIORITY:
                return fmt(item.priority)
            if col == self.SEVERITY:
                return item.severity or ""
            if col == self.VOTES:
                return item.votes
            if col == self.STATUS:
                return self.status_names.get(item.status or "", item.status or "")
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.RANK, self.PRIORITY, self.SEVERITY, self.VOTES):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return item.title
        elif role == ItemRole:
            return item
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        # Selections survive: persistent indexes follow their rows.
        old = list(self.items)
        self._apply_sort()
        where = {id(it): r for r, it in enumerate(self.items)}
        for persistent in self.persistentIndexList():
            new_row = where[id(old[persistent.row()])]
            self.changePersistentIndex(persistent, self.index(new_row, persistent.column()))
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        keys: dict[int, Callable[[RankedItem], Any]] = {
            self.RANK: lambda it: it.rank,
            self.TYPE: lambda it: (it.type, it.rank),
            self.TITLE: lambda it: (it.title.casefold(), it.rank),
            self.PRIORITY: lambda it: (it.priority, -it.rank),
            self.SEVERITY: lambda it: (it.severity, -it.rank),
            self.VOTES: lambda it: (it.votes, -it.rank),
            self.STATUS: lambda it: (it.status or "", it.rank),
        }
        self.items.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)


class RankingTable(QWidget):
    """A caption, the table of one list, and in its place a note when it is empty."""

    def __init__(self, caption: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text
        self.caption = QLabel()
        # Long captions (either language) must not widen the dock.
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.model = RankingModel(self)
        self.view = QTableView()
        # Three lists share the bottom dock: each may shrink to a couple of rows.
        self.view.setMinimumHeight(self.view.fontMetrics().height() * 3 + 8)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(RankingModel.RANK, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        # Fixed row height: no per-row measuring, fast with thousands of rows.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RankingModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty.setMargin(8)
        self.set_caption(caption, empty_text)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.caption)
        lay.addWidget(self.stack, 1)

    def fit_columns(self) -> None:
        """Widths of the narrow columns from their titles and contents (language)."""
        header = self.view.horizontalHeader()
        fm = self.view.fontMetrics()
        for col, sample in ((RankingModel.RANK, "0000"), (RankingModel.PRIORITY, "00.00"),
                            (RankingModel.STATUS, "planned"),
                            (RankingModel.SEVERITY, "0"), (RankingModel.VOTES, "000")):
            title = self.model.headerData(col, Qt.Orientation.Horizontal)
            header.resizeSection(col, max(fm.horizontalAdvance(sample),
                                          fm.horizontalAdvance(title)) + 34)
        type_texts = [*self.model.type_names.values(),
                      self.model.headerData(RankingModel.TYPE, Qt.Orientation.Horizontal)]
        header.resizeSection(RankingModel.TYPE,
                             max(fm.horizontalAdvance(t) for t in type_texts) + 24)

    def set_caption(self, caption: str, empty_text: str) -> None:
        self.caption.setText(f"<b>{escape(caption)}</b>")
        self.view.setAccessibleName(caption)
        self.empty.setAccessibleName(caption)
        self.empty_text = empty_text

    def set_items(self, items: list[RankedItem], notes: list[str]) -> None:
        self.model.set_items(items)
        if items:
            self.stack.setCurrentWidget(self.view)
        else:
            lines = "".join(f"<li>{escape(n)}</li>" for n in notes)
            self.empty.setText(f"<p>{escape(self.empty_text)}</p>"
                               + (f"<ul style='margin-left:-20px'>{lines}</ul>" if lines else ""))
            self.stack.setCurrentWidget(self.empty)

    def selected_items(self) -> list[RankedItem]:
        sel = self.view.selectionModel()
        return [self.model.item(i.row()) for i in sel.selectedRows()]

    def current_item(self) -> RankedItem | None:
        index = self.view.selectionModel().currentIndex()
        if index.isValid() and self.view.selectionModel().isRowSelected(index.row()):
            return self.model.item(index.row())
        rows = self.selected_items()
        return rows[0] if rows else None

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select exactly the rows of these item ids (none: clear), scrolling to the first."""
        sel = self.view.selectionModel()
        rows = self.model.rows_of(ids)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for r in rows:
            selection.select(self.model.index(r, 0), self.model.index(r, last))
        flags = QItemSelectionModel.SelectionFlag
        sel.select(selection, flags.ClearAndSelect | flags.Rows)
        if rows:
            first = self.model.index(rows[0], 0)
            sel.setCurrentIndex(first, flags.NoUpdate)
            self.view.scrollTo(first)
        else:
            sel.setCurrentIndex(QModelIndex(), flags.NoUpdate)


class RankingPanel(QWidget):
    """Bottom-panel tab "Priorities". Feed it with :meth:`set_store`, tell it about
    changes with :meth:`schedule` and about the journey with :meth:`set_journey`."""

    #: touchpoint ids to emphasise on the canvas (empty: none); ``True`` to show them
    highlight_requested = Signal(list, bool)
    scope_changed = Signal(str)  # "journey" | "project"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rankingPanel")
        self.setAccessibleName(self.tr("Priorities"))
        self.store: Store | None = None
        self.journey: str | None = None
        self.ranking: Ranking | None = None
        self.last_ms = 0.0
        self._dirty = False
        self._syncing = False  # selecting rows for the canvas: do not move the canvas
        self._canvas_ids: list[str] = []

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh_now)

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Scope of the list"))
        self.scope.addItem(self.tr("This journey"), "journey")
        self.scope.addItem(self.tr("Whole project"), "project")
        self.scope.setToolTip(self.tr("Rank the current journey or every journey together"))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        scope_label = QLabel(self.tr("&Scope:"))
        scope_label.setBuddy(self.scope)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summary of the list"))
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.weights_button = QPushButton(self.tr("Weights…"))
        self.weights_button.setAccessibleName(self.tr("Edit vote and dimension weights"))
        self.weights_button.setToolTip(self.tr("Vote weight and dimension weights of the "
                                               "project"))
        self.weights_button.hide()  # shown by whoever provides the weights dialog
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(scope_label)
        top.addWidget(self.scope)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.weights_button)

        self.actions_table = RankingTable(*self._captions()[0])
        self.pains_table = RankingTable(*self._captions()[1])
        self.done_table = RankingTable(*self._captions()[2])
        self.done_table.view.setObjectName("rankingDone")
        for table in self.tables:
            table.view.selectionModel().selectionChanged.connect(
                lambda _s, _d, t=table: self._selection_changed(t))

        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setChildrenCollapsible(False)
        lists.addWidget(self.actions_table)
        lists.addWidget(self.pains_table)
        lists.addWidget(self.done_table)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 3)
        lists.setStretchFactor(2, 1)

        self.breakdown = QTextBrowser()
        self.breakdown.setObjectName("rankingBreakdown")
        self.breakdown.setAccessibleName(self.tr("Breakdown of the selected row"))
        self.breakdown.setOpenLinks(False)
        self.breakdown_item: RankedItem | None = None

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(lists)
        split.addWidget(self.breakdown)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self._show_breakdown(None)

    # -- public --------------------------------------------------------------------------------
    @property
    def tables(self) -> tuple[RankingTable, RankingTable, RankingTable]:
        """The three lists: actions to do, unaddressed pain points, done actions."""
        return (self.actions_table, self.pains_table, self.done_table)

    @property
    def project_scope(self) -> bool:
        return self.scope.currentData() == "project"

    def set_project_scope(self, on: bool) -> None:
        self.scope.setCurrentIndex(1 if on else 0)

    def set_store(self, store: Store | None, journey: str | None) -> None:
        self.store, self.journey = store, journey
        self._canvas_ids = []
        self.schedule(now=True)

    def set_journey(self, journey: str | None) -> None:
        self.journey = journey
        self._canvas_ids = []
        if not self.project_scope or self.ranking is None:
            self.schedule(now=True)

    def schedule(self, now: bool = False) -> None:
        """The model changed: recompute after the current burst of changes (or at once
        when ``now``); only while visible, else when next shown."""
        self._dirty = True
        if not self.isVisible():
            self.timer.stop()
            return
        if now:
            self.timer.stop()
            self.refresh_now()
            return
        self.timer.start(BURST_MS if self.last_ms > SLOW_MS else 0)

    def refresh_now(self) -> None:
        """Score now and refill both lists, keeping the selected rows where they remain."""
        self.timer.stop()
        self._dirty = False
        store = self.store
        if store is None:
            self.ranking = None
            for table in self.tables:
                table.set_items([], [self.tr("No project is open.")])
            self.summary.setText("")
            self._show_breakdown(None)
            return
        journey = None if self.project_scope else self.journey
        if journey is not None and store.get("journey", journey) is None:
            journey = None
        lang = "ja" if store.project.language == "ja" else "en"
        start = time.perf_counter()
        ranking = rank(store, journey, lang=lang)
        self.last_ms = (time.perf_counter() - start) * 1000
        keep = {t: [it.id for it in t.selected_items()] for t in self.tables}
        current = self.breakdown_item.id if self.breakdown_item is not None else None
        self.ranking = ranking
        self._syncing = True
        try:
            self.actions_table.set_items(ranking.actions, ranking.notes)
            self.pains_table.set_items(ranking.pains, ranking.notes)
            self.done_table.set_items(ranking.done, [])
            for table, ids in keep.items():
                if ids:
                    table.select_ids(ids)
        finally:
            self._syncing = False
        self.summary.setText(self.summary_text(ranking))
        item = next((it for it in [*ranking.rows, *ranking.done] if it.id == current), None)
        self._show_breakdown(item)
        if item is not None:
            # Scores changed: the highlighted cards may have too; the view stays put.
            self.highlight_requested.emit(list(item.touchpoint_ids), False)
        elif current is not None:
            self.highlight_requested.emit([], False)

    def select_for_touchpoints(self, ids: list[str]) -> None:
        """Canvas selection → the rows that concern these cards (none: clear)."""
        self._canvas_ids = list(ids)
        if self._dirty and self.isVisible():
            self.refresh_now()
        wanted = set(ids)
        self._syncing = True
        try:
            first: RankedItem | None = None
            for table in self.tables:
                hits = [it.id for it in table.model.items
                        if wanted.intersection(it.touchpoint_ids)] if wanted else []
                table.select_ids(hits)
                if first is None and hits:
                    first = next(it for it in table.model.items if it.id == hits[0])
            self._show_breakdown(first)
        finally:
            self._syncing = False

    # -- internals -------------------------------------------------------------------------------
    def _captions(self) -> tuple[tuple[str, str], ...]:
        return ((self.tr("Actions by priority"), self.tr("No action to rank.")),
                (self.tr("Pain points no action addresses, by impact"),
                 self.tr("No unaddressed pain point to rank.")),
                (self.tr("Done: actions finished, with what they addressed"),
                 self.tr("No action is done yet.")))

    def summary_text(self, ranking: Ranking) -> str:
        """"3 actions · 1 unaddressed pain point · 1 done", with singular forms."""
        a, p, d = len(ranking.actions), len(ranking.pains), len(ranking.done)
        parts = [self.tr("1 action") if a == 1 else self.tr("%1 actions").replace("%1", str(a)),
                 self.tr("1 unaddressed pain point") if p == 1 else
                 self.tr("%1 unaddressed pain points").replace("%1", str(p))]
        if d:
            parts.append(self.tr("%1 done").replace("%1", str(d)))
        return " · ".join(parts)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Captions, column names, summary and breakdown in the new language."""
        for table, (caption, empty) in zip(self.tables, self._captions(), strict=True):
            table.set_caption(caption, empty)
            table.model.retranslate()
            table.fit_columns()
        # Texts only: no re-ranking (that would also move the canvas highlight).
        self.scope.setItemText(0, self.tr("This journey"))
        self.scope.setItemText(1, self.tr("Whole project"))
        if self.ranking is not None:
            self.summary.setText(self.summary_text(self.ranking))
        self._show_breakdown(self.breakdown_item)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._dirty or self.ranking is None:
            self.refresh_now()
            if self._canvas_ids:
                self.select_for_touchpoints(self._canvas_ids)

    def _scope_changed(self, _index: int) -> None:
        self.scope_changed.emit("project" if self.project_scope else "journey")
        self.schedule(now=True)

    def _selection_changed(self, table: RankingTable) -> None:
        if self._syncing:
            return
        items = table.selected_items()
        if items:
            # One list at a time: the breakdown and the highlight follow the click.
            self._syncing = True
            try:
                for other in self.tables:
                    if other is not table:
                        other.view.clearSelection()
            finally:
                self._syncing = False
        item = table.current_item()
        self._show_breakdown(item)
        ids: list[str] = []
        for it in items:
            ids += [t for t in it.touchpoint_ids if t not in ids]
        self.highlight_requested.emit(ids, bool(ids))

    def _names(self) -> dict[str, dict[str, str]]:
        store = self.store
        out: dict[str, dict[str, str]] = {}
        if store is None:
            return out
        for table in ("journey", "role", "stage", "dimension"):
            out[table] = {k: getattr(v, "name", k) for k, v in store.tables[table].items()}
        return out

    def _show_breakdown(self, item: RankedItem | None) -> None:
        self.breakdown_item = item
        if item is None:
            self.breakdown.setHtml(self._placeholder_html())
            return
        self.breakdown.setHtml(self.breakdown_html(item))

    def _placeholder_html(self) -> str:
        hint = escape(self.tr("Select a row to see how its priority is computed: every "
                              "factor, its value and where it comes from."))
        notes = self.ranking.notes if self.ranking is not None else []
        html = f"<p>{hint}</p>"
        if notes:
            notes_head = escape(self.tr("Notes"))
            html += (f"<p><b>{notes_head}</b></p><ul>"
                     + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
        return html

    def breakdown_html(self, item: RankedItem) -> str:
        """The breakdown of one row as HTML: heading, formula with numbers, factor table."""
        names = self._names()
        kind = self.tr("Action") if item.type == "action" else self.tr("Pain point")
        score = self.tr("Priority") if item.type == "action" else self.tr("Impact")
        if item.status == "done":
            kind = self.tr("Done")
        parts = [f"<p><b>{escape(kind)} {item.rank}: {escape(item.title)}</b></p>"]
        lang = content_lang(self.store.project.language if self.store else None)
        status = (EXPORT_TEXT[lang].get(f"status_{item.status}", item.status)
                  if item.status and item.status != "done" else None)
        parts.append(f"<p>{escape(explain(item, lang, status))}</p>")
        if item.status == "done" and self.store is not None:
            t = BREAKDOWN_TEXT[lang]
            pains = self.store.tables["pain_point"]
            titles = ("、" if lang == "ja" else "; ").join(
                getattr(pains.get(pid), "title", "") for pid in item.pain_ids)
            parts.append("<p>" + escape(t["done_addressed"].format(
                pains=plural(t, "pain", len(item.pain_ids)), titles=titles)) + "</p>")
        if item.type == "pain":
            where = " – ".join(names.get(t, {}).get(i or "", i or "") for t, i in (
                ("journey", item.journey), ("role", item.role), ("stage", item.stage)))
            dim = names.get("dimension", {}).get(item.dimension or "", item.dimension or "")
            dim_label = escape(self.tr("Dimension"))
            parts.append(f"<p>{escape(where)}<br>{dim_label}: {escape(dim)}</p>")
        parts.append(f"<p>{escape(score)} = <b>{escape(formula_text(item))}</b></p>")
        rows = []
        for f in item.breakdown:
            rows.append(
                f"<tr><td>{escape(f.op)}</td><td>{escape(self.factor_name(f))}</td>"
                f"<td align='right'>{escape(fmt(f.value))}</td>"
                f"<td>{escape(f.source)}</td></tr>")
        # Translated first: lupdate does not see tr() inside f-strings.
        t_factor = escape(self.tr("Factor"))
        t_value = escape(self.tr("Value"))
        t_source = escape(self.tr("Where it comes from"))
        head = (f"<tr><th></th><th align='left'>{t_factor}</th>"
                f"<th align='right'>{t_value}</th><th align='left'>{t_source}</th></tr>")
        parts.append("<table cellspacing='0' cellpadding='3'>" + head + "".join(rows)
                     + "</table>")
        if item.type == "action":
            parts.append("<p><small>" + escape(self.tr(
                "Sum of the impacts (+) of the pain points it addresses, times the "
                "multipliers (×).")) + "</small></p>")
        return "".join(parts)

    def factor_name(self, f: Factor) -> str:
        return {
            "severity": self.tr("Severity"), "frequency": self.tr("Frequency"),
            "influence": self.tr("Influence"), "dimension_weight": self.tr("Dimension weight"),
            "votes": self.tr("Votes"), "impact": self.tr("Impact"), "effort": self.tr("Effort"),
        }.get(f.name, f.name)


__all__ = ["RankingModel", "RankingPanel", "RankingTable", "fmt", "formula_text"]
