#!/usr/bin/env bash
# Install what journeymap needs on Debian/Ubuntu, then a virtualenv with the package.
# Idempotent: re-running is quick when nothing changed. Sourced by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# System packages: Qt's xcb platform libraries for a real window, Xvfb for a virtual
# screen, poppler-utils for checking PDFs, python3-venv for the virtualenv; the
# freedesktop.org tools that test `journeymap install-desktop` (desktop-file-utils,
# xdg-utils with libfile-mimeinfo-perl for `xdg-mime query filetype`, shared-mime-info);
# chromium, the real browser of the room's participant-page tests (driven by Playwright);
# postgresql for the team library's tests (a throwaway server, tests/library/).
APT_PACKAGES=(python3-venv poppler-utils xvfb xauth
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libdbus-1-3
  desktop-file-utils xdg-utils libfile-mimeinfo-perl shared-mime-info
  chromium postgresql)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing system packages: ${missing[*]}"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

PYTHON="${PYTHON:-python3}"
VENV="${JOURNEYMAP_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV with $($PYTHON --version)"
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.journeymap-installed"
want="$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing journeymap and its dependencies into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[dev,library]"
  echo "$want" > "$stamp"
fi
