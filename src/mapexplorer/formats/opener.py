"""Open any supported file as a catalogue, choosing the reader by the file's content and name.

- Our native catalogue (GeoJSON with a "mapexplorer" member, or `event_id` and `place_id` in
  its features' properties): `native`.
- Other GeoJSON: `geojson_reader`. CSV/TSV: `csv_reader`. KML/KMZ: `kml_reader`.

`read_catalogue` also returns the `ReadReport` of rows that could not be read; `guess_fields`
says which fields a GeoJSON or CSV file's reader would use, for the window to ask when unsure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from mapexplorer.formats import native
from mapexplorer.formats.errors import FormatError
from mapexplorer.model import Catalogue

if TYPE_CHECKING:
    from mapexplorer.formats.fields import FieldChoice, FieldGuess
    from mapexplorer.formats.report import ReadReport

# The readers of other tools' files (fastkml, field detection) cost ~0.4 s to import: they
# are imported when such a file is opened, not when the app starts on a native catalogue.

Progress = Callable[[int, int], None]
Fields = Union["FieldChoice", Mapping[str, Any], None]
Kind = Literal["native", "geojson", "csv", "kml"]

EXPORTERS = ("geojson", "csv", "kml")
OPENABLE = (".geojson", ".json", ".csv", ".tsv", ".tab", ".txt", ".kml", ".kmz")
_JSON = (".geojson", ".json")
_KML = (".kml", ".kmz")


def open_catalogue(
    path: str | os.PathLike, progress: Progress | None = None, fields: Fields = None
) -> Catalogue:
    """Read a catalogue file; raises `FormatError` naming the file, item and problem."""
    return read_catalogue(path, progress, fields)[0]


def read_catalogue(
    path: str | os.PathLike, progress: Progress | None = None, fields: Fields = None
) -> tuple[Catalogue, ReadReport]:
    """Read any supported file: the catalogue and the report of what was left out.

    `fields` overrides the guessed fields (a `FieldChoice`, or a mapping such as
    {"date": "event_date"}); native files ignore it. `progress(done, total)` is called every
    ~2000 rows and may raise to cancel the read.
    """
    path = Path(path)
    kind = detect(path)
    if kind == "csv":
        from mapexplorer.formats import csv_reader

        return csv_reader.read(path, progress, fields)
    if kind == "kml":
        from mapexplorer.formats import kml_reader

        return kml_reader.read(path, progress, fields)
    from mapexplorer.formats.report import ReadReport

    if _says_native(path):  # our own file: straight to the native reader, no guessing
        catalogue = native.load(path, progress)
        return catalogue, ReadReport(str(path), "feature", 0, len(catalogue.events))
    from mapexplorer.formats import geojson_reader

    doc = geojson_reader.load_json(path)
    if _is_native(doc):
        catalogue = native.from_geojson(doc, path, progress)
        features = doc.get("features") if isinstance(doc, dict) else None
        total = len(features) if isinstance(features, list) else 0
        return catalogue, ReadReport(str(path), "feature", total, len(catalogue.events))
    return geojson_reader.read_document(doc, path, progress, fields)


def guess_fields(path: str | os.PathLike) -> FieldGuess | None:
    """Which fields a CSV or plain GeoJSON file's reader would use (None for native and KML
    files, whose fields are fixed). `FormatError` if the file cannot be read at all."""
    path = Path(path)
    kind = detect(path)
    if kind == "csv":
        from mapexplorer.formats import csv_reader

        return csv_reader.guess_fields(path)
    if kind == "kml" or _says_native(path):
        return None
    from mapexplorer.formats import geojson_reader

    doc = geojson_reader.load_json(path)
    return None if _is_native(doc) else geojson_reader.guess_document(doc, path)


def detect(path: str | os.PathLike) -> Kind:
    """The reader for a file: by its first bytes when they are clear, else by its name."""
    try:
        with open(path, "rb") as f:
            head = f.read(512)
    except FileNotFoundError:
        raise FormatError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise FormatError(path, "this is a folder, not a file") from None
    except OSError as exc:
        raise FormatError(path, f"cannot read the file ({exc.strerror})") from None
    suffix = Path(path).suffix.lower()
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04") or suffix in _KML:
        return "kml"
    if start.startswith((b"{", b"[")) or suffix in _JSON:
        return "geojson"  # native or not: decided once the JSON is parsed
    if start.startswith(b"<"):
        return "kml"
    return "csv"


def _says_native(path: Path) -> bool:
    """Map Explorer writes its header before the features: the first bytes tell."""
    with open(path, "rb") as f:
        return b'"mapexplorer"' in f.read(256)


def _is_native(doc: Any) -> bool:
    if not isinstance(doc, dict):
        return False
    if "mapexplorer" in doc:
        return True
    features = doc.get("features")
    if not isinstance(features, list) or not features:
        return False
    first = features[0]
    props = first.get("properties") if isinstance(first, dict) else None
    return isinstance(props, dict) and "event_id" in props and "place_id" in props


def export_catalogue(catalogue: Catalogue, path: str | os.PathLike, fmt: str) -> None:
    """Write `catalogue` to `path` in one of `EXPORTERS` (atomically)."""
    from mapexplorer.formats import csvfile, geojson, kml

    writer = {"geojson": geojson.export, "csv": csvfile.export, "kml": kml.export}[fmt]
    writer(catalogue, path)
