"""Esri JSON (an ArcGIS REST service's query answer, `f=json`, its default; ArcGIS Pro's
Features To JSON) as the GeoJSON it stands for, which the GeoJSON reader then reads.

A feature set is `{"geometryType", "spatialReference", "fields", "features": [{"attributes",
"geometry"}]}`: the attributes are the properties; a geometry is `{"x", "y"}` (a point),
`{"points"}`, `{"paths"}` (lines) or `{"rings"}` (an area: clockwise rings are outer ones,
counter-clockwise ones their holes, the other way round from GeoJSON). The spatial reference
becomes a `crs` member, so that Web Mercator's metres (wkid 102100 or 3857, most services')
are made degrees and another system is named, as in a GeoJSON file. Dates are Unix
milliseconds, which the GeoJSON reader reads (a date field at a local midnight too).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shapely.geometry import Point, Polygon

__all__ = ["CRS_MEMBER", "from_esri", "is_esri"]

# Here, not in the GeoJSON reader (which imports shapely): the window imports this module, through
# the opener, at every launch, before numpy and shapely are needed (tests/test_ui_app.py).
CRS_MEMBER = "mapexplorer:crs_member"
"""A document's member naming the member its "crs" came from, for the report: Esri JSON's
"spatialReference"."""

_DEGREES = frozenset((4326, 4269, 4258, 4979))
"""Spatial references in longitude and latitude (WGS 84, NAD 83, ETRS 89): no crs member."""


def is_esri(doc: Any) -> bool:
    """An Esri JSON feature set: features with "attributes", with no GeoJSON "type"."""
    if not isinstance(doc, dict) or doc.get("type") is not None:
        return False
    features = doc.get("features")
    if not isinstance(features, list):
        return False
    return (
        "geometryType" in doc
        or "spatialReference" in doc
        or any(isinstance(f, dict) and "attributes" in f for f in features[:5])
    )


def from_esri(doc: dict) -> tuple[dict, list[str]]:
    """The feature set as a GeoJSON FeatureCollection, and the report's lines on it."""
    wkid = _wkid(doc.get("spatialReference"))
    features = []
    for feature in doc["features"]:
        if not isinstance(feature, dict):
            features.append(feature)  # the GeoJSON reader says what is wrong with it
            continue
        attributes = feature.get("attributes")
        features.append(
            {
                "type": "Feature",
                "properties": attributes if isinstance(attributes, dict) else {},
                "geometry": _geometry(feature.get("geometry")),
            }
        )
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if wkid is not None and wkid not in _DEGREES:
        collection["crs"] = {"type": "name", "properties": {"name": f"EPSG:{wkid}"}}
        collection[CRS_MEMBER] = "spatialReference"  # what the report names
    lines = ["an Esri JSON (ArcGIS) feature set: read as the GeoJSON it stands for"]
    if doc.get("exceededTransferLimit") is True:
        lines.append(
            f"the service gave only its first {len(features):,} features (its answer says "
            "'exceededTransferLimit'): ask for the rest with resultOffset, or for GeoJSON of "
            "them all from ArcGIS (Export Data)"
        )
    return collection, lines


def _wkid(reference: Any) -> int | None:
    if not isinstance(reference, dict):
        return None
    for key in ("latestWkid", "wkid"):
        value = reference.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return 3857 if value in (102100, 102113, 900913) else value
    return None


def _geometry(geometry: Any) -> dict | None:
    """An Esri geometry as GeoJSON's; None for none, or an empty one (ArcGIS writes a point
    it could not place as x "NaN")."""
    if not isinstance(geometry, dict):
        return None
    if "x" in geometry:
        point = _xy([geometry.get("x"), geometry.get("y")])
        return {"type": "Point", "coordinates": point} if point else None
    if isinstance(geometry.get("points"), list):
        points = [p for p in map(_xy, geometry["points"]) if p]
        return {"type": "MultiPoint", "coordinates": points} if points else None
    if isinstance(geometry.get("paths"), list):
        paths = [_line(path) for path in geometry["paths"]]
        paths = [path for path in paths if path]
        if not paths:
            return None
        if len(paths) == 1:
            return {"type": "LineString", "coordinates": paths[0]}
        return {"type": "MultiLineString", "coordinates": paths}
    if isinstance(geometry.get("rings"), list):
        return _polygons([ring for ring in map(_line, geometry["rings"]) if len(ring) >= 4])
    return None


def _xy(point: Any) -> list[float] | None:
    """A point's longitude and latitude (or x and y): its z and m left out."""
    if not isinstance(point, (list, tuple)) or len(point) < 2:
        return None
    x, y = point[0], point[1]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (x, y)):
        return None
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    return [x, y]


def _line(path: Any) -> list[list[float]]:
    return [p for p in map(_xy, path) if p] if isinstance(path, list) else []


def _polygons(rings: list[list[list[float]]]) -> dict | None:
    """Esri's rings as GeoJSON's Polygon or MultiPolygon: each clockwise ring an outer one,
    each counter-clockwise ring a hole in the outer ring that holds it (a hole in none, as a
    tool that ignores the rule writes an outer ring, is an outer ring)."""
    outers: list[list] = []
    holes: list[list] = []
    for ring in rings:
        (outers if _signed_area(ring) <= 0 else holes).append(ring)
    if not outers:  # every ring counter-clockwise: outer rings written GeoJSON's way
        outers, holes = holes, []
    polygons: list[list] = [[outer] for outer in outers]
    # shapely only now: the window imports this module (through the opener) at every launch,
    # before numpy and shapely are needed (tests/test_ui_app.py).
    from shapely.geometry import Point, Polygon

    shells = [Polygon(outer) for outer in outers]
    for hole in holes:
        inside = Point(hole[0])
        home = next((i for i, shell in enumerate(shells) if _covers(shell, inside)), None)
        if home is None:
            polygons.append([hole])
        else:
            polygons[home].append(hole)
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def _covers(shell: Polygon, point: Point) -> bool:
    try:
        return bool(shell.covers(point))
    except Exception:  # noqa: BLE001 - a ring that crosses itself: the reader repairs it later
        return False


def _signed_area(ring: list[list[float]]) -> float:
    """Twice the ring's signed area: positive when counter-clockwise."""
    return sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    )
