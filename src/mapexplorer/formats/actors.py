"""An event's actors as one text field, for formats whose fields are text (CSV cells, KML
ExtendedData).

People and spreadsheets read "Government of Russia; NATO", so that is how a list is written
while it can be read back as it was. An actor whose own name holds a `;` ("Smith; Jones LLP"),
or starts with `[`, would come back as other actors: then the whole list is written as JSON
(`["Smith; Jones LLP", "NATO"]`), as the excerpts column is. Files written before (and other
tools' cells, split at each `;`) read as they always did.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

__all__ = ["ACTOR_SEPARATOR", "actors_from", "actors_text"]

ACTOR_SEPARATOR = "; "


def actors_text(actors: Sequence[str]) -> str:
    """ "A; B", or `["A; B", "C"]` when a name would not survive being split at `;`."""
    if any(";" in actor or actor.lstrip().startswith("[") for actor in actors):
        return json.dumps(list(actors), ensure_ascii=False)
    return ACTOR_SEPARATOR.join(actors)


def actors_from(value: Any) -> list[Any]:
    """The names in a field (not yet stripped or checked): a list as it is (a GeoJSON
    property), the JSON list `actors_text` wrote, or a text split at each `;`."""
    if isinstance(value, list):
        return value
    text = str(value)
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            items = None
        if isinstance(items, list) and all(isinstance(item, str) for item in items):
            return items
    return text.split(";")
