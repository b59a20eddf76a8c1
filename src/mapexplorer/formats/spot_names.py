"""Names for places that only their coordinates give: the reader names such a spot by them,
and the window may describe it in words (`importer.nearby`) when it finds such names.

Light to import: the open of every file asks `unnamed_spots`, and our own files (nearly all
opens, and every launch) must not pay for the importer's gazetteer to answer "none"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from operator import attrgetter
from typing import Any

_COORDINATES = re.compile(r"-?\d{1,2}\.\d{5}, -?\d{1,3}\.\d{5}")
_COORDINATES_LINE = re.compile(r"^-?\d{1,2}\.\d{5}, -?\d{1,3}\.\d{5}$", re.M)
_NUMBER_START = frozenset("-0123456789")


def coordinates_name(lon: float, lat: float) -> str:
    """A place's name when nothing names it: "33.31520, 44.36610" (latitude, longitude)."""
    return f"{lat:.5f}, {lon:.5f}"


def coordinates_id(lon: float, lat: float) -> str:
    """A place id from coordinates, with their hemispheres: "33-3152n-44-3661e"."""

    def part(value: float, signs: str) -> str:
        digits = f"{abs(value):.5f}".rstrip("0").rstrip(".").replace(".", "-")
        return digits + signs[value < 0]

    return f"{part(lat, 'ns')}-{part(lon, 'ew')}"


def unnamed_spots(places: Mapping[str, Any], limit: int) -> dict[str, tuple[float, float]]:
    """The points (id → (lon, lat)) that `coordinates_name` names; {} when there are none, or
    more than `limit` (too many to describe)."""
    # One search over all the names first: a file of named places (nearly all) costs ~10 ms
    # at 100,000 places, not a Python test of each.
    if not _COORDINATES_LINE.search("\n".join(map(attrgetter("name"), places.values()))):
        return {}
    spots: dict[str, tuple[float, float]] = {}
    for place_id, place in places.items():
        name = place.name
        if name[:1] not in _NUMBER_START or not _COORDINATES.fullmatch(name):
            continue
        geometry = place.geometry
        if geometry.geom_type != "Point":
            continue
        if name == coordinates_name(geometry.x, geometry.y):
            spots[place_id] = (geometry.x, geometry.y)
            if len(spots) > limit:
                return {}
    return spots
