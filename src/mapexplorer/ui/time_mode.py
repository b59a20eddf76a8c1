"""The time mode (Window or Cumulative) the user last chose in the slider's mode box, kept in
the settings: the next launch opens in it (`model.state.ExplorerState.chosen_mode`), as it
opens with the width chosen (`window_width.py`). Standard library only: the launch reads it
for its preview's key before numpy loads."""

from __future__ import annotations

SETTING = "view/time_mode"
MODES = ("window", "cumulative")
"""`model.state.TimeMode`'s values (that module is not imported here: see above)."""


def remembered_mode(settings) -> str | None:
    """The mode the settings keep; None for none, or for a value that is no mode (a settings
    file edited by hand, or written by another version)."""
    if settings is None:
        return None
    value = settings.value(SETTING)
    return value if isinstance(value, str) and value in MODES else None


def remember_mode(settings, mode: str | None) -> None:
    """Keep `mode` (None: the user chose none, and stories open in Window mode)."""
    if settings is None:
        return
    if mode is None:
        settings.remove(SETTING)
    else:
        settings.setValue(SETTING, str(mode))
