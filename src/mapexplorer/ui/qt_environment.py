"""What Qt WebEngine needs from the environment, set before it loads (never asked of the user)."""

from __future__ import annotations

import os
import sys


def prepare(offscreen_without_display: bool) -> None:
    """Call before importing QtWebEngine.

    - As root (containers, CI machines), Chromium refuses to start unless its sandbox is off:
      the sandbox needs an unprivileged user, so off it goes rather than a blank map.
    - `offscreen_without_display`: for work that only renders (a screenshot, an image export),
      use Qt's offscreen platform when there is no display to connect to.
    - On the offscreen platform there is no GPU to reach: Qt's OpenGL attempt fails and it
      draws in software anyway, but only after loading Mesa and LLVM into the process (~45 MB
      of memory, measured). Ask for the software renderer from the start."""
    if not sys.platform.startswith("linux"):
        return
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if offscreen_without_display and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] == "offscreen":
        os.environ.setdefault("QT_QUICK_BACKEND", "software")


def start_webengine(offscreen_without_display: bool) -> None:
    """All QtWebEngine needs before the QApplication exists: the environment (`prepare`), its
    import, and our URL scheme for big messages to the map page (`ui/page_data.py`)."""
    prepare(offscreen_without_display)
    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)

    from mapexplorer.ui.page_data import register_scheme

    register_scheme()
