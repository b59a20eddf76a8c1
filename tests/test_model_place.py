import pytest
from shapely.geometry import LineString, Point, Polygon

from mapexplorer.model import Place, PlaceError
from mapexplorer.model.place import PlaceKind, haversine_km


def test_kinds_from_geometry():
    assert Place("m", "Moscow", Point(37.62, 55.75)).kind is PlaceKind.POINT
    assert Place("r", "Route", LineString([(51.4, 35.7), (37.6, 55.7)])).kind is PlaceKind.ROUTE
    square = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])  # clockwise
    region = Place("s", "Square", square)
    assert region.kind is PlaceKind.REGION
    assert region.geometry.exterior.is_ccw  # RFC 7946 right-hand rule


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ({"type": "Point", "coordinates": [200, 10]}, "longitude out of range"),
        ({"type": "Point", "coordinates": [10, 95]}, "latitude out of range"),
        (
            {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},
            "invalid geometry: Self-intersection",
        ),
        ({"type": "Polygon", "coordinates": []}, "empty"),
        ({"type": "Circle", "coordinates": [1, 2]}, "not a GeoJSON geometry"),
        ({"type": "GeometryCollection", "geometries": []}, "not supported"),
    ],
)
def test_invalid_places_are_refused(geometry, message):
    with pytest.raises(PlaceError, match=message):
        Place.from_geojson("x", "X", geometry)


def test_representative_point_is_inside_the_region():
    ring = Polygon([(0, 0), (10, 0), (10, 10), (9, 10), (9, 1), (0, 1)])  # an L shape
    lon, lat = Place("l", "L", ring).representative
    assert ring.contains(Point(lon, lat))


def test_haversine_moscow_tehran():
    assert haversine_km(37.62, 55.75, 51.39, 35.69) == pytest.approx(2460, rel=0.02)


def test_many_from_geojson_makes_the_same_places():
    geometries = [
        {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]},  # CW
        {"type": "LineString", "coordinates": [[0, 0], [2, 1.5], [3, 1]]},
        {"type": "MultiPolygon", "coordinates": [[[[5, 5], [6, 5], [6, 6], [5, 5]]]]},
        {"type": "Point", "coordinates": [1.5, 2.5, 7]},
        {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]},
    ]
    ids = [f"p{i}" for i in range(len(geometries))]
    many = Place.many_from_geojson(ids, ids, geometries, ["s"] * len(ids))
    one = [Place.from_geojson(i, i, g, "s") for i, g in zip(ids, geometries, strict=True)]
    assert many == one
    assert [p.kind for p in many] == [p.kind for p in one]
    assert [p.geometry.wkt for p in many] == [p.geometry.wkt for p in one]


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},  # bow tie
        {"type": "LineString", "coordinates": [[0, 0], [200, 0]]},
        {"type": "GeometryCollection", "geometries": []},
        {"type": "Polygon", "coordinates": "nonsense"},
    ],
)
def test_many_from_geojson_says_what_one_at_a_time_says(bad):
    good = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
    with pytest.raises(PlaceError) as one:
        Place.from_geojson("b", "b", bad)
    with pytest.raises(PlaceError) as many:
        Place.many_from_geojson(["a", "b"], ["a", "b"], [good, bad], ["", ""])
    assert str(many.value) == str(one.value)
