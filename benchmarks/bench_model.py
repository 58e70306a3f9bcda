"""Model benchmarks on the 2,000-touchpoint / 4,000-pain-point synthetic project.

Run: ``.venv/bin/python benchmarks/bench_model.py``. Prints medians (budgets: docs/performance.md)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from benchmarks.synthetic import make_project_json  # noqa: E402
from journeymap.model import edits  # noqa: E402
from journeymap.model.document import Document, load_store, write_store_file  # noqa: E402
from journeymap.model.jsonio import loads_project  # noqa: E402


def median_ms(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["JOURNEYMAP_DATA_DIR"] = str(tmp / "data")
    text = json.dumps(make_project_json(), ensure_ascii=False)
    jpath, fpath = tmp / "big.json", tmp / "big.jmap"
    jpath.write_text(text, "utf-8")
    results: list[tuple[str, float, str]] = []
    results.append(("parse JSON (2,000 tp / 4,000 pains)", median_ms(lambda: loads_project(text)),
                    ""))
    store = loads_project(text)
    results.append(("write .jmap (import)", median_ms(lambda: write_store_file(store, fpath)), ""))
    cli = [sys.executable, "-m", "journeymap.cli"]
    results.append(("`journeymap import` (process)", median_ms(lambda: subprocess.run(
        [*cli, "import", str(jpath), "-o", str(fpath), "--force"], check=True,
        capture_output=True), 5), ""))
    results.append(("`journeymap info` (process)", median_ms(lambda: subprocess.run(
        [*cli, "info", str(fpath)], check=True, capture_output=True), 5), ""))
    results.append(("load_store (read file)", median_ms(lambda: load_store(fpath)), ""))
    opened: list[Document] = []
    results.append(("open for editing (working copy)",
                    median_ms(lambda: opened.append(Document.open(fpath)), 5), "≤ 1000 ms"))
    for d in opened[1:]:
        d.close()
    doc = opened[0]
    j = doc.store.journeys()[0].id
    tp_ids = [t.id for t in doc.store.touchpoints(j)]
    counter = iter(range(10_000))

    def one_edit() -> None:
        tid = tp_ids[next(counter) % len(tp_ids)]
        doc.apply(edits.set_fields(doc.store, "touchpoint", tid, title=f"編集 {next(counter)}"))

    results.append(("one edit committed (set title)", median_ms(one_edit, 21), "≤ 50 ms"))

    def move() -> None:
        tid = tp_ids[next(counter) % len(tp_ids)]
        lanes = doc.store.lanes(j)
        stages = doc.store.stages(j)
        doc.apply(edits.move_touchpoints(doc.store, [tid], lanes[1].role, stages[2].id, 0))

    results.append(("one edit committed (move card)", median_ms(move, 21), "≤ 50 ms"))
    results.append(("save (atomic)", median_ms(lambda: doc.save(tmp / "saved.jmap"), 5), ""))
    doc.close()
    width = max(len(r[0]) for r in results)
    print(f"{'what':<{width}}  median ms  budget")
    for name, ms, budget in results:
        print(f"{name:<{width}}  {ms:9.1f}  {budget}")


if __name__ == "__main__":
    main()
