"""Text as JavaScript for the page: needs neither numpy nor shapely, so that a message sent to
the page while the launch file is read (the theme, when the page is ready) imports neither on
the GUI thread while the reading thread imports them."""

from __future__ import annotations

import json


def js_string(text: str) -> str:
    """`text` as a JavaScript string literal, quotes included. Whatever a data file holds ends
    up escaped inside it and is never read as code (quotes, backslashes and control characters
    come out escaped). Escaping is per character, so literals of parts join into the literal of
    the whole."""
    try:
        import orjson

        return orjson.dumps(text).decode("utf-8")
    except (ImportError, TypeError):  # TypeError: a lone surrogate, which json escapes
        return json.dumps(text)
