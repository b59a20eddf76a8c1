import pytest
from PySide6.QtCore import QPoint, Qt

from mapexplorer.model.state import ExplorerState, TimeMode
from mapexplorer.model.time import DateError, day_from_ymd, ymd_from_day
from mapexplorer.ui.timeline import QtTimeline, parse_date_entry


@pytest.fixture
def state(bundled):
    return ExplorerState(bundled)


@pytest.fixture
def timeline(qtbot, state):
    widget = QtTimeline(state)
    qtbot.addWidget(widget)
    widget.resize(1200, 120)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _track_point(track, x):
    return QPoint(int(x), track.height() - 30)  # below the era band, in the events


def test_click_sets_time(qtbot, timeline, state):
    track = timeline.track
    for fraction in (0.1, 0.45, 0.8):
        x = int(track.width() * fraction)
        qtbot.mouseClick(track, Qt.MouseButton.LeftButton, pos=_track_point(track, x))
        expected = track.day_at(x)
        # Within a pixel of the click.
        assert track.day_at(x - 1) <= state.time <= track.day_at(x + 1)
        assert abs(state.time - expected) <= abs(track.day_at(x + 1) - track.day_at(x - 1))


def test_drag_moves_time(qtbot, timeline, state):
    track = timeline.track
    qtbot.mousePress(track, Qt.MouseButton.LeftButton, pos=_track_point(track, 100))
    first = state.time
    qtbot.mouseMove(track, _track_point(track, 700))
    qtbot.mouseRelease(track, Qt.MouseButton.LeftButton, pos=_track_point(track, 700))
    assert state.time > first


def test_click_era_band_chooses_era(qtbot, timeline, state):
    chosen = []
    state.era_changed.connect(chosen.append)
    era = state.catalogue.eras[2]  # World War II: narrow, but it has its own pixels
    x = timeline.track.x_for_day((era.time.start + era.time.end) // 2)
    qtbot.mouseClick(timeline.track, Qt.MouseButton.LeftButton, pos=QPoint(int(x), 5))
    assert chosen == [era]
    assert state.mode is TimeMode.WINDOW


def test_keys(qtbot, timeline, state):
    track = timeline.track
    start, end = state.catalogue.time_range()
    track.setFocus()
    qtbot.keyClick(track, Qt.Key.Key_Home)
    assert state.time == start
    qtbot.keyClick(track, Qt.Key.Key_PageDown)
    assert state.time == state.catalogue.chronological()[1].time.start
    qtbot.keyClick(track, Qt.Key.Key_Right)
    after_right = state.time
    assert after_right > state.catalogue.chronological()[1].time.start
    qtbot.keyClick(track, Qt.Key.Key_Left)
    assert state.time < after_right
    qtbot.keyClick(track, Qt.Key.Key_End)
    assert state.time == end
    qtbot.keyClick(track, Qt.Key.Key_PageUp)
    assert state.time < end
    # In the dense month a step is still at least a day.
    state.set_time(day_from_ymd(2025, 1, 10))
    qtbot.keyClick(track, Qt.Key.Key_Right)
    assert state.time >= day_from_ymd(2025, 1, 11)


def test_date_box(qtbot, timeline, state):
    box = timeline.date_edit
    box.clear()
    qtbot.keyClicks(box, "2015-09")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert ymd_from_day(state.time)[:2] == (2015, 9)
    assert timeline.date_error.isHidden()
    assert "September 2015" in timeline.date_label.text()


def test_bad_date_shows_error(qtbot, timeline, state):
    before = state.time
    box = timeline.date_edit
    qtbot.keyClicks(box, "the day after tomorrow")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert state.time == before
    assert timeline.date_error.isVisible()
    assert "not a date" in timeline.date_error.text()
    qtbot.keyClicks(box, "x")  # typing again clears the complaint
    assert timeline.date_error.isHidden()


@pytest.mark.parametrize(
    ("text", "ymd"),
    [
        ("2015", (2015, 1, 1)),
        ("1941", (1941, 1, 1)),
        ("2015-09-30", (2015, 9, 30)),
        ("17 January 2025", (2025, 1, 17)),
        ("17 jan 2025", (2025, 1, 17)),
        ("January 17, 2025", (2025, 1, 17)),
        ("Sept 1941", (1941, 9, 1)),
        ("500 BC", (-499, 1, 1)),
    ],
)
def test_parse_date_entry(text, ymd):
    assert ymd_from_day(parse_date_entry(text)) == ymd


@pytest.mark.parametrize("text", ["", "soon", "31 February 2020", "Smarch 2020", "2015-13"])
def test_parse_date_entry_rejects(text):
    with pytest.raises(DateError):
        parse_date_entry(text)


def test_mode_and_window_controls(qtbot, timeline, state):
    timeline.mode_combo.setCurrentIndex(timeline.mode_combo.findData("cumulative"))
    assert state.mode is TimeMode.CUMULATIVE
    assert not timeline.window_combo.isEnabled()
    state.set_mode(TimeMode.WINDOW)
    assert timeline.mode_combo.currentText() == "Window"
    timeline.window_combo.setCurrentIndex(timeline.window_combo.findText("1 year"))
    assert state.window_days == 365
    state.choose_era(state.catalogue.eras[2])  # a width not in the list
    assert timeline.window_combo.currentText().startswith("Custom")
    assert timeline.window_combo.currentData() == state.window_days
    state.set_window_days(30)
    assert timeline.window_combo.currentText() == "1 month"


def test_focus_toggle_changes_axis(qtbot, timeline, state):
    assert not timeline.axis.linear
    timeline.focus_check.setChecked(False)
    assert timeline.axis.linear
    timeline.focus_check.setChecked(True)
    assert not timeline.axis.linear


def test_play_and_pause(qtbot, timeline, state):
    state.set_time(state.catalogue.time_range()[0])
    start = state.time
    timeline.set_speed(4.0)
    timeline.play()
    assert timeline.is_playing()
    qtbot.waitUntil(lambda: state.time > start + 365, timeout=5000)
    timeline.pause()
    assert not timeline.is_playing()
    paused_at = state.time
    qtbot.wait(150)
    assert state.time == paused_at


def test_space_toggles_play(qtbot, timeline):
    timeline.track.setFocus()
    qtbot.keyClick(timeline.track, Qt.Key.Key_Space)
    assert timeline.is_playing()
    qtbot.keyClick(timeline.track, Qt.Key.Key_Space)
    assert not timeline.is_playing()


def test_play_drops_frames_while_the_map_draws(qtbot, timeline, state):
    state.set_time(state.catalogue.time_range()[0])
    timeline.set_waits_for_frames(True)
    timeline.set_speed(4.0)
    start = state.time
    timeline.play()
    qtbot.waitUntil(lambda: state.time != start, timeout=5000)
    held = state.time
    qtbot.waitUntil(lambda: timeline.dropped_frames >= 3, timeout=5000)
    assert state.time == held  # no frame drawn, so no new time
    timeline.frame_ready()
    qtbot.waitUntil(lambda: state.time != held, timeout=5000)
    # One step per drawn frame: the skipped ticks were dropped, not queued up.
    assert timeline.axis.position(state.time) - timeline.axis.position(held) < 0.05
    timeline.pause()


def test_play_stops_at_the_end(qtbot, timeline, state):
    end = state.catalogue.time_range()[1]
    state.set_time(timeline.axis.day(0.97))
    timeline.set_speed(4.0)
    timeline.play()
    qtbot.waitUntil(lambda: not timeline.is_playing(), timeout=5000)
    assert state.time == end


def test_catalogue_change_rebuilds_axis(qtbot, timeline, state, bundled):
    smaller = bundled.with_events(bundled.chronological()[10:])
    state.set_catalogue(smaller)
    assert timeline.axis.start == smaller.time_range()[0]


def test_controls_are_accessible(timeline):
    for control in (
        timeline.play_button,
        timeline.speed_combo,
        timeline.previous_button,
        timeline.next_button,
        timeline.date_edit,
        timeline.mode_combo,
        timeline.window_combo,
        timeline.focus_check,
        timeline.track,
        timeline.date_label,
    ):
        assert control.accessibleName()
        assert control.toolTip()


def test_hover_text(timeline, state):
    track = timeline.track
    text = track.hover_text(track.x_for_day(day_from_ymd(1941, 9, 1)))
    assert "1941" in text and "World War II" in text


def test_screenshot(qtbot, timeline, state):
    state.select("fall-of-assad")
    image = timeline.grab()
    assert image.width() == 1200
    image.save("/tmp/timeline.png")
