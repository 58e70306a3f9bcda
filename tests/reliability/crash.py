"""Crash safety: SIGKILL at random moments of an import, a Save As and a burst of edits.

Each cycle starts a child, kills it with SIGKILL after a random delay, then checks what a
user would find:

* the target file is readable and is the old or the new complete project, never a mix;
* every edit the child reported as committed (it writes the edit's number to its pipe
  right after ``Document.apply`` returns) is in the recovered working copy;
* after the next start (the app's start-up clean-up, then the same operation once more)
  nothing is left over: no temporary files or journals beside the target, no working
  copies of dead sessions.

Used by ``tests/reliability/test_reliability_crash.py`` (a few cycles) and
``scripts/reliability/crash.py`` (≥ 500 cycles).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("import", "save_as", "edits")


@dataclass
class CrashFigures:
    cycles: int = 0
    killed_mid_way: int = 0     # cycles where the child had not finished when killed
    unreadable: int = 0         # target not a complete old or new project
    lost_edits: int = 0         # committed edits missing after recovery
    recovered: int = 0          # working copies recovered with unsaved edits
    not_recovered: int = 0      # a dead session with committed edits that was not offered
    litter: int = 0             # files left after the next start
    details: list[str] = field(default_factory=list)

    COUNTED = ("unreadable", "lost_edits", "not_recovered", "litter")

    def note(self, what: str, detail: str) -> None:
        setattr(self, what, getattr(self, what) + 1)
        self.details.append(f"{what}: {detail}")

    def failures(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.COUNTED if getattr(self, k)}


def _env(data: Path) -> dict[str, str]:
    return {**os.environ, "JOURNEYMAP_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


SAVE_CHILD = r"""
import sys
from pathlib import Path
from journeymap.model import edits
from journeymap.model.document import Document
src, target = sys.argv[1], sys.argv[2]
doc = Document.open(src)
print("ready", flush=True)
for n in range(1, 10_000):
    doc.apply(edits.set_fields(doc.store, "project", "project", title=f"state {n}"))
    doc.save(target)
    print(f"saved {n}", flush=True)
"""

EDIT_CHILD = r"""
import sys
from journeymap.model import edits
from journeymap.model.document import Document
doc = Document.open(sys.argv[1])
j = doc.store.journeys()[0].id
lane, stage = doc.store.lanes(j)[0], doc.store.stages(j)[0]
print("ready", flush=True)
for n in range(1, 100_000):
    doc.apply(edits.add_touchpoint(doc.store, j, lane.role, stage.id, f"edit {n}"))
    print(f"committed {n}", flush=True)
"""


class Bench:
    """One folder with the files the cycles use (made once, copied per cycle)."""

    def __init__(self, work: Path, touchpoints: int = 600) -> None:
        sys.path.insert(0, str(ROOT))
        from benchmarks.synthetic import make_project_json
        from journeymap.model.document import write_store_file
        from journeymap.model.jsonio import dumps_project, parse_project

        self.work = work
        work.mkdir(parents=True, exist_ok=True)
        data = make_project_json(roles=6, stages=10, touchpoints=touchpoints, seed=11)
        self.new_store = parse_project(data)
        self.json = work / "project.json"
        self.json.write_text(dumps_project(self.new_store), "utf-8")
        old = make_project_json(roles=3, stages=4, touchpoints=20, seed=12)
        old["project"]["title"] = "the old file"
        self.old_store = parse_project(old)
        self.old_file = work / "old.jmap"
        write_store_file(self.old_store, self.old_file)
        self.src = work / "source.jmap"
        write_store_file(self.new_store, self.src)
        self.durations: dict[str, float] = {}


def _litter(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def _stale_sessions(data: Path) -> list[str]:
    """Session folders the next start neither removed nor offers for recovery."""
    from journeymap.model.document import recoverable_sessions

    root = data / "sessions"
    if not root.is_dir():
        return []
    old = os.environ.get("JOURNEYMAP_DATA_DIR")
    os.environ["JOURNEYMAP_DATA_DIR"] = str(data)
    try:
        offered = {s.folder.name for s in recoverable_sessions()}
    finally:
        if old is None:
            del os.environ["JOURNEYMAP_DATA_DIR"]
        else:
            os.environ["JOURNEYMAP_DATA_DIR"] = old
    return sorted(p.name for p in root.iterdir() if p.name not in offered)


def _start_up(data: Path) -> None:
    """What the app does at start: remove clean working copies of dead sessions."""
    from journeymap.model.document import prune_sessions

    old = os.environ.get("JOURNEYMAP_DATA_DIR")
    os.environ["JOURNEYMAP_DATA_DIR"] = str(data)
    try:
        prune_sessions()
    finally:
        if old is None:
            del os.environ["JOURNEYMAP_DATA_DIR"]
        else:
            os.environ["JOURNEYMAP_DATA_DIR"] = old


def _kill_after(proc: subprocess.Popen[str], delay: float, wait_for: str | None,
                lines: list[str]) -> bool:
    """Read the child's lines; SIGKILL it ``delay`` s after ``wait_for`` (or the start).
    Returns whether it was still running when killed."""
    import selectors

    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    begun = time.monotonic()
    start = begun if wait_for is None else None
    buf = ""
    fd = proc.stdout.fileno()
    os.set_blocking(fd, False)
    while True:
        now = time.monotonic()
        if start is not None and now - start >= delay:
            break
        timeout = 0.05 if start is None else max(0.0, delay - (now - start))
        if sel.select(min(timeout, 0.05)):
            chunk = os.read(fd, 65536).decode()
            if not chunk:  # finished before the kill
                break
            buf += chunk
            *done, buf = buf.split("\n")
            lines += done
            if start is None and wait_for in done:
                start = time.monotonic()
        if start is None and time.monotonic() - begun > 120:  # the child never got ready
            break
    running = proc.poll() is None
    if running:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    os.set_blocking(fd, True)
    rest = proc.stdout.read()
    lines += [x for x in (buf + rest).split("\n") if x]
    return running


def _check_target(fig: CrashFigures, target: Path, allowed: list[object], where: str,
                  title_of: Callable[[object], str] | None = None) -> None:
    from journeymap.model.document import DocumentError, load_store

    if not target.exists():
        if None not in allowed:
            fig.note("unreadable", f"{where}: the target file is gone")
        return
    try:
        store = load_store(target)
    except DocumentError as e:
        fig.note("unreadable", f"{where}: {e}")
        return
    if title_of is not None:
        ok = store.project.title in allowed
    else:
        ok = any(store == a for a in allowed if a is not None)
    if not ok:
        fig.note("unreadable", f"{where}: the file is neither the old nor the new project "
                               f"(title {store.project.title!r})")


def cycle(kind: str, bench: Bench, n: int, rng: random.Random, fig: CrashFigures) -> None:
    import shutil

    folder = bench.work / f"cycle-{n}"
    folder.mkdir()
    data = folder / "data"
    target_dir = folder / "out"
    target_dir.mkdir()
    target = target_dir / "project.jmap"
    env = _env(data)
    where = f"{kind} #{n}"
    expected_span = bench.durations.get(kind, 1.0)
    delay = rng.uniform(0.0, expected_span)
    lines: list[str] = []
    py = sys.executable
    if kind == "import":
        shutil.copyfile(bench.old_file, target)
        proc = subprocess.Popen([py, "-m", "journeymap.cli", "import", str(bench.json), "-o",
                                 str(target), "--force"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env=env)
        t0 = time.monotonic()
        running = _kill_after(proc, delay, None, lines)
        if not running:
            bench.durations[kind] = max(bench.durations.get(kind, 0.0), time.monotonic() - t0)
        _check_target(fig, target, [bench.old_store, bench.new_store], where)
        _start_up(data)
        nxt = subprocess.run([py, "-m", "journeymap.cli", "import", str(bench.json), "-o",
                              str(target), "--force"], capture_output=True, env=env, timeout=120)
        if nxt.returncode != 0:
            fig.note("unreadable", f"{where}: the next import failed: {nxt.stderr[-200:]!r}")
    elif kind == "save_as":
        shutil.copyfile(bench.old_file, target)
        proc = subprocess.Popen([py, "-c", SAVE_CHILD, str(bench.src), str(target)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                env=env)
        running = _kill_after(proc, delay, "ready", lines)
        saved = [int(x.split()[1]) for x in lines if x.startswith("saved ")]
        last = max(saved, default=0)
        # The old file, the last state reported saved or the one being saved.
        allowed = [f"state {last}", f"state {last + 1}"]
        if last == 0:
            allowed.append("the old file")
        _check_target(fig, target, allowed, where, title_of=str)
        _start_up(data)
    else:  # edits
        shutil.copyfile(bench.src, target)
        proc = subprocess.Popen([py, "-c", EDIT_CHILD, str(target)], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env=env)
        running = _kill_after(proc, delay, "ready", lines)
        committed = {f"edit {x.split()[1]}" for x in lines if x.startswith("committed ")}
        _check_target(fig, target, [bench.new_store], where)
        _start_up(data)
        _recover(fig, data, committed, where)
    fig.cycles += 1
    fig.killed_mid_way += running
    left = _litter(target_dir, {"project.jmap"})
    left += [f"sessions/{s}" for s in _stale_sessions(data)]
    if left:
        fig.note("litter", f"{where}: left {', '.join(left[:4])}")
    shutil.rmtree(folder, ignore_errors=True)


def _recover(fig: CrashFigures, data: Path, committed: set[str], where: str) -> None:
    from journeymap.model.document import Document, recoverable_sessions

    old = os.environ.get("JOURNEYMAP_DATA_DIR")
    os.environ["JOURNEYMAP_DATA_DIR"] = str(data)
    try:
        found = recoverable_sessions()
        if not committed:
            return
        if not found:
            fig.note("not_recovered", f"{where}: {len(committed)} committed edits, no "
                                      "working copy offered")
            fig.lost_edits += len(committed)
            return
        doc = Document.recover(found[0])
        titles = {t.title for t in doc.store.tables["touchpoint"].values()}
        missing = committed - titles
        if missing:
            fig.note("lost_edits", f"{where}: {len(missing)} of {len(committed)} committed "
                                   "edits missing")
            fig.lost_edits += len(missing) - 1
        else:
            fig.recovered += 1
        doc.close()  # the user saved or discarded the recovered copy
    finally:
        if old is None:
            del os.environ["JOURNEYMAP_DATA_DIR"]
        else:
            os.environ["JOURNEYMAP_DATA_DIR"] = old


def calibrate(bench: Bench) -> None:
    """How long each operation takes here, so kills land inside it."""
    env = _env(bench.work / "calibrate")
    t0 = time.monotonic()
    subprocess.run([sys.executable, "-m", "journeymap.cli", "import", str(bench.json), "-o",
                    str(bench.work / "calibrate.jmap"), "--force"], env=env, check=True,
                   capture_output=True, timeout=120)
    bench.durations["import"] = (time.monotonic() - t0) * 1.1
    bench.durations["save_as"] = 1.5   # several saves after "ready"
    bench.durations["edits"] = 1.5     # a burst of edits after "ready"


def run(cycles: int, work: Path, seed: int = 1, kinds: tuple[str, ...] = KINDS,
        progress: Callable[[str], None] | None = None) -> CrashFigures:
    bench = Bench(work)
    calibrate(bench)
    rng = random.Random(seed)
    fig = CrashFigures()
    for n in range(cycles):
        kind = kinds[n % len(kinds)]
        cycle(kind, bench, n, rng, fig)
        if progress and (n + 1) % 30 == 0:
            progress(f"{n + 1} cycles: {fig.failures() or 'ok'}")
    return fig
