"""The layer rules of docs/architecture.md, checked rather than remembered."""

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


# QtWidgets classes the render layer may use: a scene and its items need a QApplication,
# but the layer never makes a widget (exports run head-less).
RENDER_QTWIDGETS = {"QApplication", "QGraphicsItem", "QGraphicsScene",
                    "QStyleOptionGraphicsItem"}


def test_render_and_export_make_no_widgets():
    offenders = []
    for layer in ("render", "export"):
        for path in (PACKAGE / layer).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module == "PySide6.QtWidgets":
                    offenders += [f"{layer}/{path.name}: {a.name}" for a in node.names
                                  if a.name not in RENDER_QTWIDGETS]
                elif isinstance(node, ast.Import):
                    offenders += [f"{layer}/{path.name}: {a.name}" for a in node.names
                                  if a.name == "PySide6.QtWidgets"]
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


# -- import graph ------------------------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imported(name: str, path: Path, known: set[str]) -> set[str]:
    """journeymap modules ``name`` imports anywhere in its code (module level and inside
    functions); ``if TYPE_CHECKING:`` blocks do not run, so they do not count."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit_node(sub)
            else:
                visit_node(child)

    def visit_node(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")[: None if is_package else -1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.add(module)
            out.update(f"{module}.{a.name}" for a in node.names)  # from pkg import submodule
        visit(node)

    visit(ast.parse(path.read_text("utf-8")))
    return {m for m in out if m in known and m != name}


def _import_graph():  # -> networkx.DiGraph
    import networkx as nx

    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        graph.add_edges_from((name, m) for m in _imported(name, path, set(modules)))
    return graph


def test_the_import_graph_sees_function_level_and_relative_imports(tmp_path):
    # the graph builder must see what it claims to: an import inside a function, a
    # relative import, and "from package import module"
    pkg = tmp_path / "journeymap" / "pkg"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from journeymap.pkg import b\n")
    (pkg / "b.py").write_text("from . import c\n")
    (pkg / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                              "    from journeymap.pkg.a import f\n")
    known = {"journeymap.pkg", "journeymap.pkg.a", "journeymap.pkg.b", "journeymap.pkg.c"}
    assert _imported("journeymap.pkg.a", pkg / "a.py", known) == {"journeymap.pkg",
                                                                   "journeymap.pkg.b"}
    assert _imported("journeymap.pkg.b", pkg / "b.py", known) == {"journeymap.pkg",
                                                                   "journeymap.pkg.c"}
    assert _imported("journeymap.pkg.c", pkg / "c.py", known) == set()


def test_no_module_takes_part_in_an_import_cycle():
    import networkx as nx

    graph = _import_graph()
    assert graph.number_of_edges() > 100   # the graph really was built
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], "import cycles: " + "; ".join(" → ".join(c) for c in cycles[:5])


def test_every_module_imports_on_its_own():
    """Each module imported alone in a fresh interpreter: an import that only works
    after some other module was loaded first (a hidden cycle or order dependency) fails."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(PACKAGE.parent),
                                          os.environ.get("PYTHONPATH", "")])}

    def load(name: str) -> tuple[str, int, list[str]]:
        r = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True,
                           text=True, env=env, cwd=PACKAGE.parent, timeout=120)
        return name, r.returncode, r.stderr.strip().splitlines()[-1:]

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(load, _modules()))
    failed = [f"{name}: {err}" for name, code, err in results if code != 0]
    assert len(results) > 50
    assert failed == []
