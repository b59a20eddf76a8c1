"""A dialog left waiting for an answer fails its test instead of hanging the whole run.

`exec()` on a message box or dialog blocks until someone answers. A test that does not expect
the box has no one to answer it, and offscreen nobody sees it: the run would stop there until
CI's time runs out. The watchdog looks at the modal dialogs every few hundred milliseconds
(window-modal ones too: `exec()` keeps a modality set before it). One still open after
`patience_s` is noted with its text and rejected, which ends its `exec()`, and the test then
fails with what the dialog said. Tests that answer a dialog on purpose do so within
milliseconds, far inside the patience."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


def describe(dialog: QDialog) -> str:
    """What the dialog says: its title, and a message box's text."""
    title = dialog.windowTitle() or type(dialog).__name__
    if isinstance(dialog, QMessageBox):
        return f"{title}: {dialog.text()}"
    return title


class ModalWatchdog(QObject):
    def __init__(self, patience_s: float, interval_ms: int = 250) -> None:
        super().__init__()
        self.patience_s = patience_s
        self.left_waiting: list[str] = []
        self._first_seen: dict[int, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._look)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        now = time.monotonic()
        waiting = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog)
            and widget.isVisible()
            and widget.windowModality() != Qt.WindowModality.NonModal
        ]
        seen = {id(widget) for widget in waiting}
        self._first_seen = {key: t for key, t in self._first_seen.items() if key in seen}
        for widget in waiting:
            first = self._first_seen.setdefault(id(widget), now)
            if now - first >= self.patience_s:
                self.left_waiting.append(describe(widget))
                del self._first_seen[id(widget)]
                widget.reject()
