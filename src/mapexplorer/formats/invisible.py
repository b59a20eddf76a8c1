"""Characters a cell copied from a web page or a word processor carries unseen: a zero-width
space (U+200B), a byte order mark in mid-file (U+FEFF), a word joiner, a soft hyphen (U+00AD),
left-to-right and right-to-left marks (U+200E, U+200F) and other direction controls, and
no-break spaces (U+00A0, U+202F, as Wikipedia writes "28 June 1914"). They show as nothing, or
as a space, so the cell looks like a date or a number, yet "\\u200b1914" reads as neither.

Values (dates, numbers, coordinates, names looked up) are read without them; text (titles,
descriptions) loses them only at its edges, where they mean nothing, and keeps them inside,
where a direction mark may order a line of Arabic or Hebrew. The joiners U+200C and U+200D
are left alone everywhere: Persian, Indic scripts and emoji need them.
"""

from __future__ import annotations

import re

__all__ = ["stripped", "visible"]

_HIDDEN = "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_SPACES = "\u00a0\u2007\u202f"
_INVISIBLE = re.compile(f"[{_HIDDEN}]")
_NO_BREAK = re.compile(f"[{_SPACES}]")


def visible(text: str) -> str:
    """`text` as it shows: without invisible characters, and no-break spaces as spaces
    ("\\u200b1914" → "1914", "25\\u00a0June" → "25 June")."""
    if text.isascii():  # most cells: nothing to look for
        return text
    return _NO_BREAK.sub(" ", _INVISIBLE.sub("", text))


def stripped(text: str) -> str:
    """`text` without white space and invisible characters at its ends (`str.strip` keeps a
    zero-width space or a direction mark there)."""
    text = text.strip()
    if text.isascii():
        return text
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or _INVISIBLE.match(text[start])):
        start += 1
    while end > start and (text[end - 1].isspace() or _INVISIBLE.match(text[end - 1])):
        end -= 1
    return text[start:end]
