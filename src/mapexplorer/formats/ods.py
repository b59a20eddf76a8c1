"""A LibreOffice Calc spreadsheet (.ods, OpenDocument) as a workbook `workbook` reads: its
sheets, each a list of rows of cells holding what openpyxl would give for the same sheet
saved as .xlsx (text, numbers, dates, booleans), so that the same sheet choice, dates and
messages apply. Read from the file's `content.xml` with the standard library.

A cell repeated across columns or rows (LibreOffice writes "the next 3 cells are empty", and
identical rows once with a count) is repeated; the empty rows and columns it writes to the
sheet's end (a million of them) are not."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from mapexplorer.formats.errors import MAX_BYTES, FormatError

__all__ = ["MIMETYPE", "UNREADABLE", "OdsBook", "is_ods", "open_ods"]

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
"""The first member of every .ods (and, with "-template", .ots) zip."""

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"

_MOST_REPEATED = 10_000
"""A row or a cell with content repeated more often than this is repeated this often: no
sheet of events has ten thousand identical rows, and a crafted file could ask for billions."""


class _Cell:
    """A cell as openpyxl gives one: its value and the number format that shows it."""

    __slots__ = ("number_format", "value")

    def __init__(self, value: Any, number_format: str = "General") -> None:
        self.value = value
        self.number_format = number_format


class _Sheet:
    """A sheet as `workbook` reads an openpyxl worksheet (read-only mode)."""

    def __init__(self, title: str, shown: bool, rows: list[list[_Cell]]) -> None:
        self.title = title
        self.sheet_state = "visible" if shown else "hidden"
        self._rows = rows
        self.max_row = len(rows)

    def iter_rows(self, values_only: bool = False) -> Iterator[Any]:
        for row in self._rows:
            yield tuple(c.value for c in row) if values_only else tuple(row)


class OdsBook:
    """A spreadsheet's sheets, as `workbook` reads an openpyxl workbook."""

    def __init__(self, worksheets: list[_Sheet]) -> None:
        self.worksheets = worksheets

    def close(self) -> None:
        """Nothing is left open (the zip was read whole)."""


def is_ods(path: str | os.PathLike) -> bool:
    """Whether a file is an OpenDocument spreadsheet: a zip whose `mimetype` says so."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype")[:100].startswith(MIMETYPE)
    except Exception:  # not a zip, or no mimetype: not one we can read as such
        return False


UNREADABLE = (
    "a LibreOffice (OpenDocument) spreadsheet that cannot be read (damaged, incomplete, or "
    "not a spreadsheet inside): open it in LibreOffice Calc, save the sheet as CSV (UTF-8), "
    "and open that"
)


def open_ods(path: str | os.PathLike) -> OdsBook:
    """The spreadsheet's sheets; `FormatError` when it cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("content.xml")
            if info.file_size > MAX_BYTES:
                raise FormatError(path, "its sheets are too large to read (over 1 GB of XML)")
            data = archive.read(info)
    except FormatError:
        raise
    except Exception:  # not a zip, no content.xml, a broken member
        raise FormatError(path, UNREADABLE) from None
    import xml.etree.ElementTree as ET  # here: the opener asks `is_ods` at launch

    from mapexplorer.formats.xml_document import expat_reason

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        if "amplification" in expat_reason(exc):
            raise FormatError(
                path, "the file's XML entities expand to far more text than it holds: not read"
            ) from None
        raise FormatError(path, UNREADABLE) from None
    hidden = _hidden_styles(root)
    sheets = [
        _sheet(table, hidden)
        for body in root.iter(f"{_OFFICE}spreadsheet")
        for table in body.iter(f"{_TABLE}table")
    ]
    return OdsBook(sheets)


def _hidden_styles(root: Any) -> set[str]:
    """The names of the table styles that hide a sheet (`table:display="false"`)."""
    hidden = set()
    for style in root.iter(f"{_STYLE}style"):
        for props in style.iter(f"{_STYLE}table-properties"):
            if props.get(f"{_TABLE}display") == "false":
                hidden.add(style.get(f"{_STYLE}name", ""))
    return hidden


def _sheet(table: Any, hidden: set[str]) -> _Sheet:
    rows: list[list[_Cell]] = []
    blank = 0  # empty rows not yet kept: kept only when a row with content follows
    for row in _rows(table):
        cells = _cells(row)
        count = _repeat(row, "number-rows-repeated")
        if not cells:
            blank += count
            continue
        rows += [[] for _ in range(blank)]
        blank = 0
        rows += [cells] + [list(cells) for _ in range(min(count, _MOST_REPEATED) - 1)]
    shown = table.get(f"{_TABLE}style-name", "") not in hidden
    return _Sheet(table.get(f"{_TABLE}name", "Sheet"), shown, rows)


def _rows(table: Any) -> Iterator[Any]:
    """The table's rows, in header-rows and row-groups too."""
    for child in table:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in (
            f"{_TABLE}table-header-rows",
            f"{_TABLE}table-row-group",
            f"{_TABLE}table-rows",
        ):
            yield from _rows(child)


def _repeat(element: Any, name: str) -> int:
    try:
        return max(1, int(element.get(f"{_TABLE}{name}", "1")))
    except ValueError:
        return 1


def _cells(row: Any) -> list[_Cell]:
    """A row's cells, the empty ones at its end left out: [] for an empty row."""
    cells: list[_Cell] = []
    empty = 0  # empty cells not yet kept: kept only when a cell with content follows
    for cell in row:
        if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            continue
        count = _repeat(cell, "number-columns-repeated")
        value = _value(cell) if cell.tag == f"{_TABLE}table-cell" else _Cell(None)  # merged
        if value.value is None:
            empty += count
            continue
        cells += [_Cell(None) for _ in range(empty)]
        empty = 0
        cells += [value] * min(count, _MOST_REPEATED)
    return cells


def _value(cell: Any) -> _Cell:
    kind = cell.get(f"{_OFFICE}value-type")
    shown = _text(cell)
    if kind in ("float", "percentage", "currency"):
        number = _number(cell.get(f"{_OFFICE}value"))
        return _Cell(number if number is not None else shown or None)
    if kind == "date":
        when = _date(cell.get(f"{_OFFICE}date-value", ""))
        return _Cell(when, _date_format(shown, when)) if when is not None else _Cell(shown or None)
    if kind == "boolean":
        return _Cell(cell.get(f"{_OFFICE}boolean-value") == "true")
    return _Cell(shown or None)  # a string, a time of day as shown, or no type: its text


def _number(text: str | None) -> int | float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


_DATE = re.compile(r"(-?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(?:\.\d+)?)?")


def _date(text: str) -> dt.datetime | None:
    match = _DATE.match(text)
    if match is None:
        return None
    try:
        parts = [int(p) for p in match.groups(default="0")]
        return dt.datetime(*parts)  # type: ignore[arg-type]
    except (ValueError, OverflowError):  # a year before 1 or after 9999: as shown
        return None


_NUMERIC_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}$")


def _date_format(shown: str, when: dt.datetime | None = None) -> str:
    """The number format a date is shown with, as far as `workbook` asks (whether it shows a
    day, or only a month or a year: "June 1914" and "06/1914" show no day; and the order of
    a day and a month in numbers: "05/03/2024" for 5 March is "dd/mm/yyyy")."""
    if not shown:
        return "yyyy-mm-dd"
    numbers = _NUMERIC_DATE.match(shown.strip())
    if numbers and when is not None and when.day != when.month:
        first, second = int(numbers[1]), int(numbers[2])
        if (first, second) == (when.day, when.month):
            return "dd/mm/yyyy"
        if (first, second) == (when.month, when.day):
            return "mm/dd/yyyy"
    from mapexplorer.formats.dates import parse_date
    from mapexplorer.model import DateError, Precision

    try:
        precision = parse_date(shown).precision
    except DateError:
        return "yyyy-mm-dd"
    return {Precision.MONTH: "mmmm yyyy", Precision.YEAR: "yyyy"}.get(precision, "yyyy-mm-dd")


def _text(element: Any) -> str:
    """A cell's text: its paragraphs, one a line, with their spaces, tabs and line breaks."""
    paragraphs = [_inline(p) for p in element if p.tag in (f"{_TEXT}p", f"{_TEXT}h")]
    return "\n".join(paragraphs)


def _inline(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * _spaces(child))
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif not tag.startswith(_OFFICE):  # a note (office:annotation) is not the cell's
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _spaces(element: Any) -> int:
    try:
        return min(max(1, int(element.get(f"{_TEXT}c", "1"))), 1000)
    except ValueError:
        return 1
