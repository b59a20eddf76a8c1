"""The fields of a file that no role reads (a `source` or `url` column…), as our CSV and KML
exports write them: after their own columns, one column or `Data` field each, so a reopened
export still has them, as the GeoJSON does."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from mapexplorer.formats.fields import normalise


def extra_names(extras: Iterable[Mapping[str, Any]], own: Iterable[str]) -> list[str]:
    """The extra fields' names, in the order first met; not those that would read as one of
    the export's `own` columns (`Place` beside `place`)."""
    taken = {normalise(name) for name in own}
    names = dict.fromkeys(name for extra in extras for name in extra)
    return [name for name in names if normalise(name) not in taken]


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
