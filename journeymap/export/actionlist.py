"""The prioritised action list (docs/scoring.md, docs/exports.md) as CSV, XLSX and Markdown.

* CSV: UTF-8 with BOM (Excel opens Japanese correctly), one table: actions, then the
  pain points no action addresses, then the actions already done; each part numbers its
  own rows from 1 (the Type column tells the parts apart).
* XLSX: one sheet per list (actions, unaddressed pain points, done); bold frozen header
  row, column widths, wrapped text.

Cells a person reads carry names, never internal ids, and numbers rounded to at most two
decimals. The "Breakdown" cell starts with a word ("severity 4 of 5", "addresses 3 pain
points"), one line per factor, and ends with the result.
* Markdown: a table per list; HTML and Markdown syntax escaped (a ``<script>`` or a
  ``[link](…)`` in a title stays text), pipes escaped, newlines as ``<br>``.

Text cells that a spreadsheet would read as a formula (starting with ``= + - @``, TAB or
CR) get a leading apostrophe in CSV and XLSX. Characters a consumer refuses are replaced
first (:mod:`~journeymap.export.safetext`): XLSX holds only what XML 1.0 allows (a
PowerPoint soft line break becomes a line break), no file gets a lone surrogate or NUL.
Headers follow the project's language.
Every writer is atomic: a temporary file beside the target, fsync, ``os.replace``;
on error no partial file is left and an existing target is untouched.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from journeymap.analysis.content_text import BREAKDOWN_TEXT, EXPORT_TEXT
from journeymap.analysis.scoring import RankedItem, Ranking, num, plural, rank
from journeymap.export.safetext import cut_for_xlsx, encodable, xml_text
from journeymap.model.document import atomic_path
from journeymap.model.store import Store

HEADERS = {
    "en": ["Rank", "Type", "Title", "Priority", "Severity", "Status",
           "Addresses / journey – role – stage", "Breakdown"],
    "ja": ["順位", "種別", "タイトル", "優先度", "深刻度", "状態",
           "対応するペインポイント / ジャーニー・役割・ステージ", "内訳"],
}
TEXT = {
    "en": {"action": "Action", "pain": "Pain point", "done": "Done action",
           "actions": "Actions", "pains": "Unaddressed pain points", "dones": "Done",
           "title": "Action list", "none": "(none)"},
    "ja": {"action": "施策", "pain": "ペインポイント", "done": "完了した施策",
           "actions": "施策", "pains": "未対応のペインポイント", "dones": "完了",
           "title": "施策リスト", "none": "（なし）"},
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMN_WIDTHS = (7, 14, 40, 10, 9, 11, 44, 80)


def _lang(store: Store) -> str:
    return "ja" if store.project.language == "ja" else "en"


def neutralise(value: Any) -> Any:
    """Text that would start a formula gets a leading apostrophe; other values as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def breakdown_text(item: RankedItem, lang: str = "en") -> str:
    """The breakdown in words, one line per factor, starting with a word and ending with
    the result, e.g. ``severity 4 of 5`` … ``→ impact 0.36``; for an action first
    ``addresses 2 pain points (0.36 + 0.26 = 0.62)`` and each pain point's impact."""
    t = BREAKDOWN_TEXT[lang]
    plus = [f for f in item.breakdown if f.op == "+"]
    lines = []
    if item.type == "action":
        if plus:
            impacts = " + ".join(num(f.value) for f in plus)
            if len(plus) > 1:
                impacts += " = " + num(math.fsum(f.value for f in plus))
            lines.append(t["addresses"].format(pains=plural(t, "pain", len(plus)),
                                               impacts=impacts))
            lines += [f"  {f.source}" for f in plus]
        else:
            lines.append(t["addresses_none"])
    lines += [f.source for f in item.breakdown if f.op != "+"]
    result = t["result_action" if item.type == "action" else "result_pain"]
    lines.append("→ " + result.format(v=num(item.priority)))
    return "\n".join(lines)


def status_text(status: str | None, lang: str = "en") -> str:
    """An action's status in words of ``lang`` ("" for none)."""
    if not status:
        return ""
    return EXPORT_TEXT[lang].get(f"status_{status}", status)


def _where(store: Store, item: RankedItem) -> str:
    if item.type == "action":
        pains = store.tables["pain_point"]
        return "\n".join(getattr(pains.get(pid), "title", "") for pid in item.pain_ids)
    names = []
    for table, id in (("journey", item.journey), ("role", item.role), ("stage", item.stage)):
        row = store.tables[table].get(id) if id else None
        names.append(getattr(row, "name", id or ""))
    return " – ".join(names)


def table_rows(store: Store, items: list[RankedItem], lang: str,
               kind: str | None = None) -> list[list[Any]]:
    """Cells of the given rows, in column order (not yet neutralised); ``kind`` names
    the Type column ("done" for the done list; the row's type otherwise)."""
    return [[item.rank, TEXT[lang][kind or item.type], item.title, round(item.priority, 2),
             item.severity, status_text(item.status, lang), _where(store, item),
             breakdown_text(item, lang)]
            for item in items]


def _parts(ranking: Ranking) -> list[tuple[str, list[RankedItem]]]:
    """The lists of an export: (key of TEXT, rows)."""
    return [("actions", ranking.actions), ("pains", ranking.pains), ("dones", ranking.done)]


def _ranking(store: Store, journey: str | None) -> tuple[Ranking, str]:
    lang = _lang(store)
    return rank(store, journey, lang=lang), lang


# -- atomic writing -------------------------------------------------------------------------

def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write(fh)`` on a temp file beside ``path``, then fsync and rename it over
    ``path`` (:func:`~journeymap.model.document.atomic_path`); on any error ``path`` is
    left as it was and a DocumentError says why."""
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        write(fh)
    return Path(path)


# -- CSV ------------------------------------------------------------------------------------

def csv_text(store: Store, journey: str | None = None) -> str:
    """The CSV document as text (without BOM): header, actions, unaddressed pains."""
    ranking, lang = _ranking(store, journey)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADERS[lang])
    for key, items in _parts(ranking):
        kind = "done" if key == "dones" else None
        for row in table_rows(store, items, lang, kind):
            w.writerow([neutralise(encodable(c) if isinstance(c, str) else c) for c in row])
    return buf.getvalue()


def write_csv(store: Store, path: str | os.PathLike[str], journey: str | None = None) -> Path:
    """Write the ranked list as CSV (UTF-8 with BOM, CRLF), atomically."""
    data = csv_text(store, journey).encode("utf-8-sig")
    return atomic_write(path, lambda fh: fh.write(data))


# -- XLSX -----------------------------------------------------------------------------------

def xlsx_cell(value: Any) -> Any:
    """A cell value an XLSX reader accepts: XML-safe, never a formula, within Excel's
    length limit. Cleaning comes first, so a dropped control character cannot uncover a
    leading ``=``."""
    if isinstance(value, str):
        return cut_for_xlsx(neutralise(xml_text(value)))
    return value


def write_xlsx(store: Store, path: str | os.PathLike[str], journey: str | None = None) -> Path:
    """Write the ranked list as XLSX: sheet of actions, sheet of unaddressed pain points."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ranking, lang = _ranking(store, journey)
    wb = Workbook()
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for index, (key, items) in enumerate(_parts(ranking)):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = TEXT[lang][key][:31]
        ws.append(HEADERS[lang])
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = wrap
        for row in table_rows(store, items, lang, "done" if key == "dones" else None):
            ws.append([xlsx_cell(c) for c in row])
        for r in ws.iter_rows(min_row=2):
            for cell in r:
                cell.alignment = wrap
                if isinstance(cell.value, str):
                    # A literal string, never a formula, whatever it starts with.
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
        for i, width in enumerate(COLUMN_WIDTHS, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for r in range(2, ws.max_row + 1):
            ws.cell(row=r, column=4).number_format = "0.00"
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    return atomic_write(path, lambda fh: fh.write(data))


# -- Markdown -------------------------------------------------------------------------------

# Characters that would start Markdown syntax inside a cell or heading: emphasis, code,
# links and images, strikethrough, table pipes, a heading's closing hashes.
_MD_SYNTAX = re.compile(r"([\\`*_\[\]~|#])")
_MD_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def md_text(value: Any) -> str:
    """``value`` as literal Markdown text on one line: HTML escaped (``<script>`` stays
    text), Markdown syntax backslash-escaped, line breaks as ``<br>``, other control
    characters as spaces."""
    text = encodable(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SYNTAX.sub(r"\\\1", text)
    text = _MD_CONTROL.sub(" ", text.replace("\t", " "))
    return text.replace("\n", "<br>")



def markdown_text(store: Store, journey: str | None = None) -> str:
    """The ranked list as Markdown: a heading and a table per list."""
    ranking, lang = _ranking(store, journey)
    t = TEXT[lang]
    title = t["title"]
    if journey is not None:
        title += f" — {store.journey(journey).name}"
    elif store.project.title:
        title += f" — {store.project.title}"
    out = [f"# {md_text(title)}", ""]
    for key, items in _parts(ranking):
        if key == "dones" and not items:
            continue
        out += [f"## {t[key]}", ""]
        if not items:
            out += [t["none"], ""]
            continue
        out.append("| " + " | ".join(HEADERS[lang]) + " |")
        out.append("|" + "|".join(["---:", "---", "---", "---:", "---:", "---", "---", "---"])
                   + "|")
        for row in table_rows(store, items, lang, "done" if key == "dones" else None):
            out.append("| " + " | ".join(md_text(c) for c in row) + " |")
        out.append("")
    if ranking.notes:
        out += [f"- {md_text(n)}" for n in ranking.notes] + [""]
    return "\n".join(out)


def write_markdown(store: Store, path: str | os.PathLike[str],
                   journey: str | None = None) -> Path:
    """Write the ranked list as Markdown (UTF-8), atomically."""
    data = markdown_text(store, journey).encode("utf-8")
    return atomic_write(path, lambda fh: fh.write(data))


__all__ = [
    "HEADERS", "atomic_write", "breakdown_text", "csv_text", "markdown_text", "md_text",
    "neutralise", "status_text", "xlsx_cell",
    "write_csv", "write_markdown", "write_xlsx",
]
