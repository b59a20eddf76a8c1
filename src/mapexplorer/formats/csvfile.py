"""CSV export: a spreadsheet row per event–place pair, with a point (lat, lon) and the shape (WKT)."""

from __future__ import annotations

import csv
import io
import os

from mapexplorer.formats.errors import write_atomically
from mapexplorer.formats.native import event_place_properties
from mapexplorer.model import Catalogue

COLUMNS = [
    "event_id", "title", "summary", "date", "start", "end", "precision", "place", "category",
    "actors", "era", "excerpt", "lat", "lon", "wkt",
]  # fmt: skip
ACTOR_SEPARATOR = "; "


def dumps(catalogue: Catalogue) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in catalogue.events:
        for place in catalogue.places_of(event):
            # The same fields as the GeoJSON Features, flattened for a spreadsheet.
            props = event_place_properties(catalogue, event, place)
            row = {column: props.get(column, "") for column in COLUMNS}
            lon, lat = place.representative
            row.update(
                actors=ACTOR_SEPARATOR.join(event.actors),
                lat=f"{lat:.6f}",
                lon=f"{lon:.6f}",
                wkt=place.geometry.wkt,
            )
            writer.writerow(row)
    return out.getvalue()


def export(catalogue: Catalogue, path: str | os.PathLike) -> None:
    write_atomically(path, dumps(catalogue))
