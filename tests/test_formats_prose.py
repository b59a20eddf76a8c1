"""A .txt is an article to import or a table to open: told apart by its first lines."""

import pytest

from mapexplorer.formats import FormatError
from mapexplorer.formats.opener import read_catalogue
from mapexplorer.formats.prose import looks_like_prose

STORY = (
    "GENEVA (AP) — Diplomats from France and Iran met in Geneva on Monday, officials said.\n\n"
    "The talks, the first since 2019, ended without a deal, according to a statement.\n\n"
    "Another round is planned for March in Vienna, where the 2015 deal was signed.\n"
)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "encoding", "prose"),
    [
        (STORY, "utf-8", True),  # paragraphs, with a comma or two each
        ("Title,Date,Latitude,Longitude\nTalks,2025-02-03,48.2,16.3\n", "utf-8", False),
        ("Title;Date;Lieu\nGespräche;3.2.2025;Wien\n", "cp1252", False),
        # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
        ("Title\tDate\tPlace\r\nTalks in Vienna\t2025-02-03\tVienna\r\n", "utf-16", False),
        ("Title\tDate\n", "utf-8", False),  # a header alone
        ("", "utf-8", False),
        ("Vienna\nGeneva\nParis\n", "utf-8", False),  # a list, not sentences
    ],
)
def test_prose_and_tables_are_told_apart(tmp_path, text, encoding, prose):
    assert looks_like_prose(write(tmp_path, "file.txt", text, encoding)) is prose


def test_a_table_whose_rows_hold_sentences_is_still_a_table(tmp_path):
    rows = "".join(
        f'"Talks in round {k}",2025-02-0{k},"The delegations met again, and again they left '
        f'without agreeing on anything at all"\n'
        for k in range(1, 6)
    )
    assert not looks_like_prose(write(tmp_path, "t.txt", "Title,Date,Description\n" + rows))


def test_the_bundled_article_is_prose(tmp_path, bundled):
    assert looks_like_prose(write(tmp_path, "article.txt", bundled.source.text))


def test_an_article_opened_as_data_says_to_import_it(tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    with pytest.raises(FormatError) as raised:
        read_catalogue(path)
    said = str(raised.value)
    assert said.startswith(f"{path}: this is an article's text, not a table: import it")
    assert "File ▸ Import article…" in said and "import-article story.txt" in said


def test_a_table_that_fails_keeps_its_own_message(tmp_path):
    path = write(tmp_path, "list.txt", "Vienna\nGeneva\n")
    with pytest.raises(FormatError, match="single column"):
        read_catalogue(path)
