"""Chart data as plain dataclasses (docs/analyses.md): what the charts draw, without drawing.

Every function takes a :class:`~journeymap.model.store.Store` and a journey id and
returns data only, so the app, the PDF report and the tests share one computation.
No Qt, no matplotlib.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from journeymap.analysis.scoring import pain_impacts
from journeymap.model.rows import Channel, DimensionKind, Metric
from journeymap.model.store import Store

CHANNELS: tuple[str, ...] = tuple(c.value for c in Channel)


# -- experience profile ---------------------------------------------------------------------

@dataclass(frozen=True)
class DimensionImpact:
    dimension: str
    name: str
    kind: str
    impact: float
    pains: int


@dataclass
class ExperienceProfile:
    """Sum of pain impact per dimension (project's dimension order) of one journey."""

    journey: str
    dimensions: list[DimensionImpact]
    rational: float
    emotional: float

    @property
    def total(self) -> float:
        return self.rational + self.emotional


def experience_profile(store: Store, journey: str) -> ExperienceProfile:
    """Impact (docs/scoring.md, votes included) summed per dimension; rational vs emotional totals."""
    impacts = pain_impacts(store, journey)
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for pid, value in impacts.items():
        d = store.pain_point(pid).dimension
        sums[d] = sums.get(d, 0.0) + value
        counts[d] = counts.get(d, 0) + 1
    dims = []
    known = set()
    for d in store.dimensions():
        known.add(d.id)
        dims.append(DimensionImpact(d.id, d.name, d.kind, sums.get(d.id, 0.0),
                                    counts.get(d.id, 0)))
    for d_id in sums:  # dangling dimension ids (damaged data): still shown, as rational
        if d_id not in known:
            dims.append(DimensionImpact(d_id, d_id, DimensionKind.RATIONAL.value, sums[d_id],
                                        counts[d_id]))
    rational = sum(d.impact for d in dims if d.kind != DimensionKind.EMOTIONAL)
    emotional = sum(d.impact for d in dims if d.kind == DimensionKind.EMOTIONAL)
    return ExperienceProfile(journey, dims, rational, emotional)


# -- influence heatmap ----------------------------------------------------------------------

@dataclass
class InfluenceHeatmap:
    """``values[i][j]``: weight (0–5) of ``roles[i]`` at ``stages[j]``;
    ``is_default[i][j]``: True where no weight is set and the role's default applies."""

    journey: str
    roles: list[str]
    role_names: list[str]
    stages: list[str]
    stage_names: list[str]
    values: list[list[int]]
    is_default: list[list[bool]]


def influence_heatmap(store: Store, journey: str) -> InfluenceHeatmap:
    """Role (lanes, in order) × stage matrix of influence weights."""
    roles = store.lane_roles(journey)
    stages = store.stages(journey)
    values = [[store.influence_at(journey, r.id, s.id) for s in stages] for r in roles]
    defaults = [[store.explicit_influence(journey, r.id, s.id) is None for s in stages]
                for r in roles]
    return InfluenceHeatmap(journey, [r.id for r in roles], [r.name for r in roles],
                            [s.id for s in stages], [s.name for s in stages], values, defaults)


# -- emotion curve --------------------------------------------------------------------------

@dataclass(frozen=True)
class EmotionCurve:
    """Mean emotion (−2…+2) of the role's touchpoints per stage; None where the role has
    no touchpoint with an emotion at that stage."""

    role: str
    name: str
    color: str
    values: tuple[float | None, ...]


@dataclass
class EmotionCurves:
    journey: str
    stages: list[str]
    stage_names: list[str]
    curves: list[EmotionCurve]


def emotion_curves(store: Store, journey: str) -> EmotionCurves:
    """One curve per lane role across the journey's stages."""
    stages = store.stages(journey)
    curves = []
    for role in store.lane_roles(journey):
        vals: list[float | None] = []
        for st in stages:
            em = [tp.emotion for tp in store.touchpoints_in_cell(journey, role.id, st.id)
                  if tp.emotion is not None]
            vals.append(sum(em) / len(em) if em else None)
        curves.append(EmotionCurve(role.id, role.name, role.color, tuple(vals)))
    return EmotionCurves(journey, [s.id for s in stages], [s.name for s in stages], curves)


# -- channel mix ----------------------------------------------------------------------------

@dataclass
class ChannelMix:
    """``counts[channel][j]``: touchpoints of that channel at ``stages[j]``."""

    journey: str
    stages: list[str]
    stage_names: list[str]
    counts: dict[str, list[int]]

    def totals(self) -> dict[str, int]:
        return {ch: sum(v) for ch, v in self.counts.items()}


def channel_mix(store: Store, journey: str) -> ChannelMix:
    """Digital / human / physical touchpoints per stage."""
    stages = store.stages(journey)
    index = {s.id: j for j, s in enumerate(stages)}
    counts = {ch: [0] * len(stages) for ch in CHANNELS}
    for tp in store.touchpoints(journey):
        j = index.get(tp.stage)
        if j is not None and tp.channel in counts:
            counts[tp.channel][j] += 1
    return ChannelMix(journey, [s.id for s in stages], [s.name for s in stages], counts)


# -- scenario NPS ---------------------------------------------------------------------------

@dataclass(frozen=True)
class NpsResult:
    """NPS = % promoters (9–10) − % detractors (0–6); ``nps`` None when n == 0."""

    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None


def nps(scores: Iterable[int]) -> NpsResult:
    """Net promoter score of survey scores 0–10."""
    p = pa = d = n = 0
    for s in scores:
        n += 1
        if s >= 9:
            p += 1
        elif s >= 7:
            pa += 1
        else:
            d += 1
    return NpsResult(n, p, pa, d, 100.0 * (p - d) / n if n else None)


@dataclass(frozen=True)
class TouchpointNps:
    touchpoint: str
    title: str
    role: str
    stage: str
    result: NpsResult

    @property
    def nps(self) -> float | None:
        return self.result.nps

    @property
    def n(self) -> int:
        return self.result.n


def scenario_nps(store: Store, journey: str) -> list[TouchpointNps]:
    """NPS of every touchpoint of the journey (display order); ``nps`` None without scores."""
    return [TouchpointNps(tp.id, tp.title, tp.role, tp.stage, nps(tp.scores))
            for tp in store.touchpoints(journey)]


# -- scenario NPS beside operational metrics -------------------------------------------------

#: A percentage metric at or above this reads as good (fulfilment, on-time, first-time-
#: right rates): front-line KPIs of that kind are the ones polished on the way up.
GOOD_RATE = 90.0


@dataclass(frozen=True)
class MetricCheck:
    """One touchpoint's scenario NPS beside its operational metrics."""

    touchpoint: str
    title: str
    role: str
    stage: str
    result: NpsResult
    metrics: tuple[Metric, ...]

    @property
    def good_metrics(self) -> list[Metric]:
        """Metrics that read as good: percentages of at least :data:`GOOD_RATE`."""
        return [m for m in self.metrics if m.unit.strip() == "%" and m.value >= GOOD_RATE]

    @property
    def hides(self) -> bool:
        """A good metric beside a poor experience (NPS below 0: more detractors than
        promoters)."""
        return self.result.nps is not None and self.result.nps < 0 and bool(self.good_metrics)


def signed(x: float) -> str:
    """An NPS for people: whole number with its sign, "0" for zero (``+35``, ``-25``)."""
    r = round(x)
    return "0" if r == 0 else f"{r:+d}"


def metrics_beside_nps(store: Store, journey: str) -> list[MetricCheck]:
    """Every touchpoint of the journey that has survey scores or metrics (display
    order), with its NPS and metrics; ``hides`` marks where they disagree."""
    return [MetricCheck(tp.id, tp.title, tp.role, tp.stage, nps(tp.scores), tuple(tp.metrics))
            for tp in store.touchpoints(journey) if tp.scores or tp.metrics]


def describe_metrics(store: Store, checks: list[MetricCheck], lang: str | None = None
                     ) -> tuple[list[str], list[str]]:
    """In words of ``lang``: the call-outs (a good metric hides a poor experience) and
    one line per touchpoint (NPS beside its metrics). Numbers rounded, names only."""
    from journeymap.analysis.content_text import METRIC_TEXT, content_lang
    from journeymap.analysis.scoring import num

    t = METRIC_TEXT[content_lang(lang)]
    roles, stages = store.tables["role"], store.tables["stage"]

    def metric(m: Metric) -> str:
        unit = m.unit.strip()
        return f"{m.name} {num(m.value, 1)}{unit if unit == '%' else ' ' + unit if unit else ''}"

    def score(c: MetricCheck) -> str:
        if c.result.nps is None:
            return t["no_scores"]
        return t["nps"].format(nps=signed(c.result.nps), n=c.result.n)

    callouts, rows = [], []
    for c in checks:
        where = dict(title=t["quote"].format(c.title),
                     role=getattr(roles.get(c.role), "name", ""),
                     stage=getattr(stages.get(c.stage), "name", ""))
        if c.hides:
            callouts.append(t["hides"].format(metric=t["and"].join(
                metric(m) for m in c.good_metrics), score=score(c), **where))
        rows.append(t["row"].format(score=score(c), metrics=t["sep"].join(
            metric(m) for m in c.metrics) or t["no_metrics"], **where))
    return callouts, rows


# -- segment comparison ---------------------------------------------------------------------

@dataclass
class JourneySummary:
    """The figures of one journey used to compare segments."""

    journey: str
    name: str
    segment: str
    touchpoints: int
    pains: int
    profile: ExperienceProfile
    channels: dict[str, int]
    nps: NpsResult  # pooled over all scores of the journey's touchpoints
    scored_touchpoints: int
    mean_emotion: float | None
    emotion_by_role: dict[str, float | None] = field(default_factory=dict)  # role name → mean


def journey_summary(store: Store, journey: str) -> JourneySummary:
    j = store.journey(journey)
    tps = store.touchpoints(journey)
    emotions = [tp.emotion for tp in tps if tp.emotion is not None]
    by_role: dict[str, float | None] = {}
    for role in store.lane_roles(journey):
        em = [tp.emotion for tp in tps if tp.role == role.id and tp.emotion is not None]
        by_role[role.name] = sum(em) / len(em) if em else None
    return JourneySummary(
        journey=journey, name=j.name, segment=j.segment, touchpoints=len(tps),
        pains=len(store.journey_pain_points(journey)),
        profile=experience_profile(store, journey),
        channels=channel_mix(store, journey).totals(),
        nps=nps(s for tp in tps for s in tp.scores),
        scored_touchpoints=sum(1 for tp in tps if tp.scores),
        mean_emotion=sum(emotions) / len(emotions) if emotions else None,
        emotion_by_role=by_role)


@dataclass
class SegmentComparison:
    a: JourneySummary
    b: JourneySummary


def segment_comparison(store: Store, journey_a: str, journey_b: str) -> SegmentComparison:
    """Two journeys side by side: profile, channel totals, pooled NPS, emotion."""
    return SegmentComparison(journey_summary(store, journey_a), journey_summary(store, journey_b))


__all__ = [
    "CHANNELS", "GOOD_RATE", "ChannelMix", "MetricCheck", "describe_metrics",
    "metrics_beside_nps", "signed", "DimensionImpact", "EmotionCurve", "EmotionCurves",
    "ExperienceProfile", "InfluenceHeatmap", "JourneySummary", "NpsResult",
    "SegmentComparison", "TouchpointNps", "channel_mix", "emotion_curves",
    "experience_profile", "influence_heatmap", "journey_summary", "nps", "scenario_nps",
    "segment_comparison",
]
