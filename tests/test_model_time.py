import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapexplorer.model.time import (
    DateError,
    Precision,
    TimeSpan,
    day_from_iso,
    day_from_year_fraction,
    day_from_ymd,
    iso_from_day,
    year_fraction,
    ymd_from_day,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "words"),
    [
        ("17XX/18XX", "1700-01-01", "1899-12-31", Precision.CENTURY, "18th–19th century"),
        ("1804/1813", "1804-01-01", "1813-12-31", Precision.YEAR, "1804–1813"),
        ("~1828", "1828-01-01", "1828-12-31", Precision.YEAR, "about 1828"),
        ("2024-12", "2024-12-01", "2024-12-31", Precision.MONTH, "December 2024"),
        ("2025-01-17", "2025-01-17", "2025-01-17", Precision.DAY, "Friday 17 January 2025"),
        ("199X", "1990-01-01", "1999-12-31", Precision.DECADE, "the 1990s"),
        ("1941-08-25/1941-09-17", "1941-08-25", "1941-09-17", Precision.DAY,
         "25 August – 17 September 1941"),
        ("2024-02", "2024-02-01", "2024-02-29", Precision.MONTH, "February 2024"),
        ("1917?", "1917-01-01", "1917-12-31", Precision.YEAR, "1917 (uncertain)"),
        ("2024-21", "2024-03-01", "2024-05-31", Precision.SEASON, "Spring 2024"),
        # An end that is only a year the start already names (the bundled Shahed drone deal).
        ("2022-02-24/2022", "2022-02-24", "2022-12-31", Precision.YEAR,
         "24 February 2022 – later in 2022"),
        ("2022/2022-06-30", "2022-01-01", "2022-06-30", Precision.YEAR,
         "earlier in 2022 – 30 June 2022"),
        ("2020/2020", "2020-01-01", "2020-12-31", Precision.YEAR, "2020"),
        ("2022-02-24/2023", "2022-02-24", "2023-12-31", Precision.YEAR, "24 February 2022 – 2023"),
    ],
)  # fmt: skip
def test_edtf_spans(text, start, end, precision, words):
    span = TimeSpan.parse(text)
    assert (span.start_iso, span.end_iso, span.precision, span.describe()) == (
        start,
        end,
        precision,
        words,
    )


def test_before_1970_and_before_year_one():
    assert TimeSpan.parse("1066-10-14").start == day_from_ymd(1066, 10, 14) < 0
    bc = TimeSpan.parse("-0043-03-15")  # astronomical year -43 is 44 BC: the Ides of March
    assert bc.start_iso == "-0043-03-15"
    assert bc.describe() == "Friday 15 March 44 BC"
    year_zero = TimeSpan.parse("0000")
    assert (year_zero.start_iso, year_zero.end_iso, year_zero.describe()) == (
        "0000-01-01",
        "0000-12-31",
        "1 BC",
    )
    assert TimeSpan.parse("-01XX").describe() == "2nd century BC"
    assert TimeSpan.parse("-0500/0500").end - TimeSpan.parse("-0500/0500").start > 365000


def test_uncertainty_flags():
    assert TimeSpan.parse("2025-01-17").is_exact
    assert not TimeSpan.parse("2025-01").is_exact
    assert not TimeSpan.parse("~2025-01-17").is_exact
    assert TimeSpan.parse("2004-06~").approximate


@pytest.mark.parametrize(
    "bad", ["", "hello", "2024-13", "2023-02-29", "2011/..", "2025/2024", "{2020,2021}", "21"]
)
def test_bad_dates_say_why(bad):
    with pytest.raises(DateError) as info:
        TimeSpan.parse(bad)
    assert str(info.value)


@pytest.mark.parametrize(
    "text", ["2004-XX-11", "XXXX-12-25", "X0XX", "XXXX", "19XX-05", "2004-XX-11/2005"]
)
def test_unknown_digits_before_known_ones_are_refused_clearly(text):
    # No span of days holds "the 11th of some month", and its words would claim a day's precision.
    with pytest.raises(DateError, match="unknown digits"):
        TimeSpan.parse(text)


def test_interval_queries():
    span = TimeSpan.parse("2024-12")
    assert span.contains(day_from_ymd(2024, 12, 8))
    assert not span.contains(day_from_ymd(2025, 1, 1))
    assert span.overlaps(day_from_ymd(2024, 11, 1), day_from_ymd(2024, 12, 1))
    assert not span.overlaps(day_from_ymd(2025, 1, 1), day_from_ymd(2025, 2, 1))


@given(st.integers(min_value=-3_000_000, max_value=3_000_000))
def test_day_numbers_round_trip(n):
    assert day_from_ymd(*ymd_from_day(n)) == n
    assert day_from_iso(iso_from_day(n)) == n
    assert day_from_year_fraction(year_fraction(n)) == n


@given(st.dates())
def test_day_numbers_agree_with_datetime(d):
    assert (
        day_from_ymd(d.year, d.month, d.day)
        == d.toordinal() - datetime.date(1970, 1, 1).toordinal()
    )


@given(st.dates(), st.dates())
def test_from_days_round_trip(a, b):
    a, b = sorted((a, b))
    start = a.toordinal() - 719163
    end = b.toordinal() - 719163
    span = TimeSpan.from_days(start, end)
    assert (span.start, span.end) == (start, end)
    assert TimeSpan.parse(span.edtf) == span


@given(
    st.from_regex(
        r"\A-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?[~?%]?(/[0-9]{4}(-(0[1-9]|1[0-2]))?)?\Z"
    )
)
def test_the_fast_path_agrees_with_the_edtf_grammar(text):
    """Common dates skip the (slow) full EDTF grammar; what the fast path takes, it must take."""
    import edtf

    from mapexplorer.model.time import _COMMON_EDTF

    try:
        edtf.parse_edtf(text)
    except Exception:
        assert not _COMMON_EDTF.match(text)  # e.g. "-0000": there is no negative year zero
        with pytest.raises(DateError):
            TimeSpan.parse(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1985-11-19/1985-11-21", "19–21 November 1985"),
        ("1941-08-25/1941-09-17", "25 August – 17 September 1941"),
        ("2023-10-07/2025-01-17", "7 October 2023 – 17 January 2025"),
        ("2025-01-17/2025-01-17", "17 January 2025"),
    ],
)
def test_day_spans_share_what_both_ends_share(text, words):
    assert TimeSpan.parse(text).describe() == words


@given(st.from_regex(r"\A-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\Z"))
def test_plain_dates_are_ordinary_frozen_spans(text):
    """Plain dates take a quicker constructor: the span must be the one the general rules
    give, and an ordinary, frozen TimeSpan."""
    import dataclasses

    from mapexplorer.model.time import _endpoint_bounds, _endpoint_precision

    try:
        span = TimeSpan._parse(text)
    except DateError:
        return  # not a real day, or year -0
    start, end = _endpoint_bounds(text)
    reference = TimeSpan(text, start, end, _endpoint_precision(text))
    assert type(span) is TimeSpan
    assert span == reference and hash(span) == hash(reference) and repr(span) == repr(reference)
    assert not hasattr(span, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 0
    assert dataclasses.replace(span, approximate=True).approximate


_ANY_SPAN = st.one_of(
    st.from_regex(r"\A-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?\Z"),
    st.sampled_from(
        [
            "17XX/18XX",
            "1804/1813",
            "~1828",
            "2024-24",
            "19XX",
            "-0043-03-15",
            "0001-01-01",
            "0999-12-31",
            "1000-01-01",
            "9999-12-31",
            "1941-08-25/1941-09-17",
            "2024-12-XX",
            "2025-01-17/2025-01-17",
        ]
    ),  # fmt: skip
).map(lambda text: _parsed_or_none(text)).filter(lambda span: span is not None) | st.builds(
    lambda a, n: TimeSpan.from_days(a, a + n),
    st.integers(-1_500_000, 2_932_896 - 400),  # EDTF's four-digit years end at 9999-12-31
    st.sampled_from([0, 0, 1, 40, 400]),
)


def _parsed_or_none(text):
    try:
        return TimeSpan.parse(text)
    except DateError:
        return None


@given(st.lists(_ANY_SPAN, max_size=30))
def test_describe_all_says_what_describe_says(spans):
    from mapexplorer.model.time import describe_all

    assert describe_all(spans) == [span.describe() for span in spans]


def test_describe_all_words_a_span_by_its_text_not_its_day_numbers():
    """A span made by hand whose day numbers disagree with its text: worded as `describe`
    words it, from the text."""
    from mapexplorer.model.time import describe_all

    odd = [
        TimeSpan("2020-01-01", 5, 5, Precision.DAY),
        TimeSpan("1970-01-06", 5, 5, Precision.MONTH),
        TimeSpan("1970-01-06~", 5, 5, Precision.DAY, approximate=True),
        TimeSpan("1970-02", 5, 5, Precision.MONTH),
        TimeSpan("1971", 5, 5, Precision.YEAR),
        TimeSpan.parse("1850-05"),
        TimeSpan.parse("1850"),
        TimeSpan.parse("0850"),
    ]
    assert describe_all(odd) == [span.describe() for span in odd]
    assert describe_all(odd)[0] == "Wednesday 1 January 2020"
    assert describe_all(odd)[3:7] == ["February 1970", "1971", "May 1850", "1850"]
    assert describe_all([]) == []


def test_plain_days_in_bulk_are_the_spans_parse_gives():
    """Other tools' big files: their distinct ISO days are worked out as one array, and must
    be exactly what `TimeSpan.parse` makes of each; anything else is left to it."""
    import random

    from mapexplorer.model.time import plain_days

    rng = random.Random(5)
    texts = [
        f"{rng.randint(0, 9999):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 31):02d}"
        for _ in range(5000)
    ]
    odd = ["1900-02-29", "2000-02-29", "0000-02-29", "2023-02-29", "2020-13-01", "2020-00-10"]
    odd += [" 2020-01-01", "2020-1-01", "2020-05", "-0044-03-15", "2020-05-01~", 5, None, True]
    odd += [["2020-05-01"], {"date": "2020-05-01"}]  # a GeoJSON property may hold anything
    odd += ["\u0662\u0660\u0662\u0664-12-05", "2024-12-1\u0665", "\uff12\uff10\uff12\uff14-01-05"]
    spans = plain_days(texts + odd)
    for text in {t for t in texts + odd if isinstance(t, str)}:
        try:
            expected = TimeSpan.parse(text)
        except DateError:
            assert text not in spans
            continue
        if text in spans:
            got = spans[text]
            assert (got, got.precision, type(got)) == (expected, expected.precision, TimeSpan)
        else:  # only other forms go the one-at-a-time way
            assert len(text) != 10 or not text.isascii() or text.count("-") != 2
    assert "2000-02-29" in spans and "1900-02-29" not in spans and "2023-02-29" not in spans


def test_describe_without_the_weekday_drops_it_from_single_days_only() -> None:
    assert TimeSpan.parse("2025-01-17").describe() == "Friday 17 January 2025"
    assert TimeSpan.parse("2025-01-17").describe(weekday=False) == "17 January 2025"
    assert TimeSpan.parse("2025-01-17~").describe(weekday=False) == "about 17 January 2025"
    for text in ("2025-01", "1941-08-25/1941-09-17", "18XX", "-0043-03-15/-0043-03-16"):
        span = TimeSpan.parse(text)
        assert span.describe(weekday=False) == span.describe()
