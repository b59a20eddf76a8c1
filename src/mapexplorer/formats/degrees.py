"""Latitudes and longitudes in degrees, minutes and seconds, as Wikipedia, GPS devices and
old gazetteers write them ("35°41′46″N", "51° 25' E", "35 41 46 N"), read as decimal degrees.

North and east are positive, south and west negative. Minutes and seconds must be under 60;
a value that looks like degrees, minutes and seconds but is not one raises `DegreesError`
saying what is wrong, so the row can be refused with that reason.
"""

from __future__ import annotations

import re
from typing import Literal

from mapexplorer.formats.invisible import visible

__all__ = ["Axis", "DegreesError", "ascii_minus", "looks_like_degrees", "parse_degrees"]

Axis = Literal["lat", "lon"]

_DEGREE = "°º˚"  # the degree sign, and the ordinal and ring above often typed for it
_PRIME = "′'’‘´`"  # minutes: the prime, an apostrophe or a quote
_DOUBLE_PRIME = '″"”“'  # seconds: the double prime or a double quote ('' is two primes)
_NUMBER = r"\d+(?:[.,]\d+)?"
_DMS = re.compile(
    rf"^(?P<pre>[NSEW])?\s*(?P<sign>[+-])?\s*(?P<deg>{_NUMBER})\s*(?P<deg_mark>[{_DEGREE}])?"
    rf"(?:\s*(?P<min>{_NUMBER})\s*(?P<min_mark>[{_PRIME}](?![{_PRIME}]))?"
    rf"(?:\s*(?P<sec>{_NUMBER})\s*(?P<sec_mark>[{_DOUBLE_PRIME}]|[{_PRIME}]{{2}})?)?)?"
    r"\s*(?P<post>[NSEW])?$",
    re.IGNORECASE,
)
_LOOKS = re.compile(
    rf"[{_DEGREE}{_PRIME}{_DOUBLE_PRIME}]|\d\s*[NSEW]\s*$|^\s*[NSEW]\s*\d", re.IGNORECASE
)
_HEMISPHERES = {"lat": ("", "N", "S"), "lon": ("", "E", "W")}
_WHAT = {"lat": "latitude", "lon": "longitude"}


_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\ufe63": "-", "\uff0d": "-"})
"""The minus sign (U+2212, as Wikipedia and typesetting write "−33.45"), and its small and
full-width forms: Python's float() reads only the hyphen-minus."""


def ascii_minus(text: str) -> str:
    """`text` with its minus signs as hyphen-minus: "−33.45" → "-33.45"."""
    return text.translate(_MINUS_SIGNS) if not text.isascii() else text


class DegreesError(ValueError):
    """A coordinate in degrees, minutes and seconds that is not one: "the latitude '35°75′N'
    has 75 minutes (minutes go from 0 to 59)"."""

    def __init__(self, value: str, axis: Axis, reason: str) -> None:
        super().__init__(f"the {_WHAT[axis]} {value!r} {reason}")


def looks_like_degrees(value: object) -> bool:
    """Whether a cell is written with a degree sign, a prime or a hemisphere letter: the
    forms `parse_degrees` reads (its reason is the one to show when it fails)."""
    return isinstance(value, str) and bool(_LOOKS.search(value))


def parse_degrees(value: str, axis: Axis) -> float:
    """Decimal degrees from "35°41′46″N" (or "35 41 46 N", "N 35° 41.77′", "-35°41′"):
    `DegreesError` when it is not a coordinate of `axis` we can read."""
    match = _DMS.match(ascii_minus(visible(value).strip()))
    pre, post = (match["pre"], match["post"]) if match else (None, None)
    hemisphere = (pre or post or "").upper()
    marked = match is not None and any(match[m] for m in ("deg_mark", "min_mark", "sec_mark"))
    if match is None or not (hemisphere or marked):  # "35 41": a number with a space in it?
        raise DegreesError(
            value, axis, "is not in degrees, minutes and seconds we can read (e.g. 35°41′46″N)"
        )
    if pre and post:
        raise DegreesError(value, axis, "names its hemisphere twice")
    if hemisphere and match["sign"]:
        raise DegreesError(value, axis, f"has both a sign and a hemisphere ({hemisphere})")
    if hemisphere not in _HEMISPHERES[axis]:
        other = "longitude" if axis == "lat" else "latitude"
        raise DegreesError(
            value,
            axis,
            f"is a {other} ({hemisphere}): are latitude and longitude the other way round?",
        )
    degrees, minutes, seconds = (
        float(match[part].replace(",", ".")) if match[part] else 0.0
        for part in ("deg", "min", "sec")
    )
    if match["min"] is not None and not match["deg"].isdigit():
        raise DegreesError(value, axis, "has a fraction of a degree and minutes too")
    if match["sec"] is not None and not match["min"].isdigit():
        raise DegreesError(value, axis, "has a fraction of a minute and seconds too")
    if minutes >= 60:
        raise DegreesError(value, axis, f"has {minutes:g} minutes (minutes go from 0 to 59)")
    if seconds >= 60:
        raise DegreesError(value, axis, f"has {seconds:g} seconds (seconds go from 0 to 59)")
    number = degrees + minutes / 60 + seconds / 3600
    return -number if hemisphere in ("S", "W") or match["sign"] == "-" else number
