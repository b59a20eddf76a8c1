"""How well does the importer do? Import the bundled article and compare the drafts with the
hand-made catalogue of the same text.

A curated event is *recovered* when some draft overlaps one of its excerpts (character ranges),
its date interval overlaps the event's, and one of its places lies within 100 km of one of the
event's places (0 km when the shapes touch). A draft is *unmatched* when it recovers no event.

    python -m mapexplorer.importer.evaluate          (or: mapexplorer evaluate-import)
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from shapely.ops import nearest_points

from mapexplorer.importer.drafts import Draft
from mapexplorer.importer.pipeline import import_article
from mapexplorer.model import Catalogue, Event, Place
from mapexplorer.model.place import haversine_km

__all__ = ["Evaluation", "evaluate", "evaluate_bundled", "place_distance_km"]

MAX_KM = 100.0


@dataclass
class Evaluation:
    recovered: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    matched_drafts: list[str] = field(default_factory=list)
    unmatched_drafts: list[str] = field(default_factory=list)

    @property
    def recovered_share(self) -> float:
        total = len(self.recovered) + len(self.missed)
        return len(self.recovered) / total if total else 0.0

    @property
    def unmatched_share(self) -> float:
        total = len(self.matched_drafts) + len(self.unmatched_drafts)
        return len(self.unmatched_drafts) / total if total else 0.0

    def report(self) -> str:
        lines = [
            f"recovered: {len(self.recovered)}/{len(self.recovered) + len(self.missed)} curated "
            f"events ({self.recovered_share:.0%}; goal >= 80%)",
            f"unmatched: {len(self.unmatched_drafts)}/{len(self.matched_drafts) + len(self.unmatched_drafts)} "
            f"drafts ({self.unmatched_share:.0%}; goal <= 25%)",
        ]
        if self.missed:
            lines.append("missed events: " + ", ".join(self.missed))
        if self.unmatched_drafts:
            lines.append("unmatched drafts: " + ", ".join(self.unmatched_drafts))
        return "\n".join(lines)


def place_distance_km(a: Place, b: Place) -> float:
    """Distance between two places' nearest points (0 when they touch or overlap)."""
    if a.geometry.intersects(b.geometry):
        return 0.0
    pa, pb = nearest_points(a.geometry, b.geometry)
    return haversine_km(pa.x, pa.y, pb.x, pb.y)


def matches(draft: Draft, event: Event, catalogue: Catalogue) -> bool:
    overlap = any(
        x.start < y.end and y.start < x.end for x in draft.excerpts for y in event.excerpts
    )
    if not overlap or not draft.time.overlaps(event.time.start, event.time.end):
        return False
    return any(
        place_distance_km(p, q) <= MAX_KM for p in draft.places for q in catalogue.places_of(event)
    )


def evaluate(drafts: Sequence[Draft], catalogue: Catalogue) -> Evaluation:
    result = Evaluation()
    hits = {d.id: False for d in drafts}
    for event in catalogue.events:
        found = [d for d in drafts if matches(d, event, catalogue)]
        (result.recovered if found else result.missed).append(event.id)
        for d in found:
            hits[d.id] = True
    result.matched_drafts = [k for k, v in hits.items() if v]
    result.unmatched_drafts = [k for k, v in hits.items() if not v]
    return result


def evaluate_bundled(published: str | None = None) -> Evaluation:
    """Import geodata/russia-iran-partnership.txt (publication date detected unless given)."""
    from mapexplorer.formats import native
    from mapexplorer.paths import bundled_catalogue, geodata_dir

    drafts = import_article(geodata_dir() / "russia-iran-partnership.txt", published).drafts
    return evaluate(drafts, native.load(bundled_catalogue()))


def main(argv: list[str] | None = None) -> int:
    result = evaluate_bundled()
    print(result.report())
    return 0 if result.recovered_share >= 0.8 and result.unmatched_share <= 0.25 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
