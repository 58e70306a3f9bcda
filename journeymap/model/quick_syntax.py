"""The quick-add line: one touchpoint typed as text, with inline markers. No Qt.

    Title #human !-1 ?Slow quote:4

* ``#CHANNEL`` – channel: ``digital``/``d``, ``human``/``h``, ``physical``/``p`` (also
  デジタル, 人/対面, 物理); ``#digital:portal`` also sets the channel detail.
* ``!N`` – emotion −2…+2 (``!-1``, ``!+2``, ``!0``).
* ``?TEXT[:SEVERITY[/FREQUENCY]][@DIMENSION]`` – a pain point; its title runs to the
  next marker or the end of the line; severity and frequency 1–5 (default 3);
  ``@DIMENSION`` is a dimension id or the start of its name. Several are allowed.

Markers count only at the start of a word, so ``C#`` or ``Hi!`` stay in the title; a
backslash keeps a marker character literal (``\\#1 priority``). Errors are
:class:`QuickSyntaxError` with a ``code`` and the offending ``token``, so the UI can
say what went wrong in its own language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from journeymap.model.rows import Channel

MARKERS = "#!?"
CHANNEL_ALIASES: dict[str, str] = {
    "digital": Channel.DIGITAL.value, "d": Channel.DIGITAL.value, "web": Channel.DIGITAL.value,
    "デジタル": Channel.DIGITAL.value,
    "human": Channel.HUMAN.value, "h": Channel.HUMAN.value, "person": Channel.HUMAN.value,
    "人": Channel.HUMAN.value, "対面": Channel.HUMAN.value,
    "physical": Channel.PHYSICAL.value, "p": Channel.PHYSICAL.value,
    "物理": Channel.PHYSICAL.value, "物": Channel.PHYSICAL.value,
}
_PAIN_TAIL = re.compile(r"^(?P<title>.*?)(?::(?P<sev>[^/@:]*)(?:/(?P<freq>[^@:]*))?)?"
                        r"(?:@(?P<dim>[^@:]*))?$", re.S)


class QuickSyntaxError(ValueError):
    """``code`` is one of: ``empty_title``, ``channel``, ``emotion``, ``severity``,
    ``frequency``, ``pain_title``, ``dimension``; ``token`` is the text at fault."""

    def __init__(self, code: str, token: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.token = token


@dataclass(frozen=True)
class QuickPain:
    title: str
    severity: int = 3
    frequency: int = 3
    dimension: str | None = None  # as typed; resolve with :func:`resolve_dimension`


@dataclass(frozen=True)
class QuickTouchpoint:
    title: str
    channel: str | None = None
    channel_detail: str | None = None
    emotion: int | None = None
    pain_points: tuple[QuickPain, ...] = field(default_factory=tuple)


def _split(text: str) -> list[tuple[str, str]]:
    """Cut the line into (marker, text) pieces; marker '' is title text."""
    pieces: list[tuple[str, list[str]]] = [("", [])]
    i, n = 0, len(text)
    at_word_start = True
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in MARKERS + "\\":
            pieces[-1][1].append(text[i + 1])
            i += 2
            at_word_start = False
            continue
        if ch in MARKERS and at_word_start and i + 1 < n and not text[i + 1].isspace():
            pieces.append((ch, []))
            i += 1
            at_word_start = False
            continue
        if pieces[-1][0] in "#!" and ch.isspace() and pieces[-1][0] != "":
            # channel and emotion are single words: the rest is title text again
            pieces.append(("", []))
        pieces[-1][1].append(ch)
        at_word_start = ch.isspace()
        i += 1
    return [(m, "".join(cs)) for m, cs in pieces]


def _int_in(code: str, token: str, lo: int, hi: int, what: str) -> int:
    t = token.strip().replace("−", "-").replace("＋", "+")
    if not re.fullmatch(r"[+-]?\d+", t):
        raise QuickSyntaxError(code, token, f"{what} must be a whole number from {lo} to {hi}, "
                                            f"got {token!r}")
    value = int(t)
    if not lo <= value <= hi:
        raise QuickSyntaxError(code, token, f"{what} must be from {lo} to {hi}, got {value}")
    return value


def parse_quick(text: str) -> QuickTouchpoint:
    """Parse a quick-add line. Raises :class:`QuickSyntaxError`."""
    title_parts: list[str] = []
    channel = detail = None
    emotion = None
    pains: list[QuickPain] = []
    for marker, body in _split(text):
        if marker == "":
            title_parts.append(body)
        elif marker == "#":
            name, _, det = body.partition(":")
            value = CHANNEL_ALIASES.get(name.strip().lower())
            if value is None:
                raise QuickSyntaxError("channel", "#" + body,
                                       f"unknown channel {name!r}: use #digital, #human or "
                                       "#physical")
            channel = value
            detail = det.strip() or detail
        elif marker == "!":
            emotion = _int_in("emotion", body, -2, 2, "emotion")
        else:
            m = _PAIN_TAIL.match(body.strip())
            assert m is not None  # the pattern matches any text
            title = m["title"].strip()
            if not title:
                raise QuickSyntaxError("pain_title", "?" + body, "a pain point needs a title")
            sev = 3 if m["sev"] is None else _int_in("severity", m["sev"], 1, 5, "severity")
            freq = 3 if m["freq"] is None else _int_in("frequency", m["freq"], 1, 5,
                                                        "frequency")
            dim = m["dim"].strip() if m["dim"] is not None else None
            if dim == "":
                raise QuickSyntaxError("dimension", "?" + body, "name a dimension after @")
            pains.append(QuickPain(title, sev, freq, dim))
    title = " ".join("".join(title_parts).split())
    if not title:
        raise QuickSyntaxError("empty_title", text, "type a title for the touchpoint")
    return QuickTouchpoint(title, channel, detail, emotion, tuple(pains))


def resolve_dimension(typed: str, dimensions: list[tuple[str, str]]) -> str:
    """The id of the dimension ``typed`` names: an id, a name, or the start of one
    (case-insensitive). ``dimensions`` are (id, name) pairs. Raises QuickSyntaxError
    when none or several match."""
    t = typed.strip().casefold()
    for did, name in dimensions:
        if t in (did.casefold(), name.casefold()):
            return did
    found = [did for did, name in dimensions
             if did.casefold().startswith(t) or name.casefold().startswith(t)]
    if len(found) == 1:
        return found[0]
    raise QuickSyntaxError("dimension", "@" + typed,
                           f"no dimension {typed!r}" if not found else
                           f"{typed!r} could be {', '.join(found)}")


def touchpoint_values(parsed: QuickTouchpoint,
                      dimensions: list[tuple[str, str]]) -> dict[str, Any]:
    """Keyword arguments for ``edits.add_touchpoint(store, journey, role, stage, **kw)``."""
    values: dict[str, Any] = {"title": parsed.title}
    if parsed.channel is not None:
        values["channel"] = parsed.channel
    if parsed.channel_detail is not None:
        values["channel_detail"] = parsed.channel_detail
    if parsed.emotion is not None:
        values["emotion"] = parsed.emotion
    pains = []
    for p in parsed.pain_points:
        pain: dict[str, Any] = {"title": p.title, "severity": p.severity,
                                "frequency": p.frequency}
        if p.dimension is not None:
            pain["dimension"] = resolve_dimension(p.dimension, dimensions)
        pains.append(pain)
    if pains:
        values["pain_points"] = pains
    return values


__all__ = ["QuickPain", "QuickSyntaxError", "QuickTouchpoint", "parse_quick",
           "resolve_dimension", "touchpoint_values"]
