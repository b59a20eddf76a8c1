"""Shapes across the antimeridian (±180°): arranged in one piece for drawing, framed by the
tightest longitude span (model/antimeridian.py, the catalogue's bounds, the page's buffers)."""

from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from mapexplorer.formats import native
from mapexplorer.mappage.basemap import basemap_data
from mapexplorer.mappage.messages import geometry_buffers
from mapexplorer.model import Catalogue, Event, Place, TimeSpan
from mapexplorer.model.antimeridian import arranged, into_range, tightest_span, union_box

DATA = Path(__file__).parent / "data"
FIJI_SPLIT = MultiPolygon([box(170, -20, 180, -10), box(-180, -20, -170, -10)])


@pytest.fixture
def across():
    """A region split at ±180° (as RFC 7946 asks) and a route from 170° to -170°."""
    return native.load(DATA / "antimeridian.geojson")


def pacific(points: dict[str, tuple[float, float]]) -> Catalogue:
    places = {pid: Place(pid, pid, Point(*xy)) for pid, xy in points.items()}
    events = [
        Event(id=f"e-{pid}", title=pid, time=TimeSpan.parse("2020"), place_ids=(pid,))
        for pid in places
    ]
    return Catalogue(events=events, places=places)


# --- the tightest span ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("wests", "easts", "span"),
    [
        ([0, 10], [5, 22], (0, 22)),  # an ordinary story: as it was, exactly
        ([170, -180], [180, -170], (170, 190)),  # Fiji's two parts: one piece across 180
        ([-170, 170], [-170, 170], (170, 190)),  # two points either side of the date line
        ([-120, 0, 120], [-120, 0, 120], (-120, 120)),  # no span shorter: the plain one
        ([-180, 10], [180, 20], (-180, 180)),  # something goes all the way round
        ([150, -175], [200, -160], (150, 200)),  # arranged already (east past 180)
    ],
)
def test_tightest_span(wests, easts, span):
    assert tightest_span(wests, easts) == pytest.approx(span)


def test_union_box_stays_on_the_drawn_world():
    """A span whose middle is past 180 is given a turn west: the base map is drawn there."""
    assert union_box([[175, 0, 176, 1], [-150, 2, -149, 3]]) == pytest.approx((-185, 0, -149, 3))
    assert union_box([[34, 31, 35, 33], [51, 35, 52, 36]]) == (34, 31, 52, 36)


# --- shapes arranged -----------------------------------------------------------------------------
def test_a_route_over_the_date_line_takes_the_short_way():
    assert list(arranged(LineString([(170, 0), (-170, 5)])).coords) == [(170, 0), (190, 5)]
    # Westward too: the same stretch of ocean, drawn from its east end.
    assert list(arranged(LineString([(-170, 0), (170, 5)])).coords) == [(190, 0), (170, 5)]


def test_a_region_split_at_the_date_line_is_one_region_again():
    joined = arranged(FIJI_SPLIT)
    assert joined.geom_type == "Polygon"  # the seam is gone: nothing to draw along 180°
    assert joined.bounds == pytest.approx((170, -20, 190, -10))
    assert joined.area == pytest.approx(FIJI_SPLIT.area)


def test_shapes_that_do_not_cross_are_left_alone():
    iran = Polygon([(44, 25), (63, 25), (63, 40), (44, 40)])
    assert arranged(iran) is iran
    wide = LineString([(-120, 40), (0, 50), (120, 35)])  # round the world the long way only
    assert list(arranged(wide).coords) == list(wide.coords)


def test_a_ring_round_the_pole_is_kept_as_it_is():
    antarctica = Polygon([(-180, -70), (0, -65), (180, -70), (180, -90), (-180, -90)])
    assert arranged(antarctica) is antarctica


def test_the_page_gets_arranged_vertices(across):
    geometries = [p.geometry for p in across.places.values()]
    coords, ring_start, first_ring = geometry_buffers(geometries)
    route = coords[ring_start[first_ring[1]] : ring_start[first_ring[2]]]
    assert route.tolist() == [[170, 0], [190, 5]]
    region = coords[ring_start[first_ring[0]] : ring_start[first_ring[1]]]
    assert region[:, 0].min() == 170 and region[:, 0].max() == 190


# --- longitudes past 180 brought into range ----------------------------------------------------
def test_a_line_drawn_across_the_date_line_is_the_same_line_in_range():
    """Leaflet and geojson.io write 170° to 190°: in range, the short way over the date line."""
    line = into_range(LineString([(170, 10), (190, 12)]))
    assert list(line.coords) == [(170, 10), (-170, 12)]
    assert list(arranged(line).coords) == [(170, 10), (190, 12)]  # drawn as it was given
    west = into_range(LineString([(-190, 10), (-170, 12)]))
    assert list(west.coords) == [(170, 10), (-170, 12)]
    # A step of 180° or more keeps its way round: it gets vertices between.
    wide = into_range(LineString([(100, 0), (300, 0)]))
    assert list(wide.coords) == [(100, 0), (-160, 0), (-60, 0)]
    assert list(arranged(wide).coords) == [(100, 0), (200, 0), (300, 0)]


def test_an_area_drawn_across_the_date_line_is_cut_there():
    fiji = into_range(box(175, -20, 185, -15))
    assert fiji.geom_type == "MultiPolygon"  # as RFC 7946 asks, and as `arranged` joins again
    assert fiji.bounds == (-180, -20, 180, -15)
    assert fiji.area == pytest.approx(50)
    assert arranged(fiji).bounds == pytest.approx((175, -20, 185, -15))
    assert into_range(box(185, -20, 195, -15)).equals(box(-175, -20, -165, -15))


def test_points_past_180_are_moved_a_turn():
    assert into_range(Point(181, -17)).coords[0] == (-179, -17)
    assert into_range(Point(-200, 5)).coords[0] == (160, 5)
    assert into_range(Point(350, 5)).coords[0] == (-10, 5)  # a tool that counts 0…360


@pytest.mark.parametrize(
    "geometry",
    [
        Point(10, 20),  # in range already
        Point(4187547.8, 7509021.1),  # metres, not degrees
        Point(190, 100),  # off the globe in latitude too: swapped, or not degrees
        Polygon([(175, 0), (185, 10), (185, 0), (175, 10)]),  # crosses itself: cannot be cut
    ],
)
def test_what_is_not_degrees_past_180_is_left_as_it_is(geometry):
    assert into_range(geometry) is geometry


# --- framing -------------------------------------------------------------------------------------
def test_the_catalogue_is_framed_across_the_date_line(across):
    for west, _south, east, _north in (across.bounds(), across.focus_bounds()):
        assert east - west < 30
        assert west < 180 < east
    west, _, east, _ = across.bounds([across.event("flight")])
    assert (west, east) == (170, 190)


def test_a_pacific_story_focuses_on_the_pacific():
    story = pacific(
        {
            "suva": (178.4, -18.1),
            "apia": (-171.8, -13.8),
            "nukualofa": (-175.2, -21.1),
            "funafuti": (179.2, -8.5),
            "port-vila": (168.3, -17.7),
            "honolulu": (-157.9, 21.3),
            "london": (-0.1, 51.5),  # mentioned once: left out of the focus
        }
    )
    west, south, east, north = story.focus_bounds()
    assert (west, east) == pytest.approx((168.3, 188.2))  # Vanuatu to Samoa
    assert north < 0
    west, _, east, _ = story.bounds()
    assert east - west < 200  # London, round by the Pacific side: still shorter than plain


def test_a_small_story_keeps_a_place_that_is_not_far_off():
    """Kyiv in a story of the Middle East is part of it (2,000 km away), unlike London in a
    Pacific one: it stays in the framing (dropped before, as one of the farthest 15%)."""
    story = pacific(
        {
            "baghdad": (44.37, 33.31),
            "damascus": (36.29, 33.51),
            "beirut": (35.5, 33.89),
            "gaza": (34.47, 31.5),
            "tehran": (51.39, 35.69),
            "amman": (35.93, 31.95),
            "kyiv": (30.52, 50.45),
        }
    )
    assert story.focus_bounds() == story.bounds()
    assert story.focus_bounds()[3] == pytest.approx(50.45)


def test_places_all_round_the_world_are_framed_round_greenwich():
    """A worldwide dataset (no places between 13.5° and 40.4° E, the widest gap) was framed
    300° wide round the Pacific, which no view shows whole: Europe and Africa fell off."""
    cities = {
        "lima": (-77.0, -12.0), "new-york": (-74.0, 40.7), "london": (-0.1, 51.5),
        "lagos": (3.4, 6.5), "paris": (2.35, 48.86), "rome": (12.5, 41.9),
        "dubai": (55.3, 25.2), "delhi": (77.2, 28.6), "beijing": (116.4, 39.9),
        "tokyo": (139.7, 35.7), "sydney": (151.2, -33.9), "auckland": (174.8, -36.8),
        "honolulu": (-157.9, 21.3), "los-angeles": (-118.2, 34.1), "mexico": (-99.1, 19.4),
    }  # fmt: skip
    world = pacific(cities)
    for west, _south, east, _north in (world.bounds(), world.focus_bounds()):
        assert -180 <= west < -150 and 170 < east <= 180, (west, east)
    # A story round the Pacific alone is still framed across the date line.
    rim = pacific({k: cities[k] for k in ("tokyo", "sydney", "auckland", "honolulu")})
    west, _, east, _ = rim.bounds()
    assert west < 180 < east and east - west < 120


def test_a_few_far_off_mentions_do_not_make_a_story_worldwide(bundled):
    """The article's places and one event each in Los Angeles, Beijing and Tokyo: those are
    far off, left out, and the rest framed on the Middle East as before (their span alone
    passes 240°: it must not decide before they are left out)."""
    far = {"los-angeles": (-118.24, 34.05), "beijing": (116.4, 39.9), "tokyo": (139.69, 35.69)}
    places = dict(bundled.places)
    places.update({pid: Place(pid, pid, Point(*xy)) for pid, xy in far.items()})
    events = list(bundled.events) + [
        Event(id=f"visit-{pid}", title=pid, time=TimeSpan.parse("2020"), place_ids=(pid,))
        for pid in far
    ]
    story = Catalogue(events=events, places=places, eras=bundled.eras, source=bundled.source)
    assert story.focus_bounds() == pytest.approx(bundled.focus_bounds())


def test_ordinary_framing_is_unchanged(bundled):
    boxes = np.array([p.geometry.bounds for p in bundled.places.values()])
    west, south, east, north = bundled.bounds()
    assert (west, east) == (boxes[:, 0].min(), boxes[:, 2].max())


# --- the base map --------------------------------------------------------------------------------
def test_russia_and_fiji_are_drawn_in_one_piece_on_the_base_map():
    from shapely.geometry import shape

    countries = {
        f["properties"]["name"]: shape(f["geometry"]) for f in basemap_data()["basemap"]["features"]
    }
    for name in ("Russia", "Fiji"):
        west, _, east, _ = countries[name].bounds
        assert 0 < west and 180 < east < 200, name  # Chukotka east of 180°, not at -180°
    assert countries["Antarctica"].bounds[0] < -179  # round the pole: as it was
