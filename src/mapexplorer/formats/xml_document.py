"""An XML file from another tool (KML, GPX) parsed into its root element, or a `FormatError`
that says why it is not one."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

from mapexplorer.formats.errors import FormatError

FEED_BYTES = 1 << 20
"""The XML is parsed a megabyte at a time (the same tree and errors as `ET.fromstring`): one
call for a 141 MB file held the interpreter for ~6 s, the window frozen and Cancel unheard."""


def parse_document(path: str | os.PathLike, data: bytes, kind: str) -> ET.Element:
    """The root of `data`, which must be a `<kind.lower()>` document ("KML", "GPX"). External
    entities are never fetched (the standard parser's default), and expat refuses entities
    that expand far beyond the file ("billion laughs")."""
    data, skipped = _declaration_first(data)
    try:
        parser = ET.XMLParser()
        for at in range(0, len(data), FEED_BYTES):
            parser.feed(data[at : at + FEED_BYTES])
        root = parser.close()
    except ET.ParseError as exc:
        reason = expat_reason(exc)
        if "amplification" in reason:
            raise FormatError(
                path, "the file's XML entities expand to far more text than it holds: not read"
            ) from None
        line, column = exc.position
        line += skipped  # as the file numbers its lines
        raise FormatError(
            path, f"not XML (so not {kind}): {reason} at line {line}, column {column + 1}"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise FormatError(path, f"not XML we can read: {exc}") from None
    tag = root.tag.rsplit("}", 1)[-1]
    if tag != kind.lower():
        raise FormatError(path, f"not {kind}: the document is <{tag}>, not <{kind.lower()}>")
    return root


_BOM = b"\xef\xbb\xbf"


def _declaration_first(data: bytes) -> tuple[bytes, int]:
    """The document without the blank lines before its `<?xml …?>` declaration (a script's
    or a web server's, which XML forbids and expat refuses: "XML or text declaration not at
    start of entity", though browsers and Google Earth read it), and how many lines those
    were."""
    bom = _BOM if data.startswith(_BOM) else b""
    body = data[len(bom) :]
    if body[:1].isspace() and body.lstrip().startswith(b"<?xml"):
        rest = body.lstrip()
        return bom + rest, body[: len(body) - len(rest)].count(b"\n")
    return data, 0


def expat_reason(exc: ET.ParseError) -> str:
    """The parser's complaint without its position (said once, in words, by the caller)."""
    return re.sub(r": line \d+, column \d+$", "", str(exc))
