#!/usr/bin/env bash
# Set up (first time) and run journeymap. Without arguments it opens the demo project.
#   ./run.sh                 the app with the demo project
#   ./run.sh FILE.jmap       the app with a file
#   ./run.sh info FILE.jmap  any command-line subcommand (see README)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh >&2
if [ $# -eq 0 ]; then
  export JOURNEYMAP_DEMO=1
fi
# No screen (a server, a container): run the window on a virtual one.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] \
   && [ "$(uname)" = Linux ] && { [ $# -eq 0 ] || [[ "${1:-}" == *.jmap ]]; }; then
  echo "run: no display found; starting the app on a virtual screen (xvfb-run)" >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/journeymap "$@"
fi
exec .venv/bin/journeymap "$@"
