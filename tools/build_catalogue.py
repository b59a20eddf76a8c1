"""Build geodata/russia-iran-partnership.geojson from the hand-curated sources beside it.

    python tools/build_catalogue.py

Inputs: geodata/events.json (events, eras and the source, written by hand),
geodata/places.geojson (shapes, from tools/build_geodata.py) and the article's text.
Excerpt offsets are found in the text here, so the curated file only quotes the passages.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mapexplorer.formats import native  # noqa: E402
from mapexplorer.model import Catalogue, Era, Event, Excerpt, Place, Source, TimeSpan  # noqa: E402


def excerpt_in(text: str, quote: str, event_id: str) -> Excerpt:
    start = text.find(quote)
    if start < 0:
        raise SystemExit(f"event {event_id!r}: excerpt not found verbatim: {quote[:60]!r}")
    return Excerpt(quote, start, start + len(quote))


def build() -> Catalogue:
    geodata = ROOT / "geodata"
    text = (geodata / "russia-iran-partnership.txt").read_text(encoding="utf-8")
    curated = json.loads((geodata / "events.json").read_text(encoding="utf-8"))
    shapes = json.loads((geodata / "places.geojson").read_text(encoding="utf-8"))
    places = {
        f["id"]: Place.from_geojson(
            f["id"], f["properties"]["name"], f["geometry"], f["properties"].get("source", "")
        )
        for f in shapes["features"]
    }
    events = [
        Event(
            id=raw["id"],
            title=raw["title"],
            summary=raw["summary"],
            time=TimeSpan.parse(raw["date"]),
            date_note=raw.get("date_note", ""),
            place_ids=tuple(raw["places"]),
            actors=tuple(raw.get("actors", ())),
            category=raw["category"],
            era=raw["era"],
            excerpts=tuple(excerpt_in(text, q, raw["id"]) for q in raw["excerpts"]),
        )
        for raw in curated["events"]
    ]
    used = {pid for e in events for pid in e.place_ids}
    eras = [Era(e["id"], e["label"], TimeSpan.parse(e["date"])) for e in curated["eras"]]
    src = curated["source"]
    source = Source(
        title=src["title"],
        publisher=src.get("publisher", ""),
        published=src["published"],
        published_note=src.get("published_note", ""),
        text=text,
    )
    return Catalogue(
        events=events,
        places={pid: p for pid, p in places.items() if pid in used},
        eras=eras,
        source=source,
    )


if __name__ == "__main__":
    out = ROOT / "geodata" / "russia-iran-partnership.geojson"
    catalogue = build()
    native.save(catalogue, out)
    print(f"wrote {out.relative_to(ROOT)}: {len(catalogue.events)} events, {len(catalogue.places)} places")
