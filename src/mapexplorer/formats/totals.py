"""A sheet's totals and summary rows ("Total", "Average", "Summe"), which a spreadsheet adds
under its rows and a CSV saved from it keeps: no events, and no sample of what the columns
hold (two events over three summary rows made the date column "too few dates")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from mapexplorer.formats.invisible import stripped

__all__ = ["is_totals_word", "totals_word"]

_TOTALS = re.compile(
    r"(?:grand |sub-?)?totals?|sum|summe|gesamt|insgesamt|gesamtsumme|zwischensumme|totaux"
    r"|total g[ée]n[ée]ral|sous-total|somme|totale|totaal|som|suma|soma|total geral|итого"
    r"|всего"
)
"""What a spreadsheet's totals row says in its first cells: "Total", "Grand total", German
"Summe" and "Gesamt", French "Totaux", Italian "Totale", Dutch "Totaal", Spanish "Suma"…"""
_SUMMARIES = re.compile(
    r"average|avg|mean|median|count|durchschnitt|mittelwert|anzahl|moyenne|promedio"
    r"|gemiddelde|gemiddeld|среднее"
)
"""A summary row's word: "Average", "Mean", "Count" (German "Durchschnitt", "Anzahl", French
"Moyenne", Spanish "Promedio", Dutch "Gemiddelde"; not Italian "Media", a category's name in
English)."""


def totals_word(cells: Sequence[Any]) -> str:
    """The word of a totals or summary row ("Total:", "SUMME", "Average"), in one of its
    first three cells alone; "" for any other row ("Total war" is a title)."""
    for cell in cells[:3]:
        if cell.__class__ is not str:
            continue
        word = stripped(cell).rstrip(":.").strip()
        if word and (_TOTALS.fullmatch(word.casefold()) or _SUMMARIES.fullmatch(word.casefold())):
            return word
    return ""


def is_totals_word(word: str) -> bool:
    """Whether a row's word (`totals_word`) is a total's, not an average's or a count's."""
    return bool(_TOTALS.fullmatch(word.casefold()))
