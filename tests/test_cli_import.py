"""`mapexplorer import-article` and `mapexplorer evaluate-import`: a catalogue the app and the
exporter open; clear messages and exit status 2 for bad input. Plain pytest."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest

from mapexplorer.cli import main
from mapexplorer.formats import native
from mapexplorer.paths import geodata_dir

BUNDLED = geodata_dir() / "russia-iran-partnership.txt"
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def test_import_writes_a_catalogue_the_app_opens(tmp_path, capsys):
    out = tmp_path / "imported.geojson"
    assert main(["import-article", str(BUNDLED), "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert "published 2025-01-17" in said.out
    # A date the text does not state is a guess: the user is told how it was made
    assert said.err.startswith("mapexplorer: the publication date was not given: No date is ")
    assert "Friday 17 January 2025" in said.err and "--published YYYY-MM-DD" in said.err
    catalogue = native.load(out)
    assert len(catalogue.events) >= 20
    assert catalogue.source.published == "2025-01-17"
    assert catalogue.source.text == BUNDLED.read_text(encoding="utf-8")
    csv = tmp_path / "imported.csv"
    assert main(["export", str(out), "-f", "csv", "-o", str(csv)]) == 0
    assert csv.read_text(encoding="utf-8").count("\n") > len(catalogue.events)
    geojson = tmp_path / "exported.geojson"
    assert main(["export", str(out), "-f", "geojson", "-o", str(geojson)]) == 0
    assert json.loads(geojson.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert main(["events", str(out)]) == 0


def test_published_date_given(tmp_path, capsys):
    out = tmp_path / "geneva.geojson"
    article = ARTICLES / "geneva-talks.txt"
    assert main(["import-article", str(article), "--published", "2024-03-06", "-o", str(out)]) == 0
    catalogue = native.load(out)
    assert catalogue.source.published == "2024-03-06"
    assert catalogue.source.published_note == "Given by the user: 2024-03-06."
    assert capsys.readouterr().err == ""


def test_an_article_with_no_publication_date_says_what_was_skipped(tmp_path, capsys):
    article = tmp_path / "undated.txt"
    article.write_text("Talks\n\nDiplomats met in Geneva in 2019 and again on Friday.\n")
    assert main(["import-article", str(article), "-o", str(tmp_path / "o.geojson")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("mapexplorer: no publication date was given, nor found in the text")
    assert "--published YYYY-MM-DD to read them" in err


@pytest.mark.parametrize("value", ["2025-02-30", "yesterday"])
def test_a_bad_published_date_names_the_option(tmp_path, capsys, value):
    article = ARTICLES / "geneva-talks.txt"
    argv = ["import-article", str(article), "--published", value, "-o", str(tmp_path / "o.geojson")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mapexplorer: --published: '{value}'") and "<text>" not in err


@pytest.mark.parametrize("name", ["crimean-war.md", "tripoli-floods.html"])
def test_other_formats(tmp_path, name):
    out = tmp_path / "out.geojson"
    assert main(["import-article", str(ARTICLES / name), "-o", str(out)]) == 0
    assert native.load(out).events


def _bad(tmp_path: Path, name: str, data: bytes | None) -> Path:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, "the file does not exist"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.md", b"\n \n\t\n", "the file is empty"),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), "binary file"),
        (
            "nodates.txt",
            b"Leaders met in Paris and Berlin to talk about trade.\n",
            "found no dates",
        ),
        ("noplaces.txt", b"The company grew in 2015 and again in 2019.\n", "found no place names"),
        # A catalogue or a table given as the article: its JSON and cells read as sentences
        # made a "catalogue" of 196 nonsense drafts.
        (
            "story.geojson",
            BUNDLED.with_name("russia-iran-partnership.geojson").read_bytes(),
            "this is a data file (GeoJSON), not a news text: open it with File ▸ Open (or "
            "`mapexplorer story.geojson`)",
        ),
        ("events.csv", b"title,date,place\nTalks in Paris,2024-05-01,Paris\n", "(a table)"),
    ],
)
def test_bad_input(tmp_path, capsys, name, data, message):
    path = _bad(tmp_path, name, data)
    out = tmp_path / "out.geojson"
    assert main(["import-article", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert name in err and message in err
    assert "Traceback" not in err
    assert not out.exists()


def test_bad_published_date(tmp_path, capsys):
    code = main(
        ["import-article", str(BUNDLED), "--published", "2025-02-30", "-o", str(tmp_path / "o")]
    )
    assert code == 2
    assert "--published" in capsys.readouterr().err


def test_evaluate_import(capsys):
    assert main(["evaluate-import"]) == 0
    out = capsys.readouterr().out
    assert "recovered: " in out and "unmatched: " in out


@pytest.mark.parametrize(("value", "said"), [("soon", "not an ISO date"), ("2025-02-30", "real")])
def test_evaluate_import_with_a_bad_published_date_says_so(capsys, value, said):
    assert main(["evaluate-import", "--published", value]) == 2  # was a traceback
    err = capsys.readouterr().err
    assert err.startswith(f"mapexplorer: --published: '{value}' is ") and said in err


def test_the_article_is_never_written_over(tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_bytes(BUNDLED.read_bytes())
    for out in (article, tmp_path / "drafts.md", tmp_path / "drafts.txt"):
        assert main(["import-article", str(article), "-o", str(out)]) == 2
        assert "over an article" in capsys.readouterr().err
    assert article.read_bytes() == BUNDLED.read_bytes()
    assert not (tmp_path / "drafts.md").exists()


@pytest.mark.parametrize("name", ["drafts.csv", "drafts.kml", "drafts.png", "drafts.xlsx"])
def test_an_output_named_for_another_format_is_refused(tmp_path, capsys, name):
    out = tmp_path / name
    assert main(["import-article", str(BUNDLED), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mapexplorer: -o {out}: import-article writes a GeoJSON catalogue")
    assert "drafts.geojson" in err
    assert not out.exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_an_article_saved_as_unicode_by_notepad_is_read(tmp_path, capsys, encoding):
    """Notepad's "Unicode" is UTF-16 with a byte order mark: text, not a binary file."""
    text = BUNDLED.read_text(encoding="utf-8")
    article = tmp_path / "article.txt"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # the BE codec writes no mark of its own
    article.write_bytes(data)
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    out, expected = tmp_path / "u16.geojson", tmp_path / "u8.geojson"
    assert main(["import-article", str(article), "--published", "2025-01-17", "-o", str(out)]) == 0
    assert (
        main(["import-article", str(utf8), "--published", "2025-01-17", "-o", str(expected)]) == 0
    )
    capsys.readouterr()
    assert json.loads(out.read_text())["features"] == json.loads(expected.read_text())["features"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "BRUSSELS, Nov 13 (Reuters) - European Union governments agreed on Thursday to new "
            "sanctions on Russia.\n",
            "found no dates it can place in time: “on Thursday” and other dates count from the "
            "day it was published, which the dateline gives as “Nov 13” without its year",
        ),
        (
            "Paris (AFP) - Thousands marched in Paris on Saturday against pension reform.\n\n"
            "The reform was adopted in March 2023.\n",
            "no sentence has both a date it can place in time and a place: “on Saturday”",
        ),
    ],
)
def test_dates_skipped_for_want_of_the_publication_date_are_named(tmp_path, capsys, text, said):
    """A Reuters story dated "Nov 13" (no year) and "on Thursday" was refused as "found no
    dates in the text": it has them, and --published reads them."""
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    # Saved on 1 December 2024: 13 November 2024 was a Wednesday, no "Thursday" of the story
    # (the year of a file saved soon after a Thursday, 13 November, would be the story's).
    saved = datetime.datetime(2024, 12, 1).timestamp()
    os.utime(path, (saved, saved))
    out = tmp_path / "out.geojson"
    assert main(["import-article", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert said in err and err.rstrip().endswith(
        "give the publication date with --published YYYY-MM-DD"
    )
    assert main(["import-article", str(path), "--published", "2025-11-15", "-o", str(out)]) == 0
    assert out.exists()
