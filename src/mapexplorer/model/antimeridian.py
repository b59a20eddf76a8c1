"""Shapes across the antimeridian (±180° longitude), arranged to be drawn and framed in one piece.

A file keeps its longitudes in -180…180: a region around Fiji comes split in two parts (170…180
and -180…-170, as RFC 7946 asks), and a route from 170° to -170° is two vertices 340° apart.
Drawn as they are, the parts sit at both ends of the map and the route crosses the whole world.

Arranged, each line and ring is unwrapped (consecutive vertices at most 180° apart: the short
way), and a place's parts are moved by whole turns into the tightest longitude span that holds
them all, so Fiji spans 170…190. Longitudes may then pass 180 (or -180): the map page draws such
a place at whichever copy of the world is in view. Framing takes the tightest span the same way.

The model's own geometries are left as they are; only what is drawn and framed is arranged.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

WHOLE_WORLD = (-180.0, 180.0)


def tightest_span(wests, easts) -> tuple[float, float]:
    """The shortest longitude span (west, east) covering every interval [wests[i], easts[i]].

    `west` is in -180…180 and `east` is at most a turn further, so a span across the
    antimeridian has `east` > 180 (170…190 for Fiji). When no span is shorter than the plain
    one (westmost to eastmost), the plain one is returned as it is.
    """
    w = np.asarray(wests, dtype=float)
    length = np.asarray(easts, dtype=float) - w
    if len(w) == 0 or (length >= 360).any():
        return WHOLE_WORLD
    # Wests outside -180…180 (already arranged) to their turn inside; others left exact.
    off = (w < -180) | (w > 180)
    w = np.where(off, w - 360 * np.floor((w + 180) / 360), w)
    order = np.argsort(w, kind="stable")
    w, e = w[order], w[order] + length[order]
    reach = np.maximum.accumulate(e)  # the eastmost end so far, west to east
    # The gap before each interval; intervals reaching past a turn cover the first gaps too.
    covered = np.maximum(reach[:-1], reach[-1] - 360)
    gaps = w[1:] - covered
    wrap_gap = w[0] + 360 - reach[-1]  # east of everything, round to the westmost
    if len(gaps) == 0 or wrap_gap >= gaps.max():
        return (float(w[0]), float(reach[-1])) if wrap_gap > 0 else WHOLE_WORLD
    i = int(np.argmax(gaps))
    if gaps[i] <= 0:
        return WHOLE_WORLD
    return float(w[i + 1]), float(covered[i] + 360)


def centred(west: float, east: float) -> tuple[float, float]:
    """The same span a turn to the west when its middle is past 180: the view stays on the
    world copy the base map is drawn on."""
    if (west + east) / 2 > 180:
        return west - 360, east - 360
    return west, east


WORLDWIDE_SPAN = 240.0
"""Places spread over more longitude than this are the whole world's, framed as a world map
is: from the westmost to the eastmost, round Greenwich. Their tightest span could be 300°
round the Pacific, which no view shows whole: centred on its middle, it hid Europe and Africa."""


def union_box(boxes) -> tuple[float, float, float, float]:
    """(west, south, east, north) around boxes (rows: west, south, east, north), the tightest
    in longitude, possibly across the antimeridian (then `east` > 180 or `west` < -180); for
    places all round the world (`WORLDWIDE_SPAN`), the plain span round Greenwich."""
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    west, east = centred(*tightest_span(boxes[:, 0], boxes[:, 2]))
    if east - west > WORLDWIDE_SPAN:
        west, east = max(-180.0, float(boxes[:, 0].min())), min(180.0, float(boxes[:, 2].max()))
    return west, float(boxes[:, 1].min()), east, float(boxes[:, 3].max())


def boxes(geometries) -> np.ndarray:
    """Each geometry's arranged box: (west, south, east, north) rows."""
    geoms = np.asarray(geometries, dtype=object)
    out = shapely.bounds(geoms) if len(geoms) else np.zeros((0, 4))
    for i in np.flatnonzero(_may_cross(out)):
        out[i] = arranged(geoms[i]).bounds
    return out


def _may_cross(bounds: np.ndarray) -> np.ndarray:
    """Geometries more than 180° wide: the only ones whose arrangement can differ (a narrower
    one has no step over 180° and no shorter span)."""
    return bounds[:, 2] - bounds[:, 0] > 180


def arranged_all(geometries) -> np.ndarray:
    """`arranged` over many geometries; the (nearly all) narrow ones are returned as they are."""
    geoms = np.array(geometries, dtype=object)
    if len(geoms):
        for i in np.flatnonzero(_may_cross(shapely.bounds(geoms))):
            geoms[i] = arranged(geoms[i])
    return geoms


def arranged(geometry: BaseGeometry) -> BaseGeometry:
    """The geometry as it should be drawn: lines and rings unwrapped, parts moved into the
    tightest span, a region's parts split at ±180° joined again (no seam drawn through it).
    A ring round a pole (Antarctica) cannot be unwrapped: such a geometry is kept as it is,
    and so is one at most 180° wide (nearly all: nothing to arrange)."""
    west, _, east, _ = geometry.bounds
    if east - west <= 180:
        return geometry
    parts = [_unwrapped(part) for part in getattr(geometry, "geoms", [geometry])]
    if any(part is None for part in parts):
        return geometry
    boxes_ = np.array([part.bounds for part in parts])
    west, east = tightest_span(boxes_[:, 0], boxes_[:, 2])
    if (west, east) == WHOLE_WORLD:
        return geometry
    moved = [
        affinity.translate(part, 360 * np.ceil((west - box[0] - 1e-9) / 360))
        for part, box in zip(parts, boxes_, strict=True)
    ]
    if isinstance(geometry, Polygon | MultiPolygon):
        joined = shapely.union_all(moved)
        if isinstance(joined, Polygon | MultiPolygon) and joined.is_valid:
            return shapely.orient_polygons(joined)
        return MultiPolygon(moved)
    if isinstance(geometry, MultiLineString):
        return MultiLineString(moved)
    if isinstance(geometry, MultiPoint):
        return MultiPoint(moved)
    return moved[0]


def _unwrapped(part: BaseGeometry) -> BaseGeometry | None:
    """A point, line or polygon with each of its rings unwrapped (None: a ring round a pole)."""
    if isinstance(part, LineString):
        return LineString(_unwrap(np.asarray(part.coords)))
    if not isinstance(part, Polygon):
        return part
    shell = _unwrap(np.asarray(part.exterior.coords))
    if abs(shell[-1, 0] - shell[0, 0]) > 180:
        return None
    holes = []
    for ring in part.interiors:
        hole = _unwrap(np.asarray(ring.coords))
        if abs(hole[-1, 0] - hole[0, 0]) > 180:
            return None
        # A hole lies inside its shell: the same turn as the shell.
        hole[:, 0] += 360 * np.round((shell[:, 0].mean() - hole[:, 0].mean()) / 360)
        holes.append(hole)
    return Polygon(shell, holes)


def _unwrap(coords: np.ndarray) -> np.ndarray:
    """Coordinates with each step in longitude taken the short way (at most 180°)."""
    out = coords[:, :2].astype(float)
    out[:, 0] = np.unwrap(out[:, 0], period=360)
    return out


WRAP_LIMIT = 720.0
"""Longitudes as far as this from Greenwich are degrees a turn or two round the globe: Leaflet,
geojson.io and tools that count 0…360 write them. Beyond, they are not degrees at all (metres)."""


def into_range(geometry: BaseGeometry) -> BaseGeometry:
    """The same place with every longitude in -180…180. Leaflet and geojson.io write a shape
    drawn across the date line (or on the copy of the world beside the first) with longitudes
    past 180, and some tools count 0…360. Points are moved by whole turns; a line's vertices
    too, each step between them kept the short way (170° to 190° is 170° to -170°, which
    `arranged` draws as the one line it was); an area is cut at the antimeridian as RFC 7946
    asks (a region drawn as 175…185 is 175…180 and -180…-175, joined again when drawn).
    Returned as it is when it needs no change, or when its longitudes are beyond `WRAP_LIMIT`
    or its latitudes off the globe (not degrees, or swapped: `Place` says which), or it is
    an area that cannot be cut (one that crosses itself)."""
    west, south, east, north = geometry.bounds
    if not (
        -WRAP_LIMIT <= west
        and east <= WRAP_LIMIT
        and -90 <= south
        and north <= 90
        and (west < -180 or east > 180)
    ):
        return geometry
    if isinstance(geometry, Point | MultiPoint):
        xy = shapely.get_coordinates(geometry)
        xy[:, 0] -= 360 * _turns(xy[:, 0])
        return shapely.points(xy)[0] if isinstance(geometry, Point) else MultiPoint(xy)
    if isinstance(geometry, LineString):
        return LineString(_wrapped_line(np.asarray(geometry.coords)))
    if isinstance(geometry, MultiLineString):
        return MultiLineString([_wrapped_line(np.asarray(g.coords)) for g in geometry.geoms])
    if isinstance(geometry, Polygon | MultiPolygon):
        return _cut_area(geometry)
    return geometry


def _turns(x: np.ndarray) -> np.ndarray:
    """How many whole turns east of -180…180 each longitude is (0 for ±180 themselves)."""
    return np.where(np.abs(x) == 180, 0, np.floor((x + 180) / 360))


def _wrapped_line(coords: np.ndarray) -> np.ndarray:
    """A line's vertices moved by whole turns into -180…180. A step of 180° or more (which
    would then be taken the short way, the other way round) gets vertices between, so that
    each is shorter: the line drawn is the line given."""
    xy = coords[:, :2].astype(float)
    steps = np.abs(np.diff(xy[:, 0]))
    if (steps >= 180).any():
        pieces = [xy[:1]]
        for start, end, step in zip(xy[:-1], xy[1:], steps, strict=True):
            n = int(step // 180) + 1  # pieces of the step, each under 180°
            pieces.append(start + np.outer(np.arange(1, n + 1) / n, end - start))
        xy = np.concatenate(pieces)
    xy[:, 0] -= 360 * _turns(xy[:, 0])
    return xy


def _cut_area(geometry: BaseGeometry) -> BaseGeometry:
    """An area cut at each antimeridian it crosses, its pieces moved into -180…180 (a region
    around Fiji drawn as 175…185 is 175…180 and -180…-175). As it is when it cannot be cut
    (an area that crosses itself: `Place` names that, and the readers repair it)."""
    west, _, east, _ = geometry.bounds
    pieces = []
    try:
        for k in range(int(np.floor((west + 180) / 360)), int(np.ceil((east - 180) / 360)) + 1):
            cut = geometry.intersection(shapely.box(360 * k - 180, -90, 360 * k + 180, 90))
            for part in getattr(cut, "geoms", [cut]):
                if isinstance(part, Polygon) and not part.is_empty:
                    pieces.append(affinity.translate(part, -360 * k))
        joined = shapely.union_all(pieces) if pieces else None
    except shapely.errors.GEOSException:
        return geometry
    if not isinstance(joined, Polygon | MultiPolygon):
        return geometry
    return joined
