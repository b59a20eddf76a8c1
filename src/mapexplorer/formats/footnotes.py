"""Wikipedia's reference marks in a table copied from it: "28 June 1914[3]", "Sarajevo[a]",
"1917[note 2]", "c. 1850[citation needed]". A spreadsheet keeps them as text, and they stop a
date or a place's name from being read and clutter a title; they are taken out."""

from __future__ import annotations

import re

__all__ = ["without_footnotes"]

_MARK = re.compile(
    r"\s*\[(?:\d{1,3}|[a-z]{1,2}|[A-Za-z][a-z-]*\s?\d{1,3}"  # [3], [a], [note 2], [N 1]
    r"|[a-z][a-z ]{2,30}needed|[a-z][a-z ]{1,20}\?)\]",  # [citation needed], [when?]
)


def without_footnotes(text: str) -> str:
    """`text` without the reference marks in it, "Sarajevo[2]" → "Sarajevo" (the text as it
    is when it has none, as most cells have)."""
    if "[" not in text:
        return text
    return _MARK.sub("", text).strip()
