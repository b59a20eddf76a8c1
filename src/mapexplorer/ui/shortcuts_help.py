"""Help ▸ Keyboard shortcuts: every key the window answers to, in one table.

The menus' keys are read from their actions (so the list cannot drift from them); the keys
that belong to one widget (the map, the slider's track, the event list, the details and the
article, the filter box) are written here, beside the widgets' own descriptions in
`mappage.js`, `timeline.py`, `event_list.py` and `link_keys.py`."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenuBar,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

WIDGET_KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "On the map (Tab to it)",
        (
            ("Arrow keys", "Pan the map"),
            ("+ / −", "Zoom in / out"),
            ("Escape", "Close the list of events at a place"),
        ),
    ),
    (
        "On the time slider",
        (
            ("Left / Right", "Step the time"),
            ("Page Up / Page Down", "The previous / next event"),
            ("Home / End", "The story's first / last date"),
            ("Space", "Play or pause"),
        ),
    ),
    (
        "In the event list",
        (
            ("Up / Down, Home / End", "Select an event; the map flies to it"),
            ("Enter", "Show the selected event again"),
            ("Escape", "Clear the selection"),
        ),
    ),
    (
        "In the details (one Tab stop)",
        (
            ("Left / Right", "The previous / next link (other events here)"),
            ("Enter", "Follow the link"),
        ),
    ),
    (
        "In the article (one Tab stop)",
        (
            ("Left / Right", "The previous / next highlighted passage"),
            ("Enter", "Select the passage's event"),
            ("Up / Down", "Scroll the text"),
        ),
    ),
    (
        "In the filter box",
        (("Escape", "Clear the filter"), ("Down", "Into the list of the events found")),
    ),
)


REVIEW_HEADING = "In the import review"


def review_keys() -> tuple[tuple[str, str], ...]:
    """The import review's keys (`review.py`: its shortcuts and the keys its list and article
    answer to), the standard ones as this platform writes them."""

    def native(*keys: QKeySequence.StandardKey | str) -> str:
        # Each key's first binding: the others are a platform's extras ("Alt+Backspace", the
        # keyboard's own Undo key), which listed made the column three times as wide.
        texts = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys]
        return " or ".join(dict.fromkeys(t for t in texts if t))  # (each once, in order)

    return (
        ("A / R", "Accept / reject the selected draft"),
        ("Up / Down", "The previous / next draft"),
        (native(QKeySequence.StandardKey.Undo), "Undo the last verdict or edit"),
        (native(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), "Redo what was undone"),
        (native(QKeySequence.StandardKey.Save), "Save the accepted drafts"),
        ("Escape", "Close the review (your work is kept)"),
        ("Left / Right", "In the article: the previous / next draft"),
        ("Enter", "In the article: select the draft framed"),
        ("F1", "These keys"),
    )


def menu_keys(menu_bar: QMenuBar) -> list[tuple[str, str]]:
    """(keys, what they do) for every menu item with a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys and action.isVisible():
                rows.append((" or ".join(keys), action.text().replace("&", "").rstrip("…")))

    walk(menu_bar.actions())
    return rows


def shortcuts_html(menu_bar: QMenuBar | None) -> str:
    """One table, each section's heading a row across it: a table a section started each
    section's descriptions at its own distance from the keys, a ragged edge down the list.
    Without a menu bar: the import review's keys alone (its own F1)."""
    if menu_bar is None:
        sections = [(REVIEW_HEADING, review_keys())]
    else:
        window = ("Anywhere in the window", tuple(menu_keys(menu_bar)))
        sections = [window, *WIDGET_KEYS, (REVIEW_HEADING, review_keys())]
    parts = ["<table cellpadding='3' cellspacing='0'>"]
    for n, (heading, rows) in enumerate(sections):
        top = 4 if n == 0 else 14
        parts.append(
            f"<tr><td colspan='2' style='padding-top:{top}px; font-weight:600'>"
            f"{html.escape(heading)}</td></tr>"
        )
        for keys, what in rows:
            parts.append(
                f"<tr><td style='padding-left:6px; padding-right:16px; white-space:nowrap'>"
                f"<b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
            )
    parts.append("</table>")
    return "".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar | None, parent: QWidget | None = None) -> None:
        """The keys of the window whose menu bar is `menu_bar`; None: the import review's."""
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(shortcuts_html(menu_bar))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self._fitting_size())

    def _fitting_size(self) -> QSize:
        """Wide enough for the table on one line a row, as tall as it is, both within the
        screen: a fixed 480×620 at 200% text wrapped "Previous chapter" into "Previou / s /
        chapter" beside the keys' column."""
        document = self.text.document()
        wrapping = document.textWidth()
        document.setTextWidth(-1)  # laid out unwrapped: the table's natural width
        natural = document.size()
        document.setTextWidth(wrapping)
        margins = self.layout().contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        chrome = 2 * self.text.frameWidth() + margins.left() + margins.right()
        width = round(natural.width()) + chrome + scroll_bar + 4
        buttons = self.layout().itemAt(1).sizeHint().height() + self.layout().spacing()
        height = round(natural.height()) + chrome + buttons
        size = QSize(max(480, width), max(300, height))
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.9
            size = size.boundedTo(room)
        return size
