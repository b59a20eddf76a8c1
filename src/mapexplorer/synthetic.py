"""Synthetic catalogues for the benchmark and tests: N events over 300 years, deterministic.

Places cluster around a few hundred "hub" cities, as a researcher's data does (many events in
few towns); points, regions and routes are mixed, and dates come at every precision the app
draws differently (exact days are crisp; months, years, spans and approximate dates are soft).
"""

from __future__ import annotations

import math
import random

from shapely.geometry import LineString, Point, Polygon

from mapexplorer.model import Catalogue, Event, Place, Source, TimeSpan
from mapexplorer.model.event import CATEGORIES
from mapexplorer.model.time import iso_from_day

FIRST_YEAR = 1725
YEARS = 300
_WORDS = (
    "treaty", "siege", "embassy", "revolt", "council", "trade", "fair", "border", "pact", "fleet",
    "census", "decree", "famine", "mission", "election", "strike", "canal", "railway", "accord",
)  # fmt: skip


def synthetic_catalogue(n: int, seed: int = 1) -> Catalogue:
    """`n` events at about `n // 2` places (at least 10): 80% points, 12% regions, 8% routes."""
    rng = random.Random(seed)
    hubs = [(rng.uniform(-170, 170), rng.uniform(-55, 70)) for _ in range(max(4, n // 250 or 1))]
    places: dict[str, Place] = {}
    n_places = max(10, n // 2)
    for i in range(n_places):
        hx, hy = hubs[rng.randrange(len(hubs))]
        x = max(-179.0, min(179.0, hx + rng.gauss(0, 2.5)))
        y = max(-80.0, min(80.0, hy + rng.gauss(0, 1.8)))
        roll = rng.random()
        if roll < 0.80:
            geometry = Point(round(x, 5), round(y, 5))
        elif roll < 0.92:
            size, k = rng.uniform(0.2, 1.5), rng.randint(5, 9)
            ring = [
                (
                    round(x + size * math.cos(2 * math.pi * j / k), 5),
                    round(y + 0.7 * size * math.sin(2 * math.pi * j / k), 5),
                )
                for j in range(k)
            ]
            geometry = Polygon(ring)
        else:
            steps = rng.randint(2, 5)
            pts = [(x, y)]
            for _ in range(steps):
                px, py = pts[-1]
                pts.append(
                    (
                        max(-179.0, min(179.0, px + rng.uniform(-3, 3))),
                        max(-80.0, min(80.0, py + rng.uniform(-2, 2))),
                    )
                )
            geometry = LineString([(round(a, 5), round(b, 5)) for a, b in pts])
        pid = f"p{i}"
        places[pid] = Place(pid, f"Place {i}", geometry)

    place_ids = list(places)
    first = _day(FIRST_YEAR)
    span_days = _day(FIRST_YEAR + YEARS) - first
    events = []
    for i in range(n):
        day = first + rng.randrange(span_days)
        year = int(iso_from_day(day)[:4])
        roll = rng.random()
        if roll < 0.55:
            edtf = iso_from_day(day)
        elif roll < 0.75:
            edtf = iso_from_day(day)[:7]
        elif roll < 0.88:
            edtf = f"{year}"
        elif roll < 0.96:
            edtf = f"{year}/{min(FIRST_YEAR + YEARS - 1, year + rng.randint(1, 8))}"
        else:
            edtf = f"{year}~"
        count = 2 if rng.random() < 0.1 else 1
        chosen = tuple(dict.fromkeys(place_ids[rng.randrange(n_places)] for _ in range(count)))
        events.append(
            Event(
                id=f"e{i}",
                title=f"{rng.choice(_WORDS).capitalize()} {i}",
                time=TimeSpan.parse(edtf),
                place_ids=chosen,
                category=CATEGORIES[rng.randrange(len(CATEGORIES))],
            )
        )
    return Catalogue(
        events=events,
        places=places,
        source=Source(title=f"Synthetic catalogue of {n:,} events"),
    )


def _day(year: int) -> int:
    from mapexplorer.model.time import day_from_ymd

    return day_from_ymd(year, 1, 1)
