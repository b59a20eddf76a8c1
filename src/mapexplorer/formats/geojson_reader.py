"""Plain GeoJSON from other tools (QGIS, geojson.io, scripts) into a catalogue.

Any FeatureCollection (or a single Feature): one event per feature, or features grouped into
one event by an `event_id`-like property. The time comes from whichever properties hold it
(`fields.guess`), the place from the feature's geometry (or, when the geometry is null,
latitude/longitude properties or a place's name: `place_names`). Features that cannot be dated
or placed are reported; the rest open.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point, shape

from mapexplorer.formats import fields as fieldguess
from mapexplorer.formats.dates import parse_date
from mapexplorer.formats.errors import FormatError, json_problem, read_bytes
from mapexplorer.formats.esri_json import CRS_MEMBER
from mapexplorer.formats.fields import FieldChoice, FieldGuess, RowParts, RowReader, choice_from
from mapexplorer.formats.local_midnight import arcgis_export, local_midnights
from mapexplorer.formats.local_time import local_times, localise_cells, moved_line, said_utc
from mapexplorer.formats.markup import has_markup, html_text
from mapexplorer.formats.native import paused_gc
from mapexplorer.formats.place_names import PlaceNameError, PlacesByName, spots_of_names
from mapexplorer.formats.reading import (
    PROGRESS_EVERY,
    CatalogueBuilder,
    Progress,
    ReadReport,
    date_said,
    event_title,
    spreadsheet_days_line,
)
from mapexplorer.formats.swapped import swapped_line, swapped_rows
from mapexplorer.formats.topojson import TopologyError, is_topology, topology_features
from mapexplorer.formats.usgs import is_usgs_feed
from mapexplorer.formats.web_mercator import (
    by_their_names,
    from_web_mercator,
    is_web_mercator,
    to_degrees,
)
from mapexplorer.formats.year_slash import year_slash_lines, year_slash_note
from mapexplorer.model import Catalogue, DateError, PlaceError
from mapexplorer.model.antimeridian import WRAP_LIMIT, into_range
from mapexplorer.model.place import SWAPPED, geometry_problem
from mapexplorer.words import counted

__all__ = ["CRS_MEMBER", "features_of", "guess_document", "load_json", "read", "read_document"]


def load_json(path: str | os.PathLike) -> Any:
    """The parsed JSON of a file; `FormatError` naming the line and column when it is not."""
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(path, f"not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        features = _feature_sequence(text)
        if features is not None:
            return {"type": "FeatureCollection", "features": features}
        raise FormatError(path, json_problem(exc)) from None
    except (RecursionError, ValueError) as exc:  # nesting too deep, a number too long
        raise FormatError(path, f"not JSON we can read: {exc}") from None


class _BrokenRecord(str):
    """A GeoJSONSeq line that is not JSON: the problem, reported as its feature's."""


def _feature_sequence(text: str) -> list[Any] | None:
    """The features of newline-delimited GeoJSON (GeoJSONSeq, RFC 8142, with or without its
    record separators; ogr2ogr, tippecanoe and many scripts write it): one Feature per line.
    None when the text is not that (its first record is not a Feature). A line that is not
    JSON stands as a `_BrokenRecord`, reported as that feature's problem, so the rest opens."""
    separator = "\x1e" if text.lstrip().startswith("\x1e") else "\n"
    records = []  # (the line it starts on, its text)
    line = 1
    for chunk in text.split(separator):
        record = chunk.strip()
        if record:
            records.append((line + chunk[: chunk.find(record)].count("\n"), record))
        line += chunk.count("\n") + (separator == "\n")
    if len(records) < 2:
        return None
    features: list[Any] = []
    for line, record in records:
        try:
            features.append(json.loads(record))
        except (json.JSONDecodeError, RecursionError, ValueError) as exc:
            if not features:
                return None
            decoded = isinstance(exc, json.JSONDecodeError)
            reason = re.sub(r"\s+at$", "", exc.msg) if decoded else str(exc)
            where = f" at column {exc.colno}" if decoded else ""
            features.append(_BrokenRecord(f"line {line} is not valid JSON: {reason}{where}"))
            continue
        if len(features) == 1:
            first = features[0]
            if not isinstance(first, dict) or first.get("type") != "Feature":
                return None
    return features


def features_of(doc: Any, path: Any) -> list[Any]:
    """The features of a FeatureCollection (or of a lone Feature, or of a JSON list of
    Features, as scripts dump them)."""
    if isinstance(doc, list) and doc and isinstance(doc[0], dict) and _is_feature(doc[0]):
        return doc
    if not isinstance(doc, dict):
        raise FormatError(path, "not GeoJSON: the file holds no JSON object")
    kind = doc.get("type")
    if kind == "Feature":
        return [doc]
    if kind == "Topology":  # D3's and mapshaper's: its geometries as the features they are
        try:
            return topology_features(doc)[0]
        except TopologyError as exc:
            raise FormatError(
                path,
                f"a TopoJSON file that cannot be read ({exc}): convert it to GeoJSON "
                "(QGIS opens TopoJSON: Export ▸ Save Features As… GeoJSON; or mapshaper: -o "
                "format=geojson)",
            ) from None
    if kind != "FeatureCollection":
        raise _not_a_collection(doc, kind, path)
    features = doc.get("features")
    if not isinstance(features, list):
        raise FormatError(path, "the FeatureCollection has no list of features", "", "features")
    return features


def _is_feature(value: dict) -> bool:
    return value.get("type") == "Feature"


_GEOMETRIES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
)


def _not_a_collection(doc: dict, kind: Any, path: Any) -> FormatError:
    """Why a JSON object is not a FeatureCollection, and what to do: JSON of another GIS
    format (ArcGIS's Esri JSON), or a bare geometry, which has no properties to
    hold a date, are named as such."""
    if (
        kind is None
        and isinstance(doc.get("features"), list)
        and (
            "geometryType" in doc
            or "spatialReference" in doc
            or any(isinstance(f, dict) and "attributes" in f for f in doc["features"][:5])
        )
    ):
        return FormatError(
            path,
            "an Esri JSON (ArcGIS) feature set, not GeoJSON: save it as GeoJSON instead "
            "(ArcGIS Pro's Features To JSON with 'Output to GeoJSON' ticked, a query URL "
            "with f=geojson, or QGIS's Export ▸ Save Features As… GeoJSON)",
        )
    if kind in _GEOMETRIES:
        return FormatError(
            path,
            f"a bare GeoJSON geometry (a {kind}), with no properties to say when it happened: "
            'make it a Feature ({"type": "Feature", "geometry": …, "properties": {"date": …, '
            '"title": …}}) in a FeatureCollection',
            "",
            "type",
        )
    shown = json.dumps(kind)[:40] if kind is not None else "missing"
    return FormatError(path, f"not a GeoJSON FeatureCollection (its type is {shown})", "", "type")


def guess_document(doc: Any, path: Any = None) -> FieldGuess:
    """Which properties hold what, from the first features."""
    sample = features_of(doc, path)[: fieldguess.SAMPLE_SIZE]
    rows = [_properties(f) or {} for f in sample]
    names = list(dict.fromkeys(k for row in rows for k in row))
    # An object is read by its members ("info.date"): not itself a title or a description
    # (an "info" object is no text), though it is kept whole on the event.
    objects = {k for row in rows for k, v in row.items() if v.__class__ is dict}
    # Features named by their word ids ("summit-1985") are titled so, not by a property.
    named = any(
        f.__class__ is dict and any(c.isalpha() for c in _feature_id(f.get("id"))) for f in sample
    )
    return fieldguess.guess([n for n in names if n not in objects], rows, named=named)


def read(
    path: str | os.PathLike,
    progress: Progress | None = None,
    fields: FieldChoice | Mapping[str, Any] | None = None,
) -> tuple[Catalogue, ReadReport]:
    return read_document(load_json(path), path, progress, fields)


def read_document(
    doc: Any,
    path: str | os.PathLike,
    progress: Progress | None = None,
    fields: FieldChoice | Mapping[str, Any] | None = None,
) -> tuple[Catalogue, ReadReport]:
    """A parsed GeoJSON document as a catalogue and the report of features left out."""
    with paused_gc():
        features = features_of(doc, path)
        crs = projected_crs(doc)
        says_crs = isinstance(doc, dict) and doc.get("crs") is not None  # metres, or not
        member = doc.get(CRS_MEMBER, "crs") if isinstance(doc, dict) else "crs"  # (Esri JSON's)
        mercator = crs is not None and is_web_mercator(crs)
        # Degrees under a "crs" member copied from elsewhere: in metres, they would all be
        # within a kilometre of 0°, 0°.
        mislabelled = mercator and metres_in(features) is None
        if mercator and not mislabelled:  # QGIS's layer in the web maps' projection
            features = from_web_mercator(features)  # its metres made degrees
        guessed = guess_document(doc, path) if not isinstance(fields, FieldChoice) else None
        choice = choice_from(fields, guessed)
        if choice.time is None and features:
            names = ", ".join(repr(n) for n in (guessed.fields if guessed else ())[:30])
            unreadable = fieldguess.unreadable_time_field(guessed, "feature") if guessed else None
            raise FormatError(
                path,
                f"no property holds a date: {unreadable}"
                if unreadable
                else "no property holds a date (name it e.g. 'date', or 'start' and 'end'); "
                f"the properties are {names or 'none'}",
            )
        reader = RowReader(choice)
        builder = CatalogueBuilder(path, "feature")
        total = len(features)
        if progress is not None:
            progress(0, total)
        # Whole columns at once where we can, as the CSV reader does: a feature at a time
        # cost ~27 µs, 2.7 s for 100,000 points. The results and messages are the same.
        props = [(_properties(f) if f.__class__ is dict else None) or {} for f in features]
        midnights = _local_midnights(choice, features, props)  # ArcGIS's dates, in Unix time
        midnights += _usgs_local_times(choice, features, props)
        all_parts = [_plain(p) for p in reader.all_parts(props)]
        located = bool(choice.lat or choice.latlon or choice.wkt)  # by their properties
        named = [  # a feature without geometry is placed by its place's name, or its title
            (all_parts[i].place or ("" if located else all_parts[i].title))
            if f.__class__ is dict and _no_geometry(f.get("geometry"))
            else ""
            for i, f in enumerate(features)
        ]
        midnights += _utc_local_times(choice, features, props, named)  # "…Z": the place's day
        reader.read_days_in_bulk(props)
        slashed: dict[int, str] = {}  # features dated "2010/11" (`year_slash`) → the value
        guessed_mercator = None  # metres with no "crs" member: Web Mercator's, by the names?
        # (its first features tell: a pass over all of them cost every big file ~0.1 s)
        if crs is None and not says_crs and metres_in(features[:100]) is not None:
            guessed_mercator = _mercator_by_names(features, all_parts)
            if guessed_mercator is not None:
                features = from_web_mercator(features)
        points = _points(features)
        # Features with no geometry but a place's name (or a name, as a KML placemark's
        # <name>: "Kharkiv") are placed by the name (`place_names`).
        by_name = PlacesByName(n for n in named if n)
        for index, feature in enumerate(features):
            if progress is not None and index and index % PROGRESS_EVERY == 0:
                progress(index, total)
            item = f"feature {index + 1}"
            parts = all_parts[index]
            if feature.__class__ is dict and "id" in feature:
                parts = with_feature_id(parts, feature["id"])
            _read_feature(builder, reader, feature, item, parts, points[index], by_name, slashed)
        builder.report.notes += _swapped_line(all_parts, points)
        builder.report.asides += by_name.asides()
        builder.report.notes += by_name.notes()
        builder.report.notes += spreadsheet_days_line(reader, props)
        builder.report.notes += year_slash_lines("feature", slashed, reader.slashes)
        builder.report.notes += midnights
        if progress is not None:
            progress(total, total)
        if guessed_mercator is not None:
            builder.report.asides.append(guessed_mercator)
        if is_topology(doc):
            names = ", ".join(repr(str(n)) for n in list(doc["objects"])[:5])
            builder.report.asides.insert(
                0, f"a TopoJSON file: the geometries of its objects ({names}) read as features"
            )
        if mislabelled:
            builder.report.asides.append(
                f'its "{member}" member names Web Mercator ({crs}), but its coordinates are '
                "longitude and latitude (none is over 1,000, as Web Mercator's metres are): "
                "read as longitude and latitude"
            )
            crs = None
        elif mercator:
            builder.report.asides.append(
                f'its coordinates are Web Mercator metres ({crs}, as its "{member}" member says), '
                "not longitude and latitude: converted to longitude and latitude (WGS 84), as "
                "QGIS would reproject them"
            )
            crs = None  # read as degrees now: nothing to say of the features left out
        try:
            catalogue, report = builder.finish(total, choice, guessed)
        except FormatError as exc:
            metres = metres_in(features) if not says_crs else None
            if crs is None and metres is None:
                raise
            # Every feature off the globe, in a file that says why (or whose numbers do): say
            # it first.
            said = (
                f'its coordinates are in {crs} (its "{member}" member says so), not longitude '
                "and latitude: save it as GeoJSON in WGS 84 (EPSG:4326), e.g. with QGIS's "
                "Export ▸ Save Features As…"
                if crs is not None
                else _metres_words(*metres)  # type: ignore[misc]  (not None: said above)
            )
            raise FormatError(path, f"{said}; {exc.problem}") from None
        if (
            crs is not None and report.problems
        ):  # some features happen to fall on the globe: they may be wrong too
            report.notes.append(
                f'the file\'s "{member}" member says its coordinates are in {crs}, not longitude '
                "and latitude: the features left out may be why; save it in WGS 84 (EPSG:4326)"
            )
        elif not says_crs and report.problems and (metres := metres_in(features)) is not None:
            count = metres[0]
            whose = "1 feature's" if count == 1 else f"{count:,} features'"
            report.notes.append(_metres_words(*metres, whose=whose))
        return catalogue, report


_MOST_CHECKED = 5_000
"""A file of more features comes from a tool, not a hand: its points are not looked up
(their titles are as often names as a table's place column is)."""


def _swapped_line(all_parts: list[Any], points: list[Any]) -> list[str]:
    """The report's line for the points written latitude first ([51.5074, -0.1278] for
    London, which is in the Indian Ocean as GeoJSON reads it), by the towns the features name
    (their place, else their title: `swapped.swapped_rows`). Read as written: GeoJSON says
    which comes first, and the line says which features to look at."""
    swapped = swapped_rows(
        [
            ((parts.place or parts.title), *point) if point.__class__ is tuple else None
            for parts, point in zip(all_parts, points, strict=True)
        ],
        most=_MOST_CHECKED,
    )
    if swapped is None:
        return []
    what = ("its coordinates are", "their coordinates are")
    order = "GeoJSON gives the longitude first, [longitude, latitude]"
    return [swapped_line(swapped, "feature", what, "[{x:g}, {y:g}]", order)]


def _mercator_by_names(features: list[Any], all_parts: list[Any]) -> str | None:
    """The report's line when a file's coordinates in metres, with no "crs" member to say
    which system they are in, are Web Mercator's: most of its features that name a town the
    city table knows (by their place, else their title) are at that town read so. None when
    they are not (a national grid's metres, or no names to tell by): such a file is refused
    with where its first point would be, as before."""
    items: list[tuple[str, float, float] | None] = []
    for feature, parts in zip(features[:_MOST_CHECKED], all_parts, strict=False):
        geometry = feature.get("geometry") if feature.__class__ is dict else None
        position = _first_position(geometry)
        degrees = to_degrees(*position) if position is not None else None
        name = parts.place or parts.title
        items.append((name, *degrees) if degrees is not None and name else None)
    return by_their_names(items, 'no "crs" member says which system they are in')


_METRES = 1000.0
"""A coordinate this far from 0 is no degree: projected metres (or feet) of a GIS."""


def metres_in(features: list[Any]) -> tuple[int, tuple[float, float]] | None:
    """How many features have coordinates that look like a projection's metres rather than
    degrees ([4187547.8, 7509021.1]: a file from a GIS in Web Mercator or a national grid,
    saved without a "crs" member), and the first such position; None when none do."""
    count, first = 0, None
    for feature in features:
        geometry = feature.get("geometry") if feature.__class__ is dict else None
        position = _first_position(geometry)
        if position is not None and max(abs(position[0]), abs(position[1])) > _METRES:
            count += 1
            first = first or position
    return (count, first) if first is not None else None


def _first_position(geometry: Any) -> tuple[float, float] | None:
    """The first [x, y] of a GeoJSON geometry, when it is numbers."""
    for _ in range(20):  # a GeometryCollection's first piece, and so on
        if not isinstance(geometry, dict) or geometry.get("type") != "GeometryCollection":
            break
        pieces = geometry.get("geometries")
        geometry = pieces[0] if isinstance(pieces, list) and pieces else None
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[0]
    if not isinstance(coords, list) or len(coords) < 2:
        return None
    x, y = coords[0], coords[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (x, y)):
        return None
    try:
        x, y = float(x), float(y)
    except OverflowError:
        return None
    return (x, y) if math.isfinite(x) and math.isfinite(y) else None


def _metres_words(count: int, position: tuple[float, float], whose: str = "its") -> str:
    """What coordinates in metres are, and how to make them degrees: the file does not say
    which system they are in, so the tools must be told (both read GeoJSON as WGS 84)."""
    x, y = position
    where = ""
    if (degrees := to_degrees(x, y)) is not None:
        lon, lat = degrees
        where = (
            f"; in Web Mercator {abs(lat):.4f}° {'NS'[lat < 0]}, {abs(lon):.4f}° {'EW'[lon < 0]}"
        )
    return (
        f"{whose} coordinates look like projected metres ([{x:.10g}, {y:.10g}]{where}), not "
        'longitude and latitude, and no "crs" member says which system they are in (Web '
        "Mercator, EPSG:3857, or a national grid). Save the file in WGS 84 (EPSG:4326): in "
        "QGIS, set the layer's CRS to its system (Layer ▸ Set CRS of Layer(s)…), then Export ▸ "
        "Save Features As… with CRS EPSG:4326; or ogr2ogr -s_srs EPSG:3857 -t_srs EPSG:4326 "
        "out.geojson in.geojson (-s_srs: its system)"
    )


_LONGITUDE_LATITUDE = re.compile(r"(?:CRS:?84|EPSG:+4326)$", re.IGNORECASE)


def projected_crs(doc: Any) -> str | None:
    """The coordinate system a GeoJSON of the 2008 specification names in its "crs" member
    (QGIS writes one for any other than WGS 84), when it is not longitude/latitude: "EPSG:3857".
    None when it names none, or WGS 84 (RFC 7946 allows nothing else)."""
    crs = doc.get("crs") if isinstance(doc, dict) else None
    props = crs.get("properties") if isinstance(crs, dict) else None
    name = props.get("name") if isinstance(props, dict) else None
    if not isinstance(name, str) or not name.strip() or _LONGITUDE_LATITUDE.search(name.strip()):
        return None
    epsg = re.search(r"EPSG:+(\d+)", name, re.IGNORECASE)
    return f"EPSG:{epsg[1]}" if epsg else name.strip()[:60]


def _plain(parts: RowParts) -> RowParts:
    """A feature's title, description and place name as text, when they hold HTML, as a
    KML converted to GeoJSON (togeojson, ogr2ogr) keeps Google My Maps' ("<b>Café</b>",
    "Lunch &amp; coffee<br>…"): tags out, entities as their characters, a title on one line."""
    title, summary, place = parts.title, parts.summary, parts.place
    if not (has_markup(title) or has_markup(summary) or has_markup(place)):
        return parts
    return parts._replace(
        title=" ".join(html_text(title).split()) if has_markup(title) else title,
        summary=html_text(summary) if has_markup(summary) else summary,
        place=" ".join(html_text(place).split()) if has_markup(place) else place,
    )


def _usgs_local_times(choice: FieldChoice, features: list, props: list[dict]) -> list[str]:
    """USGS's earthquakes (a GeoJSON feed or query) are timed in UTC's Unix milliseconds: each
    made the local time where the earthquake was (the nearest town's zone), so that Taiwan's
    of 07:58 on 3 April is that day, not 2 April; the report's line for it."""
    source = choice.time
    if source is None or source.fields != ("time",) or not props:
        return []
    if not is_usgs_feed({fieldguess.normalise(n) for p in props[:5] for n in p}):
        return []
    items, placed = [], []
    for feature, own in zip(features, props, strict=True):
        geometry = feature.get("geometry") if feature.__class__ is dict else None
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        value = own.get("time")
        if (
            not isinstance(geometry, dict)
            or geometry.get("type") != "Point"
            or not isinstance(coords, list)
            or len(coords) < 2
            or not all(isinstance(c, (int, float)) for c in coords[:2])
            or value.__class__ is not int
        ):
            continue
        items.append((float(coords[0]), float(coords[1]), [str(value)]))
        placed.append(own)
    local = 0
    for own, times in zip(placed, local_times(items), strict=True):
        if times is not None:
            own["time"] = times[0]
            local += 1
    if not local:
        return []
    return [
        f"'time' is in UTC: the times of {counted(local, 'earthquake')} read as the local time "
        "of the nearest town's time zone, so each is on the day it was where it happened"
    ]


def _utc_local_times(
    choice: FieldChoice, features: list, props: list[dict], named: list[str]
) -> list[str]:
    """Times that say they are UTC ("2024-03-01T23:30:00Z") made the local time of the
    nearest town's zone where the feature is (its geometry's first point), as a KML's or
    GPX's are: a meeting at 00:30 in Paris is that day, not the one before. The report's line
    naming the features whose day moved."""
    source = choice.time
    if source is None or not any(
        (value := own.get(f)).__class__ is str and said_utc(value)
        for own in props
        for f in source.fields
    ):
        return []
    spots = [
        spot
        if (spot := _first_position(f.get("geometry") if f.__class__ is dict else None))
        and abs(spot[0]) <= 180
        and abs(spot[1]) <= 90
        else None
        for f in features
    ]
    if any(spot is None and name for spot, name in zip(spots, named, strict=True)):
        at = spots_of_names(named)  # features without geometry, at the town they name
        spots = [at.get(n) if s is None and n else s for s, n in zip(spots, named, strict=True)]
    before = [{f: own.get(f) for f in source.fields} for own in props]
    moved = localise_cells(props, source.fields, spots)
    for feature, own, was in zip(features, props, before, strict=True):
        given = feature.get("properties") if feature.__class__ is dict else None
        if isinstance(given, dict):  # the feature's own properties, as `_local_midnights`
            for name, value in was.items():
                if given.get(name) == value and own.get(name) != value:
                    given[name] = own[name]
    if not moved:
        return []
    index, written, local = moved[0]
    title = props[index].get("name") or props[index].get("title") or ""
    item = f"feature {index + 1}" + (
        f" ({title[:40]!r})" if title.__class__ is str and title else ""
    )
    return [moved_line(len(moved), "feature", item, written, local)]


def _local_midnights(choice: FieldChoice, features: list, props: list[dict]) -> list[str]:
    """Time properties of Unix times at a local midnight east of Greenwich, as ArcGIS stores
    a date (`local_midnight`), made the ISO days they stand for, in the features' own
    properties (which `_read_feature` reads): the report's lines for them."""
    lines: list[str] = []
    source = choice.time
    if source is None or source.kind not in ("date", "span"):
        return []  # a "timestamp" or "time" property: a clock's, as written
    arcgis = any(arcgis_export(p) for p in props[:1])
    for name in source.fields:
        values = [p.get(name) for p in props]
        found = local_midnights(name, values, "feature", unsaid_utc=arcgis)
        if found is None:
            continue
        lines.append(found.line)
        for feature, own in zip(features, props, strict=True):
            value = own.get(name)
            if value.__class__ in (int, float, str) and value in found.days:
                own[name] = found.days[value]
                given = feature.get("properties")
                if isinstance(given, dict) and given.get(name) == value:
                    given[name] = found.days[value]
    return lines


def _properties(feature: Any) -> dict | None:
    if not isinstance(feature, dict):
        return None
    props = feature.get("properties")
    props = props if isinstance(props, dict) else ({} if props is None else None)
    if props is not None and ("when" in feature or props.get("when").__class__ is dict):
        when = linked_places_when(props.get("when", feature.get("when")))
        if when is not None:  # read as a "when" property (a date's name) holding it
            props = {**props, "when": when}
    return _flattened(props) if props else props


def _flattened(props: dict) -> dict:
    """The properties with each object's members beside it, named as pandas.json_normalize
    names them ("info": {"date": …} gives "info.date"), one level deep, so that a date or a
    title in an object is found; a property of that name in the file wins."""
    if not any(v.__class__ is dict for v in props.values()):
        return props
    out = dict(props)
    for key, value in props.items():
        if value.__class__ is dict and key.__class__ is str:
            for member, inner in value.items():
                out.setdefault(f"{key}.{member}", inner)
    return out


def _without_members(extra: dict, feature: dict) -> dict:
    """The extra properties less the members `_flattened` added: their object is kept whole,
    as the file has it (an export writes it, and no member twice)."""
    raw = feature.get("properties")
    raw = raw if isinstance(raw, dict) else {}
    return {k: v for k, v in extra.items() if k in raw or "." not in k}


def linked_places_when(when: Any) -> str | None:
    """The Linked Places format's `when` (historians' gazetteers: World Historical Gazetteer,
    Pelagios) as an EDTF interval: {"timespans": [{"start": {"in": "1200"}, "end": {"in":
    "1300"}}]} is "1200/1300". A bound given as {"earliest": …, "latest": …} is taken at its
    widest; several timespans make one, from the first start to the last end. None when it
    holds no timespan."""
    spans = when.get("timespans") if isinstance(when, dict) else None
    if not isinstance(spans, list):
        return None
    bounds = []  # (start, end) texts
    for span in spans:
        if isinstance(span, dict):
            start, end = span.get("start"), span.get("end")
            first = _when_bound(start, "earliest")
            last = _when_bound(end, "latest") or _when_bound(start, "latest")
            if first or last:
                bounds.append((first or last, last or first))
    if not bounds:
        return None
    if len(bounds) > 1:  # the widest: by the days each bound means, when they all read
        try:
            days = [(parse_date(a).start, parse_date(b).end) for a, b in bounds]
        except DateError:
            pass  # reported as the date it is, in the feature's own words
        else:
            first = bounds[min(range(len(days)), key=lambda i: days[i][0])][0]
            last = bounds[max(range(len(days)), key=lambda i: days[i][1])][1]
            bounds = [(first, last)]
    first, last = bounds[0]
    return first if first == last else f"{first}/{last}"


def _when_bound(bound: Any, widest: str) -> str:
    """A Linked Places timespan's start or end: its "in", else its `widest` ("earliest" for a
    start, "latest" for an end) or the other; "" when it has none."""
    if not isinstance(bound, dict):
        return ""
    other = "latest" if widest == "earliest" else "earliest"
    for key in ("in", widest, other):
        value = bound.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return ""


def _read_feature(
    builder: CatalogueBuilder,
    reader: RowReader,
    feature: Any,
    item: str,
    parts: RowParts | None = None,
    point: tuple[float, float] | PlaceError | None = None,
    by_name: PlacesByName | None = None,
    slashed: dict[int, str] | None = None,
) -> None:
    """One feature's event, or its problem. `parts` and `point`, when given, were worked out
    for all features at once (`RowReader.all_parts`, `_points`); `point` None: not a Point.
    `slashed` gathers the features dated by a value that reads two ways ("2010/11"), by
    their numbers."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        broken = isinstance(feature, _BrokenRecord)
        builder.problem(item, "", str(feature) if broken else "not a GeoJSON Feature")
        return
    props = _properties(feature)
    if props is None:
        builder.problem(item, "properties", "the properties are not an object")
        return
    if parts is None:
        parts = _plain(reader.parts(props))
    if parts.title:
        item = f"{item} ({parts.title[:40]!r})"
    time_source = reader.time_source_for(props)  # the file's, or the feature's own
    try:
        time = reader.time_from(props, time_source)
    except DateError as exc:
        message = str(exc)
        if (
            time_source is not None
            and not any(name in props for name in time_source.fields)
            and not fieldguess.row_time_sources(dict.fromkeys(props, "x"))  # none, even empty
        ):
            names = " or ".join(repr(name) for name in time_source.fields)
            message = f"the feature has no {names} property (nor any other date)"
        builder.problem(item, time_source.label if time_source else "", message)
        return
    try:
        if point is None:
            title = event_title(item, parts)
            place_ids = _places(builder, reader, feature, props, parts, title, by_name)
        elif point.__class__ is PlaceError:
            raise point
        else:
            place_ids = [_point_place(builder, point, parts)]
    except PlaceNameError as exc:
        field = reader.choice.place if parts.place else reader.choice.title
        geometry = feature.get("geometry")
        lacks = (
            "the feature has no geometry"
            if geometry is None
            else f"the feature's {geometry.get('type')} is empty"
        )
        builder.problem(item, field or "geometry", f"{lacks}, and {exc}")
        return
    except PlaceError as exc:
        builder.problem(item, "geometry", str(exc))
        return
    extra = _without_members(reader.extra(props), feature)
    feature_id = _feature_id(feature.get("id"))
    if feature_id and feature_id != parts.id and not feature_id.startswith(f"{parts.id}@"):
        extra.setdefault(FEATURE_ID, feature_id)  # the property's id is the event's: keep both
    cells = [props.get(name) for name in time_source.fields] if time_source else []
    said = date_said(cells, time)
    if not said and reader.slashes and time_source == reader.choice.time:
        cell = next((c for c in cells if c.__class__ is str and c in reader.slashes), None)
        if cell is not None:
            said = year_slash_note(cell, reader.slashes[cell])
            if slashed is not None:  # "feature 3", its number
                slashed[int(item.split()[1])] = cell
    builder.add(item, parts, time, place_ids, extra, said)


FEATURE_ID = "feature_id"
"""The extra property that keeps a Feature's own `id` (RFC 7946) when an id property names its
event instead (not our exports' "event@place", which the event's id and place make again)."""


def _feature_id(value: Any) -> str:
    """A Feature's `id` as text: RFC 7946 allows a string or a number; "" for anything else."""
    if value.__class__ is str:
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return str(int(value)) if float(value).is_integer() else str(value)
    return ""


def with_feature_id(parts: RowParts, value: Any) -> RowParts:
    """A Feature's parts with its own `id` (RFC 7946) as the event's id when no property gives
    one, and as its title when nothing else names it and the id is a word rather than a number
    ("way/4089", "summit-1985", not "3": a feature is better called "Feature 3" by its place in
    the file than "3")."""
    feature_id = _feature_id(value)
    if not feature_id:
        return parts
    if not parts.id:
        parts = parts._replace(id=feature_id)
    if not (parts.title or parts.place) and any(c.isalpha() for c in feature_id):
        parts = parts._replace(title=feature_id)
    return parts


def _places(
    builder: CatalogueBuilder,
    reader: RowReader,
    feature: dict,
    props: dict,
    parts,
    title: str,
    by_name: PlacesByName | None = None,
) -> list[str]:
    name = parts.place or title  # a line or area is named after its event ("Feature 3")
    geometry = feature.get("geometry")
    if _no_geometry(geometry):
        shape_ = reader.shape(props)
        if shape_ is not None:
            return [builder.shape_place(name, shape_, parts.place_id)]
        point = reader.point(props)
        if point is not None:
            return [_point_place(builder, point, parts)]
        # Its place's name, else its own (a pin's label, as a KML placemark's <name>), unless
        # the file's features are placed by their coordinates' properties
        choice = reader.choice
        named = parts.place or ("" if choice.lat or choice.latlon or choice.wkt else parts.title)
        if named:
            by_name = by_name or PlacesByName()
            return by_name.places(builder, named, parts.place_id)
        if fields := [n for n in (choice.lat, choice.lon, choice.latlon, choice.wkt) if n]:
            empty = " and ".join(repr(n) for n in fields)
            raise PlaceError(
                f"the feature has no geometry, and its {empty} {'are' if len(fields) > 1 else 'is'} empty"
            )
        if geometry is not None:
            raise PlaceError(
                f"the feature's {geometry.get('type')} is empty (it holds no coordinates), and "
                "it has no place name to find it by"
            )
        raise PlaceError("the feature has no geometry (and no place name to find it by)")
    if not isinstance(geometry, dict):
        raise PlaceError("the geometry is not a GeoJSON object")
    point = _simple_point(geometry)
    if point is not None:
        return [_point_place(builder, point, parts)]
    try:
        geom = shapely.force_2d(shape(geometry))
    except Exception as exc:  # shapely raises several types for malformed GeoJSON
        raise PlaceError(
            geometry_problem(geometry, exc, "not a GeoJSON geometry we can read")
        ) from None
    if geom.geom_type == "GeometryCollection":
        pieces = list(geom.geoms)
        if not pieces:
            raise PlaceError("the geometry is empty")
        if not (parts.place or parts.place_id):  # named as a nameless Point or Polygon would be
            return builder.nameless_places(pieces, title)
        return [
            builder.shape_place(f"{name} ({n})", piece, "")
            for n, piece in enumerate(pieces, start=1)
        ]
    return [builder.shape_place(name, geom, parts.place_id)]


def _no_geometry(geometry: Any) -> bool:
    """A feature without a geometry: null, or one that holds nothing ("coordinates": [], as a
    tool writes a point it could not place; a GeometryCollection of none). Such a feature is
    placed by its name, as a KML placemark with an empty <Point/> is."""
    if geometry is None:
        return True
    if geometry.__class__ is not dict or geometry.get("type").__class__ is not str:
        return False
    if geometry["type"] == "GeometryCollection":
        return geometry.get("geometries") == []
    return geometry.get("coordinates") == []


def _points(features: list[Any]) -> list[Any]:
    """Each Feature's Point as `_simple_point` reads it — (lon, lat), or the `PlaceError` saying
    what is wrong with it — checked as one array; None for a feature that is not a Feature
    with a Point geometry (read one at a time)."""
    out: list[Any] = [None] * len(features)
    where, pairs = [], []
    for index, feature in enumerate(features):
        if feature.__class__ is not dict or feature.get("type") != "Feature":
            continue
        geometry = feature.get("geometry")
        if geometry.__class__ is dict and geometry.get("type") == "Point":
            coords = geometry.get("coordinates")
            if coords == []:
                continue  # an empty point: placed by its name (`_places`)
            if coords.__class__ is list and 2 <= len(coords) <= 3:
                lon, lat = coords[0], coords[1]
                # Exactly numbers: numpy would take True and "12.5" as numbers too.
                if (lon.__class__ is float or lon.__class__ is int) and (
                    lat.__class__ is float or lat.__class__ is int
                ):
                    where.append(index)
                    pairs.append((lon, lat))
                    continue
            out[index] = _checked_point(geometry)
    if not pairs:
        return out
    try:
        lonlat = np.array(pairs, dtype=float)
    except OverflowError:  # an integer beyond any float: one at a time says which
        for index in where:
            out[index] = _checked_point(features[index]["geometry"])
        return out
    good = np.isfinite(lonlat).all(axis=1) & (np.abs(lonlat) <= (180, 90)).all(axis=1)
    for index, ok, pair in zip(where, good.tolist(), lonlat.tolist(), strict=True):
        out[index] = tuple(pair) if ok else _checked_point(features[index]["geometry"])
    return out


def _checked_point(geometry: dict) -> tuple[float, float] | PlaceError:
    try:
        return _simple_point(geometry)  # type: ignore[return-value]  (a Point: never None)
    except PlaceError as exc:
        return exc


def _simple_point(geometry: dict) -> tuple[float, float] | None:
    """(lon, lat) of a Point geometry, checked; None for every other geometry."""
    if geometry.get("type") != "Point":
        return None
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or not 2 <= len(coords) <= 3:
        raise PlaceError("a Point needs [longitude, latitude]")
    lon, lat = coords[0], coords[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
        raise PlaceError(f"the coordinates {json.dumps(coords)[:40]} are not numbers")
    try:
        lon, lat = float(lon), float(lat)
    except OverflowError:
        raise PlaceError("the coordinates are far too large") from None
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise PlaceError("the coordinates are not finite numbers")
    if not -180 <= lon <= 180 and -WRAP_LIMIT <= lon <= WRAP_LIMIT and -90 <= lat <= 90:
        # A marker past 180° (Leaflet, geojson.io, a 0…360 tool): the same spot a turn back
        lon = into_range(Point(lon, lat)).x
    if not -180 <= lon <= 180:
        raise PlaceError(f"longitude {lon:g} is out of range -180…180")
    if not -90 <= lat <= 90:
        swapped = -90 <= lon <= 90 and -180 <= lat <= 180
        hint = f"; {SWAPPED}, so write [{lat:g}, {lon:g}]" if swapped else ""
        raise PlaceError(f"latitude {lat:g} is out of range -90…90{hint}")
    return lon, lat


def _point_place(builder: CatalogueBuilder, point: tuple[float, float], parts) -> str:
    if parts.place or parts.place_id:  # a place's name defaults to its id, as in our files
        return builder.point_place(parts.place or parts.place_id, *point, parts.place_id)
    return builder.unnamed_point_place(*point)  # a spot: every feature there shares it
