"""A checker for Mermaid's ``journey`` syntax, written from its lexer and grammar.

Mermaid (mermaid-js, ``packages/mermaid/src/diagrams/user-journey/parser/journey.jison``;
the rules below are those of the parser compiled into mermaid 11.12) lexes with jison's
default lexer: at each position the rules are tried *in order* and the first that
matches wins (not the longest), case-insensitively; then the grammar is

    start     : journey document EOF
    document  : line*
    line      : statement | NEWLINE
    statement : title | acc_title acc_title_value | acc_descr acc_descr_value
              | acc_descr_multiline_value | section | taskName taskData

and the diagram's database splits ``taskData`` ``": score: actor, actor"`` at ``:`` and
the actors at ``,``. Where mermaid versions differ the stricter rule is kept: ``%%{``
directives (older versions) are refused, ``journey`` is a keyword even inside a word
(newer versions need a word boundary). ``scripts/mermaid_crosscheck.py`` compares this
checker with the real parser. :func:`parse` applies the same rules and returns what Mermaid would
see (title, sections, tasks with score and actors), or raises :class:`MermaidSyntaxError`
where Mermaid would report a parse error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# JavaScript's \s (the lexer is JavaScript), and '.' which excludes line terminators.
JS_SPACE = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
JS_DOT = "[^\n\r\u2028\u2029]"
JS_TRIM = "".join(chr(c) for c in (*range(9, 14), 0x20, 0xA0, 0x1680, *range(0x2000, 0x200B),
                                   0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF))
_FLAGS = re.IGNORECASE | re.ASCII

# (pattern, token or None to skip, state to enter or None)
INITIAL: list[tuple[str, str | None, str | None]] = [
    (r"%%\{", "open_directive", None),
    (r"%(?!\{)[^\n]*", None, None),  # one % starts a comment (the source says \%%)
    (r"[^}]%%[^\n]*", None, None),
    (r"\n+", "NEWLINE", None),
    (JS_SPACE + "+", None, None),
    (r"#[^\n]*", None, None),
    (r"journey", "journey", None),
    (r"title" + JS_SPACE + r"[^#\n;]+", "title", None),
    (r"accTitle" + JS_SPACE + r"*:" + JS_SPACE + "*", "acc_title", "acc_title"),
    (r"accDescr" + JS_SPACE + r"*:" + JS_SPACE + "*", "acc_descr", "acc_descr"),
    (r"accDescr" + JS_SPACE + r"*\{" + JS_SPACE + "*", None, "acc_descr_multiline"),
    (r"section" + JS_SPACE + r"[^#:\n;]+", "section", None),
    (r"[^#:\n;]+", "taskName", None),
    (r":[^#\n;]+", "taskData", None),
    (r":", ":", None),
    (JS_DOT, "INVALID", None),
]
# The grammar's ``(?!\n|;|#)*[^\n]*`` for the acc values: a repeated lookahead matches
# empty, so it is ``[^\n]*``.
STATES: dict[str, list[tuple[str, str | None, str | None]]] = {
    "INITIAL": INITIAL,
    "acc_title": [(r"[^\n]*", "acc_title_value", "INITIAL")],
    "acc_descr": [(r"[^\n]*", "acc_descr_value", "INITIAL")],
    "acc_descr_multiline": [(r"[}]", None, "INITIAL"),
                            (r"[^}]*", "acc_descr_multiline_value", None)],
}
_COMPILED = {state: [(re.compile(p, _FLAGS), tok, nxt) for p, tok, nxt in rules]
             for state, rules in STATES.items()}


class MermaidSyntaxError(ValueError):
    pass


@dataclass
class Task:
    section: str
    name: str
    score: float
    people: list[str]


@dataclass
class Diagram:
    title: str | None = None
    sections: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


def tokens(text: str) -> list[tuple[str, str]]:
    """The lexer's tokens of ``text`` (jison: first matching rule wins)."""
    out, pos, state = [], 0, "INITIAL"
    while pos < len(text):
        for rx, tok, nxt in _COMPILED[state]:
            m = rx.match(text, pos)
            if m is None or (not m.group(0) and tok is None):
                continue
            if tok is not None:
                out.append((tok, m.group(0)))
            if nxt is not None:
                state = nxt
            pos = m.end() if m.end() > pos else pos + 1
            break
        else:
            raise MermaidSyntaxError(f"no rule matches at {pos}: {text[pos:pos + 20]!r}")
    out.append(("EOF", ""))
    return out


def parse(text: str) -> Diagram:
    """What Mermaid reads from ``text``; MermaidSyntaxError where it would fail."""
    # Mermaid's own preprocessing: CRLF to LF (the text given here should have none).
    toks = tokens(text.replace("\r\n", "\n"))
    if toks[0][0] != "journey":
        raise MermaidSyntaxError(f"the diagram must start with 'journey', not {toks[0]}")
    d = Diagram()
    section = ""
    i = 1
    while toks[i][0] != "EOF":
        kind, value = toks[i]
        if kind == "NEWLINE":
            i += 1
        elif kind == "title":
            d.title = value[6:]
            i += 1
        elif kind == "section":
            section = value[8:]
            d.sections.append(section)
            i += 1
        elif kind in ("acc_title", "acc_descr") and toks[i + 1][0] == kind + "_value":
            i += 2
        elif kind == "acc_descr_multiline_value":
            i += 1
        elif kind == "taskName" and toks[i + 1][0] == "taskData":
            pieces = toks[i + 1][1][1:].split(":")
            people = ([p.strip(JS_TRIM) for p in pieces[1].split(",")]
                      if len(pieces) > 1 else [])
            try:
                score = float(pieces[0])
            except ValueError:
                score = float("nan")
            d.tasks.append(Task(section, value, score, people))
            i += 2
        else:
            raise MermaidSyntaxError(f"unexpected {kind} {value!r} (token {i})")
    return d
