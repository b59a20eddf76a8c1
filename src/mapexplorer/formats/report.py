"""What a read left out: the file, how many items it had, and each problem.

Its own module, light to import: opening our own files needs the report, not the machinery of
the readers of other tools' files (`reading`, `fields`)."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mapexplorer.words import counted

if TYPE_CHECKING:
    from mapexplorer.formats.fields import FieldChoice

__all__ = ["Problem", "ReadReport", "SheetRow", "numbered", "problem_lines", "warning_lines"]


@dataclass(frozen=True)
class Problem:
    """One row or feature we could not read, and why."""

    item: str
    """"row 12", "feature 3", "placemark 'Kyiv' (4)"."""
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.item}, field {self.field!r}" if self.field else self.item
        return f"{where}: {self.message}"


@dataclass
class ReadReport:
    """What a read left out: the file, how many items it had, and each problem."""

    path: str
    unit: str = "row"
    total: int = 0
    """Rows, features or placemarks in the file."""
    events: int = 0
    """Events read (rows of one event–place pair per line group into one event)."""
    problems: list[Problem] = field(default_factory=list)
    choice: FieldChoice | None = None
    """The fields that were read (None for formats that need no guessing)."""
    unsure: tuple[str, ...] = ()
    """Why those fields could be read another way, when they were guessed and the guess was
    unsure (the window asks; the command line says how it read them)."""
    notes: list[str] = field(default_factory=list)
    """What was read, but not quite as the file has it, one line each: "rows 5 and 9 have
    more cells than the header's 4 columns (2 extra cells dropped)"."""
    asides: list[str] = field(default_factory=list)
    """What the file as a whole is read as, every row as written: "the eras overlap, …, so
    the time slider shows no chapters". The headline does not call these rows changed."""

    @property
    def skipped(self) -> int:
        """Items that could not be read."""
        return len({p.item for p in self.problems})

    def __bool__(self) -> bool:
        """True when there is something to tell the user."""
        return bool(self.problems or self.notes or self.asides)

    def lines(self) -> list[str]:
        """Each problem (`problem_lines`), then each aside and note: the report without its
        headline (what the file as a whole was read as, before what was changed)."""
        return [*problem_lines(self.problems), *self.asides, *self.notes]

    def text(self) -> str:
        """The report as the user copies it: the headline names the file."""
        return "\n".join([self.headline(), *(f"  {line}" for line in self.lines())])

    def headline(self) -> str:
        """The report's first line: the file, and how many of its items were read."""
        name = os.path.basename(self.path) or self.path
        if self.problems:
            return (
                f"{name}: {self.skipped} of {self.total} {self.unit}s could not be read "
                f"and were left out."
            )
        if self.total == 1:  # not "all 1 rows"
            said = f"{name}: its one {self.unit} read"
            return said + (", not quite as written:" if self.notes else self._aside_said())
        if self.notes:
            return f"{name}: all {self.total} {self.unit}s read, some not quite as written:"
        return f"{name}: all {self.total} {self.unit}s read" + self._aside_said()

    def _aside_said(self) -> str:
        """The headline's end when nothing was changed: a note about the file, or none."""
        if not self.asides:
            return "."
        return " as written; " + ("a note" if len(self.asides) == 1 else "notes") + " on the file:"

    def about(self) -> str:
        """What the report tells, for a dialog's title: "Some rows were left out", "Some rows
        were not read as written", or "A note on the file" when every row read as written."""
        if self.problems:
            return f"Some {self.unit}s were left out"
        if self.notes:
            return f"Some {self.unit}s were not read as written"
        return "A note on the file" if len(self.asides) <= 1 else "Notes on the file"

    __str__ = text


def warning_lines(report: ReadReport, limit: int = 20) -> list[str]:
    """The lines a user at a terminal needs: each problem of `report` (the first `limit`),
    and how the file was read when its fields read more than one way."""
    lines = []
    if report:
        lines.append(report.headline())
        problems = problem_lines(report.problems)
        lines += problems[:limit]
        if len(problems) > limit:
            lines.append(f"… and {len(problems) - limit} more")
        lines += report.notes + report.asides  # a line or two each, never cut off
    if report.unsure:
        name = os.path.basename(report.path)
        order = report.choice.date_order if report.choice else ""
        order = {"dmy": "day/month", "mdy": "month/day"}.get(order, "")
        read_as = f" (numeric dates read as {order})" if order else ""
        for reason in report.unsure:
            lines.append(
                f"{name}: {reason}; read with the likeliest fields{read_as}. "
                "Open it in the window to choose."
            )
    return lines


_NUMBERED = re.compile(r"(\w+) (\d+)(?: of sheet '(.*)')?", re.S)
"""An item named by its number alone: "row 12", "feature 3" (not "placemark 'Kyiv' (4)"), or
with its sheet, of a workbook's sheets read as one table ("row 12 of sheet '2023'")."""


class SheetRow(int):
    """An Excel row's number on one of several sheets read as one table: the report names
    it with its sheet ("row 5 of sheet '2023'"), as `report.numbered` groups them."""

    sheet: str
    order: int
    """The sheet's place among those read: rows sort by it, then by number."""

    def __new__(cls, number: int, sheet: str, order: int) -> SheetRow:
        made = super().__new__(cls, number)
        made.sheet, made.order = sheet, order
        return made

    def __str__(self) -> str:
        return f"{int(self)} of sheet {self.sheet!r}"

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SheetRow):
            return (self.order, int(self)) == (other.order, int(other))
        return int(self) == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __lt__(self, other: object) -> bool:
        if isinstance(other, SheetRow):
            return (self.order, int(self)) < (other.order, int(other))
        return int(self) < other  # type: ignore[operator]

    def __hash__(self) -> int:
        return hash((self.order, int(self)))


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """Each problem on a line of its own, but the same problem on many numbered items as one
    line naming them all, where the first of them was: a mostly empty date column's 90 "the
    date is empty" are "rows 2–91 (90 rows), field 'date': the date is empty", not 90 lines
    burying the others; every row is still there to be found."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    lines: list[str | tuple[str, str, str]] = []
    sheets: dict[str, int] = {}  # a workbook's sheets, in the order their rows come
    for problem in problems:
        match = _NUMBERED.fullmatch(problem.item)
        if match is None:
            lines.append(str(problem))
            continue
        key = (match[1], problem.field, problem.message)
        if key not in groups:
            groups[key] = []
            lines.append(key)
        sheet = match[3]
        number = int(match[2])
        if sheet is not None:
            number = SheetRow(number, sheet, sheets.setdefault(sheet, len(sheets)))
        groups[key].append(number)
    out = []
    for line in lines:
        if isinstance(line, str):
            out.append(line)
            continue
        unit, field_name, message = line
        items = numbered(unit, groups[line])
        where = f"{items}, field {field_name!r}" if field_name else items
        out.append(f"{where}: {message}")
    return out


def _sheet(number: int) -> str | None:
    """The sheet a row number is of, when a workbook's sheets were read as one table."""
    return getattr(number, "sheet", None)


def numbered(unit: str, numbers: Sequence[int]) -> str:
    """ "row 5", "rows 5 and 9", "rows 2–91 (90 rows)", "rows 2–40, 45 and 50–91 (88 rows)":
    runs of three or more as ranges, with how many when there is a range. The problem lines
    and the notes name their rows so, every one of them findable."""
    numbers = sorted(set(numbers))
    if len(numbers) == 1:
        return f"{unit} {numbers[0]}"
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1 and _sheet(n) == _sheet(runs[-1][-1]):
            runs[-1].append(n)
        else:
            runs.append([n])
    groups: dict[str | None, list[str]] = {}  # a workbook's sheets read as one: by sheet
    for run in runs:
        parts = groups.setdefault(_sheet(run[0]), [])
        parts += [f"{int(run[0])}–{int(run[-1])}"] if len(run) >= 3 else [str(int(n)) for n in run]
    listed = "; ".join(
        (parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}")
        + (f" of sheet {sheet!r}" if sheet is not None else "")
        for sheet, parts in groups.items()
    )
    many = any(len(run) >= 3 for run in runs)
    return f"{unit}s {listed}" + (f" ({counted(len(numbers), unit)})" if many else "")
