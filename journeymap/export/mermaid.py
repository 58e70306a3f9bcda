"""Mermaid ``journey`` diagrams: one section per stage, a task per touchpoint.

Mermaid's journey grammar has no quoting, so every text is made to fit its tokens
(``parser/journey.jison`` in mermaid-js):

* a line ends at a newline; ``#`` and ``;`` end a title, section or task (``#`` starts a
  comment, ``#…;`` an entity); ``:`` ends a section or task name; ``%%`` starts a
  comment anywhere. These become spaces (``%%`` becomes ``%``), as do control characters
  and Unicode line separators.
* a task line that begins with a keyword (``journey``, ``title``, ``section``,
  ``accTitle``, ``accDescr``, any letter case) would be read as that statement, and one
  that begins with ``%`` as a comment (the task silently lost): such a name gets an
  invisible ZERO WIDTH SPACE in front, which no keyword or comment rule matches.
* the actors after the score are separated by commas, so a comma in a role name
  becomes "‚" (U+201A, a low quotation mark that looks like a comma).

A project with several journeys (exported without choosing one) becomes a Markdown
document with one fenced ``mermaid`` block per journey (Mermaid reads one diagram per
text, and GitHub, GitLab and most Markdown viewers render each block): a heading with
the project's title, then per journey a heading with its name and its diagram.
"""

from __future__ import annotations

import re

from journeymap.export.safetext import encodable
from journeymap.model.store import Store

# Control characters, Unicode line/paragraph separators and the grammar's terminators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029:;#]+")
_COMMENT = re.compile("%{2,}")
_SPACES = re.compile(" {2,}")
_KEYWORD_START = re.compile(r"journey|title|section|acctitle|accdescr|%",
                            re.IGNORECASE | re.ASCII)
# What JavaScript's \s matches: the lexer skips these before it looks for a keyword.
_JS_SPACE_CHARS = "".join(
    chr(c) for lo, hi in ((0x9, 0xD), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680),
                          (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F),
                          (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF))
    for c in range(lo, hi + 1))
ZWSP = "\u200b"


def _clean(text: str) -> str:
    """``text`` as one token of text: no terminators, no comment, one line."""
    text = _UNSAFE.sub(" ", encodable(text))
    text = _COMMENT.sub("%", text)
    return _SPACES.sub(" ", text).strip(_JS_SPACE_CHARS) or "-"


def task_name(text: str) -> str:
    """A task name that cannot be read as another statement."""
    name = _clean(text)
    return ZWSP + name if _KEYWORD_START.match(name) else name


def actor_name(text: str) -> str:
    """A role name as one actor of the comma-separated actor list."""
    return _clean(text).replace(",", "\u201a")


def emotion_score(emotion: int | None) -> int:
    """Mermaid's 1–5 satisfaction score from our −2…+2 emotion (unknown = neutral 3)."""
    return 3 if emotion is None else emotion + 3


def _sections(store: Store, journey: str, prefix: str = "") -> list[str]:
    lines = []
    for stage in store.stages(journey):
        lines.append(f"    section {_clean(prefix + stage.name)}")
        for role in store.lane_roles(journey):
            for tp in store.touchpoints_in_cell(journey, role.id, stage.id):
                lines.append(f"      {task_name(tp.title)}: {emotion_score(tp.emotion)}: "
                             f"{actor_name(role.name)}")
    return lines


def journey_mermaid(store: Store, journey: str) -> str:
    """One journey as a diagram titled with the journey's name."""
    j = store.journey(journey)
    lines = ["journey", f"    title {_clean(j.name)}", *_sections(store, journey)]
    return "\n".join(lines) + "\n"


def is_markdown(store: Store, journey: str | None = None) -> bool:
    """Whether :func:`project_mermaid` writes Markdown (several journeys, none chosen)."""
    return journey is None and len(store.journeys()) > 1


def _md_heading(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", _clean(text))


def project_mermaid(store: Store, journey: str | None = None) -> str:
    """The diagram of ``journey``; without one, of the project: a project with one journey
    is that journey's diagram; several journeys give Markdown with one fenced block per
    journey (:func:`is_markdown`), each a complete diagram titled with its journey."""
    ids = [journey] if journey else [j.id for j in store.journeys()]
    if len(ids) == 1:
        return journey_mermaid(store, ids[0])
    if not ids:
        return "journey\n    title " + _clean(store.project.title) + "\n"
    out = [f"# {_md_heading(store.project.title or 'journeymap')}", ""]
    for jid in ids:
        out += [f"## {_md_heading(store.journey(jid).name)}", "", "```mermaid",
                journey_mermaid(store, jid).rstrip("\n"), "```", ""]
    return "\n".join(out)


def markdown_blocks(text: str) -> list[str]:
    """The diagrams inside a Markdown document written by :func:`project_mermaid`."""
    return re.findall(r"^```mermaid\n(.*?)\n```$", text, re.MULTILINE | re.DOTALL)
