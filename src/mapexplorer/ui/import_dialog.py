"""File ▸ Import article…: choose (or drop, or paste) an article, confirm when it was published,
then review its draft events in `QtReview`.

`ArticleImporter` is the controller the main window owns. Every step is non-blocking (dialogs
open with `open()`, the drafts are made on a thread of their own), so tests drive it by calling
methods; bad input gets a message that names the file and the problem, and changes nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QSize,
    QStandardPaths,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from mapexplorer.formats.errors import FormatError
from mapexplorer.model.time import DateError, TimeSpan, day_from_iso
from mapexplorer.ui.readable_palette import error_colour
from mapexplorer.ui.text_size import scaled_size
from mapexplorer.words import counted

if TYPE_CHECKING:  # the importer is loaded on first use: it is not needed to start the app
    from mapexplorer.importer import Article, ArticleError, DraftSet, PublishedGuess
    from mapexplorer.ui.main_window import MainWindow
    from mapexplorer.ui.review import QtReview

__all__ = [
    "ARTICLE_FILTER",
    "ARTICLE_SUFFIXES",
    "ArticleImporter",
    "PasteDialog",
    "PublishedDialog",
    "drafts_dir",
    "drafts_file",
    "guess_kind",
]

DRAFTS_DIR_VARIABLE = "MAPEXPLORER_DRAFTS_DIR"

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
ARTICLE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm);;Plain text (*.txt);;"
    "Markdown (*.md *.markdown);;Web pages (*.html *.htm);;All files (*)"
)


def drafts_dir() -> Path:
    """Where reviews in progress are kept: $MAPEXPLORER_DRAFTS_DIR, else the app data folder."""
    override = os.environ.get(DRAFTS_DIR_VARIABLE)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".mapexplorer") / "drafts"


def drafts_file(text: str) -> Path:
    """The autosave file of the article whose (normalised) text is `text`."""
    import hashlib  # here, not at start-up: it loads OpenSSL

    return drafts_dir() / f"{hashlib.sha1(text.encode('utf-8')).hexdigest()}.json"


def guess_kind(text: str) -> str:
    """ "html", "md" or "txt" for pasted text."""
    if re.match(r"\s*<(?:!doctype|html|head|body|article|div|p|h\d)\b", text, re.I):
        return "html"
    if re.search(r"^#{1,6} \S", text, re.M):
        return "md"
    return "txt"


# --- the publication date ----------------------------------------------------------------------


class _MenuButton(QToolButton):
    """A tool button that opens its menu, wide enough for its text and the menu's arrow: the
    style drew the arrow over the end of "Calendar…", as the button's size left it no room."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self)
        return QSize(hint.width() + arrow, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.sizeHint()


class PublishedDialog(QDialog):
    """Confirm (or correct) the article's publication date, pre-filled with our guess."""

    def __init__(
        self,
        name: str,
        guess: PublishedGuess | None,
        initial: str | None = None,
        resumed: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._required = False
        self.setWindowTitle("When was the article published?")
        self.setAccessibleName("Publication date")
        self.setMinimumWidth(scaled_size(520, 0, self)[0])  # at larger text, as much wider

        heading = QLabel(f"Importing “{name}”")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)  # a long file name, or larger text, was cut off at the edge
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        explain = QLabel(
            "Relative dates in the text (“last month”, “Friday”, “two years later”) are counted "
            "from the day the article was published. Check it before the events are drafted."
        )
        explain.setWordWrap(True)

        if guess is not None:
            why = f"Our guess: {TimeSpan.from_days(guess.day).describe()}. {guess.reasoning}"
        else:
            why = (
                "The text does not say when it was published. Enter the date if you know it; "
                "left empty, relative dates cannot be placed and those sentences are skipped."
            )
        self.reasoning = QLabel(why)
        self.reasoning.setObjectName("publishedReasoning")
        self.reasoning.setTextFormat(Qt.TextFormat.PlainText)
        self.reasoning.setWordWrap(True)
        self.reasoning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasoning.setStyleSheet(
            "padding: 8px; border-radius: 4px; background: palette(alternate-base)"
        )

        self.date_edit = QLineEdit(initial if initial is not None else (guess.iso if guess else ""))
        self.date_edit.setAccessibleName("Publication date (YYYY-MM-DD)")
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.date_edit.setMaxLength(10)
        self.date_edit.textChanged.connect(self._validate)
        self.calendar_button = _MenuButton()
        self.calendar_button.setText("Calendar…")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        popup = QMenu(self.calendar_button)
        holder = QWidgetAction(popup)
        holder.setDefaultWidget(self.calendar)
        popup.addAction(holder)
        popup.aboutToShow.connect(self._sync_calendar)
        self.calendar_button.setMenu(popup)
        row = QHBoxLayout()
        row.addWidget(self.date_edit, 1)
        row.addWidget(self.calendar_button)
        self.words = QLabel()
        self.words.setObjectName("publishedWords")
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow("Published on:", row)
        form.addRow("", self.words)

        self.resumed = QLabel(resumed)
        self.resumed.setTextFormat(Qt.TextFormat.PlainText)
        self.resumed.setWordWrap(True)
        self.resumed.setVisible(bool(resumed))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Draft the events")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.reasoning)
        layout.addLayout(form)
        layout.addWidget(self.resumed)
        layout.addWidget(self.buttons)
        self._validate(self.date_edit.text())

    def published(self) -> str:
        """The confirmed date as YYYY-MM-DD, or "" when the user left it empty."""
        return self.date_edit.text().strip()

    def set_published(self, text: str) -> None:
        self.date_edit.setText(text)

    def require_date(self, why: str) -> None:
        """Ask for a date that must be given (without it nothing could be drafted): `why`
        replaces the guess's reasoning, and an empty date does not draft."""
        self._required = True
        self.reasoning.setText(why)
        self.reasoning.setStyleSheet(f"{self.reasoning.styleSheet()}; color: {error_colour(self)}")
        self._validate(self.date_edit.text())
        self.date_edit.setFocus()

    def is_valid(self) -> bool:
        text = self.published()
        if not text:
            return not self._required
        try:
            day_from_iso(text)
        except (DateError, ValueError):
            return False
        return re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", text) is not None

    def _validate(self, _text: str) -> None:
        ok = self.is_valid()
        text = self.published()
        if not text and self._required:
            self.words.setText("Enter the date it was published: the events count from it.")
        elif not text:
            self.words.setText("Unknown: relative dates will be skipped.")
        elif ok:
            self.words.setText(TimeSpan.from_days(day_from_iso(text)).describe())
        else:
            self.words.setText("Not a date: write it as YYYY-MM-DD, e.g. 2025-01-17.")
        self.words.setStyleSheet("" if ok else f"color: {error_colour(self)}")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        if self.is_valid():
            super().accept()

    def _sync_calendar(self) -> None:
        if self.published() and self.is_valid():
            self.calendar.setSelectedDate(QDate.fromString(self.published(), "yyyy-MM-dd"))

    def _picked(self, date: QDate) -> None:
        self.date_edit.setText(date.toString("yyyy-MM-dd"))
        self.calendar_button.menu().close()


class PasteDialog(QDialog):
    """Paste an article's text (plain, Markdown or HTML) to import it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste an article")
        self.resize(640, 480)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Article name")
        self.name_edit.setPlaceholderText("Optional: a name for the article")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Article text")
        self.text_edit.setPlaceholderText(
            "Paste the article here: its headline, dateline and paragraphs. "
            "Plain text, Markdown or HTML."
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Name:", self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.buttons)

    def article_text(self) -> str:
        return self.text_edit.toPlainText()

    def article_name(self) -> str:
        return self.name_edit.text().strip() or "pasted text"


# --- the flow ----------------------------------------------------------------------------------


class _DraftWorker(QObject):
    """Makes an article's drafts on a thread of its own: a long text (a report, a whole page
    pasted) takes seconds, during which the window stays live and Cancel is heard."""

    finished = Signal(object, object)  # this worker, the DraftSet
    failed = Signal(object, object)  # this worker, the ArticleError

    def __init__(self, article: Article, published: str | None, label: str) -> None:
        super().__init__()
        self.article, self.published, self.label = article, published, label

    def run(self) -> None:
        from mapexplorer.importer import ArticleError, draft_article

        try:
            drafts = draft_article(self.article, self.published, label=self.label)
        except ArticleError as exc:
            self.failed.emit(self, exc)
        except Exception as exc:  # noqa: BLE001 - a bug of ours: said, not a dialog up for ever
            problem = f"could not draft its events ({type(exc).__name__}: {exc})"
            self.failed.emit(self, ArticleError(self.label, problem))
        else:
            self.finished.emit(self, drafts)


class ArticleImporter(QObject):
    """Import → confirm the date → draft → review, for the main window `window`."""

    review_opened = Signal(object)  # the QtReview
    DRAFTING_SHOWN_AFTER_MS = 400
    """A short article's drafts come at once; a long one's show a busy bar with Cancel."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.date_dialog: PublishedDialog | None = None
        self.paste_dialog: PasteDialog | None = None
        self.error_box: QMessageBox | None = None
        self.import_action = QAction("&Import article…", window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(
            "Turn a news article (.txt, .md, .html) into events to review"
        )
        self.import_action.triggered.connect(self.choose_file)
        self.paste_action = QAction("&Paste article text…", window)
        self.paste_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.paste_action.triggered.connect(self.paste_text)
        self.drafting: QProgressDialog | None = None  # while drafts are being made
        self._job: tuple[QThread, _DraftWorker, tuple] | None = None
        self._winding_down: list[tuple[QThread, _DraftWorker]] = []  # cancelled, still running
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._finish_threads)
        window.installEventFilter(self)

    @property
    def busy(self) -> bool:
        """Whether drafts are being made (the review opens, or an error shows, when done)."""
        return self._job is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """The review closes (and autosaves) with the main window. When it will not close (a
        non-date is typed in its date box, and the user chose to keep editing), neither does
        the main window: quitting would drop what was typed."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            review = getattr(self.window, "review", None)
            if review is not None and review.isVisible() and not review.close():
                event.ignore()
                review.raise_()
                review.activateWindow()
                return True  # the main window stays, and so does everything in it
            self.cancel_drafting()
            if self._winding_down:
                # Drafts cannot be stopped midway: the window stood frozen on screen until
                # they were made (12 s for a long report). It goes now; the wait is unseen.
                self.window.hide()
            self._finish_threads()  # a Qt thread must not outlive the window that owns it
        return super().eventFilter(watched, event)

    def add_actions(self, menu: QMenu) -> None:
        menu.addAction(self.import_action)
        menu.addAction(self.paste_action)

    # --- entry points -------------------------------------------------------------------------
    def choose_file(self) -> None:
        from mapexplorer.ui.dialog_folders import OPENED

        start = self.window.dialog_folder(OPENED)
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Import an article", start, ARTICLE_FILTER
        )
        if path:
            self.window.chose_file(OPENED, path)
            self.import_file(path)

    def paste_text(self) -> None:
        self.paste_dialog = PasteDialog(self.window)
        self.paste_dialog.accepted.connect(
            lambda: self.import_text(
                self.paste_dialog.article_text(), self.paste_dialog.article_name()
            )
        )
        self.paste_dialog.open()

    def import_file(self, path: str) -> bool:
        """Start importing the article in `path`; False (with a message) if it cannot be read,
        or while another article's drafts are being made."""
        from mapexplorer.importer import ArticleError, load_article

        if self._refused_while_busy(Path(path).name):
            return False
        try:
            article = load_article(path)
        except ArticleError as exc:
            self.show_error(exc)
            return False
        self._confirm_date(article, Path(path).name, str(path))
        return True

    def import_text(self, text: str, name: str = "pasted text", kind: str | None = None) -> bool:
        """Start importing pasted text; False (with a message) if it is not an article, or
        while another article's drafts are being made."""
        from mapexplorer.importer import ArticleError, article_from_text

        if self._refused_while_busy(name):
            return False
        try:
            if not text.strip():
                raise ArticleError(name, "there is no text to import")
            article = article_from_text(text, name, kind or guess_kind(text))
        except ArticleError as exc:
            self.show_error(exc)
            return False
        self._confirm_date(article, name, "")
        return True

    def _refused_while_busy(self, name: str) -> bool:
        """Whether `name` must wait for the drafts being made: an article dropped on the review
        meanwhile asked for its date and, answered, cancelled them for its own. Said on the
        review (where it was dropped) and the status line."""
        if self._job is None:
            return False
        message = (
            f"“{name}” was not imported: the events of “{self._job[2][3]}” are still being "
            "found. Import it again once that review opens (or after Cancel)."
        )
        review = getattr(self.window, "review", None)
        if review is not None and review.isVisible():
            review.set_status_message(message, error=True)
        self.window.statusBar().showMessage(message, 15000)
        return True

    # --- steps --------------------------------------------------------------------------------
    def _confirm_date(self, article: Article, name: str, path: str, needed: str = "") -> None:
        """Ask for the publication date, then draft; `needed` says why it is asked again (the
        drafts found no date to place without it)."""
        from mapexplorer.importer import DraftSet, detect_published

        autosave = drafts_file(article.text)
        saved: DraftSet | None = None
        if autosave.exists():
            try:
                saved = DraftSet.load(autosave)
            except FormatError:
                saved = None  # unreadable: start afresh (the file is replaced on first save)
        guess = detect_published(article)
        resumed = ""
        initial = None
        if saved is not None:
            initial = saved.source.published
            resumed = (
                f"You have reviewed this article before ({_summary(saved)}). "
                "Your review will be resumed."
            )
        if self.date_dialog is not None:
            self.date_dialog.deleteLater()
        self.date_dialog = dialog = PublishedDialog(name, guess, initial, resumed, self.window)
        if needed:
            dialog.require_date(
                f"Could not draft the events: {needed} below (the date above the article, or "
                "in its web address)."
            )
        dialog.accepted.connect(
            lambda: self._draft(article, name, path, dialog.published(), guess, saved)
        )
        dialog.open()

    def _draft(
        self,
        article: Article,
        name: str,
        path: str,
        published: str,
        guess: PublishedGuess | None,
        saved: DraftSet | None,
    ) -> None:
        """Open the review: the saved one, or new drafts made on a thread (see `busy`)."""
        if saved is not None and saved.source.published == published:
            autosave = drafts_file(article.text)
            message = f"Resumed your review: {_summary(saved)}."
            self.open_review(saved, autosave, path, message, article.name)
            return
        self.cancel_drafting()
        keep_guess = guess is not None and published == guess.iso
        worker = _DraftWorker(article, None if keep_guess else published or None, path or name)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Slots of this object, not lambdas: they run on the GUI thread (queued).
        worker.finished.connect(self._on_drafted)
        worker.failed.connect(self._on_draft_failed)
        self._job = (thread, worker, (article, path, saved, name))
        self.drafting = QProgressDialog(
            f"Finding the events in {name}…", "Cancel", 0, 0, self.window
        )
        self.drafting.setWindowTitle("Import article")
        self.drafting.setWindowModality(Qt.WindowModality.WindowModal)
        self.drafting.setMinimumDuration(self.DRAFTING_SHOWN_AFTER_MS)
        # Its timer counts from a first value: without one the bar shows after Qt's 4 s.
        self.drafting.setValue(0)
        self.drafting.canceled.connect(self.cancel_drafting)
        thread.start()

    def cancel_drafting(self) -> None:
        """Stop waiting for the drafts being made: nothing opens, at once. The thread ends on
        its own once the drafts are made, and they are dropped."""
        if self._job is not None:
            thread, worker, _ = self._job
            self._job = None
            self._winding_down.append((thread, worker))
            thread.finished.connect(self._on_stopped)
            thread.quit()  # its event loop ends as soon as the worker returns
        self._close_drafting()

    @Slot()
    def _on_stopped(self) -> None:
        thread = self.sender()
        self._winding_down = [(t, w) for t, w in self._winding_down if t is not thread]
        if isinstance(thread, QThread):
            thread.deleteLater()

    def _end_job(self) -> tuple:
        """The finished job's context; its thread (whose worker has returned) ended."""
        assert self._job is not None
        thread, _worker, context = self._job
        self._job = None
        thread.quit()
        thread.wait()
        thread.deleteLater()
        self._close_drafting()
        return context

    def _close_drafting(self) -> None:
        if self.drafting is not None:
            self.drafting.canceled.disconnect(self.cancel_drafting)
            self.drafting.reset()
            self.drafting.deleteLater()
            self.drafting = None

    @Slot(object, object)
    def _on_drafted(self, worker: _DraftWorker, drafts: DraftSet) -> None:
        if self._job is None or worker is not self._job[1]:
            return  # cancelled: its drafts are dropped
        article, path, saved, _name = self._end_job()
        message = (
            f"{counted(len(drafts.drafts), 'draft event')}: accept, edit or reject each, then save."
        )
        if saved is not None:
            kept = _keep_decisions(drafts, saved)
            message = (
                f"The publication date changed, so the drafts were made again; "
                f"your {counted(kept, 'earlier decision')} {'is' if kept == 1 else 'are'} kept."
            )
        self.open_review(drafts, drafts_file(article.text), path, message, article.name)

    @Slot(object, object)
    def _on_draft_failed(self, worker: _DraftWorker, exc: ArticleError) -> None:
        if self._job is None or worker is not self._job[1]:
            return
        article, path, _saved, name = self._end_job()
        if exc.needs_published:
            # ("MUNICH (AP) — … on Tuesday", no year anywhere): left empty, the date is asked
            # again, saying why, rather than the import refused with nothing to do but retry.
            self._confirm_date(article, name, path, needed=exc.problem)
            return
        self.show_error(exc)

    def _finish_threads(self) -> None:
        """At quit: a thread still making drafts is waited for (Qt aborts on a running one)."""
        for thread, _worker in [*self._winding_down, *([self._job[:2]] if self._job else [])]:
            thread.wait()

    def open_review(
        self,
        drafts: DraftSet,
        autosave: Path | None,
        path: str = "",
        message: str = "",
        name: str = "",
    ) -> QtReview | None:
        """Show `drafts` in a review window (replacing the one open, whose work is kept).
        None when the one open will not close (a date typed in it that is not one, and the
        user keeps editing): it stays, with what is typed, and `drafts` are kept to resume."""
        from mapexplorer.ui.review import QtReview

        old = getattr(self.window, "review", None)
        if old is not None:
            if old.isVisible() and not old.close():  # (closing autosaves)
                self._keep_for_later(old, drafts, autosave, name or Path(path).name)
                return None
            old.deleteLater()
        review = QtReview(drafts, autosave, path, self.window, article_name=name)
        review.saved.connect(self.window.open_file)
        review.files_dropped.connect(self._open_dropped)
        review.closed.connect(
            lambda: self.window.statusBar().showMessage(
                "Your review is kept: import the same article again to resume it.", 8000
            )
        )
        review.set_status_message(message)
        review.autosave_now()
        self.window.review = review
        review.show()
        review.raise_()
        review.activateWindow()
        self.review_opened.emit(review)
        return review

    def _keep_for_later(
        self, review: QtReview, drafts: DraftSet, autosave: Path | None, name: str
    ) -> None:
        """The review open stays (its user keeps editing): the drafts of the article that was
        to replace it are saved, so importing it again resumes them, and the review says so."""
        kept = "its drafts are kept"
        if autosave is not None:
            try:
                autosave.parent.mkdir(parents=True, exist_ok=True)
                drafts.save(autosave)
            except (OSError, FormatError):
                kept = "its drafts could not be kept"
        review.set_status_message(
            f"“{name or 'The article'}” was not opened, so that you can correct the date here; "
            f"import it again when done ({kept}).",
            error=True,
        )
        review.raise_()
        review.activateWindow()

    def _open_dropped(self, paths: list[str]) -> None:
        """Files dropped on the review: the main window comes to the front (where a data file
        opens, and an article's date is asked) and opens them as dropped on it."""
        self.window.raise_()
        self.window.activateWindow()
        self.window.open_dropped(paths)

    def show_error(self, exc: ArticleError) -> None:
        """Say which file and what is wrong; nothing else changes."""
        name = Path(exc.path).name if exc.path else "the pasted text"
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Could not import the article",
            f"Could not import “{name}”: {exc.problem}.",
            parent=self.window,
        )
        self.error_box.setTextFormat(Qt.TextFormat.PlainText)
        detail = f"File: {exc.path}\n" if exc.path and exc.path != name else ""
        self.error_box.setInformativeText(
            f"{detail}Nothing was changed. Map Explorer imports news articles as plain text, "
            "Markdown or HTML that name places and dates."
        )
        self.error_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_box.open()


def _summary(drafts: DraftSet) -> str:
    statuses = [d.status for d in drafts.drafts]
    return (
        f"{statuses.count('accepted')} accepted, {statuses.count('rejected')} rejected, "
        f"{statuses.count('pending')} to review"
    )


def _keep_decisions(drafts: DraftSet, saved: DraftSet) -> int:
    """Carry the user's accepted and rejected drafts over to freshly made drafts.

    A decided draft replaces the new draft of the same sentence; one whose sentence has no new
    draft is kept as it was. Returns how many decisions were kept."""
    decided = {(d.excerpt.start, d.excerpt.end): d for d in saved.drafts if d.status != "pending"}
    merged = [decided.pop((d.excerpt.start, d.excerpt.end), d) for d in drafts.drafts]
    merged += decided.values()
    merged.sort(key=lambda d: (d.excerpt.start, d.excerpt.end))
    kept = sum(1 for d in merged if d.status != "pending")
    drafts.drafts = merged
    return kept
