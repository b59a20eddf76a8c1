"""Descriptions written as HTML (Google Earth's in KML; GPS apps' and websites' in a GPX
`<desc>`, though GPX says plain text), read as the text a reader of the page sees."""

from __future__ import annotations

import html
import re

__all__ = ["has_markup", "has_tags", "html_text"]

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?\s*>")
_HIDDEN = re.compile(r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
"""A script or a style sheet: text no reader of the page sees."""
_BREAK = re.compile(r"<\s*br\s*/?\s*>|</\s*p\s*>", re.IGNORECASE)


_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")


def has_markup(text: str) -> bool:
    """Whether `text` holds HTML tags or character references ("<b>", "&amp;", "&#233;")."""
    return (
        "<" in text and _TAG.search(text) is not None or "&" in text and bool(_ENTITY.search(text))
    )


def has_tags(text: str) -> bool:
    """Whether `text` holds HTML tags ("<b>", "<br/>", "</p>")."""
    return _TAG.search(text) is not None


def html_text(text: str | None) -> str:
    """The text of HTML: tags out (a line break for `<br>` and `</p>`), entities as the
    characters they stand for ("&amp;" is "&")."""
    if not text:
        return ""
    if has_tags(text):
        text = _TAG.sub("", _BREAK.sub("\n", _HIDDEN.sub("", text)))
    return html.unescape(text).strip()
