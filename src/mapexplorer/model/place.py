"""Places: a name and a shapely geometry in lon/lat — a point, a region or a route."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

# numpy and shapely (~0.1 s to import) load when a place is first made, not with the model:
# the window's modules import the model, and the window opens before any file is read.
if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

EARTH_RADIUS_KM = 6371.0088


class PlaceError(ValueError):
    """A place whose geometry is missing, invalid or off the globe."""


SWAPPED = "are longitude and latitude swapped? GeoJSON and KML give longitude first"
"""Said of a latitude out of range that would fit as a longitude, and whose longitude would
fit as a latitude: the commonest way a point falls off the globe (Tokyo at [35.7, 139.7])."""


_COORDINATES = {  # what each GeoJSON geometry's "coordinates" hold, and how deep they nest
    "Point": ("[longitude, latitude]", 0),
    "MultiPoint": ("a list of [longitude, latitude] positions", 1),
    "LineString": ("a list of two or more [longitude, latitude] positions", 1),
    "MultiLineString": ("a list of lines, each a list of two or more positions", 2),
    "Polygon": ("a list of rings, each a list of four or more positions", 2),
    "MultiPolygon": ("a list of polygons, each a list of rings of four or more positions", 3),
}


def geometry_problem(geometry: object, exc: BaseException, lead: str) -> str:
    """What is wrong with a GeoJSON geometry shapely could not read, in the words of GeoJSON
    (a line with one position, a ring with three, coordinates nested too shallow, a type that
    does not exist), rather than shapely's ("point array must contain 0 or >1 elements",
    "'int' object is not iterable"). `lead` and the library's words when none of those."""
    try:
        problem = _structure_problem(geometry)
    except Exception:  # only an explanation: never worse than the library's words
        problem = None
    if problem:
        return problem
    said = " ".join(str(exc).split()) or type(exc).__name__
    return f"{lead} ({said})"


def _structure_problem(geometry: object, depth: int = 0) -> str | None:
    import json

    if not isinstance(geometry, dict):
        return "the geometry is not a GeoJSON object"
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        if depth >= 20:
            return None
        pieces = geometry.get("geometries")
        if not isinstance(pieces, list):
            return 'the GeometryCollection has no list of "geometries"'
        for number, piece in enumerate(pieces, 1):
            problem = _structure_problem(piece, depth + 1)
            if problem:
                return f"piece {number} of the GeometryCollection: {problem}"
        return None
    if not isinstance(kind, str) or kind not in _COORDINATES:
        return (
            f"{json.dumps(kind)[:40]} is not a GeoJSON geometry type (Point, LineString, "
            "Polygon, their Multi- forms, or GeometryCollection)"
        )
    coordinates = geometry.get("coordinates")
    if coordinates is None:
        return f'the {kind} has no "coordinates"'
    holds, nesting = _COORDINATES[kind]
    wrong = f"a {kind}'s coordinates are {holds}"
    found = json.dumps(coordinates)
    found = found if len(found) <= 60 else found[:59] + "…"

    def position_problem(value: object) -> str | None:
        if not isinstance(value, list) or not value or isinstance(value[0], list):
            return f"{wrong}, not {found}"
        if len(value) < 2 or not all(
            isinstance(n, int | float) and not isinstance(n, bool) for n in value
        ):
            return f"the position {json.dumps(value)[:60]} is not [longitude, latitude] numbers"
        return None

    areas = kind in ("Polygon", "MultiPolygon")
    least = 4 if areas else 2 if kind in ("LineString", "MultiLineString") else 0

    def walk(value: object, level: int, where: str) -> str | None:
        """`value` nests `level` lists deep to its positions; `where` names it."""
        if level == 0:
            return position_problem(value)
        if not isinstance(value, list) or (value and not isinstance(value[0], list)):
            return f"{wrong}, not {found}"
        if level == 1 and value and len(value) < least:
            shown = f"{len(value)} position" + ("s" if len(value) != 1 else "")
            needs = "a ring needs four or more (the last the same as the first)"
            return f"{where} has only {shown}; " + (needs if areas else "a line needs two or more")
        child = "polygon" if level == 3 else "ring" if areas else "line"
        for number, item in enumerate(value, 1):
            problem = walk(item, level - 1, f"{child} {number} of {where}")
            if problem:
                return problem
        return None

    return walk(coordinates, nesting, f"the {kind}")


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

# GEOS type ids of the kinds above: Point, LineString, Polygon and their Multi- forms.
_KIND_OF_TYPE_ID = {
    0: PlaceKind.POINT,
    4: PlaceKind.POINT,
    3: PlaceKind.REGION,
    6: PlaceKind.REGION,
    1: PlaceKind.ROUTE,
    5: PlaceKind.ROUTE,
}
_BULK_TYPES = tuple(_KIND_OF_TYPE_ID)


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
            import shapely

            object.__setattr__(self, "geometry", shapely.orient_polygons(self.geometry))

    @classmethod
    def from_geojson(cls, id: str, name: str, geometry: dict, source: str = "") -> Place:
        from shapely.geometry import shape

        try:
            geom = shape(geometry)
        except Exception as exc:  # shapely raises several types for malformed GeoJSON
            raise PlaceError(geometry_problem(geometry, exc, "not a GeoJSON geometry")) from exc
        return cls(id=id, name=name, geometry=geom, source=source)

    @classmethod
    def points(
        cls, ids: list[str], names: list[str], coords: list, sources: list[str]
    ) -> list[Place]:
        """Many point places at once (a 100,000-row file): created and checked as arrays.
        Raises `PlaceError` naming the first bad one's index in the message."""
        import numpy as np
        import shapely

        xy = np.asarray(coords, dtype=float).reshape(-1, 2)
        bad = ~(np.isfinite(xy).all(axis=1) & (np.abs(xy) <= (180, 90)).all(axis=1))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            lon, lat = xy[i]
            if not (np.isfinite(lon) and np.isfinite(lat)):
                error = PlaceError("the geometry has non-numeric coordinates")
            else:
                which = "longitude" if not abs(lon) <= 180 else "latitude"
                error = PlaceError(f"{which} out of range ({lon:g}, {lat:g})")
            error.index = i  # which of the places, for the caller's message
            raise error
        out = []
        # A finite point on the globe is always valid: the one-at-a-time checks are done above.
        for pid, name, geom, source in zip(ids, names, shapely.points(xy), sources, strict=True):
            place = object.__new__(cls)
            place.__dict__.update(
                id=pid, name=name, geometry=geom, source=source, kind=PlaceKind.POINT
            )
            out.append(place)
        return out

    @classmethod
    def many_from_geojson(
        cls, ids: list[str], names: list[str], geometries: list[dict], sources: list[str]
    ) -> list[Place]:
        """Many places from GeoJSON geometries at once: parsed and checked as arrays, the same
        places as `from_geojson` one at a time (which is used for any that looks amiss, so
        its `PlaceError` names the problem)."""
        import numpy as np
        import shapely

        try:
            from orjson import dumps  # 10x faster; bytes are as good to GEOS
        except ImportError:
            from json import dumps

        geoms = None
        if geometries:
            try:
                texts = np.array([dumps(g) for g in geometries], dtype=object)
                geoms = shapely.from_geojson(texts)
            except Exception:  # malformed somewhere: one at a time says where and what
                geoms = None
        if geoms is None or len(geoms) != len(geometries):
            return [
                cls.from_geojson(*args)
                for args in zip(ids, names, geometries, sources, strict=True)
            ]
        types = shapely.get_type_id(geoms)
        ok = np.isin(types, _BULK_TYPES) & ~shapely.is_empty(geoms)
        box = shapely.bounds(geoms)
        with np.errstate(invalid="ignore"):
            ok &= np.isfinite(box).all(axis=1)
            ok &= (box[:, 0] >= -180) & (box[:, 2] <= 180) & (box[:, 1] >= -90) & (box[:, 3] <= 90)
        ok[ok] = shapely.is_valid(geoms[ok])
        regions = ok & np.isin(types, (3, 6))
        if regions.any():
            geoms[regions] = shapely.orient_polygons(geoms[regions])
        out = []
        for i, (pid, name, geom, source) in enumerate(zip(ids, names, geoms, sources, strict=True)):
            if not ok[i]:
                out.append(cls.from_geojson(pid, name, geometries[i], source))
                continue
            place = object.__new__(cls)
            place.__dict__.update(
                id=pid, name=name, geometry=geom, source=source, kind=_KIND_OF_TYPE_ID[types[i]]
            )
            out.append(place)
        return out

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
        swapped = -90 <= minx and maxx <= 90  # the latitudes would all fit as longitudes
        raise PlaceError(
            f"latitude out of range -90…90 (found {miny:g}…{maxy:g})"
            + (f"; {SWAPPED}" if swapped else "")
        )
    problem = validity_problem(geom)
    if problem:
        raise PlaceError(f"invalid geometry: {problem}")
    return kind


def validity_problem(geom: BaseGeometry) -> str | None:
    """Why a geometry is not valid, in words ("Self-intersection near (5, 5): the shape
    crosses itself"); None when it is."""
    if geom.is_valid:
        return None
    from shapely.validation import explain_validity

    return _validity_in_words(explain_validity(geom))


_VALIDITY_WORDS = {  # GEOS's reasons (shapely's explain_validity) in plain words
    "Too few points in geometry component": "a ring or line has too few distinct points",
    "Self-intersection": "the shape crosses itself",
    "Ring Self-intersection": "a ring touches itself",
    "Hole lies outside shell": "a hole lies outside its polygon",
    "Nested shells": "one part of the multipolygon lies inside another",
    "Nested holes": "one hole lies inside another",
    "Interior is disconnected": "the holes cut the polygon in pieces",
    "Duplicate Rings": "the same ring appears twice",
    "Invalid Coordinate": "a coordinate is not a number",
    "Ring is not closed": "a ring is not closed (its last point must equal its first)",
}


def _validity_in_words(reason: str) -> str:
    """GEOS's "Self-intersection[5 5]" as "Self-intersection near (5, 5): the shape crosses
    itself": its term kept, its coordinates readable, and what it means."""
    reason = reason.strip()
    match = re.fullmatch(r"(.*?)\s*\[(\S+) (\S+)\]", reason)
    what, where = reason, ""
    if match is not None:
        what = match[1]
        try:
            where = f" near ({float(match[2]):g}, {float(match[3]):g})"
        except ValueError:
            where = ""
    words = _VALIDITY_WORDS.get(what)
    return f"{what}{where}: {words}" if words else f"{what}{where}"


def haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_km_to_many(lon, lat, lons, lats):
    """`haversine_km` from one point to many (numpy arrays of degrees), as an array; with
    arrays on both sides, numpy's broadcasting (points[:, None] against towns[None, :] gives
    every distance)."""
    import numpy as np

    p1, p2 = np.radians(lat), np.radians(lats)
    dl = np.radians(np.asarray(lons) - lon)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
