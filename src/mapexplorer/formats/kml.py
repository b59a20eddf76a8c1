"""KML export for Google Earth: a Placemark per event–place pair, with its time and fields."""

from __future__ import annotations

import html
import os
import xml.etree.ElementTree as ET

from shapely.geometry.base import BaseGeometry

from mapexplorer.formats.errors import write_atomically
from mapexplorer.formats.excerpts import excerpts_text
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


def _geometry(parent: ET.Element, geom: BaseGeometry) -> None:
    kind = geom.geom_type
    if kind == "Point":
        ET.SubElement(ET.SubElement(parent, "Point"), "coordinates").text = _coords(geom.coords)
    elif kind == "LineString":
        line = ET.SubElement(parent, "LineString")
        ET.SubElement(line, "tessellate").text = "1"
        ET.SubElement(line, "coordinates").text = _coords(geom.coords)
    elif kind == "Polygon":
        poly = ET.SubElement(parent, "Polygon")
        for tag, ring in [("outerBoundaryIs", geom.exterior)] + [
            ("innerBoundaryIs", r) for r in geom.interiors
        ]:
            linear = ET.SubElement(ET.SubElement(poly, tag), "LinearRing")
            ET.SubElement(linear, "coordinates").text = _coords(ring.coords)
    else:  # Multi*: one MultiGeometry of the parts
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in geom.geoms:
            _geometry(multi, part)


def as_html_text(text: str) -> str:
    """Text for an element Google Earth renders as HTML (a description, an ExtendedData value):
    escaped, so `<b>` shows as the characters `<b>`, not bold. The XML writer then escapes it
    again; any KML reader gets the HTML back, a browser or Google Earth the text."""
    return html.escape(text, quote=False)


def dumps(catalogue: Catalogue) -> str:
    kml = ET.Element("kml", xmlns=KML_NS)
    doc = ET.SubElement(kml, "Document")
    ET.SubElement(doc, "name").text = catalogue.source.title or "Map Explorer events"
    for category, colour in CATEGORY_COLOURS.items():
        style = ET.SubElement(doc, "Style", id=f"cat-{category}")
        ET.SubElement(ET.SubElement(style, "IconStyle"), "color").text = colour
        line = ET.SubElement(style, "LineStyle")
        ET.SubElement(line, "color").text = colour
        ET.SubElement(line, "width").text = "3"
        ET.SubElement(ET.SubElement(style, "PolyStyle"), "color").text = "55" + colour[2:]
    for event in catalogue.events:
        for place in catalogue.places_of(event):
            mark = ET.SubElement(doc, "Placemark", id=f"{event.id}@{place.id}")
            ET.SubElement(mark, "name").text = event.title  # plain text to Google Earth
            ET.SubElement(mark, "description").text = as_html_text(event.summary)
            if event.time.start == event.time.end:
                stamp = ET.SubElement(mark, "TimeStamp")
                ET.SubElement(stamp, "when").text = event.time.start_iso
            else:
                span = ET.SubElement(mark, "TimeSpan")
                ET.SubElement(span, "begin").text = event.time.start_iso
                ET.SubElement(span, "end").text = event.time.end_iso
            style = event.category if event.category in CATEGORY_COLOURS else "other"
            ET.SubElement(mark, "styleUrl").text = f"#cat-{style}"
            data = ET.SubElement(mark, "ExtendedData")
            fields = {
                "event_id": event.id,
                "date": event.time.edtf,
                "start": event.time.start_iso,
                "end": event.time.end_iso,
                "precision": event.time.precision.value,
                "place": place.name,
                "place_id": place.id,
                "category": event.category,
                "actors": "; ".join(event.actors),
                "era": event.era,
                "excerpt": event.excerpt,
                "excerpts": excerpts_text(event.excerpts),  # all of them, with their offsets
            }
            for name, value in fields.items():
                value_element = ET.SubElement(ET.SubElement(data, "Data", name=name), "value")
                value_element.text = as_html_text(value)
            _geometry(mark, place.geometry)
    ET.indent(kml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode") + "\n"


def export(catalogue: Catalogue, path: str | os.PathLike) -> None:
    write_atomically(path, dumps(catalogue))
