"""Synthetic projects of any size, for benchmarks (deterministic: same seed, same project).

``make_project_json(roles=10, stages=20, touchpoints=2000, pains_per_tp=2)`` returns a
JSON object in the interchange format; ``make_project`` the parsed Store."""

from __future__ import annotations

import random
from typing import Any

from journeymap.model.jsonio import parse_project
from journeymap.model.store import Store

DIMS = [("product", "製品力", "rational"), ("price", "価格", "rational"),
        ("fulfilment", "納品・履行", "rational"), ("ease", "安心・手軽さ", "emotional"),
        ("valued", "尊重されている実感", "emotional"), ("trust", "信頼", "emotional")]
CHANNELS = ("digital", "human", "physical")


def make_project_json(roles: int = 10, stages: int = 20, touchpoints: int = 2000,
                      pains_per_tp: int = 2, journeys: int = 1, actions: int = 200,
                      votes: int = 300, seed: int = 7) -> dict[str, Any]:
    rnd = random.Random(seed)
    role_ids = [f"r{i}" for i in range(roles)]
    out: dict[str, Any] = {
        "format": "journeymap", "version": 1,
        "project": {"title": "合成プロジェクト (synthetic)", "client": "Benchmark Co.",
                    "language": "ja", "settings": {"vote_weight": 0.5, "dimension_weights": {}}},
        "dimensions": [{"id": i, "name": n, "kind": k} for i, n, k in DIMS],
        "roles": [{"id": r, "name": f"役割 {i} role", "color": "#3465a4",
                   "default_influence": rnd.randint(0, 5), "description": ""}
                  for i, r in enumerate(role_ids)],
        "journeys": [], "actions": [], "votes": [],
    }
    pains: list[str] = []
    per_journey = touchpoints // journeys
    for j in range(journeys):
        jid = f"j{j}"
        stage_ids = [f"{jid}s{i}" for i in range(stages)]
        tps = []
        for t in range(per_journey):
            tid = f"{jid}t{t}"
            pp = []
            for p in range(pains_per_tp):
                pid = f"{tid}p{p}"
                pains.append(pid)
                pp.append({"id": pid, "title": f"ペイン {t}-{p}: 回答が遅い",
                           "severity": rnd.randint(1, 5), "frequency": rnd.randint(1, 5),
                           "dimension": rnd.choice(DIMS)[0], "evidence": "interviews"})
            tps.append({"id": tid, "role": rnd.choice(role_ids), "stage": rnd.choice(stage_ids),
                        "title": f"タッチポイント {t} touchpoint", "description": "説明 " * 10,
                        "channel": rnd.choice(CHANNELS), "channel_detail": "",
                        "emotion": rnd.randint(-2, 2), "pain_points": pp,
                        "scores": [rnd.randint(0, 10) for _ in range(rnd.randint(0, 6))],
                        "metrics": []})
        handoffs = []
        for _ in range(per_journey // 2):
            a, b = rnd.sample(range(per_journey), 2)
            handoffs.append({"from": f"{jid}t{a}", "to": f"{jid}t{b}", "label": ""})
        out["journeys"].append({
            "id": jid, "name": f"ジャーニー {j}", "segment": f"segment {j}", "description": "",
            "phases": [{"id": f"{jid}ph0", "name": "確立"}, {"id": f"{jid}ph1", "name": "継続"}],
            "stages": [{"id": s, "name": f"ステージ {i}",
                        "phase": f"{jid}ph{0 if i < stages // 2 else 1}"}
                       for i, s in enumerate(stage_ids)],
            "lanes": role_ids,
            "influence": [{"role": r, "stage": s, "weight": rnd.randint(0, 5)}
                          for r in role_ids for s in stage_ids if rnd.random() < 0.7],
            "touchpoints": tps, "handoffs": handoffs,
        })
    for a in range(actions):
        out["actions"].append({"id": f"a{a}", "title": f"施策 {a}", "effort": rnd.randint(1, 5),
                               "owner": "", "status": rnd.choice(["idea", "planned", "doing"]),
                               "due": None, "addresses": rnd.sample(pains, min(3, len(pains)))})
    targets = pains + [f"a{a}" for a in range(actions)]
    out["votes"] = [{"participant": f"P{i % 12}", "target": rnd.choice(targets)}
                    for i in range(votes)]
    return out


def make_project(**kw: Any) -> Store:
    return parse_project(make_project_json(**kw))
