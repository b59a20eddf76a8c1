"""The command line's `events` and `export` commands: output, exit codes and error messages."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mapexplorer import cli
from mapexplorer.formats import native
from mapexplorer.paths import bundled_catalogue

BUNDLED = bundled_catalogue()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean_failure(code: int, out: str, err: str, *words: str) -> None:
    assert code == cli.EXIT_BAD_INPUT == 2
    assert err.startswith("mapexplorer: ")
    assert "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


# --- events ------------------------------------------------------------------------------------


def test_events_lists_the_bundled_article(capsys):
    code, out, err = run(capsys, "events")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["DATE", "TITLE", "PLACES"]
    assert len(lines) == 1 + len(native.load(BUNDLED).events)
    treaty = next(line for line in lines if "Putin and Pezeshkian sign" in line)
    assert "Friday 17 January 2025" in treaty and "Moscow" in treaty
    assert "18th–19th century" in lines[1]  # chronological: the Russo-Persian wars first


def test_events_ids_lists_what_select_takes(capsys):
    code, out, err = run(capsys, "events", "--ids")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "TITLE", "PLACES"]
    treaty = next(line for line in lines if "Putin and Pezeshkian sign" in line)
    assert treaty.startswith("treaty-signing ") and "Friday 17 January 2025" in treaty
    ids = {line.split()[0] for line in lines[1:]}
    assert ids == {e.id for e in native.load(BUNDLED).events}  # whole, never cut short


def test_events_keeps_its_columns_for_wide_and_right_to_left_titles(capsys, tmp_path):
    """Chinese characters take two terminal columns; a right-to-left override in a title would
    reverse the rest of its line. The places column starts at the same column on every line."""
    import unicodedata

    path = tmp_path / "mixed.csv"
    path.write_text(
        "title,date,lat,lon,place\n"
        "北京峰会开幕,2025-01-17,39.9,116.4,Beijing\n"
        "Plain summit,2025-01-18,46.2,6.1,Geneva\n"
        "evil \u202etxt.exe,2025-01-19,48.2,16.4,Vienna\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "events", str(path))
    assert code == 0
    assert "\u202e" not in out

    def columns(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    lines = out.splitlines()[1:]
    starts = {
        columns(line[: line.index(place)])
        for line, place in zip(lines, ["Beijing", "Geneva", "Vienna"], strict=True)
    }
    assert len(starts) == 1, lines


def test_events_from_a_file(capsys, tmp_path):
    catalogue = native.load(BUNDLED)
    small = catalogue.with_events(
        [catalogue.event("fall-of-assad"), catalogue.event("bushehr-operational")]
    )
    path = tmp_path / "small.geojson"
    native.save(small, path)
    code, out, _ = run(capsys, "events", str(path))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert "2013" in lines[1] and "Bushehr" in lines[1]
    assert "8 December 2024" in lines[2] and "Damascus" in lines[2]


def test_rows_left_out_are_reported_not_dropped_silently(capsys, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text(
        "title,date,lat,lon\nKept,2020-01-01,10,20\nOff the globe,2020-01-02,95,20\n"
        "No date,,10,20\n",
        encoding="utf-8",
    )
    for argv in (
        ["events", str(path)],
        ["export", str(path), "-f", "csv", "-o", str(tmp_path / "o.csv")],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0
        assert "points.csv: 2 of 3 rows could not be read" in err
        assert "row 3" in err and "latitude 95" in err and "row 4" in err


def test_rows_with_cells_beyond_the_header_are_warned_of(capsys, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("title,date,lat,lon\nA,2020,10,20,extra\nB,2021,10,20\n", encoding="utf-8")
    code, out, err = run(capsys, "events", str(path))
    assert code == 0 and "A" in out and "B" in out
    assert err.splitlines() == [
        "mapexplorer: warning: long.csv: all 2 rows read, some not quite as written:",
        "mapexplorer: warning: row 2 has more cells than the header's 4 columns "
        "(1 extra cell dropped)",
    ]


def test_an_ambiguous_file_says_how_it_was_read(capsys, tmp_path):
    path = tmp_path / "when.csv"
    path.write_text("title,date,lat,lon\nA,03/04/2025,1,1\nB,05/06/2025,2,2\n", encoding="utf-8")
    code, out, err = run(capsys, "events", str(path))
    assert code == 0
    assert "when.csv: the dates in 'date' read both ways" in err
    assert "read as day/month" in err and "3 April 2025" in out


def test_events_via_python_m():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "events"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Putin and Pezeshkian sign the strategic partnership treaty" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_events_in_a_terminal_without_the_titles_characters(tmp_path, encoding):
    """In a terminal whose encoding lacks a character (a Latin-1 locale, a Windows console's
    code page, output redirected there), the table stopped at the first one, a traceback."""
    table = tmp_path / "мир.csv"
    table.write_text(
        "title,date,lat,lon\nВстреча в Москве,2025-01-17,55.75,37.62\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "events", str(table)],
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode(encoding)
    assert out.splitlines()[1].startswith("Friday 17 January 2025") and "?????" in out
    assert b"Traceback" not in result.stderr


def test_broken_file_via_python_m(tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "events", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert str(path) in result.stderr and "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def _broken_copy(tmp_path: Path, leave_out: str) -> Path:
    """A copy of the package with its data folders inside it (as a wheel has them), but for
    `leave_out` (a folder, or a file in one)."""
    import shutil

    import mapexplorer
    from mapexplorer.paths import geodata_dir, resources_dir

    package = tmp_path / "site" / "mapexplorer"
    shutil.copytree(Path(mapexplorer.__file__).parent, package)
    shutil.copytree(resources_dir(), package / "resources")
    shutil.copytree(geodata_dir(), package / "geodata")
    gone = package / leave_out
    shutil.rmtree(gone) if gone.is_dir() else gone.unlink()
    return gone


@pytest.mark.parametrize(
    "leave_out, command",
    [
        ("resources", ["--screenshot", "shot.png"]),
        ("resources/mappage.css", ["--screenshot", "shot.png"]),
        ("geodata/basemap.geojson", ["export", "-o", "map.png"]),
    ],
)
def test_a_broken_installation_says_which_file_is_missing(tmp_path, leave_out, command):
    """An install without its resources/ folder gave a Python traceback as the window opened:
    now one line names what is missing and says to reinstall, before any window."""
    gone = _broken_copy(tmp_path, leave_out)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", *command],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == cli.EXIT_BROKEN_INSTALLATION == 3
    assert result.stderr.splitlines() == [
        f"mapexplorer: this installation is broken: {gone} is missing; reinstall Map Explorer"
    ]
    assert not list(tmp_path.glob("*.png"))


# --- export ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml"])
def test_export_the_bundled_article(capsys, tmp_path, fmt):
    out = tmp_path / f"article.{fmt}"
    code, stdout, err = run(capsys, "export", "--format", fmt, "-o", str(out))
    assert code == 0 and err == ""
    events = len(native.load(BUNDLED).events)
    assert stdout.strip() == f"wrote {out}: {events} events as {fmt}"
    assert out.is_file()
    _check_export(out, fmt, native.load(BUNDLED))


def test_export_to_standard_output_is_only_the_data():
    """`mapexplorer export --format geojson -o /dev/stdout | jq`: the pipe stays a pipe, and
    the "wrote ..." line goes to stderr, not after the data where it would break the JSON.
    /dev/fd/1 is the same stream; a failing run here cannot replace /dev/stdout (as root)."""
    result = subprocess.run(
        [sys.executable, "-m", "mapexplorer", "export", "--format", "geojson", "-o", "/dev/fd/1"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["features"]) >= 30
    assert b"wrote /dev/fd/1: 30 events as geojson" in result.stderr


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml"])
def test_export_from_a_file(capsys, tmp_path, fmt):
    catalogue = native.load(BUNDLED)
    small = catalogue.with_events(catalogue.at_place("moscow"))
    src = tmp_path / "moscow.geojson"
    native.save(small, src)
    out = tmp_path / f"moscow-export.{fmt}"
    code, stdout, _ = run(capsys, "export", str(src), "-f", fmt, "--output", str(out))
    assert code == 0
    assert f"{len(small.events)} events" in stdout
    _check_export(out, fmt, small)


def _check_export(path: Path, fmt: str, catalogue) -> None:
    pairs = sum(len(e.place_ids) for e in catalogue.events)
    text = path.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert len(json.loads(text)["features"]) == pairs
        assert native.load(path) == catalogue
    elif fmt == "csv":
        assert len(list(csv.DictReader(text.splitlines()))) == pairs
    else:
        assert text.count("<Placemark ") == pairs


def test_export_needs_output_and_a_known_format(capsys, tmp_path):
    with pytest.raises(SystemExit) as caught:
        cli.main(["export", "--format", "csv"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit):
        cli.main(["export", "--format", "shapefile", "-o", str(tmp_path / "x.shp")])
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "fmt"), [("x.csv", "csv"), ("x.KML", "kml"), ("x.json", "geojson"), ("x.htm", "html")]
)
def test_export_format_from_the_output_name(capsys, tmp_path, name, fmt):
    out = tmp_path / name
    code, stdout, err = run(capsys, "export", "-o", str(out))
    assert (code, err) == (0, "")
    assert stdout.strip().endswith(f"events as {fmt}")
    assert out.stat().st_size > 1000


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--format", "png", "-o", "h.jpg"], ["-o ", "h.jpg", "does not write JPEG", ".png"]),
        (["-o", "h.jpg"], ["h.jpg", "does not write JPEG"]),
        (["--format", "png", "-o", "h.gif"], ["h.gif", "the name says gif but --format is png"]),
        (["--format", "csv", "-o", "h.kml"], ["h.kml", "the name says kml but --format is csv"]),
        (["--format", "kml", "-o", "h.kmz"], ["h.kmz", "does not write KMZ"]),
        (["--format", "csv", "-o", "h.gpx"], ["h.gpx", "does not write GPX"]),
        (["-o", "h.txt"], ["h.txt", "cannot tell the format", "--format"]),
    ],
)
def test_export_refuses_a_name_that_says_another_format(capsys, tmp_path, argv, words):
    argv = [str(tmp_path / a) if a.startswith("h.") else a for a in argv]
    assert_clean_failure(*run(capsys, "export", *argv), *words)
    assert list(tmp_path.iterdir()) == []


def test_export_with_format_and_an_unknown_ending(capsys, tmp_path):
    out = tmp_path / "events.txt"
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(out))
    assert (code, err) == (0, "")
    assert out.read_text(encoding="utf-8-sig").startswith("event_id,title,")


@pytest.mark.parametrize("frames", ["0", "-3", "1", "601"])
def test_gif_frames_out_of_range(capsys, tmp_path, frames):
    out = tmp_path / "x.gif"
    code, stdout, err = run(capsys, "export", "--format", "gif", "--frames", frames, "-o", str(out))
    assert_clean_failure(code, stdout, err, f"--frames {frames}: a GIF needs 2 to 600 frames")
    assert not out.exists()


@pytest.mark.parametrize(
    ("at", "words"),
    [
        ("3000", "--at 3000 is after the story's last date ("),
        ("-5000", "--at -5000 is before the story's first date (1 January 1700); showing 1 Jan"),
    ],
)
def test_an_at_outside_the_story_is_said(capsys, tmp_path, at, words):
    out = tmp_path / "x.html"
    code, stdout, err = run(capsys, "export", "--format", "html", f"--at={at}", "-o", str(out))
    assert code == 0 and out.is_file()
    assert err.startswith(f"mapexplorer: warning: {words}"), err
    assert err.count("\n") == 1
    code, _, err = run(capsys, "export", "--format", "html", "--at", "2015-09", "-o", str(out))
    assert (code, err) == (0, "")


# --- errors ------------------------------------------------------------------------------------


def test_missing_input_file(capsys, tmp_path):
    missing = tmp_path / "nope.geojson"
    assert_clean_failure(*run(capsys, "events", str(missing)), str(missing), "does not exist")
    out = tmp_path / "out.csv"
    assert_clean_failure(
        *run(capsys, "export", str(missing), "-f", "csv", "-o", str(out)), str(missing)
    )
    assert not out.exists()


def test_broken_json(capsys, tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [}', encoding="utf-8")
    for argv in (
        ["events", str(path)],
        ["export", str(path), "-f", "kml", "-o", str(tmp_path / "o.kml")],
    ):
        assert_clean_failure(*run(capsys, *argv), str(path), "not valid JSON", "line 2")


def test_bad_date(capsys, tmp_path):
    doc = json.loads(BUNDLED.read_text(encoding="utf-8"))
    for feature in doc["features"]:
        if feature["properties"]["event_id"] == "fall-of-assad":
            feature["properties"]["date"] = "2024-12-32"
    path = tmp_path / "bad-date.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert_clean_failure(
        *run(capsys, "events", str(path)),
        str(path),
        "event 'fall-of-assad'",
        "field 'date'",
        "2024-12-32",
    )
    assert_clean_failure(
        *run(capsys, "export", str(path), "-f", "geojson", "-o", str(tmp_path / "o.geojson")),
        "event 'fall-of-assad'",
        "field 'date'",
    )


def test_a_folder_as_input(capsys, tmp_path):
    assert_clean_failure(*run(capsys, "events", str(tmp_path)), str(tmp_path), "folder")


@pytest.mark.parametrize("spelled", ["mine.csv", "./sub/../mine.csv", "link.csv"])
def test_an_export_over_its_own_input_is_refused(capsys, tmp_path, monkeypatch, spelled):
    """`export mine.csv -o mine.csv` replaced the user's table with Map Explorer's rewriting
    of it (its column names, its dates), without a word."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    mine = tmp_path / "mine.csv"
    text = 'name,when,lat,lon,my_notes\nBattle A,"July 5, 1943",51.7,36.2,keep me\n'
    mine.write_text(text, encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(mine)
    code, stdout, err = run(capsys, "export", "mine.csv", "-o", spelled)
    assert_clean_failure(code, stdout, err, f"-o {spelled}: that is the file being exported")
    assert "link-export.csv" in err if spelled == "link.csv" else "mine-export.csv" in err
    assert mine.read_text(encoding="utf-8") == text
    code, stdout, err = run(capsys, "export", "mine.csv", "-o", "mine-export.csv")
    assert code == 0 and (tmp_path / "mine-export.csv").is_file()


@pytest.mark.parametrize("where", ["missing-folder", "is-a-folder", "read-only-folder"])
def test_unwritable_output(capsys, tmp_path, where):
    if where == "missing-folder":
        out = tmp_path / "no" / "such" / "folder" / "out.csv"
    elif where == "is-a-folder":
        out = tmp_path / "a-folder"
        out.mkdir()
        (out / "keep").write_text("x")
    else:
        if os.geteuid() == 0:
            pytest.skip("root can write anywhere")
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        out = locked / "out.csv"
    code, stdout, err = run(capsys, "export", "-f", "csv", "-o", str(out))
    assert_clean_failure(code, stdout, err, str(out), "cannot write")
    assert stdout == ""
    assert [p.name for p in tmp_path.rglob(".*.tmp")] == []


@pytest.mark.parametrize(
    ("output", "said"),
    [
        ("no/such/out.kml", "cannot write the file: the folder {tmp}/no does not exist"),
        ("notes.txt/out.kml", "cannot write the file: {tmp}/notes.txt is a file, not a folder"),
    ],
)
def test_an_unwritable_output_names_the_folder_to_fix(capsys, tmp_path, output, said):
    """ "No such file or directory" left the user to work out which part of the path was
    wrong: the message names the folder that is missing, or the file in a folder's place."""
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / output
    code, stdout, err = run(capsys, "export", "-o", str(out))
    assert_clean_failure(code, stdout, err, f"{out}: {said.format(tmp=tmp_path)}")
    assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["notes.txt"]


def test_an_output_held_open_elsewhere_says_so_and_keeps_the_file(capsys, tmp_path, monkeypatch):
    """Windows refuses to replace a file another program has open (a CSV open in Excel): the
    message said only "Permission denied"."""
    out = tmp_path / "events.csv"
    out.write_text("the table open in Excel", encoding="utf-8")

    def held_open(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", held_open)  # what os.replace does there
    code, stdout, err = run(capsys, "export", "-o", str(out))
    assert_clean_failure(
        code,
        stdout,
        err,
        f"{out}: cannot write the file (Permission denied: is the file read-only, or open in "
        "another program?)",
    )
    assert out.read_text(encoding="utf-8") == "the table open in Excel"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]  # no temporary left


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anything")
@pytest.mark.parametrize("fmt", ["csv", "png"])
def test_a_read_only_output_is_not_replaced(capsys, tmp_path, fmt):
    """The rename replaced a file its owner had made read-only (only the folder's permissions
    count for a rename)."""
    out = tmp_path / f"kept.{fmt}"
    out.write_text("made read-only to keep it", encoding="utf-8")
    out.chmod(0o444)
    code, stdout, err = run(
        capsys, "export", "-o", str(out), *(["--size", "300x200"] * (fmt == "png"))
    )
    assert_clean_failure(
        code, stdout, err, f"{out}: cannot write the file (Permission denied: is the file read-only"
    )
    assert out.read_text(encoding="utf-8") == "made read-only to keep it"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_export_failure_keeps_the_old_file(capsys, tmp_path, monkeypatch):
    out = tmp_path / "out.kml"
    out.write_text("previous export", encoding="utf-8")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert_clean_failure(*run(capsys, "export", "-f", "kml", "-o", str(out)), "No space left")
    assert out.read_text(encoding="utf-8") == "previous export"


def test_a_missing_bundled_catalogue_is_reported(capsys, monkeypatch):
    import mapexplorer.paths

    def gone():
        raise FileNotFoundError("Map Explorer's geodata/ folder is missing from the installation")

    monkeypatch.setattr(mapexplorer.paths, "bundled_catalogue", gone)
    assert_clean_failure(*run(capsys, "events"), "geodata/ folder is missing")


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip().startswith("mapexplorer 0.")


def test_help_mentions_the_subcommands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for word in ("--at", "--select", "--size", "--screenshot", "export", "events"):
        assert word in out


@pytest.mark.parametrize("argv", [["--help"], ["events", "--help"], ["export", "--help"]])
def test_help_names_excel_and_gpx_among_the_files_read(capsys, argv):
    """`mapexplorer FILE`, `events` and `export` read .xlsx workbooks and GPX files; their
    help said only "a catalogue, GeoJSON, CSV or KML/KMZ file"."""
    with pytest.raises(SystemExit):
        cli.main(argv)
    out = " ".join(capsys.readouterr().out.split())
    assert "Excel (.xlsx)" in out and "KML/KMZ or GPX file" in out


def test_options_for_another_format_are_said_to_be_ignored(capsys, tmp_path):
    out = tmp_path / "story.csv"
    code, _out, err = run(capsys, "export", "-o", str(out), "--at", "2015", "--frames", "30")
    assert code == 0 and out.exists()
    assert "mapexplorer: warning: --at, --frames do not apply to a csv export; ignored" in err
    code, _out, err = run(capsys, "export", "-o", str(tmp_path / "story.geojson"))
    assert code == 0 and "warning" not in err


def test_one_event_is_counted_in_words(capsys, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("title,date,lat,lon\nSummit,2025-01-17,46.2,6.1\n", encoding="utf-8")
    out = tmp_path / "one.geojson"
    code, stdout, _err = run(capsys, "export", str(path), "-o", str(out))
    assert code == 0 and stdout.strip() == f"wrote {out}: 1 event as geojson"


@pytest.mark.parametrize(
    "at",
    [
        ["--at", "-0043-03-15"],  # EDTF BC: a value argparse took for an option
        ["--at", "15 March 44 BC"],  # written, as the slider's date box takes it
        ["--at=AD 79"],
    ],
)
def test_at_takes_the_dates_the_window_takes(capsys, tmp_path, at):
    out = tmp_path / "x.html"
    code, _out, err = run(capsys, "export", "--format", "html", *at, "-o", str(out))
    assert code == 0, err
    # Before the story (1700): shown at its start, with a warning that names the date given.
    assert err.startswith(f"mapexplorer: warning: --at {at[-1].removeprefix('--at=')} is before")


def test_size_for_a_web_page_is_ignored_not_checked(capsys, tmp_path):
    out = tmp_path / "x.html"
    code, _out, err = run(capsys, "export", "-o", str(out), "--size", "200x150")
    assert code == 0, err
    assert err == "mapexplorer: warning: --size does not apply to a html export; ignored\n"
    assert out.is_file()


@pytest.mark.parametrize(
    ("argv", "todo"),
    [
        (["events", "https://example.org/data.geojson"], "download the file, then open it"),
        (["export", "HTTP://example.org/t.csv", "-o", "t.kml"], "download the file, then open"),
        (
            ["import-article", "https://apnews.com/article/x", "-o", "x.geojson"],
            "save the article from the browser (as .html, or its text as .txt) and import",
        ),
    ],
)
def test_a_web_address_is_said_to_be_one(capsys, tmp_path, monkeypatch, argv, todo):
    """It said "https:/example.org/…: the file does not exist" (a path's folded slashes)."""
    monkeypatch.chdir(tmp_path)
    code, stdout, err = run(capsys, *argv)
    assert_clean_failure(
        code, stdout, err, f"mapexplorer: {argv[1]}: a web address, not a file: ", todo
    )
    assert list(tmp_path.iterdir()) == []


def test_a_file_address_pasted_from_a_browser_opens_the_file(capsys, tmp_path):
    story = tmp_path / "my story.geojson"
    native.save(native.load(BUNDLED), story)
    code, stdout, err = run(capsys, "events", story.as_uri())  # file:///…/my%20story.geojson
    assert code == 0 and err == ""
    assert "Putin and Pezeshkian sign" in stdout


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout here")
def test_dash_as_the_output_is_the_standard_output(tmp_path):
    """`-o -` wrote a file named "-" (which a newcomer then struggles to delete)."""
    command = [sys.executable, "-m", "mapexplorer", "export", "-f", "csv", "-o", "-"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(done.stdout.decode("utf-8").splitlines()))
    assert {r["event_id"] for r in rows} == {e.id for e in native.load(BUNDLED).events}
    assert b"wrote /dev/stdout: 30 events as csv" in done.stderr
    assert list(tmp_path.iterdir()) == []
    without = subprocess.run(command[:4] + ["-o", "-"], cwd=tmp_path, capture_output=True)
    assert without.returncode == 2 and without.stderr == (
        b"mapexplorer: -o -: the standard output has no name to tell the format by; give --format\n"
    )
    # Read in part (`| head`), it ends quietly as `events` does, not with "cannot write".
    head = f"{sys.executable} -m mapexplorer export -f geojson -o - | head -c 10"
    done = subprocess.run(["sh", "-c", head], capture_output=True, text=True, timeout=120)
    assert done.stdout == '{\n "type":' and done.stderr == "", done.stderr


def test_a_listing_piped_into_head_ends_quietly(tmp_path):
    """`mapexplorer events FILE | head -1`: the reader goes after one line; no traceback."""
    from mapexplorer.synthetic import synthetic_catalogue

    big = tmp_path / "big.geojson"  # a listing far beyond what a pipe holds (64 KiB)
    native.save(synthetic_catalogue(3000), big)
    command = f"{sys.executable} -m mapexplorer events {big} | head -1"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=120)
    assert done.stdout.startswith("DATE")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
