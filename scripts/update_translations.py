"""Update the Japanese translation of the interface: .py → .ts → .qm.

    python scripts/update_translations.py           update .ts and .qm, report what is left
    python scripts/update_translations.py --check   fail (exit 1) when a string is untranslated

1. ``pyside6-lupdate`` collects every ``self.tr(...)`` / ``QCoreApplication.translate(...)``
   string of ``journeymap/**/*.py`` into ``resources/translations/journeymap_ja.ts``
   (messages no longer in the code are dropped, translations of the others kept).
2. Strings passed to small wrappers that lupdate cannot see — a module-level function
   ``def _tr(text): return QCoreApplication.translate("Context", text)`` called as
   ``_tr("literal")`` — are found by reading the code and added too.
3. Translations come from ``resources/translations/ja.json`` (source text →
   Japanese, or ``"Context|source"`` → Japanese for a context-specific one). A message
   translated in the .ts (e.g. with Qt Linguist) but missing from the JSON is written
   back into the JSON, so nothing typed anywhere is lost. New strings stay
   ``type="unfinished"`` and are listed: add them to the JSON and run again.
4. ``pyside6-lrelease`` compiles the .qm that the app loads.

The pipeline is also used by ``tests/ui/test_i18n.py`` (into a temporary folder) to
prove the committed files cover every string of the code.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "journeymap"
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "journeymap_ja.ts"
QM = FOLDER / "journeymap_ja.qm"
DICTIONARY = FOLDER / "ja.json"
LANGUAGE = "ja_JP"


def tool(name: str) -> str:
    """Path of a PySide6 tool: beside the running Python first, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def sources(package: Path = PACKAGE) -> list[Path]:
    """Python files of the package with translatable strings."""
    out = []
    for p in sorted(package.rglob("*.py")):
        text = p.read_text("utf-8")
        if "tr(" in text or "translate(" in text:
            out.append(p)
    return out


# -- strings lupdate cannot see ----------------------------------------------------------------
def _wrapper_context(fn: ast.FunctionDef) -> str | None:
    """``"Ctx"`` when ``fn`` is ``def f(text, …): return X.translate("Ctx", text, …)``."""
    if not fn.args.args or len(fn.body) != 1 or not isinstance(fn.body[0], ast.Return):
        return None
    call = fn.body[0].value
    param = fn.args.args[0].arg
    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute | ast.Name)
            and (getattr(call.func, "attr", None) or getattr(call.func, "id", None))
            == "translate" and len(call.args) >= 2
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name) and call.args[1].id == param):
        return call.args[0].value
    return None


def wrapper_messages(files: list[Path]) -> list[tuple[str, str, bool]]:
    """``(context, source, numerus)`` of literal calls of translate wrappers."""
    out: list[tuple[str, str, bool]] = []
    for path in files:
        tree = ast.parse(path.read_text("utf-8"), str(path))
        wrappers = {n.name: ctx for n in tree.body if isinstance(n, ast.FunctionDef)
                    and (ctx := _wrapper_context(n)) is not None}
        if not wrappers:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in wrappers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                numerus = len(node.args) >= 2 or any(k.arg == "n" for k in node.keywords)
                item = (wrappers[node.func.id], node.args[0].value, numerus)
                if item not in out:
                    out.append(item)
    return out


def hidden_calls(files: list[Path]) -> list[str]:
    """``file:line`` of translate calls that lupdate skips: inside an f-string."""
    out = []
    for path in files:
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Call) and getattr(sub.func, "attr",
                                                             getattr(sub.func, "id", None)) \
                            in ("tr", "translate"):
                        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                        out.append(f"{rel}:{sub.lineno}")
    return out


# -- the .ts file ---------------------------------------------------------------------------------
@dataclass
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    element: ET.Element

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def translation(self) -> str:
        t = self.element.find("translation")
        if t is None:
            return ""
        if self.numerus:
            forms = [f.text or "" for f in t.findall("numerusform")]
            return forms[0] if forms else ""
        return t.text or ""

    @property
    def finished(self) -> bool:
        t = self.element.find("translation")
        return (t is not None and t.get("type") not in ("unfinished", "obsolete", "vanished")
                and bool(self.translation.strip()))

    def set_translation(self, text: str) -> None:
        t = self.element.find("translation")
        if t is None:
            t = ET.SubElement(self.element, "translation")
        t.attrib.pop("type", None)
        if self.numerus:
            for f in list(t):
                t.remove(f)
            t.text = None
            ET.SubElement(t, "numerusform").text = text
        else:
            t.text = text


def read_ts(path: Path) -> tuple[ET.Element, list[Message]]:
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            out.append(Message(name, m.findtext("source") or "", m.findtext("comment") or "",
                               m.get("numerus") == "yes", m))
    return root, out


def add_message(root: ET.Element, context: str, source: str, numerus: bool) -> None:
    ctx = next((c for c in root.findall("context") if c.findtext("name") == context), None)
    if ctx is None:
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
    for m in ctx.findall("message"):
        if m.findtext("source") == source and m.find("comment") is None:
            return
    m = ET.SubElement(ctx, "message")
    if numerus:
        m.set("numerus", "yes")
    ET.SubElement(m, "source").text = source
    t = ET.SubElement(m, "translation", {"type": "unfinished"})
    if numerus:
        ET.SubElement(t, "numerusform")


def write_ts(root: ET.Element, path: Path) -> None:
    root.set("language", LANGUAGE)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    "utf-8")


# -- the dictionary ---------------------------------------------------------------------------------
def read_dictionary(path: Path = DICTIONARY) -> dict[str, str]:
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def write_dictionary(data: dict[str, str], path: Path = DICTIONARY) -> None:
    ordered = dict(sorted(data.items(), key=lambda kv: kv[0].casefold()))
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", "utf-8")


def lookup(data: dict[str, str], m: Message) -> str | None:
    for key in (f"{m.context}|{m.source}|{m.comment}", f"{m.context}|{m.source}", m.source):
        if key in data and data[key].strip():
            return data[key]
    return None


# -- the pipeline ---------------------------------------------------------------------------------
@dataclass
class Report:
    total: int
    translated: int
    missing: list[Message]


def update(ts: Path = TS, qm: Path | None = QM, dictionary: Path = DICTIONARY,
           package: Path = PACKAGE, learn: bool = True, quiet: bool = True) -> Report:
    """Run the whole pipeline (see the module doc); returns the counts."""
    files = sources(package)
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [tool("pyside6-lupdate"), *map(str, files), "-ts", str(ts), "-no-obsolete",
           "-locations", "none", "-target-language", LANGUAGE]
    if quiet:
        cmd.insert(1, "-silent")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL if quiet else None)
    root, _ = read_ts(ts)
    for context, source, numerus in wrapper_messages(files):
        add_message(root, context, source, numerus)
    _, messages = read_ts_root(root)
    data = read_dictionary(dictionary)
    learned = False
    for m in messages:
        if m.finished and lookup(data, m) is None and learn:
            data[m.source] = m.translation
            learned = True
        text = lookup(data, m)
        if text is not None:
            m.set_translation(text)
    if learned:
        write_dictionary(data, dictionary)
    write_ts(root, ts)
    if qm is not None:
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True, stdout=subprocess.DEVNULL)
    _, messages = read_ts(ts)
    missing = [m for m in messages if not m.finished]
    return Report(len(messages), len(messages) - len(missing), missing)


def read_ts_root(root: ET.Element) -> tuple[ET.Element, list[Message]]:
    out = []
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            out.append(Message(name, m.findtext("source") or "", m.findtext("comment") or "",
                               m.get("numerus") == "yes", m))
    return root, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a string has no Japanese translation")
    args = parser.parse_args(argv)
    report = update()
    print(f"journeymap_ja: {report.translated}/{report.total} strings translated")
    hidden = hidden_calls(sources())
    for where in hidden:
        print(f"  not collected (tr() inside an f-string): {where}")
    for m in report.missing:
        print(f"  untranslated [{m.context}] {m.source!r}")
    if report.missing:
        print(f"add them to {DICTIONARY.relative_to(ROOT)} and run again")
    return 1 if args.check and (report.missing or hidden) else 0


if __name__ == "__main__":
    sys.exit(main())
