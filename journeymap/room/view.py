"""From the model to what participants see, and from room events back to model edits.

Runs on the app's (GUI) thread: these functions read the store; the server thread only
ever sees the plain dicts :func:`build_view` returns. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.rows import PainPoint, Status, Touchpoint, Vote
from journeymap.model.store import Change, Store
from journeymap.model.validation import check_row
from journeymap.room.state import Suggestion

VOTE_ON = ("pains", "actions", "both")


def build_view(store: Store, journey: str | None, stage: str | None, prompt: str = "",
               vote_on: str = "both") -> dict[str, Any]:
    """The participants' view of ``journey`` at ``stage`` (default: its first stage):
    the stage (name, position), its cards per role (lane order) with their pain points,
    the facilitator's ``prompt``, and the vote targets of a round (``vote_on``: the
    journey's pain points, the live actions, or both)."""
    view: dict[str, Any] = {"journey": "", "stage": None, "cards": [], "targets": [],
                            "prompt": prompt, "lang": store.project.language}
    if journey is None or store.get("journey", journey) is None:
        return view
    view["journey"] = store.journey(journey).name
    stages = store.stages(journey)
    if not stages:
        return view
    index = next((i for i, s in enumerate(stages) if s.id == stage), 0)
    st = stages[index]
    view["stage"] = {"id": st.id, "name": st.name, "index": index + 1, "count": len(stages)}
    stage_names = {s.id: s.name for s in stages}
    cards = []
    for lane in store.lanes(journey):
        role = store.get("role", lane.role)
        role_name = getattr(role, "name", "")
        for tp in store.touchpoints_in_cell(journey, lane.role, st.id):
            cards.append({"id": tp.id, "title": tp.title, "role": role_name,
                          "pains": [{"id": p.id, "title": p.title, "severity": p.severity}
                                    for p in store.pain_points(tp.id)]})
    view["cards"] = cards
    targets = []
    if vote_on in ("pains", "both"):
        for p in store.journey_pain_points(journey):
            tp = store.get("touchpoint", p.touchpoint)
            where = stage_names.get(tp.stage, "") if isinstance(tp, Touchpoint) else ""
            targets.append({"id": p.id, "kind": "pain", "title": p.title, "where": where})
    if vote_on in ("actions", "both"):
        for a in store.actions():
            if a.status not in (Status.DROPPED.value, Status.DONE.value):
                targets.append({"id": a.id, "kind": "action", "title": a.title, "where": ""})
    view["targets"] = targets
    return view


def evidence_text(store: Store, participant: str) -> str:
    """The evidence of an accepted suggestion, in the project's language."""
    if store.project.language == "ja":
        return f"ルームで {participant} さんが提案"
    return f"Suggested in the room by {participant}"


def suggestion_edit(store: Store, s: Suggestion) -> Edit:
    """The edit that accepts a suggestion: a pain point on the card (its evidence names
    the participant), or a comment appended to the card's description. EditError when
    the card is gone."""
    tp = store.get("touchpoint", s.card)
    if not isinstance(tp, Touchpoint):
        raise EditError("the card of this suggestion has been deleted")
    if s.kind == "pain":
        return edits.add_pain_point(store, s.card, s.title, severity=s.severity or 3,
                                    evidence=evidence_text(store, s.participant))
    line = f"{s.participant}: {s.title}"
    text = f"{tp.description}\n\n{line}" if tp.description.strip() else line
    return edits.set_fields(store, "touchpoint", s.card, label="Add comment", description=text)


def round_edit(store: Store, dots: Iterable[tuple[str, str]]) -> tuple[Edit, int]:
    """One edit adding a Vote row per ``(participant, target)``; dots on targets that no
    longer exist (deleted during the round) are skipped. Returns the edit and how many
    were skipped. One undo step for the whole round."""
    changes: list[Change] = []
    taken = set(store.tables["vote"])   # vote ids are not "named" ids: pass them in
    position = max((v.position for v in store.votes()), default=-1.0)
    skipped = 0
    for participant, target in dots:
        if not isinstance(store.get("pain_point", target), PainPoint) and \
                store.get("action", target) is None:
            skipped += 1
            continue
        vid = store.new_id("v", taken)
        taken.add(vid)
        position += 1.0
        row = Vote(vid, participant=participant, target=target, position=position)
        check_row(row)
        changes.append(Change("vote", vid, None, row))
    return edits.combine("Room voting round", [Edit("Room voting round", tuple(changes))]), \
        skipped


__all__ = ["VOTE_ON", "build_view", "evidence_text", "round_edit", "suggestion_edit"]
