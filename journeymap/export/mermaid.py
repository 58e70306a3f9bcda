"""Mermaid ``journey`` diagrams: one section per stage, a task per touchpoint."""

from __future__ import annotations

import re

from journeymap.model.store import Store

_UNSAFE = re.compile(r"[:;#\r\n\t]+")


def _clean(text: str) -> str:
    # Mermaid ends a task name at ':' and a line at newline; '#' and ';' start entities
    # and statements. Replace them so every title survives as readable text.
    return _UNSAFE.sub(" ", text).strip() or "-"


def emotion_score(emotion: int | None) -> int:
    """Mermaid's 1–5 satisfaction score from our −2…+2 emotion (unknown = neutral 3)."""
    return 3 if emotion is None else emotion + 3


def journey_mermaid(store: Store, journey: str) -> str:
    j = store.journey(journey)
    lines = ["journey", f"    title {_clean(j.name)}"]
    for stage in store.stages(journey):
        lines.append(f"    section {_clean(stage.name)}")
        for role in store.lane_roles(journey):
            for tp in store.touchpoints_in_cell(journey, role.id, stage.id):
                lines.append(f"      {_clean(tp.title)}: {emotion_score(tp.emotion)}: "
                             f"{_clean(role.name)}")
    return "\n".join(lines) + "\n"


def project_mermaid(store: Store, journey: str | None = None) -> str:
    """One diagram per journey (or just ``journey``), separated by blank lines."""
    ids = [journey] if journey else [j.id for j in store.journeys()]
    return "\n".join(journey_mermaid(store, j) for j in ids)
