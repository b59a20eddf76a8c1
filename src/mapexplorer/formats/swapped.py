"""Latitude and longitude the other way round in a table that names its places.

"London,-0.1278,51.5074" under `place,lat,lon` is a point in the Indian Ocean, both numbers in
range: nothing else catches it. A row whose place the offline city table knows, whose
coordinates are far from every town of that name but would be at one of them swapped, is
named in the report; when most such rows are so, the two columns are read the other way
round, and the report says so. The city table (~0.3 s to load) is read only for a table that
gives both names and coordinates, of `MOST_ROWS` rows at most, and only when some row's
numbers could be swapped at all (a longitude beyond ±90 cannot be a latitude).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mapexplorer.formats.report import numbered
from mapexplorer.model.place import haversine_km_to_many

__all__ = ["MOST_ROWS", "SwappedRows", "at_their_towns", "swapped_rows"]

MOST_ROWS = 20_000
"""Bigger tables come from tools that do not swap columns (ACLED, GDELT); reading the city
table for them would cost every open for nothing."""
_NEAR_KM = 50.0
"""Swapped, a row's point is its town when it is this close to a town of that name."""
_FAR_KM = 500.0
"""As written, a row's point is not its town when it is farther than this from every town of
that name (a name's namesakes, "Paris" in France and in Texas, all count)."""


@dataclass(frozen=True)
class SwappedRows:
    """The rows whose coordinates are the other way round, by the places they name."""

    rows: list[int]
    """Their indexes, in order."""
    known: int
    """Rows whose place the city table knows."""
    example: tuple[int, str, float, float, float]
    """The first such row: its index, its place's name, its (lon, lat) as written, and how
    far (km) that is from the place."""

    @property
    def most(self) -> bool:
        """Most rows the table knows are swapped: the columns are, not a row or two."""
        return len(self.rows) * 2 > self.known


def swapped_line(
    swapped: SwappedRows, item: str, what: tuple[str, str], point: str, order: str
) -> str:
    """The report's line on the items `swapped_rows` found, in a format that says which comes
    first (GeoJSON, KML): `item` what the format calls one ("feature"), `what` their points
    (one, several: "its coordinates are", "their coordinates are"), `point` how it writes
    one ("[{x:g}, {y:g}]"), `order` how it says the order. Read as written."""
    index, name, lon, lat, km = swapped.example
    one = len(swapped.rows) == 1
    said = numbered(item, [i + 1 for i in swapped.rows])
    return (
        f"{said} {'names' if one else 'name'} a place {what[0] if one else what[1]} far from, "
        f"but would be at with the longitude and the latitude swapped ({name!r} in {item} "
        f"{index + 1} is at {point.format(x=lon, y=lat)}, {km:,.0f} km from {name}; "
        f"{point.format(x=lat, y=lon)} is there): read as written; {order}"
    )


def swapped_rows(
    items: Sequence[tuple[str, float, float] | None], most: int = MOST_ROWS
) -> SwappedRows | None:
    """For each row (its place's name, lon, lat; None for a row without both), which rows
    name a town their coordinates are far from, but would be at swapped; None when no row
    is so (or there are more than `most` rows to check, or the city table cannot be read)."""
    if len(items) > most:
        return None
    named = [(i, item) for i, item in enumerate(items) if item is not None and item[0]]
    # Only a pair that is on the globe either way round can be swapped.
    maybe = [(i, item) for i, item in named if abs(item[1]) <= 90 and item[1] != item[2]]
    if not maybe:
        return None
    keys = {name: _key(name) for name in {item[0] for _, item in named}}
    places = _towns(set(keys.values()))
    if not places:
        return None
    by_name: dict[str, list[int]] = {}  # the rows of each name the table knows
    for index, (name, _, _) in maybe:
        if keys[name] in places:
            by_name.setdefault(name, []).append(index)
    swapped: list[int] = []
    far: dict[int, float] = {}
    for name, indexes in by_name.items():  # each name's rows at once, against its towns
        lons, lats = places[keys[name]]
        given = np.array([items[i][1:] for i in indexes], dtype=float)  # type: ignore[index]
        written = _km(given[:, 0], given[:, 1], lons, lats).min(axis=1)
        other = _km(given[:, 1], given[:, 0], lons, lats).min(axis=1)
        for k in np.flatnonzero((written > _FAR_KM) & (other <= _NEAR_KM)):
            swapped.append(indexes[k])
            far[indexes[k]] = float(written[k])
    if not swapped:
        return None
    swapped.sort()
    first = swapped[0]
    name, lon, lat = items[first]  # type: ignore[misc]
    known = sum(keys[item[0]] in places for _, item in named)  # unswappable ones too
    return SwappedRows(swapped, known, (first, name, lon, lat, far[first]))


def at_their_towns(items: Sequence[tuple[str, float, float] | None]) -> tuple[list[int], int]:
    """Of the items (a place's name, lon, lat; None for one without both), the indexes of
    those within `_NEAR_KM` of a town of that name, and how many name a town the city table
    knows: whether a file's points are where its names say (read another way, as Web
    Mercator's metres made degrees)."""
    named = [(i, item) for i, item in enumerate(items) if item is not None and item[0]]
    if not named:
        return [], 0
    keys = {name: _key(name) for name in {item[0] for _, item in named}}
    places = _towns(set(keys.values()))
    near: list[int] = []
    known = 0
    for index, (name, lon, lat) in named:
        if keys[name] not in places:
            continue
        known += 1
        lons, lats = places[keys[name]]
        if _km(np.array([lon]), np.array([lat]), lons, lats).min() <= _NEAR_KM:
            near.append(index)
    return near, known


def _km(lon: np.ndarray, lat: np.ndarray, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) from each point (lon, lat) to each town: rows × towns."""
    return haversine_km_to_many(lon[:, None], lat[:, None], lons[None, :], lats[None, :])


def _key(name: str) -> str:
    """The city table's key of a place's name: "London, UK" is London."""
    from mapexplorer.importer.gazetteer import normalise

    return normalise(name.split(",")[0].strip())


def _towns(keys: set[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each key's towns (GeoNames cities of over 15,000 people, by their names and, for big
    ones, their other names): their longitudes and latitudes."""
    from mapexplorer.importer.citytable import city_rows
    from mapexplorer.importer.gazetteer import normalise

    try:
        rows = city_rows(normalise)
    except (OSError, ValueError, ImportError):
        return {}
    found: dict[str, list[tuple[float, float]]] = {}
    for row in rows:
        for key in (row[7], *row[8]):
            if key in keys:
                found.setdefault(key, []).append((row[2], row[3]))
    return {
        key: (np.array([p[0] for p in spots]), np.array([p[1] for p in spots]))
        for key, spots in found.items()
    }
