"""Places: a name and a shapely geometry in lon/lat — a point, a region or a route."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

EARTH_RADIUS_KM = 6371.0088


class PlaceError(ValueError):
    """A place whose geometry is missing, invalid or off the globe."""


class PlaceKind(StrEnum):
    POINT = "point"
    REGION = "region"
    ROUTE = "route"


_KIND_OF_TYPE = {
    "Point": PlaceKind.POINT,
    "MultiPoint": PlaceKind.POINT,
    "Polygon": PlaceKind.REGION,
    "MultiPolygon": PlaceKind.REGION,
    "LineString": PlaceKind.ROUTE,
    "MultiLineString": PlaceKind.ROUTE,
}


@dataclass(frozen=True, eq=False)
class Place:
    """A named geometry. Validated on creation, so the rest of the app can trust it."""

    id: str
    name: str
    geometry: BaseGeometry
    source: str = ""
    kind: PlaceKind = field(init=False)

    def __post_init__(self) -> None:
        kind = validate_geometry(self.geometry)
        object.__setattr__(self, "kind", kind)
        if kind is PlaceKind.REGION:
            # RFC 7946's right-hand rule: exterior rings counter-clockwise, holes clockwise.
            object.__setattr__(self, "geometry", shapely.orient_polygons(self.geometry))

    @classmethod
    def from_geojson(cls, id: str, name: str, geometry: dict, source: str = "") -> Place:
        try:
            geom = shape(geometry)
        except Exception as exc:  # shapely raises several types for malformed GeoJSON
            raise PlaceError(f"not a GeoJSON geometry ({exc})") from exc
        return cls(id=id, name=name, geometry=geom, source=source)

    @property
    def representative(self) -> tuple[float, float]:
        """(lon, lat) of a point on or inside the place: where a marker or label goes."""
        if self.kind is PlaceKind.ROUTE:
            point = self.geometry.interpolate(0.5, normalized=True)
        else:
            point = self.geometry.representative_point()
        return point.x, point.y

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Place)
            and (self.id, self.name, self.source) == (other.id, other.name, other.source)
            and self.geometry.equals_exact(other.geometry, 0)
        )

    def __hash__(self) -> int:
        return hash(self.id)


def validate_geometry(geom: BaseGeometry) -> PlaceKind:
    """The kind of a geometry, or `PlaceError` saying what is wrong with it."""
    kind = _KIND_OF_TYPE.get(geom.geom_type)
    if kind is None:
        raise PlaceError(f"{geom.geom_type} is not supported (use a point, polygon or line)")
    if geom.is_empty:
        raise PlaceError("the geometry is empty")
    minx, miny, maxx, maxy = geom.bounds
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)):
        raise PlaceError("the geometry has non-numeric coordinates")
    if minx < -180 or maxx > 180:
        raise PlaceError(f"longitude out of range -180…180 (found {minx:g}…{maxx:g})")
    if miny < -90 or maxy > 90:
        raise PlaceError(f"latitude out of range -90…90 (found {miny:g}…{maxy:g})")
    if not geom.is_valid:
        from shapely.validation import explain_validity

        raise PlaceError(f"invalid geometry: {explain_validity(geom)}")
    return kind


def haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
