"""The map's size when the window last closed, kept in the settings so that the next launch
makes its map view at that size.

The map's view is made before the window, so that Chromium starts while Python still imports
the window's modules, and Chromium lays its page out at the size the view has when the page
loads. A widget without a window is 640x480: the page was laid out and drawn at 640x480, then
again at the map's size once the window showed (~30 ms of every launch, issue #4). The size
is kept with what decides it, and used only when a launch has the same (`layout_key`): the
window's size, the text size, and whether the window's layout is the remembered one
(`--size` opens the default layout). A size that turns out wrong costs only that second
layout. Standard library only: read at launch, before the window's modules are imported."""

from __future__ import annotations

import re

SETTING = "view/map_size"
_KEPT = re.compile(r"(?P<key>.+) = (?P<width>[0-9]{1,5})x(?P<height>[0-9]{1,5})")


def layout_key(window_size: tuple[int, int], text_scale: float, layout_restored: bool) -> str:
    """What the map's size follows from, as one text ("1280x800, text 1.25, remembered
    layout")."""
    width, height = window_size
    layout = "remembered" if layout_restored else "default"
    return f"{width}x{height}, text {float(text_scale):g}, {layout} layout"


def remembered_map_size(settings, key: str) -> tuple[int, int] | None:
    """The map's size kept for a window laid out as `key` says; None for none, for one kept
    for another layout, or for a value that is not one (a settings file edited by hand)."""
    if settings is None:
        return None
    value = settings.value(SETTING)
    kept = _KEPT.fullmatch(value) if isinstance(value, str) else None
    if kept is None or kept["key"] != key:
        return None
    width, height = int(kept["width"]), int(kept["height"])
    return (width, height) if width > 0 and height > 0 else None


def remember_map_size(settings, key: str, size: tuple[int, int]) -> None:
    if settings is not None and size[0] > 0 and size[1] > 0:
        settings.setValue(SETTING, f"{key} = {size[0]}x{size[1]}")
