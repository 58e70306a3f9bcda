"""The editor window fixtures of tests/ui (offscreen, private settings, recorded
message boxes), for the library's window tests."""

from tests.ui.conftest import (  # noqa: F401
    _private_settings,
    jm_app,
    message_boxes,
    window,
)
