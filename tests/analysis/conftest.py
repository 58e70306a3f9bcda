"""Small projects for the analysis tests (built through the JSON v1 parser)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from journeymap.model.jsonio import parse_project
from journeymap.model.store import Store

DIMENSIONS_JA = [
    {"id": "product", "name": "製品力", "kind": "rational"},
    {"id": "price", "name": "価格", "kind": "rational"},
    {"id": "fulfilment", "name": "フルフィルメント", "kind": "rational"},
    {"id": "ease", "name": "安心・簡単", "kind": "emotional"},
    {"id": "valued", "name": "大切にされている", "kind": "emotional"},
    {"id": "trust", "name": "信頼", "kind": "emotional"},
]


def _journey(jid: str, name: str, segment: str, tp_prefix: str, flip: bool) -> dict[str, Any]:
    p = tp_prefix
    return {
        "id": jid, "name": name, "segment": segment,
        "phases": [{"id": f"{jid}_est", "name": "協力関係の確立"},
                   {"id": f"{jid}_ops", "name": "日常の協力"}],
        "stages": [
            {"id": f"{jid}_research", "name": "サプライヤー調査", "phase": f"{jid}_est"},
            {"id": f"{jid}_tender", "name": "評価・入札", "phase": f"{jid}_est"},
            {"id": f"{jid}_order", "name": "発注", "phase": f"{jid}_ops"},
            {"id": f"{jid}_use", "name": "受入・使用", "phase": f"{jid}_ops"},
        ],
        "lanes": ["purchasing", "engineer", "finance"],
        "influence": [
            {"role": "purchasing", "stage": f"{jid}_research", "weight": 5},
            {"role": "purchasing", "stage": f"{jid}_tender", "weight": 5},
            {"role": "engineer", "stage": f"{jid}_use", "weight": 5},
            {"role": "engineer", "stage": f"{jid}_research", "weight": 2},
            {"role": "finance", "stage": f"{jid}_order", "weight": 1},
        ],
        "touchpoints": [
            {"id": f"{p}1", "role": "purchasing", "stage": f"{jid}_research",
             "title": "ウェブサイトで製品検索", "channel": "digital", "emotion": 1 if flip else 0,
             "scores": [9, 10, 7, 6], "pain_points": [
                 {"id": f"{p}p1", "title": "仕様書が見つからない", "severity": 4, "frequency": 3,
                  "dimension": "product"}]},
            {"id": f"{p}2", "role": "engineer", "stage": f"{jid}_research",
             "title": "技術相談", "channel": "human", "emotion": -1,
             "scores": [3, 5, 9], "pain_points": []},
            {"id": f"{p}3", "role": "purchasing", "stage": f"{jid}_tender",
             "title": "見積依頼", "channel": "human", "emotion": -2, "pain_points": [
                 {"id": f"{p}p2", "title": "見積の回答が遅い", "severity": 5, "frequency": 4,
                  "dimension": "ease"},
                 {"id": f"{p}p3", "title": "価格の根拠が不明", "severity": 3, "frequency": 3,
                  "dimension": "price"}]},
            {"id": f"{p}4", "role": "finance", "stage": f"{jid}_order",
             "title": "請求書の確認", "channel": "physical", "emotion": -1, "scores": [0, 2],
             "pain_points": [
                 {"id": f"{p}p4", "title": "請求書=紙のみ", "severity": 2, "frequency": 5,
                  "dimension": "valued"}]},
            {"id": f"{p}5", "role": "purchasing", "stage": f"{jid}_order",
             "title": "ポータルで発注", "channel": "digital", "emotion": 1,
             "scores": [10, 10, 9, 8]},
            {"id": f"{p}6", "role": "engineer", "stage": f"{jid}_use",
             "title": "納品・受入検査", "channel": "physical", "emotion": 2 if flip else -1,
             "pain_points": [
                 {"id": f"{p}p5", "title": "納期遅れ", "severity": 5, "frequency": 2,
                  "dimension": "fulfilment"}]},
            {"id": f"{p}7", "role": "engineer", "stage": f"{jid}_use",
             "title": "担当営業の訪問", "channel": "human", "pain_points": [
                 {"id": f"{p}p6", "title": "担当者がすぐ替わる", "severity": 3, "frequency": 2,
                  "dimension": "trust"}]},
        ],
        "handoffs": [
            {"from": f"{p}1", "to": f"{p}3"},
            {"from": f"{p}2", "to": f"{p}3"},
            {"from": f"{p}3", "to": f"{p}4"},
            {"from": f"{p}4", "to": f"{p}5"},
            {"from": f"{p}5", "to": f"{p}6"},
            {"from": f"{p}6", "to": f"{p}3", "label": "再見積"},
        ],
    }


def ja_project_dict() -> dict[str, Any]:
    return {
        "format": "journeymap", "version": 1,
        "project": {"title": "産業資材の調達", "client": "株式会社サンプル", "language": "ja",
                    "settings": {"vote_weight": 0.5, "dimension_weights": {"fulfilment": 2.0}}},
        "dimensions": copy.deepcopy(DIMENSIONS_JA),
        "roles": [
            {"id": "purchasing", "name": "調達責任者", "color": "#3465a4", "default_influence": 4},
            {"id": "engineer", "name": "工場エンジニア", "color": "#cc0000"},
            {"id": "finance", "name": "経理", "color": "#4e9a06", "default_influence": 2},
        ],
        "journeys": [
            _journey("soe", "大手国有企業", "国有大手", "s", flip=False),
            _journey("pvt", "中小民間企業", "民間中小", "v", flip=True),
        ],
        "actions": [
            {"id": "a1", "title": "見積回答を24時間以内に", "effort": 2, "status": "planned",
             "addresses": ["sp2", "vp2"]},
            {"id": "a2", "title": "仕様書をポータルで公開", "effort": 1, "addresses": ["sp1"]},
            {"id": "a3", "title": "電子請求書", "effort": 3, "status": "dropped",
             "addresses": ["sp4"]},
            {"id": "a4", "title": "=HYPERLINK(\"x\")", "effort": 5, "addresses": []},
        ],
        "votes": [
            {"participant": "A", "target": "sp2"}, {"participant": "B", "target": "sp2"},
            {"participant": "C", "target": "sp5"}, {"participant": "A", "target": "a2"},
        ],
    }


@pytest.fixture
def ja_store() -> Store:
    return parse_project(ja_project_dict())


@pytest.fixture
def ja_data() -> dict[str, Any]:
    """The Japanese fixture as JSON data, to modify before parsing."""
    return ja_project_dict()
