"""Several clients editing one library project at once, for a bounded time.

Used by tests/library/test_concurrency.py (short runs) and benchmarks/bench_library.py
(longer runs, more clients). Each client is a :class:`LibraryDocument` on its own
thread: it retitles one of a few "hot" touchpoints (so clients collide on the same rows)
or adds a pain point, takes in the others' edits when they are announced, and records
every edit the server accepted, every conflict and every refusal while offline. The
result can be checked against the server: edits made = edits stored, no overwrite.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from journeymap.model.edits import add_pain_point, set_fields
from journeymap.model.library import LibraryConflict, LibraryOffline
from journeymap.model.library.document import LibraryDocument
from journeymap.model.library.projects import Library

HOT_TOUCHPOINTS = 3


@dataclass
class ClientLog:
    name: str
    titles: list[tuple[str, str, int]] = field(default_factory=list)  # tp, title, version
    pains: list[str] = field(default_factory=list)
    conflicts: int = 0
    offline: int = 0
    round_trips: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    logs: list[ClientLog]
    seconds: float

    @property
    def edits(self) -> int:
        return sum(len(c.titles) + len(c.pains) for c in self.logs)

    @property
    def conflicts(self) -> int:
        return sum(c.conflicts for c in self.logs)

    @property
    def offline(self) -> int:
        return sum(c.offline for c in self.logs)

    def round_trip_ms(self) -> tuple[float, float]:
        times = sorted(t for c in self.logs for t in c.round_trips)
        if not times:
            return 0.0, 0.0
        return statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000


def _client(url: str, project: str, log: ClientLog, hot: list[str], deadline: float,
            seed: int) -> None:
    rnd = random.Random(seed)
    doc = LibraryDocument.open(url, project)
    try:
        n = 0
        while time.monotonic() < deadline:
            n += 1
            try:
                if doc.has_pending():
                    doc.refresh()
                tp = rnd.choice(hot)
                start = time.perf_counter()
                if rnd.random() < 0.7:
                    title = f"{log.name}#{n}"
                    doc.apply(set_fields(doc.store, "touchpoint", tp, title=title))
                    log.titles.append((tp, title, doc._versions[("touchpoint", tp)]))
                else:
                    title = f"{log.name}#{n}"
                    doc.apply(add_pain_point(doc.store, tp, title))
                    log.pains.append(title)
                log.round_trips.append(time.perf_counter() - start)
            except LibraryConflict:
                log.conflicts += 1
            except LibraryOffline:
                log.offline += 1
                time.sleep(0.1)
            time.sleep(rnd.uniform(0, 0.01))
    except Exception as e:  # reported by the checks; a thread must not die silently
        log.errors.append(f"{type(e).__name__}: {e}")
    finally:
        doc.close()


def run_clients(urls: list[str], project: str, seconds: float,
                during: Callable[[], None] | None = None, during_at: float = 0.0
                ) -> RunResult:
    """Run one client per URL for ``seconds``; ``during`` runs once after ``during_at``
    seconds on the calling thread (e.g. restart the server)."""
    with Library(urls[0]) as lib:
        store = lib.load_store(project)
    hot = sorted(store.tables["touchpoint"])[:HOT_TOUCHPOINTS]
    start = time.monotonic()
    deadline = start + seconds
    logs = [ClientLog(f"c{i}") for i in range(len(urls))]
    threads = [threading.Thread(target=_client, args=(u, project, log, hot, deadline, i))
               for i, (u, log) in enumerate(zip(urls, logs, strict=True))]
    for t in threads:
        t.start()
    if during is not None:
        time.sleep(max(0.0, start + during_at - time.monotonic()))
        during()
    for t in threads:
        t.join(seconds + 60)
    return RunResult(logs, time.monotonic() - start)


def check_against_server(result: RunResult, url: str, project: str) -> list[str]:
    """What the server holds that disagrees with what the clients were told (empty:
    every accepted edit is stored, exactly once, and none overwrote another silently)."""
    from sqlalchemy import text

    from journeymap.model.library.tables import connection

    problems = [e for c in result.logs for e in c.errors]
    with Library(url) as lib, connection(lib.engine) as conn:
        rows = conn.execute(text(
            "SELECT id, title, row_version FROM journeymap.touchpoint WHERE project_id = :p"),
            {"p": project}).all()
        pains = set(conn.execute(text(
            "SELECT title FROM journeymap.pain_point WHERE project_id = :p "
            "AND title LIKE 'c%#%'"), {"p": project}).scalars())
    final = {r[0]: (r[1], r[2]) for r in rows}
    accepted: dict[str, list[tuple[int, str]]] = {}
    for c in result.logs:
        for tp, title, version in c.titles:
            accepted.setdefault(tp, []).append((version, title))
    for tp, edits in accepted.items():
        title, version = final[tp]
        versions = Counter(v for v, _ in edits)
        twice = [v for v, k in versions.items() if k > 1]
        if twice:
            problems.append(f"{tp}: versions {twice} were accepted twice (an overwrite)")
        if sorted(versions) != list(range(2, version + 1)):
            problems.append(f"{tp}: accepted versions {sorted(versions)[:5]}… but the row "
                            f"is at version {version}")
        if max(edits)[1] != title:
            problems.append(f"{tp}: the last accepted title {max(edits)[1]!r} is not the "
                            f"stored {title!r}")
    made = {t for c in result.logs for t in c.pains}
    if made != pains:
        problems.append(f"pain points: {len(made)} accepted, {len(pains)} stored "
                        f"({len(made - pains)} missing, {len(pains - made)} unexpected)")
    return problems
