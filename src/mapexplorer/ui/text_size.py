"""Larger text, for a projector in a classroom: the window's fonts and the map page (its names,
markers, tooltips, scale bar) grow together, a step at a time, and the settings keep the step.
At 1920x1080 the window used the system's ~9 pt font and the map its 11 px names."""

from __future__ import annotations

from PySide6.QtGui import QFont

STEPS = (1.0, 1.25, 1.5, 1.75, 2.0)
SETTING = "view/text_scale"


def next_step(scale: float, direction: int) -> float:
    """The step above (`direction` > 0) or below `scale`, staying within `STEPS`."""
    nearest = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - scale))
    return STEPS[max(0, min(len(STEPS) - 1, nearest + direction))]


def remembered_scale(settings) -> float:
    """The step the settings keep; the normal size for none, or a value not one of the steps
    (a settings file edited by hand)."""
    try:
        value = float(settings.value(SETTING, 1.0))
    except (TypeError, ValueError):
        return 1.0
    return value if value in STEPS else 1.0


def scaled_font(base: QFont, scale: float) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    elif base.pixelSize() > 0:
        font.setPixelSize(round(base.pixelSize() * scale))
    return font
