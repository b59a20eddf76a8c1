"""A user's answer about which fields of a file mean what, as it is remembered: per set of
columns, so that files with the same columns (a monthly export, say) get the same answer."""

from __future__ import annotations

import json
from dataclasses import replace

from mapexplorer.formats.fields import FieldChoice, FieldGuess, TimeSource


def choice_key(guess: FieldGuess) -> str:
    import hashlib

    return "fields/" + hashlib.sha1("\x1f".join(guess.fields).encode()).hexdigest()[:16]


def choice_to_settings(choice: FieldChoice) -> str:
    time = choice.time
    return json.dumps(
        {
            "time": [
                time.field,
                time.end_field or "",
                time.kind,
                time.month_field or "",
                time.day_field or "",
                time.end_month_field or "",
                time.end_day_field or "",
            ]
            if time
            else [],
            "date_order": choice.date_order,
        }
    )


def choice_from_settings(guess: FieldGuess, stored: object) -> FieldChoice | None:
    """The remembered choice (`choice_to_settings`' text), if it still fits the file's fields;
    None for anything else (nothing remembered, a value edited by hand)."""
    try:
        remembered = json.loads(stored) if isinstance(stored, str) else None
        field, end_field, kind, *parts = remembered["time"]  # no month and day before them
        month, day, end_month, end_day = ([*parts, "", "", "", ""])[:4]
        time = TimeSource(
            field,
            end_field or None,
            kind,
            month or None,
            day or None,
            end_month or None,
            end_day or None,
        )
        if any(name not in guess.fields for name in time.fields):
            return None
        return replace(guess.choice, time=time, date_order=remembered["date_order"])
    except (KeyError, TypeError, ValueError):
        return None
