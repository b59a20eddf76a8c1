"""CSV and TSV from spreadsheets and conflict-event exports (ACLED, GDELT) into a catalogue.

The delimiter (comma, semicolon, tab or bar) and the encoding (UTF-8 with or without a byte
order mark, UTF-16 as Excel's "Unicode text" or without its mark, else Windows-1252/Latin-1)
are detected; the columns are guessed by `fields.guess`. Places come from latitude/longitude
columns or a WKT column, else from a place's name ("Paris, France": `place_names`). Rows that
cannot be dated or placed are reported and the rest still open.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from mapexplorer.formats import fields as fieldguess
from mapexplorer.formats import table_mercator
from mapexplorer.formats.acled import acled_time
from mapexplorer.formats.csvfile import may_hold_protected_cells, unprotect_cell
from mapexplorer.formats.dates import date_note, ongoing, parse_date, unknown_end
from mapexplorer.formats.encodings import NAMES, mixed_text, single_byte_text
from mapexplorer.formats.errors import MAX_BYTES, FormatError, read_bytes
from mapexplorer.formats.fields import FieldChoice, FieldGuess, RowParts, RowReader, choice_from
from mapexplorer.formats.gdelt import gdelt_header
from mapexplorer.formats.header_rows import names_below_groups, two_row_header
from mapexplorer.formats.invisible import stripped, visible
from mapexplorer.formats.local_midnight import arcgis_export, local_midnights
from mapexplorer.formats.local_time import local_times, localise_cells, moved_line, said_utc
from mapexplorer.formats.native import paused_gc
from mapexplorer.formats.place_names import PlacesByName, spots_of_names
from mapexplorer.formats.reading import (
    PROGRESS_EVERY,
    CatalogueBuilder,
    Progress,
    ReadReport,
    hijri_dates,
    noted_date,
    ongoing_date,
    spreadsheet_days_line,
)
from mapexplorer.formats.report import numbered
from mapexplorer.formats.swapped import SwappedRows, swapped_rows
from mapexplorer.formats.table_mercator import MercatorColumns
from mapexplorer.formats.totals import is_totals_word, totals_word
from mapexplorer.formats.wikidata import sparql_tsv
from mapexplorer.formats.year_slash import year_slash_lines, year_slash_note
from mapexplorer.model import Catalogue, DateError, PlaceError, TimeSpan
from mapexplorer.words import counted

__all__ = [
    "guess_fields",
    "guess_records_fields",
    "guess_workbook_fields",
    "json_table",
    "read",
    "read_records",
    "read_table",
    "read_workbook",
]

DELIMITERS = (",", ";", "\t", "|")
_SNIFF_CHARS = 65536

# The csv module refuses a cell over 128 KiB, but a WKT cell holds a whole shape: a country's
# outline from QGIS (or our own CSV export of one) runs to megabytes. A cell may be as large
# as a file we read at all.
csv.field_size_limit(MAX_BYTES)

_EXCEL_DELIMITER_LINE = re.compile(r'"?sep=([^\r\n"])"?[ \t]*\r?\n', re.IGNORECASE)
"""Excel's first line naming the delimiter ("sep=;"): a hint, not the header."""


def read(
    path: str | os.PathLike,
    progress: Progress | None = None,
    fields: FieldChoice | Mapping[str, Any] | None = None,
) -> tuple[Catalogue, ReadReport]:
    """Read a CSV/TSV file; rows that cannot be read go in the report."""
    with paused_gc():
        return _read(path, progress, fields)


def read_workbook(
    path: str | os.PathLike,
    progress: Progress | None = None,
    fields: FieldChoice | Mapping[str, Any] | None = None,
) -> tuple[Catalogue, ReadReport]:
    """Read an Excel workbook's table (`workbook.read_sheet`) as a CSV of it is read."""
    from mapexplorer.formats.workbook import read_sheet

    # The bar: reading the sheet is most of the time (openpyxl, ~25 µs a cell), its rows the rest.
    def sheet_read(done: int, total: int) -> None:
        if progress is not None:
            progress(done * _SHEET_SHARE // 100, total)

    def rows_read(done: int, total: int) -> None:
        if progress is not None:
            progress((total * _SHEET_SHARE + done * (100 - _SHEET_SHARE)) // 100, total)

    sheet = read_sheet(path, progress=sheet_read)
    try:
        with paused_gc():
            catalogue, report = _read_rows(
                path, rows_read, fields, _header(sheet.header), sheet.rows, None, sheet
            )
    except FormatError as exc:  # the sheet's notes may say why (formulas never calculated)
        if not (sheet.notes or sheet.asides):  # or which sheet it was, of several
            raise
        problem = "; ".join([exc.problem, *sheet.notes, *sheet.asides])
        raise FormatError(exc.path, problem, exc.item, exc.field) from None
    report.notes[:0] = sheet.notes
    report.asides[:0] = sheet.asides
    return catalogue, report


_SHEET_SHARE = 70


def guess_workbook_fields(path: str | os.PathLike) -> FieldGuess:
    """`guess_fields` for an Excel workbook."""
    from mapexplorer.formats.workbook import read_sheet

    sheet = read_sheet(path, limit=fieldguess.SAMPLE_SIZE)
    header = _header(sheet.header)
    rows = [dict(zip(header, row, strict=False)) for row in sheet.rows]
    return _guess(header, rows, sheet)


def json_table(doc: Any) -> tuple[list[str], list[list[str]]] | None:
    """A JSON list of plain objects, one a row (Wikidata's query results as JSON, a script's
    or an API's records: `[{"item": …, "itemLabel": …, "date": …}]`), or a SPARQL query's
    JSON results (`{"head": {"vars": …}, "results": {"bindings": …}}`), as a table: the
    keys in order of appearance, the values as text (an object or a list as its JSON). None
    for any other JSON (GeoJSON)."""
    if isinstance(doc, dict) and isinstance(doc.get("results"), dict):
        bindings = doc["results"].get("bindings")
        if isinstance(bindings, list) and all(isinstance(b, dict) for b in bindings):
            doc = [
                {k: v.get("value") if isinstance(v, dict) else v for k, v in b.items()}
                for b in bindings
            ]
    if (member := records_member(doc)) is not None:  # {"status": "ok", "data": [{…}, …]}
        doc = doc[member]
    if not (isinstance(doc, list) and doc and all(isinstance(r, dict) for r in doc)):
        return None
    if any("type" in r and ("geometry" in r or r.get("type") == "Feature") for r in doc[:50]):
        return None  # GeoJSON's features: the GeoJSON reader's
    names = list(dict.fromkeys(k for r in doc for k in r if isinstance(k, str)))
    if len(names) < 2:
        return None
    return names, [[_json_cell(r.get(n)) for n in names] for r in doc]


def records_member(doc: Any) -> str | None:
    """The one member of a JSON object that holds a list of records, as an API's answer or a
    script's dump wraps them ({"status": "ok", "count": 2, "data": [{…}, {…}]}); None for
    any other JSON (GeoJSON, Esri JSON, TopoJSON have a "type" or "features")."""
    if not isinstance(doc, dict) or "type" in doc or "features" in doc:
        return None
    members = [
        key
        for key, value in doc.items()
        if isinstance(value, list) and value and all(isinstance(r, dict) for r in value)
    ]
    return members[0] if len(members) == 1 and isinstance(members[0], str) else None


def _json_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def guess_records_fields(table: tuple[list[str], list[list[str]]]) -> FieldGuess:
    """`guess_fields` for a JSON list of records (`json_table`), numbered from 1."""
    header, rows = table
    sample = rows[: fieldguess.SAMPLE_SIZE]
    rows = [dict(zip(header, row, strict=False)) for row in sample]
    return _guess(header, rows, lambda index: index + 1)


def read_records(
    path: str | os.PathLike,
    table: tuple[list[str], list[list[str]]],
    progress: Progress | None = None,
    fields: FieldChoice | Mapping | None = None,
) -> tuple[Catalogue, ReadReport]:
    """A JSON list of records (`json_table`) read as a table is, its rows numbered from 1
    (the first object is row 1)."""
    header, rows = table
    return _read_rows(path, progress, fields, header, rows, None, lambda index: index + 1)


def _read(
    path: str | os.PathLike, progress: Progress | None, fields: FieldChoice | Mapping | None
) -> tuple[Catalogue, ReadReport]:
    header, rows, broken, number = _read_table(path)
    catalogue, report = _read_rows(path, progress, fields, header, rows, broken, number)
    if number.encoding.startswith("mixed:"):
        _, count, line = number.encoding.split(":")
        what = "1 byte that is" if count == "1" else f"{count} bytes that are"
        report.notes.insert(
            0,
            f"the file is UTF-8 but for {what} not (the first on line {line}, as a line added "
            "in another editor has them): read as Windows-1252; if letters look wrong there, "
            "save the file as UTF-8 again",
        )
    elif number.encoding:  # the file as a whole: its rows read as written
        report.asides.insert(
            0,
            f"the file is not UTF-8: read as {NAMES[number.encoding]} text, as its words "
            "read in it (Excel saves CSV in the code page of the computer's language); if "
            "letters look wrong, save it as 'CSV UTF-8' and open that",
        )
    if number.header_rows == 0:
        report.asides.insert(  # the file as a whole: its rows read as written
            0,
            f"the file has no header row: read as GDELT's events, with GDELT's "
            f"{len(header)} column names (SQLDATE, Actor1Name, ActionGeo_Lat…)",
        )
    return catalogue, report


def _read_rows(
    path: str | os.PathLike,
    progress: Progress | None,
    fields: FieldChoice | Mapping | None,
    header: list[str],
    rows: list[list[str]],
    broken: tuple[str, str] | None,
    number: Callable[[int], int],
) -> tuple[Catalogue, ReadReport]:
    if broken and not rows:  # the only row is the broken one: nothing else to say
        raise FormatError(path, broken[1], broken[0])
    dicts = [dict(zip(header, row, strict=False)) for row in rows]
    guessed = (  # the rows its messages name, as the file numbers them
        fieldguess.guess(header, dicts, number=number)
        if not isinstance(fields, FieldChoice)
        else None
    )
    sheet_order = ""  # the words on dates read in the order a sheet shows its date cells in
    if guessed is not None:
        guessed, sheet_order = _by_sheet_order(guessed, number)
    choice = choice_from(fields, guessed)
    mercator = _mercator(header, dicts, choice)  # x/y in Web Mercator's metres: as degrees
    if mercator is not None:
        dicts, columns = mercator
        if guessed is not None:
            guessed = fieldguess.guess(header, dicts, number=number)
        choice = replace(choice_from(fields, guessed), lat=columns.north, lon=columns.east)
    elif guessed is not None and not (choice.wkt or choice.latlon or (choice.lat and choice.lon)):
        # Easting and northing no town confirms: refused, as metres in 'x' and 'y' are (not
        # placed by the rows' towns' names instead, which would hide them).
        metres = table_mercator.metre_columns(header, dicts, None)
        if metres is not None and fieldguess.unreadable_location_fields(guessed) is None:
            words = table_mercator.metres_words(metres, dicts)
            raise FormatError(path, f"no latitude/longitude or WKT column found: {words}")
    _check_choice(path, header, choice, guessed, dicts[:50])
    midnights = _local_midnights(choice, dicts)  # an API's dates, in Unix time (ArcGIS's)
    midnights += _usgs_local_times(choice, dicts)
    reader = RowReader(choice)
    midnights += _utc_local_times(reader, dicts, number)  # "…T23:30:00Z": the place's day
    builder = CatalogueBuilder(path, "row")
    if mercator is not None:
        builder.report.asides.append(mercator[1].line)
    if sheet_order and choice.date_order == guessed.choice.date_order:  # type: ignore[union-attr]
        builder.report.notes.append(sheet_order)
    total = len(dicts) + bool(broken)
    if progress is not None:
        progress(0, total)
    # Whole columns at once where we can: dates repeat, and numpy reads numbers fast.
    times = _times(reader, dicts)
    still = _ongoing_dates(reader, dicts, times)
    open_ends = _unknown_ends(reader, dicts, times)  # "TBD": the event is its start
    noted = {i: cell for i, cell in _noted_dates(reader, dicts, times).items() if i not in still}
    imprecise = _acled_times(reader, header, dicts, times)  # a week or a month, not the day
    years = _wikidata_years(reader, dicts, times)  # 1 January: a year, as Wikidata writes it
    slashed = _slashed_dates(reader, dicts, times)  # "2010/11": a school year, or a month
    slashed_read: dict[int, str] = {}  # of those, the rows read: their numbers → the cell
    points = _points(reader, dicts)
    shapes = _shapes(reader, dicts)
    all_parts = reader.all_parts(dicts)
    swapped = _swapped(reader, header, all_parts, points)
    if swapped is not None and swapped.most and choice.lat and choice.lon:
        # Most rows' towns are where the columns say only the other way round: so they are.
        choice = replace(choice, lat=choice.lon, lon=choice.lat)
        reader = RowReader(choice)
        points = _points(reader, dicts)
    # Rows with a place's name and no coordinates are placed by the name (`place_names`),
    # with the row's country when another column gives it ("Paris" and "France").
    country = _country_column(header, choice)
    lookups = [
        _with_country(all_parts[i].place, dicts[i].get(country) if country else None)
        if points[i] is None and shapes[i] is None and times[i].__class__ is TimeSpan
        else ""
        for i in range(len(dicts))
    ]
    by_name = PlacesByName(lookups)
    extras = reader.all_extras(dicts, header)
    time_field = choice.time.label if choice.time else ""
    time_names = choice.time.fields if choice.time else ()
    location_field = _location_field(choice)
    location_names = [n for n in (choice.wkt, choice.lat, choice.lon, choice.latlon) if n]
    name_field = choice.place or ""
    width = len(header)
    said_short: set[int] = set()  # rows left out with a problem that says they are short
    totals: dict[int, str] = {}  # a sheet's totals rows ("Total", "Summe"): no events
    below = _notes_below(rows, times, number)  # "Source: …" under the table: no events either
    for index, row in enumerate(dicts):
        if progress is not None and index and index % PROGRESS_EVERY == 0:
            progress(index, total)
        time = times[index]
        if time.__class__ is not TimeSpan:
            if word := totals_word(rows[index]):
                totals[index] = word
                continue
            if index in below:
                continue
            message = _short_row(row, width, time_names)
            if message:
                said_short.add(index)
            builder.problem(f"row {number(index)}", time_field, message or str(time))
            continue
        parts = all_parts[index]
        point, shape = points[index], shapes[index]
        try:
            if point is None and shape is None and parts.place:
                place_ids = by_name.places(
                    builder, lookups[index] or parts.place, parts.place_id, shown=parts.place
                )
            elif point is None and shape is None and name_field and not location_names:
                # A table of towns' names: "the latitude and longitude are empty" would name
                # columns it does not have.
                raise PlaceError(
                    f"no place: the {name_field!r} cell is empty (and the file has no "
                    "latitude and longitude columns)"
                )
            else:
                place_ids = [_place(builder, parts, point, shape)]
        except PlaceError as exc:
            named = point is None and shape is None and parts.place
            message = _short_row(row, width, [name_field] if named else location_names)
            if message:
                said_short.add(index)
            field = name_field if named else location_field
            builder.problem(f"row {number(index)}", field, message or str(exc))
            continue
        if (note := noted.get(index)) is not None:
            said = noted_date(note, time)
        elif (found := imprecise.get(index)) is not None:
            said = found[2]
        elif (written := years.get(index)) is not None:
            said = _wikidata_note(written, time)
        elif (cell := still.get(index)) is not None:
            said = ongoing_date(cell, time)
        elif (cell := slashed.get(index)) is not None:
            said = year_slash_note(cell, reader.slashes[cell])
            slashed_read[number(index)] = cell
        else:  # "1350 AH": the years AD it overlaps
            said = hijri_dates([row.get(f) for f in time_names], time)
        builder.add(f"row {number(index)}", parts, time, place_ids, extras[index], said)
    if broken:
        builder.problem(broken[0], "", broken[1])
    builder.report.notes += _swapped_lines(choice, swapped, number, dicts)
    builder.report.asides += by_name.asides()
    builder.report.notes += by_name.notes()
    builder.report.notes += _uneven_rows(rows, width, said_short | set(below), number)
    builder.report.notes += _noted_dates_line(noted, times, number)
    builder.report.notes += _ongoing_line(still, times, number)
    builder.report.notes += _unknown_ends_line(reader, open_ends, number)
    builder.report.notes += midnights
    builder.report.notes += year_slash_lines("row", slashed_read, reader.slashes)
    builder.report.notes += _acled_lines(imprecise, times, number)
    builder.report.notes += _wikidata_line(years, times, number)
    builder.report.notes += spreadsheet_days_line(reader, dicts)
    builder.report.notes += _totals_line(totals, number)
    builder.report.notes += _minus_years_line(choice, dicts, times, number)
    below = {i: text for i, text in below.items() if i not in totals}
    builder.report.notes += _notes_below_line(below, number)
    builder.report.asides += _repeated_names_line(header)
    if choice.id is None:  # rows with an id of one event are one event: no copies to name
        builder.report.asides += _identical_rows_line(rows, totals, builder, number)
    if progress is not None:
        progress(total, total)
    return builder.finish(total - len(totals) - len(below), choice, guessed)


def _swapped(
    reader: RowReader, header: list[str], all_parts: list[RowParts], points: list[Any]
) -> SwappedRows | None:
    """The rows whose coordinates are the other way round by the towns they name
    (`swapped.swapped_rows`), in a table with a place column beside its coordinates; not in
    an export whose columns a tool writes (ACLED's, GDELT's, our own)."""
    choice = reader.choice
    if not choice.place or choice.layout or fieldguess.is_own_export(header):
        return None
    if not (choice.lat and choice.lon or choice.latlon):
        return None
    return swapped_rows([
        (parts.place, *point) if point.__class__ is tuple and parts.place else None
        for parts, point in zip(all_parts, points, strict=True)
    ])  # fmt: skip


def _swapped_lines(
    choice: FieldChoice, swapped: SwappedRows | None, number: RowNumbers, rows: list[dict]
) -> list[str]:
    """The report's line when latitude and longitude were read the other way round (the
    columns' names say one thing, their values or the towns the rows name another), or
    when some rows' coordinates would be their towns only swapped (read as written)."""
    lines = []
    if swapped is not None:
        index, name, lon, lat, km = swapped.example
        example = (
            f"{name!r} in row {number(index)} is given as latitude {lat:g}, longitude {lon:g}, "
            f"{km:,.0f} km from {name}; swapped, it is there"
        )
        if swapped.most and choice.lat and choice.lon:
            lines.append(
                f"{choice.lon!r} and {choice.lat!r} were read the other way round "
                f"({choice.lat!r} as the latitude): {len(swapped.rows)} of the "
                f"{swapped.known} rows whose places we know are at them only so ({example})"
            )
            return lines
        said = numbered("row", [number(i) for i in swapped.rows])
        one = len(swapped.rows) == 1
        pair = (
            f"are {choice.lat!r} and {choice.lon!r} swapped in {'it' if one else 'them'}?"
            if choice.lat and choice.lon
            else f"is the longitude first in {'it' if one else 'them'}?"
        )
        lines.append(
            f"{said} {'names' if one else 'name'} a place {'its' if one else 'their'} "
            "coordinates are far from, but would be at with the latitude and the longitude "
            f"swapped ({example}): read as written; {pair}"
        )
        return lines
    if _named_the_other_way(choice):
        values = [row.get(choice.lon) for row in rows[:50]]
        beyond = next((v for v in values if _beyond_latitudes(v)), None)
        shown = f" ({str(beyond).strip()} is beyond ±90°)" if beyond is not None else ""
        lines.append(
            f"{choice.lon!r} and {choice.lat!r} were read the other way round ({choice.lat!r} "
            f"as the latitude): {choice.lon!r} holds longitudes{shown}, {choice.lat!r} only "
            "values within ±90°"
        )
    return lines


def _named_the_other_way(choice: FieldChoice) -> bool:
    """The latitude is read from a column named as the longitude, and the other way round."""
    if not (choice.lat and choice.lon):
        return False
    lat, lon = fieldguess.normalise(choice.lat), fieldguess.normalise(choice.lon)
    return fieldguess.names_longitude(lat) and fieldguess.names_latitude(lon)


def _beyond_latitudes(value: Any) -> bool:
    try:
        return abs(float(stripped(str(value)).replace("−", "-"))) > 90
    except ValueError:
        return False


def _short_row(row: dict, width: int, needed: Any) -> str:
    """Why a row lacks a field: it has fewer cells than the header has columns ("" if not)."""
    if len(row) >= width:
        return ""
    missing = [name for name in needed if name not in row]
    if not missing:
        return ""
    cells = f"{len(row)} cell" + ("s" if len(row) != 1 else "")
    return (
        f"the row has only {cells} but the header has {width} columns, so it has no "
        f"{missing[0]!r} (a delimiter or a quote out of place?)"
    )


def _uneven_rows(
    rows: list[list[str]], width: int, said_short: set[int], number: RowNumbers
) -> list[str]:
    """Report lines for rows whose cells do not match the header's columns: the extra cells
    are dropped and the missing ones read as empty, which a shifted row may not survive."""
    uneven = [i for i, row in enumerate(rows) if len(row) != width]  # one pass; most have none
    longer = [i for i in uneven if len(rows[i]) > width]
    shorter = [i for i in uneven if len(rows[i]) < width and i not in said_short]
    notes = []
    columns = f"the header's {counted(width, 'column')}"
    if longer:
        extra = sum(len(rows[i]) - width for i in longer)
        notes.append(
            f"{_row_numbers(longer, number)} more cells than {columns} "
            f"({counted(extra, 'extra cell')} dropped)"
        )
    if shorter:
        missing = sum(width - len(rows[i]) for i in shorter)
        notes.append(
            f"{_row_numbers(shorter, number)} fewer cells than {columns} "
            f"({counted(missing, 'missing cell')} read as empty)"
        )
    return notes


def _row_numbers(indexes: list[int], number: RowNumbers) -> str:
    """Which rows, numbered and put as the problem lines put them (`report.numbered`), with
    their verb: "row 5 has", "rows 5, 9 and 12 have", "rows 2–26 (25 rows) have"; every row is
    named, so each can be found."""
    said = numbered("row", [number(i) for i in indexes])
    return f"{said} {'has' if len(indexes) == 1 else 'have'}"


def _times(reader: RowReader, rows: list[dict]) -> list[TimeSpan | DateError]:
    """Each row's time, or the `DateError` saying why it has none; each distinct value once."""
    source = reader.choice.time
    if source is None:
        return [DateError("no column holds a date")] * len(rows)
    fields = source.fields
    reader.read_days_in_bulk(rows)
    keys = [tuple(row.get(f) for f in fields) for row in rows]
    spans: dict[tuple, TimeSpan | DateError] = {}
    for key in set(keys):
        try:
            spans[key] = reader.time(dict(zip(fields, key, strict=True)))
        except DateError as exc:
            spans[key] = exc
    return [spans[key] for key in keys]


def _totals_line(totals: dict[int, str], number: RowNumbers) -> list[str]:
    """The report's line for the totals and summary rows left out."""
    if not totals:
        return []
    indexes = sorted(totals)
    said = _row_numbers(indexes, number).rsplit(" ", 1)[0]  # "row 12", "rows 12 and 30"
    words = " or ".join(repr(w) for w in dict.fromkeys(totals[i] for i in indexes))
    what = "totals" if all(is_totals_word(w) for w in totals.values()) else "summary"
    kind = f"a {what} row" if len(indexes) == 1 else f"{what} rows"
    return [f"{said} ({words}, no date) left out: {kind}, not an event"]


def _notes_below(
    rows: list[list[Any]], times: list[Any], number: Callable[[int], int]
) -> dict[int, str]:
    """The lines a sheet has under its table, as a CSV exported from it keeps them ("Source:
    local reports", "Last updated 3/30/2024", each in its first cell): the last rows, each of
    its first cell alone and no date we read, under a row of more cells, and below a blank
    row or written as a note is (a colon, or four words or more), not a row whose other
    cells were left empty ("Rally"). Row index → its text."""
    notes: dict[int, str] = {}
    for index in range(len(rows) - 1, -1, -1):
        row = rows[index]
        filled = [
            i for i, c in enumerate(row) if c is not None and (c.__class__ is not str or c.strip())
        ]
        if filled != [0] or times[index].__class__ is TimeSpan:
            break
        notes[index] = stripped(str(row[0]))
    else:
        return {}  # every row one cell: a table, not notes under one
    first = min(notes, default=0)
    apart = bool(notes) and number(first) - number(first - 1) > 1  # a blank row above them
    if not apart and not all(":" in t or _sentence(t) for t in notes.values()):
        return {}
    return dict(sorted(notes.items()))


def _sentence(text: str) -> bool:
    """Four words or more, three of them words of letters ("Compiled by the data desk"), not
    a row whose delimiter was lost ("b 2021 2 2")."""
    words = text.split()
    return len(words) >= 4 and sum(len(w) > 1 and w.isalpha() for w in words) >= 3


def _notes_below_line(notes: dict[int, str], number: RowNumbers) -> list[str]:
    """The report's line for the notes under the table, left out."""
    if not notes:
        return []
    said = _row_numbers(list(notes), number).rsplit(" ", 1)[0]
    texts = [repr(t) if len(t) <= 40 else repr(t[:37] + "…") for t in list(notes.values())[:3]]
    more = ", …" if len(notes) > 3 else ""
    what = "a note" if len(notes) == 1 else "notes"
    return [f"{said} left out: {what} under the table ({', '.join(texts)}{more}), not events"]


def _noted_dates(
    reader: RowReader, rows: list[dict], times: list[TimeSpan | DateError]
) -> dict[int, str]:
    """The rows whose date has a note in brackets after it ("1066 (disputed)"), which was
    read without it (`dates.date_note`): row index → the cell as written."""
    source = reader.choice.time
    if source is None:
        return {}
    noted: dict[int, str] = {}
    for name in source.fields:
        for index, row in enumerate(rows):
            cell = row.get(name)
            if (
                cell.__class__ is str
                and (")" in cell or "]" in cell)
                and times[index].__class__ is TimeSpan
                and date_note(cell)
            ):
                noted.setdefault(index, cell.strip())
    return noted


_MINUS_YEAR = re.compile(r"\s*[-−]\d{1,4}(?:\.0)?\s*")
"""A bare year before 1 written with a minus sign ("-44", a sheet's number -44)."""


def _minus_years_line(
    choice: FieldChoice, rows: list[dict], times: list[TimeSpan | DateError], number: RowNumbers
) -> list[str]:
    """The report's line for the years written with a minus sign: read as ISO 8601 and EDTF
    count them, with a year 0 (-44 is 45 BC), which a sheet of ancient history rarely means."""
    if choice.time is None or choice.time.kind not in ("date", "span", "year"):
        return []
    found = [
        (index, value)
        for index, (row, time) in enumerate(zip(rows, times, strict=True))
        if time.__class__ is TimeSpan
        for name in choice.time.fields[:1]
        if (value := row.get(name)).__class__ in (str, int, float)
        and _MINUS_YEAR.fullmatch(str(value))
    ]
    if not found:
        return []
    index, value = found[0]
    year = int(float(str(value).replace("−", "-")))
    return [
        f"{_row_numbers([i for i, _ in found], number)} a year written with a minus sign, read "
        f"as ISO 8601 counts years (there is a year 0, 1 BC): {str(value).strip()!r} is "
        f"{times[index].describe()}; write '{-year} BC' for the year historians call "
        f"{-year} BC"  # type: ignore[union-attr]
    ]


def _noted_dates_line(
    noted: dict[int, str], times: list[TimeSpan | DateError], number: RowNumbers
) -> list[str]:
    """The report's line for the dates read without the note after them, with an example."""
    if not noted:
        return []
    indexes = sorted(noted)
    first = indexes[0]
    example = f"{noted[first]!r} as {times[first].describe()}"  # type: ignore[union-attr]
    return [
        f"{_row_numbers(indexes, number)} a note in brackets after the date, not read as part "
        f"of it but kept as the event's date note ({example})"
    ]


def _slashed_dates(
    reader: RowReader, rows: list[dict], times: list[TimeSpan | DateError]
) -> dict[int, str]:
    """The rows whose date is a year, a slash and a number that reads two ways ("2010/11",
    `year_slash`): row index → the cell as written."""
    source = reader.choice.time
    if source is None or not reader.slashes:
        return {}
    return {
        index: cell
        for name in source.fields
        for index, row in enumerate(rows)
        if (cell := row.get(name)).__class__ is str
        and cell in reader.slashes
        and times[index].__class__ is TimeSpan
    }


def _ongoing_dates(
    reader: RowReader, rows: list[dict], times: list[TimeSpan | DateError]
) -> dict[int, str]:
    """The rows whose date is a span still going on ("2014–present", "since 2014"), which
    was read to today (`dates.ongoing`): row index → the cell as written."""
    source = reader.choice.time
    if source is None:
        return {}
    found: dict[int, str] = {}
    for name in source.fields:
        for index, row in enumerate(rows):
            cell = row.get(name)
            if times[index].__class__ is TimeSpan and ongoing(cell):
                found.setdefault(index, cell.strip())
    return found


def _ongoing_line(
    still: dict[int, str], times: list[TimeSpan | DateError], number: RowNumbers
) -> list[str]:
    """The report's line for the spans still going on, read to today, with an example."""
    if not still:
        return []
    indexes = sorted(still)
    said = _row_numbers(indexes, number).rsplit(" ", 1)[0]  # "row 12", "rows 12 and 30"
    first = indexes[0]
    example = f"{still[first]!r} as {times[first].describe()}"  # type: ignore[union-attr]
    verb = "is" if len(indexes) == 1 else "are"
    return [f"{said} {verb} still going on, read to today, the day the file was opened ({example})"]


def _usgs_local_times(choice: FieldChoice, rows: list[dict]) -> list[str]:
    """A USGS earthquake CSV's times are UTC's: each made the local time where the earthquake
    was (the nearest town's zone), so that Taiwan's of 07:58 on 3 April is that day, not 2
    April (23:58 UTC); the report's line for it."""
    source = choice.time
    if choice.layout != "usgs" or source is None or not choice.lat or not choice.lon:
        return []
    items, placed = [], []
    for row in rows:
        try:
            lon, lat = float(row.get(choice.lon) or ""), float(row.get(choice.lat) or "")
        except (TypeError, ValueError):
            continue
        items.append((lon, lat, [str(row.get(f) or "") for f in source.fields]))
        placed.append(row)
    local = 0
    for row, times in zip(placed, local_times(items), strict=True):
        if times is not None:
            row.update(zip(source.fields, times, strict=True))
            local += 1
    if not local:
        return []
    return [
        f"{source.label!r} is in UTC: the times of {counted(local, 'earthquake')} read as the "
        "local time of the nearest town's time zone, so each is on the day it was where it "
        "happened"
    ]


def _utc_local_times(reader: RowReader, rows: list[dict], number: RowNumbers) -> list[str]:
    """Times that say they are UTC ("2024-03-01T23:30:00Z") made the local time of the
    nearest town's zone where the row's point is, as a KML's or GPX's are, so that a meeting
    at 00:30 in Paris is that day, not the one before: the report's line naming the rows
    whose day moved."""
    source = reader.choice.time
    if source is None or not any(
        (cell := row.get(f)).__class__ is str and said_utc(cell)
        for row in rows
        for f in source.fields
    ):
        return []
    moved = localise_cells(rows, source.fields, _named_spots(reader, rows, _points(reader, rows)))
    if not moved:
        return []
    index, written, local = moved[0]
    return [moved_line(len(moved), "row", f"row {number(index)}", written, local)]


def _named_spots(reader: RowReader, rows: list[dict], points: list[Any]) -> list[Any]:
    """`points`, with the rows that have none but a place's name (a table of towns, placed by
    `place_names` later) at that town, for their times: as the names are read together."""
    name = reader.choice.place
    if not name or not any(p is None for p in points):
        return points
    named = [
        " ".join(str(rows[i].get(name) or "").split()) if p is None else ""
        for i, p in enumerate(points)
    ]
    at = spots_of_names(named)
    return [at.get(n) if p is None and n else p for p, n in zip(points, named, strict=True)]


def _local_midnights(choice: FieldChoice, rows: list[dict]) -> list[str]:
    """Date columns of Unix times at a local midnight east of Greenwich, as an ArcGIS
    service's records give a date (`local_midnight`), made the ISO days they stand for in
    `rows`: the report's lines for them."""
    source = choice.time
    if source is None or source.kind not in ("date", "span"):
        return []  # a "timestamp" or "time" column: a clock's, as written
    lines: list[str] = []
    arcgis = bool(rows) and arcgis_export(rows[0])
    for name in source.fields:
        values = [row.get(name) for row in rows]
        found = local_midnights(name, values, "row", choice.date_order, unsaid_utc=arcgis)
        if found is None:
            continue
        lines.append(found.line)
        for row in rows:
            if (day := found.days.get(row.get(name))) is not None:
                row[name] = day
    return lines


def _unknown_ends(
    reader: RowReader, rows: list[dict], times: list[TimeSpan | DateError]
) -> dict[int, str]:
    """The rows whose end cell says the end is not known yet ("TBD", "unknown",
    `dates.unknown_end`), each read as its start: row index → the cell as written."""
    source = reader.choice.time
    if source is None or source.end_field is None or source.kind == "year":
        return {}
    found: dict[int, str] = {}
    for index, row in enumerate(rows):
        cell = row.get(source.end_field)
        if times[index].__class__ is TimeSpan and unknown_end(cell):
            found[index] = visible(cell).strip()
    return found


def _unknown_ends_line(reader: RowReader, found: dict[int, str], number: RowNumbers) -> list[str]:
    """The report's line for the end cells not known yet: what was read instead."""
    if not found:
        return []
    indexes = sorted(found)
    said = numbered("row", [number(i) for i in indexes])
    words = sorted(set(found.values()), key=list(found.values()).index)
    shown = " or ".join(repr(w) for w in words[:3]) + (" …" if len(words) > 3 else "")
    end = reader.choice.time.end_field  # type: ignore[union-attr]
    return [
        f"{said}: the end ({end!r}) is {shown}, not known yet; "
        f"{'each is' if len(indexes) > 1 else 'it is'} read from its start alone, as an empty end is"
    ]


def _acled_times(
    reader: RowReader, header: list[str], rows: list[dict], times: list[TimeSpan | DateError]
) -> dict[int, tuple[str, TimeSpan, str]]:
    """An ACLED export's dates known only to within a week or a month (its `time_precision`
    2 or 3, `acled.acled_time`), which ACLED writes as a day: each such row's time becomes
    that week or month, in place. Row index → (the code, the day written, the date note)."""
    source = reader.choice.time
    column = next((n for n in header if fieldguess.normalise(n) == "time_precision"), None)
    if (
        reader.choice.layout != "acled"
        or column is None
        or source is None
        or [fieldguess.normalise(f) for f in source.fields] != ["event_date"]
    ):
        return {}
    found: dict[int, tuple[str, TimeSpan, str]] = {}
    for index, row in enumerate(rows):
        time = times[index]
        if time.__class__ is TimeSpan and (read := acled_time(time, row.get(column))):
            code = str(row.get(column)).strip().removesuffix(".0")
            found[index] = (code, time, read[1])  # type: ignore[assignment]
            times[index] = read[0]
    return found


_WITHIN = {"2": ("a week", "the seven days around"), "3": ("a month", "the month of")}

_NEW_YEAR = re.compile(r"^\s*([+-]?\d{4,})-01-01T00:00:00Z\s*$")
"""Wikidata's date known only to its year: its query service writes it as that year's
1 January at midnight ("1914-01-01T00:00:00Z"; its month, as its 1st)."""


def _wikidata_years(
    reader: RowReader, rows: list[dict], times: list[TimeSpan | DateError]
) -> dict[int, TimeSpan]:
    """A Wikidata query's dates written as 1 January (`_NEW_YEAR`), read as their year in
    place: row index → the day written. Only in a file recognised as Wikidata's."""
    source = reader.choice.time
    if reader.choice.layout != "wikidata" or source is None or len(source.fields) != 1:
        return {}
    found: dict[int, TimeSpan] = {}
    for index, row in enumerate(rows):
        time, cell = times[index], row.get(source.field)
        if time.__class__ is TimeSpan and isinstance(cell, str) and (m := _NEW_YEAR.match(cell)):
            found[index] = time  # type: ignore[assignment]
            times[index] = TimeSpan.parse(m[1].lstrip("+"))
    return found


def _wikidata_note(written: TimeSpan, time: TimeSpan) -> str:
    return (
        f"Wikidata gives {written.describe(weekday=False)}, as it writes a date known only "
        f"to its year: read as {time.describe()}."
    )


def _wikidata_line(
    years: dict[int, TimeSpan], times: list[TimeSpan | DateError], number: RowNumbers
) -> list[str]:
    if not years:
        return []
    indexes = sorted(years)
    said = _row_numbers(indexes, number).rsplit(" ", 1)[0]  # "row 12", "rows 12 and 30"
    first = indexes[0]
    return [
        f"{said}: 1 January, as Wikidata writes a date known only to its year, read as that "
        f"year ({years[first].describe(weekday=False)} as {times[first].describe()}; a New "
        "Year's Day is read so too)"  # type: ignore[union-attr]
    ]


def _acled_lines(
    imprecise: dict[int, tuple[str, TimeSpan, str]],
    times: list[TimeSpan | DateError],
    number: RowNumbers,
) -> list[str]:
    """The report's lines for ACLED's dates known to within a week or a month, read as such:
    one for each `time_precision`, with an example."""
    lines = []
    for code, (within, read_as) in _WITHIN.items():
        indexes = sorted(i for i, found in imprecise.items() if found[0] == code)
        if not indexes:
            continue
        said = _row_numbers(indexes, number).rsplit(" ", 1)[0]  # "row 12", "rows 12 and 30"
        first = indexes[0]
        example = (
            f"{imprecise[first][1].describe(weekday=False)} as "
            f"{times[first].describe()}"  # type: ignore[union-attr]
        )
        lines.append(
            f"{said}: time_precision {code}, ACLED's date known only to within {within}, "
            f"read as {read_as} event_date ({example})"
        )
    return lines


def _points(reader: RowReader, rows: list[dict]) -> list[Any]:
    """Each row's (lon, lat), None when empty, or the `PlaceError` saying what is wrong."""
    lat_name, lon_name = reader.choice.lat, reader.choice.lon
    if not lat_name or not lon_name:
        if reader.choice.latlon:  # one field with both: each distinct cell read once
            cells = [row.get(reader.choice.latlon) for row in rows]
            read: dict[Any, Any] = {}
            for cell in set(cells):
                try:
                    read[cell] = reader.point({reader.choice.latlon: cell})
                except PlaceError as exc:
                    read[cell] = exc
            return [read[cell] for cell in cells]
        return [None] * len(rows)
    try:
        lats = np.array([row.get(lat_name) for row in rows], dtype=float)
        lons = np.array([row.get(lon_name) for row in rows], dtype=float)
    except (ValueError, TypeError):
        lats = lons = None  # an empty cell, a decimal comma: one row at a time below
    if lats is not None and lons is not None:
        good = np.isfinite(lats) & np.isfinite(lons) & (np.abs(lats) <= 90) & (np.abs(lons) <= 180)
        if good.all():
            return list(zip(lons.tolist(), lats.tolist(), strict=True))
    out: list[Any] = []
    for row in rows:
        try:
            out.append(reader.point(row))
        except PlaceError as exc:
            out.append(exc)
    return out


def _shapes(reader: RowReader, rows: list[dict]) -> list[Any]:
    """Each row's (geometry, its WKB) from the WKT column, None when empty, or the
    `PlaceError` saying what is wrong; each distinct cell parsed once (places repeat)."""
    name = reader.choice.wkt
    if not name:
        return [None] * len(rows)
    cells = [row.get(name) for row in rows]
    distinct = list(dict.fromkeys(cells))
    made = reader.shapes(distinct)
    good = [i for i, shape in enumerate(made) if isinstance(shape, BaseGeometry)]
    for i, wkb in zip(good, shapely.to_wkb([made[i] for i in good]), strict=True):
        made[i] = (made[i], wkb)
    by_cell = dict(zip(distinct, made, strict=True))
    return [by_cell[cell] for cell in cells]


def guess_fields(path: str | os.PathLike) -> FieldGuess:
    """Which columns hold what, with a sample of rows for the dialog's preview."""
    header, rows, broken, number = _read_table(path, limit=fieldguess.SAMPLE_SIZE)
    if broken and not rows:
        raise FormatError(path, broken[1], broken[0])
    dicts = [dict(zip(header, row, strict=False)) for row in rows]
    return _guess(header, dicts, number)


def _guess(header: list[str], dicts: list[dict], number: Any) -> FieldGuess:
    """`fieldguess.guess`, with Web Mercator metres the rows' towns confirm as the degrees
    they are read as (`_mercator`): the dialog shows them as coordinates."""
    guess = _by_sheet_order(fieldguess.guess(header, dicts, number=number), number)[0]
    mercator = _mercator(header, dicts, guess.choice)
    if mercator is None:
        return guess
    guess = fieldguess.guess(header, mercator[0], number=number)
    columns = mercator[1]
    return replace(
        guess,
        choice=replace(guess.choice, lat=columns.north, lon=columns.east),
        missing=tuple(m for m in guess.missing if m != "location"),
    )


def _by_sheet_order(guess: FieldGuess, number: Any) -> tuple[FieldGuess, str]:
    """A sheet's dates typed as text that read both ways ("05/03/2024", among date cells)
    read in the order the sheet shows its date cells of that column in ("dd/mm/yyyy"), not
    asked about; with the report's words on it ("" when the guess is left as it was)."""
    orders = getattr(number, "date_orders", None)
    time = guess.choice.time
    if not orders or time is None or "date_order" not in guess.candidates:
        return guess, ""
    shown = {orders.get(f) for f in time.fields}
    if len(shown) != 1 or None in shown:
        return guess, ""
    order = shown.pop()
    reasons = tuple(r for r in guess.reasons if "read both ways" not in r)
    candidates = {**guess.candidates, "date_order": (order, "mdy" if order == "dmy" else "dmy")}
    choice = replace(guess.choice, date_order=order)
    words = "day/month" if order == "dmy" else "month/day"
    example = "dd/mm/yyyy" if order == "dmy" else "mm/dd/yyyy"
    line = (
        f"dates typed as text in {time.label!r} that read both ways (day/month or month/day) "
        f"were read {words}, as the sheet shows its date cells there ({example})"
    )
    guess = replace(
        guess, choice=choice, reasons=reasons, ambiguous=bool(reasons), candidates=candidates
    )
    return guess, line


def _mercator(
    header: list[str], dicts: list[dict], choice: FieldChoice
) -> tuple[list[dict], MercatorColumns] | None:
    """The rows with their coordinate columns' Web Mercator metres made degrees, and which
    columns they are, when the towns the rows name confirm them (`table_mercator`); None for
    a table in degrees, or in metres nothing confirms (refused as before)."""
    if choice.wkt or choice.latlon:
        return None
    chosen = (choice.lat, choice.lon) if choice.lat and choice.lon else None
    columns = table_mercator.metre_columns(header, dicts, chosen)
    if columns is None:
        return None
    reader = RowReader(replace(choice, lat=None, lon=None))
    return table_mercator.to_degree_rows(
        dicts, columns, lambda rows: [p.place or p.title for p in reader.all_parts(rows)]
    )


def _place(builder: CatalogueBuilder, parts: RowParts, point: Any, shape: Any) -> str:
    if shape is not None:
        if shape.__class__ is PlaceError:
            raise shape
        geometry, wkb = shape
        point_only = geometry.geom_type == "Point" and not geometry.is_empty
        if point_only and not (parts.place or parts.place_id):
            # A WKT point no column names (Wikidata's "Point(2.35 48.85)") is a spot, as a
            # latitude and a longitude are: named by where it is, not after its event.
            return builder.unnamed_point_place(geometry.x, geometry.y)
        name = parts.place or parts.title or "place"
        return builder.shape_place(name, geometry, parts.place_id, wkb)
    if point is None:
        raise PlaceError("no coordinates (the latitude and longitude are empty) and no place name")
    if point.__class__ is PlaceError:
        raise point
    lon, lat = point
    if parts.place or parts.place_id:  # a place's name defaults to its id, as in our files
        return builder.point_place(parts.place or parts.place_id, lon, lat, parts.place_id)
    return builder.unnamed_point_place(lon, lat)  # a spot: every row there shares it


_COUNTRY_COLUMNS = {
    "country",
    "country_name",
    "nation",
    "land",
    "pays",
    "pais",
    "paese",
    "краіна",
    "страна",
}  # fmt: skip  ("країна" as `fieldguess.normalise` makes it)


def _country_column(header: list[str], choice: FieldChoice) -> str | None:
    """A column naming each row's country, beside the place column that is not it."""
    for name in header:
        if fieldguess.normalise(name) in _COUNTRY_COLUMNS and name != choice.place:
            return name
    return None


def _with_country(place: str, country: Any) -> str:
    """ "Paris" with its row's country, "Paris, France", for the gazetteer to choose by; the
    name alone when it already says more ("Paris, TX") or the country is the place itself."""
    country = country.strip() if isinstance(country, str) else ""
    if not place or not country or "," in place or country.casefold() == place.casefold():
        return place
    return f"{place}, {country}"


def _location_field(choice: FieldChoice) -> str:
    if choice.wkt and choice.lat:
        return f"{choice.wkt}/{choice.lat}/{choice.lon}"
    if not choice.wkt and not choice.lat:
        return choice.latlon or choice.place or ""
    return choice.wkt or f"{choice.lat}/{choice.lon}"


_TRACK_FILE = re.compile(r"\.(?:gpx|fit|tcx|kml|kmz)(?:\.gz)?$", re.IGNORECASE)
"""A track's file name, as an activity log names each activity's (Strava's activities.csv:
'activities/10234567890.gpx', 'activities/10234567891.fit.gz')."""


def _track_files(header: list[str], rows: list[dict[str, Any]]) -> str:
    """ "in 'Filename' ('activities/1.gpx')": the column naming each row's track file, when
    most of its cells do; "" when none does."""
    for name in header:
        cells = [v.strip() for row in rows if isinstance(v := row.get(name), str) and v.strip()]
        tracks = [cell for cell in cells if _TRACK_FILE.search(cell)]
        if tracks and 2 * len(tracks) >= len(cells):
            return f"{name!r} ({tracks[0]!r})"
    return ""


def _check_choice(path: Any, header: list[str], choice: FieldChoice, guessed=None, rows=()) -> None:
    columns = ", ".join(repr(h) for h in header[:30]) + (" …" if len(header) > 30 else "")
    coordinates = choice.wkt or (choice.lat and choice.lon) or choice.latlon
    # Coordinate columns we cannot read are an error even beside a place name: placing the
    # rows by their names instead would hide it.
    unreadable = (
        fieldguess.unreadable_location_fields(guessed) if guessed and not coordinates else None
    )
    if (
        not unreadable
        and not (coordinates or choice.place)
        and (tracks := _track_files(header, list(rows)))
    ):
        # an activity log (Strava's activities.csv): where each went is in its track's file
        raise FormatError(
            path,
            f"no latitude/longitude or place-name column: each row's track is a file named in "
            f"{tracks}; open a GPX file named there (in the export beside this file) to map "
            "its activity, a .fit or .tcx one converted to GPX first (e.g. with GPSBabel)",
        )
    if unreadable or not (coordinates or choice.place):
        raise FormatError(
            path,
            f"no latitude/longitude or WKT column found: {unreadable}"
            if unreadable
            else "no latitude/longitude, WKT or place-name column found (name them e.g. 'lat' "
            f"and 'lon', or 'place'); the columns are {columns}",
        )
    if choice.time is None:
        unreadable = fieldguess.unreadable_time_field(guessed) if guessed else None
        raise FormatError(
            path,
            f"no date column found: {unreadable}"
            if unreadable
            else f"no date column found (name it e.g. 'date'); the columns are {columns}",
        )
    for name in choice.used:
        if name not in header:
            raise FormatError(path, f"there is no column {name!r}; the columns are {columns}")


# --- the table ---------------------------------------------------------------------------------


def read_table(
    path: str | os.PathLike, limit: int | None = None
) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows (blank rows dropped); at most `limit` rows if given. A
    last row with a quoted field that is never closed is left out."""
    header, rows, _, _ = _read_table(path, limit)
    return header, rows


def _qualtrics_rows(first: list[str] | None, row: list[str]) -> bool:
    """Whether `row` is one of the rows a Qualtrics export writes under its header (its
    "StartDate, EndDate, …, ResponseId" first): the question texts, or the import ids."""
    if not first or not row or "ResponseId" not in first or first[0] != "StartDate":
        return False
    return row[0] == "Start Date" or row[0].startswith('{"ImportId"')


def _read_table(
    path: str | os.PathLike, limit: int | None = None
) -> tuple[list[str], list[list[str]], tuple[str, str] | None, RowNumbers]:
    """`read_table`, the (item, problem) of the last row when it was left out because a
    quoted field in it is never closed (it ran to the end of the file), else None, and the
    rows' numbers as a spreadsheet shows them."""
    number = RowNumbers()
    text = _decode(path, read_bytes(path), number)
    if text.startswith("?") and (sparql := sparql_tsv(text)) is not None:
        header, rows = sparql  # Wikidata's query results as TSV: cells written as RDF terms
        rows = [row for row in rows if any(row)][:limit]
        return header, rows, None, RowNumbers()
    named = _EXCEL_DELIMITER_LINE.match(text)
    delimiter = named.group(1) if named else _sniff(text, Path(path).suffix.lower())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    protected = may_hold_protected_cells(text)
    header: list[str] | None = None
    first: list[str] | None = None  # the header row as written, until the first data row
    rows: list[list[str]] = []
    titles: list[tuple[list[str], int]] = []  # lines of one cell above the header, their lines
    next_start = last_start = 1  # the line the next row starts on; the last row's
    if named:
        next(reader)  # lines keep their numbers in the file
        next_start = 2
    try:
        for row in reader:
            last_start, next_start = next_start, reader.line_num + 1
            if not any(row):  # a blank line, or ";;;" from a spreadsheet
                number.skip(header is None, len(rows))
                continue
            if header is None and (names := gdelt_header(row)) is not None:
                header, first = names, None  # no header row: the first row is an event
                number.header_rows = 0
            elif header is None and sum(1 for cell in row if cell.strip()) < 2:
                # A sheet's title or a note above its table ("Timeline,,,", "Source: …,,,"),
                # as the workbook reader skips it; a file of one column keeps its first line
                titles.append((row, last_start))
                number.skip(True, 0)
                continue
            elif header is None and titles and _data_like(row):
                # "Date,,," over "2024-01-03,Strike,Kharkiv": a header naming only its first
                # column, not a title; the row under it is data
                header, first = _header(titles[-1][0]), titles[-1][0]
                number.unskip(1)
            elif header is None:
                header, first = _header(row), row
                continue
            if not rows and _qualtrics_rows(first, row):
                # Qualtrics' export: its question texts under the short names ("Q1"), then
                # a row of its import ids: the texts name the columns.
                if not row[0].startswith('{"ImportId"'):
                    header = _header(
                        [text or name for text, name in zip(row, header, strict=False)]
                    )
                number.header_rows += 1
                continue
            if not rows and first is not None and names_below_groups(first, row):
                # A sheet's header over two rows, saved as CSV: "Date,Event,Location," over
                # ",,Latitude,Longitude", the group names merged over the columns they group.
                header, first = _header(two_row_header(first, row)), None
                number.header_rows += 1
                continue
            if protected:  # `'=x` from our export (or another careful tool) is `=x`
                row = [unprotect_cell(cell) for cell in row]
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        raise FormatError(
            path, f"not a table we can read: {exc}", f"line {reader.line_num}"
        ) from None
    if header is None and titles:  # one column, or a header of one name: read as before
        (row, last_start), *below = titles
        header, rows = _header(row), [cells for cells, _ in below][:limit]
        number.unskip(len(titles))
        if below:
            last_start = below[-1][1]
    if header is None:
        raise FormatError(path, "the file has no header row (it is empty)")
    broken = None
    if (limit is None or len(rows) < limit) and _never_closed(text, last_start, delimiter):
        lost = reader.line_num - last_start
        problem = (
            f"a quoted field is never closed (it starts on line {last_start} and runs to the "
            "end of the file"
            + (f", swallowing the {lost} line{'s' if lost != 1 else ''} after it" if lost else "")
            + ")"
        )
        if not rows:  # the header itself
            raise FormatError(path, problem, "the header")
        rows.pop()
        broken = (f"row {number(len(rows))}", problem)
        if lost:  # the lines it swallowed: the rows they are, not lost with it
            number.skip(False, len(rows))  # the broken row keeps its number
            after = io.StringIO(text, newline="").readlines()[last_start:]
            rows += _rows_after(after, delimiter, protected, number, len(rows), limit)
            broken = (
                broken[0],
                f"a quoted field is never closed (it starts on line {last_start}): the row is "
                f"left out, and the {lost} line{'s' if lost != 1 else ''} after it "
                f"{'are' if lost != 1 else 'is'} read as rows of their own",
            )
    if len(header) < 2:
        raise FormatError(
            path,
            f"found a single column ({header[0]!r}); a table needs columns separated by "
            "commas, semicolons or tabs",
        )
    if rows and all(len(row) == 1 for row in rows):
        raise FormatError(path, _one_column(header, rows, delimiter))
    return header, rows, broken, number


class RowNumbers:
    """A data row's number as a spreadsheet shows the file: the header is row 1 (after the
    blank rows above it, if any), and the blank rows between the data rows, which the reader
    skips, count too — so "row 7" is the row a user finds at 7."""

    __slots__ = ("_above", "_blanks", "encoding", "header_rows")

    def __init__(self) -> None:
        self._above = 0  # blank rows above the header
        self._blanks: list[int] = []  # each blank row below it: how many data rows precede it
        self.header_rows = 1  # 2 for a header over two rows (`header_rows`)
        self.encoding = ""  # the file's code page, when one other than Windows-1252 (`_decode`)

    def skip(self, above_header: bool, rows_before: int) -> None:
        if above_header:
            self._above += 1
        else:
            self._blanks.append(rows_before)

    def unskip(self, count: int) -> None:
        """Count as data rows the last `count` rows skipped above the header."""
        self._above -= count

    def __call__(self, index: int) -> int:
        """The number of data row `index` (0-based)."""
        blanks = bisect.bisect_right(self._blanks, index) if self._blanks else 0
        return index + 1 + self.header_rows + self._above + blanks


_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars (|)"}


def _data_like(row: list[str]) -> bool:
    """Whether a row holds data rather than names: a number or a date in it."""
    for cell in row:
        text = cell.strip()
        if not text:
            continue
        try:
            float(text.replace(",", "."))
            return True
        except ValueError:
            pass
        if any(c.isdigit() for c in text):
            try:
                parse_date(text)
                return True
            except DateError:
                pass
    return False


def _rows_after(
    lines: list[str],
    delimiter: str,
    protected: bool,
    number: RowNumbers,
    before: int,
    limit: int | None,
) -> list[list[str]]:
    """The rows of the lines a quoted field that is never closed swallowed, `before` rows
    read above them (blank ones counted in `number`); a row among them with a quote of its own
    that is never closed is read up to its line's end, as no spreadsheet can tell more."""
    rows: list[list[str]] = []
    for line in lines:
        if limit is not None and before + len(rows) >= limit:
            break
        row = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
        if not any(row):
            number.skip(False, before + len(rows))
            continue
        rows.append([unprotect_cell(cell) for cell in row] if protected else row)
    return rows


def _never_closed(text: str, start_line: int, delimiter: str) -> bool:
    """Whether the row that starts on `start_line` (1-based) ends inside a quoted field."""
    lines = io.StringIO(text, newline="").readlines()[start_line - 1 :]
    if not lines or '"' not in lines[0]:
        return False
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _one_column(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    """Why every data row is a single cell under a header of several columns."""
    split = f"the header is split by {_DELIMITER_NAMES[delimiter]} into {len(header)} columns"
    for other in DELIMITERS:
        if other != delimiter and all(other in row[0] for row in rows[:50]):
            return (
                f"every row is one column: {split}, but the rows by "
                f"{_DELIMITER_NAMES[other]}; use the same delimiter in both"
            )
    return (
        f"every row is one column: {split}, but the rows are not; the file may use a "
        "delimiter we did not detect"
    )


def _decode(path: Any, data: bytes, number: RowNumbers | None = None) -> str:
    """The text of a table's bytes; `number`, when given, learns the code page of a file
    that is not UTF-8 when it is not the western European one."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FormatError(path, "the file says it is UTF-16 but is not") from None
    if b"\x00" in data[:_SNIFF_CHARS]:
        encoding = _utf16_without_bom(data[:_SNIFF_CHARS])
        if encoding is not None:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass  # not text after all: binary, as said below
        raise FormatError(path, "this is not a text table (it holds binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if (mixed := mixed_text(data)) is not None:  # UTF-8 but for a line from another editor
        text, count, line = mixed
        if number is not None:
            number.encoding = f"mixed:{count}:{line}"
        return text
    # Excel's "CSV (Comma delimited)", in the code page of the computer's language
    text, encoding = single_byte_text(data)
    if number is not None and encoding in ("cp1250", "cp1251", "mac_roman"):
        number.encoding = encoding  # not the western European one it was read as before
    return text


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the bytes are UTF-16 text with no byte order mark (as
    some database and PowerShell exports write it): NULs in one lane of bytes, the high bytes
    of digits, delimiters and Latin letters, and (almost) none in the other. None else."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    for high, low, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if high.count(0) >= 0.2 * len(high) and low.count(0) <= 0.01 * len(low):
            return encoding
    return None


def _sniff(text: str, suffix: str) -> str:
    """The delimiter that splits the first lines into the most, most regular columns."""
    head = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS:  # don't judge a line cut in half
        head = head[: head.rfind("\n") + 1] or head
    best, best_score = "\t" if suffix == ".tsv" else ",", (0, 0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(head, newline=""), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        regular = sum(1 for r in rows[1:50] if len(r) == width)
        preferred = int((delimiter == "\t") == (suffix == ".tsv"))
        score = (regular, width, preferred)
        if score > best_score:
            best, best_score = delimiter, score
    return best


_RENAMED = re.compile(r"(.+) \((\d+)\)")
"""A column `_header` renamed, its name being another's: "notes (2)"."""


def _repeated_names_line(header: list[str]) -> list[str]:
    """The report's line for the columns whose name another has ("notes" twice), read by
    the names `_header` gave them ("notes (2)"): the fields dialog and the exports show
    those, and the user should know where they came from."""
    renamed = [
        name
        for name in header
        if (match := _RENAMED.fullmatch(name)) is not None and match[1] in header
    ]
    if not renamed:
        return []
    bases = list(dict.fromkeys(_RENAMED.fullmatch(n)[1] for n in renamed))  # type: ignore[index]
    shown = ", ".join(repr(b) for b in bases[:5]) + (" …" if len(bases) > 5 else "")
    read = ", ".join(repr(n) for n in renamed[:5]) + (" …" if len(renamed) > 5 else "")
    one = len(renamed) == 1
    return [
        f"the header names {'a column' if len(bases) == 1 else 'columns'} more than once "
        f"({shown}): the {'later one is' if one else 'later ones are'} read as {read}"
    ]


def _identical_rows_line(
    rows: list[list[str]], totals: dict[int, str], builder: CatalogueBuilder, number: RowNumbers
) -> list[str]:
    """The report's line for rows that are the same cell for cell, each read as an event of
    its own (ten protests on one day in one town may be ten events), so that copies pasted
    twice are seen: the first such group among the rows read, and how many more."""
    if len(set(map("\x1f".join, rows))) == len(rows):
        return []  # the common case, at once (~40 ms for 100,000 rows)
    left_out = {p.item for p in builder.report.problems}
    seen: dict[tuple[str, ...], list[int]] = {}
    for index, row in enumerate(rows):
        if index not in totals and f"row {number(index)}" not in left_out:
            seen.setdefault(tuple(row), []).append(index)
    groups = [indexes for indexes in seen.values() if len(indexes) > 1]
    if not groups:
        return []
    first = groups[0]
    said = numbered("row", [number(i) for i in first])
    more = len(groups) - 1
    others = f"; so are {more} more groups of rows" if more > 1 else ""
    others = "; so is another group of rows" if more == 1 else others
    return [
        f"{said} are the same, cell for cell: each read as an event of its own "
        f"({len(first)} events at the same place and time); delete the copies if they are "
        f"one event{others}"
    ]


def _header(row: list[str]) -> list[str]:
    names: list[str] = []
    for number, cell in enumerate(row, start=1):
        name = stripped(cell) or f"column {number}"
        unique, n = name, 2
        while unique in names:
            unique, n = f"{name} ({n})", n + 1
        names.append(unique)
    return names
