"""Dates stored as Unix time at a local midnight, as ArcGIS stores a date field: 5 March 2024
in Vienna is 1709593200000, 2024-03-04T23:00Z, which read as UTC's day is a day early.

A column of such times shares one time of day (two, an hour apart, across daylight saving),
the midnight of a time zone: a clock's times would vary. A midnight east of Greenwich (Europe's
23:00 and 22:00 UTC, India's 18:30, Australia's, New Zealand's 12:00 and 11:00) is read as the
next UTC day; one west of it (the Americas' 04:00 to 08:00, Hawaii's 10:00) is the UTC day
already. Noon alone is
left as UTC's day: it is New Zealand's midnight in winter, but also where a tool puts a date
to keep it clear of every time zone's midnight.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

__all__ = ["MidnightDates", "arcgis_export", "local_midnights"]

_DAY = 86_400
_MIN_SECONDS, _MAX_SECONDS = 100_000_000, 9_999_999_999  # as `dates` reads Unix time
_EAST_MIDNIGHTS = frozenset(
    _DAY - (hours * 60 + minutes) * 60
    for hours, minutes in [(h, 0) for h in range(1, 15)]
    + [(3, 30), (4, 30), (5, 30), (5, 45), (6, 30), (8, 45), (9, 30), (10, 30), (12, 45), (13, 45)]
)
"""The times of day (UTC) of a midnight east of Greenwich: UTC+1 to UTC+14, and the zones
a half or three quarters of an hour off (India's +5:30 is 18:30 UTC)."""
_NOON = 12 * 3600
_FEWEST = 3
"""Values a column needs to show its times are midnights, unless its name says 'date'."""


class MidnightDates(NamedTuple):
    """A column's values read as local midnights: value → ISO day, and the report's words."""

    days: dict[Any, str]
    line: str


_TEXT_TIME = re.compile(
    r"(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<ay>\d{4}))"
    r"[ T](?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2})(?:\.0+)?)?\s*(?P<pm>[AaPp][Mm])?"
    r"\s*(?P<utc>Z|UTC|[+]00:?00)?"
)
"""A date-time written as text, as ArcGIS exports a date field to CSV in UTC ("3/4/2024
11:00:00 PM", month first in the U.S.; "2024-03-04 23:00:00"), or with UTC said ("Z")."""
_ARCGIS_IDS = frozenset(("objectid", "fid", "globalid", "object_id"))
"""The columns an ArcGIS export has, whose date-times are UTC though they do not say so."""


def arcgis_export(names: Any) -> bool:
    """Whether a table's or features' field names are an ArcGIS export's (an OBJECTID)."""
    return any(
        n.__class__ is str and n.strip().lower().replace(" ", "_") in _ARCGIS_IDS for n in names
    )


def _text_seconds(text: str, order: str, unsaid_utc: bool) -> int | None:
    """Seconds since 1970 of a date-time written as text (`_TEXT_TIME`), read as UTC; None
    for any other text, and for a time that does not say it is UTC (a local "23:00" is that
    day's) unless `unsaid_utc`."""
    found = _TEXT_TIME.fullmatch(text.strip())
    if found is None or not (found["utc"] or unsaid_utc):
        return None
    if found["y"]:
        year, month, day = int(found["y"]), int(found["m"]), int(found["d"])
    else:
        first, second = int(found["a"]), int(found["b"])
        month, day = (first, second) if order == "mdy" else (second, first)
        year = int(found["ay"])
    hour, minute, second = int(found["h"]), int(found["min"]), int(found["s"] or 0)
    if found["pm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if found["pm"].lower() == "pm" else 0)
    try:
        when = _dt.datetime(year, month, day, hour, minute, second, tzinfo=_dt.UTC)
    except ValueError:
        return None
    return int(when.timestamp())


def local_midnights(
    name: str, values: Sequence[Any], item: str, order: str = "mdy", unsaid_utc: bool = False
) -> MidnightDates | None:
    """The days a column of Unix times (seconds or milliseconds), or of date-times written as
    text in UTC (an ArcGIS CSV export's "3/4/2024 11:00:00 PM"; `order`: "mdy" or "dmy", how
    its slashed dates are written), stands for when they are local midnights east of
    Greenwich (each the next UTC day), or None: not so, or west of Greenwich, where UTC's day
    is the day already. `item`: "feature", "row". Text counts only when it says it is UTC
    ("Z", "+00:00"), or `unsaid_utc` (an ArcGIS export's, `arcgis_export`): a sheet's own
    "2024-03-01 23:00" is 1 March where it was written."""
    seconds: dict[Any, int] = {}
    text = False
    for value in values:
        if value is None or value == "":
            continue
        number = value
        if value.__class__ is str and value.strip().isdigit():  # a table's cell, as text
            number = int(value.strip())
        elif value.__class__ is str:
            at = _text_seconds(value, order, unsaid_utc)
            if at is None:
                return None  # other text among them: no column of midnights
            seconds[value], text = at, True
            continue
        elif value.__class__ not in (int, float):
            return None  # text among them: not a column of Unix times
        whole = int(number)
        if whole != number:
            return None
        if _MIN_SECONDS * 1000 <= abs(whole) <= _MAX_SECONDS * 1000:
            if whole % 1000:
                return None  # a clock's time, to the millisecond
            whole //= 1000
        elif not _MIN_SECONDS <= abs(whole) <= _MAX_SECONDS:
            return None
        seconds[value] = whole
    times = sorted({s % _DAY for s in seconds.values()})
    dated = "date" in name.lower() or "datum" in name.lower()
    count = sum(1 for v in values if v in seconds)
    if (
        not times
        or len(times) > 2
        or (len(times) == 2 and times[1] - times[0] != 3600)
        or not all(t in _EAST_MIDNIGHTS for t in times)
        or times == [_NOON]  # New Zealand's midnight, or a date kept at noon to be safe
        or (count < _FEWEST and not dated)
    ):
        return None
    days = {
        value: _dt.date.fromordinal(_EPOCH + s // _DAY + 1).isoformat()
        for value, s in seconds.items()
    }
    clock = " or ".join(f"{t // 3600:02d}:{t % 3600 // 60:02d}" for t in reversed(times))
    first = next(v for v in values if v in seconds)
    written = _dt.datetime.fromtimestamp(seconds[first], _dt.UTC).strftime("%Y-%m-%dT%H:%MZ")
    day = _dt.date.fromisoformat(days[first])
    items = f"{count} {item}s" if count > 1 else f"1 {item}"
    kind = "date-times" if text else "Unix times"
    shown = f"{first!r}" if text else f"{first!r}, {written}"
    line = (
        f"{name!r} holds {kind} at {clock} UTC ({items}), a midnight east of Greenwich, "
        "as ArcGIS stores a date: each read as the day of that midnight, the next day in UTC "
        f"({shown}, as {day.day} {day:%B %Y})"
    )
    return MidnightDates(days, line)


_EPOCH = _dt.date(1970, 1, 1).toordinal()
