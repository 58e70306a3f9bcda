"""Smoke-test an installed journeymap: the command a user got from pip, pipx or the frozen app.

    python scripts/smoke_install.py COMMAND [--version X.Y.Z] [--work DIR]

Runs, offscreen and with private settings, cache and data folders:
``COMMAND --version``; ``COMMAND new`` from every template in English and Japanese;
``COMMAND export --format pdf`` and ``--format report`` (checked with ``pdftotext`` when
it is installed); and the app itself on a template project
(``JOURNEYMAP_QUIT_AFTER_START=1`` quits once the first window is shown), timed: the first
start (which derives the Japanese font into the empty cache) and the median of three more.
Prints one line per check; exits 1 at the first failure. Used by
``tests/packaging/test_wheel.py`` (the wheel in a fresh virtualenv) and
``scripts/build_app.sh`` (the frozen app).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGUAGES = ("en", "ja")
# Titles the PDF exports must contain, as text (fonts embedded, text searchable).
PDF_TEXT = {"en": "procurement", "ja": "調達"}


class SmokeFailure(AssertionError):
    pass


def private_env(work: Path) -> dict[str, str]:
    """The environment for the installed command: offscreen, no checkout on the path,
    settings, cache and working copies in ``work``."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "JOURNEYMAP_DEMO")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"),
               XDG_CACHE_HOME=str(work / "cache"), JOURNEYMAP_CACHE_DIR=str(work / "cache" / "jm"),
               JOURNEYMAP_DATA_DIR=str(work / "data"), HOME=str(work / "home"))
    for key in ("config", "cache", "data", "home"):
        (work / key).mkdir(parents=True, exist_ok=True)
    return env


def run(command: list[str], *args: str, env: dict[str, str], cwd: Path,
        timeout: float = 300) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([*command, *args], env=env, cwd=cwd, capture_output=True, text=True,
                       timeout=timeout)
    if r.returncode != 0 or "Traceback" in r.stderr:
        raise SmokeFailure(f"{' '.join([*command, *args])} -> exit {r.returncode}\n"
                           f"{r.stdout}\n{r.stderr}")
    return r


def check_pdf(path: Path, text: str) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 5000:
        raise SmokeFailure(f"{path} is not a PDF ({len(data)} bytes)")
    if shutil.which("pdftotext"):
        found = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                               text=True).stdout
        if text.lower() not in found.lower():
            raise SmokeFailure(f"{path}: {text!r} not found in the PDF's text")


def smoke(command: list[str], work: Path, version: str | None = None,
          say=print) -> dict[str, float]:  # noqa: ANN001
    """Run every check; return the timings in seconds (``first_start``, ``start``)."""
    env = private_env(work)
    out = run(command, "--version", env=env, cwd=work).stdout.strip()
    if not out.startswith("journeymap ") or (version is not None and out != f"journeymap {version}"):
        raise SmokeFailure(f"--version printed {out!r}, expected 'journeymap {version}'")
    say(f"ok  --version: {out}")

    names = [line.split("\t")[0] for line in
             run(command, "templates", env=env, cwd=work).stdout.splitlines() if line.strip()]
    if len(names) < 4 or "blank" not in names:
        raise SmokeFailure(f"templates listed: {names}")
    for name in names:
        for lang in LANGUAGES:
            path = work / f"{name}.{lang}.jmap"
            run(command, "new", str(path), "--template", name, "--lang", lang, env=env, cwd=work)
            run(command, "validate", str(path), env=env, cwd=work)
    say(f"ok  new + validate: {len(names)} templates × {len(LANGUAGES)} languages")

    for lang in LANGUAGES:
        project = work / f"b2b-procurement.{lang}.jmap"
        for fmt in ("pdf", "report"):
            pdf = work / f"{fmt}.{lang}.pdf"
            run(command, "export", str(project), "--format", fmt, "-o", str(pdf), env=env, cwd=work)
            check_pdf(pdf, PDF_TEXT[lang])
    say("ok  export --format pdf and report, English and Japanese (text searchable)")

    project = work / "b2b-procurement.ja.jmap"
    app_env = {**env, "JOURNEYMAP_QUIT_AFTER_START": "1"}
    times = []
    for _ in range(4):
        t0 = time.perf_counter()
        r = run(command, str(project), env=app_env, cwd=work, timeout=120)
        times.append(time.perf_counter() - t0)
        if project.name not in r.stdout:
            raise SmokeFailure(f"the app did not show {project.name}: {r.stdout!r} {r.stderr!r}")
    timings = {"first_start": times[0], "start": statistics.median(times[1:])}
    say(f"ok  app started offscreen with {project.name} and quit: first start "
        f"{timings['first_start']:.2f} s (empty font cache), then {timings['start']:.2f} s")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", help="the journeymap executable to test")
    parser.add_argument("--version", dest="expect", help="the version --version must print")
    parser.add_argument("--work", type=Path, help="folder for the files (default: a temporary one)")
    args = parser.parse_args(argv)
    command = [str(Path(args.command).resolve())]
    work = args.work or Path(tempfile.mkdtemp(prefix="jm-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        smoke(command, work, args.expect)
    except (SmokeFailure, subprocess.TimeoutExpired) as e:
        print(f"FAILED {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
