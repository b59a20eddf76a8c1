"""Export the map as one self-contained web page: opens in any browser, no network, no server.

The page is the app's map page (Leaflet, `mappage.js`, the offline base map) with a time slider
and a details panel of its own (`standalone.js`), filled from data embedded as JSON. The events
reach the map as the same messages the app sends (built by `messages`), so both draw alike.
Pure Python: no Qt, no folium.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from pathlib import Path
from typing import NamedTuple

from mapexplorer import __version__
from mapexplorer.colours import CATEGORY_COLOURS, legend
from mapexplorer.event_words import (
    date_hint,
    extra_rows,
    place_words,
    published_words,
    split_links,
)
from mapexplorer.formats.errors import check_writable, write_atomically
from mapexplorer.mappage import messages
from mapexplorer.mappage.basemap import basemap_data
from mapexplorer.model import Catalogue
from mapexplorer.model.axis import TimeAxis, day_words
from mapexplorer.model.state import WINDOW_WIDTHS, ExplorerState
from mapexplorer.paths import resources_dir

TEMPLATE = "export-template.html"
SCRIPT = "standalone.js"
STYLE = "standalone.css"
SLIDER_STEPS = 1000
"""The range input's resolution: value i shows the axis's day at position i / SLIDER_STEPS."""
WINDOW_CHOICES = [list(choice) for choice in WINDOW_WIDTHS]
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xstatic_leaflet

    return Path(xstatic_leaflet.BASE_DIR)


def _data_uri(path: Path) -> str:
    mime = {".png": "image/png", ".svg": "image/svg+xml"}.get(
        path.suffix, "application/octet-stream"
    )
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _leaflet_css() -> str:
    """Leaflet's stylesheet with its images inlined and its comments (one holds a URL) dropped."""
    folder = _leaflet_dir()
    css = re.sub(r"/\*.*?\*/", "", (folder / "leaflet.css").read_text("utf-8"), flags=re.S)
    return re.sub(
        r"url\((images/[\w.-]+)\)", lambda m: f'url("{_data_uri(folder / m.group(1))}")', css
    )


def _leaflet_js() -> str:
    text = (_leaflet_dir() / "leaflet.js").read_text("utf-8")
    # A source map comment would make a browser's developer tools fetch a file we do not ship.
    return re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)


def _script_text(text: str) -> str:
    """JavaScript safe inside <script>…</script>: `</script` in a string cannot end the element.

    Line ends are made "\\n" as the HTML parser would, so the hash in the page's
    Content-Security-Policy is the hash of the text the browser sees.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.I)


def json_for_html(value: object) -> str:
    """JSON to put inside a `<script type="application/json">` element.

    Every `<` becomes `\\u003c` (so `</script>` or `<!--` in a title cannot end the element or
    change how it is parsed), and `>` and `&` too for good measure; JSON.parse reads them back.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class FilterNote(NamedTuple):
    """What a filtered page's header says of its filter, as a filtered picture's does
    (`ui.image_export.header_detail`): "12 of 30 events · filtered: “putin”"."""

    described: str
    """`EventFilter.described()`: what the filter asks for."""
    total: int
    """The events of the whole file, of which the page holds those the filter let through."""


def filter_note(state: ExplorerState) -> FilterNote | None:
    """The note for `state`'s filter; None when it lets every event through."""
    if state.filter.is_empty:
        return None
    return FilterNote(state.filter.described(), len(state.catalogue.events))


def export_state(state: ExplorerState) -> ExplorerState:
    """A copy of `state` over the events it lets through its filter (what the list shows): what
    the page is made from, while the window's own state moves on."""
    catalogue = state.catalogue
    if not state.filter.is_empty:
        catalogue = catalogue.with_events(state.filtered_events())
    copy = ExplorerState(catalogue)
    copy.mode = state.mode
    copy.window_days = state.window_days
    if catalogue.events:
        copy.time = copy._clamp(state.time)
    if state.selected in {e.id for e in catalogue.events}:
        copy.selected = state.selected
    return copy


def page_data(state: ExplorerState, title: str = "", note: FilterNote | None = None) -> dict:
    """Everything the exported page shows, as JSON-ready data. `note`: the filter that chose
    `state`'s events from a bigger file (`filter_note`), which the header names."""
    catalogue = state.catalogue
    source = catalogue.source
    data: dict = {
        "title": title or source.title or "Map Explorer",
        "source": {
            "title": source.title,
            "publisher": source.publisher,
            "published": source.published,
            # The header's, in words as the window writes it (not "2025-01-17").
            "publishedWords": published_words(source.published) if source.published else "",
        },
        # A filtered page looked like one of every event, only fewer (its picture said so).
        "filtered": {"described": note.described, "total": note.total} if note else None,
        "generator": f"Map Explorer {__version__}",
        # For the map, as the app sends it; the page's own panels read "events" instead.
        "catalogue": messages.catalogue_message(catalogue),
        "events": _events(catalogue),
        "colours": CATEGORY_COLOURS,
        # What the colours mean, as a picture's legend says it (the page showed none).
        "legend": legend(e.category for e in catalogue.events),
        "windowChoices": WINDOW_CHOICES,
    }
    if not catalogue.events:
        data["time"] = None
        return data
    axis = TimeAxis.from_catalogue(catalogue)
    start, end = catalogue.time_range()
    data["time"] = {
        "start": start,
        "end": end,
        "now": state.time,
        "mode": state.mode.value,
        "windowDays": state.window_days,
        "firstStart": start,
        "steps": [axis.day(i / SLIDER_STEPS) for i in range(SLIDER_STEPS + 1)],
        "ticks": [
            {"pos": axis.position(day), "label": label} for day, label in axis.ticks(1000.0, 90.0)
        ],
        "eras": [
            {
                "id": era.id,
                "label": era.label,
                "from": axis.position_of(era.time.start),
                "to": axis.position_of(era.time.end + 1),
                "start": era.time.start,
                "end": era.time.end,
            }
            for era in catalogue.eras
        ],
        "marks": [
            {"pos": axis.position(e.time.start), "cat": e.category}
            for e in catalogue.chronological()
        ],
        "startWords": day_words(start),
        "endWords": day_words(end),
    }
    # The first messages, exactly as the app would send them for this state.
    data["initial"] = [
        messages.filter_message(state),
        messages.time_message(state),
        messages.select_message(state.selected, fly=False),
    ]
    return data


def _events(catalogue: Catalogue) -> list[dict]:
    """What the slider and the details panel show of each event, in time order: as the
    window's details panel shows it (its places in the same words, the file's other fields;
    texts that hold web addresses cut at them, by `split_links`, for the page to link)."""
    eras = {era.id: era.label for era in catalogue.eras}
    return [
        {
            "id": e.id,
            "title": e.title,
            "date": e.time.describe(),
            "dateHint": date_hint(e),  # "known to the year", as the window's panel says
            "start": e.time.start,
            "end": e.time.end,
            "cat": e.category,
            "summary": split_links(e.summary),
            "actors": list(e.actors),
            "places": [
                place_words(catalogue, pid) for pid in e.place_ids if pid in catalogue.places
            ],
            "placeHere": catalogue.place_label(e.place_ids[0]) if e.place_ids else "",
            "extra": [[label, split_links(text)] for label, text in extra_rows(e.extra)],
            "placeIds": list(e.place_ids),
            "excerpts": [x.text for x in e.excerpts],
            "note": e.date_note,
            "era": eras.get(e.era, e.era),
        }
        for e in catalogue.chronological()
    ]


def _script_hash(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def page_html(state: ExplorerState, title: str = "", note: FilterNote | None = None) -> str:
    """The exported page as one HTML string (filters applied, as the window's list shows,
    and named in its header). `note`: for a `state` made by `export_state`, whose filter has
    already chosen its events, the filter it had (`filter_note`)."""
    note = note or filter_note(state)
    state = export_state(state)
    data = page_data(state, title, note)
    basemap = basemap_data()
    scripts = {
        "LEAFLET_JS": _script_text(_leaflet_js()),
        "BASEMAP_CANVAS_JS": _script_text(
            (resources_dir() / "basemap-canvas.js").read_text("utf-8")
        ),
        "MAPPAGE_JS": _script_text((resources_dir() / "mappage.js").read_text("utf-8")),
        "STANDALONE_JS": _script_text((resources_dir() / SCRIPT).read_text("utf-8")),
    }
    # The page may run its own four scripts and nothing else: an injected handler or script
    # (say, from a hostile title) is refused by the browser, and it may load nothing from afar.
    csp = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {' '.join(_script_hash(s) for s in scripts.values())}"
    )
    parts = {
        **scripts,
        "CSP": html.escape(csp, quote=True),
        "TITLE": html.escape(data["title"]),
        "LEAFLET_CSS": _leaflet_css(),
        "MAPPAGE_CSS": (resources_dir() / "mappage.css").read_text("utf-8"),
        "STANDALONE_CSS": (resources_dir() / STYLE).read_text("utf-8"),
        "BASEMAP_JSON": json_for_html(basemap),
        "DATA_JSON": json_for_html(data),
    }
    template = (resources_dir() / TEMPLATE).read_text("utf-8")
    # One pass, so text put in for one placeholder is never searched for another.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], template)


def export_html(
    state: ExplorerState,
    path: str | os.PathLike,
    title: str = "",
    note: FilterNote | None = None,
) -> None:
    """Write the page for `state` (its time, mode, window, filter, selection) atomically;
    `note` as for `page_html`."""
    check_writable(path)  # before the page is made
    write_atomically(path, page_html(state, title, note))


def export_catalogue_html(
    catalogue: Catalogue, path: str | os.PathLike, at: int | None = None, title: str = ""
) -> None:
    """Write the page for a whole catalogue, at day `at` (default: its latest day)."""
    state = ExplorerState(catalogue)
    if at is not None:
        state.set_time(at)
    export_html(state, path, title)
