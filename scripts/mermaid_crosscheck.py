"""Compare the Mermaid export with the real mermaid parser (needs Node.js and npm).

    mkdir /tmp/mmd && (cd /tmp/mmd && npm install mermaid@11 jsdom)
    PYTHONPATH=. python scripts/mermaid_crosscheck.py /tmp/mmd [COUNT]

Builds COUNT (default 2000) projects whose journey, stage, role and touchpoint names are
made of the pieces that matter to mermaid's journey grammar (keywords, ``%``, ``:``,
``;``, ``#``, commas, line breaks, control characters, …), exports each with
:func:`journeymap.export.mermaid.project_mermaid`, and has mermaid 11 parse it (its full
``mermaid.parse`` pipeline, and its journey parser for what was read). Reports how many
texts mermaid refused, how many it read differently from the project (a task lost, an
actor split), and how many the test suite's checker
(``tests/export/mermaid_journey_grammar.py``) reads differently from mermaid. All three
should be 0. Nothing is downloaded at run time; no browser is needed.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "export"))

from mermaid_journey_grammar import MermaidSyntaxError, parse  # noqa: E402

from journeymap.export.mermaid import project_mermaid  # noqa: E402
from journeymap.model.jsonio import parse_project  # noqa: E402
from journeymap.model.rows import Touchpoint  # noqa: E402
from journeymap.model.store import Store  # noqa: E402

NODE_CHECK = r"""
import { JSDOM } from 'jsdom';
import fs from 'fs';
import path from 'path';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
const dir = 'node_modules/mermaid/dist/chunks/mermaid.core';
const file = fs.readdirSync(dir).find(f => /^journeyDiagram-.*\.mjs$/.test(f));
const { diagram } = await import(path.resolve(dir, file));
const texts = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = [];
for (const text of texts) {
  const r = {};
  try { await mermaid.parse(text); r.ok = true; }
  catch (e) { r.ok = false; r.error = String(e.message || e).slice(0, 300); }
  try {
    const db = diagram.db; db.clear(); diagram.parser.parser.yy = db;
    diagram.parser.parse(text);
    r.title = db.getDiagramTitle(); r.sections = [...db.getSections()];  // a copy: db reuses it
    r.tasks = db.getTasks().map(t => [t.task, t.score, t.people]);
  } catch (e) { r.parseError = String(e.message || e).slice(0, 300); }
  out.push(r);
}
process.stdout.write(JSON.stringify(out));
"""

PIECES = (list("aZ %:;#,{}\n\r\t\v\x00\x1b-&é") + [
    "section ", "title ", "journey", "Journey ", "accTitle", "accTitle:", "accDescr",
    "accDescr{", "%%", "%%{", "}%%", "#59;", "\u2028", "\u3000", "\ufeff", "\u200b", "調達",
    "---", "style", "classDef"])
BASE = {
    "format": "journeymap", "version": 1, "project": {"title": "P"},
    "roles": [{"id": "r1", "name": "A"}, {"id": "r2", "name": "B"}],
    "journeys": [{
        "id": "j", "name": "J", "stages": [{"id": "s1", "name": "S1"},
                                           {"id": "s2", "name": "S2"}],
        "lanes": ["r1", "r2"],
        "touchpoints": [{"id": f"t{i}", "role": f"r{1 + i % 2}", "stage": f"s{1 + i // 2}",
                         "title": "t", "emotion": i - 2} for i in range(4)]}],
}
KEYS = ["journey:j", "stage:s1", "stage:s2", "role:r1", "role:r2",
        *[f"touchpoint:t{i}" for i in range(4)]]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))


def random_store(rng: random.Random) -> Store:
    texts = {k: random_text(rng) for k in KEYS if rng.random() < 0.6}
    rows = []
    for row in parse_project(BASE).all_rows():
        key = f"{row.table}:{row.id}"
        if key in texts:
            row = replace(row, **{"title" if isinstance(row, Touchpoint) else "name":
                                  texts[key]})
        rows.append(row)
    return Store(rows)


def expected(store: Store) -> tuple[int, list[tuple[str, int]]]:
    """The number of sections, and (role, score) of each task, the project should give."""
    stages = store.stages("j")
    tps = [tp for st in stages for role in store.lane_roles("j")
           for tp in store.touchpoints_in_cell("j", role.id, st.id)]
    return len(stages), [(tp.role, 3 if tp.emotion is None else tp.emotion + 3)
                         for tp in tps]


def main() -> int:
    node_dir = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rng = random.Random(20261130)
    stores = [random_store(rng) for _ in range(count)]
    texts = [project_mermaid(s) for s in stores]
    (node_dir / "crosscheck.mjs").write_text(NODE_CHECK, "utf-8")
    run = subprocess.run(["node", "crosscheck.mjs"], cwd=node_dir, input=json.dumps(texts),
                         capture_output=True, text=True, timeout=600, check=True)
    results = json.loads(run.stdout)
    refused = misread = disagree = 0
    for store, text, r in zip(stores, texts, results, strict=True):
        if not r["ok"] or "parseError" in r:
            refused += 1
            print("REFUSED", repr(text), r.get("error") or r.get("parseError"))
            continue
        n_sections, want = expected(store)
        tasks = r["tasks"]
        actors: dict[str, set[str]] = {}
        for (role, _), task in zip(want, tasks, strict=False):
            actors.setdefault(role, set()).add("|".join(task[2]))
        if (len(r["sections"]) != n_sections or len(tasks) != len(want)
                or [t[1] for t in tasks] != [score for _, score in want]
                or any(len(t[2]) != 1 for t in tasks)
                or any(len(names) != 1 for names in actors.values())):
            misread += 1
            print("MISREAD", repr(text), r)
        try:
            mine = parse(text)
            same = (mine.title == r["title"] and mine.sections == r["sections"]
                    and [[t.name, t.score, t.people] for t in mine.tasks] == tasks)
        except MermaidSyntaxError as e:
            same = False
            print("CHECKER REFUSED", repr(text), e)
        if not same:
            disagree += 1
            print("CHECKER DIFFERS", repr(text))
    print(f"{count} diagrams: refused by mermaid {refused}, read differently from the "
          f"project {misread}, checker differs from mermaid {disagree}")
    return 0 if refused == misread == disagree == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
