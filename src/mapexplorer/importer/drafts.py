"""Draft events: what the importer proposes and the user reviews.

A draft is one sentence (or clause) with a date and a place; nothing is final until the user
accepts it. A `DraftSet` is saved as JSON, atomically, so edits survive switching article or
closing the window; `drafts_to_catalogue` turns accepted drafts into a `Catalogue`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shapely.geometry import mapping

from mapexplorer.formats.errors import FormatError, write_atomically
from mapexplorer.model import Catalogue, Event, Excerpt, Place, PlaceError, Source, TimeSpan
from mapexplorer.model.event import CATEGORIES, slugify
from mapexplorer.model.time import DateError

__all__ = [
    "ACCEPTED", "PENDING", "REJECTED", "STATUSES", "Draft", "DraftSet", "drafts_to_catalogue",
]  # fmt: skip

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
STATUSES = (PENDING, ACCEPTED, REJECTED)
FILE_FORMAT = "mapexplorer-drafts"
FILE_VERSION = 1


@dataclass
class Draft:
    """A proposed event. Every field is editable in the review; `status` records the verdict."""

    id: str
    excerpt: Excerpt
    time: TimeSpan
    places: list[Place]
    title: str
    category: str = "other"
    actors: list[str] = field(default_factory=list)
    confidence: float = 0.5
    status: str = PENDING
    time_alternatives: list[TimeSpan] = field(default_factory=list)
    place_alternatives: list[Place] = field(default_factory=list)
    context: list[Excerpt] = field(default_factory=list)
    """Other sentences of the paragraph the draft draws its date or places from."""
    date_text: str = ""
    """The words that gave the date ("the following year"); empty when the date is inferred."""
    date_note: str = ""

    @property
    def excerpts(self) -> list[Excerpt]:
        return [self.excerpt, *self.context]

    def choose_place(self, place: Place) -> None:
        """Put `place` first (e.g. the user picked another candidate); the old first is kept."""
        self.places = [place, *[p for p in self.places if p.id != place.id]]
        self.place_alternatives = [p for p in self.place_alternatives if p.id != place.id]

    def choose_time(self, time: TimeSpan) -> None:
        if time != self.time:
            self.time_alternatives = [self.time, *[t for t in self.time_alternatives if t != time]]
            self.time = time


# --- the catalogue -----------------------------------------------------------------------------


def drafts_to_catalogue(
    drafts: Iterable[Draft], source: Source, accepted_only: bool = True
) -> Catalogue:
    """A catalogue of the accepted drafts (or of every draft not rejected)."""
    chosen = [
        d for d in drafts
        if d.status == ACCEPTED or (not accepted_only and d.status != REJECTED)
    ]  # fmt: skip
    places: dict[str, Place] = {}
    events: list[Event] = []
    used_ids: set[str] = set()
    for draft in chosen:
        place_ids = []
        for place in draft.places:
            pid = _place_id(place, places)
            places.setdefault(pid, place if pid == place.id else _renamed(place, pid))
            if pid not in place_ids:
                place_ids.append(pid)
        if not place_ids:
            continue
        event_id = _unique(slugify(draft.id or draft.title), used_ids)
        events.append(
            Event(
                id=event_id, title=draft.title.strip() or "Untitled event", time=draft.time,
                place_ids=tuple(place_ids), actors=tuple(draft.actors),
                category=draft.category if draft.category in CATEGORIES else "other",
                excerpts=tuple(draft.excerpts), date_note=draft.date_note,
                extra={"confidence": round(draft.confidence, 2)},
            )
        )  # fmt: skip
    return Catalogue(events=events, places=places, source=source)


def _place_id(place: Place, known: dict[str, Place]) -> str:
    pid, n = place.id, 2
    while pid in known and not known[pid] == place and known[pid].name != place.name:
        pid, n = f"{place.id}-{n}", n + 1
    return pid


def _renamed(place: Place, pid: str) -> Place:
    return Place(id=pid, name=place.name, geometry=place.geometry, source=place.source)


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base[:56]}-{n}", n + 1
    used.add(candidate)
    return candidate


# --- the draft file ----------------------------------------------------------------------------


@dataclass
class DraftSet:
    """An imported article and its drafts: what the review view edits and saves."""

    source: Source
    drafts: list[Draft] = field(default_factory=list)
    published_reasoning: str = ""

    def to_catalogue(self, accepted_only: bool = True) -> Catalogue:
        return drafts_to_catalogue(self.drafts, self.source, accepted_only)

    def draft(self, draft_id: str) -> Draft:
        return next(d for d in self.drafts if d.id == draft_id)

    # -- JSON ---------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        s = self.source
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "source": {
                "title": s.title,
                "publisher": s.publisher,
                "published": s.published,
                "published_note": s.published_note,
                "text": s.text,
            },  # fmt: skip
            "published_reasoning": self.published_reasoning,
            "drafts": [_draft_json(d) for d in self.drafts],
        }

    def save(self, path: str | os.PathLike) -> None:
        """Write the whole file or nothing (atomic replace)."""
        write_atomically(path, json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike) -> DraftSet:
        path = Path(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FormatError(path, "the file does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise FormatError(path, f"cannot read the file ({exc})") from None
        except json.JSONDecodeError as exc:
            raise FormatError(path, f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
        return cls.from_json(doc, path)

    @classmethod
    def from_json(cls, doc: Any, path: Any = None) -> DraftSet:
        if not isinstance(doc, dict) or doc.get("format") != FILE_FORMAT:
            raise FormatError(path, f"not a drafts file (expected format {FILE_FORMAT!r})")
        try:
            source = Source(**{k: str(v) for k, v in doc.get("source", {}).items()})
            drafts = [_draft_from_json(raw, i, path) for i, raw in enumerate(doc["drafts"])]
        except (KeyError, TypeError) as exc:
            raise FormatError(path, f"a required field is missing or malformed ({exc})") from None
        return cls(
            source=source, drafts=drafts, published_reasoning=doc.get("published_reasoning", "")
        )


def _excerpt_json(x: Excerpt) -> dict[str, Any]:
    return {"text": x.text, "start": x.start, "end": x.end}


def _place_json(p: Place) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "source": p.source, "geometry": mapping(p.geometry)}


def _draft_json(d: Draft) -> dict[str, Any]:
    return {
        "id": d.id, "status": d.status, "title": d.title, "category": d.category,
        "actors": list(d.actors), "confidence": round(d.confidence, 3), "date": d.time.edtf,
        "date_alternatives": [t.edtf for t in d.time_alternatives], "date_text": d.date_text,
        "date_note": d.date_note, "excerpt": _excerpt_json(d.excerpt),
        "context": [_excerpt_json(x) for x in d.context],
        "places": [_place_json(p) for p in d.places],
        "place_alternatives": [_place_json(p) for p in d.place_alternatives],
    }  # fmt: skip


def _draft_from_json(raw: dict[str, Any], index: int, path: Any) -> Draft:
    item = f"draft {index + 1}"
    try:
        status = raw.get("status", PENDING)
        if status not in STATUSES:
            raise FormatError(path, f"unknown status {status!r}", item, "status")
        return Draft(
            id=raw["id"], status=status, title=raw["title"], category=raw.get("category", "other"),
            actors=list(raw.get("actors", [])), confidence=float(raw.get("confidence", 0.5)),
            time=TimeSpan.parse(raw["date"]),
            time_alternatives=[TimeSpan.parse(t) for t in raw.get("date_alternatives", [])],
            date_text=raw.get("date_text", ""), date_note=raw.get("date_note", ""),
            excerpt=Excerpt(**raw["excerpt"]),
            context=[Excerpt(**x) for x in raw.get("context", [])],
            places=[Place.from_geojson(**p) for p in raw["places"]],
            place_alternatives=[Place.from_geojson(**p) for p in raw.get("place_alternatives", [])],
        )  # fmt: skip
    except (DateError, PlaceError) as exc:
        raise FormatError(path, str(exc), item) from None
