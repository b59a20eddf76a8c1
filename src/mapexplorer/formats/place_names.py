"""Places a file names in words, without coordinates ("Paris", "Kherson, Ukraine",
"Springfield, IL"): found in the gazetteer the article importer uses (country outlines, our
regions, GeoNames towns of over 15,000 people and smaller ones near the file's others or
written with their country), so a spreadsheet of events needs no latitude
and longitude.

A file's names are resolved together, each the others' context: in a list of Illinois towns,
"Springfield" is the one in Illinois. What each name was read as goes in the read's report, so
that the user sees every guess and can correct it (a state or country after a comma, or the
coordinates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mapexplorer.formats.reading import CatalogueBuilder
from mapexplorer.model import PlaceError
from mapexplorer.model.place import haversine_km
from mapexplorer.words import counted

__all__ = ["PlaceNameError", "PlacesByName", "spots_of_names"]

_SHOWN = 5
_NEAR_KM = 100.0
_FAR_BIGGER = 10
"""A namesake this many times bigger than the reading taken is worth a line in the report."""
_CLOSE = 0.25
"""Readings this close in score are a toss-up (about 1.8× in population between two towns):
the report says which one was taken and how to choose the other."""


_ROUGHLY = re.compile(r"^(?:just\s+)?(?:off|near|nr\.?|outside|close\s+to)\s+(?=\S)", re.I)
"""A part of a name that says where in the sea before it ("off Jutland", "near Dunkirk")."""
_WATER = re.compile(r"\b(?:sea|ocean|channel|gulf|bay|bight|strait|straits|sound)\b", re.I)
"""A sea's word, in a name we do not know ("Celtic Sea")."""
_OFF_DEGREES = 1.0
"""How much further from the sea than the nearest namesake another may lie and stay first."""

_AREA_WORD = re.compile(
    r"\b(?:oblast'?|obl\.|region|province|provincia|governorate|district|county|raion|rayon|"
    r"krai|kray|voivodeship|prefecture|department|municipality|canton|state)\b",
    re.IGNORECASE,
)
"""A word that names an administrative area ("Donetsk Oblast", "Idlib Governorate")."""


def spots_of_names(names: Iterable[str]) -> dict[str, tuple[float, float]]:
    """Where each of a file's place names lies (lon, lat), as `PlacesByName` will read them
    together, for what needs the spot before the places are made (a UTC time's local day);
    a name we do not know is left out. The gazetteer is loaded only for some name."""
    wanted = [n for n in dict.fromkeys(names) if n and n.strip()]
    if not wanted:
        return {}
    from mapexplorer.importer.gazetteer import gazetteer

    found = gazetteer().resolve_names(wanted)
    return {n: (c[0].entry.lon, c[0].entry.lat) for n, c in found.items() if c}


class PlaceNameError(PlaceError):
    """A place name we cannot place: reported against the file's place field."""


class PlacesByName:
    """The places of one file's place names; the gazetteer (about a second to load the first
    time) is loaded only if some row or feature needs it."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        # a list of places ("Paris, France; Lyon, France") is resolved as its parts, each
        # the others' context
        self._names = [
            part
            for name in dict.fromkeys(names)
            if name
            for part in (_list_parts(name, _APART) if _APART.search(name) else [name])
        ]
        self._found: dict | None = None
        self._used: dict[str, list] = {}  # name → its candidates, in the order first used
        self._ids: dict[str, str] = {}  # gazetteer entry → place id: "Kiev" and "Kyiv" are one
        self._dropped: dict[str, str] = {}  # name → the unknown area after its comma, left out
        self._listed: dict[str, list[str]] = {}  # a list of places → its parts we do not know
        self._elsewhere: dict[str, str] = {}  # name → its row's country, where it is not

    def place(
        self, builder: CatalogueBuilder, name: str, place_id: str = "", shown: str = ""
    ) -> str:
        """The id of the place `name` stands for, made once; `PlaceNameError` when we know
        none. `shown`: the place's name when `name` is it with its row's country ("Paris, France"
        for "Paris"), also tried alone when the two together find nothing."""
        from mapexplorer.importer.gazetteer import gazetteer

        gaz = gazetteer()
        candidates = self._candidates(gaz, name)
        if not candidates and shown and shown != name:
            # "Paris, FRA": a country column we cannot read is no reason to lose the row; one
            # we read ("Paris" in a row of "Germany") is not where the name is: said
            country = name[len(shown) :].lstrip(", ") if name.startswith(shown) else ""
            if country and any(c.entry.country for c in gaz.area(country)):
                self._elsewhere.setdefault(shown, country)
            name = shown
            candidates = self._candidates(gaz, name)
        if not candidates:
            raise PlaceNameError(_unknown(gaz, name))
        self._used.setdefault(name, candidates)
        entry = candidates[0].entry
        known = self._ids.get(entry.key)
        if known is not None and not place_id:
            return known
        new_id = builder.shape_place(
            shown or name,  # the file's own spelling, not the row's country with it
            gaz.geometry(entry),
            place_id or entry.place_id,
            source=f"Placed by its name in the file ({name!r}), as {_reading(gaz, entry)}: "
            f"{entry.source}",
        )
        self._ids.setdefault(entry.key, new_id)
        return new_id

    def places(
        self, builder: CatalogueBuilder, name: str, place_id: str = "", shown: str = ""
    ) -> list[str]:
        """`place`, or, for a name that reads as no place and is a list of places, as a
        Wikipedia table's "Location" writes several ("Manchuria, Yellow Sea"), the ones we know
        among them, when they are at least half (the report says which were not): not "Paris,
        Germany", where the last part is a country or state that rules the town out. Parts
        apart by semicolons or line breaks ("Paris, France; Lyon, France") are each a place,
        written as any other name; so are those joined by "and", "&" or "/" in a name that
        reads as no place ("Paris and Lyon": not "Bosnia and Herzegovina")."""
        listed = shown or name
        if _APART.search(listed):
            return self._semicolon_list(builder, name, listed, _APART)
        joined = _list_parts(listed, _JOINED) if _JOINED.search(listed) else []
        if len(joined) > 1 and not all(len(part) > 2 for part in joined):
            joined = []  # "N/A"
        if joined and "," in listed and _joined_left_out(listed):
            # "Paris, France and Lyon, France", not Paris leaving out "France and Lyon"
            return self._semicolon_list(builder, name, listed, _JOINED)
        try:
            return [self.place(builder, name, place_id, shown)]
        except PlaceNameError as exc:
            listed = shown or name
            if "&" in listed:  # "Trinidad & Tobago" is Trinidad and Tobago
                try:
                    return [self.place(builder, listed.replace("&", "and"), place_id, listed)]
                except PlaceNameError:
                    pass
            if len(joined) > 1:
                try:
                    return self._semicolon_list(builder, name, listed, _JOINED)
                except PlaceNameError:
                    raise exc from None
            parts = [p.strip() for p in listed.split(",")]
            if len(parts) < 2 or not all(parts):
                raise
            if (near := self._off_a_coast(builder, parts, listed, place_id)) is not None:
                return [near]
            if self._qualified_town(parts):
                raise
            known: list[str] = []
            unknown: list[str] = []
            for part in dict.fromkeys(parts):
                try:
                    known.append(self.place(builder, part))
                except PlaceNameError:
                    unknown.append(part)
            if len(known) < len(unknown):  # most of it unknown: no event at a corner of it
                raise
            self._listed.setdefault(listed, unknown)
            return list(dict.fromkeys(known))

    def _off_a_coast(
        self, builder: CatalogueBuilder, parts: list[str], listed: str, place_id: str
    ) -> str | None:
        """A sea and where in it, as a list of naval battles writes it ("North Sea, off
        Jutland", "Celtic Sea, off Kinsale, Ireland", "English Channel, near Dunkirk"): one
        place, by the place after "off" or "near" (the namesake nearest the sea, Brest in
        France beside the Atlantic), named as the file writes it; None for any other name."""
        from mapexplorer.importer.gazetteer import gazetteer

        at = next((i for i, part in enumerate(parts) if i and _ROUGHLY.match(part)), None)
        if at is None:
            return None
        gaz = gazetteer()
        seas = [[c.entry for c in gaz.area(part)] for part in parts[:at]]
        if not all(found or _WATER.search(part) for found, part in zip(seas, parts, strict=False)):
            return None  # "Paris, near Lyon": no sea
        at_part = _ROUGHLY.sub("", parts[at], count=1)
        candidates = self._candidates(gaz, ", ".join([at_part, *parts[at + 1 :]]))
        if not candidates:
            return None
        outlines = [gaz.geometry(entry) for found in seas for entry in found]
        if outlines and len(candidates) > 1:
            from shapely.geometry import Point

            def off(candidate) -> float:
                spot = Point(candidate.entry.lon, candidate.entry.lat)
                return min(outline.distance(spot) for outline in outlines)

            nearest = min(off(c) for c in candidates)
            candidates = sorted(candidates, key=lambda c: off(c) > nearest + _OFF_DEGREES)
        assert self._found is not None
        self._found[listed] = candidates
        return self.place(builder, listed, place_id)

    def _semicolon_list(
        self, builder: CatalogueBuilder, name: str, listed: str, apart: re.Pattern
    ) -> list[str]:
        """The places of a list apart by semicolons (or what `apart` finds), each part read as
        a name of its own (with the row's country after it, when `name` is `listed` with
        one)."""
        country = name[len(listed) :] if name != listed and name.startswith(listed) else ""
        known: list[str] = []
        unknown: list[str] = []
        first: PlaceNameError | None = None
        for part in _list_parts(listed, apart):
            try:
                known += self.places(builder, _with_country(part, country), shown=part)
            except PlaceNameError as exc:
                first = first or exc
                unknown.append(part)
        if first is not None and len(known) < len(unknown):
            if len(unknown) == 1:
                raise first
            from mapexplorer.importer.gazetteer import gazetteer

            raise PlaceNameError(_unknown(gazetteer(), listed))
        if unknown:
            self._listed.setdefault(listed, unknown)
        return list(dict.fromkeys(known))

    def _qualified_town(self, parts: list[str]) -> bool:
        """Whether a name's parts are a town and the country or state it lies in ("Paris",
        "Germany"), not a list ("France", "Belgium"; "Paris", "Lyon")."""
        from mapexplorer.importer.gazetteer import gazetteer

        gaz = gazetteer()
        code = parts[-1].replace(".", "").replace(" ", "")
        coded = code.isalpha() and code.isupper() and len(code) <= 3  # "FR", "TX", "UK", "USA"
        areas = gaz.area(parts[-1])
        if not areas and not coded:
            return False  # "Paris, Lyon, Marseille"
        head = self._candidates(gaz, parts[0])
        if head:  # "Kyiv, Crimea", not "France, Belgium" nor "Balkans, Caucasus"
            return head[0].entry.kind == "city"
        # a town we do not know in a country ("Smallville, Germany"), not a list of a place
        # we do not know and a region of ours ("Manchuria, Yellow Sea")
        return coded or any(c.entry.country for c in areas)

    def _candidates(self, gaz, name: str) -> list:
        """A name's readings, best first: those of the names given up front were resolved
        together, as each other's context; any other, on its own."""
        if self._found is None:
            self._found = gaz.resolve_names(self._names)
        if name not in self._found:
            self._found[name] = gaz.resolve_names([name])[name]
        found = self._found[name]
        if not found and "," in name:  # "Rafah, Gaza": a town in a region with no country code
            found = self._found[name] = _in_region(gaz, name)
        if not found and (area := _unknown_area(gaz, name)):
            # "Bakhmut, Donetsk Oblast": the town, leaving out an oblast we do not know, as the
            # gazetteer leaves out such a part between a town and its country
            found = self._found[name] = self._candidates(gaz, name[: name.rindex(",")].strip())
            if found:
                self._dropped[name] = area
        return found

    def asides(self) -> list[str]:
        """The report's line on the file as a whole, its rows read as written: what the names
        were read as."""
        if not self._used:
            return []
        from mapexplorer.importer.gazetteer import gazetteer

        gaz = gazetteer()
        readings = [
            f"{name!r} as {_reading(gaz, candidates[0].entry)}"
            for name, candidates in list(self._used.items())[:_SHOWN]
        ]
        more = len(self._used) - _SHOWN
        return [
            f"{counted(len(self._used), 'place')} found by name (no coordinates given): "
            + "; ".join(readings)
            + (f"; and {more:,} more" if more > 0 else "")
            + " (give latitude and longitude to place them exactly)"
        ]

    def notes(self) -> list[str]:
        """The report's lines on names not read quite as written: a part left out, and the
        toss-ups."""
        if not self._used:
            return []
        from mapexplorer.importer.gazetteer import gazetteer

        gaz = gazetteer()
        lines = []
        unread = [
            (name, parts) for name in self._used for parts in [gaz.unread_parts(name)] if parts
        ]
        if unread:
            lines.append(
                f"{counted(len(unread), 'name')} read as the place its first part names in what "
                "its last part names, leaving out a part between that we do not know (an oblast, "
                "county or district): "
                + "; ".join(
                    f"{name!r} without " + ", ".join(repr(part) for part in parts)
                    for name, parts in unread[:_SHOWN]
                )
                + (f"; and {len(unread) - _SHOWN:,} more" if len(unread) > _SHOWN else "")
            )
        doubts = [
            (name, [candidates[0], other])
            for name, candidates in self._used.items()
            if len(candidates) > 1
            for other in [_passed_over(candidates)]
            if (
                candidates[0].score - other.score <= _CLOSE
                # "Paris" among Dallas and Boston: Paris, Texas by the file's other places,
                # but Paris, France is 80 times its size; the user should know it was passed over
                or other.entry.population >= _FAR_BIGGER * max(candidates[0].entry.population, 1)
            )
            and _apart(candidates[0].entry, other.entry)
        ]
        dropped = [name for name in self._used if name in self._dropped]
        if dropped:
            lines.append(
                f"{counted(len(dropped), 'name')} read as the place before the comma, leaving out "
                "an area after it that we do not know (an oblast, province or district): "
                + "; ".join(
                    f"{name!r} as {_reading(gaz, self._used[name][0].entry)}, without "
                    f"{self._dropped[name]!r}"
                    for name in dropped[:_SHOWN]
                )
                + (f"; and {len(dropped) - _SHOWN:,} more" if len(dropped) > _SHOWN else "")
            )
        if self._listed:
            lines.append(
                f"{counted(len(self._listed), 'name')} read as a list of places, the event at "
                "each we know: "
                + "; ".join(
                    repr(name) + (f" (not {', '.join(map(repr, unknown))})" if unknown else "")
                    for name, unknown in list(self._listed.items())[:_SHOWN]
                )
                + (
                    f"; and {len(self._listed) - _SHOWN:,} more"
                    if len(self._listed) > _SHOWN
                    else ""
                )
                + (
                    " (give the others' latitude and longitude in rows of their own)"
                    if any(self._listed.values())
                    else ""
                )
            )
        elsewhere = [(n, c) for n, c in self._elsewhere.items() if n in self._used]
        if elsewhere:
            lines.append(
                f"{counted(len(elsewhere), 'name')} read outside the row's country, where we know "
                "no place of that name: "
                + "; ".join(
                    f"{name!r} (country {country!r}) as {_reading(gaz, self._used[name][0].entry)}"
                    for name, country in elsewhere[:_SHOWN]
                )
                + (f"; and {len(elsewhere) - _SHOWN:,} more" if len(elsewhere) > _SHOWN else "")
                + " (check the name and the country, or give latitude and longitude)"
            )
        for name, candidates in doubts[:_SHOWN]:
            taken, other = candidates[0].entry, candidates[1].entry
            read, not_read = gaz.describe(taken), gaz.describe(other)
            if read == not_read:  # two towns of one name in one country: only coordinates tell
                lines.append(
                    f"{name!r} could be more than one place: read as {read} at "
                    f"{_at(taken)}, not the one at {_at(other)}; to choose, give its latitude and "
                    "longitude"
                )
                continue
            written = _qualified(gaz, other)
            how = (
                f"write its state or country after a comma (e.g. {written!r})"
                if "," in written
                else f"write {written!r}"
            )
            lines.append(
                f"{name!r} could be more than one place: read as {read}, not {not_read}; to "
                f"choose, {how}"
            )
        if len(doubts) > _SHOWN:
            more = [repr(name) for name, _ in doubts[_SHOWN : _SHOWN * 3]]
            lines.append(
                f"{counted(len(doubts) - _SHOWN, 'more name')} could be more than one place: "
                + ", ".join(more)
                + (" …" if len(doubts) > _SHOWN * 3 else "")
                + " (each read as the likeliest; write a state or country after a comma to choose)"
            )
        return lines


_APART = re.compile(r"[;\n]")
"""What parts a cell's places, always: no place's name holds a semicolon or a line break."""
_JOINED = re.compile(r"\s+(?:and|&)\s+|\s*/\s*|\s+\|\s+", re.IGNORECASE)
"""What joins places in a cell that reads as no place: "Paris and Lyon", "Marseille / Toulouse"."""


def _joined_left_out(name: str) -> bool:
    """Whether reading a name as a town in an area leaves out a middle part that joins two
    places ("France and Lyon" of "Paris, France and Lyon, France")."""
    from mapexplorer.importer.gazetteer import gazetteer

    return any(_JOINED.search(part) for part in gazetteer().unread_parts(name))


def _list_parts(name: str, apart: re.Pattern) -> list[str]:
    return [part for part in dict.fromkeys(p.strip() for p in apart.split(name)) if part]


def _with_country(part: str, country: str) -> str:
    """A part of a list with the row's country after it (", France"), unless it says more."""
    return part if not country or "," in part else part + country


def _passed_over(candidates: list) -> Any:
    """The reading not taken to name in the report: a namesake far bigger than the one taken
    ("Rome", Italy, behind Rome, Georgia, and Rome, New York), else the runner-up. A town
    the name is only another name of is no such namesake: "Augusta" taken in Maine names
    Augusta, Georgia passed over, not Augsburg (Augusta Vindelicorum)."""
    taken = max(candidates[0].entry.population, 1)
    bigger = [
        c
        for c in candidates[1:]
        if c.entry.population >= _FAR_BIGGER * taken and not c.alternate_name
    ]
    return max(bigger, key=lambda c: c.entry.population) if bigger else candidates[1]


_REGION_MARGIN = 0.1
"""Degrees around a region's outline that still count as in it (a town on its coast)."""


def _in_region(gaz, name: str) -> list:
    """The readings of a town written with a region of ours that has no country code to check
    it by ("Rafah, Gaza": the Gaza Strip; "Simferopol, Crimea"), those within its outline;
    [] for any other name."""
    head, _, last = name.rpartition(",")
    regions = [c.entry for c in gaz.area(last.strip()) if not c.entry.country]
    if not head.strip() or not regions:
        return []
    from shapely.geometry import Point

    outlines = [gaz.geometry(region).buffer(_REGION_MARGIN) for region in regions]
    readings = gaz.resolve_names([head.strip()])[head.strip()]
    return [
        c
        for c in readings
        if any(outline.contains(Point(c.entry.lon, c.entry.lat)) for outline in outlines)
    ]


def _unknown_area(gaz, name: str) -> str:
    """The part after a name's last comma when it is an administrative area we do not know
    ("Donetsk Oblast" of "Bakhmut, Donetsk Oblast"); "" else."""
    head, comma, last = name.rpartition(",")
    last = last.strip()
    if not comma or not head.strip() or not _AREA_WORD.search(last) or gaz.area(last):
        return ""
    return last


def _apart(a, b) -> bool:
    """Whether two readings are far enough apart to matter: not Singapore, the country, and
    Singapore, the city, or the Gaza Strip and Gaza."""
    return haversine_km(a.lon, a.lat, b.lon, b.lat) > _NEAR_KM


def _at(entry) -> str:
    """ "34.86° N, 113.59° E": where a town is, to tell it from a namesake."""
    return (
        f"{abs(entry.lat):.2f}° {'N' if entry.lat >= 0 else 'S'}, "
        f"{abs(entry.lon):.2f}° {'E' if entry.lon >= 0 else 'W'}"
    )


def _reading(gaz, entry) -> str:
    """What a name was read as, saying what kind of place when the name alone does not:
    "Paris, France", "Texas (U.S. state)", "Georgia (country)", "Kashmir (region)" (it was
    "'Georgia' as Georgia": the country or the state?)."""
    if entry.kind in ("country", "region") and "(" not in entry.name:
        return f"{entry.name} ({entry.kind})"
    return gaz.describe(entry)


def _qualified(gaz, entry) -> str:
    """ "Springfield, MA", "Georgia (U.S. state)", "Georgia (country)": a name with what tells
    it from its namesakes, as the file may write it (`Gazetteer.resolve_names` reads it)."""
    if entry.kind == "country":
        return f"{entry.name} (country)"
    if entry.kind == "city" and entry.country == "US" and entry.admin1.isalpha():
        return f"{entry.name}, {entry.admin1}"
    return gaz.describe(entry)


def _unknown(gaz, name: str) -> str:
    head, comma, rest = name.partition(",")
    if comma and rest.strip() and gaz.lookup(head.strip(), in_table=True):
        return f"we know no {head.strip()!r} in {rest.strip()!r} (give its latitude and longitude)"
    return (
        f"{name!r} is not a place we know by name (we know countries, many regions, towns of "
        "over 15,000 people, and smaller ones written with their country or near the file's "
        "other towns); give its latitude and longitude"
    )
