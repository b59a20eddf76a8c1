"""Places a file names in words, without coordinates ("Paris", "Kherson, Ukraine",
"Springfield, IL"): found in the gazetteer the article importer uses (country outlines, our
regions, GeoNames towns of over 15,000 people), so a spreadsheet of events needs no latitude
and longitude.

A file's names are resolved together, each the others' context: in a list of Illinois towns,
"Springfield" is the one in Illinois. What each name was read as goes in the read's report, so
that the user sees every guess and can correct it (a state or country after a comma, or the
coordinates).
"""

from __future__ import annotations

from collections.abc import Iterable

from mapexplorer.formats.reading import CatalogueBuilder
from mapexplorer.model import PlaceError
from mapexplorer.words import counted

__all__ = ["PlaceNameError", "PlacesByName"]

_SHOWN = 5
_CLOSE = 0.25
"""Readings this close in score are a toss-up (about 1.8× in population between two towns):
the report says which one was taken and how to choose the other."""


class PlaceNameError(PlaceError):
    """A place name we cannot place: reported against the file's place field."""


class PlacesByName:
    """The places of one file's place names; the gazetteer (about a second to load the first
    time) is loaded only if some row or feature needs it."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._names = [name for name in dict.fromkeys(names) if name]
        self._found: dict | None = None
        self._used: dict[str, list] = {}  # name → its candidates, in the order first used
        self._ids: dict[str, str] = {}  # gazetteer entry → place id: "Kiev" and "Kyiv" are one

    def place(self, builder: CatalogueBuilder, name: str, place_id: str = "") -> str:
        """The id of the place `name` stands for, made once; `PlaceNameError` when we know
        none."""
        from mapexplorer.importer.gazetteer import gazetteer

        gaz = gazetteer()
        if self._found is None:
            self._found = gaz.resolve_names(self._names)
        candidates = self._found.get(name)
        if candidates is None:  # a name not given up front: on its own
            candidates = self._found[name] = gaz.resolve_names([name])[name]
        if not candidates:
            raise PlaceNameError(_unknown(gaz, name))
        self._used.setdefault(name, candidates)
        entry = candidates[0].entry
        known = self._ids.get(entry.key)
        if known is not None and not place_id:
            return known
        new_id = builder.shape_place(
            name,
            gaz.geometry(entry),
            place_id or entry.place_id,
            source=f"Placed by its name in the file ({name!r}), as {gaz.describe(entry)}: "
            f"{entry.source}",
        )
        self._ids.setdefault(entry.key, new_id)
        return new_id

    def notes(self) -> list[str]:
        """The report's lines: what the names were read as, and the toss-ups."""
        if not self._used:
            return []
        from mapexplorer.importer.gazetteer import gazetteer

        gaz = gazetteer()
        readings = [
            f"{name!r} as {gaz.describe(candidates[0].entry)}"
            for name, candidates in list(self._used.items())[:_SHOWN]
        ]
        more = len(self._used) - _SHOWN
        lines = [
            f"{counted(len(self._used), 'place')} found by name (no coordinates given): "
            + "; ".join(readings)
            + (f"; and {more:,} more" if more > 0 else "")
            + " (give latitude and longitude to place them exactly)"
        ]
        for name, candidates in self._used.items():
            if len(candidates) < 2 or candidates[0].score - candidates[1].score > _CLOSE:
                continue
            other = candidates[1].entry
            lines.append(
                f"{name!r} could be more than one place: read as "
                f"{gaz.describe(candidates[0].entry)}, not {gaz.describe(other)}; to choose, "
                f"write its state or country after a comma (e.g. {_qualified(gaz, other)!r})"
            )
        return lines


def _qualified(gaz, entry) -> str:
    """ "Springfield, MA": a name with what tells it from its namesakes."""
    described = gaz.describe(entry)
    if entry.country == "US" and entry.admin1.isalpha():
        return f"{entry.name}, {entry.admin1}"
    return described


def _unknown(gaz, name: str) -> str:
    head, comma, rest = name.partition(",")
    if comma and rest.strip() and gaz.lookup(head.strip()):
        return f"we know no {head.strip()!r} in {rest.strip()!r} (give its latitude and longitude)"
    return (
        f"{name!r} is not a place we know by name (we know countries, many regions and towns "
        "of over 15,000 people); give its latitude and longitude"
    )
