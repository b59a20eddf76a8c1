"""Writing a catalogue to GeoJSON, CSV or KML, or the map as a web page, off the GUI thread:
100,000 events take seconds (the web page ~10 s, during which the window froze)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from mapexplorer.formats import FormatError
from mapexplorer.formats.opener import export_catalogue
from mapexplorer.model import Catalogue
from mapexplorer.ui.plain_text import write_error


class CatalogueExporter(QObject):
    """One export at a time, on a thread of its own; the signals come back on the GUI thread
    (the exporter lives there). The catalogue is only read, and the file written atomically:
    a failure leaves what was there before."""

    finished = Signal(str, int)  # the path written, how many events
    failed = Signal(str)  # why, naming the file

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, catalogue: Catalogue, path: str | Path, fmt: str) -> None:
        path = str(path)
        self.run(lambda: export_catalogue(catalogue, path, fmt), path, len(catalogue.events))

    def run(self, write: Callable[[], None], path: str | Path, count: int) -> None:
        """Call `write` (which writes `path`, `count` events) on the export thread: anything
        it reads must not change meanwhile (a catalogue, or a copy of the state)."""
        if self.busy:
            raise RuntimeError("an export is already running")
        path = str(path)

        def run() -> None:
            try:
                write()
            except (OSError, FormatError) as exc:
                self.failed.emit(write_error(path, exc))
            except Exception as exc:  # a writer bug must not pass silently, nor crash the app
                self.failed.emit(f"{path}: could not be written ({type(exc).__name__}: {exc})")
            else:
                self.finished.emit(path, count)

        # Not a daemon: a file being written is finished before the process ends.
        self._thread = threading.Thread(target=run, name="export")
        self._thread.start()

    def wait(self) -> None:
        """Until the export under way, if any, has written its file (the window is closing)."""
        if self._thread is not None:
            self._thread.join()
