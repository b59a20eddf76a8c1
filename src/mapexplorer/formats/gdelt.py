"""GDELT's event files, which have no header row: the daily `YYYYMMDD.export.CSV` of GDELT 1.0
(58 columns; 57 in its files before April 2013, without SOURCEURL) and the 15-minute
`….export.CSV` of GDELT 2.0 (61 columns: each place also has its ADM2 code). Both are
tab-separated whatever their name says. Their columns are named as GDELT's codebooks name
them, so that the fields are found as in an export with a header (BigQuery's). Such a file's
events are titled in words from their CAMEO code, with their actors ("Fight: RUSSIA –
UKRAINE"), not by the code ("190"), and its root is one of the app's categories (`war` for
"Fight", not "19")."""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["cameo_category", "cameo_title", "gdelt_header", "is_gdelt"]

_EVENT = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_ACTION = [
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
]  # fmt: skip
_GEOS = ("Actor1Geo", "Actor2Geo", "ActionGeo")


def _columns(adm2: bool, url: bool) -> list[str]:
    geo = ["Type", "FullName", "CountryCode", "ADM1Code"]
    geo += ["ADM2Code"] * adm2 + ["Lat", "Long", "FeatureID"]
    return (
        _EVENT
        + [f"Actor1{name}" for name in _ACTOR]
        + [f"Actor2{name}" for name in _ACTOR]
        + _ACTION
        + [f"{place}_{name}" for place in _GEOS for name in geo]
        + ["DATEADDED"]
        + ["SOURCEURL"] * url
    )


_BY_WIDTH = {57: _columns(False, False), 58: _columns(False, True), 61: _columns(True, True)}
_DAY = re.compile(r"\d{8}")  # SQLDATE, YYYYMMDD


def gdelt_header(first_row: list[str]) -> list[str] | None:
    """GDELT's column names when a table's first row is a GDELT event, not a header: as many
    cells as a GDELT version has columns, an event id, its day (YYYYMMDD), month (YYYYMM) and
    year. None for any other row."""
    names = _BY_WIDTH.get(len(first_row))
    if names is None:
        return None
    event_id, day, month, year = (cell.strip() for cell in first_row[:4])
    if not (event_id.isdigit() and _DAY.fullmatch(day) and month == day[:6] and year == day[:4]):
        return None
    return list(names)


_COLUMNS = frozenset({"globaleventid", "sqldate", "eventcode", "actor1name", "actor2name"})
"""Columns of every GDELT events table, 1.0 or 2.0, with our names or BigQuery's header, as
`fields.normalise` spells them."""

_CAMEO_ROOTS = (
    "Make public statement", "Appeal", "Express intent to cooperate", "Consult",
    "Engage in diplomatic cooperation", "Engage in material cooperation", "Provide aid",
    "Yield", "Investigate", "Demand", "Disapprove", "Reject", "Threaten", "Protest",
    "Exhibit force posture", "Reduce relations", "Coerce", "Assault", "Fight",
    "Use unconventional mass violence",
)  # fmt: skip
"""CAMEO's root event codes, 01 to 20, in words (the CAMEO codebook's names)."""

_CAMEO_CATEGORIES = (
    "politics", "diplomacy", "diplomacy", "diplomacy", "diplomacy", "economy", "economy",
    "diplomacy", "politics", "politics", "politics", "diplomacy", "diplomacy", "politics",
    "war", "diplomacy", "politics", "war", "war", "war",
)  # fmt: skip
"""CAMEO's root codes, 01 to 20, as the app's categories (README, `category`): statements (01),
investigations (09), demands (10), disapproval (11), protests (14) and coercion (17, arrests
and repression) are politics; appeals, intents to cooperate, consultations and diplomatic
cooperation (02–05), yielding (08: ceasefires, easing sanctions), rejections (12), threats
(13) and reduced relations (16) diplomacy; material cooperation (06) and aid (07) economy;
force posture (15), assault (18), fighting (19) and mass violence (20) war. Finer than
GDELT's QuadClass, which puts a protest and a battle both in "material conflict"."""


def is_gdelt(names: Collection[str]) -> bool:
    """Whether a table with these (normalised) column names holds GDELT's events."""
    return _COLUMNS <= set(names)


def cameo_title(code: str, root: str, actors: tuple[str, ...]) -> str:
    """ "Fight: RUSSIA – UKRAINE": the root of the event's CAMEO code in words (from its root
    code, else the code's first two digits), and its actors; the code as it is when it is
    none ("" stays ""), the words alone when no actor is named."""
    words = _root_words(root) or _root_words(code.strip()[:2])
    if not words:
        return code
    return f"{words}: {' – '.join(actors)}" if actors else words


def cameo_category(code: str, root: str) -> str:
    """The app's category for an event of this CAMEO code (from its root code, else the
    code's first two digits): `war` for "19" (Fight), `diplomacy` for "04" (Consult); "" when
    it is no CAMEO code."""
    number = _root_number(root) or _root_number(code.strip()[:2])
    return _CAMEO_CATEGORIES[number - 1] if number else ""


def _root_words(digits: str) -> str:
    number = _root_number(digits)
    return _CAMEO_ROOTS[number - 1] if number else ""


def _root_number(digits: str) -> int:
    """A CAMEO root code's number, 1 to 20 ("04", "4"); 0 for anything else."""
    digits = digits.strip()
    if not digits.isdigit() or not 1 <= int(digits) <= len(_CAMEO_ROOTS):
        return 0
    return int(digits)
