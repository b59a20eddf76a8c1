"""Open any supported file as a catalogue, choosing the reader by the file's content and name."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mapexplorer.formats import native
from mapexplorer.model import Catalogue

Progress = Callable[[int, int], None]

EXPORTERS = ("geojson", "csv", "kml")


def open_catalogue(path: str | os.PathLike, progress: Progress | None = None) -> Catalogue:
    """Read a catalogue file; raises `FormatError` naming the file, item and problem."""
    return native.load(Path(path), progress)


def export_catalogue(catalogue: Catalogue, path: str | os.PathLike, fmt: str) -> None:
    """Write `catalogue` to `path` in one of `EXPORTERS` (atomically)."""
    from mapexplorer.formats import csvfile, geojson, kml

    writer = {"geojson": geojson.export, "csv": csvfile.export, "kml": kml.export}[fmt]
    writer(catalogue, path)
