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
