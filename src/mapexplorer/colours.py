"""Shared colours: one palette for event categories, so the map, list and panels agree."""

from __future__ import annotations

from collections.abc import Iterable

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


def legend(categories: Iterable[str]) -> list[tuple[str, str]]:
    """(category, colour) for each of `categories` (those of the events shown), in the
    palette's order, as pictures and the exported page show them. Those drawn grey (other, and
    any the palette lacks) share one line: a spreadsheet's forty free-text categories made
    forty grey lines, a legend taller than the picture that hid the date and half the map, and
    said nothing a single grey line does not."""
    present = set(categories)
    grey = category_colour("other")
    entries = [(c, category_colour(c)) for c in CATEGORY_COLOURS if c in present]
    entries = [(c, colour) for c, colour in entries if colour != grey]
    greys = sorted(c for c in present if category_colour(c) == grey)
    if len(greys) == 1:
        entries.append((greys[0], grey))
    elif greys:
        entries.append((f"other ({len(greys)} categories)", grey))
    return entries


def blend(base: str, tint: str, amount: float) -> str:
    """Mix two "#rrggbb" colours: `amount` 0 gives `base`, 1 gives `tint`."""
    a = [int(base[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(tint[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)
