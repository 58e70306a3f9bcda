"""Range and format checks of single rows. Errors name the field; nothing is clamped."""

from __future__ import annotations

import math
import re
from datetime import date

from journeymap.model.rows import (
    Action,
    Channel,
    Dimension,
    DimensionKind,
    Influence,
    PainPoint,
    ProjectInfo,
    Role,
    Row,
    Status,
    Touchpoint,
)

MAX_TEXT = 1_000_000  # characters; a 100 kB description is fine, a 10 MB one is absurd
MAX_SHORT_TEXT = 10_000
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
LANGUAGES = ("en", "ja")


class ValidationError(ValueError):
    """A value is out of range or malformed. ``field`` names it (e.g. ``severity``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def check_int(field: str, value: object, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"must be a whole number from {lo} to {hi}, got {value!r}")
    if not lo <= value <= hi:
        raise ValidationError(field, f"must be from {lo} to {hi}, got {value}")


def check_number(field: str, value: object, lo: float | None = None,
                 hi: float | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(field, f"must be a number, got {value!r}")
    if lo is not None and value < lo or hi is not None and value > hi:
        raise ValidationError(field, f"must be from {lo} to {hi}, got {value}")


def check_text(field: str, value: object, *, required: bool = False,
               limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str):
        raise ValidationError(field, f"must be text, got {type(value).__name__}")
    if required and not value.strip():
        raise ValidationError(field, "must not be empty")
    if len(value) > limit:
        raise ValidationError(field, f"is too long ({len(value):,} characters, at most {limit:,})")
    if "\x00" in value:
        raise ValidationError(field, "must not contain NUL characters")


def check_choice(field: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValidationError(field, f"must be one of {', '.join(choices)}, got {value!r}")


def check_date(field: str, value: object) -> None:
    if value is None:
        return
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"must be a date YYYY-MM-DD or empty, got {value!r}") from None


def check_row(row: Row) -> None:
    """Raise :class:`ValidationError` when a field of ``row`` is out of range."""
    check_text("id", row.id, required=True, limit=200)
    match row:
        case ProjectInfo():
            check_text("title", row.title, limit=MAX_SHORT_TEXT)
            check_text("client", row.client, limit=MAX_SHORT_TEXT)
            check_choice("language", row.language, LANGUAGES)
            check_number("vote_weight", row.vote_weight, 0.0, 10.0)
        case Dimension():
            check_text("name", row.name, required=True, limit=MAX_SHORT_TEXT)
            check_choice("kind", row.kind, tuple(k.value for k in DimensionKind))
            if row.weight is not None:
                check_number("weight", row.weight, 0.0, 10.0)
        case Role():
            check_text("name", row.name, required=True, limit=MAX_SHORT_TEXT)
            if not isinstance(row.color, str) or not _COLOR.match(row.color):
                raise ValidationError("color", f"must be a colour like #3465a4, got {row.color!r}")
            check_int("default_influence", row.default_influence, 0, 5)
            check_text("description", row.description)
        case Influence():
            check_int("weight", row.weight, 0, 5)
        case Touchpoint():
            check_text("title", row.title, required=True, limit=MAX_SHORT_TEXT)
            check_text("description", row.description)
            check_choice("channel", row.channel, tuple(c.value for c in Channel))
            check_text("channel_detail", row.channel_detail, limit=MAX_SHORT_TEXT)
            if row.emotion is not None:
                check_int("emotion", row.emotion, -2, 2)
            for i, s in enumerate(row.scores):
                check_int(f"scores[{i}]", s, 0, 10)
            for i, m in enumerate(row.metrics):
                check_text(f"metrics[{i}].name", m.name, required=True, limit=MAX_SHORT_TEXT)
                check_number(f"metrics[{i}].value", m.value)
                check_text(f"metrics[{i}].unit", m.unit, limit=MAX_SHORT_TEXT)
        case PainPoint():
            check_text("title", row.title, required=True, limit=MAX_SHORT_TEXT)
            check_int("severity", row.severity, 1, 5)
            check_int("frequency", row.frequency, 1, 5)
            check_text("dimension", row.dimension, required=True, limit=200)
            check_text("evidence", row.evidence)
        case Action():
            check_text("title", row.title, required=True, limit=MAX_SHORT_TEXT)
            check_int("effort", row.effort, 1, 5)
            check_text("owner", row.owner, limit=MAX_SHORT_TEXT)
            check_choice("status", row.status, tuple(s.value for s in Status))
            check_date("due", row.due)
        case _:
            for name in ("name", "label", "participant"):
                value = getattr(row, name, None)
                if value is not None:
                    check_text(name, value, limit=MAX_SHORT_TEXT)
