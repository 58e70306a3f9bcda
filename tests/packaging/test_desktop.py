"""`journeymap install-desktop`: a valid menu entry, .jmap files recognised and opened by
journeymap, and `--uninstall` that takes exactly that away — checked with the
freedesktop.org tools a Linux desktop uses (desktop-file-utils, xdg-utils,
shared-mime-info), against a temporary XDG_DATA_HOME and XDG_CONFIG_HOME."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from journeymap.desktop import DESKTOP_ID, MIME_TYPE, desktop_entry, exec_argument

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="freedesktop.org integration is Linux-only")

TOOLS = {"desktop-file-validate": "desktop-file-utils", "update-desktop-database":
         "desktop-file-utils", "xdg-mime": "xdg-utils", "update-mime-database":
         "shared-mime-info", "mimetype": "libfile-mimeinfo-perl"}
# Environment that makes xdg-mime take its generic path (no desktop detected).
DESKTOP_VARS = ("XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP", "DESKTOP_SESSION",
                "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID", "MATE_DESKTOP_SESSION_ID",
                "DISPLAY", "WAYLAND_DISPLAY")


@pytest.fixture(scope="module")
def tools() -> None:
    """The tools must be there (scripts/setup.sh installs them): fail, never skip."""
    missing = sorted({pkg for tool, pkg in TOOLS.items() if shutil.which(tool) is None})
    assert not missing, f"install the Debian packages {' '.join(missing)} (scripts/setup.sh)"


@pytest.fixture
def xdg(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DESKTOP_VARS}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_DIRS="/usr/local/share:/usr/share")
    (tmp_path / "config").mkdir()
    return env


def journeymap(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "journeymap.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def query(env: dict[str, str], *args: str) -> str:
    r = subprocess.run(["xdg-mime", "query", *args], env=env, capture_output=True, text=True,
                       timeout=60)
    return r.stdout.strip()


def project(path: Path, env: dict[str, str]) -> Path:
    r = journeymap(env, "new", str(path), "--template", "blank")
    assert r.returncode == 0, r.stderr
    return path


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_install_registers_entry_icon_and_file_type(tools, xdg, tmp_path):
    data = Path(xdg["XDG_DATA_HOME"])
    r = journeymap(xdg, "install-desktop")
    assert r.returncode == 0, r.stderr
    entry = data / "applications" / DESKTOP_ID
    assert f"wrote {entry}" in r.stdout
    assert "ran xdg-mime default journeymap.desktop application/x-journeymap" in r.stdout

    v = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert v.returncode == 0 and "error" not in v.stdout, v.stdout + v.stderr

    keys = dict(line.split("=", 1) for line in entry.read_text("utf-8").splitlines()
                if "=" in line)
    command, field = keys["Exec"].rsplit(" ", 1)
    assert field == "%f" and Path(command).name == "journeymap" and Path(command).is_file()
    assert keys["MimeType"] == f"{MIME_TYPE};"
    icon = keys["Icon"]
    for size in ("16x16", "48x48", "256x256"):
        png = data / "icons" / "hicolor" / size / "apps" / f"{icon}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{icon}.svg").is_file()

    jmap = project(tmp_path / "some.jmap", xdg)
    assert query(xdg, "filetype", str(jmap)) == MIME_TYPE
    # By content too: a project renamed to .db is still a journeymap project ...
    renamed = tmp_path / "renamed.db"
    shutil.copy(jmap, renamed)
    assert query(xdg, "filetype", str(renamed)) == MIME_TYPE
    # ... and another SQLite database is not.
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert query(xdg, "filetype", str(other)) != MIME_TYPE
    assert query(xdg, "default", MIME_TYPE) == DESKTOP_ID


def test_uninstall_removes_exactly_what_install_wrote(tools, xdg, tmp_path):
    data, config = Path(xdg["XDG_DATA_HOME"]), Path(xdg["XDG_CONFIG_HOME"])
    # Someone else's files in the same folders, and another default application.
    (data / "applications").mkdir(parents=True)
    theirs = data / "applications" / "other.desktop"
    theirs.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", "utf-8")
    mimeapps = config / "mimeapps.list"
    mimeapps.write_text("[Default Applications]\ntext/plain=other.desktop\n", "utf-8")

    assert journeymap(xdg, "install-desktop").returncode == 0
    written = {Path(line.removeprefix("wrote "))
               for line in journeymap(xdg, "install-desktop").stdout.splitlines()
               if line.startswith("wrote ")}
    assert len(written) == 11 and all(p.is_file() for p in written)

    r = journeymap(xdg, "install-desktop", "--uninstall")
    assert r.returncode == 0, r.stderr
    removed = {Path(line.removeprefix("removed ")) for line in r.stdout.splitlines()
               if line.startswith("removed ") and " from " not in line}
    assert removed == written
    assert not any(p.exists() for p in written)
    assert theirs.is_file()
    assert mimeapps.read_text("utf-8") == "[Default Applications]\ntext/plain=other.desktop\n"
    jmap = project(tmp_path / "some.jmap", xdg)
    assert query(xdg, "filetype", str(jmap)) != MIME_TYPE
    assert query(xdg, "default", MIME_TYPE) == ""
    # A second uninstall finds nothing and says so.
    again = journeymap(xdg, "install-desktop", "--uninstall")
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_without_the_tools_the_files_are_written_and_the_user_told(xdg, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**xdg, "PATH": str(empty)}
    r = journeymap(env, "install-desktop")
    assert r.returncode == 0, r.stderr
    assert (Path(xdg["XDG_DATA_HOME"]) / "applications" / DESKTOP_ID).is_file()
    for tool, package in (("update-mime-database", "shared-mime-info"),
                          ("update-desktop-database", "desktop-file-utils"),
                          ("xdg-mime", "xdg-utils")):
        assert f"{tool} not found (Debian/Ubuntu package {package})" in r.stdout


def test_a_command_path_with_spaces_is_quoted_and_valid(tools, tmp_path):
    command = "/opt/My Apps/journeymap $1/journeymap"
    assert exec_argument(command) == '"/opt/My Apps/journeymap \\\\$1/journeymap"'
    assert exec_argument("/usr/bin/journeymap") == "/usr/bin/journeymap"
    entry = tmp_path / DESKTOP_ID
    entry.write_text(desktop_entry(command), "utf-8")
    v = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert v.returncode == 0 and "error" not in v.stdout, v.stdout


def test_install_desktop_is_refused_off_linux(monkeypatch):
    from journeymap import desktop

    monkeypatch.setattr(desktop.sys, "platform", "win32")
    with pytest.raises(OSError, match="for Linux desktops"):
        desktop.run()
