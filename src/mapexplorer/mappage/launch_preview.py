"""The map as a launch will draw it, kept from the last session and shown while the file is
read.

Reading even a small article needs numpy and shapely (~0.15 s to import here), and while the
reading thread imports them the GUI thread, which drives Chromium's side of the page, barely
moves. So a launch's first message to the page is kept beside the cached page, under a key of
everything it is made from: the file (path, size, time, checksum), the launch's arguments, the
remembered time, width and time mode, and our code. Two kinds are kept (the newest `KEEP` in all): the launch's own
(for the same command again) and, when the window closes, the one the next plain launch will
make (the file reopened at the time it was left at). A launch with a kept key sends it as soon as the page is ready and reads the
file once the map has drawn it. The read's own message is compared with it: the same, it is not
sent again; different (changed code under the same key), it replaces the preview at once. Only
the standard library at import: this runs before numpy loads.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from mapexplorer import __version__

PREFIX = "launch-preview-"
KEEP = 4
"""Previews kept (the newest): a launch's own and the next plain launch's, for a few files."""
MAX_FILE_BYTES = 4 * 1024 * 1024
"""Bigger launch files get no preview: checksumming them would delay every launch, and their
message (megabytes) would be written at every launch with a new time."""
MAX_MESSAGE_BYTES = 4 * 1024 * 1024

_PACKAGE = Path(__file__).resolve().parent.parent


def code_stamp() -> int:
    """Changes when any of our modules changes (size and time of each: no reading)."""
    crc = zlib.crc32(__version__.encode())
    for folder, subfolders, files in os.walk(_PACKAGE):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                crc = zlib.crc32(f"{name}:{stat.st_size}:{stat.st_mtime_ns};".encode(), crc)
    return crc


def launch_key(
    path: str | os.PathLike,
    at: str | None,
    select: str | None,
    last_time,
    window_days: int | None = None,
    mode: str | None = None,
) -> str | None:
    """What a launch's first message depends on, as text; None when the file cannot be
    previewed (unreadable, or too big to be worth it). `window_days` and `mode`: the width
    and the time mode the user chose last (remembered), which the story may open with."""
    try:
        resolved = Path(path).resolve()
        stat = resolved.stat()
        if stat.st_size > MAX_FILE_BYTES:
            return None
        checksum = zlib.crc32(resolved.read_bytes())
    except OSError:
        return None
    parts = [str(resolved), stat.st_size, stat.st_mtime_ns, checksum, code_stamp()]
    parts += [at, select, _time_text(last_time), window_days, str(mode) if mode else None]
    return json.dumps(parts, ensure_ascii=True)


def file_stamp(path: str | os.PathLike) -> tuple[int, int] | None:
    """The file's size and modification time (no reading), to tell whether it changed since it
    was read; None when it is gone."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _time_text(day) -> str | None:
    """The remembered time as the launch gets it back from the settings (an int, or its text)."""
    if day is None:
        return None
    try:
        return str(int(day))
    except (TypeError, ValueError):
        return str(day)


def preview_path(folder: Path, key: str) -> Path:
    return folder / f"{PREFIX}{zlib.crc32(key.encode('ascii')):08x}.bin"


def load(folder: Path, key: str | None) -> bytes | None:
    """The message saved under `key` in `folder`, or None (none, another key, damaged)."""
    if key is None:
        return None
    try:
        data = preview_path(folder, key).read_bytes()
    except OSError:
        return None
    saved_key, _, rest = data.partition(b"\n")
    checksum, _, message = rest.partition(b"\n")
    if saved_key != key.encode("ascii") or checksum != b"%08x" % zlib.crc32(message):
        return None
    return message or None


def save(folder: Path, key: str | None, message: bytes) -> bool:
    """Keep `message` as the preview for `key` (atomically: a launch reading it meanwhile
    sees the old one or the new one). A message too big to keep removes the old preview.
    Returns whether it was saved; a cache folder that cannot be written is no error."""
    if key is None:
        return False
    target = preview_path(folder, key)
    staging = target.with_name(f"{target.name}.tmp{os.getpid()}")
    try:
        if len(message) > MAX_MESSAGE_BYTES:
            target.unlink(missing_ok=True)
            return False
        with open(staging, "wb") as out:
            out.write(key.encode("ascii") + b"\n" + b"%08x" % zlib.crc32(message) + b"\n")
            out.write(message)
        os.replace(staging, target)
        _forget_old(folder, target)
        return True
    except OSError:
        # Not left behind (a full disk, a folder in the way): every launch would add one.
        try:
            staging.unlink(missing_ok=True)
        except OSError:
            pass
        return False


def _forget_old(folder: Path, newest: Path) -> None:
    """Keep the newest `KEEP` previews, `newest` (just saved) among them. File times may tick
    every few milliseconds (Linux before 6.13): previews saved within one tick had the same
    time, and which were kept was chance. The one just saved is stamped after all others."""
    kept = []
    for path in folder.glob(f"{PREFIX}*.bin"):
        if path == newest:
            continue
        try:
            kept.append((path.stat().st_mtime_ns, path))
        except OSError:  # removed meanwhile by another launch
            pass
    try:
        latest = max((stamp for stamp, _ in kept), default=None)
        if latest is not None and newest.stat().st_mtime_ns <= latest:
            os.utime(newest, ns=(latest + 1, latest + 1))
    except OSError:  # removed meanwhile by another launch: nothing to order
        pass
    for _, path in sorted(kept, reverse=True)[KEEP - 1 :]:
        path.unlink(missing_ok=True)


def save_for_next_launch(
    folder: Path,
    path: str,
    catalogue,
    day: int,
    read_stamp: tuple[int, int] | None,
    window_days: int | None = None,
    mode: str | None = None,
) -> bool:
    """When the window closes on `path` at `day`: keep the message the next plain launch (no
    arguments: the last file, at its remembered time, the remembered width `window_days` and
    the remembered time mode `mode`) will send.

    Not for a file changed since `catalogue` was read from it (`read_stamp`, its `file_stamp`
    then): the key is of the file as it is now, and the next launch would show the old content
    as the new one. Not for a file too big, nor for a catalogue whose message was too big to
    keep when it was sent: making it again would only hold up the closing window (~1 s at
    100,000 events)."""
    if read_stamp is None or file_stamp(path) != read_stamp:
        return False
    key = launch_key(path, None, None, day, window_days, mode)
    if key is None:
        return False
    from mapexplorer.mappage import messages
    from mapexplorer.model.state import ExplorerState

    size = messages.catalogue_message_size(catalogue)
    if size is not None and size > MAX_MESSAGE_BYTES:
        return False

    # As that launch will have it: a fresh state, with the width and mode remembered, at
    # that day.
    state = ExplorerState(catalogue, window_days, mode)
    state.set_time(day)
    message = messages.state_batch(state)
    messages.forget_catalogue_message(catalogue)
    return save(folder, key, message)
