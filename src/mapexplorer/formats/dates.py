"""Dates as other tools write them, read into `TimeSpan`s.

EDTF and ISO 8601 ("2025-01-17", "2025-01", "1941-08-25/1941-09-17", "2024-12~"), ISO date-times
("2025-01-17T10:30:00Z" is that day, as written; "20250117T100000Z"), English words
("17 January 2025", "Jan. 17, 2025", "Sept. 3, 1941", "January 2025", Excel's "17-Jan-2025"),
any of them with a time of day ("Fri, 17 Jan 2025 10:00:00 GMT", "1/17/2025 10:30 AM"), numeric
forms ("17/01/2025", "17.01.2025", "2025/01/17", GDELT's "20250117"), years (1979, "1979.0",
"44 BC", "BC 44", "-0043", "c. 1900"), centuries ("3rd century BC", "3rd century AD", and as
historians write them: "XIVe siècle", "s. XIV a.C.", "14. Jahrhundert"), millennia ("1st
millennium BC"), Hijri years ("1350 AH": the years AD it overlaps), spans
still going on ("2014–present", "since 2014": to today) and Unix timestamps (1737109800, or
milliseconds). Every failure is a `DateError` that says why.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from collections.abc import Iterable
from typing import Literal

from mapexplorer.formats.footnotes import without_footnotes
from mapexplorer.formats.invisible import visible
from mapexplorer.model.time import (
    DateError,
    Precision,
    TimeSpan,
    day_from_ymd,
    iso_from_day,
    ordinal,
    ymd_from_day,
)

__all__ = [
    "SPREADSHEET_DAYS",
    "DateOrder",
    "both_ways_said",
    "date_note",
    "hijri_days",
    "mixed_slash_orders",
    "ongoing",
    "parse_date",
    "parse_span",
    "parse_spreadsheet_day",
    "parse_year_month_day",
    "reads_both_ways",
    "slash_order",
    "spreadsheet_day_number",
    "spreadsheet_day_words",
    "unknown_end",
    "year_slash_readings",
]

DateOrder = Literal["dmy", "mdy"]
"""How to read "01/02/2025": day first (most of the world) or month first (the US)."""

_MONTH_NAMES = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
# The months as German, French, Spanish, Italian, Portuguese and Dutch write them in full and
# shortened (the languages whose column names are recognised): "1. März 2024", "1er mars
# 2024", "1 de marzo de 2024", "1° marzo 2024", "1 de março de 2024", "1 maart 2024".
_FOREIGN_MONTHS = {
    1: "januar jänner janvier janv enero ene gennaio gen janeiro januari",
    2: "februar feber février fevrier févr fevr febrero febbraio fevereiro fev februari",
    3: "märz maerz mrz mär mars marzo março marco maart mrt",
    4: "avril avr abril abr aprile",
    5: "mai mayo maggio mag maio mei",
    6: "juni juin junio giugno giu junho",
    7: "juli juillet juil julio luglio lug julho",
    8: "août aout agosto ago augustus",
    9: "septembre septiembre setiembre settembre set setembro",
    10: "oktober okt octobre octubre ottobre ott outubro out",
    11: "novembre noviembre novembro",
    12: "dezember dez décembre déc decembre diciembre dic dicembre dezembro",
}
# Ukrainian and Russian, as their sheets write a day ("3 січня 2024", "3 января 2024": the
# month after a day) and a month ("січень 2024", "январь 2024")
_CYRILLIC_MONTHS = {
    1: "січня січень січ января январь янв",
    2: "лютого лютий лют февраля февраль фев",
    3: "березня березень бер марта март мар",
    4: "квітня квітень квіт апреля апрель апр",
    5: "травня травень трав мая май",
    6: "червня червень черв июня июнь июн",
    7: "липня липень лип июля июль июл",
    8: "серпня серпень серп августа август авг",
    9: "вересня вересень вер сентября сентябрь сен сент",
    10: "жовтня жовтень жовт октября октябрь окт",
    11: "листопада листопад лист ноября ноябрь ноя",
    12: "грудня грудень груд декабря декабрь дек",
}
_MONTH_NAMES.update(
    {
        name: number
        for months in (_FOREIGN_MONTHS, _CYRILLIC_MONTHS)
        for number, names in months.items()
        for name in names.split()
    }
)
_ZERO_DATE = re.compile(
    r"^(?:0{4}-0{2}-0{2}(?:[ T]0{2}:0{2}(?::0{2})?)?|0{1,2}(?P<sep>[./-])0{1,2}(?P=sep)0{4})$"
)
"""A database's date of zeros, its "no date" (MySQL's "0000-00-00"), not 1 BC."""
_ZERO_DAY_ISO = re.compile(
    r"^(?P<only>\d{4})-00(?:-00)?$|^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-00$"
)
_ZERO_DAY_NUMERIC = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})$"
)
"""A day (or a month) written 0 for "unknown", as archives and the GTD write it: "1944-03-00",
"00.03.1944" are March 1944, "1944-00-00" the year."""
_YEAR_WORD = re.compile(r"(?<=\d)\s*(?:р\.|г\.|року|рік|года|год)$")
"""The word for "year" after a Ukrainian or Russian date ("24.02.2022 р.", "3 января 2024 г.")."""
# The seasons in the same languages ("Herbst 1989", "automne 1942", "otoño de 1936"), read
# as the English ones are.
_FOREIGN_SEASONS = {
    "spring": "frühling frühjahr fruehling fruehjahr printemps primavera lente voorjaar",
    "summer": "sommer été ete verano estate verão verao zomer",
    "autumn": "herbst automne otoño otono autunno outono herfst najaar",
    "winter": "hiver invierno inverno",
}
_SEASON_NAMES = {
    name: season for season, names in _FOREIGN_SEASONS.items() for name in names.split()
}
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_MONTH_PAIR = re.compile(
    r"^(?P<first>[^\W\d_]{3,10})\.?\s*[-/]\s*(?P<last>[^\W\d_]{3,10})\.?,?\s+(?P<year>\d{4})$"
)
"""Two months (or seasons) joined by a hyphen or a slash, and their year: "June-July 1944"."""
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?"
_YEAR = r"(?P<year>\d{1,4})(?:\s*(?P<era>bce|bc|b\.c\.e?\.?|ce|ad|a\.d\.))?"
_ERA_YEAR_BC = re.compile(r"^(?P<year>\d{5,})\s*(?:bce?|b\.c\.(?:e\.)?)$")
"""A year BC beyond four digits ("10000 BC", 10,000 BC as `_without_thousands` leaves it)."""
_WEEKDAY = r"(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CHECKED_WEEKDAYS = 1924
"""The first year whose weekdays are checked ("Monday, March 5, 2024" is refused: the 5th was a
Tuesday): by 1924 every country kept the Gregorian calendar (Greece adopted it in 1923), so an
older weekday may be right in the Julian calendar the writer used."""
_WRITTEN = [
    # 17 January 2025; "1 de marzo de 2024", as Spanish and Portuguese write it
    re.compile(rf"^{_WEEKDAY}{_DAY}\s*(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}$"),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}$"),  # January 17, 2025
    re.compile(rf"^{_MONTH},?\s+(?:of\s+|de\s+)?{_YEAR}$"),  # January 2025, "marzo de 2024"
    # Excel's d-mmm-yyyy and mmm-yyyy: "17-Jan-2025", "Jan-2025" (the year in full)
    re.compile(rf"^{_DAY}-{_MONTH}-(?P<year>\d{{4}})$"),
    re.compile(rf"^{_MONTH}-(?P<year>\d{{4}})$"),
]
_SHORT_YEAR_WRITTEN = re.compile(rf"^(?:{_DAY}-)?{_MONTH}-\d{{2}}$")  # "17-Jan-25": which 25?
# "January 25", "Jan 5, 25": the 25th of a January with no year, or a year with two digits?
_MONTH_SHORT_NUMBER = re.compile(
    r"^(?P<month>[a-z]{3,9})\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{1,2}$"
)
# "25 Jan 25", "3 March 21": a day, its month and a year of two digits (2025 or 1925?),
# as an export from a British or European sheet writes it (not the year 25 AD).
_DAY_MONTH_SHORT_YEAR = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(?P<month>[^\W\d_]{3,10})\.?,?\s+"
    r"(?:de\s+)?\d{1,2}$"
)
_CTIME = re.compile(
    r"^(?P<weekday>[a-z]{3}),?\s+(?P<month>[a-z]{3})\s+(?P<day>\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"\s+(?:[+-]\d{4}\s+|[a-z]{2,5}\s+)?(?P<year>\d{4})$"
)
"""The C library's and Unix `date`'s time, as Twitter's API writes a tweet's `created_at`:
"Wed Jan 03 10:15:00 +0000 2024", "Wed Jan  3 10:15:00 UTC 2024"."""
# "26th January", "3 de marzo": a day and its month, with no year at all
_DAY_MONTH_ONLY = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(?P<month>[^\W\d_]{3,10})\.?$"
)
_CLOCK = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
"""A time of day, "10:30" or "10:30:00.5"; `_check_clock` refuses the impossible ones."""
_TIME_OF_DAY = re.compile(
    rf"^(?P<date>.*?\d),?\s+(?:at\s+)?{_CLOCK}\s*"
    r"(?P<meridiem>[ap]\.?m\.?)?\s*(?:(?:utc|gmt)?\s*(?P<offset>[+-]\d{2}(?::?\d{2})?)|z|[a-z]{3,5}|[ecmp]t)?$"
)
"""A written or numeric date and a time of day: "Fri, 17 Jan 2025 10:00:00 GMT" (e-mail and
RSS), "1/17/2025 10:30 AM" (spreadsheets), "2024/06/25 14:30:00+00" (an offset in hours, as
PostgreSQL writes it), "GMT+0000" (as JavaScript writes a date), "8:46 a.m. ET" (a zone of two
letters, as AP style writes it). The day is the date as written."""
_ISO_BASIC_DATETIME = re.compile(
    r"^(\d{4})(\d{2})(\d{2})T(?P<hour>\d{2})(?:(?P<minute>\d{2})(?:(?P<second>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|(?P<offset>[+-]\d{2}:?(?:\d{2})?))?$",
    re.IGNORECASE,
)  # "20250117T100000Z": ISO 8601's basic form, as iCalendar writes it
_CENTURY_BC = re.compile(
    r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\s+(?:bce?|b\.c\.(?:e\.)?)$"
)
_CENTURY_AD = re.compile(
    r"^(?:(?:ad|a\.d\.|ce|c\.e\.)\s+(?P<after>.*?\bcentur(?:y|ies))"
    r"|(?P<before>.*?\bcentur(?:y|ies))\s+(?:ad|a\.d\.|ce|c\.e\.))$"
)  # "3rd century AD", "AD 3rd century", "mid-3rd century CE": the century, as without the era
_YEAR_AFTER_COMMA = re.compile(r"(?<=[a-z.\d])\s*,\s*(?=\d{4}\b)")
"""A comma before a year, with or without a space ("Spring,2014", "January 17,2025")."""
_DECADE_APOSTROPHE = re.compile(r"(\d0)['’]s\b")  # "1990's", as often written: "1990s"
_ERA_YEAR = re.compile(r"^(?:(?P<pre>ad|a\.d\.|bce?|b\.c\.(?:e\.)?)\s*)?" + _YEAR + "$")
_APPROX = re.compile(
    r"^(?:~|c\.|ca\.?|circa|about|approx\.?|approximately|around|c(?=\s+\d|\d{3}))\s*(.+)$"
)  # "c 1850" and "c1850" too, as catalogues write circa without its full stop; "~1860s", as
# OpenStreetMap's start_date writes about a date EDTF's "~" cannot qualify
_DECADES = re.compile(
    r"^(?:the\s+)?(\d{3})0['’]?s\s*(?:[-–—]|to|\.\.)\s*(?:the\s+)?(\d{3})0['’]?s$"
)
"""Decades to decades, "1990s–2000s", "1890s-1900s": "2000s" beside a decade is one too, not
the 21st century."""
_OSM_CENTURY = re.compile(r"^(?:(?P<part>early|mid|late)[\s-]+)?c(?P<century>\d{1,2})$")
"""OpenStreetMap's centuries ("mid C19": its start_date's forms, in Overpass exports); "C18"
alone is refused, as a code ("C1", "C12") may be written so, saying how to write a century."""
_UNKNOWN = frozenset(
    ("n/a", "na", "n.a.", "-", "–", "—", "?", "??", "???", "unknown", "date unknown",
     "unk", "tbd", "tbc", "tba", "n.d.", "nd", "no date", "undated", "none", "null", "nan",
     "s.d.", "s/d", "sin fecha", "sans date", "o.j.", "o. j.", "ohne jahr", "unbekannt",
     "inconnu", "inconnue", "desconocido", "desconocida", "sconosciuto", "onbekend")
)  # fmt: skip
"""What a sheet writes for a date it does not know, in the languages whose columns we read."""
_UNSURE = re.compile(
    r"^(?:(?:probably|possibly|perhaps|likely|maybe|prob\.)\s+(?P<date>.+)|(?P<date2>.*[^\s?])\s*\?)$"
)
"""A date said to be uncertain, before it in words or after it with a "?" ("probably 1850",
"1850s?", "44 BC?"), as "1850 (probably)" and EDTF's "1850?" are."""
_THOUSANDS = re.compile(
    r"(?<![\d,.])(\d{1,2}),(\d{3})(?![\d,])|(?:^|(?<=[–—-])|(?<=[–—-]\s))(\d{1,2}) (\d{3})(?![\d,])"
)
"""A year of thousands written with a separator, "10,000" or "10 000" (as French writes it;
a space only at the start of the date or of its end: "March 10 000 BC" is no such year),
read so only with its era, "10,000 BC" (`_without_thousands`)."""
_ERA_WORD = re.compile(r"\b(?:bce?|b\.\s?c\.|ad|a\.\s?d\.|ce|c\.\s?e\.)(?!\w)")
_NUMERIC = re.compile(r"^(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})$")
_MONTH_YEAR = re.compile(r"^(?:(?P<month>\d{1,2})[/\-]|(?P<dotted>\d{2})\.)(?P<year>\d{4})$")
"""A month and its year, as spreadsheets and historians write them: "6/1914", "06/1914",
"06-1914", "06.1914" (not "6.1914", a number). The year has its four digits: "6/12" could be
June 2012 or the 6th of December, and is not read so."""
_SHORT_NUMERIC = re.compile(r"^\d{1,2}[/\-]\d{1,2}$")
""""6/12": a day and a month without a year, or a month and a year of two digits?"""
_ISO_DATETIME = re.compile(
    rf"^([+-]?\d{{4,}}-\d{{2}}-\d{{2}})[T ]{_CLOCK}"
    r"\s*(?:Z|(?P<offset>[+-]\d{2}(?::?\d{2})?)|UTC|GMT)?$",  # "… UTC": BigQuery's and PostgreSQL's output
    re.IGNORECASE,
)
_PLUS_YEAR = re.compile(r"^\+\d{4}-\d{2}(?:-\d{2})?(?:[T ]|$)")
"""An ISO 8601 date with its year's sign, "+1914-06-28" (Wikidata writes its dates so):
EDTF has no "+", and the year is the same without it."""


def _without_plus(date: str) -> str:
    return date[1:] if _PLUS_YEAR.match(date) else date


_SEASON_YEARS = re.compile(
    r"^(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter),?\s+(?:of\s+)?"
    r"(?P<year>\d{4})\s*[-–—/]\s*(?P<until>\d{4}|\d{2})$"
)
_NUMBER = re.compile(r"^[+-]?\d+(?:\.0*)?$")
_FLOAT = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_YEAR_HYPHEN_YEAR = re.compile(r"^\d{4}\s*-\s*(?:\d{4}|\d{2})$")
_YEAR_SLASH_NUMBER = re.compile(r"^(\d{4})\s*/\s*(\d{1,2})$")
_DAY_AFTER_MONTH = re.compile(r"[^\W\d]\.?\s+\d{1,2}(?:st|nd|rd|th)?$", re.IGNORECASE)
_RANGE = re.compile(
    r"^(.+?)\s*(?:\s[-–—]\s|–|—|→|\s+to\s+|\s+until\s+|(?<=[\dsS\s])\.\.(?=[\s\d~A-Za-z]))\s*(.+)$"
)
"""A range, "1941–1945", "17 January – 3 February 2025", or as Notion's CSV export writes a
date property's range: "June 25, 2024 → June 27, 2024", or OpenStreetMap's start_date:
"1914..1918", "1890s..1900s"."""

# Unix time bounds we accept: 1973-03-03 (9 digits) to about year 2286 in seconds.
_UNIX_MIN_SECONDS = 100_000_000
_UNIX_MAX_SECONDS = 9_999_999_999


def parse_date(value: object, order: DateOrder = "dmy", unix: bool = True) -> TimeSpan:
    """The span of days a cell means; `DateError` with a readable reason when it means none.

    `order` settles numeric dates like "01/02/2025"; `unix=False` refuses Unix timestamps
    (so a stray large number in a `year` column is an error, not a date in 2025).
    """
    if value is None:
        raise DateError("the date is empty")
    if isinstance(value, bool):
        raise DateError(f"{value!r} is not a date")
    if isinstance(value, int | float):
        return _parse_number(value, unix)
    if not isinstance(value, str):
        raise DateError(f"expected a date, found {type(value).__name__}")
    return _parse_text(value, order, unix)


def year_slash_readings(value: object) -> tuple[str, str] | None:
    """A year, a slash and one or two digits, in EDTF: (its likeliest reading, the other or
    ""). "1914/18" and "2019/20" are years (1914–1918, as British books write the wars; a
    school or fiscal year); "2010/03" and "2010/3" a month, as Japanese and Chinese sheets
    write one (a span cannot end before it begins); "2010/11" either, read as the school or
    fiscal year 2010–2011 (the year after), and "2005/08" as August 2005 (a span of years is
    written with a dash). None for any other value. A table's reader weighs the rest of
    the column (`formats.year_slash`), and says how such a cell was read."""
    if value.__class__ is not str or "/" not in value:  # type: ignore[operator]
        return None
    match = _YEAR_SLASH_NUMBER.match(visible(value).strip())  # type: ignore[arg-type]
    if match is None:
        return None
    year, number = int(match[1]), int(match[2])
    month = f"{year:04d}-{number:02d}" if 1 <= number <= 12 else ""
    later = year // 100 * 100 + number
    if later <= year and number == (year + 1) % 100:
        later += 100  # "1999/00": 1999–2000
    years = f"{year:04d}/{later:04d}" if len(match[2]) == 2 and later > year else ""
    if not years:
        return (month, "") if month else None
    if not month:
        return years, ""
    if number == (year + 1) % 100:
        return years, month
    return month, years


def parse_span(
    start: object, end: object, order: DateOrder = "dmy", days: bool = False
) -> TimeSpan:
    """A span from a start cell and an end cell; either may be empty (an open end). `days`:
    the cells are a sheet's day numbers (`parse_spreadsheet_day`), or dates among them."""
    empty_start, empty_end = _is_empty(start), _is_empty(end)
    if empty_start and empty_end:
        raise DateError("both the start and the end are empty")
    parse = parse_spreadsheet_day if days else parse_date
    if not empty_start and isinstance(end, str) and _ONGOING_END.match(visible(end).strip()):
        first = parse(start, order)  # "2014" to "present": to today, as "2014–present" is
        today = _dt.date.today()
        if first.start > day_from_ymd(today.year, today.month, today.day):
            raise DateError(f"the end ({_show(end)}) is today, but the start is after it")
        return parse_span(first.edtf, today.isoformat(), order)
    if empty_end or (not empty_start and unknown_end(end)):
        return parse(start, order)  # an open end, or one not known yet ("TBD"): the start
    if empty_start:
        return parse(end, order)
    first, last = parse(start, order), parse(end, order)
    if first.edtf == last.edtf:
        return first
    if last.end < first.start:
        raise DateError(f"the end ({_show(end)}) is before the start ({_show(start)})")
    if "/" in first.edtf or "/" in last.edtf:  # an interval at either end: its outer ends
        try:  # as written ("1931/1932" to "1933/1934" is 1931/1934), else as days
            outer = _cached_parse(f"{first.edtf.split('/')[0]}/{last.edtf.split('/')[-1]}")
            if (outer.start, outer.end) == (first.start, last.end):
                return outer
        except DateError:
            pass
        return TimeSpan.from_days(first.start, last.end)
    return _cached_parse(f"{first.edtf}/{last.edtf}")


def parse_year_month_day(year: object, month: object, day: object = None) -> TimeSpan:
    """A date from a year cell, a month cell and a day cell, as tables of events keep them
    (the Global Terrorism Database's `iyear`, `imonth`, `iday`; a class's Year / Month / Day).
    The month is a number or a name ("6", "June", "Jun"); an empty month or day, or 0 (the
    GTD's "unknown"), leaves the date a year or a month."""
    span = parse_date(year, unix=False)
    if _is_unknown_part(month):
        if not _is_unknown_part(day):
            raise DateError(f"a day ({_show(day)}) without a month")
        return span
    if span.precision is not Precision.YEAR or not _PLAIN_YEAR.match(span.edtf):
        raise DateError(f"{_show(year)} is not a single year, to go with a month")
    number, shown = int(span.edtf), span.describe()
    if _is_unknown_part(day) and (both := _day_and_month(month)) is not None:
        month, day = both  # "28 June" in a column beside the year's: a day of that year
    month_number = _month_number(month)
    if _is_unknown_part(day):
        return _ymd(number, month_number, None, shown)
    day_number = _day_number(day)
    first = day_from_ymd(number, month_number, 1)
    length = day_from_ymd(number + (month_number == 12), month_number % 12 + 1, 1) - first
    if not 1 <= day_number <= length:
        month_name = _MONTHS_IN_WORDS[month_number - 1]
        raise DateError(f"{_show(day)} is not a day of {month_name} {shown} (it has {length} days)")
    return _ymd(number, month_number, day_number, shown)


_PLAIN_YEAR = re.compile(r"^-?\d{4}$")


_DAY_MONTH = re.compile(
    r"^(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s*(?:of\s+)?(?P<month>[^\W\d_]{3,})\.?"
    r"|(?P<month2>[^\W\d_]{3,})\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)$",
    re.IGNORECASE,
)


def _day_and_month(value: object) -> tuple[str, str] | None:
    """A day and a month without their year ("28 June", "June 28th", "11 Nov."): (the
    month's name, the day), when the name is a month's; None for anything else."""
    if not isinstance(value, str):
        return None
    match = _DAY_MONTH.match(visible(value).strip())
    if match is None:
        return None
    month = (match["month"] or match["month2"]).lower()
    if month not in _MONTH_NAMES:
        return None
    return month, match["day"] or match["day2"]


def _is_unknown_part(value: object) -> bool:
    """An empty month or day cell, or 0 (the Global Terrorism Database's "unknown")."""
    if _is_empty(value):
        return True
    text = visible(str(value)).strip()
    return bool(_NUMBER.match(text)) and float(text) == 0


def _month_number(value: object) -> int:
    text = visible(str(value)).strip().lower().rstrip(".")
    if _NUMBER.match(text):
        number = int(float(text))
        if 1 <= number <= 12:
            return number
        raise DateError(f"{_show(value)} is not a month (they go from 1 to 12)")
    if text in _MONTH_NAMES:
        return _MONTH_NAMES[text]
    raise DateError(
        f"{_show(value)} is not a month{_month_guess(text)} (write 1 to 12, or its name)"
    )


def _month_guess(name: str) -> str:
    """ " (did you mean February?)" after a misspelt month ("Febuary"), English's names before
    the other languages' ("Marhc": March, not Portuguese "marco"); "" when no month is
    clearly nearest ("Octember": October or November?)."""
    from difflib import SequenceMatcher

    word = name.lower()
    if len(word) < 4:
        return ""
    english = [m.lower() for m in _MONTHS_IN_WORDS]
    for names in (english, [n for n in _MONTH_NAMES if len(n) >= 4 and n not in english]):
        scored = sorted(((SequenceMatcher(None, word, n).ratio(), n) for n in names), reverse=True)
        best, near = scored[0]
        if best < 0.75:
            continue
        rivals = {_MONTH_NAMES[n] for ratio, n in scored if ratio > best - 0.1}
        if len(rivals) > 1:
            return ""
        return f" (did you mean {near.capitalize() if near in english else near}?)"
    return ""


def _day_number(value: object) -> int:
    text = visible(str(value)).strip()
    if _NUMBER.match(text):
        return int(float(text))
    raise DateError(f"{_show(value)} is not a day of the month (write 1 to 31)")


def slash_order(values: Iterable[object]) -> tuple[DateOrder | None, bool]:
    """Which order numeric dates like "17/01/2025" use, and whether that is only a guess.

    Returns (None, False) when no value is numeric, ("dmy", False) when some first number is
    over 12 or every value is written with dots ("03.04.2025"), ("mdy", False) when some second
    number is, and ("dmy", True) when every value reads both ways ("03/04/2025").
    """
    seen = undotted = False
    for value in values:
        if not isinstance(value, str):
            continue
        text = visible(value).strip()
        if timed := _TIME_OF_DAY.match(text.lower()):  # "03/04/2025 10:30 AM": the date part
            text = timed["date"]
        match = _NUMERIC.match(text)
        if not match or len(match.group(1)) >= 3:  # the year first: 2025/01/17, 800-12-25
            continue
        seen = True
        undotted = undotted or match.group(2) != "."
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second:
            return "dmy", False
        if second > 12 >= first:
            return "mdy", False
    # "03.04.2025": dots are day first wherever they are written (Germany, Russia, Poland…);
    # no one writes a month first with dots, so only slashes and hyphens leave a doubt.
    return ("dmy", undotted) if seen else (None, False)


def reads_both_ways(text: str) -> bool:
    """Whether a date means other days read day first and month first ("01/05/2024", not
    "05/05/2024" or "13/05/2024")."""
    try:
        return parse_date(text, "dmy").edtf != parse_date(text, "mdy").edtf
    except DateError:
        return False


def both_ways_said(text: str, order: DateOrder) -> str:
    """ "'01/05/2024': 1 May 2024 day first, 5 January 2024 month first"."""
    read = parse_date(text, order).describe(weekday=False)
    other = parse_date(text, "mdy" if order == "dmy" else "dmy").describe(weekday=False)
    first, second = ("day", "month") if order == "dmy" else ("month", "day")
    return f"{text!r}: {read} {first} first, {other} {second} first"


def mixed_slash_orders(values: Iterable[object]) -> tuple[str, str, str] | None:
    """A column whose numeric dates are written both ways, some month first ("3/14/2024") and
    some day first ("14/3/2024"), and which has dates that read either way ("4/5/2024"): then
    no order reads those surely (`slash_order` takes the first it meets). The three examples,
    month first, day first and either way; None for any other column."""
    month_first = day_first = either = ""
    for value in values:
        if not isinstance(value, str):
            continue
        text = visible(value).strip()
        if timed := _TIME_OF_DAY.match(text.lower()):
            text = timed["date"]
        match = _NUMERIC.match(text)
        if not match or len(match.group(1)) >= 3 or match.group(2) == ".":
            continue
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second:
            day_first = day_first or text
        elif second > 12 >= first:
            month_first = month_first or text
        elif first <= 12 and second <= 12 and first != second:
            either = either or text
        if month_first and day_first and either:
            return month_first, day_first, either
    return None


# --- the forms ---------------------------------------------------------------------------------


_UNKNOWN_END = re.compile(
    r"^(?:tbd|tba|tbc|to be (?:determined|announced|confirmed)|unknown|not known|unclear|n/?a|"
    r"\?+|[-–—]+)\.?$",
    re.IGNORECASE,
)
"""An end cell that says the end is not known ("TBD", "unknown", "?"): read as an empty one,
the span from its start, rather than the row refused as "not a date"."""


def unknown_end(value: object) -> bool:
    return isinstance(value, str) and _UNKNOWN_END.match(visible(value).strip()) is not None


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not visible(value).strip())


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"


@functools.lru_cache(maxsize=65536)
def _cached_parse(text: str) -> TimeSpan:
    return TimeSpan.parse(text)


def _parse_number(value: float, unix: bool, shown: str = "") -> TimeSpan:
    shown = shown or repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DateError(f"{shown} is not a date")
        if value != int(value):
            if not (unix and abs(value) >= _UNIX_MIN_SECONDS):
                raise DateError(
                    f"{shown} is not a date (a year must be a whole number)"
                    + _spreadsheet_day(math.floor(value))
                )
            value = math.floor(value)  # Unix time to a fraction of a second, as time.time()
    return _parse_integer(int(value), unix, shown)


def _parse_integer(number: int, unix: bool, shown: str) -> TimeSpan:
    if number == 0:  # a sheet's stand-in for "unknown", far likelier than the year 1 BC
        raise DateError(
            f"{shown} is not a year: no year 0 comes between 1 BC and AD 1 "
            "(if 0 stands for an unknown date, leave the cell empty)"
        )
    if -9999 <= number <= 9999:
        return _year(number)
    if 10_000_000 <= number <= 99_999_999:  # GDELT's YYYYMMDD
        year, month, day = number // 10000, number // 100 % 100, number % 100
        if 1 <= month <= 12 and 1 <= day <= 31:
            return _cached_parse(f"{year:04d}-{month:02d}-{day:02d}")
    if unix and _UNIX_MIN_SECONDS <= abs(number) <= _UNIX_MAX_SECONDS * 1000:
        seconds = number if abs(number) <= _UNIX_MAX_SECONDS else number // 1000
        return TimeSpan.from_days(seconds // 86400)
    if unix:
        raise DateError(
            f"{shown} is not a date: too large for a year, too small for Unix time"
            + _spreadsheet_day(number)
        )
    raise DateError(f"{shown} is not a year" + _spreadsheet_day(number))


SPREADSHEET_DAYS = range(20_000, 80_000)
"""Day numbers a spreadsheet's date is likely to be (1954–2119), as Excel counts them."""


def spreadsheet_day_number(value: object) -> int | None:
    """The whole number of days a cell holds if it may be a spreadsheet's day number (45467,
    "45467", "45467.5" with a time of day); None for anything else (a year, text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = visible(value).strip()
        if not _FLOAT.match(text) or "e" in text.lower():
            return None
        value = float(text)
    if not isinstance(value, int | float) or not math.isfinite(value):
        return None
    number = math.floor(value)
    return number if number in SPREADSHEET_DAYS else None


def parse_spreadsheet_day(value: object, order: DateOrder = "dmy") -> TimeSpan:
    """A cell of a column of spreadsheet day numbers: the day Excel's 1900 date system
    counts (days since 30 December 1899, as LibreOffice and Google Sheets count them too:
    45467 is 24 June 2024), as a date column formatted as plain numbers is saved. A cell
    written as a date among them is read as one; any other number is refused."""
    number = spreadsheet_day_number(value)
    if number is not None:
        return TimeSpan.from_days(_SPREADSHEET_EPOCH + number)
    if isinstance(value, str) and not _FLOAT.match(visible(value).strip()):
        return parse_date(value, order, unix=False)
    if _is_empty(value):
        raise DateError("the date is empty")
    raise DateError(
        f"{_show(value)} is not a spreadsheet day number like the others in its column "
        "(20000 to 80000, the years 1954 to 2119)"
    )


def _spreadsheet_day(number: int) -> str:
    """What to do when a number is a day as Excel, LibreOffice and Google Sheets count them
    (days since 30 December 1899: 45306 is 15 January 2024), as a date cell formatted as a
    plain number is saved: "" for numbers outside 1954–2119, which are unlikely to be one."""
    if not 20_000 <= number <= 80_000:
        return ""
    return (
        f"; if it is a spreadsheet's day number ({number} is {spreadsheet_day_words(number)}), "
        "format the column as dates in the spreadsheet before saving the file"
    )


def spreadsheet_day_words(number: int) -> str:
    """The day a spreadsheet's day number is, in words: 45467 is "24 June 2024"."""
    day = _dt.date(1899, 12, 30) + _dt.timedelta(days=number)
    return f"{day.day} {_MONTHS_IN_WORDS[day.month - 1]} {day.year}"


_SPREADSHEET_EPOCH = day_from_ymd(1899, 12, 30)
_MONTHS_IN_WORDS = (
    "January February March April May June July August September October November December"
).split()


def _year(year: int) -> TimeSpan:
    sign = "-" if year < 0 else ""
    return _cached_parse(f"{sign}{abs(year):04d}")


@functools.lru_cache(maxsize=65536)
def _parse_text_cached(text: str, order: DateOrder, unix: bool) -> TimeSpan:
    return _parse_text_uncached(text, order, unix)


def _parse_text(text: str, order: DateOrder, unix: bool) -> TimeSpan:
    if len(text) > 200:
        raise DateError(f"{_show(text)} is far too long to be a date")
    if (match := _ongoing_match(text)) is not None:  # not cached: today changes
        return _ongoing_span(match, order, unix, text)
    return _parse_text_cached(text, order, unix)


_ONGOING = re.compile(
    r"^(?:(?:ongoing\s+)?since\s+(?P<since>\S.*)"
    r"|(?P<start>.*?\S)\s*(?:(?:[-–—]|\bto\b|\buntil\b|\btill\b)\s*(?:the\s+)?"
    r"(?:present(?:\s+day)?|ongoing|today|now|current|date)\b\.?"
    r"|\s*[(\[](?:still\s+)?(?:ongoing|continuing|to\s+present)[)\]]|[-–—]))$",
    re.IGNORECASE,
)
"""A span still going on, as tables (Wikipedia's above all) write it: "2014–present",
"2022–ongoing", "March 2014 to date", "2011–", "2014 (ongoing)" and "since 2014"."""


_ONGOING_END = re.compile(
    r"^(?:present(?:\s+day)?|ongoing|today|now|current|to\s+date|continuing|still\s+ongoing|"
    r"heute|aujourd'hui|en\s+cours|actualidad|presente|oggi|in\s+corso|heden)\.?$",
    re.IGNORECASE,
)
"""An end column's word for a span still going on ("present", "ongoing")."""


def _ongoing_match(text: str) -> re.Match[str] | None:
    if not any(c in text for c in "–—-") and not re.search(r"[a-z]", text, re.IGNORECASE):
        return None  # the common case, a plain date: no regular expression
    text = without_footnotes(visible(text).strip())
    if text.endswith("-") and not re.fullmatch(r"\d{4}\s*-", text):
        return None  # "2014-" as "2014–", but "2024-06-" is a date cut short
    return _ONGOING.match(text)


def ongoing(value: object) -> bool:
    """Whether a cell is a span still going on ("2014–present", "since 2014"), which
    `parse_date` reads to today: readers say so in their report."""
    return (
        isinstance(value, str)
        and len(value) <= 200
        and (_ongoing_match(value) is not None or _ONGOING_END.match(value.strip()) is not None)
    )


def _ongoing_span(match: re.Match[str], order: DateOrder, unix: bool, raw: str) -> TimeSpan:
    """ "2014–present": from 2014 to today, the day the file is read. An event's time has
    both its ends (open ends are refused), so the span is closed at today: it is as long as
    the story is when the file is opened."""
    start = _parse_text_cached((match["since"] or match["start"]).strip(), order, unix)
    today = _dt.date.today()
    if start.start > day_from_ymd(today.year, today.month, today.day):
        raise DateError(f"{_show(raw)} is still going on, but starts after today")
    return parse_span(start.edtf, today.isoformat(), order)


_ISO_ECHO = re.compile(
    r"^(?:(?P<date>.*?[^\s(])\s*\((?P<iso>\d{4}-\d{2}(?:-\d{2})?)\)"
    r"|\((?P<iso2>\d{4}-\d{2}(?:-\d{2})?)\)\s*(?P<date2>[^\s(].*))$"
)
_YEAR_SAID = re.compile(r"(?:the\s+)?year\s+(?=\d)", re.IGNORECASE)
_YEARS_HYPHEN = re.compile(r"^(\d{4})-(\d{2})$")


def _next_year(match: re.Match[str]) -> bool:
    """Whether "YYYY-NN" is a year and the next ("2022-23", "1999-00"), NN not a month."""
    number = int(match[2])
    return number == (int(match[1]) + 1) % 100 and not 1 <= number <= 12


def _parse_text_uncached(raw: str, order: DateOrder, unix: bool) -> TimeSpan:
    # A zero-width space or a direction mark copied from a web page with the date; a
    # reference mark copied from Wikipedia ("28 June 1914[3]").
    text = without_footnotes(visible(raw).strip())
    if not text:
        raise DateError("the date is empty")
    if text.lower() in _UNKNOWN or _ZERO_DATE.match(text):  # "n/a", "n.d.": a stand-in
        raise DateError(
            f"{_show(raw)} says the date is not known: an event needs at least the span it "
            "falls in on the time line (a year, or e.g. '1900/1950'); leave out the row if "
            "none is known"
        )
    if _PLUS_YEAR.match(text):  # ISO 8601's sign of a year AD, as Wikidata writes it
        text = text[1:]
    if said := _YEAR_SAID.match(text):  # "Year 2020", "the year 1066": that year
        text = text[said.end() :]
    if not text.isascii():  # "24.02.2022 р.": the date, without the word for its year
        text = _YEAR_WORD.sub("", text)
    if (match := _YEARS_HYPHEN.match(text)) and _next_year(match):
        # "2022-23", a school year or a football season, as a table writes it: not EDTF's
        # autumn 2022 (21-24 are its seasons); "2019-20" read so already, "2011-12" is ISO's
        # December 2011; "1999-00" is 1999–2000, not 1999 with no month
        first = int(match[1])
        return _cached_parse(f"{first:04d}/{first + 1:04d}")
    if "0" in text and (zeroed := _zero_day(text, order)) is not None:
        return _cached_parse(zeroed)
    if ")" in text and ":" in text:  # "14:00:00 GMT+0000 (Coordinated Universal Time)"
        text = _ZONE_NAME.sub("", text)
    if _may_be_edtf(text):
        try:
            return _cached_parse(text)  # EDTF and plain ISO dates: the common case
        except DateError:
            pass  # its reason is worked out again below, if it is the one to give
    if match := _ISO_DATETIME.match(text):
        span = _cached_parse(_without_plus(match.group(1)))
        _check_clock(match, raw)
        return span
    if match := _ISO_BASIC_DATETIME.match(text):
        span = _ymd(int(match[1]), int(match[2]), int(match[3]), raw)
        _check_clock(match, raw)
        return span
    if _NUMBER.match(text):
        return _parse_integer(int(float(text)), unix, repr(raw))
    if echo := _ISO_ECHO.match(text):  # "1 September 1939 (1939-09-01)": Wikipedia's
        # {{start date}} keeps the day in ISO beside it, hidden, which a copy takes along
        written = _parse_text_uncached(echo["date"] or echo["date2"], order, unix)
        iso = _cached_parse(echo["iso"] or echo["iso2"])
        if written.start <= iso.start <= iso.end <= written.end:
            return written
        raise DateError(
            f"{_show(raw)}: the date and the ISO date in brackets beside it are not the same day"
        )
    if note := _trailing_note(text):  # "1066 (disputed)": the date, and a note about it
        part = note["note"].strip().lower().rstrip("-")
        if part in ("early", "mid", "late"):  # "1990s (late)": the late 1990s
            return _parse_text_uncached(f"{part} {note['date']}", order, unix)
        inner = _parse_text_uncached(note["date"], order, unix)
        if _UNSURE_NOTE.search(note["note"].lower()):
            return _qualified(inner, "?")
        if _ABOUT_NOTE.search(note["note"].lower()):
            return _qualified(inner, "~")
        return inner
    text = _without_thousands(text)  # "10,000 BC"
    lowered = _YEAR_AFTER_COMMA.sub(", ", re.sub(r"\s+", " ", text.lower()))
    if (match := _TIME_OF_DAY.match(lowered)) and not _NUMBER.match(match["date"]):
        try:
            span = _parse_text_uncached(match["date"], order, unix)
        except _WeekdayError as exc:
            raise _WeekdayError(raw, exc.reason) from None
        except DateError:
            span = None  # not a date and a time after all: the forms below say what it is
        if span is not None:
            _check_clock(match, raw)
            return span
    if match := _CTIME.match(lowered):  # "Wed Jan 03 10:15:00 +0000 2024": its day, as written
        day = f"{match['weekday']} {int(match['day'])} {match['month']} {match['year']}"
        try:
            return _parse_text_uncached(day, order, unix)
        except _WeekdayError as exc:
            raise _WeekdayError(raw, exc.reason) from None
    if match := _QUARTER.match(lowered):
        return _quarter(match, raw)
    if match := _PART_IN_WORDS.match(lowered):  # "first half of 2021": "H1 2021"
        kind = "q" if match["part"] == "quarter" else "h"
        written = _QUARTER.match(f"{kind}{_NTH[match['nth']]} {match['year']}")
        assert written is not None  # a quarter's or a half's letter, a digit and a year
        return _quarter(written, raw)
    if (span := _historians_date(lowered, order, unix, raw)) is not None:
        return span  # "XIVe siècle", "s. XIV", "14. Jahrhundert", "2nd millennium BC"
    if match := _CENTURY_BC.match(lowered):
        century = int(match[1])
        if not 1 <= century <= 99:
            raise DateError(f"{_show(raw)}: there is no such century")
        return _cached_parse(f"-{century - 1:02d}XX")  # the 3rd century BC: 300-201 BC
    if match := _CENTURY_AD.match(lowered):
        try:
            return _parse_text_uncached(match["after"] or match["before"], order, unix)
        except DateError:
            pass  # "0th century AD": the message below names the whole text
    if _SHORT_YEAR_WRITTEN.match(lowered):
        raise DateError(f"{_show(raw)}: write the year with four digits (2025 or 1925?)")
    if (match := _MONTH_SHORT_NUMBER.match(lowered)) and match["month"] in _MONTH_NAMES:
        raise DateError(
            f"{_show(raw)}: a day without its year, or a year written with two digits? Write "
            "the year with four digits (January 25, 2025), or AD for a year before 100 (25 AD)"
        )
    if (match := _DAY_MONTH_ONLY.match(lowered)) and match["month"] in _MONTH_NAMES:
        raise DateError(f"{_show(raw)}: a day without its year; write its year (26 January 2024)")
    if (match := _DAY_MONTH_SHORT_YEAR.match(lowered)) and match["month"] in _MONTH_NAMES:
        raise DateError(
            f"{_show(raw)}: a year written with two digits? Write the year with four digits "
            "(25 January 2025), or AD for a year before 100 (25 AD)"
        )
    if _DECADE_APOSTROPHE.search(lowered):
        lowered, text = (
            _DECADE_APOSTROPHE.sub(r"\1s", lowered),
            _DECADE_APOSTROPHE.sub(r"\1s", text),
        )
    if match := _DECADES.match(lowered):  # "1990s–2000s": from the one decade to the other
        if match[1].endswith("0") and match[2].endswith("0"):  # "1100s–1200s": centuries?
            first, last = int(match[1]) * 10, int(match[2]) * 10
            centuries = f"{ordinal(first // 100 + 1)}–{ordinal(last // 100 + 1)} centuries"
            raise DateError(
                f"{_show(raw)} could be decades ({first}–{last + 9}) or centuries (the "
                f"{centuries}): write 'the {centuries}' or '{first}/{last + 9}'"
            )
        return parse_span(f"{match[1]}X", f"{match[2]}X", order)
    if (match := _OSM_CENTURY.match(lowered)) and int(match["century"]):
        century = ordinal(int(match["century"]))
        if not match["part"]:  # "C12" alone may be a code (`test_years_with_separators…`)
            raise DateError(
                f"{_show(raw)} is not a date we can read (if it is the {century} century, as "
                f"OpenStreetMap writes it, write '{century} century')"
            )
        return _parse_text_uncached(f"{match['part']} {century} century", order, unix)
    if match := _APPROX.match(lowered):
        return _qualified(_parse_text_uncached(match.group(1), order, unix), "~")
    if match := _UNSURE.match(lowered):  # "probably 1850", "1850s?", "44 BC?"
        return _qualified(_parse_text_uncached(match["date"] or match["date2"], order, unix), "?")
    if match := _ERA_YEAR_BC.match(lowered):  # "10000 BC": the earliest a time line goes
        return _year_bc_beyond(int(match["year"]), raw)
    # "44 BC", "AD 79", "BC 44": before "January 2025", as "BCE 44" names no month
    if match := _ERA_YEAR.match(lowered):
        era = match.group("era") or match.group("pre")
        return _year(_era_year(int(match.group("year")), era, raw))
    if match := _OPEN_ENDED.match(lowered):  # "before 1066": said why, not "'before' is no month"
        _refuse_open_ended(match, order, unix, raw)
    if (match := _MONTH_PAIR.match(lowered)) and all(
        _month_or_season(match[n]) for n in ("first", "last")
    ):  # "June-July 1944", "Jan/Feb 2021": from the one to the other, as "June – July 1944"
        return _parse_text_uncached(
            f"{match['first']} – {match['last']} {match['year']}", order, unix
        )
    for pattern in _WRITTEN:
        if match := pattern.match(lowered):
            try:
                return _written(match, raw)
            except _WeekdayError:
                raise
            except DateError:
                # "Winter 2014" or "Spring, 2014": a season; "Herbst 1989", "otoño de 1936"
                if (season := _SEASON_NAMES.get(match["month"])) is not None:
                    text = f"{season} {match['year']}"
                if (span := _from_prose(re.sub(r",\s*", " ", text))) is not None:
                    return span
                raise
    if match := _NUMERIC.match(text):
        return _numeric(match, order, raw)
    if match := _MONTH_YEAR.match(text):  # "6/1914": June 1914
        return _ymd(int(match["year"]), int(match["month"] or match["dotted"]), None, raw)
    if match := _SEASON_YEARS.match(lowered):  # "winter 2014–15": "15" is not a year of its own
        from mapexplorer.importer.dates import season_span  # imported when first needed

        try:
            return season_span(match["season"], int(match["year"]), match["until"])
        except DateError as exc:
            raise DateError(f"{_show(raw)}: {exc}") from None
    if (match := _RANGE.match(text)) and "/" not in text:
        try:
            return _range(match.group(1), match.group(2), order)
        except _WeekdayError:
            raise
        except DateError:
            # "from Aug. 25 to Sept. 17, 1941": a range as the article importer reads it
            if (span := _from_prose(text)) is not None:
                return span
            raise
    if match := _RANGE.match(text):  # "6/1914 – 11/1918", "17/01/2025 – 20/01/2025"
        try:
            return _range(match.group(1), match.group(2), order)
        except DateError:
            pass  # if it looks like EDTF, EDTF's reason is given below
    if _SHORT_NUMERIC.match(text):
        raise DateError(
            f"{_show(raw)} has no year in full: write a day with its year (6/12/2012) or a "
            "month with its year's four digits (6/2012)"
        )
    if _FLOAT.match(text):
        value = float(text)
        if "e" in text.lower() and not (unix and abs(value) >= _UNIX_MIN_SECONDS):
            # "1.737e9" is a spreadsheet's Unix time; "1e3" is no way to write a year
            raise DateError(f"{_show(raw)} is not a date")
        return _parse_number(value, unix, _show(raw))
    if re.match(r"^[+-]?\d{4,}-", text) or "/" in text:
        if _YEAR_HYPHEN_YEAR.match(text) and (span := _from_prose(text)) is not None:
            return span  # "1941-1945", "1939-45": years joined by a hyphen, as by a dash
        if (both := year_slash_readings(text)) is not None:
            # "1914/18", "1939/45" as British books write the wars; "2010/11", a school or
            # fiscal year, or November 2010 (`year_slash_readings`); "2010/03", March 2010
            return _cached_parse(both[0])
        raise _edtf_reason(text, raw)  # it looks like EDTF, so the EDTF reason is the useful one
    if (span := _from_prose(text)) is not None:
        return span
    if hundreds := re.search(r"\b(\d{1,2})00s\b", text):
        first, century = int(hundreds.group(1)) * 100, ordinal(int(hundreds.group(1)) + 1)
        raise DateError(
            f"{_show(raw)} could be a decade ({first}–{first + 9}) or a century (the "
            f"{century} century): write 'the {century} century' or '{first}/{first + 9}'"
        )
    raise DateError(
        f"{_show(raw)} is not a date we can read: write it as 2025-01-17, "
        "17 January 2025, January 17, 2025, the 1980s or the 19th century"
    )


_ROMAN = re.compile(r"^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman(text: str) -> int | None:
    """A Roman numeral's value ("xiv" is 14); None for anything else ("xiiii", "ic")."""
    if not text or not _ROMAN.match(text):
        return None
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0], strict=True))


# A century's or a millennium's number: Roman ("XIV", "XIVe", "XIVᵉ", "XIV." as German writes
# it) or Arabic with its ordinal's ending ("14th", "14e", "14ème", "14.", "14º").
_NTH = (
    r"(?:(?P<{0}>[ivxlcdm]+)|(?P<{0}n>\d{{1,2}})(?=st|nd|rd|th|e|è|ᵉ|er|re|o|º|°|\.))"
    r"(?:st|nd|rd|th|ème|eme|e|è|ᵉ|er|re|o|º|°)?\.?"
)
_CENTURY_AFTER = r"(?:century|centuries|cent\.?|c\.|siècles?|siecles?|s\.|secolo|secoli|jahrhunderts?|jh\.|jhdt\.)"
_CENTURY_BEFORE = r"(?:siglos?|s\.|sec\.|saec\.|sæc\.|secolo|secoli|century)"
_BC_WORDS = (
    r"bce?|b\.\s?c\.(?:\s?e\.)?|a\.\s?c\.?|ac|a\.\s?de\s?c\.|av\.\s?j\.?-?\s?c\.?"
    r"|avant\s+j\.?-?\s?c\.?|v\.\s?chr\.?|vor\s+christus|before\s+christ"
)
_AD_WORDS = (
    r"ad|a\.\s?d\.|ce|c\.\s?e\.|d\.\s?c\.?|dc|ap\.\s?j\.?-?\s?c\.?|n\.\s?chr\.?|nach\s+christus"
)
_ERA_AFTER = rf"(?:,?\s*(?:(?P<bc>{_BC_WORDS})|{_AD_WORDS}))?"
_HISTORIANS_CENTURY = re.compile(
    rf"^(?P<before>.*?)(?:"
    rf"{_CENTURY_BEFORE}\s*{_NTH.format('a')}(?:\s*[-–—/]\s*{_NTH.format('b')})?"
    rf"|{_NTH.format('c')}(?:\s*[-–—/]\s*{_NTH.format('d')})?\s*-?\s*{_CENTURY_AFTER}"
    rf"){_ERA_AFTER}$"
)
"""A century as historians write it in many languages: "XIV century", "s. XIV", "sec. XIV",
"siglo XIV", "XIV secolo", "XIVe siècle", "14. Jahrhundert", "14th c.", "14th-c.", "siglos
XIV–XV", each maybe BC ("a.C.", "av. J.-C.", "v. Chr.") or AD ("d.C.", "n. Chr.")."""
_HISTORIANS_MILLENNIUM = re.compile(
    rf"^(?:the\s+)?(?:{_NTH.format('c')}\s*(?:millennium|millenium|millénaire|millenaire"
    rf"|millennio|milenio|jahrtausends?|jt\.|jtsd\.)"
    rf"|(?:millennium|millenium|milenio|millennio)\s+{_NTH.format('a')}){_ERA_AFTER}$"
)
"""A millennium: "1st millennium BC", "2nd millennium", "IIe millénaire av. J.-C.",
"2. Jahrtausend v. Chr.", "II millennio a.C."."""
_ROMAN_DAY = re.compile(
    r"\b(?P<day>kalends|calends|kalendae|kal\.|nones|nonae|non\.|ides|idus|id\.)\s+(?:of\s+)?"
    r"(?:the\s+)?(?P<month>[a-z]+)\.?,?\s*(?P<year>.*)$"
)
_HIJRI = re.compile(
    r"^(?:(?P<year>\d{1,4})\s*(?:ah|a\.\s?h\.?)|(?:ah|a\.\s?h\.)\s*(?P<year2>\d{1,4}))$"
    r"|(?:\s|^)(?:ah|a\.\s?h\.?)$"
)
"""A year of the Hijri (Islamic) calendar, "1350 AH", "AH 1350", or a Hijri date ("12 Rabi'
al-Awwal 1350 AH")."""


def _number(match: re.Match[str], name: str) -> int | None:
    """The number a `_NTH` group holds (Roman or Arabic); None when it holds none, 0 when its
    letters are no Roman numeral."""
    if match[name] is not None:
        return _roman(match[name]) or 0
    if match[name + "n"] is not None:
        return int(match[name + "n"])
    return None


def _first_number(match: re.Match[str], name: str, other: str, default: int = 0) -> int:
    """The number of the first of two `_NTH` groups that holds one, else `default`."""
    for group in (name, other):
        if (number := _number(match, group)) is not None:
            return number
    return default


def _historians_date(lowered: str, order: DateOrder, unix: bool, raw: str) -> TimeSpan | None:
    """A century or a millennium as historians write it in tables ("XIVe siècle", "s. XIV",
    "14. Jahrhundert", "1st millennium BC"), read as "the 14th century" is; the days of the
    Roman calendar ("the Ides of March") and of the Hijri one are refused, saying what to
    write, or, for a Hijri year alone ("1350 AH"), read as the years AD it overlaps. None for
    anything else."""
    if match := _HISTORIANS_MILLENNIUM.match(lowered):
        number = _first_number(match, "c", "a")
        if not number or number > 10:
            raise DateError(f"{_show(raw)}: there is no such millennium")
        return _cached_parse(f"{'-' if match['bc'] else ''}{number - 1}XXX")
    if match := _HISTORIANS_CENTURY.match(lowered):
        first = _first_number(match, "a", "c")
        last = _first_number(match, "b", "d", first)
        if not first or not last:  # letters that are no Roman numeral ("XIIII"): no century
            if "mid-" in lowered:  # "mid-3rd century BC": not the letters "mid" as a numeral
                return _historians_date(lowered.replace("mid-", "mid "), order, unix, raw)
            return None
        if first > 99 or last > 99:
            raise DateError(f"{_show(raw)}: there is no such century")
        sign = "-" if match["bc"] else ""
        if sign and (span := _part_of_century_bc(match["before"], first, last)) is not None:
            return span  # "early 3rd century BC", "the 14th and 15th centuries BC"
        if match["before"].strip():  # "early XIV century", "c. s. XIV": as in English
            english = f"{match['before'].strip()} {ordinal(first)} century"
            if last != first or sign or english == lowered:  # English: read further on
                return None
            try:
                return _parse_text_uncached(english, order, unix)
            except DateError:
                return None  # the message below names the whole text
        if first == last:
            return _cached_parse(f"{sign}{first - 1:02d}XX")
        if sign:  # "14th–15th century BC" as "15th–14th": the two centuries, the earlier first
            first, last = max(first, last), min(first, last)
        return parse_span(f"{sign}{first - 1:02d}XX", f"{sign}{last - 1:02d}XX")
    if match := _ROMAN_DAY.search(lowered):
        _refuse_roman_day(match, raw)
    if match := _HIJRI.search(lowered):
        return _hijri_year(match, raw)
    return None


_CENTURY_AND = re.compile(rf"^(?:the\s+)?{_NTH.format('a')}\s*(?:and|or|to|[-–—/])\s*(?:the\s+)?$")
"""The first century of two written out before the second, "the 14th and " of "the 14th and
15th centuries BC"."""


def _part_of_century_bc(before: str, first: int, last: int) -> TimeSpan | None:
    """A part of a century BC, the words before it counting back as the years do: "early 3rd
    century BC" is its first third, 300–267 BC, as "early 3rd century" is 200–233; or the
    first of two centuries, "the 14th and 15th centuries BC" (1500–1301 BC). None for any
    other words before it."""
    from mapexplorer.importer.dates import century_bc_part  # imported when first needed

    words = re.sub(r"\s+", " ", before).strip().removeprefix("the ").rstrip("- ").strip()
    if not words:
        return None
    if first == last and (years := century_bc_part(first, words)) is not None:
        return parse_span(_year(years[0]).edtf, _year(years[1]).edtf)
    if first == last and (match := _CENTURY_AND.match(before.strip())):
        other = _number(match, "a")
        if other and other <= 99 and other != first:
            early, late = max(first, other), min(first, other)
            return parse_span(f"-{early - 1:02d}XX", f"-{late - 1:02d}XX")
    return None


_ROMAN_DAYS = {"k": "Kalends", "c": "Kalends", "n": "Nones", "i": "Ides"}


def _refuse_roman_day(match: re.Match[str], raw: str) -> None:
    """Why "the Ides of March 44 BC" is not read: a day of the Roman calendar, which tables
    should give as the day of the month it is (the Kalends the 1st, the Nones the 5th or the
    7th, the Ides the 13th or the 15th); the message says which."""
    month = _MONTH_NAMES.get(match["month"])
    name = _ROMAN_DAYS[match["day"][0]]
    if month is None:
        raise DateError(
            f"{_show(raw)} is a day of the Roman calendar: write the day of the month it is "
            "(the Kalends are the 1st, the Nones the 5th or 7th, the Ides the 13th or 15th)"
        )
    late = month in (3, 5, 7, 10)  # March, May, July and October: the Nones and Ides later
    day = {"Kalends": 1, "Nones": 7 if late else 5, "Ides": 15 if late else 13}[name]
    month_name = _MONTHS_IN_WORDS[month - 1]
    year = raw[len(raw) - len(match["year"]) :].strip() if match["year"] else ""
    if re.search(r"\b(?:before|ante|pridie|a\.d\.)\b|\bday", _lowered_prefix(raw, match)):
        raise DateError(
            f"{_show(raw)} counts back from a day of the Roman calendar: write the day of the "
            f"month it is (the {name} of {month_name} is {day} {month_name})"
        )
    written = f"{day} {month_name}" + (f" {year}" if year else "")
    raise DateError(
        f"{_show(raw)} is a day of the Roman calendar: the {name} of {month_name} is "
        f"{day} {month_name}, so write '{written}'" + ("" if year else " and its year")
    )


def _lowered_prefix(raw: str, match: re.Match[str]) -> str:
    """The words before the Roman day's name ("3 days before the Ides…"), lowered."""
    return re.sub(r"\s+", " ", raw.lower())[: match.start()]


# The tabular Islamic calendar (the civil one, epoch 16 July 622, Julian): within a day or two
# of the calendar as observed, so a year's days are known to about a day.
_HIJRI_EPOCH = day_from_ymd(622, 7, 19)  # 1 Muharram AH 1, proleptic Gregorian


def _hijri_first_day(year: int) -> int:
    """The day number of 1 Muharram of a Hijri year (`model.time`'s days: any year works)."""
    return _HIJRI_EPOCH + (year - 1) * 354 + (3 + 11 * year) // 30


def hijri_days(value: object) -> tuple[int, int] | None:
    """The first and last day (day numbers) of the Hijri year a cell gives alone ("1350 AH",
    "AH 1350"), which `parse_date` reads as the years AD it overlaps: readers say so in the
    event's date note. None for any other cell."""
    if not isinstance(value, str) or len(value) > 40 or not ("h" in value or "H" in value):
        return None
    text = without_footnotes(visible(value).strip()).lower()
    match = _HIJRI.match(text)
    year_text = match and (match["year"] or match["year2"])
    if not year_text or not 0 < int(year_text) < 9666:  # 9666 AH ends after 9999 AD: refused
        return None
    year = int(year_text)
    return _hijri_first_day(year), _hijri_first_day(year + 1) - 1


def _hijri_year(match: re.Match[str], raw: str) -> TimeSpan:
    """ "1350 AH": a year of the Hijri calendar, about 354 days, read as the years AD it
    overlaps (1931/1932: 1350 AH began about 18 May 1931); a Hijri date is refused, saying
    what to write."""
    year_text = match["year"] or match["year2"]
    if year_text is None:
        raise DateError(
            f"{_show(raw)} is a date of the Hijri (Islamic) calendar: write its day in the "
            "Gregorian calendar (2025-01-17); a Hijri year alone ('1350 AH') is read as the "
            "years AD it overlaps"
        )
    year = int(year_text)
    if year == 0:
        raise DateError(f"{_show(raw)}: the Hijri calendar has no year 0 (it starts at 1 AH)")
    first = ymd_from_day(_hijri_first_day(year))[0]
    last = ymd_from_day(_hijri_first_day(year + 1) - 1)[0]
    if last > 9999:
        raise DateError(
            f"{_show(raw)} ends in the year {last} AD, beyond 9999, the last a date can hold"
        )
    return _year(first) if first == last else parse_span(first, last)


_TRAILING_NOTE = re.compile(r"^(?P<date>.*?[^\s(\[-])\s*[(\[](?P<note>[^()\[\]]{1,60})[)\]]$")
"""A date with a note in brackets after it, as tables of history write them: "1066
(disputed)", "14 October 1066 (Julian)", "c. 1350 [est.]"."""
_UNSURE_NOTE = re.compile(
    r"^\?$|\b(?:disputed|contested|uncertain|unconfirmed|unverified|unsure|unclear|doubtful"
    r"|probabl[ey]|possibl[ey]|likely|perhaps|maybe|reported|alleged|unknown)\b"
)
_ABOUT_NOTE = re.compile(
    r"\b(?:approx|approximate|approximately|est|estimate|estimated|about|around|circa|ca|c"
    r"|roughly)\b"
)


_ZONE_NAME = re.compile(r"(?<=\d)\s*\([^()\d]{2,50}\btime\)$", re.IGNORECASE)
"""A time zone's name in brackets after a time of day, as JavaScript writes a date ("Wed Jan
06 2021 14:00:00 GMT+0000 (Coordinated Universal Time)"): part of the time, not a note."""


def _trailing_note(text: str) -> re.Match[str] | None:
    """The date and the note of a date with a note in brackets after it (words, or "?"); None
    for anything else, such as EDTF's own brackets or a time zone's name."""
    match = _TRAILING_NOTE.match(text)
    if match is None or not re.search(r"[^\W\d_]|^\s*\?\s*$", match["note"]):
        return None
    if _ZONE_NAME.search(text) and ":" in match["date"]:
        return None
    return match


def date_note(value: object) -> str:
    """The note in brackets after a cell's date ("disputed" of "1066 (disputed)"), which is
    not part of the date (`parse_date` reads "1066", uncertain); "" when the cell has none.
    Readers keep it as the event's date note and say so in their report."""
    if not isinstance(value, str) or not (")" in value or "]" in value):
        return ""
    match = _trailing_note(without_footnotes(visible(value).strip()))
    return match["note"].strip() if match else ""


def _qualified(span: TimeSpan, mark: str) -> TimeSpan:
    """`span` about ("~") or uncertain ("?"), an interval at both its ends ("c. 138–126 BC"
    is "-0137~/-0125~"); both ("%") when it is already the other ("c. 1850?", "c. 1066
    (disputed)"); as it is when it is already so."""
    other = "?" if mark == "~" else "~"

    def end_qualified(end: str) -> str:  # each end: "c.1500–c.1550" was "1500/1550~"
        if "%" in end or mark in end:
            return end
        return end.replace(other, "%") if other in end else end + mark

    try:
        return _cached_parse("/".join(end_qualified(end) for end in span.edtf.split("/")))
    except DateError:  # a form EDTF cannot qualify: the date as read
        return span


_OPEN_ENDED = re.compile(
    r"^(?:(?P<before>before|prior to|until|till|up to|by|no later than|not after|earlier than"
    r"|pre(?:-|\s))|(?P<after>after|since|from|no earlier than|not before|later than"
    r"|post(?:-|\s)))\s*(?P<date>\S.*)$"
)
"""A date open at one end: "before 1066", "after 1066", "since 2014", "pre-1914"."""


def _refuse_open_ended(match: re.Match[str], order: DateOrder, unix: bool, raw: str) -> None:
    """Why "before 1066" is no date: an event's span needs both its ends to be drawn on the
    time line (EDTF's open ends, "../1066", are refused too). Nothing when the words after
    "before" are no date: the reason given is then the usual one."""
    try:
        span = _parse_text_uncached(match["date"], order, unix)
    except DateError:
        return
    if "/" in span.edtf:  # "from Aug. 25 to Sept. 17, 1941": both ends, read further on
        return
    end = "start" if match["before"] else "end"
    year = int(iso_from_day(span.start if match["before"] else span.end).lstrip("+")[:-6])
    example = ""
    if year > 10:  # a span of ten years, as an example (not one before year 1, or BC)
        first, last = (year - 10, span.edtf) if match["before"] else (span.edtf, year + 10)
        example = f" (e.g. '{first}/{last}')"
    raise DateError(
        f"{_show(raw)} has no {end}, and an event needs both ends of its time to go on the "
        f"time line: write the span it falls in as 'first/last'{example}, or '{span.edtf}?' "
        "if it is likely that date"
    )


_QUARTER = re.compile(
    r"^(?:(?P<kind>[qh])(?P<number>[1-4])\s*[-/ ]?\s*(?P<year>\d{4})"
    r"|(?P<year2>\d{4})\s*[-/ ]?\s*(?P<kind2>[qh])(?P<number2>[1-4]))$"
)
"""A quarter or a half of a year, as reports and finance sheets write them: "Q3 2021",
"2021-Q3", "2021 Q3", "Q3/2021"; "H1 2021"."""
_PART_IN_WORDS = re.compile(
    r"^(?:the\s+)?(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th)\s+(?P<part>quarter|half)"
    r",?\s+(?:of\s+)?(?P<year>\d{4})$"
)
"""The same in words: "first half of 2021", "3rd quarter 2021"."""
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter(match: re.Match[str], raw: str) -> TimeSpan:
    kind = match["kind"] or match["kind2"]
    number = int(match["number"] or match["number2"])
    year = int(match["year"] or match["year2"])
    months = 3 if kind == "q" else 6
    if kind == "h" and number > 2:
        raise DateError(f"{_show(raw)}: a year has two halves, H1 and H2")
    first = (number - 1) * months + 1
    return _cached_parse(f"{year:04d}-{first:02d}/{year:04d}-{first + months - 1:02d}")


def _check_clock(match: re.Match[str], raw: str) -> None:
    """Refuse a time of day no clock shows ("25:00", "24:61", "13:30 PM"): the day is read
    from the date alone, so a mistyped time would otherwise pass unseen. A leap second
    (":60") is allowed; "24:00" (the end of the day, which ISO 8601 allows) is refused, as it
    would be the next day's midnight and the file would more likely mean the day written."""
    groups = match.groupdict()
    hour, minute = int(groups["hour"]), int(groups["minute"] or 0)
    second = int(groups["second"] or 0)
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if groups["second"] else "")
    if meridiem := groups.get("meridiem"):
        clock += " " + meridiem.upper()
        if hour > 12:
            raise DateError(
                f"{_show(raw)}: {clock} is not a time of day (with AM or PM, hours go from 1 to 12)"
            )
    elif hour == 24 and minute == second == 0:
        raise DateError(
            f"{_show(raw)}: {clock} is the end of the day, which could mean either day: "
            "write 23:59, or 00:00 of the next day"
        )
    elif hour > 23:
        raise DateError(f"{_show(raw)}: {clock} is not a time of day (hours go from 00 to 23)")
    if minute > 59:
        raise DateError(f"{_show(raw)}: {clock} is not a time of day (minutes go from 00 to 59)")
    if second > 60:  # 60: a leap second
        raise DateError(f"{_show(raw)}: {clock} is not a time of day (seconds go from 00 to 59)")
    if offset := groups.get("offset"):
        _check_offset(offset, raw)


_OFFSET_LIMITS = {"+": 14 * 60, "-": 12 * 60}
"""How far, in minutes, time zones are ahead of UTC (UTC+14:00, Kiribati's Line Islands) and
behind it (UTC-12:00, Baker Island): an offset beyond is a typing mistake, not a place."""


def _check_offset(offset: str, raw: str) -> None:
    """Refuse a time-zone offset no clock uses ("+25:00", "+05:75"), as `_check_clock` refuses
    an impossible time of day: the day is read as written, so the offset would pass unseen."""
    digits = offset[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    shown = f"{offset[0]}{hours:02d}:{minutes:02d}"
    if minutes > 59:
        raise DateError(
            f"{_show(raw)}: {shown} is not a time-zone offset (minutes go from 00 to 59)"
        )
    if hours * 60 + minutes > _OFFSET_LIMITS[offset[0]]:
        raise DateError(
            f"{_show(raw)}: {shown} is not a time-zone offset (they go from -12:00 to +14:00)"
        )


def _zero_day(text: str, order: DateOrder) -> str | None:
    """The EDTF of a date whose day (and month) is 0 for "unknown" ("1944-03-00" is
    "1944-03"); None for any other text."""
    if (match := _ZERO_DAY_ISO.match(text)) is not None:
        return match["only"] or f"{match['year']}-{match['month']}"
    if (match := _ZERO_DAY_NUMERIC.match(text)) is None:
        return None
    day, month = (match["a"], match["b"])
    if order == "mdy" and match["sep"] != ".":
        day, month = month, day
    if int(day) != 0 or not 0 <= int(month) <= 12:
        return None
    return match["year"] if int(month) == 0 else f"{match['year']}-{int(month):02d}"


def _month_or_season(word: str) -> bool:
    return (
        word in _MONTH_NAMES
        or word in _SEASON_NAMES
        or word in _FOREIGN_SEASONS
        or (word == "fall")
    )


def _from_prose(text: str) -> TimeSpan | None:
    """A date as people write it in notes and teaching files, read as the article importer
    reads it in a text: "the 1990s", "early 1990s", "mid-20th century", "the 18th and 19th
    centuries", "Winter 2014". Only when that one date is the whole cell; never "the 1800s",
    which the importer has to guess (the century) but a file can say plainly."""
    from mapexplorer.importer.dates import EXPLICIT, find_dates  # imported when first needed

    mentions = find_dates(text)
    if len(mentions) != 1 or mentions[0].kind != EXPLICIT:
        return None
    mention = mentions[0]
    if re.search(r"\d00s\b", mention.text) or (text[: mention.start] + text[mention.end :]).strip():
        return None
    return mention.span


_EDTF_ENDPOINT = re.compile(r"-?[\dX]{4,}(?:-[\dX]{2}){0,2}")
"""`TimeSpan`'s endpoint, loosened (any digits): every date it accepts has this shape."""
_QUALIFIERS = str.maketrans("", "", "~?%")


def _may_be_edtf(text: str) -> bool:
    """Whether `TimeSpan.parse` could accept the (stripped) text: one or two ends shaped like
    `_ENDPOINT` once the qualifiers are gone. Anything else would fail, and only after the
    EDTF grammar (pyparsing, ~1-4 ms a string) had tried it: "18 October 2004", the form of a
    whole ACLED column of thousands of distinct days, took ~12 s of a 100,000-row file."""
    if text[0].isalpha():
        return False  # words ("Y17000" and "XXXX-12-25" are refused further on, as before)
    ends = text.translate(_QUALIFIERS).split("/")
    return len(ends) <= 2 and all(_EDTF_ENDPOINT.fullmatch(end) for end in ends)


def _edtf_reason(text: str, raw: str) -> DateError:
    """Why a text that looks like EDTF is not a date EDTF can place (the parser's reason)."""
    if not text[0].isalpha() or text[0] == "Y":  # as before: "Y17000" gets EDTF's reason
        try:
            _cached_parse(text)
        except DateError as exc:
            return exc
    return DateError(f"{_show(raw)} is not a valid EDTF date")


_BARE_YEAR = re.compile(r"^(?:c\.?|ca\.?|circa)?\s*\d{1,5}$")
"""A year with no era, maybe "about" it: the start of a range takes the era of its end."""


def _range(left: str, right: str, order: DateOrder) -> TimeSpan:
    """ "1941–1945", "17–20 January 2025", "17 January – 3 February 2025"."""
    last = parse_date(right, order)
    words = right.split()
    candidates = [left]
    if last.edtf.startswith(("-", "0000")) and _BARE_YEAR.match(left.lower()):
        candidates.insert(0, f"{left} BC")  # "753–509 BC", "c. 1200–1150 BC": both are BC
    day = left.rstrip(".")
    if left.isdigit() and len(left) <= 2 and len(words) >= 3:  # "17" – "20 January 2025"
        candidates = [f"{left} {' '.join(words[1:])}"]
    elif day.isdigit() and len(day) <= 2 and re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", last.edtf):
        # "3–5.3.2021", as German and Russian sheets write days: the 3rd of that month, not
        # the year 3 (a day beside a day's whole date is never a year)
        numeric = _NUMERIC.match(right.strip())
        dotted = numeric is not None and (numeric[2] == "." or order == "dmy")
        if dotted and len(numeric[1]) <= 2:  # type: ignore[index]
            sep = numeric[2]  # type: ignore[index]
            candidates = [f"{day}{sep}{numeric[3]}{sep}{numeric[4]}"]  # type: ignore[index]
        else:
            candidates = []
    elif not left[-4:].isdigit() and len(words) >= 2:  # "17 January" – "3 February 2025"
        borrowed = f"{left} {words[-1]}"
        if _DAY_AFTER_MONTH.search(left) and re.fullmatch(r"\d{3,4}", words[-1]):
            candidates.insert(0, borrowed)  # "Aug. 25" – "Sept. 17, 1941": a day, not the year 25
        else:
            candidates.append(borrowed)
    for candidate in candidates:
        try:
            first = parse_date(candidate, order)
        except _WeekdayError:
            raise
        except DateError:
            continue
        return parse_span(first.edtf, last.edtf, order)
    raise DateError(f"{_show(left + ' – ' + right)}: cannot read the start of this range")


def _without_thousands(text: str) -> str:
    """ "10,000 BC" as "10000 BC", "2,500–1,500 BC" as "2500–1500 BC": a year of thousands
    with its separator (a comma, or a space as French writes it), read so only when an era
    names it a year; "1,850" alone, or "17 January 1,850", is left as written."""
    if not _THOUSANDS.search(text) or not _ERA_WORD.search(text.lower()):
        return text
    return _THOUSANDS.sub(lambda m: "".join(g for g in m.groups() if g), text)


def _year_bc_beyond(year: int, raw: str) -> TimeSpan:
    """A year BC of five digits: 10,000 BC is the earliest a date of four digits can hold
    (the astronomical year -9999); before it, said so."""
    if year > 10_000:
        raise DateError(
            f"{_show(raw)} is too long ago for the time line, which goes back to 10,000 BC"
        )
    return _year(1 - year)


def _era_year(year: int, era: str | None, raw: str) -> int:
    """An astronomical year: 1 BC is year 0, 44 BC is -43."""
    if era and era.startswith("b"):
        if year == 0:
            raise DateError(f"{_show(raw)}: there is no year 0 BC")
        return 1 - year
    return year


class _WeekdayError(DateError):
    """A day whose weekday is not the one written: no other form reads it either. `reason`:
    the message without the text it is about, to name a longer text it was part of."""

    def __init__(self, raw: str, reason: str) -> None:
        super().__init__(f"{_show(raw)}: {reason}")
        self.reason = reason


def _written(match: re.Match[str], raw: str) -> TimeSpan:
    name = match.group("month")
    month = _MONTH_NAMES.get(name)
    if month is None:
        raise DateError(f"{_show(raw)}: {name!r} is not a month{_month_guess(name)}")
    year = _era_year(int(match.group("year")), match.groupdict().get("era"), raw)
    day = match.groupdict().get("day")
    span = _ymd(year, month, int(day) if day else None, raw)
    if (weekday := match.groupdict().get("weekday")) and day and year >= _CHECKED_WEEKDAYS:
        actual = _WEEKDAY_NAMES[_dt.date(year, month, int(day)).weekday()]
        if not actual.lower().startswith(weekday):
            written = span.describe(weekday=False)
            named = next(n for n in _WEEKDAY_NAMES if n.lower().startswith(weekday))
            raise _WeekdayError(
                raw, f"{written} was a {actual}, not a {named}: correct the day or the weekday"
            )
    return span


def _numeric(match: re.Match[str], order: DateOrder, raw: str) -> TimeSpan:
    a, separator, b, c = match.groups()
    if len(a) == 4 or (len(a) == 3 and len(c) <= 2 and separator != "."):
        # 2025/01/17; "800-12-25" (ISO's order, the year of three digits: 800)
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 or (len(c) == 3 and separator != "-"):
        x, y = int(a), int(b)
        if separator == ".":  # 17.01.2025 is always day first
            day, month = x, y
        elif x > 12 >= y:
            day, month = x, y
        elif y > 12 >= x:
            day, month = y, x
        else:
            day, month = (x, y) if order == "dmy" else (y, x)
        year = int(c)
    else:
        raise DateError(f"{_show(raw)}: write the year in full (four digits)")
    return _ymd(year, month, day, raw)


def _ymd(year: int, month: int, day: int | None, raw: str) -> TimeSpan:
    if not 1 <= month <= 12:
        raise DateError(f"{_show(raw)} has no month {month}")
    if day is None:
        text = f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}"
        return _cached_parse(text)
    first = day_from_ymd(year, month, 1)
    length = day_from_ymd(year + (month == 12), month % 12 + 1, 1) - first
    if not 1 <= day <= length:
        raise DateError(f"{_show(raw)} is not a real day (that month has {length} days)")
    return _cached_parse(iso_from_day(first + day - 1).lstrip("+"))
