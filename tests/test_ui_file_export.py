"""File ▸ Export of the catalogue (GeoJSON, CSV, KML) from the window: written on a thread of
its own, so the window stays live through a big file; the status line says when it is done."""

import threading

import pytest

from mapexplorer.formats import native
from mapexplorer.ui import file_export, main_window
from mapexplorer.words import name_then_folder


@pytest.fixture
def window(open_window, bundled):
    return open_window(bundled, "bundled.geojson")


@pytest.fixture(autouse=True)
def warnings(monkeypatch):
    """The window's warning boxes, said here instead: an export that fails says why in a
    modal box, which nobody closes in a test (a test whose export raised hung on it)."""
    said = []
    monkeypatch.setattr(main_window, "warn", lambda parent, title, text: said.append(text))
    return said


def test_an_export_is_written_and_said(window, qtbot, tmp_path, bundled):
    path = tmp_path / "story.geojson"
    with qtbot.waitSignal(window.exporter.finished, timeout=20000):
        window.export_to(str(path), "geojson")
        said = f"30 events to story.geojson (in {tmp_path})"  # its name before its folder
        assert window.statusBar().currentMessage() == f"Exporting {said}…"
    assert native.load(path).events == bundled.events
    assert window.statusBar().currentMessage() == f"Exported {said}"


def test_the_window_stays_live_while_a_file_is_written(
    window, qtbot, tmp_path, monkeypatch, warnings
):
    writing, release = threading.Event(), threading.Event()
    real = file_export.export_catalogue

    def slow(catalogue, path, fmt):
        writing.set()
        assert release.wait(20)
        real(catalogue, path, fmt)

    monkeypatch.setattr(file_export, "export_catalogue", slow)
    first = tmp_path / "first.csv"
    window.export_to(str(first), "csv")
    assert writing.wait(20)  # export_to has returned: the file is written elsewhere
    window.state.set_time(window.state.catalogue.time_range()[0])  # the window still answers
    window.export_to(str(tmp_path / "second.csv"), "csv")
    assert warnings == ["Another export is still being written: try again when it is done."]
    with qtbot.waitSignal(window.exporter.finished, timeout=20000):
        release.set()
    assert first.read_text(encoding="utf-8-sig").startswith("event_id,")
    assert not (tmp_path / "second.csv").exists()


def test_the_window_stays_live_while_its_map_is_written_as_a_web_page(
    window, qtbot, tmp_path, monkeypatch, warnings
):
    """The web page was made on the GUI thread: 100,000 events froze the window for ~10 s. It
    is written on the exporter's thread now, of what the window showed when it was asked for,
    while the window goes on answering."""
    import json
    import re

    from mapexplorer.mappage import html_export
    from mapexplorer.ui.export_dialogs import export_view_to

    writing, release = threading.Event(), threading.Event()
    real = html_export.export_html

    def slow(state, path, title="", note=None):
        writing.set()
        assert release.wait(20)
        real(state, path, title, note)

    monkeypatch.setattr(html_export, "export_html", slow)
    path = tmp_path / "map.html"
    window.state.set_filter(category="war")
    shown = {e.id for e in window.state.filtered_events()}
    export_view_to(window, str(path), "html")
    assert writing.wait(20)  # export_view_to has returned: the page is made elsewhere
    assert (
        window.statusBar().currentMessage()
        == f"Exporting the map as a web page to {name_then_folder(str(path))}…"
    )
    window.state.set_filter(category="")  # the window still answers, and moves on
    with qtbot.waitSignal(window.exporter.finished, timeout=20000):
        release.set()
    assert warnings == []
    data = re.search(r'id="me-data">(.*?)</script>', path.read_text("utf-8"), re.S)[1]
    assert {e["id"] for e in json.loads(data)["events"]} == shown  # as it was asked for
    assert json.loads(data)["filtered"]["described"] == "the category \u2068war\u2069"
    assert (
        window.statusBar().currentMessage()
        == f"Exported {len(shown)} events to {name_then_folder(str(path))}"
    )


def test_a_failed_export_says_why_and_leaves_no_file(window, qtbot, tmp_path, warnings):
    path = tmp_path / "no-such-folder" / "story.kml"
    with qtbot.waitSignal(window.exporter.failed, timeout=20000):
        window.export_to(str(path), "kml")
    assert len(warnings) == 1 and str(path) in warnings[0]
    assert not path.exists()


def test_a_filter_that_matches_nothing_has_nothing_to_export(
    window, qtbot, tmp_path, warnings, monkeypatch
):
    """With a filter matching no event, File ▸ Export wrote files of no events ("Exported 0
    events", a GeoJSON that does not open again), an empty web page and a picture of an empty
    map. It says why there is nothing to write, before any dialog, and writes nothing."""
    from mapexplorer.ui import export_dialogs, save_dialog

    monkeypatch.setattr(export_dialogs, "warn", lambda parent, title, text: warnings.append(text))
    asked = []
    monkeypatch.setattr(save_dialog.QFileDialog, "exec", lambda dialog: asked.append(dialog))
    monkeypatch.setattr(export_dialogs.SizeDialog, "exec", lambda dialog: asked.append(dialog))
    window.state.set_filter(text="no such words anywhere")
    assert window.state.filtered_events() == []
    for fmt in ("geojson", "csv", "kml"):
        window.choose_export(fmt)
        window.export_to(str(tmp_path / f"story.{fmt}"), fmt)
    for fmt in ("html", "png", "gif"):
        window.choose_view_export(fmt)
        export_dialogs.export_view_to(window, str(tmp_path / f"map.{fmt}"), fmt)
    assert asked == []  # no file or size dialog first
    assert len(warnings) == 12
    assert set(warnings) == {
        "The filter (“\u2068no such words anywhere\u2069”) matches none of the 30 events, so "
        "there is nothing to export: clear it (Escape in the filter box) to export them all."
    }
    assert not window.exporter.busy and list(tmp_path.iterdir()) == []


def test_an_empty_window_has_nothing_to_export(qtbot, page_path, tmp_path, warnings):
    """The window at launch, before its file is read (or after it failed): no empty file."""
    from mapexplorer.model import Catalogue
    from mapexplorer.ui.main_window import MainWindow

    empty = MainWindow(Catalogue([], {}), "", page_path, settings=None)
    qtbot.addWidget(empty)
    path = tmp_path / "nothing.csv"
    empty.export_to(str(path), "csv")
    assert warnings == ["There is nothing to export: open a file first."]
    assert not path.exists()
    # The status line says so, and comes back to it after a passing message.
    status = empty.statusBar()
    status.showMessage("something passing", 50)
    qtbot.waitUntil(lambda: status.currentMessage() == "No file open", timeout=5000)
    empty.close()


def _type_in_save_dialog(qtbot, name):
    """When the save dialog opens, type `name` in it and press Enter, as a user would."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    def type_name():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        visible = [d for d in dialogs if d.isVisible()]
        if not visible:
            QTimer.singleShot(50, type_name)
            return
        box = visible[0].findChild(QLineEdit, "fileNameEdit")
        box.setText(name)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_name)


def test_the_open_file_is_never_written_over_by_its_export(
    open_window, qtbot, tmp_path, monkeypatch, warnings
):
    """File ▸ Export ▸ CSV of an open CSV opened beside it suggesting its own name: saved, the
    user's table was replaced by Map Explorer's rewriting of it (only the filter's events, if
    one was on). The name suggested is another, and the open file is refused, as the command
    line refuses it, and asked again."""
    from mapexplorer.formats.opener import open_catalogue
    from mapexplorer.ui import main_window as window_module

    table = tmp_path / "battles.csv"
    table.write_text(
        "Battle,Date,Place,Latitude,Longitude,My notes\n"
        "Kursk,1943-07-05,Kursk,51.73,36.19,tanks\n"
        "Stalingrad,1942-08-23,Volgograd,48.71,44.51,winter\n",
        encoding="utf-8",
    )
    before = table.read_bytes()
    window = open_window(open_catalogue(table), str(table))
    assert window.export_name("csv") == "battles-export.csv"
    assert window.export_name("kml") == "battles.kml"
    asked, answers = [], [str(table), str(tmp_path / "battles-export.csv")]

    def ask(parent, title, suggested, name_filter, suffix, folder=""):
        asked.append((suggested, folder))
        return answers.pop(0)

    monkeypatch.setattr(window_module, "ask_save_path", ask)
    window.state.set_filter(text="kursk")
    with qtbot.waitSignal(window.exporter.finished, timeout=20000):
        window.choose_export("csv")
    assert asked == [("battles-export.csv", str(tmp_path))] * 2  # asked again after
    assert len(warnings) == 1 and "that is the file you have open" in warnings[0]
    assert table.read_bytes() == before  # the user's own table, as it was
    assert "Kursk" in (tmp_path / "battles-export.csv").read_text(encoding="utf-8")
    window.export_to(str(table), "csv")  # however it is asked for
    assert len(warnings) == 2 and not window.exporter.busy
    assert table.read_bytes() == before


@pytest.mark.parametrize("fmt", ["csv", "html"])
def test_a_name_typed_without_its_extension_gets_it(
    window, qtbot, tmp_path, monkeypatch, warnings, fmt
):
    """Qt's own save dialog (Linux) returned "story" as typed: the export was written to a
    file without an extension, which no file manager would open as a spreadsheet or a page."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "exec", _exec_non_native(QFileDialog.exec))
    _type_in_save_dialog(qtbot, str(tmp_path / "story"))
    with qtbot.waitSignal(window.exporter.finished, timeout=20000):
        if fmt == "html":
            window.choose_view_export(fmt)
        else:
            window.choose_export(fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"story.{fmt}"]
    assert warnings == []


def _exec_non_native(real_exec):
    """The dialog as Qt draws it (what the test can type into), whatever the platform offers."""
    from PySide6.QtWidgets import QFileDialog

    def exec_(dialog):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        return real_exec(dialog)

    return exec_


def _type_names_in_save_dialogs(qtbot, names, seen):
    """Type each of `names` in the next save dialog that opens (then press Enter); `seen`
    collects the name each dialog offered before it was typed over ("" for the last: kept)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    todo = list(names)

    def type_name():
        visible = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        ]
        if not visible:
            QTimer.singleShot(50, type_name)
            return
        box = visible[0].findChild(QLineEdit, "fileNameEdit")
        seen.append(box.text())
        name = todo.pop(0)
        if name:
            box.setText(name)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        if todo:
            QTimer.singleShot(50, type_name)

    QTimer.singleShot(0, type_name)


@pytest.mark.parametrize(
    ("fmt", "typed", "words"),
    [
        ("csv", "story.kml", "story.kml: the name says KML, but this export writes CSV: name it "
         "story.csv."),
        ("geojson", "story.xlsx", "story.xlsx: Map Explorer does not write Excel files. This "
         "export writes GeoJSON: name it story.geojson."),
        ("png", "story.jpg", "story.jpg: Map Explorer does not write JPEG files. This export "
         "writes a PNG image: name it story.png."),
    ],
)  # fmt: skip
def test_a_name_with_another_formats_extension_is_refused_and_asked_again(
    window, qtbot, tmp_path, monkeypatch, warnings, fmt, typed, words
):
    """A CSV export typed as "story.kml" was written as story.kml, a CSV file Google Earth
    cannot open (the command line refuses `-o story.kml --format csv`): the dialog says why
    and opens again with the name ending in the right extension, which Enter accepts."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from mapexplorer.ui import export_dialogs, save_dialog

    said = []
    monkeypatch.setattr(save_dialog, "warn", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QFileDialog, "exec", _exec_non_native(QFileDialog.exec))
    seen: list[str] = []
    _type_names_in_save_dialogs(qtbot, [str(tmp_path / typed), ""], seen)
    if fmt == "png":  # the picture's size first; then only where it would be written
        monkeypatch.setattr(
            export_dialogs.SizeDialog, "exec", lambda self: QDialog.DialogCode.Accepted
        )
        written = []
        monkeypatch.setattr(
            export_dialogs, "export_view_to", lambda w, path, *a, **k: written.append(path)
        )
        window.choose_view_export(fmt)
        assert written == [str(tmp_path / f"story.{fmt}")]
    else:
        with qtbot.waitSignal(window.exporter.finished, timeout=20000):
            window.choose_export(fmt)
        assert sorted(p.name for p in tmp_path.iterdir()) == [f"story.{fmt}"]
    assert said == [words]
    assert seen[1] == f"story.{fmt}"  # offered again, with the right extension
    assert warnings == []


@pytest.fixture
def dialogs_seen(monkeypatch):
    """The folder each file dialog opened in; each is cancelled at once, unless the test put
    a path to choose in `answers`."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    seen: list[str] = []
    answers: list[str] = []

    def exec_(dialog):
        seen.append(dialog.directory().absolutePath())
        if answers:
            dialog.selectFile(answers.pop(0))
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected

    def get_open(parent, caption, folder, name_filter):
        seen.append(folder)
        return (answers.pop(0) if answers else "", "")

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    return seen, answers


def test_file_dialogs_open_beside_the_users_file_else_the_last_folder_else_documents(
    qtbot, page_path, tmp_path, monkeypatch, bundled, dialogs_seen
):
    seen, answers = dialogs_seen
    """Qt's dialogs were given no folder: they opened in the folder the app was started from
    (`/` from a desktop launcher), and File ▸ Open beside the bundled article, inside the
    installation. The last export's folder is remembered in the settings."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog

    from mapexplorer.paths import bundled_catalogue
    from mapexplorer.ui import export_dialogs
    from mapexplorer.ui.dialog_folders import users_folder
    from mapexplorer.ui.main_window import MainWindow

    monkeypatch.chdir("/")
    monkeypatch.setattr(export_dialogs.SizeDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(export_dialogs, "export_view_to", lambda *a, **k: None)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(bundled, str(bundled_catalogue()), page_path, settings=settings)
    qtbot.addWidget(win)
    documents = users_folder()
    assert documents != "/"
    win.choose_view_export("png")
    win.choose_export("csv")
    win.choose_file()
    win.importer.choose_file()
    assert seen == [documents] * 4

    exports = tmp_path / "exports"
    exports.mkdir()
    answers.append(str(exports / "story.png"))
    win.choose_view_export("png")
    win.choose_view_export("gif")
    assert seen[4:] == [documents, str(exports)]  # the next opens where the last went
    assert settings.value("folders/export") == str(exports)

    mine = tmp_path / "data" / "story.geojson"
    mine.parent.mkdir()
    win.path = str(mine)  # the user's own file: its folder, for every dialog
    win.choose_view_export("html")
    win.choose_file()
    assert seen[6:] == [str(mine.parent)] * 2
    win.close()


def test_a_filtered_animation_plays_the_span_of_the_events_it_shows(window, monkeypatch):
    """A GIF with the filter "putin" (2 events, 2022 and 2025) played the whole story: 38 of
    its 60 frames showed no event. It plays from the first event shown to the last, and its
    dialog says so."""
    from PySide6.QtWidgets import QDialog

    from mapexplorer.ui import export_dialogs
    from mapexplorer.ui.image_export import copy_state, playback_days

    asked = []

    def exec_(dialog):
        asked.append((dialog.plays.isVisibleTo(dialog), dialog.plays.text()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(export_dialogs.SizeDialog, "exec", exec_)
    window.choose_view_export("gif")
    assert asked == [(False, "")]  # the whole story: nothing to say
    window.state.set_filter(text="putin")
    shown = window.state.filtered_events()
    assert len(shown) == 2
    days = playback_days(window.state, 60)
    assert days[0] == shown[0].time.start and days[-1] >= shown[-1].time.start
    played = copy_state(window.state)
    empty = [d for d in days if not (played.set_time(d) or played.visible_events())]
    assert empty == []
    window.choose_view_export("gif")
    assert asked[1][0] is True
    assert asked[1][1] == (
        "Plays the 2 events the filter shows (“\u2068putin\u2069”), from 24 February 2022 to "
        "17 January 2025"
    )
    window.choose_view_export("png")  # a picture plays nothing
    assert asked[2] == (False, "")
