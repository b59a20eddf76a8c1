"""The map page with shapes across the antimeridian (±180°): a region split there is drawn in one
piece where it is, a route takes the short way over the date line, framing and flying go there,
and a click hits the shape at whichever copy of the world is in view."""

from pathlib import Path

import pytest

from conftest import PAINTED, page_js_at, set_map_view
from conftest import page_js as js
from mapexplorer.formats import native

DATA = Path(__file__).parent / "data"

# Canvas pixels with any paint in a square of radius r (CSS pixels) around (x, y).
PAINTED_NEAR = """(function (x, y, r) {
  var c = document.querySelector('canvas.me-events'), k = c.width / c.clientWidth;
  var d = c.getContext('2d').getImageData(Math.round((x - r) * k), Math.round((y - r) * k),
                                          Math.round(2 * r * k) + 1, Math.round(2 * r * k) + 1).data;
  var n = 0;
  for (var i = 3; i < d.length; i += 4) if (d[i]) n++;
  return n;
})"""


@pytest.fixture
def window(open_window, qtbot):
    """Fiji's waters split at ±180° (cyclone) and a route from 170° to -170° (flight), both
    shown (the two days' story opens with a day's window)."""
    win = open_window(native.load(DATA / "antimeridian.geojson"), "antimeridian.geojson")
    with qtbot.waitSignal(win.map_view.frame_drawn, timeout=10000):
        win.state.set_window_days(30)
    return win


def painted_at(window, qtbot, lat, lng, r=2):
    return page_js_at(window.map_view, qtbot, lat, lng, PAINTED_NEAR, r)


def click_at(window, qtbot, lat, lng):
    return page_js_at(window.map_view, qtbot, lat, lng, "MapExplorer.clickAt")


def set_view(window, qtbot, lat, lng, zoom):
    set_map_view(window.map_view, qtbot, lat, lng, zoom)


def degrees_from_date_line(lng):
    return abs(lng % 360 - 180)


def framed_on_the_date_line(window, qtbot):
    west, _south, east, _north = js(window.map_view, qtbot, "MapExplorer.viewBounds()")
    return east - west < 90 and degrees_from_date_line((west + east) / 2) < 10


def test_the_map_opens_on_the_date_line_not_the_whole_world(window, qtbot):
    assert framed_on_the_date_line(window, qtbot), js(
        window.map_view, qtbot, "MapExplorer.viewBounds()"
    )
    assert js(window.map_view, qtbot, "MapExplorer.zoom()") > 2  # zoom-out is not greyed out


def test_a_region_split_at_the_date_line_is_drawn_where_it_is(window, qtbot):
    # Both parts: 170…180 and -180…-170, drawn east of 180° (the map does not wrap round).
    for lng in (172, 178, 182, 188):
        assert painted_at(window, qtbot, -15, lng) > 0, lng
    assert painted_at(window, qtbot, -15, 165) == 0  # west of the region: sea


def test_a_route_over_the_date_line_takes_the_short_way(window, qtbot):
    assert painted_at(window, qtbot, 2.5, 180, r=3) > 0  # its middle, on the date line
    # The long way would pass here, just west of its start, on its way across Africa.
    west, *_ = js(window.map_view, qtbot, "MapExplorer.viewBounds()")
    assert west < 165
    assert painted_at(window, qtbot, 0.1, 165, r=3) == 0


def test_nothing_is_drawn_over_africa(window, qtbot):
    set_view(window, qtbot, 0, 20, 3)
    assert js(window.map_view, qtbot, PAINTED) == 0


def test_both_sides_of_the_date_line_answer_a_click(window, qtbot):
    assert click_at(window, qtbot, -15, 175) == "fiji-waters"
    assert click_at(window, qtbot, -15, 185) == "fiji-waters"  # -175°, east of 180°
    assert click_at(window, qtbot, 2.5, 180) == "date-line-hop"
    # With the view on the world's copy west of 180°, the shapes are drawn and hit there.
    set_view(window, qtbot, -10, -178, 4)
    assert painted_at(window, qtbot, -15, -185) > 0
    assert click_at(window, qtbot, -15, -185) == "fiji-waters"
    assert click_at(window, qtbot, -15, -175) == "fiji-waters"
    assert click_at(window, qtbot, 2.5, -180) == "date-line-hop"


def test_fit_and_fly_go_to_the_date_line(window, qtbot):
    set_view(window, qtbot, 50, 10, 4)  # Europe
    window.map_view.fit_all()
    qtbot.waitUntil(lambda: framed_on_the_date_line(window, qtbot), timeout=5000)
    set_view(window, qtbot, 50, 10, 4)
    window.state.select("cyclone")  # from the list: the map flies to it
    qtbot.waitUntil(lambda: framed_on_the_date_line(window, qtbot), timeout=5000)
