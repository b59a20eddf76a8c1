"""Date expressions in English prose → EDTF time spans at their true precision.

`find_dates` scans a text left to right. Absolute expressions ("Sept. 3, 1941", "the 1990s",
"the 18th and 19th centuries") stand alone; "two years later" and "the following year" count
from the previous date in the text; "last month", "Friday" and "recently" count from the
publication date (skipped when it is unknown). Each mention keeps its character offsets.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mapexplorer.importer.periods import NAMED_PERIODS
from mapexplorer.model.time import (
    MONTH_NAMES,
    DateError,
    Precision,
    TimeSpan,
    day_from_ymd,
    iso_from_day,
    ordinal,
    ymd_from_day,
)

__all__ = [
    "DateMention",
    "find_dates",
    "month_number",
    "season_span",
    "told_as_past",
    "tells_what_followed",
    "tells_what_is",
    "MONTH",
    "DAY",
    "YEAR",
    "WEEKDAYS",
]

# Kinds of mention, from the most to the least trustworthy.
EXPLICIT, NAMED, FROM_PREVIOUS, FROM_PUBLISHED = (
    "explicit",
    "named",
    "from-previous",
    "from-published",
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in the text and the span of days it stands for."""

    start: int
    end: int
    text: str
    span: TimeSpan
    kind: str
    note: str = ""
    alternatives: tuple[TimeSpan, ...] = ()


# --- building blocks ---------------------------------------------------------------------------

# Atomic (?>…): an abbreviation keeps its dot. Were "Dec." allowed to give it back, "in Dec.
# 2024" would read as "in Dec" (a month without a year) followed by ". 2024".
MONTH = (
    r"(?>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?![A-Za-z-])"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR_DIGITS = r"(?:1[0-9]{3}|20[0-9]{2})(?![\d%]|,\d|\.\d)"
YEAR = rf"(?<![\d$£€.,/-]){_YEAR_DIGITS}"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NOT_A_YEAR_AFTER = (
    r"(?!\s+(?:people|troops|soldiers|km|kilometers|kilometres|miles|meters|metres|feet|tons|"
    r"tonnes|dollars|euros|members|cases|votes|times|percent|workers|men|women|children|"
    # a time of day as wires write it: "at 1800 GMT", "(0024 GMT Tuesday)"
    r"GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hours|hrs|local\s+time)\b)"
)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fifty": 50, "a hundred": 100, "a few": 3, "several": 3,
    "a couple of": 2, "a couple": 2,
}  # fmt: skip
NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + ")"
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")"
)
UNIT = r"(?:years?|months?|weeks?|days?|decades?)"


def month_number(text: str) -> int:
    """1–12 for a month name or abbreviation ("Sept." → 9)."""
    key = text.strip().rstrip(".").lower()[:3]
    return [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ].index(key) + 1


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _ordinal(text: str) -> int:
    text = text.lower()
    return _ORDINAL_WORDS[text] if text in _ORDINAL_WORDS else int(text[:-2])


def _number(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else _NUMBERS[text]


# --- EDTF helpers ------------------------------------------------------------------------------


def _y(year: int) -> str:
    return f"{year:04d}" if year >= 0 else f"-{abs(year):04d}"


def _ym(year: int, month: int) -> str:
    return f"{_y(year)}-{month:02d}"


def _ymd(year: int, month: int, day: int) -> str:
    return f"{_y(year)}-{month:02d}-{day:02d}"


def _span(text: str) -> TimeSpan:
    return TimeSpan.parse(text)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_span(year: int, month: int) -> TimeSpan:
    return _span(_ym(year, month))


def _shift(span: TimeSpan, amount: int, unit: str) -> TimeSpan:
    """A span moved by `amount` units, at the coarser of its precision and the unit's."""
    unit = unit.rstrip("s")
    if unit in ("year", "decade"):
        years = amount * (10 if unit == "decade" else 1)
        # "Fifteen years later" is about a year, not a day: the result is at year precision.
        return _span(_y(ymd_from_day(span.start)[0] + years))
    if unit == "month":
        y, m, d = ymd_from_day(span.start)
        if span.precision.rank > Precision.MONTH.rank:
            return _span(_y(y + (m - 1 + amount) // 12))
        y2, m2 = _add_months(y, m, amount)
        if span.precision is Precision.DAY:
            return _span(_ymd(y2, m2, min(d, 28)) + "~")
        return _span(_ym(y2, m2))
    days = amount * (7 if unit == "week" else 1)
    if span.precision is Precision.DAY:
        return _span(iso_from_day(span.start + days) + ("~" if unit == "week" else ""))
    if span.precision is Precision.MONTH:
        y, m, _ = ymd_from_day(span.start + days)
        return _span(_ym(y, m))
    return TimeSpan.from_days(span.start + days, span.end + days)


# --- the rules ---------------------------------------------------------------------------------


@dataclass
class _Context:
    text: str
    published: int | None
    previous: TimeSpan | None = None
    previous_end: int = -1  # where the previous date's words end in the text
    told: list[DateMention] = field(default_factory=list)  # the dates read so far, in order

    @functools.cached_property
    def tells_news(self) -> bool:
        """Whether the text tells of its own time: it names the year of publication or the one
        before, or counts from publication ("last week", "this year"). News, not a history told
        from long after."""
        if self.published is None:
            return False
        year = ymd_from_day(self.published)[0]
        return bool(_COUNTED_FROM_NOW.search(self.text)) or any(
            int(y[0]) in (year - 1, year) for y in re.finditer(YEAR, self.text)
        )


Resolved = tuple | None  # (span, kind, note) or (span, kind, note, alternatives)
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], _Context], Resolved]]] = []


def _rule(pattern: str, flags: int = 0):
    def register(func: Callable[[re.Match[str], _Context], Resolved]):
        _RULES.append((re.compile(pattern, flags), func))
        return func

    return register


def _year_of_month_day(
    month: int, day: int, ctx: _Context, m: re.Match[str] | None = None
) -> tuple[int, str] | None:
    """The year of "Jan. 20": the story's current year, else the year nearest publication."""
    if _in_the_weeks_before_publication(month, day, ctx, m):
        py = ymd_from_day(ctx.published)[0]  # type: ignore[arg-type]
        return py, "after a date counted from publication: that day in the weeks before publication"
    prev = ctx.previous
    if (
        prev is not None
        and prev.precision.rank <= Precision.MONTH.rank
        and _lends_its_year(prev, ctx, m)
        and not _in_news_time(ctx, m)
    ):
        year, prev_month, _ = ymd_from_day(prev.start)
        if month < prev_month and _goes_on_forward(ctx, m, prev_month, year + 1, month, day):
            return year + 1, f"the first such day after the previous date ({prev.describe()})"
        return year, f"the year of the previous date ({prev.describe()})"
    if ctx.published is not None:
        py = ymd_from_day(ctx.published)[0]
        best = min(
            (py - 1, py, py + 1),
            key=lambda y: abs(day_from_ymd(y, month, min(day, 28)) - ctx.published),  # type: ignore[operator]
        )
        return best, "the year that puts it nearest the publication date"
    return None


def _in_the_weeks_before_publication(
    month: int, day: int, ctx: _Context, m: re.Match[str] | None
) -> bool:
    """Whether a day told in the past, in a sentence after one dated counting from publication
    ("Hale was arrested in March last year. He was convicted on 14 November", published 5
    December 2025), is the one in the weeks before publication (November 2025), not in the
    year told before: the story has come back to its news."""
    if ctx.published is None or m is None or not ctx.told:
        return False
    last = ctx.told[-1]
    if last.kind != FROM_PUBLISHED or not _SENTENCE_END.search(ctx.text, last.end, m.start()):
        return False
    try:
        this_year = day_from_ymd(ymd_from_day(ctx.published)[0], month, day)
    except (DateError, ValueError):
        return False
    return 0 <= ctx.published - this_year <= 62 and _told_as_past(ctx, m)


W = rf"(?:(?i:on\s+)?{WEEKDAY},?\s+)?"


# A range's own "from"/"between" is part of it, so "from Aug. 25 to Sept. 17, 1941" is not read
# as "since Aug. 25" (open until publication); "and" joins a range only after "between".
_FROM = r"(?:(?P<cue>(?i:from|between))\s+)?"
_TO = r"(?:\s*[-–]\s*|\s+(?P<to>(?i:to|through|until|till|and))\s+)"


def _next_days(m1: int, d1: str, m2: int, d2: str) -> bool:
    """ "3 and 4 March": two days in a row, the span of both (within a month)."""
    return m1 == m2 and _day_number(d2) == _day_number(d1) + 1


def _day_range(m: re.Match[str], m1: int, m2: int) -> Resolved:
    joined_by_and = (m["to"] or "").lower() == "and" and (m["cue"] or "").lower() != "between"
    if joined_by_and and not _next_days(m1, m["d1"], m2, m["d2"]):
        return None  # "on Aug. 25 and Sept. 17, 1941": two days, not the days between
    y = int(m["y"])
    return (
        _span(f"{_ymd(y, m1, _day_number(m['d1']))}/{_ymd(y, m2, _day_number(m['d2']))}"),
        EXPLICIT,
        "",
    )


@_rule(
    rf"{_FROM}{W}(?P<m1>{MONTH})\s+(?P<d1>{DAY}){_TO}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY}),?\s+(?P<y>{YEAR})"
)
def _range_mdy(m: re.Match[str], ctx: _Context) -> Resolved:
    m1 = month_number(m["m1"])
    return _day_range(m, m1, month_number(m["m2"]) if m["m2"] else m1)


@_rule(
    rf"{_FROM}(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?{_TO}(?P<d2>{DAY})\s+(?P<m2>{MONTH}),?\s+(?P<y>{YEAR})"
)
def _range_dmy(m: re.Match[str], ctx: _Context) -> Resolved:
    m2 = month_number(m["m2"])
    return _day_range(m, month_number(m["m1"]) if m["m1"] else m2, m2)


_AFTER_TWO_DAYS = (
    r"(?=\s*(?:[,.;:!?)\]—–]|$)|\s+(?i:in|at|on|the|when|as|to|for|with|after|before|during"
    r"|while|by|from|and|or|but|amid)\b)"
)
"""What may follow "March 3 and 4": the phrase's end, or a preposition or article ("on March 3
and 4 others …" counts people: March 3 alone)."""


@_rule(
    rf"{W}(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY})\s+and\s+(?P<d2>{DAY}){_AFTER_TWO_DAYS}|"
    rf"(?P<e1>{DAY})\s+and\s+(?P<e2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}))(?!\s*,?\s*\d)"
)
def _next_days_no_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "on March 3 and 4", "on 3 and 4 March": the two days, in the story's year."""
    month = month_number(m["m1"] or m["m2"])
    d1, d2 = (m["d1"], m["d2"]) if m["m1"] else (m["e1"], m["e2"])
    if not _next_days(month, d1, month, d2):
        return None  # two days apart: the first is read alone, as before

    def days(y: int) -> TimeSpan:
        return _span(f"{_ymd(y, month, _day_number(d1))}/{_ymd(y, month, _day_number(d2))}")

    return _days_of_a_year_not_given(days, month, _day_number(d1), ctx, m)


@_rule(
    rf"{_FROM}{W}(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY}){_TO}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})|"
    rf"(?:the\s+)?(?P<e1>{DAY})(?:\s+(?:of\s+)?(?P<n1>{MONTH}))?{_TO.replace('to>', 'to2>')}"
    rf"(?:the\s+)?(?P<e2>{DAY})\s+(?:of\s+)?(?P<n2>{MONTH}))(?!\s*,?\s*\d|\s*[-–])"
)
def _range_no_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "Officials met on Oct. 28-29", "between Oct. 28 and Nov. 2", "from 28 October to 2
    November": the days between, in one year (the story's, or the next ahead), the end in the
    next when its month comes first ("Dec. 28-Jan. 3"). Not "Aug. 25 and Sept. 17" without
    "between": two days."""
    to = (m["to"] or m["to2"] or "").lower()
    if to == "and" and (m["cue"] or "").lower() != "between":
        return None
    if m["m1"]:
        m1, d1, d2 = month_number(m["m1"]), _day_number(m["d1"]), _day_number(m["d2"])
        m2 = month_number(m["m2"]) if m["m2"] else m1
    else:
        m2, d1, d2 = month_number(m["n2"]), _day_number(m["e1"]), _day_number(m["e2"])
        m1 = month_number(m["n1"]) if m["n1"] else m2
    if (m2, d2) == (m1, d1):
        return None
    later = (m2, d2) < (m1, d1)  # "Dec. 28-Jan. 3": into the next year

    def days(y: int) -> TimeSpan:
        return _span(f"{_ymd(y, m1, d1)}/{_ymd(y + later, m2, d2)}")

    return _days_of_a_year_not_given(days, m1, d1, ctx, m)


def _days_of_a_year_not_given(
    days: Callable[[int], TimeSpan], month: int, first: int, ctx: _Context, m: re.Match[str]
) -> Resolved:
    """Days written without their year ("Oct. 28-29", "March 3 and 4"), `days(year)` their
    span: the next such days when the text looks ahead of publication, else the year the
    first day is read in (the story's), never after publication when told as past."""
    if (ahead := _next_after_publication(days, ctx, m)) is not None:
        return ahead, FROM_PUBLISHED, "no year given: the next such days after publication"
    found = _year_of_month_day(month, first, ctx, m)
    if found is None:
        return None
    year, why = found
    year, why = _not_after_publication(days, year, why, ctx, m)
    return days(year), FROM_PREVIOUS, f"no year given: {why}"


@_rule(
    r"(?<![\d-])(?P<day>[12]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
    # with its time, as a page's timestamp has it ("2024-10-10T15:45:00Z")
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"
)
def _iso_day(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "2010-12-05" in running text (data journalists write days so): that day. A day that
    does not exist raises, and the year alone is read instead."""
    return _span(m["day"]), EXPLICIT, ""


@_rule(rf"{W}(?P<m>{MONTH})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})")
def _mdy(m: re.Match[str], ctx: _Context) -> Resolved:
    return _span(_ymd(int(m["y"]), month_number(m["m"]), _day_number(m["d"]))), EXPLICIT, ""


@_rule(rf"{W}(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})")
def _dmy(m: re.Match[str], ctx: _Context) -> Resolved:
    return _span(_ymd(int(m["y"]), month_number(m["m"]), _day_number(m["d"]))), EXPLICIT, ""


def _next_after_publication(
    span_in: Callable[[int], TimeSpan],
    ctx: _Context,
    m: re.Match[str] | None,
    ahead: bool = False,
) -> TimeSpan | None:
    """A day (or days) without a year in a sentence about what will be ("EU leaders will meet
    in Brussels on Dec. 18 and 19"): the next such after publication, whatever year the story
    told before (not the "June 2016" of the paragraph before). None when not ahead (`ahead`:
    known to be)."""
    if not ahead and (m is None or not _ahead_of_publication(ctx, m)):
        return None
    py = ymd_from_day(ctx.published)[0]  # type: ignore[arg-type]
    for year in (py, py + 1):
        try:
            span = span_in(year)
        except (DateError, ValueError):
            continue
        if span.start >= ctx.published:  # type: ignore[operator]
            return span
    return None


_WEEKDAY_FIRST = re.compile(rf"(?i:on\s+)?(?P<w>{WEEKDAY})\b")


def _month_day(month: int, day: int, ctx: _Context, m: re.Match[str] | None = None) -> Resolved:
    """A day and month without a year: its year (see `_month_day_year`), the year in which the
    weekday written with it falls on it if it is not ("Sunday, November 3" in a story of
    October 2024 is 2024's, not 2023's, told in the past): of the years around publication,
    the nearest."""
    found = _month_day_year(month, day, ctx, m)
    weekday = _WEEKDAY_FIRST.match(m[0]) if m is not None else None
    if found is None or weekday is None:
        return found
    target = WEEKDAYS.index(weekday["w"].capitalize())
    span = found[0]
    if (span.start + 3) % 7 == target:  # day 0 (1970-01-01) was a Thursday
        return found
    # (in news, the year read near publication's: "On Monday, December 9", in a history of
    # 1941, is 1941's, whatever the weekday's slip, not 2024's or 1940's)
    read = ymd_from_day(span.start)[0]
    if ctx.published is None or abs(read - ymd_from_day(ctx.published)[0]) > 1:
        return found
    near = ymd_from_day(ctx.published)[0]
    for year in sorted((read, read - 1, read + 1), key=lambda y: (abs(y - near), y != read)):
        try:
            agrees = _span(_ymd(year, month, day))
        except (DateError, ValueError):
            continue
        if (agrees.start + 3) % 7 == target:
            why = f"no year given: the year near publication in which {MONTH_NAMES[month - 1]} "
            # (the year read without the weekday an alternative: the weekday may be a slip)
            return agrees, FROM_PUBLISHED, f"{why}{day} is a {WEEKDAYS[target]}", (span,)
    return found


def _month_day_year(
    month: int, day: int, ctx: _Context, m: re.Match[str] | None = None
) -> Resolved:
    if (ahead := _next_after_publication(lambda y: _span(_ymd(y, month, day)), ctx, m)) is not None:
        return ahead, FROM_PUBLISHED, "no year given: the next such day after publication"
    found = _year_of_month_day(month, day, ctx, m)
    if found is None:
        return None
    year, why = found
    year, why = _not_after_publication(lambda y: _span(_ymd(y, month, day)), year, why, ctx, m)
    span = _span(_ymd(year, month, day))
    if _set_for_later(span, ctx, m) and (
        ahead := _next_after_publication(lambda y: _span(_ymd(y, month, day)), ctx, None, True)
    ):
        return ahead, FROM_PUBLISHED, "no year given: set for the next such day after publication"
    return span, FROM_PREVIOUS, f"no year given: {why}"


def _set_for_later(span: TimeSpan, ctx: _Context, m: re.Match[str] | None) -> bool:
    """Whether a day was set for a time that, in the story's year, would lie before the date
    told before it: "The defense rested on Oct. 28. … The judge set sentencing for Feb. 12"
    is the next Feb. 12, not the one before Oct. 28 (in news; a history's "On Nov. 3, 1941,
    the court postponed the hearing until Dec. 5" is that December)."""
    return (
        m is not None
        and ctx.published is not None
        and ctx.previous is not None
        and span.start < ctx.previous.start
        and ctx.previous.end >= ctx.published - 366
        and bool(_SET_FOR.search(ctx.text, max(0, m.start() - 60), m.start()))
    )


@_rule(rf"{W}(?P<m>{MONTH})\s+(?P<d>{DAY})(?!\s*,?\s*\d|\s*[-–])")
def _md(m: re.Match[str], ctx: _Context) -> Resolved:
    return _a_shock_named_by_its_day(
        _month_day(month_number(m["m"]), _day_number(m["d"]), ctx, m), ctx, m
    )


@_rule(rf"{W}(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?!\s*,?\s*\d)")
def _dm(m: re.Match[str], ctx: _Context) -> Resolved:
    found = _month_day(month_number(m["m"]), _day_number(m["d"]), ctx, m)
    return _a_shock_named_by_its_day(found, ctx, m)  # "the 7 October attack"


# A day as the name of what nobody scheduled: "the Oct. 7 attack", "the Jan. 6 riot"
_SHOCK_NAMED = re.compile(
    r"\s+(?:(?:terror|terrorist|deadly|cross-border|Hamas|militant)\s+)?(?:attacks?|massacres?|"
    r"bombings?|raids?|riots?|uprising|coup|assault|invasion|incursion|shootings?|killings?)\b",
    re.I,
)


def _a_shock_named_by_its_day(found: Resolved, ctx: _Context, m: re.Match[str]) -> Resolved:
    """A day without a year as the name of what nobody scheduled, told as past ("Israel has
    bombed Gaza since the Oct. 7 attack", published 30 October 2024): news names a shock by
    its bare day once it is known by it, not in the weeks after it; one read in the 45 days
    before publication is the year before's (7 October 2023), the nearer an alternative. A
    day set ahead of time names its event at once ("since the Nov. 5 election")."""
    if (
        found is None
        or ctx.published is None
        or not (
            re.search(r"\b(?i:the)\s+$", ctx.text[max(0, m.start() - 4) : m.start()])
            or re.match(r"(?i:the)\s", m[0])
        )
        or not _SHOCK_NAMED.match(ctx.text, m.end())
        or not 0 <= ctx.published - found[0].start <= 45
        or _ahead_of_publication(ctx, m)
    ):
        return found
    span = found[0]
    y, month, day = ymd_from_day(span.start)
    try:
        before = _span(_ymd(y - 1, month, day))
    except (DateError, ValueError):
        return found
    why = (
        "no year given: a day that names a shock, the latest such a year or more before publication"
    )
    return before, FROM_PUBLISHED, why, (span,)


@_rule(rf"(?:(?P<part>early|mid|late)[-\s]+)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})", re.I)
def _my(m: re.Match[str], ctx: _Context) -> Resolved:
    if not m["m"][0].isupper():
        return None
    span = _month_span(int(m["y"]), month_number(m["m"]))
    if not m["part"]:
        return span, EXPLICIT, ""
    return _part_of_month(span, m["part"], m.group(), EXPLICIT, "")


def _part_of_month(span: TimeSpan, part: str, text: str, kind: str, why: str) -> Resolved:
    """ "late January 2025": a third of the month, as for years and seasons (its days 21 to
    the end); the whole month is the alternative."""
    part = part.lower()
    first, last = {"early": (0, 9), "mid": (10, 19), "late": (20, 31)}[part]
    days = TimeSpan.from_days(span.start + first, min(span.start + last, span.end))
    note = f"'{text}' read as {_PART_WORDS[part]} the month"
    return days, kind, f"{why}; {note}" if why else note, (span,)


_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:not|already|just|never)\s+)?(?:been\s+)?[a-z]+(?:ed|en|n|t)\b"
)
""""The siege began in May. In March the RSF had massed troops": told after, happened before."""


@_rule(
    rf"(?i:(?:in|since|by|until|during|from|between|early|late|mid|last|this|next)\s+|mid-)"
    rf"(?P<m>{MONTH})(?!\s*,?\s*\d)"
)
def _month_only(m: re.Match[str], ctx: _Context) -> Resolved:
    month = month_number(m["m"])
    cue = m.group()[: m.start("m") - m.start()].strip(" -").lower()
    if ctx.published is not None and cue in ("last", "this", "next"):
        py, pm, _ = ymd_from_day(ctx.published)
        year = {"last": py - (month >= pm), "this": py, "next": py + (month <= pm)}[cue]
        return _month_span(year, month), FROM_PUBLISHED, f"'{cue}' counted from publication"
    if cue in ("in", "by", "until") and _ahead_of_publication(ctx, m):
        py, pm, _ = ymd_from_day(ctx.published)  # type: ignore[arg-type]
        year = py if month >= pm else py + 1
        return _month_span(year, month), FROM_PUBLISHED, "the next such month after publication"
    return _month_of_the_story(month, cue, m, ctx)


def _month_of_the_story(month: int, cue: str, m: re.Match[str], ctx: _Context) -> Resolved:
    """A month without its year, in the story's year or the latest before publication (see
    `_year_of_month`); `cue` "early", "mid" or "late" takes a third of it."""
    found = _year_of_month(month, ctx, m)
    if found is None:
        return None
    year, kind, why = found

    def told(y: int) -> TimeSpan:
        whole = _month_span(y, month)
        return _part_of_month(whole, cue, "", kind, "")[0] if cue in _PARTS else whole

    moved, why = _not_after_publication(told, year, why, ctx, m)
    kind = FROM_PUBLISHED if moved != year else kind
    year = moved
    if cue in _PARTS:
        # "Fighting flared again in late January": its last ten days, as "late January 2025"
        return _part_of_month(_month_span(year, month), cue, m.group(), kind, why)
    return _month_span(year, month), kind, why


_PARTS = ("early", "mid", "late")


@_rule(
    rf"{W}(?:(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>{DAY}))"
    r",?\s+(?:of\s+)?(?P<pub>(?i:last|this|next))\s+(?i:year)\b"
)
def _day_of_a_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "on 3 March last year", "on March 3 this year": that day of the year counted from
    publication (not March 3 of the story's year, "last year" a date of its own)."""
    found = _from_published(m["pub"].lower(), "year", ctx)
    if found is None:
        return None
    year = ymd_from_day(found[0].start)[0]
    month = month_number(m["m1"] or m["m2"])
    day = _day_number(m["d1"] or m["d2"])
    return _span(_ymd(year, month, day)), FROM_PUBLISHED, found[2]


@_rule(
    rf"(?:(?:in|by|since|until|from)\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?P<m>{MONTH}),?\s+(?:of\s+)?"
    r"(?:(?P<rel>the\s+(?:following|next|previous|preceding|same)|that)|(?P<pub>last|this|next))"
    r"\s+year\b(?!['’])",
    re.I,
)
def _month_of_a_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "In March of the following year" (the year after the previous date's), "in June of
    that year", "in May of last year", "in March last year": that month of that year."""
    if not m["m"][0].isupper():
        return None
    month = month_number(m["m"])
    if m["pub"]:
        found = _from_published(m["pub"].lower(), "year", ctx)
        if found is None:
            return None
        year, kind, why = ymd_from_day(found[0].start)[0], FROM_PUBLISHED, found[2]
    else:
        if ctx.previous is None:
            return None
        rel = m["rel"].split()[-1].lower()
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(rel, 0)
        year = ymd_from_day(ctx.previous.start)[0] + step
        kind, why = FROM_PREVIOUS, f"counted from the previous date ({ctx.previous.describe()})"
    span = _month_span(year, month)
    if m["part"]:
        return _part_of_month(span, m["part"], m.group(), kind, why)
    return span, kind, why


@_rule(
    rf"(?:the\s+)?(?P<edge>end|start|beginning|middle)\s+of\s+(?P<m>{MONTH})"
    rf"(?:,?\s+(?P<y>{YEAR}))?(?!\s*,?\s*\d)",
    re.I,
)
def _edge_of_month(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "At the end of May, Biden laid out a plan": its last ten days, as "late May" is (in
    the story's year, or the one written), the whole month its alternative."""
    if not m["m"][0].isupper():
        return None
    month = month_number(m["m"])
    part = {"end": "late", "start": "early", "beginning": "early", "middle": "mid"}[
        m["edge"].lower()
    ]
    if m["y"]:
        return _part_of_month(_month_span(int(m["y"]), month), part, m.group(), EXPLICIT, "")
    return _month_of_the_story(month, part, m, ctx)


@_rule(
    rf"\b(?i:on|by|until|since)\s+the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b"
    rf"(?!\s+(?:of\s+)?{MONTH}|\s+(?:[a-z]|[A-Z][a-z]))"
)
def _bare_day_of_the_month_told(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "In October 2024, fighting flared. On the 7th, troops crossed": that day of the month
    told just before (after a day told, the next such: "On Oct. 28 … By the 2nd" is 2
    November). Not "the 7th century" nor "the 7th floor", nor with no month told before."""
    prev = ctx.previous
    if prev is None or prev.precision not in (Precision.MONTH, Precision.DAY):
        return None
    if prev.end - prev.start > 31:
        return None
    y, mo, d0 = ymd_from_day(prev.start)
    day = _day_number(m["d"])
    if prev.precision is Precision.DAY and day < d0:
        y, mo = _add_months(y, mo, 1)
    if day > calendar.monthrange(y, mo)[1]:
        return None
    span = _span(_ymd(y, mo, day))
    return span, FROM_PREVIOUS, f"a day of the month told before ({prev.describe()})"


@_rule(
    rf"(?i:the\s+)?(?i:week)\s+of\s+(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY})|(?:the\s+)?(?P<d2>{DAY})\s+"
    rf"(?:of\s+)?(?P<m2>{MONTH}))(?:,?\s+(?P<y>{YEAR}))?(?!\s*,?\s*\d|\s*[-–])"
)
def _week_of_a_day(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "The trial starts the week of Nov. 11": that day's week, Monday to Sunday (11 to 17
    November 2024), not the day; the day is the alternative."""
    month, day = month_number(m["m1"] or m["m2"]), _day_number(m["d1"] or m["d2"])
    if m["y"]:
        found: Resolved = (_span(_ymd(int(m["y"]), month, day)), EXPLICIT, "")
    else:
        found = _month_day(month, day, ctx, m)
    if found is None:
        return None
    span, kind, why = found[0], found[1], found[2]
    monday = span.start - (span.start + 3) % 7  # day 0 (1970-01-01) was a Thursday
    note = f"the week of {span.describe()}, Monday to Sunday"
    return TimeSpan.from_days(monday, monday + 6), kind, f"{why}; {note}" if why else note, (span,)


@_rule(
    rf"(?:the\s+)?(?P<nth>first|second|third|fourth|last|final|latter)\s+(?P<part>week|half)\s+of\s+"
    rf"(?P<m>{MONTH})"
    rf"(?:,?\s+(?P<y>{YEAR}))?(?!\s*,?\s*\d)",
    re.I,
)
def _week_of_month(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "In the last week of September, the storm formed": the month's last seven days (in the
    story's year, or the one written), not "last week" counted from publication; "the first
    week of October" its days 1 to 7. The whole month is the alternative."""
    if not m["m"][0].isupper():
        return None
    month = month_number(m["m"])
    if m["y"]:
        whole, kind, why = _month_span(int(m["y"]), month), EXPLICIT, ""
    elif ctx.published is not None and _ahead_of_publication(ctx, m):
        py, pm, _ = ymd_from_day(ctx.published)
        whole = _month_span(py if month >= pm else py + 1, month)
        kind, why = FROM_PUBLISHED, "the next such month after publication"
    else:
        found = _month_of_the_story(month, "", m, ctx)
        if found is None:
            return None
        whole, kind, why = found[0], found[1], found[2]
    nth, part = m["nth"].lower(), m["part"].lower()
    if part == "half":
        # "the second half of October": its days 16 to the end; "the first half" 1 to 15
        if nth not in ("first", "second", "last", "latter"):
            return None
        days = (
            TimeSpan.from_days(whole.start, whole.start + 14)
            if nth == "first"
            else TimeSpan.from_days(whole.start + 15, whole.end)
        )
        note = (
            f"'{m.group()}' read as the {'first' if nth == 'first' else 'second'} half of the month"
        )
    elif nth == "latter":
        return None
    elif nth in ("last", "final"):
        days = TimeSpan.from_days(whole.end - 6, whole.end)
        note = f"'{m.group()}' read as the {nth} seven days of the month"
    else:
        first = whole.start + 7 * ("first", "second", "third", "fourth").index(nth)
        days = TimeSpan.from_days(first, first + 6)
        note = f"'{m.group()}' read as the {nth} seven days of the month"
    return days, kind, f"{why}; {note}" if why else note, (whole,)


_PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|said|met|told|took|held|made|gave|went|came|left|began|became|fled|"
    r"fell|won|lost|sent|hit|struck|shot|wrote|spoke|saw|found|broke|rose|ran|led|sank|brought|"
    r"flew|fought|stood|swept|seized|burnt|drew|grew|threw|knew|blew|drove|rode|chose|froze|"
    r"sold|bought|caught|taught|thought|felt|kept|built|spent|paid|laid|tore|wore|bore|sang|"
    r"drank|swam|got|forgot|overcame|arose|woke|stole|"
    # ("The quake shook Tokyo on Dec. 31": past, not the next 31 December)
    r"shook|lit|dug|sought|hung|bled|slid|swung|spun|sprang|shrank|stung|clung|flung|dealt|"
    r"meant|hid|rang|swore|awoke|strode|withdrew|undertook|overtook|slept|wept|crept|leapt|"
    r"knelt|sped|stuck|shone|[a-z]{2,}ed)\b",
    re.I,
)
_AHEAD_WORDS = re.compile(
    r"\b(?:planned|scheduled|expected|proposed|intended|slated|anticipated|forecast|"
    # "Firefighters expect to reach full containment by Nov. 20, a spokesman said"
    r"expects?|hopes?|aims?|intends?)\b",
    re.I,
)


def _lends_its_year(prev: TimeSpan, ctx: _Context, m: re.Match[str] | None) -> bool:
    """Whether the previous date gives its year to a month or day told without one: not a
    date after publication (a forecast: "… delayed until 2030. Jobs were cut in March") unless
    this sentence looks ahead too ("It will open in 2030. Hiring will start in March")."""
    if ctx.published is None or prev.start <= ctx.published or m is None:
        return True
    _start, before, after = _sentence_around(ctx, m)
    sentence = before + m[0] + after
    return bool(_FUTURE.search(sentence) or _AHEAD_WORDS.search(sentence))


_SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.I)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)(?:n['’]t)?\s+(?:(?:not|already|just|never|also|long|largely|steadily)\s+)?"
    r"(?!(?:a|an|the|to|no|its|their|his|her|our|some|any|more|fewer|little|much)\b)[a-z]{2,}",
    re.I,
)


def _in_news_time(ctx: _Context, m: re.Match[str] | None) -> bool:
    """Whether a month or day told without its year, in a sentence that names no year of its
    own, is counted from publication rather than from the story's last date: "since" it, up to
    now ("… elections in 2019. Since August, protests have spread": the August before
    publication), or told in the present perfect ("In March, prices have doubled"). Not looking
    back with "had" ("In 1941 … Since June, the army had advanced")."""
    if ctx.published is None or m is None:
        return False
    if not _SENTENCE_END.search(ctx.text, max(ctx.previous_end, 0), m.start() + 1):
        return False  # "In 2019, and again since August, …": the sentence's own year
    _start, before, after = _sentence_around(ctx, m)
    sentence = before + m[0] + after
    if _PAST_PERFECT.search(sentence):
        return False
    since = re.match(r"(?:ever\s+)?since\b", m[0], re.I) or _SINCE_BEFORE.search(before)
    if since or _PRESENT_PERFECT.search(sentence):
        return True
    # "… 46% in 2023.\n\nChinese military drills around Taiwan in April raised concern": a
    # paragraph after a year, news (it names the year of publication or the one before) is
    # back in its own time.
    return (
        ctx.previous is not None
        and ctx.previous.precision.rank <= Precision.YEAR.rank
        and _paragraph_between(ctx.text, ctx.previous_end, m.start())
        and ctx.tells_news
    )


_COUNTED_FROM_NOW = re.compile(
    r"\b(?:(?:last|this|next)\s+(?:year|month|week)|yesterday|earlier\s+this\s+(?:year|month))\b",
    re.I,
)


def _paragraph_between(text: str, start: int, end: int) -> bool:
    """Whether a paragraph ends between `start` and `end`: a blank line, or a line break in a
    text whose paragraphs are lines."""
    if re.search(r"\n[ \t]*\n", text[start:end]):
        return True
    return "\n" in text[start:end] and not re.search(r"\n[ \t]*\n", text)


def _told_as_past(ctx: _Context, m: re.Match[str]) -> bool:
    """Whether the sentence of a date tells what happened ("Farmers marched in Madrid in late
    March", "Fire swept through the town on March 20"): a verb in the past, and no word that
    looks ahead ("will", "planned", "is expected")."""
    start, before, after = _sentence_around(ctx, m)
    if _FUTURE_IN_PAST.search(ctx.text, start, m.start()):
        return False  # "warned … if hostages were not freed before his inauguration on Jan. 20"
    if _PAST_VERB_BEFORE.search(ctx.text[start : m.start()]):
        return True
    sentence = before + m[0] + after
    return bool(_PAST_TENSE.search(sentence)) and not (
        _FUTURE.search(sentence) or _AHEAD_WORDS.search(sentence)
    )


_PRESENT = re.compile(
    r"\b(?:is|are|am|has|have|says|say|will|shall|remains?|wants?|lies|sits?|insists?|"
    r"includes?|contains?|consists?|belongs?)\b",
    re.I,
)


_AFTER_THAT = re.compile(
    r"\b(?:that|which)\s+followed\b|\b(?:days|weeks|months|years)\s+(?:after|following)\b|"
    r"\b(?:afterwards?|thereafter|soon\s+after|shortly\s+after|in\s+the\s+aftermath)\b",
    re.I,
)


# A verb in the present after its subject, which opens the sentence ("Luxembourg hosts the
# Court", "The parliament sits in Strasbourg", "The city lies on"): a word in -s before an
# article or a preposition. Not a plural noun after an adjective ("Chilean politics in"), nor
# a word whose -s is not an ending ("business", "status", "crisis", "news").
_PRESENT_VERB = re.compile(
    r"(?:^|[.;:!?]\s+)(?:(?:The|A|An|Its|Their|This|That)\s+[a-z][\w'’-]*|"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+"
    r"(?!(?:news|series|species|always|perhaps|sometimes|various|besides)\b)"
    r"[a-z]{2,}s(?<![sui]s)(?<!ics)\s+"
    r"(?:the|a|an|its|their|his|her|in|on|at|for|from|to|about|over|between|near|along|"
    r"across|some|many|most|more|several|two|three|four|five|six|seven|eight|nine|ten|\d)\b"
)


def tells_what_is(text: str) -> bool:
    """Whether a passage says what is, in the present, and tells nothing that happened:
    "Turkey lies on major fault lines and earthquakes are frequent", "Luxembourg hosts the
    EU's Court of Justice", "She is survived by her son, who lives in Vienna"."""
    return bool(_PRESENT.search(text) or _PRESENT_VERB.search(text.strip())) and not (
        # (nor a name's "-ed": "the United States")
        _PAST_TENSE.search(_NAME_INSIDE.sub(" ", _PRESENT_PASSIVE.sub("is", text)))
    )


_NAME_INSIDE = re.compile(r"(?<=[a-z,;]\s)[A-Z][\w'’-]*")
# "is survived by", "are still based in": a participle in the present, nothing that happened
_PRESENT_PASSIVE = re.compile(
    r"\b(?:is|are|am)\s+(?:(?:not|also|still|now|often|widely|usually)\s+)?[a-z]+ed\b", re.I
)


def tells_what_followed(text: str) -> bool:
    """Whether a passage tells, in the simple past, what followed the time told before it ("In
    the years that followed, … Soldiers held prisoners in the stadium in the weeks after the
    coup"), not what is ("Kast has promised to …", "Turkey lies on …")."""
    return (
        bool(_AFTER_THAT.search(text))
        and bool(_PAST_TENSE.search(text))
        and not _PRESENT.search(text)
    )


def told_as_past(text: str, m: re.Match[str]) -> bool:
    """Whether the sentence of the date `m` found in `text` tells it as past ("The river rose
    to a record on May 5"), not as ahead ("The vote will be held on May 5")."""
    return _told_as_past(_Context(text, None), m)


def _not_after_publication(
    span_in: Callable[[int], TimeSpan],
    year: int,
    why: str,
    ctx: _Context,
    m: re.Match[str] | None,
) -> tuple[int, str]:
    """The year of a month or day told without one, as guessed (`year`, `why`), unless that
    puts what the sentence tells as past after publication: then the latest such before it.
    Published 14 March 2025, "Farmers marched in late March" is March 2024, not 21–31 March
    2025; nor does a forecast before it ("… until 2030") lend its year."""
    published = ctx.published
    if m is None or published is None or span_in(year).start <= published:
        return year, why
    if not _told_as_past(ctx, m) or _an_end(ctx, m):
        return year, why
    if _SET_FOR.search(ctx.text, max(0, m.start() - 60), m.start()):
        return year, why  # "The hearing was moved to Nov. 12": set for then, it may lie ahead
    latest = ymd_from_day(published)[0]
    if span_in(latest).start > published:
        latest -= 1
    return latest, "told in the past: the latest such before publication"


def _year_of_month(month: int, ctx: _Context, m: re.Match[str]) -> tuple[int, str, str] | None:
    """The year of a month told without one, in the past: the story's, or the latest before
    publication. After a month or day, as after "Dec. 20, 1941", the story goes on forward
    ("The siege began in May 2024. Fighting flared again in January": January 2025)."""
    prev, published = ctx.previous, ctx.published
    if (
        prev is not None
        and prev.precision.rank <= Precision.YEAR.rank
        and _lends_its_year(prev, ctx, m)
        and not _in_news_time(ctx, m)
    ):
        year, prev_month, _ = ymd_from_day(prev.start)
        if (
            prev.precision.rank <= Precision.MONTH.rank
            and month < prev_month
            and _goes_on_forward(ctx, m, prev_month, year + 1, month, 1)
        ):
            why = f"the first such month after the previous date ({prev.describe()})"
            return year + 1, FROM_PREVIOUS, why
        return year, FROM_PREVIOUS, "the year of the previous date"
    if published is not None:
        py, pm, _ = ymd_from_day(published)
        if _an_end(ctx, m):  # "suspended until June": it may lie ahead
            year = min((py - 1, py, py + 1), key=lambda y: abs(_ym_day(y, month) - published))
            return year, FROM_PUBLISHED, "an end after 'until': the such month nearest publication"
        year = py if month <= pm else py - 1
        return year, FROM_PUBLISHED, "the latest such month before publication"
    return None


_SEASON_CODE = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _second_year(first: int, text: str) -> int:
    """The end year of "2014–15" or "2014–2015" (2015); "1999–00" is 2000."""
    return int(text) if len(text) == 4 else first + (int(text) - first) % 100


def season_span(season: str, year: int, until: str | None = None) -> TimeSpan:
    """ "winter 2014" or, written across its two years, "winter 2014–15" (`until` as written,
    "15" or "2015"): EDTF's 2014-24, December 2014 to February 2015, the northern winter.
    `DateError` when the years hold no single season of that name."""
    season = season.lower()
    span = _span(f"{_y(year)}-{_SEASON_CODE[season]}")
    if until is None:
        return span
    last = _second_year(year, until)
    if season != "winter":
        raise DateError(
            f"{season} lies within one year (only winter spans two): write '{season} {year}', "
            f"'{season} {last}' or {year}/{last}"
        )
    if last != year + 1:
        raise DateError(
            f"a winter spans two years in a row: 'winter {year}–{(year + 1) % 100:02d}' is "
            f"December {year} to February {year + 1}"
        )
    return span


@_rule(
    rf"(?:(?P<part>early|late)(?:\s+in)?\s+)?(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+"
    rf"(?:of\s+)?(?P<y>{YEAR})(?:\s*[-–—/]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d))?",
    re.I,
)
def _season(m: re.Match[str], ctx: _Context) -> Resolved:
    year = int(m["y"])
    try:
        season = season_span(m["s"], year, m["y2"])
    except DateError:
        pass
    else:
        if not m["part"]:
            return season, EXPLICIT, ""
        # Early or late is a third, as for decades and centuries: of a season's three months,
        # the first or last ("late summer 2014" is August 2014); the season is the alternative.
        part = m["part"].lower()
        which = "first" if part == "early" else "last"
        y, mo, _ = ymd_from_day(season.start if part == "early" else season.end)
        note = f"the {part} part of {season.describe().lower()}: its {which} month"
        return _month_span(y, mo), EXPLICIT, note, (season,)
    # "summer 2014–15" (a southern summer? a sports season?): the years hold what was meant.
    last = _second_year(year, m["y2"])
    if last <= year:
        return None
    span = _span(f"{_y(year)}/{_y(last)}")
    return span, EXPLICIT, f"no single {m['s'].lower()} spans {year}–{last}: read as the years"


@_rule(r"(?P<which>last|this|next|past)\s+(?P<s>spring|summer|autumn|fall|winter)\b", re.I)
def _season_from_published(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "last summer", "this winter", "next spring": counted from publication (the seasons of
    the northern hemisphere, as "summer 2014" is)."""
    if ctx.published is None:
        return None
    pub, which = ctx.published, m["which"].lower()
    py = ymd_from_day(pub)[0]
    seasons = [season_span(m["s"], y) for y in range(py - 2, py + 2)]
    if which in ("last", "past"):
        span = [t for t in seasons if t.end < pub][-1]
    elif which == "next":
        span = next(t for t in seasons if t.start > pub)
    else:  # this: the one publication falls in, else the one of its year
        span = next((t for t in seasons if t.start <= pub <= t.end), seasons[2])
    return span, FROM_PUBLISHED, f"'{m.group()}' counted from publication"


_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_PART_WORDS = {"early": "the start of", "mid": "the middle of", "late": "the end of"}


@_rule(rf"(?i:(?P<part>early|mid|late))(?:-|\s+)(?P<y>{_YEAR_DIGITS}){_NOT_A_YEAR_AFTER}")
def _part_of_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "early 2026", "by mid-2026": a third of the year, as for decades and centuries (the
    whole year is the alternative)."""
    year, part = int(m["y"]), m["part"].lower()
    first, last = _PART_MONTHS[part]
    months = f"{MONTH_NAMES[first - 1]} to {MONTH_NAMES[last - 1]}"
    note = f"'{m.group()}' read as {_PART_WORDS[part]} {year}: {months}"
    return _span(f"{_ym(year, first)}/{_ym(year, last)}"), EXPLICIT, note, (_span(_y(year)),)


@_rule(r"(?P<part>early|mid|late)(?:-|\s+)(?:in\s+)?(?P<which>last|this|next)\s+year\b", re.I)
def _part_of_a_year_from_now(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "late last year", "early this year", "mid-next year": a third of the year counted from
    publication, the whole year the alternative."""
    found = _from_published(m["which"].lower(), "year", ctx)
    if found is None:
        return None
    year, part = ymd_from_day(found[0].start)[0], m["part"].lower()
    first, last = _PART_MONTHS[part]
    months = f"{MONTH_NAMES[first - 1]} to {MONTH_NAMES[last - 1]}"
    note = f"'{m.group()}' read as {_PART_WORDS[part]} {year}: {months}"
    return _span(f"{_ym(year, first)}/{_ym(year, last)}"), FROM_PUBLISHED, note, (found[0],)


@_rule(
    r"(?:(?P<part>early|mid|late)(?:-|\s+)(?:in\s+)?|(?:the\s+)?(?P<edge>end|start|beginning)\s+of\s+)"
    r"(?P<which>last|this|next)\s+(?P<u>week|month)\b",
    re.I,
)
def _part_of_a_week_or_month_from_now(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "late last week" (its Thursday to Sunday), "early this month" (its first ten days),
    "at the end of last week": a part of the week or month counted from publication, as "late
    last year" is of the year, the whole the alternative."""
    found = _from_published(m["which"].lower(), m["u"].lower(), ctx)
    if found is None:
        return None
    whole = found[0]
    part = (m["part"] or {"end": "late"}.get(m["edge"].lower(), "early")).lower()
    if m["u"].lower() == "month":
        return _part_of_month(whole, part, m.group(), FROM_PUBLISHED, found[2])
    first, last = {"early": (0, 2), "mid": (2, 4), "late": (3, 6)}[part]
    span = TimeSpan.from_days(whole.start + first, whole.start + last)
    note = f"{found[2]}; '{m.group()}' read as {span.describe()}"
    return span, FROM_PUBLISHED, note, (whole,)


_ORDINAL_PARTS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip


@_rule(
    r"(?:(?:the\s+)?(?P<o>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]"
    r"(?P<part>(?i:quarter|half))|(?P<letter>[QH])(?P<n>[1-4])),?\s+(?:(?i:of)\s+)?"
    r"(?:(?i:fiscal)\s+|FY\s?)?"
    rf"(?:(?P<y>{YEAR}){_NOT_A_YEAR_AFTER}|(?P<which>(?i:last|this|next))\s+(?i:year)\b)"
)
def _quarter(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "Q3 2025", "the second quarter of 2024", "fourth-quarter 2023", "the first half of
    2025", "H2 2024", "the third quarter of last year": its three or six months (a company's
    fiscal quarter is taken as the calendar's), the whole year the alternative."""
    half = (m["part"] or "").lower() == "half" or m["letter"] == "H"
    number = int(m["n"]) if m["n"] else _ORDINAL_PARTS[m["o"].lower()]
    if number > (2 if half else 4):
        return None
    if m["y"]:
        year, kind = int(m["y"]), EXPLICIT
    else:
        found = _from_published(m["which"].lower(), "year", ctx)
        if found is None:
            return None
        year, kind = ymd_from_day(found[0].start)[0], FROM_PUBLISHED
    size = 6 if half else 3
    first, last = size * number - size + 1, size * number
    months = f"{MONTH_NAMES[first - 1]} to {MONTH_NAMES[last - 1]}"
    note = f"'{m.group()}' read as the calendar {'half' if half else 'quarter'}: {months} {year}"
    return _span(f"{_ym(year, first)}/{_ym(year, last)}"), kind, note, (_span(_y(year)),)


@_rule(rf"\bFY\s?(?P<y>{YEAR})")
def _fiscal_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "FY2024": the year (a company's fiscal year is taken as the calendar's)."""
    return _span(m["y"]), EXPLICIT, ""


@_rule(
    rf"(?:(?P<cue>(?i:from|between))\s+)?(?P<a>{YEAR})\s*"
    rf"(?:[-–—]|\s(?P<to>(?i:to|and|until|through|till))\s)\s*"
    # The end year may follow a plain hyphen ("1941-1945"), which YEAR alone refuses; a third
    # number after it makes the whole an ISO day ("2010-12-05") or a phone number, not a range.
    rf"(?P<b>{_YEAR_DIGITS}|\d{{2}}(?!\d))(?!\s*[-–]\s*\d){_NOT_A_YEAR_AFTER}"
)
def _year_range(m: re.Match[str], ctx: _Context) -> Resolved:
    if (m["to"] or "").lower() == "and" and (m["cue"] or "").lower() != "between":
        return None  # "elections in 2012 and 2016": two years, not the years between
    a = int(m["a"])
    b = int(m["b"]) if len(m["b"]) == 4 else a // 100 * 100 + int(m["b"])
    if b < a:
        return None
    return _span(f"{_y(a)}/{_y(b)}"), EXPLICIT, ""


_PART_YEARS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
CENTURY_PARTS = {
    "early": (0, 33), "very early": (0, 33), "mid": (34, 66), "late": (67, 99),
    "very late": (67, 99), "first half of the": (0, 49), "second half of the": (50, 99),
    "turn of the": (-5, 5),
}  # fmt: skip


@_rule(
    r"(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?P<dec>1[0-9]{2}0|20[0-9]0|['’]\d0)['’]?s\b",
    re.I,
)
def _decade(m: re.Match[str], ctx: _Context) -> Resolved:
    text = m["dec"].replace("’", "'")  # "the ’90s", as typeset text writes it
    if text.startswith("'"):
        tens = int(text[1:])
        century = 1900
        if ctx.published is not None and 2000 + tens <= ymd_from_day(ctx.published)[0]:
            century = 2000
        start = century + tens
    else:
        start = int(text)
    part = (m["part"] or "").lower()
    if part:
        lo, hi = _PART_YEARS[part]
        decade = _span(f"{_y(start + lo)}/{_y(start + hi)}")
    else:
        decade = _span(f"{start // 10:03d}X")
    if start % 100 == 0 and start < 2000 and not text.startswith("'"):
        # "the 1800s", "late 1900s": the hundreds, as writers mostly mean them, so the century
        # (its thirds as the century rule has them); the decade stays as the alternative.
        # Not "the 2000s": that century is too young to be called so, it is the decade.
        not_decade = (
            f"'{text}s' read as the {ordinal(start // 100 + 1)} century, "
            f"not the decade {start}–{start + 9}"
        )
        if part:
            lo, hi = CENTURY_PARTS[part]
            span = _span(f"{_y(start + lo)}/{_y(start + hi)}")
            return span, EXPLICIT, f"the {part} part of the century: {not_decade}", (decade,)
        return _span(f"{start // 100:02d}XX"), EXPLICIT, not_decade, (decade,)
    return decade, EXPLICIT, f"the {part} part of the decade" if part else ""


@_rule(
    rf"(?:the\s+)?(?:(?P<part>very\s+early|very\s+late|early|mid|late|first\s+half\s+of\s+the|"
    rf"second\s+half\s+of\s+the|turn\s+of\s+the)[-\s]+)?(?P<a>{ORDINAL})"
    rf"(?:[-\s]+centur(?:y|ies)\s*)?(?:\s*(?:[-–]|and|to|or|and\s+the|to\s+the)\s*(?P<b>{ORDINAL}))?"
    rf"[-\s]+centur(?:y|ies)(?P<bc>\s+(?:BCE|BC|B\.C\.))?(?P<ad>\s+(?:AD|A\.D\.|CE)(?![\w-]))?",
    re.I,
)
def _century(m: re.Match[str], ctx: _Context) -> Resolved:
    a = _ordinal(m["a"])
    b = _ordinal(m["b"]) if m["b"] else a
    if m["bc"] and m["ad"]:
        return None  # "3rd century BC AD": no such century
    if m["bc"]:
        return _century_bc(a, b, re.sub(r"\s+", " ", (m["part"] or "").lower()))
    if not 1 <= a <= b <= 21:
        return None
    if m["b"]:
        return _span(f"{a - 1:02d}XX/{b - 1:02d}XX"), EXPLICIT, ""
    part = re.sub(r"\s+", " ", (m["part"] or "").lower())
    if part:
        lo, hi = CENTURY_PARTS[part]
        first = (a - 1) * 100
        return (
            _span(f"{_y(first + lo)}/{_y(first + hi)}"),
            EXPLICIT,
            f"the {part} part of the century",
        )
    return _span(f"{a - 1:02d}XX"), EXPLICIT, ""


def century_bc_part(century: int, part: str) -> tuple[int, int] | None:
    """The astronomical years of a part of a century BC ("early" of the 3rd: -299 to -266,
    300–267 BC): its years run down, so its first third is its oldest. None for "turn of the"
    (into it or out of it: which turn is not said) and for words that name no part. The table
    reader's dates use it too."""
    if part not in CENTURY_PARTS or part == "turn of the":
        return None
    lo, hi = CENTURY_PARTS[part]
    oldest = 1 - century * 100  # astronomical year of the century's first year ("800 BC": -799)
    return oldest + lo, oldest + hi


def _century_bc(a: int, b: int, part: str) -> Resolved:
    """ "the 8th century BC" (800–701 BC), "the 5th to 3rd centuries BC", "the early 5th
    century BC" (500–467 BC)."""
    if not 1 <= b <= a <= 40:
        return None
    if a != b:
        return _span(f"-{a - 1:02d}XX/-{b - 1:02d}XX"), EXPLICIT, ""
    if part:
        years = century_bc_part(a, part)
        if years is None:
            return None
        return _span(f"{_y(years[0])}/{_y(years[1])}"), EXPLICIT, f"the {part} part of the century"
    return _span(f"-{a - 1:02d}XX"), EXPLICIT, ""


@_rule(
    rf"(?:the\s+)?(?:(?P<part>very\s+early|very\s+late|early|mid|late|first\s+half\s+of\s+the|"
    rf"second\s+half\s+of\s+the)[-\s]+)?(?P<a>{ORDINAL})"
    rf"(?:\s*(?:[-–]|and|to|or|and\s+the|to\s+the)\s*(?P<b>{ORDINAL}))?"
    rf"[-\s]+millenni(?:um|a)(?P<bc>\s+(?:BCE|BC|B\.C\.))?(?P<ad>\s+(?:AD|A\.D\.|CE)(?![\w-]))?",
    re.I,
)
def _millennium(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "the third millennium BC" (3000–2001 BC), "the first millennium AD" (AD 1–1000),
    "the 4th and 3rd millennia BC", "the late 2nd millennium BC" (its last third, as for a
    century). Only the first two AD: "the third millennium" is mostly ahead."""
    a = _ordinal(m["a"])
    b = _ordinal(m["b"]) if m["b"] else a
    part = re.sub(r"\s+", " ", (m["part"] or "").lower())
    if m["bc"] and m["ad"]:
        return None
    if m["bc"]:
        if not 1 <= b <= a <= 9:
            return None
        start, end = 1 - a * 1000, -(b - 1) * 1000  # astronomical: 3000 BC is -2999
    else:
        if not 1 <= a <= b <= 2:
            return None
        start, end = (a - 1) * 1000 + 1, b * 1000
    if part and a == b:
        lo, hi = CENTURY_PARTS[part]
        start, end = start + lo * 10, start + hi * 10 + 9
        return _span(f"{_y(start)}/{_y(end)}"), EXPLICIT, f"the {part} part of the millennium"
    return _span(f"{_y(start)}/{_y(end)}"), EXPLICIT, ""


def _named_rule(pattern: str, edtf: str, label: str) -> None:
    @_rule(rf"(?i:the\s+)?(?:(?P<y>{YEAR})\s+)?(?:{pattern})(?![A-Za-z])")
    def _named(m: re.Match[str], ctx: _Context) -> Resolved:
        span = _span(edtf)
        if m["y"]:
            year = _span(m["y"])
            if not span.overlaps(year.start, year.end):
                return None
        return span, NAMED, f"{label}: {span.describe()}"


for _pattern, _edtf, _label in NAMED_PERIODS:
    _named_rule(_pattern, _edtf, _label)


_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
    "halloween": (10, 31), "valentine's day": (2, 14),
}  # fmt: skip


@_rule(
    r"(?P<name>Christmas\s+(?:Eve|Day)|"
    r"(?:(?<=\bon )|(?<=\bat )|(?<=\bby )|(?<=\bbefore )|(?<=\bafter )|(?<=\bover )|"
    r"(?<=\buntil )|(?<=\bsince ))Christmas|"
    r"Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day)|Halloween|Valentine['’]s\s+Day)(?!['’]s)"
    rf"(?:,?\s+(?P<y>{YEAR}))?"
)
def _holiday(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "on Christmas Day", "New Year's Eve 2024", "before Christmas": that day, its year
    written, else found as a month and day without one are ("Dec. 25")."""
    month, day = _HOLIDAYS[" ".join(m["name"].replace("’", "'").lower().split())]
    if m["y"]:
        return _span(_ymd(int(m["y"]), month, day)), EXPLICIT, ""
    return _month_day(month, day, ctx, m)


def _ahead_of_a_past_clause(ctx: _Context, m: re.Match[str]) -> bool:
    """Whether the date before lies after publication and the clause counted from it tells what
    happened ("… plans eight launches in 2026. A rival rocket launched from Cape Canaveral
    hours earlier": not hours before 2026, which only a forecast can count from)."""
    return (
        ctx.published is not None
        and ctx.previous is not None
        and ctx.previous.start > ctx.published
        and _told_as_past(ctx, m)
    )


def _counted_from(ctx: _Context, m: re.Match[str]) -> TimeSpan | None:
    """The date "hours earlier" or "two days later" counts from: the previous one, or, when
    that is a plan and the clause tells what happened, the last date before it told as past
    ("Ariane 6 lifted off on Tuesday. ArianeGroup plans eight launches in 2026. A rival rocket
    launched hours earlier" is that Tuesday); None when the text told of none."""
    if not _ahead_of_a_past_clause(ctx, m):
        return ctx.previous
    published = ctx.published
    assert published is not None  # _ahead_of_a_past_clause says so
    # a day told shortly before (not "Protests began in 2019" paragraphs back)
    return next(
        (
            d.span
            for d in reversed(ctx.told)
            if d.span.end <= published
            and d.span.precision is Precision.DAY
            and m.start() - d.end <= _COUNTED_FROM_REACH
        ),
        None,
    )


_COUNTED_FROM_REACH = 600  # characters: a sentence or two


@_rule(
    rf"\b(?P<n>{NUMBER})\s+(?P<u>{UNIT})\s+(?P<dir>later|afterwards?|after\s+that|earlier|before(?=\s*[,.;]))",
    re.I,
)
def _later(m: re.Match[str], ctx: _Context) -> Resolved:
    prev = _counted_from(ctx, m)
    if prev is None:
        return None
    if m["u"].lower().startswith("day") and prev.precision is not Precision.DAY:
        # "England lost the final in 2021. Southgate resigned two days later": still 2021, not
        # a year's span moved on by two days
        note = f"'{m.group()}' after the previous date ({prev.describe()}): within it"
        return prev, FROM_PREVIOUS, note
    sign = -1 if m["dir"].lower().startswith(("earlier", "before")) else 1
    span = _shift(prev, sign * _number(m["n"]), m["u"].lower())
    return span, FROM_PREVIOUS, f"counted from the previous date ({prev.describe()})"


@_rule(r"\b(?<![\w-]\s)(?P<u>days|weeks|months)\s+(?P<dir>later|afterwards?)\b", re.I)
def _some_later(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "Weeks later the Greek fleet destroyed the Persian navy off Salamis": as "a few weeks
    later", counted from the previous date."""
    prev = _counted_from(ctx, m)
    if prev is None:
        return None
    finer = {"days": (Precision.DAY,), "weeks": (Precision.DAY, Precision.MONTH)}
    if prev.precision not in finer.get(m["u"].lower(), (Precision.DAY, Precision.MONTH)):
        # (after a year, "480 BC", or a month before "days later": within it)
        return prev, FROM_PREVIOUS, f"'{m.group()}' after the previous date ({prev.describe()})"
    span = _shift(prev, 3, m["u"].lower())
    return (
        span,
        FROM_PREVIOUS,
        f"a few {m['u'].lower()} after the previous date ({prev.describe()})",
    )


@_rule(
    rf"(?:\b(?P<n>{NUMBER})\s+)?(?P<u>hours?|minutes?|moments)\s+(?P<dir>later|afterwards?|"
    r"after\s+that|earlier|before(?=\s*[,.;]))",
    re.I,
)
def _hours_later(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "On May 6, 2024, Hamas accepted the proposal. Hours later, Israel launched an operation
    in Rafah": the previous date's day (or whatever it was, at its precision); "48 hours later"
    two days on."""
    prev = _counted_from(ctx, m)
    if prev is None:
        return None
    hours = _number(m["n"]) if m["n"] and m["u"].lower().startswith("hour") else 0
    if hours >= 24:
        sign = -1 if m["dir"].lower().startswith(("earlier", "before")) else 1
        span = _shift(prev, sign * (hours // 24), "days")
        return span, FROM_PREVIOUS, f"counted from the previous date ({prev.describe()})"
    return prev, FROM_PREVIOUS, f"the time of the previous date ({prev.describe()})"


_PARTS_OF_A_DAY = {"morning", "afternoon", "evening", "night"}
_CLOCK = (
    r"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|"
    r"(?:[01]\d|2[0-3])[0-5]\d\s+(?:GMT|UTC)\b)"
)
_TIME_OF_DAY = "a time of day"


@_rule(
    r"\b(?:at|around|about|by|until|shortly\s+(?:after|before)|just\s+(?:after|before))\s+"
    rf"(?:about\s+|around\s+)?{_CLOCK}",
    re.I,
)
def _time_of_day(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "Japan launched a lander on Wednesday. An H3 rocket lifted off from Tanegashima at 9:13
    a.m.": a time of day in a sentence with no date is on the day of the date before it (one
    written with a date, "at 3:40 p.m. on Sunday, Aug. 11", is that date's; see
    `_without_times_beside_dates`)."""
    prev = ctx.previous
    if prev is None or prev.precision is not Precision.DAY or _ahead_of_a_past_clause(ctx, m):
        return None
    return prev, FROM_PREVIOUS, f"{_TIME_OF_DAY}: the day of the previous date ({prev.describe()})"


# A sentence's end, not an abbreviated time's ("at 9:13 a.m. (0013 GMT)")
_STOP = re.compile(r"(?<!\ba\.m)(?<!\bp\.m)[.!?][\"”’)]?\s+(?=[A-Z\"“‘])|\n")


def _without_times_beside_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions without a time of day whose sentence has a date of its own."""
    kept = []
    for d in mentions:
        if d.note.startswith(_TIME_OF_DAY):
            # (its end may lie at the time's start: the look-ahead reads on past `d.start`)
            stops = [
                m.end() for m in _STOP.finditer(text, max(0, d.start - 400)) if m.end() <= d.start
            ]
            start = stops[-1] if stops else max(0, d.start - 400)
            after = _STOP.search(text, d.end)
            end = after.start() if after else len(text)
            if any(o is not d and start <= o.start < end for o in mentions):
                continue
        kept.append(d)
    return kept


@_rule(
    r"(?:the\s+)?(?P<which>following|next|previous|preceding|subsequent|same)\s+(?P<u>year|month|week|day|decade|"
    r"morning|afternoon|evening|night)|(?P<that>that)\s+(?P<u2>year|month|day|morning|afternoon|evening|night)",
    re.I,
)
def _following(m: re.Match[str], ctx: _Context) -> Resolved:
    which = (m["which"] or "same").lower()
    unit = (m["u"] or m["u2"]).lower()
    part_of_a_day = unit in _PARTS_OF_A_DAY
    if part_of_a_day:
        # "By the next morning it had grown to 4,000 hectares", "Around 9 p.m. that night",
        # "Next morning, they left": the day after the date before, or its day
        unit = "day"
    if which == "next" and not m.group().lower().startswith("the") and not part_of_a_day:
        # "pushed back to next year": counted from publication, unknown without it (not the
        # year after the story's last date)
        return _from_published("next", unit, ctx)
    if ctx.previous is None:
        return None
    step = {"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1}.get(
        which, 0
    )
    prev = ctx.previous
    finer = {"day": Precision.DAY, "week": Precision.DAY, "month": Precision.MONTH}.get(unit)
    if finer is not None and prev.precision.rank > finer.rank:
        # "Castillo was removed in December 2022 … and arrested the same day" (or "the next
        # day"): a day of that month, which one unknown; not its first
        note = f"a {unit} within the previous date ({prev.describe()}), which one not said"
        return prev, FROM_PREVIOUS, note
    if unit in ("year", "decade"):
        y = ymd_from_day(prev.start)[0] + step * (10 if unit == "decade" else 1)
        span = _span(_y(y))
    elif unit == "month":
        y, mo, _ = ymd_from_day(prev.start)
        span = _month_span(*_add_months(y, mo, step))
    else:
        days = step * (7 if unit == "week" else 1)
        span = TimeSpan.from_days(
            prev.start + days, prev.start + days + (6 if unit == "week" else 0)
        )
    return span, FROM_PREVIOUS, f"counted from the previous date ({prev.describe()})"


def _from_published(which: str, unit: str, ctx: _Context) -> Resolved:
    pub = ctx.published
    if pub is None:
        return None
    y, mo, _ = ymd_from_day(pub)
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        span = _span(_y(y + step))
    elif unit == "month":
        span = _month_span(*_add_months(y, mo, step))
    elif unit == "decade":
        span = TimeSpan.from_days(pub - 3652, pub) if step < 0 else _span(f"{y // 10:03d}X")
    else:  # week, Monday to Sunday
        monday = pub - (pub + 3) % 7
        span = TimeSpan.from_days(monday + 7 * step, monday + 7 * step + 6)
    return span, FROM_PUBLISHED, f"'{which} {unit}' counted from publication"


@_rule(
    r"(?:the\s+)?(?P<edge>end|start|beginning)\s+of\s+(?:(?P<which>the|this|next|last)\s+"
    r"(?P<u>year|month)\b|(?:fiscal\s+)?(?P<y>" + _YEAR_DIGITS + r"))",
    re.I,
)
def _edge_of(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "before the end of the year" (December), "at the start of next month" (its first ten
    days), "by the end of 2026": the edge of a year or month, the whole its alternative."""
    end = m["edge"].lower() == "end"
    if m["y"]:
        whole: TimeSpan | None = _span(m["y"])
    elif (
        m["which"].lower() == "the"
        and ctx.previous is not None
        and ctx.previous.precision.rank <= Precision.YEAR.rank
        and _told_as_past(ctx, m)
    ):
        # "In 1941 … By the end of the year, the army had withdrawn": the story's year
        y, mo, _ = ymd_from_day(ctx.previous.start)
        whole = _span(_y(y)) if m["u"].lower() == "year" else _month_span(y, mo)
    else:
        which = {"the": "this"}.get(m["which"].lower(), m["which"].lower())
        found = _from_published(which, m["u"].lower(), ctx)
        whole = found[0] if found else None
    if whole is None:
        return None
    y, mo, _ = ymd_from_day(whole.end if end else whole.start)
    if whole.precision is Precision.YEAR:
        span = _month_span(y, mo)
    else:
        first = day_from_ymd(y, mo, 1)
        last = whole.end
        span = TimeSpan.from_days(last - 9, last) if end else TimeSpan.from_days(first, first + 9)
    kind = EXPLICIT if m["y"] else FROM_PUBLISHED
    note = f"'{m.group()}' read as {span.describe()}"
    return span, kind, note, (whole,)


@_rule(
    rf"\b(?i:the\s+(?:past|last)|(?:over|in|during)\s+(?:the\s+)?(?:past|last))\s+(?P<n>{NUMBER})\s+"
    r"(?P<u>(?i:hours|days|weeks|months|years))\b(?!\s+(?i:of|before|after|since|earlier|later))"
)
def _the_past_few(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "Over the last three days, it rained": the three days up to publication, as "over the
    past week" is the week; not "the last two years of his life", nor "in the past 24 hours"
    left undated (its day). Without a publication date, none."""
    if ctx.published is None:
        return None
    n, unit = _number(m["n"]), m["u"].lower().rstrip("s")
    if n < 2 and unit != "hour":
        return None  # "the last 1 days" is no English; "the past year" is read as such
    if unit == "hour":
        days = max(1, -(-n // 24))
    elif unit in ("month", "year"):
        y, mo, d = ymd_from_day(ctx.published)
        y2, m2 = _add_months(y, mo, -n * (12 if unit == "year" else 1))
        days = ctx.published - day_from_ymd(y2, m2, min(d, calendar.monthrange(y2, m2)[1]))
    else:
        days = n * (7 if unit == "week" else 1)
    note = f"the past {m['n'].lower()} {m['u'].lower()}, up to publication"
    return TimeSpan.from_days(ctx.published - days, ctx.published), FROM_PUBLISHED, note


@_rule(
    r"(?:(?P<ed>earlier|later)\s+)?(?P<which>last|this|next|past)\s+(?P<u>year|month|week|decade)\b",
    re.I,
)
def _relative_published(m: re.Match[str], ctx: _Context) -> Resolved:
    which, unit = m["which"].lower(), m["u"].lower()
    if which == "past" and ctx.published is not None:
        days = {"year": 365, "month": 30, "week": 7, "decade": 3652}[unit]
        return (
            TimeSpan.from_days(ctx.published - days, ctx.published),
            FROM_PUBLISHED,
            f"the past {unit}",
        )
    found = _from_published(which, unit, ctx)
    if found and m["ed"] and which == "this" and ctx.published is not None:
        span = found[0]
        if m["ed"].lower() == "earlier":
            return TimeSpan.from_days(span.start, ctx.published), FROM_PUBLISHED, found[2]
        # "Later this week, talks will resume": from publication to the week's end
        return TimeSpan.from_days(ctx.published, span.end), FROM_PUBLISHED, found[2]
    return found


@_rule(
    r"\b(?P<w>(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|tomorrow)|today|tonight|"
    r"last\s+night|this\s+morning)\b",
    re.I,
)
def _days_around(m: re.Match[str], ctx: _Context) -> Resolved:
    if ctx.published is None:
        return None
    word = re.sub(r"\s+", " ", m["w"].lower())
    offset = {
        "yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(word, 0)  # fmt: skip
    return (
        TimeSpan.from_days(ctx.published + offset),
        FROM_PUBLISHED,
        f"'{word}' counted from publication",
    )


@_rule(
    r"\b(?:(?:over|at|on|during|for)\s+the|(?P<which>last|this|next|past|coming))\s+weekend\b"
    r"(?!\s+of\b)",
    re.I,
)
def _weekend(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "over the weekend", "last weekend", "this weekend": a Saturday and Sunday counted from
    publication, the last before it unless the sentence looks ahead ("will meet this weekend",
    "next weekend"), or the one publication falls on."""
    if ctx.published is None:
        return None
    pub, which = ctx.published, (m["which"] or "the").lower()
    today = (pub + 3) % 7  # Monday 0 … Sunday 6
    ahead = which in ("next", "coming") or (
        which in ("this", "the") and _ahead_of_publication(ctx, m) and today < 5
    )
    if today >= 5 and which in ("this", "the"):
        saturday = pub - (today - 5)  # published on the weekend it tells of
    elif ahead:
        saturday = pub + (5 - today) % 7 + (7 if which == "next" and today >= 5 else 0)
    else:
        saturday = pub - ((today - 5) % 7 or 7)
    span = TimeSpan.from_days(saturday, saturday + 1)
    return span, FROM_PUBLISHED, f"'{m.group()}' counted from publication"


@_rule(r"\b(?:recently|lately|in\s+recent\s+(?P<u>days|weeks|months|years))\b", re.I)
def _recently(m: re.Match[str], ctx: _Context) -> Resolved:
    if ctx.published is None:
        return None
    days = {"days": 7, "weeks": 28, "months": 182, "years": 1826}.get((m["u"] or "").lower(), 30)
    return (
        TimeSpan.from_days(ctx.published - days, ctx.published),
        FROM_PUBLISHED,
        "shortly before publication",
    )


@_rule(
    rf"\b(?P<n>{NUMBER})\s+(?P<u>days?|weeks?|months?|years?)\s+ago\s+"
    rf"(?:(?P<today>today)|this\s+(?P<month>month)|(?:last\s+|on\s+)?(?P<w>{WEEKDAY}))\b",
    re.I,
)
def _ago_from_a_day(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "A week ago Friday" (US English): the Friday a week before the last Friday, one day
    (18 October, published on Wednesday 30 October), not a week before publication and a
    Friday besides; the last such weekday is the one before publication's day, as "last
    Friday" is ("a week ago last Friday" too). So "a year ago Tuesday" is that date a year
    before (29 October 2023), "a week ago today" a week before publication, to the day, and
    "two years ago this month" publication's month two years before (October 2022)."""
    if ctx.published is None or (m["w"] and not m["w"][0].isupper()):
        return None
    n, unit = _number(m["n"]), m["u"].lower().rstrip("s")
    anchor, said = ctx.published, "publication"
    if m["w"]:
        target = WEEKDAYS.index(m["w"].capitalize())
        anchor -= ((ctx.published + 3) % 7 - target) % 7 or 7  # day 0 was a Thursday
        said = f"the last {m['w'].capitalize()} before publication"
    y, mo, d = ymd_from_day(anchor)
    if m["month"]:
        if unit not in ("month", "year"):
            return None
        y2, m2 = _add_months(y, mo, -n * (12 if unit == "year" else 1))
        span = _month_span(y2, m2)
        said = "publication's month"
    elif unit in ("month", "year"):
        y2, m2 = _add_months(y, mo, -n * (12 if unit == "year" else 1))
        span = _span(_ymd(y2, m2, min(d, calendar.monthrange(y2, m2)[1])))
    else:
        span = TimeSpan.from_days(anchor - n * (7 if unit == "week" else 1))
    return span, FROM_PUBLISHED, f"{m['n'].lower()} {m['u'].lower()} before {said}"


@_rule(
    rf"\b(?P<n>{NUMBER})\s+(?P<u>days?|weeks?|months?|years?)\s+from\s+"
    rf"(?:(?P<today>today|now)|(?:next\s+)?(?P<w>{WEEKDAY}))\b",
    re.I,
)
def _ahead_from_a_day(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "A week from Saturday", published on Wednesday 30 October 2024: a week after the next
    Saturday (9 November), not that Saturday; "a week from today" is 6 November, not a span
    "from today" open until publication."""
    if ctx.published is None or (m["w"] and not m["w"][0].isupper()):
        return None
    n, unit = _number(m["n"]), m["u"].lower().rstrip("s")
    anchor, said = ctx.published, "publication"
    if m["w"]:
        target = WEEKDAYS.index(m["w"].capitalize())
        anchor += (target - (ctx.published + 3) % 7) % 7  # day 0 was a Thursday
        said = f"the {m['w'].capitalize()} on or after publication"
    if unit in ("month", "year"):
        y, mo, d = ymd_from_day(anchor)
        y2, m2 = _add_months(y, mo, n * (12 if unit == "year" else 1))
        span = _span(_ymd(y2, m2, min(d, calendar.monthrange(y2, m2)[1])))
    else:
        span = TimeSpan.from_days(anchor + n * (7 if unit == "week" else 1))
    return span, FROM_PUBLISHED, f"{m['n'].lower()} {m['u'].lower()} after {said}"


@_rule(rf"\b(?P<n>{NUMBER})\s+(?P<u>{UNIT})\s+ago\b", re.I)
def _ago(m: re.Match[str], ctx: _Context) -> Resolved:
    if ctx.published is None:
        return None
    span = _shift(TimeSpan.from_days(ctx.published), -_number(m["n"]), m["u"].lower())
    unit = m["u"].lower().rstrip("s")
    if unit in ("year", "decade"):
        span = _span(span.edtf[:4])
    elif unit == "month":
        span = _span(span.edtf[:7])
    return span, FROM_PUBLISHED, "counted back from publication"


_FUTURE = re.compile(
    # "went ahead": it happened
    r"\b(?:will|shall|is\s+\w+ing|are\s+\w+ing|next|scheduled|to\s+be|"
    r"(?<!\bwent\s)(?<!\bgone\s)ahead|"
    # "plans to" the verb, not "a new plan to …" the noun; "is expected", not "due to fog"
    r"(?<!\ba\s)(?<!\bthe\s)(?<!\bnew\s)(?<!\bits\s)(?<!\btheir\s)plans?\s+to|"
    r"(?:is|are|be)\s+(?:expected|planned|set|due|forecast|predicted|slated))\b",
    re.I,
)
# What was said would be, the date in what would be: "officials said the first ships would sail
# from Constanta in March" (not "In March, TSMC said it would invest …").
_SAID_WOULD = re.compile(
    r"\b(?:said|told\s+\w+|announced|promised|pledged)\b[^.;]{0,80}?\bwould\s+(?!have\b)"
    r"[^.;]*$",
    re.I,
)
# A verb in the past right before the day ("announced on Monday", "was killed late Sunday",
# "a spokesman, Lin Jian, said on Tuesday") says the day is past, whatever else the sentence
# holds ("… a new plan", "… they were due to meet", "… Beijing will act"); not after "is",
# "will", "be" … ("is scheduled on Monday", "will be held Friday").
_PAST_VERB_BEFORE = re.compile(
    r"(?:^|\b(?!(?:is|are|am|be|will|would|to)\b)\w+[,)\"”’]?)\s+"
    # ("storms were expected on Sunday" looks ahead: see `_FUTURE_IN_PAST`)
    r"(?:(?!(?:expected|scheduled|planned|predicted|forecasted|slated)\b)\w+ed|said|met|told|took|held|made|"
    r"gave|went|came|left|began|fled|fell|won|lost|sent|hit|struck|shot|wrote|spoke|saw|found|"
    r"broke|rose|ran|led|sank|brought|flew|fought|stood|swept|seized|was|were)"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.I,
)
# A clause after "after", "since", "because" … that tells in the past what led to the news,
# whatever the main clause says ahead: "… will face each other in a runoff after neither won
# outright in Sunday's first round" is the Sunday before publication ("after the planned vote on
# Sunday" is not).
_PAST_CLAUSE_BEFORE = re.compile(
    r"\b(?:after|since|because|when|once)\s+(?:[\w'’]+\s+){0,3}?(?<!\bthe\s)(?<!\ba\s)"
    r"(?<!\ban\s)(?:(?!(?:need|speed|seed|feed|bed|red|hundred)\b)\w+ed|said|met|told|took|"
    r"held|made|gave|went|came|left|began|fled|fell|won|lost|sent|hit|struck|shot|wrote|spoke|"
    r"saw|found|broke|rose|ran|led|sank|brought|flew|fought|stood|swept|seized|was|were)\b"
    r"(?![^,;]*\b(?:will|would|is|are)\b)[^,;]*$",
    re.I,
)
# What was said to lie ahead: "Forecasters said the storm would stall over Tennessee on
# Sunday" is the Sunday after publication, not the one before.
_FUTURE_IN_PAST = re.compile(
    r"\b(?:would|(?:was|were)\s+(?:to|due\s+to|expected|set\s+to|scheduled|forecast|"
    r"predicted|slated))\s"
    r"[^.;]*$",
    re.I,
)
# A verb in the present right before the day tells what is scheduled, as a news lead does:
# "Chileans vote Sunday in a presidential runoff" (published on the Friday before).
_SCHEDULED = re.compile(
    r"\b(?:votes?|go(?:es)?\s+to\s+the\s+polls|heads?\s+to\s+the\s+polls|meets?|opens?|"
    r"begins?|starts?|resumes?|reopens?|hosts?|plays?|kicks?\s+off|takes?\s+office|"
    r"elects?|chooses?|decides?|closes?)\s+"
    # (at its hour: "Polls open at 7 a.m. Sunday", "close at 8 p.m. local time Tuesday")
    r"(?:at\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m)?\s+(?:local\s+time\s+|GMT\s+|ET\s+)?)?"
    r"(?:on\s+)?$",
    re.I,
)
# (not after "a.m." or "p.m." before a day: "Polls open at 7 a.m. Sunday")
_SENTENCE_END = re.compile(r"(?<!\b[ap]\.m)[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])")


_NEXT_CLAUSE = re.compile(r",?\s+(?:and|but)\s+(?=(?:will|shall|would|is|are|plans?)\b)")


def _sentence_around(ctx: _Context, m: re.Match[str]) -> tuple[int, str, str]:
    """Where the sentence of a date starts, its words before the date and after it. The
    tense is the sentence's: not a "will" of the sentence before, nor a "plan" of the next."""
    line_start = ctx.text.rfind("\n", 0, m.start()) + 1
    start = max(line_start, m.start() - 120)
    # (To the date's first letter: a sentence it opens ends before it.)
    for end in _SENTENCE_END.finditer(ctx.text, start, m.start() + 1):
        start = end.end()
    line_end = ctx.text.find("\n", m.end())
    after = ctx.text[m.end() : min(m.end() + 40, line_end if line_end >= 0 else len(ctx.text))]
    end_of_sentence = _SENTENCE_END.search(after)
    after = after[: end_of_sentence.start() + 1] if end_of_sentence else after
    # "Leaders met in Paris on March 3 and will meet again …": the next clause's tense is not
    # the date's.
    next_clause = _NEXT_CLAUSE.search(after)
    after = after[: next_clause.start()] if next_clause else after
    return start, ctx.text[start : m.start()], after


def _goes_on_forward(
    ctx: _Context, m: re.Match[str] | None, prev_month: int, year: int, month: int, day: int
) -> bool:
    """Whether a month or day told without its year, earlier in the year than the previous
    date's month, is the story going on into the next `year`: far back in the year ("Dec. 20,
    1941 … Jan. 5"), or, in news, told in the simple past ("The siege began in May 2024.
    Fighting flared again in January": January 2025), not looking back with "had" ("In
    January the RSF had massed troops"). Never after publication."""
    try:
        forward = day_from_ymd(year, month, day)
    except ValueError:
        return False
    if (
        ctx.published is not None
        and forward > ctx.published
        and not _an_end(ctx, m)
        and not _said_to_lie_ahead(ctx, m)
    ):
        return False
    if prev_month - month > 6:
        return True
    return ctx.published is not None and not (
        m is None or _PAST_PERFECT.search(_sentence_text(ctx, m))
    )


def _said_to_lie_ahead(ctx: _Context, m: re.Match[str] | None) -> bool:
    """Whether a date was said, in the past, to lie ahead: "Trump warned there would be hell
    to pay if hostages were not freed before his inauguration on Jan. 20"."""
    if m is None:
        return False
    start, _before, _after = _sentence_around(ctx, m)
    return bool(_FUTURE_IN_PAST.search(ctx.text, start, m.start()))


def _ym_day(year: int, month: int) -> int:
    """The middle of a month, as a day number."""
    return day_from_ymd(year, month, 15)


_UNTIL = re.compile(r"\b(?:until|till)\s+(?:at\s+least\s+|after\s+)?$", re.I)


def _an_end(ctx: _Context, m: re.Match[str] | None) -> bool:
    """A date after "until" ("Operations were suspended until at least May 30"): the end of what
    the clause tells, which may lie after publication even when told in the past."""
    if m is None:
        return False
    if re.match(r"(?i:until|till)\b", m[0]):  # the rule's own cue: "until May"
        return True
    return bool(_UNTIL.search(ctx.text, max(0, m.start() - 30), m.start()))


def _sentence_text(ctx: _Context, m: re.Match[str]) -> str:
    start, _before, after = _sentence_around(ctx, m)
    return ctx.text[start : m.end()] + after


def _ahead_of_publication(ctx: _Context, m: re.Match[str]) -> bool:
    """A month or day without a year in a sentence about what will be ("Leaders will meet
    again in March", "The vote is scheduled for May 5"): after publication, not in the year
    of the story's last date."""
    if ctx.published is None:
        return False
    start, before, after = _sentence_around(ctx, m)
    if _PAST_VERB_BEFORE.search(ctx.text[start : m.start()]):
        return False
    if _FUTURE.search(before + m[0] + after):
        return True
    if _SAID_WOULD.search(ctx.text, start, m.start()) and (
        # (not what was said, in a paragraph about a year before: "Smith was arrested in May
        # 2024. Police said he would appear in court in June")
        ctx.previous is None
        or ctx.previous.end >= ctx.published - 366
        or _paragraph_between(ctx.text, ctx.previous_end, m.start())
    ):
        return True
    # "Firefighters expect to reach full containment by Nov. 20, a spokesman said": what they
    # look ahead to, with no verb in the past between
    ahead = _AHEAD_VERB.search(ctx.text, start, m.start())
    return ahead is not None and not _PAST_TENSE.search(ctx.text, ahead.end(), m.start())


_SET_FOR = re.compile(
    r"(?:\b(?:set|scheduled|slated)\s+(?!(?:a\s+)?records?\b|up\b|off\b|fire\b)"
    r"(?:[\w'’-]+\s+){0,4}?for|"
    r"\b(?:postponed|delayed|rescheduled|adjourned|pushed\s+back|put\s+off|moved)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:for|until|till|to))\s+(?:(?:on|the)\s+)?$",
    re.I,
)
_AHEAD_VERB = re.compile(r"\b(?:expects?|hopes?|aims?|intends?)\s+to\b", re.I)


@_rule(
    rf"(?:(?P<which>last|this|next|on|coming)\s+)?(?P<w>{WEEKDAY})(?![A-Za-z])"
    r"(?:,?\s+(?:of\s+)?(?P<week>last|next|this)\s+week\b)?",
    re.I,
)
def _weekday(m: re.Match[str], ctx: _Context) -> Resolved:
    if not m["w"][0].isupper() or (ctx.published is None and m["week"]):
        return None
    pub = ctx.published
    target = WEEKDAYS.index(m["w"].capitalize())
    today = (pub + 3) % 7 if pub is not None else 0  # day 0 (1970-01-01) was a Thursday
    if m["week"] and pub is not None:
        # "on Thursday last week": that day of the week before publication's (Monday to Sunday)
        step = {"last": -1, "this": 0, "next": 1}[m["week"].lower()]
        day = pub - today + 7 * step + target
        return (
            TimeSpan.from_days(day),
            FROM_PUBLISHED,
            f"the {m['w'].capitalize()} of {m['week'].lower()} week",
        )
    which = (m["which"] or "").lower()
    start, before, after = _sentence_around(ctx, m)
    past_verb = which in ("", "on") and bool(
        _PAST_VERB_BEFORE.search(ctx.text[start : m.start() + len(m[0]) - len(m["w"])])
        or _PAST_CLAUSE_BEFORE.search(ctx.text, start, m.start())
    )
    ahead = which in ("next", "coming") or (
        which != "last"
        and not past_verb
        and bool(
            _FUTURE.search(before + m[0] + after)
            or _FUTURE_IN_PAST.search(ctx.text, start, m.start())
            or _SCHEDULED.search(ctx.text, start, m.start())
        )
    )
    back = (today - target) % 7
    if which in ("", "on") and (told := _a_day_told_in_full(ctx)) is not None:
        # "On Tuesday, October 29, 2024, torrential rain swept … ¶ On Wednesday, soldiers
        # reached Paiporta": the story goes on from the day it told in full, to the day after
        # (told past, before publication, or the day told is publication's, a chronicle's
        # lead taken for it); not a week before, nor in publication's week a year later
        # (and so on: "On Thursday, the death toll rose" after it is the Thursday after that;
        # with no publication date too, a history's "On Sunday, December 7, 1941, … On Monday")
        day = told.span.start + (target - (told.span.start + 3) % 7) % 7
        note = f"the {m['w'].capitalize()} after {told.span.describe()}{_THE_DAY_TOLD_BEFORE}"
        if pub is None and day != told.span.start and not ahead:
            return TimeSpan.from_days(day), FROM_PREVIOUS, note
        if ahead and pub is not None and told.span.start >= pub and day != told.span.start:
            # "Americans will vote on Tuesday, November 5, 2024. On Wednesday, officials will
            # begin counting": the day after the day ahead, not the day after publication
            other = pub + (target - today) % 7
            alternatives = (TimeSpan.from_days(other),) if other != day else ()
            return TimeSpan.from_days(day), FROM_PREVIOUS, note, alternatives
        chain = told.note.endswith(_THE_DAY_TOLD_BEFORE)
        if (
            not ahead
            and pub is not None
            and day not in (told.span.start, pub - back)
            # (not after a day ahead: "will vote on Tuesday, Nov. 5. On Wednesday, Trump
            # rallied in Pennsylvania" is the Wednesday before publication)
            and (day <= pub or told.span.start == pub or (chain and told.span.start > pub))
        ):
            return TimeSpan.from_days(day), FROM_PREVIOUS, note, (TimeSpan.from_days(pub - back),)
    if pub is None:
        return None
    if ahead:
        day = pub + (target - today) % 7
        if which == "next" and day == pub:
            day += 7
    elif back == 0 and which in ("", "on") and _a_later_day_told_before(ctx, m, target, today):
        day = pub - 7
    else:
        day = pub - back if not (which == "last" and back == 0) else pub - 7
    alt_day = pub - back if ahead else pub + (target - today) % 7
    note = f"the {m['w'].capitalize()} {'on or after' if ahead else 'on or before'} publication"
    alternatives = (TimeSpan.from_days(alt_day),) if alt_day != day else ()
    return TimeSpan.from_days(day), FROM_PUBLISHED, note, alternatives


_A_DAY_TOLD_IN_FULL = re.compile(
    rf"(?i:on)\s+{WEEKDAY},?\s+(?:the\s+)?(?:{MONTH}\s+{DAY}|{DAY}\s+(?:of\s+)?{MONTH})(?:,?\s+{YEAR})?"
)


_THE_DAY_TOLD_BEFORE = ", the day told before"


def _a_day_told_in_full(ctx: _Context) -> DateMention | None:
    """The date told last when it is one day, written in full as an event's, with its weekday
    ("On Tuesday, October 29, 2024, torrential rain swept …"): a chronicle going on from it
    day by day, as it does from a weekday so read. (A dateline's day, "VALENCIA, Spain,
    Tuesday, October 29, 2024 —", is publication's, from which a weekday counts back.)"""
    if not ctx.told:
        return None
    last = ctx.told[-1]
    if last.span.start != last.span.end:
        return None
    if last.note.endswith(_THE_DAY_TOLD_BEFORE):  # a day of the chronicle read so
        return last
    if _A_DAY_TOLD_IN_FULL.fullmatch(last.text):
        return last
    return None


# A weekday the story goes on to after a day of publication's name: "On Tuesday, the storm
# formed …, and on Wednesday it crossed …" (or "by Wednesday"), not "since Wednesday".
_ON_A_LATER_WEEKDAY = re.compile(rf"(?<!since )(?<!last )\b(?:[Oo]n|[Bb]y)\s+(?P<w>{WEEKDAY})\b")
_LAST_WEEK = re.compile(r"\blast\s+week\b", re.I)


def _a_later_day_told_before(ctx: _Context, m: re.Match[str], target: int, today: int) -> bool:
    """Whether a past day named as publication's weekday is rather the one a week before: the
    paragraph tells of "last week" before it, or goes on, in the past, to a later weekday that
    can only lie before publication ("On Tuesday, the storm formed …, and on Wednesday it
    crossed …" in a story published on a Tuesday)."""
    para_start = ctx.text.rfind("\n", 0, m.start()) + 1
    para_end = ctx.text.find("\n", m.end())
    para_end = len(ctx.text) if para_end < 0 else para_end
    if _LAST_WEEK.search(ctx.text, para_start, m.start()):
        return True
    previous = ctx.previous
    if (
        previous is not None
        and ctx.published is not None
        and previous.end - previous.start == 6
        and previous.start <= ctx.published - 7 <= previous.end
    ):
        # "Delia formed in the Gulf last week. ¶ On Tuesday, it made landfall": the story, told
        # last week in a paragraph before, is still there
        return True
    for later in _ON_A_LATER_WEEKDAY.finditer(ctx.text, m.end(), para_end):
        if (today - WEEKDAYS.index(later["w"])) % 7 in (0, 1):
            continue  # the same day, or the day before publication: either reading fits
        sentence_start = ctx.text.rfind(".", m.end(), later.start()) + 1 or m.end()
        sentence_end = ctx.text.find(".", later.end(), para_end)
        words = ctx.text[sentence_start : sentence_end if sentence_end >= 0 else para_end]
        if _FUTURE.search(words) or _FUTURE_IN_PAST.search(words):
            return False
        return True
    return False


@_rule(
    rf"(?:(?P<d>{DAY})\s+(?:of\s+)?)?(?P<m>{MONTH})\s+(?:(?P<d2>{DAY}),?\s+)?"
    r"(?P<n>[1-9]\d{0,3})\s*(?:BCE|BC|B\.C\.)(?![A-Za-z])"
)
def _month_bc(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "on 1 October 331 BCE", "in June 323 BC", "March 15, 44 BC": that day or month."""
    year, month = 1 - int(m["n"]), month_number(m["m"])
    day = m["d"] or m["d2"]
    if day:
        return _span(_ymd(year, month, _day_number(day))), EXPLICIT, ""
    return _span(_ym(year, month)), EXPLICIT, ""


@_rule(r"(?P<n>\d{1,4})\s*(?:BC|BCE|B\.C\.)(?![A-Za-z])")
def _year_bc(m: re.Match[str], ctx: _Context) -> Resolved:
    if int(m["n"]) == 0:
        return None  # there was no year 0 BC ("0 BC" was read as AD 1)
    return _span(_y(1 - int(m["n"]))), EXPLICIT, ""


@_rule(
    r"(?i:(?P<cue>from|between)\s+)(?P<a>\d{1,4})(?:\s*(?:BC|BCE|B\.C\.))?"
    r"(?:\s*[-–]\s*|\s+(?:to|until|and)\s+)(?P<b>\d{1,4})\s*(?:BC|BCE|B\.C\.)(?![A-Za-z])"
)
def _years_bc(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "from 221 to 206 BC", "between 500 and 300 BC": both years BC, the older first."""
    a, b = int(m["a"]), int(m["b"])
    if a <= b:
        return None
    return _span(f"{_y(1 - a)}/{_y(1 - b)}"), EXPLICIT, ""


@_rule(rf"(?P<y>{YEAR}){_NOT_A_YEAR_AFTER}")
def _year(m: re.Match[str], ctx: _Context) -> Resolved:
    return _span(m["y"]), EXPLICIT, ""


_AD = r"(?:AD|A\.D\.|CE|C\.E\.)"


@_rule(rf"(?<![\w$£€.,/-])(?:{_AD}\s+(?P<a>[1-9]\d{{0,3}})|(?P<b>[1-9]\d{{0,3}})\s*{_AD})(?![\w-])")
def _year_ad(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "AD 629", "629 AD", "79 CE": that year."""
    return _span(_y(int(m["a"] or m["b"]))), EXPLICIT, ""


@_rule(
    r"(?<![\w.])(?:c\.|ca\.|circa)\s*(?P<y>[1-9]\d{0,3})(?P<bc>\s*(?:BCE|BC|B\.C\.))?"
    r"(?![\d%]|\s*(?:AD|CE)\b)"
)
def _circa(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "built c. 600 in Cairo", "circa 1200", "ca. 1200 BC": about that year."""
    year = 1 - int(m["y"]) if m["bc"] else int(m["y"])
    return _span(f"{_y(year)}~"), EXPLICIT, "about that year"


@_rule(
    r"(?<![\w.])(?i:around|about|approximately|roughly)\s+(?:(?P<bcy>[1-9]\d{0,3})\s*"
    r"(?:BCE|BC|B\.C\.)(?![A-Za-z])|(?P<y>1\d{3}|20\d{2})"
    r"(?=\s*[.,;:)]|\s*$|\s+(?:in|on|at|when|and|or|by|as|AD|CE)\b))"
)
def _around(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "founded Byzantium around 657 BC", "built about 1200, when …": about that year, as
    "c. 600" is (not "about 1500 troops")."""
    year = 1 - int(m["bcy"]) if m["bcy"] else int(m["y"])
    return _span(f"{_y(year)}~"), EXPLICIT, "about that year"


_ONE_IN = re.compile(r"\b(?:one|\d[\d,.]*)\s+in\s+$", re.I)


@_rule(
    r"(?:(?<=\b[Ii]n\s)|(?<=\b[Ss]ince\s)|(?<=\b[Aa]round\s)|(?<=\b[Uu]ntil\s)|"
    r"(?<=\bcirca\s)|(?<=\bc\.\s))(?P<y>[1-9]\d{2})(?=\s*[.,;:)]|\s+and\s|\s+or\s|\s*$)"
)
def _early_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """A year of three digits after "in", "since", "around" that ends its phrase: "left
    Chang'an in 629 and", "In 751, an Arab army", "founded in 762," (not "in 300 villages",
    nor a rate, "one in 300.")."""
    if _ONE_IN.search(ctx.text, max(0, m.start() - 16), m.start()):
        return None
    return _span(_y(int(m["y"]))), EXPLICIT, ""


@_rule(
    # (not a delay's length: "was delayed by a week to Nov. 2")
    rf"(?<!\b[Aa]\s)(?<!\b[Oo]ne\s)(?i:the\s+)?(?i:week|seven\s+days)\s+(?i:to|ending|through)\s+"
    rf"(?P<inner>(?i:on\s+)?{WEEKDAY}(?![A-Za-z'’])|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?)"
)
def _week_to(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "in the week to Sunday", "the week ending Jan. 18": the seven days up to that day."""
    for pattern, resolve in _RULES:
        if resolve not in (_weekday, _md, _mdy):
            continue
        inner = pattern.match(ctx.text, m.start("inner"))
        if inner is None or inner.end() != m.end("inner"):
            continue
        found = resolve(inner, ctx)
        if found is None or found[0].precision is not Precision.DAY:
            return None
        last = found[0].end
        span = TimeSpan.from_days(last - 6, last)
        return span, found[1], f"the seven days up to {found[0].describe()}", (found[0],)
    return None


@_rule(
    rf"(?i:the\s+)?(?:(?i:year)|(?:12|(?i:twelve))\s+(?i:months))\s+(?i:to|ending|through)\s+"
    rf"(?P<inner>{MONTH}(?:,?\s+{YEAR})?)"
)
def _year_to(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "prices rose 3% in the year to March", "in the 12 months to June 2024": the twelve
    months up to that month's end."""
    if not re.search(r"\d", m["inner"]):  # "the year to March": the story's March
        found = _month_of_the_story(month_number(m["inner"]), "in", m, ctx)
        if found is None or found[0].precision is not Precision.MONTH:
            return None
        y, mo, _ = ymd_from_day(found[0].start)
        span = _span(f"{_ym(*_add_months(y, mo, -11))}/{_ym(y, mo)}")
        return span, found[1], f"the twelve months up to {found[0].describe()}", (found[0],)
    for pattern, resolve in _RULES:
        if resolve is _year_to:
            continue
        inner = pattern.match(ctx.text, m.start("inner"))
        if inner is None or inner.end() != m.end("inner"):
            continue
        try:
            found = resolve(inner, ctx)
        except (DateError, ValueError):
            continue
        if found is None or found[0].precision is not Precision.MONTH:
            continue
        y, mo, _ = ymd_from_day(found[0].start)
        first = _add_months(y, mo, -11)
        span = _span(f"{_ym(*first)}/{_ym(y, mo)}")
        return span, found[1], f"the twelve months up to {found[0].describe()}", (found[0],)
    return None


# --- the scan ----------------------------------------------------------------------------------


def _on_word_edges(text: str, start: int, end: int) -> bool:
    """False when a match starts or ends inside a word ("a" in "Syria", "2015" in "S2015")."""
    inside_start = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    inside_end = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (inside_start or inside_end)


_SINCE = re.compile(r"\b(?:since|ever\s+since|from)\s+(?:the\s+)?$", re.I)
_FROM_A_TIME = re.compile(
    r"\b(?:records?|documents?|letters?|texts?|manuscripts?|inscriptions?|chronicles?|accounts?|"
    r"archives?|artefacts?|artifacts?|objects?|relics?|remains|ruins|coins?|pottery|tablets?|"
    r"tombs?|graves?|sculptures?|paintings?|murals?|frescoes|carvings?|photos?|photographs?|"
    r"footage|maps?|fossils?|bones|skeletons?|finds|treasures?|dat(?:es?|ed|ing))"
    r"\s+from\s+(?:the\s+)?$",
    re.I,
)
"""Things that come from a time, or date from it: "records from the 3rd century", "a mosque
dating from 1127". That time is theirs, not a "since" open until publication."""
_RANGE_CUE = re.compile(r"\b(?P<cue>from|between)\s+(?:the\s+)?$", re.I)
_RANGE_TO = {
    "from": re.compile(r"\s*(?:[-–—]|\s(?:to|until|till|through)(?:\s+at\s+least)?\s)\s*", re.I),
    "between": re.compile(r"\s+and\s+", re.I),
}
"""What joins a range's two dates after its cue: "from the 1960s until 1975", "between March
and May 2020" (the years' own rule reads "from 1960 to 1975" whole)."""
_BARE_MONTH = re.compile(rf"(?P<m>{MONTH})(?!\s*,?\s*(?:of\s+)?\d|\s*[-–])")
"""A range's end month with no day or year of its own: "from January to March"."""
_OWN_CUE = re.compile(r"(?P<cue>from|between)\s", re.I)
_OWN_SINCE = re.compile(r"(?:ever\s+)?since\s", re.I)
"""A month's own "since": "Since August, protests have spread" is open until publication."""
_AND_NEXT = re.compile(r",?\s+and\s+(?:on\s+|in\s+)?", re.I)
"""Between two dates of a list: "on Aug. 25 and Sept. 17, 1941" (the first takes its year)."""
_AND_DAY_YEAR = re.compile(rf"(?P<d>{DAY}),?\s+(?P<y>{YEAR}){_NOT_A_YEAR_AFTER}")
"""A bare day with the year after "and": "on March 3 and 10, 2020" (the month is the first's)."""
_AND_DAY = re.compile(rf"(?P<d>{DAY})(?!\s*(?:{MONTH}|[-–/.,:]?\s*\d)){_AFTER_TWO_DAYS}")
"""A bare day after "and", with no year: "on March 3 and 10" (the month and year the first's;
"and 10 others" counts people)."""
_DAYS_BEFORE = re.compile(rf"(?<![\w.,$£€-])(?P<days>(?:{DAY},\s*)*{DAY}),?\s+and\s+$")
"""Bare days listed before a day written with its month: "on 3 and 10 March 2020", "on 3, 5
and 10 March"."""


_TO_NOW = re.compile(r"(?:the\s+)?(?:present|now|today|this\s+day|date)\b", re.I)
_A_DATE_NEXT = re.compile(rf"(?:the\s+)?(?:\d|(?i:early|mid|late)\b|{MONTH}|[A-Z])")
_CLOSED_LATER = re.compile(r"(?:[^\W\d]+['’]?s?\s+){1,4}(?:in|on)\s+")


def _closed_later(text: str, end: int, start: int) -> bool:
    """Whether a range's end is a date a few words on: "from 1520 until | his death in | 1566"."""
    return _CLOSED_LATER.fullmatch(text, end, start) is not None


def _follows(text: str, end: int, start: int) -> bool:
    """Whether a date starting at `start` comes straight after `end` ("the" may stand between)."""
    return start == end or re.fullmatch(r"the\s+", text[end:start], re.I) is not None


def _yearless(mention: DateMention) -> bool:
    """A month or day whose year was guessed (from the story or the publication date)."""
    return mention.kind in (FROM_PREVIOUS, FROM_PUBLISHED) and mention.span.precision in (
        Precision.MONTH,
        Precision.DAY,
    )


def _in_year_of(span: TimeSpan, later: TimeSpan) -> TimeSpan:
    """A yearless month or day (`span`, as guessed) in the year of a later date written with
    its own: "November … June 2020" is November 2019."""
    first_year, month, day = ymd_from_day(span.start)
    end_year, end_month, _ = ymd_from_day(later.start)
    year = end_year if month <= end_month else end_year - 1
    if span.precision is Precision.MONTH:
        return _month_span(year, month)
    if span.start != span.end:  # "late March … and April 2020": 21 to 31 March 2020
        _, last_month, last_day = ymd_from_day(span.end)
        return _span(f"{_ymd(year, month, day)}/{_ymd(year, last_month, last_day)}")
    return _span(_ymd(year, month, day))


def _joined(first: DateMention, last: DateMention, cue_start: int, text: str) -> DateMention | None:
    """One mention for a range written as two dates: from the first's start to the last's end.
    A first date without its year ("from March until June 2020") takes the last's."""
    begin, notes = first.span, [first.note]
    if _yearless(first) and last.kind == EXPLICIT:
        begin = _in_year_of(begin, last.span)
        notes = [f"the start's year from the end's ({last.span.describe()})"]
    start_edtf = begin.edtf.split("/")[0].rstrip("~?%")
    end_edtf = last.span.edtf.split("/")[-1].rstrip("~?%")
    try:
        span = _span(f"{start_edtf}/{end_edtf}")
    except DateError:
        return None  # the end before the start: two dates after all
    kind = last.kind if first.kind == EXPLICIT or notes != [first.note] else FROM_PREVIOUS
    note = "; ".join(n for n in (*notes, last.note) if n)
    return DateMention(cue_start, last.end, text[cue_start : last.end], span, kind, note)


_SOME_DAY = 20_000  # any day: only whether an expression counts from publication is asked


def _counts_from_publication(resolve: Callable, m: re.Match[str], ctx: _Context) -> bool:
    """Whether an expression skipped for want of a publication date counts from it."""
    try:
        probe = resolve(m, _Context(ctx.text, _SOME_DAY, ctx.previous, ctx.previous_end))
    except (DateError, ValueError):
        return False
    return probe is not None and probe[1] == FROM_PUBLISHED


def find_dates(text: str, published: int | None = None) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved to a time span.

    `published` is the publication date as a day number; without it, expressions that count
    from publication ("last month", "Friday") are skipped.
    """
    return list(_dates_of(text, published))


@functools.lru_cache(maxsize=8)
def _dates_of(text: str, published: int | None) -> tuple[DateMention, ...]:
    """The scan itself, kept for the last few texts: an import reads the whole article's
    dates several times over (its publication date, its checks, its drafts)."""
    raw: list[tuple[int, int, int, re.Match[str], Callable]] = []
    for order, (pattern, resolve) in enumerate(_RULES):
        for m in pattern.finditer(text):
            if m.end() > m.start() and _on_word_edges(text, m.start(), m.end()):
                raw.append((m.start(), -(m.end() - m.start()), order, m, resolve))
    raw.sort(key=lambda r: (r[0], r[1], r[2]))
    ctx = _Context(text=text, published=published)
    mentions = ctx.told
    taken_until = -1
    # A date after "from" or "between" that a connector follows ("from the 1960s until"): the
    # range's start, kept as read until the next date shows whether the range closes there.
    range_open: tuple[DateMention, int, int] | None = None  # (as read, cue start, end's start)
    listed: tuple[int, int] | None = None  # a yearless date before "and": (its index, next's start)
    for start, _neg, _order, m, resolve in raw:
        if start < taken_until:
            continue
        try:
            resolved = resolve(m, ctx)
        except (DateError, ValueError):
            resolved = None
        if resolved is None:
            if published is None and _counts_from_publication(resolve, m, ctx):
                # "… late last year. In March, TSMC said": with no publication date to place
                # "last year", the story has moved to a time nobody knows; the date before it
                # lends no year to what follows.
                ctx.previous = None
            continue
        span, kind, note, *more = resolved
        alternatives = more[0] if more else ()
        if range_open is not None and (
            _follows(text, range_open[2], start) or _closed_later(text, range_open[2], start)
        ):
            last = DateMention(start, m.end(), m.group(), span, kind, note)
            joined = _joined(range_open[0], last, range_open[1], text)
            range_open = None
            if joined is not None:
                mentions[-1] = joined
                ctx.previous, ctx.previous_end = joined.span, joined.end
                taken_until = m.end()
                continue
        range_open = None
        # Only a month or day written with its year lends it ("and in 2019", "and the 1990s"
        # say nothing of the year of the date before them).
        if (
            listed is not None
            and _follows(text, listed[1], start)
            and kind == EXPLICIT
            and span.precision in (Precision.MONTH, Precision.DAY)
        ):
            before = mentions[listed[0]]  # "on Aug. 25 and Sept. 17, 1941": Aug. 25, 1941
            why = f"the year of the date after it ({span.describe()})"
            moved = _in_year_of(before.span, span)
            mentions[listed[0]] = DateMention(
                before.start, before.end, before.text, moved, before.kind, why, before.alternatives
            )
        listed = None
        # The cue before the date, or the first word of it ("from March": a month's own cue).
        cue = _RANGE_CUE.search(text, max(0, start - 20), start) or _OWN_CUE.match(m.group())
        cue_start = cue.start() + (start if cue.re is _OWN_CUE else 0) if cue else start
        to = cue and _RANGE_TO[cue["cue"].lower()].match(text, m.end())
        if to:
            as_read = DateMention(start, m.end(), m.group(), span, kind, note, alternatives)
            range_open = (as_read, cue_start, to.end())
        begin = start
        since = _SINCE.search(text, max(0, start - 20), start) or _OWN_SINCE.match(m.group())
        if since and _FROM_A_TIME.search(text, max(0, start - 40), start):
            since = None
        if to and not _TO_NOW.match(text, to.end()) and not _A_DATE_NEXT.match(text, to.end()):
            since = None  # "from 1520 until his death": it ended, when the text does not say
        if since and _PAST_PERFECT.search(_sentence_text(ctx, m)):
            since = None  # "Since June, the army had advanced": it ended before the story's now
        opened = False
        if since and published is not None and published >= span.start:
            # "since 2014", or "from 2014 to the present": open until publication
            span = _span(f"{span.edtf.split('/')[0].rstrip('~?%')}/{iso_from_day(published)}")
            begin = since.start() + (start if since.re is _OWN_SINCE else 0)
            opened = True
            note = (note + "; " if note else "") + "'since': open until publication"
        if resolve in (_dmy, _dm) and begin == start:
            # "on 3 and 10 March 2020": the bare days before are the same month's and year's.
            after = mentions[-1].end if mentions else 0
            mentions += _days_before(text, start, span, kind, after)
        mentions.append(
            DateMention(begin, m.end(), text[begin : m.end()], span, kind, note, alternatives)
        )
        # "Since 2014 he has lived in Kyiv. In March, he moved": open until publication, it
        # lends no year of its start to what comes next (March is the latest before publication).
        ctx.previous = None if opened and range_open is None else span
        ctx.previous_end = m.end()
        taken_until = m.end()
        if range_open is not None and (closed := _month_range(range_open, text)):
            mentions[-1] = closed  # "from January to March": one span, in the start's year
            ctx.previous, ctx.previous_end = closed.span, closed.end
            taken_until = closed.end
            range_open = None
            continue
        if (
            _yearless(mentions[-1])
            and span.precision is Precision.MONTH
            and (and_next := _AND_NEXT.match(text, m.end()))
            and (months := _and_month(mentions[-1], text, and_next.end(), cue_start))
        ):
            # "In March and April": both months of the year guessed; one span when they follow
            # each other, as "3 and 4 March" is.
            mentions[-1:] = months
            ctx.previous, ctx.previous_end = months[-1].span, months[-1].end
            taken_until = months[-1].end
            continue
        if _yearless(mentions[-1]) and (and_next := _AND_NEXT.match(text, m.end())):
            listed = (len(mentions) - 1, and_next.end())
            if span.precision is Precision.DAY and (
                second := _listed_day(mentions[-1], _AND_DAY_YEAR.match(text, and_next.end()))
                or _same_month_day(mentions[-1], _AND_DAY.match(text, and_next.end()))
            ):
                # "on March 3 and 10, 2020": the bare day is one of the month's, and both
                # take the year written after it.
                mentions[-1] = second[0]
                mentions.append(second[1])
                ctx.previous, ctx.previous_end = second[1].span, second[1].end
                taken_until = second[1].end
                listed = None
    return tuple(_without_times_beside_dates(text, _moved_to(text, _offset(text, mentions))))


_OFFSET_BEFORE = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>after|before)\s+"
    r"(?:the\s+)?$",
    re.I,
)


def _offset(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "Two days after Oct. 7, 2023, troops crossed": two days after that day (9 October),
    not the day; "a month after the Oct. 7 attack" likewise. The day named is the
    alternative."""
    out = []
    for mention in mentions:
        found = _OFFSET_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if found is not None and "/" not in mention.span.edtf:
            amount = _number(found["n"]) * (1 if found["dir"].lower() == "after" else -1)
            try:
                moved = _shift(mention.span, amount, found["u"].lower())
            except (DateError, ValueError):
                moved = None
            if moved is not None:
                shown = " ".join(found.group().split())
                note = (mention.note + "; " if mention.note else "") + (
                    f"'{shown} …': counted from {mention.span.describe()}"
                )
                mention = DateMention(
                    found.start(),
                    mention.end,
                    text[found.start() : mention.end],
                    moved,
                    mention.kind,
                    note,
                    (mention.span,),
                )
        out.append(mention)
    return out


# What was put off or brought forward: "The vote was postponed from Oct. 28 to Nov. 2"
_MOVED_FROM = re.compile(
    r"\b(?:postponed|moved|pushed\s+back|delayed|rescheduled|brought\s+forward|put\s+off|"
    r"shifted|postpone|move|push\s+back|delay|reschedule)"
    # (not who moved somewhere: "He moved to Paris from 1990 to 1995")
    r"(?:\s+(?!(?:to|into|in|at|out|away|abroad|home|there|here|back)\b)[\w'’-]+){0,3}\s+$",
    re.I,
)


def _moved_to(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "The vote was postponed from Oct. 28 to Nov. 2": the day it was moved to, not the days
    between; the day it was moved from is the alternative."""
    moved = []
    for mention in mentions:
        if (
            mention.text[:5].lower() == "from "
            and "/" in mention.span.edtf
            and _MOVED_FROM.search(text, max(0, mention.start - 50), mention.start)
        ):
            first, last = mention.span.edtf.split("/", 1)
            try:
                was, now = _span(first), _span(last)
            except (DateError, ValueError):
                moved.append(mention)
                continue
            note = (mention.note + "; " if mention.note else "") + (
                "moved: the date it was moved to, the one before an alternative"
            )
            mention = DateMention(
                mention.start, mention.end, mention.text, now, mention.kind, note, (was,)
            )
        moved.append(mention)
    return moved


def _and_month(first: DateMention, text: str, at: int, cue_start: int) -> list[DateMention]:
    """A bare month after "and" and a month without a year ("in March and April"): one span
    for two months in a row, else the two months, both in the first's year; [] when no bare
    month follows ("in March and in 2019" says nothing of March's year)."""
    end = _BARE_MONTH.match(text, at)
    if end is None or "/" in first.span.edtf:
        return []
    year, month, _ = ymd_from_day(first.span.start)
    second = month_number(end["m"])
    if second <= month:
        return []
    last = DateMention(
        end.start(), end.end(), end.group(), _month_span(year, second), first.kind, first.note
    )
    if second == month + 1:
        joined = _joined(first, last, first.start, text)
        return [joined] if joined is not None else []
    return [first, last]


def _month_range(range_open: tuple[DateMention, int, int], text: str) -> DateMention | None:
    """ "from January to March", "between March and May": a month, then a month without its
    year, is the one span from the first to the second, the second in the first's year (read
    as a lone month is) or the year after it ("from November to February")."""
    first, cue_start, end_start = range_open
    end = _BARE_MONTH.match(text, end_start)
    # "from mid-January to March": days of a month, read as a part of it, start one too
    in_month = first.span.precision is Precision.MONTH and "/" not in first.span.edtf
    if end is None or not (in_month or _part_of_a_month(first)):
        return None
    year, month, _ = ymd_from_day(first.span.start)
    last_month = month_number(end["m"])
    span = _month_span(year + (last_month < month), last_month)
    last = DateMention(end.start(), end.end(), end.group(), span, first.kind)
    return _joined(first, last, cue_start, text)


def _part_of_a_month(mention: DateMention) -> bool:
    """ "mid-January", "late March 2020": days read as a third of a month (the month its
    alternative)."""
    return (
        mention.span.precision is Precision.DAY
        and len(mention.alternatives) == 1
        and mention.alternatives[0].precision is Precision.MONTH
        and mention.alternatives[0].start <= mention.span.start
        and mention.span.end <= mention.alternatives[0].end
    )


def _same_month_day(
    first: DateMention, day: re.Match[str] | None
) -> tuple[DateMention, DateMention] | None:
    """The first of two days in a list with no year, as read, and the bare second in its
    month and year ("on March 3 and 10": March 3 and March 10, both in the year guessed)."""
    if day is None:
        return None
    year, month, _ = ymd_from_day(first.span.start)
    try:
        second = _span(_ymd(year, month, _day_number(day["d"])))
    except DateError:
        return None  # "Feb. 3 and 30": no such day
    if second.start <= first.span.start:
        return None  # "March 10 and 3": not a list of days in order
    return first, DateMention(
        day.start(),
        day.end(),
        day.group(),
        second,
        first.kind,
        f"the month and year of {first.text}",
    )


def _days_before(text: str, start: int, span: TimeSpan, kind: str, after: int) -> list[DateMention]:
    """The bare days listed before a day written with its month ("3 and 10 March 2020": the
    3rd), each in that day's month and year; none unless they come in order before it."""
    before = _DAYS_BEFORE.search(text, max(after, start - 40), start)
    if before is None:
        return []
    year, month, last = ymd_from_day(span.start)
    out, previous, at = [], 0, before.start()
    for found in re.finditer(DAY, before["days"]):
        number = _day_number(found.group())
        if not previous < number < last:
            return []
        previous = number
        begin = at + found.start()
        day = _span(_ymd(year, month, number))
        note = f"the month and year of the date after it ({span.describe()})"
        out.append(DateMention(begin, begin + len(found.group()), found.group(), day, kind, note))
    return out


def _listed_day(
    first: DateMention, day: re.Match[str] | None
) -> tuple[DateMention, DateMention] | None:
    """The first of two days in a list, in the year written after the bare second, and the
    second ("March 3 and 10, 2020": March 3, 2020 and March 10, 2020)."""
    if day is None:
        return None
    _, month, _ = ymd_from_day(first.span.start)
    try:
        second = _span(_ymd(int(day["y"]), month, _day_number(day["d"])))
    except DateError:
        return None  # "Feb. 3 and 30, 2020": no such day
    why = f"the year of the date after it ({second.describe()})"
    moved = _in_year_of(first.span, second)
    return (
        DateMention(first.start, first.end, first.text, moved, first.kind, why, first.alternatives),
        DateMention(
            day.start(), day.end(), day.group(), second, EXPLICIT, f"the month of {first.text}"
        ),
    )
