"""Readers of other tools' files: GeoJSON, CSV/TSV and KML/KMZ, written here in the shapes
QGIS, geojson.io, ACLED, spreadsheets and Google Earth produce. Plain pytest, no Qt."""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
import re
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon

from mapexplorer.formats import FormatError, native
from mapexplorer.formats.dates import (
    date_note,
    parse_date,
    parse_span,
    parse_year_month_day,
    slash_order,
)
from mapexplorer.formats.fields import FieldChoice, FieldGuess, TimeSource, preview
from mapexplorer.formats.opener import (
    detect,
    export_catalogue,
    guess_fields,
    open_catalogue,
    read_catalogue,
)
from mapexplorer.formats.report import warning_lines
from mapexplorer.model import Catalogue, DateError, Event, Excerpt, Place, TimeSpan
from mapexplorer.model.event import is_slug
from mapexplorer.model.place import PlaceKind


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def by_title(catalogue: Catalogue) -> dict[str, Event]:
    return {e.title: e for e in catalogue.events}


def place_of(catalogue: Catalogue, event: Event) -> Place:
    return catalogue.places_of(event)[0]


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("2025-01-17", "2025-01-17"),
        ("2025-01", "2025-01"),
        ("2024-12~", "2024-12~"),
        ("1941-08-25/1941-09-17", "1941-08-25/1941-09-17"),
        ("2025-01-17T10:30:00Z", "2025-01-17"),
        ("2025-01-17T23:59:59+05:30", "2025-01-17"),
        ("2025-01-17 10:30", "2025-01-17"),
        ("2025-01-17 10:30:00 UTC", "2025-01-17"),  # BigQuery (GDELT) and PostgreSQL
        ("2025-01-17 10:30:00.123456+00", "2025-01-17"),
        ("+1914-06-28T00:00:00Z", "1914-06-28"),  # ISO 8601's sign of a year AD: Wikidata's
        ("+1914-06-28", "1914-06-28"),
        ("-0043-03-15T00:00:00Z", "-0043-03-15"),  # and of a year BC: 44 BC
        ("17 January 2025", "2025-01-17"),
        ("January 17, 2025", "2025-01-17"),
        ("Jan. 17, 2025", "2025-01-17"),
        ("Sept. 3, 1941", "1941-09-03"),
        ("17 Jan 2025", "2025-01-17"),
        ("Friday, 17 January 2025", "2025-01-17"),
        ("17th January 2025", "2025-01-17"),
        ("January 2025", "2025-01"),
        ("17/01/2025", "2025-01-17"),
        ("01/17/2025", "2025-01-17"),
        ("17.01.2025", "2025-01-17"),
        ("2025/01/17", "2025-01-17"),
        ("20250117", "2025-01-17"),
        (20250117, "2025-01-17"),
        (1979, "1979"),
        (1979.0, "1979"),
        ("1979.0", "1979"),
        ("44 BC", "-0043"),
        ("44 BCE", "-0043"),
        ("-0043", "-0043"),
        ("AD 33", "0033"),
        ("c. 1900", "1900~"),
        ("1941–1945", "1941/1945"),
        ("17–20 January 2025", "2025-01-17/2025-01-20"),
        (1737109800, "2025-01-17"),
        (1737109800123, "2025-01-17"),
        ("17-Jan-2025", "2025-01-17"),  # Excel's d-mmm-yyyy
        ("1-Sept-1941", "1941-09-01"),
        ("Jan-2025", "2025-01"),
        ("Fri, 17 Jan 2025 10:00:00 GMT", "2025-01-17"),  # e-mail and RSS (RFC 2822)
        ("Fri, 17 Jan 2025 23:30:00 +0100", "2025-01-17"),  # the day as written
        ("1/17/2025 10:30 AM", "2025-01-17"),  # a spreadsheet's date and time
        ("January 17, 2025 at 10:00 pm", "2025-01-17"),
        ("20250117T100000Z", "2025-01-17"),  # ISO 8601's basic form (iCalendar)
        ("BC 44", "-0043"),
        ("B.C. 44", "-0043"),
        ("BCE 44", "-0043"),  # not a month called 'bce'
        ("B.C.E. 44", "-0043"),
        ("3rd century BC", "-02XX"),  # 300-201 BC
        ("the 1st century BC", "-00XX"),
        ("1990's", "199X"),
        ("the 1990’s", "199X"),
        ("Spring, 2014", "2014-21"),
    ],
)
def test_parse_date_reads_common_forms(value, edtf):
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("1990s", "199X"),
        ("the 1990s", "199X"),
        ("early 1990s", "1990/1993"),
        ("mid-20th century", "1934/1966"),
        ("19th century", "18XX"),
        ("the 18th and 19th centuries", "17XX/18XX"),
        ("Winter 2014", "2014-24"),
        ("winter 2014–15", "2014-24"),  # December 2014 to February 2015, as "Winter 2014"
        ("winter 2014-15", "2014-24"),
        ("the winter of 2014-2015", "2014-24"),
        ("Winter 1999/00", "1999-24"),
        ("spring 1968", "1968-21"),
        ("late summer 2014", "2014-08"),  # the season's last month, as the importer reads it
        ("early winter 2014", "2014-12"),
        # ranges with the year written once, as the article importer reads them
        ("Aug. 25 – Sept. 17, 1941", "1941-08-25/1941-09-17"),  # not from August of year 25
        ("March 3 – April 5, 2020", "2020-03-03/2020-04-05"),
        ("from Aug. 25 to Sept. 17, 1941", "1941-08-25/1941-09-17"),
        ("1941-1945", "1941/1945"),  # a plain hyphen, as "1941–1945" with a dash
        ("1939-45", "1939/1945"),
        ("1914/18", "1914/1918"),  # as British books write the wars: it was "not valid EDTF"
        ("1939 / 45", "1939/1945"),
        ("2019/20", "2019/2020"),  # a school or fiscal year: there is no month 20
        ("1999/00", "1999/2000"),  # it was "not valid EDTF"
        ("2010/11", "2010/2011"),  # the year after: a school or fiscal year, alone
        ("2010/03", "2010-03"),  # a span cannot end before it begins: March 2010
        ("2010/3", "2010-03"),
        ("2005/08", "2005-08"),  # a span of years is written with a dash
    ],
)
def test_parse_date_reads_decades_centuries_and_seasons_as_writers_put_them(value, edtf):
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("Spring,2014", "2014-21"),  # as "Spring, 2014"
        ("spring , 2014", "2014-21"),
        ("Winter,2014–15", "2014-24"),
        ("Winter, 2014–15", "2014-24"),
        ("January,2025", "2025-01"),
        ("January 17,2025", "2025-01-17"),
        ("3rd century AD", "02XX"),  # as "3rd century": 200-299
        ("3rd century CE", "02XX"),
        ("AD 3rd century", "02XX"),
        ("the 3rd century A.D.", "02XX"),
        ("mid-3rd century CE", "0234/0266"),  # as "mid-3rd century"
        ("3rd and 4th centuries AD", "02XX/03XX"),
        ("3rd century BC", "-02XX"),  # as before
    ],
)
def test_a_season_without_a_space_after_its_comma_and_centuries_ad(value, edtf):
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize("value", ["0th century AD", "AD 3rd century BC", "3rd century BC AD"])
def test_a_century_ad_that_is_none_is_refused_by_its_whole_text(value):
    with pytest.raises(DateError, match=re.escape(f"{value!r} is not a date we can read")):
        parse_date(value)


HISTORIANS_DATES = [
    ("XIV century", "13XX"),
    ("s. XIV", "13XX"),  # Spanish and Italian: siglo, secolo
    ("sec. XIV", "13XX"),
    ("siglo XIV", "13XX"),
    ("XIV secolo", "13XX"),
    ("XIVe siècle", "13XX"),
    ("XIVᵉ siècle", "13XX"),
    ("14. Jahrhundert", "13XX"),
    ("14. Jh.", "13XX"),
    ("14th c.", "13XX"),
    ("14th-c.", "13XX"),
    ("14th cent.", "13XX"),
    ("X century", "09XX"),
    ("early XIV century", "1300/1333"),  # as "early 14th century"
    ("c. XIV century", "13XX~"),
    ("siglos XIV-XV", "13XX/14XX"),
    ("s. XIV a.C.", "-13XX"),  # antes de Cristo
    ("V-IV secolo a.C.", "-04XX/-03XX"),
    ("XIVe siècle av. J.-C.", "-13XX"),
    ("14. Jahrhundert v. Chr.", "-13XX"),
    ("s. XIV d.C.", "13XX"),
    ("1st millennium BC", "-0XXX"),  # 1000-1 BC
    ("3rd millennium BC", "-2XXX"),
    ("2nd millennium", "1XXX"),  # 1000-1999, as the 14th century is 1300-1399
    ("the 1st millennium AD", "0XXX"),
    ("IIe millénaire av. J.-C.", "-1XXX"),
    ("2. Jahrtausend v. Chr.", "-1XXX"),
    ("1350 AH", "1931/1932"),  # a Hijri year: the years AD it overlaps
    ("AH 1350", "1931/1932"),
    ("1446 A.H.", "2024/2025"),  # 7 July 2024 to 25 June 2025
    ("14th century", "13XX"),  # as before
    ("c. 1350", "1350~"),
]


@pytest.mark.parametrize(("value", "edtf"), HISTORIANS_DATES)
def test_historians_centuries_millennia_and_hijri_years(value, edtf):
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("Ides of March 44 BC", "the Ides of March is 15 March, so write '15 March 44 BC'"),
        ("the Ides of March, 44 BC", "write '15 March 44 BC'"),
        ("Ides of January 10 BC", "the Ides of January is 13 January, so write '13 January 10"),
        ("Kalends of May", "is 1 May, so write '1 May' and its year"),
        ("Nones of July 1", "is 7 July, so write '7 July 1'"),
        ("3 days before the Ides of March 44 BC", "counts back from a day of the Roman"),
        ("12 Rabi al-Awwal 1350 AH", "write its day in the Gregorian calendar"),
        ("0 AH", "the Hijri calendar has no year 0"),
        ("9999 AH", "'9999 AH' ends in the year 10323 AD, beyond 9999"),
        ("11th millennium", "there is no such millennium"),
        ("XIV", "is not a date we can read"),  # no century word: not a century
        ("s. XIIII", "is not a date we can read"),  # no Roman numeral
    ],
)
def test_roman_days_and_hijri_dates_say_what_to_write(value, words):
    with pytest.raises(DateError, match=re.escape(words)):
        parse_date(value)


def test_a_hijri_year_beyond_the_time_line_is_a_rows_problem_not_a_crash(tmp_path):
    """ "9999 AH" stopped the whole file with a ValueError from Python's dates."""
    text = "date,title,lat,lon\n9999 AH,Typo,21.4,39.8\n1350 AH,Fine,21.4,39.8\n"
    catalogue, report = read_catalogue(write(tmp_path / "hijri.csv", text))
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [("Fine", "1931/1932")]
    assert [(p.item, p.field) for p in report.problems] == [("row 2", "date")]
    assert "beyond 9999" in report.problems[0].message


def test_historians_dates_read_the_same_in_a_table_and_as_geojson_properties(tmp_path):
    values = [value for value, _ in HISTORIANS_DATES]
    rows = "".join(f'"{value}",{i},46.2,6.1\n' for i, value in enumerate(values))
    table, _ = read_catalogue(write(tmp_path / "eras.csv", f"date,title,lat,lon\n{rows}"))
    features = [_point_feature({"date": v, "title": str(i)}) for i, v in enumerate(values)]
    collection, _ = read_catalogue(write(tmp_path / "eras.geojson", _collection(*features)))
    expected = {str(i): parse_date(v).edtf for i, v in enumerate(values)}
    for catalogue in (table, collection):
        assert {e.title: e.time.edtf for e in catalogue.events} == expected


HIJRI_NOTE = (
    "The file gives '1350 AH', a year of the Hijri (Islamic) calendar, from about 19 May 1931 "
    "to 6 May 1932: read as 1931–1932, the years AD it overlaps."
)


def test_a_hijri_year_carries_a_date_note_in_a_table_geojson_and_kml(tmp_path):
    """ "1350 AH" was read as 1931–1932 and nothing in the details said so."""
    text = "date,title,lat,lon\n1350 AH,Press,21.4,39.8\n1931,Plain,21.4,39.8\n"
    table, _ = read_catalogue(write(tmp_path / "hijri.csv", text))
    features = [_point_feature({"date": "1350 AH", "title": "Press"})]
    collection, _ = read_catalogue(write(tmp_path / "hijri.geojson", _collection(*features)))
    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Press</name>'
        '<ExtendedData><Data name="date"><value>1350 AH</value></Data></ExtendedData>'
        "<Point><coordinates>39.8,21.4</coordinates></Point></Placemark></Document></kml>"
    )
    marks, _ = read_catalogue(write(tmp_path / "hijri.kml", kml))
    for catalogue in (table, collection, marks):
        press = by_title(catalogue)["Press"]
        assert (press.time.edtf, press.date_note) == ("1931/1932", HIJRI_NOTE)
    assert by_title(table)["Plain"].date_note == ""  # a year AD: read as written


@pytest.mark.parametrize(
    "value", ["n/a", "N/A", "-", "unknown", "TBD", "?", "n.d.", "s.d.", "o.J."]
)
def test_a_stand_in_for_an_unknown_date_is_said_to_be_one(value):
    """ "s.d." (sine dato) was told "there is no such century", "n/a" "not a valid EDTF
    date", "unknown" to write its date as 2025-01-17."""
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert str(caught.value) == (
        f"{value!r} says the date is not known: an event needs at least the span it falls in "
        "on the time line (a year, or e.g. '1900/1950'); leave out the row if none is known"
    )


def test_a_span_of_hijri_years_notes_each_end_as_it_was_read(tmp_path):
    """A start and an end in Hijri years: the note said the start was read as the whole span
    (given in days, though both ends are years)."""
    text = "start,end,title,lat,lon\n1350 AH,1352 AH,Span,21.4,39.8\n"
    catalogue, _ = read_catalogue(write(tmp_path / "span.csv", text))
    (event,) = catalogue.events
    assert (event.time.edtf, event.time.describe()) == ("1931/1934", "1931–1934")
    assert event.date_note == (
        f"{HIJRI_NOTE} The file gives '1352 AH', a year of the Hijri (Islamic) calendar, from "
        "about 26 April 1933 to 15 April 1934: read as 1933–1934, the years AD it overlaps."
    )


def test_a_span_whose_ends_are_intervals_keeps_their_precision():
    assert parse_span("1931/1932", "1933/1934").edtf == "1931/1934"
    assert parse_span("1914-1915", "1918").edtf == "1914/1918"
    assert parse_span("2024-06/2024-07", "2024-08-15").edtf == "2024-06/2024-08-15"


def test_a_kml_time_with_a_hijri_year_beside_it_has_no_hijri_note(tmp_path):
    """The note is for the date that was read: a KML TimeStamp wins over an ExtendedData date
    it does not hold, and says nothing of the Hijri year."""
    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Press</name>'
        "<TimeStamp><when>1950-01-01</when></TimeStamp>"
        '<ExtendedData><Data name="date"><value>1350 AH</value></Data></ExtendedData>'
        "<Point><coordinates>39.8,21.4</coordinates></Point></Placemark></Document></kml>"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "stamp.kml", kml))
    press = by_title(catalogue)["Press"]
    assert (press.time.edtf, press.date_note) == ("1950-01-01", "")


def test_a_hijri_year_reopened_from_our_csv_keeps_its_note_once(tmp_path):
    catalogue, _ = read_catalogue(
        write(tmp_path / "hijri.csv", "date,title,lat,lon\n1350 AH,Press,21.4,39.8\n")
    )
    export_catalogue(catalogue, tmp_path / "out.csv", "csv")
    again, report = read_catalogue(tmp_path / "out.csv")
    press = by_title(again)["Press"]
    assert (press.time.edtf, press.date_note) == ("1931/1932", HIJRI_NOTE)
    assert "date_note" not in press.extra and not report


@pytest.mark.parametrize("value", ["1990s or so", "in the 1990s?"])
def test_parse_date_refuses_what_it_cannot_pin_down(value):
    with pytest.raises(DateError, match="not a date we can read"):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("the 1800s", "a decade (1800–1809) or a century (the 19th century)"),
        ("late 1800s", "write 'the 19th century' or '1800/1809'"),
        ("early 2000s", "a decade (2000–2009) or a century (the 21st century)"),
        # a season across two years: only a winter, and only two years in a row
        ("summer 2014–15", "'summer 2014–15': summer lies within one year (only winter spans two)"),
        ("autumn 2014/15", "autumn lies within one year"),
        ("Spring 2014-2015", "write 'spring 2014', 'spring 2015' or 2014/2015"),
        ("winter 2014-16", "a winter spans two years in a row: 'winter 2014–15' is December"),
    ],
)
def test_parse_date_says_why_the_hundreds_or_a_season_are_not_one_span(value, words):
    with pytest.raises(DateError, match=re.escape(words)):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "empty"),
        (None, "empty"),
        ("yesterday", "not a date we can read"),
        ("31 February 2025", "not a real day"),
        ("2025-13-01", "no month 13"),
        ("17/01/25", "four digits"),
        ("17-Jan-25", "four digits"),  # 2025 or 1925: Excel guesses, we ask
        ("Jan-25", "four digits"),
        ("0th century BC", "no such century"),
        ("1e3", "not a date"),  # an exponent: only a spreadsheet's Unix time ("1.7371098e9")
        ("10:30", "not a date we can read"),
        ("Foo 3, 2025", "'foo' is not a month"),
        (12345, "too large for a year"),
        (1.5, "whole number"),
        (True, "not a date"),
        ("2025-01-17/2024-01-01", "ends before it starts"),
    ],
)
def test_parse_date_says_what_is_wrong(value, words):
    with pytest.raises(DateError, match=words):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2020-01-01T25:00", "'2020-01-01T25:00': 25:00 is not a time of day (hours go from 00"),
        ("2020-01-01 24:61", "'2020-01-01 24:61': 24:61 is not a time of day"),
        ("2020-01-01T23:60", "23:60 is not a time of day (minutes go from 00 to 59)"),
        ("2020-01-01T10:00:61Z", "10:00:61 is not a time of day (seconds go from 00 to 59)"),
        ("20200101T250000Z", "25:00:00 is not a time of day"),  # ISO 8601's basic form
        ("1/17/2025 25:30", "25:30 is not a time of day"),  # a spreadsheet's
        ("Fri, 17 Jan 2025 25:00:00 GMT", "25:00:00 is not a time of day"),  # e-mail and RSS
        ("17 January 2025 10:75", "10:75 is not a time of day"),
        ("1/17/2025 13:30 PM", "13:30 PM is not a time of day (with AM or PM, hours go from 1"),
        # ISO 8601's end of the day: no handling of our own, so not silently the day written
        ("2020-01-01T24:00", "24:00 is the end of the day, which could mean either day"),
        ("2020-01-01T24:00:00Z", "write 23:59, or 00:00 of the next day"),
    ],
)
def test_a_date_with_an_impossible_time_of_day_is_refused(value, words):
    """The day is read from the date alone; an hour 25 must not pass unseen as that day."""
    with pytest.raises(DateError, match=re.escape(words)):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2025-01-17T10:00:00+25:00", "'2025-01-17T10:00:00+25:00': +25:00 is not a time-zone "
         "offset (they go from -12:00 to +14:00)"),
        ("2025-01-17T10:00:00+05:75", "+05:75 is not a time-zone offset (minutes go from 00"),
        ("2025-01-17T10:00:00-13:00", "-13:00 is not a time-zone offset"),
        ("2025-01-17 10:00+1500", "+15:00 is not a time-zone offset"),
        ("2025-01-17T10:00:00+99", "+99:00 is not a time-zone offset"),  # hours only
        ("20250117T100000+2500", "+25:00 is not a time-zone offset"),  # ISO 8601's basic form
        ("Fri, 17 Jan 2025 10:00:00 +2500", "+25:00 is not a time-zone offset"),  # e-mail
        ("1/17/2025 10:30 AM -0575", "-05:75 is not a time-zone offset"),
    ],
)  # fmt: skip
def test_a_date_with_an_impossible_time_zone_offset_is_refused(value, words):
    """As an impossible time of day: the day is read as written, so a mistyped offset would
    otherwise pass unseen."""
    with pytest.raises(DateError, match=re.escape(words)):
        parse_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "2025-01-17T10:00:00+14:00", "2025-01-17T10:00:00-12:00", "2025-01-17T10:00:00+05:45",
        "2025-01-17T10:00:00-0930", "2025-01-17T10:00:00+05", "20250117T100000+0530",
        "Fri, 17 Jan 2025 10:00:00 -0800", "2025-01-17T10:00:00Z",
    ],
)  # fmt: skip
def test_real_time_zone_offsets_are_still_read(value):
    assert parse_date(value).edtf == "2025-01-17"


@pytest.mark.parametrize(
    "value",
    ["2020-01-01T23:59:59", "2020-01-01T23:59:60Z", "2020-01-01 00:00", "1/1/2020 12:30 AM"],
)
def test_the_edges_of_a_real_time_of_day_are_still_read(value):
    assert parse_date(value).edtf == "2020-01-01"  # 23:59:60: a leap second


@pytest.mark.parametrize(
    "value", [1737109800.25, "1737109800.25", 1737109800123.5, "1.7371098e9", -631152000.5]
)
def test_unix_time_to_a_fraction_of_a_second_is_that_day(value):
    # Python's time.time() and JavaScript's Date.now() / 1000 keep the fraction
    expected = "1949-12-31" if float(value) < 0 else "2025-01-17"
    assert parse_date(value).edtf == expected
    with pytest.raises(DateError):
        parse_date(value, unix=False)  # a year column: no Unix time, with a fraction or not
    with pytest.raises(DateError, match="a year must be a whole number"):
        parse_date("1979.5")


def test_numeric_dates_with_a_time_of_day_count_in_the_order_guess():
    assert slash_order(["03/04/2025 10:30 AM", "01/17/2025 9:00 PM"]) == ("mdy", False)
    assert slash_order(["03/04/2025 10:30", "05/06/2025 11:00"]) == ("dmy", True)  # both ways
    # dots are day first by convention: no question for a German sheet
    assert slash_order(["03.04.2025", "05.06.2025"]) == ("dmy", False)
    assert slash_order(["03.04.2025", "05/06/2025"]) == ("dmy", True)
    assert parse_date("03/04/2025 10:30", order="mdy").edtf == "2025-03-04"


def test_ambiguous_numeric_dates_follow_the_order_given():
    assert parse_date("03/04/2025").edtf == "2025-04-03"
    assert parse_date("03/04/2025", "mdy").edtf == "2025-03-04"


def test_spans_from_a_start_and_an_end():
    assert parse_span("2025-01-17", "2025-01-20").edtf == "2025-01-17/2025-01-20"
    assert parse_span("1941", "1945").edtf == "1941/1945"
    assert parse_span("2025-01-17", "").edtf == "2025-01-17"  # open end: the start
    assert parse_span(None, "2025-01-17").edtf == "2025-01-17"
    with pytest.raises(DateError, match="before the start"):
        parse_span("2025-02-01", "2025-01-01")


# --- GeoJSON -----------------------------------------------------------------------------------

QGIS_GEOJSON = """{
"type": "FeatureCollection",
"name": "events",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },
"features": [
{ "type": "Feature", "properties": { "fid": 1, "name": "Siege of Leningrad", "begin": "1941-09-08", "end": "1944-01-27", "category": "war" }, "geometry": { "type": "Point", "coordinates": [ 30.3141, 59.9386 ] } },
{ "type": "Feature", "properties": { "fid": 2, "name": "Anglo-Soviet invasion of Iran", "begin": "1941-08-25", "end": "1941-09-17", "category": "war" }, "geometry": { "type": "MultiPolygon", "coordinates": [ [ [ [ 44.0, 39.0 ], [ 48.0, 39.0 ], [ 48.0, 36.0 ], [ 44.0, 36.0 ], [ 44.0, 39.0 ] ] ] ] } },
{ "type": "Feature", "properties": { "fid": 3, "name": "Tehran Conference", "begin": "1943-11-28", "end": "1943-12-01", "category": "diplomacy" }, "geometry": { "type": "Point", "coordinates": [ 51.389, 35.6892, 1190.0 ] } },
{ "type": "Feature", "properties": { "fid": 4, "name": "Persian Corridor", "begin": "1941-09", "end": null, "category": "arms" }, "geometry": { "type": "LineString", "coordinates": [ [ 48.5, 30.4 ], [ 51.4, 35.7 ], [ 49.6, 37.3 ] ] } }
]
}
"""


def test_qgis_geojson_with_begin_and_end(tmp_path):
    path = write(tmp_path / "events.geojson", QGIS_GEOJSON)
    catalogue, report = read_catalogue(path)
    assert not report and report.total == 4
    events = by_title(catalogue)
    assert events["Siege of Leningrad"].time.edtf == "1941-09-08/1944-01-27"
    assert events["Tehran Conference"].time.describe() == "28 November – 1 December 1943"
    assert events["Persian Corridor"].time.edtf == "1941-09"  # the open end is left out
    assert events["Anglo-Soviet invasion of Iran"].category == "war"
    kinds = {t: place_of(catalogue, e).kind for t, e in events.items()}
    assert kinds == {
        "Siege of Leningrad": PlaceKind.POINT,
        "Anglo-Soviet invasion of Iran": PlaceKind.REGION,
        "Tehran Conference": PlaceKind.POINT,
        "Persian Corridor": PlaceKind.ROUTE,
    }
    assert place_of(catalogue, events["Tehran Conference"]).representative == (51.389, 35.6892)
    assert events["Siege of Leningrad"].extra == {"fid": 1}
    guess = guess_fields(path)
    assert guess is not None and not guess.ambiguous
    assert guess.choice.time == TimeSource("begin", "end", "span")


GEOJSON_IO = """{
  "type": "FeatureCollection",
  "features": [
    {
      "type": "Feature",
      "properties": {
        "name": "Bushehr plant goes live",
        "date": "2011-09-12",
        "description": "The reactor is connected to the grid.",
        "marker-color": "#7e7e7e",
        "marker-size": "medium",
        "marker-symbol": ""
      },
      "geometry": {"coordinates": [50.8864, 28.8296], "type": "Point"},
      "id": 0
    },
    {
      "type": "Feature",
      "properties": {"name": "Drone route", "date": "2022-09", "stroke": "#555555",
                     "stroke-width": 2, "stroke-opacity": 1},
      "geometry": {"coordinates": [[51.39, 35.69], [44.0, 44.0], [37.62, 55.75]],
                   "type": "LineString"},
      "id": 1
    },
    {
      "type": "Feature",
      "properties": {"name": "No geometry", "date": "2020-01-01"},
      "geometry": null,
      "id": 2
    }
  ]
}"""


def test_geojson_io_file_with_date(tmp_path):
    path = write(tmp_path / "map.geojson", GEOJSON_IO)
    catalogue, report = read_catalogue(path)
    events = by_title(catalogue)
    bushehr = events["Bushehr plant goes live"]
    assert bushehr.time.edtf == "2011-09-12"
    assert bushehr.summary == "The reactor is connected to the grid."
    assert bushehr.extra["marker-color"] == "#7e7e7e"
    assert events["Drone route"].time.edtf == "2022-09"
    assert place_of(catalogue, events["Drone route"]).kind is PlaceKind.ROUTE
    assert [(p.item, p.field) for p in report.problems] == [
        ("feature 3 ('No geometry')", "name")  # not a place's name either
    ]
    assert "no geometry" in report.problems[0].message
    assert "1 of 3 features could not be read" in report.text()


def test_a_qgis_layer_called_mapexplorer_is_plain_geojson(tmp_path):
    # QGIS writes the layer's name first; a user's layer (or file) may well be "mapexplorer"
    doc = {
        "type": "FeatureCollection",
        "name": "mapexplorer",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [
            {
                "type": "Feature",
                "properties": {"fid": 1, "name": "Siege of Herat", "date": "1837-11-23"},
                "geometry": {"type": "Point", "coordinates": [62.2, 34.35]},
            }
        ],
    }
    path = write(tmp_path / "mapexplorer.geojson", json.dumps(doc))
    catalogue, report = read_catalogue(path)
    assert not report
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [("Siege of Herat", "1837-11-23")]


def test_geojson_with_unix_timestamps(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"title": f"Ping {i}", "timestamp": 1737109800 + i * 86400},
                "geometry": {"type": "Point", "coordinates": [30.5 + i, 50.4]},
            }
            for i in range(3)
        ],
    }
    path = write(tmp_path / "track.json", json.dumps(doc))
    catalogue, report = read_catalogue(path)
    assert not report
    assert [e.time.edtf for e in catalogue.chronological()] == [
        "2025-01-17",
        "2025-01-18",
        "2025-01-19",
    ]
    assert guess_fields(path).choice.time == TimeSource("timestamp", None, "timestamp")


def _midnight_ms(day: str, hours: float) -> int:
    """Unix milliseconds of a day's midnight at a UTC offset, as ArcGIS stores a date."""
    zone = datetime.timezone(datetime.timedelta(hours=hours))
    return int(datetime.datetime.fromisoformat(day).replace(tzinfo=zone).timestamp() * 1000)


@pytest.mark.parametrize(
    ("offsets", "said"),
    [((1, 1, 2), "23:00 or 22:00 UTC"), ((5.5, 5.5, 5.5), "18:30 UTC"), ((-5, -5, -4), None)],
)
def test_arcgis_dates_at_a_local_midnight_read_as_that_day(tmp_path, offsets, said):
    """An ArcGIS feature service's date field is Unix milliseconds at a local midnight: in
    Vienna, 5 March 2024 is 2024-03-04T23:00Z, which read a day early. A column all at a
    time zone's midnight east of Greenwich is read as the next UTC day, and said; west of
    it (New York's 05:00Z), UTC's day is the day already."""
    days = ["2024-03-05", "2024-03-07", "2024-07-12"]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"Name": f"Flood {i}", "EventDate": _midnight_ms(day, hours)},
                "geometry": {"type": "Point", "coordinates": [16.37, 48.21]},
            }
            for i, (day, hours) in enumerate(zip(days, offsets, strict=True))
        ],
    }
    catalogue, report = read_catalogue(write(tmp_path / "query.geojson", json.dumps(doc)))
    assert [e.time.edtf for e in catalogue.events] == days
    assert not report.problems
    lines = [n for n in report.notes if "midnight" in n]
    if said is None:
        assert not lines
    else:
        (line,) = lines
        assert line.startswith(f"'EventDate' holds Unix times at {said} (3 features)")
        assert "as 5 March 2024" in line


def test_arcgis_dates_written_as_text_in_geojson_read_as_that_day(tmp_path):
    """Milliseconds written as text ("1709593200000") were said to be read as the next day,
    and read as UTC's day all the same."""
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"Name": f"E{i}", "EventDate": str(_midnight_ms(day, 1))},
                "geometry": {"type": "Point", "coordinates": [16.37, 48.21]},
            }
            for i, day in enumerate(["2024-03-05", "2024-03-06", "2024-03-15"])
        ],
    }
    catalogue, _ = read_catalogue(write(tmp_path / "text.geojson", json.dumps(doc)))
    assert [e.time.edtf for e in catalogue.events] == ["2024-03-05", "2024-03-06", "2024-03-15"]


@pytest.mark.parametrize(
    "times",
    [
        [1709593200000, 1709593200000 + 3_723_000, 1709593200000 + 86_400_000 * 2 + 61_000],
        [_midnight_ms("2024-03-05", -12), _midnight_ms("2024-03-08", -12)],  # noon UTC
    ],
)
def test_unix_dates_not_all_at_a_midnight_are_utcs_days(tmp_path, times):
    """A clock's times (varying), and dates kept at noon UTC, are read as UTC's days."""
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"Name": f"Quake {i}", "date": value},
                "geometry": {"type": "Point", "coordinates": [16.37, 48.21]},
            }
            for i, value in enumerate(times)
        ],
    }
    catalogue, report = read_catalogue(write(tmp_path / "quakes.geojson", json.dumps(doc)))
    expected = [
        datetime.datetime.fromtimestamp(v / 1000, datetime.UTC).date().isoformat() for v in times
    ]
    assert [e.time.edtf for e in catalogue.events] == expected
    assert not [n for n in report.notes if "midnight" in n]


def test_geojson_features_with_their_own_time_keys(tmp_path):
    """Most features have `date`; those without it are read from the time they do have,
    and one whose only time does not read is reported under that property's name."""
    own = [
        ("Fall of Constantinople", {"date": "1453-05-29"}),
        ("Paris attacks", {"date": "2015-11-13"}),
        ("Ottoman Empire", {"start": "1299", "end": "1922"}),
        ("Unix ms", {"timestamp": 1447446000000}),
        ("Founding", {"year": 1923}),
        ("Empty date", {"date": "", "begin": "1914-07-28", "end": "1918-11-11"}),
        ("Bad stamp", {"timestamp": "whenever"}),
        ("Nothing", {"note": "no time at all"}),
    ]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [28.9 + n / 100, 41.0]},
            "properties": {"title": title, **props},
        }
        for n, (title, props) in enumerate(own)
    ]
    path = write(
        tmp_path / "mixed.geojson", json.dumps({"type": "FeatureCollection", "features": features})
    )
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Fall of Constantinople": "1453-05-29",
        "Paris attacks": "2015-11-13",
        "Ottoman Empire": "1299/1922",
        "Unix ms": "2015-11-13",
        "Founding": "1923",
        "Empty date": "1914-07-28/1918-11-11",
    }
    assert [(p.item, p.field) for p in report.problems] == [
        ("feature 7 ('Bad stamp')", "timestamp"),
        ("feature 8 ('Nothing')", "date"),
    ]
    assert "'whenever'" in report.problems[0].message
    assert report.problems[1].message == "the feature has no 'date' property (nor any other date)"


def test_geojson_with_only_a_year(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Revolution", "year": 1979},
                "geometry": {"type": "Point", "coordinates": [51.389, 35.689]},
            },
            {
                "type": "Feature",
                "properties": {"name": "Treaty", "year": 1828.0},  # pandas writes floats
                "geometry": {"type": "Point", "coordinates": [46.3, 38.1]},
            },
            {
                "type": "Feature",
                "properties": {"name": "Caesar", "year": -43},
                "geometry": {"type": "Point", "coordinates": [12.48, 41.89]},
            },
        ],
    }
    path = write(tmp_path / "years.geojson", json.dumps(doc))
    events = by_title(open_catalogue(path))
    assert events["Revolution"].time.describe() == "1979"
    assert events["Treaty"].time.edtf == "1828"
    assert events["Caesar"].time.describe() == "44 BC"


def test_geojson_features_grouped_by_event_id(tmp_path):
    feature = {"type": "Feature", "properties": {"event_id": "summit", "title": "Summit",
                                                  "date": "2024-10-23", "city": "Kazan"},
               "geometry": {"type": "Point", "coordinates": [49.1, 55.8]}}  # fmt: skip
    other = json.loads(json.dumps(feature))
    other["properties"]["city"] = "Moscow"
    other["geometry"]["coordinates"] = [37.62, 55.75]
    path = write(tmp_path / "grouped.geojson", json.dumps(
        {"type": "FeatureCollection", "features": [feature, other]}))  # fmt: skip
    catalogue = open_catalogue(path)
    (event,) = catalogue.events
    assert event.id == "summit"
    assert [p.name for p in catalogue.places_of(event)] == ["Kazan", "Moscow"]


def _collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _point_feature(props: dict, lon: float = 6.14, **top) -> dict:
    geometry = {"type": "Point", "coordinates": [lon, 46.2]}
    return {"type": "Feature", **top, "geometry": geometry, "properties": props}


def test_a_geojson_features_own_id_is_its_event_id(tmp_path):
    """RFC 7946's Feature `id`: the event's id when no property gives one, and a title better
    than "Feature 1" when nothing else names the feature and the id is a word."""
    path = write(tmp_path / "ids.geojson", _collection(
        _point_feature({"date": "1985-11-19"}, id="summit-1985"),
        _point_feature({"date": "1985-11-20", "title": "Talks"}, 7.0, id=42),
        _point_feature({"date": "1985-11-21"}, 8.0, id=7),
        _point_feature({"date": "1985-11-22", "title": "Dinner"}, 9.0, id="way/4089"),
    ))  # fmt: skip
    catalogue, _ = read_catalogue(path)
    assert [(e.id, e.title) for e in catalogue.events] == [
        ("summit-1985", "summit-1985"),
        ("42", "Talks"),
        ("7", "Feature 3"),  # a number says less than the feature's place in the file
        ("way-4089", "Dinner"),
    ]
    # Beside another property of short text ("leader"), a word id still titles the feature:
    # the untitled table's title column (`_label_column`) is for tables, not named features.
    led = write(tmp_path / "led.geojson", _collection(
        _point_feature({"date": "1985-11-19", "leader": "Reagan"}, id="summit-1985"),
    ))  # fmt: skip
    assert [e.title for e in read_catalogue(led)[0].events] == ["summit-1985"]


def test_a_geojson_features_own_id_is_kept_beside_an_event_id_property(tmp_path):
    path = write(tmp_path / "both.geojson", _collection(
        _point_feature({"date": "1985-11-19", "event_id": "summit", "title": "Summit"}, id="f-17"),
        _point_feature({"date": "1985-11-20", "title": "Talks"}, 7.0, id="f-18"),  # no event_id
    ))  # fmt: skip
    catalogue, _ = read_catalogue(path)
    summit, talks = catalogue.events
    assert (summit.id, summit.extra["feature_id"]) == ("summit", "f-17")
    assert (talks.id, "feature_id" in talks.extra) == ("f-18", False)
    export_catalogue(catalogue, tmp_path / "again.geojson", "geojson")  # kept by our export
    again = open_catalogue(tmp_path / "again.geojson")
    assert again.event("summit").extra["feature_id"] == "f-17"


def test_a_geojson_title_in_a_language_or_form_is_a_title(tmp_path):
    path = write(tmp_path / "names.geojson", _collection(
        _point_feature({"date": "1985-11-19", "name:en": "Geneva talks", "place_name": "Geneva"}),
        _point_feature({"date": "1985-11-20", "NAME_LONG": "Summit at Reykjavik"}, 7.0),
    ))  # fmt: skip
    guess = guess_fields(path)
    assert guess.choice.title == "name:en"
    assert guess.choice.place == "place_name"  # not a title
    assert "NAME_LONG" in guess.candidates["title"]
    catalogue, _ = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Geneva talks", "Feature 2"]


def test_geojson_properties_in_an_object_are_read_by_their_names(tmp_path):
    """{"properties": {"info": {"name": …, "date": …}}}, as scripts and APIs nest them: the
    file was refused with "no property holds a date …; the properties are 'info'"."""
    path = write(tmp_path / "nested.geojson", _collection(
        _point_feature({"info": {"name": "A", "date": "2020-01-02", "source": "x"}}),
        _point_feature({"info": {"name": "B", "date": "2020-01-05"}, "info.date": "2020-02-01"},
                       7.0),
        _point_feature({"info": {"name": "C", "start": "2020-03-01", "end": "2020-03-04",
                                 "description": "Three days"}}, 8.0),
        _point_feature({"info": {"name": "D"}, "meta": {"timestamp": 1577836800}}, 9.0),
    ))  # fmt: skip
    guess = guess_fields(path)
    assert (guess.choice.title, guess.choice.time.field) == ("info.name", "info.date")
    assert "info" not in guess.fields  # the object itself is no text: no title, no summary
    catalogue, report = read_catalogue(path)
    events = {e.title: e for e in catalogue.events}
    assert events["A"].time.edtf == "2020-01-02"
    assert events["B"].time.edtf == "2020-02-01"  # a property of that name wins over a member
    assert (events["C"].time.edtf, events["C"].summary) == ("2020-03-01/2020-03-04", "Three days")
    # The object is kept whole, as the file has it (not its members again one by one).
    assert events["A"].extra == {"info": {"name": "A", "date": "2020-01-02", "source": "x"}}
    # A record's metadata (osmtogeojson's "meta": when it was edited) is no event's date.
    assert [str(p) for p in report.problems] == [
        "feature 4 ('D'), field 'info.date': the feature has no 'info.date' property (nor any "
        "other date)"
    ]
    export_catalogue(catalogue, tmp_path / "again.geojson", "geojson")
    again = open_catalogue(tmp_path / "again.geojson")
    assert again.event(events["A"].id).extra["info"]["source"] == "x"


# --- CSV ---------------------------------------------------------------------------------------

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags"
)
ACLED_ROWS = [
    "UKR212345,17 January 2025,2025,1,Political violence,Explosions/Remote violence,Air/drone "
    "strike,Military Forces of Russia (2000-),,8,Civilians (Ukraine),,7,87,Civilian targeting,"
    "804,Europe,Ukraine,Kyiv,Kyiv,,Kyiv,50.4501,30.5234,1,Ukrainska Pravda,National,"
    '"On 17 January 2025, Russian forces struck Kyiv with drones; 2 civilians were injured.",0,',
    "UKR212346,18 January 2025,2025,1,Demonstrations,Protests,Peaceful protest,Protesters "
    "(Ukraine),Women (Ukraine); Students (Ukraine),6,,,,60,,804,Europe,Ukraine,Lvivska,Lvivskyi,"
    ',Lviv,49.8397,24.0297,1,Suspilne,National,"Women and students rallied.",0,crowd size=100',
    "UKR212347,19 January 2025,2025,1,Political violence,Battles,Armed clash,Military Forces of "
    "Ukraine (2019-),,1,Military Forces of Russia (2000-),,8,18,,804,Europe,Ukraine,Donetska,"
    "Pokrovskyi,,Pokrovsk,48.2828,37.1758,2,Ministry of Defence of Ukraine,National,"
    '"Clashes near Pokrovsk.",3,',
]


@pytest.mark.parametrize("name", ["headline_en", "label_de", "Ereignis", "Titel", "nom", "evento"])
def test_a_wide_tables_title_column_is_found_by_its_name(tmp_path, name):
    """Among 40 columns, a title column named in a language ("headline_en") was not found:
    each event was "Row 2", "Row 3"…; the other names were."""
    others = [f"c{i}" for i in range(36)]
    header = ["event_id", "date", "lat", "lon", *others[:18], name, *others[18:]]
    rows = [
        [str(n), f"2024-06-0{n + 1}", "48.1", "11.5", *["7"] * 18, f"Flood {n}", *["7"] * 18]
        for n in range(3)
    ]
    text = "\n".join(",".join(row) for row in [header, *rows]) + "\n"
    catalogue = open_catalogue(write(tmp_path / "wide.csv", text))
    assert [e.title for e in catalogue.events] == ["Flood 0", "Flood 1", "Flood 2"]


def test_a_title_column_under_a_name_we_do_not_know_titles_the_events(tmp_path):
    """A Wikipedia table ("Date | Battle | Coordinates"): each event was "Row 2", "Row 3"…
    The first column no role took whose cells are short text titles them; numbers, dates,
    links and columns read otherwise do not."""
    text = (
        "Date,Casualties,Source,Reported,Battle,Result,Latitude,Longitude\n"
        "1916-07-01,1000000,https://en.wikipedia.org/wiki/Somme,July 1916,Somme,"
        "Stalemate,50.0,2.7\n"
        "1916-02-21,700000,https://en.wikipedia.org/wiki/Verdun,Feb 1916,Verdun,"
        "French victory,49.2,5.4\n"
    )
    path = write(tmp_path / "battles.csv", text)
    assert [e.title for e in open_catalogue(path).events] == ["Somme", "Verdun"]
    assert guess_fields(path).choice.title == "Battle"
    # A table with no such column keeps its rows' numbers as titles, as before.
    bare = write(tmp_path / "bare.csv", "date,lat,lon,deaths\n2024-01-01,1,2,3\n")
    assert [e.title for e in open_catalogue(bare).events] == ["Row 2"]
    # Nor is a column another role could take: "France" is no title beside "Paris".
    places = write(tmp_path / "places.csv", "date,city,country\n2024-01-01,Paris,France\n")
    assert guess_fields(places).choice.title is None
    assert [e.title for e in open_catalogue(places).events] == ["Paris"]  # by its place
    # A column about the record is no title: the event is titled by its place, as before.
    sourced = write(tmp_path / "sourced.csv", "date,city,source\n2024-01-01,Paris,Reuters\n")
    assert [e.title for e in open_catalogue(sourced).events] == ["Paris"]


@pytest.mark.parametrize(
    ("column", "cells", "edtf"),
    [
        ("Season", ("2010/11", "2011/12"), ("2010/2011", "2011/2012")),  # a football table's
        ("Reign", ("1509–1547", "1558–1603"), ("1509/1547", "1558/1603")),
        ("Term", ("March 2009 – 2017", "2017–2021"), ("2009-03/2017", "2017/2021")),
    ],
)
def test_a_column_of_dates_under_another_name_is_the_time_when_none_is_named(
    tmp_path, column, cells, edtf
):
    """ "Season | Club | City": refused as having no date column, though every cell of one is
    a date. With no column named as a date, one whose every cell is a written date is."""
    text = f"{column},Who,lat,lon\n{cells[0]},A,41.4,2.2\n{cells[1]},B,51.5,-0.1\n"
    catalogue = open_catalogue(write(tmp_path / "table.csv", text))
    assert tuple(e.time.edtf for e in catalogue.events) == edtf
    # A column of other things, numbers among them, is no date: refused as before.
    other = write(tmp_path / "other.csv", "Goals,Club,lat,lon\n2011,A,41.4,2.2\n3,B,1,1\n")
    with pytest.raises(FormatError, match="no date column found"):
        open_catalogue(other)


def test_usgs_earthquake_csv_is_titled_as_usgs_titles_its_events(tmp_path):
    """A USGS earthquake CSV titled every event 'earthquake' (its `type` column): each is
    titled by its magnitude and place, as USGS titles them, its type the category and its
    magnitude kept as a field."""
    header = (
        "time,latitude,longitude,depth,mag,magType,nst,gap,dmin,rms,net,id,updated,place,type,"
        "horizontalError,depthError,magError,magNst,status,locationSource,magSource\n"
    )
    rows = (
        "2024-03-15T14:14:54.326Z,37.5621,141.6872,49.418,5.8,mww,158,48,2.081,0.83,us,"
        'us7000m9g4,2024-06-08T21:15:27.040Z,"87 km E of Namie, Japan",earthquake,6.9,5.3,'
        "0.059,28,reviewed,us,us\n"
        "2024-02-10T03:00:00.000Z,46.1,-122.2,2,2,md,10,100,0.1,0.1,uw,uw123,"
        '2024-02-11T00:00:00.000Z,"10 km NE of Mount St. Helens, Washington",explosion,1,1,1,'
        "1,reviewed,uw,uw\n"
    )
    catalogue = open_catalogue(write(tmp_path / "query.csv", header + rows))
    quake, blast = catalogue.event("us7000m9g4"), catalogue.event("uw123")
    assert (quake.title, quake.category) == ("M 5.8 – 87 km E of Namie, Japan", "earthquake")
    assert (blast.title, blast.category) == (
        "M 2.0 – 10 km NE of Mount St. Helens, Washington",
        "explosion",
    )
    assert quake.extra["mag"] == "5.8"
    assert place_of(catalogue, quake).representative == (141.6872, 37.5621)


def test_a_usgs_geojson_feeds_earthquakes_are_on_their_local_days(tmp_path):
    """USGS's GeoJSON feed times each earthquake in UTC's Unix milliseconds: Taiwan's of 07:58
    on 3 April 2024 read as 2 April; it is the local day where it happened."""

    def quake(code: str, time: int, lon: float, lat: float) -> dict:
        props = {"mag": 7.4, "place": "Hualien", "time": time, "updated": time, "tz": None}
        props |= {"tsunami": 1, "sig": 1200, "magType": "mww", "type": "earthquake"}
        props["title"] = f"M 7.4 - {code}"
        geometry = {"type": "Point", "coordinates": [lon, lat, 34.7]}
        return {"type": "Feature", "id": code, "properties": props, "geometry": geometry}

    feed = {
        "type": "FeatureCollection",
        "features": [
            quake("tw", 1712102291405, 121.5616, 23.819),  # 2024-04-02T23:58:11Z
            quake("uk", 1712102291405, -1.5, 53.0),  # 00:58 on 3 April in British summer
            quake("ak", 1712116800000, -150.0, 61.2),  # 04:00Z: 20:00 on 2 April in Alaska
        ],
    }
    catalogue, report = read_catalogue(
        write(tmp_path / "significant_month.geojson", json.dumps(feed))
    )
    assert [catalogue.event(i).time.edtf for i in ("tw", "uk", "ak")] == [
        "2024-04-03",
        "2024-04-03",
        "2024-04-02",
    ]
    assert any(n.startswith("'time' is in UTC: the times of 3 earthquakes") for n in report.notes)


def test_usgs_earthquake_times_are_the_local_days_where_they_happened(tmp_path):
    """USGS writes UTC: Taiwan's earthquake of 07:58 on 3 April 2024 (23:58 UTC on the 2nd)
    read as 2 April, and one at 19:00 in Washington State a day late; each is the local day
    of the nearest town's time zone, the report saying so."""
    header = "time,latitude,longitude,depth,mag,magType,id,place,type\n"
    rows = (
        "2024-04-02T23:58:11.405Z,23.8190,121.5616,34.7,7.4,mww,tw,"
        '"18 km SSW of Hualien City, Taiwan",earthquake\n'
        '2024-02-10T03:00:00.000Z,46.1,-122.2,2,2.1,md,wa,"Mount St. Helens",earthquake\n'
    )
    catalogue, report = read_catalogue(write(tmp_path / "query.csv", header + rows))
    assert [catalogue.event(i).time.edtf for i in ("tw", "wa")] == ["2024-04-03", "2024-02-09"]
    assert (
        "'time' is in UTC: the times of 2 earthquakes read as the local time of the nearest "
        "town's time zone, so each is on the day it was where it happened"
    ) in report.notes


def test_acled_export(tmp_path):
    path = write(tmp_path / "acled.csv", "\n".join([ACLED_COLUMNS, *ACLED_ROWS]) + "\n")
    guess = guess_fields(path)
    assert not guess.ambiguous, guess.reasons  # event_date and year agree
    assert guess.chosen["time"] == "event_date"
    assert (guess.choice.lat, guess.choice.lon) == ("latitude", "longitude")
    catalogue, report = read_catalogue(path)
    assert not report and report.events == 3
    strike = catalogue.event("ukr212345")
    assert strike.time.edtf == "2025-01-17"
    assert strike.title == "Air/drone strike in Kyiv"  # not "Air/drone strike" a thousand times
    assert strike.category == "war"  # coloured as the app's category
    assert strike.extra["event_type"] == "Explosions/Remote violence"  # and ACLED's kept
    assert strike.actors == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")
    assert strike.summary.startswith("On 17 January 2025")
    assert place_of(catalogue, strike).name == "Kyiv"
    assert place_of(catalogue, strike).representative == (30.5234, 50.4501)
    assert strike.extra["fatalities"] == "0"
    protest = catalogue.event("ukr212346")
    assert protest.actors == ("Protesters (Ukraine)", "Women (Ukraine)", "Students (Ukraine)")
    assert (protest.title, protest.category) == ("Peaceful protest in Lviv", "politics")
    assert catalogue.event("ukr212347").category == "war"  # Battles


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "title", "category"),
    [
        ("Violence against civilians", "Attack", "Attack in Kyiv", "war"),
        ("Riots", "Mob violence", "Mob violence in Kyiv", "politics"),
        ("Strategic developments", "Agreement", "Agreement in Kyiv", "diplomacy"),
        (
            "Strategic developments",
            "Disrupted weapons use",
            "Disrupted weapons use in Kyiv",
            "arms",
        ),
        ("Strategic developments", "Other", "Strategic developments in Kyiv", "other"),
    ],
)
def test_acled_event_types_are_the_apps_categories(
    tmp_path, event_type, sub_event_type, title, category
):
    row = ACLED_ROWS[0].replace(
        "Explosions/Remote violence,Air/drone strike", f"{event_type},{sub_event_type}"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "acled.csv", f"{ACLED_COLUMNS}\n{row}\n"))
    (event,) = catalogue.events
    assert (event.title, event.category, event.extra["event_type"]) == (title, category, event_type)


def test_acled_dates_known_to_within_a_week_or_a_month_are_that_week_or_month(tmp_path):
    """ACLED writes a day for an event its sources date only to a week (time_precision 2) or
    a month (3), and those were drawn as exact days: they are the seven days around that day
    and its month, drawn soft, the date note and the report saying why; the code is kept."""
    week = ACLED_ROWS[1].replace(",2025,1,", ",2025,2,", 1)
    month = ACLED_ROWS[2].replace(",2025,1,", ",2025,3,", 1)
    path = write(tmp_path / "acled.csv", "\n".join([ACLED_COLUMNS, ACLED_ROWS[0], week, month]))
    catalogue, report = read_catalogue(path)
    assert catalogue.event("ukr212345").time.is_exact  # time_precision 1: the day
    protest, clash = catalogue.event("ukr212346"), catalogue.event("ukr212347")
    assert protest.time.edtf == "2025-01-15/2025-01-21" and not protest.time.is_exact
    assert protest.date_note == (
        "ACLED gives 18 January 2025 with time_precision 2: the date is known to within a "
        "week, so read as 15–21 January 2025."
    )
    assert clash.time.edtf == "2025-01" and clash.extra["time_precision"] == "3"
    assert clash.date_note.endswith("known to within a month, so read as January 2025.")
    assert report.notes == [
        "row 3: time_precision 2, ACLED's date known only to within a week, read as the seven "
        "days around event_date (18 January 2025 as 15–21 January 2025)",
        "row 4: time_precision 3, ACLED's date known only to within a month, read as the "
        "month of event_date (19 January 2025 as January 2025)",
    ]
    other = "date,title,lat,lon,time_precision\n2025-01-17,A,1,1,3\n"  # not ACLED: as written
    assert read_catalogue(write(tmp_path / "other.csv", other))[0].events[0].time.is_exact


@pytest.mark.parametrize(
    "header",
    [
        "Datum,Titel,Ort,Breite,Länge,Beschreibung",  # German
        "date,titre,lieu,latitude,longitude,description",  # French
        # A French administration's export, in Latin-1: its title was taken for nothing, and
        # each event was named after its place
        "Date,Libellé,Ville,Latitude,Longitude,Remarque",
        "Datum,Titel,Ort,Breite,Länge,Anmerkung",  # German
        "Datum,Titel,Plaats,Breedtegraad,Lengtegraad,Opmerking",  # Dutch
        "fecha,título,lugar,latitud,longitud,descripción",  # Spanish
        "data,título,lugar,latitude,longitude,descrição",  # Portuguese
        "data,titolo,luogo,latitudine,longitudine,descrizione",  # Italian
        "Datum,Titel,Plaats,Breedtegraad,Lengtegraad,Beschrijving",  # Dutch
    ],
)
def test_columns_named_in_other_languages_are_recognised(tmp_path, header):
    text = f"{header}\n17/01/2025,Treaty,Moscow,55.7558,37.6173,Signed\n"
    path = write(tmp_path / "events.csv", text, "latin-1" if "Libellé" in header else "utf-8")
    guess = guess_fields(path)
    names = header.split(",")
    chosen = guess.choice
    assert (chosen.time, chosen.title, chosen.place) == (TimeSource(names[0]), *names[1:3])
    assert (chosen.lat, chosen.lon, chosen.description) == tuple(names[3:])
    assert not guess.ambiguous and not guess.missing
    catalogue, _ = read_catalogue(path)
    (event,) = catalogue.events
    assert (event.title, event.time.edtf, event.summary) == ("Treaty", "2025-01-17", "Signed")
    assert place_of(catalogue, event).name == "Moscow"


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        ("Latitude (WGS84)", "Longitude (WGS84)"),
        ("Latitude [deg]", "Longitude [deg]"),
        ("lat_dd", "lon_dd"),
        ("Latitude (decimal degrees)", "Longitude (decimal degrees)"),
        ("Lat N", "Long E"),
    ],
)
def test_coordinate_columns_that_name_their_unit_or_datum_are_read(tmp_path, lat, lon):
    """ "Latitude (WGS84)" was no latitude: the file was refused, "no latitude/longitude, WKT or
    place-name column found", naming the very columns."""
    text = f'Event,Date,"{lat}","{lon}"\nA,2024-01-01,48.85,2.35\n'
    catalogue, _ = read_catalogue(write(tmp_path / "units.csv", text))
    assert place_of(catalogue, catalogue.events[0]).representative == (2.35, 48.85)
    # A bounding box's corners are no point's coordinates: not read as one.
    box = "Event,Date,latitude_min,longitude_min\nA,2024-01-01,48.85,2.35\n"
    with pytest.raises(FormatError, match="no latitude/longitude"):
        read_catalogue(write(tmp_path / "box.csv", box))


def test_a_column_called_data_is_a_date_only_in_want_of_one(tmp_path):
    """Portuguese and Italian for "date"; in English, a column of anything."""
    both = write(tmp_path / "both.csv", "date,title,lat,lon,data\n2025-01-17,A,1,1,1999\n")
    guess = guess_fields(both)
    assert guess.choice.time == TimeSource("date")
    assert not guess.ambiguous  # 1999 is not a second date to ask about
    assert read_catalogue(both)[0].events[0].extra["data"] == "1999"
    numbers = write(tmp_path / "numbers.csv", "title,lat,lon,data\nA,1,1,1999\nB,1,1,2000\n")
    assert guess_fields(numbers).choice.time is None  # counts, not years
    with pytest.raises(FormatError, match="no date column"):
        read_catalogue(numbers)


def test_a_csv_row_with_an_impossible_time_of_day_is_left_out_and_named(tmp_path):
    rows = [f"{c},2020-01-0{i}T10:00,35.6,51.4" for i, c in enumerate("CDEF", 2)]
    text = "title,date,lat,lon\nA,2020-01-01T25:00,35.6,51.4\nB,2020-01-01 24:61,35.6,51.4\n"
    path = write(tmp_path / "times.csv", text + "\n".join(rows) + "\n")
    catalogue, report = read_catalogue(path)
    assert sorted(by_title(catalogue)) == ["C", "D", "E", "F"]  # not A and B on 1 January
    problems = "\n".join(str(problem) for problem in report.problems)
    assert "row 2, field 'date': '2020-01-01T25:00': 25:00 is not a time of day" in problems
    assert "row 3, field 'date': '2020-01-01 24:61': 24:61 is not a time of day" in problems


def test_a_csv_row_with_an_impossible_time_zone_offset_is_left_out_and_named(tmp_path):
    rows = [f"{c},2025-01-0{i}T10:00:00+01:00,35.6,51.4" for i, c in enumerate("CDEF", 2)]
    text = "title,date,lat,lon\nA,2025-01-17T10:00:00+25:00,35.6,51.4\n"
    text += "B,2025-01-17T10:00:00+05:75,35.6,51.4\n"
    path = write(tmp_path / "zones.csv", text + "\n".join(rows) + "\n")
    catalogue, report = read_catalogue(path)
    assert sorted(by_title(catalogue)) == ["C", "D", "E", "F"]  # not A and B on 17 January
    problems = "\n".join(str(problem) for problem in report.problems)
    assert "row 2, field 'date': '2025-01-17T10:00:00+25:00': +25:00 is not a time-zone" in problems
    assert "row 3, field 'date': '2025-01-17T10:00:00+05:75': +05:75 is not a time-zone" in problems


ERA_ROWS = """date,title,lat,lon,era
1946/1979,Iran under the Shah,35.7,51.4,Cold War
1953-08-19,Coup,35.7,51.4,Cold War
1979-02-11,Revolution,35.7,51.4,Islamic Republic
1980-09-22,Iran-Iraq war begins,30.4,48.3,Islamic Republic
1991-12-26,USSR collapses,55.75,37.6,post-soviet-years
2001-03-12,Treaty,55.75,37.6,post-soviet-years
"""


def test_an_era_column_makes_the_sliders_bands(tmp_path):
    """Each event had its era, but the slider showed no chapters: the native file's eras
    (one after another) are made from the events that name them."""
    catalogue, report = read_catalogue(write(tmp_path / "eras.csv", ERA_ROWS))
    assert not report
    assert [(e.id, e.label, e.time.edtf) for e in catalogue.eras] == [
        ("Cold War", "Cold War", "1946-01-01/1979-02-10"),  # to the day before the next
        ("Islamic Republic", "Islamic Republic", "1979-02-11/1991-12-25"),
        ("post-soviet-years", "Post soviet years", "1991-12-26/2001-03-12"),  # an id, in words
    ]
    assert catalogue.era_at(parse_date("1985").start).id == "Islamic Republic"
    assert by_title(catalogue)["Coup"].era == "Cold War"


@pytest.mark.parametrize("column", ["Epoche", "époque", "Época", "Kapitel", "chapitre"])
def test_an_era_column_named_in_another_language_makes_the_bands(tmp_path, column):
    text = "Datum;Titel;Breite;Länge;" + column + "\n"
    text += "19.08.1953;Putsch;35,7;51,4;Kalter Krieg\n"
    text += "11.02.1979;Revolution;35,7;51,4;Islamische Republik\n"
    catalogue, _ = read_catalogue(write(tmp_path / "epochen.csv", text))
    assert [e.label for e in catalogue.eras] == ["Kalter Krieg", "Islamische Republik"]


def test_a_geojson_era_property_makes_the_sliders_bands(tmp_path):
    features = [
        _point_feature({"date": "2020-01-05", "title": "A", "chapter": "Before"}),
        _point_feature({"date": "2021-06-01", "title": "B", "chapter": "After"}),
    ]
    catalogue, _ = read_catalogue(write(tmp_path / "eras.geojson", _collection(*features)))
    assert [(e.id, e.time.edtf) for e in catalogue.eras] == [
        ("Before", "2020-01-05/2021-05-31"),
        ("After", "2021-06-01"),
    ]


def test_eras_that_interleave_make_no_bands_and_the_report_names_them(tmp_path):
    """Tags or recurring phases, not chapters: side by side bands cannot show them. The slider
    showed no chapters and nothing said why; the report names the eras that overlap."""
    text = ERA_ROWS + "2005-01-01,Late coup,35.7,51.4,Cold War\n"
    catalogue, report = read_catalogue(write(tmp_path / "mixed.csv", text))
    assert catalogue.eras == [] and not report.problems  # no bands
    assert by_title(catalogue)["Late coup"].era == "Cold War"  # each event keeps its era
    assert not report.notes  # every row read as written: the headline does not say otherwise
    assert report.headline() == "mixed.csv: all 7 rows read as written; a note on the file:"
    assert report.about() == "A note on the file"
    assert report.asides == [
        "the eras overlap, and the time slider's chapters follow one another, so it shows "
        "none (each event keeps its era; the years are when their events start): 'Cold War' "
        "(1946–2005) overlaps 'Islamic Republic' (1979–1980) and 'post-soviet-years' "
        "(1991–2001)"
    ]
    many = "date,title,lat,lon,era\n" + "".join(
        f"{2000 + n}-01-01,E{n},1,1,period-{n}\n" for n in range(50)
    )
    catalogue, report = read_catalogue(write(tmp_path / "many.csv", many))
    assert catalogue.eras == []  # not chapters
    assert report.asides == [
        "the 50 eras are more than the 40 the time slider shows as chapters, so it shows "
        "none; each event keeps its era"
    ]


def test_geojson_eras_that_overlap_are_named_in_the_report_before_christ(tmp_path):
    features = [
        _point_feature({"date": "500 BC", "title": "A", "era": "Archaic"}),
        _point_feature({"date": "480 BC", "title": "B", "era": "Classical"}),
        _point_feature({"date": "470 BC", "title": "C", "era": "Archaic"}),
        _point_feature({"date": "323 BC", "title": "D", "era": "Hellenistic"}),
    ]
    catalogue, report = read_catalogue(write(tmp_path / "greece.geojson", _collection(*features)))
    assert catalogue.eras == []
    assert report.asides[0].endswith("'Archaic' (500 BC–470 BC) overlaps 'Classical' (480 BC)")
    assert "Hellenistic" not in report.asides[0]  # it follows the others: not said to overlap


def test_acled_with_an_upload_timestamp_reads_the_event_date_without_asking(tmp_path):
    """ACLED's `timestamp` is when ACLED uploaded the record, not a second date of the
    event: beside `event_date` it asked "which date?" on every ACLED file a journalist opened.
    The ACLED layout is recognised by its columns and read by its event date; the upload time
    is kept as a field. Another file's date and timestamp that disagree still ask."""
    header = ACLED_COLUMNS + ",timestamp"
    rows = [row + ",1737500000" for row in ACLED_ROWS]  # the day ACLED uploaded them
    path = write(tmp_path / "acled.csv", "\n".join([header, *rows]))
    guess = guess_fields(path)
    assert not guess.ambiguous, guess.reasons
    assert guess.choice.time == TimeSource("event_date")
    assert TimeSource("timestamp", None, "timestamp") in guess.candidates["time"]  # to choose
    catalogue, report = read_catalogue(path)
    assert not report and not report.unsure
    strike = catalogue.event("ukr212345")
    assert strike.time.edtf == "2025-01-17"
    assert strike.extra["timestamp"] == "1737500000"
    other = "date,title,lat,lon,timestamp\n2025-01-17,A,1,1,1737500000\n"  # not ACLED
    assert guess_fields(write(tmp_path / "other.csv", other)).ambiguous


def test_spreadsheet_csv_latin1_semicolons_decimal_commas(tmp_path):
    text = (
        "Lat;Long;Date;Title;Description\r\n"
        "48,1372;11,5756;17/01/2025;Demo in München;Große Kundgebung am Marienplatz\r\n"
        "52,5200;13,4050;03/02/2025;Café-Gespräch in Berlin;Über Außenpolitik\r\n"
        "\r\n"
    )
    path = write(tmp_path / "Tabelle1.csv", text, "latin-1")
    catalogue, report = read_catalogue(path)
    assert not report
    events = by_title(catalogue)
    munich = events["Demo in München"]
    assert munich.summary == "Große Kundgebung am Marienplatz"
    assert munich.time.edtf == "2025-01-17"
    assert events["Café-Gespräch in Berlin"].time.edtf == "2025-02-03"  # day first: 17/01
    assert place_of(catalogue, munich).representative == (11.5756, 48.1372)


def test_excels_line_naming_the_delimiter_is_not_the_header(tmp_path):
    text = (
        "sep=;\r\n"
        "Date;Title;Lat;Lon\r\n"
        "17/01/2025;Vertrag unterzeichnet;55,7558;37,6173\r\n"
        '03/02/2025;"Gespräche; Teil 2";35,6892;51,3890\r\n'
    )
    path = write(tmp_path / "Mappe1.csv", text, "cp1252")
    catalogue, report = read_catalogue(path)
    assert not report
    events = by_title(catalogue)
    assert set(events) == {"Vertrag unterzeichnet", "Gespräche; Teil 2"}
    assert events["Vertrag unterzeichnet"].time.edtf == "2025-01-17"
    assert place_of(catalogue, events["Vertrag unterzeichnet"]).representative == (
        37.6173,
        55.7558,
    )
    broken = write(tmp_path / "broken.csv", text.replace("35,6892", '"35,6892'), "cp1252")
    _, report = read_catalogue(broken)
    assert "starts on line 4" in report.text()  # the file's own line numbers


def test_tsv_in_utf16_as_excel_saves_unicode_text(tmp_path):
    text = "name\tcity\tdate\tlatitude\tlongitude\nВибори\tКиїв\t2025-01-17\t50.45\t30.52\n"
    path = write(tmp_path / "export.txt", text, "utf-16")
    catalogue = open_catalogue(path)
    assert catalogue.events[0].title == "Вибори"
    assert place_of(catalogue, catalogue.events[0]).name == "Київ"
    assert catalogue.events[0].place_ids == ("київ",)  # its own letters make its id


SAME_SPOT = (
    "date,title,lat,lon\n"
    "2003-03-20,Invasion of Iraq begins,33.3152,44.3661\n"
    "2003-04-09,Fall of Baghdad,33.3152,44.3661\n"
    "2003-12-13,Saddam captured,33.3152,44.3661\n"
    "2011-03-15,Protests in Buenos Aires,-34.6037,-58.3816\n"
)


def _same_spot_geojson(path: Path) -> Path:
    features = []
    for line in SAME_SPOT.splitlines()[1:]:
        date, title, lat, lon = line.split(",")
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": {"name": title, "date": date},
            }
        )
    return write(path, json.dumps({"type": "FeatureCollection", "features": features}))


@pytest.mark.parametrize("kind", ["csv", "geojson"])
def test_unnamed_rows_at_one_spot_share_one_place(tmp_path, kind):
    """No column names the place: the events at one spot are one marker that lists them all,
    named by its coordinates (not three markers, each named after one event's title)."""
    if kind == "csv":
        path = write(tmp_path / "samecoord.csv", SAME_SPOT)
    else:
        path = _same_spot_geojson(tmp_path / "samecoord.geojson")
    catalogue, report = read_catalogue(path)
    assert not report
    baghdad = "33-3152n-44-3661e"
    assert [e.place_ids for e in catalogue.events] == [(baghdad,)] * 3 + [("34-6037s-58-3816w",)]
    assert catalogue.places[baghdad].name == "33.31520, 44.36610"
    assert catalogue.places[baghdad].representative == (44.3661, 33.3152)
    assert catalogue.places["34-6037s-58-3816w"].name == "-34.60370, -58.38160"
    assert [e.title for e in catalogue.at_place(baghdad)] == [
        "Invasion of Iraq begins", "Fall of Baghdad", "Saddam captured",
    ]  # fmt: skip
    again, _ = read_catalogue(path)
    assert list(again.places) == list(catalogue.places)  # the same ids every time


def test_spots_close_together_keep_ids_of_their_own(tmp_path):
    path = write(
        tmp_path / "close.csv",
        "date,title,lat,lon\n"
        "2003-03-20,A,33.3152,44.3661\n"
        "2003-03-21,B,33.3152,-44.3661\n"
        "2003-03-22,C,33.315200001,44.3661\n",  # the same name at 5 decimals, not the same spot
    )
    catalogue = open_catalogue(path)
    ids = [e.place_ids[0] for e in catalogue.events]
    assert ids == ["33-3152n-44-3661e", "33-3152n-44-3661w", "33-3152n-44-3661e-2"]
    assert len(catalogue.places) == 3


def test_a_place_id_without_a_name_is_the_places_name(tmp_path):
    path = write(
        tmp_path / "ids.csv",
        "date,title,place_id,lat,lon\n"
        "2003-03-20,Invasion of Iraq begins,baghdad,33.3152,44.3661\n"
        "2003-04-09,Fall of Baghdad,baghdad,33.3152,44.3661\n",
    )
    catalogue = open_catalogue(path)
    assert [e.place_ids for e in catalogue.events] == [("baghdad",), ("baghdad",)]
    assert catalogue.places["baghdad"].name == "baghdad"


POINT_1_2 = {"type": "Point", "coordinates": [1, 2]}
LINE = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def _feature(geometry: dict, **properties) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": {"date": "2020", **properties}}


def test_a_geometry_collection_nothing_names_is_named_as_its_kinds_are(tmp_path):
    """Its pieces are named as a nameless Point or Polygon is: points by their coordinates,
    lines and areas after the event (they were "" with no title, "GeomColl (1)"… with one)."""
    collection = {"type": "GeometryCollection", "geometries": [POINT_1_2, LINE]}
    features = [
        _feature(collection),
        _feature(POINT_1_2),
        _feature(SQUARE),
        _feature(collection, title="GeomColl"),
        _feature({"type": "GeometryCollection", "geometries": [LINE, SQUARE]}),
        _feature(collection, title="Zones", place="Occupied zones"),
    ]
    doc = {"type": "FeatureCollection", "features": features}
    catalogue, report = read_catalogue(write(tmp_path / "gc.geojson", json.dumps(doc)))
    assert not report
    spot = "2n-1e"
    assert [
        (e.title, [(p.id, p.name) for p in catalogue.places_of(e)]) for e in catalogue.events
    ] == [
        ("Feature 1", [(spot, "2.00000, 1.00000"), ("feature-1", "Feature 1")]),
        ("Feature 2", [(spot, "2.00000, 1.00000")]),  # one marker for every event there
        ("Feature 3", [("feature-3", "Feature 3")]),
        ("GeomColl", [(spot, "2.00000, 1.00000"), ("geomcoll", "GeomColl")]),
        ("Feature 5", [("feature-5-1", "Feature 5 (1)"), ("feature-5-2", "Feature 5 (2)")]),
        ("Zones", [("occupied-zones-1", "Occupied zones (1)"),
                   ("occupied-zones-2", "Occupied zones (2)")]),
    ]  # fmt: skip


def test_a_multigeometry_nothing_names_is_named_as_its_kinds_are(tmp_path):
    time = "<TimeStamp><when>2021</when></TimeStamp>"
    point = "<Point><coordinates>1,2</coordinates></Point>"
    line = "<LineString><coordinates>0,0 1,1</coordinates></LineString>"
    marks = [
        f"<Placemark>{time}<MultiGeometry>{point}{line}</MultiGeometry></Placemark>",
        f"<Placemark>{time}{point}</Placemark>",
        f"<Placemark>{time}{line}</Placemark>",
        f"<Placemark><name>Corridor</name>{time}<MultiGeometry>{point}{line}</MultiGeometry>"
        "</Placemark>",
    ]
    text = (
        f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{"".join(marks)}</Document></kml>'
    )
    catalogue, report = read_catalogue(write(tmp_path / "gc.kml", text))
    assert not report
    assert [[p.name for p in catalogue.places_of(e)] for e in catalogue.events] == [
        ["2.00000, 1.00000", "Placemark 1"],
        ["2.00000, 1.00000"],
        ["Placemark 3"],
        ["Corridor (1)", "Corridor (2)"],  # a placemark's name names its pieces, as its pin
    ]
    assert catalogue.events[0].place_ids[0] == catalogue.events[1].place_ids[0] == "2n-1e"


def test_wkt_csv(tmp_path):
    text = (
        "id,name,when,category,geometry\n"
        '1,Caspian region,1722/1723,war,"POLYGON ((47 37, 54 37, 54 47, 47 47, 47 37))"\n'
        '2,Supply route,1942,arms,"LINESTRING (48.5 30.4, 51.4 35.7, 49.6 37.3)"\n'
        '3,Tabriz,1946~,politics,"SRID=4326;POINT (46.29 38.08)"\n'
        '4,Two sites,2020,nuclear,"MULTIPOINT ((51.7 33.7), (50.9 34.9))"\n'
    )
    path = write(tmp_path / "shapes.csv", text)
    catalogue, report = read_catalogue(path)
    assert not report
    kinds = {e.title: place_of(catalogue, e).kind for e in catalogue.events}
    assert kinds == {
        "Caspian region": PlaceKind.REGION,
        "Supply route": PlaceKind.ROUTE,
        "Tabriz": PlaceKind.POINT,
        "Two sites": PlaceKind.POINT,
    }
    assert by_title(catalogue)["Tabriz"].time.approximate
    assert [e.id for e in catalogue.events] == ["1", "2", "3", "4"]


def test_a_wkt_cell_larger_than_the_csv_modules_limit(tmp_path):
    # A detailed outline, as QGIS writes a country's (or our CSV export a detailed region):
    # far over the csv module's default 128 KiB for a cell.
    ring = Point(50, 30).buffer(5, quad_segs=2500).exterior.coords
    wkt = "POLYGON ((" + ", ".join(f"{x:.10f} {y:.10f}" for x, y in ring) + "))"
    assert len(wkt) > 131072
    path = write(tmp_path / "outline.csv", f'date,title,wkt\n2020,Region,"{wkt}"\n')
    catalogue, report = read_catalogue(path)
    assert not report
    (event,) = catalogue.events
    assert len(place_of(catalogue, event).geometry.exterior.coords) == len(ring)
    export_catalogue(catalogue, tmp_path / "again.csv", "csv")
    again = open_catalogue(tmp_path / "again.csv")
    assert place_of(again, again.events[0]).geometry.equals(place_of(catalogue, event).geometry)


def test_gdelt_like_export(tmp_path):
    text = (
        "GLOBALEVENTID\tSQLDATE\tActor1Name\tActor2Name\tEventCode\tActor1Geo_Lat\t"
        "Actor1Geo_Long\tActionGeo_FullName\tActionGeo_Lat\tActionGeo_Long\tSOURCEURL\n"
        "1200000001\t20250117\tRUSSIA\tIRAN\t057\t55.75\t37.62\tTehran, Tehran, Iran\t35.69\t"
        "51.39\thttps://example.org/a\n"
    )
    path = write(tmp_path / "gdelt.tsv", text)
    catalogue = open_catalogue(path)
    (event,) = catalogue.events
    assert event.time.edtf == "2025-01-17"
    assert event.actors == ("RUSSIA", "IRAN")
    place = place_of(catalogue, event)
    assert place.name == "Tehran, Tehran, Iran"
    assert place.representative == (51.39, 35.69)  # the action's place, not the actor's


# --- KML ---------------------------------------------------------------------------------------

GOOGLE_EARTH_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2" xmlns:kml="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
<Document>
	<name>Persian Corridor.kml</name>
	<Schema name="stops" id="S_stops_SD"><SimpleField type="string" name="kind"></SimpleField></Schema>
	<StyleMap id="m_ylw-pushpin"><Pair><key>normal</key><styleUrl>#s_ylw-pushpin</styleUrl></Pair></StyleMap>
	<Style id="s_ylw-pushpin"><IconStyle><scale>1.1</scale><Icon><href>http://maps.google.com/mapfiles/kml/pushpin/ylw-pushpin.png</href></Icon></IconStyle></Style>
	<Folder>
		<name>1941</name>
		<open>1</open>
		<Placemark>
			<name>Invasion begins</name>
			<description><![CDATA[<p>British and Soviet forces <b>enter</b> Iran.</p>]]></description>
			<TimeStamp><when>1941-08-25T04:00:00Z</when></TimeStamp>
			<styleUrl>#m_ylw-pushpin</styleUrl>
			<ExtendedData>
				<Data name="category"><value>war</value></Data>
				<Data name="actors"><value>United Kingdom; Soviet Union</value></Data>
			</ExtendedData>
			<Point><gx:drawOrder>1</gx:drawOrder><coordinates>48.3,30.4,0</coordinates></Point>
		</Placemark>
		<Folder>
			<name>Routes</name>
			<Placemark>
				<name>Supply road</name>
				<TimeSpan><begin>1942</begin><end>1945-05</end></TimeSpan>
				<ExtendedData><SchemaData schemaUrl="#S_stops_SD"><SimpleData name="kind">road</SimpleData></SchemaData></ExtendedData>
				<LineString><tessellate>1</tessellate><coordinates>48.5,30.4,0 51.4,35.7,0 49.6,37.3,0</coordinates></LineString>
			</Placemark>
			<Placemark>
				<name>Occupied zones</name>
				<TimeSpan><begin>1941-08-25</begin><end>1946-05-09</end></TimeSpan>
				<MultiGeometry>
					<Polygon><outerBoundaryIs><LinearRing><coordinates>44,39 48,39 48,36 44,36 44,39</coordinates></LinearRing></outerBoundaryIs></Polygon>
					<Point><coordinates>51.39,35.69</coordinates></Point>
				</MultiGeometry>
			</Placemark>
		</Folder>
		<Placemark>
			<name>Undated pin</name>
			<Point><coordinates>50,30</coordinates></Point>
		</Placemark>
	</Folder>
</Document>
</kml>
"""


def test_google_earth_kml(tmp_path):
    path = write(tmp_path / "corridor.kml", GOOGLE_EARTH_KML)
    catalogue, report = read_catalogue(path)
    assert guess_fields(path) is None
    events = by_title(catalogue)
    invasion = events["Invasion begins"]
    assert invasion.time.edtf == "1941-08-25"
    assert invasion.summary == "British and Soviet forces enter Iran."
    assert invasion.category == "war"
    assert invasion.actors == ("United Kingdom", "Soviet Union")
    assert invasion.extra["folder"] == "1941"
    road = events["Supply road"]
    assert road.time.edtf == "1942/1945-05"
    assert road.extra == {"kind": "road", "folder": "1941/Routes"}
    assert place_of(catalogue, road).kind is PlaceKind.ROUTE
    zones = events["Occupied zones"]
    assert {p.kind for p in catalogue.places_of(zones)} == {PlaceKind.REGION, PlaceKind.POINT}
    assert [e.title for e in catalogue.events] == [
        "Invasion begins",
        "Supply road",
        "Occupied zones",
    ]
    (problem,) = report.problems
    assert problem.item == "placemark 4 ('Undated pin')"
    assert "no TimeStamp or TimeSpan" in problem.message


@pytest.mark.parametrize(
    ("time", "words"),
    [
        ("<TimeSpan/>", "the placemark's TimeSpan has neither a begin nor an end date"),
        ("<TimeSpan><begin> </begin><end></end></TimeSpan>", "TimeSpan has neither a begin nor"),
        ("<TimeSpan id='t1'></TimeSpan>", "TimeSpan has neither a begin nor an end date"),
        ("<TimeStamp/>", "the placemark's TimeStamp has no date (its <when> is missing or empty)"),
        ("", "the placemark has no TimeStamp or TimeSpan"),  # as before
    ],
)
def test_an_empty_kml_timespan_is_named_as_such(tmp_path, time, words):
    text = f"""<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
        <Placemark><name>Dated</name><TimeStamp><when>1941-08-25</when></TimeStamp>
        <Point><coordinates>48.3,30.4</coordinates></Point></Placemark>
        <Placemark><name>Empty</name>{time}
        <Point><coordinates>50,30</coordinates></Point></Placemark></Document></kml>"""
    catalogue, report = read_catalogue(write(tmp_path / "spans.kml", text))
    assert [e.title for e in catalogue.events] == ["Dated"]
    (problem,) = report.problems
    assert str(problem) == f"placemark 2 ('Empty'), field 'TimeStamp/TimeSpan': {problem.message}"
    assert words in problem.message
    assert "spans.kml: 1 of 2" in "\n".join(warning_lines(report))


def test_html_in_a_kml_name_and_description_reads_as_its_text(tmp_path):
    """Google My Maps writes bold, line breaks and entities in names and descriptions (in
    CDATA or escaped): the title showed "<b>Caf&eacute; &amp; Museum</b>". Both are their
    text, the title on one line, a script's text left out."""
    text = """<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
        <Placemark><name><![CDATA[<b>Caf&eacute; &amp;<br>Museum</b>]]></name>
        <description><![CDATA[The <i>old</i> town.<br>Lunch &amp; coffee.]]></description>
        <TimeStamp><when>2024-05-03</when></TimeStamp>
        <Point><coordinates>16.3725,48.2083</coordinates></Point></Placemark>
        <Placemark><name>Tom &amp;amp; Jerry</name>
        <description>Go&lt;script&gt;alert(1)&lt;/script&gt;&lt;br&gt;now</description>
        <TimeStamp><when>2024-05-04</when></TimeStamp>
        <Point><coordinates>16.38,48.21</coordinates></Point></Placemark>
        </Document></kml>"""
    catalogue, report = read_catalogue(write(tmp_path / "my-maps.kml", text))
    assert not report.problems
    first, second = catalogue.events
    assert (first.title, first.summary) == ("Café & Museum", "The old town.\nLunch & coffee.")
    assert place_of(catalogue, first).name == "Café & Museum"
    assert (second.title, second.summary) == ("Tom & Jerry", "Go\nnow")


def _kml_marks(*marks: tuple[str, str, str]) -> str:
    """A KML document of point placemarks: (name, time element, "lon,lat")."""
    body = "".join(
        f"<Placemark><name>{name}</name>{time}<Point><coordinates>{at}</coordinates></Point>"
        "</Placemark>"
        for name, time, at in marks
    )
    return f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{body}</Document></kml>'


def test_a_kml_span_left_open_runs_to_the_files_last_date(tmp_path):
    """`<TimeSpan><begin>2024-06</begin></TimeSpan>` read as June 2024 alone, though Google
    Earth shows it from June on and the file's other spans have both ends: a siege still going
    on vanished from the map after June, and nothing said why."""
    text = _kml_marks(
        ("Siege", "<TimeSpan><begin>2024-06</begin></TimeSpan>", "30.52,50.45"),
        (
            "Talks",
            "<TimeSpan><begin>2024-07-01</begin><end>2024-07-03</end></TimeSpan>",
            "6.1,46.2",
        ),
        ("Summit", "<TimeStamp><when>2024-09-15</when></TimeStamp>", "2.35,48.85"),
        ("Blockade", "<TimeSpan><end>2024-08</end></TimeSpan>", "33.35,35.17"),
        ("Last", "<TimeSpan><begin>2024-09-15</begin></TimeSpan>", "2.35,48.85"),
    )
    catalogue, report = read_catalogue(write(tmp_path / "open.kml", text))
    events = by_title(catalogue)
    assert events["Siege"].time.edtf == "2024-06/2024-09-15"
    assert events["Blockade"].time.edtf == "2024-06/2024-08"  # from the first date on
    assert events["Last"].time.edtf == "2024-09-15"  # nothing later: its date
    assert events["Siege"].date_note == (
        "The placemark's TimeSpan has only a begin, June 2024, a span with no end: read to "
        "the file's last date, 15 September 2024."
    )
    assert events["Talks"].date_note == "" and events["Last"].date_note == ""
    assert report.notes == [
        "placemark 1 has a TimeSpan with only a begin, a span with no end: read from it to "
        "the file's last date, 15 September 2024",
        "placemark 4 has a TimeSpan with only an end, a span with no begin: read from the "
        "file's first date, June 2024, to it",
    ]
    assert report.headline() == "open.kml: all 5 placemarks read, some not quite as written:"


def test_kml_spans_of_one_end_each_are_dates_when_no_span_has_two(tmp_path):
    """A tool that writes every date as a TimeSpan's begin: each is that date, and the report
    says how they were read (Google Earth would show each from then on)."""
    text = _kml_marks(
        ("Siege", "<TimeSpan><begin>2024-06</begin></TimeSpan>", "30.52,50.45"),
        ("Summit", "<TimeSpan><begin>2024-09-15</begin></TimeSpan>", "2.35,48.85"),
        ("Pin", "<TimeStamp><when>2024-10-01</when></TimeStamp>", "2.35,48.85"),
    )
    catalogue, report = read_catalogue(write(tmp_path / "dates.kml", text))
    events = by_title(catalogue)
    assert [events[t].time.edtf for t in ("Siege", "Summit")] == ["2024-06", "2024-09-15"]
    assert events["Siege"].date_note.endswith("read as that date.")
    assert report.notes == [
        "placemarks 1 and 2 have a TimeSpan with one end only, and no placemark's has both: "
        "each read as that date, as tools write a single date so (Google Earth shows it from "
        "then on, with no end)"
    ]


def test_kml_numeric_dates_that_read_both_ways_are_reported(tmp_path):
    """<when>01/05/2024</when> (not KML's year first, but a script's) was read day first with
    nothing said; it is now said, and a date of the file that reads one way only decides."""
    text = _kml_marks(
        ("Rally", "<TimeStamp><when>01/05/2024</when></TimeStamp>", "30.52,50.45"),
        ("Talks", "<TimeSpan><begin>02/03/2024</begin><end>02/04/2024</end></TimeSpan>", "2.35,48.85"),
        ("Pin", "<TimeStamp><when>2024-10-01</when></TimeStamp>", "2.35,48.85"),
    )  # fmt: skip
    catalogue, report = read_catalogue(write(tmp_path / "dates.kml", text))
    events = by_title(catalogue)
    assert events["Rally"].time.edtf == "2024-05-01"
    assert events["Rally"].date_note == (
        "The date reads both ways ('01/05/2024': 1 May 2024 day first, 5 January 2024 month "
        "first): read as day/month, as no date in the file says which."
    )
    assert report.notes == [
        "placemarks 1 and 2 have dates that read both ways ('01/05/2024': 1 May 2024 day "
        "first, 5 January 2024 month first), and no date in the file says which: read as "
        "day/month. KML writes a date year first (2024-05-01), which reads one way only"
    ]
    assert "not quite as written" in report.text()
    # A date that reads one way only ('05/13/2024', month first) says how the others read.
    text = text.replace("2024-10-01", "05/13/2024")
    catalogue, report = read_catalogue(write(tmp_path / "month_first.kml", text))
    events = by_title(catalogue)
    assert events["Rally"].time.edtf == "2024-01-05"
    assert events["Talks"].time.edtf == "2024-02-03/2024-02-04"
    assert not report.notes and not events["Rally"].date_note


MY_MAPS_PLACES = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>My places</name><Folder>
  <Placemark><name>Café</name><Point><coordinates>2.35,48.85,0</coordinates></Point></Placemark>
  {second}
</Folder></Document></kml>"""


def test_a_feature_without_the_date_property_is_told_so_not_that_its_date_is_empty(tmp_path):
    """geojson.io's styled shape with no properties but its stroke was "field 'date': the date
    is empty", as if it had an empty date."""
    features = [
        _point_feature({"date": "2024-01-05", "name": "Kyiv"}),
        _point_feature({"stroke": "#555555"}),
        _point_feature({"date": "", "name": "Blank"}),
        _point_feature({"begin": "2024-01-01", "end": "2024-01-03", "name": "Span"}),
    ]
    catalogue, report = read_catalogue(write(tmp_path / "io.geojson", _collection(*features)))
    assert sorted(by_title(catalogue)) == ["Kyiv", "Span"]
    assert [str(p) for p in report.problems] == [
        "feature 2, field 'date': the feature has no 'date' property (nor any other date)",
        "feature 3 ('Blank'), field 'date': the date is empty",  # there, but empty
    ]
    nested = [
        _point_feature({"date": {"start": "1914"}, "name": "Object"}),
        _point_feature({"date": None, "name": "Null"}),  # its date, empty: not "no property"
    ]
    _, report = read_catalogue(write(tmp_path / "nested.geojson", _collection(*nested)))
    assert [p.message for p in report.problems] == ["the date is empty"]


def test_a_kml_of_places_without_dates_says_how_to_give_them_dates(tmp_path):
    """A Google My Maps export (it writes no times) was refused placemark by placemark, "the
    placemark has no TimeStamp or TimeSpan", without a word on what to do."""
    second = "<Placemark><name>Museum</name><Point><coordinates>2.33,48.86</coordinates></Point></Placemark>"
    path = write(tmp_path / "places.kml", MY_MAPS_PLACES.format(second=second))
    with pytest.raises(FormatError) as caught:
        read_catalogue(path)
    assert str(caught.value) == (
        f"{path}: none of its 2 placemarks has a date (a TimeStamp or TimeSpan, or a 'date' in "
        "its data), and each event needs its time on the time line: in Google Earth, give "
        "each placemark a date (Properties, Date/Time); in Google My Maps, add a 'date' "
        "column to the layer's data table (e.g. 2024-06-13) and export the map again"
    )
    one = write(tmp_path / "one.kml", MY_MAPS_PLACES.format(second=""))
    with pytest.raises(FormatError, match="its one placemark has no date"):
        read_catalogue(one)


YEAR_FOLDERS = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>The war</name>
<Folder><name>1914</name>
  <Placemark><name>Sarajevo</name><Point><coordinates>18.41,43.86</coordinates></Point></Placemark>
  <Folder><name>Layer 1</name>
    <Placemark><name>Marne</name><Point><coordinates>3.5,49.0</coordinates></Point></Placemark>
  </Folder>
</Folder>
<Folder><name>June 1916</name>
  <Placemark><name>Verdun</name><Point><coordinates>5.38,49.16</coordinates></Point></Placemark>
  <Placemark><name>Jutland</name><TimeStamp><when>1916-06-01</when></TimeStamp>
    <Point><coordinates>6.1,56.7</coordinates></Point></Placemark>
</Folder>
<Folder><name>1917</name>
  <Placemark><name>Somme</name><TimeStamp><when>1916-07-01</when></TimeStamp>
    <Point><coordinates>2.7,50.0</coordinates></Point></Placemark>
  <Placemark><name>Cambrai</name><Point><coordinates>3.2,50.2</coordinates></Point></Placemark>
</Folder>
<Folder><name>2</name>
  <Placemark><name>Nowhen</name><Point><coordinates>2.3,48.8</coordinates></Point></Placemark>
</Folder>
</Document></kml>"""


def test_a_kml_with_a_folder_per_year_dates_its_placemarks_by_it(tmp_path):
    """A map kept as one folder per year (Google Earth, My Maps layers "1914", "1916") was
    refused: "none of its placemarks has a date". A placemark without a date of its own is
    dated by its nearest folder named as a date, saying so; its own date wins."""
    catalogue, report = read_catalogue(write(tmp_path / "war.kml", YEAR_FOLDERS))
    events = by_title(catalogue)
    assert {t: e.time.edtf for t, e in events.items()} == {
        "Sarajevo": "1914",
        "Marne": "1914",  # in "Layer 1", inside "1914"
        "Verdun": "1916-06",
        "Jutland": "1916-06-01",  # its own TimeStamp, within its folder's date
        "Somme": "1916-07-01",
    }
    assert events["Verdun"].date_note == (
        "Dated by the folder it is in, 'June 1916': the placemark has no date of its own."
    )
    assert not events["Jutland"].date_note
    # "1917" holds a placemark of 1916: a chapter's name, not its placemarks' date; "2" is
    # no year.
    assert [p.item for p in report.problems] == [
        "placemark 6 ('Cambrai')",
        "placemark 7 ('Nowhen')",
    ]
    assert report.notes == [
        "3 placemarks without a date of their own were dated by the name of the folder they "
        "are in ('1914', 'June 1916'); give each a TimeStamp or TimeSpan to date them more "
        "exactly"
    ]


def test_a_kml_folder_named_for_a_trip_of_a_year_dates_its_placemarks_by_the_year(tmp_path):
    """Folders named '2021 trip to Japan' or 'Trip 2019' were no date, and their undated
    placemarks were refused: a year (or years) standing among words is the folder's date, when
    it is the name's only number ('Route 66 in 1960' is none)."""
    folders = [
        ("2021 trip to Japan", "Fushimi Inari"),
        ("Trip 2019", "Eiffel Tower"),
        ("1914–1918 Western Front", "Ypres"),
        ("Route 66 in 1960", "Diner"),
    ]
    body = "".join(
        f"<Folder><name>{folder}</name><Placemark><name>{mark}</name>"
        "<Point><coordinates>2.35,48.85</coordinates></Point></Placemark></Folder>"
        for folder, mark in folders
    )
    kml = f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{body}</Document></kml>'
    catalogue, report = read_catalogue(write(tmp_path / "trips.kml", kml))
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Fushimi Inari": "2021",
        "Eiffel Tower": "2019",
        "Ypres": "1914/1918",
    }
    assert [p.item for p in report.problems] == ["placemark 4 ('Diner')"]


@pytest.mark.parametrize(
    ("folder", "edtf"),
    [
        ("1000 Islands", None),  # a place's name
        ("Highway 1900", None),  # a road's number
        ("Hill 1500", None),
        ("Station 1850 photos", None),
        ("1600 m summit", None),  # a height
        ("Hastings 1066", None),  # a year before 1500 says it is one
        ("Battle of Hastings 1066", "1066"),
        ("Japan 2019", "2019"),
        ("2019 Holidays", "2019"),
    ],
)
def test_a_kml_folder_is_dated_by_a_number_only_where_it_reads_as_a_year(tmp_path, folder, edtf):
    """A folder named '1000 Islands' dated its placemarks to the year 1000 (and 'Highway
    1900' to 1900): a number among a folder name's words is its year only where it reads as
    one, not a road's, a hill's or a place's number."""
    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        f"<Folder><name>{folder}</name><Placemark><name>Stop</name>"
        "<Point><coordinates>-75.9,44.3</coordinates></Point></Placemark></Folder>"
        "<Placemark><name>Dated</name><TimeStamp><when>2023-07-04</when></TimeStamp>"
        "<Point><coordinates>-75.9,44.3</coordinates></Point></Placemark>"
        "</Document></kml>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "trip.kml", kml))
    dated = {t: e.time.edtf for t, e in by_title(catalogue).items()}
    assert dated.get("Stop") == edtf
    assert [p.item for p in report.problems] == ([] if edtf else ["placemark 1 ('Stop')"])


CONTAINER_TIMES = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Story</name>
  <TimeSpan><begin>2020</begin><end>2021</end></TimeSpan>
  <Placemark><name>Loose</name><Point><coordinates>2.35,48.85</coordinates></Point></Placemark>
  <Folder><name>Battles</name><TimeStamp><when>2024-06-13</when></TimeStamp>
    <Placemark><name>Inherits</name><Point><coordinates>13.4,52.5</coordinates></Point>
    </Placemark>
    <Placemark><name>Own</name><TimeStamp><when>2024-07-01</when></TimeStamp>
      <Point><coordinates>13.4,52.5</coordinates></Point></Placemark>
    <Placemark><name>Data</name><ExtendedData><Data name="date"><value>2023-05-04</value>
      </Data></ExtendedData><Point><coordinates>13.4,52.5</coordinates></Point></Placemark>
    <Folder><name>1999</name><Placemark><name>Year folder</name>
      <Point><coordinates>13.4,52.5</coordinates></Point></Placemark></Folder>
    <Folder><name>Sub</name><Placemark><name>Deep</name>
      <Point><coordinates>13.4,52.5</coordinates></Point></Placemark></Folder>
  </Folder>
  <Folder><name>2010</name><TimeSpan><begin>2012-03-01</begin><end>2012-03-09</end></TimeSpan>
    <Placemark><name>Same folder</name><Point><coordinates>13.4,52.5</coordinates></Point>
    </Placemark></Folder>
  <Folder><name>Bad</name><TimeStamp><when>someday</when></TimeStamp>
    <Placemark><name>Bad one</name><Point><coordinates>13.4,52.5</coordinates></Point>
    </Placemark></Folder>
  <Folder><name>Empty</name><TimeStamp/>
    <Placemark><name>Empty</name><Point><coordinates>13.4,52.5</coordinates></Point>
    </Placemark></Folder>
</Document></kml>
"""


def test_a_kml_folder_or_document_time_dates_the_placemarks_inside(tmp_path):
    """A TimeStamp or TimeSpan on a Folder or Document was ignored, its placemarks reported
    as having "no TimeStamp or TimeSpan". Per KML it is the time of what it holds: the
    nearest container's, said in the date note and the report; a placemark's own time (or a
    date in its data) wins, and a nearer folder named as a date dates it instead."""
    catalogue, report = read_catalogue(write(tmp_path / "story.kml", CONTAINER_TIMES))
    events = by_title(catalogue)
    assert {t: e.time.edtf for t, e in events.items()} == {
        "Loose": "2020/2021",  # the Document's
        "Inherits": "2024-06-13",  # its Folder's, not the Document's
        "Own": "2024-07-01",
        "Data": "2023-05-04",
        "Year folder": "1999",  # a nearer folder's name
        "Deep": "2024-06-13",  # its Folder's Folder's
        "Same folder": "2012-03-01/2012-03-09",  # the folder's time, not its name
        "Empty": "2020/2021",  # an empty TimeStamp is none: the Document's
    }
    assert events["Inherits"].date_note == (
        "Dated by the TimeStamp of the Folder 'Battles' it is in: the placemark has no date "
        "of its own."
    )
    assert events["Loose"].date_note == (
        "Dated by the TimeSpan of the Document 'Story' it is in: the placemark has no date "
        "of its own."
    )
    assert not events["Own"].date_note and not events["Data"].date_note
    assert [str(p) for p in report.problems] == [
        "placemark 8 ('Bad one'), field 'TimeStamp/TimeSpan': the placemark has no date of its "
        "own, and the TimeStamp of the Folder 'Bad' it is in cannot be read: 'someday' is not "
        "a date we can read: write it as 2025-01-17, 17 January 2025, January 17, 2025, the "
        "1980s or the 19th century"
    ]
    assert report.notes == [
        "1 placemark without a date of its own was dated by the name of the folder it is in "
        "('1999'); give it a TimeStamp or TimeSpan to date it more exactly",
        "placemarks 1, 2, 6, 7 and 9, without a TimeStamp or TimeSpan of their own, take the "
        "time of the Folder or Document they are in (Document 'Story', Folder 'Battles', "
        "Folder '2010'), as KML gives a container's time to what it holds (a placemark's own "
        "time wins)",
    ]
    # A file whose only time is its Document's opens (it was "none of its placemarks has a
    # date"), in a KMZ too.
    only = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><TimeStamp><when>1815-06-18'
        "</when></TimeStamp><Placemark><name>Waterloo</name><Point><coordinates>4.41,50.68"
        "</coordinates></Point></Placemark></Document></kml>"
    )
    path = tmp_path / "waterloo.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.kml", only)
    catalogue, report = read_catalogue(path)
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [("Waterloo", "1815-06-18")]
    assert (
        "placemark 1, without a TimeStamp or TimeSpan of its own, takes the time of the "
        "Folder or Document it is in (the Document)" in report.notes[0]
    )


def test_a_placemark_without_the_date_the_others_have_in_their_data_says_so(tmp_path):
    """It was told "the date is empty", as if it had an empty date field."""
    second = (
        "<Placemark><name>Museum</name><ExtendedData><Data name='date'><value>2024-06-13"
        "</value></Data></ExtendedData><Point><coordinates>2.33,48.86</coordinates></Point>"
        "</Placemark>"
    )
    catalogue, report = read_catalogue(
        write(tmp_path / "some.kml", MY_MAPS_PLACES.format(second=second))
    )
    assert [e.title for e in catalogue.events] == ["Museum"]
    assert [str(p) for p in report.problems] == [
        "placemark 1 ('Café'), field 'TimeStamp/TimeSpan': the placemark has no TimeStamp or "
        "TimeSpan, and no 'date' in its data, as other placemarks have"
    ]


def test_a_qgis_placemark_with_an_empty_date_is_named_by_its_title_and_told_so(tmp_path):
    """A QGIS export's placemark has no <name>, its title in its SimpleData: it was "placemark
    2, …: … and no 'date' in its data", though its 'date' is there, empty."""
    mark = (
        "<Placemark><ExtendedData><SchemaData schemaUrl='#events'><SimpleData name='date'>{}"
        "</SimpleData><SimpleData name='title'>{}</SimpleData></SchemaData></ExtendedData>"
        "<Point><coordinates>34.4,31.5</coordinates></Point></Placemark>"
    )
    body = mark.format("2023/10/07", "Attack") + mark.format("", "Undated")
    kml = f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>{body}</Folder></Document></kml>'
    catalogue, report = read_catalogue(write(tmp_path / "qgis.kml", kml))
    assert [e.title for e in catalogue.events] == ["Attack"]
    assert [str(p) for p in report.problems] == [
        "placemark 2 ('Undated'), field 'TimeStamp/TimeSpan': the placemark has no TimeStamp "
        "or TimeSpan, and its 'date' is empty"
    ]


def test_kmz(tmp_path):
    path = tmp_path / "corridor.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", GOOGLE_EARTH_KML)
        archive.writestr("files/ylw-pushpin.png", b"\x89PNG\r\n\x1a\n")
    catalogue, report = read_catalogue(path)
    assert len(catalogue.events) == 3 and report.skipped == 1
    assert detect(path) == "kml"


def test_kml_with_bce_dates_and_no_namespace(tmp_path):
    text = """<kml><Document><Placemark><name>Ides of March</name>
        <TimeStamp><when>-0043-03-15</when></TimeStamp>
        <Point><coordinates>12.4768,41.8956</coordinates></Point></Placemark></Document></kml>"""
    catalogue = open_catalogue(write(tmp_path / "rome.kml", text))
    assert catalogue.events[0].time.describe() == "Friday 15 March 44 BC"


def test_kml_coordinates_with_spaces_around_their_commas(tmp_path):
    # Hand-written or scripted KML: "13.4 , 52.5" is one point, as Google Earth reads it, not
    # '13.4' with one number.
    text = """<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
        <Placemark><name>Berlin</name><TimeStamp><when>2019-02</when></TimeStamp>
        <Point><coordinates>  13.4 , 52.5 </coordinates></Point></Placemark>
        <Placemark><name>Drive</name><TimeStamp><when>2019-03</when></TimeStamp>
        <LineString><coordinates>13.4 ,52.5 ,0
            14.5 , 53.4 , 0</coordinates></LineString></Placemark></Document></kml>"""
    catalogue, report = read_catalogue(write(tmp_path / "spaced.kml", text))
    assert not report.problems
    berlin, drive = (catalogue.places_of(e)[0] for e in catalogue.events)
    assert (berlin.geometry.x, berlin.geometry.y) == (13.4, 52.5)
    assert list(drive.geometry.coords) == [(13.4, 52.5), (14.5, 53.4)]


def test_kml_linear_ring_is_read_as_a_closed_line(tmp_path):
    # KML allows a LinearRing as a placemark's geometry (Google Earth draws its outline).
    ring = "<LinearRing><coordinates>0,0 1,0 1,1 0,0</coordinates></LinearRing>"
    text = f"""<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
        <Placemark><name>Ring</name><TimeStamp><when>2016</when></TimeStamp>{ring}</Placemark>
        <Placemark><name>Multi</name><TimeStamp><when>2017</when></TimeStamp><MultiGeometry>
        <Point><coordinates>5,5</coordinates></Point>{ring}</MultiGeometry></Placemark>
        </Document></kml>"""
    catalogue, report = read_catalogue(write(tmp_path / "ring.kml", text))
    assert not report.problems
    shapes = {p.name: p for p in catalogue.places.values()}
    assert shapes["Ring"].kind is PlaceKind.ROUTE
    assert list(shapes["Ring"].geometry.coords) == [(0, 0), (1, 0), (1, 1), (0, 0)]
    assert [shapes[n].kind for n in ("Multi (1)", "Multi (2)")] == [
        PlaceKind.POINT,
        PlaceKind.ROUTE,
    ]


def test_kml_without_namespace_reads_each_piece_of_a_multigeometry_once(tmp_path):
    # fastkml looked for a namespace-less MultiGeometry's pieces twice (as KML's and as no
    # namespace's): a point and a line came back as four places.
    text = """<kml><Document><Folder><name>Sites</name><Placemark><name>Span</name>
        <TimeSpan><begin>2013-09</begin><end>2013-10</end></TimeSpan>
        <MultiGeometry><Point><coordinates>51,35</coordinates></Point>
        <LineString><coordinates>51,35 52,36</coordinates></LineString></MultiGeometry>
        </Placemark></Folder></Document></kml>"""
    catalogue = open_catalogue(write(tmp_path / "plain.kml", text))
    assert [p.name for p in catalogue.places.values()] == ["Span (1)", "Span (2)"]
    assert [p.geometry.geom_type for p in catalogue.places.values()] == ["Point", "LineString"]
    assert catalogue.events[0].extra["folder"] == "Sites"


# --- our own exports, back in ------------------------------------------------------------------


@pytest.fixture
def ours() -> Catalogue:
    """A small catalogue with everything an export must carry: BC and approximate dates,
    intervals, a region with a hole, a route, an event at two places, actors and excerpts."""
    hole = Polygon(
        [(44, 25), (63, 25), (63, 40), (44, 40)], [[(50, 30), (52, 30), (52, 32), (50, 32)]]
    )
    places = {
        "moscow": Place("moscow", "Moscow", Point(37.6176, 55.7558)),
        "tehran": Place("tehran", "Tehran", Point(51.389, 35.6892)),
        "iran": Place("iran", "Iran", hole),
        "route": Place("route", "Drone route", LineString([(51.4, 35.7), (37.6, 55.8)])),
    }
    text = "Moscow and Tehran signed a treaty."
    events = [
        Event("treaty", "Treaty signed", TimeSpan.parse("2025-01-17"), ("moscow", "tehran"),
              summary="A comprehensive strategic partnership, 20 years.",
              actors=("Vladimir Putin", "Masoud Pezeshkian"), category="diplomacy",
              era="war-in-ukraine", excerpts=(Excerpt(text, 0, len(text)),)),
        Event("drones", "Drones delivered", TimeSpan.parse("2022-08~/2022-10"), ("route",),
              actors=("IRGC",), category="arms"),
        Event("ancient", "Achaemenid empire", TimeSpan.parse("-0549/-0329"), ("iran",),
              category="other", summary="Ünïcödé ✓ and \"quotes\", commas; semicolons"),
        Event("winter", "A season", TimeSpan.parse("2024-24"), ("tehran",), category="politics"),
    ]  # fmt: skip
    return Catalogue(events=events, places=places)


@pytest.mark.parametrize("fmt", ["csv", "kml", "geojson"])
def test_our_exports_open_again(tmp_path, ours, fmt):
    path = tmp_path / f"out.{fmt}"
    export_catalogue(ours, path, fmt)
    catalogue, report = read_catalogue(path)
    assert not report
    assert [e.id for e in catalogue.events] == [e.id for e in ours.events]
    for before in ours.events:
        after = catalogue.event(before.id)
        assert (after.title, after.time, after.summary, after.category, after.actors,
                after.era, after.excerpt) == (before.title, before.time, before.summary,
                before.category, before.actors, before.era, before.excerpt)  # fmt: skip
        shapes = [(p.name, p.kind, p.geometry.wkt) for p in ours.places_of(before)]
        assert [(p.name, p.kind, p.geometry.wkt) for p in catalogue.places_of(after)] == shapes


def test_an_excerpts_column_of_other_words_is_kept_as_it_is(tmp_path):
    path = write(
        tmp_path / "notes.csv",
        "title,date,lat,lon,excerpts\n"
        "Treaty,2025-01-17,55.75,37.62,Putin and Pezeshkian sign\n"
        'Summit,2024-10-23,55.79,49.12,"[a list, in words]"\n',
    )
    catalogue, report = read_catalogue(path)
    assert not report
    assert [e.excerpts for e in catalogue.events] == [(), ()]
    assert [e.extra for e in catalogue.events] == [
        {"excerpts": "Putin and Pezeshkian sign"},
        {"excerpts": "[a list, in words]"},
    ]


def test_our_csv_export_needs_no_question(tmp_path, ours):
    path = tmp_path / "out.csv"
    export_catalogue(ours, path, "csv")
    guess = guess_fields(path)
    assert not guess.ambiguous and not guess.missing
    assert guess.chosen["time"] == "date"  # the EDTF, not its start and end days


def test_the_bundled_catalogue_round_trips(tmp_path, bundled):
    for fmt in ("csv", "kml", "geojson"):
        path = tmp_path / f"bundled.{fmt}"
        export_catalogue(bundled, path, fmt)
        catalogue = open_catalogue(path)
        assert [(e.id, e.title, e.time, e.category, e.actors) for e in catalogue.events] == [
            (e.id, e.title, e.time, e.category, e.actors) for e in bundled.events
        ]


# --- field guessing and the dialog's API -------------------------------------------------------

DISAGREEING = (
    "title,date,timestamp,lat,lon\n"
    "Strike,2025-01-17,1737590400,50.45,30.52\n"
    "Talks,2025-01-18,1737590400,55.75,37.62\n"
)


def test_date_and_timestamp_that_disagree_are_ambiguous(tmp_path):
    path = write(tmp_path / "both.csv", DISAGREEING)
    guess = guess_fields(path)
    assert isinstance(guess, FieldGuess) and guess.ambiguous
    assert guess.candidates["time"][:2] == (
        TimeSource("date"),
        TimeSource("timestamp", None, "timestamp"),
    )
    assert guess.reasons[0].startswith("'date' and 'timestamp' disagree")  # not "(timestamp)"
    assert TimeSource("stamp", None, "timestamp").label == "stamp (timestamp)"
    assert TimeSource("Year founded", None, "year").label == "Year founded"
    assert TimeSource("founded", None, "year").label == "founded (year)"
    rows = preview(guess.sample, guess)
    assert [(r["title"], r["date"], r["problem"]) for r in rows] == [
        ("Strike", "2025-01-17", ""),
        ("Talks", "2025-01-18", ""),
    ]
    chosen = FieldChoice.from_mapping({"timestamp": "timestamp"}, guess.choice)
    assert {r["date"] for r in preview(guess.sample, chosen)} == {"2025-01-23"}
    catalogue = open_catalogue(path, fields=chosen)
    assert {e.time.edtf for e in catalogue.events} == {"2025-01-23"}
    catalogue = open_catalogue(path, fields={"timestamp": "timestamp"})  # a plain mapping too
    assert {e.time.edtf for e in catalogue.events} == {"2025-01-23"}


def test_dates_that_read_both_ways_are_ambiguous(tmp_path):
    path = write(tmp_path / "us.csv", "title,date,lat,lon\nA,03/04/2025,1,2\nB,05/06/2025,3,4\n")
    guess = guess_fields(path)
    assert guess.ambiguous and guess.candidates["date_order"] == ("dmy", "mdy")
    assert by_title(open_catalogue(path))["A"].time.edtf == "2025-04-03"
    us = open_catalogue(path, fields={"date_order": "mdy"})
    assert by_title(us)["A"].time.edtf == "2025-03-04"


def test_start_end_and_year_that_agree_are_not_ambiguous(tmp_path):
    path = write(
        tmp_path / "agree.csv",
        "name,start_date,end_date,year,latitude,longitude\nWar,1980-09-22,1988-08-20,1980,33,44\n",
    )
    guess = guess_fields(path)
    assert not guess.ambiguous
    assert guess.choice.time == TimeSource("start_date", "end_date", "span")
    assert TimeSource("year", None, "year") in guess.candidates["time"]


def test_start_end_and_a_year_that_disagree_are_ambiguous(tmp_path):
    path = write(
        tmp_path / "disagree.csv",
        "name,begin,end,year,lat,lon\nWar,1980-09-22,1988-08-20,1990,33,44\n",
    )
    assert guess_fields(path).ambiguous


def test_preview_shows_problems(tmp_path):
    path = write(tmp_path / "p.csv", "title,date,lat,lon\nA,soon,1,2\nB,2025,95,2\n")
    rows = preview(guess_fields(path).sample, guess_fields(path))
    assert rows[0]["problem"].startswith("date: 'soon'")
    assert "latitude 95" in rows[1]["problem"]


def test_a_choice_naming_a_missing_column_is_an_error(tmp_path):
    path = write(tmp_path / "p.csv", "title,date,lat,lon\nA,2025,1,2\n")
    with pytest.raises(FormatError, match="no column 'when'"):
        open_catalogue(path, fields={"date": "when"})


# --- broken files ------------------------------------------------------------------------------


def test_bad_json(tmp_path):
    path = write(tmp_path / "bad.geojson", '{"type": "FeatureCollection", "features": [\n{,}]}')
    with pytest.raises(FormatError, match=r"bad\.geojson: not valid JSON: .* line 2, column 2"):
        open_catalogue(path)


def test_json_that_is_not_a_feature_collection(tmp_path):
    path = write(tmp_path / "list.json", '{"type": "Feature Collection", "features": []}')
    with pytest.raises(FormatError, match="not a GeoJSON FeatureCollection"):
        open_catalogue(path)


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        (  # degrees and minutes (read), but minutes no clock of degrees has
            'A,2025-01-17,55°75′N,37°37′E\nB,2024-12-08,"33° 90\' N","36° 17\' E"\n',
            "'Latitude' holds no latitudes we can read (the latitude '55°75′N' has 75 minutes "
            "(minutes go from 0 to 59))",
        ),
        (
            "A,2025-01-17,north,east\nB,2024-12-08,south,west\n",
            "'Latitude' holds no latitudes we can read as numbers (e.g. 'north'); write them in "
            "decimal degrees (-33.5139) or in degrees, minutes and seconds (33°30′50″S)",
        ),
        (  # not evidently the other way round (100 is no latitude): refused, as it was
            "A,2025-01-17,120.5,100\nB,2024-12-08,-95,100\n",
            "'Latitude' holds no latitudes: 120.5 is outside -90…90 (are latitude and "
            "longitude the other way round?)",
        ),
        (  # Web Mercator metres from a GIS
            "A,2025-01-17,40.1,5723000\nB,2024-12-08,40.2,5723001\n",
            "'Longitude' holds no longitudes: 5.723e+06 is outside -180…180 (are the "
            "coordinates in metres",
        ),
    ],
)
def test_coordinate_columns_of_unreadable_values_say_so(tmp_path, rows, words):
    path = write(tmp_path / "places.csv", "Title,Date,Latitude,Longitude\n" + rows)
    with pytest.raises(FormatError) as error:
        open_catalogue(path)
    assert str(error.value).startswith(f"{path}: no latitude/longitude or WKT column found: ")
    assert words in str(error.value)
    assert "name them" not in str(error.value)  # they are named so


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("35°41′N", "51°25′E", (51.416667, 35.683333)),  # Wikipedia's, with primes
        ('"35°41\'46""N"', '"51° 25\' E"', (51.416667, 35.696111)),  # ASCII quotes
        ("35°41′46″N", "51°25′10″E", (51.419444, 35.696111)),  # prime and double prime
        ("35 41 46 N", "51 25 10 E", (51.419444, 35.696111)),  # a GPS device's, spaces only
        ("33°30′50″S", "70°40′W", (-70.666667, -33.513889)),  # south and west are negative
        ("35º41’46”N", "51º25’E", (51.416667, 35.696111)),  # ordinal sign and curly quotes
        ("N 35° 41.5′", "E 51° 25.5′", (51.425, 35.691667)),  # decimal minutes, letter first
        ("-33°30′", "-70°40′", (-70.666667, -33.5)),
        ("35.6892° N", "51.389° E", (51.389, 35.6892)),
    ],
)
def test_latitude_and_longitude_in_degrees_minutes_and_seconds_are_read(
    tmp_path, lat, lon, expected
):
    rows = [f"A,2025-01-17,{lat},{lon}", "B,2025-01-18,35.6892,51.3890"]  # decimals as before
    path = write(tmp_path / "dms.csv", "title,date,latitude,longitude\n" + "\n".join(rows))
    guess = guess_fields(path)
    assert (guess.choice.lat, guess.choice.lon) == ("latitude", "longitude")
    catalogue, report = read_catalogue(path)
    assert not report, [str(problem) for problem in report.problems]
    events = by_title(catalogue)
    assert place_of(catalogue, events["A"]).representative == pytest.approx(expected, abs=1e-6)
    assert place_of(catalogue, events["B"]).representative == (51.389, 35.6892)


@pytest.mark.parametrize(
    ("lat", "lon", "problem"),
    [
        ("35°75′N", "51°25′E", "the latitude '35°75′N' has 75 minutes (minutes go from 0 to 59)"),
        ("35°41′N", "51°25′61″E", "the longitude '51°25′61″E' has 61 seconds (seconds go from 0"),
        ("51°25′E", "35°41′N", "the latitude '51°25′E' is a longitude (E): are latitude and "),
        ("-35°41′S", "51°25′E", "has both a sign and a hemisphere (S)"),
        ("91°0′N", "51°25′E", "latitude 91 is out of range -90…90"),
    ],
)
def test_a_row_in_degrees_minutes_and_seconds_that_are_none_is_refused_with_why(
    tmp_path, lat, lon, problem
):
    rows = ["A,2025-01-17,35°41′N,51°25′E", "B,2025-01-18,35°42′N,51°26′E"]
    text = "title,date,lat,lon\n" + "\n".join([*rows, f"C,2025-01-19,{lat},{lon}"])
    path = write(tmp_path / "dms.csv", text)
    catalogue, report = read_catalogue(path)
    assert sorted(by_title(catalogue)) == ["A", "B"]
    [said] = [str(p) for p in report.problems]
    assert said.startswith("row 4, field 'lat/lon': ") and problem in said, said


def test_csv_without_dates(tmp_path):
    path = write(tmp_path / "undated.csv", "title,lat,lon\nA,1,2\n")
    with pytest.raises(FormatError, match="no date column found"):
        open_catalogue(path)
    assert guess_fields(path).missing == ("time",)


def test_rows_with_bad_dates_and_bad_places_are_reported(tmp_path):
    text = (
        "title,date,lat,lon,wkt\n"
        "Good,2025-01-17,50.45,30.52,\n"
        "Bad date,31 February 2025,50.45,30.52,\n"
        "Too far north,2025-01-17,200,30.52,\n"
        "Not numbers,2025-01-17,north,east,\n"
        "Nowhere,2025-01-17,,,\n"
        'Flat,2025-01-17,,,"POLYGON ((0 0, 1 1, 2 2, 0 0))"\n'
        "Bad wkt,2025-01-17,,,POLYGON ((0 0\n"
    )
    path = write(tmp_path / "mixed.csv", text)
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Good"]
    assert [(p.item, p.field) for p in report.problems] == [
        ("row 3", "date"),
        ("row 4", "wkt/lat/lon"),
        ("row 5", "wkt/lat/lon"),
        ("row 6", "wkt/lat/lon"),
        ("row 7", "wkt/lat/lon"),
        ("row 8", "wkt/lat/lon"),
    ]
    messages = [p.message for p in report.problems]
    assert "not a real day" in messages[0]
    assert "latitude 200 is out of range" in messages[1]
    assert "not numbers" in messages[2]
    assert "no coordinates" in messages[3]
    assert "invalid geometry" in messages[4]
    assert "not WKT" in messages[5]
    assert "mixed.csv: 6 of 7 rows could not be read" in report.text()
    assert "row 4, field 'wkt/lat/lon': latitude 200" in report.text()


def test_nothing_readable_is_an_error_naming_the_first_problems(tmp_path):
    path = write(tmp_path / "hopeless.csv", "title,date,lat,lon\nA,never,1,2\nB,2025,100,2\n")
    with pytest.raises(FormatError) as caught:
        open_catalogue(path)
    message = str(caught.value)
    assert "hopeless.csv: none of its 2 rows could be read" in message
    assert "row 2, field 'date': 'never'" in message
    assert "row 3" in message and "latitude 100" in message


@pytest.mark.parametrize("name", ["empty.csv", "empty.geojson", "empty.kml", "empty.kmz", "empty"])
def test_empty_files(tmp_path, name):
    path = write(tmp_path / name, "")
    with pytest.raises(FormatError, match=r"the file is empty"):
        open_catalogue(path)


def test_header_only_csv(tmp_path):
    path = write(tmp_path / "header.csv", "title,date,lat,lon\n")
    with pytest.raises(FormatError, match="the file has no rows"):
        open_catalogue(path)


def test_kml_that_is_not_xml(tmp_path):
    path = write(tmp_path / "broken.kml", "<kml><Document><Placemark></Document>")
    with pytest.raises(FormatError, match=r"broken\.kml: not XML .* line 1"):
        open_catalogue(path)


def test_xml_that_is_not_kml(tmp_path):
    path = write(tmp_path / "feed.kml", "<rss><channel/></rss>")
    with pytest.raises(FormatError, match="not KML: the document is <rss>"):
        open_catalogue(path)


def test_zip_that_is_not_kmz(tmp_path):
    path = tmp_path / "photos.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    with pytest.raises(FormatError, match="holds no .kml file"):
        open_catalogue(path)
    broken = write(tmp_path / "cut.kmz", "PK\x03\x04 this is not really a zip")
    with pytest.raises(FormatError, match=r"cut\.kmz: not a KMZ file"):
        open_catalogue(broken)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark(tmp_path, encoding):
    # As some database and PowerShell exports write it: it was refused as binary data.
    text = "name\tcity\tdate\tlatitude\tlongitude\nВибори\tКиїв\t2025-01-17\t50.45\t30.52\n"
    catalogue = open_catalogue(write(tmp_path / "export.txt", text, encoding))
    assert (catalogue.events[0].title, catalogue.events[0].time.edtf) == ("Вибори", "2025-01-17")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FormatError, match="does not exist"):
        open_catalogue(tmp_path / "nope.csv")
    with pytest.raises(FormatError, match="folder"):
        open_catalogue(tmp_path)


def test_binary_file_named_csv(tmp_path):
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(FormatError, match="binary data"):
        open_catalogue(path)


def test_kml_placemarks_with_bad_geometry_are_reported(tmp_path):
    text = """<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Fine</name><TimeStamp><when>2025</when></TimeStamp>
        <Point><coordinates>10,10</coordinates></Point></Placemark>
      <Placemark><name>Off the globe</name><TimeStamp><when>2025</when></TimeStamp>
        <Point><coordinates>10,200</coordinates></Point></Placemark>
      <Placemark><name>No shape</name><TimeStamp><when>2025</when></TimeStamp></Placemark>
    </Document></kml>"""
    catalogue, report = read_catalogue(write(tmp_path / "bad.kml", text))
    assert [e.title for e in catalogue.events] == ["Fine"]
    assert [(p.item, p.field) for p in report.problems] == [
        ("placemark 2 ('Off the globe')", "geometry"),
        ("placemark 3 ('No shape')", "name"),  # tried as a place's name: unknown
    ]
    assert "latitude out of range" in report.problems[0].message
    assert report.problems[1].message.startswith("the placemark has no geometry, and 'No shape'")


# --- large files, progress and cancel ----------------------------------------------------------


def big_csv(path: Path, rows: int) -> Path:
    rng = random.Random(5)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["event_id", "title", "date", "latitude", "longitude", "category", "notes"])
    for i in range(rows):
        day = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        writer.writerow([f"ev-{i}", f"Event {i}", day, f"{rng.uniform(-60, 70):.5f}",
                         f"{rng.uniform(-170, 170):.5f}", rng.choice(["war", "politics"]),
                         "Something happened here."])  # fmt: skip
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_100000_row_csv_loads_with_progress(tmp_path):
    path = big_csv(tmp_path / "big.csv", 100_000)
    calls = []
    started = time.perf_counter()
    catalogue, report = read_catalogue(
        path, progress=lambda done, total: calls.append((done, total))
    )
    elapsed = time.perf_counter() - started
    print(f"\n100,000-row CSV read in {elapsed:.2f} s")
    assert len(catalogue.events) == 100_000 and not report
    assert calls[0] == (0, 100_000) and calls[-1] == (100_000, 100_000)
    assert len(calls) >= 50
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


class Cancelled(Exception):
    pass


def test_a_progress_callback_can_cancel(tmp_path):
    path = big_csv(tmp_path / "big.csv", 10_000)
    seen = []

    def cancel_later(done, total):
        seen.append(done)
        if done >= 4000:
            raise Cancelled

    with pytest.raises(Cancelled):
        read_catalogue(path, progress=cancel_later)
    assert seen == [0, 2000, 4000]


# --- fuzzing: anything in, only FormatError out ------------------------------------------------

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_format_errors(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            catalogue, report = read_catalogue(path)
        except FormatError:
            return
        assert catalogue.events  # a read that succeeds has something to show


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_only_raise_format_error(data):
    for name in ("f.csv", "f.geojson", "f.kml", "f.kmz", "f"):
        _only_format_errors(name, data)


CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2025-01-17", "17 January 2025", "44 BC", "1979.0", "95", "-181", "0",
                     "POINT (1 2)", "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))", "nan", "inf",
                     "1e400", "03/04/2025", "", ";", '"']),
)  # fmt: skip


@FUZZ
@given(
    st.lists(st.sampled_from(["title", "date", "lat", "lon", "wkt", "timestamp", "year",
                              "actors", "start", "end", "x"]), min_size=1, max_size=6),
    st.lists(st.lists(CELL, max_size=7), max_size=6),
)  # fmt: skip
def test_random_rows_only_raise_format_error(header, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    _only_format_errors("rows.csv", out.getvalue().encode("utf-8", "surrogatepass"))


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


@FUZZ
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "type": st.sampled_from(["Feature", "feature", 3]),
                "properties": st.one_of(
                    JSON_VALUE,
                    st.fixed_dictionaries(
                        {"name": JSON_VALUE, "date": st.one_of(CELL, JSON_VALUE)}
                    ),
                ),
                "geometry": st.one_of(
                    JSON_VALUE,
                    st.fixed_dictionaries(
                        {"type": st.sampled_from(["Point", "Polygon", "LineString",
                                                  "GeometryCollection", "Nope"]),
                         "coordinates": JSON_VALUE}
                    ),
                ),
            }
        ),
        max_size=5,
    )
)  # fmt: skip
def test_random_features_only_raise_format_error(features):
    doc = {"type": "FeatureCollection", "features": features}
    _only_format_errors("f.geojson", json.dumps(doc).encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.text(max_size=10),
            st.one_of(CELL, st.sampled_from(["2025", "-0043-03-15", "1941-08-25T04:00:00Z"])),
            st.text(alphabet="0123456789.,- ", max_size=20),
        ),
        max_size=4,
    )
)
def test_random_placemarks_only_raise_format_error(marks):
    from xml.sax.saxutils import escape

    body = "".join(
        f"<Placemark><name>{escape(name)}</name><TimeStamp><when>{escape(when)}</when>"
        f"</TimeStamp><Point><coordinates>{escape(coords)}</coordinates></Point></Placemark>"
        for name, when, coords in marks
    )
    text = f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{body}</Document></kml>'
    _only_format_errors("f.kml", text.encode("utf-8", "surrogatepass"))


def test_a_title_cell_of_several_lines_becomes_one_line(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text(
        'title,date,lat,lon\n"Talks in Geneva\r\n  end without a deal",2020-01-01,46.2,6.1\n',
        encoding="utf-8",
    )
    catalogue, report = read_catalogue(path)
    assert not report
    assert [e.title for e in catalogue.events] == ["Talks in Geneva end without a deal"]


def test_a_spot_at_minus_zero_is_the_spot_at_zero(tmp_path):
    """-0.0 and 0.0 are one spot, named and identified without a minus sign."""
    from mapexplorer.formats.opener import read_catalogue

    path = tmp_path / "zero.csv"
    path.write_text("date,title,lat,lon\n2020,A,-0.0,-0.0\n2021,B,0,0\n", encoding="utf-8")
    catalogue, _report = read_catalogue(path)
    (place,) = catalogue.places.values()
    assert (place.name, place.id) == ("0.00000, 0.00000", "0n-0e")
    assert [e.place_ids for e in catalogue.events] == [(place.id,), (place.id,)]


def test_a_geojson_in_a_projected_crs_says_so(tmp_path):
    """QGIS writes the 2008 specification's "crs" member for anything but WGS 84: a file in a
    national grid (the British one, EPSG:27700) has every point off the globe, and the
    message says why first."""
    path = tmp_path / "grid.geojson"
    features = [
        {"type": "Feature", "properties": {"name": name, "date": "2020-01-02"},
         "geometry": {"type": "Point", "coordinates": [x, 180000.2]}}
        for name, x in (("A", 530000.5), ("B", 531000.5))
    ]  # fmt: skip
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}))
    with pytest.raises(FormatError, match=r"coordinates are in EPSG:27700 .*WGS 84") as caught:
        read_catalogue(path)
    assert "feature 1 ('A')" in str(caught.value)  # and still where and what
    # A file that names WGS 84 (or longitude/latitude by another name) reads as any other.
    crs["properties"]["name"] = "urn:ogc:def:crs:OGC:1.3:CRS84"
    features[0]["geometry"]["coordinates"] = [37.6, 55.7]
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}))
    catalogue, report = read_catalogue(path)
    assert len(catalogue.events) == 1 and "longitude" in str(report.problems[0])
    assert not report.notes
    # Named EPSG:27700 with one feature on the globe by chance: it opens, and the report says
    # why the others did not.
    crs["properties"]["name"] = "EPSG:27700"
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}))
    catalogue, report = read_catalogue(path)
    assert len(catalogue.events) == 1 and "EPSG:27700" in report.notes[0]


@pytest.mark.parametrize(
    "name", ["urn:ogc:def:crs:EPSG::3857", "EPSG:3857", "EPSG:900913", "ESRI:102100"]
)
def test_a_geojson_in_web_mercator_opens_its_metres_made_degrees(tmp_path, name):
    """A QGIS layer in the web maps' projection saved with its "crs" member was refused,
    though that member says exactly what the metres are: they are made longitude and
    latitude by Web Mercator's own formula, and the report says so."""
    features = [
        {"type": "Feature", "properties": {"name": "Moscow talks", "date": "2024-05-01"},
         "geometry": {"type": "Point", "coordinates": [4187000, 7509000]}},
        {"type": "Feature", "properties": {"name": "Route", "date": "2024-05-03"},
         "geometry": {"type": "LineString",
                      "coordinates": [[261848.15, 6250566.72], [4187000, 7509000]]}},
        {"type": "Feature", "properties": {"name": "Off the map", "date": "2024-05-04"},
         "geometry": {"type": "Point", "coordinates": [9e7, 7509000]}},
    ]  # fmt: skip
    crs = {"type": "name", "properties": {"name": name}}
    path = write(
        tmp_path / "mercator.geojson",
        json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}),
    )
    catalogue, report = read_catalogue(path)
    events = by_title(catalogue)
    lon, lat = place_of(catalogue, events["Moscow talks"]).representative
    assert (round(lon, 4), round(lat, 4)) == (37.6125, 55.751)
    route = place_of(catalogue, events["Route"]).geometry
    assert [(round(x, 4), round(y, 4)) for x, y in route.coords] == [
        (2.3522, 48.8566),  # Paris
        (37.6125, 55.751),
    ]
    code = name.replace("urn:ogc:def:crs:EPSG::", "EPSG:")
    assert report.asides == [
        f'its coordinates are Web Mercator metres ({code}, as its "crs" member says), not '
        "longitude and latitude: converted to longitude and latitude (WGS 84), as QGIS would "
        "reproject them"
    ]
    (problem,) = report.problems  # beyond the projected world: said as any other point
    assert problem.item == "feature 3 ('Off the map')" and "longitude" in problem.message
    # Degrees under a "crs" member copied from a Web Mercator file: read as the degrees they
    # are (in metres they would all be within a kilometre of 0°, 0°), and said.
    features[0]["geometry"]["coordinates"] = [37.6125, 55.751]
    del features[1:]
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}))
    catalogue, report = read_catalogue(path)
    assert catalogue.places_of(catalogue.events[0])[0].representative == (37.6125, 55.751)
    assert report.asides == [
        f'its "crs" member names Web Mercator ({code}), but its coordinates are longitude and '
        "latitude (none is over 1,000, as Web Mercator's metres are): read as longitude and "
        "latitude"
    ]


@pytest.mark.parametrize(("east", "north"), [("x", "y"), ("Easting", "Northing"), ("lon", "lat")])
def test_a_table_in_web_mercator_opens_when_its_towns_confirm_the_metres(tmp_path, east, north):
    """A CSV whose x/y columns hold Web Mercator metres was refused ("'y' holds no latitudes
    … metres?") though its city column says where each row is: the towns confirm the metres
    are Web Mercator's, as for a GeoJSON file, so they are made degrees and the report says so."""
    path = write(
        tmp_path / "mercator.csv",
        f"date,title,city,{east},{north}\n"
        "2024-01-01,A,Paris,261848.15,6250566.72\n"
        "2024-01-02,B,Moscow,4187000,7509000\n"
        "2024-01-03,C,Berlin,oops,6894018.29\n",
    )
    catalogue, report = read_catalogue(path)
    events = by_title(catalogue)
    assert place_of(catalogue, events["A"]).representative == pytest.approx(
        (2.3522, 48.8566), abs=1e-4
    )
    assert place_of(catalogue, events["B"]).representative == pytest.approx(
        (37.6125, 55.751), abs=1e-4
    )
    assert report.asides == [
        "its coordinates are metres, not longitude and latitude, and nothing says which system "
        f"they are in ({east!r} and {north!r}); they are Web Mercator's (EPSG:3857): 2 of the 2 "
        "places it names that we know are where Web Mercator puts them ('Paris' at 48.8566° N, "
        "2.3522° E), so they were converted to longitude and latitude (save the file in WGS 84 "
        "to be sure)"
    ]
    (problem,) = report.problems  # a cell that is no number: said as before
    assert problem.item == "row 4" and "not numbers" in problem.message
    # With a decimal comma, as a European QGIS writes a semicolon-separated table, too.
    decimal_comma = path.read_text().replace(",", ";").replace(".", ",")
    catalogue, report = read_catalogue(write(tmp_path / "comma.csv", decimal_comma))
    assert place_of(catalogue, by_title(catalogue)["A"]).representative == pytest.approx(
        (2.3522, 48.8566), abs=1e-4
    )
    assert len(report.asides) == 1 and len(catalogue.events) == 2
    # The dialog's guess shows the columns as the coordinates they are.
    guess = guess_fields(path)
    assert (guess.choice.lat, guess.choice.lon) == (north, east) and not guess.missing
    # So does a choice the user made in the dialog.
    choice = FieldChoice(TimeSource("date"), title="title", place="city", lat=north, lon=east)
    catalogue, report = read_catalogue(path, fields=choice)
    assert place_of(catalogue, by_title(catalogue)["A"]).representative == pytest.approx(
        (2.3522, 48.8566), abs=1e-4
    )


def test_a_table_in_metres_nothing_confirms_is_refused_saying_how_to_reproject(tmp_path):
    """Metres with no town to tell whose they are (or towns elsewhere: a national grid's)
    are not guessed at: refused, saying what they look like and how to save them in degrees."""
    path = write(tmp_path / "grid.csv", "date,title,x,y\n2024-01-01,A,261848.15,6250566.72\n")
    with pytest.raises(FormatError) as error:
        read_catalogue(path)
    message = str(error.value)
    assert "'y' holds no latitudes: 6.25057e+06 is outside -90…90" in message
    assert "Save the table in WGS 84 (EPSG:4326)" in message
    # British National Grid metres beside the rows' towns: not where Web Mercator puts them.
    path = write(tmp_path / "bng.csv", "date,city,x,y\n2024-01-01,London,530000,180000\n")
    with pytest.raises(FormatError, match="'y' holds no latitudes: 180000 is outside"):
        read_catalogue(path)
    # Easting and northing so were ignored, the rows placed by their towns' names "(no
    # coordinates given)": refused too, not hidden.
    path = write(
        tmp_path / "bng.csv", "date,city,Easting,Northing\n2024-01-01,London,530000,180000\n"
    )
    with pytest.raises(FormatError) as error:
        read_catalogue(path)
    assert str(error.value) == (
        f"{path}: no latitude/longitude or WKT column found: 'Easting' and 'Northing' hold "
        "projected metres (e.g. 530000, 180000), not degrees of longitude and latitude, and "
        "nothing says which system they are in (Web Mercator, EPSG:3857, or a national grid). "
        "Save the table in WGS 84 (EPSG:4326): in QGIS, add it as a delimited text layer with "
        "its system, then Export ▸ Save Features As… with CRS EPSG:4326; or, if they are Web "
        "Mercator's (EPSG:3857), name each row's town in a 'place' column to say so"
    )


def test_shapes_drawn_across_the_date_line_in_leaflet_open(tmp_path):
    """Leaflet and geojson.io write longitudes past 180 for a shape drawn across the date line
    (or on the copy of the world beside the first): each was refused as off the globe."""
    features = [
        {"type": "Feature", "properties": {"name": name, "date": "2020-01-01"},
         "geometry": {"type": kind, "coordinates": coordinates}}
        for name, kind, coordinates in (
            ("Flight", "LineString", [[170, 10], [190, 12]]),
            ("Fiji", "Polygon", [[[175, -20], [185, -20], [185, -15], [175, -15], [175, -20]]]),
            ("Suva", "Point", [538.4, -18.1]),  # two world copies east
            ("Bow-tie", "Polygon", [[[175, 0], [185, 10], [185, 0], [175, 10], [175, 0]]]),
        )
    ]  # fmt: skip
    path = tmp_path / "leaflet.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    catalogue, report = read_catalogue(path)
    assert not report.problems
    places = {e.title: place_of(catalogue, e) for e in catalogue.events}
    assert list(places["Flight"].geometry.coords) == [(170, 10), (-170, 12)]
    assert places["Fiji"].geometry.bounds == (-180, -20, 180, -15)
    assert places["Fiji"].geometry.area == pytest.approx(50)
    assert places["Suva"].geometry.coords[0] == pytest.approx((-181.6 + 360, -18.1))
    assert places["Bow-tie"].kind is PlaceKind.REGION  # repaired, then cut
    assert "'Bow-tie' was not a valid area (Self-intersection" in report.notes[0]
    # A KML's too, and a point past 180 that nothing names is still a spot.
    kml = tmp_path / "across.kml"
    kml.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
        "<TimeStamp><when>2020</when></TimeStamp><Point><coordinates>190,12</coordinates>"
        "</Point></Placemark></Document></kml>"
    )
    catalogue, report = read_catalogue(kml)
    assert [p.name for p in catalogue.places.values()] == ["12.00000, -170.00000"]
    # Beyond two turns they are not degrees: refused as before.
    features[0]["geometry"]["coordinates"] = [[170, 10], [900, 12]]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    _catalogue, report = read_catalogue(path)
    assert "longitude out of range -180…180 (found 170…900)" in str(report.problems[0])


def test_linked_places_when_is_the_features_time(tmp_path):
    """The Linked Places format (World Historical Gazetteer, Pelagios) gives a feature's time
    in a `when` member beside its properties: the file was refused as having no date."""

    def feature(title, when, where=(2.35, 48.85)):
        return {
            "type": "Feature", "@id": f"http://example.org/{title}",
            "properties": {"title": title, "ccodes": ["FR"]}, "when": when,
            "geometry": {"type": "GeometryCollection", "geometries": [
                {"type": "Point", "coordinates": list(where), "certainty": "certain"}]},
        }  # fmt: skip

    def span(start, end=None):
        return {"start": start, **({"end": end} if end else {})}

    features = [
        feature("Abbey", {"timespans": [span({"in": "1200"}, {"in": "1300"})]}),
        feature("Fort", {"timespans": [span({"earliest": "1500", "latest": "1510"},
                                            {"earliest": "1590", "latest": "1600-05"})]}),
        feature("Mint", {"timespans": [span({"in": "1700"}), span({"in": "1650"}, {"in": "1660"})],
                         "periods": [{"name": "Early modern"}]}),
        feature("Temple", {"timespans": [span({"in": "-0450"}, {"in": "-0400"})]}),
        feature("Lost", {"label": "medieval"}),  # no timespan: no date
    ]  # fmt: skip
    path = tmp_path / "places.lpf.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    catalogue, report = read_catalogue(path)
    spans = {e.title: (e.time.start_iso, e.time.end_iso) for e in catalogue.events}
    assert spans == {
        "Abbey": ("1200-01-01", "1300-12-31"),
        "Fort": ("1500-01-01", "1600-05-31"),  # at their widest
        "Mint": ("1650-01-01", "1700-12-31"),  # both timespans
        "Temple": ("-0450-01-01", "-0400-12-31"),
    }
    (problem,) = report.problems
    assert problem.item == "feature 5 ('Lost')"


@pytest.mark.parametrize("value", [0, 0.0, "0", "00", " 0 "])
def test_a_bare_zero_is_no_year(value):
    """A sheet's 0 for "unknown" was read as the year 1 BC, a silently wrong date."""
    with pytest.raises(DateError, match="no year 0 comes between 1 BC and AD 1"):
        parse_date(value)


def test_iso_year_zero_written_out_is_still_1_bc():
    assert parse_date("0000").edtf == "0000"  # ISO 8601's year 0, as EDTF writes 1 BC


@pytest.mark.parametrize("value", ["January 25", "Jan 25", "January, 25", "Jan 5, 25", "May 5"])
def test_a_month_and_a_short_number_asks_for_the_year(value):
    """An American sheet's "January 25" is a day with no year: it was read as January of the
    year 25, a silently wrong date."""
    with pytest.raises(DateError, match="write the year with four digits|Write the year"):
        parse_date(value)


@pytest.mark.parametrize("value", ["03 Mar 21", "3 March 21", "25th Jan. 25", "3 de marzo 21"])
def test_a_day_a_month_and_a_short_number_asks_for_the_year(value):
    """A British sheet's "03 Mar 21" was read as 3 March of the year 21 AD, with nothing said
    (its "03-Mar-21" asked for the year in full)."""
    with pytest.raises(DateError, match="Write the year with four digits"):
        parse_date(value)


def test_a_year_before_100_with_its_era_still_reads():
    assert parse_date("August 79 AD").edtf == "0079-08"
    assert parse_date("March 44 BC").edtf == "-0043-03"
    assert parse_date("24 August 79 AD").edtf == "0079-08-24"


def test_a_csv_of_a_sheet_with_its_header_over_two_rows(tmp_path):
    # Saved from a sheet whose "Location" is merged over "Latitude" and "Longitude", and whose
    # other columns' names are merged down over both rows.
    text = (
        "Date,Event,Location,,\n"
        ",,Latitude,Longitude,\n"
        "1914-06-28,Assassination in Sarajevo,43.8563,18.4131,\n"
        ",,,,\n"
        "1916-02-21,Battle of Verdun begins,49.1597,east,\n"
    )
    path = write(tmp_path / "ww1.csv", text)
    catalogue, report = read_catalogue(path)
    [event] = catalogue.events
    assert event.title == "Assassination in Sarajevo"
    assert place_of(catalogue, event).representative == (18.4131, 43.8563)
    [problem] = report.problems  # the file's rows as a spreadsheet shows them
    assert (problem.item, problem.field) == ("row 5", "Latitude/Longitude")
    assert report.notes == []  # the empty column at the end is a column of the header


@pytest.mark.parametrize(
    ("year", "month", "day", "edtf"),
    [
        ("1914", "6", "28", "1914-06-28"),
        (1914, 6.0, 28.0, "1914-06-28"),  # a workbook's or a JSON file's numbers
        ("1914", "June", "28", "1914-06-28"),
        ("1914", "Jun.", "", "1914-06"),
        ("2015", "11", "0", "2015-11"),  # the Global Terrorism Database's 0: unknown
        ("2015", "0", "0", "2015"),
        ("44 BC", "3", "15", "-0043-03-15"),
    ],
)
def test_a_date_from_year_month_and_day_cells(year, month, day, edtf):
    assert parse_year_month_day(year, month, day).edtf == edtf


@pytest.mark.parametrize(
    ("year", "month", "day", "words"),
    [
        ("2015", "13", "2", "'13' is not a month (they go from 1 to 12)"),
        ("2015", "2", "30", "'30' is not a day of February 2015 (it has 28 days)"),
        ("2015", "", "5", "a day ('5') without a month"),
        ("c. 1850", "3", "", "'c. 1850' is not a single year, to go with a month"),
    ],
)
def test_year_month_and_day_cells_that_make_no_date_say_why(year, month, day, words):
    with pytest.raises(DateError) as caught:
        parse_year_month_day(year, month, day)
    assert str(caught.value) == words


def test_year_month_and_day_columns_make_one_date(tmp_path):
    # As the Global Terrorism Database and a class's sheets keep dates: the month and the day
    # were ignored, every event dated to its whole year.
    text = (
        "iyear,imonth,iday,city,latitude,longitude,title\n"
        "2015,1,7,Paris,48.8566,2.3522,Newspaper attacked\n"
        "2015,11,0,Paris,48.8566,2.3522,Day unknown\n"
        "2015,2,30,Paris,48.8566,2.3522,No such day\n"
    )
    path = write(tmp_path / "gtd.csv", text)
    guess = guess_fields(path)
    assert guess.choice.time == TimeSource("iyear", None, "year", "imonth", "iday")
    assert guess.choice.time.label == "iyear / imonth / iday"
    assert not guess.ambiguous
    catalogue, report = read_catalogue(path)
    events = by_title(catalogue)
    assert events["Newspaper attacked"].time.edtf == "2015-01-07"
    assert events["Day unknown"].time.edtf == "2015-11"
    [problem] = report.problems
    assert (problem.item, problem.field) == ("row 4", "iyear / imonth / iday")
    assert "not a day of February 2015" in problem.message
    with_names = write(tmp_path / "class.csv", "Year,Month,Event,Place\n1914,June,Shot,Sarajevo\n")
    assert open_catalogue(with_names).events[0].time.edtf == "1914-06"


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("28 June 1914[3]", "1914-06-28"),
        ("1914–1918[note 1]", "1914/1918"),
        ("c. 1850[citation needed]", "1850~"),
        ("1066 [a]", "1066"),
        ("March 1917 – November 1918[12]", "1917-03/1918-11"),
    ],
)
def test_a_date_copied_from_wikipedia_with_its_reference_mark(value, edtf):
    assert parse_date(value).edtf == edtf


def test_a_table_copied_from_wikipedia_reads_without_its_reference_marks(tmp_path):
    text = (
        "Date,Event,Location,Notes\n"
        "28 June 1914[3],Assassination of Franz Ferdinand[a],Sarajevo[4],Sparked a crisis.[5]\n"
        '"March 1917 – November 1918[12]",Russian Revolution,Saint Petersburg[b],\n'
    )
    catalogue, report = read_catalogue(write(tmp_path / "wiki.csv", text))
    assert not report.problems
    events = by_title(catalogue)
    assert set(events) == {"Assassination of Franz Ferdinand", "Russian Revolution"}
    shot = events["Assassination of Franz Ferdinand"]
    assert (shot.time.edtf, shot.summary) == ("1914-06-28", "Sparked a crisis.")
    assert place_of(catalogue, shot).name == "Sarajevo"
    assert place_of(catalogue, events["Russian Revolution"]).name == "Saint Petersburg"


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("753–509 BC", "-0752/-0508"),
        ("500 to 400 BCE", "-0499/-0399"),
        ("c. 1200–1150 BC", "-1199~/-1149~"),  # about, at both ends
        ("44 BC – AD 14", "-0043/0014"),
        ("1–14 AD", "0001/0014"),
    ],
)
def test_a_range_of_years_bc_with_the_era_written_once_at_its_end(value, edtf):
    # The start was read as a year AD, and the range refused as ending before it began.
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("6/1914", "1914-06"),
        ("06/1914", "1914-06"),
        ("06-1914", "1914-06"),
        ("06.1914", "1914-06"),
        ("12/2024", "2024-12"),
        ("6/1914 – 11/1918", "1914-06/1918-11"),
        ("17/01/2025 – 20/01/2025", "2025-01-17/2025-01-20"),
    ],
)
def test_a_month_and_its_year_as_spreadsheets_write_them(value, edtf):
    """ "6/1914" was refused as "not a valid EDTF date"; it is June 1914."""
    span = parse_date(value)
    assert span.edtf == edtf
    assert span.precision.value == ("day" if edtf.count("-") == 4 else "month")


def test_two_date_columns_that_disagree_name_the_row_as_the_file_numbers_it(tmp_path):
    """The reason named "row 1" (the header, in a spreadsheet) for the first row of data, and
    gave the other column's "11/9/1989" as 11 September though the file writes month first."""
    text = (
        "date,reported_date,title,lat,lon\n"
        "11/9/1989,11/9/1989,Wall falls,52.5,13.4\n"
        "12/25/1989,11/9/1990,Later,52.5,13.4\n"
    )
    guess = guess_fields(write(tmp_path / "two.csv", text))
    assert guess.choice.date_order == "mdy"
    assert guess.reasons == (
        "'date' and 'reported_date' disagree (row 3: 1989-12-25 and 1990-11-09)",
    )


GOOGLE_FORM = (
    "Timestamp,Email Address,Event title,Date of the event,Location,Latitude,Longitude\n"
    "3/14/2024 10:32:05,a@example.com,Fall of the Berlin Wall,11/9/1989,Berlin,52.52,13.38\n"
    "3/14/2024 10:35:41,b@example.com,Moon landing,7/20/1969,Mare Tranquillitatis,0.67,23.47\n"
)


def test_a_google_form_reads_the_date_asked_for_not_when_each_answer_was_sent(tmp_path):
    """A class's form responses all opened on the day the students sent them (its first
    column, "Timestamp"), not on the dates they gave."""
    path = write(tmp_path / "Events (Responses) - Form responses 1.csv", GOOGLE_FORM)
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Fall of the Berlin Wall": "1989-11-09",
        "Moon landing": "1969-07-20",
    }
    guess = guess_fields(path)
    assert [s.field for s in guess.candidates["time"]] == ["Date of the event", "Timestamp"]
    # The window does not ask: when an answer was sent always differs from the date asked
    # for, and is no event's date (it was asked, and the form said it was unsure).
    assert guess.reasons == ()
    assert guess.choice.time.field == "Date of the event"
    only = write(tmp_path / "log.csv", "Timestamp,Title,Lat,Lon\n2024-03-14T10:00,A,1,1\n")
    assert guess_fields(only).choice.time.field == "Timestamp"  # no other date: as before


@pytest.mark.parametrize("asked", ["2024-03-04", "March 4, 2024", "04 Mar 2024"])
def test_a_forms_us_timestamp_is_not_read_day_first_to_say_the_dates_disagree(tmp_path, asked):
    """A Google Form sent on 4 March about an event of 4 March: its "Timestamp" of "3/4/2024
    14:05:00", read day first as 3 April, made the window ask because the dates "disagree
    (row 2: 2024-03-04 and 2024-04-03)". Read either way before saying they disagree, and
    shown as written when they do."""
    rows = (
        "Timestamp,Email Address,Event title,Date of the event,Location,Latitude,Longitude\n"
        f'3/4/2024 14:05:00,a@example.com,Talks,"{asked}",Berlin,52.52,13.38\n'
    )
    assert guess_fields(write(tmp_path / "same.csv", rows)).reasons == ()
    later = (
        rows + '3/5/2024 10:35:41,b@example.com,Wall falls,"November 9, 1989",Berlin,52.5,13.4\n'
    )
    # Dates that differ from when the answers were sent are no reason to ask either.
    assert guess_fields(write(tmp_path / "differ.csv", later)).reasons == ()
    # A form whose answers say the order ("14/03/2024", day first): its timestamps are so too.
    uk = (
        "Timestamp,Event title,Date of the event,Latitude,Longitude\n"
        "04/03/2024 14:05:00,Talks,14/03/2024,52.52,13.38\n"
    )
    guess = guess_fields(write(tmp_path / "uk.csv", uk))
    assert (guess.reasons, guess.choice.time.field) == ((), "Date of the event")


MS_FORM = (
    "ID,Start time,Completion time,Email,Name,Event,Event date,City\n"
    "1,3/5/2024 10:01:02,3/5/2024 10:05:10,ann@example.com,Ann Lee,Flood in the old town,"
    "2024-02-28,Paris\n"
    "2,3/6/2024 11:01:02,3/6/2024 11:04:10,bob@example.com,Bob Ray,Bridge closed,"
    "2024-03-01,Lyon\n"
)


def test_a_microsoft_form_is_titled_by_its_event_and_dated_by_the_date_asked_for(tmp_path):
    """A Microsoft Forms export titled each event with the respondent's "Name" (which ranks
    above "Event" in any other table), and its submission times are no event's date."""
    path = write(tmp_path / "Incident report(1-2).csv", MS_FORM)
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Flood in the old town": "2024-02-28",
        "Bridge closed": "2024-03-01",
    }
    guess = guess_fields(path)
    assert guess.choice.title == "Event"
    assert [s.field for s in guess.candidates["time"]] == [
        "Event date",
        "Start time",
        "Completion time",
    ]
    # In any other table "Name" is still the title, and a form that asked for no date is
    # dated by when it was answered, as before.
    other = write(tmp_path / "other.csv", "Name,Event,Date,City\nA,B,2024-01-01,Paris\n")
    assert guess_fields(other).choice.title == "Name"
    undated = MS_FORM.replace(",Event date", ",Note").replace(",2024-0", ",note 2024-0")
    assert guess_fields(write(tmp_path / "u.csv", undated)).choice.time.field == "Start time"
    # Google's form: the respondent's name asked for first is not the title either.
    google = GOOGLE_FORM.replace("Email Address,", "Email Address,Name,").replace(
        ".com,", ".com,Ann,"
    )
    assert guess_fields(write(tmp_path / "g.csv", google)).choice.title == "Event title"


def test_a_surveymonkey_export_reads_the_questions_asked_not_when_it_was_answered(tmp_path):
    """A survey of 50 columns: its "Start Date" and "End Date" (when each respondent took
    it) were read as every event's span, and "Where (city)?" was no place: the file was
    refused, "no latitude/longitude, WKT or place-name column found"."""
    questions = [f"Q{n}" for n in range(1, 38)]
    header = [
        "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
        "Email Address", "First Name", "Last Name", "Custom Data 1", *questions,
        "What happened?", "When did it happen?", "Where (city)?", "Comments",
    ]  # fmt: skip
    assert len(header) == 50
    rows = [
        ["11", "2", "01/15/2025 10:00:00 AM", "01/15/2025 10:05:00 AM", "1.2.3.4", "a@b.c",
         "Ann", "Lee", "", *"x" * 37, "Flood", "2025-01-10", "Paris", ""],
        ["12", "2", "01/16/2025 10:00:00 AM", "01/16/2025 10:05:00 AM", "1.2.3.4", "b@b.c",
         "Bob", "Ray", "", *"y" * 37, "Fire", "2025-01-12", "Lyon", ""],
    ]  # fmt: skip
    text = "\n".join(",".join(row) for row in [header, *rows]) + "\n"
    path = write(tmp_path / "survey.csv", text)
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Flood": "2025-01-10",
        "Fire": "2025-01-12",
    }
    assert {p.name for p in catalogue.places.values()} == {"Paris", "Lyon"}
    guess = guess_fields(path)
    assert [s.label for s in guess.candidates["time"]][-1] == "Start Date … End Date"
    assert guess.choice.place == "Where (city)?"


QUALTRICS = (
    "StartDate,EndDate,Status,IPAddress,RecordedDate,ResponseId,LocationLatitude,"
    "LocationLongitude,Q1,Q2,Q3\n"
    "Start Date,End Date,Response Type,IP Address,Recorded Date,Response ID,Location Latitude,"
    "Location Longitude,What happened?,When did it happen?,Where did it happen?\n"
    + ",".join(
        f'"{{""ImportId"":""{name}""}}"'
        for name in (
            "startDate",
            "endDate",
            "status",
            "ipAddress",
            "recordedDate",
            "_recordId",
            "locationLatitude",
            "locationLongitude",
            "QID1_TEXT",
            "QID2_TEXT",
            "QID3_TEXT",
        )
    )  # fmt: skip
    + "\n"
    "2025-01-15 10:00:00,2025-01-15 10:05:00,0,1.2.3.4,2025-01-15 10:05:01,R_1,39.74,-104.99,"
    "Flood,2025-01-10,Paris\n"
    "2025-01-16 10:00:00,2025-01-16 10:05:00,0,1.2.3.4,2025-01-16 10:05:01,R_2,39.74,-104.99,"
    "Fire,2025-01-12,Lyon\n"
)


def test_a_qualtrics_export_reads_its_questions_not_its_respondents(tmp_path):
    """Its rows of question texts and import ids were read as two broken events, the others
    titled "Row 4", dated when answered and placed where the respondent was (Denver)."""
    catalogue, report = read_catalogue(write(tmp_path / "survey.csv", QUALTRICS))
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Flood": "2025-01-10",
        "Fire": "2025-01-12",
    }
    assert {p.name for p in catalogue.places.values()} == {"Paris", "Lyon"}
    assert not report.problems and report.total == 2
    assert not report.unsure  # when each was answered is no reason to ask


def test_a_time_column_empty_in_every_row_is_not_the_date(tmp_path):
    """TimelineJS's sheet has a "Time" column beside its Year, Month and Day, mostly left
    empty: it was taken for the date, and every row was refused as "the date is empty"."""
    text = (
        "Year,Month,Day,Time,Headline,Location\n"
        "1914,6,28,,Assassination in Sarajevo,Sarajevo\n"
        "1918,11,11,,Armistice,Compiègne\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "timeline.csv", text))
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Assassination in Sarajevo": "1914-06-28",
        "Armistice": "1918-11-11",
    }
    assert not report.problems


TIMELINE_JS = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
    "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Location\n"
    "1914,6,28,,,,,,,Assassination in Sarajevo,Franz Ferdinand is shot,,,,,,,,Sarajevo\n"
    "1914,7,28,,1918,11,11,,,War in Europe,The Great War,,,,,,,,Belgium\n"
    "1917,,,,1918,,,,,Revolution and civil war,,,,,,,,,Saint Petersburg\n"
    "1918,11,11,,1918,11,1,,,Typo,,,,,,,,,Compiègne\n"
)


def test_a_timelinejs_sheet_reads_its_start_and_end_dates(tmp_path):
    """Knight Lab's TimelineJS template (journalists' timelines): its "End Year" was taken for
    the date, and every event without an end was refused; now each is its Year / Month / Day,
    to its End Year / End Month / End Day when it has one."""
    path = write(tmp_path / "timeline.csv", TIMELINE_JS)
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Assassination in Sarajevo": "1914-06-28",
        "War in Europe": "1914-07-28/1918-11-11",
        "Revolution and civil war": "1917/1918",
    }
    assert [str(p) for p in report.problems] == [
        "row 5, field 'Year / Month / Day … End Year / End Month / End Day': the end "
        "('1918-11-01') is before the start ('1918-11-11')"
    ]
    guess = guess_fields(path)
    assert guess.choice.time.fields == (
        "Year", "Month", "Day", "End Year", "End Month", "End Day"
    )  # fmt: skip
    assert not guess.ambiguous


def test_a_column_of_dates_written_both_ways_is_said_to_be_unsure(tmp_path):
    """ "4/5/2024" was read month first, as "3/14/2024" above it, though "14/3/2024" beside
    it is day first: the guess says the column is written both ways, and the command line
    says how it was read."""
    text = "date,title,lat,lon\n3/14/2024,US,1,1\n14/3/2024,EU,1,1\n4/5/2024,Either,1,1\n"
    path = write(tmp_path / "merged.csv", text)
    guess = guess_fields(path)
    assert guess.ambiguous and guess.choice.date_order == "mdy"
    assert guess.candidates["date_order"] == ("mdy", "dmy")
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "US": "2024-03-14",
        "EU": "2024-03-14",
        "Either": "2024-04-05",
    }
    assert warning_lines(report) == [
        "merged.csv: the dates in 'date' are written month first ('3/14/2024') and day first "
        "('14/3/2024'), so those that read both ways ('4/5/2024') may be either; read with "
        "the likeliest fields (numeric dates read as month/day). Open it in the window to "
        "choose."
    ]
    plain = write(tmp_path / "plain.csv", "date,title,lat,lon\n3/14/2024,US,1,1\n4/5/2024,A,1,1\n")
    assert not guess_fields(plain).ambiguous  # one order: "4/5/2024" is 5 April


@pytest.mark.parametrize(
    ("value", "edtf", "words"),
    [
        ("1850s?", "185X?", "the 1850s (uncertain)"),
        ("44 BC?", "-0043?", "44 BC (uncertain)"),
        ("March 1850?", "1850-03?", "March 1850 (uncertain)"),
        ("14th century?", "13XX?", "14th century (uncertain)"),
        ("probably 1850", "1850?", "1850 (uncertain)"),
        ("possibly the 1990s", "199X?", "the 1990s (uncertain)"),
        ("c. 1850?", "1850%", "about 1850 (uncertain)"),  # about, and unsure of it
        ("c. 1066 (disputed)", "1066%", "about 1066 (uncertain)"),
        ("1850?", "1850?", "1850 (uncertain)"),  # EDTF, as before
    ],
)
def test_an_uncertain_date_with_a_question_mark_or_a_word_before_it(value, edtf, words):
    """ "1850s?" and "44 BC?" were refused though "1850?" read; "probably 1850" was told
    "'probably' is not a month"; "c. 1850?" lost its question mark."""
    span = parse_date(value)
    assert (span.edtf, span.describe()) == (edtf, words)
    assert span.uncertain


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("Sept. 11, 2001 8:46 a.m. ET", "2001-09-11"),  # AP style: a zone of two letters
        ("6 Jan 2021 10:00 PT", "2021-01-06"),
        ("Wed Jan 06 2021 14:00:00 GMT+0000 (Coordinated Universal Time)", "2021-01-06"),
        ("Wed Jan 06 2021 23:30:00 GMT-0500 (Eastern Standard Time)", "2021-01-06"),
    ],
)
def test_times_of_day_as_ap_style_and_javascript_write_them(value, edtf):
    """They were refused as unreadable; the zone's name in brackets is no note on the date."""
    assert parse_date(value).edtf == edtf
    assert date_note(value) == ""


def test_a_javascript_date_with_an_impossible_offset_is_still_refused():
    with pytest.raises(DateError, match=re.escape("+25:00 is not a time-zone offset")):
        parse_date("Wed Jan 06 2021 14:00:00 GMT+2500 (Nowhere Time)")


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("1. März 2024", "2024-03-01"),  # German
        ("17. Jänner 2025", "2025-01-17"),  # Austrian
        ("1er mars 2024", "2024-03-01"),  # French
        ("17 décembre 1914", "1914-12-17"),
        ("août 1914", "1914-08"),
        ("1 de marzo de 2024", "2024-03-01"),  # Spanish
        ("marzo de 2024", "2024-03"),
        ("1° marzo 2024", "2024-03-01"),  # Italian
        ("1º de março de 2024", "2024-03-01"),  # Portuguese
        ("1 maart 2024", "2024-03-01"),  # Dutch
        ("1–5 mars 2024", "2024-03-01/2024-03-05"),
        ("17 January 2025", "2025-01-17"),  # as before
    ],
)
def test_dates_written_with_the_months_of_the_languages_whose_columns_are_read(value, edtf):
    """A German sheet's "1. März 2024" was refused as unreadable, though its 'Datum' column
    was recognised."""
    assert parse_date(value).edtf == edtf


def test_a_german_table_with_written_dates(tmp_path):
    text = (
        "Datum;Titel;Breite;Länge\n1. März 2024;Streik;52,52;13,405\n2. Mai 2024;Demo;48,14;11,58\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "termine.csv", text))
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Streik": "2024-03-01",
        "Demo": "2024-05-02",
    }
    assert not report


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("Monday, March 5, 2024", "5 March 2024 was a Tuesday, not a Monday"),
        ("Mon 17 Jan 2025", "17 January 2025 was a Friday, not a Monday"),
        ("Thu, 17 Jan 2025 10:00:00 GMT", "17 January 2025 was a Friday, not a Thursday"),
        ("Fri 17 Jan 2025 – Thu 24 Jan 2025", "24 January 2025 was a Friday, not a Thursday"),
    ],
)
def test_a_day_whose_weekday_is_another_is_refused_not_read_as_the_day(value, reason):
    """ "Monday, March 5, 2024" was read as Tuesday 5 March without a word: one of the two
    is a typo, and the file should say which day it means."""
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert reason + ": correct the day or the weekday" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("Tuesday, March 5, 2024", "2024-03-05"),
        ("Fri, 17 Jan 2025 10:00:00 GMT", "2025-01-17"),
        ("Tues. 5 March 2024", "2024-03-05"),
        ("Saturday 14 October 1066", "1066-10-14"),  # Hastings, a Saturday (Julian)
        ("Tuesday 14 January 1918", "1918-01-14"),  # not checked: maybe a Julian weekday
    ],
)
def test_a_day_with_its_weekday_right_or_before_the_gregorian_calendar_everywhere(value, edtf):
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("800-12-25", "0800-12-25"),  # Charlemagne's coronation, the year as written
        ("800/12/25", "0800-12-25"),
        ("079-08-24", "0079-08-24"),
    ],
)
def test_a_day_with_a_year_of_three_digits_first(value, edtf):
    """ "800-12-25" was refused with "write the year in full (four digits)": it is in full."""
    assert parse_date(value).edtf == edtf


def test_a_year_of_three_digits_first_does_not_settle_a_columns_day_order():
    assert slash_order(["800-12-25", "03/04/2025"]) == ("dmy", True)  # still a guess


@pytest.mark.parametrize("value", ["800-13-25", "123.4.5", "17/01/25"])
def test_a_day_with_a_short_year_that_cannot_be_read_so(value):
    with pytest.raises(DateError):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("6/12", "has no year in full"),  # the 6th of December, or June 2012?
        ("6-12", "has no year in full"),
        ("13/2024", "has no month 13"),
        ("0/2024", "has no month 0"),
        ("6.1914", "a year must be a whole number"),  # a number, not June 1914
    ],
)
def test_a_month_and_a_year_that_cannot_be_read_so_is_refused(value, reason):
    with pytest.raises(DateError, match=re.escape(reason)):
        parse_date(value)


def test_a_table_of_months_and_years_names_the_row_without_a_full_year(tmp_path):
    text = (
        "Date,Event,Lat,Lon\n"
        "6/1914,Sarajevo,43.856,18.413\n"
        "11/1918,Armistice,49.43,2.83\n"
        "6/12,Unclear,48.85,2.35\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "war.csv", text))
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Sarajevo": "1914-06",
        "Armistice": "1918-11",
    }
    assert [str(p) for p in report.problems] == [
        "row 4, field 'Date': '6/12' has no year in full: write a day with its year "
        "(6/12/2012) or a month with its year's four digits (6/2012)"
    ]


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("c 1850", "1850~"),  # circa without its full stop
        ("c1850", "1850~"),
        ("ca 1850", "1850~"),
        ("c 1200 BC", "-1199~"),
        ("c 1200–1150 BC", "-1199~/-1149~"),
        ("c 14th century", "13XX~"),
        ("10,000 BC", "-9999"),  # the thousands separator
        ("10 000 BC", "-9999"),  # as French writes it
        ("2,500 BCE", "-2499"),
        ("2,500–1,500 BC", "-2499/-1499"),
        ("10 000–8 000 BC", "-9999/-7999"),
        ("c. 10,000 BC", "-9999~"),
        ("1,000 AD", "1000"),
    ],
)
def test_circa_without_its_stop_and_years_with_a_thousands_separator(value, edtf):
    span = parse_date(value)
    assert span.edtf == edtf
    assert span.approximate == ("~" in edtf)  # circa: drawn soft, as other unsure dates


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("12,000 BC", "too long ago for the time line, which goes back to 10,000 BC"),
        ("10001 BC", "too long ago for the time line"),
        ("1,850", "is not a date we can read"),  # no era: a number, not plainly a year
        ("17 January 1,850", "is not a date we can read"),
        ("cx 1850", "is not a date we can read"),
        ("c1", "is not a date we can read"),  # a code ("C1", "C2"), not about the year 1
        ("C12", "is not a date we can read"),
    ],
)
def test_years_with_separators_that_are_no_date_on_the_time_line(value, reason):
    with pytest.raises(DateError, match=re.escape(reason)):
        parse_date(value)


def test_a_table_of_prehistory_reads_its_years_with_separators(tmp_path):
    text = (
        "date,title,lat,lon\n"
        '"10,000 BC",Natufian culture,32.8,35.0\n'
        '"c 7,000 BC",Çatalhöyük,37.67,32.83\n'
        '"12,000 BC",Too early,32.8,35.0\n'
    )
    catalogue, report = read_catalogue(write(tmp_path / "prehistory.csv", text))
    events = by_title(catalogue)
    assert events["Natufian culture"].time.describe() == "10000 BC"
    assert events["Çatalhöyük"].time.edtf == "-6999~"
    assert [str(p) for p in report.problems] == [
        "row 4, field 'date': '12,000 BC' is too long ago for the time line, which goes back "
        "to 10,000 BC"
    ]


@pytest.mark.parametrize(
    ("value", "edtf", "words"),
    [
        ("14th–15th century BC", "-14XX/-13XX", "15th century BC – 14th century BC"),
        ("15th–14th century BC", "-14XX/-13XX", "15th century BC – 14th century BC"),
        ("14th-15th centuries BC", "-14XX/-13XX", "15th century BC – 14th century BC"),
        ("the 14th and 15th centuries BC", "-14XX/-13XX", "15th century BC – 14th century BC"),
        ("s. XIV-XV a.C.", "-14XX/-13XX", "15th century BC – 14th century BC"),
        ("early 3rd century BC", "-0299/-0266", "300 BC–267 BC"),  # as early 3rd c.: 200–233
        ("mid-3rd century BC", "-0265/-0233", "266 BC–234 BC"),
        ("late 3rd century BC", "-0232/-0200", "233 BC–201 BC"),
        ("late 1st century BC", "-0032/0000", "33 BC–1 BC"),
        ("the first half of the 2nd century BC", "-0199/-0150", "200 BC–151 BC"),
        ("early XIV century a.C.", "-1399/-1366", "1400 BC–1367 BC"),
        ("early 3rd century", "0200/0233", "200–233"),  # as before
        ("mid-3rd century", "0234/0266", "234–266"),
    ],
)
def test_centuries_bc_written_in_either_order_and_their_parts(value, edtf, words):
    """ "14th–15th century BC" was refused as ending before it starts, and "early 3rd
    century BC" as unreadable."""
    span = parse_date(value)
    assert (span.edtf, span.describe()) == (edtf, words)


def test_parts_of_centuries_bc_read_the_same_in_a_table(tmp_path):
    text = (
        "date,title,lat,lon\n"
        "early 3rd century BC,Founding,40.6,22.9\n"
        "14th–15th century BC,Palace,35.3,25.16\n"
        "turn of the 3rd century BC,Unclear,40.6,22.9\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "ancient.csv", text))
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Founding": "-0299/-0266",
        "Palace": "-14XX/-13XX",
    }
    assert [(p.item, p.field) for p in report.problems] == [("row 4", "date")]


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("Q3 2021", "2021-07/2021-09"),
        ("2021-Q1", "2021-01/2021-03"),
        ("2021 Q4", "2021-10/2021-12"),
        ("q2/2021", "2021-04/2021-06"),
        ("H1 2021", "2021-01/2021-06"),
        ("2021-H2", "2021-07/2021-12"),
    ],
)
def test_a_quarter_or_a_half_of_a_year_is_its_months(value, edtf):
    assert parse_date(value).edtf == edtf


def test_a_half_of_a_year_that_is_none_is_refused():
    with pytest.raises(DateError, match=r"'H3 2021': a year has two halves, H1 and H2"):
        parse_date("H3 2021")


def test_coordinates_with_a_typeset_minus_sign(tmp_path):
    # Wikipedia writes negative numbers with U+2212, the minus sign, which float() refuses: the
    # whole file was refused as having no latitudes it could read as numbers.
    text = (
        "Date,Title,Lat,Lon\n"
        "2025-01-17,Santiago,\u221233.45,\u221270.66\n"
        "2025-01-18,Also Santiago,33° 27′ S,\u221270° 40′\n"
    )
    catalogue = open_catalogue(write(tmp_path / "chile.csv", text))
    points = [place_of(catalogue, e).representative for e in catalogue.events]
    assert points == [(-70.66, -33.45), (pytest.approx(-70.6667, abs=1e-4), -33.45)]
    pair = write(
        tmp_path / "pair.csv", 'date,title,coordinates\n2025-01-17,A,"\u221233.45, 70.66"\n'
    )
    one = open_catalogue(pair)
    assert place_of(one, one.events[0]).representative == (70.66, -33.45)


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("\u200b1914", "1914"),  # a zero-width space, as copying from a web page leaves
        ("1914\ufeff", "1914"),  # a byte order mark in mid-file, where two files were joined
        ("\u200e1916-07-01\u200f", "1916-07-01"),  # direction marks round an ISO day
        ("19\u00ad17", "1917"),  # a soft hyphen
        ("28\u00a0June\u202f1914", "1914-06-28"),  # no-break spaces, as Wikipedia writes dates
        ("\u2066Q3 2021\u2069", "2021-07/2021-09"),  # an isolate round text from a sheet
    ],
)
def test_a_date_with_invisible_characters_reads_as_it_shows(value, edtf):
    assert parse_date(value).edtf == edtf


def test_a_table_with_invisible_characters_reads_as_it_shows(tmp_path):
    # A zero-width space, a BOM or a direction mark in a cell made its date or its number
    # unreadable ("'\u200b1914' is not a date we can read") though the cell shows "1914".
    text = (
        "\u200bDate,Title,Lat,Lon,Place,Category\n"
        "\u200b1914,Sarajevo,\u200b43.85,18.41\u00a0,,war\n"
        "1916-07-01,Somme,\u200e50.0\u200f,\ufeff2.7,,war\u200b\n"
        "1917,\u200bArras battle\u200b,,,\u200bArras\u00a0,war\n"
    )
    path = write(tmp_path / "copied.csv", text)
    assert guess_fields(path).choice.time == TimeSource("Date")
    catalogue, report = read_catalogue(path)
    assert not report.problems
    events = by_title(catalogue)
    assert set(events) == {"Sarajevo", "Somme", "Arras battle"}
    assert events["Sarajevo"].time.edtf == "1914"
    assert place_of(catalogue, events["Sarajevo"]).representative == (18.41, 43.85)
    assert place_of(catalogue, events["Somme"]).representative == (2.7, 50.0)
    assert {e.category for e in catalogue.events} == {"war"}  # one category, not two
    assert place_of(catalogue, events["Arras battle"]).name == "Arras"
    pair = write(tmp_path / "pair.csv", 'date,title,coordinates\n1916,Verdun,"49.16\u200b, 5.38"\n')
    verdun = open_catalogue(pair)
    assert place_of(verdun, verdun.events[0]).representative == (5.38, 49.16)
    ymd = write(
        tmp_path / "ymd.csv",
        "Year,Month,Day,Title,Lat,Lon\n1916\u200b,\u200bFebruary,21\u00a0,Verdun,49.16,5.38\n",
    )
    assert open_catalogue(ymd).events[0].time.edtf == "1916-02-21"


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("1066 (disputed)", "1066?"),
        ("1066 [uncertain]", "1066?"),
        ("Oct. 1066 (?)", "1066-10?"),
        ("1350 (approx.)", "1350~"),
        ("c. 1350 (est.)", "1350~"),  # about already: kept so
        ("14 October 1066 (Julian)", "1066-10-14"),  # a note with no bearing: the date as given
        ("2024-06-25 (updated)", "2024-06-25"),
        ("1941–1945 (approx.)", "1941~/1945~"),  # both ends: it was the exact span
        ("1914–1918 (disputed)", "1914?/1918?"),
        ("c. 138–126 BC", "-0137~/-0125~"),  # it lost its "c."
        ("c. 1200–1300", "1200~/1300~"),
        ("c. June–July 1914", "1914-06~/1914-07~"),
    ],
)
def test_a_date_with_a_note_in_brackets_after_it(value, edtf):
    # It was "not a date we can read", with the generic hint: the note is not part of the date,
    # but a note of doubt makes the date uncertain, and one of estimation makes it about.
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("before 1066", "'before 1066' has no start, .* as 'first/last' \\(e.g. '1056/1066'\\)"),
        ("pre-1066", "'pre-1066' has no start"),
        ("until 14 October 1066", "has no start, .*'1056/1066-10-14'.*'1066-10-14\\?'"),
        ("after 1066", "'after 1066' has no end, .* \\(e.g. '1066/1076'\\), or '1066\\?' if"),
        ("from June 2014", "'from June 2014' has no end, .*'2014-06/2024'"),
        ("after 44 BC", "'after 44 BC' has no end, .* as 'first/last', or '-0043\\?'"),
    ],
)
def test_a_date_open_at_one_end_is_refused_saying_what_to_write(value, message):
    # It was "'before' is not a month".
    with pytest.raises(DateError, match=message):
        parse_date(value)
    assert parse_date("from Aug. 25 to Sept. 17, 1941").edtf == "1941-08-25/1941-09-17"


@pytest.fixture
def fixed_today(monkeypatch):
    """Today, for the readers, held at one day: a test that took its own today and then read
    "2014–present" failed when midnight passed between the two (CI runs at any hour)."""
    from types import SimpleNamespace

    from mapexplorer.formats import dates

    day = datetime.date(2026, 3, 15)

    class Today(datetime.date):
        @classmethod
        def today(cls):
            return day

    held = SimpleNamespace(date=Today, timedelta=datetime.timedelta, datetime=datetime.datetime)
    monkeypatch.setattr(dates, "_dt", held)
    return day


@pytest.mark.parametrize(
    ("value", "start"),
    [
        ("2014–present", "2014"),
        ("2014 - Present", "2014"),
        ("2022–ongoing", "2022"),
        ("March 2014 – present", "2014-03"),
        ("1 March 2014 to date", "2014-03-01"),
        ("since 2014", "2014"),
        ("Since March 2014", "2014-03"),
        ("2011–", "2011"),
        ("2011-", "2011"),
        ("2014 (ongoing)", "2014"),
        ("2014–present[3]", "2014"),  # Wikipedia's reference mark
    ],
)
def test_a_span_still_going_on_is_read_to_today(value, start, fixed_today):
    # It was "'present' is not a date we can read" ("since 2014": "has no end"): Wikipedia's
    # tables write wars, offices and disputes so. An event needs both ends: today is its end.
    today = fixed_today.isoformat()
    assert parse_date(value).edtf == f"{start}/{today}"
    assert parse_date("1941–1945").edtf == "1941/1945"  # a range as before
    with pytest.raises(DateError, match="not a valid EDTF"):
        parse_date("2024-06-")  # a date cut short, not "2024-06 to today"
    later = fixed_today.year + 2
    with pytest.raises(DateError, match=f"'{later}–present' is still going on, but starts after"):
        parse_date(f"{later}–present")


def test_a_table_of_spans_still_going_on_says_so_in_the_report_and_the_date_note(
    tmp_path, fixed_today
):
    text = (
        "date,title,lat,lon\n"
        "2014–present,War in Donbas,48.0,37.8\n"
        "1941–1945,War,52.5,13.4\n"
        "since 2014,Annexation,44.6,33.5\n"
        "2014 (ongoing),Sanctions,55.75,37.62\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "wars.csv", text))
    events = by_title(catalogue)
    donbas = events["War in Donbas"]
    assert donbas.time.end == TimeSpan.parse(fixed_today.isoformat()).end
    assert donbas.date_note == (
        f"The file gives '2014–present', still going on: read as {donbas.time.describe()}, to "
        "the day the file was opened."
    )
    assert "still going on" in events["Sanctions"].date_note  # not "a note in brackets"
    assert events["War"].date_note == ""
    assert report.notes == [
        "rows 2, 4 and 5 are still going on, read to today, the day the file was opened "
        f"('2014–present' as {donbas.time.describe()})"
    ]
    feature = _point_feature({"title": "War in Donbas", "date": "2014–present"})
    geojson = open_catalogue(write(tmp_path / "wars.geojson", _collection(feature)))
    assert geojson.events[0].date_note == donbas.date_note


def test_a_table_of_dates_with_notes_keeps_each_note_as_its_events_date_note(tmp_path):
    text = (
        "date,title,lat,lon\n"
        "1066 (disputed),Stamford Bridge,53.99,-0.91\n"
        "14 October 1066,Hastings,50.91,0.49\n"
        "before 1066,Older,51.5,-0.1\n"
        "25 December 1066 (Julian) ,Coronation,51.5,-0.13\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "1066.csv", text))
    events = by_title(catalogue)
    assert events["Stamford Bridge"].time.edtf == "1066?"
    assert events["Stamford Bridge"].date_note == (
        "The file gives '1066 (disputed)', read as 1066 (uncertain): the note in brackets is "
        "not part of the date."
    )
    assert events["Coronation"].time.edtf == "1066-12-25"
    assert "'25 December 1066 (Julian)'" in events["Coronation"].date_note
    assert events["Hastings"].date_note == ""
    [problem] = report.problems
    assert (problem.item, problem.field) == ("row 4", "date")
    assert problem.message.startswith("'before 1066' has no start")
    assert report.notes == [
        "rows 2 and 5 have a note in brackets after the date, not read as part of it but kept "
        "as the event's date note ('1066 (disputed)' as 1066 (uncertain))"
    ]
    feature = _point_feature({"title": "Stamford Bridge", "date": "1066 (disputed)"})
    geojson = open_catalogue(write(tmp_path / "1066.geojson", _collection(feature)))
    assert geojson.events[0].time.edtf == "1066?"
    assert "'1066 (disputed)'" in geojson.events[0].date_note


def _gdelt_row(values: dict[str, str], width: int) -> str:
    from mapexplorer.formats.gdelt import _BY_WIDTH

    return "\t".join(values.get(name, "") for name in _BY_WIDTH[width])


@pytest.mark.parametrize("width", [57, 58, 61])
def test_a_gdelt_events_file_without_a_header_row(tmp_path, width):
    # GDELT's own files have no header: the first event was taken as one, and the file was
    # refused as having no latitude/longitude column.
    event = {
        "GLOBALEVENTID": "1180000001", "SQLDATE": "20240625", "MonthYear": "202406",
        "Year": "2024", "FractionDate": "2024.4795", "Actor1Name": "RUSSIA",
        "Actor2Name": "UKRAINE", "EventCode": "190", "Actor1Geo_Lat": "55.75",
        "Actor1Geo_Long": "37.62", "ActionGeo_FullName": "Kharkiv, Kharkivs'ka Oblast, Ukraine",
        "ActionGeo_Lat": "49.9808", "ActionGeo_Long": "36.2527", "DATEADDED": "20240626",
        "SOURCEURL": "https://example.org/kharkiv",
    }  # fmt: skip
    other = {**event, "GLOBALEVENTID": "1180000002", "SQLDATE": "20240626", "ActionGeo_Lat": ""}
    text = _gdelt_row(event, width) + "\n" + _gdelt_row(other, width) + "\n"
    catalogue, report = read_catalogue(write(tmp_path / "20240626.export.CSV", text))
    (read,) = catalogue.events
    assert read.time.edtf == "2024-06-25" and read.actors == ("RUSSIA", "UKRAINE")
    place = place_of(catalogue, read)
    assert place.representative == (36.2527, 49.9808)  # the action's place, not the actor's
    assert place.name == "Kharkiv, Kharkivs'ka Oblast, Ukraine"
    assert [(p.item, p.field) for p in report.problems] == [
        ("row 2", "ActionGeo_Lat/ActionGeo_Long")  # numbered from 1: no header row
    ]
    assert report.notes == []  # every row read is read as written
    assert report.asides[0] == (
        f"the file has no header row: read as GDELT's events, with GDELT's {width} column "
        "names (SQLDATE, Actor1Name, ActionGeo_Lat…)"
    )
    assert guess_fields(tmp_path / "20240626.export.CSV").choice.time == TimeSource("SQLDATE")
    assert read.title == "Fight: RUSSIA – UKRAINE"  # it was "190", its CAMEO code
    assert read.extra["EventCode"] == "190"  # kept


@pytest.mark.parametrize(
    ("code", "root", "actors", "title"),
    [
        ("040", "04", "RUSSIA\tIRAN", "Consult: RUSSIA – IRAN"),
        ("0874", "08", "UKRAINE\t", "Yield: UKRAINE"),
        ("20", "", "\t", "Use unconventional mass violence"),  # no root column: the code's
        ("010", "1", "\tNATO", "Make public statement: NATO"),  # a root's zero lost
        ("999", "", "A\tB", "999"),  # no CAMEO code: as it is
    ],
)
def test_gdelt_events_are_titled_in_words_from_their_cameo_code(
    tmp_path, code, root, actors, title
):
    header = (
        "GLOBALEVENTID\tSQLDATE\tActor1Name\tActor2Name\tEventCode\tActionGeo_Lat\tActionGeo_Long"
    )
    header += "\tEventRootCode" if root else ""
    row = f"1\t20250117\t{actors}\t{code}\t35.69\t51.39" + (f"\t{root}" if root else "")
    (event,) = open_catalogue(write(tmp_path / "gdelt.tsv", f"{header}\n{row}\n")).events
    assert event.title == title
    plain = "date\ttitle\tEventCode\tlat\tlon\n2025-01-17\tTalks\t040\t1\t1\n"  # not GDELT
    assert open_catalogue(write(tmp_path / "plain.tsv", plain)).events[0].title == "Talks"


@pytest.mark.parametrize(
    ("code", "root", "category"),
    [
        ("190", "19", "war"),  # Fight
        ("040", "04", "diplomacy"),  # Consult
        ("0874", "08", "diplomacy"),  # Yield: a ceasefire
        ("073", "07", "economy"),  # Provide aid
        ("141", "14", "politics"),  # Protest
        ("20", "", "war"),  # no root column: the code's
        ("999", "", "other"),  # no CAMEO code
    ],
)
def test_gdelt_events_are_the_apps_categories_by_their_cameo_root(tmp_path, code, root, category):
    """GDELT's events were coloured grey and listed in the filter as "19", "04": their
    category, from their CAMEO root code, is one of the app's; the codes stay fields."""
    header = "GLOBALEVENTID\tSQLDATE\tActor1Name\tActor2Name\tEventCode\tQuadClass\tlat\tlon"
    header += "\tEventRootCode" if root else ""
    row = f"1\t20250117\tRUSSIA\tUKRAINE\t{code}\t4\t35.69\t51.39" + (f"\t{root}" if root else "")
    (event,) = open_catalogue(write(tmp_path / "gdelt.tsv", f"{header}\n{row}\n")).events
    assert event.category == category
    assert event.extra["EventCode"] == code and event.extra["QuadClass"] == "4"
    assert event.extra.get("EventRootCode", "") == root  # kept
    plain = "date\ttitle\tcategory\tlat\tlon\n2025-01-17\tTalks\t04\t1\t1\n"  # not GDELT
    assert open_catalogue(write(tmp_path / "plain.tsv", plain)).events[0].category == "04"


def test_a_table_whose_first_row_only_looks_like_gdelt_keeps_it_as_its_header(tmp_path):
    header = ["id", "20240625", "202406", "2024"] + [f"c{i}" for i in range(54)]
    text = ",".join(header) + "\n" + ",".join(["1", "2", "3", "4"] + ["x"] * 54) + "\n"
    with pytest.raises(FormatError, match="'id', '20240625'"):
        read_catalogue(write(tmp_path / "odd.csv", text))


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("June 25, 2024 → June 27, 2024", "2024-06-25/2024-06-27"),
        ("June 25, 2024 2:30 PM → June 27, 2024 4:00 PM", "2024-06-25/2024-06-27"),
        ("2024-06-25→2024-06-27", "2024-06-25/2024-06-27"),
    ],
)
def test_a_range_written_with_an_arrow_as_notion_exports_one(value, edtf):
    # Notion's CSV export writes a date property's range so: each row was refused.
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("2024/06/25 14:30:00+00", "2024-06-25"),  # ArcGIS Pro's and PostgreSQL's text
        ("25/06/2024 14:30 +02", "2024-06-25"),
        ("2024/06/25 14:30:00-05:30", "2024-06-25"),
    ],
)
def test_a_date_and_time_with_an_offset_in_hours_only(value, edtf):
    # "+00" was read only after an ISO day ("2025-01-17 10:30:00+00"): the whole column of
    # "2024/06/25 14:30:00+00" was refused as 'not a valid EDTF date'.
    assert parse_date(value).edtf == edtf
    with pytest.raises(DateError, match=r"\+25:00 is not a time-zone offset"):
        parse_date("2024/06/25 14:30:00+25")


def test_an_incident_column_is_the_title(tmp_path):
    """A journalist's incident log names its events in an "Incident" column: that is the
    title, not the place (the list read "Kharkiv", "Odesa", the incident a field beside)."""
    path = tmp_path / "log.csv"
    path.write_text(
        "Date,Incident,Location,Lat,Lon,Notes\n"
        "2024-03-02,Shelling of market,Kharkiv,49.99,36.23,Several killed\n"
        "2024-03-05,Drone strike on port,Odesa,46.48,30.72,\n",
        encoding="utf-8",
    )
    catalogue, report = read_catalogue(path)
    assert not report
    assert [e.title for e in catalogue.events] == ["Shelling of market", "Drone strike on port"]
    assert [e.summary for e in catalogue.events] == ["Several killed", ""]
    assert {p.name for p in catalogue.places.values()} == {"Kharkiv", "Odesa"}
    assert all("Incident" not in e.extra for e in catalogue.events)


WIKIDATA_ROWS = [
    ("Q193236", "Assassination of Franz Ferdinand", "Point(18.4131 43.8563)", "1914-06-28"),
    ("Q79962", "Assassination of Julius Caesar", "Point(12.4767 41.8953)", "-0043-03-15"),
    ("Q361", "World War I", "Point(2.35 48.85)", "1914-01-01"),  # a year, as Wikidata writes it
    ("Q64", "Plus", "Point(13.4 52.5)", "+1914-07-28"),
]


def _wikidata(kind: str) -> str:
    entity = "http://www.wikidata.org/entity/"
    if kind == "csv":
        lines = ["item,itemLabel,coord,date"]
        lines += [
            f"{entity}{q},{label},{wkt},{day}T00:00:00Z" for q, label, wkt, day in WIKIDATA_ROWS
        ]
        return "\n".join(lines) + "\n"
    if kind == "tsv":
        wkt_type = "<http://www.opengis.net/ont/geosparql#wktLiteral>"
        day_type = "<http://www.w3.org/2001/XMLSchema#dateTime>"
        lines = ["?item\t?itemLabel\t?coord\t?date"]
        lines += [
            f'<{entity}{q}>\t"{label}"@en\t"{wkt}"^^{wkt_type}\t"{day}T00:00:00Z"^^{day_type}'
            for q, label, wkt, day in WIKIDATA_ROWS
        ]
        return "\n".join(lines) + "\n"
    if kind == "json":
        return json.dumps(
            [
                {"item": entity + q, "itemLabel": label, "coord": wkt, "date": f"{day}T00:00:00Z"}
                for q, label, wkt, day in WIKIDATA_ROWS
            ]
        )
    bindings = [
        {
            "item": {"type": "uri", "value": entity + q},
            "itemLabel": {"xml:lang": "en", "type": "literal", "value": label},
            "coord": {"type": "literal", "value": wkt},
            "date": {"type": "literal", "value": f"{day}T00:00:00Z"},
        }
        for q, label, wkt, day in WIKIDATA_ROWS
    ]
    head = {"vars": ["item", "itemLabel", "coord", "date"]}
    return json.dumps({"head": head, "results": {"bindings": bindings}})


@pytest.mark.parametrize(
    ("kind", "suffix"), [("csv", "csv"), ("tsv", "tsv"), ("json", "json"), ("verbose", "json")]
)
def test_a_wikidata_query_download_opens_as_the_query_means_it(tmp_path, kind, suffix):
    """query.wikidata.org's downloads (CSV, TSV, JSON, verbose JSON) of `?item ?itemLabel
    ?coord ?date`: refused as having no location column (`coord` holds "Point(lon lat)"),
    the TSV's header `?item` and its cells written as RDF terms ("Paris"@en), the JSON as
    "not GeoJSON". Each is titled by the item's label, keeps the item's address as a field
    (a link in the details), is placed at its point as a spot, and dated: "+1914-07-28" as
    that day, "-0043-03-15" 44 BC, and 1 January, Wikidata's date known only to its year,
    as the year, with a note."""
    path = write(tmp_path / f"query.{suffix}", _wikidata(kind))
    guess = guess_fields(path)
    assert not guess.ambiguous and guess.choice.title == "itemLabel"
    catalogue, report = read_catalogue(path)
    assert not report.problems
    seen = {(e.title, e.time.edtf, e.extra["item"].rsplit("/", 1)[1]) for e in catalogue.events}
    assert seen == {
        ("Assassination of Franz Ferdinand", "1914-06-28", "Q193236"),
        ("Assassination of Julius Caesar", "-0043-03-15", "Q79962"),
        ("World War I", "1914", "Q361"),
        ("Plus", "1914-07-28", "Q64"),
    }
    caesar = by_title(catalogue)["Assassination of Julius Caesar"]
    assert caesar.extra["item"] == "http://www.wikidata.org/entity/Q79962"
    assert place_of(catalogue, caesar).representative == (12.4767, 41.8953)
    assert place_of(catalogue, caesar).name == "41.89530, 12.47670"  # a spot, not "Assassi…"
    assert "Wikidata writes a date known only to its year" in report.notes[-1]
    assert by_title(catalogue)["World War I"].date_note.startswith("Wikidata gives 1 January 1914")
    plain = "date,title,coord\n1914-01-01,New Year,Point(2.35 48.85)\n"  # not Wikidata's
    catalogue, _ = read_catalogue(write(tmp_path / "plain.csv", plain))
    assert catalogue.events[0].time.edtf == "1914-01-01"  # a day, placed by its WKT


def test_ids_made_from_names_keep_their_accented_letters(tmp_path):
    """ "Besançon" made the id `besan-on` (the ç cut out, not its cedilla), "Łódź" `d`."""
    text = (
        "title,date,place,lat,lon\n"
        "Fête à Besançon,2024-06-21,Besançon,47.24,6.02\n"
        "Strike in Łódź,2024-06-22,Łódź,51.76,19.46\n"
        "Rally in São Paulo,2024-06-23,São Paulo,-23.55,-46.63\n"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "accents.csv", text))
    assert [e.id for e in catalogue.chronological()] == [
        "fete-a-besancon",
        "strike-in-lodz",
        "rally-in-sao-paulo",
    ]
    assert sorted(catalogue.places) == ["besancon", "lodz", "sao-paulo"]
    assert {p.name for p in catalogue.places.values()} == {"Besançon", "Łódź", "São Paulo"}


def test_ids_made_from_titles_in_other_scripts_keep_their_words(tmp_path):
    """Arabic, Hebrew, CJK, Cyrillic titles all had ids "event", "event-2" … by their rows'
    order (another row above renumbered them, and `--select event-4` said nothing of which);
    their ids are their own words now, and open and save as they are."""
    text = (
        "title,date,place\n"
        "قمة القاهرة للسلام,2023-10-21,Cairo\n"
        "מבצע בירושלים,2023-10-07,Jerusalem\n"
        "東京で地震,2024-01-01,Tokyo\n"
        "서울 회담,2024-05-27,Seoul\n"
        "Встреча в Москве,2024-06-01,Moscow\n"
        "भारत सम्मेलन,2024-06-03,New Delhi\n"
        "🎉🎉,2024-06-04,Riyadh\n"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "scripts.csv", text))
    assert {e.title: e.id for e in catalogue.events} == {
        "قمة القاهرة للسلام": "قمة-القاهرة-للسلام",
        "מבצע בירושלים": "מבצע-בירושלים",
        "東京で地震": "東京で地震",  # the voicing mark of で kept with its letter
        "서울 회담": "서울-회담",
        "Встреча в Москве": "встреча-в-москве",
        "भारत सम्मेलन": "भारत-सम्मेलन",  # the vowel signs kept
        "🎉🎉": "event",  # no letters: the fallback
    }
    saved = tmp_path / "scripts.geojson"
    native.save(catalogue, saved)
    assert [e.id for e in native.load(saved).events] == [e.id for e in catalogue.events]
    assert is_slug("東京で地震") and is_slug("встреча-в-москве")
    assert not is_slug("Москва") and not is_slug("kraków") and not is_slug("a--b")


def test_a_year_a_slash_and_a_number_read_as_the_column_reads_them(tmp_path):
    """ "2010/11" read as the years 2010–2011 in every file, with nothing said: in a sheet of
    months ("2010/03", a Japanese survey's) it is November 2010. Read as the column's other
    dates of the form are, the rows so read named in the report with how."""
    months = write(
        tmp_path / "survey.csv",
        "date,title,lat,lon\n2010/03,Survey A,35.68,139.69\n2010/11,Survey B,35.68,139.69\n",
    )
    catalogue, report = read_catalogue(months)
    events = by_title(catalogue)
    assert events["Survey A"].time.edtf == "2010-03" and events["Survey B"].time.edtf == "2010-11"
    assert events["Survey B"].date_note == (
        "The file gives '2010/11', which could be 2010–2011: read as November 2010."
    )
    assert events["Survey A"].date_note == ""  # no other reading
    assert report.notes == [
        "row 3 ('2010/11') could be a month or years: read as months ('2010/11' as November "
        "2010, not 2010–2011), as the file's '2010/03' is a month; write 2010–2011 for years"
    ]
    budgets = write(
        tmp_path / "budgets.csv",
        "year,title,lat,lon\n2008/09,Budget A,51.5,-0.12\n2010/11,Budget B,51.5,-0.12\n"
        "2019/20,Budget C,51.5,-0.12\n",
    )
    catalogue, report = read_catalogue(budgets)
    assert [e.time.edtf for e in catalogue.events] == ["2008/2009", "2010/2011", "2019/2020"]
    assert report.notes == [
        "rows 2 and 3 ('2008/09', '2010/11') could be a school or fiscal year or a month: read "
        "as years ('2008/09' as 2008–2009, not September 2008), as the file's '2019/20' is "
        "years; write 2008-09 for a month"
    ]
    alone = write(tmp_path / "alone.csv", "date,title,lat,lon\n2010/11,Budget,51.5,-0.12\n")
    catalogue, report = read_catalogue(alone)
    assert catalogue.events[0].time.edtf == "2010/2011"
    assert report.notes == [
        "row 2 ('2010/11') could be a school or fiscal year or a month: read as years "
        "('2010/11' as 2010–2011, not November 2010), as the second number is the year "
        "after; write 2010-11 for a month"
    ]
    assert report.headline() == "alone.csv: its one row read, not quite as written:"


def test_a_geojson_date_of_a_year_a_slash_and_a_number_is_read_as_the_files_others(tmp_path):
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [139.69, 35.68]},
         "properties": {"name": name, "date": date}}
        for name, date in (("Survey A", "2010/11/05"), ("Survey B", "2010/11"))
    ]  # fmt: skip
    path = write(
        tmp_path / "s.geojson", json.dumps({"type": "FeatureCollection", "features": features})
    )
    catalogue, report = read_catalogue(path)
    assert by_title(catalogue)["Survey B"].time.edtf == "2010-11"
    assert report.notes == [
        "feature 2 ('2010/11') could be a month or years: read as months ('2010/11' as "
        "November 2010, not 2010–2011), as the file's '2010/11/05' is a day; write 2010–2011 "
        "for years"
    ]


def test_points_at_latitude_0_longitude_0_are_reported(tmp_path):
    """A row a geocoder could not place, written 0, 0, opened in the sea off Africa with
    nothing said ("Null Island")."""
    text = "date,title,lat,lon\n2024-01-01,Kyiv rally,50.45,30.52\n2024-01-02,Unknown,0,0\n"
    catalogue, report = read_catalogue(write(tmp_path / "geocoded.csv", text))
    assert len(catalogue.events) == 2  # read as written
    assert report.notes == [
        "row 3 is at latitude 0, longitude 0, in the sea off West Africa, where places land "
        "when a geocoder found nothing or empty cells were read as 0: read as written; check "
        "its coordinates"
    ]
    marks = "".join(
        f"<Placemark><name>{name}</name><TimeStamp><when>2024-06-0{n}</when></TimeStamp>"
        f"<Point><coordinates>{point}</coordinates></Point></Placemark>"
        for n, (name, point) in enumerate([("A", "0,0,0"), ("B", "2.35,48.85"), ("C", "0,0")], 1)
    )
    kml = f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{marks}</Document></kml>'
    _, report = read_catalogue(write(tmp_path / "zero.kml", kml))
    assert report.notes[0].startswith("placemarks 1 and 3 are at latitude 0, longitude 0,")
    assert report.notes[0].endswith("check their coordinates")


def test_a_row_with_one_coordinate_empty_says_which(tmp_path):
    """It was "the coordinates ('50.4501', '') are not numbers", naming no empty cell."""
    text = (
        "date,title,lat,lon\n2024-01-01,A,50.45,30.52\n2024-01-02,B,50.4501,\n2024-01-03,C,,30.5\n"
    )
    _, report = read_catalogue(write(tmp_path / "half.csv", text))
    assert [str(p) for p in report.problems] == [
        "row 3, field 'lat/lon': the 'lon' is empty (its 'lat' is '50.4501')",
        "row 4, field 'lat/lon': the 'lat' is empty (its 'lon' is '30.5')",
    ]


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("mid C19", "1834/1866"),
        ("late C18", "1767/1799"),
        ("1914..1918", "1914/1918"),
        ("1900-06..1900-08", "1900-06/1900-08"),
        ("~1860s", "186X~"),
        ("c1850", "1850~"),  # circa, as before: not a century
    ],
)
def test_openstreetmap_start_dates_read(value, edtf):
    """An Overpass turbo export's start_date ("C18", "1914..1918", "~1860s", the forms of
    OpenStreetMap's wiki) was refused, and with too few dates read, the whole file."""
    assert parse_date(value).edtf == edtf


def test_an_openstreetmap_century_alone_says_how_to_write_it():
    """ "C18" alone may be a code, and stays refused, but says how to write a century."""
    with pytest.raises(DateError, match="if it is the 18th century, as OpenStreetMap writes it"):
        parse_date("C18")


def test_an_overpass_export_dated_by_start_date_opens(tmp_path):
    features = [
        _point_feature({"@id": "node/1", "name": "Castle", "start_date": "~1550"}),
        _point_feature({"@id": "node/2", "name": "Monument", "start_date": "early C18"}),
        _point_feature({"@id": "node/3", "name": "Mill", "start_date": "mid C19"}),
        _point_feature({"@id": "node/4", "name": "Bridge", "start_date": "1914..1918"}),
    ]
    catalogue, report = read_catalogue(write(tmp_path / "export.geojson", _collection(*features)))
    assert not report.problems
    assert by_title(catalogue)["Bridge"].time.edtf == "1914/1918"


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("1990s–2000s", "199X/200X"),
        ("1990s-2000s", "199X/200X"),
        ("the 1890s to the 1900s", "189X/190X"),
        ("1900s–1910s", "190X/191X"),
        ("1890s..1900s", "189X/190X"),
    ],
)
def test_decades_to_decades_read(value, edtf):
    """ "1990s–2000s" was refused: "'2000s' could be a decade or a century"; beside a decade
    it is one."""
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("Herbst 1989", "1989-23"),
        ("Frühjahr 1945", "1945-21"),
        ("automne 1942", "1942-23"),
        ("otoño de 1936", "1936-23"),
        ("estate 1943", "1943-22"),
        ("Herbst 1989 – Frühjahr 1990", "1989-23/1990-21"),
    ],
)
def test_seasons_in_the_languages_of_the_months_read(value, edtf):
    """A German sheet's "Herbst 1989" was refused ("'herbst' is not a month"), though its
    "1. März 2024" reads."""
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("encoding", "title", "name"),
    [
        ("cp1250", "Protest w Łodzi", "Windows-1250 (central European)"),
        ("cp1251", "Обстріл Харкова", "Windows-1251 (Cyrillic)"),
        ("mac_roman", "Café crème à Genève", "Mac Roman (Excel for Mac's CSV)"),
    ],
)
def test_a_csv_excel_saved_in_a_central_european_or_cyrillic_code_page(
    tmp_path, encoding, title, name
):
    """Excel saves CSV in the computer's code page: a Polish one's "Łódź" was read as
    Windows-1252, "£ódŸ" (and a Ukrainian one's "Харків" as "Õàðê³â"), with nothing said."""
    path = tmp_path / "events.csv"
    text = f"date;title;city\r\n2024-03-01;{title};Kharkiv\r\n2024-03-02;Rally;Lviv\r\n"
    path.write_bytes(text.encode(encoding))
    catalogue, report = read_catalogue(path)
    assert catalogue.events[0].title == title
    assert report.asides[0].startswith(f"the file is not UTF-8: read as {name} text")


def test_a_csv_in_windows_1252_reads_as_before(tmp_path):
    path = tmp_path / "events.csv"
    text = "date;title;city\r\n2024-03-01;Café naïve – “Señor” €5;München\r\n"
    path.write_bytes(text.encode("cp1252"))
    catalogue, report = read_catalogue(path)
    assert catalogue.events[0].title == "Café naïve – “Señor” €5"
    assert not any("UTF-8" in line for line in report.asides)


def test_a_table_with_ukrainian_or_russian_column_names(tmp_path):
    """ "Дата;Подія;Місто;Широта;Довгота" was refused: every Cyrillic name was made "" (one
    name for all five), and none was known."""
    text = "Дата;Подія;Місто;Широта;Довгота\n24.02.2022;Обстріл;Харків;49.99;36.23\n"
    catalogue, report = read_catalogue(write(tmp_path / "ua.csv", text))
    (event,) = catalogue.events
    assert (event.title, event.time.edtf) == ("Обстріл", "2022-02-24")
    place = place_of(catalogue, event)
    assert place.name == "Харків" and place.representative == (36.23, 49.99)
    guess = guess_fields(
        write(tmp_path / "ru.csv", "Дата,Событие,Город,Страна\n2022-03-01,Митинг,Berlin,Germany\n")
    )
    assert (guess.choice.title, guess.choice.place) == ("Событие", "Город")


def test_dates_that_read_both_ways_take_the_order_of_the_files_other_dates(tmp_path):
    """A US Google Form's "When did it happen?" of 3/10/2024 was read as 3 October, though
    its "Timestamp" beside it (3/15/2024 14:22:01) is plainly month first."""
    text = (
        "Timestamp,What happened?,When did it happen?,Where?\n"
        "3/15/2024 14:22:01,Flooding,3/10/2024,Valencia\n"
        "3/16/2024 9:01:44,Bridge closed,3/12/2024,Valencia\n"
    )
    path = write(tmp_path / "form.csv", text)
    guess = guess_fields(path)
    assert guess.choice.time.field == "When did it happen?"
    assert guess.choice.date_order == "mdy"
    assert not any("read both ways" in reason for reason in guess.reasons)
    catalogue, _ = read_catalogue(path)
    assert by_title(catalogue)["Flooding"].time.edtf == "2024-03-10"


def test_a_csv_with_a_title_and_notes_above_its_header(tmp_path):
    """A sheet's title and source lines above its table, saved as CSV with their empty cells
    ("Timeline,,,"), were read as the header and a data row: the file was refused."""
    text = (
        "Conflict timeline compiled by the newsdesk,,,\n"
        ",,,\n"
        "Source: ACLED and own reporting,,,\n"
        "Date,Event,City,Notes\n"
        "2024-01-03,Strike,Kharkiv,\n"
        "2024-13-04,Drone attack,Odesa,night\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "titled.csv", text))
    assert [e.title for e in catalogue.events] == ["Strike"]
    assert [p.item for p in report.problems] == ["row 6"]  # as the spreadsheet shows it


@pytest.mark.parametrize("before", ["\n\n", "\ufeff\n  ", "\r\n"])
def test_kml_and_gpx_with_blank_lines_before_the_xml_declaration(tmp_path, before):
    """A script's KML with a blank line before <?xml …?> was refused as "not XML (so not
    KML): XML or text declaration not at start of entity"; Google Earth reads it."""
    kml = (
        f'{before}<?xml version="1.0" encoding="UTF-8"?>\n'
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>A</name>'
        "<TimeStamp><when>2024-06-01</when></TimeStamp><Point><coordinates>2.35,48.85"
        "</coordinates></Point></Placemark></Document></kml>"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "script.kml", kml))
    assert [e.title for e in catalogue.events] == ["A"]
    gpx = (
        f'{before}<?xml version="1.0"?>\n<gpx version="1.1" xmlns="http://www.topografix.com/'
        'GPX/1/1"><wpt lat="48.85" lon="2.35"><time>2024-06-01T10:00:00Z</time><name>B</name>'
        "</wpt></gpx>"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "script.gpx", gpx))
    assert [e.title for e in catalogue.events] == ["B"]


def test_a_broken_kml_after_blank_lines_names_the_line_as_the_file_numbers_it(tmp_path):
    kml = (
        '\n\n<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n'
        "<Placemark><name>A</name></Placemark\n</Document></kml>"
    )
    with pytest.raises(FormatError, match="at line 6, column 1"):
        read_catalogue(write(tmp_path / "broken.kml", kml))


def test_a_column_of_web_map_links_places_the_rows(tmp_path):
    """A location column of Google Maps or OpenStreetMap links, as people paste them, was
    no location at all: the file was refused."""
    text = (
        "date,title,link\n"
        '2024-01-03,View,"https://www.google.com/maps/@50.4501,30.5234,12z"\n'
        '2024-01-05,Place,"https://www.google.com/maps/place/Lviv/@49.83,23.94,12z/data=!3m1'
        '!4b1!4m6!3m5!8m2!3d49.839683!4d24.029717?entry=ttu"\n'
        "2024-01-06,OSM,https://www.openstreetmap.org/#map=13/46.4825/30.7233\n"
        "2024-01-07,Marker,https://www.openstreetmap.org/?mlat=48.0159&mlon=37.8029\n"
        '2024-01-08,Query,"https://maps.google.com/?q=46.6354,32.6169"\n'
        '2024-01-09,Geo,"geo:49.99,36.23"\n'
        "2024-01-10,Short,https://maps.app.goo.gl/AbCdEf123\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "links.csv", text))
    points = {e.title: place_of(catalogue, e).representative for e in catalogue.events}
    assert points == {
        "View": (30.5234, 50.4501),
        "Place": (24.029717, 49.839683),  # the place's own pin, not the view's centre
        "OSM": (30.7233, 46.4825),
        "Marker": (37.8029, 48.0159),
        "Query": (32.6169, 46.6354),
        "Geo": (36.23, 49.99),
    }
    (problem,) = report.problems
    assert problem.message.startswith("'https://maps.app.goo.gl/AbCdEf123' is a short link")


@pytest.mark.parametrize(
    ("value", "edtf"),
    [("3–5.3.2021", "2021-03-03/2021-03-05"), ("3. – 5.3.2021", "2021-03-03/2021-03-05")],
)
def test_days_before_a_numeric_date_are_days_of_its_month(value, edtf):
    """A German sheet's "3–5.3.2021" was read from the year 3 AD to 5 March 2021."""
    assert parse_date(value).edtf == edtf


def test_a_bare_number_before_a_days_date_is_never_its_year():
    with pytest.raises(DateError, match="cannot read the start of this range"):
        parse_date("3 – 2021-03-05")


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("June-July 1944", "1944-06/1944-07"),
        ("Jan/Feb 2021", "2021-01/2021-02"),
        ("März-April 2021", "2021-03/2021-04"),
        ("Spring/Summer 1942", "1942-21/1942-22"),
    ],
)
def test_two_months_joined_by_a_hyphen_or_a_slash(value, edtf):
    """ "June-July 1944" was refused, though "June – July 1944" read."""
    assert parse_date(value).edtf == edtf


def test_json_records_wrapped_in_an_apis_answer(tmp_path):
    """An API's answer, {"status": "ok", "data": [{…}, …]}, was refused as "not a GeoJSON
    FeatureCollection (its type is missing)"."""
    doc = {
        "status": "ok",
        "count": 2,
        "results": [
            {"date": "2024-01-03", "title": "Strike", "lat": 49.99, "lon": 36.23},
            {"date": "2024-01-04", "title": "Drone attack", "lat": 46.48, "lon": 30.72},
        ],
    }
    path = write(tmp_path / "api.json", json.dumps(doc))
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Strike", "Drone attack"]
    assert report.asides[0] == "read the records in its 'results' member, one a row"
    assert guess_fields(path).choice.title == "title"


@pytest.mark.parametrize(
    "value", ["Wed Jan 03 10:15:00 +0000 2024", "Wed Jan  3 10:15:00 UTC 2024"]
)
def test_a_tweets_created_at_reads_as_its_day(value):
    """Twitter's API writes a tweet's created_at as C's ctime does: a dataset of tweets was
    refused ("not a date we can read")."""
    assert parse_date(value).edtf == "2024-01-03"
    with pytest.raises(DateError, match="'Thu Jan 03 10:15:00 \\+0000 2024': 3 January 2024"):
        parse_date("Thu Jan 03 10:15:00 +0000 2024")  # its weekday is checked, as written


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("24 лютого 2022 року", "2022-02-24"),
        ("3 января 2024 г.", "2024-01-03"),
        ("24.02.2022 р.", "2022-02-24"),
        ("серпень 1991", "1991-08"),
    ],
)
def test_ukrainian_and_russian_dates_read(value, edtf):
    """A Ukrainian sheet's "24 лютого 2022 року" was refused, as its column names were."""
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "order", "edtf"),
    [
        ("1944-03-00", "dmy", "1944-03"),
        ("1944-00-00", "dmy", "1944"),
        ("00.03.1944", "dmy", "1944-03"),
        ("03/00/1944", "mdy", "1944-03"),
    ],
)
def test_a_day_written_0_is_unknown(value, order, edtf):
    """An archive's "1944-03-00" (day unknown, as the GTD's day columns write 0) was refused
    as "not a real day", though a day column's 0 read as unknown."""
    assert parse_date(value, order).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("first half of 2021", "2021-01/2021-06"),
        ("second half of 2021", "2021-07/2021-12"),
        ("the third quarter of 2021", "2021-07/2021-09"),
        ("1st quarter 2021", "2021-01/2021-03"),
    ],
)
def test_a_quarter_or_a_half_in_words(value, edtf):
    """ "first half of 2021" was refused, though "H1 2021" read."""
    assert parse_date(value).edtf == edtf


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("1990s (late)", "1997/1999"),
        ("19th century (early)", "1800/1833"),
        ("2021 (late)", "2021-09/2021-12"),
    ],
)
def test_early_mid_or_late_in_brackets_after_the_date(value, edtf):
    """ "1990s (late)", as a catalogue sorts by the decade, was read as the whole 1990s."""
    assert parse_date(value).edtf == edtf


def test_rows_with_a_description_and_no_title_are_titled_by_its_opening(tmp_path):
    """A table of dates, notes and coordinates had its events titled "Row 2", "Row 3"."""
    text = (
        "Date,Notes,Latitude,Longitude\n"
        "2024-01-01,Short note.,50.45,30.52\n"
        '2024-01-02,"Artillery fire hit the market. Two killed, five injured.",50.45,30.52\n'
        '2024-01-03,"Shelling of a residential area in the north of the city, three injured",'
        "50.45,30.52\n"
        "2024-01-04,,50.45,30.52\n"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "notes.csv", text))
    assert [e.title for e in catalogue.events] == [
        "Short note",
        "Artillery fire hit the market",
        "Shelling of a residential area in the north of the city…",
        "Row 5",
    ]


def test_a_header_naming_only_its_first_column_is_still_the_header(tmp_path):
    """Since title lines above a header are skipped, "Date,,," over data rows was skipped as
    a title and the first data row taken for the header."""
    text = "Date,,,\n2024-01-03,Strike,50.45,30.52\n2024-01-04,Drone attack,46.48,30.72\n"
    path = write(tmp_path / "unnamed.csv", text)
    assert guess_fields(path).fields == ("Date", "column 2", "column 3", "column 4")
    text = "Timeline of the war,,,\nDate,,,\n2024-01-03,Strike,50.45,30.52\n"
    path = write(tmp_path / "titled.csv", text)
    assert guess_fields(path).fields == ("Date", "column 2", "column 3", "column 4")


@pytest.mark.parametrize("value", ["0000-00-00", "0000-00-00 00:00:00", "00/00/0000", "00.00.0000"])
def test_a_databases_date_of_zeros_is_no_date(value):
    """MySQL's "0000-00-00", a database export's "no date", was read as 1 BC once a day and a
    month of 0 meant unknown (8b05b5d)."""
    with pytest.raises(DateError, match="says the date is not known"):
        parse_date(value)


@pytest.mark.parametrize("value", ["26th January", "3 May", "1. März"])
def test_a_day_and_month_without_a_year_says_so(value):
    """ "26th January" was "not a date we can read: write it as 2025-01-17, …", as if its form
    were the trouble; "January 26" already said its year is missing."""
    with pytest.raises(DateError, match="a day without its year; write its year"):
        parse_date(value)


def test_an_end_column_of_present_or_ongoing_reads_to_today(tmp_path, fixed_today):
    """An end column's "present" or "ongoing" was refused ("not a date we can read"), and in
    a file where most ends were so, the end column was dropped with nothing said, a start
    after its end read as the start alone; "2014–present" in one cell reads to today."""
    today = fixed_today.isoformat()
    text = (
        "start,end,title,lat,lon\n"
        "2024-01-01,ongoing,Siege,48.14,37.74\n"
        "2014-03-01,present,Occupation,44.95,34.1\n"
        "2024-01-01,,One day,46.63,32.61\n"
        "2024-01-05,2024-01-01,Backwards,50.45,30.52\n"
    )
    path = write(tmp_path / "ongoing.csv", text)
    assert guess_fields(path).choice.time.end_field == "end"
    catalogue, report = read_catalogue(path)
    events = by_title(catalogue)
    assert events["Siege"].time.edtf == f"2024-01-01/{today}"
    assert events["Occupation"].time.edtf == f"2014-03-01/{today}"
    assert events["One day"].time.edtf == "2024-01-01"
    assert [p.message for p in report.problems] == [
        "the end ('2024-01-01') is before the start ('2024-01-05')"
    ]
    assert report.notes[0].startswith("rows 2 and 3 are still going on, read to today")


def test_a_utf8_csv_with_a_line_added_in_another_editor(tmp_path):
    """A UTF-8 file with one line added in Windows-1252 was read as Windows-1252 throughout:
    its "Genève" became "GenÃ¨ve" and was not found, every other accent mangled."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "date,title,city\n2024-01-01,Café crème,Genève\n2024-01-02,Zürich talks,Zürich\n".encode()
        + b"2024-01-03,Caf\xe9 added in Notepad,Gen\xe8ve\n"
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == [
        "Café crème",
        "Zürich talks",
        "Café added in Notepad",
    ]
    assert not report.problems
    assert report.notes[0].startswith(
        "the file is UTF-8 but for 2 bytes that are not (the first on line 4"
    )


def test_a_ukrainian_windows_1251_csv_is_not_taken_for_utf8_by_its_chance_letters(tmp_path):
    """ "Ві" in Windows-1251 is the bytes of a letter of UTF-8."""
    path = tmp_path / "vin.csv"
    path.write_bytes("date;title;city\n2024-02-24;Вінниця Вінниця;Kyiv\n".encode("cp1251"))
    catalogue, _ = read_catalogue(path)
    assert catalogue.events[0].title == "Вінниця Вінниця"


@pytest.mark.parametrize("end", ["TBD", "tba", "To be confirmed", "unknown", "?", "—", "n/a"])
def test_an_end_not_known_yet_reads_from_the_start(tmp_path, end):
    """A row whose end cell says the end is not known ("TBD", "?") was left out as "not a
    date we can read", though an empty end reads from its start: it now reads so too."""
    from mapexplorer.formats.dates import parse_span
    from mapexplorer.formats.opener import read_catalogue

    assert parse_span("2024-04-10", end).edtf == "2024-04-10"
    path = tmp_path / "talks.csv"
    path.write_text(
        "title,start,end,lat,lon\n"
        "Talks,2024-03-01,2024-03-05,46.2,6.1\n"
        f"Summit,2024-04-10,{end},48.85,2.35\n",
        encoding="utf-8",
    )
    catalogue, report = read_catalogue(path)
    assert not report.problems
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Talks": "2024-03-01/2024-03-05",
        "Summit": "2024-04-10",
    }


def test_an_end_column_mostly_not_known_yet_is_still_the_end_and_reported(tmp_path):
    """An end column of mostly "TBD" and "unknown", with a few real ends, was dropped with
    no word: the real spans read as their first day. It is the end; the report names the
    rows read from their start alone."""
    rows = "".join(
        f"Event {day},2024-03-{day:02d},{'TBD' if day % 2 else 'unknown'},Kyiv\n"
        for day in range(1, 9)
    )
    path = write(
        tmp_path / "strikes.csv",
        "title,start,end,city\n" + rows + "Talks,2024-03-03,2024-03-05,Lviv\n",
    )
    catalogue, report = read_catalogue(path)
    assert by_title(catalogue)["Talks"].time.edtf == "2024-03-03/2024-03-05"
    assert by_title(catalogue)["Event 1"].time.edtf == "2024-03-01"
    assert not report.problems
    line = next(n for n in report.notes if "not known yet" in n)
    assert line.startswith("rows 2–9 (8 rows): the end ('end') is 'TBD' or 'unknown'")
    assert "read from its start alone" in line


def test_a_google_form_with_a_date_asked_for_opens_without_asking(tmp_path):
    """A Google Forms export, its "Timestamp" when each answer was sent beside the event's
    "Date of the event", was marked unsure, and the window asked which column is the date."""
    text = (
        "Timestamp,Your name,What happened?,Date of the event,Where did it happen?,Details\n"
        "3/5/2024 14:22:10,Anna,Road flooded,3/2/2024,Leeds,Water over the road\n"
        "3/6/2024 9:01:44,Ben,Tree down,3/4/2024,York,Blocking lane\n"
        "3/8/2024 11:12:13,Dev,Bridge closed,2/28/2024,Leeds,Inspection\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "Reports (Responses).csv", text))
    assert not report.unsure
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Road flooded": "2024-03-02",
        "Tree down": "2024-03-04",
        "Bridge closed": "2024-02-28",
    }
    assert by_title(catalogue)["Tree down"].extra["Timestamp"] == "3/6/2024 9:01:44"


TAKEOUT_MONTH = {
    "timelineObjects": [
        {
            "placeVisit": {
                "location": {
                    "latitudeE7": 482084000,
                    "longitudeE7": 163721000,
                    "placeId": "ChIJ1",
                    "address": "Stephansplatz 3, 1010 Wien, Austria",
                    "name": "St. Stephen's Cathedral",
                    "semanticType": "TYPE_UNKNOWN",
                },
                "duration": {
                    "startTimestamp": "2024-03-05T08:12:33.123Z",
                    "endTimestamp": "2024-03-05T10:02:11.456Z",
                },
            }
        },
        {
            "activitySegment": {
                "duration": {"startTimestamp": "2024-03-05T10:10:00Z"},
                "activityType": "IN_TRAIN",
            }
        },
        {
            "placeVisit": {
                "location": {
                    "latitudeE7": 483060000,
                    "longitudeE7": 142860000,
                    "address": "Hauptplatz 1, 4020 Linz, Austria",
                },
                "duration": {
                    "startTimestampMs": "1709641800000",
                    "endTimestampMs": "1709715600000",
                },
            }
        },
    ]
}


def test_a_google_takeout_location_history_is_one_event_per_visit(tmp_path):
    """Takeout's Semantic Location History (2024_MARCH.json) was refused as having no
    latitude/longitude column (its columns 'placeVisit', 'activitySegment'): each visit is
    an event at the place visited, named by its name, else its address."""
    path = write(tmp_path / "2024_MARCH.json", json.dumps(TAKEOUT_MONTH))
    catalogue, report = read_catalogue(path)
    assert not report.problems and not report.unsure
    cathedral, linz = catalogue.events
    assert (cathedral.title, cathedral.time.edtf) == ("St. Stephen's Cathedral", "2024-03-05")
    assert place_of(catalogue, cathedral).name == "St. Stephen's Cathedral"
    assert place_of(catalogue, cathedral).geometry.equals(Point(16.3721, 48.2084))
    assert cathedral.extra["address"] == "Stephansplatz 3, 1010 Wien, Austria"
    assert "semantic_type" not in cathedral.extra  # "TYPE_UNKNOWN" says nothing
    assert (linz.title, linz.time.edtf) == (
        "Hauptplatz 1, 4020 Linz, Austria",
        "2024-03-05/2024-03-06",
    )
    assert report.asides[0] == (
        "a Google location history: each visit to a place is an event (2); journeys between "
        "places are not (1); 2 visits' times, written in UTC, read as the local time of the "
        "nearest town's time zone, so a visit just after midnight is that day"
    )


def test_a_takeout_visit_just_after_local_midnight_is_that_day_and_titled_by_its_town(tmp_path):
    """Takeout writes its times in UTC: a visit in Linz from 00:30 local time on 5 March
    (23:30 UTC on the 4th) read as 4–5 March; and a visit to a place with no name, address or
    kind was titled 'Visit', as every such visit was. It is 5 March, 'Visit: Linz, Austria';
    a summer visit (UTC+2) and one in New York (UTC−5) are their own local days too."""

    def visit(lat: float, lon: float, start: str, end: str) -> dict:
        return {
            "placeVisit": {
                "location": {"latitudeE7": round(lat * 1e7), "longitudeE7": round(lon * 1e7)},
                "duration": {"startTimestamp": start, "endTimestamp": end},
            }
        }

    month = {
        "timelineObjects": [
            visit(48.306, 14.286, "2024-03-04T23:30:00Z", "2024-03-05T01:10:00Z"),
            visit(48.306, 14.286, "2024-07-04T22:30:00Z", "2024-07-04T23:00:00Z"),
            visit(40.7128, -74.006, "2024-03-05T03:00:00Z", "2024-03-05T04:00:00Z"),
        ]
    }
    catalogue, report = read_catalogue(write(tmp_path / "2024_MARCH.json", json.dumps(month)))
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [
        ("Visit: Linz, Austria", "2024-03-05"),
        ("Visit: Linz, Austria", "2024-07-05"),
        ("Visit: New York City, United States", "2024-03-04"),
    ]


def test_the_timeline_apps_export_is_one_event_per_visit(tmp_path):
    """The Timeline export of 2024 on (Timeline.json's semanticSegments, and Android's list
    of segments) names no places: a visit is titled by what it was to the user (Home),
    else as a visit to its nearest town, at its spot (which the window names by its town)."""
    timeline = {
        "semanticSegments": [
            {
                "startTime": "2024-03-05T09:12:00.000+01:00",
                "endTime": "2024-03-05T11:02:00.000+01:00",
                "visit": {
                    "topCandidate": {
                        "semanticType": "HOME",
                        "placeLocation": {"latLng": "48.2084°, 16.3721°"},
                    }
                },
            },
            {"startTime": "2024-03-05T11:02:00.000+01:00", "timelinePath": []},
        ]
    }
    android = [
        {
            "startTime": "2024-03-06T13:00:00.000+01:00",
            "endTime": "2024-03-06T15:00:00.000+01:00",
            "visit": {
                "topCandidate": {"semanticType": "Unknown", "placeLocation": "geo:48.306,14.286"}
            },
        }
    ]
    catalogue, _ = read_catalogue(write(tmp_path / "Timeline.json", json.dumps(timeline)))
    (home,) = catalogue.events
    assert (home.title, home.time.edtf) == ("Home", "2024-03-05")
    assert place_of(catalogue, home).geometry.equals(Point(16.3721, 48.2084))
    catalogue, _ = read_catalogue(write(tmp_path / "history.json", json.dumps(android)))
    (visit,) = catalogue.events
    assert (visit.title, visit.time.edtf) == ("Visit: Linz, Austria", "2024-03-06")
    assert place_of(catalogue, visit).geometry.equals(Point(14.286, 48.306))


def test_google_takeouts_raw_positions_say_which_file_to_open(tmp_path):
    """Records.json was refused as a table with no latitude/longitude column."""
    records = {
        "locations": [
            {"latitudeE7": 482084000, "longitudeE7": 163721000, "timestamp": "2024-03-05T08:12Z"}
        ]
    }
    with pytest.raises(FormatError) as caught:
        read_catalogue(write(tmp_path / "Records.json", json.dumps(records)))
    assert "raw positions" in str(caught.value)
    assert "Semantic Location History" in str(caught.value)


@pytest.mark.parametrize("name", ["spans.geojson", "spans.csv"])
def test_a_date_and_an_end_without_a_start_are_a_span(tmp_path, name):
    """Properties 'date' and 'end' (no 'start'): the end was left out and the file marked
    unsure, as "'date' and 'end' disagree". The date is the span's start."""
    rows = [
        ("Strike", "2024-03-05", "2024-03-07", 2.35, 48.85),
        ("March", "2024-03-09", "", 4.83, 45.76),
    ]
    if name.endswith(".csv"):
        text = "title,date,end,lon,lat\n" + "".join(
            f"{t},{d},{e},{x},{y}\n" for t, d, e, x, y in rows
        )
    else:
        text = json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"title": t, "date": d, "end": e or None},
                        "geometry": {"type": "Point", "coordinates": [x, y]},
                    }
                    for t, d, e, x, y in rows
                ],
            }
        )
    catalogue, report = read_catalogue(write(tmp_path / name, text))
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Strike": "2024-03-05/2024-03-07",
        "March": "2024-03-09",
    }
    assert not report.unsure and not report.problems


def test_a_year_column_beside_a_date_of_a_day_and_month_is_that_day(tmp_path):
    """A class's sheet of 'Year' (1914) and 'Date' ("28 June"): the date column, a day
    without its year, was passed over with no word, and every event read as its year."""
    text = (
        "Year,Date,Event,Lat,Lon\n"
        "1914,28 June,Assassination in Sarajevo,43.86,18.41\n"
        "1914,August 4th,Britain declares war,51.5,-0.12\n"
        "1917,,USA enters the war,38.9,-77.04\n"
        "1918,11 Nov.,Armistice,49.43,2.83\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "ww1.csv", text))
    assert {e.title: e.time.edtf for e in catalogue.events} == {
        "Assassination in Sarajevo": "1914-06-28",
        "Britain declares war": "1914-08-04",
        "USA enters the war": "1917",
        "Armistice": "1918-11-11",
    }
    assert not report.problems and not report.unsure
    with pytest.raises(DateError, match="not a day of June 1914"):
        parse_year_month_day(1914, "31 June")


def test_html_in_a_geojsons_names_and_descriptions_reads_as_its_text(tmp_path):
    """A Google My Maps KML converted to GeoJSON (togeojson, ogr2ogr) keeps its HTML: the
    title showed "Caf&eacute; &amp; Museum" and the description its tags. They are text;
    plain text with a "<" or an "&" that is no markup stays as written."""
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "name": "Caf&eacute; &amp; Museum",
                    "description": "The <i>old</i> town.<br>Lunch &amp; coffee.",
                    "date": "2024-05-03",
                },
                "geometry": {"type": "Point", "coordinates": [16.37, 48.21]},
            },
            {
                "type": "Feature",
                "properties": {"name": "R&D < 5%", "description": "A & B", "date": "2024-05-04"},
                "geometry": {"type": "Point", "coordinates": [16.38, 48.22]},
            },
        ],
    }
    catalogue, _ = read_catalogue(write(tmp_path / "my-maps.geojson", json.dumps(doc)))
    assert [(e.title, e.summary) for e in catalogue.events] == [
        ("Café & Museum", "The old town.\nLunch & coffee."),
        ("R&D < 5%", "A & B"),
    ]


def test_a_school_year_or_season_written_with_a_hyphen_is_two_years(tmp_path):
    """A football table's seasons "2019-20" … "2023-24": 2019-20 read as 2019–2020, but
    2020-21 to 2023-24 as EDTF's seasons (spring 2020, summer 2021, autumn 2022, winter
    2023), and "1999-00" as 1999. Each is the two years; "2011-12" is still ISO's December
    2011, and our own exports' EDTF seasons reopen as they were."""
    assert [
        parse_date(v).edtf for v in ("2019-20", "2020-21", "2022-23", "2023-24", "1999-00")
    ] == ["2019/2020", "2020/2021", "2022/2023", "2023/2024", "1999/2000"]
    assert parse_date("2011-12").edtf == "2011-12"
    assert parse_date("2024-21").edtf == "2024-21"  # spring 2024: 21 is no year after 2024
    seasons = Catalogue(
        [
            Event(id="e1", title="Spring", time=TimeSpan.parse("2020-21"), place_ids=("p",)),
            Event(id="e2", title="Winter", time=TimeSpan.parse("2023-24"), place_ids=("p",)),
        ],
        {"p": Place("p", "Paris", Point(2.35, 48.85))},
    )
    for kind in ("csv", "kml"):
        path = tmp_path / f"seasons.{kind}"
        export_catalogue(seasons, path, kind)
        catalogue, _ = read_catalogue(path)
        assert [e.time.edtf for e in catalogue.events] == ["2020-21", "2023-24"], kind


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        ("c.1500–c.1550", "1500~/1550~"),
        ("c. 1500–c. 1550", "1500~/1550~"),
        ("c. 1500–c.1550?", "1500%/1550%"),
        ("c. 1850?", "1850%"),
    ],
)
def test_about_at_both_ends_of_a_span_is_about_at_both(value, edtf):
    """A teacher's "c.1500–c.1550" read as 1500 exactly to about 1550: the span's end was
    about, so the "c." before the whole was dropped as if the span were about already."""
    assert parse_date(value).edtf == edtf


def test_hundreds_to_hundreds_are_refused_as_decades_or_centuries():
    """ "1100s–1200s" read as the decades 1100–1209, though "1100s" alone is refused as a
    decade or a century; two such are as unsure, and refused the same way. Beside a decade
    of another kind ("1890s-1900s"), it is still a decade."""
    with pytest.raises(DateError) as caught:
        parse_date("1100s–1200s")
    assert str(caught.value) == (
        "'1100s–1200s' could be decades (1100–1209) or centuries (the 12th–13th centuries): "
        "write 'the 12th–13th centuries' or '1100/1209'"
    )
    assert parse_date("the 12th–13th centuries").edtf == "11XX/12XX"
    assert parse_date("1890s-1900s").edtf == "189X/190X"


@pytest.mark.parametrize(("value", "edtf"), [("Year 2020", "2020"), ("the year 1066", "1066")])
def test_a_year_said_as_one_is_that_year(tmp_path, value, edtf):
    """ "Year 2020" (a KML folder per year, a class's sheet) was refused as "'year' is not a
    month"."""
    assert parse_date(value).edtf == edtf
    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        f"<Folder><name>{value}</name><Placemark><name>Oslo</name>"
        "<Point><coordinates>10.75,59.91</coordinates></Point></Placemark></Folder>"
        "</Document></kml>"
    )
    catalogue, _ = read_catalogue(write(tmp_path / "years.kml", kml))
    assert [e.time.edtf for e in catalogue.events] == [edtf]


@pytest.mark.parametrize(
    "value",
    [
        "1 September 1939 (1939-09-01)",
        "(1939-09-01) 1 September 1939",
        "September 1, 1939 (1939-09-01)",
    ],
)
def test_a_wikipedia_date_with_its_hidden_iso_day_is_that_day(tmp_path, value):
    """Wikipedia's {{start date}} keeps the day in ISO beside it, hidden, and a copy of the
    table (Google Sheets' IMPORTHTML, pandas.read_html) takes it along: the row was refused
    as "not a date we can read". The two must be the same day."""
    path = write(
        tmp_path / "war.csv", f'Event,Date,Lat,Lon\nInvasion of Poland,"{value}",52.2,21.0\n'
    )
    catalogue, report = read_catalogue(path)
    assert [e.time.edtf for e in catalogue.events] == ["1939-09-01"]
    assert not report.problems and not report.notes
    with pytest.raises(DateError, match="not the same day"):
        parse_date("1 September 1939 (1940-09-01)")


@pytest.mark.parametrize("name", ["records.json", "records.csv"])
def test_an_apis_dates_at_a_local_midnight_in_a_table_read_as_that_day(tmp_path, name):
    """An ArcGIS service's records as a JSON list or a CSV of them: its date field's Unix
    milliseconds at Vienna's midnight (2024-03-04T23:00Z for 5 March) read a day early, as
    in GeoJSON before; they are that midnight's days, the report saying so."""
    days = ["2024-03-05", "2024-03-06", "2024-07-15"]
    values = [_midnight_ms(day, 1 if day < "2024-03-31" else 2) for day in days]
    if name.endswith(".json"):
        text = json.dumps(
            [{"Name": f"E{i}", "EventDate": v, "City": "Vienna"} for i, v in enumerate(values)]
        )
    else:
        text = "Name,EventDate,City\n" + "".join(f"E{i},{v},Vienna\n" for i, v in enumerate(values))
    catalogue, report = read_catalogue(write(tmp_path / name, text))
    assert [e.time.edtf for e in catalogue.events] == days
    assert any(
        n.startswith("'EventDate' holds Unix times at 23:00 or 22:00 UTC (3 rows)")
        for n in report.notes
    )


def test_an_arcgis_csv_exports_text_date_times_at_a_local_midnight_read_as_that_day(tmp_path):
    """ArcGIS Online's CSV export writes a date field as UTC text: Vienna's 5 March is
    '3/4/2024 11:00:00 PM', which read a day early (only Unix times were seen as midnights);
    it is that midnight's day, across daylight saving too; a column of other times is not."""
    text = (
        "OBJECTID,Incident_Date,Description,x,y\n"
        "1,3/4/2024 11:00:00 PM,Burst pipe,16.37,48.21\n"
        "2,3/14/2024 11:00:00 PM,Tree down,16.35,48.19\n"
        "3,4/1/2024 10:00:00 PM,Flooding,16.36,48.22\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "incidents.csv", text))
    assert [e.time.edtf for e in catalogue.events] == ["2024-03-05", "2024-03-15", "2024-04-02"]
    assert (
        "'Incident_Date' holds date-times at 23:00 or 22:00 UTC (3 rows), a midnight east of "
        "Greenwich, as ArcGIS stores a date: each read as the day of that midnight, the next "
        "day in UTC ('3/4/2024 11:00:00 PM', as 5 March 2024)"
    ) in report.notes
    clock = text.replace("4/1/2024 10:00:00 PM", "4/1/2024 9:15:00 PM")
    catalogue, _ = read_catalogue(write(tmp_path / "clock.csv", clock))
    assert [e.time.edtf for e in catalogue.events][:2] == ["2024-03-04", "2024-03-14"]


@pytest.mark.parametrize("name", ["log.csv", "log.geojson"])
def test_a_users_own_late_evening_times_are_that_day_unless_said_to_be_utc(tmp_path, name):
    """A sheet of three events at '2024-03-01 23:00' (a local evening) was read a day late,
    as though ArcGIS had stored a midnight east of Greenwich: only times that say they are
    UTC ('Z', '+00:00'), or an ArcGIS export's (its OBJECTID), are read so."""

    def table(times: list[str], ids: bool = False) -> str:
        if name.endswith(".csv"):
            head = "OBJECTID,date,event,lat,lon\n" if ids else "date,event,lat,lon\n"
            rows = [
                (f"{i}," if ids else "") + f"{t},E{i},48.85,2.35\n" for i, t in enumerate(times)
            ]
            return head + "".join(rows)
        features = [
            {
                "type": "Feature",
                "properties": {"date": t, "event": f"E{i}", **({"OBJECTID": i} if ids else {})},
                "geometry": {"type": "Point", "coordinates": [2.35, 48.85]},
            }
            for i, t in enumerate(times)
        ]
        return json.dumps({"type": "FeatureCollection", "features": features})

    local = ["2024-03-01 23:00", "2024-03-02 23:00", "2024-03-03 23:00"]
    catalogue, report = read_catalogue(write(tmp_path / name, table(local)))
    assert [e.time.edtf for e in catalogue.events] == [
        "2024-03-01",
        "2024-03-02",
        "2024-03-03",
    ]
    assert not any("midnight" in n for n in report.notes)
    for times, ids in (([t.replace(" ", "T") + ":00Z" for t in local], False), (local, True)):
        catalogue, report = read_catalogue(write(tmp_path / name, table(times, ids)))
        assert [e.time.edtf for e in catalogue.events] == [
            "2024-03-02",
            "2024-03-03",
            "2024-03-04",
        ]
        assert any("a midnight east of Greenwich" in n for n in report.notes)


def test_a_table_with_no_title_is_titled_by_its_descriptions_not_its_places(tmp_path):
    """A list of protests (date, city, description): every event was titled by its city,
    "Berlin", "Berlin", "Hamburg", beside the same city as its place; the description's
    opening says which event it is. A row with no description is still its place."""
    text = (
        "date\tcity\tlat\tlon\tdescription\n"
        "2024-01-13\tBerlin\t52.52\t13.405\tFarmers block roads with tractors. Police watch.\n"
        "2024-01-15\tBerlin\t52.52\t13.405\tFarmers' rally at the Brandenburg Gate\n"
        "2024-01-20\tHamburg\t53.55\t9.99\t\n"
    )
    catalogue = open_catalogue(write(tmp_path / "protests.tsv", text))
    assert [e.title for e in catalogue.events] == [
        "Farmers block roads with tractors",
        "Farmers' rally at the Brandenburg Gate",
        "Hamburg",
    ]
    assert [p.name for e in catalogue.events for p in catalogue.places_of(e)] == [
        "Berlin",
        "Berlin",
        "Hamburg",
    ]


def test_an_activity_log_naming_track_files_points_to_them(tmp_path):
    """Strava's activities.csv was refused as having no location column, listing its columns,
    without a word on the GPX files its 'Filename' column names, where each activity went."""
    text = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n"
        '9876543210,"Mar 3, 2024, 7:12:45 AM",Morning Run,Run,2712,8.21,activities/1023.gpx\n'
        '9876543211,"Mar 5, 2024, 5:40:02 PM",Evening Ride,Ride,5400,32.10,activities/1024.fit.gz\n'
    )
    with pytest.raises(FormatError) as raised:
        read_catalogue(write(tmp_path / "activities.csv", text))
    assert str(raised.value).endswith(
        "activities.csv: no latitude/longitude or place-name column: each row's track is a file "
        "named in 'Filename' ('activities/1023.gpx'); open a GPX file named there (in the export "
        "beside this file) to map its activity, a .fit or .tcx one converted to GPX first (e.g. "
        "with GPSBabel)"
    )


def test_a_kml_placemark_with_only_extended_data_is_placed_by_its_latitude_and_longitude(
    tmp_path,
):
    """A survey app's KML (a table made KML) keeps each placemark's title, date, latitude and
    longitude in <ExtendedData> and has no geometry: it was refused as 'Bridge inspection' is
    no place we know by name. It is at its latitude and longitude; one without them is
    placed by its place field, as before."""

    def data(**values: str) -> str:
        cells = "".join(f'<Data name="{k}"><value>{v}</value></Data>' for k, v in values.items())
        return f"<Placemark><ExtendedData>{cells}</ExtendedData></Placemark>"

    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        + data(Title="Bridge inspection", Date="2024-03-12", Latitude="48.21", Longitude="16.37")
        + data(Title="Tunnel check", Date="2024-04-02", Latitude="", Longitude="", City="Graz")
        + "</Document></kml>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "survey.kml", kml))
    assert not report.problems
    bridge, tunnel = catalogue.events
    assert bridge.title == "Bridge inspection"
    assert place_of(catalogue, bridge).geometry.equals(Point(16.37, 48.21))
    assert place_of(catalogue, tunnel).name == "Graz"


@pytest.mark.parametrize(
    "header",
    ["Date;Événement;Lieu", "Fecha;Evento;Lugar", "Datum;Ereignis;Ort", "Дата;Подія;Місто"],
)
def test_dates_that_read_both_ways_under_a_header_of_a_day_first_language_are_day_first(
    tmp_path, header
):
    """A French CSV from Excel (semicolons, 'Date;Événement;Lieu') of dates like 05/03/2024
    was said to read both ways, to be chosen in the window: a header in French, Spanish,
    German or Ukrainian says the day is first, as every country writing it does; an English
    header still asks."""
    rows = "05/03/2024;A;Lyon\n06/03/2024;B;Lyon\n"
    guess = guess_fields(write(tmp_path / "t.csv", f"{header}\n{rows}"))
    assert not guess.ambiguous, guess.reasons
    catalogue = open_catalogue(write(tmp_path / "t.csv", f"{header}\n{rows}"))
    assert [e.time.edtf for e in catalogue.events] == ["2024-03-05", "2024-03-06"]
    english = guess_fields(write(tmp_path / "e.csv", f"Date;Event;Place\n{rows}"))
    assert english.ambiguous


PLAIN_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Plain</name>
<Folder><name>Trip 2019</name>
<Placemark><name> Café &amp; bar </name><description><![CDATA[<b>Bold</b> text]]></description>
  <Point><coordinates>2.35,48.85,35</coordinates></Point></Placemark>
<Placemark><name></name><TimeStamp><when>2019-05-01</when></TimeStamp>
  <Point><coordinates>2.35 , 48.85</coordinates></Point></Placemark>
<Placemark><name>Wrap</name><TimeStamp><when>2019-05-02</when></TimeStamp>
  <Point><coordinates>190,10</coordinates></Point></Placemark>
<Placemark><name>Off</name><TimeStamp><when>2019-05-03</when></TimeStamp>
  <Point><coordinates>10,95</coordinates></Point></Placemark>
<Placemark><name>Zero</name><TimeStamp><when>2019-05-04</when></TimeStamp>
  <Point><coordinates>-0.0,0</coordinates></Point></Placemark>
<Placemark><name>Zero</name><TimeStamp><when>2019-05-05</when></TimeStamp>
  <Point><coordinates>0.0,0</coordinates></Point></Placemark>
<Placemark><name>Data</name><ExtendedData><Data name="date"><value>2019-06-01</value></Data>
  <Data name="source"><displayName>Src</displayName><value> AFP </value></Data>
  <Data name="empty"><value></value></Data></ExtendedData>
  <Point><coordinates>13.4,52.5</coordinates></Point></Placemark>
<Placemark><name>Twice</name><name>Second</name><TimeStamp><when>2019-07-02</when></TimeStamp>
  <Point><coordinates>1e1,2E1</coordinates></Point></Placemark>
<Placemark><name>Same</name><TimeStamp><when>2019-07-03</when></TimeStamp>
  <Point><coordinates>5,5</coordinates></Point></Placemark>
<Placemark><name>Same</name><TimeStamp><when>2019-07-04</when></TimeStamp>
  <Point><extrude>1</extrude><altitudeMode>relativeToGround</altitudeMode>
  <coordinates>5,5,100</coordinates></Point></Placemark>
<Placemark><styleUrl>#x</styleUrl><TimeStamp><when>2019-07-06</when></TimeStamp>
  <Point><coordinates>+5.,.5</coordinates></Point></Placemark>
</Folder></Document></kml>"""


@pytest.mark.parametrize("namespace", [True, False])
def test_a_kml_of_plain_points_is_read_quickly_as_fastkml_reads_it(
    tmp_path, monkeypatch, namespace
):
    """A KML of 100,000 placemarks took about 20 s to open, most of it in fastkml, against
    2 s for the same as GeoJSON: placemarks of a name, a description, a Point and Data fields
    are read without it (and their points made all at once), to the same events, places and
    report as fastkml's reading."""
    from mapexplorer.formats import kml_reader

    text = (
        PLAIN_KML if namespace else PLAIN_KML.replace(' xmlns="http://www.opengis.net/kml/2.2"', "")
    )
    path = write(tmp_path / "plain.kml", text)

    def no_fastkml(*args):
        raise AssertionError("fastkml read a file of plain placemarks")

    with monkeypatch.context() as patch:
        patch.setattr(kml_reader, "_fastkml", no_fastkml)
        fast, fast_report = read_catalogue(path)
    with monkeypatch.context() as patch:
        patch.setattr(kml_reader, "_plain_placemarks", lambda *args: None)
        slow, slow_report = read_catalogue(path)
    assert fast.events == slow.events and len(fast.events) == 10
    assert fast.places == slow.places and len(fast.places) == 9
    assert [p.geometry.wkb for p in fast.places.values()] == [
        slow.places[i].geometry.wkb for i in fast.places
    ]
    assert (fast_report.problems, fast_report.notes, fast_report.asides) == (
        slow_report.problems,
        slow_report.notes,
        slow_report.asides,
    )
    assert fast_report.problems[0].message.startswith("latitude out of range -90…90 (found 95")
    # Anything else in a placemark (a line, a track, an address, markup) is fastkml's.
    line = text.replace(
        "<Point><coordinates>5,5</coordinates></Point>",
        "<LineString><coordinates>5,5 6,6</coordinates></LineString>",
        1,
    )
    with monkeypatch.context() as patch:
        patch.setattr(kml_reader, "_fastkml", no_fastkml)
        with pytest.raises(AssertionError, match="fastkml read"):
            read_catalogue(write(tmp_path / "line.kml", line))


def test_kml_utc_times_are_the_local_day_where_they_were(tmp_path):
    """A placemark at 23:30 UTC in Paris (00:30 the next day there) opened on the day before,
    and a Google Earth track recorded from 23:10 to 23:50 UTC in Berlin on 4 March (after
    midnight there) on the 4th: times written in UTC are read as the local time of the
    nearest town's zone, as GPX's are; a date without a time is as written."""
    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">'
        "<Document>"
        "<Placemark><name>Paris</name><TimeStamp><when>2024-03-01T23:30:00Z</when></TimeStamp>"
        "<Point><coordinates>2.35,48.85</coordinates></Point></Placemark>"
        "<Placemark><name>New York</name><TimeStamp><when>2024-03-02T03:00:00Z</when>"
        "</TimeStamp><Point><coordinates>-74.0,40.71</coordinates></Point></Placemark>"
        "<Placemark><name>Day</name><TimeStamp><when>2024-03-01</when></TimeStamp>"
        "<Point><coordinates>2.35,48.85</coordinates></Point></Placemark>"
        "<Placemark><name>Walk</name><gx:Track>"
        "<when>2024-03-04T23:10:00Z</when><when>2024-03-04T23:50:00Z</when>"
        "<gx:coord>13.40 52.52 0</gx:coord><gx:coord>13.41 52.53 0</gx:coord>"
        "</gx:Track></Placemark>"
        "</Document></kml>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "night.kml", kml))
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Paris": "2024-03-02",
        "New York": "2024-03-01",
        "Day": "2024-03-01",
        "Walk": "2024-03-05",
    }
    assert (
        "3 placemarks' times, written in UTC, read as the local time of the nearest town's "
        "time zone, a day apart: placemark 1 ('Paris')'s '2024-03-01T23:30:00Z' is Saturday 2 "
        "March 2024 there"
    ) in report.notes


@pytest.mark.parametrize("name", ["log.csv", "log.geojson"])
def test_utc_times_in_a_table_or_geojson_are_the_local_day_where_they_were(tmp_path, name):
    """A meeting at 23:30 UTC in Paris (00:30 the next day there) opened a day early from a
    CSV or a GeoJSON, though the same point in a KML or GPX file was the next day: a time that
    says it is UTC ('Z', ' UTC') is the local time where the row or feature is, the report
    naming the first whose day moved; a time with its own offset is as written."""
    items = [
        ("Late meeting", "2024-03-01T23:30:00Z", 48.85, 2.35),
        ("NY evening", "2024-03-02 03:30:00 UTC", 40.71, -74.0),
        ("Berlin noon", "2024-03-05T12:00:00Z", 52.52, 13.40),
        ("Own offset", "2024-03-06T23:30:00+05:00", 48.85, 2.35),
    ]
    if name.endswith(".csv"):
        text = "title,time,lat,lon\n" + "".join(f"{t},{w},{a},{o}\n" for t, w, a, o in items)
    else:
        text = _collection(
            *(
                {
                    "type": "Feature",
                    "properties": {"title": t, "time": w},
                    "geometry": {"type": "Point", "coordinates": [o, a]},
                }
                for t, w, a, o in items
            )
        )
    catalogue, report = read_catalogue(write(tmp_path / name, text))
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Late meeting": "2024-03-02",
        "NY evening": "2024-03-01",
        "Berlin noon": "2024-03-05",
        "Own offset": "2024-03-06",
    }
    item = "row 2" if name.endswith(".csv") else "feature 1 ('Late meeting')"
    unit = "rows" if name.endswith(".csv") else "features"
    assert (
        f"2 {unit}' times, written in UTC, read as the local time of the nearest town's time "
        f"zone, a day apart: {item}'s '2024-03-01T23:30:00Z' is Saturday 2 March 2024 there"
    ) in report.notes


def test_utc_times_of_rows_placed_by_a_towns_name_are_that_towns_local_day(tmp_path):
    """A table of towns' names, no coordinates: 23:30 UTC in Paris stayed 1 March where a
    row with Paris's latitude and longitude was 2 March; the town named is where it was."""
    text = (
        "time,title,city\n2024-03-01T23:30:00Z,Late meeting,Paris\n"
        "2024-03-02T03:30:00Z,NY evening,New York\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "towns.csv", text))
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Late meeting": "2024-03-02",
        "NY evening": "2024-03-01",
    }
    assert any(n.startswith("2 rows' times, written in UTC") for n in report.notes)


def test_utc_times_of_features_placed_by_a_towns_name_are_that_towns_local_day(tmp_path):
    """A GeoJSON feature without geometry, placed by its 'place' ("Paris"), kept 23:30 UTC on
    1 March, where one with Paris's point was 2 March: the town named is where it was."""
    text = _collection(
        {
            "type": "Feature",
            "geometry": None,
            "properties": {
                "title": "Late meeting",
                "place": "Paris",
                "time": "2024-03-01T23:30:00Z",
            },
        },
        {
            "type": "Feature",
            "geometry": None,
            "properties": {"title": "Evening", "place": "New York", "time": "2024-03-02T03:30Z"},
        },
    )
    catalogue, report = read_catalogue(write(tmp_path / "towns.geojson", text))
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Late meeting": "2024-03-02",
        "Evening": "2024-03-01",
    }
    assert any(n.startswith("2 features' times, written in UTC") for n in report.notes)


def test_kml_utc_times_of_placemarks_placed_by_name_are_that_places_local_day(tmp_path):
    """A placemark without geometry, placed by its <address> ("Paris, France") or its name,
    kept 23:30 UTC on 1 March, where one with Paris's point was 2 March."""
    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        "<Placemark><name>Late meeting</name><address>Paris, France</address>"
        "<TimeStamp><when>2024-03-01T23:30:00Z</when></TimeStamp></Placemark>"
        "<Placemark><name>New York</name>"
        "<TimeStamp><when>2024-03-02T03:30:00Z</when></TimeStamp></Placemark>"
        "</Document></kml>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "named.kml", kml))
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Late meeting": "2024-03-02",
        "New York": "2024-03-01",
    }
    assert any(n.startswith("2 placemarks' times, written in UTC") for n in report.notes)
