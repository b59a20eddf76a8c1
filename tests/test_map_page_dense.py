"""The map page with thousands of events: the pixel-buffer renderer (dots, scan-filled regions,
one-pixel routes) and the visibility bookkeeping behind it, against the model."""

import pytest

from conftest import PAINTED
from conftest import page_js as js


@pytest.fixture(scope="module")
def dense_catalogue():
    from mapexplorer.synthetic import synthetic_catalogue

    return synthetic_catalogue(10_000, seed=1)


@pytest.fixture
def dense_window(open_window, dense_catalogue):
    return open_window(dense_catalogue, "synthetic.geojson")


def move_time(window, qtbot, day):
    if day == window.state.time:
        return
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        window.state.set_time(day)


def assert_page_matches_model(window, qtbot):
    state = window.state
    events = state.visible_events()
    assert set(js(window.map_view, qtbot, "MapExplorer.drawnEventIds()")) == {e.id for e in events}
    lit = {p for e in events for p in e.place_ids}
    assert set(js(window.map_view, qtbot, "MapExplorer.litPlaceIds()")) == lit


def test_long_and_short_jumps_keep_the_visible_set_exact(dense_window, qtbot):
    window, state = dense_window, dense_window.state
    lo, hi = state.catalogue.time_range()
    mid = (lo + hi) // 2
    for mode in ("cumulative", "window", "cumulative"):
        with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
            state.set_mode(mode)
        # Long jumps both ways (each place recounted), then short steps (events walked).
        for day in (hi, lo + 30, mid, mid + 40, mid - 40, mid + 3, lo + 200, hi - 5):
            move_time(window, qtbot, day)
            assert_page_matches_model(window, qtbot)
        assert js(window.map_view, qtbot, PAINTED) > 1000


def test_dense_map_is_clickable_and_follows_the_theme(dense_window, qtbot):
    window, state = dense_window, dense_window.state
    state.set_mode("cumulative")
    _lo, hi = state.catalogue.time_range()
    move_time(window, qtbot, hi)
    event = state.visible_events()[-1]
    place = event.place_ids[0]
    point = js(window.map_view, qtbot, f"MapExplorer.screenPointOf('{place}')")
    clicked = js(window.map_view, qtbot, f"MapExplorer.clickAt({point['x']}, {point['y']})")
    assert clicked is not None
    qtbot.waitUntil(lambda: state.selected is not None, timeout=5000)
    light = js(window.map_view, qtbot, PAINTED)
    window.map_view.send({"type": "theme", "dark": True})  # redrawn at the next frame
    qtbot.waitUntil(
        lambda: (
            js(window.map_view, qtbot, "document.body.classList.contains('dark')")
            and js(window.map_view, qtbot, PAINTED) > 0.5 * light
        ),
        timeout=5000,
    )


def test_moving_forward_paints_what_a_full_redraw_paints(dense_window, qtbot):
    """Forward moves in cumulative mode only add the new events to the last draw's cells; the
    picture must be the one a full redraw of the same moment makes."""
    window, state = dense_window, dense_window.state
    lo, hi = state.catalogue.time_range()
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        state.set_mode("cumulative")
    day = lo + (hi - lo) // 3
    for _ in range(12):
        day += 700
        move_time(window, qtbot, day)
    stepped = js(window.map_view, qtbot, PAINTED)
    # A resize redraws from scratch (new view); back to the same size, the same moment. (A
    # frame after the resize could be one drawn before the page had its new size; a draw at
    # the size is the page's last word on it.)
    view = window.map_view
    qtbot.waitUntil(view.drawn_at_its_size, timeout=10_000)
    size = view.drawn_size
    window.resize(1300, 800)
    qtbot.waitUntil(lambda: view.drawn_size != size, timeout=10_000)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: view.drawn_size == size, timeout=10_000)
    full = js(window.map_view, qtbot, PAINTED)
    assert abs(stepped - full) <= 0.002 * full, (stepped, full)


def test_every_date_in_words_is_what_the_model_says(dense_window, qtbot, open_window, bundled):
    # Plain days come as null and the page words them from the day number: check all of them,
    # and the bundled article's intervals, seasons and centuries, which Python words.
    for window in (dense_window, open_window(bundled)):
        catalogue = window.state.catalogue
        words = dict(js(window.map_view, qtbot, "MapExplorer.eventDateWords()"))
        assert words == {e.id: e.time.describe() for e in catalogue.events}


def test_plain_days_in_words_far_back_and_far_ahead(open_window, qtbot, bundled):
    from dataclasses import replace

    from mapexplorer.model import Catalogue, TimeSpan

    days = ["1000-01-01", "1582-10-15", "1900-02-28", "2000-02-29", "9999-12-31", "0999-12-31"]
    events = [
        replace(e, time=TimeSpan.parse(d)) for e, d in zip(bundled.events, days, strict=False)
    ]
    events += bundled.events[len(days) :]
    catalogue = Catalogue(events, bundled.places, bundled.eras, bundled.source)
    window = open_window(catalogue)
    words = dict(js(window.map_view, qtbot, "MapExplorer.eventDateWords()"))
    assert words == {e.id: e.time.describe() for e in catalogue.events}
    assert words[bundled.events[1].id] == "Friday 15 October 1582"


def test_a_hundred_shapes_among_hundreds_of_dots_go_in_the_buffer(dense_window, qtbot):
    """Styled paths for 100-300 shapes cost 1-1.5 ms a frame: among dots (a data view
    already), they are drawn into the pixel buffer too; on their own they keep their style."""
    window, state = dense_window, dense_window.state
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=10000):
        state.set_mode("cumulative")
    lo, hi = state.catalogue.time_range()
    seen = []
    for k in range(1, 60):
        move_time(window, qtbot, lo + (hi - lo) * k // 300)
        drawn = js(window.map_view, qtbot, "MapExplorer.lastDraw()")
        seen.append(drawn)
        if drawn["dots"] and 100 < drawn["shapes"] <= 300:
            assert drawn["dense"], drawn
            break
    else:
        pytest.fail(f"no moment with 100-300 shapes among dots: {seen[-3:]}")
    assert_page_matches_model(window, qtbot)
