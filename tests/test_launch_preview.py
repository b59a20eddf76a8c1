"""The launch preview: the map as the last launch drew it, shown while the file is read again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mapexplorer.mappage import launch_preview
from mapexplorer.paths import bundled_catalogue


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.geojson"
    shutil.copy(bundled_catalogue(), path)
    return path


def test_the_key_changes_with_the_file_the_arguments_and_the_remembered_time_width_and_mode(
    article,
):
    key = launch_preview.launch_key(article, None, None, None)
    assert key == launch_preview.launch_key(article, None, None, None)
    others = {
        launch_preview.launch_key(article, "2015-09", None, None),
        launch_preview.launch_key(article, None, "treaty-signing", None),
        launch_preview.launch_key(article, None, None, 738000),
        launch_preview.launch_key(article, None, None, None, 365),  # the remembered width
        launch_preview.launch_key(article, None, None, None, None, "cumulative"),  # and mode
    }
    stat = article.stat()
    # The same size and time, other bytes (an edit undone by a tool that keeps the time).
    text = article.read_bytes()
    article.write_bytes(text.replace(b"Tehran", b"Teheran", 1)[: len(text)].ljust(len(text)))
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    others.add(launch_preview.launch_key(article, None, None, None))
    assert key not in others and len(others) == 6


def test_no_key_for_a_missing_or_big_file(tmp_path, monkeypatch, article):
    assert launch_preview.launch_key(tmp_path / "gone.geojson", None, None, None) is None
    monkeypatch.setattr(launch_preview, "MAX_FILE_BYTES", article.stat().st_size - 1)
    assert launch_preview.launch_key(article, None, None, None) is None


def test_saved_then_loaded_under_its_key_only(tmp_path, article):
    key = launch_preview.launch_key(article, None, None, None)
    message = b'{"type":"batch","messages":[]}'
    assert launch_preview.save(tmp_path, key, message)
    assert launch_preview.load(tmp_path, key) == message
    assert (
        launch_preview.load(tmp_path, launch_preview.launch_key(article, "2015", None, None))
        is None
    )
    assert launch_preview.load(tmp_path, None) is None
    assert not list(tmp_path.glob("*.tmp*"))  # written through a temporary file, then renamed


def test_a_damaged_preview_is_not_shown(tmp_path, article):
    key = launch_preview.launch_key(article, None, None, None)
    launch_preview.save(tmp_path, key, b'{"type":"batch","messages":[]}')
    saved = launch_preview.preview_path(tmp_path, key)
    saved.write_bytes(saved.read_bytes()[:-3])  # cut short (a full disk, a crash)
    assert launch_preview.load(tmp_path, key) is None


def test_a_message_too_big_to_keep_removes_the_old_preview(tmp_path, monkeypatch, article):
    key = launch_preview.launch_key(article, None, None, None)
    launch_preview.save(tmp_path, key, b"{}")
    monkeypatch.setattr(launch_preview, "MAX_MESSAGE_BYTES", 10)
    assert not launch_preview.save(tmp_path, key, b"{" + b" " * 20 + b"}")
    assert launch_preview.load(tmp_path, key) is None


@pytest.mark.parametrize("coarse_clock", [False, True])
def test_the_newest_previews_are_kept(tmp_path, article, monkeypatch, coarse_clock):
    """Many kernels (Linux before 6.13) stamp files with a clock that ticks every few
    milliseconds: previews saved within one tick had the same time, and which were the
    newest was chance (CI's machine kept the wrong ones)."""
    if coarse_clock:
        tick = 1_700_000_000_000_000_000
        replace = os.replace

        def replace_in_one_tick(source, target):
            replace(source, target)
            os.utime(target, ns=(tick, tick))

        monkeypatch.setattr(os, "replace", replace_in_one_tick)
    folder = tmp_path / "cache"
    folder.mkdir()
    keys = [launch_preview.launch_key(article, None, None, day) for day in range(7)]
    for key in keys:
        assert launch_preview.save(folder, key, key.encode())
    kept = [key for key in keys if launch_preview.load(folder, key) is not None]
    assert kept == keys[-launch_preview.KEEP :]
    assert len(list(folder.iterdir())) == launch_preview.KEEP


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path, article):
    key = launch_preview.launch_key(article, None, None, None)
    assert not launch_preview.save(tmp_path / "missing" / "folder", key, b"{}")


def test_a_preview_that_cannot_be_saved_leaves_no_temporary_file(tmp_path, article):
    """A write that fails half-way (a full disk) or a rename that fails (something in the
    way) leaves nothing behind: every launch would add a file to the cache folder."""
    folder = tmp_path / "cache"
    key = launch_preview.launch_key(article, None, None, None)
    in_the_way = launch_preview.preview_path(folder, key)
    in_the_way.mkdir(parents=True)  # a folder: os.replace cannot replace it
    assert not launch_preview.save(folder, key, b"{}")
    assert list(folder.iterdir()) == [in_the_way]


def test_no_message_is_made_at_close_for_a_catalogue_too_big_to_keep(
    tmp_path, monkeypatch, article
):
    """A small file can hold many events (a 4 MB CSV of 90,000 rows makes an 11 MB message):
    the window closing must not spend a second making a message it cannot keep."""
    from mapexplorer.mappage import messages
    from mapexplorer.ui.loader import read_now

    catalogue, _ = read_now(article)
    size = len(messages.catalogue_message_json(catalogue))  # as the launch sent it
    messages.forget_catalogue_message(catalogue)
    monkeypatch.setattr(launch_preview, "MAX_MESSAGE_BYTES", size - 1)
    made = []
    monkeypatch.setattr(messages, "state_batch", lambda state: made.append(state) or b"{}")
    day = catalogue.time_range()[1]
    stamp = launch_preview.file_stamp(article)
    assert not launch_preview.save_for_next_launch(
        tmp_path / "cache", str(article), catalogue, day, stamp
    )
    assert made == []


def test_closing_keeps_no_preview_of_a_file_changed_since_it_was_read(
    qtbot, page_path, article, tmp_path
):
    """The file was edited while the window showed it: what the window read is not what the
    next launch will read, and a preview under the file's new key would show the old content
    as the new one while it is read."""
    from PySide6.QtCore import QSettings

    from mapexplorer.ui.app import _last_session, _LaunchPreview, create_window

    for old in page_path.parent.glob(f"{launch_preview.PREFIX}*"):
        old.unlink()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(_launch_args(str(article)), settings, page_path)
    qtbot.addWidget(window)
    text = article.read_text(encoding="utf-8")
    title = window.state.catalogue.events[0].title
    article.write_text(text.replace(title, "Edited: " + title), encoding="utf-8")
    window.close()
    preview = _LaunchPreview(_launch_args(), *_last_session(settings), page_path.parent, None)
    assert preview.key is not None and preview.message is None


def test_closing_keeps_a_preview_of_a_file_unchanged_since_it_was_read(
    qtbot, page_path, article, tmp_path
):
    from PySide6.QtCore import QSettings

    from mapexplorer.ui.app import _last_session, _LaunchPreview, create_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(_launch_args(str(article)), settings, page_path)
    qtbot.addWidget(window)
    window.close()
    preview = _LaunchPreview(_launch_args(), *_last_session(settings), page_path.parent, None)
    assert preview.message is not None


# --- in the window ---------------------------------------------------------------------------


def _launch_args(*argv):
    from mapexplorer.cli import build_window_parser

    return build_window_parser().parse_args(["--size", "1280x800", *argv])


def _fill(qtbot, page_path, argv, view=None, last_file=None, last_time=None, settings=None):
    """A launch's window, empty, then filled by its plan (as `run_app` does)."""
    from mapexplorer.model import Catalogue
    from mapexplorer.ui.app import fill_launched_window, make_window, plan_start

    plan = plan_start(argv, last_file, last_time)
    window = make_window(Catalogue([], {}), "", plan.size, argv, settings, page_path, view)
    qtbot.addWidget(window)
    window.show_opening(plan.path)
    window.show()
    qtbot.waitUntil(lambda: window.map_view.is_ready, timeout=30000)
    return window, plan, lambda: fill_launched_window(window, plan, argv, interactive=False)


def test_the_next_launch_shows_the_last_ones_map_before_reading(qtbot, page_path, article):
    from conftest import page_js
    from mapexplorer.ui.app import _LaunchPreview
    from mapexplorer.ui.map_view import QtMapView

    folder = page_path.parent
    for old in folder.glob(f"{launch_preview.PREFIX}*"):
        old.unlink()
    argv = _launch_args(str(article), "--select", "treaty-signing")
    first = _LaunchPreview(argv, None, None, folder, None)
    assert first.message is None  # never launched so
    window, plan, fill = _fill(qtbot, page_path, argv)
    first.keep_when_sent(window, plan)
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=30000):
        fill()
    drawn = page_js(window.map_view, qtbot, "MapExplorer.drawnEventIds()")
    assert drawn and "treaty-signing" in drawn
    window.close()

    second = _LaunchPreview(argv, None, None, folder, None)
    assert second.message is not None
    view = QtMapView(None, page_path)
    with qtbot.waitSignal(view.frame_drawn, timeout=30000):  # before any window or reading
        view.show_preview(second.message)
    assert page_js(view, qtbot, "MapExplorer.drawnEventIds()") == drawn
    assert page_js(view, qtbot, "MapExplorer.selectedEventId()") == "treaty-signing"
    window, plan, fill = _fill(qtbot, page_path, argv, view)
    frames = []
    view.frame_drawn.connect(frames.append)
    fill()
    assert view.preview_kept  # the read's message was the preview's: not sent again
    assert window.event_list.model.rowCount() == len(plan.catalogue.events)
    assert window.state.selected == "treaty-signing"
    qtbot.wait(300)  # nothing is coming: no frame may follow
    assert frames == []
    assert page_js(view, qtbot, "MapExplorer.drawnEventIds()") == drawn
    assert view.js_errors == []


def test_a_preview_unlike_the_file_read_is_replaced_at_once(qtbot, page_path, article):
    """Under the same key the message can still differ (our code changed, not the file):
    the read's own message then goes to the page."""
    from conftest import page_js
    from mapexplorer.ui.map_view import QtMapView

    argv = _launch_args(str(article))
    view = QtMapView(None, page_path)
    stale = _preview_of_one_event(qtbot, page_path, argv)
    with qtbot.waitSignal(view.frame_drawn, timeout=30000):
        view.show_preview(stale)
    assert len(page_js(view, qtbot, "MapExplorer.drawnEventIds()")) == 1
    window, plan, fill = _fill(qtbot, page_path, argv, view)
    with qtbot.waitSignal(view.frame_drawn, timeout=30000):
        fill()
    assert not view.preview_kept
    ids = set(page_js(view, qtbot, "MapExplorer.drawnEventIds()"))
    assert ids == {e.id for e in window.state.visible_events()} and len(ids) > 1
    assert view.js_errors == []


def test_a_filter_typed_over_the_preview_leaves_the_map_drawing_the_file_read(
    qtbot, page_path, article
):
    """Typed in the filter box before the file is read: the page must not keep a filter of
    the empty window (nothing drawn) once the read's message, equal to the preview, is kept."""
    from PySide6.QtCore import Qt

    from conftest import page_js
    from mapexplorer.ui.app import _LaunchPreview
    from mapexplorer.ui.map_view import QtMapView

    argv = _launch_args(str(article))
    window, plan, fill = _fill(qtbot, page_path, argv)
    _LaunchPreview(argv, None, None, page_path.parent, None).keep_when_sent(window, plan)
    fill()
    window.close()
    view = QtMapView(None, page_path)
    with qtbot.waitSignal(view.frame_drawn, timeout=30000):
        view.show_preview(_LaunchPreview(argv, None, None, page_path.parent, None).message)
    window, plan, fill = _fill(qtbot, page_path, argv, view)
    qtbot.keyClicks(window.event_list.search, "treaty")
    qtbot.keyClick(window.event_list.search, Qt.Key.Key_Return)
    fill()
    assert view.preview_kept  # the filter of the empty window never reached the page
    want = sorted(e.id for e in window.state.visible_events())
    assert want and window.event_list.model.rowCount() == len(plan.catalogue.events)
    qtbot.waitUntil(lambda: sorted(page_js(view, qtbot, "MapExplorer.drawnEventIds()")) == want)
    assert view.js_errors == []


def _preview_of_one_event(qtbot, page_path, argv) -> bytes:
    """The launch message of the article cut down to its latest event."""
    from mapexplorer.model import Catalogue
    from mapexplorer.ui.app import plan_start

    plan = plan_start(argv, None, None)
    latest = max(plan.catalogue.events, key=lambda e: e.time.start)
    plan.catalogue = Catalogue([latest], plan.catalogue.places)
    window, _, fill = _fill(qtbot, page_path, argv)
    sent = []
    window.map_view.catalogue_sent.connect(sent.append)
    from mapexplorer.ui.app import apply_plan

    apply_plan(window, plan, argv)
    window.close()
    return sent[0]


def test_a_click_on_the_preview_before_the_file_is_read_is_ignored(qtbot, page_path, article):
    from mapexplorer.model import Catalogue
    from mapexplorer.model.state import ExplorerState
    from mapexplorer.ui.map_view import QtMapView

    view = QtMapView(ExplorerState(Catalogue([], {})), page_path)
    view._on_event_clicked("treaty-signing")  # the page's answer to a click on a marker
    assert view.state.selected is None


def test_two_launches_the_second_from_the_preview(tmp_path, article):
    """The whole launch, twice with the same settings: the second shows the first's map, then
    fills the window from its own read; both end with the map and the window filled."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env["MAPEXPLORER_BENCH_FIRST_FRAME"] = "1"  # prints when drawn and filled, then quits
    cmd = [sys.executable, "-m", "mapexplorer", str(article), "--size", "1000x700"]
    kept = []
    for _ in range(2):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["first-frame", "window-filled"], done.stderr
        assert "Traceback" not in done.stderr and "Uncaught" not in done.stderr
        key = launch_preview.launch_key(article, None, None, None)
        (saved,) = (tmp_path / "cache").rglob(launch_preview.preview_path(Path(), key).name)
        kept.append(saved.stat().st_ino)
    # The second launch's read gave the preview's very message: the file was not written again.
    assert kept[0] == kept[1]


def test_closing_keeps_the_map_the_next_plain_launch_shows(qtbot, page_path, article, tmp_path):
    """The next launch without arguments reopens the last file at the time it was left at:
    the window keeps that launch's message when it closes, and that launch keeps it shown."""
    from PySide6.QtCore import QSettings

    from mapexplorer.ui.app import _last_session, _LaunchPreview, create_window
    from mapexplorer.ui.map_view import QtMapView

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(_launch_args(str(article)), settings, page_path)
    qtbot.addWidget(window)
    events = sorted(window.state.catalogue.events, key=lambda e: e.time.start)
    window.state.set_mode("cumulative")  # not chosen in the box: the next launch is in Window
    window.state.set_time(events[len(events) // 2].time.start)
    window.state.select(events[3].id, move_time=False)  # nor is the selection
    left_at = window.state.time
    window.close()

    plain = _launch_args()
    last_file, last_time = _last_session(settings)
    preview = _LaunchPreview(plain, last_file, last_time, page_path.parent, None)
    assert last_file == str(article) and preview.message is not None
    view = QtMapView(None, page_path)
    view.show_preview(preview.message)
    window, plan, fill = _fill(qtbot, page_path, plain, view, last_file, last_time)
    qtbot.waitUntil(lambda: view._preview_shown, timeout=30000)
    fill()
    assert plan.last_time == left_at and window.state.time == left_at
    assert view.preview_kept


def test_the_next_launchs_map_is_kept_at_the_width_the_user_chose(
    qtbot, page_path, article, tmp_path
):
    """The width chosen in the box is remembered: the map kept for the next launch is drawn at
    it, under a key of it, so that launch shows it at once and keeps it when the file is read."""
    import json

    from PySide6.QtCore import QSettings, Qt

    from mapexplorer.ui.app import _last_session, _LaunchPreview, create_window
    from mapexplorer.ui.map_view import QtMapView
    from mapexplorer.ui.window_width import remembered_width

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(_launch_args(str(article)), settings, page_path)
    qtbot.addWidget(window)
    combo = window.timeline.window_combo
    for _ in range(2):  # picked from the keyboard: 5 years, then 1 year
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentData() == 365
    window.close()

    plain = _launch_args()
    last_file, last_time = _last_session(settings)
    assert remembered_width(settings) == 365
    without = _LaunchPreview(plain, last_file, last_time, page_path.parent, None)
    assert without.message is None  # kept for the width, not for the default one
    preview = _LaunchPreview(plain, last_file, last_time, page_path.parent, None, 365)
    kept = json.loads(preview.message)
    time = next(m for m in kept["messages"] if m["type"] == "time")
    assert time["end"] - time["start"] == 364  # a year wide, centred on the time
    view = QtMapView(None, page_path)
    view.show_preview(preview.message)
    window, plan, fill = _fill(qtbot, page_path, plain, view, last_file, last_time, settings)
    qtbot.waitUntil(lambda: view._preview_shown, timeout=30000)
    fill()
    assert window.state.window_days == 365 and view.preview_kept


def test_the_next_launchs_map_is_kept_whole_when_the_user_chose_the_whole_story(
    qtbot, page_path, article, tmp_path
):
    """ "All eras" chosen and the window closed: the next launch opens the story whole, and the
    map kept for it is that map, kept when the file is read."""
    import json

    from PySide6.QtCore import QSettings

    from mapexplorer.ui.app import _last_session, _LaunchPreview, create_window
    from mapexplorer.ui.map_view import QtMapView
    from mapexplorer.ui.window_width import remembered_width

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(_launch_args(str(article)), settings, page_path)
    qtbot.addWidget(window)
    window.chapter_box.activated.emit(0)  # "All eras", picked
    story = window.state.story_days()
    window.close()

    plain = _launch_args()
    last_file, last_time = _last_session(settings)
    assert remembered_width(settings) == 0
    preview = _LaunchPreview(plain, last_file, last_time, page_path.parent, None, 0)
    kept = json.loads(preview.message)
    time = next(m for m in kept["messages"] if m["type"] == "time")
    assert time["end"] - time["start"] + 1 >= story
    view = QtMapView(None, page_path)
    view.show_preview(preview.message)
    window, plan, fill = _fill(qtbot, page_path, plain, view, last_file, last_time, settings)
    qtbot.waitUntil(lambda: view._preview_shown, timeout=30000)
    fill()
    assert window.state.window_days == story and view.preview_kept


def test_the_next_launchs_map_is_kept_in_the_mode_the_user_chose(
    qtbot, page_path, article, tmp_path
):
    """Cumulative chosen in the mode box is remembered: the map kept for the next launch is
    drawn in it, under a key of it (a launch in Window mode never shows it), and kept when the
    file is read."""
    import json

    from PySide6.QtCore import QSettings

    from mapexplorer.ui.app import _last_session, _LaunchPreview, create_window
    from mapexplorer.ui.map_view import QtMapView
    from mapexplorer.ui.time_mode import remembered_mode

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(_launch_args(str(article)), settings, page_path)
    qtbot.addWidget(window)
    mode = window.timeline.mode_combo
    mode.setCurrentIndex(mode.findData("cumulative"))  # as picked from its list
    window.close()

    plain = _launch_args()
    last_file, last_time = _last_session(settings)
    assert remembered_mode(settings) == "cumulative"
    without = _LaunchPreview(plain, last_file, last_time, page_path.parent, None)
    assert without.message is None  # kept for the mode chosen, not for Window
    preview = _LaunchPreview(
        plain, last_file, last_time, page_path.parent, None, None, "cumulative"
    )
    kept = json.loads(preview.message)
    time = next(m for m in kept["messages"] if m["type"] == "time")
    assert time["mode"] == "cumulative"
    view = QtMapView(None, page_path)
    view.show_preview(preview.message)
    window, plan, fill = _fill(qtbot, page_path, plain, view, last_file, last_time, settings)
    qtbot.waitUntil(lambda: view._preview_shown, timeout=30000)
    fill()
    assert window.state.mode.value == "cumulative" and view.preview_kept


@pytest.mark.parametrize("users_file", [False, True], ids=["alone", "while-the-users-file-fails"])
def test_the_preview_goes_when_the_launch_file_cannot_be_read(
    qtbot, page_path, article, tmp_path, users_file
):
    """The file read after its preview failed (changed meanwhile, our code can no longer read
    it): the map of it must not stay on screen while the window says it could not be read,
    nor after the file the user opened meanwhile fails too ("No file open")."""
    from conftest import page_js
    from mapexplorer.ui.app import StartupError, fill_launched_window, tell_launch_failure
    from mapexplorer.ui.map_view import QtMapView

    argv = _launch_args(str(article))
    view = QtMapView(None, page_path)
    with qtbot.waitSignal(view.frame_drawn, timeout=30000):
        view.show_preview(_preview_of_one_event(qtbot, page_path, argv))
    window, _, _ = _fill(qtbot, page_path, argv, view)
    assert len(page_js(view, qtbot, "MapExplorer.drawnEventIds()")) == 1
    failed = StartupError(f"{article}: could not be opened")
    if users_file:
        bad = tmp_path / "bad.geojson"
        bad.write_text("{")
        window.open_file(str(bad))
        assert fill_launched_window(window, failed, argv, interactive=False) is None
        qtbot.waitUntil(lambda: getattr(window, "error_box", None) is not None, timeout=30000)
        assert "could not be read either" in window.error_box.text()
    else:
        assert fill_launched_window(window, failed, argv, interactive=False) == 2
        tell_launch_failure(window, str(failed), lambda: None)
    qtbot.waitUntil(lambda: page_js(view, qtbot, "MapExplorer.drawnEventIds()") == [])
    assert not window.state.catalogue.events
    assert view.js_errors == []
