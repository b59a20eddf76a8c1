"""Date expressions → EDTF spans at the right precision (importer/dates.py). Plain pytest."""

from __future__ import annotations

import pytest

from mapexplorer.importer import import_text
from mapexplorer.importer.dates import find_dates
from mapexplorer.model.time import Precision, day_from_ymd, iso_from_day

PUBLISHED = day_from_ymd(2025, 1, 17)  # a Friday


def dates(text: str, published: int | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(m.text, m.span.edtf) for m in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # exact days
        ("Sept. 3, 1941", "1941-09-03"),
        ("on 3 September 1941", "1941-09-03"),
        ("January 17, 2025", "2025-01-17"),
        ("ahead of the Jan. 20 inauguration", "2025-01-20"),
        ("on Friday, Jan. 17, 2025", "2025-01-17"),
        # months, years, decades, centuries
        ("in May 1804", "1804-05"),
        ("December 2024", "2024-12"),
        ("in 2013", "2013"),
        ("in 1979", "1979"),
        ("the 1990s", "199X"),
        ("the 1970's", "197X"),  # the apostrophe many writers put there
        ("the late 1970’s", "1977/1979"),
        ("the early 1990s", "1990/1993"),
        ("the late 1990s", "1997/1999"),
        ("the 2000s", "200X"),  # the decade: nobody calls the young 21st century so
        ("the early 2000s", "2000/2003"),
        ("the 18th and 19th centuries", "17XX/18XX"),
        ("the 18th century", "17XX"),
        ("the early 20th century", "1900/1933"),
        ("In the very early 20th century", "1900/1933"),
        ("the mid-19th century", "1834/1866"),
        ("between 2011 and 2015", "2011/2015"),
        ("1939-45", "1939/1945"),
        ("Aug. 25–Sept. 17, 1941", "1941-08-25/1941-09-17"),
        ("in the summer of 1941", "1941-22"),
        ("44 BC", "-0043"),
        # named periods
        ("In The Second World War", "1939-09-01/1945-09-02"),
        ("during World War II", "1939-09-01/1945-09-02"),
        ("the Cold War", "1947/1991"),
        ("the 1979 Islamic Revolution", "1979"),
        ("the Crimean War", "1853-10/1856-03"),
        # relative to publication
        ("last month", "2024-12"),
        ("this month", "2025-01"),
        ("next month", "2025-02"),
        ("last year", "2024"),
        ("yesterday", "2025-01-16"),
        ("the day before yesterday", "2025-01-15"),
        ("The day before yesterday", "2025-01-15"),
        ("the day after tomorrow", "2025-01-19"),
        ("last week", "2025-01-06/2025-01-12"),
        ("recently", "2024-12-18/2025-01-17"),
        ("three years ago", "2022"),
        ("since March 2022", "2022-03/2025-01-17"),
        ("since 2011", "2011/2025-01-17"),
    ],
)
def test_expression(text, expected):
    found = dates(text)
    assert len(found) == 1, found
    assert found[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened in Dec. 2024.", ("Dec. 2024", "2024-12")),
        ("by Sept. 2019 it had", ("Sept. 2019", "2019-09")),
        ("during Sep. 2019", ("Sep. 2019", "2019-09")),
        ("In Jan. 2025 they met", ("Jan. 2025", "2025-01")),
        ("until Nov. 2020", ("Nov. 2020", "2020-11")),
        ("in Aug. 2020", ("Aug. 2020", "2020-08")),
        ("in Oct 2010", ("Oct 2010", "2010-10")),
        ("It began in Sept. 3, 1941.", ("Sept. 3, 1941", "1941-09-03")),
        ("from Jan. 20, 2025", ("Jan. 20, 2025", "2025-01-20")),
        ("It ended in Dec. Then it", ("in Dec.", "2024-12")),  # no year: before publication
    ],
)
def test_an_abbreviated_month_after_in_keeps_its_year_and_day(text, expected):
    """ "in Dec. 2024" is December 2024, not "in Dec" (the latest December) and a bare 2024."""
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    ("text", "century", "decade"),
    [
        ("the 1800s", "18XX", "180X"),
        ("in the late 1800s", "1867/1899", "1807/1809"),
        ("the early 1900s", "1900/1933", "1900/1903"),
        ("the mid-1800s", "1834/1866", "1804/1806"),
        ("mid 1700s", "1734/1766", "1704/1706"),
    ],
)
def test_the_hundreds_are_a_century_with_the_decade_as_alternative(text, century, decade):
    """ "late 1800s" is the late 19th century (as "the late 19th century" is), not 1807–1809."""
    [mention] = find_dates(text, PUBLISHED)
    assert mention.span.edtf == century
    assert [span.edtf for span in mention.alternatives] == [decade]
    assert "century, not the decade" in mention.note


@pytest.mark.parametrize(
    "text", ["winter 2014–15", "winter 2014-15", "the winter of 2014-2015", "Winter 2014/15"]
)
def test_a_winter_across_two_years_is_december_to_february(text):
    [mention] = find_dates(f"Snow fell in {text}, and the roads closed.", PUBLISHED)
    assert mention.text == text
    assert mention.span == find_dates("Winter 2014")[0].span
    assert (iso_from_day(mention.span.start), iso_from_day(mention.span.end)) == (
        "2014-12-01",
        "2015-02-28",
    )


def test_another_season_across_two_years_is_read_as_the_two_years():
    [mention] = find_dates("in the summer of 2014–15", PUBLISHED)
    assert (mention.text, mention.span.edtf) == ("the summer of 2014–15", "2014/2015")
    assert "no single summer spans 2014–2015" in mention.note


def test_the_ussrs_collapse_in_1991():
    assert dates("Ties warmed after the USSR’s collapse in 1991.") == [("1991", "1991")]


def test_precision():
    [day, month, year, decade, century] = [
        m.span.precision.value
        for m in find_dates("Sept. 3, 1941; May 1804; in 2013; the 1990s; the 18th century")
    ]
    assert (day, month, year, decade, century) == ("day", "month", "year", "decade", "century")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened in 2013. Two years later it closed.", "2015"),
        ("It opened in 2013. The following year it closed.", "2014"),
        ("It opened in 2013. The next year it closed.", "2014"),
        ("It opened in 2013. That year it also grew.", "2013"),
        ("Troops left on Sept. 3, 1941. Six weeks later they came back.", "1941-10-15~"),
        ("The war began in May 1804. Two months later it spread.", "1804-07"),
    ],
)
def test_relative_to_the_previous_date(text, expected):
    assert dates(text)[-1][1] == expected


def test_month_and_day_take_the_year_of_the_story():
    found = dates("The invasion began on Aug. 25, 1941. On Sept. 17, troops entered Tehran.")
    assert found[-1] == ("Sept. 17", "1941-09-17")


def test_weekday_follows_the_tense():
    published = day_from_ymd(2024, 6, 12)  # a Wednesday
    assert dates("Floods hit the city on Monday.", published)[0][1] == "2024-06-10"
    assert dates("Ministers will meet on Friday.", published)[0][1] == "2024-06-14"


@pytest.mark.parametrize(
    ("text", "expected", "alternative"),
    [
        ("Two days after Oct. 7, 2023, troops crossed.", "2023-10-09", "2023-10-07"),
        ("Three weeks after March 3, 2020, schools closed.", "2020-03-24~", "2020-03-03"),
        ("A month after the Oct. 7 attack, troops crossed.", "2023-11-07~", "2023-10-07"),
        ("Two years after 2014, the war froze.", "2016", "2014"),
    ],
)
def test_a_time_after_or_before_a_date_is_counted_from_it(text, expected, alternative):
    """ "Two days after Oct. 7, 2023, troops crossed" was 7 October: the time counted from the
    date was left out; the date named is the alternative."""
    [found] = find_dates(text, day_from_ymd(2024, 10, 30))
    assert (found.span.edtf, [a.edtf for a in found.alternatives]) == (expected, [alternative])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In October 2023, fighting flared. On the 7th, troops crossed.",
            [("October 2023", "2023-10"), ("On the 7th", "2023-10-07")],
        ),
        (
            "On Oct. 12, 2023, talks began. By the 2nd, they had collapsed.",
            [("Oct. 12, 2023", "2023-10-12"), ("By the 2nd", "2023-11-02")],
        ),
        # no month told before; a century, a floor
        ("Fighting resumed on the 7th.", []),
        ("In 2023 the army rose. On the 7th floor, a fire broke out.", [("2023", "2023")]),
    ],
)
def test_a_bare_day_of_the_month_is_of_the_month_told_before(text, expected):
    """ "In October 2023, fighting flared. On the 7th, troops crossed": "the 7th" had no date;
    it is that day of the month told before (after a later day, of the next month)."""
    assert dates(text, day_from_ymd(2024, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quake shook Tokyo on Dec. 31.", "2023-12-31"),
        ("Fireworks lit the sky on New Year’s Eve.", "2023-12-31"),
        ("Protesters sought shelter on Dec. 31.", "2023-12-31"),
        ("Talks will resume on Dec. 31.", "2024-12-31"),
    ],
)
def test_a_day_told_with_an_irregular_past_verb_is_before_publication(text, expected):
    """ "The quake shook Tokyo on Dec. 31", published on 30 October 2024, was 31 December 2024,
    after publication: "shook", "lit", "sought" were not read as verbs in the past."""
    [(_, found)] = dates(text, day_from_ymd(2024, 10, 30))
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was delayed to Nov. 2.", "2024-11-02"),
        ("The hearing was moved to Nov. 12.", "2024-11-12"),
        # where who moved went is no day set
        ("Troops moved to Kherson on Nov. 12.", "2023-11-12"),
        # a delay's length before the day, not "the week to" it
        ("The vote was delayed by a week to Nov. 2.", "2024-11-02"),
        ("It was pushed back one week to Nov. 2.", "2024-11-02"),
    ],
)
def test_a_day_something_was_moved_to_may_lie_after_publication(text, expected):
    """ "The hearing was moved to Nov. 12", published on 30 October 2024, was 12 November 2023,
    told in the past and so before publication, where "postponed until Nov. 12" was 2024;
    "delayed by a week to Nov. 2" was the seven days to 2 November 2023."""
    [(_, found)] = dates(text, day_from_ymd(2024, 10, 30))
    assert found == expected


@pytest.mark.parametrize(
    "text", ["2024-10-10T15:45:00Z", "Updated 2024-10-10T15:45:00+02:00.", "at 2024-10-10T15:45"]
)
def test_an_iso_timestamp_is_its_day(text):
    """A page's timestamp "2024-10-10T15:45:00Z" was read as the year 2024: its time, after the
    day, hid the day's end."""
    [(_, day)] = dates(text, None)
    assert day == "2024-10-10"


@pytest.mark.parametrize(
    ("text", "expected", "alternatives"),
    [
        ("The vote was moved from Oct. 28 to Nov. 2.", "2024-11-02", ["2024-10-28"]),
        ("Officials postponed the vote from Oct. 28, 2024 to Nov. 2, 2024.", "2024-11-02", ["2024-10-28"]),
        ("The summit was pushed back from 2024 to 2025.", "2025", ["2024"]),
        # a time from one date to another
        ("Ticket prices rose from 2019 to 2023.", "2019/2023", []),
        ("He moved to Paris from 1990 to 1995.", "1990/1995", []),
    ],
)  # fmt: skip
def test_what_was_moved_from_a_date_to_another_is_at_the_new_one(text, expected, alternatives):
    """ "The vote was moved from Oct. 28 to Nov. 2" was the days between; it is at the date it
    was moved to, the one before the alternative."""
    [found] = find_dates(text, day_from_ymd(2024, 10, 30))
    assert (found.span.edtf, [a.edtf for a in found.alternatives]) == (expected, alternatives)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Later this week, talks will resume.", [("Later this week", "2024-10-30/2024-11-03")]),
        ("Talks will resume later this month.", [("later this month", "2024-10-30/2024-10-31")]),
        ("Earlier this week, talks collapsed.", [("Earlier this week", "2024-10-28/2024-10-30")]),
    ],
)
def test_later_this_week_is_from_publication_to_its_end(text, expected):
    """ "Later this week, talks will resume", published on Wednesday 30 October 2024, was the
    whole week from Monday, days before publication among them."""
    assert dates(text, day_from_ymd(2024, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected", "whole"),
    [
        ("The talks collapsed late last week.", "2024-10-24/2024-10-27", "2024-10-21/2024-10-27"),
        ("The talks collapsed at the end of last week.", "2024-10-24/2024-10-27", "2024-10-21/2024-10-27"),
        ("Talks resume at the start of next week.", "2024-11-04/2024-11-06", "2024-11-04/2024-11-10"),
        ("The talks collapsed early this month.", "2024-10-01/2024-10-10", "2024-10"),
        ("The storm hit late last month.", "2024-09-21/2024-09-30", "2024-09"),
    ],
)  # fmt: skip
def test_a_part_of_a_week_or_month_counted_from_publication_is_that_part(text, expected, whole):
    """ "The talks collapsed late last week", published on Wednesday 30 October 2024, was the
    whole of last week, and "late last month" all September, where "late last year" was its
    last four months; the whole is the alternative."""
    [found] = find_dates(text, day_from_ymd(2024, 10, 30))
    assert (found.span.edtf, [a.edtf for a in found.alternatives]) == (expected, [whole])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials met on Oct. 28-29.", [("Oct. 28-29", "2024-10-28/2024-10-29")]),
        ("Officials met 28-29 October.", [("28-29 October", "2024-10-28/2024-10-29")]),
        (
            "Officials met between Oct. 28 and Nov. 2.",
            [("between Oct. 28 and Nov. 2", "2024-10-28/2024-11-02")],
        ),
        (
            "Officials met from 28 October to 2 November.",
            [("from 28 October to 2 November", "2024-10-28/2024-11-02")],
        ),
        ("Officials will meet Nov. 4-6 in Baku.", [("Nov. 4-6", "2024-11-04/2024-11-06")]),
        ("The festival ran Dec. 28-Jan. 3.", [("Dec. 28-Jan. 3", "2023-12-28/2024-01-03")]),
        # two days, not the days between
        (
            "Officials met Aug. 25 and Sept. 17.",
            [("Aug. 25", "2024-08-25"), ("Sept. 17", "2024-09-17")],
        ),
    ],
)
def test_days_from_to_without_their_year_are_those_days(text, expected):
    """ "Officials met on Oct. 28-29", published on 30 October 2024, had no date, and "between
    Oct. 28 and Nov. 2" was two, 2 November of 2023 (told in the past, before publication)."""
    assert dates(text, day_from_ymd(2024, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over the last three days, it rained.", [("Over the last three days", "2024-10-27/2024-10-30")]),
        ("In the past two weeks, prices rose.", [("In the past two weeks", "2024-10-16/2024-10-30")]),
        ("Over the past 24 hours, rain fell.", [("Over the past 24 hours", "2024-10-29/2024-10-30")]),
        # not a time of something else
        ("He spent the last two years of his life in Paris.", []),
        ("The last three days before the vote were calm.", []),
    ],
)  # fmt: skip
def test_the_past_few_days_are_those_up_to_publication(text, expected):
    """ "Over the last three days, it rained", published on 30 October 2024, had no date, where
    "over the past week" was the week up to publication."""
    assert dates(text, day_from_ymd(2024, 10, 30)) == expected
    assert dates(text, None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not "last week" counted from publication (21 to 27 October)
        ("In the last week of September, the storm formed.", "2024-09-24/2024-09-30"),
        ("In the first week of October, the storm formed.", "2024-10-01/2024-10-07"),
        ("In the last week of February 2024, it snowed.", "2024-02-23/2024-02-29"),
        ("In the second week of November, talks will resume.", "2024-11-08/2024-11-14"),
        # a day's week, Monday to Sunday, the day its alternative
        ("The trial starts the week of Nov. 11.", "2024-11-11/2024-11-17"),
        ("In the week of March 3, 2020, markets fell.", "2020-03-02/2020-03-08"),
        ("The week of 14 October was wet.", "2024-10-14/2024-10-20"),
        # a half of it: its days 1 to 15, or 16 to its end
        ("In the first half of September 2023, it rained.", "2023-09-01/2023-09-15"),
        ("In the latter half of February 2024, it snowed.", "2024-02-16/2024-02-29"),
    ],
)
def test_a_week_of_a_month_is_seven_of_its_days(text, expected):
    """ "In the last week of September, the storm formed", published on 30 October 2024, was
    "last week" (21 to 27 October), and "the first week of October" no date at all; "the
    week of Nov. 11" was that day, and "the first half of September 2023" September."""
    [found] = find_dates(text, day_from_ymd(2024, 10, 30))
    assert found.span.edtf == expected
    assert found.alternatives[0].precision in (Precision.MONTH, Precision.DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote is set for a week from Saturday.", [("a week from Saturday", "2024-11-09")]),
        ("Talks resume a week from today.", [("a week from today", "2024-11-06")]),
        ("The deadline is two weeks from Monday.", [("two weeks from Monday", "2024-11-18")]),
        ("Officials will meet a week from now.", [("a week from now", "2024-11-06")]),
    ],
)
def test_a_time_from_a_day_ahead_is_one_day_after_it(text, expected):
    """ "a week from Saturday", published on Wednesday 30 October 2024, was that Saturday (2
    November), and "a week from today" a span "from today" open until publication: each is the
    one day that long after the day named (9 and 6 November)."""
    assert dates(text, day_from_ymd(2024, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected", "alternatives"),
    [
        (
            "Israel has bombed Gaza since the Oct. 7 attack, killing thousands.",
            "2023-10-07/2024-10-30",
            ["2024-10-07"],
        ),
        ("The Oct. 7 attacks killed 1,200 people.", "2023-10-07", ["2024-10-07"]),
        ("Hostages were seized in the 7 October attack.", "2023-10-07", ["2024-10-07"]),
        # a day set ahead names its event at once; a bare day is no name
        ("Trump has named 10 picks since the Oct. 15 election.", "2024-10-15/2024-10-30", []),
        ("Israel has bombed Gaza since Oct. 7.", "2024-10-07/2024-10-30", []),
        # not one ahead, nor one long enough before publication
        ("Hamas will mark the Nov. 7 attack.", "2024-11-07", []),
        ("The Aug. 7 attack killed five.", "2024-08-07", []),
    ],
)
def test_a_shock_named_by_its_day_in_the_weeks_before_publication_is_the_year_befores(
    text, expected, alternatives
):
    """ "Israel has bombed Gaza since the Oct. 7 attack", published on 30 October 2024, was
    read from 7 October 2024: a shock is named by its bare day once known by it, a year or
    more after; the day in the weeks before publication is an alternative."""
    [found] = find_dates(text, day_from_ymd(2024, 10, 30))
    assert (found.span.edtf, [a.edtf for a in found.alternatives]) == (expected, alternatives)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A week ago Friday, the dam burst in Asheville.", [("A week ago Friday", "2024-10-18")]),
        ("The dam burst a week ago Friday.", [("a week ago Friday", "2024-10-18")]),
        (
            "Two weeks ago Sunday, voters went to the polls.",
            [("Two weeks ago Sunday", "2024-10-13")],
        ),
        # the last Wednesday is the one before publication's
        ("A week ago Wednesday, it rained.", [("A week ago Wednesday", "2024-10-16")]),
        ("The dam burst a week ago last Friday.", [("a week ago last Friday", "2024-10-18")]),
        (
            "Troops crossed three weeks ago on Tuesday.",
            [("three weeks ago on Tuesday", "2024-10-08")],
        ),
        # a year before the last Tuesday, to the day; to publication's day; to its month
        ("The fire started a year ago Tuesday.", [("a year ago Tuesday", "2023-10-29")]),
        ("The fire started a week ago today.", [("a week ago today", "2024-10-23")]),
        ("Two years ago this month, the dam failed.", [("Two years ago this month", "2022-10")]),
    ],
)
def test_a_week_ago_and_a_weekday_is_that_weekday_a_week_before_the_last(text, expected):
    """ "A week ago Friday", published on Wednesday 30 October 2024, is the Friday a week
    before the last Friday (25 October): one day, 18 October, not a week ago and a Friday."""
    assert dates(text, day_from_ymd(2024, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past verb before the day: not the future for a noun or a clause after it
        ("Chile announced on Monday a new plan to expand mining.", "2024-06-10"),
        ("Officials said on Monday they were due to meet again.", "2024-06-10"),
        ("Flights were cancelled on Monday due to fog.", "2024-06-10"),
        # the tense is the sentence's own, not the previous sentence's
        ("Talks will resume in July. Officials met in Geneva on Monday.", "2024-06-10"),
        # the future, said with a participle
        ("The summit is expected on Friday.", "2024-06-14"),
        ("Protests are planned for Saturday.", "2024-06-15"),
        ("Talks to be held on Friday.", "2024-06-14"),
        ("Storms are forecast for Thursday and Friday.", "2024-06-14"),
        ("Heavy rain is forecast to hit Valencia on Friday.", "2024-06-14"),
        ("The launch is slated for Saturday.", "2024-06-15"),
        # what is scheduled, at its hour
        ("Polls open at 7 a.m. Sunday.", "2024-06-16"),
        ("Polls close at 8 p.m. local time Sunday in Tbilisi.", "2024-06-16"),
        ("Polls closed at 8 p.m. Sunday.", "2024-06-09"),
        ("The government plans to vote on Friday.", "2024-06-14"),
        # what was said to lie ahead
        ("Forecasters said the storm would stall over Tennessee on Friday.", "2024-06-14"),
        ("He said the talks were to resume on Friday.", "2024-06-14"),
        ("The agency said further storms were expected on Friday in Catalonia.", "2024-06-14"),
        ("A vote was scheduled for Friday, officials said.", "2024-06-14"),
        ("The minister said on Monday that he would resign.", "2024-06-10"),
        # the verb after a name in apposition
        ("A spokesman, Lin Jian, said on Monday that Beijing will act.", "2024-06-10"),
        ("Officials, however, said Monday that talks will resume.", "2024-06-10"),
    ],
)
def test_weekday_takes_the_tense_of_its_own_verb(text, expected):
    published = day_from_ymd(2024, 6, 12)  # a Wednesday
    assert dates(text, published)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M23 seized Goma in late January 2025.", "2025-01-21/2025-01-31"),
        ("in early March 2024", "2024-03-01/2024-03-10"),
        ("by mid-February 2024", "2024-02-11/2024-02-20"),
        ("late February 2023", "2023-02-21/2023-02-28"),
    ],
)
def test_early_mid_or_late_in_a_month_is_a_third_of_it(text, expected):
    [mention] = find_dates(text, PUBLISHED)
    assert mention.span.edtf == expected
    assert [t.edtf for t in mention.alternatives] == [expected[:7]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed in mid-January.", "2025-01-11/2025-01-20"),
        ("Fighting flared again in late December.", "2024-12-21/2024-12-31"),
        ("Rain fell in early January.", "2025-01-01/2025-01-10"),
    ],
)
def test_early_mid_or_late_in_a_month_without_its_year_is_a_third_of_it(text, expected):
    """ "in mid-January" was not read at all; "late December" was the whole month."""
    [mention] = find_dates(text, PUBLISHED)
    assert mention.span.edtf == expected
    assert [t.edtf for t in mention.alternatives] == [expected[:7]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news told in order: the month after the previous one, not back before it
        ("The siege began in May 2024. Fighting flared again in late January.",
         "2025-01-21/2025-01-31"),
        ("The siege began in May 2024. In February, it spread to the camps.", "2025-02"),
        ("The siege began in May 2024. On Jan. 25 fighting flared.", "2025-01-25"),
        ("In November 2024 it rained. In January the river burst.", "2025-01"),
        # the same year: later in it, looking back with "had", or it would be after publication
        ("By June 2023 the RSF had won. In December they seized Wad Madani.", "2023-12"),
        ("The siege began in May 2024. In January the RSF had massed troops.", "2024-01"),
        ("The siege began in May 2024. In March it spread.", "2024-03"),
        ("The siege began on May 5, 2024. On May 2 the roads closed.", "2024-05-02"),
        # a history: a year's story, and the next year only far back in the year
        ("In 1941 the army moved east. In June it crossed the border.", "1941-06"),
        ("It began on Dec. 20, 1941. In January the troops left.", "1942-01"),
    ],
)  # fmt: skip
def test_a_month_without_its_year_goes_on_from_the_previous_date(text, expected):
    """ "Fighting flared again in late January", after May 2024, in a story published in
    February 2025, was January 2024: before the siege it followed."""
    assert dates(text, day_from_ymd(2025, 2, 20))[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told in the past, wholly after publication (14 March 2025): the year before
        ("Farmers marched in Madrid in late March and early April.",
         ["2024-03-21/2024-03-31", "2024-04-01/2024-04-10"]),
        ("Fire swept through Lytton on March 20.", ["2024-03-20"]),
        ("The festival in Paris on March 20 drew crowds.", ["2024-03-20"]),
        ("Floodwaters rose on March 20 and 21.", ["2024-03-20/2024-03-21"]),
        ("The vote was held in late April.", ["2024-04-21/2024-04-30"]),
        # a forecast's year is not the story's: "until 2030" lends none to the past
        ("Intel will delay its plant until 2030. Jobs were cut in late March.",
         ["2030", "2024-03-21/2024-03-31"]),
        ("The treaty runs until 2030. Talks resumed in January.", ["2030", "2025-01"]),
        # …but does to what is still ahead
        ("The plant will open in 2030. It is expected to be running by late May.",
         ["2030", "2030-05-21/2030-05-31"]),
        # the month of publication, the days before it, and what is ahead stay this year
        ("Farmers marched in Madrid in March.", ["2025-03"]),
        ("Farmers marched in Madrid in early March.", ["2025-03-01/2025-03-10"]),
        ("The vote will be held in late March.", ["2025-03-21/2025-03-31"]),
        ("Protests are planned in late March.", ["2025-03-21/2025-03-31"]),
        ("The festival in Paris on March 20 will draw crowds.", ["2025-03-20"]),
    ],
)  # fmt: skip
def test_a_yearless_date_told_in_the_past_is_not_after_publication(text, expected):
    """Published 14 March 2025, "Farmers marched in late March" was 21–31 March 2025, after
    publication, and the yearless dates after it followed."""
    assert [edtf for _, edtf in dates(text, day_from_ymd(2025, 3, 14))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Operations were suspended until at least May 30.", ["2024-05-30"]),
        ("Operations were suspended until May 30.", ["2024-05-30"]),
        ("Schools were closed until May 3.", ["2024-05-03"]),  # before publication: as ever
        ("Operations were suspended until June.", ["2024-06"]),
        # after the story's date, the first such day
        ("The airport closed on May 3. Operations were suspended until at least May 30.",
         ["2024-05-03", "2024-05-30"]),
        ("The airport closed on June 10, 2023, and stayed shut until May 30.",
         ["2023-06-10", "2024-05-30"]),
        # a range's end after "until at least" closes it
        ("Flights were halted from May 2 until at least May 30.", ["2024-05-02/2024-05-30"]),
        # not an end: told in the past, never after publication
        ("Floods hit the city on May 30.", ["2023-05-30"]),
    ],
)  # fmt: skip
def test_an_end_after_until_may_lie_after_publication(text, expected):
    """Published 9 May 2024, "operations were suspended until at least May 30" was 30 May 2023:
    the past verb tells of the suspension, not of its end."""
    assert [edtf for _, edtf in dates(text, day_from_ymd(2024, 5, 9))] == expected


def test_part_of_a_month_before_and_takes_the_year_written_after_it():
    """ "in late March and April 2020": 21 to 31 March 2020, not the one day 21 March."""
    assert dates("Floods hit in late March and April 2020.") == [
        ("late March", "2020-03-21/2020-03-31"),
        ("April 2020", "2020-04"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told in the past, a week after publication: 2024's, the only November 3 a Sunday
        ("The king visited the flooded towns on Sunday, November 3.", "2024-11-03"),
        ("The king visited the flooded towns on Sunday 3 November.", "2024-11-03"),
        # a weekday and day that agree in the year read without it keep it
        ("The rain began on Thursday, October 24.", "2024-10-24"),
        ("Ballots will be counted on Friday, Jan. 3.", "2025-01-03"),
    ],
)
def test_a_weekday_with_its_day_and_month_picks_the_year_they_agree_in(text, expected):
    """ "visited the flooded towns on Sunday, November 3", in a story of 29 October 2024, was
    Friday 3 November 2023 (told in the past, the latest before publication), though only 2024's
    November 3 is a Sunday."""
    assert dates(text, day_from_ymd(2024, 10, 29))[-1][1] == expected


def test_a_historys_weekday_slip_keeps_the_storys_year():
    """ "On Monday, December 9" after "Dec. 7, 1941" (the 9th was a Tuesday) became 9 December
    2024, the Monday near publication, since a5233a8; a history's year is the story's."""
    text = (
        "The Japanese attacked Pearl Harbor on Dec. 7, 1941. On Monday, December 9, Congress "
        "met in Washington."
    )
    assert dates(text, day_from_ymd(2024, 10, 29))[-1][1] == "1941-12-09"


def test_a_weekday_that_agrees_with_another_year_keeps_the_year_read_as_alternative():
    """ "Polls close on Sunday, Nov. 5", published in October 2024, is 2023's Sunday, Nov. 5;
    the weekday may be the writer's slip, so 5 November 2024 was lost from the review."""
    [mention] = find_dates("Polls close on Sunday, Nov. 5.", day_from_ymd(2024, 10, 29))
    assert mention.span.edtf == "2023-11-05"
    assert [t.edtf for t in mention.alternatives] == ["2024-11-05"]


_LEAD = "On Tuesday, October 29, 2024, torrential rain swept across eastern Spain.\n\n"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the story goes on from the day its lead tells in full, taken for publication's
        (f"{_LEAD}On Wednesday, soldiers reached Paiporta.", (2024, 10, 29), "2024-10-30"),
        (f"{_LEAD}Soldiers reached Paiporta on Friday.", (2024, 10, 29), "2024-11-01"),
        # or before publication, however long after
        (f"{_LEAD}On Wednesday, soldiers reached Paiporta.", (2025, 10, 29), "2024-10-30"),
        # unless the text says it is the one before
        (f"{_LEAD}Last Wednesday, forecasters had warned.", (2024, 10, 29), "2024-10-23"),
        # a dateline's day is publication's: a weekday told in the past counts back from it
        (
            "VALENCIA, Spain, Tuesday, October 29, 2024 — Rain swept across eastern Spain.\n\n"
            "On Wednesday, soldiers reached Paiporta.",
            (2024, 10, 29),
            "2024-10-23",
        ),
    ],
)
def test_a_weekday_after_a_day_told_in_full_is_in_the_days_after_it(text, published, expected):
    """With "On Tuesday, October 29, 2024" in the lead (the story's date taken from it), "On
    Wednesday, soldiers reached Paiporta" was Wednesday 23 October, a week before the story it
    goes on with; the other reading stays an alternative."""
    [*_, mention] = find_dates(text, day_from_ymd(*published))
    assert mention.span.edtf == expected
    assert mention.alternatives


@pytest.mark.parametrize("published", [(2024, 10, 29), (2024, 11, 20)])
def test_a_chronicle_goes_on_day_by_day(published):
    """After "On Wednesday" read as the day after the lead's, "On Thursday, the death toll rose"
    was the Thursday before publication (24 October, or 14 November when published then)."""
    text = (
        f"{_LEAD}On Wednesday, soldiers reached Paiporta.\n\nOn Thursday, the death toll rose "
        "to 158.\n\nBy Saturday, volunteers had crossed the bridge from Valencia."
    )
    assert [m.span.edtf for m in find_dates(text, day_from_ymd(*published))] == [
        "2024-10-29",
        "2024-10-30",
        "2024-10-31",
        "2024-11-02",
    ]


@pytest.mark.parametrize("published", [None, (2024, 10, 29)])
def test_a_historys_chronicle_goes_on_from_its_day_with_or_without_publication(published):
    """ "On Sunday, December 7, 1941, Japan attacked Pearl Harbor. On Monday, Roosevelt
    addressed Congress": without a publication date, "On Monday" was skipped (no draft), as a
    day counted from publication; it goes on from the day told, as with one."""
    text = (
        "On Sunday, December 7, 1941, Japan attacked Pearl Harbor. On Monday, Roosevelt "
        "addressed Congress in Washington. On Thursday, Germany declared war."
    )
    day = day_from_ymd(*published) if published else None
    assert [m.span.edtf for m in find_dates(text, day)] == [
        "1941-12-07",
        "1941-12-08",
        "1941-12-11",
    ]


def test_a_weekday_after_a_day_ahead_told_in_full_is_in_the_days_after_it():
    """ "Americans will vote on Tuesday, November 5, 2024. On Wednesday, officials will begin
    counting mail ballots", published on 22 October, was Wednesday 23 October, the day after
    publication, not the day after the vote."""
    text = (
        "Americans will vote on Tuesday, November 5, 2024. On Wednesday, officials will begin "
        "counting mail ballots in Pennsylvania."
    )
    [_, wednesday] = find_dates(text, day_from_ymd(2024, 10, 22))
    assert wednesday.span.edtf == "2024-11-06"
    assert [t.edtf for t in wednesday.alternatives] == ["2024-10-23"]
    # told in the past, it is before publication as ever
    text = "Americans will vote on Tuesday, November 5, 2024. On Wednesday, Trump rallied in Erie."
    assert find_dates(text, day_from_ymd(2024, 10, 22))[-1].span.edtf == "2024-10-16"


def test_a_chronicles_next_day_dates_its_draft():
    drafts = import_text(
        "How the floods unfolded\n\n"
        f"{_LEAD}On Wednesday, soldiers reached Paiporta, south of Valencia, officials said.\n"
    ).drafts
    assert [(d.places[0].name, d.time.edtf) for d in drafts][-1] == ("Paiporta", "2024-10-30")


def test_weekday_keeps_the_other_reading_as_alternative():
    published = day_from_ymd(2024, 6, 12)
    [mention] = find_dates("Ministers met Friday.", published)
    assert mention.span.edtf == "2024-06-07"
    assert [t.edtf for t in mention.alternatives] == ["2024-06-14"]


def test_publication_relative_dates_need_the_publication_date():
    assert dates("last month, Friday, recently, yesterday", published=None) == []


def test_offsets_point_into_the_text():
    text = "Russia and Iran fought in the 18th and 19th centuries, and again in 1941."
    for mention in find_dates(text):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "a $1.7 billion deal",
        "2,000 troops",
        "Su-35 jets",
        "1500 soldiers",
        "the S-300 system",
        "It may rain",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from August 25–September 17, 1941", "1941-08-25/1941-09-17"),
        ("from August 25-September 17, 1941", "1941-08-25/1941-09-17"),
        ("from Aug. 25 to Sept. 17, 1941", "1941-08-25/1941-09-17"),
        ("August 25 through September 17, 1941", "1941-08-25/1941-09-17"),
        ("between Aug. 25 and Sept. 17, 1941", "1941-08-25/1941-09-17"),
        ("between 25 August and 17 September 1941", "1941-08-25/1941-09-17"),
        ("from 25 August to 17 September 1941", "1941-08-25/1941-09-17"),
        ("August 25–27, 1941", "1941-08-25/1941-08-27"),
        ("from Aug. 25 to 27, 1941", "1941-08-25/1941-08-27"),
        ("from 25 to 27 August 1941", "1941-08-25/1941-08-27"),
    ],
)
def test_days_from_to_with_the_year_written_once_are_those_days(text, expected):
    """ "from Aug. 25 to Sept. 17, 1941" is 25 August to 17 September 1941, not "since Aug. 25"
    (open until publication) or a yearless Aug. 25 beside Sept. 17, 1941."""
    [mention] = find_dates(f"The invasion ran {text}, when the Shah abdicated.", PUBLISHED)
    assert (mention.text, mention.span.edtf) == (text, expected)
    assert mention.span.precision is Precision.DAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from the 1960s until 1975", "196X/1975"),
        ("from the 1960s to the 1980s", "196X/198X"),
        ("from the 19th century to the 1950s", "18XX/195X"),
        ("between the 1920s and 1941", "192X/1941"),
        # a first month without its year takes the end's
        ("from March until June 2020", "2020-03/2020-06"),
        ("between March and May 2020", "2020-03/2020-05"),
        ("from November until June 2020", "2019-11/2020-06"),
        ("from March 3 until June 2020", "2020-03-03/2020-06"),
    ],
)
def test_a_range_of_two_dates_after_from_or_between_is_one_span(text, expected):
    """Not "since the 1960s" (open until publication) beside a lone 1975."""
    [mention] = find_dates(f"The delta was a battleground {text}, the report says.", PUBLISHED)
    assert (mention.text, mention.span.edtf) == (text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from 2014 to the present", [("from 2014", "2014/2025-01-17")]),  # still open
        ("from 1990 to the 1980s", [("from 1990", "1990/2025-01-17"), ("the 1980s", "198X")]),
        (
            "from March, then in May 2020",
            [("from March", "2024-03"), ("May 2020", "2020-05")],
        ),
    ],
)
def test_from_without_a_range_end_is_still_since(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "year"),
    [
        ("by mid-2026", "2026-05/2026-08", "2026"),
        ("in early 2024", "2024-01/2024-04", "2024"),
        ("late 2024", "2024-09/2024-12", "2024"),
    ],
)
def test_early_mid_or_late_in_a_year_is_a_third_of_it(text, expected, year):
    [mention] = find_dates(f"The plant opens {text}, the company says.", PUBLISHED)
    assert mention.span.edtf == expected
    assert [a.edtf for a in mention.alternatives] == [year]
    assert "May to August" in find_dates("by mid-2026", PUBLISHED)[0].note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("expects the deal to close in Q3 2025", "2025-07/2025-09"),
        ("halted production in the second quarter of 2024", "2024-04/2024-06"),
        ("Fourth-quarter 2023 profit fell", "2023-10/2023-12"),
        ("in Q1 of fiscal 2026", "2026-01/2026-03"),
    ],
)
def test_a_quarter_is_its_three_months(text, expected):
    """ "It expects the deal to close in Q3 2025" was the whole of 2025, and "in the second
    quarter of 2024" the whole of 2024: a quarter is its three months, the year the
    alternative."""
    [mention] = find_dates(f"The company {text}, it said.", PUBLISHED)
    assert mention.span.edtf == expected
    assert [a.edtf for a in mention.alternatives] == [expected[:4]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sold more in the first half of 2025", ("the first half of 2025", "2025-01/2025-06")),
        ("expects growth in H2 2024", ("H2 2024", "2024-07/2024-12")),
        ("lost money in the third quarter of last year", ("the third quarter of last year", "2024-07/2024-09")),
        ("will cut jobs by the end of fiscal 2026", ("the end of fiscal 2026", "2026-12")),
        ("lost money in FY2024", ("FY2024", "2024")),
    ],
)  # fmt: skip
def test_a_half_a_fiscal_year_and_a_quarter_counted_from_now(text, expected):
    """ "in the first half of 2025" was the whole year, "the third quarter of last year" last
    year, "by the end of fiscal 2026" the year 2026 (not its December), and "FY2024" no date."""
    assert dates(f"The company {text}, it said.", day_from_ymd(2025, 3, 4)) == [expected]


def test_two_days_joined_by_and_are_not_a_range_without_between():
    assert "1941-08-25/1941-09-17" not in [
        edtf for _, edtf in dates("Bombs fell on Aug. 25 and Sept. 17, 1941.")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first of two dates joined by "and" takes the year written with the second
        (
            "Bombs fell on Aug. 25 and Sept. 17, 1941.",
            [("Aug. 25", "1941-08-25"), ("Sept. 17, 1941", "1941-09-17")],
        ),
        (
            "Talks failed in November and in June 2020.",
            [("in November", "2019-11"), ("June 2020", "2020-06")],
        ),
        # two days in a row are the span of both, with or without the year
        (
            "Protests were held on March 3 and 4, 2020.",
            [("March 3 and 4, 2020", "2020-03-03/2020-03-04")],
        ),
        ("Protests were held on 3 and 4 March.", [("3 and 4 March", "2024-03-03/2024-03-04")]),
        (
            "Protests were held on March 3 and 10.",
            [("March 3", "2024-03-03"), ("10", "2024-03-10")],
        ),  # the two days, not the week between
        ("They were hurt on March 3 and 10 others fled.", [("March 3", "2024-03-03")]),
        (  # days listed before their month and year are that month's and year's
            "The delegations met on 3 and 10 March 2020 in Vienna.",
            [("3", "2020-03-03"), ("10 March 2020", "2020-03-10")],
        ),
        (
            "Protests on 3, 5 and 10 March 2020.",
            [("3", "2020-03-03"), ("5", "2020-03-05"), ("10 March 2020", "2020-03-10")],
        ),
        ("They met on 3 and 10 March.", [("3", "2024-03-03"), ("10 March", "2024-03-10")]),
    ],
)
def test_dates_joined_by_and(text, expected):
    assert dates(text, day_from_ymd(2024, 7, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year, decade or century after "and" is no year of the month or day before it
        (
            "The minister arrived on March 3 and in 2019 the project began.",
            [("March 3", "2024-03-03"), ("2019", "2019")],
        ),
        (
            "It was built in May and the 1990s saw it grow.",
            [("in May", "2024-05"), ("the 1990s", "199X")],
        ),
    ],
)
def test_a_date_before_and_keeps_its_year_when_only_a_year_follows(text, expected):
    assert dates(text, day_from_ymd(2024, 7, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plain hyphen joins years as a dash does
        ("in 1941-1945", [("1941-1945", "1941/1945")]),
        ("the 1941-1945 occupation", [("1941-1945", "1941/1945")]),
        ("in 1941 - 1945", [("1941 - 1945", "1941/1945")]),
        ("in 1941–1945", [("1941–1945", "1941/1945")]),
        ("in 1939-45", [("1939-45", "1939/1945")]),
        ("the 1941-42 winter campaign", [("1941-42", "1941/1942")]),
        # an ISO day is that day; it, a phone number or a score (a third number after the
        # second, or a second year before the first) is no range of years
        ("on 2024-12-05", [("2024-12-05", "2024-12-05")]),
        ("on 2010-12-05", [("2010-12-05", "2010-12-05")]),  # not 2010–2012
        ("on 2023-02-29", [("2023", "2023")]),  # no such day: its year
        ("on 2012-12-05-7", [("2012", "2012")]),
        ("call 212-555-1941", []),
        ("won 2001-1999", [("2001", "2001")]),
        # "and" joins years only after "between", as for days
        ("elections in 2012 and 2016", [("2012", "2012"), ("2016", "2016")]),
        ("between 2012 and 2016", [("between 2012 and 2016", "2012/2016")]),
        ("from 2012 to 2016", [("from 2012 to 2016", "2012/2016")]),
    ],
)
def test_year_ranges_and_hyphenated_numbers_that_are_none(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "month", "season"),
    [
        ("early winter 2014", "2014-12", "2014-24"),
        ("late summer 2014", "2014-08", "2014-22"),
        ("Late in the summer of 1941", "1941-08", "1941-22"),
        ("early spring 2020", "2020-03", "2020-21"),
        ("late fall 1941", "1941-11", "1941-23"),
        ("late winter 2014–15", "2015-02", "2014-24"),
    ],
)
def test_early_or_late_in_a_season_is_its_first_or_last_month(text, month, season):
    """A third of the season, as "early 1990s" is a third of the decade; the whole season is
    the alternative in the review."""
    [mention] = find_dates(f"Snow fell {text} in Tehran.", PUBLISHED)
    assert (mention.text, mention.span.edtf) == (text, month)
    assert [span.edtf for span in mention.alternatives] == [season]
    assert mention.note.startswith(f"the {text.split()[0].lower()} part of ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the two days end the phrase, or a preposition or article follows them
        ("Protests were held on March 3 and 4.", [("March 3 and 4", "2024-03-03/2024-03-04")]),
        (
            "Talks were held on March 3 and 4 in Geneva.",
            [("March 3 and 4", "2024-03-03/2024-03-04")],
        ),
        # a number of people after "and" is no second day
        (
            "Police arrested two men on March 3 and 4 others on March 5.",
            [("March 3", "2024-03-03"), ("March 5", "2024-03-05")],
        ),
        ("Fighting on May 3 and 4 soldiers died.", [("May 3", "2024-05-03")]),
    ],
)
def test_a_month_day_and_the_next_day_is_both_unless_a_count_follows(text, expected):
    assert dates(text, day_from_ymd(2024, 7, 14)) == expected


def test_a_bare_day_after_and_takes_the_month_before_it_and_the_year_after_it():
    """ "on March 3 and 10, 2020", as "on Aug. 25 and Sept. 17, 1941": both days in 2020, not
    March 3 of the publication year beside a lone 2020."""
    [draft] = import_text(
        "Protesters marched in Paris on March 3 and 10, 2020.", published="2024-07-14"
    ).drafts
    assert draft.time.edtf == "2020-03-03"
    assert [t.edtf for t in draft.time_alternatives] == ["2020-03-10"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # no year anywhere near: the year a lone month would take (the latest before publication)
        ("Talks ran in Geneva from January to March, officials said.", "2024-01/2024-03"),
        ("Talks ran in Geneva from January until March.", "2024-01/2024-03"),
        ("Talks ran in Geneva between March and May.", "2024-03/2024-05"),
        ("Talks ran in Geneva from November to February.", "2023-11/2024-02"),
        # the year of the story, or the start's own
        ("Talks began in 2019. They ran in Geneva from January to March.", "2019-01/2019-03"),
        ("Talks ran in Geneva from January 2020 to March.", "2020-01/2020-03"),
        # from a part of a month
        ("Talks ran in Geneva from mid-January to March.", "2024-01-11/2024-03"),
        ("Talks ran in Geneva from early March 2020 to June.", "2020-03-01/2020-06"),
    ],
)
def test_a_range_of_two_months_without_a_year_is_one_span(sentence, expected):
    """Not "since January" (or January alone) beside an unread March."""
    drafts = import_text(sentence, published="2024-07-14").drafts
    assert drafts[-1].time.edtf == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "from" after what comes from a time is that time
        ("Chinese records from the 3rd century mention trade in Samarkand.", "02XX"),
        ("Letters from 1941 describe the famine in Tehran.", "1941"),
        ("The mosque in Bukhara dates from 1127.", "1127"),
        # "from" after anything else is still "since": open until publication
        ("Troops were stationed in Samarkand from 2014.", "2014/2024-07-14"),
    ],
)
def test_from_after_what_comes_from_a_time_is_that_time_not_since(sentence, expected):
    [draft] = import_text(sentence, published="2024-07-14").drafts
    assert draft.time.edtf == expected


def test_days_listed_before_their_month_leave_the_title_whole():
    """ "on 3 and 10 March 2020": the list of dates is left out of the title, not "… on 3"."""
    [draft] = import_text(
        "The two delegations first met on 3 and 10 March 2020 in Vienna.", published="2024-07-14"
    ).drafts
    assert draft.title == "The two delegations first met in Vienna"
    assert draft.time.edtf == "2020-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met in Paris on March 3 and will meet again in Brussels on March 12.",
        "Leaders met in Paris on March 3, and are expected to meet again on March 12.",
        "Leaders met in Paris on March 3 but will not meet again before March 12.",
    ],
)
def test_a_clause_that_looks_ahead_after_and_does_not_make_the_one_before_it_ahead(text):
    """Published 6 March 2024, "met in Paris on March 3 and will meet again …" put March 3 in
    2025: the "will" of the clause after it was read as the date's."""
    assert [edtf for _, edtf in dates(text, day_from_ymd(2024, 3, 6))] == [
        "2024-03-03", "2024-03-12",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chinese monk Xuanzang left Chang'an in 629 and spent 16 years abroad.", "0629"),
        ("In 751, an Arab army defeated Tang Chinese forces at the Battle of Talas.", "0751"),
        ("Baghdad, founded in 762, became one of the great cities of the trade.", "0762"),
        ("The western empire fell in 476.", "0476"),
        ("Vesuvius buried Pompeii in AD 79.", "0079"),
        ("The monastery was built in 629 AD.", "0629"),
        ("Pliny the Elder wrote in the first century AD that India took the gold.", "00XX"),
    ],
)
def test_years_before_1000_are_read_where_a_history_piece_writes_them(text, expected):
    """A history piece dated Xuanzang's journey "in 629" and the Battle of Talas "In 751"
    with the "from the 4th century onward" of the paragraph before: three-digit years were no
    dates."""
    [(_, edtf)] = dates(text)
    assert edtf == expected


@pytest.mark.parametrize(
    "text",
    [
        "The toll in 751 villages rose sharply.",
        "The risk is one in 300.",
        "Prices rose by 300, analysts said.",
        "Police arrested 629 people in 2019.",
    ],
)
def test_counts_of_three_digits_are_not_years(text):
    assert [edtf for _, edtf in dates(text) if edtf.startswith("0")] == []


def test_a_history_piece_open_until_today_is_not_dated_as_news():
    """ "from the 4th century onward" ends on the publication day; that made a history piece
    news, and its opening paragraph, which has no date, was put in the year before
    publication."""
    text = (
        "Merchants from Samarkand and Bukhara grew rich on the trade.\n\n"
        "Caravans crossed the desert by way of oasis towns such as Kashgar and Dunhuang, where "
        "caves were painted from the 4th century onward."
    )
    drafts = import_text(text, published="2025-03-01").drafts
    assert [(d.title, d.time.edtf) for d in drafts] == [
        ("Caravans crossed the desert by way of oasis towns", "03XX/2025-03-01")
    ]


def test_days_ahead_without_their_year_are_after_publication_whatever_the_story_told_before():
    """Published 13 November 2025, "EU leaders will meet in Brussels on Dec. 18 and 19" was
    dated December 2016: the two days took the year of "June 2016" in the paragraph before,
    while "on Dec. 18" alone was already the next one."""
    text = (
        "Britain left on Jan. 31, 2020, after voters chose to leave in a referendum in June "
        "2016.\n\nEU leaders will meet in Brussels on Dec. 18 and 19 for a summit."
    )
    assert dates(text, day_from_ymd(2025, 11, 13))[-1] == (
        "Dec. 18 and 19",
        "2025-12-18/2025-12-19",
    )
    told = text.replace("will meet", "met").replace("Dec. 18 and 19", "Dec. 3 and 4")
    assert dates(told, day_from_ymd(2025, 11, 13))[-1] == ("Dec. 3 and 4", "2016-12-03/2016-12-04")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Chileans vote Sunday in a runoff, the starkest choice since it returned to democracy.",
            "2025-12-14",
        ),
        ("Voters go to the polls on Sunday in Santiago.", "2025-12-14"),
        ("The new parliament opens Monday in Santiago.", "2025-12-15"),
        ("Chileans voted Sunday in a runoff.", "2025-12-07"),
        ("Kast held his final rally in Temuco on Thursday.", "2025-12-11"),
    ],
)
def test_a_weekday_after_a_verb_in_the_present_is_what_is_scheduled(sentence, expected):
    """Published Friday 12 December 2025, "Chileans vote Sunday in a presidential runoff" was
    dated the Sunday before: a news lead tells what is scheduled in the present."""
    [(_, edtf)] = dates(sentence, day_from_ymd(2025, 12, 12))
    assert edtf == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rome was founded in the 8th century BC.", "-07XX"),
        ("In the 5th century BCE, Athens grew rich.", "-04XX"),
        ("Silk was reaching Rome by the first century BC.", "-00XX"),
        ("In the early 5th century BC, Persia invaded Greece.", "-0499/-0466"),
        ("The 5th to 3rd centuries BC were rich.", "-04XX/-02XX"),
        ("The Qin ruled from 221 to 206 BC.", "-0220/-0205"),
        ("Between 500 and 300 BC, cities grew.", "-0499/-0299"),
    ],
)
def test_centuries_and_ranges_before_christ(text, expected):
    """ "the 8th century BC" was no date at all, and "from 221 to 206 BC" only 206 BC."""
    [(_, edtf)] = dates(text)
    assert edtf == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Suleiman ruled from 1520 until his death in 1566.",
            [("from 1520 until his death in 1566", "1520/1566")],
        ),
        ("She served as mayor from 2010 until she retired.", [("2010", "2010")]),
        ("He lived there from 2014 to the present.", [("from 2014", "2014/2025-01-17")]),
    ],
)
def test_from_a_date_until_an_end_the_text_names_is_not_open_until_publication(text, expected):
    """ "Suleiman ruled from 1520 until his death in 1566" was read as since 1520, open until
    the day of publication, beside a lone 1566."""
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The quake was the strongest since 1999. In mid-October, heavy rains began.",
            ("mid-October", "2025-10-11/2025-10-20"),
        ),
        ("Since 2014 he has lived in Kyiv. In March, he moved to Lviv.", ("In March", "2025-03")),
    ],
)
def test_since_a_year_lends_no_year_to_the_next_month(text, expected):
    """Published 29 October 2025, "… the strongest since 1999. In mid-October, heavy rains
    began" put the rains in October 1999: "since 1999", open until publication, lent the year
    of its start."""
    assert dates(text, day_from_ymd(2025, 10, 29))[-1] == expected


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        ((2025, 10, 29), "Last summer, wildfires burned near Izmir.", "2025-22"),
        ((2025, 7, 10), "Last summer, wildfires burned near Izmir.", "2024-22"),
        ((2025, 7, 10), "This summer, wildfires burned near Izmir.", "2025-22"),
        ((2025, 1, 20), "Last winter was the coldest in years.", "2023-24"),
        ((2025, 1, 20), "This winter, gas ran short in Moldova.", "2024-24"),
        ((2025, 10, 29), "Talks will resume in Geneva next spring.", "2026-21"),
    ],
)
def test_a_season_counted_from_publication(published, text, expected):
    """ "Last summer, wildfires burned near Izmir" was no date: the sentence made no draft."""
    [(_, edtf)] = dates(text, day_from_ymd(*published))
    assert edtf == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark wants a deal before the end of the year.", ("the end of the year", "2025-12")),
        ("A deal is expected by the end of next year.", ("the end of next year", "2026-12")),
        ("Prices rose at the end of last year.", ("the end of last year", "2024-12")),
        (
            "Talks resume at the start of next month.",
            ("the start of next month", "2025-12-01/2025-12-10"),
        ),
        ("Troops will leave by the end of 2026.", ("the end of 2026", "2026-12")),
        (
            "The army invaded in June 1941. By the end of the year, it had reached Moscow.",
            ("the end of the year", "1941-12"),
        ),
    ],
)
def test_the_end_or_start_of_a_year_or_month(text, expected):
    """ "Denmark wants a deal before the end of the year" was no date: the draft was dated the
    year before publication and titled "… before the end"."""
    assert dates(text, day_from_ymd(2025, 11, 13))[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mosque was built c. 600 in Cairo.", ("c. 600", "0600~")),
        ("The palace was built circa 1200.", ("circa 1200", "1200~")),
        ("The city fell ca. 1200 BC.", ("ca. 1200 BC", "-1199~")),
    ],
)
def test_circa_a_year_is_about_that_year(text, expected):
    """ "built c. 600 in Cairo" was no date, and "circa 1200" the year exactly."""
    assert dates(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Greek colonists founded Byzantium around 657 BC on a promontory.",
            [("around 657 BC", "-0656~")],
        ),
        ("The mosque was built about 1200, when the city grew.", [("about 1200", "1200~")]),
        # a count is not a year
        ("About 1500 troops were sent in 1999.", [("1999", "1999")]),
        ("It cost about 1200 dollars.", []),
    ],
)
def test_around_a_year_is_about_that_year(text, expected):
    """ "founded Byzantium around 657 BC" was the year 657 BC exactly."""
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boluarte took office in December 2022. Castillo was arrested the same day.", "2022-12"),
        ("The plant opened in March 2020. The following week it closed.", "2020-03"),
        ("The war began in 1939. The following month, Poland fell.", "1939"),
        ("England lost the final in 2021. Southgate resigned two days later.", "2021"),
        # a day is counted from a day
        ("Troops landed on June 6, 1944. The next day they took Bayeux.", "1944-06-07"),
        ("Troops landed on June 6, 1944. Two days later they took Caen.", "1944-06-08"),
    ],
)
def test_a_day_counted_from_a_month_keeps_the_months_precision(text, expected):
    """ "Boluarte took office in December 2022 … Castillo was arrested the same day" was 1
    December 2022, a day the text never gave."""
    assert dates(text, None)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("reported 2,400 new cases in the week to Sunday", ("the week to Sunday", "2025-01-06/2025-01-12")),
        ("cases rose in the week ending Jan. 18, 2024", ("the week ending Jan. 18, 2024", "2024-01-12/2024-01-18")),
        ("sold 900 cars in the seven days through Friday", ("the seven days through Friday", "2025-01-11/2025-01-17")),
    ],
)  # fmt: skip
def test_the_week_to_a_day_is_its_seven_days(text, expected):
    """ "reported more than 2,400 new cholera cases in the week to Sunday" was that Sunday."""
    assert dates(f"Officials {text}, the WHO said.") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose 3% in the year to March, the ONS said.", ("the year to March", "2024-04/2025-03")),
        ("Exports fell in the 12 months to June 2024.", ("the 12 months to June 2024", "2023-07/2024-06")),
    ],
)  # fmt: skip
def test_the_year_to_a_month_is_its_twelve_months(text, expected):
    """ "Prices rose 3% in the year to March" was March alone; "in the 12 months to June 2024"
    June 2024."""
    assert dates(text, day_from_ymd(2025, 4, 16)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "ArianeGroup plans eight launches in 2026. A rival rocket launched from Florida hours "
        "earlier.",
        "The company plans eight launches in 2026. Two days later, a rival rocket launched.",
    ],
)
def test_what_happened_is_not_counted_from_a_plan(text):
    """ "… plans up to eight launches in 2026. A rival SpaceX Falcon 9 rocket launched from
    Cape Canaveral, Florida, hours earlier" was dated 2026."""
    assert dates(text, day_from_ymd(2025, 8, 12))[1:] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hale stabbed Arif Khan on 3 March last year. Mr Khan died two days later.",
            [("3 March last year", "2024-03-03"), ("two days later", "2024-03-05")],
        ),
        ("The plant opened on March 3 this year.", [("March 3 this year", "2025-03-03")]),
        ("Talks resume on Jan. 5 next year.", [("Jan. 5 next year", "2026-01-05")]),
    ],
)
def test_a_day_of_last_or_next_year_is_that_day(text, expected):
    """ "stabbed Arif Khan on 3 March last year" was 3 March of the publication's year, "last
    year" a date of its own, and "died two days later" the whole of last year."""
    assert dates(text, day_from_ymd(2025, 12, 5)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The defense rested on Oct. 28. The judge set sentencing for Feb. 12.",
            (2023, 11, 3),
            "2024-02-12",
        ),
        ("The court met on Dec. 28. It postponed the hearing until Jan. 20.", (2025, 1, 10), "2025-01-20"),
        # in the story's year when that is not before the date told before, and in a history
        ("The court met on Dec. 2. It set a hearing for Dec. 20.", (2025, 1, 10), "2024-12-20"),
        ("On Nov. 3, 1941, the court met. It postponed the hearing until Dec. 5.", (2025, 1, 10), "1941-12-05"),
        ("Sales rose on Oct. 28. Officials set a record for Feb. 12 sales.", (2023, 11, 3), "2023-02-12"),
        # "went ahead" tells that the day came: the one before publication
        ("The vote, postponed until Jan. 5, went ahead in Kinshasa.", (2026, 1, 10), "2026-01-05"),
        ("The vote, postponed until Jan. 5, will go ahead.", (2025, 12, 10), "2026-01-05"),
    ],
)  # fmt: skip
def test_a_day_something_was_set_for_lies_ahead(text, published, expected):
    """ "The defense rested on Oct. 28. … The judge set sentencing for Feb. 12" (published in
    November) was the February before: what a judge sets a day for, or a vote is postponed
    until, lies ahead, not before the date told before it."""
    assert dates(text, day_from_ymd(*published))[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fire broke out on Sunday, Jan. 12. By the next morning it had grown.", "2025-01-13"),
        ("Fire broke out on Sunday, Jan. 12. Next morning, crews arrived.", "2025-01-13"),
        ("Fire broke out on Sunday, Jan. 12. That night it jumped the river.", "2025-01-12"),
        ("Fire broke out on Jan. 12. The previous evening had been calm.", "2025-01-11"),
        # after a month, a day of it: which one not said
        ("Fire broke out in March 2022. The following night it spread.", "2022-03"),
    ],
)
def test_a_part_of_a_day_counts_from_the_date_before(text, expected):
    """ "Fire broke out on Sunday, Aug. 11 … By the next morning it had grown to 4,000
    hectares" had no date: the morning after the date before (or that night, its day)."""
    assert dates(text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan launched a lander on Wednesday. An H3 rocket lifted off at 9:13 a.m. (0013 "
            "GMT), the agency said.",
            [("on Wednesday", "2025-01-15"), ("at 9:13 a.m.", "2025-01-15")],
        ),
        (
            "Winds pushed the fire east on Tuesday. Around 9 p.m. that night it jumped the river.",
            [("on Tuesday", "2025-01-14"), ("that night", "2025-01-14")],
        ),
        (
            "Winds pushed the fire east on Tuesday. Around 9 p.m. the fire jumped the river.",
            [("on Tuesday", "2025-01-14"), ("Around 9 p.m.", "2025-01-14")],
        ),
        ("Talks ended on Jan. 9. Leaders met again at 1800 GMT.", [("Jan. 9", "2025-01-09"), ("at 1800 GMT", "2025-01-09")]),
        # with a date of its own, the sentence is that date's; with none before, no date
        (
            "Talks ended on Jan. 9. The fire was reported at 3:40 p.m. on Sunday, Jan. 12.",
            [("Jan. 9", "2025-01-09"), ("on Sunday, Jan. 12", "2025-01-12")],
        ),
        ("The rocket lifted off at 9:13 a.m.", []),
        ("The war began in 2014. Shelling resumed at 6 a.m.", [("2014", "2014")]),
    ],
)  # fmt: skip
def test_a_time_of_day_is_on_the_day_told_before(text, expected):
    """ "Japan launched a lander on Wednesday. An H3 rocket lifted off from Tanegashima at 9:13
    a.m." had no date, and was no event of its own: a time of day in a sentence with no date
    is on the day of the date before it."""
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A quake struck Antakya on Feb. 20, 2023. A second one hit Adana hours later.",
        "Protests began on Feb. 20, 2023. Police fired on crowds in Tehran hours later.",
    ],
)
def test_hours_later_after_a_name_ending_in_a_number_word(text):
    """ "… hit Adana hours later" had no date: the "a" ending "Adana" (or the "an" ending
    "Tehran") was read as "a" in "a hours later", which is no number of a word of its own."""
    assert dates(text)[-1] == ("hours later", "2023-02-20")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ariane 6 lifted off from Kourou on Tuesday. ArianeGroup plans eight launches in "
            "2026. A rival rocket launched from Florida, hours earlier.",
            ("hours earlier", "2025-08-12"),
        ),
        (
            "Ariane 6 lifted off from Kourou on Tuesday. ArianeGroup plans eight launches in "
            "2026. Two days earlier, a rival rocket launched.",
            ("Two days earlier", "2025-08-10"),
        ),
        # not from a year told long before: no date
        (
            "Protests began in 2019. ArianeGroup plans eight launches in 2026. A rival rocket "
            "launched from Florida hours earlier.",
            ("2026", "2026"),
        ),
    ],
)
def test_what_happened_after_a_plan_counts_from_the_date_told_before_it(text, expected):
    """ "Ariane 6 lifted off on Tuesday. ArianeGroup plans eight launches in 2026. A rival
    rocket launched … hours earlier" had no date: hours before the Tuesday's launch, the last
    date the story told as past."""
    assert dates(text, day_from_ymd(2025, 8, 13))[-1] == expected


@pytest.mark.parametrize("text", ["Sales boomed in the '90s.", "Sales boomed in the ’90s."])
def test_a_decade_with_a_typeset_apostrophe_is_the_decade(text):
    """ "in the ’90s", with the curly apostrophe of typeset text, was no date."""
    assert [edtf for _, edtf in dates(text)] == ["199X"]


@pytest.mark.parametrize(
    "text",
    [
        "The rocket lifted off at 1800 GMT.",
        "The rocket lifted off on Monday (0024 GMT Tuesday).",
        "The curfew starts at 2030 local time.",
    ],
)
def test_a_time_of_day_is_not_a_year(text):
    """ "lifted off at 1800 GMT" was the year 1800."""
    assert not [edtf for _, edtf in dates(text) if edtf[:1] in "012" and len(edtf) == 4]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian drones struck Kyiv on Christmas Day.", [("Christmas Day", "2024-12-25")]),
        ("The ceasefire collapsed on New Year's Eve 2023.", [("New Year's Eve 2023", "2023-12-31")]),
        ("Talks will resume after Christmas.", [("Christmas", "2025-12-25")]),
        # not the name of a thing
        ("Shoppers crowded the Christmas markets in Vienna.", []),
    ],
)  # fmt: skip
def test_a_holiday_is_its_day(text, expected):
    """ "Russian drones struck Kyiv on Christmas Day" had no date."""
    assert dates(text, day_from_ymd(2025, 1, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alexander routed Darius on 1 October 331 BCE.", ("1 October 331 BCE", "-0330-10-01")),
        ("He died in Babylon in June 323 BCE, aged 32.", ("June 323 BCE", "-0322-06")),
        ("Caesar was killed on March 15, 44 BC.", ("March 15, 44 BC", "-0043-03-15")),
    ],
)
def test_a_day_or_month_before_christ_is_that_day_or_month(text, expected):
    """ "on 1 October 331 BCE" was the year 331 BC, and "in June 323 BCE" too."""
    assert dates(text) == [expected]


def test_there_is_no_year_0_bc():
    """ "0 BC" was read as AD 1."""
    assert dates("The calendar has no year 0 BC.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Copper was smelted in the third millennium BC.", "-2999/-2000"),
        ("Copper was smelted in the 3rd millennium BC.", "-2999/-2000"),
        ("Trade grew during the first millennium AD.", "0001/1000"),
        ("Trade grew during the first millennium.", "0001/1000"),
        ("Towns spread in the 4th and 3rd millennia BC.", "-3999/-2000"),
        ("Bronze spread in the late 2nd millennium BC.", "-1329/-1000"),
    ],
)
def test_millennia(text, expected):
    """ "the third millennium BC" (and "the 3rd", "the first millennium AD") was no date."""
    [(_, edtf)] = dates(text)
    assert edtf == expected


def test_a_millennium_dates_a_draft_and_the_third_without_bc_is_none():
    [draft] = import_text(
        "Copper was smelted in Egypt in the third millennium BC.", published="2025-11-14"
    ).drafts
    assert draft.time.describe() == "3000 BC–2001 BC"
    assert draft.title == "Copper was smelted in Egypt"
    assert dates("The third millennium began in 2001.") == [("2001", "2001")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "since" a month, up to now: the latest before publication, open until it
        ("Iran held elections in 2019. Since August, protests have spread across Tehran.",
         ("Since August", "2024-08/2025-01-17")),
        ("The deal was signed in March 2019. Since Aug. 3, the rial has lost half its value.",
         ("Since Aug. 3", "2024-08-03/2025-01-17")),
        # told in the present perfect: the news's own time
        ("In 2019 Iran held elections. In March, prices have doubled.", ("In March", "2024-03")),
        # a month after the publication month: last year's
        ("Iran held elections in 2019. Since February, the rial has fallen.",
         ("Since February", "2024-02/2025-01-17")),
        # the sentence names its own year: that year's
        ("In 2019, and again since August, protests have spread.",
         ("since August", "2019-08/2025-01-17")),
        # a story told in the past goes on in its year
        ("In 2019 Iran held elections. In March, the army moved into Isfahan.",
         ("In March", "2019-03")),
        # looking back with "had": closed, in the story's year
        ("In 1941 the army moved east. Since June, it had advanced.", ("Since June", "1941-06")),
    ],
)  # fmt: skip
def test_a_yearless_month_of_the_news_takes_the_year_publication_implies(text, expected):
    """Published 17 January 2025, "… elections in 2019. Since August, protests have spread"
    dated the protests to August 2019, the year of the sentence before."""
    assert dates(text)[-1] == expected


def test_since_a_yearless_month_dates_its_draft_from_before_publication():
    drafts = import_text(
        "Iran held elections in 2019 in Tehran.\n\n"
        "Since August, protests have spread across Isfahan.",
        published="2025-01-17",
    ).drafts
    assert [(d.places[0].name, d.time.edtf) for d in drafts] == [
        ("Tehran", "2019"),
        ("Isfahan", "2024-08/2025-01-17"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed in Doha in December, and the pace picked up after Trump warned there "
        "would be hell to pay if hostages were not freed before his inauguration on Jan. 20.",
        "Talks resumed in Doha in December 2024. Trump said the envoy would arrive on Jan. 20.",
    ],
)
def test_a_day_said_in_the_past_to_lie_ahead_goes_on_past_publication(text):
    """Published 15 January 2025, "… warned there would be hell to pay if hostages were not
    freed before his inauguration on Jan. 20", after "in December", was 20 January 2024: told
    in the past, it was put before publication, eleven months before the talks it followed."""
    assert dates(text, day_from_ymd(2025, 1, 15))[-1] == ("Jan. 20", "2025-01-20")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On May 6, 2024, Hamas accepted the plan. Hours later, Israel moved into Rafah.",
         ("Hours later", "2024-05-06")),
        ("On May 6, 2024, Hamas accepted the plan. A few hours later, tanks rolled in.",
         ("A few hours later", "2024-05-06")),
        ("On May 6, 2024, Hamas accepted the plan. Minutes later, sirens sounded.",
         ("Minutes later", "2024-05-06")),
        ("On May 6, 2024, Hamas accepted the plan. 48 hours later, tanks rolled in.",
         ("48 hours later", "2024-05-08")),
        ("In 2019 it rained in Lagos. Hours later the streets flooded.", ("Hours later", "2019")),
    ],
)  # fmt: skip
def test_hours_later_is_the_day_of_the_previous_date(text, expected):
    """ "Hours later, Israel launched an operation in Rafah", after "On May 6, 2024, Hamas said
    it had accepted …", was no date: the operation was only the sentence before's context."""
    assert dates(text)[-1] == expected


def test_hours_later_makes_its_own_draft():
    drafts = import_text(
        "On May 6, 2024, Hamas said in Doha it had accepted the proposal. Hours later, Israel "
        "launched an operation in Rafah.",
        published="2025-01-15",
    ).drafts
    assert [(d.title, d.time.edtf, d.places[0].name) for d in drafts] == [
        ("Hamas said in Doha it had accepted the proposal", "2024-05-06", "Doha"),
        ("Israel launched an operation in Rafah", "2024-05-06", "Rafaḩ"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On May 6, 2024, Hamas accepted it. At the end of May, Biden laid out a plan.",
         ("the end of May", "2024-05-21/2024-05-31")),
        ("On May 6, 2024, Hamas accepted it. By the middle of June the talks stalled.",
         ("the middle of June", "2024-06-11/2024-06-20")),
        ("At the start of March 2023, it rained.",
         ("the start of March 2023", "2023-03-01/2023-03-10")),
        # no story year: the latest such month before publication (17 January 2025)
        ("At the beginning of December, talks resumed.",
         ("the beginning of December", "2024-12-01/2024-12-10")),
    ],
)  # fmt: skip
def test_the_end_or_start_of_a_month_is_a_third_of_it(text, expected):
    """ "At the end of May, President Joe Biden laid out a three-phase plan" was no date."""
    [*_, (said, edtf)] = dates(text)
    assert (said, edtf) == expected
    [mention] = [m for m in find_dates(text, PUBLISHED) if m.text == said]
    assert [t.edtf for t in mention.alternatives] == [expected[1][:7]]


def test_a_speech_at_the_white_house_at_the_end_of_may_is_a_draft_in_washington():
    drafts = import_text(
        "On May 6, 2024, Hamas said in Doha it had accepted the proposal.\n\n"
        "At the end of May, President Joe Biden laid out a three-phase plan in a speech at the "
        "White House.",
        published="2025-01-15",
    ).drafts
    assert [(d.time.edtf, d.places[0].name) for d in drafts][-1] == (
        "2024-05-21/2024-05-31",
        "Washington",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph after a year, news is back in its own time
        ("Analysts said last week that Taiwan made 46% of the world's chips in 2023.\n\n"
         "Chinese military drills around Taiwan in April raised concern.", "2025-04"),
        ("The first plant began producing chips late last year.\n\n"
         "In March, TSMC said it would invest another $100 billion.", "2025-03"),
        # in the same paragraph, the story goes on in its year
        ("Analysts said last week that Taiwan made 46% of the world's chips in 2023. Drills "
         "around Taiwan in April raised concern.", "2023-04"),
        # a history, which names no year near publication, goes on in its year too
        ("In 1941 the army moved east.\n\nIn June it crossed the border.", "1941-06"),
        # after a day or a month as after a year
        ("The border commission dissolved on Jan. 1, 2024.\n\n"
         "Talks on a treaty resumed in Abu Dhabi in March.", "2025-03"),
        ("The border commission dissolved in January 2024. Talks "
         "on a treaty resumed in Abu Dhabi in March.", "2024-03"),
        ("The siege began on Dec. 20, 1941.\n\nIn January the army advanced.", "1942-01"),
    ],
)  # fmt: skip
def test_a_month_a_paragraph_after_a_date_in_news_is_the_latest_before_publication(text, expected):
    """Published 12 June 2025, "… 46% in 2023." then a paragraph "Chinese military drills
    around Taiwan in April raised fresh concern" dated the drills April 2023, and "In March,
    TSMC said it would invest …" after "late last year" March 2024; "Talks … resumed in Abu
    Dhabi in March", a paragraph after "on Jan. 1, 2024", March 2024."""
    assert dates(text, day_from_ymd(2025, 6, 12))[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The first plant began producing chips late last year.", "2024-09/2024-12"),
        ("Sales rose early this year.", "2025-01/2025-04"),
        ("Output will peak by mid-next year.", "2026-05/2026-08"),
    ],
)
def test_early_mid_or_late_in_a_year_counted_from_publication_is_a_third_of_it(text, expected):
    """Published 12 June 2025, "began producing chips late last year" was the whole of 2024."""
    [mention] = find_dates(text, day_from_ymd(2025, 6, 12))
    assert mention.span.edtf == expected
    assert [t.edtf for t in mention.alternatives] == [expected[:4]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Thursday last week, drones struck Kyiv.", ("On Thursday last week", "2025-01-09")),
        ("Drones struck Kyiv on Tuesday of last week.",
         ("on Tuesday of last week", "2025-01-07")),
        ("Leaders will meet on Monday next week.", ("on Monday next week", "2025-01-20")),
    ],
)  # fmt: skip
def test_a_weekday_of_last_or_next_week(text, expected):
    """Published Friday 17 January 2025, "On Thursday last week, drones struck Kyiv" was the
    day before publication, with "last week" a second date."""
    assert dates(text) == [expected]


def test_a_weekday_of_last_week_dates_its_draft_and_leaves_its_title():
    [draft] = import_text(
        "On Thursday last week, drones struck Kyiv.", published="2025-01-17"
    ).drafts
    assert (draft.time.edtf, draft.title) == ("2025-01-09", "Drones struck Kyiv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war began in 2022. In March of the following year, troops left Bakhmut.",
         ("In March of the following year", "2023-03")),
        ("The war began in 2022. In June of that year, troops left Kyiv.",
         ("In June of that year", "2022-06")),
        ("Prices rose in May of last year.", ("in May of last year", "2024-05")),
        ("The war began in 2022. By late March of the next year, troops had left.",
         ("By late March of the next year", "2023-03-21/2023-03-31")),
        # without "of" (PUBLISHED is 17 January 2025)
        ("Smith was arrested in Leeds in March last year.", ("in March last year", "2024-03")),
        ("The war began in 2022. In June that year, troops left Kyiv.",
         ("In June that year", "2022-06")),
    ],
)  # fmt: skip
def test_a_month_of_the_following_year(text, expected):
    """ "In March of the following year", after 2022, was March 2022 and, apart, 2023; "in
    March last year" was the March before publication."""
    assert dates(text)[-1] == expected
    assert len(dates(text)) == (1 if "last year" in text else 2)


def test_next_year_without_a_publication_date_is_unknown_not_the_year_after_the_last():
    """With no publication date, "Samsung pushed its opening back to next year", after "until
    2030", was 2031; "the next year" still counts from the date before it."""
    text = (
        "Intel delayed its plant until 2030. Samsung pushed its opening back to next year. "
        "The war ended in 1945. The next year, Germany was divided."
    )
    assert dates(text, None) == [("2030", "2030"), ("1945", "1945"), ("The next year", "1946")]
    assert dates(text)[1] == ("next year", "2026")


def test_without_a_publication_date_no_year_is_lent_past_a_date_counted_from_it():
    """With no publication date, "… in May 2020. The first began producing chips late last
    year. In March, TSMC said …" dated the pledge March 2020, the year before "late last
    year", which could not be placed."""
    text = (
        "TSMC announced a factory in Phoenix in May 2020. The first began producing chips late "
        "last year.\n\nIn March, TSMC said it would invest another $100 billion in Arizona."
    )
    assert dates(text, None) == [("May 2020", "2020-05")]
    assert dates(text)[-1] == ("In March", "2024-03")
    # with nothing counted from publication between, the story's year is lent as ever
    assert dates("It opened in May 2020. In March, it hired staff.", None)[-1][1] == "2020-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the paragraph goes on, in the past, to a later day: the week before publication
        (
            "On Tuesday, the storm formed near the Cayman Islands, and on Wednesday it crossed "
            "the Yucatan Channel.",
            "2024-09-24",
        ),
        ("On Tuesday, the storm formed near Cuba. By Thursday it had reached Texas.", "2024-09-24"),
        ("Last week the storm grew. On Tuesday, it formed an eye near Cuba.", "2024-09-24"),
        # or a paragraph before it told of last week, and nothing since
        ("The storm formed last week.\n\nOn Tuesday, it made landfall in Florida.", "2024-09-24"),
        # the day of publication itself
        ("On Tuesday, officials said the storm had weakened.", "2024-10-01"),
        ("On Tuesday, officials said the storm formed on Monday.", "2024-10-01"),
        ("On Tuesday, the minister resigned, and on Friday parliament will vote.", "2024-10-01"),
        ("The storm formed in August.\n\nOn Tuesday, it made landfall in Florida.", "2024-10-01"),
    ],
)
def test_a_past_day_named_as_publication_day_may_be_the_week_before(text, expected):
    published = day_from_ymd(2024, 10, 1)  # a Tuesday
    assert [span for said, span in dates(text, published) if said.endswith("Tuesday")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what led to the news, told in the past after "after": the Sunday before
        (
            "Noboa and Gonzalez will face each other in a runoff on April 13, after neither won "
            "outright in Sunday's first round, the council said on Monday.",
            "2025-02-09",
        ),
        ("The two will meet in a runoff after neither won outright on Sunday.", "2025-02-09"),
        # a noun after "after", not a clause in the past: still ahead
        ("Leaders will meet after the planned vote on Sunday.", "2025-02-16"),
        ("Leaders will meet after the vote on Sunday.", "2025-02-16"),
    ],
)
def test_a_weekday_in_a_past_clause_after_after_is_before_publication(text, expected):
    published = day_from_ymd(2025, 2, 10)  # a Monday
    assert [span for said, span in dates(text, published) if "Sunday" in said] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The grain deal was brokered in July 2022 and collapsed a year later.\n\nRomanian "
         "officials said the first minesweepers would sail from Constanta in March.", "2026-03"),
        ("Talks ended on Thursday. Officials said the ships would sail in March.", "2026-03"),
        # what was said then would be, in a paragraph about a year before
        ("Smith was arrested in May 2024. Police said he would appear in court in June.",
         "2024-06"),
        # said in March: the date is when it was said
        ("Talks ended on Thursday. In March, officials said the ships would sail.", "2025-03"),
    ],
)  # fmt: skip
def test_a_month_in_what_was_said_would_be_lies_after_publication(text, expected):
    """Published 16 October 2025, "Romanian officials said the first minesweepers would sail
    from Constanta in March", after "a year later" (2023), was March 2023."""
    assert dates(text, day_from_ymd(2025, 10, 16))[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hale was arrested in Leeds in March last year. He was convicted at Leeds Crown Court "
         "on 14 November.", "2025-11-14"),
        # in the same sentence, the story goes on in last year
        ("Hale was arrested in March last year and charged on 14 November.", "2024-11-14"),
        # months before publication: the year told before
        ("Hale was arrested in March last year. He was charged on 14 June.", "2024-06-14"),
    ],
)  # fmt: skip
def test_a_day_weeks_before_publication_after_last_year_is_this_years(text, expected):
    """Published 5 December 2025, "He was convicted … on 14 November", after an arrest "in
    March last year", was 14 November 2024."""
    assert dates(text, day_from_ymd(2025, 12, 5))[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In August 480 BC the Greeks held Thermopylae. Weeks later the fleet won at Salamis.",
         [("August 480 BC", "-0479-08"), ("Weeks later", "-0479-08")]),
        ("The siege began in August 1941. Months later, food ran out.",
         [("August 1941", "1941-08"), ("Months later", "1941-11")]),
        ("The fighting began on May 3, 2020. Days later it ended.",
         [("May 3, 2020", "2020-05-03"), ("Days later", "2020-05-06")]),
        # within a year, which says no more
        ("In 480 BC the Greeks held Thermopylae. Weeks later the fleet won.",
         [("480 BC", "-0479"), ("Weeks later", "-0479")]),
    ],
)  # fmt: skip
def test_days_weeks_or_months_later_without_a_number(text, expected):
    """ "Weeks later the Greek fleet destroyed the Persian navy off Salamis" had no date: only
    a number of weeks ("two weeks later", "a few weeks later") was counted."""
    assert dates(text, None) == expected
