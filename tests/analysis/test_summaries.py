"""Chart data (docs/analyses.md), computed by hand for the Japanese fixture."""

from __future__ import annotations

from typing import Any

import pytest

from journeymap.analysis import summaries as S
from journeymap.model.jsonio import parse_project
from journeymap.model.rows import Journey, ProjectInfo
from journeymap.model.store import PROJECT_ID, Store


def test_experience_profile(ja_store: Store) -> None:
    prof = S.experience_profile(ja_store, "soe")
    got = {d.dimension: d.impact for d in prof.dimensions}
    assert got == pytest.approx({"product": 0.48, "price": 0.36, "fulfilment": 1.0,
                                 "ease": 1.2, "valued": 0.08, "trust": 0.24})
    assert [d.name for d in prof.dimensions][:2] == ["製品力", "価格"]
    assert prof.rational == pytest.approx(1.84)
    assert prof.emotional == pytest.approx(1.52)
    assert prof.total == pytest.approx(3.36)
    assert all(d.pains == 1 for d in prof.dimensions)


def test_influence_heatmap(ja_store: Store) -> None:
    hm = S.influence_heatmap(ja_store, "soe")
    assert hm.roles == ["purchasing", "engineer", "finance"]
    assert hm.stage_names == ["サプライヤー調査", "評価・入札", "発注", "受入・使用"]
    assert hm.values == [[5, 5, 4, 4], [2, 3, 3, 5], [2, 2, 1, 2]]
    assert hm.is_default == [[False, False, True, True], [False, True, True, False],
                             [True, True, False, True]]


def test_emotion_curves(ja_store: Store) -> None:
    ec = S.emotion_curves(ja_store, "soe")
    curves = {c.role: c.values for c in ec.curves}
    assert curves == {"purchasing": (0, -2, 1, None), "engineer": (-1, None, None, -1),
                      "finance": (None, None, -1, None)}
    assert ec.curves[0].color == "#3465a4"


def test_emotion_mean_of_cell(ja_data: dict[str, Any]) -> None:
    data = ja_data
    data["journeys"][0]["touchpoints"][6]["emotion"] = 2  # s7 beside s6 (-1) at "use"
    ec = S.emotion_curves(parse_project(data), "soe")
    assert ec.curves[1].values[3] == pytest.approx(0.5)


def test_channel_mix(ja_store: Store) -> None:
    mix = S.channel_mix(ja_store, "soe")
    assert mix.counts == {"digital": [1, 0, 1, 0], "human": [1, 1, 0, 1],
                          "physical": [0, 0, 1, 1]}
    assert mix.totals() == {"digital": 2, "human": 3, "physical": 2}


def test_nps() -> None:
    assert S.nps([]).nps is None
    r = S.nps([9, 10, 7, 6])
    assert (r.n, r.promoters, r.passives, r.detractors) == (4, 2, 1, 1)
    assert r.nps == pytest.approx(25.0)
    assert S.nps([0, 6]).nps == -100.0 and S.nps([7, 8]).nps == 0.0
    assert S.nps([10]).nps == 100.0


def test_scenario_nps(ja_store: Store) -> None:
    rows = {r.touchpoint: r.nps for r in S.scenario_nps(ja_store, "soe")}
    assert rows["s1"] == pytest.approx(25.0)
    assert rows["s2"] == pytest.approx(-100 / 3)
    assert rows["s4"] == -100.0 and rows["s5"] == 75.0
    assert rows["s3"] is None and rows["s6"] is None
    assert [r.n for r in S.scenario_nps(ja_store, "soe")][:2] == [4, 3]


def test_segment_comparison(ja_store: Store) -> None:
    cmp = S.segment_comparison(ja_store, "soe", "pvt")
    assert (cmp.a.name, cmp.b.name) == ("大手国有企業", "中小民間企業")
    assert cmp.a.touchpoints == cmp.b.touchpoints == 7
    assert cmp.a.pains == 6
    assert cmp.a.nps.n == 13 and cmp.a.nps.nps == pytest.approx(100 / 13)
    assert cmp.a.mean_emotion == pytest.approx(-4 / 6)
    assert cmp.b.mean_emotion == pytest.approx(0.0)
    assert cmp.a.channels == {"digital": 2, "human": 3, "physical": 2}
    b_prof = {d.dimension: d.impact for d in cmp.b.profile.dimensions}
    assert b_prof["ease"] == pytest.approx(0.8)  # no votes on pvt pains
    assert b_prof["fulfilment"] == pytest.approx(0.8)
    assert cmp.a.emotion_by_role["経理"] == -1
    assert cmp.a.scored_touchpoints == 4


def test_empty_journey() -> None:
    s = Store([ProjectInfo(PROJECT_ID), Journey("j", name="J")])
    assert S.experience_profile(s, "j").total == 0
    hm = S.influence_heatmap(s, "j")
    assert hm.values == [] and hm.roles == []
    assert S.emotion_curves(s, "j").curves == []
    assert S.channel_mix(s, "j").totals() == {"digital": 0, "human": 0, "physical": 0}
    assert S.scenario_nps(s, "j") == []
    summary = S.journey_summary(s, "j")
    assert summary.nps.nps is None and summary.mean_emotion is None


# -- scenario NPS beside operational metrics ---------------------------------------------------

def test_good_metric_hiding_a_poor_experience_is_called_out() -> None:
    from journeymap.analysis.summaries import describe_metrics, metrics_beside_nps
    from journeymap.model.templates import load_template

    store = load_template("b2b-procurement", "en")
    j = store.journeys()[0].id
    checks = metrics_beside_nps(store, j)
    hiding = [c for c in checks if c.hides]
    # fulfilment rate 91 % beside NPS −25 (2 promoters, 4 detractors of 8)
    assert [c.title for c in hiding] == ["Delivery to the plant store"]
    assert hiding[0].result.nps == pytest.approx(-25.0)
    callouts, rows = describe_metrics(store, checks, "en")
    assert callouts == ["“Delivery to the plant store” (Shop-floor user, Receipt / delivery): "
                        "fulfilment rate 91% looks good, but NPS -25 from 8 scores — a good "
                        "metric hides a poor experience."]
    assert ("“Tests samples on the line” (Plant engineer, Evaluation / tender): NPS 0 from 5 "
            "scores; sample lead time 19 days") in rows
    # a poor metric, or a good NPS, is no call-out
    assert not any(c.hides for c in checks if c.result.nps is not None and c.result.nps >= 0)
    ja = load_template("b2b-procurement", "ja")
    callouts, _ = describe_metrics(ja, metrics_beside_nps(ja, j), "ja")
    assert callouts == ["「工場倉庫への納品」（現場ユーザー、納品・検収）: 納品達成率 91%は良く"
                        "見えますが、NPS -25（スコア 8件）です — 良い指標が悪い体験を隠しています。"]
