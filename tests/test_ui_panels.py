"""The linked panels: details, article and event list, each talking only to the ExplorerState."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from shapely.geometry import Point

from mapexplorer.colours import CATEGORY_COLOURS, category_colour
from mapexplorer.formats import native
from mapexplorer.model import Catalogue, Event, Excerpt, Place, Source, TimeSpan
from mapexplorer.model.state import ExplorerState
from mapexplorer.model.time import day_from_ymd
from mapexplorer.paths import bundled_catalogue
from mapexplorer.ui.article import QtArticle, split_passages
from mapexplorer.ui.details import EMPTY_HINT, QtDetails
from mapexplorer.ui.event_list import EventTableModel, QtEventList

SIZE = (380, 600)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return native.load(bundled_catalogue())


@pytest.fixture
def state(catalogue: Catalogue) -> ExplorerState:
    return ExplorerState(catalogue)


def _show(qtbot, widget: QWidget, size: tuple[int, int] = SIZE) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#2f65ca"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#6ea8fe"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def _link_point(browser, href: str) -> QPoint:
    """Viewport coordinates of the middle of the first character of the link `href`."""
    from PySide6.QtGui import QTextCursor

    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                return browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


# --- colours -----------------------------------------------------------------------------------


def test_category_colours() -> None:
    assert category_colour("war") == CATEGORY_COLOURS["war"] == "#d62728"
    assert category_colour("no-such-category") == CATEGORY_COLOURS["other"]


# --- details -----------------------------------------------------------------------------------


def test_details_hint_when_nothing_selected(qtbot, state) -> None:
    details = _show(qtbot, QtDetails(state))
    assert EMPTY_HINT in details.text()
    assert not details.article_button.isVisible()


def test_the_hint_shows_once_after_a_selection_is_cleared(qtbot, state) -> None:
    """Escape after a long event's details (scrolled: its scroll bar showing) showed the hint
    twice, one under the other: the scroll bar going resized the panel while the hint was
    being set, which set it again inside."""
    details = _show(qtbot, QtDetails(state))
    state.select("treaty-signing")
    assert details.browser.verticalScrollBar().maximum() > 0  # long enough to scroll
    state.select(None)
    assert details.text().strip() == EMPTY_HINT
    assert details.browser.verticalScrollBar().maximum() == 0


def test_details_show_the_selected_event(qtbot, state, catalogue) -> None:
    details = _show(qtbot, QtDetails(state))
    state.select("treaty-signing")
    text = details.text()
    event = catalogue.event("treaty-signing")
    assert event.title in text
    assert "Friday 17 January 2025" in text
    assert "How the date was resolved:" in text
    assert "Moscow" in text
    assert "Vladimir Putin" in text
    assert "diplomacy" in text
    assert "War in Ukraine" in text  # the era's label, not its id
    for excerpt in event.excerpts:
        assert excerpt.text in text  # verbatim
    assert details.article_button.isVisible() and details.article_button.isEnabled()


def test_details_of_a_file_without_an_article_speak_of_no_article(qtbot, catalogue) -> None:
    """A CSV's events showed "Show in article" greyed out under each one, and the hint asked
    for a click on "a highlighted passage in the article" that the file has not."""
    from mapexplorer.ui.details import EMPTY_HINT_NO_ARTICLE

    table = Catalogue(events=catalogue.events, places=catalogue.places, eras=catalogue.eras)
    state = ExplorerState(table)
    details = _show(qtbot, QtDetails(state))
    assert details.text().strip() == EMPTY_HINT_NO_ARTICLE
    assert "article" not in EMPTY_HINT_NO_ARTICLE
    state.select("treaty-signing")
    assert "Putin and Pezeshkian" in details.text()
    assert not details.article_button.isVisible()
    state.set_catalogue(catalogue)  # an article opened after it: its button and hint
    state.select("treaty-signing")
    assert details.article_button.isVisible() and details.article_button.isEnabled()
    state.select(None)
    assert details.text().strip() == EMPTY_HINT


def test_other_events_dates_do_not_make_a_narrow_panel_scroll_sideways(qtbot, state) -> None:
    """With larger text in a narrow panel (a projector's 1024x768 at 200%), the dates of the
    other events here, each kept whole on one line ("1992 – 17 January 2025"), made the panel
    scroll sideways; a span's date may now break after its dash, and only there."""
    from PySide6.QtGui import QTextDocument

    details = _show(qtbot, QtDetails(state), (440, 600))
    font = details.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    details.setFont(font)
    state.select("cold-war-us-ally")  # at Tehran, beside "1992 – 17 January 2025"
    assert "1992 – 17 January 2025" in details.text().replace("\xa0", " ")
    assert details.browser.horizontalScrollBar().maximum() == 0
    details.resize(900, 600)  # with room, the date is one line
    qtbot.waitUntil(lambda: details.browser.viewport().width() > 800)
    found = details.browser.document().find("1992", 0, QTextDocument.FindFlag(0))
    start = details.browser.cursorRect(found).center().y()
    found = details.browser.document().find("2025", found.position())
    assert details.browser.cursorRect(found).center().y() == start


def test_details_date_in_words(qtbot, state) -> None:
    details = _show(qtbot, QtDetails(state))
    state.select("fall-of-assad")
    assert "December 2024" in details.text()
    state.select("russo-persian-wars")
    assert "18th–19th century" in details.text()
    assert "known to the century" in details.text()


def test_other_events_here_link_selects(qtbot, state, catalogue) -> None:
    details = _show(qtbot, QtDetails(state))
    state.select("treaty-signing")
    others = details.other_event_ids()
    at_moscow = [e.id for e in catalogue.at_place("moscow") if e.id != "treaty-signing"]
    assert others == at_moscow and "soviet-collapse" in others
    assert "Other events here" in details.text()
    assert catalogue.event("soviet-collapse").title in details.text()

    state.set_time(day_from_ymd(2025, 1, 17))
    point = _link_point(details.browser, "event:soviet-collapse")
    qtbot.mouseClick(details.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert state.selected == "soviet-collapse"
    assert state.time != day_from_ymd(2025, 1, 17)  # move_time brought 1991 into view
    assert "treaty-signing" in details.other_event_ids()


def test_other_events_at_a_busy_place_are_those_nearest_the_selected_one(qtbot) -> None:
    """A city with two hundred incidents: "Other events here" listed its first 25, from months
    before the one selected, then "and 174 more…". It lists the 25 nearest, and says how many
    come before and after."""
    from conftest import busy_place_catalogue

    state = ExplorerState(busy_place_catalogue())
    details = _show(qtbot, QtDetails(state))
    state.select("e120")
    earlier, listed, later = details.listed_others()
    assert listed == [f"e{i}" for i in range(108, 134) if i != 120]
    assert (earlier, later) == (108, 199 - 25 - 108)
    text = details.text()
    assert "108 earlier…" in text and f"{later} later…" in text
    assert "Incident 119" in text and "Incident 121" in text and "Incident 3\n" not in text
    state.select("e1")  # near the start: the first 25 others, none before
    assert details.listed_others() == (0, [f"e{i}" for i in range(26) if i != 1], 174)
    assert "earlier…" not in details.text()
    state.select("e199")
    assert details.listed_others() == (174, [f"e{i}" for i in range(174, 199)], 0)


def test_the_details_are_one_tab_stop_and_the_arrows_go_through_their_links(qtbot) -> None:
    """At a busy place the details listed 25 other events, and Tab stopped at each before it
    reached the next control. The details are one Tab stop now; Left and Right go from link to
    link and Enter selects the event framed."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    from conftest import busy_place_catalogue

    state = ExplorerState(busy_place_catalogue())
    host = QWidget()
    details, after = QtDetails(state), QPushButton("after")
    layout = QVBoxLayout(host)
    layout.addWidget(details)
    layout.addWidget(after)
    _show(qtbot, host, (400, 600))
    state.select("e120")
    host.activateWindow()
    browser = details.browser
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    links = browser.links()
    assert len(links) == 25
    qtbot.keyClick(browser, Qt.Key.Key_Right)
    qtbot.keyClick(browser, Qt.Key.Key_Right)
    assert browser.focused_link() == links[1]
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert state.selected == "e109"  # the second nearest listed, from 108 on
    assert browser.hasFocus() and browser.focused_link() is None  # a new event's links
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert after.hasFocus()


def _with_extra(catalogue: Catalogue, event_id: str, summary: str, extra: dict) -> Catalogue:
    from dataclasses import replace

    events = [
        replace(e, summary=summary, extra=extra) if e.id == event_id else e
        for e in catalogue.events
    ]
    return Catalogue(events, catalogue.places, catalogue.eras, catalogue.source)


def test_details_show_the_files_other_fields_and_open_their_links(qtbot, catalogue) -> None:
    """A journalist's table has a source address and notes beside the event's own fields:
    shown, with web addresses that open in the browser (they were not shown at all)."""
    extra = {
        "source_url": "https://apnews.com/article/kenya-protests",
        "notes": "verified by two reporters",
        "empty": "",
        "tags": ["protest", "finance bill"],
        "wiki": "see https://en.wikipedia.org/wiki/Mercury_(planet).",
        "hostile": "<img src=x onerror=alert(1)> javascript:alert(1)",
    }
    state = ExplorerState(
        _with_extra(catalogue, "treaty-signing", "Signed; see https://example.org/t.", extra)
    )
    details = _show(qtbot, QtDetails(state))
    opened: list[QUrl] = []
    details.open_url = opened.append
    state.select("treaty-signing")
    text = details.text()
    assert "Source URL\nhttps://apnews.com/article/kenya-protests\n" in text
    assert "Notes\nverified by two reporters\n" in text
    assert "Tags\nprotest, finance bill\n" in text
    assert "Empty\n" not in text  # an empty cell is no information
    assert "<img src=x onerror=alert(1)> javascript:alert(1)" in text  # as text, not run
    # Links: the sentence's full stop and the address's own bracket told apart.
    point = _link_point(details.browser, "https://example.org/t")
    qtbot.mouseClick(details.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == [QUrl("https://example.org/t")]
    _link_point(details.browser, "https://en.wikipedia.org/wiki/Mercury_(planet)")
    _link_point(details.browser, "https://apnews.com/article/kenya-protests")
    assert "javascript" not in details.browser.toHtml().split("href=")[-1].split(">")[0]


def test_show_in_article_signal(qtbot, state) -> None:
    details = _show(qtbot, QtDetails(state))
    state.select("fall-of-assad")
    with qtbot.waitSignal(details.show_in_article, timeout=1000) as blocker:
        qtbot.mouseClick(details.article_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["fall-of-assad"]


# --- article -----------------------------------------------------------------------------------


def test_article_text_and_passages(qtbot, state, catalogue) -> None:
    article = _show(qtbot, QtArticle(state))
    text = catalogue.source.text
    plain = article.browser.toPlainText()
    assert catalogue.source.title in plain
    assert text.strip() in plain  # verbatim, newlines kept
    for event in catalogue.events:
        for excerpt in event.excerpts:
            assert event.id in article.events_at(excerpt.start)
            middle = (excerpt.start + excerpt.end) // 2
            assert article.browser.document().characterAt(
                article.document_position(middle)
            ) == text[middle].replace("\n", "\u2029")
    assert article.passage_at(0) is None  # the dateline before the first passage


def test_overlapping_passages_prefer_the_shortest(catalogue) -> None:
    passages = split_passages(catalogue)
    assert passages[0].start == 0 and passages[-1].end == len(catalogue.source.text)
    assert all(a.end == b.start for a, b in zip(passages, passages[1:], strict=False))
    shared = [p for p in passages if len(p.event_ids) > 1]
    assert shared  # the bundled article has passages quoted by two events
    assert any(
        {"israel-gaza-offensive", "israel-lebanon-offensive"} <= set(p.event_ids) for p in shared
    )


def test_clicking_a_passage_selects_its_event(qtbot, state, catalogue) -> None:
    article = _show(qtbot, QtArticle(state))
    excerpt = catalogue.event("trump-inauguration").excerpts[0]
    assert article.passage_at(excerpt.start + 5) == "trump-inauguration"
    point = article.offset_rect(excerpt.start + 5).center() + QPoint(2, 0)
    qtbot.mouseClick(article.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert state.selected == "trump-inauguration"


def test_clicking_a_shared_passage_again_cycles(qtbot, state, catalogue) -> None:
    article = _show(qtbot, QtArticle(state))
    offset = catalogue.event("israel-gaza-offensive").excerpts[0].start + 3
    owners = article.events_at(offset)
    assert len(owners) == 2
    url = QUrl(f"event:{article.passage_at(offset)}?at={offset - 3}")
    article.browser.anchorClicked.emit(url)
    assert state.selected == owners[0]
    article.browser.anchorClicked.emit(url)
    assert state.selected == owners[1]
    article.browser.anchorClicked.emit(url)
    assert state.selected == owners[0]


def test_selection_scrolls_the_article(qtbot, state) -> None:
    article = _show(qtbot, QtArticle(state))
    bar = article.browser.verticalScrollBar()
    assert bar.value() == 0
    assert not article.selected_passage_visible()
    state.select("guard-general-leak")  # quoted near the end of the article
    assert bar.value() > 0
    assert article.selected_passage_visible()
    state.select("treaty-signing")  # back at the top
    assert article.selected_passage_visible()


def test_article_highlights_the_selected_passage(qtbot, state, catalogue) -> None:
    article = _show(qtbot, QtArticle(state))
    assert article.browser.extraSelections() == []
    state.select("fall-of-assad")
    selections = article.browser.extraSelections()
    assert len(selections) == len(catalogue.event("fall-of-assad").excerpts)
    texts = {s.cursor.selectedText() for s in selections}
    assert {e.text for e in catalogue.event("fall-of-assad").excerpts} == texts
    state.select(None)
    assert article.browser.extraSelections() == []


@pytest.mark.parametrize("size", [(260, 600), (700, 600), (380, 300)])
def test_the_selected_passage_stays_in_view_when_the_panel_is_resized(qtbot, state, size) -> None:
    """Narrowing the window (or dragging the splitter) reflowed the article under a scroll
    bar that kept its pixels: the passage being read went out of view, far from it."""
    article = _show(qtbot, QtArticle(state))
    state.select("officials-describe-treaty")
    assert article.selected_passage_visible()
    article.resize(*size)
    qtbot.waitUntil(lambda: article.browser.viewport().size().width() < size[0])
    assert article.selected_passage_visible()


def test_the_text_being_read_stays_at_the_top_when_the_panel_is_resized(qtbot, state) -> None:
    """With no event selected, the line at the top of the panel stays there."""
    article = _show(qtbot, QtArticle(state))
    browser = article.browser
    bar = browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    reading = browser.cursorForPosition(QPoint(0, 0)).position()
    article.resize(SIZE[0] - 120, SIZE[1])
    qtbot.waitUntil(lambda: browser.viewport().width() < SIZE[0] - 120)
    cursor = QTextCursor(browser.document())
    cursor.setPosition(reading)
    assert 0 <= browser.cursorRect(cursor).center().y() < browser.viewport().height() // 6


@pytest.mark.parametrize("factor", [1.5, 0.75])
def test_the_place_in_the_article_is_kept_when_the_text_size_changes(qtbot, state, factor) -> None:
    """View ▸ Larger text reflowed the article under the same scroll position: the selected
    passage went out of view, and with none selected the line being read went elsewhere."""
    article = _show(qtbot, QtArticle(state))
    browser = article.browser

    def resize_text() -> None:
        font = article.font()
        font.setPointSizeF(font.pointSizeF() * factor)
        article.setFont(font)

    state.select("officials-describe-treaty")
    assert article.selected_passage_visible()
    resize_text()
    qtbot.waitUntil(article.selected_passage_visible, timeout=1000)
    assert browser.verticalScrollBar().value() > 0

    state.select(None)
    bar = browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    reading = browser.cursorForPosition(QPoint(0, 0)).position()
    resize_text()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(reading)
    assert 0 <= browser.cursorRect(cursor).center().y() < browser.viewport().height() // 6


def test_the_article_is_one_tab_stop_and_the_arrows_move_between_passages(qtbot, state) -> None:
    """Tab stopped at each of the article's 40 passages before it left the tab; it is one stop
    now, Right and Left move between passages, and Enter selects the passage's event."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    host = QWidget()
    before, article, after = QPushButton("before"), QtArticle(state), QPushButton("after")
    layout = QVBoxLayout(host)
    for widget in (before, article, after):
        layout.addWidget(widget)
    _show(qtbot, host, (400, 600))
    host.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    browser = article.browser
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert browser.hasFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert browser.hasFocus()

    links = browser.links()
    assert len(links) > 20
    qtbot.keyClick(browser, Qt.Key.Key_Right)
    assert browser.focused_link() == links[0]
    (frame,) = browser.extraSelections()  # a dotted frame shows where the keyboard is
    assert (frame.cursor.selectionStart(), frame.cursor.selectionEnd()) == links[0]
    qtbot.keyClick(browser, Qt.Key.Key_Right)
    assert browser.focused_link() == links[1]
    qtbot.keyClick(browser, Qt.Key.Key_Left)
    assert browser.focused_link() == links[0]
    qtbot.keyClick(browser, Qt.Key.Key_Left)  # the first stays, focus stays in the article
    assert browser.focused_link() == links[0] and browser.hasFocus()
    for _ in range(5):
        qtbot.keyClick(browser, Qt.Key.Key_Right)
    assert browser.focused_link() == links[5]
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    offset = links[5][0] - article.document_position(0)
    assert state.selected == article.passage_at(offset) is not None

    for _ in range(len(links) + 3):  # on to the last passage, scrolled into view, and no further
        qtbot.keyClick(browser, Qt.Key.Key_Right)
    assert browser.focused_link() == links[-1] and browser.hasFocus()
    assert browser.verticalScrollBar().value() > 0
    qtbot.keyClick(browser, Qt.Key.Key_Tab)  # and Tab still leaves at once
    assert after.hasFocus()


def test_a_file_without_an_article_says_so_in_the_article_tab(qtbot, catalogue) -> None:
    """A CSV or KML of events has no article: its tab showed an empty page under a rule."""
    from mapexplorer.ui.article import NO_ARTICLE

    table = Catalogue(events=catalogue.events, places=catalogue.places, eras=catalogue.eras)
    state = ExplorerState(table)
    article = _show(qtbot, QtArticle(state))
    assert article.browser.toPlainText().strip() == NO_ARTICLE
    assert "Import article" in NO_ARTICLE  # and where an article's text comes from
    state.select("treaty-signing")  # nothing to highlight, nothing amiss
    assert article.browser.extraSelections() == []
    state.set_catalogue(catalogue)  # an article opened after it: its text, not the note
    assert catalogue.source.text.strip() in article.browser.toPlainText()
    assert NO_ARTICLE not in article.browser.toPlainText()


# --- event list --------------------------------------------------------------------------------


def _rows(event_list: QtEventList) -> list[str]:
    model = event_list.model
    return [model.event_at(r).id for r in range(model.rowCount())]


def test_list_shows_all_events_in_date_order(qtbot, state, catalogue) -> None:
    event_list = _show(qtbot, QtEventList(state), (900, 500))
    assert _rows(event_list) == [e.id for e in catalogue.chronological()]
    model = event_list.model
    row = model.row_of("treaty-signing")
    assert model.index(row, EventTableModel.DATE).data() == "17 January 2025"  # no weekday
    assert model.index(row, EventTableModel.PLACES).data() == "Moscow"
    assert "Vladimir Putin" in model.index(row, EventTableModel.ACTORS).data()
    assert event_list.search.accessibleName() and event_list.table.accessibleName()
    assert event_list.category.accessibleName() and event_list.actor.accessibleName()
    assert "of 30 events visible" in event_list.count.text()


def test_the_selected_row_stays_in_view_when_the_list_grows_shorter(qtbot, state) -> None:
    """A row selected near the list's bottom slid out of sight when the list grew shorter
    (the window made smaller, the splitter dragged, larger text): it is kept in view."""
    event_list = _show(qtbot, QtEventList(state), (900, 500))
    table = event_list.table

    def in_view(event_id: str) -> bool:
        rect = table.visualRect(event_list.model.index(event_list.model.row_of(event_id), 0))
        return rect.top() >= 0 and rect.bottom() < table.viewport().height()

    bottom = table.rowAt(table.viewport().height() - 2)  # the last row in view
    chosen = event_list.model.event_at(bottom - 1).id
    state.select(chosen)
    assert in_view(chosen)
    event_list.resize(900, 250)
    qtbot.waitUntil(lambda: table.viewport().height() < 200)
    assert in_view(chosen)
    first = event_list.model.event_at(table.rowAt(2)).id  # a row at the top stays put
    state.select(first)
    scrolled = table.verticalScrollBar().value()
    event_list.resize(900, 200)
    qtbot.waitUntil(lambda: table.viewport().height() < 150)
    assert in_view(first) and table.verticalScrollBar().value() == scrolled


def test_events_of_one_day_list_in_the_files_order(qtbot) -> None:
    """Same-day events went "E0, E1, E10, E100, E2" (their ids as text), and an incident log's
    rows by their titles' slugs. In the file's order as the list opens, after sorting by
    another column and back, and reversed."""
    place = Place("p", "Kyiv", Point(30.5, 50.45))
    titles = ["Protest begins", "Police arrive", "Crowd disperses", "Report 2", "Report 10"]
    ids_in_file = ["protest-begins", "police-arrive", "crowd-disperses", "e2", "e10"]
    events = [
        Event(id=i, title=t, time=TimeSpan.parse("2024-03-05"), place_ids=("p",))
        for i, t in zip(ids_in_file, titles, strict=True)
    ]
    state = ExplorerState(Catalogue(events=events, places={"p": place}))
    event_list = _show(qtbot, QtEventList(state), (900, 500))
    assert _rows(event_list) == ids_in_file
    event_list.table.sortByColumn(EventTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert _rows(event_list) != ids_in_file  # sorted by title: another order
    event_list.table.sortByColumn(EventTableModel.DATE, Qt.SortOrder.AscendingOrder)
    assert _rows(event_list) == ids_in_file
    event_list.table.sortByColumn(EventTableModel.DATE, Qt.SortOrder.DescendingOrder)
    assert _rows(event_list) == ids_in_file[::-1]


def test_selecting_keeps_the_dates_in_view_in_a_narrow_list(qtbot, state) -> None:
    # Selected before the list is shown (as `--select` does), and after.
    state.select("islamic-revolution")
    event_list = QtEventList(state)
    for column in QtEventList.OPTIONAL_COLUMNS:
        event_list.show_column(column)  # every column: wider than the panel
    event_list = _show(qtbot, event_list, (420, 400))
    scroll = event_list.table.horizontalScrollBar()
    for event_id in ("islamic-revolution", "treaty-signing"):
        state.select(event_id)
        QApplication.processEvents()  # the view's delayed layout and scrolling
        assert scroll.maximum() > 0  # narrower than its columns
        row = event_list.row_of(event_id)
        assert row is not None and event_list.table.selectionModel().isRowSelected(row)
        assert scroll.value() == 0  # the date column is still the first thing shown


def test_a_side_panel_shows_date_title_and_places_without_scrolling(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state), (420, 400))
    table, model = event_list.table, event_list.model
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    assert shown == [EventTableModel.DATE, EventTableModel.TITLE, EventTableModel.PLACES]
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    # The title shows its category's colour, as the map's marker does.
    row = model.row_of("treaty-signing")
    swatch = model.index(row, EventTableModel.TITLE).data(Qt.ItemDataRole.DecorationRole)
    colour = swatch.pixmap(10, 10).toImage().pixelColor(5, 5).name()
    assert colour == category_colour(model.event_at(row).category)


def test_the_headers_menu_shows_and_hides_columns(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state), (900, 400))
    table = event_list.table
    menu = event_list.columns_menu()
    actions = {a.text(): a for a in menu.actions()}
    assert set(actions) == {"Places", "Category", "Actors", "Visible now"}  # not date or title
    assert actions["Places"].isChecked() and not actions["Actors"].isChecked()
    actions["Actors"].trigger()
    assert not table.isColumnHidden(EventTableModel.ACTORS)
    actions["Places"].trigger()
    assert table.isColumnHidden(EventTableModel.PLACES)
    assert event_list.columns_menu().actions()[2].isChecked()  # a new menu says what shows
    event_list.show_column(EventTableModel.TITLE, False)  # not one of the optional columns
    assert not table.isColumnHidden(EventTableModel.TITLE)


def test_home_and_end_go_to_the_first_and_last_event(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state), (420, 400))
    table = event_list.table
    table.setFocus()
    state.select("treaty-signing")
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert state.selected == event_list.model.event_at(0).id
    qtbot.keyClick(table, Qt.Key.Key_End)
    last = event_list.model.rowCount() - 1
    assert state.selected == event_list.model.event_at(last).id
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert state.selected == event_list.model.event_at(last - 1).id


@pytest.mark.parametrize("height", [110, 140, 170, 400])
def test_the_details_hint_fits_a_short_panel_without_scrolling(qtbot, state, height) -> None:
    """With nothing selected, a short details panel (a small window) scrolled beside its
    three lines of hint, which the fixed top margin pushed out of sight; the hint now moves up
    (and comes back down when the panel grows) and the panel does not scroll."""
    details = _show(qtbot, QtDetails(state), (300, 600))
    details.resize(300, height)
    qtbot.waitUntil(lambda: details.browser.viewport().height() < height)
    bar = details.browser.verticalScrollBar()
    assert bar.maximum() == 0 and not bar.isVisible()
    assert details.text().strip() == EMPTY_HINT
    state.select("treaty-signing")  # an event's details scroll as they need to
    assert bar.maximum() > 0 or height == 400
    state.select(None)
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=1000)  # (laid out in a moment)


def test_list_text_filter(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state))
    qtbot.keyClicks(event_list.search, "drone")
    qtbot.waitUntil(lambda: state.filter.text == "drone", timeout=2000)
    rows = _rows(event_list)
    assert "shahed-drone-deal" in rows and len(rows) < 30
    assert "match the filter" in event_list.count.text()
    event_list.search.clear()
    event_list.apply_text_filter()
    assert len(_rows(event_list)) == 30


def test_list_text_filter_ignores_accents_and_finds_categories(qtbot, catalogue) -> None:
    """Typing "zurich" found nothing in "Zürich", and "nuclear" only the events whose words
    say it, not every event of the category; the count line follows, and clearing restores
    everything."""
    from conftest import with_title

    state = ExplorerState(with_title(catalogue, "Talks in Zürich"))
    event_list = _show(qtbot, QtEventList(state))
    renamed = catalogue.events[-1].id
    qtbot.keyClicks(event_list.search, "zurich")
    event_list.apply_text_filter()
    assert _rows(event_list) == [renamed]
    assert "· 1 match the filter" in event_list.count.text()
    event_list.search.clear()
    qtbot.keyClicks(event_list.search, "NUCLEAR")
    event_list.apply_text_filter()
    nuclear = {e.id for e in catalogue.events if e.category == "nuclear"}
    assert nuclear and nuclear <= set(_rows(event_list))
    visible = len(state.visible_events())
    assert event_list.count.text().startswith(f"{visible} of 30 events visible")
    event_list.search.clear()
    event_list.apply_text_filter()
    assert len(_rows(event_list)) == 30
    assert "match" not in event_list.count.text()


def test_a_filter_that_matches_nothing_says_so_in_the_list(qtbot, state) -> None:
    """A filter matching no event (an emoji, a name in another script) left a blank list,
    as if the file held no events: the empty list now says which filter matched nothing
    and how to list everything again; the count line says none match."""
    event_list = _show(qtbot, QtEventList(state))
    table = event_list.table

    def colours() -> int:
        image = table.viewport().grab().toImage()
        return len({image.pixel(x, y) for x in range(image.width()) for y in range(image.height())})

    for text in ("🚀", "طهران", "ZÜRICH ‮"):
        event_list.search.setText(text)
        event_list.apply_text_filter()
        assert _rows(event_list) == []
        assert table.empty_text.startswith(f"No events match “\u2068{text.strip()}\u2069”.")
        assert "list all 30 events" in table.empty_text
        assert table.accessibleDescription() == table.empty_text
        assert event_list.count.text().endswith("· none match the filter")
        assert colours() > 1  # painted on the list: words, not an empty white box
    event_list.category.setCurrentIndex(event_list.category.findData("nuclear"))
    event_list.category.activated.emit(event_list.category.currentIndex())
    assert "and the category \u2068nuclear\u2069." in table.empty_text
    qtbot.keyClick(event_list.search, Qt.Key.Key_Escape)  # the text goes; the category stays
    assert _rows(event_list) and table.empty_text == ""
    assert colours() > 1 and "none match" not in event_list.count.text()


def test_down_in_the_filter_box_goes_into_what_it_found(qtbot, state) -> None:
    """From the keyboard, the list of what the filter found was three Tabs away (past the
    category and actor boxes): Down goes into it, at its first event (or the one selected)."""
    event_list = _show(qtbot, QtEventList(state))
    event_list.activateWindow()
    event_list.search.setFocus()
    qtbot.waitUntil(event_list.search.hasFocus)
    qtbot.keyClicks(event_list.search, "drone")  # typed: the filter waits for more keys
    qtbot.keyClick(event_list.search, Qt.Key.Key_Down)
    rows = _rows(event_list)
    assert state.filter.text == "drone" and len(rows) < 30
    assert event_list.table.hasFocus()
    assert state.selected == rows[0]
    qtbot.keyClick(event_list.table, Qt.Key.Key_Down)
    assert state.selected == rows[1]
    event_list.search.setFocus()
    qtbot.waitUntil(event_list.search.hasFocus)
    qtbot.keyClick(event_list.search, Qt.Key.Key_Down)  # the selected one stays
    assert event_list.table.hasFocus() and state.selected == rows[1]
    event_list.search.setText("zzqq")
    event_list.apply_text_filter()
    event_list.search.setFocus()
    qtbot.waitUntil(event_list.search.hasFocus)
    qtbot.keyClick(event_list.search, Qt.Key.Key_Down)  # nothing to go to
    assert event_list.search.hasFocus()


def test_escape_clears_the_filter_box_and_the_selection(qtbot, state) -> None:
    """Escape did nothing in the filter box or the list: now it clears the typed filter (the
    list and count come back at once), and in the list the selection."""
    event_list = _show(qtbot, QtEventList(state))
    qtbot.keyClicks(event_list.search, "drone")
    event_list.apply_text_filter()
    assert len(_rows(event_list)) < 30
    qtbot.keyClick(event_list.search, Qt.Key.Key_Escape)
    assert event_list.search.text() == "" and state.filter.text == ""
    assert len(_rows(event_list)) == 30 and "match" not in event_list.count.text()
    state.select("treaty-signing")
    event_list.table.setFocus()
    qtbot.keyClick(event_list.table, Qt.Key.Key_Escape)
    assert state.selected is None
    assert not event_list.table.selectionModel().hasSelection()


def test_list_category_and_actor_filters(qtbot, state, catalogue) -> None:
    event_list = _show(qtbot, QtEventList(state))
    combo = event_list.category
    assert combo.itemText(0) == "All categories"
    assert [combo.itemText(i) for i in range(1, combo.count())] == catalogue.categories()
    index = combo.findData("nuclear")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert state.filter.category == "nuclear"
    rows = _rows(event_list)
    assert rows and all(catalogue.event(i).category == "nuclear" for i in rows)

    state.set_filter(category="", actor="Vladimir Putin")  # set elsewhere: the combos follow
    assert combo.currentIndex() == 0
    assert event_list.actor.currentText() == "Vladimir Putin"
    assert set(_rows(event_list)) == {
        e.id for e in catalogue.events if "Vladimir Putin" in e.actors
    }


def test_clicking_a_row_selects_and_moves_time(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state), (900, 500))
    state.set_time(day_from_ymd(1800, 1, 1))
    row = event_list.row_of("bolshevik-revolution")
    index = event_list.model.index(row, EventTableModel.TITLE)
    rect = event_list.table.visualRect(index)
    qtbot.mouseClick(event_list.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert state.selected == "bolshevik-revolution"
    assert state.catalogue.event("bolshevik-revolution") in state.visible_events()


def test_selection_from_elsewhere_selects_the_row_once(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state))
    seen: list[str | None] = []
    state.selection_changed.connect(seen.append)
    state.select("treaty-signing")
    rows = event_list.table.selectionModel().selectedRows()
    assert [event_list.model.event_at(r.row()).id for r in rows] == ["treaty-signing"]
    assert seen == ["treaty-signing"]  # no feedback loop
    state.select(None)
    assert event_list.table.selectionModel().selectedRows() == []


def test_list_sorting(qtbot, state, catalogue) -> None:
    event_list = _show(qtbot, QtEventList(state), (900, 500))
    state.select("fall-of-assad")
    event_list.table.sortByColumn(EventTableModel.DATE, Qt.SortOrder.DescendingOrder)
    starts = [catalogue.event(i).time.start for i in _rows(event_list)]
    assert starts == sorted(starts, reverse=True)
    event_list.table.sortByColumn(EventTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [catalogue.event(i).title.casefold() for i in _rows(event_list)]
    assert titles == sorted(titles)
    # The selection follows its row through the sort.
    rows = event_list.table.selectionModel().selectedRows()
    assert [event_list.model.event_at(r.row()).id for r in rows] == ["fall-of-assad"]


def test_visible_column_follows_time(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state))
    model = event_list.model

    def visible(event_id: str) -> bool:
        return model.index(model.row_of(event_id), EventTableModel.VISIBLE).data() == "●"

    assert visible("treaty-signing") and not visible("islamic-revolution")
    state.set_time(day_from_ymd(1980, 1, 1))
    qtbot.waitUntil(lambda: visible("islamic-revolution"), timeout=2000)
    assert not visible("treaty-signing")
    hidden = model.index(model.row_of("treaty-signing"), EventTableModel.TITLE)
    shown = model.index(model.row_of("islamic-revolution"), EventTableModel.TITLE)
    assert hidden.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert shown.data(Qt.ItemDataRole.ForegroundRole) is None
    assert event_list.count.text().startswith(f"{len(state.visible_events())} of 30")


def test_list_handles_100000_events(qtbot) -> None:
    places = {"p": Place("p", "Somewhere", Point(10.0, 50.0))}
    spans = [TimeSpan.parse(f"{1900 + i % 120}-{1 + i % 12:02d}") for i in range(1440)]
    events = [
        Event(id=f"e{i}", title=f"Event {i}", time=spans[i % 1440], place_ids=("p",))
        for i in range(100_000)
    ]
    state = ExplorerState(Catalogue(events=events, places=places))
    event_list = _show(qtbot, QtEventList(state))
    state.set_time(day_from_ymd(1950, 6, 1))
    event_list.refresh_visibility()
    event_list.table.sortByColumn(EventTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    state.select("e4242", move_time=True)
    assert event_list.model.rowCount() == 100_000
    row = event_list.model.row_of("e4242")
    assert event_list.table.selectionModel().isRowSelected(row)


# --- escaping ----------------------------------------------------------------------------------

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_SUMMARY = "<b>bold</b>"


@pytest.fixture
def hostile_state() -> ExplorerState:
    text = f"Intro. {HOSTILE_TITLE} happened & <b>bold</b> things.\nEnd."
    start = text.index(HOSTILE_TITLE)
    excerpt = Excerpt(text[start : start + 40], start, start + 40)
    event = Event(
        id="hostile",
        title=HOSTILE_TITLE,
        time=TimeSpan.parse("2024-12"),
        place_ids=("x",),
        summary=HOSTILE_SUMMARY,
        actors=("<script>alert(2)</script>",),
        excerpts=(excerpt,),
        date_note="<i>note</i>",
    )
    other = Event(
        id="other", title="<a href='x'>link</a>", time=TimeSpan.parse("2023"), place_ids=("x",)
    )
    catalogue = Catalogue(
        events=[event, other],
        places={"x": Place("x", "<u>Town</u>", Point(1.0, 2.0))},
        source=Source(title="<h1>Headline</h1>", publisher="<b>Pub</b>", text=text),
    )
    return ExplorerState(catalogue)


def test_details_show_markup_literally(qtbot, hostile_state) -> None:
    details = _show(qtbot, QtDetails(hostile_state))
    hostile_state.select("hostile")
    text = details.text()
    for literal in (HOSTILE_TITLE, HOSTILE_SUMMARY, "<script>alert(2)</script>", "<i>note</i>"):
        assert literal in text
    assert "<u>Town</u>" in text and "<a href='x'>link</a>" in text
    assert "<img" not in details.browser.toHtml()


def test_article_shows_markup_literally(qtbot, hostile_state) -> None:
    article = _show(qtbot, QtArticle(hostile_state))
    plain = article.browser.toPlainText()
    assert hostile_state.catalogue.source.text in plain
    assert "<h1>Headline</h1>" in plain and "<b>Pub</b>" in plain
    assert "<img" not in article.browser.toHtml()
    start = hostile_state.catalogue.source.text.index(HOSTILE_TITLE)
    assert article.passage_at(start) == "hostile"


def test_list_shows_markup_literally(qtbot, hostile_state) -> None:
    event_list = _show(qtbot, QtEventList(hostile_state))
    model = event_list.model
    row = model.row_of("hostile")
    assert model.index(row, EventTableModel.TITLE).data() == HOSTILE_TITLE
    assert model.index(row, EventTableModel.PLACES).data() == "<u>Town</u>"


# --- appearance --------------------------------------------------------------------------------


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_panels_render(qtbot, state, tmp_path, dark) -> None:
    state.select("treaty-signing")
    for name, widget, size in (
        ("details", QtDetails(state), SIZE),
        ("article", QtArticle(state), SIZE),
        ("list", QtEventList(state), (700, 400)),
    ):
        _show(qtbot, widget, size)
        if dark:
            widget.setPalette(_dark_palette())
        image = widget.grab().toImage()
        assert not image.isNull() and image.width() == size[0]
        assert image.save(str(tmp_path / f"{name}.png"))
    if dark:
        # Text takes the palette's colour, so it stays readable on a dark base.
        details_text = widget.palette().color(QPalette.ColorRole.Text)
        assert details_text.lightness() > 128


def test_tooltips_show_a_files_markup_as_text(qtbot, catalogue) -> None:
    from PySide6.QtGui import QTextDocument

    from conftest import with_title

    title = "<b>bold</b> & <img src=x onerror=alert(1)>"
    state = ExplorerState(with_title(catalogue, title))
    event_list = _show(qtbot, QtEventList(state))
    model = event_list.model
    row = model.row_of(state.catalogue.events[-1].id)
    tip = model.data(model.index(row, model.TITLE), Qt.ItemDataRole.ToolTipRole)
    # What Qt shows for a tooltip: rendered as rich text, it must read as the characters.
    shown = QTextDocument()
    shown.setHtml(tip)
    assert shown.toPlainText().startswith(title)
    article = _show(qtbot, QtArticle(state))
    tips = set()
    block = article.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            tips.add(it.fragment().charFormat().toolTip())
            it += 1
        block = block.next()
    read = set()
    for tip in tips - {""}:
        shown.setHtml(tip)
        read.add(shown.toPlainText())
    assert state.catalogue.events[-1].excerpts  # its passage carries the title as a tooltip
    assert title in read


def test_tab_leaves_the_event_list(qtbot, state) -> None:
    event_list = _show(qtbot, QtEventList(state))
    event_list.activateWindow()
    event_list.table.setFocus()
    qtbot.waitUntil(event_list.table.hasFocus)
    event_list.table.setCurrentIndex(event_list.model.index(0, 0))  # a row is current
    qtbot.keyClick(event_list.table, Qt.Key.Key_Tab)
    assert not event_list.table.hasFocus()  # on to the next control, not the next cell
    assert event_list.table.currentIndex().column() == 0


def _widths(event_list: QtEventList) -> dict[int, int]:
    table = event_list.table
    return {
        c: table.columnWidth(c)
        for c in range(event_list.model.columnCount())
        if not table.isColumnHidden(c)
    }


def test_a_very_narrow_list_shrinks_its_columns_rather_than_scroll(qtbot, state) -> None:
    """The event list at the window's smallest size (~260 px): date, title and places all
    show, narrower, with no sideways scrolling."""
    event_list = _show(qtbot, QtEventList(state), (270, 300))
    QApplication.processEvents()
    table = event_list.table
    assert table.horizontalScrollBar().maximum() == 0
    widths = _widths(event_list)
    assert sum(widths.values()) <= table.viewport().width()
    em = event_list.fontMetrics().horizontalAdvance("M")
    assert widths[EventTableModel.TITLE] >= 6 * em
    assert widths[EventTableModel.DATE] >= event_list.fontMetrics().horizontalAdvance("1804–1828")


def test_a_wide_list_shares_its_width_among_the_columns(qtbot, state) -> None:
    """At 2560x1440 the list is ~840 px wide: the title does not take all of it while the
    dates and places stay cut short."""
    event_list = _show(qtbot, QtEventList(state), (840, 400))
    QApplication.processEvents()
    widths = _widths(event_list)
    em = event_list.fontMetrics().horizontalAdvance("M")
    fits = event_list.table.viewport().width()
    assert abs(sum(widths.values()) - fits) <= 2  # no gap, no scrolling
    assert widths[EventTableModel.TITLE] <= QtEventList.TITLE_MOST_EMS * em
    metrics = event_list.fontMetrics()
    assert widths[EventTableModel.DATE] > metrics.horizontalAdvance("24 February 2022 – 17 Jan")
    assert widths[EventTableModel.PLACES] > 10 * em
    # A column the user sized keeps that width when the window grows.
    table = event_list.table
    table.horizontalHeader().resizeSection(EventTableModel.PLACES, 6 * em)
    event_list.resize(1000, 400)
    QApplication.processEvents()
    assert table.columnWidth(EventTableModel.PLACES) == 6 * em
    assert table.horizontalScrollBar().maximum() == 0


def test_a_selected_rows_swatch_keeps_a_white_edge_on_the_highlight(qtbot, state) -> None:
    from PySide6.QtGui import QIcon

    event_list = QtEventList(state)
    qtbot.addWidget(event_list)
    model = event_list.model
    index = model.index(0, model.TITLE)
    icon = model.data(index, Qt.ItemDataRole.DecorationRole)
    colour = icon.pixmap(10, 10).toImage().pixelColor(5, 5)
    selected = icon.pixmap(10, 10, QIcon.Mode.Selected).toImage()
    assert selected.pixelColor(0, 0).name() == "#ffffff"  # the edge
    assert selected.pixelColor(5, 5) == colour  # the category's colour inside
    assert colour.name() in {category_colour(e.category) for e in state.catalogue.events}


def test_every_columns_name_shows_whole_when_all_columns_are_shown(qtbot, state) -> None:
    """Every column shown in a 1024-wide window's side panel (~335 px): the narrow widths cut
    the header "Category" to "ategor"; each column is now at least as wide as its name (and
    sort arrow), and the table scrolls sideways for the rest."""
    event_list = _show(qtbot, QtEventList(state), (335, 400))
    for column in QtEventList.OPTIONAL_COLUMNS:
        event_list.show_column(column)
    QApplication.processEvents()
    header = event_list.table.horizontalHeader()
    for column, width in _widths(event_list).items():
        assert width >= header.sectionSizeFromContents(column).width(), column
    # Shown again, a column is not one the user sized: it still grows with the list.
    before = _widths(event_list)[EventTableModel.CATEGORY]
    event_list.resize(1400, 400)
    QApplication.processEvents()
    assert _widths(event_list)[EventTableModel.CATEGORY] > before


@pytest.mark.parametrize("factor", [1.0, 1.5, 2.0])
def test_the_drop_down_filters_read_whole_in_a_side_panel(qtbot, state, factor) -> None:
    """At 200% text the filters read "All catego" (cut mid-word) beside a filter box that took
    three fifths of the row: they are as wide as their text now, and one cut short by a narrow
    panel ends in "…"."""
    event_list = _show(qtbot, QtEventList(state), (570, 400))
    font = event_list.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    event_list.setFont(font)
    QApplication.processEvents()
    for combo in (event_list.category, event_list.actor):
        qtbot.waitUntil(lambda c=combo: c.shown_text() == c.currentText())
    event_list.resize(260, 400)  # the narrowest side panel
    QApplication.processEvents()
    for combo in (event_list.category, event_list.actor):
        shown = combo.shown_text()
        assert shown == combo.currentText() or shown.endswith("…")


@pytest.mark.parametrize(
    "html, onward",
    [
        (
            '<p><a href="e:1">One</a> then <a href="e:2">two</a> then <a href="e:3">three</a>.</p>',
            Qt.Key.Key_Right,
        ),
        (  # Arabic reads right to left: the next link is to the left, Left goes to it
            '<p><a href="e:1">قمة</a> ثم <a href="e:2">القاهرة</a> ثم <a href="e:3">للسلام</a>.</p>',
            Qt.Key.Key_Left,
        ),
        (
            '<p dir="rtl"><a href="e:1">שלום</a> ו<a href="e:2">ירושלים</a> ו'
            '<a href="e:3">תל אביב</a>.</p>',
            Qt.Key.Key_Left,
        ),
        (  # an Arabic text's English link: still Left goes on, not back and forth
            '<p>قمة القاهرة للسلام</p><p><a href="e:1">قمة</a></p><p><a href="e:2">Talks</a></p>'
            '<p><a href="e:3">للسلام</a></p>',
            Qt.Key.Key_Left,
        ),
    ],
    ids=["english", "arabic", "hebrew", "mixed"],
)
def test_the_arrow_the_text_reads_towards_goes_to_the_next_link(qtbot, html, onward):
    """In Arabic or Hebrew text Right went on to the next link, which is on its left."""
    from mapexplorer.ui.link_keys import LinkKeysBrowser

    browser = LinkKeysBrowser()
    browser.setHtml(html)
    _show(qtbot, browser, (400, 200))
    browser.setFocus()
    links = browser.links()
    assert len(links) == 3
    back = Qt.Key.Key_Left if onward == Qt.Key.Key_Right else Qt.Key.Key_Right
    qtbot.keyClick(browser, onward)
    assert browser.focused_link() == links[0]
    qtbot.keyClick(browser, onward)
    assert browser.focused_link() == links[1]
    qtbot.keyClick(browser, back)
    assert browser.focused_link() == links[0]


def _gap_after(browser, position: int, following: int) -> int:
    """Pixels between the bottom of the line at `position` and the top of `following`'s."""
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    above = browser.cursorRect(cursor)
    cursor.setPosition(following)
    return browser.cursorRect(cursor).top() - above.bottom()


def test_a_blank_line_between_paragraphs_is_no_wider_a_gap_than_a_line_break(qtbot) -> None:
    """An article whose paragraphs a blank line parts (most text files, Markdown, a web page
    imported) showed each blank line as a line of its own: gaps of two lines and more, where
    the bundled article, one paragraph a line, has a narrow margin."""
    text = "One paragraph here.\n- A list's line.\n\nA third, after a blank line.\n\n\nA fourth."
    start = text.index("A third")
    event = Event(
        "e",
        "Third",
        TimeSpan.parse("2024"),
        ("p",),
        excerpts=(Excerpt(text[start : start + 7], start, start + 7),),
    )
    catalogue = Catalogue(
        events=[event],
        places={"p": Place("p", "P", Point(2, 48))},
        source=Source(title="T", text=text),
    )
    article = _show(qtbot, QtArticle(ExplorerState(catalogue)))
    browser, at = article.browser, article.document_position
    line_break = _gap_after(browser, at(text.index("here")), at(text.index("- A list")))
    blank_line = _gap_after(browser, at(text.index("line.")), at(start))
    two_blank_lines = _gap_after(browser, at(text.index("blank line.")), at(text.index("A fourth")))
    height = browser.fontMetrics().height()
    assert line_break < blank_line <= line_break + height // 2, (line_break, blank_line)
    assert two_blank_lines < line_break + height, (line_break, two_blank_lines)
    assert browser.toPlainText().endswith(text[text.index("One") :])  # the text as it was
    assert article.events_at(start + 1) == ("e",)  # its offsets too


def _wrapped_catalogue() -> tuple[Catalogue, str]:
    """An article hard-wrapped as e-mail, wire copy or text copied from a PDF is: a line break
    every 60-odd characters, a blank line between paragraphs."""
    text = (
        "Talks in Geneva\n\n"
        "GENEVA (AP) -- Diplomats from France and Iran met in Geneva on\n"
        "Tuesday, March 3, 2024, to talk about trade and the nuclear\n"
        "programme, officials said after the meeting ended late at night.\n\n"
        "Points agreed:\n- a second round in April\n- a joint statement\n\n"
        "In 2015 the two countries had signed a deal in Vienna.\n"
    )
    start = text.index("Diplomats")
    end = text.index("night.") + len("night.")
    event = Event(
        "talks",
        "Talks",
        TimeSpan.parse("2024-03-03"),
        ("p",),
        excerpts=(Excerpt(text[start:end], start, end),),
    )
    catalogue = Catalogue(
        events=[event],
        places={"p": Place("p", "Geneva", Point(6.14, 46.2))},
        source=Source(title="Talks in Geneva", text=text),
    )
    return catalogue, text


def test_a_hard_wrapped_article_reads_as_paragraphs(qtbot) -> None:
    """Each line of a hard-wrapped article was a paragraph of its own: in a narrow panel "on"
    stood alone on a line, then a gap, then the next line. Where blank lines part the
    paragraphs (as the importer reads them), a line break inside one is a space; a list's
    lines stay lines."""
    catalogue, text = _wrapped_catalogue()
    article = _show(qtbot, QtArticle(ExplorerState(catalogue)), (900, 600))
    plain = article.browser.toPlainText()
    assert "met in Geneva on Tuesday, March 3, 2024, to talk about trade and the nuclear " in plain
    assert "nuclear programme, officials said" in plain
    assert "Points agreed:\n- a second round in April\n- a joint statement" in plain
    start = text.index("Diplomats")
    # One character for one: each passage's offsets are its place in the text shown.
    for offset in (start, text.index("Tuesday"), text.index("programme"), text.index("In 2015")):
        shown = article.browser.document().characterAt(article.document_position(offset))
        assert shown == text[offset]
    assert article.events_at(text.index("Tuesday")) == ("talks",)
