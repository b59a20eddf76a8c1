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


def geodata_dir() -> Path:
    return _find("geodata")


def resources_dir() -> Path:
    return _find("resources")


def bundled_catalogue() -> Path:
    """The first article's catalogue, opened when the user gives no file."""
    return geodata_dir() / "russia-iran-partnership.geojson"


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
