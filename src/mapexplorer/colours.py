"""Shared colours: one palette for event categories, so the map, list and panels agree."""

from __future__ import annotations

CATEGORY_COLOURS: dict[str, str] = {
    "war": "#d62728",
    "diplomacy": "#1f77b4",
    "nuclear": "#ff7f0e",
    "arms": "#8c564b",
    "politics": "#9467bd",
    "economy": "#2ca02c",
    "other": "#7f7f7f",
}


def category_colour(category: str) -> str:
    """The hex colour of a category; unknown categories get the "other" grey."""
    return CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["other"])


def blend(base: str, tint: str, amount: float) -> str:
    """Mix two "#rrggbb" colours: `amount` 0 gives `base`, 1 gives `tint`."""
    a = [int(base[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(tint[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)
