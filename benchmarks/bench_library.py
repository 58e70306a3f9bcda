"""Benchmark of the team library (budget: open a 2,000-touchpoint library project
≤ 2 s on loopback; one edit round trip ≤ 50 ms).

A plain script: ``python benchmarks/bench_library.py [--url URL] [--seconds S]``.
Without ``--url`` it starts a throwaway PostgreSQL 15 cluster (benchmarks/pg_cluster.py;
as root it runs the server as the ``postgres`` user) and stops it at the end. Measures:
opening the synthetic 2,000-touchpoint project from the library, one edit's round trip,
the time until another client has the edit in its store (LISTEN/NOTIFY + refresh), and
the multi-client run of tests/library/test_concurrency.py with 2 and 10 clients for
``--seconds`` each (60 by default). Exits non-zero when a budget is exceeded or the
multi-client check finds an edit lost or overwritten.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_workload import check_against_server, run_clients  # noqa: E402
from benchmarks.pg_cluster import Cluster, throwaway_cluster  # noqa: E402
from benchmarks.synthetic import make_project  # noqa: E402
from journeymap.model.edits import set_fields  # noqa: E402
from journeymap.model.library.document import LibraryDocument  # noqa: E402
from journeymap.model.library.projects import Library  # noqa: E402

OPEN_BUDGET_S = 2.0
EDIT_BUDGET_S = 0.050


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


@contextlib.contextmanager
def _library(url: str | None) -> Iterator[tuple[str, list[str], Cluster | None]]:
    if url:
        yield url, [url], None
        return
    with throwaway_cluster() as cluster:
        db = cluster.fresh_db("bench_library")
        url = cluster.url(db=db)
        Library.init(url)
        cluster.psql("GRANT journeymap_editor TO alice, bob")
        yield url, [cluster.url(u, db) for u in ("alice", "bob")], cluster


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", help="an initialised library (default: a throwaway server)")
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    failed = False
    with _library(args.url) as (url, users, _cluster):
        store = make_project()
        with Library(url) as lib:
            t = time.perf_counter()
            project = lib.publish(store)
            print(f"publish 2,000 touchpoints / {len(store.tables['pain_point'])} pain points: "
                  f"{time.perf_counter() - t:.2f} s")
        opens = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            doc = LibraryDocument.open(users[0], project)
            opens.append(time.perf_counter() - t)
            doc.close()
        o = statistics.median(opens)
        print(f"open the 2,000-touchpoint library project: median {o:.2f} s "
              f"(budget {OPEN_BUDGET_S:.0f} s)")
        failed |= o > OPEN_BUDGET_S

        seen = threading.Event()
        a = LibraryDocument.open(users[0], project)
        b = LibraryDocument.open(users[-1], project, on_remote=seen.set)
        tps = sorted(a.store.tables["touchpoint"])[:50]
        trips, refresh = [], []
        for i in range(200):
            tp = tps[i % len(tps)]
            seen.clear()
            t = time.perf_counter()
            a.apply(set_fields(a.store, "touchpoint", tp, title=f"edit {i}"))
            trips.append(time.perf_counter() - t)
            if not seen.wait(5):
                print("the other client was not told of an edit within 5 s")
                failed = True
                break
            b.refresh()
            refresh.append(time.perf_counter() - t)
            assert b.store.touchpoint(tp).title == f"edit {i}"
        a.close()
        b.close()
        print(f"one edit round trip (2,000-touchpoint project): {_ms(trips)} "
              f"(budget {EDIT_BUDGET_S * 1000:.0f} ms)")
        failed |= statistics.median(trips) > EDIT_BUDGET_S
        print(f"edit shown at the other client (NOTIFY + refresh): {_ms(refresh)}")

        for clients in (2, 10):
            with Library(url) as lib:
                small = lib.publish(make_project(touchpoints=200, roles=5, stages=10))
            urls = [users[i % len(users)] for i in range(clients)]
            r = run_clients(urls, small, args.seconds)
            problems = check_against_server(r, url, small)
            med, p95 = r.round_trip_ms()
            print(f"{clients} clients, {args.seconds:.0f} s: {r.edits} edits accepted "
                  f"({r.edits / r.seconds:.0f}/s), {r.conflicts} conflicts refused, "
                  f"{len(problems)} lost or overwritten; round trip median {med:.1f} ms, "
                  f"p95 {p95:.1f} ms")
            for p in problems[:5]:
                print("  ", p)
            failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
