"""A table's header over two rows, as teachers' and reports' sheets have it: a row of group
names, each merged over the columns it groups ("Location" over two), above the column names
("Latitude | Longitude"), with the columns that need no group merged down over both rows
("Date", "Event"). A CSV saved from such a sheet has the same two rows, the merged cells
empty.

    | Date | Event | Location            |
    |      |       | Latitude | Longitude |
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["names_below_groups", "two_row_header"]


def names_below_groups(groups: Sequence[str], cells: Sequence[str]) -> bool:
    """Whether `cells`, the row after the header row `groups`, name the columns below it: text
    without digits (a data row has dates and numbers), naming a column `groups` leaves unnamed
    (one a group's merged name spans), with every column named by one row or the other."""
    groups, cells = _trimmed(groups), _trimmed(cells)
    width = max(len(groups), len(cells))
    groups = [*groups, *[""] * (width - len(groups))]
    cells = [*cells, *[""] * (width - len(cells))]
    named = [c for c in cells if c]
    return (
        bool(named)
        and not any(ch.isdigit() for c in named for ch in c)
        and any(c and not g for g, c in zip(groups, cells, strict=True))
        and all(g or c for g, c in zip(groups, cells, strict=True))
    )


def two_row_header(groups: Sequence[str], names: Sequence[str]) -> list[str]:
    """Each column's name: the one below (`names`), else its group's, merged over both rows.
    A name found under two groups takes its group's name before it ("Year" under "Start" and
    under "End": "Start Year", "End Year"), so the two stay apart and say what they are."""
    width = max(len(groups), len(names))  # a CSV's empty columns at the end stay columns
    groups, names = [g.strip() for g in groups], [n.strip() for n in names]
    groups = [*groups, *[""] * (width - len(groups))]
    names = [*names, *[""] * (width - len(names))]
    spans: list[str] = []  # the group above each column: the last group name at or before it
    for group in groups:
        spans.append(group or (spans[-1] if spans else ""))
    repeated = {n for n in names if n and names.count(n) > 1}
    out = []
    for group, span, name in zip(groups, spans, names, strict=True):
        if not name:
            out.append(group)
        elif name in repeated and span:
            out.append(f"{span} {name}")
        else:
            out.append(name)
    return out


def _trimmed(cells: Sequence[str]) -> list[str]:
    """The cells without the empty ones at the end (a spreadsheet's trailing empty columns)."""
    out = [c.strip() for c in cells]
    while out and not out[-1]:
        out.pop()
    return out
