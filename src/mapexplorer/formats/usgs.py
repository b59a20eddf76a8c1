"""The U.S. Geological Survey's earthquake catalogue as CSV (the Earthquake Hazards Program's
"Spreadsheet Format" download and its search's CSV), recognised by its well-known columns so
that each event is titled as USGS titles it, "M 5.8 – 87 km E of Namie, Japan", not by its
`type` ("earthquake", the same on every row); the type is the event's category."""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["is_usgs", "is_usgs_feed", "usgs_title"]

_COLUMNS = frozenset({"time", "latitude", "longitude", "depth", "mag", "magtype", "place", "type"})
"""Columns of every USGS earthquake CSV, as `fields.normalise` spells them."""


def is_usgs(names: Collection[str]) -> bool:
    """Whether a table with these (normalised) column names is a USGS earthquake CSV."""
    return _COLUMNS <= set(names)


_FEED = frozenset({"mag", "place", "time", "type", "tsunami", "sig", "magtype"})
"""Properties of every earthquake of a USGS GeoJSON feed or query (`format=geojson`)."""


def is_usgs_feed(names: Collection[str]) -> bool:
    """Whether features with these (normalised) property names are USGS's earthquakes."""
    return _FEED <= set(names)


def usgs_title(mag: str, place: str) -> str:
    """ "M 5.8 – 87 km E of Namie, Japan": the magnitude (to a tenth, as USGS writes it) and
    where; either alone when the other is blank."""
    try:
        magnitude = f"M {float(mag):.1f}" if mag else ""
    except ValueError:
        magnitude = f"M {mag}"
    return " – ".join(part for part in (magnitude, place) if part)
