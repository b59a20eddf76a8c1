"""The map view is made at the size the window will give it (ui/map_size.py): Chromium lays
its page out once, at that size, rather than at a lone widget's 640x480 and then again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mapexplorer.ui.map_size import SETTING, layout_key, remember_map_size, remembered_map_size


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_a_size_is_kept_for_the_layout_it_was_measured_in(settings):
    key = layout_key((1280, 800), 1.25, layout_restored=True)
    assert key == "1280x800, text 1.25, remembered layout"
    remember_map_size(settings, key, (857, 579))
    assert remembered_map_size(settings, key) == (857, 579)
    # Another window size, text size or layout gives another map: no size for it.
    assert remembered_map_size(settings, layout_key((1280, 800), 1.0, True)) is None
    assert remembered_map_size(settings, layout_key((1000, 800), 1.25, True)) is None
    assert remembered_map_size(settings, layout_key((1280, 800), 1.25, False)) is None
    assert remembered_map_size(None, key) is None


@pytest.mark.parametrize("value", ["857x579", "1280x800, text 1, default layout = -5x3", 42, ""])
def test_a_hand_edited_value_is_no_size(settings, value):
    settings.setValue(SETTING, value)
    assert remembered_map_size(settings, "1280x800, text 1, default layout") is None


def test_a_view_made_at_its_size_lays_the_page_out_once_at_it(qtbot, page_path):
    from mapexplorer.ui.map_view import QtMapView

    view = QtMapView(None, page_path, size=(700, 500))
    # As at launch: the page loads while the window is still being made.
    qtbot.waitUntil(lambda: view.is_ready, timeout=30000)
    window = QWidget()  # the window it goes into, which gives it that size
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    drawn: list[tuple[int, int]] = []
    view.view_drawn.connect(lambda width, height, _count: drawn.append((width, height)))
    layout.addWidget(view)
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    qtbot.waitUntil(lambda: bool(drawn), timeout=30000)
    assert view.size().toTuple() == (700, 500)
    assert drawn == [(700, 500)]  # not (640, 480) first


def test_closing_the_window_keeps_its_maps_size_for_a_launch_like_it(
    qtbot, page_path, tmp_path, settings
):
    from mapexplorer.cli import build_window_parser
    from mapexplorer.ui.app import _launch_map_size, create_window

    sized = build_window_parser().parse_args(["--size", "1100x760"])
    window = create_window(sized, settings, page_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.map_view.is_ready, timeout=30000)
    map_size = window.map_view.size().toTuple()
    window.close()
    assert _launch_map_size(settings, sized, (1100, 760)) == map_size
    # A launch of another size, or one that restores the remembered layout, gets none.
    other = build_window_parser().parse_args(["--size", "1280x800"])
    assert _launch_map_size(settings, other, (1280, 800)) is None
    plain = build_window_parser().parse_args([])
    assert _launch_map_size(settings, plain, (1280, 800)) is None
    assert _launch_map_size(None, sized, (1100, 760)) is None
