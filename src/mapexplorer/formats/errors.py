"""One error type for every reader: it names the file, the item, the field and the problem."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Iterable
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


def _utf8(text: str, target: Path) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. from a "\ud800" JSON escape
        raise FormatError(
            target, f"the text holds a character UTF-8 cannot store ({text[exc.start]!r})"
        ) from None


def write_atomically(path: str | os.PathLike, data: str | bytes | Iterable[str]) -> None:
    """Write a whole file or nothing: a crash or a full disk never leaves half a file behind.
    `data` may come in pieces of text (a big export is never one string in memory).
    A symbolic link is followed (the file it points to is replaced, the link stays); a device
    or a pipe (`-o /dev/stdout`) is written to as it is, since it cannot be swapped for a file."""
    target = _real_target(path)
    pieces = [data] if isinstance(data, str | bytes) else data
    _refuse_read_only(target, path)
    if _is_special(target):
        with open(target, "wb") as f:
            for piece in pieces:
                f.write(piece if isinstance(piece, bytes) else _utf8(piece, target))
        return
    fd, tmp = _temporary_beside(target)
    try:
        with os.fdopen(fd, "wb") as f:
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.fchmod(f.fileno(), _mode_for(target))
            for piece in pieces:
                f.write(piece if isinstance(piece, bytes) else _utf8(piece, target))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def check_writable(path: str | os.PathLike) -> None:
    """Raise the OSError `write_atomically(path, ...)` would, before any text is made: a big
    export to a missing or read-only folder then fails at once, not after seconds of work."""
    target = _real_target(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    _refuse_read_only(target, path)
    if _is_special(target):
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return
    fd, tmp = _temporary_beside(target)
    os.close(fd)
    os.unlink(tmp)


def cannot_write(exc: OSError, path: str | os.PathLike) -> str:
    """Why `path` could not be written, said so that a user can act on it: the folder that is
    missing (or is a file), else the system's reason; never the name of the temporary file an
    OSError from `write_atomically` carries."""
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        folder = Path(path).parent
        above = [folder, *folder.parents]
        blocker = next((p for p in above if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            return f"cannot write the file: {blocker} is a file, not a folder"
        missing = [p for p in above if not p.exists()]
        if missing:  # the outermost: the one to make first
            return f"cannot write the file: the folder {missing[-1]} does not exist"
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, PermissionError) and Path(path).is_file():
        # Windows will not replace a file another program holds open (a CSV open in Excel).
        reason += ": is the file read-only, or open in another program?"
    return f"cannot write the file ({reason})"


def _refuse_read_only(target: Path, path: str | os.PathLike) -> None:
    """A file made read-only is not replaced: the rename would go through (only the folder's
    permissions count), undoing what its owner asked for."""
    if target.is_file() and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def _real_target(path: str | os.PathLike) -> Path:
    """The file a path names: through any symbolic links, so that the rename replaces the
    file a link points to, not the link itself (a link into a synced folder stays a link)."""
    target = Path(path)
    if target.is_symlink() and not _is_special(target):  # /dev/stdout: a link to a pipe
        return Path(os.path.realpath(target))
    return target


def _is_special(target: Path) -> bool:
    """An existing device, pipe or socket: renaming a new file over it would replace the
    device itself (as root, /dev/null or /dev/stdout), and never reach what reads the pipe."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _temporary_beside(target: Path) -> tuple[int, str]:
    """A new hidden file in the target's folder, renamed over the target once written."""
    import tempfile  # here: at launch it is not needed before the map's processes start

    return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")


def _read_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()
"""Read once, at import: reading it means setting it for a moment, which on a thread (exports
are written on one) could give a file made meanwhile elsewhere in the app no restrictions."""


def _mode_for(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


MAX_BYTES = 1 << 30  # a gigabyte of text is not a table of events a person made


def read_bytes(path: str | os.PathLike) -> bytes:
    """A whole non-empty file, or a `FormatError` saying why not (missing, a folder, too big,
    unreadable, empty). Every reader starts here."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise FormatError(path, f"the file is too large ({size / 1e9:.1f} GB)")
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise FormatError(path, "the file does not exist") from None
    except IsADirectoryError:
        raise FormatError(path, "this is a folder, not a file") from None
    except OSError as exc:
        raise FormatError(path, f"cannot read the file ({exc.strerror})") from None
    if not data.strip():
        raise FormatError(path, "the file is empty")
    return data


def json_problem(exc: json.JSONDecodeError) -> str:
    """The standard JSON parser's complaint in words: where it is, and, when the parser ran out
    of text, that the file is cut short (and in or after which feature), since "Expecting ','
    delimiter" on the last line says nothing of a download or copy that stopped half-way."""
    reason = re.sub(r"\s+at$", "", exc.msg)  # "Invalid control character at": "at" is ours
    where = f"line {exc.lineno}, column {exc.colno}"
    text = exc.doc
    if text.strip() and (exc.pos >= len(text.rstrip()) or reason.startswith("Unterminated")):
        features = text.count('"Feature"', 0, exc.pos)  # not "FeatureCollection"
        if not features:
            return f"not valid JSON: the file ends early, at {where}: it is cut short ({reason})"
        between = text[: exc.pos].rstrip().endswith((",", "["))
        place = f"after feature {features}" if between else f"in the middle of feature {features}"
        return f"not valid JSON: the file ends early, {place} ({where}): it is cut short"
    return f"not valid JSON: {reason} at {where}"
