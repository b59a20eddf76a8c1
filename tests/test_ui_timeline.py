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
    # The next date typed replaces the last, which stays shown, selected: it was typed on
    # after it ("2015-09" then "1941" making "2015-091941", not a date).
    assert box.text() == "2015-09" and box.selectedText() == "2015-09"
    qtbot.keyClicks(box, "1941")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert ymd_from_day(state.time)[0] == 1941 and timeline.date_error.isHidden()
    box.setText("no such date")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # a date that does not read stays as typed, to mend
    assert box.text() == "no such date" and not box.hasSelectedText()


def test_a_small_window_elides_the_date_line_not_the_date_box(qtbot, state):
    widget = QtTimeline(state)
    qtbot.addWidget(widget)
    widget.resize(widget.minimumSizeHint().width(), 160)
    widget.show()
    qtbot.waitExposed(widget)
    readable = widget.date_edit.fontMetrics().horizontalAdvance("17 January 2025")
    assert widget.date_edit.width() > readable  # what is typed stays readable
    line = widget.date_label
    assert line.width() >= line.fontMetrics().horizontalAdvance("30 September 2025")
    assert line.width() < line.sizeHint().width()  # the era's name is what gives way
    assert widget.minimumSizeHint().width() < 900  # the controls need less than before


CONTROLS = (
    "play_button",
    "speed_combo",
    "previous_button",
    "next_button",
    "date_label",
    "date_edit",
    "mode_combo",
    "window_combo",
    "focus_check",
)


def _laid_out(timeline, qtbot, width):
    timeline.window().resize(width, 160)
    qtbot.waitUntil(lambda: timeline.width() == width)
    timeline.layout().activate()
    return {name: getattr(timeline, name).geometry() for name in CONTROLS}


def _rows(boxes):
    """How many rows the controls make: a control whose middle is within another's height
    is on its row."""
    rows = []
    for box in boxes.values():
        if not any(r.top() <= box.center().y() <= r.bottom() for r in rows):
            rows.append(box)
    return len(rows)


@pytest.mark.parametrize("start", [1280, 900])
def test_a_narrow_window_puts_the_controls_on_two_rows(qtbot, state, start):
    """The controls' one row held the window at 877 px or more: half a 1366-px screen (a
    window snapped there, or resized at once from its usual size) could not hold it. Narrow,
    the view's controls go to a second row, each whole and none over another; wide, one row
    again."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()  # a window's layout goes by the timeline's least size, as the app's
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    widget = QtTimeline(state)
    layout.addWidget(widget)
    window.resize(start, 160)
    window.show()
    qtbot.waitExposed(window)
    assert widget.minimumSizeHint().width() <= 600
    for width in (680, 600):
        boxes = _laid_out(widget, qtbot, width)
        assert widget.width() == width
        assert _rows(boxes) == 2, boxes
        for name, box in boxes.items():
            control = getattr(widget, name)
            assert widget.rect().contains(box), (name, box)
            assert box.width() >= control.minimumSizeHint().width(), name
            others = [b for n, b in boxes.items() if n != name]
            assert not any(box.intersects(b) for b in others), (name, boxes)
        assert boxes["mode_combo"].top() > boxes["date_edit"].bottom()
    boxes = _laid_out(widget, qtbot, 1280)
    assert _rows(boxes) == 1, boxes  # one row when it fits
    assert "War in Ukraine" in widget.date_label.shown_text()  # the era shows on it


def test_at_larger_text_one_row_holds_the_controls_where_they_fit(qtbot, state):
    """At 1366 px and 150% text the controls went to two rows: the date line kept room for
    "30 September 2025 · Empire and revolution", though "31 January 2025 · War in Ukraine"
    fitted. One row when they fit with the longest date and half an era's name, which the
    line elides (whole in its tooltip); still two rows at half the screen."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from mapexplorer.ui.text_size import scale_application_text

    scale_application_text(1.5)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    widget = QtTimeline(state)
    layout.addWidget(widget)
    window.resize(1366, 200)
    window.show()
    qtbot.waitExposed(window)
    boxes = _laid_out(widget, qtbot, 1366)
    assert _rows(boxes) == 1, boxes
    assert widget.date_label.shown_text() == widget.date_label.text()  # whole
    assert widget.date_label.text().endswith("War in Ukraine")
    for name, box in boxes.items():
        assert widget.rect().contains(box), (name, box)
        assert not any(box.intersects(b) for n, b in boxes.items() if n != name), name
    assert _rows(_laid_out(widget, qtbot, 683)) == 2


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


def test_a_long_date_error_does_not_widen_the_window(qtbot, timeline, state):
    """Beside the date box, "'hello' is not a date we can read: write it as …" made the row,
    and so the whole window, some 400 px wider (1280 became 1619, off a laptop's screen)."""
    before = timeline.size()
    box = timeline.date_edit
    qtbot.keyClicks(box, "hello")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    error = timeline.date_error
    assert error.isVisible() and "write it as" in error.text()  # the whole hint
    qtbot.waitUntil(lambda: error.height() > 0)
    assert timeline.width() == before.width()
    assert timeline.minimumSizeHint().width() <= before.width()
    assert timeline.rect().contains(error.geometry())


def test_a_note_about_a_typed_date_goes_when_the_time_moves_on(qtbot, timeline, state):
    box = timeline.date_edit
    box.clear()
    qtbot.keyClicks(box, "3000")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "outside the story" in timeline.date_error.text()
    assert timeline.date_error.isVisible()
    qtbot.keyClick(timeline.track, Qt.Key.Key_Home)  # the slider moves: the note is stale
    assert timeline.date_error.isHidden()


@pytest.mark.parametrize(("text", "edge"), [("500 BC", "start"), ("3000", "end")])
def test_a_date_outside_the_story_says_so_when_the_slider_moves_to_its_edge(
    qtbot, timeline, state, text, edge
):
    """The note was cleared by the very move it was about: only a date outside the story
    typed while already at that edge said "outside the story"."""
    first, last = timeline.axis.start, timeline.axis.end
    state.set_time(day_from_ymd(1941, 9, 1))  # away from both edges
    box = timeline.date_edit
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert state.time == (first if edge == "start" else last)
    assert timeline.date_error.isVisible()
    assert timeline.date_error.text() == f"outside the story: went to its {edge}"


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


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("31 Febuary 2020", "'febuary' is not a month (did you mean February?)"),
        ("4 Marhc 2020", "'marhc' is not a month (did you mean March?)"),  # not Portuguese marco
        ("2 Agust 2021", "'agust' is not a month (did you mean August?)"),
        ("18 Octember 1913", "'octember' is not a month"),  # October or November: no guess
        ("3 Probably 2020", "'probably' is not a month"),
    ],
)
def test_a_misspelt_month_gets_the_nearest_name_suggested(text, said):
    """ "31 Febuary 2020" in Go to date said "'febuary' is not a month", leaving the user to
    find the typo."""
    with pytest.raises(DateError) as caught:
        parse_date_entry(text)
    assert str(caught.value) == f"{text!r}: {said}"


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


def test_a_story_of_one_day_does_not_play(qtbot, timeline, state, bundled):
    one_day = [e for e in bundled.chronological() if e.time.start == e.time.end][:1]
    state.set_catalogue(bundled.with_events(one_day))
    timeline.play()
    assert not timeline.is_playing()  # nothing to play through: not 30 s of "playing"
    # And its Play button is greyed out, saying why, as the exported page's is: it stood
    # ready, and clicking it did nothing at all.
    assert not timeline.play_button.isEnabled() and not timeline.speed_combo.isEnabled()
    assert timeline.play_button.toolTip() == "A story of a single day has no time to play through"
    state.set_catalogue(bundled)  # a story with time to play through again
    assert timeline.play_button.isEnabled() and timeline.speed_combo.isEnabled()
    assert timeline.play_button.toolTip() == "Play through time (Space)"
    opened_so = QtTimeline(ExplorerState(bundled.with_events(one_day)))  # made with it
    qtbot.addWidget(opened_so)
    assert not opened_so.play_button.isEnabled()


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


# --- the event lane at many events (drawn as one image) ---------------------------------------


def _lane_y(track):
    """A row in the event lane, above the histogram."""
    area = track._events_rect()
    return area.top() + 3 + area.height() * 0.1


def _opacity(pixel, base, colour):
    """How much of `colour` lies over `base` in `pixel`, from the channel where they differ
    most (QColors)."""
    channels = [
        (base.red(), colour.red(), pixel.red()),
        (base.green(), colour.green(), pixel.green()),
        (base.blue(), colour.blue(), pixel.blue()),
    ]
    b, c, p = max(channels, key=lambda bcp: abs(bcp[0] - bcp[1]))
    return (b - p) / (b - c)


@pytest.fixture
def crowded(bundled):
    """Above the image threshold: one diplomacy band over 2005; over 2015, hundreds of them
    stacked with a crisp war event on top; a crisp war event in 2010; nothing from 2016 to 2024;
    a crisp economy event on 1 January 2025 (the end of the track)."""
    from mapexplorer.model import Catalogue
    from mapexplorer.model.event import Event
    from mapexplorer.model.time import TimeSpan
    from mapexplorer.ui.timeline import _RASTER_ABOVE

    place = next(iter(bundled.places))

    def event(i, date, category):
        return Event(f"e{i}", f"Event {i}", TimeSpan.parse(date), (place,), category=category)

    stacked = [event(i, "2015", "diplomacy") for i in range(_RASTER_ABOVE + 100)]
    others = [
        event("single", "2005", "diplomacy"),
        event("war-2010", "2010-06-15", "war"),
        event("war-2015", "2015-07-01", "war"),
        event("end", "2025-01-01", "economy"),
    ]
    return Catalogue(stacked + others, {place: bundled.places[place]})


@pytest.fixture
def crowded_track(qtbot, crowded):
    state = ExplorerState(crowded)
    widget = QtTimeline(state)
    qtbot.addWidget(widget)
    widget.resize(1200, 120)
    widget.set_focus_on_dense_years(False)  # time runs evenly: room on either side of 2015
    widget.show()
    qtbot.waitExposed(widget)
    # The time window and the handle out of the way, at the end.
    state.set_window_days(30)
    state.set_time(crowded.time_range()[1])
    return widget.track


def test_many_events_lane_shows_what_the_model_says(crowded_track):
    from PySide6.QtGui import QColor, QPalette

    from mapexplorer.colours import category_colour

    track = crowded_track
    image = track.grab().toImage()
    y = int(_lane_y(track))
    base = track.palette().color(QPalette.ColorRole.Base)
    war, diplomacy = QColor(category_colour("war")), QColor(category_colour("diplomacy"))

    def at(year, month=1, day=1):
        return image.pixelColor(int(track.x_for_day(day_from_ymd(year, month, day))), y)

    # Crisp events show their colour, alone or on top of many soft bands.
    assert at(2010, 6, 15) == war
    assert at(2015, 7, 1) == war
    # Nothing happens from 2016 to 2024: the base shows.
    assert at(2020, 6, 1) == base
    # One soft band: its alpha (38 of 255); hundreds: nearly opaque.
    one, many = _opacity(at(2005, 6, 1), base, diplomacy), _opacity(at(2015, 3, 1), base, diplomacy)
    assert one == pytest.approx(38 / 255, abs=0.02)
    assert many > 0.95
    # Denser is more opaque, in diplomacy's hue.
    assert at(2015, 3, 1).hue() == pytest.approx(diplomacy.hue(), abs=3)


def test_many_events_lane_on_a_hidpi_screen(crowded_track, monkeypatch):
    """At a device pixel ratio of 2 the lane image lines up with the rest of the track."""
    from PySide6.QtGui import QColor, QPalette

    from mapexplorer.colours import category_colour

    track = crowded_track
    monkeypatch.setattr(track, "devicePixelRatioF", lambda: 2.0)
    image = track._build_static().toImage()
    assert image.width() == 2 * track.width()
    y = int(2 * _lane_y(track))
    base = track.palette().color(QPalette.ColorRole.Base)
    x_war = 2 * track.x_for_day(day_from_ymd(2010, 6, 15))
    # A crisp line is 2 px wide: 4 device pixels.
    crisp = [x for x in range(int(x_war) - 6, int(x_war) + 7) if image.pixelColor(x, y) != base]
    assert len(crisp) == 4
    assert all(image.pixelColor(x, y) == QColor(category_colour("war")) for x in crisp)
    assert min(crisp) <= x_war <= max(crisp) + 1


def test_small_and_large_paths_agree(qtbot, state, monkeypatch):
    """The article's events drawn one by one and drawn as an image: the same colours in the
    same places, but for antialiased edges."""
    import mapexplorer.ui.timeline as timeline_module

    widget = QtTimeline(state)
    qtbot.addWidget(widget)
    widget.resize(1200, 120)
    widget.show()
    qtbot.waitExposed(widget)
    track = widget.track
    assert len(state.catalogue.events) <= timeline_module._RASTER_ABOVE
    exact = track._build_static().toImage()
    monkeypatch.setattr(timeline_module, "_RASTER_ABOVE", 0)
    image = track._build_static().toImage()

    y = int(_lane_y(track))
    area = track._events_rect()
    coloured = same = 0
    for x in range(int(area.left()) + 1, int(area.right())):
        a, b = exact.pixelColor(x, y), image.pixelColor(x, y)
        if a.hsvSaturation() < 40:
            continue  # the base, or too faint for a hue
        coloured += 1
        hue_gap = abs(a.hue() - b.hue())
        if min(hue_gap, 360 - hue_gap) <= 12 and abs(a.value() - b.value()) <= 40:
            same += 1
    assert coloured > 50  # the article's events are in the lane
    assert same >= 0.9 * coloured, (same, coloured)


def test_hover_lists_the_events_under_the_pointer(crowded_track):
    track = crowded_track
    text = track.hover_text(track.x_for_day(day_from_ymd(2015, 1, 1)))
    # Hundreds of stacked 2015 bands start there: five titles, then how many more.
    assert text.count("•") == 5
    assert text.splitlines()[-1] == f"… and {len(track.state.catalogue.events) - 4 - 5} more"
    text = track.hover_text(track.x_for_day(day_from_ymd(2010, 6, 15)))
    assert "Event war-2010" in text and "more" not in text
    assert "•" not in track.hover_text(track.x_for_day(day_from_ymd(2020, 6, 1)))


@pytest.mark.parametrize("mode", [TimeMode.WINDOW, TimeMode.CUMULATIVE])
def test_time_move_repaints_only_what_changed(qtbot, timeline, state, mode):
    """A slider move repaints the old and new window, not the whole track, and leaves no trace:
    what the screen shows afterwards is what a full repaint draws."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QGuiApplication

    track = timeline.track
    state.set_mode(mode)
    lo, hi = state.catalogue.time_range()
    state.set_time(lo + (hi - lo) // 3)
    qtbot.waitUntil(lambda: track._painted_span == track._moving_span())

    regions = []

    class PaintSpy(QObject):
        def eventFilter(self, _obj, event):  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                regions.append(event.region().boundingRect())
            return False

    spy = PaintSpy()
    track.installEventFilter(spy)
    for fraction in (0.36, 0.4, 0.7, 0.72):
        state.set_time(lo + int((hi - lo) * fraction))
        qtbot.waitUntil(lambda: track._painted_span == track._moving_span())
    track.removeEventFilter(spy)
    assert regions and max(r.width() for r in regions) < track.width() / 2

    shown = QGuiApplication.primaryScreen().grabWindow(timeline.winId()).toImage()
    fresh = timeline.grab().toImage()
    shown = shown.convertToFormat(fresh.format())
    assert shown.size() == fresh.size()
    assert shown == fresh


def test_an_eras_width_fits_the_window_box(qtbot, bundled):
    """Choosing a chapter can add "Custom: 128 years" to the box after it was laid out: it
    must show whole, not "Custom: 1…"."""
    from PySide6.QtGui import QFontMetrics

    from mapexplorer.model.state import ExplorerState
    from mapexplorer.ui.timeline import QtTimeline

    state = ExplorerState(bundled)
    timeline = QtTimeline(state)
    qtbot.addWidget(timeline)
    timeline.resize(1280, 140)
    timeline.show()
    state.choose_era(bundled.eras[0].id)  # the Russo-Persian wars: a century and more
    combo = timeline.window_combo
    assert combo.currentText().startswith("Custom: ")
    text_width = QFontMetrics(combo.font()).horizontalAdvance(combo.currentText())
    assert combo.width() > text_width + 20, (combo.width(), text_width, combo.currentText())


@pytest.mark.parametrize("extra", [0, 12, 30])
def test_a_narrow_date_line_drops_the_era_rather_than_show_a_stub(qtbot, state, extra):
    """ "31 January 2025 · W…" says nothing of the era: with too little room for a word of it,
    the line shows the date alone (the era is on the track above), and says all in its
    tooltip."""
    from mapexplorer.ui.timeline import DateLine

    line = DateLine("30 September 2025  ·  Empire and revolution", "30 September 2025")
    qtbot.addWidget(line)
    line.setText("31 January 2025  ·  War in Ukraine")
    metrics = line.fontMetrics()
    line.resize(metrics.horizontalAdvance("31 January 2025  ·  ") + extra, 20)
    shown = line.shown_text()
    assert shown == "31 January 2025" or "War" in shown, shown
    assert not shown.endswith(("W…", "·")), shown
    assert "War in Ukraine" in line.toolTip()
    line.resize(metrics.horizontalAdvance("31 January 2025  ·  War in Ukraine") + 2, 20)
    assert line.shown_text() == "31 January 2025  ·  War in Ukraine"


def test_the_date_lines_tooltip_shows_an_eras_markup_as_text(qtbot, bundled):
    """The date line's tooltip (the date and era whole, when the line is cut short) took an
    era named "<b>…</b>" for markup: bold, an image for "<img>"."""
    from dataclasses import replace

    from PySide6.QtGui import QTextDocument

    from mapexplorer.model import Catalogue

    label = "<b>War</b> & <img src=x onerror=alert(1)>"
    eras = [replace(e, label=label) if e.id == "war-in-ukraine" else e for e in bundled.eras]
    state = ExplorerState(Catalogue(bundled.events, bundled.places, eras, bundled.source))
    widget = QtTimeline(state)
    qtbot.addWidget(widget)
    tip = widget.date_label.toolTip()
    shown = QTextDocument()
    shown.setHtml(tip)  # how Qt shows a tooltip it takes for rich text
    assert shown.toPlainText() == f"31 January 2025  ·  {label}"


def test_a_short_story_offers_and_shows_a_window_of_days(qtbot, timeline, state):
    """A week's incident log: the width box offers a day and a week (it began at a month, so
    every event of a short story showed at every time) and shows the width the story opens
    with."""
    from shapely.geometry import Point

    from mapexplorer.model import Catalogue, Event, Place, TimeSpan

    place = Place("kyiv", "Kyiv", Point(30.5, 50.45))
    events = [
        Event(id=f"e{i}", title=f"E{i}", time=TimeSpan.parse(f"2024-03-0{i}"), place_ids=("kyiv",))
        for i in range(1, 10)
    ]
    state.set_catalogue(Catalogue(events=events, places={"kyiv": place}))
    assert timeline.window_combo.currentText() == "Whole story"  # every event, at first
    state.set_time(state.catalogue.time_range()[1])
    assert timeline.window_combo.currentText() == "1 day"
    timeline.window_combo.setCurrentIndex(timeline.window_combo.findText("1 week"))
    assert state.window_days == 7


def test_widths_longer_than_the_story_are_greyed_out(qtbot, timeline, state, bundled):
    """Over an 11-day file the width box offered 50 and 100 years, each showing every event
    at every time: the widths longer than the story are greyed out (the keys pass over them),
    and come back for a longer story."""
    from shapely.geometry import Point

    from mapexplorer.model import Catalogue, Event, Place, TimeSpan
    from mapexplorer.model.state import WINDOW_WIDTHS

    combo = timeline.window_combo
    model = combo.model()

    def offered():
        return [
            combo.itemData(i)
            for i in range(combo.count())
            if model.item(i).isEnabled() and combo.itemText(i) != "Whole story"
        ]

    assert offered() == [days for _label, days in WINDOW_WIDTHS]  # a story of centuries
    place = Place("kyiv", "Kyiv", Point(30.5, 50.45))
    events = [
        Event(id=f"e{i}", title=f"E{i}", time=TimeSpan.parse(f"2024-03-{i:02d}"), place_ids=("kyiv",))
        for i in range(1, 12)
    ]  # fmt: skip
    state.set_catalogue(Catalogue(events=events, places={"kyiv": place}))
    assert offered() == [days for _label, days in WINDOW_WIDTHS if days <= 11]
    longest = combo.findData(offered()[-1])
    combo.setFocus()
    combo.setCurrentIndex(longest)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # on to a greyed width: not taken
    assert combo.currentIndex() == longest
    assert "Longer than the whole story (11 days)" in model.item(longest + 1).toolTip()
    state.set_catalogue(bundled)
    assert offered() == [days for _label, days in WINDOW_WIDTHS]
