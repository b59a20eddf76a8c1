"""Times written in UTC made the local time where they happened: Google Takeout's visits
("2024-03-04T23:30:00Z") and USGS's earthquakes are in UTC, so an event just after midnight
east of Greenwich (or just before it west of it) read as the day before (or after). The time
zone is the nearest town's (GeoNames gives each its IANA zone), with its daylight saving."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["local_times", "localise_cells", "moved_line", "said_utc", "utc_time"]


_UTC_END = re.compile(r"\s*(?:[Zz]|[+]00(?::?00)?|UTC|GMT)$")
"""How a time says it is UTC: "Z", "+00:00", "+00" or "+0000" (PostgreSQL), " UTC" (BigQuery)."""
_CLOCK = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")


def said_utc(value: str) -> bool:
    """Whether a time says it is UTC ("2024-03-04T23:30:00Z", "…+00:00", "2024-03-04
    23:30:00 UTC"): not a year or a date of digits alone ("2019", "20190501"), which
    `utc_time` would take for milliseconds."""
    value = value.strip()
    return _CLOCK.match(value) is not None and utc_time(value) is not None


def utc_time(value: str) -> datetime.datetime | None:
    """A time written in UTC ("2024-03-04T23:30:00Z", "…+00:00", "… UTC", or Unix
    milliseconds as text), else None (a time with its own offset, or no time)."""
    value = value.strip()
    try:
        if value.isdigit():
            return datetime.datetime.fromtimestamp(int(value) / 1000, datetime.UTC)
        end = _UTC_END.search(value)
        if end is None:
            return None
        when = datetime.datetime.fromisoformat(value[: end.start()])
        if when.tzinfo is not None:
            return None
        return when.replace(tzinfo=datetime.UTC)
    except (ValueError, OverflowError, OSError):
        return None


def local_times(
    items: Sequence[tuple[float, float, Sequence[str]]],
) -> list[list[str] | None]:
    """For each (lon, lat, times): the times in UTC made the local time of the nearest town's
    zone ("2024-03-05T00:30:00+01:00"), the others as they are; None where no town is near
    enough to say (far out at sea) or no time is in UTC."""
    found: list[list[str] | None] = [None] * len(items)
    utc = [i for i, (_, _, times) in enumerate(items) if any(utc_time(t) for t in times)]
    for i, where in zip(utc, _zones([items[i][:2] for i in utc]), strict=True):
        if where is not None:
            found[i] = [
                when.astimezone(where).isoformat(timespec="seconds")
                if (when := utc_time(t)) is not None
                else t
                for t in items[i][2]
            ]
    return found


def _zones(spots: Sequence[Sequence[float]]) -> list[ZoneInfo | None]:
    """The time zone of the nearest town to each (lon, lat), None where none is near."""
    if not spots:
        return []
    from mapexplorer.importer.nearby import spot_zones

    opened: dict[str, ZoneInfo | None] = {}  # ZoneInfo's own cache keeps 8: a big file has more
    out: list[ZoneInfo | None] = []
    for zone in spot_zones((spot[0], spot[1]) for spot in spots):
        if zone is not None and zone not in opened:
            try:
                opened[zone] = ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError):
                opened[zone] = None
        out.append(opened[zone] if zone is not None else None)
    return out


def localise_cells(
    rows: Sequence[dict], fields: Sequence[str], spots: Sequence[Any]
) -> list[tuple[int, str, str]]:
    """Make each row's cells in `fields` that say they are UTC ("2024-03-01T23:30:00Z", `said_utc`)
    the local time of the nearest town's zone at the row's spot ((lon, lat), else no spot),
    in `rows`, as KML's and GPX's are: a table's or a GeoJSON's time agrees with the same
    point's in a track. The rows whose day that moved: (index, the time as written, the local
    time), each row once."""
    cells = [
        (index, field, when)
        for index, (row, spot) in enumerate(zip(rows, spots, strict=True))
        if spot.__class__ is tuple
        for field in fields
        if (value := row.get(field)).__class__ is str
        and _CLOCK.match(value.lstrip()) is not None
        and (when := utc_time(value)) is not None
    ]
    zones = _zones([spots[index] for index, _, _ in cells])
    moved: list[tuple[int, str, str]] = []
    for (index, field, when), where in zip(cells, zones, strict=True):
        if where is None:
            continue
        written = rows[index][field]
        local = rows[index][field] = when.astimezone(where).isoformat(timespec="seconds")
        if local[:10] != written.strip()[:10] and (not moved or moved[-1][0] != index):
            moved.append((index, written, local))
    return moved


def moved_line(count: int, unit: str, item: str, written: str, local: str) -> str:
    """The report's line for the `count` items (`unit`: "row", "feature") whose day moved
    as their UTC times were made local, with one, `item` ("row 2"), as the example."""
    from mapexplorer.formats.dates import parse_date

    whose = f"{count:,} {unit}s'" if count > 1 else f"1 {unit}'s"
    return (
        f"{whose} times, written in UTC, read as the local time of the nearest town's time "
        f"zone, a day apart: {item}'s {written!r} is {parse_date(local).describe()} there"
    )
