"""The catalogue's queries and the explorer state, on a hand-built catalogue and on the bundled one.

Plain pytest: the model imports no Qt, so neither do these tests.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from shapely.geometry import LineString, Point, Polygon

from mapexplorer.formats import native
from mapexplorer.model import Catalogue, CatalogueError, Era, Event, Place, TimeSpan
from mapexplorer.model.place import haversine_km
from mapexplorer.model.state import (
    DEFAULT_WINDOW_DAYS,
    WHOLE_STORY,
    WINDOW_WIDTHS,
    EventFilter,
    ExplorerState,
    TimeMode,
    fitting_window_days,
    opening_window_days,
)
from mapexplorer.model.time import day_from_iso
from mapexplorer.paths import bundled_catalogue


def day(iso: str) -> int:
    return day_from_iso(iso)


# --- a small hand-built catalogue -------------------------------------------------------------


def make_places() -> dict[str, Place]:
    return {
        "origin": Place("origin", "Null Island", Point(0.0, 0.0)),
        "east": Place("east", "East point", Point(1.0, 0.0)),  # ~111 km from origin
        "square": Place("square", "Square", Polygon([(10, 10), (12, 10), (12, 12), (10, 12)])),
        "road": Place("road", "Road", LineString([(20, 20), (21, 21), (22, 20)])),
    }


def make_eras() -> list[Era]:
    return [
        Era("ancient", "Ancient", TimeSpan.parse("-0100/0099")),
        Era("modern", "Modern", TimeSpan.parse("1900/2030")),
    ]


def ev(id: str, date: str, *places: str, **kw) -> Event:
    return Event(id=id, title=id.title(), time=TimeSpan.parse(date), place_ids=places, **kw)


def make_events() -> list[Event]:
    return [
        ev("caesar", "-0043-03-15", "origin", era="ancient", category="politics", actors=("Rome",)),
        ev(
            "long-war",
            "1914/1918",
            "square",
            "east",
            era="modern",
            category="war",
            actors=("Empire", "Republic"),
        ),  # fmt: skip
        ev(
            "summit",
            "1945-02",
            "origin",
            era="modern",
            category="diplomacy",
            actors=("Republic",),
            summary="Leaders meet at the spa",
        ),  # fmt: skip
        ev("road-trip", "1960-06-01/1960-06-30", "road", era="modern", category="other"),
        ev(
            "treaty",
            "2025-01-17",
            "origin",
            "square",
            era="modern",
            category="diplomacy",
            actors=("Empire",),
        ),  # fmt: skip
    ]


@pytest.fixture
def small() -> Catalogue:
    # Deliberately not in time order: queries must sort.
    events = make_events()
    events = [events[3], events[0], events[4], events[1], events[2]]
    return Catalogue(events=events, places=make_places(), eras=make_eras())


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_chronological_and_lookups(small):
    assert ids(small.chronological()) == ["caesar", "long-war", "summit", "road-trip", "treaty"]
    assert small.event("summit").title == "Summit"
    assert [p.id for p in small.places_of(small.event("long-war"))] == ["square", "east"]
    with pytest.raises(KeyError):
        small.event("nope")


def test_chronological_ties_and_columns_follow_start_end_then_file_order():
    # Same start, different ends; same start and end, ids out of order; a soft date.
    events = [
        ev("b", "2020-01", "origin", category="war"),
        ev("z", "2020-01-01", "origin"),
        ev("a", "2020-01", "east", category="diplomacy"),
        ev("m", "2020-01-01", "origin", category="war"),
        ev("c", "2019~", "square"),
        ev("y", "2020-01-01?", "road"),
    ]
    catalogue = Catalogue(events=events, places=make_places())
    expected = sorted(events, key=lambda e: (e.time.start, e.time.end))  # stable: file order
    assert ids(catalogue.chronological()) == ids(expected) == ["c", "z", "m", "y", "b", "a"]
    assert catalogue.starts_in_order() == [e.time.start for e in expected]
    columns = catalogue.columns
    assert columns.start.tolist() == [e.time.start for e in expected]
    assert columns.end.tolist() == [e.time.end for e in expected]
    assert columns.exact.tolist() == [e.time.is_exact for e in expected]
    assert columns.categories == ["diplomacy", "other", "war"]
    assert [columns.categories[c] for c in columns.category] == [e.category for e in expected]
    empty = Catalogue(events=[], places={})
    assert empty.chronological() == [] and empty.columns.start.tolist() == []


def test_same_day_events_keep_the_files_order():
    """An incident log's rows of one day listed by title ("Crowd disperses" before "Protest
    begins"), and a file's "E0" … "E100" of one day as "E0, E1, E10, E100, E2" (ids as text):
    events of the same dates are in the order the file gives them."""
    log = ["protest-begins", "police-arrive", "crowd-disperses"]
    numbered = [f"e{n}" for n in range(12)]
    events = [ev(i, "2024-05-01", "origin") for i in log]
    events += [ev(i, "2024-03-05", "origin") for i in numbered]
    events += [ev("e50", "2024-03", "east"), ev("later", "2024-03-04", "origin")]
    events += [ev(f"row-{n}", "1999", "east") for n in (12, 2, 100)]
    catalogue = Catalogue(events=events, places=make_places())
    assert ids(catalogue.chronological()) == [
        "row-12", "row-2", "row-100", "e50", "later", *numbered, *log,
    ]  # fmt: skip
    columns = catalogue.columns  # the arrays follow the same order
    assert columns.start.tolist() == [e.time.start for e in catalogue.chronological()]


def test_new_event_makes_the_same_frozen_event():
    import copy
    import dataclasses
    import inspect
    import pickle

    from mapexplorer.model.event import Excerpt, new_event

    names = [f.name for f in dataclasses.fields(Event)]
    assert list(inspect.signature(new_event).parameters) == names  # a new field: add it there
    values = (
        "treaty", "Treaty", TimeSpan.parse("2025-01-17"), ("origin", "east"), "Signed",
        ("Empire",), "diplomacy", "modern", (Excerpt("signed", 3, 9),), "a note", {"x-a": 1},
    )  # fmt: skip
    made, reference = new_event(*values), Event(*values)
    assert type(made) is Event
    assert made == reference and hash(made) == hash(reference) and repr(made) == repr(reference)
    assert [getattr(made, name) for name in names] == list(values)
    assert not hasattr(made, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.title = "Changed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.title
    assert dataclasses.replace(made, title="Other") == dataclasses.replace(reference, title="Other")
    assert pickle.loads(pickle.dumps(made)) == reference == copy.deepcopy(made)
    assert made != new_event(*values[:-1], {})


def test_active_in_is_an_overlap_query(small):
    # A window inside the long war finds it although it began before the window.
    assert ids(small.active_in(day("1916-01-01"), day("1916-12-31"))) == ["long-war"]
    # Both ends are inclusive.
    assert ids(small.active_in(day("1918-12-31"), day("1945-02-01"))) == ["long-war", "summit"]
    assert small.active_in(day("1919-01-01"), day("1945-01-31")) == []
    # BCE dates are just smaller day numbers.
    assert ids(small.active_in(day("-0043-03-15"), day("-0043-03-15"))) == ["caesar"]
    assert len(small.active_in(day("-9999-01-01"), day("9999-12-31"))) == 5


def test_up_to_is_cumulative(small):
    assert ids(small.up_to(day("1944-12-31"))) == ["caesar", "long-war"]
    assert ids(small.up_to(day("1945-02-01"))) == ["caesar", "long-war", "summit"]
    assert small.up_to(day("-0044-01-01")) == []
    assert len(small.up_to(day("2025-01-17"))) == 5


def test_time_range(small):
    assert small.time_range() == (day("-0043-03-15"), day("2025-01-17"))
    with pytest.raises(CatalogueError):
        Catalogue(events=[], places={}).time_range()


def test_at_place_in_time_order(small):
    assert ids(small.at_place("origin")) == ["caesar", "summit", "treaty"]
    assert ids(small.at_place("square")) == ["long-war", "treaty"]
    assert small.at_place("nowhere") == []
    # A copy each time: the caller may change it without changing the catalogue.
    small.at_place("origin").clear()
    assert ids(small.at_place("origin")) == ["caesar", "summit", "treaty"]


def test_at_place_agrees_with_a_walk_over_the_events():
    from mapexplorer.synthetic import synthetic_catalogue

    catalogue = synthetic_catalogue(2000, 3)
    for place_id in catalogue.places:
        walked = [e for e in catalogue.chronological() if place_id in e.place_ids]
        assert catalogue.at_place(place_id) == walked


def test_near_points_regions_and_routes(small):
    assert ids(small.near(0.1, 0.0, km=50)) == ["caesar", "summit", "treaty"]
    # East point is ~111 km away: outside 50 km, inside 150 km.
    assert "long-war" not in ids(small.near(0.0, 0.0, km=50))
    assert "long-war" in ids(small.near(0.0, 0.0, km=150))
    # Inside a region counts as 0 km, however small the radius.
    assert ids(small.near(11.0, 11.0, km=0.001)) == ["long-war", "treaty"]
    # Near the edge of a region, from outside.
    assert ids(small.near(12.2, 11.0, km=30)) == ["long-war", "treaty"]
    # Close to the middle of a route segment, not to a vertex.
    assert ids(small.near(20.5, 20.55, km=10)) == ["road-trip"]
    assert small.near(-60.0, -60.0, km=100) == []


def test_nearest_place(small):
    assert small.nearest_place(0.9, 0.1).id == "east"
    assert small.nearest_place(11, 11).id == "square"
    assert small.nearest_place(21, 20.9).id == "road"
    assert Catalogue(events=[], places={}).nearest_place(0, 0) is None


def test_bounds(small):
    assert small.bounds() == (0.0, 0.0, 22.0, 21.0)
    assert small.bounds([small.event("long-war")]) == (1.0, 0.0, 12.0, 12.0)
    assert small.bounds([small.event("summit")]) == (0.0, 0.0, 0.0, 0.0)
    with pytest.raises(CatalogueError):
        small.bounds([])


def test_eras_categories_actors(small):
    assert small.era_at(day("1950-01-01")).id == "modern"
    assert small.era_at(day("-0043-03-15")).id == "ancient"
    assert small.era_at(day("1500-01-01")) is None
    assert ids(small.events_in_era("modern")) == ["long-war", "summit", "road-trip", "treaty"]
    assert ids(small.events_in_era("ancient")) == ["caesar"]
    assert small.events_in_era("missing") == []
    assert small.categories() == ["diplomacy", "other", "politics", "war"]
    assert small.actors() == ["Empire", "Republic", "Rome"]


def test_with_events_keeps_only_used_places(small):
    sub = small.with_events([small.event("summit"), small.event("long-war")])
    assert ids(sub.chronological()) == ["long-war", "summit"]
    assert set(sub.places) == {"origin", "square", "east"}
    assert sub.eras == small.eras
    assert sub.source == small.source
    assert sub.with_events([]).events == []


def test_equality(small):
    same = Catalogue(events=list(small.events), places=make_places(), eras=make_eras())
    assert same == small
    other = Catalogue(events=small.events[:-1], places=make_places(), eras=make_eras())
    assert other != small
    assert small != "a catalogue"


@pytest.mark.parametrize(
    ("events", "eras", "message"),
    [
        ([ev("a", "2020", "atlantis")], [], "unknown place 'atlantis'"),
        ([ev("a", "2020", "origin", era="bronze-age")], make_eras(), "unknown era 'bronze-age'"),
        ([ev("a", "2020", "origin"), ev("a", "2021", "east")], [], "'a': the id is used twice"),
        ([ev("a", "2020")], [], "'a': it has no place"),
    ],
)
def test_validate_errors(events, eras, message):
    with pytest.raises(CatalogueError, match=message):
        Catalogue(events=events, places=make_places(), eras=eras)


def test_validate_runs_again_on_demand(small):
    small.events.append(ev("late", "2030", "atlantis"))
    with pytest.raises(CatalogueError, match="atlantis"):
        small.validate()


# --- the bundled catalogue --------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Catalogue:
    return native.load(bundled_catalogue())


def test_bundled_events_at_moscow(bundled):
    at_moscow = bundled.at_place("moscow")
    assert len(at_moscow) >= 5
    assert "treaty-signing" in ids(at_moscow)
    starts = [(e.time.start, e.time.end) for e in at_moscow]
    assert starts == sorted(starts)
    assert all("moscow" in e.place_ids for e in at_moscow)


def test_bundled_near_tehran(bundled):
    lon, lat = bundled.places["tehran"].representative
    near = ids(bundled.near(lon, lat, km=50))
    assert set(ids(bundled.at_place("tehran"))) <= set(near)
    assert "treaty-signing" not in near  # Moscow only
    # Iran itself is a region that contains Tehran, so its events count as near too.
    assert "israel-strikes-iran-october-2024" in near


def test_bundled_up_to_1950(bundled):
    early = ids(bundled.up_to(day("1950-01-01")))
    assert early == [
        "russo-persian-wars",
        "caucasus-conquest",
        "northern-iran-occupation",
        "bolshevik-revolution",
        "anglo-soviet-invasion",
        "cold-war-us-ally",
    ]


def test_bundled_active_in_december_2024(bundled):
    active = ids(bundled.active_in(day("2024-12-01"), day("2024-12-31")))
    assert "fall-of-assad" in active
    assert "russia-supplies-iran" in active  # 1992 to 2025: long events span the window
    assert "treaty-signing" not in active


def test_bundled_eras_cover_their_events(bundled):
    for era in bundled.eras:
        for event in bundled.events_in_era(era.id):
            assert era.time.overlaps(event.time.start, event.time.end), (era.id, event.id)
    assert sum(len(bundled.events_in_era(e.id)) for e in bundled.eras) == len(bundled.events)


def test_bundled_bounds_and_nearest(bundled):
    west, south, east, north = bundled.bounds()
    assert west < -70 < 60 < east  # Washington to Iran's east
    assert south < 30 < 55 < north
    lon, lat = bundled.places["washington"].representative
    assert bundled.nearest_place(lon + 0.5, lat - 0.5).id == "washington"


def test_bundled_with_events(bundled):
    sub = bundled.with_events(bundled.at_place("damascus"))
    assert ids(sub.events) == ["syrian-civil-war", "fall-of-assad"]
    assert set(sub.places) == {"damascus", "syria"}
    assert sub.source.text == bundled.source.text


def test_haversine_sanity():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.2)


# --- the explorer state -----------------------------------------------------------------------


class Recorder:
    """Records every emission of every signal of a state."""

    NAMES = (
        "catalogue_changed",
        "time_changed",
        "mode_changed",
        "window_changed",
        "selection_changed",
        "filter_changed",
        "era_changed",
    )

    def __init__(self, state: ExplorerState) -> None:
        self.calls: dict[str, list[tuple]] = defaultdict(list)
        for name in self.NAMES:
            getattr(state, name).connect(lambda *args, _n=name: self.calls[_n].append(args))

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.calls.items() if v}

    def clear(self) -> None:
        self.calls.clear()


@pytest.fixture
def state(small) -> ExplorerState:
    return ExplorerState(small)


def test_state_starts_at_the_latest_event(state, small):
    assert state.time == small.time_range()[1]
    assert state.mode is TimeMode.WINDOW
    assert state.window_days == DEFAULT_WINDOW_DAYS
    assert state.selected is None and state.selected_event is None
    assert state.filter.is_empty


def test_set_time_clamps_and_emits_once(state, small):
    rec = Recorder(state)
    first, last = small.time_range()
    state.set_time(day("1945-02-10"))
    assert state.time == day("1945-02-10")
    assert rec.calls["time_changed"] == [(day("1945-02-10"),)]
    state.set_time(day("1945-02-10"))  # unchanged: no signal
    assert rec.counts() == {"time_changed": 1}
    state.set_time(first - 10_000)
    assert state.time == first
    state.set_time(last + 10_000)
    assert state.time == last
    state.set_time(last + 1)  # clamps to where it already is: silent
    assert rec.counts() == {"time_changed": 3}


def test_window_vs_cumulative(state):
    state.set_window_days(365)
    state.set_time(day("1945-02-15"))
    assert state.window() == (day("1945-02-15") - 182, day("1945-02-15") + 182)
    assert ids(state.visible_events()) == ["summit"]
    state.set_mode("cumulative")
    assert state.mode is TimeMode.CUMULATIVE
    assert state.window() == (day("-0043-03-15"), day("1945-02-15"))
    assert ids(state.visible_events()) == ["caesar", "long-war", "summit"]
    state.set_time(day("1916-06-01"))
    assert ids(state.visible_events()) == ["caesar", "long-war"]
    state.set_mode(TimeMode.WINDOW)
    assert ids(state.visible_events()) == ["long-war"]


def test_mode_and_window_signals(state):
    rec = Recorder(state)
    state.set_mode(TimeMode.CUMULATIVE)
    state.set_mode("cumulative")
    state.set_window_days(100)
    state.set_window_days(100)
    state.set_window_days(-5)  # at least one day
    assert state.window_days == 1
    assert rec.calls["mode_changed"] == [(TimeMode.CUMULATIVE,)]
    assert rec.calls["window_changed"] == [(100,), (1,)]
    with pytest.raises(ValueError):
        state.set_mode("sideways")


def test_step_event(state, small):
    state.set_time(small.time_range()[0])
    visited = [state.time]
    for _ in range(10):
        state.step_event(+1)
        visited.append(state.time)
    starts = sorted({e.time.start for e in small.events})
    assert sorted(set(visited)) == starts
    assert state.time == starts[-1]
    assert state.next_event_time() is None
    state.step_event(-1)
    assert state.time == starts[-2]
    state.set_time(day("1930-01-01"))  # between events
    assert state.previous_event_time() == day("1914-01-01")
    assert state.next_event_time() == day("1945-02-01")
    state.set_time(starts[0])
    rec = Recorder(state)
    state.step_event(-1)  # nothing earlier: no move, no signal
    assert state.time == starts[0] and rec.counts() == {}


def test_step_event_goes_through_the_filtered_events_only(state, small):
    """With a filter on, Page Down went to the next event of any kind, one the list and the
    map did not show."""
    state.set_filter(category="diplomacy")
    matching = sorted({e.time.start for e in state.filtered_events()})
    assert matching and len(matching) < len({e.time.start for e in small.events})
    state.set_time(small.time_range()[0])
    visited = []
    for _ in range(5):
        state.step_event(+1)
        visited.append(state.time)
    assert set(visited) == {d for d in matching if d > small.time_range()[0]}
    state.set_time(small.time_range()[1])
    state.step_event(-1)
    assert state.time == max(d for d in matching if d < small.time_range()[1])
    state.set_filter(category="nothing-matches")
    assert state.next_event_time() is None and state.previous_event_time() is None
    state.set_filter(category="")
    assert state.previous_event_time() is not None  # every event again


def test_select_emits_once_and_validates(state):
    rec = Recorder(state)
    state.select("summit")
    state.select("summit")
    assert state.selected == "summit"
    assert state.selected_event.title == "Summit"
    state.select(None)
    assert rec.calls["selection_changed"] == [("summit",), (None,)]
    with pytest.raises(KeyError):
        state.select("no-such-event")
    assert state.selected is None


def test_select_with_move_time_window_mode(state):
    state.set_window_days(30)
    state.set_time(day("2025-01-17"))
    rec = Recorder(state)
    state.select("summit", move_time=True)
    # The slider moves to the middle of February 1945, so the summit is shown.
    assert state.time == (day("1945-02-01") + day("1945-02-28")) // 2
    assert "summit" in ids(state.visible_events())
    assert rec.counts() == {"time_changed": 1, "selection_changed": 1}
    # Already visible: the slider stays put.
    rec.clear()
    state.select("summit", move_time=True)
    state.select(None)
    state.select("summit", move_time=True)
    assert rec.counts() == {"selection_changed": 2}


def test_select_with_move_time_cumulative_mode(state):
    state.set_mode("cumulative")
    state.set_time(day("1900-01-01"))
    state.select("treaty", move_time=True)
    assert state.time == day("2025-01-17")
    # An earlier event is already on the cumulative map: time does not go back.
    state.select("caesar", move_time=True)
    assert state.time == day("2025-01-17")
    # Without move_time the time never changes.
    state.set_time(day("1900-01-01"))
    state.select("treaty")
    assert state.time == day("1900-01-01")


def test_filters(state):
    rec = Recorder(state)
    state.set_mode("cumulative")
    state.set_filter(category="diplomacy")
    assert ids(state.filtered_events()) == ["summit", "treaty"]
    assert ids(state.visible_events()) == ["summit", "treaty"]
    state.set_filter(category="diplomacy")  # same filter: silent
    state.set_filter(actor="Empire")
    assert ids(state.visible_events()) == ["treaty"]
    state.set_filter(category="", actor="", text="SPA")  # case-insensitive, in the summary
    assert ids(state.visible_events()) == ["summit"]
    state.set_filter(text="road-")  # ids are searched too
    assert ids(state.visible_events()) == ["road-trip"]
    state.set_filter(text="")
    assert state.filter == EventFilter()
    assert len(state.visible_events()) == 5
    assert [type(a[0]) for a in rec.calls["filter_changed"]] == [EventFilter] * 5
    with pytest.raises(TypeError):
        state.set_filter(colour="red")


def test_filtered_events_follow_the_filter_and_the_catalogue(state, small):
    state.set_filter(category="diplomacy")
    first = state.filtered_events()
    assert ids(first) == ["summit", "treaty"]
    first.clear()  # the caller's copy: the state's answer does not change
    assert ids(state.filtered_events()) == ["summit", "treaty"]
    state.set_filter(category="war")
    assert ids(state.filtered_events()) == [
        e.id for e in small.chronological() if e.category == "war"
    ]
    # Another catalogue (which clears the filter), filtered the same: its own events, not the
    # last answer.
    fewer = small.with_events([e for e in small.events if e.id != "long-war"])
    state.set_catalogue(fewer)
    state.set_filter(category="war")
    assert ids(state.filtered_events()) == [
        e.id for e in fewer.chronological() if e.category == "war"
    ]


def test_matches_out_of_time_says_where_the_filters_events_are(state):
    """The map is blank when the filter's events are all outside the time shown, and the list
    full of them: how many are before and after that time, or None when one is shown."""
    assert state.matches_out_of_time() is None  # no filter
    state.set_window_days(365)
    state.set_filter(category="war")  # the long war, 1914-1918
    for when, outside in (
        ("1916-06-01", None),
        ("1919-03-01", None),  # the half year before reaches its end
        ("1950-01-01", (1, 0)),
        ("1900-01-01", (0, 1)),
    ):
        state.set_time(day(when))
        assert state.matches_out_of_time() == outside, when
    state.set_filter(category="diplomacy")  # the summit of 1945 and the treaty of 2025
    state.set_time(day("1960-01-01"))
    assert state.matches_out_of_time() == (1, 1)
    state.set_filter(text="no such words")
    assert state.matches_out_of_time() is None  # nothing matches: another note says so
    state.set_filter(text="", category="war")
    state.set_mode("cumulative")  # everything begun by the time
    state.set_time(day("1900-01-01"))
    assert state.matches_out_of_time() == (0, 1)
    state.set_time(day("1920-01-01"))
    assert state.matches_out_of_time() is None


def test_a_long_match_begun_long_before_the_time_is_still_shown():
    """A later, shorter match over before the time shown does not hide a longer one that is
    still going on: "none shown" asks whether any match begun by then lasts into the window."""
    events = [
        ev("long", "1900/1950", "origin", category="war"),
        ev("short", "1910", "east", category="war"),
        ev("other", "2000", "origin"),
    ]
    state = ExplorerState(Catalogue(events=events, places=make_places()))
    state.set_filter(category="war")
    state.set_window_days(30)
    state.set_time(day("1940-06-01"))
    assert [e.id for e in state.visible_events()] == ["long"]
    assert state.matches_out_of_time() is None
    state.set_time(day("1980-01-01"))
    assert state.matches_out_of_time() == (2, 0)


def test_filter_matching():
    event = ev("x", "2020", "origin", category="war", actors=("Iran",), summary="Drones")
    assert EventFilter().matches(event)
    assert EventFilter(text="drones").matches(event)
    assert EventFilter(text="iran").matches(event)
    assert not EventFilter(category="diplomacy").matches(event)
    assert not EventFilter(actor="Russia").matches(event)
    assert not EventFilter(text="tanks").matches(event)
    assert EventFilter(text="isfahan").matches(event, ["Tehran", "Isfahan"])  # its places


def test_choose_era(state):
    rec = Recorder(state)
    state.set_mode("cumulative")
    rec.clear()
    state.choose_era("modern")
    modern = state.catalogue.eras[1]
    assert state.mode is TimeMode.WINDOW
    assert state.window_days == modern.time.end - modern.time.start + 1
    assert state.time == (modern.time.start + modern.time.end) // 2
    assert rec.counts() == {
        "mode_changed": 1,
        "window_changed": 1,
        "time_changed": 1,
        "era_changed": 1,
    }
    assert rec.calls["era_changed"] == [(modern,)]
    start, end = state.window()
    assert start <= modern.time.start and modern.time.end <= end
    assert set(ids(state.visible_events())) == {"long-war", "summit", "road-trip", "treaty"}
    # Choosing it again still tells the views (the map frames the era again).
    rec.clear()
    state.choose_era(modern)
    assert rec.counts() == {"time_changed": 1, "era_changed": 1}
    with pytest.raises(StopIteration):
        state.choose_era("nope")


def test_step_era_goes_chapter_by_chapter(bundled):
    """Next and previous chapter, from anywhere in the story: the chapter after or before the
    one the time is in, in time order; nothing past either end."""
    state = ExplorerState(bundled)
    labels = [e.id for e in sorted(bundled.eras, key=lambda e: e.time.start)]
    assert state.catalogue.era_at(state.time).id == labels[-1]  # opens in the last chapter
    assert state.step_era(+1) is None and state.time == day("2025-01-31")  # nothing changed
    visited = []
    while (era := state.step_era(-1)) is not None:
        visited.append(era.id)
        assert state.catalogue.era_at(state.time) is era  # the chapter is what the map shows
    assert visited == labels[-2::-1]
    rec = Recorder(state)
    assert [state.step_era(+1).id for _ in labels[1:]] == labels[1:]
    assert rec.calls["era_changed"][0][0].id == labels[1]


def test_step_era_from_a_time_in_no_chapter(state):
    state.set_time(day("1500-01-01"))  # between "ancient" and "modern"
    assert state.adjacent_era(+1).id == "modern"
    assert state.adjacent_era(-1).id == "ancient"
    state.set_time(day("-0043-03-15"))
    assert state.adjacent_era(-1) is None
    empty = ExplorerState(Catalogue(events=state.catalogue.events, places=make_places()))
    assert empty.step_era(+1) is None and empty.step_era(-1) is None


def test_show_whole_story(state):
    """All eras: a window exactly as wide as the story, centred on it; everything shows."""
    state.choose_era("modern")
    state.set_mode("cumulative")
    rec = Recorder(state)
    state.show_whole_story()
    start, end = state.catalogue.time_range()
    assert state.mode is TimeMode.WINDOW
    assert state.window_days == state.story_days() == end - start + 1
    first, last = state.window()
    assert first <= start and end <= last
    assert len(state.visible_events()) == len(state.catalogue.events)
    assert rec.calls["era_changed"] == [(None,)]


def test_set_catalogue_resets(state, small):
    state.select("summit")
    state.set_filter(category="diplomacy")  # the next file may have no diplomacy at all
    rec = Recorder(state)
    sub = small.with_events([small.event("caesar"), small.event("summit")])
    state.set_catalogue(sub)
    assert state.catalogue is sub
    assert state.selected is None
    assert state.time == day("1945-02-28")
    assert state.filter.is_empty and state.visible_events()
    assert rec.counts() == {"catalogue_changed": 1, "time_changed": 1, "selection_changed": 1}


def test_state_with_an_empty_catalogue():
    state = ExplorerState(Catalogue(events=[], places={}))
    state.set_time(12345)  # nothing to clamp to: ignored, no error
    assert state.time == 0
    assert state.visible_events() == []
    state.set_mode("cumulative")
    assert state.visible_events() == []
    assert state.next_event_time() is None and state.previous_event_time() is None


def test_state_on_the_bundled_catalogue(bundled):
    state = ExplorerState(bundled)
    # The latest end: the January 2025 events, known to the month, run to the 31st.
    assert state.time == day("2025-01-31")
    state.choose_era("world-war-ii")
    assert "anglo-soviet-invasion" in ids(state.visible_events())
    state.set_window_days(30)
    state.select("treaty-signing", move_time=True)
    assert state.time == day("2025-01-17")
    assert "treaty-signing" in ids(state.visible_events())


@pytest.mark.parametrize("mode", ["window", "cumulative"])
@pytest.mark.parametrize("changes", [{}, {"category": "war"}, {"text": "1"}])
def test_visible_events_agree_with_the_definition(mode, changes):
    """In the window (or begun by its end) and passing the filter, in chronological order:
    checked against a plain walk over the events, at many times."""
    import random

    from mapexplorer.synthetic import synthetic_catalogue

    catalogue = synthetic_catalogue(1500, 5)
    state = ExplorerState(catalogue)
    state.set_mode(mode)
    if changes:
        state.set_filter(**changes)
    lo, hi = catalogue.time_range()
    rng = random.Random(2)
    for _ in range(40):
        state.set_time(rng.randint(lo, hi))
        start, end = state.window()
        expected = [
            e
            for e in catalogue.chronological()
            if state.passes_filter(e)
            and e.time.start <= end
            and (mode == "cumulative" or e.time.end >= start)
        ]
        assert state.visible_events() == expected


def test_the_text_filter_finds_an_event_by_its_place(bundled):
    # "Vienna" is in no title or summary of the nuclear deal, only in its place's name.
    state = ExplorerState(bundled)
    state.set_filter(text="vienna")
    found = state.filtered_events()
    assert found and all(
        any(bundled.places[p].name == "Vienna" for p in e.place_ids)
        or "vienna" in (e.title + e.summary).casefold()
        for e in found
    )


def test_filter_text_ignores_case_and_accents_and_finds_categories():
    """ "zurich" found nothing in "Zürich" (nor "Zürich" in "Zurich"), and a category typed in
    the filter box ("nuclear") found only events whose words said it."""
    event = ev("x", "2020", "origin", category="nuclear", actors=("Zürich",), summary="Talks")
    assert EventFilter(text="zurich").matches(event)
    assert EventFilter(text="ZÜRICH").matches(event)
    assert EventFilter(text="Zürich").matches(ev("y", "2020", "origin", actors=("Zurich",)))
    assert EventFilter(text="sao paulo").matches(event, ["São Paulo"])  # a place's name
    assert EventFilter(text="strasse").matches(ev("z", "2020", "origin", summary="Straße"))
    assert EventFilter(text="Nuclear").matches(event)  # its category
    assert not EventFilter(text="teheran").matches(event, ["Tehran"])  # spelling is not folded


def test_filter_text_finds_every_word_in_any_order():
    """ "putin moscow" found nothing: the text was looked for as one phrase, and no field says
    those words side by side. Each word is looked for now, in any field, in any order."""
    event = ev("x", "2025", "origin", actors=("Vladimir Putin",), summary="A treaty is signed")
    assert EventFilter(text="putin moscow").matches(event, ["Moscow"])
    assert EventFilter(text="Moscow  PUTIN").matches(event, ["Moscow"])
    assert EventFilter(text="treaty signed").matches(event)
    assert EventFilter(text="a treaty is").matches(event)  # a phrase still finds itself
    assert not EventFilter(text="putin tehran").matches(event, ["Moscow"])  # every word


def test_moving_the_time_after_the_whole_story_gives_back_the_width(state):
    """After "All eras", dragging kept the story-wide window, which then hung off one end of
    the story (showing less than all of it) while the width box still said "Whole story". Now
    the first move gives back the width from before; the story again takes it again."""
    state.set_window_days(365)
    state.show_whole_story()
    state.show_whole_story()  # twice: still the width from before the first
    assert state.window_days == state.story_days()
    rec = Recorder(state)
    state.set_time(state.time + 1)
    assert state.window_days == 365
    assert rec.calls["window_changed"] == [(365,)]
    state.set_time(state.time + 1)  # and it stays
    assert state.window_days == 365
    state.show_whole_story()
    state.set_window_days(30)  # a width chosen while showing the story is kept
    state.set_time(state.time + 1)
    assert state.window_days == 30
    state.show_whole_story()
    state.choose_era("modern")  # a chapter sets its own width
    era_days = state.window_days
    state.set_time(state.time + 1)
    assert state.window_days == era_days


def test_cumulative_mode_leaves_the_whole_story_as_moving_the_time_does(state):
    """The whole story chosen, then Cumulative: the choice was kept, and the next launch
    opened whole in window mode, a view the user had left. Cumulative now leaves it, as moving
    the time does: the width before comes back, and the choice before with it."""
    state.choose_window_days(365)
    state.show_whole_story(chosen=True)
    assert state.chosen_window_days == WHOLE_STORY
    rec = Recorder(state)
    state.set_mode("cumulative")
    assert state.chosen_window_days == 365
    assert rec.calls["window_changed"] == [(365,)]
    state.set_mode("window")
    assert state.window_days == 365  # not the whole story again
    # In window mode nothing else changes: the whole story stays until the time moves.
    state.show_whole_story(chosen=True)
    state.set_mode("window")
    assert state.chosen_window_days == WHOLE_STORY
    assert state.window_days == state.story_days()


def test_the_mode_chosen_is_the_one_a_state_opens_in(small):
    """The mode box's choice (`choose_mode`), remembered, is the next launch's: a chapter's
    or the whole story's Window mode is not a choice, and a value that is no mode is left out."""
    state = ExplorerState(small)
    assert state.mode is TimeMode.WINDOW and state.chosen_mode is None
    state.choose_mode("cumulative")
    assert state.mode is TimeMode.CUMULATIVE and state.chosen_mode is TimeMode.CUMULATIVE
    state.choose_era(small.eras[0])
    assert state.mode is TimeMode.WINDOW and state.chosen_mode is TimeMode.CUMULATIVE
    state.show_whole_story(chosen=True)
    assert state.chosen_mode is TimeMode.CUMULATIVE
    again = ExplorerState(small, None, state.chosen_mode)
    assert again.mode is TimeMode.CUMULATIVE and again.chosen_mode is TimeMode.CUMULATIVE
    assert again.window_days == DEFAULT_WINDOW_DAYS  # (no whole story: that is Window's view)
    assert ExplorerState(small, None, "cumulative").mode is TimeMode.CUMULATIVE
    for junk in ("sideways", "", 3, ["window"]):
        assert ExplorerState(small, None, junk).mode is TimeMode.WINDOW


def _week_of_incidents() -> Catalogue:
    places = make_places()
    events = [ev(f"e{i}", f"2024-03-0{i}", "origin") for i in range(1, 10)]
    return Catalogue(events=events, places=places)


def test_a_short_story_opens_with_a_window_that_fits_it():
    """Nine days under a ten-year window: every event showed at every time, so moving the
    slider in Window mode changed nothing on the map. A short story opens with the widest
    width within a quarter of it; a long one (the bundled article's) with ten years."""
    state = ExplorerState(_week_of_incidents())
    # It opens whole, every event on the map (at its last day, a day wide, it showed one);
    # the first move of the time gives the width that scrubs it.
    assert state.window_days == state.story_days()
    assert len(state.visible_events()) == len(state.catalogue.events)
    state.set_time(day("2024-03-04"))  # (from the middle day, 5 March)
    assert state.window_days == 1
    assert ids(state.visible_events()) == ["e4"]
    assert fitting_window_days(30) == 7
    assert fitting_window_days(366) == 30
    assert fitting_window_days(5 * 365) == 365
    assert fitting_window_days(325 * 365) == DEFAULT_WINDOW_DAYS
    assert {days for _label, days in WINDOW_WIDTHS} >= {1, 7, 30, DEFAULT_WINDOW_DAYS}


def test_the_width_the_user_chose_is_the_one_stories_open_with_where_it_suits_them(small):
    """A user who chose "1 year" got ten years again at the next launch and at the next file.
    The chosen width is kept (the window remembers it between sessions) and opens every story
    at least twice as long as it; a short story still opens whole, the chosen width coming
    with the first move, and one too short for it gets its fitting width."""
    state = ExplorerState(small, chosen_window_days=365)
    assert state.window_days == 365 and state.chosen_window_days == 365
    state.choose_window_days(30)  # the width box
    assert state.window_days == 30 and state.chosen_window_days == 30
    state.choose_era("modern")  # a chapter's width is not a choice of width
    assert state.chosen_window_days == 30
    state.set_catalogue(small)
    assert state.window_days == 30

    week = _week_of_incidents()  # nine days: a month would show all of it at every time
    state.set_catalogue(week)
    assert state.window_days == state.story_days() == 9  # whole, as ever
    state.set_time(day("2024-03-04"))
    assert state.window_days == 1  # its fitting width, not the month
    state.choose_window_days(1)
    state.set_catalogue(small)
    assert state.window_days == 1  # a day over twenty centuries, as chosen

    nine = ExplorerState(week, chosen_window_days=1)  # a day scrubs a nine-day story
    assert nine.window_days == 9
    nine.set_time(day("2024-03-02"))
    assert nine.window_days == 1
    assert ExplorerState(week, chosen_window_days=7).window_days == 9  # more than half of it
    assert ExplorerState(small, chosen_window_days=12).window_days == DEFAULT_WINDOW_DAYS
    assert ExplorerState(small, chosen_window_days=12).chosen_window_days is None  # not a width
    assert opening_window_days(20, 7) == 7
    assert opening_window_days(13, 7) == fitting_window_days(13) == 1
    assert opening_window_days(325 * 365, None) == DEFAULT_WINDOW_DAYS


def test_opening_another_file_gives_its_story_a_fitting_window(state, small):
    rec = Recorder(state)
    state.set_window_days(365)
    rec.clear()
    state.set_catalogue(_week_of_incidents())
    story = state.story_days()
    assert state.window_days == story  # whole at first, a day wide once the time moves
    assert rec.calls["window_changed"] == [(story,)]
    state.set_time(day("2024-03-02"))
    assert state.window_days == 1
    state.show_whole_story()
    state.set_catalogue(small)  # from "Whole story": the new story's own width
    assert state.window_days == DEFAULT_WINDOW_DAYS
    state.set_time(day("1945-02-15"))
    assert state.window_days == DEFAULT_WINDOW_DAYS


def test_another_file_opened_whole_gives_back_the_width_chosen_before_the_whole_story(small):
    """ "1 year", then the whole story chosen, then another file (opening whole, as chosen):
    Cumulative or a move of the time gave that story's fitting width, not the year."""
    state = ExplorerState(small)
    state.choose_window_days(365)
    state.show_whole_story(chosen=True)
    state.set_catalogue(small)
    assert state.window_days == state.story_days()
    state.set_mode("cumulative")
    state.set_mode("window")
    assert state.window_days == 365 and state.chosen_window_days == 365
    # At the next launch too, the width before the whole story given with it.
    again = ExplorerState(small, WHOLE_STORY, width_before_whole_story=365)
    assert again.window_days == again.story_days()
    assert again.width_before_whole_story == 365
    again.set_time(again.time - 1)
    assert again.window_days == 365 and again.chosen_window_days == 365
    assert ExplorerState(small, 365, width_before_whole_story=30).width_before_whole_story is None
    assert ExplorerState(small, WHOLE_STORY, width_before_whole_story=12).window_days
