"""What every reader of other tools' files shares: the report of rows that could not be read,
and the builder that turns rows into a catalogue's events and places."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from mapexplorer.formats.errors import FormatError
from mapexplorer.formats.fields import FieldChoice, RowParts
from mapexplorer.model import Catalogue, CatalogueError, Event, Excerpt, Place, TimeSpan
from mapexplorer.model.event import slugify

__all__ = ["PROGRESS_EVERY", "CatalogueBuilder", "Problem", "Progress", "ReadReport"]

Progress = Callable[[int, int], None]
"""`progress(done, total)`; it may raise to cancel the read, and the exception propagates."""
PROGRESS_EVERY = 2000
_SHOWN_IN_ERROR = 3


@dataclass(frozen=True)
class Problem:
    """One row or feature we could not read, and why."""

    item: str
    """"row 12", "feature 3", "placemark 'Kyiv' (4)"."""
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.item}, field {self.field!r}" if self.field else self.item
        return f"{where}: {self.message}"


@dataclass
class ReadReport:
    """What a read left out: the file, how many items it had, and each problem."""

    path: str
    unit: str = "row"
    total: int = 0
    """Rows, features or placemarks in the file."""
    events: int = 0
    """Events read (rows of one event–place pair per line group into one event)."""
    problems: list[Problem] = field(default_factory=list)
    choice: FieldChoice | None = None
    """The fields that were read (None for formats that need no guessing)."""

    @property
    def skipped(self) -> int:
        """Items that could not be read."""
        return len({p.item for p in self.problems})

    def __bool__(self) -> bool:
        """True when there is something to tell the user."""
        return bool(self.problems)

    def text(self) -> str:
        """The report as the user reads and copies it."""
        name = os.path.basename(self.path) or self.path
        if not self.problems:
            return f"{name}: all {self.total} {self.unit}s read."
        head = (
            f"{name}: {self.skipped} of {self.total} {self.unit}s could not be read "
            f"and were left out."
        )
        return "\n".join([head, *(f"  {p}" for p in self.problems)])

    __str__ = text


@dataclass
class _Pending:
    title: str
    time: TimeSpan
    parts: RowParts
    place_ids: list[str]
    extra: dict[str, Any]


class CatalogueBuilder:
    """Collects events and places row by row, reusing places and keeping ids unique."""

    def __init__(self, path: str | os.PathLike, unit: str = "row") -> None:
        self.path = os.fspath(path)
        self.report = ReadReport(self.path, unit)
        self.places: dict[str, Place] = {}
        self._place_keys: dict[Any, str] = {}
        self._events: dict[str, _Pending] = {}
        self._next_suffix: dict[str, int] = {}

    # --- problems ---------------------------------------------------------------------------
    def problem(self, item: str, field: str, message: str) -> None:
        self.report.problems.append(Problem(item, field, message))

    # --- places -----------------------------------------------------------------------------
    def point_place(self, name: str, lon: float, lat: float, place_id: str = "") -> str:
        """The id of a point place (lon and lat already checked), made once per spot."""
        key = (name, lon, lat, place_id)
        known = self._place_keys.get(key)
        if known is not None:
            return known
        return self._add_place(key, name, Point(lon, lat), place_id)

    def shape_place(self, name: str, geometry: BaseGeometry, place_id: str = "") -> str:
        """The id of a place with any shape; `PlaceError` when the shape is not a valid one."""
        key = (name, geometry.wkb, place_id)
        known = self._place_keys.get(key)
        if known is not None:
            return known
        return self._add_place(key, name, geometry, place_id)

    def _add_place(self, key: Any, name: str, geometry: BaseGeometry, place_id: str) -> str:
        base = place_id or _slug(name, "place")
        place = Place(id=base, name=name, geometry=geometry)  # validates: may raise PlaceError
        existing = self.places.get(base)
        if existing is not None and existing != place:
            place = Place(id=self._unique(base, self.places), name=name, geometry=place.geometry)
        self.places.setdefault(place.id, place)
        self._place_keys[key] = place.id
        return place.id

    # --- events -----------------------------------------------------------------------------
    def add(
        self,
        item: str,
        parts: RowParts,
        time: TimeSpan,
        place_ids: list[str],
        extra: dict[str, Any] | None = None,
    ) -> None:
        """One row's event; rows sharing an id, title and time become one event at their
        places (the shape of our own exports: a row per event–place pair)."""
        title = parts.title or parts.place or item.capitalize()
        if parts.id:
            base = _slug(parts.id, "event")
            pending = self._events.get(base)
            if pending is not None and (pending.title, pending.time) == (title, time):
                pending.place_ids += [p for p in place_ids if p not in pending.place_ids]
                return
        else:
            base = _slug(title, "event")
        event_id = base if base not in self._events else self._unique(base, self._events)
        self._events[event_id] = _Pending(title, time, parts, list(dict.fromkeys(place_ids)), extra or {})

    def _unique(self, base: str, taken: dict) -> str:
        n = self._next_suffix.get(base, 2)
        while f"{base}-{n}" in taken:
            n += 1
        self._next_suffix[base] = n + 1
        return f"{base}-{n}"

    # --- the result -------------------------------------------------------------------------
    def finish(self, total: int, choice: FieldChoice | None = None) -> tuple[Catalogue, ReadReport]:
        """The catalogue and the report; `FormatError` when not a single event could be read."""
        report = self.report
        report.total, report.events, report.choice = total, len(self._events), choice
        if not self._events:
            raise FormatError(self.path, self._nothing_read(total))
        events = [_event(event_id, p) for event_id, p in self._events.items()]
        used = {pid for e in events for pid in e.place_ids}
        places = {pid: p for pid, p in self.places.items() if pid in used}
        try:
            return Catalogue(events=events, places=places), report
        except CatalogueError as exc:  # a bug of ours rather than of the file; still say where
            raise FormatError(self.path, str(exc)) from None

    def _nothing_read(self, total: int) -> str:
        unit = self.report.unit
        if total == 0:
            return f"the file has no {unit}s"
        problems = self.report.problems
        shown = "; ".join(str(p) for p in problems[:_SHOWN_IN_ERROR])
        more = len(problems) - _SHOWN_IN_ERROR
        tail = f" (and {more} more problems)" if more > 0 else ""
        return f"none of its {total} {unit}s could be read: {shown}{tail}"


def _slug(text: str, fallback: str) -> str:
    return slugify(text) if re.search(r"[A-Za-z0-9]", text) else fallback


def _event(event_id: str, pending: _Pending) -> Event:
    parts = pending.parts
    excerpts = (Excerpt(parts.excerpt, 0, len(parts.excerpt)),) if parts.excerpt else ()
    return Event(
        id=event_id,
        title=pending.title,
        time=pending.time,
        place_ids=tuple(pending.place_ids),
        summary=parts.summary,
        actors=parts.actors,
        category=parts.category or "other",
        era=parts.era,
        excerpts=excerpts,
        extra=pending.extra,
    )
