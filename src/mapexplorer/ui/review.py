"""The review of an imported article: the drafts in a table beside the article, one editor.

The user accepts (A), rejects (R) or edits each draft — title, category, date, places — and
saves the accepted ones as a catalogue. The `DraftSet` is the model; every change is written
back to it and autosaved (atomically) to a per-article file, so closing, cancelling or
switching article never loses work. Data is always shown as text, never as HTML.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mapexplorer.colours import blend, category_colour
from mapexplorer.event_words import confidence_words
from mapexplorer.formats import native
from mapexplorer.formats.errors import FormatError
from mapexplorer.importer import ACCEPTED, PENDING, REJECTED, Draft, DraftSet
from mapexplorer.model import Place
from mapexplorer.model.event import CATEGORIES, slugify
from mapexplorer.model.place import PlaceKind
from mapexplorer.model.time import DateError, TimeSpan
from mapexplorer.ui.article import fold_blank_lines, soft_breaks
from mapexplorer.ui.dialog_folders import EXPORTS, remember_folder, start_folder
from mapexplorer.ui.link_keys import LinkKeysBrowser
from mapexplorer.ui.plain_text import plain_tooltip, write_error
from mapexplorer.ui.readable_palette import error_colour
from mapexplorer.ui.save_dialog import ask_save_path
from mapexplorer.ui.splitter import panel_splitter
from mapexplorer.ui.text_size import text_scale
from mapexplorer.words import counted

__all__ = ["DraftTableModel", "QtReview"]

STATUS_WORDS = {PENDING: "To review", ACCEPTED: "Accepted", REJECTED: "Rejected"}
STATUS_GLYPHS = {PENDING: "○", ACCEPTED: "✓", REJECTED: "✕"}
STATUS_COLOURS = {PENDING: "#b26a00", ACCEPTED: "#2e7d32", REJECTED: "#9e9e9e"}
_TINTS = {PENDING: "#f2b705", ACCEPTED: "#43a047", REJECTED: "#9e9e9e"}
_CONTEXT_TINT = "#4a90d9"
_EDITED = {
    "status": "verdict",
    "title": "title",
    "category": "category",
    "time": "date",
    "time_alternatives": "date",
    "places": "places",
    "place_alternatives": "places",
}
"""What Ctrl+Z gives back of a draft, and what the status line calls each."""
_AUTOSAVE_DELAY_MS = 400
_ROOT = QModelIndex()


def draft_state(draft: Draft) -> dict:
    """What the user can change of a draft (its verdict and every field the editor edits),
    copied: a list changed in place later leaves it as it was."""
    return {
        name: list(value) if isinstance(value, list) else value
        for name in _EDITED
        for value in (getattr(draft, name),)
    }


def date_words(time: TimeSpan) -> str:
    try:
        return time.describe()
    except (DateError, ValueError):
        return time.edtf


def place_label(place: Place) -> str:
    """ "Moscow  (point, 55.76° N 37.62° E)": namesakes told apart by where they are."""
    if place.kind is PlaceKind.POINT:
        lon, lat = place.representative
        where = (
            f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'} {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"
        )
        return f"{place.name}  (point, {where})"
    return f"{place.name}  ({'area' if place.kind is PlaceKind.REGION else 'route'})"


# --- the table ---------------------------------------------------------------------------------


class DraftTableModel(QAbstractTableModel):
    """The drafts, one row each, in the order of the text. Every cell is plain text."""

    COLUMNS = ("Status", "Date", "Title", "Places", "Confidence")
    STATUS, DATE, TITLE, PLACES, CONFIDENCE = range(5)

    def __init__(self, drafts: DraftSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drafts = drafts

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.drafts.drafts)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def text(self, draft: Draft, column: int) -> str:
        if column == self.STATUS:
            return f"{STATUS_GLYPHS[draft.status]} {STATUS_WORDS[draft.status]}"
        if column == self.DATE:
            return date_words(draft.time)
        if column == self.TITLE:
            return draft.title
        if column == self.PLACES:
            return ", ".join(p.name for p in draft.places) or "— none —"
        return confidence_words(draft.confidence)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        draft = self.drafts.drafts[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(draft, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DATE:
                return plain_tooltip(f"{draft.time.edtf}\n{draft.date_note}".strip())
            if column == self.CONFIDENCE and draft.confidence < 0.5:
                return plain_tooltip("Low confidence: check the date and places.")
            return plain_tooltip(draft.excerpt.text)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS and draft.status != PENDING:
                return QColor(STATUS_COLOURS[draft.status])
            if draft.status == REJECTED:
                return QColor(STATUS_COLOURS[REJECTED])
            if column == self.CONFIDENCE and draft.confidence < 0.5:
                return QColor("#c25400")
        if role == Qt.ItemDataRole.FontRole:
            if (column == self.STATUS and draft.status == ACCEPTED) or (
                column == self.TITLE and draft.status == REJECTED
            ):
                font = QFont()
                font.setBold(column == self.STATUS)
                font.setStrikeOut(column == self.TITLE)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def all_changed(self) -> None:
        if self.drafts.drafts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.drafts.drafts) - 1, len(self.COLUMNS) - 1)
            )


# --- the window --------------------------------------------------------------------------------


class QtReview(QMainWindow):
    """Review an article's drafts and save the accepted ones as a catalogue.

    `saved(path)` is emitted after a catalogue is written (the main window opens it);
    `closed()` when the window closes (the drafts are already autosaved); `files_dropped(paths)`
    when files are dropped on it, for the main window to open as a drop on it would."""

    saved = Signal(str)
    closed = Signal()
    files_dropped = Signal(list)

    def __init__(
        self,
        drafts: DraftSet,
        autosave_path: str | os.PathLike | None = None,
        article_path: str = "",
        parent: QWidget | None = None,
        article_name: str = "",
    ) -> None:
        """`article_name`: the file's name, or the name given to pasted text."""
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.drafts = drafts
        self.autosave_path = Path(autosave_path) if autosave_path else None
        self.article_path = article_path
        self.article_name = article_name or Path(article_path).name
        self.heading = (
            drafts.source.title or self.article_name or "Article"
        )  # the article's own title, else its file's name as written, not one made from it
        self._loading = False
        self._history: list[list[tuple[int, dict]]] = []
        """Each verdict given (A, R, Undo verdict, Accept all) and each edit (a title typed, a
        category, a date, places ticked or added): its drafts' rows and what they were
        before (`draft_state`), for Ctrl+Z to give back, the last first."""
        self._undone: list[list[tuple[int, dict]]] = []
        """Each change Ctrl+Z took back, its drafts' rows and what it gave, for Ctrl+Shift+Z
        (Ctrl+Y) to give again; a new change clears it."""
        self._typing_row: int | None = None
        """The draft whose title is being typed: the title typed in one go is one change."""
        self._anchor_rows: list[tuple[int, int, int]] = []
        self._body_start = 0
        self._autosave_timer = QTimer(self, singleShot=True, interval=_AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        app = QApplication.instance()
        if app is not None:  # typing not yet autosaved is written before the app exits
            app.aboutToQuit.connect(self.autosave_now)

        self.setWindowTitle(f"Review: {self.heading} — Map Explorer")
        self.setAcceptDrops(True)  # a file dropped here was refused with a no-entry cursor
        self.setAccessibleName("Review the imported events")
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.92 if screen is not None else None
        # Within the screen: 820 px was taller than a 1366x768 laptop's.
        self.resize(QSize(1320, 820).boundedTo(room) if room else QSize(1320, 820))

        self.model = DraftTableModel(drafts, self)
        self._build()
        self._build_article()
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._update_counts()
        if drafts.drafts:
            self.select(self._first_pending())
        self.table.setFocus()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.header.setFont(font)
        self.header.setText(self.heading)
        self.subheader = QLabel()
        self.subheader.setTextFormat(Qt.TextFormat.PlainText)
        self.subheader.setWordWrap(True)
        self.subheader.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.subheader.setText(self._published_line())
        self.subheader.setToolTip(plain_tooltip(self.drafts.published_reasoning))
        self.help = QLabel(
            "Accept the events you want on the map (A), reject the others (R); ↑ ↓ move. "
            "Edit a draft on the right before accepting it. Your work is kept as you go "
            "(Ctrl+Z undoes; F1 lists every key)."
        )
        self.help.setWordWrap(True)
        self.help.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.table = QTableView()
        self.table.setObjectName("draftTable")
        self.table.setAccessibleName("Draft events")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        head = self.table.horizontalHeader()
        head.setHighlightSections(False)
        head.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._user_widths: dict[int, int] = {}
        """Columns the user has dragged to a width of their own: `_fit_columns` keeps it."""
        self._fitting = False
        self._fit_columns()
        head.setSectionResizeMode(DraftTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        head.sectionResized.connect(self._on_column_resized)
        self.table.installEventFilter(self)  # its font: `_size_rows`
        self.table.viewport().installEventFilter(self)  # its width: the columns share it
        self._size_rows()

        self.editor = self._build_editor()

        # The editor scrolls in a short window: squeezed, its rows were drawn over each other.
        editor_scroll = QScrollArea()
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        editor_scroll.setWidget(self.editor)
        # Neither the drafts, the editor nor the article can be dragged out of sight.
        left = panel_splitter(Qt.Orientation.Vertical, self.table, editor_scroll)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        left.setSizes([330, 440])

        self.article = LinkKeysBrowser()  # one Tab stop; Left and Right between drafts
        self.article.setObjectName("reviewArticle")
        self.article.setAccessibleName("Article text")
        self.article.setAccessibleDescription(
            "The article. Highlighted sentences are draft events: the Left and Right arrow keys "
            "move between them, and Enter selects the one framed."
        )
        self.article.setOpenLinks(False)
        self.article.anchorClicked.connect(self._on_anchor)
        self.article.document().setDocumentMargin(16)
        self.article.installEventFilter(self)

        self.split = panel_splitter(Qt.Orientation.Horizontal, left, self.article)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([780, 540])

        self.status_line = QLabel()
        self.status_line.setObjectName("reviewStatus")
        self.status_line.setTextFormat(Qt.TextFormat.PlainText)
        self.status_line.setWordWrap(True)
        self.status_line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        # Wrapped when short of room: on one line it held the review 924 px wide at 150% text.
        self.counts.setWordWrap(True)
        self.accept_all_button = QPushButton("Accept all to review")
        self.accept_all_button.setToolTip("Accept every draft you have not rejected")
        self.accept_all_button.clicked.connect(self.accept_all)
        self.save_button = QPushButton("Save catalogue…")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Write the accepted drafts as a catalogue and open it")
        self.save_button.clicked.connect(self.choose_save_path)
        self.close_button = QPushButton("Close")
        self.close_button.setToolTip("Your review is kept: import the article again to resume")
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)  # its room before the buttons', not a stretch's
        bottom.addWidget(self.accept_all_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addWidget(self.help)
        layout.addWidget(self.split, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        # On a line of its own: beside the buttons, a narrow window wrapped it a word a line.
        layout.addWidget(self.status_line)
        layout.addLayout(bottom)
        self.setCentralWidget(central)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.choose_save_path)
        close = QShortcut(QKeySequence("Escape"), self)
        close.activated.connect(self.close)
        # A verdict given by mistake (A moves on to the next draft, where Undo verdict no
        # longer reaches it) or an edit: Ctrl+Z takes it back. A text box keeps its own Ctrl+Z
        # while it has the focus; once it has lost it, the window's takes the edit back.
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.activated.connect(self.undo_verdict)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:  # (one shortcut a key: two never fire)
            redo_keys.append(QKeySequence("Ctrl+Y"))
        for keys in redo_keys:
            redo = QShortcut(keys, self)
            redo.activated.connect(self.redo_verdict)
        # F1 did nothing here (the main window's Help is out of reach), and these keys were
        # written nowhere in the app.
        self.shortcuts_dialog: QDialog | None = None
        keys_help = QShortcut(QKeySequence.StandardKey.HelpContents, self)
        keys_help.activated.connect(self.show_shortcuts)

    def show_shortcuts(self) -> None:
        """The review's keys; F1 again brings the open list to the front."""
        from mapexplorer.ui.shortcuts_help import ShortcutsDialog

        shown = self.shortcuts_dialog
        if shown is not None and shown.isVisible():
            shown.raise_()
            shown.activateWindow()
            return
        if shown is not None:
            shown.deleteLater()  # (closed: made again, at the text size now)
        self.shortcuts_dialog = ShortcutsDialog(None, self)
        self.shortcuts_dialog.show()

    def _build_editor(self) -> QGroupBox:
        box = QGroupBox("Selected draft")
        self.sentence = QLabel()
        self.sentence.setObjectName("draftSentence")
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        italic = self.sentence.font()
        italic.setItalic(True)
        self.sentence.setFont(italic)

        self.accept_button = QPushButton(f"{STATUS_GLYPHS[ACCEPTED]} Accept  (A)")
        self.accept_button.setAccessibleName("Accept this draft")
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button = QPushButton(f"{STATUS_GLYPHS[REJECTED]} Reject  (R)")
        self.reject_button.setAccessibleName("Reject this draft")
        self.reject_button.clicked.connect(self.reject_current)
        self.undecide_button = QPushButton("Undo verdict")
        self.undecide_button.setToolTip("Back to “to review”")
        self.undecide_button.clicked.connect(lambda: self.set_status(PENDING))
        verdict = QHBoxLayout()
        verdict.addWidget(self.accept_button)
        verdict.addWidget(self.reject_button)
        verdict.addWidget(self.undecide_button)
        verdict.addStretch(1)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("A short title for the event")
        self.title_edit.textChanged.connect(self._on_title)
        self.title_edit.editingFinished.connect(self._end_typing)

        self.category_box = QComboBox()
        self.category_box.setAccessibleName("Category")
        for category in CATEGORIES:
            self.category_box.addItem(category.capitalize(), category)
            swatch = QColor(category_colour(category))
            self.category_box.setItemData(
                self.category_box.count() - 1, swatch, Qt.ItemDataRole.DecorationRole
            )
        self.category_box.activated.connect(self._on_category)

        self.date_edit = QLineEdit()
        self.date_edit.setAccessibleName("Date (EDTF)")
        self.date_edit.setPlaceholderText("2015, 2015-07, 2015-07-14 or 2011/2015")
        self.date_edit.setToolTip(
            "A day (2015-07-14), a month (2015-07), a year (2015), a decade (201X), "
            "a century (19XX) or a span (2011/2015)"
        )
        self.date_edit.textChanged.connect(self._on_date_typed)
        self.date_edit.editingFinished.connect(self._commit_date)
        self.date_words = QLabel()
        self.date_words.setObjectName("dateWords")
        self.date_words.setTextFormat(Qt.TextFormat.PlainText)
        self.date_words.setMinimumWidth(200)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.date_words, 2)
        self.date_alternatives = QComboBox()
        self.date_alternatives.setAccessibleName("Other readings of the date")
        self.date_alternatives.activated.connect(self._on_date_alternative)
        self.date_note = QLabel()
        self.date_note.setTextFormat(Qt.TextFormat.PlainText)
        self.date_note.setWordWrap(True)
        self.date_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.place_list = QListWidget()
        self.place_list.setAccessibleName("Places: ticked places are the event's")
        self.place_list.setMaximumHeight(112)
        self.place_list.itemChanged.connect(self._on_place_ticked)
        self.place_search = QLineEdit()
        self.place_search.setAccessibleName("Find a place by name")
        self.place_search.setPlaceholderText("Find another place by name (e.g. Vienna, Crimea)")
        self.place_search.returnPressed.connect(lambda: self.find_place(self.place_search.text()))
        find = QPushButton("Add")
        find.clicked.connect(lambda: self.find_place(self.place_search.text()))
        search_row = QHBoxLayout()
        search_row.addWidget(self.place_search, 1)
        search_row.addWidget(find)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("Title:", self.title_edit)
        form.addRow("Category:", self.category_box)
        form.addRow("Date:", date_row)
        form.addRow("", self.date_alternatives)
        form.addRow("", self.date_note)
        form.addRow("Places:", self.place_list)
        form.addRow("", search_row)

        layout = QVBoxLayout(box)
        layout.addWidget(self.sentence)
        layout.addLayout(verdict)
        layout.addLayout(form)
        layout.addStretch(1)
        return box

    def _published_line(self) -> str:
        published = self.drafts.source.published
        if not published:
            return "Publication date unknown: relative dates (“last month”) were not resolved."
        try:
            words = TimeSpan.parse(published).describe()
        except DateError:
            words = published
        name = Path(self.article_path).name
        where = f"{name} · " if name else ""
        return f"{where}Published {words} — relative dates are counted from it."

    # --- the article --------------------------------------------------------------------------
    def _build_article(self) -> None:
        """The text goes in with `insertText` (never as HTML), each draft's sentence a link."""
        text = self.drafts.source.text
        spans = sorted(
            (max(0, d.excerpt.start), min(len(text), d.excerpt.end), row)
            for row, d in enumerate(self.drafts.drafts)
            if d.excerpt.end > d.excerpt.start
        )
        pieces: list[tuple[int, int, int | None]] = []
        lead = len(text) - len(text.lstrip())  # blank lines before the first word
        pos = lead
        for start, end, row in spans:
            start = max(start, pos)
            if end <= start:
                continue  # overlaps an earlier draft's sentence: the first keeps the link
            if start > pos:
                pieces.append((pos, start, None))
            pieces.append((start, end, row))
            pos = end
        if pos < len(text):
            pieces.append((pos, len(text), None))
        self._anchor_rows = [(s, e, r) for s, e, r in pieces if r is not None]

        document = self.article.document()
        document.clear()
        self.article.forget_focused_link()
        cursor = QTextCursor(document)
        body = QTextBlockFormat()
        body.setBottomMargin(8)
        body.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        plain = QTextCharFormat()
        plain.setForeground(self.palette().color(QPalette.ColorRole.Text))
        cursor.setBlockFormat(body)
        self._body_start = cursor.position() - lead
        soft = soft_breaks(text)  # a hard-wrapped text's lines, shown as its paragraphs
        for start, end, row in pieces:
            fmt = plain
            if row is not None:
                fmt = QTextCharFormat(plain)
                fmt.setAnchor(True)
                fmt.setAnchorHref(f"draft:{row}")
            at = start  # where `line` starts in the text
            for n, line in enumerate(text[start:end].split("\n")):
                if n and at - 1 in soft:
                    cursor.insertText(" ", fmt)  # one character for one: offsets hold
                elif n:
                    cursor.insertBlock(body, plain)
                if line:
                    cursor.insertText(line, fmt)
                at += len(line) + 1
        fold_blank_lines(document, 0)  # paragraphs a blank line parts, as in the Article tab
        self.article.setTextCursor(QTextCursor(document))
        self._tint_article()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        limit = self.article.document().characterCount() - 1
        cursor = QTextCursor(self.article.document())
        cursor.setPosition(max(0, min(limit, self._body_start + start)))
        cursor.setPosition(
            max(0, min(limit, self._body_start + end)), QTextCursor.MoveMode.KeepAnchor
        )
        return cursor

    def _tint_article(self) -> None:
        """Every draft's sentence tinted by its status; the selected one highlighted."""
        pal = self.palette()
        base = pal.color(QPalette.ColorRole.Base).name()
        dark = pal.color(QPalette.ColorRole.Base).lightness() < 128
        selections: list[QTextEdit.ExtraSelection] = []

        def add(start: int, end: int, fmt: QTextCharFormat) -> None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(start, end)  # type: ignore[attr-defined]
            sel.format = fmt  # type: ignore[attr-defined]
            selections.append(sel)

        for row, draft in enumerate(self.drafts.drafts):
            # Neighbouring drafts alternate two shades, so where one sentence ends shows.
            amount = (0.34 if dark else 0.26) if row % 2 == 0 else (0.22 if dark else 0.15)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(blend(base, _TINTS[draft.status], amount)))
            if draft.status == REJECTED:
                fmt.setForeground(
                    QColor(blend(pal.color(QPalette.ColorRole.Text).name(), base, 0.45))
                )
            add(draft.excerpt.start, draft.excerpt.end, fmt)
        current = self.current_draft()
        if current is not None:
            context = QTextCharFormat()
            context.setBackground(QColor(blend(base, _CONTEXT_TINT, 0.3 if dark else 0.18)))
            for x in current.context:
                add(x.start, x.end, context)
            chosen = QTextCharFormat()
            chosen.setBackground(pal.color(QPalette.ColorRole.Highlight))
            chosen.setForeground(pal.color(QPalette.ColorRole.HighlightedText))
            add(current.excerpt.start, current.excerpt.end, chosen)
        self.article.set_base_selections(selections)

    def excerpt_visible(self, row: int | None = None) -> bool:
        """Whether the sentence of draft `row` (default: the selected one) is on screen."""
        row = self.current_row() if row is None else row
        if row < 0:
            return False
        draft = self.drafts.drafts[row]
        rect = self.article.cursorRect(self._cursor(draft.excerpt.start, draft.excerpt.start))
        return self.article.viewport().rect().intersects(rect)

    def _scroll_to_current(self) -> None:
        draft = self.current_draft()
        if draft is None:
            return
        viewport = self.article.viewport().rect()
        top = self.article.cursorRect(self._cursor(draft.excerpt.start, draft.excerpt.start))
        end = max(draft.excerpt.start, draft.excerpt.end - 1)
        bottom = self.article.cursorRect(self._cursor(end, end))
        if viewport.contains(top) and viewport.contains(bottom):
            return
        bar = self.article.verticalScrollBar()
        bar.setValue(bar.value() + top.top() - viewport.height() // 4)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "draft" and url.path().isdigit():
            self.select(int(url.path()))
            if self.article.focused_link() is None:  # clicked: A and R go on in the table
                self.table.setFocus()  # (from the keyboard, Left and Right go on here)

    # --- selection ----------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def current_draft(self) -> Draft | None:
        row = self.current_row()
        return self.drafts.drafts[row] if 0 <= row < len(self.drafts.drafts) else None

    def select(self, row: int) -> None:
        if not 0 <= row < len(self.drafts.drafts):
            return
        index = self.model.index(row, DraftTableModel.TITLE)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def row_of(self, words: str) -> int:
        """The row of the first draft whose sentence contains `words` (-1 if none)."""
        return next((i for i, d in enumerate(self.drafts.drafts) if words in d.excerpt.text), -1)

    def _first_pending(self) -> int:
        return next((i for i, d in enumerate(self.drafts.drafts) if d.status == PENDING), 0)

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._end_typing()
        if previous.isValid() and 0 <= previous.row() < len(self.drafts.drafts):
            typed = self.date_edit.text().strip()
            if not self._commit_date(previous.row()):
                draft = self.drafts.drafts[previous.row()]
                self.set_status_message(
                    f"Draft {previous.row() + 1}: “{typed}” is not a date and was not applied; "
                    f"its date is still {date_words(draft.time)}.",
                    error=True,
                )
        self._load_editor()
        self._tint_article()
        self._scroll_to_current()

    # --- the editor ---------------------------------------------------------------------------
    def _load_editor(self) -> None:
        draft = self.current_draft()
        self.editor.setEnabled(draft is not None)
        if draft is None:
            return
        self._loading = True
        try:
            row = self.current_row()
            self.editor.setTitle(
                f"Draft {row + 1} of {len(self.drafts.drafts)} — "
                f"{STATUS_WORDS[draft.status].lower()}, confidence {confidence_words(draft.confidence)}"
            )
            self.sentence.setText(f"“{draft.excerpt.text}”")
            self.title_edit.setText(draft.title)
            self.title_edit.setCursorPosition(0)
            index = self.category_box.findData(draft.category)
            self.category_box.setCurrentIndex(index if index >= 0 else CATEGORIES.index("other"))
            self.date_edit.setText(draft.time.edtf)
            self._show_date_words(draft.time)
            self._load_date_alternatives(draft)
            note = []
            if draft.date_text:
                note.append(f"From the words “{draft.date_text}”")
            if draft.date_note:
                note.append(draft.date_note)
            self.date_note.setText(": ".join(note) if note else "")
            self.date_note.setVisible(bool(note))
            self._load_places(draft)
            self.accept_button.setEnabled(draft.status != ACCEPTED)
            self.reject_button.setEnabled(draft.status != REJECTED)
            self.undecide_button.setEnabled(draft.status != PENDING)
        finally:
            self._loading = False

    def _load_date_alternatives(self, draft: Draft) -> None:
        box = self.date_alternatives
        box.clear()
        alternatives = [t for t in dict.fromkeys(draft.time_alternatives) if t != draft.time]
        if alternatives:
            box.addItem(f"Other readings of the date ({len(alternatives)})…", None)
            for time in alternatives:
                box.addItem(f"{date_words(time)}   [{time.edtf}]", time.edtf)
        else:
            box.addItem("No other reading of the date", None)
        box.setEnabled(bool(alternatives))

    def _load_places(self, draft: Draft) -> None:
        self.place_list.clear()
        seen: list[Place] = []
        for place, ticked in [(p, True) for p in draft.places] + [
            (p, False) for p in draft.place_alternatives
        ]:
            if place not in seen:  # same id, name and geometry
                seen.append(place)
                self._add_place_item(place, ticked)

    def _add_place_item(self, place: Place, ticked: bool) -> QListWidgetItem:
        item = QListWidgetItem(place_label(place))
        item.setData(Qt.ItemDataRole.UserRole, place)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        if place.source:
            item.setToolTip(plain_tooltip(place.source))
        self.place_list.addItem(item)
        return item

    def _show_date_words(self, time: TimeSpan | None, error: str = "") -> None:
        if time is not None:
            self.date_words.setText(f"= {date_words(time)}")
            self.date_words.setStyleSheet("")
        else:
            self.date_words.setText(error)
            self.date_words.setStyleSheet(f"color: {error_colour(self)}")

    # --- edits: each writes to the draft, refreshes and autosaves ----------------------------
    def _record(self, *rows: int) -> None:
        """Keep what drafts `rows` are before a change, for Ctrl+Z; nothing is left to redo."""
        self._history.append([(row, draft_state(self.drafts.drafts[row])) for row in rows])
        self._undone.clear()

    def _end_typing(self) -> None:
        self._typing_row = None

    def _changed(self, row: int, now: bool = True) -> None:
        self.model.row_changed(row)
        self._tint_article()
        self._update_counts()
        if now:
            self.autosave_now()
        else:
            self._autosave_timer.start()

    def _on_title(self, text: str) -> None:
        draft = self.current_draft()
        if self._loading or draft is None or draft.title == text:
            return
        if self._typing_row != self.current_row():
            self._record(self.current_row())
            self._typing_row = self.current_row()
        draft.title = text
        self._changed(self.current_row(), now=False)

    def _on_category(self, index: int) -> None:
        draft = self.current_draft()
        category = self.category_box.itemData(index)
        if draft is None or category is None or draft.category == category:
            return
        self._record(self.current_row())
        draft.category = category
        self._changed(self.current_row())

    def set_category(self, category: str) -> None:
        index = self.category_box.findData(category)
        if index >= 0:
            self.category_box.setCurrentIndex(index)
            self._on_category(index)

    def _on_date_typed(self, text: str) -> None:
        if self._loading:
            return
        try:
            self._show_date_words(TimeSpan.parse(text.strip()))
        except DateError:
            self._show_date_words(None, "Not a date: try 2015, 2015-07, 2015-07-14 or 2011/2015")

    def _commit_date(self, row: int | None = None) -> bool:
        """Apply the date typed in the editor to draft `row` (default: the selected one);
        False when what is typed is not a date (the draft keeps its date)."""
        row = self.current_row() if row is None else row
        if self._loading or not 0 <= row < len(self.drafts.drafts):
            return True
        draft = self.drafts.drafts[row]
        try:
            time = TimeSpan.parse(self.date_edit.text().strip())
        except DateError:
            return False  # the inline message says what is wrong; the draft keeps its date
        if time != draft.time:
            self._record(row)
            draft.choose_time(time)
            self._changed(row)
            if row == self.current_row():
                self._loading = True
                self._load_date_alternatives(draft)
                self._loading = False
        return True

    def _date_not_applied(self, doing: str) -> bool:
        """True, saying so, when the date typed for the selected draft is not a date: `doing`
        (accepting, saving) waits until it is corrected, so that what is typed is never
        silently replaced by the draft's old date."""
        if self._commit_date():
            return False
        typed = self.date_edit.text().strip()
        self.set_status_message(
            f"Draft {self.current_row() + 1}: “{typed}” is not a date, so its date is still "
            f"{date_words(self.current_draft().time)}. Correct it (e.g. 2015, 2015-07 or "
            f"2015-07-14) before {doing}.",
            error=True,
        )
        self.date_edit.setFocus()
        return True

    def _close_without_typed_date(self) -> bool:
        """The date typed for the selected draft is not a date: ask before closing drops it
        (moving to another draft, accepting and saving say so too). True: close anyway."""
        typed = self.date_edit.text().strip()
        self.close_box = box = QMessageBox(
            QMessageBox.Icon.Question,
            "Close the review?",
            f"Draft {self.current_row() + 1}: “{typed}” is not a date, so it was not applied; "
            f"the draft's date is still {date_words(self.current_draft().time)}.",
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the typed text, as typed
        box.setInformativeText("Close anyway, or keep editing to correct it?")
        keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
        close = box.addButton("Close anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is close:
            return True
        self.date_edit.setFocus()
        return False

    def set_date(self, edtf: str) -> bool:
        """Type a date into the editor and confirm it; False (nothing changes) if it is not one."""
        self.date_edit.setText(edtf)
        try:
            TimeSpan.parse(edtf.strip())
        except DateError:
            return False
        self._commit_date()
        return True

    def _on_date_alternative(self, index: int) -> None:
        draft = self.current_draft()
        edtf = self.date_alternatives.itemData(index)
        if draft is None or not edtf:
            return
        self._record(self.current_row())
        draft.choose_time(TimeSpan.parse(edtf))
        self._changed(self.current_row())
        self._load_editor()

    def _on_place_ticked(self, _item: QListWidgetItem) -> None:
        draft = self.current_draft()
        if self._loading or draft is None:
            return
        ticked, unticked = [], []
        for i in range(self.place_list.count()):
            item = self.place_list.item(i)
            place = item.data(Qt.ItemDataRole.UserRole)
            (ticked if item.checkState() == Qt.CheckState.Checked else unticked).append(place)
        self._record(self.current_row())
        draft.places, draft.place_alternatives = ticked, unticked
        if not ticked:
            self.set_status_message(
                "This draft has no place ticked: it will be left out of the catalogue."
            )
        self._changed(self.current_row())

    def tick_place(self, name: str, ticked: bool = True) -> bool:
        """Tick (or untick) the place called `name` in the selected draft's list."""
        for i in range(self.place_list.count()):
            item = self.place_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole).name == name:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                return True
        return False

    def find_place(self, name: str) -> Place | None:
        """Look `name` up in the gazetteer; add the best match to the draft, ticked."""
        from mapexplorer.importer.gazetteer import gazetteer

        name = name.strip()
        draft = self.current_draft()
        if not name or draft is None:
            return None
        gaz = gazetteer()
        candidates = gaz.lookup(name)
        if not candidates:
            self.set_status_message(f"No place called “{name}” in the offline gazetteer.")
            return None
        places = [gaz.place(c.entry, qualified=True) for c in candidates]
        best, others = places[0], places[1:]
        known = {p.id for p in draft.places}
        self._record(self.current_row())
        if best.id not in known:
            draft.places = [*draft.places, best]
        draft.place_alternatives = [p for p in draft.place_alternatives if p.id != best.id]
        draft.place_alternatives += [
            p for p in others[:4] if p.id not in known and p not in draft.place_alternatives
        ]
        self._changed(self.current_row())
        self._loading = True
        self._load_places(draft)
        self._loading = False
        self.place_search.clear()
        more = f"; {len(others)} other places share the name (unticked)" if others else ""
        self.set_status_message(f"Added {best.name}{more}.")
        return best

    # --- verdicts -----------------------------------------------------------------------------
    def set_status(self, status: str, advance: bool = False) -> None:
        row = self.current_row()
        draft = self.current_draft()
        if draft is None:
            return
        if status == ACCEPTED and self._date_not_applied("accepting it"):
            return
        self._commit_date(row)
        if draft.status != status:
            self._record(row)
        draft.status = status
        self._changed(row)
        if advance and row + 1 < len(self.drafts.drafts):
            self.select(row + 1)
        else:
            self._load_editor()

    def accept_current(self) -> None:
        self.set_status(ACCEPTED, advance=True)

    def reject_current(self) -> None:
        self.set_status(REJECTED, advance=True)

    def accept_all(self) -> None:
        """Accept every draft still to review (rejected drafts stay rejected)."""
        if self._date_not_applied("accepting the drafts"):
            return
        rows = [row for row, draft in enumerate(self.drafts.drafts) if draft.status == PENDING]
        if rows:
            self._record(*rows)
        for row in rows:
            self.drafts.drafts[row].status = ACCEPTED
        count = len(rows)
        self.model.all_changed()
        self._tint_article()
        self._update_counts()
        self._load_editor()
        self.autosave_now()
        self.set_status_message(f"Accepted {counted(count, 'draft')}.")

    def undo_verdict(self) -> None:
        """Ctrl+Z: the last verdict or edit taken back (every draft of an Accept all; a title
        typed in one go), its draft selected again; the status line says what was undone."""
        self._commit_date()  # a date typed and not yet applied is the last change
        given = self._last_change(self._history)
        if given is None:
            self.set_status_message("Nothing to undo.")
            return
        self._undone.append(self._give(given, "Undone"))

    def redo_verdict(self) -> None:
        """Ctrl+Shift+Z (Ctrl+Y): the last change Ctrl+Z took back given again: an undo
        too many (of an Accept all of forty drafts) was for good."""
        self._commit_date()
        given = self._last_change(self._undone)
        if given is None:
            self.set_status_message("Nothing to redo.")
            return
        self._history.append(self._give(given, "Redone"))

    def _last_change(self, stack: list[list[tuple[int, dict]]]) -> list[tuple[int, dict]] | None:
        """The last entry of `stack` that changes a draft (a place ticked and ticked back in
        the list, or found again, changed nothing), taken off it; None when there is none."""
        rows = range(len(self.drafts.drafts))
        while stack:
            given = [(row, state) for row, state in stack.pop() if row in rows]
            if any(draft_state(self.drafts.drafts[row]) != state for row, state in given):
                return given
        return None

    def _give(self, given: list[tuple[int, dict]], done: str) -> list[tuple[int, dict]]:
        """The drafts made as `given` says, the first draft selected and the status line
        saying so; what they were, to give back."""
        self._end_typing()
        self.select(given[0][0])
        had = [(row, draft_state(self.drafts.drafts[row])) for row, _ in given]
        for row, state in given:
            for name, value in state.items():
                setattr(
                    self.drafts.drafts[row], name, list(value) if isinstance(value, list) else value
                )
        self.model.all_changed()
        self._tint_article()
        self._update_counts()
        self._load_editor()
        self.autosave_now()
        row, state = given[0]
        edited = list(dict.fromkeys(_EDITED[n] for n, v in state.items() if had[0][1][n] != v))
        title = self.drafts.drafts[row].title
        shown = title if len(title) <= 80 else title[:79] + "…"
        status = STATUS_WORDS[state["status"]].lower()
        if len(given) > 1:
            self.set_status_message(f"{done}: {counted(len(given), 'draft')} {status} again.")
        elif edited in ([], ["verdict"]):
            self.set_status_message(f"{done}: “{shown}” is {status} again.")
        else:
            what = " and ".join(edited)
            self.set_status_message(f"{done}: the {what} of draft {row + 1}, “{shown}”.")
        return had

    COLUMN_WIDTHS = {
        DraftTableModel.STATUS: (104, 84),
        DraftTableModel.DATE: (176, 96),
        DraftTableModel.PLACES: (150, 64),
        DraftTableModel.CONFIDENCE: (88, 84),
    }
    """The other columns' widths, and the least they shrink to (the confidence's header
    whole), beside the title's, at the normal text size: larger text widens them as much
    (at 200% the status read "○ To …")."""
    WHOLE = (DraftTableModel.STATUS,)
    """Columns whose least width grows with the text: a status or a header cut off says
    nothing, where a date or places cut off still do (and the title keeps its room)."""
    TITLE_LEAST = 220
    """The title's width the others give way to: in a review half a screen wide they kept
    theirs and the title showed "The t…"."""

    def _fit_columns(self) -> None:
        """The columns at their widths, less in a narrow table: each gives up the same share
        of what it can spare until the title has `TITLE_LEAST`, which takes what is left."""
        room = self.table.viewport().width()
        scale = text_scale()
        widths = {}
        for c, (w, least) in self.COLUMN_WIDTHS.items():
            # Never narrower than its header's word: at 200% "Places" read "Place" and ran
            # into "Confidence".
            least = max(round(least * (scale if c in self.WHOLE else 1)), self._header_width(c))
            widths[c] = (max(round(w * scale), least), least)
        head = self.table.horizontalHeader()
        wanted = {c: w for c, (w, _) in widths.items()}
        can_give = {c: w - least for c, (w, least) in widths.items()}
        short = round(self.TITLE_LEAST * scale) - (room - sum(wanted.values()))
        share = min(1.0, max(0.0, short / max(1, sum(can_give.values()))))
        self._fitting = True
        try:
            for column, width in wanted.items():
                width -= math.ceil(can_give[column] * share)
                if column not in self._user_widths and head.sectionSize(column) != width:
                    head.resizeSection(column, width)
        finally:
            self._fitting = False

    def _header_width(self, column: int) -> int:
        """The width that shows a column's header whole, at the text size now (Qt's own
        measure: the word and the header's margins)."""
        return self.table.horizontalHeader().sectionSizeFromContents(column).width()

    def _on_column_resized(self, column: int, _old: int, new: int) -> None:
        """A column the user dragged keeps its width: the next resize of the window fitted it
        back to ours."""
        if not self._fitting and column in self.COLUMN_WIDTHS:
            self._user_widths[column] = new

    def _size_rows(self) -> None:
        """Rows as high as the text with room round it, at the text size now, and a few
        drafts in view however short the window (the editor below scrolls instead): at a
        fixed 26 px, 200% text filled the rows to their edges and four rows showed under
        three."""
        row = self.table.fontMetrics().height() + 10  # as the main window's event list
        self.table.verticalHeader().setDefaultSectionSize(row)
        head = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(head + 4 * row + 2 * self.table.frameWidth())
        # Room for every column at its least and the title's header: narrower, the splitter
        # gave the table less, the title's column shrank to "Titl" and it scrolled sideways.
        scale = text_scale()
        leasts = sum(
            max(round(least * (scale if c in self.WHOLE else 1)), self._header_width(c))
            for c, (_, least) in self.COLUMN_WIDTHS.items()
        )
        scroll = self.table.verticalScrollBar().sizeHint().width()
        title = self._header_width(DraftTableModel.TITLE)
        self.table.setMinimumWidth(leasts + title + scroll + 2 * self.table.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """A and R decide the selected draft while the table or the article has the focus."""
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()
        if event.type() == QEvent.Type.FontChange and watched is self.table:
            self._size_rows()  # View ▸ Larger text in the main window, the review open
            self._fit_columns()
        if event.type() == QEvent.Type.KeyPress and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if event.key() == Qt.Key.Key_A:
                self.accept_current()
                return True
            if event.key() == Qt.Key.Key_R:
                self.reject_current()
                return True
        return super().eventFilter(watched, event)

    # --- status, saving -----------------------------------------------------------------------
    def _update_counts(self) -> None:
        statuses = [d.status for d in self.drafts.drafts]
        self.counts.setText(
            f"{counted(len(statuses), 'draft')} · {statuses.count(ACCEPTED)} accepted · "
            f"{statuses.count(REJECTED)} rejected · {statuses.count(PENDING)} to review"
        )
        self.accept_all_button.setEnabled(PENDING in statuses)

    def set_status_message(self, text: str, error: bool = False) -> None:
        self.status_line.setText(text)
        self.status_line.setStyleSheet(f"color: {error_colour(self)}" if error else "")

    def autosave_now(self) -> bool:
        """Write the drafts file now (atomic); False, with a message, if that failed."""
        self._autosave_timer.stop()
        if self.autosave_path is None:
            return True
        try:
            self.autosave_path.parent.mkdir(parents=True, exist_ok=True)
            self.drafts.save(self.autosave_path)
        except (OSError, FormatError) as exc:
            self.set_status_message(
                f"Could not keep your review: {write_error(str(self.autosave_path), exc)}.", True
            )
            return False
        return True

    def _settings(self):
        return getattr(self.parent(), "settings", None)  # the main window's, when it has any

    def suggested_path(self) -> str:
        """Beside the article when it is the user's (not the bundled one, inside the
        installation), else where the last export went, else the user's Documents."""
        folder = Path(start_folder(self.article_path, self._settings(), EXPORTS))
        name = slugify(self.drafts.source.title or Path(self.article_name).stem or "article")
        return str(folder / f"{name}.geojson")

    def choose_save_path(self) -> None:
        if self._date_not_applied("saving"):
            return  # said before a file is chosen, not after
        path = ask_save_path(
            self, "Save the accepted events", self.suggested_path(),
            "Map Explorer catalogue (*.geojson)", "geojson",
        )  # fmt: skip
        if path:
            remember_folder(self._settings(), EXPORTS, path)
            self.save_to(path)

    def save_to(self, path: str | os.PathLike) -> bool:
        """Write the accepted drafts as a native catalogue (atomic) and announce it."""
        if self._date_not_applied("saving"):
            return False
        self.autosave_now()
        catalogue = self.drafts.to_catalogue(accepted_only=True)
        if not catalogue.events:
            self.set_status_message(
                "Nothing to save yet: accept the drafts you want (A), then save.", error=True
            )
            return False
        try:
            native.save(catalogue, path)
        except (OSError, FormatError) as exc:
            self.set_status_message(
                f"Could not save the catalogue: {write_error(str(path), exc)}. Nothing was "
                "lost: your review is kept, choose another folder to save it.",
                error=True,
            )
            return False
        self.set_status_message(f"Saved {counted(len(catalogue.events), 'event')} to {path}.")
        self.saved.emit(str(path))
        return True

    # --- drag and drop ------------------------------------------------------------------------
    @staticmethod
    def _dropped_paths(event) -> list[str]:
        mime = event.mimeData()
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Files dropped here open as on the main window (an article is imported, its review
        then taking this one's place, which is kept; a data file opens on the map)."""
        paths = self._dropped_paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        what = Path(paths[0]).name if len(paths) == 1 else "the files dropped"
        self.set_status_message(f"Opening {what} in the Map Explorer window; your review is kept.")
        self.files_dropped.emit(paths)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self._commit_date() and not self._close_without_typed_date():
            event.ignore()  # the user keeps editing: the window and what is typed stay
            return
        self.autosave_now()
        super().closeEvent(event)
        self.closed.emit()
