"""The point a web map's link shows, as people paste links into a sheet's location column:
Google Maps ("https://www.google.com/maps/place/Lviv/@49.8397,24.0297,12z/data=…!3d49.83…
!4d24.02…", "…/maps?q=50.45,30.52", "…/maps/search/50.45,+30.52"), OpenStreetMap
("…/#map=12/50.45/30.52", "?mlat=50.45&mlon=30.52"), Apple Maps ("?ll=50.45,30.52") and geo:
URIs ("geo:50.45,30.52"). A short link ("https://maps.app.goo.gl/…") names no point: only
its site knows where it leads, and we work offline.
"""

from __future__ import annotations

import re
import urllib.parse

__all__ = ["is_map_link", "link_pair", "short_link_problem"]

_NUMBER = r"[-+]?\d{1,3}(?:\.\d+)?"
_PLACE_PIN = re.compile(rf"!3d({_NUMBER})!4d({_NUMBER})")
"""A Google Maps place's own pin, in the link's data: where the place is, not the view."""
_AT = re.compile(rf"/@({_NUMBER}),({_NUMBER})(?:,|$|/|\?)")
"""Google Maps' view: its centre, then its zoom ("@49.8397,24.0297,12z")."""
_SEARCH = re.compile(rf"/maps/(?:search|dir|place)/(?:[^/]*/)?({_NUMBER}),\+?\s*({_NUMBER})")
_OSM_MAP = re.compile(rf"#map=\d+(?:\.\d+)?/({_NUMBER})/({_NUMBER})")
_GEO_URI = re.compile(rf"^geo:({_NUMBER}),({_NUMBER})", re.IGNORECASE)
_QUERY_PAIR = re.compile(rf"^({_NUMBER}),\s*\+?\s*({_NUMBER})$")
_QUERY_KEYS = ("q", "query", "ll", "sll", "center", "destination", "daddr", "coordinates")
_SHORT = re.compile(
    r"^https?://(?:maps\.app\.goo\.gl|goo\.gl/maps|g\.co/kgs|maps\.apple\.com/\?auid|osm\.org/go)",
    re.IGNORECASE,
)


def is_map_link(text: str) -> bool:
    """Whether a cell is a link (or a geo: URI) rather than coordinates or a name."""
    head = text.lstrip()[:8].lower()
    return head.startswith(("http://", "https://", "geo:", "www."))


def link_pair(text: str) -> tuple[float, float] | None:
    """(lat, lon) of the point a map link shows; None when it shows none we can read."""
    text = text.strip()
    if (match := _GEO_URI.match(text)) is not None:
        return _floats(match)
    try:
        url = urllib.parse.urlsplit(text if "://" in text else f"https://{text}")
    except ValueError:
        return None
    path = urllib.parse.unquote(url.path)
    for pattern in (_PLACE_PIN, _AT, _SEARCH):
        if (match := pattern.search(path)) is not None:
            return _floats(match)
    query = urllib.parse.parse_qs(url.query)
    if "mlat" in query and "mlon" in query:
        try:
            return float(query["mlat"][0]), float(query["mlon"][0])
        except ValueError:
            return None
    for key in _QUERY_KEYS:
        for value in query.get(key, []):
            if (match := _QUERY_PAIR.match(value.strip())) is not None:
                return _floats(match)
    if (match := _OSM_MAP.search(url.fragment and f"#{url.fragment}")) is not None:
        return _floats(match)
    return None


def short_link_problem(text: str) -> str | None:
    """Why a short link names no place, and what to paste instead; None for another cell."""
    if not _SHORT.match(text.strip()):
        return None
    return (
        f"{text.strip()[:60]!r} is a short link, which only its site can follow (Map Explorer "
        "works offline): open it and paste the full address from the browser, or the "
        "coordinates ('48.8566, 2.3522')"
    )


def _floats(match: re.Match) -> tuple[float, float]:
    return float(match[1]), float(match[2])
