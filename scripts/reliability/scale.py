"""Scale: the synthetic project at 1×, 4× and 16× of 2,000 touchpoints (stages grow with
it, so a cell holds the same number of cards): open, one edit, rank, PDF map, PNG map and
the peak memory of each, every measurement in a fresh process.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/reliability/scale.py \
        [--sizes 1 4 16] [--what open edit rank pdf png]

Prints a table and, per measurement, the cost ratio per 4× size step (≤ 4 is linear)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time
what, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
from journeymap.model.document import Document, load_store
from journeymap.model import edits
result = {}
if what == "open":
    t = time.perf_counter()
    doc = Document.open(path)
    result["seconds"] = time.perf_counter() - t
    doc.close()
elif what == "edit":
    doc = Document.open(path)
    j = doc.store.journeys()[0].id
    ids = [t.id for t in doc.store.touchpoints(j)][:21]
    times = []
    for i, tid in enumerate(ids):
        t = time.perf_counter()
        doc.apply(edits.set_fields(doc.store, "touchpoint", tid, title=f"edit {i}"))
        times.append(time.perf_counter() - t)
    result["seconds"] = sorted(times)[len(times) // 2]
    doc.close()
elif what == "rank":
    from journeymap.analysis.scoring import rank
    store = load_store(path)
    j = store.journeys()[0].id
    t = time.perf_counter()
    rank(store, j)
    result["seconds"] = time.perf_counter() - t
else:
    from journeymap.export.render import export_rendered
    store = load_store(path)
    t = time.perf_counter()
    export_rendered(store, out, what)
    result["seconds"] = time.perf_counter() - t
result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""
WHAT = ("open", "edit", "rank", "pdf", "png")


def make(path: Path, mult: int) -> None:
    from benchmarks.synthetic import make_project
    from journeymap.model.document import write_store_file

    write_store_file(make_project(touchpoints=2000 * mult, stages=20 * mult,
                                  actions=200 * mult, votes=300 * mult), path)


def measure(what: str, path: Path, work: Path, timeout: float) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JOURNEYMAP_DATA_DIR": str(work / "d")}
    out = work / f"out.{ 'png' if what == 'png' else 'pdf'}"
    try:
        r = subprocess.run([sys.executable, "-c", CHILD, what, str(path), str(out)],
                           capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": float("inf"), "rss_mb": float("nan")}
    if r.returncode != 0:
        return {"seconds": float("nan"), "rss_mb": float("nan"),
                "error": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "?"}
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="*", default=[1, 4, 16])
    p.add_argument("--what", nargs="*", default=list(WHAT))
    p.add_argument("--timeout", type=float, default=1200)
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    results: dict[str, dict[int, dict[str, float]]] = {w: {} for w in args.what}
    with tempfile.TemporaryDirectory(prefix="jm-scale-") as tmp:
        work = Path(tmp)
        for mult in args.sizes:
            path = work / f"x{mult}.jmap"
            make(path, mult)
            for what in args.what:
                results[what][mult] = r = measure(what, path, work, args.timeout)
                print(f"{2000 * mult:>6} touchpoints  {what:5} {r['seconds']:9.3f} s  "
                      f"{r['rss_mb']:7.0f} MB  {r.get('error', '')}", flush=True)
    print("\ngrowth per 4× step (time ratio, memory ratio; 4.0 = linear):")
    for what, by in results.items():
        sizes = sorted(by)
        steps = [f"{a}×→{b}×: {by[b]['seconds'] / by[a]['seconds']:.1f}, "
                 f"{by[b]['rss_mb'] / by[a]['rss_mb']:.1f}"
                 for a, b in zip(sizes, sizes[1:], strict=False)]
        print(f"  {what:5} " + "; ".join(steps))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
