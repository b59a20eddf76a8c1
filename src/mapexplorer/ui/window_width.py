"""The time window's width the user last chose in the slider's width box, kept in the
settings: the next launch opens its story with it (`model.state.opening_window_days`).
Standard library only: the launch reads it for its preview's key before numpy loads."""

from __future__ import annotations

SETTING = "view/window_days"


def remembered_width(settings) -> int | None:
    """The width the settings keep, in days; None for none or for a value that is no number
    (a settings file edited by hand). The state leaves out any that its width box lacks."""
    if settings is None:
        return None
    value = settings.value(SETTING)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def remember_width(settings, days: int | None) -> None:
    """Keep `days` (None: the user chose none, and stories open as they fit; 0: the whole
    story, `model.state.WHOLE_STORY`)."""
    if settings is None:
        return
    if days is None:
        settings.remove(SETTING)
    else:
        settings.setValue(SETTING, int(days))
