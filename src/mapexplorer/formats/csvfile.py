"""CSV export: a spreadsheet row per event–place pair, with a point (lat, lon) and the shape (WKT)."""

from __future__ import annotations

import csv
import io
import os

from mapexplorer.formats.errors import write_atomically
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
            lon, lat = place.representative
            writer.writerow(
                {
                    "event_id": event.id,
                    "title": event.title,
                    "summary": event.summary,
                    "date": event.time.edtf,
                    "start": event.time.start_iso,
                    "end": event.time.end_iso,
                    "precision": event.time.precision.value,
                    "place": place.name,
                    "category": event.category,
                    "actors": ACTOR_SEPARATOR.join(event.actors),
                    "era": event.era,
                    "excerpt": event.excerpt,
                    "lat": f"{lat:.6f}",
                    "lon": f"{lon:.6f}",
                    "wkt": place.geometry.wkt,
                }
            )
    return out.getvalue()


def export(catalogue: Catalogue, path: str | os.PathLike) -> None:
    write_atomically(path, dumps(catalogue))
