"""What the readers say about files they cannot read: what the file is and what to do, the row
or placemark and the problem in plain words, never a library's own text. Plain pytest, no Qt."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from mapexplorer.formats import FormatError
from mapexplorer.formats.opener import guess_fields, open_catalogue, read_catalogue
from mapexplorer.formats.report import warning_lines

LIBRARY_WORDS = ("Exception", "GEOS", "Traceback", "fastkml", "kml:coordinates", "zipfile")


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def zipped(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def refusal(path: Path, guess: bool = True) -> str:
    """The message of the `FormatError` reading (and guessing the fields, which KML needs
    not) raises."""
    with pytest.raises(FormatError) as caught:
        open_catalogue(path)
    message = str(caught.value)
    if guess:
        with pytest.raises(FormatError) as guessed:
            guess_fields(path)
        assert str(guessed.value) == message
    assert message.startswith(str(path))
    assert not any(word in message for word in LIBRARY_WORDS), message
    return message


def no_library_words(report) -> None:
    for problem in report.problems:
        text = str(problem)
        assert "\n" not in text and not any(w in text for w in LIBRARY_WORDS), text


# --- 1. files of other kinds, told apart by their first bytes -----------------------------------


def test_an_excel_workbook_that_cannot_be_read_says_save_as_csv(tmp_path):
    # The QA file: only a zip's first four bytes, named .xlsx.
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04")
    message = refusal(fake)
    assert "an Excel workbook that cannot be read" in message
    assert "save the sheet as CSV (UTF-8)" in message and "KMZ" not in message
    broken = zipped(tmp_path / "broken.xlsx", {"[Content_Types].xml": "x", "xl/workbook.xml": "x"})
    assert "an Excel workbook that cannot be read" in refusal(broken)
    renamed = zipped(tmp_path / "sheet.zip", {"xl/workbook.xml": "x"})  # judged by content
    assert "an Excel workbook that cannot be read" in refusal(renamed)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert "Excel 97–2003 workbook" in refusal(old)


def test_a_file_named_xlsx_that_holds_no_workbook_says_so(tmp_path):
    """Binary bytes that are no zip said "this is not a text table", and a zip of other
    files "a zip archive with no .kml file in it": neither spoke of the workbook the name
    promised."""
    garbled = tmp_path / "garbled.xlsx"
    garbled.write_bytes(bytes(range(256)) * 4)  # a download gone wrong, say
    assert "an Excel workbook that cannot be read" in refusal(garbled)
    other = zipped(tmp_path / "notes.xlsx", {"notes/a.txt": "x"})
    assert refusal(other) == (
        f"{other}: not an Excel workbook: a zip archive with no workbook inside (a.txt)"
    )
    # A table saved as text under a workbook's name still opens, as the text it is.
    text = write(tmp_path / "table.xlsx", "title,date,lat,lon\nA,2020-01-01,10,20\n")
    assert len(open_catalogue(text).events) == 1


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("fake.xlsx", "an Excel workbook"),
        ("fake.xlsm", "an Excel workbook"),
        ("fake.ods", "a LibreOffice spreadsheet"),
        ("fake.zip", "a zip archive"),
    ],
)
def test_text_under_a_zips_name_says_it_is_not_what_its_name_says(tmp_path, name, what):
    """A text file named fake.xlsx was "found a single column…; a table needs columns
    separated by commas": the user looked for columns in a workbook. What stops it is said
    after what the name promised; a table in it opens, with a note."""
    not_table = write(tmp_path / name, "just some notes\nno columns here\n")
    assert refusal(not_table) == (
        f"{not_table}: named {not_table.suffix} but not {what} (it is a text file): found a "
        "single column ('just some notes'); a table needs columns separated by commas, "
        "semicolons or tabs"
    )
    table = write(tmp_path / f"table{not_table.suffix}", "title,date,lat,lon\nA,2020-01-01,10,20\n")
    catalogue, report = read_catalogue(table)
    assert len(catalogue.events) == 1
    assert report.asides[0].startswith(f"named {table.suffix} but not {what} (it is a text file)")
    binary = tmp_path / f"binary{not_table.suffix}"
    binary.write_bytes(bytes(range(1, 200)) * 3)
    message = refusal(binary)  # a damaged one, rather: not read as a table of odd bytes
    assert "that cannot be" in message and "text file" not in message


@pytest.mark.parametrize(
    ("name", "members", "expected"),
    [
        ("report.docx", {"word/document.xml": "x"}, "a Word document"),
        (
            "table.ods",  # a LibreOffice spreadsheet is read: this one is broken inside
            {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "x"},
            "a LibreOffice (OpenDocument) spreadsheet that cannot be read (damaged, incomplete",
        ),
        (
            "essay.odt",
            {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "x"},
            "an OpenDocument text",
        ),
        ("roads.zip", {"roads/roads.shp": "x", "roads/roads.dbf": "x"}, "a zipped shapefile"),
        # They said "a zip archive with no .kml file in it (…): unpack it and open a file
        # inside", which unpacked is no file we read either.
        (
            "layers.zip",
            {"data/layers.gpkg": "x", "readme.txt": "x"},
            "a zipped GeoPackage: Map Explorer opens CSV, Excel (.xlsx), LibreOffice (.ods), "
            "GeoJSON, KML/KMZ and GPX files — convert it to GeoJSON first (in QGIS: Export ▸ Save Features As…, "
            "format GeoJSON; or ogr2ogr -f GeoJSON out.geojson layers.gpkg)",
        ),
        ("fgb.zip", {"roads.fgb": "x"}, "a zipped FlatGeobuf file: Map Explorer opens"),
        ("gdb.zip", {"City.gdb/a00000001.gdbtable": "x"}, "geodatabase"),
        ("bundle.zip", {"a.csv": "x", "b.geojson": "x"}, "a zip archive with no .kml file"),
        # Apple's: they said "a zip archive with no .kml file in it (Document.iwa, …)"
        (
            "Budget.numbers",
            {"Index/Document.iwa": "x", "Metadata/Properties.plist": "x"},
            "an Apple Numbers spreadsheet: Map Explorer reads CSV, Excel .xlsx and LibreOffice "
            ".ods — in Numbers, File ▸ Export To ▸ CSV… (or Excel…), and open that",
        ),
        ("sheet.zip", {"Index/Document.iwa": "x"}, "an Apple Numbers spreadsheet"),
        ("Talk.key", {"Index/Document.iwa": "x"}, "an Apple Keynote presentation"),
    ],
)
def test_office_files_and_zips_say_what_they_are(tmp_path, name, members, expected):
    message = refusal(zipped(tmp_path / name, members))
    assert expected in message


def test_a_numbers_file_kept_as_a_folder_says_what_it_is(tmp_path):
    """A Mac may keep a Numbers document as a folder (a package): "this is a folder"."""
    (tmp_path / "Budget.numbers").mkdir()
    message = refusal(tmp_path / "Budget.numbers", guess=False)
    assert "an Apple Numbers spreadsheet" in message and "Export To" in message


def test_a_zip_with_a_kml_inside_still_opens(tmp_path):
    kml = (
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name>'
        "<TimeStamp><when>2020</when></TimeStamp><Point><coordinates>1,2</coordinates></Point>"
        "</Placemark></kml>"
    )
    catalogue = open_catalogue(zipped(tmp_path / "places.zip", {"doc.kml": kml}))
    assert [e.title for e in catalogue.events] == ["A"]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        ("pic.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        ("anim.gif", b"GIF89a\x01\x00", "a GIF image"),
        ("roads.shp", b"\x00\x00\x27\x0a" + bytes(96), "a shapefile"),
        # "this is not a text table (it holds binary data)": neither what it is nor what to do
        ("roads.fgb", b"fgb\x03fgb\x01" + bytes(96), "a FlatGeobuf file"),
        ("data.csv.gz", b"\x1f\x8b\x08\x00", "a gzip-compressed file"),
        ("pic.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),  # a name does not fool it
        ("map.html", b"<!DOCTYPE html>\n<html><head>", "a web page (HTML), not a catalogue"),
        ("map.kml", b"\xef\xbb\xbf <!-- saved -->\n<HTML lang=en>", "a web page (HTML)"),
    ],
)
def test_other_kinds_of_file_by_their_first_bytes(tmp_path, name, head, expected):
    path = tmp_path / name
    path.write_bytes(head)
    message = refusal(path)
    assert expected in message
    assert (
        "Map Explorer opens CSV, Excel (.xlsx), LibreOffice (.ods), GeoJSON, KML/KMZ and GPX files"
        in message
        or "unpack" in message
    )


def test_the_shapefile_message_says_how_to_convert(tmp_path):
    path = tmp_path / "roads.shp"
    path.write_bytes(b"\x00\x00\x27\x0a" + bytes(96))
    assert "ogr2ogr -f GeoJSON out.geojson roads.shp" in refusal(path)


@pytest.mark.parametrize(
    ("name", "data", "part"),
    [
        (
            "roads.prj",
            b'PROJCS["WGS_1984_Web_Mercator",GEOGCS["GCS_WGS_1984"]]',
            "coordinate system",
        ),
        ("roads.cpg", b"UTF-8", "text encoding"),
        ("roads.dbf", b"\x03\x7c\x01\x01" + bytes(28), "attribute table"),
    ],
)
def test_a_shapefiles_other_parts_say_which_file_to_convert(tmp_path, name, data, part):
    """A shapefile's .prj read as a CSV ("no latitude/longitude column; the columns are
    'PROJCS[…'"), its .cpg as "a single column ('UTF-8')": each is named as the part of a
    shapefile it is, with the .shp beside it to convert."""
    path = tmp_path / name
    path.write_bytes(data)
    message = refusal(path)
    assert f"part of a shapefile (its {part})" in message
    assert "ogr2ogr -f GeoJSON out.geojson roads.shp" in message


def test_a_qgis_project_says_to_export_its_layer(tmp_path):
    """A QGIS project (.qgs, or zipped .qgz) was "not KML: the document is <qgis>" or "a zip
    archive with no .kml file in it (project.qgs)": it holds no events, only the names of the
    files that do."""
    qgs = write(tmp_path / "story.qgs", '<?xml version="1.0"?><qgis version="3.28"></qgis>')
    qgz = zipped(tmp_path / "story.qgz", {"story.qgs": "<qgis/>", "story.qgd": "x"})
    for path in (qgs, qgz):
        assert refusal(path) == (
            f"{path}: a QGIS project: it names the layers it shows, which are in other files — "
            "in QGIS, right-click the layer of events, Export ▸ Save Features As…, format "
            "GeoJSON, and open that"
        )


GPX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="OsmAnd" '
    'xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="46.2" lon="6.14">'
    "<name>Geneva</name></wpt></gpx>"
)


@pytest.mark.parametrize("name", ["walk.gpx", "walk.xml", "walk.kml", "walk.txt"])
def test_a_gpx_file_with_no_times_says_how_to_add_them(tmp_path, name):
    """GPX files are read (`test_formats_gpx`); one with nothing timed (favourites, a planned
    route) was refused as "not KML: the document is <gpx>" (or read as a table of one
    column), which says nothing of what it is or what to do."""
    message = refusal(write(tmp_path / name, GPX), guess=False)
    assert message.startswith(f"{tmp_path / name}: a GPX file with no times: none of its ")
    assert f"ogr2ogr -f CSV waypoints.csv {name} waypoints -lco GEOMETRY=AS_XY" in message


def test_a_kml_named_gpx_is_read_as_the_kml_it_is(tmp_path):
    kml = KML_HEAD + placemark("Here", "<Point><coordinates>1,2</coordinates></Point>")
    path = write(tmp_path / "here.gpx", kml + "</Document></kml>")
    assert [e.title for e in open_catalogue(path).events] == ["Here"]


def test_a_kmz_that_is_not_a_zip(tmp_path):
    broken = write(tmp_path / "cut.kmz", "PK\x03\x04 this is not really a zip")
    message = refusal(broken, guess=False)
    assert "damaged or incomplete" in message and "File is not a zip file" not in message
    text = write(tmp_path / "hi.kmz", "hi\n")
    assert "not a zip archive" in refusal(text, guess=False)


# --- 2. a table whose quoting or delimiter is off ----------------------------------------------


def test_an_unterminated_quote_is_named_not_an_empty_date(tmp_path):
    only = write(tmp_path / "unterminated.csv", 'title,date,lat,lon\n"unterminated,2020,1,1\n')
    message = refusal(only)
    assert "row 2" in message and "a quoted field is never closed" in message
    assert "runs to the end of the file" in message
    assert "date is empty" not in message


def test_an_unterminated_quote_late_in_the_file_keeps_the_rows_before_and_after(tmp_path):
    """The rows after the broken one were swallowed into its quoted field and lost with it."""
    path = write(
        tmp_path / "late.csv",
        'title,date,lat,lon\nok,2019,1,1\n"broken,2020,1,1\nnext,2021,2,2\n\nlast,20x2,3,3\n',
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["ok", "next"]
    assert [p.item for p in report.problems] == ["row 6", "row 3"]  # as a spreadsheet numbers
    assert report.problems[1].message == (
        "a quoted field is never closed (it starts on line 3): the row is left out, and the 3 "
        "lines after it are read as rows of their own"
    )


def test_rows_split_by_another_delimiter_than_the_header(tmp_path):
    path = write(tmp_path / "mixed.csv", "title,date,lat,lon\na;2020;1;1\nb;2021;2;2\n")
    message = refusal(path)
    assert "every row is one column" in message
    assert "split by commas" in message and "semicolons" in message
    assert "date is empty" not in message
    other = write(tmp_path / "spaces.csv", "title,date,lat,lon\na 2020 1 1\nb 2021 2 2\n")
    assert "a delimiter we did not detect" in refusal(other)


def test_a_short_row_says_it_is_short(tmp_path):
    path = write(tmp_path / "short.csv", "title,date,lat,lon\na,2020,1,1\nb 2021 2 2\n")
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["a"]
    (problem,) = report.problems
    assert problem.item == "row 3"
    assert "only 1 cell but the header has 4 columns" in problem.message
    assert report.notes == []  # its problem says it is short: not said twice


def test_rows_with_more_cells_than_the_header_are_read_and_reported(tmp_path):
    """The extra cells used to be dropped without a word."""
    path = write(
        tmp_path / "long.csv",
        "title,date,lat,lon\na,2020,1,1\nb,2021,2,2,extra\nc,2022,3,3\nd,2023,4,4,x,y\n",
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["a", "b", "c", "d"]
    assert report.problems == [] and report  # nothing left out, still something to say
    assert report.notes == [
        "rows 3 and 5 have more cells than the header's 4 columns (3 extra cells dropped)"
    ]
    assert report.text() == (
        "long.csv: all 4 rows read, some not quite as written:\n"
        "  rows 3 and 5 have more cells than the header's 4 columns (3 extra cells dropped)"
    )
    assert warning_lines(report) == report.text().replace("  ", "").split("\n")


def test_rows_with_fewer_cells_than_the_header_are_read_with_empty_cells_and_reported(tmp_path):
    path = write(
        tmp_path / "short.csv",
        "title,date,lat,lon,notes\na,2020,1,1,n\nb,2021,2,2\nc 2022\nd,2023,4,4,x,y\n",
    )
    catalogue, report = read_catalogue(path)
    assert [(e.title, e.summary) for e in catalogue.events] == [("a", "n"), ("b", ""), ("d", "x")]
    (problem,) = report.problems  # row 4 says it is short in its own line
    assert problem.item == "row 4" and "only 1 cell" in problem.message
    assert report.notes == [
        "row 5 has more cells than the header's 5 columns (1 extra cell dropped)",
        "row 3 has fewer cells than the header's 5 columns (1 missing cell read as empty)",
    ]
    assert report.text().endswith("\n  " + "\n  ".join(report.notes))
    assert warning_lines(report, limit=0)[-2:] == report.notes  # never cut off with problems


def test_many_uneven_rows_are_named_in_ranges_every_row_findable(tmp_path):
    """The notes said "rows 2, 3, … 11 and 15 more have …": which 15? They name their rows
    in ranges, as the problem lines do, so every one can be found and the line stays short."""
    rows = "".join(f"e{n},2020,1,1,x\n" for n in range(25))
    rows += "e25,2020,1,1\n" * 5 + "e30,2020,1,1,x\n" + "e31,2020,1,1\n" + "e32,2020,1,1,x\n"
    rows += "".join(f"e{n},{1900 + n} (disputed),1,1\n" for n in range(33, 48))
    rows += "e48,2020,1,1,x\n"
    catalogue, report = read_catalogue(write(tmp_path / "wide.csv", "title,date,lat,lon\n" + rows))
    assert len(catalogue.events) == 49
    assert report.notes == [
        "rows 2–26, 32, 34 and 50 (28 rows) have more cells than the header's 4 columns "
        "(28 extra cells dropped)",
        "rows 35–49 (15 rows) have a note in brackets after the date, not read as part of it "
        "but kept as the event's date note ('1933 (disputed)' as 1933 (uncertain))",
    ]
    assert not any("more have" in note for note in report.notes)


def test_the_same_problem_on_many_rows_is_one_line_naming_them_all(tmp_path):
    """A mostly empty date column (90 of 100 rows) listed 90 "the date is empty" lines, the
    other problems lost among them (and the command line showed 20, then "… and 70 more"):
    the report, in the window and on the command line, says it once with the rows' ranges,
    each row still findable, and keeps the other problems where their first row was."""
    rows = ["date,title,lat,lon"]
    rows += [f",Empty {n},48.1,11.5" for n in range(40)]  # rows 2-41
    rows += ["2024-13-45,Bad day,48.1,11.5", ""]  # row 42, then a blank row 43
    rows += [f",Empty {n},48.1,11.5" for n in range(40, 89)]  # rows 44-92
    rows += [f"2024-06-{n + 1:02},Dated {n},48.1,11.5" for n in range(9)]
    rows += [",Last empty,48.1,11.5", "2024-06-30,Dated,48.1,11.5", ",Very last,48.1,11.5"]
    catalogue, report = read_catalogue(write(tmp_path / "sparse.csv", "\n".join(rows) + "\n"))
    assert len(catalogue.events) == 10 and report.skipped == 92
    assert report.lines() == [
        "rows 2–41, 44–92, 102 and 104 (91 rows), field 'date': the date is empty",
        "row 42, field 'date': '2024-13-45' has no month 13",
    ]
    lines = warning_lines(report)
    assert lines[1:] == report.lines()
    assert not any("more" in line for line in lines)
    two = read_catalogue(write(tmp_path / "two.csv", "\n".join(rows[:3] + rows[-2:]) + "\n"))[1]
    assert two.lines() == ["rows 2, 3 and 5, field 'date': the date is empty"]  # no range


def test_rows_are_numbered_as_a_spreadsheet_shows_them_blank_rows_included(tmp_path):
    """Blank rows (and ";;;" rows a spreadsheet writes) were skipped without being counted,
    so an Excel export's totals row at row 6 was reported as row 4."""
    path = write(
        tmp_path / "excel.csv",
        "\r\nDate;Place;Latitude;Longitude\r\n"  # a blank row above the header: row 1
        "15.01.2024;Zürich;47,3769;8,5417\r\n"
        ";;;\r\n"
        "16.01.2024;Genève;46,2044;6,1432;extra\r\n"
        "\r\n"
        "Total;;;\r\n"
        '"Broken;;;\r\n',
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Zürich", "Genève"]
    assert [p.item for p in report.problems] == ["row 8"]
    assert "never closed" in report.problems[0].message
    assert report.notes == [
        "row 5 has more cells than the header's 4 columns (1 extra cell dropped)",
        "row 7 ('Total', no date) left out: a totals row, not an event",
    ]


# --- 3. geometry libraries' words translated ---------------------------------------------------


def test_wkt_errors_in_plain_words(tmp_path):
    path = write(
        tmp_path / "shapes.csv",
        "title,date,wkt\n"
        "One point,2020,LINESTRING (1 1)\n"
        'Cut short,2020,"POLYGON ((0 0, 10"\n'
        "Word,2020,POINT (a b)\n"
        "Unknown,2020,FOO (1 2)\n"
        'Open ring,2020,"POLYGON ((0 0, 1 0, 1 1, 0 1))"\n'
        'Flat,2020,"POLYGON ((0 0, 5 5, 10 10, 0 0))"\n'
        "Fine,2020,POINT (1 2)\n",
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Fine"]
    no_library_words(report)
    messages = {p.item: p.message for p in report.problems}
    assert "a line has only one point" in messages["row 2"]
    assert "expected a number near the end of the text" in messages["row 3"]
    assert "not WKT we can read ('POLYGON ((0 0, 10')" in messages["row 3"]
    assert "expected a number near 'a'" in messages["row 4"]
    assert "'FOO' is not a geometry type" in messages["row 5"]
    assert "ring is not closed" in messages["row 6"]
    assert "near (5, 5): the shape crosses itself" in messages["row 7"]  # no area to repair


def test_areas_that_cross_themselves_are_repaired_and_reported(tmp_path):
    # A bow-tie drawn by hand in Google My Maps or Earth, a ring QGIS digitised across itself,
    # overlapping parts: drawn by other tools, so kept (as QGIS's Fix geometries keeps them),
    # each named in the report; a shape with no area left is still refused.
    bowtie = "0,0 1,1 1,0 0,1 0,0"
    path = write(
        tmp_path / "drawn.kml",
        KML_HEAD
        + placemark(
            "Bow tie",
            f"<Polygon><outerBoundaryIs><LinearRing><coordinates>{bowtie}</coordinates>"
            "</LinearRing></outerBoundaryIs></Polygon>",
        )
        + placemark("Fine", "<Point><coordinates>1,2</coordinates></Point>")
        + "</Document></kml>",
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Bow tie", "Fine"]
    (place, _) = catalogue.places.values()
    assert place.geometry.geom_type == "MultiPolygon" and place.geometry.is_valid
    assert place.geometry.area == pytest.approx(0.5)  # its two triangles
    assert report.notes == [
        "the shape of 'Bow tie' was not a valid area (Self-intersection near (0.5, 0.5): the "
        "shape crosses itself): repaired as QGIS's Fix geometries does (a shape that crosses "
        "itself becomes its pieces)"
    ]
    assert not report.problems

    feature = {
        "type": "Feature",
        "properties": {"date": "2020-01-01"},
        "geometry": {
            "type": "MultiPolygon",  # two squares that overlap
            "coordinates": [
                [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]],
                [[[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]],
            ],
        },
    }
    flat = {**feature, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2, 2]]]}}
    bowtie_feature = {
        **feature,
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1]]]},
    }
    doc = {"type": "FeatureCollection", "features": [feature, flat, bowtie_feature]}
    catalogue, report = read_catalogue(write(tmp_path / "qgis.geojson", json.dumps(doc)))
    assert [p.geometry.area for p in catalogue.places.values()] == pytest.approx([7, 0.5])
    assert [p.item for p in report.problems] == ["feature 2"]
    assert "the shape crosses itself" in report.problems[0].message
    (note,) = report.notes
    assert note.startswith("2 shapes were not valid areas, repaired as QGIS's Fix geometries")
    assert "'Feature 1' (Self-intersection near (" in note
    assert "'Feature 3' (Self-intersection near (0.5, 0.5)" in note


KML_HEAD = (
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">'
    "<Document>"
)


def placemark(name: str, body: str, time: str = "<TimeStamp><when>2021</when></TimeStamp>"):
    return f"<Placemark><name>{name}</name>{time}{body}</Placemark>"


def test_kml_geometry_errors_in_plain_words(tmp_path):
    marks = [
        placemark("One point", "<LineString><coordinates>1,1</coordinates></LineString>"),
        placemark("Letters", "<Point><coordinates>abc</coordinates></Point>"),
        placemark("Spaces", "<Point><coordinates>1 2</coordinates></Point>"),
        placemark("Empty", "<Point><coordinates> </coordinates></Point>"),
        placemark("Four", "<Point><coordinates>1,2,3,4</coordinates></Point>"),
        placemark(
            "Bad part",
            "<MultiGeometry><Point><coordinates>1,1</coordinates></Point>"
            "<Point><coordinates>zz</coordinates></Point></MultiGeometry>",
        ),  # fmt: skip
        placemark("No geometry", ""),
        placemark("Fine", "<Point><coordinates>1,2</coordinates></Point>"),
    ]
    path = write(tmp_path / "shapes.kml", KML_HEAD + "".join(marks) + "</Document></kml>")
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Fine"]
    no_library_words(report)
    messages = {p.item: p.message for p in report.problems}
    assert (
        messages["placemark 1 ('One point')"] == "a line has only one point (it needs two or more)"
    )
    assert messages["placemark 2 ('Letters')"] == "invalid coordinates: 'abc' is not a number"
    assert "invalid coordinates: '1 2' has no commas" in messages["placemark 3 ('Spaces')"]
    assert "the <coordinates> are empty" in messages["placemark 4 ('Empty')"]
    assert "'1,2,3,4' has 4 numbers" in messages["placemark 5 ('Four')"]
    assert "'zz' is not a number" in messages["placemark 6 ('Bad part')"]
    assert "no geometry" in messages["placemark 7 ('No geometry')"]


# --- 4. fastkml's own log lines never reach the user -------------------------------------------


def test_fastkml_prints_nothing_and_the_report_says_invalid_coordinates(tmp_path):
    path = write(
        tmp_path / "bad.kml",
        KML_HEAD
        + placemark("Bad coords", "<Point><coordinates>abc</coordinates></Point>")
        + placemark("Fine", "<Point><coordinates>1,2</coordinates></Point>")
        + "</Document></kml>",
    )
    run = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "events", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    # Only our own report (the command line warns of what it left out), nothing of fastkml's.
    lines = run.stderr.splitlines()
    assert lines and all(line.startswith("mapexplorer: warning: ") for line in lines)
    assert "invalid coordinates: 'abc' is not a number" in run.stderr
    assert "kml:coordinates" not in run.stderr
    assert "Fine" in run.stdout
    _, report = read_catalogue(path)
    (problem,) = report.problems
    assert problem.field == "geometry" and problem.message.startswith("invalid coordinates")


def test_a_kml_point_written_latitude_first_is_named_in_the_report(tmp_path):
    """A placemark written "48.8566,2.3522" for Paris (latitude first, as a hand copies it
    from a map) landed in Somalia with nothing said, where a CSV or GeoJSON file's would be
    named: the report names it, read as written (KML says the longitude comes first)."""
    path = write(
        tmp_path / "swapped.kml",
        KML_HEAD
        + placemark("Paris", "<Point><coordinates>48.8566,2.3522</coordinates></Point>")
        + placemark("Berlin", "<Point><coordinates>13.405,52.52</coordinates></Point>")
        + placemark("Nowhere", "<Point><coordinates>10,10</coordinates></Point>")
        + "</Document></kml>",
    )
    catalogue, report = read_catalogue(path)
    paris = next(e for e in catalogue.events if e.title == "Paris")
    assert catalogue.places_of(paris)[0].representative == (48.8566, 2.3522)  # as written
    (line,) = report.notes
    assert line.startswith(
        "placemark 1 names a place its point is far from, but would be at with the longitude "
        "and the latitude swapped ('Paris' in placemark 1 is at 48.8566,2.3522, "
    )
    assert line.endswith(
        "km from Paris; 2.3522,48.8566 is there): read as written; KML gives the longitude "
        "first, longitude,latitude"
    )


def test_kml_points_each_ended_with_a_comma_are_read(tmp_path):
    """ "2.35,48.85," (a script leaving the altitude empty) was refused as "'' in the point
    '2.35,48.85,' is not a number"; Google Earth reads it, and so do we. A lone stray comma
    among points still says what is wrong."""
    path = write(
        tmp_path / "commas.kml",
        KML_HEAD
        + placemark("Pin", "<Point><coordinates>2.35,48.85,</coordinates></Point>")
        + placemark(
            "Road",
            "<LineString><coordinates>\n 2.35,48.85,\n 2.36,48.86,\n</coordinates></LineString>",
        )
        + placemark("Odd", "<Point><coordinates>2.35,,48.85</coordinates></Point>")
        + "</Document></kml>",
    )
    catalogue, report = read_catalogue(path)
    shapes = {e.title: catalogue.places_of(e)[0].geometry.wkt for e in catalogue.events}
    assert shapes == {"Pin": "POINT (2.35 48.85)", "Road": "LINESTRING (2.35 48.85, 2.36 48.86)"}
    (problem,) = report.problems
    assert problem.item == "placemark 3 ('Odd')" and "is not a number" in problem.message


# --- 5. Google Earth tracks ---------------------------------------------------------------------


def test_a_gx_track_is_read_as_a_timed_line(tmp_path):
    track = (
        "<gx:Track><when>2020-01-01T08:00:00Z</when><when>2020-01-02T09:00:00Z</when>"
        "<when>2020-01-03T10:00:00Z</when>"
        "<gx:coord>10 50 0</gx:coord><gx:coord>11 51 0</gx:coord><gx:coord>12 52 0</gx:coord>"
        "</gx:Track>"
    )
    multi = (
        "<gx:MultiTrack><gx:Track><when>2021-05-01</when><when>2021-05-02</when>"
        "<gx:coord>1 1</gx:coord><gx:coord>2 2</gx:coord></gx:Track>"
        "<gx:Track><when>2021-05-03</when><when>2021-05-04</when>"
        "<gx:coord>3 3</gx:coord><gx:coord>4 4</gx:coord></gx:Track></gx:MultiTrack>"
    )
    empty = "<gx:Track><when>2022-01-01</when></gx:Track>"
    path = write(
        tmp_path / "tracks.kml",
        KML_HEAD
        + placemark("Drive", track, time="")
        + placemark("Two legs", multi, time="")
        + placemark("No points", empty, time="")
        + "</Document></kml>",
    )
    catalogue, report = read_catalogue(path)
    events = {e.title: e for e in catalogue.events}
    drive = events["Drive"]
    assert drive.time.start_iso.startswith("2020-01-01")
    assert drive.time.end_iso.startswith("2020-01-03")
    (place,) = catalogue.places_of(drive)
    assert place.geometry.geom_type == "LineString"
    assert list(place.geometry.coords) == [(10, 50), (11, 51), (12, 52)]
    legs = events["Two legs"]
    assert legs.time.start_iso.startswith("2021-05-01")
    assert legs.time.end_iso.startswith("2021-05-04")
    (place,) = catalogue.places_of(legs)
    assert place.geometry.geom_type == "MultiLineString"
    (problem,) = report.problems
    assert problem.item == "placemark 3 ('No points')"
    assert "gx:Track has no gx:coord points" in problem.message


def test_a_gx_track_inside_a_multigeometry_is_read_with_its_times(tmp_path):
    """KML allows a gx:Track as a MultiGeometry's piece (as GPS converters write a day's
    track beside its stops): it was dropped, and a placemark holding only tracks so was
    reported as having "no TimeStamp or TimeSpan" although its track has times."""
    track = (
        "<gx:Track><when>2024-04-01T08:00:00Z</when><when>2024-04-02T08:00:00Z</when>"
        "<gx:coord>1 1 0</gx:coord><gx:coord>2 2 0</gx:coord></gx:Track>"
    )
    path = write(
        tmp_path / "tracks.kml",
        KML_HEAD
        + placemark("Day", f"<MultiGeometry>{track}<Point><coordinates>3,3</coordinates>"
                    "</Point></MultiGeometry>", time="")
        + placemark("Legs", f"<MultiGeometry><MultiGeometry>{track}</MultiGeometry>"
                    f"{track.replace('2024-04-0', '2024-05-0')}</MultiGeometry>", time="")
        + "</Document></kml>",
    )  # fmt: skip
    catalogue, report = read_catalogue(path)
    assert not report.problems
    events = {e.title: e for e in catalogue.events}
    assert events["Day"].time.edtf == "2024-04-01/2024-04-02"
    shapes = sorted(p.geometry.wkt for p in catalogue.places_of(events["Day"]))
    assert shapes == ["LINESTRING (1 1, 2 2)", "MULTIPOINT ((3 3))"]
    assert events["Legs"].time.edtf == "2024-04-01/2024-05-02"
    (place,) = catalogue.places_of(events["Legs"])
    assert place.geometry.wkt == "MULTILINESTRING ((1 1, 2 2), (1 1, 2 2))"


def test_a_gx_track_whose_times_do_not_read_says_so(tmp_path):
    """A track's <when>s were reported as a TimeStamp/TimeSpan the placemark does not have:
    "the end ('2024-05-02') is before the start", and a track without any as having "no
    TimeStamp or TimeSpan". The track and its <when> are named."""

    def track(*whens: str) -> str:
        times = "".join(f"<when>{w}</when>" for w in whens)
        return f"<gx:Track>{times}<gx:coord>1 1 0</gx:coord><gx:coord>2 2 0</gx:coord></gx:Track>"

    path = write(
        tmp_path / "tracks.kml",
        KML_HEAD
        + placemark("Bad hour", track("2024-05-01T25:00:00Z", "2024-05-02"), time="")
        + placemark("Backwards", track("2024-05-09", "2024-05-02"), time="")
        + placemark("Untimed", track(), time="")
        + placemark("Fine", track("2024-05-01", "2024-05-02"), time="")
        + "</Document></kml>",
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Fine"]
    assert [str(p) for p in report.problems] == [
        "placemark 1 ('Bad hour'), field 'gx:Track <when>': a <when> of its gx:Track cannot be "
        "read: '2024-05-01T25:00:00Z': 25:00:00 is not a time of day (hours go from 00 to 23)",
        "placemark 2 ('Backwards'), field 'gx:Track <when>': its gx:Track's last <when>, "
        "'2024-05-02', is before its first, '2024-05-09' (a track's times go in the order of "
        "its points)",
        "placemark 3 ('Untimed'), field 'TimeStamp/TimeSpan': the placemark has no TimeStamp "
        "or TimeSpan, and its gx:Track no <when>",
    ]


# --- 6. network links and overlays, which hold no placemarks -----------------------------------

MY_MAPS_LINK = (
    "https://www.google.com/maps/d/kml?mid=1AbCdEfGhIjKlMnOpQrStUvWxYz0123456&amp;lid=zAbCdEf"
)


def test_a_kmz_that_only_links_to_a_google_my_maps_map_says_how_to_export_it(tmp_path):
    # My Maps' export with 'Keep data up to date with network link KML' ticked: a KMZ whose
    # doc.kml holds nothing but a NetworkLink to the map online.
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
        f"<NetworkLink><name>Untitled map</name><Link><href>{MY_MAPS_LINK}</href></Link>"
        "</NetworkLink></kml>"
    )
    message = refusal(zipped(tmp_path / "Untitled map.kmz", {"doc.kml": doc}), guess=False)
    assert "the file has no placemarks, only a network link 'Untitled map' to" in message
    assert "kml?mid=1AbCdEfGhIjKlMnOpQrStUvWxYz0123456&lid=zAbCdEf'" in message  # all of it
    assert "works offline" in message
    assert "'Keep data up to date with network link KML' unticked" in message


def test_a_kml_of_image_overlays_says_it_holds_no_events(tmp_path):
    doc = (
        KML_HEAD + "<Folder><GroundOverlay><name>Scan</name><Icon><href>map.jpg</href></Icon>"
        "</GroundOverlay></Folder><ScreenOverlay><name>Logo</name></ScreenOverlay>"
        "</Document></kml>"
    )
    message = refusal(write(tmp_path / "scan.kml", doc), guess=False)
    assert "only images laid over the map (GroundOverlay, ScreenOverlay)" in message


def test_a_network_link_beside_placemarks_is_reported_as_not_read(tmp_path):
    doc = (
        KML_HEAD
        + placemark("Here", "<Point><coordinates>1,2</coordinates></Point>")
        + "<Folder><NetworkLink><name>Live</name><Link><href>layers/more.kml</href></Link>"
        "</NetworkLink></Folder></Document></kml>"
    )
    catalogue, report = read_catalogue(write(tmp_path / "linked.kml", doc))
    assert [e.title for e in catalogue.events] == ["Here"]
    assert report.asides == [
        "a network link 'Live' to 'layers/more.kml' was not read: Map Explorer reads only "
        "the placemarks in the file itself; open the linked file"
    ]
    # A line about the file, not its placemarks: the one placemark was read as written (the
    # headline said "not quite as written", the dialog "Some placemarks were not read as
    # written").
    assert report.notes == []
    assert report.headline() == "linked.kml: its one placemark read as written; a note on the file:"
    assert any("'layers/more.kml' was not read" in line for line in warning_lines(report))


def test_a_kmz_whose_doc_kml_links_to_kml_files_inside_it_reads_them(tmp_path):
    """Google Earth keeps a big KMZ's layers in files/ and links to them from doc.kml: they
    are in the archive, and read from it (the file was refused as holding only links)."""
    doc = (
        KML_HEAD + "<NetworkLink><name>Layer one</name><Link><href>files/layer%201.kml</href>"
        "</Link></NetworkLink><Folder><name>More</name><NetworkLink><Link>"
        "<href>files/broken.kml</href></Link></NetworkLink></Folder></Document></kml>"
    )
    layer = (  # KML 2.1's namespace, and a link on to the next, relative to this file
        '<kml xmlns="http://earth.google.com/kml/2.1"><Document><name>Layer doc</name>'
        + placemark("Linked", "<Point><coordinates>3,4</coordinates></Point>")
        + "<NetworkLink><Link><href>deeper.kml</href></Link></NetworkLink>"
        "<NetworkLink><Link><href>layer%201.kml</href></Link></NetworkLink></Document></kml>"
    )
    deeper = "<kml>" + placemark("Deeper", "<Point><coordinates>5,6</coordinates></Point>")
    path = zipped(
        tmp_path / "layers.kmz",
        {
            "doc.kml": doc,
            "files/layer 1.kml": layer,
            "files/deeper.kml": deeper + "</kml>",
            "files/broken.kml": "<kml><Placemark>",
        },
    )
    catalogue, report = read_catalogue(path)
    events = {e.title: e for e in catalogue.events}
    assert list(events) == ["Linked", "Deeper"]
    assert events["Linked"].extra["folder"] == "Layer one"  # the link is its folder
    assert events["Deeper"].extra["folder"] == "Layer one"  # an unnamed link, nor document
    assert not report.problems
    assert report.asides == [
        "a network link to 'files/broken.kml', inside the KMZ, was not read: not XML (so not "
        "KML): no element found at line 1, column 17",
        # A link round to a file already read is not read again.
        "a network link to 'layer%201.kml' was not read: Map Explorer reads only the "
        "placemarks in the file itself; open the linked file",
    ]


# --- JSON of other kinds: TopoJSON, Esri JSON, a bare geometry -------------------------------


def test_a_topojson_file_opens_its_geometries_as_features(tmp_path):
    """D3's and mapshaper's TopoJSON was refused ("convert it to GeoJSON first"): its
    geometries are decoded as topojson-client decodes them (arcs shared and reversed,
    coordinates quantized and delta-encoded), each a feature with its properties and id."""
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.001, 0.001], "translate": [2, 48]},
        "objects": {"events": {"type": "GeometryCollection", "geometries": [
            {"type": "Point", "coordinates": [350, 850], "id": "summit",
             "properties": {"name": "Summit", "date": "2024-03-01"}},
            {"type": "LineString", "arcs": [0, ~1],
             "properties": {"name": "March", "date": "2024-03-02"}},
            {"type": "Polygon", "arcs": [[2]], "properties": {"name": "Zone", "date": "2024-03-03"}},
            {"type": None, "properties": {"name": "Talks", "date": "2024-03-04", "place": "Geneva"}},
        ]}},
        "arcs": [
            [[0, 0], [1000, 0]],
            [[1000, 1000], [0, -1000]],  # walked backwards by the line: ~1
            [[0, 0], [1000, 0], [0, 1000], [-1000, 0], [0, -1000]],
        ],
    }  # fmt: skip
    path = write(tmp_path / "events.topojson", json.dumps(topology))
    catalogue, report = read_catalogue(path)
    shapes = {e.title: catalogue.places_of(e)[0].geometry.wkt for e in catalogue.events}
    assert shapes == {
        "Summit": "POINT (2.35 48.85)",
        "March": "LINESTRING (2 48, 3 48, 3 49)",
        "Zone": "POLYGON ((2 48, 3 48, 3 49, 2 49, 2 48))",
        "Talks": shapes["Talks"],  # placed by its name, Geneva
    }
    assert catalogue.places_of(by_title_of(catalogue)["Talks"])[0].name == "Geneva"
    assert by_title_of(catalogue)["Summit"].id == "summit"  # the geometry's id
    assert report.asides[0] == (
        "a TopoJSON file: the geometries of its objects ('events') read as features"
    )
    broken = {**topology, "arcs": []}
    assert refusal(write(tmp_path / "broken.topojson", json.dumps(broken))) == (
        f"{tmp_path / 'broken.topojson'}: a TopoJSON file that cannot be read (arc 0 does not "
        "exist (the file has 0)): convert it to GeoJSON (QGIS opens TopoJSON: Export ▸ Save "
        "Features As… GeoJSON; or mapshaper: -o format=geojson)"
    )


def by_title_of(catalogue) -> dict:
    return {e.title: e for e in catalogue.events}


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        (
            {"type": "Topology", "objects": {"a": {"type": "GeometryCollection"}}, "arcs": []},
            ": a TopoJSON file that cannot be read (its objects hold no geometries): convert it "
            "to GeoJSON",
        ),
        (
            {"type": "Point", "coordinates": [1, 2]},
            "field 'type': a bare GeoJSON geometry (a Point), with no properties to say when",
        ),
        (
            {"type": "GeometryCollection", "geometries": []},
            "a bare GeoJSON geometry (a GeometryCollection)",
        ),
        ({"type": "Foo"}, "field 'type': not a GeoJSON FeatureCollection (its type is \"Foo\")"),
    ],
)
def test_json_of_another_kind_says_what_it_is_and_what_to_do(tmp_path, doc, words):
    message = refusal(write(tmp_path / "data.json", json.dumps(doc)))
    assert words in message


def _mercator(lon: float, lat: float) -> list[float]:
    x = lon * 20037508.342789244 / 180
    y = math.log(math.tan((90 + lat) * math.pi / 360)) * 6378137.0
    return [x, y]


def test_an_arcgis_services_esri_json_opens(tmp_path):
    """An ArcGIS REST query's answer (f=json, its default) was refused, asking for GeoJSON:
    its attributes are the properties, its x/y, paths and rings the geometries (clockwise
    rings outer ones, the others their holes), in Web Mercator's metres as most services
    give them, and its dates Unix milliseconds at a local midnight."""
    ring = [(16.3, 48.2), (16.3, 48.3), (16.5, 48.3), (16.5, 48.2), (16.3, 48.2)]  # clockwise
    hole = [(16.35, 48.22), (16.4, 48.22), (16.4, 48.25), (16.35, 48.25), (16.35, 48.22)]
    doc = {
        "geometryType": "esriGeometryPolygon",
        "spatialReference": {"wkid": 102100, "latestWkid": 3857},
        "fields": [{"name": "NAME", "type": "esriFieldTypeString"}],
        "exceededTransferLimit": True,
        "features": [
            {
                "attributes": {"NAME": "Flood area", "EventDate": 1709593200000},
                "geometry": {"rings": [[_mercator(*p) for p in r] for r in (ring, hole)]},
            },
            {
                "attributes": {"NAME": "Road", "EventDate": 1709679600000},
                "geometry": {"paths": [[_mercator(14.29, 48.31), _mercator(15.0, 48.2)]]},
            },
            {
                "attributes": {"NAME": "Gauge", "EventDate": 1709766000000},
                "geometry": {"x": _mercator(16.37, 48.21)[0], "y": _mercator(16.37, 48.21)[1]},
            },
        ],
    }
    catalogue, report = read_catalogue(write(tmp_path / "query.json", json.dumps(doc)))
    events = by_title_of(catalogue)
    assert {t: e.time.edtf for t, e in events.items()} == {
        "Flood area": "2024-03-05",
        "Road": "2024-03-06",
        "Gauge": "2024-03-07",
    }
    area = catalogue.places_of(events["Flood area"])[0].geometry
    assert area.geom_type == "Polygon" and len(area.interiors) == 1
    assert round(area.bounds[0], 3) == 16.3 and round(area.bounds[3], 3) == 48.3
    assert catalogue.places_of(events["Road"])[0].geometry.geom_type == "LineString"
    assert not report.problems
    assert report.asides[0] == (
        "an Esri JSON (ArcGIS) feature set: read as the GeoJSON it stands for"
    )
    assert "first 3 features" in report.asides[1]
    grid = {
        "spatialReference": {"wkid": 27700},
        "features": [
            {"attributes": {"date": "2020-01-01"}, "geometry": {"x": 530000, "y": 180000}}
        ],
    }
    message = refusal(write(tmp_path / "grid.json", json.dumps(grid)), guess=False)
    assert 'its coordinates are in EPSG:27700 (its "spatialReference" member says so)' in message
    plain = {"features": [{"attributes": {"date": "2020-01-01"}, "geometry": {"x": 1, "y": 2}}]}
    (event,) = open_catalogue(write(tmp_path / "plain.json", json.dumps(plain))).events
    assert event.time.edtf == "2020-01-01"


def test_a_json_list_of_features_opens_as_a_collection(tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"title": title, "date": date},
        }
        for title, date in (("A", "2020-01-01"), ("B", "2020-02-01"))
    ]
    catalogue = open_catalogue(write(tmp_path / "dumped.json", json.dumps(features)))
    assert [e.title for e in catalogue.events] == ["A", "B"]
    message = refusal(write(tmp_path / "numbers.json", "[1, 2]"))
    assert "not GeoJSON: the file holds no JSON object" in message


# --- JSON that does not parse ------------------------------------------------------------------


@pytest.fixture(scope="module")
def native_text() -> str:
    from mapexplorer.formats import native
    from mapexplorer.paths import bundled_catalogue

    return native.dumps(native.load(bundled_catalogue()))


def json_refusal(path: Path, reader: str) -> str:
    """The message of our native reader, or of the plain GeoJSON reader's JSON parse."""
    from mapexplorer.formats import geojson_reader, native

    with pytest.raises(FormatError) as caught:
        native.load(path) if reader == "native" else geojson_reader.load_json(path)
    return str(caught.value)


@pytest.mark.parametrize("reader", ["native", "plain"])
def test_a_control_character_is_named_once(tmp_path, native_text, reader):
    line = native_text.index('"summary":"') + len('"summary":"')
    path = write(tmp_path / "tab.geojson", native_text[:line] + "\t" + native_text[line:])
    message = json_refusal(path, reader)
    assert "not valid JSON: Invalid control character at line" in message
    assert " at at " not in message


@pytest.mark.parametrize("reader", ["native", "plain"])
def test_a_file_cut_short_says_so(tmp_path, native_text, reader):
    """A download or copy that stopped half-way: which feature it stopped in, not "Expecting
    ',' delimiter"."""
    tenth = native_text.index('{"type":"Feature"', native_text.index('"features"'))
    for _ in range(9):
        tenth = native_text.index('{"type":"Feature"', tenth + 1)
    inside = write(tmp_path / "inside.geojson", native_text[: tenth + 60])
    message = json_refusal(inside, reader)
    assert "not valid JSON: the file ends early, in the middle of feature 10 (line" in message
    assert message.endswith("it is cut short")
    assert "Expecting" not in message
    after = write(tmp_path / "after.geojson", native_text[:tenth])  # ends with ",\n"
    assert "the file ends early, after feature 9 (line" in json_refusal(after, reader)
    cut = native_text.index('"title":"', tenth) + 12
    in_a_string = write(tmp_path / "string.geojson", native_text[:cut])
    assert "in the middle of feature 10" in json_refusal(in_a_string, reader)


def test_a_date_column_of_unreadable_dates_is_named_with_its_problem(tmp_path):
    """Not "no date column found" for a file whose 'date' column holds only dates we cannot
    read: the column, its first value and why."""
    path = tmp_path / "hundreds.csv"
    path.write_text("title,date,lat,lon\nA,the 1800s,1,2\nB,the 1900s,3,4\n", encoding="utf-8")
    message = refusal(path, guess=False)  # the guess finds no date: the read says why
    assert "'date' holds no date we can read" in message
    assert "'the 1800s' could be a decade (1800–1809) or a century" in message

    geojson = tmp_path / "sometime.geojson"
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [1, 2]},
        "properties": {"name": "A", "date": "sometime"},
    }
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    message = refusal(geojson, guess=False)
    assert "no property holds a date: 'date' holds no date we can read" in message
    assert "'sometime' is not a date we can read" in message


def test_a_date_column_mostly_unreadable_says_how_many_read_and_where_the_first_fails(tmp_path):
    """A 'date' column with one good date among bad ones was told "no date column found (name
    it e.g. 'date')", as if it had none: the column, how many of its values read, and the
    first that does not, by its row (or feature)."""
    text = "date,title,lat,lon\n2024-01-01,A,1,1\nbad,B,1,1\nworse,C,1,1\n"
    path = write(tmp_path / "mostly.csv", text)
    message = refusal(path, guess=False)
    assert (
        "no date column found: 'date' holds too few dates we can read to be taken as the "
        "dates: 1 of its 3 values in the first rows (the first that is not, in row 3: 'bad' "
        "is not a date we can read"
    ) in message
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"name": name, "date": date},
        }
        for name, date in [("A", "2024-01-01"), ("B", "soon"), ("C", "later")]
    ]
    geojson = write(
        tmp_path / "mostly.geojson", json.dumps({"type": "FeatureCollection", "features": features})
    )
    message = refusal(geojson, guess=False)
    assert (
        "1 of its 3 values in the first features (the first that is not, in feature 2:" in message
    )


# --- newline-delimited GeoJSON (GeoJSONSeq) ------------------------------------------------------


def seq_feature(i: int) -> str:
    return json.dumps(
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [10 + i, 20 + i]},
            "properties": {"name": f"Point {i}", "date": f"2024-01-0{i}"},
        }
    )


@pytest.mark.parametrize("name", ["events.geojsons", "events.ndjson", "events.json"])
@pytest.mark.parametrize("separator", ["", "\x1e"])
def test_newline_delimited_geojson_opens_one_feature_a_line(tmp_path, name, separator):
    # ogr2ogr -f GeoJSONSeq, tippecanoe and many scripts write one Feature a line (RFC 8142
    # puts a record separator before each); it read as "Extra data at line 2", or as a CSV.
    text = "".join(f"{separator}{seq_feature(i)}\n" for i in (1, 2, 3))
    catalogue, report = read_catalogue(write(tmp_path / name, text))
    assert [e.title for e in catalogue.events] == ["Point 1", "Point 2", "Point 3"]
    assert catalogue.places_of(catalogue.events[1])[0].geometry.coords[0] == (12, 22)
    assert str(catalogue.events[2].time.edtf) == "2024-01-03"
    assert not report


def test_a_broken_line_of_newline_delimited_geojson_is_reported_and_the_rest_opens(tmp_path):
    text = seq_feature(1) + "\n\n" + seq_feature(2) + "\n" + seq_feature(3)[:-12] + "\n"
    text += seq_feature(4) + "\n"
    catalogue, report = read_catalogue(write(tmp_path / "cut.geojsons", text))
    assert [e.title for e in catalogue.events] == ["Point 1", "Point 2", "Point 4"]
    (problem,) = report.problems
    assert str(problem) == (
        "feature 3: line 4 is not valid JSON: Unterminated string starting at column 119"
    )


def test_json_lines_that_are_not_features_are_still_refused_as_json(tmp_path):
    text = '{"a": 1}\n{"a": 2}\n'
    message = refusal(write(tmp_path / "rows.json", text))
    assert message.endswith("rows.json: not valid JSON: Extra data at line 2, column 1")


def test_geojson_geometry_errors_in_plain_words(tmp_path):
    def feature(title, geometry):
        return {
            "type": "Feature",
            "geometry": geometry,
            "properties": {"title": title, "date": "2020"},
        }

    features = [
        feature("One point", {"type": "LineString", "coordinates": [[1, 1]]}),
        feature("Short ring", {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}),
        feature("Flat", {"type": "Polygon", "coordinates": [[0, 0], [1, 0], [1, 1], [0, 0]]}),
        feature("Null", {"type": "LineString", "coordinates": [[0, 0], [1, None]]}),
        feature("None", {"type": "LineString"}),
        feature("Foo", {"type": "Foo", "coordinates": [1, 2]}),
        feature(
            "Piece",
            {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Point", "coordinates": [1, 2]},
                    {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[2, 2]]]},
                ],
            },
        ),
        feature("Fine", {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}),
    ]
    path = write(
        tmp_path / "shapes.geojson",
        json.dumps({"type": "FeatureCollection", "features": features}),
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Fine"]
    no_library_words(report)
    messages = {p.item: p.message for p in report.problems}
    assert messages["feature 1 ('One point')"] == (
        "the LineString has only 1 position; a line needs two or more"
    )
    assert messages["feature 2 ('Short ring')"] == (
        "ring 1 of the Polygon has only 2 positions; a ring needs four or more (the last the "
        "same as the first)"
    )
    assert messages["feature 3 ('Flat')"] == (
        "a Polygon's coordinates are a list of rings, each a list of four or more positions, "
        "not [[0, 0], [1, 0], [1, 1], [0, 0]]"
    )
    assert messages["feature 4 ('Null')"] == (
        "the position [1, null] is not [longitude, latitude] numbers"
    )
    assert messages["feature 5 ('None')"] == 'the LineString has no "coordinates"'
    assert messages["feature 6 ('Foo')"].startswith('"Foo" is not a GeoJSON geometry type')
    assert messages["feature 7 ('Piece')"] == (
        "piece 2 of the GeometryCollection: line 2 of the MultiLineString has only 1 position; "
        "a line needs two or more"
    )
    for message in messages.values():
        assert "\n" not in message and "iterable" not in message


def test_a_latitude_out_of_range_that_fits_as_a_longitude_asks_whether_they_are_swapped(
    tmp_path,
):
    """Tokyo written latitude first: the message said only that 139.7 is out of range."""
    tokyo = {"type": "Point", "coordinates": [35.7, 139.7]}
    line = {"type": "LineString", "coordinates": [[35.7, 139.7], [34.7, 135.5]]}
    geojson = write(
        tmp_path / "swapped.geojson",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "geometry": g, "properties": {"name": n, "date": "2024"}}
                    for n, g in (
                        ("Tokyo", tokyo),
                        ("Line", line),
                        ("Fine", {"type": "Point", "coordinates": [1, 1]}),
                    )
                ],
            }
        ),
    )
    _, report = read_catalogue(geojson)
    messages = [p.message for p in report.problems]
    assert messages == [
        "latitude 139.7 is out of range -90…90; are longitude and latitude swapped? GeoJSON and "
        "KML give longitude first, so write [139.7, 35.7]",
        "latitude out of range -90…90 (found 135.5…139.7); are longitude and latitude swapped? "
        "GeoJSON and KML give longitude first",
    ]
    csv_path = write(
        tmp_path / "swapped.csv", "title,date,lat,lon\nTokyo,2024,139.7,35.7\nFine,2024,1,1\n"
    )
    (problem,) = read_catalogue(csv_path)[1].problems
    assert problem.message == (
        "latitude 139.7 is out of range -90…90; are 'lat' and 'lon' swapped?"
    )
    kml = write(
        tmp_path / "swapped.kml",
        KML_HEAD
        + placemark("Tokyo", "<Point><coordinates>35.7,139.7</coordinates></Point>")
        + placemark("Fine", "<Point><coordinates>1,1</coordinates></Point>")
        + "</Document></kml>",
    )
    (problem,) = read_catalogue(kml)[1].problems
    assert problem.message.endswith("; are longitude and latitude swapped? GeoJSON and KML give "
                                    "longitude first")  # fmt: skip
    far = write(tmp_path / "far.csv", "title,date,lat,lon\nFar,2024,139.7,135\nFine,2024,1,1\n")
    (problem,) = read_catalogue(far)[1].problems
    assert problem.message == "latitude 139.7 is out of range -90…90"  # swapped, still off


def test_web_mercator_metres_without_a_crs_open_when_the_places_named_are_there(tmp_path):
    """A web map's export in Web Mercator metres with no "crs" member was refused, though
    the towns its features name are where Web Mercator puts them: that tells which system
    the metres are in, so they are converted, the report saying how it knows. A national
    grid's metres (London at [530000, 180000]) are not so, and are refused as before."""

    def collection(*features):
        return json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": xy},
             "properties": {"title": title, "place": place, "date": "2024-05-01"}}
            for title, place, xy in features
        ]})  # fmt: skip

    path = write(
        tmp_path / "web.geojson",
        collection(
            ("Talks", "Moscow", [4187547.8, 7509021.1]),
            ("Summit", "Paris", [261848.15, 6250566.72]),
            ("Rally", "Somewhere we do not know", [1500000, 6000000]),
        ),
    )
    catalogue, report = read_catalogue(path)
    lon, lat = catalogue.places_of(catalogue.events[0])[0].representative
    assert (round(lon, 4), round(lat, 4)) == (37.6174, 55.7511)
    assert report.asides == [
        'its coordinates are metres, not longitude and latitude, and no "crs" member says '
        "which system they are in; they are Web Mercator's (EPSG:3857): 2 of the 2 places it "
        "names that we know are where Web Mercator puts them ('Moscow' at 55.7511° N, "
        "37.6174° E), so they were converted to longitude and latitude (save the file in WGS "
        "84 to be sure)"
    ]
    grid = write(
        tmp_path / "grid.geojson",
        collection(("Talks", "London", [530000, 180000]), ("Summit", "Leeds", [430000, 433000])),
    )
    assert "its coordinates look like projected metres" in refusal(grid, guess=False)


def test_coordinates_in_metres_without_a_crs_say_what_they_look_like_and_how_to_reproject(
    tmp_path,
):
    """A GIS's Web Mercator (or national grid) file saved without a "crs" member: the message
    only said "longitude 4.18755e+06 is out of range"."""

    def collection(*geometries):
        return json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": g, "properties": {"name": f"F{n}", "date": "2024"}}
            for n, g in enumerate(geometries, 1)
        ]})  # fmt: skip

    moscow = {"type": "Point", "coordinates": [4187547.8, 7509021.1]}
    area = {"type": "Polygon", "coordinates": [[[530000, 180000], [531000, 180000],
                                                [531000, 181000], [530000, 180000]]]}  # fmt: skip
    message = refusal(write(tmp_path / "mercator.geojson", collection(moscow, area)), guess=False)
    assert message.startswith(
        f"{tmp_path / 'mercator.geojson'}: its coordinates look like projected metres "
        "([4187547.8, 7509021.1]; in Web Mercator 55.7511° N, 37.6174° E), not longitude and "
        'latitude, and no "crs" member says which system they are in (Web Mercator, EPSG:3857, '
        "or a national grid). Save the file in WGS 84 (EPSG:4326): in QGIS, set the layer's CRS"
    )
    assert "ogr2ogr -s_srs EPSG:3857 -t_srs EPSG:4326 out.geojson in.geojson" in message
    assert "none of its 2 features could be read: feature 1 ('F1')" in message  # and where
    # Some features on the globe: they open, and the report says why the others did not.
    _, report = read_catalogue(
        write(tmp_path / "some.geojson", collection(area, {"type": "Point", "coordinates": [1, 2]}))
    )
    assert len(report.problems) == 1
    assert report.notes[0].startswith(
        "1 feature's coordinates look like projected metres ([530000, 180000]; in Web Mercator"
    )
    # Degrees off the globe are not metres: said as before.
    swapped = {"type": "Point", "coordinates": [35.7, 139.7]}
    message = refusal(write(tmp_path / "swapped.geojson", collection(swapped)), guess=False)
    assert "projected" not in message and "swapped" in message


def test_a_spreadsheets_day_number_says_which_day_and_how_to_save_it_as_a_date(tmp_path):
    """A date cell formatted as a number is saved as Excel's day count (45306): the message
    said only that it was too large for a year and too small for Unix time."""
    path = write(
        tmp_path / "serial.csv",
        "title,date,lat,lon\nA,2024-01-14,1,1\nB,45306,1,1\nC,45306.75,1,1\nD,2024-01-17,1,1\n"
        "E,123456,1,1\nF,2024-01-18,1,1\nG,2024-01-19,1,1\nH,2024-01-20,1,1\nI,2023,1,1\n",
    )  # with a year (2023) among them, the column is not read as day numbers
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["A", "D", "F", "G", "H", "I"]
    messages = {p.item: p.message for p in report.problems}
    hint = (
        "; if it is a spreadsheet's day number (45306 is 15 January 2024), format the column "
        "as dates in the spreadsheet before saving the file"
    )
    assert messages["row 3"] == (
        "'45306' is not a date: too large for a year, too small for Unix time" + hint
    )
    assert messages["row 4"] == ("'45306.75' is not a date (a year must be a whole number)" + hint)
    assert messages["row 6"] == (  # no day of this century: no hint
        "'123456' is not a date: too large for a year, too small for Unix time"
    )


def test_a_date_column_of_spreadsheet_day_numbers_is_read_as_those_days(tmp_path):
    """A sheet's date column formatted as numbers, saved as CSV, holds Excel's day counts
    (45467): every row was refused with the hint to format the column as dates. A column
    named as a date whose numbers are all such counts is read as them, and the report says so;
    a year (2024) is never one, and a number out of their range is refused as before."""
    text = "date,title,lat,lon\n45467,A,1,1\n45468.5,B,1,1\n30 June 2024,C,1,1\n,D,1,1\n"
    catalogue, report = read_catalogue(write(tmp_path / "days.csv", text))
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [
        ("A", "2024-06-24"),  # Excel's 1900 date system
        ("B", "2024-06-25"),  # noon of that day
        ("C", "2024-06-30"),  # a cell the sheet did not take for a date, as written
    ]
    assert [str(p) for p in report.problems] == [
        "row 5, field 'date (spreadsheet day numbers)': the date is empty"
    ]
    assert report.notes == [
        "the dates in 'date' are numbers, read as a spreadsheet's day numbers (days counted "
        "as Excel's 1900 date system counts them: 45467 is Monday 24 June 2024)"
    ]
    workbook = openpyxl.Workbook()
    workbook.active.append(["Datum", "Titel", "Breite", "Länge"])
    workbook.active.append([45467, "A", 1, 1])  # a number cell, not a date cell
    workbook.save(tmp_path / "days.xlsx")
    catalogue, report = read_catalogue(tmp_path / "days.xlsx")
    assert catalogue.events[0].time.edtf == "2024-06-24"
    assert "'Datum' are numbers, read as a spreadsheet's day numbers" in report.notes[-1]
    years = "date,title,lat,lon\n2024,A,1,1\n45467,B,1,1\n"  # a year among them: no day numbers
    catalogue, report = read_catalogue(write(tmp_path / "years.csv", years))
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [("A", "2024")]
    assert "if it is a spreadsheet's day number" in report.problems[0].message
    year = "year,title,lat,lon\n2024,A,1,1\n"  # a year column is years
    assert read_catalogue(write(tmp_path / "year.csv", year))[0].events[0].time.edtf == "2024"
    seconds = "time,title,lat,lon\n45467,A,1,1\n"  # not named as a date: seconds, perhaps
    with pytest.raises(FormatError, match="no date column found"):
        read_catalogue(write(tmp_path / "seconds.csv", seconds))


def test_an_odd_cell_among_spreadsheet_day_numbers_is_reported_not_the_whole_column(tmp_path):
    """One number out of day numbers' range (90000), a 0 for "unknown" or an "n/a" among a
    sheet's day numbers made the whole column unreadable ("no date column found"): the
    others are read, and each odd row reported. A year among them still means years."""
    text = "date,title,lat,lon\n45467,A,1,1\n90000,B,1,1\n0,C,1,1\nn/a,D,1,1\n45470,E,1,1\n"
    text += "45471,F,1,1\n"
    catalogue, report = read_catalogue(write(tmp_path / "days.csv", text))
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [
        ("A", "2024-06-24"),
        ("E", "2024-06-27"),
        ("F", "2024-06-28"),
    ]
    messages = {p.item: p.message for p in report.problems}
    assert messages["row 3"] == (
        "'90000' is not a spreadsheet day number like the others in its column (20000 to "
        "80000, the years 1954 to 2119)"
    )
    assert set(messages) == {"row 3", "row 4", "row 5"}
    assert "spreadsheet's day numbers" in report.notes[0]
    years = "date,title,lat,lon\n45467,A,1,1\n45468,B,1,1\n2024,C,1,1\n"  # a year: no days
    with pytest.raises(FormatError, match="with a year among them"):
        read_catalogue(write(tmp_path / "years.csv", years))


def test_a_year_among_spreadsheet_day_numbers_says_why_neither_reads(tmp_path):
    """A column of day numbers with a year among them (45467, 45468, 2024) reads neither as
    days (a year is never one) nor as years (most are not): it said only "no date column
    found: 'date' holds no date we can read (its first: '45467' is not a date …)", as if
    the day numbers alone were the trouble. It names the year's row, and what to do."""
    years = "date,title,lat,lon\n45467,A,1,1\n\n45468,B,1,1\n2024,C,1,1\n"
    with pytest.raises(FormatError) as caught:
        read_catalogue(write(tmp_path / "years.csv", years))
    assert caught.value.problem == (
        "no date column found: 'date' holds spreadsheet day numbers (45467 is 24 June 2024) "
        "with a year among them (2024 in row 5), and a column with years in it is read as "
        "years, which the day numbers are not; in the spreadsheet, format the day numbers' "
        "cells as dates (not the years', which would become days of 1905) before saving the "
        "file, or write each year with its era, as '2024 AD', which reads as that year"
    )
    fixed = years.replace("2024,C", "2024 AD,C")  # as it says
    catalogue, _ = read_catalogue(write(tmp_path / "fixed.csv", fixed))
    assert [e.time.edtf for e in catalogue.events] == ["2024-06-24", "2024-06-25", "2024"]
    workbook = openpyxl.Workbook()
    for row in (["Datum", "Titel", "Breite", "Länge"], [45467, "A", 1, 1], [45468, "B", 1, 1]):
        workbook.active.append(row)
    workbook.active.append([1999, "C", 1, 1])
    workbook.save(tmp_path / "years.xlsx")
    with pytest.raises(FormatError, match=r"\(1999 in row 4\).*'1999 AD'"):
        read_catalogue(tmp_path / "years.xlsx")


@pytest.mark.parametrize("names", [("start_date", "end_date"), ("Start", "End")])
def test_a_start_and_an_end_of_spreadsheet_day_numbers_are_a_span(tmp_path, names):
    """A start and an end column of day numbers: the start was read as days and the end
    ignored ("start_date" as a date of its own; "Start" and "End" refused)."""
    text = f"{names[0]},{names[1]},title,lat,lon\n45467,45470,A,1,1\n45480,,B,1,1\n"
    text += "45490,1 August 2024,C,1,1\n"
    catalogue, report = read_catalogue(write(tmp_path / "span.csv", text))
    assert [(e.title, e.time.edtf) for e in catalogue.events] == [
        ("A", "2024-06-24/2024-06-27"),
        ("B", "2024-07-07"),  # no end: the start
        ("C", "2024-07-17/2024-08-01"),
    ]
    assert report.notes == [
        f"the dates in {names[0]!r} and {names[1]!r} are numbers, read as a spreadsheet's day "
        "numbers (days counted as Excel's 1900 date system counts them: 45467 is Monday 24 "
        "June 2024)"
    ]


def test_a_totals_row_under_the_table_is_left_out_as_one(tmp_path):
    # It was "'Total' is not a date we can read", as though a row of events were broken.
    text = (
        "Date,Event,Deaths,Lat,Lon\n"
        "2024-06-25,Strike,3,49.99,36.23\n"
        "2024-06-26,Shelling,4,48.59,37.84\n"
        "\n"
        "Total:,,7,,\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "toll.csv", text))
    assert len(catalogue.events) == 2 and not report.problems
    assert report.notes == ["row 5 ('Total', no date) left out: a totals row, not an event"]
    assert report.headline() == "toll.csv: all 2 rows read, some not quite as written:"
    german = "Datum;Titel;Tote;Breite;Länge\n25.06.2024;A;3;10;10\nSUMME;;3;;\n;Gesamt;3;;\n"
    _, report = read_catalogue(write(tmp_path / "tote.csv", german))
    assert report.notes == [
        "rows 3 and 4 ('SUMME' or 'Gesamt', no date) left out: totals rows, not an event"
    ]


def test_summary_rows_under_a_short_table_do_not_hide_its_date_column(tmp_path):
    """Two events over three summary rows ("Average", "Count", "Total") was refused: "'Date'
    holds too few dates … 'Average' is not a date". They are no sample of the columns, and
    are left out as summary rows."""
    text = (
        "Date,Event,Deaths,Lat,Lon\n"
        "2024-06-25,Strike,3,49.99,36.23\n"
        "2024-06-26,Shelling,4,48.59,37.84\n"
        "Average,,3.5,,\nCount,,2,,\nTOTAL:,,7,,\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "toll.csv", text))
    assert [e.title for e in catalogue.events] == ["Strike", "Shelling"]
    assert not report.problems
    assert report.notes == [
        "rows 4–6 (3 rows) ('Average' or 'Count' or 'TOTAL', no date) left out: summary rows, "
        "not an event"
    ]
    assert guess_fields(tmp_path / "toll.csv").sample_numbers == (2, 3)  # as the file numbers
    # A row of events whose first cells hold such a word is no summary row: it has a date
    # (the Battle of the Somme, French for a sum, was passed over and the table refused).
    somme = 'Date,Battle,Coordinates\n1916-07-01,Somme,"50.0, 2.7"\n'
    catalogue, report = read_catalogue(write(tmp_path / "somme.csv", somme))
    assert [e.title for e in catalogue.events] == ["Somme"] and not report
    # A title that only starts with the word is an event, and its date is reported as usual.
    war = "date,title,lat,lon\n2024-06-25,A,1,1\n,Total war,1,1\n"
    _, report = read_catalogue(write(tmp_path / "war.csv", war))
    assert [(p.item, p.message) for p in report.problems] == [("row 3", "the date is empty")]


def test_a_totals_row_of_a_workbook_is_left_out_as_one(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["Date", "Event", "Fatalities", "Latitude", "Longitude"],
        ["2024-06-25", "Strike", 3, 49.99, 36.23],
        ["2024-06-26", "Shelling", 4, 48.59, 37.84],
        ["Totaux", None, 7, None, None],
    ]:
        sheet.append(row)
    book.save(tmp_path / "bilan.xlsx")
    catalogue, report = read_catalogue(tmp_path / "bilan.xlsx")
    assert len(catalogue.events) == 2 and not report.problems
    assert report.notes == ["row 4 ('Totaux', no date) left out: a totals row, not an event"]


def test_notes_under_a_sheets_table_are_left_out_as_notes(tmp_path):
    """A CSV downloaded from Google Sheets keeps the lines typed under the table (a source, a
    date of update), each in its first cell: they were reported as rows whose dates we cannot
    read ('Last updated 3/30/2024' 'is not a valid EDTF date'), as though events were lost."""
    text = (
        "Date,Event,City,Notes,\r\n"
        "3/2/2024,Rally,Chicago,big crowd,\r\n"
        "3/9/2024,March,Boston,,\r\n"
        ",,,,\r\n"
        "Source: local news reports compiled by our desk,,,,\r\n"
        "Last updated 3/30/2024,,,,\r\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "rallies.csv", text))
    assert [e.title for e in catalogue.events] == ["Rally", "March"] and not report.problems
    assert report.notes == [
        "rows 5 and 6 left out: notes under the table ('Source: local news reports compiled b…', "
        "'Last updated 3/30/2024'), not events"
    ]
    assert report.headline() == "rallies.csv: all 2 rows read, some not quite as written:"
    # A row of one cell above a row of events is no note: its problem is said as before;
    # nor is a last row whose other cells were left empty, right under the others.
    broken = "Date,Event,City\n2024-03-02,,\n2024-03-09,March,Boston\n"
    _, report = read_catalogue(write(tmp_path / "broken.csv", broken))
    assert [p.item for p in report.problems] == ["row 2"] and not report.notes
    unfinished = "Event,Date,City\nMarch,2024-03-02,Paris\nVigil,2024-03-03,Lyon\nRally,,\n"
    _, report = read_catalogue(write(tmp_path / "unfinished.csv", unfinished))
    assert [(p.item, p.message) for p in report.problems] == [("row 4", "the date is empty")]
    # Under a table of one row too
    one = "Date,Event,City\n2024-03-02,March,Paris\n\nSource: AFP\n"
    _, report = read_catalogue(write(tmp_path / "one.csv", one))
    assert not report.problems and report.notes == [
        "row 4 left out: a note under the table ('Source: AFP'), not events"
    ]


def test_years_written_with_a_minus_sign_are_said_to_count_a_year_0(tmp_path):
    """A teacher's sheet of -44 for Caesar's death and -490 for Marathon opened as 45 BC and
    491 BC ('all rows read as written'): a bare negative year is read as ISO 8601 counts it,
    as before, and the report now says so, and how to write the year historians mean."""
    text = "year,event,lat,lon\n-44,Caesar killed,41.9,12.5\n-490,Marathon,38.1,23.9\n79,Vesuvius,40.8,14.4\n"
    catalogue, report = read_catalogue(write(tmp_path / "ancient.csv", text))
    assert [e.time.describe() for e in catalogue.events] == ["45 BC", "491 BC", "79"]
    assert report.notes == [
        "rows 2 and 3 have a year written with a minus sign, read as ISO 8601 counts years "
        "(there is a year 0, 1 BC): '-44' is 45 BC; write '44 BC' for the year historians call "
        "44 BC"
    ]
    written = "year,event,lat,lon\n44 BC,Caesar killed,41.9,12.5\n"
    catalogue, report = read_catalogue(write(tmp_path / "bc.csv", written))
    assert catalogue.events[0].time.describe() == "44 BC" and not report.notes


def test_rows_that_are_the_same_cell_for_cell_are_named_though_each_is_read(tmp_path):
    """Ten copies of a row (pasted twice, or a form sent ten times) opened as ten events at
    one marker with nothing said: each is still an event of its own (ten protests in one
    town on one day may be ten), and the report names the rows so the copies can be found."""
    text = "date,title,lat,lon\n" + "2024-01-01,Protest,48.85,2.35\n" * 10
    catalogue, report = read_catalogue(write(tmp_path / "copies.csv", text))
    assert len(catalogue.events) == 10 and len(catalogue.places) == 1
    assert report.asides == [
        "rows 2–11 (10 rows) are the same, cell for cell: each read as an event of its own "
        "(10 events at the same place and time); delete the copies if they are one event"
    ]
    assert report.headline() == "copies.csv: all 10 rows read as written; a note on the file:"
    # Rows left out are not "read as events"; rows of one event by its id are one event.
    broken = "date,title,lat,lon\n,Protest,48.85,2.35\n,Protest,48.85,2.35\n2024-01-01,A,1,1\n"
    _, report = read_catalogue(write(tmp_path / "broken.csv", broken))
    assert report.asides == []
    ided = (
        "id,date,title,lat,lon\nx,2024-01-01,Protest,48.85,2.35\nx,2024-01-01,Protest,48.85,2.35\n"
    )
    catalogue, report = read_catalogue(write(tmp_path / "ided.csv", ided))
    assert len(catalogue.events) == 1 and report.asides == []
    # Two groups: the first named, the other counted.
    two = "date,title,lat,lon\n2024-01-01,A,1,1\n2024-01-02,B,1,1\n2024-01-01,A,1,1\n2024-01-02,B,1,1\n"
    _, report = read_catalogue(write(tmp_path / "two.csv", two))
    assert report.asides == [
        "rows 2 and 4 are the same, cell for cell: each read as an event of its own (2 events "
        "at the same place and time); delete the copies if they are one event; so is another "
        "group of rows"
    ]


def test_a_header_naming_a_column_twice_says_what_the_later_one_is_read_as(tmp_path):
    text = "date,title,lat,lon,notes,notes\n2024-01-01,A,48.85,2.35,first,second\n"
    catalogue, report = read_catalogue(write(tmp_path / "twice.csv", text))
    (event,) = catalogue.events
    assert event.summary == "first" and event.extra == {"notes (2)": "second"}  # nothing lost
    assert report.asides == [
        "the header names a column more than once ('notes'): the later one is read as 'notes (2)'"
    ]
