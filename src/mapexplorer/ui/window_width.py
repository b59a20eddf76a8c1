"""The time window's width the user last chose in the slider's width box, kept in the
settings: the next launch opens its story with it (`model.state.opening_window_days`).
Standard library only: the launch reads it for its preview's key before numpy loads."""

from __future__ import annotations

SETTING = "view/window_days"
BEFORE_WHOLE_SETTING = "view/window_days_before_whole_story"
"""When the whole story is the choice: the width chosen before it, which leaving it gives."""


def remembered_width(settings, setting: str = SETTING) -> int | None:
    """The width the settings keep, in days; None for none or for a value that is no number
    (a settings file edited by hand). The state leaves out any that its width box lacks.
    `setting`: `BEFORE_WHOLE_SETTING` for the width chosen before the whole story."""
    if settings is None:
        return None
    value = settings.value(setting)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def remember_width(settings, days: int | None, before_whole: int | None = None) -> None:
    """Keep `days` (None: the user chose none, and stories open as they fit; 0: the whole
    story, `model.state.WHOLE_STORY`, and `before_whole` the width chosen before it)."""
    if settings is None:
        return
    for setting, value in ((SETTING, days), (BEFORE_WHOLE_SETTING, before_whole)):
        if value is None:
            settings.remove(setting)
        else:
            settings.setValue(setting, int(value))
