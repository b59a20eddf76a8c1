"""What every reader of other tools' files shares: the report of rows that could not be read,
and the builder that turns rows into a catalogue's events and places."""

from __future__ import annotations

import dataclasses
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from mapexplorer.formats.dates import (
    date_note,
    hijri_days,
    ongoing,
    parse_date,
    parse_spreadsheet_day,
    spreadsheet_day_number,
)
from mapexplorer.formats.errors import FormatError
from mapexplorer.formats.fields import FieldChoice, FieldGuess, RowParts, RowReader
from mapexplorer.formats.report import Problem, ReadReport, numbered
from mapexplorer.formats.spot_names import coordinates_id, coordinates_name
from mapexplorer.model import (
    Catalogue,
    CatalogueError,
    DateError,
    Era,
    Event,
    Excerpt,
    Place,
    PlaceError,
    TimeSpan,
)
from mapexplorer.model.antimeridian import into_range
from mapexplorer.model.event import SLUG_LENGTH, slug
from mapexplorer.model.place import PlaceKind, validity_problem
from mapexplorer.model.time import ymd_from_day

__all__ = [
    "PROGRESS_EVERY",
    "CatalogueBuilder",
    "Problem",
    "Progress",
    "ReadReport",
    "date_said",
    "event_title",
    "hijri_date",
    "hijri_dates",
    "noted_date",
    "ongoing_date",
    "spreadsheet_days_line",
]

Progress = Callable[[int, int], None]
"""`progress(done, total)`; it may raise to cancel the read, and the exception propagates."""
PROGRESS_EVERY = 2000
_SHOWN_IN_ERROR = 3
_INVALID = "invalid geometry: "
MAX_ERAS = 40
"""More eras than this are no chapters (a period id per row, say): the slider shows no bands."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # `is_slug`, without a call per row


class CatalogueBuilder:
    """Collects events and places row by row, reusing places and keeping ids unique."""

    def __init__(self, path: str | os.PathLike, unit: str = "row") -> None:
        self.path = os.fspath(path)
        self.report = ReadReport(self.path, unit)
        self.places: dict[str, Place] = {}
        self._place_keys: dict[Any, str] = {}
        self._place_taken: set[str] = set()
        self._points: list[tuple[str, str, float, float]] = []
        self._spots: dict[tuple[float, float], str] = {}  # unnamed points' ids
        self._name_slugs: dict[str, str] = {}
        self._events: dict[str, Event] = {}
        self._next_suffix: dict[str, int] = {}
        self._repaired: dict[str, str] = {}  # place id → what was wrong with its shape
        self._at_zero: set[str] = set()  # the ids of points at 0°, 0°
        self._zero_items: list[str] = []  # the items placed there

    # --- problems ---------------------------------------------------------------------------
    def problem(self, item: str, field: str, message: str) -> None:
        self.report.problems.append(Problem(item, field, message))

    # --- places -----------------------------------------------------------------------------
    def point_place(self, name: str, lon: float, lat: float, place_id: str = "") -> str:
        """The id of a point place, made once per spot. The point itself is made with all the
        others in `finish` (shapely is fast on arrays, slow one point at a time); `lon` and
        `lat` must already be checked to be finite and on the globe."""
        key = (name, lon, lat, place_id)
        known = self._place_keys.get(key)
        if known is not None:
            return known
        base = place_id or self._name_slugs.get(name) or self._name_slug(name)
        new_id = self._place_id(base)
        self._points.append((new_id, name, lon, lat))
        if lon == 0 and lat == 0:
            self._at_zero.add(new_id)
        self._place_keys[key] = new_id
        return new_id

    def unnamed_point_place(self, lon: float, lat: float) -> str:
        """The id of a point no row names: named and identified by its coordinates, so every
        row at that spot shares it (three events in Baghdad are one marker that lists all
        three, not three markers on top of each other each named after one event)."""
        lon, lat = lon + 0.0, lat + 0.0  # -0.0 is the spot 0.0, named "0.00000", not "-0.00000"
        known = self._spots.get((lon, lat))
        if known is None:  # its name and id written once per spot, not once per row
            name, place_id = coordinates_name(lon, lat), coordinates_id(lon, lat)
            known = self._spots[lon, lat] = self.point_place(name, lon, lat, place_id)
        return known

    def shape_place(
        self,
        name: str,
        geometry: BaseGeometry,
        place_id: str = "",
        wkb: bytes | None = None,
        source: str = "",
    ) -> str:
        """The id of a place with any shape; `PlaceError` when the shape is not a valid one.
        `wkb`: the geometry's WKB, when the caller made it already (for many at once);
        `source`: where the shape comes from, when not from the file."""
        key = (name, geometry.wkb if wkb is None else wkb, place_id)
        known = self._place_keys.get(key)
        if known is not None:
            return known
        base = place_id or self._name_slugs.get(name) or self._name_slug(name)
        new_id = base if base not in self._place_taken else self._unique(base, self._place_taken)
        try:
            place = Place(id=new_id, name=name, geometry=into_range(geometry), source=source)
        except PlaceError as exc:
            place = self._repaired_place(new_id, name, geometry, source, exc)
        self.places[new_id] = place
        self._place_taken.add(new_id)
        self._place_keys[key] = new_id
        if geometry.geom_type == "Point" and not geometry.is_empty and not source:
            if geometry.x == 0 and geometry.y == 0:
                self._at_zero.add(new_id)
        return new_id

    def _repaired_place(
        self, place_id: str, name: str, geometry: BaseGeometry, source: str, error: PlaceError
    ) -> Place:
        """An area that crosses or touches itself, repaired as QGIS's Fix geometries does
        (a bow-tie becomes its two triangles): other tools draw such shapes and users draw
        them by hand, so the event is kept, and the report says so. `error` when the shape is
        not an area, or no repair makes it one."""
        if geometry.geom_type not in ("Polygon", "MultiPolygon"):
            raise error
        why = str(error)[len(_INVALID) :] if str(error).startswith(_INVALID) else None
        if why is None and into_range(geometry) is geometry:  # past 180°, and uncut: invalid?
            why = validity_problem(geometry)
        if why is None:
            raise error
        try:
            fixed = shapely.make_valid(geometry, method="structure", keep_collapsed=False)
            fixed = into_range(fixed)
            if fixed.is_empty or fixed.geom_type not in ("Polygon", "MultiPolygon"):
                raise error
            place = Place(id=place_id, name=name, geometry=fixed, source=source)
        except (PlaceError, shapely.errors.GEOSException):
            raise error from None
        self._repaired[place_id] = why
        return place

    def _repaired_note(self, used: set[str]) -> list[str]:
        repaired = [(pid, why) for pid, why in self._repaired.items() if pid in used]
        if not repaired:
            return []
        how = "repaired as QGIS's Fix geometries does (a shape that crosses itself becomes its pieces)"
        if len(repaired) == 1:
            ((pid, why),) = repaired
            return [f"the shape of {self.places[pid].name!r} was not a valid area ({why}): {how}"]
        shown = "; ".join(f"{self.places[pid].name!r} ({why})" for pid, why in repaired[:5])
        more = f"; and {len(repaired) - 5} more" if len(repaired) > 5 else ""
        return [f"{len(repaired)} shapes were not valid areas, {how}: {shown}{more}"]

    def _zero_note(self) -> list[str]:
        """The report's line for the items placed at 0°, 0°: in the sea off Africa, where a
        geocoder that found nothing, or a sheet's empty cells read as 0, put them ("Null
        Island"). Read as written: the line says which to look at."""
        if not self._zero_items:
            return []
        unit = self.report.unit
        numbers = [
            int(match[1])
            for item in self._zero_items
            if (match := re.match(rf"{re.escape(unit)} (\d+)", item))
        ]
        if len(numbers) == len(self._zero_items):
            where = numbered(unit, numbers)
        else:
            where = ", ".join(self._zero_items[:5]) + (" …" if len(self._zero_items) > 5 else "")
        one = len(self._zero_items) == 1
        return [
            f"{where} {'is' if one else 'are'} at latitude 0, longitude 0, in the sea off West "
            "Africa, where places land when a geocoder found nothing or empty cells were read "
            f"as 0: read as written; check {'its' if one else 'their'} coordinates"
        ]

    def nameless_places(self, geometries: list[BaseGeometry], title: str) -> list[str]:
        """The ids of places nothing names (a shape, or the pieces of a GeometryCollection),
        each named as a nameless place of its kind is: a point by its coordinates, shared by
        every event at that spot; a line or area after its event (`title`), numbered when the
        event has several ("Feature 3 (2)"). `PlaceError` when a shape is not a valid one."""
        geometries = [into_range(g) for g in geometries]  # a point past 180° is a spot too
        points = [_point_on_globe(g) for g in geometries]
        shapes = points.count(None)
        place_ids, n = [], 0
        for geometry, point in zip(geometries, points, strict=True):
            if point is not None:
                place_ids.append(self.unnamed_point_place(*point))
            else:
                n += 1
                name = f"{title} ({n})" if shapes > 1 else title
                place_ids.append(self.shape_place(name, geometry))  # may raise PlaceError
        return place_ids

    def _name_slug(self, name: str) -> str:
        """A place id from its name: "Tehran" → "tehran", "Київ" → "київ"; one of no letters
        or digits ("★") is numbered: "place-1"."""
        slug = _fast_slug(name)
        if not slug:
            return f"place-{len(self._place_taken) + 1}"
        self._name_slugs[name] = slug
        return slug

    def _place_id(self, base: str) -> str:
        new_id = base if base not in self._place_taken else self._unique(base, self._place_taken)
        self._place_taken.add(new_id)
        return new_id

    def _make_points(self) -> None:
        """Create the pending point places in one vectorised pass, checked as `Place` would."""
        if not self._points:
            return
        coords = np.array([(lon, lat) for _, _, lon, lat in self._points], dtype=float)
        if not (np.isfinite(coords).all() and (np.abs(coords) <= (180, 90)).all()):
            raise ValueError("point_place was given coordinates off the globe")
        for (place_id, name, _, _), geometry in zip(
            self._points, shapely.points(coords), strict=True
        ):
            self.places[place_id] = _point(place_id, name, geometry)
        self._points.clear()

    # --- events -----------------------------------------------------------------------------
    def add(
        self,
        item: str,
        parts: RowParts,
        time: TimeSpan,
        place_ids: list[str],
        extra: dict[str, Any] | None = None,
        date_note: str = "",
    ) -> None:
        """One row's event; rows sharing an id, title and time become one event at their
        places (the shape of our own exports: a row per event–place pair). `date_note`: how
        its date was read, when not quite as written."""
        if extra and "date_note" in extra:  # our CSV's and KML's: the note as it was kept
            extra = dict(extra)
            date_note = str(extra.pop("date_note")) or date_note
        title = event_title(item, parts)
        events = self._events
        if self._at_zero and not self._at_zero.isdisjoint(place_ids):
            self._zero_items.append(item)
        if parts.id:
            base = parts.id if _SLUG.match(parts.id) else _slug(parts.id, "event")
            same = events.get(base)
            if same is not None and same.title == title and same.time == time:
                more = tuple(p for p in place_ids if p not in same.place_ids)
                events[base] = dataclasses.replace(same, place_ids=same.place_ids + more)
                return
        else:
            base = _slug(title, "event")
        event_id = base if base not in events else self._unique(base, events)
        excerpt = parts.excerpt
        events[event_id] = Event(
            event_id,
            title,
            time,
            tuple(place_ids) if len(place_ids) == 1 else tuple(dict.fromkeys(place_ids)),
            parts.summary,
            parts.actors,
            parts.category or "other",
            parts.era,
            parts.excerpts or ((Excerpt(excerpt, 0, len(excerpt)),) if excerpt else ()),
            date_note,
            extra or {},
        )

    def _unique(self, base: str, taken: dict) -> str:
        n = self._next_suffix.get(base, 2)
        while f"{base}-{n}" in taken:
            n += 1
        self._next_suffix[base] = n + 1
        return f"{base}-{n}"

    # --- the result -------------------------------------------------------------------------
    def finish(
        self, total: int, choice: FieldChoice | None = None, guessed: FieldGuess | None = None
    ) -> tuple[Catalogue, ReadReport]:
        """The catalogue and the report; `FormatError` when not a single event could be read.
        `guessed`: the guess `choice` came from, whose doubts the report keeps."""
        report = self.report
        report.total, report.events, report.choice = total, len(self._events), choice
        if guessed is not None and guessed.ambiguous:
            report.unsure = guessed.reasons
        if not self._events:
            raise FormatError(self.path, self._nothing_read(total))
        self._make_points()
        events = list(self._events.values())
        used = {pid for e in events for pid in e.place_ids}
        places = {pid: p for pid, p in self.places.items() if pid in used}
        report.notes += self._repaired_note(used)
        report.notes += self._zero_note()
        eras = self._eras(events)
        try:
            return Catalogue(events=events, places=places, eras=eras), report
        except CatalogueError as exc:  # a bug of ours rather than of the file; still say where
            raise FormatError(self.path, str(exc)) from None

    def _eras(self, events: list[Event]) -> list[Era]:
        """The slider's bands, from an era field (`era`, `period_id`, `chapter`), as the
        native file's eras are: chapters one after another, in the order their events start,
        each from its first event's start to the day before the next chapter's (the last, to
        its events' last day), labelled with the name ("sanctions-era", an id as our exports
        write it, in words: "Sanctions era"). None when they interleave (an event of one
        starts on or after the first of the next): bands side by side cannot show that, so
        each event keeps its era, as before, and the slider shows no bands, the report naming
        the eras that overlap; so too beyond `MAX_ERAS`."""
        spans: dict[str, list[int]] = {}  # era → [first start, last start, last end]
        for event in events:
            if event.era:
                start, end = event.time.start, event.time.end
                span = spans.get(event.era)
                if span is None:
                    spans[event.era] = [start, start, end]
                else:
                    span[0], span[1] = min(span[0], start), max(span[1], start)
                    span[2] = max(span[2], end)
        if not spans:
            return []
        if len(spans) > MAX_ERAS:
            self.report.asides.append(
                f"the {len(spans)} eras are more than the {MAX_ERAS} the time slider shows as "
                "chapters, so it shows none; each event keeps its era"
            )
            return []
        order = sorted(spans.items(), key=lambda item: item[1])
        if overlapping := _overlapping_eras(order):
            self.report.asides.append(_overlapping_eras_line(overlapping))
            return []  # not chapters (tags, phases that recur): no bands
        ends = [following[0] - 1 for _, following in order[1:]] + [order[-1][1][2]]
        return [
            Era(name, _era_label(name), TimeSpan.from_days(span[0], max(span[0], end)))
            for (name, span), end in zip(order, ends, strict=True)
        ]

    def _nothing_read(self, total: int) -> str:
        unit = self.report.unit
        if total == 0:
            return f"the file has no {unit}s"
        problems = self.report.problems
        shown = "; ".join(str(p) for p in problems[:_SHOWN_IN_ERROR])
        more = len(problems) - _SHOWN_IN_ERROR
        tail = f" (and {more} more problems)" if more > 0 else ""
        return f"none of its {total} {unit}s could be read: {shown}{tail}"


def event_title(item: str, parts: RowParts) -> str:
    """The title `CatalogueBuilder.add` gives an event: its own, else its description's
    opening (a protest list's "Farmers block roads with tractors", not "Berlin" again beside
    its place), else its place's name, else its item's ("Feature 3"); one line."""
    title = parts.title or _opening(parts.summary) or parts.place or item.capitalize()
    if "\n" in title or "\r" in title:  # a spreadsheet cell of several lines: a title is one
        title = _LINE_BREAKS.sub(" ", title).strip()
    return title


_TITLE_FROM_SUMMARY = 60
"""A title made of a description's opening is at most this long."""


def _opening(summary: str) -> str:
    """A description's first sentence, up to about 60 characters cut at a word ("Shelling of
    a residential area in the north of the city…"): the title of an event with no title of
    its own, not "Berlin" (its place) or "Row 2"; "" for none."""
    text = " ".join(summary.split())
    if not text:
        return ""
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(sentence) <= _TITLE_FROM_SUMMARY:
        return sentence.rstrip(".")
    cut = sentence[: _TITLE_FROM_SUMMARY + 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def noted_date(cell: str, time: TimeSpan) -> str:
    """An event's date note when its date was written with a note in brackets after it
    ("1066 (disputed)", `dates.date_note`), which is not read as part of the date."""
    return (
        f"The file gives {cell.strip()!r}, read as {time.describe()}: the note in brackets is "
        "not part of the date."
    )


def ongoing_date(cell: str, time: TimeSpan) -> str:
    """An event's date note when its date is a span still going on ("2014–present",
    `dates.ongoing`), which is read to the day the file was opened."""
    return (
        f"The file gives {cell.strip()!r}, still going on: read as {time.describe()}, to the "
        "day the file was opened."
    )


def hijri_date(cell: str, time: TimeSpan) -> str:
    """An event's date note when its date is a year of the Hijri calendar ("1350 AH",
    `dates.hijri_days`), which is read as the years AD it overlaps; "" for any other cell."""
    days = hijri_days(cell)
    if days is None:
        return ""
    first, last = (TimeSpan.from_days(day).describe(weekday=False) for day in days)
    try:
        read = parse_date(cell).describe()  # this cell's part of `time` (a start, an end)
    except DateError:
        read = time.describe()
    return (
        f"The file gives {cell.strip()!r}, a year of the Hijri (Islamic) calendar, from about "
        f"{first} to {last}: read as {read}, the years AD it overlaps."
    )


def date_said(cells: Iterable[Any], time: TimeSpan) -> str:
    """An event's date note from the cells its date was read from: a span still going on
    (`ongoing_date`), else a note in brackets (`noted_date`), else a Hijri year
    (`hijri_date`); "" when the date was read as written."""
    cells = [cell for cell in cells if cell.__class__ is str]
    if still := next((cell for cell in cells if ongoing(cell)), None):  # "2014–present"
        return ongoing_date(still, time)
    if noted := next((cell for cell in cells if date_note(cell)), None):  # "1066 (disputed)"
        return noted_date(noted, time)
    return hijri_dates(cells, time)


def hijri_dates(cells: Iterable[Any], time: TimeSpan) -> str:
    """The date note of each Hijri year among a row's time cells (a start and an end may both
    be one), one after the other; "" when none is."""
    return " ".join(said for cell in cells if (said := hijri_date(cell, time)))


def spreadsheet_days_line(reader: RowReader, rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The report's line saying a date field of numbers was read as a spreadsheet's day
    numbers (`dates.parse_spreadsheet_day`), with an example, so that a column of something
    else that looks so is seen at once; none for any other field."""
    source = reader.choice.time
    if source is None or source.kind != "days":
        return []
    names = " and ".join(repr(name) for name in source.fields)  # a start and an end too
    for row in rows:
        cell = row.get(source.field)
        if spreadsheet_day_number(cell) is None:
            continue
        try:
            day = parse_spreadsheet_day(cell)
        except DateError:
            continue
        return [
            f"the dates in {names} are numbers, read as a spreadsheet's day numbers "
            f"(days counted as Excel's 1900 date system counts them: {str(cell).strip()} is "
            f"{day.describe()})"
        ]
    return []


def _overlapping_eras(
    order: list[tuple[str, list[int]]],
) -> list[tuple[tuple[str, list[int]], tuple[str, list[int]]]]:
    """The pairs of eras (in the order they start) whose events' starts interleave: one
    has an event that starts on or after the first of the other's."""
    return [
        (era, later)
        for i, era in enumerate(order)
        for later in order[i + 1 :]
        if later[1][0] <= era[1][1]
    ]


def _overlapping_eras_line(
    pairs: list[tuple[tuple[str, list[int]], tuple[str, list[int]]]],
) -> str:
    """The report's line naming the eras that overlap, each with the years its events start
    in: "'Cold War' (1946–2005) overlaps 'Islamic Republic' (1979–1980)"."""

    def year(day: int) -> str:
        number = ymd_from_day(day)[0]
        return str(number) if number > 0 else f"{1 - number} BC"

    def said(era: tuple[str, list[int]]) -> str:
        name, (first, last, _) = era
        years = year(first) if year(first) == year(last) else f"{year(first)}–{year(last)}"
        return f"{name!r} ({years})"

    overlapped: dict[str, tuple[tuple[str, list[int]], list[str]]] = {}
    for era, later in pairs:
        overlapped.setdefault(era[0], (era, []))[1].append(said(later))
    groups = list(overlapped.values())
    shown = "; ".join(
        f"{said(era)} overlaps {', '.join(others[:-1])}{' and ' if len(others) > 1 else ''}"
        f"{others[-1]}"
        for era, others in groups[:3]
    )
    more = f"; and {len(groups) - 3} more" if len(groups) > 3 else ""
    return (
        "the eras overlap, and the time slider's chapters follow one another, so it shows "
        f"none (each event keeps its era; the years are when their events start): {shown}{more}"
    )


def _era_label(name: str) -> str:
    """An era's label from its name: as written, but an id ("sanctions-era") in words."""
    if _SLUG.match(name) and "-" in name:
        words = name.replace("-", " ")
        return words[0].upper() + words[1:]
    return name


def _point_on_globe(geometry: BaseGeometry) -> tuple[float, float] | None:
    """(lon, lat) of a point with finite coordinates on the globe; None for anything else
    (which `Place` then accepts or refuses with its reason)."""
    if geometry.geom_type != "Point" or geometry.is_empty:
        return None
    lon, lat = geometry.x, geometry.y
    if not (math.isfinite(lon) and math.isfinite(lat) and abs(lon) <= 180 and abs(lat) <= 90):
        return None
    return lon, lat


def _slug(text: str, fallback: str) -> str:
    if _SLUG.match(text):
        return text
    return _fast_slug(text) or fallback


def _fast_slug(text: str) -> str:
    """`slugify` with its pattern compiled once ("" when nothing is left of the text): accents
    dropped, not the letters bearing them ("Besançon" is "besancon", not "besan-on"); other
    scripts' words kept ("Київ" is "київ")."""
    if text.isascii():
        return _NOT_SLUG.sub("-", text.lower()).strip("-")[:SLUG_LENGTH].rstrip("-")
    return slug(text)


def _point(place_id: str, name: str, geometry: Point) -> Place:
    """A point `Place` without its one-at-a-time validation, which `_make_points` did for the
    whole array (a point with finite coordinates on the globe is always valid)."""
    place = object.__new__(Place)
    place.__dict__.update(
        id=place_id, name=name, geometry=geometry, source="", kind=PlaceKind.POINT
    )
    return place
