"""The one object the page talks to, over QWebChannel: a few typed slots, the page's way in.

Python talks to the page with runJavaScript (`QtMapView.send_text`): faster for a slider move."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("mapexplorer.page")


class MapBridge(QObject):
    """JavaScript sends ids; Python decides what they mean (the page keeps no app state)."""

    page_ready = Signal()
    place_clicked = Signal(str, list)  # place id, ids of the events visible there (latest first)
    event_clicked = Signal(str)
    frame_drawn = Signal(int)  # number of events drawn
    view_drawn = Signal(int, int, int)  # width, height: the first draw at this size; events
    js_message = Signal(str, str)  # level, text
    online_map_failed = Signal()  # none of the online map's tiles in view could be fetched

    @Slot()
    def ready(self) -> None:
        self.page_ready.emit()

    @Slot(str, str)
    def placeClicked(self, place_id: str, event_ids_json: str) -> None:  # noqa: N802 (JS name)
        try:
            ids = json.loads(event_ids_json)
        except ValueError:
            ids = []
        self.place_clicked.emit(place_id, [i for i in ids if isinstance(i, str)])

    @Slot(str)
    def eventClicked(self, event_id: str) -> None:  # noqa: N802
        self.event_clicked.emit(event_id)

    @Slot(int)
    def frameDrawn(self, count: int) -> None:  # noqa: N802
        self.frame_drawn.emit(count)

    @Slot(int, int, int)
    def viewDrawn(self, width: int, height: int, count: int) -> None:  # noqa: N802
        self.view_drawn.emit(width, height, count)

    @Slot()
    def onlineMapFailed(self) -> None:  # noqa: N802
        self.online_map_failed.emit()

    @Slot(str, str)
    def log(self, level: str, text: str) -> None:
        getattr(log, level if level in ("debug", "info", "warning", "error") else "info")(text)
        self.js_message.emit(level, text)
