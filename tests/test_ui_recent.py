"""File ▸ Open Recent: the files opened last, remembered across launches."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import Qt

from conftest import WORK_MS
from mapexplorer.cli import build_window_parser
from mapexplorer.paths import bundled_catalogue
from mapexplorer.ui.app import create_window
from mapexplorer.ui.recent_files import SETTING, RecentFiles


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, bundled, page_path, settings):
    from mapexplorer.ui.main_window import MainWindow

    win = MainWindow(bundled, str(bundled_catalogue()), page_path, settings=settings)
    qtbot.addWidget(win)
    win.show()
    return win


def table(folder, name, title="Talks"):
    path = folder / name
    path.write_text(f"title,date,lat,lon\n{title},2020-01-01,46.2,6.1\n", encoding="utf-8")
    return path


def open_and_wait(qtbot, window, path):
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.open_file(str(path))
    assert window.path == str(path)


def shown(tooltip):
    """A tooltip's text as Qt shows it: rich text rendered when Qt takes it for rich text."""
    from PySide6.QtGui import QTextDocument

    if not Qt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def listed(window):
    """(text, tooltip as shown, status tip) of each file entry, in menu order."""
    return [
        (a.text(), shown(a.toolTip()), a.statusTip()) for a in window.recent_menu.file_actions()
    ]


def test_files_opened_are_listed_most_recent_first_once_each(window, qtbot, tmp_path):
    menu = window.recent_menu
    assert menu.file_actions() == []
    empty = [a for a in menu.actions() if a.text() == "No recent files"]
    assert len(empty) == 1 and not empty[0].isEnabled()
    assert not menu.clear_action.isEnabled()
    assert menu.menuAction() in window.menuBar().actions()[0].menu().actions()

    first = table(tmp_path, "first.csv")
    (tmp_path / "b").mkdir()
    second = table(tmp_path / "b", "R&D.csv")
    open_and_wait(qtbot, window, first)
    open_and_wait(qtbot, window, second)
    assert listed(window) == [
        ("&1 R&&D.csv", str(second), str(second)),  # "&" shown, not a key
        ("&2 first.csv", str(first), str(first)),
    ]
    # The same file by another path: moved to the top, not listed twice.
    open_and_wait(qtbot, window, tmp_path / "b" / ".." / "first.csv")
    assert [t for t, _, _ in listed(window)] == ["&1 first.csv", "&2 R&&D.csv"]
    assert not any(a.text() == "No recent files" for a in menu.actions())
    assert menu.clear_action.isEnabled() and menu.actions()[-1] is menu.clear_action

    # Two files of one name: their folders tell them apart.
    other = table(tmp_path / "b", "first.csv")
    open_and_wait(qtbot, window, other)
    assert [t for t, _, _ in listed(window)][:2] == [
        "&1 first.csv (b)",
        "&2 first.csv (" + (tmp_path.name) + ")",
    ]


def test_a_file_that_fails_to_open_is_not_listed(window, qtbot, tmp_path):
    good = table(tmp_path, "good.csv")
    open_and_wait(qtbot, window, good)
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    window.open_file(str(broken))
    qtbot.waitUntil(lambda: getattr(window, "error_box", None) is not None, timeout=WORK_MS)
    assert [tip for _, tip, _ in listed(window)] == [str(good)]


def test_eight_are_kept_and_remembered_for_the_next_launch(
    window, qtbot, tmp_path, settings, bundled, page_path
):
    from mapexplorer.ui.main_window import MainWindow

    paths = [table(tmp_path, f"story {n}.csv", f"Event {n}") for n in range(1, 10)]
    for path in paths:
        open_and_wait(qtbot, window, path)
    expected = [str(p) for p in reversed(paths[1:])]  # the first one opened has dropped off
    assert [tip for _, tip, _ in listed(window)] == expected
    assert [t for t, _, _ in listed(window)][0] == "&1 story 9.csv"
    assert [t for t, _, _ in listed(window)][-1] == "&8 story 2.csv"
    window.close()

    again = MainWindow(bundled, str(bundled_catalogue()), page_path, settings=settings)
    qtbot.addWidget(again)
    assert [tip for _, tip, _ in listed(again)] == expected
    # Chosen, an entry opens as File ▸ Open does, and goes to the top.
    with qtbot.waitSignal(again.state.catalogue_changed, timeout=WORK_MS):
        again.recent_menu.file_actions()[3].trigger()
    assert again.path == str(paths[5]) and again.state.catalogue.events[0].title == "Event 6"
    assert [tip for _, tip, _ in listed(again)][:2] == [str(paths[5]), str(paths[8])]
    assert settings.value(SETTING)[0] == str(paths[5])


def test_a_file_gone_since_is_said_and_taken_off_the_list(window, qtbot, tmp_path, settings):
    kept = table(tmp_path, "kept.csv")
    gone = table(tmp_path, "gone.csv")
    open_and_wait(qtbot, window, kept)
    open_and_wait(qtbot, window, gone)
    gone.unlink()
    events = window.state.catalogue.events
    window.recent_menu.file_actions()[0].trigger()
    box = window.error_box
    assert box.isVisible() and box.windowTitle() == "Could not open the file"
    assert box.text() == (
        f"{gone} is no longer there (moved, renamed or deleted): it is taken off the Open "
        "Recent menu."
    )
    assert window.state.catalogue.events is events  # what was open stays open
    assert [tip for _, tip, _ in listed(window)] == [str(kept)]
    settings.sync()
    fresh = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert RecentFiles(fresh).paths() == [str(kept)]
    box.close()

    window.recent_menu.clear_action.trigger()
    assert window.recent_menu.file_actions() == []
    assert any(a.text() == "No recent files" for a in window.recent_menu.actions())
    assert settings.value(SETTING) is None


def test_the_bundled_article_opened_from_the_menu_is_listed_as_such(window, qtbot, tmp_path):
    open_and_wait(qtbot, window, table(tmp_path, "mine.csv"))
    bundled_action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if "bundled" in a.text()
    )
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        bundled_action.trigger()
    text, tip, status = listed(window)[0]
    assert text == f"&1 {bundled_catalogue().name}"
    assert tip == status == "The bundled article"


def test_a_launch_lists_the_file_it_was_given_not_the_article_it_falls_back_to(
    qtbot, page_path, settings, tmp_path
):
    parse = build_window_parser().parse_args
    plain = create_window(parse([]), settings, page_path)
    qtbot.addWidget(plain)
    assert plain.path == str(bundled_catalogue()) and listed(plain) == []
    plain.close()
    named = table(tmp_path, "named.csv")
    window = create_window(parse([str(named)]), settings, page_path)
    qtbot.addWidget(window)
    assert [tip for _, tip, _ in listed(window)] == [str(named)]
    window.close()


@pytest.mark.parametrize(
    ("value", "paths"),
    [
        ("/data/one.csv", ["/data/one.csv"]),  # a list of one, as some formats give it back
        (["/data/a.csv", 3, "", "/data/a.csv", "/data/b.csv"], ["/data/a.csv", "/data/b.csv"]),
        (42, []),  # a settings file edited by hand
    ],
)
def test_a_list_in_another_form_keeps_its_paths(settings, value, paths):
    settings.setValue(SETTING, value)
    assert RecentFiles(settings).paths() == paths


def test_the_bundled_article_of_a_moved_installation_opens_from_where_it_is_now(
    qtbot, tmp_path, settings, bundled, page_path
):
    """Listed from an installation since upgraded (another site-packages), the article is not
    "no longer there": it opens from where it is now, and is listed so, once."""
    from mapexplorer.ui.main_window import MainWindow

    old = tmp_path / "old-site" / "geodata" / bundled_catalogue().name
    settings.setValue(SETTING, [str(old), str(table(tmp_path, "mine.csv"))])
    again = MainWindow(bundled, "mine.csv", page_path, settings=settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.state.catalogue_changed, timeout=WORK_MS):
        again.recent_menu.file_actions()[0].trigger()
    assert again.path == str(bundled_catalogue())
    assert getattr(again, "error_box", None) is None
    tips = [tip for _, tip, _ in listed(again)]
    assert tips == ["The bundled article", str(tmp_path / "mine.csv")]


def test_a_long_name_is_cut_short_in_the_menu_and_whole_in_its_tooltip(window, qtbot, tmp_path):
    """A file named in a sentence made the menu wider than the screen."""
    long = table(tmp_path, "Minutes of the " + "very " * 30 + "long meeting.csv")
    open_and_wait(qtbot, window, long)
    [(text, tip, _status)] = listed(window)
    assert text == "&1 " + long.name[:59] + "…" and tip == str(long)
    metrics = window.recent_menu.fontMetrics()
    assert window.recent_menu.sizeHint().width() < metrics.horizontalAdvance("x" * 90)


def test_a_path_with_markup_in_it_is_shown_as_written(window, qtbot, tmp_path):
    """A tooltip is rich text when Qt guesses so: a folder named "<i>news" showed "news" in
    italics, and an <img> in a name would load. The path is shown as its characters."""
    folder = tmp_path / "<i>news <img src=x onerror=alert(1)>"
    folder.mkdir()
    path = folder / "events.csv"
    path.write_text("date,title,lat,lon\n2024-03-02,Protest,48.85,2.35\n", encoding="utf-8")
    open_and_wait(qtbot, window, path)
    ((_text, tooltip, status),) = listed(window)
    assert tooltip == str(path) == status
