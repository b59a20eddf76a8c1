"""A table (CSV, a workbook's sheet, JSON records) whose coordinate columns hold Web Mercator
metres rather than degrees, as a GIS exports a layer in the web maps' projection ("x", "y";
"easting", "northing"): its metres made longitude and latitude when the towns its rows name
are where Web Mercator puts them (`web_mercator.by_their_names`, as for a GeoJSON file)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mapexplorer.formats.fields import names_latitude, names_longitude, normalise
from mapexplorer.formats.web_mercator import by_their_names, to_degrees

__all__ = ["REPROJECT", "MercatorColumns", "metre_columns", "metres_words", "to_degree_rows"]

REPROJECT = (
    "Save the table in WGS 84 (EPSG:4326): in QGIS, add it as a delimited text layer with "
    "its system, then Export ▸ Save Features As… with CRS EPSG:4326; or, if they are Web "
    "Mercator's (EPSG:3857), name each row's town in a 'place' column to say so"
)
"""How to make a table's metres degrees."""

_CHECKED = 100
"""The rows that tell whether the columns hold metres (a pass over all of them would cost
every big file its time): the first, as for a GeoJSON file."""
_NAMED = 5_000
"""The rows whose towns are looked up: a table of more comes from a tool."""
_METRES = 1000.0
"""A coordinate this far from 0 is no degree: projected metres (or feet) of a GIS."""
_EAST = frozenset({"easting", "eastings", "x_coord", "xcoord", "coord_x", "x_m"})
_NORTH = frozenset({"northing", "northings", "y_coord", "ycoord", "coord_y", "y_m"})


class MercatorColumns:
    """The columns of a table that hold Web Mercator metres, and the report's line."""

    def __init__(self, north: str, east: str, line: str) -> None:
        self.north, self.east, self.line = north, east, line


def metre_columns(
    header: Sequence[str], rows: Sequence[Mapping[str, Any]], chosen: tuple[str, str] | None
) -> tuple[str, str] | None:
    """(the northing's column, the easting's) when the table's coordinate columns (`chosen`,
    (lat, lon), else the ones named so: "y"/"x", "lat"/"lon", "northing"/"easting") hold
    numbers mostly beyond ±1,000 in its first rows: metres, not degrees. None otherwise."""
    if chosen is None:
        norms = [(normalise(name), name) for name in header]
        north = next((name for n, name in norms if n in _NORTH or names_latitude(n)), None)
        east = next((name for n, name in norms if n in _EAST or names_longitude(n)), None)
        if north is None or east is None or north == east:
            return None
        chosen = (north, east)
    north, east = chosen
    numbers = [
        (y, x)
        for row in rows[:_CHECKED]
        if (y := _number(row.get(north))) is not None and (x := _number(row.get(east))) is not None
    ]
    metres = sum(max(abs(y), abs(x)) > _METRES for y, x in numbers)
    return chosen if numbers and metres * 2 > len(numbers) else None


def to_degree_rows(
    rows: Sequence[dict[str, Any]],
    columns: tuple[str, str],
    names: Callable[[Sequence[Mapping[str, Any]]], list[str]],
) -> tuple[list[dict[str, Any]], MercatorColumns] | None:
    """The rows with their metres in `columns` (`metre_columns`) made degrees, and the
    report's line, when the towns they name (`names`: each row's place, else its title) are
    mostly where Web Mercator puts them; None when they are not (a national grid's metres,
    or no names to tell by). A cell that is not a number, or off the projected world, is
    left as written, for the reader to say what is wrong with it."""
    north, east = columns
    named = rows[:_NAMED]
    items: list[tuple[str, float, float] | None] = []
    for row, name in zip(named, names(named), strict=True):
        y, x = _number(row.get(north)), _number(row.get(east))
        degrees = to_degrees(x, y) if x is not None and y is not None else None
        items.append((name, *degrees) if degrees is not None and name else None)
    line = by_their_names(items, f"nothing says which system they are in ({east!r} and {north!r})")
    if line is None:
        return None
    out = []
    for row in rows:
        y, x = _number(row.get(north)), _number(row.get(east))
        degrees = to_degrees(x, y) if x is not None and y is not None else None
        if degrees is not None:
            row = {**row, east: repr(degrees[0]), north: repr(degrees[1])}
        out.append(row)
    return out, MercatorColumns(north, east, line)


def metres_words(columns: tuple[str, str], rows: Sequence[Mapping[str, Any]]) -> str:
    """Why a table's metres (`metre_columns`) that no town confirms are not read, and how to
    make them degrees."""
    north, east = columns
    first = next(
        (
            (x, y)
            for row in rows[:_CHECKED]
            if (y := _number(row.get(north))) is not None
            and (x := _number(row.get(east))) is not None
            and max(abs(x), abs(y)) > _METRES
        ),
        None,
    )
    example = f" (e.g. {first[0]:g}, {first[1]:g})" if first else ""
    return (
        f"{east!r} and {north!r} hold projected metres{example}, not degrees of longitude and "
        "latitude, and nothing says which system they are in (Web Mercator, EPSG:3857, or a "
        f"national grid). {REPROJECT}"
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an integer of 400 digits
            return None
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        if "," in text and "." not in text and text.count(",") == 1:
            text = text.replace(",", ".")  # a decimal comma, as a European GIS writes it
        try:
            number = float(text)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None
