"""The model as a state machine: random sequences of every edit operation of
journeymap.model.edits, refused edits, undo and redo (through Edit.inverse) and
save/reopen, on a Document with its working copy.

After every step: the document's store equals a reference model (a plain dict of rows
updated from the edits' changes), the working copy on disk equals the store, and the
project is consistent (what `journeymap validate` checks). Undoing everything gives the
initial project back; saving and reopening gives an equal project.

Steps: a few hundred here, ≥ 10,000 with JOURNEYMAP_RELIABILITY=full."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import hostile
from evidence import FULL, profile
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from journeymap.model import edits
from journeymap.model.consistency import problems
from journeymap.model.document import Document, write_store_file
from journeymap.model.edits import Edit, EditError
from journeymap.model.jsonio import parse_project
from journeymap.model.rows import Row
from journeymap.model.validation import ValidationError

START = parse_project(hostile.clean_json())
STEPS = {"count": 0, "committed": 0, "refused": 0}  # the full run prints these

titles = st.one_of(st.sampled_from(["Quote", "見積もり", "", " ", "x" * 10_001]),
                   st.text(max_size=12))
FIELD_VALUES: dict[str, dict[str, st.SearchStrategy]] = {
    "project": {"title": titles, "vote_weight": st.floats(-1, 12, allow_nan=False),
                "language": st.sampled_from(["en", "ja", "fr"])},
    "dimension": {"name": titles, "weight": st.one_of(st.none(), st.floats(-1, 11)),
                  "kind": st.sampled_from(["rational", "emotional", "other"])},
    "role": {"name": titles, "color": st.sampled_from(["#ff0000", "#123abc", "red"]),
             "default_influence": st.integers(-1, 6)},
    "journey": {"name": titles, "segment": titles},
    "phase": {"name": titles},
    "stage": {"name": titles},
    "touchpoint": {"title": titles, "emotion": st.one_of(st.none(), st.integers(-3, 3)),
                   "channel": st.sampled_from(["digital", "human", "physical", "fax"]),
                   "scores": st.lists(st.integers(-1, 11), max_size=4),
                   "description": titles},
    "pain_point": {"title": titles, "severity": st.integers(0, 6),
                   "frequency": st.integers(0, 6), "evidence": titles},
    "handoff": {"label": titles},
    "action": {"title": titles, "effort": st.integers(0, 6),
               "status": st.sampled_from(["idea", "planned", "doing", "done", "nope"]),
               "due": st.sampled_from([None, "2026-12-01", "2026-02-30", "tomorrow"])},
    "vote": {"participant": titles},
}


class DocumentMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="jm-sm-"))
        self.path = self.tmp / "start.jmap"
        write_store_file(START, self.path)
        self.doc = Document.open(self.path)
        self.initial = self.doc.store.snapshot()
        self.ref: dict[str, dict[str, Row]] = self.doc.store.snapshot()
        self.undo: list[Edit] = []
        self.redo: list[Edit] = []

    def teardown(self) -> None:
        self.doc.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------------------------
    @property
    def store(self):  # noqa: ANN201
        return self.doc.store

    def _commit(self, edit: Edit) -> None:
        self.doc.apply(edit)
        for ch in edit.changes:
            if ch.after is None:
                self.ref[ch.table].pop(ch.id, None)
            else:
                self.ref[ch.table][ch.id] = ch.after

    def attempt(self, make: Callable[[], Edit]) -> None:
        """Compute an edit; a refused one (EditError, ValidationError) changes nothing."""
        before = self.store.snapshot()
        try:
            edit = make()
        except (EditError, ValidationError):
            assert self.store.snapshot() == before
            STEPS["refused"] += 1
            return
        if edit.empty:
            return
        self._commit(edit)
        STEPS["committed"] += 1
        self.undo.append(edit)
        self.redo.clear()

    def pick(self, data: st.DataObject, table: str) -> str | None:
        ids = sorted(self.store.tables[table])
        return data.draw(st.sampled_from(ids)) if ids else None

    def cell(self, data: st.DataObject) -> tuple[str, str, str] | None:
        j = self.pick(data, "journey")
        if j is None:
            return None
        lanes, stages = self.store.lanes(j), self.store.stages(j)
        if not lanes or not stages:
            return None
        return (j, data.draw(st.sampled_from([x.role for x in lanes])),
                data.draw(st.sampled_from([s.id for s in stages])))

    # -- rules: every edit operation -----------------------------------------------------------
    @rule(data=st.data(), table=st.sampled_from(sorted(FIELD_VALUES)))
    def set_fields(self, data: st.DataObject, table: str) -> None:
        id = self.pick(data, table)
        if id is None:
            return
        name = data.draw(st.sampled_from(sorted(FIELD_VALUES[table])))
        value = data.draw(FIELD_VALUES[table][name])
        self.attempt(lambda: edits.set_fields(self.store, table, id, **{name: value}))

    @rule(data=st.data())
    def set_references(self, data: st.DataObject) -> None:
        """Fields that point at other rows: a card's role/stage, a pain's dimension,
        a stage's phase (any id, valid or not)."""
        which = data.draw(st.sampled_from(["tp-role", "tp-stage", "pain-dim", "stage-phase"]))
        if which.startswith("tp"):
            id, table, field = self.pick(data, "touchpoint"), "touchpoint", which[3:]
            value = self.pick(data, "role" if field == "role" else "stage")
        elif which == "pain-dim":
            id, table, field = self.pick(data, "pain_point"), "pain_point", "dimension"
            value = data.draw(st.one_of(st.just("nope"), st.just(self.pick(data, "dimension"))))
        else:
            id, table, field = self.pick(data, "stage"), "stage", "phase"
            value = data.draw(st.one_of(st.none(), st.just(self.pick(data, "phase"))))
        if id is not None:
            self.attempt(lambda: edits.set_fields(self.store, table, id, **{field: value}))

    @rule(data=st.data(), table=st.sampled_from(["stage", "role", "action", "phase"]))
    def reorder(self, data: st.DataObject, table: str) -> None:
        ids = sorted(self.store.tables[table])
        if ids:
            order = data.draw(st.permutations(ids))
            self.attempt(lambda: edits.reorder(self.store, table, order))

    @rule(data=st.data(), name=titles)
    def add_journey(self, data: st.DataObject, name: str) -> None:
        src = data.draw(st.one_of(st.none(), st.just(self.pick(data, "journey"))))
        self.attempt(lambda: edits.add_journey(self.store, name, copy_from=src))

    @rule(data=st.data(), name=titles)
    def add_phase(self, data: st.DataObject, name: str) -> None:
        j = self.pick(data, "journey")
        if j:
            self.attempt(lambda: edits.add_phase(self.store, j, name))

    @rule(data=st.data(), name=titles, index=st.one_of(st.none(), st.integers(-1, 6)))
    def add_stage(self, data: st.DataObject, name: str, index: int | None) -> None:
        j = self.pick(data, "journey")
        if j:
            phase = data.draw(st.one_of(st.none(), st.just(self.pick(data, "phase"))))
            self.attempt(lambda: edits.add_stage(self.store, j, name, phase, index))

    @rule(data=st.data(), name=titles, influence=st.integers(-1, 6))
    def add_role(self, data: st.DataObject, name: str, influence: int) -> None:
        j = data.draw(st.one_of(st.none(), st.just(self.pick(data, "journey"))))
        self.attempt(lambda: edits.add_role(self.store, name, j, default_influence=influence))

    @rule(data=st.data())
    def add_lane(self, data: st.DataObject) -> None:
        j, r = self.pick(data, "journey"), self.pick(data, "role")
        if j and r:
            self.attempt(lambda: edits.add_lane(self.store, j, r))

    @rule(data=st.data(), weight=st.one_of(st.none(), st.integers(-1, 6)))
    def set_influence(self, data: st.DataObject, weight: int | None) -> None:
        c = self.cell(data)
        if c:
            self.attempt(lambda: edits.set_influence(self.store, c[0], c[1], c[2], weight))

    @rule(data=st.data(), title=titles, index=st.one_of(st.none(), st.integers(0, 4)),
          pains=st.lists(st.fixed_dictionaries({"title": titles,
                                                "severity": st.integers(0, 6)}), max_size=2))
    def add_touchpoint(self, data: st.DataObject, title: str, index: int | None,
                       pains: list[dict]) -> None:
        c = self.cell(data)
        if c:
            self.attempt(lambda: edits.add_touchpoint(self.store, *c, title, index=index,
                                                      pain_points=pains))

    @rule(data=st.data(), title=titles, severity=st.integers(0, 6))
    def add_pain_point(self, data: st.DataObject, title: str, severity: int) -> None:
        t = self.pick(data, "touchpoint")
        if t:
            self.attempt(lambda: edits.add_pain_point(self.store, t, title, severity=severity))

    @rule(data=st.data(), index=st.one_of(st.none(), st.integers(0, 4)))
    def move_touchpoints(self, data: st.DataObject, index: int | None) -> None:
        c = self.cell(data)
        if c:
            tps = [t.id for t in self.store.touchpoints(c[0])]
            if tps:
                ids = data.draw(st.lists(st.sampled_from(tps), min_size=1, max_size=3,
                                         unique=True))
                self.attempt(lambda: edits.move_touchpoints(self.store, ids, c[1], c[2], index))

    @rule(data=st.data(), label=titles)
    def add_handoff(self, data: st.DataObject, label: str) -> None:
        a, b = self.pick(data, "touchpoint"), self.pick(data, "touchpoint")
        if a and b:
            self.attempt(lambda: edits.add_handoff(self.store, a, b, label))

    @rule(data=st.data(), title=titles, effort=st.integers(0, 6))
    def add_action(self, data: st.DataObject, title: str, effort: int) -> None:
        pains = sorted(self.store.tables["pain_point"])
        addresses = data.draw(st.lists(st.sampled_from(pains), max_size=3, unique=True)) \
            if pains else []
        self.attempt(lambda: edits.add_action(self.store, title, addresses, effort=effort))

    @rule(data=st.data(), linked=st.booleans())
    def link_action(self, data: st.DataObject, linked: bool) -> None:
        a, p = self.pick(data, "action"), self.pick(data, "pain_point")
        if a and p:
            self.attempt(lambda: edits.link_action(self.store, a, p, linked))

    @rule(data=st.data(), participant=titles)
    def add_vote(self, data: st.DataObject, participant: str) -> None:
        target = data.draw(st.one_of(st.just(self.pick(data, "pain_point")),
                                     st.just(self.pick(data, "action")), st.just("nope")))
        if target:
            self.attempt(lambda: edits.add_vote(self.store, participant, target))

    @rule(data=st.data(), table=st.sampled_from(
        ["touchpoint", "pain_point", "stage", "role", "phase", "journey", "lane", "handoff",
         "action", "action_link", "vote", "dimension", "influence"]))
    def delete(self, data: st.DataObject, table: str) -> None:
        ids = sorted(self.store.tables[table])
        if ids:
            chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2,
                                        unique=True))
            self.attempt(lambda: edits.delete(self.store, table, chosen))

    @rule(data=st.data(), table=st.sampled_from(["stage", "role", "dimension"]))
    def rehome_and_delete(self, data: st.DataObject, table: str) -> None:
        a, b = self.pick(data, table), self.pick(data, table)
        if a and b:
            self.attempt(lambda: edits.rehome_and_delete(self.store, table, a, b))

    @rule(data=st.data())
    def copy_paste(self, data: st.DataObject) -> None:
        c = self.cell(data)
        tps = sorted(self.store.tables["touchpoint"])
        if c and tps:
            ids = data.draw(st.lists(st.sampled_from(tps), min_size=1, max_size=2, unique=True))
            payload = edits.copy_payload(self.store, ids)
            self.attempt(lambda: edits.paste_touchpoints(self.store, *c, payload))

    # -- undo, redo, save ----------------------------------------------------------------------
    @precondition(lambda self: self.undo)
    @rule()
    def undo_one(self) -> None:
        edit = self.undo.pop()
        self._commit(edit.inverse())
        self.redo.append(edit)

    @precondition(lambda self: self.redo)
    @rule()
    def redo_one(self) -> None:
        edit = self.redo.pop()
        self._commit(edit)
        self.undo.append(edit)

    @rule()
    def undo_all_then_redo_all(self) -> None:
        now = self.store.snapshot()
        done = list(self.undo)
        for edit in reversed(done):
            self._commit(edit.inverse())
        assert self.store.snapshot() == self.initial
        for edit in done:
            self._commit(edit)
        assert self.store.snapshot() == now

    @rule()
    def save_and_reopen(self) -> None:
        self.doc.save(self.path)
        assert not self.doc.dirty
        other = Document.open(self.path)
        try:
            assert other.store == self.store
        finally:
            other.close()

    # -- invariants ----------------------------------------------------------------------------
    @invariant()
    def store_equals_reference_and_disk(self) -> None:
        STEPS["count"] += 1
        assert self.store.tables == self.ref
        assert self.doc.working_store_from_disk() == self.store

    @invariant()
    def project_is_consistent(self) -> None:
        assert problems(self.store) == []


# CI: 12 runs of 25 steps; full: 400 runs of 30 steps (≥ 10,000 steps).
DocumentMachine.TestCase.settings = settings(
    profile(), max_examples=400 if FULL else 12, stateful_step_count=30 if FULL else 25)
TestDocumentMachine = DocumentMachine.TestCase


def teardown_module() -> None:
    out = os.environ.get("JOURNEYMAP_RELIABILITY_REPORT")
    if out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(f"state machine: {STEPS['count']} steps, {STEPS['committed']} edits "
                    f"committed, {STEPS['refused']} refused\n")
