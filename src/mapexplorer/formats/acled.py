"""ACLED's exports (the Armed Conflict Location & Event Data Project), recognised by their
well-known columns so that each is read as ACLED means it: `event_date` is when the event
happened and `timestamp` when ACLED uploaded the record (not a second date to ask about); the
title is the sub-event type where it happened ("Armed clash in Pokrovsk", not "Armed clash" a
thousand times), and the event type is one of the app's categories, so the map colours it."""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["acled_category", "acled_title", "is_acled"]

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
