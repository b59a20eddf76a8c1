"""When was the article written? Relative dates ("last month", "Friday") hang on the answer.

In order of trust: a date the markup states; a "Published …" line; a dateline or lead that
gives a full date; a dateline's day without its year ("PARIS, Nov 12 (Reuters) -"), in the
year of the file's date or of the text; a lead that names the day of the news in full, weekday and all ("won the
World Cup on Sunday, Dec. 18, 2022"); and, for wire copy that gives none, a weekday in the lead
next to a dated event without a year ("Friday … ahead of the Jan. 20 inauguration"), placed
after the latest year the text mentions and not before a day it tells as past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapexplorer.importer.article import Article
from mapexplorer.importer.dates import (
    DAY,
    EXPLICIT,
    MONTH,
    WEEKDAY,
    WEEKDAYS,
    find_dates,
    month_number,
    told_as_past,
)
from mapexplorer.model.time import Precision, TimeSpan, day_from_iso, day_from_ymd, iso_from_day

__all__ = ["PublishedGuess", "detect_published"]


@dataclass(frozen=True)
class PublishedGuess:
    """A publication date and why we think so (shown to the user, who may correct it)."""

    day: int
    reasoning: str

    @property
    def iso(self) -> str:
        return iso_from_day(self.day)


_PUBLISHED_LINE = re.compile(
    # at a line's start, or after a byline's bar or another stamp's semicolon: "By JANE DOE |
    # Published Oct. 10, 2024 3:45 PM EDT", "Last updated October 11; published October 10"
    r"(?:^\s*(?:Last\s+)?|[|•·;]\s*)"
    r"(?P<kw>Published|Updated|Posted|First published|Date|Dated)\b[^\n|•·;]{0,80}",
    re.I | re.M,
)
_STAMP_START = re.compile(r"\s*(?:Last\s+|First\s+)?(?:Published|Updated|Posted|Date)", re.I)
_STAMP_TRUST = {"published": 0, "first published": 0, "posted": 0, "date": 1, "dated": 1}
"""Which stamp says when it was published, before one that says when it was updated."""
_LEAD_PARAGRAPHS = 3


def detect_published(article: Article) -> PublishedGuess | None:
    """Our best guess of the publication date, or None when the text gives no clue."""
    for find in (
        _from_markup,
        _from_published_line,
        _from_lead_date,
        _from_dateline_day,
        _from_lead_weekday_date,
        _from_weekday,
    ):
        guess = find(article)
        if guess is not None:
            return guess
    return None


def _from_markup(article: Article) -> PublishedGuess | None:
    if not article.meta_published:
        return None
    try:
        day = day_from_iso(article.meta_published)
    except ValueError:
        return None
    return PublishedGuess(
        day, f"The file's markup gives the publication date {article.meta_published}."
    )


def _full_day(text: str) -> TimeSpan | None:
    for mention in find_dates(text):
        if mention.kind == EXPLICIT and mention.span.precision is Precision.DAY:
            return mention.span
    return None


def _from_published_line(article: Article) -> PublishedGuess | None:
    found = []
    text = article.text
    for m in _PUBLISHED_LINE.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if m.group()[:1] == ";" and not _STAMP_START.match(line):
            continue  # ("The letter was short; dated March 3, 1941": the story's, no stamp)
        span = _full_day(m.group())
        if span is not None:
            trust = _STAMP_TRUST.get(" ".join(m["kw"].lower().split()), 2)
            found.append((trust, m.start(), span, m.group()[m.start("kw") - m.start() :]))
    if not found:
        return None
    _, _, span, said = min(found, key=lambda f: f[:2])
    return PublishedGuess(span.start, f"The text says “{' '.join(said.split())}”.")


def _from_lead_date(article: Article) -> PublishedGuess | None:
    """A dateline with a full date ("GENEVA, March 3, 2024 (Reuters) —"), or a lead paragraph
    that is only a date."""
    first = article.paragraphs[0]
    head = article.text[first[0] : min(first[1], first[0] + 60)]
    if article.dateline:
        span = _full_day(article.dateline_date) or _full_day(head.split("—")[0].split("–")[0])
        if span is not None:
            return PublishedGuess(span.start, f"The dateline gives the date: “{head.strip()}…”.")
    start = article.text.find("\n", 0, first[0])
    top = article.text[: first[0]] if start >= 0 else ""
    span = _full_day(top)
    if span is not None and len(top.split()) <= 8:
        # (the line with the date, not the headline above it)
        shown = next((ln for ln in top.splitlines() if _full_day(ln) is not None), top)
        return PublishedGuess(
            span.start, f"The article begins with the date “{' '.join(shown.split())}”."
        )
    # Above the story, under its headline: a short line with the date ("November 9, 2024",
    # "By Jane Doe, 9 Nov 2024 10:32 GMT"), as blogs and saved pages have it.
    for line in top.splitlines():
        if 0 < len(line.split()) <= 10 and (span := _full_day(line)) is not None:
            shown = " ".join(line.split())
            return PublishedGuess(span.start, f"A line above the story gives the date “{shown}”.")
    return None


def _from_dateline_day(article: Article) -> PublishedGuess | None:
    """A dateline's day without its year ("PARIS, Nov 12 (Reuters) -", "KYIV, Ukraine (AP) —
    Dec. 3 —") is the day of publication. Its year is the file's, when the file was saved
    within a year after that day and the text tells of nothing later; else the first from the
    latest year the text tells of as past, in which the day is the lead's weekday or the day
    after it ("voted on Tuesday": Tuesday or Wednesday), or, with no weekday, that year."""
    said = _DATELINE_DAY.fullmatch(article.dateline_date)
    if said is None:
        return None
    month = month_number(said["m"] or said["m2"])
    number = int(re.match(r"\d+", said["d"] or said["d2"]).group())  # type: ignore[union-attr]

    def day_in(year: int) -> int | None:
        try:
            return day_from_ymd(year, month, number)
        except ValueError:  # 29 February of a year that has none
            return None

    latest = _latest_explicit(article.text)
    floor = _latest_year(article.text, told_as_past=True)
    weekday = _lead_weekday(article)

    def fits(day: int | None) -> bool:
        return (
            day is not None
            and (latest is None or day >= latest.start)
            and (floor is None or day >= day_from_ymd(floor, 1, 1))
            and (weekday is None or (day + 3 - WEEKDAYS.index(weekday)) % 7 in (0, 1))
        )

    shown = f"The dateline gives “{article.dateline_date}” without a year"
    if article.file_date:
        saved = day_from_iso(article.file_date)
        year = int(article.file_date[:4])
        before = [d for y in (year, year - 1) if (d := day_in(y)) is not None and d <= saved]
        day = max(before, default=None)
        if day is not None and saved - day <= 366 and fits(day):
            return PublishedGuess(
                day,
                f"{shown}; the file was saved on {TimeSpan.from_days(saved).describe()}, so it "
                f"is {TimeSpan.from_days(day).describe()}.",
            )
    if floor is None:
        return None
    year = next((y for y in range(floor, floor + 12) if fits(day_in(y))), None)
    if year is None:
        return None
    day = day_in(year)
    assert day is not None
    why = (
        f"the lead's “{weekday}” is the dateline's day or the day before, and {year} is the "
        f"first year from {floor} (the latest year the text tells of) in which it falls so"
        if weekday
        else f"the latest year the text tells of is {floor}, so the story is no older than that"
    )
    return PublishedGuess(
        day, f"{shown}; {why}: {TimeSpan.from_days(day).describe()}. Give the date if it is later."
    )


_DATELINE_DAY = re.compile(rf"(?P<m>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?P<m2>{MONTH})")


def _lead_weekday(article: Article) -> str | None:
    """The weekday the lead tells its news on ("voted on Tuesday"), not one of another week
    ("last Tuesday", "on Tuesday next week"), nor of what lies ahead."""
    start, end = article.paragraphs[0]
    lead = article.text[start:end]
    found = []
    for m in _WEEKDAY.finditer(lead):
        if _OTHER_WEEK_BEFORE.search(lead[max(0, m.start() - 20) : m.start()]):
            continue
        if _OTHER_WEEK_AFTER.match(lead[m.end() : m.end() + 30]):
            continue
        if _AHEAD.search(lead[max(0, m.start() - 30) : m.start()]) or _FUTURE_BEFORE.search(
            lead[max(0, m.start() - 40) : m.start()]
        ):
            continue
        found.append(m)
    # "won the most seats in Monday's federal election, according to results released early
    # on Tuesday": a weekday that says which thing is before the day of the news
    told = [m for m in found if not _POSSESSIVE_AFTER.match(lead, m.end())]
    return (told or found)[0]["w"] if found else None


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|is\s+to|are\s+to|due|scheduled)\b[^.]*$", re.I)


def _from_lead_weekday_date(article: Article) -> PublishedGuess | None:
    """The lead names the day of the news with its weekday ("Argentina won the World Cup on
    Sunday, Dec. 18, 2022"): news is told on or soon after its day, and a weekday that agrees
    with the date says it is that day, not a date recalled from the past. Years the story
    mentions as ahead ("the next World Cup … in 2026") do not make it newer; a later month or
    day it tells of as past does."""
    start, end = article.paragraphs[0]
    lead = article.text[start:end]
    for mention in find_dates(lead):
        weekday = _WEEKDAY.search(mention.text)
        if (
            mention.kind != EXPLICIT
            or mention.span.precision is not Precision.DAY
            or weekday is None
            or WEEKDAYS.index(weekday["w"]) != (mention.span.start + 3) % 7
        ):
            continue
        latest = _latest_explicit(article.text)
        if latest is not None and latest.start > mention.span.start:
            return None  # the story tells of later days as past: it is newer than its lead
        said = " ".join(mention.text.split())
        return PublishedGuess(
            mention.span.start,
            f"The lead names the day of the news with its weekday, “{said}”, so the story is "
            f"taken to be from that day.",
        )
    return None


_MONTH_DAY = re.compile(rf"(?P<m>{MONTH})\s+(?P<d>{DAY})(?!\s*,?\s*\d)")
_WEEKDAY = re.compile(rf"\b(?P<w>{WEEKDAY})\b")
# A weekday before or after the day of the news ("last Tuesday", "on Tuesday last week",
# "the previous Tuesday"): it cannot be the day of publication. (\s: a web page's no-break
# space too.)
_OTHER_WEEK_BEFORE = re.compile(r"\b(?:last|next|past|this|previous|following)\s+$", re.I)
_OTHER_WEEK_AFTER = re.compile(
    r"^\s+(?:last|next|this|the\s+previous|the\s+following)\s+week", re.I
)
_AHEAD = re.compile(
    r"\b(?:ahead\s+of|before|upcoming|until|awaiting|in\s+advance\s+of|prior\s+to)\b[^.]{0,20}$",
    re.I,
)
# "… will face each other in a runoff on April 13": what the lead says will be, in its sentence
_WILL_BE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:set|due|scheduled|expected)\s+to)\b[^.;]{0,60}$", re.I
)
_INAUGURATION = re.compile(r"inaugurat|commencement|sworn\s+in|President-elect|swearing-in", re.I)


def _from_weekday(article: Article) -> PublishedGuess | None:
    """A weekday in the lead, pinned by a month and day without a year in the lead."""
    lead_end = article.paragraphs[min(_LEAD_PARAGRAPHS, len(article.paragraphs)) - 1][1]
    lead = article.text[article.paragraphs[0][0] : lead_end]
    weekday = next(
        (
            m
            for m in _WEEKDAY.finditer(lead)
            if not _OTHER_WEEK_BEFORE.search(lead[max(0, m.start() - 20) : m.start()])
            and not _OTHER_WEEK_AFTER.match(lead[m.end() : m.end() + 30])
        ),
        None,
    )
    anchor = _MONTH_DAY.search(lead)
    if not weekday or not anchor:
        return None
    # not a forecast's year ("Its economists say inflation will reach 2% in 2027"), though a
    # month ahead is near ("is expected to ratify the treaty by March 2025")
    floor = _latest_year(article.text, ahead_months=True)
    if floor is None:
        return None
    month, day = month_number(anchor["m"]), int(re.match(r"\d+", anchor["d"]).group())  # type: ignore[union-attr]
    named = re.search(rf"\b(?P<w>{WEEKDAY}),?\s+$", lead[: anchor.start()])
    if named:
        return _day_named_with_its_weekday(article, named["w"], anchor.group(), month, day, floor)
    around = lead[max(0, anchor.start() - 60) : anchor.end() + 60]
    inauguration = month == 1 and day == 20 and bool(_INAUGURATION.search(around))
    # Not before the latest month or day the text names: "Assad fled in December 2024" puts
    # a "March 3" without a year in 2025, not in 2024.
    latest = _latest_explicit(article.text)
    year = next(
        (
            y
            for y in range(floor, floor + 5)
            if (not inauguration or y % 4 == 1)
            and (latest is None or day_from_ymd(y, month, day) >= latest.start)
        ),
        None,
    )
    if year is None:
        return None
    anchor_day = day_from_ymd(year, month, day)
    target = WEEKDAYS.index(weekday["w"])
    ahead = bool(_AHEAD.search(lead[: anchor.start()]) or _WILL_BE.search(lead[: anchor.start()]))
    weekday_of_anchor = (anchor_day + 3) % 7
    told = None
    if ahead:  # the anchor lies after publication: the weekday before it
        published = anchor_day - ((weekday_of_anchor - target) % 7 or 7)
    else:
        published = anchor_day + ((target - weekday_of_anchor) % 7 or 7)
        told = _latest_told_day(article, anchor_day)
        if told is not None and told[0] > published:
            # "The river rose to a record on May 5": the story is no older than what it tells
            # as past, so it is the weekday on or after that day.
            published = told[0] + (target - (told[0] + 3) % 7) % 7
        else:
            told = None
    why_year = (
        f"U.S. presidential inaugurations fall on 20 January of the year after an election "
        f"({year - 4}, {year}, {year + 4}, …), and the latest year the text mentions is {floor}"
        if inauguration
        else f"the latest year the text mentions is {floor}, so the story is no older than that"
        if year == floor or latest is None
        else f"the text already tells of {latest.describe()}, so the story is newer than that"
    )
    return PublishedGuess(
        published,
        f"No date is stated. The lead says “{weekday['w']}” and mentions “{anchor.group()}” "
        f"without a year; {why_year}, so “{anchor.group()}” is {TimeSpan.from_days(anchor_day).describe()}. "
        + (
            f"The text tells of “{told[1]}” as past, {TimeSpan.from_days(told[0]).describe()}: "
            f"the {weekday['w']} on or after it is {TimeSpan.from_days(published).describe()}."
            if told
            else f"The {weekday['w']} {'before' if ahead else 'after'} it is "
            f"{TimeSpan.from_days(published).describe()}."
        ),
    )


def _day_named_with_its_weekday(
    article: Article, weekday: str, said: str, month: int, day: int, floor: int
) -> PublishedGuess | None:
    """ "Israeli strikes hit Beirut on Tuesday, Nov. 12": the day of the news, in the first
    year from the latest the text mentions in which it is that weekday (not before a month or
    day the text tells as past)."""
    latest = _latest_explicit(article.text)
    target = WEEKDAYS.index(weekday)
    for year in range(floor, floor + 12):
        try:
            found = day_from_ymd(year, month, day)
        except ValueError:
            continue
        if (found + 3) % 7 == target and (latest is None or found >= latest.start):
            return PublishedGuess(
                found,
                f"No date is stated. The lead names the day of the news, “{weekday}, {said}”, "
                f"without a year; {year} is the first year from {floor}, the latest the text "
                f"mentions, in which {said} is a {weekday}: "
                f"{TimeSpan.from_days(found).describe()}. Give the date if it is later.",
            )
    return None


def _latest_told_day(article: Article, anchor_day: int) -> tuple[int, str] | None:
    """The latest month and day without a year the story tells of as past ("The Guaiba river
    rose to a record on May 5"), in the year that puts it nearest the lead's `anchor_day`, and
    as written; None when there is none."""
    text = article.text
    found = []
    year = int(iso_from_day(anchor_day)[:4])
    for m in _MONTH_DAY.finditer(text, article.paragraphs[0][0]):
        if not told_as_past(text, m):
            continue
        month, day = month_number(m["m"]), int(re.match(r"\d+", m["d"]).group())  # type: ignore[union-attr]
        days = []
        for y in (year - 1, year, year + 1):
            try:
                days.append(day_from_ymd(y, month, day))
            except ValueError:
                continue
        if days:
            found.append((min(days, key=lambda d: abs(d - anchor_day)), m.group()))
    return max(found, default=None)


# Words before a date in its sentence that put it ahead ("is expected to ratify the treaty by
# March 2025"): such a date does not say the story is newer than it.
_AHEAD_OF_NEWS = re.compile(
    r"\b(?:will|would|could|might|expected|expects|forecasts?|projected|projects|predicts?|"
    r"predicted|plans?|planned|scheduled|due|by|until|before|ahead|upcoming|next|set\s+to|"
    r"to\s+be)\b(?:[^.!?]|(?<=\d)\.(?=\d))*$",
    re.I,
)


# A verb ahead right after the date, in the same phrase ("The 2028 tournament will be hosted by
# the United Kingdom"): not "Elected in 2019, she will step down" (a comma between), nor "the
# reform of 2023 and will meet again" (another clause's).
_AHEAD_AFTER = re.compile(r"(?:(?!\b(?:and|but|or)\b)[^.!?;,]){0,40}?\b(?:will|shall)\s")


def _looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the sentence of a date looks ahead to it, so the story is not newer than it."""
    return bool(
        _AHEAD_OF_NEWS.search(text[max(0, start - 80) : start]) or _AHEAD_AFTER.match(text, end)
    )


def _latest_explicit(text: str) -> TimeSpan | None:
    """The latest month or day the text tells of as past, with its year ("Assad fled to Moscow
    in December 2024"), if any."""
    spans = [
        m.span
        for m in find_dates(text)
        if m.kind == EXPLICIT
        and m.span.precision.rank <= Precision.MONTH.rank
        and not _looks_ahead(text, m.start, m.end)
    ]
    return max(spans, key=lambda span: span.start, default=None)


def _latest_year(text: str, told_as_past: bool = False, ahead_months: bool = False) -> int | None:
    """The latest year the text names; `told_as_past`: not one it looks ahead to ("by 2030");
    `ahead_months`: nor a year it looks ahead to, but a month or day ahead ("by March 2025")."""
    years = [
        int(m.span.edtf[:4])
        for m in find_dates(text)
        if m.kind == EXPLICIT
        and m.span.precision.rank <= Precision.YEAR.rank
        and m.span.edtf[:4].isdigit()
        and not (
            (told_as_past or (ahead_months and m.span.precision.rank >= Precision.YEAR.rank))
            and _looks_ahead(text, m.start, m.end)
        )
    ]
    return max(years) if years else None
