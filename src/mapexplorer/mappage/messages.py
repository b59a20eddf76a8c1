"""The JSON messages Python sends the page: small, and built from the model only.

The catalogue goes once per file, in bulk: numbers as base64 typed arrays (little-endian), so
100,000 events cost a few megabytes and one JSON.parse, not 100,000 objects; events sorted by
start, which is what lets the page diff a time move instead of looping over everything.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from itertools import chain
from operator import attrgetter

import numpy as np
import shapely

from mapexplorer.colours import CATEGORY_COLOURS
from mapexplorer.mappage.js import js_string  # noqa: F401  (messages.js_string, as before)
from mapexplorer.model import Catalogue, antimeridian
from mapexplorer.model.state import ExplorerState
from mapexplorer.model.time import PLAIN_DAY_WORDS, TimeSpan, describe_all
from mapexplorer.words import counted

_KIND_CODES = {"point": 0, "route": 1, "region": 2}


def _b64(array: np.ndarray, dtype: str) -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


def _dates(times: list[TimeSpan]) -> tuple[list[str | None], np.ndarray]:
    """Each distinct date in words (`span.describe()`; None for a plain day, which the page
    words from its day number), and which of them each event has: a 100,000-event file has
    about half as many distinct dates, sent and kept once each."""
    edtfs = list(map(_edtf, times))
    spans = dict(zip(edtfs, times, strict=True))  # distinct, in order of first use
    number = {edtf: i for i, edtf in enumerate(spans)}
    index = np.fromiter(map(number.__getitem__, edtfs), np.int64, len(edtfs))
    return describe_all(list(spans.values()), plain_days=False), index


# Per-event fields read with C-level getters: a generator per field costs ~50 ms at 100,000.
_edtf, _event_id, _title, _time = (
    attrgetter("edtf"), attrgetter("id"), attrgetter("title"), attrgetter("time")
)  # fmt: skip
_place_ids, _name, _geometry = attrgetter("place_ids"), attrgetter("name"), attrgetter("geometry")


def geometry_buffers(geometries: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lon/lat pairs, ring starts, each geometry's first ring) for any mix of geometries.

    A "ring" is a run of vertices drawn as one: a point, a line, or a polygon's outline or hole.
    Shapes across the antimeridian come arranged (`antimeridian.arranged`): longitudes may
    pass ±180 there, so that each is drawn in one piece.
    """
    geoms = antimeridian.arranged_all(geometries)
    types = shapely.get_type_id(geoms)
    # Per geometry type, in bulk (shapely's ragged arrays: no object per part or ring, which
    # cost 0.4 s at 100,000 events): each ring's geometry, length and vertices.
    owners, lengths, vertices = [], [], []
    # Not `np.unique`: numpy 2 imports numpy.ma for it, ~40-100 ms of every launch.
    for kind in sorted(set(types.tolist())):
        picked = types == kind
        owner, length, xy = _rings_of_one_type(geoms[picked], np.flatnonzero(picked), int(kind))
        owners.append(owner)
        lengths.append(length)
        vertices.append(xy)
    ring_owner = np.concatenate([np.zeros(0, np.int64), *owners])
    ring_len = np.concatenate([np.zeros(0, np.int64), *lengths])
    coords = np.concatenate([np.zeros((0, 2)), *vertices])
    # Every ring by geometry (stable: each geometry keeps its own rings' order).
    ring_from = np.cumsum(ring_len) - ring_len
    order = np.argsort(ring_owner, kind="stable")
    ring_len, ring_from = ring_len[order], ring_from[order]
    ring_start = np.zeros(len(order) + 1, dtype=np.int64)
    np.cumsum(ring_len, out=ring_start[1:])
    gather = np.repeat(ring_from - ring_start[:-1], ring_len) + np.arange(ring_start[-1])
    first_ring = np.zeros(len(geoms) + 1, dtype=np.int64)
    np.cumsum(np.bincount(ring_owner, minlength=len(geoms)), out=first_ring[1:])
    return coords[gather], ring_start, first_ring


def _rings_of_one_type(
    geoms: np.ndarray, owner: np.ndarray, kind: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(each ring's geometry, each ring's length, the vertices ring after ring) for geometries
    of one type: Point 0, LineString 1, Polygon 3, MultiPoint 4, MultiLineString 5,
    MultiPolygon 6 (the types a place can have)."""
    if kind == 0:  # a point: a ring of one vertex
        return owner, np.ones(len(owner), np.int64), shapely.get_coordinates(geoms)
    if kind not in (1, 3, 4, 5, 6):
        raise ValueError(f"a place cannot be drawn from a geometry of type {kind}")
    if kind == 3:
        # A polygon without holes (nearly all) is one ring of all its vertices; shapely's ragged
        # arrays would copy each ring as a geometry first (0.2 s for 5,000 regions).
        plain = shapely.get_num_interior_rings(geoms) == 0
        xy, of = shapely.get_coordinates(geoms[plain], return_index=True)
        rings = (owner[plain], np.bincount(of, minlength=int(plain.sum())), xy.reshape(-1, 2))
        if plain.all():
            return rings
        holed = _rings_with_offsets(geoms[~plain], owner[~plain])
        return tuple(np.concatenate(pair) for pair in zip(rings, holed, strict=True))
    # Lines and multipoints from their vertices, multilines from their lines: not from shapely's
    # ragged arrays, whose `np.unique` imports numpy.ma (~20-40 ms of a launch with routes).
    if kind in (1, 4):  # a line is one ring; so is each of a multipoint's points
        xy, of = shapely.get_coordinates(geoms, return_index=True)
        if kind == 4:
            return owner[of], np.ones(len(xy), np.int64), xy
        return owner, np.bincount(of, minlength=len(geoms)), xy
    if kind == 5:  # each of a multiline's lines is a ring, in their order
        lines, of = shapely.get_parts(geoms, return_index=True)
        xy, line_of = shapely.get_coordinates(lines, return_index=True)
        return owner[of], np.bincount(line_of, minlength=len(lines)), xy
    return _rings_with_offsets(geoms, owner)


def _rings_with_offsets(
    geoms: np.ndarray, owner: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`_rings_of_one_type` from shapely's ragged arrays (polygons with holes, multipolygons)."""
    _, xy, offsets = shapely.to_ragged_array(geoms, include_z=False)
    length = np.diff(offsets[0])  # polygons' outlines and holes
    # Up the levels: rings per polygon, then polygons per multipolygon.
    for level in reversed(offsets[1:]):
        owner = np.repeat(owner, np.diff(level))
    return owner, length, xy


def catalogue_message(catalogue: Catalogue) -> dict:
    """Everything the page draws, sent once per opened file. Kept on the catalogue object, so
    the file loader's worker thread can build it ahead of the GUI thread."""
    cached = catalogue.__dict__.get("_page_message")
    if cached is None:
        cached = catalogue.__dict__["_page_message"] = _build_catalogue_message(catalogue)
    return cached


def catalogue_message_json(catalogue: Catalogue) -> bytes:
    """`catalogue_message` as UTF-8 JSON, the form `QtMapView` sends it in. Megabytes at
    100,000 events: made on the loader's thread too, kept on the catalogue until sent, and made
    in one step so that the message never exists as a dict and as JSON at once."""
    cached = catalogue.__dict__.get("_page_message_json")
    if cached is None:
        message = catalogue.__dict__.pop("_page_message", None) or _build_catalogue_message(
            catalogue
        )
        cached = catalogue.__dict__["_page_message_json"] = _dumps_bytes(message)
        catalogue.__dict__["_page_message_size"] = len(cached)
    return cached


def catalogue_message_size(catalogue: Catalogue) -> int | None:
    """The length of `catalogue_message_json` when it has been made (it may be forgotten
    since), else None."""
    return catalogue.__dict__.get("_page_message_size")


def _dumps_bytes(message: dict) -> bytes:
    """Compact JSON; orjson when installed (10 MB in 30 ms rather than 300)."""
    try:
        import orjson

        return orjson.dumps(message)
    except ImportError:
        pass
    except TypeError:  # a lone surrogate ("\ud800" in a file's text) is not UTF-8: escape it
        return json.dumps(message, separators=(",", ":")).encode("ascii")
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def forget_catalogue_message(catalogue: Catalogue) -> None:
    """The page has its copy: let the megabytes go."""
    catalogue.__dict__.pop("_page_message", None)
    catalogue.__dict__.pop("_page_message_json", None)


def _place_names(catalogue: Catalogue, place_ids: list[str], places: list) -> list[str]:
    """Each place's name as the window shows it (`Catalogue.place_label`)."""
    names = list(map(_name, places))
    labels = catalogue.place_labels
    if labels:
        names = [labels.get(pid, name) for pid, name in zip(place_ids, names, strict=True)]
    return names


def _build_catalogue_message(catalogue: Catalogue) -> dict:
    place_ids = list(catalogue.places)
    index = dict(zip(place_ids, range(len(place_ids)), strict=True))
    places = list(catalogue.places.values())
    if places:
        coords, ring_start, first_ring = geometry_buffers(list(map(_geometry, places)))
    else:
        coords, ring_start, first_ring = np.zeros((0, 2)), np.zeros(1), np.zeros(1)
    events = catalogue.chronological()  # by start: the page relies on it
    n = len(events)
    columns = catalogue.columns
    categories = sorted(set(columns.categories) | set(CATEGORY_COLOURS))
    cat_index = np.array([categories.index(c) for c in columns.categories] or [0], dtype=np.int64)
    places_of_events = list(map(_place_ids, events))
    place_start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, places_of_events), np.int64, n), out=place_start[1:])
    # Each event's places as indices into `place_ids`, all events' in one run.
    event_places = np.fromiter(
        map(index.__getitem__, chain.from_iterable(places_of_events)),
        np.int64,
        int(place_start[-1]),
    )
    del places_of_events
    bounds = catalogue.focus_bounds() if events else None
    date_words, date_index = _dates(list(map(_time, events)))
    return {
        "type": "catalogue",
        "places": {
            "ids": place_ids,
            "names": _place_names(catalogue, place_ids, places),
            "kinds": _b64([_KIND_CODES[p.kind.value] for p in places], "<u1"),
            "coords": _b64(coords, "<f8"),
            "ringStart": _b64(ring_start, "<i4"),
            "placeRing": _b64(first_ring, "<i4"),
        },
        "events": {
            "ids": list(map(_event_id, events)),
            "titles": list(map(_title, events)),
            "dateWords": date_words,
            "dateIndex": _b64(date_index, "<i4"),
            "start": _b64(columns.start, "<i4"),
            "end": _b64(columns.end, "<i4"),
            "soft": _b64(~columns.exact, "<u1"),
            "cat": _b64(cat_index[columns.category], "<u1"),
            "placeStart": _b64(place_start, "<i4"),
            "places": _b64(event_places, "<i4"),
        },
        "dayWords": PLAIN_DAY_WORDS,
        "categories": categories,
        "colours": CATEGORY_COLOURS,
        "bounds": bounds,
    }


def state_batch(state: ExplorerState) -> bytes:
    """The whole state as one message (JSON), so the page draws once, with everything set:
    the catalogue (ready-made JSON, made on the loader's thread; the batch is spliced round it
    in one copy of its megabytes), the filter, the time and the selection."""
    rest = [
        filter_message(state),
        time_message(state) if state.catalogue.events else None,
        # A selection made before the page was ready (--select): frame it now.
        select_message(state.selected, fly=state.selected is not None),
    ]
    tail = "".join("," + json.dumps(m, separators=(",", ":")) for m in rest if m is not None)
    return b"".join(
        (
            b'{"type":"batch","messages":[',
            catalogue_message_json(state.catalogue),
            (tail + "]}").encode("utf-8"),
        )
    )


def time_message(state: ExplorerState) -> dict:
    start, end = state.window()
    return {
        "type": "time",
        "start": start,
        "end": end,
        "now": state.time,
        "mode": state.mode.value,
        "rangeStart": state.catalogue.time_range()[0] if state.catalogue.events else 0,
    }


def filter_message(state: ExplorerState) -> dict:
    """The events passing the filter; with `note`, what the map says when none does (else a
    filter that hid every event left a blank map, as if the file held nothing)."""
    if state.filter.is_empty:
        return {"type": "filter", "ids": None}
    ids = [e.id for e in state.filtered_events()]
    if ids or not state.catalogue.events:
        return {"type": "filter", "ids": ids}
    return {"type": "filter", "ids": ids, "note": no_match_note(state)}


def no_match_note(state: ExplorerState) -> str:
    """The map's note for a filter that matches nothing: what it asks for, and how to clear it."""
    total = counted(len(state.catalogue.events), "event")
    how = " (Escape in its box clears the text)" if state.filter.text else ""
    return (
        f"No events match {state.filter.described()}.\n"
        f"Clear the filter in the Events tab{how} to show all {total}."
    )


def out_of_time_note(state: ExplorerState) -> str | None:
    """The map's note for a filter whose events are all outside the time shown (the map blank,
    the list full of them), and how to go to them; None when the map shows one, or no filter
    is on. The track's Page Down goes to the next event of any kind, not the next match: the
    list goes to a match (a row chosen, or Down in the filter box: the list's first)."""
    outside = state.matches_out_of_time()
    if outside is None:
        return None
    before, after = outside
    total, asked = before + after, state.filter.described()
    if total == 1:
        where = f"1 event matches {asked}; it is {'after' if after else 'before'} the time shown"
    elif not (before and after):
        where = (
            f"{total:,} events match {asked}, all {'after' if after else 'before'} the time shown"
        )
    else:
        where = (
            f"{total:,} events match {asked}: {before:,} before the time shown, {after:,} after it"
        )
    return (
        f"{where}.\nChoose {'it' if total == 1 else 'one'} in the Events list to go there "
        f"(Down in the filter box goes to {'it' if total == 1 else 'the first'})."
    )


def map_note(state: ExplorerState) -> str | None:
    """What the map says over its middle now: that the filter matches nothing
    (`no_match_note`) or nothing in the time shown (`out_of_time_note`); else None."""
    if state.filter.is_empty or not state.catalogue.events:
        return None
    if not state.match_count():
        return no_match_note(state)
    return out_of_time_note(state)


def select_message(event_id: str | None, fly: bool) -> dict:
    return {"type": "select", "id": event_id, "fly": fly}


def fit_message(catalogue: Catalogue, events: Iterable) -> dict | None:
    events = list(events)
    if not events:
        return None
    return {"type": "fit", "bounds": catalogue.bounds(events)}
