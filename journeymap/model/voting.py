"""Dot voting in a workshop: who votes, how many dots each has, on what. No Qt.

The votes themselves are the project's :class:`~journeymap.model.rows.Vote` rows (so
they are saved, undone and scored like everything else). A :class:`VotingRound` only
keeps what the file does not: the participants, the dots each may place, which kind of
target is open, who is voting now and whether totals are shown. Everything it derives
(remaining dots, totals) is computed from the store, so undo and redo never leave it
out of step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from journeymap.model import edits
from journeymap.model.edits import Edit, EditError
from journeymap.model.rows import Action, PainPoint, Status, Vote
from journeymap.model.store import Store

DEFAULT_DOTS = 5
MAX_DOTS = 50
MAX_PARTICIPANTS = 200


class VoteOn(StrEnum):
    """Which targets a round is open for."""

    PAINS = "pains"
    ACTIONS = "actions"
    BOTH = "both"


class NoDotsLeft(EditError):
    """The participant has placed every dot they have."""

    def __init__(self, participant: str, dots: int) -> None:
        super().__init__(f"{participant} has no dots left (all {dots} placed)")
        self.participant = participant
        self.dots = dots


class TargetNotOpen(EditError):
    """The target is of a kind this round does not vote on."""


@dataclass(frozen=True)
class TargetTotal:
    """Votes on one target: ``kind`` is ``pain`` or ``action``; ``by_participant`` in
    the round's participant order (participants with no vote on it left out)."""

    target: str
    kind: str
    title: str
    votes: int
    by_participant: tuple[tuple[str, int], ...] = ()


def numbered_participants(n: int, pattern: str = "P%1") -> list[str]:
    """``n`` participant names from ``pattern`` (``%1`` is the number, from 1)."""
    if not 1 <= n <= MAX_PARTICIPANTS:
        raise ValueError(f"the number of participants must be from 1 to {MAX_PARTICIPANTS}")
    return [pattern.replace("%1", str(i)) for i in range(1, n + 1)]


def parse_participants(text: str) -> list[str]:
    """Names typed one per line (or separated by commas / 、); blanks dropped, order
    kept, duplicates refused."""
    names: list[str] = []
    for line in text.replace("、", ",").replace("\n", ",").split(","):
        name = " ".join(line.split())
        if not name:
            continue
        if name in names:
            raise ValueError(f"{name!r} is listed twice")
        names.append(name)
    if not names:
        raise ValueError("add at least one participant")
    if len(names) > MAX_PARTICIPANTS:
        raise ValueError(f"at most {MAX_PARTICIPANTS} participants")
    return names


@dataclass
class VotingRound:
    """One dot-voting round. ``current`` indexes ``participants``."""

    participants: list[str]
    dots: int = DEFAULT_DOTS
    vote_on: VoteOn = VoteOn.BOTH
    hide_totals: bool = True
    current: int = 0
    ended: bool = False

    def __post_init__(self) -> None:
        if not self.participants:
            raise ValueError("add at least one participant")
        if len(set(self.participants)) != len(self.participants):
            raise ValueError("participant names must be different")
        if any(not p.strip() for p in self.participants):
            raise ValueError("participant names must not be empty")
        if not 1 <= self.dots <= MAX_DOTS:
            raise ValueError(f"dots per participant must be from 1 to {MAX_DOTS}")
        self.vote_on = VoteOn(self.vote_on)
        self.current = max(0, min(self.current, len(self.participants) - 1))

    # -- who ----------------------------------------------------------------------------
    @property
    def participant(self) -> str:
        return self.participants[self.current]

    def next_participant(self) -> str:
        """Move to the next participant (wraps around)."""
        self.current = (self.current + 1) % len(self.participants)
        return self.participant

    def previous_participant(self) -> str:
        self.current = (self.current - 1) % len(self.participants)
        return self.participant

    def select(self, participant: str) -> None:
        self.current = self.participants.index(participant)

    # -- dots -----------------------------------------------------------------------------
    def used(self, store: Store, participant: str | None = None) -> int:
        """Votes of ``participant`` (default: current) in the store."""
        who = self.participant if participant is None else participant
        return sum(1 for v in store.votes() if v.participant == who)

    def remaining(self, store: Store, participant: str | None = None) -> int:
        """Dots ``participant`` may still place: allowed − their votes in the store."""
        return max(0, self.dots - self.used(store, participant))

    def is_open(self, store: Store, target: str) -> bool:
        """Can this round vote on ``target`` (a pain point or a live action)?"""
        if isinstance(store.get("pain_point", target), PainPoint):
            return self.vote_on in (VoteOn.PAINS, VoteOn.BOTH)
        action = store.get("action", target)
        if isinstance(action, Action):
            return (self.vote_on in (VoteOn.ACTIONS, VoteOn.BOTH)
                    and action.status != Status.DROPPED.value)
        return False

    def vote(self, store: Store, target: str, participant: str | None = None) -> Edit:
        """The edit that places one dot of ``participant`` (default: current) on
        ``target``. Raises :class:`NoDotsLeft` or :class:`TargetNotOpen` (nothing
        changes then) or EditError for an unknown target."""
        who = self.participant if participant is None else participant
        if self.ended:
            raise EditError("the voting round has ended")
        if store.get("pain_point", target) is None and store.get("action", target) is None:
            raise EditError(f"{target!r} is not a pain point or an action")
        if not self.is_open(store, target):
            raise TargetNotOpen("this round does not vote on that")
        if self.remaining(store, who) <= 0:
            raise NoDotsLeft(who, self.dots)
        return edits.add_vote(store, who, target)

    def last_vote(self, store: Store, participant: str | None = None) -> Vote | None:
        """The most recently placed vote of ``participant`` (default: current)."""
        who = self.participant if participant is None else participant
        mine = [v for v in store.votes() if v.participant == who]
        return mine[-1] if mine else None

    def take_back(self, store: Store, participant: str | None = None) -> Edit:
        """The edit that removes the last dot of ``participant``; EditError if none."""
        last = self.last_vote(store, participant)
        if last is None:
            raise EditError("no dot to take back")
        return edits.delete(store, "vote", [last.id], label="Take back vote")

    # -- targets and totals ----------------------------------------------------------------------
    def targets(self, store: Store, journey: str | None) -> list[tuple[str, str]]:
        """``(kind, id)`` of what can be voted on: the journey's pain points (reading
        order) and the live actions, as the round allows."""
        out: list[tuple[str, str]] = []
        if self.vote_on in (VoteOn.PAINS, VoteOn.BOTH) and journey is not None:
            out += [("pain", p.id) for p in store.journey_pain_points(journey)]
        if self.vote_on in (VoteOn.ACTIONS, VoteOn.BOTH):
            out += [("action", a.id) for a in store.actions()
                    if a.status != Status.DROPPED.value]
        return out

    def totals(self, store: Store, targets: Iterable[str] | None = None) -> list[TargetTotal]:
        """Votes per target, most first (ties: pain points before actions, then title).

        Without ``targets``: every target that has a vote in the store. Only the round's
        participants are broken out per participant."""
        votes = store.votes()
        ids = list(dict.fromkeys(targets)) if targets is not None else list(
            dict.fromkeys(v.target for v in votes))
        per: dict[str, Counter[str]] = {t: Counter() for t in ids}
        for v in votes:
            if v.target in per:
                per[v.target][v.participant] += 1
        out = []
        for t in ids:
            pain = store.get("pain_point", t)
            action = store.get("action", t)
            if isinstance(pain, PainPoint):
                kind, title = "pain", pain.title
            elif isinstance(action, Action):
                kind, title = "action", action.title
            else:
                continue
            counts = per[t]
            out.append(TargetTotal(t, kind, title, sum(counts.values()),
                                   tuple((p, counts[p]) for p in self.participants
                                         if counts[p])))
        order = {"pain": 0, "action": 1}
        out.sort(key=lambda x: (-x.votes, order[x.kind], x.title, x.target))
        return out

    def progress(self, store: Store) -> list[tuple[str, int]]:
        """``(participant, dots placed)`` for every participant, in order."""
        counts = Counter(v.participant for v in store.votes())
        return [(p, counts[p]) for p in self.participants]

    def end(self) -> None:
        self.ended = True


def clear_votes(store: Store, participants: Sequence[str] | None = None) -> Edit:
    """One edit deleting the votes (of ``participants`` only, when given)."""
    ids = [v.id for v in store.votes()
           if participants is None or v.participant in participants]
    if not ids:
        return Edit("Clear votes", ())
    return edits.delete(store, "vote", ids, label="Clear votes")


__all__ = ["DEFAULT_DOTS", "NoDotsLeft", "TargetNotOpen", "TargetTotal", "VoteOn",
           "VotingRound", "clear_votes", "numbered_participants", "parse_participants"]
