"""Placeholder text ("Filter events…", "Go to date") and error messages readable on any palette.

A palette that sets its colours but not PlaceholderText (a hand-made dark palette, or a
theme tool's palette file from before Qt 5.12 had the role) keeps Qt's default for it: black at
half opacity, which on a dark Base is darker than the box itself, so the hint cannot be seen."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
_LEAST_SHARE = 0.3
"""How far from Base towards Text a placeholder must be shown, in lightness, to be read."""
_SHARE = 0.5
"""Where a placeholder is put when it was not: halfway, as Qt's own default is on white."""


ERROR_ON_LIGHT = "#c62828"
ERROR_ON_DARK = "#ff6b6b"
"""The red of a message saying what is wrong, on a light and on a dark window: the light one's
red is 2.5:1 on a dark window, hard to read; each is over 4.5:1 on its own."""


def error_colour(widget) -> str:
    """The red for a message on `widget` (its window colour, as the palette has it now)."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return ERROR_ON_DARK if dark else ERROR_ON_LIGHT


def _shown(colour: QColor, base: QColor) -> QColor:
    """`colour` as it appears drawn over `base` (its transparency blended in)."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        a * colour.redF() + (1 - a) * base.redF(),
        a * colour.greenF() + (1 - a) * base.greenF(),
        a * colour.blueF() + (1 - a) * base.blueF(),
    )


def _between(base: QColor, text: QColor, share: float) -> QColor:
    text = QColor(text)
    text.setAlphaF(share)
    return _shown(text, base)


def placeholder_is_readable(palette: QPalette, group=QPalette.ColorGroup.Active) -> bool:
    """The placeholder sits between Base and Text, far enough towards Text to be read."""
    base = palette.color(group, QPalette.ColorRole.Base)
    text = palette.color(group, QPalette.ColorRole.Text)
    shown = _shown(palette.color(group, QPalette.ColorRole.PlaceholderText), base)
    span = text.lightnessF() - base.lightnessF()
    if abs(span) < 0.1:
        return True  # Text barely differs from Base: nothing better to offer
    return (shown.lightnessF() - base.lightnessF()) / span >= _LEAST_SHARE


def with_readable_placeholders(palette: QPalette) -> QPalette | None:
    """`palette` with its placeholder text halfway between Base and Text where it could not be
    read; None when it can be read in every group already."""
    fixed = QPalette(palette)
    changed = False
    for group in _GROUPS:
        if not placeholder_is_readable(palette, group):
            base = palette.color(group, QPalette.ColorRole.Base)
            text = palette.color(group, QPalette.ColorRole.Text)
            fixed.setColor(group, QPalette.ColorRole.PlaceholderText, _between(base, text, _SHARE))
            changed = True
    return fixed if changed else None


def keep_placeholders_readable() -> None:
    """Fix the application's palette if its placeholder text cannot be read. Called at start
    and after each palette change; a palette fixed once is readable, so this does not loop."""
    app = QApplication.instance()
    if app is None:
        return
    fixed = with_readable_placeholders(app.palette())
    if fixed is not None:
        app.setPalette(fixed)
