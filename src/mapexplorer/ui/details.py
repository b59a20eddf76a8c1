"""The details panel: everything known about the selected event, and the other events there."""

from __future__ import annotations

import html
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mapexplorer.colours import blend, category_colour
from mapexplorer.event_words import date_hint, extra_rows, place_words, split_links
from mapexplorer.model.event import Event
from mapexplorer.model.state import ExplorerState
from mapexplorer.ui.link_keys import LinkKeysBrowser
from mapexplorer.ui.text_size import text_scale

EMPTY_HINT = (
    "Click a place on the map, an event in the list or a highlighted passage in the article."
)
EMPTY_HINT_NO_ARTICLE = "Click a place on the map or an event in the list."
"""The hint for a file of events without an article (a CSV, a KML): no passages to click."""
MAX_OTHERS = 25


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _linked(text: str, link_colour: str) -> str:
    """`text` escaped, with its web addresses made links (opened in the user's browser)."""
    parts = split_links(text)
    for i in range(1, len(parts), 2):
        url = _esc(parts[i])
        parts[i] = f'<a href="{url}" style="color:{link_colour}">{url}</a>'
    parts[::2] = map(_esc, parts[::2])
    return "".join(parts)


def _unbroken_date(words: str) -> str:
    """A date in words, escaped, on one line but for a break after a span's dash ("1992 –
    17 January 2025"): a date kept whole on one line made a narrow panel with large text
    scroll sideways."""
    sides = [_esc(side).replace(" ", "&nbsp;") for side in words.split(" – ")]
    return "&nbsp;– ".join(sides)


class QtDetails(QWidget):
    """Shows the selected event; "Other events here" links select events at the same place."""

    show_in_article = Signal(str)
    """The user asked to see the selected event's passage in the article (event id)."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._opening: str | None = None  # the file being read into an empty window
        self._placing_hint = False
        self._hint_resized = False

        self.browser = LinkKeysBrowser(self)  # one Tab stop; Left and Right between links
        self.browser.setObjectName("detailsText")
        self.browser.setAccessibleName("Event details")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.open_url = QDesktopServices.openUrl
        """Hands a clicked web address to the user's browser."""
        self.browser.document().setDocumentMargin(self.MARGIN)
        self.browser.viewport().installEventFilter(self)  # the hint follows the height

        self.article_button = QPushButton("Show in article", self)
        self.article_button.setObjectName("showInArticle")
        self.article_button.setAccessibleName("Show in article")
        self.article_button.setToolTip("Show this event's passage in the article")
        self.article_button.clicked.connect(self._on_show_in_article)

        self._button_bar = QWidget(self)
        buttons = QHBoxLayout(self._button_bar)
        buttons.setContentsMargins(10, 6, 10, 10)
        buttons.addStretch(1)
        buttons.addWidget(self.article_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self._button_bar)

        state.selection_changed.connect(lambda _event_id: self.refresh())
        state.catalogue_changed.connect(lambda _catalogue: self.refresh())
        self.refresh()

    # --- public -------------------------------------------------------------------------------
    def button_bar_height(self) -> int:
        """The height the "Show in article" row takes under the text."""
        return self._button_bar.sizeHint().height()

    def text(self) -> str:
        """The panel's text as shown (for tests and accessibility checks)."""
        return self.browser.toPlainText()

    def other_event_ids(self) -> list[str]:
        """Ids listed under "Other events here", in time order."""
        event = self._state.selected_event
        if event is None or not event.place_ids:
            return []
        return [
            e.id for e in self._state.catalogue.at_place(event.place_ids[0]) if e.id != event.id
        ]

    def listed_others(self) -> tuple[int, list[str], int]:
        """What "Other events here" lists: how many come before, the ids shown (at most
        `MAX_OTHERS`, in time order, those nearest the selected event), how many after. A city
        with thousands of incidents listed its first 25, from years before the one selected."""
        event = self._state.selected_event
        others = self.other_event_ids()
        if len(others) <= MAX_OTHERS or event is None:
            return 0, others, 0
        order = [e.id for e in self._state.catalogue.at_place(event.place_ids[0])]
        position = order.index(event.id)  # where the selected one would be among the others
        start = max(0, min(len(others) - MAX_OTHERS, position - MAX_OTHERS // 2))
        end = start + MAX_OTHERS
        return start, others[start:end], len(others) - end

    def set_opening(self, name: str | None) -> None:
        """Say that `name` is being read (at launch, while the map previews it and clicks
        wait for it); `None`: no longer. Shown only while no file is open."""
        if name != self._opening:
            self._opening = name
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the panel from the state's selection."""
        event = self._state.selected_event
        # A file without an article has no passage to show: no button greyed out at every event.
        has_article = bool(self._state.catalogue.source.text)
        self._button_bar.setVisible(event is not None and has_article)
        self.article_button.setEnabled(bool(event and event.excerpts))
        if event is None:
            self._show_hint()
        else:
            self.browser.document().setDocumentMargin(self.MARGIN)
            self.browser.setHtml(self._html(event))
        self.browser.verticalScrollBar().setValue(0)

    MARGIN = 14
    """Around the panel's text (less around the hint in a very short panel)."""
    HINT_TOP = 60
    """The hint's distance from the top, room allowing."""

    def _show_hint(self) -> None:
        """The hint with no event selected, set down from the top as far as the panel's height
        allows (up to `HINT_TOP`), and with less padding in a short panel: a fixed margin made
        a short panel scroll beside three lines of text, and cut them off."""
        # Setting the hint in place of a long event's details takes the scroll bar away, which
        # resizes the viewport in the middle of `setHtml`: placed again then, inside it, the
        # hint showed twice. It is placed again after, for the viewport's new size.
        for _ in range(2):
            self._placing_hint, self._hint_resized = True, False
            try:
                self._place_hint()
            finally:
                self._placing_hint = False
            if not self._hint_resized:
                break

    def _place_hint(self) -> None:
        viewport = self.browser.viewport()
        # Measured on a copy laid out at the viewport's width: the browser lays out lazily.
        measure = self.browser.document().clone(self)
        measure.setTextWidth(viewport.width())
        for padding, margin in ((20, self.MARGIN), (4, self.MARGIN), (0, 2)):
            measure.setDocumentMargin(margin)
            measure.setHtml(self._hint_html(0, padding))
            height = measure.size().height()
            if height <= viewport.height():
                break
        measure.deleteLater()
        top = max(0, min(self.HINT_TOP, int(viewport.height() - height) // 2))
        self.browser.document().setDocumentMargin(margin)
        self.browser.setHtml(self._hint_html(top, padding))

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.browser.viewport()
            and event.type() == QEvent.Type.Resize
            and self._state.selected_event is None
        ):
            if self._placing_hint:
                self._hint_resized = True  # (its scroll bar going): placed again after
            else:
                self._show_hint()  # another height or width: the hint moves up or down
        return super().eventFilter(watched, event)

    # --- building -----------------------------------------------------------------------------
    def _colours(self) -> dict[str, str]:
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base).name()
        text = pal.color(QPalette.ColorRole.Text).name()
        return {
            "text": text,
            "muted": blend(text, base, 0.4),
            "faint": blend(text, base, 0.55),
            "quote_bg": blend(base, text, 0.06),
            "quote_bar": blend(base, pal.color(QPalette.ColorRole.Highlight).name(), 0.7),
            "link": pal.color(QPalette.ColorRole.Link).name(),
        }

    def _hint_html(self, top: int, padding: int) -> str:
        c = self._colours()
        hint = EMPTY_HINT if self._state.catalogue.source.text else EMPTY_HINT_NO_ARTICLE
        if self._opening and not self._state.catalogue.events:
            hint = f"Opening {self._opening}…"
        return (
            f'<table width="100%" cellspacing="0" style="margin-top:{top}px"><tr><td align="center" '
            f'style="color:{c["muted"]}; font-size:large; padding:{padding}px">'
            f"{_esc(hint)}</td></tr></table>"
        )

    def _html(self, event: Event | None) -> str:
        if event is None:
            return self._hint_html(self.HINT_TOP, 20)
        c = self._colours()
        catalogue = self._state.catalogue
        parts: list[str] = [
            f'<p style="font-size:{self._title_size()}; font-weight:600; margin-bottom:6px">'
            f"{_esc(event.title)}</p>"
        ]
        date = f'<span style="font-weight:600">{_esc(event.time.describe())}</span>'
        hint = date_hint(event)
        if hint:
            date += f' <span style="color:{c["muted"]}; font-size:small">({_esc(hint)})</span>'
        parts.append(f'<p style="margin-top:0; margin-bottom:2px">{date}</p>')
        if event.date_note:
            parts.append(
                f'<p style="color:{c["muted"]}; font-size:small; margin-top:2px">'
                f"How the date was resolved: {_esc(event.date_note)}</p>"
            )
        if event.summary:
            parts.append(f'<p style="margin-top:10px">{_linked(event.summary, c["link"])}</p>')

        rows: list[tuple[str, str]] = []
        places = [place_words(catalogue, pid) for pid in event.place_ids if pid in catalogue.places]
        if places:
            rows.append(("Places" if len(places) > 1 else "Place", _esc(", ".join(places))))
        if event.actors:
            rows.append(("Actors", _esc(", ".join(event.actors))))
        swatch = f'<span style="color:{category_colour(event.category)}">■</span>'
        rows.append(("Category", f"{swatch}&nbsp;{_esc(event.category)}"))
        era = next((e.label for e in catalogue.eras if e.id == event.era), event.era)
        if era:
            rows.append(("Era", _esc(era)))
        rows += [(_esc(k), _linked(v, c["link"])) for k, v in extra_rows(event.extra)]
        parts.append('<table cellspacing="0" cellpadding="3" style="margin-top:6px">')
        for label, value in rows:
            parts.append(
                f'<tr><td valign="top" style="color:{c["muted"]}; padding-right:10px">'
                f"{label}</td><td>{value}</td></tr>"
            )
        parts.append("</table>")

        if event.excerpts:
            heading = "From the article" + (
                f" ({len(event.excerpts)} passages)" if len(event.excerpts) > 1 else ""
            )
            parts.append(self._heading(heading, c))
            for excerpt in event.excerpts:
                parts.append(
                    f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom:6px">'
                    f'<tr><td width="3" bgcolor="{c["quote_bar"]}"></td>'
                    f'<td bgcolor="{c["quote_bg"]}" style="padding:8px 10px; font-style:italic">'
                    f"{_esc(excerpt.text)}</td></tr></table>"
                )

        earlier, others, later = self.listed_others()
        if others:
            name = catalogue.place_label(event.place_ids[0])
            parts.append(self._heading(f"Other events here: {name}", c))
            if earlier:
                parts.append(f'<p style="color:{c["muted"]}">{earlier:,} earlier…</p>')
            parts.append('<table cellspacing="0" cellpadding="2">')
            for other_id in others:
                other = catalogue.event(other_id)
                href = f"event:{quote(other.id, safe='')}"
                parts.append(
                    f'<tr><td valign="top" style="color:{c["muted"]}; padding-right:8px">'
                    f"{_unbroken_date(other.time.describe())}</td>"
                    f'<td><a href="{_esc(href)}" style="color:{c["link"]}">{_esc(other.title)}</a>'
                    f"</td></tr>"
                )
            parts.append("</table>")
            if later:
                parts.append(f'<p style="color:{c["muted"]}">{later:,} later…</p>')
        return "".join(parts)

    def _title_size(self) -> str:
        """The title's font size: half as large again as the text, and less so at larger text
        (down to a fifth larger at 200%), where a title three times the normal size took all of
        a short panel and left its date out of view."""
        points = self.font().pointSizeF()
        if points <= 0:
            return "x-large"
        return f"{points * max(1.2, 1.5 / text_scale() ** 0.5):.1f}pt"

    @staticmethod
    def _heading(text: str, c: dict[str, str]) -> str:
        return (
            f'<p style="margin-top:16px; margin-bottom:6px; font-size:small; font-weight:600; '
            f'color:{c["muted"]}">{_esc(text)}</p>'
        )

    # --- interaction --------------------------------------------------------------------------
    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "event":
            try:
                self._state.select(unquote(url.path()), move_time=True)
            except KeyError:  # a stale link: the catalogue changed under it
                self.refresh()
        elif url.scheme() in ("http", "https"):  # only what `_linked` makes: never file: etc.
            self.open_url(url)

    def _on_show_in_article(self) -> None:
        if self._state.selected:
            self.show_in_article.emit(self._state.selected)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.refresh()
