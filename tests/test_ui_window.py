"""End to end: the real window with the real QtWebEngine page, driven as a user would."""

import json

import pytest

from conftest import page_js as js
from conftest import with_title
from mapexplorer.model.time import TimeSpan, day_from_ymd, iso_from_day
from mapexplorer.ui.plain_text import plain_tooltip


@pytest.fixture
def window(open_window, bundled):
    return open_window(bundled, "bundled.geojson")


def drawn_ids(window, qtbot):
    return set(js(window.map_view, qtbot, "MapExplorer.drawnEventIds()"))


def move_time(window, qtbot, day):
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_time(day)


def test_moving_the_time_changes_what_the_page_draws(window, qtbot):
    window.state.set_window_days(3653)
    move_time(window, qtbot, day_from_ymd(1941, 9, 1))
    early = drawn_ids(window, qtbot)
    assert "anglo-soviet-invasion" in early
    assert "treaty-signing" not in early
    move_time(window, qtbot, day_from_ymd(2025, 1, 17))
    late = drawn_ids(window, qtbot)
    assert "treaty-signing" in late and "anglo-soviet-invasion" not in late
    assert late == {e.id for e in window.state.visible_events()}


def test_cumulative_mode_draws_everything_so_far(window, qtbot):
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_mode("cumulative")
    move_time(window, qtbot, day_from_ymd(1980, 1, 1))
    ids = drawn_ids(window, qtbot)
    assert {"russo-persian-wars", "islamic-revolution", "anglo-soviet-invasion"} <= ids
    assert "soviet-collapse" not in ids


def test_click_on_a_marker_fills_the_details(window, qtbot):
    move_time(window, qtbot, day_from_ymd(2025, 1, 17))
    point = js(window.map_view, qtbot, "MapExplorer.screenPointOf('moscow')")
    clicked = js(window.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    assert clicked == "moscow"
    qtbot.waitUntil(lambda: window.state.selected is not None, timeout=5000)
    event = window.state.selected_event
    assert "moscow" in event.place_ids
    qtbot.waitUntil(lambda: event.title in window.details.text(), timeout=5000)
    assert event.time.describe() in window.details.text()
    assert window.event_list.table.currentIndex().isValid()


def test_several_events_at_one_place_are_all_reachable(window, qtbot):
    window.state.set_mode("cumulative")
    move_time(window, qtbot, day_from_ymd(2025, 1, 31))
    point = js(window.map_view, qtbot, "MapExplorer.screenPointOf('tehran')")
    js(window.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    items = js(
        window.map_view,
        qtbot,
        "Array.from(document.querySelectorAll('.me-pop-item')).map(b => b.dataset.event)",
    )
    at_tehran = {e.id for e in window.state.catalogue.at_place("tehran")}
    assert set(items) == at_tehran and len(items) > 5
    # Each line is the event's date in words, then its title, as the model has them.
    lines = js(
        window.map_view,
        qtbot,
        "Array.from(document.querySelectorAll('.me-pop-item')).map(b => "
        "[b.dataset.event, b.querySelector('.me-tip-date').textContent, b.textContent])",
    )
    for event_id, date, text in lines:
        event = window.state.catalogue.event(event_id)
        assert date == event.time.describe()
        assert text == f"{date} {event.title}"
    js(
        window.map_view,
        qtbot,
        "document.querySelector('.me-pop-item[data-event=\"islamic-revolution\"]').click()",
    )
    qtbot.waitUntil(lambda: window.state.selected == "islamic-revolution", timeout=5000)


def test_a_place_with_thousands_of_events_lists_those_round_the_time_at_once(open_window, qtbot):
    """A city's 5,000 incidents (a spreadsheet of place names): clicking it made a button for
    every one, and the page froze for seconds (four at 20,000). The menu lists the hundred
    nearest the time shown, says how many are before and after, and moving the time brings
    the others."""
    from shapely.geometry import Point

    from mapexplorer.model import Catalogue, Event, Place

    start = day_from_ymd(2010, 1, 1)
    events = [
        Event(
            id=f"e{i}",
            title=f"Incident {i}",
            time=TimeSpan.parse(iso_from_day(start + i // 4)),
            place_ids=("paris",),
        )
        for i in range(5000)
    ]
    places = {"paris": Place("paris", "Paris", Point(2.35, 48.85))}
    window = open_window(Catalogue(events=events, places=places), "incidents.csv")
    state = window.state
    chronological = [e.id for e in state.catalogue.chronological()]
    for day, first in ((start + 600, 2400 - 50 + 4), (start, 0), (start + 1249, 4900)):
        with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
            state.set_time(day)
        point = js(window.map_view, qtbot, "MapExplorer.screenPointOf('paris')")
        took = js(
            window.map_view,
            qtbot,
            "(function () { var t = performance.now(); "
            f"MapExplorer.clickAt({point['x']}, {point['y']}); return performance.now() - t; }})()",
        )
        items = js(
            window.map_view,
            qtbot,
            "Array.from(document.querySelectorAll('.me-pop-item')).map(b => b.dataset.event)",
        )
        notes = js(
            window.map_view,
            qtbot,
            "Array.from(document.querySelectorAll('.me-popup .me-tip-more'))"
            ".map(n => n.textContent)",
        )
        assert items == chronological[first : first + 100], day
        assert notes[0] == "The 100 nearest the time shown; move the time for the others."
        assert (f"{first:,} earlier…" in notes) == (first > 0)
        assert (f"{5000 - first - 100:,} later…" in notes) == (first < 4900)
        assert took < 1000  # it took seconds
        head = "document.querySelector('.me-pop-head').textContent"
        assert js(window.map_view, qtbot, head) == "Paris — 5,000 events"


def test_a_title_with_a_long_web_address_wraps_inside_the_tooltip_and_the_menu(
    open_window, qtbot, bundled
):
    """A title holding a long web address (or any long word) ran out of the map's tooltip and
    across the map, and gave the place's menu a sideways scroll bar."""
    from dataclasses import replace

    from mapexplorer.model import Catalogue

    long = "See https://example.org/" + "averylongpathsegment" * 24 + " <b>as written</b>"
    events = [replace(e, title=long) if e.id == "treaty-signing" else e for e in bundled.events]
    catalogue = Catalogue(events, bundled.places, bundled.eras, bundled.source)
    window = open_window(catalogue)
    find_map = (
        "Object.keys(window).map(function (k) { return window[k]; })"
        ".filter(function (m) { return window.L && m instanceof L.Map; })[0]"
    )
    point = js(window.map_view, qtbot, "MapExplorer.screenPointOf('moscow')")
    js(
        window.map_view,
        qtbot,
        f"({find_map}).fire('mousemove', {{containerPoint: L.point({point['x']}, "
        f"{point['y']})}}) && true",
    )
    fits = (
        "(function (box) { var r = box.getBoundingClientRect();"
        " return [box.style.display, box.scrollWidth <= box.clientWidth, r.left >= 0,"
        " r.right <= window.innerWidth, box.textContent.indexOf('as written</b>') >= 0]; })"
    )
    tooltip = js(window.map_view, qtbot, f"{fits}(document.querySelector('.me-tooltip'))")
    assert tooltip == ["block", True, True, True, True]
    js(window.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    menu = js(window.map_view, qtbot, f"{fits}(document.querySelector('.me-popup'))")
    assert menu == ["block", True, True, True, True]


def test_escape_closes_the_list_of_events_at_a_place(window, qtbot):
    window.state.set_mode("cumulative")
    move_time(window, qtbot, day_from_ymd(2025, 1, 31))
    point = js(window.map_view, qtbot, "MapExplorer.screenPointOf('tehran')")
    js(window.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    shown = "getComputedStyle(document.querySelector('.me-popup')).display"
    assert js(window.map_view, qtbot, shown) == "block"
    js(
        window.map_view,
        qtbot,
        "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))",
    )
    assert js(window.map_view, qtbot, shown) == "none"


def test_list_selection_flies_the_map_and_moves_the_slider(window, qtbot):
    move_time(window, qtbot, day_from_ymd(2025, 1, 17))
    window.state.select("bolshevik-revolution", move_time=True)
    assert TimeSpan.parse("1917").contains(window.state.time) or (
        window.state.catalogue.event("bolshevik-revolution").time.overlaps(*window.state.window())
    )
    qtbot.waitUntil(
        lambda: (
            js(window.map_view, qtbot, "MapExplorer.selectedEventId()") == "bolshevik-revolution"
        ),
        timeout=5000,
    )
    assert "bolshevik-revolution" in drawn_ids(window, qtbot)


def test_selection_survives_scrubbing(window, qtbot):
    window.state.select("fall-of-assad", move_time=True)
    move_time(window, qtbot, day_from_ymd(1950, 1, 1))
    move_time(window, qtbot, day_from_ymd(2024, 12, 8))
    assert window.state.selected == "fall-of-assad"
    assert js(window.map_view, qtbot, "MapExplorer.selectedEventId()") == "fall-of-assad"


def test_filter_reaches_the_page(window, qtbot):
    move_time(window, qtbot, day_from_ymd(2024, 6, 1))
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_filter(category="arms")
    ids = drawn_ids(window, qtbot)
    assert ids and all(window.state.catalogue.event(i).category == "arms" for i in ids)


def map_note(window, qtbot):
    """The note over the map, as the user reads it (None when it is hidden)."""
    return js(
        window.map_view,
        qtbot,
        "(function (n) { return n && getComputedStyle(n).display !== 'none' && "
        "n.offsetWidth > 0 ? n.textContent : null; })(document.querySelector('.me-note'))",
    )


def filter_by_typing(window, qtbot, text):
    window.event_list.search.setText(text)
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.event_list.apply_text_filter()


def test_a_filter_that_hides_every_event_says_so_on_the_map(window, qtbot):
    """The map went blank with no word of why; it now says so, with how to clear the filter,
    until the filter matches something again."""
    assert map_note(window, qtbot) is None
    filter_by_typing(window, qtbot, "<b>zzqx</b>")
    assert not drawn_ids(window, qtbot)
    note = map_note(window, qtbot)
    assert "No events match" in note and "<b>zzqx</b>" in note  # as typed: text, not markup
    assert "Clear the filter" in note
    assert f"all {len(window.state.catalogue.events)} events" in note
    assert js(window.map_view, qtbot, "document.querySelectorAll('.me-note b').length") == 0
    filter_by_typing(window, qtbot, "moscow")
    assert window.state.filtered_events()  # moscow matches: the note goes
    assert map_note(window, qtbot) is None
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_filter(text="", category="no such category")
    assert "the category" in map_note(window, qtbot)
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_filter(category="")
    assert map_note(window, qtbot) is None


def test_a_filter_whose_events_are_all_outside_the_time_shown_says_so_on_the_map(
    window, qtbot, monkeypatch
):
    """Ten years round 2025, `persian` typed: the list had its row and the map was blank, with
    no word of why. The map now says its event is before the time shown and how to go there;
    the note follows the time, and goes to the page only when it changes."""
    from PySide6.QtCore import Qt

    window.state.set_window_days(3653)
    move_time(window, qtbot, day_from_ymd(2025, 1, 17))
    filter_by_typing(window, qtbot, "persian")
    assert [e.id for e in window.state.filtered_events()] == ["russo-persian-wars"]
    assert not drawn_ids(window, qtbot)
    note = map_note(window, qtbot)
    assert note.startswith("1 event matches “\u2068persian\u2069”; it is before the time shown")
    assert "Events list" in note and "Down in the filter box" in note
    notes = []
    send = window.map_view.send
    monkeypatch.setattr(
        window.map_view,
        "send",
        lambda m: (notes.append(m) if m["type"] == "note" else None, send(m)),
    )
    move_time(window, qtbot, day_from_ymd(2020, 1, 1))  # still after it: nothing new to say
    assert map_note(window, qtbot) == note and not notes
    war = window.state.catalogue.event("russo-persian-wars").time
    move_time(window, qtbot, war.start + 3000)  # in the wars: the map shows them, no note
    assert drawn_ids(window, qtbot) == {"russo-persian-wars"}
    assert map_note(window, qtbot) is None
    move_time(window, qtbot, day_from_ymd(2025, 1, 17))
    move_time(window, qtbot, day_from_ymd(2024, 1, 1))
    assert map_note(window, qtbot) == note
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_mode("cumulative")  # everything so far: the wars too
    assert drawn_ids(window, qtbot) == {"russo-persian-wars"}
    assert map_note(window, qtbot) is None
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_mode("window")
    assert map_note(window, qtbot) == note
    assert [m["text"] for m in notes] == [None, note, None, note]  # only the changes went
    # What the note says to do does it: Down in the filter box goes to the event.
    window.event_list.search.setFocus()
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        qtbot.keyClick(window.event_list.search, Qt.Key.Key_Down)
    assert window.state.selected == "russo-persian-wars"
    assert drawn_ids(window, qtbot) == {"russo-persian-wars"}
    assert map_note(window, qtbot) is None
    # Cleared, the filter takes its note with it (at a time when it would have said one).
    move_time(window, qtbot, day_from_ymd(2025, 1, 17))
    assert map_note(window, qtbot) is not None
    filter_by_typing(window, qtbot, "")
    assert map_note(window, qtbot) is None
    assert drawn_ids(window, qtbot) == {e.id for e in window.state.visible_events()}


def test_hostile_text_is_shown_not_run(qtbot, open_window, bundled):
    """A title such as <img onerror=...> must not execute in the page."""
    win = open_window(with_title(bundled, '<img src=x onerror="window.pwned=1">'), "evil.geojson")
    evil = win.state.catalogue.events[-1]
    point = js(win.map_view, qtbot, f"MapExplorer.screenPointOf({json.dumps(evil.place_ids[0])})")
    js(win.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    assert js(win.map_view, qtbot, "window.pwned === undefined") is True
    assert js(win.map_view, qtbot, "document.querySelectorAll('img[src=x]').length") == 0


def test_text_that_would_break_out_of_the_message_stays_text(qtbot, open_window, bundled):
    """Messages reach the page as JavaScript string literals: quotes, backslashes and line
    separators in a title must stay inside them."""
    title = 'x"); window.pwned = 1; ("\\" \u2028 \u2029 </script> \' `${window.pwned = 2}`'
    win = open_window(with_title(bundled, title), "evil.geojson")
    evil = win.state.catalogue.events[-1]
    assert evil.title == title
    with qtbot.waitSignal(win.map_view.frame_drawn, timeout=10000):
        win.state.set_filter(text="pwned")  # the filter's message carries the title's event
    assert js(win.map_view, qtbot, "window.pwned === undefined") is True
    with qtbot.waitSignal(win.map_view.frame_drawn, timeout=10000):
        win.state.set_time(evil.time.start)
    assert evil.id in set(js(win.map_view, qtbot, "MapExplorer.drawnEventIds()"))


def test_the_chapter_box_names_a_chapter_only_while_the_map_shows_it(window, qtbot):
    box = window.chapter_box
    index = box.findData("world-war-ii")
    box.setCurrentIndex(index)
    box.activated.emit(index)  # as a user's choice
    assert box.currentData() == "world-war-ii"
    window.state.set_time(window.state.time + 30)  # still inside the war
    assert box.currentData() == "world-war-ii"
    window.state.set_time(window.state.catalogue.time_range()[1])  # 2025: the war is over
    assert box.currentData() is None and box.currentText() == "All eras"
    box.setCurrentIndex(index)
    box.activated.emit(index)
    window.state.set_mode("cumulative")  # everything so far: no longer one chapter
    assert box.currentData() is None


def test_the_list_at_a_busy_place_counts_as_the_app_does(open_window, qtbot):
    """1,200 events in one city: the list's header says "1,200 events", not "1200"."""
    from shapely.geometry import Point

    from mapexplorer.model import Catalogue, Event, Place

    places = {"damascus": Place("damascus", "Damascus", Point(36.29, 33.51))}
    events = [
        Event(id=f"e{i}", title=f"Event {i}", time=TimeSpan.parse("2020"), place_ids=("damascus",))
        for i in range(1200)
    ]
    window = open_window(Catalogue(events=events, places=places))
    point = js(window.map_view, qtbot, "MapExplorer.screenPointOf('damascus')")
    js(window.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    head = js(window.map_view, qtbot, "document.querySelector('.me-pop-head').textContent")
    assert head == "Damascus — 1,200 events"


def test_a_tooltip_follows_the_time_while_the_mouse_stays(window, qtbot):
    """The mouse rests on Tehran while the time moves (keys, playback): its tooltip lists the
    events there now, or goes when there are none, not those of the time it was opened at."""
    find_map = (
        "Object.keys(window).map(function (k) { return window[k]; })"
        ".filter(function (m) { return window.L && m instanceof L.Map; })[0]"
    )

    def hover(place):
        point = js(window.map_view, qtbot, f"MapExplorer.screenPointOf('{place}')")
        js(
            window.map_view,
            qtbot,
            f"({find_map}).fire('mousemove', {{containerPoint: L.point({point['x']}, "
            f"{point['y']})}}) && true",
        )

    tip = "document.querySelector('.me-tooltip').style.display === 'block' ? document.querySelector('.me-tooltip').textContent : null"
    window.state.set_mode("cumulative")
    move_time(window, qtbot, day_from_ymd(1980, 1, 1))
    hover("tehran")
    before = js(window.map_view, qtbot, tip)
    assert before and "Islamic Revolution" in before
    move_time(window, qtbot, day_from_ymd(2025, 1, 31))
    after = js(window.map_view, qtbot, tip)
    hover("tehran")  # what a fresh hover shows now
    assert after == js(window.map_view, qtbot, tip) != before
    window.state.set_mode("window")
    move_time(window, qtbot, day_from_ymd(1760, 1, 1))  # nothing at Tehran then
    assert js(window.map_view, qtbot, tip) is None


def test_tab_goes_through_the_window_as_it_reads(window, qtbot):
    """Top to bottom, left to right: the chapter box, the map, the details, the list, then the
    slider and its controls (not the order the widgets were made in)."""
    stops, widget = [], window.chapter_box
    for _ in range(200):
        stops.append(widget)
        widget = widget.nextInFocusChain()
        if widget is window.chapter_box:
            break
    places = {
        name: stops.index(w)
        for name, w in (
            ("chapter", window.chapter_box),
            ("map", window.map_view),
            ("details", window.details.browser),
            ("tabs", window.tabs.tabBar()),
            ("filter", window.event_list.search),
            ("list", window.event_list.table),
            ("track", window.timeline.track),
            ("play", window.timeline.play_button),
            ("window length", window.timeline.window_combo),
        )
    }
    assert list(places.values()) == sorted(places.values()), places


def test_a_long_category_or_era_name_leaves_the_map_and_the_chapter_box_in_view(
    open_window, qtbot, bundled
):
    """One category written as a sentence (a spreadsheet's free-text column) widened its filter
    box, the side panel and the window past the screen, and the map went; one long era name
    widened the Chapter box past the tool bar, which hid it (and the buttons after it)."""
    from dataclasses import replace

    from mapexplorer.model import Catalogue

    sentence = "an event that someone described at length in the category column " * 3
    era_name = "The long era of " + "many things happening in many places " * 8
    events = [replace(e, category=sentence) if i == 5 else e for i, e in enumerate(bundled.events)]
    eras = [replace(e, label=era_name) if i == 0 else e for i, e in enumerate(bundled.eras)]
    window = open_window(Catalogue(events, bundled.places, eras, bundled.source))
    assert window.minimumSizeHint().width() < 700
    assert window.width() == 1280
    assert window.map_view.width() > 700
    box = window.chapter_box
    assert box.isVisible() and box.width() < 400
    assert window.event_list.category.width() < 300
    assert window.event_list.category.findText(sentence) > 0  # listed, whole
    assert box.findText(era_name) == 1
    action = window.chapters_menu.actions()[0]
    assert len(action.text()) <= 60 and action.text().endswith("…")
    assert action.toolTip() == plain_tooltip(era_name)  # whole, and shown as text


def test_the_map_shows_it_has_the_keyboard(window, qtbot):
    """Tabbed into, the map took the keys (arrows pan it) but nothing showed it had them: the
    browser's focus ring was drawn outside the map, which fills its page. Now a frame shows,
    and goes when the focus moves on."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication

    focus_colour = QColor("#1f77b4").rgb()

    def left_edge() -> set[int]:
        image = window.map_view.grab().toImage()
        return {image.pixel(1, y) for y in range(60, image.height() - 60, 40)}

    window.activateWindow()
    window.chapter_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.chapter_box)
    assert focus_colour not in left_edge()
    qtbot.keyClick(window.chapter_box, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: left_edge() == {focus_colour}, timeout=5000)
    inside = js(
        window.map_view, qtbot, "document.activeElement.classList.contains('leaflet-container')"
    )
    assert inside is True
    window.event_list.search.setFocus()  # elsewhere in the window
    qtbot.waitUntil(lambda: focus_colour not in left_edge(), timeout=5000)
    # A click gives the map the keys too (the arrows pan it) but is no keyboard user's: no frame.
    surface = window.map_view.focusProxy() or window.map_view
    qtbot.mouseClick(surface, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    clicked = "document.body.classList.contains('me-pointer')"
    qtbot.waitUntil(lambda: js(window.map_view, qtbot, clicked) is True, timeout=5000)
    qtbot.waitUntil(lambda: focus_colour not in left_edge(), timeout=5000)
    focused = "document.activeElement.classList.contains('leaflet-container')"
    assert js(window.map_view, qtbot, focused) is True
    window.chapter_box.setFocus()  # and tabbed into again, it shows
    qtbot.keyClick(window.chapter_box, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: left_edge() == {focus_colour}, timeout=5000)


def test_the_scale_bar_labels_fit_their_bars_at_every_zoom(window, qtbot):
    """At world zoom the miles bar was narrower than its "1000 mi": the bar's end covered the
    "i", and the label read "1000 m" (a thousand metres) on a map of continents."""
    from conftest import set_map_view

    overflowing = """Array.from(document.querySelectorAll('.leaflet-control-scale-line'))
        .filter(l => l.scrollWidth > l.clientWidth).map(l => l.textContent)"""
    for zoom in range(2, 17):  # the map's zooms (page_builder.py)
        for lat in (0, 38, 60):
            set_map_view(window.map_view, qtbot, lat, 45, zoom)
            assert js(window.map_view, qtbot, overflowing) == [], (lat, zoom)


@pytest.mark.parametrize(
    ("rows", "zooms"),
    [
        # A city's incidents, a few km apart: framed whole, as close as the offline map's
        # outlines are worth (at zoom 14 it showed blank land under a 1 km scale bar; at 6
        # the incidents were one dot under a 200 km one).
        (["48.853,2.333", "48.871,2.371", "48.842,2.392"], [7, 8]),
        # One place alone has no extent: shown in its country, as before.
        (["48.853,2.333"], [6]),
    ],
)
def test_small_data_is_framed_close_and_one_place_in_its_country(
    open_window, qtbot, tmp_path, rows, zooms
):
    from mapexplorer.formats.opener import open_catalogue

    path = tmp_path / "incidents.csv"
    lines = [f"Incident {n},2024-03-0{n},{row}" for n, row in enumerate(rows, 1)]
    path.write_text("title,date,lat,lon\n" + "\n".join(lines) + "\n", encoding="utf-8")
    catalogue = open_catalogue(path)
    win = open_window(catalogue, str(path))
    qtbot.waitUntil(lambda: js(win.map_view, qtbot, "MapExplorer.zoom()") in zooms, timeout=5000)
    west, south, east, north = js(win.map_view, qtbot, "MapExplorer.viewBounds()")
    for row in rows:
        lat, lon = map(float, row.split(","))
        assert west < lon < east and south < lat < north


def test_a_short_track_is_framed_close_on_the_offline_map(open_window, qtbot, tmp_path):
    """A 10 km hike is its own picture: framed to fill the view (at the offline map's limit
    for points, zoom 8, it was a squiggle some 20 px across)."""
    from mapexplorer.formats.opener import open_catalogue

    path = tmp_path / "hike.geojson"
    line = [[6.86 + k * 0.01, 45.92 + (k % 3) * 0.01] for k in range(10)]
    feature = {
        "type": "Feature",
        "properties": {"title": "Hike", "date": "2024-07-14"},
        "geometry": {"type": "LineString", "coordinates": line},
    }
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    win = open_window(open_catalogue(path), str(path))
    view = win.map_view
    qtbot.waitUntil(lambda: js(view, qtbot, "MapExplorer.zoom()") >= 11, timeout=10000)
    assert js(view, qtbot, "MapExplorer.zoom()") <= 14


def test_small_data_comes_closer_on_the_online_map_and_back(open_window, qtbot, tmp_path):
    """With the online map's streets, a city's incidents fill the view; back on the offline
    map (country outlines), the framing goes back out to where they show the coast."""
    from mapexplorer.formats.opener import open_catalogue
    from test_map_page_basemap import PNG, TILES_FROM

    path = tmp_path / "incidents.csv"
    rows = ["48.853,2.333", "48.871,2.371", "48.842,2.392"]
    lines = [f"Incident {n},2024-03-0{n},{row}" for n, row in enumerate(rows, 1)]
    path.write_text("title,date,lat,lon\n" + "\n".join(lines) + "\n", encoding="utf-8")
    win = open_window(open_catalogue(path), str(path))
    view = win.map_view
    qtbot.waitUntil(lambda: js(view, qtbot, "MapExplorer.zoom()") in (7, 8), timeout=5000)
    js(view, qtbot, TILES_FROM % json.dumps(PNG))
    win.online_action.setChecked(True)
    qtbot.waitUntil(lambda: js(view, qtbot, "MapExplorer.zoom()") in range(11, 15), timeout=10000)
    win.online_action.setChecked(False)
    qtbot.waitUntil(lambda: js(view, qtbot, "MapExplorer.zoom()") in (7, 8), timeout=10000)


def test_all_eras_shows_the_whole_story_and_frames_its_places(window, qtbot):
    """ "All eras" after a chapter: the window box says the whole story (not "Custom: 325
    years"), every event is shown, and the map frames the story's places as at opening, not
    the whole world (Washington, mentioned once, does not zoom it out)."""
    from conftest import set_map_view

    box = window.chapter_box
    chapter = box.findData("world-war-ii")
    box.setCurrentIndex(chapter)
    box.activated.emit(chapter)
    set_map_view(window.map_view, qtbot, 0, -100, 5)  # somewhere else altogether
    frames = js(window.map_view, qtbot, "MapExplorer.frames()")
    box.setCurrentIndex(0)
    box.activated.emit(0)  # "All eras"
    assert window.timeline.window_combo.currentText() == "Whole story"
    assert len(window.state.visible_events()) == len(window.state.catalogue.events)
    assert box.currentText() == "All eras"
    qtbot.waitUntil(lambda: js(window.map_view, qtbot, "MapExplorer.frames()") > frames)
    west, south, east, north = window.state.catalogue.focus_bounds()
    qtbot.waitUntil(
        lambda: (lambda b: b[0] <= west + 1 and b[2] >= east - 1 and b[2] - b[0] < 120)(
            js(window.map_view, qtbot, "MapExplorer.viewBounds()")
        ),
        timeout=5000,
    )
    # Another chapter, then the story again: the box keeps saying so.
    box.activated.emit(box.findData("cold-war"))
    assert window.timeline.window_combo.currentText().startswith("Custom")
    box.activated.emit(0)
    assert window.timeline.window_combo.currentText() == "Whole story"


def test_enter_in_the_event_list_shows_the_event_on_the_map_again(window, qtbot):
    """Enter in the list did nothing: tabbed into with no row yet, it selected nothing; on the
    selected event, after panning the map away, it did not bring it back. Now it selects the
    current row (the first, when there is none) and flies the map to it."""
    from PySide6.QtCore import Qt

    from conftest import set_map_view

    table = window.event_list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    first = window.event_list.model.event_at(0).id
    assert window.state.selected == first
    row = window.event_list.row_of("treaty-signing")
    table.setCurrentIndex(window.event_list.model.index(row, 0))
    assert window.state.selected == "treaty-signing"
    set_map_view(window.map_view, qtbot, -30, -100, 6)  # the user pans off to the Pacific
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.state.selected == "treaty-signing"

    def shows_moscow(bounds):
        west, south, east, north = bounds
        return west <= 37.6 <= east and south <= 55.75 <= north

    qtbot.waitUntil(
        lambda: shows_moscow(js(window.map_view, qtbot, "MapExplorer.viewBounds()")),
        timeout=5000,
    )


def test_dragging_after_all_eras_gives_back_the_width(window, qtbot):
    """After "All eras", dragging the slider kept the whole story's width, so the window slid
    off the story while the width box still said "Whole story": now the drag gives back the
    width from before (here the default ten years), and the box says so."""
    from PySide6.QtCore import QPoint, Qt

    box, widths = window.chapter_box, window.timeline.window_combo
    assert widths.currentText() == "10 years"
    box.setCurrentIndex(0)
    box.activated.emit(0)  # "All eras"
    assert widths.currentText() == "Whole story"
    track = window.timeline.track
    x = round(track.x_for_day(day_from_ymd(1950, 1, 1)))
    qtbot.mousePress(track, Qt.MouseButton.LeftButton, pos=QPoint(x, track.height() - 20))
    qtbot.mouseMove(track, QPoint(x + 40, track.height() - 20))
    qtbot.mouseRelease(track, Qt.MouseButton.LeftButton, pos=QPoint(x + 40, track.height() - 20))
    assert widths.currentText() == "10 years"
    assert window.state.window_days == 3653
    first, last = window.state.window()
    assert last - first + 1 <= 3653


def test_menu_keys_quit_filter_and_go_to_date(window, qtbot):
    """Quit had no key where the platform gives none (Windows; this offscreen platform), and
    neither the filter box nor the date box could be reached but by tabbing through the
    window. Now: Ctrl+Q quits, Ctrl+F goes to the filter box (from the Article tab too) and
    Ctrl+G to the date box, each shown beside its menu item."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    keys = {
        a.text(): a.shortcut().toString()
        for menu in menus.values()
        for a in menu.actions()
        if not a.isSeparator()
    }
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert keys["&Quit"] == (platform[0].toString() if platform else "Ctrl+Q")
    assert keys["Filter &events…"] == "Ctrl+F" and keys["&Go to date…"] == "Ctrl+G"
    assert "(Ctrl+F)" in window.event_list.search.toolTip()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.article)
    window.event_list.search.setText("iran")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.event_list
    assert window.event_list.search.hasFocus()
    assert window.event_list.search.selectedText() == "iran"  # to type over
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline.date_edit.hasFocus()
    qtbot.keyClicks(window.timeline.date_edit, "1917")
    qtbot.keyClick(window.timeline.date_edit, Qt.Key.Key_Return)
    assert TimeSpan.parse("1917").contains(window.state.time)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


@pytest.mark.parametrize("size", [(640, 480), (700, 600), (600, 300)])  # the last two flew
def test_selecting_an_event_inside_the_framed_story_keeps_the_story_in_view(window, qtbot, size):
    """At launch the page gets 640×480 before the window's size: judged by that view, a
    --select flew to a close-up of the event or kept the story, by chance. An event inside the
    story's framing keeps it, at any size, until the user moves the map."""
    from conftest import page_js as js

    window.map_view.setMinimumSize(*size)
    window.map_view.setMaximumSize(*size)
    # The map takes its new size at the page's resize event: on a loaded machine that came
    # after the framing, and kept the centre, moving the story sideways.
    mapsize = "MapExplorer.mapSize()"
    qtbot.waitUntil(lambda: js(window.map_view, qtbot, mapsize) == list(size), timeout=10_000)
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.show_whole_story()
    # The story's framing is animated: its end, however long a loaded machine takes.
    moving = "MapExplorer.moving()"
    qtbot.waitUntil(lambda: js(window.map_view, qtbot, moving) is False, timeout=10_000)
    before = (
        js(window.map_view, qtbot, "MapExplorer.zoom()"),
        js(window.map_view, qtbot, "MapExplorer.viewBounds()"),
    )
    window.state.select("treaty-signing", move_time=True)
    selected = "MapExplorer.selectedEventId()"
    qtbot.waitUntil(
        lambda: js(window.map_view, qtbot, selected) == "treaty-signing", timeout=10_000
    )
    assert js(window.map_view, qtbot, moving) is False  # no fly began
    after = (
        js(window.map_view, qtbot, "MapExplorer.zoom()"),
        js(window.map_view, qtbot, "MapExplorer.viewBounds()"),
    )
    assert after == before


def _dark_palette_without_placeholder_colour():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e0e0e0"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e0e0e0"),
        (QPalette.ColorRole.Button, "#333333"),
        (QPalette.ColorRole.ButtonText, "#e0e0e0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_boxes_hints_can_be_read_on_a_dark_palette(open_window, bundled):
    """A dark palette that does not set PlaceholderText (a hand-made one, an old theme file)
    kept Qt's black-at-half-opacity for it: "Filter events…" and "Go to date" were drawn
    darker than their dark boxes. A window opened on such a palette, or switched to one,
    shows them halfway between the box and its text, as Qt does on white."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from mapexplorer.ui.readable_palette import placeholder_is_readable

    app = QApplication.instance()
    before = QPalette(app.palette())
    assert placeholder_is_readable(before)  # a light palette is left as it is
    try:
        window = open_window(bundled)
        app.setPalette(_dark_palette_without_placeholder_colour())  # the system switches
        for box in (window.event_list.search, window.timeline.date_edit):
            assert placeholder_is_readable(box.palette()), box.accessibleName()
        app.setPalette(before)
        window.close()
        app.setPalette(_dark_palette_without_placeholder_colour())  # then the app starts
        window = open_window(bundled)
        assert placeholder_is_readable(window.event_list.search.palette())
    finally:
        app.setPalette(before)


def test_alt_page_keys_go_chapter_by_chapter_from_anywhere(window, qtbot):
    """No key went to the next or previous chapter: a keyboard user had to Tab to the Chapter
    box and open it. Alt+Page Up and Alt+Page Down do it wherever the focus is (the map, the
    slider's track, the list), as choosing the chapter in the box does."""
    from PySide6.QtCore import Qt

    eras = sorted(window.state.catalogue.eras, key=lambda e: e.time.start)
    alt = Qt.KeyboardModifier.AltModifier
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focused = (window.map_view.focusProxy() or window.map_view, window.timeline.track)
    for widget, key, expected in (
        (focused[0], Qt.Key.Key_PageUp, eras[-2]),
        (focused[1], Qt.Key.Key_PageUp, eras[-3]),
        (window.event_list.table, Qt.Key.Key_PageDown, eras[-2]),
    ):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
            qtbot.keyClick(widget, key, alt)
        assert window.chapter_box.currentData() == expected.id, widget
        assert window.state.catalogue.era_at(window.state.time) == expected
    for _ in eras:
        qtbot.keyClick(window.timeline.track, Qt.Key.Key_PageDown, alt)
    assert window.chapter_box.currentData() == eras[-1].id
    assert window.statusBar().currentMessage() == "No later chapter"
    keys = {
        a.text(): a.shortcut().toString() for a in window.menuBar().actions()[1].menu().actions()
    }
    assert keys["&Next chapter"] == "Alt+PgDown" and keys["&Previous chapter"] == "Alt+PgUp"


def test_a_right_to_left_title_keeps_its_punctuation_at_its_end(qtbot, open_window, bundled):
    """A Hebrew title ending in "!" (or an Arabic one in "؟"), after the English date of a
    tooltip, of the list at a place, or in the event list: the mark was drawn at the right of
    the line, where the title begins, not at its end on the left. Each title now sits in an
    element (a cell) of its own direction."""
    from dataclasses import replace

    from PySide6.QtWidgets import QStyleOptionViewItem

    from mapexplorer.model import Catalogue
    from mapexplorer.ui.event_list import EventTableModel

    title = "חתימה על ההסכם, 2025!"
    events = [replace(e, title=title) if e.id == "treaty-signing" else e for e in bundled.events]
    win = open_window(Catalogue(events, bundled.places, bundled.eras, bundled.source))
    event = win.state.catalogue.event("treaty-signing")  # in Moscow, with others
    with qtbot.waitSignal(win.map_view.frame_drawn, timeout=10000):
        win.state.select(event.id, move_time=True)
    place = json.dumps(event.place_ids[0])
    point = js(win.map_view, qtbot, f"MapExplorer.screenPointOf({place})")
    leaflet_map = "Object.values(window).find(m => window.L && m instanceof L.Map)"
    hover = f"containerPoint: L.point({point['x']}, {point['y']})"
    js(win.map_view, qtbot, f"({leaflet_map}).fire('mousemove', {{{hover}}}) && true")
    isolated = """Array.from(document.querySelectorAll('%s bdi'))
        .filter(b => b.textContent === %s).map(b => b.matches(':dir(rtl)'))"""
    assert js(win.map_view, qtbot, isolated % (".me-tooltip", json.dumps(title))) == [True]
    with qtbot.waitSignal(win.map_view.frame_drawn, timeout=10000):
        win.state.set_window_days(365 * 400)  # every event: the place lists several
    js(win.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    assert js(win.map_view, qtbot, isolated % (".me-pop-item", json.dumps(title))) == [True]

    model, table = win.event_list.model, win.event_list.table
    option = QStyleOptionViewItem()
    row = model.row_of(event.id)
    table.itemDelegate().initStyleOption(option, model.index(row, EventTableModel.TITLE))
    assert option.text == f"\u2068{title}\u2069"  # first-strong isolate: right to left
    table.itemDelegate().initStyleOption(option, model.index(row, EventTableModel.DATE))
    assert option.text == model.index(row, EventTableModel.DATE).data()  # English as it was


# The row of the events canvas through a point, a letter a pixel: clear (.), white (w) or
# coloured (c). Across a marker: the white rim, the fill, the white figures, the fill, the rim.
_ROW_PIXELS = """(function (x, y) {
  var c = document.querySelector('canvas.me-events'), k = c.width / c.clientWidth;
  var d = c.getContext('2d').getImageData(Math.round((x - 24) * k), Math.round(y * k),
                                          Math.round(48 * k), 1).data, row = '';
  for (var i = 0; i < d.length; i += 4)
    row += d[i + 3] < 20 ? '.' : Math.min(d[i], d[i + 1], d[i + 2]) > 215 ? 'w' : 'c';
  return row;
})"""


@pytest.mark.parametrize("count", [150, 1200])
def test_a_count_of_three_figures_fits_inside_its_marker(open_window, qtbot, count):
    """500 events in one city: the marker's "101" was wider than the marker, its first and
    last figures on the white rim (it read "0"). Three figures, and "999+", get a bigger
    marker: across its middle, the rims are as thin as a lone marker's, the fill between them
    and the figures."""
    from itertools import groupby

    from shapely.geometry import Point

    from conftest import page_js_at
    from mapexplorer.model import Catalogue, Event, Place

    def runs(lat, lng):
        row = page_js_at(window.map_view, qtbot, lat, lng, _ROW_PIXELS).strip(".")
        return [(kind, len(list(group))) for kind, group in groupby(row)]

    places = {
        "damascus": Place("damascus", "Damascus", Point(36.29, 33.51)),
        "baghdad": Place("baghdad", "Baghdad", Point(44.37, 33.31)),
    }
    day = TimeSpan.parse("2020-05-01")  # known to the day: a white rim (a softer date's is dashed)
    events = [Event(id="lone", title="Lone", time=day, place_ids=("baghdad",))] + [
        Event(id=f"e{i}", title=f"E{i}", time=day, place_ids=("damascus",)) for i in range(count)
    ]
    window = open_window(Catalogue(events=events, places=places))
    rim = runs(33.31, 44.37)[0]  # a marker without a count
    assert rim[0] == "w"
    busy = runs(33.51, 36.29)
    assert [kind for kind, _n in busy[:2] + busy[-2:]] == ["w", "c", "c", "w"], busy
    assert busy[0][1] <= rim[1] + 1 and busy[-1][1] <= rim[1] + 1, (busy, rim)


def test_help_lists_every_keyboard_shortcut_from_the_menus(qtbot, bundled, page_path):
    """Help ▸ Keyboard shortcuts (F1): read from the menus' own actions, so a key added to a
    menu is listed, and the keys of the slider and the list beside them."""
    from mapexplorer.ui.main_window import MainWindow

    window = MainWindow(bundled, "bundled.geojson", page_path, settings=None)
    qtbot.addWidget(window)
    window.show_shortcuts()
    text = window.shortcuts_dialog.text.toPlainText()
    for keys, what in [
        ("Ctrl+O", "Open"),
        ("Ctrl+F", "Filter events"),
        ("Ctrl+G", "Go to date"),
        ("Alt+PgDown", "Next chapter"),
        ("Page Up / Page Down", "The previous / next event"),
        ("Space", "Play or pause"),
    ]:
        assert f"{keys}\n{what}" in text or f"{keys}\t{what}" in text, (keys, text)
    window.shortcuts_dialog.close()


def test_help_lists_the_maps_keys_and_they_do_what_it_says(window, qtbot):
    """The map answers to the arrows, + and − and Escape once tabbed into, as the README
    says, but Help ▸ Keyboard shortcuts, "every key the window answers to", left it out."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mapexplorer.ui.image_export import _READ_CAMERA

    window.show_shortcuts()
    text = window.shortcuts_dialog.text.toPlainText()
    window.shortcuts_dialog.close()
    assert "On the map (Tab to it)" in text
    for keys, what in [("Arrow keys", "Pan the map"), ("+ / −", "Zoom in / out")]:
        assert f"{keys}\n{what}" in text or f"{keys}\t{what}" in text, (keys, text)
    assert "Close the list of events at a place" in text

    window.activateWindow()
    window.chapter_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.chapter_box)
    qtbot.keyClick(window.chapter_box, Qt.Key.Key_Tab)
    focused = "document.activeElement.classList.contains('leaflet-container')"
    qtbot.waitUntil(lambda: js(window.map_view, qtbot, focused) is True, timeout=5000)
    before = js(window.map_view, qtbot, _READ_CAMERA)
    keys = QApplication.focusWidget()
    qtbot.keyClick(keys, Qt.Key.Key_Plus)
    qtbot.waitUntil(
        lambda: js(window.map_view, qtbot, _READ_CAMERA)["zoom"] > before["zoom"], timeout=5000
    )
    zoomed = js(window.map_view, qtbot, _READ_CAMERA)
    qtbot.keyClick(keys, Qt.Key.Key_Right)
    qtbot.waitUntil(
        lambda: js(window.map_view, qtbot, _READ_CAMERA)["lng"] > zoomed["lng"], timeout=5000
    )


def test_every_export_has_its_key_letter_as_every_other_menu_item(window):
    """File ▸ Export was the one menu whose items had no key letter (Alt+F, E, then P for a
    picture): a keyboard user could only arrow down to them."""
    from PySide6.QtGui import QKeySequence

    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    export = next(a.menu() for a in file_menu.actions() if a.text() == "&Export")
    items = [a for a in export.actions() if not a.isSeparator()]
    assert len(items) == 6
    letters = [QKeySequence.mnemonic(a.text()).toString() for a in items]
    assert all(letters) and len(set(letters)) == len(letters), letters
    assert [a.text().replace("&", "") for a in items] == [
        "GeoJSON…",
        "CSV spreadsheet…",
        "KML for Google Earth…",
        "Web page (HTML)…",
        "Image (PNG)…",
        "Animation (GIF)…",
    ]


def test_the_shortcuts_descriptions_line_up_in_one_column(qtbot, bundled, page_path):
    """Each section was a table of its own, so each started its descriptions at its own
    distance from the keys: a ragged edge down the list."""
    from PySide6.QtGui import QTextDocument

    from mapexplorer.ui.main_window import MainWindow

    window = MainWindow(bundled, "bundled.geojson", page_path, settings=None)
    qtbot.addWidget(window)
    window.show_shortcuts()
    browser = window.shortcuts_dialog.text
    qtbot.waitExposed(window.shortcuts_dialog)
    lefts = set()
    for what in ("Open", "Step the time", "Show the selected event again", "Clear the filter"):
        found = browser.document().find(what, 0, QTextDocument.FindFlag.FindCaseSensitively)
        assert not found.isNull(), what
        found.setPosition(found.selectionStart())
        lefts.add(browser.cursorRect(found).left())
    assert len(lefts) == 1, lefts
    window.shortcuts_dialog.close()


def test_the_window_fits_half_a_laptops_screen(window, qtbot):
    """The slider's row of controls held the window at 877 px or more: snapped to half a
    1366-px screen it stayed wider. Resized there at once, it fits, the controls on two rows,
    and the map keeps most of the width beside the side panel."""
    window.resize(680, 700)
    qtbot.waitUntil(lambda: window.width() == 680)
    assert window.minimumSizeHint().width() <= 680
    timeline = window.timeline
    qtbot.waitUntil(lambda: timeline.mode_combo.y() > timeline.date_edit.geometry().bottom())
    assert timeline.rect().contains(timeline.focus_check.geometry())
    assert window.map_view.width() > window.side.width()


def test_a_chapter_named_with_an_ampersand_reads_as_written_in_the_menu(
    qtbot, open_window, tmp_path
):
    """View ▸ Chapters showed an era "R&D years" as "RD years" (Qt took "&" for the mark of a
    shortcut letter, D underlined, Alt+D choosing it) and "War & peace" as "War  peace"."""
    from mapexplorer.formats.opener import read_catalogue

    path = tmp_path / "eras.csv"
    path.write_text(
        "date,title,lat,lon,era\n2020-01-01,A,10,10,War & peace\n2021-01-01,B,11,11,R&D years\n",
        encoding="utf-8",
    )
    window = open_window(read_catalogue(path)[0], "eras.csv")
    actions = window.chapters_menu.actions()
    assert [a.iconText() for a in actions] == ["War & peace", "R&D years"]
    actions[1].trigger()
    assert window.state.catalogue.era_at(window.state.time).label == "R&D years"
    assert window.chapter_box.currentText() == "R&D years"


def test_show_in_article_puts_the_keyboard_on_the_events_passage(window, qtbot):
    """*Show in article* from the keyboard showed the Article tab but left the focus on the
    button: the passage was several Tab presses and arrow keys away. The keyboard is on the
    event's first passage now, and the arrows go on from there."""
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.state.select("guard-general-leak")  # quoted near the end of the article
    button = window.details.article_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    article, browser = window.article, window.article.browser
    assert window.tabs.currentWidget() is article
    qtbot.waitUntil(browser.hasFocus)
    excerpt = window.state.selected_event.excerpts[0]
    start, end = browser.focused_link()
    assert start <= article.document_position(excerpt.start) < end
    assert article.selected_passage_visible()
    links = browser.links()
    qtbot.keyClick(browser, Qt.Key.Key_Left)  # (its passage is the article's last)
    assert browser.focused_link() == links[links.index((start, end)) - 1]


def test_the_keyboard_shortcuts_fit_their_table_at_larger_text(window, qtbot):
    """At larger text Help ▸ Keyboard shortcuts kept its 480×620 and wrapped "Previous chapter"
    into "Previou / s / chapter" beside the keys: it is as wide as its table (within the
    screen) now."""
    window.set_text_scale(1.25)  # (offscreen the screen is 800 px wide: 200% needs more)
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    document = dialog.text.document()
    shown = document.textWidth()
    document.setTextWidth(-1)
    natural = document.size().width()
    document.setTextWidth(shown)
    assert shown >= natural  # every row on one line
    assert dialog.text.horizontalScrollBar().maximum() == 0
    dialog.close()
    window.set_text_scale(1.0)


def test_f1_again_brings_the_open_shortcuts_list_forward(window, qtbot):
    """Each F1 opened one more copy of Help ▸ Keyboard shortcuts over the last."""
    from mapexplorer.ui.shortcuts_help import ShortcutsDialog

    window.show_shortcuts()
    first = window.shortcuts_dialog
    qtbot.waitExposed(first)
    window.show_shortcuts()
    assert window.shortcuts_dialog is first
    assert [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()] == [first]
    first.close()
    window.show_shortcuts()  # closed, it opens again
    assert window.shortcuts_dialog.isVisible()
    window.shortcuts_dialog.close()


def test_no_two_items_of_a_menu_share_their_letter(window):
    """View had N for both Next chapter and Normal text size, and L for Filter events and
    Larger text: Alt+V then the letter went to one or the other, not the item named."""
    import re

    def check(menu) -> None:
        letters: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator():
                continue
            found = re.search(r"&([^&])", action.text().replace("&&", ""))
            if found:
                letter = found[1].lower()
                assert letter not in letters, (menu.title(), letters[letter], action.text())
                letters[letter] = action.text()
            if action.menu() is not None:
                check(action.menu())

    for action in window.menuBar().actions():
        check(action.menu())
