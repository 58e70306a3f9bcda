"""Survey CSV import for scenario NPS (docs/analyses.md), without Qt.

``read_survey`` decodes and parses the file: UTF-8 with or without BOM, else cp932
(Shift_JIS as Excel writes it in Japan); quoted fields with commas and newlines; CRLF;
delimiter comma, semicolon or tab (``csv.Sniffer`` restricted to those, falling back to
comma). ``match_scores`` maps rows to a journey's touchpoints by exact id or title,
after stripping whitespace and Unicode NFKC normalisation (full-width ``９`` is ``9``,
half-width katakana become full-width) — never fuzzy — and keeps the scores 0–10.
Problems are :class:`SurveyError` with a message for the user.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from journeymap.model.store import Store

DELIMITERS = ",;\t"
MAX_BYTES = 50 * 1024 * 1024


class SurveyError(ValueError):
    """The survey file cannot be used; the message says why, for the user."""


@dataclass
class SurveyTable:
    """A parsed CSV: header names and data rows (each padded/truncated to the header)."""

    columns: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str

    def column_index(self, column: str | int) -> int:
        """Index of a column given by index or name (exact, then normalised)."""
        if isinstance(column, int):
            if 0 <= column < len(self.columns):
                return column
            raise SurveyError(f"there is no column {column + 1}; the file has "
                              f"{len(self.columns)} column(s)")
        if column in self.columns:
            return self.columns.index(column)
        norm = [normalise(c) for c in self.columns]
        if normalise(column) in norm:
            return norm.index(normalise(column))
        raise SurveyError(f"there is no column {column!r}; columns: {', '.join(self.columns)}")


@dataclass(frozen=True)
class SkippedRow:
    line: int  # 1-based data row number (the header is row 0)
    reason: str  # "blank", "non-numeric", "out of range", "not a whole number", ...
    value: str


@dataclass
class SurveyImport:
    """Result of matching a table to a journey's touchpoints.

    ``scores``: touchpoint id → scores found (file order), only matched touchpoints.
    ``skipped``: counts per reason; ``skipped_rows`` the details. ``unmatched``: names
    that match no touchpoint (first-seen order) with their row counts. ``ambiguous``:
    titles shared by several touchpoints of the journey (rows skipped)."""

    journey: str
    scores: dict[str, list[int]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_rows: list[SkippedRow] = field(default_factory=list)
    unmatched: dict[str, int] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    rows: int = 0
    #: labels paired with a touchpoint through the mapping: label → touchpoint id
    mapped: dict[str, str] = field(default_factory=dict)
    #: mapping entries dropped because their touchpoint is gone: label → old id
    dropped_mappings: dict[str, str] = field(default_factory=dict)

    @property
    def matched_rows(self) -> int:
        return sum(len(v) for v in self.scores.values())

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped.values())


def normalise(text: str) -> str:
    """NFKC and surrounding whitespace stripped: what "the same name" means here."""
    return unicodedata.normalize("NFKC", text).strip()


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise SurveyError(f"not a text file: invalid UTF-8 at byte {e.start}") from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError as e:
        raise SurveyError("not a text file: neither UTF-8 nor Shift_JIS "
                          f"(byte {e.start})") from None


def _delimiter(text: str) -> str:
    sample = text[:64 * 1024]
    try:
        d = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        d = ","
    # The Sniffer guesses; a delimiter absent from the header line is a bad guess.
    header = sample.splitlines()[0] if sample else ""
    if d not in header:
        counts = {c: header.count(c) for c in DELIMITERS}
        best = max(counts, key=lambda c: counts[c])
        d = best if counts[best] else ","
    return d


def read_survey(source: str | os.PathLike[str] | bytes) -> SurveyTable:
    """Read a survey CSV from a path or bytes. Raises :class:`SurveyError` for binary
    or undecodable files, an empty file, or a file with a header but no data rows."""
    if isinstance(source, bytes | bytearray):
        raw = bytes(source)
    else:
        path = Path(source)
        try:
            st = path.stat()
            # A named pipe or a device would block the read (or never end): refuse it.
            if not stat.S_ISREG(st.st_mode):
                raise SurveyError(f"{path} is not a regular file (a folder, pipe or device)")
            if st.st_size > MAX_BYTES:
                raise SurveyError(f"the file is too large for a survey ({st.st_size:,} "
                                  f"bytes; the limit is {MAX_BYTES:,})")
            raw = path.read_bytes()
        except OSError as e:
            raise SurveyError(f"cannot read {path}: {e.strerror or e}") from None
    if b"\x00" in raw[:8192]:
        raise SurveyError("not a CSV file: it contains binary data")
    text, encoding = _decode(raw)
    if not text.strip():
        raise SurveyError("the file is empty")
    delimiter = _delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                                  strict=False))
    except csv.Error as e:
        raise SurveyError(f"not a readable CSV file: {e}") from None
    records = [r for r in records if any(c.strip() for c in r)]
    if not records:
        raise SurveyError("the file is empty")
    header = [c.strip() for c in records[0]]
    width = len(header)
    rows = [(r + [""] * width)[:width] if len(r) != width else r for r in records[1:]]
    if not rows:
        raise SurveyError("the file has a header row but no data rows")
    return SurveyTable(header, rows, encoding, delimiter)


def _parse_score(value: str) -> tuple[int | None, str | None]:
    text = normalise(value)
    if not text:
        return None, "blank"
    try:
        number = float(text)
    except ValueError:
        return None, "non-numeric"
    if number != number or number in (float("inf"), float("-inf")):
        return None, "non-numeric"
    if number != int(number):
        return None, "not a whole number"
    score = int(number)
    if not 0 <= score <= 10:
        return None, "out of range"
    return score, None


def match_scores(store: Store, journey: str, table: SurveyTable,
                 touchpoint_column: str | int, score_column: str | int,
                 mapping: dict[str, str] | None = None) -> SurveyImport:
    """Scores per touchpoint of ``journey``. Columns by name or 0-based index.

    ``mapping`` pairs survey labels that differ from the card titles with touchpoint
    ids (label → id; labels compared normalised); it is consulted first. An entry whose
    touchpoint is no longer in the journey is dropped and listed in
    ``dropped_mappings`` (its rows then match by id or title, or stay unmatched).

    Rows are skipped (and counted per reason) when the touchpoint name is blank, the
    score is blank, non-numeric, not a whole number, or outside 0–10, or the name is a
    title shared by several touchpoints. Names matching nothing are listed in
    ``unmatched``. Raises :class:`SurveyError` when a column does not exist, both
    columns are the same, or the score column holds no usable score at all."""
    if journey not in store.tables["journey"]:
        raise SurveyError(f"there is no journey {journey!r}")
    ti = table.column_index(touchpoint_column)
    si = table.column_index(score_column)
    if ti == si:
        raise SurveyError("the touchpoint column and the score column must differ")
    by_id: dict[str, str] = {}
    by_title: dict[str, list[str]] = {}
    for tp in store.touchpoints(journey):
        by_id[normalise(tp.id)] = tp.id
        by_title.setdefault(normalise(tp.title), []).append(tp.id)

    result = SurveyImport(journey)
    pairs: dict[str, str] = {}
    for label, tp_id in (mapping or {}).items():
        if tp_id in by_id.values():
            pairs[normalise(label)] = tp_id
        else:
            result.dropped_mappings[label] = tp_id
    skipped: Counter[str] = Counter()
    usable = 0
    for n, row in enumerate(table.rows, 1):
        result.rows += 1
        name = normalise(row[ti])
        score, reason = _parse_score(row[si])
        if score is not None:
            usable += 1
        if not name:
            reason = "blank touchpoint"
        if reason is not None:
            skipped[reason] += 1
            result.skipped_rows.append(SkippedRow(n, reason, row[si] if name else row[ti]))
            continue
        assert score is not None
        if name in pairs:
            tp_id = pairs[name]
            result.mapped[name] = tp_id
        elif name in by_id:
            tp_id = by_id[name]
        elif len(by_title.get(name, ())) == 1:
            tp_id = by_title[name][0]
        elif name in by_title:
            result.ambiguous[name] = by_title[name]
            skipped["ambiguous touchpoint"] += 1
            result.skipped_rows.append(SkippedRow(n, "ambiguous touchpoint", row[ti]))
            continue
        else:
            result.unmatched[name] = result.unmatched.get(name, 0) + 1
            skipped["unmatched touchpoint"] += 1
            result.skipped_rows.append(SkippedRow(n, "unmatched touchpoint", row[ti]))
            continue
        result.scores.setdefault(tp_id, []).append(score)
    if usable == 0:
        raise SurveyError(f"column {table.columns[si]!r} holds no usable score "
                          "(whole numbers 0–10)")
    result.skipped = dict(skipped)
    return result


def suggest_touchpoints(store: Store, journey: str, label: str, n: int = 3,
                        cutoff: float = 0.3) -> list[tuple[str, float]]:
    """Touchpoints of ``journey`` whose titles resemble ``label``, most similar first:
    (touchpoint id, similarity 0–1 by difflib's ratio on normalised, case-folded text).
    Suggestions only: a person confirms each pairing."""
    import difflib

    want = normalise(label).casefold()
    scored = []
    for tp in store.touchpoints(journey):
        title = normalise(tp.title).casefold()
        m = difflib.SequenceMatcher(None, want, title)
        ratio = m.ratio()
        if want and title and (want in title or title in want):
            ratio = max(ratio, 0.6)
        if ratio >= cutoff:
            scored.append((tp.id, ratio))
    scored.sort(key=lambda x: -x[1])
    return scored[:n]


def parse_mapping(store: Store, journey: str, pairs: list[str]) -> dict[str, str]:
    """``LABEL=TOUCHPOINT`` arguments (the touchpoint by id or exact title of the
    journey; the last ``=`` separates, so a label may hold one) as label → id.
    SurveyError names the first pair that is malformed or points at no touchpoint."""
    out: dict[str, str] = {}
    tps = store.touchpoints(journey)
    by_id = {tp.id: tp.id for tp in tps}
    by_title: dict[str, list[str]] = {}
    for tp in tps:
        by_title.setdefault(normalise(tp.title), []).append(tp.id)
    for pair in pairs:
        label, sep, target = pair.rpartition("=")
        if not sep or not normalise(label) or not normalise(target):
            raise SurveyError(f"--map {pair!r}: write it as LABEL=TOUCHPOINT")
        target = normalise(target)
        if target in by_id:
            out[normalise(label)] = by_id[target]
        elif len(by_title.get(target, ())) == 1:
            out[normalise(label)] = by_title[target][0]
        elif target in by_title:
            raise SurveyError(f"--map {pair!r}: several touchpoints are titled {target!r}; "
                              "give the touchpoint's id")
        else:
            raise SurveyError(f"--map {pair!r}: no touchpoint {target!r} in this journey")
    return out


def remembered_pairs(store: Store, journey: str) -> dict[str, str]:
    """The survey label → touchpoint pairings remembered in the project for ``journey``
    (the ``survey_label`` rows; labels normalised)."""
    return {r.label: r.touchpoint for r in store.tables["survey_label"].values()  # type: ignore[attr-defined]
            if r.journey == journey}  # type: ignore[attr-defined]


def survey_edit(store: Store, result: SurveyImport, mode: str = "append", *,
                remember: bool = True, forget: Iterable[str] = ()):  # -> Edit
    """One undoable edit that stores the imported scores on the touchpoints.

    ``mode="append"`` adds the scores to those already there; ``"replace"`` replaces
    them (only for touchpoints that got scores). With ``remember`` the same edit keeps
    the pairings used (``result.mapped``) in the project for the next import and
    forgets remembered ones whose touchpoint is gone (``dropped_mappings``) and the
    labels in ``forget`` (pairings a person removed). Uses ``model.edits``
    (set_fields + combine), imported here so this module stays usable without it."""
    from journeymap.model import edits

    if mode not in ("append", "replace"):
        raise ValueError(f"mode must be 'append' or 'replace', not {mode!r}")
    parts = []
    for tp_id, scores in result.scores.items():
        old = store.touchpoint(tp_id).scores
        new = (*old, *scores) if mode == "append" else tuple(scores)
        if new != old:
            parts.append(edits.set_fields(store, "touchpoint", tp_id, scores=new))
    if remember:
        known = remembered_pairs(store, result.journey)
        gone = [normalise(k) for k in (*result.dropped_mappings, *forget)]
        parts.append(edits.remember_survey_labels(
            store, result.journey, result.mapped, [k for k in gone if k in known]))
    label = "Import survey scores"
    return edits.combine(label, parts)


__all__ = [
    "SkippedRow", "SurveyError", "SurveyImport", "SurveyTable", "match_scores", "normalise",
    "parse_mapping", "read_survey", "remembered_pairs", "suggest_touchpoints", "survey_edit",
]
