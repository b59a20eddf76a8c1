"""Ctrl+C in the terminal stops the app as closing its window would.

Qt's event loop runs in C++, where Python's own SIGINT handler (KeyboardInterrupt) never gets
its turn: the key did nothing, in the window and in a minute-long GIF export alike. Here the
signal wakes the event loop through a socket (`signal.set_wakeup_fd`) and a Qt notifier, and a
callback ends the work on the GUI thread, in its own way (the session saved, nothing half
written).
"""

from __future__ import annotations

import signal
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSocketNotifier


@contextmanager
def interrupt_calls(stop: Callable[[], None]) -> Iterator[None]:
    """While inside, SIGINT (Ctrl+C) calls `stop()` from the Qt event loop instead of raising
    KeyboardInterrupt; the previous handling is put back on leaving. Only the main thread can
    take signals: elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    # A Python handler is needed for the wakeup byte to be written; it need not do anything.
    previous_handler = signal.signal(signal.SIGINT, lambda _signum, _frame: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def woken() -> None:
        try:
            received = reader.recv(64)
        except OSError:  # nothing there after all
            return
        if signal.SIGINT in received:
            stop()

    notifier.activated.connect(woken)
    try:
        yield
    finally:
        notifier.setEnabled(False)
        del notifier  # (gone before its socket is closed)
        signal.signal(signal.SIGINT, previous_handler)
        signal.set_wakeup_fd(previous_fd)
        reader.close()
        writer.close()
