"""The offline base map (resources/basemap-canvas.js): countries drawn on a canvas of their own
under Leaflet's panes, once per view, never on a time move; both sides of the antimeridian; the
dark theme; the online tiles above it."""

import json
import re

import pytest

from conftest import page_js as js
from conftest import page_js_at, set_map_view

LAND = (242, 239, 230)  # #f2efe6
DARK_LAND = (46, 52, 64)  # #2e3440

# The base map canvas's pixel at a container point: [r, g, b, a] (a = 0 where there is sea).
PIXEL_AT = """(function (x, y) {
  var c = document.querySelector('canvas.me-basemap'), k = c.width / c.clientWidth;
  return Array.from(c.getContext('2d').getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data);
})"""


@pytest.fixture
def window(open_window, bundled, qtbot):
    win = open_window(bundled)
    view = win.map_view
    # The window laid out: the page has drawn at the map's real size.
    qtbot.waitUntil(lambda: view.drawn_size == (view.width(), view.height()), timeout=10000)
    return win


def pixel(window, qtbot, lat, lng):
    return page_js_at(window.map_view, qtbot, lat, lng, PIXEL_AT)


def set_view(window, qtbot, lat, lng, zoom):
    set_map_view(window.map_view, qtbot, lat, lng, zoom)


def test_land_is_drawn_and_the_sea_left_clear(window, qtbot):
    assert pixel(window, qtbot, 35.7, 51.4) == [*LAND, 255]  # Tehran
    assert pixel(window, qtbot, 55.75, 37.6) == [*LAND, 255]  # Moscow
    assert pixel(window, qtbot, 43.2, 34.0)[3] == 0  # the Black Sea
    assert pixel(window, qtbot, 34.5, 18.0)[3] == 0  # the Mediterranean


def test_a_time_move_does_not_redraw_the_base_map_but_a_map_move_does(window, qtbot):
    view = window.map_view
    draws = js(view, qtbot, "MapExplorer.basemapDraws()")
    first, last = window.state.catalogue.time_range()
    for day in (first, (first + last) // 2, last):
        with qtbot.waitSignal(view.frame_drawn, timeout=10000):
            window.state.set_time(day)
    assert js(view, qtbot, "MapExplorer.basemapDraws()") == draws
    set_view(window, qtbot, 40, 60, 5)
    assert pixel(window, qtbot, 41.3, 69.3) == [*LAND, 255]  # Tashkent, in the new view


def test_land_on_both_sides_of_the_date_line(window, qtbot):
    set_view(window, qtbot, 62, 180, 3)
    assert pixel(window, qtbot, 65, 170) == [*LAND, 255]  # Chukotka, west of 180°
    assert pixel(window, qtbot, 65, 185) == [*LAND, 255]  # Chukotka, east of it (-175°)
    assert pixel(window, qtbot, 64, 210) == [*LAND, 255]  # Alaska (-150°), a turn east
    assert pixel(window, qtbot, 57, 185)[3] == 0  # the Bering Sea
    # Past the last world copy Leaflet has: Alaska again, two turns west of the view's middle.
    set_view(window, qtbot, 62, -180, 3)
    assert pixel(window, qtbot, 64, -150) == [*LAND, 255]
    assert pixel(window, qtbot, 65, -190) == [*LAND, 255]  # Chukotka, a turn west


def test_the_dark_theme_recolours_the_land(window, qtbot):
    view = window.map_view
    draws = js(view, qtbot, "MapExplorer.basemapDraws()")
    view.send({"type": "theme", "dark": True})
    qtbot.waitUntil(lambda: js(view, qtbot, "MapExplorer.basemapDraws()") > draws)
    assert pixel(window, qtbot, 35.7, 51.4) == [*DARK_LAND, 255]
    view.send({"type": "theme", "dark": False})
    qtbot.waitUntil(lambda: pixel(window, qtbot, 35.7, 51.4) == [*LAND, 255])


def test_where_two_countries_outlines_overlap_it_is_land(window, qtbot):
    """The outlines overlap along many borders (55 pairs): the overlap is land, not a sliver of
    sea (one path filled even-odd made it sea)."""
    from shapely.geometry import shape

    from mapexplorer.mappage.basemap import basemap_data

    outline = {
        f["properties"]["name"]: shape(f["geometry"]).buffer(0)
        for f in basemap_data()["basemap"]["features"]
    }
    for a, b, zoom in (
        ("Israel", "Syria", 9),
        ("Austria", "Italy", 8),
        ("Argentina", "Paraguay", 7),
    ):
        overlap = outline[a].intersection(outline[b])
        assert overlap.area > 0, (a, b)
        part = max(getattr(overlap, "geoms", [overlap]), key=lambda g: g.area)
        point = part.representative_point()
        set_view(window, qtbot, point.y, point.x, zoom)
        assert pixel(window, qtbot, point.y, point.x) == [*LAND, 255], (a, b)


def test_antarctica_reaches_the_maps_southern_edge(window, qtbot):
    """Its outline closes at 84.7° S: no band of sea below it, down to the map's 85.05° S."""
    set_view(window, qtbot, -84.0, 100, 4)
    height = window.map_view.height()
    for lat in (-84.9, -85.03):
        on_screen = js(window.map_view, qtbot, f"MapExplorer.containerPointAt({lat}, 100)")
        assert 0 <= on_screen["y"] < height
        assert pixel(window, qtbot, lat, 100) == [*LAND, 255], lat


def label_copies_in_view(window, qtbot, name):
    """How many copies of a base map label lie inside the map's container."""
    return js(
        window.map_view,
        qtbot,
        f"""(function () {{
          var box = document.querySelector('.leaflet-container').getBoundingClientRect();
          return Array.from(document.querySelectorAll('.me-label')).filter(function (e) {{
            var r = e.getBoundingClientRect();
            return e.textContent === {name!r} && r.width > 0 && r.left >= box.left &&
              r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
          }}).length;
        }})()""",
    )


def test_sea_labels_follow_the_view_round_the_world(window, qtbot):
    """The map does not wrap: panned turns of the world east or west, at the lowest zoom (a
    view over two copies of the world), the seas are still named on each copy in view."""
    window.resize(1900, 800)
    view = window.map_view
    qtbot.waitUntil(lambda: view.drawn_size == (view.width(), view.height()), timeout=10000)
    for middle in (30, 210, 570, -510):
        set_view(window, qtbot, 30, middle, 2)
        west, _s, east, _n = js(view, qtbot, "MapExplorer.viewBounds()")
        # The Mediterranean's label (about 34° N 18° E): one per copy of it in view.
        expected = sum(1 for k in range(-4, 5) if west + 5 < 18 + 360 * k < east - 5)
        assert expected >= 1
        assert label_copies_in_view(window, qtbot, "Mediterranean Sea") == expected, middle


# The base map labels a reader sees: [name, left, top, right, bottom] of each one shown.
SHOWN_LABELS = """(function () {
  return Array.from(document.querySelectorAll('.me-label')).filter(function (e) {
    var r = e.getBoundingClientRect();
    return r.width > 0 && getComputedStyle(e).visibility === 'visible';
  }).map(function (e) {
    var r = e.getBoundingClientRect();
    return [e.textContent, r.left, r.top, r.right, r.bottom];
  });
})()"""


def overlapping_labels(window, qtbot):
    shown = js(window.map_view, qtbot, SHOWN_LABELS)
    return [
        (a[0], b[0])
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]


def test_no_two_names_on_the_base_map_overlap(window, qtbot):
    """The story's opening view crowds the Caucasus and the Levant: a name that would run
    into another waits until zooming in gives it room."""
    assert overlapping_labels(window, qtbot) == []
    names = {label[0] for label in js(window.map_view, qtbot, SHOWN_LABELS)}
    assert {"Russia", "Iran", "Syria", "Black Sea"} <= names
    set_view(window, qtbot, 32.9, 36.8, 7)  # the Levant, close up, its four names in view
    assert overlapping_labels(window, qtbot) == []
    names = {label[0] for label in js(window.map_view, qtbot, SHOWN_LABELS)}
    assert {"Syria", "Lebanon", "Israel", "Jordan"} <= names


@pytest.mark.parametrize(
    ("lat", "lng", "zoom", "names"),
    [
        (20, 0, 2, {"Brazil", "Canada", "United States", "Atlantic Ocean", "Pacific Ocean"}),
        (-15, -55, 4, {"Brazil", "Bolivia", "Paraguay", "Argentina"}),
        (47, 4, 5, {"France", "Germany", "Spain", "Switzerland", "United Kingdom"}),
        (49.7, 6.0, 8, {"Luxembourg", "Belgium"}),
        (50.5, 10, 6, {"Germany", "Czech Republic"}),
        (34.2, 36.0, 10, {"Lebanon"}),
    ],
)
def test_every_country_is_named_once_there_is_room(window, qtbot, lat, lng, zoom, names):
    """A map of Paris or Brazil named nothing: only the story's region was."""
    set_view(window, qtbot, lat, lng, zoom)
    qtbot.waitUntil(lambda: names <= {n[0] for n in js(window.map_view, qtbot, SHOWN_LABELS)})
    assert overlapping_labels(window, qtbot) == []
    width, height = window.map_view.width(), window.map_view.height()
    box = js(window.map_view, qtbot, "document.querySelector('.leaflet-container')"
             ".getBoundingClientRect().toJSON()")  # fmt: skip
    for name, left, top, right, bottom in js(window.map_view, qtbot, SHOWN_LABELS):
        # Whole, never cut by the map's edge ("KYRGY").
        assert box["left"] <= left and right <= box["left"] + width, name
        assert box["top"] <= top and bottom <= box["top"] + height, name
    # Only names in or near the view are on the page, not the world's ~200 three times over.
    assert js(window.map_view, qtbot, LABELS_SHOWN) < 120


# The online layer's tiles from somewhere the test decides (folium names the layer
# "tile_layer_<hash>" on the page's window).
TILES_FROM = """(function (url) {
  var k = Object.keys(window).filter(function (k) { return k.indexOf('tile_layer_') === 0; })[0];
  window[k].setUrl(url, true);
  return k;
})(%s)"""
LABELS_SHOWN = "document.querySelectorAll('.me-label').length"
# A 1×1 PNG: every tile "loads" without a network.
PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
    "/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=="
)


def test_the_online_tiles_hide_our_labels_once_they_come(window, qtbot):
    """OpenStreetMap's tiles name places themselves: ours would be said twice."""
    view = window.map_view
    assert js(view, qtbot, LABELS_SHOWN) > 0
    js(view, qtbot, TILES_FROM % json.dumps(PNG))
    window.online_action.setChecked(True)
    qtbot.waitUntil(lambda: js(view, qtbot, LABELS_SHOWN) == 0)
    window.online_action.setChecked(False)
    qtbot.waitUntil(lambda: js(view, qtbot, LABELS_SHOWN) > 0)


def test_an_online_map_that_cannot_be_reached_is_turned_off_and_said(window, qtbot):
    """Offline (a port nobody listens on here), the option unticks itself, the status line
    says why, and the map keeps its own names meanwhile: not a ticked option showing nothing."""
    view = window.map_view
    js(view, qtbot, TILES_FROM % json.dumps("http://127.0.0.1:9/{z}/{x}/{y}.png"))
    with qtbot.waitSignal(view.online_map_failed, timeout=20000):
        window.online_action.setChecked(True)
    assert not window.online_action.isChecked()
    assert "online map could not be reached" in window.statusBar().currentMessage()
    assert js(view, qtbot, LABELS_SHOWN) > 0
    assert js(view, qtbot, "document.querySelectorAll('.leaflet-tile').length") == 0
    # The failed fetches are the network's, not the page's script errors.
    view.js_errors[:] = [e for e in view.js_errors if "Failed to load resource" not in e]


def test_the_online_tiles_lie_above_the_offline_map(window, qtbot):
    """The optional OpenStreetMap layer is in Leaflet's tile pane: it must cover the offline
    countries, not show only through the sea."""
    order = js(
        window.map_view,
        qtbot,
        """(function () {
          var base = document.querySelector('canvas.me-basemap');
          var pane = document.querySelector('.leaflet-map-pane');
          return [base.parentNode === pane.parentNode,
                  Number(getComputedStyle(base).zIndex), Number(getComputedStyle(pane).zIndex)];
        })()""",
    )
    in_container, base_z, pane_z = order
    assert in_container and base_z < pane_z, order


def test_the_dark_theme_darkens_the_maps_buttons_and_scale_bar(window, qtbot):
    """On the dark map Leaflet's zoom buttons and scale bar stayed white boxes."""

    def lightness(selector: str) -> int:
        colour = js(
            window.map_view,
            qtbot,
            f"getComputedStyle(document.querySelector('{selector}')).backgroundColor",
        )
        return sum(int(v) for v in re.findall(r"\d+", colour)[:3]) // 3

    controls = (".leaflet-control-zoom-in", ".leaflet-control-scale-line")
    assert all(lightness(c) > 200 for c in controls)
    window.map_view.send({"type": "theme", "dark": True})
    qtbot.waitUntil(lambda: all(lightness(c) < 90 for c in controls))
    window.map_view.send({"type": "theme", "dark": False})
    qtbot.waitUntil(lambda: all(lightness(c) > 200 for c in controls))
