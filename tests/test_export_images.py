"""PNG and GIF exports: the app's map drawn offscreen at a chosen size, with title, date, legend."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from mapexplorer import cli
from mapexplorer.colours import category_colour
from mapexplorer.formats import native
from mapexplorer.model.state import ExplorerState
from mapexplorer.model.time import day_from_ymd


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def colours_of(image: Image.Image) -> set[tuple[int, int, int]]:
    rgb_image = image.convert("RGB")
    return {c for _, c in rgb_image.getcolors(maxcolors=rgb_image.width * rgb_image.height)}


def run_exporter(qtbot, exporter, timeout=60000) -> str:
    """Start an export and wait for it to finish; fail the test on its error message."""
    outcome: dict[str, str] = {}
    exporter.finished.connect(lambda path: outcome.setdefault("path", path))
    exporter.failed.connect(lambda message: outcome.setdefault("error", message))
    exporter.start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    assert "error" not in outcome, outcome
    return outcome["path"]


@pytest.fixture
def make_exporter(page_path):
    from mapexplorer.ui.image_export import MapImageExporter

    made = []

    def make(state, path, fmt, size, **kwargs):
        made.append(MapImageExporter(state, path, fmt, size, page_path, **kwargs))
        return made[-1]

    yield make
    for exporter in made:
        exporter.cancel()


def test_png_has_the_size_a_map_and_a_legend(qtbot, tmp_path, bundled, make_exporter):
    path = tmp_path / "map.png"
    state = ExplorerState(bundled)
    written = run_exporter(qtbot, make_exporter(state, path, "png", (900, 560)))
    assert written == str(path)
    image = Image.open(path)
    assert image.size == (900, 560)
    colours = colours_of(image)
    assert len(colours) > 200, "looks blank"
    # The legend's swatches are painted solid: every category shown has its exact colour.
    for category in bundled.categories():
        assert rgb(category_colour(category)) in colours, category
    assert rgb("#b9d3e3") in colours  # the offline base map's sea
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind


def test_png_follows_the_state(qtbot, tmp_path, bundled, make_exporter):
    """A filter leaves its categories out of the legend; the time is the state's."""
    state = ExplorerState(bundled)
    state.set_filter(category="diplomacy")
    state.set_time(day_from_ymd(2025, 1, 17))
    path = tmp_path / "diplomacy.png"
    run_exporter(qtbot, make_exporter(state, path, "png", (640, 400)))
    colours = colours_of(Image.open(path))
    assert rgb(category_colour("diplomacy")) in colours
    assert rgb(category_colour("war")) not in colours


def test_a_picture_leaves_out_the_windows_note_over_the_map(
    qtbot, tmp_path, bundled, make_exporter
):
    """The window's note that the filter's event is before the time shown tells its user to
    use the Events list; a picture has none, and showed the note's white box over the map."""
    state = ExplorerState(bundled)
    state.set_window_days(3653)
    state.set_time(day_from_ymd(2025, 1, 17))
    state.set_filter(text="persian")  # the Russo-Persian wars: two centuries before
    path = tmp_path / "persian.png"
    run_exporter(qtbot, make_exporter(state, path, "png", (900, 560)))
    image = Image.open(path).convert("RGB")
    middle = image.crop((225, 140, 675, 420))  # the note's place: the base map's colours only
    white = sum(count for count, c in middle.getcolors(450 * 280) if min(c) >= 250)
    assert white < 50, white


def test_a_filtered_picture_says_so_in_its_header(qtbot, tmp_path, bundled, make_exporter):
    """A picture of the diplomacy only looked like one of every event (only its legend was
    shorter): its header's second line now names the filter, after the time shown."""
    from mapexplorer.ui.image_export import header_detail

    state = ExplorerState(bundled)
    state.set_time(day_from_ymd(2025, 1, 17))
    plain = header_detail(state)
    assert "filtered" not in plain
    whole = tmp_path / "whole.png"
    run_exporter(qtbot, make_exporter(state, whole, "png", (900, 560)))
    state.set_filter(text="treaty", category="diplomacy")
    assert header_detail(state) == (
        f"{plain} · filtered: “\u2068treaty\u2069” and the category \u2068diplomacy\u2069"
    )
    filtered = tmp_path / "filtered.png"
    run_exporter(qtbot, make_exporter(state, filtered, "png", (900, 560)))
    # The header's second line runs on past where the unfiltered one ends.
    rows = (46, 57)  # the second line, under a two-line title at this size
    line = [
        Image.open(p).convert("L").crop((460, rows[0], 600, rows[1])) for p in (whole, filtered)
    ]
    assert line[0].getextrema()[0] > 200  # white: the plain line ends before it
    assert line[1].getextrema()[0] < 150  # the filter's words


def test_a_small_filtered_picture_wraps_its_second_line_rather_than_cut_the_filter(
    qtbot, tmp_path, bundled, make_exporter
):
    """At 640x480 the second line ended "filtered: “treaty” an…": which filter it was went.
    It now takes a second line when it needs one, the header growing to hold it."""
    from mapexplorer.ui.image_export import header_detail

    def rule_row(path: Path) -> int:  # the header's bottom edge: its grey rule across the width
        image = Image.open(path).convert("RGB")
        return next(y for y in range(image.height) if image.getpixel((5, y)) == rgb("#c9c6bd"))

    state = ExplorerState(bundled)
    state.set_time(day_from_ymd(2025, 1, 17))
    plain = tmp_path / "plain.png"
    run_exporter(qtbot, make_exporter(state, plain, "png", (640, 480)))
    state.set_filter(text="treaty", category="diplomacy")
    filtered = tmp_path / "filtered.png"
    exporter = make_exporter(state, filtered, "png", (640, 480))
    detail = header_detail(state)
    assert " ".join(exporter.overlay.detail_text(detail)) == detail  # every word, none cut
    assert len(exporter.overlay.detail_text(detail)) == 2
    run_exporter(qtbot, exporter)
    assert rule_row(filtered) > rule_row(plain) + 8  # a line more of header


def test_png_across_the_date_line_shows_the_pacific(qtbot, tmp_path, make_exporter):
    """Fiji's waters split at ±180°: framed there (sea, a few islands), not on the whole world
    (a fifth of it land)."""
    catalogue = native.load(Path(__file__).parent / "data" / "antimeridian.geojson")
    path = tmp_path / "pacific.png"
    run_exporter(qtbot, make_exporter(ExplorerState(catalogue), path, "png", (640, 400)))
    image = Image.open(path).convert("RGB")
    counts = {colour: n for n, colour in image.getcolors(maxcolors=640 * 400)}
    land, sea = counts.get(rgb("#f2efe6"), 0), counts.get(rgb("#b9d3e3"), 0)
    # Its two events named under the map leave it a zoom step wider (Australia's coast in a
    # corner): still well short of the whole world's fifth.
    assert land < 0.08 * 640 * 400 < 0.6 * 640 * 400 < sea, (land, sea)


def test_gif_plays_through_time(qtbot, tmp_path, bundled, make_exporter):
    path = tmp_path / "play.gif"
    exporter = make_exporter(ExplorerState(bundled), path, "gif", (480, 300), frames=12)
    steps: list[tuple[int, int]] = []
    exporter.progress.connect(lambda done, total: steps.append((done, total)))
    # Frames wait on disk as they come, none in memory (120 frames of 1280x800 took ~1 GB).
    held: list[int] = []
    exporter.progress.connect(lambda done, _total: held.append(len(exporter._images)))
    run_exporter(qtbot, exporter)
    assert steps[-1][0] == steps[-1][1] == exporter.total >= 10
    assert set(held) == {0}
    gif = Image.open(path)
    assert gif.format == "GIF" and gif.size == (480, 300)
    assert gif.n_frames >= 10
    assert gif.info.get("loop") == 0
    assert 150 <= gif.info.get("duration", 0) <= 250
    gif.seek(0)
    first = gif.convert("RGB")
    gif.seek(gif.n_frames - 1)
    last = gif.convert("RGB")
    assert first.tobytes() != last.tobytes()
    # The first frame is the start of the story, the last its end: the same map as a PNG there.
    start, end = bundled.time_range()
    assert exporter.days[0] == start and exporter.days[-1] == end


def test_a_gif_with_fewer_frames_than_asked_says_so(qtbot, tmp_path, page_path):
    """60 frames asked of a story of one day made a GIF of one frame, and nothing said so,
    in the window or on the command line; both now say how many frames it has, and why."""
    from conftest import busy_place_catalogue
    from mapexplorer.ui.export_dialogs import export_view_to
    from mapexplorer.ui.image_export import frames_note
    from mapexplorer.ui.main_window import MainWindow

    assert frames_note(60, 60) is None
    assert frames_note(60, 1) == "the story is a single day: the animation is one frame, not 60"
    assert frames_note(60, 12).startswith("the animation has 12 frames, not 60: ")

    one_day = busy_place_catalogue(3)  # three incidents: 1, 2 and 3 January 2024
    one_day = one_day.with_events(one_day.events[:1])
    win = MainWindow(one_day, "incident.csv", page_path, settings=None)
    qtbot.addWidget(win)
    win.resize(900, 600)
    with qtbot.waitSignal(win.map_view.frame_drawn, timeout=30000):
        win.show()
    path = tmp_path / "day.gif"
    exporter = export_view_to(win, str(path), "gif", (400, 260), frames=60, show_progress=False)
    with qtbot.waitSignal(exporter.finished, timeout=60000):
        pass
    assert Image.open(path).n_frames == 1
    assert win.statusBar().currentMessage() == (
        f"Exported the map as GIF to day.gif (in {tmp_path}) — the story is a single day: the "
        "animation is one frame, not 60"
    )
    win.close()

    native.save(one_day, tmp_path / "day.geojson")
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "export", str(tmp_path / "day.geojson")]
        + ["-o", str(tmp_path / "cli.gif"), "--size", "400x260", "--frames", "30"],
        env=_offscreen_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    said = "warning: the story is a single day: the animation is one frame, not 30"
    assert said in result.stderr


def test_gif_can_be_cancelled(qtbot, tmp_path, bundled, make_exporter):
    path = tmp_path / "never.gif"
    exporter = make_exporter(ExplorerState(bundled), path, "gif", (400, 260), frames=40)
    exporter.progress.connect(lambda done, _total: exporter.cancel() if done == 2 else None)
    finished: list[str] = []
    exporter.finished.connect(finished.append)
    with qtbot.waitSignal(exporter.cancelled, timeout=60000):
        exporter.start()
    assert not finished and not path.exists()
    assert not list(tmp_path.iterdir())


def test_the_window_exports_what_it_shows(qtbot, tmp_path, bundled, page_path):
    from mapexplorer.ui.export_dialogs import export_view_to
    from mapexplorer.ui.main_window import MainWindow

    win = MainWindow(bundled, "bundled.geojson", page_path, settings=None)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    with qtbot.waitSignal(win.map_view.frame_drawn, timeout=30000):
        win.show()
    labels = [a.text().replace("&", "") for a in win.findChildren(type(win.open_action))]
    assert {"Web page (HTML)…", "Image (PNG)…", "Animation (GIF)…"} <= set(labels)

    path = tmp_path / "window.png"
    exporter = export_view_to(win, str(path), "png", (700, 450), show_progress=False)
    with qtbot.waitSignal(exporter.finished, timeout=60000):
        pass
    assert Image.open(path).size == (700, 450)

    # An animation shows a progress dialog whose Cancel stops it; nothing is written.
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    def press_cancel() -> None:
        win.findChild(QProgressDialog).findChild(QPushButton).click()

    gif = tmp_path / "window.gif"
    exporter = export_view_to(win, str(gif), "gif", (400, 260), frames=30)
    exporter.progress.connect(lambda done, _total: press_cancel() if done == 2 else None)
    with qtbot.waitSignal(exporter.cancelled, timeout=60000):
        pass
    assert not gif.exists()
    assert "cancelled" in win.statusBar().currentMessage()

    html = tmp_path / "window.html"
    win.state.set_filter(category="war")
    with qtbot.waitSignal(win.exporter.finished, timeout=60000):
        export_view_to(win, str(html), "html")
    data = re.search(r'id="me-data">(.*?)</script>', html.read_text("utf-8"), re.S)[1]
    exported = {e["id"] for e in json.loads(data)["events"]}
    assert exported == {e.id for e in win.state.filtered_events()}
    assert "treaty-signing" not in exported  # diplomacy: filtered out
    # Its header names the filter, as a picture's does (the page looked like the whole file).
    total = len(win.state.catalogue.events)
    assert json.loads(data)["filtered"] == {
        "described": "the category \u2068war\u2069",
        "total": total,
    }
    assert win.map_view.js_errors == []
    win.close()


@pytest.mark.parametrize(
    "size, says",
    [
        ("9x9", "200 to 8192 pixels"),
        ("10000x10000", "200 to 8192 pixels"),  # ~3 GB and 40 s, before the cap
        ("8192x8192", "67 megapixels: a picture may have 40 at most"),
    ],
)
def test_cli_size_is_checked_before_drawing(tmp_path, capsys, size, says):
    code = cli.main(["export", "--format", "png", "-o", str(tmp_path / "x.png"), "--size", size])
    _, err = capsys.readouterr()
    assert code == 2 and "--size" in err and says in err
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_a_picture_too_large_to_draw_is_refused_with_why(qtbot, tmp_path, bundled, make_exporter):
    """From the window too: the size dialog caps each side, refuses too many megapixels (it
    stays open for another size), and the exporter itself refuses before drawing."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from mapexplorer.ui.export_dialogs import SizeDialog

    path = tmp_path / "huge.png"
    exporter = make_exporter(ExplorerState(bundled), path, "png", (8000, 8000))
    failed = []
    exporter.failed.connect(failed.append)
    exporter.start()
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert "64 megapixels" in failed[0] and not path.exists()

    dialog = SizeDialog((1000, 640), "png")
    qtbot.addWidget(dialog)
    dialog.width_box.setValue(10000)
    assert dialog.width_box.value() == 8192
    dialog.height_box.setValue(8192)
    said = []

    def answer():
        box = QApplication.activeModalWidget()
        said.append(box.text())
        box.accept()

    QTimer.singleShot(0, answer)
    dialog.open()
    dialog.accept()
    assert said and "67 megapixels" in said[0]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.height_box.setValue(4320)  # 8192x4320: 35 megapixels, drawn
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def _offscreen_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # the command sets offscreen itself when there is no display
    env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    return env


def test_cli_exports_png_offscreen(tmp_path):
    path = tmp_path / "cli.png"
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "export", "--format", "png", "-o", str(path)]
        + ["--size", "640x400", "--at", "1941-09"],
        env=_offscreen_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "as png" in result.stdout
    assert Image.open(path).size == (640, 400)
    assert "page process ended" not in result.stderr  # its page closing is no alarm


def test_a_gif_to_a_missing_folder_fails_before_a_frame_is_drawn(
    qtbot, tmp_path, bundled, make_exporter
):
    """A GIF takes its frames for a minute: an unwritable path is said at once, not after."""
    exporter = make_exporter(
        ExplorerState(bundled), tmp_path / "missing" / "story.gif", "gif", (400, 300)
    )
    failures = []
    exporter.failed.connect(failures.append)
    exporter.start()
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)
    assert failures == [f"cannot write the file: the folder {tmp_path / 'missing'} does not exist"]
    assert exporter._view is None  # no page was opened, no frame drawn


def test_cli_png_failure_is_clean(tmp_path):
    path = tmp_path / "missing-folder" / "cli.png"
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "export", "--format", "png", "-o", str(path)]
        + ["--size", "400x300"],
        env=_offscreen_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 2
    assert f"mapexplorer: {path}: cannot write the file" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("cannot write") == 1  # said once, not logged as well
    assert ".tmp" not in result.stderr  # the user's path, not the temporary file's


def test_ctrl_c_stops_a_gif_export_leaving_no_file(qtbot, tmp_path):
    """Ctrl+C did nothing: a 600-frame GIF went on for a minute and was written anyway."""
    import signal

    path = tmp_path / "story.gif"
    env = dict(_offscreen_env(), XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "mapexplorer", "export", "-o", str(path)]
    export = subprocess.Popen(
        [*command, "--frames", "600", "--size", "400x300"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The map page is made for the first frame: the drawing has begun.
        qtbot.waitUntil(lambda: any((tmp_path / "cache").glob("*/page-*")), timeout=60000)
        export.send_signal(signal.SIGINT)
        out, err = export.communicate(timeout=30)
    finally:
        export.kill()
    assert export.returncode == cli.EXIT_INTERRUPTED == 130, err
    assert "mapexplorer: interrupted; nothing more was written" in err
    assert "Traceback" not in err and "wrote" not in out
    assert list(tmp_path.glob("*.gif")) == [] and list(tmp_path.glob(".*")) == []


def test_the_header_window_stays_inside_the_story(bundled):
    from mapexplorer.model.axis import day_words
    from mapexplorer.model.state import TimeMode
    from mapexplorer.ui.image_export import window_words

    state = ExplorerState(bundled)  # at the latest event: the window reaches five years past it
    first, last = bundled.time_range()
    assert state.window()[1] > last
    words = window_words(state)
    assert words.endswith(f" to {day_words(last)}"), words
    state.set_time(first)
    assert window_words(state).startswith(f"events from {day_words(first)} to "), words
    state.set_window_days(1)
    assert window_words(state) == f"events on {day_words(first)}"
    state.set_mode(TimeMode.CUMULATIVE)
    assert window_words(state) == f"everything up to {day_words(first)}"


def test_the_size_dialog_offers_the_map_size_and_presets(qtbot):
    from mapexplorer.ui.export_dialogs import SizeDialog

    dialog = SizeDialog((1000, 640), "gif")
    qtbot.addWidget(dialog)
    assert dialog.chosen_size() == (1000, 640)
    sizes = [dialog.presets.itemData(i) for i in range(dialog.presets.count())]
    assert sizes[:3] == [(1000, 640), (1280, 800), (1920, 1080)]
    dialog.presets.setCurrentIndex(2)
    assert dialog.chosen_size() == (1920, 1080)
    dialog.width_box.setValue(800)
    assert dialog.presets.currentText() == "Custom"
    assert dialog.chosen_size() == (800, 1080)


@pytest.mark.parametrize("fmt", ["png", "gif"])
def test_the_size_dialog_shows_a_frames_box_for_an_animation_only(qtbot, fmt):
    """The image's size dialog showed the animation's "60" frames box over its "Size:" label
    (a child of the dialog left out of its form), and Tab stopped in it."""
    from PySide6.QtWidgets import QSpinBox

    from mapexplorer.ui.export_dialogs import SizeDialog

    dialog = SizeDialog((1000, 640), fmt)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = [box for box in dialog.findChildren(QSpinBox) if box.isVisible()]
    assert (dialog.frames_box in shown) == (fmt == "gif")
    for a in shown:  # nothing drawn over anything else
        for b in shown:
            assert a is b or not a.geometry().intersects(b.geometry())
        assert not a.geometry().intersects(dialog.presets.geometry())


def test_a_4k_picture_shows_what_a_full_hd_one_does_at_twice_the_size(
    qtbot, tmp_path, bundled, make_exporter
):
    """Markers, lines and labels scale with a picture beyond full HD (as its header does):
    Moscow's marker covers four times the pixels at 3840×2160, not the same few pixels in a
    map twice as wide."""
    import numpy as np

    def blue_pixels(path: Path) -> int:
        image = np.asarray(Image.open(path).convert("RGB")).astype(int)
        h, w, _ = image.shape
        left_of_legend = image[h // 10 :, : w * 2 // 3]  # the legend has a blue swatch too
        distance = np.abs(left_of_legend - np.array(rgb(category_colour("diplomacy")))).sum(axis=2)
        return int((distance < 60).sum())

    counts = []
    for size in ((1920, 1080), (3840, 2160)):
        path = tmp_path / f"map-{size[0]}.png"
        run_exporter(qtbot, make_exporter(ExplorerState(bundled), path, "png", size))
        assert Image.open(path).size == size
        counts.append(blue_pixels(path))
    assert counts[0] > 50, "no diplomacy marker at Moscow"
    assert 3 < counts[1] / counts[0] < 6, counts


def test_the_map_scale_of_pictures():
    from PySide6.QtCore import QSize

    from mapexplorer.ui.image_export import Overlay

    def scale(w, h):
        return Overlay(QSize(w, h), "A title", []).map_scale

    assert scale(640, 400) == scale(1280, 800) == scale(1920, 1080) == 1.0
    assert scale(2560, 1440) == 1.25
    assert scale(3840, 2160) == 2.0
    assert scale(7680, 4320) == 4.0
    assert scale(3840, 600) == 1.0  # a wide strip: its height decides


def test_a_picture_of_a_close_view_keeps_its_zoom():
    """A hike framed at zoom 14 in the window was exported at 12, the map's old closest."""
    from PySide6.QtCore import QSize

    from mapexplorer.ui.image_export import Camera

    camera = Camera(46.56, 7.98, 14, 860, 580)
    assert camera.zoom_for(QSize(860, 580)) == 14
    assert camera.zoom_for(QSize(1920, 1200)) == 15  # twice the room: closer, as before
    assert Camera(46.56, 7.98, 16, 860, 580).zoom_for(QSize(3840, 2160)) == 16  # the closest


def test_a_picture_of_a_few_events_names_them(qtbot, tmp_path, bundled):
    """A one-event PNG showed a lone grey dot, its legend 'Other': nothing said what happened
    there, or when. A picture of a few events names each in its key; a GIF's events change
    from frame to frame, and a story's are too many: they keep the categories' legend."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from mapexplorer.formats.opener import open_catalogue
    from mapexplorer.ui.image_export import MapImageExporter, Overlay, key_events

    path = tmp_path / "one.csv"
    path.write_text(
        "title,date,lat,lon\nProtest at the Place de la République,2024-03-02,48.8674,2.3636\n",
        encoding="utf-8",
    )
    state = ExplorerState(open_catalogue(path))
    (event,) = key_events(state)
    assert event.title == "Protest at the Place de la République"
    assert event.when == "Saturday 2 March 2024 · Paris, France"
    assert MapImageExporter(state, tmp_path / "one.png", "png", (900, 560)).overlay.events == [
        event
    ]
    assert MapImageExporter(state, tmp_path / "one.gif", "gif", (900, 560)).overlay.events == []
    story = ExplorerState(bundled)
    story.show_whole_story()
    assert key_events(story) == []

    named = Overlay(QSize(900, 560), "one", [("other", "#7f7f7f")], events=[event])
    plain = Overlay(QSize(900, 560), "one", [("other", "#7f7f7f")])
    # A caption band under the map, not a key over it (it would hide a marker or two).
    footer = plain.map_size.height() - named.map_size.height()
    assert footer > 20 and named.header == plain.header
    blank = QImage(named.map_size, QImage.Format.Format_RGB32)
    blank.fill(0xF2EFE6)
    image = named.paint(blank, "2 March 2024", "Events on 2 March 2024")
    band = [image.pixelColor(x, y).name() for x in range(900) for y in range(560 - footer, 560)]
    assert "#7f7f7f" in band  # the event's colour
    assert sum(c == "#1d1d1d" for c in band) > 100  # its title, in ink


def test_the_legend_keeps_a_categorys_capitals():
    """A file's category "NATO drills" read "Nato drills" in a picture's legend (and "EU
    sanctions" "Eu sanctions"): only its first letter is made a capital now, as on the page."""
    from PySide6.QtCore import QSize

    from mapexplorer.ui.image_export import Overlay

    grey = category_colour("other")
    overlay = Overlay(QSize(900, 560), "t", [("war", "#d62728"), ("NATO drills", grey)])
    assert overlay.legend_labels() == ["War", "NATO drills"]
    assert Overlay(QSize(900, 560), "t", [("eU sanctions", grey)]).legend_labels() == [
        "EU sanctions"
    ]


def test_forty_free_text_categories_make_one_grey_line_in_the_legend(
    qtbot, tmp_path, make_exporter
):
    """A spreadsheet whose category column is free text: forty categories, all drawn grey,
    made forty grey lines, a legend taller than the picture over the date and half the map.
    The grey ones share one line now, and a long name is cut short."""
    from shapely.geometry import Point

    from mapexplorer.model import Catalogue, Event, Place, TimeSpan
    from mapexplorer.ui.image_export import legend_entries

    long = "a category someone wrote out as a whole sentence in the spreadsheet " * 2
    names = [f"type {i}" for i in range(38)] + [long, "war"]
    events = [
        Event(
            id=f"e{i}",
            title=f"Event {i}",
            time=TimeSpan.parse(f"2020-{1 + i % 12:02d}-{1 + i % 27:02d}"),
            place_ids=(f"p{i}",),
            category=name,
        )
        for i, name in enumerate(names)
    ]
    places = {
        f"p{i}": Place(f"p{i}", f"Place {i}", Point(10 + i / 2, 40 + i % 7)) for i in range(40)
    }
    state = ExplorerState(Catalogue(events=events, places=places))
    grey = category_colour("other")
    assert legend_entries(state) == [
        ("war", category_colour("war")),
        ("other (39 categories)", grey),
    ]
    state.set_filter(category="type 3")
    assert legend_entries(state) == [("type 3", grey)]  # one grey category keeps its name
    state.set_filter(category="")
    path = tmp_path / "free-text.png"
    run_exporter(qtbot, make_exporter(state, path, "png", (900, 560)))
    image = Image.open(path).convert("RGB")
    header = image.crop((450, 0, 900, 60))
    assert rgb("#12456e") in colours_of(header)  # the date, not under the legend


def test_a_picture_of_the_window_frames_the_story_alike_at_any_text_size(
    qtbot, tmp_path, page_path, bundled
):
    """At 200% text the window's map is half as many CSS pixels and framed a zoom further
    out, and a picture of it showed twice the world a picture at 100% showed."""
    from mapexplorer.ui.export_dialogs import export_view_to
    from mapexplorer.ui.main_window import MainWindow

    def picture(scale: float) -> Image.Image:
        win = MainWindow(bundled, "bundled.geojson", page_path, settings=None)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        try:
            win.set_text_scale(scale)
            with qtbot.waitSignal(win.map_view.frame_drawn, timeout=30000):
                win.show()
            path = tmp_path / f"{scale}.png"
            exporter = export_view_to(win, str(path), "png", (860, 510), show_progress=False)
            with qtbot.waitSignal(exporter.finished, timeout=60000):
                pass
            assert win.map_view.js_errors == []
        finally:
            win.set_text_scale(1.0)
            win.close()
        return Image.open(path).convert("RGB")

    normal, large = picture(1.0), picture(2.0)
    import numpy as np

    differ = int((np.asarray(normal) != np.asarray(large)).any(axis=2).sum())
    assert differ < 0.02 * normal.width * normal.height
