"""The catalogue message's geometry buffers (mappage/messages.py): every vertex of every place,
in place order and ring order, checked against the plain definition. Plain pytest."""

import random

import numpy as np
import pytest
from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
    box,
)

from mapexplorer.mappage.messages import geometry_buffers


def rings_of(geometry) -> list[list[tuple[float, float]]]:
    """The plain definition: a point, a line, or each outline and hole, part by part."""
    rings = []
    for part in getattr(geometry, "geoms", [geometry]):
        if isinstance(part, Polygon):
            rings += [list(part.exterior.coords)] + [list(r.coords) for r in part.interiors]
        else:
            rings.append(list(part.coords))
    return rings


def unpack(coords, ring_start, first_ring, n):
    out = []
    for g in range(n):
        out.append(
            [
                [tuple(xy) for xy in coords[ring_start[r] : ring_start[r + 1]]]
                for r in range(first_ring[g], first_ring[g + 1])
            ]
        )
    return out


def random_geometry(rng: random.Random):
    x, y = rng.uniform(-170, 160), rng.uniform(-60, 60)
    kind = rng.choice(
        ["point", "point", "point", "multipoint", "line", "multiline", "box", "hole", "multi"]
    )
    if kind == "point":
        return Point(x, y)
    if kind == "multipoint":
        return MultiPoint([(x, y), (x + 1, y + 1), (x + 2, y)])
    if kind == "line":
        return LineString([(x, y), (x + 1, y + 2), (x + 3, y + 1)])
    if kind == "multiline":
        return MultiLineString([[(x, y), (x + 1, y)], [(x, y + 1), (x + 2, y + 3)]])
    if kind == "box":
        return box(x, y, x + 2, y + 1)
    if kind == "hole":
        return Polygon(
            box(x, y, x + 4, y + 4).exterior.coords,
            [box(x + 1, y + 1, x + 2, y + 2).exterior.coords],
        )
    return MultiPolygon([box(x, y, x + 1, y + 1), box(x + 3, y, x + 4, y + 2)])


@pytest.mark.parametrize("seed", range(5))
def test_buffers_hold_every_ring_of_every_place_in_order(seed):
    rng = random.Random(seed)
    geometries = [random_geometry(rng) for _ in range(rng.randint(1, 60))]
    coords, ring_start, first_ring = geometry_buffers(geometries)
    assert unpack(coords, ring_start, first_ring, len(geometries)) == [
        rings_of(g) for g in geometries
    ]


@pytest.mark.parametrize(
    "geometries",
    [
        [Point(1, 2)] * 3,
        [box(0, 0, 1, 1), LineString([(0, 0), (1, 1)])],
        [Point(5, 5), box(0, 0, 1, 1)],
    ],
)
def test_only_points_or_no_points(geometries):
    coords, ring_start, first_ring = geometry_buffers(geometries)
    assert unpack(coords, ring_start, first_ring, len(geometries)) == [
        rings_of(g) for g in geometries
    ]
    assert coords.dtype == np.float64 and len(first_ring) == len(geometries) + 1
