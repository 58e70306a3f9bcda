"""Geometry of a journey map: where columns, lanes, cells and cards go. No Qt.

The map is a grid. Along the top: a phase band (only when the journey has phases) and
a stage header row. Down the left: a lane header column. Each lane × stage cell holds
its cards in a small grid (``cols`` per stage, so a crowded stage grows wider rather
than every lane growing very tall), and an emotion band along the bottom of the lane.

All numbers are scene units (pixels at 100 % zoom). :func:`compute_layout` is a pure
function of the ids and the number of cards per cell, so the scene can recompute it
after every edit and compare it with the previous one to decide what to move.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

CARD_W = 180.0
CARD_H = 92.0
CARD_GAP = 10.0          # between cards of a cell, both directions
CELL_PAD = 12.0          # inside a cell, around its cards
CELL_TOP = 22.0          # above the first card row: room for the influence marker
EMOTION_H = 56.0         # band at the bottom of each lane for the emotion curve
LANE_HEADER_W = 176.0
PHASE_H = 34.0
STAGE_H = 50.0
MARGIN = 16.0            # around the whole map
MAX_ROWS = 4             # a cell stacks up to this many rows before its stage widens


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


@dataclass(frozen=True, slots=True)
class PhaseSpan:
    """A phase band over a run of consecutive stages (a phase split by another phase's
    stage gets one span per run)."""

    phase: str
    first: int
    last: int
    rect: Rect


@dataclass(frozen=True)
class MapLayout:
    stages: tuple[str, ...]
    lanes: tuple[str, ...]
    stage_cols: tuple[int, ...]
    lane_rows: tuple[int, ...]
    stage_x: tuple[float, ...]
    stage_w: tuple[float, ...]
    lane_y: tuple[float, ...]
    lane_h: tuple[float, ...]
    phase_h: float
    phases: tuple[PhaseSpan, ...]
    _stage_index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _lane_index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._stage_index.update({s: i for i, s in enumerate(self.stages)})
        self._lane_index.update({r: i for i, r in enumerate(self.lanes)})

    # -- overall ---------------------------------------------------------------------------
    @property
    def top(self) -> float:
        """y of the first lane (below the headers)."""
        return MARGIN + self.phase_h + STAGE_H

    @property
    def left(self) -> float:
        """x of the first stage column (right of the lane headers)."""
        return MARGIN + LANE_HEADER_W

    @property
    def width(self) -> float:
        end = self.stage_x[-1] + self.stage_w[-1] if self.stages else self.left + CARD_W
        return end + MARGIN

    @property
    def height(self) -> float:
        end = self.lane_y[-1] + self.lane_h[-1] if self.lanes else self.top + CARD_H
        return end + MARGIN

    def map_rect(self) -> Rect:
        return Rect(0.0, 0.0, self.width, self.height)

    def geometry_key(self) -> tuple:
        """Equal keys mean every column, lane and header is where it was."""
        return (self.stages, self.lanes, self.stage_cols, self.stage_x, self.stage_w,
                self.lane_y, self.lane_h, self.phases)

    # -- indexes -------------------------------------------------------------------------
    def stage_index(self, stage: str) -> int:
        return self._stage_index[stage]

    def lane_index(self, role: str) -> int:
        return self._lane_index[role]

    def has_cell(self, role: str, stage: str) -> bool:
        return role in self._lane_index and stage in self._stage_index

    # -- rectangles ----------------------------------------------------------------------
    def stage_header_rect(self, stage: str) -> Rect:
        i = self.stage_index(stage)
        return Rect(self.stage_x[i], MARGIN + self.phase_h, self.stage_w[i], STAGE_H)

    def stage_rect(self, stage: str) -> Rect:
        """The whole column: header and every lane."""
        i = self.stage_index(stage)
        y0 = MARGIN + self.phase_h
        return Rect(self.stage_x[i], y0, self.stage_w[i], self.height - MARGIN - y0)

    def lane_header_rect(self, role: str) -> Rect:
        i = self.lane_index(role)
        return Rect(MARGIN, self.lane_y[i], LANE_HEADER_W, self.lane_h[i])

    def cell_rect(self, role: str, stage: str) -> Rect:
        i, j = self.lane_index(role), self.stage_index(stage)
        return Rect(self.stage_x[j], self.lane_y[i], self.stage_w[j], self.lane_h[i])

    def emotion_band(self, role: str) -> Rect:
        """The strip at the bottom of a lane (across all stages) for its emotion curve."""
        i = self.lane_index(role)
        return Rect(self.left, self.lane_y[i] + self.lane_h[i] - EMOTION_H,
                    self.width - MARGIN - self.left, EMOTION_H)

    def card_rect(self, role: str, stage: str, index: int) -> Rect:
        """Rect of the ``index``-th card of a cell (cards fill rows left to right)."""
        i, j = self.lane_index(role), self.stage_index(stage)
        cols = self.stage_cols[j]
        row, col = divmod(index, cols)
        return Rect(self.stage_x[j] + CELL_PAD + col * (CARD_W + CARD_GAP),
                    self.lane_y[i] + CELL_TOP + row * (CARD_H + CARD_GAP), CARD_W, CARD_H)

    # -- hit testing ---------------------------------------------------------------------
    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """(role, stage) of the cell under a point, or None outside every cell."""
        if not self.stages or not self.lanes:
            return None
        j = bisect_right(self.stage_x, x) - 1
        i = bisect_right(self.lane_y, y) - 1
        if j < 0 or i < 0:
            return None
        if x >= self.stage_x[j] + self.stage_w[j] or y >= self.lane_y[i] + self.lane_h[i]:
            return None
        return (self.lanes[i], self.stages[j])

    def slot_at(self, role: str, stage: str, x: float, y: float, count: int) -> int:
        """Insertion index (0…count) for a point in a cell holding ``count`` other cards."""
        i, j = self.lane_index(role), self.stage_index(stage)
        cols = self.stage_cols[j]
        col = int((x - self.stage_x[j] - CELL_PAD + CARD_GAP / 2) // (CARD_W + CARD_GAP))
        row = int((y - self.lane_y[i] - CELL_TOP + CARD_GAP / 2) // (CARD_H + CARD_GAP))
        col = min(max(col, 0), cols - 1)
        row = max(row, 0)
        # Pointer in the right half of a slot means "after that card".
        cx = x - (self.stage_x[j] + CELL_PAD + col * (CARD_W + CARD_GAP))
        index = row * cols + col + (1 if cx > CARD_W / 2 else 0)
        return min(max(index, 0), count)


def compute_layout(stages: Sequence[str], lanes: Sequence[str],
                   counts: Mapping[tuple[str, str], int],
                   phases: Sequence[str | None] | None = None) -> MapLayout:
    """Layout of a map.

    ``stages`` and ``lanes`` (role ids) in display order; ``counts[(role, stage)]`` the
    number of cards per cell (missing = 0); ``phases`` the phase id of every stage
    (None for a stage outside any phase), or None when the journey has no phases.
    """
    stage_cols = []
    for s in stages:
        most = max((counts.get((r, s), 0) for r in lanes), default=0)
        stage_cols.append(max(1, math.ceil(most / MAX_ROWS)))
    lane_rows = []
    for r in lanes:
        rows = max((math.ceil(counts.get((r, s), 0) / c) for s, c in zip(stages, stage_cols,
                                                                          strict=True)),
                   default=0)
        lane_rows.append(max(1, rows))

    has_phases = phases is not None and any(p is not None for p in phases)
    phase_h = PHASE_H if has_phases else 0.0
    x = MARGIN + LANE_HEADER_W
    stage_x, stage_w = [], []
    for c in stage_cols:
        w = 2 * CELL_PAD + c * CARD_W + (c - 1) * CARD_GAP
        stage_x.append(x)
        stage_w.append(w)
        x += w
    y = MARGIN + phase_h + STAGE_H
    lane_y, lane_h = [], []
    for n in lane_rows:
        h = CELL_TOP + CELL_PAD + n * CARD_H + (n - 1) * CARD_GAP + EMOTION_H
        lane_y.append(y)
        lane_h.append(h)
        y += h

    spans: list[PhaseSpan] = []
    if has_phases and phases is not None:
        start = 0
        for k in range(1, len(stages) + 1):
            if k == len(stages) or phases[k] != phases[start]:
                if phases[start] is not None:
                    x0 = stage_x[start]
                    x1 = stage_x[k - 1] + stage_w[k - 1]
                    spans.append(PhaseSpan(phases[start], start, k - 1,  # type: ignore[arg-type]
                                           Rect(x0, MARGIN, x1 - x0, PHASE_H)))
                start = k
    return MapLayout(tuple(stages), tuple(lanes), tuple(stage_cols), tuple(lane_rows),
                     tuple(stage_x), tuple(stage_w), tuple(lane_y), tuple(lane_h),
                     phase_h, tuple(spans))
