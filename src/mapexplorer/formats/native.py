"""The native catalogue file: GeoJSON (RFC 7946) with EDTF dates.

One Feature per event–place pair, so QGIS, geojson.io and Google Earth converters show every
event where it happened. Event fields repeat on each of an event's features; the article and
its eras travel in a top-level foreign member, `"mapexplorer"`. Readers that do not know it
ignore it, and the file round-trips exactly through `load` and `save`.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from mapexplorer.formats.errors import FormatError, json_problem, write_atomically
from mapexplorer.model import (
    Catalogue,
    CatalogueError,
    DateError,
    Era,
    Event,
    Excerpt,
    Place,
    PlaceError,
    Source,
    TimeSpan,
)
from mapexplorer.model.event import is_slug, new_event, slug_problem
from mapexplorer.model.time import plain_days

FORMAT_VERSION = 1

# Properties derived from the event for other tools; recomputed on save, never trusted on load.
DERIVED = ("start", "end", "precision", "place", "excerpt", "place_kind")
EVENT_FIELDS = (
    "event_id", "title", "summary", "date", "category", "actors", "era", "excerpts", "date_note",
)  # fmt: skip
PLACE_FIELDS = ("place_id", "place", "place_source")
NO_EXTRA: Mapping[str, Any] = MappingProxyType({})
"""What most events carry beyond the known fields: one shared, read-only empty mapping rather
than an empty dict per event (~8 MB at 100,000 events)."""

KNOWN = set(EVENT_FIELDS) | set(PLACE_FIELDS) | set(DERIVED)


def kept_name(name: str) -> str:
    """The name a field of the opened file is written under when its own is one of an
    export's: "date (file)", a file's `date` column beside the date the event was given from
    `published_date`, which reopens as a field of that name, not as the event's date."""
    return f"{name} (file)"


# --- writing -----------------------------------------------------------------------------------


def event_place_properties(catalogue: Catalogue, event: Event, place: Place) -> dict[str, Any]:
    """The properties of one event–place Feature (shared with the GeoJSON export)."""
    return {
        "event_id": event.id,
        "title": event.title,
        "summary": event.summary,
        "date": event.time.edtf,
        "start": event.time.start_iso,
        "end": event.time.end_iso,
        "precision": event.time.precision.value,
        "place": place.name,
        "place_id": place.id,
        "place_kind": place.kind.value,
        "place_source": place.source,
        "category": event.category,
        "actors": list(event.actors),
        "era": event.era,
        "excerpt": event.excerpt,
        "excerpts": [{"text": x.text, "start": x.start, "end": x.end} for x in event.excerpts],
        "date_note": event.date_note,
        # A field of the opened file that is one of ours (its `date`, when the event's came
        # from `published_date`) is kept beside it, as "date (file)".
        **{kept_name(k) if k in KNOWN else k: v for k, v in event.extra.items()},
    }


def to_geojson(catalogue: Catalogue) -> dict[str, Any]:
    from shapely.geometry import mapping as shapely_mapping  # not at import: see model/place.py

    source = catalogue.source
    return {
        "type": "FeatureCollection",
        "mapexplorer": {
            "format": FORMAT_VERSION,
            "source": {
                "title": source.title,
                "publisher": source.publisher,
                "published": source.published,
                "published_note": source.published_note,
                "text": source.text,
            },
            "eras": [{"id": e.id, "label": e.label, "date": e.time.edtf} for e in catalogue.eras],
        },
        "features": [
            {
                "type": "Feature",
                "id": f"{event.id}@{place.id}",
                "geometry": shapely_mapping(place.geometry),
                "properties": event_place_properties(catalogue, event, place),
            }
            for event in catalogue.events
            for place in catalogue.places_of(event)
        ],
    }


def dumps(catalogue: Catalogue) -> str:
    """The file's text: one feature per line, so diffs of a catalogue stay readable."""
    doc = to_geojson(catalogue)
    features = doc.pop("features")
    head = json.dumps(doc, ensure_ascii=False, indent=1)[:-2]  # drop the closing "\n}"
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return head + ',\n "features": [\n' + ",\n".join(lines) + "\n ]\n}\n"


def save(catalogue: Catalogue, path: str | os.PathLike) -> None:
    # No cyclic collection while 100,000 features' dicts are made: it walked them again and
    # again (~1.4 s of full passes, each one a stall of the window while it exported).
    with paused_gc():
        text = dumps(catalogue)
    write_atomically(path, text)


# --- reading -----------------------------------------------------------------------------------


def load(path: str | os.PathLike, progress: Callable[[int, int], None] | None = None) -> Catalogue:
    """Read a native catalogue file; every problem is a `FormatError` naming where it is."""
    with paused_gc():
        return _load(Path(path), progress)


@contextlib.contextmanager
def paused_gc():
    """No cyclic garbage collection while a big file is read: the collector would walk the
    growing catalogue again and again (~1.5 s of a 100,000-event load); it builds no cycles,
    and reference counting frees everything as usual. Nests; re-enabled only by the outermost."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(path: Path, progress: Callable[[int, int], None] | None) -> Catalogue:
    fast = _load_fast(path, progress)
    if fast is not None:
        return fast
    # Anything the fast path leaves (including every error): the general reader says exactly
    # what and where.
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM, as some Windows editors add
    except FileNotFoundError:
        raise FormatError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise FormatError(path, "this is a folder, not a file") from None
    except UnicodeDecodeError as exc:
        raise FormatError(path, f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise FormatError(path, f"cannot read the file ({exc.strerror})") from None
    streamed = _stream(text)
    if streamed is not None:
        head, lines = streamed
        try:
            return from_geojson(head, path, progress, _parsed(lines), len(lines))
        except _NotOneFeaturePerLine:
            pass  # edited by hand or another tool: read it whole, for exact error positions
    return loads(text, path, progress)


def _shown(value: Any) -> str:
    """A value for a message: short, and quoted as the file spells it."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


class _Unusual(Exception):
    """The fast path met something it leaves to the general reader."""


_RUN_BYTES = 1 << 14
"""How much of the file the fast path parses at once: a few dozen features, one orjson call
rather than one per line; bigger runs cost more than they save (their objects leave the CPU
cache before they are read: 1 MB runs were slower than a parse per line)."""


def _load_fast(path: Path, progress: Callable[[int, int], None] | None) -> Catalogue | None:
    """Our own files, as we write them (one feature a line, every property written, every
    event's features one after another, plain values): one pass over the bytes, no
    per-feature records and no copy of the text; None for anything else, including every
    error."""
    try:
        import orjson
    except ImportError:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    start = data.find(_FEATURES_START_B)
    if start < 0 or not data.endswith(_FEATURES_END_B):
        return None
    try:
        head = orjson.loads(data[:start] + b'\n "features": []\n}')
    except orjson.JSONDecodeError:
        return None
    body, end = start + len(_FEATURES_START_B), len(data) - len(_FEATURES_END_B)
    # JSON escapes newlines inside strings, so ",\n" only ever separates features.
    total = data.count(b",\n", body, end) + 1 if end > body else 0
    holder = [data]  # handed over, so the reader can let the 50 MB go once it has read them
    del data
    try:
        return _load_streamed_unchecked(head, holder, body, end, total, path, progress)
    except (_Unusual, KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None


def _load_streamed_unchecked(
    head: dict,
    holder: list[bytes],
    body: int,
    end: int,
    total: int,
    path: Path,
    progress: Callable[[int, int], None] | None,
) -> Catalogue:
    if type(head) is not dict or head.get("type") != "FeatureCollection":
        raise _Unusual
    meta = head.get("mapexplorer", {})
    if type(meta) is not dict:
        raise _Unusual
    try:
        source, eras = _read_source(meta, path)
    except FormatError:
        raise _Unusual from None
    era_ids = {era.id for era in eras}
    import orjson

    loads = orjson.loads
    parse_date = TimeSpan.parse
    spans: dict[str, TimeSpan] = {}
    known = KNOWN
    not_event = _NOT_EVENT
    text = source.text
    data = holder.pop()
    # The file's distinct plain days, worked out as one array before the events are read
    # (~0.1 s less at 100,000 events, where each took ~5 µs as it came).
    spans.update(plain_days(d.decode("ascii") for d in set(_PLAIN_DATE_FIELD.findall(data))))
    view = memoryview(data)  # slices of it are not copies
    find = data.find
    categories: dict[str, str] = {}  # one string per category, not one per event
    position = body
    make_event = new_event
    unusual = _Unusual

    events: list[Event] = []
    seen_events: set[str] = set()
    raw_places: dict[str, tuple] = {}
    points: list[tuple] = []  # (id, name, coordinates, source)
    shapes: list[tuple] = []  # (id, name, geometry, source)

    current: dict | None = None  # the first feature's properties of the event being read
    current_id = ""
    current_places: list[str] = []
    current_record: dict | None = None

    def finish() -> None:
        """The event whose features were just read (the checks of `_read_event`)."""
        props = current
        title = props["title"]
        date = props["date"]
        if type(title) is not str or type(date) is not str or not title or title.isspace():
            raise unusual
        time = spans.get(date)
        if time is None:
            try:
                time = spans[date] = parse_date(date)
            except DateError:
                raise unusual from None
        actors = props["actors"]
        if actors:
            if type(actors) is not list or any(type(a) is not str for a in actors):
                raise unusual
            actors = tuple(actors)
        else:
            actors = ()
        excerpts = props["excerpts"]
        if excerpts:
            excerpts = _read_excerpts(excerpts, text)
        else:
            excerpts = ()
        summary = props["summary"] or ""
        category = props["category"] or ""
        category = categories.setdefault(category, category)
        era = props["era"] or ""
        date_note = props["date_note"] or ""
        if not (type(summary) is type(category) is type(era) is type(date_note) is str):
            raise unusual
        if era and era_ids and era not in era_ids:
            raise unusual
        extra = (
            NO_EXTRA
            if props.keys() <= known
            else {k: v for k, v in props.items() if k not in known}
        )
        place_ids = (
            (current_places[0],)
            if len(current_places) == 1
            else tuple(dict.fromkeys(current_places))
        )
        events.append(
            make_event(
                current_id,
                title,
                time,
                place_ids,
                summary,
                actors,
                category or "other",
                era,
                excerpts,
                date_note,
                extra,
            )  # fmt: skip
        )

    done = 0
    while position < end:
        if progress:
            progress(done, total)
        # A run of whole lines parsed as one array. Were a run to end inside a feature (not our
        # layout), it would not parse, and the general reader takes over.
        stop = find(b",\n", min(position + _RUN_BYTES, end), end)
        if stop < 0:
            stop = end
        features = loads(b"".join((b"[", view[position:stop], b"]")))
        position = stop + 2
        done += len(features)
        for feature in features:
            props = feature["properties"]
            event_id = props["event_id"]
            place_id = props["place_id"]
            geometry = feature["geometry"]
            first_raw = raw_places.get(place_id)
            if first_raw is None:
                name = props["place"]
                place_source = props["place_source"]
                if (
                    type(place_id) is not str
                    or not place_id
                    or type(name) is not str
                    or type(place_source) is not str
                    or type(geometry) is not dict
                ):
                    raise unusual
                raw_places[place_id] = (geometry, name, place_source)
                coords = geometry["coordinates"]
                if (
                    geometry["type"] == "Point"
                    and type(coords) is list
                    and len(coords) == 2
                    and type(coords[0]) in (int, float)
                    and type(coords[1]) in (int, float)
                ):
                    points.append((place_id, name, coords, place_source))
                else:
                    shapes.append((place_id, name, geometry, place_source))
            elif (
                first_raw[0] != geometry
                or first_raw[1] != props["place"]
                or first_raw[2] != props["place_source"]
            ):
                raise unusual
            if event_id == current_id:
                # A further place of the same event: its event fields must agree with the first.
                if current_record is None:
                    current_record = {k: v for k, v in current.items() if k not in not_event}
                if {k: v for k, v in props.items() if k not in not_event} != current_record:
                    raise unusual
                current_places.append(place_id)
                continue
            if current is not None:
                finish()
            if type(event_id) is not str or event_id in seen_events:
                raise unusual  # not text, or an event's features apart
            seen_events.add(event_id)
            current, current_id, current_places, current_record = props, event_id, [place_id], None
    if current is not None:
        finish()
    current = current_record = features = None
    view.release()
    del view, find, data  # the file's bytes: the rest needs only what was read from them
    raw_place_ids = raw_places.keys()
    del raw_places

    places: dict[str, Place] = {}
    try:
        if shapes:
            for place in Place.many_from_geojson(
                *(list(column) for column in zip(*shapes, strict=True))
            ):
                places[place.id] = place
        if points:
            for place in Place.points(*(list(column) for column in zip(*points, strict=True))):
                places[place.id] = place
    except PlaceError:
        raise unusual from None
    # Each event's first feature named a place, every place named became one, ids were
    # unique and eras known: all `Catalogue.validate` would check.
    if len(places) != len(raw_place_ids):
        raise unusual
    if not _all_slugs(seen_events):
        raise unusual
    del seen_events, raw_place_ids
    if progress:
        progress(total, total)
    return Catalogue.checked(events, places, eras, source)


_SLUGS = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*\n)*")


def _all_slugs(ids: Iterable[str]) -> bool:
    """`is_slug` of every id, in one regex pass over them all (ids in other scripts than
    Latin one by one)."""
    if not ids:
        return True
    text = "\n".join(ids) + "\n"
    if text.isascii():
        return text.count("\n") == len(ids) and _SLUGS.fullmatch(text) is not None
    return all(is_slug(i) for i in ids)


def _read_excerpts(excerpts: Any, text: str) -> tuple[Excerpt, ...]:
    if type(excerpts) is not list:
        raise _Unusual
    made = []
    for raw in excerpts:
        if type(raw) is not dict:
            raise _Unusual
        x_text, start, end = raw.get("text"), raw.get("start"), raw.get("end")
        if not isinstance(x_text, str) or not isinstance(start, int) or not isinstance(end, int):
            raise _Unusual
        if text and text[start:end] != x_text:
            raise _Unusual
        made.append(Excerpt(x_text, start, end))
    return tuple(made)


class _NotOneFeaturePerLine(Exception):
    pass


_FEATURES_START, _FEATURES_END = '\n "features": [\n', "\n ]\n}\n"
_FEATURES_START_B, _FEATURES_END_B = _FEATURES_START.encode(), _FEATURES_END.encode()


def _stream(text: str) -> tuple[dict, list[str]] | None:
    """Our own files hold one feature per line: parse them one at a time, so a 100,000-event
    file never exists as one giant object tree (half the peak memory, and faster)."""
    start = text.find(_FEATURES_START)
    if start < 0 or not text.endswith(_FEATURES_END):
        return None
    try:
        head = _parse_json(text[:start] + '\n "features": []\n}')
    except ValueError:
        return None
    body = text[start + len(_FEATURES_START) : -len(_FEATURES_END)]
    # JSON escapes newlines inside strings, so ",\n" only ever separates features.
    return head, (body.split(",\n") if body else [])


def _parsed(lines: list[str]):
    loads_line = _line_parser()
    for i, line in enumerate(lines):
        lines[i] = ""  # let the text go as we read
        try:
            yield loads_line(line)
        except ValueError:
            raise _NotOneFeaturePerLine from None


def _line_parser():
    try:
        import orjson

        return orjson.loads
    except ImportError:
        return json.loads


def loads(
    text: str,
    path: str | os.PathLike | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Catalogue:
    try:
        doc = _parse_json(text)
    except json.JSONDecodeError as exc:
        raise FormatError(path, json_problem(exc)) from None
    except (RecursionError, ValueError) as exc:  # nesting too deep, a number too long
        raise FormatError(path, f"not JSON we can read: {exc}") from None
    return from_geojson(doc, path, progress)


def _parse_json(text: str) -> Any:
    """orjson when installed (3-4x faster on a 50 MB file), else the standard library."""
    try:
        import orjson
    except ImportError:
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)  # the standard parser's message names line and column


def _expect(value: Any, kind: type | tuple[type, ...], path: Any, item: str, field: str) -> Any:
    if not isinstance(value, kind):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        names = names.replace("str", "text").replace("list", "a list").replace("dict", "an object")
        raise FormatError(path, f"expected {names}, found {json.dumps(value)[:60]}", item, field)
    return value


def _read_source(meta: dict, path: Any) -> tuple[Source, list[Era]]:
    version = meta.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION or type(version) is not int:
        newer = type(version) is int and version > FORMAT_VERSION
        raise FormatError(
            path,
            f"format {version} is from a newer Map Explorer; this one reads format {FORMAT_VERSION}"
            if newer
            else f"expected {FORMAT_VERSION}, found {json.dumps(version)[:60]}",
            "the mapexplorer header",
            "format",
        )
    src = _expect(meta.get("source", {}), dict, path, "the mapexplorer header", "source")
    fields = {}
    for name in ("title", "publisher", "published", "published_note", "text"):
        fields[name] = _expect(src.get(name, ""), str, path, "the source", name)
    if fields["published"]:
        try:
            datetime.date.fromisoformat(fields["published"])
        except ValueError:
            raise FormatError(
                path,
                f"{fields['published']!r} is not a real day written YYYY-MM-DD",
                "the source",
                "published",
            ) from None
    eras = []
    for i, raw in enumerate(_expect(meta.get("eras", []), list, path, "the header", "eras")):
        item = f"era {i + 1}"
        _expect(raw, dict, path, item, "")
        try:
            era_id = _expect(raw["id"], str, path, item, "id")
            label = _expect(raw["label"], str, path, f"era {era_id!r}", "label")
            date = _expect(raw["date"], str, path, f"era {era_id!r}", "date")
        except KeyError as exc:
            raise FormatError(path, "this required field is missing", item, exc.args[0]) from None
        try:
            eras.append(Era(era_id, label, TimeSpan.parse(date)))
        except DateError as exc:
            raise FormatError(path, str(exc), f"era {era_id!r}", "date") from None
    return Source(**fields), eras


def from_geojson(
    doc: Any,
    path: Any = None,
    progress: Callable[[int, int], None] | None = None,
    features: Any = None,
    total: int | None = None,
) -> Catalogue:
    """Build a catalogue from a parsed native document (or its header and an iterable of its
    features, with their number)."""
    _expect(doc, dict, path, "the document", "")
    if doc.get("type") != "FeatureCollection":
        raise FormatError(path, "not a GeoJSON FeatureCollection", "the document", "type")
    meta = _expect(doc.get("mapexplorer", {}), dict, path, "the document", "mapexplorer")
    source, eras = _read_source(meta, path)
    if features is None:
        features = _expect(doc.get("features"), list, path, "the document", "features")
        total = len(features)

    events: dict[str, dict[str, Any]] = {}
    places: dict[str, Place] = {}
    raw_places: dict[str, tuple] = {}
    pending_points: list[tuple[str, str, list, str, str, int]] = []  # created in bulk below
    place_of_event: dict[str, list[str]] = {}
    for index, feature in enumerate(features):
        if progress and index % 2000 == 0:
            progress(index, total)
        if type(feature) is not dict:
            _expect(feature, dict, path, f"feature {index + 1}", "")
        props = feature.get("properties")
        if type(props) is not dict:
            _expect(props, dict, path, f"feature {index + 1}", "properties")
        event_id = props.get("event_id")
        if not isinstance(event_id, str) or not event_id:
            raise FormatError(path, "missing or not text", f"feature {index + 1}", "event_id")
        if not is_slug(event_id):
            raise FormatError(
                path, f"{event_id!r} is not an id: {slug_problem(event_id)} (an id is "
                "lowercase letters in any script, digits and single hyphens)",
                f"feature {index + 1}",
                "event_id",
            )  # fmt: skip
        place_id = props.get("place_id")
        if not isinstance(place_id, str) or not place_id:
            item = f"feature {index + 1} (event {event_id!r})"
            raise FormatError(path, "missing or not text", item, "place_id")
        # A place repeats on each of its events' features: parse its geometry once, and
        # compare the repeats as raw JSON (a dict comparison, not a shapely parse each).
        geometry = feature.get("geometry")
        raw = (geometry, props.get("place", place_id), props.get("place_source", ""))
        first_raw = raw_places.get(place_id)
        if first_raw is None:
            raw_places[place_id] = raw
            if _is_plain_point(geometry) and type(raw[1]) is str and type(raw[2]) is str:
                pending_points.append(
                    (place_id, raw[1], geometry["coordinates"], raw[2], event_id, index + 1)
                )
            else:
                item = f"feature {index + 1} (event {event_id!r})"
                places[place_id] = _read_place(feature, props, place_id, path, item)
        elif first_raw != raw:
            item = f"feature {index + 1} (event {event_id!r})"
            place = _read_place(feature, props, place_id, path, item)
            known = places.get(place_id) or _read_place_raw(first_raw, place_id, path, item)
            if not known == place:
                raise FormatError(
                    path, f"place {place_id!r} has a different name or shape elsewhere", item,
                    "geometry",
                )  # fmt: skip
        record = _event_record(props)
        first = events.get(event_id)
        if first is None:
            events[event_id] = record
            place_of_event[event_id] = [place_id]
            continue
        # A further place of the same event: its event fields must agree with the first.
        if record != first:
            differing = next(
                (k for k in {*first, *record} if first.get(k) != record.get(k)), "properties"
            )
            item = f"feature {index + 1} (event {event_id!r})"
            problem = (
                f"is {_shown(record.get(differing))} here but {_shown(first.get(differing))} in the "
                "event's first feature; every feature of one event gives it the same value"
            )
            raise FormatError(path, problem, item, differing)
        place_of_event[event_id].append(place_id)

    if pending_points:
        try:
            made = Place.points(
                [p[0] for p in pending_points], [p[1] for p in pending_points],
                [p[2] for p in pending_points], [p[3] for p in pending_points],
            )  # fmt: skip
        except PlaceError as exc:
            place_id, _, _, _, event_id, number = pending_points[getattr(exc, "index", 0)]
            item = f"feature {number} (event {event_id!r})"
            raise FormatError(path, f"place {place_id!r}: {exc}", item, "geometry") from None
        for place in made:
            places[place.id] = place

    built = [
        _read_event(record, place_of_event[event_id], source.text, path)
        for event_id, record in events.items()
    ]
    era_ids = {era.id for era in eras}
    for event in built:
        if event.era and era_ids and event.era not in era_ids:
            raise FormatError(
                path, f"unknown era {event.era!r}: the header's eras are {sorted(era_ids)}",
                f"event {event.id!r}", "era",
            )  # fmt: skip
    if progress:
        progress(total, total)
    try:
        return Catalogue(events=built, places=places, eras=eras, source=source)
    except CatalogueError as exc:
        raise FormatError(path, str(exc)) from None


def _is_plain_point(geometry: Any) -> bool:
    """A GeoJSON Point with two plain numbers: the common case, created in bulk."""
    if type(geometry) is not dict or geometry.get("type") != "Point":
        return False
    c = geometry.get("coordinates")
    return type(c) is list and len(c) == 2 and all(type(v) in (int, float) for v in c)


def _event_record(props: dict) -> dict:
    """What a feature says about its event: its properties less the place's and the derived
    ones (kept per event until the end of the file, so kept small)."""
    return {k: v for k, v in props.items() if k not in _NOT_EVENT}


_NOT_EVENT = frozenset(PLACE_FIELDS) | frozenset(DERIVED)
_PLAIN_DATE_FIELD = re.compile(rb'"date": ?"(\d{4}-\d\d-\d\d)"')


def _extra(props: dict) -> dict:
    return {k: v for k, v in props.items() if k not in KNOWN}


def _read_place_raw(raw: tuple, place_id: str, path: Any, item: str) -> Place:
    geometry, name, source = raw
    return _read_place(
        {"geometry": geometry}, {"place": name, "place_source": source}, place_id, path, item
    )


def _read_place(feature: dict, props: dict, place_id: str, path: Any, item: str) -> Place:
    geometry = feature.get("geometry")
    if geometry is None:
        raise FormatError(path, "the feature has no geometry", item, "geometry")
    _expect(geometry, dict, path, item, "geometry")
    name = _expect(props.get("place", place_id), str, path, item, "place")
    source = _expect(props.get("place_source", ""), str, path, item, "place_source")
    try:
        return Place.from_geojson(place_id, name, geometry, source)
    except PlaceError as exc:
        raise FormatError(path, f"place {place_id!r}: {exc}", item, "geometry") from None


def _read_event(fields: dict, place_ids: list[str], text: str, path: Any) -> Event:
    """An event from its first feature's properties (the others were checked to agree)."""
    event_id = fields["event_id"]
    item = f"event {event_id!r}"
    title = fields.get("title")
    if title is not None and not isinstance(title, str):
        _expect(title, str, path, item, "title")
    if not isinstance(title, str) or not title.strip():
        raise FormatError(path, "missing or empty", item, "title")

    date = fields.get("date")
    if date is None:
        raise FormatError(path, "missing: every event needs an EDTF date", item, "date")
    _expect(date, str, path, item, "date")
    try:
        time = TimeSpan.parse(date)
    except DateError as exc:
        raise FormatError(path, str(exc), item, "date") from None
    actors = _expect(fields.get("actors") or [], list, path, item, "actors")
    for actor in actors:
        _expect(actor, str, path, item, "actors")
    excerpts = []
    for raw in _expect(fields.get("excerpts") or [], list, path, item, "excerpts"):
        _expect(raw, dict, path, item, "excerpts")
        x_text, start, end = raw.get("text"), raw.get("start"), raw.get("end")
        if not isinstance(x_text, str) or not isinstance(start, int) or not isinstance(end, int):
            raise FormatError(path, "each excerpt needs text, start and end", item, "excerpts")
        if text and text[start:end] != x_text:
            raise FormatError(
                path, f"excerpt {x_text[:40]!r}… is not the article's text at {start}–{end}",
                item, "excerpts",
            )  # fmt: skip
        excerpts.append(Excerpt(x_text, start, end))
    strings = {}
    for name in ("summary", "category", "era", "date_note"):
        strings[name] = _expect(fields.get(name) or "", str, path, item, name)
    return Event(
        id=event_id,
        title=title,
        time=time,
        place_ids=tuple(dict.fromkeys(place_ids)),
        actors=tuple(actors),
        excerpts=tuple(excerpts),
        extra=_extra(fields),
        category=strings["category"] or "other",
        summary=strings["summary"],
        era=strings["era"],
        date_note=strings["date_note"],
    )
