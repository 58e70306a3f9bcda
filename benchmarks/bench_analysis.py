"""Benchmark of the analysis layer (budget: rescoring 10,000 pain points ≤ 100 ms).

A plain script: ``python benchmarks/bench_analysis.py [--repeat N]``. Builds synthetic
projects in memory (rows straight into a Store, no file) and prints the median of N
runs of each measurement. Exits non-zero when the scoring budget is exceeded.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable

from journeymap.analysis import graph, scoring, summaries
from journeymap.model.rows import (
    DEFAULT_DIMENSION_IDS,
    Action,
    ActionLink,
    Dimension,
    Handoff,
    Influence,
    Journey,
    Lane,
    PainPoint,
    ProjectInfo,
    Role,
    Row,
    Stage,
    Touchpoint,
    Vote,
)
from journeymap.model.store import PROJECT_ID, Store

RANK_BUDGET_S = 0.100


def synthetic_store(touchpoints: int, pains: int, journeys: int = 2, stages: int = 10,
                    roles: int = 6, seed: int = 7) -> Store:
    """A project of the given size: pains spread over touchpoints, actions addressing
    about a third of them, votes, influence entries, and ~1.5 handoffs per touchpoint
    (mostly forward in the journey, a few backwards so there are cycles)."""
    rnd = random.Random(seed)
    rows: list[Row] = [ProjectInfo(PROJECT_ID, title="synthetic", language="ja")]
    rows += [Dimension(d, name=d, kind="rational" if i < 3 else "emotional", position=i)
             for i, d in enumerate(DEFAULT_DIMENSION_IDS)]
    rows += [Role(f"r{i}", name=f"役割{i}", default_influence=rnd.randint(1, 5), position=i)
             for i in range(roles)]
    tp_ids: list[str] = []
    per_journey = touchpoints // journeys
    for j in range(journeys):
        jid = f"j{j}"
        rows.append(Journey(jid, name=f"ジャーニー{j}", position=j))
        rows += [Stage(f"{jid}s{s}", journey=jid, name=f"ステージ{s}", position=s)
                 for s in range(stages)]
        rows += [Lane(f"{jid}/r{r}", journey=jid, role=f"r{r}", position=r) for r in range(roles)]
        rows += [Influence(f"{jid}/r{r}/{jid}s{s}", journey=jid, role=f"r{r}",
                           stage=f"{jid}s{s}", weight=rnd.randint(0, 5))
                 for r in range(roles) for s in range(stages) if rnd.random() < 0.5]
        ids = []
        for t in range(per_journey):
            tid = f"{jid}t{t}"
            stage = t * stages // per_journey
            rows.append(Touchpoint(tid, journey=jid, role=f"r{rnd.randrange(roles)}",
                                   stage=f"{jid}s{stage}", title=f"タッチポイント{t}",
                                   channel=rnd.choice(["digital", "human", "physical"]),
                                   emotion=rnd.randint(-2, 2),
                                   scores=tuple(rnd.randint(0, 10) for _ in range(rnd.randint(0, 5))),
                                   position=t))
            ids.append(tid)
        for k in range(int(per_journey * 1.5)):
            a = rnd.randrange(per_journey)
            b = min(per_journey - 1, a + rnd.randint(1, 20)) if rnd.random() < 0.97 \
                else rnd.randrange(per_journey)
            rows.append(Handoff(f"{jid}h{k}", journey=jid, source=ids[a], target=ids[b],
                                position=k))
        tp_ids += ids
    pain_ids = []
    for p in range(pains):
        pid = f"p{p}"
        rows.append(PainPoint(pid, touchpoint=tp_ids[p % len(tp_ids)], title=f"ペイン{p % 500}",
                              severity=rnd.randint(1, 5), frequency=rnd.randint(1, 5),
                              dimension=rnd.choice(DEFAULT_DIMENSION_IDS), position=p))
        pain_ids.append(pid)
    n_actions = max(1, pains // 10)
    for a in range(n_actions):
        aid = f"a{a}"
        rows.append(Action(aid, title=f"施策{a}", effort=rnd.randint(1, 5),
                           status=rnd.choice(["idea", "planned", "doing", "done", "dropped"]),
                           position=a))
        for k, pid in enumerate(rnd.sample(pain_ids, min(3, len(pain_ids)))):
            rows.append(ActionLink(f"{aid}/{pid}", action=aid, pain=pid, position=k))
    targets = pain_ids + [f"a{a}" for a in range(n_actions)]
    rows += [Vote(f"v{v}", participant=f"u{v % 12}", target=rnd.choice(targets), position=v)
             for v in range(pains // 4)]
    return Store(rows)


def median_time(fn: Callable[[], object], repeat: int, fresh: Callable[[], None] | None = None
                ) -> float:
    times = []
    for _ in range(repeat):
        if fresh is not None:
            fresh()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    ok = True

    # Raw interpreter speed of this machine, to compare runs made on different machines.
    calib = median_time(lambda: sum(range(1_000_000)) and [i for i in range(300_000)], 5)
    print(f"calibration (sum of 1M ints + 300k list)   median {calib * 1000:7.1f} ms")

    big = synthetic_store(touchpoints=5_000, pains=10_000)

    def drop_caches() -> None:  # what an edit does: Store.apply clears the indexes
        big.apply([])

    warm = median_time(lambda: scoring.rank(big), args.repeat)
    cold = median_time(lambda: scoring.rank(big), args.repeat, fresh=drop_caches)
    journey = median_time(lambda: scoring.rank(big, "j0"), args.repeat, fresh=drop_caches)
    print(f"rank(): 10,000 pain points, caches warm    median {warm * 1000:7.1f} ms")
    print(f"rank(): 10,000 pain points, after an edit  median {cold * 1000:7.1f} ms "
          f"(budget {RANK_BUDGET_S * 1000:.0f} ms)")
    print(f"rank(journey): 5,000 of them, after an edit median {journey * 1000:7.1f} ms")
    ok &= cold <= RANK_BUDGET_S

    mid = synthetic_store(touchpoints=2_000, pains=4_000, journeys=1)
    for label, fn in (
        ("analyse_handoffs(): 2,000 touchpoints", lambda: graph.analyse_handoffs(mid, "j0")),
        ("coordination_burden(): 2,000 tp", lambda: graph.coordination_burden(mid, "j0")),
        ("bottlenecks(): 2,000 tp", lambda: graph.bottlenecks(mid, "j0")),
        ("unreachable(): 2,000 tp", lambda: graph.unreachable(mid, "j0")),
        ("cycles(): 2,000 tp (max 20)", lambda: graph.cycles(mid, "j0")),
        ("experience_profile(): 4,000 pains", lambda: summaries.experience_profile(mid, "j0")),
        ("emotion/channel/nps summaries: 2,000 tp", lambda: (
            summaries.emotion_curves(mid, "j0"), summaries.channel_mix(mid, "j0"),
            summaries.scenario_nps(mid, "j0"))),
    ):
        t = median_time(fn, max(3, args.repeat // 2))
        print(f"{label:<42} median {t * 1000:7.1f} ms")
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
