"""Whether a plain text file is prose (an article to import) or a table (data to open).

A `.txt` is both in the wild: a news story saved from a browser, or Excel's "Unicode text"
(a tab-separated table). The window opens one and imports the other; the command line says
which to use when it is given an article as data."""

from __future__ import annotations

import csv
import io
import os

_HEAD_BYTES = 65536
_DELIMITERS = (",", ";", "\t", "|")
_LONGEST_HEADER_CELL = 60  # "Date", "Latitude", "Event description (English)": never a sentence
_SENTENCE_WORDS = 8


_ALWAYS_ARTICLES = (".md", ".markdown")


def is_article_file(path: str | os.PathLike) -> bool:
    """Markdown, or a .txt of running text rather than a table (Excel's "Unicode text" is a
    .txt too): a file to import as an article, not to open as data."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _ALWAYS_ARTICLES:
        return True
    return suffix == ".txt" and looks_like_prose(path)


def looks_like_prose(path: str | os.PathLike) -> bool:
    """True for running text (lines of sentences, no header of short column names); False
    for a table, an empty or unreadable file, or anything else that is not clearly prose."""
    try:
        with open(path, "rb") as f:
            data = f.read(_HEAD_BYTES)
    except OSError:
        return False
    text = _decoded(data)
    if text is None:
        return False
    lines = [line for line in text.splitlines() if line.strip()][:40]
    if len(text) == _HEAD_BYTES and len(lines) > 1:
        lines = lines[:-1]  # perhaps cut in half
    if not lines or _is_table(lines):
        return False
    return any(len(line.split()) >= _SENTENCE_WORDS for line in lines)


def _is_table(lines: list[str]) -> bool:
    """A header of short column names, split by one delimiter, and rows mostly as wide."""
    for delimiter in _DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines[:20])), delimiter=delimiter))
        except csv.Error:
            continue
        header = rows[0]
        if len(header) < 2 or any(len(cell) > _LONGEST_HEADER_CELL for cell in header):
            continue
        body = rows[1:]
        if not body or sum(len(row) == len(header) for row in body) >= 0.8 * len(body):
            return True
    return False


def _decoded(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="ignore")
    if b"\x00" in data:
        return None  # binary
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            if encoding == "utf-8-sig" and len(data) == _HEAD_BYTES:
                # The cut may split a character: judge what decodes.
                return data.decode("utf-8-sig", errors="ignore")
    return data.decode("latin-1")
