"""Big tables (ACLED exports, our own 100,000-row CSV) read without per-row work that can be
done once: the EDTF grammar only for dates that could be EDTF, each WKT shape parsed once."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import edtf
import pytest
import shapely

from mapexplorer.formats.dates import parse_date
from mapexplorer.formats.opener import guess_fields, read_catalogue
from mapexplorer.model import DateError, TimeSpan


@pytest.fixture
def edtf_grammar_calls(monkeypatch) -> list[str]:
    """Every text the EDTF grammar (pyparsing, milliseconds a string) is asked to parse."""
    calls: list[str] = []
    original = edtf.parse_edtf

    def counting(text, *args, **kwargs):
        calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(edtf, "parse_edtf", counting)
    return calls


def _acled_like(path: Path, days: list[datetime.date]) -> Path:
    lines = ["event_id_cnty,event_date,event_type,actor1,location,latitude,longitude,notes"]
    for n, day in enumerate(days):
        written = f"{day.day} {day:%B %Y}"  # ACLED's "18 October 2004"
        lines.append(f"X{n},{written},Protests,Militia {n},Town {n},{n % 80}.5,{n % 170}.25,N{n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_written_dates_never_reach_the_edtf_grammar(tmp_path, edtf_grammar_calls):
    # Distinct days (a year and a half of them), so no cache of earlier tests can hide the cost.
    days = [datetime.date(1911, 3, 2) + datetime.timedelta(days=n) for n in range(500)]
    path = _acled_like(tmp_path / "acled.csv", days)
    guess = guess_fields(path)
    assert guess.chosen["time"] == "event_date"
    catalogue, report = read_catalogue(path)
    assert not report
    assert sorted(e.time.edtf for e in catalogue.events) == [d.isoformat() for d in days]
    assert edtf_grammar_calls == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1913-13-45", "has no month 13"),  # looks like EDTF: EDTF's own reason
        ("1913-02-30/1913-03", "'1913-02-30' is not a real day"),
        ("2004-XX-11", "unknown digits"),
        ("1913-01-01 / 1914", "'1913-01-01 ' is not a date EDTF can place"),
        ("Y170000", "not a date we can read"),
        ("18 Octember 1913", "'octember' is not a month"),
    ],
)
def test_dates_that_fail_keep_their_reasons(text, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(text)


def test_edtf_beyond_the_common_forms_still_uses_the_grammar(edtf_grammar_calls):
    assert parse_date("1913-?06-11") == TimeSpan.parse("1913-?06-11")
    assert parse_date(" 1914-21~ ").edtf == "1914-21~"


def test_each_distinct_wkt_cell_is_parsed_once(tmp_path, monkeypatch):
    calls: list[int] = []
    original = shapely.from_wkt

    def counting(geometry, *args, **kwargs):
        calls.append(1)
        return original(geometry, *args, **kwargs)

    monkeypatch.setattr(shapely, "from_wkt", counting)
    shapes = [
        '"POLYGON ((47 37, 54 37, 54 47, 47 47, 47 37))"',
        '"LINESTRING (48.5 30.4, 51.4 35.7)"',
        "SRID=4326;POINT (46.29 38.08)",
    ]
    lines = ["title,date,place,wkt"]
    lines += [
        f"Event {n},1912-01-{n % 28 + 1:02d},Site {n % 3},{shapes[n % 3]}" for n in range(300)
    ]
    lines.append('Broken,1912-02-01,Broken site,"POLYGON ((0 0, 10"')
    path = tmp_path / "shapes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalogue, report = read_catalogue(path)
    assert len(catalogue.events) == 300 and len(catalogue.places) == 3
    assert [p.item for p in report.problems] == ["row 302"]
    assert "not WKT we can read ('POLYGON ((0 0, 10')" in report.problems[0].message
    assert len(calls) <= 2  # all cells at once, then the broken one again for its reason


def test_geojson_points_read_in_bulk_as_they_read_one_at_a_time():
    """Plain GeoJSON's points are checked as one array: every feature, good or not, must come
    out as the feature-at-a-time reader (kept for everything unusual) makes it."""
    from mapexplorer.formats import geojson_reader
    from mapexplorer.formats.fields import RowReader, choice_from
    from mapexplorer.formats.reading import CatalogueBuilder

    def point(coordinates, **props):
        props.setdefault("date", "2020-05-01")
        geometry = {"type": "Point", "coordinates": coordinates}
        return {"type": "Feature", "geometry": geometry, "properties": props}

    features = [
        point([44.4, 33.3], name="Baghdad raid", place="Baghdad"),
        point([44.4, 33.3], name="Second raid"),  # an unnamed spot, shared
        point([51.4, 35.7, 1200], name="With height"),
        point([True, 35.7], name="A truth value"),
        point(["51.4", "35.7"], name="Text coordinates"),
        point([181.0, 10.0], name="Past the date line"),  # a turn round: -179° (other tools)
        point([10.0, 95.0], name="Off the globe"),
        point([10**400, 1], name="Beyond a float"),
        point([51.4], name="One number"),
        point([51.4, 35.7], name="Bad date", date="2020-13-45"),
        point([51.4, 35.7], name="Its own time", date="", start="1990", end="1991"),
        {"type": "Feature", "geometry": None, "properties": {"name": "Nowhere", "date": "2001"}},
        {"type": "Thing", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [3, 4]}, "properties": 7},
        {"type": "Feature", "properties": {"name": "Square", "date": "1999"}, "geometry": {
            "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},
    ]  # fmt: skip
    doc = {"type": "FeatureCollection", "features": features}
    bulk, bulk_report = geojson_reader.read_document(doc, "mixed.geojson")

    choice = choice_from(None, geojson_reader.guess_document(doc))
    reader, builder = RowReader(choice), CatalogueBuilder("mixed.geojson", "feature")
    for index, feature in enumerate(features):
        geojson_reader._read_feature(builder, reader, feature, f"feature {index + 1}")
    single, single_report = builder.finish(len(features), choice)

    assert bulk.events == single.events
    assert bulk.places.keys() == single.places.keys()
    assert all(bulk.places[k].geometry.equals(p.geometry) for k, p in single.places.items())
    assert [str(p) for p in bulk_report.problems] == [str(p) for p in single_report.problems]
    assert len(bulk_report.problems) == 9 and len(bulk.events) == 6  # each bad feature said once


def test_days_in_other_digits_read_as_they_did_before_the_bulk_parse(tmp_path):
    """An ISO day written with other digits ("٢٠٢٤-12-05", Arabic-Indic) is read one at a time
    as it always was: the bulk parse of plain days took it for one (`\\d`) and numpy raised."""
    arabic = "\u0662\u0660\u0662\u0664-12-05"
    csv = tmp_path / "digits.csv"
    csv.write_text(f"date,title,lat,lon\n{arabic},A,10,20\n2024-01-01,B,11,21\n", "utf-8")
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [20, 10]},
         "properties": {"date": day, "title": title}}
        for day, title in ((arabic, "A"), ("2024-01-01", "B"))
    ]  # fmt: skip
    geojson = tmp_path / "digits.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    for path in (csv, geojson):
        catalogue, report = read_catalogue(path)
        assert not report.problems
        times = {e.title: (e.time.start, e.time.precision) for e in catalogue.events}
        assert times["A"] == (TimeSpan.parse("2024-12-05").start, "day")
