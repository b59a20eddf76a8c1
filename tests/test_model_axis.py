import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapexplorer.model.axis import TimeAxis, day_words, year_words
from mapexplorer.model.time import day_from_ymd

days_st = st.integers(min_value=-800_000, max_value=100_000)


@st.composite
def axes(draw):
    """An axis over some range, with events (possibly repeated, possibly one) inside it."""
    a, b = draw(days_st), draw(days_st)
    start, end = min(a, b), max(a, b)
    events = draw(st.lists(st.integers(start, end), min_size=0, max_size=40))
    events += events[: draw(st.integers(0, len(events)))]  # duplicates
    focus = draw(st.floats(0.0, 1.0))
    return TimeAxis(events, start, end, focus=focus, linear=draw(st.booleans()))


@given(axes(), st.data())
def test_strictly_monotone(axis, data):
    d1 = data.draw(st.integers(axis.start, axis.end))
    d2 = data.draw(st.integers(axis.start, axis.end))
    if d1 < d2:
        assert axis.position(d1) < axis.position(d2)
    assert 0.0 <= axis.position(d1) <= 1.0


@given(axes(), st.data())
def test_round_trip(axis, data):
    day = data.draw(st.integers(axis.start, axis.end))
    assert axis.day(axis.position(day)) == day


@given(axes(), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_inverse_monotone(axis, p1, p2):
    if p1 <= p2:
        assert axis.day(p1) <= axis.day(p2)
    assert axis.start <= axis.day(p1) <= axis.end


def test_ends():
    axis = TimeAxis([5, 5, 5, 9], 0, 20)
    assert axis.position(-100) == 0.0
    assert axis.position(1000) == 1.0
    assert axis.day(0.0) == 0
    assert axis.day(1.0) == 20


def test_single_event_and_single_day():
    one = TimeAxis([7], 7, 7)
    assert one.day(0.0) == one.day(1.0) == 7
    assert 0.0 < one.position(7) < 1.0
    empty = TimeAxis([], 0, 9)
    assert [empty.day((d + 0.5) / 10) for d in range(10)] == list(range(10))


def test_duplicates_take_more_track():
    axis = TimeAxis([50] * 100 + [10, 90], 0, 99, focus=1.0)
    near = axis.position(55) - axis.position(45)
    far = axis.position(25) - axis.position(15)
    assert near > 5 * far


def test_linear_mode_is_linear():
    axis = TimeAxis([50] * 100, 0, 99).with_linear(True)
    assert axis.linear
    assert axis.position(49) == pytest.approx(49.5 / 100)
    assert not axis.with_linear(False).linear


def test_bundled_dense_years_get_the_track(bundled):
    axis = TimeAxis.from_catalogue(bundled)
    share = axis.position(day_from_ymd(2025, 12, 31)) - axis.position(day_from_ymd(2011, 1, 1))
    assert share > 0.30
    linear = axis.with_linear(True)
    linear_share = linear.position(day_from_ymd(2025, 1, 31)) - linear.position(
        day_from_ymd(2011, 1, 1)
    )
    assert linear_share < 0.06
    # A month of 2025 is usable on a 1000 px track: several pixels a day.
    january = axis.position(day_from_ymd(2025, 1, 31)) - axis.position(day_from_ymd(2025, 1, 1))
    assert january * 1000 > 60


def test_big_catalogue_builds():
    rng = random.Random(3)
    days = [int(rng.gauss(19_000, 3000)) for _ in range(200_000)]
    axis = TimeAxis(days, min(days), max(days))
    assert axis.day(axis.position(19_000)) == 19_000
    assert len(axis.histogram(sorted(days), 300)) == 300


@pytest.mark.parametrize("width", [120, 300, 600, 1200, 2400])
def test_bundled_ticks_do_not_overlap(bundled, width):
    focused = TimeAxis.from_catalogue(bundled)
    for axis in (focused, focused.with_linear(True)):
        ticks = axis.ticks(width, 60)
        xs = [axis.position(day) * width for day, _ in ticks]
        assert xs == sorted(xs)
        assert all(b - a >= 60 for a, b in zip(xs, xs[1:], strict=False))
        assert all(x <= width - 60 for x in xs)
        labels = [label for _, label in ticks]
        if width >= 600:
            assert "1800" in labels
        if width >= 1200 and axis is focused:
            assert "2020" in labels  # the dense years are labelled too


@settings(max_examples=60)
@given(axes(), st.integers(60, 3000))
def test_ticks_never_overlap(axis, width):
    ticks = axis.ticks(width, 60)
    xs = [axis.position(day) * width for day, _ in ticks]
    assert all(b - a >= 60 for a, b in zip(xs, xs[1:], strict=False))
    assert all(axis.start <= day <= axis.end for day, _ in ticks)
    assert all(label for _, label in ticks)


def test_dense_ticks_reach_months():
    # Thousands of events in one year of a long range: the year is labelled by months.
    days = list(range(day_from_ymd(2024, 1, 1), day_from_ymd(2024, 12, 31))) * 5
    axis = TimeAxis(days, day_from_ymd(1800, 1, 1), day_from_ymd(2024, 12, 31), focus=0.7)
    labels = [label for _, label in axis.ticks(1200)]
    assert "1900" in labels
    assert any(label.endswith(" 2024") and label[:3].isalpha() for label in labels)


def test_histogram_counts_everything():
    axis = TimeAxis([1, 2, 3, 50, 99], 0, 99)
    counts = axis.histogram([1, 2, 3, 50, 99], 10)
    assert sum(counts) == 5
    assert len(counts) == 10


def test_words():
    assert year_words(2025) == "2025"
    assert year_words(0) == "1 BC"
    assert year_words(-499) == "500 BC"
    assert day_words(day_from_ymd(2025, 1, 17)) == "17 January 2025"
    assert TimeAxis([], -1_000_000, 0).ticks(1200)[0][1].endswith("BC")


@pytest.mark.parametrize("days", [0, 3])
def test_a_track_of_a_few_days_still_names_its_year(days):
    # A one-event file: every tick is a day ("24 Feb"), so the first one carries the year.
    start = day_from_ymd(2022, 2, 24)
    ticks = TimeAxis([start], start, start + days).ticks(1200, 60)
    assert ticks[0] == (start, "24 Feb 2022")
    assert all("2022" not in label for _, label in ticks[1:])


def test_a_day_after_a_tick_of_another_year_names_its_year():
    """An imported article's story, 1870 to March 2024 and dense at its end: the track read
    "2020 | 21 Feb | Mar 2024", its February that of 2020 to the eye. A day's label after a
    tick of another year names its own year."""
    from mapexplorer.model.time import ymd_from_day

    def year(day: int) -> int:
        return ymd_from_day(day)[0]

    # The first and last days of 24 events each: in 1870, on 28 June 1919, in January 2024,
    # on 2 and on 5 March 2024.
    spans = [(1870, 1, 1), (1870, 12, 31), (1919, 6, 28), (1919, 6, 28), (2024, 1, 1)]
    spans += [(2024, 1, 31), (2024, 3, 2), (2024, 3, 2), (2024, 3, 5), (2024, 3, 5)]
    days = [day_from_ymd(*ymd) for ymd in spans] * 24
    axis = TimeAxis(days, day_from_ymd(1870, 1, 1), day_from_ymd(2024, 3, 5))
    for width in (1000, 1250, 1600):
        ticks = axis.ticks(width, 66)
        for (before, _), (day, label) in zip(ticks, ticks[1:], strict=False):
            if not label.endswith(str(year(day))):  # "21 Feb", "4 Mar"
                assert year(before) == year(day), (label, ticks)
    labels = [label for _, label in axis.ticks(1250, 66)]
    assert labels[labels.index("2020") + 1] == "21 Feb 2024", labels


def test_a_track_with_month_ticks_keeps_its_day_labels_short():
    start = day_from_ymd(2022, 2, 24)
    labels = [label for _, label in TimeAxis([start], start, start + 60).ticks(1200, 60)]
    assert labels[0] == "24 Feb" and "Mar 2022" in labels
