"""Start the window: open the file, restore the layout, or take a screenshot and quit."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

DEFAULT_SIZE = "1280x800"


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1280x800") from None
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise ValueError(f"--size {text!r}: width and height must be 200 to 10000 pixels")
    return w, h


class StartupError(Exception):
    """A reason the window cannot open as asked (bad file, unknown event...)."""


def create_window(args: argparse.Namespace, settings, page_path: Path):
    """The main window for the command line's arguments, with the last session restored
    when `settings` is given (the file, time and layout the user left)."""
    from mapexplorer.formats import FormatError
    from mapexplorer.model.time import DateError, TimeSpan
    from mapexplorer.paths import bundled_catalogue
    from mapexplorer.ui.loader import load_now
    from mapexplorer.ui.main_window import MainWindow

    try:
        size = parse_size(args.size or DEFAULT_SIZE)
    except ValueError as exc:
        raise StartupError(str(exc)) from None
    try:
        at = TimeSpan.parse(args.at) if args.at else None
    except DateError as exc:
        raise StartupError(f"--at {args.at}: {exc}") from None
    reopening = args.file is None and settings is not None
    path = args.file
    if reopening:
        last = settings.value("last_file")
        path = last if last and Path(str(last)).is_file() else None
    path = str(path or bundled_catalogue())
    try:
        catalogue = load_now(path)
    except FormatError as exc:
        if args.file is not None:
            raise StartupError(str(exc)) from None
        # The last session's file went bad or away: start with the bundled article instead.
        path = str(bundled_catalogue())
        catalogue = load_now(path)
        reopening = False
    if not catalogue.events:
        raise StartupError(f"{path}: the file holds no events")
    if args.select and args.select not in {e.id for e in catalogue.events}:
        raise StartupError(f"--select {args.select}: no such event in {path}")

    window = MainWindow(catalogue, path, page_path, settings)
    window.resize(*size)
    if settings is not None and args.size is None:
        window.restore_layout()
    if at is not None:
        window.state.set_time(at.start)
    elif reopening and settings.value("last_time") is not None:
        window.state.set_time(int(settings.value("last_time")))
    if args.select:
        window.state.select(args.select, move_time=True)
    return window


def run_app(args: argparse.Namespace) -> int:
    from mapexplorer.cli import EXIT_BAD_INPUT

    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    # QtWebEngine must be imported before the QApplication exists.
    from PySide6 import QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from mapexplorer.mappage.page_builder import ensure_page
    from mapexplorer.ui.main_window import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Map Explorer")
    app.setOrganizationName("MapExplorer")
    app.setApplicationVersion("0.1")
    app.setWindowIcon(app_icon())
    screenshot = args.screenshot
    # A screenshot shows exactly what the arguments ask for, not the last session's state.
    settings = None if screenshot else QSettings()
    try:
        window = create_window(args, settings, ensure_page())
    except StartupError as exc:
        print(f"mapexplorer: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if os.environ.get("MAPEXPLORER_BENCH_FIRST_FRAME"):
        _quit_on_first_frame(app, window)  # python -m mapexplorer.bench: start-up time
    window.show()
    if not screenshot:
        code = app.exec()
        _dispose(window)
        return code

    result = {"code": 1}

    def save() -> None:
        image = window.grab()
        if image.isNull() or not image.save(screenshot):
            print(f"mapexplorer: could not write the screenshot {screenshot}", file=sys.stderr)
        else:
            print(f"saved {screenshot}")
            result["code"] = 0
        app.quit()

    def drawn(_count: int) -> None:
        window.map_view.frame_drawn.disconnect(drawn)
        # Let the compositor take the frame (and a camera move settle) before grabbing.
        QTimer.singleShot(900, save)

    def timeout() -> None:
        print("mapexplorer: the map did not draw within 60 s; no screenshot", file=sys.stderr)
        app.exit(1)

    window.map_view.frame_drawn.connect(drawn)
    QTimer.singleShot(60_000, timeout)
    app.exec()
    window.close()
    _dispose(window)
    return result["code"]


def _quit_on_first_frame(app, window) -> None:
    """Print when the map has drawn the file's events, then quit (for the benchmark)."""

    def drawn(_count: int) -> None:
        print("first-frame", flush=True)
        app.quit()

    window.map_view.frame_drawn.connect(drawn)


def _dispose(window) -> None:
    """Delete the window (and its web page) before the QApplication: Chromium crashes at exit
    when a page outlives its profile."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
