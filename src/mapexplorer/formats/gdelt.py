"""GDELT's event files, which have no header row: the daily `YYYYMMDD.export.CSV` of GDELT 1.0
(58 columns; 57 in its files before April 2013, without SOURCEURL) and the 15-minute
`….export.CSV` of GDELT 2.0 (61 columns: each place also has its ADM2 code). Both are
tab-separated whatever their name says. Their columns are named as GDELT's codebooks name
them, so that the fields are found as in an export with a header (BigQuery's)."""

from __future__ import annotations

import re

__all__ = ["gdelt_header"]

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
