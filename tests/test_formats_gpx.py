"""GPX files (a GPS device's or app's waypoints, tracks and routes) read as catalogues: a
reporter's GPS log, a hiker's track, a teacher's field trip. Plain pytest, no Qt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapexplorer.formats import FormatError
from mapexplorer.formats.opener import (
    OPENABLE,
    detect,
    export_catalogue,
    guess_fields,
    open_catalogue,
    read_catalogue,
)
from mapexplorer.model import Catalogue, Event

GPX11 = "http://www.topografix.com/GPX/1/1"
GPX10 = "http://www.topografix.com/GPX/1/0"


def gpx(body: str, ns: str | None = GPX11, extra: str = "") -> str:
    xmlns = f' xmlns="{ns}"' if ns else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="1.1" creator="test"{xmlns}{extra}>\n{body}\n</gpx>\n'
    )


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def by_title(catalogue: Catalogue) -> dict[str, Event]:
    return {e.title: e for e in catalogue.events}


WAYPOINTS = """
<metadata><name>Field trip</name><time>2021-07-01T08:00:00Z</time></metadata>
<wpt lat="46.2044" lon="6.1432"><ele>375</ele><time>2021-06-01T10:00:00Z</time>
  <name>Geneva</name><desc>Start of the trip</desc><sym>Flag, Blue</sym></wpt>
<wpt lat="46.5197" lon="6.6323"><time>2021-06-02T23:59:59.5+02:00</time>
  <name>Lausanne</name><cmt>Lunch by the lake</cmt></wpt>
<wpt lat="46.8" lon="7.1"><time>2021-06-03T09:00:00Z</time></wpt>
"""

TRACK = """
<trk><name>Morning walk</name><type>hiking</type>
  <trkseg>
    <trkpt lat="46.2" lon="6.14"><ele>375</ele><time>2021-06-03T07:00:00Z</time></trkpt>
    <trkpt lat="46.21" lon="6.15"><time>2021-06-03T07:10:00Z</time></trkpt>
  </trkseg>
  <trkseg>
    <trkpt lat="46.22" lon="6.16"><time>2021-06-04T07:20:00Z</time></trkpt>
    <trkpt lat="46.23" lon="6.17"><time>2021-06-04T07:30:00Z</time></trkpt>
  </trkseg>
</trk>
<trk><trkseg>
  <trkpt lat="46.3" lon="6.2"><time>2021-06-05T07:00:00Z</time></trkpt>
  <trkpt lat="46.31" lon="6.21"><time>2021-06-05T08:00:00Z</time></trkpt>
</trkseg></trk>
"""


def test_waypoints_are_point_events_dated_by_their_day(tmp_path):
    catalogue, report = read_catalogue(write(tmp_path / "trip.gpx", gpx(WAYPOINTS)))
    events = by_title(catalogue)
    assert list(events) == ["Geneva", "Lausanne", "Waypoint 3"]
    geneva = events["Geneva"]
    assert geneva.time.edtf == "2021-06-01" and geneva.summary == "Start of the trip"
    assert geneva.extra == {"symbol": "Flag, Blue"}
    assert catalogue.places[geneva.place_ids[0]].name == "Geneva"
    assert catalogue.places[geneva.place_ids[0]].geometry.coords[0] == (6.1432, 46.2044)
    # The day as written (the app has no times of day); <cmt> when there is no <desc>.
    assert events["Lausanne"].time.edtf == "2021-06-02"
    assert events["Lausanne"].summary == "Lunch by the lake"
    # A waypoint without a name is placed at its coordinates, as a nameless point is.
    assert catalogue.places[events["Waypoint 3"].place_ids[0]].name == "46.80000, 7.10000"
    assert not report and report.unit == "waypoint" and report.total == 3


def test_a_track_is_one_route_event_from_its_first_day_to_its_last(tmp_path):
    catalogue, report = read_catalogue(write(tmp_path / "walk.gpx", gpx(TRACK)))
    events = by_title(catalogue)
    assert list(events) == ["Morning walk", "Track 2"]
    walk = events["Morning walk"]
    assert walk.time.edtf == "2021-06-03/2021-06-04" and walk.category == "hiking"
    place = catalogue.places[walk.place_ids[0]]
    assert place.name == "Morning walk" and place.kind.value == "route"
    assert place.geometry.geom_type == "MultiLineString" and len(place.geometry.geoms) == 2
    second = catalogue.places[events["Track 2"].place_ids[0]]
    assert second.geometry.geom_type == "LineString" and len(second.geometry.coords) == 2
    assert events["Track 2"].time.edtf == "2021-06-05"
    assert not report and report.unit == "track"


def test_untimed_items_are_reported_as_left_out(tmp_path):
    body = (
        WAYPOINTS
        + '<wpt lat="1" lon="2"><name>Camp</name></wpt>'
        + TRACK
        + '<trk><name>Lost</name><trkseg><trkpt lat="1" lon="2"/><trkpt lat="1" lon="3"/>'
        + "</trkseg></trk>"
        + '<rte><name>Planned</name><rtept lat="46.2" lon="6.1"/><rtept lat="46.3" lon="6.3"/>'
        + "</rte>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "mixed.gpx", gpx(body)))
    assert len(catalogue.events) == 5
    assert report.unit == "item" and report.total == 8
    assert [str(p) for p in report.problems] == [
        "waypoint 4 ('Camp'), field 'time': the waypoint has no <time>",
        "track 3 ('Lost'), field 'time': the track's points have no <time>",
        "route 1 ('Planned'), field 'time': the route's points have no <time> "
        "(a planned route has none)",
    ]
    assert report.headline() == "mixed.gpx: 3 of 8 items could not be read and were left out."


def test_a_route_whose_points_have_times_is_a_dated_line(tmp_path):
    body = (
        '<rte><rtept lat="46.2" lon="6.1"><time>2020-05-01T00:00:00Z</time></rtept>'
        '<rtept lat="46.3" lon="6.3"><time>2020-05-03T00:00:00Z</time></rtept></rte>'
    )
    catalogue = open_catalogue(write(tmp_path / "route.gpx", gpx(body)))
    (event,) = catalogue.events
    assert event.title == "Route 1" and event.time.edtf == "2020-05-01/2020-05-03"
    assert catalogue.places[event.place_ids[0]].geometry.geom_type == "LineString"


def test_a_file_with_no_times_at_all_says_what_to_do(tmp_path):
    body = '<wpt lat="1" lon="2"><name>A</name></wpt><rte><rtept lat="1" lon="2"/></rte>'
    path = write(tmp_path / "plan.gpx", gpx(body))
    with pytest.raises(FormatError) as caught:
        open_catalogue(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: a GPX file with no times: none of its 1 waypoint or ")
    assert "1 route has a <time>" in message
    # A command for each layer it has, a line's shape kept as WKT, which our CSV reader reads.
    assert (
        "(ogr2ogr -f CSV waypoints.csv plan.gpx waypoints -lco GEOMETRY=AS_XY; "
        "ogr2ogr -f CSV routes.csv plan.gpx routes -lco GEOMETRY=AS_WKT, or in QGIS"
    ) in message
    empty = write(tmp_path / "empty.gpx", gpx("<metadata><name>x</name></metadata>"))
    with pytest.raises(FormatError, match="has no waypoints, tracks or routes"):
        open_catalogue(empty)


@pytest.mark.parametrize(
    ("ns", "extra"),
    [(GPX10, ""), (None, ""), (GPX11, ' xmlns:g="http://www.topografix.com/GPX/1/1"')],
)
def test_gpx_1_0_1_1_and_no_namespace_read_alike(tmp_path, ns, extra):
    body = TRACK + WAYPOINTS
    if extra:  # every element written with a prefix: <g:trk>, as some scripts do
        body = body.replace("<", "<g:").replace("<g:/", "</g:")
        text = gpx(body, None, extra).replace("<gpx ", "<g:gpx ").replace("</gpx>", "</g:gpx>")
    else:
        text = gpx(body, ns)
    catalogue = open_catalogue(write(tmp_path / "any.gpx", text))
    assert sorted(e.title for e in catalogue.events) == [
        "Geneva",
        "Lausanne",
        "Morning walk",
        "Track 2",
        "Waypoint 3",
    ]


def test_extensions_are_ignored_and_links_kept(tmp_path):
    body = """
<wpt lat="10" lon="20"><time>2022-01-01T00:00:00Z</time><name>Hut</name>
  <link href="https://example.org/hut"><text>Hut</text></link>
  <extensions><osmand:color xmlns:osmand="https://osmand.net">#ff0000</osmand:color>
  <name>not this</name></extensions></wpt>
<trk><name>Run</name><type>9</type><trkseg>
  <trkpt lat="10" lon="20"><time>2022-01-02T00:00:00Z</time><extensions>
    <gpxtpx:TrackPointExtension xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
    <gpxtpx:hr>140</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
  <trkpt lat="10.1" lon="20.1"><time>2022-01-02T01:00:00Z</time></trkpt>
</trkseg></trk>"""
    events = by_title(open_catalogue(write(tmp_path / "ext.gpx", gpx(body))))
    assert events["Hut"].extra == {"link": "https://example.org/hut"}
    # A number is no category (Strava writes its activity codes): kept as the type.
    assert events["Run"].category == "other" and events["Run"].extra == {"type": "9"}


def test_points_whose_coordinates_cannot_be_read(tmp_path):
    body = """
<wpt lat="x" lon="2"><time>2022-01-01T00:00:00Z</time><name>Bad</name></wpt>
<wpt lon="2"><time>2022-01-01T00:00:00Z</time><name>Half</name></wpt>
<trk><name>Walk</name><trkseg>
  <trkpt lat="1" lon="2"><time>2022-01-02T00:00:00Z</time></trkpt>
  <trkpt lat="91" lon="2"><time>2022-01-02T00:00:00Z</time></trkpt>
  <trkpt lat="1.1" lon="2.1"><time>2022-01-02T00:00:00Z</time></trkpt>
</trkseg></trk>"""
    catalogue, report = read_catalogue(write(tmp_path / "bad.gpx", gpx(body)))
    assert [e.title for e in catalogue.events] == ["Walk"]
    assert [str(p) for p in report.problems] == [
        "waypoint 1 ('Bad'), field 'lat/lon': lat='x' lon='2' are not numbers",
        "waypoint 2 ('Half'), field 'lat/lon': it has no lat attribute",
    ]
    assert report.notes == [
        "track 1 ('Walk'): 1 of its points was left out of its line, as their coordinates "
        "cannot be read: point 2: lat=91 lon=2 is off the globe"
    ]
    line = catalogue.places[catalogue.events[0].place_ids[0]].geometry
    assert list(line.coords) == [(2.0, 1.0), (2.1, 1.1)]


def test_a_time_that_does_not_read_is_named(tmp_path):
    body = '<wpt lat="1" lon="2"><time>yesterday-ish</time><name>A</name></wpt>' + TRACK
    _, report = read_catalogue(write(tmp_path / "t.gpx", gpx(body)))
    (problem,) = report.problems
    assert str(problem).startswith("waypoint 1 ('A'), field 'time': <time> 'yesterday-ish': ")


def test_entities_that_expand_without_end_are_refused(tmp_path):
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    text = (
        f'<?xml version="1.0"?><!DOCTYPE gpx [{entities}]><gpx><wpt lat="1" lon="2">'
        "<time>2020-01-01</time><name>&j;</name></wpt></gpx>"
    )
    with pytest.raises(FormatError) as caught:
        open_catalogue(write(tmp_path / "lol.gpx", text))
    assert "expand to far more text than it holds" in str(caught.value)
    external = (
        f'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY e SYSTEM "{tmp_path / "secret"}">]>'
        '<gpx><wpt lat="1" lon="2"><time>2020-01-01</time><name>&e;</name></wpt></gpx>'
    )
    (tmp_path / "secret").write_text("SECRET", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        open_catalogue(write(tmp_path / "ext.gpx", external))
    assert "SECRET" not in str(caught.value) and "not XML (so not GPX)" in str(caught.value)


@pytest.mark.parametrize("name", ["walk.gpx", "walk.xml", "walk.txt", "walk.kml"])
def test_a_gpx_file_is_found_by_its_content_or_its_name(tmp_path, name):
    path = write(tmp_path / name, gpx(WAYPOINTS))
    assert detect(path) == "gpx" and guess_fields(path) is None
    assert len(open_catalogue(path).events) == 3
    assert ".gpx" in OPENABLE


def test_a_gpx_that_is_not_xml_says_so(tmp_path):
    path = write(tmp_path / "walk.gpx", "lat,lon\n1,2\n")
    with pytest.raises(FormatError, match=r"walk.gpx: not XML \(so not GPX\): "):
        open_catalogue(path)
    kml = write(tmp_path / "doc.gpx", '<?xml version="1.0"?><kml><Document/></kml>')
    assert detect(kml) == "kml"


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml"])
def test_a_gpx_catalogue_exports_and_reopens(tmp_path, fmt):
    catalogue = open_catalogue(write(tmp_path / "trip.gpx", gpx(WAYPOINTS + TRACK)))
    out = tmp_path / f"out.{fmt}"
    export_catalogue(catalogue, out, fmt)
    again = by_title(open_catalogue(out))
    assert set(again) == {e.title for e in catalogue.events}
    assert again["Morning walk"].time.edtf == "2021-06-03/2021-06-04"
    assert again["Geneva"].extra.get("symbol") == "Flag, Blue"
    if fmt == "geojson":
        features = json.loads(out.read_text(encoding="utf-8"))["features"]
        assert {f["geometry"]["type"] for f in features} == {
            "Point",
            "MultiLineString",
            "LineString",
        }


def test_html_in_a_description_is_read_as_its_text(tmp_path):
    """GPX says `<desc>` is plain text; apps and websites write HTML in it all the same (in
    CDATA, or escaped), which showed as tags in the details."""
    body = (
        '<wpt lat="1" lon="2"><time>2020-05-04T08:00:00Z</time><name>Café</name>'
        "<desc><![CDATA[<b>Good</b> coffee<br/>and cake &amp; tea]]></desc></wpt>"
        '<wpt lat="1" lon="3"><time>2020-05-04T08:00:00Z</time><name>Shop</name>'
        "<desc>Fish &amp;chips, 3 &lt; 4</desc><cmt>&lt;p&gt;Open late&lt;/p&gt;</cmt></wpt>"
    )
    events = by_title(open_catalogue(write(tmp_path / "html.gpx", gpx(body))))
    assert events["Café"].summary == "Good coffee\nand cake & tea"
    assert events["Shop"].summary == "Fish &chips, 3 < 4"  # plain text stays as written
    assert events["Shop"].extra["comment"] == "Open late"


def test_a_track_of_one_point_segments_is_its_points(tmp_path):
    """Each <trkseg> one point (a watch paused at each): the track was its first point, then
    a set of points named after the track ("Dots" at every marker). Each point is a place of
    its own, named as a waypoint without a name is: by its coordinates, which the window and
    `events` describe by the nearest town."""
    body = (
        "<trk><name>Dots</name>"
        + "".join(
            f'<trkseg><trkpt lat="{lat}" lon="{lon}"><time>2020-05-0{n}T08:00:00Z</time>'
            "</trkpt></trkseg>"
            for n, (lat, lon) in enumerate(
                [(48.8566, 2.3522), (47.2184, -1.5536), (48.8566, 2.3522)], start=1
            )
        )
        + "</trk>"
    )
    catalogue = open_catalogue(write(tmp_path / "dots.gpx", gpx(body)))
    (event,) = catalogue.events
    assert event.time.edtf == "2020-05-01/2020-05-03"
    places = catalogue.places_of(event)
    assert [p.name for p in places] == ["48.85660, 2.35220", "47.21840, -1.55360"]
    assert {p.geometry.geom_type for p in places} == {"Point"}
    many = (
        "<trk><name>Watch</name>"
        + "".join(
            f'<trkseg><trkpt lat="48.{n:03d}" lon="6.1"><time>2020-05-03T08:00:00Z</time>'
            "</trkpt></trkseg>"
            for n in range(150)
        )
        + "</trk>"
    )
    catalogue = open_catalogue(write(tmp_path / "watch.gpx", gpx(many)))
    (place,) = catalogue.places_of(catalogue.events[0])  # too many to list: one set, as before
    assert (place.name, len(place.geometry.geoms)) == ("Watch", 150)


def test_a_name_written_over_lines_is_one_line(tmp_path):
    body = (
        '<wpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time><name>\n  Base\n  camp </name></wpt>'
    )
    catalogue = open_catalogue(write(tmp_path / "nl.gpx", gpx(body)))
    (event,) = catalogue.events
    assert (event.title, catalogue.places[event.place_ids[0]].name) == ("Base camp", "Base camp")


def test_a_time_that_reads_both_ways_is_reported(tmp_path):
    """A hand-made GPX's <time>12/05/2024 07:30</time> (not GPX's ISO time) was read day first
    with nothing said; it is now said, and a time of the file that reads one way decides."""
    gpx = (
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        '<wpt lat="45.46" lon="9.19"><time>12/05/2024 07:30</time><name>Duomo</name></wpt>'
        '<wpt lat="45.47" lon="9.20"><time>2024-05-13T08:00:00Z</time><name>Park</name></wpt>'
        "</gpx>"
    )
    path = tmp_path / "walk.gpx"
    path.write_text(gpx, encoding="utf-8")
    catalogue, report = read_catalogue(path)
    duomo = next(e for e in catalogue.events if e.title == "Duomo")
    assert duomo.time.edtf == "2024-05-12"
    assert duomo.date_note.startswith("The <time> reads both ways ('12/05/2024 07:30': 12 May")
    assert report.notes == [
        "waypoint 1 ('Duomo') has a <time> that reads both ways ('12/05/2024 07:30': 12 May "
        "2024 day first, 5 December 2024 month first), and no time in the file says which: "
        "read as day/month. GPX writes a time year first (2024-05-12T…Z), which reads one way "
        "only"
    ]
    path.write_text(gpx.replace("2024-05-13T08:00:00Z", "05/13/2024 08:00"), encoding="utf-8")
    catalogue, report = read_catalogue(path)
    duomo = next(e for e in catalogue.events if e.title == "Duomo")
    assert duomo.time.edtf == "2024-12-05" and not report.notes  # month first, as 05/13


def test_waypoints_without_a_time_are_dated_by_the_files_tracks(tmp_path):
    """Garmin Connect's export of a hike: its summit and hut waypoints have no <time>, its
    track has; the waypoints were left out ("the waypoint has no <time>"). They are dated
    by the track's days, the report and their date notes saying so."""
    body = (
        '<wpt lat="46.5" lon="7.9"><name>Summit</name></wpt>'
        '<wpt lat="46.45" lon="7.85"><name>Hut</name></wpt>'
        "<trk><name>Two days</name><trkseg>"
        '<trkpt lat="46.4" lon="7.8"><time>2024-06-01T07:00:00Z</time></trkpt>'
        '<trkpt lat="46.5" lon="7.9"><time>2024-06-02T12:00:00Z</time></trkpt>'
        "</trkseg></trk>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "hike.gpx", gpx(body)))
    events = by_title(catalogue)
    assert events["Summit"].time.edtf == "2024-06-01/2024-06-02"
    assert "dated by the file's tracks" in events["Hut"].date_note
    assert not report.problems
    assert report.notes == [
        "2 waypoints without a <time> of their own dated by the file's tracks, 1–2 June "
        "2024: waypoint 1 ('Summit'), waypoint 2 ('Hut') (give each a <time> to date it more "
        "exactly)"
    ]


def test_utc_times_are_the_local_day_where_they_were(tmp_path):
    """A waypoint at 23:30 UTC in Paris (00:30 the next day there) opened on the day before,
    and one at 03:00 UTC in New York (22:00 the evening before) on the day after: GPX writes
    UTC, and each time is read as the local time of the nearest town's zone, the report
    saying so; a track's first and last points likewise."""
    body = (
        '<wpt lat="48.85" lon="2.35"><time>2024-03-01T23:30:00Z</time><name>Paris</name></wpt>'
        '<wpt lat="40.71" lon="-74.0"><time>2024-03-02T03:00:00Z</time><name>New York</name></wpt>'
        '<wpt lat="51.5" lon="-0.12"><time>2024-03-01T12:00:00Z</time><name>London</name></wpt>'
        '<wpt lat="48.85" lon="2.35"><time>2019</time><name>Year</name></wpt>'
        "<trk><name>Night walk</name><trkseg>"
        '<trkpt lat="52.52" lon="13.40"><time>2024-03-04T23:10:00Z</time></trkpt>'
        '<trkpt lat="52.53" lon="13.41"><time>2024-03-04T23:50:00Z</time></trkpt>'
        "</trkseg></trk>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "night.gpx", gpx(body)))
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Paris": "2024-03-02",
        "New York": "2024-03-01",
        "London": "2024-03-01",
        "Year": "2019",  # a hand's year, no UTC time (not Unix milliseconds: 1970)
        "Night walk": "2024-03-05",  # 00:10 to 00:50 in Berlin
    }
    assert report.notes == [
        "3 items' times, written in UTC as GPX writes them, read as the local time of the "
        "nearest town's time zone, a day apart: waypoint 1 ('Paris')'s '2024-03-01T23:30:00Z' "
        "is Saturday 2 March 2024 there"
    ]
