"""Command line: ``journeymap [FILE]`` opens the app; subcommands work head-less.

Head-less subcommands never import Qt unless they render (pdf, report, png, svg).
Errors are one line on stderr, no traceback, exit code 1 (2 for usage errors), whatever
the input: an unexpected exception becomes "internal error: …; please report" (set
``JOURNEYMAP_DEBUG=1`` for the traceback). Printed text from a file is cleaned (control
characters escaped, error messages cut to a few hundred characters), so a received file
cannot drive the terminal. Inputs must be regular files within a size limit, so a named
pipe or a device is refused before anything waits on it. Files are written atomically,
so an existing file is never left half-written; an output that is a symbolic link is
followed (the file it points to is replaced, the link stays).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import os
import stat
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from journeymap import __version__

EXPORT_FORMATS = ("json", "mermaid", "csv", "xlsx", "md", "pdf", "report", "png", "svg")
SUBCOMMANDS = ("templates", "new", "info", "validate", "import", "rank", "export", "survey",
               "install-desktop", "library")
SUBCOMMANDS += ("compare", "project-impact")  # personas and to-be journeys
# Inputs larger than these are refused before reading: far above any real project (the
# 32,000-touchpoint benchmark project is 16 MB as .jmap, 34 MB as JSON).
MAX_PROJECT_BYTES = 1024 * 1024 * 1024
MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_MESSAGE_CHARS = 400
DEBUG_ENV = "JOURNEYMAP_DEBUG"


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


# -- printing text from files ---------------------------------------------------------------
def clean_text(text: str, json_style: bool = False) -> str:
    """``text`` safe to print on a terminal: control, format (bidi) and separator
    characters and lone surrogates shown as escapes (``\\x1b``, ``\\u202e``); with
    ``json_style`` as JSON escapes (``\\u001b``), so JSON output stays valid JSON."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch.isprintable() or unicodedata.category(ch) == "Zs":
            out.append(ch)
        elif json_style and code >= 0x10000:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        elif json_style or 0x100 <= code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\U{code:08x}")
    return "".join(out)


def _print(text: str, json_style: bool = False) -> None:
    """Print ``text`` from a file as one cleaned line (:func:`clean_text`); JSON line by
    line (its line breaks are layout, those in strings are already escaped)."""
    lines = text.split("\n") if json_style else [text]
    for line in lines:
        print(clean_text(line, json_style))


def clean_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """An error message as one printable line of at most about ``limit`` characters."""
    text = clean_text(str(text))
    if len(text) > limit:
        text = text[:limit] + f"… ({len(text):,} characters)"
    return text


def _error(message: str) -> None:
    print(f"journeymap: error: {clean_message(message)}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line too (exit code 2), pointing at ``--help``."""

    def error(self, message: str) -> None:  # type: ignore[override]
        _error(f"{message}; see {self.prog} --help")
        sys.exit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="journeymap",
        description="Multi-role B2B customer journey maps with explained priorities. "
                    "Without a subcommand, opens the app (with FILE if given).")
    p.add_argument("--version", action="version", version=f"journeymap {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("templates", help="list template names")

    s = sub.add_parser("new", help="create a project file from a template")
    s.add_argument("file", type=Path)
    s.add_argument("--template", default="blank")
    s.add_argument("--lang", choices=("ja", "en"), default="en")
    s.add_argument("--force", action="store_true", help="replace FILE if it exists")

    s = sub.add_parser("info", help="summary: journeys, roles, stages, counts")
    s.add_argument("file", type=_project_arg)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("validate", help="integrity and consistency check")
    s.add_argument("file", type=_project_arg)

    s = sub.add_parser("import", help="JSON interchange file -> .jmap")
    s.add_argument("json_file", type=Path, metavar="JSON")
    s.add_argument("-o", "--output", type=Path, required=True)
    s.add_argument("--force", action="store_true", help="replace the output if it exists")

    s = sub.add_parser("rank", help="the prioritised list with breakdowns")
    s.add_argument("file", type=_project_arg)
    s.add_argument("--journey")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("export", help="export a project")
    s.add_argument("file", type=_project_arg)
    s.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    s.add_argument("-o", "--output", type=Path, required=True,
                   help="output file; - writes text formats (json, mermaid, csv, md) to "
                        "standard output")
    s.add_argument("--journey")
    s.add_argument("--paper", choices=("a3", "a4"),
                   help="paper size: a3 landscape for the map (default), a4 for the report")
    s.add_argument("--map-paper", choices=("a3", "a4"),
                   help="report: paper of the map pages, landscape (default a3)")
    s.add_argument("--lang", choices=("ja", "en"))
    s.add_argument("--tile", action="store_true", help="PDF map over several pages")
    s.add_argument("--dpi", type=int, default=150, help="PNG resolution")

    _survey_parser(sub)

    s = sub.add_parser("install-desktop", help="Linux: menu entry, icon, .jmap file type")
    s.add_argument("--uninstall", action="store_true", help="remove what install-desktop wrote")
    _to_be_parsers(sub)
    _library_parser(sub)
    return p


def _to_be_parsers(sub: Any) -> None:
    s = sub.add_parser("compare", help="compare an as-is journey with its to-be, per stage "
                       "and role")
    s.add_argument("file", type=_project_arg)
    s.add_argument("as_is", metavar="AS_IS_ID")
    s.add_argument("to_be", metavar="TO_BE_ID")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser("project-impact", help="pain impact per stage and role today and "
                       "after the chosen actions (default: planned and doing)")
    s.add_argument("file", type=_project_arg)
    s.add_argument("--journey")
    s.add_argument("--actions", help="comma-separated action ids")
    s.add_argument("--json", action="store_true")


# -- helpers ------------------------------------------------------------------------------------
def _size(n: int) -> str:
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("kB", 1024)):
        if n >= factor:
            return f"{n / factor:,.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_input(path: Path, what: str = "journeymap project",
                limit: int = MAX_PROJECT_BYTES) -> None:
    """Refuse ``path`` unless it is an existing regular file of at most ``limit`` bytes,
    before anything opens it (opening a named pipe would wait forever)."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise CliError(f"{path} does not exist") from None
    except PermissionError:
        raise CliError(f"{path} cannot be read: permission denied") from None
    except OSError as e:
        raise CliError(f"{path} cannot be read: {e.strerror or e}") from None
    kind = _not_regular(st.st_mode)
    if kind is not None:
        raise CliError(f"{path} is {kind}, not a {what}; only regular files are read")
    if st.st_size > limit:
        raise CliError(f"{path} is too large for a {what} ({_size(st.st_size)}; "
                       f"the limit is {_size(limit)})")


def _load(path: Path | LibraryRef):  # -> Store
    from journeymap.model.document import load_store

    if isinstance(path, LibraryRef):
        return _load_library(path)
    if path.suffix.lower() == ".json":
        check_input(path, "JSON project file", MAX_JSON_BYTES)
        from journeymap.model.jsonio import JsonFormatError, read_json_file

        try:
            return read_json_file(path)
        except JsonFormatError as e:
            raise CliError(f"{path}: {e}") from None
        except FileNotFoundError:
            raise CliError(f"{path} does not exist") from None
    check_input(path)
    return load_store(path)


def _journey(store: Any, journey: str | None) -> str | None:
    if journey is not None and store.get("journey", journey) is None:
        ids = ", ".join(j.id for j in store.journeys()) or "none"
        raise CliError(f"no journey {journey!r} in this project (journeys: {ids})")
    return journey


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise CliError(f"{path} already exists; use --force to replace it")


def _write_text(path: Path, text: str) -> None:
    from journeymap.model.document import atomic_path

    # backslashreplace: a lone surrogate (no UTF-8 for it) is written as its JSON escape.
    data = text.encode("utf-8", "backslashreplace")
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


# -- commands -------------------------------------------------------------------------------------
def cmd_templates(args: argparse.Namespace) -> None:
    from journeymap.model.templates import list_templates, template_title

    for name in list_templates():
        print(f"{name}\t{template_title(name, 'en')} / {template_title(name, 'ja')}")


def cmd_new(args: argparse.Namespace) -> None:
    from journeymap.model.document import write_store_file
    from journeymap.model.templates import load_template

    _refuse_existing(args.file, args.force)
    try:
        store = load_template(args.template, args.lang)
    except ValueError as e:
        raise CliError(str(e)) from None
    write_store_file(store, args.file)
    print(f"created {args.file} from template {args.template} ({args.lang})")


def summary(store: Any) -> dict[str, Any]:
    info = store.project
    return {
        "title": info.title, "client": info.client, "language": info.language,
        "roles": [{"id": r.id, "name": r.name} for r in store.roles()],
        "dimensions": [{"id": d.id, "name": d.name, "kind": d.kind} for d in store.dimensions()],
        "journeys": [{
            "id": j.id, "name": j.name, "segment": j.segment,
            "stages": [{"id": s.id, "name": s.name} for s in store.stages(j.id)],
            "lanes": [lane.role for lane in store.lanes(j.id)],
            "touchpoints": len(store.touchpoints(j.id)),
            "pain_points": len(store.journey_pain_points(j.id)),
            "handoffs": len(store.handoffs(j.id)),
        } for j in store.journeys()],
        "counts": {"journeys": len(store.journeys()), "roles": len(store.roles()),
                   "touchpoints": len(store.tables["touchpoint"]),
                   "pain_points": len(store.tables["pain_point"]),
                   "actions": len(store.tables["action"]), "votes": len(store.tables["vote"])},
    }


def cmd_info(args: argparse.Namespace) -> None:
    s = summary(_load(args.file))
    if args.json:
        _print(json.dumps(s, ensure_ascii=False, indent=2), json_style=True)
        return
    _print(f"{s['title']}" + (f" — {s['client']}" if s["client"] else "") + f" [{s['language']}]")
    c = s["counts"]
    _print(f"{c['journeys']} journeys, {c['roles']} roles, {c['touchpoints']} touchpoints, "
           f"{c['pain_points']} pain points, {c['actions']} actions, {c['votes']} votes")
    _print("roles: " + ", ".join(r["name"] for r in s["roles"]))
    for j in s["journeys"]:
        seg = f" ({j['segment']})" if j["segment"] else ""
        _print(f"journey {j['id']}: {j['name']}{seg}: {len(j['stages'])} stages, "
               f"{len(j['lanes'])} lanes, {j['touchpoints']} touchpoints, "
               f"{j['pain_points']} pain points, {j['handoffs']} handoffs")
        _print("  stages: " + " → ".join(st["name"] for st in j["stages"]))


def cmd_validate(args: argparse.Namespace) -> None:
    from journeymap.model.consistency import problems
    from journeymap.model.document import validate_file

    # A .jmap is validated as a file: invalid rows and every foreign object it holds.
    if isinstance(args.file, LibraryRef) or args.file.suffix.lower() == ".json":
        found = problems(_load(args.file))
    else:
        check_input(args.file)
        found = validate_file(args.file)
    if found:
        for p in found[:50]:
            _print(str(p))
        more = " (first 50 shown)" if len(found) > 50 else ""
        raise CliError(f"{args.file}: {len(found)} problems{more}")
    _print(f"{args.file}: ok")


def cmd_import(args: argparse.Namespace) -> None:
    from journeymap.model.document import write_store_file
    from journeymap.model.jsonio import JsonFormatError, read_json_file

    _refuse_existing(args.output, args.force)
    check_input(args.json_file, "JSON project file", MAX_JSON_BYTES)
    try:
        store = read_json_file(args.json_file)
    except JsonFormatError as e:
        raise CliError(f"{args.json_file}: {e}") from None
    except FileNotFoundError:
        raise CliError(f"{args.json_file} does not exist") from None
    except IsADirectoryError:
        raise CliError(f"{args.json_file} is a folder") from None
    write_store_file(store, args.output)
    _print(f"imported {args.json_file} into {args.output}")


def cmd_rank(args: argparse.Namespace) -> None:
    from journeymap.analysis.scoring import rank

    store = _load(args.file)
    ranking = rank(store, _journey(store, args.journey), lang=store.project.language)
    if args.json:
        _print(json.dumps(ranking.to_json(), ensure_ascii=False, indent=2),
               json_style=True)
        return
    _print_ranking(store, ranking)


def _print_ranking(store: Any, ranking: Any) -> None:
    """The ranked lists in words: each list numbered from 1, one explained line per row
    (names and rounded numbers, no ids), then the done actions."""
    from journeymap.analysis.content_text import content_lang
    from journeymap.analysis.scoring import explain
    from journeymap.export.actionlist import TEXT, status_text

    lang = content_lang(store.project.language)
    for note in ranking.notes:
        _print(f"note: {note}")
    for key, items in (("actions", ranking.actions), ("pains", ranking.pains),
                       ("dones", ranking.done)):
        if not items:
            continue
        _print(f"{TEXT[lang][key]}:")
        for item in items:
            status = status_text(item.status, lang) if key == "actions" else None
            _print(f"{item.rank:>4}. {explain(item, lang, status)}")


TEXT_FORMATS = ("json", "mermaid", "csv", "md")


def _export_text(store: Any, fmt: str, journey: str | None) -> str:
    """The text of a text format (json, mermaid, csv, md), as written to a file."""
    if fmt == "json":
        from journeymap.model.jsonio import dumps_project

        return dumps_project(store)
    if fmt == "mermaid":
        from journeymap.export.mermaid import project_mermaid

        return project_mermaid(store, journey)
    from journeymap.export import actionlist

    if fmt == "csv":
        return "\ufeff" + actionlist.csv_text(store, journey)
    return actionlist.markdown_text(store, journey)


def _export_stdout(store: Any, fmt: str, journey: str | None) -> None:
    """``-o -``: a text format to standard output; binary formats are refused."""
    if fmt not in TEXT_FORMATS:
        raise CliError(f"-o - writes text formats ({', '.join(TEXT_FORMATS)}) to standard "
                       f"output; {fmt} is binary: give a file name")
    text = _export_text(store, fmt, journey)
    if fmt == "csv":
        text = text.lstrip("\ufeff")
    sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))
    sys.stdout.flush()


def cmd_export(args: argparse.Namespace) -> None:
    store = _load(args.file)
    journey = _journey(store, args.journey)
    fmt, out = args.format, args.output
    if str(out) == "-":
        _export_stdout(store, fmt, journey)
        return
    if fmt in ("json", "mermaid"):
        _write_text(out, _export_text(store, fmt, journey))
        if fmt == "mermaid":
            from journeymap.export.mermaid import is_markdown

            if is_markdown(store, journey):
                _print(f"{len(store.journeys())} journeys: one Mermaid diagram per journey, "
                       f"as Markdown with a fenced block each (--journey ID for one diagram)")
    elif fmt in ("csv", "xlsx", "md"):
        from journeymap.export import actionlist

        writer: Callable[..., None] = {"csv": actionlist.write_csv, "xlsx": actionlist.write_xlsx,
                                       "md": actionlist.write_markdown}[fmt]
        writer(store, out, journey=journey)
    else:
        from journeymap.export.render import export_rendered
        from journeymap.render.fonts import store_texts, undrawable

        export_rendered(store, out, fmt, journey=journey, paper=args.paper, lang=args.lang,
                        tile=args.tile, dpi=args.dpi, map_paper=args.map_paper)
        missing = undrawable(store_texts(store))
        if missing:   # never silent boxes: say which characters print as boxes
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:8])
            print(f"journeymap: warning: no installed font can draw {shown}"
                  f"{' …' if len(missing) > 8 else ''}; they show as boxes in {out.name}. "
                  "Install a font that has them (for emoji: fonts-noto-color-emoji) "
                  "or change the text.", file=sys.stderr)
    _print(f"wrote {out}")


# -- survey ------------------------------------------------------------------------------------
def _survey_parser(sub: Any) -> None:
    s = sub.add_parser("survey", help="import survey scores (scenario NPS) into a journey")
    s.add_argument("file", type=Path, metavar="FILE")
    s.add_argument("survey", type=Path, metavar="SURVEY.csv")
    s.add_argument("--journey", required=True, help="journey id (see journeymap info)")
    s.add_argument("--label-column", required=True,
                   help="column naming the touchpoint (header name or 1-based number)")
    s.add_argument("--score-column", required=True,
                   help="column of the 0–10 scores (header name or 1-based number)")
    s.add_argument("--map", action="append", default=[], metavar="LABEL=TOUCHPOINT",
                   help="pair a survey label with a touchpoint (id or title); repeatable; "
                   "remembered in the project for the next import")
    s.add_argument("--replace", action="store_true",
                   help="replace the touchpoints' scores instead of adding to them")
    s.add_argument("--dry-run", action="store_true", help="count, change nothing")


def _column(value: str) -> str | int:
    return int(value) - 1 if value.isdigit() and int(value) > 0 else value


def cmd_survey(args: argparse.Namespace) -> None:
    """Match a survey CSV to a journey's touchpoints (titles, ids, --map pairs and the
    pairs remembered in the project), print matched / unmatched / skipped counts and,
    unless --dry-run, store the scores and remember the pairs used (one change; the file
    is saved atomically)."""
    from journeymap.analysis.survey import (
        MAX_BYTES,
        SurveyError,
        match_scores,
        parse_mapping,
        read_survey,
        remembered_pairs,
        suggest_touchpoints,
        survey_edit,
    )

    check_input(args.file)
    check_input(args.survey, "survey CSV file", MAX_BYTES)
    store = _load(args.file)
    journey = _journey(store, args.journey)
    assert journey is not None
    try:
        given = parse_mapping(store, journey, args.map)
        # Pairings remembered in the project from earlier imports; --map ones win.
        remembered = remembered_pairs(store, journey)
        mapping = {**remembered, **given}
        table = read_survey(args.survey)
        res = match_scores(store, journey, table, _column(args.label_column),
                           _column(args.score_column), mapping)
    except SurveyError as e:
        raise CliError(f"{args.survey}: {e}") from None
    tps = store.tables["touchpoint"]
    touchpoints = len(res.scores)
    via_map = sum(label in given for label in res.mapped)
    via = [f"{via_map} through --map"] * bool(via_map) + [
        f"{len(res.mapped) - via_map} remembered"] * bool(len(res.mapped) - via_map)
    _print(f"matched: {res.matched_rows} row{'s' * (res.matched_rows != 1)} to {touchpoints} "
           f"touchpoint{'s' * (touchpoints != 1)}" + (f" ({', '.join(via)})" if via else ""))
    unmatched = sum(res.unmatched.values())
    _print(f"unmatched: {unmatched} row{'s' * (unmatched != 1)}"
           + (f" ({len(res.unmatched)} label{'s' * (len(res.unmatched) != 1)})"
              if res.unmatched else ""))
    for label, n in list(res.unmatched.items())[:20]:
        hints = suggest_touchpoints(store, journey, label, 2)
        hint = "; maybe " + " or ".join(
            f"--map \"{label}={getattr(tps.get(t), 'title', t)}\"" for t, _ in hints) \
            if hints else ""
        _print(f"  {label!r}: {n} row{'s' * (n != 1)}{hint}")
    skipped = res.skipped_count - unmatched
    reasons = ", ".join(f"{k} {v}" for k, v in res.skipped.items() if k != "unmatched touchpoint")
    _print(f"skipped: {skipped} row{'s' * (skipped != 1)}" + (f" ({reasons})" if reasons else ""))
    if args.dry_run:
        _print("dry run: nothing changed")
        return
    if not res.scores:
        raise CliError("no row matched a touchpoint; nothing imported (use --map)")
    _save_survey(args.file, survey_edit(store, res, "replace" if args.replace else "append"))
    new = sum(remembered.get(label) != tp for label, tp in res.mapped.items())
    _print(f"imported into {args.file}" + (
        f"; {new} pairing{'s' * (new != 1)} remembered for the next import" if new else ""))


def _save_survey(path: Path, edit: Any) -> None:
    from journeymap.model.document import Document, open_elsewhere

    if path.suffix.lower() == ".json":
        raise CliError(f"{path}: survey scores are stored in a .jmap project; import the "
                       f"JSON first (journeymap import)")
    if open_elsewhere(path) is not None:
        raise CliError(f"{path} is open in journeymap; close it there first")
    doc = Document.open(path)
    try:
        doc.apply(edit)
        doc.save()
    finally:
        doc.close()


def cmd_install_desktop(args: argparse.Namespace) -> None:
    from journeymap.desktop import run

    print("\n".join(run(remove=args.uninstall)))


# -- the team library (docs/library.md) -------------------------------------------------------------
class LibraryRef(str):
    """A project in a team library, ``postgresql://…#PROJECT_ID``, where a FILE may go."""


def _project_arg(text: str) -> Path | LibraryRef:
    """FILE, or a library reference (kept as text: a Path would fold the ``//``)."""
    if text.startswith(("postgresql://", "postgres://")):
        return LibraryRef(text)
    return Path(text)


def _library_support() -> None:
    from journeymap.model.library import missing_support

    missing = missing_support()
    if missing:
        raise CliError(missing)


def _load_library(ref: LibraryRef):  # -> Store
    _library_support()
    from journeymap.model.library.projects import load_ref

    return load_ref(ref)


def _library_parser(sub: Any) -> None:
    lib = sub.add_parser("library", help="the team library on PostgreSQL (docs/library.md)")
    cmds = lib.add_subparsers(dest="library_command", metavar="COMMAND", required=True)
    s = cmds.add_parser("init", help="create or upgrade the library schema and its roles")
    s.add_argument("url", metavar="URL")
    s = cmds.add_parser("list", help="projects: id, title, client, last change")
    s.add_argument("url", metavar="URL")
    s.add_argument("--json", action="store_true")
    s = cmds.add_parser("publish", help="copy a .jmap file into the library; prints its id")
    s.add_argument("url", metavar="URL")
    s.add_argument("file", type=Path, metavar="FILE.jmap")
    s = cmds.add_parser("fetch", help="copy a library project into a .jmap file")
    s.add_argument("ref", metavar="URL#ID")
    s.add_argument("-o", "--output", type=Path, required=True)
    s.add_argument("--force", action="store_true", help="replace the output if it exists")
    s = cmds.add_parser("delete", help="remove a project from the library")
    s.add_argument("ref", metavar="URL#ID")


def _library_url(text: str) -> str:
    from journeymap.model.library import is_library_ref, split_ref

    if not is_library_ref(text):
        raise CliError(f"{text} is not a PostgreSQL URL; expected "
                       "postgresql://USER@HOST[:PORT]/DATABASE")
    url, project = split_ref(text)
    if project:
        raise CliError(f"give the library URL without #{project}")
    return url


def cmd_library(args: argparse.Namespace) -> None:
    _library_support()
    from journeymap.model.library.projects import Library, resolve

    command = args.library_command
    if command == "init":
        url = _library_url(args.url)
        before, after = Library.init(url)
        what = "created" if before == 0 else "upgraded" if before < after else "checked"
        _print(f"library {what} (schema version {after}); roles journeymap_editor and "
               "journeymap_viewer")
    elif command == "list":
        with Library(_library_url(args.url)) as lib:
            entries = lib.projects()
        if args.json:
            _print(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2),
                   json_style=True)
        for e in [] if args.json else entries:
            client = f" — {e.client}" if e.client else ""
            _print(f"{e.id}\t{e.title}{client} [{e.language}]\t"
                   f"{e.updated_at.astimezone():%Y-%m-%d %H:%M} {e.updated_by}")
    elif command == "publish":
        from journeymap.model.document import load_store

        url = _library_url(args.url)
        check_input(args.file)
        store = load_store(args.file)
        with Library(url) as lib:
            print(lib.publish(store))
    elif command == "fetch":
        _refuse_existing(args.output, args.force)
        lib, project = resolve(args.ref)
        with lib:
            lib.fetch(project, args.output)
        _print(f"wrote {args.output}")
    elif command == "delete":
        lib, project = resolve(args.ref)
        with lib:
            lib.delete(project)
        _print(f"deleted {project}")


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "templates": cmd_templates, "new": cmd_new, "info": cmd_info, "validate": cmd_validate,
    "import": cmd_import, "rank": cmd_rank, "export": cmd_export, "survey": cmd_survey,
    "install-desktop": cmd_install_desktop, "library": cmd_library,
}


def _names(store: Any) -> dict[str, str]:
    return {**{r.id: r.name for r in store.roles()},
            **{s.id: s.name for j in store.journeys() for s in store.stages(j.id)}}


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}".rstrip("0").rstrip(".") if x != 0 else "0"


def cmd_compare(args: argparse.Namespace) -> None:
    from journeymap.analysis.compare import CHANNELS, CompareError, compare

    store = _load(args.file)
    for jid in (args.as_is, args.to_be):
        _journey(store, jid)
    try:
        cmp = compare(store, args.as_is, args.to_be)
    except CompareError as e:
        raise CliError(str(e)) from None
    if args.json:
        _print(json.dumps(cmp.as_json(), ensure_ascii=False, indent=2), json_style=True)
        return
    names = _names(store)
    _print(f"{store.journey(args.as_is).name} -> {store.journey(args.to_be).name}: pain "
           f"impact {_fmt(cmp.impact_before)} -> {_fmt(cmp.impact_after)}")
    for c in cmp.cells:
        if not c.changed:
            continue
        mix = " ".join(f"{ch} {c.as_is.channels[i]}->{c.to_be.channels[i]}"
                       for i, ch in enumerate(CHANNELS)
                       if c.as_is.channels[i] or c.to_be.channels[i])
        _print(f"  {names.get(c.stage, c.stage)} / {names.get(c.role, c.role)}: emotion "
               f"{_fmt(c.as_is.emotion)} -> {_fmt(c.to_be.emotion)}, impact "
               f"{_fmt(c.as_is.impact)} -> {_fmt(c.to_be.impact)}, handoffs "
               f"{c.as_is.handoffs} -> {c.to_be.handoffs}{', ' + mix if mix else ''}")
    if not any(c.changed for c in cmp.cells):
        _print("  no stage and role differs")
    for label, ids in (("added", cmp.added), ("removed", cmp.removed)):
        if ids:
            _print(f"  stages {label}: " + ", ".join(names.get(i, i) for i in ids))


def cmd_project_impact(args: argparse.Namespace) -> None:
    from journeymap.analysis.projection import ProjectionError, project_impact

    store = _load(args.file)
    actions = None
    if args.actions is not None:
        actions = [a.strip() for a in args.actions.split(",") if a.strip()]
    try:
        proj = project_impact(store, _journey(store, args.journey), actions)
    except ProjectionError as e:
        raise CliError(str(e)) from None
    if args.json:
        _print(json.dumps(proj.as_json(), ensure_ascii=False, indent=2), json_style=True)
        return
    names = _names(store)
    titles = ", ".join(store.action(a).title for a in proj.actions) or "none"
    _print(f"actions: {titles}")
    _print(f"pain impact today {_fmt(proj.before)}, after these actions {_fmt(proj.after)}")
    for c in proj.cells:
        if c.before:
            _print(f"  {names.get(c.stage, c.stage)} / {names.get(c.role, c.role)}: "
                   f"{_fmt(c.before)} -> {_fmt(c.after)} ({c.resolved} of {c.pains} pain "
                   f"point{'s' if c.pains != 1 else ''} resolved)")


COMMANDS.update({"compare": cmd_compare, "project-impact": cmd_project_impact})


def _app_argument_problem(word: str) -> str | None:
    """Why ``journeymap WORD`` cannot start the app with WORD as its file, or None."""
    try:
        st = os.stat(word)
    except (OSError, ValueError):
        if os.sep in word or Path(word).suffix.lower() in (".jmap", ".json"):
            return f"{word} does not exist"
        close = difflib.get_close_matches(word, SUBCOMMANDS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"'{word}' is neither a command nor a file{hint}; see journeymap --help"
    kind = _not_regular(st.st_mode)
    return None if kind is None else f"{word} is {kind}, not a journeymap project"


def _debug() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets an escape, not a crash.
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    # `journeymap FILE` (or nothing) opens the app; everything else is a subcommand.
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        problem = _app_argument_problem(argv[0]) if argv else None
        if problem is not None:
            _error(problem)
            return 1
        from journeymap.ui.app import run_app

        return run_app(argv[0] if argv else None)
    args = _parser().parse_args(argv)
    if args.command is None:
        from journeymap.ui.app import run_app

        return run_app(None)
    from journeymap.model.document import DocumentError
    from journeymap.model.edits import EditError
    from journeymap.model.jsonio import JsonFormatError

    try:
        COMMANDS[args.command](args)
    except (CliError, DocumentError, JsonFormatError, EditError) as e:
        _error(str(e))
        return 1
    except BrokenPipeError:
        # `journeymap rank FILE | head`: the reader is gone; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:
        name = getattr(e, "filename", None) or ""
        _error(f"{name}{': ' if name else ''}{e.strerror or e}")
        return 1
    except KeyboardInterrupt:
        print("journeymap: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # the promise is one line, never a traceback
        if _debug():
            raise
        detail = clean_message(f"{type(e).__name__}: {e}")
        print(f"journeymap: internal error: {detail}; please report (run with "
              f"{DEBUG_ENV}=1 for the details)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
