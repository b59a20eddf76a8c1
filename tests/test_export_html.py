"""The HTML export: one self-contained page, loaded offline in a real browser engine.

The page is loaded in a QWebEngineView whose profile refuses and records every request that is
not for the file itself or a data: URI, and whose console errors fail the test.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from mapexplorer import cli
from mapexplorer.colours import category_colour
from mapexplorer.formats import native
from mapexplorer.mappage.html_export import export_html, json_for_html, page_data
from mapexplorer.model import Catalogue
from mapexplorer.model.axis import TimeAxis
from mapexplorer.model.state import ExplorerState
from mapexplorer.model.time import day_from_ymd

HOSTILE = '</script><img src=x onerror="window.pwned=1">'
# Identifiers, not addresses a browser fetches: Leaflet's SVG namespace and the link in its
# attribution prefix (which the page hides). Anything else would be a request over the network.
ALLOWED_URLS = {"http://www.w3.org/2000/svg", "https://leafletjs.com"}


@pytest.fixture(scope="module")
def browser_classes():
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineUrlRequestInterceptor,
    )

    class Interceptor(QWebEngineUrlRequestInterceptor):
        """Lets the page read its own file and data: URIs; blocks and records anything else."""

        def __init__(self) -> None:
            super().__init__()
            self.refused: list[str] = []

        def interceptRequest(self, info) -> None:  # noqa: N802 (Qt API)
            url = info.requestUrl()
            if url.scheme() not in ("file", "data"):
                self.refused.append(url.toString())
                info.block(True)

    class RecordingPage(QWebEnginePage):
        def __init__(self, profile, parent=None) -> None:
            super().__init__(profile, parent)
            self.errors: list[str] = []
            self.messages: list[str] = []

        def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802
            self.messages.append(f"{level}: {message} (line {line})")
            if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
                self.errors.append(f"{message} (line {line})")

    return QWebEngineProfile, Interceptor, RecordingPage


class Browser:
    """A QWebEngineView showing one exported file; `js()` evaluates and JSON-decodes."""

    def __init__(self, qtbot, classes, path, dark: bool = False) -> None:
        """`dark`: the page is told the reader's system is dark, as `prefers-color-scheme`
        says it in a browser on a dark desktop."""
        from PySide6.QtCore import QUrl
        from PySide6.QtWebEngineCore import QWebEngineScript
        from PySide6.QtWebEngineWidgets import QWebEngineView

        profile_class, interceptor_class, page_class = classes
        self.qtbot = qtbot
        self.view = QWebEngineView()
        qtbot.addWidget(self.view)
        self.profile = profile_class(self.view)  # off the record: no disk cache, no cookies
        self.interceptor = interceptor_class()
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.page = page_class(self.profile, self.view)
        # Let the file reach the network, as a browser would, so that any request it makes
        # gets to the interceptor (QtWebEngine refuses them silently by default).
        settings = self.page.settings()
        settings.setAttribute(settings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
        if dark:
            script = QWebEngineScript()
            script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
            script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
            script.setSourceCode(
                "window.matchMedia = function (query) { return { media: query, matches:"
                " query.indexOf('prefers-color-scheme: dark') >= 0,"
                " addEventListener: function () {} }; };"
            )
            self.page.scripts().insert(script)
        self.view.setPage(self.page)
        self.view.resize(1280, 800)
        self.view.show()
        with qtbot.waitSignal(self.page.loadFinished, timeout=30000) as blocker:
            self.view.load(QUrl.fromLocalFile(str(path)))
        assert blocker.args == [True]
        qtbot.waitUntil(
            lambda: self.js("typeof MapExplorerExport !== 'undefined' && MapExplorer.frames() > 0"),
            timeout=15000,
        )

    def js(self, script: str):
        box: list = []
        self.page.runJavaScript(f"JSON.stringify(({script}))", 0, box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=10000)
        return json.loads(box[0]) if box[0] else None

    def drawn(self) -> set[str]:
        return set(self.js("MapExplorer.drawnEventIds()"))

    def slide_to(self, value: int) -> None:
        self.js(
            "(function () { var s = document.getElementById('me-slider');"
            f" s.value = '{value}'; s.dispatchEvent(new Event('input')); return s.value; }})()"
        )

    def click_place(self, place_id: str) -> str | None:
        point = self.js(f"MapExplorer.screenPointOf({json.dumps(place_id)})")
        return self.js(f"MapExplorer.clickAt({point['x']}, {point['y']})")

    def text(self, element_id: str) -> str:
        return self.js(f"document.getElementById({json.dumps(element_id)}).textContent")

    def close(self) -> None:
        assert self.page.errors == [], self.page.errors
        assert self.interceptor.refused == [], self.interceptor.refused
        self.view.close()


@pytest.fixture
def open_page(qtbot, browser_classes):
    browsers: list[Browser] = []

    def opener(path, dark: bool = False) -> Browser:
        browsers.append(Browser(qtbot, browser_classes, path, dark))
        return browsers[-1]

    yield opener
    for browser in browsers:
        browser.close()


@pytest.fixture
def exported(tmp_path, bundled):
    path = tmp_path / "map.html"
    export_html(ExplorerState(bundled), path)
    return path


def visible_ids(catalogue: Catalogue, day: int, mode: str = "window") -> set[str]:
    state = ExplorerState(catalogue)
    state.set_mode(mode)
    state.set_time(day)
    return {e.id for e in state.visible_events()}


# --- the file -----------------------------------------------------------------------------------
def test_the_file_needs_no_network(exported):
    text = exported.read_text("utf-8")
    urls = set(re.findall(r"https?://[^\s\"'<>)\\]+", text))
    assert urls <= ALLOWED_URLS, urls - ALLOWED_URLS
    assert "sourceMappingURL" not in text
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", text)  # everything inline
    assert '<script type="application/json" id="me-data">' in text
    assert "Content-Security-Policy" in text


def test_json_for_html_cannot_end_its_script_element():
    text = json_for_html({"title": HOSTILE, "x": "<!-- & -->"})
    assert "<" not in text and ">" not in text
    assert json.loads(text) == {"title": HOSTILE, "x": "<!-- & -->"}


def test_the_filter_and_time_of_the_state_are_exported(tmp_path, bundled):
    state = ExplorerState(bundled)
    state.set_filter(category="war")
    state.set_mode("cumulative")
    state.set_time(day_from_ymd(1990, 1, 1))
    path = tmp_path / "war.html"
    export_html(state, path)
    match = re.search(r'id="me-data">(.*?)</script>', path.read_text("utf-8"), re.S)
    data = json.loads(match.group(1))
    assert {e["id"] for e in data["events"]} == {e.id for e in state.filtered_events()}
    assert data["time"]["now"] == state.time and data["time"]["mode"] == "cumulative"


def test_page_data_follows_the_slider_axis(bundled):
    data = page_data(ExplorerState(bundled))
    axis = TimeAxis.from_catalogue(bundled)
    steps = data["time"]["steps"]
    assert steps[0] == axis.start and steps[-1] == axis.end
    assert steps == sorted(steps)
    assert [era["label"] for era in data["time"]["eras"]] == [e.label for e in bundled.eras]


def test_an_imported_events_confidence_reads_as_the_review_says_it(bundled):
    """The review showed a draft's confidence as 70%; its event's details and exported page
    said "Confidence 0.7". A file's other numbers stay as written."""
    from mapexplorer.importer import ACCEPTED, Draft, DraftSet
    from mapexplorer.model.event import Excerpt
    from mapexplorer.ui.review import DraftTableModel

    first = bundled.events[0]
    place = bundled.places[first.place_ids[0]]
    draft = Draft("d1", Excerpt("It happened.", 0, 12), first.time, [place], "It happened")
    draft.confidence, draft.status = 0.7, ACCEPTED
    drafts = DraftSet(bundled.source, [draft])
    assert DraftTableModel(drafts).text(draft, DraftTableModel.CONFIDENCE) == "70%"
    event = drafts.to_catalogue().events[0]
    event = dataclasses.replace(event, extra={**event.extra, "weight": 0.7})
    catalogue = dataclasses.replace(bundled, events=[event], places={place.id: place})
    shown = page_data(ExplorerState(catalogue))["events"][0]
    assert shown["extra"] == [["Confidence", ["70%"]], ["Weight", ["0.7"]]]


# --- in a browser engine ------------------------------------------------------------------------
def test_the_harness_sees_network_requests(qtbot, browser_classes, tmp_path):
    """The guard above is real: a page that reaches out is caught (and blocked)."""
    path = tmp_path / "online.html"
    path.write_text(
        '<img src="https://example.invalid/x.png"><script>var MapExplorerExport = 1;'
        " var MapExplorer = {frames: function () { return 1; }};</script>",
        encoding="utf-8",
    )
    page = Browser(qtbot, browser_classes, path)
    qtbot.waitUntil(lambda: bool(page.interceptor.refused), timeout=10000)
    assert page.interceptor.refused == ["https://example.invalid/x.png"]
    page.view.close()


def test_the_page_draws_offline(open_page, exported, bundled):
    page = open_page(exported)
    assert page.js("typeof L !== 'undefined'")
    drawn = page.drawn()
    assert drawn, "no markers drawn"
    state = ExplorerState(bundled)
    assert drawn == {e.id for e in state.visible_events()}
    assert page.text("me-date") == "31 January 2025"
    assert page.text("me-title") == bundled.source.title


def test_the_page_is_dark_where_the_readers_system_is(open_page, exported):
    """The page was always light, on a dark desktop beside the dark app; it now follows the
    reader's colour scheme, its map and its own parts (header, details, slider) alike."""
    parts = ("me-header", "me-details", "me-timeline")

    def lightness(page, element_id: str) -> int:
        colour = page.js(
            f"getComputedStyle(document.getElementById('{element_id}')).backgroundColor"
        )
        return sum(int(v) for v in re.findall(r"\d+", colour)[:3]) // 3

    light = open_page(exported)
    assert not light.js("document.body.classList.contains('dark')")
    assert all(lightness(light, part) > 200 for part in parts)
    dark = open_page(exported, dark=True)
    assert dark.js("document.body.classList.contains('dark')")  # the map's theme: dark land
    assert all(lightness(dark, part) < 80 for part in parts)
    text = dark.js("getComputedStyle(document.body).color")
    assert sum(int(v) for v in re.findall(r"\d+", text)[:3]) // 3 > 200  # light text on it


def test_moving_the_slider_changes_what_is_drawn(open_page, exported, bundled):
    page = open_page(exported)
    before = page.drawn()
    axis = TimeAxis.from_catalogue(bundled)
    # 1941 on the slider: the value whose day is the first at or after 1 September 1941.
    steps = page_data(ExplorerState(bundled))["time"]["steps"]
    target = day_from_ymd(1941, 9, 1)
    value = next(i for i, day in enumerate(steps) if day >= target)
    page.slide_to(value)
    after = page.drawn()
    assert after != before
    assert after == visible_ids(bundled, steps[value])
    assert "anglo-soviet-invasion" in after
    assert page.js("MapExplorerExport.state().now") == steps[value]
    assert axis.start <= steps[value] <= axis.end
    assert "1941" in page.text("me-date")


def test_the_place_in_other_events_here_reads_as_the_file_writes_it(open_page, exported):
    """The heading is in capitals, and so was the place's name in it ("MCALLEN" for McAllen,
    "STRASSE" for Straße): the name is now as written, as the window's panel gives it."""
    page = open_page(exported)
    page.js("MapExplorerExport.select('treaty-signing', false)")
    heading = page.js("document.querySelector('#me-event-others h3').innerText")
    assert heading.endswith(" Moscow"), heading
    assert heading.startswith("OTHER EVENTS HERE")  # the heading's own words stay a heading


def test_a_page_of_the_whole_story_says_so_in_its_width_box(open_page, tmp_path, bundled):
    """Exported from a window showing the whole story (All eras, or the width box's "Whole
    story"), the page's box read "within 325 years"; it says "the whole story", as the window's
    box does, and a width of the box's own list keeps its name."""
    state = ExplorerState(bundled)
    state.show_whole_story(chosen=True)
    path = tmp_path / "whole.html"
    export_html(state, path)
    page = open_page(path)
    chosen = "(s => s.options[s.selectedIndex].textContent)(document.getElementById('me-window'))"
    assert page.js(chosen) == "the whole story"
    state.set_window_days(3653)
    export_html(state, path)
    assert open_page(path).js(chosen) == "10 years"


def test_the_details_say_how_firm_the_date_is_as_the_window_does(open_page, exported):
    """The window's panel gives "1946–1979 (known to the year)", "(24 days)"; the page gave
    the date alone, a year's span looking as firm as a day."""
    page = open_page(exported)
    for event_id, said in [
        ("cold-war-us-ally", "1946–1979 (known to the year)"),
        ("anglo-soviet-invasion", "25 August – 17 September 1941 (24 days)"),
        ("treaty-signing", "Friday 17 January 2025"),
    ]:
        page.js(f"MapExplorerExport.select('{event_id}', false)")
        assert page.text("me-event-date") == said


def test_the_slider_labels_never_run_into_each_other_on_a_narrow_page(open_page, exported):
    """On a phone's width the ticks chosen for a wide page ran into each other ("Jul 202|2025");
    those that would touch the one before are hidden, and come back on a wide page."""
    page = open_page(exported)
    spans = (
        "Array.from(document.querySelectorAll('.me-tick')).filter("
        "t => t.style.visibility !== 'hidden').map(t => [t.offsetLeft, t.offsetWidth])"
    )
    every = page.js("document.querySelectorAll('.me-tick').length")
    assert len(page.js(spans)) == every  # a wide page shows them all
    page.view.resize(420, 800)
    page.qtbot.waitUntil(lambda: page.js("window.innerWidth") <= 420, timeout=5000)
    # The page lays its ticks out again on its resize event, which may come after the width.
    page.qtbot.waitUntil(lambda: len(page.js(spans)) < every, timeout=5000)
    shown = page.js(spans)
    assert 3 <= len(shown) < every
    pairs = zip(shown, shown[1:], strict=False)
    assert all(left + width <= after for (left, width), (after, _) in pairs)
    page.view.resize(1280, 800)
    page.qtbot.waitUntil(lambda: len(page.js(spans)) == every, timeout=5000)


def test_cumulative_mode_matches_the_model(open_page, exported, bundled):
    page = open_page(exported)
    page.js(
        "(function () { var m = document.getElementById('me-mode'); m.value = 'cumulative';"
        " m.dispatchEvent(new Event('change')); return true; })()"
    )
    page.js(f"MapExplorerExport.setTime({day_from_ymd(1980, 1, 1)})")
    assert page.drawn() == visible_ids(bundled, day_from_ymd(1980, 1, 1), "cumulative")


def test_clicking_a_place_fills_the_details(open_page, exported, bundled):
    page = open_page(exported)
    assert page.js("document.getElementById('me-details-body').hidden") is True
    assert page.click_place("moscow") == "moscow"
    selected = page.js("MapExplorerExport.state().selected")
    event = bundled.event(selected)
    assert "moscow" in event.place_ids
    assert page.text("me-event-title") == event.title
    assert page.text("me-event-date") == event.time.describe()
    assert page.text("me-event-summary") == event.summary
    facts = page.text("me-event-facts")
    assert "Moscow" in facts and event.actors[0] in facts
    assert event.excerpts[0].text in page.text("me-event-excerpts")
    assert page.js("MapExplorer.selectedEventId()") == selected


def test_a_page_across_the_date_line_is_framed_drawn_and_clickable_there(open_page, tmp_path):
    """Fiji's waters split at ±180° and a route from 170° to -170°, in the exported page."""
    catalogue = native.load(Path(__file__).parent / "data" / "antimeridian.geojson")
    path = tmp_path / "pacific.html"
    state = ExplorerState(catalogue)
    state.set_window_days(30)  # both days' events (the story opens with a day's window)
    export_html(state, path)
    page = open_page(path)
    west, _south, east, _north = page.js("MapExplorer.viewBounds()")
    assert east - west < 90 and abs((west + east) / 2 % 360 - 180) < 10, (west, east)
    # -175° is drawn a turn east, at 185°: the region is one piece across the date line.
    for lng in (175, 185):
        point = page.js(f"MapExplorer.containerPointAt(-15, {lng})")
        assert page.js(f"MapExplorer.clickAt({point['x']}, {point['y']})") == "fiji-waters"
        assert page.text("me-event-title") == "A cyclone crosses Fiji's waters"
    point = page.js("MapExplorer.containerPointAt(2.5, 180)")  # the route's middle
    assert page.js(f"MapExplorer.clickAt({point['x']}, {point['y']})") == "date-line-hop"


def test_the_page_says_what_its_colours_mean(open_page, tmp_path, bundled):
    """The exported map coloured its events by category with no legend (a picture has one):
    now a legend over the map's corner names the categories exported, as the picture does."""
    page = open_page(_exported_with(tmp_path, ExplorerState(bundled), "all.html"))
    rows = page.js(
        "Array.from(document.querySelectorAll('.me-legend-row')).map(r => [r.textContent, "
        "getComputedStyle(r.querySelector('.me-legend-swatch')).backgroundColor])"
    )
    assert [name for name, _ in rows] == ["War", "Diplomacy", "Nuclear", "Arms", "Politics"]
    for (name, colour), category in zip(
        rows, ["war", "diplomacy", "nuclear", "arms"], strict=False
    ):
        r, g, b = (int(category_colour(category)[i : i + 2], 16) for i in (1, 3, 5))
        assert colour == f"rgb({r}, {g}, {b})", name
    # Inside the map, clear of the credits beneath it.
    box = page.js(
        "(function (a, b, m) { return [a.bottom <= b.top, a.right <= m.right, a.top >= m.top]; })"
        "(document.querySelector('.me-legend').getBoundingClientRect(),"
        " document.querySelector('.leaflet-control-attribution').getBoundingClientRect(),"
        " document.getElementById('me-map').getBoundingClientRect())"
    )
    assert box == [True, True, True]
    # A filtered export: its own categories only; a category from the file is text.
    events = [
        dataclasses.replace(e, category=HOSTILE) if e.category == "arms" else e
        for e in bundled.events
    ]
    catalogue = Catalogue(events=events, places=bundled.places, eras=bundled.eras)
    state = ExplorerState(catalogue)
    state.set_filter(text="drone")
    names = {e.category for e in state.filtered_events()}
    page = open_page(_exported_with(tmp_path, state, "filtered.html"))
    shown = page.js(
        "Array.from(document.querySelectorAll('.me-legend-name')).map(n => n.textContent)"
    )
    assert {n.casefold() for n in shown} == {n.casefold() for n in names}
    assert page.js("document.querySelectorAll('.me-legend img').length") == 0


def _exported_with(tmp_path, state, name):
    path = tmp_path / name
    export_html(state, path)
    return path


def test_a_hostile_title_stays_text(open_page, tmp_path, bundled):
    first = bundled.chronological()[-1]
    events = [dataclasses.replace(e, title=HOSTILE) if e is first else e for e in bundled.events]
    catalogue = Catalogue(
        events=events,
        places=bundled.places,
        eras=bundled.eras,
        source=dataclasses.replace(bundled.source, title=HOSTILE),
    )
    path = tmp_path / "hostile.html"
    export_html(ExplorerState(catalogue), path)
    assert "</script><img" not in path.read_text("utf-8")
    page = open_page(path)
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.text("me-title") == HOSTILE
    assert page.js("document.title") == HOSTILE
    page.js(f"MapExplorerExport.select({json.dumps(first.id)}, false)")
    assert page.text("me-event-title") == HOSTILE
    assert page.js("typeof window.pwned") == "undefined"


def test_other_events_at_a_busy_place_are_those_nearest_the_selected_one(open_page, tmp_path):
    """A city's two hundred incidents: the exported page made a button for each at every
    click (thousands held the page up); it lists the 25 nearest, as the app does."""
    from conftest import busy_place_catalogue

    path = tmp_path / "busy.html"
    export_html(ExplorerState(busy_place_catalogue()), path)
    page = open_page(path)
    page.js("MapExplorerExport.select('e120', false)")
    listed = page.js(
        "Array.from(document.querySelectorAll('#me-event-others .me-other'))"
        ".map(b => b.textContent.split(' ').pop())"
    )
    assert listed == [str(i) for i in range(108, 134) if i != 120]
    notes = page.js(
        "Array.from(document.querySelectorAll('.me-others-more')).map(p => p.textContent)"
    )
    assert notes == ["108 earlier…", "66 later…"]


# --- the command line ---------------------------------------------------------------------------
def test_cli_exports_html(tmp_path, capsys):
    path = tmp_path / "x.html"
    code = cli.main(["export", "--format", "html", "-o", str(path), "--at", "1941-09"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "as html" in out
    data = json.loads(re.search(r'id="me-data">(.*?)</script>', path.read_text("utf-8"), re.S)[1])
    assert data["time"]["now"] == day_from_ymd(1941, 9, 1)


def test_cli_heads_a_file_without_a_title_with_its_name(tmp_path, capsys):
    """A table from another tool has no article title: the window heads its page with the
    file's name, the command line wrote "Map Explorer"."""
    table = tmp_path / "Battles of 1943.csv"
    table.write_text("date,title,lat,lon\n1943-07-05,Kursk,51.7,36.2\n", encoding="utf-8")
    path = tmp_path / "battles.html"
    assert cli.main(["export", str(table), "-o", str(path)]) == 0, capsys.readouterr().err
    text = path.read_text("utf-8")
    data = json.loads(re.search(r'id="me-data">(.*?)</script>', text, re.S)[1])
    assert data["title"] == "Battles of 1943"
    assert "<title>Battles of 1943</title>" in text


def test_cli_html_bad_date_fails_cleanly(tmp_path, capsys):
    code = cli.main(["export", "--format", "html", "-o", str(tmp_path / "x.html"), "--at", "soon"])
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith("mapexplorer: --at soon")
    assert not (tmp_path / "x.html").exists()


def test_counts_are_written_as_the_app_writes_them(open_page, tmp_path):
    from mapexplorer.synthetic import synthetic_catalogue

    catalogue = synthetic_catalogue(1200)
    state = ExplorerState(catalogue)
    state.set_mode("cumulative")
    state.set_time(catalogue.time_range()[1])
    path = tmp_path / "big.html"
    export_html(state, path)
    page = open_page(path)
    assert page.text("me-source").endswith("1,200 events")
    assert page.text("me-count") == "1,200 events shown"


def test_the_header_gives_the_publication_date_in_words(open_page, exported):
    """The header said "Associated Press · 2025-01-17", where the window's article tab and
    every other date on the page are in words."""
    said = open_page(exported).text("me-source")
    assert said == "Associated Press · Friday 17 January 2025 · 30 events"


def test_a_filtered_page_says_so_in_its_header(open_page, tmp_path, bundled):
    """A page of the diplomacy only looked like one of every event: the PNG's header named
    the filter, the web page's did not. Now it says how many of the file's events it holds and
    what the filter asks for, as the picture says it; and the filter's text stays text."""
    from conftest import with_title
    from mapexplorer.ui.image_export import header_detail

    state = ExplorerState(bundled)
    whole = tmp_path / "whole.html"
    export_html(state, whole)
    plain = open_page(whole).text("me-source")
    assert "filtered" not in plain and plain.endswith(f"{len(bundled.events)} events")

    state.set_filter(text="treaty", category="diplomacy")
    path = tmp_path / "filtered.html"
    export_html(state, path)
    said = open_page(path).text("me-source")
    count = len(state.filtered_events())
    described = header_detail(state).split(" · filtered: ")[1]  # as the picture says it
    assert described == "“\u2068treaty\u2069” and the category \u2068diplomacy\u2069"
    assert said.endswith(f" · {count} of {len(bundled.events)} events · filtered: {described}")

    # A filter typed to match a hostile title: its words shown as typed, never run.
    hostile = with_title(bundled, HOSTILE)
    state = ExplorerState(hostile)
    state.set_filter(text=HOSTILE)
    path = tmp_path / "hostile.html"
    export_html(state, path)
    page = open_page(path)
    assert page.text("me-source").endswith(f" · filtered: “\u2068{HOSTILE}\u2069”")
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("typeof window.pwned") == "undefined"


def _days_story(bundled, days):
    """The bundled article's last events moved to `days`, one each (no eras)."""
    from mapexplorer.model.time import TimeSpan

    events = [
        dataclasses.replace(e, time=TimeSpan.parse(d), era=None)
        for e, d in zip(bundled.chronological()[-len(days) :], days, strict=True)
    ]
    return Catalogue(events=events, places=bundled.places, source=bundled.source)


def test_the_handle_stands_on_the_days_tick_in_a_story_of_a_few_days(open_page, tmp_path, bundled):
    """The slider's handle went to the first of the values showing a day: in a story of three
    days (each a third of the track), the last day's handle stood two thirds along, between
    the ticks, where the app's slider draws it at the day's middle, on its tick. And Play at
    the last day played nothing, instead of starting again from the first, as the app does."""
    catalogue = _days_story(bundled, ["2025-01-17", "2025-01-18", "2025-01-19"])
    axis = TimeAxis.from_catalogue(catalogue)
    path = tmp_path / "three-days.html"
    export_html(ExplorerState(catalogue), path)
    page = open_page(path)
    handle = "Number(document.getElementById('me-slider').value) / 1000"
    ticks = {t["label"]: t["pos"] for t in page_data(ExplorerState(catalogue))["time"]["ticks"]}
    for day, label in (
        (day_from_ymd(2025, 1, 19), "19 Jan"),
        (day_from_ymd(2025, 1, 18), "18 Jan"),
    ):
        page.js(f"MapExplorerExport.setTime({day})")
        assert page.js(handle) == pytest.approx(axis.position(day), abs=0.002)
        assert ticks[label] == pytest.approx(axis.position(day))
    page.js(f"MapExplorerExport.setTime({axis.end})")
    assert page.js("MapExplorerExport.play(), MapExplorerExport.state().now") == axis.start
    page.js("MapExplorerExport.pause()")


def test_a_story_of_one_day_does_not_play(open_page, tmp_path, bundled):
    path = tmp_path / "one-day.html"
    export_html(ExplorerState(_days_story(bundled, ["2025-01-17"])), path)
    page = open_page(path)
    assert page.js("document.getElementById('me-play').disabled") is True
    page.js("MapExplorerExport.play()")
    assert page.js("document.getElementById('me-play').getAttribute('aria-label')") == "Play"


def test_right_to_left_text_reads_from_the_right(open_page, tmp_path, bundled):
    """An Arabic or Hebrew title, summary, passage or place name in the exported page's
    details: in its own direction, so its closing "!" or "؟" stays at its end (on the left)."""
    title, summary = "חתימה על ההסכם, 2025!", "هل تنجح المعاهدة؟"
    events = [
        dataclasses.replace(e, title=title, summary=summary) if e.id == "treaty-signing" else e
        for e in bundled.events
    ]
    path = tmp_path / "rtl.html"
    catalogue = Catalogue(events, bundled.places, bundled.eras, bundled.source)
    export_html(ExplorerState(catalogue), path)
    page = open_page(path)
    page.js("MapExplorerExport.select('treaty-signing', false)")
    rtl = "document.getElementById(%s).matches(':dir(rtl)')"
    assert page.js(rtl % json.dumps("me-event-title")) is True
    assert page.js(rtl % json.dumps("me-event-summary")) is True
    assert page.js(rtl % json.dumps("me-title")) is False  # the article's English title
    others = "Array.from(document.querySelectorAll('.me-other bdi')).map(b => b.textContent)"
    neighbour = next(e for e in events if e.place_ids[0] == "moscow" and e.title != title)
    page.js(f"MapExplorerExport.select({json.dumps(neighbour.id)}, false)")
    assert title in page.js(others)


def test_the_details_show_the_files_other_fields_and_link_web_addresses(open_page, tmp_path):
    """The window's details show a table's other columns ("Source URL") and make web
    addresses links; the page showed neither, and named a spot by its place words alone.
    Only http and https become links, opened in a new tab that gets no hold on the page;
    anything else in the file stays text."""
    from shapely.geometry import Point

    from mapexplorer.model import Event, Place, TimeSpan

    spot = Place("spot", "37.22000, 37.38000", Point(37.38, 37.22))
    extra = {
        "source_url": "https://apnews.com/article/quake",
        "notes": "verified; see http://example.org/a_(b).",
        "empty": "",
        "hostile": '<img src=x onerror="window.pwned=1"> javascript:window.pwned=1',
        "tags": ["quake", "aid"],
    }
    events = [
        Event(
            id=f"q{n}",
            title=f"Aftershock {n}",
            time=TimeSpan.parse(f"2023-02-0{n}"),
            place_ids=("spot",),
            summary="Reported at https://example.org/report?id=7, then confirmed.",
            extra=extra,
        )
        for n in (6, 7)
    ]
    catalogue = Catalogue(events=events, places={"spot": spot})
    catalogue.set_place_labels({"spot": "18 km N of Gaziantep, Turkey"})
    path = tmp_path / "fields.html"
    export_html(ExplorerState(catalogue), path)
    page = open_page(path)
    page.js("MapExplorerExport.select('q6', false)")
    assert page.text("me-event-summary") == events[0].summary
    facts = page.js(
        "Array.from(document.querySelectorAll('#me-event-facts dt, #me-event-facts dd'))"
        ".map(e => e.textContent)"
    )
    rows = dict(zip(facts[::2], facts[1::2], strict=True))
    assert rows["Place"] == "18 km N of Gaziantep, Turkey (37.22000, 37.38000)"  # as the app
    assert rows["Source URL"] == "https://apnews.com/article/quake"
    assert rows["Notes"] == "verified; see http://example.org/a_(b)."
    assert rows["Tags"] == "quake, aid"
    assert rows["Hostile"] == extra["hostile"] and "Empty" not in rows
    links = page.js(
        "Array.from(document.querySelectorAll('#me-details a'))"
        ".map(a => [a.getAttribute('href'), a.textContent, a.target, a.rel])"
    )
    assert [link[0] for link in links] == [
        "https://example.org/report?id=7",
        "https://apnews.com/article/quake",
        "http://example.org/a_(b)",
    ]
    assert all(link[0] == link[1] and link[2] == "_blank" for link in links)
    assert all("noopener" in link[3].split() for link in links)
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("typeof window.pwned") == "undefined"
    assert page.text("me-event-others").startswith("Other events here: 18 km N of Gaziantep")


def test_clicking_eras_keeps_one_chapter_line_in_the_width_box(open_page, exported, bundled):
    """Each era band clicked added another line to the page's width box ("Russo-Persian wars",
    "Empire and revolution", …); the window's box keeps one line for the chapter chosen."""
    page = open_page(exported)
    count = "document.getElementById('me-window').options.length"
    chosen = "(s => s.options[s.selectedIndex].textContent)(document.getElementById('me-window'))"
    before = page.js(count)
    bands = "document.querySelectorAll('.me-era-band')"
    assert page.js(f"{bands}.length") == len(bundled.eras) >= 3
    for index in range(3):
        page.js(f"{bands}[{index}].click()")
        assert page.js(chosen) == bundled.eras[index].label
    assert page.js(count) == before + 1


def test_the_width_box_offers_no_width_longer_than_the_story(open_page, tmp_path, bundled):
    """An 11-day file's page offered widths up to 100 years, each showing every event at every
    time; it offers those the story can hold, as the window's box does."""
    from shapely.geometry import Point

    from mapexplorer.model import Catalogue, Event, Place, TimeSpan

    place = Place("kyiv", "Kyiv", Point(30.5, 50.45))
    events = [
        Event(id=f"e{i}", title=f"E{i}", time=TimeSpan.parse(f"2024-03-{i:02d}"), place_ids=("kyiv",))
        for i in range(1, 12)
    ]  # fmt: skip
    state = ExplorerState(Catalogue(events=events, places={"kyiv": place}))
    state.set_time(state.catalogue.time_range()[1])  # the width that scrubs it, not the whole
    path = tmp_path / "short.html"
    export_html(state, path)
    page = open_page(path)
    values = "Array.from(document.getElementById('me-window').options, o => Number(o.value))"
    assert max(page.js(values)) <= 11
    export_html(ExplorerState(bundled), path)  # a story of centuries: every width
    assert max(open_page(path).js(values)) == 36524
