"""Importing an article in the window: confirm the date, review the drafts, save, reopen; the
review survives closing; bad input gets a clear message; hostile text is shown as text."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QUrl

from conftest import WORK_MS, drag_handle, file_drop
from mapexplorer.formats import native
from mapexplorer.paths import geodata_dir

BUNDLED = geodata_dir() / "russia-iran-partnership.txt"
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def drafts_folder(tmp_path, monkeypatch):
    """Autosaved reviews go to the test's own folder, never the user's app data."""
    folder = tmp_path / "drafts"
    monkeypatch.setenv("MAPEXPLORER_DRAFTS_DIR", str(folder))
    return folder


@pytest.fixture
def window(qtbot, bundled, page_path):
    from mapexplorer.ui.main_window import MainWindow

    win = MainWindow(bundled, "bundled.geojson", page_path, settings=None)
    qtbot.addWidget(win)
    win.show()
    return win


def confirm_date(qtbot, window, expected: str | None = None, published: str | None = None):
    """Answer the publication-date dialog (it opens without blocking), wait for the drafts
    (made on a thread of their own) and return the review."""
    dialog = window.importer.date_dialog
    assert dialog is not None and dialog.isVisible()
    if expected is not None:
        assert dialog.published() == expected
    if published is not None:
        dialog.set_published(published)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not window.importer.busy, timeout=WORK_MS)
    return window.review


def open_review(qtbot, window, path=BUNDLED):
    assert window.importer.import_file(str(path))
    review = confirm_date(qtbot, window, "2025-01-17")
    assert review is not None and review.isVisible()
    return review


# --- the whole flow ----------------------------------------------------------------------------


def test_import_accept_edit_reject_save_and_reopen(window, qtbot, tmp_path, drafts_folder):
    file_menu = window.menuBar().actions()[0].menu()
    labels = [a.text() for a in file_menu.actions()]
    assert "&Import article…" in labels and "&Paste article text…" in labels
    assert window.importer.import_action.shortcut().toString() == "Ctrl+I"
    assert window.importer.import_file(str(BUNDLED))
    dialog = window.importer.date_dialog
    assert dialog.published() == "2025-01-17"
    assert "Friday" in dialog.reasoning.text() and "Jan. 20" in dialog.reasoning.text()
    assert "Friday 17 January 2025" in dialog.words.text()
    review = confirm_date(qtbot, window)
    assert review.model.rowCount() == len(review.drafts.drafts) >= 10
    assert "17 January 2025" in review.subheader.text()

    # Accept one, with the keyboard.
    accepted = review.row_of("Russia constructed Iran")
    review.select(accepted)
    qtbot.keyClick(review.table, Qt.Key.Key_A)
    assert review.drafts.drafts[accepted].status == "accepted"
    assert review.current_row() == accepted + 1  # moved on to the next draft

    # Edit one: title, date (typed, then confirmed with Enter), an alternative place, category.
    edited = review.row_of("Russian soldiers inhabited")
    review.select(edited)
    assert review.excerpt_visible()
    assert review.drafts.drafts[edited].time.edtf == "1900/1933"
    review.title_edit.selectAll()
    qtbot.keyClicks(review.title_edit, "Russian troops occupy northern Iran")
    review.date_edit.selectAll()
    qtbot.keyClicks(review.date_edit, "1911-1")
    assert review.date_words.text().startswith("Not a date")  # inline, nothing applied yet
    qtbot.keyClicks(review.date_edit, "2")
    assert review.date_words.text() == "= December 1911"
    qtbot.keyClick(review.date_edit, Qt.Key.Key_Return)
    assert review.tick_place("Russia")  # one of the alternatives
    review.set_category("war")
    draft = review.drafts.drafts[edited]
    assert draft.time.edtf == "1911-12"
    assert any(t.edtf == "1900/1933" for t in draft.time_alternatives)  # the old reading kept
    assert [review.date_alternatives.itemData(i) for i in range(review.date_alternatives.count())][
        1:
    ] == ["1900/1933"]
    assert [p.name for p in draft.places] == ["Northern Iran", "Russia"]
    review.table.setFocus()
    review.accept_current()
    assert draft.status == "accepted" and draft.title == "Russian troops occupy northern Iran"

    # Reject one.
    rejected = review.row_of("1917 Bolshevik")
    review.select(rejected)
    qtbot.keyClick(review.table, Qt.Key.Key_R)
    assert review.drafts.drafts[rejected].status == "rejected"
    assert "2 accepted · 1 rejected" in review.counts.text()

    # Save: the catalogue holds exactly the accepted drafts and opens in the main window.
    out = tmp_path / "saved" / "russia-iran.geojson"
    out.parent.mkdir()
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=15000):
        assert review.save_to(out)
    catalogue = native.load(out)
    by_title = {e.title: e for e in catalogue.events}
    assert len(catalogue.events) == 2
    occupation = by_title["Russian troops occupy northern Iran"]
    assert occupation.time.edtf == "1911-12" and occupation.category == "war"
    assert {catalogue.places[p].name for p in occupation.place_ids} == {"Northern Iran", "Russia"}
    assert "Russian soldiers inhabited" in occupation.excerpts[0].text
    assert not any("1917" in e.excerpt for e in catalogue.events)
    assert catalogue.source.published == "2025-01-17"
    assert catalogue.source.text == BUNDLED.read_text(encoding="utf-8")
    assert {e.title for e in window.state.catalogue.events} == set(by_title)
    assert window.path == str(out)
    assert "Saved 2 events" in review.status_line.text()

    # The review was autosaved as it went.
    (saved,) = drafts_folder.glob("*.json")
    assert json.loads(saved.read_text(encoding="utf-8"))["format"] == "mapexplorer-drafts"


def test_the_header_is_the_articles_title_else_its_file_name_as_written(window, qtbot, tmp_path):
    """The bundled text has no title line: the header read "Russia iran partnership", a title
    made from its file's name; a text with a title line is headed with it."""
    review = open_review(qtbot, window)
    assert review.header.text() == "russia-iran-partnership.txt"
    assert review.windowTitle() == "Review: russia-iran-partnership.txt — Map Explorer"
    assert review.suggested_path().endswith("russia-iran-partnership.geojson")
    titled = tmp_path / "talks.txt"
    titled.write_text(
        "Talks in Geneva\n\nGENEVA (AP) — Diplomats from France and Iran met in Geneva on "
        "March 3, 2024. In 2015 they had signed a deal in Vienna.\n",
        encoding="utf-8",
    )
    assert window.importer.import_file(str(titled))
    review = confirm_date(qtbot, window, published="2024-03-05")
    assert review.header.text() == "Talks in Geneva"
    untitled = "GENEVA (AP) — Diplomats from France and Iran met in Geneva on March 3, 2024."
    assert window.importer.import_text(untitled, "notes from Geneva", kind="txt")
    review = confirm_date(qtbot, window, published="2024-03-05")
    assert review.header.text() == "notes from Geneva"


def test_nothing_accepted_is_not_saved(window, tmp_path, qtbot):
    review = open_review(qtbot, window)
    assert not review.save_to(tmp_path / "empty.geojson")
    assert not (tmp_path / "empty.geojson").exists()
    assert "accept" in review.status_line.text().lower()


def test_a_folder_that_cannot_be_written_is_said_plainly_and_loses_nothing(
    window, tmp_path, qtbot, monkeypatch
):
    import tempfile

    review = open_review(qtbot, window)
    review.select(0)
    review.accept_current()
    accepted = [d.excerpt.text for d in review.drafts.drafts if d.status == "accepted"]

    missing = tmp_path / "no-such-folder" / "out.geojson"
    assert not review.save_to(missing)
    message = review.status_line.text()
    assert str(missing) in message
    assert f"the folder {tmp_path / 'no-such-folder'} does not exist" in message
    assert ".tmp" not in message and "Errno" not in message  # not the temporary file's name
    assert "review is kept" in message

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "out.geojson").write_text("earlier catalogue", encoding="utf-8")

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(locked / ".out.geojson.x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert not review.save_to(locked / "out.geojson")
    message = review.status_line.text()
    assert "Permission denied" in message and ".tmp" not in message
    assert (locked / "out.geojson").read_text(encoding="utf-8") == "earlier catalogue"
    assert [d.excerpt.text for d in review.drafts.drafts if d.status == "accepted"] == accepted
    assert window.path == "bundled.geojson"  # the window still shows what it showed
    monkeypatch.undo()
    assert review.save_to(locked / "out.geojson")


def test_selecting_a_draft_shows_its_sentence_and_a_click_in_the_article_selects(window, qtbot):
    review = open_review(qtbot, window)
    review.resize(1200, 700)
    last = len(review.drafts.drafts) - 1
    review.select(last)
    assert review.excerpt_visible(last)
    assert review.sentence.text().strip("“”") == review.drafts.drafts[last].excerpt.text
    first = review.drafts.drafts[0]
    review._on_anchor(QUrl("draft:0"))
    assert review.current_row() == 0 and review.title_edit.text() == first.title


def test_the_reviews_article_is_one_tab_stop_and_the_arrows_go_through_the_drafts(window, qtbot):
    """Tab stopped at each draft's sentence in the review's article (one per draft) before it
    left it; it is one Tab stop, Left and Right go from sentence to sentence, Enter selects
    the draft framed, and A decides it without leaving the article."""
    from mapexplorer.importer.drafts import ACCEPTED

    review = open_review(qtbot, window)
    review.resize(1200, 700)
    review.activateWindow()
    article = review.article
    article.setFocus()
    qtbot.waitUntil(article.hasFocus)
    links = article.links()
    assert len(links) >= 10
    qtbot.keyClick(article, Qt.Key.Key_Right)
    qtbot.keyClick(article, Qt.Key.Key_Right)
    assert article.focused_link() == links[1]
    qtbot.keyClick(article, Qt.Key.Key_Return)
    row = review.current_row()
    assert review._anchor_rows[1][2] == row
    assert article.hasFocus()  # the keyboard stays in the article, on that sentence
    qtbot.keyClick(article, Qt.Key.Key_A)
    assert review.drafts.drafts[row].status == ACCEPTED
    qtbot.keyClick(article, Qt.Key.Key_Tab)
    assert not article.hasFocus()


def test_ctrl_z_takes_back_the_last_verdict(window, qtbot):
    """A moves on to the next draft: a draft accepted by mistake was out of Undo verdict's
    reach (it acts on the draft selected), and Ctrl+Z did nothing. Ctrl+Z takes back the last
    verdict now, selecting its draft again; an Accept all is taken back whole; a title being
    typed keeps its own Ctrl+Z."""
    from PySide6.QtGui import QKeySequence

    from mapexplorer.importer.drafts import ACCEPTED, PENDING, REJECTED

    review = open_review(qtbot, window)
    review.activateWindow()
    review.select(0)
    review.table.setFocus()
    qtbot.waitUntil(review.table.hasFocus)
    drafts = review.drafts.drafts
    qtbot.keyClick(review.table, Qt.Key.Key_A)
    qtbot.keyClick(review.table, Qt.Key.Key_R)
    assert (drafts[0].status, drafts[1].status) == (ACCEPTED, REJECTED)
    assert review.current_row() == 2
    undo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    qtbot.keyClick(review.table, undo.key(), undo.keyboardModifiers())
    assert drafts[1].status == PENDING and review.current_row() == 1
    assert drafts[1].title[:40] in review.status_line.text()
    qtbot.keyClick(review.table, undo.key(), undo.keyboardModifiers())
    assert drafts[0].status == PENDING and review.current_row() == 0

    review.accept_all()
    assert all(d.status == ACCEPTED for d in drafts)
    review.undo_verdict()
    assert all(d.status == PENDING for d in drafts)
    review.undo_verdict()
    assert "Nothing to undo" in review.status_line.text()

    review.select(3)
    review.accept_current()  # a verdict that Ctrl+Z in a text box must leave alone
    before = review.title_edit.text()  # the next draft's title
    review.title_edit.setFocus()
    qtbot.waitUntil(review.title_edit.hasFocus)
    review.title_edit.selectAll()
    qtbot.keyClicks(review.title_edit, "New title")
    qtbot.keyClick(review.title_edit, undo.key(), undo.keyboardModifiers())
    assert review.title_edit.text() == before  # the box's own undo
    assert drafts[3].status == ACCEPTED


def test_ctrl_shift_z_gives_an_undone_verdict_again(window, qtbot):
    """Ctrl+Z took a verdict back, and one press too many (an Accept all of forty drafts)
    could only be given again draft by draft."""
    from PySide6.QtGui import QKeySequence

    from mapexplorer.importer.drafts import ACCEPTED, PENDING, REJECTED

    review = open_review(qtbot, window)
    review.activateWindow()
    review.select(0)
    review.table.setFocus()
    qtbot.waitUntil(review.table.hasFocus)
    drafts = review.drafts.drafts
    undo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    redo = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    qtbot.keyClick(review.table, Qt.Key.Key_R)
    review.accept_all()
    assert drafts[0].status == REJECTED and all(d.status == ACCEPTED for d in drafts[1:])
    qtbot.keyClick(review.table, undo.key(), undo.keyboardModifiers())
    qtbot.keyClick(review.table, undo.key(), undo.keyboardModifiers())
    assert all(d.status == PENDING for d in drafts)
    qtbot.keyClick(review.table, redo.key(), redo.keyboardModifiers())
    assert drafts[0].status == REJECTED and review.current_row() == 0
    assert "Redone" in review.status_line.text()
    qtbot.keyClick(review.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert all(d.status == ACCEPTED for d in drafts[1:])
    assert "Redone" in review.status_line.text() and "accepted again" in review.status_line.text()
    review.redo_verdict()
    assert "Nothing to redo" in review.status_line.text()
    review.undo_verdict()  # and a new verdict after an undo: nothing left to redo
    review.select(1)
    review.reject_current()
    review.redo_verdict()
    assert "Nothing to redo" in review.status_line.text()
    assert drafts[1].status == REJECTED and drafts[2].status == PENDING


def test_ctrl_z_takes_back_edits_to_title_date_and_places_once_the_box_is_left(window, qtbot):
    """Ctrl+Z took back verdicts only: a title retyped, a date or places changed could not be
    had back once the box had lost the focus. Each is one step of the same history."""
    from PySide6.QtGui import QKeySequence

    from mapexplorer.importer.drafts import ACCEPTED

    review = open_review(qtbot, window)
    review.activateWindow()
    review.select(1)
    draft = review.drafts.drafts[1]
    title, time, places = draft.title, draft.time, list(draft.places)
    review.title_edit.setFocus()
    qtbot.waitUntil(review.title_edit.hasFocus)
    review.title_edit.selectAll()
    qtbot.keyClicks(review.title_edit, "Talks in Vienna")
    review.table.setFocus()  # the box left: its own Ctrl+Z no longer reaches the title
    qtbot.waitUntil(review.table.hasFocus)
    assert draft.title == "Talks in Vienna"
    assert review.set_date("2024-02-03")
    assert review.find_place("Vienna") is not None
    review.set_category("diplomacy" if draft.category != "diplomacy" else "other")
    category = review.category_box.currentData()
    qtbot.keyClick(review.table, Qt.Key.Key_A)  # the verdict, in the same history
    assert draft.status == ACCEPTED and review.current_row() == 2

    undo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    redo = QKeySequence(QKeySequence.StandardKey.Redo)[0]
    for _ in range(3):  # the verdict, the category, the place added
        qtbot.keyClick(review.table, undo.key(), undo.keyboardModifiers())
    assert review.current_row() == 1 and draft.places == places
    assert "places of draft 2" in review.status_line.text()
    qtbot.keyClick(review.table, undo.key(), undo.keyboardModifiers())
    assert draft.time == time and review.date_edit.text() == time.edtf
    qtbot.keyClick(review.table, undo.key(), undo.keyboardModifiers())  # the whole title
    assert draft.title == title and review.title_edit.text() == title
    assert "title of draft 2" in review.status_line.text()
    review.undo_verdict()
    assert "Nothing to undo" in review.status_line.text()
    assert review.drafts.drafts[1].title == title  # and the autosave has it so

    for _ in range(5):
        qtbot.keyClick(review.table, redo.key(), redo.keyboardModifiers())
    assert (draft.title, draft.time.edtf, draft.category) == (
        "Talks in Vienna",
        "2024-02-03",
        category,
    )
    assert "Vienna" in [p.name.split(",")[0] for p in draft.places]
    assert draft.status == ACCEPTED and review.title_edit.text() == "Talks in Vienna"


def test_a_date_that_is_not_one_is_never_dropped_silently(window, qtbot, tmp_path):
    review = open_review(qtbot, window)
    row = review.row_of("Russia constructed Iran")
    review.select(row)
    draft = review.drafts.drafts[row]
    before = draft.time
    for typed in ("2024-02-30", "yesterday"):
        review.date_edit.selectAll()
        qtbot.keyClicks(review.date_edit, typed)
        qtbot.keyClick(review.date_edit, Qt.Key.Key_Return)
        assert review.date_words.text().startswith("Not a date")
        assert draft.time == before

        # Accepting waits: the draft is not accepted with its old date behind the user's back.
        review.accept_current()
        assert draft.status == "pending" and review.current_row() == row
        assert review.date_edit.text() == typed  # what was typed is still there to correct
        assert f"“{typed}” is not a date" in review.status_line.text()
        review.accept_all()
        assert all(d.status == "pending" for d in review.drafts.drafts)
        assert review.date_edit.text() == typed

    review.drafts.drafts[0].status = "accepted"
    out = tmp_path / "out.geojson"
    assert not review.save_to(out)  # not "Saved" with a date other than the one on screen
    assert not out.exists()
    assert "“yesterday” is not a date" in review.status_line.text()

    review.date_edit.selectAll()
    qtbot.keyClicks(review.date_edit, "2010-08-21")
    review.accept_current()
    assert draft.status == "accepted" and draft.time.edtf == "2010-08-21"
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=15000):
        assert review.save_to(out)
    saved = {e.excerpts[0].text: e for e in native.load(out).events}
    assert saved[draft.excerpt.text].time.edtf == "2010-08-21"


def test_moving_to_another_draft_says_a_typed_non_date_was_not_applied(window, qtbot):
    review = open_review(qtbot, window)
    review.resize(1320, 820)
    row = review.row_of("Russia constructed Iran")
    review.select(row)
    before = review.drafts.drafts[row].time
    review.date_edit.setFocus()
    review.date_edit.selectAll()
    qtbot.keyClicks(review.date_edit, "yesterday")
    # A click on another draft's row in the table: the date field loses the focus first.
    target = review.table.visualRect(review.model.index(row + 1, review.model.TITLE)).center()
    qtbot.mouseClick(review.table.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert review.current_row() == row + 1
    assert review.drafts.drafts[row].time == before
    message = review.status_line.text()
    assert f"Draft {row + 1}: “yesterday” is not a date and was not applied" in message
    assert date_words_of(before) in message


def date_words_of(time) -> str:
    from mapexplorer.ui.review import date_words

    return date_words(time)


def test_date_alternative_from_the_combo(window, qtbot):
    review = open_review(qtbot, window)
    row = next(i for i, d in enumerate(review.drafts.drafts) if d.time_alternatives)
    review.select(row)
    draft = review.drafts.drafts[row]
    before, other = draft.time, draft.time_alternatives[0]
    assert review.date_alternatives.isEnabled()
    index = review.date_alternatives.findData(other.edtf)
    review.date_alternatives.setCurrentIndex(index)
    review.date_alternatives.activated.emit(index)
    assert draft.time == other and before in draft.time_alternatives
    assert review.date_edit.text() == other.edtf


def test_find_a_place_by_name(window, qtbot):
    review = open_review(qtbot, window)
    review.select(review.row_of("Russia constructed Iran"))
    place = review.find_place("Vienna")
    assert place is not None and place.name.startswith("Vienna")
    draft = review.current_draft()
    assert draft.places[-1].name == place.name
    assert review.find_place("Xyzzyville") is None
    assert "No place called" in review.status_line.text()


def test_namesakes_in_one_country_are_listed_by_their_state(window, qtbot):
    """Two "Rome, US" entries were told apart only by their coordinates (and shared one id)."""
    review = open_review(qtbot, window)
    review.select(review.row_of("Russia constructed Iran"))
    review.find_place("Rome")
    labels = [review.place_list.item(i).text() for i in range(review.place_list.count())]
    names = [label.split("  (")[0] for label in labels]
    assert "Rome, Georgia" in names and "Rome, New York" in names
    draft = review.current_draft()
    ids = [p.id for p in draft.places + draft.place_alternatives]
    assert len(ids) == len(set(ids))


# --- nothing typed is lost ---------------------------------------------------------------------


def test_closing_keeps_the_review_and_importing_again_resumes_it(window, qtbot, drafts_folder):
    review = open_review(qtbot, window)
    row = review.row_of("Russia constructed Iran")
    review.select(row)
    review.title_edit.selectAll()
    qtbot.keyClicks(review.title_edit, "Bushehr plant completed")  # autosave is debounced…
    rejected = review.row_of("1917 Bolshevik")
    review.select(rejected)
    review.reject_current()
    review.select(row)
    review.title_edit.selectAll()
    qtbot.keyClicks(review.title_edit, "Bushehr nuclear plant completed")
    review.close()  # …and flushed on close
    assert "kept" in window.statusBar().currentMessage()

    assert window.importer.import_file(str(BUNDLED))
    dialog = window.importer.date_dialog
    assert "reviewed this article before" in dialog.resumed.text()
    again = confirm_date(qtbot, window, "2025-01-17")
    assert again is not review
    assert again.drafts.drafts[row].title == "Bushehr nuclear plant completed"
    assert again.drafts.drafts[rejected].status == "rejected"
    assert again.status_line.text().startswith("Resumed your review")
    assert len(list(drafts_folder.glob("*.json"))) == 1


def test_closing_the_main_window_closes_the_review_and_keeps_the_typing(
    window, drafts_folder, qtbot
):
    from mapexplorer.importer import DraftSet

    review = open_review(qtbot, window)
    review.select(0)
    review.title_edit.setText("Typed just now")  # not yet autosaved (debounced)
    window.close()
    assert not review.isVisible()
    (saved,) = drafts_folder.glob("*.json")
    assert DraftSet.load(saved).drafts[0].title == "Typed just now"


def test_a_new_publication_date_redrafts_but_keeps_decisions(window, qtbot):
    review = open_review(qtbot, window)
    row = review.row_of("Russia constructed Iran")
    review.select(row)
    review.title_edit.setText("Bushehr nuclear plant completed")
    review.accept_current()
    review.close()

    assert window.importer.import_file(str(BUNDLED))
    again = confirm_date(qtbot, window, "2025-01-17", published="2025-03-07")
    assert again.drafts.source.published == "2025-03-07"
    kept = next(d for d in again.drafts.drafts if "Russia constructed Iran" in d.excerpt.text)
    assert kept.title == "Bushehr nuclear plant completed" and kept.status == "accepted"
    assert "earlier decision is kept" in again.status_line.text()


def test_switching_article_keeps_the_first_review(window, qtbot, drafts_folder):
    review = open_review(qtbot, window)
    review.select(0)
    review.accept_current()
    other = geodata_dir().parent / "tests" / "data" / "articles" / "geneva-talks.txt"
    if not other.exists():
        pytest.skip("the test articles are not in this checkout")
    assert window.importer.import_file(str(other))
    confirm_date(qtbot, window)
    assert window.review is not review and window.review.isVisible()
    assert len(list(drafts_folder.glob("*.json"))) == 2


# --- bad input ---------------------------------------------------------------------------------


def error_text(window) -> str:
    box = window.importer.error_box
    assert box is not None and box.isVisible()
    return box.text() + "\n" + box.informativeText()


def test_a_story_without_a_year_asks_for_its_date_again_when_left_empty(window, qtbot, tmp_path):
    """A sports piece with no year ("MUNICH (AP) — … on Tuesday", "Sunday, July 14"), its date
    left empty, was refused ("found no dates it can place in time … give the publication date")
    and had to be imported again: the date is asked again, saying why, and read once given."""
    path = tmp_path / "bayern.txt"
    path.write_text(
        "Bayern beat Dortmund\n\nMUNICH (AP) — Harry Kane scored twice as Bayern Munich beat "
        "Borussia Dortmund 3-1 on Tuesday.\n\nThe teams meet again on Sunday, July 14, in "
        "Dortmund.\n",
        encoding="utf-8",
    )
    assert window.importer.import_file(str(path))
    first = window.importer.date_dialog
    assert first.published() == ""
    first.buttons.button(first.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: (
            window.importer.date_dialog is not first
            and window.importer.date_dialog is not None
            and window.importer.date_dialog.isVisible()
        ),
        timeout=WORK_MS,
    )
    assert getattr(window.importer, "error_box", None) is None and window.review is None
    dialog = window.importer.date_dialog
    assert "on Tuesday" in dialog.reasoning.text() and "web address" in dialog.reasoning.text()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # empty, it would only be refused again
    review = confirm_date(qtbot, window, published="2024-07-09")
    assert review is not None and review.isVisible()
    assert {d.time.start_iso for d in review.drafts.drafts} >= {"2024-07-09", "2024-07-14"}


def test_an_empty_file_is_refused_by_name(window, tmp_path, bundled):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    assert not window.importer.import_file(str(path))
    assert "empty.txt" in error_text(window) and "empty" in window.importer.error_box.text()
    assert window.review is None and window.importer.date_dialog is None
    assert window.state.catalogue.events == bundled.events


def test_a_binary_file_is_refused_by_name(window, tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert not window.importer.import_file(str(path))
    text = error_text(window)
    assert "photo.txt" in text and "binary" in text
    assert "Nothing was changed" in text


def test_a_text_without_dates_is_refused_after_the_date(window, tmp_path, bundled, qtbot):
    path = tmp_path / "no-dates.txt"
    path.write_text(
        "Talks in Geneva\n\nDiplomats from France and Iran met in Geneva to talk about trade. "
        "They agreed to meet again in Vienna.\n",
        encoding="utf-8",
    )
    assert window.importer.import_file(str(path))
    confirm_date(qtbot, window, published="2024-05-01")
    text = error_text(window)
    assert "no-dates.txt" in text and "no dates" in text
    assert window.review is None
    assert window.state.catalogue.events == bundled.events


def test_a_text_without_places_is_refused(window, tmp_path, qtbot):
    path = tmp_path / "no-places.md"
    path.write_text(
        "# Minutes\n\nThe committee met on March 3, 2024 and again in May 2024 to discuss "
        "the budget. It will meet next in 2025.\n",
        encoding="utf-8",
    )
    assert window.importer.import_file(str(path))
    confirm_date(qtbot, window, published="2024-06-01")
    assert "no-places.md" in error_text(window) and "no place" in error_text(window)


def test_the_calendar_buttons_arrow_leaves_its_text_whole(window, qtbot):
    """The arrow that says "Calendar…" opens a menu was drawn over the end of its text: the
    button was only as wide as the text."""
    from PySide6.QtWidgets import QStyle

    assert window.importer.import_file(str(BUNDLED))
    dialog = window.importer.date_dialog
    qtbot.waitExposed(dialog)
    button = dialog.calendar_button
    text = button.fontMetrics().horizontalAdvance(button.text())
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    assert button.width() >= text + arrow + 8  # and the button's own margins
    dialog.reject()


def test_an_invalid_publication_date_is_refused_inline(window):
    assert window.importer.import_file(str(BUNDLED))
    dialog = window.importer.date_dialog
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.set_published("2025-02-30")
    assert not ok.isEnabled() and "YYYY-MM-DD" in dialog.words.text()
    dialog.set_published("17/01/2025")
    assert not ok.isEnabled()
    dialog.set_published("2025-01-18")
    assert ok.isEnabled() and dialog.words.text() == "Saturday 18 January 2025"
    dialog.reject()
    assert window.review is None


# --- other ways in -----------------------------------------------------------------------------


def test_dropping_an_article_starts_the_import(window, tmp_path, qtbot):
    path = tmp_path / "dropped-article.txt"
    path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    event = file_drop(path)
    window.dropEvent(event)
    review = confirm_date(qtbot, window, "2025-01-17")
    assert review is not None and review.article_path == str(path)


def test_a_file_dropped_on_the_review_opens_as_on_the_main_window(window, tmp_path, qtbot):
    """The review refused dropped files (the main window takes them): an article dropped on
    it is imported, its review taking this one's place (which is kept); a table opens on the
    map."""
    import shiboken6

    from mapexplorer.importer.drafts import ACCEPTED

    review = open_review(qtbot, window)
    assert review.acceptDrops()
    review.accept_current()
    article = tmp_path / "dropped-on-review.txt"
    article.write_text(
        "Talks in Geneva\n\nGENEVA (AP) — Diplomats from France and Iran met in Geneva on "
        "March 3, 2024 to talk about trade. In 2015 they had signed a deal in Vienna.\n",
        encoding="utf-8",
    )
    event = file_drop(article)
    review.dropEvent(event)
    assert event.isAccepted()
    assert "dropped-on-review.txt" in review.status_line.text()
    assert "review is kept" in review.status_line.text()
    new = confirm_date(qtbot, window, published="2024-03-05")
    assert new is not review and new.article_path == str(article)
    # (the old review is closed, then deleted later: it may be gone already)
    assert window.review is new
    assert not shiboken6.isValid(review) or not review.isVisible()

    table = tmp_path / "incidents.csv"
    table.write_text("title,date,latitude,longitude\nTalks,2025-02-03,48.2,16.37\n")
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        new.dropEvent(file_drop(table))
    assert [e.title for e in window.state.catalogue.events] == ["Talks"]
    assert window.review is new and new.isVisible()  # the review stays, as it was

    first = open_review(qtbot, window)  # the first article's review was kept
    assert first.drafts.drafts[0].status == ACCEPTED


def test_an_article_opened_with_file_open_is_imported(window, tmp_path, qtbot):
    """A news story saved as .txt, picked in File ▸ Open: imported, as a dropped one is (it
    was read as a table and refused as "a single column")."""
    path = tmp_path / "story.txt"
    path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    window.open_file(str(path))
    review = confirm_date(qtbot, window, "2025-01-17")
    assert review is not None and review.article_path == str(path)


def test_a_dropped_text_table_opens_as_data(window, tmp_path, qtbot):
    """Excel's "Unicode text" is a .txt too (UTF-16, tab-separated): dropped, it opens as the
    table it is, not as an article to import."""
    path = tmp_path / "incidents.txt"
    path.write_bytes(
        "Title\tDate\tLatitude\tLongitude\r\nTalks\t2025-02-03\t48.2\t16.37\r\n".encode("utf-16")
    )
    event = file_drop(path)
    with qtbot.waitSignal(window.state.catalogue_changed, timeout=WORK_MS):
        window.dropEvent(event)
    assert [e.title for e in window.state.catalogue.events] == ["Talks"]
    assert window.importer.date_dialog is None or not window.importer.date_dialog.isVisible()


def test_pasted_hostile_text_is_shown_literally(window, qtbot):
    text = (
        f"Talks {HOSTILE} <b>now</b>\n\n"
        "GENEVA (AP) — Diplomats from France and Iran met in Geneva on March 3, 2024 "
        f"to discuss {HOSTILE} trade. In 2015 they had signed a deal in Vienna.\n"
    )
    assert window.importer.import_text(text, "pasted <b>text</b>", kind="txt")
    review = confirm_date(qtbot, window, published="2024-03-05")
    assert review is not None
    assert HOSTILE in review.header.text()
    assert review.header.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in review.article.toPlainText()
    assert "&lt;img" in review.article.toHtml()  # text in the document, not an image
    review.select(0)
    review.title_edit.setText(HOSTILE)
    title = review.model.index(0, review.model.TITLE)
    assert review.model.data(title) == HOSTILE
    tooltip = review.model.data(title, Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip
    assert review.sentence.textFormat() == Qt.TextFormat.PlainText


def test_paste_dialog_guesses_the_kind(window):
    from mapexplorer.ui.import_dialog import guess_kind

    assert guess_kind("<!doctype html><html><body><p>x</p></body></html>") == "html"
    assert guess_kind("# Title\n\nBody text.") == "md"
    assert guess_kind("Plain words. More words.") == "txt"
    window.importer.paste_text()
    dialog = window.importer.paste_dialog
    assert dialog.isVisible()
    dialog.text_edit.setPlainText("")
    dialog.accept()
    assert "no text" in window.importer.error_box.text()


def test_the_review_window_looks_right(window, qtbot, tmp_path):
    review = open_review(qtbot, window)
    review.resize(1320, 820)
    review.select(review.row_of("Russian soldiers inhabited"))
    image = review.grab()
    assert image.width() >= 1000
    image.save(str(tmp_path / "review.png"))


def test_a_handle_dragged_too_far_never_hides_a_review_panel(window, qtbot):
    """Dragging a handle of the review to the window's edge hid the drafts, the editor or the
    article behind a handle a pixel or two wide; each now stops at its least size, as in the
    main window."""
    from PySide6.QtCore import QPoint

    review = open_review(qtbot, window)
    review.resize(1000, 700)
    qtbot.waitExposed(review)
    left = review.split.widget(0)
    for splitter, far in ((review.split, 2000), (left, 2000)):
        for offset in (far, -far):  # towards one edge, then the other
            along = QPoint(offset, 0) if splitter is review.split else QPoint(0, offset)
            drag_handle(qtbot, splitter, 1, along)
            for i in range(splitter.count()):
                panel = splitter.widget(i)
                least = panel.minimumSizeHint()
                least = least.width() if splitter is review.split else least.height()
                assert panel.isVisible() and splitter.sizes()[i] >= max(1, least), (i, offset)


def test_the_review_fits_half_a_laptops_screen_without_overlap(window, qtbot):
    """At its least size (730x517) the editor's rows were drawn over each other, one draft
    showed in the table and the status line stood a word a line; and it could not be made
    narrower than 730 px, wider than half a 1366-px screen."""
    from PySide6.QtWidgets import QFormLayout

    review = open_review(qtbot, window)
    review.resize(680, 500)
    qtbot.waitUntil(lambda: review.size().width() == 680 and review.size().height() == 500)
    review.layout().activate()
    assert review.table.height() >= 4 * 26  # a few drafts in view
    form = review.editor.findChild(QFormLayout)
    boxes = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if item is not None and item.geometry().height() > 0:
            boxes.append(item.geometry())
    for above, below in zip(boxes, boxes[1:], strict=False):
        assert above.bottom() < below.top(), (above, below)  # the editor scrolls instead
    for row in range(form.rowCount()):
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if field is not None and field.widget() is not None:
            assert field.geometry().height() >= field.widget().minimumSizeHint().height()
    line = review.status_line
    assert line.height() <= 3 * line.fontMetrics().lineSpacing()


def test_a_narrow_review_gives_the_title_column_room(window, qtbot):
    """In a review 1024 px wide the other columns kept their widths and the titles read
    "The t…"; they now give way, down to their least, and come back when there is room."""
    from mapexplorer.ui.review import DraftTableModel

    review = open_review(qtbot, window)
    table, head = review.table, review.table.horizontalHeader()
    title = DraftTableModel.TITLE
    review.resize(1600, 800)
    qtbot.waitUntil(lambda: table.viewport().width() > 700)
    widths = {c: head.sectionSize(c) for c in review.COLUMN_WIDTHS}
    assert widths == {c: w for c, (w, _) in review.COLUMN_WIDTHS.items()}
    review.resize(1024, 640)
    qtbot.waitUntil(lambda: table.viewport().width() < 650)
    assert head.sectionSize(title) >= review.TITLE_LEAST
    assert all(head.sectionSize(c) < w for c, w in widths.items())  # each gave some
    assert all(head.sectionSize(c) >= least for c, (_, least) in review.COLUMN_WIDTHS.items())
    review.resize(1600, 800)
    qtbot.waitUntil(lambda: table.viewport().width() > 700)
    assert {c: head.sectionSize(c) for c in review.COLUMN_WIDTHS} == widths


def test_a_column_the_user_widened_keeps_its_width_when_the_window_resizes(window, qtbot):
    """The columns are fitted to the table at each resize: a column the user had dragged
    wider went back to ours. It now keeps the user's width; the others still give way."""
    from PySide6.QtCore import QPoint, Qt

    from mapexplorer.ui.review import DraftTableModel

    review = open_review(qtbot, window)
    table, head = review.table, review.table.horizontalHeader()
    review.resize(1600, 800)
    qtbot.waitUntil(lambda: table.viewport().width() > 700)
    places = DraftTableModel.PLACES
    # Drag the places column's right edge 120 px to the right, as the mouse does.
    edge = head.sectionViewportPosition(places) + head.sectionSize(places) - 1
    y = head.height() // 2
    wider = head.sectionSize(places) + 120
    qtbot.mousePress(head.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(head.viewport(), QPoint(edge + 120, y))
    qtbot.mouseRelease(head.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 120, y))
    assert head.sectionSize(places) == wider
    room = table.viewport().width()
    review.resize(1200, 800)
    qtbot.waitUntil(lambda: table.viewport().width() < room)
    review.resize(1600, 800)
    qtbot.waitUntil(lambda: table.viewport().width() == room)
    assert head.sectionSize(places) == wider


def test_the_busy_bar_shows_soon_while_a_long_article_is_drafted(window, qtbot):
    # A bar of no range shows after its minimum duration only once it has a value: without
    # one, Qt's own 4 s passed first, and a long import showed no bar and no Cancel.
    long_text = "\n\n".join([BUNDLED.read_text(encoding="utf-8")] * 12)
    importer = window.importer
    assert importer.import_text(long_text, "report.txt")
    importer.date_dialog.buttons.button(importer.date_dialog.buttons.StandardButton.Ok).click()
    bar = importer.drafting
    assert bar is not None and not bar.isVisible()  # a short article's drafts come first
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert importer.busy
    importer.cancel_drafting()
    qtbot.waitUntil(lambda: not importer._winding_down, timeout=60_000)


def test_a_long_article_is_drafted_with_the_window_live_and_cancel_drops_it(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    text = BUNDLED.read_text(encoding="utf-8")
    long_text = "\n\n".join([text] * 6)  # a long report: seconds of drafting
    importer = window.importer
    assert importer.import_text(long_text, "report.txt")
    importer.date_dialog.buttons.button(importer.date_dialog.buttons.StandardButton.Ok).click()
    assert importer.busy and importer.drafting is not None
    # The event loop turns while the drafts are made: a timer fires, the bar can move.
    fired = []
    QTimer.singleShot(20, lambda: fired.append(importer.busy))
    qtbot.waitUntil(lambda: bool(fired), timeout=10_000)
    assert fired == [True]
    importer.drafting.findChild(QPushButton).click()  # the bar's Cancel button
    assert not importer.busy and importer.drafting is None  # at once
    qtbot.waitUntil(lambda: not importer._winding_down, timeout=60_000)  # its thread ended
    assert window.review is None  # the dropped drafts opened nothing
    # The same article again, not cancelled: its review opens.
    assert importer.import_text(long_text, "report.txt")
    review = confirm_date(qtbot, window)
    assert review is not None and review.model.rowCount() > 10


def type_a_non_date(qtbot, review) -> None:
    review.date_edit.setFocus()
    review.date_edit.selectAll()
    qtbot.keyClicks(review.date_edit, "yesterday")


def answer_the_close_box_with(review, answer: str) -> list[str]:
    """Answer the review's question on closing ("keep" editing or "close" anyway) as soon as
    it is asked; the list gets the question's text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def reply():
        box = review.close_box
        asked.append(box.text())
        role = (
            QMessageBox.ButtonRole.RejectRole
            if answer == "keep"
            else QMessageBox.ButtonRole.DestructiveRole
        )
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()

    QTimer.singleShot(0, reply)
    return asked


@pytest.mark.parametrize("answer", ["keep", "close"])
def test_closing_with_a_typed_non_date_asks_first(window, qtbot, answer):
    """Closing the review with "yesterday" in the date box used to drop it without a word:
    now it asks. Keep editing: the window stays, the text too. Close anyway: the draft keeps
    its date, as said."""
    review = open_review(qtbot, window)
    row = review.row_of("Russia constructed Iran")
    review.select(row)
    before = review.drafts.drafts[row].time
    type_a_non_date(qtbot, review)
    asked = answer_the_close_box_with(review, answer)
    review.close()
    assert asked and "“yesterday” is not a date" in asked[0]
    assert date_words_of(before) in asked[0]
    assert review.drafts.drafts[row].time == before
    if answer == "keep":
        assert review.isVisible()
        assert review.date_edit.text() == "yesterday"
        review.date_edit.setText(before.edtf)  # corrected: closing after the test asks nothing
    else:
        assert not review.isVisible()


@pytest.mark.parametrize("answer", ["keep", "close"])
def test_quitting_with_a_typed_non_date_in_the_review_asks_first(window, qtbot, answer):
    """Quitting the app (closing the main window) with "yesterday" in the review's date box
    used to close the main window whatever the user answered: 'Keep editing' now keeps both
    windows open, with the text; 'Close anyway' closes both."""
    review = open_review(qtbot, window)
    type_a_non_date(qtbot, review)
    asked = answer_the_close_box_with(review, answer)
    closed = window.close()
    assert asked and "“yesterday” is not a date" in asked[0]
    if answer == "keep":
        assert not closed
        assert window.isVisible() and review.isVisible()
        assert review.date_edit.text() == "yesterday"
        review.date_edit.setText("2015")  # corrected: closing after the test asks nothing
    else:
        assert closed
        assert not window.isVisible() and not review.isVisible()


def test_the_bundled_articles_review_is_not_saved_inside_the_installation(window, qtbot):
    """Its text is in the app's own folder: the save dialog offered to write there."""
    from pathlib import Path

    from mapexplorer.ui.dialog_folders import users_folder

    review = open_review(qtbot, window)
    assert Path(review.suggested_path()) == Path(users_folder(), "russia-iran-partnership.geojson")


def test_at_larger_text_the_status_column_shows_its_words_whole(window, qtbot):
    """At 200% the columns kept their pixel widths: the status read "○ To …"."""
    from mapexplorer.ui.review import DraftTableModel

    window.set_text_scale(2.0)
    try:
        review = open_review(qtbot, window)
        review.resize(1320, 820)
        table, head = review.table, review.table.horizontalHeader()
        qtbot.waitUntil(lambda: table.viewport().width() > 600)
        status = review.model.text(review.drafts.drafts[0], DraftTableModel.STATUS)
        assert status.endswith("To review")
        metrics = table.fontMetrics()
        assert head.sectionSize(DraftTableModel.STATUS) > metrics.horizontalAdvance(status) + 6
        assert head.sectionSize(DraftTableModel.CONFIDENCE) > head.fontMetrics().horizontalAdvance(
            "Confidence"
        )
        assert head.sectionSize(DraftTableModel.TITLE) >= 200  # the title keeps room to read
    finally:
        window.set_text_scale(1.0)


def test_at_larger_text_the_dialogs_grow_with_their_text(window, qtbot):
    """At 200% the publication-date dialog kept its 520 px, its heading cut off at the edge,
    and the read report its 640×360."""
    from PySide6.QtWidgets import QLabel

    from mapexplorer.ui.report_dialog import ReadReportDialog

    normal = ReadReportDialog("Some rows", "row 2: no date", "row 2: no date")
    qtbot.addWidget(normal)
    window.set_text_scale(2.0)
    try:
        assert window.importer.import_file(str(BUNDLED))
        dialog = window.importer.date_dialog
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.minimumWidth() > 520
        heading = dialog.findChildren(QLabel)[0]
        assert heading.text().startswith("Importing")
        assert heading.wordWrap()
        assert heading.heightForWidth(heading.width()) <= heading.height()
        reasoning = dialog.reasoning
        assert reasoning.heightForWidth(reasoning.width()) <= reasoning.height()
        dialog.reject()
        large = ReadReportDialog("Some rows", "row 2: no date", "row 2: no date")
        qtbot.addWidget(large)
        assert large.width() > normal.width() and large.height() > normal.height()
    finally:
        window.set_text_scale(1.0)


def test_keep_editing_when_another_article_opens_keeps_the_review_and_its_typing(
    window, qtbot, tmp_path
):
    """Importing another article closes the review open; answered 'Keep editing' (a date typed
    that is not one), the review was deleted all the same, what was typed with it. It stays,
    with the typing, and the other article's drafts are kept to resume."""
    from PySide6.QtCore import QTimer

    review = open_review(qtbot, window)
    type_a_non_date(qtbot, review)
    asked: list[str] = []

    def keep_editing():
        box = getattr(review, "close_box", None)
        if box is not None and box.isVisible() and not asked:
            asked.append(box.text())
            next(b for b in box.buttons() if b.text() == "Keep editing").click()

    poll = QTimer(interval=20)
    poll.timeout.connect(keep_editing)
    poll.start()
    other = tmp_path / "geneva.txt"
    other.write_text(
        "Talks in Geneva\n\nGENEVA (AP) — Diplomats from France and Iran met in Geneva on "
        "March 3, 2024 to talk about trade. In 2015 they had signed a deal in Vienna.\n",
        encoding="utf-8",
    )
    assert window.importer.import_file(str(other))
    confirm_date(qtbot, window, published="2024-03-05")
    qtbot.waitUntil(lambda: bool(asked))
    poll.stop()
    assert "“yesterday” is not a date" in asked[0]
    assert window.review is review and review.isVisible()
    assert review.date_edit.text() == "yesterday"
    assert "geneva.txt" in review.status_line.text()
    review.date_edit.setText("2015")  # corrected: the other article opens, its drafts kept
    assert window.importer.import_file(str(other))
    resumed = confirm_date(qtbot, window, published="2024-03-05")
    assert resumed is not review and resumed.article_path == str(other)
    assert "Resumed" in resumed.status_line.text()


def test_an_article_dropped_on_the_review_while_another_is_drafted_waits_its_turn(
    window, qtbot, tmp_path
):
    """An article dropped on the review while another's drafts were being made asked for its
    date and, answered, cancelled the first import for its own: a second import. It is
    refused, saying which import is running and to drop it again once that review opens."""
    review = open_review(qtbot, window)
    importer = window.importer
    long_text = "\n\n".join([BUNDLED.read_text(encoding="utf-8")] * 12)
    assert importer.import_text(long_text, "report.txt")
    importer.date_dialog.buttons.button(importer.date_dialog.buttons.StandardButton.Ok).click()
    assert importer.busy
    running = importer._job
    dialog = importer.date_dialog
    article = tmp_path / "second.txt"
    article.write_text(
        "Talks in Geneva\n\nGENEVA (AP) — Diplomats from France and Iran met in Geneva on "
        "March 3, 2024 to talk about trade.\n",
        encoding="utf-8",
    )
    review.dropEvent(file_drop(article))
    assert importer._job is running  # the import under way goes on, alone
    assert importer.date_dialog is dialog and not dialog.isVisible()  # no second date asked
    said = review.status_line.text()
    assert "second.txt" in said and "report.txt" in said and "again" in said, said
    assert not window.importer.import_file(str(article))  # File ▸ Open's way is refused too
    assert importer._job is running
    importer.cancel_drafting()
    qtbot.waitUntil(lambda: not importer._winding_down, timeout=60_000)
    assert window.importer.import_file(str(article))  # once it is over, it imports
    assert importer.date_dialog.isVisible()


def test_the_drafts_rows_follow_the_text_size(window, qtbot):
    """The drafts' rows were 26 px high at any text size: at 200% the text filled them to
    their edges, and the table's least height (four rows of 26 px) showed under three."""
    review = open_review(qtbot, window)
    table = review.table
    try:
        for scale in (2.0, 1.5, 1.0):
            window.set_text_scale(scale)
            qtbot.waitUntil(
                lambda: table.rowHeight(0) >= table.fontMetrics().height() + 8, timeout=5000
            )
            head = table.horizontalHeader().sizeHint().height()
            assert table.minimumHeight() >= head + 4 * table.rowHeight(0)
    finally:
        window.set_text_scale(1.0)


def test_a_blank_line_between_paragraphs_is_a_narrow_gap_in_the_reviews_article(
    window, qtbot, tmp_path
):
    """Paragraphs parted by a blank line (most articles saved as text, every web page) were
    two lines and more apart in the review's article, where the bundled one's are a margin."""

    path = tmp_path / "blank-lines.txt"
    path.write_text(
        "Talks in Geneva\n\nGENEVA (AP) — Diplomats from France and Iran met in Geneva on "
        "March 3, 2024 to talk about trade.\n\nIn 2015 they had signed a deal in Vienna.\n",
        encoding="utf-8",
    )
    assert window.importer.import_file(str(path))
    review = confirm_date(qtbot, window, published="2024-03-05")
    text = review.drafts.source.text
    browser = review.article

    def top(offset: int) -> int:
        return browser.cursorRect(review._cursor(offset, offset)).top()

    lines = browser.fontMetrics().lineSpacing()  # (the article's lines are 135% of it)
    one, two = text.index("GENEVA"), text.index("In 2015")
    assert "\n\n" in text[one:two]
    # From the last line of one paragraph to the next: a line (135%), its margin (8 px) and
    # a narrow gap, 31 px at lines of 14; not a blank line of its own between, with its
    # margin too (54 px, 2.7 lines and 16 px, at any size).
    last = text.rindex(" ", one, two - 2)
    assert top(two) - top(last) < 2 * lines + 16, (top(two) - top(last), lines)
    assert text.strip() in browser.toPlainText()  # the text as it was


def _contrast(one, two) -> float:
    """WCAG's contrast ratio of two QColors."""

    def luminance(colour) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(x) for x in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _styled_colour(label):
    import re

    from PySide6.QtGui import QColor

    found = re.search(r"color:\s*(#[0-9a-fA-F]{6})", label.styleSheet())
    assert found, label.styleSheet()
    return QColor(found.group(1))


@pytest.mark.parametrize("dark", [False, True])
def test_what_is_wrong_is_said_in_a_red_readable_on_the_palette(window, qtbot, dark):
    """The review's and the date dialog's errors were a light palette's red on any palette:
    on a dark one, 2.5:1, hard to read. They are a red of at least 4.5:1 on either."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    if dark:
        for role, colour in (
            (QPalette.ColorRole.Window, "#2b2b2b"),
            (QPalette.ColorRole.WindowText, "#e6e6e6"),
            (QPalette.ColorRole.Base, "#1e1e1e"),
            (QPalette.ColorRole.Text, "#e6e6e6"),
        ):
            palette.setColor(role, QColor(colour))
    review = open_review(qtbot, window)
    review.setPalette(palette)
    background = review.palette().color(QPalette.ColorRole.Window)
    review.set_status_message("Could not save", error=True)
    assert _contrast(_styled_colour(review.status_line), background) >= 4.5
    type_a_non_date(qtbot, review)
    review.table.setFocus()  # (the date box left: its words say it is not a date)
    qtbot.waitUntil(lambda: "color" in review.date_words.styleSheet(), timeout=5000)
    assert _contrast(_styled_colour(review.date_words), background) >= 4.5
    review.date_edit.setText(review.current_draft().time.edtf)  # (closing asks, else)
    review.date_edit.editingFinished.emit()
    assert review.close()
    assert window.importer.import_file(str(BUNDLED))
    dialog = window.importer.date_dialog
    dialog.setPalette(palette)
    dialog.set_published("2025-13-45")
    assert _contrast(_styled_colour(dialog.words), background) >= 4.5
    dialog.reject()


def test_closing_while_a_long_article_is_drafted_takes_the_window_away_at_once(
    window, qtbot, monkeypatch
):
    """Closing the window while a long text's drafts were made (cancelled or not) left it on
    screen, frozen, until they were done (12 s for a long report): they cannot be stopped
    midway. The window goes at once; the drafts' thread is waited for out of sight."""
    importer = window.importer
    long_text = "\n\n".join([BUNDLED.read_text(encoding="utf-8")] * 12)
    assert importer.import_text(long_text, "report.txt")
    importer.date_dialog.buttons.button(importer.date_dialog.buttons.StandardButton.Ok).click()
    assert importer.busy
    seen = []
    waiting = importer._finish_threads

    def finish_threads():
        seen.append(window.isVisible())
        waiting()

    monkeypatch.setattr(importer, "_finish_threads", finish_threads)
    window.close()
    assert seen and seen[0] is False  # hidden before the wait for the thread
    assert not importer.busy and not window.isVisible()
    qtbot.waitUntil(lambda: not importer._winding_down, timeout=60_000)


def test_f1_in_the_review_lists_its_keys(window, qtbot):
    """F1 in the review did nothing (Help ▸ Keyboard shortcuts is the main window's), and its
    keys (Ctrl+Z, Ctrl+S, Escape…) were listed nowhere in the app. F1 lists them there, and
    the main window's list has them too."""
    from PySide6.QtCore import Qt

    review = open_review(qtbot, window)
    review.activateWindow()
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_F1)
    dialog = review.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    for key, what in (("A", "Accept"), ("R", "reject"), ("Ctrl+Z", "Undo"), ("Ctrl+S", "Save")):
        assert key in text and what in text, (key, text)
    assert "Fit all events" not in text  # the review's keys, not the map's
    qtbot.keyClick(review.table, Qt.Key.Key_F1)
    assert review.shortcuts_dialog is dialog  # brought to the front, not opened again
    dialog.close()
    window.show_shortcuts()
    listed = window.shortcuts_dialog.text.toPlainText()
    window.shortcuts_dialog.close()
    assert "In the import review" in listed and "Ctrl+Z" in listed


def test_a_hard_wrapped_article_reads_as_paragraphs_in_the_review(window, qtbot, tmp_path):
    """Each line of a hard-wrapped article (e-mail, wire copy, text copied from a PDF) was a
    paragraph of its own in the review's article, a gap after every line; a break inside a
    paragraph is a space, and the sentences' offsets still hold."""
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Talks in Geneva\n\nGENEVA (AP) -- Diplomats from France and Iran met in Geneva on\n"
        "Tuesday, March 3, 2024, to talk about trade and the nuclear\n"
        "programme, officials said after the meeting ended late at night.\n\n"
        "In 2015 the two countries had signed a deal in Vienna.\n",
        encoding="utf-8",
    )
    assert window.importer.import_file(str(path))
    review = confirm_date(qtbot, window, published="2024-03-05")
    assert "met in Geneva on Tuesday, March 3, 2024" in review.article.toPlainText()
    text = review.drafts.source.text
    for offset in (text.index("Tuesday"), text.index("programme"), text.index("In 2015")):
        assert review._cursor(offset, offset + 1).selectedText() == text[offset]
    sentence = review.drafts.drafts[0].excerpt
    shown = review._cursor(sentence.start, sentence.end).selectedText()
    assert shown == text[sentence.start : sentence.end].replace("\n", " ")


def test_at_larger_text_the_review_fits_half_a_screen_and_its_headers_read_whole(window, qtbot):
    """At 150% text the review could not be made narrower than 924 px (its counts line, on
    one line, held it); at 200% "Places" read "Place", running into "Confidence", and the
    drafts scrolled sideways."""
    review = open_review(qtbot, window)
    table, head = review.table, review.table.horizontalHeader()
    try:
        window.set_text_scale(1.5)
        qtbot.waitUntil(lambda: review.minimumSizeHint().width() <= 683, timeout=5000)
        window.set_text_scale(2.0)
        review.resize(1000, 700)
        qtbot.waitUntil(lambda: review.size().width() == 1000, timeout=5000)
        review.layout().activate()

        def whole():
            wanted = [head.sectionSizeFromContents(c).width() for c in range(head.count())]
            return all(head.sectionSize(c) >= w for c, w in enumerate(wanted))

        qtbot.waitUntil(whole, timeout=5000)
        qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible(), timeout=5000)
        assert review.minimumSizeHint().width() <= 1024
    finally:
        window.set_text_scale(1.0)
