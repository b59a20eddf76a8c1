"""A minimal observer: models announce changes, views subscribe. No Qt, so the model stays pure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Signal:
    """`connect` a callback; `emit` calls every callback in order of connection."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        for callback in list(self._callbacks):
            callback(*args)
