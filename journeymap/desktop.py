"""Linux desktop integration: a menu entry with the icon, and ``.jmap`` files that open
in journeymap on a double-click.

``journeymap install-desktop`` writes, under ``$XDG_DATA_HOME`` (default
``~/.local/share``), the files of the freedesktop.org specifications:

- ``applications/journeymap.desktop``: the menu entry; ``Exec`` is the absolute path of
  the ``journeymap`` command that ran (a pipx or venv script, or the frozen app), ``%f``
  for the file, ``MimeType=application/x-journeymap``;
- ``icons/hicolor/<N>x<N>/apps/journeymap.png`` and ``icons/hicolor/scalable/apps/
  journeymap.svg``: the icon;
- ``mime/packages/journeymap.xml``: the file type, by name (``*.jmap``) and by content
  (a SQLite header with journeymap's application id);

then refreshes the desktop's databases with ``update-mime-database``,
``update-desktop-database`` and makes journeymap the default application for the type
with ``xdg-mime default`` (which writes ``$XDG_CONFIG_HOME/mimeapps.list``). A tool that
is not installed is skipped with a note: the files are in place, and desktops rebuild
their databases at the next login. ``--uninstall`` removes exactly these files and the
default-application line, then refreshes the databases again. Folders are left.
This module never imports Qt.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from journeymap.assets import ICON_SIZES, app_icon_png, app_icon_svg, asset

MIME_TYPE = "application/x-journeymap"
DESKTOP_ID = "journeymap.desktop"
ICON_NAME = "journeymap"


@dataclass
class Outcome:
    """What an install or uninstall did: files written or removed, and notes for the user."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# -- where ------------------------------------------------------------------------------------
def data_home(env: Mapping[str, str] = os.environ) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when unset or not absolute (as the spec says)."""
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def config_home(env: Mapping[str, str] = os.environ) -> Path:
    value = env.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def installed_command() -> str:
    """Absolute path of the ``journeymap`` command to put in the desktop entry.

    The frozen app's executable; else the ``journeymap`` script that is running (not
    resolved through symlinks, so pipx's ``~/.local/bin/journeymap`` stays valid across
    upgrades); else one on PATH or beside this Python. Raises FileNotFoundError."""
    if getattr(sys, "frozen", False):
        return sys.executable
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.stem == "journeymap" and argv0.is_file():
        return os.path.abspath(argv0)
    beside = Path(sys.executable).with_name("journeymap")
    found = shutil.which("journeymap") or (str(beside) if beside.is_file() else None)
    if found is None:
        raise FileNotFoundError("cannot find the installed journeymap command "
                                "(install journeymap with pipx or pip first)")
    return os.path.abspath(found)


# -- what -------------------------------------------------------------------------------------
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def exec_argument(path: str) -> str:
    """``path`` as one argument of a desktop entry's Exec key (quoted when it must be)."""
    if not _RESERVED.search(path):
        return path
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", path) + '"'
    return quoted.replace("\\", "\\\\")  # the key's value is itself an escaped string


def desktop_entry(command: str) -> str:
    """The text of ``journeymap.desktop`` for the command at ``command``."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=journeymap",
        "GenericName=Customer journey map",
        "GenericName[ja]=カスタマージャーニーマップ",
        "Comment=Map B2B customer journeys role by role and rank what to fix first",
        "Comment[ja]=B2B のカスタマージャーニーを役割ごとに描き、改善の優先順位を決める",
        f"Exec={exec_argument(command)} %f",
        f"Icon={ICON_NAME}",
        "Terminal=false",
        "Categories=Office;",
        "Keywords=journey;customer experience;CX;workshop;B2B;",
        "Keywords[ja]=ジャーニーマップ;顧客体験;CX;ワークショップ;",
        f"MimeType={MIME_TYPE};",
        "StartupNotify=true",
        "StartupWMClass=journeymap",
        "",
    ])


def planned_files(command: str) -> dict[Path, bytes]:
    """Every file install-desktop writes: path relative to the data home → content."""
    files: dict[Path, bytes] = {
        Path("applications") / DESKTOP_ID: desktop_entry(command).encode("utf-8"),
        Path("mime") / "packages" / "journeymap.xml": asset("desktop", "journeymap.xml").read_bytes(),
        Path("icons") / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg":
            app_icon_svg().read_bytes(),
    }
    for size in ICON_SIZES:
        files[Path("icons") / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"] = \
            app_icon_png(size).read_bytes()
    return files


def _owned_paths() -> list[Path]:
    """The relative paths install-desktop may have written (what uninstall removes)."""
    return list(planned_files("journeymap"))


# -- tools ------------------------------------------------------------------------------------
_PACKAGES = {"update-mime-database": "shared-mime-info",
             "update-desktop-database": "desktop-file-utils", "xdg-mime": "xdg-utils"}


def _run(tool: str, args: list[str], env: Mapping[str, str], outcome: Outcome) -> None:
    exe = shutil.which(tool)
    if exe is None:
        outcome.notes.append(
            f"{tool} not found (Debian/Ubuntu package {_PACKAGES[tool]}): skipped; the "
            "desktop picks the change up when it next rebuilds its databases (usually at login)")
        return
    r = subprocess.run([exe, *args], env=dict(env), capture_output=True, text=True)
    if r.returncode != 0:
        message = (r.stderr or r.stdout).strip().splitlines()
        outcome.notes.append(f"{tool} {' '.join(args)} failed (exit {r.returncode})"
                             + (f": {message[-1]}" if message else ""))
    else:
        outcome.notes.append(f"ran {tool} {' '.join(args)}")


def _refresh(home: Path, env: Mapping[str, str], outcome: Outcome) -> None:
    (home / "mime" / "packages").mkdir(parents=True, exist_ok=True)
    _run("update-mime-database", [str(home / "mime")], env, outcome)
    _run("update-desktop-database", [str(home / "applications")], env, outcome)
    hicolor = home / "icons" / "hicolor"
    if hicolor.is_dir():
        os.utime(hicolor)  # icon theme caches are checked against this folder's time


def _tool_env(home: Path, env: Mapping[str, str] | None) -> dict[str, str]:
    out = dict(os.environ if env is None else env)
    out["XDG_DATA_HOME"] = str(home)
    return out


# -- install / uninstall ------------------------------------------------------------------------
def install(command: str | None = None, *, home: Path | None = None,
            env: Mapping[str, str] | None = None, run_tools: bool = True) -> Outcome:
    """Write the desktop entry, icons and file type under ``home`` (the data home by
    default) and register journeymap as the default application for ``.jmap`` files."""
    tool_env = _tool_env(home or data_home(env or os.environ), env)
    home = Path(tool_env["XDG_DATA_HOME"])
    command = command or installed_command()
    outcome = Outcome()
    for rel, content in planned_files(command).items():
        path = home / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(content)
        os.replace(tmp, path)
        outcome.written.append(path)
    if run_tools:
        _refresh(home, tool_env, outcome)
        _run("xdg-mime", ["default", DESKTOP_ID, MIME_TYPE], tool_env, outcome)
    return outcome


def _drop_default(mimeapps: Path) -> bool:
    """Remove ``application/x-journeymap=journeymap.desktop`` lines; True if any was there."""
    if not mimeapps.is_file():
        return False
    lines = mimeapps.read_text("utf-8").splitlines(keepends=True)
    kept = [ln for ln in lines
            if not (ln.split("=", 1)[0].strip() == MIME_TYPE
                    and ln.split("=", 1)[1].strip().strip(";") == DESKTOP_ID)]
    if len(kept) == len(lines):
        return False
    mimeapps.write_text("".join(kept), "utf-8")
    return True


def uninstall(*, home: Path | None = None, env: Mapping[str, str] | None = None,
              run_tools: bool = True) -> Outcome:
    """Remove what :func:`install` wrote (files only; folders stay) and the default
    application line it added; refresh the databases."""
    tool_env = _tool_env(home or data_home(env or os.environ), env)
    home = Path(tool_env["XDG_DATA_HOME"])
    outcome = Outcome()
    for rel in _owned_paths():
        path = home / rel
        if path.is_file():
            path.unlink()
            outcome.removed.append(path)
    mimeapps = config_home(tool_env) / "mimeapps.list"
    if _drop_default(mimeapps):
        outcome.notes.append(f"removed the default application for {MIME_TYPE} from {mimeapps}")
    if run_tools:
        _refresh(home, tool_env, outcome)
    return outcome


def run(remove: bool = False) -> list[str]:
    """``journeymap install-desktop [--uninstall]``: do it; return the lines that say
    what was done. Raises OSError (with a message for the user) when it cannot."""
    if not sys.platform.startswith("linux"):
        raise OSError("install-desktop is for Linux desktops; on Windows and macOS use "
                      "the frozen app (see the README)")
    outcome = uninstall() if remove else install()
    lines = [f"wrote {p}" for p in outcome.written] + [f"removed {p}" for p in outcome.removed]
    lines += outcome.notes
    if remove and not outcome.removed:
        lines.append("nothing to remove: journeymap's desktop entry was not installed here")
    return lines
