"""What an event's details say beyond its own fields, the same in the window's panel and the
exported web page: its places in words, the file's other fields as labelled rows, and the web
addresses in a text. No Qt: the page's export is made without it."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mapexplorer.model.event import Event

__all__ = [
    "confidence_words",
    "date_hint",
    "extra_rows",
    "field_label",
    "place_words",
    "published_words",
    "split_links",
]

# A web address in a file's text: up to a space or a quote, less the punctuation of the
# sentence round it ("See https://example.org/a.").
_URL = re.compile(r"""\bhttps?://[^\s<>"']+""", re.I)
_URL_TRAILING = ".,;:!?)]}"
MAX_EXTRA_FIELDS = 20
MAX_EXTRA_CHARS = 400
_ACRONYMS = {"url": "URL", "uri": "URI", "id": "ID", "iso": "ISO", "osm": "OSM"}


def date_hint(event: Event) -> str:
    """A quiet note on how firm the date is: "approximate", "uncertain", "to the year" (the
    window's details panel and the exported page's give it after the date)."""
    from mapexplorer.model.time import Precision

    time = event.time
    words = time.describe()
    hints: list[str] = []
    if time.approximate and not words.startswith("about"):
        hints.append("approximate")
    if time.uncertain and "(uncertain)" not in words:
        hints.append("uncertain")
    if time.precision is not Precision.DAY:
        hints.append(f"known to the {time.precision.value}")
    elif time.start != time.end:
        hints.append(f"{time.end - time.start + 1} days")
    return " · ".join(hints)


def published_words(published: str) -> str:
    """An article's publication date in words, as the window's article tab writes it ("Friday
    17 January 2025", not "2025-01-17"); as written when it is not a date that reads."""
    from mapexplorer.model.time import DateError, TimeSpan

    try:
        return TimeSpan.parse(published).describe()
    except DateError:
        return published


def split_links(text: str) -> list[str]:
    """`text` cut at its web addresses (http and https only): text, address, text, … (the
    even items are text, the odd ones addresses, each as written)."""
    parts, at = [], 0
    for match in _URL.finditer(text):
        url = match.group()
        while url[-1] in _URL_TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break  # its own bracket: a Wikipedia address ending "_(disambiguation)"
            url = url[:-1]
        parts += [text[at : match.start()], url]
        at = match.start() + len(url)
    parts.append(text[at:])
    return parts


def place_words(catalogue, place_id: str) -> str:
    """A place as the details name it: a spot named only by its coordinates is described,
    with the coordinates after ("23 km N of Gaziantep, Turkey (37.22000, 37.38000)")."""
    label, name = catalogue.place_label(place_id), catalogue.places[place_id].name
    return label if label == name else f"{label} ({name})"


def confidence_words(confidence: float) -> str:
    """How sure the importer was of a draft (0 to 1), as the review, the details and the
    exported page all say it: "70%" (the details said "0.7" where the review said 70%)."""
    return f"{round(confidence * 100)}%"


def field_label(key: str) -> str:
    """A column name as a label: "source_url" → "Source URL"."""
    words = [_ACRONYMS.get(w.casefold(), w) for w in key.replace("_", " ").split()]
    if not words:
        return key
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def extra_rows(extra: dict) -> list[tuple[str, str]]:
    """The file's other fields (a source's address, notes), as (label, text) to show: empty
    ones left out, long ones cut, lists joined, at most `MAX_EXTRA_FIELDS`."""
    rows = []
    for key, value in extra.items():
        if value is None or value == "" or value == [] or value == {}:
            continue
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            text = ", ".join(str(v) for v in value)
        elif isinstance(value, (dict, list)):
            text = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            text = "yes" if value else "no"
        elif str(key).casefold() == "confidence" and isinstance(value, float) and 0 <= value <= 1:
            text = confidence_words(value)  # an imported draft's, as the review showed it
        else:
            text = str(value)
        if len(text) > MAX_EXTRA_CHARS:
            text = text[: MAX_EXTRA_CHARS - 1].rstrip() + "…"
        rows.append((field_label(str(key)), text))
    if len(rows) > MAX_EXTRA_FIELDS:
        more = len(rows) - MAX_EXTRA_FIELDS + 1
        rows = [*rows[: MAX_EXTRA_FIELDS - 1], ("", f"and {more} more fields in the file")]
    return rows
