"""KML export for Google Earth: a Placemark per event–place pair, with its time and fields."""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping

from shapely.geometry.base import BaseGeometry

from mapexplorer.formats.actors import actors_text
from mapexplorer.formats.errors import write_atomically
from mapexplorer.formats.excerpts import excerpts_text
from mapexplorer.formats.extras import extra_names, extra_text
from mapexplorer.model import Catalogue

KML_NS = "http://www.opengis.net/kml/2.2"
CATEGORY_COLOURS = {  # KML colours are aabbggrr
    "war": "ff2b39d6",
    "diplomacy": "ffb4771f",
    "nuclear": "ff0e7fff",
    "arms": "ff4b568c",
    "politics": "ffbd6794",
    "economy": "ff2ca02c",
    "other": "ff7f7f7f",
}


def _coords(points) -> str:
    return " ".join(f"{x:.6f},{y:.6f}" for x, y, *_ in points)


def as_html_text(text: str) -> str:
    """Text for an element Google Earth renders as HTML (a description, an ExtendedData value):
    escaped, so `<b>` shows as the characters `<b>`, not bold. The XML writer then escapes it
    again; any KML reader gets the HTML back, a browser or Google Earth the text."""
    return html.escape(text, quote=False)


_PLACEMARKS = "PLACEMARKS GO HERE"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, not even as a reference: one control character in a title
(a JSON escape, FileMaker's line break \\v) made the whole file unreadable to Google Earth and
to us. Each is written as U+FFFD, the replacement character."""


def dumps(catalogue: Catalogue) -> str:
    """The catalogue as a KML document."""
    return "".join(chunks(catalogue))


def chunks(catalogue: Catalogue) -> Iterator[str]:
    """`dumps` in pieces, a Placemark at a time: one ElementTree of 100,000 Placemarks held
    ~1 GB and took ~25 s to indent and write; written by `_element` as ElementTree writes
    them (same escaping, same indentation), they take a few seconds and no tree."""
    kml = ET.Element("kml", xmlns=KML_NS)
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = _xml_chars(catalogue.source.title or "Map Explorer events")
    for category, colour in CATEGORY_COLOURS.items():
        style = ET.SubElement(doc, "Style", id=f"cat-{category}")
        ET.SubElement(ET.SubElement(style, "IconStyle"), "color").text = colour
        line = ET.SubElement(style, "LineStyle")
        ET.SubElement(line, "color").text = colour
        ET.SubElement(line, "width").text = "3"
        ET.SubElement(ET.SubElement(style, "PolyStyle"), "color").text = "55" + colour[2:]
    doc.append(ET.Comment(_PLACEMARKS))
    extras = extra_names((e.extra for e in catalogue.events), _FIELDS)
    ET.indent(kml)
    head, tail = ET.tostring(kml, encoding="unicode").split(f"<!--{_PLACEMARKS}-->")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + head.rstrip()
    for event in catalogue.events:
        for place in catalogue.places_of(event):
            yield "\n    " + _placemark(event, place, extras)
    yield tail + "\n"


_FIELDS = (
    "event_id", "date", "start", "end", "precision", "place", "place_id", "category", "actors",
    "era", "excerpt", "excerpts", "date_note", "name", "description", "title",
)  # fmt: skip
"""The ExtendedData fields `_placemark` writes, and the Placemark's own name and description:
no field of the opened file is written under one of those names."""


def _placemark(event, place, extras: Mapping[str, str] | None = None) -> str:
    """One Placemark at its place in the document (two levels in), as ElementTree would write
    it once indented; `extras`: the fields of the opened file no role read (a `source`
    column), written after ours so that they reopen as they were."""
    time = event.time
    if time.start == time.end:
        when = _element("TimeStamp", 3, [_element("when", 4, time.start_iso)])
    else:
        when = _element(
            "TimeSpan", 3, [_element("begin", 4, time.start_iso), _element("end", 4, time.end_iso)]
        )
    style = event.category if event.category in CATEGORY_COLOURS else "other"
    fields = {
        "event_id": event.id,
        "date": time.edtf,
        "start": time.start_iso,
        "end": time.end_iso,
        "precision": time.precision.value,
        "place": place.name,
        "place_id": place.id,
        "category": event.category,
        "actors": actors_text(event.actors),
        "era": event.era,
        "excerpt": event.excerpt,
        "excerpts": excerpts_text(event.excerpts),  # all of them, with their offsets
    }
    if event.date_note:  # how the date was read ("2014–present", to the day it was opened)
        fields["date_note"] = event.date_note
    for name, kept in (extras or {}).items():  # a file's own `date` as "date (file)"
        if name in event.extra:
            fields[kept] = extra_text(event.extra[name])
    data = [
        _element("Data", 4, [_element("value", 5, as_html_text(_xml_chars(value)))], name=name)
        for name, value in fields.items()
    ]
    return _element(
        "Placemark",
        2,
        [
            _element("name", 3, _xml_chars(event.title)),  # plain text to Google Earth
            _element("description", 3, as_html_text(_xml_chars(event.summary))),
            when,
            _element("styleUrl", 3, f"#cat-{style}"),
            _element("ExtendedData", 3, data),
            _geometry_xml(place.geometry, 3),
        ],
        id=_xml_chars(f"{event.id}@{place.id}"),
    )


def _geometry_xml(geom: BaseGeometry, level: int) -> str:
    kind = geom.geom_type
    inner = level + 1
    if kind == "Point":
        return _element("Point", level, [_element("coordinates", inner, _coords(geom.coords))])
    if kind == "LineString":
        return _element(
            "LineString",
            level,
            [
                _element("tessellate", inner, "1"),
                _element("coordinates", inner, _coords(geom.coords)),
            ],
        )
    if kind == "Polygon":
        rings = [("outerBoundaryIs", geom.exterior)] + [
            ("innerBoundaryIs", r) for r in geom.interiors
        ]
        return _element(
            "Polygon",
            level,
            [
                _element(
                    tag,
                    inner,
                    [
                        _element(
                            "LinearRing",
                            inner + 1,
                            [_element("coordinates", inner + 2, _coords(ring.coords))],
                        )
                    ],
                )
                for tag, ring in rings
            ],
        )
    return _element("MultiGeometry", level, [_geometry_xml(part, inner) for part in geom.geoms])


def _element(tag: str, level: int, content: str | list[str], **attributes: str) -> str:
    """An element at `level` (two spaces each), as `ET.indent` and `ET.tostring` write it:
    its children one level in, each on its own line; empty text as `<tag />`."""
    attrs = "".join(f' {k}="{_escape_attribute(v)}"' for k, v in attributes.items())
    if isinstance(content, list):
        inside = "\n" + "  " * (level + 1)
        return f"<{tag}{attrs}>{inside}{inside.join(content)}\n{'  ' * level}</{tag}>"
    if not content:
        return f"<{tag}{attrs} />"
    return f"<{tag}{attrs}>{_escape_text(content)}</{tag}>"


def _escape_text(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A reader turns a carriage return written as itself into a line feed; as &#13; it stays.
    return escaped.replace("\r", "&#13;")


def _xml_chars(text: str) -> str:
    if text.isprintable():  # most text: a quick test before the expression's scan
        return text
    return _NOT_XML.sub("\ufffd", text)


def _escape_attribute(text: str) -> str:
    return (
        _escape_text(text)
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
        .replace("\n", "&#10;")
        .replace("\t", "&#09;")
    )


def export(catalogue: Catalogue, path: str | os.PathLike) -> None:
    write_atomically(path, chunks(catalogue))
