"""Opening other people's files in the window: progress, cancel, problems, ambiguous fields."""

import csv
import json

import pytest
from PySide6.QtCore import QMimeData, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from conftest import WORK_MS, file_drop
from mapexplorer.words import name_then_folder


@pytest.fixture
def window(qtbot, bundled, page_path, tmp_path):
    from mapexplorer.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(bundled, "bundled.geojson", page_path, settings=settings)
    qtbot.addWidget(win)
    win.show()
    return win


def write_csv(path, rows, header):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_spreadsheet_with_bad_rows_opens_the_rest_and_reports_them(window, qtbot, tmp_path):
    path = write_csv(
        tmp_path / "incidents.csv",
        [
            ["Summit in Geneva", "17 January 2025", "46.2044", "6.1432"],
            ["Talks in Vienna", "2025-02-03", "48.2082", "16.3738"],
            ["Nowhere", "2025-02-04", "200", "16.3"],
            ["Undated", "sometime", "48.2", "16.3"],
        ],
        ["Title", "Date", "Latitude", "Longitude"],
    )
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    titles = {e.title for e in window.state.catalogue.events}
    assert titles == {"Summit in Geneva", "Talks in Vienna"}
    dialog = window.report_dialog
    assert dialog.summary.text().startswith("Opened 2 events from incidents.csv. 2 of 4 rows")
    report = dialog.text.toPlainText()
    # The rows, once: the summary above already says what the box's first line used to.
    assert report.splitlines()[0].startswith("row 4") and "row 5" in report
    assert "could not be read and were left out" not in report
    assert window.windowTitle().startswith("incidents")
    # Copied, the report names its file, for pasting into an email or a ticket.
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy")
    copy.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("incidents.csv: 2 of 4 rows could not be read")
    assert "  row 4" in copied


def test_rows_read_with_cells_dropped_are_reported_though_none_was_left_out(
    window, qtbot, tmp_path
):
    path = tmp_path / "long.csv"
    path.write_text("Title,Date,Latitude,Longitude\nTalks,2025-02-03,48.2,16.3,x\n", "utf-8")
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    dialog = window.report_dialog
    assert dialog.windowTitle() == "Some rows were not read as written"
    assert "could not be read" not in dialog.summary.text()
    assert "row 2 has more cells than the header's 4 columns" in dialog.text.toPlainText()


def test_a_report_of_eras_alone_does_not_say_rows_were_changed(window, qtbot, tmp_path):
    """Eras that overlap make no chapters: every row read as written, yet the dialog said
    "Some rows were not read quite as written"."""
    path = tmp_path / "eras.csv"
    path.write_text(
        "Title,Date,Latitude,Longitude,era\n"
        "Coup,1953-08-19,35.7,51.4,Cold War\n"
        "Revolution,1979-02-11,35.7,51.4,Islamic Republic\n"
        "Late coup,1985-01-01,35.7,51.4,Cold War\n",
        "utf-8",
    )
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    dialog = window.report_dialog
    assert dialog.windowTitle() == "A note on the file"
    summary = dialog.summary.text()
    assert "not read" not in summary and "Every row was read as written" in summary
    assert dialog.text.toPlainText().startswith("the eras overlap")


def _open_one_row_table(window, qtbot, tmp_path):
    """Open a CSV of one event and no eras, as a user does."""
    path = write_csv(
        tmp_path / "one.csv", [["Summit in Geneva", "2025-01-17", "46.2", "6.1"]],
        ["Title", "Date", "Latitude", "Longitude"],
    )  # fmt: skip
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))


def test_the_status_bar_counts_in_words(window, qtbot, tmp_path):
    _open_one_row_table(window, qtbot, tmp_path)
    assert window.statusBar().currentMessage().startswith("1 event, 1 place — ")


def test_the_chapter_box_is_off_for_a_file_without_eras(window, qtbot, tmp_path, bundled):
    """A CSV has no eras: the box offered "All eras" alone, enabled, as if it had chapters."""
    from mapexplorer.paths import bundled_catalogue

    box = window.chapter_box
    assert box.isEnabled() and box.count() > 1
    _open_one_row_table(window, qtbot, tmp_path)
    assert not box.isEnabled()
    assert "no eras" in box.toolTip() and "no chapters" in box.toolTip().lower()
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(bundled_catalogue()))
    assert box.isEnabled() and box.count() == len(bundled.eras) + 1
    assert box.toolTip().startswith("Jump to an era")


def test_a_broken_file_keeps_what_was_open(window, qtbot, tmp_path, bundled):
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    window.open_file(str(broken))
    qtbot.waitUntil(lambda: getattr(window, "error_box", None) is not None, timeout=WORK_MS)
    assert "broken.geojson" in window.error_box.text()
    assert window.state.catalogue.events == bundled.events


def answer_when_asked(window, answer) -> QTimer:
    """Answer the fields dialog once it shows: the loader asks from its thread's result, and
    the dialog is modal, so its answer must come from the event loop it runs."""
    timer = QTimer(window)
    timer.setInterval(10)

    def check() -> None:
        dialog = getattr(window, "field_dialog", None)
        if dialog is not None and dialog.isVisible():
            timer.stop()
            answer(dialog)

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_ambiguous_fields_are_asked_once(window, qtbot, tmp_path):
    rows = [
        ["A", "2025-01-17", "1600000000", "46.2", "6.1"],
        ["B", "2025-01-18", "1600086400", "48.2", "16.3"],
    ]
    header = ["title", "date", "timestamp", "lat", "lon"]
    first = write_csv(tmp_path / "first.csv", rows, header)
    asked = []

    def answer(dialog):
        asked.append(dialog.table.rowCount())
        dialog.time_box.setCurrentIndex(dialog.time_box.findText("date"))
        dialog.accept()

    answer_when_asked(window, answer)
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(first))
    assert asked == [2]
    assert window.state.catalogue.events[0].time.edtf.startswith("2025-01-17")

    second = write_csv(tmp_path / "second.csv", rows, header)  # same columns: not asked again
    window.field_dialog = None
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(second))
    assert window.field_dialog is None


def test_the_fields_dialog_shows_rows_as_the_file_numbers_them(window, qtbot, tmp_path):
    """Numbered as the report and a spreadsheet number them (the header is row 1; a blank
    row counts), in sentences, without columns no row fills (no place name beside
    coordinates)."""
    path = tmp_path / "floods.csv"
    path.write_text(
        "Event,Date,Lat,Lon\nFloods,03/05/2024,-30.03,-51.23\n\nBridge,05/05/2024,-29.7,-51.1\n",
        encoding="utf-8",
    )
    seen = {}

    def answer(dialog):
        table = dialog.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        shown = [h for c, h in enumerate(headers) if not table.isColumnHidden(c)]
        seen.update(
            rows=[table.item(r, 0).text() for r in range(table.rowCount())],
            shown=shown,
            why=dialog.findChildren(QLabel)[0].text(),
        )
        dialog.reject()

    answer_when_asked(window, answer)
    window.open_file(str(path))
    qtbot.waitUntil(lambda: bool(seen), timeout=WORK_MS)
    assert seen["rows"] == ["2", "4"]
    assert seen["shown"] == ["Row", "Title", "Date", "Lat", "Lon"]
    assert "<br>The dates in &#x27;Date&#x27; read both ways" in seen["why"]


def test_a_file_of_dates_written_both_ways_asks_how_to_read_them(window, qtbot, tmp_path):
    """A column with "3/14/2024" (month first) and "14/3/2024" (day first) read "4/5/2024" by
    whichever came first, without a word: the window asks, saying why."""
    path = tmp_path / "merged.csv"
    path.write_text(
        "Event,Date,Lat,Lon\nA,3/14/2024,51.5,-0.12\nB,14/3/2024,51.5,-0.12\n"
        "C,4/5/2024,51.5,-0.12\n",
        encoding="utf-8",
    )
    seen = {}

    def answer(dialog):
        seen["why"] = dialog.findChildren(QLabel)[0].text()
        dialog.reject()

    answer_when_asked(window, answer)
    window.open_file(str(path))
    qtbot.waitUntil(lambda: bool(seen), timeout=WORK_MS)
    assert (
        "The dates in &#x27;Date&#x27; are written month first (&#x27;3/14/2024&#x27;) and "
        "day first (&#x27;14/3/2024&#x27;), so those that read both ways (&#x27;4/5/2024&#x27;) "
        "may be either"
    ) in seen["why"]


def test_a_large_file_shows_progress_and_can_be_cancelled(window, qtbot, tmp_path, bundled):
    path = tmp_path / "big.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "date", "lat", "lon"])
        for i in range(100_000):
            writer.writerow(
                [f"Event {i}", f"{1800 + i % 225}-0{1 + i % 9}-1{i % 9}", 30 + i % 20, 40 + i % 30]
            )
    window.open_file(str(path))
    assert window.progress_bar.isVisible() and window.cancel_button.isVisible()
    qtbot.waitUntil(lambda: window.progress_bar.value() > 0, timeout=WORK_MS)
    with qtbot.waitSignal(window.loader.cancelled, timeout=WORK_MS):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.progress_bar.isVisible()
    assert window.state.catalogue.events == bundled.events

    with qtbot.waitSignal(window.state.catalogue_changed, timeout=60000):
        window.open_file(str(path))
    assert len(window.state.catalogue.events) == 100_000


def test_dropping_a_file_opens_it(window, qtbot, tmp_path):
    path = write_csv(
        tmp_path / "dropped.csv", [["X", "1999", "10", "10"]], ["title", "year", "lat", "lon"]
    )
    event = file_drop(path)
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.dropEvent(event)
    assert window.state.catalogue.events[0].title == "X"


def _drop_of(*paths):
    """The drop event of several files (or folders) dragged from a file manager at once."""
    event = file_drop(paths[0])
    event.mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return event


def test_dropping_several_files_opens_one_and_names_the_others(window, qtbot, tmp_path):
    """Three files dropped at once: the first opened and the others were dropped silently."""
    header = ["title", "year", "lat", "lon"]
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"PK\x03\x04")
    first = write_csv(tmp_path / "first.csv", [["X", "1999", "10", "10"]], header)
    second = write_csv(tmp_path / "second.csv", [["Y", "2000", "10", "10"]], header)
    event = _drop_of(notes, first, second)
    assert window._dropped_file(event) == str(first)  # the first we read
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.dropEvent(event)
    assert [e.title for e in window.state.catalogue.events] == ["X"]
    qtbot.waitUntil(lambda: "not opened" in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    assert message.startswith("1 event, 1 place — ") and "first.csv" in message
    assert "not opened: notes.docx, second.csv (Map Explorer opens one file at a time" in message


def test_dropping_a_folder_says_which_of_its_files_to_open(window, qtbot, tmp_path):
    """A folder dropped on the window did nothing at all (nor a shapefile: no word)."""
    folder = tmp_path / "story"
    folder.mkdir()
    write_csv(folder / "events.csv", [["X", "1999", "10", "10"]], ["title", "year", "lat", "lon"])
    (folder / "readme.md").write_text("notes", "utf-8")
    event = _drop_of(folder)
    event.setAccepted(False)
    window.dragEnterEvent(event)
    assert event.isAccepted()  # it was refused: the drop did nothing, and said nothing
    window.dropEvent(event)
    qtbot.waitUntil(lambda: getattr(window, "error_box", None) is not None, timeout=WORK_MS)
    text = window.error_box.text()
    assert "this is a folder, not a file: open one of the files in it that Map Explorer " in text
    assert "(events.csv)" in text


def test_a_failed_open_keeps_the_status_of_what_is_open(window, qtbot, tmp_path, bundled):
    status = window.statusBar()
    open_line = f"{len(bundled.events):,} events, {len(bundled.places):,} places — bundled.geojson"
    status.showMessage(open_line)  # as after opening, without its 8 s timeout
    assert status.currentMessage() == open_line

    broken = tmp_path / "broken.csv"  # fails in the background reader, after "Opening …"
    broken.write_text("title,date,lat,lon\nA,never,1,2\n", encoding="utf-8")
    window.open_file(str(broken))
    assert status.currentMessage().startswith("Opening")
    qtbot.waitUntil(lambda: getattr(window, "error_box", None) is not None, timeout=WORK_MS)
    assert "broken.csv" in window.error_box.text()
    assert status.currentMessage() == open_line

    window.error_box = None
    fake = tmp_path / "fake.xlsx"  # fails before loading starts
    fake.write_bytes(b"PK\x03\x04")
    window.open_file(str(fake))
    qtbot.waitUntil(lambda: window.error_box is not None, timeout=WORK_MS)
    assert "an Excel workbook" in window.error_box.text()
    assert status.currentMessage() == open_line


def test_a_second_open_during_a_load_keeps_showing_progress(window, qtbot, tmp_path):
    """Opening another file while one loads cancels the first: the bar and Cancel stay for the
    second (the first's cancellation hid them)."""
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    for path, n in ((first, 60_000), (second, 5)):
        write_csv(
            path,
            [[f"E{i}", "2020-01-01", 10, 20] for i in range(n)],
            ["title", "date", "lat", "lon"],
        )
    window.open_file(str(first))
    window.open_file(str(second))
    assert window.progress_bar.isVisible() and window.cancel_button.isVisible()
    assert window.statusBar().currentMessage() == f"Opening {name_then_folder(str(second))}…"
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=60000):
        pass
    assert len(window.state.catalogue.events) == 5
    assert not window.progress_bar.isVisible()


def test_the_report_names_a_file_as_written_even_when_its_name_looks_like_markup(
    window, qtbot, tmp_path
):
    """A file called "<h1>…<img src=pic.png>.csv" is named, not rendered: no heading, no
    picture loaded from the current folder."""
    folder = tmp_path / "<h1>HACKED<img src=pic.png>"
    folder.mkdir()
    path = write_csv(
        folder / "<b>bold<i>.csv",
        [["Talks", "2025-02-03", "48.2", "16.3"], ["Nowhere", "2025-02-04", "200", "16.3"]],
        ["Title", "Date", "Latitude", "Longitude"],
    )
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    summary = window.report_dialog.summary
    assert str(path) in summary.text() or path.name in summary.text()
    # Shown as written: one line of ordinary text, as tall as any plain label.
    plain = type(summary)("one line")
    assert summary.sizeHint().height() <= plain.sizeHint().height() * 2
    assert summary.textFormat() == Qt.TextFormat.PlainText


def test_the_status_line_keeps_saying_what_is_open(window, qtbot, tmp_path):
    """After opening, the status line names the file for good: a passing message (an export
    done) gives it back when it ends (before, it went blank after 8 s)."""
    path = write_csv(
        tmp_path / "talks.csv",
        [["Talks", "2025-02-03", "48.2", "16.3"]],
        ["Title", "Date", "Latitude", "Longitude"],
    )
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    status = window.statusBar()
    said = f"1 event, 1 place — talks.csv (in {tmp_path})"  # its name first, then its folder
    assert status.currentMessage() == said
    status.showMessage("Exported the map", 50)
    qtbot.waitUntil(lambda: status.currentMessage() == said, timeout=5000)


def test_a_file_whose_fields_are_guessed_shows_progress_at_once(window, qtbot, tmp_path, bundled):
    """The fields of a CSV or plain GeoJSON are guessed on the loader's thread: the window says
    "Opening …" with its bar before any of the file is read (the guess of a big file froze it
    for most of a second first), and cancelling the question keeps what was open."""
    rows = [["A", "2025-01-17", "1600000000", "46.2", "6.1"]]
    path = write_csv(tmp_path / "ambiguous.csv", rows, ["title", "date", "timestamp", "lat", "lon"])
    asked = []
    answer_when_asked(window, lambda dialog: (asked.append(True), dialog.reject()))
    window.open_file(str(path))
    assert window.progress_bar.isVisible()
    assert window.statusBar().currentMessage() == f"Opening {name_then_folder(str(path))}…"
    assert window.loader.busy  # guessing on its thread: nothing was read here
    qtbot.waitUntil(lambda: bool(asked) and window.progress_bar.isHidden(), timeout=WORK_MS)
    assert window.state.catalogue.events == bundled.events
    assert window.statusBar().currentMessage().endswith(window.path)


def test_a_plain_geojson_is_parsed_once(window, qtbot, tmp_path, monkeypatch):
    """Guessing its fields parses the file; the read takes that parse rather than parsing the
    file again (most of a second at 100,000 features)."""
    import json

    from mapexplorer.formats import geojson_reader

    parses = []
    real = geojson_reader.load_json
    monkeypatch.setattr(geojson_reader, "load_json", lambda p: parses.append(p) or real(p))
    path = tmp_path / "points.geojson"
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [6.14, 46.2]},
        "properties": {"name": "Geneva summit", "date": "1985-11-19"},
    }
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    assert window.state.catalogue.events[0].title == "Geneva summit"
    assert len(parses) == 1


def test_the_status_line_keeps_saying_what_is_opening(window, qtbot, tmp_path, blocking_reader):
    """A passing message during a load (an export done) gives back "Opening …", not a blank."""
    path = write_csv(
        tmp_path / "slow.csv", [["A", "2020", "1", "2"]], ["title", "date", "lat", "lon"]
    )
    window.open_file(str(path))
    status = window.statusBar()
    status.showMessage("Exported the map", 50)
    qtbot.waitUntil(
        lambda: status.currentMessage() == f"Opening {name_then_folder(str(path))}…", timeout=5000
    )
    with qtbot.waitSignal(window.loader.loaded, timeout=WORK_MS):
        blocking_reader.release.set()


@pytest.mark.parametrize("name", ["dropped.geojsons", "dropped.ndjson", "dropped.tab"])
def test_dropping_newline_delimited_geojson_or_a_tab_file_opens_it(window, qtbot, tmp_path, name):
    path = tmp_path / name
    if name.endswith(".tab"):
        path.write_text("title\tyear\tlat\tlon\nX\t1999\t10\t10\n", encoding="utf-8")
    else:
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [10, 10]},
            "properties": {"title": "X", "year": 1999},
        }
        path.write_text(f"{json.dumps(feature)}\n{json.dumps(feature)}\n", encoding="utf-8")
    assert window._dropped_file(file_drop(path)) == str(path)
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    assert window.state.catalogue.events[0].title == "X"


def test_a_gpx_file_is_offered_dropped_and_opened(window, qtbot, tmp_path):
    """A GPS track: File ▸ Open did not list .gpx files, and a dropped one was not taken."""
    path = tmp_path / "walk.gpx"
    path.write_text(
        '<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Walk</name><trkseg>'
        '<trkpt lat="46.2" lon="6.1"><time>2021-06-01T07:00:00Z</time></trkpt>'
        '<trkpt lat="46.3" lon="6.2"><time>2021-06-02T07:00:00Z</time></trkpt>'
        "</trkseg></trk></gpx>",
        encoding="utf-8",
    )
    assert window._dropped_file(file_drop(path)) == str(path)
    assert "*.gpx" in window_open_filter().split(";;")[0]
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    (event,) = window.state.catalogue.events
    assert event.title == "Walk" and event.time.edtf == "2021-06-01/2021-06-02"


def test_a_file_dropped_on_the_map_opens(window, qtbot, tmp_path):
    """Qt gives a drop to the first widget under the pointer, or its first parent, that takes
    drops. Chromium's widget inside the map took them, and did nothing with the file: dropping
    a file on the map, most of the window, opened nothing."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication

    path = write_csv(
        tmp_path / "dropped.csv", [["X", "1999", "10", "10"]], ["title", "year", "lat", "lon"]
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    view = window.map_view
    qtbot.waitUntil(lambda: view.focusProxy() is not None, timeout=WORK_MS)
    at = view.mapTo(window, view.rect().center())
    assert view.isAncestorOf(window.childAt(at))  # the pointer is over the map's page
    # As the platform's drag and drop does: to the window, which finds the widget to take it.
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    copy = Qt.DropAction.CopyAction
    handle = window.windowHandle()
    enter = QDragEnterEvent(at, copy, mime, buttons, keys)
    QApplication.sendEvent(handle, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        QApplication.sendEvent(handle, QDropEvent(QPointF(at), copy, mime, buttons, keys))
    assert window.state.catalogue.events[0].title == "X"


def test_a_spreadsheet_of_place_names_shows_its_places_and_says_how_it_found_them(
    window, qtbot, tmp_path
):
    from conftest import page_js as js

    path = write_csv(
        tmp_path / "tour.csv",
        [["Opening", "2025-01-17", "Vienna"], ["Final", "2025-01-18", "Atlantisville"]],
        ["Title", "Date", "City"],
    )
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    window.state.set_mode("cumulative")
    window.state.set_time(window.state.catalogue.time_range()[1])
    qtbot.waitUntil(
        lambda: js(window.map_view, qtbot, "MapExplorer.litPlaceIds()") == ["vienna"],
        timeout=WORK_MS,
    )
    # The page draws the marker where Vienna is
    point = js(window.map_view, qtbot, "MapExplorer.screenPointOf('vienna')")
    where = js(window.map_view, qtbot, "MapExplorer.containerPointAt(48.21, 16.37)")
    assert abs(point["x"] - where["x"]) < 3 and abs(point["y"] - where["y"]) < 3
    report = window.report_dialog.text.toPlainText()
    assert "row 3, field 'City': 'Atlantisville' is not a place we know by name" in report
    assert "1 place found by name (no coordinates given): 'Vienna' as Vienna, Austria" in report


def test_an_excel_workbook_opens_in_the_window(window, qtbot, tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Title", "Latitude", "Longitude"])
    sheet.append([dt.date(2025, 1, 17), "Treaty signed", 55.7558, 37.6173])
    sheet.append([dt.date(2025, 1, 18), "Talks", 46.2044, 6.1432])
    path = tmp_path / "story.xlsx"
    book.save(path)
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    assert [e.title for e in window.state.catalogue.events] == ["Treaty signed", "Talks"]
    assert window.windowTitle().startswith("story")
    assert "*.xlsx" in window_open_filter()


def window_open_filter() -> str:
    from mapexplorer.ui.main_window import OPEN_FILTER

    return OPEN_FILTER


def test_larger_text_scales_the_panels_and_the_map_and_is_remembered(
    window, qtbot, bundled, page_path
):
    """For a projector: the window's ~9 pt text and the map's 11 px names were all there was."""
    from mapexplorer.ui.main_window import MainWindow

    base = window.font().pointSizeF()
    view = window.map_view
    qtbot.waitUntil(lambda: view.drawn_at_its_size(), timeout=WORK_MS)
    for _ in range(2):
        window.larger_text_action.trigger()
    assert window.text_scale == 1.5
    assert window.font().pointSizeF() == pytest.approx(1.5 * base)
    assert window.event_list.font().pointSizeF() == pytest.approx(1.5 * base)
    # "15 of 30 events visible" (its colour once set by a style sheet, which kept its font) and
    # the track's era and date labels, in rows as tall as their font (they were cut off).
    count = window.event_list.count
    assert count.font().pointSizeF() == pytest.approx(1.5 * base)
    assert count.palette().windowText().color() != window.palette().windowText().color()
    track = window.timeline.track
    line = QFontMetrics(track._small_font()).height()
    assert track._small_font().pointSizeF() > base
    assert track._era_h >= line + 3 and track._label_h >= line + 1
    assert track.minimumHeight() >= track._era_h + track._label_h + 30
    assert view.zoomFactor() == 1.5
    # The page lays the map out in fewer, bigger CSS pixels; a draw at that size is its size.
    qtbot.waitUntil(lambda: view.drawn_size[0] == pytest.approx(view.width() / 1.5, abs=1))
    qtbot.waitUntil(view.drawn_at_its_size, timeout=WORK_MS)
    assert float(window.settings.value("view/text_scale")) == 1.5
    again = MainWindow(bundled, "bundled.geojson", page_path, settings=window.settings)
    qtbot.addWidget(again)
    assert again.text_scale == 1.5 and again.map_view.zoomFactor() == 1.5
    for _ in range(4):
        window.smaller_text_action.trigger()
    assert window.text_scale == 1.0 and not window.smaller_text_action.isEnabled()
    assert window.font().pointSizeF() == pytest.approx(base)
    assert count.font().pointSizeF() == pytest.approx(base)
    assert (track._era_h, track._label_h) == (17, 15)  # the normal size's rows, as before


def test_at_larger_text_the_list_keeps_room_and_the_slider_buttons_grow(window, qtbot):
    """At 200% in a 1280x800 window the event list showed about three rows and scrolled
    sideways (the details kept their share of the side panel, the panel its width), and the
    slider's play, previous and next icons stayed at the normal size."""
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    table = window.event_list.table
    buttons = [window.timeline.play_button, window.timeline.previous_button]
    buttons.append(window.timeline.next_button)
    normal = [b.iconSize().height() for b in buttons]
    window.step_text_size(1)
    for _ in range(3):
        window.larger_text_action.trigger()  # as Ctrl+= does
    assert window.text_scale == 2.0

    def rows_shown():
        return table.viewport().height() // table.verticalHeader().defaultSectionSize()

    # Three rows and more: the details' title and date take the rest (the test below).
    qtbot.waitUntil(lambda: rows_shown() >= 3, timeout=5000)
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible(), timeout=5000)
    assert window.details.height() >= window.details.minimumSizeHint().height()
    assert window.map_view.width() > window.side.width()  # the map keeps the most room
    for button, size in zip(buttons, normal, strict=True):
        assert button.iconSize().height() >= 2 * size - 1, button.accessibleName()
        pixmap = button.icon().pixmap(button.iconSize())
        assert pixmap.height() >= button.iconSize().height()  # drawn at that size, not small
    window.normal_text_action.trigger()
    assert [b.iconSize().height() for b in buttons] == normal


def test_at_200_percent_the_details_show_the_title_and_date_without_scrolling(window, qtbot):
    """At 200% in a 1280x800 window the details showed two lines of the title (set three
    times the normal size) and no date, to scroll through three lines at a time. The title is
    less outsized at larger text, and the details keep room for four and a half lines."""
    from PySide6.QtGui import QTextCursor

    window.resize(1280, 800)
    qtbot.waitExposed(window)
    window.state.select("treaty-signing")
    window.set_text_scale(2.0)
    browser = window.details.browser
    date = window.state.selected_event.time.describe()

    def date_in_view() -> bool:
        found = browser.document().find(date)
        if found.isNull():
            return False
        end = QTextCursor(found)
        end.setPosition(found.selectionEnd())
        return browser.viewport().rect().contains(browser.cursorRect(end).bottomLeft())

    qtbot.waitUntil(date_in_view, timeout=5000)
    assert browser.viewport().height() >= 4.5 * browser.fontMetrics().lineSpacing()
    table = window.event_list.table
    assert table.viewport().height() >= 3 * table.verticalHeader().defaultSectionSize()
    window.set_text_scale(1.0)  # and back: the details' normal share again
    qtbot.waitUntil(lambda: abs(window.side.sizes()[0] / sum(window.side.sizes()) - 0.44) < 0.02)


@pytest.mark.parametrize("side_width", [580, 330], ids=["dragged-wider", "dragged-narrower"])
def test_a_text_size_step_keeps_the_panels_as_the_user_dragged_them(window, qtbot, side_width):
    """Each step of View ▸ Larger or Smaller text put the side splitters back to their default
    shares: a side panel dragged wider, or details dragged taller, was lost at every step.
    Now the shares the user made are kept, growing (the side panel, the event list) or
    shrinking (the details) from there as the defaults do, and coming back on the way down."""
    from PySide6.QtCore import QPoint

    from conftest import drag_handle

    window.resize(1280, 800)
    qtbot.waitExposed(window)
    top, side = window.top, window.side
    drag_handle(qtbot, top, 1, QPoint(top.sizes()[1] - side_width, 0))
    drag_handle(qtbot, side, 1, QPoint(0, 220 - side.sizes()[0]))
    qtbot.waitUntil(
        lambda: abs(top.sizes()[1] - side_width) <= 2 and abs(side.sizes()[0] - 220) <= 2
    )
    dragged_side = top.sizes()[1] / sum(top.sizes())
    dragged_details = side.sizes()[0] / sum(side.sizes())

    window.larger_text_action.trigger()
    side_share = top.sizes()[1] / sum(top.sizes())
    details_share = side.sizes()[0] / sum(side.sizes())
    if side_width == 580:  # wider than larger text would make it: kept as dragged
        assert side_share == pytest.approx(dragged_side, abs=0.005)
    else:  # larger text gives it more, from where the user left it (not the default 0.37)
        assert dragged_side < side_share < 0.3
    assert details_share == pytest.approx(dragged_details / 1.25**0.5, abs=0.01)

    window.smaller_text_action.trigger()
    assert top.sizes()[1] / sum(top.sizes()) == pytest.approx(dragged_side, abs=0.005)
    assert side.sizes()[0] / sum(side.sizes()) == pytest.approx(dragged_details, abs=0.01)
    for _ in range(4):  # to 200%, the map still keeping the most room
        window.larger_text_action.trigger()
    assert window.map_view.width() > window.side.width()
    window.normal_text_action.trigger()
    assert top.sizes()[1] / sum(top.sizes()) == pytest.approx(dragged_side, abs=0.005)
    assert side.sizes()[0] / sum(side.sizes()) == pytest.approx(dragged_details, abs=0.02)


def test_a_window_at_a_remembered_larger_text_opens_with_its_shares(
    window, qtbot, bundled, page_path
):
    """Without a remembered layout, a launch at 150% opened with the normal size's shares,
    which the next step then took for the user's own."""
    from mapexplorer.ui.main_window import SIDE_SHARE, MainWindow

    window.settings.setValue("view/text_scale", 1.5)
    again = MainWindow(bundled, "bundled.geojson", page_path, settings=window.settings)
    qtbot.addWidget(again)
    again.resize(1280, 800)  # as a launch makes it
    again.show()
    qtbot.waitExposed(again)
    sizes = again.top.sizes()
    assert sizes[1] / sum(sizes) == pytest.approx(SIDE_SHARE * 1.5**0.5, abs=0.01)


def test_larger_text_reaches_the_menus_drop_downs_tooltips_and_the_date_line(window, qtbot):
    """At 200% the menus, the event list's column menu, the drop-down lists and the tooltips
    stayed at the normal size (they are windows of their own, which the window's font did not
    reach), and at 1280x800 the slider's date line kept its normal size's room and showed
    "31 Januar…"."""
    from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QToolTip

    window.resize(1280, 800)
    qtbot.waitExposed(window)
    base = window.font().pointSizeF()
    menus = [a.menu() for a in window.menuBar().actions()]
    menus.append(window.chapters_menu)
    line = window.timeline.date_label
    assert line.shown_text() == line.text()  # whole at the normal size
    table = window.event_list.table
    window.set_text_scale(2.0)
    # The list's rows and date column grow with their text (the dates read "18th–…").
    assert table.verticalHeader().defaultSectionSize() >= table.fontMetrics().height() + 4
    assert table.columnWidth(0) > table.fontMetrics().horizontalAdvance("1804–1828") + 16
    column_menu = window.event_list.columns_menu()
    for menu in [*menus, column_menu]:
        menu.ensurePolished()
        assert menu.font().pointSizeF() == pytest.approx(2 * base), menu.title()
    assert QToolTip.font().pointSizeF() == pytest.approx(2 * base)
    for combo in window.findChildren(QComboBox):
        assert combo.view().font().pointSizeF() == pytest.approx(2 * base), combo.accessibleName()
    combo = window.timeline.window_combo
    combo.showPopup()
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    row = QFontMetrics(popup.font()).height()
    assert popup.visualRect(popup.model().index(0, 0)).height() >= row
    combo.hidePopup()
    box, timeline = window.timeline.date_edit, window.timeline

    def laid_out():
        whole = line.shown_text() == line.text()
        return whole and timeline.rect().contains(box.geometry()) and box.height() >= row

    qtbot.waitUntil(laid_out, timeout=5000)  # the controls take two rows now
    assert "War in Ukraine" in line.text()
    assert line.width() >= line.fontMetrics().horizontalAdvance(line.text())
    assert box.width() > box.fontMetrics().horizontalAdvance("17 January 2025")
    window.set_text_scale(1.0)  # and back: the platform's own sizes again
    for menu in [*menus, QMenu()]:
        menu.ensurePolished()
        assert menu.font().pointSizeF() == pytest.approx(base)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_a_window_closed_as_it_is_resized_leaves_no_late_call_behind(qtbot, bundled, page_path):
    """Resizing the side panel asks for the details' room once the splitter has shared out
    the new height; a window deleted meanwhile must not be called then."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from mapexplorer.ui.main_window import MainWindow

    window = MainWindow(bundled, "bundled.geojson", page_path, settings=None)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.resize(1024, 600)  # the side panel shorter: its room is asked for after
    shiboken6.delete(window)
    QApplication.processEvents()  # an exception in the late call fails the test here


def test_at_larger_text_the_fields_dialog_is_larger(window, qtbot, tmp_path):
    """At 200% it kept its 760×440, its preview showing three rows where it showed eight."""
    from mapexplorer.formats.opener import guess_fields
    from mapexplorer.ui.field_dialog import FieldChoiceDialog

    rows = [["A", "2025-01-17", "1600000000", "46.2", "6.1"]]
    path = write_csv(tmp_path / "both.csv", rows, ["title", "date", "timestamp", "lat", "lon"])
    guess = guess_fields(path)
    normal = FieldChoiceDialog("both.csv", guess)
    qtbot.addWidget(normal)
    window.set_text_scale(2.0)
    try:
        large = FieldChoiceDialog("both.csv", guess)
        qtbot.addWidget(large)
        # (the offscreen screen is 800×600: each is kept within 90% of it)
        assert large.width() >= normal.width() and large.height() > normal.height()
    finally:
        window.set_text_scale(1.0)
