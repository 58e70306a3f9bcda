"""Room load on loopback: 50 participants × 5 dots, bounded and self-stopping.

Each participant (an aiohttp client in a thread of its own loop) joins, keeps the event
stream open as a phone does, and places five dots as fast as the answers come. Measured:
the time from sending a vote until the facilitator's panel has shown it (the event
queued to the Qt GUI thread, written to the side file, the panel refreshed); median and
95th percentile (budget ≤ 200 ms); the process's memory with the room open and loaded;
the end of the round (250 Vote rows in one undo step). Prints the figures; stops after
the round or after 120 s, whichever comes first.

Run: ``.venv/bin/python benchmarks/bench_room.py`` (offscreen; needs the room extra)."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PARTICIPANTS = 50
DOTS = 5
DEADLINE = 120.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def project():  # -> Store: the test project with a few more pain points to vote on
    from journeymap.model import edits
    from journeymap.model.jsonio import read_json_file

    store = read_json_file(Path(__file__).parent.parent / "tests" / "data" / "small.json")
    for i in range(12):
        store.apply(list(edits.add_pain_point(store, "t1" if i % 2 else "t2",
                                              f"Pain {i + 1}", severity=1 + i % 5).changes))
    return store


def main() -> int:
    import tempfile

    os.environ.setdefault("JOURNEYMAP_DATA_DIR", tempfile.mkdtemp(prefix="jm-bench-room-"))
    import aiohttp
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QMessageBox

    from journeymap.model.document import Document
    from journeymap.ui.app import make_app
    from journeymap.ui.main_window import MainWindow
    from journeymap.ui.room_panel import KEY_LOOPBACK, KEY_PORT, install_room

    app = make_app()
    QSettings().setValue(KEY_LOOPBACK, True)
    QSettings().setValue(KEY_PORT, 0)
    w = MainWindow()
    w.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    w.set_document(Document.new(project()))
    room = install_room(w)
    w.room_panel.show()
    before = rss_mb()
    assert room.open_room(), "the room did not open"
    url = room.url
    targets = [t["id"] for t in room.state.view["targets"]]

    sent: dict[str, list[float]] = defaultdict(list)     # participant -> send times
    shown: dict[str, list[float]] = defaultdict(list)    # participant -> panel shown times
    pending: list[tuple[str, str]] = []

    def on_event(e) -> None:  # type: ignore[no-untyped-def]
        if e.kind == "vote":
            pending.append((e.participant, e.data["target"]))

    def on_changed() -> None:
        # connected after the panel: runs once the panel has refreshed (the controller
        # refreshes once for a burst of queued events)
        now = time.monotonic()
        for p, _t in pending:
            shown[p].append(now)
        pending.clear()

    room.bridge.event.connect(on_event)
    room.changed.connect(on_changed)
    joined = threading.Event()
    go = threading.Event()
    finished = threading.Event()
    errors: list[str] = []

    async def participant(session: aiohttp.ClientSession, i: int) -> None:
        name = f"Participant {i + 1}"
        async with session.post(url + "api/join", json={"name": name}) as r:
            key = (await r.json())["key"]
        stream = await session.get(url + f"api/events?k={key}")

        async def drain() -> None:
            async for _ in stream.content.iter_any():
                pass

        reader = asyncio.create_task(drain())
        return name, key, stream, reader  # type: ignore[return-value]

    async def vote(session: aiohttp.ClientSession, name: str, key: str, i: int) -> None:
        for k in range(DOTS):
            target = targets[(i * 3 + k) % len(targets)]
            sent[name].append(time.monotonic())
            async with session.post(url + "api/vote", json={"target": target},
                                    headers={"X-Room-Key": key}) as r:
                if r.status != 200:
                    errors.append(f"{name}: {r.status} {await r.text()}")

    async def load() -> None:
        async with aiohttp.ClientSession() as session:
            people = await asyncio.gather(*(participant(session, i)
                                            for i in range(PARTICIPANTS)))
            joined.set()
            while not go.is_set():
                await asyncio.sleep(0.01)
            await asyncio.gather(*(vote(session, n, k, i)
                                   for i, (n, k, _s, _r) in enumerate(people)))
            finished.set()
            await asyncio.sleep(0.5)
            for _n, _k, stream, reader in people:
                reader.cancel()
                stream.close()

    client = threading.Thread(target=lambda: asyncio.run(load()), daemon=True)
    client.start()
    deadline = time.monotonic() + DEADLINE

    def pump(until) -> bool:  # type: ignore[no-untyped-def]
        while not until() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        return until()

    if not pump(joined.is_set):
        print("participants did not join in time")
        return 1
    pump(lambda: w.room_panel.people.count() == PARTICIPANTS)
    w.room_panel.dots.setValue(DOTS)
    w.room_panel.start_button.click()                        # facilitator action 1
    go.set()
    total = PARTICIPANTS * DOTS
    ok = pump(lambda: sum(len(v) for v in shown.values()) >= total)
    loaded = rss_mb()
    latencies = [(s2 - s1) * 1000 for p in sent for s1, s2 in zip(sent[p], shown[p],
                                                                    strict=False)]
    t0 = time.perf_counter()
    votes_before = len(w.store.votes())
    w.room_panel.end_button.click()                          # facilitator action 2
    end_ms = (time.perf_counter() - t0) * 1000
    recorded = len(w.store.votes()) - votes_before
    QTimer.singleShot(0, lambda: None)
    room.close_room()
    client.join(5)
    lat = sorted(latencies)
    p95 = lat[max(0, int(round(0.95 * len(lat))) - 1)] if lat else float("nan")
    print(f"participants: {PARTICIPANTS}, dots each: {DOTS}, votes shown: {len(lat)}/{total}"
          f"{'' if ok else ' (deadline reached)'}, refused: {len(errors)}")
    print(f"vote sent -> shown on the facilitator's panel: median "
          f"{statistics.median(lat):.1f} ms, p95 {p95:.1f} ms, max {lat[-1]:.1f} ms "
          f"(budget 200 ms)")
    print(f"memory: {before:.0f} MB before opening, {loaded:.0f} MB with the room open and "
          f"{PARTICIPANTS} streams after the load (+{loaded - before:.1f} MB)")
    print(f"end of round: {recorded} Vote rows in one undo step in {end_ms:.0f} ms; "
          f"facilitator actions for the whole round: 2 (start, end)")
    for e in errors[:5]:
        print("refused:", e)
    return 0 if ok and not errors and recorded == total else 1


if __name__ == "__main__":
    sys.exit(main())
