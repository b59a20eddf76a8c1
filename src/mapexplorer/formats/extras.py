"""The fields of a file that no role reads (a `source` or `url` column…), as our CSV and KML
exports write them: after their own columns, one column or `Data` field each, so a reopened
export still has them, as the GeoJSON does."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from mapexplorer.formats.fields import normalise
from mapexplorer.formats.native import kept_name


def extra_names(extras: Iterable[Mapping[str, Any]], own: Iterable[str]) -> dict[str, str]:
    """The extra fields' names, in the order first met, each with the name the export writes
    it under: its own, or `kept_name`'s when it would read as one of the export's `own`
    columns (a file's `date` column, when the event's date came from `published_date`; `Place`
    beside `place`)."""
    taken = {normalise(name) for name in own}
    names = dict.fromkeys(name for extra in extras for name in extra)
    return {name: kept_name(name) if normalise(name) in taken else name for name in names}


def extra_text(value: Any) -> str:
    """A value as a cell's text: text as it is, a number as written, a list or object (from
    a GeoJSON) as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict, bool)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
