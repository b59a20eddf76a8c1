"""GeoJSON in Web Mercator metres (EPSG:3857, the web maps' projection), as QGIS and older
tools save a layer with its "crs" member naming it: the coordinates made longitude and
latitude with the projection's own formula (a sphere of 6,378,137 m), no library needed."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from mapexplorer.formats.swapped import at_their_towns

__all__ = ["RADIUS", "by_their_names", "from_web_mercator", "is_web_mercator", "to_degrees"]

RADIUS = 6378137.0
"""The sphere Web Mercator projects (WGS 84's equatorial radius)."""
_EDGE = math.pi * RADIUS  # 20,037,508.34 m: ±180° and about ±85.05°

_CODES = frozenset({"3857", "900913", "3785", "102100", "102113", "41001"})
"""Web Mercator's codes: EPSG's, Google's first (900913), Esri's (102100, 102113)."""
_CODE = re.compile(r"(?:EPSG|ESRI)?:+(\d+)$", re.IGNORECASE)
_NAME = re.compile(r"pseudo[- ]?mercator|web[- ]?mercator|google maps global mercator", re.I)


def is_web_mercator(crs: str) -> bool:
    """Whether a "crs" name is Web Mercator: "EPSG:3857", "urn:ogc:def:crs:EPSG::3857",
    "ESRI:102100", "WGS 84 / Pseudo-Mercator" (not World Mercator, EPSG:3395, an ellipsoid's)."""
    text = crs.strip()
    code = _CODE.search(text)
    return (code is not None and code[1] in _CODES) or bool(_NAME.search(text))


def to_degrees(x: float, y: float) -> tuple[float, float] | None:
    """Web Mercator metres as (longitude, latitude), to 7 decimals (about a centimetre);
    None off the projected world (beyond ±20,037,508 m)."""
    if not (abs(x) <= _EDGE * 1.0000001 and abs(y) <= _EDGE * 1.0000001):
        return None
    lon = math.degrees(x / RADIUS)
    lat = math.degrees(math.atan(math.sinh(y / RADIUS)))
    return round(lon, 7), round(lat, 7)


def by_their_names(items: Sequence[tuple[str, float, float] | None], unsaid: str) -> str | None:
    """The report's line when a file's coordinates in metres, which nothing in it says the
    system of (`unsaid`: 'no "crs" member says which system they are in'), are Web
    Mercator's: most of its items (a place's name, and where Web Mercator puts its point as
    lon, lat; None for one without) that name a town the city table knows are at that town.
    None when they are not (a national grid's metres, or no names to tell by)."""
    near, known = at_their_towns(items)
    if not near or len(near) * 2 <= known:
        return None
    first = items[near[0]]
    assert first is not None
    return (
        f"its coordinates are metres, not longitude and latitude, and {unsaid}; they are "
        f"Web Mercator's (EPSG:3857): {len(near)} of the {known} places it names that we "
        f"know are where Web Mercator puts them ({first[0]!r} at {abs(first[2]):.4f}° "
        f"{'NS'[first[2] < 0]}, {abs(first[1]):.4f}° {'EW'[first[1] < 0]}), so they were "
        "converted to longitude and latitude (save the file in WGS 84 to be sure)"
    )


def from_web_mercator(features: list[Any]) -> list[Any]:
    """The features with their geometries' coordinates in longitude and latitude: a copy of
    each geometry (the document is left as it is). A position off the projected world, or
    not numbers, is left as written, for the reader to say what is wrong with it."""
    out = []
    for feature in features:
        if feature.__class__ is dict and isinstance(feature.get("geometry"), dict):
            feature = {**feature, "geometry": _geometry(feature["geometry"])}
        out.append(feature)
    return out


def _geometry(geometry: dict) -> dict:
    if geometry.get("type") == "GeometryCollection" and isinstance(
        geometry.get("geometries"), list
    ):
        pieces = [_geometry(g) if isinstance(g, dict) else g for g in geometry["geometries"]]
        return {**geometry, "geometries": pieces}
    if "coordinates" not in geometry:
        return geometry
    return {**geometry, "coordinates": _coordinates(geometry["coordinates"])}


def _coordinates(value: Any) -> Any:
    """A position, or nested lists of them, converted."""
    if not isinstance(value, list):
        return value
    if len(value) >= 2 and all(_number(v) for v in value[:2]):
        degrees = to_degrees(float(value[0]), float(value[1]))
        return value if degrees is None else [*degrees, *value[2:]]
    return [_coordinates(v) for v in value]


def _number(value: Any) -> bool:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an integer of 400 digits
        return False
