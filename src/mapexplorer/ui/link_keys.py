"""A text browser whose links are one Tab stop: the article's passages, the details' "Other
events here". QTextBrowser stopped Tab at each of its links (the article's 40 passages, a busy
place's 25 other events) before the next control; here Tab leaves at once, Left and Right move a
dotted frame from link to link (in Arabic or Hebrew text, Left to the next), and Enter follows
the one framed.

QTextBrowser's own link focus is not used: its dotted frame drew the link's text in the colour
of a highlighted passage just before it (white on the passage's amber)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QUrl
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class LinkKeysBrowser(QTextBrowser):
    """One Tab stop; Left and Right go from link to link, Enter follows the link framed (as a
    click does: `anchorClicked`)."""

    _focus: tuple[int, int] | None = None
    _base_selections: list[QTextEdit.ExtraSelection] = []  # noqa: RUF012 (replaced, not changed)

    # --- public -------------------------------------------------------------------------------
    def set_base_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """The highlights the text shows (the selected event's passages), the keyboard's frame
        drawn on top of them."""
        self._base_selections = selections
        self._show_extras()

    def forget_focused_link(self) -> None:
        """The text is laid out anew: the keyboard starts again from what is in view."""
        self._focus = None
        self._show_extras()

    def links(self) -> list[tuple[int, int]]:
        """Each link's [start, end) in the document, in reading order; one over several
        paragraphs is one link per paragraph."""
        links: list[tuple[int, int]] = []
        block = self.document().begin()
        while block.isValid():
            href = ""
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                start, end = fragment.position(), fragment.position() + fragment.length()
                if not (fmt.isAnchor() and fmt.anchorHref()):
                    href = ""
                elif fmt.anchorHref() == href and links and links[-1][1] == start:
                    links[-1] = (links[-1][0], end)
                else:
                    href = fmt.anchorHref()
                    links.append((start, end))
                it += 1
            block = block.next()
        return links

    def focused_link(self) -> tuple[int, int] | None:
        """The link the keyboard is on, if any."""
        return self._focus

    def focus_link_at(self, position: int) -> None:
        """Put the keyboard on the link at document `position`, and focus the text."""
        link = next((span for span in self.links() if span[0] <= position < span[1]), None)
        if link is not None:
            self._put_focus(link)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_extras()

    def step_link(self, forward: bool) -> None:
        """Put the keyboard on the next (or previous) link: after the one it is on when that
        is in view, else the first (or last) link in view. At either end it stays."""
        links = self.links()
        if not links:
            return
        view = self.viewport().rect()
        current = self._focus if self._focus in links else None
        if current is not None and view.intersects(self._rect_of(current[0])):
            i = links.index(current) + (1 if forward else -1)
            if not 0 <= i < len(links):
                return
        elif forward:
            top = self.cursorForPosition(QPoint(0, 0)).position()
            i = next((n for n, (s, _) in enumerate(links) if s >= top), len(links) - 1)
        else:
            bottom = self.cursorForPosition(view.bottomRight()).position()
            i = next((n for n in reversed(range(len(links))) if links[n][0] <= bottom), 0)
        self._put_focus(links[i])
        self._show_extras()
        top, bottom = self._rect_of(links[i][0]), self._rect_of(links[i][1])
        if not (view.contains(top) and view.contains(bottom)):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + top.top() - view.height() // 3)

    def _right_to_left(self) -> bool:
        """Whether the text reads right to left: its first paragraph with letters does (its
        own direction, or its letters'). One direction for the whole text: judged link by
        link, Left went on from an Arabic title to an English one and came back from it."""
        block = self.document().begin()
        while block.isValid():
            if any(c.isalpha() for c in block.text()):
                return block.textDirection() == Qt.LayoutDirection.RightToLeft
            block = block.next()
        return False

    # --- drawing ------------------------------------------------------------------------------
    def _rect_of(self, position: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(self.document().characterCount() - 1, position)))
        return self.cursorRect(cursor)

    def _put_focus(self, link: tuple[int, int]) -> None:
        self._focus = link
        # The caret (invisible, read-only) goes there too, for screen readers to follow.
        caret = QTextCursor(self.document())
        caret.setPosition(link[0])
        self.setTextCursor(caret)

    def _show_extras(self) -> None:
        extras = list(self._base_selections)
        if self._focus is not None and self.hasFocus():
            start, end = self._focus
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            # Drawn on what shows at the link's start: the last highlight there, else the text.
            covered = [
                s.format  # type: ignore[attr-defined]
                for s in self._base_selections
                if s.cursor.selectionStart() <= start < s.cursor.selectionEnd()  # type: ignore[attr-defined]
            ]
            inside = QTextCursor(self.document())
            inside.setPosition(start + 1)
            # Every brush said, none left unset: an unset one was drawn with the one before
            # (the selected passage's white text and blue ground on the passage after it).
            shown = covered[-1] if covered else inside.charFormat()
            fmt = QTextCharFormat()
            ground = shown.background()
            if ground.style() == Qt.BrushStyle.NoBrush:
                ground = self.palette().base()
            colour = (
                shown.foreground().color()
                if shown.hasProperty(QTextFormat.Property.ForegroundBrush)
                else self.palette().text().color()
            )
            fmt.setBackground(ground)
            fmt.setForeground(colour)
            fmt.setProperty(QTextFormat.Property.OutlinePen, QPen(colour, 1, Qt.PenStyle.DotLine))
            frame = QTextEdit.ExtraSelection()
            frame.cursor = cursor  # type: ignore[attr-defined]
            frame.format = fmt  # type: ignore[attr-defined]
            extras.append(frame)
        self.setExtraSelections(extras)

    # --- Qt events ----------------------------------------------------------------------------
    def setHtml(self, text: str) -> None:  # noqa: N802 (Qt API)
        self._focus = None  # the links it was on are gone
        super().setHtml(text)
        self._show_extras()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt API)
        """Tab leaves the text at once, not link after link."""
        return QWidget.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusInEvent(event)
        self._show_extras()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        self._show_extras()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self._focus = None  # the next arrow key starts from what is in view
        self._show_extras()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Right and Left move to the next and previous link; Enter follows it."""
        key = event.key()
        plain = event.modifiers() in _PLAIN
        if plain and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            # The arrow towards which the text reads goes on: Left in Arabic or Hebrew.
            self.step_link((key == Qt.Key.Key_Right) != self._right_to_left())
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._focus is not None:
            inside = QTextCursor(self.document())
            inside.setPosition(self._focus[0] + 1)
            self.anchorClicked.emit(QUrl(inside.charFormat().anchorHref()))
            event.accept()
            return
        super().keyPressEvent(event)
