"""CSV export: a spreadsheet row per event–place pair, with a point (lat, lon) and the shape (WKT)."""

from __future__ import annotations

import csv
import io
import os
import re
import stat

from mapexplorer.formats.actors import actors_text
from mapexplorer.formats.errors import write_atomically
from mapexplorer.formats.excerpts import excerpts_text
from mapexplorer.formats.extras import extra_names, extra_text
from mapexplorer.formats.native import event_place_properties
from mapexplorer.model import Catalogue

COLUMNS = [
    "event_id", "title", "summary", "date", "start", "end", "precision", "place", "place_id",
    "category", "actors", "era", "excerpt", "excerpts", "lat", "lon", "wkt",
]  # fmt: skip
"""`excerpt` is the first passage, for people; `excerpts` all of them with their offsets.
`place_id` keeps each place's id on reopening (made from its name, Washington's `washington`
would come back `washington-d-c`)."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection)."""
_PROTECTED = re.compile(r"'*[=+\-@\t\r]")
"""A cell to protect: a formula start, or one already behind quotes (so `'=x` keeps its quote)."""
_QUOTED_START = re.compile(r"'[=+\-@\t\r]")
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_DATE = r"[+-]?[\dX]{4,}(?:-[\dX]{2}){0,2}(?:T[\d:.]+Z?)?[~?%]?"
_PLAIN_DATA = re.compile(rf"{_NUMBER}|(?:{_DATE}|\.\.)?(?:/(?:{_DATE}|\.\.)?)?")
"""A number (-12.5, 1e-3) or an EDTF/ISO date or interval (-0500, -0043-03-15, -0549/-0329,
-05XX~): no spreadsheet can run one, and a column of them must stay numbers and dates."""


def protect_cell(value: str) -> str:
    """A cell a spreadsheet shows as the text it is: a leading `'` before a formula start
    (`=cmd|' /C calc'!A1` → `'=cmd|' /C calc'!A1`); numbers and dates are left alone.
    Our CSV reader takes that quote off again."""
    if _PROTECTED.match(value) and not _PLAIN_DATA.fullmatch(value):
        return "'" + value
    return value


def unprotect_cell(value: str) -> str:
    """The text `protect_cell` protected (also from other tools that protect the same way)."""
    if value[:1] == "'" and _PROTECTED.match(value, 1):
        return value[1:]
    return value


def may_hold_protected_cells(text: str) -> bool:
    """Whether a table's text has any `'` before a formula start: most have none, and their
    cells need not be looked at one by one."""
    return _QUOTED_START.search(text) is not None


def _cell(value: str) -> str:
    """A cell as written: protected, and without NUL, which makes a file binary to spreadsheets
    and to our reader (a title's "\\u0000" from a JSON file); U+FFFD stands in for it."""
    return protect_cell(value.replace("\x00", "\ufffd"))


def dumps(catalogue: Catalogue) -> str:
    """The CSV text: `COLUMNS`, then a column for each field of the opened file that no role
    read (a `source` column, say), which reopens as it was."""
    out = io.StringIO()
    # How a date was read when not quite as written ("2014–present", to the day it was
    # opened), which reopens as the event's date note: only when an event has one.
    noted = ["date_note"] if any(e.date_note for e in catalogue.events) else []
    extras = extra_names((e.extra for e in catalogue.events), COLUMNS + ["date_note"])
    writer = csv.DictWriter(
        out, fieldnames=COLUMNS + noted + list(extras.values()), lineterminator="\r\n"
    )
    writer.writeheader()
    for event in catalogue.events:
        more = {kept: extra_text(event.extra.get(name)) for name, kept in extras.items()}
        for place in catalogue.places_of(event):
            # The same fields as the GeoJSON Features, flattened for a spreadsheet.
            props = event_place_properties(catalogue, event, place)
            row = {column: props.get(column, "") for column in COLUMNS + noted}
            lon, lat = place.representative
            row.update(
                actors=actors_text(event.actors),
                excerpts=excerpts_text(event.excerpts),
                lat=f"{lat:.6f}",
                lon=f"{lon:.6f}",
                wkt=place.geometry.wkt,
                **more,
            )
            writer.writerow({column: _cell(value) for column, value in row.items()})
    return out.getvalue()


BOM = "\ufeff"
"""The UTF-8 byte order mark the file starts with: without it Excel on Windows reads a CSV in
the machine's code page, and Arabic, Cyrillic and accented text shows garbled. Our reader,
LibreOffice, Google Sheets and Python's `encoding="utf-8-sig"` take it off again."""


def export(catalogue: Catalogue, path: str | os.PathLike) -> None:
    # Into a pipe or a terminal (`-o -`, `-o /dev/stdout | csvcut`) the text goes to another
    # tool, not to Excel: no mark, which would stick to the first column's name.
    write_atomically(path, ("" if _is_stream(path) else BOM) + dumps(catalogue))


def _is_stream(path: str | os.PathLike) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # not there yet: a file to make
        return False
