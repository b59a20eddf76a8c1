"""The catalogue: an article's events, places and eras, and the queries the window needs."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

# numpy and shapely load at first use (the geometry queries below), not with the model.
from mapexplorer.model.event import Event
from mapexplorer.model.place import Place, haversine_km, haversine_km_to_many
from mapexplorer.model.time import TimeSpan


@dataclass(frozen=True)
class Source:
    """The article the events come from. `text` is verbatim; excerpts index into it."""

    title: str = ""
    publisher: str = ""
    published: str = ""
    """ISO date of publication; relative dates in the text are resolved against it."""
    published_note: str = ""
    text: str = ""


@dataclass(frozen=True)
class Era:
    """A labelled stretch of time: a chapter of the story and a band on the slider."""

    id: str
    label: str
    time: TimeSpan


_NO_LABELS: dict[str, str] = {}


class CatalogueError(ValueError):
    """A catalogue whose parts do not fit together (e.g. an event at an unknown place)."""


@dataclass(frozen=True, eq=False)
class Columns:
    """`Catalogue.columns`: numpy arrays, one entry per event in chronological order."""

    start: Any
    end: Any
    exact: Any
    """A single known day (`TimeSpan.is_exact`)."""
    category: Any
    """Index into `categories`, the catalogue's category names, sorted."""
    categories: list[str]


@dataclass(eq=False)
class Catalogue:
    events: list[Event]
    places: dict[str, Place]
    eras: list[Era] = field(default_factory=list)
    source: Source = field(default_factory=Source)

    def __post_init__(self) -> None:
        self.validate()

    @classmethod
    def checked(
        cls, events: list[Event], places: dict[str, Place], eras: list[Era], source: Source
    ) -> Catalogue:
        """A catalogue whose reader has already made every check of `validate` (unique ids,
        known places and eras, a place for each event): not walked again."""
        catalogue = object.__new__(cls)
        catalogue.events, catalogue.places, catalogue.eras = events, places, eras
        catalogue.source = source
        return catalogue

    def validate(self) -> None:
        """Raise `CatalogueError` for references that do not resolve."""
        seen: set[str] = set()
        era_ids = {era.id for era in self.eras}
        for event in self.events:
            if event.id in seen:
                raise CatalogueError(f"event {event.id!r}: the id is used twice")
            seen.add(event.id)
            if not event.place_ids:
                raise CatalogueError(f"event {event.id!r}: it has no place")
            for place_id in event.place_ids:
                if place_id not in self.places:
                    raise CatalogueError(f"event {event.id!r}: unknown place {place_id!r}")
            if event.era and era_ids and event.era not in era_ids:
                raise CatalogueError(f"event {event.id!r}: unknown era {event.era!r}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Catalogue) and (
            self.events,
            self.places,
            self.eras,
            self.source,
        ) == (other.events, other.places, other.eras, other.source)

    # --- look-ups -----------------------------------------------------------------------------
    @cached_property
    def _by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    def event(self, event_id: str) -> Event:
        return self._by_id[event_id]

    def places_of(self, event: Event) -> list[Place]:
        return [self.places[pid] for pid in event.place_ids]

    def place_label(self, place_id: str) -> str:
        """How the window names a place: its name, or, for a spot that only its coordinates
        name, the words `set_place_labels` gave it ("23 km N of Gaziantep, Turkey"). The
        place's name (what exports write) stays the file's."""
        label = self.place_labels.get(place_id)
        if label is not None:
            return label
        place = self.places.get(place_id)
        return place.name if place is not None else place_id

    @property
    def place_labels(self) -> dict[str, str]:
        """The words shown for places (by id) that have no name of their own; usually none."""
        return self.__dict__.get("_place_labels", _NO_LABELS)

    def set_place_labels(self, labels: dict[str, str]) -> None:
        self.__dict__["_place_labels"] = dict(labels)

    @cached_property
    def _chronology(self) -> tuple[list[int], list[Event], Columns]:
        # By (start, end), as one stable sort of arrays (a key tuple per event costs ~0.3 s at
        # 100,000 events). Every field is read in the events' own order, then the arrays
        # permuted: each pass over 100,000 scattered events costs 20-50 ms.
        import numpy as np

        events = self.events
        n = len(events)
        times = list(map(_time, events))
        starts = np.fromiter(map(_start, times), np.int64, n)
        ends = np.fromiter(map(_end, times), np.int64, n)
        exact = np.fromiter(map(_is_exact, times), np.bool_, n)
        del times
        categories = list(map(_category, events))
        names = sorted(set(categories))
        code = {name: i for i, name in enumerate(names)}
        category = np.fromiter(map(code.__getitem__, categories), np.int64, n)
        del categories
        # Stable: events of the same dates keep the file's order, which is how their author
        # listed them (an incident log's rows, "E1" … "E10" as numbered).
        order = np.lexsort((ends, starts))
        columns = Columns(
            start=starts[order],
            end=ends[order],
            exact=exact[order],
            category=category[order],
            categories=names,
        )
        ordered = list(map(events.__getitem__, order.tolist()))
        return columns.start.tolist(), ordered, columns

    @property
    def _by_start(self) -> tuple[list[int], list[Event]]:
        if not self.events:
            return [], []  # the empty window at launch: no numpy on the GUI thread (~80 ms)
        starts, ordered, _ = self._chronology
        return starts, ordered

    @property
    def columns(self) -> Columns:
        """The events' times and categories as arrays, in `chronological` order: what the
        map, the slider and its axis draw from (made once, on the loader's thread)."""
        return self._chronology[2]

    def starts_in_order(self) -> list[int]:
        """The events' first days, in `chronological` order (so sorted); do not modify."""
        return self._by_start[0]

    def chronological(self) -> list[Event]:
        """Events by earliest day, then latest day, then in the file's order (an incident
        log's rows of one day as listed, not by title or id)."""
        return list(self._by_start[1])

    # --- time queries -------------------------------------------------------------------------
    def active_in(self, start: int, end: int) -> list[Event]:
        """Events whose interval overlaps the window [start, end] (days, inclusive)."""
        starts, ordered = self._by_start
        stop = bisect.bisect_right(starts, end)
        if not stop:
            return []  # nothing begun yet (or an empty catalogue: no numpy for it)
        # Of those begun by `end`, the ones not over before `start`: compared as an array (the
        # event list asks after each slider move; 100,000 Python comparisons took ~40 ms).
        hits = (self.columns.end[:stop] >= start).nonzero()[0]
        return list(map(ordered.__getitem__, hits.tolist()))

    def up_to(self, day: int) -> list[Event]:
        """Events that had begun by `day`: the cumulative view."""
        starts, ordered = self._by_start
        return ordered[: bisect.bisect_right(starts, day)]

    def time_range(self) -> tuple[int, int]:
        """(earliest start, latest end) of all events, in days."""
        if not self.events:
            raise CatalogueError("the catalogue has no events")
        return self._time_range

    @cached_property
    def _time_range(self) -> tuple[int, int]:
        # Asked on every slider move (clamping, the page's fading): O(N) once, not per move.
        columns = self.columns
        return int(columns.start.min()), int(columns.end.max())

    def era_at(self, day: int) -> Era | None:
        return next((era for era in self.eras if era.time.contains(day)), None)

    # --- place queries ------------------------------------------------------------------------
    def at_place(self, place_id: str) -> list[Event]:
        """Events that happened at a place, in time order (a click on Moscow lists them all)."""
        return list(self._by_place.get(place_id, ()))

    @cached_property
    def _by_place(self) -> dict[str, list[Event]]:
        # Made at the first question, then each is a look-up: the details panel asks at every
        # selection, and a walk over 100,000 events took ~0.1 s each time.
        by_place: dict[str, list[Event]] = {}
        for event in self._by_start[1]:
            ids = event.place_ids
            for place_id in ids if len(ids) == 1 else dict.fromkeys(ids):
                by_place.setdefault(place_id, []).append(event)
        return by_place

    def near(self, lon: float, lat: float, km: float = 50.0) -> list[Event]:
        """Events at any place within `km` of a point (inside a region counts as 0 km)."""
        from shapely.geometry import Point

        point = Point(lon, lat)
        close = {
            pid
            for pid, place in self.places.items()
            if place.geometry.intersects(point) or _distance_km(place, lon, lat) <= km
        }
        return [e for e in self.chronological() if close.intersection(e.place_ids)]

    def nearest_place(self, lon: float, lat: float) -> Place | None:
        if not self.places:
            return None
        return min(self.places.values(), key=lambda p: _distance_km(p, lon, lat))

    def bounds(self, events: Iterable[Event] | None = None) -> tuple[float, float, float, float]:
        """(west, south, east, north) around the places of `events` (all events by default).

        The tightest in longitude: across the antimeridian when that is shorter (Fiji: 170…190),
        so `east` may pass 180 (or `west` -180); see `antimeridian`."""
        from mapexplorer.model import antimeridian

        chosen = self.events if events is None else events
        row, boxes = self._place_boxes
        rows = [row[pid] for e in chosen for pid in e.place_ids]
        if not rows:
            raise CatalogueError("no places to frame")
        return antimeridian.union_box(boxes[rows])

    @cached_property
    def _place_boxes(self) -> tuple[dict[str, int], Any]:
        """Each place's row in an array of boxes, as drawn (arranged across the antimeridian)."""
        from mapexplorer.model import antimeridian

        row = {pid: i for i, pid in enumerate(self.places)}
        return row, antimeridian.boxes([p.geometry for p in self.places.values()])

    def focus_bounds(self) -> tuple[float, float, float, float]:
        """Bounds around where most of the story happens: a far-off capital mentioned once
        (Washington in a Middle East story) should not zoom the whole map out. What is left
        may still span the world (`antimeridian.WORLDWIDE_SPAN`): then it is framed whole."""
        if len(self.places) < 5:
            return self.bounds()
        import numpy as np

        from mapexplorer.model import antimeridian

        boxes = self._place_boxes[1]
        centre = (boxes[:, 0] + boxes[:, 2]) / 2
        # Centres on one side of the gap between them: a Pacific story's median is in the
        # Pacific, not halfway round the world.
        west = antimeridian.tightest_span(centre, centre)[0]
        centre = np.where(centre < west, centre + 360, centre)
        centre = np.where(centre >= west + 360, centre - 360, centre)
        lat = (boxes[:, 1] + boxes[:, 3]) / 2
        # Great-circle distance of each place's centre from the median centre.
        distance = haversine_km_to_many(float(_median(centre)), float(_median(lat)), centre, lat)
        # Far off: beyond three times the typical distance and a day's flight away. (Dropping
        # the farthest 15% whatever their distance lost Kyiv from a Middle East story.)
        far = distance > max(3 * _median(distance), FAR_OFF_KM)
        most = len(distance) - max(3, int(len(distance) * 0.85))  # at most the farthest 15%
        if far.sum() > most:
            far[:] = False
            far[np.argsort(distance, kind="stable")[len(distance) - most :]] = True
        return antimeridian.union_box(boxes[~far])

    def categories(self) -> list[str]:
        return list(self.columns.categories) if self.events else []

    def actors(self) -> list[str]:
        return sorted({a for e in self.events for a in e.actors})

    def events_in_era(self, era_id: str) -> list[Event]:
        return [e for e in self.chronological() if e.era == era_id]

    def with_events(self, events: Sequence[Event]) -> Catalogue:
        """A catalogue of a subset of events (e.g. the filtered list), keeping their places."""
        used = {pid for e in events for pid in e.place_ids}
        places = {pid: p for pid, p in self.places.items() if pid in used}
        return Catalogue(events=list(events), places=places, eras=self.eras, source=self.source)


FAR_OFF_KM = 2500.0
"""A place at least this far from the middle of a story (and three times its typical distance)
may be left out of its framing: Washington in a Middle East story, not Kyiv."""

# Per-event fields read with C-level getters (a generator per field: ~50 ms at 100,000 events).
_time, _category = operator.attrgetter("time"), operator.attrgetter("category")
_start, _end = operator.attrgetter("start"), operator.attrgetter("end")
_is_exact = TimeSpan.is_exact.fget


def _distance_km(place: Place, lon: float, lat: float) -> float:
    """Distance from a point to the nearest vertex-side point of a place, in km."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    nearest = nearest_points(place.geometry, Point(lon, lat))[0]
    return haversine_km(lon, lat, nearest.x, nearest.y)


def _median(values):
    """The median of a 1-D array. Not `np.median`: its first call imports numpy.ma, ~40 ms of
    start-up for one number."""
    ordered = values.copy()
    ordered.sort()
    n = len(ordered)
    return (ordered[(n - 1) // 2] + ordered[n // 2]) / 2
