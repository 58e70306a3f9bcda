"""matplotlib charts of one journey: ONE code path for the app and the PDF report.

Each chart function draws onto a given :class:`matplotlib.figure.Figure` (the app wraps
it in a Qt canvas, the report and :func:`render_png` in an Agg canvas); figures are
never made with pyplot, so no backend or GUI is involved. matplotlib is imported lazily
inside the functions: importing this module does not import matplotlib, so the app
starts without it. The data comes from :mod:`journeymap.analysis.summaries` and
:mod:`journeymap.analysis.graph`; labels follow the project's language (``ja``/``en``).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeymap.analysis import summaries
from journeymap.analysis.content_text import CHART_TEXT, content_lang
from journeymap.model.rows import DimensionKind
from journeymap.model.store import Store

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LABELS = CHART_TEXT  # the catalogue's chart words, under the name callers know

CHANNEL_COLORS = {"digital": "#3465a4", "human": "#f57900", "physical": "#73d216"}
KIND_COLORS = {DimensionKind.RATIONAL.value: "#3465a4", DimensionKind.EMOTIONAL.value: "#f57900"}
PAIR_COLORS = ("#3465a4", "#cc0000")
MAX_NPS_ROWS = 25


def _lang(store: Store) -> str:
    return content_lang(store.project.language)


def _labels(store: Store) -> dict[str, str]:
    return LABELS[_lang(store)]


def _prepare(fig: Figure) -> None:
    from journeymap.fonts import setup_matplotlib

    setup_matplotlib()
    fig.clear()
    fig.set_layout_engine("constrained")


def _wrap(text: str, width: int, max_lines: int = 3) -> str:
    """Wrap a label to ``width`` CJK characters (``2 × width`` Latin ones) a line:
    Latin words stay whole, CJK text breaks between characters (:func:`wrap_cols`)."""
    return wrap_cols(text, width * 2, max_lines) if text else ""


def _cols(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap_cols(text: str, cols: int, max_lines: int = 3) -> str:
    """Wrap ``text`` to lines of at most ``cols`` columns (a CJK character takes two):
    Latin words move whole to the next line, CJK text breaks between any two
    characters but never before closing punctuation (、。）」 etc.); more than
    ``max_lines`` lines end in "…"."""
    lines: list[str] = []
    line, width = "", 0
    for word in re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef]+\s*|[\u3000-\u9fff\uff00-\uffef]\s*|\s+",
                           text):
        w = sum(_cols(c) for c in word.rstrip())
        closing = word[:1] in "、。，．）」』】〕！？：:,.)"
        if line and width + w > cols and not closing:
            lines.append(line.rstrip())
            line, width = "", 0
            word = word.lstrip()
            w = sum(_cols(c) for c in word.rstrip())
        line += word
        width += sum(_cols(c) for c in word)
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
    return "\n".join(lines)


def _title(store: Store, journey: str | None, key: str) -> str:
    L = _labels(store)
    j = store.tables["journey"].get(journey) if journey else None
    name = getattr(j, "name", "")
    sep = "：" if _lang(store) == "ja" else ": "
    return f"{L[key]}{sep}{name}" if name else L[key]


def _no_data(fig: Figure, store: Store, journey: str | None, key: str, message_key: str) -> None:
    fig.set_layout_engine(None)
    fig.suptitle(_title(store, journey, key), fontsize=13)
    fig.text(0.5, 0.5, _labels(store)[message_key], ha="center", va="center", fontsize=14,
             color="#555753")


def _has_journey(store: Store, journey: str | None) -> bool:
    return bool(journey) and journey in store.tables["journey"]


LABEL_PT = 8.0


def _stage_ticks(ax: Any, names: list[str]) -> None:
    """Stage names under the x axis that never overlap: wrapped to the width of their
    slot (a CJK character counts two columns of about half the font size); when a slot
    is too narrow even for wrapped words, one line each, rotated 45°."""
    ax.set_xticks(range(len(names)))
    slot_pt = ax.figure.get_figwidth() * ax.get_position().width * 72 / max(1, len(names))
    # The layout engine later narrows the axes (labels, colour bar): keep a margin.
    cols = int(slot_pt * 0.6 / (LABEL_PT * 0.55))
    if cols >= 7:
        ax.set_xticklabels([wrap_cols(n, cols, 3) for n in names], fontsize=LABEL_PT)
    else:
        ax.set_xticklabels([wrap_cols(n, 20, 1) for n in names], fontsize=LABEL_PT,
                           rotation=45, ha="right", rotation_mode="anchor")


# -- charts ---------------------------------------------------------------------------------

def profile_chart(fig: Figure, store: Store, journey: str | None) -> None:
    """Horizontal bars: impact per dimension, coloured rational / emotional, with totals."""
    _prepare(fig)
    if not _has_journey(store, journey):
        return _no_data(fig, store, journey, "profile", "no_journey")
    assert journey is not None
    L = _labels(store)
    prof = summaries.experience_profile(store, journey)
    if not any(d.pains for d in prof.dimensions):
        return _no_data(fig, store, journey, "profile", "no_pains")
    ax = fig.subplots()
    dims = prof.dimensions
    ys = list(range(len(dims)))
    ax.barh(ys, [d.impact for d in dims],
            color=[KIND_COLORS.get(d.kind, "#888a85") for d in dims])
    ax.set_yticks(ys)
    ax.set_yticklabels([_wrap(d.name, 10, 2) for d in dims], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(L["impact"])
    for y, d in zip(ys, dims, strict=True):
        if d.impact > 0:
            ax.annotate(f"{d.impact:.2f}", (d.impact, y), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=8)
    ax.margins(x=0.15)
    from matplotlib.patches import Patch

    ax.legend(handles=[
        Patch(color=KIND_COLORS["rational"], label=f"{L['rational']} {prof.rational:.2f}"),
        Patch(color=KIND_COLORS["emotional"], label=f"{L['emotional']} {prof.emotional:.2f}"),
    ], loc="lower right", fontsize=9)
    ax.set_title(_title(store, journey, "profile"))


def influence_heatmap(fig: Figure, store: Store, journey: str | None) -> None:
    """Role × stage matrix of influence weights; cells using the role default marked *."""
    _prepare(fig)
    if not _has_journey(store, journey):
        return _no_data(fig, store, journey, "heatmap", "no_journey")
    assert journey is not None
    L = _labels(store)
    hm = summaries.influence_heatmap(store, journey)
    if not hm.roles or not hm.stages:
        return _no_data(fig, store, journey, "heatmap", "no_stages")
    ax = fig.subplots()
    im = ax.imshow(hm.values, cmap="Blues", vmin=0, vmax=5, aspect="auto")
    for i, row in enumerate(hm.values):
        for j, v in enumerate(row):
            default = hm.is_default[i][j]
            ax.text(j, i, f"{v}*" if default else str(v), ha="center", va="center",
                    fontsize=10, color="white" if v >= 3.5 else "black",
                    fontstyle="italic" if default else "normal")
    _stage_ticks(ax, hm.stage_names)
    ax.set_yticks(range(len(hm.roles)))
    ax.set_yticklabels([_wrap(n, 8, 2) for n in hm.role_names], fontsize=9)
    ax.tick_params(top=False, bottom=True)
    cb = fig.colorbar(im, ax=ax, shrink=0.8)
    # Title above the bar, not a rotated side label: with the CJK fallback font the
    # side label's extent is misjudged and it overlaps the tick labels.
    cb.ax.set_title(L["influence"].replace("（", "\n（").replace(" (", "\n("), fontsize=8)
    if any(any(r) for r in hm.is_default):
        ax.set_xlabel(L["default_note"], fontsize=8, color="#555753")
    ax.set_title(_title(store, journey, "heatmap"))


def emotion_chart(fig: Figure, store: Store, journey: str | None) -> None:
    """One line per role across stages (mean emotion); gaps where a role has none."""
    _prepare(fig)
    if not _has_journey(store, journey):
        return _no_data(fig, store, journey, "emotion", "no_journey")
    assert journey is not None
    L = _labels(store)
    data = summaries.emotion_curves(store, journey)
    if not any(v is not None for c in data.curves for v in c.values):
        return _no_data(fig, store, journey, "emotion", "no_emotion")
    ax = fig.subplots()
    ax.axhline(0, color="#888a85", linewidth=0.8)
    xs = list(range(len(data.stages)))
    for c in data.curves:
        if all(v is None for v in c.values):
            continue
        # Connect the stages where the role has an emotion (a curve across the journey).
        pts = [(x, v) for x, v in zip(xs, c.values, strict=True) if v is not None]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", color=c.color,
                label=_wrap(c.name, 12, 1), linewidth=2)
    ax.set_ylim(-2.4, 2.4)
    ax.set_yticks([-2, -1, 0, 1, 2])
    ax.set_ylabel(L["emotion_axis"])
    _stage_ticks(ax, data.stage_names)
    ax.set_xlim(-0.5, len(xs) - 0.5)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.set_title(_title(store, journey, "emotion"))


def channel_mix_chart(fig: Figure, store: Store, journey: str | None) -> None:
    """Stacked bars: digital / human / physical touchpoints per stage."""
    _prepare(fig)
    if not _has_journey(store, journey):
        return _no_data(fig, store, journey, "channels", "no_journey")
    assert journey is not None
    L = _labels(store)
    mix = summaries.channel_mix(store, journey)
    if not mix.stages or not any(sum(v) for v in mix.counts.values()):
        return _no_data(fig, store, journey, "channels", "no_touchpoints")
    ax = fig.subplots()
    xs = list(range(len(mix.stages)))
    bottom = [0] * len(xs)
    for ch, counts in mix.counts.items():
        ax.bar(xs, counts, bottom=bottom, color=CHANNEL_COLORS.get(ch), label=L.get(ch, ch))
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    _stage_ticks(ax, mix.stage_names)
    ax.set_ylabel(L["touchpoints"])
    ax.set_ylim(0, max(max(bottom, default=0) * 1.08, 1))  # headroom: the top bar stays visible
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    ax.set_title(_title(store, journey, "channels"))


def nps_chart(fig: Figure, store: Store, journey: str | None) -> None:
    """Horizontal bars of NPS per touchpoint with scores (n in the label)."""
    _prepare(fig)
    if not _has_journey(store, journey):
        return _no_data(fig, store, journey, "nps", "no_journey")
    assert journey is not None
    L = _labels(store)
    rows = [r for r in summaries.scenario_nps(store, journey) if r.nps is not None]
    if not rows:
        return _no_data(fig, store, journey, "nps", "no_scores")
    rows = rows[:MAX_NPS_ROWS]
    ax = fig.subplots()
    ys = list(range(len(rows)))
    values = [r.nps or 0.0 for r in rows]
    ax.barh(ys, values, color=["#4e9a06" if v > 0 else "#cc0000" if v < 0 else "#888a85"
                               for v in values])
    ax.set_yticks(ys)
    ax.set_yticklabels([f"{_wrap(r.title, 14, 1)} (n={r.n})" for r in rows],
                       fontsize=8 if len(rows) > 12 else 9)
    ax.invert_yaxis()
    ax.axvline(0, color="#555753", linewidth=0.8)
    ax.set_xlim(-110, 110)
    for y, v in zip(ys, values, strict=True):
        ax.annotate(f"{v:+.0f}", (v, y), xytext=(4 if v >= 0 else -4, 0),
                    textcoords="offset points", va="center",
                    ha="left" if v >= 0 else "right", fontsize=8)
    ax.set_xlabel(L["nps_axis"])
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(_title(store, journey, "nps"))


def handoff_chart(fig: Figure, store: Store, journey: str | None) -> None:
    """Bars of cross-role handoffs per role (sent / received) and a text panel with the
    analysis in words: who coordinates most, waiting points, loops, breaks."""
    from journeymap.analysis.graph import analyse_handoffs

    _prepare(fig)
    if not _has_journey(store, journey):
        return _no_data(fig, store, journey, "handoffs", "no_journey")
    assert journey is not None
    L = _labels(store)
    res = analyse_handoffs(store, journey)
    if res.handoffs == 0:
        return _no_data(fig, store, journey, "handoffs", "no_handoffs")
    ax, tx = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    burden = res.coordination
    ys = list(range(len(burden)))
    sent = [b.sent for b in burden]
    ax.barh(ys, sent, color="#3465a4", label=L["sent"])
    ax.barh(ys, [b.received for b in burden], left=sent, color="#f57900", label=L["received"])
    ax.set_yticks(ys)
    ax.set_yticklabels([_wrap(b.name, 8, 2) for b in burden], fontsize=9)
    ax.invert_yaxis()
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(L["burden"], fontsize=10)

    from journeymap.analysis.graph import describe_handoffs

    # The same words as the Analyses tab, shortened: each question's first answers.
    width = 44
    lines: list[str] = []
    for k, (head, answers) in enumerate(describe_handoffs(store, res, _lang(store))):
        if head:
            lines.append("■ " + wrap_cols(head, width, 2).replace("\n", "\n  "))
        # Chains (indented) stay in the Analyses tab; the bars already show the counts.
        shown = [a for a in answers if not a.startswith("    ")][1 if k == 0 else 0:]
        for answer in shown[:2]:
            lines.append("  " + wrap_cols(answer, width - 2, 2).replace("\n", "\n  "))
        if len(shown) > 2:
            lines.append(f"  … {L['more']} {len(shown) - 2}")
        lines.append("")
    tx.axis("off")
    words = tx.text(0.0, 1.0, "\n".join(lines), va="top", ha="left", fontsize=8.5,
                    transform=tx.transAxes, linespacing=1.4, clip_on=True)
    # The words may be taller than a small figure (the app's panel shows them in full
    # beside the chart): they never squeeze the bars out of the layout.
    words.set_in_layout(False)
    fig.suptitle(_title(store, journey, "handoffs"), fontsize=12)


def comparison_chart(fig: Figure, store: Store, journey_a: str | None,
                     journey_b: str | None = None) -> None:
    """Two journeys side by side: profile, channel totals, pooled NPS and mean emotion.
    Without ``journey_b`` the first other journey of the project is used."""
    _comparison(fig, store, journey_a, journey_b)
    mark_missing_glyphs(fig, store)


def _comparison(fig: Figure, store: Store, journey_a: str | None,
                journey_b: str | None) -> None:
    _prepare(fig)
    L = _labels(store)
    ids = [j.id for j in store.journeys()]
    if journey_a not in ids:
        journey_a = ids[0] if ids else None
    if journey_b is None or journey_b not in ids or journey_b == journey_a:
        journey_b = next((j for j in ids if j != journey_a), None)
    if journey_a is None or journey_b is None:
        return _no_data(fig, store, None, "comparison", "need_two")
    cmp = summaries.segment_comparison(store, journey_a, journey_b)
    a, b = cmp.a, cmp.b
    names = [_wrap(a.name, 16, 1), _wrap(b.name, 16, 1)]
    axs = fig.subplots(2, 2, gridspec_kw={"height_ratios": [3, 2]})
    width = 0.38

    ax = axs[0][0]
    dims = a.profile.dimensions
    xs = list(range(len(dims)))
    bvals = {d.dimension: d.impact for d in b.profile.dimensions}
    ax.bar([x - width / 2 for x in xs], [d.impact for d in dims], width, color=PAIR_COLORS[0],
           label=names[0])
    ax.bar([x + width / 2 for x in xs], [bvals.get(d.dimension, 0.0) for d in dims], width,
           color=PAIR_COLORS[1], label=names[1])
    ax.set_xticks(xs)
    ax.set_xticklabels([_wrap(d.name, 5, 2) for d in dims], fontsize=7)
    ax.set_title(L["profile"], fontsize=10)
    ax.set_ylabel(L["impact"], fontsize=8)

    ax = axs[0][1]
    chans = list(summaries.CHANNELS)
    xs = list(range(len(chans)))
    ax.bar([x - width / 2 for x in xs], [a.channels.get(c, 0) for c in chans], width,
           color=PAIR_COLORS[0], label=names[0])
    ax.bar([x + width / 2 for x in xs], [b.channels.get(c, 0) for c in chans], width,
           color=PAIR_COLORS[1], label=names[1])
    ax.set_xticks(xs)
    ax.set_xticklabels([L[c] for c in chans], fontsize=8)
    ax.set_title(L["channel_totals"], fontsize=10)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8)

    for ax, key, values, lim in (
        (axs[1][0], "pooled_nps", [a.nps.nps, b.nps.nps], (-100, 100)),
        (axs[1][1], "mean_emotion", [a.mean_emotion, b.mean_emotion], (-2, 2)),
    ):
        ys = [0, 1]
        ax.barh(ys, [v or 0.0 for v in values], color=list(PAIR_COLORS))
        ax.set_yticks(ys)
        ax.set_yticklabels(names, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(lim[0] * 1.15, lim[1] * 1.15)
        ax.axvline(0, color="#555753", linewidth=0.8)
        for y, v in zip(ys, values, strict=True):
            text = "–" if v is None else (f"{v:+.0f}" if key == "pooled_nps" else f"{v:+.2f}")
            ax.annotate(text, (v or 0.0, y), xytext=(4 if (v or 0) >= 0 else -4, 0),
                        textcoords="offset points", va="center",
                        ha="left" if (v or 0) >= 0 else "right", fontsize=8)
        ax.set_title(L[key], fontsize=10)
    fig.suptitle(f"{L['comparison']}{'：' if _lang(store) == 'ja' else ': '}"
                 f"{a.name} / {b.name}", fontsize=12)


ChartFunction = Callable[..., None]

#: name → (English title, Japanese title, function(fig, store, journey))
CHARTS: dict[str, tuple[str, str, ChartFunction]] = {
    "profile": (LABELS["en"]["profile"], LABELS["ja"]["profile"], profile_chart),
    "influence": (LABELS["en"]["heatmap"], LABELS["ja"]["heatmap"], influence_heatmap),
    "emotion": (LABELS["en"]["emotion"], LABELS["ja"]["emotion"], emotion_chart),
    "channels": (LABELS["en"]["channels"], LABELS["ja"]["channels"], channel_mix_chart),
    "nps": (LABELS["en"]["nps"], LABELS["ja"]["nps"], nps_chart),
    "handoffs": (LABELS["en"]["handoffs"], LABELS["ja"]["handoffs"], handoff_chart),
    "comparison": (LABELS["en"]["comparison"], LABELS["ja"]["comparison"],
                   lambda fig, store, j: comparison_chart(fig, store, j)),
}


def chart_title(name: str, lang: str) -> str:
    en, ja, _ = CHARTS[name]
    return ja if lang == "ja" else en


def new_figure(width: float = 10.0, height: float = 6.0) -> Figure:
    """A Figure attached to an Agg canvas (no pyplot, no GUI)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig


def draw(name: str, fig: Figure, store: Store, journey: str | None) -> None:
    """Draw chart ``name`` of the :data:`CHARTS` registry onto ``fig``; characters no
    font can draw are replaced visibly, with a note (:func:`mark_missing_glyphs`)."""
    CHARTS[name][2](fig, store, journey)
    mark_missing_glyphs(fig, store)


#: What stands for a character that neither font can draw: visible, never a blank box.
MISSING = "\ufffd"
_glyphs: dict[str, bool] = {}
_fonts: dict[str, Any] = {}


def _drawable(ch: str) -> bool:
    """Whether a font of matplotlib's family list (DejaVu Sans, then the bundled
    Japanese font) has a glyph for ``ch``."""
    ok = _glyphs.get(ch)
    if ok is None:
        from matplotlib import font_manager, rcParams
        from matplotlib.ft2font import FT2Font

        ok = ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")
        if not ok:
            for family in rcParams["font.family"]:
                font = _fonts.get(family)
                if font is None:
                    path = font_manager.findfont(family, fallback_to_default=False)
                    font = _fonts[family] = FT2Font(path)
                if font.get_char_index(ord(ch)):
                    ok = True
                    break
        _glyphs[ch] = ok
    return ok


def mark_missing_glyphs(fig: Figure, store: Store) -> list[str]:
    """Replace, in every text of ``fig``, the characters no font can draw (an emoji in a
    role name) by U+FFFD "�", and add a note at the foot of the figure saying so.
    Returns the characters replaced (none: the figure is unchanged)."""
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter

    missing: list[str] = []

    def fix(value: str) -> str:
        if not value or value.isascii():
            return value
        bad = [ch for ch in value if not _drawable(ch)]
        missing.extend(ch for ch in bad if ch not in missing)
        return "".join(MISSING if ch in bad else ch for ch in value) if bad else value

    for text in fig.findobj(Text):
        value = text.get_text()
        fixed = fix(value)
        if fixed != value:
            text.set_text(fixed)
    for ax in fig.axes:   # tick labels are made again from their formatter when drawn
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if isinstance(formatter, FixedFormatter):
                formatter.seq = [fix(str(v)) for v in formatter.seq]
                continue
            ticks = axis.get_ticklabels()
            labels = [t.get_text() for t in ticks]
            fixed = [fix(v) for v in labels]
            if fixed != labels:
                t = ticks[0]
                axis.set_ticks(axis.get_ticklocs(), fixed, fontsize=t.get_fontsize(),
                               rotation=t.get_rotation(), ha=t.get_ha(),
                               rotation_mode=t.get_rotation_mode())
    if missing:
        note = LABELS[_lang(store)]["missing_glyphs"].format(mark=MISSING)
        fig.text(0.005, 0.995, note, fontsize=7, color="#a40000", ha="left", va="top")
    return missing


def render_png(name: str, store: Store, journey: str | None, path: str | os.PathLike[str],
               dpi: int = 150, size: tuple[float, float] = (10.0, 6.0)) -> Path:
    """Render chart ``name`` to a PNG file, atomically (temp file beside it, then rename)."""
    if name not in CHARTS:
        raise KeyError(f"unknown chart {name!r}; known: {', '.join(CHARTS)}")
    fig = new_figure(*size)
    draw(name, fig, store, journey)
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                               dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fig.savefig(fh, format="png", dpi=dpi)
        os.replace(tmp, target)
    except BaseException:
        with _suppress():
            os.unlink(tmp)
        raise
    return target


def _suppress():  # type: ignore[no-untyped-def]
    import contextlib

    return contextlib.suppress(OSError)


__all__ = [
    "CHARTS", "LABELS", "channel_mix_chart", "chart_title", "comparison_chart", "draw",
    "emotion_chart", "handoff_chart", "influence_heatmap", "new_figure", "nps_chart",
    "profile_chart", "render_png",
]
