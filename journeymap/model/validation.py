"""Range, type and format checks of single rows: the one check every row passes, whether it
comes from an edit, the JSON import or a .jmap file. Errors name the field; nothing is clamped.

Errors are structured: a :class:`ValidationError` carries ``field``, a ``code`` and its
``params``; :func:`render` turns code and params into the English message, which is also
``str(err)`` (``"field: message"``), so a UI can translate by code instead of matching text.

Codes and their params (the English template in :data:`MESSAGES`):

==================  ===============================  ===========================================
code                params                           meaning
==================  ===============================  ===========================================
``not_int``         lo, hi, value                    not a whole number (text, float, NULL, …)
``out_of_range``    lo, hi, value                    a number outside ``lo``..``hi``
``not_number``      value                            not a finite number
``not_text``        type                             not text (a number, NULL, bytes, …)
``empty``                                            required text is empty
``too_long``        length, limit                    longer than the field's limit
``nul``                                              text holds a NUL character
``not_choice``      choices, value                   not one of the allowed words
``not_date``        value                            not a date ``YYYY-MM-DD``
``not_color``       value                            not a colour ``#rrggbb``
``not_list``        value                            not a JSON list (scores, metrics)
``dangling``        value, what                      refers to a row that does not exist
``duplicate``       value, other                     an id used twice
``bad_key``         value, expected                  a derived key that does not match its parts
``not_image``       message                          a persona photo that is not a usable PNG/JPEG
``image_too_large`` size, limit, unit                a photo over the byte or pixel limit
``invalid``         message                          anything else (free text)
==================  ===============================  ===========================================

Values in messages go through :func:`shown`: repr (control characters escaped) cut to 60
characters, so a message is one short line whatever the input.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from journeymap.model.rows import (
    Action,
    ActionLink,
    Channel,
    Dimension,
    DimensionKind,
    Handoff,
    Influence,
    Journey,
    Lane,
    Metric,
    PainPoint,
    Persona,
    Phase,
    ProjectInfo,
    Role,
    Row,
    Stage,
    Status,
    SurveyLabel,
    Touchpoint,
    Vote,
)

MAX_TEXT = 1_000_000  # characters; a 100 kB description is fine, a 10 MB one is absurd
MAX_SHORT_TEXT = 10_000
MAX_ID = 200  # ids the user sees (and references to them)
MAX_KEY = 1_000  # derived keys of lanes, influences, action links (several ids encoded)
MAX_LIST = 1_000  # scores / metrics of one touchpoint
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_CHAR = re.compile("[\x00\ud800-\udfff]")
LANGUAGES = ("en", "ja")
MAX_HEADCOUNT = 1_000_000
MAX_PERSONA_ITEMS = 100  # goals, criteria, worries of one persona
MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_PHOTO_PIXELS = 16_000_000
PHOTO_FORMATS = ("PNG", "JPEG")

MESSAGES: dict[str, str] = {
    "not_int": "must be a whole number from {lo} to {hi}, got {value}",
    "out_of_range": "must be from {lo} to {hi}, got {value}",
    "not_number": "must be a number, got {value}",
    "not_text": "must be text, got {type}",
    "empty": "must not be empty",
    "too_long": "is too long ({length:,} characters, at most {limit:,})",
    "nul": "must not contain NUL characters",
    "not_choice": "must be one of {choices}, got {value}",
    "not_date": "must be a date YYYY-MM-DD or empty, got {value}",
    "not_color": "must be a colour like #3465a4, got {value}",
    "not_list": "must be a list, got {value}",
    "dangling": "{value} is not the id of {what}",
    "duplicate": "duplicate id {value} (also {other})",
    "bad_key": "is {value}, expected {expected}",
    "not_image": "is not a usable PNG or JPEG picture ({message})",
    "image_too_large": "is too large ({size:,} {unit}, at most {limit:,})",
    "invalid": "{message}",
}


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` for a message: control characters escaped, at most ``limit`` chars."""
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]
        text = repr(value)
        return text[:limit] + "…"
    if isinstance(value, bytes):
        return f"binary data ({len(value):,} bytes)"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return "a number with too many digits"
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def render(code: str, params: dict[str, Any]) -> str:
    """The English message of ``code`` with ``params`` (``value`` params pre-shown)."""
    template = MESSAGES.get(code, "{message}")
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return params.get("message", code)


class ValidationError(ValueError):
    """A value is out of range or malformed. ``field`` names it (e.g. ``severity``);
    ``code`` and ``params`` describe it (see the module docstring); ``message`` is English.

    ``ValidationError(field, message)`` still works (code ``invalid``)."""

    def __init__(self, field: str, message: str | None = None, *, code: str = "invalid",
                 params: dict[str, Any] | None = None) -> None:
        params = dict(params or {})
        if message is None:
            message = render(code, params)
        else:
            params.setdefault("message", message)
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code
        self.params = params

    @classmethod
    def of(cls, field: str, code: str, **params: Any) -> ValidationError:
        # Values are shown (repr, escaped, cut) once, here, so every renderer gets safe text.
        if "value" in params:
            params["value"] = shown(params["value"])
        return cls(field, code=code, params=params)


def check_int(field: str, value: object, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.of(field, "not_int", lo=lo, hi=hi, value=value)
    if not lo <= value <= hi:
        raise ValidationError.of(field, "out_of_range", lo=lo, hi=hi, value=value)


def check_number(field: str, value: object, lo: float | None = None,
                 hi: float | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError.of(field, "not_number", value=value)
    if isinstance(value, int) and abs(value) > 10**15 or not math.isfinite(value):
        raise ValidationError.of(field, "not_number", value=value)
    if lo is not None and value < lo or hi is not None and value > hi:
        raise ValidationError.of(field, "out_of_range", lo=lo, hi=hi, value=value)


def check_text(field: str, value: object, *, required: bool = False,
               limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str):
        kind = "nothing (NULL)" if value is None else type(value).__name__
        raise ValidationError.of(field, "not_text", type=kind)
    if required and not value.strip():
        raise ValidationError.of(field, "empty")
    if len(value) > limit:
        raise ValidationError.of(field, "too_long", length=len(value), limit=limit)
    if "\x00" in value:
        raise ValidationError.of(field, "nul")
    if _SURROGATE.search(value):
        # Cannot be written as UTF-8 (SQLite, JSON export): a lone UTF-16 half.
        raise ValidationError.of(field, "invalid", message="contains an invalid character "
                                 "(a lone surrogate)")


def check_choice(field: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValidationError.of(field, "not_choice", choices=", ".join(choices), value=value)


def check_date(field: str, value: object) -> None:
    if value is None:
        return
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError.of(field, "not_date", value=value) from None


def check_color(field: str, value: object) -> None:
    if not isinstance(value, str) or not _COLOR.match(value):
        raise ValidationError.of(field, "not_color", value=value)


def _scores(field: str, value: object) -> None:
    if not isinstance(value, tuple | list):
        raise ValidationError.of(field, "not_list", value=value)
    if len(value) > MAX_LIST:
        raise ValidationError.of(field, "too_long", length=len(value), limit=MAX_LIST)
    for i, s in enumerate(value):
        check_int(f"{field}[{i}]", s, 0, 10)


def _metrics(field: str, value: object) -> None:
    if not isinstance(value, tuple | list):
        raise ValidationError.of(field, "not_list", value=value)
    if len(value) > MAX_LIST:
        raise ValidationError.of(field, "too_long", length=len(value), limit=MAX_LIST)
    for i, m in enumerate(value):
        if not isinstance(m, Metric):
            raise ValidationError.of(f"{field}[{i}]", "invalid", message="must be a metric")
        check_text(f"{field}[{i}].name", m.name, required=True, limit=MAX_SHORT_TEXT)
        check_number(f"{field}[{i}].value", m.value)
        check_text(f"{field}[{i}].unit", m.unit, limit=MAX_SHORT_TEXT)


def _texts(field: str, value: object) -> None:
    """A persona list: at most MAX_PERSONA_ITEMS non-empty one-line texts."""
    if not isinstance(value, tuple | list):
        raise ValidationError.of(field, "not_list", value=value)
    if len(value) > MAX_PERSONA_ITEMS:
        raise ValidationError.of(field, "too_long", length=len(value), limit=MAX_PERSONA_ITEMS)
    for i, item in enumerate(value):
        check_text(f"{field}[{i}]", item, required=True, limit=MAX_SHORT_TEXT)
        if "\n" in item or "\r" in item:  # type: ignore[operator]
            raise ValidationError.of(f"{field}[{i}]", "invalid",
                                     message="must be one line (one item per line)")


def photo_problem(data: bytes) -> tuple[str, dict[str, Any]] | None:
    """Why ``data`` is not an acceptable persona photo (code, params), or None.

    Limits are checked before any pixel is decoded: the byte size first, then the
    width × height stated in the header (Pillow's ``Image.open`` reads only the
    header), so a decompression bomb is refused without being expanded. Only then is
    the picture decoded in full, which catches truncated or corrupt data."""
    if len(data) > MAX_PHOTO_BYTES:
        return "image_too_large", {"size": len(data), "limit": MAX_PHOTO_BYTES,
                                   "unit": "bytes"}
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        return "not_image", {"message": "not a PNG or JPEG file"}
    return _decoded_problem(data)


@functools.lru_cache(maxsize=32)
def _decoded_problem(data: bytes) -> tuple[str, dict[str, Any]] | None:
    # Cached: an edit of a persona's text re-checks its row, photo included.
    import io
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(PHOTO_FORMATS)) as img:
                width, height = img.size
                if width < 1 or height < 1:
                    return "not_image", {"message": "it has no pixels"}
                if width * height > MAX_PHOTO_PIXELS:
                    return "image_too_large", {"size": width * height,
                                               "limit": MAX_PHOTO_PIXELS, "unit": "pixels"}
                img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "image_too_large", {"size": 0, "limit": MAX_PHOTO_PIXELS, "unit": "pixels"}
    except Exception as e:  # noqa: BLE001 - any decoder failure means "not usable"
        return "not_image", {"message": shown(str(e) or type(e).__name__, 80).strip("'\"")}
    return None


def _photo(field: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, bytes):
        kind = type(value).__name__
        raise ValidationError.of(field, "not_image", message=f"got {kind}, not picture data")
    problem = photo_problem(value)
    if problem is not None:
        raise ValidationError.of(field, problem[0], **problem[1])


Check = Callable[[str, object], None]


@dataclass(frozen=True)
class _Text:
    limit: int = MAX_TEXT
    required: bool = False


@dataclass(frozen=True)
class _Int:
    lo: int
    hi: int
    optional: bool = False


@dataclass(frozen=True)
class _Num:
    lo: float | None = None
    hi: float | None = None
    optional: bool = False

    # For the fast path: bounds that also refuse infinities (NaN fails any comparison).
    @property
    def low(self) -> float:
        return -sys.float_info.max if self.lo is None else self.lo

    @property
    def high(self) -> float:
        return sys.float_info.max if self.hi is None else self.hi


def _text(limit: int = MAX_TEXT, required: bool = False) -> _Text:
    return _Text(limit, required)


def _int(lo: int, hi: int, optional: bool = False) -> _Int:
    return _Int(lo, hi, optional)


def _num(lo: float | None = None, hi: float | None = None, optional: bool = False) -> _Num:
    return _Num(lo, hi, optional)


def _choice(choices: tuple[str, ...]) -> Check:
    return lambda f, v: check_choice(f, v, choices)


_SHORT = _text(MAX_SHORT_TEXT)
_NAME = _text(MAX_SHORT_TEXT, required=True)
_REF = _text(MAX_ID, required=True)
_POS = _num()


def _optional_ref(f: str, v: object) -> None:
    if v is not None:
        check_text(f, v, required=True, limit=MAX_ID)


Rule = _Text | _Int | _Num | Check


@dataclass(frozen=True)
class _Spec:
    key_limit: int
    fields: dict[str, Rule]

    @property
    def plan(self) -> list[tuple[str, Rule, float, float]]:
        out: list[tuple[str, Rule, float, float]] = [("id", _Text(self.key_limit, True), 0, 0)]
        for name, rule in self.fields.items():
            lo, hi = (rule.low, rule.high) if isinstance(rule, _Num) else (0, 0)
            out.append((name, rule, lo, hi))
        return out


# Every field of every row type and its check (a test makes sure no field is missing).
SPECS: dict[type[Row], _Spec] = {
    ProjectInfo: _Spec(MAX_ID, {"title": _SHORT, "client": _SHORT,
                                "language": _choice(LANGUAGES), "vote_weight": _num(0.0, 10.0)}),
    Dimension: _Spec(MAX_ID, {"name": _NAME,
                              "kind": _choice(tuple(k.value for k in DimensionKind)),
                              "weight": _num(0.0, 10.0, optional=True), "position": _POS}),
    Role: _Spec(MAX_ID, {"name": _NAME, "color": check_color,
                         "default_influence": _int(0, 5), "description": _text(),
                         "position": _POS}),
    Persona: _Spec(MAX_ID, {"profile": _text(), "goals": _texts, "criteria": _texts,
                            "worries": _texts, "quote": _SHORT,
                            "headcount": _int(0, MAX_HEADCOUNT, optional=True),
                            "photo": _photo}),
    Journey: _Spec(MAX_ID, {"name": _SHORT, "segment": _SHORT, "description": _text(),
                            "position": _POS, "variant_of": _optional_ref}),
    Phase: _Spec(MAX_ID, {"journey": _REF, "name": _SHORT, "position": _POS}),
    Stage: _Spec(MAX_ID, {"journey": _REF, "name": _SHORT, "phase": _optional_ref,
                          "position": _POS, "variant_of": _optional_ref}),
    Lane: _Spec(MAX_KEY, {"journey": _REF, "role": _REF, "position": _POS}),
    Influence: _Spec(MAX_KEY, {"journey": _REF, "role": _REF, "stage": _REF,
                               "weight": _int(0, 5)}),
    Touchpoint: _Spec(MAX_ID, {
        "journey": _REF, "role": _REF, "stage": _REF, "title": _NAME,
        "description": _text(), "channel": _choice(tuple(c.value for c in Channel)),
        "channel_detail": _SHORT, "emotion": _int(-2, 2, optional=True),
        "scores": _scores, "metrics": _metrics, "position": _POS}),
    PainPoint: _Spec(MAX_ID, {"touchpoint": _REF, "title": _NAME, "severity": _int(1, 5),
                              "frequency": _int(1, 5), "dimension": _REF,
                              "evidence": _text(), "position": _POS}),
    Handoff: _Spec(MAX_KEY, {"journey": _REF, "source": _REF, "target": _REF,
                             "label": _SHORT, "position": _POS}),
    Action: _Spec(MAX_ID, {"title": _NAME, "effort": _int(1, 5), "owner": _SHORT,
                           "status": _choice(tuple(s.value for s in Status)),
                           "due": check_date, "position": _POS}),
    ActionLink: _Spec(MAX_KEY, {"action": _REF, "pain": _REF, "position": _POS}),
    Vote: _Spec(MAX_KEY, {"participant": _SHORT, "target": _REF, "position": _POS}),
    # The id encodes journey and label ("/" and "\\" escaped: at most twice as long).
    SurveyLabel: _Spec(2 * (MAX_ID + MAX_SHORT_TEXT) + 1,
                       {"journey": _REF, "label": _NAME, "touchpoint": _REF}),
}


def _fail(name: str, rule: Rule, value: object) -> None:
    """Run the full check of one value (which raises the structured error)."""
    if isinstance(rule, _Text):
        check_text(name, value, required=rule.required, limit=rule.limit)
    elif isinstance(rule, _Int):
        check_int(name, value, rule.lo, rule.hi)
    elif isinstance(rule, _Num):
        check_number(name, value, rule.lo, rule.hi)
    else:
        rule(name, value)


_PLANS = {row_type: spec.plan for row_type, spec in SPECS.items()}


def check_row(row: Row) -> None:
    """Raise :class:`ValidationError` when a field of ``row`` has the wrong type or is out
    of range (Python types are checked: SQLite columns and JSON values are dynamically
    typed)."""
    # Inline fast paths for valid values (opening a large file checks ~100,000 values);
    # anything else goes through the full check, which raises the error.
    for name, rule, lo, hi in _PLANS[type(row)]:
        v = getattr(row, name)
        kind = type(rule)
        if kind is _Text:
            if (type(v) is str and len(v) <= rule.limit  # type: ignore[union-attr]
                    and (not rule.required or v.strip())  # type: ignore[union-attr]
                    and not _BAD_CHAR.search(v)):
                continue
        elif kind is _Int:
            if type(v) is int and rule.lo <= v <= rule.hi or (  # type: ignore[union-attr]
                    v is None and rule.optional):  # type: ignore[union-attr]
                continue
        elif kind is _Num:
            if type(v) is float and lo <= v <= hi or (
                    v is None and rule.optional):  # type: ignore[union-attr]
                continue
        else:
            rule(name, v)  # type: ignore[operator]
            continue
        _fail(name, rule, v)
