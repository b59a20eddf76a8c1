"""An Excel workbook (.xlsx, .xlsm), or a LibreOffice one (.ods, `ods`), as a table for the
CSV reader: a sheet's header and rows, each cell as the text a CSV saved from it would hold
(a date cell as "2025-01-17", a number as "48.8566"), so that the same field guessing, dates
and messages apply. Read with openpyxl.

The sheet read is the first whose table has a date and a place (else the first with a header
of two columns or more), among the sheets Excel shows
(a hidden sheet, often a lookup list, is read only when no shown sheet holds a table), with
the shown sheets after it under the same header (a sheet per year) as one table; the report
says so when the workbook has other sheets with data. Rows are numbered as Excel numbers them
(with their sheet's name, `SheetRow`, when several are read).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Callable
from typing import Any

from mapexplorer.formats.errors import FormatError
from mapexplorer.formats.header_rows import names_below_groups, two_row_header
from mapexplorer.formats.report import SheetRow

__all__ = ["Sheet", "SheetRow", "read_sheet"]


class Sheet:
    """A sheet as a table: its name, header, data rows (text cells) and their Excel rows."""

    __slots__ = ("asides", "date_orders", "excel_rows", "header", "name", "notes", "rows")

    def __init__(self, name: str, header: list[str], rows: list[list[str]], excel_rows: list[int]):
        self.name = name
        self.header = header
        self.rows = rows
        self.excel_rows = excel_rows
        self.notes: list[str] = []  # for the read report, before its own notes
        self.asides: list[str] = []
        """Which sheet was read, every row of it as written: the report's asides (its
        headline does not call the rows changed)."""
        self.date_orders: dict[str, str] = {}
        """Column → the order its date cells show their day and month in ("dmy", "mdy"):
        the order of a date typed as text among them ("05/03/2024")."""

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
    from mapexplorer.formats import ods

    unreadable = _UNREADABLE
    if ods.is_ods(path) or str(path).lower().endswith(".ods"):  # read as openpyxl's are
        book: Any = ods.open_ods(path)
        unreadable = ods.UNREADABLE
    else:
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
        raise FormatError(path, unreadable) from None
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
    read_from: Any = _sheet_of_events(shown)
    if read_from is not None:
        found = _table(read_from, limit, progress)
    after = False
    same: list[Sheet] = []  # later sheets under the same header: a sheet per year
    copies: list[str] = []  # such sheets whose every row was read already
    seen: set[tuple[str, ...]] = set()
    for sheet in shown:
        if sheet is read_from:
            after = True
        elif after and found is not None and limit is None and _same_header(sheet, found):
            more = _table(sheet, None, progress)
            if more is not None and more.rows:
                seen = seen or {tuple(row) for row in found.rows}
                if all(tuple(row) in seen for row in more.rows):
                    copies.append(sheet.title)  # "2023" after "All years": its rows again
                    continue
                seen.update(tuple(row) for row in more.rows)
                same.append(_with_uncalculated(book, sheet, more))
        elif _has_data(sheet) if after else _table(sheet, 1) is not None:
            others.append(sheet.title)  # a table passed over for the events after it, too
    for sheet in hidden if found is None else ():
        found = _table(sheet, limit, progress)
        if found is not None:
            found.asides.append(
                f"read the hidden sheet {found.name!r}: no shown sheet holds a table"
            )
            return _with_uncalculated(book, sheet, found)
    if found is None:
        names = ", ".join(repr(s.title) for s in book.worksheets) or "none"
        raise FormatError(
            path,
            "no sheet holds a table (a header row of two columns or more, then rows); "
            f"its sheets: {names}",
        )
    found = _with_uncalculated(book, read_from, found)
    names = [found.name, *(m.name for m in same)]
    listed = ", ".join(repr(n) for n in names[:-1]) + f" and {names[-1]!r}"
    if same:
        found = _joined(found, same)
    if others:
        shown = ", ".join(repr(n) for n in others[:5]) + (" …" if len(others) > 5 else "")
        read = (
            f"read the sheet {found.name!r}"
            if not same
            else f"read the sheets {listed} (the same columns on each)"
        )
        found.asides.append(
            f"{read}; the workbook's other sheets with data ({shown}) were not read (their "
            "columns are not the events' table's; to read one, give it the same header row)"
        )
    elif same:
        found.asides.append(f"read the sheets {listed}, the same columns on each")
    if copies:
        which = ", ".join(repr(n) for n in copies[:5]) + (" …" if len(copies) > 5 else "")
        found.asides.append(
            f"the sheet{'s' if len(copies) > 1 else ''} {which}, under the same header, "
            f"{'hold' if len(copies) > 1 else 'holds'} only rows read already and "
            f"{'were' if len(copies) > 1 else 'was'} not read again"
        )
    return found


def _same_header(sheet: Any, table: Sheet) -> bool:
    """Whether `sheet`'s table has `table`'s header (the same column names, in any case)."""
    head = _table(sheet, 1)
    return head is not None and _names(head.header) == _names(table.header)


def _names(header: list[str]) -> list[str]:
    return [" ".join(name.split()).casefold() for name in header]


def _joined(first: Sheet, more: list[Sheet]) -> Sheet:
    """One table of the rows of sheets that share a header (a sheet per year), each row
    numbered with its sheet; a column's date order kept where the sheets agree."""
    sheets = [first, *more]
    table = Sheet(
        first.name,
        first.header,
        [row for s in sheets for row in s.rows],
        [SheetRow(n, s.name, i) for i, s in enumerate(sheets) for n in s.excel_rows],
    )
    table.notes = [note for s in sheets for note in s.notes]
    table.date_orders = {
        column: order
        for column, order in first.date_orders.items()
        if all(s.date_orders.get(column, order) == order for s in more)
    }
    return table


def _sheet_of_events(sheets: list[Any]) -> Any:
    """The sheet to read: the first whose table has a date and a place (its first rows tell),
    else the first with a table at all (its messages say what it lacks); None without one.
    A cover sheet first (a data dictionary's "Column | Meaning") was read, and the events on
    the next sheet were not."""
    from mapexplorer.formats.fields import SAMPLE_SIZE, guess

    first = None
    for sheet in sheets:
        sample = _table(sheet, SAMPLE_SIZE)
        if sample is None:
            continue
        first = first or sheet
        rows = [dict(zip(sample.header, row, strict=False)) for row in sample.rows]
        if rows and not guess(sample.header, rows).missing:
            return sheet
    return first


def _table(
    sheet: Any, limit: int | None, progress: Callable[[int, int], None] | None = None
) -> Sheet | None:
    """The sheet's header (its first row of two cells or more: a title above it is skipped)
    and data rows, or None when it has no such row."""
    header: list[str] | None = None
    rows: list[list[str]] = []
    excel_rows: list[int] = []
    orders: dict[int, set[str]] = {}  # column → the orders its date cells are shown in
    total = sheet.max_row or 0  # from the sheet's own dimension: a guess, not a count
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if progress is not None and number % 2000 == 0:
            progress(min(number, total), max(total, number))
        values = tuple(cell.value for cell in row)
        cells = [
            _date_text(v, cell.number_format) if isinstance(v, dt.datetime) else _text(v)
            for v, cell in zip(values, row, strict=True)
        ]
        if header is not None:
            for column, (v, cell) in enumerate(zip(values, row, strict=True)):
                if isinstance(v, dt.datetime):
                    orders.setdefault(column, set()).add(_shown_order(cell.number_format))
        while cells and not cells[-1]:
            cells.pop()  # Excel's formatted but empty cells at the end of a row
        if not any(cells):
            continue  # a blank row: counted in the numbering, not read
        if header is None:
            if sum(1 for c in cells if c) < 2:
                continue  # a title or note above the table
            header = cells
            continue
        if not rows and _names_below_groups(header, cells, values):
            # "Date | Event | Location" over "| | Latitude | Longitude", the group names merged
            # over the columns they group: the two rows are the header.
            header = two_row_header(header, cells)
            continue
        rows.append(cells)
        excel_rows.append(number)
        if limit is not None and len(rows) >= limit:
            break
    if header is None:
        return None
    width = len(header)  # cells Excel leaves empty at a row's end are the header's columns
    rows = [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]
    table = Sheet(sheet.title, header, rows, excel_rows)
    table.date_orders = {
        header[column]: shown.pop()
        for column, shown in orders.items()
        if column < width and len(shown) == 1 and next(iter(shown))
    }
    return table


def _names_below_groups(groups: list[str], cells: list[str], values: tuple) -> bool:
    """Whether `cells` name the columns under a row of merged group names (`header_rows`):
    text cells only, as a row of names is (a data row has numbers and dates)."""
    return all(isinstance(v, str) for v in values if v is not None and v != "") and (
        names_below_groups(groups, cells)
    )


def _with_uncalculated(book: Any, sheet: Any, table: Sheet) -> Sheet:
    """`table`, with a note when cells of its rows hold formulas whose results were never
    saved: a workbook written by a program (openpyxl, a script) rather than by Excel or
    LibreOffice has the formulas alone, and such a cell reads as empty ("the date is empty",
    of a cell that shows a date in Excel)."""
    if not any("" in row for row in table.rows):
        return table  # no empty cell: nothing to explain (and no second look at the file)
    try:  # openpyxl keeps the sheet's part in the zip it has open (read-only mode)
        xml = book._archive.read(sheet._worksheet_path)
    except Exception:
        return table
    if b"<f" not in xml:
        return table
    read = set(table.excel_rows)
    found = []
    for match in _FORMULA_CELL.finditer(xml):
        attributes, body = match.group(1), match.group(2)
        if _SAVED_VALUE.search(body) or b't="str"' in attributes:  # a result, maybe ""
            continue
        where = _CELL_REF.search(attributes)
        if where is not None and int(where.group(2)) in read:
            found.append(where.group(1).decode() + where.group(2).decode())
    if found:
        cells = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
        said = (
            f"{len(found)} cells ({cells}) hold formulas whose results were not saved in "
            "the workbook, so they read as empty"
            if len(found) > 1
            else f"1 cell ({cells}) holds a formula whose result was not saved in the "
            "workbook, so it reads as empty"
        )
        table.notes.append(
            f"{said} (it was written by a "
            "program that does not calculate): open it in Excel or LibreOffice, save it, and "
            "open it again"
        )
    return table


_FORMULA_CELL = re.compile(rb"<c\b([^>]*)>((?:(?!</c>).)*?<f[\s>/](?:(?!</c>).)*?)</c>", re.S)
_SAVED_VALUE = re.compile(rb"<v>\s*[^<\s]")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')


def _has_data(sheet: Any) -> bool:
    """Whether a sheet not read has data, to name it in the report: its first rows tell
    (parsing a big sheet whole only to say it is there took seconds)."""
    rows = itertools.islice(sheet.iter_rows(values_only=True), _LOOKED_AT)
    return any(any(v is not None and v != "" for v in row) for row in rows)


_LOOKED_AT = 200


def _date_text(value: dt.datetime, number_format: str | None) -> str:
    """A date cell as precise as the sheet shows it: the month of one whose format shows no
    day ("June 1914" typed in Excel is the first of June, shown "mmm-yy"), the year of one
    that shows only its year; else as `_text` writes it."""
    shown = _FORMAT_LITERALS.sub("", (number_format or "").split(";")[0]).lower()
    if value.time() == dt.time(0, 0) and "y" in shown and not any(c in shown for c in "dhs"):
        return value.strftime("%Y-%m" if "m" in shown else "%Y")
    return _text(value)


def _shown_order(number_format: str | None) -> str:
    """The order a date cell's format shows its day and month in: "dmy" ("dd/mm/yyyy",
    "d.m.yy"), "mdy" ("m/d/yyyy", Excel's "mm-dd-yy"), or "" (year first, or no day)."""
    shown = _FORMAT_LITERALS.sub("", (number_format or "").split(";")[0]).lower()
    shown = re.sub(r"d{3,}", "", shown)  # the weekday's name ("dddd, mmmm dd, yyyy"): no day
    day, month = shown.find("d"), shown.find("m")
    if day < 0 or month < 0 or shown.find("y") < min(day, month):
        return ""
    return "dmy" if day < month else "mdy"


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
"""What a number format shows as it is: quoted text, an escaped character, a colour or locale
in brackets, a space as wide as a character (`_)`), a fill (`*-`)."""


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
