"""Words for messages: counts ("1 event", "100,000 events") and files ("protests.csv (in
/home/me/newsroom)")."""

from __future__ import annotations

from pathlib import Path

__all__ = ["counted", "name_then_folder"]


def counted(n: int, noun: str) -> str:
    """`n` and `noun`, plural unless n is 1, with thousands separators."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def name_then_folder(path: str) -> str:
    """A file for the status line, its name before its folder: a long folder cut the name off
    at the line's end ("…/January/drafts/protests in the c"); now the folder is what is cut."""
    file = Path(path)
    folder = str(file.parent)
    return file.name if folder in ("", ".") else f"{file.name} (in {folder})"
