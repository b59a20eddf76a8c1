"""Where the bundled data lives: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel carries geodata/ and resources/ inside the package (hatchling force-include);
    # a source checkout has them at the top level, two folders up from here.
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Map Explorer's {name}/ folder is missing from the installation")


NEEDED = (
    (
        "resources",
        (
            "basemap-canvas.js",
            "mappage.js",
            "mappage.css",
            "icon.svg",
            "export-template.html",
            "standalone.js",
            "standalone.css",
        ),
    ),
    (
        "geodata",
        (
            "basemap.geojson",
            "basemap-labels.geojson",
            "places.geojson",
            "gazetteer-curated.json",
            "russia-iran-partnership.geojson",
            "russia-iran-partnership.txt",
        ),
    ),
)
"""The files every command may need, by folder: the map page's own code, the export's, the
base map, the gazetteer and the bundled article."""


def missing_file() -> Path | None:
    """The first file of `NEEDED` that the installation lacks (where it should be; its folder
    when that is missing too), or None.
    A broken install (a copy without its data folders) gave a traceback once the window
    opened; checked first, it is one line. A few file checks: nothing read."""
    for folder, names in NEEDED:
        try:
            where = _find(folder)
        except FileNotFoundError:
            return _PACKAGE / folder
        for name in names:
            if not (where / name).is_file():
                return where / name
    return None


def geodata_dir() -> Path:
    return _find("geodata")


def resources_dir() -> Path:
    return _find("resources")


def bundled_catalogue() -> Path:
    """The first article's catalogue, opened when the user gives no file."""
    return geodata_dir() / "russia-iran-partnership.geojson"


def was_bundled(path: str | Path) -> bool:
    """Whether `path` was the bundled article, perhaps of an installation since moved or
    upgraded: the article opens again, from where it is now, and there is nothing to say."""
    bundled = bundled_catalogue()
    return Path(path).name == bundled.name and Path(path).parent.name == bundled.parent.name


def is_bundled(path: str | Path) -> bool:
    """Whether `path` is one of the files that come with the app (the bundled article), not
    the user's: its folder is inside the installation, no place to save the user's work."""
    if not path:
        return False
    try:
        Path(path).resolve().relative_to(geodata_dir().resolve())
    except (ValueError, OSError, FileNotFoundError):
        return False
    return True
