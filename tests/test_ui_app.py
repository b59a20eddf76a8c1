"""Start-up: command-line arguments, the remembered session, and --screenshot as a user runs it."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt

from conftest import WORK_MS, drag_handle
from mapexplorer.cli import build_window_parser
from mapexplorer.formats import native
from mapexplorer.model.time import day_from_ymd
from mapexplorer.paths import bundled_catalogue
from mapexplorer.ui.app import StartupError, create_window


def args(*argv):
    return build_window_parser().parse_args(list(argv))


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_arguments_set_time_selection_and_size(qtbot, page_path):
    window = create_window(
        args("--at", "2015-09", "--select", "russia-syria-intervention", "--size", "1000x700"),
        None,
        page_path,
    )
    qtbot.addWidget(window)
    assert window.state.selected == "russia-syria-intervention"
    assert window.state.catalogue.event("russia-syria-intervention").time.overlaps(
        *window.state.window()
    )
    assert (window.width(), window.height()) == (1000, 700)
    window.close()


def test_the_status_line_names_the_bundled_article_not_its_installed_path(qtbot, page_path):
    """A newcomer's first sight was "30 events, 27 places — /home/…/site-packages/mapexplorer/
    geodata/russia-iran-partnership.geojson"."""
    window = create_window(args(), None, page_path)
    qtbot.addWidget(window)
    assert window.path == str(bundled_catalogue())
    assert window.statusBar().currentMessage() == "30 events, 27 places — the bundled article"
    window.close()


def test_an_explicit_at_wins_over_the_selections_date(qtbot, page_path, capsys):
    from mapexplorer.model.time import TimeSpan

    window = create_window(args("--at", "1800", "--select", "treaty-signing"), None, page_path)
    qtbot.addWidget(window)
    assert window.state.selected == "treaty-signing"  # selected, highlighted...
    assert window.state.time == TimeSpan.parse("1800").start  # ...but shown at 1800, as asked
    assert capsys.readouterr().err == ""
    window.close()
    alone = create_window(args("--select", "treaty-signing"), None, page_path)
    qtbot.addWidget(alone)
    treaty = alone.state.catalogue.event("treaty-signing")
    assert treaty.time.overlaps(*alone.state.window())  # no --at: the time goes to the event
    alone.close()


def test_an_at_outside_the_story_is_said_on_stderr(qtbot, page_path, capsys):
    window = create_window(args("--at", "3000"), None, page_path)
    qtbot.addWidget(window)
    err = capsys.readouterr().err
    assert err.startswith("mapexplorer: warning: --at 3000 is after the story's last date (")
    last = window.state.catalogue.time_range()[1]
    assert window.state.time == last
    window.close()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--at", "yesterday-ish"], "--at yesterday-ish"),
        (["--select", "no-such-event"], "no such event"),
        (["--size", "huge"], "WIDTHxHEIGHT"),
        (["/nonexistent/file.geojson"], "does not exist"),
    ],
)
def test_bad_arguments_are_explained(page_path, argv, message):
    with pytest.raises(StartupError, match=message):
        create_window(args(*argv), None, page_path)


@pytest.mark.parametrize(
    ("select", "suggested"),
    [
        ("treaty-signin", "; did you mean 'treaty-signing'? ("),  # mistyped
        ("Pezeshkian", "; did you mean 'treaty-signing'? ("),  # a word of its title
        ("no-such-thing", " (`"),  # nothing near: only how to list them
    ],
)
def test_a_wrong_select_suggests_the_id_meant_and_how_to_list_them(page_path, select, suggested):
    with pytest.raises(StartupError) as raised:
        create_window(args("--select", select), None, page_path)
    said = str(raised.value)
    assert said.startswith(f"--select {select}: no such event in the bundled article")
    assert suggested in said and said.endswith(
        "(`mapexplorer events --ids` lists every event's id)"
    )


def test_a_wrong_select_in_a_users_file_gives_the_command_that_lists_its_ids(page_path, tmp_path):
    table = tmp_path / "my events.csv"
    table.write_text("title,date,lat,lon\nTalks,2020-01-01,46.2,6.1\n", encoding="utf-8")
    with pytest.raises(StartupError) as raised:
        create_window(args(str(table), "--select", "summit"), None, page_path)
    assert str(raised.value) == (
        f"--select summit: no such event in {table} "
        f"(`mapexplorer events --ids '{table}'` lists every event's id)"
    )


def test_an_article_named_at_launch_is_imported_over_the_usual_window(tmp_path, bundled):
    from mapexplorer.ui.app import take_launch_article

    story = tmp_path / "story.txt"
    story.write_text(bundled.source.text, encoding="utf-8")
    table = tmp_path / "table.txt"
    table.write_text("Title\tDate\tPlace\nTalks\t2025-02-03\tVienna\n", encoding="utf-8")
    launch = args(str(story), "--at", "2015")
    assert take_launch_article(launch) == str(story)
    assert launch.file is None and launch.at == "2015"  # the window opens as with no file
    for kept in (args(str(table)), args(str(story), "--screenshot", "x.png"), args()):
        file = kept.file
        assert take_launch_article(kept) is None and kept.file == file


def test_a_reader_crash_is_a_startup_error_naming_the_file(page_path, monkeypatch, tmp_path):
    # Not a FormatError: a bug in a reader. The window must say so, not hang on its start thread.
    from mapexplorer.ui import loader

    def broken(path):
        raise ValueError("invalid literal for int() with base 10: 'XX'")

    monkeypatch.setattr(loader, "read_now", broken)
    path = tmp_path / "mine.geojson"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(StartupError, match=r"mine\.geojson: could not be opened \(ValueError"):
        create_window(args(str(path)), None, page_path)


def test_a_launch_file_with_rows_left_out_shows_the_report(qtbot, page_path, tmp_path, capsys):
    from mapexplorer.ui.app import build_window, plan_start, report_read

    path = tmp_path / "points.csv"
    path.write_text(
        "title,date,lat,lon\nKept,2020-01-01,10,20\nOff the globe,2020-01-02,95,20\n",
        encoding="utf-8",
    )
    plan = plan_start(args(str(path)), None, None)
    window = build_window(plan, args(str(path)), None, page_path)
    qtbot.addWidget(window)
    window.show()
    report_read(window, plan, interactive=True)
    assert window.report_dialog.isVisible()  # as File ▸ Open shows it
    assert "latitude 95" in window.report_dialog.text.toPlainText()
    assert "points.csv: 1 of 2 rows could not be read" in capsys.readouterr().err
    window.close()


def test_an_ambiguous_launch_file_asks_as_file_open_does(qtbot, page_path, tmp_path, monkeypatch):
    from mapexplorer.ui.app import build_window, plan_start, report_read

    path = tmp_path / "when.csv"
    path.write_text("title,date,lat,lon\nA,03/04/2025,1,1\nB,05/06/2025,2,2\n", encoding="utf-8")
    plan = plan_start(args(str(path)), None, None)
    assert plan.ask_fields and plan.catalogue.events  # shown read one way meanwhile
    window = build_window(plan, args(str(path)), None, page_path)
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(window, "_ask_fields", lambda p, guess: asked.append(p))  # cancels
    report_read(window, plan, interactive=True)
    qtbot.waitUntil(lambda: asked == [str(path)], timeout=WORK_MS)  # asked from the loader
    window.close()


@pytest.mark.parametrize("named", [False, True])
def test_an_ambiguous_file_opens_at_launch_as_the_user_answered(
    qtbot, page_path, settings, tmp_path, named
):
    """The last session's ambiguous CSV, reopened (or named again): read as the user answered
    in File ▸ Open, not as guessed, and without asking again."""
    from dataclasses import replace

    from mapexplorer.formats.field_memory import choice_key, choice_to_settings
    from mapexplorer.formats.opener import guess_fields

    path = tmp_path / "when.csv"
    path.write_text("title,date,lat,lon\nA,03/04/2025,1,1\nB,05/06/2025,2,2\n", encoding="utf-8")
    guess = guess_fields(path)
    assert guess.ambiguous and guess.choice.date_order == "dmy"
    settings.setValue(
        choice_key(guess), choice_to_settings(replace(guess.choice, date_order="mdy"))
    )
    settings.setValue("last_file", str(path))
    window = create_window(args(str(path)) if named else args(), settings, page_path)
    qtbot.addWidget(window)
    assert window.path == str(path)
    starts = sorted(e.time.start for e in window.state.catalogue.events)
    assert starts == [day_from_ymd(2025, 3, 4), day_from_ymd(2025, 5, 6)]  # month first
    window.close()


def test_a_remembered_year_month_and_day_choice_comes_back(tmp_path):
    from mapexplorer.formats.field_memory import choice_from_settings, choice_to_settings
    from mapexplorer.formats.opener import guess_fields

    path = tmp_path / "ymd.csv"
    path.write_text("title,year,month,day,lat,lon\nA,1914,6,28,1,1\n", encoding="utf-8")
    guess = guess_fields(path)
    assert choice_from_settings(guess, choice_to_settings(guess.choice)) == guess.choice
    before = '{"time": ["year", "", "year"], "date_order": "dmy"}'  # remembered before them
    assert choice_from_settings(guess, before).time.fields == ("year",)
    ends = tmp_path / "timeline.csv"
    ends.write_text(
        "Year,Month,Day,End Year,End Month,End Day,Headline,Location\n"
        "1914,7,28,1918,11,11,War,Belgium\n",
        encoding="utf-8",
    )
    guess = guess_fields(ends)
    assert guess.choice.time.end_day_field == "End Day"
    assert choice_from_settings(guess, choice_to_settings(guess.choice)) == guess.choice


def test_a_size_too_small_for_the_controls_is_said(qtbot, page_path, capsys):
    window = create_window(args("--size", "400x300"), None, page_path)
    qtbot.addWidget(window)
    assert "--size 400x300: the window's controls need more room" in capsys.readouterr().err
    window.close()
    window = create_window(args("--size", "1280x800"), None, page_path)
    qtbot.addWidget(window)
    assert "warning" not in capsys.readouterr().err
    window.close()


def test_the_last_session_is_remembered(qtbot, page_path, settings, tmp_path, bundled):
    copy = tmp_path / "mine.geojson"
    native.save(bundled, copy)
    first = create_window(args(str(copy)), settings, page_path)
    qtbot.addWidget(first)
    first.show()
    first.state.set_time(day_from_ymd(1979, 6, 1))
    first.top.setSizes([700, 580])
    sizes = first.top.sizes()
    first.close()
    assert settings.value("last_file") == str(copy)

    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.path == str(copy)
    assert second.state.time == day_from_ymd(1979, 6, 1)
    assert second.size() == first.size()
    qtbot.waitUntil(lambda: abs(second.top.sizes()[0] - sizes[0]) <= 2, timeout=5000)
    second.close()


def test_the_width_chosen_in_the_box_is_remembered(qtbot, page_path, settings, tmp_path):
    """A user who chose "1 year" and launched again got ten years back; now the width comes
    back, and a story too short for it still opens whole and then scrubs at its own width."""
    first = create_window(args(), settings, page_path)
    qtbot.addWidget(first)
    combo = first.timeline.window_combo
    assert first.state.window_days == 3653
    for _ in range(2):  # chosen from the keyboard, as a user may: 5 years, then 1 year
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == "1 year" and first.state.window_days == 365
    first.state.choose_era("cold-war")  # a chapter's width is not a width chosen
    first.close()

    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    assert second.state.window_days == 365
    assert second.timeline.window_combo.currentText() == "1 year"
    second.close()

    week = tmp_path / "week.csv"
    week.write_text(
        "title,date,lat,lon\n" + "".join(f"Day {d},2024-03-0{d},48.85,2.35\n" for d in range(1, 10))
    )
    third = create_window(args(str(week)), settings, page_path)
    qtbot.addWidget(third)
    assert third.state.window_days == 9  # whole
    assert third.timeline.window_combo.currentText() == "Whole story"
    third.state.step_event(-1)
    assert third.state.window_days == 1  # a year would show the whole week at every time
    third.close()
    assert int(settings.value("view/window_days")) == 365  # still the user's choice

    # The width shown already, picked again, is remembered too (nothing changed on screen).
    fourth = create_window(args(), settings, page_path)
    qtbot.addWidget(fourth)
    combo = fourth.timeline.window_combo
    combo.setCurrentIndex(combo.findData(3653))  # moved by the program: not a choice
    fourth.close()
    assert int(settings.value("view/window_days")) == 365
    fifth = create_window(args(), settings, page_path)
    qtbot.addWidget(fifth)
    combo = fifth.timeline.window_combo
    combo.setCurrentIndex(combo.findData(3653))
    combo.activated.emit(combo.currentIndex())  # as the list does when "10 years" is clicked
    fifth.close()
    assert int(settings.value("view/window_days")) == 3653


def test_the_whole_story_chosen_is_remembered(qtbot, page_path, settings):
    """ "All eras" (or the width box's "Whole story") chosen, the next launch gave ten years
    back; now it opens whole, until the time moves, which gives back the width chosen before."""
    first = create_window(args(), settings, page_path)
    qtbot.addWidget(first)
    story = first.state.story_days()
    assert story > 2 * 3653 and first.state.window_days == 3653
    first.state.show_whole_story()  # by the program (as a short story opens): not a choice
    first.close()
    assert settings.value("view/window_days") is None

    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    assert second.state.window_days == 3653
    second.chapter_box.activated.emit(0)  # "All eras", picked from its list
    assert second.state.window_days == story
    second.close()
    assert int(settings.value("view/window_days")) == 0  # the whole story

    third = create_window(args(), settings, page_path)
    qtbot.addWidget(third)
    assert third.state.window_days == story
    assert third.timeline.window_combo.currentText() == "Whole story"
    assert len(third.state.visible_events()) == len(third.state.catalogue.events)
    combo = third.timeline.window_combo
    combo.activated.emit(combo.findData(365))  # "1 year", picked: the whole story is left
    third.state.step_event(-1)
    assert third.state.window_days == 365
    # "Whole story" picked in the width box, then the time moved: "1 year" comes back, and
    # stays the choice.
    third.state.show_whole_story()
    combo.activated.emit(combo.findText("Whole story"))
    assert int(third.state.chosen_window_days) == 0
    third.state.step_event(-1)
    assert third.state.window_days == 365
    third.close()
    assert int(settings.value("view/window_days")) == 365

    fourth = create_window(args(), settings, page_path)
    qtbot.addWidget(fourth)
    assert fourth.state.window_days == 365
    fourth.close()


def test_cumulative_mode_leaves_the_whole_story_for_the_next_launch_too(qtbot, page_path, settings):
    """The whole story chosen, then Cumulative, then closed: the next launch opened whole, in
    window mode, a view left behind. Cumulative leaves the whole story, as moving the time
    does: the width from before comes back, now and at the next launch (in Cumulative, the
    mode chosen)."""
    first = create_window(args(), settings, page_path)
    qtbot.addWidget(first)
    combo = first.timeline.window_combo
    combo.activated.emit(combo.findData(365))  # "1 year", picked
    first.chapter_box.activated.emit(0)  # "All eras"
    assert first.state.window_days == first.state.story_days()
    mode = first.timeline.mode_combo
    mode.setCurrentIndex(mode.findData("cumulative"))  # as picked from its list
    assert first.state.mode.value == "cumulative"
    first.close()
    assert int(settings.value("view/window_days")) == 365

    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    assert second.state.mode.value == "cumulative"
    assert second.state.window_days == 365
    assert second.timeline.window_combo.currentText() == "1 year"
    mode = second.timeline.mode_combo
    mode.setCurrentIndex(mode.findData("window"))
    assert second.timeline.window_combo.currentText() == "1 year"  # not the whole story
    second.close()


def test_the_width_before_the_whole_story_comes_back_at_the_next_launch(qtbot, page_path, settings):
    """ "1 year", then "All eras", then closed: the next launch opened whole, and Cumulative
    (or a move of the time) then gave the story's fitting ten years, not the year the user
    had. The width before the whole story is kept with it."""
    first = create_window(args(), settings, page_path)
    qtbot.addWidget(first)
    combo = first.timeline.window_combo
    combo.activated.emit(combo.findData(365))  # "1 year", picked
    first.chapter_box.activated.emit(0)  # "All eras"
    first.close()

    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    assert second.state.window_days == second.state.story_days()  # whole, as chosen
    mode = second.timeline.mode_combo
    mode.setCurrentIndex(mode.findData("cumulative"))  # as picked from its list
    mode.setCurrentIndex(mode.findData("window"))
    assert second.state.window_days == 365
    assert second.timeline.window_combo.currentText() == "1 year"
    second.close()
    assert int(settings.value("view/window_days")) == 365

    third = create_window(args(), settings, page_path)
    qtbot.addWidget(third)
    third.chapter_box.activated.emit(0)  # "All eras" again, then a move of the time
    third.close()
    fourth = create_window(args(), settings, page_path)
    qtbot.addWidget(fourth)
    fourth.state.step_event(-1)
    assert fourth.state.window_days == 365
    fourth.close()


def test_the_mode_chosen_in_the_box_is_remembered(qtbot, page_path, settings, tmp_path):
    """A user who chose Cumulative and launched again got Window back, though the width they
    chose came back: now the mode does too, by the same rules (a chapter's window mode is not
    a choice; a screenshot shows what its arguments ask for; a value that is no mode is
    left out)."""
    first = create_window(args(), settings, page_path)
    qtbot.addWidget(first)
    assert first.state.mode.value == "window"
    mode = first.timeline.mode_combo
    assert mode.currentText() == "Window"
    qtbot.keyClick(mode, Qt.Key.Key_Down)  # chosen from the keyboard
    assert first.state.mode.value == "cumulative"
    first.close()
    assert settings.value("view/time_mode") == "cumulative"

    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    assert second.state.mode.value == "cumulative"
    assert second.timeline.mode_combo.currentText() == "Cumulative"
    assert not second.timeline.window_combo.isEnabled()  # no width to choose in it
    shown = second.state.visible_events()
    assert shown and all(e.time.start <= second.state.time for e in shown)
    second.state.choose_era("cold-war")  # Window, for the chapter: not a mode chosen
    assert second.state.mode.value == "window"
    second.close()
    assert settings.value("view/time_mode") == "cumulative"

    # Another file named at launch opens in it too, as it opens with the width chosen.
    week = tmp_path / "week.csv"
    week.write_text(
        "title,date,lat,lon\n" + "".join(f"Day {d},2024-03-0{d},48.85,2.35\n" for d in range(1, 10))
    )
    third = create_window(args(str(week)), settings, page_path)
    qtbot.addWidget(third)
    assert third.state.mode.value == "cumulative"
    assert len(third.state.visible_events()) == 9  # at the last day: all of them so far
    third.close()

    screenshot = create_window(args(), None, page_path)  # what a --screenshot launch gets
    qtbot.addWidget(screenshot)
    assert screenshot.state.mode.value == "window"
    screenshot.close()

    settings.setValue("view/time_mode", "sideways")  # a settings file edited by hand
    fourth = create_window(args(), settings, page_path)
    qtbot.addWidget(fourth)
    assert fourth.state.mode.value == "window"
    mode = fourth.timeline.mode_combo
    mode.setCurrentIndex(mode.findData("window"))  # moved by the program: not a choice
    fourth.close()
    assert settings.value("view/time_mode") is None


def test_a_broken_installation_says_so_in_a_box_too(qtbot, tmp_path, monkeypatch, capsys):
    """Launched from a menu there is no terminal for the line a broken install prints: the
    window command shows it in a box as well (a screenshot does not: see test_cli)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mapexplorer import cli, paths

    package = tmp_path / "site" / "mapexplorer"  # as installed, without its resources/
    package.mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE", package)
    said = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        said.append((box.windowTitle(), box.text()))
        box.close()

    QTimer.singleShot(0, read_and_close)
    assert cli.main([]) == cli.EXIT_BROKEN_INSTALLATION
    reason = f"this installation is broken: {package / 'resources'} is missing; reinstall"
    assert said == [("Map Explorer could not start", f"T{reason[1:]} Map Explorer.")]
    assert capsys.readouterr().err == f"mapexplorer: {reason} Map Explorer\n"


def test_a_file_named_relative_to_the_folder_is_remembered_wherever_the_next_launch_is(
    qtbot, page_path, settings, tmp_path, bundled, monkeypatch
):
    """`mapexplorer mine.geojson` in its folder: the next launch, from any folder, reopens it."""
    (tmp_path / "here").mkdir()
    native.save(bundled, tmp_path / "here" / "mine.geojson")
    monkeypatch.chdir(tmp_path / "here")
    first = create_window(args("mine.geojson"), settings, page_path)
    qtbot.addWidget(first)
    first.close()
    assert settings.value("last_file") == str(tmp_path / "here" / "mine.geojson")
    monkeypatch.chdir(tmp_path)  # another folder, holding a file of that name too
    native.save(bundled, tmp_path / "mine.geojson")
    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    assert second.path == str(tmp_path / "here" / "mine.geojson")
    second.close()


def test_the_event_lists_columns_are_remembered(qtbot, page_path, settings):
    from mapexplorer.ui.event_list import EventTableModel

    first = create_window(args(), settings, page_path)
    qtbot.addWidget(first)
    first.event_list.show_column(EventTableModel.ACTORS)
    first.event_list.show_column(EventTableModel.PLACES, False)
    first.close()

    second = create_window(args(), settings, page_path)
    qtbot.addWidget(second)
    table = second.event_list.table
    assert not table.isColumnHidden(EventTableModel.ACTORS)
    assert table.isColumnHidden(EventTableModel.PLACES)
    assert not table.isColumnHidden(EventTableModel.DATE)
    second.close()


def test_a_handle_dragged_too_far_never_hides_the_slider_or_the_panels(qtbot, page_path, settings):
    """Dragging the slider's handle down (or the side panels' right) past their least size
    hid them altogether behind a handle a pixel or two wide, and the next launch opened so.
    They stop at their least size now, and a layout saved with one hidden shows it again."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QSplitter, QWidget

    window = create_window(args(), settings, page_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for splitter, far in ((window.main, QPoint(0, 600)), (window.top, QPoint(1200, 0))):
        drag_handle(qtbot, splitter, 1, far)
        panel = splitter.widget(1)
        assert splitter.sizes()[1] > 0 and panel.isVisible()
        least = panel.minimumSizeHint()
        grown = least.height() if splitter is window.main else least.width()
        assert splitter.sizes()[1] >= grown
    # A layout remembered with the slider hidden (as earlier versions let it be).
    old = QSplitter(Qt.Orientation.Vertical)
    qtbot.addWidget(old)
    old.addWidget(QWidget())
    old.addWidget(QWidget())
    old.resize(400, 700)
    old.setSizes([700, 0])
    assert old.sizes()[1] == 0
    window.close()
    settings.setValue("splitter/main", old.saveState())
    again = create_window(args(), settings, page_path)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.main.sizes()[1] >= again.timeline.minimumSizeHint().height()
    again.close()


def test_a_vanished_last_file_falls_back_to_the_bundled_article(qtbot, page_path, settings):
    settings.setValue("last_file", "/nonexistent/gone.geojson")
    window = create_window(args(), settings, page_path)
    qtbot.addWidget(window)
    assert window.path == str(bundled_catalogue())
    window.close()


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ("deleted", "is no longer there (moved, renamed or deleted)"),
        ("emptied", "could not be read again ({last}: the file is empty)"),
        ("garbled", "could not be read again ({last}:"),
    ],
)
def test_a_last_file_gone_or_broken_opens_the_bundled_article_saying_so_once(
    qtbot, page_path, settings, tmp_path, capsys, how, said
):
    """The article opened in place of the user's file without a word: they were left to
    wonder where their work had gone, launch after launch."""
    from mapexplorer.ui.app import build_window, plan_start, report_read

    last = tmp_path / "my story.geojson"
    if how == "emptied":
        last.write_bytes(b"")
    elif how == "garbled":
        last.write_text("{ not json", encoding="utf-8")
    settings.setValue("last_file", str(last))
    settings.setValue("last_time", 12345)
    plan = plan_start(args(), str(last), 12345)
    window = build_window(plan, args(), settings, page_path)
    qtbot.addWidget(window)
    window.show()
    report_read(window, plan, interactive=True)
    assert window.path == str(bundled_catalogue()) and window.state.catalogue.events
    box = window.error_box
    assert box.isVisible() and box.windowTitle() == "The last file was not reopened"
    assert said.format(last=last) in box.text() and str(last) in box.text()
    assert box.text().endswith("the bundled article is open instead.")
    err = capsys.readouterr().err
    assert err.startswith("mapexplorer: warning: The file open last time") and err.count("\n") == 1
    # Said once: the next launch opens the article without a word.
    assert settings.value("last_file") is None and settings.value("last_time") is None
    assert plan_start(args(), settings.value("last_file"), None).last_file_lost is None
    box.close()
    window.close()


def test_the_bundled_article_of_an_earlier_installation_reopens_quietly(tmp_path):
    from mapexplorer.ui.app import plan_start

    moved = tmp_path / "old-venv" / "mapexplorer" / "geodata" / bundled_catalogue().name
    plan = plan_start(args(), str(moved), None)
    assert plan.path == str(bundled_catalogue()) and plan.last_file_lost is None


def test_a_settings_file_with_values_of_the_wrong_type_still_opens(qtbot, page_path, tmp_path):
    """Hand-edited (or another version's) settings: each bad value is left out, the rest kept."""
    path = tmp_path / "edited.ini"
    path.write_text(
        "[General]\ngeometry=hello\nsize=notasize\nlast_time=abc\n"
        "[splitter]\nmain=3\ntop=@Size(1 2)\n"
    )
    edited = QSettings(str(path), QSettings.Format.IniFormat)
    window = create_window(args(), edited, page_path)
    qtbot.addWidget(window)
    assert window.path == str(bundled_catalogue())
    assert window.size().width() == 1280 and window.size().height() == 800
    window.close()


def _run(cmd, tmp_path, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)


def _no_network_prefix():
    """`unshare -n` runs a command with no network at all, when this machine allows it."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        return ["unshare", "-n"]
    return []


@pytest.mark.parametrize("event", ["treaty-signing", "shahed-drone-deal"])
def test_screenshot_offline(tmp_path, event):
    from PIL import Image

    png = tmp_path / "window.png"
    cmd = [*_no_network_prefix(), sys.executable, "-m", "mapexplorer", "--screenshot", str(png)]
    cmd += ["--select", event]
    result = _run(cmd, tmp_path)
    assert result.returncode == 0, result.stderr
    # Again with the page cached, as users start: the page is ready before the window is laid
    # out, and a selection then flew to a zoom worked out from no size (NaN, a page error).
    result = _run(cmd, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Uncaught" not in result.stderr, result.stderr
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 800)
    # A drawn map has the sea, the land and the event colours: many distinct colours.
    assert len(image.resize((320, 200)).getcolors(maxcolors=100000) or []) > 200


def test_a_launch_imports_neither_numpy_ma_nor_folium(tmp_path):
    """Start-up counts (issue #4): numpy.ma (~40-100 ms; `np.unique` and `np.median` import
    it), folium (~0.4 s; the map page is built once and cached) and urllib.request (~25 ms
    before Chromium starts: http.client, email, ssl; only a `file://` argument needs it) have
    no part in a launch."""
    cmd = [sys.executable, "-X", "importtime", "-m", "mapexplorer"]
    cmd += ["--screenshot", str(tmp_path / "window.png")]
    for _ in range(2):  # the first builds the page (folium), the second is a user's launch
        result = _run(cmd, tmp_path)
        assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {"numpy", "shapely", "mapexplorer.mappage.messages"} <= imported  # it did measure
    assert not {"numpy.ma", "folium", "branca", "jinja2", "urllib.request"} & imported


def test_screenshot_of_a_broken_file_fails_clearly(tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text("{ not json", encoding="utf-8")
    result = _run(
        [sys.executable, "-m", "mapexplorer", str(broken), "--screenshot", str(tmp_path / "x.png")],
        tmp_path,
    )
    assert result.returncode == 2
    assert "broken.geojson" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("missing/deeper/x.png", "{tmp}/missing/deeper/x.png: cannot write the file: the folder "
         "{tmp}/missing does not exist"),
        ("notes.txt/x.png", "{tmp}/notes.txt/x.png: cannot write the file: {tmp}/notes.txt is "
         "a file, not a folder"),
        ("window", "--screenshot {tmp}/window: cannot tell the picture format from the name; "
         "end it with .png"),
        ("window.gif", "--screenshot {tmp}/window.gif: cannot save a picture as .gif"),
    ],
)  # fmt: skip
def test_a_screenshot_that_cannot_be_saved_fails_at_once_saying_why(tmp_path, name, said):
    """It drew the whole window, then said only "could not write the screenshot" (exit 1)."""
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    cmd = [sys.executable, "-m", "mapexplorer", "--screenshot", str(tmp_path / name)]
    result = _run(cmd, tmp_path)
    assert result.returncode == 2, result.stderr
    assert f"mapexplorer: {said.format(tmp=tmp_path)}" in result.stderr
    assert "Traceback" not in result.stderr and "saved" not in result.stdout
    assert sorted(tmp_path.iterdir()) == before  # nothing written (the cache is made later)


def test_a_screenshot_is_written_whole_or_not_at_all(qapp, tmp_path):
    from PIL import Image
    from PySide6.QtGui import QColor, QPixmap

    from mapexplorer.ui.app import save_screenshot

    path = tmp_path / "window.png"
    path.write_bytes(b"the previous screenshot")
    assert save_screenshot(QPixmap(), str(path)) == f"{path}: Qt could not make the picture"
    assert path.read_bytes() == b"the previous screenshot"  # kept, not emptied
    picture = QPixmap(320, 200)
    picture.fill(QColor("#336699"))
    assert save_screenshot(picture, str(path)) is None
    assert Image.open(path).size == (320, 200)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["window.png"]  # no temporary left


def test_ctrl_c_calls_back_from_the_event_loop_and_then_lets_go(qtbot):
    import signal

    from mapexplorer.ui.interrupt import interrupt_calls

    before = signal.getsignal(signal.SIGINT)
    calls = []
    with interrupt_calls(lambda: calls.append("stop")):
        os.kill(os.getpid(), signal.SIGINT)  # as Ctrl+C in the terminal
        qtbot.waitUntil(lambda: calls == ["stop"], timeout=5000)
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_in_the_terminal_closes_the_window_keeping_the_session(qtbot, tmp_path):
    """Ctrl+C did nothing: Qt's event loop never let Python's handler run."""
    import signal

    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    env["XDG_CACHE_HOME"] = str(home / "cache")
    launch = subprocess.Popen(
        [sys.executable, "-m", "mapexplorer", "--at", "2015"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The window has its file when it keeps the map for the next launch's preview.
        qtbot.waitUntil(
            lambda: any((home / "cache").glob("*/page-*/launch-preview-*")), timeout=60000
        )
        launch.send_signal(signal.SIGINT)
        _out, err = launch.communicate(timeout=30)
    finally:
        launch.kill()
    assert launch.returncode == 130, err
    assert "Traceback" not in err
    kept = QSettings(str(home / "config" / "MapExplorer" / "Map Explorer.conf"),
                     QSettings.Format.IniFormat)  # fmt: skip
    assert kept.value("last_file") == str(bundled_catalogue())  # closed as the window closes
    assert int(kept.value("last_time")) == day_from_ymd(2015, 1, 1)  # --at 2015


def test_a_file_with_an_unplaceable_date_exits_clearly_and_never_hangs(tmp_path):
    doc = native.to_geojson(native.load(bundled_catalogue()))
    first = doc["features"][0]["properties"]["event_id"]
    for feature in doc["features"]:  # every place of the first event
        if feature["properties"]["event_id"] == first:
            feature["properties"]["date"] = "2004-XX-11"
    path = tmp_path / "xx.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    cmd = [sys.executable, "-m", "mapexplorer", str(path), "--screenshot", str(tmp_path / "x.png")]
    for _ in range(3):  # a crash in Qt's teardown after the error came one run in five
        result = _run(cmd, tmp_path)
        assert result.returncode == 2, result.stderr
        assert "xx.geojson" in result.stderr and "2004-XX-11" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_page_loaded_before_the_window_still_frames_the_story(qtbot, page_path, bundled):
    """The app loads the page in a hidden view first (a faster start); the framing must then
    be redone at the window's real size, not left as computed for the hidden one."""
    from mapexplorer.ui.main_window import MainWindow
    from mapexplorer.ui.map_view import QtMapView

    early = QtMapView(None, page_path)
    qtbot.waitUntil(lambda: early.is_ready, timeout=30000)
    window = MainWindow(bundled, "bundled.geojson", page_path, None, early)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.map_view.frame_drawn, timeout=30000):
        window.show()
    zooms = []

    def framed() -> bool:
        # The page learns its real size a moment after it is shown: ask until it has reframed.
        window.map_view.run_js("MapExplorer.zoom()", zooms.append)
        return bool(zooms) and zooms[-1] >= 3  # the Middle East and Europe, not the world

    qtbot.waitUntil(framed, timeout=WORK_MS)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are Linux's question")
def test_the_window_without_a_display_says_so_instead_of_aborting(tmp_path):
    """Over SSH or in a container, Qt aborted (exit 134) about its "xcb" plugin."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    cmd = [sys.executable, "-m", "mapexplorer"]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("mapexplorer: there is no display to open the window on")
    assert "xcb" not in result.stderr and "Traceback" not in result.stderr
    # A screenshot needs none.
    shot = subprocess.run(
        [*cmd, "--screenshot", str(tmp_path / "w.png")], env=env, capture_output=True, timeout=120
    )
    assert shot.returncode == 0 and (tmp_path / "w.png").is_file()


def test_qt_environment_as_root_and_without_display(monkeypatch):
    """Chromium will not start as root with its sandbox; a render-only run needs no display."""
    import sys

    from mapexplorer.ui import qt_environment

    monkeypatch.setattr(sys, "platform", "linux")
    names = ("QTWEBENGINE_DISABLE_SANDBOX", "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    for name in (*names, "QT_QUICK_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(qt_environment.os, "geteuid", lambda: 1000)
    qt_environment.prepare(offscreen_without_display=False)
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in os.environ
    assert "QT_QPA_PLATFORM" not in os.environ
    assert "QT_QUICK_BACKEND" not in os.environ  # a real display may have a GPU: Qt decides

    monkeypatch.setattr(qt_environment.os, "geteuid", lambda: 0)
    qt_environment.prepare(offscreen_without_display=True)
    assert os.environ["QTWEBENGINE_DISABLE_SANDBOX"] == "1"
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    assert os.environ["QT_QUICK_BACKEND"] == "software"  # no GPU offscreen: no GL attempt
    monkeypatch.delenv("QT_QUICK_BACKEND")

    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("DISPLAY", ":0")
    qt_environment.prepare(offscreen_without_display=True)
    assert "QT_QPA_PLATFORM" not in os.environ  # a display: the real window system
    assert "QT_QUICK_BACKEND" not in os.environ


def test_the_window_modules_need_neither_numpy_nor_shapely():
    """The window opens before its file is read (`ui.app.run_app`): its modules must not pull
    in numpy and shapely (~0.1 s), which the reading thread imports meanwhile."""
    code = (
        "import sys, PySide6.QtWebEngineWidgets, mapexplorer.ui.main_window; "
        "print(sorted(m for m in ('numpy', 'shapely') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_pyside_reads_the_source_only_of_modules_that_may_use_it(tmp_path, monkeypatch):
    """PySide6's import hook reads every later module's source for `__feature__`: not for
    numpy, shapely, the standard library or our Qt-free layers (~50 ms at launch)."""
    import types

    from mapexplorer.ui import qt_environment

    qt_environment.start_webengine(offscreen_without_display=True)
    scan = sys.modules["PySide6.support.feature"]._mod_uses_pyside
    assert scan.skips_plain_modules
    read = []
    monkeypatch.setattr("inspect.getsource", lambda module: read.append(module) or "")
    for name in ("numpy.linalg", "shapely", "json", "mapexplorer.model.catalogue"):
        assert scan(types.ModuleType(name)) is False
    assert read == []
    # Any other module is still read, and one that names PySide6 still counts as using it.
    tool = tmp_path / "some_tool.py"
    tool.write_text("from PySide6 import QtCore\n", encoding="utf-8")
    monkeypatch.undo()
    module = types.ModuleType("some_tool")
    module.__file__ = str(tool)
    assert scan(module) is True


def test_the_empty_window_at_launch_needs_neither_numpy_nor_shapely(page_path):
    """Nor does building and showing the empty window, nor its page becoming ready (the theme
    is sent then): numpy imported on the GUI thread (~80 ms) holds up Chromium's browser side,
    which loads the map page meanwhile, and while the reading thread imports it too it failed
    one launch in ~30 under load ("partially initialized module
    'numpy._core._multiarray_umath'"), the launch file then said to be unreadable."""
    code = (
        "import sys, argparse\n"
        "from mapexplorer.ui.qt_environment import start_webengine\n"
        "start_webengine(offscreen_without_display=True)\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from mapexplorer.model import Catalogue\n"
        "from mapexplorer.ui.app import make_window\n"
        "def loaded():\n"
        "    return sorted(m for m in ('numpy', 'shapely') if m in sys.modules)\n"
        "args = argparse.Namespace(size=None)\n"
        "window = make_window(Catalogue([], {}), '', (1280, 800), args, None, sys.argv[1])\n"
        "window.show_opening('article.geojson')\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(loaded(), flush=True)\n"
        "loop = QEventLoop()\n"
        "window.map_view.ready.connect(loop.quit)\n"
        "QTimer.singleShot(30000, loop.quit)\n"
        "if not window.map_view.is_ready:\n"
        "    loop.exec()\n"
        "app.processEvents()\n"
        "print(window.map_view.is_ready, loaded(), flush=True)\n"
        "import os; os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(page_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-2:] == ["[]", "True []"]


# Holds a launch thread at a chosen import, as a slow disk or a busy machine may: the window's
# modules thread as it creates `mapexplorer.model` (its lock taken, the module not yet in
# sys.modules), the reading thread just before it imports `mapexplorer.model.time` (a module of
# that package) directly. (Not in `find_spec`: the finders run under the global import lock.)
_HELD_IMPORTS = """
import importlib.machinery, sys, threading, time
HOLD = {
    ("window-modules", "mapexplorer.model"): 0.6,
    ("start-plan", "mapexplorer.formats.errors"): 0.2,
}
class HeldLoader:
    def __init__(self, loader, delay):
        self.loader, self.delay = loader, delay
    def create_module(self, spec):
        time.sleep(self.delay)
        return self.loader.create_module(spec)
    def exec_module(self, module):
        self.loader.exec_module(module)
    def __getattr__(self, name):
        return getattr(self.loader, name)
class Hold:
    def find_spec(self, name, path=None, target=None):
        delay = HOLD.get((threading.current_thread().name, name))
        if delay is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        spec.loader = HeldLoader(spec.loader, delay)
        return spec
sys.meta_path.insert(0, Hold())
from mapexplorer.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_launch_threads_never_deadlock_importing_one_package(tmp_path):
    """The window's modules and the launch file are imported on two threads at once: one
    running a package's `__init__` while the other imports a module of the package directly
    deadlocked ("could not start (_DeadlockError: deadlock detected by
    _ModuleLock('mapexplorer.model.time'))", exit 1, no window), about one launch in 30."""
    from mapexplorer.mappage.page_builder import ensure_page

    ensure_page(tmp_path / "cache" / "mapexplorer")  # built, as at every launch but the first
    shot = tmp_path / "x.png"
    result = _run([sys.executable, "-c", _HELD_IMPORTS, "--screenshot", str(shot)], tmp_path)
    assert "Deadlock" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    assert shot.exists()


def test_a_window_opened_before_its_file_ends_as_one_opened_with_it(qtbot, page_path):
    """At launch the window opens empty ("Opening …"), then the plan fills it: the result must
    be the window `build_window` makes in one go, map included."""
    from conftest import page_js
    from mapexplorer.model import Catalogue
    from mapexplorer.ui.app import apply_plan, build_window, make_window, plan_start

    argv = args("--at", "2015-09", "--select", "russia-syria-intervention")
    plan = plan_start(argv, None, None)
    empty = make_window(Catalogue([], {}), "", plan.size, argv, None, page_path)
    qtbot.addWidget(empty)
    empty.show_opening(plan.path)
    empty.show()
    assert empty.windowTitle() == "Map Explorer"
    assert empty.statusBar().currentMessage() == "Opening the bundled article…"
    assert empty.progress_bar.isVisible()
    qtbot.waitUntil(lambda: empty.map_view.is_ready, timeout=30000)
    assert page_js(empty.map_view, qtbot, "MapExplorer.visibleCount()") == 0  # the base map only
    with qtbot.waitSignal(empty.map_view.frame_drawn, timeout=30000):
        empty.end_progress()
        apply_plan(empty, plan, argv)
    whole = build_window(plan_start(argv, None, None), argv, None, page_path)
    qtbot.addWidget(whole)
    with qtbot.waitSignal(whole.map_view.frame_drawn, timeout=30000):
        whole.show()
    for window in (empty, whole):
        qtbot.waitUntil(
            lambda w=window: page_js(w.map_view, qtbot, "MapExplorer.selectedEventId()") is not None
        )
    assert not empty.progress_bar.isVisible()
    assert empty.windowTitle() == whole.windowTitle()
    assert empty.path == whole.path == plan.path
    assert (empty.state.time, empty.state.selected) == (whole.state.time, whole.state.selected)
    assert empty.event_list.model.rowCount() == whole.event_list.model.rowCount()
    drawn = "MapExplorer.drawnEventIds()"
    assert page_js(empty.map_view, qtbot, drawn) == page_js(whole.map_view, qtbot, drawn)
    empty.close()
    whole.close()


def test_closing_a_window_before_its_file_is_read_keeps_the_last_session(
    qtbot, page_path, settings
):
    from mapexplorer.model import Catalogue
    from mapexplorer.ui.app import make_window

    remembered = str(bundled_catalogue())
    settings.setValue("last_file", remembered)
    settings.setValue("last_time", 12345)
    window = make_window(Catalogue([], {}), "", (1000, 700), args(), settings, page_path)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert settings.value("last_file") == remembered
    assert int(settings.value("last_time")) == 12345


def test_the_controls_of_a_window_still_opening_do_nothing_harmful(qtbot, page_path):
    """Between the window opening and its file being read, a user may already click: the
    chapter box, play, fit all, a typed date, the mode. Nothing may raise."""
    from PySide6.QtCore import Qt

    from mapexplorer.model import Catalogue
    from mapexplorer.ui.app import make_window

    window = make_window(Catalogue([], {}), "", (1000, 700), args(), None, page_path)
    qtbot.addWidget(window)
    window.show_opening("/somewhere/story.geojson")
    window.show()
    window._chapter_chosen(0)  # "All eras"
    window.timeline.toggle_play()
    assert not window.timeline.is_playing()
    window.map_view.fit_all()
    window.timeline.go_to_date("2020")
    window.state.set_mode("cumulative")
    qtbot.keyClick(window.timeline.track, Qt.Key.Key_Right)
    qtbot.mouseClick(window.timeline.track, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "Map Explorer"
    window.close()


@pytest.fixture
def opening_window(qtbot, page_path):
    """A window as launch opens it: empty, "Opening …", its file not read yet."""
    from mapexplorer.model import Catalogue
    from mapexplorer.ui.app import make_window

    window = make_window(Catalogue([], {}), "", (1000, 700), args(), None, page_path)
    qtbot.addWidget(window)
    window.show_opening(str(bundled_catalogue()))
    window.show()
    yield window
    window.close()


def test_a_launch_file_that_fails_after_the_user_opened_another_only_warns(
    opening_window, bundled, capsys
):
    from mapexplorer.ui.app import fill_launched_window

    opening_window.path = "mine.geojson"
    opening_window.state.set_catalogue(bundled)  # the user's File ▸ Open finished first
    code = fill_launched_window(
        opening_window, StartupError("--select x: no such event"), args(), interactive=False
    )
    assert code is None  # the window stays
    assert capsys.readouterr().err == "mapexplorer: warning: --select x: no such event\n"
    assert opening_window.state.catalogue is bundled


def test_a_launch_file_that_fails_with_nothing_else_open_ends_the_launch(opening_window, capsys):
    from mapexplorer.ui.app import fill_launched_window

    code = fill_launched_window(
        opening_window, StartupError("bad.csv: no such file"), args(), interactive=False
    )
    assert code == 2
    assert capsys.readouterr().err == "mapexplorer: bad.csv: no such file\n"


def test_a_failed_launch_says_why_in_the_window_before_it_ends(opening_window, qtbot):
    """Started from a file manager, stderr goes nowhere: the reason is shown in the window,
    as text (it holds a file name), and the launch ends when the user closes it."""
    from PySide6.QtWidgets import QMessageBox

    from mapexplorer.ui.app import tell_launch_failure

    ended = []
    reason = "<b>bad</b>.csv: no column holds dates"
    box = tell_launch_failure(opening_window, reason, lambda: ended.append(True))
    qtbot.waitUntil(box.isVisible)
    assert box.text() == reason and box.textFormat() == Qt.TextFormat.PlainText
    assert opening_window.progress_bar.isHidden()  # no longer "Opening …"
    assert not ended
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: ended == [True])


def test_the_launch_file_leaves_a_file_the_user_opened_meanwhile(opening_window, bundled):
    from mapexplorer.ui.app import fill_launched_window, plan_start

    opening_window.path = "mine.geojson"
    opening_window.state.set_catalogue(bundled)
    opening_window.statusBar().showMessage("what the user opened")
    plan = plan_start(args(str(bundled_catalogue())), None, None)
    assert fill_launched_window(opening_window, plan, args(), interactive=False) is None
    assert opening_window.state.catalogue is bundled
    assert opening_window.path == "mine.geojson"
    assert opening_window.statusBar().currentMessage() == "what the user opened"


def test_the_launch_file_keeps_the_progress_of_a_file_the_user_is_opening(
    opening_window, monkeypatch, qtbot
):
    from mapexplorer.ui.app import fill_launched_window, plan_start
    from mapexplorer.ui.loader import CatalogueLoader

    monkeypatch.setattr(CatalogueLoader, "busy", property(lambda self: True))  # File ▸ Open
    plan = plan_start(args(), None, None)
    assert fill_launched_window(opening_window, plan, args(), interactive=False) is None
    assert opening_window.state.catalogue is plan.catalogue  # shown until the user's arrives
    assert opening_window.progress_bar.isVisible()


def open_mine_during_launch(window, tmp_path, reader) -> None:
    """The user opens a file of theirs while the launch file is read; it is held mid-read."""
    mine = tmp_path / "mine.csv"
    mine.write_text("title,date,lat,lon\nA,2020,1,2\n", encoding="utf-8")
    window.open_file(str(mine))
    assert reader.reading.wait(20)


def test_cancelling_a_file_opened_during_launch_shows_the_launch_file_still_opening(
    opening_window, qtbot, tmp_path, blocking_reader
):
    """The user opens a file while the launch file is read, then cancels theirs: the window
    says again that the launch file is opening, with its busy bar (not "0 events, 0 places")."""
    from mapexplorer.ui.app import fill_launched_window, plan_start

    open_mine_during_launch(opening_window, tmp_path, blocking_reader)
    with qtbot.waitSignal(opening_window.loader.cancelled, timeout=5000):
        opening_window.cancel_button.click()
    blocking_reader.release.set()
    status = opening_window.statusBar()
    assert status.currentMessage() == "Opening the bundled article…"
    assert opening_window.progress_bar.isVisible()
    assert not opening_window.cancel_button.isVisible()  # a launch file is not cancelled

    # The launch file then arrives and fills the window as usual.
    plan = plan_start(args(str(bundled_catalogue())), None, None)
    assert fill_launched_window(opening_window, plan, args(), interactive=False) is None
    assert opening_window.state.catalogue is plan.catalogue
    assert not opening_window.progress_bar.isVisible()
    assert opening_window.launch_pending is None


def test_a_failed_open_during_launch_shows_the_launch_file_still_opening(
    opening_window, qtbot, tmp_path
):
    broken = tmp_path / "broken.csv"
    broken.write_text("title,date,lat,lon\nA,never,1,2\n", encoding="utf-8")
    opening_window.open_file(str(broken))
    qtbot.waitUntil(lambda: getattr(opening_window, "error_box", None) is not None, timeout=WORK_MS)
    assert "broken.csv" in opening_window.error_box.text()
    assert opening_window.statusBar().currentMessage() == "Opening the bundled article…"
    assert opening_window.progress_bar.isVisible()


def test_a_launch_file_that_failed_is_said_when_the_users_file_is_cancelled(
    opening_window, qtbot, tmp_path, blocking_reader
):
    """The launch file fails while the user's own file loads (a warning on stderr only, then:
    theirs may open); they cancel theirs: the window says why it is empty."""
    from mapexplorer.ui.app import fill_launched_window

    open_mine_during_launch(opening_window, tmp_path, blocking_reader)
    problem = StartupError("launch.csv: no such file")
    assert fill_launched_window(opening_window, problem, args(), interactive=False) is None
    opening_window.cancel_button.click()
    blocking_reader.release.set()
    assert "launch.csv: no such file" in opening_window.error_box.text()
    assert opening_window.statusBar().currentMessage() == "No file open"
    assert not opening_window.progress_bar.isVisible()


def test_making_the_map_view_leaves_the_qt_namespace_alone(page_path):
    """The launch makes the map view first, so that Chromium starts while Python goes on. The
    first use of PySide6's `Qt` makes its ~115 enums (~45 ms here): not before the view."""
    code = (
        "import enum, sys\n"
        "made = []\n"
        "create = enum.EnumType._create_\n"
        "def spy(cls, name, *args, **kwargs):\n"
        "    made.append(name)\n"
        "    return create(cls, name, *args, **kwargs)\n"
        "enum.EnumType._create_ = spy\n"
        "from mapexplorer.ui.qt_environment import start_webengine\n"
        "start_webengine(offscreen_without_display=True)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from mapexplorer.ui.map_view import QtMapView\n"
        "app = QApplication([])\n"
        "view = QtMapView(None, sys.argv[1])\n"
        "print('GlobalColor' in made, flush=True)\n"
        "import os; os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(page_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]


def test_the_details_say_opening_until_the_launch_file_is_read(opening_window, bundled):
    """While the launch preview shows, clicks wait for the file: the details panel says the
    file is opening, not "Click a place on the map…"."""
    from mapexplorer.ui.details import EMPTY_HINT

    text = opening_window.details.text()
    assert "Opening russia-iran-partnership.geojson" in text
    assert EMPTY_HINT not in text
    opening_window.path = str(bundled_catalogue())
    opening_window.state.set_catalogue(bundled)  # read: now a click does something
    assert EMPTY_HINT in opening_window.details.text()


def test_the_details_stop_saying_opening_when_the_launch_file_fails(opening_window, capsys):
    from mapexplorer.ui.app import fill_launched_window

    fill_launched_window(opening_window, StartupError("bad file"), args(), interactive=False)
    assert "Opening" not in opening_window.details.text()


def test_the_screenshot_waits_for_the_view_to_stop_moving(qtbot, tmp_path):
    """`--screenshot` grabbed 0.9 s after the map's first draw: on a slow machine the fly to
    `--select`'s event could still be under way. It asks the page until the view is still."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QPixmap

    from mapexplorer.ui.app import _screenshot_when_drawn

    class FakeMapView(QObject):
        frame_drawn = Signal(int)

        def __init__(self):
            super().__init__()
            self.asked = 0

        def run_js(self, script, callback):
            assert script == "MapExplorer.moving()"
            self.asked += 1
            callback(self.asked <= 4)  # still flying the first four times asked

    class FakeWindow:
        def __init__(self):
            self.map_view = FakeMapView()
            self.asked_when_grabbed = None

        def grab(self):
            self.asked_when_grabbed = self.map_view.asked
            pixmap = QPixmap(8, 8)
            pixmap.fill(Qt.GlobalColor.white)
            return pixmap

    class FakeApp:
        quitted = False

        def quit(self):
            self.quitted = True

    app, window, outcome = FakeApp(), FakeWindow(), {}
    shot = tmp_path / "shot.png"
    _screenshot_when_drawn(app, window, str(shot), outcome)
    window.map_view.frame_drawn.emit(3)
    qtbot.waitUntil(lambda: app.quitted, timeout=WORK_MS)
    assert outcome["shot"] == 0 and shot.exists()
    assert window.asked_when_grabbed == 5  # grabbed once the page said it was still
