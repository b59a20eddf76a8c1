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


def no_display_problem() -> str | None:
    """Why no window can open here (Linux without a display: an SSH session, a container), or
    None. Qt would abort with a message about its "xcb" plugin and libxcb-cursor0."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
        "set: a remote or text-only session?). Run it from a desktop session; without one, "
        "`mapexplorer --screenshot window.png`, `mapexplorer events` and `mapexplorer export` "
        "work"
    )


def start_webengine(offscreen_without_display: bool) -> None:
    """All QtWebEngine needs before the QApplication exists: the environment (`prepare`), its
    import, and our URL scheme for big messages to the map page (`ui/page_data.py`)."""
    prepare(offscreen_without_display)
    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)

    skip_feature_scan_of_plain_modules()

    from mapexplorer.ui.page_data import register_scheme

    register_scheme()


# Packages that never use PySide6: the standard library, our Qt-free layers (an import-linter
# contract keeps them so) and the libraries they use.
_PLAIN_PACKAGES = frozenset(
    {"numpy", "shapely", "orjson", "edtf", "pyparsing", "dateutil", "fastkml", "pygeoif"}
)
_PLAIN_PREFIXES = ("mapexplorer.model", "mapexplorer.formats", "mapexplorer.importer")


def skip_feature_scan_of_plain_modules() -> None:
    """PySide6 reads the source of every module imported after it (`inspect.getsource`, about
    0.2 ms each) to see whether it names PySide6 and so may `from __feature__ import`: ~50 ms
    of a launch's imports, one thread at a time. Modules that cannot are answered without
    reading them; any other module is still read. A no-op if PySide6 changes its internals."""
    feature = sys.modules.get("PySide6.support.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "skips_plain_modules", False):
        return

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        top = name.partition(".")[0]
        if top in sys.stdlib_module_names or top in _PLAIN_PACKAGES:
            return False
        if name.startswith(_PLAIN_PREFIXES):
            return False
        return scan(module)

    uses_pyside.skips_plain_modules = True
    feature._mod_uses_pyside = uses_pyside
