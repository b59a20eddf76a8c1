"""Open any supported file as a catalogue, choosing the reader by the file's content and name.

- Our native catalogue (GeoJSON with a "mapexplorer" member, or `event_id` and `place_id` in
  its features' properties): `native`.
- Other GeoJSON: `geojson_reader`. CSV/TSV: `csv_reader`. KML/KMZ: `kml_reader`. GPX:
  `gpx_reader`. An Excel workbook: its first table (`workbook`), read as a CSV is.

`read_catalogue` also returns the `ReadReport` of rows that could not be read; `guess_fields`
says which fields a GeoJSON or CSV file's reader would use, for the window to ask when unsure.
"""

from __future__ import annotations

import logging
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

from mapexplorer.formats import esri_json, native, takeout
from mapexplorer.formats.errors import FormatError, check_writable
from mapexplorer.formats.ods import MIMETYPE
from mapexplorer.model import Catalogue

if TYPE_CHECKING:
    from mapexplorer.formats.fields import FieldChoice, FieldGuess
    from mapexplorer.formats.report import ReadReport

# The readers of other tools' files (fastkml, field detection) cost ~0.4 s to import: they
# are imported when such a file is opened, not when the app starts on a native catalogue.

Progress = Callable[[int, int], None]
Fields = Union["FieldChoice", Mapping[str, Any], None]
Kind = Literal["native", "geojson", "csv", "kml", "gpx", "xlsx"]

EXPORTERS = ("geojson", "csv", "kml")
_JSON = (
    ".geojson",
    ".json",
    ".topojson",
    ".geojsons",
    ".geojsonl",
    ".geojsonseq",
    ".ndjson",
    ".jsonl",
)
OPENABLE = (
    *_JSON,
    ".csv",
    ".tsv",
    ".tab",
    ".txt",
    ".kml",
    ".kmz",
    ".gpx",
    ".xlsx",
    ".xlsm",
    ".ods",
)
_KML = (".kml", ".kmz")


def open_catalogue(
    path: str | os.PathLike, progress: Progress | None = None, fields: Fields = None
) -> Catalogue:
    """Read a catalogue file; raises `FormatError` naming the file, item and problem."""
    return read_catalogue(path, progress, fields)[0]


def read_catalogue(
    path: str | os.PathLike,
    progress: Progress | None = None,
    fields: Fields = None,
    parsed: dict | None = None,
) -> tuple[Catalogue, ReadReport]:
    """Read any supported file: the catalogue and the report of what was left out.

    `fields` overrides the guessed fields (a `FieldChoice`, or a mapping such as
    {"date": "event_date"}); native files ignore it. `progress(done, total)` is called every
    ~2000 rows and may raise to cancel the read. `parsed`: the holder `guess_fields` was
    given, whose parsed GeoJSON is then read rather than parsed again.
    """
    catalogue, report = _read_catalogue(Path(path), progress, fields, parsed)
    # "23 km N of Gaziantep, Turkey", not "37.22000, 37.38000", for a spot a table gave no
    # name; our own big files are not searched for such places (~40 ms at 40,000 places).
    if report.unit != "feature" or report.choice is not None or len(catalogue.places) < 10_000:
        from mapexplorer.formats.spot_names import unnamed_spots

        spots = unnamed_spots(catalogue.places, limit=_MOST_SPOTS_DESCRIBED)
        if spots:  # only then the importer's city table (~0.3 s to import: not at every launch)
            from mapexplorer.importer.nearby import label_unnamed_spots

            try:
                label_unnamed_spots(catalogue, spots)
            except Exception:  # noqa: BLE001 - words to show are a nicety: never lose the file
                logging.getLogger("mapexplorer").exception("%s: places left unlabelled", path)
    return catalogue, report


_MOST_SPOTS_DESCRIBED = 20_000
"""A file with more unnamed spots keeps them as coordinates (finding each one's city would
take seconds); README, *Opening your own data*."""


def _read_catalogue(
    path: Path, progress: Progress | None, fields: Fields, parsed: dict | None
) -> tuple[Catalogue, ReadReport]:
    kind = detect(path)
    with _misnamed_said(path, kind) as said:
        catalogue, report = _read_as(kind, path, progress, fields, parsed)
    if said:
        report.asides.insert(0, f"{said}: read as what it is")
    return catalogue, report


_CONTAINERS = {
    ".xlsx": "an Excel workbook",
    ".xlsm": "an Excel workbook",
    ".ods": "a LibreOffice spreadsheet",
    ".zip": "a zip archive",
    ".kmz": "a KMZ file",
}
"""Names of files that are zips inside: one that is text is not what it says."""


def _misnamed(path: Path, kind: Kind) -> str | None:
    """ "named .xlsx but not an Excel workbook (it is a text file)" for a file whose name
    promises a zip and whose bytes are none (None for the others)."""
    what = _CONTAINERS.get(path.suffix.lower())
    if what is None or kind == "xlsx" or kind == "kml" and path.suffix.lower() == ".kmz":
        return None  # the workbook and KMZ readers say what is wrong inside
    with open(path, "rb") as f:
        head = f.read(512)
    if head.startswith(b"PK\x03\x04"):
        return None  # a zip indeed (a KMZ named .zip)
    text = not _CONTROL_BYTES.search(head)
    return f"named {path.suffix} but not {what}" + (" (it is a text file)" if text else "")


@contextmanager
def _misnamed_said(path: Path, kind: Kind):
    """Text under a zip's name (a CSV saved as "data.xlsx") is read as what it is; what stops
    it is said after what the name promised ("found a single column", of a file called
    .xlsx, left the user looking for columns in a workbook)."""
    said = _misnamed(path, kind)
    try:
        yield said
    except FormatError as exc:
        if not said:
            raise
        raise FormatError(path, f"{said}: {exc.problem}", exc.item, exc.field) from exc


def _read_as(
    kind: Kind, path: Path, progress: Progress | None, fields: Fields, parsed: dict | None
) -> tuple[Catalogue, ReadReport]:
    if kind == "csv":
        from mapexplorer.formats import csv_reader

        with _article_said(path):
            return csv_reader.read(path, progress, fields)
    if kind == "xlsx":
        from mapexplorer.formats import csv_reader

        return csv_reader.read_workbook(path, progress, fields)
    if kind == "kml":
        from mapexplorer.formats import kml_reader

        return kml_reader.read(path, progress, fields)
    if kind == "gpx":
        from mapexplorer.formats import gpx_reader

        return gpx_reader.read(path, progress)
    from mapexplorer.formats.report import ReadReport

    if _says_native(path):  # our own file: straight to the native reader, no guessing
        catalogue = native.load(path, progress)
        return catalogue, ReadReport(str(path), "feature", 0, len(catalogue.events))
    from mapexplorer.formats import geojson_reader

    doc = parsed.pop(str(path), None) if parsed is not None else None
    if doc is None:
        doc = geojson_reader.load_json(path)
    esri_lines: list[str] = []
    if esri_json.is_esri(doc):  # an ArcGIS service's answer: the GeoJSON it stands for
        doc, esri_lines = esri_json.from_esri(doc)
    if _is_native(doc):
        catalogue = native.from_geojson(doc, path, progress)
        features = doc.get("features") if isinstance(doc, dict) else None
        total = len(features) if isinstance(features, list) else 0
        return catalogue, ReadReport(str(path), "feature", total, len(catalogue.events))
    from mapexplorer.formats import csv_reader

    if (visits := _location_history(path, doc)) is not None:  # Google's: a row per visit
        header, rows, journeys, local = visits
        catalogue, report = csv_reader.read_records(path, (header, rows), progress, fields)
        report.asides.insert(0, takeout.visits_line(len(rows), journeys, local))
        return catalogue, report
    if (table := csv_reader.json_table(doc)) is not None:  # records, as Wikidata's JSON
        catalogue, report = csv_reader.read_records(path, table, progress, fields)
        if (member := csv_reader.records_member(doc)) is not None:
            report.asides.insert(0, f"read the records in its {member!r} member, one a row")
        return catalogue, report
    catalogue, report = geojson_reader.read_document(doc, path, progress, fields)
    report.asides[:0] = esri_lines
    return catalogue, report


def guess_fields(path: str | os.PathLike, parsed: dict | None = None) -> FieldGuess | None:
    """Which fields a CSV or plain GeoJSON file's reader would use (None for native, KML and
    GPX files, whose fields are fixed). `FormatError` if the file cannot be read at all.

    `parsed`: a dict that keeps the parsed GeoJSON for `read_catalogue` (parsing 100,000
    features takes most of a second: once is enough)."""
    path = Path(path)
    kind = detect(path)
    with _misnamed_said(path, kind):
        return _guess_fields(path, kind, parsed)


def _guess_fields(path: Path, kind: Kind, parsed: dict | None) -> FieldGuess | None:
    if kind == "csv":
        from mapexplorer.formats import csv_reader

        with _article_said(path):
            return csv_reader.guess_fields(path)
    if kind == "xlsx":
        from mapexplorer.formats import csv_reader

        return csv_reader.guess_workbook_fields(path)
    if kind in ("kml", "gpx") or _says_native(path):
        return None
    from mapexplorer.formats import geojson_reader

    doc = geojson_reader.load_json(path)
    if parsed is not None:
        parsed[str(path)] = doc
    if _is_native(doc):
        return None
    from mapexplorer.formats import csv_reader

    if (visits := _location_history(path, doc)) is not None:
        return csv_reader.guess_records_fields(visits[:2])
    if (table := csv_reader.json_table(doc)) is not None:
        return csv_reader.guess_records_fields(table)
    if esri_json.is_esri(doc):
        doc = esri_json.from_esri(doc)[0]
    return geojson_reader.guess_document(doc, path)


def _location_history(path: Path, doc: Any) -> tuple[list[str], list[list[str]], int, int] | None:
    """A Google location history's visits as a table (`takeout.visits_table`); `FormatError`
    for its raw positions, or a history with no visits; None for any other JSON."""
    if takeout.is_raw_records(doc):
        raise FormatError(path, takeout.RAW_RECORDS)
    visits = takeout.visits_table(doc)
    if visits is not None and not visits[1]:
        raise FormatError(path, takeout.NO_VISITS.format(journeys=visits[2]))
    return visits


ARTICLE_HINT = (
    "this is an article's text, not a table: import it as an article (File ▸ Import "
    "article…, or mapexplorer import-article {name} -o CATALOGUE.geojson)"
)


@contextmanager
def _article_said(path: Path):
    """A text that is not a table because it is prose: say so, and how to import it, rather
    than what the table reader found wrong with it ("a single column")."""
    try:
        yield
    except FormatError as exc:
        from mapexplorer.formats.prose import looks_like_prose

        if not looks_like_prose(path):
            raise
        raise FormatError(path, ARTICLE_HINT.format(name=path.name)) from exc


def detect(path: str | os.PathLike) -> Kind:
    """The reader for a file: by its first bytes when they are clear, else by its name."""
    try:
        with open(path, "rb") as f:
            head = f.read(512)
    except FileNotFoundError:
        raise FormatError(path, "the file does not exist") from None
    except IsADirectoryError:
        if Path(path).suffix.lower() in _PACKAGES:  # a Mac's document that is a folder
            raise FormatError(path, _ZIP_KINDS[Path(path).suffix.lower()]) from None
        raise FormatError(path, _folder_words(Path(path))) from None
    except OSError as exc:
        raise FormatError(path, f"cannot read the file ({exc.strerror})") from None
    suffix = Path(path).suffix.lower()
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    other = _other_kind(path, head, suffix)
    if other is not None:
        raise FormatError(path, other)
    if head.startswith(b"PK\x03\x04") and _is_workbook(path, suffix):
        return "xlsx"
    if suffix in _WORKBOOK_SUFFIXES and _CONTROL_BYTES.search(head):
        return "xlsx"  # binary, but no zip: a damaged workbook (the workbook reader says so)
    if suffix == ".zip" and not head.startswith(b"PK\x03\x04") and _CONTROL_BYTES.search(head):
        raise FormatError(path, _ZIP_KINDS[".zip"])  # binary, but no zip: not a table either
    if _is_gpx(head, suffix):
        return "gpx"
    if head.startswith(b"PK\x03\x04") or suffix in _KML:
        return "kml"
    if start.startswith((b"{", b"[", b"\x1e")) or suffix in _JSON:
        return "geojson"  # native or not: decided once the JSON is parsed
    if start.startswith(b"<"):
        return "kml"
    return "csv"


def _folder_words(folder: Path) -> str:
    """Why a folder does not open, and which of its files would: "this is a folder, not a
    file: open one of the files in it that Map Explorer reads (events.csv, map.kml)"."""
    try:
        inside = sorted(
            p.name for p in folder.iterdir() if p.suffix.lower() in OPENABLE and p.is_file()
        )
    except OSError:
        inside = []
    if not inside:
        return (
            "this is a folder, not a file, and none of the files in it is one Map Explorer "
            "reads (CSV, Excel .xlsx, LibreOffice .ods, GeoJSON, KML/KMZ, GPX)"
        )
    shown = ", ".join(inside[:5]) + (" …" if len(inside) > 5 else "")
    return (
        "this is a folder, not a file: open one of the files in it that Map Explorer reads, "
        f"one at a time ({shown})"
    )


# --- files we do not read, told apart by their first bytes ----------------------------------

_OPENS = "Map Explorer opens CSV, Excel (.xlsx), LibreOffice (.ods), GeoJSON, KML/KMZ and GPX files"
_SAVE_AS_CSV = (
    "Map Explorer reads CSV, Excel .xlsx and LibreOffice .ods — save the sheet as CSV (UTF-8) "
    "or .xlsx first, "
    "and open that"
)
_SAVE_AS_TEXT = (
    "save a table in it as CSV (UTF-8), or the text as plain text (.txt) and use "
    "File ▸ Import article"
)
_CONVERT = (
    "convert it to GeoJSON first (in QGIS: Export ▸ Save Features As…, format GeoJSON; or "
    "ogr2ogr -f GeoJSON out.geojson {name})"
)
_BY_MAGIC = (  # (first bytes, what the file is and what to do)
    (b"%PDF-", f"a PDF document: {_OPENS} — {_SAVE_AS_TEXT}"),
    (b"\x89PNG\r\n\x1a\n", f"a PNG image (binary data, not text): {_OPENS}"),
    (b"\xff\xd8\xff", f"a JPEG image (binary data, not text): {_OPENS}"),
    (b"GIF87a", f"a GIF image (binary data, not text): {_OPENS}"),
    (b"GIF89a", f"a GIF image (binary data, not text): {_OPENS}"),
    (b"II*\x00", f"a TIFF image (binary data, not text): {_OPENS}"),
    (b"MM\x00*", f"a TIFF image (binary data, not text): {_OPENS}"),
    (b"\x00\x00\x27\x0a", f"a shapefile: {_OPENS} — {_CONVERT}"),
    (b"fgb\x03", f"a FlatGeobuf file: {_OPENS} — {_CONVERT}"),
    (b"\x1f\x8b", "a gzip-compressed file: unpack it first, then open the file inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive: unpack it first, then open the file inside"),
    (b"Rar!\x1a\x07", "a RAR archive: unpack it first, then open the file inside"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97–2003
_OLE_KINDS = {
    ".xls": f"an Excel 97–2003 workbook: {_SAVE_AS_CSV}",
    ".doc": f"a Word 97–2003 document: {_OPENS} — {_SAVE_AS_TEXT}",
}
_ZIP_KINDS = {  # a zip by its name, when its content does not say (or it is broken)
    ".docx": f"a Word document: {_OPENS} — {_SAVE_AS_TEXT}",
    ".odt": f"an OpenDocument text (LibreOffice Writer): {_OPENS} — {_SAVE_AS_TEXT}",
    ".pptx": f"a PowerPoint presentation: {_OPENS}",
    ".zip": "a zip archive that cannot be opened (it is damaged or incomplete)",
    ".numbers": (
        "an Apple Numbers spreadsheet: Map Explorer reads CSV, Excel .xlsx and LibreOffice .ods "
        "— in Numbers, "
        "File ▸ Export To ▸ CSV… (or Excel…), and open that"
    ),
    ".pages": f"an Apple Pages document: {_OPENS} — {_SAVE_AS_TEXT}",
    ".key": f"an Apple Keynote presentation: {_OPENS}",
}
_ZIPPED_GIS = (
    (".shp", "a zipped shapefile"),
    (".gpkg", "a zipped GeoPackage"),
    (".fgb", "a zipped FlatGeobuf file"),
    (".gdb", "a zipped Esri file geodatabase"),
    (".tab", "a zipped MapInfo table"),
    (".mif", "a zipped MapInfo interchange file"),
)
"""What a zip holds that unpacked is still no file we read: say so, and how to convert it,
rather than "unpack it and open a file inside"."""
_IWORK = "index/document.iwa"
"""A member of every Numbers, Pages and Keynote file since 2013 (their "IWA" archives)."""
_PACKAGES = (".numbers", ".pages", ".key")
"""Apple's documents, which a Mac may keep as a folder (a package) rather than a zip."""
_ODF = {  # an OpenDocument zip's "mimetype" member
    b"application/vnd.oasis.opendocument.text": ".odt",
}
_QGIS_PROJECT = (
    "a QGIS project: it names the layers it shows, which are in other files — in QGIS, "
    "right-click the layer of events, Export ▸ Save Features As…, format GeoJSON, and open "
    "that"
)
_SHAPEFILE_PARTS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn")
_SUFFIX_KINDS = {
    ".shx": f"part of a shapefile (its index): {_OPENS} — {_CONVERT}",
    ".dbf": f"part of a shapefile (its attribute table): {_OPENS} — {_CONVERT}",
    ".prj": f"part of a shapefile (its coordinate system): {_OPENS} — {_CONVERT}",
    ".cpg": f"part of a shapefile (its text encoding): {_OPENS} — {_CONVERT}",
    ".qix": f"part of a shapefile (its spatial index): {_OPENS} — {_CONVERT}",
    ".sbn": f"part of a shapefile (its spatial index): {_OPENS} — {_CONVERT}",
    ".qgs": _QGIS_PROJECT,
    ".gpkg": f"a GeoPackage: {_OPENS} — {_CONVERT}",
    ".fgb": f"a FlatGeobuf file: {_OPENS} — {_CONVERT}",
}


_GPX_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?gpx[\s>]")
_KML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?kml[\s>]")


def _is_gpx(head: bytes, suffix: str) -> bool:
    """A GPX file: an XML document whose root is <gpx> (by any name), or a .gpx that is not
    a KML file by another name (a .gpx that is not XML: the GPX reader says what it is)."""
    kml = _KML_ROOT.search(head)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        gpx = _GPX_ROOT.search(head)
        if gpx and (kml is None or gpx.start() < kml.start()):
            return True
    return suffix == ".gpx" and kml is None


def _other_kind(path: str | os.PathLike, head: bytes, suffix: str) -> str | None:
    """What a file we do not read is, and what to do with it (None when we may read it)."""
    for magic, what in _BY_MAGIC:
        if head.startswith(magic):
            return what.format(name=Path(path).name)
    if head.startswith(_OLE):
        return _OLE_KINDS.get(suffix, f"a Microsoft Office 97–2003 file: {_OPENS}")
    if head.startswith(b"SQLite format 3\x00"):
        if suffix == ".gpkg":
            return _SUFFIX_KINDS[".gpkg"].format(name=Path(path).name)
        return f"an SQLite database: {_OPENS}"
    if re.match(
        rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", head, re.I | re.S
    ):
        return (
            "a web page (HTML), not a catalogue: a map Map Explorer exported as a web page opens "
            f"in a browser; {_OPENS} (an HTML article: File ▸ Import article)"
        )
    if suffix in _SUFFIX_KINDS and not head.lstrip().startswith((b"{", b"[", b"<")):
        shapefile = suffix in _SHAPEFILE_PARTS  # the .shp beside it is the one to convert
        name = Path(path).with_suffix(".shp").name if shapefile else Path(path).name
        return _SUFFIX_KINDS[suffix].format(name=name)
    if re.search(rb"<qgis[\s>]", head[:512]):  # a project's XML, under any name
        return _QGIS_PROJECT
    if head.startswith(b"PK\x03\x04") and suffix != ".kmz":
        return _zip_kind(path, head, suffix)
    return None


def _zip_kind(path: str | os.PathLike, head: bytes, suffix: str) -> str | None:
    """A zip that is not a KMZ: an Office file, a zipped shapefile, or some other archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception:  # only a probe: a zip we cannot list is judged by its name
        return _ZIP_KINDS.get(suffix)  # None: the KMZ reader says what is wrong with it
    lower = [n.lower() for n in names]
    if any(n.endswith(".kml") for n in lower):
        return None  # a KMZ by another name
    if any(n.startswith("xl/") for n in lower):
        return None  # an Excel workbook: read (`workbook`)
    if any(n.startswith("word/") for n in lower):
        return _ZIP_KINDS[".docx"]
    if any(n.startswith("ppt/") for n in lower):
        return _ZIP_KINDS[".pptx"]
    if mimetype.startswith(MIMETYPE):
        return None  # a LibreOffice spreadsheet: read (`ods`)
    for kind, odf_suffix in _ODF.items():
        if mimetype.startswith(kind):
            return _ZIP_KINDS[odf_suffix]
    if any(n.endswith(".qgs") for n in lower) and suffix != ".zip":  # QGIS's .qgz
        return _QGIS_PROJECT
    if _IWORK in lower:  # Numbers, Pages or Keynote: which, by its name
        return _ZIP_KINDS[suffix if suffix in _PACKAGES else ".numbers"]
    for ending, kind in _ZIPPED_GIS:  # a GIS's own files, which unpacked we do not read either
        found = [part for n in names for part in n.split("/") if part.lower().endswith(ending)]
        if found:
            return f"{kind}: {_OPENS} — " + _CONVERT.format(name=found[0])
    if suffix in _ZIP_KINDS and suffix != ".zip":
        return _ZIP_KINDS[suffix]
    shown = _shown_names(names)
    if suffix in _WORKBOOK_SUFFIXES:  # no "xl/" folder: a zip given a workbook's name
        inside = f"({shown})" if shown else "(it is empty)"
        return f"not an Excel workbook: a zip archive with no workbook inside {inside}"
    if not shown:
        return "an empty zip archive"
    return f"a zip archive with no .kml file in it ({shown}): unpack it and open a file inside"


_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
"""Bytes no text table holds (tab, line breaks and the escape character aside)."""


def _shown_names(names: list[str]) -> str:
    shown = ", ".join(Path(n).name for n in names if not n.endswith("/"))
    return shown if len(shown) <= 80 else shown[:79] + "…"


def _is_workbook(path: str | os.PathLike, suffix: str) -> bool:
    """A workbook: an .xlsx, .xlsm or .ods, a zip with Excel's "xl/" folder in it, or a
    LibreOffice spreadsheet by another name (its "mimetype" member says so)."""
    if suffix in _WORKBOOK_SUFFIXES:
        return True
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.read("mimetype")[:100].startswith(MIMETYPE):
                return True
            return any(n.lower().startswith("xl/") for n in names)
    except Exception:  # a damaged zip: the KMZ reader says what is wrong with it
        return False


_NATIVE_HEADER = re.compile(rb'"mapexplorer"\s*:\s*\{')
"""Our header member, not the word as a value: QGIS writes a layer's name first, and a layer
(or its file) called "mapexplorer" is plain GeoJSON for all that."""


def _says_native(path: Path) -> bool:
    """Map Explorer writes its header before the features: the first bytes tell."""
    with open(path, "rb") as f:
        return _NATIVE_HEADER.search(f.read(256)) is not None


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
    check_writable(path)
    writer(catalogue, path)
