"""The JSON messages Python sends the page: small, and built from the model only."""

from __future__ import annotations

from collections.abc import Iterable

from shapely.geometry import mapping

from mapexplorer.model import Catalogue
from mapexplorer.model.state import ExplorerState
from mapexplorer.ui.colours import CATEGORY_COLOURS



def catalogue_message(catalogue: Catalogue) -> dict:
    """Everything the page draws, sent once per opened file."""
    place_ids = list(catalogue.places)
    index = {pid: i for i, pid in enumerate(place_ids)}
    places = [
        {
            "id": pid,
            "name": catalogue.places[pid].name,
            "kind": catalogue.places[pid].kind.value,
            "geometry": mapping(catalogue.places[pid].geometry),
        }
        for pid in place_ids
    ]
    events = [
        {
            "id": e.id,
            "title": e.title,
            "date": e.time.describe(),
            "start": e.time.start,
            "end": e.time.end,
            "soft": not e.time.is_exact,
            "cat": e.category,
            "places": [index[pid] for pid in e.place_ids],
        }
        for e in catalogue.events
    ]
    bounds = catalogue.focus_bounds() if catalogue.events else None
    return {
        "type": "catalogue",
        "places": places,
        "events": events,
        "colours": CATEGORY_COLOURS,
        "bounds": bounds,
    }


def time_message(state: ExplorerState) -> dict:
    start, end = state.window()
    return {
        "type": "time",
        "start": start,
        "end": end,
        "now": state.time,
        "mode": state.mode.value,
        "rangeStart": state.catalogue.time_range()[0] if state.catalogue.events else 0,
    }


def filter_message(state: ExplorerState) -> dict:
    if state.filter.is_empty:
        return {"type": "filter", "ids": None}
    return {"type": "filter", "ids": [e.id for e in state.filtered_events()]}


def select_message(event_id: str | None, fly: bool) -> dict:
    return {"type": "select", "id": event_id, "fly": fly}


def fit_message(catalogue: Catalogue, events: Iterable) -> dict | None:
    events = list(events)
    if not events:
        return None
    return {"type": "fit", "bounds": catalogue.bounds(events)}
