"""A year, a slash and a number in a date column: "2010/11" is a school or fiscal year
(2010–11) in one sheet and November 2010 in another. The column tells which its writer
meant: beside "2019/20" (no month 20) it is a year, beside "2010/03" (no span ends before it
begins) or "2010/11/05" a month; alone, `dates.year_slash_readings` decides. Every row so
read is named in the report, with how it was read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mapexplorer.formats.dates import parse_date, year_slash_readings
from mapexplorer.formats.report import numbered

__all__ = ["SlashReading", "column_readings", "year_slash_lines", "year_slash_note"]


@dataclass(frozen=True)
class SlashReading:
    """How a cell that reads two ways was read: `edtf`, not `other`, and the cell of the
    same column that showed which (or "" when the cell alone decided)."""

    edtf: str
    other: str
    because: str = ""

    @property
    def years(self) -> bool:
        return "/" in self.edtf


_YEAR_MONTH_DAY = re.compile(r"^\d{4}\s*/\s*\d{1,2}\s*/\s*\d{1,2}$")
_YEARS = re.compile(r"^\d{4}\s*/\s*\d{4}$")


def column_readings(cells: Iterable[object]) -> dict[str, SlashReading]:
    """The column's cells that read two ways ("2010/11"), each with how it is read: as the
    column's other cells of the form are (a month, or years), else as the cell alone is."""
    both: dict[str, tuple[str, str]] = {}
    months = years = ""  # a cell of the column that can only be a month, or only years
    for cell in dict.fromkeys(c for c in cells if c.__class__ is str and "/" in c):  # type: ignore[operator]
        readings = year_slash_readings(cell)
        text = cell.strip()  # type: ignore[attr-defined]
        if readings is None:
            if _YEAR_MONTH_DAY.match(text):
                months = months or text
            elif _YEARS.match(text):
                years = years or text
        elif readings[1]:
            both[cell] = readings  # type: ignore[index]
        elif "/" in readings[0]:
            years = years or text
        else:
            months = months or text
    found = {}
    for cell, (likeliest, other) in both.items():
        edtf, because = likeliest, ""
        if months and not years:
            edtf, because = (other, months) if "/" in likeliest else (likeliest, months)
        elif years and not months:
            edtf, because = (likeliest, years) if "/" in likeliest else (other, years)
        found[cell] = SlashReading(edtf, other if edtf == likeliest else likeliest, because)
    return found


def year_slash_note(cell: str, reading: SlashReading) -> str:
    """An event's date note when its date was such a cell."""
    other = _said(reading.other)
    read = _said(reading.edtf)
    return f"The file gives {cell.strip()!r}, which could be {other}: read as {read}."


def year_slash_lines(
    unit: str, rows: dict[int, str], readings: dict[str, SlashReading]
) -> list[str]:
    """The report's lines for the rows (their numbers → their cell) whose date read two
    ways: one line for those read as years, one for those read as months."""
    lines = []
    for years in (True, False):
        numbers = sorted(n for n, cell in rows.items() if readings[cell].years is years)
        if not numbers:
            continue
        cells = list(dict.fromkeys(rows[n] for n in numbers))
        example, reading = cells[0].strip(), readings[cells[0]]
        shown = ", ".join(repr(c.strip()) for c in cells[:3]) + (" …" if len(cells) > 3 else "")
        if reading.because:
            kind = "years" if years else _kind(reading.because)
            why = f", as the file's {reading.because!r} is {kind}"
        elif years:
            why = ", as the second number is the year after"
        else:
            why = " (a span of years is written with a dash)"
        lines.append(
            f"{numbered(unit, numbers)} ({shown}) could be "
            f"{'a school or fiscal year or a month' if years else 'a month or years'}: read as "
            f"{'years' if years else 'months'} ({example!r} as {_said(reading.edtf)}, not "
            f"{_said(reading.other)}){why}; write {_said(reading.other, 'edtf')} for "
            f"{'a month' if years else 'years'}"
        )
    return lines


def _said(edtf: str, written: str = "") -> str:
    """A reading in words ("November 2010", "2010–2011"), or `written` as the user would
    write it to be read so ("2010-11", "2010–2011")."""
    if written:
        return edtf.replace("/", "–")
    return parse_date(edtf).describe()


def _kind(cell: str) -> str:
    """What a cell that can only be a month or a day is: "a day" ("2011/12/05"), "a month"."""
    return "a day" if _YEAR_MONTH_DAY.match(cell) else "a month"
