"""Command line: ``journeymap [FILE]`` opens the app; subcommands work head-less.

Head-less subcommands never import Qt unless they render (pdf, report, png, svg).
Errors are one line on stderr, no traceback, exit code 1 (2 for usage errors); files
are written atomically, so an existing file is never left half-written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from journeymap import __version__

EXPORT_FORMATS = ("json", "mermaid", "csv", "xlsx", "md", "pdf", "report", "png", "svg")
SUBCOMMANDS = ("templates", "new", "info", "validate", "import", "rank", "export")


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
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
    s.add_argument("file", type=Path)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("validate", help="integrity and consistency check")
    s.add_argument("file", type=Path)

    s = sub.add_parser("import", help="JSON interchange file -> .jmap")
    s.add_argument("json_file", type=Path, metavar="JSON")
    s.add_argument("-o", "--output", type=Path, required=True)
    s.add_argument("--force", action="store_true", help="replace the output if it exists")

    s = sub.add_parser("rank", help="the prioritised list with breakdowns")
    s.add_argument("file", type=Path)
    s.add_argument("--journey")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("export", help="export a project")
    s.add_argument("file", type=Path)
    s.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    s.add_argument("-o", "--output", type=Path, required=True)
    s.add_argument("--journey")
    s.add_argument("--paper", choices=("a3", "a4"),
                   help="paper size: a3 landscape for the map (default), a4 for the report")
    s.add_argument("--lang", choices=("ja", "en"))
    s.add_argument("--tile", action="store_true", help="PDF map over several pages")
    s.add_argument("--dpi", type=int, default=150, help="PNG resolution")
    return p


# -- helpers ------------------------------------------------------------------------------------
def _load(path: Path):  # -> Store
    from journeymap.model.document import load_store

    if path.suffix.lower() == ".json":
        from journeymap.model.jsonio import JsonFormatError, read_json_file

        try:
            return read_json_file(path)
        except JsonFormatError as e:
            raise CliError(f"{path}: {e}") from None
        except FileNotFoundError:
            raise CliError(f"{path} does not exist") from None
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

    with atomic_path(path) as tmp:
        tmp.write_text(text, "utf-8")


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
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return
    print(f"{s['title']}" + (f" — {s['client']}" if s["client"] else "") + f" [{s['language']}]")
    c = s["counts"]
    print(f"{c['journeys']} journeys, {c['roles']} roles, {c['touchpoints']} touchpoints, "
          f"{c['pain_points']} pain points, {c['actions']} actions, {c['votes']} votes")
    print("roles: " + ", ".join(r["name"] for r in s["roles"]))
    for j in s["journeys"]:
        seg = f" ({j['segment']})" if j["segment"] else ""
        print(f"journey {j['id']}: {j['name']}{seg}: {len(j['stages'])} stages, "
              f"{len(j['lanes'])} lanes, {j['touchpoints']} touchpoints, "
              f"{j['pain_points']} pain points, {j['handoffs']} handoffs")
        print("  stages: " + " → ".join(st["name"] for st in j["stages"]))


def cmd_validate(args: argparse.Namespace) -> None:
    from journeymap.model.consistency import problems
    from journeymap.model.document import validate_file

    # A .jmap is validated as a file: invalid rows and every foreign object it holds.
    found = (problems(_load(args.file)) if args.file.suffix.lower() == ".json"
             else validate_file(args.file))
    if found:
        for p in found[:50]:
            print(p)
        more = " (first 50 shown)" if len(found) > 50 else ""
        raise CliError(f"{args.file}: {len(found)} problems{more}")
    print(f"{args.file}: ok")


def cmd_import(args: argparse.Namespace) -> None:
    from journeymap.model.document import write_store_file
    from journeymap.model.jsonio import JsonFormatError, read_json_file

    _refuse_existing(args.output, args.force)
    try:
        store = read_json_file(args.json_file)
    except JsonFormatError as e:
        raise CliError(f"{args.json_file}: {e}") from None
    except FileNotFoundError:
        raise CliError(f"{args.json_file} does not exist") from None
    except IsADirectoryError:
        raise CliError(f"{args.json_file} is a folder") from None
    write_store_file(store, args.output)
    print(f"imported {args.json_file} into {args.output}")


def cmd_rank(args: argparse.Namespace) -> None:
    from journeymap.analysis.scoring import rank

    store = _load(args.file)
    ranking = rank(store, _journey(store, args.journey), lang=store.project.language)
    if args.json:
        print(json.dumps(ranking.to_json(), ensure_ascii=False, indent=2))
        return
    for note in ranking.notes:
        print(f"note: {note}")
    for item in ranking.rows:
        kind = "action" if item.type == "action" else "pain  "
        print(f"{item.rank:>3}. [{kind}] {item.priority:8.4f}  {item.title}  ({item.id})")
        for f in item.breakdown:
            print(f"        {f.op} {f.name} = {f.value:g}  ({f.source})")


def cmd_export(args: argparse.Namespace) -> None:
    store = _load(args.file)
    journey = _journey(store, args.journey)
    fmt, out = args.format, args.output
    if fmt == "json":
        from journeymap.model.jsonio import dumps_project

        _write_text(out, dumps_project(store))
    elif fmt == "mermaid":
        from journeymap.export.mermaid import project_mermaid

        _write_text(out, project_mermaid(store, journey))
    elif fmt in ("csv", "xlsx", "md"):
        from journeymap.export import actionlist

        writer: Callable[..., None] = {"csv": actionlist.write_csv, "xlsx": actionlist.write_xlsx,
                                       "md": actionlist.write_markdown}[fmt]
        writer(store, out, journey=journey)
    else:
        from journeymap.export.render import export_rendered

        export_rendered(store, out, fmt, journey=journey, paper=args.paper, lang=args.lang,
                        tile=args.tile, dpi=args.dpi)
    print(f"wrote {out}")


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "templates": cmd_templates, "new": cmd_new, "info": cmd_info, "validate": cmd_validate,
    "import": cmd_import, "rank": cmd_rank, "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `journeymap FILE` (or nothing) opens the app; everything else is a subcommand.
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
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
        print(f"journeymap: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `journeymap rank FILE | head`: the reader is gone; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:
        name = getattr(e, "filename", None) or ""
        print(f"journeymap: error: {name}{': ' if name else ''}{e.strerror or e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("journeymap: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
