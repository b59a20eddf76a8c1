"""Open a catalogue file in the background, with progress and cancel; the window stays live."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from mapexplorer.formats import FormatError
from mapexplorer.formats.native import paused_gc
from mapexplorer.formats.opener import guess_fields, read_catalogue
from mapexplorer.model import Catalogue


class Cancelled(Exception):
    """The user pressed Cancel while a file was loading."""


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)  # Catalogue, ReadReport
    failed = Signal(str)
    cancelled = Signal()
    fields_needed = Signal(object)  # FieldGuess: the file reads more than one way

    READ_SHARE = 0.85
    """The bar's share for reading the file; the rest fills while the map's data is made (a
    second or more at 100,000 events, which a full bar made look stuck)."""

    def __init__(self, path: Path, fields: object = None, ask_fields: bool = False) -> None:
        super().__init__()
        self.path = path
        self.fields = fields
        self.ask_fields = ask_fields
        self.stop = False

    def run(self) -> None:
        shown = [-1]
        of = [0]  # the file's items, once the reader has said

        def report(done: int, total: int) -> None:
            if self.stop:
                raise Cancelled
            of[0] = total
            # Only a step the bar can show (a 200th), not every few dozen features: each signal
            # wakes the GUI thread, which then takes the interpreter from this one.
            step = done * 200 // max(total, 1)
            if step != shown[0]:
                shown[0] = step
                self.progress.emit(int(done * self.READ_SHARE), total)

        gc.unfreeze()  # the previous file's objects: collectable again (see below)
        parsed: dict = {}  # a GeoJSON parsed for the guess, read from there
        try:
            if self.ask_fields:
                # Here, not on the GUI thread: guessing a big CSV or GeoJSON's fields reads it
                # (0.5-0.9 s at 100,000 rows), which froze the window before its progress bar.
                guess = guess_fields(self.path, parsed)
                if self.stop:
                    raise Cancelled
                if guess is not None and guess.ambiguous:
                    self.fields_needed.emit(guess)
                    return
            with paused_gc():
                catalogue, read_report = read_catalogue(self.path, report, self.fields, parsed)
                parsed.clear()
                if self.stop:
                    raise Cancelled
                if catalogue.events:
                    if of[0]:
                        self.progress.emit(int(of[0] * (1 + self.READ_SHARE) / 2), of[0])
                    # The page's message, built here rather than on the GUI thread (cached).
                    from mapexplorer.mappage.messages import catalogue_message_json

                    catalogue_message_json(catalogue)
                    if of[0]:
                        self.progress.emit(of[0], of[0])
                # The catalogue lives as long as it is open: the collector need not walk its
                # million objects again and again (a stall of ~0.5 s each time, mid-drag).
                # Reference counting still frees them when the next file replaces them; the
                # next load unfreezes, so cycles left meanwhile are collected then.
                gc.freeze()
            release_free_memory()
        except Cancelled:
            self.cancelled.emit()
        except FormatError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a reader bug must not take the window down with it
            self.failed.emit(f"{self.path}: could not be opened ({type(exc).__name__}: {exc})")
        else:
            self.finished.emit(catalogue, read_report)


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system after a big read (glibc only): what
    the file's parsing left free would otherwise count in the process's memory."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


class CatalogueLoader(QObject):
    """Loads one file at a time on a worker thread; signals come back on the GUI thread."""

    progress = Signal(int, int)
    loaded = Signal(object, str, object)  # Catalogue, path, ReadReport
    failed = Signal(str)
    cancelled = Signal()
    fields_needed = Signal(object, str)  # FieldGuess, path: ask the user, then `load` again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._path = Path()
        # Cancelled loads still winding down: kept until their thread ends (see `cancel`).
        self._stopping: list[tuple[QThread, _Worker]] = []
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def load(self, path: str | Path, fields: object = None, ask_fields: bool = False) -> None:
        """Start loading; `fields` is the user's FieldChoice for a CSV or plain GeoJSON file.
        With `ask_fields`, a file whose fields read more than one way is not read: the loader
        says `fields_needed` instead."""
        self.cancel()
        path = Path(path)
        thread, worker = QThread(self), _Worker(path, fields, ask_fields)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        # Slots of this object, not lambdas: they then run on the GUI thread (queued).
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.fields_needed.connect(self._on_fields_needed)
        self._thread, self._worker, self._path = thread, worker, path
        thread.start()

    def _is_current(self) -> bool:
        """Whether the signal being handled comes from the load under way, not from one that
        was cancelled or replaced. (A sender already deleted reads as None: never current.)"""
        sender = self.sender()
        return sender is not None and sender is self._worker

    @Slot(object, object)
    def _on_finished(self, catalogue: Catalogue, report: object) -> None:
        if not self._is_current():
            return
        self.wait()
        self.loaded.emit(catalogue, str(self._path), report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if not self._is_current():
            return
        self.wait()
        self.failed.emit(message)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._is_current():  # not a cancelled load's last steps, on the next one's bar
            self.progress.emit(done, total)

    @Slot(object)
    def _on_fields_needed(self, guess: object) -> None:
        if not self._is_current():
            return
        self.wait()
        self.fields_needed.emit(guess, str(self._path))

    @Slot()
    def _on_cancelled(self) -> None:
        pass  # cancel() has already announced it

    def cancel(self) -> None:
        """Stop the running load, if any; what was open before stays open.

        Returns at once: the worker stops at its next step on its own thread, and whatever it
        still sends is ignored. Waiting for it here held the window for up to half a second
        (a 100,000-event file between two steps)."""
        if self._worker is None:
            return
        thread, worker = self._thread, self._worker
        worker.stop = True
        self._thread = self._worker = None
        self._stopping.append((thread, worker))
        thread.finished.connect(self._on_stopped)
        thread.quit()  # its event loop ends as soon as the worker returns
        self.cancelled.emit()

    @Slot()
    def _on_stopped(self) -> None:
        thread = self.sender()
        self._stopping = [(t, w) for t, w in self._stopping if t is not thread]
        if isinstance(thread, QThread):
            thread.deleteLater()

    def wait(self) -> None:
        """Wait for the current load's thread to end (after its worker has sent its result)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None

    def shutdown(self) -> None:
        """Cancel, and wait until every worker thread has ended (the window is closing: a Qt
        thread must not outlive its object)."""
        self.cancel()
        for thread, _worker in self._stopping:
            thread.wait()
        self._stopping.clear()


def read_now(path: str | Path, fields: object = None, parsed: dict | None = None):
    """Synchronous read, for the start-up file (the window is not shown yet): the catalogue
    and the `ReadReport` of what was left out. `fields`, `parsed`: as `read_catalogue`'s."""
    return read_catalogue(Path(path), fields=fields, parsed=parsed)
