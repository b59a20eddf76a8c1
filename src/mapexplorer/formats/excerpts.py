"""An event's excerpts as one text field, for formats whose fields are text (CSV cells, KML
ExtendedData): the native file's JSON list of `{"text", "start", "end"}`, on one line.

Those formats also carry the first passage alone (`excerpt`), for people and other tools; this
field is what gives back every passage and where each sits in the article.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mapexplorer.model.event import Excerpt

__all__ = ["excerpts_from", "excerpts_text"]


def excerpts_text(excerpts: Sequence[Excerpt]) -> str:
    """`[{"text":…,"start":…,"end":…},…]`, or "" when there are none (an empty cell)."""
    if not excerpts:
        return ""
    items = [{"text": x.text, "start": x.start, "end": x.end} for x in excerpts]
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def excerpts_from(value: Any) -> tuple[Excerpt, ...]:
    """The excerpts `excerpts_text` wrote (or such a list, as a GeoJSON property holds it);
    () when the value is empty or not that: a passage whose offsets do not span its text, say."""
    if isinstance(value, str):
        if not value.lstrip().startswith("["):
            return ()
        try:
            value = json.loads(value)
        except ValueError:
            return ()
    if not isinstance(value, list):
        return ()
    made = []
    for item in value:
        if not isinstance(item, dict):
            return ()
        text, start, end = item.get("text"), item.get("start"), item.get("end")
        if not (isinstance(text, str) and type(start) is int and type(end) is int):
            return ()
        if start < 0 or end - start != len(text):
            return ()
        made.append(Excerpt(text, start, end))
    return tuple(made)
