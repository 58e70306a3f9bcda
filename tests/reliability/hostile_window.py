"""Child process of the hostile-file suite: each file through the window's open → edit →
save, offscreen.

    python hostile_window.py SPEC.json

SPEC is a list of ``{name, kind, path, twin, out}``. For each file this prints a JSON line
``{"event": "start", ...}`` before and ``{"event": "result", "problems": [[what, detail]]}``
after; a file that kills the process has a start and no result (the parent counts it).
Two entry points only, the stable ones: ``Document`` (open, apply, save, the working
copy) and ``MainWindow.open_path`` with its error message captured.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hostile  # noqa: E402

from journeymap.model import edits  # noqa: E402
from journeymap.model.document import Document, DocumentError, load_store  # noqa: E402
from journeymap.model.store import Store  # noqa: E402

ESCAPED: list[str] = []


def _hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
    ESCAPED.append("".join(traceback.format_exception(kind, value, tb))[-500:])


def edits_for(store: Store) -> list[edits.Edit]:
    """Four edits a user makes in the first minute, computed one after another."""
    out = []
    s = store.copy()

    def step(e: edits.Edit) -> None:
        out.append(e)
        s.apply(e.changes)

    step(edits.set_fields(s, "project", "project", title="Edited after opening"))
    j = s.journeys()[0].id
    lane = s.lanes(j)[0]
    stage = s.stages(j)[0]
    step(edits.add_touchpoint(s, j, lane.role, stage.id, "A card typed by the user",
                              pain_points=[{"title": "A pain typed by the user"}]))
    tps = s.touchpoints(j)
    step(edits.set_fields(s, "touchpoint", tps[0].id, title="Renamed card"))
    pains = [p for t in tps for p in s.pain_points(t.id)]
    step(edits.delete(s, "pain_point", [pains[-1].id]))
    return out


def check_document(spec: dict, problems: list[list[str]]) -> None:
    path, out = Path(spec["path"]), Path(spec["out"])
    try:
        doc = Document.open(path)
    except DocumentError as e:
        msg = str(e)
        if not msg.strip() or "\n" in msg.strip() or len(msg) > 2000:
            problems.append(["wrong", f"open refused without one clear line: {msg[:200]!r}"])
        return
    except Exception as e:  # noqa: BLE001 (anything else escaping open is the finding)
        problems.append(["crashes", f"open raised {type(e).__name__}: {str(e)[:200]}"])
        return
    try:
        wc = doc.folder / "project.jmap"
        kept = hostile.foreign_objects(wc)
        if kept:
            problems.append(["foreign_kept", f"working copy holds {', '.join(kept[:5])}"])
        if spec["kind"] == "row":
            problems.append(["wrong", "opened a file with an invalid row"])
            return
        twin = load_store(spec["twin"])
        if doc.store != twin:
            problems.append(["wrong", "opened with other data than the clean twin"])
            if hostile.MARK in repr(doc.store.snapshot()):
                problems.append(["executed", "the file's objects put their mark in the data"])
            return
        expected = twin.copy()
        for e in edits_for(doc.store):
            try:
                doc.apply(e)
            except Exception as x:  # noqa: BLE001
                what = "executed" if hostile.MARK in str(x) else "crashes"
                problems.append([what, f"edit {e.label!r} raised {type(x).__name__}: "
                                       f"{str(x)[:200]}"])
                return
            expected.apply(e.changes)
        if hostile.marker_rows(wc):
            problems.append(["executed", f"triggers wrote {hostile.marker_rows(wc)} marker "
                                         "rows into the working copy"])
        try:
            on_disk = doc.working_store_from_disk()
        except Exception as x:  # noqa: BLE001
            problems.append(["crashes", f"re-reading the working copy: {x!s:.200}"])
            return
        if on_disk != expected:
            problems.append(["executed", "the working copy differs from the edits made"])
        try:
            doc.save(out)
        except Exception as x:  # noqa: BLE001
            problems.append(["crashes", f"save raised {type(x).__name__}: {str(x)[:200]}"])
            return
        saved = hostile.foreign_objects(out)
        if saved:
            problems.append(["foreign_saved", f"saved file holds {', '.join(saved[:5])}"])
        if hostile.contains_mark(out):
            problems.append(["foreign_saved", "saved file holds the file's planted data"])
        if hostile.marker_rows(out):
            problems.append(["executed", "saved file holds marker rows"])
        try:
            if load_store(out) != expected:
                problems.append(["wrong", "saved project differs from what the user made"])
        except Exception as x:  # noqa: BLE001
            problems.append(["wrong", f"saved file does not load: {x!s:.200}"])
    finally:
        doc.close()


def check_window(window: object, spec: dict, problems: list[list[str]]) -> None:
    shown: list[str] = []
    window.show_error = shown.append  # type: ignore[attr-defined]
    try:
        ok = window.open_path(spec["path"])  # type: ignore[attr-defined]
    except Exception as e:  # noqa: BLE001
        problems.append(["crashes", f"window open raised {type(e).__name__}: {str(e)[:200]}"])
        return
    if ok:
        if spec["kind"] == "row":
            problems.append(["wrong", "the window opened a file with an invalid row"])
        window.discard_document()  # type: ignore[attr-defined]
    elif len(shown) != 1:
        problems.append(["wrong", f"the window refused with {len(shown)} messages"])


def main() -> int:
    specs = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    from PySide6.QtWidgets import QApplication, QMessageBox

    import journeymap.ui.pyside_none_fix  # noqa: F401
    from journeymap.ui.app import make_app
    from journeymap.ui.main_window import MainWindow

    sys.excepthook = _hook
    for name in ("critical", "warning", "information", "question"):
        setattr(QMessageBox, name, staticmethod(
            lambda *a, **k: QMessageBox.StandardButton.Discard))
    make_app()
    window = MainWindow()
    for spec in specs:
        print(json.dumps({"event": "start", "name": spec["name"]}), flush=True)
        problems: list[list[str]] = []
        check_document(spec, problems)
        check_window(window, spec, problems)
        QApplication.processEvents()
        for tb in ESCAPED:
            problems.append(["crashes", f"exception escaped to the event loop: {tb}"])
        ESCAPED.clear()
        print(json.dumps({"event": "result", "name": spec["name"], "problems": problems}),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
