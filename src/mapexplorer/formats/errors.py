"""One error type for every reader: it names the file, the item, the field and the problem."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FormatError(Exception):
    """A file we cannot read (or write), said so that a user can find and fix the problem."""

    def __init__(
        self, path: str | os.PathLike | None, problem: str, item: str = "", field: str = ""
    ) -> None:
        self.path = str(path) if path is not None else ""
        self.item = item
        self.field = field
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.path or "<input>"]
        if self.item:
            where.append(self.item)
        if self.field:
            where.append(f"field {self.field!r}")
        return f"{', '.join(where)}: {self.problem}"


def write_atomically(path: str | os.PathLike, data: str | bytes) -> None:
    """Write a whole file or nothing: a crash or a full disk never leaves half a file behind."""
    target = Path(path)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
