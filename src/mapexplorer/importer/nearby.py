"""Words for a spot that only coordinates name: "Nairobi, Kenya", "23 km NE of Gaziantep, Turkey".

A table of incidents often gives a latitude and a longitude and no place: the list and the map
then said "-1.28640, 36.81720". The words come from the offline city table (GeoNames cities of
more than 15,000 people); the file's data is left as it is (exports keep the coordinates).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from mapexplorer.model import Catalogue

_NEAR_KM = 100.0
"""Farther than this from any city (at sea, in a desert), a spot keeps its coordinates."""
_BIG_CITY_KM = 30.0
"""Within this, the biggest city names the spot, not a suburb or a town nearer to it."""
_COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
_EARTH_KM = 6371.0088


def _within_km(population: np.ndarray) -> np.ndarray:
    """How far from its middle a spot is still in the city itself: bigger cities are wider."""
    return np.select([population >= 1_000_000, population >= 100_000], [10.0, 5.0], 2.0)


@functools.lru_cache(maxsize=1)
def _cities():
    """(shapely STRtree of the cities' points, lon, lat, population, "City, Country" labels)."""
    import shapely

    from mapexplorer.importer.citytable import city_rows, geonames_folder

    def normalise(name: str) -> str:  # only when the table is built, not read from the cache
        from mapexplorer.importer.gazetteer import normalise

        return normalise(name)

    rows = city_rows(normalise)
    try:
        countries = json.loads((geonames_folder() / "countries.json").read_text("utf-8"))
    except (OSError, ValueError):
        countries = {}
    lon = np.array([r[2] for r in rows], dtype=float)
    lat = np.array([r[3] for r in rows], dtype=float)
    population = np.array([r[4] for r in rows], dtype=float)
    labels = []
    for r in rows:
        country = countries.get(r[5], {}).get("name", "")
        labels.append(f"{r[1]}, {country}" if country else r[1])
    tree = shapely.STRtree(shapely.points(lon, lat))
    return tree, lon, lat, population, labels


def _km_and_bearing(lon1, lat1, lon2, lat2) -> tuple[np.ndarray, np.ndarray]:
    """Great-circle distance (km) and initial bearing (degrees) from point 2 to point 1."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dl = np.radians(lon1 - lon2)
    a = np.sin((p1 - p2) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    km = 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    y = np.sin(dl) * np.cos(p1)
    x = np.cos(p2) * np.sin(p1) - np.sin(p2) * np.cos(p1) * np.cos(dl)
    return km, (np.degrees(np.arctan2(y, x)) + 360) % 360


def spot_words(spots: Iterable[tuple[float, float]]) -> list[str | None]:
    """For each (lon, lat): the city it is in ("Nairobi, Kenya"), or how far and which way it
    lies from the nearest one ("23 km NE of Gaziantep, Turkey"), preferring the biggest city
    within 30 km to a suburb; None farther than 100 km from any city, or without a table."""
    import shapely

    spots = np.asarray(list(spots), dtype=float).reshape(-1, 2)
    if not len(spots):
        return []
    try:
        tree, lon, lat, population, labels = _cities()
    except (OSError, ValueError, ImportError):
        return [None] * len(spots)
    points = shapely.points(spots)
    # The nearest city in degrees (close to the nearest on the ground, and one answer each)…
    which, nearest = tree.query_nearest(points, return_distance=False, all_matches=False)
    chosen = np.full(len(spots), -1)
    chosen[which] = nearest
    # …unless a much bigger one is near too: the spot is in Paris, not in a suburb of it.
    spot, city = tree.query(points, predicate="dwithin", distance=_BIG_CITY_KM / 111.0 * 2)
    if len(spot):
        km, _ = _km_and_bearing(spots[spot, 0], spots[spot, 1], lon[city], lat[city])
        near = km <= _BIG_CITY_KM
        spot, city = spot[near], city[near]
    if len(spot):
        order = np.lexsort((-population[city], spot))  # per spot, the biggest first
        spot, city = spot[order], city[order]
        first = np.r_[True, spot[1:] != spot[:-1]]
        chosen[spot[first]] = city[first]
    found = chosen >= 0
    words: list[str | None] = [None] * len(spots)
    km, bearing = _km_and_bearing(
        spots[found, 0], spots[found, 1], lon[chosen[found]], lat[chosen[found]]
    )
    inside = km <= _within_km(population[chosen[found]])
    for k, i in enumerate(np.flatnonzero(found)):
        label = labels[chosen[i]]
        if inside[k]:
            words[i] = label
        elif km[k] <= _NEAR_KM:
            direction = _COMPASS[int(math.floor((bearing[k] + 22.5) / 45)) % 8]
            words[i] = f"{km[k]:.0f} km {direction} of {label}"
    return words


_ZONE_KM = 300.0
"""Farther than this from any city (far out at sea), a spot's time zone is not guessed."""


@functools.lru_cache(maxsize=1)
def _zones() -> list[str]:
    """Each city's time zone (GeoNames' IANA name, "Europe/Vienna"), in `_cities`' order."""
    from mapexplorer.importer.citytable import city_rows, geonames_folder

    def normalise(name: str) -> str:
        from mapexplorer.importer.gazetteer import normalise

        return normalise(name)

    cities = json.loads((geonames_folder() / "cities15000.json").read_text(encoding="utf-8"))
    return [cities.get(str(r[0]), {}).get("timezone", "") for r in city_rows(normalise)]


def spot_zones(spots: Iterable[tuple[float, float]]) -> list[str | None]:
    """For each (lon, lat): the time zone of the nearest city ("Europe/Vienna"), None farther
    than 300 km from any, or without a table."""
    import shapely

    spots = np.asarray(list(spots), dtype=float).reshape(-1, 2)
    if not len(spots):
        return []
    try:
        tree, lon, lat, _, _ = _cities()
        zones = _zones()
    except (OSError, ValueError, ImportError):
        return [None] * len(spots)
    which, nearest = tree.query_nearest(
        shapely.points(spots), return_distance=False, all_matches=False
    )
    found: list[str | None] = [None] * len(spots)
    km, _ = _km_and_bearing(spots[which, 0], spots[which, 1], lon[nearest], lat[nearest])
    for i, city, distance in zip(which, nearest, km, strict=True):
        if distance <= _ZONE_KM and zones[city]:
            found[i] = zones[city]
    return found


def label_unnamed_spots(catalogue: Catalogue, spots: dict[str, tuple[float, float]]) -> None:
    """Give the catalogue words for `spots`, its points that only their coordinates name
    ("33.31520, 44.36610", as a table without a place column gives them; found by
    `formats.spot_names.unnamed_spots`): `Catalogue.place_label`."""
    words = spot_words(spots.values())
    catalogue.set_place_labels(
        {place_id: w for place_id, w in zip(spots, words, strict=True) if w is not None}
    )
