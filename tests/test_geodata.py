"""Checks of the bundled geography (geodata/*.geojson) built by tools/build_geodata.py."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

GEODATA = Path(__file__).resolve().parent.parent / "geodata"

REQUIRED = {
    "point": [
        "moscow",
        "tehran",
        "bushehr",
        "vienna",
        "washington",
        "damascus",
        "hmeimim",
        "kyiv",
        "isfahan",
        "natanz",
        "fordow",
        "petrograd",
        "tabriz",
    ],
    "region": [
        "iran",
        "syria",
        "lebanon",
        "ukraine",
        "israel",
        "gaza-strip",
        "northern-iran",
        "caucasus",
        "caspian-region",
    ],
    "route": [
        "route-soviet-invasion-1941",
        "route-british-invasion-1941",
        "route-drones-iran-russia",
        "route-missiles-iran-russia",
        "route-yak130-russia-iran",
    ],
}

TBILISI = Point(44.79, 41.72)
YEREVAN = Point(44.51, 40.18)
BAKU = Point(49.89, 40.38)


def load(name: str) -> dict:
    with open(GEODATA / name, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def places() -> dict:
    return load("places.geojson")


@pytest.fixture(scope="module")
def geoms(places) -> dict:
    return {f["id"]: shape(f["geometry"]) for f in places["features"]}


@pytest.fixture(scope="module")
def basemap() -> dict:
    return load("basemap.geojson")


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def all_coords(geom_json: dict):
    def walk(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for sub in c:
                yield from walk(sub)

    yield from walk(geom_json["coordinates"])


def check_feature_geometry(feat: dict) -> None:
    geom = shape(feat["geometry"])
    assert not geom.is_empty, feat.get("id")
    assert geom.is_valid, feat.get("id")
    for lon, lat in all_coords(feat["geometry"]):
        assert -180 <= lon <= 180 and -90 <= lat <= 90, (feat.get("id"), lon, lat)


def test_places_is_feature_collection(places):
    assert places["type"] == "FeatureCollection"
    ids = [f["id"] for f in places["features"]]
    assert len(ids) == len(set(ids)), "duplicate place ids"
    for f in places["features"]:
        assert f["type"] == "Feature"
        props = f["properties"]
        assert props["name"] and props["source"]
        assert props["kind"] in ("point", "region", "route")


def test_places_geometries_valid_and_in_range(places):
    for f in places["features"]:
        check_feature_geometry(f)
        for lon, lat in all_coords(f["geometry"]):
            assert round(lon, 4) == lon and round(lat, 4) == lat, f["id"]


def test_required_ids_have_right_kind_and_type(places):
    by_id = {f["id"]: f for f in places["features"]}
    types = {"point": {"Point"}, "region": {"Polygon", "MultiPolygon"}, "route": {"LineString"}}
    for kind, ids in REQUIRED.items():
        for fid in ids:
            assert fid in by_id, f"missing place {fid}"
            assert by_id[fid]["properties"]["kind"] == kind, fid
            assert by_id[fid]["geometry"]["type"] in types[kind], fid


def test_region_vertex_budget(geoms):
    for fid in REQUIRED["region"]:
        g = geoms[fid]
        n = sum(
            len(p.exterior.coords) + sum(len(r.coords) for r in p.interiors)
            for p in getattr(g, "geoms", [g])
        )
        assert n <= 310, (fid, n)


def test_tehran_and_bushehr(geoms):
    assert geoms["iran"].contains(geoms["tehran"])
    assert geoms["northern-iran"].contains(geoms["tehran"])
    assert geoms["iran"].contains(geoms["bushehr"])
    assert not geoms["northern-iran"].contains(geoms["bushehr"])
    assert geoms["iran"].contains(geoms["northern-iran"].representative_point())


def test_cities_in_their_countries(geoms):
    assert geoms["syria"].contains(geoms["damascus"])
    assert geoms["ukraine"].contains(geoms["kyiv"])
    for fid in ("isfahan", "natanz", "fordow", "tabriz"):
        assert geoms["iran"].contains(geoms[fid]), fid


def test_gaza_strip(geoms):
    gaza = geoms["gaza-strip"]
    minx, miny, maxx, maxy = gaza.bounds
    assert 31.2 - 0.01 <= miny and maxy <= 31.6 + 0.01
    assert maxx <= 34.6
    assert gaza.centroid.x < 34.45
    assert 0.03 <= gaza.area <= 0.05
    # about 41 km long and 6-12 km wide
    rect = list(gaza.minimum_rotated_rectangle.exterior.coords)
    sides = sorted(haversine_km(rect[i], rect[i + 1]) for i in range(4))
    assert 36 <= sides[-1] <= 50, sides  # bounding rectangle of the strip
    assert 5 <= sides[0] <= 15, sides


def test_caucasus_contains_capitals(geoms):
    for p in (TBILISI, YEREVAN, BAKU):
        assert geoms["caucasus"].contains(p), p


def test_caspian_region(geoms):
    cas = geoms["caspian-region"]
    assert cas.contains(Point(51.0, 42.0))
    minx, miny, maxx, maxy = cas.bounds
    # the sea spans about 46.6-54.8E, 36.5-47.1N; plus a coastal band
    assert 44.5 <= minx <= 46.6 and 54.8 <= maxx <= 57.0
    assert 35.0 <= miny <= 36.6 and 47.1 <= maxy <= 48.8
    assert not cas.contains(Point(60.0, 42.0))


def _ends(geoms, fid):
    coords = list(geoms[fid].coords)
    return coords[0], coords[-1], coords


@pytest.mark.parametrize(
    "fid,start,end,start_km,end_km",
    [
        ("route-drones-iran-russia", "isfahan", "moscow", 50, 100),
        ("route-missiles-iran-russia", "tehran", "moscow", 50, 100),
        ("route-yak130-russia-iran", "moscow", "tehran", 100, 50),
        ("route-soviet-invasion-1941", None, "tehran", None, 50),
        ("route-british-invasion-1941", None, "tehran", None, 50),
    ],
)
def test_routes_start_and_end(geoms, fid, start, end, start_km, end_km):
    first, last, coords = _ends(geoms, fid)
    assert len(coords) >= 4, "routes have intermediate vertices"
    if start:
        p = geoms[start]
        assert haversine_km(first, (p.x, p.y)) <= start_km
    p = geoms[end]
    assert haversine_km(last, (p.x, p.y)) <= end_km


def test_invasion_routes_origins(geoms):
    soviet_first = geoms["route-soviet-invasion-1941"].coords[0]
    british_first = geoms["route-british-invasion-1941"].coords[0]
    assert haversine_km(soviet_first, (49.89, 40.38)) <= 50  # Baku
    assert haversine_km(british_first, (47.78, 30.51)) <= 50  # Basra


def test_iran_russia_routes_cross_the_caspian(geoms):
    sea = Point(51.0, 42.0).buffer(3.0)
    for fid in (
        "route-drones-iran-russia",
        "route-missiles-iran-russia",
        "route-yak130-russia-iran",
    ):
        assert geoms[fid].intersects(sea), fid
    assert not geoms["route-drones-iran-russia"].equals(geoms["route-missiles-iran-russia"])


def test_basemap(basemap):
    assert basemap["type"] == "FeatureCollection"
    feats = basemap["features"]
    assert len(feats) > 150
    names = {f["properties"]["name"] for f in feats}
    isos = {f["properties"].get("iso") for f in feats}
    assert {"Iran", "Russia"} <= names
    assert {"IRN", "RUS"} <= isos
    for f in feats:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        check_feature_geometry(f)
    assert (GEODATA / "basemap.geojson").stat().st_size < 1_600_000


def test_basemap_contains_places(basemap, geoms):
    outlines = {f["properties"]["name"]: shape(f["geometry"]) for f in basemap["features"]}
    assert outlines["Iran"].contains(geoms["tehran"])
    assert outlines["Russia"].contains(geoms["moscow"])


def test_basemap_labels():
    labels = load("basemap-labels.geojson")
    by_name = {f["properties"]["name"]: f for f in labels["features"]}
    for name in ("Russia", "Iran", "Turkey", "Caspian Sea", "Black Sea", "Persian Gulf"):
        assert name in by_name
    for f in labels["features"]:
        assert f["geometry"]["type"] == "Point"
        assert f["properties"]["kind"] in ("country", "sea")
        check_feature_geometry(f)
    base = {
        f["properties"]["name"]: shape(f["geometry"]) for f in load("basemap.geojson")["features"]
    }
    for name, f in by_name.items():
        if f["properties"]["kind"] == "country":
            assert base[name].contains(shape(f["geometry"])), name
        else:
            assert not any(g.contains(shape(f["geometry"])) for g in base.values()), name


def test_every_country_and_the_oceans_are_named_each_from_a_zoom():
    """A CSV of Paris or Brazil showed land with no name at all: only the story's region
    (18 countries, 6 seas) was named."""
    labels = load("basemap-labels.geojson")["features"]
    countries = {f["properties"]["name"] for f in load("basemap.geojson")["features"]}
    named = {f["properties"]["name"]: f["properties"] for f in labels}
    assert countries <= named.keys()
    assert {"Pacific Ocean", "Atlantic Ocean", "Indian Ocean", "North Sea"} <= named.keys()
    zooms = [f["properties"]["minzoom"] for f in labels]
    assert all(2 <= z <= 10 for z in zooms)
    # Big countries from the first zoom; small ones once they have room; the region as before.
    assert named["Brazil"]["minzoom"] == named["United States"]["minzoom"] == 2
    assert named["France"]["minzoom"] <= 4 < named["Luxembourg"]["minzoom"]
    assert named["Lebanon"]["minzoom"] == named["Armenia"]["minzoom"] == 4
    assert named["Democratic Republic of the Congo"]["text"] == "Dem. Rep. Congo"
    # The map gives way in file order: the region first, then zoom by zoom.
    assert [f["properties"]["name"] for f in labels[:3]] == ["Russia", "Iran", "Turkey"]
    rest = zooms[18:]
    assert rest == sorted(rest)
