"""The layer rules of CONVENTIONS.md, checked rather than remembered."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "journeymap"
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "journeymap.ui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
    return out


def test_model_and_analysis_never_import_qt():
    offenders = []
    for layer in ("model", "analysis"):
        for path in (PACKAGE / layer).rglob("*.py"):
            offenders += [f"{path.name}: {m}" for m in _imports(path) if m.startswith(QT)]
    assert offenders == []


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    r = subprocess.run([str(exe)], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert r.returncode == 0, r.stdout + r.stderr


def test_analysis_runs_without_qt_installed_in_process():
    code = ("import sys\nfrom journeymap.model.templates import load_template\n"
            "from journeymap.analysis import scoring\n"
            "scoring.rank(load_template('b2b-procurement', 'en'))\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')]\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
