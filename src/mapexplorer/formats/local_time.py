"""Times written in UTC made the local time where they happened: Google Takeout's visits
("2024-03-04T23:30:00Z") and USGS's earthquakes are in UTC, so an event just after midnight
east of Greenwich (or just before it west of it) read as the day before (or after). The time
zone is the nearest town's (GeoNames gives each its IANA zone), with its daylight saving."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["local_times", "said_utc", "utc_time"]


def said_utc(value: str) -> bool:
    """Whether a time says it is UTC ("2024-03-04T23:30:00Z", "…+00:00"): not a year or a
    date of digits alone ("2019", "20190501"), which `utc_time` would take for milliseconds."""
    value = value.strip()
    return "T" in value and value.endswith(("Z", "z", "+00:00")) and utc_time(value) is not None


def utc_time(value: str) -> datetime.datetime | None:
    """A time written in UTC ("2024-03-04T23:30:00Z", "…+00:00", or Unix milliseconds as
    text), else None (a time with its own offset, or no time)."""
    value = value.strip()
    try:
        if value.isdigit():
            return datetime.datetime.fromtimestamp(int(value) / 1000, datetime.UTC)
        if not value.endswith(("Z", "z", "+00:00")):
            return None
        return datetime.datetime.fromisoformat(
            value[:-1] + "+00:00" if value[-1] in "Zz" else value
        )
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
    if not utc:
        return found
    from mapexplorer.importer.nearby import spot_zones

    zones = spot_zones((items[i][0], items[i][1]) for i in utc)
    for i, zone in zip(utc, zones, strict=True):
        if zone is None:
            continue
        try:
            where = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        found[i] = [
            when.astimezone(where).isoformat(timespec="seconds")
            if (when := utc_time(t)) is not None
            else t
            for t in items[i][2]
        ]
    return found
