"""What a user installs: the wheel and sdist from `python -m build`, installed into a fresh
virtualenv without development extras, must carry every asset and run — the command
line, every template in both languages, the PDF exports and the app itself.

Slow (a minute or two: it builds, creates a virtualenv and installs the runtime
dependencies with pip). Marked ``packaging``: CI runs it; ``-m "not packaging"`` leaves it
out locally."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import journeymap

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
IGNORE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                ".hypothesis", ".pytest_cache", ".ruff_cache", "out", "*.pyc")


def _smoke_module():
    spec = importlib.util.spec_from_file_location("smoke_install",
                                                  ROOT / "scripts" / "smoke_install.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def _run(*args: str | Path, cwd: Path, timeout: float = 900) -> str:
    r = subprocess.run([str(a) for a in args], cwd=cwd, env=_clean_env(), capture_output=True,
                       text=True, timeout=timeout)
    assert r.returncode == 0, f"{' '.join(map(str, args))}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r.stdout


def _source_files(folder: Path, pattern: str) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob(pattern)
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and wheel, built from a copy of the source tree (so the checkout gets no
    build/ or egg-info), the wheel from the sdist as `python -m build` does."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=IGNORE)
    _run(sys.executable, "-m", "build", "--outdir", work / "dist", source, cwd=work)
    (wheel,) = (work / "dist").glob("journeymap-*.whl")
    (sdist,) = (work / "dist").glob("journeymap-*.tar.gz")
    return {"work": work, "source": source, "wheel": wheel, "sdist": sdist}


def test_the_wheel_carries_every_module_and_asset(built):
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    assets = _source_files(ROOT / "resources", "*")
    assert {"templates/blank.en.json", "translations/journeymap_ja.qm", "icons/journeymap.svg",
            "icons/journeymap-256.png", "desktop/journeymap.xml",
            "licenses/IPA_Font_License_Agreement_v1.0.txt"} <= assets
    missing = sorted(f"journeymap/resources/{a}" for a in assets
                     if f"journeymap/resources/{a}" not in names)
    assert missing == []
    code = {f"journeymap/{p}" for p in _source_files(ROOT / "journeymap", "*.py")}
    code.add("journeymap/model/schema.sql")
    assert sorted(code - names) == []
    # Nothing from the checkout that is not the package: no tests, scripts or top-level dirs.
    assert {n.split("/")[0] for n in names} == {
        "journeymap", f"journeymap-{journeymap.__version__}.dist-info"}


def test_the_sdist_rebuilds_the_same_package(built):
    names = {n.split("/", 1)[1] for n in tarfile.open(built["sdist"]).getnames() if "/" in n}
    assert {"pyproject.toml", "setup.py", "README.md", "LICENSE"} <= names
    assets = {f"resources/{a}" for a in _source_files(ROOT / "resources", "*")}
    assert sorted(assets - names) == []


@pytest.fixture(scope="module")
def venv(built) -> Path:
    """A fresh virtualenv with the wheel and its runtime dependencies only (no [dev]);
    pip fetches what its cache lacks."""
    work = built["work"]
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=work)
    _run(venv / "bin" / "python", "-m", "pip", "install", "-q", built["wheel"], cwd=work)
    return venv


def test_the_installed_wheel_works_without_the_checkout(built, venv, capsys):
    work = built["work"]
    py, command = venv / "bin" / "python", venv / "bin" / "journeymap"
    out = _run(py, "-c", "import importlib.metadata as m, journeymap.assets as a;"
                         "print(m.version('journeymap')); print(a.resources_dir())", cwd=work)
    version, resources = out.split()
    assert version == journeymap.__version__
    assert Path(resources).is_relative_to(venv) and (Path(resources) / "templates").is_dir()
    dev = _run(py, "-c", "import importlib.util as u;"
                         "print([m for m in ('pytest', 'ruff', 'hypothesis') if u.find_spec(m)])",
               cwd=work)
    assert dev.strip() == "[]"

    smoke = _smoke_module()
    timings = smoke.smoke([str(command)], work / "smoke", version=journeymap.__version__,
                          say=lambda line: None)
    with capsys.disabled():
        print(f"\n  wheel {built['wheel'].stat().st_size / 1e3:.0f} kB; installed app start "
              f"{timings['start']:.2f} s (first {timings['first_start']:.2f} s)")


def test_an_editable_install_finds_the_top_level_resources(built, venv):
    """`pip install -e .` (what scripts/setup.sh does): the package comes from the
    checkout and its assets from the checkout's resources/ folder. Runs last: it
    replaces the wheel in the virtualenv (whose dependencies it reuses)."""
    work, source = built["work"], built["source"]
    py = venv / "bin" / "python"
    _run(py, "-m", "pip", "install", "-q", "--no-deps", "-e", source, cwd=work)
    out = _run(py, "-c", "import journeymap, journeymap.assets as a;"
                         "from journeymap.model.templates import list_templates;"
                         "print(journeymap.__file__); print(a.resources_dir());"
                         "print(a.translations_dir().joinpath('journeymap_ja.qm').is_file());"
                         "print(len(list_templates()))", cwd=work)
    package_file, resources, qm, count = out.split()
    assert Path(package_file).is_relative_to(source)
    assert Path(resources) == source / "resources"
    assert qm == "True" and count == "4"
    assert _run(venv / "bin" / "journeymap", "--version", cwd=work).strip() == \
        f"journeymap {journeymap.__version__}"
