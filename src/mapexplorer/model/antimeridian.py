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
from shapely.geometry import LineString, MultiLineString, MultiPoint, MultiPolygon, Polygon
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
