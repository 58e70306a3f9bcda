"""Entry point of the frozen app (PyInstaller runs this file; see journeymap.spec)."""

import sys

from journeymap.cli import main

if __name__ == "__main__":
    sys.exit(main())
