"""GeoJSON in Web Mercator metres (EPSG:3857, the web maps' projection), as QGIS and older
tools save a layer with its "crs" member naming it: the coordinates made longitude and
latitude with the projection's own formula (a sphere of 6,378,137 m), no library needed."""

from __future__ import annotations

import math
import re
from typing import Any

__all__ = ["RADIUS", "from_web_mercator", "is_web_mercator", "to_degrees"]

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
