"""The event list: a sortable table of the filtered events, greyed when not shown at this time.

Date, title and places show by default, sized for a side panel; the header's context menu
shows or hides the category, actors and "visible now" columns (kept with the window's layout).

Built to stay quick at 100,000 events: a model (no item widgets), fixed row heights, lazily
computed cells, visibility kept as a set of ids and refreshed with one `dataChanged`, and
sorting done in Python with a key function. (A QSortFilterProxyModel calls back into Python
for every comparison: about 30 s for 100,000 rows, against 0.1 s here.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mapexplorer.colours import blend, category_colour
from mapexplorer.model.catalogue import Catalogue
from mapexplorer.model.event import Event
from mapexplorer.model.state import ExplorerState
from mapexplorer.ui.eliding_combo import ElidingComboBox
from mapexplorer.ui.plain_text import plain_tooltip
from mapexplorer.words import counted

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A cell's sort key (the date column's is its first day)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The event id of a row."""

VISIBLE_MARK = "●"
_Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """Rows are events; the view greys those not visible at the current time."""

    DATE, TITLE, PLACES, CATEGORY, ACTORS, VISIBLE = range(6)
    HEADERS = ("Date", "Title", "Places", "Category", "Actors", "Visible now")

    def __init__(self, catalogue: Catalogue, parent: Any = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._events: list[Event] = []
        self._row_of_cache: dict[str, int] | None = {}
        self._visible: frozenset[str] = frozenset()
        self._dates: dict[str, str] = {}
        self._places: dict[str, str] = {}
        self._ranks: dict[str, int] | None = None  # each event's place in date order
        self._sort: tuple[int, Qt.SortOrder] = (self.DATE, Qt.SortOrder.AscendingOrder)
        self._swatches: dict[str, QIcon] = {}
        self.dimmed = QColor("#9a9a9a")

    # --- content ------------------------------------------------------------------------------
    def set_events(
        self, catalogue: Catalogue, events: Sequence[Event], chronological: bool = False
    ) -> None:
        """Show these events (already filtered), keeping the current sort order.
        `chronological`: they come in the catalogue's chronological order (no sort needed)."""
        self.beginResetModel()
        if catalogue is not self._catalogue:
            self._catalogue = catalogue
            self._dates.clear()
            self._places.clear()
            self._ranks = None
        self._events = list(events)
        if chronological and self._sort[0] == self.DATE:
            # Already in date order (start, end, id: all distinct); descending is the reverse.
            if self._sort[1] == Qt.SortOrder.DescendingOrder:
                self._events.reverse()
            self._row_of_cache = None  # made when first asked (100,000 rows: not up front)
        else:
            self._order(*self._sort)
        self.endResetModel()

    def set_visible(self, ids: frozenset[str]) -> None:
        """Mark which events are on the map now; repaints without resetting the model."""
        if ids == self._visible:
            return
        self._visible = ids
        if self._events:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._events) - 1, self.VISIBLE),
                [
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.AccessibleTextRole,
                ],
            )

    def visible_ids(self) -> frozenset[str]:
        return self._visible

    def event_at(self, row: int) -> Event:
        return self._events[row]

    def row_of(self, event_id: str | None) -> int | None:
        return self._row_of.get(event_id) if event_id else None

    @property
    def _row_of(self) -> dict[str, int]:
        if self._row_of_cache is None:
            self._row_of_cache = {e.id: row for row, e in enumerate(self._events)}
        return self._row_of_cache

    def repaint_all(self) -> None:
        """Colours changed (e.g. a dark palette): redraw every cell."""
        if self._events:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._events) - 1, len(self.HEADERS) - 1)
            )

    # --- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.VISIBLE:
            return "Shown on the map at the current time"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if event.id in self._visible else self.dimmed
        if role == Qt.ItemDataRole.ToolTipRole:
            # Shown as written: Qt would take "<b>…</b>" in a title for markup.
            if column == self.TITLE and event.summary:
                return plain_tooltip(f"{event.title}\n\n{event.summary}")
            return plain_tooltip(self._text(event, column)) or None
        if role == Qt.ItemDataRole.DecorationRole and column in (self.TITLE, self.CATEGORY):
            return self._swatch(event.category)  # the colour of its marker on the map
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VISIBLE:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.VISIBLE:
            return "visible" if event.id in self._visible else "not visible"
        if role == SORT_ROLE:
            return self._key(column)(event)
        if role == ID_ROLE:
            return event.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with a key; persistent indexes (the selection) follow their rows."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._events[i.row()].id if i.row() < len(self._events) else None for i in old]
        self._order(column, order)
        new = [
            self.index(self._row_of[i], p.column()) if i in self._row_of else QModelIndex()
            for i, p in zip(ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # --- helpers ------------------------------------------------------------------------------
    def _order(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        reverse = order == Qt.SortOrder.DescendingOrder
        self._events.sort(key=self._key(column), reverse=reverse)
        self._row_of_cache = {e.id: row for row, e in enumerate(self._events)}

    def _key(self, column: int) -> Callable[[Event], Any]:
        if column == self.TITLE:
            return lambda e: e.title.casefold()
        if column == self.PLACES:
            return lambda e: self._place_names(e).casefold()
        if column == self.CATEGORY:
            return lambda e: (e.category, e.time.start, e.time.end)
        if column == self.ACTORS:
            return lambda e: ", ".join(e.actors).casefold()
        if column == self.VISIBLE:
            return lambda e: (e.id not in self._visible, e.time.start, e.time.end)
        # The catalogue's own order: same-day events in the file's order, as the map, the
        # slider and Page Down go through them.
        if self._ranks is None:
            self._ranks = {e.id: i for i, e in enumerate(self._catalogue.chronological())}
        return lambda e, ranks=self._ranks: ranks[e.id]

    def _text(self, event: Event, column: int) -> str:
        if column == self.DATE:
            text = self._dates.get(event.id)
            if text is None:
                # No weekday in a column of dates to scan (the details panel gives it).
                text = self._dates[event.id] = event.time.describe(weekday=False)
            return text
        if column == self.TITLE:
            return event.title
        if column == self.PLACES:
            return self._place_names(event)
        if column == self.CATEGORY:
            return event.category
        if column == self.ACTORS:
            return ", ".join(event.actors)
        return VISIBLE_MARK if event.id in self._visible else ""

    def _place_names(self, event: Event) -> str:
        names = self._places.get(event.id)
        if names is None:
            names = ", ".join(map(self._catalogue.place_label, event.place_ids))
            self._places[event.id] = names
        return names

    def _swatch(self, category: str) -> QIcon:
        icon = self._swatches.get(category)
        if icon is None:
            pixmap = QPixmap(10, 10)
            pixmap.fill(QColor(category_colour(category)))
            icon = self._swatches[category] = QIcon(pixmap)
            # On a selected row, a white edge: the highlight is blue, as diplomacy's swatch is.
            edged = QPixmap(10, 10)
            edged.fill(QColor("white"))
            painter = QPainter(edged)
            painter.fillRect(1, 1, 8, 8, QColor(category_colour(category)))
            painter.end()
            icon.addPixmap(edged, QIcon.Mode.Selected)
        return icon


class _IsolatingDelegate(QStyledItemDelegate):
    """Each cell's text in its own direction (Unicode's first-strong isolate): in a list laid
    out left to right, a Hebrew or Arabic title's closing "!" or "?" (or a year after it) was
    drawn at the right, where the title begins, instead of at its end on the left."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt API)
        super().initStyleOption(option, index)
        if not option.text.isascii():  # plain ASCII reads left to right whatever wraps it
            option.text = f"\u2068{option.text}\u2069"


class _EventTable(QTableView):
    """A table of whole rows: Home and End go to the first and last event, not to the first
    and last column of the current one. Empty, it says why (`empty_text`)."""

    empty_text = ""
    """Shown in the empty table: a filter that matches nothing left a blank list, as if the
    file held no events."""

    def set_empty_text(self, text: str) -> None:
        if text != self.empty_text:
            self.empty_text = text
            self.setAccessibleDescription(text)
            self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and not model.rowCount():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = self.fontMetrics().horizontalAdvance("M")
            area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self.empty_text)  # plain text: never markup
            painter.end()

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt API)
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier  # QTableView's first/last row
        return super().moveCursor(action, modifiers)


class QtEventList(QWidget):
    """Filter row, event table and a count; selecting a row selects the event everywhere."""

    FILTER_DELAY_MS = 200
    VISIBILITY_DELAY_MS = 30
    OPTIONAL_COLUMNS = (
        EventTableModel.PLACES,
        EventTableModel.CATEGORY,
        EventTableModel.ACTORS,
        EventTableModel.VISIBLE,
    )
    """Columns the header's context menu shows or hides (date and title always show)."""
    HIDDEN_AT_FIRST = (EventTableModel.CATEGORY, EventTableModel.ACTORS, EventTableModel.VISIBLE)
    """A side panel has room for three columns: the title carries the category's colour, and
    the greyed rows say what is off the map now."""
    TITLE_EMS = 16
    """The title's width before the other columns grow (a side panel's share of its room)."""
    TITLE_MOST_EMS = 40
    """Past this the title grows no more (titles are one line): the other columns share what
    is left, so long dates and places show whole in a wide window."""
    TITLE_LEAST_EMS = 7
    """The least the title shrinks to in a narrow panel; narrower, the table scrolls."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._syncing = False

        self.search = QLineEdit(self)
        self.search.setObjectName("eventFilter")
        self.search.setPlaceholderText("Filter events…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter events by text")
        self.search.setToolTip(
            "Show only events whose title, summary, actors, category or places hold every "
            "word typed, in any order (case and accents aside: 'zurich' finds 'Zürich'); "
            "Escape clears it"
        )

        self.category = ElidingComboBox(self)
        self.category.setObjectName("categoryFilter")
        self.category.setAccessibleName("Filter by category")
        # As wide as a dozen letters, whatever the file's categories: a long one (a sentence
        # typed in a spreadsheet's category column) made the box, the side panel and the
        # window wider than the screen, and the map went.
        self.category.setMinimumContentsLength(12)
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.actor = ElidingComboBox(self)
        self.actor.setObjectName("actorFilter")
        self.actor.setAccessibleName("Filter by actor")
        self.actor.setMinimumContentsLength(12)
        self.actor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )

        self.model = EventTableModel(state.catalogue, self)
        self.table = _EventTable(self)
        self.table.setObjectName("eventTable")
        self.table.setAccessibleName("Events")
        self.table.setModel(self.model)
        self.table.setItemDelegate(_IsolatingDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list for the next control; the arrow keys move between rows.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EventTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.setToolTip("Right-click to choose the columns")
        self._measure_columns()
        self._user_widths: dict[int, int] = {}  # columns the user sized: kept as they are
        self._sizing = False  # the list is sizing its columns (not the user)
        for column, width in self._natural.items():
            self.table.setColumnWidth(column, width)
        header.sectionResized.connect(self._on_section_resized)
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)  # Enter and Escape (see `eventFilter`)
        self.search.installEventFilter(self)  # Escape clears it
        for column in self.HIDDEN_AT_FIRST:
            self.table.setColumnHidden(column, True)
        header.setSortIndicator(EventTableModel.DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        self.count = QLabel(self)
        self.count.setObjectName("eventCount")
        self.count.setAccessibleName("Number of events visible")

        self._filters = QGridLayout()
        self._filters.setHorizontalSpacing(6)
        self._filters.setVerticalSpacing(6)
        self._narrow: bool | None = None
        self._combos_room: tuple[int, int] = (0, 0)
        self._arrange_filters()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(self._filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(self.FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_text_filter)
        self._visibility_timer = QTimer(self)
        self._visibility_timer.setSingleShot(True)
        self._visibility_timer.setInterval(self.VISIBILITY_DELAY_MS)
        self._visibility_timer.timeout.connect(self.refresh_visibility)

        self.search.textEdited.connect(lambda _text: self._filter_timer.start())
        self.search.returnPressed.connect(self.apply_text_filter)
        self.category.activated.connect(
            lambda _i: state.set_filter(category=self.category.currentData() or "")
        )
        self.actor.activated.connect(
            lambda _i: state.set_filter(actor=self.actor.currentData() or "")
        )
        self.table.selectionModel().selectionChanged.connect(self._on_rows_selected)

        state.catalogue_changed.connect(lambda _catalogue: self._reload(new_catalogue=True))
        state.filter_changed.connect(lambda _filter: self._reload())
        state.selection_changed.connect(self._on_selection)
        for signal in (state.time_changed, state.mode_changed, state.window_changed):
            signal.connect(lambda *_args: self._visibility_timer.start())

        self._update_colours()
        self._reload(new_catalogue=True)

    # --- public -------------------------------------------------------------------------------
    def apply_text_filter(self) -> None:
        """Send the typed text to the state now (typing waits `FILTER_DELAY_MS` first)."""
        self._filter_timer.stop()
        self._state.set_filter(text=self.search.text().strip())

    def refresh_visibility(self) -> None:
        """Recompute which rows are on the map now and update the greying and the count."""
        self._visibility_timer.stop()
        ids = frozenset(e.id for e in self._state.visible_events())
        self.model.set_visible(ids)
        total = len(self._state.catalogue.events)
        if not total:  # the window at launch, before its file is read
            self.count.setText("")
            return
        text = f"{len(ids):,} of {counted(total, 'event')} visible"
        matching = self.model.rowCount()
        if not self._state.filter.is_empty:
            text += f" · {matching:,} match the filter" if matching else " · none match the filter"
        self.count.setText(text)
        self.table.set_empty_text("" if matching else self._no_match_text(total))

    def _no_match_text(self, total: int) -> str:
        """What the empty list says: the filter that matches nothing, and how to undo it."""
        current = self._state.filter
        if current.is_empty:
            return ""
        return (
            f"No events match {current.described()}.\n\n"
            f"Clear the filter to list all {counted(total, 'event')}"
            + (" (Escape in the filter box clears the text)." if current.text else ".")
        )

    def height_for_rows(self, rows: int) -> int:
        """The list's height with `rows` rows of events in view (at the font now)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        table = self.table
        table_height = (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        return (
            margins.top()
            + self._filters.sizeHint().height()
            + table_height
            + self.count.sizeHint().height()
            + 2 * layout.spacing()
            + margins.bottom()
        )

    def row_of(self, event_id: str) -> int | None:
        """The table row showing an event, or None when it is filtered out."""
        return self.model.row_of(event_id)

    def show_column(self, column: int, shown: bool = True) -> None:
        """Show or hide one of `OPTIONAL_COLUMNS` (the header's context menu does this)."""
        if column in self.OPTIONAL_COLUMNS:
            self._sizing = True  # a column shown again takes its old width: not the user's
            try:
                self.table.setColumnHidden(column, not shown)
            finally:
                self._sizing = False
            self._fit_columns()

    def columns_menu(self) -> QMenu:
        """The header's context menu: a check box for each optional column."""
        menu = QMenu(self)
        menu.setAccessibleName("Columns of the event list")
        for column in self.OPTIONAL_COLUMNS:
            action = menu.addAction(EventTableModel.HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
        return menu

    def _on_header_menu(self, pos) -> None:
        menu = self.columns_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def column_state(self) -> QByteArray:
        """Which columns show, their widths and the sort: for the window's saved layout."""
        return self.table.horizontalHeader().saveState()

    def restore_column_state(self, saved: QByteArray) -> None:
        """`column_state` of a past session; date and title show whatever it says."""
        header = self.table.horizontalHeader()
        self._sizing = True
        try:
            if not header.restoreState(saved):
                return
        finally:
            self._sizing = False
        for column in (EventTableModel.DATE, EventTableModel.TITLE):
            self.table.setColumnHidden(column, False)
        header.setSectionResizeMode(EventTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # A width the user gave a column last time (one the list would not choose) stays.
        self._user_widths = {
            column: header.sectionSize(column)
            for column, natural in self._natural.items()
            if not self.table.isColumnHidden(column)
            and abs(header.sectionSize(column) - natural) > 2
        }
        self._fit_columns()

    # --- state → view -------------------------------------------------------------------------
    def _reload(self, new_catalogue: bool = False) -> None:
        if new_catalogue:
            self._fill_combos()
            self._arrange_filters()
        self._show_filter()
        self.model.set_events(
            self._state.catalogue, self._state.filtered_events(), chronological=True
        )
        self.refresh_visibility()
        self._on_selection(self._state.selected)

    def _fill_combos(self) -> None:
        catalogue = self._state.catalogue
        for combo in (self.category, self.actor):
            combo.blockSignals(True)
            combo.clear()
        self.category.addItem("All categories", "")
        for name in catalogue.categories():
            pixmap = QPixmap(10, 10)
            pixmap.fill(QColor(category_colour(name)))
            self.category.addItem(QIcon(pixmap), name, name)
        self.actor.addItem("All actors", "")
        for name in catalogue.actors():
            self.actor.addItem(name, name)
        for combo in (self.category, self.actor):
            combo.blockSignals(False)

    def _show_filter(self) -> None:
        """Make the controls show the state's filter (it may have been set elsewhere)."""
        current = self._state.filter
        if self.search.text().strip() != current.text and not self._filter_timer.isActive():
            self.search.setText(current.text)
        for combo, value in ((self.category, current.category), (self.actor, current.actor)):
            index = combo.findData(value)
            if index < 0:  # a value the catalogue does not list: show it anyway
                combo.addItem(value, value)
                index = combo.count() - 1
            if combo.currentIndex() != index:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)

    def _on_selection(self, event_id: str | None) -> None:
        row = self.model.row_of(event_id)
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            if row is None:
                selection.clearSelection()
                return
            # The row by its first cell: made current (or scrolled to) by its title, the view
            # slid the dates out of a narrow panel.
            index = self.model.index(row, EventTableModel.DATE)
            if not selection.isRowSelected(row, QModelIndex()):
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    # --- view → state -------------------------------------------------------------------------
    def _on_rows_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        if len(rows) == 1:
            event_id = self.model.event_at(rows[0].row()).id
            if event_id != self._state.selected:
                self._state.select(event_id, move_time=True)

    # --- appearance ---------------------------------------------------------------------------
    NARROW_WIDTH = 560

    SEARCH_LEAST_EMS = 8
    """The filter box's least width in a row with the two drop-down lists."""

    def _combo_widths(self) -> tuple[int, int]:
        """The drop-down lists' widths that show "All categories" and "All actors" whole."""
        widths = []
        for combo in (self.category, self.actor):
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            text = combo.itemText(0) if combo.count() else ""
            metrics = combo.fontMetrics()
            inner = QSize(metrics.horizontalAdvance(text) + 4, metrics.height())
            size = combo.style().sizeFromContents(
                QStyle.ContentsType.CT_ComboBox, option, inner, combo
            )
            widths.append(size.width())
        return widths[0], widths[1]

    def _arrange_filters(self) -> None:
        """One row of filters when wide; the text field above the two combos when narrow.
        In a row, the drop-down lists are as wide as "All categories" and "All actors": at
        larger text they read "All catego" (the filter box took three fifths of the row), and
        the row is one only when there is room for that and the filter box too."""
        combos = self._combo_widths()
        em = self.fontMetrics().horizontalAdvance("M")
        row = sum(combos) + self.SEARCH_LEAST_EMS * em + 2 * self._filters.horizontalSpacing()
        margins = self.layout().contentsMargins() if self.layout() else None
        row += margins.left() + margins.right() if margins else 16
        narrow = self.width() < max(self.NARROW_WIDTH, row)
        if narrow == self._narrow and combos == self._combos_room:
            return
        self._narrow, self._combos_room = narrow, combos
        for combo, width in zip((self.category, self.actor), combos, strict=True):
            combo.setMinimumWidth(0 if narrow else width)
        for widget in (self.search, self.category, self.actor):
            self._filters.removeWidget(widget)
        for column in range(3):
            self._filters.setColumnStretch(column, 0)
        if narrow:
            self._filters.addWidget(self.search, 0, 0, 1, 2)
            self._filters.addWidget(self.category, 1, 0)
            self._filters.addWidget(self.actor, 1, 1)
            self._filters.setColumnStretch(0, 1)
            self._filters.setColumnStretch(1, 1)
        else:
            self._filters.addWidget(self.search, 0, 0)
            self._filters.addWidget(self.category, 0, 1)
            self._filters.addWidget(self.actor, 0, 2)
            self._filters.setColumnStretch(0, 3)
            self._filters.setColumnStretch(1, 1)
            self._filters.setColumnStretch(2, 1)

    def _measure_columns(self) -> None:
        """Each column but the title: its width in a side panel, and the least it shrinks to
        in a narrow one, and the rows' height, for the font now (View ▸ Larger text: at 200%
        the normal size's widths cut every date to "18th–…" and rows cut the text's feet).
        The date has room for a day ("30 September 2024") and the sort arrow, at least for a
        span of years; longer spans elide (the tooltip and the details panel give them whole)."""
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        visible_header = EventTableModel.HEADERS[EventTableModel.VISIBLE]
        self._natural = {
            EventTableModel.DATE: metrics.horizontalAdvance("30 September 2024") + 2 * em,
            EventTableModel.PLACES: 8 * em,
            EventTableModel.CATEGORY: 8 * em,
            EventTableModel.ACTORS: 12 * em,
            EventTableModel.VISIBLE: metrics.horizontalAdvance(visible_header) + 3 * em,
        }
        self._least = {
            EventTableModel.DATE: metrics.horizontalAdvance("1804–1828") + 2 * em,
            EventTableModel.PLACES: 4 * em,
            EventTableModel.CATEGORY: 4 * em,
            EventTableModel.ACTORS: 5 * em,
            EventTableModel.VISIBLE: self._natural[EventTableModel.VISIBLE],
        }
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._sizing and column != EventTableModel.TITLE and new > 0:
            self._user_widths[column] = new  # dragged by the user: kept from now on

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # The table's viewport: its width changes with the panel, and with a scroll bar.
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns()
            self._keep_selected_row(event.oldSize().height())
        elif event.type() == QEvent.Type.KeyPress and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if watched is self.table and self._table_key(event.key()):
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_text_filter()
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Down:
                return self._down_to_the_list()
        return super().eventFilter(watched, event)

    def _keep_selected_row(self, old_height: int) -> None:
        """The selected row, in view before the list grew shorter (the window made smaller,
        the splitter dragged, larger text), stays in view: it slid under the bottom edge."""
        row = self.model.row_of(self._state.selected)
        if row is None:
            return
        index = self.model.index(row, EventTableModel.DATE)
        rect = self.table.visualRect(index)
        if rect.top() >= 0 and rect.bottom() < old_height:  # it was in view
            if rect.bottom() >= self.table.viewport().height():
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _down_to_the_list(self) -> bool:
        """Down in the filter box: into the list of what it found (typed text first filters at
        once), its selected event kept, else its first selected. True when it went."""
        if self._filter_timer.isActive():
            self.apply_text_filter()
        if not self.model.rowCount():
            return False
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.model.row_of(self._state.selected) is None:
            self._state.select(self.model.event_at(0).id, move_time=True)
        return True

    def _table_key(self, key: int) -> bool:
        """Enter: select the current row (the first, when the list was tabbed into with none)
        and show its event on the map again; Escape: clear the selection. True when used."""
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.model.rowCount():
                return False
            index = self.table.currentIndex()
            row = index.row() if index.isValid() else 0
            self._state.show_event(self.model.event_at(row).id)
            return True
        if key == Qt.Key.Key_Escape and self._state.selected is not None:
            self._state.select(None)
            return True
        return False

    def _fit_columns(self) -> None:
        """Share the table's width among its columns, so that it neither scrolls sideways nor
        gives one column all the room. The title takes the spare width up to
        `TITLE_MOST_EMS`; past that the other columns grow too, in proportion. In a narrow
        panel every column shrinks towards its least width (the title to `TITLE_LEAST_EMS`)
        before the table scrolls. Columns the user sized keep their width unless the panel is
        too narrow for them."""
        header = self.table.horizontalHeader()
        title = EventTableModel.TITLE
        em = self.fontMetrics().horizontalAdvance("M")
        others = [
            c
            for c in range(self.model.columnCount())
            if c != title and not self.table.isColumnHidden(c)
        ]
        # No column narrower than its name in the header (and the sort arrow), unless the user
        # dragged it so: with every column shown in a 1024-wide window the least widths cut
        # "Category" to "ategor"; the table scrolls sideways sooner instead.
        named = {c: header.sectionSizeFromContents(c).width() for c in others}
        wanted = {c: self._user_widths.get(c, max(self._natural[c], named[c])) for c in others}
        least = {c: min(wanted[c], max(self._least[c], named[c])) for c in others}
        room = self.table.viewport().width()
        title_wanted, title_least = self.TITLE_EMS * em, self.TITLE_LEAST_EMS * em
        spare = room - sum(wanted.values()) - title_wanted
        widths = dict(wanted)
        if spare > 0:
            spare -= min(spare, (self.TITLE_MOST_EMS - self.TITLE_EMS) * em)
            growing = [c for c in others if c not in self._user_widths]
            total = sum(wanted[c] for c in growing)
            given = 0
            for i, c in enumerate(growing):  # the last one takes the rounding's pixels
                extra = spare - given if i == len(growing) - 1 else int(spare * wanted[c] / total)
                widths[c] = wanted[c] + extra
                given += extra
        elif spare < 0:
            # Every column gives up the same share of what it can spare, the title too.
            can_give = {c: wanted[c] - least[c] for c in others}
            can_give[title] = title_wanted - title_least
            share = min(1.0, -spare / max(1, sum(can_give.values())))
            for c in others:
                widths[c] = wanted[c] - int(can_give[c] * share)
        fits = room - sum(widths.values()) >= title_least
        mode = QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.Interactive
        self._sizing = True
        try:
            for c in others:
                if self.table.columnWidth(c) != widths[c]:
                    self.table.setColumnWidth(c, widths[c])
            if header.sectionResizeMode(title) != mode:
                header.setSectionResizeMode(title, mode)
            if not fits:
                self.table.setColumnWidth(title, title_least)
        finally:
            self._sizing = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_filters()

    def _update_colours(self) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text).name()
        base = pal.color(QPalette.ColorRole.Base).name()
        self.model.dimmed = QColor(blend(text, base, 0.55))
        muted = blend(
            pal.color(QPalette.ColorRole.WindowText).name(),
            pal.color(QPalette.ColorRole.Window).name(),
            0.35,
        )
        # By palette, not a style sheet: a style sheet's label kept its font when the window's
        # grew (View > Larger text left "15 of 30 events visible" at the normal size).
        count_palette = self.count.palette()
        count_palette.setColor(QPalette.ColorRole.WindowText, QColor(muted))
        self.count.setPalette(count_palette)
        self.model.repaint_all()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colours()
        elif event.type() == QEvent.Type.FontChange and hasattr(self, "_user_widths"):
            self._arrange_filters()  # the drop-down lists' room, at the new size
            scale = self._natural[EventTableModel.DATE]
            self._measure_columns()
            # Widths the user dragged grow and shrink with the text too.
            scale = self._natural[EventTableModel.DATE] / max(1, scale)
            self._user_widths = {c: round(w * scale) for c, w in self._user_widths.items()}
            self._fit_columns()
