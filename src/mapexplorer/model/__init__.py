"""The pure-Python model: time spans, places, events, eras and the catalogue. No Qt here."""

from mapexplorer.model.catalogue import Catalogue, CatalogueError, Era, Source
from mapexplorer.model.event import Event, Excerpt
from mapexplorer.model.place import Place, PlaceError
from mapexplorer.model.time import DateError, Precision, TimeSpan

__all__ = [
    "Catalogue",
    "CatalogueError",
    "DateError",
    "Era",
    "Event",
    "Excerpt",
    "Place",
    "PlaceError",
    "Precision",
    "Source",
    "TimeSpan",
]
