"""An Excel workbook (.xlsx, .xlsm) as a table for the CSV reader: a sheet's header and rows,
each cell as the text a CSV saved from it would hold (a date cell as "2025-01-17", a number
as "48.8566"), so that the same field guessing, dates and messages apply. Read with openpyxl.

The sheet read is the first with a header of two columns or more, among the sheets Excel shows
(a hidden sheet, often a lookup list, is read only when no shown sheet holds a table); the
report says so when the workbook has other sheets with data. Rows are numbered as Excel
numbers them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

from mapexplorer.formats.errors import FormatError

__all__ = ["Sheet", "read_sheet"]


class Sheet:
    """A sheet as a table: its name, header, data rows (text cells) and their Excel rows."""

    __slots__ = ("excel_rows", "header", "name", "note", "rows")

    def __init__(self, name: str, header: list[str], rows: list[list[str]], excel_rows: list[int]):
        self.name = name
        self.header = header
        self.rows = rows
        self.excel_rows = excel_rows
        self.note = ""

    def __call__(self, index: int) -> int:
        """The Excel row number of data row `index` (the CSV reader's `RowNumbers`)."""
        return self.excel_rows[index]


def read_sheet(
    path: str | os.PathLike,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Sheet:
    """The workbook's first sheet with a table; `FormatError` when there is none, or when the
    file is no workbook openpyxl can read. At most `limit` data rows if given. `progress(rows
    read, rows in the sheet)` every few thousand rows (a big sheet takes seconds); it may
    raise to cancel."""
    try:
        import openpyxl
    except ImportError:  # a broken install: say what to do rather than fail obscurely
        raise FormatError(
            path, "reading Excel workbooks needs the openpyxl package; save the sheet as CSV"
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises a dozen kinds (zip, XML, KeyError…) for a bad file
        raise FormatError(path, _UNREADABLE) from None
    try:
        return _first_table(path, book, limit, progress)
    except FormatError:
        raise
    except Exception:  # a sheet's XML broken inside a workbook that opened
        raise FormatError(path, _UNREADABLE) from None
    finally:
        book.close()


_UNREADABLE = (
    "an Excel workbook that cannot be read (damaged, incomplete, or not a workbook inside): "
    "open it in Excel or LibreOffice, save the sheet as CSV (UTF-8), and open that"
)


def _first_table(
    path: str | os.PathLike,
    book: Any,
    limit: int | None,
    progress: Callable[[int, int], None] | None,
) -> Sheet:
    """The first shown sheet with a table (else the first hidden one); the note names the other
    shown sheets with data."""
    found: Sheet | None = None
    others: list[str] = []
    shown = [s for s in book.worksheets if getattr(s, "sheet_state", "visible") == "visible"]
    hidden = [s for s in book.worksheets if s not in shown]
    for sheet in shown:
        if found is not None:
            if _has_data(sheet):
                others.append(sheet.title)
            continue
        found = _table(sheet, limit, progress)
    for sheet in hidden if found is None else ():
        found = _table(sheet, limit, progress)
        if found is not None:
            found.note = f"read the hidden sheet {found.name!r}: no shown sheet holds a table"
            return found
    if found is None:
        names = ", ".join(repr(s.title) for s in book.worksheets) or "none"
        raise FormatError(
            path,
            "no sheet holds a table (a header row of two columns or more, then rows); "
            f"its sheets: {names}",
        )
    if others:
        shown = ", ".join(repr(n) for n in others[:5]) + (" …" if len(others) > 5 else "")
        found.note = (
            f"read the sheet {found.name!r}; the workbook's other sheets with data "
            f"({shown}) were not read (to read another, make it the first sheet)"
        )
    return found


def _table(
    sheet: Any, limit: int | None, progress: Callable[[int, int], None] | None = None
) -> Sheet | None:
    """The sheet's header (its first row of two cells or more: a title above it is skipped)
    and data rows, or None when it has no such row."""
    header: list[str] | None = None
    rows: list[list[str]] = []
    excel_rows: list[int] = []
    total = sheet.max_row or 0  # from the sheet's own dimension: a guess, not a count
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if progress is not None and number % 2000 == 0:
            progress(min(number, total), max(total, number))
        cells = [_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()  # Excel's formatted but empty cells at the end of a row
        if not any(cells):
            continue  # a blank row: counted in the numbering, not read
        if header is None:
            if sum(1 for c in cells if c) < 2:
                continue  # a title or note above the table
            header = cells
            continue
        rows.append(cells)
        excel_rows.append(number)
        if limit is not None and len(rows) >= limit:
            break
    if header is None:
        return None
    width = len(header)  # cells Excel leaves empty at a row's end are the header's columns
    rows = [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]
    return Sheet(sheet.title, header, rows, excel_rows)


def _has_data(sheet: Any) -> bool:
    return any(
        any(v is not None and v != "" for v in row) for row in sheet.iter_rows(values_only=True)
    )


def _text(value: Any) -> str:
    """A cell as a CSV saved from Excel would hold it, but with dates in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds" if value.microsecond == 0 else "auto")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)
