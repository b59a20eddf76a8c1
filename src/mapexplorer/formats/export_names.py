"""What an export's file name says about its format, shared by the command line (`-o NAME`)
and the window's save dialogs, so that both refuse a name that would lie about the file."""

from __future__ import annotations

from pathlib import Path

__all__ = ["FORMAT_OF_SUFFIX", "FORMAT_WORDS", "OTHER_SUFFIXES", "format_named", "name_problem"]

FORMAT_OF_SUFFIX = {
    ".geojson": "geojson", ".json": "geojson", ".csv": "csv", ".kml": "kml",
    ".html": "html", ".htm": "html", ".png": "png", ".gif": "gif",
}  # fmt: skip
OTHER_SUFFIXES = {
    ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP", ".tif": "TIFF", ".tiff": "TIFF",
    ".bmp": "BMP", ".svg": "SVG", ".pdf": "PDF", ".mp4": "MP4", ".webm": "WebM",
    ".kmz": "KMZ", ".tsv": "TSV", ".xlsx": "Excel", ".xls": "Excel", ".shp": "shapefile",
    ".gpx": "GPX",
}  # fmt: skip
"""Names that promise a format we do not write: refused, not filled with something else."""
FORMAT_WORDS = {
    "geojson": "GeoJSON", "csv": "CSV", "kml": "KML", "html": "a web page (HTML)",
    "png": "a PNG image", "gif": "a GIF animation",
}  # fmt: skip


def format_named(path: str) -> str | None:
    """The export format the name's extension says (`FORMAT_OF_SUFFIX`), if any."""
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower())


def name_problem(path: str, fmt: str) -> str | None:
    """Why `path` is no name for an export in `fmt`, in words for a dialog: its extension
    names a format we do not write ("story.jpg") or another that we do ("story.gif" for a
    PNG). None when the name fits (or has an extension no format claims, as the command line
    accepts it with --format)."""
    name = Path(path).name
    suffix = Path(path).suffix.lower()
    wanted = f"{Path(path).stem}.{fmt}"
    if suffix in OTHER_SUFFIXES:
        return (
            f"{name}: Map Explorer does not write {OTHER_SUFFIXES[suffix]} files. This export "
            f"writes {FORMAT_WORDS.get(fmt, fmt)}: name it {wanted}."
        )
    named = FORMAT_OF_SUFFIX.get(suffix)
    if named is not None and named != fmt:
        return (
            f"{name}: the name says {FORMAT_WORDS.get(named, named)}, but this export writes "
            f"{FORMAT_WORDS.get(fmt, fmt)}: name it {wanted}."
        )
    return None
