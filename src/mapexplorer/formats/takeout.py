"""Google's location history (Google Takeout, and the Timeline app's own export), whose visits
to places are events: one event per visit, at the place visited, from its arrival to its
departure, titled by the place's name (else its address, else what it was to the user,
"Home", "Work", else "Visit").

Three forms are read, all as a table of visits (`visits_table`) that the table reader opens:
Takeout's Semantic Location History (`2024_MARCH.json`: `timelineObjects` of `placeVisit`s,
coordinates in `latitudeE7`/`longitudeE7`), the Timeline export of 2024 and later
(`Timeline.json`: `semanticSegments` with a `visit` whose `topCandidate` has a
`placeLocation.latLng` of "48.2084°, 16.3721°"), and Android's export of it (a list of
segments whose `placeLocation` is "geo:48.2084,16.3721"). Journeys between visits
(`activitySegment`, `activity`, `timelinePath`) are no events, and Takeout's raw record of
positions (`Records.json`, a `locations` list) is refused with which file to open instead.
"""

from __future__ import annotations

import re
from typing import Any

from mapexplorer.formats.local_time import local_times

__all__ = ["COLUMNS", "NO_VISITS", "RAW_RECORDS", "is_raw_records", "visits_line", "visits_table"]

COLUMNS = [
    "title", "place", "address", "lat", "lon", "start", "end", "google_place_id", "semantic_type",
]  # fmt: skip
"""The table's columns: the roles' own names, then Google's place id and what the place was
to the user, kept as fields."""

RAW_RECORDS = (
    "a Google location history's raw positions (Takeout's Records.json: every position the "
    "phone logged, with no places or visits): open the monthly files of its Semantic Location "
    "History instead (Takeout/Location History/Semantic Location History/2024/2024_MARCH.json), "
    "one event per place visited, or the Timeline app's export (Timeline.json)"
)

NO_VISITS = (
    "a Google location history with no visits to places ({journeys} journeys between them, "
    "which are no events): open a month with visits"
)

_LAT_LNG = re.compile(r"^\s*(?:geo:)?\s*(-?\d+(?:\.\d+)?)°?\s*,\s*(-?\d+(?:\.\d+)?)°?\s*$")
_KINDS = {"HOME": "Home", "WORK": "Work", "INFERRED_HOME": "Home", "INFERRED_WORK": "Work"}
"""A visit's `semanticType` that names the place to the user (others are "UNKNOWN" or a
kind of place, "TYPE_RESTAURANT")."""


def visits_line(visits: int, journeys: int, local: int = 0) -> str:
    """The report's line on what was read of a history; `local`: how many visits' times were
    made the local time where they were (Takeout writes UTC)."""
    left = f"; journeys between places are not ({journeys})" if journeys else ""
    clock = (
        f"; {local} visit{'s' if local != 1 else ''}' times, written in UTC, read as the local "
        "time of the nearest town's time zone, so a visit just after midnight is that day"
        if local
        else ""
    )
    return f"a Google location history: each visit to a place is an event ({visits}){left}{clock}"


def is_raw_records(doc: Any) -> bool:
    """Takeout's Records.json: `{"locations": [{"latitudeE7": …, "timestamp": …}, …]}`."""
    if not isinstance(doc, dict) or not isinstance(doc.get("locations"), list):
        return False
    first = next(iter(doc["locations"]), None)
    return isinstance(first, dict) and "latitudeE7" in first


def visits_table(doc: Any) -> tuple[list[str], list[list[str]], int, int] | None:
    """The visits of a location history as a table (`COLUMNS`, a row per visit), how many
    journeys were left out and how many visits' UTC times were made local ones; None for any
    other JSON."""
    segments, old = _segments(doc)
    if segments is None:
        return None
    rows: list[list[str]] = []
    journeys = 0
    for segment in segments:
        if not isinstance(segment, dict):
            continue
        visit = segment.get("placeVisit") if old else segment.get("visit")
        if not isinstance(visit, dict):
            journeys += any(k in segment for k in ("activitySegment", "activity", "timelinePath"))
            continue
        row = _old_visit(visit) if old else _new_visit(segment, visit)
        if row is not None:
            rows.append(row)
    return COLUMNS, rows, journeys, _localise(rows)


_START, _END, _LAT, _LON, _TITLE = (
    COLUMNS.index(c) for c in ("start", "end", "lat", "lon", "title")
)


def _localise(rows: list[list[str]]) -> int:
    """Title each visit to an unnamed place by its nearest town ("Visit: Linz, Austria", not
    "Visit" on every row), and make its UTC times ("2024-03-04T23:30:00Z", or Unix
    milliseconds) the local time of that town's zone ("2024-03-05T00:30:00+01:00"): a visit
    just after midnight east of Greenwich is that day, not the one before. How many visits'
    times were made local."""
    placed = [row for row in rows if row[_LAT] and row[_LON]]
    titled = [row for row in placed if row[_TITLE] == "Visit"]
    if titled:
        from mapexplorer.importer.nearby import spot_words

        spots = ((float(r[_LON]), float(r[_LAT])) for r in titled)
        for row, words in zip(titled, spot_words(spots), strict=True):
            if words:
                row[_TITLE] = f"Visit: {words}"
    local = 0
    items = [(float(r[_LON]), float(r[_LAT]), (r[_START], r[_END])) for r in placed]
    for row, times in zip(placed, local_times(items), strict=True):
        if times is not None:
            row[_START], row[_END] = times
            local += 1
    return local


def _segments(doc: Any) -> tuple[list | None, bool]:
    """The list of a history's segments, and whether it is Takeout's older form."""
    if isinstance(doc, dict):
        if isinstance(doc.get("timelineObjects"), list):
            return doc["timelineObjects"], True
        if isinstance(doc.get("semanticSegments"), list):
            return doc["semanticSegments"], False
        return None, False
    if isinstance(doc, list) and any(
        isinstance(s, dict) and isinstance(s.get("visit"), dict) and "startTime" in s
        for s in doc[:50]
    ):
        return doc, False
    return None, False


def _old_visit(visit: dict) -> list[str] | None:
    location = visit.get("location") if isinstance(visit.get("location"), dict) else {}
    duration = visit.get("duration") if isinstance(visit.get("duration"), dict) else {}
    lat, lon = _e7(location.get("latitudeE7")), _e7(location.get("longitudeE7"))
    name, address = _text(location.get("name")), " ".join(_text(location.get("address")).split())
    kind = _kind(location.get("semanticType"))
    start = _time(duration.get("startTimestamp"), duration.get("startTimestampMs"))
    end = _time(duration.get("endTimestamp"), duration.get("endTimestampMs"))
    title = name or address or _KINDS.get(kind, "") or "Visit"
    place = name or address
    return [title, place, address, lat, lon, start, end, _text(location.get("placeId")), kind]


def _new_visit(segment: dict, visit: dict) -> list[str] | None:
    candidate = visit.get("topCandidate") if isinstance(visit.get("topCandidate"), dict) else {}
    where = candidate.get("placeLocation")
    if isinstance(where, dict):
        where = where.get("latLng")
    match = _LAT_LNG.match(where) if isinstance(where, str) else None
    lat, lon = (match[1], match[2]) if match else ("", "")
    kind = _kind(candidate.get("semanticType"))
    place_id = _text(candidate.get("placeId") or candidate.get("placeID"))
    title = _KINDS.get(kind.upper(), "") or "Visit"
    start, end = _text(segment.get("startTime")), _text(segment.get("endTime"))
    return [title, "", "", lat, lon, start, end, place_id, kind]


def _e7(value: Any) -> str:
    """Degrees from Google's degrees × 10⁷ (482084000 is 48.2084)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return f"{value / 1e7:.7f}"


def _time(iso: Any, millis: Any) -> str:
    """A visit's time: its ISO `…Timestamp`, else its older `…TimestampMs` (Unix ms as text)."""
    if isinstance(iso, str) and iso.strip():
        return iso.strip()
    if isinstance(millis, str) and millis.strip().isdigit():
        return millis.strip()
    return ""


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _kind(value: Any) -> str:
    """A visit's `semanticType`, unless it says nothing ("UNKNOWN", "TYPE_UNKNOWN")."""
    kind = _text(value)
    return "" if kind.upper().endswith("UNKNOWN") else kind
