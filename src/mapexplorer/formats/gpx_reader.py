"""GPX (a GPS device's or app's waypoints, tracks and routes) into a catalogue.

A waypoint (`<wpt>`) is a point event dated by its `<time>`; a track (`<trk>`) is one route
event, a line through its points (a line per `<trkseg>`), dated from its first point's time
to its last; a route (`<rte>`) likewise, though a planned route's points seldom have times.
`<name>` is the title (a waypoint's names its spot, as a KML pin's label does), `<desc>` (else
`<cmt>`) the summary, `<type>` the category when it is a word (OsmAnd's favourites groups,
Strava's "running"). GPX 1.0 and 1.1, or no namespace; `<extensions>` (heart rate, colours)
are not read. Times of day are dropped, as everywhere in Map Explorer: a day is the finest
date.

The standard library's parser is safe enough for a file a user opens: expat (2.4 and newer)
refuses entities that expand past its amplification limit ("billion laughs"), and ElementTree
never fetches external entities (they read as undefined).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shapely.geometry import LineString, MultiLineString, MultiPoint, Point

from mapexplorer.formats.dates import (
    DateOrder,
    both_ways_said,
    mixed_slash_orders,
    parse_date,
    reads_both_ways,
    slash_order,
)
from mapexplorer.formats.errors import FormatError, read_bytes
from mapexplorer.formats.fields import RowParts
from mapexplorer.formats.markup import has_tags, html_text
from mapexplorer.formats.native import paused_gc
from mapexplorer.formats.reading import (
    PROGRESS_EVERY,
    CatalogueBuilder,
    Progress,
    ReadReport,
)
from mapexplorer.formats.xml_document import parse_document
from mapexplorer.model import Catalogue, DateError, PlaceError, TimeSpan
from mapexplorer.words import counted

__all__ = ["read"]

_WORD = re.compile(r"[^\W\d_]")

NO_TIMES = (
    "a GPX file with no times: none of its {what} has a <time>, and Map Explorer places each "
    "event on a time line. Convert it to a table and add a date to each row ({how}, or in "
    "QGIS add it as a vector layer and Export ▸ Save Features As… CSV), then open that"
)
_LAYERS = {"waypoint": "waypoints", "track": "tracks", "route": "routes"}
"""ogr2ogr's (and QGIS's) names for a GPX file's layers."""


@dataclass
class _Item:
    """One waypoint, track or route, as read from the XML."""

    kind: str  # "waypoint", "track", "route"
    number: int  # its number among its kind, from 1
    name: str
    summary: str
    comment: str
    type: str
    symbol: str
    link: str
    lines: list[list[tuple[float, float]]] = field(default_factory=list)
    """The points: one for a waypoint, a list per track segment, one list for a route."""
    times: list[str] = field(default_factory=list)
    bad_points: list[str] = field(default_factory=list)
    """Why each point without usable coordinates was left out."""

    @property
    def label(self) -> str:
        """The report's name for it: "waypoint 3 ('Summit')"."""
        named = f" ({self.name[:40]!r})" if self.name else ""
        return f"{self.kind} {self.number}{named}"


def read(
    path: str | os.PathLike,
    progress: Progress | None = None,
    fields: Mapping[str, Any] | None = None,
) -> tuple[Catalogue, ReadReport]:
    """Read a .gpx file; items without a time or a place go in the report. `fields` is
    ignored: a GPX file's fields are fixed."""
    del fields
    with paused_gc():
        root = parse_document(path, read_bytes(path), "GPX")
        ns = root.tag[: -len("gpx")]
        items = _items(root, ns)
        if not items:
            raise FormatError(path, "the GPX file has no waypoints, tracks or routes")
        if not any(item.times for item in items):
            raise FormatError(path, _no_times(items, Path(path).name))
        moved = _localise(items)  # GPX's UTC times, as the local time where they were
        kinds = {item.kind for item in items}
        unit = kinds.pop() if len(kinds) == 1 else "item"
        builder = CatalogueBuilder(path, unit)
        # "12/05/2024 07:30" (not GPX's ISO time, but a hand's or a script's): in the order
        # the file's other times show, as a table's dates; when none does, said
        ends = [t for item in items for t in _ends(item)]
        order, unsure = slash_order(ends)
        unsure = unsure or mixed_slash_orders(ends) is not None
        both_ways: list[tuple[str, str]] = []  # (item, its time that reads both ways)
        # The days of the file's tracks and routes, for its waypoints when none has a time
        # (marked so by the app; one left without among timed ones is reported)
        untimed = not any(i.times for i in items if i.kind == "waypoint")
        trip = _trip(items, order or "dmy") if untimed else None
        dated: list[str] = []  # waypoints without a time of their own, dated by the trip
        for index, item in enumerate(items):
            if progress is not None and index % PROGRESS_EVERY == 0:
                progress(index, len(items))
            doubt = next((t for t in _ends(item) if reads_both_ways(t)), "") if unsure else ""
            by_trip = trip if item.kind == "waypoint" and not item.times else None
            added = _read_item(builder, item, order or "dmy", doubt, by_trip)
            if added and doubt:
                both_ways.append((item.label, doubt))
            if added and by_trip is not None:
                dated.append(item.label)
        builder.report.notes += _both_ways_line(both_ways, order or "dmy")
        if dated and trip is not None:
            shown = ", ".join(dated[:5]) + (" …" if len(dated) > 5 else "")
            builder.report.notes.append(
                f"{counted(len(dated), 'waypoint')} without a <time> of {'its' if len(dated) == 1 else 'their'} "
                f"own dated by the file's tracks, {trip.describe()}: {shown} (give each a "
                "<time> to date it more exactly)"
            )
        if moved:
            label, written, local = moved[0]
            day = parse_date(local).describe()
            builder.report.notes.append(
                f"{counted(len(moved), unit)}{_POSSESSIVE[len(moved) == 1]} times, written "
                "in UTC as GPX writes them, "
                "read as the local time of the nearest town's time zone, a day apart: "
                f"{label}'s {written!r} is {day} there"
            )
        if progress is not None:
            progress(len(items), len(items))
        return builder.finish(len(items))


_POSSESSIVE = ("'", "'s")


def _localise(items: list[_Item]) -> list[tuple[str, str, str]]:
    """Make each item's first and last time, written in UTC ("2024-03-01T23:30:00Z"), the
    local time of the nearest town's zone where it was ("2024-03-02T00:30:00+01:00"): a point
    just after midnight east of Greenwich is that day, not the one before. The items whose day
    that moved: (label, the time as written, the local time)."""
    from mapexplorer.formats.local_time import local_times, said_utc

    ends = [  # (item, which time, where): a waypoint's one, a line's first and last
        (item, index, point)
        for item in items
        if item.times and item.lines
        for index, point in ((0, item.lines[0][0]), (-1, item.lines[-1][-1]))[
            : 1 if len(item.times) == 1 else 2
        ]
        if said_utc(item.times[index])  # not "2019", a hand's year
    ]
    local = local_times([(lon, lat, (item.times[i],)) for item, i, (lon, lat) in ends])
    moved: list[tuple[str, str, str]] = []
    for (item, index, _), times in zip(ends, local, strict=True):
        if times is None or times[0] == item.times[index]:
            continue
        written, item.times[index] = item.times[index], times[0]
        if times[0][:10] != written.strip()[:10] and (not moved or moved[-1][0] != item.label):
            moved.append((item.label, written, times[0]))
    return moved


def _no_times(items: list[_Item], name: str) -> str:
    """Why a file with no times opens nothing, and how to convert each of its layers: how many
    of each kind it has ("3 waypoints or 1 track"), and an ogr2ogr command for each; a line
    keeps its shape as WKT, which our CSV reader reads."""
    counts = {kind: sum(i.kind == kind for i in items) for kind in _LAYERS}
    words = [f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items() if n]
    what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    commands = [
        f"ogr2ogr -f CSV {layer}.csv {name} {layer}"
        + (" -lco GEOMETRY=AS_WKT" if kind != "waypoint" else " -lco GEOMETRY=AS_XY")
        for kind, layer in _LAYERS.items()
        if counts[kind]
    ]
    return NO_TIMES.format(what=what, how="; ".join(commands))


# --- the file ----------------------------------------------------------------------------------


def _items(root: ET.Element, ns: str) -> list[_Item]:
    """Waypoints, then tracks, then routes, each numbered among its kind."""
    items = []
    for kind, tag in (("waypoint", "wpt"), ("track", "trk"), ("route", "rte")):
        for number, element in enumerate(root.findall(f"{ns}{tag}"), start=1):
            item = _Item(
                kind,
                number,
                " ".join(_text(element, ns, "name").split()),  # a pin's label: one line
                _prose(_text(element, ns, "desc")),
                _prose(_text(element, ns, "cmt")),
                _text(element, ns, "type"),
                _text(element, ns, "sym"),
                _link(element, ns),
            )
            if kind == "waypoint":
                _take_points(item, [element], ns)
            elif kind == "track":
                for segment in element.findall(f"{ns}trkseg"):
                    _take_points(item, segment.findall(f"{ns}trkpt"), ns)
            else:
                _take_points(item, element.findall(f"{ns}rtept"), ns)
            items.append(item)
    return items


def _take_points(item: _Item, points: list[ET.Element], ns: str) -> None:
    """Add a line of points (a waypoint's one) and their times to `item`."""
    line = []
    for n, point in enumerate(points, start=1):
        lat, lon = point.get("lat"), point.get("lon")
        where = "" if item.kind == "waypoint" else f"point {n}: "
        try:
            coords = (float(lon), float(lat))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            missing = [name for name, v in (("lat", lat), ("lon", lon)) if v is None]
            if missing:
                item.bad_points.append(f"{where}it has no {' or '.join(missing)} attribute")
            else:
                item.bad_points.append(f"{where}lat={lat!r} lon={lon!r} are not numbers")
            continue
        if not (abs(coords[1]) <= 90 and abs(coords[0]) <= 720):  # past 180: a turn round
            item.bad_points.append(f"{where}lat={lat} lon={lon} is off the globe")
            continue
        line.append(coords)
        time = _text(point, ns, "time")
        if time:
            item.times.append(time)
    if line:
        item.lines.append(line)


def _text(element: ET.Element, ns: str, tag: str) -> str:
    child = element.find(f"{ns}{tag}")
    return (child.text or "").strip() if child is not None else ""


def _prose(text: str) -> str:
    """A description as its text: GPX says plain text, but apps and websites write HTML in
    it ("<b>Good</b> coffee<br/>…", often in CDATA), which would show as tags."""
    return html_text(text) if has_tags(text) else text


def _link(element: ET.Element, ns: str) -> str:
    """Its web link: GPX 1.1's `<link href>`, GPX 1.0's `<url>`."""
    link = element.find(f"{ns}link")
    if link is not None and link.get("href"):
        return link.get("href", "").strip()
    return _text(element, ns, "url")


# --- one item ----------------------------------------------------------------------------------


def _ends(item: _Item) -> list[str]:
    """The times an item is dated by: its first and its last."""
    return list(dict.fromkeys((item.times[0], item.times[-1]))) if item.times else []


def _both_ways_line(both_ways: list[tuple[str, str]], order: DateOrder) -> list[str]:
    """The report's line for the items dated by a time that reads both ways."""
    if not both_ways:
        return []
    shown = ", ".join(label for label, _ in both_ways[:5]) + (" …" if len(both_ways) > 5 else "")
    one = len(both_ways) == 1
    iso = parse_date(both_ways[0][1], order).edtf
    return [
        f"{shown} {'has a <time> that reads' if one else 'have <time>s that read'} both ways "
        f"({both_ways_said(both_ways[0][1], order)}), and no time in the file says which: read "
        f"as {'day/month' if order == 'dmy' else 'month/day'}. GPX writes a time year first "
        f"({iso}T…Z), which reads one way only"
    ]


def _trip(items: list[_Item], order: DateOrder) -> TimeSpan | None:
    """The days of a file's timed tracks and routes, from the first's start to the last's
    end: the time of its waypoints when none has one (a hike's summit and hut, marked
    without a time by Garmin Connect or Komoot); None when no track or route is timed."""
    spans = []
    for item in items:
        if item.kind != "waypoint" and item.times:
            try:
                spans.append(_time(item, order))
            except DateError:
                continue
    if not spans:
        return None
    return TimeSpan.from_days(min(s.start for s in spans), max(s.end for s in spans))


def _read_item(
    builder: CatalogueBuilder,
    item: _Item,
    order: DateOrder = "dmy",
    doubt: str = "",
    trip: TimeSpan | None = None,
) -> bool:
    """Add an item's event, or its problem; whether it was added. `doubt`: its time that
    reads both ways, which no time in the file settles, for its date note; `trip`: the time
    of a waypoint that has none, the days of the file's tracks."""
    if item.kind == "waypoint" and item.bad_points:
        builder.problem(item.label, "lat/lon", item.bad_points[0])
        return False
    try:
        time = trip if trip is not None else _time(item, order)
    except DateError as exc:
        builder.problem(item.label, "time", str(exc))
        return False
    title = item.name or f"{item.kind.capitalize()} {item.number}"
    category = item.type if _WORD.search(item.type) else ""
    summary = item.summary or item.comment
    parts = RowParts(title, summary, category, item.name, "", "", "", "", ())
    extra = {
        key: value
        for key, value in (
            ("comment", item.comment if item.comment != summary else ""),
            ("type", item.type if not category else ""),
            ("symbol", item.symbol),
            ("link", item.link),
        )
        if value
    }
    try:
        place_ids = _places(builder, item, title)
    except PlaceError as exc:
        builder.problem(item.label, "geometry", str(exc))
        return False
    if item.bad_points:
        shown = "; ".join(item.bad_points[:3])
        more = f" (and {len(item.bad_points) - 3} more)" if len(item.bad_points) > 3 else ""
        builder.report.notes.append(
            f"{item.label}: {len(item.bad_points)} of its points "
            f"{'was' if len(item.bad_points) == 1 else 'were'} left out of its line, "
            f"as their coordinates cannot be read: {shown}{more}"
        )
    said = ""
    if trip is not None:
        said = f"The waypoint has no <time>: dated by the file's tracks, {trip.describe()}."
    if doubt:
        as_read = "day/month" if order == "dmy" else "month/day"
        said = (
            f"The <time> reads both ways ({both_ways_said(doubt, order)}): read as {as_read}, "
            "as no time in the file says which."
        )
    builder.add(item.label, parts, time, place_ids, extra, said)
    return True


def _time(item: _Item, order: DateOrder = "dmy") -> TimeSpan:
    """A waypoint's day, or a track's or route's days from its first point's time to its
    last's (as a KML gx:Track is dated: a watch's 30,000 points are in the order walked)."""
    if not item.times:
        if item.kind == "waypoint":
            raise DateError("the waypoint has no <time>")
        if item.kind == "route":
            raise DateError("the route's points have no <time> (a planned route has none)")
        raise DateError("the track's points have no <time>")
    ends = dict.fromkeys((item.times[0], item.times[-1]))
    days = []
    for text in ends:
        try:
            days.append(parse_date(text, order))
        except DateError as exc:
            where = "" if item.kind == "waypoint" else "a point's "
            raise DateError(f"{where}<time> {text[:40]!r}: {exc}") from None
    if len(days) == 1:
        return days[0]
    start, end = min(d.start for d in days), max(d.end for d in days)
    return TimeSpan.from_days(start, end)


_SPOTS_NAMED = 100
"""A track of single points has each as a place of its own, up to this many; more are one
place, a set of points named after the track, as a line is (one event at thousands of places
would list them all)."""


def _places(builder: CatalogueBuilder, item: _Item, title: str) -> list[str]:
    if not item.lines:
        raise PlaceError(f"the {item.kind} has no points")
    if item.kind == "waypoint":
        (point,) = item.lines[0]
        if item.name:
            return [builder.shape_place(item.name, Point(point))]
        return builder.nameless_places([Point(point)], title)
    lines = [line for line in item.lines if len(set(line)) > 1]
    if not lines:  # a segment a point (a watch paused at each one), or one spot: the points
        spots = list(dict.fromkeys(point for line in item.lines for point in line))
        if len(spots) <= _SPOTS_NAMED:  # each the spot it is, named by its town, as a
            return builder.nameless_places([Point(p) for p in spots], title)  # waypoint's
        geometry: Any = MultiPoint(spots)
    elif len(lines) == 1:
        geometry = LineString(lines[0])
    else:
        geometry = MultiLineString(lines)
    return [builder.shape_place(title, geometry)]
