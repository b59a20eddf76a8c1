"""Counts in words for messages: "1 event", "100,000 events"."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, noun: str) -> str:
    """`n` and `noun`, plural unless n is 1, with thousands separators."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
