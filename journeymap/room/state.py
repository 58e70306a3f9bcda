"""What the room knows and enforces, shared by the server thread and the app. No Qt, no I/O.

The app never lets the server touch the model. It pushes a *view* (plain dicts: the
stage on screen, its cards and pain points, the vote targets, the facilitator's prompt;
see :func:`journeymap.room.view.build_view`) and receives :class:`RoomEvent` objects
(join, suggestion, vote, unvote) through the ``notify`` callback, which is called on the
server thread: the app's adapter must hand them over to its own thread.

Everything here is guarded by one lock, so the GUI thread may call :meth:`RoomState.
end_round` or :meth:`RoomState.set_view` while the server thread serves participants.

Participant identity is the display name. Joining returns a random per-participant
*key*; every later request must carry it, so nobody else in the room can place dots or
suggest in your name. The page keeps the key in the browser's storage, so a phone that
slept or lost the network rejoins as the same person and finds its dots.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from journeymap.model.validation import ValidationError, check_int, check_text

MAX_NAME = 60
MAX_TITLE = 200
MAX_COMMENT = 1000
MAX_PARTICIPANTS = 200
MAX_PENDING = 500
MAX_DOTS = 50
SUGGESTION_KINDS = ("pain", "comment")


class RoomRefused(Exception):
    """A request the room does not accept. ``code`` is stable (the page translates it),
    ``message`` is English for logs and tests, ``status`` the HTTP status to answer."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


@dataclass(frozen=True)
class RoomEvent:
    """Something a participant did. ``kind``: ``join``, ``suggestion``, ``vote`` or
    ``unvote``; ``data`` holds the details (``target`` for votes, the suggestion's
    fields for a suggestion); ``at`` is ``time.monotonic()`` when the room accepted it."""

    kind: str
    participant: str
    data: dict[str, Any] = field(default_factory=dict)
    at: float = 0.0


@dataclass
class Suggestion:
    id: str
    participant: str
    card: str
    kind: str            # "pain" or "comment"
    title: str
    severity: int | None = None


@dataclass
class Limits:
    """Token buckets: ``(burst, per second)``. Joins count per client address (many
    phones share one address behind a guest Wi-Fi's NAT, hence the generous burst)."""

    join: tuple[float, float] = (60.0, 2.0)
    act: tuple[float, float] = (30.0, 10.0)         # votes, unvotes
    suggest: tuple[float, float] = (6.0, 0.5)
    max_streams_per_participant: int = 4


class _Bucket:
    def __init__(self, burst: float, rate: float, now: float) -> None:
        self.burst, self.rate, self.level, self.at = burst, rate, burst, now

    def take(self, now: float) -> bool:
        self.level = min(self.burst, self.level + (now - self.at) * self.rate)
        self.at = now
        if self.level >= 1.0:
            self.level -= 1.0
            return True
        return False


@dataclass
class Round:
    dots: int
    show_totals: bool = False
    placed: dict[str, list[str]] = field(default_factory=dict)   # participant -> targets


def clean_name(value: object) -> str:
    """A display name as typed, with runs of white space made one space; refused
    (:class:`RoomRefused`) when empty, too long or not text."""
    try:
        check_text("name", value, required=True, limit=4 * MAX_NAME)
    except ValidationError as e:
        raise RoomRefused("bad_name", e.message) from None
    name = " ".join(str(value).split())
    if not name or len(name) > MAX_NAME:
        raise RoomRefused("bad_name", f"a name has 1 to {MAX_NAME} characters")
    if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in name):
        raise RoomRefused("bad_name", "a name must not contain control characters")
    return name


class RoomState:
    """The room's participants, pending suggestions and open round, with its limits.

    ``notify(event)`` is called (outside the lock) for every accepted action;
    ``on_change()`` whenever what participants see may have changed (the server uses it
    to wake its event streams). ``clock`` is injectable for the rate-limit tests."""

    def __init__(self, notify: Callable[[RoomEvent], None] | None = None, *,
                 limits: Limits | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.notify = notify
        self.on_change: Callable[[], None] | None = None
        self.limits = limits or Limits()
        self.clock = clock
        self._lock = threading.RLock()
        self._view: dict[str, Any] = {"journey": "", "stage": None, "cards": [],
                                      "targets": [], "prompt": "", "lang": "en"}
        self._keys: dict[str, str] = {}           # participant -> key
        self._joined: list[str] = []
        self._pending: dict[str, Suggestion] = {}
        self._round: Round | None = None
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._next_suggestion = 1
        self._numbers = 0
        self.version = 0

    # -- the app's side ------------------------------------------------------------------------
    def set_view(self, view: dict[str, Any]) -> None:
        """Replace what participants see (made by :func:`~journeymap.room.view.build_view`)."""
        with self._lock:
            self._view = view
            self._changed()
        self._fire_change()

    @property
    def view(self) -> dict[str, Any]:
        with self._lock:
            return self._view

    def participants(self) -> list[str]:
        with self._lock:
            return list(self._joined)

    def pending(self) -> list[Suggestion]:
        with self._lock:
            return list(self._pending.values())

    def take_suggestion(self, sid: str) -> Suggestion | None:
        """Remove a pending suggestion (accepted or dismissed by the facilitator)."""
        with self._lock:
            s = self._pending.pop(sid, None)
            self._changed()
        self._fire_change()
        return s

    @property
    def round_open(self) -> bool:
        with self._lock:
            return self._round is not None

    def start_round(self, dots: int, show_totals: bool = False) -> None:
        """Open a voting round with ``dots`` per participant (replaces an open one)."""
        check_int("dots", dots, 1, MAX_DOTS)
        with self._lock:
            self._round = Round(dots, show_totals)
            self._changed()
        self._fire_change()

    def set_show_totals(self, show: bool) -> None:
        with self._lock:
            if self._round is not None:
                self._round.show_totals = show
                self._changed()
        self._fire_change()

    def round_dots(self) -> list[tuple[str, str]]:
        """``(participant, target)`` of every dot placed in the open round, in the
        participants' join order."""
        with self._lock:
            r = self._round
            if r is None:
                return []
            return [(p, t) for p in self._joined for t in r.placed.get(p, [])]

    def end_round(self) -> list[tuple[str, str]]:
        """Close the round and return its dots (see :meth:`round_dots`). Dots placed a
        moment before are included: the lock orders them."""
        with self._lock:
            dots = self.round_dots()
            self._round = None
            self._changed()
        self._fire_change()
        return dots

    # -- persistence (the app writes this next to its working copy) ------------------------
    def dump(self) -> dict[str, Any]:
        """Everything a killed app needs to restore the room: participants and keys,
        pending suggestions, the open round."""
        with self._lock:
            r = self._round
            return {
                "participants": [{"name": p, "key": self._keys[p]} for p in self._joined],
                "pending": [asdict(s) for s in self._pending.values()],
                "round": None if r is None else {"dots": r.dots, "show_totals": r.show_totals,
                                                 "placed": {p: list(t) for p, t in
                                                            r.placed.items()}},
                "next_suggestion": self._next_suggestion, "numbers": self._numbers,
            }

    def restore(self, data: dict[str, Any]) -> None:
        """Load what :meth:`dump` wrote (ValueError when it is malformed)."""
        try:
            keys = {str(p["name"]): str(p["key"]) for p in data.get("participants", [])}
            pending = [Suggestion(**s) for s in data.get("pending", [])]
            rd = data.get("round")
            rnd = None if rd is None else Round(
                int(rd["dots"]), bool(rd.get("show_totals")),
                {str(p): [str(t) for t in ts] for p, ts in rd.get("placed", {}).items()})
            nxt = int(data.get("next_suggestion", 1))
            numbers = int(data.get("numbers", 0))
        except (TypeError, KeyError, ValueError, AttributeError) as e:
            raise ValueError(f"the saved room state is damaged: {e}") from None
        with self._lock:
            self._keys = keys
            self._joined = list(keys)
            self._pending = {s.id: s for s in pending}
            self._round = rnd
            self._next_suggestion = max(nxt, len(pending) + 1)
            self._numbers = numbers
            self._changed()
        self._fire_change()

    # -- the participants' side (server thread) ----------------------------------------------
    def _allow(self, who: str, what: str) -> None:
        burst, rate = getattr(self.limits, what)
        now = self.clock()
        bucket = self._buckets.get((who, what))
        if bucket is None:
            bucket = self._buckets[(who, what)] = _Bucket(burst, rate, now)
        if not bucket.take(now):
            raise RoomRefused("slow_down", "too many requests; wait a moment", 429)

    def join(self, name: object | None, key: object | None, client: str = "") -> tuple[str, str]:
        """Join as ``name`` (``None``: take the next number). A name already in the room
        is refused unless ``key`` is that participant's key (rejoining). Returns
        ``(name, key)``."""
        with self._lock:
            self._allow(f"ip:{client}", "join")
            if name is None:
                self._numbers += 1
                while f"P{self._numbers}" in self._keys:
                    self._numbers += 1
                name = f"P{self._numbers}"
            name = clean_name(name)
            known = self._keys.get(name)
            if known is not None:
                if not isinstance(key, str) or not hmac.compare_digest(key.encode(),
                                                                       known.encode()):
                    raise RoomRefused("name_taken", "someone in the room already has that "
                                      "name; choose another", 409)
                return name, known
            if len(self._keys) >= MAX_PARTICIPANTS:
                raise RoomRefused("room_full", "the room is full", 403)
            key = secrets.token_urlsafe(16)
            self._keys[name] = key
            self._joined.append(name)
            self._changed()
        self._emit(RoomEvent("join", name, {}, self.clock()))
        self._fire_change()
        return name, key

    def who(self, key: object) -> str:
        """The participant whose key this is; RoomRefused(401) otherwise."""
        if isinstance(key, str) and key:
            with self._lock:
                for name, k in self._keys.items():
                    if hmac.compare_digest(key.encode(), k.encode()):
                        return name
        raise RoomRefused("not_joined", "join the room first", 401)

    def suggest(self, who: str, card: object, kind: object, title: object,
                severity: object = None) -> Suggestion:
        """A pain point (``kind="pain"``, title and severity 1–5) or a comment on a card
        of the stage on screen; kept pending until the facilitator decides."""
        if kind not in SUGGESTION_KINDS:
            raise RoomRefused("bad_kind", "a suggestion is a pain point or a comment")
        try:
            check_text("title", title, required=True,
                       limit=MAX_TITLE if kind == "pain" else MAX_COMMENT)
            if kind == "pain":
                check_int("severity", severity, 1, 5)
        except ValidationError as e:
            raise RoomRefused(f"bad_{e.field}", str(e)) from None
        with self._lock:
            self._allow(who, "suggest")
            cards = {c["id"] for c in self._view.get("cards", [])}
            if not isinstance(card, str) or card not in cards:
                raise RoomRefused("unknown_card", "that card is not on the stage shown now",
                                  404)
            if len(self._pending) >= MAX_PENDING:
                raise RoomRefused("too_many", "the facilitator has too many suggestions "
                                  "waiting; try again later", 429)
            s = Suggestion(f"s{self._next_suggestion}", who, str(card), str(kind),
                           " ".join(str(title).split()) if kind == "pain" else str(title).strip(),
                           severity if kind == "pain" else None)  # type: ignore[arg-type]
            self._next_suggestion += 1
            self._pending[s.id] = s
            self._changed()
        self._emit(RoomEvent("suggestion", who, asdict(s), self.clock()))
        self._fire_change()
        return s

    def vote(self, who: str, target: object) -> int:
        """Place one of ``who``'s dots on ``target``; returns the dots left."""
        with self._lock:
            self._allow(who, "act")
            r = self._require_round()
            if not isinstance(target, str) or target not in self._target_ids():
                raise RoomRefused("unknown_target", "there is nothing to vote on with that "
                                  "id in this round", 404)
            mine = r.placed.setdefault(who, [])
            if len(mine) >= r.dots:
                raise RoomRefused("no_dots", f"you have placed all {r.dots} dots; take "
                                  "one back first", 409)
            mine.append(str(target))
            left = r.dots - len(mine)
            self._changed()
        self._emit(RoomEvent("vote", who, {"target": target}, self.clock()))
        self._fire_change()
        return left

    def unvote(self, who: str, target: object) -> int:
        """Take back one of ``who``'s dots from ``target``; returns the dots left."""
        with self._lock:
            self._allow(who, "act")
            r = self._require_round()
            mine = r.placed.get(who, [])
            if not isinstance(target, str) or target not in mine:
                raise RoomRefused("no_dot_there", "you have no dot there", 409)
            # the most recent one, so the order of the others is kept
            del mine[len(mine) - 1 - mine[::-1].index(target)]  # type: ignore[arg-type]
            left = r.dots - len(mine)
            self._changed()
        self._emit(RoomEvent("unvote", who, {"target": target}, self.clock()))
        self._fire_change()
        return left

    def allow_stream(self, who: str, open_streams: int) -> None:
        if open_streams >= self.limits.max_streams_per_participant:
            raise RoomRefused("slow_down", "too many open pages for one participant", 429)

    def state_for(self, who: str | None) -> dict[str, Any]:
        """What one participant sees: the view, the round (their dots; totals only when
        the facilitator shows them) and their own pending suggestions."""
        with self._lock:
            v = self._view
            r = self._round
            out: dict[str, Any] = {
                "version": self.version, "journey": v.get("journey", ""),
                "stage": v.get("stage"), "cards": v.get("cards", []),
                "prompt": v.get("prompt", ""), "me": who,
                "pending": [asdict(s) for s in self._pending.values() if s.participant == who],
                "round": None,
            }
            if r is not None:
                mine = r.placed.get(who or "", [])
                rnd: dict[str, Any] = {"dots": r.dots, "left": r.dots - len(mine),
                                       "mine": {}, "targets": v.get("targets", []),
                                       "totals": None}
                for t in mine:
                    rnd["mine"][t] = rnd["mine"].get(t, 0) + 1
                if r.show_totals:
                    totals: dict[str, int] = {}
                    for ts in r.placed.values():
                        for t in ts:
                            totals[t] = totals.get(t, 0) + 1
                    rnd["totals"] = totals
                out["round"] = rnd
            return out

    # -- helpers ------------------------------------------------------------------------------
    def _require_round(self) -> Round:
        if self._round is None:
            raise RoomRefused("no_round", "no voting round is open", 409)
        return self._round

    def _target_ids(self) -> set[str]:
        return {t["id"] for t in self._view.get("targets", [])}

    def _changed(self) -> None:
        self.version += 1

    def _emit(self, event: RoomEvent) -> None:
        if self.notify is not None:
            self.notify(event)

    def _fire_change(self) -> None:
        if self.on_change is not None:
            self.on_change()


__all__ = ["Limits", "MAX_NAME", "MAX_TITLE", "RoomEvent", "RoomRefused", "RoomState",
           "Suggestion", "clean_name"]
