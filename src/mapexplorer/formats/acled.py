"""ACLED's exports (the Armed Conflict Location & Event Data Project), recognised by their
well-known columns so that each is read as ACLED means it: `event_date` is when the event
happened and `timestamp` when ACLED uploaded the record (not a second date to ask about); the
title is the sub-event type where it happened ("Armed clash in Pokrovsk", not "Armed clash" a
thousand times), and the event type is one of the app's categories, so the map colours it.
Its `time_precision` says how well the day is known: to within a week (2) or a month (3),
the event is that week or month, not the day ACLED writes for it (`acled_time`)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from mapexplorer.model import Precision, TimeSpan
from mapexplorer.model.time import iso_from_day

__all__ = ["acled_category", "acled_time", "acled_title", "is_acled"]

_COLUMNS = frozenset(
    {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "fatalities"}
)
"""Columns every ACLED export has, whichever tool wrote it (the export tool, the API, the
dashboard's Excel file), as `fields.normalise` spells them; no other file has them all."""

_CATEGORIES = {
    "battles": "war",
    "explosions/remote violence": "war",
    "violence against civilians": "war",
    "protests": "politics",
    "riots": "politics",
}
"""ACLED's event types as the app's categories (README, `category`)."""
_STRATEGIC = {"agreement": "diplomacy", "disrupted weapons use": "arms"}
"""Strategic developments are of many kinds: those that are one of the app's categories."""


def is_acled(names: Collection[str]) -> bool:
    """Whether a table with these (normalised) column names is an ACLED export."""
    return _COLUMNS <= set(names)


def acled_title(sub_event_type: str, event_type: str, location: str) -> str:
    """ "Armed clash in Pokrovsk": the sub-event type (the event type when that is only
    "Other") in its location."""
    kind = event_type if sub_event_type.casefold() in ("", "other") and event_type else ""
    kind = kind or sub_event_type
    return f"{kind} in {location}" if kind and location else kind or location


def acled_category(event_type: str, sub_event_type: str) -> str:
    """The app's category for an ACLED event type ("Battles" is war, "Protests" politics);
    "other" for the rest, whose event type the event keeps as a field of its own."""
    kind = event_type.strip().casefold()
    if kind == "strategic developments":
        return _STRATEGIC.get(sub_event_type.strip().casefold(), "other")
    return _CATEGORIES.get(kind, "other")


_WITHIN = {"2": "a week", "3": "a month"}
"""ACLED's `time_precision` codes of a date not known to the day: 1 is the day itself; 2, a
week (or weekend) the sources name, for which ACLED writes a day in its middle; 3, a month
alone, for which it writes a day in that month (its middle)."""


def acled_time(time: TimeSpan, precision: Any) -> tuple[TimeSpan, str] | None:
    """An ACLED event's time as its `time_precision` means it, with its date note: to within
    a week (2), the seven days around the day written (12 June: 9–15 June); to within a month
    (3), the month (June 2024): drawn soft, as a date not known to the day. None for a day
    known to the day (1), a code we do not know, or a date that is not one day."""
    code = str(precision).strip().removesuffix(".0")  # a sheet's 2.0
    within = _WITHIN.get(code)
    if within is None or time.precision is not Precision.DAY or time.start != time.end:
        return None
    if code == "2":
        read = TimeSpan.from_days(time.start - 3, time.start + 3)
    else:
        read = TimeSpan.parse(iso_from_day(time.start).lstrip("+")[:-3])
    note = (
        f"ACLED gives {time.describe(weekday=False)} with time_precision {code}: the date is "
        f"known to within {within}, so read as {read.describe()}."
    )
    return read, note
