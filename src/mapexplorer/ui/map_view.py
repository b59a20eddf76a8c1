"""The map: a QWebEngineView showing the page built once, driven by JSON messages."""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from mapexplorer.mappage.bridge import MapBridge
from mapexplorer.mappage.js import js_string
from mapexplorer.ui.page_data import handler_for

if TYPE_CHECKING:
    from mapexplorer.model.state import ExplorerState

log = logging.getLogger("mapexplorer.page")


class LoggingPage(QWebEnginePage):
    """Sends the page's console to our log and keeps its errors, so tests can fail on any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.js_errors: list[str] = []

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802 (Qt API)
        text = f"{message} ({Path(source).name}:{line})"
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.js_errors.append(text)
            log.error(text)
        elif level == QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel:
            log.warning(text)
        else:
            log.debug(text)


class QtMapView(QWebEngineView):
    """Shows the state's visible events; a click on a place selects through the state."""

    ready = Signal()
    """The page has set up its bridge and can take messages."""
    frame_drawn = Signal(int)
    """The page has drawn a frame after a message (the number of events drawn)."""
    view_drawn = Signal(int, int, int)
    """The page has drawn at a new size (width, height in CSS pixels; events drawn): the
    first frame the user sees after the window is laid out or resized."""
    online_map_failed = Signal()
    """The online base map's tiles could not be fetched (offline, or the server is down)."""
    catalogue_sent = Signal(object)
    """The whole state went to the page (bytes: the message, as a launch preview keeps it)."""

    def __init__(
        self,
        state: ExplorerState | None,
        page_path: Path,
        parent: QWidget | None = None,
        size: tuple[int, int] | None = None,
    ) -> None:
        """`state` may come later (`attach`): the app starts loading the page first, so that
        Chromium starts up while Python is still importing and reading the catalogue. `size`:
        the size the window will give the view (`ui/map_size.py`), set before the page loads
        because Chromium lays the page out at the view's size then."""
        super().__init__(parent)
        if size is not None:
            self.resize(*size)
        self.state: ExplorerState | None = None
        self.setAccessibleName("Map")
        self.page_path = page_path
        self._restarts = 0
        self.is_ready = False
        self.drawn_size = (0, 0)
        """The map's size (CSS pixels) at the page's last draw that had one."""
        self._queue: list[str] = []
        self._fly_on_select = True
        self._held = False
        self._held_back = False
        self._preview: bytes | None = None
        """The last launch's first message, shown until the state has a catalogue (see
        `mappage/launch_preview.py`)."""
        self._preview_shown = False
        self.preview_kept = False
        """The page kept showing the launch preview: the state's own message was the same."""
        self._note: object = None
        """The note the page shows over the map (`messages.map_note`): None for none, or
        `_UNKNOWN` after a whole state sent with a filter on."""
        # A file dropped on the map opens in the window, as anywhere else on it: Chromium's
        # widget (a child made with the page) would take the drop and do nothing with it.
        self.setAcceptDrops(False)
        self.page_ = LoggingPage(self)
        self.setPage(self.page_)
        self._data = handler_for(self.page_.profile())  # None: big messages go as scripts
        settings = self.page_.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        # Only for the optional online tile layer, which is off by default.
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self.page_)
        self.channel.registerObject("bridge", self.bridge)
        self.page_.setWebChannel(self.channel)
        self.bridge.page_ready.connect(self._on_page_ready)
        self.bridge.place_clicked.connect(self._on_place_clicked)
        self.bridge.event_clicked.connect(self._on_event_clicked)
        self.bridge.frame_drawn.connect(self.frame_drawn)
        self.bridge.view_drawn.connect(self._on_view_drawn)
        self.bridge.js_message.connect(self._on_js_message)
        self.bridge.online_map_failed.connect(self.online_map_failed)
        # A page loading again (a reload) takes messages only once its bridge is back; it then
        # gets the whole state, as at the first load (_on_page_ready).
        self.loadStarted.connect(self._on_load_started)
        self.page_.renderProcessTerminated.connect(self._on_renderer_gone)
        self.load(QUrl.fromLocalFile(str(page_path)))
        if state is not None:
            self.attach(state)

    def childEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().childEvent(event)
        child = event.child()
        if event.added() and child.isWidgetType():
            child.setAcceptDrops(False)  # the window takes files dropped on the map

    def attach(self, state: ExplorerState) -> None:
        """Show this state from now on (once: a view belongs to one window's state)."""
        # Not in __init__: the first use of PySide6's `Qt` makes its ~115 enums (~45 ms here),
        # which at launch would hold up the view, and so Chromium's start, for a menu that can
        # only be asked for once the view is in a window.
        from PySide6.QtCore import Qt

        # Chromium's menu (Back, Reload, View page source) means nothing on a map.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.state = state
        state.catalogue_changed.connect(self._send_catalogue)
        state.time_changed.connect(self._send_time)
        state.mode_changed.connect(self._send_time)
        state.window_changed.connect(self._send_time)
        state.filter_changed.connect(self._send_filter)
        state.selection_changed.connect(self._send_selection)
        state.era_changed.connect(self._fit_era)
        self._send_catalogue()

    @property
    def js_errors(self) -> list[str]:
        return self.page_.js_errors

    def show_preview(self, message: bytes) -> None:
        """Show the last launch's first message until the state gets its catalogue: sent
        as soon as the page is ready. The catalogue's own message then replaces it, unless it
        is the same."""
        self._preview = message
        if self.is_ready and not self._has_events():
            self._send_preview()

    def withdraw_preview(self) -> None:
        """The launch file could not be read: its preview must not stay on the map as if the
        file were open. The page goes back to the base map, unless a file is open by now."""
        shown, self._preview, self._preview_shown = self._preview_shown, None, False
        if shown and self.is_ready and not self._has_events():
            from mapexplorer.model import Catalogue
            from mapexplorer.model.state import ExplorerState

            self._send_batch(_messages().state_batch(ExplorerState(Catalogue([], {}))))

    def _send_preview(self) -> None:
        self._preview_shown = True
        self._send_batch(self._preview)

    def _has_events(self) -> bool:
        return self.state is not None and bool(self.state.catalogue.events)

    @contextmanager
    def holding(self):
        """Messages wait until the block ends; then the whole state goes as one message. The
        launch fills its window so: one draw, and one message the next launch can preview."""
        self._held, self._held_back = True, False
        try:
            yield
        finally:
            self._held = False
            if self._held_back:
                self._send_catalogue()

    # --- Python → page ------------------------------------------------------------------------
    def send(self, message: dict | None) -> None:
        """Send a message now, or once the page is ready (loadFinished comes too early)."""
        if message is None:
            return
        if message.get("type") not in ("theme", "basemap") and not self._held:
            # The page no longer shows the preview as it was sent: the state's own message
            # must go even when it is the preview's (see `_send_catalogue`).
            self._preview_shown = False
        self.send_text(json.dumps(message, separators=(",", ":")))

    def send_text(self, text: str) -> None:
        """`send` for a message that is JSON already.

        Python → page goes by runJavaScript, page → Python by the QWebChannel bridge: a slider
        move reaches the page sooner than through a signal of the bridge, and one channel for
        every message keeps them in order."""
        if self._held:
            self._held_back = True  # the whole state goes when the hold ends
            return
        if self.is_ready:
            self.page_.runJavaScript(f"MapExplorer.receive({js_string(text)})", 0)
        else:
            self._queue.append(text)

    def _on_load_started(self) -> None:
        self.is_ready = False
        self._preview_shown = False

    def _on_renderer_gone(self, status, exit_code: int) -> None:
        """Chromium's page process died (killed, out of memory): load the page again, which
        then gets the whole state. A few times only, so a page that always crashes stops."""
        if status == QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            return  # the page closed with its view (an image export done): nothing went wrong
        log.warning("the map's page process ended (%s, code %s)", status, exit_code)
        self.is_ready = False
        if self._restarts < 3:
            self._restarts += 1
            QTimer.singleShot(0, lambda: self.load(QUrl.fromLocalFile(str(self.page_path))))

    def _on_page_ready(self) -> None:
        self.is_ready = True
        self._queue.clear()  # the full current state below supersedes anything queued
        self._send_theme()
        if self._preview is not None and not self._has_events():
            self._send_preview()
        else:
            self._send_catalogue()
        self.ready.emit()

    def _send_theme(self) -> None:
        self.send({"type": "theme", "dark": self.palette().window().color().lightness() < 128})

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        from PySide6.QtCore import QEvent  # imported late, like Qt (see attach)

        # Follow the system when it switches between light and dark.
        if event.type() == QEvent.Type.PaletteChange and self.is_ready:
            self._send_theme()
        super().changeEvent(event)

    def _send_catalogue(self, *_: object) -> None:
        if self._held:
            self._held_back = True
            return
        if not self.is_ready or not self._has_events():
            return  # an empty window (at launch, before its file is read) shows the base map
        messages = _messages()
        batch = messages.state_batch(self.state)
        messages.forget_catalogue_message(self.state.catalogue)  # let the megabytes go
        preview, self._preview = self._preview, None
        self.preview_kept = self._preview_shown and batch == preview
        if not self.preview_kept:  # else the page shows this very message already
            self._send_batch(batch)
        self._preview_shown = False
        # The batch's filter message set the note, or hid it (no filter: as at each new file).
        self._note = None if self.state.filter.is_empty else _UNKNOWN
        self._send_note()
        self.catalogue_sent.emit(batch)

    def _send_batch(self, batch: bytes) -> None:
        if self._data is not None and len(batch) > INLINE_BATCH_BYTES:
            # Fetched by the page from our URL scheme (see ui/page_data.py): later messages wait
            # in the page until it has arrived, so the order holds.
            url = self._data.offer(batch)
            self.page_.runJavaScript(f"MapExplorer.fetchMessage({json.dumps(url)})", 0)
        else:
            self.page_.runJavaScript(f"MapExplorer.receive({js_string(batch.decode())})", 0)

    def _send_time(self, *_: object) -> None:
        if self.state is not None and self.state.catalogue.events:
            self.send(_messages().time_message(self.state))
            self._send_note()

    def _send_filter(self, *_: object) -> None:
        if self._has_events():  # else nothing to filter (the filter box typed in at launch,
            # over the preview: the file read resets the filter, and its message sends it)
            message = _messages().filter_message(self.state)
            self._note = message.get("note")  # shown by the page now, or hidden
            self.send(message)
            self._send_note()

    def _send_note(self) -> None:
        """The note over the map, when it changes: a filter's events all outside the time
        shown, as the time moves in and out of them (the page would show a blank map). Worked
        out from the state's matches in a few bisections, and only with a filter on: without
        one, a slider move costs a test of two attributes."""
        if self._note is None and self.state.filter.is_empty:
            return
        note = _messages().map_note(self.state)
        if note != self._note:
            self._note = note
            self.send({"type": "note", "text": note})

    def _send_selection(self, event_id: str | None) -> None:
        self.send(_messages().select_message(event_id, fly=self._fly_on_select))

    def _fit_era(self, era) -> None:
        if era is None:  # the whole story: its places as at opening, not every far-off one
            if self._has_events():
                self.send({"type": "fit", "bounds": self.state.catalogue.focus_bounds()})
            return
        self.send(_messages().fit_message(self.state.catalogue, self.state.visible_events()))

    def fit_all(self) -> None:
        self.send(_messages().fit_message(self.state.catalogue, self.state.catalogue.events))

    def set_online_basemap(self, online: bool) -> None:
        self.send({"type": "basemap", "online": bool(online)})

    # --- page → Python ------------------------------------------------------------------------
    def _on_place_clicked(self, place_id: str, visible_ids: list[str]) -> None:
        if not visible_ids:
            return
        # Keep the selection if it is one of the events here; else the latest one here.
        target = self.state.selected if self.state.selected in visible_ids else visible_ids[0]
        self._select_from_map(target)

    def _on_event_clicked(self, event_id: str) -> None:
        self._select_from_map(event_id)

    def _select_from_map(self, event_id: str) -> None:
        if not self._has_events():
            return  # a click on the launch preview, before the file is read
        self._fly_on_select = False  # the user is looking at it already
        try:
            self.state.select(event_id, move_time=True)
        except KeyError:
            log.warning("the page asked for an unknown event %r", event_id)
        finally:
            self._fly_on_select = True

    def drawn_at_its_size(self) -> bool:
        """The page's last draw had the view's size, and the view is on screen: what the user
        sees (not a draw at QtWebEngine's first 640×480, before the window's layout). With
        larger text (a page zoom), the page's CSS pixels are that much fewer."""
        zoom = self.zoomFactor()
        if zoom == 1.0:
            return self.isVisible() and self.drawn_size == (self.width(), self.height())
        width, height = self.drawn_size
        return (
            self.isVisible()
            and abs(width - self.width() / zoom) <= 1
            and abs(height - self.height() / zoom) <= 1
        )

    def _on_view_drawn(self, width: int, height: int, count: int) -> None:
        self.drawn_size = (width, height)
        self.view_drawn.emit(width, height, count)

    def _on_js_message(self, level: str, text: str) -> None:
        if level == "error":
            self.page_.js_errors.append(text)

    # --- for tests and the benchmark ----------------------------------------------------------
    def run_js(self, script: str, callback) -> None:
        """Run JavaScript; `callback` gets the result decoded from JSON (arrays included)."""
        self.page_.runJavaScript(
            f"JSON.stringify(({script}))",
            0,
            lambda text: callback(json.loads(text) if text else None),
        )


_UNKNOWN = object()
"""`QtMapView._note` when the page's note is not known: the next `_send_note` sends it."""


INLINE_BATCH_BYTES = 256 * 1024
"""A whole state up to this size goes as a script: a launch preview or an article's
catalogue (tens of kilobytes) then reaches the page in one hop, where a fetch from our URL
scheme takes a request and its answer through Chromium's browser side too."""


def _messages():
    """The message builders need the model (shapely, ~0.3 s to import): not at import time,
    so that the page can start loading first."""
    from mapexplorer.mappage import messages

    return messages
