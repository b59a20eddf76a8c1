"""The article panel: the source text verbatim, each event's passage highlighted and clickable."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, QPoint, QRect, QUrl, QUrlQuery
from PySide6.QtGui import (
    QColor,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from mapexplorer.colours import blend
from mapexplorer.event_words import published_words
from mapexplorer.model.catalogue import Catalogue
from mapexplorer.model.state import ExplorerState
from mapexplorer.ui.link_keys import LinkKeysBrowser
from mapexplorer.ui.plain_text import plain_tooltip

NO_ARTICLE = (
    "This file has events but no article. File ▸ Import article… turns a news story into "
    "events, and shows its text here with each event's passage highlighted."
)
_PASSAGE_TINT = "#f2b705"  # amber: reads as a highlighter pen in light and dark palettes


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of the text `[start, end)` and the events quoting it, shortest excerpt first."""

    start: int
    end: int
    event_ids: tuple[str, ...]


BLANK_LINE_PERCENT = 30
"""A blank line's height, in percent of a line: paragraphs parted by one (most text files,
Markdown, a web page imported) read as the bundled article's, one a line, do."""


_BLANK_LINE_PARTS = re.compile(r"\n[ \t]*\n\s*\S")
_SOFT_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*(?![-*•+>#|]\s|\d+[.)]\s)\S)")
"""A line break with words either side, the next line no list item, quote or heading."""


def soft_breaks(text: str) -> set[int]:
    """The offsets of the line breaks in `text` shown as spaces: in a text whose paragraphs
    blank lines part (as the importer reads them, `importer.article._blocks`), a break inside
    one is where e-mail, wire copy or text copied from a PDF wrapped a line. Shown as breaks,
    each line was a paragraph of its own. A list's lines stay lines."""
    if not _BLANK_LINE_PARTS.search(text.strip()):
        return set()  # one paragraph a line (the bundled article's text)
    return {m.end() - 1 for m in _SOFT_BREAK.finditer(text)}


def fold_blank_lines(document: QTextDocument, start: int) -> None:
    """Every empty block from position `start` on (a blank line of the text) a sliver high,
    without margins: shown a line high, each blank line left a gap of two lines and more
    between paragraphs. The blocks stay, so text offsets keep their document positions."""
    blank = QTextBlockFormat()
    blank.setTopMargin(0)
    blank.setBottomMargin(0)
    blank.setLineHeight(
        BLANK_LINE_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    block = document.findBlock(start)
    while block.isValid():
        if block.length() == 1 and block.previous().isValid():  # only its separator
            cursor = QTextCursor(block)
            cursor.setBlockFormat(blank)
        block = block.next()


def split_passages(catalogue: Catalogue) -> list[Passage]:
    """Cut the text at every excerpt boundary; each piece knows which events quote it.

    Excerpts may overlap or repeat, so one piece can belong to several events. A sweep over the
    sorted boundaries keeps this linear in the number of excerpts (plus overlaps).
    """
    length = len(catalogue.source.text)
    if not length:
        return []  # no text to cut (a dataset without its article): skip the 100,000 events
    spans: list[tuple[int, int, str]] = []
    for event in catalogue.events:
        for ex in event.excerpts:
            start, end = max(0, min(length, ex.start)), max(0, min(length, ex.end))
            if end > start:
                spans.append((start, end, event.id))
    # Only events that quote the text need a rank (a 100,000-event file may quote none).
    quoting = {s[2] for s in spans}
    order = (
        {e.id: i for i, e in enumerate(catalogue.chronological()) if e.id in quoting}
        if quoting
        else {}
    )
    cuts = sorted({0, length, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    by_start = sorted(spans)
    active: dict[tuple[int, int, str], None] = {}
    passages: list[Passage] = []
    i = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        while i < len(by_start) and by_start[i][0] <= a:
            active[by_start[i]] = None
            i += 1
        for span in [s for s in active if s[1] <= a]:
            del active[span]
        ranked = sorted(active, key=lambda s: (s[1] - s[0], order.get(s[2], 0)))
        owners = tuple(dict.fromkeys(s[2] for s in ranked))
        passages.append(Passage(a, b, owners))
    return passages


class _ReadingBrowser(LinkKeysBrowser):
    """A text browser that keeps the reader's place when it is resized or its text size
    changes: the text reflows under a scroll bar that keeps its pixels, so the line that was
    at the top, and the passage being read, went somewhere else far off. The line at the top
    stays at the top; a passage `keep_in_view` names that was in view stays in view."""

    keep_in_view: Callable[[], int | None] = staticmethod(lambda: None)
    """The document position to keep in view when it is (the selected passage's start)."""

    def _place(self) -> tuple[bool, int, int, int | None]:
        """Where the reader is: at the very top or not, the text at the top and where it is
        drawn, and the passage to keep in view if it is in view."""
        at_top = self.verticalScrollBar().value() == 0
        reading = self.cursorForPosition(QPoint(0, 0)).position()
        kept = self.keep_in_view()
        if kept is not None and not self.viewport().rect().contains(self._rect_of(kept).topLeft()):
            kept = None  # out of view before: nothing to keep
        return at_top, reading, self._rect_of(reading).top(), kept

    def _go_back_to(self, place: tuple[bool, int, int, int | None]) -> None:
        at_top, reading, before, kept = place
        bar = self.verticalScrollBar()
        if not at_top:  # (a line half out of view before comes whole into it)
            bar.setValue(bar.value() + self._rect_of(reading).top() - max(0, before))
        if kept is not None:
            rect = self._rect_of(kept)
            if not self.viewport().rect().contains(rect.topLeft()):
                bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        place = self._place()
        super().resizeEvent(event)
        self._go_back_to(place)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Larger or smaller text (View ▸ Larger text) reflows the text as a resize does."""
        if event.type() != QEvent.Type.FontChange:
            super().changeEvent(event)
            return
        place = self._place()
        super().changeEvent(event)
        self._go_back_to(place)


class QtArticle(QWidget):
    """The article, read-only, with every event's passage tinted; click a passage to select it."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._passages: list[Passage] = []
        self._starts: list[int] = []
        self._body_start = 0

        self.browser = _ReadingBrowser(self)
        self.browser.keep_in_view = self._selected_start
        self.browser.setObjectName("articleText")
        self.browser.setAccessibleName("Article text")
        self.browser.setAccessibleDescription(
            "The full article. Highlighted passages are linked to events: the Left and Right "
            "arrow keys move between them, and Enter selects the event of the one focused."
        )
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.document().setDocumentMargin(14)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

        state.catalogue_changed.connect(lambda _catalogue: self._rebuild())
        state.selection_changed.connect(self._on_selection)
        self._rebuild()

    # --- public helpers -----------------------------------------------------------------------
    def passage_at(self, offset: int) -> str | None:
        """The event a click at text `offset` selects first (the shortest excerpt there)."""
        passage = self._passage_at(offset)
        return passage.event_ids[0] if passage and passage.event_ids else None

    def events_at(self, offset: int) -> tuple[str, ...]:
        """Every event whose excerpt covers text `offset`, shortest excerpt first."""
        passage = self._passage_at(offset)
        return passage.event_ids if passage else ()

    def document_position(self, offset: int) -> int:
        """The position in the browser's document of character `offset` of the source text."""
        limit = self.browser.document().characterCount() - 1
        return max(0, min(limit, self._body_start + offset))

    def offset_rect(self, offset: int) -> QRect:
        """Where text `offset` is drawn, in viewport coordinates (for clicks in tests)."""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self.document_position(offset))
        return self.browser.cursorRect(cursor)

    def selected_passage_visible(self) -> bool:
        """Whether the selected event's first passage is inside the visible part of the text."""
        event = self._state.selected_event
        if event is None or not event.excerpts:
            return False
        rect = self.offset_rect(event.excerpts[0].start)
        return self.browser.viewport().rect().intersects(rect)

    def _selected_start(self) -> int | None:
        """Where the selected event's first passage starts in the document, if it has one."""
        event = self._state.selected_event
        if event is None or not event.excerpts:
            return None
        return self.document_position(event.excerpts[0].start)

    def focus_selected(self) -> None:
        """The keyboard to the selected event's first passage, in view (Show in article): the
        arrows go on from there."""
        self.show_selected()
        start = self._selected_start()
        if start is not None:
            self.browser.focus_link_at(start)

    def show_selected(self) -> None:
        """Scroll the selected event's passage into view (about a third of the way down)."""
        event = self._state.selected_event
        if event is None or not event.excerpts:
            return
        first = event.excerpts[0]
        viewport = self.browser.viewport().rect()
        top = self.offset_rect(first.start)
        bottom = self.offset_rect(max(first.start, first.end - 1))
        if viewport.contains(top) and viewport.contains(bottom):
            return
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + top.top() - viewport.height() // 3)

    # --- building -----------------------------------------------------------------------------
    def _passage_at(self, offset: int) -> Passage | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if 0 <= i < len(self._passages) and offset < self._passages[i].end:
            return self._passages[i]
        return None

    def _colours(self) -> dict[str, str]:
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base).name()
        text = pal.color(QPalette.ColorRole.Text).name()
        dark = pal.color(QPalette.ColorRole.Base).lightness() < 128
        return {
            "text": text,
            "muted": blend(text, base, 0.4),
            "rule": blend(text, base, 0.8),
            "tint1": blend(base, _PASSAGE_TINT, 0.3 if dark else 0.26),
            "tint1a": blend(base, _PASSAGE_TINT, 0.3 if dark else 0.26),
            "tint1b": blend(base, _PASSAGE_TINT, 0.2 if dark else 0.16),
            "tint2": blend(base, _PASSAGE_TINT, 0.45 if dark else 0.42),
        }

    def _rebuild(self) -> None:
        """Lay the article out again: header, then the text with its passages as anchors.

        The text goes in through `QTextCursor.insertText`, never as HTML, so nothing in it is
        interpreted, and character `offset` of the text is document position `start + offset`.
        """
        catalogue = self._state.catalogue
        source = catalogue.source
        text = source.text
        self._passages = split_passages(catalogue)
        self._starts = [p.start for p in self._passages]
        quoting = {i for p in self._passages for i in p.event_ids}
        titles = {e.id: e.title for e in catalogue.events if e.id in quoting} if quoting else {}
        c = self._colours()
        self.browser.forget_focused_link()

        head: list[str] = []
        if source.title:
            head.append(
                f'<p style="font-size:x-large; font-weight:600; margin-bottom:4px">'
                f"{html.escape(source.title)}</p>"
            )
        byline = [html.escape(source.publisher)] if source.publisher else []
        if source.published:
            byline.append(html.escape(published_words(source.published)))
        if byline:
            head.append(f'<p style="color:{c["muted"]}; margin-top:0">{" · ".join(byline)}</p>')
        if any(p.event_ids for p in self._passages):
            head.append(
                f'<p style="color:{c["muted"]}; font-size:small; margin-top:0">'
                f'<span style="background-color:{c["tint1"]}">&nbsp;Highlighted&nbsp;</span>'
                " passages are events: click one to select it (or, from the keyboard, move to"
                " it with ← → and press Enter).</p>"
            )
        if not text:
            # A table of events (a CSV, a KML…) has no article: say so, not an empty page
            # under a rule, and where an article's text comes from.
            head.append(
                f'<p align="center" style="color:{c["muted"]}; font-size:large; '
                f'margin-top:40px">{html.escape(NO_ARTICLE)}</p>'
            )
            self.browser.setHtml("".join(head))
            self._body_start = 0
            self._apply_selection(scroll=False)
            return
        head.append("<hr>")

        bar = self.browser.verticalScrollBar().value()
        document = self.browser.document()
        document.clear()
        cursor = QTextCursor(document)
        cursor.insertHtml("".join(head))
        body = QTextBlockFormat()
        body.setTopMargin(0)
        body.setBottomMargin(7)
        body.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        plain = QTextCharFormat()
        plain.setForeground(QColor(c["text"]))
        cursor.insertBlock(body, plain)
        self._body_start = cursor.position()

        shade = 0
        previous: tuple[str, ...] = ()
        soft = soft_breaks(text)
        for p in self._passages:
            fmt = plain
            if p.event_ids:
                if p.event_ids != previous:
                    shade ^= 1  # neighbouring passages of different events alternate shades
                previous = p.event_ids
                fmt = QTextCharFormat(plain)
                tint = c["tint2"] if len(p.event_ids) > 1 else c[f"tint1{'ab'[shade]}"]
                fmt.setBackground(QColor(tint))
                fmt.setAnchor(True)
                fmt.setAnchorHref(f"event:{quote(p.event_ids[0], safe='')}?at={p.start}")
                fmt.setToolTip(plain_tooltip("\n".join(titles.get(i, i) for i in p.event_ids)))
            else:
                previous = ()
            lines = text[p.start : p.end].replace("\r", " ").split("\n")
            at = p.start  # where `line` starts in the text
            for n, line in enumerate(lines):
                if n and at - 1 in soft:
                    cursor.insertText(" ", fmt)  # a wrapped line: one character for one
                elif n:
                    cursor.insertBlock(body, plain)
                if line:
                    cursor.insertText(line, fmt)
                at += len(line) + 1
        fold_blank_lines(document, self._body_start)
        self.browser.setTextCursor(QTextCursor(document))  # caret at the top, not the end
        self.browser.verticalScrollBar().setValue(bar)
        self._apply_selection(scroll=False)

    # --- selection ----------------------------------------------------------------------------
    def _apply_selection(self, scroll: bool) -> None:
        selected = self._state.selected
        selections: list[QTextEdit.ExtraSelection] = []
        if selected:
            fmt = QTextCharFormat()
            pal = self.palette()
            fmt.setBackground(pal.color(QPalette.ColorRole.Highlight))
            fmt.setForeground(QColor(pal.color(QPalette.ColorRole.HighlightedText)))
            for p in self._passages:
                if selected in p.event_ids:
                    cursor = QTextCursor(self.browser.document())
                    cursor.setPosition(self.document_position(p.start))
                    cursor.setPosition(
                        self.document_position(p.end - 1) + 1, QTextCursor.MoveMode.KeepAnchor
                    )
                    sel = QTextEdit.ExtraSelection()
                    sel.cursor = cursor  # type: ignore[attr-defined]
                    sel.format = fmt  # type: ignore[attr-defined]
                    selections.append(sel)
        self.browser.set_base_selections(selections)
        if scroll and selected:
            self.show_selected()

    def _on_selection(self, _event_id: str | None) -> None:
        self._apply_selection(scroll=True)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() != "event":
            return
        event_id = unquote(url.path())
        at = QUrlQuery(url).queryItemValue("at")
        owners = self.events_at(int(at)) if at.isdigit() else ()
        selected = self._state.selected
        if selected in owners and len(owners) > 1:
            # Clicking a shared passage again steps to the next event that quotes it.
            event_id = owners[(owners.index(selected) + 1) % len(owners)]
        elif owners:
            event_id = owners[0]
        self._state.select(event_id, move_time=True)

    # --- Qt events ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._rebuild()

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)
        self.show_selected()
