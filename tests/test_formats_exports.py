"""GeoJSON, CSV and KML exports, each read back with an independent reader."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import warnings
import xml.etree.ElementTree as ET

import pytest
import shapely.wkt
from shapely.geometry import LineString, Point, Polygon, shape

from mapexplorer.formats import csvfile, kml, native
from mapexplorer.formats.actors import actors_text
from mapexplorer.formats.excerpts import excerpts_text
from mapexplorer.formats.opener import EXPORTERS, export_catalogue
from mapexplorer.model import Catalogue, Era, Event, Excerpt, Place, Source, TimeSpan
from mapexplorer.paths import bundled_catalogue

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "lxml missing, pretty print disabled": irrelevant here
    from fastkml import kml as fastkml

REQUIRED = [
    "event_id", "title", "summary", "date", "start", "end", "precision", "place", "place_id",
    "category", "actors", "era", "excerpt",
]  # fmt: skip
ISO_DAY = re.compile(r"^-?\d{4}-\d{2}-\d{2}$")
NASTY = "<img src=x onerror=alert(1)> & Co. \"quoted\" 'single' </Placemark>]]>"


@pytest.fixture(scope="module")
def bundled() -> Catalogue:
    return native.load(bundled_catalogue())


@pytest.fixture(scope="module")
def nasty() -> Catalogue:
    """Markup, ampersands, quotes, commas and newlines in every text field; all three shapes."""
    text = f"Article: {NASTY}, then more."
    start = text.index(NASTY)
    places = {
        "pt": Place("pt", f"Point {NASTY}", Point(44.5, 33.3)),
        "area": Place(
            "area", "Area, with comma", Polygon([(40, 30), (40, 31), (41, 31), (41, 30)])
        ),
        "way": Place("way", "Way\nwith newline", LineString([(30, 50), (31, 51), (33, 51)])),
    }
    events = [
        Event(
            id="nasty",
            title=NASTY,
            time=TimeSpan.parse("2024-12-08"),
            place_ids=("pt", "area", "way"),
            summary=f"Summary with {NASTY}\nand a second line",
            actors=("A & B", "<C>"),
            category="war",
            era="now",
            excerpts=(Excerpt(NASTY, start, start + len(NASTY)),),
        ),
        Event(
            id="span",
            title="A span",
            time=TimeSpan.parse("1941-08-25/1941-09-17"),
            place_ids=("area",),
            category="diplomacy",
            era="then",
        ),
    ]
    eras = [
        Era("then", "Then", TimeSpan.parse("1900/1999")),
        Era("now", "Now", TimeSpan.parse("2000/2030")),
    ]
    return Catalogue(events, places, eras, Source(title=f"Title {NASTY}", text=text))


def _pairs(catalogue: Catalogue) -> int:
    return sum(len(e.place_ids) for e in catalogue.events)


def _signed_area(ring) -> float:
    return (
        sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:], strict=False))
        / 2
    )


def _rings(geometry: dict):
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]


def _positions(coords):
    if isinstance(coords[0], int | float):
        yield coords
    else:
        for c in coords:
            yield from _positions(c)


# --- GeoJSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["bundled", "nasty"])
def test_geojson_is_rfc7946(tmp_path, request, which):
    catalogue = request.getfixturevalue(which)
    out = tmp_path / "out.geojson"
    export_catalogue(catalogue, out, "geojson")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc  # RFC 7946 dropped it: WGS 84 lon/lat always
    assert len(doc["features"]) == _pairs(catalogue)
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        props = feature["properties"]
        for name in REQUIRED:
            assert name in props, name
        assert isinstance(props["actors"], list)
        assert all(isinstance(a, str) for a in props["actors"])
        assert ISO_DAY.match(props["start"]) and ISO_DAY.match(props["end"])
        assert props["start"] <= props["end"] or props["start"].startswith("-")
        event = catalogue.event(props["event_id"])
        assert props["date"] == event.time.edtf
        assert props["precision"] == event.time.precision.value
        geometry = feature["geometry"]
        assert geometry["type"] in (
            "Point",
            "LineString",
            "Polygon",
            "MultiPolygon",
            "MultiLineString",
        )
        for polygon in _rings(geometry):
            assert _signed_area(polygon[0]) > 0, "exterior rings must be counter-clockwise"
            for hole in polygon[1:]:
                assert _signed_area(hole) < 0, "holes must be clockwise"
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
        for lon, lat, *rest in _positions(geometry["coordinates"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert len(rest) <= 1
        assert shape(geometry).is_valid


@pytest.mark.parametrize("which", ["bundled", "nasty"])
def test_geojson_reopens_equal(tmp_path, request, which):
    catalogue = request.getfixturevalue(which)
    out = tmp_path / "out.geojson"
    export_catalogue(catalogue, out, "geojson")
    assert native.load(out) == catalogue


def test_geojson_keeps_text_as_text(tmp_path, nasty):
    out = tmp_path / "nasty.geojson"
    export_catalogue(nasty, out, "geojson")
    doc = json.loads(out.read_text(encoding="utf-8"))
    titles = {f["properties"]["title"] for f in doc["features"]}
    assert NASTY in titles
    assert doc["mapexplorer"]["source"]["title"] == f"Title {NASTY}"


# --- CSV -----------------------------------------------------------------------------------------


def _csv_rows(catalogue: Catalogue, tmp_path) -> list[dict]:
    out = tmp_path / "out.csv"
    export_catalogue(catalogue, out, "csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        noted = ["date_note"] if any(e.date_note for e in catalogue.events) else []
        assert reader.fieldnames == REQUIRED + ["excerpts", "lat", "lon", "wkt"] + noted
        return list(reader)


@pytest.mark.parametrize("which", ["bundled", "nasty"])
def test_csv_rows_and_shapes(tmp_path, request, which):
    catalogue = request.getfixturevalue(which)
    rows = _csv_rows(catalogue, tmp_path)
    assert len(rows) == _pairs(catalogue)
    by_event = {}
    for row in rows:
        by_event.setdefault(row["event_id"], []).append(row)
        event = catalogue.event(row["event_id"])
        assert row["title"] == event.title
        assert row["place_id"] in event.place_ids
        assert row["date"] == event.time.edtf
        assert ISO_DAY.match(row["start"]) and ISO_DAY.match(row["end"])
        assert row["actors"] == actors_text(event.actors)
        assert row["excerpt"] == event.excerpt
        geom = shapely.wkt.loads(row["wkt"])
        assert geom.is_valid and not geom.is_empty
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        point = Point(lon, lat)
        if geom.geom_type == "Point":
            assert point.distance(geom) < 1e-6
        elif geom.geom_type in ("Polygon", "MultiPolygon"):
            assert geom.buffer(1e-6).contains(point)
        else:
            assert geom.distance(point) < 1e-5
    for event in catalogue.events:
        assert [(r["place_id"], r["place"]) for r in by_event[event.id]] == [
            (p.id, p.name) for p in catalogue.places_of(event)
        ]


def test_csv_reopens_with_its_place_ids(tmp_path):
    """Each row names its place's id: made from the names instead, `washington` came back
    `washington-d-c` and `bushehr` `bushehr-nuclear-power-plant`, breaking what keys on ids."""
    from mapexplorer.formats.opener import read_catalogue

    catalogue, _ = read_catalogue(bundled_catalogue())
    path = tmp_path / "story.csv"
    export_catalogue(catalogue, path, "csv")
    again, report = read_catalogue(path)
    assert not report
    assert [e.place_ids for e in again.events] == [e.place_ids for e in catalogue.events]
    assert {(p.id, p.name, p.geometry.wkb) for p in again.places.values()} == {
        (p.id, p.name, p.geometry.wkb) for p in catalogue.places.values()
    }
    # Everything of the events, how each date was worked out too (it was only in the GeoJSON).
    assert list(again.events) == list(catalogue.events)


@pytest.mark.parametrize("fmt", ["csv", "kml"])
def test_actors_with_a_semicolon_in_their_names_reopen_as_they_were(tmp_path, fmt):
    """ "; " joins actors in a cell: a name holding one came back as two actors."""
    from mapexplorer.formats.opener import read_catalogue

    actors = [
        ("Smith; Jones LLP", "NATO"),
        ("[Unknown]", "Army"),  # a name that looks like the start of a JSON list
        ("Government of Russia", "NATO"),  # the plain names: written as people read them
    ]
    events = [
        Event(f"e{n}", f"Event {n}", TimeSpan.parse("2025-01-17"), ("p",), actors=names)
        for n, names in enumerate(actors)
    ]
    catalogue = Catalogue(events, {"p": Place("p", "Geneva", Point(6.14, 46.2))})
    path = tmp_path / f"actors.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, report = read_catalogue(path)
    assert not report
    assert [e.actors for e in again.events] == actors
    if fmt == "csv":
        cells = [row["actors"] for row in csv.DictReader(path.open(encoding="utf-8-sig"))]
        assert cells[0] == '["Smith; Jones LLP", "NATO"]'
        assert cells[2] == "Government of Russia; NATO"


def test_actors_in_older_files_and_other_tools_cells_read_as_before(tmp_path):
    from mapexplorer.formats.opener import read_catalogue

    path = tmp_path / "old.csv"
    path.write_text(
        "title,date,lat,lon,actors\n"
        "A,2025-01-17,46.2,6.14,Government of Russia; NATO\n"
        "B,2025-01-18,46.2,6.14,[Unknown]; Army\n"  # not JSON: split as always
        'C,2025-01-19,46.2,6.14,"[1, 2]"\n',  # JSON, but not names
        encoding="utf-8",
    )
    again, _ = read_catalogue(path)
    assert [e.actors for e in again.events] == [
        ("Government of Russia", "NATO"),
        ("[Unknown]", "Army"),
        ("[1, 2]",),
    ]


@pytest.mark.parametrize("fmt", ["csv", "kml"])
def test_csv_and_kml_reopen_with_the_eras_bands(tmp_path, fmt):
    """Their era column made no bands on the slider; the labels and exact dates are only in
    the GeoJSON, but the chapters come back in their order, each where its events begin."""
    from mapexplorer.formats.opener import read_catalogue

    catalogue = native.load(bundled_catalogue())
    path = tmp_path / f"story.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, _ = read_catalogue(path)
    assert [e.id for e in again.eras] == [e.id for e in catalogue.eras]
    for event in again.events:
        assert again.era_at(event.time.start).id == event.era


@pytest.mark.parametrize("fmt", ["csv", "kml"])
def test_places_named_by_their_coordinates_reopen_with_their_names(tmp_path, fmt):
    """A file's unnamed spots are named by their coordinates ("55.75000, 37.62000"): in a
    CSV or KML export their `place` column was taken for a column of coordinates beside
    `lat`/`lon`, so every place came back named after its event ("Treaty") and the events
    at one spot no longer shared its marker (`55-75n-37-62e-2`, `-3`)."""
    from mapexplorer.formats.opener import read_catalogue

    source = tmp_path / "spots.csv"
    source.write_text(
        "date,title,lat,lon\n"
        "1991-12-26,USSR ends,55.75,37.62\n"
        "2000-05-07,Putin president,55.75,37.62\n"
        "2022-02-24,Invasion,50.45,30.52\n",
        encoding="utf-8",
    )
    catalogue, _ = read_catalogue(source)
    assert [p.name for p in catalogue.places.values()] == [
        "55.75000, 37.62000",
        "50.45000, 30.52000",
    ]
    path = tmp_path / f"spots.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, report = read_catalogue(path)
    assert not report
    assert [e.place_ids for e in again.events] == [e.place_ids for e in catalogue.events]
    assert {(p.id, p.name) for p in again.places.values()} == {
        (p.id, p.name) for p in catalogue.places.values()
    }


@pytest.mark.parametrize("fmt", ["csv", "kml"])
def test_a_files_other_columns_reopen_from_csv_and_kml(tmp_path, fmt):
    """A spreadsheet's `Source` column (no role reads it) was kept on each event and written
    to the GeoJSON, but the CSV and KML exports dropped it: reopened, the sources were gone."""
    from mapexplorer.formats.opener import read_catalogue

    source = tmp_path / "sources.csv"
    source.write_text(
        "date,title,lat,lon,Source,place\n"
        "2025-01-17,Treaty,55.75,37.62,https://apnews.com/x?a=1&b=2,Moscow\n"
        '2025-01-18,Talks,48.21,16.37,"=Reuters, AP",Vienna\n'
        "2025-01-19,Calm,48.21,16.37,,Vienna\n",
        encoding="utf-8",
    )
    catalogue, _ = read_catalogue(source)
    assert [e.extra for e in catalogue.events][:2] == [
        {"Source": "https://apnews.com/x?a=1&b=2"},
        {"Source": "=Reuters, AP"},
    ]
    path = tmp_path / f"sources.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, report = read_catalogue(path)
    assert not report
    assert [e.extra for e in again.events] == [e.extra for e in catalogue.events]


ACLED_WITH_UPLOAD_TIME = (
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
    "location,latitude,longitude,notes,fatalities,timestamp\n"
    "UKR1,17 January 2025,2025,1,Battles,Armed clash,Military Forces of Russia (2000-),"
    "Military Forces of Ukraine (2019-),Pokrovsk,48.2828,37.1758,Clashes.,3,1737500000\n"
    "UKR2,18 January 2025,2025,1,Protests,Peaceful protest,Protesters (Ukraine),,Lviv,"
    "49.8397,24.0297,Rally.,0,1737500000\n"
)
OTHER_DATES = (
    "id,title,date,published_date,timestamp,year,lat,lon,source\n"
    "a1,Talks,2024-06-25,2024-06-30,1737500000,2024,48.1,11.5,https://example.org/a\n"
    "a2,Strike,2024-06-26,2024-06-29,1737500000,2024,50.4,30.5,wire\n"
)


@pytest.mark.parametrize("fmt", EXPORTERS)
@pytest.mark.parametrize("text", [ACLED_WITH_UPLOAD_TIME, OTHER_DATES], ids=["acled", "other"])
def test_an_export_reopens_without_a_question(tmp_path, fmt, text):
    """Our CSV export keeps the opened file's other columns, ACLED's upload `timestamp` or a
    `published_date`, beside its own `date`, `start` and `end`: reopened, it asked "'date'
    and 'timestamp (timestamp)' disagree", as if the export were someone else's table. Its
    own date is the event's; the others reopen as the fields they were."""
    from mapexplorer.formats.opener import guess_fields, read_catalogue

    source = tmp_path / "events.csv"
    source.write_text(text, encoding="utf-8")
    catalogue, _ = read_catalogue(source)
    path = tmp_path / f"export.{fmt}"
    export_catalogue(catalogue, path, fmt)
    guess = guess_fields(path)
    assert guess is None or not guess.ambiguous, guess.reasons
    again, report = read_catalogue(path)
    assert not report and not report.unsure

    def seen(c: Catalogue) -> list:
        return [
            (e.id, e.title, e.time, [p.name for p in c.places_of(e)], e.category, e.extra)
            for e in c.events
        ]

    assert seen(again) == seen(catalogue)
    assert "timestamp" in catalogue.events[0].extra  # kept, not read as the date


@pytest.mark.parametrize("fmt", EXPORTERS)
def test_a_files_own_date_beside_the_chosen_one_is_kept_as_date_file(tmp_path, fmt):
    """A table dated by its `published_date` (chosen in the fields dialog) keeps its own
    `date` column as a field; the exports lost it, writing their own `date` (the event's)
    in its place. It is written as "date (file)", and so are the file's other fields that
    are an export's own (a `title` beside the `headline` chosen), which reopen as fields of
    those names; the event reopens as it was."""
    from mapexplorer.formats.opener import read_catalogue

    source = tmp_path / "events.csv"
    source.write_text(
        "id,headline,title,date,published_date,notes,summary,town,place,kind,category,who,"
        "actors,lat,lon\n"
        "a1,Talks,T,2024-06-25,2024-06-30,N,S,Geneva,P,diplomacy,C,Reagan,A,46.2,6.1\n",
        encoding="utf-8",
    )
    fields = {
        "time": "published_date", "title": "headline", "description": "notes",
        "place": "town", "category": "kind", "actors": "who",
    }  # fmt: skip
    catalogue, _ = read_catalogue(source, fields=fields)
    (event,) = catalogue.events
    assert event.time.edtf == "2024-06-30" and event.title == "Talks"
    assert event.extra == {
        "title": "T", "date": "2024-06-25", "summary": "S", "place": "P", "category": "C",
        "actors": "A",
    }  # fmt: skip
    path = tmp_path / f"export.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, report = read_catalogue(path)
    assert not report and not report.unsure
    (back,) = again.events
    assert (back.id, back.title, back.summary, back.time, back.category, back.actors) == (
        "a1", "Talks", "N", event.time, "diplomacy", ("Reagan",),
    )  # fmt: skip
    kept = {f"{name} (file)": value for name, value in event.extra.items()}
    if fmt == "kml":  # the description is the KML's summary: the file's is no export's field
        kept["summary"] = kept.pop("summary (file)")
    assert back.extra == kept
    path_again = tmp_path / f"again.{fmt}"  # and stays so, exported again
    export_catalogue(again, path_again, fmt)
    assert read_catalogue(path_again)[0].events[0].extra == kept


@pytest.mark.parametrize("fmt", ["csv", "kml", "geojson"])
def test_a_span_still_going_on_reopens_as_read_with_its_date_note(tmp_path, fmt):
    """'2014–present' is read to the day the file was opened, and the event's date note says
    so; the CSV and KML exports wrote that day as the end and lost the note, so reopened the
    span looked as if it had ended then. The note is written and reopens as the date note,
    with the same span (to that day, not to a later today)."""
    from mapexplorer.formats.opener import read_catalogue

    source = tmp_path / "wars.csv"
    source.write_text(
        "date,title,lat,lon\n2014–present,War in Donbas,48,37.8\n2020,Other,48,37\n",
        encoding="utf-8",
    )
    catalogue, _ = read_catalogue(source)
    war = catalogue.events[0]
    assert "'2014–present', still going on" in war.date_note
    path = tmp_path / f"wars.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, report = read_catalogue(path)
    assert not report
    assert [(e.time, e.date_note, e.extra) for e in again.events] == [
        (e.time, e.date_note, {}) for e in catalogue.events
    ]
    if fmt != "geojson":  # no event with a note: no column or field for one
        plain = tmp_path / f"plain.{fmt}"
        export_catalogue(again.with_events(again.events[1:]), plain, fmt)
        assert "date_note" not in plain.read_text(encoding="utf-8")


def test_a_csv_without_place_ids_reads_as_before(tmp_path):
    """An export from before the `place_id` column: its places are identified by name."""
    from mapexplorer.formats.opener import read_catalogue

    rows = _csv_rows(native.load(bundled_catalogue()), tmp_path)
    path = tmp_path / "older.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, [c for c in rows[0] if c != "place_id"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    again, report = read_catalogue(path)
    assert not report
    assert "washington-d-c" in again.places and "washington" not in again.places
    assert again.event("trump-inauguration").place_ids == ("washington-d-c",)


def test_csv_keeps_text_as_text(tmp_path, nasty):
    rows = _csv_rows(nasty, tmp_path)
    row = next(r for r in rows if r["event_id"] == "nasty")
    assert row["title"] == NASTY
    assert row["summary"] == f"Summary with {NASTY}\nand a second line"
    assert row["actors"] == "A & B; <C>"
    assert {r["place"] for r in rows} >= {"Area, with comma", "Way\nwith newline"}


def test_csv_is_plain_utf8_text(nasty):
    text = csvfile.dumps(nasty)
    assert text.startswith(",".join(REQUIRED))
    assert len(list(csv.reader(io.StringIO(text)))) == 1 + _pairs(nasty)


def test_csv_file_starts_with_a_byte_order_mark_excel_reads_as_utf8(tmp_path):
    """Without it Excel on Windows showed Arabic, Cyrillic and accented titles garbled."""
    titles = ["احتجاجات في القاهرة", "Протесты в Москве", "Grève à Montréal"]
    events = [
        Event(f"e{n}", title, TimeSpan.parse("2025-01-17"), ("p",))
        for n, title in enumerate(titles)
    ]
    catalogue = Catalogue(events, {"p": Place("p", "Zürich", Point(8.54, 47.37))})
    path = tmp_path / "out.csv"
    export_catalogue(catalogue, path, "csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfevent_id,")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["title"] for r in rows] == titles
    assert [r["event_id"] for r in rows] == ["e0", "e1", "e2"]
    from mapexplorer.formats.opener import read_catalogue

    again, report = read_catalogue(path)
    assert not report
    assert [e.title for e in again.events] == titles
    assert [e.id for e in again.events] == ["e0", "e1", "e2"]
    assert again.places[again.events[0].place_ids[0]].name == "Zürich"


# --- KML -----------------------------------------------------------------------------------------


def _placemarks(catalogue: Catalogue, tmp_path):
    out = tmp_path / "out.kml"
    export_catalogue(catalogue, out, "kml")
    data = out.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = fastkml.KML.from_string(data)
    (doc,) = document.features
    return data, doc, list(doc.features)


def _extended(placemark) -> dict[str, str]:
    return {d.name: d.value for d in placemark.extended_data.elements}


KML_GEOMETRY = {"Point": "Point", "Polygon": "Polygon", "LineString": "LineString"}


@pytest.mark.parametrize("which", ["bundled", "nasty"])
def test_kml_reads_back_with_fastkml(tmp_path, request, which):
    catalogue = request.getfixturevalue(which)
    _, doc, placemarks = _placemarks(catalogue, tmp_path)
    assert doc.name == (catalogue.source.title or "Map Explorer events")
    assert len(placemarks) == _pairs(catalogue)
    for mark in placemarks:
        data = _extended(mark)
        event = catalogue.event(data["event_id"])
        place = catalogue.places[data["place_id"]]
        assert mark.id == f"{event.id}@{place.id}"
        assert mark.name == event.title
        # Google Earth shows descriptions and ExtendedData as HTML: they hold escaped text.
        assert html.unescape(mark.description or "") == event.summary
        # fastkml drops a Data whose <value/> is empty; those must be the empty fields.
        expected = {
            "date": event.time.edtf,
            "start": event.time.start_iso,
            "end": event.time.end_iso,
            "precision": event.time.precision.value,
            "place": place.name,
            "category": event.category,
            "actors": actors_text(event.actors),
            "era": event.era,
            "excerpt": event.excerpt,
            "excerpts": excerpts_text(event.excerpts),
        }
        assert {k: html.unescape(data.get(k, "")) for k in expected} == expected
        assert data["date"] == event.time.edtf
        assert data["start"] == event.time.start_iso
        assert html.unescape(data["place"]) == place.name
        if event.time.start == event.time.end:
            assert type(mark.times).__name__ == "TimeStamp"
            assert mark.times.timestamp.dt.isoformat() == event.time.start_iso
        else:
            assert type(mark.times).__name__ == "TimeSpan"
            assert mark.times.begin.dt.isoformat() == event.time.start_iso
            assert mark.times.end.dt.isoformat() == event.time.end_iso
        kind = place.geometry.geom_type
        expected = KML_GEOMETRY.get(kind, "MultiGeometry")
        assert type(mark.kml_geometry).__name__ == expected
        if kind == "Point":
            ((x, y, *_),) = mark.geometry.coords
            assert (x, y) == pytest.approx(place.geometry.coords[0], abs=1e-6)
        assert mark.style_url.url == f"#cat-{event.category}"


def test_kml_spot_checks_on_the_bundled_article(tmp_path, bundled):
    _, _, placemarks = _placemarks(bundled, tmp_path)
    by_id = {m.id: m for m in placemarks}
    treaty = by_id["treaty-signing@moscow"]
    assert treaty.times.timestamp.dt.isoformat() == "2025-01-17"
    assert _extended(treaty)["precision"] == "day"
    wars = by_id["russo-persian-wars@caucasus"]
    assert wars.times.begin.dt.isoformat() == "1700-01-01"
    assert wars.times.end.dt.isoformat() == "1899-12-31"
    assert _extended(wars)["date"] == "17XX/18XX"
    assert type(wars.kml_geometry).__name__ in ("Polygon", "MultiGeometry")
    drones = by_id["shahed-drone-deal@route-drones-iran-russia"]
    assert type(drones.kml_geometry).__name__ == "LineString"


def test_kml_keeps_text_as_text(tmp_path, nasty):
    data, doc, placemarks = _placemarks(nasty, tmp_path)
    assert b"<img" not in data  # escaped, never markup
    assert b"&amp;" in data
    mark = next(m for m in placemarks if m.id == "nasty@pt")
    assert mark.name == NASTY  # Google Earth shows a name as text
    # ...but a description and ExtendedData as HTML: escaped there, they show the characters.
    summary = f"Summary with {NASTY}\nand a second line"
    assert mark.description == html.escape(summary, quote=False)
    assert "<" not in mark.description
    assert _extended(mark)["actors"] == "A &amp; B; &lt;C&gt;"
    assert _extended(mark)["excerpt"] == html.escape(NASTY, quote=False)
    assert _extended(mark)["place"] == html.escape(f"Point {NASTY}", quote=False)
    assert not any("<" in value for value in _extended(mark).values())
    assert doc.name == f"Title {NASTY}"
    # The standard library's parser agrees.
    root = ET.fromstring(data)
    ns = {"k": kml.KML_NS}
    assert NASTY in [n.text for n in root.iterfind(".//k:Placemark/k:name", ns)]


def test_control_characters_leave_the_kml_and_csv_readable(tmp_path):
    """JSON can hold any character ("\\u000b", FileMaker's line break; "\\u0000"), XML 1.0 not
    even as a reference, and a NUL makes a CSV binary: each is written as U+FFFD."""
    from mapexplorer.formats.opener import read_catalogue

    catalogue = Catalogue(
        [
            Event(
                "ctrl",
                "Vertical\vtab and \x01 start of heading",
                TimeSpan.parse("2020"),
                ("spot",),
                summary="Windows line\r\nends and a \x00 NUL",
            )
        ],
        {"spot": Place("spot", "Form\ffeed", Point(10, 10))},
        source=Source(title="Bell\x07 and escape\x1b"),
    )
    for fmt in ("kml", "csv"):
        path = tmp_path / f"out.{fmt}"
        export_catalogue(catalogue, path, fmt)
        if fmt == "kml":
            root = ET.fromstring(path.read_bytes())  # the standard library's parser agrees
            assert root.find(f"{{{kml.KML_NS}}}Document/{{{kml.KML_NS}}}name").text == (
                "Bell\ufffd and escape\ufffd"
            )
        again, report = read_catalogue(path)
        assert not report
        (event,) = again.events
        if fmt == "kml":
            assert event.title == "Vertical\ufffdtab and \ufffd start of heading"
            assert again.places_of(event)[0].name == "Form\ufffdfeed"
        else:  # a CSV holds every character but NUL as it is
            assert event.title == "Vertical\vtab and \x01 start of heading"
            assert again.places_of(event)[0].name == "Form\ffeed"
        assert event.summary == "Windows line\r\nends and a \ufffd NUL"  # the CR kept too


def test_kml_writes_bce_dates_as_expanded_iso():
    catalogue = Catalogue(
        [Event("ides", "Ides of March", TimeSpan.parse("-0043-03-15"), ("rome",))],
        {"rome": Place("rome", "Rome", Point(12.48, 41.89))},
    )
    root = ET.fromstring(kml.dumps(catalogue))
    (when,) = root.iterfind(f".//{{{kml.KML_NS}}}when")
    assert when.text == "-0043-03-15"


# --- all exporters -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORTERS)
def test_exports_are_atomic_and_readable(tmp_path, bundled, fmt, monkeypatch):
    import os

    out = tmp_path / f"out.{fmt}"
    out.write_text("old", encoding="utf-8")

    def boom(*args):
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", boom)
        with pytest.raises(OSError):
            export_catalogue(bundled, out, fmt)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    export_catalogue(bundled, out, fmt)
    assert out.stat().st_size > 1000
    out.read_text(encoding="utf-8")  # UTF-8 throughout


@pytest.mark.parametrize("fmt", EXPORTERS)
def test_an_export_over_a_symbolic_link_replaces_the_file_and_keeps_the_link(
    tmp_path, bundled, fmt
):
    """`-o story.csv`, a link into a synced folder: the rename used to put a new file in the
    link's place, leaving the file it pointed to as it was."""
    real = tmp_path / "synced" / f"story.{fmt}"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / f"link.{fmt}"
    link.symlink_to(real)
    export_catalogue(bundled, link, fmt)
    assert link.is_symlink() and link.resolve() == real
    assert real.stat().st_size > 1000
    assert sorted(p.name for p in real.parent.iterdir()) == [real.name]


@pytest.mark.parametrize("fmt", EXPORTERS)
def test_an_export_to_a_pipe_writes_into_the_pipe(tmp_path, bundled, fmt):
    """`-o /dev/stdout` or a named pipe: the pipe used to be replaced by a plain file (as root,
    /dev/stdout or /dev/null themselves), with nothing reaching the reader."""
    import os
    import stat
    import threading

    fifo = tmp_path / f"pipe.{fmt}"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    export_catalogue(bundled, fifo, fmt)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the pipe was replaced by a file"
    reader.join(20)
    assert got and len(got[0]) > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == [fifo.name]


@pytest.mark.parametrize("fmt", EXPORTERS)
def test_an_export_that_cannot_be_written_fails_before_any_text_is_made(
    tmp_path, bundled, fmt, monkeypatch
):
    """A 100,000-event export to a missing folder failed only after ~5 s of building text."""
    from mapexplorer.formats import csvfile, geojson, kml

    def never(*args):
        raise AssertionError("the text was made for a file that cannot be written")

    for module in (geojson, csvfile, kml):
        monkeypatch.setattr(module, "export", never)
    with pytest.raises(FileNotFoundError):
        export_catalogue(bundled, tmp_path / "missing" / f"out.{fmt}", fmt)
    (tmp_path / f"folder.{fmt}").mkdir()
    with pytest.raises(IsADirectoryError):
        export_catalogue(bundled, tmp_path / f"folder.{fmt}", fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"folder.{fmt}"]  # nothing left


def test_unknown_export_format(tmp_path, bundled):
    with pytest.raises(KeyError):
        export_catalogue(bundled, tmp_path / "x.shp", "shapefile")


# --- text stays text in spreadsheets and Google Earth, and our readers get it back ----------------

FORMULAS = ["=cmd|' /C calc'!A1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\tTab", "\rCR"]
MARKUP = ["<b>&</b>", "<img src=x onerror=alert(1)>", "&lt;b&gt; as typed", "&copy2020 &amp;"]


@pytest.fixture(scope="module")
def tricky() -> Catalogue:
    """Titles, summaries, actors and place names a spreadsheet or Google Earth would run or
    render: formulas, markup, entities, a quote before a formula; and BC and negative values."""
    texts = FORMULAS + MARKUP + ["'=already quoted", "-0500 is a year, not a formula", "- a dash"]
    places = {
        f"p{n}": Place(f"p{n}", text, Point(-12.5 + n, -33.25)) for n, text in enumerate(texts)
    }
    events = [
        Event(
            id=f"e{n}",
            title=text,
            time=TimeSpan.parse("-0500" if n % 2 else "2024-12-08"),
            place_ids=(f"p{n}",),
            summary=f"{text} (summary)" if n % 3 else text,
            actors=("@someone", "=SUM(A1)", "<i>Tom</i> & Jerry"),  # "; " joins actors in CSV
            category="war",
            era=text,
        )
        for n, text in enumerate(texts)
    ]
    return Catalogue(events, places, [], Source(title="Tricky"))


def _texts(catalogue: Catalogue) -> list[tuple]:
    """Each event's text, trimmed: the readers trim whitespace around a value (a leading tab)."""
    return [
        (
            e.title.strip(),
            e.summary.strip(),
            tuple(a.strip() for a in e.actors),
            e.era.strip(),
            e.time,
            [p.name.strip() for p in catalogue.places_of(e)],
        )
        for e in catalogue.events
    ]


def test_csv_cells_never_start_a_formula(tmp_path, tricky):
    for row in _csv_rows(tricky, tmp_path):
        for column in ("title", "summary", "actors", "era", "place"):
            assert not row[column].startswith(csvfile.FORMULA_STARTS), (column, row[column])
    title = next(r["title"] for r in _csv_rows(tricky, tmp_path) if r["event_id"] == "e0")
    assert title == "'=cmd|' /C calc'!A1"  # OWASP: a leading quote makes it text


def test_csv_leaves_numbers_and_dates_alone(tmp_path, tricky):
    rows = {r["event_id"]: r for r in _csv_rows(tricky, tmp_path)}
    bc = rows["e1"]
    assert (bc["date"], bc["start"], bc["end"]) == ("-0500", "-0500-01-01", "-0500-12-31")
    assert (bc["lat"], bc["lon"]) == ("-33.250000", "-11.500000")
    assert rows["e10"]["title"] == "''=already quoted"  # its own quote survives the reader
    assert rows["e11"]["title"] == "'-0500 is a year, not a formula"  # words: protected


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("-1e-3", "-1e-3"),
        ("-0500", "-0500"),
        ("-0043-03-15", "-0043-03-15"),
        ("-0549/-0329", "-0549/-0329"),
        ("-05XX~", "-05XX~"),
        ("=1+1", "'=1+1"),
        ("-1+1+cmd|' /C calc'!A0", "'-1+1+cmd|' /C calc'!A0"),
        ("@A1", "'@A1"),
        ("'+x", "''+x"),
        ("'plain", "'plain"),
        ("", ""),
    ],
)
def test_csv_cell_protection(value, cell):
    assert csvfile.protect_cell(value) == cell
    assert csvfile.unprotect_cell(cell) == value


@pytest.mark.parametrize("fmt", ["csv", "kml"])
@pytest.mark.parametrize("which", ["bundled", "tricky", "nasty"])
def test_csv_and_kml_read_back_to_the_same_text(tmp_path, request, which, fmt):
    from mapexplorer.formats.opener import read_catalogue

    catalogue = request.getfixturevalue(which)
    path = tmp_path / f"out.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, report = read_catalogue(path)
    assert not report.problems
    # The tricky catalogue's eras are tags, several on one day: the report says why they
    # make no chapters, and says nothing else.
    assert not report.notes
    assert [n.startswith("the eras overlap") for n in report.asides] == [True] * (which == "tricky")
    assert [e.id for e in again.events] == [e.id for e in catalogue.events]
    assert _texts(again) == _texts(catalogue)
    assert [e.excerpt for e in again.events] == [e.excerpt for e in catalogue.events]


@pytest.mark.parametrize("fmt", ["csv", "kml"])
@pytest.mark.parametrize("which", ["bundled", "nasty"])
def test_csv_and_kml_give_back_every_excerpt(tmp_path, request, which, fmt):
    """Seven of the bundled article's events quote it more than once: each passage comes back,
    with where it sits in the article."""
    from mapexplorer.formats.opener import read_catalogue

    catalogue = request.getfixturevalue(which)
    path = tmp_path / f"out.{fmt}"
    export_catalogue(catalogue, path, fmt)
    again, report = read_catalogue(path)
    assert not report
    assert [(e.id, e.excerpts) for e in again.events] == [
        (e.id, e.excerpts) for e in catalogue.events
    ]
    if which == "bundled":
        several = [e.id for e in again.events if len(e.excerpts) > 1]
        assert {"treaty-signing", "invasion-of-ukraine", "fall-of-assad"} <= set(several)


def test_csv_excerpts_column_is_json_for_other_tools(tmp_path, bundled):
    rows = _csv_rows(bundled, tmp_path)
    for row in rows:
        event = bundled.event(row["event_id"])
        passages = json.loads(row["excerpts"]) if row["excerpts"] else []
        assert passages == [
            {"text": x.text, "start": x.start, "end": x.end} for x in event.excerpts
        ]
        assert row["excerpt"] == (passages[0]["text"] if passages else "")
        for passage in passages:
            text = bundled.source.text[passage["start"] : passage["end"]]
            assert text == passage["text"]


def test_an_excerpt_edited_in_a_spreadsheet_wins(tmp_path, bundled):
    """The `excerpt` cell is what a person sees and may change; the JSON beside it then no
    longer describes it, and the edited text is kept rather than the stale passages."""
    from mapexplorer.formats.opener import read_catalogue

    path = tmp_path / "edited.csv"
    export_catalogue(bundled, path, "csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["event_id"] == "treaty-signing":
            row["excerpt"] = "My own words"
        if row["event_id"] == "fall-of-assad":
            row["excerpts"] = "[not json"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    again, report = read_catalogue(path)
    assert not report
    assert again.event("treaty-signing").excerpts == (Excerpt("My own words", 0, 12),)
    # Its excerpts cell is unreadable: the first passage's text, from its excerpt cell, remains.
    fall = bundled.event("fall-of-assad")
    assert again.event("fall-of-assad").excerpts == (Excerpt(fall.excerpt, 0, len(fall.excerpt)),)
    assert (
        again.event("invasion-of-ukraine").excerpts == bundled.event("invasion-of-ukraine").excerpts
    )


def test_kml_shows_markup_as_text_in_google_earth(tmp_path, tricky):
    """Google Earth renders a description as HTML: what it renders must be the summary itself."""
    root = ET.fromstring(kml.dumps(tricky))  # fastkml knows no BC dates: the plain parser
    ns = {"k": kml.KML_NS}
    for mark in root.iterfind(".//k:Placemark", ns):
        event = tricky.event(mark.get("id").split("@")[0])
        rendered = mark.findtext("k:description", "", ns)
        assert "<" not in rendered
        assert html.unescape(rendered) == event.summary  # a carriage return too (&#13;)
        assert mark.findtext("k:name", "", ns) == event.title
        for value in mark.iterfind(".//k:Data/k:value", ns):
            assert "<" not in (value.text or "")


def test_third_party_kml_descriptions_still_read_as_text(tmp_path):
    from mapexplorer.formats.opener import open_catalogue

    marks = [
        ("Html", "<![CDATA[<p>Forces <b>enter</b> Iran &amp; Iraq.</p>]]>", "Forces enter Iran & Iraq."),
        ("Entities", "Fish &amp;amp; chips, 5 &amp;lt; 6", "Fish & chips, 5 < 6"),
        ("Plain", "Fish &amp; chips, 5 &lt; 6", "Fish & chips, 5 < 6"),
        ("Lines", "<![CDATA[one<br>two]]>", "one\ntwo"),
    ]  # fmt: skip
    placemarks = "".join(
        f"<Placemark><name>{name}</name><description>{description}</description>"
        "<TimeStamp><when>2025-01-17</when></TimeStamp><ExtendedData>"
        "<Data name='actors'><value>Marks &amp; Spencer; AT&amp;T</value></Data></ExtendedData>"
        "<Point><coordinates>50,30</coordinates></Point></Placemark>"
        for name, description, _ in marks
    )
    path = tmp_path / "theirs.kml"
    path.write_text(f"<kml xmlns='{kml.KML_NS}'><Document>{placemarks}</Document></kml>")
    catalogue = open_catalogue(path)
    assert [e.summary for e in catalogue.events] == [text for _, _, text in marks]
    assert catalogue.events[0].actors == ("Marks & Spencer", "AT&T")
