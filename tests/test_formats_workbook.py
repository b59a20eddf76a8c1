"""Excel workbooks (.xlsx) opened as a CSV saved from them would be: plain pytest."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from mapexplorer.formats import FormatError
from mapexplorer.formats.opener import detect, guess_fields, read_catalogue
from mapexplorer.model import Catalogue


def workbook(path: Path, *sheets: tuple[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def by_title(catalogue: Catalogue) -> dict:
    return {e.title: e for e in catalogue.events}


def test_a_sheet_of_events_opens_with_its_dates_numbers_and_row_numbers(tmp_path):
    path = workbook(
        tmp_path / "talks.xlsx",
        ("Events", [
            ["Timeline of the talks"],  # a title above the table
            [],
            ["Date", "Title", "City", "Latitude", "Longitude"],
            [dt.datetime(2024, 3, 1), "Summit opens", "Paris", 48.8566, 2.3522],
            [dt.date(2024, 3, 5), "Talks", "Geneva", 46.2044, 6.1432],
            [],
            ["17 January 2025", "Treaty", "Moscow", 55.7558, 37.6173],
            [dt.datetime(2024, 4, 10, 14, 30), "Protest", "Tehran", 35.6892, 51.389],
            ["sometime", "Undated", "Kyiv", 50.45, 30.52],
        ]),
    )  # fmt: skip
    assert detect(path) == "xlsx"
    catalogue, report = read_catalogue(path)
    events = by_title(catalogue)
    assert {t: e.time.edtf for t, e in events.items()} == {
        "Summit opens": "2024-03-01",
        "Talks": "2024-03-05",
        "Treaty": "2025-01-17",
        "Protest": "2024-04-10",
    }
    assert catalogue.places_of(events["Summit opens"])[0].representative == (2.3522, 48.8566)
    # Rows numbered as Excel numbers them: the title, the blank rows and the header count
    [problem] = report.problems
    assert (problem.item, problem.field) == ("row 9", "Date")
    assert report.notes == []  # no "fewer cells than the header" for Excel's empty cells


def test_the_first_sheet_with_a_table_is_read_and_the_report_names_the_others(tmp_path):
    path = workbook(
        tmp_path / "book.xlsx",
        ("Notes", [["Read me first"]]),
        ("Events", [["date", "title", "place"], ["2024-03-01", "Summit", "Vienna"]]),
        ("Sources", [["url", "note"], ["http://example.org", "wire"]]),
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Summit"]
    assert report.asides[0] == (
        "read the sheet 'Events'; the workbook's other sheets with data ('Sources') were not "
        "read (their columns are not the events' table's; to read one, give it the same header "
        "row)"
    )
    # A line about the workbook, not its rows: the one row read was read as written (the
    # headline said "not quite as written" of it, and the dialog "not read as written").
    assert report.notes == []
    assert report.headline() == "book.xlsx: its one row read as written; notes on the file:"
    assert report.about() == "Notes on the file"  # the other, Vienna placed by its name


def test_the_sheet_read_is_named_when_its_table_cannot_be_read(tmp_path):
    """A sheet read without a date: the message says which sheet it was, of several."""
    path = workbook(
        tmp_path / "book.xlsx",
        ("People", [["name", "city"], ["Ann", "Vienna"]]),
        ("Sources", [["url", "note"], ["http://example.org", "wire"]]),
    )
    with pytest.raises(FormatError, match="read the sheet 'People'; the workbook's other"):
        read_catalogue(path)


def test_a_cover_sheet_with_a_table_is_passed_over_for_the_events_after_it(tmp_path):
    """A data dictionary first ("Column | Meaning"), the events on the second sheet: the
    dictionary was read, and refused for having no date or place."""
    path = workbook(
        tmp_path / "book.xlsx",
        ("About", [["Column", "Meaning"], ["date", "When it happened"], ["place", "Where"]]),
        ("Data", [["date", "title", "place"], [dt.date(2024, 3, 1), "Summit", "Vienna"]]),
    )
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Summit"]
    assert report.asides[0] == (
        "read the sheet 'Data'; the workbook's other sheets with data ('About') were not "
        "read (their columns are not the events' table's; to read one, give it the same header "
        "row)"
    )
    assert guess_fields(path).choice.time.field == "date"  # the window asks of that sheet
    # No sheet with events: the first table is read, and its messages say what it lacks.
    only = workbook(tmp_path / "about.xlsx", ("About", [["Column", "Meaning"], ["a", "b"]]))
    with pytest.raises(FormatError, match="the columns are 'Column', 'Meaning'"):
        read_catalogue(only)


def test_a_workbooks_fields_are_guessed_for_the_dialog(tmp_path):
    path = workbook(
        tmp_path / "g.xlsx",
        ("S", [["Event date", "Headline", "Lat", "Lon"], [dt.date(2024, 3, 1), "A", 1.0, 2.0]]),
    )
    guess = guess_fields(path)
    assert guess.choice.time.field == "Event date" and guess.choice.title == "Headline"
    assert (guess.choice.lat, guess.choice.lon) == ("Lat", "Lon")


def test_a_workbook_without_a_table_says_so(tmp_path):
    path = workbook(tmp_path / "empty.xlsx", ("Sheet1", [["just a note"]]), ("Sheet2", []))
    with pytest.raises(FormatError) as error:
        read_catalogue(path)
    assert str(error.value) == (
        f"{path}: no sheet holds a table (a header row of two columns or more, then rows); "
        "its sheets: 'Sheet1', 'Sheet2'"
    )


def test_reading_a_big_sheet_reports_progress_that_only_moves_forward(tmp_path):
    rows = [["date", "title", "lat", "lon"]]
    rows += [[dt.date(2020, 1, 1) + dt.timedelta(days=i), f"E{i}", 10.0, 20.0] for i in range(5000)]
    path = workbook(tmp_path / "big.xlsx", ("Events", rows))
    seen: list[tuple[int, int]] = []
    catalogue, _ = read_catalogue(path, lambda done, total: seen.append((done, total)))
    assert len(catalogue.events) == 5000
    fractions = [done / total for done, total in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(seen) >= 3


def test_a_hidden_sheet_before_the_table_is_passed_over(tmp_path):
    path = tmp_path / "hidden.xlsx"
    book = openpyxl.Workbook()
    lookup = book.active
    lookup.title = "Codes"
    lookup.append(["code", "name"])
    lookup.append(["CH", "Switzerland"])
    lookup.sheet_state = "hidden"  # a lookup list the user never sees
    events = book.create_sheet("Events")
    events.append(["Title", "Date", "Latitude", "Longitude"])
    events.append(["Summit", dt.date(2025, 1, 17), 46.2044, 6.1432])
    book.save(path)
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Summit"]
    assert report.notes == []  # the hidden lookup list is no sheet "not read"
    assert guess_fields(path).choice.lat == "Latitude"


def test_a_hidden_sheet_is_read_when_no_shown_sheet_holds_a_table(tmp_path):
    path = tmp_path / "only-hidden.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active["A1"] = "Events of 2025"
    data = book.create_sheet("Data")
    data.append(["Title", "Date", "Latitude", "Longitude"])
    data.append(["Summit", dt.date(2025, 1, 17), 46.2044, 6.1432])
    data.sheet_state = "hidden"
    book.save(path)
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Summit"]
    assert report.asides == ["read the hidden sheet 'Data': no shown sheet holds a table"]
    assert report.notes == []


def test_formulas_never_calculated_are_explained(tmp_path):
    # openpyxl (like many scripts) saves formulas without their results: they read as empty
    path = workbook(
        tmp_path / "scripted.xlsx",
        ("Events", [
            ["Title", "Date", "Latitude", "Longitude"],
            ["Summit", "=DATE(2025,1,17)", 46.2044, 6.1432],
            ["Talks", dt.date(2025, 2, 3), "=48.2", 16.37],
            ["Strike", dt.date(2025, 2, 4), 48.2, 16.37, None],
        ]),
    )  # fmt: skip
    catalogue, report = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Strike"]
    assert report.notes == [
        "2 cells (B2, C3) hold formulas whose results were not saved in the workbook, so they "
        "read as empty (it was written by a program that does not calculate): open it in "
        "Excel or LibreOffice, save it, and open it again"
    ]
    every = workbook(
        tmp_path / "all.xlsx",
        ("Events", [["Title", "Date", "Latitude", "Longitude"], ["A", "=TODAY()", 46.2, 6.1]]),
    )
    with pytest.raises(FormatError, match=r"date is empty; 1 cell \(B2\) holds a formula whose"):
        read_catalogue(every)


def test_a_row_of_merged_group_names_above_the_column_names_is_passed_over(tmp_path):
    path = tmp_path / "grouped.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Event", None, "Location", None])
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    sheet.append(["Date", "Title", "Latitude", "Longitude"])
    sheet.append([dt.date(2025, 1, 17), "Treaty", 55.7558, 37.6173])
    book.save(path)
    catalogue, report = read_catalogue(path)
    [event] = catalogue.events
    assert (event.title, event.time.edtf) == ("Treaty", "2025-01-17")
    assert catalogue.places_of(event)[0].representative == (37.6173, 55.7558)
    assert not report.problems


def test_a_header_with_a_blank_name_keeps_its_first_data_row(tmp_path):
    path = workbook(
        tmp_path / "gap.xlsx",
        ("S", [["date", "title", None, "place"], ["17 January 2025", "Treaty", "x", "Moscow"]]),
    )
    catalogue, _ = read_catalogue(path)
    assert [e.title for e in catalogue.events] == ["Treaty"]


def test_a_header_over_two_rows_with_columns_merged_down_over_both(tmp_path):
    # LibreOffice, as a teacher makes it: "Date" and "Event" merged down over both header rows,
    # "Location" merged across the two columns it groups. The first row alone was taken for the
    # header, and the latitudes were read as place names.
    path = tmp_path / "ww1.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Event", "Location", None])
    sheet.append([None, None, "Latitude", "Longitude"])
    sheet.append([dt.date(1914, 6, 28), "Assassination in Sarajevo", 43.8563, 18.4131])
    sheet.append([dt.date(1916, 2, 21), "Battle of Verdun begins", 49.1597, "east"])
    for cells in ("A1:A2", "B1:B2", "C1:D1"):
        sheet.merge_cells(cells)
    book.save(path)
    catalogue, report = read_catalogue(path)
    [event] = catalogue.events
    assert (event.title, event.time.edtf) == ("Assassination in Sarajevo", "1914-06-28")
    assert catalogue.places_of(event)[0].representative == (18.4131, 43.8563)
    [problem] = report.problems  # numbered as Excel numbers it, below both header rows
    assert (problem.item, problem.field) == ("row 4", "Latitude/Longitude")


def test_names_under_two_groups_take_their_groups_names(tmp_path):
    path = tmp_path / "spans.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Begin", None, "End", None, "Place"])
    sheet.append([None, "Date", "Note", "Date", "Note"])
    sheet.append(["War", "1914-07-28", "declared", "1918-11-11", "armistice", "Paris"])
    for cells in ("A1:A2", "B1:C1", "D1:E1", "F1:F2"):
        sheet.merge_cells(cells)
    book.save(path)
    guess = guess_fields(path)
    assert guess.fields == ("Title", "Begin Date", "Begin Note", "End Date", "End Note", "Place")
    catalogue, _ = read_catalogue(path)
    assert catalogue.events[0].time.edtf == "1914-07-28/1918-11-11"


@pytest.mark.parametrize(
    ("shown", "edtf"),
    [
        ("mmm-yy", "1914-06"),  # Excel's format for "June 1914" typed in a cell ("Jun-14")
        ("mmmm yyyy", "1914-06"),
        ("[$-409]MMMM\\ YYYY;@", "1914-06"),  # LibreOffice's, with its locale and text section
        ("yyyy", "1914"),
        ('"Year "yyyy', "1914"),  # a quoted d or m is text, not a day or month
        ("d mmmm yyyy", "1914-06-01"),
        ("dddd", "1914-06-01"),  # the weekday alone: a day all the same
        ("dd/mm/yyyy", "1914-06-01"),
    ],
)
def test_a_date_cell_is_as_precise_as_the_sheet_shows_it(tmp_path, shown, edtf):
    # It was the first day of the month or year, always: "June 1914" typed in Excel (a date
    # cell shown "mmm-yy") was "Monday 1 June 1914", as if the day were known.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Title", "Latitude", "Longitude"])
    sheet.append([dt.datetime(1914, 6, 1), "Crisis", 48.2, 16.37])
    sheet["A2"].number_format = shown
    book.save(tmp_path / "month.xlsx")
    catalogue, _report = read_catalogue(tmp_path / "month.xlsx")
    assert catalogue.events[0].time.edtf == edtf


# LibreOffice Calc's own format (.ods): written here as LibreOffice writes it, a zip whose
# content.xml holds the sheets; empty cells and rows to the sheet's end repeated a million
# times, identical rows written once with a count.
_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
_ODS_VALUE = {
    "date": "office:date-value",
    "float": "office:value",
    "boolean": "office:boolean-value",
}


def ods_cell(value) -> str:
    """A cell: None (empty), text, its XML, or (type, value, shown) as LibreOffice stores a
    date, a number or a boolean beside the text it shows."""
    if value is None:
        return "<table:table-cell/>"
    if value.__class__ is str and value.startswith("<table:"):  # a cell written out
        return value
    if isinstance(value, tuple):
        kind, stored, shown = value
        return (
            f'<table:table-cell office:value-type="{kind}" {_ODS_VALUE[kind]}="{stored}">'
            f"<text:p>{shown}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def ods_row(cells: list, repeated: int = 1) -> str:
    return (
        f'<table:table-row table:number-rows-repeated="{repeated}">'
        + "".join(ods_cell(c) for c in cells)
        + '<table:table-cell table:number-columns-repeated="1019"/></table:table-row>'
    )


def ods(path: Path, *sheets: tuple[str, list[str], bool]) -> Path:
    """A spreadsheet of sheets (name, rows as `ods_row` writes them, shown)."""
    tables = "".join(
        f'<table:table table:name="{name}" table:style-name="{"ta1" if shown else "ta2"}">'
        '<table:table-column table:number-columns-repeated="1024"/>'
        + "".join(rows)
        + '<table:table-row table:number-rows-repeated="1048560">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>'
        for name, rows, shown in sheets
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
        '<office:automatic-styles><style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return path


def test_a_libreoffice_sheet_of_events_opens_as_an_excel_one_does(tmp_path):
    """A class's timeline kept in LibreOffice Calc (.ods) was refused ("save it as .xlsx or
    CSV"): it opens, with its dates, numbers, text and row numbers as Excel's would."""
    path = ods(
        tmp_path / "talks.ods",
        ("Codes", [ods_row(["code", "name"]), ods_row(["CH", "Switzerland"])], False),
        ("Events", [
            ods_row(["Timeline of the talks"]),  # a title above the table
            ods_row([None]),
            ods_row(["Date", "Title", "City", "Latitude", "Longitude"]),
            ods_row([("date", "2024-03-01", "01/03/24"), "Summit &lt;opens&gt;", "Paris",
                     ("float", "48.8566", "48.86"), ("float", "2.3522", "2.35")]),
            ods_row([("date", "1914-06-01", "June 1914"), "Talks", "Geneva",
                     ("float", "46.2044", "46.2"), ("float", "6.1432", "6.14")], repeated=2),
            ods_row([("date", "2024-04-10T14:30:00", "04/10/24 14:30"),
                     '<table:table-cell office:value-type="string"><text:p>Protest<text:s/>in '
                     '<text:s text:c="2"/>the <text:span>square</text:span></text:p>'
                     "</table:table-cell>", None,
                     ("float", "35.6892", "35.7"), ("float", "51.389", "51.4")]),
            ods_row(["sometime", "Undated", "Kyiv", ("float", "50.45", "50.45"),
                     ("float", "30.52", "30.52")]),
        ], True),
        ("Sources", [ods_row(["url", "note"]), ods_row(["http://example.org", "wire"])], True),
    )  # fmt: skip
    assert detect(path) == "xlsx"
    catalogue, report = read_catalogue(path)
    assert sorted((e.title, e.time.edtf) for e in catalogue.events) == [
        (
            "Protest in   the square",
            "2024-04-10",
        ),  # its spaces as written  # the time of day dropped, as everywhere
        ("Summit <opens>", "2024-03-01"),  # text is text
        ("Talks", "1914-06"),  # shown as a month: that month, as Excel's "mmm yyyy"
        ("Talks", "1914-06"),  # a row LibreOffice wrote once, repeated
    ]
    summit = by_title(catalogue)["Summit <opens>"]
    assert by_title(catalogue)["Protest in   the square"].place_ids  # placed by coordinates
    assert catalogue.places_of(summit)[0].representative == (2.3522, 48.8566)
    [problem] = report.problems  # numbered as LibreOffice numbers its rows
    assert (problem.item, problem.field) == ("row 8", "Date")
    assert report.asides[0] == (
        "read the sheet 'Events'; the workbook's other sheets with data ('Sources') were not "
        "read (their columns are not the events' table's; to read one, give it the same header "
        "row)"
    )  # the hidden lookup list is no sheet "not read"
    assert guess_fields(path).choice.lat == "Latitude"


def test_a_libreoffice_spreadsheet_is_known_by_its_content_and_a_broken_one_said_so(tmp_path):
    sheet = [ods_row(["Title", "Date", "Lat", "Lon"]), ods_row(["A", "2024-01-01", "1", "2"])]
    renamed = ods(tmp_path / "events.zip", ("S", sheet, True))  # renamed by a mail program
    assert detect(renamed) == "xlsx" and len(read_catalogue(renamed)[0].events) == 1
    broken = tmp_path / "broken.ods"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content")  # cut short
    with pytest.raises(FormatError) as error:
        read_catalogue(broken)
    assert str(error.value) == (
        f"{broken}: a LibreOffice (OpenDocument) spreadsheet that cannot be read (damaged, "
        "incomplete, or not a spreadsheet inside): open it in LibreOffice Calc, save the sheet "
        "as CSV (UTF-8), and open that"
    )


def test_a_sheet_in_web_mercator_metres_opens_and_its_guess_shows_the_columns(tmp_path):
    """A sheet from a GIS with X and Y in Web Mercator metres, numbers in their cells, beside
    a city column: read as degrees, as a CSV's are, and the dialog's guess names the columns."""
    path = workbook(
        tmp_path / "gis.xlsx",
        ("Sheet1", [
            ["Date", "Title", "City", "X", "Y"],
            [dt.date(2024, 1, 1), "A", "Paris", 261848.15, 6250566.72],
            [dt.date(2024, 1, 2), "B", "Berlin", 1489199, 6894018],
        ]),
    )  # fmt: skip
    catalogue, report = read_catalogue(path)
    (lon, lat) = catalogue.places_of(by_title(catalogue)["A"])[0].representative
    assert (round(lon, 4), round(lat, 4)) == (2.3522, 48.8566)
    assert "they are Web Mercator's (EPSG:3857): 2 of the 2 places" in report.asides[0]
    guess = guess_fields(path)
    assert (guess.choice.lat, guess.choice.lon) == ("Y", "X") and not guess.missing


@pytest.mark.parametrize(
    ("shown", "order", "rally"),
    [
        ("dd/mm/yyyy", "dmy", "2024-03-05"),
        ("m/d/yyyy", "mdy", "2024-05-03"),
        ("dddd, mmmm dd, yyyy", "mdy", "2024-05-03"),  # Excel's US long date: a weekday first
    ],
)
def test_a_date_typed_as_text_reads_in_the_order_the_sheets_date_cells_show(
    tmp_path, shown, order, rally
):
    """Date cells beside one typed as text, "05/03/2024" (pasted, or typed with an
    apostrophe): the window asked whether it is day or month first, though the sheet shows
    its date cells of that column day first (or month first). It is read so, and said."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Event", "City"])
    for value, event in [
        (dt.datetime(2024, 3, 1), "Strike"),
        (dt.datetime(2024, 3, 2), "Talks"),
        ("05/03/2024", "Rally"),
        (dt.datetime(2024, 3, 7), "Vote"),
    ]:
        sheet.append([value, event, "Kyiv"])
        if not isinstance(value, str):
            sheet.cell(sheet.max_row, 1).number_format = shown
    path = tmp_path / "protests.xlsx"
    book.save(path)
    guess = guess_fields(path)
    assert (guess.reasons, guess.choice.date_order) == ((), order)
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events}["Rally"] == rally
    assert not report.unsure
    assert any("as the sheet shows its date cells there" in n for n in report.notes)


def test_a_date_typed_as_text_in_an_ods_reads_in_the_order_its_date_cells_show(tmp_path):
    rows = [
        ods_row(["Date", "Event", "City"]),
        ods_row([("date", "2024-03-01", "01/03/2024"), "Strike", "Kyiv"]),
        ods_row(["05/03/2024", "Rally", "Odesa"]),
        ods_row([("date", "2024-03-07", "07/03/2024"), "Vote", "Lviv"]),
    ]
    path = ods(tmp_path / "protests.ods", ("Sheet1", rows, True))
    catalogue, report = read_catalogue(path)
    assert {e.title: e.time.edtf for e in catalogue.events}["Rally"] == "2024-03-05"
    assert not report.unsure


def test_a_sheets_utc_times_are_the_local_day_where_they_were(tmp_path):
    """A sheet's '2024-03-01T23:30:00Z' in Paris was 1 March, though a KML's or GPX's same
    time there is 2 March (00:30 local time): read as the local time where the row is."""
    path = workbook(
        tmp_path / "log.xlsx",
        ("Log", [
            ["Time", "Title", "Latitude", "Longitude"],
            ["2024-03-01T23:30:00Z", "Late meeting", 48.85, 2.35],
            ["2024-03-02T03:30:00Z", "NY evening", 40.71, -74.0],
        ]),
    )  # fmt: skip
    catalogue, report = read_catalogue(path)
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "Late meeting": "2024-03-02",
        "NY evening": "2024-03-01",
    }
    assert any(n.startswith("2 rows' times, written in UTC") for n in report.notes)


def test_a_sheet_per_year_under_one_header_is_read_whole(tmp_path):
    """A workbook of a cover page, then a sheet per year with the same header (its case
    aside), read only its first year's sheet: every sheet under the events' header is read,
    the report naming them and each row's problem with its sheet; the cover is passed over."""
    head = ["Date", "Event", "City", "Latitude", "Longitude"]
    path = workbook(
        tmp_path / "years.xlsx",
        ("Cover", [["Protests by year"], ["Compiled by", "the newsroom"]]),
        ("2022", [head, [dt.date(2022, 3, 1), "March 22", "Paris", 48.85, 2.35]]),
        ("2023", [
            head,
            [dt.date(2023, 3, 1), "March 23", "Paris", 48.85, 2.35],
            ["sometime", "Unknown", "Lyon", 45.76, 4.84],
        ]),
        ("2024", [[h.lower() for h in head], [dt.date(2024, 3, 1), "March 24", "Lyon", 45.76, 4.84]]),
    )  # fmt: skip
    catalogue, report = read_catalogue(path)
    assert {t: e.time.edtf for t, e in by_title(catalogue).items()} == {
        "March 22": "2022-03-01",
        "March 23": "2023-03-01",
        "March 24": "2024-03-01",
    }
    [problem] = report.problems
    assert (problem.item, problem.field) == ("row 3 of sheet '2023'", "Date")
    assert report.asides[0] == (
        "read the sheets '2022', '2023' and '2024' (the same columns on each); the workbook's "
        "other sheets with data ('Cover') were not read (their columns are not the events' "
        "table's; to read one, give it the same header row)"
    )


def test_sheets_that_repeat_the_rows_read_are_not_read_twice(tmp_path):
    """A workbook of all years on one sheet, then a sheet per year under the same header:
    reading each sheet under the header made every event twice; a sheet whose rows were all
    read already is passed over, and the report says so."""
    head = ["Date", "Event", "City", "Latitude", "Longitude"]
    y22 = [dt.date(2022, 3, 1), "March 22", "Paris", 48.85, 2.35]
    y23 = [dt.date(2023, 3, 1), "March 23", "Lyon", 45.76, 4.84]
    path = workbook(
        tmp_path / "all.xlsx",
        ("All", [head, y22, y23]),
        ("2022", [head, y22]),
        ("2023", [head, y23]),
    )
    catalogue, report = read_catalogue(path)
    assert sorted(e.title for e in catalogue.events) == ["March 22", "March 23"]
    assert report.asides[0] == (
        "the sheets '2022', '2023', under the same header, hold only rows read already and "
        "were not read again"
    )


def test_the_same_problem_on_rows_of_several_sheets_is_one_line(tmp_path):
    """A sheet per year with empty dates said 'the date is empty' once per row, each line its
    own ('row 3 of sheet '2022''…), burying the others; one line names them by sheet."""
    head = ["Date", "Event", "City", "Latitude", "Longitude"]

    def year(y: int, empty: int) -> list[list]:
        rows = [[None, f"E{y}-{i}", "Paris", 48.85, 2.35] for i in range(empty)]
        return [head, [dt.date(y, 3, 1), f"March {y}", "Paris", 48.85, 2.35], *rows]

    path = workbook(tmp_path / "years.xlsx", ("2022", year(2022, 5)), ("2023", year(2023, 4)))
    _, report = read_catalogue(path)
    assert report.lines()[0] == (
        "rows 3–7 of sheet '2022'; 3–6 of sheet '2023' (9 rows), field 'Date': the date is empty"
    )
