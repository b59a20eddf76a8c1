"""Build the map page once, with folium, into a folder of local files — no CDN, no network.

The page holds only the map's frame: the offline base map, an optional online tile layer
(hidden by default) and our own script. Events arrive later as messages, so the page does not
depend on the catalogue and is cached across launches: `import folium` and the build cost
~0.5 s, paid once per version of the inputs, not at every start.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import zlib
from pathlib import Path

from mapexplorer import __version__
from mapexplorer.mappage.basemap import BASEMAP_FILES
from mapexplorer.paths import geodata_dir, resources_dir

log = logging.getLogger("mapexplorer.page")

PAGE_NAME = "map.html"
MANIFEST = "manifest.txt"
"""The built page's files and their sizes: a cached page missing one (a disk cleaner, a sync
tool, a hand tidying the cache) is built again, not loaded without its base map."""
# Our own page code, in resources/: real files, not strings in Python.
PAGE_SCRIPTS = ("basemap-canvas.js", "mappage.js")  # in this order
PAGE_STYLES = ("mappage.css",)
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xstatic_leaflet

    return Path(xstatic_leaflet.BASE_DIR)


def _inputs() -> list[Path]:
    return [
        *(resources_dir() / name for name in PAGE_SCRIPTS + PAGE_STYLES),
        *(geodata_dir() / name for name in BASEMAP_FILES),
        Path(__file__),
        Path(__file__).with_name("basemap.py"),
    ]


def page_key() -> str:
    """Changes whenever anything the page is built from changes (files are small: checksum
    them). A CRC, not a cryptographic hash: it only tells versions of our own files apart, and
    importing hashlib loads OpenSSL, ~5 ms of every start."""
    crc, length = zlib.crc32(__version__.encode()), 0
    for path in _inputs():
        data = path.read_bytes()
        crc = zlib.crc32(data, zlib.crc32(path.name.encode(), crc))
        length += len(data)
    return f"{crc:08x}{length:08x}"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mapexplorer"


MAX_ZOOM = 16
"""The map's closest zoom: a step or two past its closest framing (mappage.js CLOSEST_FRAME,
a hike or a city's incidents on the online map); standalone.js's map says the same."""


def ensure_page(cache_dir: Path | None = None) -> Path:
    """The path of the built page, building it first if the cached one is missing or stale.
    Where the cache folder cannot be written (a read-only home), the system's temporary folder
    holds it instead."""
    key = page_key()
    problem: OSError | None = None
    for base in (cache_dir or default_cache_dir(), None):
        try:
            if base is None:  # only when the cache folder failed
                base = _temporary_cache()
            page = base / f"page-{key}" / PAGE_NAME
            if page.exists() and is_intact(page.parent):
                return page
            if page.parent.exists():
                _discard(page.parent)
            build_page(page.parent)
            return page
        except OSError as exc:
            problem = exc
    raise problem  # type: ignore[misc]


def _temporary_cache() -> Path:
    """This user's own folder in the system's temporary folder, for a cache folder that cannot
    be written. Not one folder for every user: another user's is not writable here (no map at
    all), and a folder others may write to could hold a page planted there, run as ours."""
    import stat
    import tempfile

    base = Path(tempfile.gettempdir())
    if not hasattr(os, "getuid"):  # Windows: the temporary folder is the user's own already
        return base / "mapexplorer"
    mine = base / f"mapexplorer-{os.getuid()}"
    try:
        mine.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = mine.lstat()
        if (
            stat.S_ISDIR(found.st_mode)
            and found.st_uid == os.getuid()
            and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return mine
    except OSError:
        pass
    log.warning("%s is not this user's own folder; the map page is built afresh", mine)
    return Path(tempfile.mkdtemp(prefix="mapexplorer-"))


def is_intact(folder: Path) -> bool:
    """Whether every file the page was built with is still in `folder`, at its size."""
    try:
        lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
        return bool(lines) and all(
            (folder / name).stat().st_size == int(size)
            for size, _, name in (line.partition(" ") for line in lines)
        )
    except (OSError, ValueError):
        return False


def _discard(folder: Path) -> None:
    """Take a damaged page folder out of the way (renamed first: a launch loading it meanwhile
    keeps its files); OSError when it cannot be, and the page is built elsewhere."""
    log.warning("the cached map page in %s is damaged; building it again", folder)
    aside = folder.with_name(f"{folder.name}.damaged{os.getpid()}")
    folder.rename(aside)
    shutil.rmtree(aside, ignore_errors=True)


def build_page(folder: Path) -> Path:
    """Write the page and every asset it needs into `folder` (atomically: a whole folder)."""
    import folium
    from folium.elements import Element

    from mapexplorer.mappage.basemap import basemap_data

    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.with_name(folder.name + f".tmp{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    leaflet = _leaflet_dir()
    shutil.copy(leaflet / "leaflet.js", staging / "leaflet.js")
    shutil.copy(leaflet / "leaflet.css", staging / "leaflet.css")
    shutil.copytree(leaflet / "images", staging / "images")
    for name in PAGE_SCRIPTS + PAGE_STYLES:
        shutil.copy(resources_dir() / name, staging / name)
    # Base map data as scripts: a file:// page may not fetch() JSON, but it may load a script.
    basemap = basemap_data()
    (staging / "basemap.js").write_text(
        "window.MAPEXPLORER_BASEMAP = " + json.dumps(basemap, separators=(",", ":")) + ";\n",
        encoding="utf-8",
    )

    fmap = folium.Map(
        location=(38, 45),
        zoom_start=4,
        tiles=None,
        prefer_canvas=True,
        control_scale=False,  # mappage.js adds it, wide enough for its labels
        zoomAnimation=False,  # our canvas layer redraws per frame; no CSS zoom transitions
        worldCopyJump=False,
        minZoom=2,
        maxZoom=MAX_ZOOM,
    )
    # Every asset local: folium's defaults point at CDNs (and pull jQuery and Bootstrap).
    fmap.default_js = [("leaflet", "leaflet.js")]
    fmap.default_css = [("leaflet_css", "leaflet.css")]
    folium.TileLayer(
        OSM_TILES, name="OpenStreetMap (online)", attr=OSM_ATTRIBUTION, show=False, overlay=False
    ).add_to(fmap)
    root = fmap.get_root()
    root.header.add_child(Element('<script src="qrc:///qtwebchannel/qwebchannel.js"></script>'))
    root.header.add_child(Element('<script src="basemap.js"></script>'))
    for name in PAGE_STYLES:
        root.header.add_child(Element(f'<link rel="stylesheet" href="{name}"/>'))
    for name in PAGE_SCRIPTS:
        root.header.add_child(Element(f'<script src="{name}"></script>'))
    # folium writes the map's own script after ours: start once every script has run.
    root.script.add_child(
        Element(
            'document.addEventListener("DOMContentLoaded", function () '
            f"{{ MapExplorer.start({fmap.get_name()}); }});"
        )
    )
    fmap.save(str(staging / PAGE_NAME))
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    (staging / MANIFEST).write_text(
        "".join(f"{p.stat().st_size} {p.relative_to(staging).as_posix()}\n" for p in files),
        encoding="utf-8",
    )
    # Publish the folder in one step, so a half-built page is never used.
    try:
        staging.rename(folder)
    except OSError:  # another process built it first
        shutil.rmtree(staging, ignore_errors=True)
    return folder / PAGE_NAME
