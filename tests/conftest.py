"""Test set-up: Qt offscreen, Chromium without its sandbox (CI runs as root), settings kept
out of the user's real configuration. These must be set before QtWebEngine is imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
os.environ.setdefault("QT_QUICK_BACKEND", "software")  # as the app sets it offscreen

import PySide6.QtWebEngineWidgets  # noqa: E402,F401  (before any QApplication exists)
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# No time limit per example: a test's first example pays for imports and caches (the EDTF
# grammar's took 404 ms against the 200 ms default once), and CI's machine may be slower.
settings.register_profile("mapexplorer", deadline=None)
settings.load_profile("mapexplorer")

from mapexplorer.ui.page_data import register_scheme  # noqa: E402

register_scheme()  # as the app does before its QApplication: big messages go by URL


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory):
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _normal_text_size():
    """Larger text is the application's (its menus, tooltips, dialogs): a test that leaves it
    larger must not leave every later test's windows larger too."""
    yield
    import sys

    text_size = sys.modules.get("mapexplorer.ui.text_size")
    from PySide6.QtWidgets import QApplication

    if text_size is not None and QApplication.instance() is not None:
        text_size.scale_application_text(1.0)


@pytest.fixture(scope="session")
def page_path(tmp_path_factory):
    """The map page, built once for the whole test run."""
    from mapexplorer.mappage.page_builder import ensure_page

    return ensure_page(tmp_path_factory.mktemp("page"))


@pytest.fixture
def bundled():
    from mapexplorer.formats import native
    from mapexplorer.paths import bundled_catalogue

    return native.load(bundled_catalogue())


@pytest.fixture
def open_window(qtbot, page_path):
    """Opens a main window on a catalogue, shown and drawn; after the test, checks the page
    logged no JavaScript error."""
    from mapexplorer.ui.main_window import MainWindow

    opened = []

    def open_(catalogue, name="catalogue.geojson"):
        win = MainWindow(catalogue, name, page_path, settings=None)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        with qtbot.waitSignal(win.map_view.frame_drawn, timeout=30000):
            win.show()
        opened.append(win)
        return win

    yield open_
    for win in opened:
        assert win.map_view.js_errors == [], win.map_view.js_errors
        win.close()


def busy_place_catalogue(count: int = 200):
    """A city's `count` incidents, a few a day from January 2024 (e0, e1 …), all at Paris:
    "Other events here" at a busy place, in the window and in the exported page."""
    from shapely.geometry import Point

    from mapexplorer.model import Catalogue, Event, Place, TimeSpan

    events = [
        Event(
            id=f"e{i}",
            title=f"Incident {i}",
            time=TimeSpan.parse(f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}"),
            place_ids=("paris",),
        )
        for i in range(count)
    ]
    return Catalogue(events=events, places={"paris": Place("paris", "Paris", Point(2.35, 48.85))})


def with_title(catalogue, title):
    """The catalogue with its last event renamed (for text that must stay text)."""
    from dataclasses import replace

    from mapexplorer.model import Catalogue

    renamed = replace(catalogue.events[-1], title=title)
    return Catalogue(
        events=[*catalogue.events[:-1], renamed],
        places=catalogue.places,
        eras=catalogue.eras,
        source=catalogue.source,
    )


@pytest.fixture(autouse=True)
def _delete_windows_after_each_test(request):
    """Delete every top-level widget after a test. A QWebEnginePage still alive when the
    QApplication goes away makes Chromium crash at exit ("Release of profile requested but
    WebEnginePage still not deleted"), which would fail the run after every test passed."""
    yield
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def file_drop(path):
    """The drop event of a file dragged from a file manager onto the window."""
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    # The event keeps a pointer to its data, not a reference: keep it with the event.
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.mime = mime
    return event


def drag_handle(qtbot, splitter, index, offset):
    """Drag a splitter's handle `index` by `offset` (a QPoint), as the mouse does."""
    from PySide6.QtCore import Qt

    handle = splitter.handle(index)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + offset)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + offset)


def page_js(view, qtbot, script):
    """Evaluate JavaScript in the map page and return its (JSON-decoded) value."""
    box = []
    view.run_js(script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10000)
    return box[0]


def page_js_at(view, qtbot, lat, lng, function, *more):
    """Call the JavaScript `function(x, y, *more)` at the map's container point of a latitude
    and longitude, and return its value."""
    point = page_js(view, qtbot, f"MapExplorer.containerPointAt({lat}, {lng})")
    args = ", ".join(str(a) for a in (point["x"], point["y"], *more))
    return page_js(view, qtbot, f"({function})({args})")


def set_map_view(view, qtbot, lat, lng, zoom):
    """Move the map (at once) and wait until the page has drawn the new view."""
    frames = page_js(view, qtbot, "MapExplorer.frames()")
    page_js(view, qtbot, f"MapExplorer.setView({lat}, {lng}, {zoom})")
    qtbot.waitUntil(lambda: page_js(view, qtbot, "MapExplorer.frames()") > frames)


# How many of the events canvas's pixels hold any paint (for the map page tests).
PAINTED = """(function () {
  var c = document.querySelector('canvas.me-events');
  var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
  for (var i = 3; i < d.length; i += 4) if (d[i]) n++;
  return n;
})()"""


@pytest.fixture
def blocking_reader(monkeypatch, bundled):
    """The background loader's reader replaced by one that sets `reading`, waits for the test
    to set `release`, then returns the bundled catalogue: a load the test holds mid-read."""
    import threading
    from types import SimpleNamespace

    from mapexplorer.formats.report import ReadReport
    from mapexplorer.ui import loader as loader_module

    reader = SimpleNamespace(reading=threading.Event(), release=threading.Event())

    def read(path, report=None, fields=None, parsed=None):
        reader.reading.set()
        assert reader.release.wait(20), "the test never released the reader"
        return bundled, ReadReport(str(path))

    monkeypatch.setattr(loader_module, "read_catalogue", read)
    return reader


# A modal dialog nobody answers within this long fails its test (tests/modal_watchdog.py).
MODAL_PATIENCE_S = 60

# How long a test waits for a file read on the loader's thread, drafts made on the importer's,
# or the map page: a second or two here, but a session's first read or draft pays for imports
# and caches (5 and 11 s measured on a loaded machine), and CI's machine may be slower still.
# A wait ends as soon as its signal comes: the margin costs nothing when all is well.
WORK_MS = 60_000


@pytest.fixture(autouse=True)
def _no_dialog_left_waiting(request):
    """A test that opens a modal dialog it does not expect fails, naming what the dialog said,
    rather than hanging the run on an `exec()` nobody answers."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from modal_watchdog import ModalWatchdog

    request.getfixturevalue("qapp")
    watchdog = ModalWatchdog(MODAL_PATIENCE_S)
    watchdog.start()
    yield
    watchdog.stop()
    if watchdog.left_waiting:
        pytest.fail(
            "a modal dialog was left waiting for an answer: " + "; ".join(watchdog.left_waiting)
        )
