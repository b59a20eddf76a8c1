"""Start the window: open the file, restore the layout, or take a screenshot and quit.

Start-up is arranged for speed: Chromium starts loading the map page first; the window opens,
empty, as soon as its modules are imported, so that Chromium lays the page out at its real size
while the catalogue is read on a worker thread (QtWebEngine's browser side lives on the GUI
thread and only makes progress while the Qt event loop turns); the catalogue then fills the
window.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_SIZE = "1280x800"


def parse_at(text: str):
    """The `TimeSpan` an `--at` date means: EDTF or ISO ("2015-09", "-0043-03-15") or written
    ("15 March 44 BC", "AD 79"), as the window's Go to date box reads it. Raises `DateError`."""
    from mapexplorer.formats.dates import parse_date

    return parse_date(text.strip(), unix=False)


def parse_size(text: str, most: int = 10000) -> tuple[int, int]:
    """WIDTHxHEIGHT, each 200 to `most` pixels (a picture's are fewer: `export --size`)."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1280x800") from None
    if not (200 <= w <= most and 200 <= h <= most):
        raise ValueError(f"--size {text!r}: width and height must be 200 to {most} pixels")
    return w, h


def at_clamp_warning(text: str, day: int, catalogue) -> str | None:
    """What `--at text` (day `day`) turns into when it is outside the story, which the time
    cannot leave; None when it is inside."""
    from mapexplorer.model.axis import day_words

    first, last = catalogue.time_range()
    if day > last:
        where, edge = "after the story's last date", day_words(last)
    elif day < first:
        where, edge = "before the story's first date", day_words(first)
    else:
        return None
    return f"--at {text} is {where} ({edge}); showing {edge}"


class StartupError(Exception):
    """A reason the window cannot open as asked (bad file, unknown event...)."""


@dataclass
class StartPlan:
    """What the window opens with; worked out without Qt widgets (so, on any thread)."""

    catalogue: Any
    path: str
    size: tuple[int, int]
    at: int | None
    last_time: int | None
    report: Any = None
    """The `ReadReport`: what the reader left out, shown once the window is up."""
    ask_fields: bool = False
    """The file's fields read more than one way: the window asks, as File ▸ Open does."""
    last_file_lost: str | None = None
    """Why the last session's file did not open again (gone, or no longer readable), when the
    bundled article opens in its place; said once."""


def launch_path(args: argparse.Namespace, last_file: str | None) -> str:
    """The file a launch opens: the one named, else the last session's (if it is still
    there), else the bundled article."""
    from mapexplorer.paths import bundled_catalogue

    if args.file:
        return str(args.file)
    if last_file is not None and Path(str(last_file)).is_file():
        return str(last_file)
    return str(bundled_catalogue())


def plan_start(
    args: argparse.Namespace, last_file: str | None, last_time: Any, remembered_fields=None
) -> StartPlan:
    """Read the catalogue the arguments (or the last session) ask for; `StartupError` if not.

    `remembered_fields(guess)`: the user's answer for a file whose fields read more than one
    way, as File ▸ Open remembered it (a `FieldChoice`), or None; the file is read with it."""
    from mapexplorer.formats import FormatError
    from mapexplorer.model.time import DateError
    from mapexplorer.paths import bundled_catalogue, was_bundled
    from mapexplorer.ui.loader import read_now

    try:
        size = parse_size(args.size or DEFAULT_SIZE)
    except ValueError as exc:
        raise StartupError(str(exc)) from None
    try:
        at = parse_at(args.at).start if args.at else None
    except DateError as exc:
        raise StartupError(f"--at {args.at}: {exc}") from None
    path = launch_path(args, last_file)
    last_time = remembered_time(args, path, last_file, last_time)
    lost = None
    if args.file is None and last_file and path != str(last_file) and not was_bundled(last_file):
        lost = (
            f"The file open last time, {last_file}, is no longer there (moved, renamed or "
            "deleted): the bundled article is open instead."
        )
    try:
        catalogue, report = read_now(path)
        if not catalogue.events:
            raise FormatError(path, "the file holds no events")
    except Exception as exc:  # noqa: BLE001 - any reader failure is this file's, not a crash
        problem = str(exc) if isinstance(exc, FormatError) else f"{type(exc).__name__}: {exc}"
        if args.file is not None:
            if isinstance(exc, FormatError):
                raise StartupError(problem) from None
            raise StartupError(f"{path}: could not be opened ({problem})") from None
        if path == str(bundled_catalogue()):
            raise StartupError(problem) from None  # a broken installation: nothing to fall to
        # The last session's file went bad: start with the bundled article instead, and say so
        # (the user expected their file, not the article).
        lost = (
            f"The file open last time could not be read again ({problem}): the bundled "
            "article is open instead."
        )
        path, last_time = str(bundled_catalogue()), None
        catalogue, report = read_now(path)
    if report.unsure and remembered_fields is not None:
        catalogue, report = _read_as_remembered(path, catalogue, report, remembered_fields)
    if args.select and args.select not in {e.id for e in catalogue.events}:
        import shlex

        from mapexplorer.paths import is_bundled

        # Not the bundled article's path deep in the installation: the command to type.
        where, listing = (
            ("the bundled article", "")
            if is_bundled(path)
            else (path, " " + shlex.quote(str(path)))
        )
        raise StartupError(
            f"--select {args.select}: no such event in {where}"
            f"{_did_you_mean(args.select, catalogue)} "
            f"(`mapexplorer events --ids{listing}` lists every event's id)"
        )
    warning = at_clamp_warning(args.at, at, catalogue) if at is not None else None
    if warning:
        print(f"mapexplorer: warning: {warning}", file=sys.stderr)
    try:
        remembered = int(last_time) if last_time is not None else None
    except (TypeError, ValueError):
        remembered = None
    # A file named on the command line is asked about; the last session's was, back then.
    ask = bool(report.unsure) and args.file is not None
    return StartPlan(catalogue, path, size, at, remembered, report, ask, lost)


def _did_you_mean(wanted: str, catalogue) -> str:
    """ "; did you mean 'treaty-signing'?" for an id mistyped or half-remembered (an id close
    to it, or an event whose id or title holds it), else ""."""
    import difflib

    ids = [e.id for e in catalogue.events]
    near = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.6)
    if not near:
        word = wanted.casefold()
        near = [e.id for e in catalogue.events if word in e.id or word in e.title.casefold()][:3]
    if not near:
        return ""
    return "; did you mean " + " or ".join(repr(i) for i in near) + "?"


def _read_as_remembered(path: str, catalogue, report, remembered_fields):
    """The file read again with the answer the user gave for files with its columns: a last
    session's file reopened, or one named again, reads as the user said, not as guessed."""
    from mapexplorer.formats.opener import guess_fields
    from mapexplorer.ui.loader import read_now

    parsed: dict = {}  # a GeoJSON parsed for the guess is read from there, not parsed again
    guess = guess_fields(path, parsed)
    choice = remembered_fields(guess) if guess is not None and guess.ambiguous else None
    if choice is None:
        return catalogue, report
    return read_now(path, choice, parsed)


def settings_fields(settings):
    """`plan_start`'s `remembered_fields`, from the window's settings."""
    from mapexplorer.formats.field_memory import choice_from_settings, choice_key

    return lambda guess: choice_from_settings(guess, settings.value(choice_key(guess)))


def report_read(window, plan: StartPlan, interactive: bool) -> None:
    """Tell what the launch file's reader left out or guessed, as File ▸ Open does: on stderr,
    and in the window when someone is there to answer."""
    from mapexplorer.formats.report import warning_lines

    if plan.last_file_lost:
        print(f"mapexplorer: warning: {plan.last_file_lost}", file=sys.stderr)
        if window.settings is not None:  # said once: the next launch opens the article quietly
            window.settings.remove("last_file")
            window.settings.remove("last_time")
    for line in warning_lines(plan.report):
        print(f"mapexplorer: warning: {line}", file=sys.stderr)
    if not interactive:
        return
    if plan.last_file_lost:
        window.show_error(plan.last_file_lost, "The last file was not reopened")
    if plan.ask_fields:
        window.open_file(plan.path)  # asks which reading (or uses the remembered answer)
    elif plan.report:
        window.show_read_report(plan.catalogue, plan.path, plan.report)


def build_window(plan: StartPlan, args, settings, page_path: Path, map_view=None):
    """The main window for a plan, with the remembered layout when `settings` is given."""
    window = make_window(plan.catalogue, plan.path, plan.size, args, settings, page_path, map_view)
    apply_plan(window, plan, args)
    return window


def make_window(catalogue, path: str, size, args, settings, page_path: Path, map_view=None):
    """The main window at its size and remembered layout; `catalogue` may be empty (the start
    fills it later, with `apply_plan`)."""
    from mapexplorer.ui.main_window import MainWindow

    window = MainWindow(catalogue, path, page_path, settings, map_view)
    window.resize(*size)
    smallest = window.minimumSizeHint()
    if args.size and (size[0] < smallest.width() or size[1] < smallest.height()):
        print(
            f"mapexplorer: warning: --size {args.size}: the window's controls need more room; "
            "it opens as small as they allow",
            file=sys.stderr,
        )
    if settings is not None and args.size is None:
        window.restore_layout()
    return window


def apply_plan(window, plan: StartPlan, args) -> None:
    """Show the plan's catalogue, at the time and selection the arguments ask for: to the map,
    one message of the result (one draw; what the next launch may show as its preview)."""
    from mapexplorer.paths import is_bundled

    with window.map_view.holding():
        if window.state.catalogue is not plan.catalogue:
            window.path = plan.path
            window.state.set_catalogue(plan.catalogue)
        if plan.at is not None:
            window.state.set_time(plan.at)
        elif plan.last_time is not None:
            window.state.set_time(plan.last_time)
        if args.select:
            # An explicit --at wins: the event is selected, and the time stays where it was.
            window.state.select(args.select, move_time=plan.at is None)
    if args.file or not is_bundled(plan.path):  # not the article opened for want of a file
        window.note_opened(plan.path)


def _last_session(settings) -> tuple[str | None, Any]:
    if settings is None:
        return None, None
    last = settings.value("last_file")
    return (str(last) if last else None), settings.value("last_time")


def remembered_time(args: argparse.Namespace, path: str, last_file: str | None, last_time: Any):
    """The last session's time, when the launch reopens its file (else None, as read)."""
    return last_time if args.file is None and path == str(last_file) else None


def take_launch_article(args: argparse.Namespace) -> str | None:
    """The article named at launch (a news story saved as .txt or .md), taken out of `args`:
    the window opens as it would with no file, then imports it. None for a catalogue, and for
    a screenshot, which has nobody to review drafts (its reader says to import the article)."""
    if (
        not args.file
        or args.screenshot
        or Path(args.file).suffix.lower() not in (".txt", ".md", ".markdown")
    ):
        return None  # (a catalogue: the launch does not import the check's csv module)
    from mapexplorer.formats.prose import is_article_file

    if not is_article_file(args.file):
        return None
    article, args.file = str(args.file), None
    return article


def create_window(args: argparse.Namespace, settings, page_path: Path, map_view=None):
    """Plan and build in one go, on the calling thread (tests, embedding)."""
    fields = settings_fields(settings) if settings is not None else None
    return build_window(
        plan_start(args, *_last_session(settings), fields), args, settings, page_path, map_view
    )


def run_app(args: argparse.Namespace) -> int:
    """Launch the window. In order, each step as soon as it can (Python runs one thread at a
    time, and QtWebEngine's browser side only moves while this thread's event loop turns):

    1. Qt, then the map view: Chromium starts and loads the cached page in its own processes;
    2. on two threads at once, the window's modules (~75 ms; they need neither numpy nor
       shapely) and the catalogue with its page message (numpy, shapely, the reader: ~0.1 s
       for an article): Python runs one of them at a time, but this thread's event loop
       keeps turning for Chromium meanwhile. The packages both import (`mapexplorer.model`,
       `mapexplorer.formats`) come in first, before the reading thread starts: Python's
       import locks deadlock when one thread runs a package's `__init__` while another
       imports a module of it directly;
    3. the window, empty, shown as soon as its modules are in: Chromium lays the page out at
       the map's real size; the catalogue fills it when read (a big file shows its progress
       meanwhile). A launch that cannot go on (its file, `--at`, `--select`) says why over
       the window and ends when that is closed; a screenshot's ends at once, without a window
       when none is up yet."""
    from mapexplorer.cli import EXIT_BAD_INPUT, EXIT_INTERRUPTED

    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    from mapexplorer.ui.qt_environment import no_display_problem, start_webengine

    problem = None if args.screenshot else no_display_problem()
    if problem:  # said plainly, before Qt aborts on it
        print(f"mapexplorer: {problem}", file=sys.stderr)
        return 1
    start_webengine(offscreen_without_display=bool(args.screenshot))  # before the QApplication
    from PySide6.QtCore import QObject, QSettings, Signal
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from mapexplorer.mappage.page_builder import ensure_page
    from mapexplorer.paths import resources_dir
    from mapexplorer.ui.interrupt import interrupt_calls
    from mapexplorer.ui.map_view import QtMapView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Map Explorer")
    app.setOrganizationName("MapExplorer")
    app.setApplicationVersion("0.1")
    app.setWindowIcon(QIcon(str(resources_dir() / "icon.svg")))
    screenshot = args.screenshot
    # A screenshot shows exactly what the arguments ask for, not the last session's state.
    settings = None if screenshot else QSettings()
    outcome: dict[str, Any] = {"code": 0, "window": None}
    outcome["article"] = take_launch_article(args)
    try:
        size = parse_size(args.size or DEFAULT_SIZE)
    except ValueError as exc:
        print(f"mapexplorer: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    problem = screenshot_problem(screenshot) if screenshot else None
    if problem:  # said now, not after the whole window has been drawn for nothing
        print(f"mapexplorer: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        page_path = ensure_page()
    except OSError as exc:  # neither the cache folder nor the temporary one is writable
        print(
            f"mapexplorer: cannot make the map page in {exc.filename or 'the cache folder'} "
            f"({exc.strerror or exc})",
            file=sys.stderr,
        )
        return 1
    # Chromium starts now, in its own processes, laying the page out at the view's size.
    map_view = QtMapView(None, page_path, size=_launch_map_size(settings, args, size))
    last_file, last_time = _last_session(settings)
    from mapexplorer.ui.time_mode import remembered_mode
    from mapexplorer.ui.window_width import remembered_width

    preview = _LaunchPreview(
        args,
        last_file,
        last_time,
        page_path.parent,
        screenshot,
        remembered_width(settings),
        remembered_mode(settings),
    )
    if preview.message is not None:
        map_view.show_preview(preview.message)

    class Starter(QObject):
        window_modules = Signal(object)  # None, or the exception that stopped their import
        planned = Signal(object)  # StartPlan or StartupError

    starter = Starter()
    early_plans: list[StartPlan | StartupError] = []  # read before the window was made

    def import_window_modules() -> None:
        try:
            # First the packages both threads import, before the reading thread starts: one
            # thread running a package's __init__ while the other imports a module of it
            # directly (mapexplorer.model.time) deadlocks Python's import locks (~15 ms).
            import mapexplorer.formats  # noqa: F401
            import mapexplorer.model  # noqa: F401
        except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
            starter.window_modules.emit(exc)
            return
        if preview.message is None:  # else once the map has drawn the preview (open_window)
            start_reading()
        try:
            import mapexplorer.ui.main_window  # noqa: F401
        except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
            starter.window_modules.emit(exc)
        else:
            starter.window_modules.emit(None)

    def start_reading() -> None:
        if not outcome.get("reading"):
            outcome["reading"] = True
            threading.Thread(target=plan_in_background, name="start-plan", daemon=True).start()

    def plan_in_background() -> None:
        try:
            # A QSettings of this thread's own (one object is not for two threads at once).
            fields = settings_fields(QSettings()) if settings is not None else None
            plan = plan_start(args, last_file, last_time, fields)
            from mapexplorer.mappage.messages import catalogue_message_json

            catalogue_message_json(plan.catalogue)  # cached: not made on the GUI thread
            starter.planned.emit(plan)
        except StartupError as exc:
            starter.planned.emit(exc)
        except Exception as exc:  # noqa: BLE001 - a window that never fills would look hung
            logging.getLogger("mapexplorer").exception("start-up failed")
            starter.planned.emit(StartupError(f"could not start ({type(exc).__name__}: {exc})"))

    def open_window(problem: Exception | None) -> None:
        if outcome["code"]:
            return  # the launch file failed first: the launch is over
        if problem is not None:
            print(
                f"mapexplorer: could not start ({type(problem).__name__}: {problem})",
                file=sys.stderr,
            )
            outcome["code"] = 1
            app.exit(1)
            return
        from mapexplorer.model import Catalogue

        window = make_window(Catalogue([], {}), "", size, args, settings, page_path, map_view)
        outcome["window"] = window
        window.show_opening(launch_path(args, last_file))
        if os.environ.get("MAPEXPLORER_BENCH_FIRST_FRAME"):
            _quit_when_drawn_and_filled(app, window)  # python -m mapexplorer.bench: start-up
        if preview.message is not None:
            _when_preview_drawn(window, start_reading)
        if screenshot:
            _screenshot_when_drawn(app, window, screenshot, outcome)
        window.show()
        if early_plans:
            fill_window(early_plans.pop())

    def fill_window(plan: StartPlan | StartupError) -> None:
        if outcome["window"] is None:
            if isinstance(plan, StartupError) and screenshot and not outcome["code"]:
                # Nobody is there to read it in a window: say it, and end before one opens.
                print(f"mapexplorer: {plan}", file=sys.stderr)
                outcome["code"] = EXIT_BAD_INPUT
                app.exit(EXIT_BAD_INPUT)
            elif not outcome["code"]:
                early_plans.append(plan)  # the window takes it as soon as it is made
            return
        if not isinstance(plan, StartupError):
            preview.keep_when_sent(outcome["window"], plan)
        try:
            code = fill_launched_window(outcome["window"], plan, args, interactive=not screenshot)
            reason = str(plan)
        except Exception as exc:  # noqa: BLE001 - a window left "Opening …" would look hung
            logging.getLogger("mapexplorer").exception("start-up failed")
            reason = f"could not start ({type(exc).__name__}: {exc})"
            print(f"mapexplorer: {reason}", file=sys.stderr)
            code = 1
        if code is None:
            article, outcome["article"] = outcome["article"], None
            if article:
                outcome["window"].importer.import_file(article)
            return
        outcome["code"] = code
        if screenshot:
            app.exit(code)
        else:  # launched from a file manager, stderr goes nowhere: say it in the window
            tell_launch_failure(outcome["window"], reason, lambda: app.exit(code))

    def interrupted() -> None:  # Ctrl+C: ends as closing the window does (the session kept)
        outcome.setdefault("shot", EXIT_INTERRUPTED)  # a screenshot not yet taken
        app.exit(EXIT_INTERRUPTED)

    starter.window_modules.connect(open_window)
    starter.planned.connect(fill_window)
    # It starts the reading thread ("start-plan") once the packages both import are in.
    threading.Thread(target=import_window_modules, name="window-modules", daemon=True).start()
    with interrupt_calls(interrupted):
        code = app.exec()
    window = outcome["window"]
    if outcome["code"] or window is None or not window.state.catalogue.events:
        # Nothing opened, so nothing to save (closing would remember no file): leave without
        # Qt's teardown. Chromium, torn down while its first page is still loading, sometimes
        # crashed there (exit 139, not 2).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(outcome["code"] or (outcome.get("shot", 1) if screenshot else code))
    window.close()
    _dispose(window)
    if screenshot:
        return outcome.get("shot", 1)
    return code


def fill_launched_window(
    window, plan: StartPlan | StartupError, args, interactive: bool
) -> int | None:
    """Show the launch file's plan in the window opened before it was read. The user may have
    opened a file meanwhile: theirs wins, and a launch file that failed is only a warning then.
    Returns the exit code when the launch must end (its file failed and nothing else is open)."""
    from mapexplorer.cli import EXIT_BAD_INPUT

    opened, opening = bool(window.state.catalogue.events), window.loader.busy
    window.launch_pending = None  # read now, or failed
    if isinstance(plan, StartupError):
        window.map_view.withdraw_preview()  # the map of a file that could not be read
        if opened or opening:
            print(f"mapexplorer: warning: {plan}", file=sys.stderr)
            if not opened:  # said in the window too, should the user's file not open either
                window.launch_failure = str(plan)
            return None
        print(f"mapexplorer: {plan}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if opened:
        return None
    if not opening:  # else the user's file keeps its progress bar, and replaces this one
        window.end_progress()
    apply_plan(window, plan, args)
    report_read(window, plan, interactive=interactive)
    return None


def tell_broken_installation(reason: str) -> None:
    """Say in a box, when there is a screen, that the installation lacks a file it needs (the
    reason holds its path: shown as text), until the user closes it."""
    from mapexplorer.ui.qt_environment import no_display_problem

    if no_display_problem():
        return  # nowhere to show it: the line on stderr is all
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    box = QMessageBox(QMessageBox.Icon.Critical, "Map Explorer could not start", reason)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()
    del app  # kept until the box is closed


def tell_launch_failure(window, reason: str, closed):
    """Show why the launch cannot go on (its file, `--at`, `--select`) over the window, then
    call `closed` (the launch ends) once the user has read it. The reason is shown as text: it
    holds a file name."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    window.end_progress()
    window.map_view.withdraw_preview()
    # Not "could not open the file": the file may be fine and --at or --select wrong.
    window.statusBar().showMessage("Could not start")
    box = QMessageBox(
        QMessageBox.Icon.Critical, "Map Explorer could not start", reason, parent=window
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.finished.connect(lambda _result: closed())
    box.open()  # window-modal; the launch goes on until it is closed
    return box


def _picture_format(path: str) -> str:
    """The picture format a screenshot's name asks for ("png", "jpg"), lower case."""
    return Path(path).suffix.lower().lstrip(".")


def screenshot_problem(path: str) -> str | None:
    """Why `--screenshot path` cannot be saved (a name without a picture format Qt writes, a
    missing or read-only folder), found before the window is made; None when it can be."""
    from PySide6.QtGui import QImageWriter

    from mapexplorer.formats.errors import cannot_write, check_writable

    fmt = _picture_format(path)
    if not fmt:
        return (
            f"--screenshot {path}: cannot tell the picture format from the name; end it with .png"
        )
    if fmt not in {bytes(f).decode().lower() for f in QImageWriter.supportedImageFormats()}:
        return f"--screenshot {path}: cannot save a picture as .{fmt}; end the name with .png"
    try:
        check_writable(path)
    except OSError as exc:
        return f"{path}: {cannot_write(exc, path)}"
    return None


def save_screenshot(image, path: str) -> str | None:
    """Write `image` (a QPixmap or QImage) to `path` whole or not at all (atomically); returns
    why it failed, or None."""
    from PySide6.QtCore import QBuffer, QIODevice

    from mapexplorer.formats.errors import cannot_write, write_atomically

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.isNull() or not image.save(buffer, _picture_format(path).upper()):
        return f"{path}: Qt could not make the picture"
    try:
        write_atomically(path, bytes(buffer.data()))
    except OSError as exc:
        return f"{path}: {cannot_write(exc, path)}"
    return None


def _screenshot_when_drawn(app, window, screenshot: str, outcome: dict) -> None:
    from PySide6.QtCore import QTimer

    from mapexplorer.cli import EXIT_BAD_INPUT

    def save() -> None:
        problem = save_screenshot(window.grab(), screenshot)
        if problem:
            print(f"mapexplorer: {problem}", file=sys.stderr)
            outcome["shot"] = EXIT_BAD_INPUT
        else:
            print(f"saved {screenshot}")
            outcome["shot"] = 0
        app.quit()

    # A slow machine may still be flying to `--select`'s event when the frame is drawn: the
    # page is asked until the view is still (and, whatever it says, grabbed within 10 s).
    waited = {"ms": 0}

    def when_still(moving) -> None:
        if moving and waited["ms"] < 10_000:
            waited["ms"] += 150
            QTimer.singleShot(150, ask_if_moving)
        else:  # let the compositor take the last frame before grabbing
            QTimer.singleShot(300, save)

    def ask_if_moving() -> None:
        window.map_view.run_js("MapExplorer.moving()", when_still)

    def drawn(_count: int) -> None:
        window.map_view.frame_drawn.disconnect(drawn)
        # A fly begins a frame or two after the draw: asked once it would have begun.
        QTimer.singleShot(600, ask_if_moving)

    def timeout() -> None:
        print("mapexplorer: the map did not draw within 60 s; no screenshot", file=sys.stderr)
        outcome["shot"] = 1
        app.quit()

    window.map_view.frame_drawn.connect(drawn)
    QTimer.singleShot(60_000, timeout)


def _launch_map_size(settings, args, size: tuple[int, int]) -> tuple[int, int] | None:
    """The map's size at the last close of a window laid out as this launch's will be
    (`ui/map_size.py`): with `--size`, that size and the default layout; else the remembered
    size and layout (`MainWindow.restore_layout`)."""
    if settings is None:
        return None
    from mapexplorer.ui.map_size import layout_key, remembered_map_size
    from mapexplorer.ui.text_size import remembered_scale

    restored = args.size is None
    if restored:
        kept = settings.value("size")
        if hasattr(kept, "isValid") and kept.isValid():
            size = (kept.width(), kept.height())
    return remembered_map_size(settings, layout_key(size, remembered_scale(settings), restored))


class _LaunchPreview:
    """The map as the last launch with the same file and arguments drew it, shown while the
    file is read again (`mappage/launch_preview.py`). Not for a screenshot, which shows only
    what is read now."""

    def __init__(
        self, args, last_file, last_time, folder: Path, screenshot, window_days=None, mode=None
    ) -> None:
        """`window_days` and `mode`: the remembered width (`ui/window_width.py`) and time mode
        (`ui/time_mode.py`), which the window's state opens with."""
        from mapexplorer.mappage import launch_preview

        self.folder, self.message, self.key = folder, None, None
        if screenshot:
            return
        self.path = launch_path(args, last_file)
        remembered = remembered_time(args, self.path, last_file, last_time)
        self.key = launch_preview.launch_key(
            self.path, args.at, args.select, remembered, window_days, mode
        )
        self.message = launch_preview.load(folder, self.key)

    def keep_when_sent(self, window, plan: StartPlan) -> None:
        """Save the launch's first message to the page as the next launch's preview."""
        if self.key is None or plan.path != self.path:
            return  # a screenshot; or the last file went bad and the bundled article opens

        def sent(message: bytes) -> None:
            window.map_view.catalogue_sent.disconnect(sent)
            if window.state.catalogue is plan.catalogue and message != self.message:
                from mapexplorer.mappage import launch_preview

                launch_preview.save(self.folder, self.key, message)

        window.map_view.catalogue_sent.connect(sent)


PREVIEW_WAIT_MS = 600
"""The longest the launch file's read waits for the preview to be drawn (a page that never
draws it must not leave the window empty)."""


def _when_preview_drawn(window, start) -> None:
    """Call `start` once the map has drawn the preview at the window's size (the read's imports
    would hold up Chromium's side of the page, which runs on this thread), or after
    `PREVIEW_WAIT_MS` at the latest."""
    from PySide6.QtCore import QTimer

    view = window.map_view
    events_drawn = False

    def check(count: int, *_size: int) -> None:
        nonlocal events_drawn
        events_drawn = events_drawn or count > 0
        if events_drawn and view.drawn_at_its_size():
            go()

    def go() -> None:
        view.frame_drawn.disconnect(check)
        view.view_drawn.disconnect(drawn_at_size)
        timer.stop()
        start()

    def drawn_at_size(width: int, height: int, count: int) -> None:
        check(count)

    view.frame_drawn.connect(check)
    view.view_drawn.connect(drawn_at_size)
    timer = QTimer(window, singleShot=True, interval=PREVIEW_WAIT_MS)
    timer.timeout.connect(go)
    timer.start()


def _quit_when_drawn_and_filled(app, window) -> None:
    """For the benchmark: print "first-frame" when the map has drawn events at the size the
    window gives it (what the user sees: not a draw before the layout; from the launch preview
    when there is one), then "window-filled" when the window shows the file read (its panels
    painted, the map drawn from it), and quit."""
    view = window.map_view
    events_drawn = filled = done = False

    def check(count: int, *_size: int) -> None:
        nonlocal events_drawn
        at_size = view.drawn_at_its_size()
        if not events_drawn and count > 0 and at_size:
            events_drawn = True
            print("first-frame", flush=True)
        if events_drawn and filled and at_size:
            finish()

    def sent(_message: bytes) -> None:  # the file read, its state sent to the page
        nonlocal filled
        filled = window.state.catalogue.events
        if filled and view.preview_kept and events_drawn:  # the map shows it: the panels are new
            window.repaint()
            finish()

    def finish() -> None:
        nonlocal done
        if not done:
            done = True
            print("window-filled", flush=True)
            app.quit()

    view.frame_drawn.connect(check)
    view.view_drawn.connect(lambda width, height, count: check(count))
    view.catalogue_sent.connect(sent)


def _dispose(widget) -> None:
    """Delete the window (and its web page) before the QApplication: Chromium crashes at exit
    when a page outlives its profile."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
