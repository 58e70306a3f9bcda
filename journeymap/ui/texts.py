"""Translated names of the model's words: channels, statuses, fields, edit labels, errors.

The model speaks English (labels of edits, messages of ValidationError); the UI shows
them through Qt's translation functions. Every literal is written out in a
``QCoreApplication.translate`` call so ``pyside6-lupdate`` can collect it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from journeymap.model.edits import EditError
from journeymap.model.validation import ValidationError


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("texts", text, None, n)


def channel_names() -> dict[str, str]:
    return {
        "digital": QCoreApplication.translate("texts", "Digital"),
        "human": QCoreApplication.translate("texts", "Human"),
        "physical": QCoreApplication.translate("texts", "Physical"),
    }


def status_names() -> dict[str, str]:
    return {
        "idea": QCoreApplication.translate("texts", "Idea"),
        "planned": QCoreApplication.translate("texts", "Planned"),
        "doing": QCoreApplication.translate("texts", "Doing"),
        "done": QCoreApplication.translate("texts", "Done"),
        "dropped": QCoreApplication.translate("texts", "Dropped"),
    }


def emotion_names() -> dict[int | None, str]:
    return {
        None: QCoreApplication.translate("texts", "Not set"),
        -2: QCoreApplication.translate("texts", "−2  Very unhappy"),
        -1: QCoreApplication.translate("texts", "−1  Unhappy"),
        0: QCoreApplication.translate("texts", "0  Neutral"),
        1: QCoreApplication.translate("texts", "+1  Happy"),
        2: QCoreApplication.translate("texts", "+2  Very happy"),
    }


def field_names() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "title": translate("texts", "Title"), "name": translate("texts", "Name"),
        "description": translate("texts", "Description"), "channel": translate("texts", "Channel"),
        "channel_detail": translate("texts", "Channel detail"), "emotion": translate("texts", "Emotion"),
        "scores": translate("texts", "Survey scores"), "metrics": translate("texts", "Metrics"),
        "severity": translate("texts", "Severity"), "frequency": translate("texts", "Frequency"),
        "dimension": translate("texts", "Dimension"), "evidence": translate("texts", "Evidence"),
        "effort": translate("texts", "Effort"), "owner": translate("texts", "Owner"),
        "status": translate("texts", "Status"), "due": translate("texts", "Due"),
        "color": translate("texts", "Colour"), "default_influence": translate("texts", "Default influence"),
        "weight": translate("texts", "Influence"), "phase": translate("texts", "Phase"),
        "stage": translate("texts", "Stage"), "role": translate("texts", "Role"),
        "value": translate("texts", "Value"), "unit": translate("texts", "Unit"),
        "profile": translate("texts", "Profile"), "goals": translate("texts", "Goals"),
        "criteria": translate("texts", "Decision criteria"),
        "worries": translate("texts", "Worries"), "quote": translate("texts", "Quote"),
        "headcount": translate("texts", "Headcount"), "photo": translate("texts", "Photo"),
    }


def field_name(field: str) -> str:
    """``scores[2]`` → "Survey scores (3)", ``metrics[0].value`` → "Metrics (1): Value"."""
    m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", field)
    if not m:
        return field
    names = field_names()
    text = names.get(m[1], m[1])
    if m[2] is not None:
        text += f" ({int(m[2]) + 1})"
    if m[3] is not None:
        text += ": " + names.get(m[3], m[3])
    return text


# Validation errors by code: code → (template, names of the params for %1, %2, …). The
# model keeps the English message in str(err); these are what the user reads.
def _code_templates() -> dict[str, tuple[str, tuple[str, ...]]]:
    translate = QCoreApplication.translate
    return {
        "not_int": (translate("texts", "must be a whole number from %1 to %2 (not %3)"),
                    ("lo", "hi", "value")),
        "out_of_range": (translate("texts", "must be from %1 to %2 (not %3)"),
                         ("lo", "hi", "value")),
        "not_number": (translate("texts", "must be a number (not %1)"), ("value",)),
        "empty": (translate("texts", "must not be empty"), ()),
        "too_long": (translate("texts", "is too long (%1 characters, at most %2)"),
                     ("length", "limit")),
        "not_date": (translate("texts", "must be a date YYYY-MM-DD or empty (not %1)"),
                     ("value",)),
        "not_color": (translate("texts", "must be a colour like %1 (not %2)"),
                      ("example", "value")),
        "not_image": (translate("texts", "is not a usable PNG or JPEG picture (%1)"),
                      ("message",)),
        "image_too_large": (translate("texts", "is too large (%1 %2, at most %3)"),
                            ("size", "unit", "limit")),
    }


_PARAM_DEFAULTS = {"example": "#3465a4"}


def _param(params: dict, name: str) -> str:
    value = params.get(name, _PARAM_DEFAULTS.get(name, ""))
    if name == "unit":
        units = {"bytes": QCoreApplication.translate("texts", "bytes"),
                 "pixels": QCoreApplication.translate("texts", "pixels")}
        return units.get(str(value), str(value))
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _by_code(exc: ValidationError) -> str | None:
    """The message of a structured error (``code`` and ``params``) in the interface
    language; None when the error has no code this table knows."""
    code = getattr(exc, "code", None)
    params = getattr(exc, "params", None)
    found = _code_templates().get(code) if isinstance(code, str) else None
    if found is None or not isinstance(params, dict):
        return None
    template, names = found
    if any(n not in params and n not in _PARAM_DEFAULTS for n in names):
        return None
    text = template
    for i, name in enumerate(names, 1):
        text = text.replace(f"%{i}", _param(params, name))
    return text


# Errors without a code (older model code, free-text messages): the English message as
# the model wrote it, translated where its wording is known.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"must be from (\S+) to (\S+), got (.+)"),
     "must be from %1 to %2 (not %3)"),
    (re.compile(r"must be a whole number from (\S+) to (\S+), got (.+)"),
     "must be a whole number from %1 to %2 (not %3)"),
    (re.compile(r"must not be empty"), "must not be empty"),
    (re.compile(r"must be a number, got (.+)"), "must be a number (not %1)"),
    (re.compile(r"must be a date YYYY-MM-DD or empty, got (.+)"),
     "must be a date YYYY-MM-DD or empty (not %1)"),
    (re.compile(r"must be a colour like (\S+), got (.+)"), "must be a colour like %1 (not %2)"),
    (re.compile(r"is too long \((.+)\)"), "is too long (%1)"),
]


def _message(message: str) -> str:
    for pattern, template in _PATTERNS:
        m = pattern.fullmatch(message)
        if m:
            # Literal templates above are also listed in _catalogue for lupdate.
            text = _t(template)
            for i, g in enumerate(m.groups(), 1):
                text = text.replace(f"%{i}", g)
            return text
    return message


def _catalogue() -> None:  # pragma: no cover - only for pyside6-lupdate
    translate = QCoreApplication.translate
    translate("texts", "is too long (%1)")


def error_text(exc: BaseException, field: str | None = None) -> str:
    """A refused edit, as one line for the user in the interface language. A
    :class:`ValidationError` is translated by its ``code`` (and ``params``); without one,
    by its English message; ``field`` replaces the name of its field (e.g. a dialog's
    own label)."""
    if isinstance(exc, ValidationError):
        name = field if field is not None else field_name(exc.field)
        message = _by_code(exc) or _message(exc.message)
        return QCoreApplication.translate("texts", "%1 %2").replace("%1", name) \
            .replace("%2", message)
    if isinstance(exc, EditError):
        return str(exc)[:1].upper() + str(exc)[1:]
    return str(exc)


def invalid_number(field: str, text: str, lo: int | None = None, hi: int | None = None) -> str:
    """Message for text that is not a number at all."""
    translate = QCoreApplication.translate
    if lo is not None and hi is not None:
        msg = translate("texts", "%1 must be a whole number from %2 to %3 (not %4)")
        return (msg.replace("%1", field_name(field)).replace("%2", str(lo))
                .replace("%3", str(hi)).replace("%4", repr(text)))
    return translate("texts", "%1 must be a number (not %2)").replace(
        "%1", field_name(field)).replace("%2", repr(text))


_LABELS_PLURAL = re.compile(r"(Move|Delete|Paste) (\d+) (touchpoints|\w[\w ]*?s)$")


def edit_label(label: str) -> str:
    """The undo-stack text of an edit label, translated where known."""
    translate = QCoreApplication.translate
    known = {
        "Add journey": translate("edits", "Add journey"), "Add phase": translate("edits", "Add phase"),
        "Add stage": translate("edits", "Add stage"), "Add role": translate("edits", "Add role"),
        "Add lane": translate("edits", "Add lane"), "Set influence": translate("edits", "Set influence"),
        "Add touchpoint": translate("edits", "Add touchpoint"),
        "Add pain point": translate("edits", "Add pain point"),
        "Move touchpoint": translate("edits", "Move touchpoint"),
        "Add handoff": translate("edits", "Add handoff"), "Add action": translate("edits", "Add action"),
        "Link action": translate("edits", "Link action"),
        "Unlink action": translate("edits", "Unlink action"), "Vote": translate("edits", "Vote"),
        "Paste touchpoint": translate("edits", "Paste touchpoint"), "Reorder": translate("edits", "Reorder"),
        "Delete touchpoint": translate("edits", "Delete touchpoint"),
        "Delete pain point": translate("edits", "Delete pain point"),
        "Delete stage": translate("edits", "Delete stage"), "Delete role": translate("edits", "Delete role"),
        "Delete phase": translate("edits", "Delete phase"),
        "Delete journey": translate("edits", "Delete journey"),
        "Delete action": translate("edits", "Delete action"),
        "Delete lane": translate("edits", "Delete lane"),
        "Edit persona": translate("edits", "Edit persona"),
        "Set persona photo": translate("edits", "Set persona photo"),
        "Remove persona photo": translate("edits", "Remove persona photo"),
        "Remove persona": translate("edits", "Remove persona"),
        "Make to-be journey": translate("edits", "Make to-be journey"),
        "Unlink to-be journey": translate("edits", "Unlink to-be journey"),
    }
    if label in known:
        return known[label]
    m = _LABELS_PLURAL.fullmatch(label)
    if m and m[3] == "touchpoints":
        n = int(m[2])
        if m[1] == "Move":
            return translate("edits", "Move %n touchpoints", None, n)
        if m[1] == "Delete":
            return translate("edits", "Delete %n touchpoints", None, n)
        return translate("edits", "Paste %n touchpoints", None, n)
    m = re.fullmatch(r"Edit (.+)", label)
    if m:
        fields = ", ".join(field_name(f.strip()) for f in m[1].split(","))
        return translate("edits", "Edit %1").replace("%1", fields)
    return label


__all__ = ["channel_names", "edit_label", "emotion_names", "error_text", "field_name",
           "invalid_number", "status_names"]
