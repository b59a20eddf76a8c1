"""What the user is looking at: the catalogue, the current time and mode, the selection, the
filters. Every view reads this and writes back through its methods; views never call each other.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import accumulate

from mapexplorer.model.catalogue import Catalogue, Era
from mapexplorer.model.event import Event
from mapexplorer.model.signal import Signal


class TimeMode(StrEnum):
    WINDOW = "window"
    """Events active within `window_days` around the current time."""
    CUMULATIVE = "cumulative"
    """Everything that had begun by the current time; older events fade."""


def fold(text: str) -> str:
    """Text as the filter compares it: without case or accents, so that "zurich" finds
    "Zürich", "ZÜRICH" and "Zurich" ("Straße" and "strasse" too)."""
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return text.casefold()


@dataclass(frozen=True)
class EventFilter:
    text: str = ""
    category: str = ""
    actor: str = ""

    def matches(self, event: Event, place_names: Iterable[str] = ()) -> bool:
        """Whether `event` passes; each word of the text is looked for, in any order, in its
        title, summary, actors, category and id, and in `place_names` (its places' names,
        which the event itself does not hold), ignoring case and accents (`fold`). Typed as
        one phrase, "putin moscow" found nothing: no field says those words side by side."""
        if self.category and event.category != self.category:
            return False
        if self.actor and self.actor not in event.actors:
            return False
        if self.text:
            fields = (event.title, event.summary, *event.actors, event.category, event.id)
            haystack = fold(" ".join((*fields, *place_names)))
            return all(word in haystack for word in fold(self.text).split())
        return True

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.category or self.actor)

    def described(self) -> str:
        """What the filter asks for, as the list and the map say it matches nothing:
        "“putin” and the category Diplomacy". Each text in its own direction (isolates): an
        Arabic or Hebrew filter keeps its quotes round it."""
        parts = [f"“\u2068{self.text}\u2069”"] if self.text else []
        if self.category:
            parts.append(f"the category \u2068{self.category}\u2069")
        if self.actor:
            parts.append(f"the actor \u2068{self.actor}\u2069")
        return " and ".join(parts)


DEFAULT_WINDOW_DAYS = 3653  # ten years: wide enough that the sparse centuries are not empty
WINDOW_WIDTHS = (
    ("1 day", 1),
    ("1 week", 7),
    ("1 month", 30),
    ("6 months", 182),
    ("1 year", 365),
    ("5 years", 1826),
    ("10 years", 3653),
    ("50 years", 18262),
    ("100 years", 36524),
)
"""The widths the slider's box (and the exported page's) offers, in days."""
_WIDTH_DAYS = frozenset(days for _label, days in WINDOW_WIDTHS)
WHOLE_STORY = 0
"""`ExplorerState.chosen_window_days` when the user chose the whole story ("All eras", or the
width box's "Whole story"): stories open whole, as a short one does, until the time moves."""


def fitting_window_days(story_days: int) -> int:
    """The width a story opens with: ten years (`DEFAULT_WINDOW_DAYS`), or, for a story
    shorter than forty years, the widest of `WINDOW_WIDTHS` within a quarter of it, so that
    moving the time changes what the map shows (a week's incident log: a day; a year's: a
    month). Ten years over a few days showed every event at every time."""
    quarter = min(story_days // 4, DEFAULT_WINDOW_DAYS)
    return max((days for _label, days in WINDOW_WIDTHS if days <= quarter), default=1)


def opening_window_days(story_days: int, chosen: int | None = None) -> int:
    """The width a story scrubs with: the one the user chose in the width box (this session or
    the last, `ExplorerState.chosen_window_days`), when it is at most half the story, so that
    moving the time still changes what the map shows; else the one that fits the story
    (`fitting_window_days`). A year chosen for a century's story is kept; over a week's
    incident log it would show every event at every time, and the log gets a day."""
    if chosen is not None and 0 < chosen and 2 * chosen <= story_days:
        return chosen
    return fitting_window_days(story_days)


class ExplorerState:
    """The single source of truth shared by the map, the slider, the list and the panels."""

    def __init__(
        self,
        catalogue: Catalogue,
        chosen_window_days: int | None = None,
        chosen_mode: TimeMode | str | None = None,
        width_before_whole_story: int | None = None,
    ) -> None:
        """`chosen_window_days`: the width the user last chose in the width box (a remembered
        setting), which stories open with where it suits them (`opening_window_days`);
        `chosen_mode`: the mode the user last chose (remembered too), which the state opens
        in (a value that is no mode is left out); `width_before_whole_story`: when the whole
        story was the choice, the width chosen before it (remembered with it), given back
        when the user leaves it."""
        self.catalogue_changed = Signal()  # (catalogue)
        self.time_changed = Signal()  # (day)
        self.mode_changed = Signal()  # (TimeMode)
        self.window_changed = Signal()  # (window_days)
        self.selection_changed = Signal()  # (event_id or None)
        self.filter_changed = Signal()  # (EventFilter)
        self.era_changed = Signal()  # (Era or None): a chapter, or the whole story, was chosen
        modes = {m.value: m for m in TimeMode}
        known = modes.get(chosen_mode) if isinstance(chosen_mode, str) else None
        self.chosen_mode: TimeMode | None = known
        """The mode the user chose in the mode box (`choose_mode`), or None: not yet. A
        chapter's or the whole story's window mode is not a choice, as their width is not."""
        self.mode = self.chosen_mode or TimeMode.WINDOW
        self.window_days = DEFAULT_WINDOW_DAYS
        self.selected: str | None = None
        self.filter = EventFilter()
        self._width_before_story: int | None = None
        """While "All eras" shows the whole story: the width it replaced (see `set_time`)."""
        known = chosen_window_days in _WIDTH_DAYS or chosen_window_days == WHOLE_STORY
        self.chosen_window_days = chosen_window_days if known else None
        """The width the user chose in the width box (`choose_window_days`), or `WHOLE_STORY`
        (`show_whole_story`); None: not yet."""
        self._chosen_before_story: int | None = (
            width_before_whole_story
            if self.chosen_window_days == WHOLE_STORY and width_before_whole_story in _WIDTH_DAYS
            else None
        )
        """While the whole story is the user's choice: their choice before it, theirs again
        once they leave it (`set_window_days`), and the width a story opening whole gives
        back when left (`_set_catalogue`)."""
        self._set_catalogue(catalogue)

    # --- catalogue ----------------------------------------------------------------------------
    def _set_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._ordered = catalogue.chronological()
        self._starts = catalogue.starts_in_order()
        # `_matching`: the filter, its events, their first days, the events' ids (id()), and
        # the latest last day of each prefix of them (`matches_out_of_time`).
        self._filtered: tuple[EventFilter, list[Event], list[int], set[int], list[int]] | None = (
            None
        )
        self.time = catalogue.time_range()[1] if catalogue.events else 0
        self.selected = None
        self._width_before_story = None
        if catalogue.events:
            story = self.story_days()
            chosen = self.chosen_window_days
            if chosen == WHOLE_STORY:  # the width to leave it for: the one chosen before it
                chosen = self._chosen_before_story
            self.window_days = opening_window_days(story, chosen)
            whole = self.chosen_window_days == WHOLE_STORY or (
                fitting_window_days(story) < DEFAULT_WINDOW_DAYS
            )
            if whole and self.mode is TimeMode.WINDOW:
                # A short story opens whole, every event on the map, as "All eras" shows it;
                # the first move of the time gives the narrow width that scrubs it (at the
                # last day, a day wide, a week's log showed one event of its dozens). Any
                # story does when the whole story was the user's choice.
                start, end = catalogue.time_range()
                self._width_before_story = self.window_days
                self.window_days = self.story_days()
                self.time = (start + end) // 2

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Show another catalogue: time goes to its latest event, the window's width to the
        one it scrubs with (`opening_window_days`: the chosen one, or one that fits it; a
        short story opens whole, until the time moves); the selection and the filter are
        cleared (the last file's category or actor may not exist in this one). Views read
        the filter again on `catalogue_changed`, so no `filter_changed` is sent."""
        width = self.window_days
        self._set_catalogue(catalogue)
        self.filter = EventFilter()
        self.catalogue_changed.emit(catalogue)
        if self.window_days != width:
            self.window_changed.emit(self.window_days)
        self.time_changed.emit(self.time)
        self.selection_changed.emit(None)

    # --- time ---------------------------------------------------------------------------------
    def set_time(self, day: int) -> None:
        """Move the time. Moving away from the whole story ("All eras": a window as wide as
        the story, centred on it) gives back the width it replaced: a story-wide window moved
        off centre would hang off one end of the story and show less than all of it."""
        day = self._clamp(day)
        if day != self.time:
            if self._width_before_story is not None:
                width, self._width_before_story = self._width_before_story, None
                self.set_window_days(width)
            self.time = day
            self.time_changed.emit(day)

    def _clamp(self, day: int) -> int:
        """A day inside the catalogue's time range (an empty catalogue keeps the time it has)."""
        if not self.catalogue.events:
            return self.time
        start, end = self.catalogue.time_range()
        return max(start, min(end, int(day)))

    def set_mode(self, mode: TimeMode | str) -> None:
        """Window or cumulative. Cumulative leaves the whole story (a window as wide as the
        story, a window mode's view), as moving the time does: the width before comes back
        for the window mode, and a whole story the user chose is no longer the one stories
        open with (else the next launch opened whole, in window mode, a view left behind)."""
        mode = TimeMode(mode)
        if mode is not self.mode:
            if mode is TimeMode.CUMULATIVE and self._width_before_story is not None:
                width, self._width_before_story = self._width_before_story, None
                self.set_window_days(width)
            self.mode = mode
            self.mode_changed.emit(mode)

    def choose_mode(self, mode: TimeMode | str) -> None:
        """The user chose this mode (the slider's mode box): shown now, and the one the next
        launch opens in (remembered)."""
        self.set_mode(mode)
        self.chosen_mode = TimeMode(mode)

    def choose_window_days(self, days: int) -> None:
        """The user chose this width (the slider's width box): shown now, and the one stories
        open with from now on (`opening_window_days`), this session and, remembered, the next."""
        self.set_window_days(days)
        if days in _WIDTH_DAYS:
            self.chosen_window_days = days

    def set_window_days(self, days: int) -> None:
        self._width_before_story = None  # a width chosen: no longer the whole story
        if self.chosen_window_days == WHOLE_STORY:  # left by the user: their width before
            self.chosen_window_days = self._chosen_before_story
        days = max(1, int(days))
        if days != self.window_days:
            self.window_days = days
            self.window_changed.emit(days)

    @property
    def width_before_whole_story(self) -> int | None:
        """While the whole story is the user's choice: the width they chose before it (None:
        none, or the whole story is not the choice), for the settings to keep with it."""
        return self._chosen_before_story if self.chosen_window_days == WHOLE_STORY else None

    def story_days(self) -> int:
        """How many days the story spans, first to last (0 without events): the window width
        that shows all of it (`show_whole_story`)."""
        if not self.catalogue.events:
            return 0
        start, end = self.catalogue.time_range()
        return end - start + 1

    def window(self) -> tuple[int, int]:
        """The days shown now, inclusive: centred on the time, or everything up to it."""
        if self.mode is TimeMode.CUMULATIVE:
            return (self._starts[0] if self._starts else self.time), self.time
        half = self.window_days // 2
        return self.time - half, self.time + half

    def _stepped_starts(self) -> list[int]:
        """The first days Page Up / Page Down go through: of the events the filter lets through
        (with a filter on, they went to events the list and the map did not show)."""
        return self._starts if self.filter.is_empty else self._matching()[1]

    def next_event_time(self) -> int | None:
        """Start of the first (filtered) event that begins after the current time (▶|)."""
        starts = self._stepped_starts()
        i = bisect.bisect_right(starts, self.time)
        return starts[i] if i < len(starts) else None

    def previous_event_time(self) -> int | None:
        starts = self._stepped_starts()
        i = bisect.bisect_left(starts, self.time)
        return starts[i - 1] if i > 0 else None

    def step_event(self, direction: int) -> None:
        target = self.next_event_time() if direction > 0 else self.previous_event_time()
        if target is not None:
            self.set_time(target)

    # --- what is visible ----------------------------------------------------------------------
    def filtered_events(self) -> list[Event]:
        """The events passing the filter, in chronological order."""
        if self.filter.is_empty:
            return list(self._ordered)
        return list(self._matching()[0])

    def _matching(self) -> tuple[list[Event], list[int], set[int]]:
        """The events passing the (non-empty) filter, chronological, their first days, and
        their `id()`s. Tested once per filter and catalogue: the map, the list and every slider
        move ask, and testing 100,000 events takes ~0.1 s."""
        cached = self._filtered  # cleared with each new catalogue
        if cached is None or cached[0] != self.filter:
            matching = [e for e in self._ordered if self.passes_filter(e)]
            starts = [e.time.start for e in matching]
            reach = list(accumulate((e.time.end for e in matching), max))
            cached = (self.filter, matching, starts, set(map(id, matching)), reach)
            self._filtered = cached
        return cached[1], cached[2], cached[3]

    def match_count(self) -> int:
        """How many events pass the filter (all of them without one), without copying them."""
        return len(self._ordered) if self.filter.is_empty else len(self._matching()[0])

    def matches_out_of_time(self) -> tuple[int, int] | None:
        """With a filter whose events are all outside the time shown: how many of them are
        before it and how many after (the map shows none, the list shows them all); else None
        (no filter, no match, or one shown). In a few bisections, not a pass over the events:
        asked after each move of the time while a filter is on."""
        if self.filter.is_empty:
            return None
        matching, starts, _ = self._matching()
        if not matching:
            return None
        reach = self._filtered[4]  # set by `_matching`
        start, end = self.window()
        begun = bisect.bisect_right(starts, end)  # those begun by the window's end...
        if begun and reach[begun - 1] >= start:  # ...one of them not over before its start
            return None
        return begun, len(matching) - begun

    def visible_events(self) -> list[Event]:
        """Events the map shows now: in the time window and passing the filter."""
        start, end = self.window()
        if self.mode is TimeMode.CUMULATIVE:
            # Everything begun by the window's end: a prefix of the chronological order, or of
            # the filter's events, which keep that order.
            if self.filter.is_empty:
                return self._ordered[: bisect.bisect_right(self._starts, end)]
            matching, starts, _ = self._matching()
            return matching[: bisect.bisect_right(starts, end)]
        candidates = self.catalogue.active_in(start, end)
        if self.filter.is_empty:
            return candidates
        passing = self._matching()[2]  # a look-up per event, not the text test, at every move
        return [e for e in candidates if id(e) in passing]

    def passes_filter(self, event: Event) -> bool:
        """Whether `event` passes the filter, whose text may also name one of its places."""
        if not self.filter.text:
            return self.filter.matches(event)
        label = self.catalogue.place_label
        return self.filter.matches(event, [label(p) for p in event.place_ids])

    def set_filter(self, **changes: str) -> None:
        new = replace(self.filter, **changes)
        if new != self.filter:
            self.filter = new
            self.filter_changed.emit(new)

    # --- selection ----------------------------------------------------------------------------
    def select(self, event_id: str | None, move_time: bool = False) -> None:
        """Select an event everywhere. `move_time` brings the slider to it when it is not shown."""
        event = self.catalogue.event(event_id) if event_id is not None else None  # or KeyError
        if move_time and event is not None:
            start, end = self.window()
            if self.mode is TimeMode.CUMULATIVE and event.time.start > self.time:
                self.set_time(event.time.start)
            elif self.mode is TimeMode.WINDOW and not event.time.overlaps(start, end):
                self.set_time((event.time.start + event.time.end) // 2)
        if event_id != self.selected:
            self.selected = event_id
            self.selection_changed.emit(event_id)

    def show_event(self, event_id: str) -> None:
        """Select an event, moving the time to it, and have every view show it again even when
        it is selected already (the map flies back to it after the user panned away): Enter
        in the event list."""
        shown = event_id == self.selected
        self.select(event_id, move_time=True)
        if shown:
            self.selection_changed.emit(event_id)

    @property
    def selected_event(self) -> Event | None:
        return self.catalogue.event(self.selected) if self.selected else None

    # --- eras ---------------------------------------------------------------------------------
    def choose_era(self, era: Era | str) -> None:
        """A chapter: the window spans the era; the map frames its events (via era_changed)."""
        if isinstance(era, str):
            era = next(e for e in self.catalogue.eras if e.id == era)
        self.set_mode(TimeMode.WINDOW)
        self.set_window_days(era.time.end - era.time.start + 1)
        self.time = self._clamp((era.time.start + era.time.end) // 2)
        self.time_changed.emit(self.time)  # even if unchanged: the window did change
        self.era_changed.emit(era)

    def adjacent_era(self, direction: int) -> Era | None:
        """The chapter after (`direction` > 0) or before the one the time is in, in time order
        (from a time in none: the first that starts after it, or the last that starts before
        it); None past either end, or without eras."""
        eras = sorted(self.catalogue.eras, key=lambda e: (e.time.start, e.time.end))
        if direction > 0:
            return next((e for e in eras if e.time.start > self.time), None)
        current = self.catalogue.era_at(self.time)
        before = current.time.start if current is not None else self.time
        earlier = [e for e in eras if e.time.start < before]
        return earlier[-1] if earlier else None

    def step_era(self, direction: int) -> Era | None:
        """Choose the next (`direction` > 0) or previous chapter (`adjacent_era`), as the
        Chapter box does; the chapter chosen, or None (and nothing changes) at either end."""
        era = self.adjacent_era(direction)
        if era is not None:
            self.choose_era(era)
        return era

    def show_whole_story(self, chosen: bool = False) -> None:
        """All eras: a window as wide as the story, centred on it, so every event shows; the
        map frames the story's places (via `era_changed(None)`). Until the time moves: then
        the width is the one before (`set_time`). Nothing without events. `chosen`: the user
        chose it, and stories open whole from now on, as with a width chosen (remembered for
        the next session too), until the user leaves it."""
        if not self.catalogue.events:
            return
        start, end = self.catalogue.time_range()
        before = self._width_before_story or self.window_days
        self.set_mode(TimeMode.WINDOW)
        self.set_window_days(self.story_days())
        self._width_before_story = before  # given back when the time moves (`set_time`)
        if chosen and self.chosen_window_days != WHOLE_STORY:
            self._chosen_before_story = self.chosen_window_days
            self.chosen_window_days = WHOLE_STORY
        self.time = (start + end) // 2
        self.time_changed.emit(self.time)  # even if unchanged: the window did change
        self.era_changed.emit(None)
